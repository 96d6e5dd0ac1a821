"""Inputs that only the Thông tư 23/2012/TT-BCA rule sets read.

TT 23 asks for its resolution, plan and registration "hằng năm" (annually),
not "trong Quý I" as TT 124 does, so those are distinct facts
(``registered_annually`` is not ``registered_q1``). Inputs that mean the same in
both circulars (``staff_total``, ``has_party_organisation``, ``incidents``...)
are shared from :mod:`antq.safety.inputs`.

Events that TT 23 names but :class:`~antq.entities.incidents.IncidentCategory`
has no category for (mass complaints, thefts of high-value assets, leaks of
secrets, serious labour accidents) are counts that the assessor makes over
the unit's assessment period.

The ``tt23_*_remainder_met`` inputs are assessor findings for parts of TT 23
whose text is not available to antq: antq cannot check them, so it asks the
assessor, who checks them against the official text. Until they are given,
the verdict is UNKNOWN, never "met".
"""

from __future__ import annotations

import attrs

from antq.core import inputs as declare
from antq.entities.grades import EmulationTitle
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.safety.inputs import InternalRulesTopic

# -- annual resolution, plan and registration (k1 of Điều 5-8) ---------------------------

PARTY_RESOLUTION_ANNUAL = declare.boolean(
    "party_resolution_annual",
    Msg("the Party cell or committee passed its resolution on security and order for the year"),
)
SECURITY_PLAN_ANNUAL = declare.boolean(
    "security_plan_annual", Msg("a security-and-order plan was made for the year")
)
REGISTERED_ANNUALLY = declare.boolean(
    "registered_annually", Msg("the unit registered for the year to strive for the standard")
)

# -- residential area (Điều 5, known only in part) ------------------------------------------

HOUSEHOLDS_IN_AREA = declare.count("households_in_area", Msg("households in the residential area"))
HOUSEHOLDS_PLEDGED = declare.count(
    "households_pledged", Msg("households that signed the emulation pledge")
)
MASS_COMPLAINTS = declare.count(
    "mass_complaints",
    Msg("mass complaints (khiếu kiện đông người) in the assessment period"),
)
OVER_LEVEL_COMPLAINTS = declare.count(
    "over_level_unlawful_complaints",
    Msg("unlawful complaints bypassing the competent level (khiếu kiện vượt cấp) in the period"),
)
RESIDENTIAL_REMAINDER_MET = declare.boolean(
    "tt23_residential_area_remainder_met",
    Msg(
        "assessor: the residential area meets the rest of Article 5 of Circular 23/2012, checked against the official text"
    ),
    judgement=True,
)

# -- commune (Điều 6) -------------------------------------------------------------------------

COMMUNE_RESIDENTIAL_REMAINDER_MET = declare.boolean(
    "tt23_commune_residential_remainder_met",
    Msg(
        "assessor: the commune meets the rest of Article 5(2)-(4) of Circular 23/2012, checked against the official text"
    ),
    judgement=True,
)


@attrs.frozen
class _TitlesParser:
    # A class rather than a closure so that rule sets stay picklable.
    def __call__(self, raw: object, path: str) -> tuple[EmulationTitle, ...]:
        if not isinstance(raw, list):
            raise InputError(path, raw, Msg("expected a list of title codes (empty if none)"))
        return tuple(
            EmulationTitle.from_code(code, path=f"{path}[{i}]") for i, code in enumerate(raw)
        )


def _titles(name: str, label: Msg) -> declare.Input[tuple[EmulationTitle, ...]]:
    return declare.Input(
        name=name,
        label=label,
        kind=declare.InputKind.RECORDS,
        parse=_TitlesParser(),
        schema={
            "type": "array",
            "items": {"type": "string", "enum": list(EmulationTitle.codes())},
            "uniqueItems": True,
        },
        value_type=tuple,
        item_type=EmulationTitle,
    )


COMMUNE_POLICE_TITLES = _titles(
    "commune_police_titles",
    Msg("collective emulation titles the commune police earned for the year (empty if none)"),
)
HAS_CIVIL_DEFENCE_FORCE = declare.boolean(
    "has_civil_defence_force", Msg("the commune has a civil-defence force (Bảo vệ dân phố)")
)
CIVIL_DEFENCE_TITLES = _titles(
    "civil_defence_force_titles",
    Msg(
        "collective emulation titles the civil-defence force (Bảo vệ dân phố) earned for the year (empty if none)"
    ),
)
COMMUNE_FORCES_DISCIPLINED = declare.count(
    "commune_forces_disciplined_warning_or_above",
    Msg(
        "members of the commune police or the civil-defence force disciplined with a warning or heavier"
    ),
)
RESIDENTIAL_AREAS_TOTAL = declare.count(
    "residential_areas_total",
    Msg("residential areas in the commune (agencies, enterprises and schools not counted)"),
)
RESIDENTIAL_AREAS_RECOGNISED = declare.count(
    "residential_areas_recognised",
    Msg("residential areas in the commune recognised as safe this round"),
)

# -- agencies, enterprises and schools (Điều 7, Điều 8) -----------------------------------------


INTERNAL_RULES_TOPICS_ANNUAL = declare.code_set(
    "internal_rules_topics_annual",
    Msg("topics covered by the unit's internal rules on security and order for the year"),
    InternalRulesTopic,
)
STAFF_PLEDGED = declare.count(
    "staff_pledged",
    Msg("officials, civil servants, public employees and workers who signed the emulation pledge"),
)
SECURITY_WORK_EFFECTIVE = declare.boolean(
    "security_work_effective",
    Msg("assessor: the unit carried out its security-and-order plan and rules effectively"),
    judgement=True,
)
COORDINATION_PLAN = declare.boolean(
    "coordination_plan_with_authorities",
    Msg("the unit has a coordination plan with the local government and the police"),
)
SELF_PROTECTION_MODEL = declare.boolean(
    "self_protection_model",
    Msg("the unit has a self-prevention, self-management and self-protection model"),
)
HIGH_VALUE_THEFTS = declare.count(
    "high_value_thefts", Msg("thefts of high-value assets from the unit in the assessment period")
)
SECRET_LEAKS = declare.count(
    "technology_or_state_secret_leaks",
    Msg("leaks or losses of technology secrets or State secrets in the assessment period"),
)
SERIOUS_LABOUR_ACCIDENTS = declare.count(
    "serious_labour_accidents", Msg("serious labour accidents in the assessment period")
)
STAFF_CRIME_OR_SOCIAL_EVIL = declare.count(
    "staff_crime_or_social_evil",
    Msg("staff members who committed a crime or have a social evil, in the assessment period"),
)
SUBUNITS_ADVANCED = declare.count(
    "subunits_advanced_collective",
    Msg("sub-units that earned the title 'Tập thể lao động tiên tiến'"),
)
SECURITY_FORCE_ITEM_MET = declare.boolean(
    "tt23_security_force_item_met",
    Msg(
        "assessor: the unit meets the rest of the security-force item of Article 7 of Circular 23/2012, checked against the official text"
    ),
    judgement=True,
)
SCHOOL_PLEDGE_REQUIRED = declare.count(
    "school_pledge_required",
    Msg(
        "staff and teachers, plus learners from lower-secondary level up, who must sign the pledge"
    ),
)
SCHOOL_PLEDGE_SIGNED = declare.count(
    "school_pledge_signed",
    Msg("staff, teachers and learners (lower-secondary level up) who signed the pledge"),
)
SCHOOL_FAMILY_COORDINATION = declare.boolean(
    "school_family_coordination_plan",
    Msg("the school has a coordination plan with the local government and the pupils' families"),
)
SCHOOL_REMAINDER_MET = declare.boolean(
    "tt23_school_remainder_met",
    Msg(
        "assessor: the school meets the rest of Article 8 of Circular 23/2012, checked against the official text"
    ),
    judgement=True,
)
