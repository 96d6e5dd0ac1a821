"""Scoring a unit: its values checked, every item scored, the total and the class."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from fractions import Fraction

from antq.emulation.scoring._classify import _classify, _veto
from antq.emulation.scoring._items import _score_item
from antq.emulation.scoring._results import (
    ItemResult,
    ItemStatus,
    ScoreResult,
    ScoreStatus,
    ScoringFacts,
)
from antq.emulation.sheets import (
    Assessor,
    Proportional,
    RuleType,
    ScoringSheet,
    Threshold,
    points_to_json,
    shown,
)
from antq.errors import InputError
from antq.i18n.catalog import Msg


def check_values(sheet: ScoringSheet, values: Mapping[str, object], path: str) -> dict[str, object]:
    """Read and check a unit's values for ``sheet``; returns them parsed, without nulls.

    Unknown names, wrong types, a part larger than its whole and points above an
    item's maximum raise :class:`~antq.errors.InputError` naming ``path.NAME``.
    """
    declared = {i.name: i for i in sheet.inputs}
    parsed: dict[str, object] = {}
    for name, raw in values.items():
        inp = declared.get(name)
        if inp is None:
            raise InputError(
                f"{path}.{name}",
                shown(raw),
                Msg("not an input of sheet {id}; declared: {declared}"),
                params={"id": sheet.id, "declared": ", ".join(declared)},
            )
        if raw is None:
            continue
        parsed[name] = inp.read(raw, path=f"{path}.{name}")
    for item, _ in sheet.walk():
        rule, top = item.rule, item.max_points
        if isinstance(rule, Threshold | Proportional):
            part, whole = parsed.get(rule.part), parsed.get(rule.whole)
            if isinstance(part, int) and isinstance(whole, int) and part > whole:
                raise InputError(
                    f"{path}.{rule.part}",
                    part,
                    Msg("is more than {whole} = {value} (item {id})"),
                    params={"whole": rule.whole, "value": whole, "id": item.id},
                )
        names = []
        if isinstance(rule, Assessor):
            names.append(rule.input)
        if isinstance(rule, Threshold) and rule.assessor_input is not None:
            names.append(rule.assessor_input)
        for name in names:
            given = parsed.get(name)
            if isinstance(given, Fraction) and top is not None and given > top:
                raise InputError(
                    f"{path}.{name}",
                    points_to_json(given),
                    Msg("exceeds the maximum {max} of item {id}"),
                    params={"max": points_to_json(top), "id": item.id},
                )
    return parsed


def score(sheet: ScoringSheet, facts: ScoringFacts) -> ScoreResult:
    """Score one unit on ``sheet`` (see the module docstring)."""
    if facts.kind not in sheet.unit_kinds:
        kinds = ", ".join(k.code for k in sheet.unit_kinds)
        raise InputError(
            f"{facts.unit_id}.kind",
            facts.kind.code,
            Msg("sheet {id} scores {kinds}"),
            params={"id": sheet.id, "kinds": kinds},
        )
    if sheet.valid_from is not None and date(facts.year, 12, 31) < sheet.valid_from:
        # Rule R1: no rating year that ended before the instrument was signed. The year's
        # last day stands for the unit's period end, so no year that might straddle it is lost.
        raise InputError(
            f"{facts.unit_id}.year",
            facts.year,
            Msg(
                "sheet {id} applies to rating years from {year} (its instrument was signed on {signed}) with no end date; antq has no sheet for an earlier year"
            ),
            params={
                "id": sheet.id,
                "year": sheet.valid_from.year,
                "signed": sheet.valid_from.isoformat(),
            },
        )
    path = f"{facts.unit_id}.values"
    values = check_values(sheet, facts.values, path)
    out: list[ItemResult] = []
    tops = [_score_item(sheet, item, 0, values, path, out) for item in sheet.items]
    blocking = tuple(r.item_id for r in out if r.rule is RuleType.UNCONFIRMED)
    missing_items = [m for r in out if r.depth == 0 for m in r.missing]
    vetoes = tuple(_veto(sheet, v, values) for v in sheet.vetoes)
    missing = tuple(dict.fromkeys([*missing_items, *(m for v in vetoes for m in v.missing)]))
    total = low = high = None
    if blocking:
        status = ScoreStatus.BLOCKED
    else:
        low = sum((r.low for r in tops if r.low is not None), Fraction(0))
        high = sum((r.high for r in tops if r.high is not None), Fraction(0))
        if all(r.status is ItemStatus.SCORED for r in tops):
            status, total = ScoreStatus.COMPLETE, low
        else:
            status = ScoreStatus.INCOMPLETE
    return ScoreResult(
        sheet_id=sheet.id,
        sheet_title=sheet.title,
        nature=sheet.nature,
        sources=sheet.sources,
        notices=() if sheet.in_force_note is None else (sheet.in_force_note,),
        unit_id=facts.unit_id,
        name=facts.name,
        kind=facts.kind,
        year=facts.year,
        status=status,
        total=total,
        low=low,
        high=high,
        max_points=sheet.total,
        items=tuple(out),
        classification=_classify(sheet, status, total, low, high, blocking, vetoes),
        blocking=blocking,
        missing=missing,
    )


def score_many(sheet: ScoringSheet, units: Iterable[ScoringFacts]) -> Iterator[ScoreResult]:
    """Score units lazily, in input order."""
    for unit in units:
        yield score(sheet, unit)
