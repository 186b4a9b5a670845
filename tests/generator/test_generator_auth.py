"""Authentication of the generated client: token header and AK/SK signing.

The AK/SK expectations are worked out here by hand from the algorithm's definition (canonical
request, string to sign, HMAC-SHA256), with hashlib and hmac, not with the generated code.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import importlib
from types import ModuleType
from typing import Any

import httpx

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "s3cr3t/KEY+example"
SIGNING_TIME = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def send(package: ModuleType, auth: Any, call: str, **arguments: Any) -> httpx.Request:
    """Call one operation through a MockTransport and return the request that was sent."""
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "p1", "name": "Rex", "pets": []})

    config = package.ClientConfig(project_id="proj-1", auth=auth)
    with package.Client(config, transport=httpx.MockTransport(handler)) as client:
        getattr(client, call)(**arguments)
    return sent[0]


def expected_authorization(canonical_request: str, signed_headers: str) -> str:
    digest = hashlib.sha256(canonical_request.encode()).hexdigest()
    string_to_sign = f"SDK-HMAC-SHA256\n20240102T030405Z\n{digest}"
    signature = hmac.new(SECRET_KEY.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()
    return (
        f"SDK-HMAC-SHA256 Access={ACCESS_KEY}, SignedHeaders={signed_headers}, "
        f"Signature={signature}"
    )


def aksk(package: ModuleType, **options: Any) -> Any:
    return package.AkSkAuth(ACCESS_KEY, SECRET_KEY, clock=lambda: SIGNING_TIME, **options)


def test_token_auth_sends_the_documented_header(petstore: ModuleType) -> None:
    request = send(petstore, petstore.TokenAuth("tok-123"), "show_pet", pet_id="p1")
    assert request.headers["X-Auth-Token"] == "tok-123"
    assert "Authorization" not in request.headers


def test_secrets_are_masked_in_repr(petstore: ModuleType) -> None:
    token = petstore.TokenAuth("tok-123")
    signer = petstore.AkSkAuth(ACCESS_KEY, SECRET_KEY)
    config = petstore.ClientConfig(auth=signer, headers={"X-Auth-Token": "tok-456"})
    for text in (repr(token), repr(signer), repr(config)):
        assert "tok-123" not in text
        assert "tok-456" not in text
        assert SECRET_KEY not in text
    assert "***" in repr(token)
    assert "***" in repr(config)


def test_aksk_signs_a_get_with_query_and_headers(petstore: ModuleType) -> None:
    request = send(
        petstore,
        aksk(petstore, project_id="proj-1"),
        "list_pets",
        offset=0,
        limit=10,
        x_language="en-us",
    )
    canonical_request = (
        "GET\n"
        "/v2/proj-1/pets/\n"
        "limit=10&offset=0\n"
        "host:petstore.eu-de.example.com\n"
        "x-language:en-us\n"
        "x-project-id:proj-1\n"
        "x-sdk-date:20240102T030405Z\n"
        "\n"
        "host;x-language;x-project-id;x-sdk-date\n"
        f"{EMPTY_SHA256}"
    )
    assert request.headers["X-Sdk-Date"] == "20240102T030405Z"
    assert request.headers["Authorization"] == expected_authorization(
        canonical_request, "host;x-language;x-project-id;x-sdk-date"
    )


def test_aksk_signs_a_json_body_and_an_encoded_path(petstore: ModuleType) -> None:
    models = importlib.import_module(f"{petstore.__name__}.models")
    body = models.Pet(id_="p1", name="Rex")
    request = send(petstore, aksk(petstore), "update_pet", pet_id="a b/c", body=body)
    sent_body = b'{"id":"p1","name":"Rex"}'
    assert request.content == sent_body
    # The path segment "a b/c" is sent as a%20b%2Fc; like the reference signer, the canonical
    # URI decodes the whole path, splits it at "/" and encodes every segment again.
    canonical_request = (
        "PUT\n"
        "/v2/proj-1/pets/a%20b/c/\n"
        "\n"
        "content-type:application/json\n"
        "host:petstore.eu-de.example.com\n"
        "x-sdk-date:20240102T030405Z\n"
        "\n"
        "content-type;host;x-sdk-date\n"
        f"{hashlib.sha256(sent_body).hexdigest()}"
    )
    assert request.headers["Authorization"] == expected_authorization(
        canonical_request, "content-type;host;x-sdk-date"
    )


def test_aksk_canonical_query_sorts_and_encodes(petstore: ModuleType) -> None:
    auth = importlib.import_module(f"{petstore.__name__}.auth")
    assert auth.canonical_query("b=2&a=x%20y&a=%2F~&c=") == "a=%2F~&a=x%20y&b=2&c="
    assert auth.canonical_uri("/v2/p") == "/v2/p/"
    assert auth.canonical_uri("/") == "/"
