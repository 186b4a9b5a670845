"""Authentication of the generated client: the token header, masked secrets, the AK/SK
canonical forms. AK/SK signatures are compared with the vendor's signer in
``clients/test_signing_vendor.py``.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import httpx

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "s3cr3t/KEY+example"


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


def test_token_auth_sends_the_documented_header(petstore: ModuleType) -> None:
    request = send(petstore, petstore.TokenAuth("tok-123"), "show_pet", pet_id="p1")
    assert request.headers["X-Auth-Token"] == "tok-123"
    assert "Authorization" not in request.headers


def test_aksk_sends_its_own_project_id_else_the_configs(petstore: ModuleType) -> None:
    """``ClientConfig(project_id="proj-1")`` in ``send``: a signer without a project id of its
    own sends the config's; one with its own sends that; ``TokenAuth`` sends none."""
    plain = send(petstore, petstore.AkSkAuth(ACCESS_KEY, SECRET_KEY), "show_pet", pet_id="p1")
    own = petstore.AkSkAuth(ACCESS_KEY, SECRET_KEY, project_id="own-2")
    assert plain.headers["X-Project-Id"] == "proj-1"
    assert send(petstore, own, "show_pet", pet_id="p1").headers["X-Project-Id"] == "own-2"
    token = send(petstore, petstore.TokenAuth("tok-123"), "show_pet", pet_id="p1")
    assert "X-Project-Id" not in token.headers
    assert "X-Security-Token" not in plain.headers


def test_secrets_are_masked_in_repr(petstore: ModuleType) -> None:
    token = petstore.TokenAuth("tok-123")
    signer = petstore.AkSkAuth(ACCESS_KEY, SECRET_KEY, security_token="sts-789")
    config = petstore.ClientConfig(auth=signer, headers={"X-Auth-Token": "tok-456"})
    for text in (repr(token), repr(signer), repr(config)):
        assert "tok-123" not in text
        assert "tok-456" not in text
        assert SECRET_KEY not in text
        assert "sts-789" not in text
    assert "***" in repr(token)
    assert "***" in repr(config)


def test_aksk_canonical_query_sorts_and_encodes(petstore: ModuleType) -> None:
    auth = importlib.import_module(f"{petstore.__name__}.auth")
    assert auth.canonical_query("b=2&a=x%20y&a=%2F~&c=") == "a=%2F~&a=x%20y&b=2&c="
    assert auth.canonical_uri("/v2/p") == "/v2/p/"
    assert auth.canonical_uri("/") == "/"
