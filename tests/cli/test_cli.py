"""The command-line contract: outputs, formats, exit codes, one-line errors, determinism."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.helpers.command import COMMAND
from tests.helpers.command import run_cli as run
from tests.helpers.inputs import EXAMPLES, corpus_dir


def test_scrape_example_to_yaml_and_report(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    report = tmp_path / "report.json"
    result = run(
        "scrape",
        EXAMPLES / "export",
        "-o",
        spec,
        "--report",
        report,
        "--title",
        "Widgets",
        "--version",
        "2.0",
    )
    assert result.returncode == 0, result.stderr
    document = yaml.safe_load(spec.read_text())
    assert document["openapi"] == "3.0.3"
    assert (document["info"]["title"], document["info"]["version"]) == ("Widgets", "2.0")
    assert "pages read: 11, API pages: 8, operations: 8" in result.stderr
    data = json.loads(report.read_text())
    service = data["services"]["wss"]  # the product code of CLASS.TXT.json
    assert service["fields_total"] == (
        service["recognised"]
        + service["unknown_type"]
        + service["unresolved_link"]
        + service["failed"]
        + service["repeated"]
    )
    assert (
        sum(p["fields_total"] for p in service["page_details"].values()) == service["fields_total"]
    )
    codes = {d["code"] for d in data["diagnostics"]}
    assert "D402" in codes  # the example's deliberate undocumented key (examples/README.md)


def test_scrape_json_output(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    assert run("scrape", EXAMPLES / "portal", "-o", spec).returncode == 0
    assert json.loads(spec.read_text())["paths"]


def test_validate_accepts_and_rejects(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    assert run("scrape", EXAMPLES / "export", "-o", good).returncode == 0
    assert run("validate", good).returncode == 0
    bad = tmp_path / "bad.yaml"
    document = yaml.safe_load(good.read_text())
    first_path = next(iter(document["paths"].values()))
    next(iter(first_path.values()))["responses"] = "nope"
    bad.write_text(yaml.safe_dump(document))
    result = run("validate", bad)
    assert result.returncode == 1
    assert "/paths/" in result.stderr and "/responses" in result.stderr
    not_openapi = tmp_path / "plain.yaml"
    not_openapi.write_text("hello: world\n")
    result = run("validate", not_openapi)
    assert result.returncode == 1
    assert "not an OpenAPI document" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["scrape", "no/such/folder", "-o", "x.yaml"], 2, "input folder not found"),
        (["scrape"], 2, "Missing argument"),
        (["validate", "no-such-spec.yaml"], 2, "file not found"),
    ],
)
def test_usage_errors_are_one_line(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    result = run(*args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_output_folder_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file")
    result = run("build", EXAMPLES / "export", "-o", blocker)
    assert result.returncode == 3
    assert "output folder is a file" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_api_pages_exits_1(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.html").write_text(
        "<html><body><h1>Guide</h1><p>Hi</p></body></html>"
    )
    result = run("scrape", tmp_path / "docs", "-o", tmp_path / "spec.yaml")
    assert result.returncode == 1
    assert "no API operation" in result.stderr
    assert not (tmp_path / "spec.yaml").exists()


def test_build_writes_spec_and_report(tmp_path: Path) -> None:
    result = run("build", EXAMPLES / "export", "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "openapi.yaml").is_file()
    assert (tmp_path / "out" / "report.json").is_file()


@pytest.mark.parametrize("folder", ["doc-exports/ecs/api-ref", "portal/dcs/api-ref"])
def test_byte_identical_across_runs_and_hash_seeds(tmp_path: Path, folder: str) -> None:
    source = corpus_dir(folder)
    outputs = []
    for seed in ("0", "1", "12345"):
        target = tmp_path / f"spec-{seed}.yaml"
        result = run("scrape", source, "-o", target, env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal (POSIX)")
def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    """A terminal sees a progress bar while pages are read; a pipe sees only the summary."""
    command = [*COMMAND, "scrape", str(EXAMPLES / "export"), "-o", str(tmp_path / "s.yaml")]
    command.append("--no-cache")
    controller, terminal = os.openpty()
    try:
        process = subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=terminal, timeout=300, check=False
        )
        os.close(terminal)
        seen = b""
        with contextlib.suppress(OSError):  # the end of a pseudo-terminal's output
            while chunk := os.read(controller, 65536):
                seen += chunk
    finally:
        os.close(controller)
    assert process.returncode == 0
    assert b"reading pages" in seen and b"pages read: 11" in seen
    piped = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert piped.returncode == 0
    assert "reading pages" not in piped.stderr and "pages read: 11" in piped.stderr
