"""The command-line handlers: antq report, batch reading with progress, streamed verdicts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from antq.cli import EXIT_INPUT, EXIT_OK, main
from antq.cli.evaluate import book_with_parameters, read_units
from antq.cli.progress import ProgressBar
from antq.cli.report import main as run_report
from antq.errors import InputError
from antq.io.batch import ReadProgress
from antq.safety import default_rulebook
from tests.report import EXAMPLE, area, example_units


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_report(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _csv(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "units.csv"
    path.write_text("id,kind,year,commune,households_resident\n" + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_report_of_the_example_in_each_format(fmt: str) -> None:
    code, out, err = run(str(EXAMPLE), "--format", fmt, "--lang", "en", "--date", "2025-12-01")
    assert code == EXIT_OK, err
    assert "Thôn Tây" in out and "1 December 2025" in out
    assert err == ""


def test_report_written_to_a_file_with_verdicts(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    rows = tmp_path / "verdicts.csv"
    lines = tmp_path / "verdicts.jsonl"
    code, out, err = run(
        str(EXAMPLE), "--format", "html", "--output", str(target), "--verdicts", str(rows)
    )
    assert code == EXIT_OK and out == "" and err == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert rows.read_bytes().startswith(b"\xef\xbb\xbf")  # for spreadsheets
    table = list(csv.DictReader(io.StringIO(rows.read_text(encoding="utf-8-sig"))))
    assert len(table) == 10 and {r["id"] for r in table} >= {"XA-DH", "KDC-TAY"}
    commune = next(r for r in table if r["id"] == "XA-DH")
    assert commune["outcome"] == "not_met"  # from its units' roll-up
    run(str(EXAMPLE), "--verdicts", str(lines))
    assert len(lines.read_text(encoding="utf-8").splitlines()) == 10
    code, _, err = run(str(EXAMPLE), "--verdicts", str(tmp_path / "v.ods"))
    assert code == EXIT_INPUT and "--verdicts" in err


def test_bad_rows_give_exit_3_and_the_rest_is_reported(tmp_path: Path) -> None:
    path = _csv(tmp_path, "A1,residential_area,2025,X1,12\nA2,residential_area,2025,X1,-4\n")
    code, out, err = run(str(path), "--lang", "en")
    assert code == EXIT_INPUT
    assert "antq: line 3.facts.households_resident: must be >= 0 (got -4)" in err
    assert "line 3.facts.households_resident" in out  # listed in the report too
    assert "residential area" in out


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    path = _csv(tmp_path, "A1,residential_area,20x5,X1,12\n")
    code, out, err = run(str(path))
    assert code == EXIT_INPUT and out == ""
    assert "line 2.year" in err and "nothing to report" in err


def test_year_option(tmp_path: Path) -> None:
    code, out, _ = run(str(EXAMPLE), "--year", "2025", "--lang", "en")
    assert code == EXIT_OK and "round 2025" in out
    code, _, err = run(str(EXAMPLE), "--year", "2019")
    assert code == EXIT_INPUT and "--year" in err


def test_indicators_and_targets_files(tmp_path: Path) -> None:
    figures = tmp_path / "figures.csv"
    figures.write_text(
        "indicator,unit,period,numerator,denominator\n"
        "crime_clearance_public_order,Tỉnh Mẫu,2024-10-01/2025-09-30,77,100\n"
        "nope,Tỉnh Mẫu,2024-10-01/2025-09-30,1,2\n",
        encoding="utf-8",
    )
    code, out, err = run(
        str(EXAMPLE), "--indicators", str(figures), "--lang", "en", "--format", "json"
    )
    data = json.loads(out)
    assert code == EXIT_INPUT and f"{figures}:line 3.indicator" in err
    assert data["indicators"][0]["outcome"] == "met"
    targets = tmp_path / "targets.json"
    targets.write_text(
        json.dumps(
            [
                {
                    "indicator": "crime_clearance_public_order",
                    "percent": 78,
                    "valid_from": "2025-01-01",
                }
            ]
        ),
        encoding="utf-8",
    )
    code, out, _ = run(
        str(EXAMPLE), "--indicators", str(figures), "--targets", str(targets), "--format", "json"
    )
    data = json.loads(out)
    assert data["indicators"][0]["outcome"] == "not_met"
    assert data["indicators"][0]["target"]["percent"] == "78"
    targets.write_text("[1", encoding="utf-8")
    code, _, err = run(str(EXAMPLE), "--targets", str(targets))
    assert code == EXIT_INPUT and "malformed JSON" in err


def test_parameters_and_options_are_checked() -> None:
    code, _, err = run(str(EXAMPLE), "--param", "no_such=1")
    assert code == EXIT_INPUT and "no rule set has this parameter" in err
    code, _, _ = run(str(EXAMPLE), "--param", "offence_comparison=not_increased", "--lang", "en")
    assert code == EXIT_OK
    code, _, err = run(str(EXAMPLE), "--top", "0")
    assert code == EXIT_INPUT and "--top" in err
    with pytest.raises(SystemExit):
        run(str(EXAMPLE), "--format", "pdf")
    code, _, err = run("/nonexistent/units.csv")
    assert code == EXIT_INPUT and "no such file" in err


def test_parameters_change_the_verdicts() -> None:
    book = default_rulebook()
    changed = book_with_parameters(book, ["offence_comparison=not_increased"])
    assert changed is not book
    assert book_with_parameters(book, []) is book
    with pytest.raises(InputError):
        book_with_parameters(book, ["novalue"])
    # Thôn Tây has as many offences as last year: it fails a strict decrease only.
    _, strict, _ = run(str(EXAMPLE), "--format", "json", "--lang", "en")
    _, lenient, _ = run(
        str(EXAMPLE),
        "--format",
        "json",
        "--lang",
        "en",
        "--param",
        "offence_comparison=not_increased",
    )
    count = lambda text: sum(  # noqa: E731
        t["count"] for t in json.loads(text)["provinces"][0]["summary"]["most_failed"]
    )
    assert count(lenient) == count(strict) - 1


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    book = default_rulebook()
    plain = io.StringIO()
    units = list(read_units(EXAMPLE, book, plain))
    assert len(units) == 10 and plain.getvalue() == ""
    terminal = Terminal()
    bar = ProgressBar(terminal, ReadProgress(total=100), lang="en", interval=0)
    for _ in bar.wrap(range(3)):
        bar.progress.done += 30  # type: ignore[union-attr]
    shown = terminal.getvalue()
    # Drawn as each item comes, before the 30 bytes read after it.
    assert "\r" in shown and " 60% 3 unit(s) read" in shown
    assert shown.endswith("\r") and shown.rstrip("\r").split("\r")[-1].strip() == ""  # erased
    terminal = Terminal()
    assert len(list(read_units(EXAMPLE, book, terminal, lang="en"))) == 10
    assert "unit(s) read" in terminal.getvalue()


def test_progress_bar_line_without_a_total() -> None:
    bar = ProgressBar(io.StringIO(), None, lang="vi", enabled=True)
    bar.count = 1234
    assert bar.line().startswith("antq: ") and "1.234" in bar.line() and "[" not in bar.line()


def test_evaluate_streams_jsonl_and_csv_rows_through_the_round(tmp_path: Path) -> None:
    path = tmp_path / "units.jsonl"
    units = example_units()
    units[3]["facts"]["households_resident"] = -1
    path.write_text("\n".join(json.dumps(u, ensure_ascii=False) for u in units), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["evaluate", str(path), "--format", "jsonl"], out=out, err=err) == EXIT_INPUT
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == 9 and "line 4.facts.households_resident" in err.getvalue()
    assert rows[-1]["kind"] == "commune"  # decided last, from its units
    out = io.StringIO()
    assert main(["evaluate", str(EXAMPLE), "--format", "csv"], out=out, err=err) == EXIT_OK
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == 10
    out, err = io.StringIO(), io.StringIO()
    only = tmp_path / "one.jsonl"
    only.write_text(
        json.dumps(area("A", None)) + "\n" + json.dumps(units[4]) + "\n", encoding="utf-8"
    )
    pinned = ["--rule-set", "tt124.residential-area"]
    assert main(["evaluate", str(only), "--format", "jsonl", *pinned], out=out, err=err) == 0
    assert len(out.getvalue().splitlines()) == 2


def test_the_parser_offers_every_report_format() -> None:
    from antq.cli.report import REPORT_FORMATS
    from antq.report import FORMATS

    assert REPORT_FORMATS == FORMATS


# --------------------------------------------------------------------------- antq evaluate


def _directory(tmp_path: Path) -> Path:
    """The example split into a CSV (with a BOM and a bad row) and a JSON Lines file."""
    folder = tmp_path / "units"
    folder.mkdir()
    units = example_units()
    lines = [json.dumps(u, ensure_ascii=False) for u in units if u["kind"] != "residential_area"]
    (folder / "others.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    areas = [u for u in units if u["kind"] == "residential_area"]
    columns = sorted({key for u in areas for key in u["facts"]})
    rows = ["id,kind,year,name,commune," + ",".join(columns)]
    for unit in areas:
        cells = [unit["id"], unit["kind"], str(unit["year"]), unit["name"], unit["commune"]]
        values = unit["facts"]
        cells += [
            json.dumps(values[c], ensure_ascii=False)
            if isinstance(values.get(c), dict | list)
            else str(values.get(c, ""))
            for c in columns
        ]
        rows.append(",".join(f'"{c.replace(chr(34), chr(34) * 2)}"' for c in cells))
    rows.append("KDC-BAD,residential_area,2025,Thôn Hỏng,XA-DH," + ",".join(["-1"] * len(columns)))
    text = "\n".join(rows).replace("True", "true").replace("False", "false") + "\n"
    (folder / "areas.csv").write_text(text, encoding="utf-8-sig")
    return folder


def _evaluate(*argv: str) -> tuple[int, str, str]:
    from antq.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["evaluate", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_evaluate_a_directory_of_batch_files_rolls_communes_up_like_report(
    tmp_path: Path,
) -> None:
    folder = _directory(tmp_path)
    code, out, err = _evaluate(str(folder), "--format", "json", "--lang", "en")
    assert code == EXIT_INPUT  # the bad row
    assert err.startswith("antq: areas.csv:line 5.facts.") and err.count("antq: ") == 1
    data = json.loads(out)
    by_id = {v["unit"]: v["outcome"] for v in data["verdicts"]}
    assert len(by_id) == 10 and "KDC-BAD" not in by_id  # every good unit, no placeholder
    assert by_id["KDC-TAY"] == "not_met" and by_id["TDP-3"] == "unknown"
    # The commune's verdict comes from its units, as in `antq report`: 3 or 4 of its 6
    # readable units are recognised, and the unreadable 7th counts as unknown, so it may
    # reach 5 of 7 (71%): undecided. But a serious fire in one of its units (its
    # territory), not due to force majeure, fails it whatever the count.
    assert by_id["XA-DH"] == "not_met"
    (commune_verdict,) = [v for v in data["verdicts"] if v["unit"] == "XA-DH"]
    results = {r["criterion"]: r for r in commune_verdict["results"]}
    assert results["tt124.commune.units-recognised"]["outcome"] == "unknown"
    assert results["tt124.commune.no-serious-accident"]["outcome"] == "not_met"
    assert any("could not be read" in note for note in data["notes"])
    code, report, _ = run(str(folder), "--format", "json", "--lang", "en")
    (commune,) = json.loads(report)["provinces"][0]["communes"]
    assert code == EXIT_INPUT and commune["outcome"] == by_id["XA-DH"]
    # Text: the same verdicts, with the notes before the summary line.
    code, out, _ = _evaluate(str(folder), "--lang", "en")
    assert code == EXIT_INPUT
    assert "* XA-DH: 1 unit(s) under it could not be read" in out
    summary = "10 unit(s) evaluated: 3 met, 3 not met, 1 unknown, 3 not applicable"
    assert out.rstrip().endswith(summary)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_evaluate_streams_a_directory_one_row_per_unit(tmp_path: Path, fmt: str) -> None:
    folder = _directory(tmp_path)
    code, out, err = _evaluate(str(folder), "--format", fmt)
    assert code == EXIT_INPUT and "areas.csv:line 5" in err
    rows = (
        [json.loads(line) for line in out.splitlines()]
        if fmt == "jsonl"
        else list(csv.DictReader(io.StringIO(out)))
    )
    assert sorted(r["id"] for r in rows) == sorted(u["id"] for u in example_units())
    # Every format goes through the round: the commune is decided from its units, last.
    assert rows[-1]["id"] == "XA-DH" and rows[-1]["outcome"] == "not_met"


def test_a_pinned_rule_set_decides_its_kind_and_the_commune_is_still_rolled_up() -> None:
    code, out, err = _evaluate(str(EXAMPLE), "--rule-set", "tt124.commune", "--format", "json")
    data = json.loads(out)
    assert code == EXIT_OK and err == "" and len(data["verdicts"]) == 10
    _, plain, _ = _evaluate(str(EXAMPLE), "--format", "json")
    assert json.loads(plain)["verdicts"] == data["verdicts"]
