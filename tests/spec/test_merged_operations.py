"""One method and path documented on several pages: the parameters of the one operation
(made-up pages of a gadget service, not corpus pages)."""

from __future__ import annotations

from pathlib import Path

from doc2openapi.pipeline import scrape
from tests.helpers.page_builders import section, table

HEADER = ("Parameter", "Mandatory", "Type", "Description")


def _listing_page(title: str, *rows: tuple[str, ...]) -> str:
    """A page listing gadgets of one kind: GET /v2/gadgets with its query parameters."""
    return (
        f'<html><body><main><section id="op"><h1>{title}</h1>'
        "<section><h2>URI</h2><p>GET /v2/gadgets?kind={kind}&amp;limit={limit}</p>"
        f"{table(HEADER, *rows, caption='Table 1 Parameters in the URI')}</section>"
        + section("Response", "<p>None</p>")
        + "</section></main></body></html>"
    )


def test_a_parameter_is_required_only_where_every_page_requires_it(tmp_path: Path) -> None:
    """The page for round gadgets makes ``kind`` mandatory, the page for square ones leaves
    it optional; only the square page names ``colour``, mandatory there. A call with
    neither is one the square page documents (``kind``) or the round one (``colour``): both
    are optional in the merged operation, ``limit`` (optional on both) stays so."""
    (tmp_path / "round.html").write_text(
        _listing_page(
            "Querying Round Gadgets",
            ("kind", "Yes", "String", "The value is <strong>round</strong>."),
            ("limit", "No", "Integer", "Number of gadgets on each page."),
        )
    )
    (tmp_path / "square.html").write_text(
        _listing_page(
            "Querying Square Gadgets",
            ("kind", "No", "String", "Kind of gadget; square by default."),
            ("limit", "No", "Integer", "Number of gadgets on each page."),
            ("colour", "Yes", "String", "Colour of the gadgets."),
        )
    )
    operation = scrape([tmp_path]).spec.document["paths"]["/v2/gadgets"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert set(parameters) == {"kind", "limit", "colour"}
    assert not any(p.get("required") for p in parameters.values())


def test_a_parameter_every_page_requires_stays_required(tmp_path: Path) -> None:
    for name in ("round", "square"):
        (tmp_path / f"{name}.html").write_text(
            _listing_page(
                f"Querying {name.title()} Gadgets",
                ("kind", "Yes", "String", f"The value is <strong>{name}</strong>."),
            )
        )
    operation = scrape([tmp_path]).spec.document["paths"]["/v2/gadgets"]["get"]
    assert {p["name"]: p.get("required") for p in operation["parameters"]}["kind"] is True


def test_a_page_naming_no_query_parameter_leaves_a_required_one_required(
    tmp_path: Path,
) -> None:
    """A second page for the same call that gives no parameter table says nothing about
    the query: ``kind``, mandatory on the first page, stays required."""
    (tmp_path / "round.html").write_text(
        _listing_page(
            "Querying Round Gadgets",
            ("kind", "Yes", "String", "Kind of gadget."),
            ("limit", "No", "Integer", "Number of gadgets on each page."),
        )
    )
    (tmp_path / "square.html").write_text(
        '<html><body><main><section id="op"><h1>Querying Gadgets (Old)</h1>'
        "<section><h2>URI</h2><p>GET /v2/gadgets</p></section>"
        + section("Response", "<p>None</p>")
        + "</section></main></body></html>"
    )
    operation = scrape([tmp_path]).spec.document["paths"]["/v2/gadgets"]["get"]
    assert {p["name"]: p.get("required") for p in operation["parameters"]} == {
        "kind": True,
        "limit": None,
    }
