"""Reading a site that misbehaves: every failure is a diagnostic with its code and URL,
the pages that could be read are read, and nothing leaves the site."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from doc2openapi.cache import open_cache
from doc2openapi.diagnostics import Code, Diagnostic, Level
from doc2openapi.inputs import InputError, InputFolder
from doc2openapi.sources import is_url
from doc2openapi.sources.crawl import Site, crawl, page_links
from doc2openapi.sources.http import FetchOptions, retry_after
from tests.helpers.command import run_cli
from tests.helpers.site import SiteHandler, SiteState, serve_site

LINKS = [
    "a.html",
    "a.html?sort=1",  # a query string does not make another page
    "a.html#part",
    "b.html",
    "moved.html",  # redirected to b.html, inside the site
    "flaky.html",  # 500, then the page
    "busy.html",  # 429 with a long Retry-After, then the page
    "slow.html",  # answers after the timeout
    "away.html",  # redirected to another host
    "loop.html",  # redirected to loop2.html, redirected back
    "huge.html",  # over the size cap, by its Content-Length
    "endless.html",  # over the size cap, with no Content-Length
    "private/secret.html",  # robots.txt disallows it
    "missing.html",  # 404
    "style.css",  # an asset, not a page
    "sub/",  # a folder: its index.html
    "../outside.html",  # outside the start folder
    "http://other.invalid/x.html",  # another host
    "mailto:someone@example.com",
]
OPTIONS = FetchOptions(timeout=1.0, retries=1, backoff=0.01, max_wait=0.05, max_page_bytes=2000)


def _page(title: str, links: list[str]) -> bytes:
    anchors = "".join(f'<a href="{link}">{link}</a>' for link in links)
    return f"<html><head><title>{title}</title></head><body>{anchors}</body></html>".encode()


def _write_site(root: Path) -> None:
    docs = root / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "private").mkdir()
    (docs / "index.html").write_bytes(_page("Start", LINKS))
    for name in ("a", "b", "flaky", "busy", "slow", "private/secret"):
        (docs / f"{name}.html").write_bytes(_page(name, ["index.html"]))
    (docs / "sub" / "index.html").write_bytes(_page("Sub", ["../a.html", "deeper.html"]))
    (docs / "sub" / "deeper.html").write_bytes(_page("Deeper", []))
    (docs / "huge.html").write_bytes(_page("Huge", []) + b" " * 5000)
    (docs / "style.css").write_text("body {}")
    (root / "outside.html").write_bytes(_page("Outside", []))
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /docs/private/\n")


def _redirect(target: str) -> object:
    def answer(handler: SiteHandler) -> bool:
        handler.send(302, headers={"Location": target})
        return True

    return answer


def _failing_once(status: int, headers: dict[str, str]) -> object:
    calls: list[int] = []

    def answer(handler: SiteHandler) -> bool:
        calls.append(1)
        if len(calls) > 1:
            return False
        handler.send(status, b"try again", headers)
        return True

    return answer


def _slow(handler: SiteHandler) -> bool:
    time.sleep(3.0)  # past the timeout of 1 s, with room for a loaded machine
    handler.send(200, b"<html>late</html>", {"Content-Type": "text/html"})
    return True


def _endless(handler: SiteHandler) -> bool:
    handler.state.record(handler.url_path, 200, 10_006, "")
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.close_connection = True
    handler.wfile.write(b"<html>" + b"x" * 10_000)
    return True


def _misbehave(state: SiteState) -> None:
    state.behaviours.update(
        {
            "/docs/moved.html": _redirect("/docs/b.html"),
            "/docs/flaky.html": _failing_once(500, {}),
            "/docs/busy.html": _failing_once(429, {"Retry-After": "3600"}),
            "/docs/slow.html": _slow,
            "/docs/away.html": _redirect("http://other.invalid/away.html"),
            "/docs/loop.html": _redirect("loop2.html"),
            "/docs/loop2.html": _redirect("/docs/loop.html"),
            "/docs/endless.html": _endless,
        }  # type: ignore[dict-item]
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, SiteState]]:
    root = tmp_path_factory.mktemp("site")
    _write_site(root)
    with serve_site(root) as (origin, state):
        _misbehave(state)
        yield origin, state


@pytest.fixture(scope="module")
def crawled(site: tuple[str, SiteState]) -> tuple[InputFolder, list[str]]:
    origin, state = site
    state.take_log()
    found = crawl(f"{origin}/docs/", OPTIONS)
    return found, [f"{s.status} {s.path}" for s in state.take_log()]


def _by_code(found: InputFolder) -> dict[Code, list[Diagnostic]]:
    codes: dict[Code, list[Diagnostic]] = {}
    for diagnostic in found.diagnostics:
        codes.setdefault(diagnostic.code, []).append(diagnostic)
    return codes


def test_the_pages_of_the_site_are_read_once_each(
    crawled: tuple[InputFolder, list[str]], site: tuple[str, SiteState]
) -> None:
    found, served = crawled
    keys = [page.key for page in found.pages]
    assert keys == [
        *("a.html", "b.html", "busy.html", "flaky.html", "index.html"),
        *("sub/deeper.html", "sub/index.html"),
    ]
    assert found.url == f"{site[0]}/docs/"
    assert all(page.raw for page in found.pages)
    assert served.count("200 /docs/a.html") == 1  # not again for ?sort=1 or #part
    assert served.count("200 /docs/b.html") == 1  # moved.html's redirect finds it read
    assert "302 /docs/moved.html" in served
    assert served.count("500 /docs/flaky.html") == 1 and "200 /docs/flaky.html" in served
    # Retry-After: 3600 is capped (max_wait), so the crawl went on at once
    assert served.count("429 /docs/busy.html") == 1 and "200 /docs/busy.html" in served
    assert "200 /robots.txt" in served
    assert not [line for line in served if "private" in line or "outside" in line]
    assert not [line for line in served if "style.css" in line]


def test_each_failure_is_a_diagnostic_with_its_url(
    crawled: tuple[InputFolder, list[str]], site: tuple[str, SiteState]
) -> None:
    found, served = crawled
    docs = f"{site[0]}/docs/"
    codes = _by_code(found)
    assert [d.page for d in codes[Code.FETCH_FAILED]] == [docs + "slow.html"]
    assert "ReadTimeout" in codes[Code.FETCH_FAILED][0].detail
    assert "tried 2 times" in codes[Code.FETCH_FAILED][0].detail
    assert [d.page for d in codes[Code.REDIRECT_OFF_SITE]] == [docs + "away.html"]
    assert "http://other.invalid/away.html" in codes[Code.REDIRECT_OFF_SITE][0].detail
    assert [d.page for d in codes[Code.REDIRECT_LOOP]] == [docs + "loop.html"]
    assert served.count("302 /docs/loop.html") == 1  # the loop is seen, not walked again
    assert sorted(d.page for d in codes[Code.PAGE_TOO_LARGE]) == [
        docs + "endless.html",
        docs + "huge.html",
    ]
    assert [d.page for d in codes[Code.ROBOTS_DISALLOWED]] == [docs + "private/secret.html"]
    assert [(d.page, d.level) for d in codes[Code.HTTP_ERROR]] == [
        (docs + "missing.html", Level.WARNING)
    ]
    [off_site] = codes[Code.OFF_SITE_LINK]
    assert off_site.level is Level.INFO
    assert off_site.detail.startswith("2 linked URL(s)")
    assert f"{site[0]}/outside.html" in off_site.detail
    assert "http://other.invalid/x.html" in off_site.detail
    assert len(found.diagnostics) == 8  # each of the above once


def test_the_page_cap_is_said(site: tuple[str, SiteState]) -> None:
    found = crawl(f"{site[0]}/docs/sub/", FetchOptions(max_pages=1))
    assert [page.key for page in found.pages] == ["index.html"]
    [cap] = _by_code(found)[Code.PAGE_CAP]
    assert cap.level is Level.ERROR
    assert "cap of 1" in cap.detail and "1 more" in cap.detail


def test_a_robots_txt_that_cannot_be_read_allows_nothing(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_bytes(_page("Start", []))
    with serve_site(tmp_path) as (origin, state):
        state.behaviours["/robots.txt"] = _failing_once(503, {})  # type: ignore[assignment]
        found = crawl(f"{origin}/", FetchOptions(retries=0))
    assert found.pages == ()
    codes = _by_code(found)
    assert [d.page for d in codes[Code.FETCH_FAILED]] == [f"{origin}/robots.txt"]
    assert [d.page for d in codes[Code.ROBOTS_DISALLOWED]] == [f"{origin}/index.html"]


def test_validators_are_sent_and_304_reuses_the_cached_page(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_bytes(_page("Start", ["a.html"]))
    (tmp_path / "a.html").write_bytes(_page("A", []))
    cache = open_cache(tmp_path / "cache")
    with serve_site(tmp_path) as (origin, state):
        first = crawl(f"{origin}/index.html", cache=cache)
        assert [s.status for s in state.take_log()] == [404, 200, 200]
        second = crawl(f"{origin}/index.html", cache=cache)
        assert [s.status for s in state.take_log()] == [404, 304, 304]
        third = crawl(f"{origin}/index.html")  # no cache: no validators to send
        assert [s.status for s in state.take_log()] == [404, 200, 200]
    assert first == second == third


def test_start_urls_that_cannot_be_read() -> None:
    with pytest.raises(InputError, match="not an http or https URL"):
        crawl("ftp://example.com/docs/")
    with pytest.raises(InputError, match="not a usable URL"):
        crawl("http://127.0.0.1:99999/docs/")
    found = crawl("http://127.0.0.1:9/docs/", FetchOptions(retries=0, timeout=0.5))
    assert found.pages == ()
    [failed] = _by_code(found)[Code.FETCH_FAILED]
    assert failed.page == "http://127.0.0.1:9/robots.txt"
    assert "ConnectError" in failed.detail


def test_site_scope() -> None:
    site = Site.of("https://Docs.Example.com:443/svc/api-ref")
    assert site.base == "https://docs.example.com/svc/api-ref/"
    assert site.start == "index.html"
    assert site.key("https://docs.example.com/svc/api-ref/a/b%20c.html") == "a/b c.html"
    assert site.key("https://docs.example.com/svc/api-ref/a/") == "a/index.html"
    assert site.key("http://docs.example.com/svc/api-ref/a.html") is None  # another scheme
    assert site.key("https://docs.example.com:8443/svc/api-ref/a.html") is None
    assert site.key("https://docs.example.com/svc/api-reference.html") is None
    assert site.key("https://docs.example.com/svc/api-ref/%2e%2e/x.html") is None
    assert site.key("https://docs.example.com/svc/api-ref/logo.png") is None
    assert site.url("a/b c.html") == "https://docs.example.com/svc/api-ref/a/b%20c.html"
    assert Site.of("http://h/docs/start.html").start == "start.html"
    assert is_url("https://h/x") and not is_url(Path("https://h/x")) and not is_url("docs")


def test_page_links() -> None:
    body = b'<a href="x.html#a">x</a><a href=" y.html?q=1 ">y</a><a>none</a><a href="">e</a>'
    assert page_links("http://h/d/p.html", body) == ("http://h/d/x.html", "http://h/d/y.html")
    assert page_links("http://h/d/p.html", b"") == ()


def test_retry_after() -> None:
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_the_command_reads_a_site_and_tells_what_failed(tmp_path: Path) -> None:
    _write_site(tmp_path / "root")
    with serve_site(tmp_path / "root") as (origin, state):
        state.behaviours["/docs/slow.html"] = _slow
        result = _build_command(f"{origin}/docs/", tmp_path / "out")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1  # these pages document no API
    assert "no API operation was found" in result.stderr
    assert "F001 FETCH_FAILED error: 1" in result.stderr
    assert "F002 HTTP_ERROR warning: 5" in result.stderr  # moved, away, loop, endless, missing
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["services"]["docs"]["folder"] == f"{origin}/docs/"
    failed = [d for d in report["diagnostics"] if d["code"] == "F001"]
    assert [d["page"] for d in failed] == [f"{origin}/docs/slow.html"]


def _build_command(url: str, out: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "build",
        url,
        "-o",
        out,
        "--timeout",
        "1.0",
        "--retries",
        "0",
        "--max-connections",
        "2",
        "--no-cache",
    )


def test_a_start_url_that_redirects_is_read_where_it_leads(tmp_path: Path) -> None:
    docs = tmp_path / "root" / "new-docs"
    docs.mkdir(parents=True)
    (docs / "index.html").write_bytes(_page("Start", ["a.html"]))
    (docs / "a.html").write_bytes(_page("A", ["index.html"]))
    with serve_site(tmp_path / "root") as (origin, state):
        state.behaviours["/docs/index.html"] = _redirect(f"{origin}/new-docs/index.html")
        found = crawl(f"{origin}/docs/index.html", OPTIONS)
    assert [page.key for page in found.pages] == ["a.html", "index.html"]
    assert found.url == f"{origin}/new-docs/"
    moved = [d for d in found.diagnostics if d.code is Code.START_MOVED]
    assert [(d.level, d.page) for d in moved] == [(Level.INFO, f"{origin}/docs/index.html")]
    assert not [d for d in found.diagnostics if d.code is Code.REDIRECT_OFF_SITE]


def test_a_start_url_that_redirects_to_no_page_reads_nothing(tmp_path: Path) -> None:
    (tmp_path / "root").mkdir()
    with serve_site(tmp_path / "root") as (origin, state):
        state.behaviours["/docs/index.html"] = _redirect(f"{origin}/gone/index.html")
        found = crawl(f"{origin}/docs/index.html", OPTIONS)
    assert found.pages == ()
    assert [d.code for d in found.diagnostics] == [Code.REDIRECT_OFF_SITE]
