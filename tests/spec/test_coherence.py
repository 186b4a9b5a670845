"""Keywords that would make a document invalid are left out, each with a reason."""

from __future__ import annotations

import json
from pathlib import Path

from doc2openapi.spec.coherence import coherent
from tests.helpers.command import run_cli
from tests.helpers.page_builders import portal_page, resolve, section, table


def test_a_default_below_the_stated_minimum_drops_the_minimum() -> None:
    # "The value can be -1 or 1-99999" beside "Minimum: 1", "Maximum: 99999", "Default: -1"
    schema, problems = coherent({"type": "integer", "minimum": 1, "maximum": 99999, "default": -1})
    assert schema == {"type": "integer", "maximum": 99999, "default": -1}
    assert len(problems) == 1
    assert "minimum 1" in problems[0]


def test_negative_lengths_and_crossed_bounds_are_left_out() -> None:
    schema, problems = coherent(
        {"type": "string", "minLength": -1, "maxLength": 8, "pattern": "^a$"}
    )
    assert schema == {"type": "string", "maxLength": 8, "pattern": "^a$"}
    assert problems == ["minLength -1 is not a count (0 or more); it is left out"]
    schema, problems = coherent({"type": "integer", "minimum": 10, "maximum": 2})
    assert schema == {"type": "integer"}
    assert len(problems) == 1


def test_a_pattern_that_is_not_a_regex_is_left_out() -> None:
    schema, problems = coherent({"type": "string", "pattern": "^[a-z"})
    assert schema == {"type": "string"}
    assert "not a regular expression" in problems[0]


def test_a_default_outside_the_enumeration_goes_not_the_enumeration() -> None:
    schema, problems = coherent({"type": "string", "enum": ["a", "b"], "default": "none"})
    assert schema == {"type": "string", "enum": ["a", "b"]}
    assert len(problems) == 1


def test_item_schemas_are_checked_and_good_schemas_are_left_alone() -> None:
    good = {"type": "array", "minItems": 1, "maxItems": 100, "items": {"type": "string"}}
    assert coherent(good) == (good, [])
    schema, problems = coherent({"type": "array", "items": {"type": "string", "maxLength": -5}})
    assert schema == {"type": "array", "items": {"type": "string"}}
    assert problems[0].startswith("items: maxLength -5")


def test_a_service_whose_page_contradicts_itself_still_gets_a_valid_document() -> None:
    # portal/cbr: max_backups says "Minimum: 1" and "Default: -1" (the text: "-1 or 1-99999")
    from doc2openapi.diagnostics import Code  # noqa: PLC0415
    from doc2openapi.pipeline import scrape  # noqa: PLC0415
    from tests.helpers.inputs import corpus_dir  # noqa: PLC0415

    outcome = scrape([corpus_dir("portal/cbr/api-ref")])
    assert outcome.problems == []
    dropped = {
        (d.page.rsplit("/", 1)[-1], d.row)
        for d in outcome.diagnostics
        if d.code is Code.CONSTRAINT_DROPPED
    }
    assert ("modifying_a_policy.html", "max_backups") in dropped
    schemas = outcome.spec.document["components"]["schemas"]
    max_backups = [
        s["properties"]["max_backups"]
        for s in schemas.values()
        if "max_backups" in s.get("properties", {})
    ]
    assert max_backups
    assert all("minimum" not in field and field.get("maximum") == 99999 for field in max_backups)


def test_bad_values_on_a_page_cost_only_themselves(tmp_path: Path) -> None:
    """A page written here states a negative length, a minimum above its maximum and a
    pattern that is no regular expression: each keyword is left out with a D203 naming
    its row, the other keywords stay, and ``scrape`` writes a valid document."""
    header = ("Parameter", "Mandatory", "Type", "Description")
    rows = (
        ("label", "No", "String", "Label.</p><p>Length: -1 to 8 characters"),
        ("count", "No", "Integer", "How many.</p><p>Minimum: 10</p><p>Maximum: 2"),
        (
            "code",
            "No",
            "String",
            "Code. It matches the regular expression ^[a-z(.</p><p>Maximum length: 16",
        ),
        ("size", "No", "Integer", "Size.</p><p>Value range: 1 to 64"),
    )
    html = portal_page(section("Request Parameters", table(header, *rows)))
    html = html.replace("GET /v1/things/{id}", "POST /v1/things")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.html").write_text(html)
    spec, report = tmp_path / "spec.json", tmp_path / "report.json"
    result = run_cli("scrape", tmp_path / "docs", "-o", spec, "--report", report)
    assert result.returncode == 0, result.stderr
    assert "valid: yes" in result.stderr
    assert "D203 CONSTRAINT_DROPPED warning: 3" in result.stderr
    document = json.loads(spec.read_text())
    body = document["paths"]["/v1/things"]["post"]["requestBody"]["content"]
    fields = resolve(document, body["application/json"]["schema"])["properties"]
    assert {k: v for k, v in fields["label"].items() if k.endswith("Length")} == {"maxLength": 8}
    assert "minimum" not in fields["count"] and "maximum" not in fields["count"]
    assert "pattern" not in fields["code"] and fields["code"]["maxLength"] == 16
    assert (fields["size"]["minimum"], fields["size"]["maximum"]) == (1, 64)
    diagnostics = json.loads(report.read_text())["diagnostics"]
    dropped = sorted((d["page"], d["row"]) for d in diagnostics if d["code"] == "D203")
    assert dropped == [("page.html", "code"), ("page.html", "count"), ("page.html", "label")]
