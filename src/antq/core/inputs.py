"""Declared inputs: the facts a criterion reads, with their type and schema.

An :class:`Input` names one fact (``households_resident``), says what values it
accepts and how to read them from JSON or TOML, and describes itself for the
JSON Schema and the criteria catalogue. Criteria list the inputs they read, so
a caller can ask a rule set which inputs it needs without running it.

Parsing is strict: a wrong type or a negative count raises
:class:`~antq.errors.InputError` naming the path and the value. A missing
input is simply absent, and the criterion that needs it is UNKNOWN.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any, Generic, TypeVar, cast

import attrs

from antq.core.frozen import FrozenMap
from antq.core.periods import parse_iso_date
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Label, Msg
from antq.vocabulary import CodedEnum

T = TypeVar("T")
E = TypeVar("E", bound=CodedEnum)

#: A JSON Schema fragment.
Schema = Mapping[str, Any]


def _freeze(schema: Mapping[str, Any]) -> Schema:
    return FrozenMap(schema)


class InputKind(CodedEnum):
    """What sort of value an input holds."""

    BOOLEAN = ("boolean", "có/không", "yes/no")
    COUNT = ("count", "số lượng", "count")
    DATE = ("date", "ngày", "date")
    CHOICE = ("choice", "lựa chọn", "choice")
    CHOICES = ("choices", "nhiều lựa chọn", "set of choices")
    RECORDS = ("records", "danh sách bản ghi", "list of records")


@attrs.frozen(kw_only=True)
class Input(Generic[T]):
    """One declared fact.

    ``judgement`` marks a fact that the law leaves to the assessor (a QUAL item):
    antq takes it as given and never computes or defaults it.
    """

    name: str
    label: Label
    kind: InputKind
    parse: Callable[[object, str], T] = attrs.field(eq=False, repr=False)
    schema: Schema = attrs.field(eq=False, repr=False, converter=_freeze)
    judgement: bool = False
    #: True for a value antq computes itself (a commune's roll-up from its units):
    #: never read from a facts document, and left out of its schema.
    computed: bool = False
    # The Python type of a parsed value (and of each item, for a collection), used
    # to check values that callers put into facts directly (see :meth:`check`).
    # (Typed Any, not type[...]: the docs would confuse "type" with fields of that name.)
    value_type: Any = attrs.field(default=None, eq=False, repr=False)
    item_type: Any = attrs.field(default=None, eq=False, repr=False)

    def read(self, raw: object, *, path: str) -> T:
        """Parse a raw JSON/TOML value found at ``path``."""
        return self.parse(raw, path)

    def check(self, value: object, *, path: str) -> None:
        """Check a value given in Python (not read from a file) is of this input's type.

        Facts read with :mod:`antq.io` are already checked; this catches, e.g.,
        the string ``"false"`` where a boolean is expected.
        """
        expected = self.value_type
        if expected is None:
            return
        if expected is int:
            parse_count(value, path)
        elif isinstance(value, bool) is not (expected is bool) or not isinstance(value, expected):
            raise InputError(
                path,
                value,
                Msg("expected a value of type {type}"),
                params={"type": expected.__name__},
            )
        elif expected is date and isinstance(value, datetime):
            raise InputError(path, value, Msg("expected a date without a time of day"))
        if self.item_type is not None:
            for i, item in enumerate(cast(Iterable[object], value)):
                if not isinstance(item, self.item_type):
                    raise InputError(
                        f"{path}[{i}]",
                        item,
                        Msg("expected a {type}"),
                        params={"type": self.item_type.__name__},
                    )


def parse_bool(raw: object, path: str) -> bool:
    """Read a JSON boolean; strings and numbers are rejected, not guessed."""
    if isinstance(raw, bool):
        return raw
    raise InputError(path, raw, Msg("expected true or false"))


#: The largest count antq accepts: far above any real one, so a bigger value is a typo.
MAX_COUNT = 10**12


def parse_count(raw: object, path: str) -> int:
    """Read a whole number from 0 to :data:`MAX_COUNT` (booleans and floats are rejected)."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise InputError(path, raw, Msg("expected a whole number >= 0"))
    if raw < 0:
        raise InputError(path, raw, Msg("must be >= 0"))
    if raw > MAX_COUNT:
        raise InputError(
            path,
            raw,
            Msg("is larger than any real count (at most {limit})"),
            params={"limit": MAX_COUNT},
        )
    return raw


def parse_date(raw: object, path: str) -> date:
    """Read a calendar date (``2024-03-31``); TOML dates arrive as ``date`` already.

    :func:`antq.core.periods.parse_iso_date`, the one strict reader of dates in facts:
    ISO week dates and compact forms such as ``20240331`` are refused.
    """
    return parse_iso_date(raw, path)


def boolean(name: str, label: Label, *, judgement: bool = False) -> Input[bool]:
    """A yes/no fact."""
    return Input(
        name=name,
        label=label,
        kind=InputKind.BOOLEAN,
        parse=parse_bool,
        schema={"type": "boolean"},
        judgement=judgement,
        value_type=bool,
    )


def count(name: str, label: Label) -> Input[int]:
    """A whole number >= 0."""
    return Input(
        name=name,
        label=label,
        kind=InputKind.COUNT,
        parse=parse_count,
        schema={"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
        value_type=int,
    )


def day(name: str, label: Label) -> Input[date]:
    """A calendar date."""
    return Input(
        name=name,
        label=label,
        kind=InputKind.DATE,
        parse=parse_date,
        schema={"type": "string", "format": "date"},
        value_type=date,
    )


@attrs.frozen
class _ChoiceParser(Generic[E]):
    # A class rather than a closure so that rule sets stay picklable.
    vocabulary: type[E]

    def __call__(self, raw: object, path: str) -> E:
        return self.vocabulary.from_code(raw, path=path)


def choice(name: str, label: Label, vocabulary: type[E], *, judgement: bool = False) -> Input[E]:
    """One code of a closed vocabulary."""
    return Input(
        name=name,
        label=label,
        kind=InputKind.CHOICE,
        parse=_ChoiceParser(vocabulary),
        schema={"type": "string", "enum": list(vocabulary.codes())},
        judgement=judgement,
        value_type=vocabulary,
    )


@attrs.frozen
class _CodeSetParser(Generic[E]):
    vocabulary: type[E]

    def __call__(self, raw: object, path: str) -> frozenset[E]:
        if not isinstance(raw, list):
            raise InputError(
                path,
                raw,
                Msg("expected a list of {type} codes"),
                params={"type": self.vocabulary.__name__},
            )
        known = self.vocabulary._value2member_map_
        members = [known.get(code) if isinstance(code, str) else None for code in raw]
        if None not in members:
            return frozenset(cast("list[E]", members))
        # A code that is not known: the error names it and its place in the list.
        return frozenset(
            self.vocabulary.from_code(code, path=f"{path}[{i}]") for i, code in enumerate(raw)
        )


def code_set(name: str, label: Label, vocabulary: type[E]) -> Input[frozenset[E]]:
    """A set of codes of a closed vocabulary, written as a JSON list."""
    return Input(
        name=name,
        label=label,
        kind=InputKind.CHOICES,
        parse=_CodeSetParser(vocabulary),
        schema={
            "type": "array",
            "items": {"type": "string", "enum": list(vocabulary.codes())},
            "uniqueItems": True,
        },
        value_type=frozenset,
        item_type=vocabulary,
    )


@attrs.frozen
class _RecordsParser(Generic[T]):
    item: Callable[[object, str], T]

    def __call__(self, raw: object, path: str) -> tuple[T, ...]:
        if not isinstance(raw, list):
            raise InputError(path, raw, Msg("expected a list"))
        return tuple(self.item(entry, f"{path}[{i}]") for i, entry in enumerate(raw))


def records(
    name: str,
    label: Label,
    item: Callable[[object, str], T],
    item_schema: Schema,
    *,
    item_type: Any = None,
) -> Input[tuple[T, ...]]:
    """A list of records, each read by ``item`` (and, given in Python, of ``item_type``)."""
    return Input(
        name=name,
        label=label,
        kind=InputKind.RECORDS,
        parse=_RecordsParser(item),
        schema={"type": "array", "items": dict(item_schema)},
        value_type=tuple,
        item_type=item_type,
    )


def merge_inputs(groups: Mapping[str, tuple[Input[Any], ...]]) -> dict[str, Input[Any]]:
    """Union of inputs by name; the same name must mean the same input everywhere."""

    merged: dict[str, Input[Any]] = {}
    for owner, inputs in groups.items():
        for inp in inputs:
            known = merged.get(inp.name)
            if known is None:
                merged[inp.name] = inp
            elif known is not inp and known != inp:
                raise DefinitionError(
                    f"input {inp.name!r} of {owner} conflicts with another input of that name"
                )
    return merged
