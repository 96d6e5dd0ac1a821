"""Thông tư 124/2021/TT-BCA Điều 5: the commune, ward or special zone rule set."""

from __future__ import annotations

import attrs
import pytest

from antq.errors import InputError
from antq.law.citation import Citation
from antq.safety.tt124_2021 import article_5_commune as commune

from ..builders import (
    COMMUNE,
    MET,
    NOT_MET,
    STATED,
    UNKNOWN,
    Case,
    assert_baseline_met,
    assert_cites,
    assert_fails_alone,
    assert_unknown_when_missing,
    ids_with,
    incident,
    result_of,
    short_ids,
    territory_cases,
    verdict_of,
)

RULE_SET = commune.RULE_SET
TT124 = "124/2021/TT-BCA"

#: Điều 4 khoản 2-4 as applied by Điều 5 khoản 2: the Điều 4 provision each one names.
TERRITORY = territory_cases()

CASES: dict[str, Case] = {
    "party-resolution": Case(
        cite="5(1)",
        fail={"party_resolution_q1": False},
        reason=": no",
        remove=("party_resolution_q1",),
    ),
    "security-plan": Case(
        cite="5(1)",
        fail={"security_plan_q1": False},
        reason=": no",
        remove=("security_plan_q1",),
    ),
    "registration": Case(
        cite="5(1)",
        fail={"registered_q1": False},
        reason=": no",
        remove=("registered_q1",),
    ),
    "effective-models": Case(
        cite="5(1)",
        fail={"effective_models": 0},
        reason="0 < 1: 1 more needed",
        remove=("effective_models",),
    ),
    **{name: attrs.evolve(case, cite="5(2)") for name, case in TERRITORY.items()},
    "police-effective": Case(
        cite="5(3)",
        fail={"commune_police_effective": False},
        reason=": no",
        remove=("commune_police_effective",),
    ),
    "police-discipline": Case(
        cite="5(3)",
        fail={"commune_police_disciplined": 1},
        reason="1 recorded where none is allowed",
        remove=("commune_police_disciplined",),
    ),
    "units-registered": Case(
        cite="5(4)",
        fail={"units_registered": 24},
        reason="24/25 = 96% < 100%: 1 more needed",
        remove=("units_registered",),
    ),
    "units-recognised": Case(
        cite="5(4)",
        fail={"units_recognised": 17},
        reason="17/25 = 68% < 70%: 1 more needed",
        remove=("units_recognised",),
    ),
}


def test_table_covers_every_criterion() -> None:
    assert set(CASES) == short_ids(RULE_SET)
    assert RULE_SET.eligibility == ()
    assert len(RULE_SET.criteria) == 22


def test_baseline_is_met() -> None:
    verdict = verdict_of(COMMUNE)
    assert verdict.outcome is MET
    assert verdict.rule_set == "tt124.commune"
    assert str(verdict.period) == "2023-11-16/2024-11-15"
    assert ids_with(verdict, MET) == set(CASES)


@pytest.mark.parametrize("criterion", sorted(CASES))
def test_met_in_baseline(criterion: str) -> None:
    assert_baseline_met(COMMUNE, criterion)


@pytest.mark.parametrize(("criterion", "case"), sorted(CASES.items()))
def test_one_change_fails_only_that_criterion(criterion: str, case: Case) -> None:
    assert_fails_alone(COMMUNE, criterion, case)


@pytest.mark.parametrize(("criterion", "case"), sorted(CASES.items()))
def test_missing_input_is_unknown(criterion: str, case: Case) -> None:
    assert_unknown_when_missing(COMMUNE, criterion, case)


@pytest.mark.parametrize(("criterion", "case"), sorted(CASES.items()))
def test_citation(criterion: str, case: Case) -> None:
    assert_cites(COMMUNE, criterion, case)


@pytest.mark.parametrize(("criterion", "case"), sorted(TERRITORY.items()))
def test_cross_referenced_criteria_note_the_article_4_point(criterion: str, case: Case) -> None:
    """Điều 5 khoản 2 applies Điều 4 khoản 2-4: cite 5(2), and name the Điều 4 point."""
    point = Citation.parse(f"{TT124} {case.cite}")
    [definition] = [c for c in RULE_SET.criteria if c.id == f"tt124.commune.{criterion}"]
    assert definition.citation == Citation.parse(f"{TT124} 5(2)")
    assert definition.note is not None
    assert definition.note.render("vi") == f"áp dụng {point.render('vi')}"
    assert definition.note.render("en") == f"applies {point.render('en')}"


def test_missing_unit_total_makes_both_roll_up_items_unknown() -> None:
    verdict = verdict_of(COMMUNE, units_total=None)
    assert ids_with(verdict, UNKNOWN) == {"units-registered", "units-recognised"}
    assert verdict.missing_inputs == ("units_total",)


# -- Điều 5 khoản 4 boundaries ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("recognised", "total", "outcome", "reason"),
    [
        (16, 25, NOT_MET, "16/25 = 64% < 70%: 2 more needed"),
        (17, 25, NOT_MET, "17/25 = 68% < 70%: 1 more needed"),
        (18, 25, MET, "18/25 = 72% ≥ 70%"),
        (20, 30, NOT_MET, "20/30 = 66.7% < 70%: 1 more needed"),
        (21, 30, MET, "21/30 = 70% ≥ 70%"),
        (7, 10, MET, "7/10 = 70% ≥ 70%"),
        (6, 10, NOT_MET, "6/10 = 60% < 70%: 1 more needed"),
        (0, 1, NOT_MET, "0/1 = 0% < 70%: 1 more needed"),
        (1, 1, MET, "1/1 = 100% ≥ 70%"),
        (2, 3, NOT_MET, "2/3 = 66.7% < 70%: 1 more needed"),
        (3, 3, MET, "3/3 = 100% ≥ 70%"),
    ],
)
def test_seventy_percent_recognised(
    recognised: int, total: int, outcome: object, reason: str
) -> None:
    verdict = verdict_of(
        COMMUNE, units_total=total, units_registered=total, units_recognised=recognised
    )
    result = result_of(verdict, "units-recognised")
    assert result.outcome is outcome
    assert result.reason.render("en") == reason + STATED
    assert verdict.outcome is outcome


@pytest.mark.parametrize(("registered", "outcome"), [(25, MET), (24, NOT_MET), (0, NOT_MET)])
def test_every_unit_must_register(registered: int, outcome: object) -> None:
    verdict = verdict_of(COMMUNE, units_registered=registered, units_recognised=min(18, registered))
    assert result_of(verdict, "units-registered").outcome is outcome


@pytest.mark.parametrize(
    ("overrides", "path"),
    [
        ({"units_total": 0, "units_registered": 0, "units_recognised": 0}, "U1.units_total"),
        ({"units_registered": 26}, "U1.units_registered"),
        ({"units_recognised": 26}, "U1.units_recognised"),
    ],
)
def test_impossible_unit_counts_raise(overrides: dict[str, int], path: str) -> None:
    with pytest.raises(InputError) as caught:
        verdict_of(COMMUNE, **overrides)
    assert caught.value.path == path


def test_failing_share_never_displays_as_the_threshold() -> None:
    verdict = verdict_of(COMMUNE, units_total=2500, units_registered=2500, units_recognised=1749)
    result = result_of(verdict, "units-recognised")
    assert result.outcome is NOT_MET
    # 69.96% is written with two decimals, never rounded up to the 70% it fails to reach.
    assert result.reason.render("en") == "1,749/2,500 = 69.96% < 70%: 1 more needed" + STATED


@pytest.mark.parametrize(("models", "outcome"), [(0, NOT_MET), (1, MET), (4, MET)])
def test_at_least_one_effective_model(models: int, outcome: object) -> None:
    assert result_of(verdict_of(COMMUNE, effective_models=models), "effective-models").outcome is (
        outcome
    )


@pytest.mark.parametrize(("count", "outcome"), [(0, MET), (1, NOT_MET)])
def test_any_discipline_of_commune_police_fails(count: int, outcome: object) -> None:
    verdict = verdict_of(COMMUNE, commune_police_disciplined=count)
    assert result_of(verdict, "police-discipline").outcome is outcome


# -- the commune's own period -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "counts"),
    [
        ("2023-11-15", False),
        ("2023-11-16", True),
        ("2024-10-31", True),
        ("2024-11-01", True),  # outside a residential area's period, inside the commune's
        ("2024-11-15", True),  # last day
        ("2024-11-16", False),  # the day after
    ],
)
def test_incident_period_boundary(day: str, counts: bool) -> None:
    verdict = verdict_of(COMMUNE, incidents=[incident("anti_state_activity", day)])
    result = result_of(verdict, "no-anti-state-activity")
    assert result.outcome is (NOT_MET if counts else MET)
    assert "16/11/2023 – 15/11/2024" in result.reason.render("en")


@pytest.mark.parametrize(("day", "outcome"), [("2024-11-15", NOT_MET), ("2024-11-16", MET)])
def test_serious_crime_period_boundary(day: str, outcome: object) -> None:
    crime = incident(
        "crime", day, gravity="dac_biet_nghiem_trong", force_majeure=False, mitigated=False
    )
    verdict = verdict_of(COMMUNE, incidents=[crime])
    assert result_of(verdict, "no-serious-crime").outcome is outcome


def test_strikes_and_school_violence_are_not_commune_items() -> None:
    verdict = verdict_of(
        COMMUNE,
        incidents=[
            incident("unlawful_strike"),
            incident("school_violence"),
            incident("state_secret_violation"),
        ],
    )
    assert verdict.outcome is MET
