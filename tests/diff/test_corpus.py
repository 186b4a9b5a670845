"""The diff on real documents: every corpus folder against itself, and the Cloud Container
Engine reference of July 2025 (history/cce-798aa69) against April 2026 (portal/cce).

The pinned changes were found by reading the two versions of each page side by side (the
text of their ``<main>``): the page, the table and the rows are named with each."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from doc2openapi.diff import Change, Level, compare
from tests.helpers.diff_symmetry import mirrored
from tests.helpers.inputs import corpus_dir
from tests.scraper.test_goldens import CORPUS_FOLDERS, scraped_spec

OLD, NEW = "history/cce-798aa69/api-ref", "portal/cce/api-ref"
B, N = Level.BREAKING, Level.NON_BREAKING
CLUSTERS = "/api/v3/projects/{project_id}/clusters"
NODEPOOL = f"{CLUSTERS}/{{cluster_id}}/nodepools/{{nodepool_id}}"
NODE = f"{CLUSTERS}/{{cluster_id}}/nodes/{{node_id}}"
ADD_NODES = f"{CLUSTERS}/{{cluster_id}}/nodes/add"


@pytest.mark.parametrize("folder", sorted(CORPUS_FOLDERS.values()))
def test_a_folder_against_itself_has_no_change(folder: str) -> None:
    document = scraped_spec(folder)
    assert compare(document, json.loads(json.dumps(document))) == []


@pytest.fixture(scope="module")
def changes() -> list[Change]:
    return compare(scraped_spec(OLD), scraped_spec(NEW))


def test_swapping_history_and_portal_finds_the_opposite_changes(changes: list[Change]) -> None:
    backward = compare(scraped_spec(NEW), scraped_spec(OLD))
    assert changes
    assert mirrored(changes, backward)


# (level, rule id, method, path, status, field, old, new), each read from the pages
PINNED: list[tuple[Level, str, str, str, str, str, Any, Any]] = [
    # apis/job_management/obtaining_the_job_list.html: a page only the new version has
    (N, "endpoint-added", "get", "/api/v2/projects/{project_id}/jobs", "", "", None, None),
    # apis/cluster_management/synchronizing_node_pool_configurations_to_existing_nodes.html
    (
        N,
        "endpoint-added",
        "put",
        NODEPOOL.replace("/v3/", "/v3.1/").replace("nodepools", "nodepool") + "/sync",
        "",
        "",
        None,
        None,
    ),
    # apis/add-on_management/creating_add-on_check_tasks_in_batches.html
    (N, "endpoint-added", "post", f"{CLUSTERS}/{{cluster_id}}/addons/precheck", "", "", None, None),
    # creating_a_cluster.html, request table of spec: new row "deletionProtection | No | Boolean"
    (
        N,
        "new-optional-request-property",
        "post",
        CLUSTERS,
        "",
        "spec.deletionProtection",
        None,
        None,
    ),
    # ... and "legacyVersion | No | String" after platformVersion
    (N, "new-optional-request-property", "post", CLUSTERS, "", "spec.legacyVersion", None, None),
    # ... and the response table of spec gains "deletionProtection | Boolean"
    (
        N,
        "response-optional-property-added",
        "post",
        CLUSTERS,
        "201",
        "spec.deletionProtection",
        None,
        None,
    ),
    # updating_a_specified_node_pool.html, Table 7 (nodeTemplate): taints "Object" became
    # "Array of Table 10 objects"
    (
        B,
        "request-property-type-changed",
        "put",
        NODEPOOL,
        "",
        "spec.nodeTemplate.taints",
        "object",
        "array",
    ),
    # ... a new row "userTags | No | Array of Table 9 objects"
    (
        N,
        "new-optional-request-property",
        "put",
        NODEPOOL,
        "",
        "spec.nodeTemplate.userTags",
        None,
        None,
    ),
    # ... k8sTags "Object" became "Map<String,String>": its values must now be text
    (
        B,
        "request-property-type-changed",
        "put",
        NODEPOOL,
        "",
        "spec.nodeTemplate.k8sTags.*",
        "any",
        "string",
    ),
    # accepting_a_node.html, the runtimeConfig table: row "dockerBaseSize | No | Integer"
    # renamed "containerBaseSize": one field removed, one added
    (
        B,
        "request-property-removed",
        "post",
        ADD_NODES,
        "",
        "nodeList[].spec.runtimeConfig.dockerBaseSize",
        None,
        None,
    ),
    (
        N,
        "new-optional-request-property",
        "post",
        ADD_NODES,
        "",
        "nodeList[].spec.runtimeConfig.containerBaseSize",
        None,
        None,
    ),
    # ... the runtime name lost "Enumeration values: docker containerd"
    (
        N,
        "request-property-enum-unset",
        "post",
        ADD_NODES,
        "",
        "nodeList[].spec.runtimeConfig.runtime.name",
        ["docker", "containerd"],
        None,
    ),
    # reading_a_specified_node.html, the response extendParam table: new row
    # "alpha.cce/postInstall | String", and dockerBaseSize renamed containerBaseSize
    (
        N,
        "response-optional-property-added",
        "get",
        NODE,
        "200",
        "spec.extendParam.alpha.cce/postInstall",
        None,
        None,
    ),
    (
        B,
        "response-optional-property-removed",
        "get",
        NODE,
        "200",
        "spec.extendParam.dockerBaseSize",
        None,
        None,
    ),
    # ... the response runtime name lost its enumeration: new values may come back
    (
        B,
        "response-property-enum-unset",
        "get",
        NODE,
        "200",
        "spec.runtime.name",
        ["docker", "containerd"],
        None,
    ),
]


def _row(change: Change) -> tuple[Any, ...]:
    return (
        change.level,
        change.kind,
        change.method,
        change.path,
        change.location.status,
        change.location.field,
        change.old,
        change.new,
    )


@pytest.mark.parametrize("pinned", PINNED, ids=[f"{p[1]}-{p[5] or p[3]}" for p in PINNED])
def test_a_change_read_from_the_pages_is_reported(changes: list[Change], pinned: Any) -> None:
    assert pinned in [_row(change) for change in changes]


def test_the_new_pages_are_the_operations_added(changes: list[Change]) -> None:
    """Eleven pages with an API exist only in the new version (jobs: 3, tags: 4 and
    node labels, add-on checks: 2, node pool sync: 1); no operation was removed."""
    added = [c for c in changes if c.kind == "endpoint-added"]
    assert len(added) == 11
    assert not [c for c in changes if c.kind.startswith("api-removed")]


@functools.cache
def _main(page: Path) -> Any:
    soup = BeautifulSoup(page.read_bytes(), "lxml")
    return soup.find("main") or soup


@functools.cache
def _tables_and_links(page: Path) -> tuple[list[str], set[Path]]:
    """The text of the tables of a page's ``<main>``, and the other pages whose tables it
    links to (``href="creating_a_node.html#...table..."``)."""
    main = _main(page)
    tables = [" ".join(table.get_text(" ").split()) for table in main.find_all("table")]
    links = set()
    for anchor in main.find_all("a", href=True):
        target, _, fragment = str(anchor["href"]).partition("#")
        if (
            target.endswith(".html")
            and "://" not in target
            and _names_a_table(page.parent / target, fragment)
        ):
            links.add((page.parent / target).resolve())
    return tables, links


def _names_a_table(page: Path, fragment: str) -> bool:
    if not fragment or not page.is_file():
        return False
    element = _main(page).find(id=fragment)
    if element is None:
        return False
    if element.name == "table" or element.find("table") is not None:
        return True
    following = element.find_next(["table", "h1", "h2", "h3", "h4", "h5", "h6"])
    return following is not None and following.name == "table"  # an anchor before a table


def _same_tables(old_root: Path, new_root: Path, page: str) -> bool:
    """Whether the page and every page it links to (and so on) have the same tables in
    both versions: a response described as "see Table 12 in Creating a Node" changes with
    that table."""
    seen: set[Path] = set()
    waiting = [(new_root / page).resolve()]
    while waiting:
        current = waiting.pop()
        if current in seen or not current.is_file():
            continue
        seen.add(current)
        relative = current.relative_to(new_root.resolve())
        tables, links = _tables_and_links(current)
        if (
            not (old_root / relative).is_file()
            or _tables_and_links(old_root / relative)[0] != tables
        ):
            return False
        waiting += links
    return True


def _operation_pages(document: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {
        (method, path): operation["x-source"]
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "x-source" in operation
    }


def test_no_change_where_the_api_tables_are_identical(changes: list[Change]) -> None:
    """Operations whose page has the same tables in both versions are not reported, and
    neither are pages where only descriptions or the URI line's example query changed."""
    old_root, new_root = corpus_dir(OLD), corpus_dir(NEW)
    pages = _operation_pages(scraped_spec(NEW))
    same = {key for key, page in pages.items() if _same_tables(old_root, new_root, page)}
    assert len(same) >= 30
    reported = {(c.method, c.path) for c in changes}
    assert not reported & same
    rewritten_only = {
        "apis/cluster_management/migrating_a_node.html",
        "apis/cluster_management/reading_a_specified_cluster.html",
        "apis/add-on_management/listing_add-on_instances.html",
    }
    quiet = {key for key, page in pages.items() if page in rewritten_only}
    assert len(quiet) == 3
    assert not reported & quiet
