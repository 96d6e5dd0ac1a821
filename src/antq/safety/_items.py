"""Criteria of one fact, the commonest items of the circulars: a yes/no fact that must be
yes (:class:`~antq.safety.checks.IsTrue`) or a count that must be zero
(:class:`~antq.safety.checks.NoneCounted`). Each article states what is its own (id,
title, citation, the check); the input the criterion reads is taken from the check.
"""

from __future__ import annotations

from typing import Any

from antq.core.criterion import Criterion, CriterionKind, Gate
from antq.core.inputs import Input
from antq.i18n.catalog import Label
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.safety.checks import IsTrue, NoneCounted


def fact_item(
    id: str,
    title: Label,
    citation: Citation,
    check: IsTrue | NoneCounted,
    *,
    kind: CriterionKind = CriterionKind.BOOLEAN,
    gate_inputs: tuple[Input[Any], ...] = (),
    applies_when: Gate | None = None,
    confirmation: Confirmation = Confirmation.CONFIRMED,
    note: Label | None = None,
) -> Criterion:
    """An item decided by ``check`` of its one fact (``kind`` JUDGEMENT for an assessor's)."""
    fact: Input[Any] = check.fact if isinstance(check, IsTrue) else check.value
    return Criterion(
        id=id,
        title=title,
        citation=citation,
        kind=kind,
        inputs=(fact,),
        check=check,
        gate_inputs=gate_inputs,
        applies_when=applies_when,
        confirmation=confirmation,
        note=note,
    )
