"""The ``teams`` section of the document: read by antq's serialiser, rated by ``rate_teams``."""

from __future__ import annotations

import copy
import json
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antq.core.outcome import Outcome
from antq.core.periods import MonthEndPolicy
from antq.emulation.team_checklist import ExcellentTeamFacts
from antq.emulation.team_reader import (
    LISTS,
    SETTINGS,
    rate_section,
    read_teams,
    read_teams_document,
    read_teams_file,
)
from antq.emulation.teams import (
    CapBase,
    CapScope,
    MemberProposal,
    RatingStatus,
    TeamCap,
    TeamProposal,
    rate_teams,
)
from antq.entities.forces import TeamRole
from antq.entities.grades import TaskGrade
from antq.io.schema import facts_schema

EXCELLENT, GOOD = "hoan_thanh_xuat_sac", "hoan_thanh_tot"
CRITERIA: dict[str, Any] = {
    "tasks_carried_out": True,
    "meetings_and_reports": True,
    "members_prohibited_acts": 0,
    "members_removed": 0,
    "members_not_completed": 0,
    "discipline_and_training": True,
    "tasks_assigned": 200,
    "tasks_done": 196,
    "coordination": True,
    "area_article_4_4": "met",
}


def team(
    team_id: str, commune: str = "X0001", proposed: str | None = GOOD, **more: Any
) -> dict[str, Any]:
    return {
        "team": team_id,
        "commune": commune,
        "proposed": proposed,
        "active_from": "2024-03-01",
        "under_complaint": False,
        **more,
    }


def member(person: str, team_id: str, role: str = "to_vien", **more: Any) -> dict[str, Any]:
    return {
        "person": person,
        "team": team_id,
        "role": role,
        "proposed": GOOD,
        "active_from": "2024-03-01",
        "under_complaint": False,
        **more,
    }


def section(**more: Any) -> dict[str, Any]:
    """Two communes: X0001 with an excellent proposal among five good teams, X0002 with one team."""
    teams = [team("T-01", proposed=EXCELLENT, merit="0.98", excellent_criteria=dict(CRITERIA))]
    teams += [team(f"T-0{i}") for i in range(2, 7)]
    teams.append(team("T-07", "X0002", name="Tổ 7"))
    members = [member("P-01", "T-01", "to_truong", proposed=EXCELLENT), member("P-02", "T-02")]
    return {"year": 2026, "teams": teams, "members": members, **more}


def errors_of(data: object) -> list[str]:
    return [str(e) for e in read_teams(data).errors]


def test_a_section_is_rated_as_the_same_proposals_built_in_python() -> None:
    read = read_teams(section())
    assert read.errors == ()
    criteria = ExcellentTeamFacts(**{**CRITERIA, "area_article_4_4": Outcome.MET})
    built = [
        TeamProposal(
            team_id="T-01",
            commune="X0001",
            proposed=TaskGrade.HOAN_THANH_XUAT_SAC,
            active_from=date(2024, 3, 1),
            under_complaint=False,
            merit=Fraction(98, 100),
            excellent_criteria=criteria,
        ),
        *(
            TeamProposal(
                team_id=f"T-0{i}",
                commune="X0001",
                proposed=TaskGrade.HOAN_THANH_TOT,
                active_from=date(2024, 3, 1),
                under_complaint=False,
            )
            for i in range(2, 7)
        ),
        TeamProposal(
            team_id="T-07",
            commune="X0002",
            name="Tổ 7",
            proposed=TaskGrade.HOAN_THANH_TOT,
            active_from=date(2024, 3, 1),
            under_complaint=False,
        ),
    ]
    people = [
        MemberProposal(
            person_id="P-01",
            team_id="T-01",
            role=TeamRole.TO_TRUONG,
            proposed=TaskGrade.HOAN_THANH_XUAT_SAC,
            active_from=date(2024, 3, 1),
            under_complaint=False,
        ),
        MemberProposal(
            person_id="P-02",
            team_id="T-02",
            role=TeamRole.TO_VIEN,
            proposed=TaskGrade.HOAN_THANH_TOT,
            active_from=date(2024, 3, 1),
            under_complaint=False,
        ),
    ]
    assert read.teams == tuple(built)
    assert read.members == tuple(people)
    rated = rate_section(read)
    assert rated.errors == ()
    assert rated.ratings == rate_teams(built, people, year=2026)
    first, second = rated.ratings
    # 5 good allow one excellent (5 * 1 <= 5): T-01 keeps it.
    assert (first.commune, first.allowed, first.team("T-01").grade) == (
        "X0001",
        1,
        TaskGrade.HOAN_THANH_XUAT_SAC,
    )
    assert second.team("T-07").name == "Tổ 7"


def test_the_cap_lowers_the_excellent_team_at_the_boundary() -> None:
    data = section()
    del data["teams"][5]  # four good left: 20 percent of 4 is 0 excellent
    rated = rate_section(read_teams(data))
    first = rated.ratings[0]
    assert first.allowed == 0
    assert first.team("T-01").grade is TaskGrade.HOAN_THANH_TOT
    assert first.team("T-01").lowered


def test_the_stated_choices_are_read() -> None:
    data = section(
        cap={"percent": "25", "rounding": "ceil", "base": "proposed_good", "at_least_one": True},
        member_cap=None,
        member_cap_scope="pooled",
        month_end="clamp",
    )
    read = read_teams(data)
    assert read.errors == ()
    assert read.cap == TeamCap(
        percent=Fraction(25),
        rounding=read.cap.rounding,
        base=CapBase.PROPOSED_GOOD,
        at_least_one=True,
    )
    assert read.cap.rounding.code == "ceil"
    assert read.member_cap is None
    assert read.member_cap_scope is CapScope.POOLED
    assert read.month_end is MonthEndPolicy.CLAMP
    assert rate_section(read).ratings[0].member_cap is None


def test_left_out_choices_are_the_guidance_s() -> None:
    read = read_teams(section())
    assert read.cap == TeamCap()
    assert read.member_cap == TeamCap()
    assert read.member_cap_scope is CapScope.PER_KIND


def test_an_unknown_fact_leaves_the_team_undecided_never_rated() -> None:
    data = section()
    data["teams"][1]["under_complaint"] = None
    rating = rate_section(read_teams(data)).ratings[0]
    assert rating.team("T-02").status is RatingStatus.UNKNOWN
    assert rating.team("T-02").grade is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["teams"][1].update(proposed="gioi"),
            "teams.teams[1].proposed: unknown TaskGrade code",
        ),
        (lambda d: d["teams"][1].update(colour="red"), "teams.teams[1].colour: unknown key"),
        (
            lambda d: d["teams"][1].pop("under_complaint"),
            "teams.teams[1].under_complaint: is required",
        ),
        (
            lambda d: d["teams"][1].update(merit=0.5),
            "teams.teams[1].merit: expected merit as a whole number",
        ),
        (lambda d: d["teams"][1].update(active_from="2025-02-30"), "teams.teams[1].active_from:"),
        (
            lambda d: d["teams"][0]["excellent_criteria"].update(tasks_done=201),
            "teams.teams[0].excellent_criteria.tasks_done: more than the 200 tasks assigned",
        ),
        (
            lambda d: d["teams"][1].update(team=" "),
            "teams.teams[1].team: expected a non-empty string",
        ),
        (
            lambda d: d["members"][1].update(role="chief"),
            "teams.members[1].role: unknown TeamRole code",
        ),
        (
            lambda d: d["members"][1].update(team="T-99"),
            "teams.members[1].team: no such team among the teams of the document",
        ),
        (
            lambda d: d["teams"].append(team("T-02")),
            "teams.teams[7].team: a second team with this id",
        ),
        (
            lambda d: d["members"].append(member("P-02", "T-03")),
            "teams.members[2].person: a second member",
        ),
        (
            lambda d: d.update(cap={"percent": 120}),
            "teams.cap.percent: must be a percentage from 0 to 100",
        ),
        (lambda d: d.update(cap={"share": 20}), "teams.cap.share: unknown key"),
        (
            lambda d: d.update(member_cap_scope="all"),
            "teams.member_cap_scope: unknown CapScope code",
        ),
        (
            lambda d: d.update(year=2025),
            "teams.year: no team-rating rule existed for this rating year",
        ),
        (lambda d: d.pop("year"), "teams.year: is required"),
        (lambda d: d.update(year="2026"), "teams.year: expected a whole number"),
        (lambda d: d.update(teams={"T-01": {}}), "teams.teams: expected a list"),
        (lambda d: d.update(notes="x"), "teams.notes: unknown key"),
    ],
)
def test_each_bad_value_is_named_by_its_path(change: Any, expected: str) -> None:
    data = section()
    change(data)
    found = errors_of(data)
    assert found, "no error"
    # The first error is the bad value's; a member of a team that could not be read is named too.
    assert found[0].startswith(expected), found
    assert all("no such team" in later for later in found[1:]), found


def test_a_section_that_is_not_an_object() -> None:
    assert errors_of([1, 2]) == ["teams: expected an object with teams and members (got [1, 2])"]
    assert rate_section(read_teams([1, 2])).ratings == ()


def test_a_commune_that_lost_a_team_is_not_rated_and_the_others_are() -> None:
    data = section()
    data["teams"][6]["proposed"] = "gioi"  # T-07, the only team of X0002
    rated = rate_section(read_teams(data))
    assert [r.commune for r in rated.ratings] == ["X0001"]
    assert [str(e) for e in rated.errors][-1] == (
        "teams: commune X0002 is not rated: one of its teams or members could not be read (got 'X0002')"
    )


def test_a_lost_member_loses_the_commune_of_its_team() -> None:
    data = section()
    data["members"][1]["proposed"] = "gioi"  # P-02 of T-02, in X0001
    rated = rate_section(read_teams(data))
    assert [r.commune for r in rated.ratings] == ["X0002"]


def test_a_lost_entry_that_does_not_say_its_commune_loses_every_commune() -> None:
    data = section()
    data["teams"].append({"team": "T-08", "proposed": GOOD})
    rated = rate_section(read_teams(data))
    assert rated.ratings == ()
    assert str(rated.errors[-1]).startswith("teams: no commune is rated")


def test_a_bad_setting_loses_every_commune() -> None:
    rated = rate_section(read_teams(section(month_end="sometimes")))
    assert rated.ratings == ()
    assert len(rated.errors) == 2


def test_the_document_section_and_its_place(tmp_path: Path) -> None:
    path = tmp_path / "teams.json"
    path.write_text(json.dumps({"antq": 2, "teams": section()}), encoding="utf-8")
    from_file, direct = read_teams_file(path), read_teams(section())
    assert (from_file.teams, from_file.members, from_file.errors) == (
        direct.teams,
        direct.members,
        (),
    )
    missing = read_teams_document({"antq": 2, "units": []})
    assert missing.all_lost
    assert str(missing.errors[0]).startswith("teams: the document has no 'teams' section")
    old = read_teams_document({"antq": 3, "teams": section()})
    assert old.teams == () and old.errors


def test_the_schema_lists_exactly_the_keys_the_reader_takes() -> None:
    schema = facts_schema()
    teams = schema["properties"]["teams"]
    assert set(teams["properties"]) == {*SETTINGS, *LISTS}
    document = {"antq": 2, "teams": section(member_cap=None, cap={"percent": 20})}
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    keys = set(teams["properties"]["teams"]["items"]["properties"])
    for key in keys:
        assert not read_teams(
            {"year": 2026, "teams": [team("T", **{key: None})]}
        ).errors or key in {
            "team",
            "commune",
            "priority",
        }
    assert "colour" not in keys


@settings(max_examples=25, deadline=None)
@given(st.permutations(list(range(7))), st.data())
def test_the_order_of_the_entries_does_not_matter(order: list[int], data: st.DataObject) -> None:
    base = section()
    shuffled = copy.deepcopy(base)
    shuffled["teams"] = [base["teams"][i] for i in order]
    shuffled["members"] = data.draw(st.permutations(base["members"]))
    assert rate_section(read_teams(shuffled)).ratings == rate_section(read_teams(base)).ratings


def test_merit_is_exact() -> None:
    data = section()
    data["teams"][1]["merit"] = 3
    data["teams"][2]["merit"] = "0.125"
    read = read_teams(data)
    assert (read.teams[1].merit, read.teams[2].merit) == (Fraction(3), Fraction(1, 8))
    assert attrs.evolve(read.teams[2], merit=None).merit is None
