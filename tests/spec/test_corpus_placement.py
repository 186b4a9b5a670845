"""Where the rules that place (or decline) tables land on real pages of the corpus: each
expectation was written by reading the page named."""

from __future__ import annotations

from typing import Any

from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.golden_contracts import deref


def _page_fields(folder: str, page: str) -> int:
    (service,) = scraped_folder(folder).report["services"].values()
    return int(service["page_details"].get(page, {}).get("fields_total", 0))


def _unplaced(folder: str, page: str) -> list[str]:
    diagnostics = scraped_folder(folder).report["diagnostics"]
    return [d["table"] for d in diagnostics if d["code"] == "D101" and d["page"] == page]


def _target(document: dict[str, Any], schema: Any) -> Any:
    return deref(document, schema)[0]


def _members(document: dict[str, Any], schema: dict[str, Any]) -> set[str]:
    return set(_target(document, schema).get("properties", {}))


def test_an_appendix_of_status_codes_holds_no_fields() -> None:
    """portal/dcs appendix/status_codes.html: "Status Code | Name | Description", 41 codes."""
    assert _page_fields("portal/dcs/api-ref", "appendix/status_codes.html") == 0


def test_metric_and_dimension_tables_hold_no_fields() -> None:
    """AS Metrics: "Metric | Name | Description | Value Range | Remarks" and the dimension
    "Key | Value" (AutoScalingGroup) list what Cloud Eye monitors, not fields."""
    assert _page_fields("portal/as/api-ref", "appendix/as_metrics.html") == 0
    assert _page_fields("doc-exports/ecs/api-ref", "en-us_topic_0022067719.html") == 0


def test_description_of_field_tables_describe_the_list_items() -> None:
    """nat "Querying NAT Gateways by Tag": ``tags`` (Array<Object>) is described by
    "Table 3 Description of field tag", ``matches`` (Array<match>) by "Table 4 Description
    of field match"."""
    folder = "portal/nat/api-ref"
    page = "apis_for_public_nat_gateways_v2.0/tags/querying_nat_gateways_by_tag.html"
    document = scraped_folder(folder).document
    operation = document["paths"]["/v2.0/{project_id}/nat_gateways/resource_instances/action"]
    body = operation["post"]["requestBody"]["content"]["application/json"]["schema"]
    properties = _target(document, body)["properties"]
    assert _members(document, properties["tags"]["items"]) == {"key", "values"}
    assert _members(document, properties["matches"]["items"]) == {"key", "value"}
    assert _unplaced(folder, page) == []
