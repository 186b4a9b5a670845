"""Components of identical structure folded into one, and references renamed to match."""

from __future__ import annotations

import json
from typing import Any

from doc2openapi.spec.versions import SCHEMA_REF

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


def fold_duplicates(components: dict[str, Schema]) -> dict[str, str]:
    """Merge components whose structure is identical. Returns the renaming applied.

    Merging two components can make two others identical (they referred to one each), so
    this repeats until no two are alike; each round compares again only the components
    that the renaming changed."""
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
            for other in names[1:]:
                step[other] = names[0]
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
