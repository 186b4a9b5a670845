"""Nested tables without a caption, named by the paragraph before them and linked from any
cell: small portal-style pages written for each rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.pipeline import ScrapeOutcome, scrape
from doc2openapi.report import build_report
from doc2openapi.scraper.links import caption_subject, label_subject

HEAD = (
    "<thead><tr><th>Parameter</th><th>Type</th><th>Mandatory</th><th>Description</th></tr></thead>"
)


def _table(*rows: str) -> str:
    return (
        f"<div class='table-responsive'><table>{HEAD}<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _row(name: str, type_: str, description: str = "", mandatory: str = "No") -> str:
    cells = "".join(f"<td><p>{text}</p></td>" for text in (name, type_, mandatory, description))
    return f"<tr>{cells}</tr>"


def _page(request: str, response: str = "", method: str = "POST") -> str:
    return f"""<html><body><main><section id="top"><h1>Doing a thing</h1>
<section id="uri"><h2>URI</h2><p>{method} /v1/{{project_id}}/things</p></section>
<section id="request"><h2>Request</h2><ul>{request}</ul></section>
<section id="response"><h2>Response</h2><ul>{response}</ul></section>
</section></main></body></html>"""


def _scrape(tmp_path: Path, html: str) -> ScrapeOutcome:
    (tmp_path / "page.html").write_text(html)
    return scrape([tmp_path])


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _request(outcome: ScrapeOutcome) -> dict[str, Any]:
    document = outcome.spec.document
    operation = document["paths"]["/v1/{project_id}/things"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    return _resolve(document, body)


def _response(outcome: ScrapeOutcome) -> dict[str, Any]:
    document = outcome.spec.document
    operation = document["paths"]["/v1/{project_id}/things"]["get"]
    body = next(iter(operation["responses"].values()))["content"]["application/json"]["schema"]
    return _resolve(document, body)


def _linked(name: str, type_: str, subject: str, *members: str) -> str:
    """A field whose description links the list item that labels its table."""
    link = f'See <a class="reference internal" href="#li-{subject}">{subject}</a>.'
    return (
        f"<li>{_table(_row(name, type_, link))}</li>"
        f'<li><p id="li-{subject}">Parameters in the <strong>{subject}</strong> field</p>'
        f"{_table(*members)}</li>"
    )


def _codes(outcome: ScrapeOutcome) -> list[str]:
    return [d.code.name for d in outcome.diagnostics]


def test_description_link_to_the_labelling_list_item(tmp_path: Path) -> None:
    request = (
        "<li><p>Request parameters</p>"
        + _table(
            _row(
                "volume",
                "Object",
                'See <a class="reference internal" href="#li-volume">'
                "<span>Parameters in the volume field</span></a>.",
                "Yes",
            )
        )
        + '</li><li><p id="li-volume">Parameters in the <strong>volume</strong> field</p>'
        + _table(_row("size", "Integer", "Size.", "Yes"), _row("name", "String"))
        + "</li>"
    )
    outcome = _scrape(tmp_path, _page(request))
    volume = _resolve(outcome.spec.document, _request(outcome)["properties"]["volume"])
    assert set(volume["properties"]) == {"size", "name"}
    assert volume["required"] == ["size"]
    assert "TABLE_UNPLACED" not in _codes(outcome)


def test_link_in_the_name_cell_to_a_paragraph_before_the_table(tmp_path: Path) -> None:
    request = (
        "<li><p>Parameters in the request body</p>"
        + _table(_row('<a class="reference internal" href="#p-auth">auth</a>', "Auth object"))
        + '<ul><li><p id="p-auth">auth</p>'
        + _table(_row('<a class="reference internal" href="#p-id">identity</a>', "Id object"))
        + '</li><li><p id="p-id">auth.identity</p><p>A note between label and table.</p>'
        + _table(_row("methods", "Array of strings"))
        + "</li></ul></li>"
    )
    outcome = _scrape(tmp_path, _page(request))
    document = outcome.spec.document
    auth = _resolve(document, _request(outcome)["properties"]["auth"])
    identity = _resolve(document, auth["properties"]["identity"])
    assert identity["properties"]["methods"]["type"] == "array"
    assert "TABLE_UNPLACED" not in _codes(outcome)


def test_a_span_anchor_in_the_table_wrapper(tmp_path: Path) -> None:
    response = (
        "<li>"
        + _table(
            _row('<a class="reference internal" href="#rs-credential">credential</a>', "Object")
        )
        + '</li><li><div class="table-responsive"><span id="rs-credential"></span>'
        + f"<table><caption>Table 4 credential</caption>{HEAD}<tbody>"
        + _row("access", "String")
        + "</tbody></table></div></li>"
    )
    outcome = _scrape(tmp_path, _page("", response, method="GET"))
    credential = _resolve(outcome.spec.document, _response(outcome)["properties"]["credential"])
    assert set(credential["properties"]) == {"access"}


def test_a_table_named_only_by_its_label(tmp_path: Path) -> None:
    request = (
        "<li><p>Parameter description</p>"
        + _table(_row("os-detach", "Object", "The detachment marker.", "Yes"))
        + "</li><li><p>Parameter in the <strong>os-detach</strong> field</p>"
        + _table(_row("attachment_id", "String"))
        + "</li>"
    )
    outcome = _scrape(tmp_path, _page(request))
    detach = _resolve(outcome.spec.document, _request(outcome)["properties"]["os-detach"])
    assert set(detach["properties"]) == {"attachment_id"}


def test_list_of_a_named_type_follows_the_description_link(tmp_path: Path) -> None:
    request = _linked(
        "tags",
        "List&lt;resource_tag&gt;",
        "resource_tag",
        _row("key", "String"),
        _row("value", "String"),
    )
    outcome = _scrape(tmp_path, _page(request))
    tags = _request(outcome)["properties"]["tags"]
    assert tags["type"] == "array"
    assert set(_resolve(outcome.spec.document, tags["items"])["properties"]) == {"key", "value"}


def test_a_map_with_a_table_of_its_keys(tmp_path: Path) -> None:
    request = _linked(
        "metadata", "Map&lt;String,String&gt;", "metadata", _row("__system__encrypted", "String")
    )
    outcome = _scrape(tmp_path, _page(request))
    metadata = _resolve(outcome.spec.document, _request(outcome)["properties"]["metadata"])
    assert set(metadata["properties"]) == {"__system__encrypted"}


def test_a_header_table_named_by_its_label_is_not_the_body(tmp_path: Path) -> None:
    request = (
        "<li><p>Parameters in the request header</p>"
        + _table(_row("X-Language", "String"))
        + "</li><li><p>Parameters in the request body</p>"
        + _table(_row("name", "String", "", "Yes"))
        + "</li>"
    )
    outcome = _scrape(tmp_path, _page(request))
    operation = outcome.spec.document["paths"]["/v1/{project_id}/things"]["post"]
    assert set(_request(outcome)["properties"]) == {"name"}
    assert {"name": "X-Language", "in": "header"}.items() <= operation["parameters"][-1].items()


def test_the_only_unlinked_table_without_anchor_describes_the_only_unlinked_object(
    tmp_path: Path,
) -> None:
    response = (
        "<li>"
        + _table(_row("resource_detail", "object"), _row("name", "String"))
        + "</li><li><p>Parameters in the <strong>VolumeDetail</strong> field</p>"
        + _table(_row("id", "String"))
        + "</li>"
    )
    outcome = _scrape(tmp_path, _page("", response, method="GET"))
    detail = _resolve(outcome.spec.document, _response(outcome)["properties"]["resource_detail"])
    assert set(detail["properties"]) == {"id"}
    assert "UNRESOLVED_LINK" not in _codes(outcome)


def test_a_link_to_a_prose_paragraph_is_no_table(tmp_path: Path) -> None:
    """An anchor is only a table's lead anchor up to the next heading: a link to a
    paragraph of a section without a table resolves to nothing."""
    page = _page(
        "<li>" + _table(_row("project", "Object", 'See <a href="#p-howto">how to</a>.')) + "</li>"
    ).replace(
        '<section id="uri">',
        '<section id="howto"><h2>Notes</h2><p id="p-howto">Prose.</p></section><section id="uri">',
    )
    outcome = _scrape(tmp_path, page)
    project = _request(outcome)["properties"]["project"]
    assert project["type"] == "object"
    assert "$ref" not in project
    assert "UNRESOLVED_LINK" not in _codes(outcome)


@pytest.mark.parametrize(
    ("label", "subject"),
    [
        ("Parameters in the volume field", "volume"),
        ("Parameter in the os-extend field", "os-extend"),
        ("Data structure of the metadata field", "metadata"),
        ("Data structure of the spec/extendParam field", "extendParam"),
        ("Description of field match", "match"),
        ("Description for the values format", "values"),
        ("Parameter description of field resource_tag", "resource_tag"),
        ("Data structure description of field resource", "resource"),
        ("server_tags field description", "server_tags"),
        ("Configuration of server", "server"),
        ("auth.identity.policy.Statement", "Statement"),
        ("auth", "auth"),
        ("Parameter description", ""),
        ("Response parameters", ""),
        ("Parameters", ""),
        ("Normal", ""),
        ("Parameters in the request body", ""),
    ],
)
def test_label_subject(label: str, subject: str) -> None:
    assert label_subject(label) == subject


def test_caption_that_is_a_field_name() -> None:
    assert caption_subject("credential") == "credential"
    assert caption_subject("nics field description") == "nics"
    assert caption_subject("Request parameters") == ""


def test_a_recursive_response_table_is_the_body(tmp_path: Path) -> None:
    """The first response table is linked back from a table after it (a job's ``subJobs``
    are jobs): it is still the body, and the link a recursive reference."""
    response = (
        '<li><p id="li-job">Response parameters</p>'
        + _table(_row("kind", "String"), _row("spec", "Object", 'See <a href="#li-spec">spec</a>.'))
        + '</li><li><p id="li-spec">Data structure of the <strong>spec</strong> field</p>'
        + _table(_row("subJobs", "Array of objects", 'See <a href="#li-job">job</a>.'))
        + "</li>"
    )
    outcome = _scrape(tmp_path, _page("", response, method="GET"))
    document = outcome.spec.document
    spec = _resolve(document, _response(outcome)["properties"]["spec"])
    job = _resolve(document, spec["properties"]["subJobs"]["items"])
    assert set(job["properties"]) == {"kind", "spec"}
    assert "TABLE_UNPLACED" not in _codes(outcome)


def test_a_link_to_a_prose_page_is_not_unresolved(tmp_path: Path) -> None:
    request = (
        "<li>" + _table(_row("project", "", 'See <a href="howto.html#obtain">how</a>.')) + "</li>"
    )
    (tmp_path / "howto.html").write_text(
        '<html><body><main><h1>Obtaining a Project ID</h1><p id="obtain">Steps.</p>'
        "</main></body></html>"
    )
    outcome = _scrape(tmp_path, _page(request))
    assert "UNRESOLVED_LINK" not in _codes(outcome)


def test_a_link_to_a_page_not_in_the_folder_is_unresolved(tmp_path: Path) -> None:
    request = (
        "<li>" + _table(_row("project", "Object", 'See <a href="gone.html#x">it</a>.')) + "</li>"
    )
    assert "UNRESOLVED_LINK" in _codes(_scrape(tmp_path, _page(request)))


def test_a_request_field_linking_the_response_copy_takes_its_own_table(tmp_path: Path) -> None:
    """Documents sometimes link a request field to the response's table of the same name:
    the request section's own table describes it."""

    def section(anchor: str, member: str) -> str:
        link = 'See <a href="#rs-range">range</a>.'
        return (
            f"<li>{_table(_row('range', 'Object', link))}</li>"
            f'<li><p id="{anchor}">Parameters in the <strong>range</strong> field</p>'
            f"{_table(_row(member, 'Integer'))}</li>"
        )

    request, response = section("rq-range", "low"), section("rs-range", "high")
    outcome = _scrape(tmp_path, _page(request, response))
    assert set(
        _resolve(outcome.spec.document, _request(outcome)["properties"]["range"])["properties"]
    ) == {"low"}
    assert "TABLE_UNPLACED" not in _codes(outcome)


def test_a_link_to_another_page_beats_a_table_of_another_section(tmp_path: Path) -> None:
    """A response field linking a shared page's table takes that table, even where the
    request section captions a table for a field of the same name (request ``labels`` hold
    ``values``, response ``labels`` a ``value``): only a copy in its own section wins."""
    own = 'See <a href="#rq-labels">it</a>.'
    request = (
        f"<li>{_table(_row('labels', 'Array of object', own))}"
        '</li><li><p id="rq-labels">Parameters in the <strong>labels</strong> field</p>'
        f"{_table(_row('key', 'String'), _row('values', 'Array of strings'))}</li>"
    )
    link = 'See <a href="shared.html#t-label">Table 2</a>.'
    response = f"<li>{_table(_row('labels', 'Array of object', link))}</li>"
    (tmp_path / "shared.html").write_text(
        "<html><body><main><h1>Data Structure</h1><div class='table-responsive'>"
        f'<table id="t-label"><caption>Table 2 Description of the label field</caption>{HEAD}'
        f"<tbody>{_row('key', 'String')}{_row('value', 'String')}</tbody></table></div>"
        "</main></body></html>"
    )
    outcome = _scrape(tmp_path, _page(request, response))
    document = outcome.spec.document
    operation = document["paths"]["/v1/{project_id}/things"]["post"]
    body = next(iter(operation["responses"].values()))["content"]["application/json"]["schema"]
    labels = _resolve(document, body)["properties"]["labels"]["items"]
    assert set(_resolve(document, labels)["properties"]) == {"key", "value"}
    asked = _resolve(document, _request(outcome)["properties"]["labels"]["items"])
    assert set(asked["properties"]) == {"key", "values"}
    assert "TABLE_UNPLACED" not in _codes(outcome)


def test_a_caption_in_words_names_the_field(tmp_path: Path) -> None:
    request = (
        "<li>"
        + _table(_row("autoscaling", "autoscaling object"))
        + "</li><li><div class='table-responsive'><table>"
        + "<caption>Table 3 Data structure of the autoscaling field</caption>"
        + f"{HEAD}<tbody>{_row('enable', 'Boolean')}</tbody></table></div></li>"
    )
    outcome = _scrape(tmp_path, _page(request))
    scaling = _resolve(outcome.spec.document, _request(outcome)["properties"]["autoscaling"])
    assert set(scaling["properties"]) == {"enable"}


def test_captions_naming_the_field_after_of_field_describe_its_items(tmp_path: Path) -> None:
    """ "Description of field tag" describes each item of ``tags`` (a plural field name)
    and "Description of field match" each item of a list of ``match``: no link needed."""
    request = (
        "<li>"
        + _table(
            _row("tags", "Array&lt;Object&gt;", "Included tags."),
            _row("matches", "Array&lt;match&gt;", "Search criteria."),
        )
        + "</li><li><div class='table-responsive'><table>"
        + "<caption>Table 3 Description of field tag</caption>"
        + f"{HEAD}<tbody>{_row('key', 'String')}{_row('values', 'Array&lt;String&gt;')}"
        + "</tbody></table></div><div class='table-responsive'><table>"
        + "<caption>Table 4 Description of field match</caption>"
        + f"{HEAD}<tbody>{_row('key', 'String')}{_row('value', 'String')}</tbody></table></div>"
        + "</li>"
    )
    outcome = _scrape(tmp_path, _page(request))
    document, body = outcome.spec.document, _request(outcome)
    assert set(_resolve(document, body["properties"]["tags"]["items"])["properties"]) == {
        "key",
        "values",
    }
    assert set(_resolve(document, body["properties"]["matches"]["items"])["properties"]) == {
        "key",
        "value",
    }
    assert "TABLE_UNPLACED" not in _codes(outcome)


_TWO_BODY_TABLES = (
    "<li><p>Parameters in the request body</p>"
    + _table(_row("node_group", "String", "", "Yes"))
    + "</li><li><p>auto_scaling_policy parameter description</p>"
    + _table(_row("min_capacity", "Integer", "", "Yes"))
    + "</li>"
)


def test_a_table_named_for_a_field_no_table_lists_goes_where_the_example_has_it(
    tmp_path: Path,
) -> None:
    """ "Table 3 describe the request": a node_group table and an auto_scaling_policy
    table, and only the example shows that auto_scaling_policy is a member of the body."""
    page = _page(_TWO_BODY_TABLES).replace(
        '<section id="response">',
        '<section id="example"><h2>Example</h2><p>Example request</p>'
        '<pre>{"node_group": "task", "auto_scaling_policy": {"min_capacity": 1}}</pre>'
        '</section><section id="response">',
    )
    outcome = _scrape(tmp_path, page)
    body = _request(outcome)
    assert set(body["properties"]) == {"node_group", "auto_scaling_policy"}
    policy = _resolve(outcome.spec.document, body["properties"]["auto_scaling_policy"])
    assert set(policy["properties"]) == {"min_capacity"}
    assert "TABLE_UNPLACED" not in _codes(outcome)
    assert "TABLE_INFERRED" in _codes(outcome)
    # the field the example adds is counted as a field, and said to be no row of a table
    (service,) = build_report(outcome)["services"].values()
    assert service["fields_not_rows"] == 1
    assert service["rows_total"] == service["fields_total"] - 1


def test_without_the_field_in_the_example_the_table_stays_unplaced(tmp_path: Path) -> None:
    outcome = _scrape(tmp_path, _page(_TWO_BODY_TABLES))
    assert set(_request(outcome)["properties"]) == {"node_group"}
    assert "TABLE_UNPLACED" in _codes(outcome)
