"""A site read from its URL builds what its folder builds, and rebuilds cost only
conditional requests: the real portal pages of DCS, served on 127.0.0.1 with ETags."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from doc2openapi import library, pipeline
from doc2openapi.config import Config
from doc2openapi.pipeline import PageResult
from tests.helpers.command import tree
from tests.helpers.inputs import corpus_dir
from tests.helpers.site import Served, serve_site

CHANGED = "apis_v2_recommended/instance_management/changing_the_password.html"


@dataclass
class Build:
    files: dict[str, bytes]
    served: list[Served]
    scraped: list[str]
    result: library.BuildResult


@dataclass
class Rebuilds:
    base: str
    folder: Build
    cold: Build
    warm: Build
    changed: Build


@pytest.fixture(scope="module")
def rebuilds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rebuilds]:
    """A folder build, then three builds from the site: cold, nothing changed, one page
    changed on the server. Each records what the site served and which pages were read."""
    portal = corpus_dir("portal")
    work = tmp_path_factory.mktemp("site")
    scraped: list[str] = []
    real = pipeline.scrape_page

    def counting(key: str, raw: bytes) -> PageResult:
        scraped.append(key)
        return real(key, raw)

    with serve_site(portal) as (origin, state), pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "scrape_page", counting)
        base = f"{origin}/dcs/api-ref/"

        def build(source: str | Path, out: str, cache: str, **config: Any) -> Build:
            options = Config(jobs=1, cache_dir=str(work / cache), **config)
            result = library.build([source], work / out, options)
            taken = list(scraped)
            scraped.clear()
            return Build(tree(work / out), state.take_log(), taken, result)

        folder = build(portal / "dcs" / "api-ref", "folder", "folder-cache", docs_base_url=base)
        cold = build(base, "site", "site-cache")
        warm = build(base, "site", "site-cache")
        page = (portal / "dcs" / "api-ref" / CHANGED).read_bytes()
        edited = page.replace(b"Changing the Password", b"Setting the Password")
        assert edited != page
        state.pages["/dcs/api-ref/" + CHANGED] = edited
        changed = build(base, "site", "site-cache")
        yield Rebuilds(base, folder, cold, warm, changed)


def _without(text: bytes, base: str) -> bytes:
    return text.replace(base.encode(), b"")


def test_a_site_builds_what_its_folder_builds(rebuilds: Rebuilds) -> None:
    cold, folder = rebuilds.cold, rebuilds.folder
    assert cold.result.status is library.Status.OK, cold.result.messages
    assert len(cold.scraped) == len(folder.scraped) == 130
    # every page once, by a 200 with its body, and robots.txt (none: 404)
    pages = [s for s in cold.served if s.path != "/robots.txt"]
    assert len(pages) == 130 and {s.status for s in pages} == {200}
    assert len({s.path for s in pages}) == 130
    assert all(s.user_agent.startswith("doc2openapi/") for s in cold.served)
    site_spec = cold.files["openapi.yaml"]
    # the folder build was given the site's URL for externalDocs: only x-source differs
    assert site_spec != folder.files["openapi.yaml"]
    assert _without(site_spec, rebuilds.base) == _without(
        folder.files["openapi.yaml"], rebuilds.base
    )
    assert f"x-source: {rebuilds.base}{CHANGED}".encode() in site_spec
    # the client's docstrings name the sources too (wrapped where a URL is long)
    assert cold.files.keys() == folder.files.keys()
    for name, text in folder.files.items():
        if name.startswith("client/"):
            site_words = _without(cold.files[name], rebuilds.base).split()
            assert site_words == _without(text, rebuilds.base).split(), name


def test_the_report_lists_urls(rebuilds: Rebuilds) -> None:
    report = json.loads(rebuilds.cold.files["report.json"])
    service = report["services"]["dcs"]
    assert service["folder"] == rebuilds.base
    assert rebuilds.base + CHANGED in service["page_details"]
    assert all(key.startswith(rebuilds.base) for key in service["page_details"])


def test_nothing_changed_costs_only_304s(rebuilds: Rebuilds) -> None:
    warm = rebuilds.warm
    pages = [s for s in warm.served if s.path != "/robots.txt"]
    assert len(pages) == 130
    assert {s.status for s in pages} == {304}
    assert sum(s.body_bytes for s in pages) == 0
    assert warm.scraped == []
    assert any("nothing changed since the last build" in m for m in warm.result.messages)
    assert warm.files == rebuilds.cold.files


def test_one_page_changed_downloads_and_reads_that_page_only(rebuilds: Rebuilds) -> None:
    changed = rebuilds.changed
    bodies = [s for s in changed.served if s.status == 200]
    assert [s.path for s in bodies] == ["/dcs/api-ref/" + CHANGED]
    assert len([s for s in changed.served if s.status == 304]) == 129
    assert changed.scraped == [CHANGED]
    assert b"summary: Setting the Password\n" in changed.files["openapi.yaml"]
    assert b"summary: Setting the Password\n" not in rebuilds.cold.files["openapi.yaml"]
