"""Ranges and patterns stated in descriptions become JSON Schema keywords (the forms below
are the corpus's own wording)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doc2openapi.scraper.model import TextLine
from doc2openapi.spec.constraints import SENTENCE_DEFAULT, constraints_of
from tests.helpers import page_builders

KEY_ID = "^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$"


@pytest.mark.parametrize(
    ("text", "strong", "json_type", "expected"),
    [
        # kms: the pattern is the bold text after the phrase, full stop and quotes aside
        (
            f"36-byte key ID that matches the regular expression {KEY_ID}.",
            (KEY_ID,),
            "string",
            {"pattern": KEY_ID},
        ),
        (
            '1 to 64 bytes and meets the regular expression "^[a-zA-Z0-9]{1,64}$".',
            ('"^[a-zA-Z0-9]{1,64}$"',),
            "string",
            {"pattern": "^[a-zA-Z0-9]{1,64}$"},
        ),
        ("Array Length: 1 - 256", (), "array", {"minItems": 1, "maxItems": 256}),
        ("Length: 10 to 30,000 characters", (), "string", {"minLength": 10, "maxLength": 30000}),
        ("Value range: 0 to 2147483646.", (), "integer", {"minimum": 0, "maximum": 2147483646}),
        ("Value range: 100 GB to 32,000 GB", (), "integer", {"minimum": 100, "maximum": 32000}),
        (
            "The value ranges from 0 to 100. Default: 10",
            (),
            "integer",
            {"minimum": 0, "maximum": 100, "default": 10},
        ),
        (
            "The maximum value is 1,000, and the minimum value is 1.",
            (),
            "integer",
            {"maximum": 1000, "minimum": 1},
        ),
        ("minimum 1, maximum 64", (), "integer", {"minimum": 1, "maximum": 64}),
        # "Range:" on its own or after a sentence (iam "... Value range: 15-1440",
        # a held-out "Range: 1 to 100 (default)"); a word before "range" is not this
        ("Range: 1 to 100 (default)", (), "integer", {"minimum": 1, "maximum": 100}),
        (
            "Times the condition was met. Supported range: 1 to 5",
            (),
            "integer",
            {"minimum": 1, "maximum": 5},
        ),
        ("Lockout period. Value range: 15-30", (), "integer", {"minimum": 15, "maximum": 30}),
        ("Supported range: 0 to Number.MAX_VALUE", (), "number", {}),
        ("Port range: 1 to 65535", (), "integer", {}),
        # a bound written with an exponent (the largest double of a threshold)
        (
            "Maximum: 1.7976931348623157e+108",
            (),
            "number",
            {"maximum": 1.7976931348623157e108},
        ),
        (
            "The value ranges from 1 to 64 characters.",
            (),
            "string",
            {"minLength": 1, "maxLength": 64},
        ),
        # a string's length stated in a sentence (ims, ecs, nat, iam wording)
        (
            "The name contains 1 to 255 characters.",
            (),
            "string",
            {"minLength": 1, "maxLength": 255},
        ),
        (
            "The value contains a maximum of 1024 characters and consists of only letters.",
            (),
            "string",
            {"maxLength": 1024},
        ),
        (
            "The tag key contains a maximum of 127 Unicode characters and cannot be left blank.",
            (),
            "string",
            {"maxLength": 127},
        ),
        ("The description can contain up to 255 characters.", (), "string", {"maxLength": 255}),
        ("The value cannot exceed 64 characters.", (), "string", {"maxLength": 64}),
        # two lengths in one sentence are of two things; a lower bound is no maximum; a list
        # of strings is no string
        (
            "The key contains at most 36 characters, and the value contains at most 43 characters.",
            (),
            "string",
            {},
        ),
        ("The password contains 8 characters at least.", (), "string", {}),
        ("Each value contains a maximum of 255 characters.", (), "array", {}),
        # "Value range" inside a sentence, after a full stop with no blank, before others
        ("Copies kept.Value range: 1-200", (), "integer", {"minimum": 1, "maximum": 200}),
        (
            "Days kept. The default value is 7.The value range is 1-720, in days.",
            (),
            "integer",
            {"minimum": 1, "maximum": 720},
        ),
        (
            "Value range: 1-100. Default value: 3.",
            (),
            "integer",
            {"minimum": 1, "maximum": 100, "default": 3},
        ),
        # two units: no range of one number (it was 15..24 before)
        ("The value ranges from 15 minutes to 24 hours.", (), "integer", {}),
        ("The value range is from 5 minutes to 24 hours.", (), "integer", {}),
        # a range of numbers says nothing about a string's length, a pattern nothing about
        # a number
        ("Value range: 0 to 100", (), "string", {}),
        (f"matches the regular expression {KEY_ID}", (KEY_ID,), "integer", {}),
        # a default stated in a sentence
        ("The default value is 300.", (), "integer", {"default": 300, SENTENCE_DEFAULT: True}),
        (
            "Whether it is shared. The default value is false.",
            (),
            "boolean",
            {"default": False, SENTENCE_DEFAULT: True},
        ),
        (
            "Zone type. The default value is public.",
            ("public",),
            "string",
            {"default": "public", SENTENCE_DEFAULT: True},
        ),
        # a string default is the literal the page sets apart, not words
        ("The default value is the service email address.", (), "string", {}),
        ("The default value is public.", (), "string", {}),
        # a value that does not end the sentence, or is no value of the type, is none
        ("The default value is 0, indicating no limit.", (), "integer", {}),
        ("The default value is ten.", (), "integer", {}),
        ("The default value is null.", ("null",), "string", {}),
    ],
)
def test_sentence_constraints(
    text: str, strong: tuple[str, ...], json_type: str, expected: dict[str, Any]
) -> None:
    assert constraints_of([TextLine(text, strong=strong)], json_type) == expected


def test_a_line_of_its_own_wins_over_a_sentence() -> None:
    lines = [TextLine("The value ranges from 0 to 100."), TextLine("Minimum: 1")]
    assert constraints_of(lines, "integer") == {"minimum": 1, "maximum": 100}


def test_a_pattern_on_a_line_of_its_own_or_on_the_next() -> None:
    """ "Regular expression matching: ^x$" states the pattern; with nothing after the colon,
    the next line (a code block in the cell) holds it."""
    same_line = [TextLine("Widget ID."), TextLine("Regular expression matching: ^wd[0-9]{4}$")]
    assert constraints_of(same_line, "string") == {"pattern": "^wd[0-9]{4}$"}
    next_line = [TextLine("Regular expression matching:"), TextLine("^([a-z]|-)*$")]
    assert constraints_of(next_line, "string") == {"pattern": "^([a-z]|-)*$"}
    assert constraints_of(same_line, "integer") == {}


def test_a_parameter_without_a_type_column_keeps_its_stated_lengths(tmp_path: Path) -> None:
    """A URI parameter table with no Type column: the parameter is text, and "Minimum: 1",
    "Maximum: 64" and the pattern its description states are its lengths and pattern."""
    table = page_builders.table(
        ("Parameter", "Mandatory", "Description"),
        (
            "thing_id",
            "Yes",
            "Thing ID.</p><p>Minimum: 1</p><p>Maximum: 64</p>"
            "<p>Regular expression matching: ^[a-z0-9-]{1,64}$",
        ),
        caption="Table 1 Parameter description",
    )
    html = (
        '<html><body><main><section id="op"><h1>Deleting a Thing</h1>'
        f'<section id="uri"><h2>URI</h2><p>DELETE /v1/things/{{thing_id}}</p>{table}</section>'
        "</section></main></body></html>"
    )
    paths = page_builders.scrape_html(tmp_path, html).spec.document["paths"]
    schema = paths["/v1/things/{thing_id}"]["delete"]["parameters"][0]["schema"]
    stated = {k: schema.get(k) for k in ("type", "minLength", "maxLength", "pattern")}
    assert stated == {
        "type": "string",
        "minLength": 1,
        "maxLength": 64,
        "pattern": "^[a-z0-9-]{1,64}$",
    }


def test_a_list_after_the_value_can_be_enumerates_the_values() -> None:
    """ "The value can be:" on a line of its own, then one bold value per list item, is an
    enumeration like "Enumeration values:"; said inside a sentence it is not."""
    listed = [
        TextLine("Method for adding widgets."),
        TextLine("The value can be:"),
        TextLine("AUTO", in_list=True, strong=("AUTO",)),
        TextLine("MANUAL: added by hand.", in_list=True, strong=("MANUAL",)),
    ]
    assert constraints_of(listed, "string") == {"enum": ["AUTO", "MANUAL"]}
    periods = [TextLine("The value can be:")] + [
        TextLine(v, in_list=True, strong=(v,)) for v in ("0", "300")
    ]
    assert constraints_of(periods, "integer") == {"enum": [0, 300]}
    inline = [TextLine("Aggregation. The value can be:"), *listed[2:]]
    assert constraints_of(inline, "string") == {}


def test_a_list_item_that_states_a_range_constrains_the_field() -> None:
    """A description written as a list of sentences about the field ("-  Number of records
    on each page.", "-  Value range: 0 to 2000."): the item stating the range as a whole is
    the field's; an item's sentence may speak of a case, and is left alone."""
    lines = [
        TextLine("Number of records returned on each page.", in_list=True),
        TextLine("Value range: 0 to 2000.", in_list=True),
    ]
    assert constraints_of(lines, "integer") == {"minimum": 0, "maximum": 2000}
    assert constraints_of([TextLine("Maximum: 64", in_list=True)], "string") == {"maxLength": 64}
    case = TextLine("For a shared bandwidth, the value ranges from 5 to 1000.", in_list=True)
    assert constraints_of([case], "integer") == {}


def test_after_the_value_can_be_only_items_led_by_a_bold_value_enumerate() -> None:
    """A description written as a list: "-  The value can be:" with sub-items, then more
    items about the field. Ranges ("10.0.0.0/8-10.255.255.240/28"), values whose
    explanation is not set apart ("ingress: inbound direction.") and the sentences after
    them ("The value must be in CIDR format, for example, **192.168.0.0/16**.") are no
    values: no enumeration is read from them."""
    ranges = [
        TextLine("Available CIDR blocks.", in_list=True),
        TextLine("The value can be:", in_list=True),
        TextLine("10.0.0.0/8-10.255.255.240/28", in_list=True),
        TextLine('If cidr is not specified, the default value is "".', True, ("cidr", '""')),
        TextLine(
            "The value must be in CIDR format, for example, 192.168.0.0/16.",
            True,
            ("192.168.0.0/16",),
        ),
    ]
    assert constraints_of(ranges, "string") == {}
    unmarked = [TextLine("The value can be:"), TextLine("ingress: inbound direction.", True)]
    assert constraints_of(unmarked, "string") == {}
    bold = [
        TextLine("The value can be:", in_list=True),
        TextLine("port: a single network interface.", True, ("port",)),
        TextLine("vpc: all network interfaces in a VPC.", True, ("vpc",)),
        TextLine("Set it when the log is created.", True, ("log",)),
    ]
    assert constraints_of(bold, "string") == {"enum": ["port", "vpc"]}
    # "Enumeration values:" lists its values plainly, one per item
    plain = [TextLine("Enumeration values:"), TextLine("ingress", True), TextLine("egress", True)]
    assert constraints_of(plain, "string") == {"enum": ["ingress", "egress"]}


@pytest.mark.parametrize(
    ("text", "json_type", "expected"),
    [
        ("The value range is 1\u20131000.", "integer", {"minimum": 1, "maximum": 1000}),
        (
            "The unit is second and value range is 0-86400.",
            "integer",
            {"maximum": 86400, "minimum": 0},
        ),
        # a range of durations in two units bounds nothing of a number of seconds
        ("The value range is from 5 minutes to 24 hours.", "integer", {}),
        ("The value ranges from 15 minutes to 24 hours.", "integer", {}),
        ("It can contain 1 to 64 characters.", "string", {"minLength": 1, "maxLength": 64}),
        ("The name consists of 3 to 32 characters.", "string", {"minLength": 3, "maxLength": 32}),
        ("The description cannot exceed 255 characters.", "string", {"maxLength": 255}),
        ("It contains a maximum of 36 Unicode characters.", "string", {"maxLength": 36}),
        ("A value can contain up to 43 Unicode characters.", "string", {"maxLength": 43}),
        # a length says nothing about a number
        ("The value contains a maximum of 255 characters.", "integer", {}),
        ("It can contain 1 to 64 characters.", "integer", {}),
    ],
)
def test_ranges_and_lengths_in_sentences(
    text: str, json_type: str, expected: dict[str, Any]
) -> None:
    assert constraints_of([TextLine(text)], json_type) == expected


def test_a_length_in_a_list_item_is_a_condition_not_the_field_s() -> None:
    """Lines of a list state cases ("If it ends with a period, it cannot exceed 254
    characters."): not the field's own bound."""
    lines = [TextLine("Domain name"), TextLine("It cannot exceed 254 characters.", in_list=True)]
    assert constraints_of(lines, "string") == {}


def test_a_default_line_wins_over_a_default_sentence() -> None:
    lines = [TextLine("The default value is 10."), TextLine("Default: 20")]
    assert constraints_of(lines, "integer") == {"default": 20}


def test_a_range_inside_a_sentence_bounds_the_query_parameter(tmp_path: Path) -> None:
    rows = (
        ("limit", "No", "Integer", "Records per page.Value range: 1-50. Default value: 10."),
        ("offset", "No", "Integer", "Where the page starts. The value range is 0-1000, in rows."),
        ("wait", "No", "Integer", "How long to wait. The value range is from 1 second to 2 hours."),
    )
    header = ("Parameter", "Mandatory", "Type", "Description")
    query = page_builders.table(header, *rows, caption="Table 2 Query Parameters")
    page = page_builders.portal_page(page_builders.section("Request Parameters", query))
    outcome = page_builders.scrape_html(tmp_path, page)
    (operation,) = (item["get"] for item in outcome.spec.document["paths"].values())
    schemas = {p["name"]: p["schema"] for p in operation["parameters"] if p["in"] == "query"}
    assert (schemas["limit"]["minimum"], schemas["limit"]["maximum"]) == (1, 50)
    assert (schemas["offset"]["minimum"], schemas["offset"]["maximum"]) == (0, 1000)
    assert "minimum" not in schemas["wait"] and "maximum" not in schemas["wait"]


@pytest.mark.parametrize(
    ("text", "json_type"),
    [
        # a bound no float can hold, or thousands of digits: ignored, never a traceback
        ("Maximum: 1e400", "integer"),
        ("Maximum: 1e400", "number"),
        ("Minimum: -1e400", "number"),
        (f"Value range: 0 to {'9' * 4300}", "integer"),
        (f"It can contain 1 to {'9' * 4300} characters.", "string"),
        (f"Default: {'9' * 4300}", "integer"),
    ],
)
def test_a_number_too_large_states_nothing(text: str, json_type: str) -> None:
    assert constraints_of([TextLine(text)], json_type) == {}


@pytest.mark.parametrize(
    ("text", "json_type", "expected"),
    [
        # a range that ends its sentence (a "(" or a new sentence may follow) bounds the value
        ("Value range: 1 to 100 (default)", "integer", {"minimum": 1, "maximum": 100}),
        (
            "The value range is 1 to 10. Other values are refused.",
            "integer",
            {"minimum": 1, "maximum": 10},
        ),
        ("The value range is 1 to 100 GB.", "integer", {"minimum": 1, "maximum": 100}),
        # one that goes on, has two units or a magnitude word, bounds something else
        ("Value range: 0 to 2^31-1.", "integer", {}),
        ("The value range is 1 to 10 million.", "integer", {}),
        ("Value range: 1 GB to 32 TB", "integer", {}),
        ("The value range is 1 to 3 times the vCPU count.", "integer", {}),
        ("The value range is 1 to 5 per request.", "integer", {}),
        ("Value range: 1-10 for small instances and 1-100 for large ones.", "integer", {}),
        # a sentence about a case bounds the case, not the field
        ("For type A, the value range is 1 to 10.", "integer", {}),
        (
            "When type is HOST_NAME, the value can contain a maximum of 100 characters.",
            "string",
            {},
        ),
        ("If the name is in Chinese, it can contain up to 32 characters.", "string", {}),
        ("When the quota is set, the maximum value is 10.", "integer", {}),
        # the length of a part of the value is not the value's
        ("Each label can contain a maximum of 63 characters.", "string", {}),
        ("The prefix cannot exceed 10 characters.", "string", {}),
        # a size is no bound: "must contain 32 characters" (an ETag in quotes is longer)
        ("The value must contain 32 characters.", "string", {}),
        ("The ID contains 36 characters.", "string", {}),
        ("The value must not exceed 32 characters.", "string", {"maxLength": 32}),
    ],
)
def test_a_range_or_length_bounds_the_field_only_when_the_sentence_says_so(
    text: str, json_type: str, expected: dict[str, Any]
) -> None:
    assert constraints_of([TextLine(text)], json_type) == expected


def test_a_prose_line_after_regular_expression_is_no_pattern() -> None:
    lines = [TextLine("Regular expression:"), TextLine("The name must be unique.")]
    assert constraints_of(lines, "string") == {}


def test_bold_phrases_after_the_value_can_be_are_no_values() -> None:
    lines = [
        TextLine("The value can be:"),
        TextLine("A single value, such as 200", in_list=True, strong=("A single value",)),
        TextLine("A range, such as 200-299", in_list=True, strong=("A range",)),
    ]
    assert constraints_of(lines, "string") == {}


@pytest.mark.parametrize(
    ("text", "name", "json_type", "expected"),
    [
        # as: the subject shared by "and", a relative clause, or the field's own name
        (
            "Specifies the AS group name. The name contains only letters, digits, underscores"
            " (_), and hyphens (-), and cannot exceed 64 characters.",
            "scaling_group_name",
            "string",
            {"maxLength": 64},
        ),
        (
            "Description of an agency, which can contain up to 255 characters.",
            "",
            "string",
            {"maxLength": 255},
        ),
        ("The subject cannot exceed 512 characters.", "subject", "string", {"maxLength": 512}),
        (
            "The user ID can contain a maximum of 128 characters.",
            "xuser_id",
            "string",
            {"maxLength": 128},
        ),
        ("The prefix cannot exceed 10 characters.", "marker", "string", {}),
        ("Each key or value contains a maximum of 255 characters.", "metadata", "string", {}),
        # elb: a default may follow the range; ecs: a sentence after a case is of the case
        (
            "The value ranges from 1 to 300, and the default value is 60.",
            "",
            "integer",
            {"minimum": 1, "maximum": 300},
        ),
        (
            "When ip_protocol is icmp, it specifies the code. The value ranges from 0 to 255.",
            "to_port",
            "integer",
            {},
        ),
    ],
)
def test_whose_length_or_range_a_sentence_states(
    text: str, name: str, json_type: str, expected: dict[str, Any]
) -> None:
    assert constraints_of([TextLine(text)], json_type, name) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # cbr, obs, ecs, kms: the value of the field, after a label, with a modal verb
        ("The value of sort can contain a maximum of 255 characters.", "sort", {"maxLength": 255}),
        (
            "Specifications: The value contains a maximum of 256 characters.",
            "customdomain",
            {"maxLength": 256},
        ),
        (
            "Specifies the security group name. It must contain 0 to 255 characters.",
            "name",
            {"minLength": 0, "maxLength": 255},
        ),
        (
            "CMK description (The value ranges from 0 to 255 characters.)",
            "description",
            {"minLength": 0, "maxLength": 255},
        ),
        ("The value of each label can contain a maximum of 63 characters.", "domain", {}),
    ],
)
def test_a_length_of_the_field_s_own_value(text: str, name: str, expected: dict[str, Any]) -> None:
    assert constraints_of([TextLine(text)], "string", name) == expected
