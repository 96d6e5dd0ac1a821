"""One of every result type antq writes as JSON, and the text it writes.

The texts are kept under ``tests/serialisation/data`` as they were before the
serialiser moved onto one converter; ``test_golden.py`` compares them byte for
byte. After a deliberate change, write them again from the repository
root with ``PYTHONPATH=src:. python -m tests.serialisation.golden``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from antq import UnitFacts, UnitKind, evaluate, read_facts_file
from antq.core.reasons import Percent, Reason
from antq.emulation.awards.questions import answer_questions, read_awards_file
from antq.emulation.quotas import Candidate, Cap, Rounding, select
from antq.emulation.scoring import ScoringFacts, read_scores, score
from antq.emulation.sheets import load_sheet
from antq.emulation.team_checklist import excellent_team_checklist
from antq.emulation.teams import MemberProposal, TeamProposal, rate_teams
from antq.entities import TaskGrade
from antq.entities.forces import TeamRole
from antq.errors import AntqError
from antq.i18n.catalog import Msg, Text
from antq.i18n.formatting import Threshold
from antq.law.registry import all_instruments
from antq.serve.settings import ServeSettings
from tests.emulation.test_teams import ALL_MET as _ALL_MET

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
BOTH = ("vi", "en")


def _dump(value: object) -> str:
    """JSON Lines: each item as ``json.dumps`` writes it (the ``--format json`` text)."""
    items = value if isinstance(value, list) else [value]
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def verdicts() -> list[Any]:
    """The example commune's units (every outcome) and an empty unit of every rule set."""
    document = read_facts_file(ROOT / "examples" / "commune-2025.json")
    found = [evaluate(unit) for unit in document.units]
    for kind in UnitKind:
        for year in (2020, 2025):
            try:
                found.append(evaluate(UnitFacts(unit_id=f"empty-{year}", kind=kind, year=year)))
            except AntqError:
                continue  # a kind with no rule set that year, or one needing a period
    return found


def reasons() -> list[Reason]:
    return [
        Reason(template=Msg("No school violence"), params={}),
        Reason(
            template=Text(vi="{p} {d} {g} {b} {n} {s}", en="{p} {d} {g} {b} {n} {s}"),
            params={
                "p": Percent(
                    numerator=6995,
                    denominator=10000,
                    thresholds=(Threshold.at_least(70), Threshold.more_than(Fraction(151, 2))),
                ),
                "d": date(2025, 12, 31),
                "g": TaskGrade.HOAN_THANH_TOT,
                "b": True,
                "n": 1064,
                "s": "chuỗi",
            },
        ),
    ]


def eligibilities() -> list[Any]:
    document = read_awards_file(ROOT / "examples" / "awards-2025.json")
    answers, errors = answer_questions(document, {})
    assert answers and not errors
    return list(answers)


def scores() -> list[Any]:
    sheet = load_sheet(ROOT / "examples" / "example-sheet.toml")
    document = json.loads((ROOT / "examples" / "scores-2025.json").read_text(encoding="utf-8"))
    found = [score(sheet, unit) for unit in read_scores(document, sheet).units]
    found.append(
        score(sheet, ScoringFacts(unit_id="empty", kind=UnitKind.COMMUNE, year=2025, values={}))
    )
    return found


def team_ratings() -> list[Any]:
    since = date(2025, 7, 1)
    ex, good = TaskGrade.HOAN_THANH_XUAT_SAC, TaskGrade.HOAN_THANH_TOT
    teams = [
        TeamProposal(
            team_id=f"G{i}", commune="X1", proposed=good, active_from=since, under_complaint=False
        )
        for i in range(3)
    ]
    teams += [
        TeamProposal(
            team_id=f"E{i}",
            name=f"Tổ {i}",
            commune="X1",
            proposed=ex,
            active_from=since,
            under_complaint=False,
            excellent_criteria=_ALL_MET,
            merit=i,
        )
        for i in range(2)
    ]
    teams.append(
        TeamProposal(
            team_id="U", commune="X1", proposed=None, active_from=since, under_complaint=None
        )
    )
    members = [
        MemberProposal(
            person_id="lead",
            team_id="E0",
            role=TeamRole.TO_TRUONG,
            proposed=ex,
            active_from=since,
            under_complaint=False,
        ),
        MemberProposal(
            person_id="plain",
            team_id="G0",
            role=TeamRole.TO_PHO,
            proposed=good,
            active_from=since,
            under_complaint=None,
        ),
    ]
    return [*rate_teams(teams, members, year=2026), *rate_teams(teams, year=2027, member_cap=None)]


def selections() -> list[Any]:
    pool = [
        Candidate(id="A", score=Fraction(9), name="Xã A"),
        Candidate(id="B", score=Fraction(2, 3), priority=2),
        Candidate(id="C", score=None),
        Candidate(id="D", score=Fraction(9)),
    ]
    return [
        select(pool, Cap(count=1)),
        select(pool, Cap(percent=Fraction(151, 2), rounding=Rounding.HALF_UP, minimum=1)),
    ]


def catalogue() -> list[Any]:
    from antq.cli.rules import rule_entries

    return rule_entries()


def _with_texts(objects: list[Any]) -> Iterator[object]:
    for item in objects:
        yield item.to_json()
        yield item.to_json(texts=BOTH)


#: File name -> the JSON text it holds today.
def documents() -> dict[str, Callable[[], str]]:
    return {
        "verdicts.jsonl": lambda: _dump(list(_with_texts(verdicts()))),
        "reasons.jsonl": lambda: _dump([r.to_json() for r in reasons()]),
        "eligibility.jsonl": lambda: _dump(list(_with_texts(eligibilities()))),
        "scores.jsonl": lambda: _dump(list(_with_texts(scores()))),
        "teams.jsonl": lambda: _dump(list(_with_texts(team_ratings()))),
        "team_checklist.jsonl": lambda: _dump(excellent_team_checklist(_ALL_MET).to_json()),
        "quotas.jsonl": lambda: _dump(list(_with_texts(selections()))),
        "catalogue.jsonl": lambda: _dump([e.to_json() for e in catalogue()]),
        "instruments.jsonl": lambda: _dump([i.to_json() for i in all_instruments()]),
        "settings.jsonl": lambda: _dump(
            [
                ServeSettings().environment_text(),
                ServeSettings(
                    host="0.0.0.0",
                    time_limit=2,
                    allow_origins=["https://a.vn"],  # type: ignore[list-item]
                ).environment_text(),
            ]
        ),
    }


if __name__ == "__main__":
    DATA.mkdir(exist_ok=True)
    for name, make in documents().items():
        (DATA / name).write_text(make(), encoding="utf-8")
        print(name)
