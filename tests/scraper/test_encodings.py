"""Pages in every encoding the documentation comes in: the text arrives intact in the spec.

The encoding is decided by a BOM, by the page's own declaration (``<meta charset>``,
``http-equiv``, XML declaration) or by bytes that are valid UTF-8; anything else is a
guess between GB18030 and windows-1252, reported as D001 ENCODING_GUESSED.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from doc2openapi.pipeline import scrape
from doc2openapi.scraper.decode import decode_page
from doc2openapi.scraper.page import read_page
from tests.helpers.inputs import corpus_root

GERMAN = "Größe des Datenträgers"
PUNCTUATION = " \u2013 \u201cx\u201d"  # en dash and curly quotes: bytes 0x96, 0x93, 0x94
CHINESE = "参数说明"

PAGE = """<html><head>{meta}<title>{word}</title></head><body>
<h1>{word}</h1>
<h4 class="sectiontitle">URI</h4><p>GET /v1/{{project_id}}/things</p>
<h4 class="sectiontitle">Request Parameters</h4>
<table><caption><b>Table 1 </b>Query Parameters</caption>
<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>limit</td><td>No</td><td>Integer</td><td>{word}: {word}.</td></tr></tbody>
</table>
<h4 class="sectiontitle">Status Codes</h4><p>200</p>
</body></html>
"""


def page(word: str, meta: str = "") -> str:
    return PAGE.format(word=word, meta=meta)


def meta_charset(label: str) -> str:
    return f'<meta charset="{label}">'


def http_equiv(label: str) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'


Encoder = Callable[[], bytes]

CASES: dict[str, tuple[str, Encoder, bool]] = {
    # name: (word that must come out, bytes of the page, whether the encoding is a guess)
    "utf-8": (CHINESE, lambda: page(CHINESE + GERMAN).encode("utf-8"), False),
    "utf-8 with BOM": (
        GERMAN,
        lambda: codecs.BOM_UTF8 + page(CHINESE + GERMAN).encode("utf-8"),
        False,
    ),
    "utf-8 declared": (GERMAN, lambda: page(GERMAN, meta_charset("UTF-8")).encode(), False),
    "utf-16-le with BOM": (
        CHINESE,
        lambda: codecs.BOM_UTF16_LE + page(CHINESE + GERMAN).encode("utf-16-le"),
        False,
    ),
    "utf-16-be with BOM": (
        GERMAN,
        lambda: codecs.BOM_UTF16_BE + page(CHINESE + GERMAN).encode("utf-16-be"),
        False,
    ),
    "utf-16 (Python's, with BOM)": (CHINESE, lambda: page(CHINESE).encode("utf-16"), False),
    "utf-16-le without BOM": (CHINESE, lambda: page(CHINESE).encode("utf-16-le"), True),
    "utf-16-be without BOM": (GERMAN, lambda: page(GERMAN).encode("utf-16-be"), True),
    "utf-32-le with BOM": (
        CHINESE,
        lambda: codecs.BOM_UTF32_LE + page(CHINESE).encode("utf-32-le"),
        False,
    ),
    "latin-1 declared": (
        GERMAN,
        lambda: page(GERMAN, meta_charset("ISO-8859-1")).encode("latin-1"),
        False,
    ),
    "cp1252 declared by http-equiv": (
        GERMAN + PUNCTUATION,
        lambda: page(GERMAN + PUNCTUATION, http_equiv("windows-1252")).encode("cp1252"),
        False,
    ),
    "cp1252 undeclared": (GERMAN, lambda: page(GERMAN).encode("cp1252"), True),
    "cp1252 short word undeclared": ("Größe", lambda: page("Größe").encode("cp1252"), True),
    "latin-1 undeclared": ("café naïve", lambda: page("café naïve").encode("latin-1"), True),
    "gbk declared": (CHINESE, lambda: page(CHINESE, meta_charset("gbk")).encode("gbk"), False),
    "gb2312 declared by http-equiv": (
        CHINESE,
        lambda: page(CHINESE, http_equiv("GB2312")).encode("gb2312"),
        False,
    ),
    "gbk declared by the XML declaration": (
        CHINESE,
        lambda: ('<?xml version="1.0" encoding="GBK"?>\n' + page(CHINESE)).encode("gbk"),
        False,
    ),
    "gbk undeclared": (CHINESE, lambda: page(CHINESE).encode("gbk"), True),
    "gbk short word undeclared": ("参数", lambda: page("参数").encode("gbk"), True),
    "declared utf-8 but cp1252": (
        GERMAN,
        lambda: page(GERMAN, meta_charset("utf-8")).encode("cp1252"),
        True,
    ),
    "declared latin-1 but utf-8": (
        GERMAN,
        lambda: page(GERMAN, meta_charset("iso-8859-1")).encode("utf-8"),
        True,
    ),
    "declared gbk but utf-8": (
        CHINESE,
        lambda: page(CHINESE, meta_charset("gbk")).encode("utf-8"),
        True,
    ),
    "declared latin-1, ASCII only": (
        "Size",
        lambda: page("Size", meta_charset("latin1")).encode(),
        False,
    ),
    "declared utf-16 but ASCII-compatible": (
        GERMAN,
        lambda: page(GERMAN, meta_charset("utf-16")).encode("utf-8"),
        False,
    ),
    "declared EBCDIC": (GERMAN, lambda: page(GERMAN, meta_charset("cp037")).encode(), False),
    "declared utf-7": (GERMAN, lambda: page(GERMAN, meta_charset("utf-7")).encode(), False),
    "declared undefined codec": (
        GERMAN,
        lambda: page(GERMAN, meta_charset("undefined")).encode(),
        False,
    ),
    "declared unknown label": (
        CHINESE,
        lambda: page(CHINESE, meta_charset("x-no-such-thing")).encode(),
        False,
    ),
    "declared rot13": (GERMAN, lambda: page(GERMAN, meta_charset("rot13")).encode(), False),
}


@pytest.mark.parametrize("name", list(CASES))
def test_text_survives_the_encoding(name: str, tmp_path: Path) -> None:
    word, encode, guessed = CASES[name]
    (tmp_path / "page.html").write_bytes(encode())
    outcome = scrape([tmp_path])
    operation = outcome.spec.document["paths"]["/v1/{project_id}/things"]["get"]
    assert word in operation["summary"]
    assert word in json.dumps(operation["parameters"], ensure_ascii=False)
    codes = [d.code.value for d in outcome.diagnostics]
    assert ("D001" in codes) is guessed, codes


def test_utf8_cut_inside_a_character_is_not_a_guess() -> None:
    raw = page(CHINESE).encode("utf-8")
    cut = raw[: raw.index(CHINESE.encode()) + 4]  # one byte into the second character
    decoded = decode_page(cut)
    assert (decoded.encoding, decoded.guessed) == ("utf-8", False)
    assert decoded.text.endswith(CHINESE[0] + "\ufffd")


def test_gbk_cut_inside_a_character_keeps_its_declaration() -> None:
    raw = page(CHINESE, meta_charset("gbk")).encode("gbk")
    cut = raw[: raw.index(CHINESE.encode("gbk")) + 3]
    decoded = decode_page(cut)
    assert (decoded.encoding, decoded.guessed) == ("gb18030", False)
    assert decoded.text.endswith(CHINESE[0] + "\ufffd")


def test_bytes_windows_1252_leaves_undefined_read_as_latin1() -> None:
    decoded = decode_page(b"<p>a\x81b\x8dc\x9d \xe4</p>")
    assert decoded.encoding == "cp1252"
    assert decoded.text == "<p>a\x81b\x8dc\x9d ä</p>"


def test_declaration_after_the_first_4096_bytes_is_not_read() -> None:
    raw = (" " * 5000 + meta_charset("gbk") + "<p>" + CHINESE + "</p>").encode("gbk")
    decoded = decode_page(raw)
    assert decoded.guessed and CHINESE in decoded.text


def test_guess_is_reported_with_its_reason() -> None:
    page_model = read_page("p.html", page(GERMAN).encode("cp1252"))
    (diagnostic,) = [d for d in page_model.diagnostics if d.code.value == "D001"]
    assert diagnostic.level.value == "info"
    assert "not UTF-8" in diagnostic.detail and "cp1252" in diagnostic.detail


def test_no_encoding_guessed_anywhere_in_the_corpus() -> None:
    pages = sorted(corpus_root().glob("**/*.html"))
    if not pages:
        pytest.skip(f"real corpus not available at {corpus_root()}")
    guessed = [p for p in pages if decode_page(p.read_bytes()).guessed]
    assert guessed == []
