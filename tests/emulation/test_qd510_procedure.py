"""QĐ 510/QĐ-BCA-V05 Điều 11: the rating procedure, dossier and deadlines as dated data."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from antq.core.unit_kinds import UnitKind
from antq.emulation.qd510_procedure import (
    RatingDocument,
    RatingLevel,
    RatingStep,
    missed_rating_deadlines,
    rating_deadlines,
    rating_dossier,
    rating_level,
    rating_steps,
)
from antq.errors import InputError
from antq.law.confirmation import Confirmation
from antq.safety.procedure import DeadlineStatus

L = RatingLevel
DECIDED = RatingStep.RATING_DECISION


def check(level: RatingLevel, year: int, on: date | None) -> tuple[str, ...]:
    steps = {} if on is None else {DECIDED: on}
    return tuple(m.status.code for m in missed_rating_deadlines(level, year, steps))


@pytest.mark.parametrize(
    ("level", "last"),
    [
        (L.RESIDENTIAL_AREA, date(2023, 11, 19)),
        (L.COMMUNE, date(2023, 11, 29)),
        (L.ORGANISATION, date(2023, 11, 29)),
        (L.DISTRICT, date(2023, 12, 14)),
    ],
)
def test_each_deadline_on_both_sides(level: RatingLevel, last: date) -> None:
    assert check(level, 2023, last) == ()
    late = missed_rating_deadlines(level, 2023, {DECIDED: date.fromordinal(last.toordinal() + 1)})
    assert [(m.status, m.days_late, m.deadline) for m in late] == [(DeadlineStatus.LATE, 1, last)]
    assert late[0].citation.render("vi") == "Điều 11 khoản 3 Quyết định 510/QĐ-BCA-V05"
    assert late[0].confirmation is Confirmation.CONFIRMED
    assert "strictly" in late[0].explain("en")


def test_no_date_recorded_is_not_on_time() -> None:
    assert check(L.COMMUNE, 2024, None) == ("not_recorded",)


def test_rating_years_start_in_2022() -> None:
    with pytest.raises(InputError, match="rating years 2022 to no end"):
        check(L.RESIDENTIAL_AREA, 2021, date(2021, 11, 1))
    assert check(L.RESIDENTIAL_AREA, 2022, date(2022, 11, 19)) == ()


def test_districts_are_rated_up_to_2024() -> None:
    assert check(L.DISTRICT, 2024, date(2024, 12, 14)) == ()
    with pytest.raises(InputError, match="rating years 2022 to 2024 only"):
        check(L.DISTRICT, 2025, date(2025, 12, 1))


def test_communes_from_july_2025_carry_the_special_zone_note() -> None:
    (late,) = missed_rating_deadlines(L.COMMUNE, 2025, {DECIDED: date(2025, 11, 30)})
    assert late.note is not None and "đặc khu" in late.note.render("en")
    (earlier,) = missed_rating_deadlines(L.COMMUNE, 2024, {DECIDED: date(2024, 11, 30)})
    assert earlier.note is None


def test_steps_and_dossier_are_cited_data() -> None:
    assert [s.step for s in rating_steps()] == list(RatingStep)
    assert [d.document for d in rating_dossier()] == [
        RatingDocument.SUBMISSION,
        RatingDocument.SCORE_SUMMARY,
    ]
    assert all(d.citation.clause == 2 for d in rating_dossier())
    decision = rating_steps()[-1]
    assert decision.confirmation is Confirmation.PARTIAL and decision.note is not None
    assert {r.level for r in rating_deadlines()} == set(RatingLevel)


def test_unit_kinds_map_to_levels_and_bad_input_names_the_field() -> None:
    assert rating_level(UnitKind.EDUCATIONAL_INSTITUTION) is L.ORGANISATION
    assert rating_level(UnitKind.RESIDENTIAL_AREA) is L.RESIDENTIAL_AREA
    with pytest.raises(InputError, match="kind"):
        rating_level("commune")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="level"):
        missed_rating_deadlines("commune", 2024, {})  # type: ignore[arg-type]
    with pytest.raises(InputError, match="year"):
        missed_rating_deadlines(L.COMMUNE, 1990, {})
    with pytest.raises(InputError, match="steps"):
        missed_rating_deadlines(L.COMMUNE, 2024, [])  # type: ignore[arg-type]
    with pytest.raises(InputError, match="RatingStep"):
        missed_rating_deadlines(L.COMMUNE, 2024, {"rating_decision": date(2024, 1, 1)})  # type: ignore[dict-item]
    with pytest.raises(InputError, match=r"steps\.rating_decision"):
        missed_rating_deadlines(L.COMMUNE, 2024, {DECIDED: datetime(2024, 11, 1, 8)})
