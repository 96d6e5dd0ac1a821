"""Applicability gates shared by the safe-standard rule sets.

A gate decides, before a criterion is read, whether it applies. Gates are
three-valued like everything else: they answer with the reason it does not
apply, ``None`` when it applies, or ``Outcome.UNKNOWN`` when the facts they
need are missing. One known fact that already excludes the criterion is
enough; the gate does not wait for the others.

``compile()`` gives the same gate as a plain function of the facts' values
for the engine's compiled plans (:class:`antq.core.DecisionPlan`): None when the
criterion applies, NOT_APPLICABLE or UNKNOWN otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from antq.core.criterion import Context, FastGate, GateAnswer
from antq.core.inputs import Input
from antq.core.outcome import Outcome
from antq.core.reasons import Reason
from antq.entities.organisations import EducationLevel
from antq.i18n.catalog import Msg


@attrs.frozen
class WhenTrue:
    """The criterion applies only when ``fact`` is true."""

    fact: Input[bool]
    otherwise: Msg
    _reason: Reason = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_reason", Reason(template=self.otherwise))

    def __call__(self, context: Context) -> GateAnswer:
        value = context.get(self.fact)
        if value is None:
            return Outcome.UNKNOWN
        return None if value else self._reason

    def compile(self) -> FastGate:
        name = self.fact.name
        unknown, excluded = Outcome.UNKNOWN, Outcome.NOT_APPLICABLE

        def when_true(values: Mapping[str, Any]) -> Outcome | None:
            value = values.get(name)
            if value is None:
                return unknown
            return None if value else excluded

        return when_true


@attrs.frozen
class WhenAllTrue:
    """Applies only when every fact is true; any known false one says why not."""

    facts: tuple[tuple[Input[bool], Msg], ...]
    _reasons: tuple[Reason, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        reasons = tuple(Reason(template=otherwise) for _, otherwise in self.facts)
        object.__setattr__(self, "_reasons", reasons)

    def __call__(self, context: Context) -> GateAnswer:
        undecided = False
        for (fact, _), reason in zip(self.facts, self._reasons, strict=True):
            value = context.get(fact)
            if value is False:
                return reason
            undecided = undecided or value is None
        return Outcome.UNKNOWN if undecided else None

    def compile(self) -> FastGate:
        names = tuple(fact.name for fact, _ in self.facts)
        unknown, excluded = Outcome.UNKNOWN, Outcome.NOT_APPLICABLE

        def when_all_true(values: Mapping[str, Any]) -> Outcome | None:
            undecided = False
            for name in names:
                value = values.get(name)
                if value is False:
                    return excluded
                undecided = undecided or value is None
            return unknown if undecided else None

        return when_all_true


@attrs.frozen
class WhenGeneralEducation:
    """Applies only to general-education (phổ thông) institutions."""

    level: Input[EducationLevel]
    otherwise: Msg
    _reason: Reason = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_reason", Reason(template=self.otherwise))

    def __call__(self, context: Context) -> GateAnswer:
        level = context.get(self.level)
        if level is None:
            return Outcome.UNKNOWN
        return None if level.general_education else self._reason

    def compile(self) -> FastGate:
        name = self.level.name
        unknown, excluded = Outcome.UNKNOWN, Outcome.NOT_APPLICABLE

        def when_general_education(values: Mapping[str, Any]) -> Outcome | None:
            level = values.get(name)
            if level is None:
                return unknown
            return None if level.general_education else excluded

        return when_general_education
