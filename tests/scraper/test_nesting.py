"""Body tables that list nested members flat, nested again by the page's example."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.pipeline import ScrapeOutcome, scrape
from tests.helpers.golden_contracts import deref

_HEAD = "<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>"


def _page(rows: list[tuple[str, str]], example: str) -> str:
    body = "".join(f"<tr><td>{n}</td><td>{t}</td><td>The {n}.</td></tr>" for n, t in rows)
    return (
        "<html><body><main><section id='top'><h1>Querying All API Versions</h1>"
        "<section id='u'><h2>URI</h2><p>GET /</p></section>"
        "<section id='r'><h2>Response</h2><div class='table-responsive'><table>"
        f"<caption>Table 1 Response parameters</caption>{_HEAD}<tbody>{body}</tbody>"
        "</table></div></section><section id='e'><h2>Example Response</h2>"
        f"<pre>{example}</pre></section></section></main></body></html>"
    )


_ROWS = [
    ("versions", "Array"),
    ("id", "String"),
    ("links", "Array"),
    ("href", "String"),
    ("rel", "String"),
    ("status", "String"),
]


def _scrape(tmp_path: Path, html: str) -> ScrapeOutcome:
    (tmp_path / "versions.html").write_text(html)
    return scrape([tmp_path])


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    return dict(deref(document, schema)[0])


def _body(outcome: ScrapeOutcome) -> dict[str, Any]:
    document = outcome.spec.document
    response = document["paths"]["/"]["get"]["responses"]["200"]
    return _resolve(document, response["content"]["application/json"]["schema"])


def test_members_listed_flat_go_inside_the_field_the_example_puts_them_in(
    tmp_path: Path,
) -> None:
    example = '{"versions": [{"id": "v2", "links": [{"href": "h", "rel": "self"}], "status": "c"}]}'
    outcome = _scrape(tmp_path, _page(_ROWS, example))
    document, body = outcome.spec.document, _body(outcome)
    assert list(body["properties"]) == ["versions"]
    item = _resolve(document, body["properties"]["versions"]["items"])
    assert list(item["properties"]) == ["id", "links", "status"]
    link = _resolve(document, item["properties"]["links"]["items"])
    assert list(link["properties"]) == ["href", "rel"]
    counts = outcome.spec.counts[tmp_path.name]["versions.html"]
    assert (counts.recognised, counts.failed) == (6, 0)
    assert "TABLE_INFERRED" in [d.code.name for d in outcome.diagnostics]


def test_a_row_the_example_does_not_account_for_leaves_the_table_flat(tmp_path: Path) -> None:
    """``status`` is neither at the top of the example nor inside ``versions``: the page
    is not read as nesting anything."""
    example = '{"versions": [{"id": "v2", "links": [{"href": "h", "rel": "self"}]}]}'
    outcome = _scrape(tmp_path, _page(_ROWS, example))
    assert list(_body(outcome)["properties"]) == [name for name, _ in _ROWS]
