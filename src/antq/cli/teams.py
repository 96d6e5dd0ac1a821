"""``antq teams FILE``: the yearly rating of the security teams in a document's ``teams`` section.

The section is read by :mod:`antq.emulation.team_reader` and rated by
:func:`antq.emulation.teams.rate_teams` (Hướng dẫn 01/HD-BCA-V05), one rating
per commune. It ends with 0 when every team and member was read, 3 when the
file could not be read or some entries had errors: the communes that lost
nothing are still rated and printed, the others are named in the errors.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final, TextIO, cast

from antq.cli import _options
from antq.cli._exit import EXIT_INPUT, EXIT_OK
from antq.cli.language import write_errors
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.vocabulary import Lang

__all__ = ["RESULTS_FORMAT_VERSION", "main", "register", "run", "teams_json"]

#: Version of the JSON output layout (2: each team's and member's ``results``).
RESULTS_FORMAT_VERSION: Final = 2

_SUMMARY = Msg("{communes} commune(s) rated, {teams} team(s): {summary}")


def register(commands: Any) -> argparse.ArgumentParser:
    """Add ``antq teams`` to the sub-commands of the ``antq`` parser; returns its parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "teams",
        help="rate the security teams (Tổ bảo vệ an ninh, trật tự) of a rating year",
        description=(
            "Rate the teams and members of the 'teams' section of a JSON or TOML document by"
            " Hướng dẫn 01/HD-BCA-V05: exclusions, the seven criteria of an excellent team,"
            " the cap of 20 percent of those rated good and the leader rule, commune by commune."
        ),
    )
    parser.add_argument(
        "file", type=Path, help="the document (.json or .toml) whose 'teams' section is read"
    )
    _options.add_lang(parser)
    _options.add_format(parser, ("text", "json"))
    _options.add_output(parser)
    return parser


def teams_json(ratings: Sequence[Any], errors: Sequence[InputError], lang: Lang) -> str:
    """The text of ``antq teams --format json``: each commune's rating, then the errors."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.cli._results_json import results_json

    head = {
        "antq_teams_results": RESULTS_FORMAT_VERSION,
        "ratings": [r.to_json(texts=(lang,)) for r in ratings],
    }
    return results_json(head, errors, lang, notices=())


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Rate every commune of ``args.file``; returns the exit code (0 or 3)."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq._terminal import TerminalText
    from antq.emulation.team_reader import rate_section, read_teams_file

    lang: Lang = args.lang
    if args.format == "text":
        out = cast(TextIO, TerminalText(out))
    rated = rate_section(read_teams_file(args.file))
    if args.format == "json":
        out.write(teams_json(rated.ratings, rated.errors, lang))
    else:
        for rating in rated.ratings:
            out.write(rating.explain(lang) + "\n\n")
        out.write(_summary(rated.ratings, lang) + "\n")
    write_errors(rated.errors, args, err)
    return EXIT_INPUT if rated.errors else EXIT_OK


def _summary(ratings: Sequence[Any], lang: Lang) -> str:
    """``"2 commune(s) rated, 5 team(s): 1 completed tasks excellently, 3 …, 1 unknown"``."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.emulation.teams import RatingStatus
    from antq.entities.grades import TaskGrade

    teams = [t for r in ratings for t in r.teams]
    grades = Counter(t.grade for t in teams if t.grade is not None)
    statuses = Counter(t.status for t in teams if t.grade is None)
    parts = [f"{grades[g]} {g.label(lang)}" for g in TaskGrade if grades[g]]
    parts += [f"{statuses[s]} {s.label(lang)}" for s in RatingStatus if statuses[s]]
    return _SUMMARY.render(lang).format(
        communes=len(ratings), teams=len(teams), summary=", ".join(parts) or "-"
    )


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``antq teams ARGV...`` (``argv`` without the word ``teams``)."""
    # Imported when the command runs, so that the parser alone starts fast.
    import sys

    # Imported when the command runs, so that the parser alone starts fast.
    from antq.cli import main as antq

    return antq(["teams", *(sys.argv[1:] if argv is None else argv)], out=out, err=err)
