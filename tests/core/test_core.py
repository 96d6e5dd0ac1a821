"""The evaluation core: three-valued logic, engine, rule sets and rule books."""

from __future__ import annotations

import itertools
import json
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq import (
    Confirmation,
    Criterion,
    CriterionKind,
    DefinitionError,
    InputError,
    Outcome,
    Parameter,
    Reason,
    RuleBook,
    RuleSet,
    RuleSetNotFound,
    Text,
    UnitFacts,
    UnitKind,
    Verdict,
    cite,
    combine,
    evaluate,
    finding,
    needed_inputs,
)
from antq.core import Context, Finding
from antq.core.inputs import boolean, count
from antq.safety.windows import ASSESSMENT_WINDOWS

OUTCOMES = list(Outcome)


def oracle(outcomes: list[Outcome]) -> Outcome:
    """An independent statement of the combination rule."""
    applicable = [o for o in outcomes if o is not Outcome.NOT_APPLICABLE]
    if not applicable:
        return Outcome.NOT_APPLICABLE
    if Outcome.NOT_MET in applicable:
        return Outcome.NOT_MET
    if Outcome.UNKNOWN in applicable:
        return Outcome.UNKNOWN
    return Outcome.MET


@pytest.mark.parametrize("n", [1, 2, 3])
def test_combination_table_exhaustive(n: int) -> None:
    for combo in itertools.product(OUTCOMES, repeat=n):
        assert combine(list(combo)) is oracle(list(combo)), combo


def test_combination_key_rows() -> None:
    assert combine([Outcome.MET, Outcome.MET]) is Outcome.MET
    assert combine([Outcome.MET, Outcome.UNKNOWN]) is Outcome.UNKNOWN
    assert combine([Outcome.UNKNOWN, Outcome.NOT_MET]) is Outcome.NOT_MET
    assert combine([Outcome.NOT_APPLICABLE, Outcome.MET]) is Outcome.MET
    assert combine([Outcome.NOT_APPLICABLE]) is Outcome.NOT_APPLICABLE


def test_combining_nothing_is_an_error() -> None:
    with pytest.raises(DefinitionError):
        combine([])


@given(st.lists(st.sampled_from(OUTCOMES), min_size=1, max_size=8))
def test_combination_is_order_independent(outcomes: list[Outcome]) -> None:
    assert combine(outcomes) is combine(list(reversed(outcomes))) is oracle(outcomes)


# -- a small rule set built only from the core, to test the engine in isolation --------

FLAG = boolean("test_flag", Text(vi="cờ", en="flag"))
GATE = boolean("test_gate", Text(vi="cổng", en="gate"))
PART = count("test_part", Text(vi="phần", en="part"))
WHOLE = count("test_whole", Text(vi="tổng", en="whole"))
LIMIT: Parameter[int] = Parameter(
    name="test_limit",
    label=Text(vi="ngưỡng", en="limit"),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
)


@attrs.frozen
class FlagIsTrue:
    def __call__(self, context: Context) -> Finding:
        ok = context[FLAG]
        return finding(
            Outcome.MET if ok else Outcome.NOT_MET, Text(vi="cờ: {v}", en="flag: {v}"), v=ok
        )


@attrs.frozen
class PartAtLeastLimit:
    def __call__(self, context: Context) -> Finding:
        ok = context[PART] >= context.param(LIMIT)
        return finding(
            Outcome.MET if ok else Outcome.NOT_MET, Text(vi="{p}", en="{p}"), p=context[PART]
        )


@attrs.frozen
class OnlyWhenGate:
    def __call__(self, context: Context) -> Reason | None:
        return None if context[GATE] else Reason(template=Text(vi="không", en="gate closed"))


def _criterion(id: str, **kwargs: object) -> Criterion:
    base: dict[str, object] = {
        "id": id,
        "title": Text(vi=id, en=id),
        "citation": cite("124/2021/TT-BCA", 4, 1),
        "kind": CriterionKind.BOOLEAN,
        "inputs": (FLAG,),
        "check": FlagIsTrue(),
    }
    base.update(kwargs)
    return Criterion(**base)  # type: ignore[arg-type]


def _rule_set(*criteria: Criterion, **kwargs: object) -> RuleSet:
    base: dict[str, object] = {
        "id": "test.rules",
        "kind": UnitKind.RESIDENTIAL_AREA,
        "instrument": "124/2021/TT-BCA",
        "title": Text(vi="thử", en="test"),
        "window": ASSESSMENT_WINDOWS["124/2021/TT-BCA"][UnitKind.RESIDENTIAL_AREA],
        "criteria": criteria,
    }
    base.update(kwargs)
    return RuleSet(**base)  # type: ignore[arg-type]


def _facts(**values: object) -> UnitFacts:
    return UnitFacts(unit_id="U1", kind=UnitKind.RESIDENTIAL_AREA, year=2024, values=values)


def test_missing_input_is_unknown_and_named_never_met() -> None:
    verdict = evaluate(_facts(), _rule_set(_criterion("test.flag")))
    (result,) = verdict.results
    assert result.outcome is Outcome.UNKNOWN
    assert result.missing == ("test_flag",)
    assert verdict.outcome is Outcome.UNKNOWN
    assert "flag" in result.reason.render("en")


def test_met_and_not_met() -> None:
    rules = _rule_set(_criterion("test.flag"))
    assert evaluate(_facts(test_flag=True), rules).outcome is Outcome.MET
    assert evaluate(_facts(test_flag=False), rules).outcome is Outcome.NOT_MET


def test_gate_makes_criterion_not_applicable_before_reading_inputs() -> None:
    gated = _criterion("test.gated", gate_inputs=(GATE,), applies_when=OnlyWhenGate())
    rules = _rule_set(
        gated,
        _criterion(
            "test.other", inputs=(), check=lambda c: finding(Outcome.MET, Text(vi="", en=""))
        ),
    )
    closed = evaluate(_facts(test_gate=False), rules)
    assert closed.results[0].outcome is Outcome.NOT_APPLICABLE
    assert closed.results[0].reason.render("en") == "gate closed"
    assert closed.outcome is Outcome.MET
    unknown_gate = evaluate(_facts(test_flag=True), rules)
    assert unknown_gate.results[0].outcome is Outcome.UNKNOWN
    assert unknown_gate.results[0].missing == ("test_gate",)


def test_unset_required_parameter_is_unknown_until_supplied() -> None:
    crit = _criterion("test.limit", inputs=(PART,), check=PartAtLeastLimit(), parameters=(LIMIT,))
    rules = _rule_set(crit)
    result = evaluate(_facts(test_part=3), rules).results[0]
    assert result.outcome is Outcome.UNKNOWN
    assert result.missing == ("parameter:test_limit",)
    assert evaluate(_facts(test_part=3), rules.with_parameters(test_limit=3)).outcome is Outcome.MET
    assert (
        evaluate(_facts(test_part=2), rules.with_parameters(test_limit=3)).outcome
        is Outcome.NOT_MET
    )


def test_rule_set_definition_errors() -> None:
    with pytest.raises(DefinitionError, match="no criteria"):
        _rule_set()
    with pytest.raises(DefinitionError, match="repeats criterion ids"):
        _rule_set(_criterion("test.a"), _criterion("test.a"))
    with pytest.raises(DefinitionError, match="unknown parameters"):
        _rule_set(_criterion("test.a"), parameter_values={"nope": 1})
    with pytest.raises(DefinitionError, match="criterion id"):
        _criterion("Bad Id")
    clash = boolean("test_flag", Text(vi="khác", en="different meaning"))
    with pytest.raises(DefinitionError, match="conflicts"):
        _rule_set(_criterion("test.a"), _criterion("test.b", inputs=(clash,)))


def test_with_parameters_rejects_unknown_and_bad_choices() -> None:
    from antq.safety.tt124_2021 import article_4_residential_area as residential_area

    rules = residential_area.RULE_SET
    with pytest.raises(InputError, match="no such parameter"):
        rules.with_parameters(nope="x")
    with pytest.raises(InputError, match="expected one of"):
        rules.with_parameters(offence_comparison="sometimes")


def test_rule_book_selection_by_date_and_errors() -> None:
    early = _rule_set(_criterion("test.a"), id="test.early", valid_to=date(2022, 2, 9))
    late = _rule_set(_criterion("test.a"), id="test.late", valid_from=date(2022, 2, 10))
    book = RuleBook((early, late))
    assert book.select(UnitKind.RESIDENTIAL_AREA, 2021).id == "test.early"  # ends 31/10/2021
    assert book.select(UnitKind.RESIDENTIAL_AREA, 2022).id == "test.late"  # ends 31/10/2022
    with pytest.raises(RuleSetNotFound, match="no rule set for commune"):
        book.select(UnitKind.COMMUNE, 2022)
    overlapping = RuleBook((early, attrs.evolve(late, id="test.all", valid_from=None)))
    with pytest.raises(RuleSetNotFound, match="several rule sets"):
        overlapping.select(UnitKind.RESIDENTIAL_AREA, 2021)
    with pytest.raises(RuleSetNotFound):
        book.get("nope")


def test_pinned_rule_set_must_match_the_unit_kind() -> None:
    commune = UnitFacts(unit_id="X", kind=UnitKind.COMMUNE, year=2024)
    with pytest.raises(InputError, match="is for residential_area"):
        evaluate(commune, _rule_set(_criterion("test.a")))


def test_needed_inputs_without_evaluating() -> None:
    rules = _rule_set(_criterion("test.gated", gate_inputs=(GATE,), applies_when=OnlyWhenGate()))
    assert needed_inputs(rules) == {"test.gated": ("test_gate", "test_flag")}


def test_unit_facts_validation() -> None:
    with pytest.raises(InputError, match=r"UnitFacts\.unit_id"):
        UnitFacts(unit_id=" ", kind=UnitKind.COMMUNE, year=2024)
    with pytest.raises(InputError, match=r"UnitFacts\.year"):
        UnitFacts(unit_id="X", kind=UnitKind.COMMUNE, year=1850)
    facts = _facts(test_flag=True).with_values(test_flag=None, test_part=2)
    assert dict(facts.values) == {"test_part": 2}


def _example_verdicts() -> list[Verdict]:
    from antq import read_facts_file

    document = read_facts_file("examples/commune-2025.json")
    assert not document.errors
    return [evaluate(unit) for unit in document.units]


def test_example_covers_every_outcome() -> None:
    outcomes = {v.outcome for v in _example_verdicts()}
    assert outcomes == set(Outcome)


def test_verdicts_round_trip_through_json_unchanged() -> None:
    for verdict in _example_verdicts():
        text = json.dumps(verdict.to_json(texts=("vi", "en")), ensure_ascii=False, sort_keys=True)
        again = Verdict.from_json(json.loads(text))
        assert again == verdict
        assert (
            json.dumps(again.to_json(texts=("vi", "en")), ensure_ascii=False, sort_keys=True)
            == text
        )


def test_verdict_from_bad_json_names_the_path() -> None:
    data = _example_verdicts()[0].to_json()
    data["results"][0]["outcome"] = "maybe"  # type: ignore[index]
    with pytest.raises(InputError, match=r"verdict\.results\[0\]\.outcome"):
        Verdict.from_json(data)
    with pytest.raises(InputError, match=r"verdict\.schema"):
        Verdict.from_json({**data, "schema": 99})


def test_reason_renders_numbers_per_language() -> None:
    from antq import Percent

    reason = Reason(
        template=Text(vi="{a}/{b} = {p}", en="{a}/{b} = {p}"),
        params={"a": 17, "b": 25, "p": Percent(numerator=17, denominator=25)},
    )
    assert reason.render("vi") == "17/25 = 68%"
    # A share read against a threshold keeps it through JSON (rule P4).
    from antq.i18n.formatting import Threshold

    limit = Percent(numerator=6995, denominator=10000, thresholds=(Threshold.at_least(70),))
    stored = Reason(template=Text(vi="{p}", en="{p}"), params={"p": limit})
    back = Reason.from_json(stored.to_json())
    assert back == stored and back.render("vi") == "69,95%"
    with pytest.raises(InputError, match=r"thresholds\[0\]"):
        Reason.from_json(
            {
                "template": {"vi": "{p}", "en": "{p}"},
                "params": {"p": {"percent": [1, 2], "thresholds": [{"test": "x"}]}},
            }
        )
    assert reason.render("en") == "17/25 = 68%"
    assert Reason.from_json(json.loads(json.dumps(reason.to_json()))) == reason
