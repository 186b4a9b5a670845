"""A default stated in a sentence ("The default value is 300.") holds where a client may
send it without changing what the service does: not for a list's filter named like a
property of the listed items, not for a field its cell restricts to a case, not in the
body of an update, not in a response; a "Default:" line holds everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.scraper.model import TextLine
from doc2openapi.spec.constraints import constraints_of
from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.page_builders import portal_page, resolve, scrape_html, section, table

REQUEST = ("Parameter", "Mandatory", "Type", "Description")
RESPONSE = ("Parameter", "Type", "Description")


def _page(uri: str, *sections: str) -> str:
    return portal_page(*sections).replace("GET /v1/things/{id}", uri)


def _listing(tmp_path: Path) -> dict[str, Any]:
    thing = table(
        RESPONSE, ("type", "String", "Type. The default value is <strong>server</strong>.")
    )
    html = _page(
        "GET /v1/things",
        section(
            "Request",
            table(
                REQUEST,
                ("type", "No", "String", "Type. The default value is <strong>server</strong>."),
                ("limit", "No", "Integer", "Page size. The default value is 100."),
                caption="Table 1 Query parameters",
            ),
        ),
        section(
            "Response",
            table(
                RESPONSE,
                ("things", 'Array of <a href="#op__t3">Thing</a> objects', "The things."),
                ("count", "Integer", "How many. The default value is 0."),
                ("size", "Integer", "Size.</p><p>Default: 10"),
                caption="Table 2 Response body parameters",
            ),
            thing.replace("<table>", '<table id="op__t3">'),
        ),
    )
    return scrape_html(tmp_path, html).spec.document


def test_a_list_filter_named_like_a_listed_property_has_no_sentence_default(
    tmp_path: Path,
) -> None:
    document = _listing(tmp_path)
    parameters = document["paths"]["/v1/things"]["get"]["parameters"]
    schemas = {p["name"]: p["schema"] for p in parameters}
    assert "default" not in schemas["type"]  # a filter: sending it lists only some things
    assert schemas["limit"]["default"] == 100  # paging keeps its default


def test_a_response_has_no_sentence_default_but_keeps_a_stated_one(tmp_path: Path) -> None:
    document = _listing(tmp_path)
    response = document["paths"]["/v1/things"]["get"]["responses"]["200"]
    fields = resolve(document, response["content"]["application/json"]["schema"])["properties"]
    assert "default" not in fields["count"]
    assert fields["size"]["default"] == 10
    assert "default" not in document["components"]["schemas"]["Thing"]["properties"]["type"]
    assert "x-default-from-sentence" not in str(document)


def _body(tmp_path: Path, method: str) -> dict[str, Any]:
    html = _page(
        f"{method} /v1/things",
        section(
            "Request",
            table(
                REQUEST,
                ("weight", "No", "Integer", "Weight. The default value is 1."),
                ("size", "No", "Integer", "Size.</p><p>Default: 10"),
                ("copies", "No", "Integer", "Copies. Value range: 1-5. Default value: 2."),
                (
                    "policy",
                    "No",
                    "String",
                    "Only for HTTPS listeners. The default value is <strong>tls-1-0</strong>.",
                ),
                caption="Table 1 Request body parameters",
            ),
        ),
    )
    folder = tmp_path / method
    folder.mkdir()
    document = scrape_html(folder, html).spec.document
    body = document["paths"]["/v1/things"][method.lower()]["requestBody"]["content"]
    return dict(resolve(document, body["application/json"]["schema"])["properties"])


def test_an_update_body_has_no_sentence_default(tmp_path: Path) -> None:
    created = _body(tmp_path, "POST")
    assert (created["weight"]["default"], created["size"]["default"]) == (1, 10)
    for method in ("PUT", "PATCH"):
        updated = _body(tmp_path, method)
        assert "default" not in updated["weight"]  # sending 1 would reset the weight
        assert (updated["size"]["default"], updated["copies"]["default"]) == (10, 2)


def test_a_field_restricted_to_a_case_has_no_sentence_default(tmp_path: Path) -> None:
    assert "default" not in _body(tmp_path, "POST")["policy"]
    for text in (
        "The default value is 60. This parameter is valid only when protocol is HTTP.",
        "Do not use it. The default value is 60.",
        "The default value is 60. It is available only in some regions.",
        "The default value is 60. This parameter is not supported.",
    ):
        assert "default" not in constraints_of([TextLine(text)], "integer"), text
    value = "The default value is 1. It can be set to 0 only when operation is SET."
    assert constraints_of([TextLine(value)], "integer")["default"] == 1


def test_a_bold_absence_word_is_a_default_only_among_the_enumerated_values() -> None:
    for word in ("None", "empty", "N/A"):
        line = TextLine(f"Mode. The default value is {word}.", strong=(word,))
        assert "default" not in constraints_of([line], "string"), word
    listed = [
        TextLine("Mode. The default value is none.", strong=("none",)),
        TextLine("The value can be:"),
        TextLine("none: no mode.", True, ("none",)),
        TextLine("fast: the fast mode.", True, ("fast",)),
    ]
    assert constraints_of(listed, "string")["default"] == "none"
    # cce: "The value can be **none** or **static**. The default value is **none**."
    named = TextLine(
        "The value can be none or static. The default value is none.",
        strong=("none", "static", "none"),
    )
    assert constraints_of([named], "string")["default"] == "none"


def test_elb_certificate_listing_has_no_type_default() -> None:
    """elb's "Querying Certificates" copies the certificate's field table as its query
    parameters: ``type`` ("The default value is server.") is a filter there."""
    document = scraped_folder("doc-exports/elb/api-ref").document
    operation = document["paths"]["/v2.0/lbaas/certificates"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"] if "name" in p}
    assert "The default value is server." in parameters["type"]["description"]
    assert "default" not in parameters["type"]["schema"]
