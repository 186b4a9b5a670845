"""What a diff reports: one :class:`Change` per difference an API client can notice.

A comparison first yields :class:`Finding` values (what differs, where, from what to what);
:mod:`.rules` then gives each its :class:`Level` and the rule that decided it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Literal

Part = Literal["operation", "parameter", "request-body", "response", "security"]


class Level(enum.Enum):
    """Whether a change can break a client written against the old document."""

    BREAKING = "breaking"
    NON_BREAKING = "non-breaking"


@dataclass(frozen=True, slots=True)
class Location:
    """Where in an operation a change is.

    ``field`` is the path of a body field, by property names joined with ``.``; ``[]`` names
    an array's items and ``*`` a map's values (``servers[].name``, ``metadata.*``); ``""`` is
    the whole body or the parameter's own value."""

    part: Part
    parameter: str = ""
    parameter_in: str = ""
    status: str = ""
    media_type: str = ""
    field: str = ""

    def describe(self) -> str:
        """The location in words: ``query parameter limit``, ``response 200 field a.b``."""
        words = []
        if self.parameter:
            words.append(f"{self.parameter_in} parameter {self.parameter}")
        if self.part == "request-body":
            words.append("request body")
        if self.status:
            words.append(f"response {self.status}")
        if self.media_type:
            words.append(f"({self.media_type})")
        if self.field:
            words.append(f"field {self.field}")
        return " ".join(words)


@dataclass(frozen=True, slots=True)
class Finding:
    """One difference, before it is classified: ``kind`` is a rule id of :mod:`.rules`."""

    kind: str
    location: Location
    old: Any = None
    new: Any = None


@dataclass(frozen=True, slots=True)
class Change:
    """A classified difference of one operation (identified by method and path, never by
    operationId: a renamed operationId is no change)."""

    kind: str
    level: Level
    method: str
    path: str
    location: Location
    old: Any
    new: Any
    rule: str
    """Why the change has its level, in one sentence."""

    @property
    def operation(self) -> str:
        return f"{self.method.upper()} {self.path}"
