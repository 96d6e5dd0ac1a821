"""The generated province evaluates the same from JSON Lines, a workbook and a Vietnamese CSV."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from antq import evaluate_round  # noqa: E402
from antq.core.facts import UnitFacts  # noqa: E402
from antq.errors import InputError  # noqa: E402
from antq.io.batch import read_any  # noqa: E402
from antq.io.template import write_facts_csv, write_facts_xlsx  # noqa: E402
from tests.report import generator  # noqa: E402

from . import outcomes, unit_json  # noqa: E402


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[UnitFacts]]:
    directory = tmp_path_factory.mktemp("province")
    assert generator().main([str(directory), "--communes", "6"]) == 0
    items = list(read_any(directory / "units"))
    assert not [i for i in items if isinstance(i, InputError)]
    units = [i for i in items if isinstance(i, UnitFacts)]
    jsonl = directory / "units.jsonl"
    jsonl.write_text(
        "".join(json.dumps(unit_json(u), ensure_ascii=False) + "\n" for u in units),
        encoding="utf-8",
    )
    return directory, units


def test_workbook_and_vietnamese_csv_give_the_verdicts_of_json_lines(
    province: tuple[Path, list[UnitFacts]],
) -> None:
    directory, units = province
    workbook = directory / "tinh-thai-hoa.xlsx"
    write_facts_xlsx(workbook, units, year=2025)
    text = io.StringIO()
    write_facts_csv(text, units, year=2025)
    vi_csv = directory / "tinh-thai-hoa.csv"
    vi_csv.write_text(text.getvalue(), encoding="utf-8-sig", newline="")
    assert vi_csv.read_text(encoding="utf-8-sig").splitlines()[0].count(";") > 20

    expected = evaluate_round(read_any(directory / "units.jsonl"))
    assert not expected.errors
    assert len(expected.units) == len(units) > 100
    for path in (workbook, vi_csv, directory / "units"):
        got = evaluate_round(read_any(path))
        assert not got.errors, got.errors[:3]
        assert outcomes(got) == outcomes(expected), path
        assert [
            (c.commune_id, c.verdict and c.verdict.outcome, c.counts) for c in got.communes
        ] == [(c.commune_id, c.verdict and c.verdict.outcome, c.counts) for c in expected.communes]
    # The mix of outcomes is real, not all one.
    assert len({o[0] for o in outcomes(expected).values()}) == 4
