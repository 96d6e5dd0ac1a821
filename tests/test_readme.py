"""The README's quick start and tour stay true: CI runs its test command, and the tour runs."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, title
    return match.group(1)


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.S | re.M)


def _quick_start_commands() -> list[str]:
    (block,) = _blocks(_section("Quick start"), "sh")
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_quick_start_has_exactly_two_commands_for_a_fresh_clone() -> None:
    install_and_run, run_tests = _quick_start_commands()
    assert install_and_run.startswith("python3 -m venv .venv && ")
    assert "antq evaluate examples/" in install_and_run
    assert run_tests.startswith("python3 -m venv .venv && ")
    assert run_tests.endswith("-m pytest")


def test_ci_runs_the_readme_test_command_and_main_job_in_a_fresh_venv() -> None:
    install_and_run, run_tests = _quick_start_commands()
    lines = CI.splitlines()
    assert run_tests in lines
    main_job = install_and_run.split(" && ")[-1]
    assert any(line.startswith(main_job) for line in lines)
    # The venv is removed before the README command creates it, so CI never reuses one.
    assert lines.index("rm -rf .venv") < lines.index(run_tests)


def test_the_python_tour_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    (tour,) = _blocks(_section("A short tour of the Python API"), "python")
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(tour, "README.md", "exec"), {})
    first_line = printed.getvalue().splitlines()[0]
    claimed = re.search(r"print\(verdict\.outcome\)\s+# (\w+)", tour)
    assert claimed and first_line == claimed.group(1)
