"""Clients for WSS API: one method per operation."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Self

import httpx

from . import _runtime, errors, models
from .config import ClientConfig
from .response import ApiResponse


class Client:
    """Synchronous client for WSS API.

    Use it as a context manager, or call ``close()`` when done.
    """

    def __init__(
        self,
        config: ClientConfig | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._config = config if config is not None else ClientConfig()
        self._http = httpx.Client(
            base_url=self._config.resolved_base_url(),
            auth=self._config.request_auth(),
            timeout=self._config.timeout,
            headers=dict(self._config.headers),
            transport=transport,
        )

    @property
    def config(self) -> ClientConfig:
        """The configuration of this client."""
        return self._config

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _send(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, str | list[str]] | None,
        headers: Mapping[str, str] | None,
        json: object,
        extra_headers: Mapping[str, str] | None,
    ) -> httpx.Response:
        """Send a request, and send it again as the retry policy says."""
        if extra_headers:
            headers = {**(headers or {}), **extra_headers}
        attempt = 0
        while True:
            response = self._http.request(method, url, params=params, headers=headers, json=json)
            delay = self._config.retry.delay(method, response, attempt)
            if delay is None:
                return response
            response.close()
            time.sleep(delay)
            attempt += 1

    def list_api_versions(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListApiVersionsResponse | httpx.Response:
        """Querying API Versions.

        This API is used to query the API versions offered by the WSS endpoint. It does not
        require a token.

        ``GET /``

        Args:
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The versions are returned.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: A parameter is missing or has an invalid value.
            errors.UnauthorizedError: Authentication failed.
            errors.NotFoundError: The widget does not exist.
            errors.ConflictError: The widget is attached to a server.
            errors.InternalServerError: The service failed to process the request because of an
            internal fault.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.list_api_versions_raw(
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def list_api_versions_raw(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ListApiVersionsResponse | httpx.Response]:
        """``list_api_versions``, returning the whole response: an ``ApiResponse`` with the status
        code, headers and content, and ``parsed``, what ``list_api_versions`` returns.
        """
        _response = self._send(
            "GET",
            "/",
            params=None,
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.ListApiVersionsResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response, {400: None, 401: None, 404: None, 409: None, 500: models.ErrorResponse}
        )

    def list_widgets_details(
        self,
        *,
        zone: str,
        from_: str | None = None,
        limit: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListWidgetsDetailsResponse | httpx.Response:
        """Querying Widgets in an AZ.

        This API is used to query the widgets placed in an availability zone (AZ), together with
        the servers they are attached to.

        ``GET /v1/{project_id}/widgets/detail``

        Args:
            zone: Specifies the AZ name, for example, eu-west-1a.
            from_: Specifies the start of the creation time window, in UTC. Only widgets created
            at or after this time are returned. Format: yyyy-MM-ddTHH:mm:ssZ
            limit: Specifies the maximum number of widgets to return. The value ranges from 1 to
            200. The default value is 50.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: OK
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: Bad Request
            errors.NotFoundError: Not Found
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.list_widgets_details_raw(
            zone=zone,
            from_=from_,
            limit=limit,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def list_widgets_details_raw(
        self,
        *,
        zone: str,
        from_: str | None = None,
        limit: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ListWidgetsDetailsResponse | httpx.Response]:
        """``list_widgets_details``, returning the whole response: an ``ApiResponse`` with the
        status code, headers and content, and ``parsed``, what ``list_widgets_details`` returns.
        """
        _response = self._send(
            "GET",
            _runtime.expand_path(
                "/v1/{project_id}/widgets/detail", {"project_id": self._config.require_project_id()}
            ),
            params=_runtime.query_params({"zone": zone, "from": from_, "limit": limit}),
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.ListWidgetsDetailsResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {400: None, 404: None})

    def create_widget_tag(
        self,
        *,
        widget_id: str,
        body: models.CreateWidgetTagRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Response | None:
        """Adding Tags to a Widget.

        This API is used to add tags to a widget.

        This API has been discarded and will be removed together with API version v1. Set the
        labels field with UpdateWidget instead.

        Deprecated: the API documents this operation as deprecated.

        ``POST /v1/{project_id}/widgets/{widget_id}/tags``

        Args:
            widget_id: Specifies the widget ID.
            body: The request body. A mapping is sent as it is (wire names).
            extra_headers: Headers for this request only; they override all others.

        Returns:
            204: No Content
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: Bad Request
            errors.NotFoundError: Not Found
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.create_widget_tag_raw(
            widget_id=widget_id,
            body=body,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def create_widget_tag_raw(
        self,
        *,
        widget_id: str,
        body: models.CreateWidgetTagRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[httpx.Response | None]:
        """``create_widget_tag``, returning the whole response: an ``ApiResponse`` with the status
        code, headers and content, and ``parsed``, what ``create_widget_tag`` returns.
        """
        _response = self._send(
            "POST",
            _runtime.expand_path(
                "/v1/{project_id}/widgets/{widget_id}/tags",
                {"project_id": self._config.require_project_id(), "widget_id": widget_id},
            ),
            params=None,
            headers=None,
            json=_runtime.encode_json(body, Any),
            extra_headers=extra_headers,
        )
        if _response.status_code == 204:
            return ApiResponse(_response, None)
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {400: None, 404: None})

    def list_widgets(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        name: str | None = None,
        status: models.ListWidgetsStatus | None = None,
        zone: list[str] | None = None,
        include_deleted: bool | None = None,
        x_client_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListWidgetsResponse | httpx.Response:
        """Listing Widgets.

        This API is used to list the widgets of a project, one page at a time. Use offset and
        limit to move through the pages; the other query parameters narrow down the result.

        ``GET /v2/{project_id}/widgets``

        Args:
            offset: Index of the first widget to return. Counting starts at 0. Minimum: 0
            Default: 0
            limit: Maximum number of widgets returned on one page. Minimum: 1 Maximum: 500
            Default: 100
            name: Widget name. Widgets whose name contains this value are returned. Maximum: 64
            status: Widget status. Enumeration values: CREATING AVAILABLE IN_USE ERROR
            zone: AZ of the widgets. To filter by several AZs, repeat the parameter, for
            example, zone=eu-west-1a&zone=eu-west-1b.
            include_deleted: Whether widgets deleted during the last 24 hours are also returned.
            Default: false
            x_client_request_id: Request ID chosen by the caller. The service writes it to its
            access logs so that a call can be traced end to end. A UUID is recommended. Maximum:
            36
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The widgets on the page are returned.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: The request is invalid, for example, a parameter is out of
            range.
            errors.UnauthorizedError: The token is missing, invalid, or expired.
            errors.NotFoundError: The widget does not exist.
            errors.ConflictError: The widget is attached to a server.
            errors.InternalServerError: The service failed to process the request because of an
            internal fault.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.list_widgets_raw(
            offset=offset,
            limit=limit,
            name=name,
            status=status,
            zone=zone,
            include_deleted=include_deleted,
            x_client_request_id=x_client_request_id,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def list_widgets_raw(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        name: str | None = None,
        status: models.ListWidgetsStatus | None = None,
        zone: list[str] | None = None,
        include_deleted: bool | None = None,
        x_client_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ListWidgetsResponse | httpx.Response]:
        """``list_widgets``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``list_widgets`` returns.
        """
        _response = self._send(
            "GET",
            _runtime.expand_path(
                "/v2/{project_id}/widgets", {"project_id": self._config.require_project_id()}
            ),
            params=_runtime.query_params(
                {
                    "offset": offset,
                    "limit": limit,
                    "name": name,
                    "status": status,
                    "zone": zone,
                    "include_deleted": include_deleted,
                }
            ),
            headers=_runtime.header_params({"X-Client-Request-Id": x_client_request_id}),
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.ListWidgetsResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response,
            {
                400: models.ErrorResponse,
                401: models.ErrorResponse,
                404: None,
                409: None,
                500: models.ErrorResponse,
            },
        )

    def iter_list_widgets(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        name: str | None = None,
        status: models.ListWidgetsStatus | None = None,
        zone: list[str] | None = None,
        include_deleted: bool | None = None,
        x_client_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.WidgetSummary]:
        """Iterate over the items of ``list_widgets``, page after page.

        Pages by offset: each request passes the same arguments with ``offset`` moved past the
        items already returned; ``limit`` is the page size.
        """
        while True:
            _page = self.list_widgets(
                offset=offset,
                limit=limit,
                name=name,
                status=status,
                zone=zone,
                include_deleted=include_deleted,
                x_client_request_id=x_client_request_id,
                extra_headers=extra_headers,
            )
            if isinstance(_page, httpx.Response):
                raise errors.error_from_response(_page, {})
            _items = _page.widgets or []
            yield from _items
            if not _items or (limit is not None and len(_items) < limit):
                return
            offset = (offset or 0) + len(_items)

    def create_widget(
        self,
        *,
        body: models.CreateWidgetRequestBody | Mapping[str, Any],
        x_client_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.CreateWidgetResponse | httpx.Response:
        """Creating a Widget.

        This API is used to create a widget from one or more parts. Creation is asynchronous:
        the widget is returned in the CREATING state and becomes AVAILABLE once every part has
        been provisioned.

        ``POST /v2/{project_id}/widgets``

        Args:
            body: The request body. A mapping is sent as it is (wire names).
            x_client_request_id: Request ID chosen by the caller. The service writes it to its
            access logs so that a call can be traced end to end. A UUID is recommended. Maximum:
            36
            extra_headers: Headers for this request only; they override all others.

        Returns:
            201: Widget creation accepted.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: The request is invalid, for example, a parameter is out of
            range.
            errors.UnauthorizedError: The token is missing, invalid, or expired.
            errors.NotFoundError: The widget does not exist.
            errors.ConflictError: The widget is attached to a server.
            errors.InternalServerError: The service failed to process the request because of an
            internal fault.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.create_widget_raw(
            body=body,
            x_client_request_id=x_client_request_id,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def create_widget_raw(
        self,
        *,
        body: models.CreateWidgetRequestBody | Mapping[str, Any],
        x_client_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.CreateWidgetResponse | httpx.Response]:
        """``create_widget``, returning the whole response: an ``ApiResponse`` with the status
        code, headers and content, and ``parsed``, what ``create_widget`` returns.
        """
        _response = self._send(
            "POST",
            _runtime.expand_path(
                "/v2/{project_id}/widgets", {"project_id": self._config.require_project_id()}
            ),
            params=None,
            headers=_runtime.header_params({"X-Client-Request-Id": x_client_request_id}),
            json=_runtime.encode_json(body, Any),
            extra_headers=extra_headers,
        )
        if _response.status_code == 201:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.CreateWidgetResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response,
            {
                400: models.ErrorResponse,
                401: models.ErrorResponse,
                404: None,
                409: None,
                500: models.ErrorResponse,
            },
        )

    def show_widget(
        self,
        *,
        widget_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ShowWidgetResponse | httpx.Response:
        """Querying Widget Details.

        This API is used to query the details of a widget, including its parts and their
        dimensions.

        ``GET /v2/{project_id}/widgets/{widget_id}``

        Args:
            widget_id: Widget ID, a UUID assigned by the service.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The widget details are returned.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: A parameter is missing or has an invalid value.
            errors.UnauthorizedError: The token is missing, invalid, or expired.
            errors.NotFoundError: The widget does not exist or belongs to another project.
            errors.ConflictError: The widget is attached to a server.
            errors.InternalServerError: The service failed to process the request because of an
            internal fault.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.show_widget_raw(
            widget_id=widget_id,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def show_widget_raw(
        self,
        *,
        widget_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ShowWidgetResponse | httpx.Response]:
        """``show_widget``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``show_widget`` returns.
        """
        _response = self._send(
            "GET",
            _runtime.expand_path(
                "/v2/{project_id}/widgets/{widget_id}",
                {"project_id": self._config.require_project_id(), "widget_id": widget_id},
            ),
            params=None,
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.ShowWidgetResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response,
            {
                400: None,
                401: models.ErrorResponse,
                404: models.ErrorResponse,
                409: None,
                500: models.ErrorResponse,
            },
        )

    def update_widget(
        self,
        *,
        widget_id: str,
        body: models.UpdateWidgetRequestBody | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.UpdateWidgetResponse | httpx.Response:
        """Updating a Widget.

        This API is used to rename a widget, change its description or labels, or increase its
        capacity.

        ``PUT /v2/{project_id}/widgets/{widget_id}``

        Args:
            widget_id: Widget ID, a UUID assigned by the service.
            body: The request body. A mapping is sent as it is (wire names).
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The widget is updated.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: The request is invalid, for example, a parameter is out of
            range.
            errors.UnauthorizedError: The token is missing, invalid, or expired.
            errors.NotFoundError: The widget does not exist or belongs to another project.
            errors.ConflictError: The widget is attached to a server.
            errors.InternalServerError: The service failed to process the request because of an
            internal fault.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.update_widget_raw(
            widget_id=widget_id,
            body=body,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def update_widget_raw(
        self,
        *,
        widget_id: str,
        body: models.UpdateWidgetRequestBody | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.UpdateWidgetResponse | httpx.Response]:
        """``update_widget``, returning the whole response: an ``ApiResponse`` with the status
        code, headers and content, and ``parsed``, what ``update_widget`` returns.
        """
        _response = self._send(
            "PUT",
            _runtime.expand_path(
                "/v2/{project_id}/widgets/{widget_id}",
                {"project_id": self._config.require_project_id(), "widget_id": widget_id},
            ),
            params=None,
            headers=None,
            json=_runtime.encode_json(body, Any),
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.UpdateWidgetResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response,
            {
                400: models.ErrorResponse,
                401: models.ErrorResponse,
                404: models.ErrorResponse,
                409: None,
                500: models.ErrorResponse,
            },
        )

    def delete_widget(
        self,
        *,
        widget_id: str,
        force: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Response | None:
        """Deleting a Widget.

        This API is used to delete a widget and all data stored in it. Deleted widgets remain
        visible for 24 hours when listed with include_deleted=true.

        ``DELETE /v2/{project_id}/widgets/{widget_id}``

        Args:
            widget_id: Widget ID, a UUID assigned by the service.
            force: Whether to delete the widget even if it is attached to a server. Forced
            deletion detaches it first. Default: false
            extra_headers: Headers for this request only; they override all others.

        Returns:
            204: Widget deleted.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: A parameter is missing or has an invalid value.
            errors.UnauthorizedError: The token is missing, invalid, or expired.
            errors.NotFoundError: The widget does not exist or belongs to another project.
            errors.ConflictError: The widget is in use and force was not set.
            errors.InternalServerError: Unexpected internal error. Retry later.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.delete_widget_raw(
            widget_id=widget_id,
            force=force,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def delete_widget_raw(
        self,
        *,
        widget_id: str,
        force: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[httpx.Response | None]:
        """``delete_widget``, returning the whole response: an ``ApiResponse`` with the status
        code, headers and content, and ``parsed``, what ``delete_widget`` returns.
        """
        _response = self._send(
            "DELETE",
            _runtime.expand_path(
                "/v2/{project_id}/widgets/{widget_id}",
                {"project_id": self._config.require_project_id(), "widget_id": widget_id},
            ),
            params=_runtime.query_params({"force": force}),
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 204:
            return ApiResponse(_response, None)
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response,
            {
                400: None,
                401: models.ErrorResponse,
                404: models.ErrorResponse,
                409: models.ErrorResponse,
                500: None,
            },
        )


class AsyncClient:
    """Asynchronous client for WSS API.

    Use it as a context manager, or call ``aclose()`` when done.
    """

    def __init__(
        self,
        config: ClientConfig | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._config = config if config is not None else ClientConfig()
        self._http = httpx.AsyncClient(
            base_url=self._config.resolved_base_url(),
            auth=self._config.request_auth(),
            timeout=self._config.timeout,
            headers=dict(self._config.headers),
            transport=transport,
        )

    @property
    def config(self) -> ClientConfig:
        """The configuration of this client."""
        return self._config

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def _send(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, str | list[str]] | None,
        headers: Mapping[str, str] | None,
        json: object,
        extra_headers: Mapping[str, str] | None,
    ) -> httpx.Response:
        """Send a request, and send it again as the retry policy says."""
        if extra_headers:
            headers = {**(headers or {}), **extra_headers}
        attempt = 0
        while True:
            response = await self._http.request(
                method, url, params=params, headers=headers, json=json
            )
            delay = self._config.retry.delay(method, response, attempt)
            if delay is None:
                return response
            await response.aclose()
            await asyncio.sleep(delay)
            attempt += 1

    async def list_api_versions(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListApiVersionsResponse | httpx.Response:
        """Querying API Versions.

        This API is used to query the API versions offered by the WSS endpoint. It does not
        require a token.

        ``GET /``

        Args:
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The versions are returned.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: A parameter is missing or has an invalid value.
            errors.UnauthorizedError: Authentication failed.
            errors.NotFoundError: The widget does not exist.
            errors.ConflictError: The widget is attached to a server.
            errors.InternalServerError: The service failed to process the request because of an
            internal fault.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.list_api_versions_raw(
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def list_api_versions_raw(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ListApiVersionsResponse | httpx.Response]:
        """``list_api_versions``, returning the whole response: an ``ApiResponse`` with the status
        code, headers and content, and ``parsed``, what ``list_api_versions`` returns.
        """
        _response = await self._send(
            "GET",
            "/",
            params=None,
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.ListApiVersionsResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response, {400: None, 401: None, 404: None, 409: None, 500: models.ErrorResponse}
        )

    async def list_widgets_details(
        self,
        *,
        zone: str,
        from_: str | None = None,
        limit: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListWidgetsDetailsResponse | httpx.Response:
        """Querying Widgets in an AZ.

        This API is used to query the widgets placed in an availability zone (AZ), together with
        the servers they are attached to.

        ``GET /v1/{project_id}/widgets/detail``

        Args:
            zone: Specifies the AZ name, for example, eu-west-1a.
            from_: Specifies the start of the creation time window, in UTC. Only widgets created
            at or after this time are returned. Format: yyyy-MM-ddTHH:mm:ssZ
            limit: Specifies the maximum number of widgets to return. The value ranges from 1 to
            200. The default value is 50.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: OK
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: Bad Request
            errors.NotFoundError: Not Found
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.list_widgets_details_raw(
            zone=zone,
            from_=from_,
            limit=limit,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def list_widgets_details_raw(
        self,
        *,
        zone: str,
        from_: str | None = None,
        limit: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ListWidgetsDetailsResponse | httpx.Response]:
        """``list_widgets_details``, returning the whole response: an ``ApiResponse`` with the
        status code, headers and content, and ``parsed``, what ``list_widgets_details`` returns.
        """
        _response = await self._send(
            "GET",
            _runtime.expand_path(
                "/v1/{project_id}/widgets/detail", {"project_id": self._config.require_project_id()}
            ),
            params=_runtime.query_params({"zone": zone, "from": from_, "limit": limit}),
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.ListWidgetsDetailsResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {400: None, 404: None})

    async def create_widget_tag(
        self,
        *,
        widget_id: str,
        body: models.CreateWidgetTagRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Response | None:
        """Adding Tags to a Widget.

        This API is used to add tags to a widget.

        This API has been discarded and will be removed together with API version v1. Set the
        labels field with UpdateWidget instead.

        Deprecated: the API documents this operation as deprecated.

        ``POST /v1/{project_id}/widgets/{widget_id}/tags``

        Args:
            widget_id: Specifies the widget ID.
            body: The request body. A mapping is sent as it is (wire names).
            extra_headers: Headers for this request only; they override all others.

        Returns:
            204: No Content
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: Bad Request
            errors.NotFoundError: Not Found
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.create_widget_tag_raw(
            widget_id=widget_id,
            body=body,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def create_widget_tag_raw(
        self,
        *,
        widget_id: str,
        body: models.CreateWidgetTagRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[httpx.Response | None]:
        """``create_widget_tag``, returning the whole response: an ``ApiResponse`` with the status
        code, headers and content, and ``parsed``, what ``create_widget_tag`` returns.
        """
        _response = await self._send(
            "POST",
            _runtime.expand_path(
                "/v1/{project_id}/widgets/{widget_id}/tags",
                {"project_id": self._config.require_project_id(), "widget_id": widget_id},
            ),
            params=None,
            headers=None,
            json=_runtime.encode_json(body, Any),
            extra_headers=extra_headers,
        )
        if _response.status_code == 204:
            return ApiResponse(_response, None)
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {400: None, 404: None})

    async def list_widgets(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        name: str | None = None,
        status: models.ListWidgetsStatus | None = None,
        zone: list[str] | None = None,
        include_deleted: bool | None = None,
        x_client_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListWidgetsResponse | httpx.Response:
        """Listing Widgets.

        This API is used to list the widgets of a project, one page at a time. Use offset and
        limit to move through the pages; the other query parameters narrow down the result.

        ``GET /v2/{project_id}/widgets``

        Args:
            offset: Index of the first widget to return. Counting starts at 0. Minimum: 0
            Default: 0
            limit: Maximum number of widgets returned on one page. Minimum: 1 Maximum: 500
            Default: 100
            name: Widget name. Widgets whose name contains this value are returned. Maximum: 64
            status: Widget status. Enumeration values: CREATING AVAILABLE IN_USE ERROR
            zone: AZ of the widgets. To filter by several AZs, repeat the parameter, for
            example, zone=eu-west-1a&zone=eu-west-1b.
            include_deleted: Whether widgets deleted during the last 24 hours are also returned.
            Default: false
            x_client_request_id: Request ID chosen by the caller. The service writes it to its
            access logs so that a call can be traced end to end. A UUID is recommended. Maximum:
            36
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The widgets on the page are returned.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: The request is invalid, for example, a parameter is out of
            range.
            errors.UnauthorizedError: The token is missing, invalid, or expired.
            errors.NotFoundError: The widget does not exist.
            errors.ConflictError: The widget is attached to a server.
            errors.InternalServerError: The service failed to process the request because of an
            internal fault.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.list_widgets_raw(
            offset=offset,
            limit=limit,
            name=name,
            status=status,
            zone=zone,
            include_deleted=include_deleted,
            x_client_request_id=x_client_request_id,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def list_widgets_raw(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        name: str | None = None,
        status: models.ListWidgetsStatus | None = None,
        zone: list[str] | None = None,
        include_deleted: bool | None = None,
        x_client_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ListWidgetsResponse | httpx.Response]:
        """``list_widgets``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``list_widgets`` returns.
        """
        _response = await self._send(
            "GET",
            _runtime.expand_path(
                "/v2/{project_id}/widgets", {"project_id": self._config.require_project_id()}
            ),
            params=_runtime.query_params(
                {
                    "offset": offset,
                    "limit": limit,
                    "name": name,
                    "status": status,
                    "zone": zone,
                    "include_deleted": include_deleted,
                }
            ),
            headers=_runtime.header_params({"X-Client-Request-Id": x_client_request_id}),
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.ListWidgetsResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response,
            {
                400: models.ErrorResponse,
                401: models.ErrorResponse,
                404: None,
                409: None,
                500: models.ErrorResponse,
            },
        )

    async def iter_list_widgets(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        name: str | None = None,
        status: models.ListWidgetsStatus | None = None,
        zone: list[str] | None = None,
        include_deleted: bool | None = None,
        x_client_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.WidgetSummary]:
        """Iterate over the items of ``list_widgets``, page after page.

        Pages by offset: each request passes the same arguments with ``offset`` moved past the
        items already returned; ``limit`` is the page size.
        """
        while True:
            _page = await self.list_widgets(
                offset=offset,
                limit=limit,
                name=name,
                status=status,
                zone=zone,
                include_deleted=include_deleted,
                x_client_request_id=x_client_request_id,
                extra_headers=extra_headers,
            )
            if isinstance(_page, httpx.Response):
                raise errors.error_from_response(_page, {})
            _items = _page.widgets or []
            for _item in _items:
                yield _item
            if not _items or (limit is not None and len(_items) < limit):
                return
            offset = (offset or 0) + len(_items)

    async def create_widget(
        self,
        *,
        body: models.CreateWidgetRequestBody | Mapping[str, Any],
        x_client_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.CreateWidgetResponse | httpx.Response:
        """Creating a Widget.

        This API is used to create a widget from one or more parts. Creation is asynchronous:
        the widget is returned in the CREATING state and becomes AVAILABLE once every part has
        been provisioned.

        ``POST /v2/{project_id}/widgets``

        Args:
            body: The request body. A mapping is sent as it is (wire names).
            x_client_request_id: Request ID chosen by the caller. The service writes it to its
            access logs so that a call can be traced end to end. A UUID is recommended. Maximum:
            36
            extra_headers: Headers for this request only; they override all others.

        Returns:
            201: Widget creation accepted.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: The request is invalid, for example, a parameter is out of
            range.
            errors.UnauthorizedError: The token is missing, invalid, or expired.
            errors.NotFoundError: The widget does not exist.
            errors.ConflictError: The widget is attached to a server.
            errors.InternalServerError: The service failed to process the request because of an
            internal fault.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.create_widget_raw(
            body=body,
            x_client_request_id=x_client_request_id,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def create_widget_raw(
        self,
        *,
        body: models.CreateWidgetRequestBody | Mapping[str, Any],
        x_client_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.CreateWidgetResponse | httpx.Response]:
        """``create_widget``, returning the whole response: an ``ApiResponse`` with the status
        code, headers and content, and ``parsed``, what ``create_widget`` returns.
        """
        _response = await self._send(
            "POST",
            _runtime.expand_path(
                "/v2/{project_id}/widgets", {"project_id": self._config.require_project_id()}
            ),
            params=None,
            headers=_runtime.header_params({"X-Client-Request-Id": x_client_request_id}),
            json=_runtime.encode_json(body, Any),
            extra_headers=extra_headers,
        )
        if _response.status_code == 201:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.CreateWidgetResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response,
            {
                400: models.ErrorResponse,
                401: models.ErrorResponse,
                404: None,
                409: None,
                500: models.ErrorResponse,
            },
        )

    async def show_widget(
        self,
        *,
        widget_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ShowWidgetResponse | httpx.Response:
        """Querying Widget Details.

        This API is used to query the details of a widget, including its parts and their
        dimensions.

        ``GET /v2/{project_id}/widgets/{widget_id}``

        Args:
            widget_id: Widget ID, a UUID assigned by the service.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The widget details are returned.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: A parameter is missing or has an invalid value.
            errors.UnauthorizedError: The token is missing, invalid, or expired.
            errors.NotFoundError: The widget does not exist or belongs to another project.
            errors.ConflictError: The widget is attached to a server.
            errors.InternalServerError: The service failed to process the request because of an
            internal fault.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.show_widget_raw(
            widget_id=widget_id,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def show_widget_raw(
        self,
        *,
        widget_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ShowWidgetResponse | httpx.Response]:
        """``show_widget``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``show_widget`` returns.
        """
        _response = await self._send(
            "GET",
            _runtime.expand_path(
                "/v2/{project_id}/widgets/{widget_id}",
                {"project_id": self._config.require_project_id(), "widget_id": widget_id},
            ),
            params=None,
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.ShowWidgetResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response,
            {
                400: None,
                401: models.ErrorResponse,
                404: models.ErrorResponse,
                409: None,
                500: models.ErrorResponse,
            },
        )

    async def update_widget(
        self,
        *,
        widget_id: str,
        body: models.UpdateWidgetRequestBody | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.UpdateWidgetResponse | httpx.Response:
        """Updating a Widget.

        This API is used to rename a widget, change its description or labels, or increase its
        capacity.

        ``PUT /v2/{project_id}/widgets/{widget_id}``

        Args:
            widget_id: Widget ID, a UUID assigned by the service.
            body: The request body. A mapping is sent as it is (wire names).
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The widget is updated.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: The request is invalid, for example, a parameter is out of
            range.
            errors.UnauthorizedError: The token is missing, invalid, or expired.
            errors.NotFoundError: The widget does not exist or belongs to another project.
            errors.ConflictError: The widget is attached to a server.
            errors.InternalServerError: The service failed to process the request because of an
            internal fault.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.update_widget_raw(
            widget_id=widget_id,
            body=body,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def update_widget_raw(
        self,
        *,
        widget_id: str,
        body: models.UpdateWidgetRequestBody | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.UpdateWidgetResponse | httpx.Response]:
        """``update_widget``, returning the whole response: an ``ApiResponse`` with the status
        code, headers and content, and ``parsed``, what ``update_widget`` returns.
        """
        _response = await self._send(
            "PUT",
            _runtime.expand_path(
                "/v2/{project_id}/widgets/{widget_id}",
                {"project_id": self._config.require_project_id(), "widget_id": widget_id},
            ),
            params=None,
            headers=None,
            json=_runtime.encode_json(body, Any),
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.UpdateWidgetResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response,
            {
                400: models.ErrorResponse,
                401: models.ErrorResponse,
                404: models.ErrorResponse,
                409: None,
                500: models.ErrorResponse,
            },
        )

    async def delete_widget(
        self,
        *,
        widget_id: str,
        force: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Response | None:
        """Deleting a Widget.

        This API is used to delete a widget and all data stored in it. Deleted widgets remain
        visible for 24 hours when listed with include_deleted=true.

        ``DELETE /v2/{project_id}/widgets/{widget_id}``

        Args:
            widget_id: Widget ID, a UUID assigned by the service.
            force: Whether to delete the widget even if it is attached to a server. Forced
            deletion detaches it first. Default: false
            extra_headers: Headers for this request only; they override all others.

        Returns:
            204: Widget deleted.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: A parameter is missing or has an invalid value.
            errors.UnauthorizedError: The token is missing, invalid, or expired.
            errors.NotFoundError: The widget does not exist or belongs to another project.
            errors.ConflictError: The widget is in use and force was not set.
            errors.InternalServerError: Unexpected internal error. Retry later.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.delete_widget_raw(
            widget_id=widget_id,
            force=force,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def delete_widget_raw(
        self,
        *,
        widget_id: str,
        force: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[httpx.Response | None]:
        """``delete_widget``, returning the whole response: an ``ApiResponse`` with the status
        code, headers and content, and ``parsed``, what ``delete_widget`` returns.
        """
        _response = await self._send(
            "DELETE",
            _runtime.expand_path(
                "/v2/{project_id}/widgets/{widget_id}",
                {"project_id": self._config.require_project_id(), "widget_id": widget_id},
            ),
            params=_runtime.query_params({"force": force}),
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 204:
            return ApiResponse(_response, None)
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(
            _response,
            {
                400: None,
                401: models.ErrorResponse,
                404: models.ErrorResponse,
                409: models.ErrorResponse,
                500: None,
            },
        )
