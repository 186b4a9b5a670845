"""Shared fixtures: where the real corpus and the built-in example are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

# A build server the developer left running must not answer the tests' commands (the
# server's own tests start their own, in a folder of their own).
os.environ["DOC2OPENAPI_SERVER"] = "off"


def corpus_root() -> Path:
    override = os.environ.get("DOC2OPENAPI_CORPUS")
    return Path(override) if override else REPO.parent / "shared" / "corpus"


def corpus_dir(relative: str) -> Path:
    """A corpus folder, or a skip with the reason when this checkout has no corpus beside it."""
    folder = corpus_root() / relative
    if not folder.is_dir():
        pytest.skip(f"real corpus not available at {folder} (set DOC2OPENAPI_CORPUS)")
    return folder
