"""Bad documents of the other shapes antq reads, each an error naming its path and value.

The batch readers' document-level problems (TOML, JSON, CSV headers), the
report's indicators and targets, score results read back from JSON, and units
that cannot be placed in a roll-up. The catalogue page's cases are in
``test_bad_input.py``; these complete them loader by loader.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

from antq.emulation.scoring import ScoreResult, read_scores, score
from antq.emulation.sheets import load_sheet
from antq.errors import InputError
from antq.io import _toml, batch
from antq.io import _units as batch_units
from antq.io.batch import RowError, UnitRef
from antq.io.facts import read_facts
from antq.report.indicators import read_observations, targets_from_data
from antq.safety.hierarchy import evaluate_province
from tests.safety.builders import raw_unit

from .strategies import BOOK, COMMUNE, RA, TT124

ROOT = Path(__file__).resolve().parents[2]


def _messages(items: Any) -> list[str]:
    return [str(i) for i in items if isinstance(i, InputError)]


# -- batch documents ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("units = 1\n", "units: expected a list of units (got 1)"),
        (
            "antq_facts = 2\nunits = []\n",
            "antq_facts: unsupported facts format; expected 1 (got 2)",
        ),
        (
            "unit = []\n",
            "unit: unknown top-level key; allowed: antq, units, scores, awards, teams (got [])",
        ),
        (
            "antq_facts = 1\nunit = []\n",
            "unit: unknown top-level key; allowed: antq_facts, units (got [])",
        ),
        ("units = [1]\n", "units[0]: expected an object describing a unit (got 1)"),
    ],
)
def test_a_toml_batch_document_of_the_wrong_shape(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "units.toml"
    path.write_text(text, encoding="utf-8")
    assert _messages(batch.read_toml(path, BOOK)) == [expected]


def test_a_toml_batch_document_that_is_not_a_table_is_named() -> None:
    units = batch_units._Units(BOOK, check_duplicates=True, source=None)
    (error,) = _toml._parsed_document([], units)
    assert str(error) == "$: expected a document object with 'units' (got 'list')"


def test_a_top_level_key_twice_in_a_streamed_json_document() -> None:
    items = list(batch.read_json(io.BytesIO(b'{"units": [], "units": []}'), BOOK))
    assert _messages(items) == ["units: the key appears twice in the document (got 'units')"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"id,kind,year, \nA,commune,2024,x\n", ["line 1: a column has a blank name (got ' ')"]),
        (
            b"id,kind,year,offences_current.thefts\nA,commune,2024,1\n",
            [
                "line 1.offences_current.thefts: unknown key of offences_current; allowed: crimes, social_evils, other_violations (got 'offences_current.thefts')",
                "line 2.facts.offences_current.thefts: unknown field; allowed: crimes, social_evils, other_violations (got '1')",
            ],
        ),
        (
            b'id,kind,year,offences_current,offences_current.crimes\nA,commune,2024,"{""crimes"": 1}",1\n',
            ["line 2.facts.offences_current: given both as one cell and by key columns (got {'crimes': 1})"],
        ),
        (
            b"id,kind,year,incidents\nA,commune,2024,separatism\n",
            ["line 2.facts.incidents: malformed JSON in the cell: Expecting value (got 'separatism')"],
        ),
    ],
)  # fmt: skip
def test_csv_headers_and_cells_of_the_wrong_shape(data: bytes, expected: list[str]) -> None:
    assert _messages(batch.read_csv(io.BytesIO(data), BOOK)) == expected


def test_a_csv_list_of_codes_may_be_a_json_list() -> None:
    data = b'id,kind,year,internal_rules_topics\nA,agency,2024,"[""fire_prevention""]"\n'
    (unit,) = batch.read_csv(io.BytesIO(data), BOOK)
    assert not isinstance(unit, InputError)
    assert [t.code for t in unit.values["internal_rules_topics"]] == ["fire_prevention"]  # type: ignore[attr-defined]


# -- the report's indicators and targets ------------------------------------------------------------


def test_indicator_rows_of_the_wrong_shape_are_errors_each(tmp_path: Path) -> None:
    row = {"indicator": "crime_clearance_public_order", "unit": "T", "numerator": 1}
    period = {"period": "2024-10-01/2025-09-30"}
    rows = [
        {**row, **period, "unit": " "},
        {**row, "period": 5},
        {**row, **period, "source": 3},
        {**row, **period, "colour": 3},
        "x",
        {**row, **period},
    ]
    path = tmp_path / "figures.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    items = list(read_observations(path))
    assert _messages(items) == [
        "[0].unit: expected a non-empty string (got ' ')",
        '[1].period: expected "YYYY-MM-DD/YYYY-MM-DD" (got 5)',
        "[2].source: expected a string (got 3)",
        "[3].colour: unknown key; allowed: indicator, unit, period, numerator, denominator, unknown, source (got 3)",
        "[4]: expected an object (got 'x')",
    ]
    assert len(items) == 6  # the good row is kept
    path.write_text(json.dumps({"rows": rows}), encoding="utf-8")
    assert _messages(read_observations(path)) == [
        f"{path}: expected a list of observations (got 'dict')"
    ]


@pytest.mark.parametrize(
    ("key", "value"), [("note", 1), ("instrument", 1), ("valid_from", "2025-13-01")]
)
def test_target_fields_of_the_wrong_type(key: str, value: object) -> None:
    target = {"indicator": "crime_clearance_public_order", "percent": 70, key: value}
    with pytest.raises(InputError) as raised:
        targets_from_data([target])
    assert (raised.value.path, raised.value.value) == (f"targets[0].{key}", value)


# -- score results read back ---------------------------------------------------------------------------


def _score_json() -> dict[str, Any]:
    sheet = load_sheet(ROOT / "examples" / "example-sheet.toml")
    document = json.loads((ROOT / "examples" / "scores-2025.json").read_text(encoding="utf-8"))
    return score(sheet, read_scores(document, sheet).units[0]).to_json()


SCORE = _score_json()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("sheet", 3),
        ("year", "2025"),
        ("items", {}),
        ("sources", {}),
        ("name", 3),
        ("items[0].depth", -1),
        ("items[0].missing", "x"),
        ("classification.vetoes", {}),
    ],
)
def test_a_score_result_of_the_wrong_shape_is_refused(path: str, value: object) -> None:
    data = copy.deepcopy(SCORE)
    *parents, last = path.replace("[0]", ".0").split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[last] = value
    with pytest.raises(InputError) as raised:
        ScoreResult.from_json(data)
    assert (raised.value.path, raised.value.value) == (f"score.{path}", value)


def test_a_score_result_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(InputError, match="expected an object"):
        ScoreResult.from_json("x")
    assert ScoreResult.from_json(copy.deepcopy(SCORE)).to_json() == SCORE


# -- units that cannot be placed in a roll-up ------------------------------------------------------------


def _units(*raws: dict[str, Any]) -> list[Any]:
    read = read_facts({"units": list(raws)}, BOOK)
    assert read.errors == ()
    return list(read.units)


def test_an_unreadable_row_naming_an_unknown_commune_leaves_the_communes_unknown() -> None:
    # The row's own error is reported once; no second error for its commune, but the
    # communes it may belong to get no sure count.
    commune = {**raw_unit(COMMUNE), "id": "XA-01", "name": "Xã Một"}
    units = _units(commune, {**raw_unit(RA), "id": "A1", "commune": "XA-01"})
    ref = UnitRef(unit_id="A2", kind=RA, year=2024, commune="XA-O1")
    bad = RowError(3, "facts.households_resident", -1, "must be >= 0", unit=ref)
    evaluation = evaluate_province([*units, bad], BOOK)
    assert [e.path for e in evaluation.errors] == ["line 3.facts.households_resident"]
    (result,) = [c for c in evaluation.communes if c.commune_id == "XA-01"]
    assert result.verdict is not None and result.verdict.outcome.code == "unknown"
    unreadable_commune_row = RowError(4, "", None, "x", unit=UnitRef(kind=COMMUNE, commune="XA-01"))
    assert evaluate_province([*units, unreadable_commune_row], BOOK).communes[0].verdict


def test_a_unit_of_a_province_with_no_commune_may_belong_to_any_commune_of_its_round() -> None:
    communes = [
        {**raw_unit(COMMUNE), "id": f"X{n}", "name": f"Xã {n}", "province": "Tỉnh A"}
        for n in (1, 2)
    ]
    areas = [
        {**raw_unit(RA), "id": f"A{n}", "commune": f"X{n}", "province": "Tỉnh A"} for n in (1, 2)
    ]
    stray = {**raw_unit(RA), "id": "S", "commune": "X9", "province": "Tỉnh B"}
    evaluation = evaluate_province(_units(*communes, *areas, stray), BOOK)
    assert [e.path for e in evaluation.errors] == ["S.commune"]
    outcomes = {c.commune_id: c.verdict.outcome.code for c in evaluation.communes if c.verdict}
    assert outcomes == {"X1": "unknown", "X2": "unknown"}


def test_a_unit_of_a_round_without_rules_is_an_error_and_its_commune_is_not_counted_as_met() -> (
    None
):
    # With a rule book of TT 124 only, round 2021 has no rule set: the unit cannot be
    # evaluated, not even as a blank unit, and its commune's roll-up is not made from less.
    from antq.core.ruleset import RuleBook

    book = RuleBook(tuple(r for r in BOOK if r.instrument == TT124))
    commune = {**raw_unit(COMMUNE), "id": "XA-01", "name": "Xã Một"}
    areas = [{**raw_unit(RA), "id": "A1", "commune": "XA-01"}]
    areas.append({**raw_unit(RA, year=2021), "id": "A2", "commune": "XA-01"})
    evaluation = evaluate_province(_units(commune, *areas), book)
    assert [e.path for e in evaluation.errors] == ["A2"]
    (result,) = [c for c in evaluation.communes if c.year == 2024]
    assert result.verdict is not None and result.verdict.outcome.code == "met"  # A2 is of 2021
