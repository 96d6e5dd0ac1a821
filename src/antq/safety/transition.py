"""The hand-over from Thông tư 23/2012/TT-BCA to Thông tư 124/2021/TT-BCA.

The 2021 round ran under TT 23 and the 2022 round under TT 124, which has no
transitional clause (safe-standard.md §2). Their windows overlap for a commune,
an agency and an enterprise: the last TT 23 window ends on 30/11/2021 and the
first TT 124 window starts on 16/11/2021, so an event dated 16/11-30/11/2021
falls in both rounds. antq lets each round's rule set read such an event
(each filters incidents by its own period) and flags it with these functions,
so that whoever files the facts can decide the round it belongs to.

A residential area's windows meet without overlapping (31/10/2021, then
01/11/2021). A TT 23 school round follows the school year, which has no fixed
dates: give the school's own last TT 23 period.

>>> from antq.core.unit_kinds import UnitKind
>>> str(transition_overlap(UnitKind.COMMUNE))
'2021-11-16/2021-11-30'
>>> transition_overlap(UnitKind.RESIDENTIAL_AREA) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable

from antq.core.periods import Period
from antq.core.unit_kinds import UnitKind
from antq.entities.incidents import Incident
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.safety.windows import assessment_period

__all__ = ["FIRST_TT124_ROUND", "LAST_TT23_ROUND", "incidents_in_overlap", "transition_overlap"]

#: The last round run under TT 23 and the first under TT 124 (safe-standard.md §2).
LAST_TT23_ROUND = 2021
FIRST_TT124_ROUND = 2022


def transition_overlap(kind: UnitKind, *, last_tt23_period: Period | None = None) -> Period | None:
    """The days in both the last TT 23 window and the first TT 124 window of ``kind``.

    ``last_tt23_period`` replaces the TT 23 window; a school must give it (its
    2020-2021 school-year period), since TT 23 fixes no dates for schools.
    """
    if not isinstance(kind, UnitKind):
        raise InputError("kind", kind, Msg("expected a UnitKind"))
    if last_tt23_period is None:
        if kind is UnitKind.EDUCATIONAL_INSTITUTION:
            raise InputError(
                "last_tt23_period",
                None,
                Msg("a school's TT 23 period is its school year: give the 2020-2021 one"),
            )
        last_tt23_period = assessment_period(kind, LAST_TT23_ROUND, instrument="23/2012/TT-BCA")
    elif not isinstance(last_tt23_period, Period):
        raise InputError("last_tt23_period", last_tt23_period, Msg("expected a Period"))
    first_tt124 = assessment_period(kind, FIRST_TT124_ROUND, instrument="124/2021/TT-BCA")
    return last_tt23_period.intersection(first_tt124)


def incidents_in_overlap(
    kind: UnitKind, incidents: Iterable[Incident], *, last_tt23_period: Period | None = None
) -> tuple[Incident, ...]:
    """The incidents dated in :func:`transition_overlap`: each counts in both rounds."""
    overlap = transition_overlap(kind, last_tt23_period=last_tt23_period)
    if overlap is None:
        return ()
    return tuple(i for i in incidents if i.date in overlap)
