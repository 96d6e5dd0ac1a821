"""The OpenAPI 3.1 document of the web API, built from antq's own JSON Schemas.

The facts document's schema is the one of ``antq schema``
(:func:`antq.io.schema.facts_schema`) and the rule form's that of
``antq schema --of rule-form`` (:func:`antq.catalogue.rule_form.rule_form_schema`), so
the API description cannot drift from what antq reads and writes.
"""

from __future__ import annotations

from typing import Any

from antq import __version__
from antq.catalogue import SECTIONS
from antq.catalogue.rule_form import rule_form_schema
from antq.cli.teams import RESULTS_FORMAT_VERSION as TEAMS_RESULTS_VERSION
from antq.core.entry import RuleFamily
from antq.io.schema import facts_schema
from antq.serve.settings import ServeSettings

__all__ = ["openapi_document"]

_ERRORS = {
    "400": "The body cannot be parsed (malformed JSON or TOML, or not UTF-8).",
    "408": "The body did not arrive within the time limit.",
    "413": "The body is larger than the limit.",
    "415": "The Content-Type is not one the endpoint reads.",
    "422": "A query parameter or the shape of the document is wrong.",
    "500": "An unexpected error in antq (logged by the server; no trace is sent).",
    "503": "The service is busy or the evaluation took longer than the time limit; retry.",
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _without_meta(schema: dict[str, Any]) -> dict[str, Any]:
    """A standalone schema as a component: its ``$schema`` and ``$id`` kept aside."""
    found = {k: v for k, v in schema.items() if k not in ("$schema", "$id")}
    if "$id" in schema:
        found["x-antq-schema-id"] = schema["$id"]
    return found


def _query(name: str, description: str, schema: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "description": description, "schema": schema, **more}


_LANG = _query("lang", "Language of the texts; wins over Accept-Language.", {"enum": ["vi", "en"]})
_ACCEPT_LANGUAGE = {
    "name": "Accept-Language",
    "in": "header",
    "description": "vi or en (the default is vi)",
    "schema": {"type": "string"},
}
_PARAM = _query(
    "param",
    "A rule parameter NAME=VALUE (repeatable), as --param of the command line.",
    {"type": "array", "items": {"type": "string", "pattern": "^[^=]+=.*$"}},
    style="form",
    explode=True,
)
#: A small facts document, shown by the interactive page and the OpenAPI document.
EXAMPLE_FACTS: dict[str, Any] = {
    "antq": 2,
    "units": [
        {
            "id": "KDC-01",
            "kind": "residential_area",
            "year": 2025,
            "facts": {
                "registered_q1": True,
                "households_resident": 120,
                "households_registered": 118,
            },
        }
    ],
}
_RULE_SET = _query("rule_set", "Pin this rule set instead of choosing by date.", {"type": "string"})


def _operation(
    summary: str,
    description: str,
    result: dict[str, Any],
    *,
    parameters: list[dict[str, Any]] | None = None,
    body: dict[str, Any] | None = None,
    errors: tuple[str, ...] = ("422", "500", "503"),
    media: str = "application/json",
) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "summary": summary,
        "description": description,
        "parameters": parameters or [],
        "responses": {
            "200": {"description": "The answer.", "content": {media: {"schema": result}}},
            **{
                code: {"description": _ERRORS[code], "content": _json_content(_ref("Error"))}
                for code in errors
            },
        },
    }
    if body is not None:
        operation["requestBody"] = {"required": True, "content": body}
    return operation


def _components() -> dict[str, Any]:

    row = {
        "type": "object",
        "required": ["path", "value", "message"],
        "properties": {
            "path": {"type": "string", "description": "where: the field path"},
            "value": {"type": "string", "description": "the value, as Python shows it"},
            "message": {"type": "string", "description": "what is wrong"},
        },
    }
    rows = {"type": "array", "items": _ref("ErrorRow")}
    return {
        "FactsDocument": _without_meta(facts_schema()),
        "RuleForm": _without_meta(rule_form_schema()),
        "ErrorRow": row,
        "Error": {
            "type": "object",
            "required": ["antq_error", "status", "title", "errors"],
            "properties": {
                "antq_error": {"const": 1},
                "status": {"type": "integer"},
                "title": {"type": "string"},
                "errors": rows,
            },
        },
        "Results": {
            "type": "object",
            "description": "The output of antq evaluate --format json.",
            "required": ["antq_results", "verdicts", "notes", "errors"],
            "properties": {
                "antq_results": {"const": 1},
                "verdicts": {"type": "array", "items": {"type": "object"}},
                "notes": {"type": "array", "items": {"type": "string"}},
                "errors": rows,
            },
        },
        "Rules": {
            "type": "array",
            "description": "The output of antq rules --format json.",
            "items": {
                "type": "object",
                "required": ["family", "id", "citation", "title", "confirmation"],
                "properties": {
                    "family": {"enum": list(RuleFamily.codes())},
                    "id": {"type": "string"},
                    "rule_form": _ref("RuleForm"),
                },
            },
        },
        "ScoresResults": {
            "type": "object",
            "description": "The output of antq score --format json.",
            "required": ["antq_scores_results", "sheet", "results", "errors"],
            "properties": {
                "antq_scores_results": {"const": 1},
                "sheet": {"type": "object"},
                "results": {"type": "array", "items": {"type": "object"}},
                "errors": rows,
            },
        },
        "AwardsResults": {
            "type": "object",
            "description": "The output of antq awards --format json.",
            "required": ["antq_awards_results", "answers", "errors"],
            "properties": {
                "antq_awards_results": {"const": 1},
                "answers": {"type": "array", "items": {"type": "object"}},
                "errors": rows,
            },
        },
        "TeamsResults": {
            "type": "object",
            "description": "The output of antq teams --format json.",
            "required": ["antq_teams_results", "ratings", "errors"],
            "properties": {
                "antq_teams_results": {"const": TEAMS_RESULTS_VERSION},
                "ratings": {"type": "array", "items": {"type": "object"}},
                "errors": rows,
            },
        },
        "Instruments": {
            "type": "object",
            "required": ["antq_instruments", "instruments"],
            "properties": {
                "antq_instruments": {"const": 1},
                "instruments": {"type": "array", "items": {"type": "object"}},
            },
        },
    }


def openapi_document(settings: ServeSettings | None = None) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the web API served with ``settings``."""

    settings = settings or ServeSettings()
    text = {"type": "string"}
    document_body = {
        "application/json": {"schema": {"type": "object"}},
        "application/toml": {"schema": text},
    }
    body_errors = ("400", "408", "413", "415", "422", "500", "503")
    limits = (
        f"Bodies up to {settings.max_body_bytes} bytes; each request within"
        f" {settings.time_limit:g} s."
    )
    paths = {
        "/rounds/evaluate": {
            "post": _operation(
                "Evaluate a round",
                "A round in any batch format (JSON facts document, JSON Lines, CSV, TOML):"
                " units first, then each commune from its units, as antq evaluate --format"
                " json. Units with errors are listed in 'errors'; the others are still"
                " evaluated. " + limits,
                _ref("Results"),
                parameters=[
                    _LANG,
                    _ACCEPT_LANGUAGE,
                    _RULE_SET,
                    _PARAM,
                    _query(
                        "format",
                        "The body's format, instead of its Content-Type.",
                        {"enum": ["json", "jsonl", "csv", "toml"]},
                    ),
                ],
                body={
                    "application/json": {"schema": _ref("FactsDocument"), "example": EXAMPLE_FACTS},
                    "application/x-ndjson": {"schema": text},
                    "text/csv": {"schema": text},
                    "application/toml": {"schema": text},
                },
                errors=body_errors,
            )
        },
        "/units/evaluate": {
            "post": _operation(
                "Evaluate units, each on its own",
                "A JSON facts document; every unit is evaluated on its own (a commune with"
                " the counts of its own facts). The same answer as antq evaluate for units"
                " that do not roll up into each other (one unit, or units without their"
                " commune). " + limits,
                _ref("Results"),
                parameters=[_LANG, _ACCEPT_LANGUAGE, _RULE_SET, _PARAM],
                body={
                    "application/json": {"schema": _ref("FactsDocument"), "example": EXAMPLE_FACTS}
                },
                errors=body_errors,
            )
        },
        "/scores": {
            "post": _operation(
                "Score units on a scoring sheet",
                "With ?sheet=ID, a scores document (JSON or TOML) scored on that shipped sheet;"
                " without it, a request bringing its own sheet: {antq_score_request: 1, sheet,"
                " overrides, scores}. As antq score SHEET FACTS --format json.",
                _ref("ScoresResults"),
                parameters=[
                    _LANG,
                    _ACCEPT_LANGUAGE,
                    _query("sheet", "The id of a shipped sheet.", text),
                ],
                body=document_body,
                errors=body_errors,
            )
        },
        "/awards": {
            "post": _operation(
                "Answer award questions",
                "An awards document (JSON or TOML), as antq awards FILE --format json.",
                _ref("AwardsResults"),
                parameters=[_LANG, _ACCEPT_LANGUAGE, _PARAM],
                body=document_body,
                errors=body_errors,
            )
        },
        "/teams": {
            "post": _operation(
                "Rate security teams",
                "A document with a teams section (JSON or TOML), as antq teams FILE --format json.",
                _ref("TeamsResults"),
                parameters=[_LANG, _ACCEPT_LANGUAGE],
                body=document_body,
                errors=body_errors,
            )
        },
        "/rules": {
            "get": _operation(
                "The criteria catalogue",
                "antq rules --format json: each safe-standard criterion with its rule form"
                " (RuleForm); format=text gives the text of antq rules in 'lang'.",
                _ref("Rules"),
                parameters=[
                    _query("as_of", "Only rule sets in force on this date.", {"format": "date"}),
                    _query("kind", "Only this unit kind (safety criteria only).", text),
                    _query(
                        "section",
                        "Which catalogue.",
                        {"enum": list(SECTIONS)},
                    ),
                    _query("format", "json or text.", {"enum": ["json", "text"]}),
                    _LANG,
                    _ACCEPT_LANGUAGE,
                ],
            )
        },
        "/schema": {
            "get": _operation(
                "A JSON Schema",
                "of=facts (the default): antq schema; of=rule-form: the rule form's.",
                {"type": "object"},
                parameters=[_query("of", "Which schema.", {"enum": ["facts", "rule-form"]})],
            )
        },
        "/instruments": {
            "get": _operation(
                "The legal instruments antq knows",
                "Every instrument of the registry, with its dates and what is unconfirmed.",
                _ref("Instruments"),
            )
        },
        "/health": {
            "get": _operation(
                "Liveness",
                "ok and antq's version.",
                {"type": "object", "properties": {"status": {"const": "ok"}}},
            )
        },
        "/openapi.json": {
            "get": _operation("This document", "The OpenAPI 3.1 document.", {"type": "object"})
        },
        "/docs": {
            "get": _operation(
                "An interactive page",
                "A page to try every endpoint from a browser.",
                text,
                errors=(),
                media="text/html",
            )
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "antq web API",
            "version": __version__,
            "description": (
                "The rules of the 'Toàn dân bảo vệ an ninh Tổ quốc' movement as a service."
                " Every answer is the JSON of the matching antq command with --format json;"
                " errors are an Error document whose rows have the command line's shape."
            ),
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": paths,
        "components": {"schemas": _components()},
    }
