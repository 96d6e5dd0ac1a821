"""The worked examples of the specification, as data cases (tests/cases/*.toml), and antq.testing.

Every case of every file under tests/cases is one test: its units are decided as a round
and each expected outcome, criterion outcome, reason and missing input is checked.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from antq.core.outcome import Outcome
from antq.errors import InputError
from antq.testing import Case, Expected, cases_from_data, load_cases, run_case, run_cases

CASES = Path(__file__).resolve().parent / "cases"
ALL = [
    pytest.param(case, id=f"{path.stem}:{case.name}")
    for path in sorted(CASES.glob("*.toml"))
    for case in load_cases(path)
]


@pytest.mark.parametrize("case", ALL)
def test_worked_example(case: Case) -> None:
    result = run_case(case)
    assert result.passed, result.report()


def test_the_worked_examples_cover_every_vector_of_section_7() -> None:
    names = " ".join(param.values[0].name for param in ALL)  # type: ignore[union-attr]
    for vector in ("vector 1", "vector 2", "vector 3", "vector 4"):
        assert vector in names


# -- what a failing case says ---------------------------------------------------------------

UNIT = {"kind": "residential_area", "id": "KDC-1", "year": 2024, "facts": {}}
BLANK = Case(name="blank", units=(UNIT,), expect={"KDC-1": Expected(outcome=Outcome.UNKNOWN)})


def test_a_case_that_holds_passes_and_keeps_the_verdicts() -> None:
    result = run_case(BLANK)
    assert result.passed and result.report() == "blank"
    assert result.verdicts["KDC-1"].outcome is Outcome.UNKNOWN


def test_a_wrong_outcome_names_the_unit_and_the_criteria_that_decided_it() -> None:
    (line,) = run_case(
        attrs.evolve(BLANK, expect={"KDC-1": Expected(outcome=Outcome.MET)})
    ).differences
    assert line.startswith("KDC-1: outcome unknown, expected met; because ")
    assert "tt124.residential-area.households-registered: unknown" in line


def test_a_wrong_criterion_outcome_reason_or_missing_input_is_each_named() -> None:
    expected = Expected(
        criteria={"households-registered": Outcome.MET, "no-such-criterion": Outcome.MET},
        reasons={"tt124.residential-area.households-registered": "120/120"},
        missing=("households_registered",),
    )
    lines = run_case(attrs.evolve(BLANK, expect={"KDC-1": expected})).differences
    assert len(lines) == 4
    assert lines[0].startswith(
        "KDC-1: tt124.residential-area.households-registered unknown, expected met ("
    )
    assert lines[1] == "KDC-1: no criterion 'no-such-criterion' in rule set tt124.residential-area"
    assert "expected '120/120' in it" in lines[2]
    assert (
        lines[3].startswith("KDC-1: missing inputs [")
        and "expected ['households_registered']" in lines[3]
    )


def test_a_unit_the_case_does_not_hold_is_a_difference() -> None:
    (line,) = run_case(attrs.evolve(BLANK, expect={"KDC-9": Expected()})).differences
    assert line == "KDC-9: no verdict (no unit of the case has this id)"


def test_input_errors_fail_a_case_unless_it_expects_them() -> None:
    bad = {**UNIT, "facts": {"households_registered": -1}}
    case = attrs.evolve(BLANK, units=(bad,), expect={})
    (line,) = run_case(case).differences
    assert line.startswith("input error: ") and "households_registered" in line
    assert run_case(attrs.evolve(case, errors=("households_registered",))).passed
    (line,) = run_case(attrs.evolve(case, errors=("no such text",))).differences
    assert line.startswith("no input error contains 'no such text'")


# -- reading case files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "path", "value"),
    [
        ({"case": []}, "f.toml:antq_cases", None),
        ({"antq_cases": 2, "case": []}, "f.toml:antq_cases", 2),
        ({"antq_cases": 1}, "f.toml:case", None),
        ({"antq_cases": 1, "case": [{"units": [UNIT], "expect": {}}]}, "f.toml:case[0].name", None),
        (
            {"antq_cases": 1, "case": [{"name": "x", "units": [], "expect": {}}]},
            "f.toml:case[0].units",
            [],
        ),
        (
            {"antq_cases": 1, "case": [{"name": "x", "units": [UNIT]}]},
            "f.toml:case[0].expect",
            None,
        ),
        (
            {
                "antq_cases": 1,
                "case": [
                    {"name": "x", "units": [UNIT], "expect": {"KDC-1": {"outcome": "passed"}}}
                ],
            },
            "f.toml:case[0].expect.KDC-1.outcome",
            "passed",
        ),
        (
            {
                "antq_cases": 1,
                "case": [{"name": "x", "units": [UNIT], "expect": {"KDC-1": {"verdict": "met"}}}],
            },
            "f.toml:case[0].expect.KDC-1.verdict",
            "verdict",
        ),
        (
            {
                "antq_cases": 1,
                "case": [{"name": "x", "units": [{**UNIT, "unset": "a"}], "expect": {}}],
            },
            "f.toml:case[0].units[0].unset",
            "a",
        ),
        ({"antq_cases": 1, "defaults": {"commune": 3}, "case": []}, "f.toml:defaults.commune", 3),
    ],
)
def test_a_malformed_case_file_names_the_file_the_key_and_the_value(
    document: object, path: str, value: object
) -> None:
    with pytest.raises(InputError) as raised:
        cases_from_data(document, "f.toml")
    assert raised.value.path == path
    assert raised.value.value == value


def test_defaults_are_copied_under_each_unit_and_unset_removes_one() -> None:
    document = {
        "antq_cases": 1,
        "defaults": {"residential_area": {"households_resident": 120, "incidents": []}},
        "case": [
            {
                "name": "x",
                "units": [
                    {**UNIT, "facts": {"households_registered": 119}},
                    {**UNIT, "id": "KDC-2", "unset": ["incidents"]},
                ],
                "expect": {},
            }
        ],
    }
    (case,) = cases_from_data(document)
    assert case.units[0]["facts"] == {
        "households_resident": 120,
        "incidents": [],
        "households_registered": 119,
    }
    assert case.units[1]["facts"] == {"households_resident": 120}
    assert case.units[0]["facts"]["incidents"] is not case.units[1]["facts"].get("incidents")


def test_run_cases_reads_every_file_of_a_directory() -> None:
    results = run_cases([CASES])
    assert len(results) == len(ALL) and all(r.passed for r in results)


# -- the pytest plugin ----------------------------------------------------------------------


def test_pytest_collects_case_files_and_prints_what_differed(tmp_path: Path) -> None:
    good = (CASES / "tt124_2021_vectors.toml").read_text(encoding="utf-8")
    (tmp_path / "test_vectors.toml").write_text(good, encoding="utf-8")
    wrong = good.replace(
        'outcome = "met"\ncriteria = { no-serious-crime',
        'outcome = "not_met"\ncriteria = { no-serious-crime',
        1,
    )
    assert wrong != good
    (tmp_path / "test_wrong.toml").write_text(wrong, encoding="utf-8")
    (tmp_path / "test_other.toml").write_text("title = 'not a case file'\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "antq.pytest_plugin",
            "-p",
            "no:cacheprovider",
            "-q",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    count = len(load_cases(CASES / "tt124_2021_vectors.toml"))
    assert f"1 failed, {2 * count - 1} passed" in done.stdout, done.stdout
    assert "KDC-1: outcome met, expected not_met" in done.stdout


# -- facts builders and the language of the differences ----------------------------------------


def test_units_built_by_the_facts_builders_decide_as_the_same_units_read_from_a_dict() -> None:
    from antq import testing

    area = testing.residential_area(households_resident=120, households_registered=119)
    raw = {
        "kind": "residential_area",
        "id": "KDC-1",
        "year": 2024,
        "facts": {"households_resident": 120, "households_registered": 119},
    }
    expect = {"KDC-1": Expected(criteria={"households-registered": Outcome.NOT_MET})}
    built = run_case(Case(name="built", units=(area.unit("KDC-1", 2024),), expect=expect))
    read = run_case(Case(name="read", units=(raw,), expect=expect))
    assert built.passed and read.passed
    assert built.verdicts["KDC-1"].to_json() == read.verdicts["KDC-1"].to_json()
    wrong = {"KDC-1": Expected(criteria={"households-registered": Outcome.MET})}
    assert not run_case(Case(name="built", units=(area.unit("KDC-1", 2024),), expect=wrong)).passed


def test_every_unit_kind_and_award_candidate_has_a_builder() -> None:
    import antq
    from antq import testing
    from antq.emulation import awards

    assert testing.commune is antq.CommuneFacts
    assert testing.agency is antq.AgencyFacts
    assert testing.enterprise is antq.EnterpriseFacts
    assert testing.educational_institution is antq.EducationalInstitutionFacts
    assert testing.knc_candidate is awards.KncCandidateFacts
    assert testing.bang_khen_candidate is awards.BangKhenCandidateFacts
    assert testing.collective_candidate is awards.CollectiveCandidateFacts


def test_the_differences_in_vietnamese() -> None:
    case = Case(
        name="no facts",
        units=({"kind": "residential_area", "id": "KDC-1", "year": 2024, "facts": {}},),
        expect={"KDC-1": Expected(outcome=Outcome.MET, missing=())},
    )
    english = run_case(case).differences
    vietnamese = run_case(case, lang="vi").differences
    assert english[0].startswith("KDC-1: outcome unknown, expected met; because ")
    assert vietnamese[0].startswith("KDC-1: kết quả unknown, cần met; vì ")
    assert english[1].startswith("KDC-1: missing inputs [")
    assert vietnamese[1].startswith("KDC-1: các đầu vào còn thiếu là [")
    # antq's reasons come in the same language.
    assert english[0].split("; because ")[1] != vietnamese[0].split("; vì ")[1]
