"""The scrape report: per page and per service counts that add up, and every diagnostic."""

from __future__ import annotations

from typing import Any

from doc2openapi.diagnostics import count_by_code
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
            pages[key] = {
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
            "folder": str(service.folder),
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
            "diagnostics_by_code": count_by_code(diagnostics),
        },
        "services": services,
        "validation": [p.format() for p in outcome.problems],
        "diagnostics": [d.as_dict() for d in diagnostics],
    }


def summary_lines(report: dict[str, Any]) -> list[str]:
    summary = report["summary"]
    lines = [
        f"pages read: {summary['pages']}, API pages: {summary['api_pages']}, "
        f"operations: {summary['operations']}, valid: {'yes' if summary['valid'] else 'NO'}"
    ]
    for name, service in report["services"].items():
        lines.append(
            f"  {name}: {service['pages']} pages, {service['api_pages']} API pages, "
            f"{service['operations']} operations; fields {service['fields_total']} = "
            f"{service['recognised']} recognised + {service['unknown_type']} unknown type + "
            f"{service['unresolved_link']} unresolved link + {service['failed']} failed"
        )
    if summary["diagnostics_by_code"]:
        lines.append("diagnostics:")
        lines.extend(f"  {code}: {count}" for code, count in summary["diagnostics_by_code"].items())
    return lines
