"""Data models of WSS API."""

from __future__ import annotations

import enum

from pydantic import BaseModel, ConfigDict, Field


class ApiVersionStatus(enum.StrEnum):
    """Version status. CURRENT is the recommended version; DEPRECATED versions will be removed.
    Enumeration values:
    CURRENT
    SUPPORTED
    DEPRECATED

    Source: ListApiVersions.html#ListApiVersions__response_ApiVersion
    """

    CURRENT = "CURRENT"
    SUPPORTED = "SUPPORTED"
    DEPRECATED = "DEPRECATED"


class CreateWidgetOptionClass(enum.StrEnum):
    """Storage class of the widget. cold and archive widgets cost less but take longer to
    mount.
    Enumeration values:
    standard
    cold
    archive
    Default: standard

    Source: CreateWidget.html#CreateWidget__request_CreateWidgetOption
    """

    STANDARD = "standard"
    COLD = "cold"
    ARCHIVE = "archive"


class CreateWidgetOptionOsHint(enum.StrEnum):
    """Operating system family of the servers that will mount the widget. The service uses it
    to choose the default block size.
    Enumeration values:
    linux
    windows

    Source: CreateWidget.html#CreateWidget__request_CreateWidgetOption
    """

    LINUX = "linux"
    WINDOWS = "windows"


class ListWidgetsStatus(enum.StrEnum):
    """Values of the schema at ``/paths/~1v2~1{project_id}~1widgets/get/parameters/4/schema``
    of the API document.

    Source: ListWidgets.html#table-2
    """

    CREATING = "CREATING"
    AVAILABLE = "AVAILABLE"
    IN_USE = "IN_USE"
    ERROR = "ERROR"


class PartMaterial(enum.StrEnum):
    """Material of the part.
    Enumeration values:
    steel
    aluminium
    polymer

    Source: ShowWidget.html#ShowWidget__response_WidgetPart
    """

    STEEL = "steel"
    ALUMINIUM = "aluminium"
    POLYMER = "polymer"


class WidgetClass(enum.StrEnum):
    """Storage class of the widget.
    Enumeration values:
    standard
    cold
    archive

    Source: CreateWidget.html#CreateWidget__response_Widget
    """

    STANDARD = "standard"
    COLD = "cold"
    ARCHIVE = "archive"


class WidgetOsHint(enum.StrEnum):
    """Operating system family that was given as a hint when the widget was created.
    Enumeration values:
    linux
    windows

    Source: CreateWidget.html#CreateWidget__response_Widget
    """

    LINUX = "linux"
    WINDOWS = "windows"


class WidgetPartMaterial(enum.StrEnum):
    """Material of the part.
    Enumeration values:
    steel
    aluminium
    polymer

    Source: CreateWidget.html#CreateWidget__request_WidgetPart
    """

    STEEL = "steel"
    ALUMINIUM = "aluminium"
    POLYMER = "polymer"


class WidgetStatus(enum.StrEnum):
    """Widget status. A new widget stays CREATING until all of its parts are provisioned.
    Enumeration values:
    CREATING
    AVAILABLE
    IN_USE
    ERROR

    Source: CreateWidget.html#CreateWidget__response_Widget
    """

    CREATING = "CREATING"
    AVAILABLE = "AVAILABLE"
    IN_USE = "IN_USE"
    ERROR = "ERROR"


class WidgetSummaryClass(enum.StrEnum):
    """Storage class of the widget.
    Enumeration values:
    standard
    cold
    archive

    Source: ListWidgets.html#ListWidgets__response_WidgetSummary
    """

    STANDARD = "standard"
    COLD = "cold"
    ARCHIVE = "archive"


class WidgetSummaryStatus(enum.StrEnum):
    """Widget status.
    Enumeration values:
    CREATING
    AVAILABLE
    IN_USE
    ERROR

    Source: ListWidgets.html#ListWidgets__response_WidgetSummary
    """

    CREATING = "CREATING"
    AVAILABLE = "AVAILABLE"
    IN_USE = "IN_USE"
    ERROR = "ERROR"


class Link(BaseModel):
    """The ``Link`` schema.

    Source: ListApiVersions.html#ListApiVersions__response_Link
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    href: str | None = None
    """URL of the linked resource."""

    rel: str | None = None
    """Relation of the link.
    Default: self
    """


class ApiVersion(BaseModel):
    """The ``ApiVersion`` schema.

    Source: ListApiVersions.html#ListApiVersions__response_ApiVersion
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(default=None, validation_alias="id", serialization_alias="id")
    """Version ID, for example, v2."""

    status: ApiVersionStatus | None = None
    """Version status. CURRENT is the recommended version; DEPRECATED versions will be removed.
    Enumeration values:
    CURRENT
    SUPPORTED
    DEPRECATED
    """

    updated: str | None = None
    """Time when the version was last changed, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ."""

    links: list[Link] | None = None
    """Links to the version resource."""


class Attachments(BaseModel):
    """The ``Attachments`` schema.

    Source: wss_api_0110.html#wss_api_0110__table_attachments
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    server_id: str | None = None
    """Specifies the ID of the server."""

    device: str | None = None
    """Specifies the device name on the server, for example, /dev/vdb."""

    attached_at: str | None = None
    """Specifies when the widget was attached, in UTC."""


class Dimensions(BaseModel):
    """The ``Dimensions`` schema.

    Source: CreateWidget.html#CreateWidget__request_Dimensions
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    width_mm: float
    """Width, in millimetres.
    Minimum: 1
    """

    height_mm: float
    """Height, in millimetres.
    Minimum: 1
    """

    depth_mm: float | None = None
    """Depth, in millimetres.
    Minimum: 1
    """


class WidgetPart(BaseModel):
    """The ``WidgetPart`` schema.

    Source: CreateWidget.html#CreateWidget__request_WidgetPart
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    part_no: int
    """Sequence number of the part within the widget.
    Minimum: 1
    Maximum: 16
    """

    material: WidgetPartMaterial
    """Material of the part.
    Enumeration values:
    steel
    aluminium
    polymer
    """

    dimensions: Dimensions | None = None


class CreateWidgetOption(BaseModel):
    """The ``CreateWidgetOption`` schema.

    Source: CreateWidget.html#CreateWidget__request_CreateWidgetOption
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    name: str
    """Widget name. It can contain letters, digits, hyphens (-), and underscores (_), and must
    be unique in the project.
    Minimum: 1
    Maximum: 64
    """

    description: str | None = None
    """Widget description.
    Maximum: 255
    """

    size_gb: int
    """Capacity of the widget, in GB.
    Minimum: 1
    Maximum: 1024
    """

    class_: CreateWidgetOptionClass | None = Field(
        default=None, validation_alias="class", serialization_alias="class"
    )
    """Storage class of the widget. cold and archive widgets cost less but take longer to
    mount.
    Enumeration values:
    standard
    cold
    archive
    Default: standard
    """

    encrypted: bool | None = None
    """Whether data in the widget is encrypted at rest.
    Default: false
    """

    zones: list[str]
    """AZs in which the parts of the widget are placed. Specify one AZ, or two AZs to spread
    the parts.
    """

    labels: dict[str, str] | None = None
    """Labels to attach to the widget, as key-value pairs. A widget can carry up to 10 labels."""

    parts: list[WidgetPart]
    """Parts that make up the widget. Specify 1 to 16 parts."""

    os_hint: CreateWidgetOptionOsHint | None = Field(
        default=None, validation_alias="os:hint", serialization_alias="os:hint"
    )
    """Operating system family of the servers that will mount the widget. The service uses it
    to choose the default block size.
    Enumeration values:
    linux
    windows
    """


class CreateWidgetRequestBody(BaseModel):
    """The ``CreateWidgetRequestBody`` schema.

    Source: CreateWidget.html#CreateWidget__request_CreateWidgetRequestBody
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widget: CreateWidgetOption

    dry_run: bool | None = None
    """Whether to only validate the request. If true, nothing is created and the response
    describes the widget that would be created.
    Default: false
    """


class ShowWidgetDimensions(BaseModel):
    """The ``ShowWidgetDimensions`` schema.

    Source: ShowWidget.html#ShowWidget__response_Dimensions
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    width_mm: float | None = None
    """Width, in millimetres."""

    height_mm: float | None = None
    """Height, in millimetres."""

    depth_mm: float | None = None
    """Depth, in millimetres."""


class Part(BaseModel):
    """The ``Part`` schema.

    Source: ShowWidget.html#ShowWidget__response_WidgetPart
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    part_no: int | None = None
    """Sequence number of the part within the widget.
    Minimum: 1
    Maximum: 16
    """

    material: PartMaterial | None = None
    """Material of the part.
    Enumeration values:
    steel
    aluminium
    polymer
    """

    dimensions: ShowWidgetDimensions | None = None


class Widget(BaseModel):
    """The ``Widget`` schema.

    Source: CreateWidget.html#CreateWidget__response_Widget
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(default=None, validation_alias="id", serialization_alias="id")
    """Widget ID."""

    name: str | None = None
    """Widget name.
    Minimum: 1
    Maximum: 64
    """

    description: str | None = None
    """Widget description.
    Maximum: 255
    """

    status: WidgetStatus | None = None
    """Widget status. A new widget stays CREATING until all of its parts are provisioned.
    Enumeration values:
    CREATING
    AVAILABLE
    IN_USE
    ERROR
    """

    size_gb: int | None = None
    """Capacity of the widget, in GB.
    Minimum: 1
    Maximum: 1024
    """

    class_: WidgetClass | None = Field(
        default=None, validation_alias="class", serialization_alias="class"
    )
    """Storage class of the widget.
    Enumeration values:
    standard
    cold
    archive
    """

    encrypted: bool | None = None
    """Whether data in the widget is encrypted at rest."""

    zones: list[str] | None = None
    """AZs in which the parts of the widget are placed."""

    labels: dict[str, str] | None = None
    """Labels of the widget, as key-value pairs."""

    parts: list[Part] | None = None
    """Parts that make up the widget."""

    os_hint: WidgetOsHint | None = Field(
        default=None, validation_alias="os:hint", serialization_alias="os:hint"
    )
    """Operating system family that was given as a hint when the widget was created.
    Enumeration values:
    linux
    windows
    """

    created_at: str | None = None
    """Time when the widget was created, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ."""

    updated_at: str | None = None
    """Time when the widget was last changed, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ."""


class CreateWidgetResponse(BaseModel):
    """The ``CreateWidgetResponse`` schema.

    Source: CreateWidget.html#CreateWidget__response_CreateWidgetResponse
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widget: Widget | None = None

    request_id: str | None = None
    """ID of the request, generated by the service."""


class Tags(BaseModel):
    """The ``Tags`` schema.

    Source: wss_api_0201.html#wss_api_0201__table_tags
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    key: str
    """Specifies the key of the tag. Up to 36 characters; keys must be unique per widget."""

    value: str
    """Specifies the value of the tag. Up to 64 characters."""


class CreateWidgetTagRequest(BaseModel):
    """The ``CreateWidgetTagRequest`` schema.

    Source: wss_api_0201.html#wss_api_0201__table_request
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    tags: list[Tags]
    """Specifies the tags to add. A widget can have up to 10 tags. For details, see Table 3."""


class ErrorResponse(BaseModel):
    """The ``ErrorResponse`` schema.

    Source: CreateWidget.html#CreateWidget__response_ErrorResponse
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    error_code: str | None = None
    """Service error code, for example, WSS.0404.
    Maximum: 16
    """

    error_msg: str | None = None
    """Readable description of the error.
    Maximum: 512
    """


class ListApiVersionsResponse(BaseModel):
    """The ``ListApiVersionsResponse`` schema.

    Source: ListApiVersions.html#ListApiVersions__response_ListApiVersionsResponse
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    versions: list[ApiVersion] | None = None
    """API versions offered by the endpoint."""


class Widgets(BaseModel):
    """The ``Widgets`` schema.

    Source: wss_api_0110.html#wss_api_0110__table_widgets
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(default=None, validation_alias="id", serialization_alias="id")
    """Specifies the widget ID."""

    name: str | None = None
    """Specifies the widget name."""

    status: str | None = None
    """Specifies the widget status. The value can be CREATING, AVAILABLE, IN_USE, or ERROR."""

    size_gb: int | None = None
    """Specifies the capacity of the widget, in GB."""

    attachments: list[Attachments] | None = None
    """Specifies the servers the widget is attached to. For details, see Table 4."""


class ListWidgetsDetailsResponse(BaseModel):
    """The ``ListWidgetsDetailsResponse`` schema.

    Source: wss_api_0110.html#wss_api_0110__table_response
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widgets: list[Widgets] | None = None
    """Specifies the widgets placed in the AZ. For details, see Table 3."""

    count: int | None = None
    """Specifies the number of returned widgets."""


class PageInfo(BaseModel):
    """The ``PageInfo`` schema.

    Source: ListWidgets.html#ListWidgets__response_PageInfo
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    offset: int | None = None
    """Offset of the first widget on this page."""

    limit: int | None = None
    """Page size that was applied."""

    current_count: int | None = None
    """Number of widgets on this page."""

    next_offset: int | None = None
    """Offset to request the next page with. Absent on the last page."""


class WidgetSummary(BaseModel):
    """The ``WidgetSummary`` schema.

    Source: ListWidgets.html#ListWidgets__response_WidgetSummary
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(default=None, validation_alias="id", serialization_alias="id")
    """Widget ID."""

    name: str | None = None
    """Widget name."""

    status: WidgetSummaryStatus | None = None
    """Widget status.
    Enumeration values:
    CREATING
    AVAILABLE
    IN_USE
    ERROR
    """

    size_gb: int | None = None
    """Capacity of the widget, in GB."""

    class_: WidgetSummaryClass | None = Field(
        default=None, validation_alias="class", serialization_alias="class"
    )
    """Storage class of the widget.
    Enumeration values:
    standard
    cold
    archive
    """

    zones: list[str] | None = None
    """AZs in which the parts of the widget are placed."""

    labels: dict[str, str] | None = None
    """Labels of the widget."""

    created_at: str | None = None
    """Time when the widget was created, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ."""


class ListWidgetsResponse(BaseModel):
    """The ``ListWidgetsResponse`` schema.

    Source: ListWidgets.html#ListWidgets__response_ListWidgetsResponse
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widgets: list[WidgetSummary] | None = None
    """Widgets on the requested page."""

    page_info: PageInfo | None = None

    count: int | None = None
    """Total number of widgets that match the filters."""


class ShowWidgetResponse(BaseModel):
    """The ``ShowWidgetResponse`` schema.

    Source: ShowWidget.html#ShowWidget__response_ShowWidgetResponse
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widget: Widget | None = None


class UpdateWidgetOption(BaseModel):
    """The ``UpdateWidgetOption`` schema.

    Source: UpdateWidget.html#UpdateWidget__request_UpdateWidgetOption
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    name: str | None = None
    """New widget name.
    Minimum: 1
    Maximum: 64
    """

    description: str | None = None
    """New widget description.
    Maximum: 255
    """

    size_gb: int | None = None
    """New capacity, in GB. The capacity can only grow.
    Minimum: 1
    Maximum: 1024
    """

    labels: dict[str, str] | None = None
    """Labels of the widget. The given map replaces all existing labels; an empty map removes
    them.
    """


class UpdateWidgetRequestBody(BaseModel):
    """The ``UpdateWidgetRequestBody`` schema.

    Source: UpdateWidget.html#UpdateWidget__request_UpdateWidgetRequestBody
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widget: UpdateWidgetOption


class UpdateWidgetResponse(BaseModel):
    """The ``UpdateWidgetResponse`` schema.

    Source: UpdateWidget.html#UpdateWidget__response_UpdateWidgetResponse
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(default=None, validation_alias="id", serialization_alias="id")
    """Widget ID."""

    name: str | None = None
    """Widget name."""

    description: str | None = None
    """Widget description."""

    size_gb: int | None = None
    """Capacity of the widget, in GB."""

    labels: dict[str, str] | None = None
    """Labels of the widget."""

    updated_at: str | None = None
    """Time when the widget was last changed, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ."""
