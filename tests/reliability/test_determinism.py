"""The same input gives byte-identical output: twice in one process, and across processes
with different string-hash seeds (``PYTHONHASHSEED``), which reorder sets of strings.

The document used holds every unit kind under both instruments, sets of codes
(internal-rules topics, some of them missing), incidents out of date order,
unassessed crimes, Vietnamese text and a TOML twin.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from antq.cli import main
from antq.core.engine import evaluate
from antq.io.facts import read_facts

from .strategies import (
    AGENCY,
    BOOK,
    COMMUNE,
    ENTERPRISE,
    KINDS,
    RA,
    SCHOOL,
    TT23,
    TT124,
    baseline,
    bounded,
    documents,
    to_toml,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE = EXAMPLES / "commune-2025.json"
SEEDS = ("0", "1", "31337")


def rich_document() -> dict[str, Any]:
    units: list[dict[str, Any]] = []
    for instrument, year in ((TT124, 2024), (TT23, 2021)):
        for kind in KINDS:
            unit: dict[str, Any] = {
                "id": f"{kind.code}-{year}",
                "kind": kind.code,
                "year": year,
                "name": f"Đơn vị {kind.label('vi')} {year}",
                "commune": "XA-ĐÔNG-HÒA",
                "facts": baseline(kind, instrument),
            }
            if instrument == TT23 and kind is SCHOOL:
                unit["period"] = "2020-05-26/2021-05-25"
            units.append(unit)
    by_id = {u["id"]: u["facts"] for u in units}
    by_id[f"{AGENCY.code}-2024"]["internal_rules_topics"] = ["fire_prevention", "unit_protection"]
    by_id[f"{ENTERPRISE.code}-2021"]["internal_rules_topics_annual"] = ["learners"]
    by_id[f"{RA.code}-2024"]["incidents"] = [
        {"id": "B", "date": "2024-05-01", "category": "crime", "gravity": "rat_nghiem_trong"},
        {"id": "A", "date": "2024-02-01", "category": "crime", "gravity": "nghiem_trong"},
        {"date": "2024-10-31", "category": "serious_fire_explosion"},
        {"date": "2023-01-01", "category": "separatism"},
    ]
    by_id[f"{COMMUNE.code}-2024"]["units_recognised"] = 17
    by_id[f"{SCHOOL.code}-2024"]["education_level"] = "tieu_hoc"
    by_id[f"{RA.code}-2021"].pop("households_pledged")
    return {"antq_facts": 1, "units": units}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("determinism")
    document = rich_document()
    as_json, as_toml = folder / "rich.json", folder / "rich.toml"
    as_json.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    as_toml.write_text(to_toml(document, native_dates=True), encoding="utf-8")
    return {"json": as_json, "toml": as_toml}


def commands(inputs: dict[str, Path]) -> list[list[str]]:
    return [
        ["evaluate", str(inputs["json"]), "--format", "json", "--lang", "vi"],
        ["evaluate", str(inputs["toml"]), "--lang", "en"],
        ["evaluate", str(EXAMPLE), "--format", "json", "--lang", "en"],
        ["report", str(inputs["json"]), "--format", "json", "--date", "2025-12-01"],
        ["report", str(EXAMPLE), "--format", "markdown", "--lang", "en", "--date", "2025-12-01"],
        [
            "score",
            str(EXAMPLES / "example-sheet.toml"),
            str(EXAMPLES / "scores-2025.json"),
            "--format",
            "json",
        ],
        ["awards", str(EXAMPLES / "awards-2025.json"), "--format", "json", "--lang", "en"],
        ["rules", "--format", "json", "--lang", "en"],
        ["rules", "--lang", "vi"],
        ["schema"],
    ]


def in_process(argv: list[str]) -> tuple[int, bytes, bytes]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue().encode("utf-8"), err.getvalue().encode("utf-8")


def in_subprocess(argv: list[str], seed: str) -> tuple[int, bytes, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "antq.cli", *argv], capture_output=True, env=env, check=False
    )
    return done.returncode, done.stdout, done.stderr


def test_the_rich_document_exercises_every_outcome(inputs: dict[str, Path]) -> None:
    read = read_facts(json.loads(inputs["json"].read_text(encoding="utf-8")), BOOK)
    assert read.errors == ()
    verdicts = [evaluate(u, BOOK) for u in read.units]
    assert {v.instrument for v in verdicts} == {TT23, TT124}
    assert {v.outcome.code for v in verdicts} == {"met", "not_met", "unknown", "not_applicable"}


def test_the_same_command_twice_in_one_process_gives_the_same_bytes(
    inputs: dict[str, Path],
) -> None:
    for argv in commands(inputs):
        first = in_process(argv)
        assert first[1], argv
        assert in_process(argv) == first, argv


def test_json_and_toml_twins_give_the_same_verdicts(inputs: dict[str, Path]) -> None:
    as_json = in_process(["evaluate", str(inputs["json"]), "--format", "json"])
    as_toml = in_process(["evaluate", str(inputs["toml"]), "--format", "json"])
    assert as_json == as_toml


@pytest.mark.parametrize("seed", SEEDS)
def test_output_does_not_depend_on_the_hash_seed(inputs: dict[str, Path], seed: str) -> None:
    for argv in commands(inputs):
        assert in_subprocess(argv, seed) == in_process(argv), (seed, argv)


@bounded(40)
@given(documents(min_units=1))
def test_evaluating_a_document_twice_gives_byte_identical_json(document: dict[str, Any]) -> None:
    def render() -> bytes:
        read = read_facts(json.loads(json.dumps(document)), BOOK)
        payload = [evaluate(u, BOOK).to_json(texts=("vi", "en")) for u in read.units]
        return json.dumps(payload, ensure_ascii=False).encode("utf-8")

    assert render() == render()
