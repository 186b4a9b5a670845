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

    Attributes:
        href: URL of the linked resource.
        rel: Relation of the link. Default: self
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    href: str | None = Field(default=None, description="URL of the linked resource.")

    rel: str | None = Field(default=None, description="Relation of the link.\nDefault: self")


class ApiVersion(BaseModel):
    """The ``ApiVersion`` schema.

    Source: ListApiVersions.html#ListApiVersions__response_ApiVersion

    Attributes:
        id_: Version ID, for example, v2.
        status: Version status. CURRENT is the recommended version; DEPRECATED versions will
        be removed. Enumeration values: CURRENT SUPPORTED DEPRECATED
        updated: Time when the version was last changed, in UTC. Format:
        yyyy-MM-ddTHH:mm:ssZ.
        links: Links to the version resource.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(
        default=None,
        validation_alias="id",
        serialization_alias="id",
        description="Version ID, for example, v2.",
    )

    status: ApiVersionStatus | None = Field(
        default=None,
        description=(
            "Version status. CURRENT is the recommended version; DEPRECATED versions "
            "will be removed.\n"
            "Enumeration values:\n"
            "CURRENT\n"
            "SUPPORTED\n"
            "DEPRECATED"
        ),
    )

    updated: str | None = Field(
        default=None,
        description="Time when the version was last changed, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ.",
    )

    links: list[Link] | None = Field(default=None, description="Links to the version resource.")


class Attachments(BaseModel):
    """The ``Attachments`` schema.

    Source: wss_api_0110.html#wss_api_0110__table_attachments

    Attributes:
        server_id: Specifies the ID of the server.
        device: Specifies the device name on the server, for example, /dev/vdb.
        attached_at: Specifies when the widget was attached, in UTC.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    server_id: str | None = Field(default=None, description="Specifies the ID of the server.")

    device: str | None = Field(
        default=None, description="Specifies the device name on the server, for example, /dev/vdb."
    )

    attached_at: str | None = Field(
        default=None, description="Specifies when the widget was attached, in UTC."
    )


class Dimensions(BaseModel):
    """The ``Dimensions`` schema.

    Source: CreateWidget.html#CreateWidget__request_Dimensions

    Attributes:
        width_mm: Width, in millimetres. Minimum: 1
        height_mm: Height, in millimetres. Minimum: 1
        depth_mm: Depth, in millimetres. Minimum: 1
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    width_mm: float = Field(description="Width, in millimetres.\nMinimum: 1")

    height_mm: float = Field(description="Height, in millimetres.\nMinimum: 1")

    depth_mm: float | None = Field(default=None, description="Depth, in millimetres.\nMinimum: 1")


class WidgetPart(BaseModel):
    """The ``WidgetPart`` schema.

    Source: CreateWidget.html#CreateWidget__request_WidgetPart

    Attributes:
        part_no: Sequence number of the part within the widget. Minimum: 1 Maximum: 16
        material: Material of the part. Enumeration values: steel aluminium polymer
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    part_no: int = Field(
        description="Sequence number of the part within the widget.\nMinimum: 1\nMaximum: 16"
    )

    material: WidgetPartMaterial = Field(
        description="Material of the part.\nEnumeration values:\nsteel\naluminium\npolymer"
    )

    dimensions: Dimensions | None = None


class CreateWidgetOption(BaseModel):
    """The ``CreateWidgetOption`` schema.

    Source: CreateWidget.html#CreateWidget__request_CreateWidgetOption

    Attributes:
        name: Widget name. It can contain letters, digits, hyphens (-), and underscores (_),
        and must be unique in the project. Minimum: 1 Maximum: 64
        description: Widget description. Maximum: 255
        size_gb: Capacity of the widget, in GB. Minimum: 1 Maximum: 1024
        class_: Storage class of the widget. cold and archive widgets cost less but take
        longer to mount. Enumeration values: standard cold archive Default: standard
        encrypted: Whether data in the widget is encrypted at rest. Default: false
        zones: AZs in which the parts of the widget are placed. Specify one AZ, or two AZs
        to spread the parts.
        labels: Labels to attach to the widget, as key-value pairs. A widget can carry up to
        10 labels.
        parts: Parts that make up the widget. Specify 1 to 16 parts.
        os_hint: Operating system family of the servers that will mount the widget. The
        service uses it to choose the default block size. Enumeration values: linux windows
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    name: str = Field(
        description=(
            "Widget name. It can contain letters, digits, hyphens (-), and underscores "
            "(_), and must be unique in the project.\n"
            "Minimum: 1\n"
            "Maximum: 64"
        )
    )

    description: str | None = Field(default=None, description="Widget description.\nMaximum: 255")

    size_gb: int = Field(description="Capacity of the widget, in GB.\nMinimum: 1\nMaximum: 1024")

    class_: CreateWidgetOptionClass | None = Field(
        default=None,
        validation_alias="class",
        serialization_alias="class",
        description=(
            "Storage class of the widget. cold and archive widgets cost less but take "
            "longer to mount.\n"
            "Enumeration values:\n"
            "standard\n"
            "cold\n"
            "archive\n"
            "Default: standard"
        ),
    )

    encrypted: bool | None = Field(
        default=None, description="Whether data in the widget is encrypted at rest.\nDefault: false"
    )

    zones: list[str] = Field(
        description=(
            "AZs in which the parts of the widget are placed. Specify one AZ, or two AZs "
            "to spread the parts."
        )
    )

    labels: dict[str, str] | None = Field(
        default=None,
        description="Labels to attach to the widget, as key-value pairs. A widget can carry up to 10 labels.",
    )

    parts: list[WidgetPart] = Field(
        description="Parts that make up the widget. Specify 1 to 16 parts."
    )

    os_hint: CreateWidgetOptionOsHint | None = Field(
        default=None,
        validation_alias="os:hint",
        serialization_alias="os:hint",
        description=(
            "Operating system family of the servers that will mount the widget. The "
            "service uses it to choose the default block size.\n"
            "Enumeration values:\n"
            "linux\n"
            "windows"
        ),
    )


class CreateWidgetRequestBody(BaseModel):
    """The ``CreateWidgetRequestBody`` schema.

    Source: CreateWidget.html#CreateWidget__request_CreateWidgetRequestBody

    Attributes:
        dry_run: Whether to only validate the request. If true, nothing is created and the
        response describes the widget that would be created. Default: false
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widget: CreateWidgetOption

    dry_run: bool | None = Field(
        default=None,
        description=(
            "Whether to only validate the request. If true, nothing is created and the "
            "response describes the widget that would be created.\n"
            "Default: false"
        ),
    )


class ShowWidgetDimensions(BaseModel):
    """The ``ShowWidgetDimensions`` schema.

    Source: ShowWidget.html#ShowWidget__response_Dimensions

    Attributes:
        width_mm: Width, in millimetres.
        height_mm: Height, in millimetres.
        depth_mm: Depth, in millimetres.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    width_mm: float | None = Field(default=None, description="Width, in millimetres.")

    height_mm: float | None = Field(default=None, description="Height, in millimetres.")

    depth_mm: float | None = Field(default=None, description="Depth, in millimetres.")


class Part(BaseModel):
    """The ``Part`` schema.

    Source: ShowWidget.html#ShowWidget__response_WidgetPart

    Attributes:
        part_no: Sequence number of the part within the widget. Minimum: 1 Maximum: 16
        material: Material of the part. Enumeration values: steel aluminium polymer
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    part_no: int | None = Field(
        default=None,
        description="Sequence number of the part within the widget.\nMinimum: 1\nMaximum: 16",
    )

    material: PartMaterial | None = Field(
        default=None,
        description="Material of the part.\nEnumeration values:\nsteel\naluminium\npolymer",
    )

    dimensions: ShowWidgetDimensions | None = None


class Widget(BaseModel):
    """The ``Widget`` schema.

    Source: CreateWidget.html#CreateWidget__response_Widget

    Attributes:
        id_: Widget ID.
        name: Widget name. Minimum: 1 Maximum: 64
        description: Widget description. Maximum: 255
        status: Widget status. A new widget stays CREATING until all of its parts are
        provisioned. Enumeration values: CREATING AVAILABLE IN_USE ERROR
        size_gb: Capacity of the widget, in GB. Minimum: 1 Maximum: 1024
        class_: Storage class of the widget. Enumeration values: standard cold archive
        encrypted: Whether data in the widget is encrypted at rest.
        zones: AZs in which the parts of the widget are placed.
        labels: Labels of the widget, as key-value pairs.
        parts: Parts that make up the widget.
        os_hint: Operating system family that was given as a hint when the widget was
        created. Enumeration values: linux windows
        created_at: Time when the widget was created, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ.
        updated_at: Time when the widget was last changed, in UTC. Format:
        yyyy-MM-ddTHH:mm:ssZ.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(
        default=None, validation_alias="id", serialization_alias="id", description="Widget ID."
    )

    name: str | None = Field(default=None, description="Widget name.\nMinimum: 1\nMaximum: 64")

    description: str | None = Field(default=None, description="Widget description.\nMaximum: 255")

    status: WidgetStatus | None = Field(
        default=None,
        description=(
            "Widget status. A new widget stays CREATING until all of its parts are "
            "provisioned.\n"
            "Enumeration values:\n"
            "CREATING\n"
            "AVAILABLE\n"
            "IN_USE\n"
            "ERROR"
        ),
    )

    size_gb: int | None = Field(
        default=None, description="Capacity of the widget, in GB.\nMinimum: 1\nMaximum: 1024"
    )

    class_: WidgetClass | None = Field(
        default=None,
        validation_alias="class",
        serialization_alias="class",
        description="Storage class of the widget.\nEnumeration values:\nstandard\ncold\narchive",
    )

    encrypted: bool | None = Field(
        default=None, description="Whether data in the widget is encrypted at rest."
    )

    zones: list[str] | None = Field(
        default=None, description="AZs in which the parts of the widget are placed."
    )

    labels: dict[str, str] | None = Field(
        default=None, description="Labels of the widget, as key-value pairs."
    )

    parts: list[Part] | None = Field(default=None, description="Parts that make up the widget.")

    os_hint: WidgetOsHint | None = Field(
        default=None,
        validation_alias="os:hint",
        serialization_alias="os:hint",
        description=(
            "Operating system family that was given as a hint when the widget was "
            "created.\n"
            "Enumeration values:\n"
            "linux\n"
            "windows"
        ),
    )

    created_at: str | None = Field(
        default=None,
        description="Time when the widget was created, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ.",
    )

    updated_at: str | None = Field(
        default=None,
        description="Time when the widget was last changed, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ.",
    )


class CreateWidgetResponse(BaseModel):
    """The ``CreateWidgetResponse`` schema.

    Source: CreateWidget.html#CreateWidget__response_CreateWidgetResponse

    Attributes:
        request_id: ID of the request, generated by the service.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widget: Widget | None = None

    request_id: str | None = Field(
        default=None, description="ID of the request, generated by the service."
    )


class Tags(BaseModel):
    """The ``Tags`` schema.

    Source: wss_api_0201.html#wss_api_0201__table_tags

    Attributes:
        key: Specifies the key of the tag. Up to 36 characters; keys must be unique per
        widget.
        value: Specifies the value of the tag. Up to 64 characters.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    key: str = Field(
        description="Specifies the key of the tag. Up to 36 characters; keys must be unique per widget."
    )

    value: str = Field(description="Specifies the value of the tag. Up to 64 characters.")


class CreateWidgetTagRequest(BaseModel):
    """The ``CreateWidgetTagRequest`` schema.

    Source: wss_api_0201.html#wss_api_0201__table_request

    Attributes:
        tags: Specifies the tags to add. A widget can have up to 10 tags. For details, see
        Table 3.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    tags: list[Tags] = Field(
        description="Specifies the tags to add. A widget can have up to 10 tags. For details, see Table 3."
    )


class ErrorResponse(BaseModel):
    """The ``ErrorResponse`` schema.

    Source: CreateWidget.html#CreateWidget__response_ErrorResponse

    Attributes:
        error_code: Service error code, for example, WSS.0404. Maximum: 16
        error_msg: Readable description of the error. Maximum: 512
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    error_code: str | None = Field(
        default=None, description="Service error code, for example, WSS.0404.\nMaximum: 16"
    )

    error_msg: str | None = Field(
        default=None, description="Readable description of the error.\nMaximum: 512"
    )


class ListApiVersionsResponse(BaseModel):
    """The ``ListApiVersionsResponse`` schema.

    Source: ListApiVersions.html#ListApiVersions__response_ListApiVersionsResponse

    Attributes:
        versions: API versions offered by the endpoint.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    versions: list[ApiVersion] | None = Field(
        default=None, description="API versions offered by the endpoint."
    )


class Widgets(BaseModel):
    """The ``Widgets`` schema.

    Source: wss_api_0110.html#wss_api_0110__table_widgets

    Attributes:
        id_: Specifies the widget ID.
        name: Specifies the widget name.
        status: Specifies the widget status. The value can be CREATING, AVAILABLE, IN_USE,
        or ERROR.
        size_gb: Specifies the capacity of the widget, in GB.
        attachments: Specifies the servers the widget is attached to. For details, see Table
        4.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(
        default=None,
        validation_alias="id",
        serialization_alias="id",
        description="Specifies the widget ID.",
    )

    name: str | None = Field(default=None, description="Specifies the widget name.")

    status: str | None = Field(
        default=None,
        description="Specifies the widget status. The value can be CREATING, AVAILABLE, IN_USE, or ERROR.",
    )

    size_gb: int | None = Field(
        default=None, description="Specifies the capacity of the widget, in GB."
    )

    attachments: list[Attachments] | None = Field(
        default=None,
        description="Specifies the servers the widget is attached to. For details, see Table 4.",
    )


class ListWidgetsDetailsResponse(BaseModel):
    """The ``ListWidgetsDetailsResponse`` schema.

    Source: wss_api_0110.html#wss_api_0110__table_response

    Attributes:
        widgets: Specifies the widgets placed in the AZ. For details, see Table 3.
        count: Specifies the number of returned widgets.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widgets: list[Widgets] | None = Field(
        default=None,
        description="Specifies the widgets placed in the AZ. For details, see Table 3.",
    )

    count: int | None = Field(default=None, description="Specifies the number of returned widgets.")


class PageInfo(BaseModel):
    """The ``PageInfo`` schema.

    Source: ListWidgets.html#ListWidgets__response_PageInfo

    Attributes:
        offset: Offset of the first widget on this page.
        limit: Page size that was applied.
        current_count: Number of widgets on this page.
        next_offset: Offset to request the next page with. Absent on the last page.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    offset: int | None = Field(default=None, description="Offset of the first widget on this page.")

    limit: int | None = Field(default=None, description="Page size that was applied.")

    current_count: int | None = Field(default=None, description="Number of widgets on this page.")

    next_offset: int | None = Field(
        default=None, description="Offset to request the next page with. Absent on the last page."
    )


class WidgetSummary(BaseModel):
    """The ``WidgetSummary`` schema.

    Source: ListWidgets.html#ListWidgets__response_WidgetSummary

    Attributes:
        id_: Widget ID.
        name: Widget name.
        status: Widget status. Enumeration values: CREATING AVAILABLE IN_USE ERROR
        size_gb: Capacity of the widget, in GB.
        class_: Storage class of the widget. Enumeration values: standard cold archive
        zones: AZs in which the parts of the widget are placed.
        labels: Labels of the widget.
        created_at: Time when the widget was created, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(
        default=None, validation_alias="id", serialization_alias="id", description="Widget ID."
    )

    name: str | None = Field(default=None, description="Widget name.")

    status: WidgetSummaryStatus | None = Field(
        default=None,
        description="Widget status.\nEnumeration values:\nCREATING\nAVAILABLE\nIN_USE\nERROR",
    )

    size_gb: int | None = Field(default=None, description="Capacity of the widget, in GB.")

    class_: WidgetSummaryClass | None = Field(
        default=None,
        validation_alias="class",
        serialization_alias="class",
        description="Storage class of the widget.\nEnumeration values:\nstandard\ncold\narchive",
    )

    zones: list[str] | None = Field(
        default=None, description="AZs in which the parts of the widget are placed."
    )

    labels: dict[str, str] | None = Field(default=None, description="Labels of the widget.")

    created_at: str | None = Field(
        default=None,
        description="Time when the widget was created, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ.",
    )


class ListWidgetsResponse(BaseModel):
    """The ``ListWidgetsResponse`` schema.

    Source: ListWidgets.html#ListWidgets__response_ListWidgetsResponse

    Attributes:
        widgets: Widgets on the requested page.
        count: Total number of widgets that match the filters.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widgets: list[WidgetSummary] | None = Field(
        default=None, description="Widgets on the requested page."
    )

    page_info: PageInfo | None = None

    count: int | None = Field(
        default=None, description="Total number of widgets that match the filters."
    )


class ShowWidgetResponse(BaseModel):
    """The ``ShowWidgetResponse`` schema.

    Source: ShowWidget.html#ShowWidget__response_ShowWidgetResponse
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widget: Widget | None = None


class UpdateWidgetOption(BaseModel):
    """The ``UpdateWidgetOption`` schema.

    Source: UpdateWidget.html#UpdateWidget__request_UpdateWidgetOption

    Attributes:
        name: New widget name. Minimum: 1 Maximum: 64
        description: New widget description. Maximum: 255
        size_gb: New capacity, in GB. The capacity can only grow. Minimum: 1 Maximum: 1024
        labels: Labels of the widget. The given map replaces all existing labels; an empty
        map removes them.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    name: str | None = Field(default=None, description="New widget name.\nMinimum: 1\nMaximum: 64")

    description: str | None = Field(
        default=None, description="New widget description.\nMaximum: 255"
    )

    size_gb: int | None = Field(
        default=None,
        description="New capacity, in GB. The capacity can only grow.\nMinimum: 1\nMaximum: 1024",
    )

    labels: dict[str, str] | None = Field(
        default=None,
        description=(
            "Labels of the widget. The given map replaces all existing labels; an empty "
            "map removes them."
        ),
    )


class UpdateWidgetRequestBody(BaseModel):
    """The ``UpdateWidgetRequestBody`` schema.

    Source: UpdateWidget.html#UpdateWidget__request_UpdateWidgetRequestBody
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    widget: UpdateWidgetOption


class UpdateWidgetResponse(BaseModel):
    """The ``UpdateWidgetResponse`` schema.

    Source: UpdateWidget.html#UpdateWidget__response_UpdateWidgetResponse

    Attributes:
        id_: Widget ID.
        name: Widget name.
        description: Widget description.
        size_gb: Capacity of the widget, in GB.
        labels: Labels of the widget.
        updated_at: Time when the widget was last changed, in UTC. Format:
        yyyy-MM-ddTHH:mm:ssZ.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(
        default=None, validation_alias="id", serialization_alias="id", description="Widget ID."
    )

    name: str | None = Field(default=None, description="Widget name.")

    description: str | None = Field(default=None, description="Widget description.")

    size_gb: int | None = Field(default=None, description="Capacity of the widget, in GB.")

    labels: dict[str, str] | None = Field(default=None, description="Labels of the widget.")

    updated_at: str | None = Field(
        default=None,
        description="Time when the widget was last changed, in UTC. Format: yyyy-MM-ddTHH:mm:ssZ.",
    )
