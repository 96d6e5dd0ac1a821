"""The bad-input catalogue (docs/bad-input.rst): the tests its rows name.

Each test pins the exact behaviour and message shape the page documents;
``test_catalogue_page.py`` checks that every test here is named on the page
and every test the page names exists.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from antq.cli import EXIT_INPUT, main
from antq.core.engine import evaluate
from antq.core.verdict import Verdict
from antq.errors import InputError, InputErrors
from antq.i18n.formatting import parse_number
from antq.io import facts as facts_io
from antq.io.batch import read_any
from antq.io.facts import load_document, read_facts, read_facts_file
from antq.safety.hierarchy import ProvinceEvaluation, evaluate_province
from antq.safety.rollup import commune_counts, evaluate_commune
from tests.safety.builders import facts_of, raw_unit

from .strategies import AGENCY, BOOK, COMMUNE, RA, TT124, baseline

# -- helpers -----------------------------------------------------------------------------------


def one_unit(**changes: Any) -> dict[str, Any]:
    """A residential area meeting every criterion in the 2024 round, with facts changed."""
    unit = raw_unit(RA, **changes)
    return {"units": [unit]}


def problems(document: object) -> list[tuple[str, str, object]]:
    """(path, message, value) of every error reading ``document``."""
    return [(e.path, e.message, e.value) for e in read_facts(document, BOOK).errors]


def only_problem(document: object) -> tuple[str, str, object]:
    read = read_facts(document, BOOK)
    assert read.units == ()
    (error,) = read.errors
    assert str(error) == f"{error.path}: {error.message} (got {error.value!r})"
    return error.path, error.message, error.value


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# -- 1. wrong types ------------------------------------------------------------------------------

WRONG_TYPES = [
    ({"households_resident": "120"}, "expected a whole number >= 0"),
    ({"households_resident": 120.0}, "expected a whole number >= 0"),
    ({"households_resident": float("nan")}, "expected a whole number >= 0"),
    ({"households_resident": [120]}, "expected a whole number >= 0"),
    ({"grassroots_force_grade": 2}, "unknown TaskGrade code; expected one of: "),
    ({"incidents": {"date": "2024-03-02", "category": "separatism"}}, "expected a list"),
    ({"offences_current": 3}, "expected an object with crimes, social_evils, other_violations"),
]


@pytest.mark.parametrize(("facts", "message"), WRONG_TYPES)
def test_wrong_types_are_errors_naming_path_and_value(facts: dict[str, Any], message: str) -> None:
    ((name, value),) = facts.items()
    path, text, got = only_problem(one_unit(**facts))
    assert path == f"units[0].facts.{name}"
    assert text.startswith(message)
    assert got == value or (got != got and value != value)  # NaN is reported as itself


@pytest.mark.parametrize(
    ("document", "path", "message"),
    [
        ([], "$", "expected a document object with 'units'"),
        ({"units": {}}, "units", "expected a list of units"),
        ({}, "units", "the document has no 'units' section, which this command reads; it has: -"),
        ({"antq": 2, "awards": {}}, "units", "the document has no 'units' section, which this command reads; it has: awards"),
        ({"units": [1]}, "units[0]", "expected an object describing a unit"),
        ({"units": [{"id": 7, "kind": "commune", "year": 2024}]}, "units[0].id", "expected a non-empty string"),
        ({"units": [{"id": "X", "kind": "commune", "year": "2024"}]}, "units[0].year", "expected the recognition year as a whole number"),
        ({"units": [{"id": "X", "kind": "commune", "year": 2024, "facts": []}]}, "units[0].facts", "expected an object of facts"),
        ({"units": [{"id": "X", "kind": "commune", "year": 2024, "period": 2024}]}, "units[0].period", 'expected "YYYY-MM-DD/YYYY-MM-DD"'),
    ],
)  # fmt: skip
def test_wrong_types_in_the_document_structure(document: object, path: str, message: str) -> None:
    assert [(p, m) for p, m, _ in problems(document)] == [(path, message)]


# -- 2. negative counts ---------------------------------------------------------------------------


def test_a_negative_count_is_an_error() -> None:
    assert only_problem(one_unit(households_resident=-3)) == (
        "units[0].facts.households_resident",
        "must be >= 0",
        -3,
    )
    offences = {"crimes": -1, "social_evils": 0, "other_violations": 0}
    assert only_problem(one_unit(offences_current=offences))[:2] == (
        "units[0].facts.offences_current.crimes",
        "must be >= 0",
    )


# -- 3. registered or recognised greater than the total ----------------------------------------------


@pytest.mark.parametrize(
    ("kind", "changes", "path", "message"),
    [
        (RA, {"households_registered": 121}, "U1.households_registered", "cannot exceed households_resident (120)"),
        (COMMUNE, {"units_registered": 26}, "U1.units_registered", "cannot exceed units_total (25)"),
        (COMMUNE, {"units_recognised": 26}, "U1.units_recognised", "cannot exceed units_total (25)"),
    ],
)  # fmt: skip
def test_a_part_greater_than_its_total_is_an_error_when_evaluated(
    kind: Any, changes: dict[str, int], path: str, message: str
) -> None:
    # The loader reads each count alone; the check that compares them raises, so no
    # verdict is given for the unit. The path is "<unit id>.<fact>", not the document path.
    unit = facts_of(kind, **changes)
    with pytest.raises(InputError) as raised:
        evaluate(unit, BOOK)
    assert (raised.value.path, raised.value.message) == (path, message)
    (value,) = changes.values()
    assert raised.value.value == value


# -- 4. a total of zero ---------------------------------------------------------------------------------


def test_a_zero_total_of_a_100_percent_or_70_percent_rule_is_an_error_when_evaluated() -> None:
    for kind, changes, path in (
        (RA, {"households_resident": 0, "households_registered": 0}, "U1.households_resident"),
        (
            COMMUNE,
            {"units_total": 0, "units_registered": 0, "units_recognised": 0},
            "U1.units_total",
        ),
    ):
        with pytest.raises(InputError) as raised:
            evaluate(facts_of(kind, **changes), BOOK)
        assert raised.value.path == path
        assert raised.value.message == "must be > 0: a 100% rule needs a total"


def test_zero_eligible_sub_units_is_unknown_until_the_parameter_says_how_to_read_it() -> None:
    from tests.safety.builders import result_of

    unit = facts_of(AGENCY, subunits_eligible=0, subunits_qualifying=0)
    verdict = evaluate(unit, BOOK)
    result = result_of(verdict, "subunits")
    assert (verdict.outcome.code, result.outcome.code) == ("unknown", "unknown")
    assert result.missing == ("parameter:empty_subunits",)
    pinned = BOOK.get("tt124.agency").with_parameters(empty_subunits="not_met")
    assert evaluate(unit, pinned).outcome.code == "not_met"


# -- 5. dates outside the period, and in the future --------------------------------------------------


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        ("2023-10-31", "31/10/2023"),
        ("2024-11-01", "01/11/2024"),
        ("2030-01-01", "01/01/2030"),
        ("2099-12-31", "31/12/2099"),
    ],
)
def test_an_incident_outside_the_period_is_not_counted_but_named(day: str, shown: str) -> None:
    # Round 2024 of a residential area runs 01/11/2023 - 31/10/2024. An incident dated
    # before or after it, even years ahead, does not count (the law counts the period
    # only), but the criterion that would have counted it names it, so a mistyped year
    # (2034 for 2024) cannot vanish without a word. antq reads no clock: "in the future"
    # means after the period, and the same file gives the same verdict on any day.
    document = one_unit(incidents=[{"date": day, "category": "separatism"}])
    read = read_facts(document, BOOK)
    assert read.errors == ()
    verdict = evaluate(read.units[0], BOOK)
    assert verdict.outcome.code == "met"
    reasons = [r.reason.render("en") for r in verdict.results]
    named = [r for r in reasons if "outside" in r]
    assert named == [
        f"none in the period 01/11/2023 – 31/10/2024; not counted, dated outside the period: {shown}"
    ]
    assert Verdict.from_json(json.loads(json.dumps(verdict.to_json()))) == verdict


def test_an_incident_outside_the_period_is_named_by_the_criteria_of_its_category_only() -> None:
    crime = {"date": "2025-06-01", "category": "crime", "gravity": "dac_biet_nghiem_trong"}
    minor = {"date": "2025-06-01", "category": "crime", "gravity": "it_nghiem_trong"}
    for incident, expected in ((crime, 1), (minor, 0)):
        verdict = evaluate(read_facts(one_unit(incidents=[incident]), BOOK).units[0], BOOK)
        assert verdict.outcome.code == "met"
        noted = [r for r in verdict.results if "outside" in r.reason.render("en")]
        assert len(noted) == expected
        assert all("01/06/2025" in r.reason.render("vi") for r in noted)


def test_the_same_incident_inside_the_period_counts() -> None:
    document = one_unit(incidents=[{"date": "2024-10-31", "category": "separatism"}])
    verdict = evaluate(read_facts(document, BOOK).units[0], BOOK)
    assert verdict.outcome.code == "not_met"


# -- 6. an end before a start ----------------------------------------------------------------------------


def test_a_period_ending_before_it_starts_is_an_error() -> None:
    document = {"units": [{**raw_unit(RA), "period": "2024-10-31/2023-11-01"}]}
    assert only_problem(document) == (
        "units[0].period",
        "end 2023-11-01 is before start 2024-10-31",
        "2024-10-31/2023-11-01",
    )


def test_a_period_with_an_impossible_day_is_an_error() -> None:
    document = {"units": [{**raw_unit(RA), "period": "2024-02-30/2024-10-31"}]}
    assert only_problem(document)[:2] == (
        "units[0].period",
        "not a valid date (day is out of range for month)",
    )


def test_a_period_far_from_the_recognition_year_is_an_error() -> None:
    document = {"units": [{**raw_unit(RA), "period": "2019-01-01/2019-12-31"}]}
    assert [p for p, _, _ in problems(document)] == ["units[0].period"]


# -- 7. unknown codes and unknown fields ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "path", "message"),
    [
        ({"grassroots_force_grade": "xuat_sac"}, "units[0].facts.grassroots_force_grade", "unknown TaskGrade code; expected one of: hoan_thanh_xuat_sac, hoan_thanh_tot, hoan_thanh, khong_hoan_thanh"),
        ({"incidents": [{"date": "2024-03-02", "category": "Separatism"}]}, "units[0].facts.incidents[0].category", "unknown IncidentCategory code; expected one of: anti_state_activity, "),
        ({"incidents": [{"date": "2024-03-02", "category": "crime", "gravity": "serious"}]}, "units[0].facts.incidents[0].gravity", "unknown CrimeGravity code; expected one of: "),
    ],
)  # fmt: skip
def test_unknown_codes_are_errors_listing_the_codes(
    facts: dict[str, Any], path: str, message: str
) -> None:
    got_path, got_message, _ = only_problem(one_unit(**facts))
    assert got_path == path and got_message.startswith(message)


def test_an_unknown_unit_kind_is_an_error() -> None:
    document = {"units": [{"id": "X", "kind": "xa", "year": 2024}]}
    path, message, value = only_problem(document)
    assert (path, value) == ("units[0].kind", "xa")
    assert message.startswith("unknown UnitKind code; expected one of: residential_area, ")


@pytest.mark.parametrize(
    ("document", "path", "message"),
    [
        ({"units": [], "unit": []}, "unit", "unknown top-level key; allowed: antq, units, scores, awards, teams"),
        ({"antq_facts": 1, "units": [], "unit": []}, "unit", "unknown top-level key; allowed: antq_facts, units"),
        ({"units": [{**raw_unit(RA), "colour": "red"}]}, "units[0].colour", "unknown key; allowed: id, kind, year, name, commune, province, period, established, facts"),
        (one_unit(incidents=[{"date": "2024-03-02", "category": "separatism", "where": "x"}]), "units[0].facts.incidents[0].where", "unknown field; allowed: id, date, category, gravity, unit_id, description, force_majeure, timely_detected, mitigated, reported_immediately"),
        (one_unit(offences_current={"crimes": 1, "social_evils": 0, "other_violations": 0, "thefts": 1}), "units[0].facts.offences_current.thefts", "unknown field; allowed: crimes, social_evils, other_violations"),
        ({"antq_facts": 2, "units": []}, "antq_facts", "unsupported facts format; expected 1"),
    ],
)  # fmt: skip
def test_unknown_fields_are_errors_never_ignored(document: Any, path: str, message: str) -> None:
    assert [(p, m) for p, m, _ in problems(document)] == [(path, message)]


@pytest.mark.parametrize("name", ["househlds_resident", "units_total"])
def test_an_unknown_fact_is_an_error_naming_the_kind(name: str) -> None:
    # A misspelt fact, or a fact of another kind of unit (units_total is a commune's).
    path, message, value = only_problem(one_unit(**{name: 120}))
    assert (path, value) == (f"units[0].facts.{name}", 120)
    assert message.startswith("unknown fact for a ")
    assert message.endswith("residential_area; see 'antq schema'")


def test_a_boolean_format_version_is_an_error() -> None:
    assert [p for p, _, _ in problems({"antq_facts": True, "units": []})] == ["antq_facts"]


def test_an_unknown_empty_top_level_key_is_named() -> None:
    ((path, _, _),) = problems({"units": [], "": 1})
    assert path


# -- 8. duplicate unit ids --------------------------------------------------------------------------------


def test_a_duplicate_unit_is_an_error_and_the_first_is_kept() -> None:
    first, second = raw_unit(RA), raw_unit(RA, households_resident=5)
    read = read_facts({"units": [first, second]}, BOOK)
    assert [u.unit_id for u in read.units] == ["U1"]
    assert read.units[0].values["households_resident"] == 120
    (error,) = read.errors
    assert (error.path, error.value) == ("units[1].id", "U1")
    assert error.message == "duplicate unit for this kind and year (first at units[0])"


def test_the_same_id_for_another_kind_or_year_is_not_a_duplicate() -> None:
    units = [raw_unit(RA), raw_unit(COMMUNE), raw_unit(RA, year=2025)]
    read = read_facts({"units": units}, BOOK)
    assert read.errors == () and len(read.units) == 3


def test_ids_that_differ_only_in_unicode_normalisation_are_duplicates() -> None:
    nfc = "THÔN-HÒA"
    first, second = raw_unit(RA), raw_unit(RA)
    first["id"], second["id"] = nfc, unicodedata.normalize("NFD", nfc)
    assert first["id"] != second["id"]
    assert [p for p, _, _ in problems({"units": [first, second]})] == ["units[1].id"]


# -- 9. a unit under a commune that does not exist; the hierarchy ------------------------------------------


def _verdict(unit_id: str, commune: str, **changes: Any) -> Verdict:
    raw = {**raw_unit(RA, **changes), "id": unit_id, "commune": commune}
    return evaluate(read_facts({"units": [raw]}, BOOK).units[0], BOOK)


def _area(unit_id: str, commune: str | None, *, province: str = "Tỉnh A", **changes: Any) -> Any:
    raw: dict[str, Any] = {**raw_unit(RA, **changes), "id": unit_id, "province": province}
    if commune is not None:
        raw["commune"] = commune
    return raw


def _commune(unit_id: str, *, province: str = "Tỉnh A", **extra: Any) -> dict[str, Any]:
    return {
        **raw_unit(COMMUNE),
        "id": unit_id,
        "name": f"Xã {unit_id}",
        "province": province,
        **extra,
    }


def _province(*units: dict[str, Any]) -> ProvinceEvaluation:
    return evaluate_province(read_facts({"units": list(units)}, BOOK).units, BOOK)


def _commune_outcome(evaluation: ProvinceEvaluation, code: str) -> str | None:
    (result,) = [c for c in evaluation.communes if c.commune_id == code]
    return None if result.verdict is None else result.verdict.outcome.code


def _seven_of_ten(**last: Any) -> list[dict[str, Any]]:
    # 7 of 10 residential areas met is 70%, a pass; an 11th unit not met makes it 63.6%.
    units = [_area(f"M{i}", "XA-01") for i in range(7)]
    units += [_area(f"N{i}", "XA-01", households_registered=100) for i in range(3)]
    return [_commune("XA-01"), *units, _area("LAST", "XA-01", **last)]


def test_a_unit_naming_a_commune_not_in_the_input_is_an_error_and_no_commune_passes_by_it() -> None:
    # The 11th unit, not met, names "XA-O1" (letter O) for "XA-01". Counted nowhere, it
    # would leave XA-01 at 7 of 10, a pass. It is an error, and every commune of its round
    # and province that it may belong to is left UNKNOWN, with a notice saying why.
    units = _seven_of_ten(households_registered=100)
    units[-1]["commune"] = "XA-O1"
    other = _commune("XB-02", province="Tỉnh B")
    evaluation = _province(*units, other, _area("B1", "XB-02", province="Tỉnh B"))
    (error,) = evaluation.errors
    assert (error.path, error.value) == ("LAST.commune", "XA-O1")
    assert error.message == "no commune of round 2024 in the input has this code or name"
    assert _commune_outcome(evaluation, "XA-01") == "unknown"
    assert _commune_outcome(evaluation, "XB-02") == "met"  # another province is not touched
    notices = [n.render("en") for n in evaluation.notices if n.subject == "XA-01"]
    assert any("names a commune that is not in the input (XA-O1)" in n for n in notices)
    fixed = _seven_of_ten(households_registered=100)
    assert _commune_outcome(_province(*fixed), "XA-01") == "not_met"


def test_without_communes_in_the_input_units_are_grouped_by_the_commune_they_name() -> None:
    # Only residential areas: antq cannot know which communes exist, so nothing is an error.
    evaluation = _province(_area("A1", "XA-01"), _area("A2", "XA-O1"))
    assert evaluation.errors == ()
    assert {c.commune_id: c.verdict for c in evaluation.communes} == {"XA-01": None, "XA-O1": None}


def test_a_unit_whose_evaluation_fails_counts_as_unknown_in_its_commune() -> None:
    # The 11th unit's registered households exceed its residents: an error, and the unit
    # is counted as unknown (7 to 8 of 11), never dropped (7 of 10 would pass).
    evaluation = _province(*_seven_of_ten(households_registered=121))
    (error,) = evaluation.errors
    assert (error.path, error.value) == ("LAST.households_registered", 121)
    assert _commune_outcome(evaluation, "XA-01") == "unknown"
    (result,) = evaluation.communes
    assert result.counts is not None and result.counts.total == 11
    assert result.unreadable == ((RA, "LAST"),)


def test_a_cycle_in_the_hierarchy_cannot_be_written() -> None:
    # The levels are fixed by kind: a unit names its commune, a commune names no one. A
    # commune naming another commune, or a unit naming a unit that is not a commune (itself
    # included), is an error; nothing is followed, so no loop can run.
    evaluation = _province(_commune("X1", commune="X2"), _commune("X2", commune="X1"))
    assert sorted((e.path, e.value) for e in evaluation.errors) == [
        ("X1.commune", "X2"),
        ("X2.commune", "X1"),
    ]
    assert {_commune_outcome(evaluation, c) for c in ("X1", "X2")} == {"met"}
    assert _province(_commune("X1", commune="X1")).errors == ()  # naming itself is harmless
    evaluation = _province(_area("A1", "A2"), _area("A2", "A1"), _area("A3", "A3"))
    assert sorted((e.path, e.value, e.message) for e in evaluation.errors) == [
        ("A1.commune", "A2", "names a residential_area, not a commune"),
        ("A2.commune", "A1", "names a residential_area, not a commune"),
        ("A3.commune", "A3", "names a residential_area, not a commune"),
    ]


def test_a_cycle_of_administrative_units_is_refused_where_it_can_be_seen() -> None:
    # AdministrativeUnit is built in Python (no file format reads it); a unit that is its
    # own parent is refused when it is made.
    from antq.entities import AdministrativeUnit
    from antq.entities.admin_units import AdminUnitType

    with pytest.raises(InputError, match="is the unit itself"):
        AdministrativeUnit(code="X1", name="Xã Một", unit_type=AdminUnitType.XA, parent_code="X1")


def test_commune_counts_read_only_the_units_naming_the_commune() -> None:
    # The low-level roll-up (antq.safety.rollup) is given the verdicts to count; a
    # verdict naming another commune is not one of them. evaluate_province (above) is
    # what checks that every unit's commune exists.
    verdicts = [_verdict("A", "XA-01"), _verdict("B", "XA-O1", households_registered=100)]
    counts = commune_counts(verdicts, commune_id="XA-01", instrument=TT124)
    assert (counts.total, counts.counted) == (1, ("A",))


def test_rolling_up_a_commune_that_no_unit_names_is_an_error() -> None:
    with pytest.raises(InputError) as raised:
        commune_counts([_verdict("A", "XA-01")], commune_id="XA-99", instrument=TT124)
    assert (raised.value.path, raised.value.value) == ("verdicts", "XA-99")
    assert raised.value.message.startswith("no unit under this commune is in scope")


def test_a_commune_id_in_decomposed_unicode_still_counts_its_units() -> None:
    commune_id = "XÃ-HÒA"
    good = _verdict("A", commune_id)
    bad = _verdict("B", unicodedata.normalize("NFD", commune_id), households_registered=100)
    assert (good.outcome.code, bad.outcome.code) == ("met", "not_met")
    commune = {**raw_unit(COMMUNE), "id": commune_id}
    commune_facts = read_facts({"units": [commune]}, BOOK).units[0]
    rollup = evaluate_commune(commune_facts, [good, bad], BOOK)
    assert rollup.verdict.outcome.code == "not_met"


# -- 10. malformed JSON and TOML; encodings -----------------------------------------------------------------


def test_malformed_json_names_the_file_and_the_position(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.json", '{"units": [}')
    with pytest.raises(InputError) as raised:
        load_document(path)
    assert (raised.value.path, raised.value.value) == (str(path), ".json")
    assert raised.value.message == "malformed JSON: Expecting value: line 1 column 12 (char 11)"


def test_malformed_toml_names_the_file_and_the_position(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.toml", "[[units]]\nid = \n")
    with pytest.raises(InputError) as raised:
        load_document(path)
    assert (raised.value.path, raised.value.value) == (str(path), ".toml")
    assert raised.value.message == "malformed TOML: Invalid value (at line 2, column 6)"


@pytest.mark.parametrize("chunk", [1, 3, 7, 64, 65536])
def test_the_streamed_json_reader_names_the_same_place_as_the_whole_file_reader(
    tmp_path: Path, chunk: int
) -> None:
    # `antq evaluate x.json` streams the file in chunks; its line, column and byte must be
    # those of the file whatever the chunk size (the column used to restart at 1 after a
    # chunk boundary).
    from unittest import mock

    from antq.io import _json_stream

    good = json.dumps(raw_unit(RA))
    broken = write(
        tmp_path, "broken.json", f'{{"units": [\n {good}, {good.replace("U1", "U2")}, }}'
    )
    with pytest.raises(InputError) as whole:
        load_document(broken)
    assert f"line 2 column {2 * len(good) + 6} " in whole.value.message
    latin = write(
        tmp_path, "latin.json", f'{{"units": [{good}, {{"id": "Th'.encode() + b"\xf4" + b'n"}]}'
    )
    with pytest.raises(InputError) as bad_byte:
        load_document(latin)
    with mock.patch.object(_json_stream, "_CHUNK", chunk):
        *units, error = read_any(broken, BOOK)
        assert [u.unit_id for u in units] == ["U1", "U2"]  # type: ignore[union-attr]
        assert isinstance(error, InputError)
        assert (error.path, error.value) == (str(broken), f"line 2 column {2 * len(good) + 6}")
        *units, error = read_any(latin, BOOK)
        assert isinstance(error, InputError) and error.value == b"\xf4"
        assert error.message == bad_byte.value.message.replace("at byte", "at about byte")


def test_another_extension_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "facts.yaml", "units: []\n")
    with pytest.raises(InputError) as raised:
        load_document(path)
    assert (raised.value.path, raised.value.value) == (str(path), ".yaml")
    assert raised.value.message == "expected a .json or .toml file"


def test_non_utf8_bytes_name_the_byte(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.json", '{"units": [{"name": "Th\xf4n"}]}'.encode("latin-1"))
    with pytest.raises(InputError) as raised:
        load_document(path)
    assert (raised.value.path, raised.value.value) == (str(path), b"\xf4")
    assert raised.value.message == "not UTF-8 at byte 24"


@pytest.mark.parametrize("loader", ["facts", "scores", "awards", "sheet"])
def test_non_utf8_bytes_after_a_byte_order_mark_name_the_right_byte(
    tmp_path: Path, loader: str
) -> None:
    # The byte and its offset are those of the file, mark included (a decoder that drops
    # the mark first used to report the byte three places earlier).
    from antq.emulation.awards.questions import read_awards_file
    from antq.emulation.scoring import load_scores_document
    from antq.emulation.sheets import load_sheet

    load = {
        "facts": load_document,
        "scores": load_scores_document,
        "awards": read_awards_file,
        "sheet": load_sheet,
    }[loader]
    path = write(tmp_path, "latin.toml", b"\xef\xbb\xbf" + 'name = "Th\xf4n"\n'.encode("latin-1"))
    with pytest.raises(InputError) as raised:
        load(path)
    assert raised.value.value == b"\xf4"
    assert raised.value.message == "not UTF-8 at byte 14"


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_a_byte_order_mark_is_accepted(tmp_path: Path, suffix: str) -> None:
    text = '{"units": []}' if suffix == ".json" else "units = []\n"
    path = write(tmp_path, f"bom{suffix}", b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_document(path) == {"units": []}


def test_a_toml_date_time_where_a_date_is_expected_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "unit.toml",
        '[[units]]\nid = "U1"\nkind = "residential_area"\nyear = 2024\n'
        '[[units.facts.incidents]]\ndate = 2024-03-02T08:00:00\ncategory = "separatism"\n',
    )
    (error,) = read_facts(load_document(path), BOOK).errors
    assert (error.path, error.message) == (
        "units[0].facts.incidents[0].date",
        "expected a date without a time of day",
    )


@pytest.mark.parametrize("suffix", [".json", ".toml", ".jsonl", ".csv"])
def test_encodings_in_every_batch_format(tmp_path: Path, suffix: str) -> None:
    # A BOM is skipped and decomposed (NFD) names become NFC in every format. A byte that is
    # not UTF-8 is an error naming it: CSV and JSON Lines lose that line only, a streamed
    # JSON file keeps the units before it, and a TOML file (read whole) is refused whole.
    from .strategies import to_csv, to_toml

    nfd = unicodedata.normalize("NFD", "Thôn Đông Hòa")
    units = [{**raw_unit(RA), "id": f"U{n}", "name": nfd} for n in range(3)]
    document = {"antq_facts": 1, "units": units}
    text = {
        ".json": json.dumps(document, ensure_ascii=False, indent=1),
        ".toml": to_toml(document),
        ".jsonl": "".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units),
        ".csv": to_csv(document),
    }[suffix]
    data = b"\xef\xbb\xbf" + text.encode("utf-8")
    path = write(tmp_path, f"units{suffix}", data)
    read = list(read_any(path, BOOK))
    assert [(u.unit_id, u.name) for u in read] == [(f"U{n}", "Thôn Đông Hòa") for n in range(3)]  # type: ignore[union-attr]
    at = data.index(b'U1"' if suffix != ".csv" else b"U1,")
    path.write_bytes(data[:at] + b"\xff" + data[at + 1 :])
    read = list(read_any(path, BOOK))
    errors = [i for i in read if isinstance(i, InputError)]
    assert len(errors) == 1 and errors[0].value == b"\xff"
    assert "not UTF-8" in errors[0].message
    kept = [i.unit_id for i in read if not isinstance(i, InputError)]
    assert (
        kept == {".json": ["U0"], ".toml": [], ".jsonl": ["U0", "U2"], ".csv": ["U0", "U2"]}[suffix]
    )


# -- 11. decomposed (NFD) Vietnamese text ---------------------------------------------------------------------


def test_decomposed_text_in_names_and_ids_is_normalised() -> None:
    name = unicodedata.normalize("NFD", "Thôn Đông Hòa")
    composed = unicodedata.normalize("NFC", name)
    document = {"units": [{**raw_unit(RA), "id": name, "name": name, "commune": name}]}
    read = read_facts(document, BOOK)
    assert read.errors == ()
    (unit,) = read.units
    assert (unit.unit_id, unit.name, unit.commune) == (composed, composed, composed)
    assert evaluate(unit, BOOK).explain("vi").startswith(composed)


def test_decomposed_codes_are_unknown_codes() -> None:
    code = unicodedata.normalize("NFD", "hoàn_thành")
    path, message, _ = only_problem(one_unit(grassroots_force_grade=code))
    assert path == "units[0].facts.grassroots_force_grade"
    assert message.startswith("unknown TaskGrade code")


# -- 12. very large numbers -------------------------------------------------------------------------------------


def test_very_large_counts_are_refused() -> None:
    huge = 10**30
    document = one_unit(households_resident=huge, households_registered=huge)
    assert [p for p, _, _ in problems(document)] == ["units[0].facts.households_resident"]
    with pytest.raises(InputError, match="larger than any real count"):
        evaluate(facts_of(RA, households_resident=huge, households_registered=huge), BOOK)


def test_large_counts_within_the_limit_are_exact() -> None:
    big = 10**12
    verdict = evaluate(facts_of(RA, households_resident=big, households_registered=big), BOOK)
    assert verdict.outcome.code == "met"
    short = evaluate(facts_of(RA, households_resident=big, households_registered=big - 1), BOOK)
    assert short.outcome.code == "not_met"
    assert "1 more needed" in "\n".join(r.reason.render("en") for r in short.results)
    assert Verdict.from_json(json.loads(json.dumps(short.to_json()))) == short


BIG = "9" * 5000  # more digits than Python converts to or from text by default (4300)


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_an_integer_too_long_to_read_is_an_input_error(tmp_path: Path, suffix: str) -> None:
    text = f'{{"units": [], "n": {BIG}}}' if suffix == ".json" else f"n = {BIG}\n"
    path = write(tmp_path, f"big{suffix}", text)
    with pytest.raises(InputError) as raised:
        load_document(path)
    assert raised.value.path == str(path)


def test_a_year_too_long_to_print_is_reported() -> None:
    document = {"units": [{"id": "X", "kind": "commune", "year": -(10**5000)}]}
    assert [p for p, _, _ in problems(document)] == ["units[0].year"]


def test_a_count_too_long_to_print_is_refused_or_printed() -> None:
    huge = 10**5000
    read = read_facts(one_unit(households_resident=huge, households_registered=huge), BOOK)
    for unit in read.units:
        verdict = evaluate(unit, BOOK)
        verdict.explain("en")
        json.dumps(verdict.to_json())


def test_parse_number_of_too_many_digits_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse_number(BIG)


# -- 13. very large files and deep nesting -----------------------------------------------------------------------


def test_a_file_larger_than_the_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facts_io, "MAX_DOCUMENT_BYTES", 16)
    at_limit = write(tmp_path, "ok.json", '{"units":    []}')
    assert at_limit.stat().st_size == 16
    assert load_document(at_limit) == {"units": []}
    over = write(tmp_path, "big.json", '{"units":     []}')
    with pytest.raises(InputError) as raised:
        load_document(over)
    assert (raised.value.path, raised.value.value) == (str(over), 17)
    assert raised.value.message == "file larger than 16 bytes; split it"
    with pytest.raises(InputError, match="file larger than 16 bytes"):
        read_facts_file(over, BOOK)


def test_the_default_size_limit_is_256_mib() -> None:
    assert facts_io.MAX_DOCUMENT_BYTES == 256 * 1024 * 1024


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_deep_nesting_is_an_input_error(tmp_path: Path, suffix: str) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    text = f'{{"units": {nested}}}' if suffix == ".json" else f"units = {nested}\n"
    path = write(tmp_path, f"deep{suffix}", text)
    with pytest.raises(InputError) as raised:
        load_document(path)
    assert raised.value.path == str(path)


def test_a_line_longer_than_the_limit_is_a_row_error_and_the_other_rows_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # CSV and JSON Lines are read a line at a time; one line over MAX_LINE_BYTES is
    # skipped unread (so a broken file cannot fill the memory) and reported with its size.
    from antq.io import _lines, batch

    monkeypatch.setattr(_lines, "MAX_LINE_BYTES", 200)
    unit = json.dumps({"id": "A", "kind": "commune", "year": 2024})
    long_line = json.dumps({"id": "B" * 300, "kind": "commune", "year": 2024})
    data = f"{unit}\n{long_line}\n{unit.replace('A', 'C')}\n".encode()
    items = list(batch.read_jsonl(io.BytesIO(data), BOOK))
    assert [getattr(i, "unit_id", None) for i in items] == ["A", None, "C"]
    assert (
        str(items[1])
        == f"line 2: the line is longer than 200 bytes; it is skipped (got {len(long_line) + 1})"
    )
    rows = f"id,kind,year,name\nA,commune,2024,\nB,commune,2024,{'x' * 300}\nC,commune,2024,\n"
    items = list(batch.read_csv(io.BytesIO(rows.encode()), BOOK))
    assert [getattr(i, "unit_id", None) for i in items] == ["A", None, "C"]
    assert isinstance(items[1], InputError) and items[1].path == "line 3"


def test_the_default_line_limit_is_16_mib() -> None:
    from antq.io import batch

    assert batch.MAX_LINE_BYTES == batch.MAX_ITEM_CHARS == 16 * 1024 * 1024


def test_a_json_unit_larger_than_the_limit_stops_the_streamed_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from antq.io import _json_stream, batch

    monkeypatch.setattr(_json_stream, "MAX_ITEM_CHARS", 1000)
    monkeypatch.setattr(_json_stream, "_CHUNK", 100)
    good = raw_unit(RA)
    document = {"units": [good, {**good, "id": "BIG", "name": "x" * 5000}, {**good, "id": "U3"}]}
    items = list(batch.read_json(io.BytesIO(json.dumps(document).encode()), BOOK))
    assert [type(i).__name__ for i in items] == ["UnitFacts", "SourceReadError"]
    assert isinstance(items[1], InputError)
    assert items[1].message == "malformed JSON: a value longer than 1000 characters"


@pytest.mark.parametrize(
    ("option", "name", "data", "message"),
    [
        ("--targets", "t.json", b"\xff[]", "not UTF-8 at byte 1"),
        ("--targets", "t.json", b"[" * 100_000, "malformed JSON: nested too deeply"),
        ("--targets", "t.json", b"[" + b"9" * 5000 + b"]", "malformed JSON: a whole number with too many digits"),
        ("--indicators", "i.json", b"\xff[]", "not UTF-8 at byte 1"),
        ("--indicators", "i.json", b"[" * 100_000, "malformed JSON: nested too deeply"),
        ("--indicators", "i.csv", b"indicator,unit,period,numerator\nx,\"" + b"a" * 200_000 + b"\",y,1\n", "malformed CSV: field larger than field limit"),
    ],
)  # fmt: skip
def test_the_report_side_files_are_read_like_facts_files(
    tmp_path: Path, option: str, name: str, data: bytes, message: str
) -> None:
    # --targets and --indicators files: bad bytes, deep nesting, huge numbers and
    # over-long CSV cells are errors naming the file, never a traceback.
    from antq.cli.report import main as run_report

    example = Path(__file__).resolve().parents[2] / "examples" / "commune-2025.json"
    path = write(tmp_path, name, data)
    err = io.StringIO()
    code = run_report([str(example), option, str(path)], out=io.StringIO(), err=err)
    assert code == EXIT_INPUT
    assert f"antq: {path}" in err.getvalue() and message in err.getvalue()


@pytest.mark.parametrize(
    "loader", ["facts", "scores", "awards", "toml-batch", "indicators", "targets", "sheet"]
)
def test_every_whole_file_loader_refuses_a_file_over_its_limit_before_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: str
) -> None:
    # Files read whole are refused by size first (a scoring sheet or override by its own,
    # smaller limit); the streamed readers (JSON, JSON Lines, CSV) limit a unit or a line.
    from antq.cli.report import main as run_report
    from antq.emulation import sheets
    from antq.emulation.awards.questions import read_awards_file
    from antq.emulation.scoring import load_scores_document
    from antq.emulation.sheets import _reader as sheet_files
    from antq.io.batch import read_toml
    from antq.report.indicators import read_observations

    monkeypatch.setattr(facts_io, "MAX_DOCUMENT_BYTES", 16)
    # The limit is read where sheet files are read, not where the package re-exports it.
    monkeypatch.setattr(sheet_files, "MAX_SHEET_BYTES", 16)
    path = write(tmp_path, "big.json" if loader != "sheet" else "big.toml", "[" + " " * 30 + "]")

    def problem() -> InputError:
        if loader == "targets":
            example = Path(__file__).resolve().parents[2] / "examples" / "commune-2025.json"
            err = io.StringIO()
            args = [str(example), "--targets", str(path)]
            assert run_report(args, out=io.StringIO(), err=err) == EXIT_INPUT
            return InputError(str(path), 32, err.getvalue().split(f"{path}: ")[1].split(" (got")[0])
        found: object
        if loader in ("toml-batch", "indicators"):
            read = read_toml if loader == "toml-batch" else read_observations
            (found,) = read(path)  # type: ignore[operator]
            assert isinstance(found, InputError)
            return found
        load = {
            "facts": load_document,
            "scores": load_scores_document,
            "awards": read_awards_file,
            "sheet": sheets.load_sheet,
        }[loader]
        with pytest.raises(InputError) as raised:
            load(path)
        return raised.value

    error = problem()
    assert error.value == 32
    assert "16 bytes" in error.message


# -- 14. booleans as counts, strings as booleans --------------------------------------------------------------------


@pytest.mark.parametrize("value", [True, False])
def test_a_boolean_is_not_a_count(value: bool) -> None:
    assert only_problem(one_unit(households_resident=value)) == (
        "units[0].facts.households_resident",
        "expected a whole number >= 0",
        value,
    )


@pytest.mark.parametrize("value", ["true", "false", "yes", "có", 1, 0])
def test_a_string_or_number_is_not_a_boolean(value: object) -> None:
    assert only_problem(one_unit(registered_q1=value)) == (
        "units[0].facts.registered_q1",
        "expected true or false",
        value,
    )


def test_an_incident_flag_must_be_a_boolean_or_null() -> None:
    incident = {"date": "2024-03-02", "category": "separatism", "force_majeure": "yes"}
    assert only_problem(one_unit(incidents=[incident])) == (
        "units[0].facts.incidents[0].force_majeure",
        "expected true, false or null (not assessed)",
        "yes",
    )


def test_unit_facts_built_in_python_are_checked_like_loaded_ones() -> None:
    with pytest.raises(InputError):
        evaluate(facts_of(RA).with_values(registered_q1="false"), BOOK)


# -- 15. null values ------------------------------------------------------------------------------------------------


def test_null_is_the_same_as_absent() -> None:
    verdict = evaluate(read_facts(one_unit(households_resident=None), BOOK).units[0], BOOK)
    assert verdict.outcome.code == "unknown"
    assert verdict.missing_inputs == ("households_resident",)
    absent = copy.deepcopy(one_unit())
    del absent["units"][0]["facts"]["households_resident"]
    assert (
        read_facts(absent, BOOK).units == read_facts(one_unit(households_resident=None), BOOK).units
    )


def test_null_names_and_flags_are_unknown_but_a_null_id_or_facts_is_an_error() -> None:
    named = {**raw_unit(RA), "name": None, "commune": None, "province": None, "period": None}
    assert read_facts({"units": [named]}, BOOK).errors == ()
    crime = {"date": "2024-03-02", "category": "crime", "gravity": "nghiem_trong"}
    unassessed = one_unit(incidents=[{**crime, "force_majeure": None}])
    verdict = evaluate(read_facts(unassessed, BOOK).units[0], BOOK)
    assert verdict.outcome.code == "unknown"
    assert verdict.missing_inputs == ("incidents[2024-03-02].exception_flags",)
    assert problems({"units": [{**raw_unit(RA), "id": None}]})[0][:2] == (
        "units[0].id",
        "expected a non-empty string",
    )
    assert problems({"units": [{**raw_unit(RA), "facts": None}]})[0][:2] == (
        "units[0].facts",
        "expected an object of facts",
    )


# -- 16. text that is not Unicode, duplicate JSON keys ---------------------------------------------------------------


def test_a_lone_surrogate_in_an_id_is_an_error() -> None:
    document = json.loads('{"units": [{"id": "\\ud800", "kind": "commune", "year": 2024}]}')
    assert [p for p, _, _ in problems(document)] == ["units[0].id"]


def test_the_cli_does_not_crash_on_a_lone_surrogate(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "surrogate.json",
        '{"units": [{"id": "\\ud800", "kind": "residential_area", "year": 2024}]}',
    )
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    code = main(["evaluate", str(path), "--format", "json"], out=out, err=io.StringIO())
    assert code == EXIT_INPUT


def test_a_duplicate_json_key_is_an_error(tmp_path: Path) -> None:
    text = json.dumps(one_unit()).replace(
        '"households_resident": 120', '"households_resident": 5, "households_resident": 120'
    )
    path = write(tmp_path, "dup.json", text)
    assert text.count('"households_resident"') == 2
    with pytest.raises((InputError, InputErrors)):
        read_facts(load_document(path), BOOK).raise_errors()


# -- 17. verdict JSON read back ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["{zzz}", "{0}", "{", "{part.__class__}", "{part:>9}"])
def test_a_verdict_template_with_foreign_fields_is_refused(template: str) -> None:
    data = evaluate(facts_of(RA, households_registered=100), BOOK).to_json()
    data["results"][2]["reason"]["template"] = {"vi": template, "en": template}
    with pytest.raises(InputError):
        Verdict.from_json(data)


# -- 18. the command line keeps every good unit ---------------------------------------------------------------------------


def test_the_cli_reports_each_bad_unit_and_evaluates_every_good_one(tmp_path: Path) -> None:
    good = [{**raw_unit(RA), "id": f"GOOD-{n}"} for n in range(3)]
    bad: list[dict[str, Any]] = [
        {**raw_unit(RA, households_resident="120"), "id": "BAD-type"},
        {**raw_unit(RA, households_resident=-1), "id": "BAD-negative"},
        {**raw_unit(RA, households_registered=121), "id": "BAD-ratio"},
        {**raw_unit(RA, househlds_resident=1), "id": "BAD-name"},
        {**raw_unit(RA), "id": "GOOD-0"},
    ]
    document = {"units": [good[0], bad[0], good[1], bad[1], bad[2], bad[3], good[2], bad[4]]}
    path = write(tmp_path, "mixed.json", json.dumps(document))
    code, out, err = run_cli("evaluate", str(path), "--format", "json", "--lang", "en")
    assert code == EXIT_INPUT
    payload = json.loads(out)
    assert [v["unit"] for v in payload["verdicts"]] == ["GOOD-0", "GOOD-1", "GOOD-2"]
    assert {v["outcome"] for v in payload["verdicts"]} == {"met"}
    # Read errors and evaluation errors may come in either order; each is there once.
    assert sorted(e["path"] for e in payload["errors"]) == [
        "BAD-ratio.households_registered",
        "units[1].facts.households_resident",
        "units[3].facts.households_resident",
        "units[5].facts.househlds_resident",
        "units[7].id",
    ]
    assert len(err.strip().splitlines()) == 5


def test_raise_errors_raises_them_together() -> None:
    read = read_facts({"units": [raw_unit(RA, households_resident=-1), [], raw_unit(COMMUNE)]})
    assert len(read.units) == 1
    with pytest.raises(InputErrors) as raised:
        read.raise_errors()
    assert [e.path for e in raised.value.errors] == [
        "units[0].facts.households_resident",
        "units[1]",
    ]
    assert str(raised.value).startswith("2 input error(s):\n  - units[0].facts.households_resident")


def test_a_baseline_unit_is_met() -> None:
    # The rows above change one thing each; this is the unit they start from.
    raw = {"id": "U1", "kind": RA.code, "year": 2024, "facts": baseline(RA, TT124)}
    assert evaluate(read_facts({"units": [raw]}, BOOK).units[0], BOOK).outcome.code == "met"


# -- 18b. every case, in every file format, through every command ----------------------------------------

#: A bad unit for each unit-level case of the catalogue: (label, how, what the error shows).
#: Values are ones every format can carry ("many" stays text even in a CSV cell).
BAD_UNITS: list[tuple[str, dict[str, Any], str]] = [
    ("wrong-type", {"facts": {"households_resident": "many"}}, "'many'"),
    ("negative", {"facts": {"households_resident": -3}}, "-3"),
    ("part-over-total", {"facts": {"households_registered": 121}}, "121"),
    ("zero-total", {"facts": {"households_resident": 0, "households_registered": 0}}, "must be > 0"),
    ("end-before-start", {"period": "2024-10-31/2023-11-01"}, "'2024-10-31/2023-11-01'"),
    ("unknown-code", {"facts": {"grassroots_force_grade": "xuat_sac"}}, "'xuat_sac'"),
    ("unknown-fact", {"facts": {"househlds_resident": 120}}, "househlds_resident"),
    ("huge", {"facts": {"households_resident": 10**30}}, "1000000000000000000000000000000"),
    ("duplicate", {"id": "GOOD-0"}, "'GOOD-0'"),
]  # fmt: skip


def _mixed_document() -> tuple[dict[str, Any], list[str]]:
    """Good units (ids GOOD-n) between bad ones (ids BAD-label), in one document."""
    units: list[dict[str, Any]] = []
    good: list[str] = []
    for index, (label, how, _) in enumerate(BAD_UNITS):
        good_unit = {**raw_unit(RA), "id": f"GOOD-{index}", "commune": "XA-01"}
        units.append(good_unit)
        good.append(good_unit["id"])
        bad = {**raw_unit(RA), "id": f"BAD-{label}", "commune": "XA-01"}
        bad["facts"] = {**bad["facts"], **how.get("facts", {})}
        bad.update({k: v for k, v in how.items() if k != "facts"})
        units.append(bad)
    return {"antq": 2, "units": units}, good


def _as(document: dict[str, Any], suffix: str) -> str:
    from .strategies import to_csv, to_toml

    if suffix == ".json":
        return json.dumps(document, ensure_ascii=False)
    if suffix == ".jsonl":
        return "\n".join(json.dumps(u, ensure_ascii=False) for u in document["units"]) + "\n"
    if suffix == ".csv":
        return to_csv(document)
    return to_toml(document)


@pytest.mark.parametrize("suffix", [".json", ".toml", ".jsonl", ".csv"])
def test_every_bad_unit_in_every_format_and_command_is_named_and_every_good_unit_goes_on(
    tmp_path: Path, suffix: str
) -> None:
    # The catalogue's unit-level cases side by side with good units, written as JSON
    # (streamed), TOML, JSON Lines and CSV, through `antq evaluate` (whole and streamed
    # output) and `antq report`: exit status 3, each bad value named in an error, every good
    # unit MET, and no bad unit given a verdict (the report counts one that fails in its
    # checks as UNKNOWN, never as met).
    document, good = _mixed_document()
    path = write(tmp_path, f"mixed{suffix}", _as(document, suffix))

    code, out, err = run_cli("evaluate", str(path), "--format", "json", "--lang", "en")
    assert code == EXIT_INPUT
    payload = json.loads(out)
    assert {v["unit"]: v["outcome"] for v in payload["verdicts"]} == dict.fromkeys(good, "met")
    shown_errors = err.splitlines()
    assert len(shown_errors) == len(payload["errors"]) >= len(BAD_UNITS)
    for label, _, value in BAD_UNITS:
        assert any(value in line for line in shown_errors), (label, shown_errors)

    code, out, err = run_cli("evaluate", str(path), "--format", "csv")
    assert code == EXIT_INPUT
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["id"]: r["outcome"] for r in rows} == dict.fromkeys(good, "met")
    assert sorted(err.splitlines()) == sorted(shown_errors)

    code, out, err = run_cli("report", str(path), "--format", "json", "--lang", "en")
    assert code == EXIT_INPUT
    assert sorted(err.splitlines()) == sorted(shown_errors)
    evaluation = evaluate_province(read_any(path, BOOK), BOOK)
    outcomes = {u.verdict.unit_id: (u.verdict.outcome.code, u.unreadable) for u in evaluation.units}
    for unit_id, (outcome, unreadable) in outcomes.items():
        if unit_id.startswith("GOOD-"):
            assert (outcome, unreadable) == ("met", False)
        else:
            assert (outcome, unreadable) == ("unknown", True), unit_id
    (commune,) = evaluation.communes
    assert commune.verdict is None  # no commune in the input: grouped, no roll-up verdict


# -- 19. mistakes through the Python API and the command line -----------------------------------------------
# Programming mistakes rather than bad files; each is refused with antq's own error
# (or, for formatting helpers given a float or a string, a TypeError as documented).


def test_cli_parameter_without_a_name_or_value() -> None:
    for pair in ("=3", "offence_comparison"):
        code, _, err = run_cli("evaluate", "unused.json", "--param", pair)
        assert code == EXIT_INPUT
        assert err == f"antq: --param: expected NAME=VALUE (got {pair!r})\n"


def test_cli_parameter_for_a_pinned_rule_set(tmp_path: Path) -> None:
    path = write(tmp_path, "unit.json", json.dumps(one_unit()))
    pinned = ("--rule-set", "tt124.residential-area")
    code, out, _ = run_cli(
        "evaluate",
        str(path),
        *pinned,
        "--param",
        "offence_comparison=not_increased",
        "--lang",
        "en",
    )
    assert code == 0 and "read as: no increase of the total" in out
    code, _, err = run_cli("evaluate", str(path), *pinned, "--param", "offence_comparison=maybe")
    assert code == EXIT_INPUT
    assert err.startswith(
        "antq: tt124.residential-area.parameters.offence_comparison: expected one"
    )


def test_cli_a_closed_pipe_is_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

    # _silence_stdout redirects the real stdout; here stdout is not a file, so it must not.
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert main(["schema"], out=ClosedPipe(), err=io.StringIO()) == 0


def test_api_evaluate_many_goes_through_the_round_and_raises_the_first_error() -> None:
    from antq import evaluate_many

    good, bad = facts_of(RA), facts_of(RA, households_registered=121)
    bad = attrs.evolve(bad, unit_id="U2")
    with pytest.warns(DeprecationWarning, match="evaluate_round"):
        assert [v.outcome.code for v in evaluate_many([good])] == ["met"]
    with (
        pytest.warns(DeprecationWarning, match="evaluate_round"),
        pytest.raises(InputError, match="households"),
    ):
        evaluate_many([good, bad])


def test_api_definitions_that_contradict_themselves() -> None:
    import attrs

    from antq.core.criterion import Parameter
    from antq.core.ruleset import RuleBook
    from antq.errors import DefinitionError
    from antq.i18n.catalog import Msg
    from antq.law.confirmation import Confirmation
    from antq.safety.tt124_2021 import article_4_residential_area as residential_area

    label = Msg("x")
    with pytest.raises(DefinitionError, match="is confirmed but has no value"):
        Parameter(name="p", label=label, default=None, confirmation=Confirmation.CONFIRMED)
    with pytest.raises(DefinitionError, match="default not among its choices"):
        Parameter(
            name="p", label=label, default="c", choices=("a",), confirmation=Confirmation.CONFIRMED
        )
    first = residential_area.CRITERIA[0]
    with pytest.raises(DefinitionError, match="declares an input twice"):
        attrs.evolve(first, inputs=first.inputs * 2)
    with pytest.raises(DefinitionError, match="has gate inputs but no gate"):
        attrs.evolve(first, gate_inputs=first.inputs[:1], inputs=())
    rule_set = residential_area.RULE_SET
    with pytest.raises(DefinitionError, match="ends before it starts"):
        attrs.evolve(rule_set, valid_to=date(2020, 1, 1))
    offences = next(c for c in rule_set.criteria if c.parameters)
    changed = attrs.evolve(offences.parameters[0], default="not_increased")
    twin = attrs.evolve(offences, id="tt124.residential-area.twin", parameters=(changed,))
    with pytest.raises(DefinitionError, match="is defined twice differently"):
        rule_set.extended(id="x", criteria=[twin]).parameters()
    with pytest.raises(DefinitionError, match="repeats rule set ids"):
        RuleBook((rule_set, rule_set))


def test_api_a_gate_may_only_answer_unknown() -> None:
    import attrs

    from antq.core.outcome import Outcome
    from antq.errors import DefinitionError
    from antq.safety.tt124_2021 import article_6_organisations as organisations

    gated = next(c for c in organisations.AGENCY.criteria if c.applies_when is not None)
    bad = attrs.evolve(gated, applies_when=lambda context: Outcome.MET)
    rule_set = attrs.evolve(
        organisations.AGENCY,
        criteria=tuple(bad if c is gated else c for c in organisations.AGENCY.criteria),
    )
    with pytest.raises(DefinitionError, match="only unknown is allowed"):
        evaluate(facts_of(AGENCY), rule_set)


def test_api_values_and_results_of_the_wrong_shape() -> None:
    from antq.core.inputs import day
    from antq.core.reasons import Percent, Reason
    from antq.i18n.catalog import Msg, Text

    with pytest.raises(InputError, match="must be > 0"):
        Percent(numerator=1, denominator=0)
    reason = Reason(template=Text(vi="{flag}", en="{flag}"), params={"flag": True})
    assert (reason.render("vi"), reason.render("en")) == ("có", "yes")
    template = {"msgid": "{d}"}
    with pytest.raises(InputError, match="not a valid date"):
        Reason.from_json({"template": template, "params": {"d": {"date": "2024-02-30"}}})
    deadline = day("deadline", Msg("deadline"))
    assert deadline.read("2024-02-29", path="p") == date(2024, 2, 29)
    with pytest.raises(InputError, match="not a valid date"):
        deadline.read("2024-13-01", path="p")
    with pytest.raises(InputError, match="expected a calendar date written YYYY-MM-DD"):
        deadline.read("20240229", path="p")
    data = evaluate(facts_of(RA), BOOK).to_json()
    data["results"] = {}
    with pytest.raises(InputError, match="expected a list"):
        Verdict.from_json(data)
    unit = facts_of(RA)
    assert unit.has(next(iter(BOOK.get("tt124.residential-area").inputs())))


def test_api_citations_periods_and_vocabularies_of_the_wrong_type() -> None:
    import attrs

    from antq.core.periods import Period
    from antq.errors import CitationError, DefinitionError
    from antq.law import Citation, get_instrument
    from antq.vocabulary import vocabulary_member

    with pytest.raises(CitationError, match="instrument must be a string number"):
        Citation(instrument=124)  # type: ignore[arg-type]
    with pytest.raises(CitationError, match="instrument number must be a string"):
        get_instrument(124)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="must be a string"):
        Citation.parse(124)  # type: ignore[arg-type]
    assert Citation(instrument="124/2021/TT-BCA").verified
    law = get_instrument("124/2021/TT-BCA")
    with pytest.raises(DefinitionError, match="must map to an ArticleShape"):
        attrs.evolve(law, articles={1: "Điều 1"})
    with pytest.raises(DefinitionError, match="lists a field twice"):
        attrs.evolve(law, unconfirmed=("signed", "signed"))
    assert law.title("en").startswith("Residential areas") and law.title("vi")
    with pytest.raises(InputError, match="expected a Period"):
        Period.span(Period.year(2020), "2021")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected a vocabulary name"):
        vocabulary_member(5, "x", path="p")


def test_api_schema_for_an_explicit_rule_book() -> None:
    from antq.io.schema import facts_schema

    assert facts_schema(BOOK) == facts_schema()


def test_formatting_refuses_floats_and_impossible_years() -> None:
    from fractions import Fraction

    from antq.i18n import formatting

    with pytest.raises(TypeError):
        formatting.format_number(1, decimals=1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        formatting.format_date("2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        formatting.format_datetime(date(2024, 1, 1))  # type: ignore[arg-type]
    assert formatting.format_number(Fraction(1, 5)) == "0,2"
    with pytest.raises(InputError, match="year 0000 is out of range"):
        formatting.parse_date("03/09/0000")


_DIGITS = "9" * 5000  # more than the 4,300 digits Python converts to an integer
_UNIT = '"id": "K", "kind": "residential_area", "year": 2025'


@pytest.mark.parametrize(
    ("name", "text", "shown"),
    [
        ("year.csv", f"id,kind,year\nK,residential_area,{_DIGITS}\n", "line 2.year"),
        (
            "count.csv",
            f"id,kind,year,households_resident\nK,residential_area,2025,{_DIGITS}\n",
            "line 2.facts.households_resident",
        ),
        (
            "cell.csv",
            f'id,kind,year,offences_current\nK,residential_area,2025,"{{""crimes"": {_DIGITS}}}"\n',
            "a whole number with too many digits",
        ),
        ("line.jsonl", f'{{{_UNIT}, "facts": {{"households_resident": {_DIGITS}}}}}\n', "line 1"),
        ("doc.json", f'{{"antq": 2, "units": [{{{_UNIT[:-4]}{_DIGITS}}}]}}', "too many digits"),
        ("doc.toml", f'antq = 2\n[[units]]\nid = "K"\nyear = {_DIGITS}\n', "too many digits"),
    ],
)
def test_a_number_too_long_to_convert_is_an_error_not_a_traceback(
    tmp_path: Path, name: str, text: str, shown: str
) -> None:
    path = write(tmp_path, name, text)
    err = io.StringIO()
    code = main(["evaluate", str(path), "--lang", "en"], out=io.StringIO(), err=err)
    assert code == EXIT_INPUT
    assert shown in err.getvalue()
    assert "Traceback" not in err.getvalue() and "set_int_max_str_digits" not in err.getvalue()
