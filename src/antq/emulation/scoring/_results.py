"""Scoring's vocabularies, a unit's values (:class:`ScoringFacts`) and the results, with their JSON."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from functools import partial
from typing import Any, ClassVar, Final

import attrs

from antq._serialise import Codec, JsonRoundTrip, json_form, structure
from antq._terminal import escape_controls
from antq.core.criterion import CriterionInfo, CriterionKind
from antq.core.frozen import frozen
from antq.core.outcome import Outcome
from antq.core.reasons import Reason
from antq.core.rule import AboutRule
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
from antq.i18n.catalog import Label, Msg
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum, Lang

#: What the package face re-exports.
__all__ = [
    "SCORE_SCHEMA_VERSION",
    "ClassStatus",
    "Classification",
    "ItemResult",
    "ItemStatus",
    "NextClass",
    "ScoreResult",
    "ScoreStatus",
    "ScoringFacts",
    "VetoOutcome",
    "VetoResult",
]

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
    values: Mapping[str, object] = attrs.field(factory=dict, converter=frozen)


@attrs.frozen(kw_only=True)
class _Points:
    """An item's points and why, as its rule (or its sub-items) give them."""

    status: ItemStatus
    points: Fraction | None
    low: Fraction | None
    high: Fraction | None
    reason: Reason
    missing: tuple[str, ...] = ()


class _SheetRuleResult(AboutRule):
    """What an item's and a veto's results tell of their rule; ``text`` is the title, as
    the key ``text`` of a sheet file gives it."""

    __slots__ = ()

    @property
    def text(self) -> Label:
        return self.about.title


@attrs.frozen(kw_only=True)
class ItemResult(_Points, _SheetRuleResult, JsonRoundTrip):
    """One item's points and why.

    ``about`` is the item's :attr:`~antq.core.rule.Rule.info`, as a criterion's
    result has it: its id, title (the item's text), citation, kind, status and note.
    ``points`` is set when the item is SCORED. An UNKNOWN item has bounds
    (``low`` – ``high``) and names its ``missing`` inputs; a BLOCKED item (an
    unfilled placeholder, or a group containing one) has neither.
    """

    json_path: ClassVar[str] = "item"

    about: CriterionInfo
    depth: int
    rule: RuleType | None
    max_points: Fraction | None
    source: Label | None = None

    @property
    def item_id(self) -> str:
        return self.about.id

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
        line = f"{self.item_id} [{got}/{top}] {self.title.render(lang)} ({where}): {self.reason.render(lang)}"
        if self.note is not None:
            line += f" — {self.note.render(lang)}"
        return line


@attrs.frozen(kw_only=True)
class VetoResult(_SheetRuleResult, JsonRoundTrip):
    """Whether one veto limits the class, and why.

    ``about`` is the veto's :attr:`~antq.core.rule.Rule.info`: its id, title (the veto's
    text), citation, kind (BOOLEAN) and status; without its note, which a veto result's
    JSON does not carry.
    """

    json_path: ClassVar[str] = "veto"

    about: CriterionInfo
    cap: MovementClass
    outcome: VetoOutcome
    reason: Reason
    missing: tuple[str, ...] = ()

    @property
    def veto_id(self) -> str:
        return self.about.id

    def as_result(self) -> CriterionResult:
        """The veto as a criterion's result: MET when it does not cap the class, NOT_MET when
        it does, UNKNOWN while undecided; its id is ``veto:<id>``."""
        return CriterionResult(
            about=attrs.evolve(self.about, id=f"veto:{self.about.id}"),
            outcome=_VETO_OUTCOME[self.outcome],
            reason=self.reason,
            missing=self.missing,
        )


@attrs.frozen(kw_only=True)
class NextClass(JsonRoundTrip):
    """The next class up and the points it needs, or why points cannot raise the class."""

    json_path: ClassVar[str] = "next"

    target: MovementClass | None
    points_needed: Fraction | None
    reason: Reason


@attrs.frozen(kw_only=True)
class Classification(JsonRoundTrip):
    """The class, the class the points alone give (``banded``), the vetoes and the next class."""

    json_path: ClassVar[str] = "classification"

    status: ClassStatus
    movement_class: MovementClass | None
    banded: MovementClass | None
    reason: Reason
    vetoes: tuple[VetoResult, ...] = ()
    next: NextClass | None = None
    citation: Citation | None = None
    confirmation: Confirmation | None = None


@attrs.frozen(kw_only=True)
class ScoreResult(JsonRoundTrip):
    """A unit's score on a sheet: items, total, class and next class."""

    json_path: ClassVar[str] = "score"

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
                f" {veto.title.render(lang)} — {veto.reason.render(lang)}"
            )
        if c.next is not None:
            lines.append(f"  {_NEXT_LINE.render(lang)}: {c.next.reason.render(lang)}")
        return "\n".join(lines)


# --- JSON -------------------------------------------------------------------------------------


def _opt_points(value: Fraction | None) -> str | None:
    return None if value is None else points_to_json(value)


def _opt_points_from(raw: object) -> Fraction | None:
    return None if raw is None else points_from_json(raw, "")


def _depth(raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise InputError("", raw, Msg("expected a whole number >= 0"))
    return raw


_POINTS: Codec = (points_to_json, partial(points_from_json, path=""))
_OPT_POINTS: Codec = (_opt_points, _opt_points_from)


def _reason_texts(result: ItemResult | VetoResult, texts: tuple[Lang, ...]) -> dict[str, Any]:
    return {"text_reason": {lang: result.reason.render(lang) for lang in texts}}


def _class_texts(result: Classification, texts: tuple[Lang, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {"text_reason": {lang: result.reason.render(lang) for lang in texts}}
    if result.next is not None:
        data["text_next"] = {lang: result.next.reason.render(lang) for lang in texts}
    return data


@attrs.frozen(kw_only=True)
class _ItemAbout:
    """What an item result's JSON says about its item (read back as its ``about``)."""

    item_id: str
    text: Label
    rule: RuleType | None
    confirmation: Confirmation
    citation: Citation
    note: Label | None = None


@attrs.frozen(kw_only=True)
class _VetoAbout:
    """What a veto result's JSON says about its veto (read back as its ``about``)."""

    veto_id: str
    text: Label
    citation: Citation
    confirmation: Confirmation


def _item_about(data: object) -> CriterionInfo:
    read = structure(data, _ItemAbout, "")
    return CriterionInfo(
        id=read.item_id,
        title=read.text,
        citation=read.citation,
        # A group (no rule) adds up its sub-items' points, as the sheet item's kind says.
        kind=CriterionKind.THRESHOLD if read.rule is None else read.rule.kind,
        confirmation=read.confirmation,
        note=read.note,
    )


def _veto_about(data: object) -> CriterionInfo:
    read = structure(data, _VetoAbout, "")
    return CriterionInfo(
        id=read.veto_id,
        title=read.text,
        citation=read.citation,
        kind=CriterionKind.BOOLEAN,
        confirmation=read.confirmation,
    )


def _written_only(value: object) -> object:
    raise TypeError("written through its properties")  # pragma: no cover


json_form(_ItemAbout, rename={"item_id": "item"})
json_form(_VetoAbout, rename={"veto_id": "veto"})
json_form(
    ItemResult,
    # The item, then its points (its own attributes come after those of its points).
    written=(
        "item_id",
        "depth",
        "title",
        "rule",
        "confirmation",
        "citation",
        "max_points",
        *(a.name for a in attrs.fields(_Points)),
        "note",
        "source",
    ),
    read=(
        "about",
        "depth",
        "rule",
        "max_points",
        *(a.name for a in attrs.fields(_Points)),
        "source",
    ),
    rename={"item_id": "item", "title": "text"},
    flatten={"about": CriterionInfo},
    codecs={
        "about": (_written_only, _item_about),
        "depth": (int, _depth),
        **dict.fromkeys(("max_points", "points", "low", "high"), _OPT_POINTS),
    },
    texts=_reason_texts,
)
json_form(
    VetoResult,
    written=(
        "veto_id",
        "title",
        "cap",
        "outcome",
        "reason",
        "citation",
        "confirmation",
        "missing",
    ),
    read=("about", "cap", "outcome", "reason", "missing"),
    rename={"veto_id": "veto", "title": "text"},
    flatten={"about": CriterionInfo},
    codecs={"about": (_written_only, _veto_about)},
    texts=_reason_texts,
)
json_form(NextClass, rename={"target": "class"}, codecs={"points_needed": _OPT_POINTS})
json_form(Classification, rename={"movement_class": "class"}, texts=_class_texts)
json_form(
    ScoreResult,
    written=(
        "sheet_id",
        "sheet_title",
        "nature",
        "sources",
        "unit_id",
        "name",
        "kind",
        "year",
        "status",
        "total",
        "low",
        "high",
        "max_points",
        "blocking",
        "missing",
        "items",
        "classification",
        "notices",
    ),
    rename={"sheet_id": "sheet", "unit_id": "unit"},
    codecs={"max_points": _POINTS, **dict.fromkeys(("total", "low", "high"), _OPT_POINTS)},
    omit_empty=("notices",),
    version=("schema", SCORE_SCHEMA_VERSION),
)
