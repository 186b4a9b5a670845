"""Status codes, error-body labels and header labels, read from small pages written here."""

from __future__ import annotations

import pytest

from doc2openapi.diagnostics import Code
from doc2openapi.scraper.interpret import read_api_page
from doc2openapi.scraper.model import ApiPage, TableRole
from doc2openapi.scraper.page import read_page
from doc2openapi.scraper.status import is_error_label, is_status_table, listed_codes
from tests.helpers.page_builders import FIELDS, portal_page, section, table


def api(html: str) -> ApiPage:
    page, _ = read_api_page(read_page("thing.html", html.encode()))
    assert page is not None
    return page


def test_returned_values_lists_normal_and_abnormal_codes() -> None:
    page = api(
        portal_page(
            section(
                "Returned Values",
                "<ul><li><p>Normal</p><p>200</p></li><li><p>Abnormal</p>",
                table(
                    ("Returned Value", "Description"),
                    ("400 Bad Request", "The server failed to process the request."),
                    ("404 Not Found", "Not found."),
                ),
                "</li></ul>",
            )
        )
    )
    codes = {c.code: c.description for c in page.status_codes}
    assert sorted(codes) == ["200", "400", "404"]
    assert codes["400"] == "The server failed to process the request."


def test_every_success_code_of_a_status_table_is_read() -> None:
    page = api(
        portal_page(
            section(
                "Status Codes",
                table(
                    ("Status Code", "Description"),
                    ("200", "OK"),
                    ("202", "Accepted"),
                    ("204", "No content"),
                ),
            )
        )
    )
    assert [c.code for c in page.status_codes] == ["200", "202", "204"]


def test_a_status_row_without_a_code_is_a_diagnostic() -> None:
    page = api(
        portal_page(
            section(
                "Status Codes",
                table(("Status Code", "Description"), ("200", "OK"), ("Others", "See appendix")),
            )
        )
    )
    assert [c.code for c in page.status_codes] == ["200"]
    unread = [d for d in page.diagnostics if d.code is Code.STATUS_CODE_UNREAD]
    assert [(d.page, d.row) for d in unread] == [("thing.html", "2")]


def test_status_lines_outside_status_sections_are_codes() -> None:
    page = api(
        portal_page(
            section("Example Response", "<p><strong>Status code: 409</strong></p><p>Conflict.</p>")
        )
    )
    assert [c.code for c in page.status_codes] == ["409"]


def test_abnormal_response_table_is_an_error_body() -> None:
    page = api(
        portal_page(
            section(
                "Response Parameters",
                table(FIELDS, ("job_id", "String", "Task ID."), caption="Table 4 Normal response"),
                table(
                    FIELDS, ("error", "Object", "The error."), caption="Table 5 Abnormal response"
                ),
            )
        )
    )
    bodies = {t.caption: (t.role, t.status) for t in page.tables}
    assert bodies == {
        "Normal response": (TableRole.RESPONSE_BODY, ""),
        "Abnormal response": (TableRole.RESPONSE_BODY, "default"),
    }


def test_a_labelling_list_item_announces_the_error_body() -> None:
    page = api(
        portal_page(
            section(
                "Response",
                "<ul><li><p>Normal response</p>",
                table(FIELDS, ("id", "String", "ID.")),
                "</li><li><p>Error response</p>",
                table(FIELDS, ("error_code", "String", "Code.")),
                "</li></ul>",
            )
        )
    )
    assert [(t.role, t.status) for t in page.tables] == [
        (TableRole.RESPONSE_BODY, ""),
        (TableRole.RESPONSE_BODY, "default"),
    ]


def test_an_unlinked_error_detail_table_describes_the_error_field_of_its_code() -> None:
    page = api(
        portal_page(
            section(
                "Response Parameters",
                "<p><strong>Status code: 200</strong></p>",
                table(FIELDS, ("key_id", "String", "Key ID."), caption="Table 4 Response body"),
                "<p><strong>Status code: 400</strong></p>",
                table(
                    FIELDS, ("error", "Object", "Error message"), caption="Table 5 Response body"
                ),
                table(FIELDS, ("error_code", "String", "Code"), caption="Table 6 ErrorDetail"),
                "<p><strong>Status code: 500</strong></p>",
                table(
                    FIELDS, ("error", "Object", "Error message"), caption="Table 7 Response body"
                ),
                table(FIELDS, ("error_code", "String", "Code"), caption="Table 8 ErrorDetail"),
            )
        )
    )
    links = {
        (t.status, row.name): [link.fragment for link in row.type_links]
        for t in page.tables
        for row in t.fields
        if row.name == "error"
    }
    table_6, table_8 = (t for t in page.tables if t.caption.endswith("ErrorDetail"))
    assert links == {("400", "error"): [table_6.key], ("500", "error"): [table_8.key]}


def test_labelling_paragraphs_make_header_tables() -> None:
    page = api(
        portal_page(
            section(
                "Request Parameters",
                "<p>Parameters in the request header</p>",
                table(FIELDS, ("X-Language", "String", "Language.")),
            ),
            section(
                "Response Parameters",
                "<p>Parameters in the response header</p>",
                table(FIELDS, ("X-Subject-Token", "String", "Token.")),
                table(FIELDS, ("token", "Object", "Token.")),
            ),
        )
    )
    assert [t.role for t in page.tables] == [
        TableRole.HEADER,
        TableRole.RESPONSE_HEADER,
        TableRole.RESPONSE_BODY,
    ]


def test_labels_and_headers_are_recognised_by_their_words() -> None:
    assert is_status_table(("Return Value", "Description"))
    assert is_status_table(("HTTP Status Code", "Description"))
    assert not is_status_table(("Parameter", "Description"))
    assert is_error_label("Abnormal response")
    assert is_error_label("Table 5 Abnormal response")
    assert not is_error_label("Abnormal response handling is described in the appendix.")
    assert [c.code for c in listed_codes("Normal 200")] == ["200"]
    assert [c.code for c in listed_codes("201, 202")] == ["201", "202"]
    assert [c.code for c in listed_codes("If it succeeds, 204 No Content is returned.")] == ["204"]
    assert listed_codes("If status code 200 is returned, it worked.") == []


def test_prose_that_mentions_a_code_in_a_status_section_is_reported() -> None:
    page = api(
        portal_page(
            section(
                "Status Code",
                "<p>Generally, if status code 200 is returned, the API works.</p>",
                "<p>For details, see Status Codes.</p>",
            )
        )
    )
    assert page.status_codes == ()
    unread = [d for d in page.diagnostics if d.code is Code.STATUS_CODE_UNREAD]
    assert len(unread) == 1
    assert "Generally, if status code 200" in unread[0].detail


def test_the_status_column_of_an_error_code_table_gives_codes() -> None:
    page = api(
        portal_page(
            section(
                "Response Parameters",
                table(
                    ("Error Code", "Description", "HTTP Status Code"),
                    ("MalformedXML", "Incorrect XML.", "400 Bad Request"),
                    ("NoSuchBucket", "No bucket.", "404 Not Found"),
                    ("InvalidArgument", "Invalid parameter.", "400 Bad Request"),
                    caption="Table 3 Error codes",
                ),
            )
        )
    )
    assert {c.code: c.description for c in page.status_codes} == {
        "400": "Incorrect XML.",
        "404": "No bucket.",
    }


@pytest.mark.parametrize(
    ("header", "row", "meaning"),
    [
        # a column after the code ("SOAP Error Code Prefix") does not say what it means
        (
            ("Error Code", "Description", "HTTP Response Code", "SOAP Error Code Prefix"),
            ("NoSuchThing", "The thing does not exist.", "404 not found", "Client"),
            "The thing does not exist.",
        ),
        # without a "Description" column, "Error Code Description" says it; the last
        # column ("Measure", "Solution") says what to do about it
        (
            ("HTTP Status Code", "Error Code", "Error Code Description", "Measure"),
            ("404", "WID.0016", "The widget does not exist.", "Check the widget ID."),
            "The widget does not exist.",
        ),
    ],
)
def test_the_description_column_says_what_a_code_means(
    header: tuple[str, ...], row: tuple[str, ...], meaning: str
) -> None:
    page = api(
        portal_page(section("Error Responses", table(header, row, caption="Table 2 Errors")))
    )
    assert {c.code: c.description for c in page.status_codes} == {"404": meaning}
    assert not [d for d in page.diagnostics if d.code is Code.TABLE_UNPLACED]
