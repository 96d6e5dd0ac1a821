"""Facts builders for the Thông tư 124/2021/TT-BCA rule-set tests.

Each ``*_facts()`` function returns the raw, JSON-style facts of a unit that
meets *every* criterion of its rule set in the 2024 round. Tests change one
fact at a time through :func:`verdict_of` (a value of ``None`` removes the
fact, exactly as an explicit JSON ``null`` does in a facts file).

The facts go through the real JSON loader (:func:`unit_facts_from_dict`), so
the tests also exercise parsing of counts, grades, topics and incidents.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import attrs

from antq.core import evaluate
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome
from antq.core.ruleset import RuleBook, RuleSet
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import CriterionResult, Verdict
from antq.io.facts import unit_facts_from_dict
from antq.safety import default_rulebook
from antq.safety.tt124_2021 import (
    article_4_residential_area as residential_area,
)
from antq.safety.tt124_2021 import (
    article_5_commune as commune,
)
from antq.safety.tt124_2021 import (
    article_6_organisations as organisations,
)
from antq.safety.tt124_2021 import (
    article_7_education as education,
)

MET = Outcome.MET
NOT_MET = Outcome.NOT_MET
UNKNOWN = Outcome.UNKNOWN
NOT_APPLICABLE = Outcome.NOT_APPLICABLE

RA = UnitKind.RESIDENTIAL_AREA
COMMUNE = UnitKind.COMMUNE
AGENCY = UnitKind.AGENCY
ENTERPRISE = UnitKind.ENTERPRISE
SCHOOL = UnitKind.EDUCATIONAL_INSTITUTION

#: The round used throughout unless a test says otherwise.
YEAR = 2024
#: A day inside the 2024 period of every unit kind (and in Quarter I).
IN_PERIOD = "2024-03-02"
IN_PERIOD_VI = "02/03/2024"

RULE_SETS: dict[UnitKind, RuleSet] = {
    RA: residential_area.RULE_SET,
    COMMUNE: commune.RULE_SET,
    AGENCY: organisations.AGENCY,
    ENTERPRISE: organisations.ENTERPRISE,
    SCHOOL: education.RULE_SET,
}
PREFIX: dict[UnitKind, str] = {kind: rule_set.id for kind, rule_set in RULE_SETS.items()}

#: Assessment periods of the 2024 round (Điều 8 khoản 2), both ends inclusive.
PERIOD_2024: dict[UnitKind, tuple[date, date]] = {
    RA: (date(2023, 11, 1), date(2024, 10, 31)),
    COMMUNE: (date(2023, 11, 16), date(2024, 11, 15)),
    AGENCY: (date(2023, 11, 16), date(2024, 11, 15)),
    ENTERPRISE: (date(2023, 11, 16), date(2024, 11, 15)),
    SCHOOL: (date(2023, 11, 16), date(2024, 11, 15)),
}

AGENCY_TOPICS = [
    "unit_protection",
    "state_secrets",
    "internal_politics",
    "labour_safety",
    "fire_prevention",
    "environment",
]
SCHOOL_TOPICS = ["unit_protection", "internal_politics", "learners", "fire_prevention"]


def offences(crimes: int, social_evils: int, other_violations: int) -> dict[str, int]:
    """Raw offence counts of one period."""
    return {"crimes": crimes, "social_evils": social_evils, "other_violations": other_violations}


def incident(
    category: str, day: str = IN_PERIOD, *, gravity: str | None = None, **flags: Any
) -> dict[str, Any]:
    """A raw incident record as a facts file holds it."""
    raw: dict[str, Any] = {"date": day, "category": category, **flags}
    if gravity is not None:
        raw["gravity"] = gravity
    return raw


def crime(gravity: str = "nghiem_trong", day: str = IN_PERIOD, **flags: Any) -> dict[str, Any]:
    """A raw crime record of the given gravity class."""
    return incident("crime", day, gravity=gravity, **flags)


def residential_area_facts() -> dict[str, Any]:
    """A residential area meeting every criterion of Điều 4."""
    return {
        "party_resolution_q1": True,
        "registered_q1": True,
        "households_resident": 120,
        "households_registered": 120,
        "policy_implemented": True,
        "incidents": [],
        "offences_current": offences(1, 1, 2),
        "offences_previous": offences(2, 1, 2),
        "supervised_persons_managed": True,
        "grassroots_force_grade": "hoan_thanh",
        "grassroots_force_members_disciplined": 0,
    }


def commune_facts() -> dict[str, Any]:
    """A commune meeting every criterion of Điều 5 (18 of 25 units recognised)."""
    return {
        "party_resolution_q1": True,
        "security_plan_q1": True,
        "registered_q1": True,
        "effective_models": 1,
        "policy_implemented": True,
        "incidents": [],
        "offences_current": offences(3, 2, 5),
        "offences_previous": offences(4, 2, 5),
        "supervised_persons_managed": True,
        "commune_police_effective": True,
        "commune_police_disciplined": 0,
        "units_total": 25,
        "units_registered": 25,
        "units_recognised": 18,
    }


def _organisation_facts() -> dict[str, Any]:
    return {
        "has_party_organisation": True,
        "party_resolution_q1": True,
        "security_plan_q1": True,
        "registered_q1": True,
        "internal_rules_topics": list(AGENCY_TOPICS),
        "staff_total": 50,
        "staff_informed": 50,
        "effective_models": 1,
        "policy_implemented": True,
        "incidents": [],
        "staff_admin_sanctioned_security_order": 0,
        "staff_social_evil_disciplined_warning_or_above": 0,
        "emulation_eligible": True,
        "has_security_force": True,
        "security_force_advanced_collective": True,
        "security_force_grade": "hoan_thanh_tot",
        "security_force_disciplined_warning_or_above": 0,
        "subunits_eligible": 10,
        "subunits_qualifying": 7,
        "individuals_disciplined_warning_or_above": 0,
    }


def agency_facts() -> dict[str, Any]:
    """A (civilian) agency meeting every criterion of Điều 6."""
    return {"is_armed_forces": False, **_organisation_facts()}


def enterprise_facts() -> dict[str, Any]:
    """A medium-sized enterprise meeting every criterion of Điều 6."""
    return {"enterprise_size": "medium", **_organisation_facts()}


def education_facts() -> dict[str, Any]:
    """An upper-secondary school meeting every criterion of Điều 7."""
    return {
        "education_level": "trung_hoc_pho_thong",
        "has_party_organisation": True,
        "party_resolution_q1": True,
        "security_plan_q1": True,
        "registered_q1": True,
        "internal_rules_topics": list(SCHOOL_TOPICS),
        "school_members_total": 900,
        "school_members_informed": 900,
        "effective_models": 1,
        "policy_implemented": True,
        "parent_board_coordination": True,
        "incidents": [],
        "members_offending_disciplined_warning_or_above": 0,
        "emulation_eligible": True,
        "has_security_force": True,
        "security_force_advanced_collective": True,
        "security_force_grade": "hoan_thanh_tot",
        "security_force_disciplined_warning_or_above": 0,
        "subunits_eligible": 10,
        "subunits_qualifying": 7,
        "individuals_disciplined_warning_or_above": 0,
    }


BASELINES: dict[UnitKind, Callable[[], dict[str, Any]]] = {
    RA: residential_area_facts,
    COMMUNE: commune_facts,
    AGENCY: agency_facts,
    ENTERPRISE: enterprise_facts,
    SCHOOL: education_facts,
}


def raw_unit(kind: UnitKind, year: int = YEAR, **overrides: Any) -> dict[str, Any]:
    """The raw unit object of a facts document: the baseline with ``overrides``."""
    facts = copy.deepcopy(BASELINES[kind]())
    facts.update(overrides)
    return {"id": "U1", "kind": kind.code, "year": year, "facts": facts}


def facts_of(kind: UnitKind, year: int = YEAR, **overrides: Any) -> UnitFacts:
    """Parsed facts: the baseline with ``overrides`` (``None`` removes a fact)."""
    book = default_rulebook()
    return unit_facts_from_dict(raw_unit(kind, year, **overrides), "units[0]", book.inputs(kind))


def verdict_of(
    kind: UnitKind,
    year: int = YEAR,
    *,
    rules: RuleSet | RuleBook | None = None,
    **overrides: Any,
) -> Verdict:
    """Evaluate the baseline of ``kind`` with ``overrides``.

    ``rules`` defaults to the rule book (selection by date); pass a rule set to
    pin it, e.g. one with parameters from :meth:`RuleSet.with_parameters`.
    """
    return evaluate(facts_of(kind, year, **overrides), rules or default_rulebook())


def full_id(kind: UnitKind, criterion_id: str) -> str:
    """``"households-registered"`` -> ``"tt124.residential-area.households-registered"``."""
    prefix = PREFIX[kind]
    return criterion_id if criterion_id.startswith(prefix + ".") else f"{prefix}.{criterion_id}"


def result_of(verdict: Verdict, criterion_id: str) -> CriterionResult:
    """The result of one criterion (full id, or the part after the rule-set id)."""
    wanted = full_id(verdict.kind, criterion_id)
    found = [r for r in verdict.all_results() if r.criterion_id == wanted]
    assert len(found) == 1, f"{wanted} appears {len(found)} times in {verdict.rule_set}"
    return found[0]


def ids_with(verdict: Verdict, outcome: Outcome) -> set[str]:
    """Short ids of the criteria that came out as ``outcome``."""
    prefix = PREFIX[verdict.kind] + "."
    return {r.criterion_id.removeprefix(prefix) for r in verdict.with_outcome(outcome)}


def short_ids(rule_set: RuleSet) -> set[str]:
    """Short ids of every criterion of a rule set, scope gates included."""
    return {c.id.removeprefix(rule_set.id + ".") for c in rule_set.all_criteria()}


def _fragments(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen(kw_only=True)
class Case:
    """How to exercise one criterion.

    ``cite``: the provision the criterion's citation must name, short form
    (``"4(3)(b)"``). ``fail``: overrides that make this criterion, and only
    it, NOT_MET, with ``reason`` one or more fragments of the English reason.
    ``remove``: the facts whose absence makes it UNKNOWN (they must appear in
    ``.missing``).
    """

    cite: str
    fail: dict[str, Any]
    reason: tuple[str, ...] = attrs.field(converter=_fragments)
    remove: tuple[str, ...]


def one_incident(category: str, **flags: Any) -> dict[str, Any]:
    """Overrides adding a single incident of ``category`` in the period."""
    return {"incidents": [incident(category, **flags)]}


#: Fragments of the English reason of an incident criterion that failed on IN_PERIOD.
IN_PERIOD_REASON = ("1 in the period", f", on {IN_PERIOD_VI}")


def territory_cases() -> dict[str, Case]:
    """Điều 4 khoản 2-4: applied by a residential area and, through Điều 5 khoản 2, a commune.

    ``cite`` is the Điều 4 provision; the commune cites Điều 5 khoản 2 and names
    this provision in a note.
    """

    def event(point: str, category: str) -> Case:
        return Case(
            cite=f"4(3)({point})",
            fail=one_incident(category),
            reason=IN_PERIOD_REASON,
            remove=("incidents",),
        )

    return {
        "policy": Case(
            cite="4(2)",
            fail={"policy_implemented": False},
            reason=": no",
            remove=("policy_implemented",),
        ),
        "no-anti-state-activity": event("a", "anti_state_activity"),
        "no-sabotage": event("b", "sabotage_of_key_targets"),
        "no-unlawful-religion": event("c", "unlawful_religion"),
        "no-exploiting-religion": event("d", "exploiting_religion_ethnicity"),
        "no-separatism": event("đ", "separatism"),
        "no-prolonged-dispute": event("e", "prolonged_dispute"),
        "no-complaint-incitement": event("g", "complaint_incitement"),
        "offences-reduced": Case(
            cite="4(4)(a)",
            fail={"offences_current": offences(9, 9, 9)},
            reason="total: 27 this period against",
            remove=("offences_current", "offences_previous"),
        ),
        "no-serious-crime": Case(
            cite="4(4)(b)",
            fail={
                "incidents": [
                    crime(
                        force_majeure=False,
                        timely_detected=False,
                        mitigated=False,
                        reported_immediately=False,
                    )
                ]
            },
            reason=f"1 crime(s) of serious gravity or above not excused, on {IN_PERIOD_VI}",
            remove=("incidents",),
        ),
        "no-new-hotspot": Case(
            cite="4(4)(c)",
            fail=one_incident("new_order_hotspot"),
            reason=IN_PERIOD_REASON,
            remove=("incidents",),
        ),
        "no-new-social-evil": Case(
            cite="4(4)(c)",
            fail=one_incident("new_social_evil_case"),
            reason=IN_PERIOD_REASON,
            remove=("incidents",),
        ),
        "supervised-persons": Case(
            cite="4(4)(c)",
            fail={"supervised_persons_managed": False},
            reason=": no",
            remove=("supervised_persons_managed",),
        ),
        "no-serious-accident": Case(
            cite="4(4)(d)",
            fail=one_incident("serious_fire_explosion", force_majeure=False),
            reason=f"1 not due to force majeure, on {IN_PERIOD_VI}",
            remove=("incidents",),
        ),
    }


def institution_cases(article: int) -> dict[str, Case]:
    """Criteria common to Điều 6 (article 6) and Điều 7 (article 7) units.

    For Điều 7 the incident items cite Điều 7 khoản 3 (they apply Điều 6 khoản 3).
    """

    def event(point: str, category: str, **flags: Any) -> Case:
        return Case(
            cite=f"6(3)({point})" if article == 6 else "7(3)",
            fail=one_incident(category, **flags),
            reason=IN_PERIOD_REASON
            if not flags
            else f"1 not due to force majeure, on {IN_PERIOD_VI}",
            remove=("incidents",),
        )

    k_force, k_subunits = (4, 5) if article == 6 else (5, 6)
    return {
        "party-resolution": Case(
            cite=f"{article}(1)",
            fail={"party_resolution_q1": False},
            reason=": no",
            remove=("party_resolution_q1",),
        ),
        "security-plan": Case(
            cite=f"{article}(1)",
            fail={"security_plan_q1": False},
            reason=": no",
            remove=("security_plan_q1",),
        ),
        "registration": Case(
            cite=f"{article}(1)",
            fail={"registered_q1": False},
            reason=": no",
            remove=("registered_q1",),
        ),
        "effective-models": Case(
            cite=f"{article}(1)",
            fail={"effective_models": 0},
            reason="0 < 1: 1 more needed",
            remove=("effective_models",),
        ),
        "policy": Case(
            cite=f"{article}(2)",
            fail={"policy_implemented": False},
            reason=": no",
            remove=("policy_implemented",),
        ),
        "no-unlawful-religion": event("a", "unlawful_religion"),
        "no-exploiting-religion": event("b", "exploiting_religion_ethnicity"),
        "no-complaint-incitement": event("c", "complaint_incitement"),
        "no-serious-crime": Case(
            cite="6(3)(đ)" if article == 6 else "7(3)",
            fail={"incidents": [crime("rat_nghiem_trong", force_majeure=False, mitigated=False)]},
            reason=f"1 crime(s) of serious gravity or above not excused, on {IN_PERIOD_VI}",
            remove=("incidents",),
        ),
        "no-state-secret-violation": event("e", "state_secret_violation"),
        "no-serious-accident": event("g", "fatal_labour_accident", force_majeure=False),
        "security-force-rating": Case(
            cite=f"{article}({k_force})",
            fail={
                "security_force_advanced_collective": False,
                "security_force_grade": "hoan_thanh",
            },
            reason="rated 'completed tasks', below 'completed tasks well'",
            remove=("security_force_advanced_collective", "security_force_grade"),
        ),
        "security-force-discipline": Case(
            cite=f"{article}({k_force})",
            fail={"security_force_disciplined_warning_or_above": 1},
            reason="1 recorded where none is allowed",
            remove=("security_force_disciplined_warning_or_above",),
        ),
        "subunits": Case(
            cite=f"{article}({k_subunits})",
            fail={"subunits_qualifying": 6},
            reason="6/10 = 60% < 70%: 1 more needed",
            remove=("subunits_qualifying", "subunits_eligible"),
        ),
        "individual-discipline": Case(
            cite=f"{article}({k_subunits})",
            fail={"individuals_disciplined_warning_or_above": 2},
            reason="2 recorded where none is allowed",
            remove=("individuals_disciplined_warning_or_above",),
        ),
    }


def without(facts_names: Iterable[str]) -> dict[str, None]:
    """Overrides removing the named facts."""
    return dict.fromkeys(facts_names)


# -- assertions shared by the per-kind test files --------------------------------------


def assert_baseline_met(kind: UnitKind, criterion: str) -> None:
    result = result_of(verdict_of(kind), criterion)
    assert result.outcome is MET, result.reason.render("en")
    assert result.missing == ()


def assert_fails_alone(kind: UnitKind, criterion: str, case: Case) -> None:
    verdict = verdict_of(kind, **case.fail)
    assert verdict.outcome is NOT_MET
    assert ids_with(verdict, NOT_MET) == {criterion}
    assert ids_with(verdict, UNKNOWN) == set()
    reason = result_of(verdict, criterion).reason.render("en")
    for fragment in case.reason:
        assert fragment in reason


def assert_unknown_when_missing(kind: UnitKind, criterion: str, case: Case) -> None:
    verdict = verdict_of(kind, **without(case.remove))
    result = result_of(verdict, criterion)
    assert result.outcome is UNKNOWN
    assert set(case.remove) <= set(result.missing)
    assert verdict.outcome is UNKNOWN
    assert set(case.remove) <= set(verdict.missing_inputs)
    assert "not enough information" in result.reason.render("en")


def assert_cites(kind: UnitKind, criterion: str, case: Case) -> None:
    from antq.law.citation import Citation

    result = result_of(verdict_of(kind), criterion)
    assert result.citation == Citation.parse(f"124/2021/TT-BCA {case.cite}")


#: What a commune's count criteria add when it is evaluated alone, with the counts it states.
STATED = ", as the commune states them (no unit of the commune was evaluated with it)"
