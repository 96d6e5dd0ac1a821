"""Rows of a spreadsheet into units: the reading shared by workbooks and dialect CSV.

A :class:`Table` is made from a header row and reads each following row into a
:class:`~antq.core.facts.UnitFacts`, checking every cell on its own so that
every bad cell of a row is reported (:class:`CellError`, with the column), not
only the first. Cells may be text (CSV, or text typed in a workbook) or the
values a workbook stores (numbers, dates, booleans); text is read by a
:class:`~antq.io.dialect.Dialect`.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import attrs

from antq.core.facts import UnitFacts, check_text
from antq.core.inputs import Input, parse_count
from antq.core.periods import Period
from antq.core.ruleset import RuleBook
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError, Message
from antq.i18n.catalog import Msg
from antq.io._json_values import malformed_reason
from antq.io.columns import (
    INCIDENTS,
    UNIT_COLUMNS,
    Column,
    ColumnKind,
    HeaderIndex,
    incident_columns,
    unit_columns,
)
from antq.io.dialect import Dialect
from antq.vocabulary import CodedEnum

__all__ = ["CellError", "IncidentRow", "Table", "all_columns", "is_blank", "read_incident_row"]

_REQUIRED = ("id", "kind", "year")


@attrs.frozen
class CellError:
    """A bad cell: its column (None for the row as a whole), field path, value and message.

    ``at`` places an error found on another row (an incident's), as its reader gave it.
    """

    column: int | None
    field: str
    value: object
    message: str
    at: object = None


@attrs.frozen
class IncidentRow:
    """An incident read from its own row: the raw incident and where each field came from."""

    raw: Mapping[str, object]
    at: object
    #: The column of each field, to place a problem the incident has.
    columns: Mapping[str, int]


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def all_columns(book: RuleBook) -> list[Column]:
    """Every column a sheet of any kind may have, each key once."""
    found: dict[str, Column] = {}
    for kind in UnitKind:
        for column in unit_columns(kind, book):
            found.setdefault(column.key, column)
    return list(found.values())


def _member(column: Column, value: object, path: str) -> CodedEnum:
    if isinstance(value, str):
        folded = " ".join(unicodedata.normalize("NFC", value).casefold().split())
        for member in column.vocabulary:
            if folded in (member.code, member.label_vi.casefold(), member.label_en.casefold()):
                return member
    allowed = ", ".join(f"{m.code} ({m.label_vi})" for m in column.vocabulary)
    raise InputError(path, value, Msg("expected one of: {allowed}"), params={"allowed": allowed})


def _text(value: object, path: str) -> str:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value.strip())
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raise InputError(path, value, Msg("expected text"))


def _whole(value: object, dialect: Dialect, path: str) -> int:
    if isinstance(value, bool):
        raise InputError(path, value, Msg("expected a whole number >= 0"))
    if isinstance(value, int):
        return parse_count(value, path)
    if isinstance(value, float):
        if value.is_integer():
            return parse_count(int(value), path)
        raise InputError(path, value, Msg("expected a whole number, not a fraction"))
    if isinstance(value, str):
        return dialect.count(value, path)
    raise InputError(path, value, Msg("expected a whole number >= 0"))


def cell_value(column: Column, value: object, dialect: Dialect, path: str) -> object:
    """The JSON value a non-empty cell of ``column`` stands for (what a facts document holds)."""
    kind = column.kind
    if kind is ColumnKind.COUNT or kind is ColumnKind.YEAR:
        return _whole(value, dialect, path)
    if kind is ColumnKind.BOOLEAN:
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return dialect.boolean(value, path)
        raise InputError(path, value, Msg("expected yes or no"))
    if kind is ColumnKind.DATE:
        if isinstance(value, datetime):
            if value.time() != datetime.min.time():
                raise InputError(path, value, Msg("expected a date without a time of day"))
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, str):
            return dialect.date(value, path).isoformat()
        raise InputError(path, value, Msg("expected a date"))
    if kind is ColumnKind.CHOICE or kind is ColumnKind.KIND:
        return _member(column, _text(value, path), path).code
    if kind is ColumnKind.CHOICES:
        text = _text(value, path)
        if text.startswith("["):
            return _json(text, path)
        parts = [p.strip() for p in text.replace("\n", ";").split(";")]
        return [
            _member(column, part, f"{path}[{i}]").code
            for i, part in enumerate(p for p in parts if p)
        ]
    if kind is ColumnKind.INCIDENT_COUNT:
        if isinstance(value, str) and value.strip().startswith("["):
            return _json(value.strip(), path)
        return _whole(value, dialect, path)
    if kind is ColumnKind.JSON:
        return _json(_text(value, path), path)
    return _text(value, path)


def _json(text: str, path: str) -> object:
    try:
        return json.loads(text)
    except ValueError as error:  # JSONDecodeError, or an integer too long to convert
        raise InputError(
            path,
            text,
            Msg("malformed JSON in the cell: {reason}"),
            params={"reason": malformed_reason(error)},
        ) from None


def read_incident_row(
    header: Sequence[Column | None], cells: Sequence[object], dialect: Dialect, at: object
) -> tuple[tuple[str, str | None, int | None] | None, IncidentRow | None, list[CellError]]:
    """One row of the incidents sheet: (unit id, kind code, year) it belongs to, the incident, errors."""
    raw: dict[str, object] = {}
    # Every column of the sheet, so that a problem with an empty cell is placed too.
    where = {c.key: i for i, c in enumerate(header) if c is not None}
    errors: list[CellError] = []
    owner: str | None = None
    kind: str | None = None
    year: int | None = None
    for index, column in enumerate(header):
        if column is None or index >= len(cells) or is_blank(cells[index]):
            continue
        try:
            value = cell_value(column, cells[index], dialect, column.key)
        except InputError as error:
            errors.append(CellError(index, error.path, error.value, error.message, at))
            continue
        if column.key == "unit":
            owner = str(value)
        elif column.key == "kind":
            kind = str(value)
        elif column.key == "year":
            year = value if isinstance(value, int) else None
        else:
            raw[column.key] = value
    if errors:
        return None, None, errors
    if not raw:
        return None, None, []
    if owner is None:
        message = Message(Msg("the incident names no reporting unit (column unit)"))
        return None, None, [CellError(where.get("unit"), "unit", None, message, at)]
    return (owner, kind, year), IncidentRow(raw=raw, at=at, columns=where), []


def incident_header(cells: Sequence[object]) -> tuple[list[Column | None], list[CellError]]:
    """The columns of an incidents sheet's header, and its problems."""
    index = HeaderIndex((*incident_columns(), UNIT_COLUMNS[2]))
    columns: list[Column | None] = []
    problems: list[CellError] = []
    for position, cell in enumerate(cells):
        if is_blank(cell):
            columns.append(None)
            continue
        column = index.find(str(cell))
        if column is None:
            problems.append(
                CellError(position, str(cell), cell, Message(Msg("unknown column of an incident")))
            )
        columns.append(column)
    if not any(c is not None and c.key == "unit" for c in columns):
        problems.append(
            CellError(None, "unit", None, Message(Msg("the sheet needs the column unit")))
        )
    return columns, problems


class Table:
    """The header of a sheet of units, reading its rows.

    ``kind``: the kind every row has (a sheet per kind), or None when a
    ``kind`` column says it (a CSV of every kind).
    """

    def __init__(
        self,
        header: Sequence[object],
        book: RuleBook,
        dialect: Dialect,
        *,
        kind: UnitKind | None = None,
        columns: Iterable[Column] | None = None,
    ) -> None:
        self.dialect = dialect
        self.kind = kind
        self.inputs = {k: book.inputs(k) for k in UnitKind}
        index = HeaderIndex(all_columns(book) if columns is None else columns)
        self.columns: list[Column | None] = []
        self.problems: list[CellError] = []
        seen: set[str] = set()
        for position, cell in enumerate(header):
            if is_blank(cell):
                self.columns.append(None)
                continue
            column = index.find(str(cell))
            if column is None:
                message = Message(Msg("unknown column: not a unit key, a fact or its label"))
                self.problems.append(CellError(position, str(cell), cell, message))
            elif column.key in seen:
                self.problems.append(
                    CellError(position, column.key, cell, Message(Msg("the column appears twice")))
                )
                column = None
            else:
                seen.add(column.key)
            self.columns.append(column)
        required = [k for k in _REQUIRED if not (k == "kind" and kind is not None)]
        missing = [k for k in required if k not in seen]
        self.fatal = (
            Message(
                Msg("the header must name the columns {columns}; missing: {missing}"),
                {"columns": ", ".join(required), "missing": ", ".join(missing)},
            )
            if missing
            else None
        )

    def identification(self, cells: Sequence[object]) -> dict[str, object]:
        """What can be read of the unit's own columns, for placing a bad row."""
        found: dict[str, object] = {"kind": self.kind.code} if self.kind is not None else {}
        for position, column in enumerate(self.columns):
            if column is None or column.key not in ("id", "kind", "year", "commune", "province"):
                continue
            if position < len(cells) and not is_blank(cells[position]):
                try:
                    found[column.key] = cell_value(
                        column, cells[position], self.dialect, column.key
                    )
                except InputError:
                    continue
        return found

    def read(
        self, cells: Sequence[object], incidents: Sequence[IncidentRow] | None = None
    ) -> tuple[UnitFacts | None, list[CellError]]:
        """The unit of a row, or every problem with its cells.

        ``incidents``: the rows of the incidents sheet for this unit (None when
        the input has no incidents sheet).
        """
        size = len(cells)
        errors: list[CellError] = []
        found: dict[str, Any] = {}
        facts: dict[str, tuple[int, object]] = {}
        parts: dict[str, dict[str, object]] = {}
        part_columns: dict[str, int] = {}
        where: dict[str, int] = {}
        for position, column in enumerate(self.columns):
            if column is None or position >= size or is_blank(cells[position]):
                continue
            path = f"facts.{column.key}" if column.key not in _UNIT_KEYS else column.key
            try:
                value = cell_value(column, cells[position], self.dialect, path)
            except InputError as error:
                errors.append(CellError(position, error.path, error.value, error.message))
                continue
            where[column.key] = position
            if column.key in _UNIT_KEYS:
                found[column.key] = value
            elif column.part is not None:
                parts.setdefault(column.fact, {})[column.part] = value
                part_columns.setdefault(column.fact, position)
            else:
                facts[column.key] = (position, value)
        for fact, keyed in parts.items():
            facts[fact] = (part_columns[fact], keyed)
        if len(cells) > len(self.columns) and any(
            not is_blank(c) for c in cells[len(self.columns) :]
        ):
            errors.append(
                CellError(None, "", size, Message(Msg("the row has more cells than the header")))
            )
        kind = self.kind
        given = found.get("kind")
        if kind is None:
            if given is None:
                errors.append(
                    CellError(None, "kind", None, Message(Msg("the unit's kind is missing")))
                )
            else:
                kind = UnitKind.from_code(given)
        elif given is not None and given != kind.code:
            message = Message(Msg("this sheet holds units of kind {kind}"), {"kind": kind.code})
            errors.append(CellError(where["kind"], "kind", given, message))
        if kind is None:
            return None, errors
        inputs = self.inputs[kind]
        values: dict[str, object] = {}
        for name, (position, raw) in facts.items():
            errors += self._fact(name, raw, position, inputs, kind, values, incidents)
        if INCIDENTS not in facts and incidents and INCIDENTS in inputs:
            errors += self._incidents(list(incidents), None, inputs[INCIDENTS], values)
        for key in ("id", "year"):
            if key not in found:
                missing_key = (
                    Message(Msg("the unit's id is missing"))
                    if key == "id"
                    else Message(Msg("the unit's year is missing"))
                )
                errors.append(CellError(None, key, None, missing_key))
        if errors:
            return None, errors
        try:
            check_text(found["id"], "id")
            period = Period.parse(found["period"]) if "period" in found else None
            unit = UnitFacts(
                unit_id=found["id"],
                kind=kind,
                year=found["year"],
                name=found.get("name"),
                commune=found.get("commune"),
                province=found.get("province"),
                period=period,
                values=values,
                checked=True,
            )
        except InputError as error:
            field = error.path.rsplit(".", 1)[-1]
            return None, [CellError(where.get(field), field, error.value, error.message)]
        return unit, []

    def _fact(
        self,
        name: str,
        raw: object,
        position: int,
        inputs: Mapping[str, Input[Any]],
        kind: UnitKind,
        values: dict[str, object],
        incidents: Sequence[IncidentRow] | None,
    ) -> list[CellError]:
        path = f"facts.{name}"
        inp = inputs.get(name)
        if inp is None:
            message = Message(
                Msg("unknown fact for a unit of kind {code}; see 'antq schema'"),
                {"code": kind.code},
            )
            return [CellError(position, path, raw, message)]
        if name == INCIDENTS and isinstance(raw, int):
            listed = list(incidents or ())
            if raw != len(listed):
                message = Message(
                    Msg("the incidents sheet lists {count} incident(s) for this unit"),
                    {"count": len(listed)},
                )
                return [CellError(position, path, raw, message)]
            return self._incidents(listed, position, inp, values)
        try:
            values[name] = inp.parse(raw, path)
        except InputError as error:
            return [CellError(position, error.path, error.value, error.message)]
        return []

    @staticmethod
    def _incidents(
        rows: list[IncidentRow], position: int | None, inp: Input[Any], values: dict[str, object]
    ) -> list[CellError]:
        errors = []
        for index, row in enumerate(rows):
            try:
                inp.parse([row.raw], "facts.incidents")
            except InputError as error:
                field = error.path.removeprefix("facts.incidents[0]").lstrip(".")
                column = row.columns.get(field)
                errors.append(
                    CellError(
                        column,
                        f"incidents[{index}].{field}".rstrip("."),
                        error.value,
                        error.message,
                        row.at,
                    )
                )
        if not errors:
            values[INCIDENTS] = inp.parse([dict(r.raw) for r in rows], "facts.incidents")
        return errors


_UNIT_KEYS = frozenset(c.key for c in UNIT_COLUMNS)
