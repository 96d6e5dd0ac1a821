"""``antq schema``: the JSON Schema of the facts document (every section), or of the rule forms."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from antq.cli import _options
from antq.cli._exit import EXIT_OK

__all__ = ["register", "run"]


def register(commands: Any) -> argparse.ArgumentParser:
    """Add ``antq schema`` to the sub-commands of the ``antq`` parser; returns its parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "schema", help="print the JSON Schema of the input document"
    )
    parser.add_argument(
        "--of",
        choices=("facts", "rule-form"),
        default="facts",
        help="the facts document, every section (default), or the rule form of `antq rules --format json`",
    )
    _options.add_output(parser)
    return parser


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``antq schema``; returns the exit code."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.catalogue.rule_form import rule_form_schema
    from antq.io.schema import facts_schema
    from antq.results import json_text

    out.write(json_text(rule_form_schema() if args.of == "rule-form" else facts_schema()))
    return EXIT_OK
