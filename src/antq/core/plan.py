"""How the engine decides a group of criteria quickly: worked out once per rule set.

Most criteria have no applicability gate, read only parameters that the rule
set already settles, and have a ``decide`` method. For those, deciding a unit
is one call each, and when the unit has every input they read, not even the
check for missing inputs is needed. :class:`DecisionPlan` sorts a rule set's
criteria into those and the rest once, when the rule set is made, so the
engine does not ask the same questions again for every unit.

The plan changes nothing about what is decided: a criterion's outcome is the
one :func:`antq.core.engine.evaluate_criterion` gives, which the engine
confirms whenever it builds the reasons.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from antq.core.criterion import Criterion, Decide


def _unset(criterion: Criterion, parameters: Mapping[str, object]) -> bool:
    return any(parameters.get(p.name) is None for p in criterion.required_parameters)


@attrs.frozen(kw_only=True)
class DecisionPlan:
    """A group of criteria sorted for fast deciding.

    * ``direct``: the ``decide`` methods of criteria with no gate and every
      required parameter set, with ``direct_needs`` the inputs they read
      together and ``direct_each`` each one's own inputs beside it;
    * ``blocked``: whether some criterion lacks a required parameter (it is
      UNKNOWN whatever the facts);
    * ``general``: every other criterion, decided step by step.
    """

    direct: tuple[Decide, ...]
    direct_needs: frozenset[str]
    direct_each: tuple[tuple[frozenset[str], Decide], ...]
    blocked: bool
    general: tuple[Criterion, ...]

    @classmethod
    def of(cls, criteria: tuple[Criterion, ...], parameters: Mapping[str, Any]) -> DecisionPlan:
        direct: list[tuple[frozenset[str], Decide]] = []
        general: list[Criterion] = []
        blocked = False
        for criterion in criteria:
            if criterion.applies_when is None and _unset(criterion, parameters):
                blocked = True
            elif criterion.applies_when is None and criterion.decide is not None:
                direct.append((criterion.needs, criterion.decide))
            else:
                general.append(criterion)
        return cls(
            direct=tuple(decide for _, decide in direct),
            direct_needs=frozenset().union(*(needs for needs, _ in direct)),
            direct_each=tuple(direct),
            blocked=blocked,
            general=tuple(general),
        )
