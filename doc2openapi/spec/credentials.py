"""Credentials a request may carry in its query (a presigned URL's, see
:mod:`doc2openapi.scraper.credentials`): ``apiKey`` security schemes sent ``in: query``.

The mandatory parameters together are one way to authenticate; with the optional ones
(``x-obs-security-token`` of temporary credentials) another. Every operation of the service
accepts them beside the ways it already has; an operation that names none also keeps the
empty requirement (``{}``): the pages' other ways (a signature in the Authorization header)
are no scheme OpenAPI can state, so the presigned URL is one way among others, never the
only one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from doc2openapi.scraper.model import FieldTable, Requirement, TableRole
from doc2openapi.spec.field_counts import FieldCounts

if TYPE_CHECKING:
    from doc2openapi.spec.page_operations import Operation

Requirements = list[dict[str, list[str]]]


@dataclass
class QueryCredentials:
    """The schemes of one service's credential tables and the requirements they make."""

    schemes: dict[str, dict[str, Any]] = field(default_factory=dict)
    requirements: Requirements = field(default_factory=list)

    @classmethod
    def of(cls, tables: Iterable[FieldTable], counts: dict[str, FieldCounts]) -> QueryCredentials:
        found = cls()
        for table in tables:
            if table.role is not TableRole.CREDENTIALS:
                continue
            for row in table.fields:
                description = "\n".join(line.text for line in row.description).strip()
                scheme = {"type": "apiKey", "in": "query", "name": row.name}
                found.schemes[row.name] = (
                    {**scheme, "description": description} if description else scheme
                )
            page = counts.setdefault(table.page, FieldCounts())
            page.recognised += len(table.fields)
            page.failed += table.failed_rows
            found.requirements.extend(_requirements(table))
        return found

    def accept(self, operations: Sequence[Operation]) -> None:
        """Each operation accepts the credentials beside its own ways (see the module)."""
        if not self.requirements:
            return
        for operation in operations:
            own: Requirements = operation.body.get("security") or [{}]
            operation.body["security"] = [
                *[r for r in self.requirements if r not in own],
                *own,
            ]


def _requirements(table: FieldTable) -> Requirements:
    mandatory: dict[str, list[str]] = {
        r.name: [] for r in table.fields if r.requirement is Requirement.REQUIRED
    }
    every: dict[str, list[str]] = {r.name: [] for r in table.fields}
    found: Requirements = [mandatory] if mandatory else []
    if every != mandatory:
        found.append(every)
    return found
