"""``antq score SHEET FACTS``: score units on a scoring sheet.

``SHEET`` is a sheet file (``.toml``) or the id of a sheet antq ships
(``qd510.agency``); ``--override FILE`` applies a province override to it
(repeatable, in order). ``FACTS`` is a scores document (``.json`` or
``.toml``; see ``antq.emulation.scoring``).

Exit codes, as for ``antq evaluate``:

* 0 - every unit was read and scored (a total may still be unknown);
* 3 - bad input: the sheet, an override or the facts file could not be read,
  or some units had errors (every good unit is still scored and printed).

The lead wires it into :mod:`antq.cli`: ``register(commands)`` in the parser,
and ``run(args, out, err)`` when ``args.command == "score"``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from antq._terminal import TerminalText
from antq.errors import AntqError, InputError
from antq.i18n.catalog import Msg
from antq.i18n.cli import cli_lang, error_line, messages_lang
from antq.vocabulary import Lang

__all__ = ["EXIT_INPUT", "EXIT_OK", "main", "register", "run", "score_document", "scores_json"]

#: The exit codes of :mod:`antq.cli` (kept equal to them; a test checks it).
EXIT_OK, EXIT_INPUT = 0, 3
#: Version of the JSON output layout.
SCORES_RESULTS_VERSION = 1

_SUMMARY = Msg("{count} unit(s) scored: {summary}")


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``score`` subcommand to an ``add_subparsers()`` object; returns its parser."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "score", help="score units on a scoring sheet (thi đua)"
    )
    parser.add_argument("sheet", help="a sheet file (.toml) or the id of a shipped sheet")
    parser.add_argument("facts", type=Path, help="the scores document (.json or .toml)")
    parser.add_argument(
        "--override",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="apply a province override file to the sheet (repeatable, in order)",
    )
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _sheet(reference: str, overrides: Sequence[Path]) -> Any:
    from antq.emulation.sheets import apply_override_file, load_sheet, shipped_sheet

    path = Path(reference)
    if path.suffix.lower() == ".toml" or path.exists():
        sheet = load_sheet(path)
    else:
        sheet = shipped_sheet(reference)
    for override in overrides:
        sheet = apply_override_file(sheet, override)
    return sheet


class _Safe:
    """Writes text that any output can encode: a lone surrogate is escaped, never a crash."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Handle ``antq score``; returns the exit code."""
    out, err = cast(TextIO, _Safe(out)), cast(TextIO, _Safe(err))
    if args.format == "text":
        out = cast(TextIO, TerminalText(out))
    try:
        return _run(args, out, err)
    except AntqError as error:
        err.write(error_line(error, messages_lang(args)))
        return EXIT_INPUT
    except BrokenPipeError:
        raise  # the command line ends quietly
    except OSError as error:
        err.write(f"antq: {error}\n")
        return EXIT_INPUT


def score_document(sheet: Any, document: Any) -> tuple[list[Any], list[InputError]]:
    """Score every unit of a read scores document; returns the results and every error."""
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
    sheet: Any, results: Sequence[Any], errors: Sequence[InputError], lang: Lang
) -> str:
    """The text of ``antq score --format json``."""
    from antq.results import error_rows, json_text

    payload: dict[str, Any] = {
        "antq_scores_results": SCORES_RESULTS_VERSION,
        "sheet": {
            "id": sheet.id,
            "title": dict(sheet.title.to_json()),
            "nature": sheet.nature.code,
            "confirmation": sheet.confirmation.code,
            "citation": dict(sheet.citation.to_dict()),
        },
        "results": [r.to_json(texts=(lang,)) for r in results],
        "errors": error_rows(errors),
    }
    return json_text(payload)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from antq.emulation.scoring import read_scores_file

    lang: Lang = args.lang
    sheet = _sheet(args.sheet, args.override)
    results, errors = score_document(sheet, read_scores_file(args.facts, sheet))
    if args.format == "json":
        out.write(scores_json(sheet, results, errors, lang))
    else:
        for result in results:
            out.write(result.explain(lang) + "\n\n")
        summary = _summary(results, lang)
        out.write(_SUMMARY.render(lang).format(count=len(results), summary=summary) + "\n")
    for problem in errors:
        err.write(error_line(problem, messages_lang(args)))
    return EXIT_INPUT if errors else EXIT_OK


def _summary(results: Sequence[Any], lang: Lang) -> str:
    """``"1 excellent, 2 good, 1 unknown"``: classes from the highest, then the other statuses."""
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
    """Run ``score`` on its own (``python -m antq.emulation.commands SHEET FACTS``)."""
    parser = argparse.ArgumentParser(prog="antq")
    commands = parser.add_subparsers(dest="command", required=True)
    register(commands)
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(["score", *argv])
    args.messages_lang = cli_lang(argv, os.environ)  # errors: --lang, else the locale
    return run(args, out or sys.stdout, err or sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
