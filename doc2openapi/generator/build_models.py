"""Class names and the render model of ``models.py``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from doc2openapi.diagnostics import Code, Level, Report, in_document

from .annotations import Annotator, class_keys, uses_any
from .document import unescape_token
from .model import ClassDecl, Documentation, EnumDecl, FieldDecl, ModelDecl, nullable
from .names import (
    MODEL_FIELDS,
    ClassName,
    PythonIdentifier,
    class_suffix,
    enum_member_name,
    identifier_suffix,
    unique_names,
)
from .text import docstring, normalise_newlines, one_line, python_string, python_text
from .view import ClassView, EnumMemberView, EnumView, FieldView, ModelsModule, ModelView


def _clash(report: Report, location: str, wanted: str, given: str, what: str) -> None:
    detail = f"{what}: name {wanted!r} is taken; renamed to {given!r}"
    report(in_document(Level.WARNING, Code.NAME_CLASH, location, detail))


def class_names(classes: Sequence[ClassDecl], report: Report) -> dict[str, str]:
    """Final class names: components keep theirs first, then the lowest JSON pointer wins."""
    candidates = {decl.key: str(ClassName(decl.name_hint)) for decl in classes}
    inline = {decl.key for decl in classes if not decl.is_component}
    names = unique_names(
        candidates,
        rank=lambda key: (key in inline, key),
        with_suffix=class_suffix,
    )
    for decl in classes:
        if names[decl.key] != candidates[decl.key]:
            _clash(report, decl.key, candidates[decl.key], names[decl.key], "class")
        elif decl.is_component and candidates[decl.key] != decl.name_hint:
            detail = f"schema name {decl.name_hint!r} is class {candidates[decl.key]!r}"
            report(in_document(Level.INFO, Code.NAME_SANITISED, decl.key, detail))
    return names


def field_names(fields: Sequence[FieldDecl], report: Report) -> dict[str, str]:
    """Python names of the fields, by wire name; a name equal to its wire name wins a clash."""
    candidates = {
        field.wire_name: str(PythonIdentifier(field.wire_name, namespace=MODEL_FIELDS))
        for field in fields
    }
    names = unique_names(
        candidates,
        rank=lambda wire: (candidates[wire] != wire, wire),
        with_suffix=identifier_suffix,
    )
    for field in fields:
        wanted, given = candidates[field.wire_name], names[field.wire_name]
        if wanted != given:
            _clash(report, field.location, wanted, given, f"field {field.wire_name!r}")
    return names


def field_description(field: FieldDecl) -> str:
    """The description of a field as pydantic gets it (empty when there is none)."""
    text = normalise_newlines(field.doc.description).strip()
    if field.doc.deprecated:
        text = f"{text}\n\nDeprecated." if text else "Deprecated."
    return text


def class_docstring(decl: ClassDecl, indent: str, extra: Sequence[str] = ()) -> str:
    """The schema's description, or where the schema is when it has none; then ``extra``."""
    if decl.is_component:
        fallback = f"The ``{unescape_token(decl.key.rsplit('/', 1)[-1])}`` schema."
    elif isinstance(decl, EnumDecl):
        fallback = f"Values of the schema at ``{decl.key}`` of the API document."
    else:
        fallback = f"Object at ``{decl.key}`` of the API document."
    return docstring([*_paragraphs(decl.doc, fallback), *extra], indent)


def _paragraphs(doc: Documentation, fallback: str = "") -> list[str]:
    paragraphs = [doc.description or fallback]
    if doc.deprecated:
        paragraphs.append("Deprecated.")
    if doc.source:
        paragraphs.append(f"Source: {doc.source}")
    return paragraphs


@dataclass(frozen=True)
class Naming:
    """Final names of classes (by JSON pointer) and of model fields (by model, wire name)."""

    classes: Mapping[str, str]
    fields: Mapping[str, Mapping[str, str]]


def name_everything(classes: Sequence[ClassDecl], report: Report) -> Naming:
    return Naming(
        classes=class_names(classes, report),
        fields={
            decl.key: field_names(decl.fields, report)
            for decl in classes
            if isinstance(decl, ModelDecl)
        },
    )


class ModelsBuilder:
    """Builds the view of ``models.py`` from class declarations and their final names."""

    def __init__(self, classes: Sequence[ClassDecl], naming: Naming, report: Report) -> None:
        self._classes = {decl.key: decl for decl in classes}
        self._names = naming.classes
        self._field_names = naming.fields
        self._report = report
        self._annotate = Annotator(naming.classes, "")

    def build(self, module_docstring: str) -> ModelsModule:
        enums = sorted(
            (decl for decl in self._classes.values() if isinstance(decl, EnumDecl)),
            key=lambda decl: self._names[decl.key],
        )
        models, rebuilds = self._model_order()
        views: list[ClassView] = [self._enum(decl) for decl in enums]
        views.extend(self._model(decl) for decl in models)
        return ModelsModule(
            docstring=module_docstring,
            imports=self._imports(models, enums),
            classes=tuple(views),
            rebuilds=tuple(self._names[decl.key] for decl in rebuilds),
        )

    def _model_order(self) -> tuple[list[ModelDecl], list[ModelDecl]]:
        """Models after the models they use (sorted by name where free to choose).

        Models in a cycle refer to a class defined after them; they and the models using them
        are returned as the second list, to be rebuilt at the end of the module.
        """
        models = {key: decl for key, decl in self._classes.items() if isinstance(decl, ModelDecl)}
        ordered: list[ModelDecl] = []
        rebuild: list[ModelDecl] = []
        done: set[str] = set()
        active: set[str] = set()

        def dependencies(decl: ModelDecl) -> list[str]:
            keys = {key for field in decl.fields for key in class_keys(field.type)}
            return sorted((key for key in keys if key in models), key=self._names.__getitem__)

        def visit(decl: ModelDecl) -> None:
            active.add(decl.key)
            deps = dependencies(decl)
            for key in deps:
                if key not in done and key not in active:
                    visit(models[key])
            active.discard(decl.key)
            done.add(decl.key)
            ordered.append(decl)
            if any(key not in done for key in deps):
                rebuild.append(decl)

        for decl in sorted(models.values(), key=lambda decl: self._names[decl.key]):
            if decl.key not in done:
                visit(decl)
        # A model using one that is incomplete until its rebuild is incomplete too: pydantic
        # would complete it only on first use. Rebuild those as well, in definition order.
        pending = {decl.key for decl in rebuild}
        for decl in ordered:
            if decl.key not in pending and any(key in pending for key in dependencies(decl)):
                pending.add(decl.key)
        return ordered, [decl for decl in ordered if decl.key in pending]

    def _imports(self, models: Sequence[ModelDecl], enums: Sequence[EnumDecl]) -> tuple[str, ...]:
        needs_any = any(uses_any(field.type) for decl in models for field in decl.fields)
        needs_field = any(
            self._field_names[decl.key][field.wire_name] != field.wire_name
            or field_description(field)
            for decl in models
            for field in decl.fields
        )
        stdlib = ["import enum"] if enums else []
        stdlib += ["from typing import Any"] if needs_any else []
        pydantic = ["BaseModel", "ConfigDict", *(["Field"] if needs_field else [])]
        third_party = [f"from pydantic import {', '.join(pydantic)}"] if models else []
        groups = [["from __future__ import annotations"], stdlib, third_party]
        lines: list[str] = []
        for group in groups:
            if group:
                lines.extend([*([""] if lines else []), *group])
        return tuple(lines)

    def _model(self, decl: ModelDecl) -> ModelView:
        names = self._field_names[decl.key]
        attributes = [
            f"    {names[field.wire_name]}: {one_line(field_description(field))}"
            for field in decl.fields
            if field_description(field)
        ]
        extra = ["\n".join(["Attributes:", *attributes])] if attributes else []
        return ModelView(
            name=self._names[decl.key],
            docstring=class_docstring(decl, "    ", extra),
            fields=tuple(self._field(field, names[field.wire_name]) for field in decl.fields),
        )

    def _field(self, field: FieldDecl, name: str) -> FieldView:
        """The field; its description goes to ``Field(description=...)``, where pydantic,
        JSON Schema and tools read it (the class docstring lists it for ``help()``)."""
        annotation = self._annotate(field.type if field.required else nullable(field.type))
        arguments: list[str] = [] if field.required else ["default=None"]
        if name != field.wire_name:
            # Separate aliases rather than ``alias=``: type checkers then see the Python name
            # as the ``__init__`` keyword, while the wire name is used in and out.
            alias = python_string(field.wire_name)
            arguments += [f"validation_alias={alias}", f"serialization_alias={alias}"]
        description = field_description(field)
        if description:
            arguments.append(f"description={python_text(description)}")
        if arguments == ["default=None"]:
            default = " = None"
        else:
            default = f" = Field({', '.join(arguments)})" if arguments else ""
        return FieldView(name=name, annotation=annotation, default=default)

    def _enum(self, decl: EnumDecl) -> EnumView:
        candidates = {value: enum_member_name(value) for value in decl.values}
        members = unique_names(
            candidates,
            rank=lambda value: (candidates[value] != str(value), str(value)),
            with_suffix=identifier_suffix,
        )
        for value in decl.values:
            if members[value] != candidates[value]:
                what = f"enum value {value!r}"
                _clash(self._report, decl.key, candidates[value], members[value], what)
        return EnumView(
            name=self._names[decl.key],
            base="enum.StrEnum" if decl.kind == "str" else "enum.IntEnum",
            docstring=class_docstring(decl, "    "),
            members=tuple(
                EnumMemberView(
                    name=members[value],
                    literal=python_string(value) if isinstance(value, str) else str(value),
                )
                for value in decl.values
            ),
        )
