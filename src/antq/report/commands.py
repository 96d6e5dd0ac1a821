"""Command-line handlers for batch evaluation and reports (wired into ``antq.cli``).

* :func:`read_units` reads any batch input (a ``.csv``, ``.jsonl``,
  ``.json`` or ``.toml`` file, or a directory of them) and shows a progress
  bar on stderr, only when stderr is a terminal.
* :func:`add_report_parser` and :func:`cmd_report` are ``antq report``.

Exit codes are those of ``antq.cli``: 0 when every unit was read and
evaluated, 3 when some input had errors (every good unit is still evaluated
and reported).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, TextIO, TypeVar

from antq._terminal import TerminalText, escape_output
from antq.core.facts import UnitFacts, check_text
from antq.core.reasons import Reason
from antq.core.ruleset import RuleBook
from antq.errors import AntqError, InputError
from antq.i18n import formatting
from antq.i18n.catalog import Msg, Text
from antq.i18n.cli import cli_lang, error_line, messages_lang
from antq.io._safe_write import refuse_overwriting_inputs, write_whole
from antq.io.batch import (
    BATCH_SUFFIXES,
    INPUT_FORMATS,
    ReadProgress,
    read_any,
    write_verdicts_csv,
    write_verdicts_jsonl,
)
from antq.periods import parse_iso_date
from antq.safety.round import Round, evaluate_round
from antq.vocabulary import Lang

__all__ = [
    "EXIT_INPUT",
    "EXIT_OK",
    "REPORT_FORMATS",
    "ProgressBar",
    "add_report_parser",
    "book_with_parameters",
    "cmd_report",
    "read_units",
    "run_report",
    "write_atomically",
]

EXIT_OK, EXIT_INPUT = 0, 3
#: The formats of ``antq report`` (those of :data:`antq.report.FORMATS`).
REPORT_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html", "docx")

T = TypeVar("T")

_UNITS_READ = Msg("{count} unit(s) read")


class ProgressBar:
    """A one-line progress bar on ``stream``, drawn only when it is a terminal.

    With the bytes read out of the total (``progress``) it shows a bar and a
    percentage; it always shows the number of items. It redraws at most every
    ``interval`` seconds and erases itself at the end, so nothing of it stays
    in a log.
    """

    def __init__(
        self,
        stream: TextIO,
        progress: ReadProgress | None = None,
        *,
        lang: Lang = "vi",
        interval: float = 0.1,
        enabled: bool | None = None,
    ) -> None:
        # The bar is antq's own text: drawn on the stream under any escaping of input text.
        self.stream = stream.stream if isinstance(stream, TerminalText) else stream
        self.progress = progress
        self.lang = lang
        self.interval = interval
        if enabled is None:
            isatty = getattr(stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.count = 0
        self._shown = 0
        self._last = 0.0

    def line(self) -> str:
        """The text of the bar now."""
        units = Reason(template=_UNITS_READ, params={"count": self.count}).render(self.lang)
        progress = self.progress
        if progress is None or not progress.total:
            return f"antq: {units}"
        done = min(progress.done, progress.total)
        filled = 30 * done // progress.total
        percent = formatting.format_percent(done, progress.total, self.lang).rjust(6)
        return f"antq: [{'#' * filled}{'.' * (30 - filled)}] {percent} {units}"

    def draw(self, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        text = self.line()
        self.stream.write("\r" + text + " " * max(self._shown - len(text), 0))
        self.stream.flush()
        self._shown = len(text)

    def clear(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        """Pass ``items`` through, counting them and redrawing the bar."""
        try:
            for item in items:
                self.count += 1
                self.draw()
                yield item
        finally:
            self.clear()


def read_units(
    path: str | Path,
    book: RuleBook,
    err: TextIO,
    *,
    lang: Lang = "vi",
    input_format: str | None = None,
) -> Iterator[UnitFacts | InputError]:
    """Units from any batch input (see :func:`antq.io.batch.read_any`), with a progress bar.

    The bar is drawn on ``err`` only when ``err`` is a terminal. A ``path``
    of ``-`` is standard input, in ``input_format``.
    """
    progress = ReadProgress()
    bar = ProgressBar(err, progress, lang=lang)
    return bar.wrap(read_any(path, book, progress=progress, input_format=input_format))


def book_with_parameters(book: RuleBook, pairs: Sequence[str]) -> RuleBook:
    """``book`` with ``NAME=VALUE`` parameters given to every rule set that has them.

    A value of digits only is a whole number. A name no rule set has is an
    :class:`~antq.errors.InputError`.
    """
    values: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise InputError("--param", pair, Msg("expected NAME=VALUE"))
        values[name] = int(value) if value.isdecimal() else value
    if not values:
        return book
    known = {p.name for r in book for p in r.parameters()}
    unknown = sorted(set(values) - known)
    if unknown:
        raise InputError(
            f"--param {unknown[0]}", values[unknown[0]], Msg("no rule set has this parameter")
        )
    changed = []
    for rule_set in book:
        own = {p.name for p in rule_set.parameters()}
        chosen = {k: v for k, v in values.items() if k in own}
        changed.append(rule_set.with_parameters(**chosen) if chosen else rule_set)
    return RuleBook(tuple(changed))


def write_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write a file of bytes whole or not at all (see :func:`antq.io._safe_write.write_whole`)."""
    write_whole(path, lambda handle: write(handle.buffer))


def _error_line(error: InputError, args: argparse.Namespace) -> str:
    return error_line(error, messages_lang(args))


# --------------------------------------------------------------------------- antq report


def _date(text: str) -> date:
    try:
        return parse_iso_date(text, "date")
    except InputError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def add_report_parser(commands: Any) -> argparse.ArgumentParser:
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
    report.add_argument("--lang", choices=("vi", "en"), default="vi")
    report.add_argument("--format", choices=REPORT_FORMATS, default="text")
    report.add_argument("--output", type=Path, help="write the report here instead of stdout")
    report.add_argument("--year", type=int, help="the round to report on (default: the latest)")
    report.add_argument("--title", help="the report's title (default: a title with the round)")
    report.add_argument(
        "--date", type=_date, help="the date written on the report (default: today)"
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
    report.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="supply a rule parameter (repeatable)",
    )
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


def cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``antq report``; returns the exit code."""
    from antq.indicators import DEFAULT_TARGETS, read_observations, targets_from_data
    from antq.report import build_report, render_report, render_report_bytes
    from antq.safety import default_rulebook

    lang: Lang = args.lang
    book = book_with_parameters(default_rulebook(), args.param)
    if args.top < 1:
        raise InputError("--top", args.top, Msg("must be at least 1"))
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
        from antq.report.previous import read_previous

        previous = read_previous(args.previous)
    targets = DEFAULT_TARGETS
    if args.targets is not None:
        from antq.io.facts import parse_text, read_text_file

        data = parse_text(read_text_file(args.targets), str(args.targets), ".json")
        targets = targets.with_targets(*targets_from_data(data, path=str(args.targets)))
    units = read_units(args.path, book, err, lang=lang, input_format=args.input_format)
    evaluation = evaluate_round(Round.of(units, book))
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
    if not evaluation.units:
        for problem in errors:
            err.write(_error_line(problem, args))
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
    if args.output is None or str(args.output) == "-":
        text = render_report(report, args.format, lang)
        if args.format in ("text", "markdown"):
            text = escape_output(text)  # names from the input cannot move the cursor or reorder
        out.write(text)
    else:
        data = render_report_bytes(report, args.format, lang)
        if args.format in ("text", "markdown"):
            data = escape_output(data.decode("utf-8")).encode("utf-8")
        write_atomically(args.output, lambda handle: handle.write(data))
    if args.verdicts is not None:
        _write_verdicts(args.verdicts, evaluation.verdicts, evaluation.communes, lang)
    for problem in errors:
        err.write(_error_line(problem, args))
    return EXIT_INPUT if errors else EXIT_OK


def run_report(argv: Sequence[str], *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``antq report ARGV...`` on its own, with the exit codes of ``antq.cli``."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = argparse.ArgumentParser(prog="antq")
    add_report_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["report", *argv])
    args.messages_lang = cli_lang(argv, os.environ)  # errors: --lang, else the locale
    try:
        return cmd_report(args, out, err)
    except AntqError as error:
        err.write(error_line(error, messages_lang(args)))
        return EXIT_INPUT
    except OSError as error:
        err.write(f"antq: {error}\n")
        return EXIT_INPUT


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run_report(sys.argv[1:]))
