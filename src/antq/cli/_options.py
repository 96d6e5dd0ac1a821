"""The options several sub-commands share, each defined once: ``--lang``, ``--format``,
``--param``, ``--output``, ``--progress``, and the ``YYYY-MM-DD`` argument type.

A sub-command adds the ones it takes; ``--format`` has the choices of its
command, and a command may give its own help text for it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.vocabulary import LANGS

__all__ = [
    "add_format",
    "add_jobs",
    "add_lang",
    "add_output",
    "add_param",
    "add_progress",
    "check_jobs",
    "iso_date",
    "write_output",
]


def iso_date(text: str) -> date:
    """An argparse type: a date written ``YYYY-MM-DD``."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.core.periods import parse_iso_date

    try:
        return parse_iso_date(text, "date")
    except InputError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang {vi,en}``: the language of the output (Vietnamese unless asked)."""
    parser.add_argument("--lang", choices=LANGS, default="vi")


def add_format(
    parser: argparse.ArgumentParser,
    choices: Sequence[str],
    *,
    help: str | None = None,
) -> None:
    """``--format`` with the formats of one command; the first is the default."""
    parser.add_argument("--format", choices=tuple(choices), default=choices[0], help=help)


#: The help of ``--param`` unless a command gives its own.
PARAM_HELP = "supply a rule parameter (repeatable)"


def add_param(
    parser: argparse.ArgumentParser,
    *,
    help: str = PARAM_HELP,
) -> None:
    """``--param NAME=VALUE``, repeatable; the command reads the pairs."""
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help=help)


#: The help of ``--output`` for the commands that write a text.
OUTPUT_HELP = "write here instead of standard output ('-': stdout)"


def add_output(
    parser: argparse.ArgumentParser,
    *,
    help: str = OUTPUT_HELP,
) -> None:
    """``--output FILE`` (``-``, or no option: standard output)."""
    parser.add_argument("--output", type=Path, help=help)


def add_progress(parser: argparse.ArgumentParser) -> None:
    """``--progress`` / ``--no-progress``: the progress bar and summary on standard error."""
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show the progress of the run and a summary line on standard error"
        " (default: only when standard error is a terminal)",
    )


def add_jobs(parser: argparse.ArgumentParser) -> None:
    """``--jobs N``: decide the units in N worker processes (the output is the same)."""
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="decide the units in N worker processes; the output is the same as with one"
        " (default: 1)",
    )


def check_jobs(jobs: int) -> None:
    """Refuse a ``--jobs`` below 1."""
    if jobs < 1:
        raise InputError("--jobs", jobs, Msg("must be at least 1"))


def write_output(path: Path | None, run: Callable[[TextIO], int], out: TextIO) -> int:
    """Run ``run`` on ``out``, or on a file at ``path`` that appears only when it is complete."""
    if path is None or str(path) == "-":
        return run(out)
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.io.xlsx import replace_atomically

    status: list[int] = []

    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8", newline="") as handle:
            status.append(run(handle))

    replace_atomically(path, write)
    return status[0]
