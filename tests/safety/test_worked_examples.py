"""safe-standard.md §7, item by item: the eight implementation notes and the four suggested
test vectors, each as an end-to-end test.

* notes 1-8 (version selection, all-of with a trace, integer ratios, the event
  model, the previous-year comparison, dependencies, deadlines, provincial
  extensions): ``test_s7_1_*`` ... ``test_s7_8_*``;
* vector 1, a TT 23 commune of 25 residential areas:
  ``test_tt23_commune_of_25_residential_areas``;
* vector 2, a TT 124 commune of 20 residential areas and 5 other units:
  ``test_tt124_commune_of_25_units``,
  ``test_tt124_commune_one_unregistered_unit_fails_whatever_the_ratio`` and
  ``test_s7_6_commune_rolled_up_from_its_units_verdicts``;
* vector 3, a serious crime detected, mitigated and reported:
  ``test_residential_area_serious_crime_detected_mitigated_reported_passes``;
* vector 4, a school with a go-slow: ``test_school_with_go_slow_meets_article_7_clause_3``.

The spec's other worked examples are tested with their subject: the TT 23
period example of S10 (15/11/2012) in ``tests/core/test_periods.py``, and 21/30 = 70%
in ``tests/safety/test_rollup.py``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from antq.core import evaluate
from antq.core.criterion import Criterion, CriterionKind
from antq.core.facts import UnitFacts
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import Verdict
from antq.errors import InputError
from antq.i18n.catalog import Text
from antq.io.facts import unit_facts_from_dict
from antq.law.citation import Citation, cite
from antq.safety import default_rulebook
from antq.safety.checks import AtLeast
from antq.safety.grading import Grade, GradingLayer, ProvincialExtension
from antq.safety.inputs import EFFECTIVE_MODELS
from antq.safety.procedure import Step, missed_deadlines
from antq.safety.rollup import evaluate_commune

from .builders import (
    AGENCY,
    COMMUNE,
    ENTERPRISE,
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    RA,
    SCHOOL,
    STATED,
    UNKNOWN,
    crime,
    facts_of,
    ids_with,
    incident,
    offences,
    result_of,
    verdict_of,
)

BOOK = default_rulebook()

# -- TT 124 commune: 20 residential areas + 5 agencies / enterprises / institutions ------------------

#: Ways a unit under the commune can miss recognition, one per unit that fails.
RA_FAILURES: list[dict[str, Any]] = [
    {"households_registered": 119},
    {"grassroots_force_members_disciplined": 1},
    {"incidents": [incident("prolonged_dispute", "2024-06-01")]},
    {"offences_current": {"crimes": 2, "social_evils": 1, "other_violations": 2}},
    {"grassroots_force_grade": "khong_hoan_thanh"},
    {"party_resolution_q1": False},
    {"incidents": [crime("nghiem_trong", "2024-09-09", force_majeure=False, mitigated=False)]},
    {"supervised_persons_managed": False},
]


def units_under_the_commune(failing_residential_areas: int) -> list[Verdict]:
    """Same-round verdicts of the 25 units a commune manages (Điều 5 khoản 4).

    20 residential areas, of which ``failing_residential_areas`` miss one criterion,
    and 5 other units in the circular's scope, of which one agency and one
    enterprise fail; all 25 registered. (A unit outside the scope, such as a
    small enterprise, would not be counted at all: see the roll-up tests.)
    """
    verdicts = []
    for n in range(20):
        overrides = RA_FAILURES[n] if n < failing_residential_areas else {}
        verdicts.append(evaluate(facts_of(RA, **overrides), default_rulebook()))
    verdicts += [
        verdict_of(AGENCY),
        verdict_of(AGENCY, incidents=[incident("state_secret_violation")]),
        verdict_of(ENTERPRISE),
        verdict_of(ENTERPRISE, incidents=[incident("unlawful_strike")]),
        verdict_of(SCHOOL),
    ]
    return verdicts


@pytest.mark.parametrize(
    ("failing_residential_areas", "recognised", "outcome", "reason"),
    [
        (6, 17, NOT_MET, "17/25 = 68% < 70%: 1 more needed"),
        (5, 18, MET, "18/25 = 72% ≥ 70%"),
        (0, 23, MET, "23/25 = 92% ≥ 70%"),
        (8, 15, NOT_MET, "15/25 = 60% < 70%: 3 more needed"),
    ],
)
def test_tt124_commune_of_25_units(
    failing_residential_areas: int, recognised: int, outcome: object, reason: str
) -> None:
    units = units_under_the_commune(failing_residential_areas)
    assert len(units) == 25
    met = sum(v.outcome is MET for v in units)
    assert met == recognised
    verdict = verdict_of(COMMUNE, units_total=25, units_registered=25, units_recognised=met)
    assert verdict.outcome is outcome
    result = result_of(verdict, "units-recognised")
    assert result.outcome is outcome
    assert result.reason.render("en") == reason + STATED
    assert result.citation == Citation.parse("124/2021/TT-BCA 5(4)")
    assert result_of(verdict, "units-registered").outcome is MET


@pytest.mark.parametrize("recognised", [17, 18, 20, 24])
def test_tt124_commune_one_unregistered_unit_fails_whatever_the_ratio(recognised: int) -> None:
    verdict = verdict_of(COMMUNE, units_total=25, units_registered=24, units_recognised=recognised)
    assert verdict.outcome is NOT_MET
    registered = result_of(verdict, "units-registered")
    assert registered.outcome is NOT_MET
    assert registered.reason.render("en") == "24/25 = 96% < 100%: 1 more needed" + STATED
    assert result_of(verdict, "units-recognised").outcome is (MET if recognised >= 18 else NOT_MET)


def test_tt124_commune_denominator_includes_agencies_enterprises_and_institutions() -> None:
    # 18 of the 20 residential areas alone would be 90%; against all 25 units, 17 is 68%.
    verdict = verdict_of(COMMUNE, units_total=25, units_registered=25, units_recognised=17)
    assert result_of(verdict, "units-recognised").outcome is NOT_MET
    assert verdict_of(
        COMMUNE, units_total=20, units_registered=20, units_recognised=17
    ).outcome is (MET)


# -- residential area with one serious crime, detected, mitigated, reported (4(4)(b)) ---------------


def test_residential_area_serious_crime_detected_mitigated_reported_passes() -> None:
    serious = crime(
        "nghiem_trong",
        "2024-05-14",
        id="VA-2024-031",
        description="cố ý gây thương tích",
        force_majeure=False,
        timely_detected=True,
        mitigated=True,
        reported_immediately=True,
    )
    verdict = verdict_of(RA, incidents=[serious])
    result = result_of(verdict, "no-serious-crime")
    assert result.outcome is MET
    assert result.citation == Citation.parse("124/2021/TT-BCA 4(4)(b)")
    assert result.reason.render("en").startswith(
        "1 crime(s) of serious gravity or above, each excused"
    )
    assert verdict.outcome is MET


def test_residential_area_serious_crime_not_reported_fails() -> None:
    serious = crime(
        "nghiem_trong",
        "2024-05-14",
        force_majeure=False,
        timely_detected=True,
        mitigated=True,
        reported_immediately=False,
    )
    verdict = verdict_of(RA, incidents=[serious])
    assert ids_with(verdict, NOT_MET) == {"no-serious-crime"}
    assert "on 14/05/2024" in result_of(verdict, "no-serious-crime").reason.render("en")


# -- school with a go-slow: Điều 7 khoản 3 passes because 6(3)(d) does not apply ----------------------


def test_school_with_go_slow_meets_article_7_clause_3() -> None:
    go_slow = incident("unlawful_go_slow", "2024-04-10")
    verdict = verdict_of(SCHOOL, incidents=[go_slow])
    clause_3 = Citation.parse("124/2021/TT-BCA 7(3)")
    items = [r for r in verdict.results if r.citation == clause_3]
    assert len(items) == 6
    assert all(r.outcome is MET for r in items)
    assert verdict.outcome is MET


def test_enterprise_with_the_same_go_slow_fails_article_6_clause_3_point_d() -> None:
    verdict = verdict_of(ENTERPRISE, incidents=[incident("unlawful_go_slow", "2024-04-10")])
    assert verdict.outcome is NOT_MET
    result = result_of(verdict, "no-unlawful-strike")
    assert result.outcome is NOT_MET
    assert result.citation == Citation.parse("124/2021/TT-BCA 6(3)(d)")
    assert result.reason.render("en") == "1 in the period 16/11/2023 – 15/11/2024, on 10/04/2024"


# -- vector 1: TT 23 commune, 25 residential areas and nothing else counted ----------------------------


def _tt23_residential_area(n: int, recognised: bool) -> UnitFacts:
    values: dict[str, Any] = {
        "party_resolution_annual": True,
        "registered_annually": True,
        "households_in_area": 80,
        "households_pledged": 80 if recognised else 79,
        "mass_complaints": 0,
        "over_level_unlawful_complaints": 0,
        "incidents": [],
        "tt23_residential_area_remainder_met": True,
    }
    raw = {"id": f"T{n:02d}", "kind": "residential_area", "year": 2021, "commune": "XA-23"}
    return unit_facts_from_dict({**raw, "facts": values}, "units[0]", BOOK.inputs(RA))


TT23_COMMUNE = unit_facts_from_dict(
    {
        "id": "XA-23",
        "kind": "commune",
        "year": 2021,
        "facts": {
            "party_resolution_annual": True,
            "security_plan_annual": True,
            "registered_annually": True,
            "mass_complaints": 0,
            "over_level_unlawful_complaints": 0,
            "incidents": [],
            "tt23_commune_residential_remainder_met": True,
            "commune_police_titles": ["don_vi_tien_tien"],
            "has_civil_defence_force": False,
            "commune_forces_disciplined_warning_or_above": 0,
        },
    },
    "units[0]",
    BOOK.inputs(COMMUNE),
)


@pytest.mark.parametrize(
    ("recognised", "outcome", "reason"),
    [
        (16, NOT_MET, "16 recognised, 9 not of 25: 64% < 70%: 2 more needed"),
        (17, NOT_MET, "17 recognised, 8 not of 25: 68% < 70%: 1 more needed"),
        (18, MET, "18 recognised, 7 not of 25: 72% ≥ 70%"),
    ],
)
def test_tt23_commune_of_25_residential_areas(
    recognised: int, outcome: object, reason: str
) -> None:
    areas = [evaluate(_tt23_residential_area(n, n < recognised), BOOK) for n in range(25)]
    assert {v.rule_set for v in areas} == {"tt23.residential-area"}
    assert sum(v.outcome is MET for v in areas) == recognised
    # An agency under the commune that failed is not counted under TT 23.
    agency = unit_facts_from_dict(
        {"id": "CQ-1", "kind": "agency", "year": 2021, "commune": "XA-23", "facts": {}},
        "units[0]",
        BOOK.inputs(AGENCY),
    )
    rolled = evaluate_commune(TT23_COMMUNE, [*areas, evaluate(agency, BOOK)], BOOK)
    assert rolled.verdict.rule_set == "tt23.commune"
    assert rolled.counts.total == 25
    (share,) = [
        r
        for r in rolled.verdict.results
        if r.criterion_id == "tt23.commune.residential-areas-recognised"
    ]
    assert share.outcome is outcome
    assert share.reason.render("en") == reason
    assert share.citation == Citation.parse("23/2012/TT-BCA 6(4)")
    assert rolled.verdict.outcome is outcome


# -- §7.1 version selection by the end of the period, with an explicit override -----------------------


@pytest.mark.parametrize(
    ("kind", "year", "rule_set"),
    [
        (RA, 2021, "tt23.residential-area"),  # period ends 31/10/2021
        (COMMUNE, 2021, "tt23.commune"),  # ends 30/11/2021
        (RA, 2022, "tt124.residential-area"),  # ends 31/10/2022
        (COMMUNE, 2022, "tt124.commune"),  # ends 15/11/2022
        (AGENCY, 2025, "tt124.agency"),
    ],
)
def test_s7_1_rule_set_chosen_by_the_period_end(kind: UnitKind, year: int, rule_set: str) -> None:
    chosen = BOOK.select(kind, year)
    assert chosen.id == rule_set
    end = chosen.period_for(year).end
    if chosen.instrument == "23/2012/TT-BCA":
        assert end <= date(2021, 11, 30)
    else:
        assert end >= date(2022, 10, 31)


def test_s7_1_explicit_override_wins_over_the_date() -> None:
    pinned = BOOK.get("tt124.residential-area")
    verdict = evaluate(facts_of(RA, 2024), pinned)
    assert verdict.rule_set == "tt124.residential-area"
    with pytest.raises(InputError):
        # Pinning a rule set of another unit kind is refused, never silently used.
        evaluate(facts_of(RA, 2024), BOOK.get("tt124.commune"))


# -- §7.2 all-of, with a per-criterion trace; not applicable; missing never met -----------------------


def test_s7_2_one_criterion_not_met_makes_the_unit_not_met_and_the_trace_says_which() -> None:
    verdict = verdict_of(RA, households_registered=119)
    assert verdict.outcome is NOT_MET
    assert ids_with(verdict, NOT_MET) == {"households-registered"}
    assert len(verdict.results) == len(BOOK.get("tt124.residential-area").criteria)
    assert all(r.citation.instrument == "124/2021/TT-BCA" for r in verdict.results)


@pytest.mark.parametrize(
    ("kind", "overrides", "not_applicable"),
    [
        (AGENCY, {"has_party_organisation": False}, {"party-resolution"}),
        (
            SCHOOL,
            {"has_security_force": False},
            {"security-force-rating", "security-force-discipline"},
        ),
        (
            SCHOOL,
            {"emulation_eligible": False},
            {"security-force-rating", "subunits"},
        ),
    ],
)
def test_s7_2_not_applicable_items_do_not_block_the_verdict(
    kind: UnitKind, overrides: dict[str, Any], not_applicable: set[str]
) -> None:
    verdict = verdict_of(kind, **overrides)
    assert ids_with(verdict, NOT_APPLICABLE) == not_applicable
    assert verdict.outcome is MET


def test_s7_2_missing_input_never_defaults_to_met() -> None:
    verdict = verdict_of(RA, policy_implemented=None)
    assert verdict.outcome is UNKNOWN
    assert ids_with(verdict, UNKNOWN) == {"policy"}
    assert verdict.missing_inputs == ("policy_implemented",)


# -- §7.3 integer ratios; an empty denominator is rejected -----------------------------------------------


def test_s7_3_seventy_percent_in_integers_and_empty_denominator_rejected() -> None:
    assert result_of(verdict_of(SCHOOL, subunits_qualifying=7), "subunits").outcome is MET
    assert result_of(verdict_of(SCHOOL, subunits_qualifying=6), "subunits").outcome is NOT_MET
    with pytest.raises(InputError) as caught:
        verdict_of(COMMUNE, units_total=0, units_registered=0, units_recognised=0)
    assert caught.value.path == "U1.units_total"


# -- §7.4 dated, classified events filtered by the unit's own period -------------------------------------


def test_s7_4_events_count_only_inside_the_units_own_period() -> None:
    # 10/11/2024 is in a residential area's 2025 period (01/11/2024 - 31/10/2025) but in a
    # commune's 2024 period (16/11/2023 - 15/11/2024).
    event = [incident("prolonged_dispute", "2024-11-10")]
    assert verdict_of(RA, 2025, incidents=event).outcome is NOT_MET
    assert verdict_of(COMMUNE, 2025, incidents=event).outcome is MET
    assert verdict_of(COMMUNE, 2024, incidents=event).outcome is NOT_MET


# -- §7.5 previous-year comparison: strict, on the total, by default; configurable --------------------------


def test_s7_5_default_is_a_strict_decrease_of_the_total_and_the_reading_is_stated() -> None:
    same = {"offences_current": offences(2, 1, 2), "offences_previous": offences(2, 1, 2)}
    result = result_of(verdict_of(RA, **same), "offences-reduced")
    assert result.outcome is NOT_MET
    assert "(read as: a strict decrease of the total)" in result.reason.render("en")
    relaxed = BOOK.get("tt124.residential-area").with_parameters(offence_comparison="not_increased")
    result = result_of(verdict_of(RA, rules=relaxed, **same), "offences-reduced")
    assert result.outcome is MET
    assert "(read as: no increase of the total)" in result.reason.render("en")


# -- §7.6 the commune depends on its units' verdicts of the same round ---------------------------------------


@pytest.mark.parametrize(("failing_residential_areas", "outcome"), [(6, NOT_MET), (5, MET)])
def test_s7_6_commune_rolled_up_from_its_units_verdicts(
    failing_residential_areas: int, outcome: object
) -> None:
    units = [
        attrs.evolve(verdict, unit_id=f"N{n}", commune="U1")
        for n, verdict in enumerate(units_under_the_commune(failing_residential_areas))
    ]
    commune = facts_of(COMMUNE, units_total=None, units_registered=None, units_recognised=None)
    rolled = evaluate_commune(commune, units, BOOK)
    assert (rolled.counts.total, rolled.counts.registered_min) == (25, 25)
    assert (
        rolled.counts.recognised_min
        == rolled.counts.recognised_max
        == 25 - (failing_residential_areas + 2)
    )
    assert rolled.verdict.outcome is outcome
    # A unit outside the circular's scope (Điều 1) is left out of the count: with a micro
    # enterprise in place of the failing enterprise, the total is 24.
    swapped = [*units[:-2], verdict_of(ENTERPRISE, enterprise_size="micro"), units[-1]]
    swapped[-2] = attrs.evolve(swapped[-2], unit_id="DN-MICRO", commune="U1")
    micro = evaluate_commune(commune, swapped, BOOK)
    assert micro.counts.total == 24
    assert micro.counts.recognised_min == 25 - failing_residential_areas - 2


# -- §7.7 deadlines are validations of the procedure, not criteria ---------------------------------------


def test_s7_7_deadlines() -> None:
    late = missed_deadlines(
        RA, 2024, {Step.REGISTRATION: date(2024, 3, 31), Step.DECISION: date(2024, 11, 15)}
    )
    assert [(m.step, m.days_late) for m in late] == [(Step.DECISION, 1)]
    in_time = missed_deadlines(
        COMMUNE, 2024, {Step.REGISTRATION: date(2024, 1, 2), Step.DECISION: date(2024, 11, 19)}
    )
    assert in_time == ()
    late = missed_deadlines(
        SCHOOL, 2024, {Step.REGISTRATION: date(2024, 4, 1), Step.DECISION: date(2024, 11, 20)}
    )
    assert [(m.step, m.days_late) for m in late] == [(Step.REGISTRATION, 1), (Step.DECISION, 1)]
    # A deadline never turns a criterion: the verdict is the same whatever the dates.
    assert verdict_of(RA).outcome is MET


# -- §7.8 provincial extensions: extra criteria and optional grading ------------------------------------------


def test_s7_8_a_province_adds_a_criterion_and_grades_safe_units() -> None:
    layer = GradingLayer.from_dict(
        {
            "bands": [
                {"grade": "xuat_sac", "requires": [{"all_met": ["province-x.two-models"]}]},
                {"grade": "trung_binh", "requires": []},
            ]
        }
    )
    two_models = Criterion(
        id="province-x.two-models",
        title=Text(vi="Có ít nhất 2 mô hình", en="At least two models"),
        citation=cite("124/2021/TT-BCA", 8, 1),
        kind=CriterionKind.THRESHOLD,
        inputs=(EFFECTIVE_MODELS,),
        check=AtLeast(EFFECTIVE_MODELS, 2),
    )
    extension = ProvincialExtension(
        province="province-x", extra_criteria=(two_models,), grading=layer
    )
    rules = extension.apply(BOOK.get("tt124.commune"))
    assert rules.id == "tt124.commune+province-x"
    one = verdict_of(COMMUNE, rules=rules, effective_models=1)
    assert one.outcome is NOT_MET  # the province's criterion binds
    two = verdict_of(COMMUNE, rules=rules, effective_models=2)
    assert two.outcome is MET
    assert extension.grade(two).grade is Grade.XUAT_SAC
    # antq's own rule set is untouched.
    assert verdict_of(COMMUNE, effective_models=1).outcome is MET
