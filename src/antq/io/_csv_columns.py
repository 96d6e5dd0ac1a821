"""antq's own CSV read a chunk of rows at a time, column by column.

The per-row reader (:meth:`antq.io._csv_units._CsvLayout.read_unit`) reads a
row cell by cell, calling a reader for each. Here the rows of a chunk are
turned into columns and each column is read in one loop: its cells are looked
up in a cache of the values already parsed from the same text (booleans,
codes, counts, dates, ``[]``...), and a text met for the first time is parsed
by the very reader the per-row reader uses.

Only rows in the simple accepted form are read here: a row whose cells are as
many as the header's columns, whose unit columns are plain (an id that is
printable text, a known kind, a year within ``MIN_YEAR``-``MAX_YEAR`` written
in digits, a period ending in that year...) and whose every fact cell its
reader accepts. Any other row, and any row where a reader raised anything, is
left to the per-row reader, which gives today's value or error. A row read
here is therefore the unit the per-row reader would have built, and the
errors are the per-row reader's own.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from antq.core.facts import MAX_YEAR, MIN_YEAR, UnitFacts
from antq.core.inputs import Input
from antq.core.periods import Period, parse_iso_date
from antq.core.unit_kinds import UnitKind

if TYPE_CHECKING:
    from antq.io._csv_units import _CsvLayout

#: A cell that is empty: the fact is not known.
_EMPTY: Final = object()
#: A cell (or row) that only the per-row reader may read.
_SLOW: Final = object()
#: At most this many parsed values are remembered per column, each of a text at most
#: this long: the memory of a read stays flat whatever the size of the file.
_CACHE_ENTRIES = 256
_CACHE_TEXT = 256

#: The ``__setattr__`` of every frozen attrs class.
_FROZEN_SETATTR: object = attrs.frozen(type("_Probe", (), {})).__setattr__
_ATOMS = (bool, int, float, str, date, type(None), enum.Enum)


def _shareable(value: object) -> bool:
    """Whether ``value`` cannot change, so that units may share it."""
    if isinstance(value, _ATOMS):
        return True
    if isinstance(value, tuple | frozenset):
        return all(_shareable(item) for item in value)
    kind = type(value)
    names = _FROZEN_FIELDS.get(kind)
    if names is None:
        frozen = attrs.has(kind) and getattr(kind, "__setattr__", None) is _FROZEN_SETATTR
        fields = attrs.fields(cast("type[attrs.AttrsInstance]", kind)) if frozen else ()
        names = _FROZEN_FIELDS[kind] = tuple(f.name for f in fields)
    return bool(names) and all(_shareable(getattr(value, name)) for name in names)


#: The fields of each frozen attrs class met (none for any other class).
_FROZEN_FIELDS: dict[type, tuple[str, ...]] = {}


class _Cells(dict[Any, object]):
    """The values of one column by the text of the cell; a text not met yet is parsed.

    ``parse(text)`` gives the value, or :data:`_SLOW`; a reader that raises
    gives :data:`_SLOW` too. ``failed`` tells that some cell was :data:`_SLOW`.
    """

    __slots__ = ("failed", "parse")

    def __init__(self, parse: Callable[[Any], object], empty: object = _SLOW) -> None:
        super().__init__()
        if empty is not _SLOW:
            self[""] = empty
        self.parse = parse
        self.failed = False

    def __missing__(self, text: Any) -> object:
        try:
            value = self.parse(text)
        except Exception:  # the per-row reader raises it again, as it does today
            value = _SLOW
        if value is _SLOW:
            self.failed = True
        elif len(self) < _CACHE_ENTRIES and _fits(text) and (value is _EMPTY or _shareable(value)):
            self[text] = value
        return value

    def read(self, texts: Sequence[Any], slow: set[int]) -> list[object]:
        """The values of ``texts``, adding the position of each :data:`_SLOW` one to ``slow``."""
        self.failed = False
        values = list(map(self.__getitem__, texts))
        if self.failed:
            slow.update(i for i, value in enumerate(values) if value is _SLOW)
        return values


def _fits(text: Any) -> bool:
    if isinstance(text, str):
        return len(text) <= _CACHE_TEXT
    return sum(len(part) for part in text) <= _CACHE_TEXT


def _fact(reader: Callable[[str, str], object], path: str) -> Callable[[str], object]:
    def parse(text: str) -> object:
        return reader(text, path)

    return parse


def _keyed(
    parts: list[tuple[str, str, Callable[[str, str], object]]],
    inp: Input[Any] | None,
    path: str,
) -> Callable[[tuple[str, ...]], object]:
    """Reads the cells of one object fact given one key per column, as one value."""

    def parse(texts: tuple[str, ...]) -> object:
        raw: dict[str, object] = {}
        for text, (key, part_path, reader) in zip(texts, parts, strict=True):
            if text:
                raw[key] = reader(text, part_path)
        if not raw:
            return _EMPTY
        if inp is None:
            return _SLOW
        return inp.parse(raw, path)

    return parse


def _year(text: str) -> object:
    if len(text) == 4 and text.isascii() and text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR:
        return int(text)
    return _SLOW


def _period(text: str) -> object:
    return Period.parse(text, path="period")


def _established(text: str) -> object:
    return parse_iso_date(text, "established")


class _KindPlan:
    """How the fact columns of one kind are read, column by column."""

    def __init__(
        self, layout: _CsvLayout, kind: UnitKind, inputs: Mapping[str, Input[Any]]
    ) -> None:
        row = layout.facts_of(kind, inputs)
        #: (index, cache) of the one-cell facts, then of the keyed facts (indices, cache).
        self.names: list[str] = []
        self.cells: list[tuple[int, _Cells]] = []
        for index, name, path, reader in row.cells:
            self.names.append(name)
            self.cells.append((index, _Cells(_fact(reader, path), _EMPTY)))
        self.keyed: list[tuple[list[int], _Cells]] = []
        for parent, parts in row.keyed.items():
            self.names.append(parent)
            described = [(key, path, reader) for _, key, path, reader in parts]
            parse = _keyed(described, inputs.get(parent), f"facts.{parent}")
            self.keyed.append(([index for index, *_ in parts], _Cells(parse)))
        self.foreign = [index for index, _ in row.foreign]
        #: False when a fact may be given both as one cell and by key columns: the
        #: per-row reader reads every row of the kind then.
        self.columnar = not row.both


class ColumnReader:
    """Reads the plain rows of a chunk of antq's own CSV into units, column by column."""

    def __init__(
        self, layout: _CsvLayout, inputs: Mapping[UnitKind, Mapping[str, Input[Any]]]
    ) -> None:
        self.layout = layout
        self.inputs = inputs
        self.width = len(layout.columns)
        where = {column.name: column.index for column in layout.columns}
        self.id = where["id"]
        self.kind = where["kind"]
        self.year = where["year"]
        self.texts = [where.get(key) for key in ("name", "commune", "province")]
        self.period = where.get("period")
        self.established = where.get("established")
        self.years = _Cells(_year)
        self.periods = _Cells(_period, None)
        self.dates = _Cells(_established, None)
        self.plans: dict[UnitKind, _KindPlan] = {}

    @classmethod
    def of(
        cls,
        layout: _CsvLayout,
        header: list[str],
        inputs: Mapping[UnitKind, Mapping[str, Input[Any]]],
    ) -> ColumnReader | None:
        """The reader of a layout, or None when its rows are left to the per-row reader."""
        if layout.fatal is not None or len(layout.columns) != len(header):
            return None  # a repeated column: the per-row reader's count of cells is its own
        return cls(layout, inputs)

    def read(self, rows: Sequence[object]) -> list[UnitFacts | None]:
        """The unit of each row read here, None for a row the per-row reader must read."""
        out: list[UnitFacts | None] = [None] * len(rows)
        width = self.width
        positions = [i for i, row in enumerate(rows) if type(row) is list and len(row) == width]
        if not positions:
            return out
        columns = list(zip(*(rows[i] for i in positions), strict=True))
        kinds = list(map(UnitKind._value2member_map_.get, map(str.strip, columns[self.kind])))
        first = kinds[0]
        if isinstance(first, UnitKind) and kinds.count(first) == len(kinds):
            self._read_kind(first, columns, positions, out)
            return out
        groups: dict[UnitKind, list[int]] = {}
        for at, kind in enumerate(kinds):
            if isinstance(kind, UnitKind):
                groups.setdefault(kind, []).append(at)
        for kind, members in groups.items():
            picked = [[column[at] for at in members] for column in columns]
            self._read_kind(kind, picked, [positions[at] for at in members], out)
        return out

    def _read_kind(
        self,
        kind: UnitKind,
        columns: Sequence[Sequence[str]],
        positions: list[int],
        out: list[UnitFacts | None],
    ) -> None:
        plan = self.plans.get(kind)
        if plan is None:
            plan = self.plans[kind] = _KindPlan(self.layout, kind, self.inputs[kind])
        if not plan.columnar:
            return
        slow: set[int] = set()
        count = len(positions)

        def texts(index: int) -> list[str]:
            return list(map(str.strip, columns[index]))

        ids: list[object] = [text if text.isprintable() else _SLOW for text in texts(self.id)]
        if "" in ids or _SLOW in ids:
            slow.update(i for i, text in enumerate(ids) if text == "" or text is _SLOW)
        years = self.years.read(texts(self.year), slow)
        described = [
            [None] * count if i is None else [t or None for t in texts(i)] for i in self.texts
        ]
        periods: list[object] = [None] * count
        if self.period is not None:
            periods = self.periods.read(texts(self.period), slow)
            for i, (period, year) in enumerate(zip(periods, years, strict=True)):
                if isinstance(period, Period) and period.end.year != year:
                    slow.add(i)
        dates: list[object] = [None] * count
        if self.established is not None:
            dates = self.dates.read(texts(self.established), slow)
        values: list[list[object]] = []
        maybe_empty: list[str] = []
        for (index, cells), name in zip(plan.cells, plan.names, strict=False):
            cell_texts = texts(index)
            if "" in cell_texts:
                maybe_empty.append(name)
            values.append(cells.read(cell_texts, slow))
        for (indices, cells), name in zip(plan.keyed, plan.names[len(plan.cells) :], strict=True):
            keys = list(zip(*(texts(i) for i in indices), strict=True))
            maybe_empty.append(name)
            values.append(cells.read(keys, slow))
        for index in plan.foreign:
            given = texts(index)
            if any(given):
                slow.update(i for i, text in enumerate(given) if text)
        names = plan.names
        rows = zip(*values, strict=True) if values else [()] * count
        trusted = UnitFacts.trusted
        for i, (unit_id, year, name, commune, province, period, established, row) in enumerate(
            zip(ids, years, *described, periods, dates, rows, strict=True)
        ):
            if i in slow:
                continue
            facts = dict(zip(names, row, strict=True))
            for empty in maybe_empty:
                if facts[empty] is _EMPTY:
                    del facts[empty]
            out[positions[i]] = trusted(
                unit_id=unit_id,
                kind=kind,
                year=year,
                name=name,
                commune=commune,
                province=province,
                period=period,
                established=established,
                values=facts,
            )
