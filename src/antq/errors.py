"""Exceptions raised by antq.

All of antq's own errors derive from :class:`AntqError`, so a caller can catch
them in one place. Input problems raise :class:`InputError`, which names the
field path and the offending value; errors in the definition of rules or
citations raise :class:`DefinitionError` when the rule is created, not when it
is evaluated.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Longest shown value in an error message; longer ones are cut in the middle.
MAX_SHOWN = 200


def shown(value: object) -> str:
    """``repr(value)`` for an error message, safe for huge or hostile values."""
    try:
        text = repr(value)
    except ValueError:  # an integer too long to write as text
        return (
            f"<a number of about {value.bit_length() * 3 // 10} digits>"
            if isinstance(value, int)
            else "<unprintable>"
        )
    if len(text) > MAX_SHOWN:
        half = MAX_SHOWN // 2
        text = f"{text[:half]}…{text[-half:]} ({len(text)} characters)"
    # Lone surrogates cannot be written out as UTF-8: show them escaped.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class AntqError(Exception):
    """Base class of every error antq raises on purpose."""


class InputError(AntqError, ValueError):
    """Bad input: names the field path, the value and what is wrong.

    >>> str(InputError("units[0].facts.households_resident", -3, "must be >= 0"))
    'units[0].facts.households_resident: must be >= 0 (got -3)'
    """

    def __init__(self, path: str, value: object, message: str) -> None:
        self.path = path
        self.value = value
        self.message = message
        where = f"{path}: " if path else ""
        super().__init__(f"{where}{message} (got {shown(value)})")


class InputErrors(AntqError, ValueError):
    """Several input problems found in one document, each an :class:`InputError`."""

    def __init__(self, errors: Sequence[InputError]) -> None:
        self.errors = tuple(errors)
        lines = "\n".join(f"  - {e}" for e in self.errors)
        super().__init__(f"{len(self.errors)} input error(s):\n{lines}")


class DefinitionError(AntqError):
    """A rule, rule set, citation or instrument is defined inconsistently."""


class CitationError(DefinitionError):
    """A citation names an unknown instrument, article, clause or point."""


class RuleSetNotFound(AntqError, LookupError):
    """No rule set is in force for the requested unit kind and period."""


class AmbiguousDateError(AntqError, ValueError):
    """Month or year arithmetic whose answer depends on a month-end policy.

    Raised under the strict policy, e.g. for 31/03 + 1 month or 29/02 + 1 year.
    """


class UsageError(AntqError, TypeError):
    """antq was called from Python with an argument of the wrong type.

    The message says what was given and what to pass instead, e.g. a ``dict``
    given to :func:`antq.evaluate`, which needs :class:`antq.UnitFacts`. It is
    a :class:`TypeError` too.
    """
