"""antq template, standard input and --output."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from antq.cli import main  # noqa: E402
from antq.core.unit_kinds import UnitKind  # noqa: E402
from antq.errors import InputError  # noqa: E402
from antq.io.batch import read_any  # noqa: E402
from antq.io.columns import unit_columns  # noqa: E402
from antq.safety import default_rulebook  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "commune-2025.json"


def _validations(sheet) -> dict[str, str]:  # type: ignore[no-untyped-def]
    found = {}
    for check in sheet.data_validations.dataValidation:
        for cells in check.sqref.ranges:
            found[cells.coord.split(":")[0].rstrip("0123456789")] = f"{check.type} {check.formula1}"
    return found


def test_template_workbook(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    assert main(["template", "--round", "2025", "--output", str(path)]) == 0
    book = openpyxl.load_workbook(path)
    areas = book["Khu dân cư"]
    header = [c.value for c in areas[1]]
    columns = [
        c
        for c in unit_columns(UnitKind.RESIDENTIAL_AREA, default_rulebook(), year=2025)
        if c.key != "kind"
    ]
    assert header == [c.label.vi for c in columns]
    assert "Hộ gia đình đang cư trú tại khu dân cư" in header
    notes = [c.value for c in areas[2]]
    assert notes[0].startswith("# ")
    resident = notes[header.index("Hộ gia đình đang cư trú tại khu dân cư")]
    assert "số lượng" in resident and "124/2021/TT-BCA" in resident
    assert areas.max_row == 2  # blank, ready to fill
    assert areas.freeze_panes == "B3"
    checks = _validations(areas)
    letter = {h: areas.cell(1, i + 1).column_letter for i, h in enumerate(header)}
    registered = checks[letter["Đơn vị đăng ký phấn đấu đạt tiêu chuẩn trong Quý I"]]
    assert registered.startswith("list 'Danh mục'!$")
    assert checks[letter["Hộ gia đình đang cư trú tại khu dân cư"]] == "whole 0"
    assert checks[letter["Năm xét"]] == "whole 2025"
    lists = book["Danh mục"]
    assert lists.sheet_state == "hidden"
    cells = registered.split("!")[1].replace("$", "").split(":")
    assert [c.value for row in lists[cells[0] : cells[1]] for c in row] == ["có", "không"]
    incidents = book["Vụ việc"]
    checks = _validations(incidents)
    category = checks["E"]
    cells = category.split("!")[1].replace("$", "").split(":")
    assert [c.value for row in lists[cells[0] : cells[1]] for c in row][7] == "tội phạm"
    assert checks["D"].startswith("date")
    # A blank template reads as no units and no errors but the missing rows.
    assert list(read_any(path)) == []


def test_template_in_english_for_one_kind(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    code = main(
        [
            "template",
            "--lang",
            "en",
            "--kind",
            "enterprise",
            "--round",
            "2025",
            "--output",
            str(path),
        ]
    )
    assert code == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Enterprise", "Incidents", "Danh mục"]
    assert book["Enterprise"]["A1"].value == "Unit id"
    sizes = book["Danh mục"]
    assert "medium" in [c.value for row in sizes.iter_rows() for c in row]


def test_template_workbook_needs_a_file() -> None:
    err = io.StringIO()
    assert main(["template"], err=err) == 3
    assert "--output" in err.getvalue()
    assert main(["template", "--kind", "village", "--output", "x.xlsx"], err=err) == 3
    assert "UnitKind" in err.getvalue()


def test_template_csv(tmp_path: Path) -> None:
    out = io.StringIO()
    assert (
        main(
            ["template", "--format", "csv", "--kind", "residential_area", "--round", "2025"],
            out=out,
        )
        == 0
    )
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Mã đơn vị;Loại đơn vị;Năm xét;")
    assert lines[1].startswith("# ")
    assert len(lines) == 2
    path = tmp_path / "mau.csv"
    assert main(["template", "--format", "csv", "--output", str(path)]) == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(read_any(path)) == []


def test_fill_the_csv_template_and_evaluate(tmp_path: Path) -> None:
    out = io.StringIO()
    main(["template", "--format", "csv", "--kind", "residential_area", "--round", "2025"], out=out)
    header = out.getvalue().splitlines()[0].split(";")
    row = dict.fromkeys(header, "")
    row.update(
        {
            "Mã đơn vị": "KDC-1",
            "Loại đơn vị": "khu dân cư",
            "Năm xét": "2025",
            "Đơn vị đăng ký phấn đấu đạt tiêu chuẩn trong Quý I": "không",
        }
    )
    path = tmp_path / "kdc.csv"
    path.write_text(out.getvalue() + ";".join(row[h] for h in header) + "\n", encoding="utf-8")
    result = io.StringIO()
    assert main(["evaluate", str(path), "--format", "csv"], out=result) == 0
    assert "KDC-1,residential_area,2025,,,tt124.residential-area,not_met" in result.getvalue()


def test_standard_input_in_every_format(tmp_path: Path) -> None:
    workbook = tmp_path / "x.xlsx"
    main(["template", "--output", str(workbook)])
    from antq.io.facts import read_facts_file
    from antq.io.template import write_facts_csv, write_facts_xlsx

    units = read_facts_file(EXAMPLE).units
    write_facts_xlsx(workbook, units)
    text = io.StringIO()
    write_facts_csv(text, units)
    inputs = {
        "json": EXAMPLE.read_bytes(),
        "xlsx": workbook.read_bytes(),
        "csv-vi": text.getvalue().encode(),
        "csv": text.getvalue().encode(),
    }
    expected = None
    for fmt, data in inputs.items():
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "antq.cli",
                "evaluate",
                "-",
                "--input-format",
                fmt,
                "--format",
                "csv",
            ],
            input=data,
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        rows = sorted(done.stdout.decode().splitlines())
        expected = expected or rows
        assert rows == expected
    assert len(expected or ()) == 11


def test_standard_input_needs_its_format() -> None:
    (error,) = list(read_any("-"))
    assert isinstance(error, InputError) and "--input-format" in str(error)
    (error,) = list(read_any(EXAMPLE, input_format="xls"))
    assert "expected one of" in str(error)


def test_toml_from_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    toml = b'[[units]]\nid = "K"\nkind = "residential_area"\nyear = 2025\n[units.facts]\nregistered_q1 = false\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(toml)))
    (unit,) = list(read_any("-", input_format="toml"))
    assert not isinstance(unit, InputError) and unit.values["registered_q1"] is False
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"[[units]\n")))
    (error,) = list(read_any("-", input_format="toml"))
    assert "malformed TOML" in str(error)


def test_every_command_that_writes_has_output(tmp_path: Path) -> None:
    schema = tmp_path / "schema.json"
    assert main(["schema", "--output", str(schema)]) == 0
    assert '"antq_facts"' in schema.read_text(encoding="utf-8")
    awards = tmp_path / "awards.txt"
    assert (
        main(["awards", str(ROOT / "examples" / "awards-2025.json"), "--output", str(awards)]) == 0
    )
    assert awards.read_text(encoding="utf-8")
    out = io.StringIO()
    assert main(["schema", "--output", "-"], out=out) == 0 and out.getvalue()


def test_standard_input_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from antq.io.facts import read_facts_file
    from antq.io.template import write_facts_csv, write_facts_xlsx

    units = read_facts_file(EXAMPLE).units
    workbook = tmp_path / "x.xlsx"
    write_facts_xlsx(workbook, units)
    text = io.StringIO()
    write_facts_csv(text, units)
    named = tmp_path / "so-lieu.txt"
    named.write_text(text.getvalue(), encoding="utf-8")
    for fmt, data in (
        ("xlsx", workbook.read_bytes()),
        ("csv-vi", text.getvalue().encode()),
        ("json", EXAMPLE.read_bytes()),
    ):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        items = list(read_any("-", input_format=fmt))
        assert len(items) == 10 and not [i for i in items if isinstance(i, InputError)], fmt
    # A file whose suffix says nothing is read in the format given.
    assert len(list(read_any(named, input_format="csv-vi"))) == 10


@pytest.mark.parametrize("fmt", ["toml", "xlsx"])
def test_a_document_from_standard_input_is_read_no_further_than_its_limit(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import antq.io.facts

    monkeypatch.setattr(antq.io.facts, "MAX_DOCUMENT_BYTES", 64)
    stream = io.BytesIO(b"#" * 10_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    (error,) = list(read_any("-", input_format=fmt))
    assert isinstance(error, InputError) and error.path == "<stdin>"
    assert "larger than 64 bytes" in error.message
    assert stream.tell() <= 65 + io.DEFAULT_BUFFER_SIZE  # stopped at the limit, not at the end
