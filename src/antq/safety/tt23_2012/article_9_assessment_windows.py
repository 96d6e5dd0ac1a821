"""Thông tư 23/2012/TT-BCA Điều 9 khoản 2: the yearly assessment windows by unit kind.

TT 23 writes its windows with a shared boundary day ("31/10 – 31/10",
"30/11 – 30/11"); antq gives that day to the round that *ends* on it, so no day
counts in two rounds. A school has no fixed window: it is assessed over its school
year, from the previous school-year review to the current one
(:func:`school_year_period`). The windows are data, ``data/assessment_windows.toml``,
each with its citation and confirmation status.

>>> from datetime import date
>>> from antq.core.unit_kinds import UnitKind
>>> str(window(UnitKind.COMMUNE).period_for(2013))
'2012-12-01/2013-11-30'
>>> str(school_year_period(date(2019, 5, 25), date(2020, 5, 30)))
'2019-05-26/2020-05-30'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

from antq.core.periods import AnnualWindow, Period, check_date, read_windows
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.law.tables import load
from antq.safety.tt23_2012._common import INSTRUMENT

__all__ = ["DATA", "WINDOWS", "school_year_period", "window"]

#: The data file of the windows, in this package.
DATA: Final = "data/assessment_windows.toml"

#: Điều 9 khoản 2: the assessment window of each unit kind but the school.
WINDOWS: Mapping[UnitKind, AnnualWindow] = read_windows(
    load("antq.safety.tt23_2012", DATA), INSTRUMENT
)


def window(kind: UnitKind) -> AnnualWindow:
    """Điều 9 khoản 2: the assessment window of ``kind`` (schools have none)."""
    return WINDOWS[kind]


def school_year_period(previous_review: date, current_review: date) -> Period:
    """A TT 23/2012 school period: the day after the previous review to the current review.

    The review day ends the round that reviews it (the same shared-boundary policy as
    the other TT 23 windows), so consecutive school years never share a day.
    """
    check_date(previous_review, "previous_review")
    check_date(current_review, "current_review")
    if current_review <= previous_review:
        raise InputError(
            "current_review",
            current_review.isoformat(),
            Msg(
                "the current school-year review {current} must be after the previous review {previous}"
            ),
            params={
                "current": current_review.isoformat(),
                "previous": previous_review.isoformat(),
            },
        )
    return Period(start=previous_review + timedelta(days=1), end=current_review)
