"""What a condition of the medal sees, and the checks both circulars make alike.

The checks here take what differs between the circulars (the grounds for
exclusion, the positions that count, the lowest commendation) as arguments; each
circular's module says what it passes, next to the clause it encodes.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Collection, Mapping
from datetime import date
from typing import Final

import attrs

from antq.core.criterion import Finding
from antq.core.outcome import Outcome
from antq.core.periods import MonthEndPolicy
from antq.emulation.awards.eligibility import condition as condition
from antq.emulation.awards.findings import found, labels, unknown
from antq.emulation.awards.knc.candidate import KncCandidate
from antq.emulation.awards.knc.vocabulary import CommendationLevel, Disqualification, LeaderPosition
from antq.i18n.catalog import Label, Msg

__all__ = [
    "ACHIEVEMENTS",
    "NO_HOTSPOT",
    "NO_INCIDENT",
    "KncContext",
    "check_once",
    "commended_at_least",
    "condition",
    "disqualified",
    "highest_commendation",
    "judgement",
    "leader_category",
]


@attrs.frozen(kw_only=True)
class KncContext:
    """What a condition sees: the candidate, the proposal date, the parameters, the policy.

    ``tt20`` is deprecated and ignored: each circular has its own rule set, so
    the rule set evaluated says which circular applies.
    """

    candidate: KncCandidate
    on: date
    params: Mapping[str, object]
    policy: MonthEndPolicy
    tt20: bool | None = None

    def __attrs_post_init__(self) -> None:
        if self.tt20 is not None:
            warnings.warn(
                "KncContext(tt20=...) is deprecated and ignored: the rule set"
                " (KNC_TT11 or KNC_TT20) says which circular applies",
                DeprecationWarning,
                stacklevel=3,
            )


def judgement(name: str, yes: Label, no: Label) -> Callable[[KncContext], Finding]:
    """A check reading the assessor's judgement ``name`` of the candidate (None = not given)."""

    def check(ctx: KncContext) -> Finding:
        value = getattr(ctx.candidate, name)
        if value is None:
            return unknown(name)
        return found(Outcome.MET if value else Outcome.NOT_MET, yes if value else no)

    return check


def check_once(ctx: KncContext) -> Finding:
    """The medal is awarded once in a lifetime."""
    done = ctx.candidate.already_awarded
    if done is None:
        return unknown("already_awarded")
    if done:
        return found(Outcome.NOT_MET, Msg("the person has already received the medal"))
    return found(Outcome.MET, Msg("the person has not received the medal before"))


def disqualified(ctx: KncContext, grounds: Collection[Disqualification]) -> Finding:
    """NOT_MET on one of ``grounds``; UNKNOWN on a ground the circular is not known to name."""
    recorded = ctx.candidate.disqualifications
    if recorded is None:
        return unknown("disqualifications")
    hit = recorded & frozenset(grounds)
    if hit:
        return found(Outcome.NOT_MET, Msg("not proposed: {grounds}"), grounds=labels(hit))
    if recorded:
        return found(
            Outcome.UNKNOWN,
            Msg(
                "the text of the circular available to antq does not say whether {grounds} excludes"
            ),
            grounds=labels(recorded),
        )
    return found(Outcome.MET, Msg("no ground for exclusion recorded"))


def leader_category(ctx: KncContext, allowed: Collection[LeaderPosition]) -> Finding:
    """MET when the candidate held one of the ``allowed`` positions by the proposal date."""
    periods = ctx.candidate.leadership
    if periods is None:
        return unknown("leadership")
    held = {p.position for p in periods if p.position in allowed and p.start <= ctx.on}
    if held:
        return found(Outcome.MET, Msg("the person has held: {positions}"), positions=labels(held))
    return found(Outcome.NOT_MET, Msg("no leadership position of the kinds the circular lists"))


def highest_commendation(ctx: KncContext) -> CommendationLevel | Finding:
    """The highest level commended by the proposal date, or the finding when there is none."""
    given = ctx.candidate.commendations
    if given is None:
        return unknown("commendations")
    before = [c for c in given if c.on <= ctx.on]
    if not before:
        return found(Outcome.NOT_MET, Msg("no commendation for protecting national security"))
    return max(before, key=lambda c: c.level.rank).level


def commended_at_least(best: CommendationLevel, minimum: int) -> Finding:
    """MET when ``best`` ranks at least ``minimum``."""
    if best.rank >= minimum:
        return found(Outcome.MET, Msg("commended at the level of {level}"), level=best)
    return found(
        Outcome.NOT_MET,
        Msg("the highest commendation is at the level of {level}, below the level required"),
        level=best,
    )


#: The leaders' judgements, read alike under both circulars.
ACHIEVEMENTS: Final = judgement(
    "movement_achievements",
    Msg("the person has achievements in the movement"),
    Msg("no achievements in the movement found"),
)
NO_HOTSPOT: Final = judgement(
    "unit_no_social_evil_hotspot",
    Msg("no complex social-evil hotspot in the unit or locality led"),
    Msg("the unit or locality led has a complex social-evil hotspot"),
)
NO_INCIDENT: Final = judgement(
    "unit_no_serious_incident",
    Msg("no serious security or order incident in the unit or locality led"),
    Msg("the unit or locality led had a serious security or order incident"),
)
