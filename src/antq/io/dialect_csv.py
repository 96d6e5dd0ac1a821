"""CSV in a dialect other than antq's own (see :mod:`antq.io.dialect`), for :func:`antq.io.batch.read_csv`.

Kept apart from :mod:`antq.io.batch` so that antq's own CSV, read on the hot
path of a national round, does not pay for it: the header is looked at once,
and only a file in another dialect comes here.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from antq.core.ruleset import RuleBook
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.io._csv_units import _csv_records, record_error
from antq.io._lines import _label
from antq.io._units import RowError, UnitRef
from antq.io.columns import HeaderIndex
from antq.io.dialect import ANTQ, VIETNAMESE, Dialect, separator_of
from antq.io.tabular import Table, all_columns, is_blank

if TYPE_CHECKING:
    from antq.io._lines import _LongLine
    from antq.io._units import Item, Source, _Units

__all__ = ["choose_dialect", "read_dialect_rows"]


def _header_text(raw: bytes | _LongLine) -> str | None:
    if not isinstance(raw, bytes):
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def choose_dialect(
    lines: Iterator[bytes | _LongLine], dialect: Dialect | None, book: RuleBook
) -> tuple[Iterator[bytes | _LongLine], Dialect]:
    """The lines (unchanged) and the dialect to read them in: ``dialect``, or the header's.

    With no ``dialect``, the Vietnamese one when the header is separated by ``;``
    or names a column by its label; antq's own otherwise.
    """
    seen: list[bytes | _LongLine] = []
    header: str | None = None
    for raw in lines:
        seen.append(raw)
        header = _header_text(raw)
        if header is None or header.strip():
            break
    rest = itertools.chain(seen, lines)
    if dialect is not None:
        if dialect.separator is None:
            found = separator_of(header) if header is not None else None
            dialect = _with_separator(dialect, found or ",")
        return rest, dialect
    if header is None or not header.strip():
        return rest, ANTQ
    separator = separator_of(header)
    if separator == ";":
        return rest, _with_separator(VIETNAMESE, ";")
    try:
        names = next(csv.reader([header]), [])
    except csv.Error:
        return rest, ANTQ  # malformed: antq's own reader reports it
    if HeaderIndex(all_columns(book)).names_a_label(names):
        return rest, _with_separator(VIETNAMESE, ",")
    return rest, ANTQ


def _with_separator(dialect: Dialect, separator: str) -> Dialect:
    return attrs.evolve(dialect, separator=separator)


def read_dialect_rows(
    lines: Iterator[bytes | _LongLine],
    dialect: Dialect,
    book: RuleBook,
    units: _Units,
    source: Source,
    name: str | None,
) -> Iterator[Item]:
    """The units of CSV lines in ``dialect``; errors as :func:`~antq.io.batch.read_csv` gives them."""

    records = _csv_records(lines, dialect.separator or ",")
    table: Table | None = None
    for line, record in records:
        if not isinstance(record, list):
            yield record_error(line, record, name)
            continue
        if all(is_blank(cell) for cell in record):
            continue
        if dialect.notes and record[0].lstrip().startswith("#"):
            continue
        if table is None:
            table = Table(record, book, dialect)
            for problem in table.problems:
                yield RowError(line, problem.field, problem.value, problem.message, source=name)
            if table.fatal is not None:
                yield RowError(line, "", record, table.fatal, source=name)
                return
            continue
        unit, errors = table.read(record)
        if unit is not None:
            yield units.admit(unit, f"line {line}", line)
            continue
        ref = UnitRef.of(table.identification(record))
        for number, error in enumerate(errors):
            yield RowError(
                line,
                error.field,
                error.value,
                error.message,
                source=name,
                unit=ref if number == 0 else None,
            )
    if table is None:
        yield InputError(_label(source, name), "", Msg("no header row: the file is empty"))
