"""The ``antq`` command.

Commands: ``rules``, ``schema``, ``evaluate``, ``report``, ``score``, ``awards``,
``teams``, ``serve``, ``template`` and ``test``, one module each in this package (:data:`COMMANDS`).
This module holds what they share: the one parser, the exit codes, the
printing of errors; the options several commands take (``--lang``,
``--format``, ``--param``, ``--output``, ``--progress``) are each defined
once. Every command that writes has ``--output``; ``evaluate`` and
``report`` read standard input when given ``-`` (with ``--input-format``).

Exit codes:

* 0 - success: every unit was read and evaluated;
* 1 - an unexpected internal error (a bug in antq: please report it);
* 2 - bad command line (unknown option, missing file argument);
* 3 - bad input: a file could not be read, or some units had errors or were
  lost (every good unit is still evaluated and printed; a commune that may
  have lost a unit is left unknown);
* 4 - ``antq test``: some case did not hold;
* 130 - interrupted (Ctrl-C): a file being written is left as it was.

A reader that closes the output early (``antq ... | head -1``) is not an
error: antq stops quietly with the code it would have had (0 if nothing else
went wrong). Standard output and error are written as UTF-8 whatever the
console's encoding.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TextIO, cast

from antq import __version__
from antq.cli import (
    _exit,
    awards,
    evaluate,
    report,
    rules,
    schema,
    score,
    serve,
    teams,
    template,
    test,
)

# `X as X`: exported for type checkers, which do not read the __all__ += _exit.__all__ below.
from antq.cli._exit import EXIT_CASES_FAILED as EXIT_CASES_FAILED
from antq.cli._exit import EXIT_CODES_HELP as EXIT_CODES_HELP
from antq.cli._exit import EXIT_INPUT as EXIT_INPUT
from antq.cli._exit import EXIT_INTERNAL as EXIT_INTERNAL
from antq.cli._exit import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from antq.cli._exit import EXIT_OK as EXIT_OK
from antq.cli._exit import EXIT_USAGE as EXIT_USAGE
from antq.cli._exit import ExitCode as ExitCode
from antq.cli.evaluate import evaluate_to, write_results_json
from antq.cli.rules import rule_entries, rules_json
from antq.errors import AntqError

__all__ = [
    "COMMANDS",
    "evaluate_to",
    "main",
    "rule_entries",
    "rules_json",
    "write_results_json",
]
__all__ += _exit.__all__

#: The sub-commands' modules, in the order ``antq --help`` lists them: each is
#: ``antq.cli.<name>``, with ``register(commands)`` and ``run(args, out, err)``.
_MODULES: tuple[ModuleType, ...] = (
    rules,
    schema,
    evaluate,
    report,
    score,
    awards,
    teams,
    serve,
    template,
    test,
)
#: The sub-commands, in the order ``antq --help`` lists them.
COMMANDS: tuple[str, ...] = tuple(m.__name__.rpartition(".")[2] for m in _MODULES)

#: The commands that write their ``--output`` themselves (a report, a workbook), or nothing.
_OWN_OUTPUT = frozenset({"report", "template", "serve"})
#: The formats of ``antq evaluate`` written whole to ``--output`` by the command itself.
_OWN_OUTPUT_FORMATS = frozenset({"xlsx", "results-csv"})


def command_module(name: str) -> ModuleType:
    """The module of the sub-command ``name`` (one of :data:`COMMANDS`)."""
    return dict(zip(COMMANDS, _MODULES, strict=True))[name]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="antq",
        description="Rules of the 'Toàn dân bảo vệ an ninh Tổ quốc' movement: criteria, verdicts and reasons.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"antq {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in _MODULES:
        module.register(commands).set_defaults(run=module.run)
    return parser


def _version() -> str:
    return __version__


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    # stdout may not be a real file (e.g. in tests): then there is nothing to redirect.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    # Imported when the command runs, so that the parser alone starts fast.
    from antq._terminal import EncodableText, TerminalText, utf8_stream
    from antq.cli._options import write_output
    from antq.cli.language import argparse_language, cli_lang, error_line, localise_parser

    out = out or utf8_stream(sys.stdout)
    # Error messages quote the input: shown with control characters and lone surrogates escaped.
    err = cast(TextIO, TerminalText(cast(TextIO, EncodableText(err or utf8_stream(sys.stderr)))))
    # Help and argparse's messages in the language of --lang, else of the locale.
    lang = cli_lang(sys.argv[1:] if argv is None else argv, os.environ)
    parser = _parser()
    localise_parser(parser, lang)
    with argparse_language(lang):
        args = parser.parse_args(argv)
    args.messages_lang = lang  # errors of the input are written in the language of the help
    try:
        if args.command in _OWN_OUTPUT or getattr(args, "format", "") in _OWN_OUTPUT_FORMATS:
            return int(args.run(args, out, err))
        return write_output(args.output, lambda handle: int(args.run(args, handle, err)), out)
    except AntqError as error:
        err.write(error_line(error, lang))
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader (e.g. `head`) closed the pipe: not an error of the input.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        err.write("antq: interrupted\n")
        return EXIT_INTERRUPTED
    except OSError as error:
        err.write(f"antq: {error}\n")
        return EXIT_INPUT
