"""Components of identical structure folded into one, and references renamed to match."""

from __future__ import annotations

import json
import re
from typing import Any

from doc2openapi.spec.versions import SCHEMA_REF
from doc2openapi.text_names import pascal_case

Schema = dict[str, Any]


def canonical(schema: Any) -> str:
    """A schema's structure as text, without its source traces, for finding duplicates."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "x-source"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return json.dumps(strip(schema), sort_keys=True, ensure_ascii=False)


def fold_duplicates(
    components: dict[str, Schema], owners: dict[str, str] | None = None
) -> dict[str, str]:
    """Merge components whose structure is identical. Returns the renaming applied.

    Merging two components can make two others identical (they referred to one each), so
    this repeats until no two are alike; each round compares again only the components
    that the renaming changed. ``owners`` gives the operation a name starts with: a body
    that several operations share is named for what they have in common (``Error``), not
    after one of them."""
    owners = owners or {}
    renamed: dict[str, str] = {}
    forms = {name: canonical(schema) for name, schema in components.items()}
    while True:
        by_form: dict[str, list[str]] = {}
        for name, form in forms.items():
            by_form.setdefault(form, []).append(name)
        groups = [
            sorted(names, key=lambda n: (len(n), n)) for names in by_form.values() if len(names) > 1
        ]
        if not groups:
            return renamed
        step: dict[str, str] = {}
        for names in groups:
            kept = shared_name(names, owners, components)
            if kept not in components:
                components[kept] = components[names[0]]
                forms[kept] = forms[names[0]]
            for other in names:
                if other != kept:
                    step[other] = kept
        for old in step:
            del components[old]
            del forms[old]
        for name, schema in list(components.items()):
            changed = rename_refs(schema, step)
            if changed is not schema:
                components[name] = changed
                forms[name] = canonical(changed)
        for old, new in list(renamed.items()):
            renamed[old] = step.get(new, new)
        renamed.update(step)


def shared_name(names: list[str], owners: dict[str, str], components: dict[str, Schema]) -> str:
    """The name of identical components: the shortest where one operation owns them all,
    else what their names have in common past their operations' names, without a status
    (``ShowVolumeError404`` + ``DeleteSnapshotError400`` → ``Error``), where no other
    component has that name."""
    first = names[0]
    owned = [owners.get(n, "") for n in names]
    if len(set(owned)) <= 1 or "" in owned:
        return first
    rests = {re.sub(r"\d{3}$", "", n[len(o) :]) for n, o in zip(names, owned, strict=True)}
    if len(rests) != 1:
        return first
    common = rests.pop()
    if common in ("Request", "Response"):  # named for what it holds: JobIdResponse
        properties = list(components[first].get("properties", {}))[:1]
        common = pascal_case(properties[0]) + common if properties else ""
    taken = {k.lower() for k in components if k not in names}
    if not common[:1].isupper() or common[-1].isdigit() or common.lower() in taken:
        return first
    return common


def rename_refs(value: Any, renames: dict[str, str]) -> Any:
    """``value`` with its references to renamed components renamed: a copy where anything
    changed, ``value`` itself where nothing did."""
    if isinstance(value, dict):
        out: dict[str, Any] | None = None
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str) and item.startswith(SCHEMA_REF):
                target = renames.get(item[len(SCHEMA_REF) :])
                new = item if target is None else SCHEMA_REF + target
            else:
                new = rename_refs(item, renames)
            if new is not item:
                if out is None:
                    out = dict(value)
                out[key] = new
        return value if out is None else out
    if isinstance(value, list):
        items = [rename_refs(v, renames) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value
