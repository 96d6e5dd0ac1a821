"""Kỷ niệm chương "Bảo vệ an ninh Tổ quốc": TT 11/2021 and TT 20/2025, condition by condition."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antq.core.outcome import Outcome
from antq.core.periods import MonthEndPolicy, Period
from antq.emulation.awards import (
    KNC_TT11,
    KNC_TT20,
    AreaType,
    CandServiceAward,
    Commendation,
    CommendationLevel,
    Disqualification,
    Eligibility,
    KncCandidate,
    LeaderPosition,
    LeadershipPeriod,
    PendingMatter,
    ServicePeriod,
    ServiceRole,
    award_catalogue,
    count_service,
    knc_eligibility,
    select_knc_rules,
)
from antq.emulation.awards.knc import read_knc_request
from antq.entities import Sex
from antq.errors import AmbiguousDateError, InputError, RuleSetNotFound

MET, NOT_MET, UNKNOWN, NA = (
    Outcome.MET,
    Outcome.NOT_MET,
    Outcome.UNKNOWN,
    Outcome.NOT_APPLICABLE,
)
LAST_TT11, FIRST_TT20 = date(2025, 4, 27), date(2025, 4, 28)


def d(text: str) -> date:
    return date.fromisoformat(text)


def serve(
    role: ServiceRole, start: str, end: str | None = None, area: AreaType | None = AreaType.ORDINARY
) -> ServicePeriod:
    return ServicePeriod(role=role, start=d(start), end=None if end is None else d(end), area=area)


def lead(
    start: str,
    end: str | None = None,
    position: LeaderPosition = LeaderPosition.GOVERNMENT,
    phong_ban: bool | None = True,
) -> LeadershipPeriod:
    return LeadershipPeriod(
        position=position,
        start=d(start),
        end=None if end is None else d(end),
        phong_ban_or_above=phong_ban,
    )


def clean(**changes: Any) -> KncCandidate:
    """A candidate with every common fact known and clean; no service, no leadership."""
    base: dict[str, Any] = {
        "id": "P",
        "sex": Sex.MALE,
        "service": (),
        "leadership": (),
        "commendations": (),
        "movement_achievements": True,
        "unit_no_social_evil_hotspot": True,
        "unit_no_serious_incident": True,
        "rated_well_throughout": True,
        "already_awarded": False,
        "cand_service_awards": frozenset(),
        "disqualifications": frozenset(),
        "pending": frozenset(),
        "discipline": (),
    }
    base.update(changes)
    return KncCandidate(**base)


def team_member(start: str, sex: Sex | None = Sex.MALE, **changes: Any) -> KncCandidate:
    """A street guard from ``start`` who joined the team on 01/07/2024, ordinary area."""
    service = (
        serve(ServiceRole.STREET_GUARD, start, "2024-06-30"),
        serve(ServiceRole.TEAM_MEMBER, "2024-07-01"),
    )
    return clean(sex=sex, service=service, **changes)


def leader(start: str, **changes: Any) -> KncCandidate:
    changes.setdefault(
        "commendations", (Commendation(level=CommendationLevel.STATE, on=d("2015-08-19")),)
    )
    return clean(leadership=(lead(start),), **changes)


def changed(candidate: KncCandidate, **changes: Any) -> KncCandidate:
    """``attrs.evolve`` with changes chosen at run time."""
    return attrs.evolve(candidate, **changes)


def outcome(candidate: KncCandidate, on: date, condition: str, **kw: Any) -> Outcome:
    return knc_eligibility(candidate, on, **kw).result(condition).outcome


# --- which circular --------------------------------------------------------------------------


def test_the_proposal_date_chooses_the_circular() -> None:
    assert select_knc_rules(LAST_TT11) is KNC_TT11
    assert select_knc_rules(FIRST_TT20) is KNC_TT20
    assert select_knc_rules(date(2021, 1, 26)) is KNC_TT11
    with pytest.raises(RuleSetNotFound, match="2021-01-25"):
        select_knc_rules(date(2021, 1, 25))
    answer = knc_eligibility(clean(), FIRST_TT20)
    assert (answer.rule_set, answer.instrument) == ("knc.tt20-2025", "20/2025/TT-BCA")
    assert answer.date_role.code == "proposal" and answer.on == FIRST_TT20


def test_a_rule_set_can_be_pinned_whatever_the_date() -> None:
    answer = knc_eligibility(leader("2018-01-01"), date(2026, 1, 1), rules=KNC_TT11)
    assert answer.rule_set == "knc.tt11-2021"


def test_leader_tenure_five_then_ten_years_across_28_april_2025() -> None:
    person = leader("2018-01-01")  # 7 years 3 months on 27/04/2025
    before = knc_eligibility(person, LAST_TT11)
    any_level = KNC_TT20.with_parameters(knc25_commendation_level="any")
    after = knc_eligibility(person, FIRST_TT20, rules=any_level)
    assert before.result("knc21.leader.tenure").outcome is MET
    assert before.route("leader").outcome is MET and before.outcome is MET
    assert after.result("knc25.leader.tenure").outcome is NOT_MET
    assert after.outcome is NOT_MET
    assert "7 years 3 months" in after.result("knc25.leader.tenure").reason.render("en")


def test_double_weighting_exists_only_under_tt20() -> None:
    person = clean(
        sex=Sex.MALE,
        service=(
            serve(
                ServiceRole.PART_TIME_COMMUNE_POLICE, "2016-01-01", "2024-06-30", AreaType.ISLAND
            ),
            serve(ServiceRole.TEAM_MEMBER, "2024-07-01", area=AreaType.ISLAND),
        ),
    )
    tt11 = knc_eligibility(
        person, LAST_TT11, rules=KNC_TT11.with_parameters(knc21_team_service="counted")
    )
    tt20 = knc_eligibility(person, FIRST_TT20)
    assert tt11.result("knc21.grassroots.service").outcome is NOT_MET  # 9 years 3 months
    assert tt20.result("knc25.team.service").outcome is MET  # 18 years 6 months
    assert tt20.outcome is MET


# --- service length: whole months, pooling, overlaps, policy ---------------------------------


def span(start: str, end: str) -> Period:
    return Period(start=d(start), end=d(end))


def test_a_continuous_period_counts_its_calendar_months() -> None:
    assert count_service([(span("2010-03-01", "2025-02-28"), 1)]).months == 180
    assert count_service([(span("2010-03-01", "2025-02-27"), 1)]).months == 179
    # CLAMP: 29/02/2024 + 12 months = 28/02/2025, so the year is complete on 27/02/2025.
    assert count_service([(span("2024-02-29", "2025-02-27"), 1)]).months == 12
    assert count_service([(span("2024-02-29", "2025-02-26"), 1)]).months == 11


def test_left_over_days_are_pooled_by_31_and_rounded_down() -> None:
    fifteen = (span("2020-01-01", "2020-01-15"), 1)
    sixteen = (span("2020-03-01", "2020-03-16"), 1)
    assert count_service([fifteen, sixteen]).months == 1  # 15 + 16 = 31 days
    assert count_service([fifteen, (span("2020-03-01", "2020-03-15"), 1)]).months == 0  # 30 days
    doubled = [(span("2020-01-01", "2020-01-16"), 2)]
    assert count_service(doubled).months == 1 and count_service(doubled).doubled_days == 16
    assert count_service([(span("2020-01-01", "2020-01-15"), 2)]).months == 0  # 30 days
    # A single run never gains a month from its own left-over days (30 days of July).
    assert count_service([(span("2015-08-01", "2025-07-30"), 1)]).months == 119


def test_overlapping_periods_count_each_day_once_with_the_highest_weight() -> None:
    ordinary = span("2020-01-01", "2020-12-31")
    border = span("2020-07-01", "2021-06-30")
    counted = count_service([(ordinary, 1), (border, 2)])
    assert counted.days == 366 + 181
    assert counted.months == 6 + 2 * 12  # 01/01-30/06/2020 once, 01/07/2020-30/06/2021 twice
    assert counted.doubled_days == 365


def test_adjacent_periods_merge_into_one_run() -> None:
    split = [(span("2010-01-31", "2015-06-15"), 1), (span("2015-06-16", "2025-01-30"), 1)]
    assert (
        count_service(split).months == count_service([(span("2010-01-31", "2025-01-30"), 1)]).months
    )


def test_the_month_end_policy_is_explicit() -> None:
    run = [(span("2024-01-31", "2024-02-29"), 1)]
    assert count_service(run).months == 1  # CLAMP: 31/01 + 1 month = 29/02
    with pytest.raises(AmbiguousDateError):
        count_service(run, policy=MonthEndPolicy.STRICT)


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2020, 12, 31)),
    length=st.integers(min_value=0, max_value=7000),
    cut=st.integers(min_value=0, max_value=7000),
)
def test_splitting_or_repeating_a_period_does_not_change_the_count(
    start: date, length: int, cut: int
) -> None:
    end = start + timedelta(days=length)
    whole = count_service([(Period(start=start, end=end), 1)])
    middle = start + timedelta(days=min(cut, length))
    parts = [(Period(start=start, end=middle), 1)]
    if middle < end:
        parts.append((Period(start=middle + timedelta(days=1), end=end), 1))
    assert count_service(parts) == whole
    assert count_service([(Period(start=start, end=end), 1)] * 2) == whole
    doubled = count_service([(Period(start=start, end=end), 2)])
    assert 2 * whole.months <= doubled.months <= 2 * whole.months + 1


# --- grassroots service by sex, at the boundary ----------------------------------------------


def test_women_need_ten_years_and_men_fifteen() -> None:
    ten_years = team_member("2015-08-01", sex=Sex.FEMALE)
    assert outcome(ten_years, d("2025-07-31"), "knc25.team.service") is MET
    assert outcome(ten_years, d("2025-07-30"), "knc25.team.service") is NOT_MET
    man = attrs.evolve(ten_years, sex=Sex.MALE)
    assert outcome(man, d("2025-07-31"), "knc25.team.service") is NOT_MET
    fifteen = team_member("2010-08-01", sex=Sex.MALE)
    assert outcome(fifteen, d("2025-07-31"), "knc25.team.service") is MET
    assert outcome(fifteen, d("2025-07-30"), "knc25.team.service") is NOT_MET


def test_an_unknown_sex_decides_only_when_the_thresholds_agree() -> None:
    assert (
        outcome(team_member("2012-01-01", sex=None), d("2025-06-01"), "knc25.team.service")
        is UNKNOWN
    )
    answer = knc_eligibility(team_member("2012-01-01", sex=None), d("2025-06-01"))
    assert answer.result("knc25.team.service").missing == ("sex",)
    assert (
        outcome(team_member("2008-01-01", sex=None), d("2025-06-01"), "knc25.team.service") is MET
    )
    assert (
        outcome(team_member("2018-01-01", sex=None), d("2025-06-01"), "knc25.team.service")
        is NOT_MET
    )


def test_border_years_count_twice_at_the_boundary() -> None:
    person = clean(
        sex=Sex.MALE,
        service=(
            serve(
                ServiceRole.PART_TIME_COMMUNE_POLICE, "2018-01-01", "2024-06-30", AreaType.BORDER
            ),
            serve(ServiceRole.TEAM_MEMBER, "2024-07-01", area=AreaType.BORDER),
        ),
    )
    assert outcome(person, d("2025-06-30"), "knc25.team.service") is MET  # 90 months x 2
    assert outcome(person, d("2025-06-29"), "knc25.team.service") is NOT_MET  # 179 months
    reason = knc_eligibility(person, d("2025-06-30")).result("knc25.team.service").reason
    assert "15 years counted" in reason.render("en") and "2,738 day(s)" in reason.render("en")


def test_an_unknown_area_is_unknown_when_the_weight_decides() -> None:
    person = clean(
        sex=Sex.MALE,
        service=(
            serve(ServiceRole.PART_TIME_COMMUNE_POLICE, "2018-01-01", "2024-06-30", None),
            serve(ServiceRole.TEAM_MEMBER, "2024-07-01", area=AreaType.BORDER),
        ),
    )
    result = knc_eligibility(person, d("2025-06-30")).result("knc25.team.service")
    assert result.outcome is UNKNOWN and result.missing == ("service[0].area",)
    enough = attrs.evolve(person, sex=Sex.FEMALE)  # at least 10 years even counted once? no: 7.5
    assert outcome(enough, d("2025-06-30"), "knc25.team.service") is UNKNOWN
    long_ago = clean(
        sex=Sex.FEMALE,
        service=(
            serve(ServiceRole.STREET_GUARD, "2005-01-01", "2024-06-30", None),
            serve(ServiceRole.TEAM_MEMBER, "2024-07-01"),
        ),
    )
    assert outcome(long_ago, d("2025-06-30"), "knc25.team.service") is MET


def test_earlier_street_guard_and_commune_police_service_count_for_team_members() -> None:
    person = clean(
        sex=Sex.FEMALE,
        service=(
            serve(ServiceRole.PART_TIME_COMMUNE_POLICE, "2014-01-01", "2018-12-31"),
            serve(ServiceRole.STREET_GUARD, "2019-01-01", "2024-06-30"),
            serve(ServiceRole.TEAM_MEMBER, "2024-07-01"),
        ),
    )
    assert outcome(person, d("2025-06-01"), "knc25.team.service") is MET
    assert knc_eligibility(person, d("2025-06-01")).outcome is MET


def test_team_membership_is_the_tt20_category() -> None:
    former = clean(service=(serve(ServiceRole.STREET_GUARD, "2000-01-01", "2024-06-30"),))
    answer = knc_eligibility(former, d("2025-06-01"))
    assert answer.result("knc25.team.category").outcome is NOT_MET
    assert answer.result("knc25.team.service").outcome is NA
    assert answer.outcome is NOT_MET
    assert knc_eligibility(former, LAST_TT11).result("knc21.grassroots.category").outcome is MET
    assert outcome(clean(service=None), FIRST_TT20, "knc25.team.category") is UNKNOWN


def test_agency_guard_service_under_tt20_is_a_parameter() -> None:
    person = clean(
        sex=Sex.FEMALE,
        service=(
            serve(ServiceRole.AGENCY_GUARD, "2010-01-01", "2020-12-31"),
            serve(ServiceRole.TEAM_MEMBER, "2024-07-01"),
        ),
    )
    result = knc_eligibility(person, d("2025-06-01")).result("knc25.team.service")
    assert result.outcome is UNKNOWN
    assert result.missing == ("parameter:knc25_agency_guard_service",)
    counted = KNC_TT20.with_parameters(knc25_agency_guard_service="counted")
    assert outcome(person, d("2025-06-01"), "knc25.team.service", rules=counted) is MET
    not_counted = KNC_TT20.with_parameters(knc25_agency_guard_service="not_counted")
    assert outcome(person, d("2025-06-01"), "knc25.team.service", rules=not_counted) is NOT_MET


def test_team_service_under_tt11_is_a_parameter() -> None:
    only_team = clean(sex=Sex.FEMALE, service=(serve(ServiceRole.TEAM_MEMBER, "2024-07-01"),))
    category = knc_eligibility(only_team, LAST_TT11).result("knc21.grassroots.category")
    assert category.outcome is UNKNOWN and category.missing == ("parameter:knc21_team_service",)
    rules = KNC_TT11.with_parameters(knc21_team_service="not_counted")
    assert outcome(only_team, LAST_TT11, "knc21.grassroots.category", rules=rules) is NOT_MET
    guard = clean(
        sex=Sex.FEMALE,
        service=(
            serve(ServiceRole.STREET_GUARD, "2015-04-01", "2024-06-30"),
            serve(ServiceRole.TEAM_MEMBER, "2024-07-01"),
        ),
    )
    service = knc_eligibility(guard, LAST_TT11).result("knc21.grassroots.service")
    assert service.outcome is UNKNOWN  # 9 years 3 months, 10 years with the team
    counted = KNC_TT11.with_parameters(knc21_team_service="counted")
    assert outcome(guard, LAST_TT11, "knc21.grassroots.service", rules=counted) is MET


def test_an_open_street_guard_period_ends_on_30_june_2024() -> None:
    person = clean(sex=Sex.MALE, service=(serve(ServiceRole.STREET_GUARD, "2009-07-01"),))
    assert outcome(person, d("2024-06-30"), "knc21.grassroots.service") is MET
    assert outcome(person, d("2024-06-29"), "knc21.grassroots.service") is NOT_MET
    text = knc_eligibility(person, LAST_TT11).result("knc21.grassroots.service").reason.render("en")
    assert text.startswith("15 years counted up to 27/04/2025")


# --- discipline --------------------------------------------------------------------------------


def test_tt20_counts_qualifying_time_from_the_end_of_discipline() -> None:
    person = team_member(
        "2010-01-01",
        sex=Sex.FEMALE,
        discipline=(span("2014-06-01", "2015-05-31"),),
    )
    assert outcome(person, d("2025-05-31"), "knc25.team.service") is MET
    assert outcome(person, d("2025-05-30"), "knc25.team.service") is NOT_MET
    assert outcome(person, d("2025-05-31"), "knc25.discipline") is MET
    text = knc_eligibility(person, d("2025-05-31")).result("knc25.discipline").reason.render("en")
    assert "counts from 01/06/2015" in text


def test_a_running_discipline_period_leaves_nothing_to_count() -> None:
    person = team_member("2000-01-01", discipline=(span("2025-01-01", "2025-12-31"),))
    answer = knc_eligibility(person, d("2025-06-01"))
    assert answer.result("knc25.discipline").outcome is NOT_MET
    assert answer.result("knc25.team.service").outcome is NOT_MET
    assert answer.outcome is NOT_MET
    assert knc_eligibility(person, d("2026-01-01")).result("knc25.team.service").outcome is NOT_MET
    leader_too = leader("2000-01-01", discipline=(span("2025-01-01", "2025-12-31"),))
    assert outcome(leader_too, d("2025-06-01"), "knc25.leader.tenure") is NOT_MET


def test_unknown_discipline_blocks_a_definite_count() -> None:
    person = team_member("2000-01-01", discipline=None)
    answer = knc_eligibility(person, d("2025-06-01"))
    assert answer.result("knc25.discipline").outcome is UNKNOWN
    assert answer.result("knc25.team.service").outcome is UNKNOWN
    assert "discipline" in answer.result("knc25.team.service").missing


def test_tt11_defers_during_discipline_and_leaves_the_restart_as_a_parameter() -> None:
    running = team_member("2000-01-01", discipline=(span("2024-12-01", "2025-11-30"),))
    assert outcome(running, LAST_TT11, "knc21.discipline") is NOT_MET
    past = clean(
        sex=Sex.MALE,
        service=(serve(ServiceRole.STREET_GUARD, "2005-01-01", "2024-06-30"),),
        discipline=(span("2012-01-01", "2012-12-31"),),
    )
    result = knc_eligibility(past, LAST_TT11).result("knc21.grassroots.service")
    assert result.outcome is UNKNOWN and result.missing == ("parameter:knc21_discipline_restart",)
    from_end = KNC_TT11.with_parameters(knc21_discipline_restart="from_end")
    assert outcome(past, LAST_TT11, "knc21.grassroots.service", rules=from_end) is NOT_MET
    kept = KNC_TT11.with_parameters(knc21_discipline_restart="not_restarted")
    assert outcome(past, LAST_TT11, "knc21.grassroots.service", rules=kept) is MET
    assert outcome(past, LAST_TT11, "knc21.discipline") is MET


def test_the_restart_after_discipline_also_drops_double_weighted_years() -> None:
    # Border service from 2012, discipline in 2019: only 2020 onwards counts, twice.
    person = clean(
        sex=Sex.FEMALE,
        service=(
            serve(
                ServiceRole.PART_TIME_COMMUNE_POLICE, "2012-01-01", "2024-06-30", AreaType.BORDER
            ),
            serve(ServiceRole.TEAM_MEMBER, "2024-07-01", area=AreaType.BORDER),
        ),
        discipline=(span("2019-01-01", "2019-12-31"),),
    )
    on = d("2025-06-30")
    result = knc_eligibility(person, on).result("knc25.team.service")
    assert result.outcome is MET  # 01/01/2020 - 30/06/2025: 5 years 6 months, twice = 11 years
    assert result.reason.render("en").startswith("11 years counted up to 30/06/2025")
    assert outcome(attrs.evolve(person, sex=Sex.MALE), on, "knc25.team.service") is NOT_MET
    clean_record = attrs.evolve(person, sex=Sex.MALE, discipline=())
    assert outcome(clean_record, on, "knc25.team.service") is MET  # 13.5 years, twice = 27
    # Before 28/04/2025 the same years count once, and TT 11 restarts only if told to.
    tt11 = KNC_TT11.with_parameters(
        knc21_team_service="counted", knc21_discipline_restart="from_end"
    )
    assert outcome(person, LAST_TT11, "knc21.grassroots.service", rules=tt11) is NOT_MET
    kept = KNC_TT11.with_parameters(
        knc21_team_service="counted", knc21_discipline_restart="not_restarted"
    )
    assert outcome(person, LAST_TT11, "knc21.grassroots.service", rules=kept) is MET  # 13 years


# --- once, exclusions, deferrals ---------------------------------------------------------------


@pytest.mark.parametrize("on", [LAST_TT11, FIRST_TT20])
def test_once_in_a_lifetime(on: date) -> None:
    prefix = "knc21" if on < FIRST_TT20 else "knc25"
    person = team_member("2000-01-01")
    assert knc_eligibility(person, on).outcome is MET
    awarded = attrs.evolve(person, already_awarded=True)
    assert outcome(awarded, on, f"{prefix}.once") is NOT_MET
    assert knc_eligibility(awarded, on).outcome is NOT_MET
    assert outcome(attrs.evolve(person, already_awarded=None), on, f"{prefix}.once") is UNKNOWN
    assert knc_eligibility(attrs.evolve(person, already_awarded=None), on).outcome is UNKNOWN


@pytest.mark.parametrize("award", list(CandServiceAward))
def test_tt20_excludes_holders_of_police_service_awards(award: CandServiceAward) -> None:
    person = team_member("2000-01-01", cand_service_awards=frozenset({award}))
    assert outcome(person, FIRST_TT20, "knc25.cand-awards") is NOT_MET
    assert knc_eligibility(person, LAST_TT11).outcome is MET  # not a TT 11 rule
    assert (
        outcome(attrs.evolve(person, cand_service_awards=None), FIRST_TT20, "knc25.cand-awards")
        is UNKNOWN
    )


@pytest.mark.parametrize("ground", list(Disqualification))
def test_exclusions(ground: Disqualification) -> None:
    person = team_member("2000-01-01", disqualifications=frozenset({ground}))
    assert outcome(person, FIRST_TT20, "knc25.exclusions") is NOT_MET
    tt11 = outcome(person, LAST_TT11, "knc21.exclusions")
    known_to_tt11 = ground in (
        Disqualification.CRIMINALLY_PROSECUTED,
        Disqualification.COMPULSORY_EDUCATION,
    )
    assert tt11 is (NOT_MET if known_to_tt11 else UNKNOWN)


@pytest.mark.parametrize("matter", list(PendingMatter))
def test_tt20_deferrals(matter: PendingMatter) -> None:
    person = team_member("2000-01-01", pending=frozenset({matter}))
    expected = MET if matter is PendingMatter.INVESTIGATION else NOT_MET
    assert outcome(person, FIRST_TT20, "knc25.deferral") is expected
    if expected is NOT_MET:
        text = knc_eligibility(person, FIRST_TT20).result("knc25.deferral").reason.render("en")
        assert "after a favourable conclusion" in text
    assert outcome(attrs.evolve(person, pending=None), FIRST_TT20, "knc25.deferral") is UNKNOWN


# --- the leader route ----------------------------------------------------------------------------


def test_leader_tenure_boundary_under_tt11() -> None:
    person = leader("2020-04-27")
    assert outcome(person, d("2025-04-26"), "knc21.leader.tenure") is MET
    assert outcome(person, d("2025-04-25"), "knc21.leader.tenure") is NOT_MET
    assert outcome(clean(leadership=None), d("2025-04-26"), "knc21.leader.tenure") is UNKNOWN


def test_leader_tenure_boundary_under_tt20() -> None:
    person = leader("2015-06-01")
    assert outcome(person, d("2025-05-31"), "knc25.leader.tenure") is MET
    assert outcome(person, d("2025-05-30"), "knc25.leader.tenure") is NOT_MET


def test_positions_below_phong_ban_do_not_count_under_tt20() -> None:
    below = clean(leadership=(lead("2010-01-01", phong_ban=False),))
    assert outcome(below, FIRST_TT20, "knc25.leader.tenure") is NOT_MET
    assert outcome(below, LAST_TT11, "knc21.leader.tenure") is MET
    unsure = clean(leadership=(lead("2010-01-01", phong_ban=None),))
    result = knc_eligibility(unsure, FIRST_TT20).result("knc25.leader.tenure")
    assert result.outcome is UNKNOWN and result.missing == ("leadership[0].phong_ban_or_above",)


def test_overlapping_positions_count_once() -> None:
    person = clean(
        leadership=(
            lead("2018-01-01", "2024-12-31", LeaderPosition.PARTY_COMMITTEE),
            lead("2018-01-01", "2024-12-31", LeaderPosition.GOVERNMENT),
        )
    )
    assert outcome(person, d("2025-06-01"), "knc25.leader.tenure") is NOT_MET  # 7 years, not 14


def test_non_public_school_heads_only_under_tt11() -> None:
    head = clean(
        leadership=(lead("2010-01-01", position=LeaderPosition.EDUCATION_HEAD_NON_PUBLIC),)
    )
    assert outcome(head, LAST_TT11, "knc21.leader.category") is MET
    answer = knc_eligibility(head, FIRST_TT20)
    assert answer.result("knc25.leader.category").outcome is NOT_MET
    assert answer.result("knc25.leader.tenure").outcome is NA


def test_commendation_level_under_tt11() -> None:
    def with_level(level: CommendationLevel, on: str = "2020-01-01") -> KncCandidate:
        return leader("2010-01-01", commendations=(Commendation(level=level, on=d(on)),))

    assert (
        outcome(
            with_level(CommendationLevel.PROVINCIAL_POLICE), LAST_TT11, "knc21.leader.commendation"
        )
        is MET
    )
    assert (
        outcome(
            with_level(CommendationLevel.DISTRICT_PEOPLES_COMMITTEE),
            LAST_TT11,
            "knc21.leader.commendation",
        )
        is MET
    )
    assert (
        outcome(
            with_level(CommendationLevel.DISTRICT_POLICE), LAST_TT11, "knc21.leader.commendation"
        )
        is NOT_MET
    )
    assert (
        outcome(with_level(CommendationLevel.COMMUNE), LAST_TT11, "knc21.leader.commendation")
        is NOT_MET
    )
    later = with_level(CommendationLevel.MINISTRY, "2025-04-28")
    assert outcome(later, LAST_TT11, "knc21.leader.commendation") is NOT_MET
    assert (
        outcome(leader("2010-01-01", commendations=None), LAST_TT11, "knc21.leader.commendation")
        is UNKNOWN
    )


def test_commendation_level_under_tt20_is_a_parameter() -> None:
    police = leader(
        "2010-01-01",
        commendations=(
            Commendation(level=CommendationLevel.PROVINCIAL_POLICE, on=d("2020-01-01")),
        ),
    )
    result = knc_eligibility(police, FIRST_TT20).result("knc25.leader.commendation")
    assert result.outcome is UNKNOWN and result.missing == ("parameter:knc25_commendation_level",)
    assert knc_eligibility(police, FIRST_TT20).outcome is UNKNOWN
    any_level = KNC_TT20.with_parameters(knc25_commendation_level="any")
    assert knc_eligibility(police, FIRST_TT20, rules=any_level).outcome is MET
    ministry = KNC_TT20.with_parameters(knc25_commendation_level="ministry")
    assert outcome(police, FIRST_TT20, "knc25.leader.commendation", rules=ministry) is NOT_MET
    assert (
        outcome(leader("2010-01-01"), FIRST_TT20, "knc25.leader.commendation") is MET
    )  # State level
    none = leader("2010-01-01", commendations=())
    assert outcome(none, FIRST_TT20, "knc25.leader.commendation") is NOT_MET


@pytest.mark.parametrize(
    ("field", "condition"),
    [
        ("movement_achievements", "leader.achievements"),
        ("unit_no_social_evil_hotspot", "leader.no-hotspot"),
        ("unit_no_serious_incident", "leader.no-serious-incident"),
    ],
)
@pytest.mark.parametrize("prefix", ["knc21", "knc25"])
def test_leader_judgements(field: str, condition: str, prefix: str) -> None:
    on = LAST_TT11 if prefix == "knc21" else FIRST_TT20
    person = leader("2010-01-01")
    assert outcome(person, on, f"{prefix}.{condition}") is MET
    assert outcome(changed(person, **{field: False}), on, f"{prefix}.{condition}") is NOT_MET
    missing = knc_eligibility(changed(person, **{field: None}), on).result(f"{prefix}.{condition}")
    assert missing.outcome is UNKNOWN and missing.missing == (field,)


def test_unknown_facts_of_the_common_conditions_and_categories() -> None:
    unknown = clean(discipline=None, disqualifications=None, leadership=None)
    tt11 = knc_eligibility(unknown, LAST_TT11)
    assert tt11.result("knc21.discipline").outcome is UNKNOWN
    assert tt11.result("knc21.exclusions").outcome is UNKNOWN
    assert tt11.result("knc21.leader.category").outcome is UNKNOWN
    tt20 = knc_eligibility(unknown, FIRST_TT20)
    assert tt20.result("knc25.exclusions").missing == ("disqualifications",)
    assert tt20.result("knc25.leader.category").outcome is UNKNOWN
    assert knc_eligibility(clean(), FIRST_TT20).result("knc25.leader.category").outcome is NOT_MET


def test_team_rating_judgement() -> None:
    person = team_member("2000-01-01")
    assert outcome(person, FIRST_TT20, "knc25.team.rating") is MET
    assert (
        outcome(attrs.evolve(person, rated_well_throughout=False), FIRST_TT20, "knc25.team.rating")
        is NOT_MET
    )
    assert (
        outcome(attrs.evolve(person, rated_well_throughout=None), FIRST_TT20, "knc25.team.rating")
        is UNKNOWN
    )


# --- three-valued logic, results, input ------------------------------------------------------------


def test_either_route_is_enough() -> None:
    both = team_member("2000-01-01", leadership=(lead("2019-01-01"),))
    answer = knc_eligibility(both, FIRST_TT20)
    assert answer.route("leader").outcome is NOT_MET and answer.route("team").outcome is MET
    assert answer.outcome is MET


def test_nothing_known_is_unknown_never_met() -> None:
    answer = knc_eligibility(KncCandidate(id="X"), FIRST_TT20)
    assert answer.outcome is UNKNOWN
    assert {r.outcome for r in answer.all_results()} == {UNKNOWN}
    assert "already_awarded" in answer.missing_inputs


FIELDS = [
    "sex",
    "service",
    "leadership",
    "commendations",
    "movement_achievements",
    "unit_no_social_evil_hotspot",
    "unit_no_serious_incident",
    "rated_well_throughout",
    "already_awarded",
    "cand_service_awards",
    "disqualifications",
    "pending",
    "discipline",
]


@settings(max_examples=80, deadline=None)
@given(
    forgotten=st.sets(st.sampled_from(FIELDS)),
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2020, 12, 31)),
    on=st.sampled_from([LAST_TT11, FIRST_TT20, date(2026, 3, 1)]),
)
def test_forgetting_facts_never_turns_a_decision_around(
    forgotten: set[str], start: date, on: date
) -> None:
    full = team_member(start.isoformat(), leadership=(lead(start.isoformat()),))
    known = knc_eligibility(full, on)
    partial = knc_eligibility(changed(full, **dict.fromkeys(forgotten)), on)
    assert partial.outcome in (known.outcome, UNKNOWN)
    for before, after in zip(known.all_results(), partial.all_results(), strict=True):
        assert after.outcome in (before.outcome, UNKNOWN, NA) or before.outcome is NA


def test_answers_round_trip_through_json() -> None:
    answer = knc_eligibility(
        team_member("2010-01-01", discipline=(span("2011-01-01", "2011-06-30"),)), FIRST_TT20
    )
    data = json.loads(json.dumps(answer.to_json(texts=("vi", "en"))))
    assert Eligibility.from_json(data) == answer
    assert data["outcome"] == answer.outcome.code == "not_met"  # counted from 01/07/2011
    data["outcome"] = "met"
    with pytest.raises(InputError, match=r"eligibility\.outcome"):
        Eligibility.from_json(data)


def test_explain_lists_every_condition_with_its_citation() -> None:
    answer = knc_eligibility(team_member("2005-01-01"), LAST_TT11)
    text = answer.explain("en")
    assert text.splitlines()[0].endswith(": MET")
    assert text.count("\n    - ") + text.count("\n  - ") == len(list(answer.all_results()))
    assert "Article 4(1), Circular 11/2021/TT-BCA" in text
    assert "Điều 4 khoản 1 Thông tư 11/2021/TT-BCA" in answer.explain("vi")


def test_entities_validate_their_dates() -> None:
    with pytest.raises(InputError, match=r"ServicePeriod.start"):
        serve(ServiceRole.TEAM_MEMBER, "2024-06-30")
    with pytest.raises(InputError, match=r"ServicePeriod.end"):
        serve(ServiceRole.STREET_GUARD, "2020-01-01", "2024-07-01")
    with pytest.raises(InputError, match=r"ServicePeriod.end"):
        serve(ServiceRole.PART_TIME_COMMUNE_POLICE, "2020-01-01", "2019-12-31")
    with pytest.raises(InputError, match=r"KncCandidate.service\[0\]"):
        KncCandidate(id="X", service=("2020",))  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"KncCandidate\.already_awarded"):
        KncCandidate(id="X", already_awarded=1)  # type: ignore[arg-type]


def test_reading_a_knc_entry_names_every_bad_path() -> None:
    good = {
        "id": "P",
        "proposed_on": "2025-05-01",
        "sex": "female",
        "service": [{"role": "team_member", "start": "2024-07-01", "area": "island"}],
        "discipline": [{"start": "2020-01-01", "end": "2020-12-31"}],
        "pending": [],
    }
    candidate, on = read_knc_request(good, "knc[0]")
    assert on == date(2025, 5, 1) and candidate.service is not None
    assert candidate.service[0].area is AreaType.ISLAND and candidate.leadership is None
    cases: list[tuple[dict[str, Any], str]] = [
        ({"proposed_on": "01/05/2025"}, "knc[0].proposed_on"),
        ({"servce": []}, "knc[0].servce"),
        ({"service": [{"role": "team_member", "start": "2024-06-01"}]}, r"knc[0].service[0].start"),
        ({"service": [{"role": "guard", "start": "2020-01-01"}]}, r"knc[0].service[0].role"),
        (
            {"discipline": [{"start": "2020-02-01", "end": "2020-01-01"}]},
            "knc[0].discipline[0].end",
        ),
        ({"pending": ["complaint"]}, "knc[0].pending[0]"),
        ({"already_awarded": "no"}, "knc[0].already_awarded"),
        ({"sex": "m"}, "knc[0].sex"),
    ]
    for change, path in cases:
        with pytest.raises(InputError) as caught:
            read_knc_request({**good, **change}, "knc[0]")
        assert caught.value.path == path, (change, caught.value)


def test_every_condition_is_in_the_catalogue() -> None:
    ids = {(e.rules.id, e.condition.id) for e in award_catalogue()}
    for rules in (KNC_TT11, KNC_TT20):
        answer = knc_eligibility(KncCandidate(id="X"), rules.valid_from or FIRST_TT20, rules=rules)
        assert {(rules.id, r.criterion_id) for r in answer.all_results()} <= ids
    parameters = {
        p["name"]: p["value"] for e in award_catalogue() for p in e.to_json()["parameters"]
    }
    assert parameters == {
        "knc21_team_service": None,
        "knc21_discipline_restart": None,
        "knc25_commendation_level": None,
        "knc25_agency_guard_service": None,
        "law06_mixed_initiatives": None,
    }


def test_the_medal_rules_are_bounded_by_their_circulars() -> None:
    # Rule R1: TT 11/2021 was signed on 26/01/2021; nothing governs an earlier proposal.
    with pytest.raises(RuleSetNotFound, match="antq covers proposals from 2021-01-26"):
        select_knc_rules(d("2021-01-25"))
    assert select_knc_rules(d("2021-01-26")) is KNC_TT11
    # Even pinned, TT 20/2025 (signed 14/03/2025) cannot govern a proposal made before it.
    with pytest.raises(RuleSetNotFound, match=r"before 20/2025/TT-BCA was signed \(2025-03-14\)"):
        knc_eligibility(clean(), d("2025-03-13"), rules=KNC_TT20)
    assert knc_eligibility(clean(), d("2025-03-14"), rules=KNC_TT20).rule_set == "knc.tt20-2025"
