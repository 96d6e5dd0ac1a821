"""Team ratings (Hướng dẫn 01/HD-BCA-V05): exclusions, the cap on "excellent", the leader rule."""

from __future__ import annotations

import inspect
import io
import json
import random
from datetime import date, datetime
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antq import (
    AmbiguousDateError,
    InputError,
    MonthEndPolicy,
    SecurityOrderTeam,
    TaskGrade,
    TeamMembership,
    TeamRole,
)
from antq.cli import EXIT_OK, main
from antq.core.outcome import Outcome
from antq.emulation import (
    CapBase,
    ExcellentTeamFacts,
    MemberProposal,
    RatingStatus,
    Rounding,
    TeamCap,
    TeamProposal,
    rate_teams,
    team_catalogue,
)
from antq.emulation.teams import GUIDANCE, MIN_MONTHS

EX, GOOD, DONE, FAIL = (
    TaskGrade.HOAN_THANH_XUAT_SAC,
    TaskGrade.HOAN_THANH_TOT,
    TaskGrade.HOAN_THANH,
    TaskGrade.KHONG_HOAN_THANH,
)
LONG_AGO = date(2025, 7, 1)


#: The seven criteria of an excellent team, all met.
ALL_MET = ExcellentTeamFacts(
    tasks_carried_out=True,
    meetings_and_reports=True,
    members_prohibited_acts=0,
    members_removed=0,
    members_not_completed=0,
    discipline_and_training=True,
    tasks_assigned=100,
    tasks_done=96,
    coordination=True,
    area_article_4_4=Outcome.MET,
)


def team(tid: str, grade: TaskGrade | None, commune: str = "X1", **kw: object) -> TeamProposal:
    values: dict[str, object] = {"active_from": LONG_AGO, "under_complaint": False}
    if grade is EX:
        values["excellent_criteria"] = ALL_MET
    values.update(kw)
    return TeamProposal(team_id=tid, commune=commune, proposed=grade, **values)  # type: ignore[arg-type]


def commune(good: int, excellent: int, **kw: object) -> list[TeamProposal]:
    teams = [team(f"G{i:02}", GOOD) for i in range(good)]
    teams += [team(f"E{i:02}", EX, merit=i, **kw) for i in range(excellent)]  # type: ignore[arg-type]
    return teams


def rate(teams: list[TeamProposal], **kw: object) -> tuple[int, int, int | None]:
    (result,) = rate_teams(teams, year=2026, **kw)  # type: ignore[arg-type]
    return result.count(EX), result.count(GOOD), result.allowed


def test_the_rating_year_is_15_november_to_14_november() -> None:
    (result,) = rate_teams([team("A", GOOD)], year=2026)
    assert str(result.period) == "2025-11-15/2026-11-14"
    assert result.citation.render("en") == "Guidance 01/HD-BCA-V05"


# --- the cap on "excellent" -----------------------------------------------------------------


def test_cap_boundaries_with_floor() -> None:
    assert rate(commune(10, 2)) == (2, 10, 2)  # 100 x 2 <= 20 x 10
    assert rate(commune(10, 3)) == (2, 11, 2)  # one lowered; 11 good still allow only 2
    assert rate(commune(4, 1)) == (0, 5, 0)  # 20 percent of 4 or 5 is below 1
    assert rate(commune(5, 1)) == (1, 5, 1)
    assert rate(commune(9, 2)) == (1, 10, 1)  # 2 -> 9 good: 200 > 180; 1 -> 10 good: fine
    assert rate(commune(0, 3)) == (0, 3, 0)


def test_cap_rounding_and_base_are_configurable() -> None:
    assert rate(commune(4, 1), cap=TeamCap(rounding=Rounding.CEIL)) == (1, 4, 1)
    assert rate(commune(13, 3)) == (2, 14, 2)  # 3 of 13 good: 2.6 rounds down to 2
    assert rate(commune(13, 3), cap=TeamCap(rounding=Rounding.HALF_UP)) == (3, 13, 3)  # 2.6 -> 3
    assert rate(commune(12, 3), cap=TeamCap(rounding=Rounding.HALF_UP)) == (2, 13, 2)  # 2.4 -> 2
    # Final good (default) versus proposed good: 8 good and 4 proposals.
    assert rate(commune(8, 4)) == (2, 10, 2)  # 2 of 10 final good
    assert rate(commune(8, 4), cap=TeamCap(base=CapBase.PROPOSED_GOOD)) == (1, 11, 1)  # 1.6 -> 1
    assert rate(commune(8, 4), cap=TeamCap(base=CapBase.ALL_RATED)) == (
        2,
        10,
        2,
    )  # 20 percent of 12
    assert rate(commune(10, 3), cap=TeamCap(percent=30)) == (3, 10, 3)
    with pytest.raises(InputError):
        TeamCap(percent=20.0)  # type: ignore[arg-type]


def test_who_is_lowered_merit_then_priority_then_id() -> None:
    teams = [team(f"G{i}", GOOD) for i in range(10)]
    teams += [
        team("E-a", EX, merit=Fraction(97, 100)),
        team("E-b", EX, merit=Fraction(99, 100)),
        team("E-c", EX, merit=Fraction(97, 100), priority=1),
        team("E-d", EX),  # no merit: ranks last
    ]
    (result,) = rate_teams(teams, year=2026)
    grades = {t.team_id: t.grade for t in result.teams if t.team_id.startswith("E")}
    assert grades == {"E-a": GOOD, "E-b": EX, "E-c": EX, "E-d": GOOD}
    lowered = result.team("E-a")
    assert lowered.lowered and lowered.status is RatingStatus.RATED
    text = lowered.explain("en")
    assert (
        "lowered to completed tasks well: only 2 excellent allowed (20% of 12 rated good in the final result, round down), and it ranks 3"
        in text
    )
    assert "excellent kept" in result.team("E-b").explain("en")
    # The ties are broken the same whatever the input order.
    shuffled = list(teams)
    random.Random(7).shuffle(shuffled)
    assert rate_teams(shuffled, year=2026) == (result,)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 30),
    st.integers(0, 10),
    st.sampled_from(Rounding),
    st.sampled_from(CapBase),
    st.randoms(use_true_random=False),
)
def test_cap_always_holds_and_order_does_not_matter(
    good: int, excellent: int, rounding: Rounding, base: CapBase, rnd: random.Random
) -> None:
    teams = commune(good, excellent)
    cap = TeamCap(rounding=rounding, base=base)
    (result,) = rate_teams(teams, year=2026, cap=cap)
    shuffled = list(teams)
    rnd.shuffle(shuffled)
    assert rate_teams(shuffled, year=2026, cap=cap) == (result,)
    ex, final_good = result.count(EX), result.count(GOOD)
    assert ex + final_good == good + excellent and ex <= excellent
    counts = {
        CapBase.FINAL_GOOD: final_good,
        CapBase.PROPOSED_GOOD: good,
        CapBase.ALL_RATED: good + excellent,
    }
    from antq.emulation import apply_percent

    assert ex <= apply_percent(20, counts[base], rounding)
    assert ex == result.allowed
    if ex < excellent:  # one more would break the cap
        more = {
            CapBase.FINAL_GOOD: final_good - 1,
            CapBase.PROPOSED_GOOD: good,
            CapBase.ALL_RATED: good + excellent,
        }
        assert ex + 1 > apply_percent(20, more[base], rounding)


# --- exclusions -----------------------------------------------------------------------------


def test_nine_months_in_the_rating_year() -> None:
    teams = [
        team("exact", GOOD, active_from=date(2026, 2, 15)),  # 15/02 - 14/11: 9 months
        team("short", GOOD, active_from=date(2026, 2, 16)),
        team("gone", GOOD, active_to=date(2026, 8, 14)),  # 15/11/2025 - 14/08/2026: 9 months
        team("gone-early", GOOD, active_to=date(2026, 8, 13)),
        team("later", GOOD, active_from=date(2026, 12, 1)),
    ]
    (result,) = rate_teams(teams, year=2026)
    status = {t.team_id: t.status for t in result.teams}
    assert status == {
        "exact": RatingStatus.RATED,
        "short": RatingStatus.EXCLUDED,
        "gone": RatingStatus.RATED,
        "gone-early": RatingStatus.EXCLUDED,
        "later": RatingStatus.EXCLUDED,
    }
    assert "less than 9 months" in result.team("short").explain("en")
    assert result.team("short").grade is None
    assert "not active in the rating year" in result.team("later").explain("en")


def test_month_end_policy_is_explicit() -> None:
    late = team("m", GOOD, active_from=date(2025, 12, 31))
    (result,) = rate_teams([late], year=2026)  # 31/12/2025 + 9 months: 30/09/2026 with CLAMP
    assert result.team("m").status is RatingStatus.RATED
    with pytest.raises(AmbiguousDateError, match="no day 31"):
        rate_teams([late], year=2026, month_end=MonthEndPolicy.STRICT)


def test_complaints_and_missing_facts() -> None:
    teams = [
        team("A", EX, under_complaint=True),
        team("B", GOOD, under_complaint=None),
        team("C", GOOD, active_from=None),
        team("D", None),
        *[team(f"G{i}", GOOD) for i in range(10)],
        team("E", EX),
    ]
    (result,) = rate_teams(teams, year=2026)
    assert result.team("A").status is RatingStatus.EXCLUDED
    assert "complaint or denunciation" in result.team("A").explain("en")
    assert result.team("B").status is RatingStatus.UNKNOWN and result.team("B").missing == (
        "under_complaint",
    )
    assert result.team("C").missing == ("active_from",)
    assert result.team("D").missing == ("proposed",)
    # While B, C and D are unknown the cap cannot be checked: E's excellent is undecided.
    e = result.team("E")
    assert e.status is RatingStatus.RATED and e.grade is None
    assert "the cap depends on B, C, D" in e.explain("en")
    assert result.allowed is None
    assert "cannot be checked yet" in result.explain("en")


def test_communes_are_capped_separately() -> None:
    teams = [*commune(10, 2), team("Y-E", EX, commune="X2"), team("Y-G", GOOD, commune="X2")]
    first, second = rate_teams(teams, year=2026)
    assert (first.commune, first.count(EX)) == ("X1", 2)
    assert (second.commune, second.count(EX), second.count(GOOD)) == ("X2", 0, 2)


# --- the leader rule ----------------------------------------------------------------------


def member(
    pid: str, tid: str, role: TeamRole, grade: TaskGrade | None, **kw: object
) -> MemberProposal:
    values: dict[str, object] = {"active_from": LONG_AGO, "under_complaint": False}
    values.update(kw)
    return MemberProposal(person_id=pid, team_id=tid, role=role, proposed=grade, **values)  # type: ignore[arg-type]


def test_leader_cannot_be_above_the_team() -> None:
    teams = commune(4, 1)  # E00 is lowered to good by the cap
    members = [
        member("lead", "E00", TeamRole.TO_TRUONG, EX),
        member("deputy", "E00", TeamRole.TO_PHO, EX, in_charge=True),
        member("deputy2", "E00", TeamRole.TO_PHO, EX),
        member("new", "E00", TeamRole.TO_TRUONG, EX, newly_transferred=True),
        member("plain", "G00", TeamRole.TO_TRUONG, GOOD),
        member("weak", "G01", TeamRole.TO_TRUONG, DONE),
    ]
    # The member cap off, to see the leader rule alone.
    (result,) = rate_teams(teams, members, year=2026, member_cap=None)
    grades = {m.person_id: m.grade for m in result.members}
    assert grades == {
        "lead": GOOD,
        "deputy": GOOD,
        "deputy2": EX,
        "new": EX,
        "plain": GOOD,
        "weak": DONE,
    }
    assert result.member("lead").lowered
    assert "a team leader's grade cannot be above the team's" in result.member("lead").explain("en")
    assert "newly transferred" in result.member("new").explain("en")
    # With the member cap (the default), 3 members rated good allow no excellent member.
    (capped,) = rate_teams(teams, members, year=2026)
    assert capped.member("deputy2").grade is GOOD and capped.member("new").grade is GOOD


def test_leader_of_an_unrated_or_undecided_team() -> None:
    teams = [
        team("X", GOOD, under_complaint=True),
        team("Y", EX),
        team("Z", GOOD, under_complaint=None),
    ]
    members = [
        member("x-lead", "X", TeamRole.TO_TRUONG, EX),
        member("y-lead", "Y", TeamRole.TO_TRUONG, EX),
        member("y-lead2", "Y", TeamRole.TO_PHO, GOOD, in_charge=True),
        member("z-lead", "Z", TeamRole.TO_TRUONG, DONE),
        member("z-none", "Z", TeamRole.TO_TRUONG, FAIL),
    ]
    (result,) = rate_teams(teams, members, year=2026, member_cap=None)
    assert result.member("x-lead").grade is EX  # team not rated: nothing to compare with
    assert result.member("y-lead").grade is None  # the team's excellent is undecided
    assert result.member("y-lead2").grade is GOOD
    assert result.member("z-lead").grade is None  # the team's rating is unknown
    assert result.member("z-none").grade is FAIL


def test_members_excluded_and_the_member_cap_applied_by_default() -> None:
    teams = commune(5, 0)
    members = [member(f"m{i}", "G00", TeamRole.TO_VIEN, GOOD) for i in range(5)]
    members += [
        member("star", "G00", TeamRole.TO_VIEN, EX, merit=2),
        member("star2", "G00", TeamRole.TO_VIEN, EX, merit=1),
        member("late", "G00", TeamRole.TO_VIEN, EX, active_from=date(2026, 6, 1)),
    ]
    # The guidance caps "teams and team members": 5 members rated good allow one excellent.
    (capped,) = rate_teams(teams, members, year=2026)
    assert capped.member("late").status is RatingStatus.EXCLUDED
    assert capped.member("star").grade is EX and capped.member("star2").grade is GOOD
    assert capped.to_json()["member_cap"] == TeamCap().to_json()
    (plain,) = rate_teams(teams, members, year=2026, member_cap=None)
    assert plain.member("star2").grade is EX  # switched off by the caller
    assert plain.to_json()["member_cap"] is None


def test_bad_input_and_entity_helpers() -> None:
    with pytest.raises(InputError, match="duplicate team"):
        rate_teams([team("A", GOOD), team("A", EX)], year=2026)
    with pytest.raises(InputError, match="no such team"):
        rate_teams([team("A", GOOD)], [member("p", "B", TeamRole.TO_VIEN, GOOD)], year=2026)
    with pytest.raises(InputError):
        team("A", "excellent")  # type: ignore[arg-type]
    entity = SecurityOrderTeam(
        id="T1", commune_code="X9", area_ids=("KDC-1",), established_on=date(2024, 7, 1)
    )
    proposal = TeamProposal.from_team(entity, proposed=GOOD, under_complaint=False)
    membership = TeamMembership(
        person_id="P1", team_id="T1", role=TeamRole.TO_TRUONG, start=date(2026, 2, 1)
    )
    person = MemberProposal.from_membership(membership, proposed=EX, under_complaint=False)
    (result,) = rate_teams([proposal], [person], year=2026)
    assert result.commune == "X9"
    assert (
        result.member("P1").grade is GOOD
    )  # 01/02 - 14/11: rated, then lowered to the team's grade
    data = result.to_json(texts=("en",))
    assert data["cap"] == {
        "percent": "20",
        "rounding": "floor",
        "base": "final_good",
        "at_least_one": False,
    }
    assert data["teams"][0]["grade"] == "hoan_thanh_tot"
    assert data["members"][0]["lowered"] is True


# --- the catalogue --------------------------------------------------------------------------


def test_every_team_rule_is_in_the_catalogue_with_its_citation_and_status() -> None:
    entries = {e.id: e for e in team_catalogue()}
    assert {k: e.confirmation.code for k, e in entries.items()} == {
        "hd01.in-force": "confirmed",  # dated 2026 (addendum §2.1)
        "hd01.period": "confirmed",
        "hd01.grades": "confirmed",
        "hd01.exclusion.complaint": "confirmed",
        "hd01.exclusion.nine-months": "confirmed",
        "hd01.leader": "confirmed",
        **{f"hd01.excellent.{n}": "confirmed" for n in (1, 2, 3, 4, 6, 7)},
        "hd01.excellent.5": "partial",  # "more than" 95%: strictness from a translation
        "hd01.cap": "confirmed",  # 20% of those rated good (addendum §4.4)
        "hd01.member-cap": "confirmed",
    }
    assert all(e.citation == GUIDANCE for e in entries.values())
    assert "15 November" in entries["hd01.period"].title.render("en")
    assert f"{MIN_MONTHS} months" in entries["hd01.exclusion.nine-months"].title.render("en")
    assert "20 percent" in entries["hd01.cap"].title.render("en")
    # The defaults the catalogue names are the ones rate_teams uses.
    settings = {s.name: s for e in entries.values() for s in e.settings}
    assert settings["rounding"].default == TeamCap().rounding.code
    assert settings["base"].default == TeamCap().base.code
    month_end = inspect.signature(rate_teams).parameters["month_end"].default
    assert settings["month_end"].default == month_end.code
    assert settings["base"].choices == ("final_good", "proposed_good", "all_rated")
    data = entries["hd01.cap"].to_json()
    assert data["rule_set"] == "hd01.teams" and data["instrument"] == "01/HD-BCA-V05"
    assert data["citation"] == {"vi": "Hướng dẫn 01/HD-BCA-V05", "en": "Guidance 01/HD-BCA-V05"}
    assert data["note"] is not None and "5 × excellent ≤ good" in data["note"]["en"]
    assert "not from the text" in CapBase.ALL_RATED.label("en")
    text = entries["hd01.cap"].render("vi")
    assert text.startswith("hd01.cap  [đã xác nhận]")
    assert "setting rounding = floor (floor, ceil, half_up)" in text


def test_antq_rules_lists_the_team_rules() -> None:
    out = io.StringIO()
    assert main(["rules", "--section", "teams", "--format", "json"], out=out) == EXIT_OK
    listed = json.loads(out.getvalue())
    assert [e["id"] for e in listed] == [e.id for e in team_catalogue()]
    everything = io.StringIO()
    assert main(["rules", "--format", "json"], out=everything) == EXIT_OK
    assert {e.id for e in team_catalogue()} <= {e["id"] for e in json.loads(everything.getvalue())}
    only_safety = io.StringIO()
    assert main(["rules", "--kind", "commune", "--format", "json"], out=only_safety) == EXIT_OK
    assert not any(e["id"].startswith("hd01.") for e in json.loads(only_safety.getvalue()))


# --- proposals of the wrong shape -------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"team_id": " "}, "TeamProposal.team_id"),
        ({"commune": 5}, "TeamProposal.commune"),
        ({"under_complaint": "no"}, "under_complaint"),
        ({"active_from": datetime(2025, 7, 1, 8)}, "A.active_from"),
        ({"merit": 1.5}, "merit"),
        ({"priority": True}, "A.priority"),
        ({"proposed": "xuat_sac"}, "proposed"),
    ],
)
def test_a_team_proposal_of_the_wrong_shape_is_an_input_error(
    changes: dict[str, object], path: str
) -> None:
    values: dict[str, object] = {"team_id": "A", "commune": "X1", "proposed": GOOD}
    values.update({"active_from": LONG_AGO, "under_complaint": False, **changes})
    with pytest.raises(InputError) as raised:
        TeamProposal(**values)  # type: ignore[arg-type]
    assert raised.value.path == path


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"person_id": ""}, "MemberProposal.person_id"),
        ({"role": "to_truong"}, "P.role"),
        ({"active_to": "2026-01-01"}, "P.active_to"),
    ],
)
def test_a_member_proposal_of_the_wrong_shape_is_an_input_error(
    changes: dict[str, object], path: str
) -> None:
    values: dict[str, object] = {"person_id": "P", "team_id": "A", "role": TeamRole.TO_VIEN}
    values.update({"proposed": GOOD, "active_from": LONG_AGO, "under_complaint": False, **changes})
    with pytest.raises(InputError) as raised:
        MemberProposal(**values)  # type: ignore[arg-type]
    assert raised.value.path == path


def test_rate_teams_refuses_what_is_not_a_proposal_and_a_member_twice() -> None:
    member = MemberProposal(
        person_id="P",
        team_id="A",
        role=TeamRole.TO_VIEN,
        proposed=GOOD,
        active_from=LONG_AGO,
        under_complaint=False,
    )
    with pytest.raises(InputError, match="expected a TeamProposal"):
        rate_teams(["A"], year=2026)  # type: ignore[list-item]
    with pytest.raises(InputError, match="expected a MemberProposal"):
        rate_teams([team("A", GOOD)], year=2026, members=["P"])  # type: ignore[list-item]
    with pytest.raises(InputError, match="duplicate member"):
        rate_teams([team("A", GOOD)], year=2026, members=[member, member])
