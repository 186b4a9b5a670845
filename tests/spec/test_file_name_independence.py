"""The scraper reads what the pages say, never what their files are called.

Two corpus folders are copied into a temporary folder with every page (and every folder of
pages) given a neutral name in a shuffled order, and every link between them (``href``, the
export's table of contents) rewritten to the new names. The spec built from the copy must
have the same operations, operationIds and field counts, and every operation the same
request, parameters and responses once component names and the pages' own names
(``x-source``, ``externalDocs``) are set aside: component names are taken first come, so
they follow the order the pages are read in (still the files' order; see the report of
the generalisation audit). The same probe run by hand over all seventeen folders found the
same operations, operationIds, counts and operations in each.

portal/smn has pages in nested folders with ``index.html`` pages linking them and three
pages of one operation; doc-exports/elb has a ``CLASS.TXT.json``, pages named after their
operation (``CreatePool.html``) beside numbered ones (``elb_zq_zf_0001.html``), and
operations documented on two pages.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.helpers.corpus_scrape import scraped_folder
from tests.helpers.inputs import corpus_dir
from tests.helpers.page_builders import section, table

FOLDERS = ("portal/smn/api-ref", "doc-exports/elb/api-ref")
_HREF = re.compile(r"""(\bhref\s*=\s*)(["'])(.*?)\2""", re.I | re.S)
_PAGE_NAMES = ("x-source", "externalDocs")
_TOC = "CLASS.TXT.json"


def _neutral(text: str, prefix: str) -> str:
    return prefix + hashlib.sha256(text.encode()).hexdigest()[:10]


def neutral_names(folder: Path) -> dict[str, str]:
    """A neutral path for every page, folders renamed too (one name per folder, so links
    that leave the folder still leave it); the hash shuffles the order of the pages."""
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
    folders: dict[str, str] = {"": ""}
    for directory in sorted({posixpath.dirname(p) for p in pages} - {""}):
        parent = folders.get(posixpath.dirname(directory), "")
        folders[directory] = posixpath.join(parent, _neutral(directory, "g"))
    return {
        p: posixpath.join(folders[posixpath.dirname(p)], _neutral(p, "p") + ".html") for p in pages
    }


def _rewrite_links(text: str, key: str, names: dict[str, str]) -> str:
    here, there = posixpath.dirname(key), posixpath.dirname(names[key]) or "."

    def one(match: re.Match[str]) -> str:
        parts = urlsplit(match.group(3))
        if parts.scheme or parts.netloc or not parts.path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(here, parts.path))
        if target not in names:
            return match.group(0)
        new = posixpath.relpath(names[target], there)
        new += (f"?{parts.query}" if parts.query else "") + (
            f"#{parts.fragment}" if parts.fragment else ""
        )
        return f"{match.group(1)}{match.group(2)}{new}{match.group(2)}"

    return _HREF.sub(one, text)


def renamed_copy(folder: Path, destination: Path) -> dict[str, str]:
    names = neutral_names(folder)
    for key, new in names.items():
        target = destination / new
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (folder / key).read_bytes().decode("utf-8")
        target.write_text(_rewrite_links(text, key, names), "utf-8")
    toc = folder / _TOC
    if toc.is_file():
        entries = json.loads(toc.read_bytes().decode("utf-8-sig"))
        for entry in entries:
            entry["uri"] = names.get(entry.get("uri", ""), entry.get("uri", ""))
        (destination / _TOC).write_text(json.dumps(entries), "utf-8")
    return names


def _inline(node: Any, components: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """``node`` with every reference replaced by what it names (a cycle by a marker) and the
    pages' names left out: what a client sees, whatever the components are called."""
    if isinstance(node, list):
        return [_inline(item, components, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        _, _, kind, name = node["$ref"].split("/")
        if name in seen:
            return {"cycle": True}
        return _inline(components[kind][name], components, (*seen, name))
    return {k: _inline(v, components, seen) for k, v in node.items() if k not in _PAGE_NAMES}


def _shapes(document: dict[str, Any]) -> dict[tuple[str, str], str]:
    components = document.get("components", {})
    return {
        (path, method): json.dumps(_inline(operation, components), sort_keys=True)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "responses" in operation
    }


def _counters(report: dict[str, Any]) -> dict[str, int]:
    (service,) = report["services"].values()
    return {k: v for k, v in service.items() if isinstance(v, int)}


@pytest.fixture(scope="module", params=FOLDERS)
def pair(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Any, Any, dict[str, str]]:
    from doc2openapi.pipeline import scrape  # noqa: PLC0415
    from doc2openapi.report import build_report  # noqa: PLC0415

    relative: str = request.param
    folder = corpus_dir(relative)
    service = relative.split("/")[1]  # the service keeps its name: only the pages are renamed
    copy = tmp_path_factory.mktemp("renamed") / service / "api-ref"
    names = renamed_copy(folder, copy)
    outcome = scrape([copy])
    renamed = (outcome.spec.document, build_report(outcome))
    original = scraped_folder(relative)
    return (original.document, original.report), renamed, names


def test_every_page_and_link_was_renamed(pair: tuple[Any, Any, dict[str, str]]) -> None:
    """The probe itself: no page keeps its name, and the copy's report names only new ones."""
    _, (_, report), names = pair
    assert names and not set(names) & set(names.values())
    pages = {d["page"] for d in report["diagnostics"] if d.get("page")}
    assert pages and pages <= set(names.values()) | {_TOC}


def test_same_operations_and_operation_ids(pair: tuple[Any, Any, dict[str, str]]) -> None:
    (original, _), (renamed, _), _ = pair

    def ids(document: dict[str, Any]) -> dict[tuple[str, str], str]:
        paths = document["paths"].items()
        return {(p, m): op["operationId"] for p, item in paths for m, op in item.items()}

    assert ids(renamed) == ids(original)


def test_same_field_and_row_counts(pair: tuple[Any, Any, dict[str, str]]) -> None:
    (_, original), (_, renamed), _ = pair
    assert _counters(renamed) == _counters(original)
    assert _counters(original)["fields_total"] > 0


def test_same_operations_whatever_the_components_are_called(
    pair: tuple[Any, Any, dict[str, str]],
) -> None:
    (original, _), (renamed, _), _ = pair
    assert len(renamed["components"]["schemas"]) == len(original["components"]["schemas"])
    before, after = _shapes(original), _shapes(renamed)
    assert sorted(k for k in before if before[k] != after.get(k)) == []


def _gadget_page(title: str, field: str, value: str) -> str:
    """A page of one form of a gadget's action (a made-up service, not a corpus page)."""
    fields = table(
        ("Parameter", "Mandatory", "Type", "Description"),
        (field, "Yes", "String", f"How the gadget does it ({field})."),
    )
    return (
        f'<html><body><main><section id="op"><h1>{title}</h1>'
        "<section><h2>URI</h2><p>POST /v2/gadgets/{gadget_id}/action</p></section>"
        + section("Request", fields)
        + section("Example Request", f'<pre>{{"{field}": "{value}"}}</pre>')
        + section("Response", "<p>None</p>")
        + "</section></main></body></html>"
    )


def _index_page(*pages: tuple[str, str]) -> str:
    """The index page of the gadget's actions, listing each page by its title."""
    items = "".join(f'<li><p><a href="{file}">{title}</a></p></li>' for file, title in pages)
    return (
        '<html><body><main><section id="actions"><h1>Gadget Actions</h1>'
        f"<ul>{items}</ul></section></main></body></html>"
    )


@pytest.mark.parametrize("files", [("a.html", "z.html"), ("z.html", "a.html")])
def test_one_operation_on_two_pages_in_the_order_the_index_lists_them(
    tmp_path: Path, files: tuple[str, str]
) -> None:
    """Two pages document one action and the index lists "Rebooting" first: the operation
    takes them in that order (operationId, summary, the anyOf of bodies, examples) and keeps
    the example
    of each, whichever file name sorts first."""
    from doc2openapi.pipeline import scrape  # noqa: PLC0415

    rebooting, pausing = files
    (tmp_path / rebooting).write_text(_gadget_page("Rebooting a Gadget", "reboot_mode", "soft"))
    (tmp_path / pausing).write_text(_gadget_page("Pausing a Gadget", "pause_for", "10s"))
    listed = ((rebooting, "Rebooting a Gadget"), (pausing, "Pausing a Gadget"))
    (tmp_path / "actions.html").write_text(_index_page(*listed))
    document = scrape([tmp_path]).spec.document
    operation = document["paths"]["/v2/gadgets/{gadget_id}/action"]["post"]
    assert operation["summary"] == "Rebooting a Gadget / Pausing a Gadget"
    assert operation["operationId"] == "RebootOrPauseGadget"
    assert operation["x-source"] == f"{rebooting} {pausing}"
    body = _inline(operation["requestBody"], document["components"])["content"]
    assert [list(form["properties"]) for form in body["application/json"]["schema"]["anyOf"]] == [
        ["reboot_mode"],
        ["pause_for"],
    ]
    assert body["application/json"]["examples"] == {
        "request1": {"value": {"reboot_mode": "soft"}},
        "request2": {"value": {"pause_for": "10s"}},
    }


def test_smn_publishing_keeps_the_example_of_each_of_its_pages() -> None:
    """apis/message_publishing/: three pages ("Publishing Messages in the Text Format",
    "... Using a Message Structure", "... Using a Template") document POST
    .../topics/{topic_urn}/publish, each with one example request, whose keys are
    ``message``, ``message_structure`` and ``message_template_name`` beside ``subject`` and
    ``time_to_live``. The operation keeps all three, in the order message_publishing/index.html
    lists the pages (text format, message structure, template)."""
    document = scraped_folder("portal/smn/api-ref").document
    operation = document["paths"]["/v2/{project_id}/notifications/topics/{topic_urn}/publish"]
    examples = operation["post"]["requestBody"]["content"]["application/json"]["examples"]
    assert list(examples) == ["request1", "request2", "request3"]
    forms = [
        {"message", "message_structure", "message_template_name"} & set(e["value"])
        for e in examples.values()
    ]
    assert forms == [{"message"}, {"message_structure"}, {"message_template_name"}]


def test_evs_tag_actions_are_named_in_the_order_their_index_lists_them() -> None:
    """POST .../os-vendor-volumes/{volume_id}/tags/action is documented twice per version.
    apis_recommended/tag_management/index.html lists "Batch Deleting Tags ..." before
    "Batch Adding Tags ..." (v2); unrecommended_apis/api/evs_tag/index.html lists adding
    before deleting (v3). Each operationId names the actions in its index's order."""
    paths = scraped_folder("portal/evs/api-ref").document["paths"]
    v2 = paths["/v2/{project_id}/os-vendor-volumes/{volume_id}/tags/action"]["post"]
    v3 = paths["/v3/{project_id}/os-vendor-volumes/{volume_id}/tags/action"]["post"]
    assert v2["operationId"].index("Delete") < v2["operationId"].index("Add")
    assert v3["operationId"].index("Add") < v3["operationId"].index("Delete")
