"""The scrape report: per page and per service counts that add up, and every diagnostic."""

from __future__ import annotations

from typing import Any

from doc2openapi.diagnostics import Level, count_by_code
from doc2openapi.pipeline import ScrapeOutcome
from doc2openapi.scraper.model import TableTally
from doc2openapi.spec.field_counts import FieldCounts


def _rows(fields: FieldCounts, tally: TableTally) -> dict[str, int]:
    """The field counts and the other rows of the tables: together every data row of
    every table (``rows_total``)."""
    return {
        "rows_total": fields.total - tally.fields_not_rows + tally.rows_besides_fields,
        **fields.as_dict(),
        "status_rows": tally.status_rows,
        "rows_not_fields": tally.rows_not_fields,
        "tables_not_fields": tally.tables_not_fields,
        "blank_rows": tally.blank_rows,
        "header_rows": tally.header_rows,
        "fields_not_rows": tally.fields_not_rows,
    }


def build_report(outcome: ScrapeOutcome) -> dict[str, Any]:
    diagnostics = outcome.diagnostics
    services: dict[str, Any] = {}
    for service in outcome.services:
        counts = outcome.spec.counts.get(service.name, {})
        total = FieldCounts()
        tally = TableTally()
        pages: dict[str, Any] = {}
        for result in service.pages:
            key = result.page.key
            page_counts = counts.get(key, FieldCounts())
            total.add(page_counts)
            tally += result.page.tally
            pages[service.page_location(key)] = {
                "title": result.page.title,
                "api": result.api is not None,
                "endpoints": [f"{e.method} {e.path}" for e in result.api.endpoints]
                if result.api
                else [],
                **_rows(page_counts, result.page.tally),
            }
        for key, page_counts in counts.items():
            if key not in pages:
                total.add(page_counts)
        keys = {r.page.key for r in service.pages}
        service_diagnostics = [d for d in diagnostics if d.page in keys]
        services[service.name] = {
            "folder": service.location,
            "pages": len(service.pages),
            "api_pages": sum(1 for r in service.pages if r.api is not None),
            "operations": outcome.spec.operations.get(service.name, 0),
            **_rows(total, tally),
            "diagnostics_by_code": count_by_code(service_diagnostics),
            "page_details": pages,
        }
    return {
        "summary": {
            "pages": sum(s["pages"] for s in services.values()),
            "api_pages": sum(s["api_pages"] for s in services.values()),
            "operations": sum(len(v) for v in outcome.spec.document.get("paths", {}).values()),
            "valid": not outcome.problems,
            "errors": sum(1 for d in diagnostics if d.level is Level.ERROR),
            "warnings": sum(1 for d in diagnostics if d.level is Level.WARNING),
            "diagnostics_by_code": count_by_code(diagnostics),
        },
        "services": services,
        "validation": [p.format() for p in outcome.problems],
        "diagnostics": [d.as_dict() for d in diagnostics],
    }


def failures(report: dict[str, Any], strict: bool) -> list[str]:
    """Why a scrape fails, one line each; none when it succeeds. An error-level diagnostic
    (a page or an operation left out) fails it under ``--strict``, as warnings do."""
    summary = report["summary"]
    if not summary["operations"]:
        return ["doc2openapi: no API operation was found in the input"]
    if not summary["valid"]:
        return ["doc2openapi: the document is not valid"]
    if strict and summary["errors"]:
        return ["doc2openapi: errors found (something was left out) and --strict is set"]
    if strict and summary["warnings"]:
        return ["doc2openapi: warnings found and --strict is set"]
    return []


def summary_lines(report: dict[str, Any], passed: bool = True) -> list[str]:
    """The summary a user reads; ``passed`` is False when the scrape fails (see
    :func:`failures`): "valid: yes" is then not printed, whatever validation said."""
    summary = report["summary"]
    verdict = "valid: NO" if not summary["valid"] else "valid: yes" if passed else "FAILED"
    lines = [
        f"pages read: {summary['pages']}, API pages: {summary['api_pages']}, "
        f"operations: {summary['operations']}, left out for errors: {summary['errors']}, "
        f"{verdict}"
    ]
    for name, service in report["services"].items():
        lines.append(
            f"  {name}: {service['pages']} pages, {service['api_pages']} API pages, "
            f"{service['operations']} operations; fields {service['fields_total']} = "
            f"{service['recognised']} recognised + {service['unknown_type']} unknown type + "
            f"{service['unresolved_link']} unresolved link + {service['failed']} failed "
            f"({service['failed_tables']} tables reach no operation) + {service['repeated']} "
            "repeated (D110/D111: in the spec through the operations that document them)"
        )
        lines.append(_rows_line(service))
    if summary["diagnostics_by_code"]:
        lines.append("diagnostics:")
        lines.extend(f"  {key}: {count}" for key, count in summary["diagnostics_by_code"].items())
    return lines


def _rows_line(service: dict[str, Any]) -> str:
    """Every data row of every table, by what it is."""
    added = service["fields_not_rows"]
    field_rows = service["fields_total"] - added
    line = (
        f"    table rows {service['rows_total']} = {field_rows} field rows + "
        f"{service['status_rows']} status codes + {service['rows_not_fields']} in "
        f"{service['tables_not_fields']} tables that list no fields (D109) + "
        f"{service['blank_rows']} blank + {service['header_rows']} header rows of cells"
    )
    more = f"; {added} more fields than rows (from examples, rows naming several)"
    return line + (more if added else "")
