"""JSON Schema of the facts documents antq reads (``antq schema``)."""

from __future__ import annotations

from typing import Any

from antq.core.ruleset import RuleBook
from antq.core.unit_kinds import UnitKind
from antq.io.facts import FACTS_FORMAT_VERSION
from antq.safety import default_rulebook

SCHEMA_ID = "https://antq.invalid/schema/facts-v1.json"


def _describe(inp: Any) -> dict[str, Any]:
    entry = dict(inp.schema)
    entry["description"] = inp.label.render("en")
    entry["x-vi"] = inp.label.render("vi")
    if inp.judgement:
        entry["x-judgement"] = True
    return entry


def facts_schema(book: RuleBook | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a facts document for ``book``."""
    if book is None:
        book = default_rulebook()
    every = book.inputs()
    per_kind = {kind: sorted(book.inputs(kind)) for kind in UnitKind}
    unit = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "kind", "year"],
        "properties": {
            "id": {"type": "string", "minLength": 1},
            "kind": {"type": "string", "enum": list(UnitKind.codes())},
            "year": {"type": "integer", "minimum": 2000, "maximum": 2100},
            "name": {"type": "string", "minLength": 1},
            "commune": {"type": "string", "minLength": 1},
            "province": {"type": "string", "minLength": 1},
            "period": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$"},
            "established": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "facts": {
                "type": "object",
                "additionalProperties": False,
                "properties": {name: _describe(inp) for name, inp in sorted(every.items())},
            },
        },
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind.code}}},
                "then": {"properties": {"facts": {"propertyNames": {"enum": names}}}},
            }
            for kind, names in per_kind.items()
        ],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "antq facts document",
        "type": "object",
        "additionalProperties": False,
        "required": ["units"],
        "properties": {
            "antq_facts": {"const": FACTS_FORMAT_VERSION},
            "units": {"type": "array", "items": unit},
        },
    }
