"""Bytes to text: BOM, then the page's own charset declaration, then UTF-8, then a guess.

A BOM decides; so does a declaration that decodes the bytes, and so do undeclared bytes
that are valid UTF-8 (the export format declares no charset and is UTF-8; text in another
encoding is almost never valid UTF-8 by accident). Everything else is a guess and says so
(``guessed``): UTF-16 without a BOM, non-ASCII UTF-8 under another declaration (a page
re-saved under a stale ``<meta>``), and bytes that are neither declared nor UTF-8, read as
GB18030 (a superset of GBK) or windows-1252 (a superset of Latin-1), the two other
encodings this documentation is written in. Never raises.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARATION = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
_DECLARATION_WINDOW = 4096
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_TEXT_BYTES = bytes(range(0x20, 0x100)) + b"\t\n\r\x0c\x1b"
_SAMPLE = 4096
_BINARY_SHARE = 20
"""More than one control byte in this many is binary content, not a page."""

_WINDOWS_1252 = "cp1252"
_GB18030 = "gb18030"
_ALIASES = {
    # WHATWG: these labels all mean windows-1252 / the GBK family in a browser.
    "ascii": _WINDOWS_1252,
    "iso8859-1": _WINDOWS_1252,
    "cp1252": _WINDOWS_1252,
    "gbk": _GB18030,
    "gb2312": _GB18030,
    "gb18030": _GB18030,
}
_NEVER_DECLARED = frozenset(
    {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
)
"""Codecs a page may name but that are no page encoding (UTF-7 is also an XSS vector)."""
_PROBE = b"<meta charset=x>"

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")


def _c1_as_latin1(error: UnicodeError) -> tuple[str, int]:
    """windows-1252 leaves five bytes undefined; a browser reads them as Latin-1 controls."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("doc2openapi-c1", _c1_as_latin1)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    guessed: bool
    """True when neither a BOM, a working charset declaration nor valid UTF-8 decided."""
    binary: bool = False
    """The bytes are not text at all (``text`` is empty)."""
    note: str = ""
    """Why the encoding had to be guessed, for the diagnostic."""


def _bom_encoding(raw: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name, len(bom)
    return None


@functools.lru_cache(maxsize=64)
def _page_codec(label: str) -> str | None:
    """The codec for a declared label, or None for a label that names no usable page
    encoding (unknown, not ASCII-compatible like UTF-16 or EBCDIC, or a trick codec)."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    name = _ALIASES.get(name, name)
    if name in _NEVER_DECLARED:
        return None
    try:
        if _PROBE.decode(name) != _PROBE.decode("ascii"):
            return None
    except (UnicodeError, LookupError, ValueError, TypeError):
        return None
    return name


def _declared_encoding(raw: bytes) -> tuple[str, str] | None:
    """(label as written, codec) of the first charset declaration, if it names a codec."""
    match = _DECLARATION.search(raw, 0, _DECLARATION_WINDOW)
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace").lower()
    codec = _page_codec(label)
    return (label, codec) if codec is not None else None


def _utf16_without_bom(raw: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its zero bytes between ASCII letters."""
    head = raw[:200]
    if len(head) < 4:
        return None
    if head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
        return "utf-16-le"
    if head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
        return "utf-16-be"
    return None


def _binary_bytes(raw: bytes) -> bool:
    sample = raw[:_SAMPLE]
    return len(sample.translate(None, _TEXT_BYTES)) * _BINARY_SHARE > len(sample)


def _decode(raw: bytes, codec: str, errors: str = "strict") -> str:
    if codec == _WINDOWS_1252:
        return raw.decode(codec, "doc2openapi-c1")
    return raw.decode(codec, errors)


def _decode_lenient(raw: bytes, codec: str) -> str | None:
    """Decode strictly, accepting only an incomplete character at the very end (a file cut
    short); None when the bytes are not in this encoding."""
    try:
        return _decode(raw, codec)
    except UnicodeDecodeError as error:
        if error.end < len(raw) or error.start < len(raw) - 3:
            return None
        try:
            return raw[: error.start].decode(codec) + "\ufffd"
        except (UnicodeError, LookupError, ValueError):
            return None
    except (UnicodeError, LookupError, ValueError):
        return None


def _looks_chinese(text: str) -> bool:
    """Text read as GB18030 is Chinese when its non-ASCII characters are CJK and mostly
    come in runs (words); Latin-1 text read as GB18030 gives isolated ideographs."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    runs = _CJK.findall(text)
    cjk = sum(len(run) for run in runs)
    if not cjk or cjk * 20 < non_ascii * 19:
        return False
    return sum(len(run) for run in runs if len(run) > 1) * 2 >= cjk


def _guess(raw: bytes) -> str:
    try:
        as_gb18030 = raw.decode(_GB18030)
    except UnicodeDecodeError:
        return _WINDOWS_1252
    return _GB18030 if _looks_chinese(as_gb18030) else _WINDOWS_1252


def decode_page(raw: bytes) -> DecodedText:
    """Decode page bytes; never raises."""
    bom = _bom_encoding(raw)
    if bom is not None:
        name, size = bom
        return DecodedText(raw[size:].decode(name, "replace"), name, False)
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return DecodedText(
            raw.decode(utf16, "replace"), utf16, True, note="zero bytes between the letters"
        )
    if _binary_bytes(raw):
        return DecodedText("", "", False, binary=True)
    declared = _declared_encoding(raw)
    utf8 = (
        None if declared is not None and declared[1] == "utf-8" else _decode_lenient(raw, "utf-8")
    )
    if declared is None and utf8 is not None:
        return DecodedText(utf8, "utf-8", False)
    if declared is not None and (utf8 is None or raw.isascii()):
        text = _decode_lenient(raw, declared[1])
        if text is not None:
            return DecodedText(text, declared[1], False)
    if declared is not None and utf8 is not None:
        # A page saved as UTF-8 under a stale declaration: its non-ASCII bytes form valid
        # UTF-8, which text in another encoding almost never does.
        note = f"declared {declared[0]!r} but the bytes are UTF-8"
        return DecodedText(utf8, "utf-8", True, note=note)
    guess = _guess(raw)
    note = (
        f"declared {declared[0]!r} but the bytes are not in it"
        if declared
        else "no BOM or charset declaration, and not UTF-8"
    )
    return DecodedText(_decode(raw, guess, "replace"), guess, True, note=note)


def looks_binary(text: str) -> bool:
    """True for text that is mostly control characters: not a page at all."""
    sample = text[:_SAMPLE]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) * _BINARY_SHARE > len(sample)
