"""Explaining fast: remembered results and lines, and no second decision in normal runs."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest

import antq
from antq import Outcome, UnitFacts, UnitKind
from antq.core import plan as plan_module
from antq.core.criterion import (
    Context,
    Criterion,
    CriterionKind,
    Defer,
    Finding,
    Parameter,
    finding,
)
from antq.core.engine import confirm_explanations, evaluate_criterion
from antq.core.inputs import boolean, count
from antq.core.reasons import Reason
from antq.core.verdict import LINES_KEPT, _line
from antq.errors import DefinitionError
from antq.i18n.catalog import Msg, Text
from antq.law.citation import cite
from antq.law.confirmation import Confirmation
from antq.safety.checks import IsTrue, ShareAtLeast
from antq.safety.gates import WhenTrue

FLAG = boolean("province_flag", Text(vi="cờ của tỉnh", en="the province's flag"))


@attrs.frozen
class CountingDecide:
    """A province's check: ``decide`` counts its calls; the explanation does not use it."""

    decided: list[str] = attrs.field(factory=list, eq=False)

    def decide(self, context: Context) -> Outcome:
        self.decided.append(context.facts.unit_id)
        return Outcome.MET if context[FLAG] else Outcome.NOT_MET

    def __call__(self, context: Context) -> Finding:
        outcome = Outcome.MET if context[FLAG] else Outcome.NOT_MET
        return finding(outcome, Text(vi="cờ: {v}", en="flag: {v}"), v=context[FLAG])


@attrs.frozen
class Lying:
    """Its fast path says MET whatever the facts; its explanation tells the truth."""

    def decide(self, context: Context) -> Outcome:
        return Outcome.MET

    def __call__(self, context: Context) -> Finding:
        return finding(Outcome.NOT_MET, Text(vi="cờ", en="flag"))


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


def _area(unit_id: str = "KDC-1", **values: object) -> UnitFacts:
    # A round before the 2025 notices, so that results are shown as their checks give them.
    return UnitFacts(unit_id=unit_id, kind=UnitKind.RESIDENTIAL_AREA, year=2024, values=values)


@pytest.fixture
def normal_run() -> Iterator[None]:
    """As outside the test suite: explanations are not confirmed."""
    previous = confirm_explanations(False)
    yield
    confirm_explanations(previous)


def test_explaining_decides_nothing_again_in_normal_runs(normal_run: None) -> None:
    check = CountingDecide()
    verdict = antq.evaluate(_area(province_flag=True), _rule_set(check))
    assert check.decided == ["KDC-1"]  # the verdict, decided once
    assert verdict.results[-1].outcome is Outcome.MET
    assert check.decided == ["KDC-1"]  # explained without a second decision


def test_the_test_suite_confirms_every_explanation() -> None:
    check = CountingDecide()
    verdict = antq.evaluate(_area(province_flag=True), _rule_set(check))
    assert verdict.results[-1].outcome is Outcome.MET
    assert check.decided == ["KDC-1", "KDC-1"]  # decided again to confirm
    with pytest.raises(DefinitionError, match="gives not_met but its decide method gave met"):
        antq.evaluate(_area(province_flag=False), _rule_set(Lying())).explain("en")


def test_an_unconfirmed_disagreement_is_not_looked_for(normal_run: None) -> None:
    verdict = antq.evaluate(_area(province_flag=False), _rule_set(Lying()))
    # The fast path is trusted in normal runs: its MET leaves the verdict UNKNOWN (other
    # facts are missing) where the check's NOT_MET would have made it NOT_MET.
    assert verdict.outcome is Outcome.UNKNOWN
    assert verdict.results[-1].outcome is Outcome.NOT_MET


def test_results_of_repeated_values_are_shared_and_equal_the_checks() -> None:
    rules = antq.default_rulebook().get("tt124.residential-area")
    one = antq.evaluate(_area("KDC-1", registered_q1=True, incidents=()), rules)
    two = antq.evaluate(_area("KDC-2", registered_q1=True, incidents=()), rules)
    remembered = rules.plan.memos
    for first, second in zip(one.results, two.results, strict=True):
        if first.criterion_id in remembered and first.missing == ():
            assert first is second  # the same values, the same (shared) result
    registration = next(c for c in rules.criteria if c.id.endswith(".registration"))
    context = Context(facts=_area("KDC-3"), period=one.period, parameters={})
    unknown = evaluate_criterion(registration, context)
    # An absent input is not a present one: the remembered MET is not reused.
    three = antq.evaluate(_area("KDC-3"), rules)
    assert [r for r in three.results if r.criterion_id == registration.id] == [unknown]


def test_remembered_results_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_module, "RESULTS_KEPT", 3)
    rules = antq.default_rulebook().get("tt124.residential-area").with_parameters()
    memo = next(iter(rules.plan.memos.values()))
    for n in range(10):
        memo.keep((n,), None)
        assert len(memo.found) <= 3


def test_reason_lines_are_memoised_bounded_and_never_mix_booleans_with_numbers() -> None:
    assert _line.cache_info().maxsize == LINES_KEPT
    template = Text(vi="giá trị {v}", en="value {v}")
    number, flag = (
        Reason(template=template, params={"v": 1}),
        Reason(template=template, params={"v": True}),
    )
    assert number == flag  # equal as data, since True == 1 ...
    assert number.render("en") == "value 1"
    assert flag.render("en") == "value yes"  # ... but never rendered from the other's text
    # Counts are not remembered as results, but equal reasons share their line.
    counts = {"households_resident": 10, "households_registered": 10}
    first = antq.evaluate(_area("KDC-1", **counts)).results
    second = antq.evaluate(_area("KDC-2", **counts)).results
    (a,) = [r for r in first if r.criterion_id.endswith(".households-registered")]
    (b,) = [r for r in second if r.criterion_id.endswith(".households-registered")]
    assert a is not b and a.reason is not b.reason
    before = _line.cache_info().hits
    assert a.explain("vi") == b.explain("vi")
    assert _line.cache_info().hits >= before + 1
    assert b.explain("vi") is b.explain("vi")  # kept on the result too


@attrs.frozen(eq=True, hash=False)
class Unhashable:
    """A caller's own label that cannot be hashed (a mutable list inside)."""

    parts: list[str]

    def render(self, lang: str) -> str:
        return " ".join(self.parts)

    def to_json(self) -> dict[str, str]:
        return {"vi": self.render("vi"), "en": self.render("en")}

    __hash__ = None  # type: ignore[assignment]


@attrs.frozen
class UnhashableCheck:
    """A province's check whose reason holds an unhashable label."""

    def __call__(self, context: Context) -> Finding:
        return finding(Outcome.MET, Text(vi="{x}", en="{x}"), x=Unhashable(["a", "b"]))


def test_reasons_and_titles_that_cannot_be_hashed_are_rendered_without_memo() -> None:
    reason = Reason(template=Text(vi="{x}", en="{x}"), params={"x": Unhashable(["c"])})
    assert reason.render("en") == "c"
    rules = _rule_set(UnhashableCheck())
    verdict = antq.evaluate(_area(province_flag=True), rules)
    assert verdict.results[-1].explain("en").endswith(": a b")
    titled = Criterion(
        id="province.titled",
        title=Unhashable(["Tiêu", "chí"]),  # type: ignore[arg-type]
        citation=cite("124/2021/TT-BCA", 8, 1),
        kind=CriterionKind.BOOLEAN,
        inputs=(FLAG,),
        check=CountingDecide(),
    )
    base = antq.default_rulebook().get("tt124.residential-area")
    rules = base.extended(id="province.titled", criteria=[titled])
    line = antq.evaluate(_area(province_flag=True), rules).results[-1].explain("vi")
    assert line.startswith("[đạt] Tiêu chí (")


def test_a_gated_criterion_whose_parameter_is_unset_is_unknown_when_it_applies() -> None:
    from antq.core.criterion import Parameter

    share: Parameter[int] = Parameter(
        name="province_share",
        label=Text(vi="tỉ lệ", en="share"),
        default=None,
        confirmation=Confirmation.UNCONFIRMED,
    )
    gate_flag = boolean("province_gate", Text(vi="cổng", en="gate"))
    gated = Criterion(
        id="province.gated",
        title=Text(vi="Có cổng", en="Gated"),
        citation=cite("124/2021/TT-BCA", 8, 1),
        kind=CriterionKind.BOOLEAN,
        inputs=(FLAG,),
        check=IsTrue(FLAG),  # compiled: the gated step itself is tested
        parameters=(share,),
        gate_inputs=(gate_flag,),
        applies_when=WhenTrue(gate_flag, Msg("no gate")),
    )
    base = antq.default_rulebook().get("tt124.residential-area")
    rules = base.extended(id="province.gated", criteria=[gated])
    step = rules.plan.steps["province.gated"]
    period = rules.period_for(2024)
    outcomes = {
        gate: step(_area(province_gate=gate, province_flag=True), period) for gate in (True, False)
    }
    assert outcomes == {True: Outcome.UNKNOWN, False: Outcome.NOT_APPLICABLE}
    assert step(_area(province_flag=True), period) is Outcome.UNKNOWN


def test_a_compiled_share_of_an_empty_total_defers_unless_a_parameter_says() -> None:
    done, total = (
        count("done", Text(vi="xong", en="done")),
        count("total", Text(vi="tổng", en="total")),
    )
    strict = ShareAtLeast(done, total, 70).compile({})
    period = antq.default_rulebook().get("tt124.residential-area").period_for(2024)
    with pytest.raises(Defer):
        strict({"done": 0, "total": 0}, period)
    assert strict({"done": 7, "total": 10}, period) is Outcome.MET


def test_a_remembered_result_that_differs_from_its_check_is_an_error_in_the_suite() -> None:
    rules = antq.default_rulebook().get("tt124.residential-area").with_parameters()
    facts = _area("KDC-1", registered_q1=True)
    registration = next(c for c in rules.criteria if c.id.endswith(".registration"))
    memo = rules.plan.memos[registration.id]
    right = antq.evaluate(facts, rules).results
    (kept,) = [r for r in right if r.criterion_id == registration.id]
    key = next(k for k, v in memo.found.items() if v is kept)
    memo.found[key] = attrs.evolve(kept, outcome=Outcome.NOT_MET)  # a wrong memory
    with pytest.raises(DefinitionError, match="remembered result differs"):
        antq.evaluate(facts, rules).explain("en")
