"""Thông tư 124/2021/TT-BCA Điều 4: the residential area (khu dân cư) rule set."""

from __future__ import annotations

from datetime import date

import pytest

from antq.errors import InputError
from antq.safety.tt124_2021 import article_4_residential_area as residential_area

from ..builders import (
    MET,
    NOT_MET,
    RA,
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

RULE_SET = residential_area.RULE_SET

CASES: dict[str, Case] = {
    "party-resolution": Case(
        cite="4(1)",
        fail={"party_resolution_q1": False},
        reason=": no",
        remove=("party_resolution_q1",),
    ),
    "registration": Case(
        cite="4(1)",
        fail={"registered_q1": False},
        reason=": no",
        remove=("registered_q1",),
    ),
    "households-registered": Case(
        cite="4(1)",
        fail={"households_registered": 119},
        reason="119/120 = 99.2% < 100%: 1 more needed",
        remove=("households_registered", "households_resident"),
    ),
    **territory_cases(),
    "force-rating": Case(
        cite="4(5)",
        fail={"grassroots_force_grade": "khong_hoan_thanh"},
        reason="rated 'did not complete tasks', below 'completed tasks'",
        remove=("grassroots_force_grade",),
    ),
    "force-discipline": Case(
        cite="4(5)",
        fail={"grassroots_force_members_disciplined": 1},
        reason="1 recorded where none is allowed",
        remove=("grassroots_force_members_disciplined",),
    ),
}


def test_table_covers_every_criterion() -> None:
    assert set(CASES) == short_ids(RULE_SET)
    assert RULE_SET.eligibility == ()
    assert len(RULE_SET.criteria) == 19


def test_baseline_is_met() -> None:
    verdict = verdict_of(RA)
    assert verdict.outcome is MET
    assert verdict.rule_set == "tt124.residential-area"
    assert verdict.instrument == "124/2021/TT-BCA"
    assert str(verdict.period) == "2023-11-01/2024-10-31"
    assert ids_with(verdict, MET) == set(CASES)
    assert verdict.missing_inputs == ()


@pytest.mark.parametrize("criterion", sorted(CASES))
def test_met_in_baseline(criterion: str) -> None:
    assert_baseline_met(RA, criterion)


@pytest.mark.parametrize(("criterion", "case"), sorted(CASES.items()))
def test_one_change_fails_only_that_criterion(criterion: str, case: Case) -> None:
    assert_fails_alone(RA, criterion, case)


@pytest.mark.parametrize(("criterion", "case"), sorted(CASES.items()))
def test_missing_input_is_unknown(criterion: str, case: Case) -> None:
    assert_unknown_when_missing(RA, criterion, case)


@pytest.mark.parametrize(("criterion", "case"), sorted(CASES.items()))
def test_citation(criterion: str, case: Case) -> None:
    assert_cites(RA, criterion, case)


def test_criteria_cite_article_4_directly_without_a_note() -> None:
    for criterion in RULE_SET.criteria:
        assert criterion.citation.article == 4
        if criterion.note is not None:
            assert "áp dụng" not in criterion.note.render("vi")


# -- boundaries ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("registered", "resident", "outcome", "reason"),
    [
        (120, 120, MET, "120/120 = 100%"),
        (119, 120, NOT_MET, "119/120 = 99.2% < 100%: 1 more needed"),
        (0, 120, NOT_MET, "0/120 = 0% < 100%: 120 more needed"),
        (1, 1, MET, "1/1 = 100%"),
        (2999, 3000, NOT_MET, "< 100%: 1 more needed"),
    ],
)
def test_households_all_registered_boundary(
    registered: int, resident: int, outcome: object, reason: str
) -> None:
    verdict = verdict_of(RA, households_registered=registered, households_resident=resident)
    result = result_of(verdict, "households-registered")
    assert result.outcome is outcome
    assert reason in result.reason.render("en")
    assert verdict.outcome is outcome


def test_failing_ratio_never_displays_as_the_threshold() -> None:
    # 99.97% is written with the decimals it needs, never rounded up to the 100% it fails to reach.
    verdict = verdict_of(RA, households_registered=2999, households_resident=3000)
    reason = result_of(verdict, "households-registered").reason.render("en")
    assert reason == "2,999/3,000 = 99.97% < 100%: 1 more needed"


@pytest.mark.parametrize(
    ("overrides", "path"),
    [
        ({"households_registered": 0, "households_resident": 0}, "U1.households_resident"),
        ({"households_registered": 121, "households_resident": 120}, "U1.households_registered"),
    ],
)
def test_households_impossible_counts_raise(overrides: dict[str, int], path: str) -> None:
    with pytest.raises(InputError) as caught:
        verdict_of(RA, **overrides)
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("grade", "outcome"),
    [
        ("hoan_thanh_xuat_sac", MET),
        ("hoan_thanh_tot", MET),
        ("hoan_thanh", MET),
        ("khong_hoan_thanh", NOT_MET),
    ],
)
def test_force_rating_needs_completed_tasks_or_better(grade: str, outcome: object) -> None:
    assert (
        result_of(verdict_of(RA, grassroots_force_grade=grade), "force-rating").outcome is outcome
    )


@pytest.mark.parametrize(("count", "outcome"), [(0, MET), (1, NOT_MET), (5, NOT_MET)])
def test_any_discipline_of_the_force_fails(count: int, outcome: object) -> None:
    verdict = verdict_of(RA, grassroots_force_members_disciplined=count)
    assert result_of(verdict, "force-discipline").outcome is outcome


@pytest.mark.parametrize(
    ("day", "counts"),
    [
        ("2023-10-31", False),  # the day before the period (01/11 of the previous year)
        ("2023-11-01", True),
        ("2024-10-31", True),  # last day of the period
        ("2024-11-01", False),  # the day after: belongs to the 2025 round
    ],
)
def test_incident_period_boundary(day: str, counts: bool) -> None:
    verdict = verdict_of(RA, incidents=[incident("prolonged_dispute", day)])
    result = result_of(verdict, "no-prolonged-dispute")
    assert result.outcome is (NOT_MET if counts else MET)
    assert "01/11/2023 – 31/10/2024" in result.reason.render("en")


def test_next_round_sees_the_incident_of_01_11() -> None:
    verdict = verdict_of(RA, 2025, incidents=[incident("prolonged_dispute", "2024-11-01")])
    assert str(verdict.period) == "2024-11-01/2025-10-31"
    assert result_of(verdict, "no-prolonged-dispute").outcome is NOT_MET


def test_serious_crime_on_last_day_counts_and_day_after_does_not() -> None:
    flags = {"force_majeure": False, "timely_detected": False}
    on_last = verdict_of(
        RA, incidents=[incident("crime", "2024-10-31", gravity="nghiem_trong", **flags)]
    )
    after = verdict_of(
        RA, incidents=[incident("crime", "2024-11-01", gravity="nghiem_trong", **flags)]
    )
    assert result_of(on_last, "no-serious-crime").outcome is NOT_MET
    assert "31/10/2024" in result_of(on_last, "no-serious-crime").reason.render("en")
    assert result_of(after, "no-serious-crime").outcome is MET


def test_two_events_are_counted_with_their_dates() -> None:
    verdict = verdict_of(
        RA,
        incidents=[
            incident("new_order_hotspot", "2024-01-05"),
            incident("new_order_hotspot", "2024-07-20"),
            incident("new_order_hotspot", "2022-07-20"),
        ],
    )
    reason = result_of(verdict, "no-new-hotspot").reason.render("en")
    assert reason == (
        "2 in the period 01/11/2023 – 31/10/2024, on 05/01/2024, 20/07/2024;"
        " not counted, dated outside the period: 20/07/2022"
    )


def test_whether_traffic_or_other_violations_count_is_not_an_item() -> None:
    # Điều 4 lists no traffic accidents; an "other violation" only feeds k4 a's counts.
    verdict = verdict_of(RA, incidents=[incident("other_violation")])
    assert verdict.outcome is MET


def test_missing_judgement_is_never_met() -> None:
    verdict = verdict_of(RA, policy_implemented=None, supervised_persons_managed=None)
    assert verdict.outcome is UNKNOWN
    assert ids_with(verdict, UNKNOWN) == {"policy", "supervised-persons"}
    assert verdict.missing_inputs == ("policy_implemented", "supervised_persons_managed")


def test_not_met_wins_over_unknown() -> None:
    verdict = verdict_of(RA, registered_q1=False, policy_implemented=None)
    assert verdict.outcome is NOT_MET
    assert ids_with(verdict, UNKNOWN) == {"policy"}


def test_rule_book_picks_this_rule_set_from_2022() -> None:
    from antq.safety import default_rulebook

    for year in (2022, 2023, 2024, 2025):
        assert default_rulebook().select(RA, year) == RULE_SET
    assert RULE_SET.period_for(2022).start == date(2021, 11, 1)
