"""Thông tư 11/2021/TT-BCA: the medal for proposals dated up to 27/04/2025.

Its effective date is not confirmed: antq applies it from its signing,
26/01/2021. The movement branch is read as Điều 4 khoản 1 (points b and c, an
inference from a provincial guide); the exclusions and deferrals known to antq
cite the circular as a whole. Whether qualifying time restarts after discipline
is not confirmed: the parameter ``knc21_discipline_restart`` says.
"""

from __future__ import annotations

from typing import Final

from antq.core.criterion import CriterionKind, Finding, Parameter
from antq.core.outcome import Outcome
from antq.emulation.awards.eligibility import (
    AwardForm,
    AwardRules,
    DateRole,
    RouteDefinition,
    Subject,
    running_discipline,
)
from antq.emulation.awards.findings import found, labels, unknown
from antq.emulation.awards.instruments import TT11, TT11_FROM, TT11_TO
from antq.emulation.awards.knc._routes import excluded_on, leader_route, once
from antq.emulation.awards.knc.context import (
    KncContext,
    commended_at_least,
    condition,
    highest_commendation,
)
from antq.emulation.awards.knc.service import ServiceCheck, TenureCheck
from antq.emulation.awards.knc.vocabulary import (
    CommendationLevel,
    Disqualification,
    LeaderPosition,
    ServiceRole,
)
from antq.i18n.catalog import Msg
from antq.law.citation import cite
from antq.law.confirmation import Confirmation

__all__ = ["KNC_TT11", "PARAMETERS", "P_RESTART_21", "P_TEAM_SERVICE_21"]

_B, _T, _J = CriterionKind.BOOLEAN, CriterionKind.THRESHOLD, CriterionKind.JUDGEMENT
_C11 = cite(TT11)
_C11_CATEGORY = cite(TT11, 4, 1)
_NOTE_POINTS = Msg(
    "antq reads the movement branch as Điều 4 khoản 1 điểm b and c, an inference from a"
    " provincial guide; which point holds which category is not confirmed"
)

# --- parameters ------------------------------------------------------------------------------

P_TEAM_SERVICE_21: Final[Parameter[str]] = Parameter(
    name="knc21_team_service",
    label=Msg(
        "Whether service in a Tổ bảo vệ an ninh, trật tự (from 01/07/2024) counts"
        " for the grassroots category of Thông tư 11/2021"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=("counted", "not_counted"),
    citation=_C11_CATEGORY,
    # Read only for someone who served in a team: the grassroots rule itself is confirmed.
    required=False,
)
P_RESTART_21: Final[Parameter[str]] = Parameter(
    name="knc21_discipline_restart",
    label=Msg(
        "Whether, under Thông tư 11/2021, qualifying time counts only from the end"
        " of a discipline period"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=("from_end", "not_restarted"),
    citation=_C11,
    # Read only for someone disciplined: the tenure and service rules themselves are confirmed.
    required=False,
)
#: The parameters of this circular; none has a value in antq.
PARAMETERS: Final = (P_TEAM_SERVICE_21, P_RESTART_21)

# --- who is not proposed ------------------------------------------------------------------------

_GROUNDS: Final = frozenset(
    {Disqualification.CRIMINALLY_PROSECUTED, Disqualification.COMPULSORY_EDUCATION}
)


_EXCLUSIONS = condition(
    "knc21.exclusions",
    Msg("Not criminally prosecuted and not sent to compulsory education"),
    _C11,
    _B,
    excluded_on(_GROUNDS),
    ("disqualifications",),
    confirmation=Confirmation.PARTIAL,
    note=Msg("the rest of the exclusions of Thông tư 11/2021 is not available to antq"),
)

# --- deferral while under discipline --------------------------------------------------------------


def _check_discipline(ctx: KncContext) -> Finding:
    periods = ctx.candidate.discipline
    if periods is None:
        return unknown("discipline")
    running = running_discipline(periods, ctx.on)
    if running is not None:
        return found(
            Outcome.NOT_MET,
            Msg("deferred: the person is under discipline until {end}"),
            end=running.end,
        )
    return found(Outcome.MET, Msg("the person is not under discipline on the proposal date"))


_DISCIPLINE = condition(
    "knc21.discipline",
    Msg("Not under discipline on the proposal date (deferred while it runs)"),
    _C11,
    _B,
    _check_discipline,
    ("discipline",),
    confirmation=Confirmation.PARTIAL,
    note=Msg("the rest of the deferral rules of Thông tư 11/2021 is not available to antq"),
)

# --- Điều 4 khoản 1: leaders ------------------------------------------------------------------

_POSITIONS: Final = frozenset(LeaderPosition)
#: At least 5 years in such positions.
_TENURE: Final = 5 * 12
#: Commended by a district People's Committee or the provincial police, or higher.
_MIN_RANK: Final = CommendationLevel.DISTRICT_PEOPLES_COMMITTEE.rank


def _check_commendation(ctx: KncContext) -> Finding:
    best = highest_commendation(ctx)
    if isinstance(best, Finding):
        return best
    return commended_at_least(best, _MIN_RANK)


_LEADER = leader_route(
    "knc21",
    _C11_CATEGORY,
    positions=_POSITIONS,
    category=Msg("Holds or held a leadership position the circular lists"),
    category_note=_NOTE_POINTS,
    tenure=condition(
        "knc21.leader.tenure",
        Msg("At least 5 years in such positions, to the proposal date"),
        _C11_CATEGORY,
        _T,
        TenureCheck(
            months=_TENURE, restart=P_RESTART_21, positions=_POSITIONS, phong_ban_or_above=False
        ),
        ("leadership", "discipline"),
        parameters=(P_RESTART_21,),
    ),
    commendation=condition(
        "knc21.leader.commendation",
        Msg(
            "Commended at least once for protecting national security by a district"
            " People's Committee or the provincial police, or higher"
        ),
        _C11_CATEGORY,
        _T,
        _check_commendation,
        ("commendations",),
    ),
)

# --- Điều 4 khoản 1: part-time commune police, Bảo vệ dân phố, guards ---------------------------

_ROLES: Final = frozenset(
    {ServiceRole.PART_TIME_COMMUNE_POLICE, ServiceRole.STREET_GUARD, ServiceRole.AGENCY_GUARD}
)
#: At least 15 years of service for men, 10 for women.
_MEN, _WOMEN = 15 * 12, 10 * 12


def _check_grassroots_category(ctx: KncContext) -> Finding:
    service = ctx.candidate.service
    if service is None:
        return unknown("service")
    started = [p for p in service if p.start <= ctx.on]
    roles = {p.role for p in started}
    if roles & _ROLES:
        return found(
            Outcome.MET, Msg("the person has served as {roles}"), roles=labels(roles & _ROLES)
        )
    if ServiceRole.TEAM_MEMBER in roles:
        counted = ctx.params.get(P_TEAM_SERVICE_21.name)
        if counted is None:
            return unknown(f"parameter:{P_TEAM_SERVICE_21.name}")
        if counted == "counted":
            return found(Outcome.MET, Msg("the person has served in a Tổ bảo vệ an ninh, trật tự"))
    return found(
        Outcome.NOT_MET,
        Msg("no service as part-time commune police, Bảo vệ dân phố or agency guard"),
    )


_GRASSROOTS = RouteDefinition(
    id="grassroots",
    title=Msg(
        "Part-time commune police, Bảo vệ dân phố and guards of agencies and state enterprises"
    ),
    conditions=(
        condition(
            "knc21.grassroots.category",
            Msg(
                "Has served as part-time commune police, Bảo vệ dân phố or guard of an agency or state enterprise"
            ),
            _C11_CATEGORY,
            _B,
            _check_grassroots_category,
            ("service",),
            parameters=(P_TEAM_SERVICE_21,),
            note=_NOTE_POINTS,
        ),
        condition(
            "knc21.grassroots.service",
            Msg("At least 15 years of service for men, 10 years for women, to the proposal date"),
            _C11_CATEGORY,
            _T,
            ServiceCheck(
                _MEN,
                _WOMEN,
                restart=P_RESTART_21,
                optional_role=ServiceRole.TEAM_MEMBER,
                optional=P_TEAM_SERVICE_21,
                doubled=False,
            ),
            ("service", "sex", "discipline"),
            parameters=(P_TEAM_SERVICE_21, P_RESTART_21),
        ),
    ),
)

# --- the rule set ---------------------------------------------------------------------------------

KNC_TT11: Final[AwardRules[KncContext]] = AwardRules(
    id="knc.tt11-2021",
    award=AwardForm.KY_NIEM_CHUONG_BVANTQ,
    subject=Subject.PERSON,
    title=Msg("Kỷ niệm chương “Bảo vệ an ninh Tổ quốc” under Thông tư 11/2021/TT-BCA"),
    instrument=TT11,
    citation=_C11,
    date_role=DateRole.PROPOSAL,
    valid_from=TT11_FROM,
    valid_to=TT11_TO,
    conditions=(
        once("knc21", _C11),
        _EXCLUSIONS,
        _DISCIPLINE,
    ),
    routes=(_LEADER, _GRASSROOTS),
    notes=(
        Msg(
            "The effective date of Thông tư 11/2021/TT-BCA is not confirmed: antq applies it"
            " to proposals dated from its signing, 26/01/2021, to 27/04/2025"
        ),
    ),
)
