"""Tables of model and data-structure pages of the real corpus that repeat structures the
operation pages document (D111): each expectation written by reading the page named and
the operation pages it repeats."""

from __future__ import annotations

from typing import Any

from tests.helpers.corpus_scrape import scraped_folder

FUNCTIONGRAPH = "portal/functiongraph/api-ref"
MODELS = "before_you_start/function_model_definition/"


def _tables(folder: str, page: str, code: str) -> dict[str, str]:
    diagnostics = scraped_folder(folder).report["diagnostics"]
    return {d["table"]: d["detail"] for d in diagnostics if d["code"] == code and d["page"] == page}


def _counts(folder: str, page: str) -> dict[str, Any]:
    (service,) = scraped_folder(folder).report["services"].values()
    return dict(service["page_details"][page])


def test_functiongraph_function_model_repeats_the_function_operations() -> None:
    """function_model.html: Table 1 lists 33 fields of a function, as the responses of
    the function operations do, except func_code (only the code operations' response
    has it), depend_list and extend_config (no operation lists them). Tables 2, 3, 4, 6
    and 8 are named after the fields func_code, strategy_config, func_vpc, mount_config
    and func_mounts; Table 5 "dependency parameters" is what Table 1's dependencies row
    links ("See Table 5"). Table 7 mount_user gives user_id and user_group_id as Int,
    where the operations give String: not claimed."""
    page = MODELS + "function_model.html"
    repeats = _tables(FUNCTIONGRAPH, page, "D111")
    assert set(repeats) == {
        "Parameters in the function model",
        "func_code parameters",
        "strategy_config parameter",
        "func_vpc parameters",
        "dependency parameters",
        "mount_config parameters",
        "func_mounts parameters",
    }
    assert repeats["Parameters in the function model"].startswith("30 of its rows")
    assert "its row dependencies" in repeats["dependency parameters"]
    assert "FuncVpc" in repeats["func_vpc parameters"]
    unplaced = _tables(FUNCTIONGRAPH, page, "D101")
    assert set(unplaced) == {"Parameters in the function model", "mount_user parameters"}
    missing = "repeats (D111): func_code, depend_list, extend_config;"
    assert missing in unplaced["Parameters in the function model"]
    counts = _counts(FUNCTIONGRAPH, page)
    assert (counts["repeated"], counts["failed"], counts["fields_total"]) == (53, 5, 58)


def test_functiongraph_trigger_models_repeat_the_trigger_operations() -> None:
    """trigger_management_models.html: the trigger instance model is the trigger the
    trigger operations return, but for event_type_code and status (they say
    trigger_status); the data of each trigger type is a part of their event_data body
    (TriggerEventDataRequestBody), but for the SMN subscription_status and the LTS and
    Kafka topic_id. The trigger type model is in no operation."""
    page = MODELS + "trigger_management_models.html"
    repeats = _tables(FUNCTIONGRAPH, page, "D111")
    named = {
        "Parameters of a CTS trigger",
        "Parameters of a DDS trigger",
        "Parameters of a DMS trigger",
        "Parameters of a Kafka trigger",
        "Parameters of a timer trigger",
        "Parameters of an APIG trigger",
        "Parameters of an OBS trigger",
    }
    assert set(repeats) == {"Parameters in the trigger instance model", *named}
    assert all("TriggerEventDataRequestBody" in repeats[t] for t in named)
    unplaced = _tables(FUNCTIONGRAPH, page, "D101")
    assert set(unplaced) == {
        "Parameters in the trigger type model",
        "Parameters in the trigger instance model",
        "Parameters of an SMN trigger",
        "Parameters of an LTS trigger",
        "Parameters of a Kafka trigger",
    }
    missing = "repeats (D111): event_type_code, status;"
    assert missing in unplaced["Parameters in the trigger instance model"]
    counts = _counts(FUNCTIONGRAPH, page)
    assert (counts["repeated"], counts["failed"]) == (39, 11)


def test_ecs_server_data_structures_repeat_only_what_the_v2_1_servers_hold() -> None:
    """en-us_topic_0169494074.html documents the v1 server details, an operation not in
    the export. fault (message, code, details, created) is the v2.1 server's fault;
    address is an item of the v2.1 server's addresses but for version (String here,
    Integer there) and OS-EXT-IPS:port_id. security_groups (name, id) and image (id) give
    only names many structures hold; flavor (String sizes, names many flavors hold),
    os-extended-volumes:volumes_attached (delete_on_termination a String), metadata and
    sys_tags are not the structures the operations hold: they stay failed."""
    folder, page = "doc-exports/ecs/api-ref", "en-us_topic_0169494074.html"
    repeats = _tables(folder, page, "D111")
    assert set(repeats) == {"address parameters", "fault parameters"}
    unplaced = _tables(folder, page, "D101")
    assert set(unplaced) == {
        "address parameters",
        "flavor parameters",
        "image parameters",
        "metadata parameters",
        "os-extended-volumes:volumes_attached parameters",
        "security_groups parameters",
        "sys_tags parameters",
    }
    assert "repeats (D111): version, OS-EXT-IPS:port_id;" in unplaced["address parameters"]
    counts = _counts(folder, page)
    assert (counts["repeated"], counts["failed"]) == (7, 33)


def test_bms_order_response_repeats_the_create_response() -> None:
    """order_id_response.html: the normal response (order_id, job_id) is the response of
    creating BMSs. Its abnormal response (error) and the error structure (message, code)
    name only what many error bodies hold: not claimed."""
    folder, page = "portal/bms/api-ref", "public_parameters/task_responses/order_id_response.html"
    repeats = _tables(folder, page, "D111")
    assert set(repeats) == {"Normal response"}
    assert "CreateBaremetalserverResponse" in repeats["Normal response"]
    assert set(_tables(folder, page, "D101")) == {"Abnormal response", "error data structure"}
    counts = _counts(folder, page)
    assert (counts["repeated"], counts["failed"]) == (2, 3)
