"""Every operation that a corpus page documents must be an operation of the scraped spec.

The reference list comes from ``corpus_truth`` (an independent lxml reader, no
doc2openapi import).  Paths are compared after the only normalisation that
``corpus_truth`` applies (scheme/host, RFC 6570 ``{?...}`` and query string removed), as
OpenAPI identifies them: by template, parameter names aside (``golden_support.path_template``;
the spec must rename a parameter that a path repeats, or that differs from another page's
name for the same path, and the golden contracts check the names it keeps).
"""

from __future__ import annotations

import pytest
from conftest import corpus_dir
from corpus_truth import Operation, folder_operations, page_operations
from golden_support import list_operations, path_template
from test_goldens import scraped_spec

# Counted by hand (corpus as described in ../shared/corpus/README.md): for each
# HTML page, a throw-away lxml dump printed the headings, paragraphs and table cells;
# `grep '] URI$'` gave the pages with a URI heading, and the "P: METHOD /path" lines
# under that heading were counted (awk between the URI heading and the next heading).
# Pages without a URI heading were read one by one: they are overviews, appendices,
# permission tables, examples, and two ELB pages that lost their URI section
# (en-us_topic_0096561547.html "Querying Backend Server Groups" and
# en-us_topic_0141008271.html "Querying Details of a Load Balancer").
API_PAGES = {
    "doc-exports/dcs/api-ref": 1,
    "doc-exports/ecs/api-ref": 132,  # of 208 pages
    "doc-exports/elb/api-ref": 133,  # of 187 pages
    "portal/dcs/api-ref": 98,  # of 130 pages (index pages and appendices excluded)
}
# (page, method, path) triples: most ECS Nova pages document a v2 and a v2.1 URI.
TRIPLES = {
    "doc-exports/dcs/api-ref": 1,
    "doc-exports/ecs/api-ref": 213,
    "doc-exports/elb/api-ref": 133,
    "portal/dcs/api-ref": 98,
}
# distinct (method, path): ECS pages share POST .../servers/{server_id}/action (15 pages
# each for v2 and v2.1), POST /v1/{project_id}/cloudservers/action (3) and three tag /
# server-group action URIs (2 each); ELB shares GET / (2 pages), POST
# /v2.0/lbaas/l7policies (2) and POST /v3/{project_id}/elb/pools (2).
DISTINCT_OPERATIONS = {
    "doc-exports/dcs/api-ref": 1,
    "doc-exports/ecs/api-ref": 180,
    "doc-exports/elb/api-ref": 130,
    "portal/dcs/api-ref": 98,
}
FOLDERS = sorted(API_PAGES)


@pytest.mark.parametrize("folder", FOLDERS)
def test_lister_counts_match_hand_count(folder: str) -> None:
    operations = folder_operations(corpus_dir(folder))
    assert len({op.page for op in operations}) == API_PAGES[folder]
    assert len(operations) == TRIPLES[folder]
    assert len({(op.method, op.path) for op in operations}) == DISTINCT_OPERATIONS[folder]


# Unusual URI forms read by hand, and what the lister must make of them.
KNOWN_FORMS = [
    (
        "doc-exports/ecs/api-ref",
        "en-us_topic_0020212666.html",  # ".../os-interface/{port_id}{?reserve_port}"
        [
            ("DELETE", "/v2.1/{project_id}/servers/{server_id}/os-interface/{port_id}"),
            ("DELETE", "/v2/{project_id}/servers/{server_id}/os-interface/{port_id}"),
        ],
    ),
    (
        "doc-exports/ecs/api-ref",
        "en-us_topic_0022472988.html",  # literal query "?delete_flag=0"
        [("DELETE", "/v1/{project_id}/cloudservers/{server_id}/detachvolume/{volume_id}")],
    ),
    (
        "doc-exports/ecs/api-ref",
        "en-us_topic_0020212656.html",  # "?availability_zone={availability_zone}"
        [("GET", "/v1/{project_id}/cloudservers/flavors")],
    ),
    (
        "doc-exports/ecs/api-ref",
        "en-us_topic_0067298110.html",  # {project_id} twice in one path
        [
            ("GET", "/v2.1/{project_id}/os-quota-sets/{project_id}"),
            ("GET", "/v2/{project_id}/os-quota-sets/{project_id}"),
        ],
    ),
    (
        "doc-exports/ecs/api-ref",
        "en-us_topic_0065817707.html",  # a third line "Usage: DELETE /v2/..." is not a URI
        [
            ("DELETE", "/v2.1/{project_id}/servers/{server_id}/os-volume_attachments/{volume_id}"),
            ("DELETE", "/v2/{project_id}/servers/{server_id}/os-volume_attachments/{volume_id}"),
        ],
    ),
    (
        "doc-exports/elb/api-ref",
        "elb_jd_bg_0002.html",  # "GET /{api_version}" followed by a bare "/v1.0" line
        [("GET", "/{api_version}")],
    ),
    (
        "doc-exports/elb/api-ref",
        "elb_jd_hd_0003.html",  # literal query "?limit=10&marker=0"
        [("GET", "/v1.0/{project_id}/elbaas/listeners/{listener_id}/members")],
    ),
    ("doc-exports/elb/api-ref", "en-us_topic_0141008271.html", []),  # no URI section
    ("doc-exports/ecs/api-ref", "en-us_topic_0103071510.html", []),  # permission table
    (
        "portal/dcs/api-ref",
        "api_version_query/querying_information_of_an_api_version.html",  # "URI format" line
        [("GET", "/{api_version}")],
    ),
    (
        "portal/dcs/api-ref",
        # URI section also holds an example <pre>GET https://{dcs_endpoint}/v1.0/bd6b...</pre>
        "outdated_apis_v1/lifecycle_management_apis/querying_all_dcs_instances_of_a_tenant.html",
        [("GET", "/v1.0/{project_id}/instances")],
    ),
    ("portal/dcs/api-ref", "permissions_policies_and_supported_actions.html", []),
]


@pytest.mark.parametrize(
    ("folder", "page", "expected"), KNOWN_FORMS, ids=[page for _, page, _ in KNOWN_FORMS]
)
def test_lister_reads_unusual_uri_forms(
    folder: str, page: str, expected: list[tuple[str, str]]
) -> None:
    assert page_operations(corpus_dir(folder) / page) == expected


def _missing(operations: list[Operation], spec_operations: set[tuple[str, str]]) -> list[str]:
    return [
        f"  {op.method} {op.path}  ({op.page})"
        for op in operations
        if (op.method, path_template(op.path)) not in spec_operations
    ]


def _spec_operations(folder: str) -> set[tuple[str, str]]:
    return {(m, path_template(p)) for m, p in list_operations(scraped_spec(folder))}


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_documented_operation_is_in_the_spec(folder: str) -> None:
    operations = folder_operations(corpus_dir(folder))
    spec_operations = _spec_operations(folder)
    missing = _missing(operations, spec_operations)
    assert not missing, f"{len(missing)} documented operations absent from the spec:\n" + "\n".join(
        missing
    )


@pytest.mark.parametrize("folder", FOLDERS)
def test_spec_has_no_undocumented_operation(folder: str) -> None:
    documented = {
        (op.method, path_template(op.path)) for op in folder_operations(corpus_dir(folder))
    }
    extra = sorted(_spec_operations(folder) - documented)
    assert not extra, "operations in the spec that no page documents:\n" + "\n".join(
        f"  {method} {path}" for method, path in extra
    )
