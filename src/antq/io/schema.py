"""JSON Schema of the document antq reads (``antq schema``): every section of it.

One schema covers the document of :mod:`antq.io.document` (``"antq": 2``):
its ``units`` in full (each fact of each unit kind), its ``scores`` (whose
values depend on the sheet, so only their shape is checked here), its
``awards`` (each kind of question with its keys) and its ``teams`` (the teams and
members of one rating year). antq 1's facts document
(``"antq_facts": 1``) fits it too, its version key marked deprecated; the
other two old documents are described under ``$defs`` (``antq_scores_v1``,
``antq_awards_v1``). antq reads a document more strictly than the schema
checks it: what the schema accepts may still be refused, with its path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from antq.core.outcome import Outcome
from antq.core.periods import MonthEndPolicy
from antq.core.ruleset import RuleBook
from antq.core.unit_kinds import UnitKind
from antq.emulation.awards.questions import QUESTION_KEYS
from antq.emulation.quotas import Rounding
from antq.emulation.team_checklist import ExcellentTeamFacts
from antq.emulation.teams import CapBase, CapScope
from antq.entities.forces import TeamRole
from antq.entities.grades import TaskGrade
from antq.io.document import AWARD_SECTIONS, DOCUMENT_FORMAT_VERSION, VERSION_KEY
from antq.io.facts import FACTS_FORMAT_VERSION
from antq.safety import default_rulebook
from antq.vocabulary import CodedEnum

SCHEMA_ID = "https://antq.invalid/schema/document-v2.json"

_DAY: Final = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_TEXT: Final = {"type": "string", "minLength": 1}
_FLAG: Final = {"type": ["boolean", "null"]}
_COUNT: Final = {"type": ["integer", "null"], "minimum": 0}
_LIST: Final = {"type": ["array", "null"]}
_CODES: Final = {"type": ["array", "null"], "items": {"type": "string"}}
_CODE: Final = {"type": ["string", "null"]}
#: The keys of the award questions by their JSON type; a key not listed may hold anything
#: (the reader checks it).
_FLAGS: Final = (
    "movement_achievements",
    "unit_no_social_evil_hotspot",
    "unit_no_serious_incident",
    "rated_well_throughout",
    "already_awarded",
    "tasks_excellent",
    "emulation_active",
    "solidarity_exemplary",
    "dvqt_other_standard",
)
_COUNTS: Final = (
    "members",
    "members_completed_tasks",
    "members_advanced",
    "members_grassroots_fighters",
)
_LISTS: Final = ("service", "leadership", "commendations", "years", "initiatives", "discipline")
_CODE_LISTS: Final = ("cand_service_awards", "disqualifications", "pending")
_AWARD_KEY_TYPES: Final[Mapping[str, Mapping[str, object]]] = {
    "id": _TEXT,
    "name": {"type": ["string", "null"]},
    "award": {"type": "string"},
    **dict.fromkeys(("proposed_on", "considered_on", "on"), _DAY),
    **dict.fromkeys(("sex", "title"), _CODE),
    **dict.fromkeys(_FLAGS, _FLAG),
    **dict.fromkeys(_COUNTS, _COUNT),
    **dict.fromkeys(_LISTS, _LIST),
    **dict.fromkeys(_CODE_LISTS, _CODES),
}
#: The date that each kind of award question is asked on (required).
_QUESTION_DAYS: Final = {
    "knc": "proposed_on",
    "ministry_bang_khen": "considered_on",
    "excellent_collective": "considered_on",
    "authority": "on",
}


def _describe(inp: Any) -> dict[str, Any]:
    entry = dict(inp.schema)
    entry["description"] = inp.label.render("en")
    entry["x-vi"] = inp.label.render("vi")
    if inp.judgement:
        entry["x-judgement"] = True
    return entry


def _question(section: str) -> dict[str, Any]:
    keys = QUESTION_KEYS[section]
    day = _QUESTION_DAYS[section]
    required = [day] if section == "authority" else ["id", day]
    if section == "authority":
        required.append("award")
    return {
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": {key: dict(_AWARD_KEY_TYPES.get(key, {})) for key in keys},
    }


def _awards() -> dict[str, Any]:
    """The ``awards`` section: each list of questions, with the keys its reader declares."""
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "award questions (antq awards)",
        "x-vi": "các câu hỏi về khen thưởng (antq awards)",
        "properties": {
            section: {"type": "array", "items": _question(section)} for section in AWARD_SECTIONS
        },
    }


def _scores_units() -> dict[str, Any]:
    return {
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "kind", "year"],
            "properties": {
                "id": _TEXT,
                "kind": {"type": "string", "enum": list(UnitKind.codes())},
                "year": {"type": "integer", "minimum": 2000, "maximum": 2100},
                "name": _TEXT,
                "values": {
                    "type": "object",
                    "description": "the inputs of the sheet, by name (antq rules --section sheets)",
                    "x-vi": "giá trị các đầu vào của bảng chấm điểm, theo tên",
                    "additionalProperties": {
                        "type": ["boolean", "integer", "number", "string", "null"]
                    },
                },
            },
        },
    }


def _scores() -> dict[str, Any]:
    """The ``scores`` section: units and their values for one sheet."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["units"],
        "description": "units scored on an emulation sheet (antq score)",
        "x-vi": "các đơn vị được chấm điểm thi đua (antq score)",
        "properties": {"sheet": _TEXT, "units": _scores_units()},
    }


def _codes(kind: type[CodedEnum], *, optional: bool = True) -> dict[str, Any]:
    codes: list[str | None] = list(kind.codes())
    return {"enum": [*codes, None] if optional else codes}


def _teams() -> dict[str, Any]:
    """The ``teams`` section: one rating year's teams and members, and antq's stated choices."""
    proposal = {
        "proposed": _codes(TaskGrade),
        "active_from": {"type": ["string", "null"], "pattern": _DAY["pattern"]},
        "active_to": {"type": ["string", "null"], "pattern": _DAY["pattern"]},
        "under_complaint": _FLAG,
        "merit": {"type": ["integer", "string", "null"]},
        "priority": {"type": "integer"},
    }
    checklist = {
        name: _COUNT if name.startswith(("members_", "tasks_a", "tasks_d")) else _FLAG
        for name in attrs.fields_dict(ExcellentTeamFacts)
    }
    checklist["area_article_4_4"] = _codes(Outcome)
    cap = {
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": {
            "percent": {"type": ["integer", "string"]},
            "rounding": _codes(Rounding, optional=False),
            "base": _codes(CapBase, optional=False),
            "at_least_one": {"type": "boolean"},
        },
    }
    required = ["proposed", "active_from", "under_complaint"]
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["year"],
        "description": "security teams and members to rate for one year (antq teams)",
        "x-vi": "các Tổ bảo vệ an ninh, trật tự và thành viên được xếp loại trong năm (antq teams)",
        "properties": {
            "year": {"type": "integer", "minimum": 2026},
            "teams": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["team", "commune", *required],
                    "properties": {
                        "team": _TEXT,
                        "commune": _TEXT,
                        "name": {"type": ["string", "null"]},
                        **proposal,
                        "excellent_criteria": {
                            "type": ["object", "null"],
                            "additionalProperties": False,
                            "properties": checklist,
                        },
                    },
                },
            },
            "members": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["person", "team", "role", *required],
                    "properties": {
                        "person": _TEXT,
                        "team": _TEXT,
                        "role": _codes(TeamRole, optional=False),
                        **proposal,
                        "in_charge": {"type": "boolean"},
                        "newly_transferred": {"type": "boolean"},
                    },
                },
            },
            "cap": cap,
            "member_cap": cap,
            "member_cap_scope": _codes(CapScope, optional=False),
            "month_end": _codes(MonthEndPolicy, optional=False),
        },
    }


def facts_schema(book: RuleBook | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document antq reads, every section, for ``book``.

    >>> schema = facts_schema()
    >>> sorted(schema["properties"])
    ['antq', 'antq_facts', 'awards', 'scores', 'teams', 'units']
    """
    schema = _units_schema(book)
    awards = _awards()
    schema["properties"] = {
        VERSION_KEY: {"const": DOCUMENT_FORMAT_VERSION},
        "antq_facts": {
            "const": FACTS_FORMAT_VERSION,
            "deprecated": True,
            "description": 'antq 1\'s facts document: write "antq": 2 instead',
        },
        "units": schema["properties"]["units"],
        "scores": _scores(),
        "awards": awards,
        "teams": _teams(),
    }
    schema["required"] = []
    # One version key, not both.
    schema["not"] = {"required": [VERSION_KEY, "antq_facts"]}
    schema["$defs"] = {
        "antq_scores_v1": {
            "deprecated": True,
            "description": 'antq 1\'s scores document: the scores section of "antq": 2',
            "type": "object",
            "additionalProperties": False,
            "required": ["antq_scores", "units"],
            "properties": {
                "antq_scores": {"const": 1},
                "sheet": _TEXT,
                "units": _scores_units(),
            },
        },
        "antq_awards_v1": {
            "deprecated": True,
            "description": 'antq 1\'s awards document: the awards section of "antq": 2',
            "type": "object",
            "additionalProperties": False,
            "properties": {"antq_awards": {"const": 1}, **awards["properties"]},
        },
    }
    return schema


def _units_schema(book: RuleBook | None) -> dict[str, Any]:
    """The schema of a document of units alone (the ``units`` of :func:`facts_schema`)."""
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
        "title": "antq document",
        "type": "object",
        "additionalProperties": False,
        "required": ["units"],
        "properties": {
            "antq_facts": {"const": FACTS_FORMAT_VERSION},
            "units": {"type": "array", "items": unit},
        },
    }
