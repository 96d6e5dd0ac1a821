"""Criteria: one rule of the law, its citation, the inputs it reads and its check.

A :class:`Criterion` is data plus a small pure function. The engine reads its
declared inputs and parameters first: when one is missing the criterion is
UNKNOWN and its check is never called, so a check may assume every declared
value is present. An optional applicability gate (``applies_when``) turns the
criterion NOT_APPLICABLE, with its reason, before anything else is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, NamedTuple, TypeVar, cast

import attrs

from antq.core.facts import UnitFacts
from antq.core.frozen import FrozenMap
from antq.core.inputs import Input
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.reasons import Param, Reason
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Label, Msg
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum

T = TypeVar("T")

_ID = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*$")


class CriterionKind(CodedEnum):
    """How a criterion decides."""

    BOOLEAN = ("boolean", "có/không", "yes/no")
    THRESHOLD = ("threshold", "so sánh với ngưỡng", "numeric threshold")
    JUDGEMENT = ("judgement", "đánh giá của cơ quan xét duyệt", "assessor judgement")


# Hashed once: the rendered reason lines are memoised by it (see ``CriterionResult.explain``).
@attrs.frozen(kw_only=True, cache_hash=True)
class CriterionInfo:
    """What a result says about its criterion; one object shared by all its results."""

    id: str
    title: Label
    citation: Citation
    kind: CriterionKind
    confirmation: Confirmation
    #: The criterion's note, e.g. which article a cross-reference applies.
    note: Label | None = None

    @classmethod
    def of(cls, rule: object) -> CriterionInfo:
        """What ``rule`` (a criterion, an award condition) says about itself: its attributes
        of the same names as these."""
        return cls(**{field.name: getattr(rule, field.name) for field in attrs.fields(cls)})


@attrs.frozen(kw_only=True)
class Parameter(Generic[T]):
    """A value a rule depends on that is not an input about the unit.

    A parameter whose ``default`` is None has no value in antq: the spec leaves
    it UNCONFIRMED, so the user must supply it (``RuleSet.with_parameters``);
    until then the criteria that read it are UNKNOWN.
    """

    name: str
    label: Label
    default: T | None
    confirmation: Confirmation
    choices: tuple[T, ...] = ()
    citation: Citation | None = None
    #: When False the engine does not block on a missing value: the check
    #: reads it with ``Context.parameters.get`` and decides what an absent value means.
    required: bool = True

    def __attrs_post_init__(self) -> None:
        if self.default is None and self.confirmation is Confirmation.CONFIRMED:
            raise DefinitionError(f"parameter {self.name!r} is confirmed but has no value")
        if self.choices and self.default is not None and self.default not in self.choices:
            raise DefinitionError(f"parameter {self.name!r}: default not among its choices")


def check_supplied(
    owner: str, parameters: Iterable[Parameter[Any]], values: Mapping[str, object]
) -> None:
    """Refuse a value supplied for no parameter of ``parameters``, or outside its choices.

    ``owner`` is the id of the rule set (or award rules) the values are for: the
    path of the error is ``<owner>.parameters.<name>``.
    """
    by_name = {p.name: p for p in parameters}
    for name, value in values.items():
        parameter = by_name.get(name)
        if parameter is None:
            raise InputError(f"{owner}.parameters.{name}", value, Msg("no such parameter"))
        if parameter.choices and value not in parameter.choices:
            allowed = ", ".join(map(str, parameter.choices))
            raise InputError(
                f"{owner}.parameters.{name}",
                value,
                Msg("expected one of {allowed}"),
                params={"allowed": allowed},
            )


class Finding(NamedTuple):
    """What a check decided, and why.

    A named tuple rather than an attrs class: one is made for every criterion of
    every unit, so it is kept as light as Python allows.
    """

    outcome: Outcome
    reason: Reason
    #: Names of optional inputs whose absence made the outcome UNKNOWN.
    missing: tuple[str, ...] = ()


def finding(outcome: Outcome, template: Label, **params: Param) -> Finding:
    """Shorthand for ``Finding(outcome=..., reason=Reason(template=..., params=...))``."""
    # ``params`` is a fresh dict owned by this call, so it can be frozen without a copy.
    return Finding(outcome, Reason(template=template, params=FrozenMap(params)))


def undecided(template: Label, missing: tuple[str, ...], **params: Param) -> Finding:
    """An UNKNOWN finding that names what is missing."""
    return Finding(
        outcome=Outcome.UNKNOWN, reason=Reason(template=template, params=params), missing=missing
    )


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


def _check_criterion_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not _ID.match(value):
        raise DefinitionError(f"criterion id {value!r} must be lowercase words joined by . _ or -")


@attrs.frozen(kw_only=True)
class Criterion:
    """One criterion of a rule set.

    ``inputs`` and ``parameters`` are what ``check`` needs: when one is missing
    the engine reports UNKNOWN without calling it. ``optional_inputs`` are read
    by the check itself with ``Context.get`` (for "either A or B" rules), and
    the check reports UNKNOWN when it cannot decide. ``gate_inputs`` are what
    ``applies_when`` reads. ``confirmation`` says
    whether the rule is the law as confirmed or a user-supplied stand-in.
    """

    id: str = attrs.field(validator=_check_criterion_id)
    title: Label
    citation: Citation
    kind: CriterionKind
    inputs: tuple[Input[Any], ...]
    check: Check = attrs.field(eq=False, repr=False)
    optional_inputs: tuple[Input[Any], ...] = ()
    parameters: tuple[Parameter[Any], ...] = ()
    applies_when: Gate | None = attrs.field(default=None, eq=False, repr=False)
    gate_inputs: tuple[Input[Any], ...] = ()
    confirmation: Confirmation = Confirmation.CONFIRMED
    note: Label | None = None
    #: What every result of this criterion says about it (made once).
    info: CriterionInfo = attrs.field(init=False, eq=False, repr=False)
    #: Names of ``inputs``, and the required parameters: what the engine checks first.
    needs: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    required_parameters: tuple[Parameter[Any], ...] = attrs.field(init=False, eq=False, repr=False)
    #: The check's ``decide`` method, when it has one (see :data:`Check`).
    decide: Decide | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "info", CriterionInfo.of(self))
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
