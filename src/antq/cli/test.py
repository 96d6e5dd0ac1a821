"""``antq test``: run case files (see :mod:`antq.testing`) and say what differed.

Each case is decided as a round; a case that holds prints ``ok``, one that does
not prints ``FAILED`` and every difference with the reason antq gave, in the
language of ``--lang`` (else that of the command line: see
:mod:`antq.cli.language`). The last line counts them. Exit 0 when every case held, 4 when one did not, 3 when a
case file could not be read.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from antq.cli import _options
from antq.cli._exit import EXIT_CASES_FAILED, EXIT_OK
from antq.i18n.catalog import Msg
from antq.vocabulary import LANGS, Lang

__all__ = ["register", "run"]

_SUMMARY = Msg("{count} case(s): {held} held, {failed} did not")


def register(commands: Any) -> argparse.ArgumentParser:
    """Add ``antq test`` to the sub-commands of the ``antq`` parser; returns its parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "test",
        help="run case files: what a round must decide, written in TOML",
        description=(
            "Run the cases of TOML case files (antq_cases = 1) or of every *.toml file of a"
            " directory: each case's units are decided as a round and compared with what the"
            " case expects."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="CASES", help="a case file or a directory")
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="print only the cases that did not hold"
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=None,
        help="the language of the differences and reasons (default: that of the command line)",
    )
    _options.add_output(parser)
    return parser


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``antq test``; returns the exit code."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.cli.language import messages_lang
    from antq.testing import run_cases

    lang: Lang = args.lang or messages_lang(args)
    results = run_cases(args.paths, lang=lang)
    failed = 0
    for result in results:
        if result.passed:
            if not args.quiet:
                out.write(f"ok      {result.report()}\n")
            continue
        failed += 1
        out.write(f"FAILED  {result.report()}\n")
    summary = _SUMMARY.render(lang).format(
        count=len(results), held=len(results) - failed, failed=failed
    )
    out.write(summary + "\n")
    return EXIT_CASES_FAILED if failed else EXIT_OK
