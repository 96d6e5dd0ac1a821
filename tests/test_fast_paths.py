"""Verdicts decided fast and explained on demand; rule sets and verdicts across processes."""

from __future__ import annotations

import copy
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs
import pytest

import antq
from antq import Outcome, UnitFacts, UnitKind
from antq.core.criterion import Context, Criterion, CriterionKind, Finding, finding
from antq.core.engine import Explanation
from antq.core.frozen import FrozenMap
from antq.core.inputs import boolean
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Msg, Text
from antq.law.citation import cite
from antq.vocabulary import CodedEnum

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "commune-2025.json"

FLAG = boolean("province_flag", Text(vi="cờ của tỉnh", en="the province's flag"))


@attrs.frozen
class FlagCheck:
    """A province's check without a fast path: the flag must be true."""

    calls: list[str] = attrs.field(factory=list, eq=False)

    def __call__(self, context: Context) -> Finding:
        self.calls.append(context.facts.unit_id)
        met = context[FLAG]
        return finding(Outcome.MET if met else Outcome.NOT_MET, Msg("{fact}: yes"), fact="x")


@attrs.frozen
class CountingCheck(FlagCheck):
    """The same with a fast path; ``calls`` counts the explanations."""

    def decide(self, context: Context) -> Outcome:
        return Outcome.MET if context[FLAG] else Outcome.NOT_MET


@attrs.frozen
class LyingCheck:
    """Its fast path says MET whatever the facts; its explanation tells the truth."""

    def decide(self, context: Context) -> Outcome:
        return Outcome.MET

    def __call__(self, context: Context) -> Finding:
        outcome = Outcome.MET if context[FLAG] else Outcome.NOT_MET
        return finding(outcome, Text(vi="cờ", en="flag"))


def _rule_set(check: object) -> antq.RuleSet:
    criterion = Criterion(
        id="province.flag",
        title=Text(vi="Cờ của tỉnh", en="The province's flag"),
        citation=cite("124/2021/TT-BCA", 8, 1),
        kind=CriterionKind.BOOLEAN,
        inputs=(FLAG,),
        check=check,  # type: ignore[arg-type]
    )
    base = antq.default_rulebook().get("tt124.residential-area")
    return base.extended(id="province.residential-area", criteria=[criterion])


def _area(**values: object) -> UnitFacts:
    return UnitFacts(
        unit_id="KDC-1", kind=UnitKind.RESIDENTIAL_AREA, year=2025, values=dict(values)
    )


def test_results_are_built_only_when_read_and_only_once() -> None:
    check = CountingCheck()
    verdict = antq.evaluate(_area(registered_q1=False, province_flag=True), _rule_set(check))
    assert verdict.outcome is Outcome.NOT_MET
    assert check.calls == []  # decided without an explanation
    assert verdict.results[-1].outcome is Outcome.MET
    assert verdict.results is verdict.results
    assert check.calls == ["KDC-1"]  # explained once, when first read


def test_a_check_without_decide_still_decides() -> None:
    rules = _rule_set(FlagCheck())
    assert antq.decide(_area(province_flag=False), rules) is Outcome.NOT_MET
    assert antq.decide(_area(), rules) is Outcome.UNKNOWN


def test_a_fast_path_that_disagrees_with_its_check_is_an_error_not_a_verdict() -> None:
    verdict = antq.evaluate(_area(province_flag=False), _rule_set(LyingCheck()))
    with pytest.raises(DefinitionError, match=r"province\.flag.*gives not_met.*gave met"):
        verdict.explain("en")


def test_decide_gives_every_example_unit_the_outcome_evaluate_gives() -> None:
    document = antq.read_facts_file(EXAMPLE)
    outcomes = {antq.decide(u).code for u in document.units}
    assert outcomes >= {"met", "not_met", "unknown", "not_applicable"}
    for unit in document.units:
        assert antq.decide(unit) is antq.evaluate(unit).outcome


def test_decide_raises_the_input_errors_evaluate_raises() -> None:
    bad = _area(households_resident=10, households_registered=12)
    with pytest.raises(InputError, match="households_registered") as decided:
        antq.decide(bad)
    with pytest.raises(InputError) as evaluated:
        antq.evaluate(bad)
    assert str(decided.value) == str(evaluated.value)


def test_lazy_and_built_verdicts_compare_hash_and_pickle_alike() -> None:
    facts = antq.read_facts_file(EXAMPLE).units[0]
    lazy, built = antq.evaluate(facts), antq.evaluate(facts)
    assert built.results  # built now
    assert lazy == built and hash(lazy) == hash(built)
    again = pickle.loads(pickle.dumps(antq.evaluate(facts)))
    assert again == built
    assert again.explain("vi") == built.explain("vi")
    assert copy.deepcopy(antq.evaluate(facts)) == built


def test_given_results_win_and_a_verdict_needs_results_or_an_explanation() -> None:
    verdict = antq.evaluate(antq.read_facts_file(EXAMPLE).units[0])
    replaced = attrs.evolve(verdict, outcome=Outcome.NOT_APPLICABLE, results=())
    assert replaced.results == () and replaced.eligibility == ()
    fields = {f.alias for f in attrs.fields(antq.Verdict)}
    assert {"results", "eligibility", "explanation"} <= fields
    with pytest.raises(DefinitionError, match="results or an explanation"):
        antq.Verdict(
            unit_id="X",
            kind=UnitKind.COMMUNE,
            year=2025,
            rule_set="r",
            instrument="i",
            period=verdict.period,
            outcome=Outcome.MET,
        )


def test_the_explanation_holds_only_picklable_data() -> None:
    facts = antq.read_facts_file(EXAMPLE).units[0]
    rule_set = antq.default_rulebook().select(facts.kind, facts.year)
    explanation = Explanation(
        rule_set,
        Context(
            facts=facts,
            period=rule_set.period_for(facts.year),
            parameters=rule_set.resolved_parameters(),
        ),
    )
    _, results = pickle.loads(pickle.dumps(explanation))()
    assert [r.criterion_id for r in results] == [c.id for c in rule_set.criteria]


def _outcomes(units: list[UnitFacts]) -> list[str]:
    return [antq.decide(u).code for u in units]


def test_rule_sets_facts_and_verdicts_travel_to_worker_processes() -> None:
    units = list(antq.read_facts_file(EXAMPLE).units)
    book = antq.default_rulebook()
    assert pickle.loads(pickle.dumps(book)) == book
    for rule_set in book:
        copied = pickle.loads(pickle.dumps(rule_set))
        assert copied == rule_set and copied.plan.steps.keys() == rule_set.plan.steps.keys()
    halves = [units[::2], units[1::2]]
    with ProcessPoolExecutor(max_workers=2) as pool:
        in_workers = list(pool.map(_outcomes, halves))
        verdicts = list(pool.map(antq.evaluate, units))
    assert in_workers == [_outcomes(h) for h in halves]
    assert verdicts == [antq.evaluate(u) for u in units]


def test_frozen_maps_read_like_dicts_and_refuse_changes() -> None:
    frozen = FrozenMap({"a": 1})
    assert frozen == {"a": 1} and isinstance(frozen, dict)
    assert hash(frozen) == hash(FrozenMap({"a": 1}))
    for change in (
        lambda: frozen.__setitem__("b", 2),
        lambda: frozen.__delitem__("a"),
        lambda: frozen.update(b=2),
        lambda: frozen.pop("a"),
        lambda: frozen.popitem(),
        lambda: frozen.setdefault("b", 2),
        lambda: frozen.clear(),
    ):
        with pytest.raises(TypeError, match="read-only"):
            change()
    assert frozen == {"a": 1}
    copied = pickle.loads(pickle.dumps(frozen))
    assert type(copied) is FrozenMap and copied == frozen


def test_vocabulary_members_hash_by_identity_and_stay_equal_to_themselves() -> None:
    class Colour(CodedEnum):
        RED = ("red", "đỏ", "red")
        BLUE = ("blue", "xanh", "blue")

    assert {Colour.RED: 1}[Colour.from_code("red")] == 1
    assert pickle.loads(pickle.dumps(UnitKind.COMMUNE)) is UnitKind.COMMUNE
    assert len({Colour.RED, Colour.BLUE, Colour.RED}) == 2
