"""The hosts a page names, by what the text around them says (texts written here)."""

from __future__ import annotations

from doc2openapi.scraper.hosts import HostMention, MentionKind, host_mentions, text_mentions
from doc2openapi.scraper.page import read_page
from tests.helpers.page_builders import portal_page, section, table

REQUEST = MentionKind.REQUEST
LINK = MentionKind.LINK
ENDPOINT = MentionKind.ENDPOINT


def _found(text: str) -> set[tuple[str, str, MentionKind]]:
    return {(m.host, m.path, m.kind) for m in text_mentions(text)}


def test_request_lines_and_host_headers() -> None:
    text = (
        "GET https://IAM.eu-de.provider.net/v3.0/OS-ROLE/roles/{role_id}\n"
        "PUT /bucket HTTP/1.1\nHost: bucket.obs.eu-de.provider.net\n"
    )
    assert _found(text) == {
        ("iam.eu-de.provider.net", "/v3.0/OS-ROLE/roles/{role_id}", REQUEST),
        ("bucket.obs.eu-de.provider.net", "", REQUEST),
    }


def test_links_keep_their_path_without_the_query() -> None:
    text = '"href":"https://kms.eu-de.provider.net:443/v1.0/?x=1", see https://docs.site.org.'
    assert _found(text) == {
        ("kms.eu-de.provider.net:443", "/v1.0/", LINK),
        ("docs.site.org", "", LINK),
    }


def test_placeholders_and_files_are_no_hosts() -> None:
    text = (
        "POST https://{Endpoint}/v1/things\nGET https://Endpoint/v1/things\n"
        "https://{clusterid}.Endpoint/uri\n"
        "curl -O https://sdk.eu-de.provider.net/java/sdk-core.zip\n"
        "logo https://obs.eu-de.provider.net/addon/logo.svg"
    )
    assert _found(text) == set()


def test_bare_hosts_count_only_where_called_an_endpoint() -> None:
    assert _found("Endpoint: smn.eu-de.provider.net") == {("smn.eu-de.provider.net", "", ENDPOINT)}
    assert _found("the object path is bucket.obs.eu-de.provider.net/folder") == set()
    assert _found('"obs_url": "obs.eu-de.provider.net"') == set()


def test_an_endpoint_table_names_its_hosts() -> None:
    html = portal_page(
        section(
            "Endpoints",
            table(("Region", "Endpoint"), ("eu-de", "vpc.eu-de.provider.net"), ("eu-nl", "-")),
        )
    )
    mentions = host_mentions(read_page("endpoints.html", html.encode()))
    assert mentions == (HostMention("vpc.eu-de.provider.net", "", ENDPOINT),)
