"""Rule sets and the rule book that picks one by date.

A :class:`RuleSet` is the criteria for one unit kind under one instrument, with
the dates it applies to. It applies to a round when the end of that round's
assessment period falls within ``[valid_from, valid_to]`` (both inclusive;
None is open-ended). A :class:`RuleBook` holds rule sets and selects the one in
force for a unit kind and round; a caller can also pin a rule set explicitly.

Rule sets are immutable. Provinces extend them without forking antq:
:meth:`RuleSet.extended` returns a new rule set with extra criteria, and
:meth:`RuleSet.with_parameters` one with user-supplied parameter values.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any, Protocol

import attrs

from antq.core.criterion import Criterion, Parameter, check_supplied
from antq.core.facts import UnitFacts
from antq.core.frozen import FrozenMap
from antq.core.inputs import Input, merge_inputs
from antq.core.periods import Period
from antq.core.plan import DecisionPlan
from antq.core.reasons import Reason
from antq.core.unit_kinds import UnitKind
from antq.errors import DefinitionError, InputError, RuleSetNotFound
from antq.i18n.catalog import Label, Msg
from antq.law.confirmation import Confirmation


class PeriodRule(Protocol):
    """Gives the assessment period of recognition year ``year``."""

    def period_for(self, year: int) -> Period: ...


def _frozen_mapping(values: Mapping[str, object]) -> Mapping[str, object]:
    return FrozenMap(values)


@attrs.frozen(kw_only=True)
class RoundNotice:
    """A statement every verdict of some rounds carries: what is not settled about them.

    It applies to a round whose assessment period ends in ``[applies_from,
    applies_to]`` (inclusive, None open). Its ``confirmation`` is how sure
    antq is that the rule set governs such a round; a result's confirmation is
    never shown stronger than it (a criterion CONFIRMED in 2022 is shown
    UNCONFIRMED in a round after an amendment whose text antq does not have).
    """

    id: str
    text: Label
    confirmation: Confirmation
    applies_from: date | None = None
    applies_to: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.applies_from and self.applies_to and self.applies_to < self.applies_from:
            raise DefinitionError(f"round notice {self.id!r} ends before it starts")

    def applies(self, end: date) -> bool:
        """Whether the notice applies to a round whose period ends on ``end``."""
        return (self.applies_from is None or self.applies_from <= end) and (
            self.applies_to is None or end <= self.applies_to
        )


def weakest(*statuses: Confirmation) -> Confirmation:
    """The weakest of ``statuses`` (UNCONFIRMED below PARTIAL below CONFIRMED)."""
    order = list(Confirmation)
    return max(statuses, key=order.index)


@attrs.frozen(kw_only=True)
class RuleSet:
    """The criteria for one unit kind under one version of the rules."""

    id: str
    kind: UnitKind
    instrument: str
    title: Label
    window: PeriodRule | None
    criteria: tuple[Criterion, ...]
    eligibility: tuple[Criterion, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    parameter_values: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen_mapping)
    #: What is not settled about some rounds (see :class:`RoundNotice`).
    notices: tuple[RoundNotice, ...] = ()
    #: The instrument's signing date: no round that ended before it is evaluated,
    #: even with the rule set pinned (rule R1). None: ``valid_from`` is the bound.
    signed: date | None = None
    _resolved: Mapping[str, object] = attrs.field(init=False, eq=False, repr=False)
    _inputs: tuple[Input[Any], ...] = attrs.field(init=False, eq=False, repr=False)
    #: The scope checks and criteria compiled for the engine (see :class:`DecisionPlan`).
    plan: DecisionPlan = attrs.field(init=False, eq=False, repr=False)
    #: The notices of each round's last day, as a verdict states them (see ``notice_reasons``).
    _notice_reasons: dict[date, tuple[Reason, ...]] = attrs.field(
        init=False, eq=False, repr=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        if not self.criteria:
            raise DefinitionError(f"rule set {self.id!r} has no criteria")
        ids = [c.id for c in (*self.eligibility, *self.criteria)]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise DefinitionError(f"rule set {self.id!r} repeats criterion ids {duplicates}")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise DefinitionError(f"rule set {self.id!r} ends before it starts")
        inputs = merge_inputs({c.id: c.all_inputs for c in self.all_criteria()})
        known = {p.name for p in self.parameters()}
        unknown = sorted(set(self.parameter_values) - known)
        if unknown:
            raise DefinitionError(
                f"rule set {self.id!r} has values for unknown parameters {unknown}"
            )
        resolved = FrozenMap({p.name: self.parameter_value(p) for p in self.parameters()})
        object.__setattr__(self, "_resolved", resolved)
        object.__setattr__(self, "_inputs", tuple(inputs.values()))
        object.__setattr__(self, "plan", DecisionPlan(self.criteria, resolved, self.eligibility))

    def all_criteria(self) -> Iterator[Criterion]:
        yield from self.eligibility
        yield from self.criteria

    def inputs(self) -> tuple[Input[Any], ...]:
        """Every input the rule set may read, each once, in criterion order."""
        return self._inputs

    def parameters(self) -> tuple[Parameter[Any], ...]:
        """Every parameter the criteria read, each once."""
        found: dict[str, Parameter[Any]] = {}
        for criterion in self.all_criteria():
            for parameter in criterion.parameters:
                other = found.setdefault(parameter.name, parameter)
                if other != parameter:
                    raise DefinitionError(
                        f"parameter {parameter.name!r} is defined twice differently"
                    )
        return tuple(found.values())

    def parameter_value(self, parameter: Parameter[Any]) -> object:
        """The value in force: the user's, else the default (None = not supplied)."""
        return self.parameter_values.get(parameter.name, parameter.default)

    def check_facts(self, facts: UnitFacts) -> None:
        """Check the types of the facts this rule set reads (for facts built in Python)."""
        values = facts.values
        for inp in self._inputs:
            if inp.name in values:
                inp.check(values[inp.name], path=f"{facts.unit_id}.{inp.name}")

    def resolved_parameters(self) -> Mapping[str, object]:
        """Every parameter's value in force (computed once, when the rule set is made)."""
        return self._resolved

    def with_parameters(self, **values: object) -> RuleSet:
        """A copy with parameter values supplied by the user (checked against choices)."""
        check_supplied(self.id, self.parameters(), values)
        return attrs.evolve(self, parameter_values={**self.parameter_values, **values})

    def extended(
        self, *, id: str, criteria: Iterable[Criterion], title: Label | None = None
    ) -> RuleSet:
        """A new rule set with extra criteria appended (e.g. a province's own)."""
        return attrs.evolve(
            self, id=id, title=title or self.title, criteria=(*self.criteria, *criteria)
        )

    def period_for(self, year: int, override: Period | None = None) -> Period:
        """The assessment period for ``year``; ``override`` wins when given."""
        if override is not None:
            return override
        if self.window is None:
            raise InputError(
                "period",
                None,
                Msg("rule set {id} has no fixed window: give the unit's period"),
                params={"id": self.id},
            )
        return self.window.period_for(year)

    def notices_for(self, period: Period) -> tuple[RoundNotice, ...]:
        """The notices of the round whose period is ``period``."""
        return tuple(n for n in self.notices if n.applies(period.end))

    def notice_reasons(self, period: Period) -> tuple[Reason, ...]:
        """The texts of :meth:`notices_for` as reasons, made once per round (verdicts share
        them)."""
        found = self._notice_reasons.get(period.end)
        if found is None:
            found = tuple(Reason(template=n.text) for n in self.notices_for(period))
            self._notice_reasons[period.end] = found
        return found

    def check_signed(self, period: Period, *, path: str = "period") -> None:
        """Refuse a round that closed before the instrument existed (rule R1).

        The bound is ``signed`` (else ``valid_from``): a round whose period ends
        before it cannot be governed by this rule set, even when it is pinned.
        """
        bound = self.signed or self.valid_from
        if bound is not None and period.end < bound:
            raise RuleSetNotFound(
                f"{path}: rule set {self.id} ({self.instrument}) cannot govern a round whose"
                f" period ended on {period.end.isoformat()}, before the instrument was signed"
                f" ({bound.isoformat()})"
            )

    def covers(self, period: Period) -> bool:
        """Whether this rule set applies to a round whose period is ``period``."""
        end = period.end
        return (self.valid_from is None or self.valid_from <= end) and (
            self.valid_to is None or end <= self.valid_to
        )


@attrs.frozen
class RuleBook:
    """A collection of rule sets, selected by unit kind and date."""

    rule_sets: tuple[RuleSet, ...]
    # Rule sets already selected, by (kind, year, period): a batch asks for a few, many times.
    _selected: dict[tuple[UnitKind, int, Period | None], RuleSet] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )
    # (rule set, assessment period) already worked out, by (kind, year, period).
    _rounds: dict[tuple[UnitKind, int, Period | None], tuple[RuleSet, Period]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )
    # Inputs by kind, as :meth:`inputs` gives them: a reader asks for them per document.
    _inputs_by_kind: dict[tuple[UnitKind | None, bool], dict[str, Input[Any]]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        ids = [r.id for r in self.rule_sets]
        if len(set(ids)) != len(ids):
            raise DefinitionError(f"rule book repeats rule set ids: {ids}")
        merge_inputs({r.id: r.inputs() for r in self.rule_sets})

    def __iter__(self) -> Iterator[RuleSet]:
        return iter(self.rule_sets)

    def get(self, rule_set_id: str) -> RuleSet:
        for rule_set in self.rule_sets:
            if rule_set.id == rule_set_id:
                return rule_set
        raise RuleSetNotFound(
            f"no rule set {rule_set_id!r}; known: {[r.id for r in self.rule_sets]}"
        )

    def select(self, kind: UnitKind, year: int, *, period: Period | None = None) -> RuleSet:
        """The rule set in force for ``kind`` in recognition year ``year``.

        Each candidate's own window gives the round's period (windows differ
        between versions); the candidate applies if it covers that period.
        """
        key = (kind, year, period)
        known = self._selected.get(key)
        if known is None:
            known = self._selected[key] = self._select(kind, year, period)
        return known

    def in_force(
        self, kind: UnitKind, year: int, period: Period | None = None
    ) -> tuple[RuleSet, Period]:
        """The rule set :meth:`select` gives and the assessment period it sets for the round."""
        key = (kind, year, period)
        known = self._rounds.get(key)
        if known is None:
            rule_set = self.select(kind, year, period=period)
            known = self._rounds[key] = (rule_set, rule_set.period_for(year, period))
        return known

    def _select(self, kind: UnitKind, year: int, period: Period | None) -> RuleSet:
        matches = []
        for rule_set in self.rule_sets:
            if rule_set.kind is not kind:
                continue
            if period is None and rule_set.window is None:
                continue
            if rule_set.covers(rule_set.period_for(year, period)):
                matches.append(rule_set)
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise RuleSetNotFound(
                f"no rule set for {kind.code} in round {year}: {self.coverage(kind)}"
            )
        ids = [m.id for m in matches]
        raise RuleSetNotFound(
            f"several rule sets apply to {kind.code} in round {year}: {ids}; pin one"
        )

    def coverage(self, kind: UnitKind) -> str:
        """The earliest and latest round ends the rule sets of ``kind`` cover, as a sentence."""
        own = [r for r in self.rule_sets if r.kind is kind]
        if not own:
            return f"antq has no rule set for {kind.code}"
        starts = [r.valid_from for r in own]
        ends = [r.valid_to for r in own]
        first = "any date" if None in starts else min(d for d in starts if d).isoformat()
        last = "no end date" if None in ends else max(d for d in ends if d).isoformat()
        return (
            f"antq covers rounds of {kind.code} whose assessment period ends from {first}"
            f" to {last} ({', '.join(r.id for r in own)})"
        )

    def replace(self, rule_set: RuleSet, *, replacing: str | None = None) -> RuleBook:
        """A copy with ``rule_set`` in place of the one with id ``replacing`` (default: same id)."""
        target = replacing or rule_set.id
        self.get(target)
        return RuleBook(tuple(rule_set if r.id == target else r for r in self.rule_sets))

    def inputs(
        self, kind: UnitKind | None = None, *, computed: bool = False
    ) -> dict[str, Input[Any]]:
        """Every input of the rule sets (of one kind, if given), by name.

        Inputs antq computes itself (:attr:`Input.computed`) are left out unless
        ``computed`` is True: a facts document cannot give them.
        """
        key = (kind, computed)
        known = self._inputs_by_kind.get(key)
        if known is None:
            chosen = [r for r in self.rule_sets if kind is None or r.kind is kind]
            found = merge_inputs({r.id: r.inputs() for r in chosen})
            if not computed:
                found = {name: inp for name, inp in found.items() if not inp.computed}
            known = self._inputs_by_kind[key] = found
        return dict(known)
