"""What became of each documented field, counted per page and per service."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FieldCounts:
    """Outcome of each documented field. ``total`` is the sum of the others."""

    recognised: int = 0
    unknown_type: int = 0
    unresolved_link: int = 0
    failed: int = 0
    failed_tables: int = 0
    """Tables of fields that reach no operation (their rows are counted in ``failed``)."""
    repeated: int = 0
    """Rows of tables that reach no operation but repeat fields operations document (the
    headers of D110, the structures of D111): in the document, through those operations."""

    def table_failed(self, rows: int) -> None:
        self.failed += rows
        self.failed_tables += 1

    @property
    def total(self) -> int:
        return (
            self.recognised + self.unknown_type + self.unresolved_link + self.failed + self.repeated
        )

    def as_dict(self) -> dict[str, int]:
        return {
            "fields_total": self.total,
            "recognised": self.recognised,
            "unknown_type": self.unknown_type,
            "unresolved_link": self.unresolved_link,
            "failed": self.failed,
            "failed_tables": self.failed_tables,
            "repeated": self.repeated,
        }

    def add(self, other: FieldCounts) -> None:
        self.recognised += other.recognised
        self.unknown_type += other.unknown_type
        self.unresolved_link += other.unresolved_link
        self.failed += other.failed
        self.failed_tables += other.failed_tables
        self.repeated += other.repeated
