"""The ``antq`` command.

Commands: ``rules``, ``schema``, ``evaluate``, ``report``, ``score``, ``awards`` and
``template``. Every command that writes has ``--output``; ``evaluate`` and
``report`` read standard input when given ``-`` (with ``--input-format``).

Exit codes:

* 0 - success: every unit was read and evaluated;
* 1 - an unexpected internal error (a bug in antq: please report it);
* 2 - bad command line (unknown option, missing file argument);
* 3 - bad input: a file could not be read, or some units had errors or were
  lost (every good unit is still evaluated and printed; a commune that may
  have lost a unit is left unknown).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import attrs

from antq.errors import AntqError, InputError
from antq.io.batch import INPUT_FORMATS
from antq.vocabulary import Lang

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3

#: The exit codes as ``antq --help`` lists them (the module docstring explains them).
EXIT_CODES_HELP = """exit codes:
  0  success: every unit was read and evaluated (whatever the verdicts)
  1  internal error: a bug in antq, please report it
  2  bad command line
  3  bad input: a file could not be read, or some units had errors or were lost
     (every good unit is still evaluated and printed; a commune that may have
     lost a unit is left unknown)"""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="antq",
        description="Rules of the 'Toàn dân bảo vệ an ninh Tổ quốc' movement: criteria, verdicts and reasons.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"antq {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    rules = commands.add_parser("rules", help="list the criteria catalogue")
    rules.add_argument(
        "--as-of", type=_date, help="only rule sets in force for rounds ending on this date"
    )
    rules.add_argument("--kind", help="only this unit kind (e.g. residential_area, commune)")
    rules.add_argument(
        "--section",
        choices=("all", "safety", "awards", "sheets", "teams"),
        default="all",
        help="safe-standard criteria, award conditions, scoring-sheet items, team-rating"
        " rules, or all of them",
    )
    rules.add_argument("--lang", choices=("vi", "en"), default="vi")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    commands.add_parser("schema", help="print the JSON Schema of the input facts")

    evaluate = commands.add_parser(
        "evaluate",
        help="evaluate the units of a facts file (.json, .toml, .csv, .jsonl, .xlsx) or a directory of them",
    )
    evaluate.add_argument("file", type=Path, help="a facts file, a directory, or - for stdin")
    evaluate.add_argument("--lang", choices=("vi", "en"), default="vi")
    evaluate.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "csv", "xlsx", "results-csv"),
        default="text",
        help="jsonl and csv write one row per unit as it is evaluated; xlsx and results-csv"
        " write the results with labels and reasons",
    )
    evaluate.add_argument("--input-format", choices=INPUT_FORMATS, help="the format of the input")
    evaluate.add_argument("--rule-set", help="pin this rule set instead of choosing by date")
    evaluate.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="supply a rule parameter (repeatable), e.g. offence_comparison=not_increased",
    )

    from antq.emulation.awards.commands import register as register_awards
    from antq.emulation.commands import register as register_score
    from antq.io.commands import add_output_options, register_template
    from antq.report.commands import add_report_parser

    add_report_parser(commands)
    register_score(commands)
    register_awards(commands)
    register_template(commands)
    add_output_options(commands)
    return parser


def _version() -> str:
    from antq import __version__

    return __version__


def _cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    from antq.catalogue import criteria_catalogue
    from antq.unit_kinds import UnitKind

    entries: list[Any] = []
    if args.section in ("all", "safety"):
        found = list(criteria_catalogue(as_of=args.as_of))
        if args.kind:
            kind = UnitKind.from_code(args.kind, path="--kind")
            found = [e for e in found if e.rule_set.kind is kind]
        entries += found
    # Award conditions, sheet items and team rules are not per unit kind: --kind shows safety only.
    if args.section in ("all", "awards") and not args.kind:
        from antq.emulation.awards import award_catalogue

        entries += award_catalogue(as_of=args.as_of)
    if args.section in ("all", "sheets") and not args.kind:
        from antq.emulation.sheets import sheet_catalogue

        entries += sheet_catalogue()
    if args.section in ("all", "teams") and not args.kind:
        from antq.emulation.teams import team_catalogue

        entries += team_catalogue()
    if args.format == "json":
        json.dump([e.to_json() for e in entries], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n\n".join(e.render(args.lang) for e in entries) + "\n")
    return EXIT_OK


def _cmd_schema(out: TextIO) -> int:
    from antq.io.schema import facts_schema

    json.dump(facts_schema(), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from antq.core.outcome import Outcome
    from antq.i18n.catalog import Msg
    from antq.io.commands import RESULT_FORMATS, write_results
    from antq.report.commands import book_with_parameters, read_units
    from antq.safety import default_rulebook
    from antq.safety.round import Round

    lang: Lang = args.lang
    book = book_with_parameters(default_rulebook(), args.param)
    units = read_units(args.file, book, err, lang=lang, input_format=args.input_format)
    round_ = Round.of(units, book, book=book)
    if args.rule_set:
        # The pinned rule set decides the units of its kind; the book, the others.
        pinned = book.get(args.rule_set)
        round_ = attrs.evolve(round_, pinned=pinned)
    if args.format in RESULT_FORMATS:
        # A results workbook or CSV needs every verdict and the communes at the end.
        kept = round_.evaluate()
        verdicts = [u.verdict for u in kept.units if not u.unreadable]
        write_results(
            args.format, args.output, verdicts, communes=kept.communes, lang=lang, out=out
        )
        for problem in kept.errors:
            err.write(f"antq: {problem}\n")
        return EXIT_INPUT if kept.errors else EXIT_OK
    writer = _VerdictWriter.of(args.format, out, lang)
    result = round_.evaluate(on_verdict=writer.write, keep_units=False)
    notes = [n.render(lang) for n in result.notices]
    writer.close(notes, result.errors)
    if args.format == "text":
        tally = result.tally
        summary = ", ".join(f"{tally.count(o)} {o.label(lang)}" for o in Outcome if tally.count(o))
        out.write(
            Msg("{count} unit(s) evaluated: {summary}")
            .render(lang)
            .format(count=tally.total, summary=summary or "-")
            + "\n"
        )
    for problem_found in result.errors:
        err.write(f"antq: {problem_found}\n")
    return EXIT_INPUT if result.errors else EXIT_OK


class _VerdictWriter:
    """Writes verdicts as they are decided, in one output format (memory stays flat)."""

    def __init__(self, fmt: str, out: TextIO, lang: Lang) -> None:
        self.fmt, self.out, self.lang = fmt, out, lang
        self.count = 0
        self.csv: Any = None

    @classmethod
    def of(cls, fmt: str, out: TextIO, lang: Lang) -> _VerdictWriter:
        writer = cls(fmt, out, lang)
        if fmt == "json":
            out.write('{\n  "antq_results": 1,\n  "verdicts": [')
        elif fmt == "csv":
            import csv

            from antq.io.batch import VERDICT_COLUMNS

            writer.csv = csv.writer(out, lineterminator="\n")
            writer.csv.writerow(VERDICT_COLUMNS)
        return writer

    def write(self, verdict: Any) -> None:
        from antq.io.batch import VERDICT_COLUMNS, csv_cell, verdict_row

        out, fmt = self.out, self.fmt
        if fmt == "text":
            out.write(verdict.explain(self.lang) + "\n\n")
        elif fmt == "json":
            text = json.dumps(verdict.to_json(texts=(self.lang,)), ensure_ascii=False, indent=2)
            out.write(("\n" if self.count == 0 else ",\n") + textwrap.indent(text, "    "))
        elif fmt == "jsonl":
            row = verdict_row(verdict)
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        else:
            row = verdict_row(verdict)
            self.csv.writerow([csv_cell(row[c]) for c in VERDICT_COLUMNS])
        self.count += 1

    def close(self, notes: list[str], errors: Sequence[InputError]) -> None:
        out = self.out
        if self.fmt == "json":
            out.write("\n  ]," if self.count else "],")
            rest = {
                "notes": notes,
                "errors": [
                    {"path": e.path, "value": repr(e.value), "message": e.message} for e in errors
                ],
            }
            # The rest of the document, as json.dump would indent it inside the outer object.
            body = json.dumps(rest, ensure_ascii=False, indent=2)
            out.write("\n" + body[2:] + "\n")
        elif self.fmt == "text":
            for note in notes:
                out.write(f"* {note}\n")
            if notes:
                out.write("\n")


def _silence_stdout() -> None:
    import contextlib
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    # stdout may not be a real file (e.g. in tests): then there is nothing to redirect.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    try:
        if args.command in ("report", "template") or getattr(args, "format", "") in (
            "xlsx",
            "results-csv",
        ):
            return _dispatch(args, out, err)  # these write --output themselves
        from antq.io.commands import write_output

        return write_output(args.output, lambda handle: _dispatch(args, handle, err), out)
    except AntqError as error:
        err.write(f"antq: {error}\n")
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader (e.g. `head`) closed the pipe: not an error of the input.
        _silence_stdout()
        return EXIT_OK
    except OSError as error:
        err.write(f"antq: {error}\n")
        return EXIT_INPUT


def _dispatch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the command ``args`` names, writing to ``out``."""
    if args.command == "rules":
        return _cmd_rules(args, out)
    if args.command == "schema":
        return _cmd_schema(out)
    if args.command == "score":
        from antq.emulation.commands import run as run_score

        return run_score(args, out, err)
    if args.command == "awards":
        from antq.emulation.awards.commands import run as run_awards

        return run_awards(args, out, err)
    if args.command == "report":
        from antq.report.commands import cmd_report

        return cmd_report(args, out, err)
    if args.command == "template":
        from antq.io.commands import run_template

        return run_template(args, out, err)
    return _cmd_evaluate(args, out, err)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
