"""Command-line support for spreadsheets: ``antq template``, ``--output`` and the results files.

* :func:`register_template` and :func:`run_template` are ``antq template``;
* :func:`add_output_options` gives every sub-command that writes an
  ``--output`` option, and :func:`write_output` writes a command's text there
  (complete, or the file is left untouched);
* :func:`write_results` writes a round's results as a workbook or a CSV file
  with labels and reasons (``antq evaluate --format xlsx|results-csv``).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from antq.core.verdict import Verdict
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.io.flat import UNIT_RECORD_COLUMNS, unit_records
from antq.unit_kinds import UnitKind
from antq.vocabulary import Lang

__all__ = [
    "RESULT_FORMATS",
    "add_output_options",
    "register_template",
    "run_template",
    "write_output",
    "write_results",
    "write_results_csv",
]

#: The results formats of ``antq evaluate`` that this module writes.
RESULT_FORMATS: tuple[str, ...] = ("xlsx", "results-csv")
EXIT_OK = 0


def register_template(commands: Any) -> argparse.ArgumentParser:
    """Add ``antq template`` to the sub-commands of the ``antq`` parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "template",
        help="write a blank workbook or CSV file to fill in with a round's facts",
        description=(
            "Write a template: a sheet per unit kind with the columns of the round's rules,"
            " a notes row, lists to choose from, and an incidents sheet (xlsx), or the same"
            " columns as CSV in the Vietnamese dialect."
        ),
    )
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    parser.add_argument(
        "--kind",
        action="append",
        default=[],
        help="only this unit kind (repeatable; default: every kind)",
    )
    parser.add_argument(
        "--round", type=int, help="the recognition year whose rules give the columns"
    )
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    return parser


def run_template(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``antq template``; returns the exit code."""
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
    from antq.io.xlsx import replace_atomically

    def write(target: Path) -> None:
        # With a byte-order mark, so that spreadsheets read the Vietnamese text as UTF-8.
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            write_facts_csv(handle, kinds=kinds, year=args.round, lang=lang)

    replace_atomically(Path(output), write)
    return EXIT_OK


def add_output_options(commands: Any, *, skip: Sequence[str] = ()) -> None:
    """Give every sub-command that has no ``--output`` one (``-`` is standard output)."""
    for name, parser in commands.choices.items():
        if name in skip or any("--output" in a.option_strings for a in parser._actions):
            continue
        parser.add_argument(
            "--output", type=Path, help="write here instead of standard output ('-': stdout)"
        )


def write_output(path: Path | None, run: Callable[[TextIO], int], out: TextIO) -> int:
    """Run ``run`` on ``out``, or on a file at ``path`` that appears only when it is complete."""
    if path is None or str(path) == "-":
        return run(out)
    from antq.io.xlsx import replace_atomically

    status: list[int] = []

    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8", newline="") as handle:
            status.append(run(handle))

    replace_atomically(path, write)
    return status[0]


def write_results_csv(verdicts: Iterable[Verdict], out: TextIO, *, lang: Lang = "vi") -> int:
    """Write one row per unit (:data:`~antq.io.flat.UNIT_RECORD_COLUMNS`), labels and reasons in ``lang``.

    Text that a spreadsheet would run as a formula is written after a ``'``.
    Returns the number of rows.
    """
    import csv

    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(UNIT_RECORD_COLUMNS)
    count = 0
    for record in unit_records(verdicts, lang=lang):
        writer.writerow([_csv_text(record[c]) for c in UNIT_RECORD_COLUMNS])
        count += 1
    return count


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text


def write_results(
    fmt: str,
    output: Path | None,
    verdicts: Sequence[Verdict],
    *,
    communes: Iterable[Any] = (),
    lang: Lang = "vi",
    out: TextIO = sys.stdout,
) -> None:
    """Write results as ``fmt`` (:data:`RESULT_FORMATS`) to ``output``, or ``out`` for CSV.

    The CSV file starts with a byte-order mark, so that spreadsheets on
    Windows read its Vietnamese text as UTF-8; on standard output it does not.
    """
    from antq.io.xlsx import replace_atomically, write_results_xlsx

    if fmt == "xlsx":
        if output is None or str(output) == "-":
            raise InputError(
                "--output", output, Msg("a workbook needs a file: give --output NAME.xlsx")
            )
        write_results_xlsx(output, verdicts, communes=communes, lang=lang)
        return
    if output is None or str(output) == "-":
        write_results_csv(verdicts, out, lang=lang)
        return
    buffer = io.StringIO()
    write_results_csv(verdicts, buffer, lang=lang)

    def write(target: Path) -> None:
        target.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")

    replace_atomically(Path(output), write)
