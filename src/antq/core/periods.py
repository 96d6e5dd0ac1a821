"""Evaluation periods: inclusive date ranges, month arithmetic and assessment calendars.

A :class:`Period` is a range of calendar days whose *both* bounds are inclusive,
because the circulars write their windows as "from 16/11 of the previous year to
15/11 of the current year" and mean both days. An event dated ``d`` counts in a
period ``p`` exactly when ``d in p``.

**Month-end policy.** Adding months or years to a date is ambiguous when the day
does not exist in the target month (31/03 + 1 month, 29/02 + 1 year). antq never
guesses silently: :func:`add_months` and :func:`add_years` take a
:class:`MonthEndPolicy`. The default, ``STRICT``, raises
:class:`~antq.errors.AmbiguousDateError`; ``CLAMP`` moves the day back to the last
day of the target month (31/03/2025 + 1 month = 30/04/2025; 29/02/2024 + 1 year =
28/02/2025). When the day exists in the target month both policies agree.

**Annual windows.** An :class:`AnnualWindow` is a yearly window given by day and
month (16/11 of year N−1 – 15/11 of year N); :func:`read_windows` reads a circular's
windows from its data file. The windows themselves are the law's: each circular's
module of its article holds them (Thông tư 124/2021/TT-BCA Điều 8 khoản 2 in
``antq.safety.tt124_2021.article_8_assessment_windows``), and
:mod:`antq.safety.windows` gathers them. Window anchors are never 29/02, so windows
need no month-end rounding.

>>> from datetime import date
>>> from antq.core.periods import AnnualWindow, MonthEndPolicy, Period, add_months
>>> window = AnnualWindow(
...     start_month=11, start_day=16, end_month=11, end_day=15, starts_in_previous_year=True
... )
>>> str(window.period_for(2024))
'2023-11-16/2024-11-15'
>>> date(2024, 2, 29) in window.period_for(2024)
True
>>> add_months(date(2025, 3, 31), 1, policy=MonthEndPolicy.CLAMP)
datetime.date(2025, 4, 30)
>>> add_months(date(2025, 3, 31), 1)
Traceback (most recent call last):
    ...
antq.errors.AmbiguousDateError: 2025-03-31 +1 month(s): 2025-04 has no day 31 (MonthEndPolicy.CLAMP would give 2025-04-30)
>>> report = Period.span(Period.year(2018), Period.half(2019, 1))
>>> str(report), report.days
('2018-01-01/2019-06-30', 546)
>>> str(report.previous_of_equal_length())
'2016-07-01/2017-12-31'
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from types import MappingProxyType
from typing import Self

import attrs
from dateutil.relativedelta import relativedelta

from antq._serialise import json_form
from antq.core.unit_kinds import UnitKind
from antq.errors import AmbiguousDateError, DefinitionError, InputError
from antq.i18n.catalog import Msg
from antq.law.tables import Node
from antq.vocabulary import CodedEnum

__all__ = [
    "TEAM_RATING_WINDOW",
    "AnnualWindow",
    "MonthEndPolicy",
    "Period",
    "add_months",
    "add_years",
    "check_date",
    "parse_iso_date",
    "quarter_one",
    "read_windows",
]

_ONE_DAY = timedelta(days=1)
_PERIOD_TEXT = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})/([0-9]{4})-([0-9]{2})-([0-9]{2})")


class MonthEndPolicy(CodedEnum):
    """What month or year arithmetic does when the day is missing in the target month.

    The choice changes which events fall in a period, so antq makes callers pick it.
    """

    CLAMP = (
        "clamp",
        "lùi về ngày cuối tháng",
        "clamp to the last day of the month",
    )
    STRICT = (
        "strict",
        "báo lỗi nếu tháng đích không có ngày đó",
        "raise an error if the target month lacks the day",
    )


# --- validation helpers ----------------------------------------------------------------

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def parse_iso_date(raw: object, path: str) -> date:
    """Read a calendar date of a facts file: ``"2025-03-14"``, or a ``date`` (TOML).

    The one reader of dates in input documents. Only the calendar form
    YYYY-MM-DD is accepted: Python 3.11's :meth:`datetime.date.fromisoformat` also reads
    ISO week dates (``"2025-W11-5"``) and compact forms (``"20250314"``), which no
    report writes and which are easy to mistake, so they are refused, as are a
    ``datetime`` and an impossible day, with the path and the value.

    >>> parse_iso_date("2025-03-14", "incidents[0].date")
    datetime.date(2025, 3, 14)
    >>> parse_iso_date("20250314", "incidents[0].date")
    Traceback (most recent call last):
        ...
    antq.errors.InputError: incidents[0].date: expected a calendar date written YYYY-MM-DD, e.g. 2025-03-14 (ISO week dates and compact forms such as 20250314 are not accepted) (got '20250314')
    """
    if isinstance(raw, str):
        # The common case, at C speed: ten ASCII characters with dashes at 4 and 7 are
        # read by fromisoformat only as YYYY-MM-DD (its other forms have no such shape).
        if len(raw) == 10 and raw[4] == "-" and raw[7] == "-" and raw.isascii():
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
    elif isinstance(raw, datetime):
        raise InputError(path, raw, Msg("expected a date without a time of day"))
    elif isinstance(raw, date):
        return raw
    match = _ISO_DATE.fullmatch(raw) if isinstance(raw, str) else None
    if match is None:
        raise InputError(
            path,
            raw,
            Msg(
                "expected a calendar date written YYYY-MM-DD, e.g. 2025-03-14 (ISO week dates"
                " and compact forms such as 20250314 are not accepted)"
            ),
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError as error:
        raise InputError(
            path, raw, Msg("not a valid date ({error})"), params={"error": str(error)}
        ) from None


def check_date(value: object, path: str) -> date:
    """``value`` if it is a :class:`datetime.date`; otherwise an :class:`~antq.errors.InputError` at ``path``."""
    # datetime is a subclass of date but does not compare with it; refuse it early.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InputError(path, value, Msg("expected a datetime.date (not a datetime)"))
    return value


def _check_int(value: object, path: str, low: int | None = None, high: int | None = None) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InputError(path, value, Msg("expected an integer"))
    if (low is not None and value < low) or (high is not None and value > high):
        raise InputError(
            path,
            value,
            Msg("must be between {low} and {high}"),
            params={"low": str(low), "high": str(high)},
        )
    return value


def _check_year(value: object, path: str = "year") -> int:
    return _check_int(value, path, MINYEAR, MAXYEAR)


def _check_order(start: date, end: date, path: str) -> None:
    if end < start:
        raise InputError(
            path,
            f"{start.isoformat()}/{end.isoformat()}",
            Msg("end {end} is before start {start}"),
            params={"end": end.isoformat(), "start": start.isoformat()},
        )


def _check_policy(value: object) -> None:
    if not isinstance(value, MonthEndPolicy):
        raise InputError("policy", value, Msg("expected a MonthEndPolicy"))


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


# --- month arithmetic ------------------------------------------------------------------


def _shift(
    d: date, *, years: int, months: int, path: str, count: int, unit: str, policy: MonthEndPolicy
) -> date:
    total = d.year * 12 + (d.month - 1) + years * 12 + months
    target_year = total // 12
    if not MINYEAR <= target_year <= MAXYEAR:
        raise InputError(
            path,
            count,
            Msg("{date} {count} {unit}(s) leaves the years {low}–{high}"),
            params={
                "date": d.isoformat(),
                "count": format(count, "+d"),
                "unit": unit,
                "low": MINYEAR,
                "high": MAXYEAR,
            },
        )
    # relativedelta clamps the day to the end of the target month; the policy decides
    # whether that clamping is acceptable.
    result = d + relativedelta(years=years, months=months)
    if result.day != d.day and policy is MonthEndPolicy.STRICT:
        raise AmbiguousDateError(
            f"{d.isoformat()} {count:+d} {unit}(s): {result.year:04d}-{result.month:02d} has "
            f"no day {d.day} (MonthEndPolicy.CLAMP would give {result.isoformat()})"
        )
    return result


def add_months(d: date, months: int, *, policy: MonthEndPolicy = MonthEndPolicy.STRICT) -> date:
    """Return ``d`` moved by ``months`` calendar months (negative moves back).

    Strict by default, because silently turning 31/03 + 1 month into 30/04 can move
    an event into or out of a period.
    """
    check_date(d, "date")
    _check_int(months, "months")
    _check_policy(policy)
    return _shift(
        d, years=0, months=months, path="months", count=months, unit="month", policy=policy
    )


def add_years(d: date, years: int, *, policy: MonthEndPolicy = MonthEndPolicy.STRICT) -> date:
    """Return ``d`` moved by ``years`` calendar years; only 29/02 can be ambiguous."""
    check_date(d, "date")
    _check_int(years, "years")
    _check_policy(policy)
    return _shift(d, years=years, months=0, path="years", count=years, unit="year", policy=policy)


# --- periods ---------------------------------------------------------------------------


def _validate_date(instance: object, attribute: attrs.Attribute[date], value: object) -> None:
    check_date(value, f"period.{attribute.name}")


@attrs.frozen(kw_only=True)
class Period:
    """A range of calendar days, ``start`` and ``end`` both inclusive.

    Inclusive bounds match how the circulars write their windows, so a window can be
    copied from the text without off-by-one adjustments.
    """

    start: date = attrs.field(validator=_validate_date)
    end: date = attrs.field(validator=_validate_date)

    def __attrs_post_init__(self) -> None:
        _check_order(self.start, self.end, "period")

    def __contains__(self, d: date) -> bool:
        return self.start <= check_date(d, "date") <= self.end

    def contains(self, d: date) -> bool:
        """Whether day ``d`` lies in the period (same as ``d in period``)."""
        return d in self

    @property
    def days(self) -> int:
        """Number of days in the period, counting both ends."""
        return (self.end - self.start).days + 1

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: Period) -> Period | None:
        """The days common to both periods, or ``None`` if they share none."""
        if not self.overlaps(other):
            return None
        return Period(start=max(self.start, other.start), end=min(self.end, other.end))

    def shifted_years(self, n: int) -> Self:
        """The period moved by ``n`` years, both ends with :attr:`MonthEndPolicy.CLAMP`.

        Used for "same period of the previous year" comparisons. A bound on 29/02
        lands on 28/02 in a common year, so the result can be one day shorter or
        longer than the original.
        """
        _check_int(n, "n")
        return type(self)(
            start=add_years(self.start, n, policy=MonthEndPolicy.CLAMP),
            end=add_years(self.end, n, policy=MonthEndPolicy.CLAMP),
        )

    def _whole_months(self) -> int | None:
        # n >= 1 whole months: add_months(start, n) - 1 day == end, with start.day <= 28
        # so that add_months is exact. Computed without date overflow at 9999-12-31.
        if self.start.day > 28:
            return None
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month
        if self.start.day == 1:
            if self.end.day != _last_day(self.end.year, self.end.month):
                return None
            months += 1
        elif self.end.day != self.start.day - 1:
            return None
        return months if months >= 1 else None

    def previous_of_equal_length(self) -> Self:
        """The period of the same length that ends the day before this one starts.

        Used for "compared with the previous period" criteria. Policy: if the period
        is a whole number ``n >= 1`` of months (``add_months(start, n) - 1 day ==
        end`` and ``start.day <= 28``), the previous period is ``n`` whole months,
        ``[add_months(start, -n), start - 1 day]``, so an assessment year maps to the
        previous assessment year even across 29/02. Otherwise it is the same number
        of days immediately before ``start``.
        """
        months = self._whole_months()
        try:
            if months is not None:
                start = add_months(self.start, -months, policy=MonthEndPolicy.STRICT)
            else:
                start = self.start - timedelta(days=self.days)
            end = self.start - _ONE_DAY
        except (InputError, OverflowError):
            raise InputError(
                "period",
                str(self),
                Msg("no previous period: it would start before {date}"),
                params={"date": str(date.min)},
            ) from None
        return type(self)(start=start, end=end)

    def __str__(self) -> str:
        """The ISO form ``"YYYY-MM-DD/YYYY-MM-DD"``, which :meth:`parse` reads back."""
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @classmethod
    def year(cls, year: int) -> Self:
        """The calendar year ``year`` (01/01 – 31/12)."""
        _check_year(year)
        return cls(start=date(year, 1, 1), end=date(year, 12, 31))

    @classmethod
    def half(cls, year: int, half: int) -> Self:
        """Half ``half`` of ``year``; half 1 is "6 tháng đầu năm" (01/01 – 30/06)."""
        _check_year(year)
        _check_int(half, "half", 1, 2)
        if half == 1:
            return cls(start=date(year, 1, 1), end=date(year, 6, 30))
        return cls(start=date(year, 7, 1), end=date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Self:
        """Calendar quarter ``quarter`` (1–4, "Quý I" – "Quý IV") of ``year``."""
        _check_year(year)
        _check_int(quarter, "quarter", 1, 4)
        last_month = 3 * quarter
        return cls(
            start=date(year, last_month - 2, 1),
            end=date(year, last_month, _last_day(year, last_month)),
        )

    @classmethod
    def month(cls, year: int, month: int) -> Self:
        """Calendar month ``month`` (1–12) of ``year``."""
        _check_year(year)
        _check_int(month, "month", 1, 12)
        return cls(start=date(year, month, 1), end=date(year, month, _last_day(year, month)))

    @classmethod
    def span(cls, *periods: Period) -> Self:
        """One period covering ``periods``, which must touch or overlap.

        Reports often cover free spans such as "năm 2018 và 6 tháng đầu năm 2019";
        a gap would silently add days nobody reported on, so it is an error.
        """
        if not periods:
            raise InputError("periods", (), Msg("need at least one period"))
        for index, period in enumerate(periods):
            if not isinstance(period, Period):
                raise InputError(f"periods[{index}]", period, Msg("expected a Period"))
        ordered = sorted(periods, key=lambda p: (p.start, p.end))
        covered = ordered[0]
        for following in ordered[1:]:
            if (following.start - covered.end).days > 1:
                gap = f"{covered.end + _ONE_DAY}/{following.start - _ONE_DAY}"
                raise InputError(
                    "periods",
                    [str(p) for p in periods],
                    Msg("days {gap} between {covered} and {following} are not covered"),
                    params={"gap": gap, "covered": str(covered), "following": str(following)},
                )
            if following.end > covered.end:
                covered = Period(start=covered.start, end=following.end)
        return cls(start=covered.start, end=covered.end)

    @classmethod
    def parse(cls, text: str, *, path: str = "period") -> Self:
        """Read the ISO form ``"YYYY-MM-DD/YYYY-MM-DD"`` that :meth:`__str__` writes."""
        if not isinstance(text, str):
            raise InputError(path, text, Msg("expected a string 'YYYY-MM-DD/YYYY-MM-DD'"))
        match = _PERIOD_TEXT.fullmatch(text)
        if match is None:
            raise InputError(
                path, text, Msg("expected 'YYYY-MM-DD/YYYY-MM-DD', e.g. 2023-11-16/2024-11-15")
            )
        y1, m1, d1, y2, m2, d2 = (int(part) for part in match.groups())
        try:
            start, end = date(y1, m1, d1), date(y2, m2, d2)
        except ValueError as exc:
            raise InputError(
                path, text, Msg("not a valid date ({error})"), params={"error": str(exc)}
            ) from None
        _check_order(start, end, path)
        return cls(start=start, end=end)


def quarter_one(year: int) -> Period:
    """Quarter I ("Quý I") of ``year``: 01/01 – 31/03.

    TT 124 requires the resolution, plan and registration "trong Quý I hằng năm".
    Reading that as the first calendar quarter of the recognition year is antq's
    interpretation; the circular does not define it.
    """
    return Period.quarter(year, 1)


# --- annual windows --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class AnnualWindow:
    """A yearly window given by day and month, e.g. 16/11 of year N−1 – 15/11 of year N.

    Anchors on 29/02 are refused so that every year's window is exact: no month-end
    policy is needed to compute it.
    """

    start_month: int
    start_day: int
    end_month: int
    end_day: int
    starts_in_previous_year: bool
    # Periods already computed, by year: every unit of a round asks for the same one.
    _by_year: dict[int, Period] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        for name, month, day in (
            ("start", self.start_month, self.start_day),
            ("end", self.end_month, self.end_day),
        ):
            if (month, day) == (2, 29):
                raise DefinitionError(f"annual window {name} cannot be 29/02: it is not annual")
            try:
                date(2001, month, day)  # 2001 is a common year
            except (TypeError, ValueError):
                raise DefinitionError(
                    f"annual window {name} {day!r}/{month!r} is not a day of the year"
                ) from None
        start, end = (self.start_month, self.start_day), (self.end_month, self.end_day)
        if self.starts_in_previous_year and start <= end:
            raise DefinitionError(
                "annual window starting in the previous year must end before its start "
                "day and month, or consecutive windows overlap"
            )
        if not self.starts_in_previous_year and start > end:
            raise DefinitionError("annual window within one year ends before it starts")

    def period_for(self, year: int) -> Period:
        """The window whose recognition (end) year is ``year``."""
        known = self._by_year.get(year)
        if known is not None:
            return known
        _check_year(year)
        start_year = year - 1 if self.starts_in_previous_year else year
        if start_year < MINYEAR:
            raise InputError(
                "year",
                year,
                Msg("the window would start before the year {year}"),
                params={"year": MINYEAR},
            )
        period = Period(
            start=date(start_year, self.start_month, self.start_day),
            end=date(year, self.end_month, self.end_day),
        )
        self._by_year[year] = period
        return period


_WINDOW_KEYS = (
    "instrument",
    "kinds",
    "start",
    "end",
    "starts_in_previous_year",
    "citation",
    "confirmation",
    "written",
)


def _day_of_year(node: Node) -> tuple[int, int]:
    node.keys(("month", "day"))
    return node["month"].integer(low=1, high=12), node["day"].integer(low=1, high=31)


def read_windows(root: Node, instrument: str) -> Mapping[UnitKind, AnnualWindow]:
    """The windows of ``instrument`` by unit kind, from the root of its data file.

    Each ``[[windows]]`` row is of that instrument and cites it; a unit kind has at
    most one window.
    """
    found: dict[UnitKind, AnnualWindow] = {}
    for row in root["windows"].items():
        row.keys(_WINDOW_KEYS)
        citation = row["citation"].citation()
        if row["instrument"].text() != instrument:
            raise row["instrument"].fail(Msg("expected {instrument}"), instrument=instrument)
        if citation.instrument != instrument:
            raise row["citation"].fail(
                Msg("cites another instrument than {instrument}"), instrument=instrument
            )
        row["confirmation"].confirmation()
        row["written"].text()
        (start_month, start_day), (end_month, end_day) = (
            _day_of_year(row["start"]),
            _day_of_year(row["end"]),
        )
        with row.building():
            window = AnnualWindow(
                start_month=start_month,
                start_day=start_day,
                end_month=end_month,
                end_day=end_day,
                starts_in_previous_year=row["starts_in_previous_year"].boolean(),
            )
        for node in row["kinds"].items():
            kind = node.code(UnitKind)
            if kind in found:
                raise node.fail(Msg("a second window of this unit kind"))
            found[kind] = window
    return MappingProxyType(found)


#: Rating year of grassroots security teams (Tổ bảo vệ an ninh, trật tự) under
#: Hướng dẫn 01/HD-BCA-V05: 15/11 of year N−1 – 14/11 of year N.
TEAM_RATING_WINDOW = AnnualWindow(
    start_month=11, start_day=15, end_month=11, end_day=14, starts_in_previous_year=True
)


# {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"} in results' JSON.
json_form(Period)
