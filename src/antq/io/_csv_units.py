"""antq's own CSV: one row per unit, a header naming the columns."""

from __future__ import annotations

import csv
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import IO, Any, Unpack

import attrs

from antq.core.facts import MAX_YEAR, MIN_YEAR, UnitFacts, check_id
from antq.core.inputs import Input, parse_bool, parse_count
from antq.core.periods import Period, parse_iso_date
from antq.core.ruleset import RuleBook
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError, Message
from antq.i18n.catalog import Msg
from antq.io._csv_columns import ColumnReader
from antq.io._json_values import _DECODER, _REPEATS, _repeated_key, malformed_reason
from antq.io._lines import _decode, _lines, _LongLine, _not_utf8, read_source
from antq.io._units import (
    Item,
    ReadOptions,
    RowError,
    Source,
    SourceReadError,
    UnitRef,
    _Reading,
    _Units,
    line_location,
)
from antq.io.dialect import Dialect
from antq.io.facts import UNIT_KEYS

#: The CSV columns that describe the unit rather than a fact.
CSV_UNIT_COLUMNS: tuple[str, ...] = tuple(k for k in UNIT_KEYS if k != "facts")
_REQUIRED_COLUMNS = ("id", "kind", "year")
# At most 4,000 digits: Python refuses to convert longer ones (any count or year that long
# is out of range anyway, and is reported as such).
_INTEGER = re.compile(r"[+-]?[0-9]{1,4000}")


def _json_cell(text: str, path: str) -> object:
    repeats = _REPEATS[0]
    try:
        value = _DECODER.decode(text)
    except ValueError as error:  # JSONDecodeError, or an integer too long to convert
        raise InputError(
            path,
            text,
            Msg("malformed JSON in the cell: {reason}"),
            params={"reason": malformed_reason(error)},
        ) from None
    repeated = _repeated_key(value, path) if _REPEATS[0] != repeats else None
    if repeated is not None:
        raise InputError(
            repeated[0], repeated[1], Msg("the key appears more than once in the cell")
        )
    return value


def _cell(text: str, schema: Mapping[str, Any], path: str) -> object:
    """The JSON value a CSV cell stands for, read by the fact's JSON Schema type."""
    kind = schema.get("type")
    if kind == "boolean":
        folded = text.casefold()
        return {"true": True, "false": False}.get(folded, text)
    if kind == "integer":
        return int(text) if _INTEGER.fullmatch(text) else text
    if kind == "array":
        if text == "[]":
            return []
        if text.startswith("["):
            return _json_cell(text, path)
        items = schema.get("items", {})
        if isinstance(items, Mapping) and items.get("type") == "string":
            return [part.strip() for part in text.split(";") if part.strip()]
        return _json_cell(text, path)
    if kind == "object":
        return _json_cell(text, path)
    return text


def _separator_hint(header: list[str]) -> Message | None:
    """A hint when the header is one cell holding the columns split by another separator.

    Spreadsheets set to Vietnamese (decimal comma) save CSV with ';' between cells.
    """
    if len(header) == 1:
        for separator in (";", "\t", "|"):
            if separator in header[0]:
                return Message(
                    Msg("the cells are separated by {separator}; antq reads ',' only"),
                    {"separator": repr(separator)},
                )
    return None


@attrs.frozen
class _Column:
    index: int
    name: str
    #: For ``fact.key`` columns: the fact and the key.
    parent: str | None = None
    key: str | None = None


class _CsvLayout:
    """What each column of a header means, and the problems with the header."""

    def __init__(self, header: list[str], book: RuleBook) -> None:
        self.columns: list[_Column] = []
        self.problems: list[tuple[str, str, str]] = []  # (column, value, message)
        self._row_facts: dict[UnitKind, _RowFacts] = {}
        known = book.inputs()
        seen: set[str] = set()
        for index, raw in enumerate(header):
            name = unicodedata.normalize("NFC", raw.strip())
            if not name:
                if raw:
                    self.problems.append(("", raw, Message(Msg("a column has a blank name"))))
                self.columns.append(_Column(index, ""))
                continue
            if name in seen:
                self.problems.append((name, name, Message(Msg("the column appears twice"))))
                continue
            seen.add(name)
            parent, dot, key = name.partition(".")
            if dot and parent in known and known[parent].schema.get("type") == "object":
                properties = known[parent].schema.get("properties", {})
                if key not in properties:
                    allowed = ", ".join(properties)
                    message = Message(
                        Msg("unknown key of {fact}; allowed: {allowed}"),
                        {"fact": parent, "allowed": allowed},
                    )
                    self.problems.append((name, name, message))
                self.columns.append(_Column(index, name, parent, key))
                continue
            if name not in CSV_UNIT_COLUMNS and name not in known:
                unknown = Message(Msg("unknown column: not a unit key or a fact"))
                self.problems.append((name, name, unknown))
            self.columns.append(_Column(index, name))
        self._unit_columns = [(c.index, c.name) for c in self.columns if c.name in CSV_UNIT_COLUMNS]
        missing = [c for c in _REQUIRED_COLUMNS if c not in seen]
        self.fatal: Message | None = None
        if missing:
            columns = {"columns": ", ".join(_REQUIRED_COLUMNS), "missing": ", ".join(missing)}
            hint = _separator_hint(header)
            self.fatal = (
                Message(
                    Msg("the header must name the columns {columns}; missing: {missing}"), columns
                )
                if hint is None
                else Message(
                    Msg("the header must name the columns {columns}; missing: {missing} ({hint})"),
                    {**columns, "hint": hint},
                )
            )

    def facts_of(self, kind: UnitKind, inputs: Mapping[str, Input[Any]]) -> _RowFacts:
        """How the fact columns of a row of ``kind`` are read (worked out once per kind)."""
        plan = self._row_facts.get(kind)
        if plan is None:
            plan = self._row_facts[kind] = _RowFacts(self.columns, kind, inputs)
        return plan

    def read_unit(self, cells: list[str], units: _Units) -> UnitFacts:
        """The unit of a row; raises :class:`InputError` with a path in the unit.

        Checks what :func:`~antq.io.facts.unit_facts_from_dict` checks, in the
        same order, reading each cell straight into its fact.
        """
        if len(cells) > len(self.columns) and any(c.strip() for c in cells[len(self.columns) :]):
            raise InputError(
                "",
                len(cells),
                Msg("the row has more cells than the header ({count})"),
                params={"count": len(self.columns)},
            )
        found = self._unit_cells(cells)
        unit_id = found.get("id")
        check_id(unit_id, "id")
        kind = UnitKind.from_code(found.get("kind"), path="kind")
        year_text = found.get("year")
        if year_text is None or not _INTEGER.fullmatch(year_text):
            raise InputError(
                "year", year_text, Msg("expected the recognition year as a whole number")
            )
        year = int(year_text)
        period_text = found.get("period")
        period = None if period_text is None else Period.parse(period_text, path="period")
        established_text = found.get("established")
        established = (
            None if established_text is None else parse_iso_date(established_text, "established")
        )
        values = self.facts_of(kind, units.inputs[kind]).read(cells)
        fields: dict[str, Any] = {
            "unit_id": str(unit_id),
            "kind": kind,
            "year": year,
            "name": found.get("name"),
            "commune": found.get("commune"),
            "province": found.get("province"),
            "period": period,
            "established": established,
            "values": values,
        }
        if MIN_YEAR <= year <= MAX_YEAR and (period is None or period.end.year == year):
            # Cells are decoded, NFC and stripped, and each value parsed by its input:
            # the checks of UnitFacts hold already (its constructor reports the rest).
            return UnitFacts.trusted(**fields)
        try:
            return UnitFacts(**fields, checked=True)
        except InputError as error:
            raise InputError(error.path.rsplit(".", 1)[-1], error.value, error.message) from None

    def _unit_cells(self, cells: list[str]) -> dict[str, str]:
        """The unit columns of a row that are not empty, as text."""
        found: dict[str, str] = {}
        size = len(cells)
        for index, name in self._unit_columns:
            if index < size:
                text = cells[index].strip()
                if text:
                    found[name] = text
        return found

    def identification(self, cells: list[str]) -> dict[str, object]:
        """The unit columns of a row that are not empty (the year as a number, if it is one)."""
        found: dict[str, object] = dict(self._unit_cells(cells))
        year = found.pop("year", None)
        if isinstance(year, str) and _INTEGER.fullmatch(year):
            found["year"] = int(year)
        return found


_BOOLEANS = {"true": True, "false": False}


def _cell_reader(inp: Input[Any], schema: Mapping[str, Any]) -> Callable[[str, str], object]:
    """Reads one non-empty cell of ``inp`` (text as in :func:`_cell`) into its parsed value."""
    kind = schema.get("type")
    parse = inp.parse
    if kind == "boolean" and parse is parse_bool:

        def read_boolean(text: str, path: str) -> object:
            value = _BOOLEANS.get(text)
            if value is not None:
                return value
            return parse_bool(_BOOLEANS.get(text.casefold(), text), path)

        return read_boolean
    if kind == "integer" and parse is parse_count:
        return _read_count
    if kind == "string":
        return parse

    def read_other(text: str, path: str) -> object:
        return parse(_cell(text, schema, path), path)

    return read_other


def _read_count(text: str, path: str) -> object:
    # Up to 12 plain digits is a whole number from 0 to MAX_COUNT: nothing to check.
    if len(text) <= 12 and text.isascii() and text.isdigit():
        return int(text)
    return parse_count(int(text) if _INTEGER.fullmatch(text) else text, path)


class _RowFacts:
    """The fact columns of a CSV layout as one kind of unit reads them."""

    def __init__(
        self, columns: list[_Column], kind: UnitKind, inputs: Mapping[str, Input[Any]]
    ) -> None:
        self.kind = kind
        # (index, path, reader) for one-cell facts, in column order.
        self.cells: list[tuple[int, str, str, Callable[[str, str], object]]] = []
        # Facts given one key per column: fact -> [(index, key, path, reader)].
        self.keyed: dict[str, list[tuple[int, str, str, Callable[[str, str], object]]]] = {}
        # Columns of facts that this kind does not have: a value there is an error.
        self.foreign: list[tuple[int, str]] = []
        for column in columns:
            path = f"facts.{column.name}"
            if column.parent is not None and column.key is not None:
                inp = inputs.get(column.parent)
                schema = inp.schema.get("properties", {}).get(column.key, {}) if inp else {}
                reader = _keyed_part(schema)
                self.keyed.setdefault(column.parent, []).append(
                    (column.index, column.key, path, reader)
                )
            elif column.name and column.name not in CSV_UNIT_COLUMNS:
                inp = inputs.get(column.name)
                if inp is None:
                    self.foreign.append((column.index, column.name))
                else:
                    self.cells.append(
                        (column.index, column.name, path, _cell_reader(inp, inp.schema))
                    )
        self.inputs = inputs
        # Facts given both as one column and by key columns: a row may fill only one way.
        self.both = [
            (index, path, inputs[name].schema, self.keyed[name])
            for index, name, path, _ in self.cells
            if name in self.keyed
        ]

    def read(self, cells: list[str]) -> dict[str, object]:
        """The parsed facts of a row; raises :class:`InputError` naming the fact."""
        size = len(cells)
        for index, path, schema, parts in self.both:
            whole = cells[index].strip() if index < size else ""
            if whole and any(i < size and cells[i].strip() for i, *_ in parts):
                raise InputError(
                    path,
                    _cell(whole, schema, path),
                    Msg("given both as one cell and by key columns"),
                )
        values: dict[str, object] = {}
        for index, name, path, reader in self.cells:
            if index < size:
                text = cells[index].strip()
                if text:
                    values[name] = reader(text, path)
        for index, name in self.foreign:
            if index < size and cells[index].strip():
                raise InputError(
                    f"facts.{name}",
                    cells[index].strip(),
                    Msg("unknown fact for a unit of kind {code}; see 'antq schema'"),
                    params={"code": self.kind.code},
                )
        for parent, parts in self.keyed.items():
            raw: dict[str, object] = {}
            for index, key, path, reader in parts:
                if index < size:
                    text = cells[index].strip()
                    if text:
                        raw[key] = reader(text, path)
            if not raw:
                continue
            inp = self.inputs.get(parent)
            if inp is None:
                raise InputError(
                    f"facts.{parent}",
                    raw,
                    Msg("unknown fact for a unit of kind {code}; see 'antq schema'"),
                    params={"code": self.kind.code},
                )
            values[parent] = inp.parse(raw, f"facts.{parent}")
        return values


def _keyed_part(schema: Mapping[str, Any]) -> Callable[[str, str], object]:
    """Reads the cell of one key of an object fact as the JSON value it stands for."""
    if schema.get("type") == "integer":
        return _read_count

    def read(text: str, path: str) -> object:
        return _cell(text, schema, path)

    return read


def _csv_records(
    lines: Iterator[bytes | _LongLine], delimiter: str = ","
) -> Iterator[tuple[int, list[str] | UnicodeDecodeError | _LongLine | csv.Error]]:
    """CSV records with the number of their first line; decoding errors per record."""
    bad: dict[int, UnicodeDecodeError | _LongLine] = {}
    counter = {"line": 0}

    def texts() -> Iterator[str]:
        for raw in lines:
            counter["line"] += 1
            if isinstance(raw, _LongLine):
                bad[counter["line"]] = raw
                yield "\n"
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                bad[counter["line"]] = error
                text = raw.decode("utf-8", errors="replace")
            # NFC of a whole line is NFC of each cell: CSV's separators never combine.
            yield text if text.isascii() else unicodedata.normalize("NFC", text)

    reader = csv.reader(texts(), strict=True, delimiter=delimiter)
    while True:
        start = counter["line"] + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield start, error
            continue
        if bad:
            errors = [bad.pop(n) for n in range(start, counter["line"] + 1) if n in bad]
            if errors:
                yield start, errors[0]
                continue
        yield start, record


def record_error(
    line: int, record: UnicodeDecodeError | _LongLine | csv.Error, source: str | None
) -> RowError:
    """The error of a CSV record that could not be read: not UTF-8, too long, or malformed.

    Shared by antq's own CSV and the other dialects (:mod:`antq.io.dialect_csv`).
    """
    if isinstance(record, UnicodeDecodeError):
        value, message = _not_utf8(record)
        return RowError(line, "", value, message, source=source)
    if isinstance(record, _LongLine):
        return record.error(line, source)
    return RowError(
        line, "", None, Msg("malformed CSV: {error}"), params={"error": str(record)}, source=source
    )


def _peek_header(
    lines: Iterator[bytes | _LongLine],
) -> tuple[bytes | None, Iterator[bytes | _LongLine]]:
    """The first line that is not blank (None if there is none), and all the lines again."""
    seen: list[bytes | _LongLine] = []
    header: bytes | None = None
    for raw in lines:
        seen.append(raw)
        if not isinstance(raw, bytes):
            break
        if raw.strip():
            header = raw
            break
    return header, itertools.chain(seen, lines)


def _antq_header(raw: bytes | None, book: RuleBook) -> bool:
    """Whether a header line is antq's own: ``,`` between input names and unit keys only."""
    if raw is None:
        return True
    text = _decode(raw)
    if isinstance(text, UnicodeDecodeError) or ";" in text:
        return not isinstance(text, str)
    try:
        cells = next(csv.reader([text]), [])
    except csv.Error:
        return True  # malformed: antq's own reader reports it
    known = book.inputs()
    for cell in cells:
        name = unicodedata.normalize("NFC", cell.strip())
        if name and name not in CSV_UNIT_COLUMNS and name.partition(".")[0] not in known:
            return False
    return True


#: Rows of antq's own CSV read at a time, column by column (:mod:`antq.io._csv_columns`);
#: 0 reads every row with the per-row reader alone (the tests compare the two).
CHUNK_ROWS = 128

_Record = tuple[int, list[str] | UnicodeDecodeError | _LongLine | csv.Error]


def _chunk(records: Iterator[_Record], size: int) -> tuple[list[_Record], Exception | None]:
    """Up to ``size`` records, and the error that stopped the file while they were read.

    The records read before such an error are still the reader's to give, before the error.
    """
    chunk: list[_Record] = []
    try:
        for record in records:
            chunk.append(record)
            if len(chunk) >= size:
                break
    except Exception as error:  # raised again once the chunk is given
        return chunk, error
    return chunk, None


def read_csv(
    source: Source,
    book: RuleBook | None = None,
    *,
    dialect: Dialect | None = None,
    **options: Unpack[ReadOptions],
) -> Iterator[Item]:
    """Units from CSV, one row per unit (see the module docstring for the columns).

    Problems with the header (an unknown or repeated column) are reported
    once, as ``line 1``; a header without ``id``, ``kind`` and ``year`` stops
    the file. Rows whose cells are all empty are skipped.

    ``dialect`` (:mod:`antq.io.dialect`) says how the cells are written; by
    default the header decides: one separated by ``;``, or naming a column by
    its label rather than its input name, is read in the Vietnamese dialect. ``options``
    are those of every reader (:class:`ReadOptions`).
    """
    return _read_csv(source, dialect, _Reading.of("read_csv", book, options))


def _read_csv(source: Source, dialect: Dialect | None, reading: _Reading) -> Iterator[Item]:
    units, name, progress = reading.units, reading.name, reading.progress
    rule_book = units.book

    def read(stream: IO[bytes], label: str) -> Iterator[Item]:
        lines = _lines(stream, progress)
        if dialect is None or dialect.name != "antq":
            header, lines = _peek_header(lines)
            if dialect is not None or not _antq_header(header, rule_book):
                # Not antq's own header: the dialect module decides (imported only then).
                from antq.io.dialect_csv import choose_dialect, read_dialect_rows

                lines, chosen = choose_dialect(lines, dialect, rule_book)
                if chosen.name != "antq":
                    yield from read_dialect_rows(lines, chosen, rule_book, units, source, name)
                    return
        records = _csv_records(lines)
        layout: _CsvLayout | None = None
        columns: ColumnReader | None = None
        for line, record in records:
            if not isinstance(record, list):
                yield record_error(line, record, name)
                continue
            if not any(cell.strip() for cell in record):
                continue
            layout = _CsvLayout(record, rule_book)
            for column, shown, problem in layout.problems:
                yield RowError(line, column, shown, problem, source=name)
            if layout.fatal is not None:
                # The whole file is lost: no row of it can be read.
                yield SourceReadError(line_location(name, line), record, layout.fatal)
                return
            if CHUNK_ROWS > 0:
                columns = ColumnReader.of(layout, record, units.inputs)
            break
        if layout is None:
            yield InputError(label, "", Msg("no header row: the file is empty"))
            return
        size = CHUNK_ROWS if columns is not None else 1
        while True:
            chunk, failure = _chunk(records, size)
            if not chunk and failure is None:
                return
            fast = columns.read([record for _, record in chunk]) if columns else [None] * len(chunk)
            for (line, record), unit in zip(chunk, fast, strict=True):
                if unit is None:
                    if not isinstance(record, list):
                        yield record_error(line, record, name)
                        continue
                    if not "".join(record).strip():
                        continue
                    try:
                        unit = layout.read_unit(record, units)
                    except InputError as error:
                        ref = UnitRef.of(layout.identification(record))
                        yield RowError(
                            line, error.path, error.value, error.message, source=name, unit=ref
                        )
                        continue
                yield units.admit(unit, f"line {line}", line)
            if failure is not None:
                raise failure

    yield from read_source(source, name, read)
