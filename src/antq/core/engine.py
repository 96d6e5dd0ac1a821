"""The evaluation engine: facts + rule set -> verdict.

It knows nothing of any circular. It reads each criterion's declared inputs
and parameters, reports UNKNOWN with the names of what is missing, runs the
check otherwise, and combines the outcomes in three-valued logic.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from antq.core.criterion import Context, Criterion, GateAnswer
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome, combine
from antq.core.reasons import Reason
from antq.core.ruleset import RuleBook, RuleSet
from antq.core.verdict import CriterionResult, Verdict
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Msg, Text

_MISSING_INPUTS = Msg("not enough information: missing {inputs}")
_MISSING_PARAMETERS = Msg(
    "the value of {parameters} is not confirmed in the law as known to antq and must be supplied"
)


def _labels(items: Iterable[Msg | Text | object]) -> Text:
    # Join labels in each language, for a reason parameter.
    vi, en = [], []
    for item in items:
        label = getattr(item, "label", item)
        if isinstance(label, Msg | Text):
            vi.append(label.render("vi"))
            en.append(label.render("en"))
    return Text(vi="; ".join(vi), en="; ".join(en))


def _result(
    criterion: Criterion, outcome: Outcome, reason: Reason, missing: tuple[str, ...] = ()
) -> CriterionResult:
    return CriterionResult(about=criterion.info, outcome=outcome, reason=reason, missing=missing)


def _ask_gate(criterion: Criterion, context: Context) -> GateAnswer:
    assert criterion.applies_when is not None
    try:
        answer = criterion.applies_when(context)
    except KeyError:
        # A gate that reads a missing fact directly cannot decide.
        return Outcome.UNKNOWN
    if isinstance(answer, Outcome) and answer is not Outcome.UNKNOWN:
        raise DefinitionError(
            f"gate of {criterion.id!r} answered {answer.code}; only unknown is allowed"
        )
    return answer


def evaluate_criterion(criterion: Criterion, context: Context) -> CriterionResult:
    """Evaluate one criterion in ``context``."""
    values = context.facts.values
    if criterion.applies_when is not None:
        answer = _ask_gate(criterion, context)
        if isinstance(answer, Reason):
            return _result(criterion, Outcome.NOT_APPLICABLE, answer)
        if answer is not None:
            absent = [i for i in criterion.gate_inputs if i.name not in values]
            reason = Reason(template=_MISSING_INPUTS, params={"inputs": _labels(absent)})
            return _result(criterion, Outcome.UNKNOWN, reason, tuple(i.name for i in absent))
    if not criterion.needs <= context.facts.names:
        absent = [i for i in criterion.inputs if i.name not in values]
        reason = Reason(template=_MISSING_INPUTS, params={"inputs": _labels(absent)})
        return _result(criterion, Outcome.UNKNOWN, reason, tuple(i.name for i in absent))
    unset = [p for p in criterion.required_parameters if context.parameters.get(p.name) is None]
    if unset:
        reason = Reason(template=_MISSING_PARAMETERS, params={"parameters": _labels(unset)})
        return _result(
            criterion, Outcome.UNKNOWN, reason, tuple(f"parameter:{p.name}" for p in unset)
        )
    found = criterion.check(context)
    return _result(criterion, found.outcome, found.reason, found.missing)


def evaluate(facts: UnitFacts, rules: RuleSet | RuleBook) -> Verdict:
    """Evaluate one unit's facts under a pinned rule set or the one a book selects."""
    if isinstance(rules, RuleBook):
        rule_set = rules.select(facts.kind, facts.year, period=facts.period)
    else:
        rule_set = rules
        if rule_set.kind is not facts.kind:
            raise InputError(
                f"{facts.unit_id}.kind",
                facts.kind.code,
                f"rule set {rule_set.id} is for {rule_set.kind.code}",
            )
    if not facts.checked:
        rule_set.check_facts(facts)
    period = rule_set.period_for(facts.year, facts.period)
    context = Context(facts=facts, period=period, parameters=rule_set.resolved_parameters())
    gates = tuple(evaluate_criterion(c, context) for c in rule_set.eligibility)
    scope = combine(r.outcome for r in gates) if gates else Outcome.MET
    if scope in (Outcome.NOT_APPLICABLE, Outcome.NOT_MET):
        # Outside the instrument's scope: the criteria do not apply at all.
        results: tuple[CriterionResult, ...] = ()
        outcome = Outcome.NOT_APPLICABLE
    else:
        results = tuple(evaluate_criterion(c, context) for c in rule_set.criteria)
        outcome = combine(r.outcome for r in results)
        if scope is Outcome.UNKNOWN:
            # Whether the unit is in scope is unknown, so no verdict can be given yet.
            outcome = Outcome.UNKNOWN
    return Verdict(
        unit_id=facts.unit_id,
        name=facts.name,
        commune=facts.commune,
        kind=facts.kind,
        year=facts.year,
        rule_set=rule_set.id,
        instrument=rule_set.instrument,
        period=period,
        outcome=outcome,
        results=results,
        eligibility=gates,
    )


def evaluate_many(facts: Iterable[UnitFacts], rules: RuleSet | RuleBook) -> Iterator[Verdict]:
    """Evaluate units lazily, one verdict per unit, in input order."""
    for unit in facts:
        yield evaluate(unit, rules)


def needed_inputs(rules: RuleSet) -> Mapping[str, tuple[str, ...]]:
    """For each criterion id, the input names it reads (without evaluating anything)."""
    return {c.id: tuple(i.name for i in c.all_inputs) for c in rules.all_criteria()}
