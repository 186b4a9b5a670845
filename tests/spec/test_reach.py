"""Tables on another page, reached through a link that names a page: small pages written
for each rule (a shared response page, a page of data structures, an index page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.diagnostics import Code
from doc2openapi.pipeline import ScrapeOutcome, scrape
from doc2openapi.scraper.model import FieldRow, FieldTable, Requirement, TableRole
from doc2openapi.spec.reach import root_tables

HEAD = "<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>"
PATH = "/v1/things"


def _table(caption: str, *rows: tuple[str, str, str]) -> str:
    cells = "".join(
        "<tr>" + "".join(f"<td><p>{text}</p></td>" for text in row) + "</tr>" for row in rows
    )
    head = f"<caption>{caption}</caption>" if caption else ""
    return f"<table>{head}{HEAD}<tbody>{cells}</tbody></table>"


def _page(title: str, *blocks: str) -> str:
    return f"<html><body><main><h1>{title}</h1>{''.join(blocks)}</main></body></html>"


def _api_page(request: str, response: str) -> str:
    return _page(
        "Doing a thing",
        f"<h2>URI</h2><p>POST {PATH}</p>",
        f"<h2>Request</h2>{request}",
        f"<h2>Response</h2>{response}",
    )


def _scrape(tmp_path: Path, pages: dict[str, str]) -> ScrapeOutcome:
    for name, html in pages.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html)
    return scrape([tmp_path])


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _operation(outcome: ScrapeOutcome) -> dict[str, Any]:
    operation: dict[str, Any] = outcome.spec.document["paths"][PATH]["post"]
    return operation


def _request(outcome: ScrapeOutcome) -> dict[str, Any]:
    body = _operation(outcome)["requestBody"]["content"]["application/json"]["schema"]
    return _resolve(outcome.spec.document, body)


def _unplaced(outcome: ScrapeOutcome) -> list[tuple[str, str]]:
    return [(d.page, d.table) for d in outcome.diagnostics if d.code is Code.TABLE_UNPLACED]


def _field_linking(tmp_path: Path, field: str, link_text: str, *tables: str) -> ScrapeOutcome:
    """An operation whose request field ``field`` links a page of structures."""
    link = f'See <a href="structures.html">{link_text}</a>.'
    return _scrape(
        tmp_path,
        {
            "op.html": _api_page(_table("", (field, "Object", link)), "<p>None</p>"),
            "structures.html": _page("Data Structures", *tables),
        },
    )


SHARED_RESPONSE = _page(
    "Responses (Task)",
    "<p>Normal response description</p>",
    _table("", ("job_id", "String", "The task ID.")),
    "<p>Abnormal response description</p>",
    _table("", ("error", "Object", "The error. For details, see Table 1.")),
    _table("Table 1 error field structure", ("code", "String", "Code."), ("message", "String", "")),
)


def test_a_response_section_linking_a_shared_page_takes_its_tables(tmp_path: Path) -> None:
    request = _table("", ("name", "String", "A name."))
    response = '<p>See <a href="task.html">Responses (Task)</a>.</p>'
    outcome = _scrape(
        tmp_path, {"op.html": _api_page(request, response), "task.html": SHARED_RESPONSE}
    )
    document = outcome.spec.document
    responses = _operation(outcome)["responses"]
    success = _resolve(document, responses["200"]["content"]["application/json"]["schema"])
    assert set(success["properties"]) == {"job_id"}
    error = _resolve(document, responses["default"]["content"]["application/json"]["schema"])
    assert set(_resolve(document, error["properties"]["error"])["properties"]) == {
        "code",
        "message",
    }
    assert _unplaced(outcome) == []
    counts = outcome.spec.counts[tmp_path.name]["task.html"]
    assert (counts.recognised, counts.failed) == (4, 0)


def test_an_abnormal_response_link_beside_the_success_body_gives_the_error_body(
    tmp_path: Path,
) -> None:
    """The page's own table is the success body; the link under "Abnormal response"
    gives the error body (the shared page's error table) to each error code, not a second
    success body."""
    request = _table("", ("name", "String", "A name."))
    response = (
        "<ul><li><p>Normal response</p>"
        + _table("Table 2 Parameter description", ("id", "String", "The ID."))
        + "</li><li><p>Abnormal response</p>"
        + '<p>For details, see <a href="task.html">Responses (Task)</a>.</p></li></ul>'
        + "<h2>Status Code</h2><ul><li><p>Normal</p><p>200</p></li>"
        + "<li><p>Abnormal</p><p>400</p></li></ul>"
    )
    outcome = _scrape(
        tmp_path, {"op.html": _api_page(request, response), "task.html": SHARED_RESPONSE}
    )
    document = outcome.spec.document
    responses = _operation(outcome)["responses"]
    assert sorted(responses) == ["200", "400"]
    success = _resolve(document, responses["200"]["content"]["application/json"]["schema"])
    assert set(success["properties"]) == {"id"}
    error = _resolve(document, responses["400"]["content"]["application/json"]["schema"])
    assert set(error["properties"]) == {"error"}


def test_a_field_linking_a_page_of_structures_takes_the_table_named_for_it(
    tmp_path: Path,
) -> None:
    structures = _page(
        "Data Structures",
        _table("Table 1 alpha field description", ("a", "String", "")),
        _table("Table 2 beta field description", ("b1", "Integer", ""), ("b2", "String", "")),
    )
    link = 'For details, see <a href="structures.html">Data Structures</a>.'
    request = _table("", ("beta", "Object", link))
    outcome = _scrape(
        tmp_path,
        {"op.html": _api_page(request, "<p>None</p>"), "structures.html": structures},
    )
    beta = _resolve(outcome.spec.document, _request(outcome)["properties"]["beta"])
    assert set(beta["properties"]) == {"b1", "b2"}
    # The table nothing reaches is still counted, as failed, and named.
    assert _unplaced(outcome) == [("structures.html", "alpha field description")]
    assert outcome.spec.counts[tmp_path.name]["structures.html"].failed == 1


def test_a_link_naming_the_table_wins_over_the_field_name(tmp_path: Path) -> None:
    outcome = _field_linking(
        tmp_path,
        "specs",
        "os_specs (flavor) Field Description",
        _table("Table 1 os_specs field description", ("cpu", "String", "")),
        _table("Table 2 specs field description", ("other", "String", "")),
    )
    specs = _resolve(outcome.spec.document, _request(outcome)["properties"]["specs"])
    assert set(specs["properties"]) == {"cpu"}


def test_a_link_to_an_index_page_means_each_listed_page(tmp_path: Path) -> None:
    def shape(title: str, member: str) -> str:
        return _page(
            title,
            _table("Table 1 Parameters", ("flavor", '<a href="#t2">Table 2</a> object', "")),
            _table("Table 2 Configuration of flavor", (member, "Integer", "")).replace(
                "<table>", '<table id="t2">'
            ),
        )

    index = _page(
        "Shapes",
        '<p><a href="one.html">One</a></p>',
        '<p><a href="two.html">Two</a></p>',
    )
    link = 'For details, see <a href="shapes/index.html">Shapes</a>.'
    outcome = _scrape(
        tmp_path,
        {
            "op.html": _api_page(_table("", ("values", "Object", link)), "<p>None</p>"),
            "shapes/index.html": index,
            "shapes/one.html": shape("One", "replicas"),
            "shapes/two.html": shape("Two", "cpus"),
        },
    )
    document = outcome.spec.document
    variants = _request(outcome)["properties"]["values"]["anyOf"]
    flavors = [
        set(_resolve(document, _resolve(document, v)["properties"]["flavor"])["properties"])
        for v in variants
    ]
    assert flavors == [{"replicas"}, {"cpus"}]
    # each alternative is what its page is about: named after the page's title
    assert [v["$ref"].rsplit("/", 1)[-1] for v in variants] == ["One", "Two"]
    assert _unplaced(outcome) == []


def test_a_link_to_a_page_of_several_unnamed_tables_is_not_guessed(tmp_path: Path) -> None:
    outcome = _field_linking(
        tmp_path,
        "beta",
        "Data Structures",
        _table("Table 1 alpha field description", ("a", "String", "")),
        _table("Table 2 gamma field description", ("g", "String", "")),
    )
    assert _request(outcome)["properties"]["beta"]["type"] == "object"
    assert len(_unplaced(outcome)) == 2


def _field_table(key: str, number: str, caption: str, *rows: tuple[str, str]) -> FieldTable:
    fields = tuple(
        FieldRow(name, Requirement.UNSTATED, type_text, (), (), (), position)
        for position, (name, type_text) in enumerate(rows)
    )
    return FieldTable("p.html", key, (), number, caption, "", TableRole.SCHEMA, "", fields)


def test_root_tables_are_those_no_other_table_mentions() -> None:
    top = _field_table("t1", "1", "Parameters", ("flavor", "Table 2 object"), ("spec", "Object"))
    flavor = _field_table("t2", "2", "Configuration of flavor", ("replicas", "Integer"))
    spec = _field_table("t3", "3", "spec field description", ("size", "Integer"))
    loose = _field_table("t4", "4", "Configuration of server", ("port", "Integer"))
    assert [t.key for t in root_tables([top, flavor, spec, loose])] == ["t1", "t4"]


def test_a_plural_field_takes_the_table_named_for_one_of_its_items(tmp_path: Path) -> None:
    """ "servers" (a list) is described by "Configuration of server"."""
    structures = _page(
        "Shape",
        _table("Table 1 Parameters", ("servers", "Array of objects", "Servers.")),
        _table("Table 2 Configuration of server", ("port", "Integer", "")),
    )
    outcome = _scrape(
        tmp_path,
        {
            "op.html": _api_page(
                _table("", ("shape", "Object", 'See <a href="shape.html">Shape</a>.')),
                "<p>None</p>",
            ),
            "shape.html": structures,
        },
    )
    document = outcome.spec.document
    shape = _resolve(document, _request(outcome)["properties"]["shape"])
    server = _resolve(document, shape["properties"]["servers"]["items"])
    assert set(server["properties"]) == {"port"}
    assert _unplaced(outcome) == []
