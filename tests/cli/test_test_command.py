"""``antq test``: case files run from the command line (issue 15, item 5)."""

from __future__ import annotations

import io
from pathlib import Path

from antq.cli import EXIT_CASES_FAILED, EXIT_INPUT, EXIT_OK, main

CASES = Path(__file__).resolve().parents[1] / "cases"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["test", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_shipped_cases_hold() -> None:
    code, out, _ = _run(str(CASES))
    lines = out.splitlines()
    assert code == EXIT_OK
    assert all(line.startswith("ok      ") for line in lines[:-1])
    assert lines[-1] == f"{len(lines) - 1} case(s): {len(lines) - 1} held, 0 did not"


def test_a_case_that_does_not_hold_prints_what_differed_and_exits_4(tmp_path: Path) -> None:
    text = (CASES / "tt124_2021_vectors.toml").read_text(encoding="utf-8")
    wrong = text.replace(
        'outcome = "not_met"\ncriteria = { no-unlawful-strike',
        'outcome = "met"\ncriteria = { no-unlawful-strike',
    )
    assert wrong != text
    (tmp_path / "wrong.toml").write_text(wrong, encoding="utf-8")
    code, out, _ = _run(str(tmp_path / "wrong.toml"), "--quiet")
    assert code == EXIT_CASES_FAILED == 4
    failed, difference, summary = out.splitlines()
    assert failed.startswith("FAILED  ") and "go-slow in an enterprise" in failed
    assert difference.startswith("  - DN-1: outcome not_met, expected met; because ")
    assert "no-unlawful-strike: not_met (1 in the period" in difference
    assert summary.endswith("held, 1 did not")


def test_a_case_file_that_cannot_be_read_is_bad_input_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        'antq_cases = 1\n[[case]]\nname = "x"\nunits = []\n', encoding="utf-8"
    )
    code, out, err = _run(str(tmp_path / "bad.toml"))
    assert code == EXIT_INPUT
    assert out == ""
    assert "bad.toml:case[0].units" in err and "expected a list of units" in err


def test_the_differences_in_the_language_of_lang(tmp_path: Path) -> None:
    text = (CASES / "tt124_2021_vectors.toml").read_text(encoding="utf-8")
    wrong = text.replace(
        'outcome = "not_met"\ncriteria = { no-unlawful-strike',
        'outcome = "met"\ncriteria = { no-unlawful-strike',
    )
    (tmp_path / "wrong.toml").write_text(wrong, encoding="utf-8")
    code, out, _ = _run(str(tmp_path / "wrong.toml"), "--quiet", "--lang", "vi")
    assert code == EXIT_CASES_FAILED
    failed, difference, summary = out.splitlines()
    assert failed.startswith("FAILED  ")
    assert difference.startswith("  - DN-1: kết quả not_met, cần met; vì ")
    assert " trường hợp: " in summary and summary.endswith(" đúng, 1 không đúng")
    code, out, _ = _run(str(tmp_path / "wrong.toml"), "--quiet", "--lang", "en")
    assert out.splitlines()[1].startswith("  - DN-1: outcome not_met, expected met; because ")
