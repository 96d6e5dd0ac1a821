"""The evaluation engine: facts + rule set -> verdict.

It knows nothing of any circular. It reads each criterion's declared inputs
and parameters, reports UNKNOWN with the names of what is missing, runs the
check otherwise, and combines the outcomes in three-valued logic.

Evaluation has two speeds. :func:`decide` and :func:`evaluate` decide the
outcome with the rule set's compiled plans (:class:`~antq.core.plan.DecisionPlan`:
each criterion's check compiled once into a plain function, no reason built),
falling back to the general step (:func:`decide_criterion`) for a unit whose
facts a compiled check leaves to it. :func:`evaluate` returns a
:class:`~antq.core.verdict.Verdict` whose criterion results, with their
reasons, are built the first time they are read, by the full checks (or
shared, when another unit had the same few-valued inputs).

The general path is the reference: the test suite checks on every criterion
that the compiled plans agree with it, and turns on
:func:`confirm_explanations`, which decides every explained criterion again
and makes a disagreement a :class:`~antq.errors.DefinitionError`, never a
silently different answer.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Iterator, Mapping

import attrs

from antq.core.criterion import Context, Criterion, CriterionInfo, Defer, GateAnswer
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome, combine
from antq.core.periods import Period
from antq.core.reasons import Reason
from antq.core.ruleset import RuleBook, RuleSet, weakest
from antq.core.verdict import CriterionResult, Verdict
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Msg, Text
from antq.law.confirmation import Confirmation

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
    about: CriterionInfo, outcome: Outcome, reason: Reason, missing: tuple[str, ...] = ()
) -> CriterionResult:
    return CriterionResult(about=about, outcome=outcome, reason=reason, missing=missing)


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


def evaluate_criterion(
    criterion: Criterion, context: Context, *, about: CriterionInfo | None = None
) -> CriterionResult:
    """Evaluate one criterion in ``context``, with its reason.

    ``about`` is what the result says of its criterion: the criterion's own
    :attr:`~Criterion.info` unless given (a verdict gives it weakened by the
    round's notices, so that each result is built once).
    """
    if about is None:
        about = criterion.info
    values = context.facts.values
    if criterion.applies_when is not None:
        answer = _ask_gate(criterion, context)
        if isinstance(answer, Reason):
            return _result(about, NOT_APPLICABLE, answer)
        if answer is not None:
            absent = [i for i in criterion.gate_inputs if i.name not in values]
            reason = Reason(template=_MISSING_INPUTS, params={"inputs": _labels(absent)})
            return _result(about, UNKNOWN, reason, tuple(i.name for i in absent))
    if not criterion.needs <= context.facts.names:
        absent = [i for i in criterion.inputs if i.name not in values]
        reason = Reason(template=_MISSING_INPUTS, params={"inputs": _labels(absent)})
        return _result(about, UNKNOWN, reason, tuple(i.name for i in absent))
    if criterion.required_parameters:
        parameters = context.parameters
        unset = [p for p in criterion.required_parameters if parameters.get(p.name) is None]
        if unset:
            reason = Reason(template=_MISSING_PARAMETERS, params={"parameters": _labels(unset)})
            return _result(about, UNKNOWN, reason, tuple(f"parameter:{p.name}" for p in unset))
    outcome, reason, missing = criterion.check(context)
    return CriterionResult(about=about, outcome=outcome, reason=reason, missing=missing)


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


def _conjunction(criteria: tuple[Criterion, ...], context: Context) -> Outcome:
    """The three-valued conjunction of ``criteria``, each decided by the general step.

    Every criterion is decided, even after one is NOT_MET, so that bad input
    read by a later criterion is still an error rather than hidden by a verdict.
    """
    return combine([decide_criterion(criterion, context) for criterion in criteria])


def _in_scope(scope: Outcome) -> bool:
    return scope not in (NOT_APPLICABLE, NOT_MET)


#: Whether building a verdict's results also decides each criterion again and
#: compares (see :func:`confirm_explanations`). Off in normal runs.
_confirming = False


def confirm_explanations(enabled: bool = True) -> bool:
    """Turn on (or off) the confirmation of explanations; returns the previous setting.

    When on, building a verdict's criterion results also decides each
    criterion the fast way and raises :class:`~antq.errors.DefinitionError`
    if a check's explanation and its ``decide`` method disagree. The test
    suite turns it on; normal runs skip the second decision.
    """
    global _confirming
    previous, _confirming = _confirming, enabled
    return previous


@attrs.frozen
class Explanation:
    """Builds a verdict's criterion results when they are first read.

    Each result is the one :func:`evaluate_criterion` gives, or an equal one
    the rule set's plan remembers (see :class:`antq.core.ResultMemo`).
    Plain data (the rule set and the context), so a verdict that has not been
    explained yet still pickles.
    """

    rule_set: RuleSet
    context: Context

    def __call__(self) -> tuple[tuple[CriterionResult, ...], tuple[CriterionResult, ...]]:
        """(eligibility results, criterion results)."""
        explain = self._confirmed if _confirming else self._found
        statuses = self._statuses()
        eligibility = tuple(explain(c, statuses) for c in self.rule_set.eligibility)
        scope = combine([r.outcome for r in eligibility]) if eligibility else MET
        if not _in_scope(scope):
            return eligibility, ()
        return eligibility, tuple(explain(c, statuses) for c in self.rule_set.criteria)

    def chosen(
        self, keep: Collection[Outcome]
    ) -> tuple[tuple[CriterionResult, ...], tuple[CriterionResult, ...]]:
        """(eligibility results, criterion results) of the criteria whose outcome is in
        ``keep``, each as :meth:`__call__` builds it; the others are decided without their
        reasons."""
        statuses = self._statuses()
        eligibility, criteria = self._decided()
        found = (
            tuple(self._found(c, statuses) for c, o in eligibility if o in keep),
            tuple(self._found(c, statuses) for c, o in criteria if o in keep),
        )
        if _confirming:
            eligible, results = self()
            built = (
                tuple(r for r in eligible if r.outcome in keep),
                tuple(r for r in results if r.outcome in keep),
            )
            if found != built:
                raise DefinitionError(
                    f"{self.rule_set.id}: the criteria decided without their reasons differ"
                    f" from their results for unit {self.context.facts.unit_id}"
                )
        return found

    def _decided(
        self,
    ) -> tuple[list[tuple[Criterion, Outcome]], list[tuple[Criterion, Outcome]]]:
        """Each scope check and criterion with its outcome, decided without its reason (the
        criteria only when the unit is in scope)."""
        context = self.context
        facts, period = context.facts, context.period
        steps = self.rule_set.plan.steps

        def decide(criterion: Criterion) -> Outcome:
            try:
                return steps[criterion.id](facts, period)
            except Defer:  # unusual facts: the general step decides (and reports) them
                return decide_criterion(criterion, context)

        eligibility = [(c, decide(c)) for c in self.rule_set.eligibility]
        scope = combine([o for _, o in eligibility]) if eligibility else MET
        if not _in_scope(scope):
            return eligibility, []
        return eligibility, [(c, decide(c)) for c in self.rule_set.criteria]

    def outcomes(self) -> tuple[tuple[str, Outcome, tuple[str, ...]], ...]:
        """Each criterion's (id, outcome, missing inputs), as :meth:`__call__` would give them.

        Each is decided without its reason; only a criterion left unknown is
        explained, for the inputs it misses (no other outcome misses any).
        """
        eligibility, criteria = self._decided()
        decided = eligibility + criteria
        statuses = self._statuses()
        found = tuple(
            (c.id, o, self._found(c, statuses).missing if o is UNKNOWN else ()) for c, o in decided
        )
        if _confirming:
            eligible, results = self()
            built = tuple((r.criterion_id, r.outcome, r.missing) for r in (*eligible, *results))
            if found != built:
                raise DefinitionError(
                    f"{self.rule_set.id}: the criteria decided without their reasons differ"
                    f" from their results for unit {self.context.facts.unit_id}"
                )
        return found

    def _statuses(self) -> tuple[Confirmation, ...]:
        """The confirmation of each notice of the round (usually none)."""
        return tuple(n.confirmation for n in self.rule_set.notices_for(self.context.period))

    def _evaluated(
        self, criterion: Criterion, statuses: tuple[Confirmation, ...]
    ) -> CriterionResult:
        # A result is never shown surer than the rule set's hold on the round.
        about = _weakened(criterion.info, statuses) if statuses else criterion.info
        return evaluate_criterion(criterion, self.context, about=about)

    def _found(self, criterion: Criterion, statuses: tuple[Confirmation, ...]) -> CriterionResult:
        memo = self.rule_set.plan.memos.get(criterion.id)
        if memo is None:
            return self._evaluated(criterion, statuses)
        context = self.context
        key = memo.key(context.values, context.period)
        if key is None:
            return self._evaluated(criterion, statuses)
        # Checked facts hold only hashable values of these kinds (bool, codes, sets of codes).
        found: CriterionResult | None = memo.found.get(key)
        if found is None:
            # The key holds the period, so the round's notices are the same for every use.
            found = self._evaluated(criterion, statuses)
            memo.keep(key, found)
        return found

    def _confirmed(
        self, criterion: Criterion, statuses: tuple[Confirmation, ...]
    ) -> CriterionResult:
        result = self._found(criterion, statuses)
        remembered = criterion.id in self.rule_set.plan.memos
        if remembered and result != self._evaluated(criterion, statuses):
            raise DefinitionError(
                f"criterion {criterion.id!r} of {self.rule_set.id}: its remembered result "
                f"differs from its check's for unit {self.context.facts.unit_id}"
            )
        decided = decide_criterion(criterion, self.context)
        if result.outcome is not decided:
            raise DefinitionError(
                f"criterion {criterion.id!r} of {self.rule_set.id}: its check gives "
                f"{result.outcome.code} but its decide method gave {decided.code} "
                f"for unit {self.context.facts.unit_id}"
            )
        return result


@functools.lru_cache(maxsize=1024)
def _weakened(about: CriterionInfo, statuses: tuple[Confirmation, ...]) -> CriterionInfo:
    """``about`` with its status no surer than ``statuses`` (the same object if it already is)."""
    status = weakest(about.confirmation, *statuses)
    if status is about.confirmation:
        return about
    return attrs.evolve(about, confirmation=status)


def _rule_set(facts: UnitFacts, rules: RuleSet | RuleBook) -> tuple[RuleSet, Period]:
    """The rule set for ``facts`` and the unit's assessment period, its facts checked."""
    if isinstance(rules, RuleBook):
        rule_set, period = rules.in_force(facts.kind, facts.year, facts.period)
    else:
        rule_set = rules
        if rule_set.kind is not facts.kind:
            raise InputError(
                f"{facts.unit_id}.kind",
                facts.kind.code,
                Msg("rule set {id} is for {code}"),
                params={"id": rule_set.id, "code": rule_set.kind.code},
            )
        period = rule_set.period_for(facts.year, facts.period)
    if not facts.checked:
        rule_set.check_facts(facts)
    if facts.period is not None or facts.established is not None:
        period = own_period(rule_set, facts)
    rule_set.check_signed(period, path=f"{facts.unit_id}.year")
    return rule_set, period


def own_period(rule_set: RuleSet, facts: UnitFacts) -> Period:
    """The period of a unit that gives its own, checked against the rule set's window.

    Where the rule set has no window (a school under Thông tư 23/2012, assessed
    over its school year) the unit's period is the period. Otherwise the period
    must cover the window, since an incident outside the unit's period is not
    counted: a shorter period would drop incidents silently. The one shorter
    period allowed is that of a unit established during the window, stated with
    ``established``: it runs from that day to the end of the window.
    """
    if rule_set.window is None:
        return rule_set.period_for(facts.year, facts.period)
    window = rule_set.window.period_for(facts.year)
    required = window
    established = facts.established
    if established is not None and established > window.start:
        if established > window.end:
            raise InputError(
                f"{facts.unit_id}.established",
                established.isoformat(),
                Msg(
                    "is after the end of the assessment window {window} of {id}: the unit did not exist in round {year}"
                ),
                params={"window": str(window), "id": rule_set.id, "year": facts.year},
            )
        required = Period(start=established, end=window.end)
    if facts.period is None:
        return required
    own = facts.period
    if own.start > required.start or own.end < required.end:
        stated = (
            f"the assessment window {window} of {rule_set.id}"
            if established is None or required is window
            else f"the unit's period from its establishment on {established.isoformat()}, {required}"
        )
        raise InputError(
            f"{facts.unit_id}.period",
            str(own),
            Msg(
                "does not cover {stated}: incidents outside it would not be counted; give the window, or 'established' for a unit set up during it"
            ),
            params={"stated": stated},
        )
    return own


def _context(rule_set: RuleSet, facts: UnitFacts, period: Period) -> Context:
    return Context(facts=facts, period=period, parameters=rule_set.resolved_parameters())


def decide_generic(rule_set: RuleSet, context: Context) -> Outcome:
    """The outcome of a unit, each criterion decided by the general step.

    The reference for the compiled plans (:class:`~antq.core.plan.DecisionPlan`):
    the engine falls back to it when a compiled check defers, and the test
    suite checks that both give the same outcome and raise the same errors.
    """
    scope = _conjunction(rule_set.eligibility, context) if rule_set.eligibility else MET
    if not _in_scope(scope):
        # Outside the instrument's scope: the criteria do not apply at all.
        return NOT_APPLICABLE
    criteria = _conjunction(rule_set.criteria, context)
    # Whether the unit is in scope is unknown: no verdict can be given yet.
    return UNKNOWN if scope is UNKNOWN else criteria


def _outcome(rule_set: RuleSet, facts: UnitFacts, period: Period) -> Outcome:
    """The outcome with the rule set's compiled plan (see :func:`decide_generic`)."""
    try:
        return rule_set.plan.decide(facts, period)
    except Defer:
        return decide_generic(rule_set, _context(rule_set, facts, period))


def decide(facts: UnitFacts, rules: RuleSet | RuleBook) -> Outcome:
    """The outcome of ``facts`` alone: what ``evaluate(facts, rules).outcome`` is, sooner.

    For batches that only count or filter verdicts. Input errors are raised
    as :func:`evaluate` raises them.
    """
    rule_set, period = _rule_set(facts, rules)
    return _outcome(rule_set, facts, period)


def evaluate(facts: UnitFacts, rules: RuleSet | RuleBook) -> Verdict:
    """Evaluate one unit's facts under a pinned rule set or the one a book selects.

    The verdict's outcome is decided now; its criterion results are built when
    first read (:attr:`Verdict.results`, :meth:`Verdict.explain`, ...).
    Input errors are raised now either way.
    """
    rule_set, period = _rule_set(facts, rules)
    return Verdict(
        unit_id=facts.unit_id,
        name=facts.name,
        commune=facts.commune,
        kind=facts.kind,
        year=facts.year,
        rule_set=rule_set.id,
        instrument=rule_set.instrument,
        period=period,
        outcome=_outcome(rule_set, facts, period),
        explanation=Explanation(rule_set, _context(rule_set, facts, period)),
        notices=rule_set.notice_reasons(period),
    )


def evaluate_many(facts: Iterable[UnitFacts], rules: RuleSet | RuleBook) -> Iterator[Verdict]:
    """Evaluate units lazily, one verdict per unit, in input order."""
    for unit in facts:
        yield evaluate(unit, rules)


def needed_inputs(rules: RuleSet) -> Mapping[str, tuple[str, ...]]:
    """For each criterion id, the input names it reads (without evaluating anything)."""
    return {c.id: tuple(i.name for i in c.all_inputs) for c in rules.all_criteria()}
