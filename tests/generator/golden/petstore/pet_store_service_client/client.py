"""Clients for Pet Store Service: one method per operation."""

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
    """Synchronous client for Pet Store Service.

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

    def list_pets(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        status: models.ListPetsStatus | None = None,
        x_language: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListPetsResponse | httpx.Response:
        """List pets.

        Lists the pets of a project, newest first.

        ``GET /v2/{project_id}/pets``

        Args:
            offset: Index of the first pet to return. The API default is ``0``.
            limit: Maximum number of pets per page. The API default is ``10``.
            status: Only pets with this status.
            x_language: Language of the error messages. The API default is ``en-us``.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The pets.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: Invalid query.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.list_pets_raw(
            offset=offset,
            limit=limit,
            status=status,
            x_language=x_language,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def list_pets_raw(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        status: models.ListPetsStatus | None = None,
        x_language: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ListPetsResponse | httpx.Response]:
        """``list_pets``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``list_pets`` returns.
        """
        _response = self._send(
            "GET",
            _runtime.expand_path(
                "/v2/{project_id}/pets", {"project_id": self._config.require_project_id()}
            ),
            params=_runtime.query_params({"offset": offset, "limit": limit, "status": status}),
            headers=_runtime.header_params({"X-Language": x_language}),
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(_response, _runtime.decode_model(_response, models.ListPetsResponse))
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {400: models.Error})

    def iter_list_pets(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        status: models.ListPetsStatus | None = None,
        x_language: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.Pet]:
        """Iterate over the items of ``list_pets``, page after page.

        Pages by offset: each request passes the same arguments with ``offset`` moved past the
        items already returned; ``limit`` is the page size.
        """
        while True:
            _page = self.list_pets(
                offset=offset,
                limit=limit,
                status=status,
                x_language=x_language,
                extra_headers=extra_headers,
            )
            if isinstance(_page, httpx.Response):
                raise errors.error_from_response(_page, {})
            _items = _page.pets or []
            yield from _items
            if not _items or (limit is not None and len(_items) < limit):
                return
            offset = (offset or 0) + len(_items)

    def create_pet(
        self,
        *,
        body: models.CreatePetRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Pet | httpx.Response:
        """Create a pet.

        ``POST /v2/{project_id}/pets``

        Args:
            body: The pet to create. A mapping is sent as it is (wire names).
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The created pet.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: Invalid pet.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.create_pet_raw(
            body=body,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def create_pet_raw(
        self,
        *,
        body: models.CreatePetRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.Pet | httpx.Response]:
        """``create_pet``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``create_pet`` returns.
        """
        _response = self._send(
            "POST",
            _runtime.expand_path(
                "/v2/{project_id}/pets", {"project_id": self._config.require_project_id()}
            ),
            params=None,
            headers=None,
            json=_runtime.encode_json(body, Any),
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(_response, _runtime.decode_model(_response, models.Pet))
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {400: models.Error})

    def show_pet(
        self,
        *,
        pet_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Pet | httpx.Response:
        """Query a pet.

        ``GET /v2/{project_id}/pets/{pet_id}``

        Args:
            pet_id: Pet ID.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The pet.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.NotFoundError: No such pet.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.show_pet_raw(
            pet_id=pet_id,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def show_pet_raw(
        self,
        *,
        pet_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.Pet | httpx.Response]:
        """``show_pet``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``show_pet`` returns.
        """
        _response = self._send(
            "GET",
            _runtime.expand_path(
                "/v2/{project_id}/pets/{pet_id}",
                {"project_id": self._config.require_project_id(), "pet_id": pet_id},
            ),
            params=None,
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(_response, _runtime.decode_model(_response, models.Pet))
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {404: models.Error})

    def update_pet(
        self,
        *,
        pet_id: str,
        body: models.Pet | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Pet | httpx.Response:
        """Update a pet.

        ``PUT /v2/{project_id}/pets/{pet_id}``

        Args:
            pet_id: Pet ID.
            body: The request body. A mapping is sent as it is (wire names).
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The updated pet.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.NotFoundError: No such pet.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.update_pet_raw(
            pet_id=pet_id,
            body=body,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def update_pet_raw(
        self,
        *,
        pet_id: str,
        body: models.Pet | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.Pet | httpx.Response]:
        """``update_pet``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``update_pet`` returns.
        """
        _response = self._send(
            "PUT",
            _runtime.expand_path(
                "/v2/{project_id}/pets/{pet_id}",
                {"project_id": self._config.require_project_id(), "pet_id": pet_id},
            ),
            params=None,
            headers=None,
            json=_runtime.encode_json(body, Any),
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(_response, _runtime.decode_model(_response, models.Pet))
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {404: models.Error})

    def delete_pet(
        self,
        *,
        pet_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Response | None:
        """Delete a pet.

        ``DELETE /v2/{project_id}/pets/{pet_id}``

        Args:
            pet_id: Pet ID.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            204: Deleted.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.NotFoundError: No such pet.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.delete_pet_raw(
            pet_id=pet_id,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def delete_pet_raw(
        self,
        *,
        pet_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[httpx.Response | None]:
        """``delete_pet``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``delete_pet`` returns.
        """
        _response = self._send(
            "DELETE",
            _runtime.expand_path(
                "/v2/{project_id}/pets/{pet_id}",
                {"project_id": self._config.require_project_id(), "pet_id": pet_id},
            ),
            params=None,
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 204:
            return ApiResponse(_response, None)
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {404: models.Error})

    def list_owners(
        self,
        *,
        marker: str | None = None,
        limit: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListOwnersResponse | httpx.Response:
        """List owners.

        ``GET /v2/{project_id}/owners``

        Args:
            marker: ID of the last owner of the previous page.
            limit: The ``limit`` query parameter.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The owners.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = self.list_owners_raw(
            marker=marker,
            limit=limit,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    def list_owners_raw(
        self,
        *,
        marker: str | None = None,
        limit: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ListOwnersResponse | httpx.Response]:
        """``list_owners``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``list_owners`` returns.
        """
        _response = self._send(
            "GET",
            _runtime.expand_path(
                "/v2/{project_id}/owners", {"project_id": self._config.require_project_id()}
            ),
            params=_runtime.query_params({"marker": marker, "limit": limit}),
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.ListOwnersResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {})

    def iter_list_owners(
        self,
        *,
        marker: str | None = None,
        limit: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.Owner]:
        """Iterate over the items of ``list_owners``, page after page.

        Pages by marker: each request passes the same arguments with ``marker`` moved past the
        items already returned; ``limit`` is the page size.
        """
        while True:
            _page = self.list_owners(
                marker=marker,
                limit=limit,
                extra_headers=extra_headers,
            )
            if isinstance(_page, httpx.Response):
                raise errors.error_from_response(_page, {})
            _items = _page.owners or []
            yield from _items
            if not _items or (limit is not None and len(_items) < limit):
                return
            _last = _items[-1].id_
            marker = _last


class AsyncClient:
    """Asynchronous client for Pet Store Service.

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

    async def list_pets(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        status: models.ListPetsStatus | None = None,
        x_language: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListPetsResponse | httpx.Response:
        """List pets.

        Lists the pets of a project, newest first.

        ``GET /v2/{project_id}/pets``

        Args:
            offset: Index of the first pet to return. The API default is ``0``.
            limit: Maximum number of pets per page. The API default is ``10``.
            status: Only pets with this status.
            x_language: Language of the error messages. The API default is ``en-us``.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The pets.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: Invalid query.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.list_pets_raw(
            offset=offset,
            limit=limit,
            status=status,
            x_language=x_language,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def list_pets_raw(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        status: models.ListPetsStatus | None = None,
        x_language: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ListPetsResponse | httpx.Response]:
        """``list_pets``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``list_pets`` returns.
        """
        _response = await self._send(
            "GET",
            _runtime.expand_path(
                "/v2/{project_id}/pets", {"project_id": self._config.require_project_id()}
            ),
            params=_runtime.query_params({"offset": offset, "limit": limit, "status": status}),
            headers=_runtime.header_params({"X-Language": x_language}),
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(_response, _runtime.decode_model(_response, models.ListPetsResponse))
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {400: models.Error})

    async def iter_list_pets(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        status: models.ListPetsStatus | None = None,
        x_language: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.Pet]:
        """Iterate over the items of ``list_pets``, page after page.

        Pages by offset: each request passes the same arguments with ``offset`` moved past the
        items already returned; ``limit`` is the page size.
        """
        while True:
            _page = await self.list_pets(
                offset=offset,
                limit=limit,
                status=status,
                x_language=x_language,
                extra_headers=extra_headers,
            )
            if isinstance(_page, httpx.Response):
                raise errors.error_from_response(_page, {})
            _items = _page.pets or []
            for _item in _items:
                yield _item
            if not _items or (limit is not None and len(_items) < limit):
                return
            offset = (offset or 0) + len(_items)

    async def create_pet(
        self,
        *,
        body: models.CreatePetRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Pet | httpx.Response:
        """Create a pet.

        ``POST /v2/{project_id}/pets``

        Args:
            body: The pet to create. A mapping is sent as it is (wire names).
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The created pet.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.BadRequestError: Invalid pet.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.create_pet_raw(
            body=body,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def create_pet_raw(
        self,
        *,
        body: models.CreatePetRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.Pet | httpx.Response]:
        """``create_pet``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``create_pet`` returns.
        """
        _response = await self._send(
            "POST",
            _runtime.expand_path(
                "/v2/{project_id}/pets", {"project_id": self._config.require_project_id()}
            ),
            params=None,
            headers=None,
            json=_runtime.encode_json(body, Any),
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(_response, _runtime.decode_model(_response, models.Pet))
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {400: models.Error})

    async def show_pet(
        self,
        *,
        pet_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Pet | httpx.Response:
        """Query a pet.

        ``GET /v2/{project_id}/pets/{pet_id}``

        Args:
            pet_id: Pet ID.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The pet.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.NotFoundError: No such pet.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.show_pet_raw(
            pet_id=pet_id,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def show_pet_raw(
        self,
        *,
        pet_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.Pet | httpx.Response]:
        """``show_pet``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``show_pet`` returns.
        """
        _response = await self._send(
            "GET",
            _runtime.expand_path(
                "/v2/{project_id}/pets/{pet_id}",
                {"project_id": self._config.require_project_id(), "pet_id": pet_id},
            ),
            params=None,
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(_response, _runtime.decode_model(_response, models.Pet))
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {404: models.Error})

    async def update_pet(
        self,
        *,
        pet_id: str,
        body: models.Pet | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Pet | httpx.Response:
        """Update a pet.

        ``PUT /v2/{project_id}/pets/{pet_id}``

        Args:
            pet_id: Pet ID.
            body: The request body. A mapping is sent as it is (wire names).
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The updated pet.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.NotFoundError: No such pet.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.update_pet_raw(
            pet_id=pet_id,
            body=body,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def update_pet_raw(
        self,
        *,
        pet_id: str,
        body: models.Pet | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.Pet | httpx.Response]:
        """``update_pet``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``update_pet`` returns.
        """
        _response = await self._send(
            "PUT",
            _runtime.expand_path(
                "/v2/{project_id}/pets/{pet_id}",
                {"project_id": self._config.require_project_id(), "pet_id": pet_id},
            ),
            params=None,
            headers=None,
            json=_runtime.encode_json(body, Any),
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(_response, _runtime.decode_model(_response, models.Pet))
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {404: models.Error})

    async def delete_pet(
        self,
        *,
        pet_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Response | None:
        """Delete a pet.

        ``DELETE /v2/{project_id}/pets/{pet_id}``

        Args:
            pet_id: Pet ID.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            204: Deleted.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.NotFoundError: No such pet.
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.delete_pet_raw(
            pet_id=pet_id,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def delete_pet_raw(
        self,
        *,
        pet_id: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[httpx.Response | None]:
        """``delete_pet``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``delete_pet`` returns.
        """
        _response = await self._send(
            "DELETE",
            _runtime.expand_path(
                "/v2/{project_id}/pets/{pet_id}",
                {"project_id": self._config.require_project_id(), "pet_id": pet_id},
            ),
            params=None,
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 204:
            return ApiResponse(_response, None)
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {404: models.Error})

    async def list_owners(
        self,
        *,
        marker: str | None = None,
        limit: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListOwnersResponse | httpx.Response:
        """List owners.

        ``GET /v2/{project_id}/owners``

        Args:
            marker: ID of the last owner of the previous page.
            limit: The ``limit`` query parameter.
            extra_headers: Headers for this request only; they override all others.

        Returns:
            200: The owners.
            Another 2xx status: the ``httpx.Response`` as it is.

        Raises:
            errors.UnexpectedStatus: a status this operation does not document.
            errors.ResponseValidationError: a body that does not match its model.
        """
        _answer = await self.list_owners_raw(
            marker=marker,
            limit=limit,
            extra_headers=extra_headers,
        )
        return _answer.parsed

    async def list_owners_raw(
        self,
        *,
        marker: str | None = None,
        limit: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiResponse[models.ListOwnersResponse | httpx.Response]:
        """``list_owners``, returning the whole response: an ``ApiResponse`` with the status code,
        headers and content, and ``parsed``, what ``list_owners`` returns.
        """
        _response = await self._send(
            "GET",
            _runtime.expand_path(
                "/v2/{project_id}/owners", {"project_id": self._config.require_project_id()}
            ),
            params=_runtime.query_params({"marker": marker, "limit": limit}),
            headers=None,
            json=None,
            extra_headers=extra_headers,
        )
        if _response.status_code == 200:
            return ApiResponse(
                _response, _runtime.decode_model(_response, models.ListOwnersResponse)
            )
        if _response.is_success:
            return ApiResponse(_response, _response)
        raise errors.error_from_response(_response, {})

    async def iter_list_owners(
        self,
        *,
        marker: str | None = None,
        limit: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.Owner]:
        """Iterate over the items of ``list_owners``, page after page.

        Pages by marker: each request passes the same arguments with ``marker`` moved past the
        items already returned; ``limit`` is the page size.
        """
        while True:
            _page = await self.list_owners(
                marker=marker,
                limit=limit,
                extra_headers=extra_headers,
            )
            if isinstance(_page, httpx.Response):
                raise errors.error_from_response(_page, {})
            _items = _page.owners or []
            for _item in _items:
                yield _item
            if not _items or (limit is not None and len(_items) < limit):
                return
            _last = _items[-1].id_
            marker = _last
