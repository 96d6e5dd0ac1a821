"""A verdict, an award eligibility answer, a sheet score and a team rating are one family of
results: an outcome, the rules' results with reasons and citations, the missing inputs, the gap
to pass, ``explain`` in vi and en and JSON of the same shape as before."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import antq
from antq import Outcome, Result, RuleResult, TaskGrade, TeamRole, UnitFacts, UnitKind, explain
from antq.core.verdict import CriterionResult
from antq.emulation import (
    ExcellentTeamFacts,
    ItemResult,
    MemberProposal,
    ScoreResult,
    ScoringFacts,
    TeamProposal,
    TeamResult,
    load_sheet,
    rate_teams,
    read_scores_file,
    score,
    team_catalogue,
)
from antq.emulation.awards import KncCandidate, knc_eligibility
from antq.vocabulary import LANGS
from tests.emulation.test_teams import ALL_MET as TEAMS_ALL_MET

EX, GOOD = TaskGrade.HOAN_THANH_XUAT_SAC, TaskGrade.HOAN_THANH_TOT
SHEET = load_sheet("examples/example-sheet.toml")
# The seven criteria all met, every task done.
ALL_MET = attrs.evolve(TEAMS_ALL_MET, tasks_done=100)


def _team(
    tid: str, grade: TaskGrade, criteria: ExcellentTeamFacts | None = ALL_MET
) -> TeamProposal:
    return TeamProposal(
        team_id=tid,
        commune="X",
        proposed=grade,
        active_from=date(2025, 1, 1),
        under_complaint=False,
        excellent_criteria=criteria if grade is EX else None,
    )


def _verdict() -> antq.Verdict:
    facts = UnitFacts(
        unit_id="KDC-1",
        kind=UnitKind.RESIDENTIAL_AREA,
        year=2025,
        values={"registered_q1": False},
    )
    return antq.evaluate(facts)


def _eligibility() -> antq.Result:
    return knc_eligibility(KncCandidate(id="P1", sex=antq.Sex.FEMALE), date(2025, 4, 28))


def _score(values: dict[str, object]) -> antq.Result:
    facts = ScoringFacts(unit_id="X-1", kind=UnitKind.COMMUNE, year=2025, values=values)
    return score(SHEET, facts)


def _rating() -> antq.emulation.CommuneTeamRating:
    # Six teams proposed excellent, one failing a criterion; 5 good allow 1 excellent.
    teams = [
        _team("A", EX),
        _team("B", EX, attrs.evolve(ALL_MET, coordination=False)),
        _team("C", EX),
        *(_team(f"G{n}", GOOD) for n in range(3)),
    ]
    leader = MemberProposal(
        person_id="P-C",
        team_id="C",
        role=TeamRole.TO_TRUONG,
        proposed=EX,
        active_from=date(2025, 1, 1),
        under_complaint=False,
    )
    (rating,) = rate_teams(teams, [leader], year=2026)
    return rating


def _family() -> list[Result]:
    rating = _rating()
    return [_verdict(), _eligibility(), _score({}), rating.team("B"), rating.member("P-C")]


@pytest.mark.parametrize("result", _family(), ids=lambda r: type(r).__name__)
def test_each_result_is_of_the_family_and_explains_itself_in_vi_and_en(result: Result) -> None:
    assert isinstance(result, Result)
    assert isinstance(result.outcome, Outcome)
    parts = list(result.all_results())
    assert parts and all(isinstance(r, RuleResult) for r in parts)
    for part in parts:
        assert isinstance(part.outcome, Outcome)
        assert part.citation.render("vi") != part.citation.render("en")
        assert part.reason.render("vi") and part.reason.render("en")
    vi, en = explain(result, "vi"), explain(result, "en")
    assert vi == result.explain("vi") and en == result.explain("en")
    assert vi != en
    assert set(result.missing_inputs) >= {m for r in parts for m in r.missing}
    assert all(r.outcome is Outcome.NOT_MET for r in result.shortfall())


def test_a_verdict_falls_short_by_its_failed_criteria() -> None:
    verdict = _verdict()
    assert verdict.outcome is Outcome.NOT_MET
    assert verdict.shortfall() == verdict.with_outcome(Outcome.NOT_MET) != ()
    assert verdict.shortfall()[0].criterion_id == "tt124.residential-area.registration"


def test_an_eligibility_answer_is_short_only_where_no_route_is_met() -> None:
    answer = knc_eligibility(
        KncCandidate(id="P1", sex=antq.Sex.FEMALE, already_awarded=True), date(2025, 4, 28)
    )
    assert answer.outcome is Outcome.NOT_MET
    assert [r.criterion_id for r in answer.shortfall()] == ["knc25.once"]
    (once,) = answer.shortfall()
    for lang in LANGS:
        assert once.explain(lang) in explain(answer, lang)


def _example_scores() -> dict[str, ScoreResult]:
    units = read_scores_file("examples/scores-2025.json", SHEET).units
    return {u.unit_id: score(SHEET, u) for u in units}


def test_a_score_reaches_a_class_or_says_why_not() -> None:
    scores = _example_scores()
    assert _score({}).outcome is Outcome.UNKNOWN
    assert scores["X-DONG"].outcome is Outcome.MET
    # Known between bounds that fall in one band: the class, so MET, though inputs are missing.
    assert scores["X-BAC"].outcome is Outcome.MET
    assert scores["X-BAC"].missing_inputs == ("crimes_solved", "models_points")
    assert scores["X-TRUNG"].outcome is Outcome.UNKNOWN
    assert scores["X-TRUNG"].missing_inputs == ("safe_status",)
    # The gap: the items short of their full points (not their groups), and the vetoes that cap.
    dong = scores["X-DONG"]
    assert [r.criterion_id for r in dong.shortfall() if isinstance(r, CriterionResult)] == []
    short = [r for r in dong.shortfall() if isinstance(r, ItemResult)]
    assert [r.item_id for r in short] == ["2.1", "5.3"]
    assert all(r.points is not None and r.max_points and r.points < r.max_points for r in short)
    tay = [r for r in scores["X-TAY"].shortfall() if isinstance(r, CriterionResult)]
    assert [r.criterion_id for r in tay] == ["veto:not-safe"]


def test_a_veto_is_a_criterion_result_met_unless_it_caps_the_class() -> None:
    results = [r.as_result() for r in _example_scores()["X-TRUNG"].classification.vetoes]
    assert [(r.criterion_id, r.outcome) for r in results] == [
        ("veto:not-safe", Outcome.UNKNOWN),
        ("veto:serious-incident", Outcome.MET),
    ]
    assert results[0].missing == ("safe_status",)
    assert results[0] in list(_example_scores()["X-TRUNG"].all_results())


def test_a_team_rating_gives_each_reason_as_its_rules_result() -> None:
    rating = _rating()
    known = {e.id for e in team_catalogue()} | {"hd01.excellent"}
    for one in (*rating.teams, *rating.members):
        assert tuple(r.reason for r in one.results) == one.reasons
        assert {r.criterion_id for r in one.results} <= known
    lowered = rating.team("B")
    assert lowered.outcome is Outcome.NOT_MET
    assert [r.criterion_id for r in lowered.shortfall()] == ["hd01.excellent", "hd01.excellent.6"]
    kept = [t for t in rating.teams if t.proposed is EX and not t.lowered]
    assert len(kept) == 1 and kept[0].outcome is Outcome.MET
    capped = next(t for t in rating.teams if t.proposed is EX and t.lowered and t.team_id != "B")
    assert [r.criterion_id for r in capped.shortfall()] == ["hd01.cap"]
    good = rating.team("G0")
    assert good.outcome is Outcome.MET and good.shortfall() == ()
    # The rule results are written too, so that a rating is read back whole.
    assert good.to_json()["results"] == [r.to_json() for r in good.results]
    assert TeamResult.from_json(good.to_json()) == good


def test_an_excluded_team_is_not_applicable() -> None:
    late = attrs.evolve(_team("L", GOOD), active_from=date(2026, 6, 1))
    (rating,) = rate_teams([late], year=2026)
    (result,) = rating.teams
    assert result.outcome is Outcome.NOT_APPLICABLE
    (why,) = result.results
    assert why.criterion_id == "hd01.exclusion.nine-months"
    assert why.outcome is Outcome.NOT_APPLICABLE
    for lang in LANGS:
        assert why.reason.render(lang) in explain(result, lang)
