"""Tables of a page that documents no operation which repeat structures the operations
document themselves (D111, the ``repeated`` counter): pages written for each rule."""

from __future__ import annotations

from pathlib import Path

from doc2openapi.diagnostics import Code, Diagnostic
from doc2openapi.pipeline import ScrapeOutcome, scrape
from doc2openapi.spec.field_counts import FieldCounts

HEAD = "<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>"
BARE_HEAD = "<thead><tr><th>Parameter</th><th>Description</th></tr></thead>"


def _table(caption: str, *rows: tuple[str, ...]) -> str:
    head = HEAD if all(len(row) == 3 for row in rows) else BARE_HEAD
    cells = "".join(
        "<tr>" + "".join(f"<td><p>{text}</p></td>" for text in row) + "</tr>" for row in rows
    )
    return f"<table><caption>{caption}</caption>{head}<tbody>{cells}</tbody></table>"


def _page(title: str, *blocks: str) -> str:
    return f"<html><body><main><h1>{title}</h1>{''.join(blocks)}</main></body></html>"


CREATE_WIDGET = _page(
    "Creating a Widget",
    "<h2>URI</h2><p>POST /v1/widgets</p>",
    "<h2>Request</h2>",
    _table(
        "Table 1 Request body parameters",
        ("widget_name", "String", "Name of the widget."),
        ("size_gb", "Integer", "Size of the widget."),
        ("network", "Object", "Network settings. See Table 2."),
    ),
    _table(
        "Table 2 network parameters",
        ("vpc_id", "String", "VPC ID."),
        ("subnet_id", "String", "Subnet ID."),
        ("cidr", "String", "Subnet mask."),
    ),
    "<h2>Response</h2>",
    _table(
        "Table 3 Response body parameters",
        ("owner", "Object", "Owner. See Table 4."),
        ("zone", "Object", "Zone. See Table 5."),
        ("image", "Object", "Image. See Table 6."),
        ("flavor", "Object", "Flavor. See Table 7."),
    ),
    *(
        _table(f"Table {n} {name} parameters", ("id", "String", "ID."), ("name", "String", ""))
        for n, name in ((4, "owner"), (5, "zone"), (6, "image"), (7, "flavor"))
    ),
)


def _scrape(tmp_path: Path, *tables: str) -> ScrapeOutcome:
    (tmp_path / "create.html").write_text(CREATE_WIDGET)
    (tmp_path / "model.html").write_text(_page("Widget Model", *tables))
    return scrape([tmp_path])


def _found(outcome: ScrapeOutcome) -> tuple[list[Diagnostic], FieldCounts]:
    found = [
        d
        for d in outcome.diagnostics
        if d.page == "model.html" and d.code in (Code.TABLE_REPEATS_FIELDS, Code.TABLE_UNPLACED)
    ]
    return found, outcome.spec.counts[outcome.spec.document["info"]["x-service"]]["model.html"]


def test_a_table_named_after_a_field_repeats_its_structure(tmp_path: Path) -> None:
    model = _table(
        "Table 1 network parameters",
        ("vpc_id", "String", "VPC ID."),
        ("subnet_id", "String", "Subnet ID."),
        ("cidr", "String", "Subnet mask."),
    )
    found, counts = _found(_scrape(tmp_path, model))
    assert [(d.code, d.table) for d in found] == [(Code.TABLE_REPEATS_FIELDS, "network parameters")]
    assert "3 of its rows" in found[0].detail
    assert "named after the field network, whose names 1 place(s) hold" in found[0].detail
    assert (counts.repeated, counts.failed, counts.recognised, counts.total) == (3, 0, 0, 3)


def test_a_model_table_and_the_table_its_row_links_repeat_by_rows_and_link(
    tmp_path: Path,
) -> None:
    """No field is named: the rows' names, which only the request body holds together,
    say which structure it is; its ``network`` row then names the table it links."""
    model = _table(
        "Table 1 Parameters in the widget model",
        ("widget_name", "Name of the widget."),
        ("size_gb", "Size."),
        ("network", "Network settings. See Table 2."),
    )
    settings = _table(
        "Table 2 Settings", ("vpc_id", "VPC ID."), ("subnet_id", "Subnet ID."), ("cidr", "")
    )
    found, counts = _found(_scrape(tmp_path, model, settings))
    assert [(d.code, d.table) for d in found] == [
        (Code.TABLE_REPEATS_FIELDS, "Parameters in the widget model"),
        (Code.TABLE_REPEATS_FIELDS, "Settings"),
    ]
    assert "held together in only 1 place(s)" in found[0].detail
    assert "linked by Parameters in the widget model: its row network" in found[1].detail
    assert (counts.repeated, counts.failed) == (6, 0)


def test_rows_not_in_the_structure_or_of_another_type_stay_failed(tmp_path: Path) -> None:
    model = _table(
        "Table 1 network parameters",
        ("vpc_id", "String", "VPC ID."),
        ("subnet_id", "String", "Subnet ID."),
        ("cidr", "Integer", "The operation says String: not the same field."),
        ("gateway", "String", "No operation documents it."),
    )
    found, counts = _found(_scrape(tmp_path, model))
    assert [d.code for d in found] == [Code.TABLE_UNPLACED, Code.TABLE_REPEATS_FIELDS]
    assert "repeats (D111): cidr, gateway;" in found[0].detail
    assert (counts.repeated, counts.failed, counts.failed_tables) == (2, 2, 1)


def test_common_names_alone_never_make_a_repeat(tmp_path: Path) -> None:
    """``id`` and ``name`` are held together in four places of the document (owner, zone,
    image, flavor; one component once folded): a table of only those is none of them,
    named after no field or named ``image``; and a field named but holding under half of
    the rows is not that field's structure."""
    anonymous = _table(
        "Table 1 Parameters of a label", ("id", "String", "ID."), ("name", "String", "Name.")
    )
    image = _table("Table 2 image parameters", ("id", "String", "Image ID."))
    zone = _table(
        "Table 3 zone parameters",
        ("id", "String", "Zone ID."),
        ("region", "String", ""),
        ("rack", "String", ""),
    )
    found, counts = _found(_scrape(tmp_path, anonymous, image, zone))
    assert {(d.code, d.table) for d in found} == {
        (Code.TABLE_UNPLACED, "Parameters of a label"),
        (Code.TABLE_UNPLACED, "image parameters"),
        (Code.TABLE_UNPLACED, "zone parameters"),
    }
    assert (counts.repeated, counts.failed, counts.failed_tables) == (0, 6, 3)


def test_a_table_on_an_operation_page_is_no_repeat(tmp_path: Path) -> None:
    """Only pages that document no operation restate structures: an unreached table of an
    operation's own page is that operation's problem, and stays failed."""
    extra = _table("Table 8 network parameters", ("vpc_id", "String", "VPC ID."))
    page = CREATE_WIDGET.replace("</main>", f"<h2>Example</h2>{extra}</main>")
    (tmp_path / "create.html").write_text(page)
    outcome = scrape([tmp_path])
    codes = [d.code for d in outcome.diagnostics if d.page == "create.html"]
    assert Code.TABLE_REPEATS_FIELDS not in codes
