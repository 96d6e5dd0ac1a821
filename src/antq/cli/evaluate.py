"""``antq evaluate PATH``: evaluate the units of a round and write their verdicts.

:func:`evaluate_to` is the one evaluation of ``antq evaluate`` and of
``POST /rounds/evaluate`` of ``antq serve``; :func:`read_units` and
:func:`book_with_parameters` are shared with ``antq report``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, cast

import attrs

from antq.cli import _options
from antq.cli._exit import EXIT_INPUT, EXIT_OK
from antq.cli._gc import batch_collection, settled
from antq.cli.language import write_errors, write_notices
from antq.cli.progress import Phase, ProgressBar, RoundProgress
from antq.core.facts import UnitFacts
from antq.core.ruleset import RuleBook
from antq.core.verdict import Verdict
from antq.errors import InputError, Message
from antq.i18n.catalog import Msg
from antq.io.batch import INPUT_FORMATS, ReadProgress
from antq.vocabulary import Lang

__all__ = [
    "FORMATS",
    "book_with_parameters",
    "decider_for",
    "evaluate_to",
    "read_units",
    "register",
    "run",
    "write_results_json",
]

#: The formats of ``antq evaluate``; the first is the default.
FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "csv", "xlsx", "results-csv")

FORMAT_HELP = (
    "jsonl and csv write one row per unit as it is evaluated; xlsx and results-csv"
    " write the results with labels and reasons"
)
PARAM_HELP = "supply a rule parameter (repeatable), e.g. offence_comparison=not_increased"


def register(commands: Any) -> argparse.ArgumentParser:
    """Add ``antq evaluate`` to the sub-commands of the ``antq`` parser; returns its parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "evaluate",
        help="evaluate the units of a facts file (.json, .toml, .csv, .jsonl, .xlsx) or a directory of them",
    )
    parser.add_argument("file", type=Path, help="a facts file, a directory, or - for stdin")
    _options.add_lang(parser)
    _options.add_format(parser, FORMATS, help=FORMAT_HELP)
    parser.add_argument("--input-format", choices=INPUT_FORMATS, help="the format of the input")
    parser.add_argument("--rule-set", help="pin this rule set instead of choosing by date")
    _options.add_param(parser, help=PARAM_HELP)
    _options.add_output(parser)
    _options.add_progress(parser)
    _options.add_jobs(parser)
    return parser


def read_units(
    path: str | Path,
    book: RuleBook,
    err: TextIO,
    *,
    lang: Lang = "vi",
    input_format: str | None = None,
    progress: RoundProgress | None = None,
    notices: list[Message] | None = None,
) -> Iterator[UnitFacts | InputError]:
    """Units from any batch input (see :func:`antq.io.batch.read_any`), counted by ``progress``.

    Without ``progress`` a bar is drawn on ``err`` only when ``err`` is a
    terminal. A ``path`` of ``-`` is standard input, in ``input_format``.
    ``notices`` is told of a document in a deprecated layout.
    """
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.io.batch import read_any

    if progress is None:
        bar = ProgressBar(err, ReadProgress(), lang=lang)  # erased once the input is read
        return bar.wrap(
            read_any(path, book, progress=bar.progress, input_format=input_format, notices=notices)
        )
    items = read_any(
        path, book, progress=progress.progress, input_format=input_format, notices=notices
    )
    return progress.read(items)


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


def _round(items: Iterable[Any], book: Any, rule_set: str | None) -> Any:
    """The round of ``items``; a pinned rule set decides the units of its kind, the book others."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.safety.round import Round

    round_ = Round.of(items, book, book=book)
    return attrs.evolve(round_, pinned=book.get(rule_set)) if rule_set else round_


def decider_for(
    jobs: int, round_: Any, *, keep: str = "outcome", fmt: str | None = None, lang: Lang = "vi"
) -> Any:
    """What decides ``round_``'s units in ``jobs`` worker processes (None: this one does).

    ``keep`` is what each verdict brings back, ``fmt`` and ``lang`` the output the
    workers write for each unit (see ``antq.cli._jobs``).
    """
    if jobs <= 1:
        return None
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.cli._jobs import WorkerDecider

    return WorkerDecider(
        jobs=jobs, book=round_.rules, pinned=round_.pinned, keep=keep, fmt=fmt, lang=lang
    )


def evaluate_to(
    items: Iterable[Any],
    book: Any,
    *,
    rule_set: str | None = None,
    fmt: str = "json",
    out: TextIO,
    lang: Lang = "vi",
    on_verdict: Callable[[Verdict], object] | None = None,
    jobs: int = 1,
) -> Any:
    """Evaluate a round and write its verdicts to ``out`` in ``fmt``, as they are decided.

    ``items`` are units and input errors as :mod:`antq.io.batch` reads them;
    ``rule_set`` pins a rule set for the units of its kind; ``on_verdict``,
    when given, is told of each verdict once it is written. This is the one
    evaluation of ``antq evaluate`` and of ``POST /rounds/evaluate`` of
    ``antq serve``. Returns the round's result (errors, notices, tally).
    With ``jobs`` above 1 the units are decided and written in that many
    worker processes (see ``antq.cli._jobs``); the output is the same.
    """
    round_ = _round(items, book, rule_set)
    decider = decider_for(jobs, round_, fmt=fmt, lang=lang)
    writer = _VerdictWriter.of(fmt, out, lang)
    if decider is not None:
        writer.rendered = decider.rendered
    write: Callable[[Verdict], object] = writer.write
    if on_verdict is not None:
        told = on_verdict

        def write(verdict: Verdict) -> None:
            writer.write(verdict)
            told(verdict)

    result = round_.evaluate(
        on_verdict=write, keep_units=False, keep_communes=False, decider=decider
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


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``antq evaluate``; returns the exit code."""
    lang: Lang = args.lang
    if args.format == "text":
        # Imported when the command runs, so that the parser alone starts fast.
        from antq._terminal import TerminalText

        out = cast(TextIO, TerminalText(out))  # names cannot move the cursor or reorder a line
    progress = RoundProgress(err, lang=lang, enabled=args.progress)
    try:
        with batch_collection():
            code = _evaluate(args, out, err, progress)
    except BaseException:
        progress.clear()  # a partial run has no summary: the error says what happened
        raise
    progress.finish()
    return code


def _evaluate(args: argparse.Namespace, out: TextIO, err: TextIO, progress: RoundProgress) -> int:
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.core.outcome import Outcome
    from antq.io.results_files import RESULT_FORMATS, write_results
    from antq.safety import default_rulebook

    lang: Lang = args.lang
    _options.check_jobs(args.jobs)
    book = book_with_parameters(default_rulebook(), args.param)
    settled()
    notices: list[Message] = []
    units = read_units(
        args.file, book, err, input_format=args.input_format, progress=progress, notices=notices
    )
    if args.format in RESULT_FORMATS:
        # A results workbook or CSV needs every verdict and the communes at the end.
        round_ = _round(units, book, args.rule_set)
        decider = decider_for(args.jobs, round_, keep="all")
        kept = round_.evaluate(on_verdict=progress.on_verdict, decider=decider)
        progress.phase(Phase.WRITING)
        verdicts = [u.verdict for u in kept.units if not u.unreadable]
        write_results(
            args.format,
            args.output,
            verdicts,
            communes=kept.communes,
            lang=lang,
            out=out,
        )
        progress.clear()
        write_notices(notices, args, err)
        write_errors(kept.errors, args, err)
        return EXIT_INPUT if kept.errors else EXIT_OK
    result = evaluate_to(
        units,
        book,
        rule_set=args.rule_set,
        fmt=args.format,
        out=out,
        lang=lang,
        on_verdict=progress.on_verdict,
        jobs=args.jobs,
    )
    if args.format == "text":
        tally = result.tally
        summary = ", ".join(f"{tally.count(o)} {o.label(lang)}" for o in Outcome if tally.count(o))
        out.write(
            Msg("{count} unit(s) evaluated: {summary}")
            .render(lang)
            .format(count=tally.total, summary=summary or "-")
            + "\n"
        )
    progress.clear()
    write_notices(notices, args, err)
    write_errors(result.errors, args, err)
    return EXIT_INPUT if result.errors else EXIT_OK


class _VerdictWriter:
    """Writes verdicts as they are decided, in one output format (memory stays flat)."""

    def __init__(self, fmt: str, out: TextIO, lang: Lang) -> None:
        self.fmt, self.out, self.lang = fmt, out, lang
        self.count = 0
        self.csv: Any = None
        # The verdicts' outputs written by worker processes (``--jobs``), if any.
        self.rendered: Any = None

    @classmethod
    def of(cls, fmt: str, out: TextIO, lang: Lang) -> _VerdictWriter:
        writer = cls(fmt, out, lang)
        if fmt == "json":
            out.write('{\n  "antq_results": 1,\n  "verdicts": [')
        elif fmt == "csv":
            # Imported when the command runs, so that the parser alone starts fast.
            import csv

            # Imported when the command runs, so that the parser alone starts fast.
            from antq._terminal import starts_a_file
            from antq.io.batch import VERDICT_COLUMNS

            if starts_a_file(out):
                out.write("\ufeff")  # a byte-order mark, so that spreadsheets read UTF-8
            writer.csv = csv.writer(out, lineterminator="\n")
            writer.csv.writerow(VERDICT_COLUMNS)
        return writer

    def write(self, verdict: Any) -> None:
        # Imported when the command runs, so that the parser alone starts fast.
        from antq.io.batch import VERDICT_COLUMNS, csv_cell, verdict_row

        out, fmt = self.out, self.fmt
        done = self.rendered.take(verdict) if self.rendered is not None else None
        if done is not None:
            out.write(
                done if fmt != "json" else ("\n    " if self.count == 0 else ",\n    ") + done
            )
            self.count += 1
            return
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
