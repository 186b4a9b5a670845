"""Operations written as HTTP messages ("Request Syntax" blocks), on pages written here."""

from __future__ import annotations

import json

from doc2openapi.cache import decoder, to_json
from doc2openapi.scraper.interpret import read_api_page
from doc2openapi.scraper.model import ApiPage, Endpoint, TableRole, XmlBody, XmlElement
from doc2openapi.scraper.page import read_page
from doc2openapi.scraper.request_syntax import parse_message, xml_skeleton
from tests.helpers.s3_pages import GET_OBJECT, LIST_PARTS, PUT_ACL


def _api(html: str) -> ApiPage:
    api, _ = read_api_page(read_page("page.html", html.encode()))
    assert api is not None
    return api


def test_request_line_host_and_subresource() -> None:
    api = _api(PUT_ACL)
    assert api.endpoints == (
        Endpoint("PUT", "/{ObjectKey}", ("acl",), ("acl",), "bucketname.store.region.example.com"),
    )


def test_segment_written_alike_in_the_samples_but_named_like_a_value_is_a_placeholder() -> None:
    assert _api(GET_OBJECT).endpoints[0].path == "/{ObjectKey}"
    literal = GET_OBJECT.replace("/ObjectKey", "/status")
    assert _api(literal).endpoints[0].path == "/status"


def test_query_with_values_is_no_subresource() -> None:
    endpoint = _api(LIST_PARTS).endpoints[0]
    assert endpoint.query == ("uploadId", "max-parts")
    assert endpoint.subresources == ()


def test_xml_skeleton_nests_and_marks_repeated_elements() -> None:
    (body,) = _api(PUT_ACL).xml_bodies
    assert body.kind == "request"
    grant = XmlElement(
        "Grant",
        (XmlElement("Grantee", (XmlElement("ID"),)), XmlElement("Permission")),
        repeated=True,
    )
    assert body.root == XmlElement(
        "AccessControlPolicy",
        (XmlElement("Owner", (XmlElement("ID"),)), XmlElement("AccessControlList", (grant,))),
    )


def test_samples_complete_the_skeleton_and_namespaces_are_dropped() -> None:
    (body,) = _api(LIST_PARTS).xml_bodies
    part = next(c for c in body.root.children if c.name == "Part")
    assert [c.name for c in part.children] == ["PartNumber", "Size"]
    assert part.repeated


def test_status_codes_from_samples_status_lines_and_error_sentences() -> None:
    assert [c.code for c in _api(PUT_ACL).status_codes] == ["200", "404"]


def test_table_roles_on_a_message_page() -> None:
    roles = {t.caption: t.role for t in _api(PUT_ACL).tables}
    assert roles == {
        "Request headers": TableRole.HEADER,
        "Request elements": TableRole.REQUEST_BODY,
    }
    assert [t.role for t in _api(GET_OBJECT).tables] == [TableRole.QUERY]


def test_request_media_types() -> None:
    assert _api(PUT_ACL).request_media_type == "application/xml"
    assert _api(GET_OBJECT).request_media_type == ""
    content = "\n&lt;Optional Additional Header&gt;\n&lt;object Content&gt;</pre>"
    upload = GET_OBJECT.replace("GET /ObjectKey HTTP/1.1", "PUT /ObjectKey HTTP/1.1").replace(
        "store.region.example.com</pre>", "store.region.example.com" + content, 1
    )
    assert _api(upload).request_media_type == "application/octet-stream"


def test_messages_and_skeletons_that_are_none() -> None:
    assert parse_message("GET /v1/things\nHost: x") is None
    assert parse_message("no message") is None
    assert xml_skeleton("Policy written in JSON") is None
    assert xml_skeleton("<Optional Additional Header>\n<object Content>") is None
    assert xml_skeleton('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>') is None


def test_a_uri_section_page_is_read_as_before() -> None:
    page = """<h1>Thing</h1><h2>URI</h2><p>GET /v1/things</p>
    <h2>Request Syntax</h2><pre>PUT /other HTTP/1.1</pre>"""
    assert _api(page).endpoints == (Endpoint("GET", "/v1/things"),)


def test_an_xml_body_goes_through_the_json_cache_form() -> None:
    body = XmlBody("request", XmlElement("A", (XmlElement("B", (XmlElement("C"),), True),)))
    assert decoder(XmlBody)(json.loads(json.dumps(to_json(body)))) == body
