"""Small portal-style pages for tests, written here (never copied from the corpus)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.pipeline import ScrapeOutcome, scrape

FIELDS = ("Parameter", "Type", "Description")


def portal_page(*sections: str) -> str:
    """A portal-style page (Sphinx: ``<main>``, ``<section>``, ``<h2>``)."""
    body = "".join(sections)
    return (
        '<html><body><main><section id="op"><h1>Showing a Thing</h1>'
        '<section id="uri"><h2>URI</h2><p>GET /v1/things/{id}</p></section>'
        f"{body}</section></main></body></html>"
    )


def section(title: str, *blocks: str) -> str:
    return f"<section><h2>{title}</h2>{''.join(blocks)}</section>"


def table(header: tuple[str, ...], *rows: tuple[str, ...], caption: str = "") -> str:
    head = "".join(f"<th><p>{h}</p></th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td><p>{c}</p></td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption><span><strong>{caption}</strong></span></caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def scrape_html(tmp_path: Path, html: str) -> ScrapeOutcome:
    """The scrape of a folder holding just this page."""
    (tmp_path / "page.html").write_text(html)
    return scrape([tmp_path])


def resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The schema a ``$ref`` chain leads to."""
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema
