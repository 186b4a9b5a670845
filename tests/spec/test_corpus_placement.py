"""Where the rules that place (or decline) tables land on real pages of the corpus: each
expectation was written by reading the page named."""

from __future__ import annotations

from typing import Any

from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.golden_contracts import deref


def _page_fields(folder: str, page: str) -> int:
    (service,) = scraped_folder(folder).report["services"].values()
    return int(service["page_details"].get(page, {}).get("fields_total", 0))


def _not_fields(folder: str, page: str) -> tuple[int, int]:
    """Rows and tables of a page counted as tables that list no fields."""
    (service,) = scraped_folder(folder).report["services"].values()
    details = service["page_details"][page]
    return details["rows_not_fields"], details["tables_not_fields"]


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
    assert _not_fields("portal/dcs/api-ref", "appendix/status_codes.html") == (41, 1)


def test_metric_and_dimension_tables_hold_no_fields() -> None:
    """AS Metrics: "Metric | Name | Description | Value Range | Remarks" and the dimension
    "Key | Value" (AutoScalingGroup) list what Cloud Eye monitors, not fields."""
    assert _page_fields("portal/as/api-ref", "appendix/as_metrics.html") == 0
    assert _not_fields("portal/as/api-ref", "appendix/as_metrics.html") == (10, 2)  # 9 + 1
    assert _page_fields("doc-exports/ecs/api-ref", "en-us_topic_0022067719.html") == 0


def test_a_response_item_column_names_the_response_headers() -> None:
    """iam "Obtaining an Unscoped Token (SP Initiated)": "Parameters in the response
    header" is a "Response Item | Type | Description" table of one row, X-Subject-Token
    (String, the signed unscoped token); the page's success codes are 200 and 201."""
    folder = "portal/iam/api-ref"
    page = "apis/federated_identity_authentication_management/token/"
    page += "obtaining_an_unscoped_token_sp_initiated.html"
    responses = _operation(folder, page)["responses"]
    for code in ("200", "201"):
        assert responses[code]["headers"]["X-Subject-Token"]["schema"]["type"] == "string"
    assert _not_fields(folder, page) == (0, 0)


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


def _operation(folder: str, page: str) -> dict[str, Any]:
    document = scraped_folder(folder).document
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("x-source") == page:
                return dict(operation)
    raise AssertionError(f"no operation from {page}")


def _d120(folder: str, page: str) -> list[str]:
    diagnostics = scraped_folder(folder).report["diagnostics"]
    return sorted(d["row"] for d in diagnostics if d["code"] == "D120" and d["page"] == page)


def test_obs_elements_go_under_the_parent_their_rows_name() -> None:
    """OBS "Listing Objects in a Bucket (V2)": the response syntax shows no
    ``ContinuationToken``, ``Delimiter``, ``CommonPrefixes`` or ``Contents/Owner``; Table 4
    says "Parent: ListBucketResult" / "Parent: ListBucketResult.Contents.Owner".
    ``StartAfter`` names no parent: it stays out, said. ``NextContinuationToken`` names
    "ListVersionsResult", the root of the versions listing (listing_objects_in_a_bucket.html),
    no element of this page: a child of a root, so of this body's one root (said, D108)."""
    folder = "portal/obs/api-ref"
    page = "apis/operations_on_buckets/listing_objects_in_a_bucket_v2.html"
    document = scraped_folder(folder).document
    content = _operation(folder, page)["responses"]["200"]["content"]["application/xml"]
    root = _target(document, content["schema"])
    assert root["xml"] == {"name": "ListBucketResult"}
    assert {"ContinuationToken", "Delimiter", "CommonPrefixes", "KeyCount"} <= set(
        root["properties"]
    )
    contents = root["properties"]["Contents"]
    contents = contents.get("items", contents)
    assert set(contents["properties"]["Owner"]["properties"]) == {"ID"}
    token = root["properties"]["NextContinuationToken"]
    assert token["type"] == "string"
    assert token["description"].startswith("ContinuationToken is returned when not all")
    assert "NextContinuationToken" not in root.get("required", [])
    assert _d120(folder, page) == ["StartAfter"]
    inferred = [
        d["row"]
        for d in scraped_folder(folder).report["diagnostics"]
        if d["code"] == "D108" and d["page"] == page
    ]
    assert inferred == ["NextContinuationToken"]


def test_obs_website_rules_are_optional_members_of_the_configuration() -> None:
    """OBS "Configuring Static Website Hosting": the syntax shows the redirect-all case;
    Table 2 gives the rules case under the same root (``IndexDocument``, ``RoutingRules``
    with "Parent: WebsiteConfiguration"). They join the body, optional: the syntax
    block's case has none of them."""
    folder = "portal/obs/api-ref"
    page = "apis/static_website_hosting/configuring_static_website_hosting_for_a_bucket.html"
    document = scraped_folder(folder).document
    content = _operation(folder, page)["requestBody"]["content"]["application/xml"]
    root = _target(document, content["schema"])
    assert root["xml"] == {"name": "WebsiteConfiguration"}
    assert list(root["properties"]) == [
        "RedirectAllRequestsTo",
        "IndexDocument",
        "ErrorDocument",
        "RoutingRules",
    ]
    assert root.get("required", []) == ["RedirectAllRequestsTo"]
    rules = root["properties"]["RoutingRules"]["properties"]["RoutingRule"]
    assert {"Condition", "Redirect"} <= set(rules["properties"])
    assert _d120(folder, page) == []
    assert _unplaced(folder, page) == []


def test_an_api_format_section_gives_the_operation() -> None:
    """nat "Querying All API Versions": "API Format" / "GET/", then Table 1 of the
    response (9 rows, which the page writes flat)."""
    folder = "portal/nat/api-ref"
    page = "apis_for_public_nat_gateways_v2.0/api_version/querying_all_api_versions.html"
    document = scraped_folder(folder).document
    operation = document["paths"]["/"]["get"]
    assert operation["x-source"] == page
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert "versions" in _target(document, body)["properties"]
    assert _unplaced(folder, page) == []


def test_members_listed_flat_are_nested_where_the_example_has_them() -> None:
    """evs "Creating an EVS Replication Pair": the response table lists ``replication``
    (Object) and then its members ``id`` ... ``updated_at`` flat; the example response
    has them inside ``replication``."""
    folder = "portal/evs/api-ref"
    page = (
        "apis_recommended/evs_replication_pair_deprecated/"
        "creating_an_evs_replication_pair_deprecated.html"
    )
    document = scraped_folder(folder).document
    body = _operation(folder, page)["responses"]["202"]["content"]["application/json"]
    root = _target(document, body["schema"])
    assert list(root["properties"]) == ["replication"]
    assert {"id", "name", "status", "volume_ids", "updated_at"} <= _members(
        document, root["properties"]["replication"]
    )


def test_a_table_labelled_as_the_format_of_a_field_describes_it() -> None:
    """iam "Querying Keystone API Version Information": ``versions`` (Object) then
    ``values`` (Array) listed flat, the example has ``values`` inside ``versions``; the
    second table, labelled "Description for the values format", describes its items."""
    folder = "portal/iam/api-ref"
    page = "apis/version_information_management/querying_keystone_api_version_information.html"
    document = scraped_folder(folder).document
    body = _operation(folder, page)["responses"]["300"]["content"]["application/json"]
    versions = _target(document, _target(document, body["schema"])["properties"]["versions"])
    assert _members(document, versions["properties"]["values"]["items"]) == {
        "status",
        "updated",
        "media-types",
        "id",
        "links",
    }
    assert _unplaced(folder, page) == []


def test_a_field_naming_two_tables_in_turn_is_either_form() -> None:
    """elb elb_zq_hd_0007.html "Batch Updating Backend Servers": ``members`` (Array) says
    "If action is set to add or replace, see Table 3 ... If action is set to delete, see
    Table 4": its items are any of the two tables (Table 4, one mandatory ``id``, was
    unplaced)."""
    folder = "doc-exports/elb/api-ref"
    document = scraped_folder(folder).document
    operation = document["paths"]["/v2.0/lbaas/pools/{pool_id}/members"]["put"]
    body = _target(document, operation["requestBody"]["content"]["application/json"]["schema"])
    forms = body["properties"]["members"]["items"]["anyOf"]
    assert [_members(document, form) for form in forms] == [
        {"name", "address", "protocol_port", "subnet_id", "weight"},
        {"id"},
    ]
    assert _unplaced(folder, "elb_zq_hd_0007.html") == []
