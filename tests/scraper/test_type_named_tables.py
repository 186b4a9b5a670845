"""A Type cell that names a table's caption ("PageInfo object", "Array of CronConfig
objects") reaches that table without a link: the table is nested, not a second body table
that no field links to (no D101 warning). A captioned table that no Type cell, link or
caption path names reaches no operation and stays counted as failed (D101). Pages written
for the rule (the portal's generated response tables, as in FunctionGraph "Querying Reserved
Instances of a Function", whose Table 8 "MetricConfig" no field names)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from doc2openapi.pipeline import ScrapeOutcome
from doc2openapi.report import build_report
from tests.helpers.inputs import corpus_dir
from tests.helpers.page_builders import resolve
from tests.helpers.page_builders import scrape_html as scrape

HEAD = "<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>"


def _row(name: str, type_: str) -> str:
    return f"<tr><td><p>{name}</p></td><td><p>{type_}</p></td><td><p>About {name}.</p></td></tr>"


def _captioned(number: int, caption: str, *rows: str) -> str:
    return (
        f"<div class='table-responsive'><table id='t{number}'>"
        f"<caption><strong>Table {number}</strong> {caption}</caption>"
        f"{HEAD}<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _page(*tables: str) -> str:
    return f"""<html><body><main><section id="top"><h1>Listing schedules</h1>
<section id="uri"><h2>URI</h2><p>GET /v1/schedules</p></section>
<section id="response"><h2>Response Parameters</h2><p>Status code: 200</p>
{"".join(tables)}</section></section></main></body></html>"""


_BODY = _captioned(
    1,
    "Response body parameters",
    _row("schedules", "Array of CronConfig objects"),
    _row("page_info", "PageInfo object"),
)
_CRON = _captioned(2, "CronConfig", _row("name", "String"), _row("cron", "String"))
_PAGE_INFO = _captioned(3, "PageInfo", _row("next_marker", "Long"))
_METRIC = _captioned(
    4,
    "MetricConfig",
    _row("name", "String"),
    _row("type", "String"),
    _row("threshold", "Integer"),
    _row("min", "Integer"),
)


def _body(outcome: ScrapeOutcome) -> dict[str, Any]:
    document = outcome.spec.document
    response = document["paths"]["/v1/schedules"]["get"]["responses"]["200"]
    return resolve(document, response["content"]["application/json"]["schema"])


def _members(outcome: ScrapeOutcome, schema: dict[str, Any]) -> set[str]:
    return set(resolve(outcome.spec.document, schema).get("properties", {}))


def test_a_type_word_reaches_the_table_its_caption_names(tmp_path: Path) -> None:
    outcome = scrape(tmp_path, _page(_BODY, _CRON, _PAGE_INFO))
    body = _body(outcome)
    assert _members(outcome, body["properties"]["schedules"]["items"]) == {"name", "cron"}
    assert _members(outcome, body["properties"]["page_info"]) == {"next_marker"}
    assert not [d for d in outcome.diagnostics if d.code.name == "TABLE_UNPLACED"]


def test_a_table_no_type_word_names_stays_failed(tmp_path: Path) -> None:
    outcome = scrape(tmp_path, _page(_BODY, _CRON, _METRIC, _PAGE_INFO))
    body = _body(outcome)
    assert _members(outcome, body["properties"]["schedules"]["items"]) == {"name", "cron"}
    assert "threshold" not in str(outcome.spec.document)
    unplaced = [d for d in outcome.diagnostics if d.code.name == "TABLE_UNPLACED"]
    assert {d.table for d in unplaced} == {"MetricConfig"}
    (service,) = build_report(outcome)["services"].values()
    assert (service["fields_total"], service["failed"], service["failed_tables"]) == (9, 4, 1)


_LINKED_TYPE = re.compile(
    r'<a class="reference internal" href="#[^"]*"><span class="std std-ref">([^<]*)</span></a>'
)


def test_the_real_page_reads_the_same_without_its_type_links(tmp_path: Path) -> None:
    """FunctionGraph "Querying Reserved Instances of a Function" with the links of its Type
    cells taken out ("<a>PageInfo</a> object" becomes "PageInfo object"), as a service
    whose pages do not link their structures writes them: every structure is still reached
    by the word that names it, none is taken for a second body, and Table 8 "MetricConfig",
    which no Type cell names, is the only table unplaced."""
    folder = corpus_dir("portal/functiongraph/api-ref")
    page = folder / "api/reserved_instances/querying_reserved_instances_of_a_function.html"
    html, taken_out = _LINKED_TYPE.subn(r"\1", page.read_text(encoding="utf-8"))
    assert taken_out == 4  # ReservedInstanceConfigs, PageInfo, TacticsConfig, CronConfig
    outcome = scrape(tmp_path, html)
    document = outcome.spec.document
    response = document["paths"]["/v2/{project_id}/fgs/functions/reservedinstanceconfigs"]
    schema = response["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    body = resolve(document, schema)
    assert set(body["properties"]) == {"reserved_instances", "page_info", "count"}
    config = _members(outcome, body["properties"]["reserved_instances"]["items"])
    assert "tactics_config" in config
    item = resolve(document, body["properties"]["reserved_instances"]["items"])
    tactics = resolve(document, item["properties"]["tactics_config"])
    cron = _members(outcome, tactics["properties"]["cron_configs"]["items"])
    assert cron == {"name", "cron", "count", "start_time", "expired_time"}
    assert _members(outcome, body["properties"]["page_info"]) == {
        "next_marker",
        "previous_marker",
        "current_count",
    }
    unplaced = {d.table for d in outcome.diagnostics if d.code.name == "TABLE_UNPLACED"}
    assert unplaced == {"MetricConfig"}
