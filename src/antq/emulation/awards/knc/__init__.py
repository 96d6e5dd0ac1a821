"""Kỷ niệm chương "Bảo vệ an ninh Tổ quốc": who may be proposed, by the proposal date.

**Which rules.** The *proposal date* (ngày đề nghị, the day the proposal is
made) chooses the circular, and service and tenure are counted up to and
including it:

* Thông tư 11/2021/TT-BCA for proposals dated up to 27/04/2025. Its effective
  date is not confirmed; antq applies it from its signing date, 26/01/2021.
* Thông tư 20/2025/TT-BCA for proposals dated from 28/04/2025, its effective
  date.

Earlier proposals raise :class:`~antq.errors.RuleSetNotFound`. Pass ``rules=``
to pin one circular whatever the date.

The package holds one module per circular (:mod:`~antq.emulation.awards.knc.tt11_2021`,
:mod:`~antq.emulation.awards.knc.tt20_2025`), each declaring its conditions
next to their thresholds and citations; the service counting they share
(:mod:`~antq.emulation.awards.knc.service`); the candidate
(:mod:`~antq.emulation.awards.knc.candidate`, its vocabularies in
:mod:`~antq.emulation.awards.knc.vocabulary`); the choice of circular and the
answer (:mod:`~antq.emulation.awards.knc.medal`); and the reader of a facts
document (:mod:`~antq.emulation.awards.knc.reader`).

**Counting service** (:func:`count_service`): overlapping periods count each
day once, whole calendar months per run, left-over days pooled and rounded
down; the rules are in :mod:`~antq.emulation.awards.knc.service`.

**Discipline.** Under TT 20/2025 qualifying time counts only from the day after
the last day of the latest discipline period that started by the proposal date,
so a period still running leaves nothing to count. Under TT 11/2021 that rule is
not confirmed: the parameter ``knc21_discipline_restart`` says whether it
applies, and until it is supplied a count that depends on it is UNKNOWN.

**What is left to the user.** Values the law as known to antq does not settle
are parameters without a value (see :data:`PARAMETERS`); a condition that needs
one is UNKNOWN until it is supplied, unless the answer is the same whatever the
value (a person with no commendation at all fails any minimum level). Missing
facts are UNKNOWN, never met.

>>> from datetime import date
>>> from antq.entities import Sex
>>> guard = KncCandidate(
...     id="P-1", sex=Sex.FEMALE, already_awarded=False, disqualifications=frozenset(),
...     cand_service_awards=frozenset(), pending=frozenset(), discipline=(),
...     rated_well_throughout=True, leadership=(),
...     service=(
...         ServicePeriod(role=ServiceRole.STREET_GUARD, start=date(2015, 5, 1),
...                       area=AreaType.ORDINARY),
...         ServicePeriod(role=ServiceRole.TEAM_MEMBER, start=date(2024, 7, 1),
...                       area=AreaType.ORDINARY),
...     ),
... )
>>> knc_eligibility(guard, date(2025, 4, 30)).outcome
<Outcome.MET: 'met'>
>>> knc_eligibility(guard, date(2025, 4, 30)).result("knc25.team.service").reason.render("en")
'10 years counted up to 30/04/2025, with 0 day(s) in especially difficult, border or island areas counted twice; at least 10 years (female) required'
"""

from __future__ import annotations

# Names of the single module this package replaced that are not in __all__ stay importable:
# "X as X" re-exports them.
from antq.emulation.awards.instruments import TT11 as TT11
from antq.emulation.awards.instruments import TT11_FROM, TT20_FROM
from antq.emulation.awards.instruments import TT11_TO as TT11_TO
from antq.emulation.awards.instruments import TT20 as TT20
from antq.emulation.awards.knc import vocabulary
from antq.emulation.awards.knc.candidate import STREET_GUARD_LAST_DAY as STREET_GUARD_LAST_DAY
from antq.emulation.awards.knc.candidate import (
    Commendation,
    KncCandidate,
    LeadershipPeriod,
    ServicePeriod,
)
from antq.emulation.awards.knc.context import KncContext
from antq.emulation.awards.knc.medal import (
    KNC_RULES,
    PARAMETERS,
    knc_eligibility,
    select_knc_rules,
)
from antq.emulation.awards.knc.reader import KNC_KEYS as KNC_KEYS
from antq.emulation.awards.knc.reader import read_knc_request
from antq.emulation.awards.knc.service import DAYS_PER_POOLED_MONTH as DAYS_PER_POOLED_MONTH
from antq.emulation.awards.knc.service import ServiceCount, count_service
from antq.emulation.awards.knc.tt11_2021 import KNC_TT11
from antq.emulation.awards.knc.tt11_2021 import P_RESTART_21 as P_RESTART_21
from antq.emulation.awards.knc.tt11_2021 import P_TEAM_SERVICE_21 as P_TEAM_SERVICE_21
from antq.emulation.awards.knc.tt20_2025 import KNC_TT20
from antq.emulation.awards.knc.tt20_2025 import P_AGENCY_GUARD_25 as P_AGENCY_GUARD_25
from antq.emulation.awards.knc.tt20_2025 import P_COMMENDATION_25 as P_COMMENDATION_25

# The vocabularies' names, listed once: in their module's __all__, taken in below.
from antq.emulation.awards.knc.vocabulary import *  # noqa: F403

__all__ = [
    "KNC_RULES",
    "KNC_TT11",
    "KNC_TT20",
    "PARAMETERS",
    "TT11_FROM",
    "TT20_FROM",
    "Commendation",
    "KncCandidate",
    "KncContext",
    "LeadershipPeriod",
    "ServiceCount",
    "ServicePeriod",
    "count_service",
    "knc_eligibility",
    "read_knc_request",
    "select_knc_rules",
]
__all__ += vocabulary.__all__
__all__.remove("TOP_RANK")  # a bound of the ranks, not a name of the face
