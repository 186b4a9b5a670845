"""Configuration that says what is wrong: every mistake is one clear line on stderr and exit 2
(never a traceback, never ignored silently), and the README's own settings block works."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from doc2openapi.config import ConfigError, load_config
from doc2openapi.generator.environment import builtin_template_names
from tests.helpers.command import run_cli
from tests.helpers.inputs import EXAMPLES, REPO

EXAMPLE = EXAMPLES / "export"


def _failed_clearly(result: subprocess.CompletedProcess[str], *said: str) -> None:
    """Exit 2, every part of ``said`` in stderr, and no traceback."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for part in said:
        assert part in result.stderr, result.stderr


def _readme_settings() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```toml\n(\[tool\.doc2openapi\]\n.*?)```", text, re.DOTALL)
    assert match, "the README shows a [tool.doc2openapi] block"
    return match.group(1)


def test_readme_block_pasted_into_doc2openapi_toml_works(tmp_path: Path) -> None:
    (tmp_path / "doc2openapi.toml").write_text(_readme_settings())
    (tmp_path / "my-templates").mkdir()
    config = load_config(folder=tmp_path)
    assert config.title == "Distributed Cache Service API"
    assert config.package == "dcs_client"
    assert config.templates == str(tmp_path / "my-templates")  # relative to the file
    assert config.overlays == (str(tmp_path / "fixes.yaml"),)
    assert config.source == str(tmp_path / "doc2openapi.toml")


def test_settings_both_at_top_and_in_a_tool_table_are_refused(tmp_path: Path) -> None:
    (tmp_path / "doc2openapi.toml").write_text('title = "A"\n[tool.doc2openapi]\ntitle = "B"\n')
    with pytest.raises(ConfigError, match=r"either at the top of the file or in one"):
        load_config(folder=tmp_path)


def test_unknown_setting_names_the_nearest(tmp_path: Path) -> None:
    (tmp_path / "doc2openapi.toml").write_text('titel = "My API"\n')
    result = run_cli(
        "scrape", EXAMPLE, "-o", tmp_path / "spec.yaml", "--config", tmp_path / "doc2openapi.toml"
    )
    _failed_clearly(result, "unknown setting 'titel' — did you mean 'title'?")
    (tmp_path / "doc2openapi.toml").write_text("[tool.doc2openapi]\noverlay = []\n")
    with pytest.raises(ConfigError, match="did you mean 'overlays'"):
        load_config(folder=tmp_path)
    (tmp_path / "doc2openapi.toml").write_text("colour = 1\n")
    with pytest.raises(ConfigError, match=r"unknown setting 'colour'$"):
        load_config(folder=tmp_path)


def test_setting_of_the_wrong_type_says_what_it_must_be(tmp_path: Path) -> None:
    (tmp_path / "doc2openapi.toml").write_text('overlays = "fix.yaml"\n')
    with pytest.raises(ConfigError, match="overlays must be a list of strings"):
        load_config(folder=tmp_path)
    (tmp_path / "doc2openapi.toml").write_text('jobs = "4"\n')
    with pytest.raises(ConfigError, match="jobs must be an integer"):
        load_config(folder=tmp_path)
    (tmp_path / "doc2openapi.toml").write_text("jobs = -1\n")
    with pytest.raises(ConfigError, match=r"jobs must be 0 \(one worker per core\) or more"):
        load_config(folder=tmp_path)


def test_missing_templates_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "doc2openapi.toml").write_text('templates = "nowhere"\n')
    result = run_cli(
        "build", EXAMPLE, "-o", tmp_path / "out", "--config", tmp_path / "doc2openapi.toml"
    )
    _failed_clearly(result, "templates folder not found", "nowhere")
    assert not (tmp_path / "out").exists()
    result = run_cli("build", EXAMPLE, "-o", tmp_path / "out", "--templates", tmp_path / "nowhere")
    _failed_clearly(result, "--templates", "does not exist")


def test_override_matching_no_builtin_template_is_an_error(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "modles.py.jinja").write_text("{# misspelt #}\n")
    (templates / ".gitkeep").write_text("")
    spec = tmp_path / "spec.yaml"
    assert run_cli("scrape", EXAMPLE, "-o", spec).returncode == 0
    result = run_cli("generate", spec, "-o", tmp_path / "client", "--templates", templates)
    _failed_clearly(result, "modles.py.jinja", "did you mean 'models.py.jinja'?")
    assert not (tmp_path / "client").exists()
    assert "models.py.jinja" in builtin_template_names()


def test_build_takes_package_and_templates(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "py.typed.jinja").write_text("# overridden\n")
    out = tmp_path / "out"
    result = run_cli(
        "build", EXAMPLE, "-o", out, "--package", "widgets_sdk", "--templates", templates
    )
    assert result.returncode == 0, result.stderr
    assert (out / "client" / "widgets_sdk" / "py.typed").read_text() == "# overridden\n"


@pytest.mark.parametrize(
    "url", ["not a url", "ftp://docs.example.com", "https://", "docs.example.com"]
)
def test_docs_base_url_must_be_http_with_a_host(tmp_path: Path, url: str) -> None:
    result = run_cli("scrape", EXAMPLE, "-o", tmp_path / "spec.yaml", "--docs-base-url", url)
    _failed_clearly(result, "--docs-base-url", "must be an http(s) URL with a host")
    assert not (tmp_path / "spec.yaml").exists()


def test_docs_base_url_in_the_file_is_checked(tmp_path: Path) -> None:
    (tmp_path / "doc2openapi.toml").write_text('docs_base_url = "docs/"\n')
    with pytest.raises(ConfigError, match=r"docs_base_url must be an http\(s\) URL"):
        load_config(folder=tmp_path)
    (tmp_path / "doc2openapi.toml").write_text('docs_base_url = "https://docs.example.com/a"\n')
    assert load_config(folder=tmp_path).docs_base_url == "https://docs.example.com/a"


@pytest.mark.parametrize("name", ["spec.txt", "spec", "spec.yaml.bak"])
def test_scrape_output_must_be_json_or_yaml(tmp_path: Path, name: str) -> None:
    result = run_cli("scrape", EXAMPLE, "-o", tmp_path / name)
    _failed_clearly(result, name, "is written as JSON or YAML", "must end in .json, .yaml or .yml")
    assert not (tmp_path / name).exists()
    assert "pages read" not in result.stderr  # refused before any page is read


def test_scrape_report_must_be_json(tmp_path: Path) -> None:
    spec, report = tmp_path / "spec.yaml", tmp_path / "report.yaml"
    result = run_cli("scrape", EXAMPLE, "-o", spec, "--report", report)
    _failed_clearly(result, "report.yaml: the report is written as JSON", "must end in .json")
    assert not spec.exists() and not report.exists()


@pytest.mark.parametrize("command", ["build", "generate"])
def test_output_folder_named_like_a_document_is_refused(tmp_path: Path, command: str) -> None:
    source = EXAMPLE if command == "build" else tmp_path / "spec.yaml"
    if command == "generate":
        assert run_cli("scrape", EXAMPLE, "-o", source).returncode == 0
    result = run_cli(command, source, "-o", tmp_path / "openapi.yaml")
    _failed_clearly(result, "openapi.yaml: the output is a folder, not a document")
    assert not (tmp_path / "openapi.yaml").exists()
