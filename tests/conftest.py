"""Fixtures shared by every test (helpers live in ``tests.helpers``, imported explicitly)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers.inputs import EXAMPLES

# A build server the developer left running must not answer the tests' commands (the
# server's own tests start their own, in a folder of their own).
os.environ["DOC2OPENAPI_SERVER"] = "off"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the built-in export example, for a test to edit."""
    target = tmp_path / "docs"
    shutil.copytree(EXAMPLES / "export", target)
    return target
