"""A table of two rows, ``key`` and ``value``, is a map where the page's examples give its
field as an object of other keys, and an object where they give ``key`` and ``value``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers.page_builders import FIELDS, portal_page, resolve, scrape_html, section, table


def _page(field: str, type_text: str, example: str) -> str:
    return portal_page(
        section(
            "Response Parameters",
            table(
                FIELDS,
                (field, type_text, "The settings. See <a href='#t3'>Table 3</a>."),
                caption="Table 2 Response parameters",
            ),
            "<span id='t3'></span>",
            table(
                FIELDS,
                ("key", "String", 'The name of a setting, max_size in "max_size": "10".'),
                ("value", "String", 'The value of a setting, 10 in "max_size": "10".'),
                caption=f"Table 3 {field} field data structure description",
            ),
        ),
        section("Example Response", f"<pre>{example}</pre>"),
        section("Status Codes", table(("Status Code", "Description"), ("200", "OK."))),
    )


def _field(tmp_path: Path, html: str, name: str) -> tuple[dict[str, Any], list[str]]:
    """The field's schema, every ``$ref`` resolved down to its items, and the codes said."""
    outcome = scrape_html(tmp_path, html)
    document = outcome.spec.document
    response = document["paths"]["/v1/things/{id}"]["get"]["responses"]["200"]
    body = resolve(document, response["content"]["application/json"]["schema"])
    schema = resolve(document, body["properties"][name])
    if "items" in schema:
        schema = {**schema, "items": resolve(document, schema["items"])}
    return schema, [d.code.value for d in outcome.diagnostics]


def test_key_and_value_rows_of_a_map_the_example_shows(tmp_path: Path) -> None:
    html = _page("settings", "Object", '{"settings": {"max_size": "10", "mode": "fast"}}')
    settings, codes = _field(tmp_path, html, "settings")
    assert "properties" not in settings
    assert settings["additionalProperties"]["type"] == "string"
    assert "D108" in codes
    assert "D402" not in codes
    assert "D405" not in codes


def test_key_and_value_rows_of_objects_the_example_shows(tmp_path: Path) -> None:
    html = _page("labels", "Array of objects", '{"labels": [{"key": "k1", "value": "v1"}]}')
    labels, codes = _field(tmp_path, html, "labels")
    assert list(labels["items"]["properties"]) == ["key", "value"]
    assert "D108" not in codes
