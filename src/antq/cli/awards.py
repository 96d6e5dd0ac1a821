"""``antq awards FILE``: award eligibility answers for the questions of a document's ``awards``
section.

The document and its questions are read by :mod:`antq.emulation.awards.questions`;
:func:`awards_json` is also the answer of ``POST /awards`` of ``antq serve``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final, TextIO, cast

from antq.cli import _options
from antq.cli._exit import EXIT_INPUT, EXIT_OK
from antq.cli.language import write_errors, write_notices
from antq.errors import InputError, Message
from antq.i18n.catalog import Msg
from antq.vocabulary import Lang

__all__ = ["RESULTS_FORMAT_VERSION", "awards_json", "main", "register", "run"]

#: Version of the JSON output layout.
RESULTS_FORMAT_VERSION: Final = 1

PARAM_HELP = (
    "supply a parameter the law leaves open (repeatable), e.g. knc25_commendation_level=any"
)


def register(commands: Any) -> argparse.ArgumentParser:
    """Add ``antq awards`` to the sub-commands of the ``antq`` parser; returns its parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "awards",
        help="award eligibility: the Kỷ niệm chương and Law 06/2022 standards",
        description=(
            "Answer the award questions of the 'awards' section of a JSON or TOML document: Kỷ niệm chương"
            " 'Bảo vệ an ninh Tổ quốc', Tập thể lao động xuất sắc, the Bằng khen standard of"
            " Article 74(1)(d) and who may award a form."
        ),
    )
    parser.add_argument(
        "file", type=Path, help="the document (.json or .toml) whose 'awards' section is read"
    )
    _options.add_lang(parser)
    _options.add_format(parser, ("text", "json"))
    _options.add_param(parser, help=PARAM_HELP)
    _options.add_output(parser)
    return parser


def awards_json(
    answers: Sequence[Any],
    errors: Sequence[InputError],
    lang: Lang,
    *,
    notices: Sequence[Message] = (),
) -> str:
    """The text of ``antq awards --format json``; ``notices`` are a deprecated layout's."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.cli._results_json import results_json

    answered = [a.to_json(texts=(lang,)) for a in answers]
    head = {"antq_awards_results": RESULTS_FORMAT_VERSION, "answers": answered}
    return results_json(head, errors, lang, notices)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Answer every question of ``args.file``; returns the exit code (0 or 3)."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq._terminal import TerminalText
    from antq.core.outcome import Outcome
    from antq.emulation.awards.questions import (
        answer_questions,
        award_parameters,
        read_awards_file,
    )

    lang: Lang = args.lang
    if args.format == "text":
        out = cast(TextIO, TerminalText(out))
    params = award_parameters(args.param)
    document = read_awards_file(args.file)
    write_notices(document.notices, args, err)
    answers, errors = answer_questions(document, params)
    if args.format == "json":
        out.write(awards_json(answers, errors, lang, notices=document.notices))
    else:
        for answer in answers:
            out.write(answer.explain(lang) + "\n\n")
        tally = Counter(a.outcome for a in answers)
        summary = ", ".join(f"{tally[o]} {o.label(lang)}" for o in Outcome if tally[o])
        out.write(
            Msg("{count} award question(s) answered: {summary}")
            .render(lang)
            .format(count=len(answers), summary=summary or "-")
            + "\n"
        )
    write_errors(errors, args, err)
    return EXIT_INPUT if errors else EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``antq awards ARGV...`` (``argv`` without the word ``awards``)."""
    # Imported when the command runs, so that the parser alone starts fast.
    import sys

    # Imported when the command runs, so that the parser alone starts fast.
    from antq.cli import main as antq

    return antq(["awards", *(sys.argv[1:] if argv is None else argv)], out=out, err=err)
