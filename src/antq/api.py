"""Convenience entry points that use antq's own rule book by default."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from antq.core import engine
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome
from antq.core.ruleset import RuleBook, RuleSet
from antq.core.verdict import Verdict
from antq.safety import default_rulebook


def _rules(rules: RuleSet | RuleBook | None) -> RuleSet | RuleBook:
    return default_rulebook() if rules is None else rules


def evaluate(facts: UnitFacts, rules: RuleSet | RuleBook | None = None) -> Verdict:
    """Evaluate one unit; without ``rules`` the rule set in force is chosen by date.

    >>> from antq import UnitFacts, UnitKind, evaluate
    >>> facts = UnitFacts(unit_id="KDC-1", kind=UnitKind.RESIDENTIAL_AREA, year=2024,
    ...                   values={"registered_q1": False})
    >>> verdict = evaluate(facts)
    >>> verdict.outcome.code, verdict.rule_set
    ('not_met', 'tt124.residential-area')
    """
    return engine.evaluate(facts, _rules(rules))


def decide(facts: UnitFacts, rules: RuleSet | RuleBook | None = None) -> Outcome:
    """Only the outcome of one unit: ``evaluate(facts, rules).outcome``, without the verdict.

    For batches that only count or filter; errors are raised as by :func:`evaluate`.

    >>> from antq import UnitFacts, UnitKind, decide
    >>> decide(UnitFacts(unit_id="KDC-1", kind=UnitKind.RESIDENTIAL_AREA, year=2024,
    ...                  values={"registered_q1": False})).code
    'not_met'
    """
    return engine.decide(facts, default_rulebook() if rules is None else rules)


def evaluate_many(
    facts: Iterable[UnitFacts], rules: RuleSet | RuleBook | None = None
) -> Iterator[Verdict]:
    """Evaluate units lazily, one verdict each, in input order."""
    return engine.evaluate_many(facts, _rules(rules))
