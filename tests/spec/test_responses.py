"""Every documented status code, error body and response header reaches the spec (small
pages written here, scraped and built as a user would)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from doc2openapi.pipeline import scrape
from tests.helpers.page_builders import FIELDS, portal_page, section, table


def built(tmp_path: Path, html: str) -> tuple[dict[str, Any], list[str]]:
    (tmp_path / "thing.html").write_text(html, encoding="utf-8")
    outcome = scrape([tmp_path])
    return outcome.spec.document, [d.code.value for d in outcome.diagnostics]


def operation(tmp_path: Path, html: str) -> tuple[dict[str, Any], list[str]]:
    document, codes = built(tmp_path, html)
    return document["paths"]["/v1/things/{id}"]["get"], codes


def body_ref(response: dict[str, Any]) -> str:
    return str(response["content"]["application/json"]["schema"]["$ref"])


def test_listed_codes_are_responses(tmp_path: Path) -> None:
    html = portal_page(
        section(
            "Returned Values",
            "<p>Normal</p><p>200</p><p>Abnormal</p>",
            table(
                ("Returned Value", "Description"),
                ("400 Bad Request", "Bad."),
                ("503 Service Unavailable", "Down."),
            ),
        )
    )
    op, _ = operation(tmp_path, html)
    assert sorted(op["responses"]) == ["200", "400", "503"]
    assert op["responses"]["503"]["description"] == "Down."


def test_an_error_body_without_a_code_is_the_default_response(tmp_path: Path) -> None:
    html = portal_page(
        section(
            "Response Parameters",
            table(FIELDS, ("job_id", "String", "Task ID."), caption="Table 1 Normal response"),
            table(
                FIELDS, ("message", "String", "Error message."), caption="Table 2 Abnormal response"
            ),
        ),
        section(
            "Example Response",
            '<ul><li><p>Normal response</p><pre>{"job_id": "7"}</pre></li>',
            '<li><p>Abnormal response</p><pre>{"message": "no"}</pre></li></ul>',
        ),
        section("Returned Values", table(("Returned Values", "Description"), ("200", "OK."))),
    )
    op, codes = operation(tmp_path, html)
    assert sorted(op["responses"]) == ["200", "default"]
    assert body_ref(op["responses"]["200"]) != body_ref(op["responses"]["default"])
    assert "D309" in codes
    examples = {
        code: [e["value"] for e in response["content"]["application/json"]["examples"].values()]
        for code, response in op["responses"].items()
    }
    assert examples == {"200": [{"job_id": "7"}], "default": [{"message": "no"}]}


def test_an_error_body_answers_each_listed_error_code(tmp_path: Path) -> None:
    html = portal_page(
        section(
            "Response",
            "<p>Normal response</p>",
            table(FIELDS, ("id", "String", "ID.")),
            "<p>Abnormal response</p>",
            table(FIELDS, ("error_msg", "String", "Message.")),
        ),
        section(
            "Status Codes",
            table(
                ("Status Code", "Description"), ("200", "OK."), ("400", "Bad."), ("404", "Gone.")
            ),
        ),
    )
    op, codes = operation(tmp_path, html)
    responses = op["responses"]
    assert sorted(responses) == ["200", "400", "404"]
    assert body_ref(responses["400"]) == body_ref(responses["404"]) != body_ref(responses["200"])
    assert "D309" not in codes


def test_bodies_of_their_own_codes_stay_theirs(tmp_path: Path) -> None:
    html = portal_page(
        section(
            "Response Parameters",
            "<p>Status code: 200</p>",
            table(FIELDS, ("id", "String", "ID.")),
            "<p>Status code: 400</p>",
            table(FIELDS, ("error_code", "String", "Code.")),
        ),
    )
    op, _ = operation(tmp_path, html)
    assert sorted(op["responses"]) == ["200", "400"]
    assert body_ref(op["responses"]["400"]).endswith("ShowThingError400")


def test_request_and_response_headers(tmp_path: Path) -> None:
    html = portal_page(
        section(
            "Request Parameters",
            "<p>Parameters in the request header</p>",
            table(
                ("Parameter", "Mandatory", "Type", "Description"),
                ("X-Auth-Token", "Yes", "String", "Token."),
                ("Content-Type", "Yes", "String", "Media type."),
                ("X-Language", "No", "String", "Language."),
            ),
        ),
        section(
            "Response Parameters",
            "<p>Status code: 201</p>",
            table(
                FIELDS,
                ("X-Subject-Token", "String", "The new token."),
                caption="Table 3 Parameters in the response header",
            ),
            table(FIELDS, ("token", "String", "Token details.")),
        ),
    )
    document, _ = built(tmp_path, html)
    op = document["paths"]["/v1/things/{id}"]["get"]
    assert [(p["name"], p["in"]) for p in op["parameters"]] == [
        ("id", "path"),
        ("X-Language", "header"),
    ]
    assert op["security"] == [{"token": []}]
    created = op["responses"]["201"]
    assert created["headers"]["X-Subject-Token"]["schema"]["type"] == "string"
    assert created["headers"]["X-Subject-Token"]["description"] == "The new token."
    schema = document["components"]["schemas"][body_ref(created).rsplit("/", 1)[-1]]
    assert list(schema["properties"]) == ["token"]


def test_a_page_that_lists_only_error_codes_still_answers_a_success(tmp_path: Path) -> None:
    """A "Normal response: None" and a status section of error codes only: the operation
    succeeds all the same, with the implied 200 (said), beside the listed errors."""
    html = portal_page(
        section("Response", "<ul><li><p>Normal response</p><p>None</p></li></ul>"),
        section(
            "Status Codes",
            "<p>Abnormal</p>",
            table(("Status Code", "Description"), ("400", "Bad."), ("404", "Gone.")),
        ),
    )
    op, codes = operation(tmp_path, html)
    assert sorted(op["responses"]) == ["200", "400", "404"]
    assert "content" not in op["responses"]["200"]
    assert "D302" in codes


def test_fields_without_a_code_answer_the_one_normal_code_when_it_is_no_2xx(
    tmp_path: Path,
) -> None:
    """A versions page answers "Normal: 300": its response fields are the 300 body, and no
    200 is made up (D302 is for a code the page does not give)."""
    html = portal_page(
        section("Response", table(FIELDS, ("versions", "Array of strings", "The versions."))),
        section(
            "Returned Values",
            "<p>Normal</p><p>300</p><p>Abnormal</p>",
            table(("Returned Value", "Description"), ("400 Bad Request", "Bad.")),
        ),
    )
    op, codes = operation(tmp_path, html)
    assert sorted(op["responses"]) == ["300", "400"]
    assert "content" in op["responses"]["300"]
    assert "D302" not in codes
