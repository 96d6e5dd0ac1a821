"""Every check's three answers agree: ``decide(context)``, its explanation and ``compile()``.

A check states its rule three times: ``decide(context)`` (the general path), ``__call__``
(the outcome with its reason) and ``compile(parameters)`` (the closure the engine's plans
call). The engine calls only one of them for a given unit, so a slip in one of the others
goes unseen by tests that go through the engine; here the three are called side by side,
directly, on the same facts.

The checks are read from the rule sets antq ships and the parameter values from the
parameters those rule sets declare (each choice, and unset; a percentage parameter also at
and past its bounds), so a new check or parameter is covered without a change here. Facts
are met, not met, on a boundary, with an optional input missing, and bad (a part larger
than its whole, an empty total): where ``decide`` reports an input error the compiled
check hands the unit to the general path (:class:`~antq.core.criterion.Defer`), and
nowhere else.
"""

from __future__ import annotations

import enum
import functools
import itertools
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antq.core.criterion import Context, Criterion, Defer, Parameter
from antq.core.facts import UnitFacts
from antq.core.inputs import Input
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.reasons import Reason
from antq.core.ruleset import RuleSet
from antq.entities.grades import EmulationTitle, TaskGrade
from antq.entities.incidents import CrimeGravity, Incident, IncidentCategory
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.safety import default_rulebook
from antq.safety import inputs as i
from antq.safety.checks import (
    AllOf,
    ExcusedOnlyByForceMajeure,
    NoIncidents,
    OffencesReduced,
    SeriousCrimesExcused,
    ShareAtLeast,
    TitleOrGrade,
)
from antq.safety.inputs import OffenceCounts
from antq.safety.rollup import rollup_rule
from antq.safety.tt23_2012 import inputs as tt23_inputs
from antq.safety.tt23_2012._common import ShareAtLeastParameter, TitleAtLeast
from antq.safety.unit_counts import UnitCounts, UnitsRecognised, UnitsRegistered

MET, NOT_MET, UNKNOWN, NA = (
    Outcome.MET,
    Outcome.NOT_MET,
    Outcome.UNKNOWN,
    Outcome.NOT_APPLICABLE,
)
#: What a call gave when it gave no outcome.
ERROR, DEFER = "input error", "deferred"
#: An optional input left out of the facts.
ABSENT = object()

#: A school has no fixed window under TT 23/2012: its school year is given.
SCHOOL_YEAR = Period(start=date(2020, 6, 1), end=date(2021, 5, 31))


# -- the checks of the shipped rule sets, under every reading of their parameters -----------


class Case(NamedTuple):
    """One check as a rule set uses it, with one reading of its parameters."""

    criterion: Criterion
    rule_set: RuleSet
    parameters: dict[str, object]
    period: Period


def _period(rule_set: RuleSet) -> Period:
    return rule_set.period_for(2024) if rule_set.window is not None else SCHOOL_YEAR


def _values_of(parameter: Parameter[Any]) -> list[object]:
    """Each choice and unset; a number without choices (a percentage) at and past its bounds."""
    if parameter.choices:
        return [*parameter.choices, None]
    return [None, 0, 1, 69, 70, 100, 101, True]


def _cases() -> list[Case]:
    """Every compiled check of every shipped rule set, once per distinct reading."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for rule_set in default_rulebook():
        base = dict(rule_set.resolved_parameters())
        period = _period(rule_set)
        for criterion in rule_set.all_criteria():
            if getattr(criterion.check, "compile", None) is None:
                continue  # kept on the general step by the plans
            own = criterion.parameters
            for combination in itertools.product(*(_values_of(p) for p in own)):
                parameters = {**base, **{p.name: v for p, v in zip(own, combination, strict=True)}}
                key = (
                    criterion.check,
                    rule_set.instrument,
                    period,
                    tuple(parameters.get(p.name) for p in own),
                )
                if key not in seen:
                    seen.add(key)
                    out.append(Case(criterion, rule_set, parameters, period))
    return out


CASES = _cases()
CLASSES = sorted({type(c.criterion.check).__name__ for c in CASES})


def _of_class(name: str) -> list[Case]:
    return [c for c in CASES if type(c.criterion.check).__name__ == name]


# -- the three answers ---------------------------------------------------------------------


def _general(call: Callable[[Context], Outcome], context: Context) -> Outcome | str:
    try:
        return call(context)
    except InputError:
        return ERROR


def _answers(case: Case, values: dict[str, Any]) -> tuple[object, object, object]:
    """(decide, the explanation's outcome, the compiled check) on ``values``."""
    check: Any = case.criterion.check
    facts = UnitFacts(unit_id="U-1", kind=case.rule_set.kind, year=2024, values=values)
    context = Context(facts=facts, period=case.period, parameters=case.parameters)
    decided = _general(check.decide, context)
    explained = _general(lambda c: check(c).outcome, context)
    fast = check.compile(case.parameters)
    try:
        compiled: object = fast(facts.values, case.period)
    except Defer:
        compiled = DEFER
    return decided, explained, compiled


def _assert_agree(case: Case, values: dict[str, Any]) -> None:
    decided, explained, compiled = _answers(case, values)
    where = (case.criterion.id, case.parameters, values)
    assert explained == decided, where
    if compiled == DEFER:
        assert decided == ERROR, where  # only bad input is handed to the general path
    else:
        assert compiled == decided, where


# -- facts: small tables on the boundaries, and generated ----------------------------------

COUNTS = (0, 1, 2, 3, 4, 7, 10, 69, 70, 99, 100, 101)
OFFENCES = tuple(
    OffenceCounts(crimes=c, social_evils=s, other_violations=o)
    for c, s, o in [*itertools.product((0, 1), repeat=3), (2, 0, 0), (0, 0, 2), (1, 2, 0)]
)
_FLAG_SETS: tuple[dict[str, bool | None], ...] = (
    {},
    {"force_majeure": True},
    {"force_majeure": False},
    {"timely_detected": True, "mitigated": True, "reported_immediately": True},
    {"force_majeure": False, "timely_detected": True, "mitigated": True},
    {
        "force_majeure": False,
        "timely_detected": True,
        "mitigated": True,
        "reported_immediately": True,
    },
    {"force_majeure": False, "timely_detected": False},
)


def _days(period: Period) -> tuple[date, ...]:
    one = timedelta(days=1)
    return (period.start - one, period.start, period.end, period.end + one)


def _incident(
    category: IncidentCategory, day: date, gravity: CrimeGravity | None, **flags: Any
) -> Incident:
    return Incident(date=day, category=category, gravity=gravity, **flags)


@functools.cache
def _single_incidents(period: Period) -> tuple[Incident, ...]:
    """One incident of each category on and next to both bounds of the period, each way assessed."""
    out = []
    for category in IncidentCategory:
        gravities: Sequence[CrimeGravity | None] = (
            tuple(CrimeGravity) if category is IncidentCategory.CRIME else (None,)
        )
        for gravity, day, flags in itertools.product(gravities, _days(period), _FLAG_SETS):
            out.append(_incident(category, day, gravity, **flags))
    return tuple(out)


@functools.cache
def _incident_lists(period: Period) -> tuple[tuple[Incident, ...], ...]:
    """No incident, each single one, and pairs whose order or mix decides the outcome."""
    inside = period.start + timedelta(days=3)
    crime = IncidentCategory.CRIME
    light = _incident(crime, inside, CrimeGravity.IT_NGHIEM_TRONG, force_majeure=False)
    grave = CrimeGravity.RAT_NGHIEM_TRONG
    refused = _incident(crime, inside, grave, force_majeure=False, timely_detected=False)
    unassessed = _incident(crime, inside, grave)
    excused = _incident(crime, inside, grave, force_majeure=True)
    outside = _incident(crime, period.end + timedelta(days=1), grave, force_majeure=False)
    pairs: list[tuple[Incident, ...]] = [
        (light, refused),
        (light, unassessed),
        (light, excused),
        (unassessed, refused),
        (refused, unassessed),
        (excused, unassessed),
        (excused, outside),
        (outside, excused),
    ]
    for category in IncidentCategory:
        if category is crime:
            continue
        no, yes, open_ = (
            _incident(category, inside, None, force_majeure=flag) for flag in (False, True, None)
        )
        other_day = _incident(category, period.start - timedelta(days=1), None, force_majeure=False)
        pairs += [(yes, no), (open_, no), (no, open_), (yes, open_), (other_day, yes)]
    return ((), *((one,) for one in _single_incidents(period)), *pairs)


def _unit_counts(instrument: str) -> list[UnitCounts]:
    """A commune's roll-up: exact and bounded counts, on and next to the share, and lost units."""
    registered = rollup_rule(instrument).registration_required
    lost = Reason(template=Msg("a unit of the commune could not be read"))
    out = []
    for (low, high), (reg_low, reg_high, not_registered), gone in itertools.product(
        [(7, 7), (6, 6), (6, 7), (7, 9), (5, 6), (0, 10), (10, 10)],
        [(10, 10, ()), (9, 9, ("U-9",)), (9, 10, ()), (8, 10, ("U-8",))],
        (None, lost),
    ):
        unknown = tuple(f"U-{k}" for k in range(high - low))
        out.append(
            UnitCounts(
                commune_id="X-1",
                year=2024,
                instrument=instrument,
                total=10,
                recognised_min=low,
                recognised_max=high,
                registered_min=reg_low if registered else None,
                registered_max=reg_high if registered else None,
                recognition_unknown=unknown,
                registration_unknown=tuple(f"U-{k}" for k in range(reg_high - reg_low)),
                not_registered=not_registered if registered else (),
                lost=gone,
            )
        )
    return out


def _table(inp: Input[Any], case: Case) -> list[object]:
    """The values an input is tried with, on and next to what the rules compare."""
    kind, item = inp.value_type, inp.item_type
    period = case.period
    if kind is bool:
        return [True, False]
    if kind is int:
        return list(COUNTS)
    if kind is frozenset:
        members = list(item)
        return [frozenset(), frozenset(members)] + [frozenset(members) - {m} for m in members]
    if kind is tuple and item is Incident:
        return list(_incident_lists(period))
    if kind is tuple:  # titles, lowest rank first
        members = sorted(item, key=lambda m: m.rank)
        return [(), *((m,) for m in members), *((members[0], m) for m in members[1:])]
    if kind is OffenceCounts:
        return list(OFFENCES)
    if kind is UnitCounts:
        return list(_unit_counts(case.rule_set.instrument))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return list(kind)
    raise AssertionError(f"no table of values for the input {inp.name} ({kind})")


def _read(case: Case) -> tuple[Input[Any], ...]:
    """The inputs the check reads (its gate's are the gate's concern)."""
    return (*case.criterion.inputs, *case.criterion.optional_inputs)


def _tables(case: Case) -> Iterator[dict[str, Any]]:
    """Every combination of the inputs' tables; an optional input may also be absent."""
    inputs = _read(case)
    optional = set(case.criterion.optional_inputs)
    tables = [[*_table(inp, case), *([ABSENT] if inp in optional else [])] for inp in inputs]
    for combination in itertools.product(*tables):
        yield {
            inp.name: value
            for inp, value in zip(inputs, combination, strict=True)
            if value is not ABSENT
        }


def _strategy(inp: Input[Any], case: Case) -> st.SearchStrategy[Any]:
    kind, item = inp.value_type, inp.item_type
    if kind is int:
        return st.integers(0, 120)
    if kind is frozenset:
        return st.frozensets(st.sampled_from(list(item)))
    if kind is tuple and item is Incident:
        return st.lists(st.sampled_from(_single_incidents(case.period)), max_size=4).map(tuple)
    if kind is tuple:
        return st.lists(st.sampled_from(list(item)), max_size=4).map(tuple)
    if kind is OffenceCounts:
        count = st.integers(0, 4)
        return st.builds(OffenceCounts, crimes=count, social_evils=count, other_violations=count)
    return st.sampled_from(_table(inp, case))


@st.composite
def _facts(draw: st.DrawFn, case: Case) -> dict[str, Any]:
    values = {}
    for inp in _read(case):
        if inp in case.criterion.optional_inputs and draw(st.booleans()):
            continue
        values[inp.name] = draw(_strategy(inp, case))
    return values


# -- the tests ------------------------------------------------------------------------------


def test_every_compiled_check_class_and_parameter_is_covered() -> None:
    """The cases are read from the rule sets: every class with ``compile``, every parameter."""
    assert set(CLASSES) >= {
        "AllOf",
        "AtLeast",
        "ExcusedOnlyByForceMajeure",
        "GradeAtLeast",
        "IsTrue",
        "NoIncidents",
        "NoneCounted",
        "OffencesReduced",
        "SeriousCrimesExcused",
        "ShareAtLeast",
        "ShareAtLeastParameter",
        "TitleAtLeast",
        "TitleOrGrade",
        "TopicsCovered",
        "UnitsRecognised",
        "UnitsRegistered",
    }
    read = {p.name for c in CASES for p in c.criterion.parameters}
    declared = {p.name for rule_set in default_rulebook() for p in rule_set.parameters()}
    compiled_only = {
        p.name
        for rule_set in default_rulebook()
        for c in rule_set.all_criteria()
        if getattr(c.check, "compile", None) is not None
        for p in c.parameters
    }
    assert read == compiled_only
    assert "prev_year_both_zero" in read and read <= declared
    for parameter in {p for c in CASES for p in c.criterion.parameters}:
        tried = {c.parameters[parameter.name] for c in CASES if parameter in c.criterion.parameters}
        assert tried >= {*parameter.choices, None}, parameter.name


@pytest.mark.parametrize("name", CLASSES)
def test_decide_explain_and_compiled_agree_on_the_tables(name: str) -> None:
    for case in _of_class(name):
        for values in _tables(case):
            _assert_agree(case, values)


@pytest.mark.parametrize("name", CLASSES)
@settings(
    max_examples=40, deadline=None, suppress_health_check=(HealthCheck.too_slow,), database=None
)
@given(data=st.data())
def test_decide_explain_and_compiled_agree_on_generated_facts(
    name: str, data: st.DataObject
) -> None:
    for case in _of_class(name):
        _assert_agree(case, data.draw(_facts(case), label=case.criterion.id))


# -- the compiled checks' own answers, stated ---------------------------------------------


def _compiled(
    check: Any, values: dict[str, Any], parameters: dict[str, object] | None = None
) -> object:
    try:
        result: object = check.compile(parameters or {})(values, SCHOOL_YEAR)
    except Defer:
        return DEFER
    return result


def test_a_complete_share_is_met_by_the_compiled_check_not_deferred() -> None:
    all_of = AllOf(i.HOUSEHOLDS_REGISTERED, i.HOUSEHOLDS_RESIDENT)
    names = (i.HOUSEHOLDS_REGISTERED.name, i.HOUSEHOLDS_RESIDENT.name)
    for (part, whole), expected in {
        (5, 5): MET,
        (4, 5): NOT_MET,
        (6, 5): DEFER,
        (0, 0): DEFER,
    }.items():
        assert _compiled(all_of, dict(zip(names, (part, whole), strict=True))) == expected


@pytest.mark.parametrize(
    ("part", "whole", "policy", "expected"),
    [
        (7, 10, "not_met", MET),
        (69, 99, "not_met", NOT_MET),
        (70, 100, "not_met", MET),
        (10, 10, "not_met", MET),
        (11, 10, "not_met", DEFER),
        (0, 0, "not_met", NOT_MET),
        (0, 0, "not_applicable", NA),
        (0, 0, None, UNKNOWN),
    ],
)
def test_the_compiled_share_on_and_near_seventy_percent(
    part: int, whole: int, policy: str | None, expected: object
) -> None:
    from antq.safety.inputs import EMPTY_SUBUNITS

    check = ShareAtLeast(i.UNITS_RECOGNISED, i.UNITS_TOTAL, 70, EMPTY_SUBUNITS)
    values = {i.UNITS_RECOGNISED.name: part, i.UNITS_TOTAL.name: whole}
    assert _compiled(check, values, {EMPTY_SUBUNITS.name: policy}) == expected
    without = ShareAtLeast(i.UNITS_RECOGNISED, i.UNITS_TOTAL, 70)
    assert _compiled(without, values) == (DEFER if whole == 0 else expected)


@pytest.mark.parametrize(
    ("threshold", "expected"), [(0, DEFER), (1, MET), (70, MET), (100, NOT_MET), (101, DEFER)]
)
def test_the_compiled_share_parameter_takes_every_whole_percentage(
    threshold: int, expected: object
) -> None:
    from antq.safety.tt23_2012.article_7_organisations import SUBUNIT_SHARE

    check = ShareAtLeastParameter(i.UNITS_RECOGNISED, i.UNITS_TOTAL, SUBUNIT_SHARE)
    values = {i.UNITS_RECOGNISED.name: 99, i.UNITS_TOTAL.name: 100}
    assert _compiled(check, values, {SUBUNIT_SHARE.name: threshold}) == expected
    full = {i.UNITS_RECOGNISED.name: 100, i.UNITS_TOTAL.name: 100}
    assert _compiled(check, full, {SUBUNIT_SHARE.name: threshold}) == (
        DEFER if expected == DEFER else MET
    )


def test_the_compiled_count_checks_on_their_share() -> None:
    recognised = UnitsRecognised(i.UNITS_RECOGNISED, i.UNITS_TOTAL, 70)
    registered = UnitsRegistered(i.UNITS_REGISTERED, i.UNITS_TOTAL)
    shares: list[tuple[int, int, object]] = [
        (7, 10, MET),
        (69, 99, NOT_MET),
        (70, 100, MET),
        (6, 10, NOT_MET),
    ]
    for part, whole, expected in shares:
        values = {i.UNITS_RECOGNISED.name: part, i.UNITS_TOTAL.name: whole}
        assert _compiled(recognised, values) == expected
    complete: list[tuple[int, int, object]] = [(10, 10, MET), (9, 10, NOT_MET), (11, 10, DEFER)]
    for part, whole, expected in complete:
        values = {i.UNITS_REGISTERED.name: part, i.UNITS_TOTAL.name: whole}
        assert _compiled(registered, values) == expected
    assert _compiled(registered, {i.UNITS_TOTAL.name: 10}) == UNKNOWN


def test_the_compiled_title_or_grade() -> None:
    check = TitleOrGrade(
        i.SECURITY_FORCE_ADVANCED, i.SECURITY_FORCE_GRADE, TaskGrade.HOAN_THANH_TOT
    )
    title, grade = i.SECURITY_FORCE_ADVANCED.name, i.SECURITY_FORCE_GRADE.name
    low, high = TaskGrade.HOAN_THANH, TaskGrade.HOAN_THANH_TOT
    table: list[tuple[dict[str, Any], Outcome]] = [
        ({title: True}, MET),
        ({grade: high}, MET),
        ({title: False, grade: high}, MET),
        ({title: True, grade: low}, MET),
        ({title: False, grade: low}, NOT_MET),
        ({title: False}, UNKNOWN),
        ({grade: low}, UNKNOWN),
        ({}, UNKNOWN),
    ]
    for values, expected in table:
        assert _compiled(check, values) == expected, values


def test_the_compiled_title_check_needs_one_title_high_enough() -> None:
    high = EmulationTitle.DON_VI_QUYET_THANG
    check = TitleAtLeast(tt23_inputs.COMMUNE_POLICE_TITLES, high)
    name = tt23_inputs.COMMUNE_POLICE_TITLES.name
    low = EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN
    assert not low.at_least(high)
    assert _compiled(check, {name: (low, high)}) == MET
    assert _compiled(check, {name: (high, low)}) == MET
    assert _compiled(check, {name: (low,)}) == NOT_MET
    assert _compiled(check, {name: ()}) == NOT_MET


def _on(day: date, category: IncidentCategory = IncidentCategory.CRIME, **flags: Any) -> Incident:
    gravity = CrimeGravity.RAT_NGHIEM_TRONG if category is IncidentCategory.CRIME else None
    return Incident(date=day, category=category, gravity=gravity, **flags)


def test_the_compiled_incident_checks_on_the_bounds_of_the_period() -> None:
    start, end = SCHOOL_YEAR.start, SCHOOL_YEAR.end
    one = timedelta(days=1)
    fire = IncidentCategory.SERIOUS_FIRE_EXPLOSION
    checks: list[tuple[Any, IncidentCategory, dict[str, Any]]] = [
        (NoIncidents(frozenset({fire})), fire, {}),
        (ExcusedOnlyByForceMajeure(frozenset({fire})), fire, {"force_majeure": False}),
        (
            SeriousCrimesExcused(),
            IncidentCategory.CRIME,
            {"force_majeure": False, "mitigated": False},
        ),
    ]
    for check, category, flags in checks:
        for day, expected in [
            (start - one, MET),
            (start, NOT_MET),
            (end, NOT_MET),
            (end + one, MET),
        ]:
            values = {i.INCIDENTS.name: (_on(day, category, **flags),)}
            assert _compiled(check, values) == expected, (check, day)
        other = IncidentCategory.SEPARATISM
        assert (
            _compiled(check, {i.INCIDENTS.name: (_on(start, other, force_majeure=False),)}) == MET
        )
    force_majeure = ExcusedOnlyByForceMajeure(frozenset({fire}))
    serious = SeriousCrimesExcused()
    for check, category in [(force_majeure, fire), (serious, IncidentCategory.CRIME)]:
        excused = _on(start, category, force_majeure=True)
        open_ = _on(start, category)
        refused = _on(end, category, force_majeure=False, timely_detected=False)
        assert _compiled(check, {i.INCIDENTS.name: (excused,)}) == MET
        assert _compiled(check, {i.INCIDENTS.name: (excused, open_)}) == UNKNOWN
        assert _compiled(check, {i.INCIDENTS.name: (open_, refused)}) == NOT_MET


def _offences(crimes: int, social_evils: int, other_violations: int) -> OffenceCounts:
    return OffenceCounts(
        crimes=crimes, social_evils=social_evils, other_violations=other_violations
    )


def test_the_compiled_offence_check_under_each_reading() -> None:
    check = OffencesReduced()
    now, before = i.OFFENCES_CURRENT.name, i.OFFENCES_PREVIOUS.name
    zero = _offences(0, 0, 0)
    same = _offences(1, 0, 2)
    shifted = _offences(0, 1, 1)  # fewer in total, more social evils
    readings = itertools.product(
        ("strict_decrease", "not_increased"), ("total", "per_category"), ("met", "not_met")
    )
    for comparison, scope, both_zero in readings:
        parameters: dict[str, object] = {
            "offence_comparison": comparison,
            "offence_scope": scope,
            "prev_year_both_zero": both_zero,
        }
        zero_outcome = MET if both_zero == "met" else NOT_MET
        assert _compiled(check, {now: zero, before: zero}, parameters) == zero_outcome
        # Unchanged: a strict decrease fails; per category, so do the 0/0 social evils
        # when prev_year_both_zero is not_met.
        assert _compiled(check, {now: same, before: same}, parameters) == (
            NOT_MET
            if comparison == "strict_decrease" or (scope, both_zero) == ("per_category", "not_met")
            else MET
        )
        # 0 social evils in both: a category at 0/0 follows prev_year_both_zero.
        assert _compiled(check, {now: _offences(0, 0, 1), before: same}, parameters) == (
            NOT_MET if scope == "per_category" and both_zero == "not_met" else MET
        )
        assert _compiled(check, {now: shifted, before: same}, parameters) == (
            MET if scope == "total" else NOT_MET
        )
