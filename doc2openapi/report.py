"""The scrape report: per page and per service counts that add up, and every diagnostic."""

from __future__ import annotations

from typing import Any

from doc2openapi.diagnostics import Level, count_by_code
from doc2openapi.pipeline import ScrapeOutcome
from doc2openapi.spec.schemas import FieldCounts


def build_report(outcome: ScrapeOutcome) -> dict[str, Any]:
    diagnostics = outcome.diagnostics
    services: dict[str, Any] = {}
    for service in outcome.services:
        counts = outcome.spec.counts.get(service.name, {})
        total = FieldCounts()
        pages: dict[str, Any] = {}
        for result in service.pages:
            key = result.page.key
            page_counts = counts.get(key, FieldCounts())
            total.add(page_counts)
            pages[service.page_location(key)] = {
                "title": result.page.title,
                "api": result.api is not None,
                "endpoints": [f"{e.method} {e.path}" for e in result.api.endpoints]
                if result.api
                else [],
                **page_counts.as_dict(),
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
            **total.as_dict(),
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
    if strict and (summary["errors"] or summary["warnings"]):
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
            f"({service['failed_tables']} tables reach no operation)"
        )
    if summary["diagnostics_by_code"]:
        lines.append("diagnostics:")
        lines.extend(f"  {key}: {count}" for key, count in summary["diagnostics_by_code"].items())
    return lines
