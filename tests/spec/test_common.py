"""Service-wide tables placed in every operation they speak for: common headers as
components the operations reference, the error body as the body of error responses, each
for the part of the service its page belongs to (pages written here, scraped as a user
would)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.pipeline import ScrapeOutcome, scrape
from doc2openapi.report import build_report
from tests.helpers.page_builders import FIELDS, section, table

HEADERS = ("Header", "Type", "Mandatory", "Description")


def page(title: str, crumbs: tuple[str, ...], *sections: str) -> str:
    items = "".join(f"<li>{c}</li>" for c in crumbs)
    return (
        f'<html><body><ul id="breadcrumbs">{items}</ul><main><section id="p">'
        f"<h1>{title}</h1>{''.join(sections)}</section></main></body></html>"
    )


def operation_page(title: str, crumbs: tuple[str, ...], uri: str, *sections: str) -> str:
    return page(title, crumbs, section("URI", f"<p>{uri}</p>"), *sections)


def write(folder: Path, pages: dict[str, str]) -> ScrapeOutcome:
    for name, html in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(html, encoding="utf-8")
    return scrape([folder])


COMMON_REQUEST = table(
    HEADERS,
    ("X-Auth-Token", "String", "No", "The user token."),
    ("X-Trace-Id", "String", "No", "A trace ID."),
    ("X-Language", "String", "No", "The language."),
    ("Content-Type", "String", "Yes", "application/json."),
    caption="Common request headers",
)
COMMON_RESPONSE = table(
    ("Header", "Description"),
    ("X-Request-Id", "The request ID."),
    ("Content-Type", "The media type."),
    caption="Common response headers",
)
ERROR_SAMPLE = (
    "<pre>&lt;Error&gt;&lt;Code&gt;NoSuchThing&lt;/Code&gt;&lt;Message&gt;Gone&lt;/Message&gt;"
    "&lt;/Error&gt;</pre>"
)
ERROR_ELEMENTS = table(
    ("Element", "Description"),
    ("Error", "Root element."),
    ("Code", "The error code."),
    ("Message", "The error message."),
    caption="Error response elements",
)
SHOW = operation_page(
    "Showing a Thing",
    ("APIs", "Things"),
    "GET /v1/things/{id}",
    section(
        "Request Headers",
        table(
            HEADERS, ("X-Language", "String", "Yes", "Own."), caption="Request header parameters"
        ),
    ),
    section("Response Parameters", table(FIELDS, ("name", "String", "The name."))),
    section(
        "Status Codes",
        table(("Status Code", "Description"), ("200", "OK."), ("404", "Not found.")),
    ),
)
MANAGER_GUIDE = page(
    "Introduction to Manager APIs",
    ("Manager API", "Usage Guide"),
    section(
        "Request Header",
        table(
            HEADERS,
            ("X-Manager-Lang", "String", "No", "Language."),
            caption="Common request header fields",
        ),
    ),
)
MANAGER_OP = operation_page("Listing Hosts", ("Manager API", "Web APIs"), "GET /api/v2/hosts")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    folder = tmp_path_factory.mktemp("things") / "things"
    outcome = write(
        folder,
        {
            "calling_apis/request.html": page(
                "Constructing a Request",
                ("Calling APIs",),
                section("Request Headers", COMMON_REQUEST),
                section("Response Headers", COMMON_RESPONSE),
            ),
            "error_codes.html": page(
                "Error Codes", (), section("Error Response Syntax", ERROR_SAMPLE, ERROR_ELEMENTS)
            ),
            "apis/things/show.html": SHOW,
            "manager/guide/intro.html": MANAGER_GUIDE,
            "manager/apis/hosts.html": MANAGER_OP,
        },
    )
    return outcome.spec.document, build_report(outcome)


def _refs(operation: dict[str, Any]) -> list[str]:
    return [p["$ref"].rsplit("/", 1)[1] for p in operation.get("parameters", []) if "$ref" in p]


def test_common_request_headers_are_shared_parameters(built: tuple[dict[str, Any], Any]) -> None:
    document, _ = built
    show = document["paths"]["/v1/things/{id}"]["get"]
    parameters = document["components"]["parameters"]
    assert parameters["X-Trace-Id"] == {
        "name": "X-Trace-Id",
        "in": "header",
        "description": "A trace ID.",
        "schema": {"type": "string", "x-source": "calling_apis/request.html#table-1"},
    }
    # the page's own X-Language wins; Content-Type is no parameter OpenAPI honours; the
    # token is the security scheme
    assert _refs(show) == ["X-Trace-Id"]
    assert [p["name"] for p in show["parameters"] if "name" in p] == ["id", "X-Language"]
    assert "Content-Type" in parameters and "X-Auth-Token" not in parameters
    assert show["security"] == [{"token": []}]


def test_common_response_headers_are_shared_headers(built: tuple[dict[str, Any], Any]) -> None:
    document, _ = built
    show = document["paths"]["/v1/things/{id}"]["get"]
    assert show["responses"]["200"]["headers"] == {
        "X-Request-Id": {"$ref": "#/components/headers/X-Request-Id"}
    }
    assert "headers" not in show["responses"]["404"]
    assert document["components"]["headers"]["X-Request-Id"]["description"] == "The request ID."


def test_the_error_body_is_every_error_responses(built: tuple[dict[str, Any], Any]) -> None:
    document, _ = built
    responses = document["paths"]["/v1/things/{id}"]["get"]["responses"]
    assert sorted(responses) == ["200", "404", "default"]
    for code in ("404", "default"):
        schema = responses[code]["content"]["application/xml"]["schema"]
        assert schema == {"$ref": "#/components/schemas/Error"}
    error = document["components"]["schemas"]["Error"]
    assert error["xml"] == {"name": "Error"}
    assert sorted(error["properties"]) == ["Code", "Message"]


def test_the_nearest_part_of_the_service_speaks(built: tuple[dict[str, Any], Any]) -> None:
    """The Manager API's own guide speaks for its operations; the service's for the rest."""
    document, _ = built
    hosts = document["paths"]["/api/v2/hosts"]["get"]
    assert _refs(hosts) == ["X-Manager-Lang"]
    assert "security" not in hosts
    show = document["paths"]["/v1/things/{id}"]["get"]
    assert "X-Manager-Lang" not in _refs(show)


def test_every_row_is_counted_as_placed(built: tuple[dict[str, Any], Any]) -> None:
    _, report = built
    (service,) = report["services"].values()
    details = service["page_details"]
    assert details["calling_apis/request.html"]["recognised"] == 6
    assert details["error_codes.html"]["recognised"] == 3
    assert details["manager/guide/intro.html"]["recognised"] == 1
    assert service["failed"] == 0
    assert not [d for d in report["diagnostics"] if d["code"] == "D101"]
    assert report["summary"]["valid"] is True


def test_a_common_table_that_speaks_for_no_operation_is_unplaced(tmp_path: Path) -> None:
    outcome = write(
        tmp_path / "guides",
        {
            "calling_apis/request.html": page(
                "Constructing a Request",
                ("Calling APIs",),
                section("Request Headers", COMMON_REQUEST),
            )
        },
    )
    report = build_report(outcome)
    (service,) = report["services"].values()
    assert service["failed"] == 4
    (unplaced,) = [d for d in report["diagnostics"] if d["code"] == "D101"]
    assert unplaced["table"] == "Common request headers"
    assert "which has none" in unplaced["detail"]


URL_PARTS = table(
    ("Parameter", "Description"),
    ("URI-scheme", "HTTPS."),
    ("Endpoint", "The host of the service in your region."),
    ("resource-path", "The path of an API."),
    caption="URI parameters",
)
MANAGER_URL = table(
    ("Parameter", "Description"),
    ("Manager IP address", "The floating IP address of the Manager."),
    ("Manager port", "The port of the Manager. The default value is 28443."),
    ("resource-path", "The path of an API."),
    caption="URI parameters",
)


def test_the_host_of_a_url_template_describes_the_servers(tmp_path: Path) -> None:
    """The service's template describes its ``{endpoint}``; the Manager API's writes a host
    of its own, which becomes its operations' server. Scheme and path are no fields."""
    outcome = write(
        tmp_path / "urls",
        {
            "calling_apis/request.html": page(
                "Making an API Request",
                ("Calling APIs",),
                section(
                    "Request URI", "<p>{URI-scheme}://{Endpoint}/{resource-path}</p>", URL_PARTS
                ),
            ),
            "apis/things/show.html": SHOW,
            "manager/guide/intro.html": page(
                "Introduction to Manager APIs",
                ("Manager API", "Usage Guide"),
                section(
                    "Request URI",
                    "<p>https :// {Manager IP address} :{Manager port}/ {resource-path}</p>",
                    MANAGER_URL,
                ),
            ),
            "manager/apis/hosts.html": MANAGER_OP,
        },
    )
    document = outcome.spec.document
    (server,) = document["servers"]
    assert server["variables"]["endpoint"]["description"].startswith(
        "The host of the service in your region.\n\n"
    )
    assert "servers" not in document["paths"]["/v1/things/{id}"]["get"]
    (manager,) = document["paths"]["/api/v2/hosts"]["get"]["servers"]
    assert manager == {
        "url": "https://{manager_ip_address}:{manager_port}",
        "variables": {
            "manager_ip_address": {
                "default": "endpoint.invalid",
                "description": "The floating IP address of the Manager.",
            },
            "manager_port": {
                "default": "28443",
                "description": "The port of the Manager. The default value is 28443.",
            },
        },
    }
    report = build_report(outcome)
    (service,) = report["services"].values()
    assert (service["recognised"] - 2, service["failed"]) == (3, 0)  # SHOW has 2 fields
    assert service["rows_not_fields"] == 3
    notes = sorted(d["detail"] for d in report["diagnostics"] if d["code"] == "D109")
    assert [d.split(";")[0] for d in notes] == [
        "the parts of a URL template that are no field: URI-scheme (scheme), resource-path (path)",
        "the parts of a URL template that are no field: resource-path (path)",
    ]
    assert not [d for d in report["diagnostics"] if d["code"] == "D101"]
