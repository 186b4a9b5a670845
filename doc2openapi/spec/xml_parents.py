"""Where an element row says its element sits: "Parent: ListBucketResult.Contents", or a
dotted name ("CommonPrefixes.Prefix").

S3-style element tables state each element's parent in its description ("Type: string
Parent: Upload", "Parent: Initiator or Owner", "Parent: none" for the root). A syntax
block sketches one case of a body and leaves out elements that other cases have
(``ContinuationToken`` of a listing, the ``RoutingRules`` of a website configuration); an
element whose parent the outline has is added there. The syntax block does not show such
an element, so it is never required.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from doc2openapi.scraper.model import FieldRow
from doc2openapi.scraper.model import XmlElement as Element

Path = tuple[str, ...]
"""Element names from the root down."""

_NAME = r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*"
_PARENT = re.compile(rf"\bParent:\s*(?P<paths>{_NAME}(?:\s*(?:,|\bor\b|\band\b)\s*{_NAME})*)")
_SEPARATOR = re.compile(r"\s*(?:,|\bor\b|\band\b)\s*")


@dataclass(frozen=True, slots=True)
class Placement:
    """A row's element name and the parent paths its row states (``None``: not stated;
    the empty path: the root)."""

    name: str
    parents: tuple[Path, ...] | None

    def fits(self, ancestors: Path) -> bool:
        """Whether an element under ``ancestors`` can be this row's element."""
        if self.parents is None:
            return True
        return any(_ends_with(ancestors, parent) for parent in self.parents)


def placement(row: FieldRow) -> Placement:
    """The element a row describes and where its row says it sits."""
    *prefix, name = row.name.replace(" ", "").split(".")
    if prefix:
        return Placement(name, (tuple(prefix),))
    text = " ".join(line.text for line in row.description)
    match = _PARENT.search(text)
    if match is None:
        return Placement(name, None)
    paths = _SEPARATOR.split(match.group("paths").strip())
    parents = tuple(() if path.lower() == "none" else tuple(path.split(".")) for path in paths)
    return Placement(name, parents)


def _ends_with(ancestors: Path, parent: Path) -> bool:
    if not parent:
        return not ancestors
    return len(ancestors) >= len(parent) and ancestors[-len(parent) :] == parent


def paths_of(root: Element) -> set[Path]:
    """The path of every element of an outline."""
    found: set[Path] = set()
    stack: list[tuple[Element, Path]] = [(root, (root.name,))]
    while stack:
        node, path = stack.pop()
        found.add(path)
        stack.extend((child, (*path, child.name)) for child in node.children)
    return found


def rooted_anew(
    where: Placement, root: str, names: set[str], roots: frozenset[str]
) -> Placement | None:
    """A row whose every stated parent is the root of another operation's body and no
    element of this one ("Parent: ListVersionsResult" in a listing whose root is
    ``ListBucketResult``, copied from the sibling page): the element is a child of a root,
    so of this body's own ``root``. None for any other row."""
    parents = where.parents
    if not parents or any(len(p) != 1 or p[0] in names or p[0] not in roots for p in parents):
        return None
    return Placement(where.name, ((root,),))


def with_stated_elements(
    root: Element, placements: Sequence[Placement]
) -> tuple[Element, set[Path]]:
    """The outline with each row's element added under the parents its row states, where
    the outline has such a parent and not yet the element; and the paths added. Rows are
    read again until none adds anything (``Owner`` before its ``ID``)."""
    added: set[Path] = set()
    while True:
        paths = paths_of(root)
        new = [
            (*path, p.name)
            for p in placements
            if p.parents
            for path in sorted(paths)
            if p.fits(path) and (*path, p.name) not in paths
        ]
        if not new:
            return root, added
        for path in new:
            root = _inserted(root, path)
        added.update(new)


def _inserted(node: Element, path: Sequence[str]) -> Element:
    """``node`` with the element at ``path`` (``path[0]`` is ``node``) added last among
    its siblings."""
    if len(path) == 2:
        if any(child.name == path[1] for child in node.children):
            return node
        return Element(node.name, (*node.children, Element(path[1])), node.repeated)
    children = tuple(
        _inserted(child, path[1:]) if child.name == path[1] else child for child in node.children
    )
    return Element(node.name, children, node.repeated)
