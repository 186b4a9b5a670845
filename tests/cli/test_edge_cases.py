"""Edge cases found in review: each a behaviour a user relies on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from doc2openapi.files import OutputError
from doc2openapi.manifest import write_outputs
from doc2openapi.pipeline import scrape
from doc2openapi.scraper.model import TextLine
from doc2openapi.scraper.page import read_page
from doc2openapi.spec.constraints import constraints_of
from doc2openapi.spec.examples import example_json
from tests.helpers.inputs import EXAMPLES

PAGE = """<a name="ShowThing"></a><h1 class="topictitle1">Showing a Thing</h1>
<div class="section"><h4 class="sectiontitle">URI</h4>{uri}</div>
<div class="section"><h4 class="sectiontitle">Response Parameters</h4>
<p>Status code: 200</p><table><caption><b>Table 1 </b>Response body parameters</caption>
<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>id</td><td>String</td><td>ID.</td></tr></tbody></table></div>"""


def test_path_without_method_is_reported_not_written(tmp_path: Path) -> None:
    (tmp_path / "ok.html").write_text(PAGE.format(uri="<p>GET /v1/things/{id}</p>"))
    (tmp_path / "no_method.html").write_text(PAGE.format(uri="<p>PATH: /v1/other</p>"))
    outcome = scrape([tmp_path])
    assert list(outcome.spec.document["paths"]) == ["/v1/things/{id}"]
    assert ["D301", "no_method.html"] in [[d.code.value, d.page] for d in outcome.diagnostics]


def test_path_and_method_on_separate_lines(tmp_path: Path) -> None:
    uri = "<p>Method: POST</p><p>PATH: /v1/things</p>"
    (tmp_path / "split.html").write_text(PAGE.format(uri=uri))
    assert list(scrape([tmp_path]).spec.document["paths"]["/v1/things"]) == ["post"]


def test_large_integer_bounds_are_exact() -> None:
    lines = (TextLine("Minimum: -9223372036854775808"), TextLine("Maximum: 9223372036854775807"))
    assert constraints_of(lines, "integer") == {
        "minimum": -9223372036854775808,
        "maximum": 9223372036854775807,
    }


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_json_numbers_in_examples_are_invalid(constant: str) -> None:
    value, problem = example_json(f'{{"size": {constant}}}')
    assert value is None
    assert "not valid JSON" in problem


def test_outputs_never_go_through_a_symlinked_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "client").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError, match="holds no manifest"):
        write_outputs(out, {"client/x.py": "x = 1\n"}, "key", 0, [])
    with pytest.raises(OutputError, match="not a folder"):
        write_outputs(out, {"client/x.py": "x = 1\n"}, "key", 0, [], force=True)
    assert list(elsewhere.iterdir()) == []


def test_generate_into_a_build_folder_keeps_the_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "doc2openapi.cli"]
    build = subprocess.run(
        [*command, "build", str(EXAMPLES / "export"), "-o", str(out), "--no-cache"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    generate = subprocess.run(
        [*command, "generate", str(out / "openapi.yaml"), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert generate.returncode == 0, generate.stderr
    assert (out / "openapi.yaml").is_file()
    assert (out / "report.json").is_file()


def test_unquoted_status_codes_in_a_hand_written_spec(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n"
        "      responses:\n        200:\n          description: ok\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "doc2openapi.cli", "validate", str(spec)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "/paths/~1x/get/responses/200: key 200 is not a string" in result.stderr


@pytest.mark.parametrize(("value", "integer"), [("--5", False), ("²", False), ("5", True)])
def test_integer_enum_values_that_only_look_numeric(value: str, integer: bool) -> None:
    """``"²"`` passes ``str.isdigit`` and ``"--5"`` starts like a number, yet neither is an
    integer: the enum falls back to a plain int field (reported), never a crash."""
    from doc2openapi.diagnostics import Code  # noqa: PLC0415
    from doc2openapi.generator import GeneratorOptions, generate  # noqa: PLC0415

    spec = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Level": {"type": "integer", "enum": [value, 1]}}},
    }
    project = generate(spec, GeneratorOptions())
    codes = {d.code for d in project.diagnostics}
    assert (Code.ENUM_FALLBACK not in codes) is integer
    models = next(text for path, text in project.files.items() if path.name == "models.py")
    assert ("VALUE_5 = 5" in models) is integer


def test_breadcrumbs_behind_a_named_anchor(tmp_path: Path) -> None:
    """libxml2 indexes ``<a name>`` as an id too: the breadcrumbs list is found anyway."""
    page = tmp_path / "page.html"
    page.write_text(
        '<html><body><a name="breadcrumbs"></a><ul id="breadcrumbs"><li>API</li>'
        "<li>Widgets</li></ul><main><h1>Listing widgets</h1><p>Text.</p></main></body></html>",
        encoding="utf-8",
    )
    assert read_page("page.html", page.read_bytes()).breadcrumbs == ("API", "Widgets")
