"""The result family: what every answer antq gives has in common.

A unit's :class:`~antq.Verdict` under the safe standard, an award
:class:`~antq.emulation.awards.Eligibility` answer, a sheet
:class:`~antq.emulation.ScoreResult` and a team's
:class:`~antq.emulation.TeamResult` are all a :class:`Result`:

* an ``outcome``, an :class:`~antq.Outcome` combined in three-valued logic;
* ``explain(lang)``, the account in Vietnamese or English, and ``to_json()``;
* ``all_results()``, the result of each rule (criterion, condition, sheet item
  or veto, team rule), each a :class:`RuleResult` with its outcome, reason,
  citation and confirmation status;
* ``missing_inputs``, every input whose absence left something UNKNOWN;
* ``shortfall()``, the gap to pass: the rule results that are NOT_MET, each
  with the reason that says by how much ("2 more needed").

:func:`antq.explain` renders any of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from antq.core.outcome import Outcome
from antq.core.reasons import JsonValue, Reason
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import Lang

__all__ = ["Result", "RuleResult", "missing_in", "not_met"]


@runtime_checkable
class RuleResult(Protocol):
    """One rule's part of a result: its outcome and why, with its citation and status."""

    @property
    def outcome(self) -> Outcome: ...

    @property
    def reason(self) -> Reason: ...

    @property
    def citation(self) -> Citation: ...

    @property
    def confirmation(self) -> Confirmation: ...

    @property
    def missing(self) -> tuple[str, ...]: ...

    def explain(self, lang: Lang) -> str: ...


@runtime_checkable
class Result(Protocol):
    """An answer of antq: a verdict, an eligibility answer, a score or a team rating."""

    @property
    def outcome(self) -> Outcome: ...

    @property
    def missing_inputs(self) -> tuple[str, ...]: ...

    def explain(self, lang: Lang) -> str: ...

    def to_json(self, *, texts: tuple[Lang, ...] = ...) -> dict[str, JsonValue]: ...

    def all_results(self) -> Iterator[RuleResult]: ...

    def shortfall(self) -> tuple[RuleResult, ...]: ...


def not_met(results: Iterable[RuleResult]) -> tuple[RuleResult, ...]:
    """The results of ``results`` that are NOT_MET, in order."""
    return tuple(r for r in results if r.outcome is Outcome.NOT_MET)


def missing_in(results: Iterable[RuleResult]) -> tuple[str, ...]:
    """Every input missing from ``results``, once, in the order they first miss it."""
    seen: dict[str, None] = {}
    for result in results:
        seen.update(dict.fromkeys(result.missing))
    return tuple(seen)
