"""The server URL of a service: configured, else named by its pages, else an ``{endpoint}``
variable with a warning (pages written here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.pipeline import ScrapeOutcome, scrape
from doc2openapi.scraper.hosts import HostMention, MentionKind
from doc2openapi.spec.build import SpecOptions
from doc2openapi.spec.servers import server_template


def _page(title: str, uri: str, example: str) -> str:
    return (
        f'<html><body><main><section id="op"><h1>{title}</h1>'
        f"<section><h2>URI</h2><p>{uri}</p></section>"
        f"<section><h2>Example Request</h2><pre>{example}</pre></section>"
        "</section></main></body></html>"
    )


LIST = _page(
    "Listing Widgets",
    "GET /v2/{project_id}/widgets",
    "GET https://widgets.eu-nl.cloud-provider.net/v2/{project_id}/widgets",
)
SHOW = _page(
    "Showing a Widget",
    "GET /v2/{project_id}/widgets/{widget_id}",
    "GET https://widgets.eu-de.cloud-provider.net/v2/0a1b/widgets/77",
)
VERSIONS = _page(
    "Listing Versions",
    "GET /",
    '{"versions": [{"links": [{"href": "https://widgets.eu-de.cloud-provider.net/v2/"}]}]}',
)
ELSEWHERE = _page(
    "Deleting a Widget",
    "DELETE /v2/{project_id}/widgets/{widget_id}",
    "DELETE https://gadgets.eu-de.cloud-provider.net/v2/0a1b/widgets/77",
)
TOKEN = _page(
    "Updating a Widget",
    "PUT /v2/{project_id}/widgets/{widget_id}",
    "POST https://iam.eu-de.cloud-provider.net/v3/auth/tokens\n"
    "PUT https://{Endpoint}/v2/0a1b/widgets/77",
)
PLACEHOLDERS = _page(
    "Creating a Gadget",
    "POST /v1/gadgets",
    "POST https://{endpoint}/v1/gadgets\n"
    "POST https://Endpoint/v1/gadgets\n"
    "Host: gadgets.region.example.com\n"
    "GET https://gadgets.eu-de.example.com/v1/gadgets\n"
    "The SDK is at https://downloads.eu-de.cloud-provider.net/v1/sdk.zip",
)


def _build(tmp_path: Path, folders: dict[str, dict[str, str]], **options: Any) -> ScrapeOutcome:
    for name, pages in folders.items():
        folder = tmp_path / name
        folder.mkdir()
        for page, html in pages.items():
            (folder / f"{page}.html").write_text(html)
    return scrape([tmp_path / name for name in folders], SpecOptions(**options))


def _found(outcome: ScrapeOutcome, code: Code) -> list[Diagnostic]:
    return [d for d in outcome.spec.diagnostics if d.code is code]


def test_the_host_of_the_example_requests_with_a_region_variable(tmp_path: Path) -> None:
    pages = {"list": LIST, "show": SHOW, "versions": VERSIONS, "token": TOKEN}
    outcome = _build(tmp_path, {"widgets": pages}, region="eu-nl")
    assert outcome.spec.document["servers"] == [
        {
            "url": "https://widgets.{region}.cloud-provider.net",
            "variables": {
                "region": {"default": "eu-nl", "description": "The region of the endpoint."}
            },
        }
    ]
    (said,) = _found(outcome, Code.SERVER_FROM_PAGES)
    assert said.level is Level.INFO
    assert "3 page(s): list.html, show.html, versions.html" in said.detail
    # the token request goes to a path widgets does not document: no disagreement
    assert _found(outcome, Code.SERVER_DISAGREES) == []
    assert _found(outcome, Code.SERVER_NOT_DOCUMENTED) == []


def test_a_page_naming_another_host_is_reported(tmp_path: Path) -> None:
    pages = {"list": LIST, "show": SHOW, "delete": ELSEWHERE}
    outcome = _build(tmp_path, {"widgets": pages})
    assert outcome.spec.document["servers"][0]["url"] == (
        "https://widgets.{region}.cloud-provider.net"
    )
    (disagreeing,) = _found(outcome, Code.SERVER_DISAGREES)
    assert disagreeing.level is Level.WARNING
    assert disagreeing.page == "delete.html"
    assert "gadgets.eu-de.cloud-provider.net" in disagreeing.detail
    assert "https://widgets.{region}.cloud-provider.net" in disagreeing.detail


def test_no_host_named_is_an_endpoint_variable_and_a_warning(tmp_path: Path) -> None:
    outcome = _build(tmp_path, {"gadgets": {"create": PLACEHOLDERS}})
    (server,) = outcome.spec.document["servers"]
    assert server["url"] == "https://{endpoint}"
    assert server["variables"]["endpoint"]["default"] == "endpoint.invalid"
    assert "gadgets" in server["variables"]["endpoint"]["description"]
    (warning,) = _found(outcome, Code.SERVER_NOT_DOCUMENTED)
    assert warning.level is Level.WARNING
    assert "server_url" in warning.detail and "gadgets" in warning.detail
    assert _found(outcome, Code.SERVER_FROM_PAGES) == []
    assert outcome.problems == []


def test_a_configured_url_wins(tmp_path: Path) -> None:
    outcome = _build(
        tmp_path, {"widgets": {"list": LIST}}, server_url="https://api.{region}.mine.test/w"
    )
    assert outcome.spec.document["servers"] == [
        {
            "url": "https://api.{region}.mine.test/w",
            "variables": {
                "region": {"default": "eu-de", "description": "The region of the endpoint."}
            },
        }
    ]
    assert _found(outcome, Code.SERVER_FROM_PAGES) == []


def test_a_url_configured_for_a_service_wins_for_that_service(tmp_path: Path) -> None:
    outcome = _build(
        tmp_path,
        {"gadgets": {"create": PLACEHOLDERS}, "widgets": {"list": LIST, "show": SHOW}},
        server_url="https://all.mine.test",
        server_urls=(("Gadgets", "https://gadgets.mine.test"),),
    )
    document = outcome.spec.document
    assert document["servers"] == [{"url": "https://gadgets.mine.test"}]
    assert document["paths"]["/v1/gadgets"]["post"]["servers"] == document["servers"]
    widgets = document["paths"]["/v2/{project_id}/widgets"]["get"]["servers"]
    assert widgets == [{"url": "https://all.mine.test"}]
    assert _found(outcome, Code.SERVER_NOT_DOCUMENTED) == []


def test_each_service_of_a_document_keeps_its_own_server(tmp_path: Path) -> None:
    outcome = _build(
        tmp_path, {"widgets": {"list": LIST, "show": SHOW}, "gadgets": {"create": PLACEHOLDERS}}
    )
    document = outcome.spec.document
    widgets = "https://widgets.{region}.cloud-provider.net"
    assert document["servers"][0]["url"] == widgets
    for path in ("/v2/{project_id}/widgets", "/v2/{project_id}/widgets/{widget_id}"):
        assert document["paths"][path]["get"]["servers"][0]["url"] == widgets
    (gadgets,) = document["paths"]["/v1/gadgets"]["post"]["servers"]
    assert gadgets["url"] == "https://{gadgets_endpoint}"
    assert list(gadgets["variables"]) == ["gadgets_endpoint"]
    assert outcome.problems == []


def test_one_server_for_every_service_stays_on_the_document(tmp_path: Path) -> None:
    outcome = _build(
        tmp_path,
        {"widgets": {"list": LIST}, "gadgets": {"create": PLACEHOLDERS}},
        server_url="https://all.mine.test",
    )
    document = outcome.spec.document
    assert document["servers"] == [{"url": "https://all.mine.test"}]
    assert "servers" not in document["paths"]["/v1/gadgets"]["post"]


@pytest.mark.parametrize(
    ("host", "path", "expected"),
    [
        ("a140174a-2f3e.cce.eu-de.provider.net", "", "https://cce.{region}.provider.net"),
        ("kms.ap-southeast-1.provider.net:443", "/v1.0/", "https://kms.{region}.provider.net"),
        ("kms.eu-ch2.provider.net:8443", "", "https://kms.{region}.provider.net:8443"),
        ("obs.region.example.com", "", None),
        ("volume.az0.dc1.domainname.com", "", None),
        ("widgets.eu-de.example.org", "", None),
        ("eu-de.provider.net", "", None),
        ("sample.domain.com", "/v3", None),
    ],
)
def test_server_template(host: str, path: str, expected: str | None) -> None:
    mention = HostMention(host, path, MentionKind.LINK)
    assert server_template(mention, "eu-de") == expected


def test_server_url_from_the_configuration_file_as_a_table_or_a_string(tmp_path: Path) -> None:
    import doc2openapi  # noqa: PLC0415
    from doc2openapi.config import ConfigError, load_config  # noqa: PLC0415

    for name, pages in {"gadgets": {"create": PLACEHOLDERS}, "widgets": {"list": LIST}}.items():
        (tmp_path / name).mkdir()
        for page, html in pages.items():
            (tmp_path / name / f"{page}.html").write_text(html)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.doc2openapi.server_url]\ngadgets = "https://gadgets.{region}.mine.test"\n'
    )
    config = load_config(folder=tmp_path)
    assert config.server_url == {"gadgets": "https://gadgets.{region}.mine.test"}
    result = doc2openapi.scrape([tmp_path / "gadgets", tmp_path / "widgets"], config)
    document = result.document
    assert document["servers"][0]["url"] == "https://gadgets.{region}.mine.test"
    widgets = document["paths"]["/v2/{project_id}/widgets"]["get"]["servers"]
    assert widgets[0]["url"] == "https://widgets.{region}.cloud-provider.net"

    (tmp_path / "pyproject.toml").write_text(
        '[tool.doc2openapi]\nserver_url = "https://api.mine.test"\n'
    )
    assert load_config(folder=tmp_path).server_url == "https://api.mine.test"
    (tmp_path / "pyproject.toml").write_text("[tool.doc2openapi]\nserver_url = 3\n")
    with pytest.raises(ConfigError, match="server_url must be a string or a table"):
        load_config(folder=tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.doc2openapi.server_url]\nevs = 3\n")
    with pytest.raises(ConfigError, match="server_url must be a string or a table"):
        load_config(folder=tmp_path)
