"""Criteria: one rule of the law, its citation, the inputs it reads and its check.

A :class:`Criterion` is data plus a small pure function. The engine reads its
declared inputs and parameters first: when one is missing the criterion is
UNKNOWN and its check is never called, so a check may assume every declared
value is present. An optional applicability gate (``applies_when``) turns the
criterion NOT_APPLICABLE, with its reason, before anything else is read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar, cast

import attrs

from antq.core.facts import UnitFacts
from antq.core.inputs import Input
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.reasons import Reason
from antq.core.rule import CriterionInfo as CriterionInfo
from antq.core.rule import CriterionKind as CriterionKind
from antq.core.rule import Finding as Finding
from antq.core.rule import Parameter as Parameter
from antq.core.rule import Rule
from antq.core.rule import check_supplied as check_supplied
from antq.core.rule import finding as finding
from antq.core.rule import undecided as undecided
from antq.errors import DefinitionError

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Context:
    """What a check sees: the unit's facts, its period and the parameter values."""

    facts: UnitFacts
    period: Period
    parameters: Mapping[str, object]
    #: The facts' values by input name (``facts.values``, read by every check).
    values: Mapping[str, Any] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "values", self.facts.values)

    def __getitem__(self, inp: Input[T]) -> T:
        return cast("T", self.values[inp.name])  # typed by the Input

    def get(self, inp: Input[T]) -> T | None:
        return cast("T | None", self.values.get(inp.name))

    def param(self, parameter: Parameter[T]) -> T:
        return cast("T", self.parameters[parameter.name])


#: A criterion's check: reads the context, returns a :class:`Finding`.
#:
#: A check may also have a method ``decide(context) -> Outcome`` that gives the
#: same outcome without building the reason (and raises the same input errors).
#: The engine then uses it when only the verdict is asked for, and compares the
#: two whenever the reasons are built, so they cannot drift apart unnoticed.
Check = Callable[[Context], Finding]
#: A check's fast path: the outcome alone.
Decide = Callable[[Context], Outcome]
#: A gate's answer: the reason the criterion does not apply, None when it
#: applies, or ``Outcome.UNKNOWN`` when the facts it needs are missing.
GateAnswer = Reason | Outcome | None
#: An applicability gate: answers before the criterion's inputs are read.
Gate = Callable[[Context], GateAnswer]

#: A check compiled into a plain function (see :class:`antq.core.DecisionPlan`): it reads
#: the facts' values and the assessment period and gives the outcome alone.
#:
#: A check may have a method ``compile(parameters) -> FastCheck``, called once
#: per rule set with the parameter values in force. The function it returns
#: decides what ``decide`` decides, reading each of the criterion's declared
#: inputs with ``values[name]`` (so that a missing one is a ``KeyError``, which
#: tells the engine to look at the inputs criterion by criterion), and raises
#: :class:`Defer` instead of an error: the engine then decides the unit the
#: general way, which reports it.
FastCheck = Callable[[Mapping[str, Any], Period], Outcome]
#: A gate compiled the same way (a gate's ``compile() -> FastGate``): None when
#: the criterion applies, ``Outcome.NOT_APPLICABLE`` when it does not, and
#: ``Outcome.UNKNOWN`` when the facts it needs are missing.
FastGate = Callable[[Mapping[str, Any]], Outcome | None]


class Defer(Exception):
    """Raised by a compiled check when the general path must decide the unit.

    Compiled checks handle the usual facts; anything else (a part larger than
    its whole, an empty total) is left to the general path, so that the error
    it raises, or the outcome it gives, stays the one and only answer.
    """


@attrs.frozen(kw_only=True)
class Criterion(Rule):
    """One criterion of a rule set: a :class:`~antq.core.rule.Rule` decided by the engine.

    ``inputs`` and ``parameters`` are what ``check`` needs: when one is missing
    the engine reports UNKNOWN without calling it. ``optional_inputs`` are read
    by the check itself with ``Context.get`` (for "either A or B" rules), and
    the check reports UNKNOWN when it cannot decide. ``gate_inputs`` are what
    ``applies_when`` reads. ``confirmation`` says
    whether the rule is the law as confirmed or a user-supplied stand-in.
    """

    noun: ClassVar[str] = "criterion"

    inputs: tuple[Input[Any], ...]
    check: Check = attrs.field(eq=False, repr=False)
    optional_inputs: tuple[Input[Any], ...] = ()
    applies_when: Gate | None = attrs.field(default=None, eq=False, repr=False)
    gate_inputs: tuple[Input[Any], ...] = ()
    #: Names of ``inputs``, and the required parameters: what the engine checks first.
    needs: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    required_parameters: tuple[Parameter[Any], ...] = attrs.field(init=False, eq=False, repr=False)
    #: The check's ``decide`` method, when it has one (see :data:`Check`).
    decide: Decide | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        object.__setattr__(self, "needs", frozenset(i.name for i in self.inputs))
        object.__setattr__(self, "decide", getattr(self.check, "decide", None))
        object.__setattr__(
            self, "required_parameters", tuple(p for p in self.parameters if p.required)
        )
        names = [i.name for i in self.all_inputs]
        if len(set(names)) != len(names):
            raise DefinitionError(f"criterion {self.id!r} declares an input twice: {names}")
        if self.gate_inputs and self.applies_when is None:
            raise DefinitionError(f"criterion {self.id!r} has gate inputs but no gate")

    @property
    def all_inputs(self) -> tuple[Input[Any], ...]:
        """Every input the criterion may read, gate first."""
        return (*self.gate_inputs, *self.inputs, *self.optional_inputs)
