"""Every criterion of every safe-standard rule set is tested met, not met, at its boundary and
with an input missing.

The per-rule-set tables drive the first, second and fourth states:

* Thông tư 124/2021: the ``CASES`` table of each ``tt124_2021/test_article_*`` module (its
  baseline meets the criterion, ``fail`` makes it alone NOT_MET, ``remove``
  makes it UNKNOWN), and :data:`ELIGIBILITY_CASES` below for the Điều 1 scope
  gates, whose "not met" is NOT_APPLICABLE;
* Thông tư 23/2012: ``TT23_BASELINES`` of ``tests/reliability/strategies.py``, and
  ``NOT_MET_CASES`` and ``CRITERION_INPUTS`` of ``tt23_2012/test_rule_sets.py``.

The boundary is derived here from each criterion's check, so a criterion can
not be added without one: the value just at the edge, which meets it, and the
value just past it, which does not (70% exactly and one unit fewer; the last
required topic; the first and last day of the period; the gravity "nghiêm
trọng"; the lowest grade accepted). For a yes/no fact the boundary is the flip
itself. :func:`test_every_criterion_is_tested_in_all_four_states` enumerates
the criterion ids of the rule sets and checks each one is in every table.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs
import pytest

from antq.core.criterion import Criterion
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.ruleset import RuleSet
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import Verdict
from antq.entities.grades import EmulationTitle, TaskGrade
from antq.entities.organisations import EducationLevel, EnterpriseSize
from antq.safety import default_rulebook
from antq.safety import tt23_2012 as tt23
from antq.safety import tt124_2021 as tt124
from antq.safety.checks import (
    AllOf,
    AtLeast,
    ExcusedOnlyByForceMajeure,
    GradeAtLeast,
    IsTrue,
    NoIncidents,
    NoneCounted,
    OffencesReduced,
    SeriousCrimesExcused,
    ShareAtLeast,
    TitleOrGrade,
    TopicsCovered,
)
from antq.safety.tt23_2012._common import ShareAtLeastParameter, TitleAtLeast
from antq.safety.tt124_2021._shared_items import OwnForceCheck
from antq.safety.tt124_2021.article_1_scope import (
    AgencyInScope,
    EnterpriseInScope,
    InstitutionInScope,
)
from antq.safety.unit_counts import UnitsRecognised, UnitsRegistered
from tests.reliability.strategies import TT23, baseline

from .builders import BASELINES, MET, NOT_APPLICABLE, NOT_MET, UNKNOWN, YEAR, result_of, verdict_of
from .tt23_2012 import test_rule_sets as tt23_tests
from .tt124_2021 import test_article_4_residential_area as test_tt124_residential_area
from .tt124_2021 import test_article_5_commune as test_tt124_commune
from .tt124_2021 import test_article_6_organisations as test_tt124_organisations
from .tt124_2021 import test_article_7_education as test_tt124_education

STATES = ("met", "not_met", "boundary", "missing")

# -- the units a boundary case starts from -------------------------------------------------------


@attrs.frozen
class Baseline:
    """A unit meeting every criterion of ``rule_set``, and how to evaluate it with changes."""

    rule_set: RuleSet
    facts: dict[str, Any]
    period: Period
    evaluate: Callable[..., Verdict]


def _tt124(rule_set: RuleSet) -> Baseline:
    kind = rule_set.kind

    def run(**overrides: Any) -> Verdict:
        return verdict_of(kind, **overrides)

    return Baseline(rule_set, BASELINES[kind](), rule_set.period_for(YEAR), run)


def _tt23(rule_set: RuleSet) -> Baseline:
    kind = rule_set.kind
    pinned = tt23_tests.supplied(rule_set)
    period = tt23_tests.SCHOOL_2021 if rule_set.window is None else rule_set.period_for(2021)

    def run(**overrides: Any) -> Verdict:
        return tt23_tests.run(kind, rule_set=pinned, **overrides)

    return Baseline(pinned, baseline(kind, TT23), period, run)


BASELINE_OF: dict[str, Baseline] = {
    **{r.id: _tt124(r) for r in tt124.RULE_SETS},
    **{r.id: _tt23(r) for r in tt23.RULE_SETS},
}

# -- boundaries derived from the checks ------------------------------------------------------------

Edge = tuple[str, dict[str, Any], Outcome]


def _event(category: str, day: date, **flags: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {"date": day.isoformat(), "category": category, **flags}
    if category == "crime":
        raw.setdefault("gravity", "nghiem_trong")
    return raw


def _below(grade: TaskGrade) -> TaskGrade | None:
    lower = [g for g in TaskGrade if g.rank == grade.rank - 1]
    return lower[0] if lower else None


def _share_edges(part: str, whole: str, threshold: int, base: Baseline) -> list[Edge]:
    total = base.facts[whole]
    least = -(-threshold * total // 100)  # the smallest count that reaches the share
    return [
        (f"{least}/{total} reaches {threshold}%", {part: least}, MET),
        (f"{least - 1}/{total} falls short", {part: least - 1}, NOT_MET),
    ]


def boundary_edges(criterion: Criterion, base: Baseline) -> list[Edge]:
    """The edge cases of ``criterion``, from its check; an unknown check is a test failure."""
    check = criterion.check
    start, end = base.period.start, base.period.end
    day = timedelta(days=1)
    if isinstance(check, OwnForceCheck):
        # Điều 6 khoản 4: the item's own edges with a force, and without one the
        # default reading of no_own_security_force, undetermined.
        inner = attrs.evolve(criterion, check=check.check)
        return [
            *boundary_edges(inner, base),
            ("no security force of its own", {"has_security_force": False}, UNKNOWN),
        ]
    if isinstance(check, IsTrue):
        return [("yes", {check.fact.name: True}, MET), ("no", {check.fact.name: False}, NOT_MET)]
    if isinstance(check, NoneCounted):
        return [("0", {check.value.name: 0}, MET), ("1", {check.value.name: 1}, NOT_MET)]
    if isinstance(check, AtLeast):
        name, least = check.value.name, check.minimum
        return [(str(least), {name: least}, MET), (str(least - 1), {name: least - 1}, NOT_MET)]
    if isinstance(check, AllOf):
        total = base.facts[check.whole.name]
        return [
            (f"{total}/{total}", {check.part.name: total}, MET),
            (f"{total - 1}/{total}", {check.part.name: total - 1}, NOT_MET),
        ]
    if isinstance(check, ShareAtLeast):
        return _share_edges(check.part.name, check.whole.name, check.threshold, base)
    # The roll-up checks read the counts the commune states when no unit is in the round.
    if isinstance(check, UnitsRegistered):
        total = base.facts[check.total.name]
        return [
            (f"{total}/{total}", {check.registered.name: total}, MET),
            (f"{total - 1}/{total}", {check.registered.name: total - 1}, NOT_MET),
        ]
    if isinstance(check, UnitsRecognised):
        return _share_edges(check.recognised.name, check.total.name, check.threshold, base)
    if isinstance(check, ShareAtLeastParameter):
        threshold = base.rule_set.parameter_value(check.threshold)
        assert isinstance(threshold, int)
        return _share_edges(check.part.name, check.whole.name, threshold, base)
    if isinstance(check, NoIncidents):
        edges: list[Edge] = []
        for category in sorted(c.code for c in check.categories):
            edges += [
                (f"{category} on the first day", {"incidents": [_event(category, start)]}, NOT_MET),
                (f"{category} on the last day", {"incidents": [_event(category, end)]}, NOT_MET),
                (f"{category} the day before", {"incidents": [_event(category, start - day)]}, MET),
                (f"{category} the day after", {"incidents": [_event(category, end + day)]}, MET),
            ]
        return edges
    if isinstance(check, SeriousCrimesExcused):
        refused = dict.fromkeys(
            ("force_majeure", "timely_detected", "mitigated", "reported_immediately"), False
        )
        excused = {
            **refused,
            "timely_detected": True,
            "mitigated": True,
            "reported_immediately": True,
        }
        return [
            ("serious, last day", {"incidents": [_event("crime", end, **refused)]}, NOT_MET),
            ("serious, day after", {"incidents": [_event("crime", end + day, **refused)]}, MET),
            (
                "less serious",
                {"incidents": [_event("crime", end, gravity="it_nghiem_trong", **refused)]},
                MET,
            ),
            ("serious, excused", {"incidents": [_event("crime", end, **excused)]}, MET),
            (
                "serious, not reported at once",
                {"incidents": [_event("crime", end, **{**excused, "reported_immediately": False})]},
                NOT_MET,
            ),
        ]
    if isinstance(check, ExcusedOnlyByForceMajeure):
        edges = []
        for category in sorted(c.code for c in check.categories):
            edges += [
                (
                    f"{category} on the first day",
                    {"incidents": [_event(category, start, force_majeure=False)]},
                    NOT_MET,
                ),
                (
                    f"{category} by force majeure",
                    {"incidents": [_event(category, start, force_majeure=True)]},
                    MET,
                ),
                (
                    f"{category} the day before",
                    {"incidents": [_event(category, start - day, force_majeure=False)]},
                    MET,
                ),
            ]
        return edges
    if isinstance(check, GradeAtLeast):
        below = _below(check.minimum)
        assert below is not None
        name = check.grade.name
        return [
            (check.minimum.code, {name: check.minimum.code}, MET),
            (below.code, {name: below.code}, NOT_MET),
        ]
    if isinstance(check, TitleOrGrade):
        below = _below(check.minimum)
        assert below is not None
        title, grade = check.title.name, check.grade.name
        return [
            ("grade at the minimum", {title: False, grade: check.minimum.code}, MET),
            ("grade just below", {title: False, grade: below.code}, NOT_MET),
            ("title alone", {title: True, grade: TaskGrade.KHONG_HOAN_THANH.code}, MET),
        ]
    if isinstance(check, TopicsCovered):
        required = sorted(t.code for t in check.required)
        name = check.topics.name
        return [
            ("exactly the required topics", {name: required}, MET),
            *((f"all but {t}", {name: [r for r in required if r != t]}, NOT_MET) for t in required),
        ]
    if isinstance(check, OffencesReduced):
        previous = base.facts["offences_previous"]
        one_fewer = {**previous, "crimes": previous["crimes"] - 1}
        return [
            ("one fewer than before", {"offences_current": one_fewer}, MET),
            ("as many as before", {"offences_current": dict(previous)}, NOT_MET),
        ]
    if isinstance(check, TitleAtLeast):
        name = check.titles.name
        below = [t.code for t in EmulationTitle if t.rank < check.minimum.rank]
        equal = [t.code for t in EmulationTitle if t.rank == check.minimum.rank]
        return [
            *((f"{code}", {name: [code]}, MET) for code in equal),
            ("nothing at that level", {name: below}, NOT_MET),
        ]
    if isinstance(check, AgencyInScope):
        return [
            ("civilian agency", {"is_armed_forces": False}, MET),
            ("armed forces", {"is_armed_forces": True}, NOT_APPLICABLE),
        ]
    if isinstance(check, EnterpriseInScope):
        return [
            (
                size.code,
                {"enterprise_size": size.code},
                NOT_APPLICABLE if size.small_or_micro else MET,
            )
            for size in EnterpriseSize
        ]
    if isinstance(check, InstitutionInScope):
        return [
            (
                level.code,
                {"education_level": level.code},
                NOT_APPLICABLE if level.excluded_from_tt124 else MET,
            )
            for level in EducationLevel
        ]
    raise AssertionError(f"{criterion.id}: no boundary is defined for {type(check).__name__}")


def _criteria() -> list[tuple[RuleSet, Criterion]]:
    return [(r, c) for r in (*tt124.RULE_SETS, *tt23.RULE_SETS) for c in r.all_criteria()]


BOUNDARY_CASES = [
    pytest.param(criterion.id, overrides, outcome, id=f"{criterion.id}[{label}]")
    for rule_set, criterion in _criteria()
    for label, overrides, outcome in boundary_edges(criterion, BASELINE_OF[rule_set.id])
]


@pytest.mark.parametrize(("criterion_id", "overrides", "outcome"), BOUNDARY_CASES)
def test_boundary(criterion_id: str, overrides: dict[str, Any], outcome: Outcome) -> None:
    rule_set_id = criterion_id.rsplit(".", 1)[0]
    verdict = BASELINE_OF[rule_set_id].evaluate(**overrides)
    assert verdict.rule_set == rule_set_id
    (result,) = [r for r in verdict.all_results() if r.criterion_id == criterion_id]
    assert result.outcome is outcome, result.reason.render("en")


# -- the Điều 1 scope gates: met, not applicable, missing ----------------------------------------


@attrs.frozen(kw_only=True)
class EligibilityCase:
    kind: UnitKind
    in_scope: dict[str, Any]
    out_of_scope: dict[str, Any]
    reason: str
    remove: str


ELIGIBILITY_CASES: dict[str, EligibilityCase] = {
    "tt124.agency.scope": EligibilityCase(
        kind=UnitKind.AGENCY,
        in_scope={"is_armed_forces": False},
        out_of_scope={"is_armed_forces": True},
        reason="agencies and units of the armed forces are outside the circular",
        remove="is_armed_forces",
    ),
    "tt124.enterprise.scope": EligibilityCase(
        kind=UnitKind.ENTERPRISE,
        in_scope={"enterprise_size": "medium"},
        out_of_scope={"enterprise_size": "micro"},
        reason="a micro enterprise is outside the circular",
        remove="enterprise_size",
    ),
    "tt124.educational-institution.scope": EligibilityCase(
        kind=UnitKind.EDUCATIONAL_INSTITUTION,
        in_scope={"education_level": "trung_hoc_co_so"},
        out_of_scope={"education_level": "mam_non"},
        reason="a pre-school is outside the circular",
        remove="education_level",
    ),
}


@pytest.mark.parametrize(("criterion_id", "case"), sorted(ELIGIBILITY_CASES.items()))
def test_scope_gate_in_out_and_missing(criterion_id: str, case: EligibilityCase) -> None:
    inside = verdict_of(case.kind, **case.in_scope)
    assert result_of(inside, criterion_id).outcome is MET
    assert inside.outcome is MET
    outside = verdict_of(case.kind, **case.out_of_scope)
    assert result_of(outside, criterion_id).outcome is NOT_APPLICABLE
    assert outside.outcome is NOT_APPLICABLE
    assert result_of(outside, criterion_id).reason.render("en") == case.reason
    unknown = verdict_of(case.kind, **{case.remove: None})
    assert result_of(unknown, criterion_id).outcome is UNKNOWN
    assert unknown.outcome is UNKNOWN
    assert case.remove in unknown.missing_inputs


# -- the check that every criterion is covered in every state ---------------------------------------


def _tt124_tables() -> dict[str, dict[str, set[str]]]:
    """State -> criterion ids, from the TT 124 per-kind tables."""
    states: dict[str, dict[str, set[str]]] = {s: {} for s in STATES}
    modules = {
        UnitKind.RESIDENTIAL_AREA: test_tt124_residential_area.CASES,
        UnitKind.COMMUNE: test_tt124_commune.CASES,
        UnitKind.AGENCY: test_tt124_organisations.CASES,
        UnitKind.ENTERPRISE: test_tt124_organisations.CASES,
        UnitKind.EDUCATIONAL_INSTITUTION: test_tt124_education.CASES,
    }
    prefixes = {r.kind: r.id for r in tt124.RULE_SETS}
    for kind, cases in modules.items():
        for short, case in cases.items():
            full = f"{prefixes[kind]}.{short}"
            states["met"][full] = {"baseline"}
            if case.fail:
                states["not_met"][full] = {"fail"}
            if case.remove:
                states["missing"][full] = {"remove"}
    for criterion_id in ELIGIBILITY_CASES:
        for state in ("met", "not_met", "missing"):
            states[state][criterion_id] = {"eligibility"}
    return states


def _tt23_tables() -> dict[str, dict[str, set[str]]]:
    states: dict[str, dict[str, set[str]]] = {s: {} for s in STATES}
    for rule_set in tt23.RULE_SETS:
        for criterion in rule_set.all_criteria():
            states["met"][criterion.id] = {"passing"}
    for criterion_id in tt23_tests.NOT_MET_CASES:
        states["not_met"][criterion_id] = {"not-met case"}
    for param in tt23_tests.CRITERION_INPUTS:
        states["missing"][param.values[1]] = {"dropped input"}  # type: ignore[index]
    return states


def covered_states() -> dict[str, set[str]]:
    """Criterion id -> the states in which a test exercises it."""
    found: dict[str, set[str]] = {}
    for tables in (_tt124_tables(), _tt23_tables()):
        for state, ids in tables.items():
            for criterion_id in ids:
                found.setdefault(criterion_id, set()).add(state)
    # A boundary needs both sides: the value that passes and the one that does not.
    boundary_sides: dict[str, set[object]] = {}
    for param in BOUNDARY_CASES:
        criterion_id, _, outcome = param.values
        boundary_sides.setdefault(str(criterion_id), set()).add(outcome)
    for criterion_id, sides in boundary_sides.items():
        if MET in sides and (NOT_MET in sides or NOT_APPLICABLE in sides):
            found.setdefault(criterion_id, set()).add("boundary")
    return found


def test_every_criterion_is_tested_in_all_four_states() -> None:
    every_id = {c.id for r in default_rulebook() for c in r.all_criteria()}
    assert every_id == {c.id for _, c in _criteria()}
    covered = covered_states()
    lacking = {
        criterion_id: sorted(set(STATES) - covered.get(criterion_id, set()))
        for criterion_id in sorted(every_id)
        if covered.get(criterion_id, set()) != set(STATES)
    }
    assert lacking == {}
    # ... and no table names a criterion that does not exist.
    assert set(covered) <= every_id
