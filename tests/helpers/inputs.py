"""Where the tests' inputs are: the repository's built-in examples and the real corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def corpus_root() -> Path:
    override = os.environ.get("DOC2OPENAPI_CORPUS")
    return Path(override) if override else REPO.parent / "shared" / "corpus"


def corpus_dir(relative: str) -> Path:
    """A corpus folder, or a skip with the reason when this checkout has no corpus beside it."""
    folder = corpus_root() / relative
    if not folder.is_dir():
        pytest.skip(f"real corpus not available at {folder} (set DOC2OPENAPI_CORPUS)")
    return folder
