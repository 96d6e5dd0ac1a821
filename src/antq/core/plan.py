"""How the engine decides a group of criteria quickly: compiled once per rule set.

The general path (:func:`antq.core.engine.decide_criterion`) asks every
criterion the same questions for every unit: is there a gate, are the inputs
there, are the parameters set, then calls the check's ``decide`` method with a
:class:`~antq.core.criterion.Context`. :class:`DecisionPlan` asks those
questions once, when the rule set is made, and keeps for each criterion a
plain function (a closure) that does only what is left:

* a check with a ``compile(parameters)`` method (every check antq ships) is
  compiled into a function of the facts' values and the period, with its
  input names, thresholds and parameter values bound in;
* a gate with a ``compile()`` method is compiled the same way;
* any other criterion (a province's own check, say) keeps the general step,
  with a context made for it.

The criteria stay the only statement of the rules: the plan is made from
them, and the test suite checks on every criterion of every rule set that the
compiled function decides what the general step decides. A compiled check
that meets unusual facts (bad input, an empty total) raises
:class:`~antq.core.criterion.Defer`, and the engine decides that unit the
general way, so errors are reported as they always were.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from antq.core.criterion import Context, Criterion, FastCheck, FastGate
from antq.core.facts import UnitFacts
from antq.core.inputs import InputKind
from antq.core.outcome import Outcome
from antq.core.periods import Period

_MET, _NOT_MET, _UNKNOWN, _NOT_APPLICABLE = (
    Outcome.MET,
    Outcome.NOT_MET,
    Outcome.UNKNOWN,
    Outcome.NOT_APPLICABLE,
)

#: One criterion compiled: the facts and the period in, the outcome out.
Step = Callable[[UnitFacts, Period], Outcome]


def _unset(criterion: Criterion, parameters: Mapping[str, object]) -> bool:
    return any(parameters.get(p.name) is None for p in criterion.required_parameters)


def compile_check(criterion: Criterion, parameters: Mapping[str, object]) -> FastCheck | None:
    """The criterion's check compiled for ``parameters``, or None if it cannot be."""
    compile_ = getattr(criterion.check, "compile", None)
    return None if compile_ is None else compile_(parameters)


def compile_gate(criterion: Criterion) -> FastGate | None:
    """The criterion's gate compiled, or None (no gate, or one that cannot be)."""
    compile_ = getattr(criterion.applies_when, "compile", None)
    return None if compile_ is None else compile_()


def _general_step(criterion: Criterion, parameters: Mapping[str, object]) -> Step:
    """The general step, for a criterion that cannot be compiled."""
    # Imported here: antq.core.engine imports this module.
    from antq.core.engine import decide_criterion

    def general(facts: UnitFacts, period: Period) -> Outcome:
        return decide_criterion(
            criterion, Context(facts=facts, period=period, parameters=parameters)
        )

    return general


def _unknown(facts: UnitFacts, period: Period) -> Outcome:
    return _UNKNOWN


def compile_step(criterion: Criterion, parameters: Mapping[str, object]) -> Step:
    """One criterion as one function, in the general step's order: gate, inputs, parameters, check."""
    gate = compile_gate(criterion)
    check = compile_check(criterion, parameters)
    if check is None or (criterion.applies_when is not None and gate is None):
        return _general_step(criterion, parameters)
    needs = criterion.needs
    unset = _unset(criterion, parameters)
    if gate is None:
        if unset:
            return _unknown
        fast: FastCheck = check

        def step(facts: UnitFacts, period: Period) -> Outcome:
            return fast(facts.values, period) if needs <= facts.names else _UNKNOWN

        return step
    applies: FastGate = gate
    if unset:

        def gated_unset(facts: UnitFacts, period: Period) -> Outcome:
            answer = applies(facts.values)
            return _UNKNOWN if answer is None else answer

        return gated_unset
    fast = check

    def gated(facts: UnitFacts, period: Period) -> Outcome:
        values = facts.values
        answer = applies(values)
        if answer is not None:
            return answer
        return fast(values, period) if needs <= facts.names else _UNKNOWN

    return gated


def _conjunction(criteria: tuple[Criterion, ...], parameters: Mapping[str, object]) -> Step:
    """The three-valued conjunction of ``criteria`` as one function.

    Criteria with no gate, every required parameter set and a compiled check
    are called directly; when the unit has every input they read, not even
    the check for missing inputs is needed: a compiled check reads each of its
    criterion's declared inputs with ``values[name]``, so a missing one is a
    KeyError, and only then are the inputs looked at criterion by criterion.
    Every criterion is decided, even after one is NOT_MET, so that bad input
    read by a later criterion is still reported rather than hidden by a
    verdict.
    """
    direct: list[tuple[frozenset[str], FastCheck]] = []
    general: list[Step] = []
    blocked = False
    for criterion in criteria:
        check = compile_check(criterion, parameters)
        if criterion.applies_when is None and _unset(criterion, parameters):
            blocked = True  # UNKNOWN whatever the facts
        elif criterion.applies_when is None and check is not None:
            direct.append((criterion.needs, check))
        else:
            general.append(compile_step(criterion, parameters))
    checks = tuple(check for _, check in direct)
    each = tuple(direct)
    steps = tuple(general)

    def conjunction(facts: UnitFacts, period: Period) -> Outcome:
        values = facts.values
        try:
            outcomes = [check(values, period) for check in checks]
        except KeyError:
            names = facts.names
            outcomes = [
                check(values, period) if needs <= names else _UNKNOWN for needs, check in each
            ]
        if steps:
            outcomes += [step(facts, period) for step in steps]
        # Outcomes are singletons: counting them compares by identity, the cheapest test.
        met = outcomes.count(_MET)
        if met == len(outcomes) and met and not blocked:
            return _MET
        seen = set(outcomes)
        if _NOT_MET in seen:
            return _NOT_MET
        if blocked or _UNKNOWN in seen:
            return _UNKNOWN
        return _MET if met else _NOT_APPLICABLE

    return conjunction


#: How many results of one criterion a plan keeps (see :class:`ResultMemo`).
RESULTS_KEPT = 1024

# The kinds of input whose values repeat across a round: yes/no, one code, a set of
# codes, and a list of records when it is empty (no incident in the period).
_FEW_VALUES = frozenset({InputKind.BOOLEAN, InputKind.CHOICE, InputKind.CHOICES})


class ResultMemo:
    """One criterion's results, by the values it reads and the assessment period.

    Only for criteria whose check can be compiled (antq's own, which read
    nothing but their declared inputs, the period and the rule set's
    parameters, so equal keys give equal results) and whose inputs take few
    values: yes/no answers, codes, and lists of records only when empty, or
    when the check says it reads none of them (its ``reads_record(record)``:
    a unit's incidents of other categories give the result of no incident). A
    round gives thousands of units the same such results ("yes", "none in
    the period"), and results hold nothing of the unit, so they are shared.
    Bounded: emptied when full.
    """

    __slots__ = ("found", "names", "reads", "records")

    def __init__(self, criterion: Criterion) -> None:
        self.names = tuple(i.name for i in criterion.all_inputs)
        self.records = frozenset(
            i.name for i in criterion.all_inputs if i.kind is InputKind.RECORDS
        )
        #: Whether the check can be changed by a record (None: by any record).
        self.reads: Callable[[Any], bool] | None = getattr(criterion.check, "reads_record", None)
        self.found: dict[tuple[object, ...], Any] = {}

    @staticmethod
    def suits(criterion: Criterion, parameters: Mapping[str, object]) -> bool:
        """Whether ``criterion``'s results can be memoised (see the class docstring)."""
        kinds = {i.kind for i in criterion.all_inputs}
        return compile_check(criterion, parameters) is not None and kinds <= (
            _FEW_VALUES | {InputKind.RECORDS}
        )

    def key(self, values: Mapping[str, Any], period: Period) -> tuple[object, ...] | None:
        """The key of a unit's values, or None when it has a record the check may read."""
        reads = self.reads
        for name in self.records:
            found = values.get(name)
            if found and (reads is None or any(map(reads, found))):
                return None
        # An absent input and a present one differ: (name, value) only for those present;
        # records the check does not read count as none.
        return (
            period.start,
            period.end,
            *[(n, () if n in self.records else values[n]) for n in self.names if n in values],
        )

    def keep(self, key: tuple[object, ...], result: Any) -> None:
        if len(self.found) >= RESULTS_KEPT:
            self.found.clear()
        self.found[key] = result


class DecisionPlan:
    """A rule set's scope checks and criteria compiled for fast deciding.

    ``decide(facts, period)`` is the unit's outcome, as
    :func:`antq.core.engine.decide_generic` gives it: NOT_APPLICABLE when a
    scope check excludes the unit, else the conjunction of the criteria (and
    UNKNOWN while the scope is unknown). It may raise
    :class:`~antq.core.criterion.Defer`. ``steps`` holds each criterion's own
    compiled function, by criterion id, scope checks first, and ``memos``
    the results of those that can be memoised (see :class:`ResultMemo`).

    A plan pickles as the criteria and parameters it was made from, and is
    compiled again where it is unpickled.
    """

    __slots__ = ("_made_from", "decide", "memos", "steps")

    def __init__(
        self,
        criteria: tuple[Criterion, ...],
        parameters: Mapping[str, Any],
        eligibility: tuple[Criterion, ...] = (),
    ) -> None:
        self._made_from = (criteria, parameters, eligibility)
        self.steps: Mapping[str, Step] = {
            c.id: compile_step(c, parameters) for c in (*eligibility, *criteria)
        }
        self.memos: Mapping[str, ResultMemo] = {
            c.id: ResultMemo(c)
            for c in (*eligibility, *criteria)
            if ResultMemo.suits(c, parameters)
        }
        self.decide: Step = _verdict(
            _conjunction(eligibility, parameters) if eligibility else None,
            _conjunction(criteria, parameters),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (DecisionPlan, self._made_from)


def _verdict(scope: Step | None, criteria: Step) -> Step:
    if scope is None:
        return criteria
    in_scope: Step = scope

    def verdict(facts: UnitFacts, period: Period) -> Outcome:
        found = in_scope(facts, period)
        if found is _NOT_APPLICABLE or found is _NOT_MET:
            # Outside the instrument's scope: the criteria do not apply at all.
            return _NOT_APPLICABLE
        outcome = criteria(facts, period)
        # Whether the unit is in scope is unknown: no verdict can be given yet.
        return _UNKNOWN if found is _UNKNOWN else outcome

    return verdict
