"""Field tables that stay failed because the corpus holds no place for them: the operation
they describe is not in the export, or the page leaves out the field that would hold them.
Each expectation was written by reading the pages named. The tables must stay counted
(D101, their rows in ``failed``) and no rule may invent a home for them: these tests fail
if the rows vanish from the counters or turn up in an operation they do not belong to."""

from __future__ import annotations

from typing import Any

from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.golden_contracts import flatten_operation, list_operations

ECS = "doc-exports/ecs/api-ref"


def _page(folder: str, page: str) -> dict[str, Any]:
    (service,) = scraped_folder(folder).report["services"].values()
    return dict(service["page_details"][page])


def _unplaced(folder: str, page: str) -> set[str]:
    diagnostics = scraped_folder(folder).report["diagnostics"]
    return {d["table"] for d in diagnostics if d["code"] == "D101" and d["page"] == page}


def _field_paths(folder: str, method: str, path: str) -> set[str]:
    """Every field path of the operation's request bodies and responses."""
    flat = flatten_operation(scraped_folder(folder).document, method, path)
    variants = [*flat.request_bodies, *(v for vs in flat.responses.values() for v in vs)]
    return {name for variant in variants for name in variant}


def _all_fields(folder: str) -> set[str]:
    """Every field path of every operation of the folder's document."""
    document = scraped_folder(folder).document
    return {
        name
        for method, path in list_operations(document)
        for name in _field_paths(folder, method, path)
    }


def _member(paths: set[str], name: str) -> set[str]:
    return {path for path in paths if path.rsplit(".", 1)[-1].removesuffix("[]") == name}


def test_batch_operation_responses_belong_to_operations_not_in_the_export() -> None:
    """ECS "Responses (Batch Operation)" (en-us_topic_0142195139): "only for resetting the
    passwords for logging in to ECSs in a batch and for modifying ECS specifications in a
    batch". The export has neither operation (no page gives their request line); the only
    page that links this one is its group page "Batch Task Request", which documents no
    operation. Normal body (response, Table 1: id) and abnormal body (error, internalError;
    Table 2: message, code; Table 3: id, error_message, error_code): 9 rows, 5 tables."""
    page = _page(ECS, "en-us_topic_0142195139.html")
    assert (page["fields_total"], page["failed"], page["failed_tables"]) == (9, 9, 5)
    assert _page(ECS, "en-us_topic_0142195138.html")["api"] is False
    paths = scraped_folder(ECS).document["paths"]
    batch = [p for p in paths if "reset-password" in p or p.endswith("/cloudservers/resize")]
    assert not batch
    assert not _member(_all_fields(ECS), "internalError")


def test_scheduler_hints_response_table_is_returned_by_no_operation_of_the_export() -> None:
    """ECS "Data Structure for Creating ECSs" (en-us_topic_0167957246), Table 10
    "os:scheduler_hints field description (response parameters)": group, tenancy,
    dedicated_host_id, each "Array of strings". The page names only the two create APIs;
    neither returns os:scheduler_hints (v1 returns job_id; native returns server with id,
    links, security_groups, OS-DCF:diskConfig, reservation_id, adminPass). The native query
    pages give their own os:scheduler_hints table (tenancy and dedicated_host_id only, no
    group). The request table (Table 9, group/tenancy/dedicated_host_id as String) is
    placed in the v1 create, whose server.os:scheduler_hints links it."""
    page = _page(ECS, "en-us_topic_0167957246.html")
    assert (page["failed"], page["failed_tables"]) == (3, 1)
    table = "os:scheduler_hints field description (response parameters)"
    assert _unplaced(ECS, "en-us_topic_0167957246.html") == {table}
    flat = flatten_operation(scraped_folder(ECS).document, "POST", "/v1/{project_id}/cloudservers")
    (body,) = flat.request_bodies
    hints = "server.os:scheduler_hints"
    assert {name: body[f"{hints}.{name}"].type for name in ("group", "tenancy")} == {
        "group": "string",
        "tenancy": "string",
    }
    for path in ("/v1/{project_id}/cloudservers", "/v2.1/{project_id}/servers"):
        responses = flatten_operation(scraped_folder(ECS).document, "POST", path).responses
        answered = {name for variants in responses.values() for v in variants for name in v}
        assert not _member(answered, "os:scheduler_hints"), path


def test_a_table_no_field_of_its_page_names_stays_failed() -> None:
    """FunctionGraph "Querying Reserved Instances of a Function": Table 8 "MetricConfig"
    (name, type, threshold, min) has no anchor, and no Type cell or link of the page names
    it: TacticsConfig (Table 6), the upstream home of metric configs, lists only
    cron_configs. AS "Querying AS Policy Execution Logs": Table 5 "meta_data field
    description" (3 rows) names a field that no table of the page and not the example lists.
    Neither page says where the table belongs; see the golden contracts of both pages."""
    folder = "portal/functiongraph/api-ref"
    page = "api/reserved_instances/querying_reserved_instances_of_a_function.html"
    assert _unplaced(folder, page) == {"MetricConfig"}
    assert (_page(folder, page)["failed"], _page(folder, page)["failed_tables"]) == (4, 1)
    paths = _field_paths(folder, "GET", "/v2/{project_id}/fgs/functions/reservedinstanceconfigs")
    assert not _member(paths, "threshold")
    folder, page = "portal/as/api-ref", "apis/as_policy_execution_logs/"
    page += "querying_as_policy_execution_logs.html"
    assert _unplaced(folder, page) == {"meta_data field description"}
    assert (_page(folder, page)["failed"], _page(folder, page)["failed_tables"]) == (3, 1)
    path = "/autoscaling-api/v1/{project_id}/scaling_policy_execute_log/{scaling_policy_id}"
    paths = _field_paths(folder, "GET", path)
    assert not _member(paths, "meta_data")
    assert not _member(paths, "metadata_eip_id")
