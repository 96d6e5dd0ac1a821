"""Findings of award conditions: the answers a condition's check returns.

Every check of the award rules builds its :class:`~antq.core.criterion.Finding`
with these, so an UNKNOWN always names what is missing in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from antq.core.criterion import Finding
from antq.core.outcome import Outcome
from antq.core.reasons import Param, Reason
from antq.i18n.catalog import Label, Msg, Text
from antq.vocabulary import CodedEnum

__all__ = ["found", "labels", "unknown"]

_MISSING: Final = Msg("not enough information: missing {inputs}")


def unknown(*missing: str) -> Finding:
    """UNKNOWN for want of ``missing`` (fact names, or ``parameter:<name>``)."""
    return Finding(
        outcome=Outcome.UNKNOWN,
        reason=Reason(template=_MISSING, params={"inputs": ", ".join(missing)}),
        missing=missing,
    )


def found(outcome: Outcome, template: Label, **params: Param) -> Finding:
    """A decided finding: ``outcome`` with the reason ``template`` filled with ``params``."""
    return Finding(outcome=outcome, reason=Reason(template=template, params=params))


def labels(items: Iterable[CodedEnum]) -> Text:
    """The labels of ``items`` in code order, joined with "; ", in both languages."""
    ordered = sorted(items, key=lambda m: m.code)
    return Text(
        vi="; ".join(m.label_vi for m in ordered), en="; ".join(m.label_en for m in ordered)
    )
