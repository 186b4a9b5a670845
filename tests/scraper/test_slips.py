"""Links that are slips, read against the captions and the page's example, and a table of
further body fields offered in place of one field. Pages written for each rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from doc2openapi.pipeline import ScrapeOutcome
from tests.helpers.page_builders import resolve as _resolve
from tests.helpers.page_builders import scrape_html as _scrape

HEAD = (
    "<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>"
)


def _row(name: str, type_: str, description: str = "", mandatory: str = "Yes") -> str:
    cells = (name, mandatory, type_, description)
    return "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in cells) + "</tr>"


def _table(number: int, caption: str, *rows: str) -> str:
    return (
        f"<div class='table-responsive'><table id='t{number}'>"
        f"<caption><strong>Table {number}</strong> {caption}</caption>"
        f"{HEAD}<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _see(number: int) -> str:
    return f"For details, see <a href='#t{number}'>Table {number}</a>."


_BODY = _table(
    1,
    "Request parameters",
    _row("cluster_name", "String"),
    _row(
        "node_groups",
        "Array",
        f"List of node groups. {_see(2)}</p><p>You can select either this parameter or the "
        "parameters listed in <a href='#t3'>Table 3</a>.",
        "No",
    ),
)
_NODE_GROUPS = _table(
    2,
    "node_groups parameter description",
    _row("group_name", "String"),
    _row("scaling_policy", "ScalingPolicy", _see(3), "No"),  # the slip: Table 3
)
_NODE_CONFIGURATION = _table(
    3,
    "Node configuration parameters",
    _row("master_num", "Integer"),
    _row("task_groups", "Array", _see(4), "No"),
)
_TASK_GROUPS = _table(
    4,
    "task_groups parameter description",
    _row("name", "String"),
    _row("scaling_policy", "ScalingPolicy", _see(5), "No"),
)
_POLICY = _table(
    5, "scaling_policy parameter description", _row("enabled", "Boolean"), _row("max", "Integer")
)
_WITH_GROUPS = {
    "cluster_name": "a",
    "node_groups": [{"group_name": "g", "scaling_policy": {"enabled": True, "max": 3}}],
}
_WITHOUT_GROUPS = {
    "cluster_name": "a",
    "master_num": 2,
    "task_groups": [{"name": "t", "scaling_policy": {"enabled": True, "max": 2}}],
}


def _page(*examples: dict[str, Any], tables: str = "") -> str:
    tables = tables or _BODY + _NODE_GROUPS + _NODE_CONFIGURATION + _TASK_GROUPS + _POLICY
    shown = "".join(f"<pre>{json.dumps(e)}</pre>" for e in examples)
    return f"""<html><body><main><section id="top"><h1>Creating a cluster</h1>
<section id="uri"><h2>URI</h2><p>POST /v1/clusters</p></section>
<section id="request"><h2>Request Parameters</h2>{tables}</section>
<section id="examples"><h2>Example Requests</h2>{shown}</section>
</section></main></body></html>"""


def _request(outcome: ScrapeOutcome) -> dict[str, Any]:
    document = outcome.spec.document
    operation = document["paths"]["/v1/clusters"]["post"]
    return _resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])


def _member(outcome: ScrapeOutcome, schema: dict[str, Any], *path: str) -> dict[str, Any]:
    for name in path:
        schema = _resolve(outcome.spec.document, schema)
        schema = schema["items"] if name == "[]" else schema["properties"][name]
    return _resolve(outcome.spec.document, schema)


def _codes(outcome: ScrapeOutcome) -> list[str]:
    return [d.code.name for d in outcome.diagnostics]


def test_a_link_the_example_contradicts_gives_way_to_the_captioned_table(tmp_path: Path) -> None:
    """``node_groups[].scaling_policy`` says "see Table 3" (node configuration), while
    Table 5 is captioned for ``scaling_policy`` and the example gives it Table 5's fields:
    Table 5 describes it, though ``task_groups[].scaling_policy`` reaches it already."""
    outcome = _scrape(tmp_path, _page(_WITH_GROUPS, _WITHOUT_GROUPS))
    policy = _member(outcome, _request(outcome), "node_groups", "[]", "scaling_policy")
    assert set(policy["properties"]) == {"enabled", "max"}
    assert "TABLE_INFERRED" in _codes(outcome)


def test_a_table_offered_in_place_of_a_body_field_adds_fields_to_the_body(
    tmp_path: Path,
) -> None:
    """``node_groups`` offers Table 3 in its place and the second example gives Table 3's
    fields beside the body's: they are fields of the body, none required."""
    outcome = _scrape(tmp_path, _page(_WITH_GROUPS, _WITHOUT_GROUPS))
    body = _request(outcome)
    assert set(body["properties"]) == {"cluster_name", "node_groups", "master_num", "task_groups"}
    assert body["required"] == ["cluster_name"]
    policy = _member(outcome, body, "task_groups", "[]", "scaling_policy")
    assert set(policy["properties"]) == {"enabled", "max"}
    assert "TABLE_UNPLACED" not in _codes(outcome)


def test_without_the_example_beside_the_body_the_offered_table_stays_unplaced(
    tmp_path: Path,
) -> None:
    """No example gives Table 3's fields beside the body's: nothing says where they go."""
    outcome = _scrape(tmp_path, _page(_WITH_GROUPS))
    assert "master_num" not in _request(outcome)["properties"]
    assert "TABLE_UNPLACED" in _codes(outcome)


def test_without_the_example_the_link_holds(tmp_path: Path) -> None:
    """No example shows ``node_groups[].scaling_policy``: its link to Table 3 is kept."""
    outcome = _scrape(tmp_path, _page({"cluster_name": "a"}))
    policy = _member(outcome, _request(outcome), "node_groups", "[]", "scaling_policy")
    assert set(policy["properties"]) == {"master_num", "task_groups"}


def test_a_link_to_a_table_captioned_for_the_fields_path_holds(tmp_path: Path) -> None:
    """``spec.spec`` links "Data structure of the spec-spec field": the caption names the
    field by its path, even though another table is captioned for ``spec``."""
    tables = (
        _table(1, "Request parameters", _row("spec", "Object", _see(2)))
        + _table(
            2,
            "Data structure of the spec field",
            _row("action", "String"),
            _row("spec", "Object", _see(3), "No"),
        )
        + _table(3, "Data structure of the spec-spec field", _row("id", "String"))
        + _table(4, "Data structure of the spec field", _row("action", "String"))
    )
    example = {"spec": {"action": "bind", "spec": {"id": "x"}}}
    outcome = _scrape(tmp_path, _page(example, tables=tables))
    inner = _member(outcome, _request(outcome), "spec", "spec")
    assert set(inner["properties"]) == {"id"}
