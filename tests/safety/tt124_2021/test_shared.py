"""Behaviour shared by the Thông tư 124/2021/TT-BCA rule sets.

Baselines, event categories per unit kind, the serious-crime and force-majeure
exceptions, the year-on-year offence comparison, empty sub-unit sets,
citations and the JSON round trip of verdicts.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from antq.core.outcome import Outcome
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import Verdict
from antq.entities.incidents import IncidentCategory
from antq.errors import InputError
from antq.io.schema import facts_schema
from antq.law.confirmation import Confirmation
from antq.safety import default_rulebook
from antq.safety import tt124_2021 as tt124
from antq.safety.checks import OFFENCE_COMPARISON, OFFENCE_SCOPE
from antq.safety.inputs import EMPTY_SUBUNITS
from antq.vocabulary import Lang

from ..builders import (
    AGENCY,
    BASELINES,
    COMMUNE,
    ENTERPRISE,
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    RA,
    RULE_SETS,
    SCHOOL,
    UNKNOWN,
    crime,
    ids_with,
    incident,
    offences,
    result_of,
    verdict_of,
)

ALL_KINDS = tuple(RULE_SETS)
EACH_KIND = pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.code)
TERRITORIAL = pytest.mark.parametrize("kind", [RA, COMMUNE], ids=lambda k: k.code)
WITH_SUBUNITS = pytest.mark.parametrize("kind", [AGENCY, ENTERPRISE, SCHOOL], ids=lambda k: k.code)


def test_every_tt124_rule_set_has_a_baseline() -> None:
    assert [r.id for r in tt124.RULE_SETS] == [r.id for r in RULE_SETS.values()]
    assert all(
        shipped == ours for shipped, ours in zip(tt124.RULE_SETS, RULE_SETS.values(), strict=True)
    )
    assert set(BASELINES) == set(UnitKind)
    assert {r.kind for r in tt124.RULE_SETS} == set(UnitKind)


@EACH_KIND
def test_baseline_meets_every_criterion(kind: UnitKind) -> None:
    verdict = verdict_of(kind)
    assert verdict.outcome is MET
    assert verdict.rule_set == RULE_SETS[kind].id
    assert all(r.outcome is MET for r in verdict.all_results())
    assert verdict.missing_inputs == ()


@EACH_KIND
def test_baseline_uses_only_declared_inputs(kind: UnitKind) -> None:
    declared = {i.name for i in RULE_SETS[kind].inputs()}
    assert set(BASELINES[kind]()) <= declared


@EACH_KIND
@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025, 2026])
def test_rule_book_selects_the_tt124_rule_set(kind: UnitKind, year: int) -> None:
    assert default_rulebook().select(kind, year) == RULE_SETS[kind]
    assert verdict_of(kind, year).outcome is MET


@EACH_KIND
def test_pinned_rule_set_gives_the_same_verdict(kind: UnitKind) -> None:
    facts = {"incidents": [incident("separatism"), incident("unlawful_strike")]}
    assert verdict_of(kind, rules=RULE_SETS[kind], **facts) == verdict_of(kind, **facts)


@EACH_KIND
def test_empty_facts_are_unknown_never_met(kind: UnitKind) -> None:
    verdict = verdict_of(kind, **dict.fromkeys(BASELINES[kind]()))
    assert verdict.outcome is UNKNOWN
    assert ids_with(verdict, MET) == set()


@EACH_KIND
def test_schema_allows_the_baseline_facts_for_the_kind(kind: UnitKind) -> None:
    schema = facts_schema()
    unit = schema["properties"]["units"]["items"]
    [rule] = [r for r in unit["allOf"] if r["if"]["properties"]["kind"]["const"] == kind.code]
    allowed = set(rule["then"]["properties"]["facts"]["propertyNames"]["enum"])
    assert set(BASELINES[kind]()) <= allowed
    assert {i.name for i in RULE_SETS[kind].inputs() if not i.computed} <= allowed
    assert not {i.name for i in RULE_SETS[kind].inputs() if i.computed} & allowed


@pytest.mark.parametrize(
    ("kind", "foreign_fact"),
    [(RA, "units_total"), (COMMUNE, "households_resident"), (AGENCY, "education_level")],
)
def test_a_fact_of_another_kind_is_refused(kind: UnitKind, foreign_fact: str) -> None:
    with pytest.raises(InputError) as caught:
        verdict_of(kind, **{foreign_fact: 1})
    assert caught.value.path == f"units[0].facts.{foreign_fact}"


@EACH_KIND
def test_frozen_rule_sets_and_verdicts_are_hashable(kind: UnitKind) -> None:
    verdict = verdict_of(kind)
    assert len({verdict, verdict_of(kind)}) == 1
    assert hash(RULE_SETS[kind]) == hash(RULE_SETS[kind])


# -- which events fail which criterion ---------------------------------------------------------

_NONE: set[str] = set()
TERRITORY_EVENTS: dict[str, set[str]] = {
    "anti_state_activity": {"no-anti-state-activity"},
    "sabotage_of_key_targets": {"no-sabotage"},
    "unlawful_religion": {"no-unlawful-religion"},
    "exploiting_religion_ethnicity": {"no-exploiting-religion"},
    "separatism": {"no-separatism"},
    "prolonged_dispute": {"no-prolonged-dispute"},
    "complaint_incitement": {"no-complaint-incitement"},
    "other_violation": _NONE,
    "new_social_evil_case": {"no-new-social-evil"},
    "new_order_hotspot": {"no-new-hotspot"},
    "serious_fire_explosion": {"no-serious-accident"},
    "fatal_labour_accident": {"no-serious-accident"},
    "serious_incident": {"no-serious-accident"},
    "environment_food_safety_violation": _NONE,  # not listed in Điều 4 khoản 4 điểm d
    "unlawful_strike": _NONE,
    "unlawful_go_slow": _NONE,
    "state_secret_violation": _NONE,
    "school_violence": _NONE,
}
ORGANISATION_EVENTS: dict[str, set[str]] = {
    "anti_state_activity": _NONE,
    "sabotage_of_key_targets": _NONE,
    "unlawful_religion": {"no-unlawful-religion"},
    "exploiting_religion_ethnicity": {"no-exploiting-religion"},
    "separatism": _NONE,
    "prolonged_dispute": _NONE,
    "complaint_incitement": {"no-complaint-incitement"},
    "other_violation": _NONE,
    "new_social_evil_case": _NONE,
    "new_order_hotspot": _NONE,
    "serious_fire_explosion": {"no-serious-accident"},
    "fatal_labour_accident": {"no-serious-accident"},
    "serious_incident": {"no-serious-accident"},
    "environment_food_safety_violation": {"no-serious-accident"},
    "unlawful_strike": {"no-unlawful-strike"},
    "unlawful_go_slow": {"no-unlawful-strike"},
    "state_secret_violation": {"no-state-secret-violation"},
    "school_violence": _NONE,
}
SCHOOL_EVENTS: dict[str, set[str]] = {
    **ORGANISATION_EVENTS,
    "unlawful_strike": _NONE,  # Điều 7 khoản 3 does not apply Điều 6 khoản 3 điểm d
    "unlawful_go_slow": _NONE,
    "school_violence": {"no-school-violence"},
}
EVENTS_BY_KIND = {
    RA: TERRITORY_EVENTS,
    COMMUNE: TERRITORY_EVENTS,
    AGENCY: ORGANISATION_EVENTS,
    ENTERPRISE: ORGANISATION_EVENTS,
    SCHOOL: SCHOOL_EVENTS,
}


def test_event_tables_cover_every_category_but_crime() -> None:
    for table in EVENTS_BY_KIND.values():
        assert set(table) == set(IncidentCategory.codes()) - {"crime"}


@pytest.mark.parametrize(
    ("kind", "category"),
    [(kind, category) for kind, table in EVENTS_BY_KIND.items() for category in table],
    ids=lambda v: v.code if isinstance(v, UnitKind) else v,
)
def test_each_event_fails_exactly_its_criteria(kind: UnitKind, category: str) -> None:
    verdict = verdict_of(kind, incidents=[incident(category, force_majeure=False)])
    expected = EVENTS_BY_KIND[kind][category]
    assert ids_with(verdict, NOT_MET) == expected
    assert verdict.outcome is (NOT_MET if expected else MET)


@EACH_KIND
def test_events_outside_the_period_do_not_count(kind: UnitKind) -> None:
    everything = [
        incident(category, "2022-12-01", force_majeure=False)
        for category in IncidentCategory.codes()
        if category != "crime"
    ]
    everything.append(crime("dac_biet_nghiem_trong", "2025-06-01", force_majeure=False))
    assert verdict_of(kind, incidents=everything).outcome is MET


# -- the serious-crime exception (4(4)(b); 6(3)(đ); 7(3)) ------------------------------------------

EXCUSED = (
    "1 crime(s) of serious gravity or above, each excused "
    "(force majeure, or detected in time, mitigated and reported at once)"
)
NO_SERIOUS = "no crime of serious gravity or above in the period"


@EACH_KIND
@pytest.mark.parametrize(
    ("gravity", "flags", "outcome", "reason"),
    [
        ("nghiem_trong", (True, None, None, None), MET, EXCUSED),
        ("nghiem_trong", (True, False, False, False), MET, EXCUSED),
        ("nghiem_trong", (None, True, True, True), MET, EXCUSED),
        ("nghiem_trong", (False, True, True, True), MET, EXCUSED),
        ("nghiem_trong", (False, False, True, True), NOT_MET, "1 crime(s) of serious gravity"),
        ("nghiem_trong", (False, True, False, True), NOT_MET, "not excused, on 02/03/2024"),
        ("nghiem_trong", (False, True, True, False), NOT_MET, "not excused, on 02/03/2024"),
        ("nghiem_trong", (None, True, False, True), UNKNOWN, "whose exception is not assessed"),
        ("nghiem_trong", (False, None, None, None), UNKNOWN, "whose exception is not assessed"),
        ("nghiem_trong", (None, None, None, None), UNKNOWN, "whose exception is not assessed"),
        ("nghiem_trong", (False, True, True, None), UNKNOWN, "whose exception is not assessed"),
        ("rat_nghiem_trong", (False, False, False, False), NOT_MET, "not excused"),
        ("dac_biet_nghiem_trong", (False, False, False, False), NOT_MET, "not excused"),
        ("dac_biet_nghiem_trong", (None, True, True, True), MET, EXCUSED),
        ("it_nghiem_trong", (False, False, False, False), MET, NO_SERIOUS),
        ("it_nghiem_trong", (None, None, None, None), MET, NO_SERIOUS),
    ],
)
def test_serious_crime_exception(
    kind: UnitKind,
    gravity: str,
    flags: tuple[bool | None, ...],
    outcome: object,
    reason: str,
) -> None:
    names = ("force_majeure", "timely_detected", "mitigated", "reported_immediately")
    given = {name: value for name, value in zip(names, flags, strict=True) if value is not None}
    verdict = verdict_of(kind, incidents=[crime(gravity, id="V-7", **given)])
    result = result_of(verdict, "no-serious-crime")
    assert result.outcome is outcome
    assert reason in result.reason.render("en")
    assert verdict.outcome is outcome
    if outcome is UNKNOWN:
        assert result.missing == ("incidents[V-7].exception_flags",)
        assert verdict.missing_inputs == ("incidents[V-7].exception_flags",)
    else:
        assert result.missing == ()


@EACH_KIND
def test_unassessed_crime_without_id_is_named_by_its_date(kind: UnitKind) -> None:
    result = result_of(verdict_of(kind, incidents=[crime()]), "no-serious-crime")
    assert result.missing == ("incidents[2024-03-02].exception_flags",)


@EACH_KIND
def test_refused_crime_wins_over_unassessed_one(kind: UnitKind) -> None:
    crimes = [
        crime(day="2024-02-01", force_majeure=False, reported_immediately=False),
        crime(day="2024-04-01"),
    ]
    result = result_of(verdict_of(kind, incidents=crimes), "no-serious-crime")
    assert result.outcome is NOT_MET
    assert result.reason.render("en") == (
        "1 crime(s) of serious gravity or above not excused, on 01/02/2024"
    )


@EACH_KIND
def test_one_excused_and_one_unassessed_is_unknown(kind: UnitKind) -> None:
    crimes = [crime(day="2024-02-01", force_majeure=True), crime(day="2024-04-01", id="V-2")]
    result = result_of(verdict_of(kind, incidents=crimes), "no-serious-crime")
    assert result.outcome is UNKNOWN
    assert result.missing == ("incidents[V-2].exception_flags",)
    assert "1 crime(s)" in result.reason.render("en")
    assert "01/04/2024" in result.reason.render("en")


@EACH_KIND
def test_every_serious_crime_must_be_excused(kind: UnitKind) -> None:
    excused = crime(
        day="2024-02-01", timely_detected=True, mitigated=True, reported_immediately=True
    )
    also_excused = crime("rat_nghiem_trong", day="2024-05-01", force_majeure=True)
    result = result_of(verdict_of(kind, incidents=[excused, also_excused]), "no-serious-crime")
    assert result.outcome is MET
    assert result.reason.render("en").startswith(
        "2 crime(s) of serious gravity or above, each excused"
    )


# -- force majeure is the only excuse for fires, accidents, incidents (4(4)(d), 6(3)(g)) ----------------


@EACH_KIND
@pytest.mark.parametrize(
    "category", ["serious_fire_explosion", "fatal_labour_accident", "serious_incident"]
)
@pytest.mark.parametrize(
    ("flags", "outcome", "reason"),
    [
        ({"force_majeure": True}, MET, "1 in the period, each due to force majeure"),
        ({"force_majeure": False}, NOT_MET, "1 not due to force majeure, on 02/03/2024"),
        (
            {
                "force_majeure": False,
                "timely_detected": True,
                "mitigated": True,
                "reported_immediately": True,
            },
            NOT_MET,
            "1 not due to force majeure, on 02/03/2024",
        ),
        (
            {"timely_detected": True, "mitigated": True, "reported_immediately": True},
            UNKNOWN,
            "1 whose force majeure is not assessed, on 02/03/2024",
        ),
        ({}, UNKNOWN, "1 whose force majeure is not assessed, on 02/03/2024"),
    ],
)
def test_force_majeure_only_exception(
    kind: UnitKind, category: str, flags: dict[str, bool], outcome: object, reason: str
) -> None:
    verdict = verdict_of(kind, incidents=[incident(category, id="E-1", **flags)])
    result = result_of(verdict, "no-serious-accident")
    assert result.outcome is outcome
    assert result.reason.render("en") == reason
    assert verdict.outcome is outcome
    if outcome is UNKNOWN:
        assert result.missing == ("incidents[E-1].force_majeure",)


@WITH_SUBUNITS
def test_environment_or_food_safety_violation_excused_by_force_majeure(kind: UnitKind) -> None:
    event = incident("environment_food_safety_violation", force_majeure=True)
    assert result_of(verdict_of(kind, incidents=[event]), "no-serious-accident").outcome is MET


# -- the offence comparison (4(4)(a)) -------------------------------------------------------------

STRICT_TOTAL = "(read as: a strict decrease of the total)"
NOT_INCREASED_TOTAL = "(read as: no increase of the total)"
STRICT_EACH = "(read as: a strict decrease in each category)"
NOT_INCREASED_EACH = "(read as: no increase in each category)"
BOTH_ZERO_MET = (
    "no offences in this period or the previous one (0/0): treated as met by default"
    " (parameter prev_year_both_zero); not confirmed by the legal text"
)
BOTH_ZERO_NOT_MET = (
    "no offences in this period or the previous one (0/0): treated as not met, as chosen"
    " (parameter prev_year_both_zero); not confirmed by the legal text"
)


@TERRITORIAL
@pytest.mark.parametrize(
    ("parameters", "current", "previous", "outcome", "reason"),
    [
        (
            {},
            (2, 1, 2),
            (2, 1, 2),
            NOT_MET,
            f"total: 5 this period against 5 before {STRICT_TOTAL}",
        ),
        ({}, (1, 1, 2), (2, 1, 2), MET, f"4 this period against 5 before {STRICT_TOTAL}"),
        ({}, (3, 0, 0), (2, 1, 2), MET, f"3 this period against 5 before {STRICT_TOTAL}"),
        (
            {},
            (0, 0, 1),
            (0, 0, 0),
            NOT_MET,
            f"total: 1 this period against 0 before {STRICT_TOTAL}",
        ),
        ({}, (0, 0, 0), (0, 0, 0), MET, BOTH_ZERO_MET),
        ({"prev_year_both_zero": "met"}, (0, 0, 0), (0, 0, 0), MET, BOTH_ZERO_MET),
        ({"prev_year_both_zero": "not_met"}, (0, 0, 0), (0, 0, 0), NOT_MET, BOTH_ZERO_NOT_MET),
        # Rule Z3: the parameter acts only on the 0/0 case.
        (
            {"prev_year_both_zero": "not_met"},
            (0, 0, 1),
            (0, 0, 2),
            MET,
            f"1 this period against 2 before {STRICT_TOTAL}",
        ),
        (
            {"prev_year_both_zero": "not_met"},
            (0, 0, 2),
            (0, 0, 2),
            NOT_MET,
            f"total: 2 this period against 2 before {STRICT_TOTAL}",
        ),
        (
            {"prev_year_both_zero": "not_met", "offence_scope": "per_category"},
            (1, 0, 0),
            (2, 0, 0),
            NOT_MET,
            "social evils: no offences in this period or the previous one (0/0), treated as not met,"
            " as chosen (parameter prev_year_both_zero; not confirmed by the legal text)"
            f" {STRICT_EACH}",
        ),
        (
            {"offence_comparison": "not_increased"},
            (2, 1, 2),
            (2, 1, 2),
            MET,
            f"5 this period against 5 before {NOT_INCREASED_TOTAL}",
        ),
        (
            {"offence_comparison": "not_increased"},
            (2, 1, 3),
            (2, 1, 2),
            NOT_MET,
            f"total: 6 this period against 5 before {NOT_INCREASED_TOTAL}",
        ),
        (
            {"offence_comparison": "not_increased"},
            (0, 0, 0),
            (0, 0, 0),
            MET,
            BOTH_ZERO_MET,
        ),
        (
            {"offence_scope": "per_category"},
            (3, 0, 0),
            (2, 1, 2),
            NOT_MET,
            f"crime: 3 this period against 2 before {STRICT_EACH}",
        ),
        (
            {"offence_scope": "per_category"},
            (1, 1, 1),
            (2, 1, 2),
            NOT_MET,
            f"social evils: 1 this period against 1 before {STRICT_EACH}",
        ),
        (
            {"offence_scope": "per_category"},
            (1, 0, 1),
            (2, 1, 2),
            MET,
            f"2 this period against 5 before {STRICT_EACH}",
        ),
        (
            # rule Z: a category at 0 in both periods is met by default, and the reason says so
            {"offence_scope": "per_category"},
            (1, 0, 0),
            (2, 0, 0),
            MET,
            f"1 this period against 2 before {STRICT_EACH}; social evils, other violations:"
            " no offences in either period (0/0), treated as met by default (parameter"
            " prev_year_both_zero; not confirmed by the legal text)",
        ),
        (
            {"offence_scope": "per_category", "offence_comparison": "not_increased"},
            (1, 1, 1),
            (2, 1, 2),
            MET,
            f"3 this period against 5 before {NOT_INCREASED_EACH}",
        ),
        (
            {"offence_scope": "per_category", "offence_comparison": "not_increased"},
            (0, 2, 0),
            (2, 1, 2),
            NOT_MET,
            f"social evils: 2 this period against 1 before {NOT_INCREASED_EACH}",
        ),
    ],
)
def test_offence_comparison(
    kind: UnitKind,
    parameters: dict[str, str],
    current: tuple[int, int, int],
    previous: tuple[int, int, int],
    outcome: object,
    reason: str,
) -> None:
    rules = RULE_SETS[kind].with_parameters(**parameters)
    verdict = verdict_of(
        kind,
        rules=rules,
        offences_current=offences(*current),
        offences_previous=offences(*previous),
    )
    result = result_of(verdict, "offences-reduced")
    assert result.outcome is outcome
    assert result.reason.render("en") == reason
    assert verdict.outcome is outcome


@TERRITORIAL
def test_offence_reading_defaults_and_is_unconfirmed(kind: UnitKind) -> None:
    rule_set = RULE_SETS[kind]
    assert rule_set.parameter_value(OFFENCE_COMPARISON) == "strict_decrease"
    assert rule_set.parameter_value(OFFENCE_SCOPE) == "total"
    assert OFFENCE_COMPARISON.confirmation is Confirmation.UNCONFIRMED
    assert OFFENCE_SCOPE.confirmation is Confirmation.UNCONFIRMED
    # with_parameters returns a copy; the shipped rule set keeps its defaults
    rule_set.with_parameters(offence_comparison="not_increased")
    assert rule_set.parameter_values == {}


@TERRITORIAL
@pytest.mark.parametrize(
    ("name", "value"),
    [("offence_comparison", "decrease"), ("offence_scope", "each"), ("empty_subunits", "not_met")],
)
def test_bad_parameters_are_refused(kind: UnitKind, name: str, value: str) -> None:
    with pytest.raises(InputError) as caught:
        RULE_SETS[kind].with_parameters(**{name: value})
    assert caught.value.path == f"{RULE_SETS[kind].id}.parameters.{name}"


@TERRITORIAL
def test_vietnamese_reason_states_the_reading(kind: UnitKind) -> None:
    same = offences(2, 1, 2)
    verdict = verdict_of(kind, offences_current=same, offences_previous=same)
    assert "giảm thực sự, tính trên tổng số" in result_of(
        verdict, "offences-reduced"
    ).reason.render("vi")


@TERRITORIAL
def test_offence_counts_are_validated(kind: UnitKind) -> None:
    with pytest.raises(InputError) as caught:
        verdict_of(kind, offences_current={"crimes": 1, "social_evils": -1, "other_violations": 0})
    assert caught.value.path == "units[0].facts.offences_current.social_evils"
    with pytest.raises(InputError) as caught:
        verdict_of(kind, offences_previous={"crimes": 1, "social_evils": 0})
    assert caught.value.path == "units[0].facts.offences_previous.other_violations"


# -- empty sub-unit sets (Điều 6 khoản 5, Điều 7 khoản 6) ---------------------------------------------

EMPTY = {"subunits_eligible": 0, "subunits_qualifying": 0}


@WITH_SUBUNITS
def test_no_eligible_subunits_is_unknown_until_the_parameter_is_set(kind: UnitKind) -> None:
    assert RULE_SETS[kind].parameter_value(EMPTY_SUBUNITS) is None
    verdict = verdict_of(kind, **EMPTY)
    result = result_of(verdict, "subunits")
    assert result.outcome is UNKNOWN
    assert result.missing == ("parameter:empty_subunits",)
    assert "set the parameter empty_subunits" in result.reason.render("en")
    assert verdict.outcome is UNKNOWN
    assert verdict.missing_inputs == ("parameter:empty_subunits",)


@WITH_SUBUNITS
@pytest.mark.parametrize(
    ("policy", "outcome", "verdict_outcome"),
    [("not_applicable", NOT_APPLICABLE, MET), ("not_met", NOT_MET, NOT_MET)],
)
def test_empty_subunits_parameter(
    kind: UnitKind, policy: str, outcome: object, verdict_outcome: object
) -> None:
    rules = RULE_SETS[kind].with_parameters(empty_subunits=policy)
    verdict = verdict_of(kind, rules=rules, **EMPTY)
    result = result_of(verdict, "subunits")
    assert result.outcome is outcome
    reason = result.reason.render("en")
    assert reason.startswith("sub-units eligible for emulation rating is 0; treated as ")
    assert "by the parameter empty_subunits" in reason
    assert verdict.outcome is verdict_outcome


@WITH_SUBUNITS
@pytest.mark.parametrize("policy", ["not_applicable", "not_met"])
def test_empty_subunits_parameter_does_not_touch_non_empty_sets(
    kind: UnitKind, policy: str
) -> None:
    rules = RULE_SETS[kind].with_parameters(empty_subunits=policy)
    assert result_of(verdict_of(kind, rules=rules), "subunits").outcome is MET
    failing = verdict_of(kind, rules=rules, subunits_qualifying=6)
    assert result_of(failing, "subunits").outcome is NOT_MET


@WITH_SUBUNITS
def test_empty_subunits_not_asked_when_not_emulation_eligible(kind: UnitKind) -> None:
    verdict = verdict_of(kind, emulation_eligible=False, **EMPTY)
    assert result_of(verdict, "subunits").outcome is NOT_APPLICABLE
    assert verdict.outcome is MET


@WITH_SUBUNITS
def test_empty_subunits_parameter_choices(kind: UnitKind) -> None:
    with pytest.raises(InputError):
        RULE_SETS[kind].with_parameters(empty_subunits="met")


# -- citations (all rule sets) -------------------------------------------------------------------

ALL_CRITERIA = [
    pytest.param(rule_set, criterion, id=criterion.id)
    for rule_set in tt124.RULE_SETS
    for criterion in rule_set.all_criteria()
]


@pytest.mark.parametrize(("rule_set", "criterion"), ALL_CRITERIA)
def test_citation_renders_the_article_of_tt124(rule_set: Any, criterion: Any) -> None:
    vi = criterion.citation.render("vi")
    en = criterion.citation.render("en")
    assert vi.startswith("Điều ")
    assert "Thông tư 124/2021/TT-BCA" in vi
    assert en.startswith("Article ")
    assert en.endswith("Circular 124/2021/TT-BCA")
    assert criterion.citation.verified


@EACH_KIND
def test_results_carry_the_criterion_citations(kind: UnitKind) -> None:
    verdict = verdict_of(kind)
    expected = {c.id: c.citation for c in RULE_SETS[kind].all_criteria()}
    assert {r.criterion_id: r.citation for r in verdict.all_results()} == expected


def test_scope_gates_cite_article_1_clause_2() -> None:
    gates = [c for r in tt124.RULE_SETS for c in r.eligibility]
    assert len(gates) == 3
    for gate in gates:
        assert gate.citation.render("vi") == "Điều 1 khoản 2 điểm b Thông tư 124/2021/TT-BCA"


# -- JSON round trip ---------------------------------------------------------------------------------

ROUND_TRIP_CASES = [pytest.param(kind, {}, MET, id=f"{kind.code}-met") for kind in ALL_KINDS] + [
    pytest.param(RA, {"households_registered": 119}, NOT_MET, id="ra-not-met-percent"),
    pytest.param(RA, {"incidents": [crime()]}, UNKNOWN, id="ra-unknown-flags"),
    pytest.param(RA, {"grassroots_force_grade": "khong_hoan_thanh"}, NOT_MET, id="ra-grade"),
    pytest.param(COMMUNE, {"units_recognised": 17}, NOT_MET, id="commune-not-met"),
    pytest.param(COMMUNE, {"policy_implemented": None}, UNKNOWN, id="commune-unknown"),
    pytest.param(
        AGENCY,
        {"incidents": [incident("separatism"), incident("unlawful_strike")]},
        NOT_MET,
        id="agency-not-met-dates",
    ),
    pytest.param(AGENCY, {"is_armed_forces": True}, NOT_APPLICABLE, id="agency-n-a"),
    pytest.param(AGENCY, {"has_party_organisation": False}, MET, id="agency-gate-n-a"),
    pytest.param(ENTERPRISE, {"enterprise_size": "micro"}, NOT_APPLICABLE, id="enterprise-n-a"),
    pytest.param(ENTERPRISE, {"enterprise_size": None}, UNKNOWN, id="enterprise-unknown-size"),
    pytest.param(
        ENTERPRISE, {"internal_rules_topics": []}, NOT_MET, id="enterprise-not-met-topics"
    ),
    pytest.param(SCHOOL, {"education_level": "mam_non"}, NOT_APPLICABLE, id="school-n-a"),
    pytest.param(
        SCHOOL, {"subunits_eligible": 0, "subunits_qualifying": 0}, UNKNOWN, id="school-param"
    ),
    pytest.param(SCHOOL, {"education_level": "dai_hoc"}, MET, id="school-university"),
    pytest.param(
        SCHOOL,
        {"security_force_advanced_collective": None, "security_force_grade": None},
        UNKNOWN,
        id="school-optional-inputs",
    ),
]


@pytest.mark.parametrize(("kind", "overrides", "outcome"), ROUND_TRIP_CASES)
@pytest.mark.parametrize("texts", [(), ("vi", "en")])
def test_verdict_json_round_trip(
    kind: UnitKind, overrides: dict[str, Any], outcome: Outcome, texts: tuple[Lang, ...]
) -> None:
    verdict = verdict_of(kind, **overrides)
    assert verdict.outcome is outcome
    data = json.loads(json.dumps(verdict.to_json(texts=texts), ensure_ascii=False))
    again = Verdict.from_json(data)
    assert again == verdict
    assert again.explain("en") == verdict.explain("en")
    assert again.explain("vi") == verdict.explain("vi")
    assert again.missing_inputs == verdict.missing_inputs
    assert data["outcome"] == outcome.code
