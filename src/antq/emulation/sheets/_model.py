"""Scoring sheets: the model, its checks, the TOML reader, overrides and the catalogue."""

from __future__ import annotations

import contextlib
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from antq.confirmation import Confirmation
from antq.core.outcome import Outcome
from antq.entities.grades import OrdinalEnum
from antq.errors import DefinitionError, InputError, Message, render_text
from antq.i18n import formatting
from antq.i18n.catalog import Msg, Text
from antq.law.citation import Citation
from antq.unit_kinds import UnitKind
from antq.vocabulary import LANGS, CodedEnum, Lang

__all__ = [
    "MAX_COUNT",
    "MAX_DECIMALS",
    "MAX_DEPTH",
    "MAX_ITEMS",
    "MAX_NUMBER",
    "MAX_SHEET_BYTES",
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
    "SheetCatalogueEntry",
    "SheetError",
    "SheetInput",
    "SheetItem",
    "SheetNature",
    "Threshold",
    "Unconfirmed",
    "Veto",
    "apply_override",
    "apply_override_file",
    "format_points",
    "load_sheet",
    "parse_points",
    "points_to_json",
    "sheet_catalogue",
    "sheet_from_dict",
    "shipped_sheet",
    "shipped_sheets",
]

#: Sheet and override files larger than this (1 MiB) are refused unread.
MAX_SHEET_BYTES: Final = 1024 * 1024
#: At most this many items (groups and leaves) in one sheet.
MAX_ITEMS: Final = 1000
#: Items nest at most this deep (``"1.2.3.4"``).
MAX_DEPTH: Final = 4
#: Points, percentages and steps have at most this many decimals.
MAX_DECIMALS: Final = 4
#: Points, percentages and steps are at most this large.
MAX_NUMBER: Final = 10**9
#: Counts (members, households, occurrences) are at most this large.
MAX_COUNT: Final = 10**12

SHEET_FORMAT_VERSION: Final = 1
OVERRIDE_FORMAT_VERSION: Final = 1

_ID = re.compile(r"^[a-z0-9]+([._+-][a-z0-9]+)*$")
_ITEM_ID = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")
_INPUT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_UNSET: Final = object()


# --- errors -------------------------------------------------------------------------------


class SheetError(DefinitionError, InputError):
    """A sheet or override is wrong: names the sheet, the item and the field.

    It is a :class:`~antq.errors.DefinitionError` (a sheet defines rules) and an
    :class:`~antq.errors.InputError` (it usually comes from a file), so either
    can catch it; ``path`` is ``"sheet ID, item ITEM, field FIELD"``. Like an
    input error's, the message is English text or a :class:`~antq.i18n.catalog.Msg`
    template with named ``params``: ``str(error)`` and ``error.message`` are
    English, and :meth:`render` writes the whole line in Vietnamese or English.

    >>> error = SheetError("qd510.agency", Msg("must be > 0"), item="2", field="max_points", value=0)
    >>> str(error)
    'sheet qd510.agency, item 2, field max_points: must be > 0 (got 0)'
    >>> error.render("vi")
    'bảng chấm điểm qd510.agency, mục 2, trường max_points: phải > 0 (giá trị: 0)'
    """

    def __init__(
        self,
        sheet: str,
        message: str | Msg,
        *,
        params: Mapping[str, str | int] | None = None,
        item: str | None = None,
        field: str | None = None,
        value: object = _UNSET,
    ) -> None:
        parts = [f"sheet {sheet}"]
        if item is not None:
            parts.append(f"item {item}")
        if field is not None:
            parts.append(f"field {field}")
        self.sheet, self.item, self.field = sheet, item, field
        self.path = ", ".join(parts)
        self.has_value = value is not _UNSET
        self.value = value if self.has_value else None
        self.message = message if isinstance(message, str) else Message(message, params)
        got = f" (got {value!r})" if self.has_value else ""
        Exception.__init__(self, f"{self.path}: {self.message}{got}")

    def where(self, lang: Lang) -> str:
        """The path in ``lang``: ``sheet``, ``item`` and ``field`` are translated."""
        if lang == "en":
            return self.path
        parts = [_SHEET_WHERE.render(lang).format(sheet=self.sheet)]
        if self.item is not None:
            parts.append(_ITEM_WHERE.render(lang).format(item=self.item))
        if self.field is not None:
            parts.append(_FIELD_WHERE.render(lang).format(field=self.field))
        return ", ".join(parts)

    def render(self, lang: Lang) -> str:
        """``str(self)`` in ``lang``: where, what is wrong, and the value given (if any)."""
        if lang == "en":
            return str(self)
        text = f"{self.where(lang)}: {render_text(self.message, lang)}"
        if self.has_value:
            text += " " + _GOT.render(lang).format(value=repr(self.value))
        return text


_SHEET_WHERE: Final = Msg("sheet {sheet}")
_ITEM_WHERE: Final = Msg("item {item}")
_FIELD_WHERE: Final = Msg("field {field}")
_GOT: Final = Msg("(got {value})")


def _message(message: str | Msg, params: Mapping[str, str | int] | None = None) -> str:
    """``message`` as text: English text as it is, a template as a :class:`Message`."""
    return message if isinstance(message, str) else Message(message, params)


class _Bad(Exception):
    """A problem found without context; wrapped into a :class:`SheetError` by the caller."""

    def __init__(
        self,
        message: str | Msg,
        value: object = _UNSET,
        *,
        params: Mapping[str, str | int] | None = None,
    ) -> None:
        text = _message(message, params)
        super().__init__(text)
        self.message, self.value = text, value


# --- numbers ------------------------------------------------------------------------------


def shown(raw: object) -> object:
    """``raw``, or a short description when it is too large to print (a huge int cannot be)."""
    if isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) > 10**30:
        return f"<a whole number of {raw.bit_length()} bits>"
    if isinstance(raw, str) and len(raw) > 200:
        return raw[:200] + "…"
    return raw


def _exact(raw: object, what: Msg) -> Fraction:
    """An exact number from 0 to ``MAX_NUMBER``: an int, a Decimal, a Fraction or a decimal string.

    ``what`` names the number in the messages (``Msg("points")``).
    """
    named: dict[str, str | int] = {"what": Message(what)}
    if isinstance(raw, bool):
        raise _Bad(Msg("expected {what}, not true/false"), raw, params=named)
    if isinstance(raw, float):
        raise _Bad(
            Msg(
                'expected {what} as a whole number or a decimal string such as "0.5";'
                " floats are not exact"
            ),
            raw,
            params=named,
        )
    finite = not isinstance(raw, Decimal) or raw.is_finite()
    if isinstance(raw, int | Decimal | Fraction) and finite and raw > MAX_NUMBER:
        raise _Bad(
            Msg("{what} must be at most {limit}"), shown(raw), params={**named, "limit": MAX_NUMBER}
        )
    value: Fraction
    if isinstance(raw, int):
        value = Fraction(raw)
    elif isinstance(raw, Decimal):
        if not raw.is_finite():
            raise _Bad(Msg("expected {what}, not {raw}"), raw, params={**named, "raw": str(raw)})
        value = Fraction(raw)
    elif isinstance(raw, Fraction):
        value = raw
    elif isinstance(raw, str) and len(raw) <= 40 and _DECIMAL.match(raw.strip()):
        value = Fraction(raw.strip())
        if value > MAX_NUMBER:
            raise _Bad(
                Msg("{what} must be at most {limit}"), raw, params={**named, "limit": MAX_NUMBER}
            )
    else:
        raise _Bad(
            Msg('expected {what} as a whole number or a decimal string such as "2.5"'),
            shown(raw),
            params=named,
        )
    if value < 0:
        raise _Bad(Msg("{what} must be >= 0"), raw, params=named)
    if (value * 10**MAX_DECIMALS).denominator != 1:
        raise _Bad(
            Msg("{what} may have at most {decimals} decimals"),
            raw,
            params={**named, "decimals": MAX_DECIMALS},
        )
    return value


#: What :func:`_exact` reads, named in its messages.
_POINTS: Final = Msg("points")
_PERCENTAGE: Final = Msg("a percentage")
_STEP: Final = Msg("a step")


def parse_points(raw: object, path: str = "points") -> Fraction:
    """Read a number of points: an int, a Decimal, a Fraction or a decimal string.

    Floats are refused (they are not exact), as are negative values and more
    than ``MAX_DECIMALS`` decimals.

    >>> parse_points("2.5"), parse_points(3)
    (Fraction(5, 2), Fraction(3, 1))
    >>> parse_points(2.5)
    Traceback (most recent call last):
      ...
    antq.errors.InputError: points: expected points as a whole number or a decimal string such as "0.5"; floats are not exact (got 2.5)
    """
    try:
        return _exact(raw, _POINTS)
    except _Bad as bad:
        raise InputError(path, shown(raw), bad.message) from None


def format_points(points: Fraction, lang: Lang = "vi") -> str:
    """Points as text, exactly (``"2,5"`` in Vietnamese, ``"2.5"`` in English)."""
    return formatting.format_number(points, lang)


def points_text(points: Fraction) -> Text:
    """Points in both languages, for a reason parameter (it round-trips through JSON)."""
    return Text(vi=format_points(points, "vi"), en=format_points(points, "en"))


def points_to_json(points: Fraction) -> str:
    """Points as an exact decimal string (``"2.5"``, ``"100"``)."""
    return formatting.format_number(points, "en").replace(",", "")


def points_from_json(raw: object, path: str) -> Fraction:
    """Read points written by :func:`points_to_json`."""
    if not isinstance(raw, str):
        raise InputError(path, raw, Msg("expected points as a decimal string"))
    return parse_points(raw, path)


# --- vocabularies -------------------------------------------------------------------------


class MovementClass(OrdinalEnum):
    """The class (mức phân loại) of a unit in the movement's yearly rating.

    Xuất sắc, khá and trung bình are observed in use (emulation-awards.md §5.3);
    a fourth level, yếu, is UNCONFIRMED for QĐ 510 but a sheet may use it. The
    points needed for each class are the sheet's bands, never built into antq.
    """

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

    LAW = ("law", "theo văn bản của Bộ Công an", "encodes a legal instrument")
    PROVINCIAL = ("provincial", "bảng chấm điểm của tỉnh", "a province's own sheet")
    EXAMPLE = (
        "example",
        "ví dụ minh họa, không phải quy định pháp luật",
        "illustrative example, not law",
    )


class InputType(CodedEnum):
    """The type of a value a sheet's rules read."""

    BOOLEAN = ("boolean", "có/không", "yes/no")
    COUNT = ("count", "số lượng", "count")
    POINTS = ("points", "số điểm", "points")
    OUTCOME = ("outcome", "kết quả đánh giá", "evaluation outcome")


class RuleType(CodedEnum):
    """How an item's points are decided (a closed set: nothing else is accepted)."""

    ALL_OR_NOTHING = ("all_or_nothing", "đạt thì đủ điểm, không đạt 0 điểm", "full points or none")
    THRESHOLD = ("threshold", "đủ điểm khi đạt tỷ lệ", "full points at a share")
    PROPORTIONAL = ("proportional", "điểm theo tỷ lệ", "points in proportion to a share")
    PER_OCCURRENCE = ("per_occurrence", "trừ điểm mỗi lần xảy ra", "deduction per occurrence")
    ASSESSOR = ("assessor", "điểm do cơ quan đánh giá cho", "points given by the assessor")
    UNCONFIRMED = ("unconfirmed", "chưa xác nhận, phải bổ sung", "unconfirmed: must be filled")


class Comparison(CodedEnum):
    """How a share is compared with a threshold."""

    AT_LEAST = ("at_least", "từ ... trở lên", "at least")
    MORE_THAN = ("more_than", "trên", "more than")


class Otherwise(CodedEnum):
    """What a threshold item gives below its threshold."""

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


@attrs.frozen(kw_only=True)
class SheetItem:
    """One item of a sheet: a leaf with a ``rule``, or a group of ``children``.

    ``max_points`` is None only where the law as known to antq does not give it
    (an ``unconfirmed`` placeholder, or a group containing one). ``source`` names
    the province override that filled the item, if any.
    """

    id: str
    text: Text
    max_points: Fraction | None
    citation: Citation
    confirmation: Confirmation
    rule: Rule | None = None
    children: tuple[SheetItem, ...] = attrs.field(default=(), converter=_tuple)
    note: Text | None = None
    source: Text | None = None

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


@attrs.frozen(kw_only=True)
class BandScheme:
    """The classification bands of a sheet, highest class first, with their source.

    A total gets the class of the highest band whose minimum it reaches; a total
    below the lowest minimum gets no class. Bands therefore never overlap.
    """

    bands: tuple[Band, ...] = attrs.field(converter=_tuple)
    citation: Citation
    confirmation: Confirmation
    note: Text | None = None
    source: Text | None = None

    def band_for(self, total: Fraction) -> Band | None:
        """The band a total falls in, or None below the lowest band."""
        for band in self.bands:
            if total >= band.min_points:
                return band
        return None


@attrs.frozen(kw_only=True)
class Veto:
    """A condition that caps the class: when ``input`` has one of ``applies_if``, at most ``cap``.

    ``input`` is a boolean or an evaluation outcome (the unit's "An toàn về an
    ninh, trật tự" verdict, say). A missing value, or the outcome ``unknown``,
    leaves the veto undecided.
    """

    id: str
    text: Text
    input: str
    applies_if: tuple[bool | Outcome, ...] = attrs.field(converter=_tuple)
    cap: MovementClass
    citation: Citation
    confirmation: Confirmation
    note: Text | None = None
    source: Text | None = None


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


class _Validator:
    """Whole-sheet checks; every problem names the sheet, the item and the field."""

    def __init__(self, sheet: ScoringSheet) -> None:
        self.sheet = sheet
        self.id = sheet.id if isinstance(sheet.id, str) else repr(sheet.id)

    def fail(
        self,
        message: str | Msg,
        *,
        params: Mapping[str, str | int] | None = None,
        item: str | None = None,
        field: str | None = None,
        value: object = _UNSET,
    ) -> SheetError:
        return SheetError(self.id, message, params=params, item=item, field=field, value=value)

    def run(self) -> None:
        sheet = self.sheet
        if not isinstance(sheet.id, str) or not _ID.match(sheet.id):
            raise self.fail(
                Msg("must be lowercase letters and digits joined by . _ + or -"),
                field="id",
                value=sheet.id,
            )
        self.text(sheet.title, field="title")
        if not isinstance(sheet.nature, SheetNature):
            raise self.fail(Msg("unknown nature"), field="nature", value=sheet.nature)
        if not sheet.unit_kinds or not all(isinstance(k, UnitKind) for k in sheet.unit_kinds):
            raise self.fail(
                Msg("expected one or more unit kinds"), field="unit_kinds", value=sheet.unit_kinds
            )
        if len(set(sheet.unit_kinds)) != len(sheet.unit_kinds):
            raise self.fail(
                Msg("a unit kind is listed twice"),
                field="unit_kinds",
                value=[k.code for k in sheet.unit_kinds],
            )
        if not isinstance(sheet.total, Fraction) or sheet.total <= 0:
            raise self.fail(Msg("must be a number of points > 0"), field="total", value=sheet.total)
        self.status(sheet.confirmation, field="confirmation")
        self.citation(sheet.citation, field="citation")
        inputs = self.inputs()
        if not sheet.items:
            raise self.fail(Msg("a sheet needs at least one item"), field="items")
        used: set[str] = set()
        seen: set[str] = set()
        count = 0
        for item in sheet.items:
            count = self.item(
                item, parent=None, depth=1, inputs=inputs, used=used, seen=seen, count=count
            )
        self.sum_of(sheet.items, sheet.total, item=None, field="total")
        for item in sheet.items:
            if _overclaims(sheet.confirmation, item.confirmation):
                raise self.fail(
                    Msg("the sheet cannot be confirmed while item {item} is {status}; use partial"),
                    params={"item": item.id, "status": item.confirmation.code},
                    field="confirmation",
                    value=sheet.confirmation.code,
                )
        self.bands()
        self.vetoes(inputs, used)
        unused = sorted(set(inputs) - used)
        if unused:
            raise self.fail(
                Msg("declared but never read by a rule or veto"),
                field=f"inputs.{unused[0]}",
                value=unused[0],
            )

    def text(self, value: object, *, field: str, item: str | None = None) -> None:
        if not isinstance(value, Text) or not value.vi.strip() or not value.en.strip():
            raise self.fail(
                Msg("expected non-empty text in vi and en"), item=item, field=field, value=value
            )

    def status(self, value: object, *, field: str, item: str | None = None) -> None:
        if not isinstance(value, Confirmation):
            raise self.fail(
                Msg("expected confirmed, partial or unconfirmed"),
                item=item,
                field=field,
                value=value,
            )

    def citation(self, value: object, *, field: str, item: str | None = None) -> None:
        if not isinstance(value, Citation):
            raise self.fail(Msg("expected a citation"), item=item, field=field, value=value)

    def inputs(self) -> dict[str, SheetInput]:
        found: dict[str, SheetInput] = {}
        for inp in self.sheet.inputs:
            if not isinstance(inp, SheetInput):
                raise self.fail(Msg("expected a SheetInput"), field="inputs", value=inp)
            field = f"inputs.{inp.name}"
            if not isinstance(inp.name, str) or not _INPUT_NAME.match(inp.name):
                raise self.fail(
                    Msg("an input name is lowercase letters, digits and _"),
                    field=field,
                    value=inp.name,
                )
            if inp.name in found:
                raise self.fail(Msg("input declared twice"), field=field, value=inp.name)
            if not isinstance(inp.type, InputType):
                raise self.fail(Msg("unknown input type"), field=f"{field}.type", value=inp.type)
            self.text(inp.label, field=field)
            found[inp.name] = inp
        return found

    def item(
        self,
        item: SheetItem,
        *,
        parent: SheetItem | None,
        depth: int,
        inputs: Mapping[str, SheetInput],
        used: set[str],
        seen: set[str],
        count: int,
    ) -> int:
        if not isinstance(item, SheetItem):
            raise self.fail(Msg("expected a SheetItem"), field="items", value=item)
        count += 1
        if count > MAX_ITEMS:
            raise self.fail(
                Msg("more than {limit} items"), params={"limit": MAX_ITEMS}, field="items"
            )
        iid = item.id
        if not isinstance(iid, str) or not _ITEM_ID.match(iid):
            raise self.fail(
                Msg("an item id is letters and digits joined by dots, e.g. 4.a"),
                item=str(iid),
                field="id",
                value=iid,
            )
        if depth > MAX_DEPTH:
            raise self.fail(
                Msg("items nest at most {depth} levels deep"), params={"depth": MAX_DEPTH}, item=iid
            )
        if parent is not None and not iid.startswith(parent.id + "."):
            raise self.fail(
                Msg("a sub-item's id starts with its parent's id and a dot ({parent}.…)"),
                params={"parent": parent.id},
                item=iid,
                field="id",
                value=iid,
            )
        if iid in seen:
            raise self.fail(Msg("duplicate item id"), item=iid, field="id", value=iid)
        seen.add(iid)
        self.text(item.text, item=iid, field="text")
        self.citation(item.citation, item=iid, field="citation")
        self.status(item.confirmation, item=iid, field="confirmation")
        if item.max_points is not None and (
            not isinstance(item.max_points, Fraction) or item.max_points <= 0
        ):
            raise self.fail(
                Msg("must be a number of points > 0"),
                item=iid,
                field="max_points",
                value=item.max_points,
            )
        if item.children:
            if item.rule is not None:
                raise self.fail(
                    Msg("an item has either a rule or sub-items, not both"), item=iid, field="rule"
                )
            for child in item.children:
                count = self.item(
                    child,
                    parent=item,
                    depth=depth + 1,
                    inputs=inputs,
                    used=used,
                    seen=seen,
                    count=count,
                )
                if _overclaims(item.confirmation, child.confirmation):
                    raise self.fail(
                        Msg("cannot be confirmed while sub-item {item} is {status}; use partial"),
                        params={"item": child.id, "status": child.confirmation.code},
                        item=iid,
                        field="confirmation",
                        value=item.confirmation.code,
                    )
            if item.max_points is not None:
                self.sum_of(item.children, item.max_points, item=iid, field="max_points")
            return count
        rule = item.rule
        if rule is None:
            raise self.fail(Msg("a leaf item needs a rule"), item=iid, field="rule")
        if not isinstance(rule, _RULE_CLASSES):
            raise self.fail(Msg("unknown rule"), item=iid, field="rule", value=rule)
        if isinstance(rule, Unconfirmed):
            if item.confirmation is Confirmation.CONFIRMED:
                raise self.fail(
                    Msg("an unconfirmed placeholder cannot be confirmed"),
                    item=iid,
                    field="confirmation",
                    value="confirmed",
                )
            return count
        if item.max_points is None:
            raise self.fail(
                Msg("required (only an unconfirmed placeholder may leave it out)"),
                item=iid,
                field="max_points",
            )
        for field, value, message in rule.problems(item.max_points):
            raise self.fail(message, item=iid, field=f"rule.{field}", value=value)
        for field, name, wanted in rule.inputs():
            declared = inputs.get(name)
            if declared is None:
                raise self.fail(
                    Msg("reads an input the sheet does not declare"),
                    item=iid,
                    field=f"rule.{field}",
                    value=name,
                )
            if declared.type is not wanted:
                raise self.fail(
                    Msg("must be a {wanted} input; {name} is a {type}"),
                    params={"wanted": wanted.code, "name": name, "type": declared.type.code},
                    item=iid,
                    field=f"rule.{field}",
                    value=name,
                )
            used.add(name)
        return count

    def sum_of(
        self, items: Sequence[SheetItem], expected: Fraction, *, item: str | None, field: str
    ) -> None:
        maxima = [c.known_max for c in items]
        known = sum((m for m in maxima if m is not None), Fraction(0))
        names = ", ".join(c.id for c in items)
        if all(m is not None for m in maxima):
            if known != expected:
                raise self.fail(
                    Msg("the maxima of {items} add up to {sum}, not {expected}"),
                    params={
                        "items": names,
                        "sum": points_to_json(known),
                        "expected": points_to_json(expected),
                    },
                    item=item,
                    field=field,
                    value=points_to_json(expected),
                )
        elif known >= expected:
            raise self.fail(
                Msg(
                    "the known maxima of {items} already add up to {sum},"
                    " leaving nothing for the items not yet known"
                ),
                params={"items": names, "sum": points_to_json(known)},
                item=item,
                field=field,
                value=points_to_json(expected),
            )

    def bands(self) -> None:
        scheme = self.sheet.classification
        if scheme is None:
            return
        if not isinstance(scheme, BandScheme):
            raise self.fail(Msg("expected a BandScheme"), field="classification", value=scheme)
        self.citation(scheme.citation, field="classification.citation")
        self.status(scheme.confirmation, field="classification.confirmation")
        if not scheme.bands:
            raise self.fail(Msg("expected at least one band"), field="classification.bands")
        previous: Band | None = None
        for index, band in enumerate(scheme.bands):
            field = f"classification.bands[{index}]"
            if not isinstance(band, Band) or not isinstance(band.movement_class, MovementClass):
                raise self.fail(Msg("expected a band with a class"), field=field, value=band)
            if (
                not isinstance(band.min_points, Fraction)
                or not 0 <= band.min_points <= self.sheet.total
            ):
                raise self.fail(
                    Msg("min_points must be from 0 to the total {total}"),
                    params={"total": points_to_json(self.sheet.total)},
                    field=f"{field}.min_points",
                    value=band.min_points,
                )
            if previous is not None:
                if band.movement_class.rank >= previous.movement_class.rank:
                    raise self.fail(
                        Msg(
                            "bands go from the highest class down: {klass} cannot follow {previous}"
                        ),
                        params={
                            "klass": band.movement_class.code,
                            "previous": previous.movement_class.code,
                        },
                        field=f"{field}.class",
                        value=band.movement_class.code,
                    )
                if band.min_points >= previous.min_points:
                    raise self.fail(
                        Msg(
                            "min_points must be below the {klass} band's {points},"
                            " or the bands overlap"
                        ),
                        params={
                            "klass": previous.movement_class.code,
                            "points": points_to_json(previous.min_points),
                        },
                        field=f"{field}.min_points",
                        value=points_to_json(band.min_points),
                    )
            previous = band

    def vetoes(self, inputs: Mapping[str, SheetInput], used: set[str]) -> None:
        ids: set[str] = set()
        scheme = self.sheet.classification
        classes = {b.movement_class for b in scheme.bands} if scheme is not None else None
        for veto in self.sheet.vetoes:
            if not isinstance(veto, Veto):
                raise self.fail(Msg("expected a Veto"), field="vetoes", value=veto)
            if not isinstance(veto.id, str) or not _ID.match(veto.id):
                raise self.fail(
                    Msg("a veto id is lowercase words joined by . _ or -"),
                    field="vetoes.id",
                    value=veto.id,
                )
            field = f"vetoes.{veto.id}"
            if veto.id in ids:
                raise self.fail(Msg("duplicate veto id"), field=field, value=veto.id)
            ids.add(veto.id)
            self.text(veto.text, field=f"{field}.text")
            self.citation(veto.citation, field=f"{field}.citation")
            self.status(veto.confirmation, field=f"{field}.confirmation")
            declared = inputs.get(veto.input)
            if declared is None:
                raise self.fail(
                    Msg("reads an input the sheet does not declare"),
                    field=f"{field}.input",
                    value=veto.input,
                )
            if declared.type not in (InputType.BOOLEAN, InputType.OUTCOME):
                raise self.fail(
                    Msg("a veto reads a boolean or outcome input; {name} is a {type}"),
                    params={"name": veto.input, "type": declared.type.code},
                    field=f"{field}.input",
                    value=veto.input,
                )
            used.add(veto.input)
            if not veto.applies_if:
                raise self.fail(
                    Msg("expected the values for which the veto applies"),
                    field=f"{field}.applies_if",
                )
            for value in veto.applies_if:
                ok = (
                    isinstance(value, bool)
                    if declared.type is InputType.BOOLEAN
                    else isinstance(value, Outcome) and value is not Outcome.UNKNOWN
                )
                if not ok:
                    raise self.fail(
                        Msg("expected true or false")
                        if declared.type is InputType.BOOLEAN
                        else Msg("expected outcome codes other than unknown"),
                        field=f"{field}.applies_if",
                        value=value,
                    )
            if not isinstance(veto.cap, MovementClass):
                raise self.fail(Msg("expected a class"), field=f"{field}.cap", value=veto.cap)
            if classes is not None and scheme is not None:
                if veto.cap not in classes:
                    raise self.fail(
                        Msg("the cap must be one of the sheet's band classes"),
                        field=f"{field}.cap",
                        value=veto.cap.code,
                    )
                if veto.cap is scheme.bands[0].movement_class:
                    raise self.fail(
                        Msg("capping at the highest class caps nothing"),
                        field=f"{field}.cap",
                        value=veto.cap.code,
                    )


# --- reading TOML -------------------------------------------------------------------------

_SHEET_KEYS: Final = frozenset(
    {
        "antq_sheet",
        "id",
        "nature",
        "title",
        "unit_kinds",
        "total",
        "citation",
        "confirmation",
        "note",
        "inputs",
        "items",
        "classification",
        "vetoes",
        "valid_from",
        "in_force_note",
    }
)
_ITEM_KEYS: Final = frozenset(
    {"id", "text", "max_points", "citation", "confirmation", "note", "rule", "items"}
)
_INPUT_KEYS: Final = frozenset({"type", "vi", "en", "judgement"})
_CLASSIFICATION_KEYS: Final = frozenset({"citation", "confirmation", "note", "bands"})
_BAND_KEYS: Final = frozenset({"class", "min_points"})
_VETO_KEYS: Final = frozenset(
    {"id", "text", "input", "applies_if", "cap", "citation", "confirmation", "note"}
)
_OVERRIDE_KEYS: Final = frozenset(
    {
        "antq_sheet_override",
        "base",
        "id",
        "title",
        "source",
        "confirmation",
        "inputs",
        "fill",
        "classification",
        "vetoes",
    }
)
_FILL_KEYS: Final = frozenset({"item", "items"})
_RULE_KEYS: Final[Mapping[RuleType, frozenset[str]]] = {
    RuleType.ALL_OR_NOTHING: frozenset({"type", "input"}),
    RuleType.THRESHOLD: frozenset(
        {"type", "part", "whole", "percent", "comparison", "otherwise", "assessor_input"}
    ),
    RuleType.PROPORTIONAL: frozenset({"type", "part", "whole", "step"}),
    RuleType.PER_OCCURRENCE: frozenset({"type", "input", "per", "floor"}),
    RuleType.ASSESSOR: frozenset({"type", "input"}),
    RuleType.UNCONFIRMED: frozenset({"type"}),
}
_REQUIRED_RULE_KEYS: Final[Mapping[RuleType, tuple[str, ...]]] = {
    RuleType.ALL_OR_NOTHING: ("input",),
    RuleType.THRESHOLD: ("part", "whole", "percent"),
    RuleType.PROPORTIONAL: ("part", "whole", "step"),
    RuleType.PER_OCCURRENCE: ("input", "per"),
    RuleType.ASSESSOR: ("input",),
    RuleType.UNCONFIRMED: (),
}


@attrs.define
class _Reader:
    """Reads the parts of a sheet or override from parsed TOML, naming where a problem is."""

    sheet: str

    def fail(
        self,
        message: str | Msg,
        *,
        params: Mapping[str, str | int] | None = None,
        item: str | None = None,
        field: str | None = None,
        value: object = _UNSET,
    ) -> SheetError:
        return SheetError(self.sheet, message, params=params, item=item, field=field, value=value)

    def table(self, raw: object, *, field: str, item: str | None = None) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail(Msg("expected a table"), item=item, field=field, value=raw)
        return raw

    def keys(
        self,
        raw: Mapping[str, Any],
        allowed: frozenset[str],
        *,
        prefix: str = "",
        item: str | None = None,
    ) -> None:
        unknown = sorted(set(raw) - allowed)
        if unknown:
            raise self.fail(
                Msg("unknown key; allowed: {allowed}"),
                params={"allowed": ", ".join(sorted(allowed))},
                item=item,
                field=prefix + unknown[0],
                value=raw[unknown[0]],
            )

    def string(
        self, raw: Mapping[str, Any], key: str, *, prefix: str = "", item: str | None = None
    ) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                Msg("expected a non-empty string"), item=item, field=prefix + key, value=value
            )
        return value.strip()

    def text(self, raw: object, *, field: str, item: str | None = None) -> Text:
        table = self.table(raw, field=field, item=item)
        self.keys(table, frozenset(LANGS), prefix=f"{field}.", item=item)
        vi, en = table.get("vi"), table.get("en")
        if not isinstance(vi, str) or not vi.strip() or not isinstance(en, str) or not en.strip():
            raise self.fail(
                Msg("expected non-empty text in vi and en"), item=item, field=field, value=raw
            )
        return Text(vi=vi.strip(), en=en.strip())

    def optional_text(self, raw: object, *, field: str, item: str | None = None) -> Text | None:
        return None if raw is None else self.text(raw, field=field, item=item)

    def number(self, raw: object, *, field: str, what: Msg, item: str | None = None) -> Fraction:
        try:
            return _exact(raw, what)
        except _Bad as bad:
            raise self.fail(bad.message, item=item, field=field, value=shown(raw)) from None

    def code(
        self, vocabulary: type[Any], raw: object, *, field: str, item: str | None = None
    ) -> Any:
        try:
            return vocabulary.from_code(raw, path=field)
        except InputError as error:
            raise self.fail(error.message, item=item, field=field, value=raw) from None

    def citation(self, raw: object, *, field: str, item: str | None = None) -> Citation:
        try:
            if isinstance(raw, str):
                return Citation.parse(raw)
            return Citation.from_dict(self.table(raw, field=field, item=item), path=field)
        except SheetError:
            raise
        except InputError as error:
            raise self.fail(error.message, item=item, field=field, value=raw) from None
        except DefinitionError as error:  # CitationError: an unknown instrument or provision
            raise self.fail(str(error), item=item, field=field, value=raw) from None

    def boolean(
        self, raw: Mapping[str, Any], key: str, *, field: str, default: bool = False
    ) -> bool:
        value = raw.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(Msg("expected true or false"), field=field, value=value)
        return value

    # --- parts

    def inputs(self, raw: object, *, field: str = "inputs") -> tuple[SheetInput, ...]:
        if raw is None:
            return ()
        table = self.table(raw, field=field)
        found = []
        for name, spec in table.items():
            where = f"{field}.{name}"
            if not _INPUT_NAME.match(name):
                raise self.fail(
                    Msg("an input name is lowercase letters, digits and _"), field=where, value=name
                )
            spec = self.table(spec, field=where)
            self.keys(spec, _INPUT_KEYS, prefix=f"{where}.")
            found.append(
                SheetInput(
                    name=name,
                    type=self.code(InputType, spec.get("type"), field=f"{where}.type"),
                    label=self.text({"vi": spec.get("vi"), "en": spec.get("en")}, field=where),
                    judgement=self.boolean(spec, "judgement", field=f"{where}.judgement"),
                )
            )
        return tuple(found)

    def rule(self, raw: object, *, item: str) -> Rule:
        table = self.table(raw, field="rule", item=item)
        kind: RuleType = self.code(RuleType, table.get("type"), field="rule.type", item=item)
        self.keys(table, _RULE_KEYS[kind], prefix="rule.", item=item)
        for key in _REQUIRED_RULE_KEYS[kind]:
            if key not in table:
                raise self.fail(
                    Msg("required for a {rule} rule"),
                    params={"rule": kind.code},
                    item=item,
                    field=f"rule.{key}",
                )

        def name(key: str) -> str:
            return self.string(table, key, prefix="rule.", item=item)

        def num(key: str, what: Msg) -> Fraction:
            return self.number(table[key], field=f"rule.{key}", what=what, item=item)

        if kind is RuleType.ALL_OR_NOTHING:
            return AllOrNothing(input=name("input"))
        if kind is RuleType.THRESHOLD:
            return Threshold(
                part=name("part"),
                whole=name("whole"),
                percent=num("percent", _PERCENTAGE),
                comparison=self.code(
                    Comparison,
                    table.get("comparison", "at_least"),
                    field="rule.comparison",
                    item=item,
                ),
                otherwise=self.code(
                    Otherwise, table.get("otherwise", "zero"), field="rule.otherwise", item=item
                ),
                assessor_input=name("assessor_input") if "assessor_input" in table else None,
            )
        if kind is RuleType.PROPORTIONAL:
            return Proportional(part=name("part"), whole=name("whole"), step=num("step", _STEP))
        if kind is RuleType.PER_OCCURRENCE:
            floor = num("floor", _POINTS) if "floor" in table else Fraction(0)
            return PerOccurrence(input=name("input"), per=num("per", _POINTS), floor=floor)
        if kind is RuleType.ASSESSOR:
            return Assessor(input=name("input"))
        return Unconfirmed()

    def items(
        self,
        raw: object,
        *,
        field: str,
        citation: Citation,
        confirmation: Confirmation,
        depth: int = 1,
        inherit_text: Mapping[str, Text] | None = None,
        source: Text | None = None,
    ) -> tuple[SheetItem, ...]:
        if not isinstance(raw, list):
            raise self.fail(
                Msg("expected a list of items ([[items]] tables)"), field=field, value=raw
            )
        if depth > MAX_DEPTH:
            raise self.fail(
                Msg("items nest at most {depth} levels deep"),
                params={"depth": MAX_DEPTH},
                field=field,
            )
        found = []
        for index, entry in enumerate(raw):
            where = f"{field}[{index}]"
            table = self.table(entry, field=where)
            iid = table.get("id")
            if not isinstance(iid, str) or not _ITEM_ID.match(iid):
                raise self.fail(
                    Msg("an item id is letters and digits joined by dots, e.g. 4.a"),
                    field=f"{where}.id",
                    value=iid,
                )
            self.keys(table, _ITEM_KEYS, item=iid)
            own_citation = (
                citation
                if "citation" not in table
                else self.citation(table["citation"], field="citation", item=iid)
            )
            own_status = (
                confirmation
                if "confirmation" not in table
                else self.code(Confirmation, table["confirmation"], field="confirmation", item=iid)
            )
            if "text" not in table and inherit_text and iid in inherit_text:
                text = inherit_text[iid]
            else:
                text = self.text(table.get("text"), field="text", item=iid)
            max_points = (
                None
                if "max_points" not in table
                else self.number(table["max_points"], field="max_points", what=_POINTS, item=iid)
            )
            has_rule, has_items = "rule" in table, "items" in table
            if has_rule == has_items:
                raise self.fail(
                    Msg("an item needs either a rule or sub-items ([[...items]])"), item=iid
                )
            children: tuple[SheetItem, ...] = ()
            rule: Rule | None = None
            if has_items:
                children = self.items(
                    table["items"],
                    field=f"{iid}.items",
                    citation=own_citation,
                    confirmation=own_status,
                    depth=depth + 1,
                    source=source,
                )
                if not children:
                    raise self.fail(
                        Msg("a group needs at least one sub-item"), item=iid, field="items"
                    )
            else:
                rule = self.rule(table["rule"], item=iid)
            found.append(
                SheetItem(
                    id=iid,
                    text=text,
                    max_points=max_points,
                    citation=own_citation,
                    confirmation=own_status,
                    rule=rule,
                    children=children,
                    note=self.optional_text(table.get("note"), field="note", item=iid),
                    source=source,
                )
            )
        return tuple(found)

    def classification(
        self,
        raw: object,
        *,
        citation: Citation,
        confirmation: Confirmation,
        source: Text | None = None,
    ) -> BandScheme:
        table = self.table(raw, field="classification")
        self.keys(table, _CLASSIFICATION_KEYS, prefix="classification.")
        bands_raw = table.get("bands")
        if not isinstance(bands_raw, list) or not bands_raw:
            raise self.fail(
                Msg("expected a list of bands ([[classification.bands]])"),
                field="classification.bands",
                value=bands_raw,
            )
        bands = []
        for index, entry in enumerate(bands_raw):
            where = f"classification.bands[{index}]"
            band = self.table(entry, field=where)
            self.keys(band, _BAND_KEYS, prefix=f"{where}.")
            if "min_points" not in band:
                raise self.fail(Msg("required"), field=f"{where}.min_points")
            bands.append(
                Band(
                    movement_class=self.code(
                        MovementClass, band.get("class"), field=f"{where}.class"
                    ),
                    min_points=self.number(
                        band["min_points"], field=f"{where}.min_points", what=_POINTS
                    ),
                )
            )
        return BandScheme(
            bands=tuple(bands),
            citation=citation
            if "citation" not in table
            else self.citation(table["citation"], field="classification.citation"),
            confirmation=confirmation
            if "confirmation" not in table
            else self.code(
                Confirmation, table["confirmation"], field="classification.confirmation"
            ),
            note=self.optional_text(table.get("note"), field="classification.note"),
            source=source,
        )

    def vetoes(
        self,
        raw: object,
        *,
        citation: Citation,
        confirmation: Confirmation,
        inputs: Mapping[str, SheetInput],
        source: Text | None = None,
    ) -> tuple[Veto, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            raise self.fail(
                Msg("expected a list of vetoes ([[vetoes]])"), field="vetoes", value=raw
            )
        found = []
        for index, entry in enumerate(raw):
            table = self.table(entry, field=f"vetoes[{index}]")
            vid = table.get("id")
            if not isinstance(vid, str) or not _ID.match(vid):
                raise self.fail(
                    Msg("a veto id is lowercase words joined by . _ or -"),
                    field=f"vetoes[{index}].id",
                    value=vid,
                )
            where = f"vetoes.{vid}"
            self.keys(table, _VETO_KEYS, prefix=f"{where}.")
            input_name = self.string(table, "input", prefix=f"{where}.")
            declared = inputs.get(input_name)
            if declared is None:
                raise self.fail(
                    Msg("reads an input the sheet does not declare"),
                    field=f"{where}.input",
                    value=input_name,
                )
            if declared.type not in (InputType.BOOLEAN, InputType.OUTCOME):
                raise self.fail(
                    Msg("a veto reads a boolean or outcome input; {name} is a {type}"),
                    params={"name": input_name, "type": declared.type.code},
                    field=f"{where}.input",
                    value=input_name,
                )
            values = table.get("applies_if")
            if not isinstance(values, list) or not values:
                raise self.fail(
                    Msg("expected a non-empty list of values"),
                    field=f"{where}.applies_if",
                    value=values,
                )
            applies: list[bool | Outcome] = []
            for value in values:
                if isinstance(value, bool):
                    applies.append(value)
                elif declared.type is InputType.OUTCOME:
                    applies.append(self.code(Outcome, value, field=f"{where}.applies_if"))
                else:
                    raise self.fail(
                        Msg("expected true or false, or outcome codes"),
                        field=f"{where}.applies_if",
                        value=value,
                    )
            found.append(
                Veto(
                    id=vid,
                    text=self.text(table.get("text"), field=f"{where}.text"),
                    input=input_name,
                    applies_if=tuple(applies),
                    cap=self.code(MovementClass, table.get("cap"), field=f"{where}.cap"),
                    citation=citation
                    if "citation" not in table
                    else self.citation(table["citation"], field=f"{where}.citation"),
                    confirmation=confirmation
                    if "confirmation" not in table
                    else self.code(
                        Confirmation, table["confirmation"], field=f"{where}.confirmation"
                    ),
                    note=self.optional_text(table.get("note"), field=f"{where}.note"),
                    source=source,
                )
            )
        return tuple(found)


def sheet_from_dict(data: object, *, source: str | None = None) -> ScoringSheet:
    """Build and validate a sheet from parsed TOML (or JSON) data.

    The layout is documented in the scoring page of the documentation; unknown
    keys are errors, never ignored.
    """
    where = source or "?"
    if not isinstance(data, dict):
        raise SheetError(where, Msg("expected a table"), value=type(data).__name__)
    sheet_id = data.get("id")
    reader = _Reader(sheet_id if isinstance(sheet_id, str) and sheet_id else where)
    reader.keys(data, _SHEET_KEYS)
    if data.get("antq_sheet") != SHEET_FORMAT_VERSION:
        raise reader.fail(
            Msg("expected antq_sheet = {version}"),
            params={"version": SHEET_FORMAT_VERSION},
            field="antq_sheet",
            value=data.get("antq_sheet"),
        )
    reader.string(data, "id")
    kinds_raw = data.get("unit_kinds")
    if not isinstance(kinds_raw, list):
        raise reader.fail(
            Msg("expected a list of unit kind codes"), field="unit_kinds", value=kinds_raw
        )
    if "citation" not in data:
        raise reader.fail(Msg("required"), field="citation")
    if "total" not in data:
        raise reader.fail(Msg("required"), field="total")
    citation = reader.citation(data["citation"], field="citation")
    confirmation: Confirmation = reader.code(
        Confirmation, data.get("confirmation"), field="confirmation"
    )
    inputs = reader.inputs(data.get("inputs"))
    by_name = {i.name: i for i in inputs}
    if "items" not in data:
        raise reader.fail(Msg("required"), field="items")
    return ScoringSheet(
        id=data["id"],
        title=reader.text(data.get("title"), field="title"),
        nature=reader.code(SheetNature, data.get("nature"), field="nature"),
        unit_kinds=tuple(
            reader.code(UnitKind, k, field=f"unit_kinds[{i}]") for i, k in enumerate(kinds_raw)
        ),
        total=reader.number(data["total"], field="total", what=_POINTS),
        citation=citation,
        confirmation=confirmation,
        inputs=inputs,
        items=reader.items(
            data["items"], field="items", citation=citation, confirmation=confirmation
        ),
        classification=None
        if data.get("classification") is None
        else reader.classification(
            data["classification"], citation=_whole(citation), confirmation=confirmation
        ),
        vetoes=reader.vetoes(
            data.get("vetoes"), citation=citation, confirmation=confirmation, inputs=by_name
        ),
        note=reader.optional_text(data.get("note"), field="note"),
        valid_from=_valid_from(reader, data.get("valid_from")),
        in_force_note=reader.optional_text(data.get("in_force_note"), field="in_force_note"),
    )


def _whole(citation: Citation) -> Citation:
    """The instrument as a whole: where its classification rules sit is not known."""
    return Citation(instrument=citation.instrument)


def _valid_from(reader: Any, raw: object) -> date | None:
    if raw is None:
        return None
    if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        with contextlib.suppress(ValueError):
            raw = date.fromisoformat(raw)
    if isinstance(raw, datetime) or not isinstance(raw, date):
        raise reader.fail(Msg("expected a date (YYYY-MM-DD)"), field="valid_from", value=raw)
    return raw


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    name = str(path)
    from antq.io._files import lone_cr_to_lf
    from antq.io.facts import read_text_file

    try:
        text = read_text_file(path, limit=MAX_SHEET_BYTES)
    except InputError as error:
        message = error.message
        if message.startswith("file larger than"):
            message = Message(
                Msg("a sheet file may be at most {limit} bytes")
                if what == "sheet"
                else Msg("an override file may be at most {limit} bytes"),
                {"limit": MAX_SHEET_BYTES},
            )
        raise SheetError(name, message, value=error.value) from None
    try:
        return tomllib.loads(lone_cr_to_lf(text))
    except tomllib.TOMLDecodeError as error:
        raise SheetError(
            name, Msg("malformed TOML: {error}"), params={"error": str(error)}
        ) from None
    except RecursionError:
        raise SheetError(name, Msg("malformed TOML: nested too deeply")) from None
    except ValueError as error:  # e.g. an integer too long to convert
        raise SheetError(
            name, Msg("malformed TOML: {error}"), params={"error": str(error)}
        ) from None


def load_sheet(path: str | Path) -> ScoringSheet:
    """Read and validate a sheet from a TOML file (at most ``MAX_SHEET_BYTES`` bytes)."""
    path = Path(path)
    return sheet_from_dict(_read_toml(path, "sheet"), source=str(path))


@cache
def shipped_sheets() -> tuple[ScoringSheet, ...]:
    """The sheets antq ships (``antq/emulation/data/*.toml``), by id."""
    folder = resources.files("antq.emulation").joinpath("data")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            found.append(sheet_from_dict(data, source=f"antq/emulation/data/{entry.name}"))
    return tuple(found)


def shipped_sheet(sheet_id: str) -> ScoringSheet:
    """The shipped sheet with id ``sheet_id`` (``"qd510.agency"``)."""
    for sheet in shipped_sheets():
        if sheet.id == sheet_id:
            return sheet
    known = ", ".join(s.id for s in shipped_sheets())
    raise InputError(
        "sheet",
        sheet_id,
        Msg("no shipped sheet with this id; known: {known}"),
        params={"known": known},
    )


# --- province overrides -------------------------------------------------------------------


def apply_override(sheet: ScoringSheet, data: object, *, source: str | None = None) -> ScoringSheet:
    """A new sheet: ``sheet`` with a province override (parsed TOML) applied, validated again.

    The override names its ``base`` sheet and gives the new sheet's ``id``, the
    ``source`` of its values (the provincial act, in vi and en) and their
    ``confirmation`` (default ``unconfirmed``). It may declare more
    ``[inputs]``, ``[[fill]]`` unconfirmed placeholders (``item`` = the
    placeholder's id, ``[[fill.items]]`` = the items that replace it; none
    removes it; a replacing item with the placeholder's id may leave out its
    text), set the ``[classification]`` bands when the sheet has none, and add
    ``[[vetoes]]``. Only placeholders can be filled: an override never changes
    what the sheet encodes.
    """
    where = source or "override"
    if not isinstance(data, dict):
        raise SheetError(where, Msg("expected a table"), value=type(data).__name__)
    new_id = data.get("id")
    reader = _Reader(new_id if isinstance(new_id, str) and new_id else where)
    reader.keys(data, _OVERRIDE_KEYS)
    if data.get("antq_sheet_override") != OVERRIDE_FORMAT_VERSION:
        raise reader.fail(
            Msg("expected antq_sheet_override = {version}"),
            params={"version": OVERRIDE_FORMAT_VERSION},
            field="antq_sheet_override",
            value=data.get("antq_sheet_override"),
        )
    base = reader.string(data, "base")
    if base != sheet.id:
        raise reader.fail(
            Msg("this override is for sheet {base}, not {sheet}"),
            params={"base": base, "sheet": sheet.id},
            field="base",
            value=base,
        )
    reader.string(data, "id")
    if new_id == sheet.id:
        raise reader.fail(
            Msg("the filled sheet needs an id of its own, e.g. BASE+province"),
            field="id",
            value=new_id,
        )
    origin = reader.text(data.get("source"), field="source")
    confirmation: Confirmation = reader.code(
        Confirmation, data.get("confirmation", "unconfirmed"), field="confirmation"
    )
    extra_inputs = reader.inputs(data.get("inputs"))
    inputs = (*sheet.inputs, *extra_inputs)
    by_name = {i.name: i for i in inputs}
    if len(by_name) != len(inputs):
        clash = next(i.name for i in extra_inputs if any(o.name == i.name for o in sheet.inputs))
        raise reader.fail(
            Msg("the sheet already declares this input"), field=f"inputs.{clash}", value=clash
        )
    fills_raw = data.get("fill", [])
    if not isinstance(fills_raw, list):
        raise reader.fail(Msg("expected a list of fills ([[fill]])"), field="fill", value=fills_raw)
    sources = sheet.sources if origin in sheet.sources else (*sheet.sources, origin)
    working = _Tree(sheet.items)
    for index, entry in enumerate(fills_raw):
        table = reader.table(entry, field=f"fill[{index}]")
        reader.keys(table, _FILL_KEYS, prefix=f"fill[{index}].")
        target_id = reader.string(table, "item", prefix=f"fill[{index}].")
        target = working.find(target_id)
        if target is None:
            raise reader.fail(
                Msg("no such item in the sheet"), item=target_id, field="fill.item", value=target_id
            )
        if not target.is_unfilled:
            raise reader.fail(
                Msg(
                    "only an unconfirmed placeholder can be filled; this item is part of the sheet"
                ),
                item=target_id,
                field="fill.item",
            )
        replacement = reader.items(
            table.get("items", []),
            field=f"fill.{target_id}.items",
            citation=target.citation,
            confirmation=confirmation,
            depth=target_id.count(".") + 1,
            inherit_text={target.id: target.text},
            source=origin,
        )
        working.replace(target_id, replacement)
    scheme = sheet.classification
    if data.get("classification") is not None:
        if scheme is not None:
            raise reader.fail(
                Msg("the sheet already has bands; an override only sets missing ones"),
                field="classification",
            )
        scheme = reader.classification(
            data["classification"],
            citation=_whole(sheet.citation),
            confirmation=confirmation,
            source=origin,
        )
    vetoes = (
        *sheet.vetoes,
        *reader.vetoes(
            data.get("vetoes"),
            citation=sheet.citation,
            confirmation=confirmation,
            inputs=by_name,
            source=origin,
        ),
    )
    return ScoringSheet(
        id=data["id"],
        title=sheet.title
        if data.get("title") is None
        else reader.text(data["title"], field="title"),
        nature=sheet.nature,
        unit_kinds=sheet.unit_kinds,
        total=sheet.total,
        citation=sheet.citation,
        confirmation=_weakest(sheet.confirmation, working.items),
        inputs=inputs,
        items=working.items,
        classification=scheme,
        vetoes=vetoes,
        note=sheet.note,
        sources=sources,
        valid_from=sheet.valid_from,
        in_force_note=sheet.in_force_note,
    )


def _weakest(start: Confirmation, items: Iterable[SheetItem]) -> Confirmation:
    """The sheet's status after a fill: a confirmed sheet with a part that is not becomes partial."""
    if any(_overclaims(start, item.confirmation) for item in items):
        return Confirmation.PARTIAL
    return start


class _Tree:
    """A mutable working copy of an item tree, for applying fills in order."""

    def __init__(self, items: tuple[SheetItem, ...]) -> None:
        self.items = items

    def find(self, item_id: str) -> SheetItem | None:
        for top in self.items:
            for item, _ in top.walk():
                if item.id == item_id:
                    return item
        return None

    def replace(self, item_id: str, replacement: tuple[SheetItem, ...]) -> None:
        self.items = tuple(x for item in self.items for x in _replace(item, item_id, replacement))


def apply_override_file(sheet: ScoringSheet, path: str | Path) -> ScoringSheet:
    """:func:`apply_override` with an override read from a TOML file."""
    path = Path(path)
    return apply_override(sheet, _read_toml(path, "override"), source=str(path))


# --- catalogue ----------------------------------------------------------------------------


_NO_BANDS_ENTRY = Msg("Classification thresholds: unconfirmed, must be supplied")
_BANDS_ENTRY = Msg("Classification: {bands}")
_BAND_ENTRY = Msg("{klass} from {points}")
_INPUTS_ENTRY = Msg("inputs")


@attrs.frozen(kw_only=True)
class SheetCatalogueEntry:
    """One item of a sheet (or its bands, or a veto), as the catalogue lists it."""

    sheet: ScoringSheet
    role: str  # "item", "classification" or "veto"
    item: SheetItem | None = None
    veto: Veto | None = None
    depth: int = 0

    @property
    def id(self) -> str:
        if self.item is not None:
            return f"{self.sheet.id}/{self.item.id}"
        if self.veto is not None:
            return f"{self.sheet.id}/veto:{self.veto.id}"
        return f"{self.sheet.id}/classification"

    @property
    def confirmation(self) -> Confirmation:
        if self.item is not None:
            return self.item.confirmation
        if self.veto is not None:
            return self.veto.confirmation
        scheme = self.sheet.classification
        return Confirmation.UNCONFIRMED if scheme is None else scheme.confirmation

    @property
    def citation(self) -> Citation:
        if self.item is not None:
            return self.item.citation
        if self.veto is not None:
            return self.veto.citation
        scheme = self.sheet.classification
        return _whole(self.sheet.citation) if scheme is None else scheme.citation

    def title(self, lang: Lang) -> str:
        """The item's or veto's text, or the bands, in ``lang``."""
        if self.item is not None:
            return self.item.text.render(lang)
        if self.veto is not None:
            return self.veto.text.render(lang)
        scheme = self.sheet.classification
        if scheme is None:
            return _NO_BANDS_ENTRY.render(lang)
        bands = "; ".join(
            _BAND_ENTRY.render(lang).format(
                klass=b.movement_class.label(lang), points=format_points(b.min_points, lang)
            )
            for b in scheme.bands
        )
        return _BANDS_ENTRY.render(lang).format(bands=bands)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "sheet": self.sheet.id,
            "nature": self.sheet.nature.code,
            "unit_kinds": [k.code for k in self.sheet.unit_kinds],
            "role": self.role,
            "confirmation": self.confirmation.code,
            "citation": {lang: self.citation.render(lang) for lang in LANGS},
            "title": {lang: self.title(lang) for lang in LANGS},
        }
        if self.item is not None:
            known = self.item.known_max
            data.update(
                item=self.item.id,
                max_points=None if known is None else points_to_json(known),
                rule=None if self.item.rule is None else self.item.rule.type.code,
                inputs=list(self.item.input_names()) if not self.item.is_group else [],
            )
        if self.veto is not None:
            data.update(input=self.veto.input, cap=self.veto.cap.code)
        return data

    def render(self, lang: Lang) -> str:
        text = self.title(lang)
        indent = "  " * self.depth
        if self.item is not None:
            known = self.item.known_max
            points = "?" if known is None else format_points(known, lang)
            kind = (
                RuleType.UNCONFIRMED.label(lang)
                if self.item.is_unfilled
                else ("" if self.item.rule is None else self.item.rule.type.label(lang))
            )
            head = (
                f"{indent}{self.id}  [{points} · {kind or '∑'} · {self.confirmation.label(lang)}]"
            )
            lines = [head, f"{indent}    {text}", f"{indent}    {self.citation.render(lang)}"]
            names = self.item.input_names() if not self.item.is_group else ()
            if names:
                lines.append(f"{indent}    {_INPUTS_ENTRY.render(lang)}: {', '.join(names)}")
            return "\n".join(lines)
        return "\n".join(
            [
                f"{self.id}  [{self.confirmation.label(lang)}]",
                f"    {text}",
                f"    {self.citation.render(lang)}",
            ]
        )


def sheet_catalogue(
    sheets: Iterable[ScoringSheet] | None = None, *, as_of: date | None = None
) -> Iterator[SheetCatalogueEntry]:
    """Every item, the classification and every veto of ``sheets`` (default: the shipped ones).

    With ``as_of``, only the sheets in force for a rating year ending on that day
    (none before the sheet's ``valid_from``).

    >>> entries = list(sheet_catalogue())
    >>> [(e.id, e.confirmation.code) for e in entries[:2]]
    [('qd510.agency/1', 'confirmed'), ('qd510.agency/2', 'partial')]
    """
    for sheet in shipped_sheets() if sheets is None else sheets:
        if as_of is not None and sheet.valid_from is not None and as_of < sheet.valid_from:
            continue
        for item, depth in sheet.walk():
            yield SheetCatalogueEntry(sheet=sheet, role="item", item=item, depth=depth)
        yield SheetCatalogueEntry(sheet=sheet, role="classification")
        for veto in sheet.vetoes:
            yield SheetCatalogueEntry(sheet=sheet, role="veto", veto=veto)
