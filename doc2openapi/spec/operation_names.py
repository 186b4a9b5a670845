"""operationIds from what an operation does: its HTTP method and the resources of its path.

Names follow the vendor's API names (``ListVolumes``, ``ShowVolume``, ``CreateVolume``,
``UpdateVolume``, ``DeleteVolume``, ``BatchCreateVolumeTags``), which its SDKs turn into
``list_volumes`` and ``ListVolumesRequest``: PascalCase, verb first, then the resource. The
resource comes from the path (the collection a path parameter selects one member of, the
item it hangs under), the verb from the method and the path's shape; the page title only
lends its verb where the method says too little (an ``/action`` endpoint, a ``PUT`` that adds
a member, a ``GET`` that downloads). So the export and the portal page of one API, whose
titles differ, give one name. Names that collide are told apart by meaning: the API
version, then the other resources of the path, then the title; each is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from doc2openapi.spec.name_words import (
    MAX_LENGTH,
    destutter,
    fit,
    is_base_verb,
    is_plural,
    lemmatizer,
    pascal,
    plural_of,
    singular,
    title_verbs,
    verb_lemma,
    words_of,
)

_VERSION = re.compile(r"^v\d+(?:\.\d+)*(?:-ext)?$", re.I)
_NAMESPACE = re.compile(r"^OS-[A-Z0-9-]+$")
"""An OpenStack extension namespace (``OS-AGENCY``): where an API lives, not a resource."""
_READ = frozenset(
    {"query", "obtain", "list", "view", "get", "show", "read", "display", "retrieve", "describe"}
)
_MODIFY = frozenset({"modify", "update", "change", "configure", "set", "edit", "alter"})
_DELETE = frozenset({"delete", "remove"})
_GROUPS = (_READ, _MODIFY, _DELETE)
_ACTION = frozenset({"action", "actions"})
_DETAIL = frozenset({"detail", "details"})
_ROOT_NOISE = frozenset(
    {"a", "an", "the", "of", "in", "on", "for", "to", "by", "and", "or", "list", "all"}
    | {"information", "details", "specified", "about", "with", "from"}
)


@dataclass(frozen=True)
class Resource:
    words: tuple[str, ...]
    item: bool
    """A path parameter follows: the path selects one member of this collection."""
    parameter: tuple[str, ...] = ()
    """The words of that parameter's name (``{transfer_id}`` → ``transfer``)."""


@dataclass(frozen=True)
class RouteShape:
    """What a path says: its version, namespaces and resources, in order."""

    version: str
    namespaces: tuple[str, ...]
    resources: tuple[Resource, ...]
    ends_with_item: bool


def _parameter_words(segment: str) -> tuple[str, ...]:
    words = [w for w in words_of(segment.strip("{}")) if w not in ("id", "name")]
    return tuple(words)


def route_shape(path: str) -> RouteShape:
    """``/v2/{project_id}/volumes/{volume_id}/tags#acl`` read as resources."""
    base, _, query = path.partition("#")
    segments = [s for s in base.strip("/").split("/") if s]
    version = ""
    namespaces: list[str] = []
    resources: list[Resource] = []
    scoped = False
    for position, segment in enumerate(segments):
        if segment.startswith("{"):
            if resources and not resources[-1].item:
                resources[-1] = Resource(resources[-1].words, True, _parameter_words(segment))
            elif scoped or position == len(segments) - 1:
                # a path of parameters only (/{ObjectName}): the parameter names the item
                resources.append(Resource(_parameter_words(segment) or ("item",), True))
            scoped = True  # the first parameter before any resource is a scope (project_id)
            continue
        if _VERSION.match(segment) and not version:
            version = segment.lower()
            # what comes before the version (/api/v3, /cce/cam/v3) names the API, not a resource
            namespaces.extend(w for r in resources for w in r.words)
            resources.clear()
            continue
        if _NAMESPACE.match(segment):
            namespaces.extend(words_of(segment[3:]))
            continue
        words = words_of(segment)
        if len(words) > 1 and words[0] == "os":
            words = words[1:]  # the OpenStack extension prefix (os-volume-transfer)
        if words:
            resources.append(Resource(tuple(words), False))
    ends_with_item = bool(segments) and segments[-1].startswith("{")
    names = [n for n in query.split("&") if n]
    for position, name in enumerate(names):
        words = words_of(name)
        if position and words[-1:] != ["id"]:
            continue  # an argument of the sub-resource (truncate&length), not a resource
        if words and words[-1] == "id" and len(words) > 1:
            resources.append(Resource(tuple(words[:-1]), True))
            ends_with_item = True
        elif words == ["id"] and resources:
            resources[-1] = Resource(resources[-1].words, True)
            ends_with_item = True
        elif words:
            resources.append(Resource(tuple(words), False))
            ends_with_item = False
    return RouteShape(version, tuple(namespaces), tuple(resources), ends_with_item)


@dataclass(frozen=True)
class Route:
    """One operation to name: its method, its path key and the titles of its pages."""

    method: str
    path: str
    titles: tuple[str, ...] = ()
    selectors: tuple[str, ...] = ()
    """Query names of the key the request line gives a number (``list-type=2``)."""


def _resource_words(resource: Resource, final: bool, plural: bool) -> list[str]:
    """A resource's words: one member of it (``volume``) unless it is the plural final one;
    a member of a collection with no plural name is named by its parameter as well
    (``metadata/{key}`` → ``metadata key``, ``diagnosis/{report_id}`` → ``diagnosis report``)."""
    words = list(resource.words)
    if (final and plural) or (not final and not resource.item):
        return words  # a collection a sub-resource of the whole hangs under (servers/tags)
    if resource.item and not is_plural(words):
        return words + [w for w in resource.parameter if w not in words]
    words[-1] = singular(words[-1])
    return words


def _says_many(titles: Sequence[str]) -> bool:
    """A title that reads a list: ``Listing ...``, ``Querying All ...``, ``... Records``."""
    for title in titles:
        _, verbs = title_verbs(title)
        lowered = title.lower().split()
        if (verbs and verbs[0][0] == "list") or "all" in lowered:
            return True
        plain = re.sub(r"\([^)]*\)", " ", title)  # (Deprecated), (V2)
        if is_plural(_title_noun(plain)[-1:]):  # Querying AS Configurations
            return True
    return False


def _segment_verb(last: Resource, verbs: Sequence[tuple[str, ...]]) -> int:
    """How many words of a path's last segment are a verb that the operation does to what
    comes before it (``/instances/{id}/extend``, ``/migration-task/batch-stop``): 0 for a
    noun (``/scan-expire-keys-task``, ``/os-volume-transfer``)."""
    words = last.words
    if words[0] == "batch" and len(words) > 1 and is_base_verb(words[1]):
        return 2
    said = any(_same_meaning(words[0], v[0]) for v in verbs)
    if said or (len(words) == 1 and is_base_verb(words[0])):
        # a compound (list-grants, protect-policy) is a verb only where the title says so
        return 1 if said or "NOUN" not in lemmatizer().getAllLemmas(words[0]) else 0
    return 0


def _same_meaning(word: str, verb: str) -> bool:
    """A path's verb and a title's: one word, or both reads, changes or deletions."""
    return word == verb or any(word in group and verb in group for group in _GROUPS)


def _noun(resources: Sequence[Resource], plural: bool, full: bool = False) -> list[str]:
    """The last resource (in the plural where ``plural`` and the path says so) after the
    resource it hangs under; with ``full``, after every resource of the path."""
    if not resources:
        return []
    owners = resources[:-1] if full else resources[-2:-1]
    words = [w for r in owners for w in _resource_words(r, False, plural)]
    return destutter(words + _resource_words(resources[-1], True, plural))


def _merged_verbs(titles: Sequence[str]) -> tuple[bool, list[tuple[str, ...]]]:
    batch = False
    verbs: list[tuple[str, ...]] = []
    for title in titles:
        said_batch, found = title_verbs(title)
        batch = batch or said_batch
        verbs.extend(v for v in found if v not in verbs)
    return batch, verbs


def _crud(verb: tuple[str, ...], plural: bool) -> tuple[str, ...]:
    """A title's verb in the names' vocabulary: reads are List/Show, changes Update."""
    if verb[0] in _READ:
        return ("list",) if plural else ("show",)
    if verb[0] in _MODIFY:
        return ("update",)
    if verb[0] in _DELETE:
        return ("delete",)
    return verb


def _joined(verbs: Sequence[tuple[str, ...]]) -> list[str]:
    unique = list(dict.fromkeys(verbs))
    return [w for i, v in enumerate(unique) for w in (("or", *v) if i else v)]


@dataclass(frozen=True)
class _Parts:
    verb: list[str]
    resources: tuple[Resource, ...]
    plural: bool
    suffix: list[str]


def _parts(route: Route, shape: RouteShape) -> _Parts:
    """The verb and the resources an operation is named after."""
    method = route.method.upper()
    batch, verbs = _merged_verbs(route.titles)
    resources = shape.resources
    last = resources[-1]
    collection = not last.item
    plural = collection and is_plural(last.words)
    prefix = ["batch"] if batch else []
    if collection and last.words[-1] in _ACTION and method == "POST":
        target = resources[:-1]
        many = bool(target) and not target[-1].item and is_plural(target[-1].words)
        named = list(dict.fromkeys(_crud(v, many) for v in verbs))
        if 1 <= len(named) <= 2:
            return _Parts(prefix + _joined(named), target, many, [])
        return _Parts(["run"], target, many, ["action"])
    if collection and last.words[-1] in _DETAIL and len(resources) > 1:
        return _Parts(["list"], resources[:-1], True, ["details"])
    if collection and last.words == ("list",) and len(resources) > 1:
        return _Parts(["list"], resources[:-1], True, [])
    owner = resources[-2] if len(resources) > 1 else None
    changes = method not in ("GET", "HEAD", "OPTIONS")
    verb_words = _segment_verb(last, verbs) if changes and collection else 0
    if verb_words and (not plural or len(last.words) > verb_words):
        rest = last.words[verb_words:]
        target = (*resources[:-1], Resource(rest, False)) if rest else resources[:-1]
        many = owner is not None and not owner.item and not rest and is_plural(owner.words)
        return _Parts(list(last.words[:verb_words]), target, many or is_plural(rest), [])
    own = [v for v in verbs if v[0] not in _READ and v[0] not in _MODIFY]
    if method == "GET":
        if own and own[0][0] not in _DELETE:
            return _Parts(list(own[0]), resources, plural, [])
        if collection and not plural and _says_many(route.titles):
            word = last.words[-1]
            listed = Resource(
                (*last.words[:-1], word if word.endswith("s") else plural_of(word)), False
            )
            return _Parts(["list"], (*resources[:-1], listed), True, [])
        return _Parts(["list" if plural else "show"], resources, plural, [])
    if method == "HEAD":
        return _Parts(["check"], resources, plural, [])
    if method == "DELETE":
        return _Parts([*prefix, "delete"], resources, plural, [])
    if method == "PUT" and own:
        return _Parts(prefix + _joined(own), resources, plural, [])
    if method in ("PUT", "PATCH"):
        return _Parts([*prefix, "update"], resources, plural, [])
    if method == "POST":
        if last.item and verbs:
            return _Parts(_joined([_crud(v, False) for v in verbs]), resources, False, [])
        return _Parts([*prefix, "create"], resources, batch and plural, [])
    return _Parts(words_of(method), resources, plural, [])


def _title_noun(title: str) -> list[str]:
    """The words of a title that name its object (``Querying the List of API Versions``
    → ``api versions``)."""
    tokens = [w.lower() for w in re.findall(r"[A-Za-z]+", title)]
    return [t for t in tokens if t not in _ROOT_NOISE and not verb_lemma(t) and t != "batch"]


def title_words(title: str) -> list[str]:
    """A name from a title alone, for a page that gives no URI to name it by."""
    batch, verbs = title_verbs(title)
    verb = [*(["batch"] if batch else []), *(verbs[0] if verbs else ())]
    return destutter(verb + _title_noun(title)) or ["unnamed"]


def _root_words(route: Route) -> list[str]:
    """A path without resources (``/``): the object is what the title names, up to what
    places it (``Listing Objects in a Bucket`` → ``objects``), and without what qualifies
    the page (``Querying API Versions (Native OpenStack API)`` → ``api versions``)."""
    title = re.sub(r"\([^)]*\)", " ", route.titles[0] if route.titles else "")
    _, verbs = title_verbs(title)
    noun = _title_noun(re.split(r"\s+in\s+", title, maxsplit=1)[0]) or _title_noun(title)
    noun = noun or ["root"]
    plural = is_plural(noun)
    method = route.method.upper()
    verb = {"GET": "list" if plural else "show", "HEAD": "check", "DELETE": "delete"}.get(
        method, ""
    )
    if not verb:
        verb = " ".join(verbs[0]) if verbs else method.lower()
        verb = " ".join(_crud(tuple(verb.split()), plural))
    return destutter([*verb.split(), *noun])


def operation_words(route: Route, full: bool = False, namespaced: bool = False) -> list[str]:
    """The words of an operation's name (``["list", "instance", "backups"]``); ``full``
    names every resource of the path, ``namespaced`` its extension namespace too."""
    if route.selectors:
        return _selected_words(route, full, namespaced)
    shape = route_shape(route.path)
    if not shape.resources:
        return _root_words(route)
    parts = _parts(route, shape)
    noun = _noun(parts.resources, parts.plural, full) or _title_noun(" ".join(route.titles[:1]))
    if len(noun) > 1 and noun[-1] == parts.verb[-1]:
        noun = noun[:-1]  # GET /functions/{urn}/export, "Exporting": ExportFunction
    if namespaced:
        noun = destutter([*shape.namespaces, *noun])
    return destutter([*parts.verb, *noun, *parts.suffix])


def _selected_words(route: Route, full: bool, namespaced: bool) -> list[str]:
    """A query name the request line gives a number selects a version of the path's own
    operation, not a resource: ``GET /?list-type=2`` "Listing Objects in a Bucket (V2)"
    is ``ListObjectsV2``, beside ``GET /`` ``ListObjects``."""
    names = {s.partition("=")[0] for s in route.selectors}
    base, _, query = route.path.partition("#")
    rest = "&".join(n for n in query.split("&") if n and n not in names)
    plain = Route(route.method, f"{base}#{rest}" if rest else base, route.titles)
    versions = ["v" + s.partition("=")[2] for s in route.selectors]
    return destutter([*operation_words(plain, full, namespaced), *versions])


def version_suffix(path: str) -> str:
    """``v1.0`` → ``V1``, ``v2.1`` → ``V2_1``, ``v3-ext`` → ``V3Ext``; "" without a version."""
    version = route_shape(path).version
    if not version:
        return ""
    number, _, extension = version.partition("-")
    parts = number[1:].split(".")
    while len(parts) > 1 and parts[-1] == "0":
        parts.pop()
    return "V" + "_".join(parts) + extension.capitalize()


def render(words: Sequence[str], suffix: str = "") -> str:
    return pascal(fit(words, MAX_LENGTH - len(suffix))) + suffix


def _folded(name: str) -> str:
    """What a generator keeps of a name: ``ListVMs`` and ``list_vms`` are one method."""
    return name.replace("_", "").lower()


def _candidates(route: Route, versions_differ: bool) -> Iterable[str]:
    """The names of one operation, from the shortest to the most specific."""
    suffix = version_suffix(route.path) if versions_differ else ""
    yield render(operation_words(route))
    yield render(operation_words(route), suffix)
    yield render(operation_words(route, full=True), suffix)
    yield render(operation_words(route, full=True, namespaced=True), suffix)
    verb = operation_words(route)[:1]
    yield render(destutter(verb + _title_noun(" ".join(route.titles[:1]))), suffix)


@dataclass
class OperationNames:
    """The name of each route, and one note per collision told apart."""

    names: dict[Route, str]
    notes: list[tuple[Route, str]]


def name_operations(routes: Sequence[Route]) -> OperationNames:
    """A unique operationId for every route: its shortest name, made more specific (API
    version, the path's other resources and namespace, the title) only where two collide."""
    names = {route: render(operation_words(route)) for route in routes}
    notes: list[tuple[Route, str]] = []
    groups: dict[str, list[Route]] = {}
    for route in routes:
        groups.setdefault(_folded(names[route]), []).append(route)
    for group in groups.values():
        if len(group) < 2:
            continue
        versions_differ = len({version_suffix(r.path) for r in group}) > 1
        options = {r: list(_candidates(r, versions_differ)) for r in group}
        others = {_folded(n) for r, n in names.items() if r not in group}
        chosen = _distinct(options, others, 0)
        shared = names[group[0]]
        for route in group:
            names[route] = chosen[route]
            notes.append(
                (
                    route,
                    f"operationId {shared!r} fits {len(group)} operations; "
                    f"{route.method.upper()} {route.path} is {chosen[route]!r}",
                )
            )
    return OperationNames(names, notes)


def _distinct(options: dict[Route, list[str]], taken: set[str], rung: int) -> dict[Route, str]:
    """Names for routes that collide: each takes the next rung of its candidates until it
    has a name of its own; those still together at the last rung take their method in
    front (the caller's final check reports any left: none on the corpus)."""
    chosen = {r: o[min(rung, len(o) - 1)] for r, o in options.items()}
    if rung >= max(len(o) for o in options.values()):
        return {r: pascal(words_of(r.method.lower())) + n for r, n in chosen.items()}
    together: dict[str, list[Route]] = {}
    for route, name in chosen.items():
        together.setdefault(_folded(name), []).append(route)
    result: dict[Route, str] = {}
    for folded, routes in together.items():
        primary = _primary(routes) if folded not in taken else None
        if primary is not None:
            result[primary] = chosen[primary]
    settled = {_folded(n) for n in result.values()}
    for routes in together.values():
        rest = {r: options[r] for r in routes if r not in result}
        if rest:
            result.update(_distinct(rest, taken | settled, rung + 1))
    return result


def _primary(routes: Sequence[Route]) -> Route | None:
    """The route that keeps a name several want: the only one, or, among routes of one
    API version, the one with the shortest path (``/migration-task`` keeps
    ``CreateMigrationTask``; ``/migration/{task_id}/task`` is named further)."""
    if len(routes) == 1:
        return routes[0]
    if len({version_suffix(r.path) for r in routes}) > 1:
        return None
    lengths = sorted((r.path.count("/"), i) for i, r in enumerate(routes))
    return routes[lengths[0][1]] if lengths[0][0] < lengths[1][0] else None
