"""The assessment windows of the safe standard, by circular and unit kind.

Each circular's windows live in the module of their article
(``antq.safety.tt124_2021.article_8_assessment_windows``,
``antq.safety.tt23_2012.article_9_assessment_windows``); this module gathers them
for a caller that names the circular.

>>> from datetime import date
>>> from antq.core.unit_kinds import UnitKind
>>> str(assessment_period(UnitKind.COMMUNE, 2024))
'2023-11-16/2024-11-15'
>>> date(2024, 2, 29) in assessment_period(UnitKind.RESIDENTIAL_AREA, 2024)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from antq.core.periods import AnnualWindow, Period
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.safety import tt23_2012, tt124_2021
from antq.safety.tt23_2012 import article_9_assessment_windows
from antq.safety.tt124_2021 import article_8_assessment_windows

__all__ = ["ASSESSMENT_WINDOWS", "assessment_period"]

#: Annual assessment windows by instrument number and unit kind, each from the data
#: file of its article (each row with its citation and confirmation status). A kind
#: missing from an instrument has no fixed window there (TT 23 schools: see
#: :func:`~antq.safety.tt23_2012.article_9_assessment_windows.school_year_period`).
ASSESSMENT_WINDOWS: Mapping[str, Mapping[UnitKind, AnnualWindow]] = MappingProxyType(
    {
        tt124_2021.INSTRUMENT: article_8_assessment_windows.WINDOWS,
        tt23_2012.INSTRUMENT: article_9_assessment_windows.WINDOWS,
    }
)


def assessment_period(
    kind: UnitKind, year: int, *, instrument: str = tt124_2021.INSTRUMENT
) -> Period:
    """The "An toàn về ANTT" assessment period of ``kind`` for recognition year ``year``.

    The instrument is not chosen from the year here; pass the one in force.
    """
    if not isinstance(kind, UnitKind):
        raise InputError("kind", kind, Msg("expected a UnitKind"))
    windows = ASSESSMENT_WINDOWS.get(instrument) if isinstance(instrument, str) else None
    if windows is None:
        known = ", ".join(ASSESSMENT_WINDOWS)
        raise InputError(
            "instrument",
            instrument,
            Msg("unknown instrument; expected one of: {known}"),
            params={"known": known},
        )
    window = windows.get(kind)
    if window is None:
        if instrument == tt23_2012.INSTRUMENT and kind is UnitKind.EDUCATIONAL_INSTITUTION:
            raise InputError(
                "kind",
                kind.code,
                Msg(
                    "TT 23/2012 (Điều 9 khoản 2) assesses schools over the school year, from the "
                    "previous school-year review to the current one, with no fixed dates; use "
                    "school_year_period(previous_review, current_review)"
                ),
            )
        raise InputError(
            "kind",
            kind.code,
            Msg("no assessment window for this unit kind in {instrument}"),
            params={"instrument": instrument},
        )
    return window.period_for(year)
