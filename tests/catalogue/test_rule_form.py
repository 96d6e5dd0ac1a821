"""Rules as data: a program that knows only the rule forms decides as antq does.

The interpreter below is written from the documented forms alone (the
docstring of :mod:`antq.catalogue.rule_form`), as a team in another language would write
it. For every criterion with a data form and a grid of values, including
missing ones, zero totals and parts above their whole, it must give antq's
outcome, and an input error where antq raises one.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from antq.catalogue import criteria_catalogue
from antq.catalogue.rule_form import criterion_rule, rule_form_schema
from antq.core.criterion import Context, Criterion
from antq.core.engine import evaluate_criterion
from antq.core.facts import UnitFacts
from antq.core.periods import Period
from antq.core.ruleset import RuleSet
from antq.entities.grades import TaskGrade
from antq.errors import InputError


def interpret(form: Mapping[str, Any], values: Mapping[str, Any], params: Mapping[str, Any]) -> str:
    """The outcome the form gives: met, not_met, unknown, not_applicable, or error."""

    def param(ref: object) -> Any:
        assert isinstance(ref, dict)
        return params.get(ref["parameter"])

    if form["form"] == "units_share_at_least":
        # Without the units in the input, the counts the commune states decide.
        stated = {**form["stated"], "percent": form["percent"], "if_whole_is_zero": "error"}
        return interpret({"form": "share_at_least", **stated}, values, params)
    names = [form[k] for k in ("input", "part", "whole") if k in form]
    if any(values.get(n) is None for n in names):
        return "unknown"
    kind = form["form"]
    if kind == "boolean":
        return "met" if values[form["input"]] is True else "not_met"
    if kind == "count_zero":
        return "met" if values[form["input"]] == 0 else "not_met"
    if kind == "value_at_least":
        return "met" if values[form["input"]] >= form["minimum"] else "not_met"
    if kind == "grade_at_least":
        scale = form["scale"]
        return (
            "met"
            if scale.index(values[form["input"]]) >= scale.index(form["minimum"])
            else "not_met"
        )
    assert kind == "share_at_least"
    part, whole = values[form["part"]], values[form["whole"]]
    percent = form["percent"] if isinstance(form["percent"], int) else param(form["percent"])
    if percent is None:
        return "unknown"
    if part > whole:
        return "error"
    if whole == 0:
        if form["if_whole_is_zero"] == "error":
            return "error"
        policy = param(form["if_whole_is_zero"])
        return "unknown" if policy is None else str(policy)
    return "met" if 100 * part >= percent * whole else "not_met"


def _data_criteria() -> Iterator[tuple[RuleSet, Criterion, dict[str, Any]]]:
    for entry in criteria_catalogue():
        form = criterion_rule(entry.criterion)
        if form["form"] != "antq_logic":
            yield entry.rule_set, entry.criterion, form


def _grids(form: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    kind = form["form"]
    if kind == "boolean":
        yield from ({form["input"]: v} for v in (True, False, None))
    elif kind in ("count_zero", "value_at_least"):
        yield from ({form["input"]: v} for v in (None, 0, 1, 2, 3))
    elif kind == "grade_at_least":
        yield from ({form["input"]: v} for v in (None, *TaskGrade))
    else:
        names = form["stated"] if kind == "units_share_at_least" else form
        for part, whole in itertools.product((None, 0, 1, 6, 7, 9, 10), repeat=2):
            yield {names["part"]: part, names["whole"]: whole}


def _parameter_choices(rule_set: RuleSet, criterion: Criterion) -> Iterator[dict[str, Any]]:
    base = dict(rule_set.resolved_parameters())
    options = [
        [(p.name, v) for v in (*p.choices, None)]
        if p.choices
        else [(p.name, v) for v in (None, 50, 70)]
        for p in criterion.parameters
    ]
    for chosen in itertools.product(*options):
        params = {**base, **dict(chosen)}
        yield {k: v for k, v in params.items() if v is not None}


def _antq(
    rule_set: RuleSet, criterion: Criterion, values: dict[str, Any], params: dict[str, Any]
) -> str:
    year = 2020 if rule_set.id.startswith("tt23") else 2025
    present = {k: v for k, v in values.items() if v is not None}
    facts = UnitFacts(unit_id="U", kind=rule_set.kind, year=year, values=present)
    period = Period(start=date(year - 1, 11, 16), end=date(year, 11, 15))
    context = Context(facts=facts, period=period, parameters=params)
    try:
        return evaluate_criterion(criterion, context).outcome.code
    except InputError:
        return "error"


CRITERIA = list(_data_criteria())


@pytest.mark.parametrize(
    ("rule_set", "criterion", "form"), CRITERIA, ids=[c.id for _, c, _ in CRITERIA]
)
def test_the_form_decides_as_antq(
    rule_set: RuleSet, criterion: Criterion, form: dict[str, Any]
) -> None:
    Draft202012Validator(rule_form_schema()).validate(form)
    for params in _parameter_choices(rule_set, criterion):
        for values in _grids(form):
            shown = {k: (v.code if isinstance(v, TaskGrade) else v) for k, v in values.items()}
            expected = _antq(rule_set, criterion, values, params)
            assert interpret(form, shown, params) == expected, (values, params)


def test_every_simple_kind_is_described_and_the_rest_say_why_not() -> None:
    forms = [criterion_rule(e.criterion) for e in criteria_catalogue()]
    kinds = {f["form"] for f in forms}
    assert kinds == {
        "boolean",
        "count_zero",
        "value_at_least",
        "share_at_least",
        "grade_at_least",
        "units_share_at_least",
        "antq_logic",
    }
    assert {f["needs"] for f in forms if f["form"] == "antq_logic"} == {"check", "applicability"}
    validator = Draft202012Validator(rule_form_schema())
    Draft202012Validator.check_schema(rule_form_schema())
    for form in forms:
        validator.validate(form)


def test_a_gate_or_a_check_without_a_form_needs_antq() -> None:
    import attrs

    _, criterion, _ = next((r, c, f) for r, c, f in CRITERIA if f["form"] == "boolean")
    gated = attrs.evolve(criterion, applies_when=lambda context: None)
    assert criterion_rule(gated) == {
        "antq_rule_form": 1,
        "form": "antq_logic",
        "needs": "applicability",
    }
    plain = attrs.evolve(criterion, check=lambda context: criterion.check(context))
    assert criterion_rule(plain) == {"antq_rule_form": 1, "form": "antq_logic", "needs": "check"}
