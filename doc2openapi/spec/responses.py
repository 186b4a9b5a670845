"""The responses of one page's operation: every status code the page documents, the body
of each (an error body included) and the response headers."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from doc2openapi.diagnostics import Code, Level
from doc2openapi.scraper.model import ApiPage, FieldRow, FieldTable, TableRole
from doc2openapi.scraper.status import ERROR_STATUS
from doc2openapi.spec.coherence import described
from doc2openapi.spec.field_counts import FieldCounts
from doc2openapi.spec.media import OCTET_STREAM, is_file
from doc2openapi.spec.schemas import Schema, SchemaRegistry
from doc2openapi.spec.wrappers import body_examples, body_ref, body_text, report_inferred
from doc2openapi.spec.xml_bodies import is_message_page, response_content

if TYPE_CHECKING:
    from doc2openapi.spec.shared_responses import SharedResponses

Report = Callable[[Code, str, Level, str], None]
"""``report(code, detail, level, table)`` of the page being built."""

_IGNORED_RESPONSE_HEADERS = frozenset({"content-type"})
"""OpenAPI ignores a ``Content-Type`` response header (the media type says it)."""


def value_schema(
    registry: SchemaRegistry, table: FieldTable, row: FieldRow, counts: FieldCounts
) -> Schema:
    """The schema of a parameter or header: text where the page gives no type, with the
    lengths and pattern its description states ("Maximum: 64" in a table with no Type
    column)."""
    schema = registry.field_schema(table, row, "", counts)
    if "type" not in schema and "$ref" not in schema and "oneOf" not in schema:
        schema, dropped = described({"type": "string", **schema}, row.description, row.name)
        for problem in dropped:
            registry.report(Code.CONSTRAINT_DROPPED, table, row.name, problem)
    return schema


def http_phrase(code: str) -> str:
    try:
        return HTTPStatus(int(code)).phrase
    except ValueError:
        return "Error response" if code == ERROR_STATUS else "Response"


def _body_suffix(status: str) -> str:
    """``ShowVolumeResponse`` for a success, ``ShowVolumeError404`` for an error."""
    if status.startswith("2"):
        return "Response"
    return f"Error{status}" if is_error_code(status) else f"Response{status}"


def is_error_code(code: str) -> bool:
    return code.startswith(("4", "5"))


class ResponseBuilder:
    """Responses of one page, its schemas registered under names built from ``base``."""

    def __init__(
        self,
        page: ApiPage,
        registry: SchemaRegistry,
        counts: FieldCounts,
        base: str,
        report: Report,
        shared: SharedResponses | None = None,
    ) -> None:
        self.page = page
        self.shared = shared
        self.registry = registry
        self.counts = counts
        self.base = base
        self.report = report
        self.codes = {c.code: c.description for c in page.status_codes}
        self.media = "application/json"
        self.files: set[str] = set()
        """Codes whose body is a file (``application/octet-stream``)."""
        self.linked: list[str] = []
        """Error codes of the pages the status sections link, not documented here."""

    def responses(self) -> dict[str, Any]:
        self.linked = self._linked_codes()
        bodies = self._bodies()
        given = {*self.codes, *bodies}
        if not any(not is_error_code(c) and c != ERROR_STATUS for c in given):
            self._implied_success(bool(given))
        headers = self._headers(sorted(set(self.codes) | set(bodies)))
        responses: dict[str, Any] = {}
        for code in sorted(set(self.codes) | set(bodies) | set(headers) | set(self.linked)):
            if self.shared and code not in {*self.codes, *bodies, *headers}:
                responses[code] = self.shared.ref(code)
                continue
            response: dict[str, Any] = {"description": self._description(code)}
            if code in headers:
                response["headers"] = headers[code]
            if code in bodies:
                media = OCTET_STREAM if code in self.files else self.media
                response["content"] = {media: {"schema": bodies[code]}}
            responses[code] = response
        return responses

    def _implied_success(self, errors_only: bool) -> None:
        """An operation answers a request that succeeds even where its page gives no code
        for that (no status code at all, or error codes and error bodies only)."""
        method = self.page.endpoints[0].method
        code = "204" if method == "DELETE" and self.page.response_none else "200"
        what = "no success status code" if errors_only else "no status code"
        self.report(
            Code.STATUS_CODE_IMPLIED,
            f"{what} is documented; the operation answers {code}",
            Level.INFO,
            "",
        )
        self.codes[code] = ""

    def _linked_codes(self) -> list[str]:
        """The error codes of the pages the status sections link that the page does not
        give itself; a link that leads to no such code is said."""
        if self.shared is None or not self.page.status_links:
            return []
        codes, idle = self.shared.error_codes(self.page.status_links)
        for link in idle:
            self.report(
                Code.STATUS_CODE_UNREAD,
                f"a status section links {link.page!r} ({link.text!r}), which lists no error "
                "status code",
                Level.INFO,
                "",
            )
        return [code for code in codes if code not in self.codes]

    def _description(self, code: str) -> str:
        if self.codes.get(code):
            return self.codes[code]
        if self.shared and code in self.linked:
            return self.shared.description(code)
        return http_phrase(code)

    def _bodies(self) -> dict[str, Schema]:
        if is_message_page(self.page):
            return self._message_body()
        bodies: dict[str, Schema] = {}
        implied: FieldTable | None = None
        error: FieldTable | None = None
        for table in self.page.tables:
            if table.role is not TableRole.RESPONSE_BODY:
                continue
            if table.status == ERROR_STATUS:
                error = table
            elif table.status:
                suffix = _body_suffix(table.status)
                bodies[table.status] = self._body(table, table.status, self.base + suffix)
            else:
                implied = table
        if error is None and self.page.response_links:
            linked, error = self.registry.pages.responses(self.page.response_links)
            if implied is None and not bodies:
                implied = linked
        if implied is not None:
            code = self._success_code(bodies)
            bodies[code] = self._body(implied, code, self.base + "Response")
        if error is not None:
            schema = self.registry.table_ref(error, self.base + "ErrorResponse", self.base)
            for code in self._error_codes(bodies, error):
                bodies[code] = schema
        return bodies

    def _body(self, table: FieldTable, code: str, hint: str) -> Schema:
        """A body's schema; a success body's examples may wrap its table in one key."""
        if is_file(table):
            self.files.add(code)
        if not code.startswith("2") or table.page != self.page.page:
            return self.registry.table_ref(table, hint, self.base)
        examples = body_examples(self.page, "response", code)
        told = report_inferred(self.report)
        text = body_text(self.page, table)
        return body_ref(self.registry, table, examples, (hint, self.base), told, text)

    def _message_body(self) -> dict[str, Schema]:
        """An HTTP-message page (S3 style): its body tables are one XML body."""
        xml = response_content(self.registry, self.page, self.base + "Response", self.base)
        if xml is None:
            return {}
        self.media = xml[0]
        success = sorted(c for c in self.codes if c.startswith("2") and c not in ("204", "205"))
        return {success[0] if success else "200": xml[1]}

    def _success_code(self, bodies: dict[str, Schema]) -> str:
        """The code of the fields documented without one: the first 2xx code the page
        lists, else its one other code that is no error ("Normal: 300", API versions)."""
        success = sorted(c for c in self.codes if c.startswith("2") and c not in bodies)
        normal = [c for c in self.codes if c[:1] in ("1", "3") and c not in (*bodies, "304")]
        success = success or (normal if len(normal) == 1 else [])
        if success:
            return success[0]
        self.report(
            Code.STATUS_CODE_IMPLIED,
            "response fields are documented without a status code; they are given to 200",
            Level.INFO,
            "",
        )
        return "200"

    def _error_codes(self, bodies: dict[str, Schema], error: FieldTable) -> list[str]:
        """The codes an error body without a code of its own answers: each error code the
        page lists (itself or on a page its status sections link) without a body, else
        ``default``."""
        own = [c for c in self.codes if is_error_code(c)]
        listed = sorted(c for c in (*own, *self.linked) if c not in bodies)
        if listed:
            return listed
        self.report(
            Code.ERROR_BODY_DEFAULT,
            "an error body without a status code, and no error code listed on the page: "
            "it is the `default` response",
            Level.INFO,
            error.caption or error.key,
        )
        return [ERROR_STATUS]

    def _headers(self, codes: list[str]) -> dict[str, dict[str, Any]]:
        """Response headers by code: a header table answers the code stated before it,
        else every success code."""
        found: dict[str, dict[str, Any]] = {}
        success = [c for c in codes if c.startswith("2")] or ["200"]
        for table in self.page.tables:
            if table.role is not TableRole.RESPONSE_HEADER:
                continue
            targets = [table.status] if table.status[:1].isdigit() else success
            for row in table.fields:
                if row.name.lower() in _IGNORED_RESPONSE_HEADERS:
                    continue
                schema = dict(value_schema(self.registry, table, row, self.counts))
                header: dict[str, Any] = {}
                description = schema.pop("description", "")
                if description:
                    header["description"] = description
                header["schema"] = schema
                for code in targets:
                    found.setdefault(code, {}).setdefault(row.name, header)
        return found
