"""Every result type of antq, found in its modules, is read back from its JSON unchanged.

The result types are found, not listed: every class of an antq module that is a
:class:`~antq._serialise.JsonRoundTrip` or has the members of the
:class:`~antq.Result` protocol. Each has a maker below that builds real ones
with antq's own functions from the bundled examples (``examples/*.json``, the
example sheet) and the shipped rule sets. A result type added without a maker,
or without ``from_json``, fails :func:`test_every_result_type_is_covered`.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import warnings
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import antq
from antq._serialise import JsonRoundTrip
from antq.core.reasons import Percent, Reason
from antq.core.result import Result
from antq.core.verdict import CriterionResult, Verdict
from antq.emulation.awards.eligibility import Eligibility, Route
from antq.emulation.quotas import (
    Candidate,
    Cap,
    Placement,
    Rounding,
    Selection,
    candidates_from_scores,
    select,
)
from antq.emulation.scoring import Classification, ItemResult, NextClass, ScoreResult, VetoResult
from antq.emulation.team_checklist import (
    ChecklistResult,
    ExcellentTeamChecklist,
    ExcellentTeamFacts,
    excellent_team_checklist,
)
from antq.emulation.team_reader import rate_section, read_teams_file
from antq.emulation.teams import CommuneTeamRating, MemberResult, TeamCap, TeamResult
from antq.i18n.formatting import Threshold

from . import golden
from .golden import BOTH

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

#: The members a class needs to be a result (``outcome``, ``explain``, ``to_json``...).
RESULT_MEMBERS = tuple(name for name in Result.__dict__ if not name.startswith("_"))


def _antq_classes() -> Iterator[type]:
    """Every class defined in a module of antq (each module imported once)."""
    for info in pkgutil.walk_packages(antq.__path__, "antq."):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the moved modules warn on import
            module = importlib.import_module(info.name)
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                yield value


def _is_result_type(cls: type) -> bool:
    if cls is JsonRoundTrip or getattr(cls, "_is_protocol", False):
        return False
    # A private base (``_Rating``) is made only as its public subclasses, covered below.
    if cls.__name__.startswith("_"):
        return False
    if issubclass(cls, JsonRoundTrip):
        return True
    return all(hasattr(cls, name) for name in RESULT_MEMBERS)


@cache
def discovered() -> frozenset[type]:
    return frozenset(cls for cls in _antq_classes() if _is_result_type(cls))


# --- real results, from the examples ------------------------------------------------------


@cache
def verdicts() -> tuple[Verdict, ...]:
    """The example commune's units and a round of it, and an empty unit of each rule set."""
    found = list(golden.verdicts())
    round_result = antq.evaluate_round(EXAMPLES / "commune-2025.json")
    found += [commune.verdict for commune in round_result.communes]
    return tuple(found)


def criterion_results() -> Iterator[CriterionResult]:
    for verdict in verdicts():
        yield from verdict.all_results()
    for team in team_results():
        yield from team.results


def reasons() -> Iterator[Reason]:
    for result in criterion_results():
        yield result.reason
    for verdict in verdicts():
        yield from verdict.notices
    yield from golden.reasons()


def thresholds() -> Iterator[Threshold]:
    for reason in reasons():
        for value in reason.params.values():
            if isinstance(value, Percent):
                yield from value.thresholds


@cache
def scores() -> tuple[ScoreResult, ...]:
    return tuple(golden.scores())


def item_results() -> Iterator[ItemResult]:
    for result in scores():
        yield from result.items


def classifications() -> Iterator[Classification]:
    return (result.classification for result in scores())


def vetoes() -> Iterator[VetoResult]:
    for classification in classifications():
        yield from classification.vetoes


def next_classes() -> Iterator[NextClass]:
    for classification in classifications():
        if classification.next is not None:
            yield classification.next


@cache
def eligibilities() -> tuple[Eligibility, ...]:
    return tuple(golden.eligibilities())


def routes() -> Iterator[Route]:
    for answer in eligibilities():
        yield from answer.routes


@cache
def team_ratings() -> tuple[CommuneTeamRating, ...]:
    """``examples/teams-2026.json`` rated, and the golden file's ratings (every status)."""
    rated = rate_section(read_teams_file(EXAMPLES / "teams-2026.json"))
    assert rated.ratings and not rated.errors
    return (*rated.ratings, *golden.team_ratings())


def team_results() -> Iterator[TeamResult]:
    for rating in team_ratings():
        yield from rating.teams


def member_results() -> Iterator[MemberResult]:
    for rating in team_ratings():
        yield from rating.members


def team_caps() -> Iterator[TeamCap]:
    for rating in team_ratings():
        yield rating.cap
        if rating.member_cap is not None:
            yield rating.member_cap


@cache
def checklists() -> tuple[ExcellentTeamChecklist, ...]:
    """The checklists of the example's teams, and one of nothing known (every item UNKNOWN)."""
    section = read_teams_file(EXAMPLES / "teams-2026.json")
    facts = [t.excellent_criteria for t in section.teams if t.excellent_criteria is not None]
    assert facts
    return tuple(excellent_team_checklist(f) for f in (*facts, ExcellentTeamFacts()))


def checklist_results() -> Iterator[ChecklistResult]:
    for checklist in checklists():
        yield from checklist.results


@cache
def selections() -> tuple[Selection, ...]:
    """The example sheet's communes selected under a percentage and a count, and the golden file's."""
    pool = candidates_from_scores(scores())
    return (
        select(pool, Cap(percent=40, rounding=Rounding.FLOOR)),
        select(pool, Cap(count=2, minimum=1)),
        *golden.selections(),
    )


def placements() -> Iterator[Placement]:
    for selection in selections():
        yield from selection.placements


def candidates() -> Iterator[Candidate]:
    return (placement.candidate for placement in placements())


def caps() -> Iterator[Cap]:
    return (selection.cap for selection in selections())


#: Each result type and where its real instances come from.
MAKERS: dict[type, Callable[[], Iterable[Any]]] = {
    Verdict: verdicts,
    CriterionResult: criterion_results,
    Reason: reasons,
    Threshold: thresholds,
    ScoreResult: scores,
    ItemResult: item_results,
    Classification: classifications,
    VetoResult: vetoes,
    NextClass: next_classes,
    Eligibility: eligibilities,
    Route: routes,
    CommuneTeamRating: team_ratings,
    TeamResult: team_results,
    MemberResult: member_results,
    TeamCap: team_caps,
    ExcellentTeamChecklist: checklists,
    ChecklistResult: checklist_results,
    Selection: selections,
    Placement: placements,
    Candidate: candidates,
    Cap: caps,
}


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def test_every_result_type_is_covered() -> None:
    found = discovered()
    assert sorted(map(_name, found - MAKERS.keys())) == [], "result types without a maker here"
    assert sorted(map(_name, MAKERS.keys() - found)) == [], "makers of types no longer found"


def _text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("kind", sorted(MAKERS, key=_name), ids=_name)
def test_every_result_reads_back_as_it_was_written(kind: Any) -> None:
    instances = list(MAKERS[kind]())
    assert instances, f"no {kind.__name__} made from the examples"
    for value in instances:
        assert type(value) is kind
        for texts in ((), BOTH):
            written = _text(value.to_json(texts=texts))
            assert _text(value.to_json(texts=texts)) == written  # the same text each time
            again = kind.from_json(json.loads(written))
            assert again == value
            # Read back, it writes the same text again.
            assert _text(again.to_json(texts=texts)) == written
