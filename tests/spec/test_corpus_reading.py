"""What issue 11 asks to read (type words, constraints in the text, placeholder rows, no
body on a read, damaged names and URIs), checked where the corpus has it. Each expectation
was written by reading the page it names; the fixture tests of each rule are in
tests/spec/test_type_words.py, test_text_constraints.py, test_placeholders.py and
tests/scraper/test_bodies.py, test_repair.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import html

from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.golden_contracts import HTTP_METHODS, deref
from tests.helpers.inputs import corpus_dir
from tests.spec.test_corpus_counts import FOLDERS


def _operation(folder: str, page: str, method: str = "") -> dict[str, Any]:
    for item in scraped_folder(folder).document["paths"].values():
        for name, operation in item.items():
            if name in HTTP_METHODS and operation.get("x-source") == page:
                if not method or name == method:
                    return dict(operation)
    raise AssertionError(f"no operation from {page}")


def _body(folder: str, operation: dict[str, Any], media: str = "application/json") -> Any:
    schema = operation["requestBody"]["content"][media]["schema"]
    return deref(scraped_folder(folder).document, schema)[0]


def _properties(folder: str, schema: Any) -> dict[str, Any]:
    document = scraped_folder(folder).document
    return {k: deref(document, v)[0] for k, v in schema.get("properties", {}).items()}


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_get_or_head_has_a_body(folder: str) -> None:
    paths = scraped_folder(folder).document["paths"]
    read_with_body = [
        f"{method.upper()} {path}"
        for path, item in paths.items()
        for method in ("get", "head")
        if "requestBody" in item.get(method, {})
    ]
    assert not read_with_body


# Every DELETE page of the corpus whose example request carries a JSON body (read by hand:
# a list of IDs or tags to delete, an image to detach); no other DELETE has a body.
_DCS = "portal/dcs/api-ref"
DELETES_WITH_A_BODY = {
    ("doc-exports/ecs/api-ref", "en-us_topic_0081950549.html"),
    (_DCS, "outdated_apis_v1/lifecycle_management_apis/batch_deleting_dcs_instances.html"),
    (_DCS, "apis_v2_recommended/lifecycle_management/batch_deleting_dcs_instances.html"),
    (_DCS, "apis_v2_recommended/data_migration/deleting_data_migration_tasks.html"),
    (
        "portal/functiongraph/api-ref",
        "api/function_lifecycle_management/deleting_resource_tags.html",
    ),
    (
        "portal/iam/api-ref",
        "apis/enterprise_project_management/"
        "removing_permissions_of_agencies_associated_with_specified_enterprise_projects.html",
    ),
}


def test_a_delete_has_a_body_only_where_its_example_shows_one() -> None:
    found = {
        (folder, item["delete"]["x-source"])
        for folder in FOLDERS
        for item in scraped_folder(folder).document["paths"].values()
        if "requestBody" in item.get("delete", {})
    }
    assert found == DELETES_WITH_A_BODY


def test_type_words_of_the_portal_folders() -> None:
    """nat "Creating a NAT Gateway": name String(64), description String(255), sys_tags
    List<String>; mrs "Querying Cluster Details": bootstrap script nodes "Array String"."""
    nat = "portal/nat/api-ref"
    page = "apis_for_public_nat_gateways_v2.0/nat_gateway_service/creating_a_nat_gateway.html"
    request = _properties(nat, _body(nat, _operation(nat, page)))
    gateway = _properties(nat, request["nat_gateway"])
    assert (gateway["name"]["type"], gateway["name"]["maxLength"]) == ("string", 64)
    assert gateway["description"]["maxLength"] == 255
    assert "maxLength" not in gateway["spec"]
    document = scraped_folder(nat).document
    (success,) = [r for c, r in _operation(nat, page)["responses"].items() if c.startswith("2")]
    created = _properties(nat, deref(document, success["content"]["application/json"]["schema"])[0])
    tags = _properties(nat, created["nat_gateway"])["sys_tags"]
    assert (tags["type"], tags["items"]["type"]) == ("array", "string")
    mrs = "portal/mrs/api-ref"
    names = [
        schema["properties"]["nodes"]
        for schema in scraped_folder(mrs).document["components"]["schemas"].values()
        if {"nodes", "before_component_start"} <= set(schema.get("properties", {}))
    ]
    assert names
    assert all(n["type"] == "array" and n["items"]["type"] == "string" for n in names)


def test_constraints_stated_in_the_text() -> None:
    """kms "Creating a Grant": key_id "matches the regular expression ^[0-9a-z]{8}-...$",
    grantee_principal "meets the regular expression "^[a-zA-Z0-9]{1,64}$""; cbr "Adding a
    Share Member": members "Array Length: 1 - 10"."""
    kms = "portal/kms/api-ref"
    page = "apis/key_management_service/cmk_management/creating_a_grant.html"
    grant = _properties(kms, _body(kms, _operation(kms, page)))
    key_id = "^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$"
    assert grant["key_id"]["pattern"] == key_id
    assert grant["grantee_principal"]["pattern"] == "^[a-zA-Z0-9]{1,64}$"
    assert "pattern" not in grant["sequence"]
    cbr = "portal/cbr/api-ref"
    share = _operation(cbr, "cbr_apis/backup_sharing/adding_a_share_member.html")
    members = _properties(cbr, _body(cbr, share))["members"]
    assert (members["minItems"], members["maxItems"]) == (1, 10)


_PLACEHOLDER = re.compile(
    r"^(\{[^{}]+\}|\[[^\[\]]+\]|<[^<>]+>|.*\buser[- ]defined\b.*\bkey\b.*)$", re.I
)


def _name_cells(folder: Path) -> Iterator[str]:
    """The first cell of every row of every table whose first header is a name column
    (lxml, no doc2openapi)."""
    for page in sorted(folder.rglob("*.html")):
        for table in html.parse(str(page)).getroot().iter("table"):
            rows = list(table.iter("tr"))
            head = [" ".join(c.text_content().split()).lower() for c in rows[0]] if rows else []
            if head and head[0] in ("parameter", "name", "element", "field"):
                yield from (" ".join(r[0].text_content().split()) for r in rows[1:] if len(r))


def _property_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict) and all(isinstance(v, dict) for v in properties.values()):
            yield from properties
        for value in node.values():
            yield from _property_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from _property_names(value)


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_placeholder_row_is_a_property(folder: str) -> None:
    """Rows named ``{User defined key}``, ``{Customized_key}``, ``[items]``, ``[Array
    element]``, ``<operator>`` or "User-defined field key and value pair" (cce, bms,
    functiongraph, iam, mrs, history cce) describe a map's values or an array's items."""
    placeholders = {n for n in _name_cells(corpus_dir(folder)) if _PLACEHOLDER.match(n)}
    properties = set(_property_names(scraped_folder(folder).document))
    assert not placeholders & properties


def test_a_placeholder_key_is_the_bodys_free_keys() -> None:
    """functiongraph "Executing a Function Synchronously": the body table's one row is
    ``{Customized_key}`` (Object, mandatory): the body is a map of objects."""
    folder = "portal/functiongraph/api-ref"
    page = "api/function_invocation/executing_a_function_synchronously.html"
    body = _body(folder, _operation(folder, page))
    assert "properties" not in body
    assert "required" not in body
    assert deref(scraped_folder(folder).document, body["additionalProperties"])[0]["type"] == (
        "object"
    )


def _ok_body(folder: str, page: str) -> Any:
    content = _operation(folder, page)["responses"]["200"]["content"]
    return deref(scraped_folder(folder).document, content["application/json"]["schema"])[0]


def test_a_phrase_name_is_the_bodys_free_keys() -> None:
    """ecs "Querying the Networks of a Specified ECS": Table 3 (``addresses``) has one row,
    "Name of the network where the ECS accesses | Yes | Array of objects" (Table 4: version,
    addr); the example holds ``"addresses": {"demo_net": [...], "private_net": [...]}``.
    "Querying the Metadata of a Specified Image": Table 2's one row is "User customization |
    String | Specifies the key pair of the metadata." (user keys, string values); the
    example response holds them inside ``metadata``, which no table names."""
    folder = "doc-exports/ecs/api-ref"
    document = scraped_folder(folder).document
    addresses = _properties(folder, _ok_body(folder, "en-us_topic_0031169058.html"))
    networks = addresses["addresses"]
    assert "properties" not in networks
    assert "required" not in networks
    value = networks["additionalProperties"]
    assert value["type"] == "array"
    assert set(deref(document, value["items"])[0]["properties"]) == {"version", "addr"}
    wrapper = _ok_body(folder, "en-us_topic_0065817698.html")
    assert wrapper["required"] == ["metadata"]
    metadata = deref(document, wrapper["properties"]["metadata"])[0]
    assert "properties" not in metadata
    assert metadata["additionalProperties"]["type"] == "string"


def test_damaged_names_and_uris_are_read_as_meant() -> None:
    """as "Deleting an AS Configuration": the URI table's row is "scaling_ configuration
    _id", the path's {scaling_configuration_id}; bms "Querying BMSs": the query is written
    ``servers{?changes-since={changes-since}&image={image}&...}``."""
    folder = "portal/as/api-ref"
    page = "apis/as_configurations/deleting_an_as_configuration.html"
    parameters = {p["name"]: p for p in _operation(folder, page)["parameters"]}
    assert set(parameters) == {"project_id", "scaling_configuration_id"}
    assert parameters["scaling_configuration_id"]["description"].startswith(
        "Specifies the AS configuration ID."
    )
    said = [d for d in scraped_folder(folder).report["diagnostics"] if d.get("page") == page]
    assert not [d for d in said if d["code"] == "D305"]
    bms = "portal/bms/api-ref"
    page = "native_openstack_nova_v2.1_apis/bms_lifecycle_management_openstack_nova_apis/"
    query = [p["name"] for p in _operation(bms, page + "querying_bmss.html")["parameters"]]
    assert query[:4] == ["project_id", "changes-since", "image", "flavor"]
    assert query[-2:] == ["sort_key", "sort_dir"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_parameter_name_or_path_holds_a_blank(folder: str) -> None:
    document = scraped_folder(folder).document
    names = [
        parameter["name"]
        for item in document["paths"].values()
        for method, operation in item.items()
        if method in HTTP_METHODS
        for parameter in operation.get("parameters", [])
        if "name" in parameter
    ]
    assert not [name for name in names if name != name.strip() or " " in name]
    assert not [path for path in document["paths"] if " " in path]
    servers = [s["url"] for s in document.get("servers", [])]
    assert not [url for url in servers if " " in url]
