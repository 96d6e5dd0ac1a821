"""The exit codes of every ``antq`` command, declared once (the package docstring explains them)."""

from __future__ import annotations

import enum

__all__ = [
    "EXIT_CASES_FAILED",
    "EXIT_CODES_HELP",
    "EXIT_INPUT",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "ExitCode",
]


class ExitCode(enum.IntEnum):
    """What an ``antq`` command's exit status says."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    INPUT = 3
    #: ``antq test``: some case did not hold (antq decided otherwise than the case expects).
    CASES_FAILED = 4
    #: Ended by Ctrl-C (SIGINT), as shells report a process ended by it.
    INTERRUPTED = 130


EXIT_OK = ExitCode.OK
EXIT_INTERNAL = ExitCode.INTERNAL
EXIT_USAGE = ExitCode.USAGE
EXIT_INPUT = ExitCode.INPUT
EXIT_CASES_FAILED = ExitCode.CASES_FAILED
EXIT_INTERRUPTED = ExitCode.INTERRUPTED

#: The exit codes as ``antq --help`` lists them (extracted for translation by its name).
EXIT_CODES_HELP = """exit codes:
  0  success: every unit was read and evaluated (whatever the verdicts)
  1  internal error: a bug in antq, please report it
  2  bad command line
  3  bad input: a file could not be read, or some units had errors or were lost
     (every good unit is still evaluated and printed; a commune that may have
     lost a unit is left unknown)
  4  antq test: some case did not hold
  130  interrupted (Ctrl-C); a file being written is left as it was
a closed output pipe (antq ... | head -1) ends quietly with 0"""
