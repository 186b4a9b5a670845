"""``validate`` on broken documents: every problem with its pointer, exit 1, short lines,
and no file or URL named by a ``$ref`` is ever read."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.command import run_cli

DANGLING = """\
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a/{id}:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Missing'}
components:
  schemas:
    X: {type: object, description: %s}
"""


def test_a_dangling_ref_is_a_problem_with_its_pointer(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(DANGLING % ("x" * 40_000))
    result = run_cli("validate", spec)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert all(len(line) < 400 for line in lines)
    schema = "/paths/~1a~1{id}/get/responses/200/content/application~1json/schema/$ref"
    assert any(
        line.startswith(f"{spec}: ")
        and line.endswith(f"{schema}: #/components/schemas/Missing does not exist")
        for line in lines
    ), lines
    # our own check runs beside the validator's problem
    parameters = "/paths/~1a~1{id}/get/parameters: path parameter 'id' is not declared"
    assert any(line.endswith(parameters) for line in lines), lines
    assert not any(": /: " in line for line in lines)


def test_a_ref_to_a_file_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"x": {"type": "integer", "default": "SECRET-VALUE"}}')
    spec = tmp_path / "spec.yaml"
    text = DANGLING % "x"
    spec.write_text(text.replace("#/components/schemas/Missing", f"file://{secret}#/x"))
    result = run_cli("validate", spec)
    assert result.returncode == 1
    assert "SECRET-VALUE" not in result.stderr
    assert "cannot be resolved" in result.stderr
