"""A name cell that gives several names, one a paragraph, documents each of those fields
(``Principal`` / ``NotPrincipal`` sharing one description); a name broken over lines is one."""

from __future__ import annotations

from doc2openapi.pipeline import scrape_page
from doc2openapi.scraper.model import FieldTable
from tests.helpers.inputs import corpus_dir
from tests.helpers.page_builders import portal_page, section

HEAD = "<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>"


def _fields(name_cell: str) -> list[str]:
    rows = (
        f"<tr><td>{name_cell}</td><td><p>String</p></td><td><p>Either one.</p></td></tr>"
        "<tr><td><p>other</p></td><td><p>String</p></td><td><p>Other.</p></td></tr>"
    )
    page = portal_page(section("Response", f"<table>{HEAD}<tbody>{rows}</tbody></table>"))
    result = scrape_page("p.html", page.encode())
    assert result.api is not None
    (table,) = result.api.tables
    return [row.name for row in table.fields]


def test_one_name_a_paragraph_gives_one_field_each() -> None:
    assert _fields("<p>Action</p><p>NotAction</p>") == ["Action", "NotAction", "other"]


def test_a_name_broken_at_an_underscore_is_one_field() -> None:
    assert _fields("<p>scaling_</p><p>group_id</p>") == ["scaling_group_id", "other"]


def test_a_sentence_in_the_name_cell_is_not_split() -> None:
    assert _fields("<p>tags</p><p>(deprecated)</p>") == ["tags (deprecated)", "other"]


def test_smn_statement_elements_name_two_elements_in_two_rows() -> None:
    """updating_a_topic_policy.html, Table 2 "Statement elements description": six rows,
    of which "Principal / NotPrincipal" and "Action / NotAction" each name two elements."""
    folder = corpus_dir("portal/smn/api-ref")
    key = "api-ref/apis/topic_operations/updating_a_topic_policy.html"
    result = scrape_page(key, (folder / key.removeprefix("api-ref/")).read_bytes())
    assert result.api is not None
    (table,) = [t for t in result.api.tables if t.caption == "Statement elements description"]
    assert isinstance(table, FieldTable)
    assert [row.name for row in table.fields] == [
        "Sid",
        "Effect",
        "Principal",
        "NotPrincipal",
        "Action",
        "NotAction",
        "Resource",
        "NotResource",
    ]
    principal, not_principal = table.fields[2:4]
    assert principal.description == not_principal.description


def test_one_name_or_another_gives_two_fields_neither_mandatory() -> None:
    # iam "Obtaining a Temporary AK/SK": "domain_name or domain_id | Mandatory | String"
    head = "<tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr>"
    row = (
        "<tr><td><p>domain_name or domain_id</p></td><td><p>Yes</p></td><td><p>String</p></td>"
        "<td><p>domain.name: name. domain.id: ID.</p></td></tr>"
    )
    table = f"<table><thead>{head}</thead><tbody>{row}</tbody></table>"
    result = scrape_page("p.html", portal_page(section("Response", table)).encode())
    assert result.api is not None
    (read,) = result.api.tables
    assert [(field.name, field.requirement.value) for field in read.fields] == [
        ("domain_name", "optional"),
        ("domain_id", "optional"),
    ]
    assert _fields("<p>read or write access</p>") == ["read or write access", "other"]
