"""The commune roll-up: counting the units under a commune from their verdicts.

A commune is safe only if enough of the units under it are (Thông tư
124/2021/TT-BCA Điều 5 khoản 4): **100%** of its residential areas, agencies,
enterprises and educational institutions registered, and **at least 70%** of
them were recognised, in integers ``100 * recognised >= 70 * total``. Under
Thông tư 23/2012/TT-BCA (Điều 6 khoản 4) only the **residential areas** count,
and only the 70% share is required. The counts come from the *same round's*
verdicts of those units, which are therefore evaluated first.

:func:`commune_counts` counts the verdicts, :func:`apply_counts` writes the
counts into the commune's facts, and :func:`evaluate_commune` does both and
evaluates the commune.

**How a unit is counted.**

* A unit whose verdict is NOT_APPLICABLE is outside the circular's scope
  (Điều 1 khoản 2: agencies of the armed forces, small and micro enterprises,
  primary schools, pre-schools and crèches) and is left out of the total.
  The circular does not say so in Điều 5 khoản 4; it is antq's reading, since
  such units can be neither registered nor recognised under it.
* A unit whose scope is itself UNKNOWN (its eligibility could not be decided)
  is kept in the total with its recognition unknown, and its registration
  counted only if that criterion is MET. Every MET or NOT_MET the commune
  gets then holds whether or not the unit turns out to be in scope; the price
  is that a few cases stay UNKNOWN that a finer analysis could settle.
* A unit is registered when its registration criterion (the criterion whose
  id ends in ``.registration``) is MET, not registered when it is NOT_MET, and
  of unknown registration otherwise.
* A unit is recognised when its verdict is MET, not recognised when it is
  NOT_MET, and of unknown recognition when it is UNKNOWN.

**Bounds.** With unknowns the counts are ranges (``registered_min`` to
``registered_max``, ``recognised_min`` to ``recognised_max``).
:func:`apply_counts` writes a value only when it decides the criterion the
same way at every point of the range, so that three-valued logic comes out
right: the exact value when the bounds agree; the lower bound when it already
passes; the upper bound when even it fails. Otherwise the fact is left absent
and the criterion is UNKNOWN, never met.

>>> from antq.safety.rollup import UnitCounts, apply_counts
>>> counts = UnitCounts(
...     commune_id="X1", year=2024, instrument="124/2021/TT-BCA", total=25,
...     registered_min=25, registered_max=25, recognised_min=17, recognised_max=19,
... )
>>> counts.exact, counts.recognised_value()
(False, None)
>>> attrs.evolve(counts, recognised_min=18).recognised_value()  # 18/25 = 72% passes already
18
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

import attrs

from antq.core.criterion import Context
from antq.core.engine import decide_criterion, evaluate
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome, combine
from antq.core.reasons import Reason
from antq.core.ruleset import RuleBook, RuleSet
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import Verdict
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Msg
from antq.safety.tt23_2012 import article_6_commune as tt23_commune
from antq.safety.tt124_2021 import article_5_commune as tt124_commune
from antq.safety.unit_counts import UNIT_OUTCOMES, RollupInputs, RollupRule, UnitCounts

__all__ = [
    "REGISTRATION_SUFFIX",
    "ROLLUP_RULES",
    "TT23_ROLLUP_INPUTS",
    "CommuneRollup",
    "RollupInputs",
    "RollupRule",
    "Standing",
    "UnitCounts",
    "apply_counts",
    "commune_counts",
    "count_standings",
    "evaluate_commune",
    "rollup_rule",
    "standing_of",
]

TT124 = "124/2021/TT-BCA"
TT23 = "23/2012/TT-BCA"

#: Suffix of the id of a unit's registration criterion (``tt124.residential-area.registration``).
REGISTRATION_SUFFIX = ".registration"


#: The roll-up of each instrument, by instrument number, as each commune article defines it.
ROLLUP_RULES: Mapping[str, RollupRule] = MappingProxyType(
    {rule.instrument: rule for rule in (tt124_commune.ROLLUP_RULE, tt23_commune.ROLLUP_RULE)}
)

#: Thông tư 23/2012 Điều 6 khoản 4 counts residential areas only, into these inputs.
TT23_ROLLUP_INPUTS: RollupInputs | None = ROLLUP_RULES[TT23].inputs


def rollup_rule(instrument: str) -> RollupRule:
    """The roll-up of ``instrument``; :class:`~antq.errors.InputError` for one antq has none for."""
    rule = ROLLUP_RULES.get(instrument) if isinstance(instrument, str) else None
    if rule is None:
        known = ", ".join(ROLLUP_RULES)
        raise InputError(
            "instrument",
            instrument,
            Msg("no commune roll-up; expected one of: {known}"),
            params={"known": known},
        )
    return rule


#: What the roll-up of any instrument needs of a unit's verdict:
#: (kind, outcome, registration outcome, scope unknown, instrument).
Standing = tuple[UnitKind, Outcome, Outcome | None, bool, str]


def standing_of(verdict: Verdict) -> Standing:
    """The few facts of a unit's verdict that the roll-up of any instrument needs.

    The registration and the scope are decided without building the verdict's
    reasons (a unit that passed passed its registration too).
    """
    outcome = verdict.outcome
    if outcome is Outcome.MET:
        return (verdict.kind, outcome, Outcome.MET, False, verdict.instrument)
    if outcome is Outcome.NOT_APPLICABLE:
        return (verdict.kind, outcome, None, False, verdict.instrument)
    scope_unknown = outcome is Outcome.UNKNOWN and _decided(verdict, scope=True) is Outcome.UNKNOWN
    registration = _decided(verdict, scope=False)
    return (verdict.kind, outcome, registration, scope_unknown, verdict.instrument)


def _registers(criterion_id: str) -> bool:
    return criterion_id.endswith(REGISTRATION_SUFFIX)


def _decided(verdict: Verdict, *, scope: bool) -> Outcome | None:
    """The combined outcome of the verdict's scope checks (``scope``) or of its registration
    criterion, None when its rule set has none; decided without their reasons when the
    verdict's results are not built yet."""
    explanation = verdict._explanation
    rule_set = getattr(explanation, "rule_set", None)
    context = getattr(explanation, "context", None)
    if isinstance(rule_set, RuleSet) and isinstance(context, Context):
        criteria = (
            rule_set.eligibility if scope else [c for c in rule_set.criteria if _registers(c.id)]
        )
        return combine(decide_criterion(c, context) for c in criteria) if criteria else None
    results = (
        verdict.eligibility if scope else [r for r in verdict.results if _registers(r.criterion_id)]
    )
    return combine(r.outcome for r in results) if results else None


def count_standings(
    standings: Iterable[tuple[Standing, int, Sequence[str]]],
    *,
    commune_id: str,
    year: int,
    rule: RollupRule,
    lost: Reason | None = None,
    first_id: str = "units",
) -> UnitCounts:
    """Count units from their standings: (standing, how many, the ids kept of them).

    The one counting rule of every roll-up (see the module docstring). A
    standing under another instrument than ``rule``'s is an
    :class:`~antq.errors.InputError`, and so is a commune with no unit in scope.
    """
    not_recognised: list[str] = []
    excluded: list[str] = []
    not_counted: list[str] = []
    scope_unknown: list[str] = []
    registration_unknown: list[str] = []
    recognition_unknown: list[str] = []
    not_registered: list[str] = []
    counted: list[str] = []
    registered = recognised = total = 0
    for (kind, outcome, registration, scope, instrument), count, ids in standings:
        if kind not in rule.counted_kinds:
            not_counted += ids
            continue
        if instrument != rule.instrument:
            raise InputError(
                f"{min(ids) if ids else first_id}.instrument",
                instrument,
                Msg(
                    "the commune {commune_id} is counted under {instrument}; evaluate its units under it too"
                ),
                params={"commune_id": commune_id, "instrument": rule.instrument},
            )
        if outcome is Outcome.NOT_APPLICABLE:
            excluded += ids
            continue
        total += count
        counted += ids
        if scope:
            scope_unknown += ids
        if rule.registration_required:
            if registration is Outcome.MET:
                registered += count
            elif registration is Outcome.NOT_MET and not scope:
                not_registered += ids
            else:
                registration_unknown += ids
        if outcome is Outcome.MET:
            recognised += count
        elif outcome is Outcome.UNKNOWN:
            recognition_unknown += ids
        else:
            not_recognised += ids
    if not total:
        raise InputError(
            "verdicts",
            commune_id,
            Msg(
                "no unit under this commune is in scope: a commune with no unit to count cannot be"
                " assessed under its roll-up rule, and antq does not treat that as met"
            ),
        )
    return UnitCounts(
        commune_id=commune_id,
        year=year,
        instrument=rule.instrument,
        total=total,
        recognised_min=recognised,
        recognised_max=recognised + len(recognition_unknown),
        registered_min=registered if rule.registration_required else None,
        registered_max=registered + len(registration_unknown)
        if rule.registration_required
        else None,
        counted=counted if len(counted) == total else (),
        not_recognised=not_recognised,
        excluded=excluded,
        not_counted=not_counted,
        scope_unknown=scope_unknown,
        registration_unknown=registration_unknown,
        recognition_unknown=recognition_unknown,
        not_registered=not_registered,
        lost=lost,
    )


def commune_counts(
    verdicts: Iterable[Verdict], *, commune_id: str, instrument: str, year: int | None = None
) -> UnitCounts:
    """Count the units under ``commune_id`` from their verdicts of one round.

    Only verdicts whose ``commune`` is ``commune_id`` are read; verdicts of
    communes themselves are skipped. Those verdicts must all be of one year
    (``year`` when given) and of ``instrument``, and name each unit once:
    otherwise :class:`~antq.errors.InputError`. So is a commune with no unit in scope, which
    has nothing to take 100% or 70% of.
    """
    rule = rollup_rule(instrument)
    if not isinstance(commune_id, str) or not commune_id.strip():
        raise InputError("commune_id", commune_id, Msg("must be a non-empty string"))
    seen: dict[str, int] = {}
    round_year, round_from = year, "year"
    standings: list[tuple[Standing, int, Sequence[str]]] = []
    for index, verdict in enumerate(verdicts):
        path = f"verdicts[{index}]"
        if not isinstance(verdict, Verdict):
            raise InputError(path, verdict, Msg("expected a Verdict"))
        if verdict.commune != commune_id or verdict.kind is UnitKind.COMMUNE:
            continue
        unit = verdict.unit_id
        if unit in seen:
            raise InputError(
                f"{path}.unit_id",
                unit,
                Msg("the same unit appears twice (also at [{seen}])"),
                params={"seen": seen[unit]},
            )
        seen[unit] = index
        if round_year is None:
            round_year, round_from = verdict.year, path
        elif verdict.year != round_year:
            raise InputError(
                f"{path}.year",
                verdict.year,
                Msg(
                    "verdicts of different rounds mixed: {round_year} (from {round_from}) and {year}; a commune counts the units of its own round only"
                ),
                params={"round_year": round_year, "round_from": round_from, "year": verdict.year},
            )
        if verdict.instrument != rule.instrument:
            raise InputError(
                f"{path}.instrument",
                verdict.instrument,
                Msg("the commune is counted under {instrument}; evaluate its units under it too"),
                params={"instrument": rule.instrument},
            )
        standing = standing_of(verdict)
        if (
            verdict.kind in rule.counted_kinds
            and rule.registration_required
            and standing[1] is not Outcome.NOT_APPLICABLE
            and _decided(verdict, scope=False) is None
        ):
            raise InputError(
                f"{path}.results",
                verdict.rule_set,
                Msg("no registration criterion (an id ending in {suffix}) in this verdict"),
                params={"suffix": repr(REGISTRATION_SUFFIX)},
            )
        standings.append((standing, 1, (unit,)))
    if round_year is None:
        raise InputError(
            "verdicts",
            commune_id,
            Msg(
                "no unit under this commune is in scope: a commune with no unit to count cannot be"
                " assessed under Article 5(4), and antq does not treat that as met"
            ),
        )
    return count_standings(standings, commune_id=commune_id, year=round_year, rule=rule)


def apply_counts(
    commune_facts: UnitFacts, counts: UnitCounts, *, inputs: RollupInputs | None = None
) -> UnitFacts:
    """The commune's facts with the roll-up counts written in.

    Sets the total and, where the bounds decide them (see
    :meth:`UnitCounts.recognised_value` and :meth:`UnitCounts.registered_value`),
    the recognised and registered counts; an undecided count is removed, so
    its criterion is UNKNOWN. Values the caller had put there are replaced:
    the roll-up is the source of these facts. ``inputs`` defaults to the
    instrument's (see :data:`ROLLUP_RULES`).
    """
    if commune_facts.kind is not UnitKind.COMMUNE:
        raise InputError(
            f"{commune_facts.unit_id}.kind", commune_facts.kind.code, Msg("expected a commune")
        )
    if commune_facts.unit_id != counts.commune_id:
        raise InputError(
            f"{commune_facts.unit_id}.unit_id",
            commune_facts.unit_id,
            Msg("the counts are of commune {commune_id}"),
            params={"commune_id": repr(counts.commune_id)},
        )
    if commune_facts.year != counts.year:
        raise InputError(
            f"{commune_facts.unit_id}.year",
            commune_facts.year,
            Msg("the counts are of round {year}"),
            params={"year": counts.year},
        )
    names = inputs or counts.rule.inputs
    if names is None:
        raise DefinitionError(
            f"antq does not yet know the commune inputs of the {counts.instrument} roll-up:"
            " pass inputs=RollupInputs(...)"
        )
    values: dict[str, object] = {
        names.total.name: counts.total,
        names.recognised.name: counts.recognised_value(),
    }
    if names.registered is not None:
        values[names.registered.name] = counts.registered_value()
    return commune_facts.with_values(**values)


@attrs.frozen(kw_only=True)
class CommuneRollup:
    """A commune evaluated from its units: the counts, the facts used and the verdict."""

    counts: UnitCounts
    facts: UnitFacts
    verdict: Verdict


def evaluate_commune(
    commune_facts: UnitFacts,
    unit_verdicts: Iterable[Verdict],
    rules: RuleSet | RuleBook,
    *,
    inputs: RollupInputs | None = None,
) -> CommuneRollup:
    """Count the units under the commune, write the counts in and evaluate the commune.

    The units' verdicts must be of the commune's round (``commune_facts.year``)
    and of the instrument of the commune's rule set.
    """
    if isinstance(rules, RuleBook):
        rule_set = rules.select(commune_facts.kind, commune_facts.year, period=commune_facts.period)
    else:
        rule_set = rules
    counts = commune_counts(
        unit_verdicts,
        commune_id=commune_facts.unit_id,
        instrument=rule_set.instrument,
        year=commune_facts.year,
    )
    if inputs is not None:
        facts = apply_counts(commune_facts, counts, inputs=inputs)
    else:
        # The counts are handed to the commune's rule set as they are, with their ranges.
        facts = commune_facts.with_values(**{UNIT_OUTCOMES.name: counts})
    return CommuneRollup(counts=counts, facts=facts, verdict=evaluate(facts, rule_set))
