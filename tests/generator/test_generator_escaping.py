"""Names and text copied from documents into generated code stay inert (property tests)."""

from __future__ import annotations

import ast
import keyword
import tomllib

from hypothesis import given
from hypothesis import strategies as st

from doc2openapi.generator.names import (
    IDENTIFIERS,
    MODEL_FIELDS,
    ClassName,
    PythonIdentifier,
    enum_member_name,
    identifier_suffix,
    snake_case,
    split_words,
    unique_names,
)
from doc2openapi.generator.text import (
    docstring,
    markdown_code,
    markdown_inline,
    python_string,
    python_text,
    toml_string,
)

HOSTILE = st.sampled_from(
    [
        '"""',
        "'''",
        "\\",
        '"',
        "{{",
        "}}",
        "{%",
        "\u2028",
        "\u2029",
        "\x85",
        "\t",
        "\r",
        "\n",
        "\x00",
    ]
)
TEXT = st.lists(st.one_of(st.text(), HOSTILE)).map("".join)


@given(TEXT)
def test_python_string_evaluates_to_the_text(text: str) -> None:
    assert ast.literal_eval(python_string(text)) == text


@given(TEXT, st.integers(min_value=1, max_value=40))
def test_python_text_evaluates_to_the_text(text: str, width: int) -> None:
    literal = python_text(text, width)
    assert ast.literal_eval(literal) == text
    assert isinstance(ast.parse(literal, mode="eval").body, ast.Constant)


@given(st.lists(TEXT, max_size=3), st.sampled_from(["", "    ", "        "]))
def test_docstring_is_one_string_with_the_same_words(paragraphs: list[str], indent: str) -> None:
    block = docstring(paragraphs, indent)
    if not "".join(paragraphs).strip():
        assert block == ""
        return
    source = f"def f():\n{block}\n" if indent else f"{block}\n"
    tree = ast.parse(source)
    body = tree.body[0].body if indent else tree.body  # type: ignore[attr-defined]
    assert len(body) == 1
    value = body[0].value.value
    assert value.split() == " ".join(paragraphs).split()


def test_docstring_examples() -> None:
    assert docstring(['Ends with "'], "") == '"""Ends with \\""""'
    assert docstring(['a """ b'], "") == '"""a \\"\\"\\" b"""'
    assert docstring(["back\\slash"], "") == '"""back\\\\slash"""'
    assert docstring(["one\u2028two"], "") == '"""one\ntwo\n"""'
    assert docstring(["nbsp\u00a0here"], "") == '"""nbsp\\xa0here"""'


@given(TEXT.filter(lambda text: not any(0xD800 <= ord(c) <= 0xDFFF for c in text)))
def test_toml_string_parses_to_the_text(text: str) -> None:
    assert tomllib.loads(f"value = {toml_string(text)}")["value"] == text


@given(TEXT)
def test_markdown_is_one_line_without_markup(text: str) -> None:
    inline, code = markdown_inline(text), markdown_code(text)
    for rendered in (inline, code):
        assert "\n" not in rendered
        assert "|" not in rendered.replace("\\|", "")
    assert "<" not in inline
    assert code == inline or (code[0] == code[-1] == "`" and "`" not in code[1:-1])


@given(st.text())
def test_identifiers_are_safe_and_stable(text: str) -> None:
    for namespace in (IDENTIFIERS, MODEL_FIELDS):
        name = PythonIdentifier(text, namespace=namespace)
        assert name.isidentifier()
        assert name.isascii()
        assert not keyword.iskeyword(name)
        assert name not in namespace.reserved
        assert not name.startswith("_")
        assert PythonIdentifier(name, namespace=namespace) == name
    assert not PythonIdentifier(text, namespace=MODEL_FIELDS).startswith("model_")


@given(st.text())
def test_class_names_are_safe(text: str) -> None:
    name = ClassName(text)
    assert name.isidentifier()
    assert name[0].isupper()
    assert name not in {"Any", "BaseModel", "Field", "Exception", "None", "True"}


@given(st.one_of(st.text(), st.integers()))
def test_enum_member_names_are_safe(value: str | int) -> None:
    name = enum_member_name(value)
    assert name.isidentifier()
    assert name == name.upper()
    assert not name.startswith("_")


def test_name_examples() -> None:
    assert split_words("ListELBPools") == ["List", "ELB", "Pools"]
    assert snake_case("CreateMigrationTask") == "create_migration_task"
    assert PythonIdentifier("os:scheduler_hints") == "os_scheduler_hints"
    assert PythonIdentifier("X-Auth-Token") == "x_auth_token"
    assert PythonIdentifier("class") == "class_"
    assert PythonIdentifier("id") == "id_"
    assert PythonIdentifier("1st") == "field_1st"
    assert PythonIdentifier("json", namespace=MODEL_FIELDS) == "json_"
    assert PythonIdentifier("model_config", namespace=MODEL_FIELDS) == "field_model_config"
    assert ClassName("server") == "Server"
    assert ClassName("any") == "AnyModel"
    assert enum_member_name("in-use") == "IN_USE"
    assert enum_member_name("") == "EMPTY"
    assert enum_member_name(-1) == "VALUE_MINUS_1"


@given(st.lists(st.sampled_from(["a", "b", "a_2", "c"]), min_size=1, max_size=8), st.randoms())
def test_unique_names_do_not_depend_on_order(candidates: list[str], random: object) -> None:
    keyed = {f"k{index}": name for index, name in enumerate(candidates)}
    shuffled = list(keyed.items())
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    first = unique_names(keyed, rank=lambda key: (key,), with_suffix=identifier_suffix)
    second = unique_names(dict(shuffled), rank=lambda key: (key,), with_suffix=identifier_suffix)
    assert first == second
    assert len(set(first.values())) == len(first)
