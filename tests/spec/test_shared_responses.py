"""Error codes an operation documents by a link ("Returned Values: See Returned Values for
General Requests.") become shared ``components/responses`` (small pages written here,
scraped and built as a user would), and the real folders that do so get them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.pipeline import scrape
from tests.helpers.inputs import corpus_dir
from tests.helpers.page_builders import FIELDS, section, table
from tests.scraper.test_goldens import scraped_spec

GENERAL = (
    "<html><body><main><section><h1>Returned Values for General Requests</h1>"
    "<ul><li>Normal"
    + table(("Returned Value", "Description"), ("200", "Done."), ("202", "Accepted."))
    + "</li><li>Abnormal"
    + table(
        ("Returned Value", "Description"),
        ("300 Multiple Choices", "Several answers."),
        ("400 Bad Request", "The request is malformed."),
        ("503 Service Unavailable", "Try later."),
    )
    + "</li></ul></section></main></body></html>"
)

ERROR_CODES = (
    "<html><body><main><section><h1>Error Codes</h1>"
    "<table><thead><tr><th><p>Status Code</p></th><th><p>Error Code</p></th>"
    "<th><p>Error Message</p></th></tr></thead><tbody>"
    '<tr><td rowspan="2"><p>400</p></td><td><p>X.0001</p></td><td><p>Bad name.</p></td></tr>'
    "<tr><td><p>X.0002</p></td><td><p>Bad size.</p></td></tr>"
    "<tr><td><p>409</p></td><td><p>X.0003</p></td><td><p>Name taken.</p></td></tr>"
    "</tbody></table></section></main></body></html>"
)


def operation_page(path: str, *sections: str) -> str:
    return (
        '<html><body><main><section id="op"><h1>An Operation</h1>'
        f'<section id="uri"><h2>URI</h2><p>GET {path}</p></section>'
        f"{''.join(sections)}</section></main></body></html>"
    )


def see(title: str, target: str, text: str) -> str:
    return section(title, f'<p>See <a class="reference internal" href="{target}">{text}</a>.</p>')


def build(tmp_path: Path, pages: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    outcome = scrape([tmp_path])
    return outcome.spec.document, [f"{d.code.value} {d.detail}" for d in outcome.diagnostics]


def responses(document: dict[str, Any], path: str) -> dict[str, Any]:
    return dict(document["paths"][path]["get"]["responses"])


def test_linked_error_codes_are_shared_responses(tmp_path: Path) -> None:
    document, _ = build(
        tmp_path,
        {
            "general.html": GENERAL,
            "a.html": operation_page("/v1/a", see("Returned Values", "general.html", "General")),
            "b.html": operation_page("/v1/b", see("Status Codes", "general.html", "General")),
        },
    )
    for path in ("/v1/a", "/v1/b"):
        found = responses(document, path)
        # the page's own success (none documented: 200), not the general page's 202;
        # 300 is HTTP's own business, not an error of the operation
        assert sorted(found) == ["200", "400", "503"]
        assert found["400"] == {"$ref": "#/components/responses/Error400"}
        assert found["503"] == {"$ref": "#/components/responses/Error503"}
    assert document["components"]["responses"] == {
        "Error400": {"description": "The request is malformed."},
        "Error503": {"description": "Try later."},
    }


def test_an_error_code_table_gives_its_status_codes(tmp_path: Path) -> None:
    document, _ = build(
        tmp_path,
        {
            "errors.html": ERROR_CODES,
            "a.html": operation_page("/v1/a", see("Error Codes", "errors.html", "Error Codes")),
        },
    )
    assert sorted(responses(document, "/v1/a")) == ["200", "400", "409"]
    shared = document["components"]["responses"]
    # 400 has two rows, each an error code's: the status itself is described by HTTP
    assert shared["Error400"] == {"description": "Bad Request"}
    assert shared["Error409"] == {"description": "Name taken."}


def test_a_code_the_page_documents_keeps_its_own_response(tmp_path: Path) -> None:
    own = section(
        "Status Codes",
        table(("Status Code", "Description"), ("201", "Created."), ("400", "Bad name.")),
        '<p>For other codes, see <a href="general.html">Returned Values</a>.</p>',
    )
    document, _ = build(tmp_path, {"general.html": GENERAL, "a.html": operation_page("/v1/a", own)})
    found = responses(document, "/v1/a")
    assert sorted(found) == ["201", "400", "503"]
    assert found["400"] == {"description": "Bad name."}
    assert found["503"] == {"$ref": "#/components/responses/Error503"}


def test_a_status_table_that_links_the_general_page_gives_its_codes(tmp_path: Path) -> None:
    """The page's own table lists its success and, in the row's description, points at the
    service's codes: "201 | Normal response. For more status codes, see Status Codes."."""
    link = '<a class="reference internal" href="general.html">Status Codes</a>'
    own = section(
        "Status Codes",
        table(("Status Code", "Description"), ("201", f"Normal response. For more, see {link}.")),
    )
    document, _ = build(tmp_path, {"general.html": GENERAL, "a.html": operation_page("/v1/a", own)})
    found = responses(document, "/v1/a")
    assert sorted(found) == ["201", "400", "503"]
    assert found["400"] == {"$ref": "#/components/responses/Error400"}


def test_a_link_outside_the_description_column_gives_no_codes(tmp_path: Path) -> None:
    """A link in another column of the page's status table (an error code linking its
    entry) does not say the service's codes apply: only the description column's does."""
    link = '<a class="reference internal" href="general.html">APIGW.0101</a>'
    own = section(
        "Status Codes",
        table(("Status Code", "Error Code", "Description"), ("400", link, "Bad name.")),
    )
    document, _ = build(tmp_path, {"general.html": GENERAL, "a.html": operation_page("/v1/a", own)})
    found = responses(document, "/v1/a")
    assert "503" not in found
    assert found["400"] == {"description": "Bad name."}


def test_the_pages_own_error_body_answers_the_linked_codes(tmp_path: Path) -> None:
    body = section(
        "Response Parameters",
        table(FIELDS, ("job_id", "String", "Task ID."), caption="Table 1 Normal response"),
        table(FIELDS, ("message", "String", "Error message."), caption="Table 2 Abnormal response"),
    )
    page = operation_page("/v1/a", body, see("Returned Values", "general.html", "General"))
    document, codes = build(tmp_path, {"general.html": GENERAL, "a.html": page})
    found = responses(document, "/v1/a")
    assert sorted(found) == ["200", "400", "503"]  # no `default`: the codes are known
    error = found["400"]["content"]["application/json"]["schema"]
    assert found["503"]["content"]["application/json"]["schema"] == error
    assert found["400"]["description"] == "The request is malformed."
    assert not any(code.startswith("D309") for code in codes)


def test_a_link_to_a_page_without_codes_is_said(tmp_path: Path) -> None:
    prose = "<html><body><main><section><h1>Errors</h1><p>Retry.</p></section></main></body></html>"
    page = operation_page("/v1/a", see("Error Codes", "prose.html", "Errors"))
    document, codes = build(tmp_path, {"prose.html": prose, "a.html": page})
    assert sorted(responses(document, "/v1/a")) == ["200"]
    assert "responses" not in document.get("components", {})
    assert any(c.startswith("D308") and "prose.html" in c for c in codes)


def test_navigation_and_other_sections_lead_to_no_codes(tmp_path: Path) -> None:
    page = operation_page(
        "/v1/a",
        see("Request Parameters", "general.html", "General"),
        '<nav><ul><li><a href="general.html">Next</a></li></ul></nav>',
    )
    document, _ = build(tmp_path, {"general.html": GENERAL, "a.html": page})
    assert sorted(responses(document, "/v1/a")) == ["200"]


def test_several_services_name_their_shared_responses_apart(tmp_path: Path) -> None:
    for name in ("alpha", "beta"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "general.html").write_text(GENERAL, encoding="utf-8")
        page = operation_page(f"/v1/{name}", see("Returned Values", "general.html", "General"))
        (folder / "a.html").write_text(page, encoding="utf-8")
    document = scrape([tmp_path / "alpha", tmp_path / "beta"]).spec.document
    assert sorted(document["components"]["responses"]) == [
        "AlphaError400",
        "AlphaError503",
        "BetaError400",
        "BetaError503",
    ]
    assert responses(document, "/v1/beta")["400"] == {"$ref": "#/components/responses/BetaError400"}


# Read by hand in the HTML: the shared error responses a real page links to.
CORPUS = [
    # "Returned Values: See Returned Values for General Requests." (Abnormal: 300, 400-409,
    # 500-504); no code of its own
    (
        "doc-exports/ecs/api-ref",
        "en-us_topic_0020212648.html",
        "400 401 403 404 405 406 407 408 409 500 501 502 503 504",
        ("400", "The server failed to process the request."),
    ),
    # "Returned Value: See Returned Value." + "Error Codes: See Error Codes."
    (
        "portal/smn/api-ref",
        "apis/topic_operations/deleting_a_topic.html",
        "400 401 403 404 500 501 502 503 504",
        ("401", "Authentication failed."),
    ),
]


@pytest.mark.parametrize(("folder", "page", "codes", "described"), CORPUS)
def test_real_pages_get_the_error_responses_they_link(
    folder: str, page: str, codes: str, described: tuple[str, str]
) -> None:
    corpus_dir(folder)  # skips where the corpus is absent
    document = scraped_spec(folder)
    operations = [
        op
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and page in str(op.get("x-source", "")).split()
    ]
    assert operations
    shared = document["components"]["responses"]
    for op in operations:
        errors = {c: r for c, r in op["responses"].items() if c[0] in "45"}
        assert sorted(errors) == codes.split()
        assert all(r == {"$ref": f"#/components/responses/Error{c}"} for c, r in errors.items())
    code, description = described
    assert shared[f"Error{code}"]["description"] == description
