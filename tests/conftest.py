"""Fixtures shared by every test (helpers live in ``tests.helpers``, imported explicitly)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers.inputs import EXAMPLES


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the built-in export example, for a test to edit."""
    target = tmp_path / "docs"
    shutil.copytree(EXAMPLES / "export", target)
    return target
