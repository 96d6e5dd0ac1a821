"""The "An toàn về an ninh, trật tự" (safe) standard, by instrument.

:func:`default_rulebook` holds every rule set antq ships; the engine picks the
one in force for a unit kind and round by date.
"""

from __future__ import annotations

from functools import cache

from antq.core.ruleset import RuleBook
from antq.safety import tt23_2012, tt124_2021


@cache
def default_rulebook() -> RuleBook:
    """The rule sets antq ships, for every unit kind and rule version."""

    return RuleBook((*tt23_2012.RULE_SETS, *tt124_2021.RULE_SETS))


__all__ = ["default_rulebook"]
