"""Example JSON placed on the body it shows, and checked against the tables: small pages
written for each rule, and real pages of the corpus read by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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


def _or_examples(*later: str) -> str:
    return section(
        "Example",
        "<p>Example response</p>",
        '<pre>{"id": "x"}</pre>',
        "<p>or</p>",
        '<pre>{"error": {"code": "E.0001", "message": "Failed."}}</pre>',
        *later,
    )


def test_an_example_without_a_status_that_names_none_of_the_body_is_not_its_example(
    tmp_path: Path,
) -> None:
    """ "Example response", then "or" and an error body: the success body documents ``id``
    only, so the second example is not one of its examples (one D404 naming its key, not
    a D402 per key)."""
    outcome = _scrape(tmp_path, _page(_REQUEST, _RESPONSE, _or_examples()))
    assert _examples(_operation(outcome)["responses"]["200"]) == [{"id": "x"}]
    assert _details(outcome, "D402") == []
    assert _details(outcome, "D404") == [
        "response example 2 ('or') has no documented body to belong to "
        "(no documented body has its key error)"
    ]


def test_such_an_example_goes_to_the_body_that_has_its_keys(tmp_path: Path) -> None:
    response = section(
        "Response",
        "<p>Status code: 200</p>",
        table(FIELDS, ("id", "Yes", "String", "ID.")),
        "<p>Status code: 400</p>",
        table(FIELDS, ("error", "Yes", "Object", "The error.")),
    )
    outcome = _scrape(tmp_path, _page(_REQUEST, response, _or_examples()))
    responses = _operation(outcome)["responses"]
    assert _examples(responses["400"]) == [{"error": {"code": "E.0001", "message": "Failed."}}]
    assert _details(outcome, "D404") == []


def test_an_example_that_names_a_member_stays_with_the_success_body(tmp_path: Path) -> None:
    response = section(
        "Response",
        table(FIELDS, ("id", "No", "String", "ID."), ("error", "No", "Object", "The error.")),
    )
    outcome = _scrape(tmp_path, _page(_REQUEST, response, _or_examples()))
    assert len(_examples(_operation(outcome)["responses"]["200"])) == 2
    assert _details(outcome, "D404") == []


KMS = "portal/kms/api-ref"
EVS = "portal/evs/api-ref"


def test_kms_error_examples_after_or_belong_to_no_documented_body() -> None:
    """kms "Creating a CMK": the response table lists key_info only; "Example response",
    then "or" and ``{"error": {"error_code": ..., "error_msg": ...}}``, and no table
    documents an error body."""
    page = "apis/key_management_service/cmk_management/creating_a_cmk.html"
    assert _page_diagnostics(KMS, page, "D402") == []
    assert _page_diagnostics(KMS, page, "D404") == [
        "response example 2 ('or') has no documented body to belong to "
        "(no documented body has its key error)"
    ]


def test_evs_error_examples_stay_where_the_table_lists_error() -> None:
    """evs "Querying Details About a Disk": "Response parameters" lists volume and error,
    so the "or" example ``{"error": ...}`` is one of the 200 body's; the third example
    (``badrequest``, "error indicates a general error, for example, badrequest") names
    neither and belongs to no documented body."""
    page = "apis_recommended/disk_management/querying_details_about_a_disk.html"
    (unplaced,) = _page_diagnostics(EVS, page, "D404")
    assert unplaced.startswith("response example 3 ")
    assert unplaced.endswith("(no documented body has its key badrequest)")
    assert _page_diagnostics(EVS, page, "D402") == []


def test_a_map_with_a_table_of_its_keys_takes_other_keys_too(tmp_path: Path) -> None:
    """``metadata | Map<String,String>`` and a table of the keys the service reads
    (``__system__encrypted``): other keys are the user's ("key1": "value1")."""
    request = section(
        "Request",
        table(FIELDS, ("metadata", "Yes", "Map&lt;String,String&gt;", "The metadata.")),
        table(
            FIELDS,
            ("__system__encrypted", "No", "String", "Encrypted or not."),
            caption="Table 3 metadata field description",
        ),
    )
    examples = section(
        "Example", "<p>Example request</p>", '<pre>{"metadata": {"key1": "value1"}}</pre>'
    )
    outcome = _scrape(tmp_path, _page(request, _RESPONSE, examples))
    body = _operation(outcome)["requestBody"]
    assert _examples(body) == [{"metadata": {"key1": "value1"}}]
    schemas = outcome.spec.document["components"]["schemas"]
    request_schema = schemas[body["content"]["application/json"]["schema"]["$ref"].split("/")[-1]]
    metadata = schemas[request_schema["properties"]["metadata"]["$ref"].split("/")[-1]]
    assert set(metadata["properties"]) == {"__system__encrypted"}
    assert metadata["additionalProperties"] == {"type": "string"}
    assert _details(outcome, "D402") == []


def test_evs_metadata_maps_take_the_users_keys() -> None:
    """evs "Adding the Metadata for an EVS Disk": ``metadata | Map<String,String>``, and
    "Parameter in the metadata field" lists ``key_val``; the example sets key1 and key2."""
    page = (
        "openstack_cinder_apis_recommended/disk_metadata_management/"
        "adding_the_metadata_for_an_evs_disk.html"
    )
    assert _page_diagnostics(EVS, page, "D402") == []
    operation = _page_operation(EVS, "/v2/{project_id}/volumes/{volume_id}/metadata", "post")
    assert _examples(operation["requestBody"]) == [
        {"metadata": {"key1": "value1", "key2": "value2"}}
    ]


def _schema_of(outcome: ScrapeOutcome, media: dict[str, Any]) -> dict[str, Any]:
    schemas = outcome.spec.document["components"]["schemas"]
    name = media["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    return dict(schemas[name])


def _example_section(label: str, text: str) -> str:
    return section("Example", f"<p>{label}</p>", f"<pre>{text}</pre>")


def test_a_body_the_examples_wrap_in_one_key_holds_the_table_in_it(tmp_path: Path) -> None:
    """The table lists name and size; the example is ``{"thing": {"name": ..., "size": ...}}``:
    the body is ``thing`` holding the table (said as D108), and the example is its own."""
    examples = _example_section("Example request", '{"thing": {"name": "a", "size": 1}}')
    outcome = _scrape(tmp_path, _page(_REQUEST, _RESPONSE, examples))
    body = _operation(outcome)["requestBody"]
    wrapper = _schema_of(outcome, body)
    assert set(wrapper["properties"]) == {"thing"}
    assert wrapper["required"] == ["thing"]
    schemas = outcome.spec.document["components"]["schemas"]
    inner = schemas[wrapper["properties"]["thing"]["$ref"].rsplit("/", 1)[-1]]
    assert set(inner["properties"]) == {"name", "size"}
    assert _examples(body) == [{"thing": {"name": "a", "size": 1}}]
    assert _details(outcome, "D402") == []
    assert any("inside 'thing'" in d for d in _details(outcome, "D108"))


def test_a_list_the_examples_wrap_holds_the_table_as_its_items(tmp_path: Path) -> None:
    examples = _example_section("Example response", '{"things": [{"id": "a"}, {"id": "b"}]}')
    outcome = _scrape(tmp_path, _page(_REQUEST, _RESPONSE, examples))
    wrapper = _schema_of(outcome, _operation(outcome)["responses"]["200"])
    assert wrapper["properties"]["things"]["type"] == "array"
    assert "$ref" in wrapper["properties"]["things"]["items"]


def test_a_body_every_example_shows_as_a_list_is_that_list(tmp_path: Path) -> None:
    """Classic elb style: the table lists a member's fields, the example is ``[{...}]``."""
    examples = _example_section("Example request", '[{"name": "a", "size": 1}, {"name": "b"}]')
    outcome = _scrape(tmp_path, _page(_REQUEST, _RESPONSE, examples))
    body = _operation(outcome)["requestBody"]
    schema = _schema_of(outcome, body)
    assert schema["type"] == "array"
    items = _ref_target(outcome.spec.document["components"]["schemas"], schema["items"], True)
    assert set(items["properties"]) == {"name", "size"}
    assert _examples(body) == [[{"name": "a", "size": 1}, {"name": "b"}]]
    assert any("every example is a list" in d for d in _details(outcome, "D108"))


def test_an_example_of_other_keys_wraps_nothing(tmp_path: Path) -> None:
    """One key, but what it holds is not the table's fields: the table stays the body."""
    examples = _example_section("Example request", '{"thing": {"colour": "red", "name": "a"}}')
    outcome = _scrape(tmp_path, _page(_REQUEST, _RESPONSE, examples))
    body = _schema_of(outcome, _operation(outcome)["requestBody"])
    assert set(body["properties"]) == {"name", "size"}
    assert _details(outcome, "D402") == [
        "request example 1 ('Example request'), request: $.thing is not in the tables"
    ]


def test_mrs_and_ecs_bodies_the_examples_wrap() -> None:
    """mrs "Creating a Data Source": the response table lists id, name, url...; the example
    response is {"data_source": {...}}. ecs "Querying Disks (Discarded)": the table lists a
    disk's fields, the example is {"volumes": [{...}, ...]}."""
    operation = _page_operation(MRS, "/v1.1/{project_id}/data-sources", "post")
    response = scraped_folder(MRS).document["components"]["schemas"]
    wrapper = _ref_target(response, operation["responses"]["202"])
    assert set(wrapper["properties"]) == {"data_source"}
    inner = _ref_target(response, wrapper["properties"]["data_source"], direct=True)
    assert {"id", "name", "url", "type", "description"} <= set(inner["properties"])
    ecs = "doc-exports/ecs/api-ref"
    schemas = scraped_folder(ecs).document["components"]["schemas"]
    operation = _page_operation(ecs, "/v2/{project_id}/os-volumes", "get")
    volumes = _ref_target(schemas, operation["responses"]["200"])["properties"]["volumes"]
    assert volumes["type"] == "array"
    assert {"id", "size", "status"} <= set(
        _ref_target(schemas, volumes["items"], True)["properties"]
    )


def _ref_target(schemas: dict[str, Any], media: dict[str, Any], direct: bool = False) -> Any:
    schema = media if direct else media["content"]["application/json"]["schema"]
    return schemas[schema["$ref"].rsplit("/", 1)[-1]]


def _map_page(tmp_path: Path, kind: str, row: tuple[str, ...], example: str) -> ScrapeOutcome:
    """A page whose request or response table is one placeholder row (a map)."""
    columns = FIELDS if kind == "Request" else ("Parameter", "Type", "Description")
    body = section(kind, table(columns, row))
    other = section("Request", "<p>None</p>") if kind == "Response" else _RESPONSE
    examples = _example_section(f"Example {kind.lower()}", example)
    return _scrape(tmp_path, _page(body, other, examples))


def _media(outcome: ScrapeOutcome, kind: str) -> dict[str, Any]:
    operation = _operation(outcome)
    return dict(operation["requestBody"] if kind == "Request" else operation["responses"]["200"])


_STRINGS = ("User customization", "String", "Specifies the key pair of the metadata.")


def test_a_map_the_examples_wrap_in_one_key_is_that_key_holding_the_map(tmp_path: Path) -> None:
    """The table's one row is a placeholder ("User customization | String"): the body is a
    map of strings. Every example is ``{"metadata": {...strings...}}``: the body is
    ``metadata`` holding the map (D108), and the example is its own. Request or response."""
    example = '{"metadata": {"__os_type": "Suse", "__os_bit": "64"}}'
    for kind, row in (("Response", _STRINGS), ("Request", (_STRINGS[0], "Yes", *_STRINGS[1:]))):
        outcome = _map_page(tmp_path, kind, row, example)
        media = _media(outcome, kind)
        wrapper = _schema_of(outcome, media)
        assert wrapper["required"] == ["metadata"]
        schemas = outcome.spec.document["components"]["schemas"]
        inner = _ref_target(schemas, wrapper["properties"]["metadata"], True)
        assert "properties" not in inner
        assert inner["additionalProperties"]["type"] == "string"
        assert _examples(media) == [{"metadata": {"__os_type": "Suse", "__os_bit": "64"}}]
        assert [d for d in _details(outcome, "D108") if "values of a map" in d] == [
            "the table gives the values of a map, and every example has such a map inside "
            "'metadata': the body is read as that key holding them"
        ]
        assert _details(outcome, "D405") == []


@pytest.mark.parametrize(
    "example",
    [
        '{"key1": "value1"}',  # the map itself: one of its keys holding a string
        '{"metadata": {"size": 1}}',  # a number where the map holds strings
        '{"metadata": {"a": "x"}, "other": {}}',  # not one key
    ],
)
def test_a_map_the_examples_do_not_wrap_stays_the_body(tmp_path: Path, example: str) -> None:
    outcome = _map_page(tmp_path, "Response", _STRINGS, example)
    body = _schema_of(outcome, _media(outcome, "Response"))
    assert "properties" not in body
    assert body["additionalProperties"]["type"] == "string"
    assert not [d for d in _details(outcome, "D108") if "values of a map" in d]


def test_a_key_that_could_be_the_maps_own_wraps_only_where_the_page_names_it(
    tmp_path: Path,
) -> None:
    """A map of objects ("Name of the group | Object"): ``{"groups": {"g1": {...}}}`` could
    be the map itself (key "groups" holding one group) or "groups" holding the map. The
    key is read as a wrapper only where the page's text names it."""
    example = '{"groups": {"g1": {"size": 1}}}'
    unnamed = ("Name of the group", "Object", "Details of one group.")
    outcome = _map_page(tmp_path, "Response", unnamed, example)
    body = _schema_of(outcome, _media(outcome, "Response"))
    assert "properties" not in body
    assert body["additionalProperties"]["type"] == "object"
    assert _examples(_media(outcome, "Response")) == [{"groups": {"g1": {"size": 1}}}]
    named = ("Name of the group", "Object", "The groups, by name.")
    outcome = _map_page(tmp_path, "Response", named, example)
    wrapper = _schema_of(outcome, _media(outcome, "Response"))
    assert wrapper["required"] == ["groups"]
    schemas = outcome.spec.document["components"]["schemas"]
    inner = _ref_target(schemas, wrapper["properties"]["groups"], True)
    assert inner["additionalProperties"]["type"] == "object"
    assert _examples(_media(outcome, "Response")) == [{"groups": {"g1": {"size": 1}}}]


def test_ecs_image_metadata_is_held_in_the_key_its_example_shows() -> None:
    """ecs "Querying the Metadata of a Specified Image (Discarded)": Table 2's one row is
    "User customization | String | Specifies the key pair of the metadata."; the example
    response is ``{"metadata": {"__os_version": "Suse Linux ...", "__os_bit": "64", ...}}``
    (ten string values). The body is ``metadata`` holding the map, and the example, left
    out while the body was the bare map, now validates and is attached."""
    ecs = "doc-exports/ecs/api-ref"
    page = "en-us_topic_0065817698.html"
    schemas = scraped_folder(ecs).document["components"]["schemas"]
    operation = _page_operation(ecs, "/v2.1/{project_id}/images/{image_id}/metadata", "get")
    response = operation["responses"]["200"]
    wrapper = _ref_target(schemas, response)
    assert set(wrapper["properties"]) == {"metadata"}
    metadata = _ref_target(schemas, wrapper["properties"]["metadata"], True)
    assert metadata["additionalProperties"]["type"] == "string"
    (example,) = _examples(response)
    assert example["metadata"]["__os_type"] == "Suse"
    assert len(example["metadata"]) == 10
    assert _page_diagnostics(ecs, page, "D405") == []
    assert _page_diagnostics(ecs, page, "D403") == []


def test_an_integer_whose_example_is_beyond_32_bits_is_an_int64(tmp_path: Path) -> None:
    """The table types ``size`` Integer (int32); one example gives it a time in
    milliseconds: the field is an int64 (D406, said once) and every example is kept."""
    examples = section(
        "Example",
        "<p>Example request</p>",
        "<p>Creating a thing at a time</p>",
        '<pre>{"name": "a", "size": 1571812144000}</pre>',
        "<p>Creating a small thing</p>",
        '<pre>{"name": "b", "size": 3}</pre>',
    )
    outcome = _scrape(tmp_path, _page(_REQUEST, _RESPONSE, examples))
    body = _operation(outcome)["requestBody"]
    size = _schema_of(outcome, body)["properties"]["size"]
    assert (size["type"], size["format"]) == ("integer", "int64")
    assert _examples(body) == [{"name": "a", "size": 1571812144000}, {"name": "b", "size": 3}]
    assert _details(outcome, "D405") == []
    (widened,) = _details(outcome, "D406")
    assert "$.size is 1571812144000" in widened


def test_an_integer_whose_examples_fit_32_bits_stays_an_int32(tmp_path: Path) -> None:
    examples = _example_section("Example request", '{"name": "a", "size": 2147483647}')
    outcome = _scrape(tmp_path, _page(_REQUEST, _RESPONSE, examples))
    size = _schema_of(outcome, _operation(outcome)["requestBody"])["properties"]["size"]
    assert size["format"] == "int32"
    assert _details(outcome, "D406") == []
