"""The four outcomes of a criterion and how a verdict combines them.

A criterion is MET, NOT_MET, UNKNOWN (an input is missing or a judgement was not
given) or NOT_APPLICABLE (the law excludes it for this unit). A unit's verdict
is the three-valued conjunction of its applicable criteria:

* any NOT_MET gives NOT_MET, whatever else is unknown;
* otherwise any UNKNOWN gives UNKNOWN: a missing input is never "met";
* otherwise MET; NOT_APPLICABLE criteria are left out.

>>> combine([Outcome.MET, Outcome.UNKNOWN, Outcome.NOT_MET])
<Outcome.NOT_MET: 'not_met'>
>>> combine([Outcome.MET, Outcome.NOT_APPLICABLE])
<Outcome.MET: 'met'>
"""

from __future__ import annotations

from collections.abc import Iterable

from antq.errors import DefinitionError
from antq.vocabulary import CodedEnum


class Outcome(CodedEnum):
    """The outcome of one criterion, or of a whole verdict."""

    MET = ("met", "đạt", "met")
    NOT_MET = ("not_met", "chưa đạt", "not met")
    UNKNOWN = ("unknown", "chưa xác định", "unknown")
    NOT_APPLICABLE = ("not_applicable", "không áp dụng", "not applicable")


# Module constants: reading a member through the Enum class costs a lookup on
# every call, and combine runs for every unit of a batch.
_MET: Outcome = Outcome.MET
_NOT_MET: Outcome = Outcome.NOT_MET
_UNKNOWN: Outcome = Outcome.UNKNOWN
_NOT_APPLICABLE: Outcome = Outcome.NOT_APPLICABLE


def combine(outcomes: Iterable[Outcome]) -> Outcome:
    """Combine criterion outcomes into a verdict (see the module docstring).

    If every criterion is NOT_APPLICABLE the verdict is NOT_APPLICABLE. An empty
    list is a definition error: a verdict needs at least one criterion.
    """
    # A list's ``in`` compares by identity first, and outcomes are singletons.
    seen = outcomes if isinstance(outcomes, list | tuple) else list(outcomes)
    if not seen:
        raise DefinitionError("cannot combine an empty list of outcomes")
    if _NOT_MET in seen:
        return _NOT_MET
    if _UNKNOWN in seen:
        return _UNKNOWN
    return _MET if _MET in seen else _NOT_APPLICABLE
