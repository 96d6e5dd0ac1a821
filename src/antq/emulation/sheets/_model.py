"""The scoring sheet's model: vocabularies, inputs, rules, items, bands, vetoes and the sheet."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from fractions import Fraction
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from antq.core import rule as core_rule
from antq.core.outcome import Outcome
from antq.core.rule import CriterionKind
from antq.core.unit_kinds import UnitKind
from antq.emulation.sheets._errors import SheetError
from antq.emulation.sheets._limits import _DECIMAL, MAX_COUNT
from antq.emulation.sheets._points import format_points, parse_points, points_to_json, shown
from antq.entities.grades import OrdinalEnum
from antq.errors import InputError, Message
from antq.i18n.catalog import Msg, Text
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum, Lang

#: What the package face re-exports (``Problem`` stays importable, not listed).
__all__ = [
    "AllOrNothing",
    "Assessor",
    "Band",
    "BandScheme",
    "Comparison",
    "InputType",
    "MovementClass",
    "Otherwise",
    "PerOccurrence",
    "Proportional",
    "Rule",
    "RuleType",
    "ScoringSheet",
    "SheetInput",
    "SheetItem",
    "SheetNature",
    "Threshold",
    "Unconfirmed",
    "Veto",
]

#: The module the vocabularies here name as theirs (in JSON, tracebacks and pickles): the
#: package face, as before it was split.
_PUBLIC = "antq.emulation.sheets"

# --- vocabularies -------------------------------------------------------------------------


class MovementClass(OrdinalEnum):
    """The class (mức phân loại) of a unit in the movement's yearly rating.

    Xuất sắc, khá and trung bình are observed in use (emulation-awards.md §5.3);
    a fourth level, yếu, is UNCONFIRMED for QĐ 510 but a sheet may use it. The
    points needed for each class are the sheet's bands, never built into antq.
    """

    __module__ = _PUBLIC

    XUAT_SAC = ("xuat_sac", "xuất sắc", "excellent")
    KHA = ("kha", "khá", "good")
    TRUNG_BINH = ("trung_binh", "trung bình", "average")
    YEU = ("yeu", "yếu", "weak")

    @property
    def rank(self) -> int:
        """4 = xuất sắc ... 1 = yếu."""
        return _CLASS_RANK[self]


_CLASS_RANK: dict[MovementClass, int] = {
    MovementClass.XUAT_SAC: 4,
    MovementClass.KHA: 3,
    MovementClass.TRUNG_BINH: 2,
    MovementClass.YEU: 1,
}


class SheetNature(CodedEnum):
    """Where a sheet comes from."""

    __module__ = _PUBLIC

    LAW = ("law", "theo văn bản của Bộ Công an", "encodes a legal instrument")
    PROVINCIAL = ("provincial", "bảng chấm điểm của tỉnh", "a province's own sheet")
    EXAMPLE = (
        "example",
        "ví dụ minh họa, không phải quy định pháp luật",
        "illustrative example, not law",
    )


class InputType(CodedEnum):
    """The type of a value a sheet's rules read."""

    __module__ = _PUBLIC

    BOOLEAN = ("boolean", "có/không", "yes/no")
    COUNT = ("count", "số lượng", "count")
    POINTS = ("points", "số điểm", "points")
    OUTCOME = ("outcome", "kết quả đánh giá", "evaluation outcome")


class RuleType(CodedEnum):
    """How an item's points are decided (a closed set: nothing else is accepted)."""

    __module__ = _PUBLIC

    ALL_OR_NOTHING = ("all_or_nothing", "đạt thì đủ điểm, không đạt 0 điểm", "full points or none")
    THRESHOLD = ("threshold", "đủ điểm khi đạt tỷ lệ", "full points at a share")
    PROPORTIONAL = ("proportional", "điểm theo tỷ lệ", "points in proportion to a share")
    PER_OCCURRENCE = ("per_occurrence", "trừ điểm mỗi lần xảy ra", "deduction per occurrence")
    ASSESSOR = ("assessor", "điểm do cơ quan đánh giá cho", "points given by the assessor")
    UNCONFIRMED = ("unconfirmed", "chưa xác nhận, phải bổ sung", "unconfirmed: must be filled")

    @property
    def kind(self) -> CriterionKind:
        """How an item with this rule decides: all-or-nothing yes/no (BOOLEAN); threshold,
        proportional and per-occurrence by numbers (THRESHOLD); the assessor by JUDGEMENT.

        An ``unconfirmed`` placeholder is JUDGEMENT: antq cannot decide it, a province
        override must say what it gives.
        """
        return _KINDS[self]


_KINDS: Final[dict[RuleType, CriterionKind]] = {
    RuleType.ALL_OR_NOTHING: CriterionKind.BOOLEAN,
    RuleType.THRESHOLD: CriterionKind.THRESHOLD,
    RuleType.PROPORTIONAL: CriterionKind.THRESHOLD,
    RuleType.PER_OCCURRENCE: CriterionKind.THRESHOLD,
    RuleType.ASSESSOR: CriterionKind.JUDGEMENT,
    RuleType.UNCONFIRMED: CriterionKind.JUDGEMENT,
}


class Comparison(CodedEnum):
    """How a share is compared with a threshold."""

    __module__ = _PUBLIC

    AT_LEAST = ("at_least", "từ ... trở lên", "at least")
    MORE_THAN = ("more_than", "trên", "more than")


class Otherwise(CodedEnum):
    """What a threshold item gives below its threshold."""

    __module__ = _PUBLIC

    ZERO = ("zero", "0 điểm", "no points")
    ASSESSOR = (
        "assessor",
        "cơ quan đánh giá cho điểm (thấp hơn điểm tối đa)",
        "points given by the assessor, below the maximum",
    )


# --- inputs -------------------------------------------------------------------------------


def _read_bool(raw: object, path: str) -> bool:
    if isinstance(raw, bool):
        return raw
    raise InputError(path, shown(raw), Msg("expected true or false"))


def _read_count(raw: object, path: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise InputError(path, shown(raw), Msg("expected a whole number >= 0"))
    if raw < 0:
        raise InputError(path, shown(raw), Msg("must be >= 0"))
    if raw > MAX_COUNT:
        raise InputError(
            path, shown(raw), Msg("must be at most {limit}"), params={"limit": MAX_COUNT}
        )
    return raw


def _read_outcome(raw: object, path: str) -> Outcome:
    if isinstance(raw, Outcome):
        return raw
    outcome = getattr(raw, "outcome", None)  # a Verdict: its outcome
    if isinstance(outcome, Outcome):
        return outcome
    return Outcome.from_code(shown(raw), path=path)


@attrs.frozen(kw_only=True)
class SheetInput:
    """A value the sheet's rules read: its name, type and label.

    ``judgement`` marks a value the assessor decides (points they give, for
    example); antq never computes or defaults it.
    """

    name: str
    type: InputType
    label: Text
    judgement: bool = False

    def read(self, raw: object, *, path: str) -> object:
        """Parse a raw value found at ``path`` (JSON, TOML or Python)."""
        if self.type is InputType.BOOLEAN:
            return _read_bool(raw, path)
        if self.type is InputType.COUNT:
            return _read_count(raw, path)
        if self.type is InputType.POINTS:
            return parse_points(raw, path)
        return _read_outcome(raw, path)

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the value, with both labels."""
        kinds: dict[InputType, dict[str, Any]] = {
            InputType.BOOLEAN: {"type": "boolean"},
            InputType.COUNT: {"type": "integer", "minimum": 0},
            InputType.POINTS: {
                "oneOf": [
                    {"type": "integer", "minimum": 0},
                    {"type": "string", "pattern": _DECIMAL.pattern},
                ]
            },
            InputType.OUTCOME: {"type": "string", "enum": list(Outcome.codes())},
        }
        schema = dict(kinds[self.type])
        schema.update({"description": self.label.en, "x-vi": self.label.vi})
        if self.judgement:
            schema["x-judgement"] = True
        return schema


# --- rules --------------------------------------------------------------------------------

Problem: TypeAlias = tuple[str, object, str]


def _positive(value: Fraction, field: str) -> Iterator[Problem]:
    if not isinstance(value, Fraction) or value <= 0:
        yield field, value, Message(Msg("must be a number > 0"))


@attrs.frozen(kw_only=True)
class AllOrNothing:
    """Full points when the boolean ``input`` is true, none when it is false."""

    type: ClassVar[RuleType] = RuleType.ALL_OR_NOTHING
    input: str

    def inputs(self) -> tuple[tuple[str, str, InputType], ...]:
        """``(field, input name, required type)`` for each input the rule reads."""
        return (("input", self.input, InputType.BOOLEAN),)

    def problems(self, max_points: Fraction | None) -> Iterator[Problem]:
        yield from ()


@attrs.frozen(kw_only=True)
class Threshold:
    """Full points when ``part`` is at least (or more than) ``percent`` of ``whole``.

    Compared in integers: ``100 * part >= percent * whole``. Below the threshold
    the item gives no points (``otherwise = zero``) or the points the assessor
    gives in ``assessor_input``, which must be below the maximum
    (``otherwise = assessor``), for sheets whose text does not say what is
    given below the threshold.
    """

    type: ClassVar[RuleType] = RuleType.THRESHOLD
    part: str
    whole: str
    percent: Fraction
    comparison: Comparison = Comparison.AT_LEAST
    otherwise: Otherwise = Otherwise.ZERO
    assessor_input: str | None = None

    def inputs(self) -> tuple[tuple[str, str, InputType], ...]:
        found = [("part", self.part, InputType.COUNT), ("whole", self.whole, InputType.COUNT)]
        if self.assessor_input is not None:
            found.append(("assessor_input", self.assessor_input, InputType.POINTS))
        return tuple(found)

    def problems(self, max_points: Fraction | None) -> Iterator[Problem]:
        if not isinstance(self.percent, Fraction) or not 0 < self.percent <= 100:
            yield "percent", self.percent, Message(Msg("must be a percentage > 0 and <= 100"))
        if self.part == self.whole:
            yield "whole", self.whole, Message(Msg("part and whole must be different inputs"))
        if not isinstance(self.comparison, Comparison):
            yield "comparison", self.comparison, Message(Msg("must be at_least or more_than"))
        if self.otherwise is Otherwise.ASSESSOR and self.assessor_input is None:
            yield (
                "assessor_input",
                None,
                Message(Msg("otherwise = assessor needs an assessor_input")),
            )
        if self.otherwise is Otherwise.ZERO and self.assessor_input is not None:
            yield (
                "assessor_input",
                self.assessor_input,
                Message(Msg("only read when otherwise = assessor")),
            )


@attrs.frozen(kw_only=True)
class Proportional:
    """Points in proportion to ``part / whole``, rounded **down** to a multiple of ``step``.

    ``step`` must divide the maximum, so that a full share gets the full points.

    The exact value ``max_points * part / whole`` is a Fraction; the awarded
    points are the largest multiple of ``step`` not above it, so a unit is never
    given more than it earned (7 of 9 for 10 points is 7.77…, which gives 7.5
    with a step of 0.5).
    """

    type: ClassVar[RuleType] = RuleType.PROPORTIONAL
    part: str
    whole: str
    step: Fraction

    def inputs(self) -> tuple[tuple[str, str, InputType], ...]:
        return (("part", self.part, InputType.COUNT), ("whole", self.whole, InputType.COUNT))

    def problems(self, max_points: Fraction | None) -> Iterator[Problem]:
        yield from _positive(self.step, "step")
        if max_points is None or not isinstance(self.step, Fraction) or self.step <= 0:
            return
        if self.step > max_points:
            yield (
                "step",
                self.step,
                Message(Msg("must not exceed the item's maximum {max}"), {"max": str(max_points)}),
            )
        elif (max_points / self.step).denominator != 1:
            # Rounding down to the step would then never give the maximum, even for a full share.
            yield (
                "step",
                points_to_json(self.step),
                Message(
                    Msg(
                        "must divide the item's maximum {max},"
                        " or a full share could not get the full points"
                    ),
                    {"max": points_to_json(max_points)},
                ),
            )
        if self.part == self.whole:
            yield "whole", self.whole, Message(Msg("part and whole must be different inputs"))


@attrs.frozen(kw_only=True)
class PerOccurrence:
    """The maximum minus ``per`` points for each occurrence counted in ``input``, not below ``floor``."""

    type: ClassVar[RuleType] = RuleType.PER_OCCURRENCE
    input: str
    per: Fraction
    floor: Fraction = Fraction(0)

    def inputs(self) -> tuple[tuple[str, str, InputType], ...]:
        return (("input", self.input, InputType.COUNT),)

    def problems(self, max_points: Fraction | None) -> Iterator[Problem]:
        yield from _positive(self.per, "per")
        if not isinstance(self.floor, Fraction) or self.floor < 0:
            yield "floor", self.floor, Message(Msg("must be a number >= 0"))
        elif max_points is not None and self.floor >= max_points:
            yield (
                "floor",
                self.floor,
                Message(Msg("must be below the item's maximum {max}"), {"max": str(max_points)}),
            )


@attrs.frozen(kw_only=True)
class Assessor:
    """Points the assessor gives in ``input``, from 0 to the item's maximum."""

    type: ClassVar[RuleType] = RuleType.ASSESSOR
    input: str

    def inputs(self) -> tuple[tuple[str, str, InputType], ...]:
        return (("input", self.input, InputType.POINTS),)

    def problems(self, max_points: Fraction | None) -> Iterator[Problem]:
        yield from ()


@attrs.frozen(kw_only=True)
class Unconfirmed:
    """A placeholder for an item whose points or rule are not confirmed: it blocks scoring."""

    type: ClassVar[RuleType] = RuleType.UNCONFIRMED

    def inputs(self) -> tuple[tuple[str, str, InputType], ...]:
        return ()

    def problems(self, max_points: Fraction | None) -> Iterator[Problem]:
        yield from ()


Rule: TypeAlias = AllOrNothing | Threshold | Proportional | PerOccurrence | Assessor | Unconfirmed
_RULE_CLASSES: Final = (AllOrNothing, Threshold, Proportional, PerOccurrence, Assessor, Unconfirmed)


# --- items, bands, vetoes -----------------------------------------------------------------


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _item_kind(item: SheetItem) -> CriterionKind:
    """How ``item`` decides: its rule's :attr:`RuleType.kind`; a group compares the sum of
    its sub-items' points with its maximum (THRESHOLD). A rule that is no rule (the sheet
    refuses it) counts as a placeholder's."""
    if item.children:
        return CriterionKind.THRESHOLD
    kind = getattr(item.rule, "type", None)
    return kind.kind if isinstance(kind, RuleType) else CriterionKind.JUDGEMENT


@attrs.frozen(kw_only=True)
class SheetItem(core_rule.Rule):
    """One item of a sheet: a :class:`~antq.core.rule.Rule` that is a leaf with a ``rule``,
    or a group of ``children``.

    ``title`` is the item's text (the key ``text`` of a sheet file), and ``kind`` is
    derived from how it decides (its rule type's ``kind``; a group THRESHOLD).
    ``max_points`` is None only where the law as known to antq does not give it (an
    ``unconfirmed`` placeholder, or a group containing one). ``source`` names the province override that filled the
    item, if any. The id (``"4.a"``) is checked by the sheet, which names the file and
    the item.
    """

    noun: ClassVar[str] = "sheet item"
    checks_id: ClassVar[bool] = False

    title: Text
    max_points: Fraction | None
    citation: Citation
    confirmation: Confirmation
    rule: Rule | None = None
    children: tuple[SheetItem, ...] = attrs.field(default=(), converter=_tuple)
    note: Text | None = None
    source: Text | None = None
    #: Derived from ``rule`` and ``children`` when the item is made.
    kind: CriterionKind = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "kind", _item_kind(self))
        super().__attrs_post_init__()

    @property
    def text(self) -> Text:
        """The item's text: its ``title`` (the key ``text`` of a sheet file)."""
        return self.title

    @property
    def is_group(self) -> bool:
        return bool(self.children)

    @property
    def is_unfilled(self) -> bool:
        """Whether this is an ``unconfirmed`` placeholder that blocks scoring."""
        return isinstance(self.rule, Unconfirmed)

    def walk(self, depth: int = 0) -> Iterator[tuple[SheetItem, int]]:
        """This item and its descendants, depth first, with their depth."""
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)

    @property
    def known_max(self) -> Fraction | None:
        """The maximum, given or (for a group) the sum of its children's when all are known."""
        if self.max_points is not None:
            return self.max_points
        if not self.children:
            return None
        maxima = [c.known_max for c in self.children]
        if any(m is None for m in maxima):
            return None
        return sum((m for m in maxima if m is not None), Fraction(0))

    def input_names(self) -> tuple[str, ...]:
        """The inputs this item's rule reads (a group: its children's), each once."""
        names: dict[str, None] = {}
        for item, _ in self.walk():
            if item.rule is not None:
                names.update(dict.fromkeys(name for _, name, _ in item.rule.inputs()))
        return tuple(names)


@attrs.frozen(kw_only=True)
class Band:
    """A class and the minimum total (inclusive) that gives it."""

    movement_class: MovementClass
    min_points: Fraction


_BANDS_TITLE = Msg("Classification: {bands}")
_BAND_TITLE = Msg("{klass} from {points}")


def _bands_title(bands: Iterable[Band]) -> Text:
    """The title of a sheet's bands: each class and its minimum ("Classification: xuất
    sắc from 90; ..."). A band that is no band is left out: its sheet refuses it."""
    shaped = [
        b
        for b in bands
        if isinstance(b, Band)
        and isinstance(b.movement_class, MovementClass)
        and isinstance(b.min_points, Fraction)
    ]

    def render(lang: Lang) -> str:
        listed = "; ".join(
            _BAND_TITLE.render(lang).format(
                klass=b.movement_class.label(lang), points=format_points(b.min_points, lang)
            )
            for b in shaped
        )
        return _BANDS_TITLE.render(lang).format(bands=listed)

    return Text(vi=render("vi"), en=render("en"))


@attrs.frozen(kw_only=True)
class BandScheme(core_rule.Rule):
    """The classification bands of a sheet, highest class first, with their source.

    A :class:`~antq.core.rule.Rule` with the id ``classification``, whose title lists
    the bands and whose kind is THRESHOLD. A total gets the class of the highest band
    whose minimum it reaches; a total below the lowest minimum gets no class. Bands
    therefore never overlap.
    """

    noun: ClassVar[str] = "classification bands"

    bands: tuple[Band, ...] = attrs.field(converter=_tuple)
    citation: Citation
    confirmation: Confirmation
    note: Text | None = None
    source: Text | None = None
    id: str = attrs.field(default="classification", init=False)
    #: The bands, each class with its minimum (made from ``bands``).
    title: Text = attrs.field(init=False)
    kind: CriterionKind = attrs.field(default=CriterionKind.THRESHOLD, init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "title", _bands_title(self.bands))
        super().__attrs_post_init__()

    def band_for(self, total: Fraction) -> Band | None:
        """The band a total falls in, or None below the lowest band."""
        for band in self.bands:
            if total >= band.min_points:
                return band
        return None


@attrs.frozen(kw_only=True)
class Veto(core_rule.Rule):
    """A condition that caps the class: when ``input`` has one of ``applies_if``, at most ``cap``.

    A BOOLEAN :class:`~antq.core.rule.Rule` whose ``title`` is its text (the key ``text``
    of a sheet file). ``input`` is a boolean or an evaluation outcome (the unit's "An
    toàn về an ninh, trật tự" verdict, say). A missing value, or the outcome
    ``unknown``, leaves the veto undecided. The id is checked by the sheet (a veto's
    result and catalogue entry name it ``veto:<id>``).
    """

    noun: ClassVar[str] = "veto"
    checks_id: ClassVar[bool] = False

    title: Text
    input: str
    applies_if: tuple[bool | Outcome, ...] = attrs.field(converter=_tuple)
    cap: MovementClass
    citation: Citation
    confirmation: Confirmation
    note: Text | None = None
    source: Text | None = None
    kind: CriterionKind = attrs.field(default=CriterionKind.BOOLEAN, init=False)

    @property
    def text(self) -> Text:
        """The veto's text: its ``title`` (the key ``text`` of a sheet file)."""
        return self.title


# --- the sheet ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ScoringSheet:
    """A scoring sheet, validated when made (see the module docstring)."""

    id: str
    title: Text
    nature: SheetNature
    unit_kinds: tuple[UnitKind, ...] = attrs.field(converter=_tuple)
    total: Fraction
    citation: Citation
    confirmation: Confirmation
    inputs: tuple[SheetInput, ...] = attrs.field(converter=_tuple)
    items: tuple[SheetItem, ...] = attrs.field(converter=_tuple)
    classification: BandScheme | None = None
    vetoes: tuple[Veto, ...] = attrs.field(default=(), converter=_tuple)
    note: Text | None = None
    #: Where the province overrides applied to the sheet come from, in order.
    sources: tuple[Text, ...] = attrs.field(default=(), converter=_tuple)
    #: The day the sheet's instrument was signed: it scores no rating year that ended
    #: earlier (rule R1, addendum-2026-12.md §2.2). None: not bounded.
    valid_from: date | None = None
    #: Said with every score on the sheet when its in-force date is not known (rule R1 uses
    #: the signing date as ``valid_from``; the result is then only partly confirmed).
    in_force_note: Text | None = None

    def __attrs_post_init__(self) -> None:
        # Imported here: the validator reads this module's classes, so it imports this module.
        from antq.emulation.sheets._validate import _Validator

        _Validator(self).run()

    # --- reading

    def walk(self) -> Iterator[tuple[SheetItem, int]]:
        """Every item, depth first, with its depth (0 for top-level items)."""
        for item in self.items:
            yield from item.walk()

    def item(self, item_id: str) -> SheetItem:
        """The item with id ``item_id``."""
        for item, _ in self.walk():
            if item.id == item_id:
                return item
        raise SheetError(self.id, Msg("no such item"), item=item_id)

    def unfilled(self) -> tuple[SheetItem, ...]:
        """The ``unconfirmed`` placeholders that block scoring until filled."""
        return tuple(item for item, _ in self.walk() if item.is_unfilled)

    def input(self, name: str) -> SheetInput:
        for inp in self.inputs:
            if inp.name == name:
                return inp
        raise SheetError(self.id, Msg("no such input"), field=f"inputs.{name}")

    def values_schema(self) -> dict[str, Any]:
        """The JSON Schema of a unit's ``values`` for this sheet."""
        return {
            "type": "object",
            "properties": {i.name: i.schema() for i in self.inputs},
            "additionalProperties": False,
        }

    # --- deriving (each result is validated again)

    def filled(
        self, item_id: str, items: Sequence[SheetItem], *, source: Text | None = None
    ) -> ScoringSheet:
        """A copy in which the placeholder ``item_id`` is replaced by ``items`` (maybe none)."""
        target = self.item(item_id)
        if not target.is_unfilled:
            raise SheetError(
                self.id,
                Msg(
                    "only an unconfirmed placeholder can be filled; this item is part of the sheet"
                ),
                item=item_id,
            )
        replaced = tuple(_replace(item, item_id, tuple(items)) for item in self.items)
        flat = tuple(x for group in replaced for x in group)
        sources = (
            self.sources if source is None or source in self.sources else (*self.sources, source)
        )
        return attrs.evolve(
            self, items=flat, sources=sources, confirmation=_weakest(self.confirmation, flat)
        )


def _replace(
    item: SheetItem, target: str, replacement: tuple[SheetItem, ...]
) -> tuple[SheetItem, ...]:
    if item.id == target:
        return replacement
    if not item.children:
        return (item,)
    children = tuple(x for child in item.children for x in _replace(child, target, replacement))
    return (attrs.evolve(item, children=children),)


def _overclaims(container: Confirmation, part: Confirmation) -> bool:
    """Whether a container claims CONFIRMED although one of its parts is not.

    A container with unconfirmed parts is PARTIAL: the source confirms it exists,
    but not all of its values are known.
    """
    return container is Confirmation.CONFIRMED and part is not Confirmation.CONFIRMED


def _weakest(start: Confirmation, items: Iterable[SheetItem]) -> Confirmation:
    """The sheet's status after a fill: a confirmed sheet with a part that is not becomes partial."""
    if any(_overclaims(start, item.confirmation) for item in items):
        return Confirmation.PARTIAL
    return start
