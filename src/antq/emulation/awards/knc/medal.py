"""The medal's question: which circular governs a proposal, and may the person be proposed.

The *proposal date* (ngày đề nghị) chooses the circular, and service and tenure
are counted up to and including it: Thông tư 11/2021/TT-BCA up to 27/04/2025
(from its signing, 26/01/2021), Thông tư 20/2025/TT-BCA from 28/04/2025.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from antq.core.periods import MonthEndPolicy
from antq.emulation.awards.eligibility import AwardRules, Eligibility
from antq.emulation.awards.instruments import TT11_FROM, TT20_FROM
from antq.emulation.awards.knc import tt11_2021, tt20_2025
from antq.emulation.awards.knc.candidate import KncCandidate
from antq.emulation.awards.knc.context import KncContext
from antq.emulation.awards.knc.tt11_2021 import KNC_TT11
from antq.emulation.awards.knc.tt20_2025 import KNC_TT20
from antq.errors import InputError, RuleSetNotFound
from antq.i18n.catalog import Msg
from antq.law.registry import get_instrument

__all__ = ["KNC_RULES", "PARAMETERS", "knc_eligibility", "select_knc_rules"]

#: The medal's rule sets, oldest first.
KNC_RULES: Final = (KNC_TT11, KNC_TT20)
#: Every parameter of the medal's rules; none has a value in antq.
PARAMETERS: Final = (*tt11_2021.PARAMETERS, *tt20_2025.PARAMETERS)


def select_knc_rules(proposed_on: date) -> AwardRules[KncContext]:
    """The medal's rules for a proposal dated ``proposed_on`` (27/04/2025: TT 11; 28/04/2025: TT 20)."""
    if not isinstance(proposed_on, date):
        raise InputError("proposed_on", proposed_on, Msg("expected a date"))
    for rules in KNC_RULES:
        if rules.covers(proposed_on):
            return rules
    raise RuleSetNotFound(
        f"no rules for the Kỷ niệm chương for a proposal dated {proposed_on.isoformat()}:"
        f" antq covers proposals from {TT11_FROM.isoformat()} (Thông tư 11/2021) with no end"
        f" date (Thông tư 20/2025 from {TT20_FROM.isoformat()})"
    )


def knc_eligibility(
    candidate: KncCandidate,
    proposed_on: date,
    *,
    rules: AwardRules[KncContext] | None = None,
    policy: MonthEndPolicy = MonthEndPolicy.CLAMP,
) -> Eligibility:
    """Whether ``candidate`` may be proposed for the medal on ``proposed_on``.

    ``rules`` pins a rule set (:data:`KNC_TT11` or :data:`KNC_TT20`, possibly
    with parameters supplied by :meth:`AwardRules.with_parameters`); by default
    the proposal date chooses. ``policy`` is the month-end policy of the
    service count.
    """
    if not isinstance(candidate, KncCandidate):
        raise InputError("candidate", candidate, Msg("expected a KncCandidate"))
    if not isinstance(policy, MonthEndPolicy):
        raise InputError("policy", policy, Msg("expected a MonthEndPolicy"))
    chosen = rules if rules is not None else select_knc_rules(proposed_on)
    if chosen.instrument not in {r.instrument for r in KNC_RULES}:
        raise InputError("rules", chosen.id, Msg("not rules of the Kỷ niệm chương"))
    signed = get_instrument(chosen.instrument).signed
    if isinstance(proposed_on, date) and signed is not None and proposed_on < signed:
        # Rule R1: even pinned, a circular never governs a proposal made before it was signed.
        raise RuleSetNotFound(
            f"proposed_on: {chosen.id} cannot govern a proposal dated {proposed_on.isoformat()},"
            f" before {chosen.instrument} was signed ({signed.isoformat()})"
        )
    context = KncContext(
        candidate=candidate,
        on=proposed_on,
        params=chosen.resolved_parameters(),
        policy=policy,
    )
    return chosen.answer(context, subject_id=candidate.id, name=candidate.name, on=proposed_on)
