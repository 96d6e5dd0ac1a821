"""Thông tư 20/2025/TT-BCA: the medal for proposals dated from 28/04/2025, its effective date.

antq knows this circular through press summaries: its article numbers are not
confirmed, so every condition cites the circular as a whole. Qualifying time
counts only from the day after the last day of the latest discipline period
that started by the proposal date, so a period still running leaves nothing to
count. A day served in an area with especially difficult socio-economic
conditions, a border area or an island counts twice.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from antq.core.criterion import CriterionKind, Finding, Parameter
from antq.core.outcome import Outcome
from antq.emulation.awards.eligibility import (
    AwardForm,
    AwardRules,
    DateRole,
    PendingMatter,
    RouteDefinition,
    Subject,
    discipline_restart,
    running_discipline,
)
from antq.emulation.awards.findings import found, labels, unknown
from antq.emulation.awards.instruments import TT20, TT20_FROM
from antq.emulation.awards.knc._routes import excluded_on, leader_route, once
from antq.emulation.awards.knc.context import (
    KncContext,
    commended_at_least,
    condition,
    highest_commendation,
    judgement,
)
from antq.emulation.awards.knc.service import ServiceCheck, TenureCheck
from antq.emulation.awards.knc.vocabulary import (
    TOP_RANK,
    CommendationLevel,
    Disqualification,
    LeaderPosition,
    ServiceRole,
)
from antq.i18n.catalog import Msg
from antq.law.citation import cite
from antq.law.confirmation import Confirmation

__all__ = ["KNC_TT20", "PARAMETERS", "P_AGENCY_GUARD_25", "P_COMMENDATION_25"]

_B, _T, _J = CriterionKind.BOOLEAN, CriterionKind.THRESHOLD, CriterionKind.JUDGEMENT
_ONE_DAY = timedelta(days=1)
_C20 = cite(TT20)
_NOTE_TEXT = Msg(
    "Thông tư 20/2025/TT-BCA is known to antq through press summaries; its article"
    " numbers are not confirmed, so this cites the circular as a whole"
)

# --- parameters ------------------------------------------------------------------------------

P_COMMENDATION_25: Final[Parameter[str]] = Parameter(
    name="knc25_commendation_level",
    label=Msg(
        "The lowest level of prior commendation Thông tư 20/2025 accepts for leaders"
        " (any: every level)"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=("any", *CommendationLevel.codes()),
    citation=_C20,
)
P_AGENCY_GUARD_25: Final[Parameter[str]] = Parameter(
    name="knc25_agency_guard_service",
    label=Msg(
        "Whether earlier service as a guard of an agency or state enterprise counts"
        " for team members under Thông tư 20/2025"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=("counted", "not_counted"),
    citation=_C20,
)
#: The parameters of this circular; none has a value in antq.
PARAMETERS: Final = (P_COMMENDATION_25, P_AGENCY_GUARD_25)

# --- holders of the police's service awards are excluded ---------------------------------------


def _check_cand_awards(ctx: KncContext) -> Finding:
    held = ctx.candidate.cand_service_awards
    if held is None:
        return unknown("cand_service_awards")
    if held:
        return found(Outcome.NOT_MET, Msg("the person holds {awards}"), awards=labels(held))
    return found(Outcome.MET, Msg("the person holds none of these awards"))


_CAND_AWARDS = condition(
    "knc25.cand-awards",
    Msg(
        "Holds neither the 'Chiến sĩ vẻ vang' nor the 'Vì an ninh Tổ quốc' medal nor an order for long service in the police"
    ),
    _C20,
    _B,
    _check_cand_awards,
    ("cand_service_awards",),
)

# --- who is not proposed ------------------------------------------------------------------------

_GROUNDS: Final = frozenset(Disqualification)


_EXCLUSIONS = condition(
    "knc25.exclusions",
    Msg(
        "Not stripped of the police title, criminally prosecuted, sent to compulsory education or dismissed as a collaborator"
    ),
    _C20,
    _B,
    excluded_on(_GROUNDS),
    ("disqualifications",),
)

# --- deferral while a matter is pending -------------------------------------------------------

_DEFERRING: Final = frozenset(
    {
        PendingMatter.DISCIPLINARY_REVIEW,
        PendingMatter.COMPLAINT_OR_DENUNCIATION,
        PendingMatter.INSPECTION_OR_EXAMINATION,
        PendingMatter.PRESS_VERIFICATION,
        PendingMatter.PUBLIC_OPINION,
    }
)


def _check_deferral(ctx: KncContext) -> Finding:
    pending = ctx.candidate.pending
    if pending is None:
        return unknown("pending")
    if pending & _DEFERRING:
        return found(
            Outcome.NOT_MET,
            Msg(
                "deferred while {matters}; the person may be proposed after a favourable conclusion"
            ),
            matters=labels(pending & _DEFERRING),
        )
    return found(Outcome.MET, Msg("nothing pending that defers the proposal"))


_DEFERRAL = condition(
    "knc25.deferral",
    Msg(
        "No disciplinary review, complaint, inspection, press report or public-opinion issue pending"
    ),
    _C20,
    _B,
    _check_deferral,
    ("pending",),
)

# --- after discipline, qualifying time counts from its end ------------------------------------


def _check_discipline(ctx: KncContext) -> Finding:
    periods = ctx.candidate.discipline
    if periods is None:
        return unknown("discipline")
    running = running_discipline(periods, ctx.on)
    if running is not None and running.end == date.max:  # no day after it can be written
        return found(
            Outcome.NOT_MET,
            Msg("a discipline period runs until {end}: no qualifying time counts while it runs"),
            end=running.end,
        )
    if running is not None:
        return found(
            Outcome.NOT_MET,
            Msg("a discipline period runs until {end}: qualifying time counts only from {start}"),
            end=running.end,
            start=running.end + _ONE_DAY,
        )
    restart = discipline_restart(periods, ctx.on)
    if restart is None:
        return found(Outcome.MET, Msg("no discipline period recorded"))
    return found(
        Outcome.MET,
        Msg("the last discipline period ended on {end}: qualifying time counts from {start}"),
        end=restart - _ONE_DAY,
        start=restart,
    )


_DISCIPLINE = condition(
    "knc25.discipline",
    Msg("After a discipline period, qualifying time counts from its end"),
    _C20,
    _B,
    _check_discipline,
    ("discipline",),
)

# --- leaders ------------------------------------------------------------------------------------

#: Heads of non-public educational institutions are no longer listed.
_POSITIONS: Final = frozenset(LeaderPosition) - {LeaderPosition.EDUCATION_HEAD_NON_PUBLIC}
#: At least 10 years in such positions, from Phòng/Ban level up.
_TENURE: Final = 10 * 12


def _check_commendation(ctx: KncContext) -> Finding:
    best = highest_commendation(ctx)
    if isinstance(best, Finding):
        return best
    wanted = ctx.params.get(P_COMMENDATION_25.name)
    if wanted == "any":
        return found(Outcome.MET, Msg("commended at the level of {level}"), level=best)
    if wanted is None:
        # the highest level meets any minimum the parameter could set
        if best.rank == TOP_RANK:
            return found(Outcome.MET, Msg("commended at the level of {level}"), level=best)
        return unknown(f"parameter:{P_COMMENDATION_25.name}")
    return commended_at_least(best, CommendationLevel.from_code(wanted).rank)


_LEADER = leader_route(
    "knc25",
    _C20,
    positions=_POSITIONS,
    category=Msg(
        "Holds or held a leadership position the circular lists, from commune level"
        " up (public educational institutions only)"
    ),
    category_note=_NOTE_TEXT,
    tenure=condition(
        "knc25.leader.tenure",
        Msg("At least 10 years in such positions from Phòng/Ban level up, to the proposal date"),
        _C20,
        _T,
        # restart=None: this circular itself restarts qualifying time after discipline
        TenureCheck(months=_TENURE, restart=None, positions=_POSITIONS, phong_ban_or_above=True),
        ("leadership", "discipline"),
        confirmation=Confirmation.PARTIAL,
        note=Msg(
            "the Vietnamese wording of 'from Phòng/Ban level up' is not confirmed;"
            " positions marked as below that level are not counted"
        ),
    ),
    commendation=condition(
        "knc25.leader.commendation",
        Msg("Commended at least once for protecting national security (level not confirmed)"),
        _C20,
        _T,
        _check_commendation,
        ("commendations",),
        parameters=(P_COMMENDATION_25,),
    ),
)

# --- members of Tổ bảo vệ an ninh, trật tự ------------------------------------------------------

#: At least 15 years of service for men, 10 for women, days in hard areas counted twice.
_MEN, _WOMEN = 15 * 12, 10 * 12


def _check_team_category(ctx: KncContext) -> Finding:
    service = ctx.candidate.service
    if service is None:
        return unknown("service")
    if any(p.role is ServiceRole.TEAM_MEMBER and p.start <= ctx.on for p in service):
        return found(Outcome.MET, Msg("the person has served in a Tổ bảo vệ an ninh, trật tự"))
    return found(
        Outcome.NOT_MET,
        Msg("the person has never served in a Tổ bảo vệ an ninh, trật tự by the proposal date"),
    )


_RATED = judgement(
    "rated_well_throughout",
    Msg("rated as completing tasks well throughout"),
    Msg("not rated as completing tasks well throughout"),
)

_TEAM = RouteDefinition(
    id="team",
    title=Msg("Members of Tổ bảo vệ an ninh, trật tự"),
    conditions=(
        condition(
            "knc25.team.category",
            Msg("Is or was a member of a Tổ bảo vệ an ninh, trật tự"),
            _C20,
            _B,
            _check_team_category,
            ("service",),
            note=Msg(
                "antq does not require the membership to last until the proposal date;"
                " the circular as known to antq does not say"
            ),
        ),
        condition(
            "knc25.team.service",
            Msg(
                "At least 15 years of service for men, 10 years for women, to the proposal"
                " date, counting earlier service as Bảo vệ dân phố or part-time commune"
                " police and counting service in especially difficult, border or island"
                " areas twice"
            ),
            _C20,
            _T,
            ServiceCheck(
                _MEN,
                _WOMEN,
                restart=None,
                optional_role=ServiceRole.AGENCY_GUARD,
                optional=P_AGENCY_GUARD_25,
                doubled=True,
            ),
            ("service", "sex", "discipline"),
            parameters=(P_AGENCY_GUARD_25,),
        ),
        condition(
            "knc25.team.rating",
            Msg("Rated as completing tasks well throughout"),
            _C20,
            _J,
            _RATED,
            ("rated_well_throughout",),
            judgement=True,
        ),
    ),
)

# --- the rule set ---------------------------------------------------------------------------------

KNC_TT20: Final[AwardRules[KncContext]] = AwardRules(
    id="knc.tt20-2025",
    award=AwardForm.KY_NIEM_CHUONG_BVANTQ,
    subject=Subject.PERSON,
    title=Msg("Kỷ niệm chương “Bảo vệ an ninh Tổ quốc” under Thông tư 20/2025/TT-BCA"),
    instrument=TT20,
    citation=_C20,
    date_role=DateRole.PROPOSAL,
    valid_from=TT20_FROM,
    conditions=(
        once("knc25", _C20),
        _CAND_AWARDS,
        _EXCLUSIONS,
        _DEFERRAL,
        _DISCIPLINE,
    ),
    routes=(_LEADER, _TEAM),
    notes=(_NOTE_TEXT,),
)
