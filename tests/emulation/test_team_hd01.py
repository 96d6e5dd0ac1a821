"""Hướng dẫn 01/HD-BCA-V05 as the addendum gives it (§2.2, §4.4): the 2026 bound, the cap of
20 percent of those rated good for teams and members, and the seven criteria of an excellent team."""

from __future__ import annotations

import io
import json
from datetime import date

import attrs
import pytest

from antq import TaskGrade, TeamRole
from antq.cli import EXIT_INPUT, EXIT_OK, main
from antq.core.outcome import Outcome
from antq.emulation import (
    CapBase,
    CapScope,
    ExcellentTeamFacts,
    MemberProposal,
    RatingStatus,
    TeamCap,
    TeamProposal,
    excellent_team_checklist,
    rate_teams,
    team_catalogue,
)
from antq.emulation.team_checklist import CHECKLIST
from antq.errors import InputError, RuleSetNotFound
from tests.emulation.test_teams import ALL_MET as TEAMS_ALL_MET

EX, GOOD = TaskGrade.HOAN_THANH_XUAT_SAC, TaskGrade.HOAN_THANH_TOT
# The seven criteria all met, with 95.04% of the tasks done (just over 95%).
ALL_MET = attrs.evolve(TEAMS_ALL_MET, tasks_assigned=10_000, tasks_done=9_504)


def team(tid: str, grade: TaskGrade, criteria: ExcellentTeamFacts | None = ALL_MET) -> TeamProposal:
    return TeamProposal(
        team_id=tid,
        commune="X",
        proposed=grade,
        active_from=date(2025, 1, 1),
        under_complaint=False,
        excellent_criteria=criteria if grade is EX else None,
    )


# --- the 2026 bound -------------------------------------------------------------------------


def test_no_team_rating_before_the_2026_rating_year() -> None:
    with pytest.raises(
        RuleSetNotFound, match="no team-rating rule existed for the 2025 rating year"
    ):
        rate_teams([team("A", GOOD)], year=2025)
    (first,) = rate_teams([team("A", GOOD)], year=2026)
    assert str(first.period) == "2025-11-15/2026-11-14"
    assert len(first.notices) == 1
    assert "signed by 14/11/2026" in first.notices[0].render("en")
    assert "! Hướng dẫn 01/HD-BCA-V05 ban hành năm 2026" in first.explain("vi")
    (later,) = rate_teams([team("A", GOOD)], year=2027)
    assert later.notices == ()
    with pytest.raises(InputError, match="expected a rating year"):
        rate_teams([team("A", GOOD)], year="2026")  # type: ignore[arg-type]


def test_the_team_catalogue_is_empty_before_2026_and_the_cli_says_so() -> None:
    assert team_catalogue(as_of=date(2025, 12, 31)) == ()
    assert team_catalogue(as_of=date(2026, 1, 1)) == team_catalogue()
    out, err = io.StringIO(), io.StringIO()
    code = main(["rules", "--section", "teams", "--as-of", "2025-12-31"], out=out, err=err)
    assert code == EXIT_INPUT
    assert "teams from 2026-01-01 to no end date" in err.getvalue()
    out = io.StringIO()
    code = main(
        ["rules", "--section", "teams", "--as-of", "2026-01-01", "--format", "json"], out=out
    )
    assert code == EXIT_OK
    assert {e["id"] for e in json.loads(out.getvalue())} >= {"hd01.cap", "hd01.excellent.7"}


# --- the cap: 5 x excellent <= good ----------------------------------------------------------


@pytest.mark.parametrize(("good", "allowed"), [(4, 0), (5, 1), (9, 1), (10, 2), (14, 2), (15, 3)])
def test_the_cap_is_the_integer_test_on_those_rated_good(good: int, allowed: int) -> None:
    teams = [team(f"G{i:02}", GOOD) for i in range(good)]
    teams += [team(f"E{i}", EX) for i in range(5)]
    (result,) = rate_teams(teams, year=2026, cap=TeamCap(base=CapBase.PROPOSED_GOOD))
    assert result.allowed == allowed
    assert 5 * result.count(EX) <= good


def test_at_least_one_is_an_option_off_by_default() -> None:
    teams = [team("G1", GOOD), team("G2", GOOD), team("E1", EX)]
    (strict,) = rate_teams(teams, year=2026)
    assert strict.count(EX) == 0
    (lenient,) = rate_teams(teams, year=2026, cap=TeamCap(at_least_one=True))
    assert lenient.count(EX) == 1
    with pytest.raises(InputError, match="at_least_one"):
        TeamCap(at_least_one="yes")  # type: ignore[arg-type]


def test_the_member_cap_applies_by_default_and_states_its_rounding() -> None:
    members = [
        MemberProposal(
            person_id=f"m{i}",
            team_id="G1",
            role=TeamRole.TO_VIEN,
            proposed=EX if i < 2 else GOOD,
            active_from=date(2025, 1, 1),
            under_complaint=False,
            merit=i,
        )
        for i in range(6)
    ]
    (result,) = rate_teams([team("G1", GOOD)], members, year=2026)
    grades = [m.grade for m in result.members]
    assert grades.count(EX) == 1  # 4 good + 1 lowered = 5 good: one excellent
    lowered = result.member("m0")
    assert lowered.grade is GOOD and lowered.lowered
    assert "round down" in lowered.explain("en")


# --- the seven criteria -----------------------------------------------------------------------


def test_every_criterion_met_is_met() -> None:
    checklist = excellent_team_checklist(ALL_MET)
    assert checklist.outcome is Outcome.MET
    assert [r.item.number for r in checklist.results] == [1, 2, 3, 4, 5, 6, 7]
    assert checklist.failing() == () and checklist.undecided() == ()
    assert "9.504/10.000" in checklist.explain("vi") or "9504/10000" in checklist.explain("vi")


@pytest.mark.parametrize(
    ("change", "failing"),
    [
        ({"tasks_carried_out": False}, (1,)),
        ({"meetings_and_reports": False}, (2,)),
        ({"members_prohibited_acts": 1}, (3,)),
        ({"members_removed": 1}, (3,)),
        ({"members_not_completed": 2}, (3,)),
        ({"discipline_and_training": False}, (4,)),
        ({"tasks_done": 9_500}, (5,)),  # exactly 95%: "more than" is strict
        ({"coordination": False}, (6,)),
        ({"area_article_4_4": Outcome.NOT_MET}, (7,)),
        ({"tasks_carried_out": False, "coordination": False}, (1, 6)),
    ],
)
def test_each_failing_criterion_is_named(
    change: dict[str, object], failing: tuple[int, ...]
) -> None:
    checklist = excellent_team_checklist(attrs.evolve(ALL_MET, **change))
    assert checklist.outcome is Outcome.NOT_MET
    assert checklist.failing() == failing


def test_the_95_percent_boundary() -> None:
    for done, outcome in ((9_501, Outcome.MET), (9_500, Outcome.NOT_MET), (96, Outcome.MET)):
        assigned = 100 if done < 1000 else 10_000
        facts = attrs.evolve(ALL_MET, tasks_assigned=assigned, tasks_done=done)
        assert excellent_team_checklist(facts).results[4].outcome is outcome, done
    empty = attrs.evolve(ALL_MET, tasks_assigned=0, tasks_done=0)
    assert excellent_team_checklist(empty).results[4].outcome is Outcome.UNKNOWN


def test_a_missing_fact_is_unknown_never_met() -> None:
    checklist = excellent_team_checklist(ExcellentTeamFacts())
    assert checklist.outcome is Outcome.UNKNOWN
    assert checklist.undecided() == (1, 2, 3, 4, 5, 6, 7)
    assert "excellent_criteria.tasks_done" in checklist.missing()
    # One failing item decides NOT_MET even while others are unknown.
    partial = ExcellentTeamFacts(members_removed=1)
    assert excellent_team_checklist(partial).outcome is Outcome.NOT_MET
    assert "?" in excellent_team_checklist(partial).results[2].reason.render("en")
    unknown_area = attrs.evolve(ALL_MET, area_article_4_4="unknown")
    assert excellent_team_checklist(unknown_area).undecided() == (7,)


def test_bad_checklist_facts_name_the_field() -> None:
    with pytest.raises(InputError, match=r"excellent_criteria\.tasks_done"):
        ExcellentTeamFacts(tasks_assigned=5, tasks_done=6)
    with pytest.raises(InputError, match=r"excellent_criteria\.members_removed"):
        ExcellentTeamFacts(members_removed=-1)
    with pytest.raises(InputError, match=r"excellent_criteria\.coordination"):
        ExcellentTeamFacts(coordination="yes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"excellent_criteria\.area_article_4_4"):
        ExcellentTeamFacts(area_article_4_4=Outcome.NOT_APPLICABLE)
    with pytest.raises(InputError, match="excellent_criteria"):
        excellent_team_checklist({"coordination": True})  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"A\.excellent_criteria"):
        TeamProposal(
            team_id="A",
            commune="X",
            proposed=EX,
            active_from=None,
            under_complaint=None,
            excellent_criteria={"coordination": True},  # type: ignore[arg-type]
        )


def test_rate_teams_applies_the_checklist_before_the_cap() -> None:
    failing = attrs.evolve(ALL_MET, coordination=False)
    teams = [team(f"G{i}", GOOD) for i in range(5)]
    teams += [team("E-fail", EX, failing), team("E-open", EX, None), team("E-ok", EX)]
    (result,) = rate_teams(teams, year=2026)
    fail = result.team("E-fail")
    assert fail.grade is GOOD and fail.lowered
    assert "criteria (6) of an excellent team are not met" in fail.explain("en")
    opened = result.team("E-open")
    assert opened.status is RatingStatus.UNKNOWN and opened.grade is None
    assert opened.missing == ("excellent_criteria",)
    # While one team's rating is unknown, the cap for the others cannot be checked.
    assert result.team("E-ok").grade is None and result.allowed is None
    (settled,) = rate_teams([t for t in teams if t.team_id != "E-open"], year=2026)
    assert settled.team("E-ok").grade is EX
    assert "the seven criteria of an excellent team all hold" in settled.team("E-ok").explain("en")
    assert settled.allowed == 1  # 6 good (5 + the lowered one)
    partly = attrs.evolve(ALL_MET, tasks_done=None)
    (undecided,) = rate_teams([team("E", EX, partly)], year=2026)
    assert undecided.team("E").missing == ("excellent_criteria.tasks_done",)


def test_the_catalogue_lists_the_seven_criteria() -> None:
    entries = {e.id: e for e in team_catalogue()}
    for item in CHECKLIST:
        entry = entries[f"hd01.excellent.{item.number}"]
        assert entry.title == item.title
    assert entries["hd01.excellent.5"].confirmation.code == "partial"


def test_the_checklist_as_json() -> None:
    data = excellent_team_checklist(attrs.evolve(ALL_MET, coordination=False)).to_json()
    assert data["outcome"] == "not_met"
    items = data["items"]
    assert isinstance(items, list) and len(items) == 7
    sixth = items[5]
    assert isinstance(sixth, dict)
    assert (sixth["item"], sixth["outcome"], sixth["confirmation"]) == (6, "not_met", "confirmed")


def _members(excellent: int, good: int) -> list[MemberProposal]:
    grades = [EX] * excellent + [GOOD] * good
    return [
        MemberProposal(
            person_id=f"m{i}",
            team_id="G1",
            role=TeamRole.TO_VIEN,
            proposed=grade,
            active_from=date(2025, 1, 1),
            under_complaint=False,
            merit=100 - i,
        )
        for i, grade in enumerate(grades)
    ]


def test_the_member_cap_can_count_teams_and_members_together() -> None:
    teams = [team(f"G{i}", GOOD) for i in range(1, 10)] + [team("E1", EX)]
    members = _members(2, 6)
    # Per kind (default): 6 members good allow 1 excellent member.
    (per_kind,) = rate_teams(teams, members, year=2026)
    assert sum(m.grade is EX for m in per_kind.members) == 1
    assert per_kind.to_json()["member_cap_scope"] == "per_kind"
    # Pooled: 9 teams + 7 members good = 16 allow 3 excellent in all; one team has one.
    (pooled,) = rate_teams(teams, members, year=2026, member_cap_scope=CapScope.POOLED)
    assert pooled.count(EX) == 1
    assert sum(m.grade is EX for m in pooled.members) == 2
    assert pooled.to_json()["member_cap_scope"] == "pooled"
    # With few teams the pooled count is the members' own plus what the teams leave over:
    # the team lowered by its own cap (1 good) adds 2 good, and 8 good allow one.
    (tight,) = rate_teams(
        [team("G1", GOOD), team("E1", EX)], members, year=2026, member_cap_scope=CapScope.POOLED
    )
    assert tight.count(EX) == 0
    assert sum(m.grade is EX for m in tight.members) == 1
    with pytest.raises(InputError, match="member_cap_scope"):
        rate_teams(teams, members, year=2026, member_cap_scope="pooled")  # type: ignore[arg-type]


def test_a_pooled_member_cap_waits_for_undecided_teams() -> None:
    teams = [team(f"G{i}", GOOD) for i in range(1, 10)] + [team("E-open", EX, None)]
    (result,) = rate_teams(teams, _members(1, 6), year=2026, member_cap_scope=CapScope.POOLED)
    assert result.member("m0").grade is None
    assert "E-open" in result.member("m0").explain("en")
