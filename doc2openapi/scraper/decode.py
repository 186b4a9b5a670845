"""Bytes to text: BOM, then the page's own charset declaration, then a guess (reported)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from bs4 import UnicodeDammit

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    guessed: bool
    """True when neither a BOM nor a working charset declaration decided the encoding."""


def _bom_encoding(raw: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name, len(bom)
    return None


def _declared_encoding(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


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


def decode_page(raw: bytes) -> DecodedText:
    """Decode page bytes; never raises."""
    bom = _bom_encoding(raw)
    if bom is not None:
        name, size = bom
        return DecodedText(raw[size:].decode(name, "replace"), name, False)
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return DecodedText(raw.decode(utf16, "replace"), utf16, True)
    candidates = [name for name in (_declared_encoding(raw), "utf-8") if name is not None]
    for name in candidates:
        try:
            return DecodedText(raw.decode(name), name, False)
        except (UnicodeDecodeError, LookupError):
            continue
    dammit = UnicodeDammit(raw, is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding is not None:
        return DecodedText(dammit.unicode_markup, dammit.original_encoding, True)
    return DecodedText(raw.decode("windows-1252", "replace"), "windows-1252", True)


def looks_binary(text: str) -> bool:
    """True for text that is mostly control characters: not a page at all."""
    sample = text[:4096]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > len(sample) // 20
