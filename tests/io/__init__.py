"""Tests of antq.io: batch readers, names, the Vietnamese CSV dialect, workbooks in and out,
templates, flat rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from antq import evaluate_round
from antq.core.facts import UnitFacts
from antq.errors import InputError
from antq.safety.hierarchy import RoundResult
from antq.vocabulary import CodedEnum


def fact_json(value: Any) -> Any:
    """A parsed fact as a facts document writes it."""
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, CodedEnum):
        return value.code
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return sorted(m.code for m in value)
    if isinstance(value, tuple):
        return [fact_json(v) for v in value]
    if hasattr(value, "__attrs_attrs__"):
        return {
            a.name: fact_json(getattr(value, a.name))
            for a in value.__attrs_attrs__
            if a.init and getattr(value, a.name) not in (None, "")
        }
    raise TypeError(value)


def unit_json(unit: UnitFacts) -> dict[str, Any]:
    """A unit as one line of a JSON Lines file."""
    data: dict[str, Any] = {"id": unit.unit_id, "kind": unit.kind.code, "year": unit.year}
    for key in ("name", "commune", "province"):
        if getattr(unit, key) is not None:
            data[key] = getattr(unit, key)
    if unit.period is not None:
        data["period"] = str(unit.period)
    data["facts"] = {name: fact_json(v) for name, v in unit.values.items()}
    return data


def outcomes(evaluation: RoundResult) -> dict[tuple[str, str, int], tuple[str, ...]]:
    """Every unit's outcome and its criteria's outcomes, communes' roll-ups included."""
    return {
        (u.verdict.kind.code, u.verdict.unit_id, u.verdict.year): (
            u.verdict.outcome.code,
            *(f"{r.criterion_id}={r.outcome.code}" for r in u.verdict.all_results()),
        )
        for u in evaluation.units
    }


def evaluate_items(items: Iterable[UnitFacts | InputError]) -> RoundResult:
    return evaluate_round(items)
