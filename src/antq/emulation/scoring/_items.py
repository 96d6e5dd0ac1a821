"""Each item's points and why: the rules of a sheet applied to a unit's values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from math import floor

import attrs

from antq.core.frozen import FrozenMap
from antq.core.reasons import Param, Percent, Reason
from antq.emulation.scoring._results import ItemResult, ItemStatus, _Points
from antq.emulation.sheets import (
    AllOrNothing,
    Assessor,
    Comparison,
    Otherwise,
    PerOccurrence,
    Proportional,
    RuleType,
    ScoringSheet,
    SheetItem,
    Threshold,
    Unconfirmed,
    points_text,
    points_to_json,
)
from antq.errors import InputError
from antq.i18n.catalog import Msg, Text
from antq.i18n.formatting import Threshold as Limit
from antq.i18n.formatting import format_threshold

_MISSING = Msg("not enough information: missing {inputs}")
_UNFILLED = Msg(
    "the points or rule of this item are not confirmed in the law as known to antq: fill it with a province override"
)
_YES = Msg("{input}: yes, so the full {max} points")
_NO = Msg("{input}: no, so 0 of {max} points")
_AT_LEAST = Msg("{part}/{whole} = {share}, at least {threshold}: the full {max} points")
_MORE_THAN = Msg("{part}/{whole} = {share}, more than {threshold}: the full {max} points")
_BELOW_ZERO = Msg("{part}/{whole} = {share}, below {threshold}: 0 of {max} points")
_NOT_MORE_ZERO = Msg("{part}/{whole} = {share}, not more than {threshold}: 0 of {max} points")
_BELOW_ASSESSOR = Msg(
    "{part}/{whole} = {share}, below {threshold}: the assessor gave {points} of {max} points"
)
_NOT_MORE_ASSESSOR = Msg(
    "{part}/{whole} = {share}, not more than {threshold}: the assessor gave {points} of {max} points"
)
_UNDEFINED_SHARE = Msg("{whole} is 0, so the share is undefined and the item cannot be scored")
_PROPORTIONAL = Msg(
    "{max} × {part}/{whole} points, rounded down to a multiple of {step}: {points} of {max}"
)
_NO_OCCURRENCE = Msg("no occurrence: the full {max} points")
_OCCURRENCES = Msg("{count} occurrence(s), minus {per} each: {points} of {max} points")
_OCCURRENCES_FLOOR = Msg(
    "{count} occurrence(s), minus {per} each, but not below {floor}: {points} of {max} points"
)
_ASSESSOR = Msg("points given by the assessor: {points} of {max}")
_GROUP = Msg("sum of the sub-items: {points} of {max} points")
_GROUP_UNKNOWN = Msg("sum of the sub-items not yet known: between {low} and {high} of {max} points")
_GROUP_BLOCKED = Msg(
    "sub-items {items} are not confirmed and must be filled before this item can be scored"
)


def _labels(sheet: ScoringSheet, names: Iterable[str]) -> Text:
    chosen = [sheet.input(n).label for n in names]
    return Text(vi="; ".join(t.vi for t in chosen), en="; ".join(t.en for t in chosen))


def _pct(value: Fraction) -> Text:
    return Text(vi=format_threshold(value, "vi"), en=format_threshold(value, "en"))


def _reason(template: Msg, /, **params: Param) -> Reason:
    return Reason(template=template, params=FrozenMap(params))


def _scored(awarded: Fraction, template: Msg, /, **params: Param) -> _Points:
    reason = _reason(template, **params)
    return _Points(
        status=ItemStatus.SCORED, points=awarded, low=awarded, high=awarded, reason=reason
    )


def _unknown(
    low: Fraction, high: Fraction, reason: Reason, missing: tuple[str, ...] = ()
) -> _Points:
    return _Points(
        status=ItemStatus.UNKNOWN, points=None, low=low, high=high, reason=reason, missing=missing
    )


def _blocked(reason: Reason) -> _Points:
    return _Points(status=ItemStatus.BLOCKED, points=None, low=None, high=None, reason=reason)


def _missing(
    sheet: ScoringSheet, item: SheetItem, names: tuple[str, ...], low: Fraction
) -> _Points:
    assert item.max_points is not None
    return _unknown(low, item.max_points, _reason(_MISSING, inputs=_labels(sheet, names)), names)


def _share_leaf(
    sheet: ScoringSheet,
    item: SheetItem,
    rule: Threshold | Proportional,
    values: Mapping[str, object],
) -> tuple[Fraction, int, int] | _Points:
    """The item's maximum and the rule's part and whole, or the leaf when they give no share."""
    top = item.max_points
    assert top is not None
    absent = tuple(n for n in (rule.part, rule.whole) if n not in values)
    if absent:
        return _missing(sheet, item, absent, Fraction(0))
    part, whole = values[rule.part], values[rule.whole]
    assert isinstance(part, int) and isinstance(whole, int)
    if whole == 0:
        reason = _reason(_UNDEFINED_SHARE, whole=sheet.input(rule.whole).label)
        return _unknown(Fraction(0), top, reason)
    return top, part, whole


def _threshold(
    sheet: ScoringSheet, item: SheetItem, rule: Threshold, values: Mapping[str, object], path: str
) -> _Points:
    found = _share_leaf(sheet, item, rule, values)
    if isinstance(found, _Points):
        return found
    top, part, whole = found
    p = rule.percent
    # 100 * part / whole against percent = n/d, in integers: 100 * part * d against n * whole.
    left, right = 100 * part * p.denominator, p.numerator * whole
    at_least = rule.comparison is Comparison.AT_LEAST
    passed = left >= right if at_least else left > right
    params: dict[str, Param] = {
        "part": part,
        "whole": whole,
        "share": Percent(
            numerator=part,
            denominator=whole,
            thresholds=(Limit.at_least(p) if at_least else Limit.more_than(p),),
        ),
        "threshold": _pct(p),
        "max": points_text(top),
    }
    if passed:
        return _scored(top, _AT_LEAST if at_least else _MORE_THAN, **params)
    if rule.otherwise is Otherwise.ZERO:
        return _scored(Fraction(0), _BELOW_ZERO if at_least else _NOT_MORE_ZERO, **params)
    assert rule.assessor_input is not None
    given = values.get(rule.assessor_input)
    if given is None:
        leaf = _missing(sheet, item, (rule.assessor_input,), Fraction(0))
        return attrs.evolve(leaf, high=top)
    assert isinstance(given, Fraction)
    if given >= top:
        raise InputError(
            f"{path}.{rule.assessor_input}",
            points_to_json(given),
            Msg(
                "item {id} is below its threshold, so the assessor's points must be less than the maximum {max}"
            ),
            params={"id": item.id, "max": points_to_json(top)},
        )
    return _scored(
        given,
        _BELOW_ASSESSOR if at_least else _NOT_MORE_ASSESSOR,
        points=points_text(given),
        **params,
    )


def _proportional(
    sheet: ScoringSheet, item: SheetItem, rule: Proportional, values: Mapping[str, object]
) -> _Points:
    found = _share_leaf(sheet, item, rule, values)
    if isinstance(found, _Points):
        return found
    top, part, whole = found
    exact = top * Fraction(part, whole)
    points = floor(exact / rule.step) * rule.step
    return _scored(
        Fraction(points),
        _PROPORTIONAL,
        max=points_text(top),
        part=part,
        whole=whole,
        step=points_text(rule.step),
        points=points_text(Fraction(points)),
    )


def _per_occurrence(
    sheet: ScoringSheet, item: SheetItem, rule: PerOccurrence, values: Mapping[str, object]
) -> _Points:
    top = item.max_points
    assert top is not None
    count = values.get(rule.input)
    if count is None:
        return _missing(sheet, item, (rule.input,), rule.floor)
    assert isinstance(count, int)
    if count == 0:
        return _scored(top, _NO_OCCURRENCE, max=points_text(top))
    raw = top - rule.per * count
    points = max(raw, rule.floor)
    template = _OCCURRENCES if raw >= rule.floor else _OCCURRENCES_FLOOR
    return _scored(
        points,
        template,
        count=count,
        per=points_text(rule.per),
        floor=points_text(rule.floor),
        points=points_text(points),
        max=points_text(top),
    )


def _leaf(sheet: ScoringSheet, item: SheetItem, values: Mapping[str, object], path: str) -> _Points:
    rule = item.rule
    if isinstance(rule, Unconfirmed):
        return _blocked(_reason(_UNFILLED))
    top = item.max_points
    assert top is not None
    if isinstance(rule, AllOrNothing):
        value = values.get(rule.input)
        if value is None:
            return _missing(sheet, item, (rule.input,), Fraction(0))
        label = sheet.input(rule.input).label
        if value is True:
            return _scored(top, _YES, input=label, max=points_text(top))
        return _scored(Fraction(0), _NO, input=label, max=points_text(top))
    if isinstance(rule, Threshold):
        return _threshold(sheet, item, rule, values, path)
    if isinstance(rule, Proportional):
        return _proportional(sheet, item, rule, values)
    if isinstance(rule, PerOccurrence):
        return _per_occurrence(sheet, item, rule, values)
    assert isinstance(rule, Assessor)
    given = values.get(rule.input)
    if given is None:
        return _missing(sheet, item, (rule.input,), Fraction(0))
    assert isinstance(given, Fraction)
    return _scored(given, _ASSESSOR, points=points_text(given), max=points_text(top))


def _score_item(
    sheet: ScoringSheet,
    item: SheetItem,
    depth: int,
    values: Mapping[str, object],
    path: str,
    out: list[ItemResult],
) -> ItemResult:
    def result(leaf: _Points, max_points: Fraction | None) -> ItemResult:
        return ItemResult(
            about=item.info,
            depth=depth,
            rule=None if item.rule is None else item.rule.type,
            max_points=max_points,
            **attrs.asdict(leaf, recurse=False),
            source=item.source,
        )

    if not item.children:
        own = result(_leaf(sheet, item, values, path), item.max_points)
        out.append(own)
        return own
    index = len(out)
    out.append(own := result(_blocked(_reason(_UNFILLED)), None))
    children = [_score_item(sheet, child, depth + 1, values, path, out) for child in item.children]
    top = item.known_max
    blocked = [r for r in out[index + 1 :] if r.rule is RuleType.UNCONFIRMED]
    if blocked:
        leaf = _blocked(_reason(_GROUP_BLOCKED, items=", ".join(r.item_id for r in blocked)))
    else:
        assert top is not None
        missing = tuple(dict.fromkeys(m for c in children for m in c.missing))
        if all(c.status is ItemStatus.SCORED for c in children):
            points = sum((c.points for c in children if c.points is not None), Fraction(0))
            leaf = _scored(points, _GROUP, points=points_text(points), max=points_text(top))
        else:
            low = sum((c.low for c in children if c.low is not None), Fraction(0))
            high = sum((c.high for c in children if c.high is not None), Fraction(0))
            reason = _reason(
                _GROUP_UNKNOWN, low=points_text(low), high=points_text(high), max=points_text(top)
            )
            leaf = _unknown(low, high, reason, missing)
    own = result(leaf, top)
    out[index] = own
    return own
