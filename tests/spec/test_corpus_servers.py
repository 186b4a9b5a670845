"""The server URL of every corpus folder, as its pages give it.

Expectations read from the HTML (``grep -o 'https\\?://[^ "<]*'`` over each folder, then
the page around each host):
- portal/iam: example requests ``GET https://iam.eu-de.otc.t-systems.com/v3.0/OS-ROLE/roles
  /{role_id}`` (custom policy pages) and ``self`` links ``https://iam.eu-de.../v3/roles/...``;
- portal/kms: version links ``"href":"https://kms.eu-de.otc.t-systems.com/v1.0/"`` on both
  API-version pages;
- portal/cce (and its older history copy): the cluster pages' responses give the cluster's
  address ``https://a140174a-....cce.eu-de.otc.t-systems.com``, which the usage guidelines
  write as ``https://{clusterid}.Endpoint/uri``: the endpoint is cce.eu-de.otc.t-systems.com.
  The other hosts (an OBS add-on logo ``.../gpu-betalogo.svg``) are files of another service;
- every other folder writes example requests with placeholders (``https://{Endpoint}/...``,
  ``https://{dcs_endpoint}/...``, ``https://Endpoint/...``, ``obs.region.example.com``) or
  made-up hosts (``volume.localdomain.com``, ``sample.domain.com``): no host of the service.
  mrs names only an SDK download (``https://apig-demo.obs.eu-de.../java-sdk-core.zip``); obs
  names its real host only in prose (``examplebucket.obs.eu-de... /folder/test.txt``).
"""

from __future__ import annotations

import pytest

from tests.helpers.corpus_scrape import scraped_folder

NAMED = {
    "portal/iam/api-ref": "https://iam.{region}.otc.t-systems.com",
    "portal/kms/api-ref": "https://kms.{region}.otc.t-systems.com",
    "portal/cce/api-ref": "https://cce.{region}.otc.t-systems.com",
    "history/cce-798aa69/api-ref": "https://cce.{region}.otc.t-systems.com",
}
UNNAMED = [
    *(
        f"portal/{name}/api-ref"
        for name in ("as", "bms", "cbr", "dcs", "evs", "functiongraph", "mrs", "nat", "obs", "smn")
    ),
    *(f"doc-exports/{name}/api-ref" for name in ("dcs", "ecs", "elb")),
]


def _codes(report: dict[str, object], code: str) -> list[dict[str, str]]:
    return [d for d in report["diagnostics"] if d["code"] == code]  # type: ignore[attr-defined]


@pytest.mark.parametrize("folder", sorted(NAMED))
def test_the_host_the_pages_name(folder: str) -> None:
    scraped = scraped_folder(folder)
    (server,) = scraped.document["servers"]
    assert server["url"] == NAMED[folder]
    assert server["variables"]["region"]["default"] == "eu-de"
    (said,) = _codes(scraped.report, "D501")
    assert said["level"] == "info"
    assert _codes(scraped.report, "D502") == []
    assert _codes(scraped.report, "D503") == []


@pytest.mark.parametrize("folder", UNNAMED)
def test_an_endpoint_variable_where_the_pages_name_no_host(folder: str) -> None:
    scraped = scraped_folder(folder)
    (server,) = scraped.document["servers"]
    assert server["url"] == "https://{endpoint}"
    assert server["variables"]["endpoint"]["default"] == "endpoint.invalid"
    (warning,) = _codes(scraped.report, "D503")
    assert warning["level"] == "warning" and "server_url" in warning["detail"]
    assert _codes(scraped.report, "D501") == []


def test_bucket_operations_keep_their_bucket_variable_in_front_of_the_endpoint() -> None:
    """obs request syntax: ``Host: bucketname.obs.region.example.com``."""
    document = scraped_folder("portal/obs/api-ref").document
    servers = [
        operation["servers"]
        for item in document["paths"].values()
        for operation in item.values()
        if "servers" in operation
    ]
    assert servers
    assert all(s[0]["url"].endswith(".{endpoint}") for s in servers)
    assert {"bucketname", "endpoint"} <= {v for s in servers for v in s[0]["variables"]}
