"""Convenience entry points that use antq's own rule book by default."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping

from antq.core import engine
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome
from antq.core.ruleset import RuleBook, RuleSet
from antq.core.verdict import Verdict
from antq.errors import UsageError
from antq.safety import default_rulebook
from antq.safety.round import evaluate_round


def _rules(rules: RuleSet | RuleBook | None) -> RuleSet | RuleBook:
    if rules is None:
        return default_rulebook()
    if not isinstance(rules, RuleSet | RuleBook):
        raise UsageError(
            f"rules must be an antq.RuleSet, an antq.RuleBook or None (the rules in force), "
            f"not {type(rules).__name__}"
        )
    return rules


def _facts(facts: object, function: str) -> UnitFacts:
    """``facts``, or a :class:`UsageError` saying what to pass instead."""
    if isinstance(facts, UnitFacts):
        return facts
    if isinstance(facts, Mapping):
        hint = (
            "; a unit read from JSON is a dict: build the facts with "
            "antq.read_facts({'units': [...]}).units, or UnitFacts(unit_id=..., kind=UnitKind..., ...)"
        )
    else:
        hint = ""
    raise UsageError(f"{function}() needs antq.UnitFacts, not {type(facts).__name__}{hint}")


def evaluate(facts: UnitFacts, rules: RuleSet | RuleBook | None = None) -> Verdict:
    """Evaluate one unit; without ``rules`` the rule set in force is chosen by date.

    >>> from antq import UnitFacts, UnitKind, evaluate
    >>> facts = UnitFacts(unit_id="KDC-1", kind=UnitKind.RESIDENTIAL_AREA, year=2024,
    ...                   values={"registered_q1": False})
    >>> verdict = evaluate(facts)
    >>> verdict.outcome.code, verdict.rule_set
    ('not_met', 'tt124.residential-area')
    """
    return engine.evaluate(_facts(facts, "evaluate"), _rules(rules))


def decide(facts: UnitFacts, rules: RuleSet | RuleBook | None = None) -> Outcome:
    """Only the outcome of one unit: ``evaluate(facts, rules).outcome``, without the verdict.

    For batches that only count or filter; errors are raised as by :func:`evaluate`.

    >>> from antq import UnitFacts, UnitKind, decide
    >>> decide(UnitFacts(unit_id="KDC-1", kind=UnitKind.RESIDENTIAL_AREA, year=2024,
    ...                  values={"registered_q1": False})).code
    'not_met'
    """
    return engine.decide(_facts(facts, "decide"), _rules(rules))


def evaluate_many(
    facts: Iterable[UnitFacts], rules: RuleSet | RuleBook | None = None
) -> Iterator[Verdict]:
    """Deprecated: use :func:`antq.evaluate_round`, which this goes through.

    The units are evaluated as a round (communes from their units), and the
    verdicts are given in the round's order: the units as they come, then the
    communes. The first input error is raised after the round. Each item
    must be :class:`~antq.UnitFacts`; anything else raises
    :class:`~antq.errors.UsageError`.
    """
    if isinstance(facts, Mapping | str | bytes) or not isinstance(facts, Iterable):
        raise UsageError(
            f"evaluate_many() needs an iterable of antq.UnitFacts, not {type(facts).__name__}"
        )
    units = [_facts(f, "evaluate_many") for f in facts]
    warnings.warn(
        "antq.evaluate_many is deprecated; use antq.evaluate_round, which rolls communes up"
        " from their units",
        DeprecationWarning,
        stacklevel=2,
    )
    verdicts: list[Verdict] = []
    result = evaluate_round(units, rules, on_verdict=verdicts.append, keep_units=False)
    if result.errors:
        raise result.errors[0]
    return iter(verdicts)
