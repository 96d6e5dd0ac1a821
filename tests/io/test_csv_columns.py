"""antq's own CSV read column by column gives exactly what the per-row reader gives.

:mod:`antq.io._csv_columns` reads the plain rows of a chunk column by column and
leaves every other row to the per-row reader. Each test here reads the same
bytes both ways (``CHUNK_ROWS = 0`` is the per-row reader alone) and compares
every item: the units with their facts in order, and the errors with their
type, text in both languages, path, value, line and unit.
"""

from __future__ import annotations

import copy
import csv
import io
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.core.facts import UnitFacts
from antq.errors import InputError
from antq.io import _csv_columns, _csv_units
from antq.io.batch import CSV_UNIT_COLUMNS, RowError, read_csv
from tests.reliability.strategies import BOOK, bounded, csv_cell, documents

# -- reading both ways ----------------------------------------------------------------------


@contextmanager
def chunk_rows(size: int) -> Iterator[None]:
    """Read antq's own CSV ``size`` rows at a time (0: the per-row reader alone)."""
    saved = _csv_units.CHUNK_ROWS
    _csv_units.CHUNK_ROWS = size
    try:
        yield
    finally:
        _csv_units.CHUNK_ROWS = saved


def _shown(item: object) -> tuple[object, ...]:
    if isinstance(item, UnitFacts):
        # Facts compare as dicts; their order is compared too (it is the order they are written).
        return ("unit", item, tuple(item.values.items()), item.checked)
    assert isinstance(item, InputError), item
    return (
        type(item).__name__,
        str(item),
        item.render("vi"),
        item.path,
        repr(item.value),
        getattr(item, "line", None),
        getattr(item, "unit", None),
    )


def read(data: bytes, size: int, source: Callable[[bytes], Any] = io.BytesIO) -> list[object]:
    """What ``read_csv`` gives for ``data`` read ``size`` rows at a time, and what it raised."""
    shown: list[object] = []
    with chunk_rows(size):
        try:
            for item in read_csv(source(data), BOOK, name="units.csv"):
                shown.append(_shown(item))
        except Exception as error:  # a crash must be the same crash
            shown.append(("raised", type(error).__name__, str(error)))
    return shown


def columnar_rows(data: bytes, size: int) -> int:
    """How many rows of ``data`` the column reader read (the others went to the per-row reader)."""
    read_chunk = _csv_columns.ColumnReader.read
    counted = [0]

    def counting(self: _csv_columns.ColumnReader, rows: Any) -> list[UnitFacts | None]:
        out = read_chunk(self, rows)
        counted[0] += sum(unit is not None for unit in out)
        return out

    _csv_columns.ColumnReader.read = counting  # type: ignore[method-assign]
    try:
        read(data, size)
    finally:
        _csv_columns.ColumnReader.read = read_chunk  # type: ignore[method-assign]
    return counted[0]


# -- generated CSV files, good and bad ---------------------------------------------------------


def table(units: list[dict[str, Any]], keyed: str) -> tuple[list[str], list[list[str]]]:
    """The header and rows of ``units``; object facts as one JSON cell, by key columns or both.

    ``keyed`` is ``"json"``, ``"keys"`` or ``"both"`` (a column of each kind, each row
    filling one of them).
    """
    facts = sorted({name for u in units for name in u.get("facts", {})})
    objects = {
        name: sorted({k for u in units for k in u["facts"].get(name, {})})
        for name in facts
        if any(isinstance(u["facts"].get(name), dict) for u in units)
    }
    header = list(CSV_UNIT_COLUMNS)
    for name in facts:
        if name not in objects or keyed != "keys":
            header.append(name)
        if name in objects and keyed != "json":
            header += [f"{name}.{key}" for key in objects[name]]
    rows = []
    for number, unit in enumerate(units):
        row = [csv_cell(unit.get(key)) for key in CSV_UNIT_COLUMNS]
        for name in facts:
            value = unit.get("facts", {}).get(name)
            by_keys = name in objects and (keyed == "keys" or (keyed == "both" and number % 2))
            if name not in objects or keyed != "keys":
                row.append("" if by_keys else csv_cell(value))
            if name in objects and keyed != "json":
                row += [csv_cell((value or {}).get(k)) if by_keys else "" for k in objects[name]]
        rows.append(row)
    return header, rows


#: Cells that are not in the simple form, or not valid at all, in some column or other.
NASTY = (
    "",
    " ",
    " true ",
    "yes",
    "TRUE",
    "False",
    "1",
    "0",
    "-3",
    "+5",
    " 7 ",
    "007",
    "1e3",
    "1.5",
    "9" * 13,
    "9" * 4400,  # int() refuses it: the reader raises today, and must raise the same way
    "1999",
    "2101",
    "2025",
    "abc",
    "[",
    "[{",
    "{}",
    "[]",
    "null",
    '{"crimes": 1}',
    '{"crimes": 1, "social_evils": 0, "other_violations": 2, "crimes": 3}',
    '[{"date": "2025-03-01", "category": "other_violation", "date": "2025-03-02"}]',
    '[{"date": "2025-03-01", "category": "crime"}]',
    '[{"date": "2025-03-01", "category": "social_evil", "mitigated": true}]',
    "residential_area",
    "commune",
    "agency",
    "x\x07y",
    "\u202eA",
    "2025-02-30",
    "2024-01-01",
    "2024-01-01/2024-12-31",
    "2022-05-16/2023-05-15",
    unicodedata.normalize("NFD", "Thôn Đông"),
    "unit_protection;learners",
    "unit_protection;bogus",
    "hoan_thanh_tot",
    "medium",
    "tieu_hoc",
)

#: Cells of the unit columns (id, kind, year, name, commune, province, period, established).
NASTY_UNIT = (
    "",
    " ",
    " A ",
    "x\x07y",
    "\u202eA",
    "A\tB",
    "\x00",
    unicodedata.normalize("NFD", "Đông"),
    "1999",
    "02025",
    " 2025 ",
    "+2025",
    "residential_area",
    "commune",
    "2024-01-01/2024-12-31",
    "2024-11-15/2025-11-14",
    "2025-11-14/2024-11-15",
    "2025-02-30",
    "2025-01-01",
)


@st.composite
def csv_files(
    draw: st.DrawFn, *, damaged: bool = True, keyed: tuple[str, ...] = ("json", "keys", "both")
) -> bytes:
    """A CSV file of generated units; ``damaged``: with bad cells, rows and lines among them.

    ``keyed`` are the ways of writing object facts to choose from (see :func:`table`).
    """
    document = draw(documents(min_units=1, max_units=12))
    units = copy.deepcopy(document["units"])
    header, rows = table(units, draw(st.sampled_from(keyed)))
    width = len(header)
    if damaged:
        for _ in range(draw(st.integers(0, 8))):
            row = rows[draw(st.integers(0, len(rows) - 1))]
            change = draw(st.sampled_from(("cell", "cell", "unit", "more", "fewer", "again")))
            if change == "cell" and row:
                row[draw(st.integers(0, len(row) - 1))] = draw(st.sampled_from(NASTY))
            elif change == "unit" and len(row) >= len(CSV_UNIT_COLUMNS):
                at = draw(st.integers(0, len(CSV_UNIT_COLUMNS) - 1))
                row[at] = draw(st.sampled_from(NASTY_UNIT))
            elif change == "more":
                row.append(draw(st.sampled_from(("", " ", "x"))))
            elif change == "fewer" and row:
                del row[draw(st.integers(0, len(row) - 1)) :]
            elif change == "again":  # the same unit twice: a duplicate
                rows.insert(draw(st.integers(0, len(rows))), list(row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    lines = [out.getvalue()]
    for row in rows:
        out.seek(0)
        out.truncate()
        writer.writerow(row)
        lines.append(out.getvalue())
    encoded = [line.encode("utf-8") for line in lines]
    if damaged:
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(1, len(encoded)))
            change = draw(st.sampled_from(("blank", "commas", "utf8", "quote", "nfd")))
            if change == "blank":
                encoded.insert(at, b"\n")
            elif change == "commas":
                encoded.insert(at, b"," * (width - 1) + b"\n")
            elif change == "utf8" and at < len(encoded):
                encoded[at] = encoded[at].replace(b",", b",\xff", 1)
            elif change == "quote" and at < len(encoded):
                encoded[at] = b'"a"b,' + encoded[at]
            elif change == "nfd" and at < len(encoded):
                text = unicodedata.normalize("NFD", encoded[at].decode("utf-8", "replace"))
                encoded[at] = text.encode("utf-8")
    data = b"".join(encoded)
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.booleans()):
        data = data.replace(b"\n", b"\r\n")
    return data


# -- the tests ------------------------------------------------------------------------------------


@bounded(300)
@given(csv_files(), st.sampled_from((1, 2, 3, 5, 128)))
def test_columns_and_rows_read_the_same_units_and_errors(data: bytes, size: int) -> None:
    assert read(data, size) == read(data, 0)


@bounded(100)
@given(csv_files(damaged=False, keyed=("json", "keys")))
def test_every_plain_row_is_read_by_columns(data: bytes) -> None:
    # (A layout that may give a fact both as one cell and by keys is left to the per-row reader.)
    rows = sum(isinstance(item[0], str) and item[0] == "unit" for item in read(data, 0))  # type: ignore[index]
    assert columnar_rows(data, 3) == rows
    assert read(data, 3) == read(data, 0)


BAD_ROWS = (
    "id,kind,year,period,name,households_resident,registered_q1,"
    "offences_current.crimes,offences_current.social_evils,offences_current.other_violations,"
    "incidents,staff_total\n"
    "A1,residential_area,2025,,Thôn 1,12,true,0,1,0,[],\n"
    "A2,residential_area,2025,,Thôn 2,-3,true,0,1,0,[],\n"  # a negative count
    "A3,residential_area,2025,,Thôn 3,12,yes,0,1,0,[],\n"  # not a boolean
    "A4,residential_area,1999,,Thôn 4,12,true,0,1,0,[],\n"  # a year out of range
    "A5,residential_area,2025,2022-05-16/2023-05-15,Thôn 5,12,true,0,1,0,[],\n"  # another year
    "A6,residential_area,2025,,Thôn 6,12,true,0,1,0,[{,\n"  # broken JSON
    "A7,residential_area,2025,,Thôn 7,12,true,0,1,0,[],,extra\n"  # too many cells
    "\n"
    "A8,residential_area,2025,,Thôn 8,12,true,,1,0,[],\n"  # a key missing
    "A9,residential_area,2025,,Thôn 9,12,true,0,1,0,[],40\n"  # a fact of another kind
    "A1,residential_area,2025,,Thôn 1,12,true,0,1,0,[],\n"  # a duplicate
    "A10,agency,2025,,Cơ quan,,true,,,,[],40\n"  # another kind in the same chunk
    "A11,residental_area,2025,,Thôn 11,12,true,0,1,0,[],\n"  # an unknown kind
    "A12,residential_area,2025,,Thôn 12,12,true,0,1,0,[]\n"  # too few cells (a good row)
    "A13,residential_area,2025,,Thôn 13, 12 ,TRUE,0,1,0,[],\n"  # good, but not plain
    "A14,residential_area,2025,,Thôn 14,12,true,0,1,0,[],\n"
)


@pytest.mark.parametrize("size", range(1, 20))
def test_a_chunk_boundary_among_bad_rows_changes_nothing(size: int) -> None:
    data = BAD_ROWS.encode("utf-8")
    expected = read(data, 0)
    assert len(expected) == 15  # 5 units and 10 errors, in the order of the rows
    assert read(data, size) == expected


def test_bad_lines_between_chunks_keep_their_place() -> None:
    lines = BAD_ROWS.encode("utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(b"Th", b"\xffTh")  # not UTF-8
    lines[6] = b'"A6"x,residential_area,2025\n'  # malformed CSV
    data = b"".join(lines)
    for size in (1, 2, 3, 4, 7):
        assert read(data, size) == read(data, 0)


class _Failing(io.RawIOBase):
    """A stream that fails with an OSError after ``good`` bytes."""

    def __init__(self, data: bytes, good: int) -> None:
        self.data, self.good, self.at = data, good, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.at >= self.good:
            raise OSError(5, "Input/output error")
        chunk = self.data[self.at : min(self.good, self.at + len(buffer))]
        buffer[: len(chunk)] = chunk
        self.at += len(chunk)
        return len(chunk)


def test_an_error_while_reading_a_chunk_comes_after_the_rows_read_before_it() -> None:
    data = BAD_ROWS.encode("utf-8")
    for good in (len(data) // 3, len(data) // 2, len(data) - 5):

        def source(data: bytes, good: int = good) -> Any:
            return io.BufferedReader(_Failing(data, good), buffer_size=16)

        expected = read(data, 0, source)
        assert expected[-1][0] == "SourceReadError", expected[-1]  # type: ignore[index]
        assert any(item[0] == "unit" for item in expected)  # type: ignore[index]
        for size in (3, 128):
            assert read(data, size, source) == expected


def test_repeated_cells_share_only_values_that_cannot_change() -> None:
    from antq.core.periods import Period
    from antq.safety.inputs import OffenceCounts

    shareable = _csv_columns._shareable
    assert shareable(True) and shareable(12) and shareable("x") and shareable(frozenset({1}))
    assert shareable(OffenceCounts(crimes=1, social_evils=0, other_violations=2))
    assert shareable(Period.parse("2024-11-15/2025-11-14"))
    assert shareable((OffenceCounts(crimes=1, social_evils=0, other_violations=2),))
    assert not shareable([1]) and not shareable({"a": 1}) and not shareable(([],))
    assert not shareable(RowError(1, "", None, "x"))


PLAIN = (
    "id,kind,year,name,commune,province,period,established,households_resident,registered_q1,"
    "offences_current.crimes,offences_current.social_evils,offences_current.other_violations,"
    "offences_previous,incidents,internal_rules_topics,enterprise_size,staff_total\n"
    "A1,residential_area,2025,Thôn 1,X1,T1,,2001-01-01,12,true,0,1,0,"
    '"{""crimes"": 2, ""social_evils"": 1, ""other_violations"": 2}",[],,,\n'
    "A2,enterprise,2025,Công ty,X1,T1,,,,true,,,,,[],unit_protection;state_secrets,micro,40\n"
    "A3,residential_area,2025,Thôn 3,X1,T1,,,12,false,0,1,0,,"
    '"[{""date"": ""2025-03-01"", ""category"": ""other_violation""}]",,,\n'
)


@pytest.mark.parametrize("column", range(PLAIN.split("\n")[0].count(",") + 1))
def test_each_odd_cell_of_each_column_reads_the_same(column: int) -> None:
    header, *rows = list(csv.reader(io.StringIO(PLAIN)))
    assert columnar_rows(PLAIN.encode("utf-8"), 2) == 3  # the rows as written are plain
    for row in (0, 1):
        for value in (*NASTY_UNIT, *NASTY):
            changed = copy.deepcopy(rows)
            changed[row][column] = value
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows([header, *changed])
            data = out.getvalue().encode("utf-8")
            assert read(data, 2) == read(data, 0), (header[column], value)
