"""The docstrings of the generated operation methods."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .build_errors import error_class_name
from .model import OperationDecl, ParameterDecl
from .text import docstring, one_line

METHOD_INDENT = "        "
EXTRA_HEADERS_TEXT = "Headers for this request only; they override all others."


def operation_docstring(
    operation: OperationDecl, arguments: Sequence[tuple[str, ParameterDecl]], body_model: bool
) -> str:
    """Summary, description, the request line, then Args, Returns and Raises.

    ``arguments`` are the method's parameter arguments (name, parameter) in their order;
    ``body_model`` says that the body is a model (which a mapping may replace).
    """
    request = f"``{operation.method} {operation.path}``"
    paragraphs = [_sentence(operation.summary) if operation.summary else f"Send {request}."]
    if operation.doc.description and operation.doc.description != operation.summary:
        paragraphs.append(operation.doc.description)
    if operation.doc.deprecated:
        paragraphs.append("Deprecated: the API documents this operation as deprecated.")
    if operation.summary:
        paragraphs.append(request)
    args = [f"    {name}: {_parameter_text(decl)}" for name, decl in arguments]
    if operation.body is not None:
        text = one_line(operation.body.doc.description) or "The request body."
        text += " A mapping is sent as it is (wire names)." if body_model else ""
        path_count = sum(1 for _, decl in arguments if decl.location in ("server", "path"))
        args.insert(path_count, f"    body: {text}")
    args.append(f"    extra_headers: {EXTRA_HEADERS_TEXT}")
    paragraphs.append("\n".join(["Args:", *args]))
    returns = [
        f"    {response.status}: {one_line(response.description) or 'Success.'}"
        for response in operation.success
    ]
    returns.append("    Another 2xx status: the ``httpx.Response`` as it is.")
    paragraphs.append("\n".join(["Returns:", *returns]))
    raises = [
        f"    errors.{error_class_name(response.status) if response.status else 'ApiError'}: "
        + (one_line(response.description) or f"HTTP {response.status}.")
        for response in operation.errors
    ]
    raises.append("    errors.UnexpectedStatus: a status this operation does not document.")
    raises.append("    errors.ResponseValidationError: a body that does not match its model.")
    paragraphs.append("\n".join(["Raises:", *raises]))
    return docstring(paragraphs, METHOD_INDENT)


def raw_docstring(method_name: str) -> str:
    return docstring(
        [
            f"``{method_name}``, returning the whole response: an ``ApiResponse`` with the "
            f"status code, headers and content, and ``parsed``, what ``{method_name}`` returns."
        ],
        METHOD_INDENT,
    )


def _sentence(text: str) -> str:
    """One line ending with punctuation, as the first line of a docstring should."""
    line = one_line(text)
    return line if line.endswith((".", "!", "?", ":")) else line + "."


def _parameter_text(decl: ParameterDecl) -> str:
    text = one_line(decl.doc.description) or f"The ``{decl.wire_name}`` {decl.location} parameter."
    if decl.doc.deprecated:
        text += " Deprecated."
    if decl.default is not None and not _states_default(text, decl.default):
        text += f" The API default is ``{decl.default}``."
    return text


def _states_default(text: str, value: object) -> bool:
    """Whether the description already gives ``value`` as the default ("The default value
    is 50.", "Default: false"), so the docstring need not repeat it."""
    word = str(value).lower() if isinstance(value, bool) else str(value)
    stated = rf"\bdefault(?:\s+value)?(?:\s+is|\s*:)\s*[\"'`*]*{re.escape(word)}(?![\w-]|\.\d)"
    return re.search(stated, text, re.I) is not None
