"""Operations told apart by their Host line: ``GET /`` on the service's own host and on a
bucket's host are two operations (pages written here, in tests/helpers/s3_pages.py; the
corpus pages read by hand: obs ``listing_buckets.html`` gives ``GET / HTTP/1.1`` with
``Host: obs.region.example.com`` and a ``ListAllMyBucketsResult`` body;
``listing_objects_in_a_bucket.html`` gives ``GET / HTTP/1.1`` with
``Host: bucketname.obs.region.example.com`` and a ``ListBucketResult`` body;
``listing_objects_in_a_bucket_v2.html`` gives ``GET /?list-type=2`` on the bucket's host)."""

from __future__ import annotations

from typing import Any

import pytest

from doc2openapi.pipeline import scrape
from doc2openapi.spec.request_lines import host_key, on_service_host
from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.s3_pages import LIST_BUCKETS, LIST_OBJECTS


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("hosts") / "store"
    folder.mkdir()
    (folder / "buckets.html").write_text(LIST_BUCKETS)
    (folder / "objects.html").write_text(LIST_OBJECTS)
    outcome = scrape([folder])
    return outcome.spec.document


def test_service_host_and_bucket_host_are_two_operations(document: dict[str, Any]) -> None:
    buckets = document["paths"]["/#"]["get"]
    objects = document["paths"]["/"]["get"]
    assert buckets["operationId"] == "ListBuckets"
    assert objects["operationId"] == "ListObjects"
    assert buckets["x-source"] == "buckets.html"
    assert objects["x-source"] == "objects.html"


def test_only_the_bucket_operation_has_the_bucket_server(document: dict[str, Any]) -> None:
    assert "servers" not in document["paths"]["/#"]["get"]
    (server,) = document["paths"]["/"]["get"]["servers"]
    assert server["url"] == "https://{bucketname}.{endpoint}"


def test_each_keeps_its_own_response(document: dict[str, Any]) -> None:
    objects = document["paths"]["/"]["get"]["responses"]["200"]
    ref = objects["content"]["application/xml"]["schema"]
    assert "ListBucketResult" in str(ref)
    assert "content" not in document["paths"]["/#"]["get"]["responses"]["200"]


def test_host_key_rule() -> None:
    assert on_service_host("obs.region.example.com", "obs")
    assert not on_service_host("bucketname.obs.region.example.com", "obs")
    assert not on_service_host("", "obs")
    assert host_key("/", "obs.region.example.com", "obs") == "/#"
    assert host_key("/", "bucketname.obs.region.example.com", "obs") == "/"
    assert host_key("/#acl", "obs.region.example.com", "obs") == "/#acl"


def _schema_name(operation: dict[str, Any]) -> str:
    schema = operation["responses"]["200"]["content"]["application/xml"]["schema"]
    refs = [schema, *schema.get("anyOf", [])]
    return " ".join(r["$ref"].rsplit("/", 1)[-1] for r in refs if "$ref" in r)


def test_obs_listing_buckets_and_listing_objects_are_both_operations() -> None:
    document = scraped_folder("portal/obs/api-ref").document
    buckets = document["paths"]["/#"]["get"]
    objects = document["paths"]["/"]["get"]
    v2 = document["paths"]["/#list-type"]["get"]
    assert buckets["x-source"] == "apis/operations_on_buckets/listing_buckets.html"
    assert objects["x-source"] == "apis/operations_on_buckets/listing_objects_in_a_bucket.html"
    assert v2["x-source"] == "apis/operations_on_buckets/listing_objects_in_a_bucket_v2.html"
    assert (buckets["operationId"], objects["operationId"]) == ("ListBuckets", "ListObjects")
    assert _schema_name(buckets) == "ListAllMyBucketsResult"
    assert "ListBucketResult" in _schema_name(objects).split()
    assert "servers" not in buckets
    assert objects["servers"][0]["url"].startswith("https://{bucketname}.")
