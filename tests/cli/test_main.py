"""The antq command line: output, formats and exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from antq import cli
from antq.cli import EXIT_CODES_HELP, EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "commune-2025.json"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_evaluate_example_text_english() -> None:
    code, out, err = run("evaluate", str(EXAMPLE), "--lang", "en")
    assert code == EXIT_OK, err
    assert "Thôn Tây (residential area), round 2025: NOT MET" in out
    assert "181/187 = 96.8% < 100%: 6 more needed" in out
    assert "Article 4(1), Circular 124/2021/TT-BCA" in out
    # The commune is evaluated from its units in the file (3 or 4 of 6 recognised), not
    # from the counts its own facts state (6 of 8), and its reason says so.
    assert "Xã Đông Hòa (commune, ward, township or special zone), round 2025: NOT MET" in out
    assert "3 recognised, 1 unknown, 2 not of 6" in out
    assert "the commune states 6 of 8, its units give these" in out
    assert out.rstrip().endswith(
        "10 unit(s) evaluated: 3 met, 3 not met, 1 unknown, 3 not applicable"
    )


def test_evaluate_example_text_vietnamese_formats_numbers() -> None:
    code, out, _ = run("evaluate", str(EXAMPLE), "--lang", "vi")
    assert code == EXIT_OK
    assert "181/187 = 96,8%" in out
    assert "Điều 4 khoản 1 Thông tư 124/2021/TT-BCA" in out


def test_evaluate_json_is_parseable_and_complete() -> None:
    code, out, _ = run("evaluate", str(EXAMPLE), "--format", "json", "--lang", "en")
    assert code == EXIT_OK
    payload = json.loads(out)
    assert payload["errors"] == []
    by_id = {v["unit"]: v for v in payload["verdicts"]}
    assert by_id["DN-TAPHOA"]["outcome"] == "not_applicable"
    assert by_id["TDP-3"]["outcome"] == "unknown"
    first = by_id["KDC-TAY"]["results"][2]
    assert first["outcome"] == "not_met" and "text" in first and "en" in first["text"]


def test_bad_units_are_reported_and_good_ones_kept(tmp_path: Path) -> None:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["units"][1]["facts"]["households_resident"] = -4
    doc["units"][2]["facts"]["housholds_resident"] = 3  # misspelt
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = run("evaluate", str(path), "--lang", "en")
    assert code == EXIT_INPUT
    assert "units[1].facts.households_resident: must be >= 0 (got -4)" in err
    assert "units[2].facts.housholds_resident: unknown fact" in err
    assert "8 unit(s) evaluated" in out


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    code, _, err = run("evaluate", str(tmp_path / "missing.json"))
    assert code == EXIT_INPUT and "missing.json" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = run("evaluate", str(broken))
    assert code == EXIT_INPUT and "malformed JSON" in err
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"units": [{"name": "Th\xf4n"}]}'.encode("latin-1"))
    code, _, err = run("evaluate", str(latin))
    assert code == EXIT_INPUT and "not UTF-8" in err


def test_toml_input(tmp_path: Path) -> None:
    path = tmp_path / "unit.toml"
    path.write_text(
        'antq_facts = 1\n[[units]]\nid = "KDC-9"\nkind = "residential_area"\nyear = 2024\n'
        "[units.facts]\nregistered_q1 = false\n",
        encoding="utf-8",
    )
    code, out, _ = run("evaluate", str(path), "--lang", "en")
    assert code == EXIT_OK
    assert "KDC-9 (residential area), round 2024: NOT MET" in out


def test_parameters_from_the_command_line() -> None:
    code, out, _ = run(
        "evaluate", str(EXAMPLE), "--lang", "en", "--param", "offence_comparison=not_increased"
    )
    assert code == EXIT_OK
    assert "read as: no increase of the total" in out
    code, _, err = run("evaluate", str(EXAMPLE), "--param", "nonsense=1")
    assert code == EXIT_INPUT and "no rule set has this parameter" in err
    code, _, err = run("evaluate", str(EXAMPLE), "--param", "offence_comparison=maybe")
    assert code == EXIT_INPUT and "expected one of" in err


def test_rules_catalogue_text_json_and_as_of() -> None:
    code, out, _ = run("rules", "--lang", "en")
    assert code == EXIT_OK
    assert (
        "tt124.commune.units-recognised" in out and "Article 5(4), Circular 124/2021/TT-BCA" in out
    )
    code, out, _ = run("rules", "--format", "json", "--kind", "commune")
    entries = json.loads(out)
    assert entries and {e["unit_kind"] for e in entries} == {"commune"}
    assert all(e["citation"]["vi"].startswith("Điều") for e in entries)
    code, out, _ = run("rules", "--format", "json", "--section", "safety", "--as-of", "2021-11-30")
    assert code == EXIT_OK
    assert all(e["instrument"] != "124/2021/TT-BCA" for e in json.loads(out))


def test_schema_lists_every_fact() -> None:
    code, out, _ = run("schema")
    assert code == EXIT_OK
    schema = json.loads(out)
    facts = schema["properties"]["units"]["items"]["properties"]["facts"]["properties"]
    assert facts["households_resident"]["type"] == "integer"
    assert facts["grassroots_force_grade"]["x-judgement"] is True
    assert facts["incidents"]["items"]["required"] == ["date", "category"]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["evaluate"])
    assert exit_info.value.code == EXIT_USAGE
    with pytest.raises(SystemExit) as exit_info:
        main(["rules", "--as-of", "31/10/2024"])
    assert exit_info.value.code == EXIT_USAGE


def test_numeric_parameter_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "agency.json"
    path.write_text(
        json.dumps(
            {
                "units": [
                    {
                        "id": "CQ-1",
                        "kind": "agency",
                        "year": 2021,
                        "facts": {"subunits_eligible": 10, "subunits_advanced_collective": 7},
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run(
        "evaluate", str(path), "--lang", "en", "--param", "tt23_subunit_share_percent=70"
    )
    assert code == EXIT_OK, err
    assert "7/10 = 70% ≥ 70%" in out


def test_rules_sections_list_award_conditions_and_sheet_items() -> None:
    code, out, _ = run("rules", "--format", "json", "--section", "sheets")
    assert code == EXIT_OK
    sheet_ids = {e["id"] for e in json.loads(out)}
    assert "qd510.agency/2" in sheet_ids
    code, out, _ = run("rules", "--format", "json", "--section", "awards")
    awards = json.loads(out)
    assert awards
    assert all("award" in e for e in awards)
    code, out, _ = run("rules", "--format", "json")
    every = json.loads(out)
    assert len(every) > len(awards) + len(sheet_ids)


def test_score_and_awards_commands_are_wired() -> None:
    examples = EXAMPLE.parent
    code, out, err = run(
        "score",
        str(examples / "example-sheet.toml"),
        str(examples / "scores-2025.json"),
        "--lang",
        "en",
    )
    assert code == EXIT_OK, err
    assert "5 unit(s) scored" in out
    code, out, err = run("awards", str(examples / "awards-2025.json"), "--lang", "en")
    assert code == EXIT_OK, err
    assert "award question(s) answered" in out


def _console_script() -> Path:
    script = Path(sys.executable).parent / "antq"
    if not script.exists():  # antq is not installed in this interpreter
        pytest.skip("the antq console script is not installed")
    return script


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        ((str(EXAMPLE), "--lang", "en"), EXIT_OK),  # some verdicts are not met: still 0
        (("no-such-file.json",), EXIT_INPUT),
        (("--lang", "fr", str(EXAMPLE)), EXIT_USAGE),
    ],
)
def test_installed_command_exit_codes(argv: tuple[str, ...], code: int) -> None:
    done = subprocess.run(
        [str(_console_script()), "evaluate", *argv], capture_output=True, text=True, check=False
    )
    assert done.returncode == code, done.stderr


def test_exit_codes_are_documented_in_help_module_and_docs() -> None:
    english = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    done = subprocess.run(
        [str(_console_script()), "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**english, "LANG": "en_US.UTF-8"},
    )
    assert EXIT_CODES_HELP in done.stdout
    docs = (EXAMPLE.parent.parent / "docs" / "cli.rst").read_text(encoding="utf-8")
    table = docs[docs.index("Exit codes") :]
    for code in (EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_INPUT):
        assert f"   * - {code}\n" in table
        assert f"* {code} - " in (cli.__doc__ or "")
