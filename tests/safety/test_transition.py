"""The overlap of the last Thông tư 23/2012 window and the first Thông tư 124/2021 window."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from antq.core.engine import evaluate
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.unit_kinds import UnitKind
from antq.entities.incidents import Incident, IncidentCategory
from antq.errors import InputError
from antq.io.facts import unit_facts_from_dict
from antq.safety import default_rulebook
from antq.safety.transition import incidents_in_overlap, transition_overlap
from antq.safety.tt23_2012.article_9_assessment_windows import school_year_period

OVERLAP = Period(start=date(2021, 11, 16), end=date(2021, 11, 30))


@pytest.mark.parametrize("kind", [UnitKind.COMMUNE, UnitKind.AGENCY, UnitKind.ENTERPRISE])
def test_communes_agencies_and_enterprises_overlap_fifteen_days(kind: UnitKind) -> None:
    overlap = transition_overlap(kind)
    assert overlap == OVERLAP
    assert overlap.days == 15


def test_residential_area_windows_meet_without_overlapping() -> None:
    assert transition_overlap(UnitKind.RESIDENTIAL_AREA) is None


def test_a_school_gives_its_own_school_year() -> None:
    with pytest.raises(InputError) as caught:
        transition_overlap(UnitKind.EDUCATIONAL_INSTITUTION)
    assert caught.value.path == "last_tt23_period"
    may = school_year_period(date(2020, 5, 25), date(2021, 5, 25))
    assert transition_overlap(UnitKind.EDUCATIONAL_INSTITUTION, last_tt23_period=may) is None
    december = school_year_period(date(2020, 12, 20), date(2021, 12, 20))
    assert transition_overlap(
        UnitKind.EDUCATIONAL_INSTITUTION, last_tt23_period=december
    ) == Period(start=date(2021, 11, 16), end=date(2021, 12, 20))
    with pytest.raises(InputError):
        transition_overlap(UnitKind.EDUCATIONAL_INSTITUTION, last_tt23_period="2021")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        transition_overlap("commune")  # type: ignore[arg-type]


def _dispute(day: date) -> Incident:
    return Incident(date=day, category=IncidentCategory.PROLONGED_DISPUTE)


@pytest.mark.parametrize(
    ("day", "flagged"),
    [
        (date(2021, 11, 15), False),
        (date(2021, 11, 16), True),
        (date(2021, 11, 30), True),
        (date(2021, 12, 1), False),
    ],
)
def test_incidents_in_the_overlap_are_flagged(day: date, flagged: bool) -> None:
    assert incidents_in_overlap(UnitKind.COMMUNE, [_dispute(day)]) == (
        (_dispute(day),) if flagged else ()
    )
    assert incidents_in_overlap(UnitKind.RESIDENTIAL_AREA, [_dispute(day)]) == ()


def test_an_event_in_the_overlap_counts_in_both_rounds() -> None:
    book = default_rulebook()
    event: dict[str, Any] = {"date": "2021-11-20", "category": "prolonged_dispute"}
    outcomes = {}
    for year in (2021, 2022):
        raw = {"id": "XA", "kind": "commune", "year": year, "facts": {"incidents": [event]}}
        facts = unit_facts_from_dict(raw, "units[0]", book.inputs(UnitKind.COMMUNE))
        verdict = evaluate(facts, book)
        (result,) = [r for r in verdict.results if r.criterion_id.endswith("-dispute")]
        outcomes[verdict.rule_set] = result.outcome
    assert outcomes == {"tt23.commune": Outcome.NOT_MET, "tt124.commune": Outcome.NOT_MET}
