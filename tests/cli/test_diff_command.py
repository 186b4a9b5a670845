"""``doc2openapi diff OLD NEW``: the three output formats, ``--fail-on``, folders of pages
as a side, and bad input said in one line (never a traceback)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.diff.pairs import base
from tests.helpers.command import run_cli
from tests.helpers.site import serve_site


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """The base document (YAML) and a copy (JSON) with one field added to a request body
    and one success status removed."""
    old, new = base(), base()
    server = new["components"]["schemas"]["Create"]["properties"]["server"]
    server["properties"]["zone"] = {"type": "string"}
    del new["paths"]["/v1/{project_id}/servers/{server_id}"]["get"]["responses"]["200"]
    new["paths"]["/v1/{project_id}/servers/{server_id}"]["get"]["responses"]["404"] = {
        "description": "Not found."
    }
    (tmp_path / "old.yaml").write_text(yaml.safe_dump(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    return tmp_path / "old.yaml", tmp_path / "new.json"


def test_text_lists_breaking_changes_first_with_their_rule(pair: tuple[Path, Path]) -> None:
    result = run_cli("diff", *pair)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "3 changes: 1 breaking, 2 non-breaking"
    assert lines.index("breaking:") < lines.index("non-breaking:")
    assert "    response-success-status-removed response 200: 200" in lines
    assert (
        "    new-optional-request-property request body (application/json) field server.zone"
        in lines
    )
    assert "      (an existing client expects the success status that is removed)" in lines


def test_json_follows_the_documented_schema(pair: tuple[Path, Path]) -> None:
    result = run_cli("diff", *pair, "--format", "json")
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    assert report["format"] == 1
    assert report["summary"] == {"breaking": 1, "non-breaking": 2, "total": 3}
    first = report["changes"][0]
    assert first == {
        "id": "response-success-status-removed",
        "level": "breaking",
        "method": "GET",
        "path": "/v1/{project_id}/servers/{server_id}",
        "location": {
            "part": "response",
            "parameter": "",
            "in": "",
            "status": "200",
            "media_type": "",
            "field": "",
        },
        "old": "200",
        "new": None,
        "rule": "an existing client expects the success status that is removed",
    }


def test_markdown_is_a_changelog_section(pair: tuple[Path, Path]) -> None:
    result = run_cli("diff", *pair, "--format", "markdown")
    assert result.stdout.startswith("## API changes\n\n**1 breaking**, 2 non-breaking.\n")
    assert "### Breaking changes" in result.stdout
    assert "| `GET /v1/{project_id}/servers/{server_id}` | response-success-status-removed |" in (
        result.stdout
    )


def test_fail_on_sets_the_exit_code(pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = pair
    assert run_cli("diff", old, new, "--fail-on", "breaking").returncode == 1
    assert run_cli("diff", old, new, "--fail-on", "any").returncode == 1
    assert run_cli("diff", old, old, "--fail-on", "any").returncode == 0
    added = base()
    added["paths"]["/v1/other"] = {"get": {"responses": {"200": {"description": "OK."}}}}
    (tmp_path / "added.yaml").write_text(yaml.safe_dump(added))
    assert run_cli("diff", old, tmp_path / "added.yaml", "--fail-on", "breaking").returncode == 0
    assert run_cli("diff", old, tmp_path / "added.yaml", "--fail-on", "any").returncode == 1


def test_a_folder_of_pages_is_built_and_compared(docs: Path, tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    assert run_cli("scrape", docs, "-o", spec, "--no-cache").returncode == 0
    same = run_cli("diff", docs, spec, "--no-cache")
    assert (same.returncode, same.stdout) == (0, "no changes\n"), same.stderr
    (docs / "DeleteWidget.html").unlink()
    fewer = run_cli("diff", spec, docs, "--no-cache", "--fail-on", "breaking")
    assert fewer.returncode == 1
    assert "api-removed-without-deprecation" in fewer.stdout


def test_a_site_is_read_from_its_start_url_and_compared(docs: Path, tmp_path: Path) -> None:
    """The export format's table of contents (CLASS.TXT.json) is no page a site links, so it
    is left out of the folder too: both sides then read the same pages."""
    (docs / "CLASS.TXT.json").unlink()
    links = "".join(f'<a href="{page.name}">{page.stem}</a>' for page in docs.glob("*.html"))
    (docs / "index.html").write_text(f"<html><body>{links}</body></html>")  # the start page
    spec = tmp_path / "spec.yaml"
    assert run_cli("scrape", docs, "-o", spec, "--no-cache").returncode == 0
    with serve_site(docs) as (origin, state):
        same = run_cli("diff", f"{origin}/index.html", spec, "--no-cache")
        served = {entry.path for entry in state.take_log()}
    assert (same.returncode, same.stdout) == (0, "no changes\n"), same.stderr
    assert "/DeleteWidget.html" in served
    (docs / "DeleteWidget.html").unlink()
    with serve_site(docs) as (origin, _):
        fewer = run_cli("diff", spec, f"{origin}/index.html", "--no-cache", "--fail-on", "breaking")
    assert fewer.returncode == 1, fewer.stderr
    assert "api-removed-without-deprecation" in fewer.stdout


@pytest.mark.parametrize(
    ("content", "code", "said"),
    [
        (None, 2, "file not found"),
        ("openapi: [3", 1, "not readable as YAML or JSON"),
        ("- a list\n", 1, "not an OpenAPI document"),
        ("\0\1\2", 1, "not readable"),
    ],
)
def test_bad_input_is_said_in_one_line(
    pair: tuple[Path, Path], tmp_path: Path, content: str | None, code: int, said: str
) -> None:
    bad = tmp_path / "bad.yaml"
    if content is not None:
        bad.write_text(content)
    result = run_cli("diff", bad, pair[1])
    assert result.returncode == code
    assert said in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_an_empty_folder_is_said(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    (tmp_path / "empty").mkdir()
    result = run_cli("diff", tmp_path / "empty", pair[1], "--no-cache")
    assert result.returncode == 1
    assert "no API document was built" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_output_is_the_same_under_any_hash_seed(pair: tuple[Path, Path]) -> None:
    outputs = {
        run_cli("diff", *pair, "--format", "json", env={"PYTHONHASHSEED": seed}).stdout
        for seed in ("0", "1", "4242")
    }
    assert len(outputs) == 1
