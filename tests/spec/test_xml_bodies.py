"""S3-style pages to OpenAPI: sub-resource keys, bucket servers, XML bodies (pages written
here, in tests/s3_pages.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.pipeline import scrape
from doc2openapi.spec.request_lines import host_server, subresource_key
from tests.helpers.s3_pages import (
    GET_OBJECT,
    LIST_BUCKETS,
    LIST_OBJECTS,
    LIST_OBJECTS_V2,
    LIST_PARTS,
    LIST_VERSIONS,
    PUT_ACL,
)


@pytest.fixture
def document(tmp_path: Path) -> dict[str, Any]:
    folder = tmp_path / "store"
    folder.mkdir()
    pages = {"acl": PUT_ACL, "get": GET_OBJECT, "parts": LIST_PARTS, "buckets": LIST_BUCKETS}
    for name, html in pages.items():
        (folder / f"{name}.html").write_text(html)
    outcome = scrape([folder])
    assert outcome.problems == []
    return outcome.spec.document


def _schema(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    name = node["$ref"].rsplit("/", 1)[-1]
    return document["components"]["schemas"][name]  # type: ignore[no-any-return]


def test_paths_are_told_apart_by_selecting_query_names(document: dict[str, Any]) -> None:
    assert sorted(document["paths"]) == [
        "/#",
        "/{ObjectKey}",
        "/{ObjectKey}#acl",
        "/{ObjectKey}#uploadId",
    ]


def test_subresource_is_a_required_empty_query_parameter(document: dict[str, Any]) -> None:
    parameters = document["paths"]["/{ObjectKey}#acl"]["put"]["parameters"]
    acl = next(p for p in parameters if p["name"] == "acl")
    assert acl["in"] == "query"
    assert acl["required"] is True
    assert acl["allowEmptyValue"] is True
    assert acl["schema"]["enum"] == [""]
    assert {(p["in"], p["name"]) for p in parameters} == {
        ("path", "ObjectKey"),
        ("query", "acl"),
        ("header", "x-store-acl"),
    }


def test_bucket_label_of_the_host_is_a_server_variable(document: dict[str, Any]) -> None:
    (server,) = document["paths"]["/{ObjectKey}#acl"]["put"]["servers"]
    assert server["url"] == "https://{bucketname}.{endpoint}"
    assert server["variables"]["bucketname"]["default"] == "bucketname"
    assert "servers" not in document["paths"]["/#"]["get"]


def test_xml_request_body_follows_the_skeleton(document: dict[str, Any]) -> None:
    content = document["paths"]["/{ObjectKey}#acl"]["put"]["requestBody"]["content"]
    root = _schema(document, content["application/xml"]["schema"])
    assert root["xml"] == {"name": "AccessControlPolicy"}
    assert root["required"] == ["Owner", "AccessControlList"]
    owner = root["properties"]["Owner"]
    assert owner["properties"]["ID"]["description"] == "Account ID of the owner."
    grants = root["properties"]["AccessControlList"]["properties"]["Grant"]
    assert grants["type"] == "array"
    assert grants["items"]["xml"] == {"name": "Grant"}
    grantee_id = grants["items"]["properties"]["Grantee"]["properties"]["ID"]
    assert grantee_id["type"] == "string"
    assert grantee_id["description"] == "Account ID of the grantee."
    assert grants["items"]["required"] == ["Permission"]


def test_row_outside_the_skeleton_is_failed_and_said(tmp_path: Path) -> None:
    (tmp_path / "acl.html").write_text(PUT_ACL)
    outcome = scrape([tmp_path])
    counts = outcome.spec.counts[tmp_path.name]["acl.html"]
    assert counts.failed == 1
    assert counts.recognised == 8  # 7 element rows placed, 1 header
    assert [(d.code.value, d.row) for d in outcome.diagnostics if d.code.value == "D120"] == [
        ("D120", "Expires")
    ]


def test_xml_response_body_with_types_from_the_description(document: dict[str, Any]) -> None:
    response = document["paths"]["/{ObjectKey}#uploadId"]["get"]["responses"]["200"]
    root = _schema(document, response["content"]["application/xml"]["schema"])
    assert root["xml"] == {"name": "ListPartsResult"}
    part = root["properties"]["Part"]
    assert part["type"] == "array"
    assert part["items"]["properties"]["Size"]["type"] == "integer"
    assert root["properties"]["UploadId"]["type"] == "string"


def test_required_query_name_selects_but_optional_does_not(document: dict[str, Any]) -> None:
    parameters = document["paths"]["/{ObjectKey}#uploadId"]["get"]["parameters"]
    assert {p["name"]: p.get("required", False) for p in parameters if p["in"] == "query"} == {
        "uploadId": True,
        "max-parts": False,
    }


def test_status_codes(document: dict[str, Any]) -> None:
    responses = document["paths"]["/{ObjectKey}#acl"]["put"]["responses"]
    assert sorted(responses) == ["200", "404"]
    assert responses["200"]["description"] == "OK"  # not the sample's status line


def test_request_lines_helpers() -> None:
    assert subresource_key("/", ()) == "/"
    assert subresource_key("/{Key}", ("partNumber", "uploadId")) == "/{Key}#partNumber&uploadId"
    document = {"url": "https://svc.example.com"}
    assert host_server("svc.example.com", "svc", document) is None
    assert host_server("b.other.example.com", "svc", document) is None
    assert host_server("b.svc.example.com", "svc", document) == {
        "url": "https://{b}.svc.example.com",
        "variables": {"b": {"default": "b", "description": "The b label of the Host line."}},
    }


def test_response_header_table_gives_the_success_response_headers(document: dict[str, Any]) -> None:
    responses = document["paths"]["/{ObjectKey}#uploadId"]["get"]["responses"]
    header = responses["200"]["headers"]["x-store-request-payer"]
    assert header["schema"]["type"] == "string"


def _listing(tmp_path: Path) -> tuple[dict[str, Any], list[tuple[str, str]], Any]:
    (tmp_path / "list.html").write_text(LIST_OBJECTS)
    outcome = scrape([tmp_path])
    unplaced = [
        (d.code.value, d.row) for d in outcome.diagnostics if d.code.value in ("D101", "D120")
    ]
    return outcome.spec.document, unplaced, outcome.spec.counts[tmp_path.name]["list.html"]


def test_elements_go_where_their_rows_say_they_sit(tmp_path: Path) -> None:
    """``NextMarker``, ``CommonPrefixes`` (with its dotted ``CommonPrefixes.Prefix``) and
    ``Owner`` are not in the syntax block; their rows name their parents. ``StartAfter``
    names none: it stays out, said."""
    document, unplaced, counts = _listing(tmp_path)
    content = document["paths"]["/"]["get"]["responses"]["200"]["content"]["application/xml"]
    listing = _schema(document, content["schema"]["anyOf"][0])
    assert listing["xml"] == {"name": "ListBucketResult"}
    assert list(listing["properties"]) == ["Name", "Contents", "NextMarker", "CommonPrefixes"]
    contents = listing["properties"]["Contents"]
    owner_id = contents["properties"]["Owner"]["properties"]["ID"]
    assert owner_id["description"].startswith("Owner ID.")
    prefixes = listing["properties"]["CommonPrefixes"]
    assert prefixes["properties"]["Prefix"]["description"].startswith("The group's prefix.")
    assert unplaced == [("D120", "StartAfter")]
    assert (counts.recognised, counts.failed) == (13, 1)


def test_another_root_of_the_samples_is_another_case_of_the_body(tmp_path: Path) -> None:
    """The versioned listing's rows sit under ``ListVersionsResult``, the root of a
    success sample: a second case. The error sample's ``Error`` is no case."""
    document, _, _ = _listing(tmp_path)
    content = document["paths"]["/"]["get"]["responses"]["200"]["content"]["application/xml"]
    refs = content["schema"]["anyOf"]
    assert len(refs) == 2
    versions = _schema(document, refs[1])
    assert versions["xml"] == {"name": "ListVersionsResult"}
    version = versions["properties"]["Version"]
    assert version["type"] == "array"
    assert version["items"]["xml"] == {"name": "Version"}
    assert set(version["items"]["properties"]) == {"Key", "IsLatest"}
    key = version["items"]["properties"]["Key"]["description"]
    assert key.startswith("Object name.") and key.endswith("ListVersionsResult.Version")


def test_a_table_captioned_as_elements_holds_one_name_under_two_parents(tmp_path: Path) -> None:
    """A "Parameter" column whose caption says the table lists elements: ``Prefix`` of the
    listing and ``Prefix`` of a group are two elements, not one field written twice."""
    page = LIST_OBJECTS.replace(
        "<thead><tr><th>Element</th><th>Description</th></tr></thead>\n<tbody><tr><td>"
        "ListVersionsResult",
        "<thead><tr><th>Parameter</th><th>Description</th></tr></thead>\n<tbody><tr><td>"
        "ListVersionsResult",
    ).replace(
        "<p>Type: container</p><p>Parent: ListVersionsResult</p></td></tr>",
        "<p>Type: container</p><p>Parent: ListVersionsResult</p></td></tr>"
        "<tr><td>Prefix</td><td><p>Listed prefix.</p><p>Parent: ListVersionsResult</p></td></tr>"
        "<tr><td>CommonPrefixes</td><td><p>A group.</p><p>Type: container</p>"
        "<p>Parent: ListVersionsResult</p></td></tr>"
        "<tr><td>Prefix</td><td><p>Group prefix.</p>"
        "<p>Parent: ListVersionsResult.CommonPrefixes</p></td></tr>",
        1,
    )
    assert page.count("<td>Prefix</td>") == 2
    (tmp_path / "list.html").write_text(page)
    outcome = scrape([tmp_path])
    assert not [d for d in outcome.diagnostics if d.code.value == "D105"]
    document = outcome.spec.document
    content = document["paths"]["/"]["get"]["responses"]["200"]["content"]["application/xml"]
    versions = _schema(document, content["schema"]["anyOf"][1])
    assert versions["properties"]["Prefix"]["description"].startswith("Listed prefix.")
    group = versions["properties"]["CommonPrefixes"]["properties"]["Prefix"]
    assert group["description"].startswith("Group prefix.")


def test_a_parent_that_is_another_operations_root_means_this_root(tmp_path: Path) -> None:
    """``NextToken`` says "Parent: ListVersionsResult": the root of the versions listing,
    no element of this body. It sits under this body's one root, optional, said (D108).
    ``Marker``'s parent ``ListMarkersResult`` is the root of no page: it stays out (D120)."""
    (tmp_path / "v2.html").write_text(LIST_OBJECTS_V2)
    (tmp_path / "versions.html").write_text(LIST_VERSIONS)
    outcome = scrape([tmp_path])
    document = outcome.spec.document
    response = document["paths"]["/"]["get"]["responses"]["200"]
    listing = _schema(document, response["content"]["application/xml"]["schema"])
    assert listing["xml"] == {"name": "ListBucketResult"}
    assert list(listing["properties"]) == ["Name", "NextToken"]
    assert listing["properties"]["NextToken"]["description"].startswith("Where the next")
    assert "NextToken" not in listing.get("required", [])
    said = [(d.code.value, d.row) for d in outcome.diagnostics if d.code.value in ("D108", "D120")]
    assert said == [("D108", "NextToken"), ("D120", "Marker")]
    assert outcome.spec.counts[tmp_path.name]["v2.html"].failed == 1
