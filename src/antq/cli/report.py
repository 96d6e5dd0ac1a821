"""``antq report PATH``: evaluate a round (units first, then communes) and write a report.

The progress bar follows the whole run (reading, the communes, building the
report) and ends with a summary line: see :mod:`antq.cli.progress`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

from antq._terminal import escape_output
from antq.cli import _options
from antq.cli._exit import EXIT_INPUT, EXIT_OK
from antq.cli._gc import batch_collection, settled
from antq.cli.evaluate import book_with_parameters, decider_for, read_units
from antq.cli.language import write_errors
from antq.cli.progress import Phase, RoundProgress
from antq.core.facts import check_text
from antq.errors import InputError
from antq.i18n.catalog import Msg, Text
from antq.io.batch import (
    BATCH_SUFFIXES,
    INPUT_FORMATS,
    write_verdicts_csv,
    write_verdicts_jsonl,
)
from antq.io.safe_write import refuse_overwriting_inputs, write_whole
from antq.safety.round import Round
from antq.vocabulary import Lang

__all__ = ["REPORT_FORMATS", "main", "register", "run", "write_atomically"]

#: The formats of ``antq report`` (those of :data:`antq.report.FORMATS`).
REPORT_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html", "docx")
OUTPUT_HELP = "write the report here instead of stdout"


def write_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write a file of bytes whole or not at all (see :func:`antq.io.safe_write.write_whole`)."""
    write_whole(path, lambda handle: write(handle.buffer))


def register(commands: Any) -> argparse.ArgumentParser:
    """Add ``antq report`` to the sub-commands of the ``antq`` parser; returns its parser."""
    report: argparse.ArgumentParser = commands.add_parser(
        "report",
        help="evaluate units (units first, then communes) and write a report",
        description=(
            "Evaluate the units of a file (.csv, .jsonl, .json, .toml, .xlsx) or of a directory of"
            " such files, roll them up into their communes and write a report of one round."
        ),
    )
    report.add_argument(
        "path", type=Path, help="a facts file, a directory of facts files, or - for stdin"
    )
    report.add_argument("--input-format", choices=INPUT_FORMATS, help="the format of the input")
    _options.add_lang(report)
    _options.add_format(report, REPORT_FORMATS)
    _options.add_output(report, help=OUTPUT_HELP)
    report.add_argument("--year", type=int, help="the round to report on (default: the latest)")
    report.add_argument("--title", help="the report's title (default: a title with the round)")
    report.add_argument(
        "--date", type=_options.iso_date, help="the date written on the report (default: today)"
    )
    report.add_argument(
        "--indicators",
        type=Path,
        help="report figures to add (CSV or JSON: indicator, unit, period, numerator, ...)",
    )
    report.add_argument(
        "--targets", type=Path, help="a JSON list of targets that win over antq's own"
    )
    report.add_argument(
        "--top", type=int, default=10, help="length of the lists of criteria and units"
    )
    report.add_argument(
        "--verdicts",
        type=Path,
        help="also write one row per unit to this .jsonl or .csv file, or the results"
        " workbook to this .xlsx file",
    )
    _options.add_param(report)
    _options.add_progress(report)
    _options.add_jobs(report)
    report.add_argument(
        "--previous",
        type=Path,
        metavar="PREV.json",
        help="the previous round's JSON report (or counts), to compare with",
    )
    head = report.add_argument_group(
        title="letterhead (Word and HTML reports)",
        description="who issues, signs and receives the report; options win over --letterhead",
    )
    head.add_argument(
        "--letterhead", type=Path, metavar="FILE", help="a TOML file of the fields below"
    )
    head.add_argument("--authority", help="the parent body, e.g. 'UBND TỈNH MẪU'")
    head.add_argument("--issuer", help="the issuing body, e.g. 'CÔNG AN TỈNH MẪU'")
    head.add_argument("--number", help="the number and symbol, e.g. '125/BC-CAT'")
    head.add_argument("--place", help="the place name of the date line")
    head.add_argument("--signer-capacity", help="e.g. 'KT. GIÁM ĐỐC'")
    head.add_argument("--signer-title", help="e.g. 'PHÓ GIÁM ĐỐC'")
    head.add_argument("--signer-name", help="the name of the person who signs")
    head.add_argument("--recipient", action="append", default=[], help="a recipient (repeatable)")
    return report


def _letterhead(args: argparse.Namespace) -> Any:
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.report.letterhead import Letterhead, read_letterhead

    head = read_letterhead(args.letterhead) if args.letterhead is not None else Letterhead()
    return head.merged(
        authority=args.authority,
        issuer=args.issuer,
        number=args.number,
        place=args.place,
        signer_capacity=args.signer_capacity,
        signer_title=args.signer_title,
        signer_name=args.signer_name,
        recipients=tuple(args.recipient),
    )


def _check_verdicts_path(path: Path) -> None:
    if path.suffix.lower() not in (".csv", ".jsonl", ".ndjson", ".xlsx"):
        raise InputError(
            "--verdicts", str(path), Msg("expected a file ending in .jsonl, .csv or .xlsx")
        )


def _write_verdicts(
    path: Path, verdicts: Sequence[Any], communes: Sequence[Any] = (), lang: Lang = "vi"
) -> None:
    _check_verdicts_path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        # Imported when the command runs, so that the parser alone starts fast.
        from antq.io.xlsx import write_results_xlsx

        write_results_xlsx(path, verdicts, communes=communes, lang=lang)
        return
    if suffix == ".csv":
        # With a byte-order mark, so that spreadsheets read the Vietnamese text as UTF-8.
        write_whole(
            path,
            lambda handle: write_verdicts_csv(verdicts, handle),
            encoding="utf-8-sig",
            newline="",
            option="--verdicts",
        )
    else:
        write_whole(
            path, lambda handle: write_verdicts_jsonl(verdicts, handle), option="--verdicts"
        )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``antq report``; returns the exit code."""
    progress = RoundProgress(err, lang=args.lang, enabled=args.progress)
    try:
        with batch_collection():
            code = _report(args, out, err, progress)
    except BaseException:
        progress.clear()  # a partial run has no summary: the error says what happened
        raise
    progress.finish()
    return code


def _report(args: argparse.Namespace, out: TextIO, err: TextIO, progress: RoundProgress) -> int:
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.report import ReportCollector, build_report, iter_report, render_report_bytes
    from antq.report.indicators import DEFAULT_TARGETS, read_observations, targets_from_data
    from antq.safety import default_rulebook

    lang: Lang = args.lang
    book = book_with_parameters(default_rulebook(), args.param)
    settled()
    if args.top < 1:
        raise InputError("--top", args.top, Msg("must be at least 1"))
    _options.check_jobs(args.jobs)
    # Everything that can be refused is refused before anything is read or written.
    if args.title:
        check_text(args.title, "--title")
    if args.verdicts is not None:
        _check_verdicts_path(args.verdicts)
    refuse_overwriting_inputs(
        [("--output", args.output), ("--verdicts", args.verdicts)],
        [args.path, args.indicators, args.targets],
        directory_suffixes=BATCH_SUFFIXES,
    )
    to_stdout = args.output is None or str(args.output) == "-"
    if args.format == "docx" and to_stdout:
        raise InputError(
            "--output", None, Msg("a Word report is written to a file: give --output FILE.docx")
        )
    letterhead = _letterhead(args)
    previous = None
    if args.previous is not None:
        # Imported when the command runs, so that the parser alone starts fast.
        from antq.report.previous import read_previous

        previous = read_previous(args.previous)
    targets = DEFAULT_TARGETS
    if args.targets is not None:
        # Imported when the command runs, so that the parser alone starts fast.
        from antq.io.facts import parse_text, read_text_file

        data = parse_text(read_text_file(args.targets), str(args.targets), ".json")
        targets = targets.with_targets(*targets_from_data(data, path=str(args.targets)))
    units = read_units(args.path, book, err, input_format=args.input_format, progress=progress)
    round_ = Round.of(units, book)
    evaluation: Any
    if args.verdicts is not None:
        # One row per unit, in the order of the units: every verdict is kept.
        evaluation = round_.evaluate(
            on_verdict=progress.on_verdict, decider=decider_for(args.jobs, round_, keep="all")
        )
        evaluated = len(evaluation.units)
    else:
        evaluation = ReportCollector(top=args.top).evaluate(
            round_, on_verdict=progress.on_verdict, decider=decider_for(args.jobs, round_)
        )
        evaluated = evaluation.units
    progress.phase(Phase.REPORT)
    errors = list(evaluation.errors)
    observations = []
    if args.indicators is not None:
        for item in read_observations(args.indicators):
            if isinstance(item, InputError):
                named = item.path.startswith(str(args.indicators))
                path = item.path if named else f"{args.indicators}:{item.path}"
                errors.append(InputError(path, item.value, item.message))
            else:
                observations.append(item)
    if not evaluated:
        progress.clear()
        write_errors(errors, args, err)
        raise InputError(
            str(args.path), None, Msg("no unit could be read, so there is nothing to report")
        )
    report = build_report(
        evaluation,
        year=args.year,
        generated=args.date,
        title=Text(vi=args.title, en=args.title) if args.title else None,
        observations=observations,
        targets=targets,
        book=book,
        top=args.top,
        letterhead=letterhead,
        previous=previous,
    )
    if args.year is not None and not report.sections:
        raise InputError("--year", args.year, Msg("no unit of this round is in the input"))
    # Names from the input cannot move the cursor or reorder a line of a text report.
    escape = escape_output if args.format in ("text", "markdown") else str
    if args.format == "docx":
        data = render_report_bytes(report, args.format, lang)
        write_atomically(args.output, lambda handle: handle.write(data))
    elif to_stdout:
        # Written a piece at a time: a national report's annex is tens of megabytes.
        for piece in iter_report(report, args.format, lang):
            out.write(escape(piece))
    else:

        def write(handle: IO[bytes]) -> None:
            for piece in iter_report(report, args.format, lang):
                handle.write(escape(piece).encode("utf-8"))

        write_atomically(args.output, write)
    if args.verdicts is not None:
        _write_verdicts(args.verdicts, evaluation.verdicts, evaluation.communes, lang)
    progress.clear()
    write_errors(errors, args, err)
    return EXIT_INPUT if errors else EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``antq report ARGV...`` (``argv`` without the word ``report``)."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.cli import main as antq

    return antq(["report", *(sys.argv[1:] if argv is None else argv)], out=out, err=err)
