"""The scraper's own model: what a page says, in document terms (no OpenAPI here).

Two levels: a :class:`Page` is the format-neutral shape of one HTML page (sections, tables,
paragraphs, code blocks); an :class:`ApiPage` is what such a page documents about an API
(endpoints, parameter and field tables with their roles, status codes, examples).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from doc2openapi.diagnostics import Diagnostic


class PageFormat(enum.StrEnum):
    EXPORT = "export"
    PORTAL = "portal"


@dataclass(frozen=True, slots=True)
class Link:
    """A link as written, resolved to a page key (``""`` for outside the tree) and fragment."""

    page: str
    fragment: str
    text: str
    external: bool = False


@dataclass(frozen=True, slots=True)
class TextLine:
    """One block of text inside a cell or section: a paragraph or a list item."""

    text: str
    in_list: bool = False
    strong: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Cell:
    lines: tuple[TextLine, ...]
    links: tuple[Link, ...] = ()

    @property
    def text(self) -> str:
        if len(self.lines) == 1:
            return self.lines[0].text
        return " ".join(line.text for line in self.lines if line.text)


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    key: str
    """Stable name of the table within its page: its first anchor, else ``table-N``."""
    anchors: tuple[str, ...]
    number: str
    """The document's own number ("4" in "Table 4"), or ``""``."""
    caption: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    section_anchors: tuple[str, ...] = ()
    """Anchors of the document sections around the table: a link to such a section means
    the table in it."""
    lead_anchors: tuple[str, ...] = ()
    """Anchors of the elements between the previous table (or heading) and this one, such
    as the labelling paragraph "Parameters in the volume field": a link to one of them
    means the next table, as a reader following it sees."""
    header_from_cells: bool = False
    """The header is a first row of ``<td>`` cells that name columns (no ``<thead>`` or
    ``<th>`` row): a row of the HTML that is no data row."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    links: tuple[Link, ...] = ()
    strong: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CodeBlock:
    text: str


Block = Paragraph | Table | CodeBlock


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Page:
    key: str
    """Path of the page relative to the folder it was read from, with ``/`` separators."""
    format: PageFormat
    title: str
    topic_anchor: str
    breadcrumbs: tuple[str, ...]
    sections: tuple[Section, ...]
    diagnostics: tuple[Diagnostic, ...] = ()

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]


# ---------------------------------------------------------------------------- API level


class TableRole(enum.StrEnum):
    PATH = "path"
    QUERY = "query"
    HEADER = "header"
    REQUEST_BODY = "request_body"
    RESPONSE_BODY = "response_body"
    RESPONSE_HEADER = "response_header"
    """Headers of the response (of the status stated before the table, else the success)."""
    SCHEMA = "schema"
    """A table reached only through links from other tables (a nested object)."""
    CREDENTIALS = "credentials"
    """Query parameters that authenticate any request of the service (a presigned URL's),
    on a page about authentication (see :mod:`doc2openapi.scraper.credentials`)."""
    REQUEST_VARIANT = "request_variant"
    """The request body for one value of a body field ("5: DistCp ... see Table 3"): an
    alternative to the request body table."""
    UNPLACED = "unplaced"


class Requirement(enum.StrEnum):
    REQUIRED = "required"
    OPTIONAL = "optional"
    UNSTATED = "unstated"


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One documented parameter or field: a row of a parameter table."""

    name: str
    requirement: Requirement
    type_text: str
    """The Type cell as written (``""`` where the table has no Type column)."""
    type_links: tuple[Link, ...]
    description: tuple[TextLine, ...]
    description_links: tuple[Link, ...]
    row: int
    """The row's number in its table; 0 for a field no row lists (added from an example)."""
    name_links: tuple[Link, ...] = ()
    """Links in the other cells, the name cell above all (``auth`` linking its table)."""


@dataclass(frozen=True, slots=True)
class FieldTable:
    page: str
    key: str
    anchors: tuple[str, ...]
    number: str
    caption: str
    section: str
    role: TableRole
    status: str
    """The status code stated before a response table (``""`` where none is;
    ``default`` for an error body given without a code)."""
    fields: tuple[FieldRow, ...]
    failed_rows: int = 0
    """Rows that could not be read as a field (each one also has a diagnostic)."""
    section_anchors: tuple[str, ...] = ()
    lead_anchors: tuple[str, ...] = ()
    label: str = ""
    """The paragraph just before a table without a caption, which names it ("Parameters
    in the volume field", "auth.identity")."""


@dataclass(frozen=True, slots=True)
class TableTally:
    """The rows of a page's tables that are not fields, so that every data row of every
    table is counted: with the rows of its field tables (counted as fields by the spec)
    these add up to every row below a header."""

    status_rows: int = 0
    """Rows of status-code tables of an API page (read as the operation's responses)."""
    rows_not_fields: int = 0
    """Rows of tables that list no fields (see ``columns.lists_no_fields``)."""
    tables_not_fields: int = 0
    blank_rows: int = 0
    """Rows of field tables with no text in any cell."""
    header_rows: int = 0
    """First rows of ``<td>`` cells read as a table's header (see ``Table.header_from_cells``)."""
    fields_not_rows: int = 0
    """Fields counted beyond the rows that list them: a field no row lists, added from the
    page's example (``FieldRow.row`` 0), and each further name of a row whose name cell
    names several fields."""

    def __add__(self, other: TableTally) -> TableTally:
        return TableTally(
            self.status_rows + other.status_rows,
            self.rows_not_fields + other.rows_not_fields,
            self.tables_not_fields + other.tables_not_fields,
            self.blank_rows + other.blank_rows,
            self.header_rows + other.header_rows,
            self.fields_not_rows + other.fields_not_rows,
        )

    @property
    def rows_besides_fields(self) -> int:
        """Data rows of the page's tables that are not counted as fields."""
        return self.status_rows + self.rows_not_fields + self.blank_rows + self.header_rows


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    path: str
    query: tuple[str, ...] = ()
    """Query parameter names written in the URI itself (``?a={a}&b={b}``)."""
    subresources: tuple[str, ...] = ()
    """Query names written without a value (``PUT /?acl``): they select the operation."""
    host: str = ""
    """The Host line of a request written as an HTTP message (``bucketname.obs.region...``)."""
    selectors: tuple[str, ...] = ()
    """Query names the request line gives a number, as ``name=number`` (``?list-type=2``):
    they select a version of the path's operation."""


@dataclass(frozen=True, slots=True)
class StatusCode:
    code: str
    description: str


@dataclass(frozen=True, slots=True)
class Example:
    kind: str
    """``request`` or ``response``."""
    status: str
    text: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class XmlElement:
    """One element of an XML body as a syntax block sketches it (values are placeholders)."""

    name: str
    children: tuple[XmlElement, ...] = ()
    repeated: bool = False
    """The element occurs more than once among its siblings."""


@dataclass(frozen=True, slots=True)
class XmlBody:
    kind: str
    """``request`` or ``response``."""
    root: XmlElement


@dataclass(frozen=True, slots=True)
class UrlPart:
    """Where a placeholder sits in a URL line."""

    kind: str
    """``scheme``, ``host``, ``port``, ``path`` or ``query``."""
    label: int = 0
    """For the host and port: the dot-separated label of the host it is (or follows)."""
    labels: int = 0
    """For the host and port: how many labels the host has."""
    optional: bool = False
    """Written in square brackets (``[bucket.]``)."""


class ServiceTableKind(enum.StrEnum):
    """What a table of a page without operations states of every operation."""

    REQUEST_HEADERS = "request_headers"
    RESPONSE_HEADERS = "response_headers"
    ERROR_BODY = "error_body"
    URL_PARTS = "url_parts"
    """The placeholders of a URL template line (scheme, endpoint, path, query)."""


@dataclass(frozen=True, slots=True)
class ServiceTable:
    """A table that speaks for every operation of (a part of) the service."""

    kind: ServiceTableKind
    table: FieldTable
    groups: tuple[str, ...]
    """The groups above the page (its breadcrumbs): the part of the service it speaks for."""
    xml: XmlElement | None = None
    """The element tree of an XML sample before an error body table."""
    template: str = ""
    """The URL line whose parts the rows name."""
    parts: tuple[UrlPart, ...] = ()
    """Where each row sits in that URL line (in row order)."""


@dataclass(frozen=True, slots=True)
class ApiPage:
    page: str
    format: PageFormat
    title: str
    operation_anchor: str
    description: str
    breadcrumbs: tuple[str, ...]
    endpoints: tuple[Endpoint, ...]
    tables: tuple[FieldTable, ...]
    status_codes: tuple[StatusCode, ...]
    examples: tuple[Example, ...]
    response_none: bool
    """The page documents the response as "None" (no body)."""
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    xml_bodies: tuple[XmlBody, ...] = ()
    """Bodies a syntax block gives as XML: the element tables then describe them."""
    request_media_type: str = ""
    """The request body's media type a syntax block states (``""``: none, or JSON)."""
    response_links: tuple[Link, ...] = ()
    """Links of a response section that holds no table ("See Responses (Task)."): the
    response is documented on the linked page."""
    tally: TableTally = field(default_factory=TableTally)
    """The rows of the page's tables that are not fields."""
    status_links: tuple[Link, ...] = ()
    """Links of the status and error sections ("See Returned Values for General Requests."):
    the linked page lists status codes the operation answers."""
