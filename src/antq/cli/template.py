"""``antq template``: a blank workbook or CSV file to fill in with a round's facts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from antq.cli import _options
from antq.cli._exit import EXIT_OK
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.vocabulary import Lang

__all__ = ["register", "run"]


def register(commands: Any) -> argparse.ArgumentParser:
    """Add ``antq template`` to the sub-commands of the ``antq`` parser; returns its parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "template",
        help="write a blank workbook or CSV file to fill in with a round's facts",
        description=(
            "Write a template: a sheet per unit kind with the columns of the round's rules,"
            " a notes row, lists to choose from, and an incidents sheet (xlsx), or the same"
            " columns as CSV in the Vietnamese dialect."
        ),
    )
    _options.add_format(parser, ("xlsx", "csv"))
    parser.add_argument(
        "--kind",
        action="append",
        default=[],
        help="only this unit kind (repeatable; default: every kind)",
    )
    parser.add_argument(
        "--round", type=int, help="the recognition year whose rules give the columns"
    )
    _options.add_lang(parser)
    _options.add_output(parser)
    return parser


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``antq template``; returns the exit code."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.io.template import write_facts_csv, write_facts_xlsx

    kinds = [UnitKind.from_code(k, path="--kind") for k in args.kind] or None
    lang: Lang = args.lang
    output = getattr(args, "output", None)
    if args.format == "xlsx":
        if output is None or str(output) == "-":
            raise InputError(
                "--output", output, Msg("a workbook needs a file: give --output NAME.xlsx")
            )
        write_facts_xlsx(output, kinds=kinds, year=args.round, lang=lang)
        return EXIT_OK
    if output is None or str(output) == "-":
        write_facts_csv(out, kinds=kinds, year=args.round, lang=lang)
        return EXIT_OK
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.io.xlsx import replace_atomically

    def write(target: Path) -> None:
        # With a byte-order mark, so that spreadsheets read the Vietnamese text as UTF-8.
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            write_facts_csv(handle, kinds=kinds, year=args.round, lang=lang)

    replace_atomically(Path(output), write)
    return EXIT_OK
