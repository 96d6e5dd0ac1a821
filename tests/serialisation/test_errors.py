"""What the one converter says of JSON it cannot read: the path, the value, why."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from antq import Verdict
from antq.core.reasons import Reason
from antq.emulation.awards.eligibility import Eligibility
from antq.emulation.scoring import ScoreResult
from antq.errors import InputError
from antq.serve.settings import ENVIRONMENT_VARIABLE, ServeSettings

from . import golden


def _verdict() -> dict[str, Any]:
    verdict = next(v for v in golden.verdicts() if v.results and v.notices)
    data: dict[str, Any] = verdict.to_json()
    return data


def _refused(kind: Any, data: object, **options: Any) -> InputError:
    with pytest.raises(InputError) as raised:
        kind.from_json(data, **options)
    return raised.value


@pytest.mark.parametrize(
    ("change", "path", "value", "message"),
    [
        (lambda d: d.update(year="2025"), "verdict.year", "2025", "expected a whole number"),
        (lambda d: d.update(year=True), "verdict.year", True, "expected a whole number"),
        (lambda d: d.update(unit=7), "verdict.unit", 7, "expected a string"),
        (lambda d: d.update(name=7), "verdict.name", 7, "expected a string or null"),
        (lambda d: d.pop("results"), "verdict.results", None, "is required"),
        (lambda d: d.pop("rule_set"), "verdict.rule_set", None, "is required"),
        (lambda d: d["period"].update(end="31/12/2025"), "verdict.period.end", "31/12/2025", None),
        (lambda d: d.update(period=[]), "verdict.period", [], "expected an object"),
        (lambda d: d.update(eligibility="x"), "verdict.eligibility", "x", "expected a list"),
        (
            lambda d: d["results"][1].update(missing=["a", 3]),
            "verdict.results[1].missing[1]",
            3,
            "expected a string",
        ),
        (
            lambda d: d["results"][0].update(title={"vi": "x"}),
            "verdict.results[0].title",
            {"vi": "x"},
            None,
        ),
        (
            lambda d: d["results"][0]["citation"].update(article="4"),
            "verdict.results[0].citation.article",
            "4",
            None,
        ),
        (
            lambda d: d["results"][0]["reason"].update(extra=1),
            "verdict.results[0].reason.extra",
            1,
            "unknown key; allowed: params, template",
        ),
        (
            lambda d: d["notices"][0].update(template=3),
            "verdict.notices[0].template",
            3,
            None,
        ),
    ],
)
def test_a_bad_verdict_names_the_path_and_the_value(
    change: Any, path: str, value: object, message: str | None
) -> None:
    data = copy.deepcopy(_verdict())
    change(data)
    error = _refused(Verdict, data)
    assert (error.path, error.value) == (path, value)
    if message is not None:
        assert error.message == message


def test_the_path_given_is_the_root() -> None:
    error = _refused(Verdict, {**_verdict(), "year": None}, path="units[4]")
    assert error.path == "units[4].year"


def test_an_error_of_a_constructor_keeps_its_own_path() -> None:
    data = {"template": {"msgid": "{p}"}, "params": {"p": {"percent": [1, 0]}}}
    error = _refused(Reason, data)
    assert error.path == "Percent.denominator"


def test_answers_and_scores_name_their_paths() -> None:
    answer = golden.eligibilities()[0].to_json()
    error = _refused(Eligibility, {**answer, "date": "2025-01-01"})
    assert (error.path, error.message) == ("eligibility.date", "expected an object")
    error = _refused(Eligibility, {**answer, "notes": [{"msgid": 3}]})
    assert error.path == "eligibility.notes[0]"
    result = copy.deepcopy(golden.scores()[0].to_json())
    result["items"][2]["points"] = 5
    error = _refused(ScoreResult, result)
    assert (error.path, error.value) == ("score.items[2].points", 5)


def test_serve_settings_refuse_an_unknown_key() -> None:
    with pytest.raises(InputError) as raised:
        ServeSettings.from_environment_text('{"workers": 2, "wokers": 3}')
    assert raised.value.path == f"{ENVIRONMENT_VARIABLE}.wokers"
    with pytest.raises(InputError) as raised:
        ServeSettings.from_environment_text('{"port": "80"}')
    assert (raised.value.path, raised.value.value) == (f"{ENVIRONMENT_VARIABLE}.port", "80")


def test_team_ratings_selections_and_checklists_name_their_paths() -> None:
    from antq.emulation.quotas import Selection
    from antq.emulation.team_checklist import ExcellentTeamChecklist, excellent_team_checklist
    from antq.emulation.teams import CommuneTeamRating
    from tests.emulation.test_teams import ALL_MET

    rating = copy.deepcopy(golden.team_ratings()[0].to_json())
    rating["teams"][0]["results"][1]["outcome"] = "yes"
    error = _refused(CommuneTeamRating, rating)
    assert (error.path, error.value) == ("rating.teams[0].results[1].outcome", "yes")
    selection = copy.deepcopy(golden.selections()[0].to_json())
    selection["placements"][1]["behind"] = 0.5
    error = _refused(Selection, selection)
    assert (error.path, error.value) == ("selection.placements[1].behind", 0.5)
    assert error.message == 'expected an exact number as a string: "2.5", "-1" or "2/3"'
    checklist = excellent_team_checklist(ALL_MET).to_json()
    checklist["items"][0]["item"] = 8
    error = _refused(ExcellentTeamChecklist, checklist)
    assert (error.path, error.value) == ("checklist.items[0].item", 8)
