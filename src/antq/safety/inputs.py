"""The inputs of the safe-standard criteria, declared once and shared.

The same name means the same fact in every rule set (a residential area's
``registered_q1`` and a commune's are the same question), so a facts file has
one vocabulary across unit kinds and instruments.

Assessor judgements (the law's QUAL items) are inputs marked ``judgement``:
antq takes the assessor's yes/no and never computes or defaults it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from antq.core import inputs as declare
from antq.core.criterion import Parameter
from antq.entities.grades import TaskGrade
from antq.entities.incidents import CrimeGravity, Incident, IncidentCategory
from antq.entities.organisations import EducationLevel, EnterpriseSize
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum

# -- incidents -----------------------------------------------------------------

_INCIDENT_FIELDS = (
    "id",
    "date",
    "category",
    "gravity",
    "unit_id",
    "description",
    "force_majeure",
    "timely_detected",
    "mitigated",
    "reported_immediately",
)
_INCIDENT_FLAGS = ("force_majeure", "timely_detected", "mitigated", "reported_immediately")
_INCIDENT_FIELD_SET = frozenset(_INCIDENT_FIELDS)


def incident_record(incident: Incident) -> dict[str, object]:
    """``incident`` as the record :func:`parse_incident` reads: its given fields, in order."""
    record: dict[str, object] = {}
    for field in _INCIDENT_FIELDS:
        value = getattr(incident, field)
        if value is None or value == "":
            continue
        if isinstance(value, CodedEnum):
            value = value.code
        elif isinstance(value, dt.date):
            value = value.isoformat()
        record[field] = value
    return record


def parse_incident(raw: object, path: str) -> Incident:
    """Read one incident record; errors name the field path and value."""
    if not isinstance(raw, dict):
        raise InputError(path, raw, Msg("expected an incident object"))
    unknown = [] if raw.keys() <= _INCIDENT_FIELD_SET else sorted(set(raw) - _INCIDENT_FIELD_SET)
    if unknown:
        raise InputError(
            f"{path}.{unknown[0]}",
            raw[unknown[0]],
            Msg("unknown field; allowed: {allowed}"),
            params={"allowed": ", ".join(_INCIDENT_FIELDS)},
        )
    if "date" not in raw or "category" not in raw:
        missing = "date" if "date" not in raw else "category"
        raise InputError(f"{path}.{missing}", None, Msg("is required"))
    flags: dict[str, bool | None] = {}
    for flag in _INCIDENT_FLAGS:
        value = raw.get(flag)
        if value is not None and not isinstance(value, bool):
            raise InputError(
                f"{path}.{flag}", value, Msg("expected true, false or null (not assessed)")
            )
        flags[flag] = value
    for text_field in ("id", "unit_id", "description"):
        value = raw.get(text_field)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{path}.{text_field}", value, Msg("expected a string"))
    gravity_code = raw.get("gravity")
    try:
        # Errors name the field alone; the handler below puts the path before it.
        day = declare.parse_date(raw["date"], "date")
        category = IncidentCategory.from_code(raw["category"], path="category")
        gravity = (
            None if gravity_code is None else CrimeGravity.from_code(gravity_code, path="gravity")
        )
        id_, unit_id = raw.get("id"), raw.get("unit_id")
        description = raw.get("description") or ""
        checked = (
            type(day) is dt.date
            and (gravity is None) is (category is not IncidentCategory.CRIME)
            and (id_ is None or id_.strip())
            and (unit_id is None or unit_id.strip())
        )
        # When everything Incident's validators check holds, it is not checked again.
        make = Incident.trusted if checked else Incident
        return make(
            date=day,
            category=category,
            gravity=gravity,
            id=id_,
            unit_id=unit_id,
            description=description,
            **flags,
        )
    except InputError as error:
        # Entity validation names "Incident.field"; re-anchor it at the input path.
        field = error.path.rsplit(".", 1)[-1]
        raise InputError(f"{path}.{field}", error.value, error.message) from None


_INCIDENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["date", "category"],
    "properties": {
        "id": {"type": "string"},
        "date": {"type": "string", "format": "date"},
        "category": {"type": "string", "enum": list(IncidentCategory.codes())},
        "gravity": {"type": ["string", "null"], "enum": [*CrimeGravity.codes(), None]},
        "unit_id": {"type": "string"},
        "description": {"type": "string"},
        **{flag: {"type": ["boolean", "null"]} for flag in _INCIDENT_FLAGS},
    },
}

INCIDENTS = declare.records(
    "incidents",
    Msg("incidents recorded in or around the period (dated and classified by the assessor)"),
    parse_incident,
    _INCIDENT_SCHEMA,
    item_type=Incident,
)

# -- offence counts for the year-on-year comparison ----------------------------------


@attrs.frozen(kw_only=True)
class OffenceCounts:
    """Counts of crime, social evils and other violations in one period."""

    crimes: int
    social_evils: int
    other_violations: int
    #: The three counts added up.
    total: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "total", self.crimes + self.social_evils + self.other_violations)

    @classmethod
    def trusted(cls, crimes: int, social_evils: int, other_violations: int) -> OffenceCounts:
        """Counts a reader has already parsed (each a whole number >= 0)."""
        counts = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(counts, "crimes", crimes)
        setattr_(counts, "social_evils", social_evils)
        setattr_(counts, "other_violations", other_violations)
        setattr_(counts, "total", crimes + social_evils + other_violations)
        return counts


_OFFENCE_FIELDS = ("crimes", "social_evils", "other_violations")


def parse_offence_counts(raw: object, path: str) -> OffenceCounts:
    fields = _OFFENCE_FIELDS
    if not isinstance(raw, dict):
        raise InputError(
            path, raw, Msg("expected an object with {fields}"), params={"fields": ", ".join(fields)}
        )
    if len(raw) != len(fields) or raw.keys() != set(fields):
        extra = sorted(set(raw) - set(fields))
        if extra:
            raise InputError(
                f"{path}.{extra[0]}",
                raw[extra[0]],
                Msg("unknown field; allowed: {allowed}"),
                params={"allowed": ", ".join(fields)},
            )
        missing = next(name for name in fields if name not in raw)
        raise InputError(f"{path}.{missing}", None, Msg("is required"))
    try:
        return OffenceCounts.trusted(
            declare.parse_count(raw["crimes"], "crimes"),
            declare.parse_count(raw["social_evils"], "social_evils"),
            declare.parse_count(raw["other_violations"], "other_violations"),
        )
    except InputError as error:
        raise InputError(f"{path}.{error.path}", error.value, error.message) from None


_COUNTS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["crimes", "social_evils", "other_violations"],
    "properties": {
        k: {"type": "integer", "minimum": 0} for k in ("crimes", "social_evils", "other_violations")
    },
}


def _offences(name: str, label: Msg) -> declare.Input[OffenceCounts]:
    return declare.Input(
        name=name,
        label=label,
        kind=declare.InputKind.RECORDS,
        parse=parse_offence_counts,
        schema=_COUNTS_SCHEMA,
        value_type=OffenceCounts,
    )


OFFENCES_CURRENT = _offences(
    "offences_current", Msg("crimes, social evils and other violations in the assessment period")
)
OFFENCES_PREVIOUS = _offences(
    "offences_previous",
    Msg("crimes, social evils and other violations in the previous period of equal length"),
)

# -- registration and planning (k1 of Điều 4-7) ---------------------------------------

PARTY_RESOLUTION_Q1 = declare.boolean(
    "party_resolution_q1", Msg("the Party cell or committee passed its resolution in Quarter I")
)
HAS_PARTY_ORGANISATION = declare.boolean(
    "has_party_organisation", Msg("the unit has a Party organisation")
)
SECURITY_PLAN_Q1 = declare.boolean(
    "security_plan_q1", Msg("a security-and-order plan was made in Quarter I")
)
REGISTERED_Q1 = declare.boolean(
    "registered_q1", Msg("the unit registered in Quarter I to strive for the standard")
)
HOUSEHOLDS_RESIDENT = declare.count(
    "households_resident", Msg("households currently residing in the area")
)
HOUSEHOLDS_REGISTERED = declare.count(
    "households_registered", Msg("households registered to take part in the movement")
)
EFFECTIVE_MODELS = declare.count(
    "effective_models", Msg("movement models built, consolidated or kept that work effectively")
)


class InternalRulesTopic(CodedEnum):
    """Topics that a unit's internal rules on security and order must cover."""

    UNIT_PROTECTION = (
        "unit_protection",
        "bảo vệ cơ quan, doanh nghiệp, cơ sở giáo dục",
        "protection of the unit",
    )
    STATE_SECRETS = ("state_secrets", "bảo vệ bí mật Nhà nước", "protection of State secrets")
    INTERNAL_POLITICS = (
        "internal_politics",
        "bảo vệ chính trị nội bộ",
        "internal political protection",
    )
    LABOUR_SAFETY = ("labour_safety", "an toàn lao động", "labour safety")
    FIRE_PREVENTION = ("fire_prevention", "phòng, chống cháy, nổ", "fire and explosion prevention")
    ENVIRONMENT = ("environment", "bảo vệ môi trường", "environmental protection")
    LEARNERS = ("learners", "quản lý, giáo dục người học", "management and education of learners")


INTERNAL_RULES_TOPICS = declare.code_set(
    "internal_rules_topics",
    Msg("topics covered by the unit's internal rules, made in Quarter I and fitting the law"),
    InternalRulesTopic,
)
STAFF_TOTAL = declare.count(
    "staff_total", Msg("officials, civil servants, public employees and workers of the unit")
)
STAFF_INFORMED = declare.count(
    "staff_informed",
    Msg(
        "officials, civil servants, public employees and workers informed of the rules and criteria"
    ),
)
SCHOOL_MEMBERS_TOTAL = declare.count(
    "school_members_total", Msg("staff, teachers and learners of the institution")
)
SCHOOL_MEMBERS_INFORMED = declare.count(
    "school_members_informed",
    Msg("staff, teachers and learners informed of the rules and criteria"),
)

# -- assessor judgements (QUAL) --------------------------------------------------------

POLICY_IMPLEMENTED = declare.boolean(
    "policy_implemented",
    Msg(
        "assessor: Party guidelines, State policy and law and local rules on security were fully carried out"
    ),
    judgement=True,
)
SUPERVISED_PERSONS_MANAGED = declare.boolean(
    "supervised_persons_managed",
    Msg(
        "assessor: people under supervision living in the area were managed, educated and helped effectively"
    ),
    judgement=True,
)
COMMUNE_POLICE_EFFECTIVE = declare.boolean(
    "commune_police_effective",
    Msg(
        "assessor: the commune police grasped the situation, advised in time and did their work effectively"
    ),
    judgement=True,
)
PARENT_BOARD_COORDINATION = declare.boolean(
    "parent_board_coordination",
    Msg("the institution manages students jointly with the parents' representative board"),
)

# -- forces, ratings and discipline ----------------------------------------------------------

FORCE_GRADE = declare.choice(
    "grassroots_force_grade",
    Msg("rating of the grassroots security-and-order force in the area"),
    TaskGrade,
    judgement=True,
)
FORCE_MEMBERS_DISCIPLINED = declare.count(
    "grassroots_force_members_disciplined",
    Msg("members of the grassroots force disciplined for violations (any form)"),
)
COMMUNE_POLICE_DISCIPLINED = declare.count(
    "commune_police_disciplined",
    Msg("commune police officers disciplined for violations (any form)"),
)
EMULATION_ELIGIBLE = declare.boolean(
    "emulation_eligible", Msg("the unit is eligible for emulation titles and ratings")
)
HAS_SECURITY_FORCE = declare.boolean(
    "has_security_force", Msg("the unit has its own security force")
)
SECURITY_FORCE_ADVANCED = declare.boolean(
    "security_force_advanced_collective",
    Msg("the unit's security force earned the title 'Tập thể lao động tiên tiến'"),
)
SECURITY_FORCE_GRADE = declare.choice(
    "security_force_grade",
    Msg("task rating of the unit's security force"),
    TaskGrade,
    judgement=True,
)
SECURITY_FORCE_DISCIPLINED = declare.count(
    "security_force_disciplined_warning_or_above",
    Msg("members of the unit's security force disciplined with a warning or heavier"),
)
SUBUNITS_ELIGIBLE = declare.count(
    "subunits_eligible", Msg("sub-units eligible for emulation rating")
)
#: How a unit none of whose sub-units is eligible is treated: neither circular says, so
#: the user chooses (both circulars' sub-unit share criteria read it).
EMPTY_SUBUNITS: Parameter[str] = Parameter(
    name="empty_subunits",
    label=Msg("how a unit with no sub-units eligible for rating is treated"),
    default=None,
    choices=("not_applicable", "not_met"),
    confirmation=Confirmation.UNCONFIRMED,
    required=False,
)
SUBUNITS_QUALIFYING = declare.count(
    "subunits_qualifying",
    Msg(
        "sub-units that earned 'Tập thể lao động tiên tiến' or were rated 'completed tasks well' or higher"
    ),
)
INDIVIDUALS_DISCIPLINED = declare.count(
    "individuals_disciplined_warning_or_above",
    Msg("individuals of the unit disciplined with a warning or heavier"),
)
STAFF_ADMIN_SANCTIONED = declare.count(
    "staff_admin_sanctioned_security_order",
    Msg("staff or workers given an administrative penalty in the security-and-order field"),
)
STAFF_SOCIAL_EVIL_DISCIPLINED = declare.count(
    "staff_social_evil_disciplined_warning_or_above",
    Msg("staff or workers with a social evil disciplined with a warning or heavier"),
)
MEMBERS_OFFENDING_DISCIPLINED = declare.count(
    "members_offending_disciplined_warning_or_above",
    Msg(
        "staff, teachers or learners who committed a crime or have a social evil and were disciplined with a warning or heavier"
    ),
)

# -- commune roll-up (Điều 5 khoản 4) ----------------------------------------------------------

UNITS_TOTAL = declare.count(
    "units_total",
    Msg("residential areas, agencies, enterprises and institutions under the commune"),
)
UNITS_REGISTERED = declare.count("units_registered", Msg("units under the commune that registered"))
UNITS_RECOGNISED = declare.count(
    "units_recognised", Msg("units under the commune recognised as safe this round")
)

# -- scope (Điều 1) ---------------------------------------------------------------

IS_ARMED_FORCES = declare.boolean(
    "is_armed_forces", Msg("the agency is an agency or unit of the armed forces")
)
ENTERPRISE_SIZE = declare.choice(
    "enterprise_size", Msg("size class of the enterprise"), EnterpriseSize
)
EDUCATION_LEVEL = declare.choice(
    "education_level", Msg("level of the educational institution"), EducationLevel
)
