"""Example JSON placed on the body it shows, and checked against the tables: small pages
written for each rule, and real pages of the corpus read by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.pipeline import ScrapeOutcome, scrape
from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.page_builders import section, table

FIELDS = ("Parameter", "Mandatory", "Type", "Description")


def _page(*sections: str, method: str = "POST") -> str:
    return (
        '<html><body><main><section id="op"><h1>Creating a Thing</h1>'
        f'<section id="uri"><h2>URI</h2><p>{method} /v1/things</p></section>'
        f"{''.join(sections)}</section></main></body></html>"
    )


_REQUEST = section(
    "Request",
    table(FIELDS, ("name", "Yes", "String", "Name."), ("size", "No", "Integer", "Size.")),
)
_RESPONSE = section("Response", table(FIELDS, ("id", "Yes", "String", "ID.")))


def _scrape(tmp_path: Path, html: str) -> ScrapeOutcome:
    (tmp_path / "page.html").write_text(html)
    return scrape([tmp_path])


def _operation(outcome: ScrapeOutcome) -> dict[str, Any]:
    return dict(outcome.spec.document["paths"]["/v1/things"]["post"])


def _examples(media: dict[str, Any]) -> list[Any]:
    return [entry["value"] for entry in media["content"]["application/json"]["examples"].values()]


def _details(outcome: ScrapeOutcome, code: str) -> list[str]:
    return [d.detail for d in outcome.diagnostics if d.code.value == code]


def test_a_request_label_holds_for_the_examples_that_say_what_they_show(tmp_path: Path) -> None:
    """ "Example request", then one line per example saying what it shows ("Creating a
    small thing"): every one of them is a request; "Example response" ends it."""
    examples = section(
        "Example",
        "<p>Example request</p>",
        "<p>Creating a small thing</p>",
        '<pre>{"name": "a", "size": 1}</pre>',
        "<p>Creating a thing of default size</p>",
        '<pre>{"name": "b"}</pre>',
        "<p>Example response</p>",
        '<pre>{"id": "x"}</pre>',
    )
    outcome = _scrape(tmp_path, _page(_REQUEST, _RESPONSE, examples))
    operation = _operation(outcome)
    assert _examples(operation["requestBody"]) == [{"name": "a", "size": 1}, {"name": "b"}]
    assert _examples(operation["responses"]["200"]) == [{"id": "x"}]
    assert _details(outcome, "D402") == []


def test_a_status_line_after_a_request_label_starts_the_responses(tmp_path: Path) -> None:
    examples = section(
        "Example",
        "<p>Example request</p>",
        '<pre>{"name": "a"}</pre>',
        "<p>Status code: 200</p>",
        "<p>The thing is created.</p>",
        '<pre>{"id": "x"}</pre>',
    )
    operation = _operation(_scrape(tmp_path, _page(_REQUEST, _RESPONSE, examples)))
    assert _examples(operation["requestBody"]) == [{"name": "a"}]
    assert _examples(operation["responses"]["200"]) == [{"id": "x"}]


MRS = "portal/mrs/api-ref"


def _page_diagnostics(folder: str, page: str, code: str) -> list[str]:
    diagnostics = scraped_folder(folder).report["diagnostics"]
    return [d["detail"] for d in diagnostics if d["code"] == code and d["page"] == page]


def _page_operation(folder: str, path: str, method: str) -> dict[str, Any]:
    return dict(scraped_folder(folder).document["paths"][path][method])


def test_mrs_cluster_examples_are_requests() -> None:
    """mrs "Creating a Cluster and Running a Job": under "Example request" four lines say
    what each example creates ("Creating a cluster with Cluster HA enabled (using the
    node_groups parameter group)"...); the four bodies are requests (the fourth lacks a
    comma after ``"master_node_num": 1``), "Example response" shows cluster_id/result/msg."""
    page = "apis/cluster_management_apis_v1/creating_a_cluster_and_running_a_job.html"
    operation = _page_operation(MRS, "/v1.1/{project_id}/run-job-flow", "post")
    assert _examples(operation["responses"]["200"]) == [
        {"cluster_id": "da1592c2-bb7e-468d-9ac9-83246e95447a", "result": True, "msg": ""}
    ]
    # The three valid requests disagree with the tables ("true" for a Boolean), so they
    # are checked against the request body and left out, each said once.
    left_out = _page_diagnostics(MRS, page, "D405")
    assert [d.split(" (", 1)[0] for d in left_out] == [f"request example {n}" for n in (1, 2, 3)]
    assert all(", request, is left out" in d for d in left_out)
    assert not [d for d in _page_diagnostics(MRS, page, "D402") if "response" in d]
    (invalid,) = _page_diagnostics(MRS, page, "D401")
    assert invalid.startswith("request example 4 ")
