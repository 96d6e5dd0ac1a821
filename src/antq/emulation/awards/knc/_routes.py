"""The conditions and checks both circulars of the medal declare alike, each with its own.

Each circular's module builds the conditions with its id prefix (``knc21``,
``knc25``) and its citation, and the checks with its grounds and positions,
passing its own conditions next to them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from antq.core.criterion import CriterionKind, Finding
from antq.emulation.awards.eligibility import Condition, RouteDefinition, condition
from antq.emulation.awards.knc.context import (
    ACHIEVEMENTS,
    NO_HOTSPOT,
    NO_INCIDENT,
    KncContext,
    check_once,
    disqualified,
    leader_category,
)
from antq.emulation.awards.knc.vocabulary import Disqualification, LeaderPosition
from antq.i18n.catalog import Label, Msg
from antq.law.citation import Citation

__all__ = ["excluded_on", "leader_in", "leader_route", "once"]


def excluded_on(grounds: Collection[Disqualification]) -> Callable[[KncContext], Finding]:
    """The check of a circular's exclusions: ``disqualified`` on its ``grounds``."""

    def check(ctx: KncContext) -> Finding:
        return disqualified(ctx, grounds)

    return check


def leader_in(allowed: Collection[LeaderPosition]) -> Callable[[KncContext], Finding]:
    """The check of a circular's leaders' category: ``leader_category`` in ``allowed``."""

    def check(ctx: KncContext) -> Finding:
        return leader_category(ctx, allowed)

    return check


def once(prefix: str, citation: Citation) -> Condition[KncContext]:
    """``<prefix>.once``: the medal is awarded once in a lifetime."""
    return condition(
        f"{prefix}.once",
        Msg("Awarded only once in a lifetime"),
        citation,
        CriterionKind.BOOLEAN,
        check_once,
        ("already_awarded",),
    )


def leader_route(
    prefix: str,
    citation: Citation,
    *,
    positions: Collection[LeaderPosition],
    category: Label,
    category_note: Label,
    tenure: Condition[KncContext],
    commendation: Condition[KncContext],
) -> RouteDefinition[KncContext]:
    """The route ``leader`` (``<prefix>.leader.*``): the category, held one of ``positions``
    (titled ``category``), the circular's tenure and commendation conditions, and the
    leaders' judgements both circulars read alike."""
    return RouteDefinition(
        id="leader",
        title=Msg(
            "Leaders of Party committees, government, organisations, schools and enterprises"
        ),
        conditions=(
            condition(
                f"{prefix}.leader.category",
                category,
                citation,
                CriterionKind.BOOLEAN,
                leader_in(positions),
                ("leadership",),
                note=category_note,
            ),
            tenure,
            condition(
                f"{prefix}.leader.achievements",
                Msg("Has achievements in the movement"),
                citation,
                CriterionKind.JUDGEMENT,
                ACHIEVEMENTS,
                ("movement_achievements",),
                judgement=True,
            ),
            commendation,
            condition(
                f"{prefix}.leader.no-hotspot",
                Msg("No complex social-evil hotspot in the unit or locality led"),
                citation,
                CriterionKind.JUDGEMENT,
                NO_HOTSPOT,
                ("unit_no_social_evil_hotspot",),
                judgement=True,
            ),
            condition(
                f"{prefix}.leader.no-serious-incident",
                Msg("No serious security or order incident in the unit or locality led"),
                citation,
                CriterionKind.JUDGEMENT,
                NO_INCIDENT,
                ("unit_no_serious_incident",),
                judgement=True,
            ),
        ),
    )
