"""Results out: the workbook re-read cell by cell, the results CSV, flat records."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from antq import evaluate_round  # noqa: E402
from antq.cli import main  # noqa: E402
from antq.core.outcome import Outcome  # noqa: E402
from antq.core.unit_kinds import UnitKind  # noqa: E402
from antq.errors import InputError  # noqa: E402
from antq.io.batch import read_any  # noqa: E402
from antq.io.columns import kind_sheet_title  # noqa: E402
from antq.io.flat import (  # noqa: E402
    COMMUNE_RECORD_COLUMNS,
    CRITERION_RECORD_COLUMNS,
    UNIT_RECORD_COLUMNS,
    commune_records,
    criterion_records,
    unit_records,
)
from antq.io.results_files import write_results_csv  # noqa: E402
from antq.io.xlsx import replace_atomically, result_header, write_results_xlsx  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "commune-2025.json"
FILLS = {
    "met": "00C6EFCE",
    "not_met": "00FFC7CE",
    "unknown": "00FFEB9C",
    "not_applicable": "00EDEDED",
}


@pytest.fixture(scope="module")
def evaluation():  # type: ignore[no-untyped-def]
    return evaluate_round(read_any(EXAMPLE))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_results_workbook_reads_back_cell_by_cell(evaluation, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ket-qua.xlsx"
    write_results_xlsx(path, evaluation.verdicts, communes=evaluation.communes, lang=lang)  # type: ignore[arg-type]
    book = openpyxl.load_workbook(path)
    kinds = [k for k in UnitKind if any(v.kind is k for v in evaluation.verdicts)]
    communes, criteria = ("Tổng hợp xã", "Tiêu chí") if lang == "vi" else ("Communes", "Criteria")
    assert book.sheetnames == [*(kind_sheet_title(k, lang) for k in kinds), communes, criteria]  # type: ignore[arg-type]
    expected = {
        **{
            book.sheetnames[i]: (
                UNIT_RECORD_COLUMNS,
                list(unit_records([v for v in evaluation.verdicts if v.kind is k], lang=lang)),
            )  # type: ignore[arg-type]
            for i, k in enumerate(kinds)
        },
        communes: (COMMUNE_RECORD_COLUMNS, list(commune_records(evaluation.communes, lang=lang))),  # type: ignore[arg-type]
        criteria: (
            CRITERION_RECORD_COLUMNS,
            list(criterion_records(evaluation.verdicts, lang=lang)),
        ),  # type: ignore[arg-type]
    }
    for title, (columns, records) in expected.items():
        sheet = book[title]
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0] == tuple(result_header(c, lang) for c in columns)  # type: ignore[arg-type]
        assert len(rows) == len(records) + 1
        for row, record in zip(rows[1:], records, strict=True):
            assert row == tuple(None if record[c] == "" else record[c] for c in columns)
        assert sheet.freeze_panes == "A2"
        assert (
            sheet.auto_filter.ref
            == f"A1:{sheet.cell(1, len(columns)).column_letter}{len(records) + 1}"
        )
        if "outcome" in columns:
            at = columns.index("outcome") + 1
            for number, record in enumerate(records, start=2):
                colour = sheet.cell(number, at).fill.fgColor.rgb
                assert colour == FILLS[str(record["outcome"])]
    # The reasons are there, in the language asked for.
    kdc = next(r for r in expected[book.sheetnames[0]][1] if r["unit_id"] == "KDC-TAY")
    assert kdc["outcome"] == "not_met"
    assert kdc["not_met_reasons"]
    word = "hộ" if lang == "vi" else "household"
    assert word in str(kdc["not_met_reasons"]).lower()


def test_flat_records_have_stable_keys(evaluation) -> None:  # type: ignore[no-untyped-def]
    for lang in ("vi", "en"):
        for record in unit_records(evaluation.verdicts, lang=lang):  # type: ignore[arg-type]
            assert tuple(record) == UNIT_RECORD_COLUMNS
        for record in criterion_records(evaluation.verdicts, lang=lang):  # type: ignore[arg-type]
            assert tuple(record) == CRITERION_RECORD_COLUMNS
    units = list(unit_records(evaluation.verdicts))
    criteria = list(criterion_records(evaluation.verdicts))
    assert len(criteria) == sum(
        r["met"] + r["not_met"] + r["unknown"] + r["not_applicable"] for r in units
    )  # type: ignore[operator]
    not_met = {
        (r["unit_id"], r["criterion_id"]) for r in criteria if r["outcome"] == Outcome.NOT_MET.code
    }
    assert not_met == {
        (r["unit_id"], c) for r in units for c in str(r["not_met_criteria"]).split("; ") if c
    }


def test_results_csv_has_labels_reasons_and_a_bom_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "ket-qua.csv"
    assert main(["evaluate", str(EXAMPLE), "--format", "results-csv", "--output", str(path)]) == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == UNIT_RECORD_COLUMNS
    tay = next(r for r in rows if r["unit_id"] == "KDC-TAY")
    assert tay["outcome_label"] == "chưa đạt"
    assert tay["kind_label"] == "khu dân cư"
    assert "hộ" in tay["not_met_reasons"].lower()
    out = io.StringIO()
    assert main(["evaluate", str(EXAMPLE), "--format", "results-csv"], out=out) == 0
    assert not out.getvalue().startswith("\ufeff")
    assert out.getvalue().splitlines()[0] == ",".join(UNIT_RECORD_COLUMNS)


def test_results_csv_quotes_formulas(evaluation) -> None:  # type: ignore[no-untyped-def]
    import attrs

    verdict = attrs.evolve(evaluation.verdicts[0], name="=HYPERLINK(1)")
    out = io.StringIO()
    write_results_csv([verdict], out)
    assert "'=HYPERLINK(1)" in out.getvalue()


def test_evaluate_and_report_write_the_workbook(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    err = io.StringIO()
    assert main(["evaluate", str(EXAMPLE), "--format", "xlsx", "--output", str(path)], err=err) == 0
    assert "Tổng hợp xã" in openpyxl.load_workbook(path).sheetnames
    assert main(["evaluate", str(EXAMPLE), "--format", "xlsx"], err=err) == 3
    assert "give --output NAME.xlsx" in err.getvalue()
    verdicts = tmp_path / "v.xlsx"
    report = tmp_path / "report.txt"
    code = main(
        [
            "report",
            str(EXAMPLE),
            "--verdicts",
            str(verdicts),
            "--output",
            str(report),
            "--lang",
            "en",
        ]
    )
    assert code == 0
    assert "Communes" in openpyxl.load_workbook(verdicts).sheetnames
    assert report.read_text(encoding="utf-8")


def test_a_failed_write_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ket-qua.xlsx"
    path.write_bytes(b"the old results")

    def half_then_fail(target: Path) -> None:
        target.write_bytes(b"half of the new")
        raise OSError("disk full")

    # The failure is an input error naming the file, as for every file antq writes.
    with pytest.raises(InputError, match="cannot write the file: disk full") as failed:
        replace_atomically(path, half_then_fail)
    assert failed.value.path == "--output" and failed.value.value == str(path)
    assert path.read_bytes() == b"the old results"
    assert [p.name for p in tmp_path.iterdir()] == ["ket-qua.xlsx"]
    replace_atomically(path, lambda target: target.write_bytes(b"new"))
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["ket-qua.xlsx"]


def test_a_command_that_fails_leaves_its_output_untouched(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    err = io.StringIO()
    code = main(["evaluate", str(EXAMPLE), "--rule-set", "no-such", "--output", str(path)], err=err)
    assert code == 3
    assert path.read_text(encoding="utf-8") == "old"
    assert main(["rules", "--kind", "commune", "--output", str(path)]) == 0
    assert "tt124.commune" in path.read_text(encoding="utf-8")
