"""Escaping of document text for each destination it is copied into.

Descriptions and names come from scraped HTML: any character may occur. Each function here
produces text that is inert in its destination (a Python string literal, a docstring, a TOML
string, Markdown), so templates print the results without further thought.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

DOCSTRING_WIDTH = 88
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_WHITESPACE = re.compile(r"\s+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#!])")
_RISKY_QUOTE = re.compile(r'"(?=")|(?<=")"|"\Z')
"""A quote next to another quote, or at the end of a line (before the closing quotes)."""


_WORD_AND_SPACE = re.compile(r"[^\s]+[^\S\n]*\n?|[^\S\n]*\n|[^\S\n]+")
"""A word with the spaces and line break after it; or spaces up to a line break; or spaces."""
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
TEXT_PIECE_WIDTH = 76


def _escape_char(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escape_unprintable(text: str) -> str:
    """Escape characters a reader (or a tokenizer) would not see as plain text.

    ``str.isprintable`` is false for control characters, line and paragraph separators
    (U+2028, U+2029), non-breaking and other unusual spaces, and lone surrogates.
    """
    if text.isprintable():
        return text
    return "".join(
        char if char == " " or char.isprintable() else _escape_char(char) for char in text
    )


def python_string(text: str) -> str:
    """A double-quoted Python string literal whose value is ``text``."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{_escape_unprintable(body)}"'


def python_text(text: str, width: int = TEXT_PIECE_WIDTH) -> str:
    """A string literal whose value is ``text``; a long text as pieces of about ``width``
    characters, each ending after whitespace or a line break, implicitly concatenated in
    parentheses (the formatter lays them out, one per line)."""
    if len(text) <= width + 12:
        return python_string(text)
    pieces: list[str] = []
    for token in _WORD_AND_SPACE.findall(text):
        if pieces and not pieces[-1].endswith("\n") and len(pieces[-1]) + len(token) <= width:
            pieces[-1] += token
        else:
            pieces.append(token)
    literals = [python_string(piece) for piece in pieces]
    return literals[0] if len(literals) == 1 else f"({' '.join(literals)})"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def one_line(text: str) -> str:
    """Collapse all whitespace (including U+2028 and friends) to single spaces."""
    return _WHITESPACE.sub(" ", text).strip()


def _escape_docstring_line(line: str) -> str:
    """Escape one docstring line so that no text can end or alter the string.

    Backslashes are doubled (no escape sequence survives), a quote next to another quote or
    at the end of the line is escaped (no ``\"\"\"`` can form, not even with the closing
    quotes), and unprintable characters become escape sequences.
    """
    escaped = _escape_unprintable(line.replace("\\", "\\\\"))
    if '"' not in escaped:
        return escaped
    return _RISKY_QUOTE.sub(r'\\"', escaped)


def _wrap(line: str, width: int) -> list[str]:
    if len(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    return textwrap.wrap(
        line,
        width,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def docstring_lines(paragraphs: Iterable[str], width: int = DOCSTRING_WIDTH) -> list[str]:
    """Plain docstring lines: paragraphs separated by one blank line, long lines wrapped."""
    blocks: list[str] = []
    for paragraph in paragraphs:
        text = normalise_newlines(paragraph).expandtabs(4)
        # Separators are line breaks to a reader; make them plain ones before wrapping.
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
        text = _BLANK_LINES.sub("\n\n", text).strip("\n")
        if text.strip():
            blocks.append(text)
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        for raw in block.split("\n"):
            lines.extend(_wrap(raw.rstrip(), width) if raw.strip() else [""])
    if lines:
        lines[0] = lines[0].lstrip()
    return lines


def docstring(paragraphs: Iterable[str], indent: str) -> str:
    """A complete, indented docstring literal (every line indented by ``indent``).

    The text of the paragraphs is escaped for a triple-quoted string; the result has no
    trailing newline, so a template prints it on its own line.
    """
    lines = [_escape_docstring_line(line) for line in docstring_lines(paragraphs)]
    if not lines:
        return ""
    if len(lines) == 1:
        return f'{indent}"""{lines[0]}"""'
    body = "\n".join(f"{indent}{line}" if line else "" for line in lines[1:])
    return f'{indent}"""{lines[0]}\n{body}\n{indent}"""'


def toml_string(text: str) -> str:
    """A TOML basic string whose value is ``text``."""
    out: list[str] = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\t" or (char.isprintable() and char != "\x7f"):
            out.append(char)
        elif 0xD800 <= ord(char) <= 0xDFFF:
            out.append("\ufffd")  # TOML strings hold Unicode scalar values only
        else:
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return f'"{"".join(out)}"'


def markdown_inline(text: str) -> str:
    """Text on one line for a Markdown paragraph or table cell: no markup, no HTML."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _escape_unprintable(_MARKDOWN_SPECIAL.sub(r"\\\1", text))


def markdown_code(text: str) -> str:
    """A Markdown code span for one line of text, safe in a table cell."""
    line = one_line(text)
    if "`" in line:
        return markdown_inline(line)
    return "`" + _escape_unprintable(line.replace("|", "\\|")) + "`"
