"""AK/SK signing of the generated client, checked against the vendor's own signer.

The same call is made with the generated ``AkSkAuth`` (through httpx, or through the generated
client) and with ``huaweicloudsdkcore``, the core of Huawei Cloud's Python SDK (a dev
dependency): its ``Client`` builds the request from the same parameters (path escaping, query
pairs, ``User-Agent``, ``X-Project-Id`` and ``X-Security-Token`` from the credentials) and its
``Signer`` signs it. Canonical request, string to sign, ``Authorization`` header and the path
and query sent must be equal byte for byte. The time is injected: the generated signer gets a
clock, the vendor's an ``X-Sdk-Date`` header (which it reads instead of the clock).

The vendor's quirks, matched (huaweicloudsdkcore 3.1, ``signer/signer.py``):
- the canonical URI decodes the whole path first, so an escaped ``/`` in a value (``%2F``) is
  signed as ``/``; it always ends with ``/``;
- the query is sorted by decoded name, then value, and sent in that canonical form (``%20`` for
  a space, never ``+``);
- every header the SDK set is signed (``User-Agent`` too) except names holding ``_``; headers
  the HTTP library adds after signing (``Accept``, ``Content-Length``, ...) are not;
- a body whose ``Content-Type`` does not start with ``application/json`` or ``application/bson``
  is not hashed: ``X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`` is added, signed, and stands for the
  body's hash (an empty body still hashes as empty).
The test drives the vendor through ``Client.build_future_request`` and records two methods of
its ``Signer``: internals, so a vendor release that moves them fails here loudly.
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx
import pytest

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "s3cr3t/KEY+example"
PROJECT_ID = "0123456789abcdef0123456789abcdef"
SECURITY_TOKEN = "gQpjbi1ub3J0aC00+/temporary=="
HOST = "ecs.eu-de.example.com"
SIGNING_TIME = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
SDK_DATE = "20240102T030405Z"
VENDOR_AGENT = "huaweicloud-usdk-python/3.0"
"""The ``User-Agent`` the vendor's client sends (and signs); the generated client sends it too."""


def vendor() -> ModuleType:
    """``huaweicloudsdkcore``, or a skip (a failure in CI) saying how to install it."""
    try:
        return importlib.import_module("huaweicloudsdkcore")
    except ImportError:
        message = (
            "huaweicloudsdkcore (the vendor's signer) is not installed, so AK/SK signing is not "
            "checked against it: run `make .venv/.installed` (it is in the dev extra)."
        )
        if os.environ.get("DOC2OPENAPI_REQUIRE_CONSUMERS") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@dataclass(frozen=True)
class Signed:
    """What a signer produced for one request."""

    canonical_request: str
    string_to_sign: str
    authorization: str
    target: str
    """The path and query that go on the wire."""


@dataclass(frozen=True)
class Call:
    """One API call, described once and made by both SDKs."""

    method: str
    path: str
    path_params: dict[str, str] = field(default_factory=dict)
    query: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    content_type: str | None = None
    project_id: str | None = PROJECT_ID
    security_token: str | None = SECURITY_TOKEN
    host: str = HOST


JSON_BODY = '{"server":{"name":"web 01/é","tags":["a+b","100%"],"note":"line\\nbreak"}}'
CALLS = {
    "unicode query": Call(
        "GET", "/v1/{project_id}/servers", query=[("name", "名前 é"), ("ü", "ß")]
    ),
    "spaces, slash, plus, percent, tilde": Call(
        "GET",
        "/v1/{project_id}/servers",
        query=[("q", "a b"), ("path", "/x/y"), ("sum", "1+1"), ("ratio", "100%"), ("t", "~._-")],
    ),
    "repeated and empty keys": Call(
        "GET",
        "/v1/{project_id}/servers",
        query=[("tag", "b"), ("limit", "10"), ("tag", "a"), ("marker", ""), ("", "v"), ("tag", "")],
    ),
    "headers: spaces, underscore, case": Call(
        "GET",
        "/v1/{project_id}/servers",
        headers={"X-Language": "  en  us ", "X_Trace_Id": "t-1", "x-client-request-id": "R1"},
    ),
    "path values needing escapes": Call(
        "GET",
        "/v1/{project_id}/servers/{server_id}/tags/{key}",
        path_params={"server_id": "a b/c+d%e~é", "key": "?#&=;,"},
    ),
    "JSON body": Call(
        "POST",
        "/v1/{project_id}/servers",
        query=[("dry run", "true")],
        body=JSON_BODY.encode(),
        content_type="application/json;charset=UTF-8",
    ),
    "non-JSON body (unsigned payload)": Call(
        "PUT",
        "/v1/{project_id}/objects/{name}",
        path_params={"name": "notes é.txt"},
        body="plain text, é and +".encode(),
        content_type="text/plain; charset=utf-8",
    ),
    "non-JSON type, empty body": Call(
        "DELETE", "/v1/{project_id}/objects/a", content_type="text/plain"
    ),
    "no project id, no token": Call(
        "GET", "/v3/projects", query=[("name", "eu-de")], project_id=None, security_token=None
    ),
    "project id, no token": Call("GET", "/v3/projects", security_token=None),
}


@pytest.fixture
def vendor_signer(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Call], Signed]]:
    """Signs a call with the vendor's ``Client`` and ``BasicCredentials``, recording the
    canonical request and the string to sign its ``Signer`` computes."""
    vendor()
    from huaweicloudsdkcore.auth.credentials import BasicCredentials  # noqa: PLC0415
    from huaweicloudsdkcore.client import Client  # noqa: PLC0415
    from huaweicloudsdkcore.http.http_config import HttpConfig  # noqa: PLC0415
    from huaweicloudsdkcore.signer.signer import Signer  # noqa: PLC0415

    recorded: dict[str, str] = {}
    canonical = Signer._process_canonical_request
    string_to_sign = Signer._process_string_to_sign

    def record_canonical(signer: Any, request: Any, signed: list[str]) -> str:
        recorded["canonical"] = canonical(signer, request, signed)
        return recorded["canonical"]

    def record_string_to_sign(signer: Any, text: str, moment: datetime.datetime) -> str:
        recorded["string_to_sign"] = string_to_sign(signer, text, moment)
        return recorded["string_to_sign"]

    monkeypatch.setattr(Signer, "_process_canonical_request", record_canonical)
    monkeypatch.setattr(Signer, "_process_string_to_sign", record_string_to_sign)
    clients: list[Any] = []

    def sign(call: Call) -> Signed:
        config = HttpConfig.get_default_config()
        # Without a body the vendor sends Content-Type only on other methods than GET.
        config.ignore_content_type_for_get_request = True
        credentials = BasicCredentials(ACCESS_KEY, SECRET_KEY, call.project_id)
        if call.security_token is not None:
            credentials.with_security_token(call.security_token)
        client = Client().with_config(config).with_credentials(credentials)
        client.with_endpoints([f"https://{call.host}"]).init_http_client()
        clients.append(client)
        headers = {**call.headers, "X-Sdk-Date": SDK_DATE}
        if call.content_type is not None:
            headers["Content-Type"] = call.content_type
        request = client.build_future_request(
            call.method,
            call.path,
            dict(call.path_params),
            list(call.query),
            headers,
            call.body.decode() if call.body else None,
            None,
            None,
            None,
            None,
            None,
        ).result()
        return Signed(
            recorded.pop("canonical"),
            recorded.pop("string_to_sign"),
            request.header_params["Authorization"],
            request.uri,
        )

    yield sign
    for client in clients:
        client.close()


def generated_signed(auth_module: ModuleType, sent: httpx.Request) -> Signed:
    """What the generated signer signed, recomputed from the request as it was sent."""
    canonical = auth_module.canonical_request(sent, auth_module.signed_headers(sent.headers))
    return Signed(
        canonical,
        auth_module.string_to_sign(canonical, sent.headers["X-Sdk-Date"]),
        sent.headers["Authorization"],
        sent.url.raw_path.decode("ascii"),
    )


def capture(sent: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "p1", "name": "Rex", "pets": []})

    return httpx.MockTransport(handler)


def generated_auth(petstore: ModuleType, call: Call) -> Any:
    return petstore.AkSkAuth(
        ACCESS_KEY,
        SECRET_KEY,
        project_id=call.project_id,
        security_token=call.security_token,
        clock=lambda: SIGNING_TIME,
    )


def sign_with_generated(petstore: ModuleType, call: Call) -> Signed:
    """The call sent through httpx with the generated ``AkSkAuth``; the path is escaped by the
    generated client's own ``expand_path``."""
    runtime = importlib.import_module(f"{petstore.__name__}._runtime")
    path = runtime.expand_path(call.path, {"project_id": call.project_id, **call.path_params})
    headers = dict(call.headers)
    if call.content_type is not None:
        headers["Content-Type"] = call.content_type
    sent: list[httpx.Request] = []
    with httpx.Client(
        base_url=f"https://{call.host}",
        auth=generated_auth(petstore, call),
        headers={"User-Agent": VENDOR_AGENT},
        transport=capture(sent),
    ) as client:
        client.request(call.method, path, params=call.query, headers=headers, content=call.body)
    return generated_signed(importlib.import_module(f"{petstore.__name__}.auth"), sent[0])


@pytest.mark.parametrize("case", sorted(CALLS))
def test_generated_signer_matches_the_vendor_signer(
    case: str, petstore: ModuleType, vendor_signer: Callable[[Call], Signed]
) -> None:
    call = CALLS[case]
    expected = vendor_signer(call)
    actual = sign_with_generated(petstore, call)
    assert actual.canonical_request == expected.canonical_request
    assert actual.string_to_sign == expected.string_to_sign
    assert actual.authorization == expected.authorization
    assert actual.target == expected.target


def update_pet(
    petstore: ModuleType, config: Any, transport: httpx.MockTransport, flavour: str
) -> None:
    models = importlib.import_module(f"{petstore.__name__}.models")
    arguments = {"pet_id": "a b/ü+%", "body": models.Pet(id_="p1", name="Rex é")}
    if flavour == "Client":
        with petstore.Client(config, transport=transport) as client:
            client.update_pet(**arguments)
        return

    async def call() -> None:
        async with petstore.AsyncClient(config, transport=transport) as client:
            await client.update_pet(**arguments)

    asyncio.run(call())


@pytest.mark.parametrize("flavour", ["Client", "AsyncClient"])
def test_generated_client_signs_like_the_vendor_with_the_configs_project_id(
    flavour: str, petstore: ModuleType, vendor_signer: Callable[[Call], Signed]
) -> None:
    """Through the generated client: the project id comes from ``ClientConfig`` (the signer has
    none of its own), the path value and the JSON body are encoded by the client."""
    sent: list[httpx.Request] = []
    auth = petstore.AkSkAuth(
        ACCESS_KEY, SECRET_KEY, security_token=SECURITY_TOKEN, clock=lambda: SIGNING_TIME
    )
    config = petstore.ClientConfig(
        project_id=PROJECT_ID, auth=auth, headers={"User-Agent": VENDOR_AGENT}
    )
    update_pet(petstore, config, capture(sent), flavour)
    request = sent[0]
    assert request.headers["X-Project-Id"] == PROJECT_ID
    assert request.headers["X-Security-Token"] == SECURITY_TOKEN
    call = Call(
        "PUT",
        "/v2/{project_id}/pets/{pet_id}",
        path_params={"pet_id": "a b/ü+%"},
        body=request.content,
        content_type=request.headers["Content-Type"],
        host=request.url.host,
    )
    expected = vendor_signer(call)
    actual = generated_signed(importlib.import_module(f"{petstore.__name__}.auth"), request)
    assert actual == expected
    assert "x-project-id;x-sdk-date;x-security-token" in actual.authorization
