"""Service-wide tables of real services placed in their operations: each expectation was
written by reading the pages named."""

from __future__ import annotations

from typing import Any

from tests.helpers.corpus_scrape import scraped_folder

OBS = "portal/obs/api-ref"
MRS = "portal/mrs/api-ref"
SMN = "portal/smn/api-ref"


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for item in document["paths"].values() for op in item.values()]


def _refs(operation: dict[str, Any]) -> set[str]:
    return {p["$ref"].rsplit("/", 1)[1] for p in operation.get("parameters", []) if "$ref" in p}


def _unplaced(folder: str, page: str) -> list[str]:
    diagnostics = scraped_folder(folder).report["diagnostics"]
    return [d["table"] for d in diagnostics if d["code"] == "D101" and d["page"] == page]


def test_obs_common_request_and_response_headers() -> None:
    """calling_apis/constructing_a_request.html Table 3 "Common request headers"
    (Authorization, Content-Length, Content-Type, Date, Host): only Date is a parameter
    OpenAPI honours and the client sets itself. returned_values.html Table 1 "Common
    response headers": seven headers of every response (x-obs-request-id among them)."""
    document = scraped_folder(OBS).document
    components = document["components"]
    assert set(components["parameters"]) == {
        "Authorization",
        "Content-Length",
        "Content-Type",
        "Date",
        "Host",
    }
    assert set(components["headers"]) == {
        "Content-Length",
        "Connection",
        "Date",
        "ETag",
        "x-obs-id-2",
        "x-reserved-indicator",
        "x-obs-request-id",
    }
    operations = _operations(document)
    assert all(_refs(op) <= {"Date"} for op in operations)
    assert sum("Date" in _refs(op) for op in operations) >= 70
    for operation in operations:
        for code, response in operation["responses"].items():
            if code.startswith("2"):
                assert "x-obs-request-id" in response.get("headers", {}), operation["operationId"]
    assert _unplaced(OBS, "calling_apis/constructing_a_request.html") == []
    assert _unplaced(OBS, "calling_apis/returned_values.html") == []


def test_obs_error_responses_carry_the_xml_error_body() -> None:
    """error_codes.html: "Error response elements" under "Error Response Syntax", after the
    sample whose root is <Error> holding Code, Message, Resource, RequestId, HostId."""
    document = scraped_folder(OBS).document
    error = document["components"]["schemas"]["Error"]
    assert error["xml"] == {"name": "Error"}
    assert set(error["properties"]) == {"Code", "Message", "Resource", "RequestId", "HostId"}
    for operation in _operations(document):
        responses = operation["responses"]
        assert "default" in responses
        for code, response in responses.items():
            if code.startswith(("4", "5")) or code == "default":
                shared = response.get("$ref", "").rsplit("/", 1)[-1]  # a page of codes'
                own = document["components"]["responses"][shared] if shared else response
                schema = own["content"]["application/xml"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}
    assert _unplaced(OBS, "error_codes.html") == []


def test_mrs_common_headers_by_part_of_the_service() -> None:
    """calling_apis/making_an_api_request.html "Common request header fields" speaks for the
    service's APIs (X-Auth-Token: the token; X-Sdk-Date, X-Project-Id, X-Language,
    X-Domain-Id: header parameters). The MRS Manager APIs have their own in
    mrs_manager_api/api_usage_guide/introduction_to_mrs_manager_apis.html (X-Language only,
    and "Common response headers": Date, Server, Content-Length, Content-type)."""
    document = scraped_folder(MRS).document
    service = {"X-Sdk-Date", "X-Project-Id", "X-Language", "X-Domain-Id"}
    manager = [op for op in _operations(document) if op["x-source"].startswith("mrs_manager_api")]
    others = [op for op in _operations(document) if op not in manager]
    assert len(manager) == 13
    for operation in manager:
        assert _refs(operation) == {"X-Language2"}
        assert "security" not in operation
        success = [r for c, r in operation["responses"].items() if c.startswith("2")]
        assert all(set(r["headers"]) == {"Date", "Server", "Content-Length"} for r in success)
    for operation in others:
        assert _refs(operation) == service
        assert operation["security"] == [{"token": []}]
    language = document["components"]["parameters"]["X-Language2"]
    assert language["schema"]["x-source"].startswith("mrs_manager_api/")
    page = "mrs_manager_api/api_usage_guide/introduction_to_mrs_manager_apis.html"
    assert _unplaced(MRS, page) == []


def test_smn_exception_response_is_every_operations_default() -> None:
    """public_parameters/returned_values_for_general_requests/exception_response.html: one
    table (request_id, code, message, all String) under "Parameter description"."""
    document = scraped_folder(SMN).document
    body = document["components"]["schemas"]["ErrorResponse"]
    assert {name: p["type"] for name, p in body["properties"].items()} == {
        "request_id": "string",
        "code": "string",
        "message": "string",
    }
    for operation in _operations(document):
        default = operation["responses"]["default"]["content"]["application/json"]["schema"]
        assert default == {"$ref": "#/components/schemas/ErrorResponse"}
    for shared in document["components"]["responses"].values():  # Returned Value's codes
        schema = shared["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorResponse"}


def _url_grammar(folder: str, page: str) -> str:
    diagnostics = scraped_folder(folder).report["diagnostics"]
    (detail,) = [
        d["detail"]
        for d in diagnostics
        if d["code"] == "D109" and d["page"] == page and "URL template" in d["detail"]
    ]
    return str(detail).split(";")[0].rsplit(": ", 1)[1]


def test_url_templates_describe_the_servers() -> None:
    """ "Request URI" of each service's guide: ``{URI-scheme}://{Endpoint}/{resource-path}?
    {query-string}`` (iam, functiongraph, mrs), ``protocol://[bucket.]domain[:port][/object]
    [?param]`` (obs). The Endpoint (domain, bucket) rows describe the server's variables
    (iam's server names its host: the server itself); the rest are the URL's grammar, no
    fields (D109)."""
    obs = scraped_folder(OBS).document
    endpoint = obs["servers"][0]["variables"]["endpoint"]["description"]
    assert endpoint.startswith("domain: Definition:\nEndpoint of each region")
    assert "port: Definition:\nPort enabled for sending requests." in endpoint
    hosted = [op["servers"][0] for op in _operations(obs) if "servers" in op]
    assert hosted
    assert all(
        s["variables"]["bucketname"]["description"].startswith("Definition:\nBucket name")
        for s in hosted
    )
    page = "calling_apis/constructing_a_request.html"
    assert _url_grammar(OBS, page) == "protocol (scheme), object (path), param (query)"
    described = "Domain name or IP address of the server bearing the REST service."
    iam = scraped_folder("portal/iam/api-ref").document["servers"][0]
    assert iam["url"] == "https://iam.{region}.otc.t-systems.com"
    assert iam["description"].startswith(described)
    for folder in ("portal/functiongraph/api-ref", MRS):
        server = scraped_folder(folder).document["servers"][0]
        assert server["variables"]["endpoint"]["description"].startswith(described)
        left = _url_grammar(folder, "calling_apis/making_an_api_request.html")
        assert left == "URI-scheme (scheme), resource-path (path), query-string (query)"


def test_mrs_manager_apis_are_sent_to_the_manager() -> None:
    """introduction_to_mrs_manager_apis.html: ``{URI-scheme} :// {MRS Manager floating IP
    address} :{MRS Manager port}/ {resource-path} ? {query-string}``; "The default value is
    28443"."""
    document = scraped_folder(MRS).document
    manager = [op for op in _operations(document) if op["x-source"].startswith("mrs_manager_api")]
    servers = {str(op["servers"]) for op in manager}
    assert len(servers) == 1
    (server,) = manager[0]["servers"]
    assert server["url"] == "https://{mrs_manager_floating_ip_address}:{mrs_manager_port}"
    assert server["variables"]["mrs_manager_port"]["default"] == "28443"
    ip_address = server["variables"]["mrs_manager_floating_ip_address"]
    assert ip_address["description"].startswith("IP address for logging in to MRS Manager.")
    assert not [op for op in _operations(document) if op not in manager and "servers" in op]
    page = "mrs_manager_api/api_usage_guide/introduction_to_mrs_manager_apis.html"
    assert _url_grammar(MRS, page) == (
        "URI-scheme (scheme), resource-path (path), Query string (query)"
    )
