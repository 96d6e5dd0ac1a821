"""Scoring's vocabularies, a unit's values (:class:`ScoringFacts`) and the results, with their JSON."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Any, Final

import attrs

from antq._terminal import escape_controls
from antq.core.criterion import CriterionInfo, CriterionKind
from antq.core.frozen import FrozenMap
from antq.core.outcome import Outcome
from antq.core.reasons import JsonValue, Reason
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import CriterionResult
from antq.emulation.sheets import (
    MovementClass,
    RuleType,
    SheetNature,
    format_points,
    points_from_json,
    points_to_json,
)
from antq.errors import InputError
from antq.i18n.catalog import Label, Msg, label_from_json
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum, Lang

#: The module the vocabularies here name as theirs (in JSON, tracebacks and pickles): the
#: package face, as before it was split.
_PUBLIC = "antq.emulation.scoring"

_HEAD = Msg("{unit} ({kind}), {year}, sheet {sheet}")
_TOTAL = Msg("total: {total} of {max} points")
_TOTAL_OPEN = Msg("total: not yet known, between {low} and {high} of {max} points")
_TOTAL_NONE = Msg("total: none until the unconfirmed items are filled")
_CLASS_LINE = Msg("class")
_VETO_LINE = Msg("limit")
_NEXT_LINE = Msg("next class")
_FILLED_FROM = Msg("filled from")


#: Version of the JSON layout of a :class:`ScoreResult`.
SCORE_SCHEMA_VERSION: Final = 1


class ItemStatus(CodedEnum):
    """Whether an item could be scored."""

    __module__ = _PUBLIC

    SCORED = ("scored", "đã chấm", "scored")
    UNKNOWN = ("unknown", "chưa xác định", "unknown")
    BLOCKED = ("blocked", "chưa có quy định, phải bổ sung", "blocked: must be filled")


class ScoreStatus(CodedEnum):
    """Whether a sheet's total is known."""

    __module__ = _PUBLIC

    COMPLETE = ("complete", "đã đủ", "complete")
    INCOMPLETE = ("incomplete", "thiếu thông tin", "incomplete: information missing")
    BLOCKED = (
        "blocked",
        "bảng điểm còn mục chưa xác nhận",
        "blocked: the sheet has unconfirmed items",
    )


class ClassStatus(CodedEnum):
    """Whether the class is known."""

    __module__ = _PUBLIC

    CLASSIFIED = ("classified", "đã phân loại", "classified")
    BELOW_BANDS = ("below_bands", "dưới mức thấp nhất", "below the lowest band")
    UNKNOWN = ("unknown", "chưa xác định", "unknown")
    NO_BANDS = ("no_bands", "chưa có ngưỡng phân loại", "no classification bands")
    BLOCKED = ("blocked", "chưa chấm được", "blocked")


class VetoOutcome(CodedEnum):
    """Whether a veto limits the class."""

    __module__ = _PUBLIC

    APPLIES = ("applies", "áp dụng", "applies")
    CLEAR = ("clear", "không áp dụng", "does not apply")
    UNKNOWN = ("unknown", "chưa xác định", "unknown")


#: A veto that applies caps the class: its condition, "the class is not capped", is not met.
_VETO_OUTCOME: Final = {
    VetoOutcome.APPLIES: Outcome.NOT_MET,
    VetoOutcome.CLEAR: Outcome.MET,
    VetoOutcome.UNKNOWN: Outcome.UNKNOWN,
}

#: A score's outcome is whether the unit reaches a class (see :attr:`ScoreResult.outcome`).
_CLASS_OUTCOME: Final = {
    ClassStatus.CLASSIFIED: Outcome.MET,
    ClassStatus.BELOW_BANDS: Outcome.NOT_MET,
    ClassStatus.UNKNOWN: Outcome.UNKNOWN,
    ClassStatus.NO_BANDS: Outcome.UNKNOWN,
    ClassStatus.BLOCKED: Outcome.UNKNOWN,
}


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

    @property
    def outcome(self) -> Outcome:
        """MET when the item gives its full points, NOT_MET when fewer, UNKNOWN until scored."""
        if self.status is not ItemStatus.SCORED or self.points is None or self.max_points is None:
            return Outcome.UNKNOWN
        return Outcome.MET if self.points >= self.max_points else Outcome.NOT_MET

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

    def as_result(self) -> CriterionResult:
        """The veto as a criterion's result: MET when it does not cap the class, NOT_MET when
        it does, UNKNOWN while undecided; its id is ``veto:<id>``."""
        about = CriterionInfo(
            id=f"veto:{self.veto_id}",
            title=self.text,
            citation=self.citation,
            kind=CriterionKind.BOOLEAN,
            confirmation=self.confirmation,
        )
        return CriterionResult(
            about=about,
            outcome=_VETO_OUTCOME[self.outcome],
            reason=self.reason,
            missing=self.missing,
        )

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

    @property
    def outcome(self) -> Outcome:
        """Whether the unit reaches a class on the sheet.

        MET once the class is known (from the total, or from bounds that fall in one band),
        NOT_MET below the lowest band, UNKNOWN while information is missing, the sheet has
        unfilled items or it has no bands.
        """
        return _CLASS_OUTCOME[self.classification.status]

    def all_results(self) -> Iterator[ItemResult | CriterionResult]:
        """Every item's result, then each veto's as a criterion result (:meth:`VetoResult.as_result`)."""
        yield from self.items
        for veto in self.classification.vetoes:
            yield veto.as_result()

    @property
    def missing_inputs(self) -> tuple[str, ...]:
        """Every missing input, once: the items' and the vetoes'."""
        seen = dict.fromkeys(self.missing)
        for result in self.all_results():
            seen.update(dict.fromkeys(result.missing))
        return tuple(seen)

    def shortfall(self) -> tuple[ItemResult | CriterionResult, ...]:
        """The gap to pass: the items (not their groups) short of their full points and the
        vetoes that cap the class, each with its reason; the points the next class needs
        are in ``classification.next``."""
        leaves = [
            r
            for r, after in zip(self.items, (*self.items[1:], None), strict=True)
            if after is None or after.depth <= r.depth
        ]
        found: list[ItemResult | CriterionResult] = [*leaves]
        found += (v.as_result() for v in self.classification.vetoes)
        return tuple(r for r in found if r.outcome is Outcome.NOT_MET)

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
