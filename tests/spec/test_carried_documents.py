"""A string that carries a JSON document described by a table of its page (an access policy
given as a string): small pages written for the rule, and the real SMN page it comes from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.diagnostics import Code
from doc2openapi.pipeline import ScrapeOutcome, scrape
from doc2openapi.spec.build import SpecOptions
from doc2openapi.spec.versions import OPENAPI_31
from tests.helpers.corpus_scrape import scraped_folder

HEAD = "<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>"
PATH = "/v1/policies"


def _table(anchor: str, caption: str, *rows: tuple[str, str, str]) -> str:
    cells = "".join(
        "<tr>" + "".join(f"<td><p>{text}</p></td>" for text in row) + "</tr>" for row in rows
    )
    head = f"<caption>{caption}</caption>" if caption else ""
    ident = f' id="{anchor}"' if anchor else ""
    return f"<table{ident}>{head}{HEAD}<tbody>{cells}</tbody></table>"


def _page(*request: str) -> str:
    blocks = (
        f"<h2>URI</h2><p>PUT {PATH}</p>",
        f"<h2>Request</h2>{''.join(request)}",
        "<h2>Response</h2><p>None</p>",
    )
    return f"<html><body><main><h1>Setting a policy</h1>{''.join(blocks)}</main></body></html>"


POLICY = _table(
    "t1",
    "Table 1 Policy elements",
    ("Version", "String", "Policy version."),
    ("Statement", "Array of objects", 'See <a href="#t2">Table 2</a>.'),
)
STATEMENT = _table("t2", "Table 2 Statement elements", ("Effect", "String", "Allow or Deny."))


def _scrape(tmp_path: Path, html: str, openapi: str = "") -> ScrapeOutcome:
    (tmp_path / "op.html").write_text(html)
    options = SpecOptions(openapi=openapi) if openapi else SpecOptions()
    return scrape([tmp_path], options)


def _value(outcome: ScrapeOutcome) -> dict[str, Any]:
    document = outcome.spec.document
    body = document["paths"][PATH]["put"]["requestBody"]["content"]["application/json"]
    name = body["schema"]["$ref"].rsplit("/", 1)[-1]
    value: dict[str, Any] = document["components"]["schemas"][name]["properties"]["value"]
    return value


def _component(outcome: ScrapeOutcome, ref: dict[str, str]) -> dict[str, Any]:
    schema: dict[str, Any] = outcome.spec.document["components"]["schemas"][
        ref["$ref"].rsplit("/", 1)[-1]
    ]
    return schema


def _unplaced(outcome: ScrapeOutcome) -> list[str]:
    return [d.table for d in outcome.diagnostics if d.code is Code.TABLE_UNPLACED]


BODY = _table("", "", ("value", "String", 'The policy as a string. See <a href="#t1">Table 1</a>.'))


def test_a_string_linking_a_table_no_field_reaches_carries_that_document(
    tmp_path: Path,
) -> None:
    outcome = _scrape(tmp_path, _page(BODY, POLICY, STATEMENT))
    value = _value(outcome)
    assert value["type"] == "string"
    assert value["x-contentMediaType"] == "application/json"
    policy = _component(outcome, value["x-contentSchema"])
    assert set(policy["properties"]) == {"Version", "Statement"}
    statement = _component(outcome, policy["properties"]["Statement"]["items"])
    assert set(statement["properties"]) == {"Effect"}
    assert _unplaced(outcome) == []
    assert outcome.spec.counts[tmp_path.name]["op.html"].failed == 0
    assert outcome.problems == []


def test_openapi_31_writes_its_own_keywords(tmp_path: Path) -> None:
    """3.1 has ``contentMediaType``/``contentSchema``; 3.0 has no such keywords, so the
    3.0 document keeps them as extensions (above) and both documents are valid."""
    outcome = _scrape(tmp_path, _page(BODY, POLICY, STATEMENT), OPENAPI_31)
    value = _value(outcome)
    assert value["contentMediaType"] == "application/json"
    assert "Version" in _component(outcome, value["contentSchema"])["properties"]
    assert outcome.problems == []


def test_a_linked_table_that_is_a_fields_structure_is_only_a_cross_reference(
    tmp_path: Path,
) -> None:
    """ "Only when the flavor field in Table 2 is ...": Table 2 describes ``spec``."""
    body = _table(
        "",
        "",
        ("spec", "Object", 'See <a href="#t2">Table 2</a>.'),
        ("zone", "String", 'Set only when the Effect field in <a href="#t2">Table 2</a> is Allow.'),
    )
    outcome = _scrape(tmp_path, _page(body, STATEMENT))
    document = outcome.spec.document
    name = document["paths"][PATH]["put"]["requestBody"]["content"]["application/json"]
    request = document["components"]["schemas"][name["schema"]["$ref"].rsplit("/", 1)[-1]]
    zone = request["properties"]["zone"]
    assert not {"x-contentSchema", "contentSchema"} & set(zone)
    assert _unplaced(outcome) == []


def test_a_link_to_another_page_from_a_string_is_prose(tmp_path: Path) -> None:
    body = _table("", "", ("value", "String", 'See <a href="other.html#t1">Table 1</a>.'))
    (tmp_path / "other.html").write_text(
        f"<html><body><main><h1>Policies</h1>{POLICY}</main></body></html>"
    )
    outcome = _scrape(tmp_path, _page(body))
    assert not {"x-contentSchema", "contentSchema"} & set(_value(outcome))
    assert "Policy elements" in _unplaced(outcome)


@pytest.fixture(scope="module")
def smn() -> dict[str, Any]:
    document: dict[str, Any] = scraped_folder("portal/smn/api-ref").document
    return document


def test_smn_topic_policy_value_carries_the_policy_of_tables_1_and_2(smn: dict[str, Any]) -> None:
    """updating_a_topic_policy.html: ``value`` (String) "For details, see Table 1" (Topic
    attribute values: Version, Id, Statement); Statement's Constraint cell links Table 2
    (Statement elements: Sid, Effect, Principal / NotPrincipal, Action / NotAction,
    Resource, NotResource; two rows name two elements each)."""
    schemas = smn["components"]["schemas"]
    path = "/v2/{project_id}/notifications/topics/{topic_urn}/attributes/{name}"
    body = smn["paths"][path]["put"]["requestBody"]["content"]["application/json"]["schema"]
    value = schemas[body["$ref"].rsplit("/", 1)[-1]]["properties"]["value"]
    assert (value["type"], value["x-contentMediaType"]) == ("string", "application/json")
    policy = schemas[value["x-contentSchema"]["$ref"].rsplit("/", 1)[-1]]
    assert list(policy["properties"]) == ["Version", "Id", "Statement"]
    statement = schemas[policy["properties"]["Statement"]["$ref"].rsplit("/", 1)[-1]]
    elements = "Sid Effect Principal NotPrincipal Action NotAction Resource NotResource"
    assert set(statement["properties"]) == set(elements.split())
