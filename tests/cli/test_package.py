"""The command line is one package: one parser, one set of exit codes, one module per command."""

from __future__ import annotations

import ast
import importlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from antq import cli
from antq.cli import COMMANDS, EXIT_INPUT, EXIT_OK, ExitCode, main
from antq.cli.progress import Phase, RoundProgress
from antq.io.batch import read_any
from antq.safety import default_rulebook
from antq.safety.round import evaluate_round

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "antq"
EXAMPLE = ROOT / "examples" / "commune-2025.json"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def antq_module(*argv: str, module: str = "antq") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    return subprocess.run(
        [sys.executable, "-m", module, *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )


def test_python_m_antq_runs_the_command() -> None:
    from antq import __version__

    done = antq_module("--version")
    assert (done.returncode, done.stdout.strip()) == (EXIT_OK, f"antq {__version__}"), done.stderr
    done = antq_module("rules", "--kind", "commune", "--lang", "en")
    assert done.returncode == EXIT_OK, done.stderr
    assert "Article 5(1), Circular 124/2021/TT-BCA" in done.stdout
    done = antq_module("evaluate", "no-such-file.json", module="antq.cli")
    assert done.returncode == EXIT_INPUT and done.stderr.startswith("antq: ")


def test_every_sub_command_is_a_module_of_the_package() -> None:
    parser = cli._parser()
    choices = next(a for a in parser._actions if a.dest == "command").choices
    assert choices is not None and tuple(choices) == COMMANDS
    for name in COMMANDS:
        module = importlib.import_module(f"antq.cli.{name}")
        assert cli.command_module(name) is module
        assert callable(module.register) and callable(module.run)
        args = parser.parse_args(_least_argv(name))
        assert args.run is module.run, name
    with pytest.raises(KeyError):
        cli.command_module("language")
    modules = {p.stem for p in (SRC / "cli").glob("*.py") if not p.stem.startswith("_")}
    assert modules == {*COMMANDS, "language", "progress"}


def _least_argv(name: str) -> list[str]:
    needed = {
        "evaluate": ["x"],
        "report": ["x"],
        "score": ["s", "f"],
        "awards": ["x"],
        "teams": ["x"],
        "test": ["x"],
    }
    return [name, *needed.get(name, [])]


def _exit_definitions(path: Path) -> list[str]:
    """The names ``EXIT_...`` that ``path`` assigns (``EXIT_OK = 0``, ``EXIT_OK, X = 0, 3``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            names = target.elts if isinstance(target, ast.Tuple) else [target]
            found += [n.id for n in names if isinstance(n, ast.Name) and n.id.startswith("EXIT_")]
    return found


def test_the_exit_codes_are_declared_in_one_place() -> None:
    declared = {
        str(path.relative_to(SRC)): names
        for path in sorted(SRC.rglob("*.py"))
        if (names := _exit_definitions(path))
    }
    assert list(declared) == ["cli/_exit.py"]
    assert set(declared["cli/_exit.py"]) >= {"EXIT_OK", "EXIT_INPUT", "EXIT_INTERRUPTED"}
    # Every command module uses those very codes.
    for name in COMMANDS:
        module = cli.command_module(name)
        for attribute in dir(module):
            if attribute.startswith("EXIT_"):
                assert getattr(module, attribute) is getattr(cli, attribute), (name, attribute)
    assert [int(c) for c in ExitCode] == [0, 1, 2, 3, 4, 130]


def test_no_rule_package_parses_a_command_line() -> None:
    for package in ("safety", "emulation", "law", "core", "report", "io"):
        for path in (SRC / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            imported = [
                alias.name
                for node in ast.walk(tree)
                if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in node.names
            ] + [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
            assert "argparse" not in imported, path


@pytest.mark.parametrize(
    ("old", "name", "new"),
    [
        ("antq.report.commands", "run_report", "antq.cli.report:main"),
        ("antq.report.commands", "ProgressBar", "antq.cli.progress:ProgressBar"),
        ("antq.report.commands", "book_with_parameters", "antq.cli.evaluate:book_with_parameters"),
        ("antq.report.commands", "EXIT_INPUT", "antq.cli:EXIT_INPUT"),
        ("antq.emulation.commands", "scores_json", "antq.cli.score:scores_json"),
        ("antq.emulation.awards.commands", "read_awards", "antq.emulation.awards.questions:"),
        ("antq.emulation.awards.commands", "awards_json", "antq.cli.awards:awards_json"),
        ("antq.io.commands", "write_results_csv", "antq.io.results_files:write_results_csv"),
        ("antq.io.commands", "run_template", "antq.cli.template:run"),
        ("antq.serve.command", "settings_from_args", "antq.cli.serve:settings_from_args"),
        ("antq.i18n.cli", "cli_lang", "antq.cli.language:cli_lang"),
    ],
)
def test_the_old_modules_are_deprecated_aliases(old: str, name: str, new: str) -> None:
    module, _, attribute = new.partition(":")
    expected = getattr(importlib.import_module(module), attribute or name)
    with pytest.warns(DeprecationWarning, match=f"{old}.{name} is deprecated; use {module}"):
        found = getattr(importlib.import_module(old), name)
    assert found is expected
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        getattr(importlib.import_module(old), "nothing")  # noqa: B009


def _evaluate(*argv: str, err: io.StringIO) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["evaluate", *argv], out=out, err=err)
    return code, out.getvalue()


def test_the_summary_line_names_what_was_decided_and_what_was_lost(tmp_path: Path) -> None:
    units = tmp_path / "units.jsonl"
    lines = [line for line in _example_lines() if line]
    units.write_text("\n".join([*lines, "{not json", '{"id": 3}']) + "\n", encoding="utf-8")
    err = io.StringIO()  # not a terminal: shown because it is asked for
    code, out = _evaluate(str(units), "--progress", "--lang", "en", err=err)
    assert code == EXIT_INPUT
    last = err.getvalue().splitlines()[-1]
    assert last == (
        "antq: 9 unit(s) and 1 commune(s) decided: 3 met, 3 not met, 1 unknown,"
        " 3 not applicable; 2 lost (could not be read)"
    )
    # The bar erased, then the two errors, then the summary.
    shown = err.getvalue().rsplit("\r", 1)[-1].splitlines()
    assert [line.split(":")[:2] for line in shown[:-1]] == [
        ["antq", " line 11"],
        ["antq", " line 12.id"],
    ]
    assert "10 unit(s) evaluated" in out  # standard output is as without --progress
    err = io.StringIO()
    _evaluate(str(EXAMPLE), "--progress", "--lang", "vi", "--format", "json", err=err)
    assert err.getvalue().splitlines()[-1] == (
        "antq: Đã xét 9 đơn vị và 1 xã: 3 đạt, 3 chưa đạt, 1 chưa xác định,"
        " 3 không áp dụng; không mất dòng nào"
    )


def test_the_summary_follows_whether_standard_error_is_a_terminal(tmp_path: Path) -> None:
    err = io.StringIO()
    assert _evaluate(str(EXAMPLE), "--lang", "en", err=err)[0] == EXIT_OK
    assert err.getvalue() == ""  # a log or a pipe: nothing
    err = Terminal()
    _evaluate(str(EXAMPLE), "--lang", "en", err=err)
    assert err.getvalue().endswith("; none lost\n") and "\r" in err.getvalue()
    err = Terminal()
    _evaluate(str(EXAMPLE), "--lang", "en", "--no-progress", err=err)
    assert err.getvalue() == ""
    err = Terminal()
    report = tmp_path / "report.md"
    argv = ["report", str(EXAMPLE), "--format", "markdown", "--output", str(report), "--lang", "en"]
    assert main(argv, out=io.StringIO(), err=err) == EXIT_OK
    assert "antq: building the report" in err.getvalue()
    assert err.getvalue().splitlines()[-1].startswith("antq: 9 unit(s) and 1 commune(s) decided")


def test_the_bar_goes_through_every_phase_of_a_round() -> None:
    screen = Terminal()
    progress = RoundProgress(screen, lang="en", interval=0)
    book = default_rulebook()
    items = progress.read(read_any(EXAMPLE, book, progress=progress.progress))
    seen: list[str] = []

    def decided(verdict: object) -> None:
        progress.decided(verdict)  # type: ignore[arg-type]
        seen.append(progress.line())

    evaluate_round(items, book, on_verdict=decided)
    assert seen[0].startswith("antq: [") and seen[0].endswith("unit(s) read")
    assert seen[-1].endswith("deciding the communes: 1 of 1")
    progress.phase(Phase.WRITING)
    assert progress.line() == "antq: writing the output"
    progress.phase(Phase.REPORT)
    assert progress.line() == "antq: building the report"
    progress.finish()
    shown = screen.getvalue()
    assert "deciding the communes: 0 of 1" in shown and "writing the output" in shown
    assert shown.endswith("3 not applicable; none lost\n")
    # The bar erased (a line of spaces), then the summary.
    erased, _, summary = shown.rpartition("\r")
    assert summary.startswith("antq: 9 unit(s) and 1 commune(s) decided")
    assert erased.rpartition("\r")[2].strip() == ""


def _example_lines() -> list[str]:
    import json

    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return [json.dumps(unit, ensure_ascii=False) for unit in document["units"]]
