"""The ``antq`` command.

Commands: ``rules``, ``schema``, ``evaluate``, ``report``, ``score`` and ``awards``.

Exit codes:

* 0 - success: every unit was read and evaluated;
* 1 - an unexpected internal error (a bug in antq: please report it);
* 2 - bad command line (unknown option, missing file argument);
* 3 - bad input: a file could not be read, or some units had errors
  (every good unit is still evaluated and printed).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from antq.errors import AntqError
from antq.vocabulary import Lang

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3

#: The exit codes as ``antq --help`` lists them (the module docstring explains them).
EXIT_CODES_HELP = """exit codes:
  0  success: every unit was read and evaluated (whatever the verdicts)
  1  internal error: a bug in antq, please report it
  2  bad command line
  3  bad input: a file could not be read, or some units had errors
     (every good unit is still evaluated and printed)"""


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

    schema = commands.add_parser("schema", help="print the JSON Schema of the input facts")
    schema.add_argument(
        "--of",
        choices=("facts", "rule-form"),
        default="facts",
        help="the facts document (default) or the rule form of `antq rules --format json`",
    )

    evaluate = commands.add_parser(
        "evaluate",
        help="evaluate the units of a facts file (.json, .toml, .csv, .jsonl) or a directory of them",
    )
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--lang", choices=("vi", "en"), default="vi")
    evaluate.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "csv"),
        default="text",
        help="jsonl and csv write one row per unit as it is evaluated",
    )
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
    from antq.report.commands import add_report_parser
    from antq.serve.command import register as register_serve

    add_report_parser(commands)
    register_score(commands)
    register_awards(commands)
    register_serve(commands)
    return parser


def _version() -> str:
    from antq import __version__

    return __version__


def rule_entries(
    *, as_of: date | None = None, kind: str | None = None, section: str = "all"
) -> list[Any]:
    """The entries ``antq rules`` lists (see its options); ``kind`` shows safety criteria only."""
    from antq.catalogue import criteria_catalogue
    from antq.unit_kinds import UnitKind

    entries: list[Any] = []
    if section in ("all", "safety"):
        found = list(criteria_catalogue(as_of=as_of))
        if kind:
            unit_kind = UnitKind.from_code(kind, path="--kind")
            found = [e for e in found if e.rule_set.kind is unit_kind]
        entries += found
    # Award conditions, sheet items and team rules are not per unit kind: --kind shows safety only.
    if section in ("all", "awards") and not kind:
        from antq.emulation.awards import award_catalogue

        entries += award_catalogue(as_of=as_of)
    if section in ("all", "sheets") and not kind:
        from antq.emulation.sheets import sheet_catalogue

        entries += sheet_catalogue()
    if section in ("all", "teams") and not kind:
        from antq.emulation.teams import team_catalogue

        entries += team_catalogue()
    return entries


def rules_json(entries: Sequence[Any]) -> str:
    """The text of ``antq rules --format json``."""
    from antq.results import json_text

    return json_text([e.to_json() for e in entries])


def _cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    entries = rule_entries(as_of=args.as_of, kind=args.kind, section=args.section)
    if args.format == "json":
        out.write(rules_json(entries))
    else:
        out.write("\n\n".join(e.render(args.lang) for e in entries) + "\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from antq.io.schema import facts_schema
    from antq.results import json_text
    from antq.rule_form import rule_form_schema

    out.write(json_text(rule_form_schema() if args.of == "rule-form" else facts_schema()))
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from antq.core.outcome import Outcome
    from antq.i18n.catalog import Msg
    from antq.report.commands import read_units, stream_verdicts
    from antq.results import evaluate_input, parse_parameters, results_json, rules_with_parameters
    from antq.safety import default_rulebook

    lang: Lang = args.lang
    book = default_rulebook()
    rules = rules_with_parameters(book, args.rule_set, parse_parameters(args.param))
    if args.format in ("jsonl", "csv"):
        return stream_verdicts(
            args.file, rules, book=book, out=out, err=err, fmt=args.format, lang=lang
        )
    # With the whole book: units first, then each commune from the verdicts of its
    # units in the input, as `antq report` does, so that both commands agree.
    results = evaluate_input(read_units(args.file, book, err, lang=lang), rules)
    verdicts, errors = results.verdicts, results.errors
    notes = [n.render(lang) for n in results.notices]
    if args.format == "json":
        out.write(results_json(results, lang))
    else:
        for verdict in verdicts:
            out.write(verdict.explain(lang) + "\n\n")
        for note in notes:
            out.write(f"* {note}\n")
        if notes:
            out.write("\n")
        tally = Counter(v.outcome for v in verdicts)
        summary = ", ".join(f"{tally[o]} {o.label(lang)}" for o in Outcome if tally[o])
        out.write(
            Msg("{count} unit(s) evaluated: {summary}")
            .render(lang)
            .format(count=len(verdicts), summary=summary or "-")
            + "\n"
        )
    for problem_found in errors:
        err.write(f"antq: {problem_found}\n")
    return EXIT_INPUT if errors else EXIT_OK


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
        if args.command == "rules":
            return _cmd_rules(args, out)
        if args.command == "schema":
            return _cmd_schema(args, out)
        if args.command == "score":
            from antq.emulation.commands import run as run_score

            return run_score(args, out, err)
        if args.command == "awards":
            from antq.emulation.awards.commands import run as run_awards

            return run_awards(args, out, err)
        if args.command == "serve":
            from antq.serve.command import run as run_serve

            return run_serve(args, out, err)
        if args.command == "report":
            from antq.report.commands import cmd_report

            return cmd_report(args, out, err)
        return _cmd_evaluate(args, out, err)
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


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
