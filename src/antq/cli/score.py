"""``antq score SHEET FACTS``: score units on a scoring sheet.

``SHEET`` is a sheet file (``.toml``) or the id of a sheet antq ships
(``qd510.agency``); ``--override FILE`` applies a province override to it
(repeatable, in order). ``FACTS`` is a document (``.json`` or ``.toml``; see
:mod:`antq.io.document`) whose ``scores`` section is read.

It ends with 0 when every unit was read and scored (a total may still be
unknown), 3 when the sheet, an override or the facts file could not be read
or some units had errors (every good unit is still scored and printed).
:func:`score_document` and :func:`scores_json` are also the answer of
``POST /scores`` of ``antq serve``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from antq._terminal import EncodableText, TerminalText
from antq.cli import _options
from antq.cli._exit import EXIT_INPUT, EXIT_OK
from antq.cli.language import write_errors, write_notices
from antq.errors import InputError, Message
from antq.i18n.catalog import Msg
from antq.vocabulary import Lang

__all__ = ["main", "register", "run", "score_document", "scores_json"]

#: Version of the JSON output layout.
SCORES_RESULTS_VERSION = 1

_SUMMARY = Msg("{count} unit(s) scored: {summary}")


def register(commands: Any) -> argparse.ArgumentParser:
    """Add ``antq score`` to the sub-commands of the ``antq`` parser; returns its parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "score", help="score units on a scoring sheet (thi đua)"
    )
    parser.add_argument("sheet", help="a sheet file (.toml) or the id of a shipped sheet")
    parser.add_argument(
        "facts", type=Path, help="the document (.json or .toml) whose 'scores' section is read"
    )
    parser.add_argument(
        "--override",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="apply a province override file to the sheet (repeatable, in order)",
    )
    _options.add_lang(parser)
    _options.add_format(parser, ("text", "json"))
    _options.add_output(parser)
    return parser


def _sheet(reference: str, overrides: Sequence[Path]) -> Any:
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.emulation.sheets import apply_override_file, load_sheet, shipped_sheet

    path = Path(reference)
    if path.suffix.lower() == ".toml" or path.exists():
        sheet = load_sheet(path)
    else:
        sheet = shipped_sheet(reference)
    for override in overrides:
        sheet = apply_override_file(sheet, override)
    return sheet


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Handle ``antq score``; returns the exit code."""
    out = cast(TextIO, EncodableText(out))  # a name may hold a lone surrogate
    if args.format == "text":
        out = cast(TextIO, TerminalText(out))
    return _run(args, out, err)


def score_document(sheet: Any, document: Any) -> tuple[list[Any], list[InputError]]:
    """Score every unit of a read scores document; returns the results and every error."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.emulation.scoring import score

    errors = list(document.errors)
    results = []
    for unit in document.units:
        try:
            results.append(score(sheet, unit))
        except InputError as error:
            errors.append(error)
    return results, errors


def scores_json(
    sheet: Any,
    results: Sequence[Any],
    errors: Sequence[InputError],
    lang: Lang,
    *,
    notices: Sequence[Message] = (),
) -> str:
    """The text of ``antq score --format json``; ``notices`` are a deprecated layout's."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq._serialise import label_json
    from antq.cli._results_json import results_json

    head = {
        "antq_scores_results": SCORES_RESULTS_VERSION,
        "sheet": {
            "id": sheet.id,
            "title": label_json(sheet.title),
            "nature": sheet.nature.code,
            "confirmation": sheet.confirmation.code,
            "citation": dict(sheet.citation.to_dict()),
        },
        "results": [r.to_json(texts=(lang,)) for r in results],
    }
    return results_json(head, errors, lang, notices)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.emulation.scoring import read_scores_file

    lang: Lang = args.lang
    sheet = _sheet(args.sheet, args.override)
    document = read_scores_file(args.facts, sheet)
    write_notices(document.notices, args, err)
    results, errors = score_document(sheet, document)
    if args.format == "json":
        out.write(scores_json(sheet, results, errors, lang, notices=document.notices))
    else:
        for result in results:
            out.write(result.explain(lang) + "\n\n")
        summary = _summary(results, lang)
        out.write(_SUMMARY.render(lang).format(count=len(results), summary=summary) + "\n")
    write_errors(errors, args, err)
    return EXIT_INPUT if errors else EXIT_OK


def _summary(results: Sequence[Any], lang: Lang) -> str:
    """``"1 excellent, 2 good, 1 unknown"``: classes from the highest, then the other statuses."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.emulation.scoring import ClassStatus
    from antq.emulation.sheets import MovementClass

    classes = Counter(r.movement_class for r in results if r.movement_class is not None)
    statuses = Counter(r.classification.status for r in results if r.movement_class is None)
    parts = [f"{classes[c]} {c.label(lang)}" for c in MovementClass if classes[c]]
    parts += [f"{statuses[s]} {s.label(lang)}" for s in ClassStatus if statuses[s]]
    return ", ".join(parts) or "-"


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``antq score ARGV...`` (``argv`` without the word ``score``)."""
    # Imported when the command runs, so that the parser alone starts fast.
    import sys

    # Imported when the command runs, so that the parser alone starts fast.
    from antq.cli import main as antq

    return antq(["score", *(sys.argv[1:] if argv is None else argv)], out=out, err=err)
