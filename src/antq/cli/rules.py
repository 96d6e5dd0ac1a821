"""``antq rules``: list the criteria catalogue, the award conditions, sheet items and team rules.

:func:`rule_entries` and :func:`rules_json` are also the answer of
``GET /rules`` of ``antq serve``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from antq.cli import _options
from antq.cli._exit import EXIT_OK
from antq.errors import InputError

if TYPE_CHECKING:
    from antq.core.entry import RuleEntry

__all__ = ["SECTIONS", "register", "rule_entries", "rules_json", "run"]

#: The parts of the catalogue ``--section`` chooses from; the first is the default
#: (the same as :data:`antq.catalogue.SECTIONS`, which is not imported to start fast).
SECTIONS: tuple[str, ...] = ("all", "safety", "awards", "sheets", "teams")


def register(commands: Any) -> argparse.ArgumentParser:
    """Add ``antq rules`` to the sub-commands of the ``antq`` parser; returns its parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "rules", help="list the criteria catalogue"
    )
    parser.add_argument(
        "--as-of",
        type=_options.iso_date,
        help="only rule sets in force for rounds ending on this date",
    )
    parser.add_argument("--kind", help="only this unit kind (e.g. residential_area, commune)")
    parser.add_argument(
        "--section",
        choices=SECTIONS,
        default="all",
        help="safe-standard criteria, award conditions, scoring-sheet items, team-rating"
        " rules, or all of them",
    )
    _options.add_lang(parser)
    _options.add_format(parser, ("text", "json"))
    _options.add_output(parser)
    return parser


def rule_entries(
    *, as_of: date | None = None, kind: str | None = None, section: str = "all"
) -> list[RuleEntry]:
    """The entries ``antq rules`` lists (see its options); ``kind`` shows safety criteria only."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.catalogue import rule_catalogue
    from antq.core.unit_kinds import UnitKind

    unit_kind = None if not kind else UnitKind.from_code(kind, path="--kind")
    entries = list(rule_catalogue(as_of=as_of, kind=unit_kind, section=section))
    if not entries and as_of is not None:
        # Outside every bound: say so, never an empty list that looks like "no criteria".
        from antq.catalogue.coverage import coverage

        raise InputError("--as-of", as_of.isoformat(), coverage(section, kind))
    return entries


def rules_json(entries: Sequence[RuleEntry]) -> str:
    """The text of ``antq rules --format json``."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.results import json_text

    return json_text([e.to_json() for e in entries])


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``antq rules``; returns the exit code."""
    entries = rule_entries(as_of=args.as_of, kind=args.kind, section=args.section)
    if args.format == "json":
        out.write(rules_json(entries))
    else:
        out.write("\n\n".join(e.render(args.lang) for e in entries) + "\n")
    return EXIT_OK
