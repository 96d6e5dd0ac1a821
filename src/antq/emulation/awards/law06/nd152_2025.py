"""Nghị định 152/2025/NĐ-CP Điều 4: two principles applied to the Law's standards from 01/07/2025.

No award while a disciplinary review, investigation, inspection, complaint or
press verification is pending; after discipline, achievements count only from
the end of the discipline period. Before the decree applies, antq does not know
the rule, and the conditions are NOT_APPLICABLE.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Final, Protocol, TypeVar

from antq.core.criterion import CriterionKind, Finding
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.emulation.awards.eligibility import (
    Condition,
    PendingMatter,
    discipline_restart,
    running_discipline,
)
from antq.emulation.awards.findings import found, labels, unknown
from antq.emulation.awards.instruments import ND152, ND152_FROM
from antq.i18n.catalog import Label, Msg
from antq.law.citation import cite

__all__ = ["deferral", "deferral_condition", "discipline", "discipline_condition"]

_C_ND152 = cite(ND152, 4)
_DEFERRING: Final = frozenset(
    {
        PendingMatter.DISCIPLINARY_REVIEW,
        PendingMatter.INVESTIGATION,
        PendingMatter.INSPECTION_OR_EXAMINATION,
        PendingMatter.COMPLAINT_OR_DENUNCIATION,
        PendingMatter.PRESS_VERIFICATION,
    }
)
_BEFORE = Msg(
    "Nghị định 152/2025/NĐ-CP applies from {date}; antq does not know the rule before that date"
)
_ONE_DAY = timedelta(days=1)


class _Question(Protocol):
    @property
    def on(self) -> date: ...


Q = TypeVar("Q", bound=_Question)


# --- no award while a matter is pending ------------------------------------------------------


def deferral(on: date, pending: frozenset[PendingMatter] | None) -> Finding:
    """Whether a matter pending on ``on`` defers the award."""
    if on < ND152_FROM:
        return found(Outcome.NOT_APPLICABLE, _BEFORE, date=ND152_FROM)
    if pending is None:
        return unknown("pending")
    blocking = pending & _DEFERRING
    if blocking:
        return found(
            Outcome.NOT_MET,
            Msg("no award while {matters}; it may be considered after the conclusion"),
            matters=labels(blocking),
        )
    return found(Outcome.MET, Msg("nothing pending that defers the award"))


def deferral_condition(
    pending: Callable[[Q], frozenset[PendingMatter] | None],
) -> Condition[Q]:
    """The deferral condition, reading the pending matters with ``pending``."""

    def check(ctx: Q) -> Finding:
        return deferral(ctx.on, pending(ctx))

    return Condition(
        id="nd152.deferral",
        title=Msg(
            "No award while a disciplinary review, investigation, inspection, complaint or press verification is pending"
        ),
        citation=_C_ND152,
        kind=CriterionKind.BOOLEAN,
        check=check,
        inputs=("pending",),
    )


# --- after discipline, achievements count from its end ------------------------------------------


def discipline(on: date, periods: tuple[Period, ...] | None) -> Finding:
    """Whether discipline running on ``on`` stops achievements counting, and from when they count."""
    if on < ND152_FROM:
        return found(Outcome.NOT_APPLICABLE, _BEFORE, date=ND152_FROM)
    if periods is None:
        return unknown("discipline")
    running = running_discipline(periods, on)
    if running is not None and running.end == date.max:  # no day after it can be written
        return found(
            Outcome.NOT_MET,
            Msg("a discipline period runs until {end}: no achievement counts while it runs"),
            end=running.end,
        )
    if running is not None:
        return found(
            Outcome.NOT_MET,
            Msg("a discipline period runs until {end}: achievements count only from {start}"),
            end=running.end,
            start=running.end + _ONE_DAY,
        )
    restart = discipline_restart(periods, on)
    if restart is None:
        return found(Outcome.MET, Msg("no discipline period recorded"))
    return found(
        Outcome.MET,
        Msg("the last discipline period ended on {end}: achievements count from {start}"),
        end=restart - _ONE_DAY,
        start=restart,
    )


def discipline_condition(
    periods: Callable[[Q], tuple[Period, ...] | None], *, note: Label | None = None
) -> Condition[Q]:
    """The discipline condition, reading the discipline periods with ``periods``."""

    def check(ctx: Q) -> Finding:
        return discipline(ctx.on, periods(ctx))

    return Condition(
        id="nd152.discipline",
        title=Msg("After discipline, achievements count from the end of the discipline period"),
        citation=_C_ND152,
        kind=CriterionKind.BOOLEAN,
        check=check,
        inputs=("discipline",),
        note=note,
    )
