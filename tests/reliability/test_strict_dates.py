"""Dates in facts files are calendar dates written YYYY-MM-DD, read by one strict reader.

Python 3.11's ``date.fromisoformat`` also reads ISO week dates ("2025-W11-5") and
compact forms ("20250314"); every reader of input documents refuses them, naming
the field's path (issue 12, item 8).
"""

from __future__ import annotations

import copy
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.core.periods import parse_iso_date
from antq.core.reasons import Reason
from antq.emulation.awards.eligibility import read_date
from antq.errors import InputError
from antq.io.batch import read_csv, read_jsonl
from antq.io.facts import read_facts
from antq.report.indicators import targets_from_data

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "commune-2025.json"
LOOSE = ["20250314", "2025-W11-5", "2025W115", "2025-073", "2025-3-14", " 2025-03-14", "14/03/2025"]


def _compact(d: date) -> str:
    return d.strftime("%Y%m%d").rjust(8, "0")


def _week(d: date) -> str:
    year, week, day = d.isocalendar()
    return f"{year:04d}-W{week:02d}-{day}"


@given(st.dates())
def test_calendar_dates_read_back_and_other_iso_forms_are_refused(d: date) -> None:
    assert parse_iso_date(d.isoformat(), "x.date") == d
    assert parse_iso_date(d, "x.date") == d
    for text in (_compact(d), _week(d)):
        with pytest.raises(InputError) as info:
            parse_iso_date(text, "x.date")
        assert info.value.path == "x.date" and info.value.value == text


@pytest.mark.parametrize("text", LOOSE)
def test_loose_forms_are_refused_with_the_path(text: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD") as info:
        parse_iso_date(text, "units[0].facts.incidents[0].date")
    assert info.value.path == "units[0].facts.incidents[0].date"
    with pytest.raises(InputError, match="time of day"):
        parse_iso_date(datetime(2025, 3, 14, 8, 0), "p")
    with pytest.raises(InputError, match="not a valid date"):
        parse_iso_date("2025-02-29", "p")


def _document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return document


def _incident_unit(document: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    for index, unit in enumerate(document["units"]):
        if unit["facts"].get("incidents"):
            return index, unit
    raise AssertionError("the example has no incident")


@pytest.mark.parametrize("text", ["20250314", "2025-W11-5"])
def test_a_facts_document_refuses_them(text: str) -> None:
    document = _document()
    index, unit = _incident_unit(document)
    unit["facts"]["incidents"][0]["date"] = text
    read = read_facts(document)
    (error,) = read.errors
    assert error.path == f"units[{index}].facts.incidents[0].date"
    assert error.value == text
    assert len(read.units) == len(document["units"]) - 1


@pytest.mark.parametrize("text", ["20250314", "2025-W11-5"])
def test_a_jsonl_file_refuses_them(text: str) -> None:
    document = _document()
    _, unit = _incident_unit(document)
    unit = copy.deepcopy(unit)
    unit["facts"]["incidents"][0]["date"] = text
    line = json.dumps(unit, ensure_ascii=False).encode("utf-8")
    (item,) = list(read_jsonl(io.BytesIO(line + b"\n")))
    assert isinstance(item, InputError)
    assert item.path.endswith("facts.incidents[0].date") and text in str(item)


def test_a_csv_file_refuses_them() -> None:
    incidents = json.dumps([{"date": "2025-W11-5", "category": "crime", "gravity": "nghiem_trong"}])
    quoted = '"' + incidents.replace('"', '""') + '"'
    data = f"id,kind,year,incidents\nKDC-1,residential_area,2025,{quoted}\n"
    (item,) = list(read_csv(io.BytesIO(data.encode("utf-8"))))
    assert isinstance(item, InputError)
    assert "incidents[0].date" in item.path and "2025-W11-5" in str(item)


def test_award_and_target_files_and_stored_reasons_refuse_them() -> None:
    with pytest.raises(InputError) as info:
        read_date("20250428", "knc[0].proposed_on")
    assert info.value.path == "knc[0].proposed_on"
    with pytest.raises(InputError) as info:
        targets_from_data(
            [{"indicator": "crime_clearance", "percent": 75, "valid_from": "2024-W01-1"}]
        )
    assert info.value.path == "targets[0].valid_from"
    with pytest.raises(InputError) as info:
        Reason.from_json({"template": {"msgid": "{d}"}, "params": {"d": {"date": "20240101"}}})
    assert info.value.path == "reason.params.d.date"
