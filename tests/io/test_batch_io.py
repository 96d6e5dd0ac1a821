"""Batch readers (CSV, JSON Lines, JSON, TOML, directories) and verdict writers."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import tracemalloc
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antq import evaluate
from antq.core.facts import UnitFacts
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import Verdict
from antq.errors import InputError
from antq.io import _json_stream
from antq.io.batch import (
    VERDICT_COLUMNS,
    BatchSummary,
    ReadProgress,
    RowError,
    UnitReadError,
    read_any,
    read_csv,
    read_json,
    read_jsonl,
    read_toml,
    verdict_row,
    write_verdicts_csv,
    write_verdicts_jsonl,
)
from antq.io.dialect import ANTQ
from antq.io.facts import read_facts, read_facts_file
from antq.safety.inputs import InternalRulesTopic, OffenceCounts
from tests.report import EXAMPLE, area, example_units

Item = UnitFacts | InputError


def stream(text: str, *, bom: bool = False) -> io.BytesIO:
    data = text.encode("utf-8")
    return io.BytesIO(codecs.BOM_UTF8 + data if bom else data)


def split(items: Iterator[Item] | list[Item]) -> tuple[list[UnitFacts], list[InputError]]:
    units: list[UnitFacts] = []
    errors: list[InputError] = []
    for item in items:
        (errors if isinstance(item, InputError) else units).append(item)  # type: ignore[arg-type]
    return units, errors


HEADER = (
    "id,kind,year,name,commune,households_resident,households_registered,registered_q1,"
    "offences_current.crimes,offences_current.social_evils,offences_current.other_violations,"
    "offences_previous,incidents\n"
)


# --------------------------------------------------------------------------- CSV


def test_csv_reads_scalars_dotted_objects_and_json_cells() -> None:
    text = HEADER + (
        "KDC-1,residential_area,2025,Thôn Đông,X-1,214,213,TRUE,1,0,2,"
        '"{""crimes"": 2, ""social_evils"": 1, ""other_violations"": 2}",'
        '"[{""date"": ""2025-03-14"", ""category"": ""crime"", ""gravity"": ""nghiem_trong""}]"\n'
    )
    (unit,), errors = split(read_csv(stream(text)))
    assert errors == []
    assert (unit.unit_id, unit.kind, unit.year, unit.name, unit.commune) == (
        "KDC-1",
        UnitKind.RESIDENTIAL_AREA,
        2025,
        "Thôn Đông",
        "X-1",
    )
    values = unit.values
    assert values["households_resident"] == 214 and values["registered_q1"] is True
    assert values["offences_current"] == OffenceCounts(crimes=1, social_evils=0, other_violations=2)
    assert values["offences_previous"] == OffenceCounts(
        crimes=2, social_evils=1, other_violations=2
    )
    assert values["incidents"][0].date.isoformat() == "2025-03-14"  # type: ignore[index]


def test_csv_empty_cell_is_unknown_not_false_or_zero() -> None:
    text = HEADER + "KDC-1,residential_area,2025,,,214,,,,,,,\n"
    (unit,), _ = split(read_csv(stream(text)))
    assert dict(unit.values) == {"households_resident": 214}
    assert unit.name is None and unit.commune is None
    verdict = evaluate(unit)
    assert "households_registered" in verdict.missing_inputs
    assert "registered_q1" in verdict.missing_inputs


def test_csv_code_lists_by_semicolon_or_json() -> None:
    text = (
        "id,kind,year,internal_rules_topics\n"
        "CQ-1,agency,2025,unit_protection; state_secrets\n"
        'CQ-2,agency,2025,"[""unit_protection"", ""state_secrets""]"\n'
    )
    units, errors = split(read_csv(stream(text)))
    assert errors == []
    expected = frozenset({InternalRulesTopic.UNIT_PROTECTION, InternalRulesTopic.STATE_SECRETS})
    assert [u.values["internal_rules_topics"] for u in units] == [expected, expected]


def test_csv_with_bom_and_crlf_reads_the_first_column() -> None:
    text = "id,kind,year,households_resident\r\nKDC-1,residential_area,2025,12\r\n"
    (unit,), errors = split(read_csv(stream(text, bom=True)))
    assert errors == [] and unit.unit_id == "KDC-1" and unit.values["households_resident"] == 12


def test_csv_nfd_text_is_read_as_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Thôn Đông")
    text = f"id,kind,year,name,commune\nKDC-1,residential_area,2025,{nfd},{unicodedata.normalize('NFD', 'Xã Hòa')}\n"
    (unit,), _ = split(read_csv(stream(text)))
    assert unit.name == "Thôn Đông" and unicodedata.is_normalized("NFC", unit.name)
    assert unit.commune == "Xã Hòa"
    # The header may be decomposed too.
    header = unicodedata.normalize("NFD", "id,kind,year,name\n")
    (unit,), errors = split(read_csv(stream(header + "KDC-2,residential_area,2025,A\n")))
    assert errors == [] and unit.name == "A"


def _unit_file(fmt: str, unit: dict[str, Any]) -> str:
    if fmt == "csv":
        columns = ["id", "kind", "year", "name", "commune", "households_resident"]
        row = [str(unit[c]) if c in unit else str(unit["facts"][c]) for c in columns]
        return ",".join(columns) + "\r\n" + ",".join(row) + "\r\n"
    if fmt == "jsonl":
        return json.dumps(unit, ensure_ascii=False) + "\n"
    return json.dumps({"antq_facts": 1, "units": [unit]}, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("chunk", [1, 65536])
def test_every_format_reads_bom_and_nfd_text(
    monkeypatch: pytest.MonkeyPatch, fmt: str, bom: bool, chunk: int
) -> None:
    monkeypatch.setattr(_json_stream, "_CHUNK", chunk)  # the JSON reader's read size
    nfd = {k: unicodedata.normalize("NFD", v) for k, v in (("n", "Thôn Đông"), ("c", "Xã Hòa"))}
    unit = area("KDC-1", nfd["c"], name=nfd["n"])
    reader = {"csv": read_csv, "jsonl": read_jsonl, "json": read_json}[fmt]
    (found,), errors = split(reader(stream(_unit_file(fmt, unit), bom=bom)))
    assert errors == []
    assert found.unit_id == "KDC-1" and found.values["households_resident"] == 214
    assert (found.name, found.commune) == ("Thôn Đông", "Xã Hòa")
    assert unicodedata.is_normalized("NFC", found.name)


def test_csv_bad_rows_are_reported_with_line_field_and_value_and_the_rest_kept() -> None:
    text = HEADER + (
        "KDC-1,residential_area,2025,,,214,214,true,,,,,\n"
        "KDC-2,residential_area,2025,,,-3,,,,,,,\n"
        "KDC-3,residential_area,20x5,,,,,,,,,,\n"
        "\n"
        "KDC-4,residential_area,2025,,,,,yes,,,,,\n"
        "KDC-5,residential_area,2025,,,,,,1,x,,,\n"
        'KDC-6,residential_area,2025,,,,,,,,,"{""crimes"": 1",\n'
        "KDC-7,school,2025,,,,,,,,,,\n"
        "KDC-8,residential_area,2025,,,12,,,,,,,\n"
        "KDC-1,residential_area,2025,,,,,,,,,,\n"
    )
    units, errors = split(read_csv(stream(text)))
    assert [u.unit_id for u in units] == ["KDC-1", "KDC-8"]
    found = {(e.line, e.field, e.value) for e in errors if isinstance(e, RowError)}
    assert found == {
        (3, "facts.households_resident", -3),
        (4, "year", "20x5"),
        (6, "facts.registered_q1", "yes"),
        (7, "facts.offences_current.social_evils", "x"),
        (8, "facts.offences_previous", '{"crimes": 1'),
        (9, "kind", "school"),
        (11, "id", "KDC-1"),
    }
    assert str(errors[0]) == "line 3.facts.households_resident: must be >= 0 (got -3)"
    assert "duplicate unit" in str(errors[-1]) and "first at line 2" in str(errors[-1])


def test_csv_error_carries_what_identifies_the_unit() -> None:
    text = "id,kind,year,commune,households_resident\nKDC-9,residential_area,2025,X-1,-1\n"
    (error,) = list(read_csv(stream(text)))
    assert isinstance(error, UnitReadError) and error.unit is not None
    assert (error.unit.unit_id, error.unit.kind, error.unit.year, error.unit.commune) == (
        "KDC-9",
        UnitKind.RESIDENTIAL_AREA,
        2025,
        "X-1",
    )
    assert error.unit.complete


def test_csv_header_problems() -> None:
    text = "id,kind,year,househlds,households_resident,households_resident\nA,residential_area,2025,,1,\n"
    units, errors = split(read_csv(stream(text)))
    assert [u.unit_id for u in units] == ["A"]  # an empty misspelt column carries nothing
    messages = [(e.path, e.message) for e in errors]
    assert ("line 1.househlds", "unknown column: not a unit key or a fact") in messages
    assert ("line 1.households_resident", "the column appears twice") in messages
    # A value in the misspelt column is an error of that row, never dropped silently.
    text = "id,kind,year,househlds\nA,residential_area,2025,3\n"
    units, errors = split(read_csv(stream(text)))
    assert units == [] and errors[-1].path == "line 2.facts.househlds"


def test_csv_without_required_columns_stops_with_one_error() -> None:
    units, errors = split(read_csv(stream("id,name\nA,B\n")))
    assert units == [] and len(errors) == 1
    assert "missing: kind, year" in errors[0].message
    assert "separated" not in errors[0].message
    # A spreadsheet set to Vietnamese saves ';' between cells: read in its dialect...
    units, errors = split(read_csv(stream("id;kind;year\nA;residential_area;2025\n")))
    assert [u.unit_id for u in units] == ["A"] and errors == []
    # ... unless antq's own dialect is asked for: then the error says so.
    units, errors = split(read_csv(stream("id;kind;year\nA;residential_area;2025\n"), dialect=ANTQ))
    assert units == [] and errors[-1].path == "line 1"
    assert errors[-1].message.endswith("(the cells are separated by ';'; antq reads ',' only)")
    _, errors = split(read_csv(stream("")))
    assert errors[0].message == "no header row: the file is empty"


def test_csv_too_many_cells_and_bad_quoting_and_bad_utf8() -> None:
    data = (
        b"id,kind,year,name\n"
        b"A,residential_area,2025,x,extra\n"
        b'B,residential_area,2025,"a"b\n'
        b"C,residential_area,2025,Th\xf4n\n"
        b"D,residential_area,2025,ok\n"
    )
    units, errors = split(read_csv(io.BytesIO(data)))
    assert [u.unit_id for u in units] == ["D"]
    assert [e.line for e in errors if isinstance(e, RowError)] == [2, 3, 4]
    assert "more cells than the header" in errors[0].message
    assert "malformed CSV" in errors[1].message
    assert errors[2].value == b"\xf4" and "not UTF-8" in errors[2].message


def test_csv_multiline_cell_reports_the_first_line_of_the_row() -> None:
    text = 'id,kind,year,name\nA,residential_area,2025,"two\nlines"\nB,residential_area,20x,\n'
    units, errors = split(read_csv(stream(text)))
    assert units[0].name == "two\nlines"
    assert isinstance(errors[0], RowError) and errors[0].line == 4


class Endless(io.RawIOBase):
    """A file that never ends: a header, then rows made on demand; counts the bytes read."""

    def __init__(self, head: bytes, row: Any) -> None:
        self.pending = head
        self.row = row
        self.index = 0
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while len(self.pending) < len(buffer):
            self.index += 1
            self.pending += self.row(self.index)
        size = len(buffer)
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        self.bytes_read += size
        return size


def _csv_row(i: int) -> bytes:
    return f"KDC-{i},residential_area,2025,{i % 500}\n".encode()


def test_readers_are_lazy_on_an_endless_file() -> None:
    # Reading an endless file terminates only if the reader yields as it goes.
    source = Endless(b"id,kind,year,households_resident\n", _csv_row)
    first = list(itertools.islice(read_csv(io.BufferedReader(source)), 3))
    assert [u.unit_id for u in first] == ["KDC-1", "KDC-2", "KDC-3"]  # type: ignore[union-attr]
    assert source.bytes_read < 64 * 1024

    lines = Endless(b"", lambda i: json.dumps(area(f"A{i}", "X")).encode() + b"\n")
    assert len(list(itertools.islice(read_jsonl(io.BufferedReader(lines)), 5))) == 5

    def element(i: int) -> bytes:
        return json.dumps(area(f"A{i}", "X")).encode() + b",\n"

    document = Endless(b'{"antq_facts": 1, "units": [\n', element)
    units = list(itertools.islice(read_json(io.BufferedReader(document)), 5))
    assert [u.unit_id for u in units] == [f"A{i}" for i in range(1, 6)]  # type: ignore[union-attr]


def _jsonl_row(i: int) -> bytes:
    return json.dumps(area(f"A{i}", "X")).encode() + b"\n"


def _json_element(i: int) -> bytes:
    return json.dumps(area(f"A{i}", "X")).encode() + b",\n"


#: For each format: its reader and an endless file of it.
ENDLESS = {
    "csv": (read_csv, lambda: Endless(b"id,kind,year,households_resident\n", _csv_row)),
    "jsonl": (read_jsonl, lambda: Endless(b"", _jsonl_row)),
    "json": (read_json, lambda: Endless(b'{"antq_facts": 1, "units": [\n', _json_element)),
}


def _peak(fmt: str, count: int) -> int:
    reader, endless = ENDLESS[fmt]
    source = io.BufferedReader(endless())
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        for _ in itertools.islice(reader(source, check_duplicates=False), count):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", sorted(ENDLESS))
def test_memory_does_not_grow_with_the_number_of_units(fmt: str) -> None:
    _peak(fmt, 50)  # caches (the rule book's inputs) are filled once
    small, large = _peak(fmt, 300), _peak(fmt, 3000)
    # Ten times the units in well under twice the memory; holding 3,000 units takes ~2 MB.
    # (Measured peaks: ~42 kB for CSV, ~110 kB for JSON Lines, ~410 kB for JSON, which
    # buffers 64 kB reads.)
    assert large < 2 * small, (small, large)
    assert large < 1_000_000, large


# --------------------------------------------------------------------------- JSON Lines


def test_jsonl_reads_units_skips_blank_lines_and_reports_bad_lines() -> None:
    units = example_units()
    units[2]["facts"]["households_resident"] = -1
    lines = [json.dumps(u, ensure_ascii=False) for u in units]
    lines.insert(3, "")
    lines.insert(5, '{"id": "broken"')
    data = "\n".join(lines) + "\n"
    found, errors = split(read_jsonl(stream(data, bom=True)))
    assert len(found) == len(units) - 1
    assert [(e.line, e.field) for e in errors if isinstance(e, RowError)] == [
        (3, "facts.households_resident"),
        (6, ""),
    ]
    assert "malformed JSON" in errors[1].message
    assert str(errors[0]) == "line 3.facts.households_resident: must be >= 0 (got -1)"


def test_jsonl_bad_utf8_line_is_reported_and_reading_goes_on() -> None:
    good = json.dumps(area("A", "X")).encode()
    data = good + b"\n" + b'{"id": "\xff"}\n' + json.dumps(area("B", "X")).encode() + b"\n"
    found, errors = split(read_jsonl(io.BytesIO(data)))
    assert [u.unit_id for u in found] == ["A", "B"]
    assert isinstance(errors[0], RowError) and errors[0].line == 2


# --------------------------------------------------------------------------- JSON, TOML


def test_a_key_given_twice_is_an_error_in_every_json_reader() -> None:
    unit = '{"id": "A", "kind": "residential_area", "year": 2025, "facts": {"households_resident": 5, "households_resident": 500}}'
    (error,) = list(read_jsonl(stream(unit + "\n")))
    assert error.path == "line 1.facts.households_resident"  # type: ignore[union-attr]
    (error,) = list(read_json(stream('{"units": [' + unit + "]}")))
    assert error.path == "units[0].facts.households_resident"  # type: ignore[union-attr]
    cell = (
        'id,kind,year,offences_current\nA,residential_area,2025,"{""crimes"": 1, ""crimes"": 2}"\n'
    )
    (error,) = list(read_csv(stream(cell)))
    assert error.path == "line 2.facts.offences_current.crimes"  # type: ignore[union-attr]
    # Keys equal once normalised to NFC are the same key.
    nfd = unicodedata.normalize("NFD", "ô")
    twice = json.dumps({"id": "A", "kind": "residential_area", "year": 2025, "name": "x"})
    twice = twice[:-1] + f', "{nfd}": 1, "ô": 2}}'
    (error,) = list(read_jsonl(stream(twice + "\n")))
    assert isinstance(error, InputError) and "more than once" in error.message


def _bad_document() -> dict[str, Any]:
    units = example_units()
    units[1]["facts"]["households_resident"] = -4
    units[2]["facts"]["housholds_resident"] = 3
    units[5]["kind"] = "school"
    units.append(dict(units[3]))  # a duplicate
    return {"antq_facts": 1, "units": units}


@pytest.mark.parametrize("chunk", [1, 7, 64, 65536])
def test_json_streaming_matches_read_facts(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(_json_stream, "_CHUNK", chunk)
    for document in (json.loads(EXAMPLE.read_text(encoding="utf-8")), _bad_document()):
        expected = read_facts(document)
        text = json.dumps(document, ensure_ascii=False, indent=1)
        units, errors = split(read_json(stream(text)))
        assert tuple(units) == expected.units
        assert [(e.path, e.message) for e in errors] == [
            (e.path, e.message) for e in expected.errors
        ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "expected a document object with 'units'"),
        ('{"antq_facts": 2, "units": []}', "unsupported facts format; expected 1"),
        (
            '{"units": [], "extra": 1}',
            "unknown top-level key; allowed: antq, units, scores, awards, teams",
        ),
        (
            '{"antq_facts": 1, "units": [], "scores": {}}',
            "unknown top-level key; allowed: antq_facts, units",
        ),
        ('{"antq": 3, "units": []}', "unsupported document format; expected 2"),
        (
            '{"antq": 2, "antq_facts": 1, "units": []}',
            "unknown top-level key; allowed: antq, units, scores, awards, teams",
        ),
        ('{"units": {}}', "expected a list of units"),
        ("{}", "the document has no 'units' section, which this command reads; it has: -"),
        (
            '{"antq_facts": 1}',
            "the document has no 'units' section, which this command reads; it has: -",
        ),
        (
            '{"antq": 2, "scores": {}}',
            "the document has no 'units' section, which this command reads; it has: scores",
        ),
        (
            '{"antq_scores": 1, "units": []}',
            "the document has no 'units' section, which this command reads; it has: scores",
        ),
        (
            '{"units": [], "antq_awards": 1}',
            "unknown top-level key; allowed: antq_awards, knc, ministry_bang_khen, excellent_collective, authority",
        ),
        ('{"units": []} []', "malformed JSON: extra data after the document"),
        ('{"units": [', "malformed JSON: unexpected end of the document"),
        ("", "malformed JSON: unexpected end of the document"),
        ('{"units": [] "x": 1}', "malformed JSON: expected ',' or '}'"),
    ],
)
def test_json_document_errors(text: str, message: str) -> None:
    units, errors = split(read_json(stream(text)))
    assert units == [] and [e.message for e in errors] == [message]


def test_json_malformed_midway_keeps_the_units_before_and_names_line_and_column() -> None:
    text = json.dumps(json.loads(EXAMPLE.read_text(encoding="utf-8")), ensure_ascii=False, indent=1)
    cut = text.index('"id": "TDP-3"')
    broken = text[:cut] + "@" + text[cut:]
    units, errors = split(read_json(stream(broken), name="x.json"))
    assert [u.unit_id for u in units] == ["XA-DH", "KDC-DONG", "KDC-TAY"]
    line = broken[:cut].count("\n") + 1
    assert errors[0].path == "x.json" and errors[0].value.startswith(f"line {line} column ")


def test_json_bad_utf8_keeps_the_units_before() -> None:
    data = EXAMPLE.read_bytes()
    cut = data.index(b'"id": "TDP-3"')
    units, errors = split(read_json(io.BytesIO(data[:cut] + b"\xff" + data[cut:])))
    assert [u.unit_id for u in units] == ["XA-DH", "KDC-DONG", "KDC-TAY"]
    assert len(errors) == 1 and errors[0].value == b"\xff" and "not UTF-8" in errors[0].message


def test_toml_document(tmp_path: Path) -> None:
    path = tmp_path / "units.toml"
    path.write_text(
        'antq_facts = 1\n[[units]]\nid = "A"\nkind = "residential_area"\nyear = 2025\n'
        "[units.facts]\nhouseholds_resident = 3\n"
        '[[units]]\nid = "B"\nkind = "residential_area"\nyear = 2025\n'
        "[units.facts]\nhouseholds_resident = -3\n",
        encoding="utf-8",
    )
    units, errors = split(read_toml(path))
    assert [u.unit_id for u in units] == ["A"]
    assert [str(e) for e in errors] == ["units[1].facts.households_resident: must be >= 0 (got -3)"]


# --------------------------------------------------------------------------- read_any


def test_read_any_single_files_match_the_document_reader(tmp_path: Path) -> None:
    assert tuple(read_any(EXAMPLE)) == read_facts_file(EXAMPLE).units
    jsonl = tmp_path / "u.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps(u, ensure_ascii=False) for u in example_units()), encoding="utf-8"
    )
    assert tuple(read_any(jsonl)) == read_facts_file(EXAMPLE).units


def test_read_any_directory_reads_each_format_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(
        "id,kind,year,households_resident\nA1,residential_area,2025,3\nA2,residential_area,2025,-1\n",
        encoding="utf-8-sig",
    )
    (tmp_path / "b.jsonl").write_text(json.dumps(area("B1", "X")) + "\n", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"units": [area("A1", "X")]}), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not read", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.csv").write_text("not read", encoding="utf-8")
    progress = ReadProgress()
    units, errors = split(read_any(tmp_path, progress=progress))
    assert [u.unit_id for u in units] == ["A1", "B1"]
    assert [str(e) for e in errors] == [
        "a.csv:line 3.facts.households_resident: must be >= 0 (got -1)",
        "c.json:units[0].id: duplicate unit for this kind and year (first at a.csv:line 2) (got 'A1')",
    ]
    assert progress.total == progress.done > 0


def test_read_any_file_level_errors(tmp_path: Path) -> None:
    (error,) = list(read_any(tmp_path / "missing.csv"))
    assert "no such file" in str(error)
    (tmp_path / "x.xls").write_text("", encoding="utf-8")
    (error,) = list(read_any(tmp_path / "x.xls"))
    assert error.path.endswith("x.xls") and ".csv" in error.message and ".xlsx" in error.message
    (tmp_path / "x.xlsx").write_text("", encoding="utf-8")
    (error,) = list(read_any(tmp_path / "x.xlsx"))
    assert str(error) == "x.xlsx: not a readable .xlsx workbook (BadZipFile) (got None)"
    empty = tmp_path / "empty"
    empty.mkdir()
    (error,) = list(read_any(empty))
    assert "no file" in error.message


def test_batch_summary_counts_units_and_errors() -> None:
    summary = BatchSummary()
    items = list(
        summary.track(
            read_csv(stream(HEADER + "A,residential_area,2025,,,,,,,,,,\nB,x,2025,,,,,,,,,,\n"))
        )
    )
    assert len(items) == 2 and (summary.units, summary.errors, summary.failed) == (1, 1, True)
    clean = BatchSummary()
    list(clean.track(read_csv(stream(HEADER))))
    assert not clean.failed


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="ABCĐđô -_0123456789", min_size=1, max_size=8).filter(str.strip),
            st.one_of(st.none(), st.integers(min_value=0, max_value=10_000)),
        ),
        max_size=8,
        unique_by=lambda t: t[0].strip(),
    )
)
def test_csv_round_trip_of_counts(rows: list[tuple[str, int | None]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "kind", "year", "households_resident"])
    for unit_id, value in rows:
        writer.writerow([unit_id, "residential_area", 2025, "" if value is None else value])
    units, errors = split(read_csv(stream(out.getvalue())))
    assert errors == []
    assert [(u.unit_id, u.values.get("households_resident")) for u in units] == [
        (unicodedata.normalize("NFC", i.strip()), v) for i, v in rows
    ]


# --------------------------------------------------------------------------- writers


def _verdicts() -> list[Verdict]:
    return [evaluate(u) for u in read_facts_file(EXAMPLE).units]


def test_verdict_row_lists_failed_unknown_and_missing() -> None:
    rows = {r["id"]: r for r in map(verdict_row, _verdicts())}
    assert rows["KDC-TAY"]["outcome"] == "not_met"
    assert rows["KDC-TAY"]["failed"] == [
        "tt124.residential-area.households-registered",
        "tt124.residential-area.offences-reduced",
    ]
    assert rows["TDP-3"]["unknown"] == ["tt124.residential-area.force-rating"]
    assert rows["TDP-3"]["missing"] == ["grassroots_force_grade"]
    assert rows["DN-TAPHOA"]["outcome"] == "not_applicable"


def test_jsonl_writer_rows_and_full_verdicts_round_trip() -> None:
    verdicts = _verdicts()
    out = io.StringIO()
    assert write_verdicts_jsonl(verdicts, out) == len(verdicts)
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [v.unit_id for v in verdicts]
    full = io.StringIO()
    write_verdicts_jsonl(verdicts, full, full=True)
    back = [Verdict.from_json(json.loads(line)) for line in full.getvalue().splitlines()]
    assert [v.outcome for v in back] == [v.outcome for v in verdicts]
    assert back[2].results == verdicts[2].results


def test_csv_writer_header_rows_and_formula_guard() -> None:
    verdicts = _verdicts()
    out = io.StringIO()
    assert write_verdicts_csv(verdicts, out) == len(verdicts)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == VERDICT_COLUMNS
    tay = next(r for r in rows if r["id"] == "KDC-TAY")
    assert tay["failed"] == (
        "tt124.residential-area.households-registered;tt124.residential-area.offences-reduced"
    )
    assert tay["name"] == "Thôn Tây" and tay["year"] == "2025"
    risky = evaluate(
        UnitFacts(unit_id="=HYPERLINK(1)", kind=UnitKind.RESIDENTIAL_AREA, year=2025, name="+1")
    )
    out = io.StringIO()
    write_verdicts_csv([risky], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["id"] == "'=HYPERLINK(1)" and row["name"] == "'+1"
