"""``--jobs N``: the same output, byte for byte, as with one process (issue 16)."""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
import zipfile
from pathlib import Path

import pytest

from antq import UnitFacts, UnitKind, evaluate
from antq.cli import main
from antq.cli._jobs import CHUNK, WorkerDecider
from antq.core.outcome import Outcome
from antq.io.batch import read_any
from antq.safety import default_rulebook

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "commune-2025.json"


def _generate(outdir: Path, *options: str) -> Path:
    spec = importlib.util.spec_from_file_location(
        "generate_province", ROOT / "examples" / "generate_province.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_province"] = module
    spec.loader.exec_module(module)
    assert module.main([str(outdir), *options]) == 0
    return outdir / "units"


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A province of more units than a chunk, with bad rows and a unit of a lost commune."""
    units = _generate(tmp_path_factory.mktemp("jobs"), "--communes", "40", "--bad-rows", "4")
    path = units / "residential-areas.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[7]["commune"] = "Xã Không Có"
    rows[9]["id"] = rows[8]["id"]  # a repeated id
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert len(rows) > 2 * CHUNK
    return units


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([*argv, "--no-progress"], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _same(one: tuple[int, str, str], two: tuple[int, str, str]) -> None:
    assert one[0] == two[0]
    assert one[1] == two[1]
    assert one[2] == two[2]  # the same errors, in the same order


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv", "results-csv"])
def test_evaluate_writes_the_same_with_two_processes(fmt: str, province: Path) -> None:
    one = _run("evaluate", str(province), "--format", fmt)
    assert one[0] == 3 and one[1]  # bad rows are reported, every other unit written
    _same(one, _run("evaluate", str(province), "--format", fmt, "--jobs", "2"))


def test_evaluate_with_a_pinned_rule_set_and_parameters(province: Path) -> None:
    argv = (
        "evaluate",
        str(province),
        "--format",
        "json",
        "--rule-set",
        "tt124.residential-area",
        "--param",
        "offence_comparison=not_increased",
    )
    one = _run(*argv)
    assert one[0] == 3 and '"rule_set": "tt124.residential-area"' in one[1]
    _same(one, _run(*argv, "--jobs", "3"))


def _docx(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_report_writes_the_same_with_two_processes(fmt: str, province: Path) -> None:
    argv = ("report", str(province), "--format", fmt, "--date", "2026-01-15", "--lang", "en")
    one = _run(*argv)
    assert one[0] == 3 and one[1]
    _same(one, _run(*argv, "--jobs", "2"))


def test_a_word_report_and_its_verdicts_are_the_same_with_two_processes(
    province: Path, tmp_path: Path
) -> None:
    written = []
    for jobs in ("1", "2"):
        report, verdicts = tmp_path / f"r{jobs}.docx", tmp_path / f"v{jobs}.jsonl"
        code, _, _ = _run(
            "report",
            str(province),
            "--format",
            "docx",
            "--output",
            str(report),
            "--verdicts",
            str(verdicts),
            "--date",
            "2026-01-15",
            "--jobs",
            jobs,
        )
        assert code == 3
        written.append((_docx(report), verdicts.read_bytes()))
    assert written[0] == written[1]


def test_jobs_below_one_are_refused(province: Path) -> None:
    code, _, err = _run("evaluate", str(EXAMPLE), "--jobs", "0")
    assert code != 0 and "--jobs" in err
    code, _, err = _run("report", str(EXAMPLE), "--jobs", "-1")
    assert code != 0 and "--jobs" in err


def test_the_workers_decide_every_unit_but_the_communes() -> None:
    book = default_rulebook()
    items = list(read_any(EXAMPLE, book))
    pairs = list(WorkerDecider(jobs=2, book=book)(items))
    assert [item for item, _ in pairs] == items
    for item, verdict in pairs:
        assert isinstance(item, UnitFacts)
        if item.kind is UnitKind.COMMUNE:
            assert verdict is None  # decided by the round, from all its units
            continue
        assert verdict is not None
        full = evaluate(item, book)
        assert verdict.outcome is full.outcome
        # Only what a report or the roll-up reads comes back: no result of a unit that passed.
        kept = [r.criterion_id for r in verdict.results]
        if full.outcome is Outcome.MET:
            assert kept == []
        else:
            assert {r.criterion_id for r in full.with_outcome(Outcome.NOT_MET)} <= set(kept)
