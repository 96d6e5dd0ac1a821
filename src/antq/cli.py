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
  have lost a unit is left unknown);
* 130 - interrupted (Ctrl-C): a file being written is left as it was.

A reader that closes the output early (``antq ... | head -1``) is not an
error: antq stops quietly with the code it would have had (0 if nothing else
went wrong). Standard output and error are written as UTF-8 whatever the
console's encoding.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO, cast

import attrs

from antq.errors import AntqError, InputError
from antq.io.batch import INPUT_FORMATS
from antq.vocabulary import Lang

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3
#: Interrupted by Ctrl-C (SIGINT), as shells report a process ended by it.
EXIT_INTERRUPTED = 130

#: The exit codes as ``antq --help`` lists them (the module docstring explains them).
EXIT_CODES_HELP = """exit codes:
  0  success: every unit was read and evaluated (whatever the verdicts)
  1  internal error: a bug in antq, please report it
  2  bad command line
  3  bad input: a file could not be read, or some units had errors or were lost
     (every good unit is still evaluated and printed; a commune that may have
     lost a unit is left unknown)
  130  interrupted (Ctrl-C); a file being written is left as it was
a closed output pipe (antq ... | head -1) ends quietly with 0"""


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
    from antq.serve.command import register as register_serve

    add_report_parser(commands)
    register_score(commands)
    register_awards(commands)
    register_serve(commands)
    register_template(commands)
    add_output_options(commands, skip=("serve",))
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

        entries += sheet_catalogue(as_of=as_of)
    if section in ("all", "teams") and not kind:
        from antq.emulation.teams import team_catalogue

        entries += team_catalogue(as_of=as_of)
    if not entries and as_of is not None:
        # Outside every bound: say so, never an empty list that looks like "no criteria".
        from antq.coverage import coverage

        raise InputError("--as-of", as_of.isoformat(), coverage(section, kind))
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


def _round(items: Iterable[Any], book: Any, rule_set: str | None) -> Any:
    """The round of ``items``; a pinned rule set decides the units of its kind, the book others."""
    from antq.safety.round import Round

    round_ = Round.of(items, book, book=book)
    return attrs.evolve(round_, pinned=book.get(rule_set)) if rule_set else round_


def evaluate_to(
    items: Iterable[Any],
    book: Any,
    *,
    rule_set: str | None = None,
    fmt: str = "json",
    out: TextIO,
    lang: Lang = "vi",
) -> Any:
    """Evaluate a round and write its verdicts to ``out`` in ``fmt``, as they are decided.

    ``items`` are units and input errors as :mod:`antq.io.batch` reads them;
    ``rule_set`` pins a rule set for the units of its kind. This is the one
    evaluation of ``antq evaluate`` and of ``POST /rounds/evaluate`` of
    ``antq serve``. Returns the round's result (errors, notices, tally).
    """
    writer = _VerdictWriter.of(fmt, out, lang)
    result = _round(items, book, rule_set).evaluate(
        on_verdict=writer.write, keep_units=False, keep_communes=False
    )
    writer.close([n.render(lang) for n in result.notices], result.errors)
    return result


def write_results_json(
    verdicts: Iterable[Any], errors: Sequence[InputError], out: TextIO, lang: Lang
) -> None:
    """Write ``verdicts`` and ``errors`` as ``antq evaluate --format json`` writes them."""
    writer = _VerdictWriter.of("json", out, lang)
    for verdict in verdicts:
        writer.write(verdict)
    writer.close([], errors)


def _cmd_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from antq.core.outcome import Outcome
    from antq.i18n.catalog import Msg
    from antq.i18n.cli import error_line, messages_lang
    from antq.io.commands import RESULT_FORMATS, write_results
    from antq.report.commands import book_with_parameters, read_units
    from antq.safety import default_rulebook

    lang: Lang = args.lang
    if args.format == "text":
        from antq._terminal import TerminalText

        out = cast(TextIO, TerminalText(out))  # names cannot move the cursor or reorder a line
    book = book_with_parameters(default_rulebook(), args.param)
    units = read_units(args.file, book, err, lang=lang, input_format=args.input_format)
    if args.format in RESULT_FORMATS:
        # A results workbook or CSV needs every verdict and the communes at the end.
        kept = _round(units, book, args.rule_set).evaluate()
        verdicts = [u.verdict for u in kept.units if not u.unreadable]
        write_results(
            args.format, args.output, verdicts, communes=kept.communes, lang=lang, out=out
        )
        for problem in kept.errors:
            err.write(error_line(problem, messages_lang(args)))
        return EXIT_INPUT if kept.errors else EXIT_OK
    result = evaluate_to(units, book, rule_set=args.rule_set, fmt=args.format, out=out, lang=lang)
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
        err.write(error_line(problem_found, messages_lang(args)))
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

            from antq._terminal import starts_a_file
            from antq.io.batch import VERDICT_COLUMNS

            if starts_a_file(out):
                out.write("\ufeff")  # a byte-order mark, so that spreadsheets read UTF-8
            writer.csv = csv.writer(out, lineterminator="\n")
            writer.csv.writerow(VERDICT_COLUMNS)
        return writer

    def write(self, verdict: Any) -> None:
        from antq.io.batch import VERDICT_COLUMNS, csv_cell, verdict_row

        out, fmt = self.out, self.fmt
        if fmt == "text":
            out.write(verdict.explain(self.lang) + "\n\n")
        elif fmt == "json":
            # One verdict a line: json's C encoder writes it about 100 times faster
            # than its indenting one, and a round has many verdicts.
            text = verdict.json_text(texts=(self.lang,))
            out.write(("\n    " if self.count == 0 else ",\n    ") + text)
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
    import os

    from antq._terminal import TerminalText, utf8_stream
    from antq.i18n.cli import argparse_language, cli_lang, error_line, localise_parser

    out = out or utf8_stream(sys.stdout)
    # Error messages quote the input: shown with control characters escaped.
    err = cast(TextIO, TerminalText(err or utf8_stream(sys.stderr)))
    # Help and argparse's messages in the language of --lang, else of the locale.
    lang = cli_lang(sys.argv[1:] if argv is None else argv, os.environ)
    parser = _parser()
    localise_parser(parser, lang)
    with argparse_language(lang):
        args = parser.parse_args(argv)
    args.messages_lang = lang  # errors of the input are written in the language of the help
    try:
        if args.command in ("report", "template", "serve") or getattr(args, "format", "") in (
            "xlsx",
            "results-csv",
        ):
            return _dispatch(args, out, err)  # these write --output themselves, or nothing
        from antq.io.commands import write_output

        return write_output(args.output, lambda handle: _dispatch(args, handle, err), out)
    except AntqError as error:
        err.write(error_line(error, lang))
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader (e.g. `head`) closed the pipe: not an error of the input.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        err.write("antq: interrupted\n")
        return EXIT_INTERRUPTED
    except OSError as error:
        err.write(f"antq: {error}\n")
        return EXIT_INPUT


def _dispatch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the command ``args`` names, writing to ``out``."""
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
    if args.command == "report":
        from antq.report.commands import cmd_report

        return cmd_report(args, out, err)
    if args.command == "template":
        from antq.io.commands import run_template

        return run_template(args, out, err)
    if args.command == "serve":
        from antq.serve.command import run as run_serve

        return run_serve(args, out, err)
    return _cmd_evaluate(args, out, err)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
