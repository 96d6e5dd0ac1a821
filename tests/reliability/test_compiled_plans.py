"""The compiled plans decide what the general path decides, on every criterion.

Each rule set is compiled once into plain functions (:mod:`antq.core.plan`);
the general step (:func:`antq.core.engine.decide_criterion`) stays the
reference. For every rule set antq ships, under each reading its parameters
allow, generated units (valid ones, and ones whose counts contradict each
other) must get from every compiled criterion the outcome the general step
gives, or a deferral to the general path, and from the engine the outcome,
or the error, that the general path gives.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.core.criterion import Context, Defer
from antq.core.engine import decide, decide_criterion, decide_generic
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome
from antq.core.plan import compile_check
from antq.core.ruleset import RuleSet
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.safety import default_rulebook
from antq.safety.checks import AllOf

from .strategies import BOOK, INSTRUMENTS, KINDS, TT23, TT124, baseline, bounded, read_unit, units


def _readings(rule_set: RuleSet) -> list[RuleSet]:
    """The rule set under every value its parameters allow (and unset where allowed)."""
    out = [rule_set]
    for parameter in rule_set.parameters():
        for choice in parameter.choices:
            if choice != rule_set.parameter_value(parameter):
                out.append(rule_set.with_parameters(**{parameter.name: choice}))
    return out


# BOOK supplies the sub-unit share that Thông tư 23 leaves open; the shipped book does not
# (those criteria are then UNKNOWN whatever the facts), and both are compiled.
_UNSUPPLIED = [default_rulebook().get(f"tt23.{kind}") for kind in ("agency", "enterprise")]
RULE_SETS = [reading for rule_set in (*BOOK, *_UNSUPPLIED) for reading in _readings(rule_set)]
SHIPPED = sorted({(r.kind, r.instrument) for r in BOOK}, key=lambda k: (k[0].code, k[1]))


def _with_count_noise(raw: dict[str, Any], noise: dict[str, int]) -> dict[str, Any]:
    """The raw unit with some counts set freely: a part may exceed its whole, a total be 0."""
    changed = copy.deepcopy(raw)
    for name, value in noise.items():
        if isinstance(changed["facts"].get(name), int) and not isinstance(
            changed["facts"][name], bool
        ):
            changed["facts"][name] = value
    return changed


def _outcome_or_error(run: Any) -> Outcome | str:
    try:
        outcome: Outcome = run()
    except InputError as error:
        return f"error: {error}"
    return outcome


def _check_unit(rule_set: RuleSet, facts: UnitFacts) -> set[str]:
    """Compare every compiled criterion, then the whole plan; the ids that deferred."""
    period = rule_set.period_for(facts.year, facts.period)
    context = Context(facts=facts, period=period, parameters=rule_set.resolved_parameters())
    deferred = set()
    for criterion in rule_set.all_criteria():
        step = rule_set.plan.steps[criterion.id]
        general = _outcome_or_error(lambda c=criterion: decide_criterion(c, context))
        try:
            # A criterion that cannot be compiled keeps the general step, errors and all.
            compiled = _outcome_or_error(lambda s=step: s(facts, period))
        except Defer:
            # Only bad input is left to the general path, which reports it.
            assert isinstance(general, str), (criterion.id, general)
            deferred.add(criterion.id)
            continue
        assert compiled == general, (criterion.id, compiled, general)
    reference = _outcome_or_error(lambda: decide_generic(rule_set, context))
    assert _outcome_or_error(lambda: decide(facts, rule_set)) == reference
    try:
        whole = _outcome_or_error(lambda: rule_set.plan.decide(facts, period))
    except Defer:
        pass
    else:
        assert whole == reference
    return deferred


@pytest.mark.parametrize(("kind", "instrument"), SHIPPED, ids=lambda v: getattr(v, "code", v))
@bounded(60)
@given(data=st.data())
def test_every_compiled_criterion_decides_as_the_general_step(
    kind: Any, instrument: str, data: st.DataObject
) -> None:
    unit = data.draw(units(kinds=(kind,), instruments=(instrument,), max_changes=6))
    noise = data.draw(
        st.dictionaries(st.sampled_from(sorted(unit.facts)), st.integers(0, 6), max_size=3)
    )
    raw = _with_count_noise(unit.raw, noise)
    facts = read_unit(raw)
    for rule_set in RULE_SETS:
        if rule_set.kind is kind and rule_set.instrument == instrument:
            _check_unit(rule_set, facts)


def test_every_rule_set_and_criterion_is_covered() -> None:
    assert {(r.kind, r.instrument) for r in RULE_SETS} == {
        (k, i) for k in KINDS for i in INSTRUMENTS
    }
    for rule_set in RULE_SETS:
        assert list(rule_set.plan.steps) == [c.id for c in rule_set.all_criteria()]


def test_a_compiled_check_defers_bad_counts_to_the_general_path() -> None:
    rule_set = BOOK.get("tt124.residential-area")
    share = next(c for c in rule_set.criteria if isinstance(c.check, AllOf))
    part, whole = share.check.part.name, share.check.whole.name  # type: ignore[attr-defined]
    facts = UnitFacts(
        unit_id="U-1", kind=rule_set.kind, year=2025, values={part: 5, whole: 3}, checked=True
    )
    period = rule_set.period_for(2025)
    with pytest.raises(Defer):
        rule_set.plan.steps[share.id](facts, period)
    with pytest.raises(InputError, match=f"U-1.{part}.*cannot exceed"):
        decide(facts, rule_set)


@pytest.mark.parametrize(("kind", "instrument"), SHIPPED, ids=lambda v: getattr(v, "code", v))
def test_a_compiled_check_reads_every_declared_input_so_a_missing_one_is_noticed(
    kind: Any, instrument: str
) -> None:
    complete = {"id": "U-1", "kind": kind.code, "year": 2025 if instrument == TT124 else 2021}
    facts = baseline(kind, instrument)
    for rule_set in RULE_SETS:
        if rule_set.kind is not kind or rule_set.instrument != instrument:
            continue
        for criterion in rule_set.all_criteria():
            parameters = rule_set.resolved_parameters()
            check = compile_check(criterion, parameters)
            unset = any(parameters.get(p.name) is None for p in criterion.required_parameters)
            if check is None or unset:
                continue  # never called: UNKNOWN whatever the facts
            for name in criterion.needs:
                raw = dict(complete, facts={k: v for k, v in facts.items() if k != name})
                if kind is UnitKind.EDUCATIONAL_INSTITUTION and instrument == TT23:
                    raw["period"] = "2020-06-01/2021-05-31"
                unit = read_unit(raw)
                period = rule_set.period_for(unit.year, unit.period)
                with pytest.raises(KeyError):
                    check(unit.values, period)


def test_communes_decided_from_their_units_agree_with_the_general_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pathlib import Path

    import antq
    from antq.core import engine
    from antq.safety import round as round_module

    seen: list[str] = []
    evaluate = engine.evaluate

    def checked(facts: UnitFacts, rules: Any) -> Any:
        verdict = evaluate(facts, rules)
        if facts.kind is UnitKind.COMMUNE:
            rule_set = rules if isinstance(rules, RuleSet) else rules.select(facts.kind, facts.year)
            _check_unit(rule_set, facts)  # every criterion, then the whole plan
            seen.append(facts.unit_id)
        return verdict

    monkeypatch.setattr(round_module.engine, "evaluate", checked)
    example = Path(__file__).resolve().parents[2] / "examples" / "commune-2025.json"
    antq.evaluate_round(example)
    assert seen  # the commune was decided from its units, through the compiled plan
