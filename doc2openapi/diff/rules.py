"""The rules: each kind of change (an id in the style of oasdiff's checks), whether it
breaks an existing client, and why.

The principle is oasdiff's: a client built on the old document keeps working when the
server accepts every request it makes and sends only responses it can read. So narrowing
what a request may hold breaks (a new required parameter, an enum value removed, a lower
``maxLength``), widening it does not; and the other way round for responses (an enum value
added to a response breaks, one removed does not). Removing what a client uses (an
operation, a success status, a parameter, a response field) breaks; adding what it may
ignore does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Change, Finding, Level
from .schemas import BOUNDS

BREAKING, SAFE = Level.BREAKING, Level.NON_BREAKING


@dataclass(frozen=True, slots=True)
class Rule:
    level: Level
    reason: str


_REJECTS = "the server may now reject a request an existing client makes"
_ACCEPTS = "every request an existing client makes is still accepted"
_SURPRISES = "an existing client may now receive a response it does not expect"
_READS = "every response is still one an existing client can read"
_GONE = "an existing client that uses it fails"

_OPERATION_RULES = {
    "endpoint-added": Rule(SAFE, "a new operation: existing clients do not call it"),
    "api-removed-without-deprecation": Rule(BREAKING, f"the operation is removed: {_GONE}"),
    "api-removed-with-deprecation": Rule(
        SAFE, "the operation was deprecated before it was removed (as oasdiff allows)"
    ),
    "api-deprecated": Rule(SAFE, "the operation still works; clients are told to move"),
    "api-reactivated": Rule(SAFE, "the operation is no longer deprecated"),
    "new-required-request-parameter": Rule(
        BREAKING, "an existing client does not send the new required parameter"
    ),
    "new-optional-request-parameter": Rule(SAFE, _ACCEPTS),
    "request-parameter-removed": Rule(BREAKING, f"the parameter is removed: {_GONE}"),
    "request-parameter-became-required": Rule(
        BREAKING, "an existing client may leave out a parameter now required"
    ),
    "request-parameter-became-optional": Rule(SAFE, _ACCEPTS),
    "request-path-parameter-renamed": Rule(
        BREAKING, "generated clients take path parameters by name"
    ),
    "request-body-added-required": Rule(
        BREAKING, "an existing client sends no body where one is now required"
    ),
    "request-body-added-optional": Rule(SAFE, _ACCEPTS),
    "request-body-removed": Rule(BREAKING, f"the request body is removed: {_GONE}"),
    "request-body-became-required": Rule(
        BREAKING, "an existing client may send no body where one is now required"
    ),
    "request-body-became-optional": Rule(SAFE, _ACCEPTS),
    "request-body-media-type-added": Rule(SAFE, _ACCEPTS),
    "request-body-media-type-removed": Rule(
        BREAKING, "an existing client may send a media type no longer accepted"
    ),
    "response-success-status-removed": Rule(
        BREAKING, "an existing client expects the success status that is removed"
    ),
    "response-non-success-status-removed": Rule(SAFE, _READS),
    "response-success-status-added": Rule(SAFE, "a new success status (oasdiff: info)"),
    "response-non-success-status-added": Rule(SAFE, "a new error status (oasdiff: info)"),
    "response-media-type-added": Rule(SAFE, "a new media type a client may ask for"),
    "response-media-type-removed": Rule(
        BREAKING, "an existing client may read a media type no longer sent"
    ),
    "response-header-added": Rule(SAFE, _READS),
    "response-header-removed": Rule(BREAKING, f"the response header is removed: {_GONE}"),
    "api-security-added": Rule(
        BREAKING, "the operation now needs credentials an existing client does not send"
    ),
    "api-security-removed": Rule(SAFE, "the operation no longer needs credentials"),
    "api-security-alternative-added": Rule(SAFE, "a new way to authenticate; the old ones stay"),
    "api-security-alternative-removed": Rule(
        BREAKING, "an existing client may authenticate the way that is removed"
    ),
    "api-security-scope-added": Rule(
        BREAKING, "an existing client's credentials may lack the new scope"
    ),
    "api-security-scope-removed": Rule(SAFE, "fewer scopes are needed"),
    "api-security-scheme-changed": Rule(
        BREAKING, "an existing client sends its credentials the way the scheme said before"
    ),
    "new-required-request-property": Rule(
        BREAKING, "an existing client does not send the new required field"
    ),
    "new-optional-request-property": Rule(SAFE, _ACCEPTS),
    "request-property-removed": Rule(BREAKING, f"the request field is removed: {_GONE}"),
    "request-property-became-required": Rule(
        BREAKING, "an existing client may leave out a field now required"
    ),
    "request-property-became-optional": Rule(SAFE, _ACCEPTS),
    "response-required-property-added": Rule(SAFE, "a new response field a client may ignore"),
    "response-optional-property-added": Rule(SAFE, "a new response field a client may ignore"),
    "response-required-property-removed": Rule(BREAKING, f"the response field is removed: {_GONE}"),
    "response-optional-property-removed": Rule(BREAKING, f"the response field is removed: {_GONE}"),
    "response-property-became-optional": Rule(
        BREAKING, "an existing client may rely on a field that may now be absent"
    ),
    "response-property-became-required": Rule(SAFE, _READS),
}

NARROWING = frozenset(
    {"became-not-nullable", "enum-value-removed", "enum-set", "pattern-added", "one-of-removed"}
    | {"any-of-removed"}
    | {f"{name}-set" for _, name, _ in BOUNDS}
    | {f"{name}-{'decreased' if upper else 'increased'}" for _, name, upper in BOUNDS}
)
"""Schema changes that allow fewer values."""
WIDENING = frozenset(
    {"became-nullable", "enum-value-added", "enum-unset", "pattern-removed", "one-of-added"}
    | {"any-of-added"}
    | {f"{name}-unset" for _, name, _ in BOUNDS}
    | {f"{name}-{'increased' if upper else 'decreased'}" for _, name, upper in BOUNDS}
)
"""Schema changes that allow more values."""
EITHER = frozenset({"type-changed", "pattern-changed"})
"""Schema changes that allow other values: breaking on both sides."""

SCHEMA_PREFIXES = {
    "request-parameter": "request",
    "request-body": "request",
    "request-property": "request",
    "response-body": "response",
    "response-header": "response",
    "response-property": "response",
}
"""Where a schema is, and on which side of the exchange."""


def _schema_rules() -> dict[str, Rule]:
    rules = {}
    for prefix, side in SCHEMA_PREFIXES.items():
        for suffix in EITHER:
            rules[f"{prefix}-{suffix}"] = Rule(BREAKING, "values of the old kind no longer match")
        for suffix in NARROWING:
            narrow = Rule(BREAKING, _REJECTS) if side == "request" else Rule(SAFE, _READS)
            rules[f"{prefix}-{suffix}"] = narrow
        for suffix in WIDENING:
            wide = Rule(SAFE, _ACCEPTS) if side == "request" else Rule(BREAKING, _SURPRISES)
            rules[f"{prefix}-{suffix}"] = wide
    return rules


RULES: dict[str, Rule] = {**_OPERATION_RULES, **_schema_rules()}
"""Every kind of change a diff reports, with its rule."""


def classify(method: str, path: str, finding: Finding) -> Change:
    """The change ``finding`` is, with its level and the rule that decided it."""
    rule = RULES[finding.kind]
    return Change(
        finding.kind,
        rule.level,
        method,
        path,
        finding.location,
        finding.old,
        finding.new,
        rule.reason,
    )
