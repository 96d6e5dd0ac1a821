"""Pieces shared by the Thông tư 23/2012/TT-BCA rule sets: dates, citations, checks, gates."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from antq.core.criterion import (
    Context,
    Criterion,
    CriterionKind,
    Defer,
    FastCheck,
    Finding,
    Parameter,
    finding,
)
from antq.core.inputs import Input
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.ruleset import RoundNotice
from antq.entities.grades import EmulationTitle
from antq.entities.incidents import IncidentCategory
from antq.errors import InputError
from antq.i18n.catalog import Msg, Text
from antq.law.citation import Citation, cite
from antq.law.confirmation import Confirmation
from antq.law.registry import get_instrument
from antq.safety import inputs as shared
from antq.safety._items import fact_item
from antq.safety.checks import NoIncidents, NoneCounted, ShareAtLeast, share_form
from antq.safety.gates import WhenGeneralEducation as _WhenGeneralEducation
from antq.safety.tt23_2012 import inputs as tt23_inputs

INSTRUMENT = "23/2012/TT-BCA"

#: TT 124/2021 took effect on 10/02/2022 and replaced TT 23 (TT 124 Điều 11), so a
#: round whose assessment period ends on or before 09/02/2022 is a TT 23 round.
VALID_TO = date(2022, 2, 9)


#: Rule R1 (addendum-2026-12.md §2.2): no rule set governs a round that closed before
#: its instrument was signed. TT 23 was signed on 27/04/2012 (CONFIRMED); its in-force
#: date, 18/06/2012, rests on metadata only, so the signing date bounds the rule sets
#: and the 2012 round, which began before the circular existed, carries a notice.
VALID_FROM: date = get_instrument(INSTRUMENT).signed or date(2012, 4, 27)

#: The 2012 round: evaluated, with a notice that the circular's hold on it is partial.
ROUND_2012 = RoundNotice(
    id="tt23.round-2012",
    text=Msg(
        "Circular 23/2012 was signed on 27/04/2012 and is reported in force from 18/06/2012"
        " (metadata only, not its own effect clause); the 2012 round began before it existed,"
        " so its application to this round is only partly confirmed"
    ),
    confirmation=Confirmation.PARTIAL,
    applies_from=VALID_FROM,
    applies_to=date(2012, 12, 31),
)
NOTICES: tuple[RoundNotice, ...] = (ROUND_2012,)


def c23(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    """A citation of TT 23; the registry does not know its clause structure, so a
    clause-level citation is accepted but unverified (``Citation.verified`` is False)."""
    return cite(INSTRUMENT, article, clause, point)


# -- gates ---------------------------------------------------------------------------------


def WhenGeneralEducation() -> _WhenGeneralEducation:
    """Gate: applies only to a general-education (phổ thông) school."""
    return _WhenGeneralEducation(
        shared.EDUCATION_LEVEL,
        Msg("the learners are not general-education pupils, so this item does not apply"),
    )


# -- checks --------------------------------------------------------------------------------


def _title_names(titles: tuple[EmulationTitle, ...]) -> Text:
    return Text(
        vi="; ".join(t.label_vi for t in titles) or "không có",
        en="; ".join(t.label_en for t in titles) or "none",
    )


@attrs.frozen
class TitleAtLeast:
    """A force earned a collective emulation title at ``minimum``'s level or higher.

    The input lists the titles earned for the year (empty: none). Titles are
    compared by :meth:`EmulationTitle.at_least`, which ranks an armed-forces
    title and its civilian counterpart equally ("Đơn vị tiên tiến" and
    "Tập thể lao động tiên tiến").
    """

    titles: Input[tuple[EmulationTitle, ...]]
    minimum: EmulationTitle

    def decide(self, context: Context) -> Outcome:
        earned = context[self.titles]
        return Outcome.MET if any(t.at_least(self.minimum) for t in earned) else Outcome.NOT_MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name, minimum = self.titles.name, self.minimum
        met, not_met = Outcome.MET, Outcome.NOT_MET

        def title_at_least(values: Mapping[str, Any], period: Period) -> Outcome:
            return met if any(t.at_least(minimum) for t in values[name]) else not_met

        return title_at_least

    def __call__(self, context: Context) -> Finding:
        earned = context[self.titles]
        best = [t for t in earned if t.at_least(self.minimum)]
        if self.decide(context) is Outcome.MET:
            return finding(
                Outcome.MET,
                Msg("earned '{title}', at least '{minimum}'"),
                title=best[0],
                minimum=self.minimum,
            )
        return finding(
            Outcome.NOT_MET,
            Msg("titles earned: {titles}; '{minimum}' or higher is required"),
            titles=_title_names(earned),
            minimum=self.minimum,
        )


@attrs.frozen
class ShareAtLeastParameter:
    """``100 * part >= threshold * whole`` where the threshold is a parameter.

    Used where the law as known to antq does not confirm the threshold: the
    engine reports UNKNOWN until the user supplies it.
    """

    part: Input[int]
    whole: Input[int]
    threshold: Parameter[int]
    if_empty: Parameter[str] | None = None

    def describe(self) -> dict[str, object]:
        """The rule as data (:mod:`antq.catalogue.rule_form`), its percentage named by its parameter."""
        return share_form(self.part, self.whole, self.threshold, self.if_empty)

    def _with_threshold(self, context: Context) -> ShareAtLeast:
        threshold = context.param(self.threshold)
        if (
            isinstance(threshold, bool)
            or not isinstance(threshold, int)
            or not 0 < threshold <= 100
        ):
            raise InputError(
                f"parameters.{self.threshold.name}",
                threshold,
                Msg("expected a whole percentage 1-100"),
            )
        return ShareAtLeast(self.part, self.whole, threshold, self.if_empty)

    def decide(self, context: Context) -> Outcome:
        return self._with_threshold(context).decide(context)

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        threshold = parameters.get(self.threshold.name)
        if (
            isinstance(threshold, bool)
            or not isinstance(threshold, int)
            or not 0 < threshold <= 100
        ):
            return _defer  # not set (the engine reports UNKNOWN first) or invalid (an error)
        return ShareAtLeast(self.part, self.whole, threshold, self.if_empty).compile(parameters)

    def __call__(self, context: Context) -> Finding:
        return self._with_threshold(context)(context)


def _defer(values: Mapping[str, Any], period: Period) -> Outcome:
    raise Defer


# -- the residential-area items that a commune also applies (Điều 5; Điều 6 khoản 2) ---------

S8_NOTE = Msg(
    "indicated by a secondary source comparing Circular 23/2012 with Circular 124/2021; the text of Article 5 and the clause holding this item are not available to antq"
)
COMMUNE_S8_NOTE = Msg(
    "applies Article 5(2)-(4) of Circular 23/2012 over the commune; this item is indicated by a secondary source, and its wording and clause are not available to antq"
)


def territory_criteria(prefix: str, citation: Citation, note: Msg) -> list[Criterion]:
    """The complaints and disputes items that a secondary source (S8) reports in Điều 5.

    A residential area cites Điều 5; a commune cites Điều 6 khoản 2, which
    applies Điều 5 khoản 2-4 to it. That these items sit in khoản 2-4 (and not
    in khoản 1, the annual items) is antq's reading: their clause is unknown.
    """
    return [
        fact_item(
            f"{prefix}.no-mass-complaints",
            Msg("No mass complaints"),
            citation,
            NoneCounted(tt23_inputs.MASS_COMPLAINTS),
            confirmation=Confirmation.UNCONFIRMED,
            note=note,
        ),
        fact_item(
            f"{prefix}.no-over-level-complaints",
            Msg("No unlawful complaints bypassing the competent level"),
            citation,
            NoneCounted(tt23_inputs.OVER_LEVEL_COMPLAINTS),
            confirmation=Confirmation.UNCONFIRMED,
            note=note,
        ),
        Criterion(
            id=f"{prefix}.no-complex-dispute",
            title=Msg("No complex dispute among the people"),
            citation=citation,
            kind=CriterionKind.BOOLEAN,
            inputs=(shared.INCIDENTS,),
            check=NoIncidents(frozenset({IncidentCategory.PROLONGED_DISPUTE})),
            confirmation=Confirmation.UNCONFIRMED,
            note=note,
        ),
    ]
