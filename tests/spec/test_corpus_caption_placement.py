"""Tables placed by what their captions say, on real pages of the corpus: a field's whole
path ("token.roles") and a caption naming the field where its link leads elsewhere. Each
expectation was written by reading the page named."""

from __future__ import annotations

from typing import Any

from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.golden_contracts import deref

IAM = "portal/iam/api-ref"
CCE = "portal/cce/api-ref"


def _unplaced(folder: str, page: str) -> list[str]:
    diagnostics = scraped_folder(folder).report["diagnostics"]
    return [d["table"] for d in diagnostics if d["code"] == "D101" and d["page"] == page]


def _target(document: dict[str, Any], schema: Any) -> Any:
    return deref(document, schema)[0]


def _members(document: dict[str, Any], schema: Any) -> set[str]:
    return set(_target(document, schema).get("properties", {}))


def _response(folder: str, page: str, code: str) -> dict[str, Any]:
    document = scraped_folder(folder).document
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("x-source") == page:
                content = operation["responses"][code]["content"]["application/json"]
                return dict(_target(document, content["schema"]))
    raise AssertionError(f"no operation from {page}")


def _either(document: dict[str, Any], schema: dict[str, Any]) -> set[str]:
    """The members of a field that holds one object or a list of them."""
    single, listed = schema["oneOf"]
    assert listed["type"] == "array"
    assert _members(document, single) == _members(document, listed["items"])
    return _members(document, single)


def test_openid_token_tables_captioned_by_path_join_the_token() -> None:
    """iam "Obtaining an Unscoped Token with an OpenID Connect ID Token": Table 5 "token"
    lists expires_at, methods, issued_at and user; Tables 12 "token.roles" and 13
    "token.catalog" name two more of its fields, and ``endpoints`` of Table 13 links Table
    14 "token.catalog.endpoints". No example shows roles or catalog."""
    page = (
        "apis/federated_identity_authentication_management/token/"
        "obtaining_an_unscoped_token_with_an_openid_connect_id_token.html"
    )
    document = scraped_folder(IAM).document
    token = _target(document, _response(IAM, page, "201")["properties"]["token"])
    assert set(token["properties"]) == {
        "expires_at",
        "methods",
        "issued_at",
        "user",
        "roles",
        "catalog",
    }
    assert _either(document, token["properties"]["roles"]) == {"id", "name"}
    catalog = token["properties"]["catalog"]
    assert _either(document, catalog) == {"endpoints", "id", "name", "type"}
    endpoints = _target(document, catalog["oneOf"][0])["properties"]["endpoints"]
    assert _members(document, endpoints["items"]) == {
        "id",
        "interface",
        "region",
        "region_id",
        "url",
    }
    assert _unplaced(IAM, page) == []


def test_a_labelled_path_roles_links_joins_the_roles_table() -> None:
    """iam "Querying the List of Permissions of an Agency on a Domain": the list item
    "roles.links" labels a table of self / previous / next; the "roles" table does not
    list ``links``."""
    page = "apis/agency_management/querying_the_list_of_permissions_of_an_agency_on_a_domain.html"
    document = scraped_folder(IAM).document
    roles = _response(IAM, page, "200")["properties"]["roles"]
    role = _target(document, roles["items"])
    assert _either(document, role["properties"]["links"]) == {"self", "previous", "next"}
    assert _unplaced(IAM, page) == []


def test_the_spec_extend_param_table_joins_the_spec_table() -> None:
    """cce "Updating a Specified Node Pool": "Table 8 Data structure of the
    spec/extendParam field" (maxPods ... nicThreshold, 9 rows) beside "Table 5 Data
    structure of the spec field", which lists initialNodeCount, autoscaling, nodeTemplate."""
    page = "apis/cluster_management/updating_a_specified_node_pool.html"
    document = scraped_folder(CCE).document
    operation = document["paths"][
        "/api/v3/projects/{project_id}/clusters/{cluster_id}/nodepools/{nodepool_id}"
    ]["put"]
    body = _target(document, operation["requestBody"]["content"]["application/json"]["schema"])
    spec = _target(document, body["properties"]["spec"])
    assert set(spec["properties"]) == {
        "initialNodeCount",
        "autoscaling",
        "nodeTemplate",
        "extendParam",
    }
    extend = _either(document, spec["properties"]["extendParam"])
    assert len(extend) == 9
    assert {"maxPods", "alpha.cce/preInstall", "nicThreshold"} <= extend
    assert _unplaced(CCE, page) == []


def test_subjobs_are_v2jobs_not_the_body_their_anchor_sits_on() -> None:
    """cce "Obtaining Job Details": ``subjobs`` is "Array of V2Job objects" and links the
    anchor ``...-response-v2job``, which the page puts on Table 3 (the body); Table 5 is
    captioned "V2Job" and nothing else reaches it."""
    page = "apis/job_management/obtaining_job_details.html"
    document = scraped_folder(CCE).document
    body = _response(CCE, page, "200")
    spec = _target(document, body["properties"]["spec"])
    items = spec["properties"]["subjobs"]["items"]
    assert _target(document, items)["x-source"].endswith(f"{page}#id5")
    assert _members(document, items) == {"kind", "apiVersion", "metadata", "spec", "status"}
    assert _unplaced(CCE, page) == []


def test_tolerations_are_the_taints_and_tolerations_table() -> None:
    """cce add-on "CCE Node Problem Detector": ``tolerations`` and
    ``node_match_expressions`` both link Table 7 "nodeMatchExpresssion node affinity";
    Table 6 "Taints and tolerations" (key, effect, operator, tolerationSeconds) is reached
    by nothing. The same slip on "Kubernetes Metrics Server" (Table 6 and Table 5), in
    both the portal folder and the history one."""
    for folder in (CCE, "history/cce-798aa69/api-ref"):
        document = scraped_folder(folder).document
        for page, custom in (
            ("cce_node_problem_detector.html", "#id3"),
            ("kubernetes_metrics_server.html", "#id3"),
        ):
            key = f"apis/add-on_instance_parameters/{page}"
            (schema,) = [
                s
                for s in document["components"]["schemas"].values()
                if str(s.get("x-source", "")).endswith(key + custom)
            ]
            fields = schema["properties"]
            assert _members(document, fields["tolerations"]["items"]) == {
                "key",
                "effect",
                "operator",
                "tolerationSeconds",
            }
            assert _members(document, fields["node_match_expressions"]["items"]) == {
                "key",
                "values",
                "operator",
            }
            assert _unplaced(folder, key) == []


def test_job_type_tables_are_alternative_request_bodies() -> None:
    """mrs "Adding a Job and Executing the Job": ``job_type`` (Integer) reads "5: DistCp,
    importing and exporting data. For details, see Table 3" and "7: Spark SQL ... see
    Table 4"; Table 3 lists job_name, input, output, file_action, Table 4 hql and
    job_name. The examples of DistCp jobs send exactly Table 3's fields (with job_type and
    cluster_id)."""
    folder = "portal/mrs/api-ref"
    page = "apis/job_object_apis_v1_not_recommended/adding_a_job_and_executing_the_job.html"
    document = scraped_folder(folder).document
    operation = document["paths"]["/v1.1/{project_id}/jobs/submit-job"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    general, distcp, spark_sql = (_target(document, s) for s in body["anyOf"])
    assert {"job_type", "jar_path", "hive_script_path"} <= set(general["properties"])
    assert set(distcp["properties"]) == {"job_name", "input", "output", "file_action"}
    assert set(spark_sql["properties"]) == {"hql", "job_name"}
    assert _unplaced(folder, page) == []


def test_metric_data_beans_are_the_values_of_the_metric_map() -> None:
    """mrs manager "Querying Monitoring Data": ``metric_datas`` (MAP) of Table 2 is
    "Key indicates the name of a monitoring item. Value indicates a list of monitored metric
    parameters"; the example has ``"additionalProp1": [{"time", "value", "node"}]``, the
    fields of Table 3 "metricDataBean parameter description" (with ``extend``)."""
    folder = "portal/mrs/api-ref"
    page = "mrs_manager_api/mrs_manager_web_apis/querying_monitoring_data.html"
    document = scraped_folder(folder).document
    (holder,) = [
        s
        for s in document["components"]["schemas"].values()
        if "metric_datas" in s.get("properties", {})
    ]
    values = holder["properties"]["metric_datas"]["additionalProperties"]
    assert values["type"] == "array"
    assert _members(document, values["items"]) == {"time", "value", "node", "extend"}
    assert _unplaced(folder, page) == []


def test_tables_labelled_for_a_value_of_methods_are_alternative_identities() -> None:
    """iam "Obtaining a Temporary AK/SK": ``identity`` links the list item "auth.identity"
    (methods, token, policy); two more tables are labelled "Obtaining a temporary AK/SK with
    an agency token (methods is set to assume_role)" (methods, agency_name, domain_name or
    domain_id, duration_seconds, scope) and "... (methods is set to token)" (methods,
    token, duration_seconds)."""
    page = "apis/access_key_management/obtaining_a_temporary_ak_sk.html"
    document = scraped_folder(IAM).document
    operation = document["paths"]["/v3.0/OS-CREDENTIAL/securitytokens"]["post"]
    body = _target(document, operation["requestBody"]["content"]["application/json"]["schema"])
    auth = _target(document, body["properties"]["auth"])
    structured, agency, token = auth["properties"]["identity"]["anyOf"]
    assert _members(document, structured) == {"methods", "token", "policy"}
    assert _members(document, agency) == {
        "methods",
        "agency_name",
        "domain_name",
        "domain_id",
        "duration_seconds",
        "scope",
    }
    # "domain_name or domain_id | Mandatory": one of the two is given, neither on its own
    assert set(_target(document, agency)["required"]) == {"methods", "agency_name"}
    assert _members(document, token) == {"methods", "token", "duration_seconds"}
    assert (agency["$ref"].rsplit("/", 1)[-1], token["$ref"].rsplit("/", 1)[-1]) == (
        "TokenAuthIdentityAssumeRole",
        "TokenAuthIdentityToken",
    )
    assert _unplaced(IAM, page) == []


def test_the_variables_an_sso_client_exports_are_no_fields() -> None:
    """iam "SP Initiated" (no operation): "export OS_IDENTITY_API_VERSION=3" ...
    "export OS_DOMAIN_NAME=example-domain-name", then "Table 1 Parameter description"
    explains those nine variables of OpenStackClient: a tool's settings, no API fields."""
    page = (
        "apis/federated_identity_authentication_management/"
        "obtaining_a_token_in_federated_identity_authentication_mode/sp_initiated.html"
    )
    report = scraped_folder(IAM).report
    (service,) = report["services"].values()
    details = service["page_details"]
    assert details[page]["fields_total"] == 0
    said = [
        d
        for d in report["diagnostics"]
        if d["page"] == page and d["code"] == "D109" and d["table"] == "Parameter description"
    ]
    assert len(said) == 1
    assert "environment variables" in said[0]["detail"]
    assert "9 rows" in said[0]["detail"]


def _request_body(folder: str, path: str) -> dict[str, Any]:
    document = scraped_folder(folder).document
    operation = document["paths"][path]["post"]
    return dict(
        _target(document, operation["requestBody"]["content"]["application/json"]["schema"])
    )


def _items(document: dict[str, Any], schema: Any, name: str) -> dict[str, Any]:
    return dict(_target(document, _target(document, schema)["properties"][name]["items"]))


def test_mrs_node_groups_policy_and_node_configuration() -> None:
    """mrs "Creating a Cluster and Running a Job": ``auto_scaling_policy`` of Table 4
    (node_groups) says "For details, see Table 5" and links Table 5 "Node configuration
    parameters"; Table 9 is captioned "auto_scaling_policy parameter description" (also
    linked from Table 6, task_node_groups) and the first example's node group holds its
    fields. ``node_groups`` of Table 3 says "You can select either this parameter or the
    parameter listed in Table 5"; the second example ("without using the node_groups
    parameter group") sends Table 5's fields (master_node_num, task_node_groups...) beside
    those of Table 3."""
    folder = "portal/mrs/api-ref"
    page = "apis/cluster_management_apis_v1/creating_a_cluster_and_running_a_job.html"
    document = scraped_folder(folder).document
    body = _request_body(folder, "/v1.1/{project_id}/run-job-flow")
    policy = {"auto_scaling_enable", "min_capacity", "max_capacity", "resources_plans"}
    policy |= {"exec_scripts", "rules"}
    node_group = _items(document, body, "node_groups")
    assert _members(document, node_group["properties"]["auto_scaling_policy"]) == policy
    task_group = _items(document, body, "task_node_groups")
    assert set(task_group["properties"]) == {
        "node_num",
        "node_size",
        "data_volume_type",
        "data_volume_count",
        "data_volume_size",
        "auto_scaling_policy",
    }
    assert _members(document, task_group["properties"]["auto_scaling_policy"]) == policy
    configuration = {"master_node_num", "master_node_size", "core_node_num", "core_node_size"}
    assert configuration | {"volume_type", "volume_size"} <= set(body["properties"])
    assert not configuration & set(body["required"])
    assert _unplaced(folder, page) == []


def test_mrs_v2_data_volume_is_a_volume() -> None:
    """mrs "Creating Clusters" (v2): ``data_volume`` of Table 5 (NodeGroup) says "see Table
    4-7" (no link); Table 7 "Volume field data structure description" lists type and size,
    as ``root_volume`` (which links Table 7) and the example's node groups show; Table 4 is
    the tag structure (key, value)."""
    document = scraped_folder("portal/mrs/api-ref").document
    body = _request_body("portal/mrs/api-ref", "/v2/{project_id}/clusters")
    node_group = _items(document, body, "node_groups")
    assert _members(document, node_group["properties"]["data_volume"]) == {"type", "size"}
    assert _members(document, node_group["properties"]["root_volume"]) == {"type", "size"}
