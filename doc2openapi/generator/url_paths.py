"""Path templates of the generated client: their literal text encoded for a URL."""

from __future__ import annotations

import re
from urllib.parse import quote

PATH_TEMPLATE = re.compile(r"\{([^{}]+)\}")
# What a URL path holds as it is (RFC 3986 pchar and "/"); "%" starts an escape the document
# wrote itself. Anything else in the literal text of a path template is percent-encoded.
_PATH_SAFE = "/!$&'()*+,;=:@-._~%"
# Segments httpx would resolve away (OpenAPI appends paths without resolving them).
_DOT_SEGMENTS = {".": "%2E", "..": "%2E%2E"}
_KEY_FRAGMENT = re.compile(r"#[^/{}#?]*$")


def url_path_template(path: str) -> str:
    """The path template with its literal text made fit for a URL; ``{variables}`` are kept.

    A space, a control character, ``?`` or ``#`` in a documented path would otherwise make
    an invalid URL or move the rest of the path into the query or the fragment, and ``..``
    would leave the path of the base URL. The result starts with one ``/``: ``//host/x`` or
    ``http://host/x`` would make httpx send the request (and its credentials) to another
    host; ``a:b`` would be a URL with the scheme ``a``. httpx appends a relative path to the
    base URL without its leading slashes anyway. A last ``#name`` only tells apart path keys
    of operations chosen by their query (S3's ``/{Key}#acl``): it is never sent.
    """
    path = _KEY_FRAGMENT.sub("", path)
    parts = PATH_TEMPLATE.split(path)  # literal, variable, literal, ..., literal
    encoded = "".join(
        _url_path_text(part) if index % 2 == 0 else "{" + part + "}"
        for index, part in enumerate(parts)
    )
    return "/" + encoded.lstrip("/")


def _url_path_text(text: str) -> str:
    segments = quote(text, safe=_PATH_SAFE).split("/")
    return "/".join(_DOT_SEGMENTS.get(segment, segment) for segment in segments)
