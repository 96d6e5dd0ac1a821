"""One explain function for every rule and every result antq gives.

:func:`explain` renders, in Vietnamese or English, a catalogue entry of any
family (a safe-standard criterion, an award condition, a sheet item, a veto,
classification bands, a team-rating rule), and any result: a verdict, an
award eligibility answer, a sheet score, a team rating, or one criterion's
result.

>>> from antq.catalogue import rule_catalogue
>>> entry = rule_catalogue(section="teams")[1]
>>> print(explain(entry, "en"))  # doctest: +NORMALIZE_WHITESPACE
hd01.period  [confirmed]
    The rating year runs from 15 November of the previous year to 14 November
    Guidance 01/HD-BCA-V05
    team-rating rule · in force from 2026-01-01
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from antq.core.entry import RuleEntry
from antq.errors import UsageError
from antq.vocabulary import LANGS, Lang

__all__ = ["Explained", "Listed", "explain"]


@runtime_checkable
class Explained(Protocol):
    """Anything that explains itself in a language: results and catalogue entries."""

    def explain(self, lang: Lang) -> str: ...


@runtime_checkable
class Listed(Protocol):
    """A family's own catalogue item, which gives its entry of the one catalogue."""

    def entry(self) -> RuleEntry: ...


def explain(subject: Explained | Listed, lang: Lang = "vi") -> str:
    """``subject`` as readable text in ``lang`` (``"vi"`` or ``"en"``).

    A family's catalogue item (:class:`antq.CatalogueEntry`, an award's
    ``ConditionEntry``, a ``SheetCatalogueEntry``, a ``TeamRule``) is
    explained as its :class:`~antq.RuleEntry`.
    """
    if lang not in LANGS:
        raise UsageError(f"explain() needs lang 'vi' or 'en', not {lang!r}")
    if isinstance(subject, RuleEntry):
        return subject.explain(lang)
    if isinstance(subject, Listed):
        return subject.entry().explain(lang)
    if isinstance(subject, Explained):
        return subject.explain(lang)
    raise UsageError(f"explain() needs a catalogue entry or a result, not {type(subject).__name__}")
