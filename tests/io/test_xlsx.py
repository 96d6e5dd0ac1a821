"""Workbooks in: the template filled with the bundled example evaluates as the JSON example does."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from antq import evaluate_round  # noqa: E402
from antq.errors import InputError  # noqa: E402
from antq.io.batch import UnitReadError, read_any  # noqa: E402
from antq.io.facts import read_facts_file  # noqa: E402
from antq.io.template import write_facts_xlsx  # noqa: E402
from antq.io.xlsx import MissingDependency, read_xlsx  # noqa: E402

from . import outcomes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "commune-2025.json"


@pytest.fixture
def example_workbook(tmp_path: Path) -> Path:
    """The template for round 2025, filled with the bundled example's facts."""
    path = tmp_path / "xa-dong-hoa.xlsx"
    write_facts_xlsx(path, read_facts_file(EXAMPLE).units, year=2025)
    return path


def test_filled_template_gives_the_verdicts_of_the_json_example(example_workbook: Path) -> None:
    from_json = evaluate_round(read_any(EXAMPLE))
    from_xlsx = evaluate_round(read_any(example_workbook))
    assert not from_json.errors and not from_xlsx.errors
    assert outcomes(from_xlsx) == outcomes(from_json)
    assert len(outcomes(from_xlsx)) == 10
    # The commune's roll-up too.
    assert [c.verdict.outcome for c in from_xlsx.communes if c.verdict] == [
        c.verdict.outcome for c in from_json.communes if c.verdict
    ]


def test_the_filled_workbook_holds_what_an_official_would_type(example_workbook: Path) -> None:
    book = openpyxl.load_workbook(example_workbook)
    assert book.sheetnames == [
        "Khu dân cư",
        "Xã, phường, thị trấn, đặc khu",
        "Cơ quan",
        "Doanh nghiệp",
        "Cơ sở giáo dục",
        "Vụ việc",
        "Danh mục",
    ]
    assert book["Danh mục"].sheet_state == "hidden"
    areas = book["Khu dân cư"]
    header = [c.value for c in areas[1]]
    row = {h: c.value for h, c in zip(header, areas[3], strict=True)}
    assert row["Mã đơn vị"] == "KDC-DONG"
    assert row["Hộ gia đình đang cư trú tại khu dân cư"] == 214
    assert row["Đơn vị đăng ký phấn đấu đạt tiêu chuẩn trong Quý I"] == "có"
    assert row["Số vụ việc"] == 1
    assert str(areas["A2"].value).startswith("# ")
    incidents = book["Vụ việc"]
    first = {c.value: v.value for c, v in zip(incidents[1], incidents[3], strict=True)}
    assert first["Mã đơn vị báo cáo"] == "XA-DH"
    assert first["Loại vụ việc"] == "tội phạm"
    assert first["Ngày xảy ra"].date() == date(2025, 3, 14)
    assert incidents.cell(3, 4).number_format == "dd/mm/yyyy"


def _set(path: Path, sheet: str, cell: str, value: object) -> None:
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book.save(path)


def _column(path: Path, sheet: str, header: str) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    for cell in next(book[sheet].iter_rows(max_row=1)):
        if cell.value == header:
            letter: str = cell.column_letter
            book.close()
            return letter
    raise AssertionError(header)


def test_bad_cells_are_named_by_sheet_cell_field_and_value(example_workbook: Path) -> None:
    resident = _column(example_workbook, "Khu dân cư", "Hộ gia đình đang cư trú tại khu dân cư")
    registered = _column(
        example_workbook, "Khu dân cư", "Đơn vị đăng ký phấn đấu đạt tiêu chuẩn trong Quý I"
    )
    _set(example_workbook, "Khu dân cư", f"{resident}4", -3)
    _set(example_workbook, "Khu dân cư", f"{registered}4", "có lẽ")
    _set(example_workbook, "Khu dân cư", f"{resident}5", "1.064")
    items = list(read_any(example_workbook))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [str(e) for e in errors] == [
        f"xa-dong-hoa.xlsx:Khu dân cư!{registered}4 (registered_q1): expected có/không"
        " (one of: có, x, đ, đúng, đạt, yes, true, không, k, sai, không đạt, no, false) (got 'có lẽ')",
        f"xa-dong-hoa.xlsx:Khu dân cư!{resident}4 (households_resident): must be >= 0 (got -3)",
    ]
    assert isinstance(errors[0], UnitReadError) and errors[0].unit is not None
    assert errors[0].unit.unit_id == "KDC-TAY"
    # The rest of the workbook is read; the text "1.064" is a thousand and sixty-four.
    units = {u.unit_id: u for u in items if not isinstance(u, InputError)}
    assert len(units) == 9
    assert units["TDP-3"].values["households_resident"] == 1064
    # The bad row counts as unknown in its commune.
    evaluation = evaluate_round(read_any(example_workbook))
    tay = [u for u in evaluation.units if u.verdict.unit_id == "KDC-TAY"]
    assert tay[0].unreadable and tay[0].verdict.outcome.code == "unknown"


def test_incident_rows_must_match_the_count_and_a_unit(example_workbook: Path) -> None:
    count = _column(example_workbook, "Khu dân cư", "Số vụ việc")
    _set(example_workbook, "Khu dân cư", f"{count}3", 2)
    book = openpyxl.load_workbook(example_workbook)
    last = book["Vụ việc"].max_row + 1
    for cell, value in (
        ("A", "KDC-NOWHERE"),
        ("D", date(2025, 2, 28)),
        ("E", "cháy, nổ nghiêm trọng"),
    ):
        book["Vụ việc"][f"{cell}{last}"] = value
    book.save(example_workbook)
    errors = [i for i in read_any(example_workbook) if isinstance(i, InputError)]
    messages = [str(e) for e in errors]
    assert messages[0].startswith(f"xa-dong-hoa.xlsx:Khu dân cư!{count}3 (incidents)")
    assert "lists 1 incident(s)" in messages[0]
    assert any(f"Vụ việc!{last}:{last} (unit)" in m and "KDC-NOWHERE" in m for m in messages)


def test_a_bad_incident_is_placed_on_its_own_sheet(example_workbook: Path) -> None:
    _set(example_workbook, "Vụ việc", "F3", None)  # the crime's gravity
    errors = [i for i in read_any(example_workbook) if isinstance(i, InputError)]
    assert len(errors) == 1
    assert str(errors[0]).startswith("xa-dong-hoa.xlsx:Vụ việc!F3 (incidents[0].gravity)")
    assert "a crime needs its gravity class" in str(errors[0])


def test_a_bad_incident_cell(example_workbook: Path) -> None:
    _set(example_workbook, "Vụ việc", "E3", "cháy lớn")
    errors = [str(i) for i in read_any(example_workbook) if isinstance(i, InputError)]
    assert errors[0].startswith("xa-dong-hoa.xlsx:Vụ việc!E3 (category): expected one of:")


def test_unknown_sheet_and_column(example_workbook: Path) -> None:
    book = openpyxl.load_workbook(example_workbook)
    book.create_sheet("Ghi chép")
    book["Cơ quan"]["ZZ1"] = "Cột lạ"
    book.save(example_workbook)
    errors = [str(i) for i in read_any(example_workbook) if isinstance(i, InputError)]
    assert any(e.startswith("xa-dong-hoa.xlsx:Ghi chép: unknown sheet") for e in errors)
    assert any(
        e.startswith("xa-dong-hoa.xlsx:Cơ quan!ZZ1 (Cột lạ): unknown column") for e in errors
    )


def test_a_sheet_without_the_id_column_stops_that_sheet_only(example_workbook: Path) -> None:
    _set(example_workbook, "Cơ quan", "A1", None)
    items = list(read_any(example_workbook))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert any("Cơ quan!1:1" in e and "missing: id" in e for e in errors)
    assert len([i for i in items if not isinstance(i, InputError)]) == 8


def test_english_headers_and_codes_read_too(tmp_path: Path) -> None:
    path = tmp_path / "en.xlsx"
    write_facts_xlsx(path, read_facts_file(EXAMPLE).units, year=2025, lang="en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Residential area"
    assert book["Residential area"]["A1"].value == "Unit id"
    items = list(read_any(path))
    assert not [i for i in items if isinstance(i, InputError)]
    assert outcomes(evaluate_round(items)) == outcomes(evaluate_round(read_any(EXAMPLE)))


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip file")
    (error,) = list(read_any(path))
    assert str(error).startswith("broken.xlsx: not a readable .xlsx workbook")


def test_a_workbook_with_no_unit_sheet(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Vụ việc"
    book.active["A1"] = "Ngày xảy ra"
    book.save(path)
    errors = [str(e) for e in read_xlsx(path)]
    assert any("no sheet of units" in e for e in errors)
    assert any("needs the column unit" in e for e in errors)


def test_missing_openpyxl_is_a_clear_error(
    example_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingDependency, match=r"pip install 'antq\[excel\]'"):
        list(read_any(example_workbook))


def test_a_directory_with_a_workbook_open_in_excel(example_workbook: Path) -> None:
    (example_workbook.parent / "~$xa-dong-hoa.xlsx").write_bytes(b"owner file")
    items = list(read_any(example_workbook.parent))
    assert len(items) == 10 and not [i for i in items if isinstance(i, InputError)]
