"""Scoring a unit against a sheet: the results, the engine and the scores document."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from fractions import Fraction
from math import floor
from pathlib import Path
from typing import Any, Final

import attrs

from antq._terminal import escape_controls
from antq.confirmation import Confirmation
from antq.core.facts import MAX_YEAR, MIN_YEAR, check_id
from antq.core.outcome import Outcome
from antq.core.reasons import JsonValue, Param, Percent, Reason
from antq.emulation.sheets import (
    AllOrNothing,
    Assessor,
    Comparison,
    MovementClass,
    Otherwise,
    PerOccurrence,
    Proportional,
    RuleType,
    ScoringSheet,
    SheetItem,
    SheetNature,
    Threshold,
    Unconfirmed,
    Veto,
    format_points,
    points_from_json,
    points_text,
    points_to_json,
    shown,
)
from antq.errors import InputError
from antq.frozen import FrozenMap
from antq.i18n.catalog import Label, Msg, Text, label_from_json
from antq.i18n.formatting import Threshold as Limit
from antq.i18n.formatting import format_threshold
from antq.law.citation import Citation
from antq.unit_kinds import UnitKind
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "SCORES_FORMAT_VERSION",
    "SCORE_SCHEMA_VERSION",
    "ClassStatus",
    "Classification",
    "ItemResult",
    "ItemStatus",
    "NextClass",
    "ScoreResult",
    "ScoreStatus",
    "ScoresDocument",
    "ScoringFacts",
    "VetoOutcome",
    "VetoResult",
    "read_scores",
    "read_scores_file",
    "score",
    "score_many",
]

#: Version of the scores document layout (``"antq_scores": 1``).
SCORES_FORMAT_VERSION: Final = 1
#: Version of the JSON layout of a :class:`ScoreResult`.
SCORE_SCHEMA_VERSION: Final = 1
UNIT_KEYS: Final = ("id", "kind", "year", "name", "values")

# --- messages -----------------------------------------------------------------------------

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

_CLASS = Msg("total {total} of {max}: at least {min} points for {class}")
_CLASS_BOUNDED = Msg("total between {low} and {high}: {class} in either case")
_CLASS_CAPPED = Msg(
    "total {total}: {banded} by the points, but at most {class} because of: {vetoes}"
)
_CLASS_BOUNDED_CAPPED = Msg("total between {low} and {high}, at most {class} because of: {vetoes}")
_BELOW_BANDS = Msg("total {total} is below {min}, the minimum for {class}: no class")
_BELOW_BANDS_BOUNDED = Msg(
    "total between {low} and {high}, below {min}, the minimum for {class}: no class"
)
_CLASS_OPEN = Msg("total between {low} and {high}: the class depends on the missing information")
_CLASS_VETO_OPEN = Msg("the class depends on {vetoes}, which cannot be decided yet")
_NO_BANDS = Msg(
    "the sheet has no classification bands: the thresholds are not confirmed in the law as known to antq and must be supplied by a province override"
)
_BLOCKED = Msg(
    "no total: items {items} are not confirmed and must be filled by a province override"
)

_VETO_APPLIES = Msg("{input}: {value}, so the class is at most {cap}")
_VETO_CLEAR = Msg("{input}: {value}, so this does not limit the class")
_VETO_OPEN = Msg("{input}: unknown, so it is not known whether this limits the class")

_NEXT = Msg("{points} more points needed for {class} (at least {min})")
_NEXT_OPEN = Msg(
    "{points} more points needed for {class} (at least {min}), provided that {vetoes}, not yet"
    " decided, does not cap the class"
)
_NEXT_TOP = Msg("already in the highest class")
_NEXT_CAPPED = Msg("at most {cap} because of {vetoes}: more points cannot raise the class")

_HEAD = Msg("{unit} ({kind}), {year}, sheet {sheet}")
_TOTAL = Msg("total: {total} of {max} points")
_TOTAL_OPEN = Msg("total: not yet known, between {low} and {high} of {max} points")
_TOTAL_NONE = Msg("total: none until the unconfirmed items are filled")
_CLASS_LINE = Msg("class")
_VETO_LINE = Msg("limit")
_NEXT_LINE = Msg("next class")
_FILLED_FROM = Msg("filled from")


# --- vocabularies -------------------------------------------------------------------------


class ItemStatus(CodedEnum):
    """Whether an item could be scored."""

    SCORED = ("scored", "đã chấm", "scored")
    UNKNOWN = ("unknown", "chưa xác định", "unknown")
    BLOCKED = ("blocked", "chưa có quy định, phải bổ sung", "blocked: must be filled")


class ScoreStatus(CodedEnum):
    """Whether a sheet's total is known."""

    COMPLETE = ("complete", "đã đủ", "complete")
    INCOMPLETE = ("incomplete", "thiếu thông tin", "incomplete: information missing")
    BLOCKED = (
        "blocked",
        "bảng điểm còn mục chưa xác nhận",
        "blocked: the sheet has unconfirmed items",
    )


class ClassStatus(CodedEnum):
    """Whether the class is known."""

    CLASSIFIED = ("classified", "đã phân loại", "classified")
    BELOW_BANDS = ("below_bands", "dưới mức thấp nhất", "below the lowest band")
    UNKNOWN = ("unknown", "chưa xác định", "unknown")
    NO_BANDS = ("no_bands", "chưa có ngưỡng phân loại", "no classification bands")
    BLOCKED = ("blocked", "chưa chấm được", "blocked")


class VetoOutcome(CodedEnum):
    """Whether a veto limits the class."""

    APPLIES = ("applies", "áp dụng", "applies")
    CLEAR = ("clear", "không áp dụng", "does not apply")
    UNKNOWN = ("unknown", "chưa xác định", "unknown")


# --- facts --------------------------------------------------------------------------------


def _frozen(values: Mapping[str, object]) -> Mapping[str, object]:
    return FrozenMap(values)


@attrs.frozen(kw_only=True)
class ScoringFacts:
    """The values one unit is scored on, for one year.

    ``values`` maps the sheet's input names to values (a bool, a count, points
    as an int, a decimal string, a Decimal or a Fraction, an outcome code, an
    :class:`~antq.Outcome` or a :class:`~antq.Verdict`); absent means unknown.
    """

    unit_id: str
    kind: UnitKind
    year: int
    name: str | None = None
    values: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen)


# --- results ------------------------------------------------------------------------------


def _opt_points(value: Fraction | None) -> str | None:
    return None if value is None else points_to_json(value)


def _opt_points_from(raw: object, path: str) -> Fraction | None:
    return None if raw is None else points_from_json(raw, path)


def _obj(data: object, path: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputError(path, data, Msg("expected an object"))
    return data


def _str(obj: Mapping[str, Any], key: str, path: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise InputError(f"{path}.{key}", value, Msg("expected a string"))
    return value


def _strs(obj: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{path}.{key}", value, Msg("expected a list of strings"))
    return tuple(value)


def _opt_label(raw: object, path: str) -> Label | None:
    return None if raw is None else label_from_json(raw, path=path)


def _label_json(label: Label | None) -> JsonValue:
    return None if label is None else dict(label.to_json())


@attrs.frozen(kw_only=True)
class ItemResult:
    """One item's points and why.

    ``points`` is set when the item is SCORED. An UNKNOWN item has bounds
    (``low`` – ``high``) and names its ``missing`` inputs; a BLOCKED item (an
    unfilled placeholder, or a group containing one) has neither.
    """

    item_id: str
    depth: int
    text: Label
    rule: RuleType | None
    confirmation: Confirmation
    citation: Citation
    max_points: Fraction | None
    status: ItemStatus
    points: Fraction | None
    low: Fraction | None
    high: Fraction | None
    reason: Reason
    missing: tuple[str, ...] = ()
    note: Label | None = None
    source: Label | None = None

    def explain(self, lang: Lang) -> str:
        """One line: id, points of max, text, citation and reason."""
        top = "?" if self.max_points is None else format_points(self.max_points, lang)
        got = "?" if self.points is None else format_points(self.points, lang)
        where = self.citation.render(lang)
        if self.source is not None:
            where += f"; {_FILLED_FROM.render(lang)}: {self.source.render(lang)}"
        line = f"{self.item_id} [{got}/{top}] {self.text.render(lang)} ({where}): {self.reason.render(lang)}"
        if self.note is not None:
            line += f" — {self.note.render(lang)}"
        return line

    def to_json(self, *, texts: tuple[Lang, ...] = ()) -> dict[str, JsonValue]:
        data: dict[str, JsonValue] = {
            "item": self.item_id,
            "depth": self.depth,
            "text": dict(self.text.to_json()),
            "rule": None if self.rule is None else self.rule.code,
            "confirmation": self.confirmation.code,
            "citation": dict(self.citation.to_dict()),
            "max_points": _opt_points(self.max_points),
            "status": self.status.code,
            "points": _opt_points(self.points),
            "low": _opt_points(self.low),
            "high": _opt_points(self.high),
            "reason": self.reason.to_json(),
            "missing": list(self.missing),
            "note": _label_json(self.note),
            "source": _label_json(self.source),
        }
        if texts:
            data["text_reason"] = {lang: self.reason.render(lang) for lang in texts}
        return data

    @classmethod
    def from_json(cls, data: object, *, path: str = "item") -> ItemResult:
        obj = _obj(data, path)
        depth = obj.get("depth")
        if isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
            raise InputError(f"{path}.depth", depth, Msg("expected a whole number >= 0"))
        rule = obj.get("rule")
        return cls(
            item_id=_str(obj, "item", path),
            depth=depth,
            text=label_from_json(obj.get("text"), path=f"{path}.text"),
            rule=None if rule is None else RuleType.from_code(rule, path=f"{path}.rule"),
            confirmation=Confirmation.from_code(
                obj.get("confirmation"), path=f"{path}.confirmation"
            ),
            citation=Citation.from_dict(_obj(obj.get("citation"), f"{path}.citation")),
            max_points=_opt_points_from(obj.get("max_points"), f"{path}.max_points"),
            status=ItemStatus.from_code(obj.get("status"), path=f"{path}.status"),
            points=_opt_points_from(obj.get("points"), f"{path}.points"),
            low=_opt_points_from(obj.get("low"), f"{path}.low"),
            high=_opt_points_from(obj.get("high"), f"{path}.high"),
            reason=Reason.from_json(obj.get("reason"), path=f"{path}.reason"),
            missing=_strs(obj, "missing", path),
            note=_opt_label(obj.get("note"), f"{path}.note"),
            source=_opt_label(obj.get("source"), f"{path}.source"),
        )


@attrs.frozen(kw_only=True)
class VetoResult:
    """Whether one veto limits the class, and why."""

    veto_id: str
    text: Label
    cap: MovementClass
    outcome: VetoOutcome
    reason: Reason
    citation: Citation
    confirmation: Confirmation
    missing: tuple[str, ...] = ()

    def to_json(self, *, texts: tuple[Lang, ...] = ()) -> dict[str, JsonValue]:
        data: dict[str, JsonValue] = {
            "veto": self.veto_id,
            "text": dict(self.text.to_json()),
            "cap": self.cap.code,
            "outcome": self.outcome.code,
            "reason": self.reason.to_json(),
            "citation": dict(self.citation.to_dict()),
            "confirmation": self.confirmation.code,
            "missing": list(self.missing),
        }
        if texts:
            data["text_reason"] = {lang: self.reason.render(lang) for lang in texts}
        return data

    @classmethod
    def from_json(cls, data: object, *, path: str = "veto") -> VetoResult:
        obj = _obj(data, path)
        return cls(
            veto_id=_str(obj, "veto", path),
            text=label_from_json(obj.get("text"), path=f"{path}.text"),
            cap=MovementClass.from_code(obj.get("cap"), path=f"{path}.cap"),
            outcome=VetoOutcome.from_code(obj.get("outcome"), path=f"{path}.outcome"),
            reason=Reason.from_json(obj.get("reason"), path=f"{path}.reason"),
            citation=Citation.from_dict(_obj(obj.get("citation"), f"{path}.citation")),
            confirmation=Confirmation.from_code(
                obj.get("confirmation"), path=f"{path}.confirmation"
            ),
            missing=_strs(obj, "missing", path),
        )


@attrs.frozen(kw_only=True)
class NextClass:
    """The next class up and the points it needs, or why points cannot raise the class."""

    target: MovementClass | None
    points_needed: Fraction | None
    reason: Reason

    def to_json(self) -> dict[str, JsonValue]:
        return {
            "class": None if self.target is None else self.target.code,
            "points_needed": _opt_points(self.points_needed),
            "reason": self.reason.to_json(),
        }

    @classmethod
    def from_json(cls, data: object, *, path: str = "next") -> NextClass:
        obj = _obj(data, path)
        target = obj.get("class")
        return cls(
            target=None
            if target is None
            else MovementClass.from_code(target, path=f"{path}.class"),
            points_needed=_opt_points_from(obj.get("points_needed"), f"{path}.points_needed"),
            reason=Reason.from_json(obj.get("reason"), path=f"{path}.reason"),
        )


@attrs.frozen(kw_only=True)
class Classification:
    """The class, the class the points alone give (``banded``), the vetoes and the next class."""

    status: ClassStatus
    movement_class: MovementClass | None
    banded: MovementClass | None
    reason: Reason
    vetoes: tuple[VetoResult, ...] = ()
    next: NextClass | None = None
    citation: Citation | None = None
    confirmation: Confirmation | None = None

    def to_json(self, *, texts: tuple[Lang, ...] = ()) -> dict[str, JsonValue]:
        data: dict[str, JsonValue] = {
            "status": self.status.code,
            "class": None if self.movement_class is None else self.movement_class.code,
            "banded": None if self.banded is None else self.banded.code,
            "reason": self.reason.to_json(),
            "vetoes": [v.to_json(texts=texts) for v in self.vetoes],
            "next": None if self.next is None else self.next.to_json(),
            "citation": None if self.citation is None else dict(self.citation.to_dict()),
            "confirmation": None if self.confirmation is None else self.confirmation.code,
        }
        if texts:
            data["text_reason"] = {lang: self.reason.render(lang) for lang in texts}
            if self.next is not None:
                data["text_next"] = {lang: self.next.reason.render(lang) for lang in texts}
        return data

    @classmethod
    def from_json(cls, data: object, *, path: str = "classification") -> Classification:
        obj = _obj(data, path)
        vetoes = obj.get("vetoes", [])
        if not isinstance(vetoes, list):
            raise InputError(f"{path}.vetoes", vetoes, Msg("expected a list"))
        klass, banded, citation, status = (
            obj.get("class"),
            obj.get("banded"),
            obj.get("citation"),
            obj.get("confirmation"),
        )
        return cls(
            status=ClassStatus.from_code(obj.get("status"), path=f"{path}.status"),
            movement_class=None
            if klass is None
            else MovementClass.from_code(klass, path=f"{path}.class"),
            banded=None
            if banded is None
            else MovementClass.from_code(banded, path=f"{path}.banded"),
            reason=Reason.from_json(obj.get("reason"), path=f"{path}.reason"),
            vetoes=tuple(
                VetoResult.from_json(v, path=f"{path}.vetoes[{i}]") for i, v in enumerate(vetoes)
            ),
            next=None
            if obj.get("next") is None
            else NextClass.from_json(obj["next"], path=f"{path}.next"),
            citation=None
            if citation is None
            else Citation.from_dict(_obj(citation, f"{path}.citation")),
            confirmation=None
            if status is None
            else Confirmation.from_code(status, path=f"{path}.confirmation"),
        )


@attrs.frozen(kw_only=True)
class ScoreResult:
    """A unit's score on a sheet: items, total, class and next class."""

    sheet_id: str
    sheet_title: Label
    nature: SheetNature
    unit_id: str
    kind: UnitKind
    year: int
    status: ScoreStatus
    total: Fraction | None
    low: Fraction | None
    high: Fraction | None
    max_points: Fraction
    items: tuple[ItemResult, ...]
    classification: Classification
    blocking: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    name: str | None = None
    sources: tuple[Label, ...] = ()
    #: What is not settled about the sheet's hold on this year (e.g. an unknown in-force date).
    notices: tuple[Label, ...] = ()

    @property
    def movement_class(self) -> MovementClass | None:
        """The class, when known."""
        return self.classification.movement_class

    def item(self, item_id: str) -> ItemResult:
        for result in self.items:
            if result.item_id == item_id:
                return result
        raise KeyError(item_id)

    def explain(self, lang: Lang = "vi") -> str:
        """A readable account: the items, the total, the class, the limits and the next class."""
        lines = [
            _HEAD.render(lang).format(
                unit=escape_controls(self.name or self.unit_id),  # text from the input
                kind=self.kind.label(lang),
                year=self.year,
                sheet=self.sheet_id,
            ),
            f"  {self.sheet_title.render(lang)} · {self.nature.label(lang)}",
        ]
        lines += [f"  {_FILLED_FROM.render(lang)}: {s.render(lang)}" for s in self.sources]
        lines += [f"  ! {n.render(lang)}" for n in self.notices]
        lines += [f"  {'  ' * r.depth}- {r.explain(lang)}" for r in self.items]
        top = format_points(self.max_points, lang)
        if self.total is not None:
            lines.append(
                "  " + _TOTAL.render(lang).format(total=format_points(self.total, lang), max=top)
            )
        elif self.low is not None and self.high is not None:
            lines.append(
                "  "
                + _TOTAL_OPEN.render(lang).format(
                    low=format_points(self.low, lang), high=format_points(self.high, lang), max=top
                )
            )
        else:
            lines.append("  " + _TOTAL_NONE.render(lang))
        c = self.classification
        label = c.movement_class.label(lang).upper() if c.movement_class else c.status.label(lang)
        lines.append(f"  {_CLASS_LINE.render(lang)}: {label} — {c.reason.render(lang)}")
        for veto in c.vetoes:
            lines.append(
                f"  {_VETO_LINE.render(lang)} {veto.veto_id} [{veto.outcome.label(lang)}]:"
                f" {veto.text.render(lang)} — {veto.reason.render(lang)}"
            )
        if c.next is not None:
            lines.append(f"  {_NEXT_LINE.render(lang)}: {c.next.reason.render(lang)}")
        return "\n".join(lines)

    def to_json(self, *, texts: tuple[Lang, ...] = ()) -> dict[str, JsonValue]:
        """JSON-ready data; ``texts`` adds the reasons rendered in those languages."""
        return {
            "schema": SCORE_SCHEMA_VERSION,
            "sheet": self.sheet_id,
            "sheet_title": dict(self.sheet_title.to_json()),
            "nature": self.nature.code,
            "sources": [dict(s.to_json()) for s in self.sources],
            "unit": self.unit_id,
            "name": self.name,
            "kind": self.kind.code,
            "year": self.year,
            "status": self.status.code,
            "total": _opt_points(self.total),
            "low": _opt_points(self.low),
            "high": _opt_points(self.high),
            "max_points": points_to_json(self.max_points),
            "blocking": list(self.blocking),
            "missing": list(self.missing),
            "items": [r.to_json(texts=texts) for r in self.items],
            "classification": self.classification.to_json(texts=texts),
            **({"notices": [dict(n.to_json()) for n in self.notices]} if self.notices else {}),
        }

    @classmethod
    def from_json(cls, data: object, *, path: str = "score") -> ScoreResult:
        """Rebuild a result from :meth:`to_json` output (rendered texts are ignored)."""
        obj = _obj(data, path)
        if obj.get("schema") != SCORE_SCHEMA_VERSION:
            raise InputError(
                f"{path}.schema",
                obj.get("schema"),
                Msg("expected {version}"),
                params={"version": SCORE_SCHEMA_VERSION},
            )
        year = obj.get("year")
        if isinstance(year, bool) or not isinstance(year, int):
            raise InputError(f"{path}.year", year, Msg("expected a year"))
        items, sources = obj.get("items"), obj.get("sources", [])
        notices = obj.get("notices", [])
        if not isinstance(items, list):
            raise InputError(f"{path}.items", items, Msg("expected a list"))
        if not isinstance(sources, list):
            raise InputError(f"{path}.sources", sources, Msg("expected a list"))
        if not isinstance(notices, list):
            raise InputError(f"{path}.notices", notices, Msg("expected a list"))
        name = obj.get("name")
        if name is not None and not isinstance(name, str):
            raise InputError(f"{path}.name", name, Msg("expected a string or null"))
        max_points = points_from_json(obj.get("max_points"), f"{path}.max_points")
        return cls(
            sheet_id=_str(obj, "sheet", path),
            sheet_title=label_from_json(obj.get("sheet_title"), path=f"{path}.sheet_title"),
            nature=SheetNature.from_code(obj.get("nature"), path=f"{path}.nature"),
            sources=tuple(
                label_from_json(s, path=f"{path}.sources[{i}]") for i, s in enumerate(sources)
            ),
            notices=tuple(
                label_from_json(n, path=f"{path}.notices[{i}]") for i, n in enumerate(notices)
            ),
            unit_id=_str(obj, "unit", path),
            name=name,
            kind=UnitKind.from_code(obj.get("kind"), path=f"{path}.kind"),
            year=year,
            status=ScoreStatus.from_code(obj.get("status"), path=f"{path}.status"),
            total=_opt_points_from(obj.get("total"), f"{path}.total"),
            low=_opt_points_from(obj.get("low"), f"{path}.low"),
            high=_opt_points_from(obj.get("high"), f"{path}.high"),
            max_points=max_points,
            blocking=_strs(obj, "blocking", path),
            missing=_strs(obj, "missing", path),
            items=tuple(
                ItemResult.from_json(r, path=f"{path}.items[{i}]") for i, r in enumerate(items)
            ),
            classification=Classification.from_json(
                obj.get("classification"), path=f"{path}.classification"
            ),
        )


# --- checking values ----------------------------------------------------------------------


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


# --- scoring items ------------------------------------------------------------------------


def _labels(sheet: ScoringSheet, names: Iterable[str]) -> Text:
    chosen = [sheet.input(n).label for n in names]
    return Text(vi="; ".join(t.vi for t in chosen), en="; ".join(t.en for t in chosen))


def _pct(value: Fraction) -> Text:
    return Text(vi=format_threshold(value, "vi"), en=format_threshold(value, "en"))


@attrs.frozen
class _Leaf:
    status: ItemStatus
    points: Fraction | None
    low: Fraction | None
    high: Fraction | None
    reason: Reason
    missing: tuple[str, ...] = ()


def _reason(template: Msg, /, **params: Param) -> Reason:
    return Reason(template=template, params=FrozenMap(params))


def _scored(awarded: Fraction, template: Msg, /, **params: Param) -> _Leaf:
    return _Leaf(ItemStatus.SCORED, awarded, awarded, awarded, _reason(template, **params))


def _missing(sheet: ScoringSheet, item: SheetItem, names: tuple[str, ...], low: Fraction) -> _Leaf:
    assert item.max_points is not None
    reason = _reason(_MISSING, inputs=_labels(sheet, names))
    return _Leaf(ItemStatus.UNKNOWN, None, low, item.max_points, reason, names)


def _share_leaf(
    sheet: ScoringSheet,
    item: SheetItem,
    part_name: str,
    whole_name: str,
    values: Mapping[str, object],
    extra: tuple[str, ...] = (),
) -> tuple[int, int] | _Leaf:
    absent = tuple(n for n in (part_name, whole_name) if n not in values)
    if absent:
        return _missing(sheet, item, absent, Fraction(0))
    part, whole = values[part_name], values[whole_name]
    assert isinstance(part, int) and isinstance(whole, int)
    if whole == 0:
        assert item.max_points is not None
        reason = _reason(_UNDEFINED_SHARE, whole=sheet.input(whole_name).label)
        return _Leaf(ItemStatus.UNKNOWN, None, Fraction(0), item.max_points, reason)
    return part, whole


def _threshold(
    sheet: ScoringSheet, item: SheetItem, rule: Threshold, values: Mapping[str, object], path: str
) -> _Leaf:
    top = item.max_points
    assert top is not None
    found = _share_leaf(sheet, item, rule.part, rule.whole, values)
    if isinstance(found, _Leaf):
        return found
    part, whole = found
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
) -> _Leaf:
    top = item.max_points
    assert top is not None
    found = _share_leaf(sheet, item, rule.part, rule.whole, values)
    if isinstance(found, _Leaf):
        return found
    part, whole = found
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
) -> _Leaf:
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


def _leaf(sheet: ScoringSheet, item: SheetItem, values: Mapping[str, object], path: str) -> _Leaf:
    rule = item.rule
    if isinstance(rule, Unconfirmed):
        return _Leaf(ItemStatus.BLOCKED, None, None, None, _reason(_UNFILLED))
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
    def result(leaf: _Leaf, max_points: Fraction | None) -> ItemResult:
        return ItemResult(
            item_id=item.id,
            depth=depth,
            text=item.text,
            rule=None if item.rule is None else item.rule.type,
            confirmation=item.confirmation,
            citation=item.citation,
            max_points=max_points,
            status=leaf.status,
            points=leaf.points,
            low=leaf.low,
            high=leaf.high,
            reason=leaf.reason,
            missing=leaf.missing,
            note=item.note,
            source=item.source,
        )

    if not item.children:
        own = result(_leaf(sheet, item, values, path), item.max_points)
        out.append(own)
        return own
    index = len(out)
    out.append(own := result(_Leaf(ItemStatus.BLOCKED, None, None, None, _reason(_UNFILLED)), None))
    children = [_score_item(sheet, child, depth + 1, values, path, out) for child in item.children]
    top = item.known_max
    blocked = [r for r in out[index + 1 :] if r.rule is RuleType.UNCONFIRMED]
    if blocked:
        leaf = _Leaf(
            ItemStatus.BLOCKED,
            None,
            None,
            None,
            _reason(_GROUP_BLOCKED, items=", ".join(r.item_id for r in blocked)),
        )
    else:
        assert top is not None
        missing = tuple(dict.fromkeys(m for c in children for m in c.missing))
        if all(c.status is ItemStatus.SCORED for c in children):
            points = sum((c.points for c in children if c.points is not None), Fraction(0))
            leaf = _Leaf(
                ItemStatus.SCORED,
                points,
                points,
                points,
                _reason(_GROUP, points=points_text(points), max=points_text(top)),
            )
        else:
            low = sum((c.low for c in children if c.low is not None), Fraction(0))
            high = sum((c.high for c in children if c.high is not None), Fraction(0))
            reason = _reason(
                _GROUP_UNKNOWN, low=points_text(low), high=points_text(high), max=points_text(top)
            )
            leaf = _Leaf(ItemStatus.UNKNOWN, None, low, high, reason, missing)
    own = result(leaf, top)
    out[index] = own
    return own


# --- vetoes and classification ------------------------------------------------------------


def _veto(sheet: ScoringSheet, veto: Veto, values: Mapping[str, object]) -> VetoResult:
    value = values.get(veto.input)
    label = sheet.input(veto.input).label
    missing: tuple[str, ...] = ()
    if value is None:
        outcome, missing = VetoOutcome.UNKNOWN, (veto.input,)
        reason = _reason(_MISSING, inputs=label)
    elif value is Outcome.UNKNOWN:
        outcome, reason = VetoOutcome.UNKNOWN, _reason(_VETO_OPEN, input=label)
    else:
        assert isinstance(value, bool | Outcome)
        applies = value in veto.applies_if
        outcome = VetoOutcome.APPLIES if applies else VetoOutcome.CLEAR
        reason = _reason(
            _VETO_APPLIES if applies else _VETO_CLEAR, input=label, value=value, cap=veto.cap
        )
    return VetoResult(
        veto_id=veto.id,
        text=veto.text,
        cap=veto.cap,
        outcome=outcome,
        reason=reason,
        citation=veto.citation,
        confirmation=veto.confirmation,
        missing=missing,
    )


_NO_CAP: Final = 99


def _class_of(rank: int) -> MovementClass | None:
    for member in MovementClass:
        if member.rank == rank:
            return member
    return None


def _classify(
    sheet: ScoringSheet,
    status: ScoreStatus,
    total: Fraction | None,
    low: Fraction | None,
    high: Fraction | None,
    blocking: tuple[str, ...],
    vetoes: tuple[VetoResult, ...],
) -> Classification:
    scheme = sheet.classification

    def make(
        status: ClassStatus,
        reason: Reason,
        klass: MovementClass | None = None,
        banded: MovementClass | None = None,
        nxt: NextClass | None = None,
    ) -> Classification:
        return Classification(
            status=status,
            movement_class=klass,
            banded=banded,
            reason=reason,
            vetoes=vetoes,
            next=nxt,
            citation=None if scheme is None else scheme.citation,
            confirmation=None if scheme is None else scheme.confirmation,
        )

    if status is ScoreStatus.BLOCKED or low is None or high is None:
        return make(ClassStatus.BLOCKED, _reason(_BLOCKED, items=", ".join(blocking)))
    if scheme is None:
        return make(ClassStatus.NO_BANDS, _reason(_NO_BANDS))
    applied = [v for v in vetoes if v.outcome is VetoOutcome.APPLIES]
    cap = min((v.cap.rank for v in applied), default=_NO_CAP)
    band_low, band_high = scheme.band_for(low), scheme.band_for(high)

    def rank(band: Any) -> int:
        return 0 if band is None else int(band.movement_class.rank)

    r_low, r_high = min(rank(band_low), cap), min(rank(band_high), cap)
    lo, hi = points_text(low), points_text(high)
    if r_low != r_high:
        return make(ClassStatus.UNKNOWN, _reason(_CLASS_OPEN, low=lo, high=hi))
    current = r_low
    banded = band_low.movement_class if band_low is not None and band_low == band_high else None
    open_vetoes = [v for v in vetoes if v.outcome is VetoOutcome.UNKNOWN and v.cap.rank < current]
    if open_vetoes:
        names = ", ".join(v.veto_id for v in open_vetoes)
        return make(ClassStatus.UNKNOWN, _reason(_CLASS_VETO_OPEN, vetoes=names), banded=banded)
    exact = total is not None
    if current == 0:
        lowest = scheme.bands[-1]
        params: dict[str, Param] = {
            "min": points_text(lowest.min_points),
            "class": lowest.movement_class,
        }
        reason = (
            _reason(_BELOW_BANDS, total=lo, **params)
            if exact
            else _reason(_BELOW_BANDS_BOUNDED, low=lo, high=hi, **params)
        )
        klass = None
        status_out = ClassStatus.BELOW_BANDS
    else:
        klass = _class_of(current)
        assert klass is not None
        binding = [v.veto_id for v in applied if v.cap.rank == current]
        capped = binding and (banded is None or banded.rank > current)
        if capped:
            names = ", ".join(binding)
            reason = (
                _reason(
                    _CLASS_CAPPED,
                    total=lo,
                    banded=banded or klass,
                    **{"class": klass},
                    vetoes=names,
                )
                if exact
                else _reason(
                    _CLASS_BOUNDED_CAPPED, low=lo, high=hi, **{"class": klass}, vetoes=names
                )
            )
        else:
            band = next(b for b in scheme.bands if b.movement_class is klass)
            reason = (
                _reason(
                    _CLASS,
                    total=lo,
                    max=points_text(sheet.total),
                    min=points_text(band.min_points),
                    **{"class": klass},
                )
                if exact
                else _reason(_CLASS_BOUNDED, low=lo, high=hi, **{"class": klass})
            )
        status_out = ClassStatus.CLASSIFIED
    nxt = None
    if total is not None:
        undecided = [v for v in vetoes if v.outcome is VetoOutcome.UNKNOWN]
        nxt = _next_class(scheme.bands, current, cap, total, applied, undecided)
    return make(status_out, reason, klass, banded, nxt)


def _next_class(
    bands: tuple[Any, ...],
    current: int,
    cap: int,
    total: Fraction,
    applied: list[VetoResult],
    undecided: list[VetoResult],
) -> NextClass:
    higher = [b for b in bands if b.movement_class.rank > current]
    if not higher:
        return NextClass(target=None, points_needed=None, reason=_reason(_NEXT_TOP))
    target = higher[-1]
    if target.movement_class.rank > cap:
        binding = [v for v in applied if v.cap.rank == cap]
        reason = _reason(
            _NEXT_CAPPED, cap=binding[0].cap, vetoes=", ".join(v.veto_id for v in binding)
        )
        return NextClass(target=None, points_needed=None, reason=reason)
    need = target.min_points - total
    params: dict[str, Param] = {
        "points": points_text(need),
        "min": points_text(target.min_points),
        "class": target.movement_class,
    }
    # An undecided veto that would cap below the target: the points may not be enough.
    blocking = [v.veto_id for v in undecided if v.cap.rank < target.movement_class.rank]
    if blocking:
        reason = _reason(_NEXT_OPEN, vetoes=", ".join(blocking), **params)
    else:
        reason = _reason(_NEXT, **params)
    return NextClass(target=target.movement_class, points_needed=need, reason=reason)


# --- scoring ------------------------------------------------------------------------------


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


# --- reading a scores document ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ScoresDocument:
    """The units read from a scores document, and the problems found in it."""

    units: tuple[ScoringFacts, ...]
    errors: tuple[InputError, ...] = ()


def _printable(text: str) -> bool:
    """No lone surrogates (JSON can write them; no output can encode them)."""
    return not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def _unit(raw: object, path: str, sheet: ScoringSheet) -> ScoringFacts:
    if not isinstance(raw, dict):
        raise InputError(path, raw, Msg("expected an object describing a unit"))
    unknown = sorted(set(raw) - set(UNIT_KEYS))
    if unknown:
        raise InputError(
            f"{path}.{unknown[0]}",
            shown(raw[unknown[0]]),
            Msg("unknown key; allowed: {allowed}"),
            params={"allowed": ", ".join(UNIT_KEYS)},
        )
    unit_id = raw.get("id")
    if not isinstance(unit_id, str) or not unit_id.strip() or not _printable(unit_id):
        raise InputError(
            f"{path}.id", shown(unit_id), Msg("expected a non-empty string of characters")
        )
    check_id(unit_id, f"{path}.id")
    kind = UnitKind.from_code(raw.get("kind"), path=f"{path}.kind")
    if kind not in sheet.unit_kinds:
        kinds = ", ".join(k.code for k in sheet.unit_kinds)
        raise InputError(
            f"{path}.kind",
            kind.code,
            Msg("sheet {id} scores {kinds}"),
            params={"id": sheet.id, "kinds": kinds},
        )
    year = raw.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(
            f"{path}.year",
            year,
            Msg("expected a year from {low} to {high}"),
            params={"low": MIN_YEAR, "high": MAX_YEAR},
        )
    name = raw.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip() or not _printable(name)):
        raise InputError(
            f"{path}.name", shown(name), Msg("expected a non-empty string of characters")
        )
    values = raw.get("values", {})
    if not isinstance(values, dict):
        raise InputError(f"{path}.values", values, Msg("expected an object of values"))
    parsed = check_values(sheet, values, f"{path}.values")
    return ScoringFacts(unit_id=unit_id, kind=kind, year=year, name=name, values=parsed)


def read_scores(document: object, sheet: ScoringSheet) -> ScoresDocument:
    """Read an already-parsed scores document for ``sheet``; keeps every good unit."""
    if not isinstance(document, dict):
        return ScoresDocument(
            units=(),
            errors=(
                InputError("$", type(document).__name__, Msg("expected an object with 'units'")),
            ),
        )
    unknown = sorted(set(document) - {"antq_scores", "sheet", "units"})
    if unknown:
        error = InputError(
            unknown[0],
            document[unknown[0]],
            Msg("unknown top-level key; allowed: antq_scores, sheet, units"),
        )
        return ScoresDocument(units=(), errors=(error,))
    version = document.get("antq_scores")
    if version != SCORES_FORMAT_VERSION:
        error = InputError(
            "antq_scores",
            version,
            Msg("expected {version}"),
            params={"version": SCORES_FORMAT_VERSION},
        )
        return ScoresDocument(units=(), errors=(error,))
    named = document.get("sheet")
    if named is not None and named != sheet.id:
        error = InputError(
            "sheet",
            named,
            Msg("the document is for another sheet than {id}"),
            params={"id": sheet.id},
        )
        return ScoresDocument(units=(), errors=(error,))
    raw_units = document.get("units")
    if not isinstance(raw_units, list):
        return ScoresDocument(
            units=(), errors=(InputError("units", raw_units, Msg("expected a list of units")),)
        )
    units: list[ScoringFacts] = []
    errors: list[InputError] = []
    seen: dict[tuple[str, int], str] = {}
    for index, raw in enumerate(raw_units):
        path = f"units[{index}]"
        try:
            unit = _unit(raw, path, sheet)
        except InputError as error:
            errors.append(error)
            continue
        key = (unit.unit_id, unit.year)
        if key in seen:
            errors.append(
                InputError(
                    f"{path}.id",
                    unit.unit_id,
                    Msg("duplicate unit for this year (first at {first})"),
                    params={"first": seen[key]},
                )
            )
            continue
        seen[key] = path
        units.append(unit)
    return ScoresDocument(units=tuple(units), errors=tuple(errors))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise InputError(key, shown(value), Msg("duplicate key in a JSON object"))
        found[key] = value
    return found


def load_scores_document(path: str | Path) -> object:
    """Parse a ``.json`` or ``.toml`` scores document, refusing what cannot be read exactly.

    Files over :data:`antq.io.facts.MAX_DOCUMENT_BYTES` bytes, text that is not
    UTF-8, duplicate JSON keys (JSON would silently keep the last) and nesting
    too deep to parse are :class:`~antq.errors.InputError` naming the file.
    """
    from antq.io._files import lone_cr_to_lf
    from antq.io.facts import MAX_DOCUMENT_BYTES, read_text_file

    path = Path(path)
    name = str(path)
    text = read_text_file(path, limit=MAX_DOCUMENT_BYTES)
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(text, object_pairs_hook=_no_duplicates)
        if suffix == ".toml":
            return tomllib.loads(lone_cr_to_lf(text))
    except InputError as error:
        raise InputError(f"{name}: {error.path}", error.value, error.message) from None
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(
            name,
            suffix,
            Msg("malformed {format}: {error}"),
            params={"format": suffix[1:].upper(), "error": str(error)},
        ) from None
    except RecursionError:
        raise InputError(
            name,
            suffix,
            Msg("malformed {format}: nested too deeply"),
            params={"format": suffix[1:].upper()},
        ) from None
    except ValueError as error:  # e.g. an integer too long to convert
        raise InputError(
            name,
            suffix,
            Msg("malformed {format}: {error}"),
            params={"format": suffix[1:].upper(), "error": str(error)},
        ) from None
    raise InputError(name, suffix, Msg("expected a .json or .toml file"))


def read_scores_file(path: str | Path, sheet: ScoringSheet) -> ScoresDocument:
    """Read a scores document from a ``.json`` or ``.toml`` file (see ``load_scores_document``)."""
    return read_scores(load_scores_document(path), sheet)
