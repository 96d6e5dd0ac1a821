"""Thông tư 124/2021/TT-BCA Điều 8 khoản 2: the yearly assessment windows by unit kind.

A residential area is assessed from 01/11 of the previous year to 31/10 of the
recognition year; a commune, agency, enterprise or educational institution from
16/11 to 15/11 (both days inclusive). The windows are data,
``data/assessment_windows.toml``, each with its citation and confirmation status.

>>> from antq.core.unit_kinds import UnitKind
>>> str(window(UnitKind.RESIDENTIAL_AREA).period_for(2024))
'2023-11-01/2024-10-31'
>>> str(window(UnitKind.COMMUNE).period_for(2024))
'2023-11-16/2024-11-15'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from antq.core.periods import AnnualWindow, read_windows
from antq.core.unit_kinds import UnitKind
from antq.law.tables import load
from antq.safety.tt124_2021._common import INSTRUMENT

__all__ = ["DATA", "WINDOWS", "window"]

#: The data file of the windows, in this package.
DATA: Final = "data/assessment_windows.toml"

#: Điều 8 khoản 2: the assessment window of each unit kind.
WINDOWS: Mapping[UnitKind, AnnualWindow] = read_windows(
    load("antq.safety.tt124_2021", DATA), INSTRUMENT
)


def window(kind: UnitKind) -> AnnualWindow:
    """Điều 8 khoản 2: the assessment window of ``kind``."""
    return WINDOWS[kind]
