"""A unit's own period must cover its rule set's assessment window (issue 12, item 9).

Incidents dated outside the unit's period are not counted, so a period shorter
than the window would drop them silently. The law gives another period only to a
school under Thông tư 23/2012 (its school year) and, stated with ``established``,
to a unit set up during the window.
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from typing import Any

import pytest

from antq.core.engine import evaluate
from antq.core.facts import UnitFacts
from antq.core.periods import Period
from antq.errors import InputError
from antq.io.batch import read_csv, read_jsonl
from antq.io.facts import read_facts, unit_facts_from_dict
from antq.safety import default_rulebook

from .builders import MET, NOT_MET, RA, incident, raw_unit, result_of

BOOK = default_rulebook()
#: The 2024 window of a residential area (TT 124 Điều 8 khoản 2): 01/11/2023 - 31/10/2024.
WINDOW = Period(start=date(2023, 11, 1), end=date(2024, 10, 31))
YEAR = 2024


def facts_of(
    kind: Any,
    year: int,
    *,
    period: Period | None = None,
    established: date | None = None,
    **values: Any,
) -> UnitFacts:
    raw = raw_unit(kind, year, **values)
    if period is not None:
        raw["period"] = str(period)
    if established is not None:
        raw["established"] = established.isoformat()
    return unit_facts_from_dict(raw, "units[0]", BOOK.inputs(kind))


def _crime(day: str) -> dict[str, Any]:
    return incident("crime", day, gravity="nghiem_trong", force_majeure=False, mitigated=False)


@pytest.mark.parametrize(
    "period",
    [
        Period(start=date(2023, 11, 2), end=date(2024, 10, 31)),  # starts a day late
        Period(start=date(2023, 11, 1), end=date(2024, 10, 30)),  # ends a day early
        Period(start=date(2024, 1, 1), end=date(2024, 6, 30)),
    ],
)
def test_a_period_shorter_than_the_window_is_an_input_error(period: Period) -> None:
    facts = facts_of(RA, YEAR, period=period)
    with pytest.raises(InputError, match="does not cover the assessment window") as info:
        evaluate(facts, BOOK)
    assert info.value.path == f"{facts.unit_id}.period"
    assert info.value.value == str(period)
    assert "2023-11-01/2024-10-31" in info.value.message


@pytest.mark.parametrize(
    "period",
    [WINDOW, Period(start=date(2023, 10, 1), end=date(2024, 10, 31))],
)
def test_a_period_that_covers_the_window_is_used(period: Period) -> None:
    verdict = evaluate(facts_of(RA, YEAR, period=period), BOOK)
    assert verdict.period == period
    assert verdict.outcome is MET


def test_the_shorter_period_would_have_dropped_an_incident() -> None:
    # Why it is an error: a serious crime on the window's first day counts.
    crime = _crime("2023-11-01")
    verdict = evaluate(facts_of(RA, YEAR, incidents=[crime]), BOOK)
    assert result_of(verdict, "no-serious-crime").outcome is NOT_MET
    late = Period(start=date(2023, 11, 2), end=date(2024, 10, 31))
    with pytest.raises(InputError):
        evaluate(facts_of(RA, YEAR, period=late, incidents=[crime]), BOOK)


def test_a_unit_established_during_the_window_is_assessed_from_that_day() -> None:
    facts = facts_of(RA, YEAR, established=date(2024, 3, 1), incidents=[_crime("2024-02-29")])
    verdict = evaluate(facts, BOOK)
    assert verdict.period == Period(start=date(2024, 3, 1), end=WINDOW.end)
    # The day before it existed is outside its period.
    assert result_of(verdict, "no-serious-crime").outcome is MET
    # Its own period may be given too, if it covers the days since establishment.
    own = Period(start=date(2024, 3, 1), end=WINDOW.end)
    assert (
        evaluate(facts_of(RA, YEAR, established=date(2024, 3, 1), period=own), BOOK).period == own
    )
    later = Period(start=date(2024, 3, 2), end=WINDOW.end)
    with pytest.raises(InputError, match="from its establishment on 2024-03-01") as info:
        evaluate(facts_of(RA, YEAR, established=date(2024, 3, 1), period=later), BOOK)
    assert info.value.path.endswith(".period")


def test_established_before_the_window_changes_nothing_and_after_it_is_an_error() -> None:
    before = evaluate(facts_of(RA, YEAR, established=date(2010, 5, 1)), BOOK)
    assert before.period == WINDOW
    on_first_day = evaluate(facts_of(RA, YEAR, established=WINDOW.start), BOOK)
    assert on_first_day.period == WINDOW
    facts = facts_of(RA, YEAR, established=date(2024, 11, 1))
    with pytest.raises(InputError, match="did not exist in round 2024") as info:
        evaluate(facts, BOOK)
    assert info.value.path == f"{facts.unit_id}.established"


def test_established_must_be_a_date() -> None:
    with pytest.raises(InputError, match=r"UnitFacts\.established"):
        UnitFacts(unit_id="U", kind=RA, year=YEAR, established=datetime(2024, 3, 1))


def test_readers_take_established_with_the_path() -> None:
    raw = {**raw_unit(RA), "established": "2024-03-01"}
    document = read_facts({"units": [raw]})
    (unit,) = document.units
    assert unit.established == date(2024, 3, 1)
    bad = read_facts({"units": [{**raw_unit(RA), "established": "20240301"}]})
    (error,) = bad.errors
    assert error.path == "units[0].established" and error.value == "20240301"
    line = json.dumps({**raw_unit(RA), "established": "2024-W09-5"}).encode("utf-8")
    (item,) = list(read_jsonl(io.BytesIO(line + b"\n")))
    assert isinstance(item, InputError) and item.path.endswith("established")
    data = "id,kind,year,established\nKDC-1,residential_area,2024,2024-03-01\n"
    (read,) = list(read_csv(io.BytesIO(data.encode("utf-8"))))
    assert not isinstance(read, InputError) and read.established == date(2024, 3, 1)
