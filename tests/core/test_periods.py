"""Tests of antq.core.periods: inclusive periods, month-end policy and assessment calendars."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from antq.core.periods import (
    TEAM_RATING_WINDOW,
    AnnualWindow,
    MonthEndPolicy,
    Period,
    add_months,
    add_years,
    quarter_one,
    read_windows,
)
from antq.core.unit_kinds import UnitKind
from antq.errors import AmbiguousDateError, DataFileError, DefinitionError, InputError
from antq.law.tables import Node
from antq.safety.tt23_2012.article_9_assessment_windows import school_year_period
from antq.safety.windows import ASSESSMENT_WINDOWS, assessment_period

CLAMP = MonthEndPolicy.CLAMP
STRICT = MonthEndPolicy.STRICT
TT124 = "124/2021/TT-BCA"
TT23 = "23/2012/TT-BCA"
ONE_DAY = timedelta(days=1)

# Every annual window antq ships, with a readable id for parametrised tests.
ALL_WINDOWS = [
    pytest.param(window, id=f"{instrument}:{kind.code}")
    for instrument, windows in ASSESSMENT_WINDOWS.items()
    for kind, window in windows.items()
] + [pytest.param(TEAM_RATING_WINDOW, id="team-rating")]

# Dates far enough from 0001-01-01 and 9999-12-31 for a year either side.
safe_dates = st.dates(min_value=date(3, 1, 1), max_value=date(9997, 12, 31))
window_years = st.integers(min_value=3, max_value=9998)


def d(text: str) -> date:
    """Date from dd/mm/yyyy, the way the circulars write it."""
    day, month, year = (int(part) for part in text.split("/"))
    return date(year, month, day)


def p(start: str, end: str) -> Period:
    return Period(start=d(start), end=d(end))


# --- boundaries of the assessment windows ------------------------------------------------


def test_tt124_residential_area_boundary_31_10_vs_01_11() -> None:
    period = assessment_period(UnitKind.RESIDENTIAL_AREA, 2024)
    assert period == p("01/11/2023", "31/10/2024")
    assert d("31/10/2023") not in period
    assert d("01/11/2023") in period
    assert d("31/10/2024") in period
    assert d("01/11/2024") not in period
    assert d("01/11/2024") in assessment_period(UnitKind.RESIDENTIAL_AREA, 2025)


@pytest.mark.parametrize(
    "kind",
    [
        UnitKind.COMMUNE,
        UnitKind.AGENCY,
        UnitKind.ENTERPRISE,
        UnitKind.EDUCATIONAL_INSTITUTION,
    ],
)
def test_tt124_other_kinds_boundary_15_11_vs_16_11(kind: UnitKind) -> None:
    period = assessment_period(kind, 2024, instrument=TT124)
    assert str(period) == "2023-11-16/2024-11-15"
    assert d("15/11/2023") not in period
    assert d("16/11/2023") in period
    assert d("15/11/2024") in period
    assert d("16/11/2024") not in period
    assert d("16/11/2024") in assessment_period(kind, 2025)


def test_default_instrument_is_tt124() -> None:
    assert assessment_period(UnitKind.COMMUNE, 2022) == assessment_period(
        UnitKind.COMMUNE, 2022, instrument=TT124
    )


@pytest.mark.parametrize("kind", [UnitKind.COMMUNE, UnitKind.AGENCY, UnitKind.ENTERPRISE])
def test_tt23_commune_agency_enterprise_30_11_vs_01_12(kind: UnitKind) -> None:
    period = assessment_period(kind, 2013, instrument=TT23)
    assert period == p("01/12/2012", "30/11/2013")
    assert d("30/11/2012") not in period
    assert d("01/12/2012") in period
    assert d("30/11/2013") in period
    assert d("01/12/2013") not in period


def test_tt23_shared_boundary_day_belongs_to_the_round_ending_on_it() -> None:
    # The text says "30/11 năm trước – 30/11 năm nay" and "31/10 – 31/10".
    commune_2012 = assessment_period(UnitKind.COMMUNE, 2012, instrument=TT23)
    commune_2013 = assessment_period(UnitKind.COMMUNE, 2013, instrument=TT23)
    assert d("30/11/2012") in commune_2012
    assert d("30/11/2012") not in commune_2013
    assert not commune_2012.overlaps(commune_2013)
    assert commune_2012.end + ONE_DAY == commune_2013.start

    area_2012 = assessment_period(UnitKind.RESIDENTIAL_AREA, 2012, instrument=TT23)
    area_2013 = assessment_period(UnitKind.RESIDENTIAL_AREA, 2013, instrument=TT23)
    assert d("31/10/2012") in area_2012
    assert d("31/10/2012") not in area_2013
    assert area_2013 == p("01/11/2012", "31/10/2013")


def test_tt23_worked_example_15_11_2012() -> None:
    # S10: an accident on 15/11/2012 counts toward the 2013 round. That holds for a
    # residential area; for a commune the day lies in the 2012 round.
    event = d("15/11/2012")
    assert event in assessment_period(UnitKind.RESIDENTIAL_AREA, 2013, instrument=TT23)
    assert event in assessment_period(UnitKind.COMMUNE, 2012, instrument=TT23)
    assert event not in assessment_period(UnitKind.COMMUNE, 2013, instrument=TT23)


def test_tt23_to_tt124_overlap_is_fifteen_days() -> None:
    last_tt23 = assessment_period(UnitKind.COMMUNE, 2021, instrument=TT23)
    first_tt124 = assessment_period(UnitKind.COMMUNE, 2022, instrument=TT124)
    assert last_tt23.intersection(first_tt124) == p("16/11/2021", "30/11/2021")
    assert p("16/11/2021", "30/11/2021").days == 15


def test_tt23_school_has_no_fixed_window() -> None:
    with pytest.raises(InputError) as info:
        assessment_period(UnitKind.EDUCATIONAL_INSTITUTION, 2020, instrument=TT23)
    assert info.value.path == "kind"
    assert "school_year_period" in info.value.message
    assert UnitKind.EDUCATIONAL_INSTITUTION not in ASSESSMENT_WINDOWS[TT23]


def test_tt23_school_year_period() -> None:
    period = school_year_period(d("25/05/2019"), d("30/05/2020"))
    assert period == p("26/05/2019", "30/05/2020")
    assert d("25/05/2019") not in period  # belongs to the previous school year
    assert d("30/05/2020") in period
    following = school_year_period(d("30/05/2020"), d("28/05/2021"))
    assert not period.overlaps(following)
    assert period.end + ONE_DAY == following.start


@pytest.mark.parametrize(
    ("previous", "current"),
    [("30/05/2020", "30/05/2020"), ("30/05/2020", "29/05/2020")],
)
def test_school_year_period_rejects_current_not_after_previous(previous: str, current: str) -> None:
    with pytest.raises(InputError) as info:
        school_year_period(d(previous), d(current))
    assert info.value.path == "current_review"
    assert d(previous).isoformat() in info.value.message
    assert d(current).isoformat() in info.value.message


def test_unknown_instrument_names_the_known_ones() -> None:
    with pytest.raises(InputError) as info:
        assessment_period(UnitKind.COMMUNE, 2024, instrument="48/2025/TT-BCA")
    assert info.value.path == "instrument"
    assert info.value.value == "48/2025/TT-BCA"
    assert TT124 in info.value.message
    assert TT23 in info.value.message


def test_assessment_period_rejects_a_kind_code_string() -> None:
    with pytest.raises(InputError) as info:
        assessment_period("commune", 2024)  # type: ignore[arg-type]
    assert info.value.path == "kind"


def test_team_rating_window_15_11_to_14_11() -> None:
    period = TEAM_RATING_WINDOW.period_for(2026)
    assert period == p("15/11/2025", "14/11/2026")
    assert d("14/11/2025") not in period
    assert d("15/11/2025") in period
    assert d("14/11/2026") in period
    assert d("15/11/2026") not in period


def test_assessment_windows_are_read_only() -> None:
    with pytest.raises(TypeError):
        ASSESSMENT_WINDOWS["x"] = {}  # type: ignore[index]
    with pytest.raises(TypeError):
        ASSESSMENT_WINDOWS[TT124][UnitKind.COMMUNE] = TEAM_RATING_WINDOW  # type: ignore[index]
    assert set(ASSESSMENT_WINDOWS[TT124]) == set(UnitKind)


def test_quarter_one() -> None:
    assert quarter_one(2024) == p("01/01/2024", "31/03/2024")
    assert quarter_one(2024).days == 91
    assert quarter_one(2023).days == 90


# --- leap years and month arithmetic -------------------------------------------------------


def test_leap_year_window_has_366_days_and_contains_29_02() -> None:
    period = assessment_period(UnitKind.COMMUNE, 2024)
    assert period == p("16/11/2023", "15/11/2024")
    assert period.days == 366
    assert d("29/02/2024") in period
    assert assessment_period(UnitKind.COMMUNE, 2023).days == 365


@pytest.mark.parametrize(
    ("start", "months", "clamped", "strict_ok"),
    [
        ("31/01/2024", 1, "29/02/2024", False),
        ("31/01/2023", 1, "28/02/2023", False),
        ("31/01/2024", 2, "31/03/2024", True),
        ("31/03/2025", 1, "30/04/2025", False),
        ("31/03/2025", -1, "28/02/2025", False),
        ("31/03/2025", 12, "31/03/2026", True),
        ("29/02/2024", 1, "29/03/2024", True),
        ("29/02/2024", 12, "28/02/2025", False),
        ("29/02/2024", 48, "29/02/2028", True),
        ("15/06/2024", -18, "15/12/2022", True),
        ("31/12/2024", 0, "31/12/2024", True),
    ],
)
def test_add_months_both_policies(start: str, months: int, clamped: str, strict_ok: bool) -> None:
    assert add_months(d(start), months, policy=CLAMP) == d(clamped)
    if strict_ok:
        assert add_months(d(start), months, policy=STRICT) == d(clamped)
        assert add_months(d(start), months) == d(clamped)  # STRICT is the default
    else:
        with pytest.raises(AmbiguousDateError):
            add_months(d(start), months, policy=STRICT)
        with pytest.raises(AmbiguousDateError):
            add_months(d(start), months)


@pytest.mark.parametrize(
    ("start", "years", "clamped", "strict_ok"),
    [
        ("29/02/2024", 1, "28/02/2025", False),
        ("29/02/2024", -1, "28/02/2023", False),
        ("29/02/2024", 4, "29/02/2028", True),
        ("29/02/2000", 100, "28/02/2100", False),  # 2100 is not a leap year
        ("31/01/2024", 1, "31/01/2025", True),
        ("31/03/2025", 1, "31/03/2026", True),
        ("28/02/2023", 1, "28/02/2024", True),
    ],
)
def test_add_years_both_policies(start: str, years: int, clamped: str, strict_ok: bool) -> None:
    assert add_years(d(start), years, policy=CLAMP) == d(clamped)
    if strict_ok:
        assert add_years(d(start), years) == d(clamped)
    else:
        with pytest.raises(AmbiguousDateError):
            add_years(d(start), years)


def test_ambiguous_date_message_names_the_date_and_the_clamped_answer() -> None:
    with pytest.raises(AmbiguousDateError) as info:
        add_months(d("31/03/2025"), 1)
    assert "2025-03-31" in str(info.value)
    assert "2025-04-30" in str(info.value)


def test_month_arithmetic_out_of_range_is_an_input_error() -> None:
    with pytest.raises(InputError) as info:
        add_months(date(9999, 12, 1), 1, policy=CLAMP)
    assert info.value.path == "months"
    with pytest.raises(InputError) as info:
        add_years(date(1, 6, 1), -1, policy=CLAMP)
    assert info.value.path == "years"


def test_month_arithmetic_rejects_bad_arguments() -> None:
    with pytest.raises(InputError) as info:
        add_months(d("01/01/2024"), 1, policy="clamp")  # type: ignore[arg-type]
    assert info.value.path == "policy"
    with pytest.raises(InputError) as info:
        add_months(datetime(2024, 1, 31), 1)
    assert info.value.path == "date"
    with pytest.raises(InputError) as info:
        add_years(d("01/01/2024"), 1.0)  # type: ignore[arg-type]
    assert info.value.path == "years"


def test_month_end_policy_codes() -> None:
    assert MonthEndPolicy.codes() == ("clamp", "strict")
    assert MonthEndPolicy.from_code("clamp") is CLAMP


# --- Period ---------------------------------------------------------------------------


def test_end_before_start_message_has_path_and_both_dates() -> None:
    with pytest.raises(InputError) as info:
        Period(start=d("16/11/2024"), end=d("15/11/2024"))
    assert info.value.path == "period"
    assert "2024-11-16" in info.value.message
    assert "2024-11-15" in info.value.message
    assert str(info.value).startswith("period: ")


def test_single_day_period() -> None:
    day = p("29/02/2024", "29/02/2024")
    assert day.days == 1
    assert d("29/02/2024") in day
    assert day.contains(d("29/02/2024"))
    assert not day.contains(d("01/03/2024"))


def test_period_rejects_datetimes() -> None:
    with pytest.raises(InputError) as info:
        Period(start=datetime(2024, 1, 1), end=d("02/01/2024"))
    assert info.value.path == "period.start"
    with pytest.raises(InputError):
        _ = datetime(2024, 1, 1) in Period.year(2024)


def test_period_is_frozen_and_keyword_only() -> None:
    period = Period.year(2024)
    with pytest.raises(AttributeError):
        period.start = d("02/01/2024")  # type: ignore[misc]
    with pytest.raises(TypeError):
        Period(d("01/01/2024"), d("02/01/2024"))  # type: ignore[call-arg]


def test_str_and_parse_round_trip() -> None:
    period = p("16/11/2023", "15/11/2024")
    assert str(period) == "2023-11-16/2024-11-15"
    assert Period.parse("2023-11-16/2024-11-15") == period
    assert Period.parse(str(Period.year(999))) == Period.year(999)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2023-11-16",
        "2023-11-16/",
        "2023-11-16 / 2024-11-15",
        " 2023-11-16/2024-11-15",
        "2023-11-16/2024-11-15\n",
        "16/11/2023-15/11/2024",
        "2023-11-16--2024-11-15",
        "20231116/20241115",
        "2023-W46-4/2024-11-15",
        "2023-11-16/2024-11-15/2025-01-01",
        "٢٠٢٣-11-16/2024-11-15",
    ],
)
def test_parse_rejects_malformed_text(text: str) -> None:
    with pytest.raises(InputError) as info:
        Period.parse(text)
    assert info.value.path == "period"
    assert info.value.value == text
    assert "YYYY-MM-DD/YYYY-MM-DD" in info.value.message


def test_parse_rejects_impossible_dates_and_reversed_periods() -> None:
    with pytest.raises(InputError) as info:
        Period.parse("2023-02-29/2023-03-01", path="units[0].period")
    assert info.value.path == "units[0].period"
    assert "not a valid date" in info.value.message
    with pytest.raises(InputError) as info:
        Period.parse("2024-11-16/2024-11-15")
    assert "2024-11-16" in info.value.message
    assert "2024-11-15" in info.value.message
    with pytest.raises(InputError):
        Period.parse(None)  # type: ignore[arg-type]


def test_calendar_constructors() -> None:
    assert Period.year(2024) == p("01/01/2024", "31/12/2024")
    assert Period.year(2024).days == 366
    assert Period.half(2019, 1) == p("01/01/2019", "30/06/2019")
    assert Period.half(2019, 2) == p("01/07/2019", "31/12/2019")
    assert Period.quarter(2024, 1) == p("01/01/2024", "31/03/2024")
    assert Period.quarter(2024, 2) == p("01/04/2024", "30/06/2024")
    assert Period.quarter(2024, 3) == p("01/07/2024", "30/09/2024")
    assert Period.quarter(2024, 4) == p("01/10/2024", "31/12/2024")
    assert Period.month(2024, 2) == p("01/02/2024", "29/02/2024")
    assert Period.month(2023, 2) == p("01/02/2023", "28/02/2023")
    assert Period.month(2024, 12) == p("01/12/2024", "31/12/2024")


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: Period.half(2019, 0), "half"),
        (lambda: Period.half(2019, 3), "half"),
        (lambda: Period.quarter(2019, 5), "quarter"),
        (lambda: Period.month(2019, 13), "month"),
        (lambda: Period.month(2019, 0), "month"),
        (lambda: Period.year(0), "year"),
        (lambda: Period.year(10000), "year"),
        (lambda: Period.year(True), "year"),
    ],
)
def test_calendar_constructors_reject_bad_numbers(make: Callable[[], Period], path: str) -> None:
    with pytest.raises(InputError) as info:
        make()
    assert info.value.path == path


def test_overlaps_and_intersection() -> None:
    a = p("01/01/2024", "31/03/2024")
    b = p("31/03/2024", "30/06/2024")
    c = p("01/04/2024", "30/06/2024")
    assert a.overlaps(b)
    assert b.overlaps(a)
    assert a.intersection(b) == p("31/03/2024", "31/03/2024")
    assert not a.overlaps(c)
    assert a.intersection(c) is None
    assert Period.year(2024).intersection(a) == a


def test_span_of_year_and_first_half() -> None:
    report = Period.span(Period.year(2018), Period.half(2019, 1))
    assert report == p("01/01/2018", "30/06/2019")
    assert report.days == 365 + 181


def test_span_joins_overlapping_unsorted_and_contained_periods() -> None:
    joined = Period.span(
        p("01/07/2019", "31/12/2019"),
        p("01/03/2019", "31/07/2019"),
        p("01/01/2019", "31/03/2019"),
        p("01/02/2019", "28/02/2019"),
    )
    assert joined == Period.year(2019)
    assert Period.span(Period.month(2024, 2)) == Period.month(2024, 2)


def test_span_with_a_gap_names_the_gap() -> None:
    with pytest.raises(InputError) as info:
        Period.span(Period.year(2018), Period.half(2019, 2))
    assert info.value.path == "periods"
    assert "2019-01-01/2019-06-30" in info.value.message
    # A single missing day is a gap too.
    with pytest.raises(InputError) as info:
        Period.span(p("01/01/2024", "30/06/2024"), p("02/07/2024", "31/12/2024"))
    assert "2024-07-01/2024-07-01" in info.value.message


def test_span_needs_periods() -> None:
    with pytest.raises(InputError) as info:
        Period.span()
    assert info.value.path == "periods"


@pytest.mark.parametrize(
    ("start", "end", "prev_start", "prev_end"),
    [
        ("16/11/2023", "15/11/2024", "16/11/2022", "15/11/2023"),
        ("01/01/2018", "30/06/2019", "01/07/2016", "31/12/2017"),
        ("10/03/2024", "19/03/2024", "29/02/2024", "09/03/2024"),
        # whole months starting on the 1st: a month maps to the previous month
        ("01/03/2024", "31/03/2024", "01/02/2024", "29/02/2024"),
        # start day 31 is never "whole months": same number of days
        ("31/01/2024", "29/02/2024", "01/01/2024", "30/01/2024"),
        ("01/11/2023", "31/10/2024", "01/11/2022", "31/10/2023"),
    ],
)
def test_previous_of_equal_length(start: str, end: str, prev_start: str, prev_end: str) -> None:
    assert p(start, end).previous_of_equal_length() == p(prev_start, prev_end)


def test_previous_of_equal_length_at_the_start_of_the_calendar() -> None:
    with pytest.raises(InputError) as info:
        Period(start=date(1, 1, 1), end=date(1, 1, 10)).previous_of_equal_length()
    assert info.value.path == "period"


def test_shifted_years_clamps_29_02() -> None:
    assert p("16/11/2023", "15/11/2024").shifted_years(-1) == p("16/11/2022", "15/11/2023")
    assert p("01/03/2023", "29/02/2024").shifted_years(1) == p("01/03/2024", "28/02/2025")
    assert p("29/02/2024", "09/03/2024").shifted_years(-1) == p("28/02/2023", "09/03/2023")


# --- AnnualWindow definitions -----------------------------------------------------------


@pytest.mark.parametrize(
    ("start_month", "start_day", "end_month", "end_day", "previous", "fragment"),
    [
        (2, 29, 2, 28, True, "29/02"),
        (3, 1, 2, 29, True, "29/02"),
        (4, 31, 4, 30, True, "not a day"),
        (13, 1, 12, 31, True, "not a day"),
        (1, 0, 12, 31, False, "not a day"),
        (11, 16, 11, 16, True, "overlap"),
        (1, 1, 12, 31, True, "overlap"),
        (12, 1, 11, 30, False, "ends before"),
    ],
)
def test_annual_window_rejects_bad_definitions(
    start_month: int, start_day: int, end_month: int, end_day: int, previous: bool, fragment: str
) -> None:
    with pytest.raises(DefinitionError, match=fragment):
        AnnualWindow(
            start_month=start_month,
            start_day=start_day,
            end_month=end_month,
            end_day=end_day,
            starts_in_previous_year=previous,
        )


def test_annual_window_within_one_year() -> None:
    first_quarter = AnnualWindow(
        start_month=1, start_day=1, end_month=3, end_day=31, starts_in_previous_year=False
    )
    assert first_quarter.period_for(2024) == quarter_one(2024)


def test_annual_window_year_range() -> None:
    residential = ASSESSMENT_WINDOWS[TT124][UnitKind.RESIDENTIAL_AREA]
    with pytest.raises(InputError) as info:
        residential.period_for(1)
    assert info.value.path == "year"
    assert residential.period_for(9999).end == date(9999, 10, 31)


# --- properties -------------------------------------------------------------------------


@given(day=safe_dates, kind=st.sampled_from(UnitKind))
def test_tt124_windows_tile_the_calendar(day: date, kind: UnitKind) -> None:
    rounds = [n for n in (day.year, day.year + 1) if day in assessment_period(kind, n)]
    assert len(rounds) == 1


@pytest.mark.parametrize("window", ALL_WINDOWS)
@given(day=safe_dates)
def test_every_shipped_window_tiles_the_calendar(window: AnnualWindow, day: date) -> None:
    rounds = [n for n in (day.year, day.year + 1) if day in window.period_for(n)]
    assert len(rounds) == 1
    this = window.period_for(rounds[0])
    assert this.end + ONE_DAY == window.period_for(rounds[0] + 1).start


@pytest.mark.parametrize("window", ALL_WINDOWS)
@given(year=window_years)
def test_previous_of_annual_window_is_previous_years_window(
    window: AnnualWindow, year: int
) -> None:
    period = window.period_for(year)
    previous = period.previous_of_equal_length()
    assert previous == window.period_for(year - 1)
    assert previous.end + ONE_DAY == period.start
    assert period.shifted_years(-1) == previous


def _oracle_whole_months(period: Period) -> int | None:
    """The brief's definition, searched directly."""
    if period.start.day > 28:
        return None
    for n in range(1, (period.end.year - period.start.year + 1) * 12 + 1):
        if add_months(period.start, n, policy=CLAMP) - ONE_DAY == period.end:
            return n
    return None


@st.composite
def periods(draw: st.DrawFn) -> Period:
    # From year 10: the previous period of a 36-month period must not start before year 1.
    start = draw(st.dates(min_value=date(10, 1, 1), max_value=date(9990, 12, 31)))
    kind = draw(st.sampled_from(["days", "months"]))
    if kind == "months":
        end = add_months(start, draw(st.integers(1, 36)), policy=CLAMP) - ONE_DAY
    else:
        end = start + timedelta(days=draw(st.integers(0, 800)))
    return Period(start=start, end=end)


@given(period=periods())
def test_previous_of_equal_length_properties(period: Period) -> None:
    previous = period.previous_of_equal_length()
    assert previous.end + ONE_DAY == period.start
    months = _oracle_whole_months(period)
    if months is None:
        assert previous.days == period.days
    else:
        assert previous.start == add_months(period.start, -months, policy=STRICT)


@given(day=safe_dates, months=st.integers(min_value=-24, max_value=24))
def test_add_months_strict_equals_clamp_or_raises(day: date, months: int) -> None:
    clamped = add_months(day, months, policy=CLAMP)  # never raises in range
    assert (clamped.year * 12 + clamped.month) - (day.year * 12 + day.month) == months
    assert clamped.day <= day.day
    try:
        strict = add_months(day, months, policy=STRICT)
    except AmbiguousDateError:
        assert clamped.day < day.day
        assert (clamped + ONE_DAY).day == 1  # clamped to the last day of its month
    else:
        assert strict == clamped
        assert strict.day == day.day


@given(day=safe_dates, years=st.integers(min_value=-2, max_value=2))
def test_add_years_strict_equals_clamp_or_raises(day: date, years: int) -> None:
    clamped = add_years(day, years, policy=CLAMP)
    assert clamped.year == day.year + years
    try:
        strict = add_years(day, years, policy=STRICT)
    except AmbiguousDateError:
        assert (day.month, day.day) == (2, 29)
        assert clamped == date(day.year + years, 2, 28)
    else:
        assert strict == clamped


@given(a=periods(), b=periods())
def test_intersection_matches_membership(a: Period, b: Period) -> None:
    common = a.intersection(b)
    assert (common is not None) == a.overlaps(b)
    if common is not None:
        assert common.start in a
        assert common.start in b
        assert common.end in a
        assert common.end in b
        assume(common.start > date.min and common.end < date.max)
        assert not (common.start - ONE_DAY in a and common.start - ONE_DAY in b)
        assert not (common.end + ONE_DAY in a and common.end + ONE_DAY in b)


@given(period=periods())
def test_parse_inverts_str(period: Period) -> None:
    assert Period.parse(str(period)) == period


def _window_row(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "instrument": "124/2021/TT-BCA",
        "kinds": ["commune"],
        "start": {"month": 11, "day": 16},
        "end": {"month": 11, "day": 15},
        "starts_in_previous_year": True,
        "citation": {"instrument": "124/2021/TT-BCA", "article": 8, "clause": 2},
        "confirmation": "confirmed",
        "written": "16/11 – 15/11",
    }
    return {**row, **changes}


def test_read_windows_gives_each_kind_its_window() -> None:
    windows = read_windows(Node("w.toml", "", {"windows": [_window_row()]}), "124/2021/TT-BCA")
    assert list(windows) == [UnitKind.COMMUNE]
    assert str(windows[UnitKind.COMMUNE].period_for(2024)) == "2023-11-16/2024-11-15"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {"instrument": "23/2012/TT-BCA"},
            "w.toml: windows[0].instrument: expected 124/2021/TT-BCA (got '23/2012/TT-BCA')",
        ),
        (
            {"citation": {"instrument": "23/2012/TT-BCA", "article": 9, "clause": 2}},
            "w.toml: windows[0].citation: cites another instrument than 124/2021/TT-BCA",
        ),
        (
            {"kinds": ["commune", "commune"]},
            "w.toml: windows[0].kinds[1]: a second window of this unit kind (got 'commune')",
        ),
        ({"end": {"month": 2, "day": 29}}, "w.toml: windows[0]: annual window end cannot be 29/02"),
    ],
)
def test_read_windows_names_the_file_key_and_value_of_a_bad_row(
    changes: dict[str, object], said: str
) -> None:
    root = Node("w.toml", "", {"windows": [_window_row(**changes)]})
    with pytest.raises(DataFileError) as raised:
        read_windows(root, "124/2021/TT-BCA")
    assert str(raised.value).startswith(said)
