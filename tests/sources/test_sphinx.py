"""Documentation sources: Sphinx renders them into the cache without running their
``conf.py``, and the document built from ``rst/kms`` and ``rst/smn`` is the one built from
the published pages ``portal/kms`` and ``portal/smn``."""

from __future__ import annotations

import importlib.util
import os
import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from doc2openapi import library
from doc2openapi.cache import open_cache
from doc2openapi.config import Config
from doc2openapi.inputs import InputError
from doc2openapi.sources import resolve_inputs, sphinx
from doc2openapi.sources.sphinx import conf_values, render, render_folder, source_name, tool_conf
from doc2openapi.spec.folding import canonical
from tests.helpers.inputs import corpus_dir

HOSTILE_CONF = """\
import os
open(os.path.join(os.path.dirname(__file__), "ran"), "w").close()
from git import Repo
project = 'Widget Service'
html_title = "Widget Service - API Reference"
otcdocs_repo_name = 'example/widgets'
otcdocs_search_url = "https://search.example.com/"
language = 'en'
version = os.environ["HOME"]
smartquotes = False
extensions = ['otcdocstheme']
"""


def _sphinx_or_skip() -> None:
    missing = [m for m in ("sphinx", "otcdocstheme") if importlib.util.find_spec(m) is None]
    if not missing:
        return
    message = (
        f"{' and '.join(missing)} not installed: pip install 'doc2openapi[sphinx]' "
        "(or bash tools/install-consumers.sh)"
    )
    if os.environ.get("DOC2OPENAPI_REQUIRE_CONSUMERS") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def test_conf_values_are_read_without_running_conf_py(tmp_path: Path) -> None:
    conf = tmp_path / "conf.py"
    conf.write_text(HOSTILE_CONF)
    values = conf_values(conf)
    assert values == {
        "project": "Widget Service",
        "html_title": "Widget Service - API Reference",
        "otcdocs_repo_name": "example/widgets",
        "language": "en",
        "smartquotes": False,
    }
    assert not (tmp_path / "ran").exists()
    text = tool_conf(values)
    assert text.splitlines()[:2] == ["extensions = ['otcdocstheme']", "html_theme = 'otcdocs'"]
    assert "project = 'Widget Service'\n" in text and "import" not in text


def test_a_conf_py_that_is_not_python_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text("project = 'x\n")
    with pytest.raises(InputError, match="not readable as Python"):
        conf_values(tmp_path / "conf.py")


def test_without_the_extra_the_message_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "conf.py").write_text("project = 'x'\n")
    real = importlib.util.find_spec
    absent = {"otcdocstheme"}  # sphinx itself may be installed or not: both are told
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name in absent else real(name)
    )
    with pytest.raises(InputError, match=r"otcdocstheme: pip install 'doc2openapi\[sphinx\]'"):
        render(tmp_path, None)
    absent.add("sphinx")
    with pytest.raises(
        InputError, match=r"needs sphinx and otcdocstheme: pip install 'doc2openapi\[sphinx\]'"
    ):
        render(tmp_path, None)


def test_source_name() -> None:
    assert source_name(Path("/x/rst/kms/api-ref/source")) == "kms"
    assert source_name(Path("/x/widgets")) == "widgets"


def _operations(document: dict[str, Any]) -> tuple[str, str]:
    """Each operation with its parameters, bodies and responses, and the schemas they
    refer to, without the x-source that says where each was read."""
    schemas = document.get("components", {}).get("schemas", {})
    return canonical(document["paths"]), canonical(schemas)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sphinx-cache")


@pytest.mark.parametrize("service", ["kms", "smn"])
def test_sources_build_what_the_published_pages_build(
    service: str, cache_dir: Path, tmp_path: Path
) -> None:
    _sphinx_or_skip()
    source = corpus_dir(f"rst/{service}/api-ref/source")
    portal = corpus_dir(f"portal/{service}/api-ref")
    options = Config(cache_dir=str(cache_dir), jobs=1)
    from_source = library.build([source], tmp_path / "source", options)
    from_portal = library.build([portal], tmp_path / "portal", options)
    assert from_source.status is library.Status.OK, from_source.messages
    assert from_portal.status is library.Status.OK, from_portal.messages
    assert list(from_source.report["services"]) == [service]
    assert from_source.report["summary"]["pages"] == from_portal.report["summary"]["pages"]
    assert _operations(from_source.document) == _operations(from_portal.document)
    assert from_source.document["tags"] == from_portal.document["tags"]


@pytest.fixture
def sources(tmp_path: Path) -> Iterator[Path]:
    _sphinx_or_skip()
    copy = tmp_path / "smn" / "api-ref" / "source"
    shutil.copytree(corpus_dir("rst/smn/api-ref/source"), copy)
    yield copy


def test_a_rebuild_renders_only_the_changed_source(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = open_cache(tmp_path / "cache")
    first = render(sources, cache)
    html = first.folder
    stamps = {p: p.stat().st_mtime_ns for p in html.rglob("*.html")}
    changed = sorted(sources.rglob("*.rst"))[-1]
    changed.write_text(changed.read_text() + "\nOne more sentence.\n")
    second = render(sources, cache)
    assert second.folder == html
    rewritten = [p for p in html.rglob("*.html") if p.stat().st_mtime_ns != stamps.get(p)]
    key = changed.relative_to(sources).with_suffix(".html")
    assert html / key in rewritten
    assert len(rewritten) < len(stamps) // 4
    differing = [a.key for a, b in zip(first.pages, second.pages, strict=True) if a != b]
    assert differing == [key.as_posix()]
    # nothing changed since: Sphinx is not started at all
    monkeypatch.setattr(sphinx.subprocess, "run", _not_run)
    assert render(sources, cache) == second


def _not_run(*args: object, **kwargs: object) -> None:
    raise AssertionError("Sphinx ran with no source changed")


class _Planted:
    """Unpickling this would leave a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.marker,))


def test_an_environment_the_tool_did_not_leave_is_never_read(sources: Path, tmp_path: Path) -> None:
    cache = open_cache(tmp_path / "cache")
    rendered = render(sources, cache)
    environment = rendered.folder.parent / "doctrees" / "environment.pickle"
    assert environment.is_file()
    marker = tmp_path / "unpickled"
    environment.write_bytes(pickle.dumps(_Planted(marker)))
    again = render(sources, cache)
    assert not marker.exists()
    assert again.pages == rendered.pages


def test_resolve_inputs_renders_a_folder_with_conf_py(sources: Path, tmp_path: Path) -> None:
    [found] = resolve_inputs([sources], Config(cache_dir=str(tmp_path / "c")), None)
    assert found.name == "smn"
    assert "index.html" in {page.key for page in found.pages}
    assert not {"genindex.html", "search.html"} & {page.key for page in found.pages}


def test_the_render_folder_never_follows_a_symlink(tmp_path: Path) -> None:
    cache = open_cache(tmp_path / "cache")
    assert cache is not None
    outside = tmp_path / "outside"
    (outside / "keep").mkdir(parents=True)
    work = render_folder(cache, "k" * 40)
    (work / "doctrees").symlink_to(outside)
    (work / "html").symlink_to(outside)
    assert render_folder(cache, "k" * 40) == work
    assert not (work / "doctrees").exists() and not (work / "html").exists()
    assert (outside / "keep").is_dir()
    (cache.folder / "sphinx" / ("j" * 32)).symlink_to(outside)
    with pytest.raises(InputError, match="is not a folder"):
        render_folder(cache, "j" * 40)
    shutil.rmtree(cache.folder / "sphinx")
    (cache.folder / "sphinx").symlink_to(outside)
    with pytest.raises(InputError, match="is not a folder"):
        render_folder(cache, "k" * 40)
    assert sorted(p.name for p in outside.iterdir()) == ["keep"]
