"""Criteria of one fact, the commonest items of the circulars: a yes/no fact that must be
yes, or a count that must be zero. Each article states only what is its own (id, title,
citation, kind, note); what the criterion reads and how it checks it is built here once.
"""

from __future__ import annotations

from typing import Any

from antq.core.criterion import Criterion, CriterionKind, Gate
from antq.core.inputs import Input
from antq.i18n.catalog import Label
from antq.law.citation import Citation
from antq.safety.checks import IsTrue, NoneCounted


def yes_item(
    id: str,
    title: Label,
    citation: Citation,
    fact: Input[bool],
    *,
    kind: CriterionKind = CriterionKind.BOOLEAN,
    gate_inputs: tuple[Input[Any], ...] = (),
    applies_when: Gate | None = None,
    note: Label | None = None,
) -> Criterion:
    """An item met when ``fact`` is yes (``kind`` JUDGEMENT for an assessor's judgement)."""
    return Criterion(
        id=id,
        title=title,
        citation=citation,
        kind=kind,
        inputs=(fact,),
        check=IsTrue(fact),
        gate_inputs=gate_inputs,
        applies_when=applies_when,
        note=note,
    )


def none_item(
    id: str, title: Label, citation: Citation, count: Input[int], *, note: Label | None = None
) -> Criterion:
    """An item met when ``count`` is zero (no discipline, no offence of a kind)."""
    return Criterion(
        id=id,
        title=title,
        citation=citation,
        kind=CriterionKind.BOOLEAN,
        inputs=(count,),
        check=NoneCounted(count),
        note=note,
    )
