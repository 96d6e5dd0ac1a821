"""A round's notices weaken what its results say of their criteria, and nothing else."""

from __future__ import annotations

import antq
from antq.core.engine import evaluate_criterion
from antq.law.confirmation import Confirmation
from antq.testing import residential_area


def _verdicts(year: int) -> tuple[antq.Verdict, antq.Verdict]:
    facts = residential_area(households_resident=120, households_registered=120)
    first = antq.evaluate(facts.unit("KDC-1", year))
    second = antq.evaluate(facts.unit("KDC-2", year))
    return first, second


def test_a_2025_round_shows_every_result_unconfirmed() -> None:
    first, second = _verdicts(2025)
    assert [n.render("en")[:26] for n in first.notices] == ["Circular 48/2025 amended C"]
    assert first.results
    assert {r.confirmation for r in first.all_results()} == {Confirmation.UNCONFIRMED}
    # One weakened description per criterion, shared by every verdict of the round.
    assert all(a.about is b.about for a, b in zip(first.results, second.results, strict=True))


def test_a_2024_round_shows_each_criterion_s_own_status() -> None:
    first, _ = _verdicts(2024)
    assert first.notices == ()
    rule_set = antq.default_rulebook().select(antq.UnitKind.RESIDENTIAL_AREA, 2024)
    own = {c.id: c.info for c in rule_set.all_criteria()}
    assert all(r.about is own[r.criterion_id] for r in first.results)
    assert Confirmation.CONFIRMED in {r.confirmation for r in first.results}


def test_evaluate_criterion_says_what_it_is_given_of_its_criterion() -> None:
    verdict, _ = _verdicts(2025)
    rule_set = antq.default_rulebook().select(antq.UnitKind.RESIDENTIAL_AREA, 2025)
    criterion = next(rule_set.all_criteria())
    context = antq.Context(
        facts=residential_area(households_resident=120).unit("KDC-1", 2025),
        period=verdict.period,
        parameters=rule_set.resolved_parameters(),
    )
    plain = evaluate_criterion(criterion, context)
    weakened = verdict.results[0].about
    given = evaluate_criterion(criterion, context, about=weakened)
    assert plain.about is criterion.info
    assert given.about is weakened
    assert (given.outcome, given.reason) == (plain.outcome, plain.reason)
