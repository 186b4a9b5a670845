"""The hostile document: unsafe names, clashes, recursion, unions, escaping, diagnostics."""

from __future__ import annotations

import ast
import asyncio
import importlib
from types import ModuleType
from typing import Any

import httpx
import pytest

from doc2openapi.generator import Code, GeneratedProject, Level

SERVER_WIRE: dict[str, Any] = {
    "id": "s1",
    "name": "lower",
    "Name": "Upper",
    "class": "c",
    "from": "f",
    "self": "me",
    "json": "j",
    "schema": "s",
    "copy": "cp",
    "type": "t",
    "model_config": "mc",
    "model_dump_mode": "md",
    "1st": "first",
    "_links": ["l1"],
    "links": ["l2"],
    "名前": "namae",
    "X-Auth-Token": "not-a-secret",
    "os:scheduler_hints": {"group": "g1", "unknown": 1},
    "binding:profile": {"anything": [1, 2]},
    "metadata": {"k": "v"},
    "tags": None,
    "status": "in-use",
    "priority": -1,
    "mixed": True,
    "created": "2024-01-02T03:04:05Z",
    "size": 2**40,
    "ratio": 0.25,
    "anything": {"x": None},
    "addresses": {"net": [{"addr": "10.0.0.1", "version": 4}]},
    "nested": None,
    "undocumented": "kept by extra=allow",
}


def module(package: ModuleType, name: str) -> Any:
    return importlib.import_module(f"{package.__name__}.{name}")


def test_unsafe_wire_names_round_trip_by_alias(hostile: ModuleType) -> None:
    models = module(hostile, "models")
    server = models.Server.model_validate(SERVER_WIRE)
    assert (server.class_, server.from_, server.self_, server.json_) == ("c", "f", "me", "j")
    assert (server.name, server.name_2, server.field_1st, server.field) == (
        "lower",
        "Upper",
        "first",
        "namae",
    )
    assert (server.links, server.links_2) == (["l2"], ["l1"])
    assert server.field_model_config == "mc"
    assert server.os_scheduler_hints.group == "g1"
    assert server.status is models.Status.IN_USE
    assert server.priority is models.Priority.VALUE_MINUS_1
    assert server.addresses["net"][0].version is models.ServerAddressesValueItemVersion.VALUE_4
    dumped = server.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert dumped == SERVER_WIRE


def test_models_are_built_by_python_names(hostile: ModuleType) -> None:
    models = module(hostile, "models")
    server = models.Server(
        id_="s1",
        name="n",
        class_="c",
        os_scheduler_hints=models.ServerOsSchedulerHints2(group="g"),
        x_auth_token="t",
    )
    assert server.model_dump(mode="json", by_alias=True, exclude_unset=True) == {
        "id": "s1",
        "name": "n",
        "class": "c",
        "os:scheduler_hints": {"group": "g"},
        "X-Auth-Token": "t",
    }
    with pytest.raises(ValueError, match="class"):
        models.Server(id_="s1", name="n")


def test_enum_members_have_safe_names(hostile: ModuleType) -> None:
    models = module(hostile, "models")
    assert {member.name: member.value for member in models.Status} == {
        "ACTIVE": "ACTIVE",
        "IN_USE": "in-use",
        "EMPTY": "",
        "VALUE_1": "1",
        "CLASS": "class",
        "A_B": "a-b",
        "A_B_2": "a_b",
        "ERROR": "ERROR",
    }
    assert [member.name for member in models.Priority] == [
        "VALUE_0",
        "VALUE_1",
        "VALUE_MINUS_1",
        "VALUE_10",
    ]


def test_clashing_class_names_are_renamed_deterministically(hostile: ModuleType) -> None:
    models = module(hostile, "models")
    # Components keep their names; the lower JSON pointer wins between components.
    assert "hint" in models.ServerOsSchedulerHints.model_fields
    assert "group" in models.ServerOsSchedulerHints2.model_fields
    assert models.Server2.__doc__ == "Same name as Server except for case."
    assert models.Server.__doc__.startswith('Ends with a quote"')


def test_recursive_and_mutually_recursive_models(hostile: ModuleType) -> None:
    models = module(hostile, "models")
    tree = {"name": "root", "children": [{"name": "leaf", "children": []}]}
    node = models.Node.model_validate(tree)
    assert node.children[0].name == "leaf"
    a = models.TreeA.model_validate({"b": {"a_list": [{"b": {"a_list": []}}]}})
    assert isinstance(a.b.a_list[0], models.TreeA)
    extended = models.Extended.model_validate({"extra": "x", **tree})
    assert isinstance(extended.children[0], models.Node)


def test_docstrings_keep_hostile_text_inert(hostile_project: GeneratedProject) -> None:
    """A hostile field description is the ``Field(description=...)`` literal, exactly, and a
    line of the class docstring's Attributes (for ``help()``), inert in both."""
    models_source = next(
        text for path, text in hostile_project.files.items() if path.name == "models.py"
    )
    tree = ast.parse(models_source)
    server = next(
        node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "Server"
    )
    field = next(
        node
        for node in server.body
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "description"
    )
    assert isinstance(field.value, ast.Call)
    described = ast.literal_eval(
        next(keyword.value for keyword in field.value.keywords if keyword.arg == "description")
    )
    attributes = " ".join((ast.get_docstring(server) or "").split())
    for fragment in ('"""', "'''", "\\N{BULLET}", "\x00", "\x07", "{{ jinja }}", "{% raw %}"):
        assert fragment in described
        assert fragment in attributes  # wrapping moved line breaks only
    assert "\u2028" in described and "\u00a0" in described  # the text, exactly
    assert described.endswith("Ends with a backslash \\")
    assert "\u2028" not in models_source
    assert "\u2029" not in models_source


def test_non_model_bodies_and_responses(hostile: ModuleType) -> None:
    models = module(hostile, "models")
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.method == "PUT":
            return httpx.Response(200, json={"a": "b"})
        if request.url.path.endswith("/names"):
            return httpx.Response(200, json=["x", "y"])
        if "/jobs/" in request.url.path:
            return httpx.Response(200, json={"pending": True})
        if request.method == "POST":
            return httpx.Response(202, json={"job_id": "j1"})
        return httpx.Response(200, content=b"\x00\x01")

    config = hostile.ClientConfig(project_id="p", base_url="https://h.example.com")
    with hostile.Client(config, transport=httpx.MockTransport(handler)) as client:
        assert client.list_(server_id="s 1", body={"a": "b"}) == {"a": "b"}
        assert client.get_v2_project_id_names() == ["x", "y"]
        job = client.get_job_details(job_id="j")
        assert isinstance(job, models.GetJobDetailsResponseOption2)
        assert job.pending is True
        body = models.CreateServerV2(servers=[models.Server(id_="s", name="n", class_="c")])
        assert client.create_server(body=body).job_id == "j1"
        assert client.export_data() == b"\x00\x01"
    assert sent[0].url.raw_path == b"/v2/p/servers/s%201/metadata"
    assert sent[3].content == b'{"servers":[{"id":"s","name":"n","class":"c"}]}'


def test_query_parameters_with_reserved_names(hostile: ModuleType) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"servers": []})

    config = hostile.ClientConfig(project_id="p", base_url="https://h.example.com")
    with hostile.Client(config, transport=httpx.MockTransport(handler)) as client:
        client.list_servers(self_="me", body_2="b", models_="m", class_=True, tags=["a", "b"])
    assert sent[0].url.params.multi_items() == [
        ("self", "me"),
        ("body", "b"),
        ("models", "m"),
        ("class", "true"),
        ("tags", "a"),
        ("tags", "b"),
    ]


def test_error_classes_and_default_response(hostile: ModuleType) -> None:
    errors, models = module(hostile, "errors"), module(hostile, "models")
    body = models.CreateServerRequestOption3(legacy="x")

    def raised(status: int, payload: object) -> Any:
        def handler(request: httpx.Request) -> httpx.Response:
            return httpx.Response(status, json=payload)

        config = hostile.ClientConfig(project_id="p", base_url="https://h.example.com")
        with hostile.Client(config, transport=httpx.MockTransport(handler)) as client:
            with pytest.raises(errors.ApiError) as caught:
                client.create_server(body=body)
        return caught.value

    nested = {"error": {"code": "SRV.001", "message": "bad flavor"}}
    bad = raised(400, nested)
    assert type(bad) is errors.BadRequestError
    assert isinstance(bad.body, models.ErrorBody)
    assert (bad.error_code, bad.error_msg) == ("SRV.001", "bad flavor")
    assert type(raised(418, {})) is errors.Status418Error
    # An error status documented only through "default" is an ApiError with the default body.
    other = raised(502, nested)
    assert type(other) is errors.ApiError
    assert isinstance(other.body, models.ErrorBody)


def test_server_variables_with_unsafe_names(hostile: ModuleType) -> None:
    config = hostile.ClientConfig(region="eu-nl", base_path="v9")
    assert config.resolved_base_url() == "https://hostile.eu-nl.example.com/v9"


def test_async_union_response(hostile: ModuleType) -> None:
    models = module(hostile, "models")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"b": {"a_list": []}})

    async def call() -> Any:
        config = hostile.ClientConfig(project_id="p", base_url="https://h.example.com")
        transport = httpx.MockTransport(handler)
        async with hostile.AsyncClient(config, transport=transport) as client:
            return await client.get_job_details(job_id="j")

    assert isinstance(asyncio.run(call()), models.TreeA)


# Written from the fixture: every trap it sets that the generator must report.
EXPECTED_DIAGNOSTICS = {
    (Level.WARNING, Code.ENUM_FALLBACK, "/components/schemas/MixedEnum"),
    (Level.WARNING, Code.RECURSIVE_ALIAS, "/components/schemas/SelfList"),
    (Level.WARNING, Code.UNRESOLVED_REF, "/components/schemas/Dangling/properties/missing"),
    (Level.INFO, Code.PARAMETER_SKIPPED, "/paths/~1v2~1{project_id}~1servers/get/parameters/9"),
    (Level.INFO, Code.PARAMETER_SKIPPED, "/paths/~1v2~1{project_id}~1servers/get/parameters/10"),
    (
        Level.WARNING,
        Code.PARAMETER_SKIPPED,
        "/paths/~1v2~1{project_id}~1servers/get/parameters/11",
    ),
    (Level.WARNING, Code.MISSING_OPERATION_ID, "/paths/~1v2~1{project_id}~1names/get"),
    (Level.WARNING, Code.UNSUPPORTED_STATUS, "/paths/~1v2~1{project_id}~1names/get/responses/2XX"),
    (
        Level.WARNING,
        Code.UNSUPPORTED_CONTENT,
        "/paths/~1v2~1{project_id}~1upload/post/requestBody",
    ),
    (Level.WARNING, Code.NO_SUCCESS_RESPONSE, "/paths/~1health/get/responses"),
    (Level.INFO, Code.SERVER_FALLBACK, "/servers"),
    (Level.WARNING, Code.NAME_CLASH, "/components/schemas/server"),
    (Level.WARNING, Code.NAME_CLASH, "/components/schemas/Server/properties/os:scheduler_hints"),
    (Level.WARNING, Code.NAME_CLASH, "/components/schemas/Server/properties/Name"),
    (Level.WARNING, Code.NAME_CLASH, "/components/schemas/Server/properties/_links"),
    (Level.WARNING, Code.NAME_CLASH, "/components/schemas/Status"),
    (Level.WARNING, Code.NAME_CLASH, "/paths/~1v2~1{project_id}~1servers~1{server-id}/patch"),
    (Level.WARNING, Code.NAME_CLASH, "/paths/~1v2~1{project_id}~1servers/get/parameters/4"),
    (Level.INFO, Code.PAGINATION_SKIPPED, "/paths/~1v2~1{project_id}~1flavors/get"),
    (
        Level.WARNING,
        Code.PARAMETER_SKIPPED,
        "/paths/~1v2~1{project_id}~1nodes~1{node_id}~1{version}/get/parameters/2",
    ),
    (
        Level.WARNING,
        Code.PARAMETER_SKIPPED,
        "/paths/~1v2~1{project_id}~1nodes~1{node_id}~1{version}/get",
    ),
}


def test_hostile_diagnostics(hostile_project: GeneratedProject) -> None:
    found = [(d.level, d.code, d.pointer) for d in hostile_project.diagnostics]
    assert len(found) == len(set(found))
    assert set(found) == EXPECTED_DIAGNOSTICS


def test_petstore_has_no_diagnostics(petstore_project: GeneratedProject) -> None:
    assert petstore_project.diagnostics == ()
