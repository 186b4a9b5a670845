"""Nested tables placed by what their captions say: a field's whole path ("token.roles")
and a caption naming the field where its link leads elsewhere. Pages written for each rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.pipeline import ScrapeOutcome
from doc2openapi.scraper.links import label_path
from tests.helpers.page_builders import resolve as _resolve
from tests.helpers.page_builders import scrape_html as _scrape

HEAD = "<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>"


def _row(name: str, type_: str, description: str = "") -> str:
    return "<tr>" + "".join(f"<td><p>{t}</p></td>" for t in (name, type_, description)) + "</tr>"


def _captioned(number: int, caption: str, *rows: str) -> str:
    return (
        f"<div class='table-responsive'><table id='t{number}'>"
        f"<caption><strong>Table {number}</strong> {caption}</caption>"
        f"{HEAD}<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _page(response: str, examples: str = "") -> str:
    return f"""<html><body><main><section id="top"><h1>Getting a thing</h1>
<section id="uri"><h2>URI</h2><p>GET /v1/things</p></section>
<section id="response"><h2>Response Parameters</h2>{response}</section>
<section id="examples"><h2>Example Responses</h2>{examples}</section>
</section></main></body></html>"""


def _body(outcome: ScrapeOutcome) -> dict[str, Any]:
    document = outcome.spec.document
    operation = document["paths"]["/v1/things"]["get"]
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return _resolve(document, body)


def _members(outcome: ScrapeOutcome, schema: dict[str, Any]) -> set[str]:
    return set(_resolve(outcome.spec.document, schema).get("properties", {}))


def _codes(outcome: ScrapeOutcome) -> list[str]:
    return [d.code.name for d in outcome.diagnostics]


_TOKEN = (
    _captioned(1, "Parameters in the response body", _row("token", "<a href='#t2'>object</a>"))
    + _captioned(2, "token", _row("expires_at", "String"))
    + _captioned(3, "token.roles", _row("id", "String"), _row("name", "String"))
)


def test_a_caption_naming_a_path_adds_the_field_to_the_parent_table(tmp_path: Path) -> None:
    """Table 3 "token.roles": no table lists ``roles``; the table captioned "token" gets
    it, as one object or a list of them (the caption does not say which)."""
    outcome = _scrape(tmp_path, _page(_TOKEN))
    token = _resolve(outcome.spec.document, _body(outcome)["properties"]["token"])
    roles = token["properties"]["roles"]
    single, listed = roles["oneOf"]
    assert listed["type"] == "array"
    assert _members(outcome, single) == _members(outcome, listed["items"]) == {"id", "name"}
    assert "TABLE_UNPLACED" not in _codes(outcome)
    assert "TABLE_INFERRED" in _codes(outcome)


def test_the_example_says_whether_the_path_holds_a_list(tmp_path: Path) -> None:
    example = '<pre>{"token": {"expires_at": "2024", "roles": [{"id": "1", "name": "a"}]}}</pre>'
    outcome = _scrape(tmp_path, _page(_TOKEN, example))
    token = _resolve(outcome.spec.document, _body(outcome)["properties"]["token"])
    roles = token["properties"]["roles"]
    assert roles["type"] == "array"
    assert _members(outcome, roles["items"]) == {"id", "name"}


def test_a_slashed_path_in_words_names_the_parent_field(tmp_path: Path) -> None:
    response = (
        _captioned(1, "Parameters in the response body", _row("spec", "<a href='#t2'>object</a>"))
        + _captioned(2, "Data structure of the spec field", _row("name", "String"))
        + _captioned(3, "Data structure of the spec/extendParam field", _row("maxPods", "Integer"))
    )
    outcome = _scrape(tmp_path, _page(response))
    spec = _resolve(outcome.spec.document, _body(outcome)["properties"]["spec"])
    assert set(spec["properties"]) == {"name", "extendParam"}
    assert _members(outcome, spec["properties"]["extendParam"]["oneOf"][0]) == {"maxPods"}


def test_a_path_whose_parent_no_table_is_captioned_for_stays_unplaced(tmp_path: Path) -> None:
    response = _captioned(1, "Parameters in the response body", _row("id", "String"))
    response += _captioned(2, "token.roles", _row("name", "String"))
    outcome = _scrape(tmp_path, _page(response))
    assert set(_body(outcome)["properties"]) == {"id"}
    assert "TABLE_UNPLACED" in _codes(outcome)


def test_label_path() -> None:
    assert label_path("token.catalog.endpoints") == ("token", "catalog", "endpoints")
    assert label_path("Data structure of the spec/extendParam field") == ("spec", "extendParam")
    assert label_path("nics field description") == ("nics",)
    assert label_path("Parameters in the response body") == ()


_TOLERATIONS = _captioned(
    1,
    "Parameters in the response body",
    _row("tolerations", "List&lt;Object&gt; <a href='#t3'>Table 3</a>"),
    _row("node_match_expressions", "List&lt;Object&gt; <a href='#t3'>Table 3</a>"),
) + _captioned(3, "nodeMatchExpression node affinity", _row("values", "List&lt;String&gt;"))


def test_a_link_to_a_table_captioned_for_another_field_is_a_slip(tmp_path: Path) -> None:
    """Both fields link Table 3; "Table 2 Taints and tolerations", which nothing reaches,
    is captioned for ``tolerations``: it describes that field's items."""
    response = _TOLERATIONS.replace(
        "<div class='table-responsive'><table id='t3'>",
        _captioned(2, "Taints and tolerations", _row("effect", "String"))
        + "<div class='table-responsive'><table id='t3'>",
    )
    outcome = _scrape(tmp_path, _page(response))
    body = _body(outcome)
    assert _members(outcome, body["properties"]["tolerations"]["items"]) == {"effect"}
    assert _members(outcome, body["properties"]["node_match_expressions"]["items"]) == {"values"}
    assert "TABLE_UNPLACED" not in _codes(outcome)


def test_without_a_table_captioned_for_the_field_the_link_holds(tmp_path: Path) -> None:
    outcome = _scrape(tmp_path, _page(_TOLERATIONS))
    assert _members(outcome, _body(outcome)["properties"]["tolerations"]["items"]) == {"values"}
    assert "TABLE_INFERRED" not in _codes(outcome)


def test_a_type_named_by_a_caption_wins_over_a_link_to_the_body(tmp_path: Path) -> None:
    """``Array of V2Job objects`` links the anchor that sits on the body table; Table 2 is
    captioned "V2Job" and nothing else reaches it."""
    response = (
        "<span id='v2job'></span>"
        + _captioned(
            1,
            "Response body parameters",
            _row("kind", "String"),
            _row("subjobs", "Array of <a href='#v2job'>V2Job</a> objects"),
        )
        + _captioned(2, "V2Job", _row("kind", "String"), _row("uid", "String"))
    )
    outcome = _scrape(tmp_path, _page(response))
    assert _members(outcome, _body(outcome)["properties"]["subjobs"]["items"]) == {"kind", "uid"}
    assert "TABLE_UNPLACED" not in _codes(outcome)


def _request_page(request: str) -> str:
    return f"""<html><body><main><section id="top"><h1>Adding a job</h1>
<section id="uri"><h2>URI</h2><p>POST /v1/jobs</p></section>
<section id="request"><h2>Request</h2>{request}</section>
</section></main></body></html>"""


def _request(outcome: ScrapeOutcome) -> dict[str, Any]:
    operation = outcome.spec.document["paths"]["/v1/jobs"]["post"]
    schema: dict[str, Any] = operation["requestBody"]["content"]["application/json"]["schema"]
    return schema


_JOB_TYPES = (
    "Job type code</p><p>1: MapReduce</p><p>5: DistCp, importing and exporting data. "
    "For details, see Table 2.</p><p>6: Spark Script"
)


def test_a_table_named_for_a_value_of_a_simple_field_is_an_alternative_body(
    tmp_path: Path,
) -> None:
    """``job_type`` (Integer) says "5: DistCp ... see Table 2": an integer has no
    structure, so Table 2 is the body of a DistCp job, beside Table 1."""
    request = _captioned(
        1,
        "Request parameter description",
        _row("job_type", "Integer", _JOB_TYPES),
        _row("jar_path", "String"),
    ) + _captioned(2, "DistCp parameter description", _row("file_action", "String"))
    outcome = _scrape(tmp_path, _request_page(request))
    general, distcp = _request(outcome)["anyOf"]
    assert _members(outcome, general) == {"job_type", "jar_path"}
    assert _members(outcome, distcp) == {"file_action"}
    assert "TABLE_UNPLACED" not in _codes(outcome)
    assert "TABLE_INFERRED" in _codes(outcome)


def test_a_table_an_object_field_names_is_its_structure_not_a_variant(tmp_path: Path) -> None:
    request = _captioned(
        1,
        "Request parameter description",
        _row("job", "Object", "For details, see Table 2."),
        _row("job_type", "Integer", _JOB_TYPES),
    ) + _captioned(2, "DistCp parameter description", _row("file_action", "String"))
    outcome = _scrape(tmp_path, _request_page(request))
    body = _resolve(outcome.spec.document, _request(outcome))
    assert _members(outcome, body["properties"]["job"]) == {"file_action"}


_METRICS = _captioned(
    1,
    "Response parameter description",
    _row("metric_datas", "MAP", "Key: the name of a metric. Value: the data queried."),
) + _captioned(
    2, "metricDataBean parameter description", _row("time", "Long"), _row("value", "String")
)


def test_a_table_whose_fields_the_example_has_in_a_maps_values_describes_them(
    tmp_path: Path,
) -> None:
    example = '<pre>{"metric_datas": {"cpu": [{"time": 1, "value": "0.5"}]}}</pre>'
    outcome = _scrape(tmp_path, _page(_METRICS, example))
    datas = _body(outcome)["properties"]["metric_datas"]
    assert datas["type"] == "object"
    assert datas["additionalProperties"]["type"] == "array"
    assert _members(outcome, datas["additionalProperties"]["items"]) == {"time", "value"}
    assert "TABLE_UNPLACED" not in _codes(outcome)


def test_without_the_maps_values_in_the_example_the_table_stays_unplaced(tmp_path: Path) -> None:
    example = '<pre>{"metric_datas": {"cpu": "high"}}</pre>'
    outcome = _scrape(tmp_path, _page(_METRICS, example))
    assert "additionalProperties" not in _body(outcome)["properties"]["metric_datas"]
    assert "TABLE_UNPLACED" in _codes(outcome)


def _labelled(label: str, *rows: str) -> str:
    table = f"<table>{HEAD}<tbody>{''.join(rows)}</tbody></table>"
    return f"<p>{label}</p><div class='table-responsive'>{table}</div>"


def test_a_table_labelled_for_a_value_of_a_nested_field_is_an_alternative(
    tmp_path: Path,
) -> None:
    """``identity`` links the table labelled "auth.identity" (methods, token); the table
    labelled "... (methods is set to assume_role)" gives the identity of that method."""
    request = (
        _labelled("Parameters in the request body", _row("identity", "<a href='#i'>Object</a>"))
        + "<p id='i'>auth.identity</p>"
        + f"<div class='table-responsive'><table>{HEAD}<tbody>"
        + _row("methods", "Array of strings")
        + _row("token", "String")
        + "</tbody></table></div>"
        + _labelled(
            "With an agency token (methods is set to assume_role)",
            _row("methods", "Array of strings"),
            _row("agency_name", "String"),
        )
    )
    outcome = _scrape(tmp_path, _request_page(request))
    body = _resolve(outcome.spec.document, _request(outcome))
    token, agency = body["properties"]["identity"]["anyOf"]
    assert _members(outcome, token) == {"methods", "token"}
    assert _members(outcome, agency) == {"methods", "agency_name"}
    # named by the field and the value its label names, not numbered
    assert agency["$ref"].endswith("/IdentityAssumeRole")
    assert "TABLE_UNPLACED" not in _codes(outcome)


_POOLS = _captioned(
    1,
    "Response parameters",
    _row("name", "String"),
    _row("loadbalancers", "String", "Lists the IDs of load balancers of the group."),
) + _captioned(2, "loadbalancers parameter description", _row("id", "String"))


def test_a_table_captioned_for_a_string_field_the_example_lists_wins_over_the_type(
    tmp_path: Path,
) -> None:
    """``loadbalancers`` is typed String, but Table 2 is captioned for it and the example
    gives it a list of objects of Table 2's fields: the page contradicts itself, and the
    field is read as that list (said, D108)."""
    example = '<pre>{"name": "p", "loadbalancers": [{"id": "a"}, {"id": "b"}]}</pre>'
    outcome = _scrape(tmp_path, _page(_POOLS, example))
    field = _body(outcome)["properties"]["loadbalancers"]
    assert field["type"] == "array"
    assert _members(outcome, field["items"]) == {"id"}
    assert "TABLE_UNPLACED" not in _codes(outcome)
    (note,) = [d for d in outcome.diagnostics if "contradicts itself" in d.detail]
    assert (note.code.name, note.row) == ("TABLE_INFERRED", "loadbalancers")


def test_a_string_field_the_example_gives_a_string_keeps_its_type(tmp_path: Path) -> None:
    """The example agrees with the Type cell (a string): Table 2 describes nothing here."""
    example = '<pre>{"name": "p", "loadbalancers": "a,b"}</pre>'
    outcome = _scrape(tmp_path, _page(_POOLS, example))
    assert _body(outcome)["properties"]["loadbalancers"]["type"] == "string"
    assert "TABLE_UNPLACED" in _codes(outcome)


def test_keys_the_table_does_not_list_keep_the_type(tmp_path: Path) -> None:
    """The example's objects hold ``weight``, which Table 2 does not list: they are not
    its objects, so the page is not read against its Type cell."""
    example = '<pre>{"name": "p", "loadbalancers": [{"id": "a", "weight": 1}]}</pre>'
    outcome = _scrape(tmp_path, _page(_POOLS, example))
    assert _body(outcome)["properties"]["loadbalancers"]["type"] == "string"
    assert "TABLE_UNPLACED" in _codes(outcome)
