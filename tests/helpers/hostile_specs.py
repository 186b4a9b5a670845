"""Hostile OpenAPI 3.0 documents (Hypothesis strategies) and the checks of their clients.

Shared by ``tests/generator/test_property_hostile_specs.py`` (bounded, in CI) and
``benchmarks/hostile_specs.py`` (long runs). A document is hostile in its names (keywords,
builtins, pydantic attributes, names of the generated code, names equal after sanitising or
differing by case, empty, symbols only, digits first, quotes, backslashes, template syntax,
line separators, control characters, non-ASCII, 300 characters, ``..`` and ``/``, header
names), in its texts (descriptions, summaries, titles and examples that try to run code), in
its enums, and in its schemas (recursion, arrays of arrays, maps, unions, nullable, wrong
types).

The checks (:func:`generate_checked`, :func:`check_import`, :func:`run_mypy`,
:func:`run_ruff`): the generator does not raise; its paths stay inside the output directory;
the package name is a safe identifier; every Python file compiles and binds no name twice in
one scope; ``pyproject.toml`` parses and the README's table holds; in a fresh interpreter
(``hostile_client_check.py``), importing the package, creating its clients and calling
every operation runs no document text (:data:`PAYLOAD` would set :data:`MARKER_VARIABLE`),
leaves every model complete, fails only on mock bodies that do not fit and sends every
request under the configured base URL; ``mypy --strict`` and ``ruff check`` pass.
"""

from __future__ import annotations

import ast
import json
import keyword
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
from hypothesis import strategies as st

from doc2openapi.generator import Code, GeneratedProject, GeneratorOptions, generate
from doc2openapi.generator.output import write_project

Json = dict[str, Any]
T = TypeVar("T")

MARKER_VARIABLE = "D2O_PWNED"
PAYLOAD = f'__import__("os").environ["{MARKER_VARIABLE}"]="1"'
"""Python that would leave a trace if any generated module ever ran document text."""

PAYLOADS = (
    PAYLOAD,
    f'"""; {PAYLOAD}; """',
    f"'''; {PAYLOAD}; '''",
    f'"; {PAYLOAD}; "',
    f"'; {PAYLOAD}; '",
    f'\\"; {PAYLOAD} #',
    f"\n{PAYLOAD}\n",
    f'"""\n{PAYLOAD}\n"""',
    f"\u2028{PAYLOAD}\u2029",
    f"\r{PAYLOAD}",
    f"x\\\n{PAYLOAD}",
    f'")\n{PAYLOAD}\n("',
    f"{{{{ {PAYLOAD} }}}}",
    f"{{% set x = {PAYLOAD} %}}",
    f"{{}}{PAYLOAD}{{}}",
    '"""; import os; os.system("x") #',
    "{{ config }}",
    "{{ ''.__class__.__mro__ }}",
    "{# comment #}",
    "</script><script>alert(1)</script>",
    "ends with a backslash \\",
    'ends with a quote "',
)

KEYWORDS = (*keyword.kwlist, *keyword.softkwlist)
BUILTINS = ("list", "dict", "str", "id", "type", "object", "print", "int", "bool", "bytes", "len")
BASEMODEL = (
    "model_config",
    "model_fields",
    "model_dump",
    "model_validate",
    "model_extra",
    "model_fields_set",
    "json",
    "dict",
    "copy",
    "schema",
    "validate",
    "construct",
    "fields",
    "__fields__",
    "__dict__",
    "__class__",
    "__init__",
    "__slots__",
)
# Names the generated modules import, define or use as locals.
GENERATED = (
    "self",
    "cls",
    "body",
    "extra_headers",
    "project_id",
    "base_url",
    "config",
    "close",
    "aclose",
    "errors",
    "models",
    "httpx",
    "asyncio",
    "time",
    "enum",
    "typing",
    "pydantic",
    "annotations",
    "cast",
    "field",
    "dataclass",
    "email",
    "Self",
    "Any",
    "Field",
    "BaseModel",
    "ConfigDict",
    "Client",
    "AsyncClient",
    "ClientConfig",
    "RetryPolicy",
    "ApiError",
    "Mapping",
    "_runtime",
    "_response",
    "_send",
    "_http",
    "_config",
    "_page",
    "_items",
    "_last",
    "limit",
    "offset",
    "marker",
    "iter_list",
    "__import__",
    "__builtins__",
    "__name__",
)
SANITISED_ALIKE = ("a-b", "a_b", "a b", "A_B", "a.b", "aB", "AB", "a__b", "_a_b_", "a:b")
SAME_BUT_CASE = ("name", "Name", "NAME", "nAmE", "server", "Server")
SYMBOLS = ("", " ", "_", "__", "---", "$", "@", "#", "%", "~", "~0", "~1", "%2F", "*", "{}")
DIGITS_FIRST = ("1st", "2", "0", "-1", "1e5", "08", "١٢")
QUOTES = ('"', "'", '"""', "'''", "\\", "\\\\", "\\N{BULLET}", "\\x00", "\\u2028", "a\\")
TEMPLATES = ("{{ }}", "{{", "}}", "{% %}", "{%", "%}", "{# #}", "{x}", "{{x}}", "{", "}")
SEPARATORS = ("\u2028", "\u2029", "\x85", "\r\n", "\r", "\n", "\t", "\x0b", "\x0c", "\x1b[31m")
LETTERS = ("größe", "参数", "名前", "ñandú", "Ω", "😀", "a😀b", "İ", "ﬁ", "ǅ", "\u00a0", "\ufeff")
LONG = ("a" * 300, "Ä" * 300, "x-" * 150, "参" * 300, "A" * 120 + "b" * 180)
PATHS = ("../../etc/passwd", "a/b", "/", "..", ".", "./x", "a/../b", "C:\\x", "~/x", "/abs")
HEADERS = ("X-Auth-Token", "Content-Type", "Accept", "Host", "Authorization", "X-Request-Id")

HOSTILE_NAMES: tuple[str, ...] = (
    *KEYWORDS,
    *BUILTINS,
    *BASEMODEL,
    *GENERATED,
    *SANITISED_ALIKE,
    *SAME_BUT_CASE,
    *SYMBOLS,
    *DIGITS_FIRST,
    *QUOTES,
    *TEMPLATES,
    *SEPARATORS,
    *LETTERS,
    *LONG,
    *PATHS,
    *HEADERS,
)
FRAGMENTS: tuple[str, ...] = (*HOSTILE_NAMES, *PAYLOADS)


def pick(values: Sequence[T]) -> st.SearchStrategy[T]:
    """One of ``values``, shrinking towards the first; unlike ``sampled_from`` its repr stays
    short (Hypothesis warns about reprs of strategies over hundreds of long strings)."""
    return st.integers(0, len(values) - 1).map(values.__getitem__)


# NUL-free text without lone surrogates (no document format carries those).
ARBITRARY = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12
)
NAMES = st.one_of(
    pick(HOSTILE_NAMES),
    ARBITRARY,
    st.lists(st.one_of(pick(HOSTILE_NAMES), ARBITRARY), min_size=2, max_size=3).map("".join),
)
"""Names: hostile ones, arbitrary text, and concatenations of both."""
TEXTS = st.one_of(
    pick(PAYLOADS),
    NAMES,
    st.lists(st.one_of(pick(FRAGMENTS), ARBITRARY), min_size=2, max_size=5).map("".join),
)
"""Descriptions, summaries, titles: payloads, hostile fragments and arbitrary text."""
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        TEXTS,
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(NAMES, inner, max_size=3)),
    max_leaves=4,
)
"""Examples and defaults: JSON data made of hostile texts."""
GARBAGE = st.sampled_from([None, 3, "x", [], [1], True, 1.5])
"""Values of the wrong type where an object is expected."""


def escape_token(token: str) -> str:
    """RFC 6901 escaping of a JSON pointer token (written here, not taken from the generator)."""
    return token.replace("~", "~0").replace("/", "~1")


def component_ref(name: str) -> Json:
    return {"$ref": "#/components/schemas/" + escape_token(name)}


PRIMITIVES = st.one_of(
    st.builds(dict, type=st.sampled_from(["string", "integer", "number", "boolean"])),
    st.builds(
        dict,
        type=st.just("string"),
        format=st.sampled_from(["date-time", "binary", "byte", "uuid", "", "x"]),
    ),
    st.builds(dict, type=st.just("integer"), format=st.sampled_from(["int32", "int64"])),
    st.sampled_from([{}, {"type": "null"}, {"type": "weird"}, {"nullable": True}, {"type": 3}]),
    st.sampled_from([{"type": ["string", "null"]}, {"type": ["integer", "string", "object"]}]),
)
_SMALL = st.integers(min_value=-3, max_value=12)
_ENUM_STRINGS = st.one_of(pick(HOSTILE_NAMES), ARBITRARY, pick(PAYLOADS))
ENUMS = st.one_of(
    st.builds(dict, type=st.just("string"), enum=st.lists(_ENUM_STRINGS, min_size=1, max_size=8)),
    st.builds(dict, enum=st.lists(pick(SANITISED_ALIKE + SYMBOLS + DIGITS_FIRST), min_size=1)),
    st.builds(
        dict,
        type=st.just("integer"),
        enum=st.lists(st.one_of(_SMALL, st.integers(-(2**70), 2**70)), min_size=1),
    ),
    st.builds(dict, type=st.just("string"), enum=st.lists(_SMALL, min_size=1, max_size=4)),
    st.builds(
        dict,
        type=st.just("integer"),
        enum=st.lists(st.sampled_from(["1", "-2", "x", "007"]), min_size=1),
    ),
    st.builds(
        dict,
        nullable=st.just(True),
        enum=st.lists(st.one_of(st.none(), pick(SANITISED_ALIKE)), min_size=1),
    ),
    st.builds(dict, enum=st.lists(st.one_of(st.booleans(), st.floats(), _SMALL, NAMES))),
    st.sampled_from([{"type": "string", "enum": []}, {"enum": None}, {"enum": [None]}]),
)
SCHEMA_EXTRAS = st.fixed_dictionaries(
    {},
    optional={
        "description": TEXTS,
        "title": TEXTS,
        "nullable": st.booleans(),
        "deprecated": st.booleans(),
        "example": JSON_VALUES,
        "default": JSON_VALUES,
        "x-source": TEXTS,
    },
)


def decorated(base: st.SearchStrategy[Any]) -> st.SearchStrategy[Json]:
    """Schemas with some of: description, title, nullable, deprecated, example, default."""
    return st.builds(lambda schema, extra: {**schema, **extra}, base, SCHEMA_EXTRAS)


def _objects(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Json]:
    @st.composite
    def build(draw: st.DrawFn) -> Json:
        properties = draw(st.dictionaries(NAMES, inner, max_size=5))
        schema: Json = {"type": "object", "properties": properties}
        if draw(st.booleans()) and properties:
            schema["required"] = draw(st.lists(st.sampled_from(sorted(properties))))
        if draw(st.booleans()):
            extra: st.SearchStrategy[Any] = st.one_of(st.booleans(), inner)
            schema["additionalProperties"] = draw(extra)
        if draw(st.integers(0, 5)) == 0:
            del schema["type"]
        return schema

    return build()


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Json]:
    return st.one_of(
        _objects(inner),
        st.builds(lambda items: {"type": "array", "items": items}, inner),
        st.builds(lambda items: {"items": items}, inner),
        st.builds(lambda value: {"type": "object", "additionalProperties": value}, inner),
        st.builds(
            lambda keyword, options: {keyword: options},
            st.sampled_from(["oneOf", "anyOf", "allOf"]),
            st.lists(inner, max_size=3),
        ),
    )


ODD_REFS = st.sampled_from(
    [
        {"$ref": "#/components/schemas/DoesNotExist"},
        {"$ref": "other.yaml#/x"},
        {"$ref": "#/components/schemas"},
        {"$ref": "#"},
        {"$ref": "#/info"},
        {"$ref": "#/paths"},
        {"$ref": "#/components/parameters/shared"},
        {"$ref": 3},
    ]
)
# References into a component: its items, values, properties, union options.
_INNER_POINTERS = ("/items", "/additionalProperties", "/properties/id", "/allOf/0", "/oneOf/1")


def schemas(components: Sequence[str]) -> st.SearchStrategy[Any]:
    """Schemas whose ``$ref`` point at ``components`` (recursion arises by itself), with odd
    references and values of the wrong type now and then."""
    leaves: list[st.SearchStrategy[Any]] = [decorated(PRIMITIVES), decorated(ENUMS)]
    if components:
        refs = pick(list(components)).map(component_ref)
        leaves += [refs, refs, st.builds(lambda ref: {**ref, "nullable": True}, refs)]
        leaves.append(
            st.builds(
                lambda ref, tail: {"$ref": ref["$ref"] + tail},
                refs,
                st.sampled_from(_INNER_POINTERS),
            )
        )
    leaves += [ODD_REFS, GARBAGE]
    return st.recursive(
        st.one_of(leaves), lambda inner: decorated(_containers(inner)), max_leaves=6
    )


def recursive_schemas(components: Sequence[str]) -> st.SearchStrategy[Json]:
    """Shapes that recurse when the reference is to their own component, or to one that
    refers back: through properties, arrays of arrays, maps, unions and allOf."""
    refs = pick(list(components)).map(component_ref)
    return st.one_of(
        st.builds(lambda name, ref: {"type": "object", "properties": {name: ref}}, NAMES, refs),
        st.builds(
            lambda name, ref: {
                "type": "object",
                "properties": {name: {"type": "array", "items": {"type": "array", "items": ref}}},
            },
            NAMES,
            refs,
        ),
        st.builds(lambda ref: {"type": "array", "items": ref}, refs),
        st.builds(lambda ref: {"type": "object", "additionalProperties": ref}, refs),
        st.builds(
            lambda name, ref: {
                "type": "object",
                "properties": {name: {"oneOf": [ref, {"type": "string"}], "nullable": True}},
            },
            NAMES,
            refs,
        ),
        st.builds(lambda ref: {"allOf": [ref, {"properties": {"x": ref}}]}, refs),
        st.builds(lambda ref: {"anyOf": [ref, {"type": "array", "items": ref}]}, refs),
    )


@st.composite
def components_schemas(draw: st.DrawFn) -> Json:
    names = draw(st.lists(NAMES, max_size=5, unique=True))
    if not names:
        return {}
    any_schema = schemas(names)
    recursive = decorated(recursive_schemas(names))
    found = {name: draw(st.one_of(any_schema, recursive)) for name in names}
    if len(names) >= 2 and draw(st.booleans()):  # mutual recursion: A -> B -> A
        first, second = draw(st.permutations(names))[:2]
        for name, other in ((first, second), (second, first)):
            found[name] = draw(decorated(recursive_schemas([other])))
    return found


STYLES = ("form", "spaceDelimited", "pipeDelimited", "deepObject", "simple", "matrix")


def _parameter(place: str, name: str, components: Sequence[str]) -> st.SearchStrategy[Json]:
    return st.fixed_dictionaries(
        {"name": st.just(name), "in": st.just(place)},
        optional={
            "schema": schemas(components),
            "required": st.booleans(),
            "description": TEXTS,
            "deprecated": st.booleans(),
            "example": JSON_VALUES,
            "style": st.one_of(st.sampled_from(STYLES), NAMES, JSON_VALUES),
            "explode": st.one_of(st.booleans(), JSON_VALUES),
        },
    )


@st.composite
def path_templates(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A path template and its variables: literal segments and ``{variable}`` segments."""
    segments: list[str] = []
    variables: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            variable = draw(NAMES)
            variables.append(variable)
            segments.append("{" + variable + "}")
        else:
            segments.append(draw(NAMES))
    prefix = draw(st.sampled_from(["/", "/", "/", "", "//", "http://evil.example/", "a:"]))
    return prefix + "/".join(segments), variables


MEDIA_TYPES = (
    "application/json",
    "application/json",
    "application/problem+json",
    "text/plain",
    "application/octet-stream",
    "multipart/form-data",
    "*/*",
)


@st.composite
def contents(draw: st.DrawFn, components: Sequence[str]) -> Json:
    content: Json = {}
    for media in draw(st.lists(st.sampled_from(MEDIA_TYPES), max_size=2, unique=True)):
        entry = draw(
            st.fixed_dictionaries(
                {}, optional={"schema": schemas(components), "example": JSON_VALUES}
            )
        )
        if draw(st.booleans()):
            examples = st.builds(lambda value: {"value": value, "summary": "x"}, JSON_VALUES)
            entry["examples"] = draw(st.dictionaries(NAMES, examples, max_size=2))
        content[media] = entry
    return content


STATUSES = ("200", "201", "202", "204", "2XX", "301", "400", "401", "404", "418", "500", "default")


@st.composite
def paged(draw: st.DrawFn, components: Sequence[str]) -> tuple[list[Json], Json]:
    """Parameters and a 200 response that make an operation page (``limit`` with ``offset``
    or ``marker``, one array of items with an ``id``), with hostile neighbours: parameters of
    the same names in other places, and hostile item properties."""
    cursor = draw(st.sampled_from(["offset", "marker"]))
    cursor_type = "integer" if cursor == "offset" else "string"
    parameters = [
        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
        {"name": cursor, "in": "query", "schema": {"type": cursor_type}},
    ]
    for name in draw(st.lists(st.sampled_from(["limit", "offset", "marker"]), max_size=2)):
        place = draw(st.sampled_from(["header", "path", "cookie"]))
        parameters.append(draw(_parameter(place, name, components)))
    ids = st.sampled_from(
        [{"type": "string"}, {"type": "integer"}, {"type": "string", "nullable": True}, {}]
    )
    item: Json = {"type": "object", "properties": {"id": draw(ids)}}
    item["properties"].update(draw(st.dictionaries(NAMES, schemas(components), max_size=2)))
    if draw(st.booleans()):
        item["required"] = ["id"]
    items = draw(st.one_of(st.just("items"), NAMES))
    page = {
        "type": "object",
        "required": draw(st.lists(st.sampled_from([items, "id"]), unique=True)),
        "properties": {
            items: {"type": "array", "items": item, "nullable": draw(st.booleans())},
            **draw(st.dictionaries(NAMES, schemas(components), max_size=2)),
        },
    }
    response = {"description": draw(TEXTS), "content": {"application/json": {"schema": page}}}
    return parameters, response


@dataclass(frozen=True)
class Shared:
    """What a document's operations may refer to: its schemas, parameters and responses."""

    schemas: Sequence[str]
    parameters: Sequence[str]
    responses: Sequence[str]


def shared_ref(kind: str, names: Sequence[str]) -> st.SearchStrategy[Json]:
    refs = [{"$ref": f"#/components/{kind}/{escape_token(name)}"} for name in names]
    return st.sampled_from(refs or [{"$ref": f"#/components/{kind}/missing"}])


@st.composite
def operations(draw: st.DrawFn, variables: Sequence[str], shared: Shared) -> Json:
    components = shared.schemas
    operation: Json = {}
    for key, strategy in (
        ("operationId", st.one_of(NAMES, NAMES, GARBAGE)),
        ("summary", TEXTS),
        ("description", TEXTS),
        ("tags", st.lists(TEXTS, max_size=2)),
        ("deprecated", st.booleans()),
        ("x-source", TEXTS),
    ):
        if draw(st.integers(0, 3)) > 0:
            operation[key] = draw(strategy)
    parameters: list[Any] = [
        draw(_parameter("path", variable, components))
        for variable in variables
        if draw(st.integers(0, 5)) > 0
    ]
    for _ in range(draw(st.integers(0, 3))):
        place = draw(st.sampled_from(["path", "query", "query", "header", "cookie", "body"]))
        parameters.append(draw(_parameter(place, draw(NAMES), components)))
    responses: Json = {}
    if draw(st.integers(0, 3)) == 0:
        page_parameters, responses["200"] = draw(paged(components))
        parameters += page_parameters
    if draw(st.integers(0, 9)) == 0:
        parameters.append(draw(GARBAGE))
    if draw(st.booleans()):
        parameters += draw(st.lists(shared_ref("parameters", shared.parameters), max_size=2))
    if parameters:
        operation["parameters"] = draw(st.permutations(parameters))
    if draw(st.booleans()):
        operation["requestBody"] = {
            "required": draw(st.booleans()),
            "description": draw(TEXTS),
            "content": draw(contents(components)),
        }
    for status in draw(st.lists(st.sampled_from(STATUSES), max_size=3, unique=True)):
        if draw(st.integers(0, 3)) == 0:
            responses[status] = draw(shared_ref("responses", shared.responses))
        else:
            responses[status] = draw(responses_objects(components))
    operation["responses"] = responses
    return operation


def responses_objects(components: Sequence[str]) -> st.SearchStrategy[Json]:
    return st.fixed_dictionaries({"description": TEXTS, "content": contents(components)})


@st.composite
def servers(draw: st.DrawFn) -> list[Json]:
    found = []
    for _ in range(draw(st.integers(0, 2))):
        names = draw(st.lists(NAMES, max_size=3, unique=True))
        url = draw(st.sampled_from(["https://api.example.com", "http://{host}", "", "{{x}}"]))
        url += "".join("/{" + name + "}" for name in names)
        variable = st.fixed_dictionaries(
            {"default": TEXTS},
            optional={"description": TEXTS, "enum": st.lists(TEXTS, max_size=3)},
        )
        found.append({"url": url, "variables": {name: draw(variable) for name in names}})
    return found


@st.composite
def documents(draw: st.DrawFn) -> Json:
    """An OpenAPI 3.0 document made of hostile material."""
    schemas_object = draw(components_schemas())
    components = list(schemas_object)
    places = st.sampled_from(["path", "query", "header", "cookie"])
    shared_parameters = {
        name: draw(_parameter(draw(places), draw(NAMES), components))
        for name in draw(st.lists(NAMES, max_size=2, unique=True))
    }
    shared_responses = {
        name: draw(responses_objects(components))
        for name in draw(st.lists(NAMES, max_size=2, unique=True))
    }
    shared = Shared(components, list(shared_parameters), list(shared_responses))
    paths: Json = {}
    for _ in range(draw(st.integers(0, 3))):
        template, variables = draw(path_templates())
        methods = st.sampled_from(["get", "put", "post", "delete", "patch", "head"])
        item: Json = {
            method: draw(operations(variables, shared))
            for method in draw(st.lists(methods, min_size=1, max_size=2, unique=True))
        }
        if draw(st.integers(0, 3)) == 0:  # parameters of the path item, for every method
            item["parameters"] = [
                *(draw(_parameter("path", variable, components)) for variable in variables),
                *draw(st.lists(shared_ref("parameters", shared.parameters), max_size=2)),
            ]
        paths[template] = item
    info = {"title": draw(TEXTS), "version": draw(TEXTS)}
    if draw(st.booleans()):
        info["description"] = draw(TEXTS)
    document: Json = {"openapi": "3.0.3", "info": info, "paths": paths}
    found_servers = draw(servers())
    if found_servers:
        document["servers"] = found_servers
    document["components"] = {
        "schemas": schemas_object,
        "parameters": shared_parameters,
        "responses": shared_responses,
    }
    if draw(st.booleans()):
        document["components"]["securitySchemes"] = {
            draw(NAMES): {"type": "apiKey", "in": "header", "name": draw(NAMES)},
            "bearer": {"type": "http", "scheme": "bearer"},
        }
        document["security"] = [{"bearer": []}]
    if draw(st.booleans()):
        tags = st.fixed_dictionaries({"name": TEXTS}, optional={"description": TEXTS})
        document["tags"] = draw(st.lists(tags, min_size=1, max_size=2))
    return document


# --- checks ----------------------------------------------------------------------------------

EXPECTED_FILES = frozenset(
    {
        "pyproject.toml",
        "README.md",
        "__init__.py",
        "py.typed",
        "_runtime.py",
        "auth.py",
        "client.py",
        "config.py",
        "errors.py",
        "models.py",
        "response.py",
    }
)
_BROKEN_OUTPUT = frozenset({Code.TEMPLATE_ERROR, Code.FORMATTER_FAILED})
MAX_NAME_BYTES = 255
"""The longest file name most file systems accept."""


class HostileCheckError(AssertionError):
    """A check failed for a generated client; the message says which."""


def describe(document: Mapping[str, Any]) -> str:
    """The document as JSON, every non-ASCII character escaped (to paste into a test)."""
    return json.dumps(document, ensure_ascii=True, indent=1)


def package_of(project: GeneratedProject) -> str:
    return next(path.parts[0] for path in project.files if path.name == "__init__.py")


def check_paths(project: GeneratedProject, out_dir: Path) -> None:
    """Every path is relative, has no ``..``, stays inside ``out_dir`` when joined to it and
    has no part too long for a file name; the package name is a safe identifier."""
    root = out_dir.resolve()
    for path in project.files:
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise HostileCheckError(f"unsafe output path {str(path)!r}")
        if not (root / path).resolve().is_relative_to(root):
            raise HostileCheckError(f"output path {str(path)!r} leaves the output directory")
        if any(len(part.encode()) > MAX_NAME_BYTES for part in path.parts):
            raise HostileCheckError(f"output path {str(path)!r} has a part over 255 bytes")
    package = package_of(project)
    if not package.isidentifier() or keyword.iskeyword(package) or not package.isascii():
        raise HostileCheckError(f"package name {package!r} is no safe identifier")
    names = {path.name for path in project.files}
    if names != EXPECTED_FILES or len(project.files) != len(EXPECTED_FILES):
        raise HostileCheckError(f"files {sorted(map(str, project.files))} are not the expected")


def _twice(body: Iterable[ast.stmt]) -> list[str]:
    """Names bound twice in one class or module body (the later binding hides the first)."""
    bound: list[str] = []
    for node in body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            bound.append(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.append(node.name)
        elif isinstance(node, ast.Assign):
            bound.extend(target.id for target in node.targets if isinstance(target, ast.Name))
    return sorted(name for name, count in Counter(bound).items() if count > 1)


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def check_readme(project: GeneratedProject) -> None:
    """The README's operation table has one row of three cells per operation."""
    readme = next(text for path, text in project.files.items() if path.name == "README.md")
    client = next(text for path, text in project.files.items() if path.name == "client.py")
    table = readme.split("| Method | Request | Summary |\n|---|---|---|\n", 1)[1]
    rows = table.splitlines()
    if any(len(_UNESCAPED_PIPE.findall(row)) != 4 for row in rows):
        raise HostileCheckError(f"the README's operation table is broken:\n{table}")
    if 2 * len(rows) != client.count("self._send("):  # sync and async
        raise HostileCheckError(f"the README's operation table has {len(rows)} rows")


def check_contents(project: GeneratedProject) -> None:
    """No broken output; every ``.py`` file compiles and binds no name twice in a scope; the
    ``pyproject.toml`` parses; the README's table holds."""
    broken = [str(d) for d in project.diagnostics if d.code in _BROKEN_OUTPUT]
    if broken:
        raise HostileCheckError("the output is broken: " + "; ".join(broken))
    check_readme(project)
    for path, text in project.files.items():
        if path.name == "pyproject.toml":
            try:
                tomllib.loads(text)
            except tomllib.TOMLDecodeError as error:
                raise HostileCheckError(f"{path} does not parse: {error}") from error
        if path.suffix != ".py":
            continue
        try:
            tree = ast.parse(text, str(path))
            compile(text, str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            raise HostileCheckError(f"{path} does not compile: {error!r}") from error
        scopes = [tree.body, *(n.body for n in ast.walk(tree) if isinstance(n, ast.ClassDef))]
        for body in scopes:
            twice = _twice(body)
            if twice:
                raise HostileCheckError(f"{path} binds {twice} twice in one scope")


def generate_checked(document: Json, out_dir: Path, package_name: str | None = None) -> str:
    """Generate, check the project without running it, write it; return the package name."""
    os.environ.pop(MARKER_VARIABLE, None)
    project = generate(document, GeneratorOptions(package_name=package_name))
    if MARKER_VARIABLE in os.environ:
        raise HostileCheckError("generating the client ran document text")
    check_paths(project, out_dir)
    check_contents(project)
    write_project(project, out_dir, check=False)
    return package_of(project)


CLIENT_CHECK = Path(__file__).with_name("hostile_client_check.py")
"""The script that imports, creates and calls the clients in a fresh interpreter."""


def site_packages() -> str:
    """The directory that holds httpx and pydantic (and their dependencies)."""
    return str(Path(httpx.__file__).resolve().parents[1])


class ClientRunner:
    """:data:`CLIENT_CHECK` in a fresh interpreter (``-I -S -W error``), serving one check
    after another: each spared the import of pydantic and httpx. Started on first use, and
    again after a check that killed it."""

    def __init__(self, timeout: float = 300) -> None:
        self._timeout = timeout
        self._process: subprocess.Popen[str] | None = None
        self._stderr = tempfile.TemporaryFile("w+", encoding="utf-8")

    def __enter__(self) -> ClientRunner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
        self._stderr.close()

    def _start(self) -> subprocess.Popen[str]:
        environment = {key: value for key, value in os.environ.items() if key != MARKER_VARIABLE}
        environment.pop("PYTHONPATH", None)
        command = [sys.executable, "-I", "-S", "-W", "error", str(CLIENT_CHECK)]
        return subprocess.Popen(
            [*command, site_packages(), MARKER_VARIABLE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=environment,
            text=True,
            encoding="utf-8",
        )

    def check(self, packages: Sequence[tuple[Path, str]]) -> None:
        """Import each (folder, package), create its clients and call their operations; check
        that no document text ran, every model is complete and no call failed but for the mock
        responses not fitting or going outside the base URL."""
        if self._process is None or self._process.poll() is not None:
            self._process = self._start()
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(json.dumps([[str(folder), name] for folder, name in packages]) + "\n")
        stdin.flush()
        ready, _, _ = select.select([stdout], [], [], self._timeout)
        line = stdout.readline() if ready else ""
        if not line:
            self.close()
            self._stderr.seek(0)
            names = [name for _, name in packages]
            detail = self._stderr.read()[-4000:]
            raise HostileCheckError(f"checking {names} killed or hung the interpreter:\n{detail}")
        outcome = json.loads(line)
        if outcome["marker"] is not None:
            raise HostileCheckError(f"document text ran: {MARKER_VARIABLE}={outcome['marker']!r}")
        if outcome["problems"]:
            raise HostileCheckError("\n".join(outcome["problems"]))

    def close(self) -> None:
        if self._process is not None:
            if self._process.stdin is not None:
                self._process.stdin.close()
            self._process.kill()
            self._process.wait()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None


def check_import(packages: Sequence[tuple[Path, str]]) -> None:
    """:meth:`ClientRunner.check` in an interpreter of its own."""
    with ClientRunner() as runner:
        runner.check(packages)


@dataclass(frozen=True)
class Collected:
    """A generated package, written to ``directory / package``, and its document."""

    document: Json
    directory: Path
    package: str


def collect(
    document: Json, directory: Path, taken: set[str], runner: ClientRunner | None
) -> Collected:
    """Generate ``document`` into ``directory`` with the checks that need no type checker
    (the runtime ones with ``runner``, unless it is None).

    The package is named after the title; when another collected package has that name
    already, the document is generated again (and checked again) with the name made
    distinct, so that one mypy run can check them all. ``taken`` gets the final name.
    """
    package = generate_checked(document, directory)
    if runner is not None:
        runner.check([(directory, package)])
    if package in taken:
        shutil.rmtree(directory)
        number = len(taken)
        while f"{package[:60]}_{number}" in taken:
            number += 1
        package = generate_checked(document, directory, f"{package[:60]}_{number}")
    taken.add(package)
    return Collected(document, directory, package)


_LOCATION = re.compile(r"^(?P<path>[^:\n]+\.py):\d+:(?:\d+:)? ")


def _by_example(output: str, examples: Sequence[Collected], cwd: Path) -> dict[int, list[str]]:
    """The lines of a tool's output that name a file, by example index (-1: no example)."""
    folders = [example.directory.resolve() for example in examples]
    found: dict[int, list[str]] = {}
    for line in output.splitlines():
        match = _LOCATION.match(line)
        if match is None:
            continue
        path = (cwd / match["path"]).resolve()
        index = next((i for i, folder in enumerate(folders) if path.is_relative_to(folder)), -1)
        found.setdefault(index, []).append(line)
    return found


def _run_tool(arguments: Sequence[str], cwd: Path, env: Mapping[str, str]) -> Any:
    return subprocess.run(
        [sys.executable, "-m", *arguments],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )


def _failures(result: Any, examples: Sequence[Collected], cwd: Path) -> dict[int, list[str]]:
    found = _by_example(result.stdout, examples, cwd)
    if result.returncode != 0 and not found:
        found[-1] = [(result.stdout + result.stderr)[-4000:]]
    return found


def run_mypy(examples: Sequence[Collected], root: Path, cache_dir: Path) -> dict[int, list[str]]:
    """``mypy --strict`` over all the packages in one run; error lines by example index.

    Each example's folder is a root of its own on ``MYPYPATH``; the package names are
    distinct. An empty config file keeps the settings of any parent folder out.
    """
    if not examples:
        return {}
    if len({example.package for example in examples}) != len(examples):
        raise ValueError("the packages of one mypy run need distinct names")
    config = root / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    arguments = ["mypy", "--strict", "--config-file", str(config), "--cache-dir", str(cache_dir)]
    arguments += ["--no-error-summary", "--no-pretty", "--show-column-numbers"]
    for example in examples:
        arguments += ["-p", example.package]
    folders = os.pathsep.join(str(example.directory) for example in examples)
    result = _run_tool(arguments, root, {"MYPYPATH": folders})
    return _failures(result, examples, root)


def run_ruff(examples: Sequence[Collected], root: Path) -> dict[int, list[str]]:
    """``ruff check`` of every package with its own settings (the generated pyproject.toml)."""
    if not examples:
        return {}
    folders = [str(example.directory) for example in examples]
    arguments = ["ruff", "check", "--no-cache", "--output-format", "concise", *folders]
    return _failures(_run_tool(arguments, root, {}), examples, root)


def report(tool: str, failures: Mapping[int, list[str]], examples: Sequence[Collected]) -> str:
    """Per failing example: the tool's error lines and the document."""
    parts = []
    for index, lines in sorted(failures.items()):
        errors = "\n".join(lines[:20])
        if index < 0:
            parts.append(f"{tool} failed outside any example:\n{errors}")
            continue
        example = examples[index]
        parts.append(
            f"{tool} failed for example {index} (package {example.package}):\n{errors}\n"
            f"document:\n{describe(example.document)}"
        )
    return "\n\n".join(parts)
