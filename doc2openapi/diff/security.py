"""The security requirements of two versions of an operation compared.

A requirement list is a choice: a client satisfies one of its requirements (an empty one,
or no list at all, lets it call without credentials). A requirement is named by its
schemes; when both sides have it, its scopes are compared, and how each of its schemes
takes credentials (type, location, header or parameter name, HTTP scheme).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .model import Finding, Location

Requirements = dict[frozenset[str], frozenset[str]]
"""Each requirement (by its scheme names) and the scopes it asks for."""
NONE: frozenset[str] = frozenset()


def requirements(document: Mapping[str, Any], operation: Mapping[str, Any]) -> Requirements:
    """The requirements that apply to ``operation``: its own, else the document's."""
    listed = operation.get("security", document.get("security"))
    found: Requirements = {}
    for requirement in listed if isinstance(listed, list) else []:
        if not isinstance(requirement, Mapping):
            continue
        schemes = frozenset(str(name) for name in requirement)
        scopes = {
            f"{name}:{scope}"
            for name, listed_scopes in requirement.items()
            if isinstance(listed_scopes, list)
            for scope in listed_scopes
            if isinstance(scope, str)
        }
        found[schemes] = found.get(schemes, NONE) | scopes
    return found or {NONE: NONE}


_CREDENTIALS = ("type", "in", "name", "scheme", "openIdConnectUrl")
"""What a security scheme says about how a client sends its credentials."""


def _scheme(document: Mapping[str, Any], name: str) -> str:
    """How the scheme ``name`` of ``document`` takes credentials, in words."""
    components = document.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, Mapping) else None
    scheme = schemes.get(name) if isinstance(schemes, Mapping) else None
    if not isinstance(scheme, Mapping):
        return f"{name}: undefined"
    said = [str(scheme[key]) for key in _CREDENTIALS if isinstance(scheme.get(key), str)]
    return f"{name}: {' '.join(said)}"


def _named(schemes: frozenset[str]) -> str:
    return " + ".join(sorted(schemes)) or "none"


def security_findings(
    old_document: Mapping[str, Any],
    old: Mapping[str, Any],
    new_document: Mapping[str, Any],
    new: Mapping[str, Any],
) -> Iterator[Finding]:
    before = requirements(old_document, old)
    after = requirements(new_document, new)
    where = Location("security")
    if before.keys() == {NONE} and NONE not in after:
        for schemes in sorted(after, key=_named):
            yield Finding("api-security-added", where, None, _named(schemes))
        return
    if after.keys() == {NONE} and NONE not in before:
        for schemes in sorted(before, key=_named):
            yield Finding("api-security-removed", where, _named(schemes), None)
        return
    for schemes in sorted(before.keys() - after.keys(), key=_named):
        yield Finding("api-security-alternative-removed", where, _named(schemes), None)
    for schemes in sorted(after.keys() - before.keys(), key=_named):
        yield Finding("api-security-alternative-added", where, None, _named(schemes))
    for schemes in sorted(before.keys() & after.keys(), key=_named):
        for name in sorted(schemes):
            was, now = _scheme(old_document, name), _scheme(new_document, name)
            if was != now:
                yield Finding("api-security-scheme-changed", where, was, now)
        for scope in sorted(after[schemes] - before[schemes]):
            yield Finding("api-security-scope-added", where, None, scope)
        for scope in sorted(before[schemes] - after[schemes]):
            yield Finding("api-security-scope-removed", where, scope, None)
