"""The evaluation engine: facts + rule set -> verdict.

It knows nothing of any circular. It reads each criterion's declared inputs
and parameters, reports UNKNOWN with the names of what is missing, runs the
check otherwise, and combines the outcomes in three-valued logic.

Evaluation has two speeds. :func:`evaluate` decides the verdict with each
check's ``decide`` method (the outcome alone, no reason built) and returns a
:class:`~antq.core.verdict.Verdict` whose criterion results, with their
reasons, are built the first time they are read. Building them runs the full
checks and confirms that every criterion comes out as it did when the verdict
was decided; a disagreement is a :class:`~antq.errors.DefinitionError`, never
a silently different answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import attrs

from antq.core.criterion import Context, Criterion, GateAnswer
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome, combine
from antq.core.plan import DecisionPlan
from antq.core.reasons import Reason
from antq.core.ruleset import RuleBook, RuleSet, weakest
from antq.core.verdict import CriterionResult, Verdict
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Msg, Text

MET, NOT_MET, UNKNOWN, NOT_APPLICABLE = (
    Outcome.MET,
    Outcome.NOT_MET,
    Outcome.UNKNOWN,
    Outcome.NOT_APPLICABLE,
)

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
        return UNKNOWN
    if isinstance(answer, Outcome) and answer is not UNKNOWN:
        raise DefinitionError(
            f"gate of {criterion.id!r} answered {answer.code}; only unknown is allowed"
        )
    return answer


def evaluate_criterion(criterion: Criterion, context: Context) -> CriterionResult:
    """Evaluate one criterion in ``context``, with its reason."""
    values = context.facts.values
    if criterion.applies_when is not None:
        answer = _ask_gate(criterion, context)
        if isinstance(answer, Reason):
            return _result(criterion, NOT_APPLICABLE, answer)
        if answer is not None:
            absent = [i for i in criterion.gate_inputs if i.name not in values]
            reason = Reason(template=_MISSING_INPUTS, params={"inputs": _labels(absent)})
            return _result(criterion, UNKNOWN, reason, tuple(i.name for i in absent))
    if not criterion.needs <= context.facts.names:
        absent = [i for i in criterion.inputs if i.name not in values]
        reason = Reason(template=_MISSING_INPUTS, params={"inputs": _labels(absent)})
        return _result(criterion, UNKNOWN, reason, tuple(i.name for i in absent))
    unset = [p for p in criterion.required_parameters if context.parameters.get(p.name) is None]
    if unset:
        reason = Reason(template=_MISSING_PARAMETERS, params={"parameters": _labels(unset)})
        return _result(criterion, UNKNOWN, reason, tuple(f"parameter:{p.name}" for p in unset))
    found = criterion.check(context)
    return _result(criterion, found.outcome, found.reason, found.missing)


def decide_criterion(criterion: Criterion, context: Context) -> Outcome:
    """The outcome of one criterion in ``context``, without its reason.

    The same steps as :func:`evaluate_criterion`, in the same order: the gate,
    the declared inputs, the required parameters, then the check (its
    ``decide`` method when it has one).
    """
    if criterion.applies_when is not None:
        answer = _ask_gate(criterion, context)
        if answer is not None:
            return NOT_APPLICABLE if isinstance(answer, Reason) else UNKNOWN
    if not criterion.needs <= context.facts.names:
        return UNKNOWN
    parameters = context.parameters
    if any(parameters.get(p.name) is None for p in criterion.required_parameters):
        return UNKNOWN
    if criterion.decide is not None:
        return criterion.decide(context)
    return criterion.check(context).outcome


def _decide_plan(plan: DecisionPlan, context: Context) -> Outcome:
    """The three-valued conjunction of the plan's criteria, decided the fast way.

    Every criterion is decided, even after one is NOT_MET, so that bad input
    read by a later criterion is still an error rather than hidden by a verdict.
    """
    names = context.facts.names
    if plan.direct_needs <= names:
        outcomes = [decide(context) for decide in plan.direct]
    else:
        outcomes = [
            decide(context) if needs <= names else UNKNOWN for needs, decide in plan.direct_each
        ]
    if plan.general:
        outcomes += [decide_criterion(criterion, context) for criterion in plan.general]
    if plan.blocked:
        outcomes.append(UNKNOWN)
    return combine(outcomes)


def _in_scope(scope: Outcome) -> bool:
    return scope not in (NOT_APPLICABLE, NOT_MET)


@attrs.frozen
class Explanation:
    """Builds a verdict's criterion results when they are first read.

    Plain data (the rule set and the context), so a verdict that has not been
    explained yet still pickles.
    """

    rule_set: RuleSet
    context: Context

    def __call__(self) -> tuple[tuple[CriterionResult, ...], tuple[CriterionResult, ...]]:
        """(eligibility results, criterion results), each confirmed against ``decide``."""
        eligibility = tuple(self._explain(c) for c in self.rule_set.eligibility)
        scope = combine(r.outcome for r in eligibility) if eligibility else MET
        if not _in_scope(scope):
            return eligibility, ()
        return eligibility, tuple(self._explain(c) for c in self.rule_set.criteria)

    def _explain(self, criterion: Criterion) -> CriterionResult:
        result = evaluate_criterion(criterion, self.context)
        notices = self.rule_set.notices_for(self.context.period)
        if notices:
            # A result is never shown surer than the rule set's hold on the round.
            status = weakest(result.about.confirmation, *(n.confirmation for n in notices))
            if status is not result.about.confirmation:
                result = attrs.evolve(result, about=attrs.evolve(result.about, confirmation=status))
        decided = decide_criterion(criterion, self.context)
        if result.outcome is not decided:
            raise DefinitionError(
                f"criterion {criterion.id!r} of {self.rule_set.id}: its check gives "
                f"{result.outcome.code} but its decide method gave {decided.code} "
                f"for unit {self.context.facts.unit_id}"
            )
        return result


def _prepare(facts: UnitFacts, rules: RuleSet | RuleBook) -> tuple[RuleSet, Context]:
    """The rule set for ``facts`` and the context its checks read."""
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
    rule_set.check_signed(period, path=f"{facts.unit_id}.year")
    return rule_set, Context(facts=facts, period=period, parameters=rule_set.resolved_parameters())


def _outcome(rule_set: RuleSet, context: Context) -> Outcome:
    scope = _decide_plan(rule_set.eligibility_plan, context) if rule_set.eligibility else MET
    if not _in_scope(scope):
        # Outside the instrument's scope: the criteria do not apply at all.
        return NOT_APPLICABLE
    criteria = _decide_plan(rule_set.plan, context)
    # Whether the unit is in scope is unknown: no verdict can be given yet.
    return UNKNOWN if scope is UNKNOWN else criteria


def decide(facts: UnitFacts, rules: RuleSet | RuleBook) -> Outcome:
    """The outcome of ``facts`` alone: what ``evaluate(facts, rules).outcome`` is, sooner.

    For batches that only count or filter verdicts. Input errors are raised
    as :func:`evaluate` raises them.
    """
    return _outcome(*_prepare(facts, rules))


def evaluate(facts: UnitFacts, rules: RuleSet | RuleBook) -> Verdict:
    """Evaluate one unit's facts under a pinned rule set or the one a book selects.

    The verdict's outcome is decided now; its criterion results are built when
    first read (:attr:`Verdict.results`, :meth:`Verdict.explain`, ...).
    Input errors are raised now either way.
    """
    rule_set, context = _prepare(facts, rules)
    return Verdict(
        unit_id=facts.unit_id,
        name=facts.name,
        commune=facts.commune,
        kind=facts.kind,
        year=facts.year,
        rule_set=rule_set.id,
        instrument=rule_set.instrument,
        period=context.period,
        outcome=_outcome(rule_set, context),
        explanation=Explanation(rule_set, context),
        notices=tuple(Reason(template=n.text) for n in rule_set.notices_for(context.period)),
    )


def evaluate_many(facts: Iterable[UnitFacts], rules: RuleSet | RuleBook) -> Iterator[Verdict]:
    """Evaluate units lazily, one verdict per unit, in input order."""
    for unit in facts:
        yield evaluate(unit, rules)


def needed_inputs(rules: RuleSet) -> Mapping[str, tuple[str, ...]]:
    """For each criterion id, the input names it reads (without evaluating anything)."""
    return {c.id: tuple(i.name for i in c.all_inputs) for c in rules.all_criteria()}
