"""Reusable checks for the safe-standard criteria.

Each check is a small frozen attrs class: plain data, so rule sets pickle
and can be sent to worker processes. ``decide(context)`` states the rule and
gives the outcome; ``__call__(context)`` takes that outcome and explains it
with the numbers it used. Ratios are compared in integers
(``100 * part >= 70 * whole``), never in floating point.

``compile(parameters)`` gives the same rule as a plain function of the facts'
values and the period, for the engine's compiled plans
(:class:`antq.core.DecisionPlan`); it raises :class:`~antq.core.criterion.Defer` where
``decide`` would raise an input error, so errors keep one wording.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache, partial
from typing import Any

import attrs

from antq.core.criterion import (
    Context,
    Defer,
    FastCheck,
    Finding,
    Parameter,
    finding,
    undecided,
)
from antq.core.inputs import Input
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.reasons import Percent, Reason
from antq.entities.grades import TaskGrade
from antq.entities.incidents import Incident, IncidentCategory
from antq.errors import InputError
from antq.i18n.catalog import Msg, Text
from antq.i18n.formatting import Threshold, format_date
from antq.law.citation import cite
from antq.law.confirmation import Confirmation
from antq.safety.inputs import (
    INCIDENTS,
    OFFENCES_CURRENT,
    OFFENCES_PREVIOUS,
    InternalRulesTopic,
    OffenceCounts,
)

MET, NOT_MET, UNKNOWN, NOT_APPLICABLE = (
    Outcome.MET,
    Outcome.NOT_MET,
    Outcome.UNKNOWN,
    Outcome.NOT_APPLICABLE,
)


_CRIME = frozenset({IncidentCategory.CRIME})


def _path(context: Context, inp: Input[Any]) -> str:
    return f"{context.facts.unit_id}.{inp.name}"


def _refuse_part_over_whole(
    context: Context, part: Input[int], whole: Input[int], counted: int, total: int
) -> None:
    """A share's ``part`` must not exceed its ``whole`` (an input error names the part)."""
    if counted > total:
        raise InputError(
            _path(context, part),
            counted,
            Msg("cannot exceed {name} ({whole})"),
            params={"name": whole.name, "whole": total},
        )


def _dates(incidents: Iterable[Incident], context: Context) -> str:
    """The incidents' dates; one recorded under another unit (a commune's) names it."""
    own = context.facts.unit_id
    return ", ".join(
        format_date(i.date, "vi")
        + (f" ({i.unit_id})" if i.unit_id is not None and i.unit_id != own else "")
        for i in incidents
    )


def in_period(context: Context, categories: frozenset[IncidentCategory]) -> tuple[Incident, ...]:
    """The unit's incidents of ``categories`` dated inside its assessment period."""
    start, end = context.period.start, context.period.end
    return tuple(
        i for i in context[INCIDENTS] if i.category in categories and start <= i.date <= end
    )


_OUTSIDE = Msg("{reason}; not counted, dated outside the period: {dates}")


def _any_of(context: Context, categories: frozenset[IncidentCategory]) -> bool:
    """Whether the unit has an incident of ``categories``, in its period or not."""
    return any(i.category in categories for i in context.values[INCIDENTS.name])


@lru_cache(maxsize=256)
def _none_in(period: Period) -> Finding:
    """The finding of a unit with no incident of the categories at all (shared, immutable)."""
    return finding(
        MET, Msg("none in the period {start} – {end}"), start=period.start, end=period.end
    )


def noting_outside(
    context: Context,
    categories: frozenset[IncidentCategory],
    found: Finding,
    *,
    only_serious: bool = False,
) -> Finding:
    """``found`` with the incidents of ``categories`` dated outside the period named.

    They do not count, but a mistyped date (2034 for 2024) must not vanish silently.
    """
    incidents = context[INCIDENTS]
    if not incidents:
        return found  # the usual case, kept cheap
    period = context.period
    outside = [
        i
        for i in incidents
        if i.category in categories
        and i.date not in period
        and (not only_serious or i.is_serious_crime)
    ]
    if not outside:
        return found
    inner = found.reason
    text = Text(vi=inner.render("vi"), en=inner.render("en"))
    return found._replace(
        reason=Reason(template=_OUTSIDE, params={"reason": text, "dates": _dates(outside, context)})
    )


@attrs.frozen
class IsTrue:
    """A yes/no fact or an assessor's judgement that must be yes."""

    fact: Input[bool]

    def describe(self) -> dict[str, object]:
        """The rule as data (:mod:`antq.catalogue.rule_form`): met when the fact is yes."""
        return {"form": "boolean", "input": self.fact.name}

    def decide(self, context: Context) -> Outcome:
        return MET if context.values[self.fact.name] else NOT_MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name = self.fact.name

        def is_true(values: Mapping[str, Any], period: Period) -> Outcome:
            return MET if values[name] else NOT_MET

        return is_true

    def __call__(self, context: Context) -> Finding:
        if self.decide(context) is MET:
            return finding(MET, Msg("{fact}: yes"), fact=self.fact.label)
        return finding(NOT_MET, Msg("{fact}: no"), fact=self.fact.label)


@attrs.frozen
class AllOf:
    """``part`` must equal ``whole`` (the law's 100%)."""

    part: Input[int]
    whole: Input[int]

    def describe(self) -> dict[str, object]:
        """The rule as data (:mod:`antq.catalogue.rule_form`): a share of 100%; an empty total is an error."""
        return {
            "form": "share_at_least",
            "part": self.part.name,
            "whole": self.whole.name,
            "percent": 100,
            "if_whole_is_zero": "error",
        }

    def _counts(self, context: Context) -> tuple[int, int]:
        values = context.values
        part, whole = values[self.part.name], values[self.whole.name]
        if whole == 0:
            raise InputError(
                _path(context, self.whole),
                whole,
                Msg("must be > 0: a {share} rule needs a total"),
                params={"share": "100%"},
            )
        _refuse_part_over_whole(context, self.part, self.whole, part, whole)
        return part, whole

    def decide(self, context: Context) -> Outcome:
        part, whole = self._counts(context)
        return MET if part == whole else NOT_MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        part_name, whole_name = self.part.name, self.whole.name

        def all_of(values: Mapping[str, Any], period: Period) -> Outcome:
            part, whole = values[part_name], values[whole_name]
            if whole == 0 or part > whole:
                raise Defer
            return MET if part == whole else NOT_MET

        return all_of

    def __call__(self, context: Context) -> Finding:
        part, whole = self._counts(context)
        ratio = Percent(numerator=part, denominator=whole)
        if part == whole:
            return finding(
                MET, Msg("{part}/{whole} = {percent}"), part=part, whole=whole, percent=ratio
            )
        return finding(
            NOT_MET,
            Msg("{part}/{whole} = {percent} < 100%: {gap} more needed"),
            part=part,
            whole=whole,
            percent=ratio,
            gap=whole - part,
        )


def share_form(
    part: Input[int],
    whole: Input[int],
    percent: int | Parameter[int],
    if_empty: Parameter[str] | None,
) -> dict[str, object]:
    """A share rule as data (:mod:`antq.catalogue.rule_form`); a parameter is named, not valued."""
    return {
        "form": "share_at_least",
        "part": part.name,
        "whole": whole.name,
        "percent": percent if isinstance(percent, int) else {"parameter": percent.name},
        "if_whole_is_zero": "error" if if_empty is None else {"parameter": if_empty.name},
    }


@attrs.frozen
class ShareAtLeast:
    """``100 * part >= threshold * whole``, with the gap to pass.

    ``if_empty`` decides a zero ``whole``: without it an empty total is an
    input error; with it, its value ("not_applicable" or "not_met") is used and
    an unset value makes the criterion UNKNOWN.
    """

    part: Input[int]
    whole: Input[int]
    threshold: int
    if_empty: Parameter[str] | None = None
    #: The threshold as its reasons write the share against it (rule P4).
    limits: tuple[Threshold, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "limits", (Threshold.at_least(self.threshold),))

    def describe(self) -> dict[str, object]:
        """The rule as data (:mod:`antq.catalogue.rule_form`): ``100 * part >= percent * whole``."""
        return share_form(self.part, self.whole, self.threshold, self.if_empty)

    def _counts(self, context: Context) -> tuple[int, int]:
        part, whole = context[self.part], context[self.whole]
        _refuse_part_over_whole(context, self.part, self.whole, part, whole)
        return part, whole

    def decide(self, context: Context) -> Outcome:
        part, whole = self._counts(context)
        if whole == 0:
            return self._empty(context).outcome
        return MET if 100 * part >= self.threshold * whole else NOT_MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        part_name, whole_name, threshold = self.part.name, self.whole.name, self.threshold
        # What an empty total gives (see ``_empty``); None: an input error.
        empty: Outcome | None = None
        if self.if_empty is not None:
            policy = parameters.get(self.if_empty.name)
            empty = (
                UNKNOWN
                if policy is None
                else NOT_APPLICABLE
                if policy == "not_applicable"
                else NOT_MET
            )

        def share_at_least(values: Mapping[str, Any], period: Period) -> Outcome:
            part, whole = values[part_name], values[whole_name]
            if part > whole:
                raise Defer
            if whole == 0:
                if empty is None:
                    raise Defer
                return empty
            return MET if 100 * part >= threshold * whole else NOT_MET

        return share_at_least

    def __call__(self, context: Context) -> Finding:
        part, whole = self._counts(context)
        if whole == 0:
            return self._empty(context)
        ratio = Percent(numerator=part, denominator=whole, thresholds=self.limits)
        if self.decide(context) is MET:
            return finding(
                MET,
                Msg("{part}/{whole} = {percent} ≥ {threshold}%"),
                part=part,
                whole=whole,
                percent=ratio,
                threshold=self.threshold,
            )
        needed = -(-self.threshold * whole // 100) - part
        return finding(
            NOT_MET,
            Msg("{part}/{whole} = {percent} < {threshold}%: {gap} more needed"),
            part=part,
            whole=whole,
            percent=ratio,
            threshold=self.threshold,
            gap=needed,
        )

    def _empty(self, context: Context) -> Finding:
        if self.if_empty is None:
            raise InputError(
                _path(context, self.whole),
                0,
                Msg("must be > 0: a share of an empty total is undefined"),
            )
        policy = context.parameters.get(self.if_empty.name)
        if policy is None:
            return undecided(
                Msg(
                    "{whole} is 0 and the law as known to antq does not say how to treat it: set the parameter {parameter}"
                ),
                whole=self.whole.label,
                parameter=self.if_empty.name,
                missing=(f"parameter:{self.if_empty.name}",),
            )
        outcome = NOT_APPLICABLE if policy == "not_applicable" else NOT_MET
        return finding(
            outcome,
            Msg("{whole} is 0; treated as {policy} by the parameter {parameter}"),
            whole=self.whole.label,
            policy=outcome,
            parameter=self.if_empty.name,
        )


@attrs.frozen
class AtLeast:
    """A count of at least ``minimum``."""

    value: Input[int]
    minimum: int

    def describe(self) -> dict[str, object]:
        """The rule as data (:mod:`antq.catalogue.rule_form`): met when the value is at least ``minimum``."""
        return {"form": "value_at_least", "input": self.value.name, "minimum": self.minimum}

    def decide(self, context: Context) -> Outcome:
        return MET if context.values[self.value.name] >= self.minimum else NOT_MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name, minimum = self.value.name, self.minimum

        def at_least(values: Mapping[str, Any], period: Period) -> Outcome:
            return MET if values[name] >= minimum else NOT_MET

        return at_least

    def __call__(self, context: Context) -> Finding:
        value = context[self.value]
        if self.decide(context) is MET:
            return finding(MET, Msg("{value} ≥ {minimum}"), value=value, minimum=self.minimum)
        return finding(
            NOT_MET,
            Msg("{value} < {minimum}: {gap} more needed"),
            value=value,
            minimum=self.minimum,
            gap=self.minimum - value,
        )


@attrs.frozen
class NoneCounted:
    """A count that must be zero."""

    value: Input[int]

    def describe(self) -> dict[str, object]:
        """The rule as data (:mod:`antq.catalogue.rule_form`): met when the count is zero."""
        return {"form": "count_zero", "input": self.value.name}

    def decide(self, context: Context) -> Outcome:
        return MET if context.values[self.value.name] == 0 else NOT_MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name = self.value.name

        def none_counted(values: Mapping[str, Any], period: Period) -> Outcome:
            return MET if values[name] == 0 else NOT_MET

        return none_counted

    def __call__(self, context: Context) -> Finding:
        value = context[self.value]
        if self.decide(context) is MET:
            return finding(MET, Msg("none: {what}"), what=self.value.label)
        return finding(
            NOT_MET,
            Msg("{count} recorded where none is allowed: {what}"),
            count=value,
            what=self.value.label,
        )


def _no_incident(
    name: str,
    categories: frozenset[IncidentCategory],
    values: Mapping[str, Any],
    period: Period,
) -> Outcome:
    """NOT_MET when an incident of ``categories`` is dated in ``period``: the rule of
    :class:`NoIncidents`, for ``decide`` and, bound to its arguments, for ``compile``."""
    incidents = values[name]
    if incidents:
        start, end = period.start, period.end
        for incident in incidents:
            if incident.category in categories and start <= incident.date <= end:
                return NOT_MET
    return MET


def _each_excused(
    name: str,
    reads: Callable[[Incident], bool],
    excuse: Callable[[Incident], bool | None],
    values: Mapping[str, Any],
    period: Period,
) -> Outcome:
    """The rule of the checks whose incidents count unless excused: each incident that
    ``reads`` dated in ``period`` must have an ``excuse``; NOT_MET at the first without one,
    UNKNOWN when an excuse is not assessed. For ``decide`` and, bound, for ``compile``."""
    outcome = MET
    incidents = values[name]
    if incidents:
        start, end = period.start, period.end
        for incident in incidents:
            if reads(incident) and start <= incident.date <= end:
                excused = excuse(incident)
                if excused is False:
                    return NOT_MET
                if excused is None:
                    outcome = UNKNOWN
    return outcome


@attrs.frozen
class _IncidentsOf:
    """A check of the incidents of ``categories`` dated in the period (and explained so)."""

    categories: frozenset[IncidentCategory]

    def reads_incident(self, incident: Incident) -> bool:
        """Whether ``incident`` can change this check's outcome (if dated in the period)."""
        return incident.category in self.categories

    #: What the engine's result memo asks (see :class:`antq.core.ResultMemo`): an incident
    #: this check does not read, in the period or not, leaves its result that of no incident.
    reads_record = reads_incident

    def _inside(self, context: Context) -> Finding:
        """The finding for the incidents dated in the period."""
        raise NotImplementedError

    def __call__(self, context: Context) -> Finding:
        if not _any_of(context, self.categories):
            return _none_in(context.period)  # the usual case, kept cheap
        return noting_outside(context, self.categories, self._inside(context))


@attrs.frozen
class NoIncidents(_IncidentsOf):
    """No incident of these categories dated in the period."""

    def decide(self, context: Context) -> Outcome:
        return _no_incident(INCIDENTS.name, self.categories, context.values, context.period)

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        return partial(_no_incident, INCIDENTS.name, self.categories)

    def _inside(self, context: Context) -> Finding:
        found = in_period(context, self.categories)
        start, end = context.period.start, context.period.end
        if self.decide(context) is MET:
            return finding(MET, Msg("none in the period {start} – {end}"), start=start, end=end)
        return finding(
            NOT_MET,
            Msg("{count} in the period {start} – {end}, on {dates}"),
            count=len(found),
            start=start,
            end=end,
            dates=_dates(found, context),
        )


_NO_SERIOUS_CRIME = finding(MET, Msg("no crime of serious gravity or above in the period"))


@attrs.frozen
class SeriousCrimesExcused:
    """No crime of "serious" gravity or above, unless each one is excused.

    A crime is excused by force majeure, or when it was detected in time,
    its harm was limited and it was reported at once. Those are assessor
    flags: an unassessed flag leaves the criterion UNKNOWN, never met.
    """

    def reads_incident(self, incident: Incident) -> bool:
        """Whether ``incident`` can change this check's outcome (if dated in the period)."""
        return incident.is_serious_crime

    #: What the engine's result memo asks (see :class:`antq.core.ResultMemo`).
    reads_record = reads_incident

    def decide(self, context: Context) -> Outcome:
        return _each_excused(
            INCIDENTS.name, self.reads_incident, Incident.excused, context.values, context.period
        )

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        return partial(_each_excused, INCIDENTS.name, self.reads_incident, Incident.excused)

    def __call__(self, context: Context) -> Finding:
        if not any(i.is_serious_crime for i in context.values[INCIDENTS.name]):
            return _NO_SERIOUS_CRIME  # the usual case, kept cheap
        found = self._inside(context)
        return noting_outside(context, _CRIME, found, only_serious=True)

    def _inside(self, context: Context) -> Finding:
        outcome = self.decide(context)
        crimes = [i for i in in_period(context, _CRIME) if i.is_serious_crime]
        if not crimes:
            return _NO_SERIOUS_CRIME
        refused = [c for c in crimes if c.excused() is False]
        unassessed = [c for c in crimes if c.excused() is None]
        if outcome is NOT_MET:
            return finding(
                NOT_MET,
                Msg("{count} crime(s) of serious gravity or above not excused, on {dates}"),
                count=len(refused),
                dates=_dates(refused, context),
            )
        if outcome is UNKNOWN:
            return undecided(
                Msg(
                    "{count} crime(s) of serious gravity or above whose exception is not assessed, on {dates}"
                ),
                count=len(unassessed),
                dates=_dates(unassessed, context),
                missing=tuple(
                    f"incidents[{c.id or c.date.isoformat()}].exception_flags" for c in unassessed
                ),
            )
        return finding(
            MET,
            Msg(
                "{count} crime(s) of serious gravity or above, each excused (force majeure, or detected in time, mitigated and reported at once)"
            ),
            count=len(crimes),
        )


@attrs.frozen
class ExcusedOnlyByForceMajeure(_IncidentsOf):
    """No incident of these categories unless it was force majeure."""

    def decide(self, context: Context) -> Outcome:
        return _each_excused(
            INCIDENTS.name,
            self.reads_incident,
            Incident.excused_by_force_majeure,
            context.values,
            context.period,
        )

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        return partial(
            _each_excused, INCIDENTS.name, self.reads_incident, Incident.excused_by_force_majeure
        )

    def _inside(self, context: Context) -> Finding:
        outcome = self.decide(context)
        found = in_period(context, self.categories)
        if not found:
            return finding(
                MET,
                Msg("none in the period {start} – {end}"),
                start=context.period.start,
                end=context.period.end,
            )
        refused = [i for i in found if i.excused_by_force_majeure() is False]
        unassessed = [i for i in found if i.excused_by_force_majeure() is None]
        if outcome is NOT_MET:
            return finding(
                NOT_MET,
                Msg("{count} not due to force majeure, on {dates}"),
                count=len(refused),
                dates=_dates(refused, context),
            )
        if outcome is UNKNOWN:
            return undecided(
                Msg("{count} whose force majeure is not assessed, on {dates}"),
                count=len(unassessed),
                dates=_dates(unassessed, context),
                missing=tuple(
                    f"incidents[{i.id or i.date.isoformat()}].force_majeure" for i in unassessed
                ),
            )
        return finding(
            MET, Msg("{count} in the period, each due to force majeure"), count=len(found)
        )


def _at_least(minimum: TaskGrade) -> frozenset[TaskGrade]:
    return frozenset(grade for grade in TaskGrade if grade.at_least(minimum))


@attrs.frozen
class GradeAtLeast:
    """An ordinal rating at or above ``minimum``."""

    grade: Input[TaskGrade]
    minimum: TaskGrade
    #: The grades at ``minimum`` or above.
    passing: frozenset[TaskGrade] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "passing", _at_least(self.minimum))

    def describe(self) -> dict[str, object]:
        """The rule as data (:mod:`antq.catalogue.rule_form`): a grade on ``scale`` (lowest first)."""
        return {
            "form": "grade_at_least",
            "input": self.grade.name,
            "minimum": self.minimum.code,
            "scale": [g.code for g in sorted(TaskGrade, key=lambda g: g.rank)],
        }

    def decide(self, context: Context) -> Outcome:
        return MET if context.values[self.grade.name] in self.passing else NOT_MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name, passing = self.grade.name, self.passing

        def grade_at_least(values: Mapping[str, Any], period: Period) -> Outcome:
            return MET if values[name] in passing else NOT_MET

        return grade_at_least

    def __call__(self, context: Context) -> Finding:
        grade = context[self.grade]
        if self.decide(context) is MET:
            return finding(
                MET, Msg("rated '{grade}', at least '{minimum}'"), grade=grade, minimum=self.minimum
            )
        return finding(
            NOT_MET, Msg("rated '{grade}', below '{minimum}'"), grade=grade, minimum=self.minimum
        )


@attrs.frozen
class TitleOrGrade:
    """Earned the title (a yes/no input) or a rating of at least ``minimum``.

    Either input alone can settle a pass; a fail needs both known.
    """

    title: Input[bool]
    grade: Input[TaskGrade]
    minimum: TaskGrade
    #: The grades at ``minimum`` or above.
    passing: frozenset[TaskGrade] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "passing", _at_least(self.minimum))

    def decide(self, context: Context) -> Outcome:
        title, grade = context.get(self.title), context.get(self.grade)
        if title is True or grade in self.passing:
            return MET
        return UNKNOWN if title is None or grade is None else NOT_MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        title_name, grade_name, passing = self.title.name, self.grade.name, self.passing

        def title_or_grade(values: Mapping[str, Any], period: Period) -> Outcome:
            title, grade = values.get(title_name), values.get(grade_name)
            if title is True or grade in passing:
                return MET
            return UNKNOWN if title is None or grade is None else NOT_MET

        return title_or_grade

    def __call__(self, context: Context) -> Finding:
        title, grade = context.get(self.title), context.get(self.grade)
        if title is True:
            return finding(MET, Msg("{title}: yes"), title=self.title.label)
        if grade is not None and grade.at_least(self.minimum):
            return finding(
                MET, Msg("rated '{grade}', at least '{minimum}'"), grade=grade, minimum=self.minimum
            )
        missing = tuple(i.name for i, v in ((self.title, title), (self.grade, grade)) if v is None)
        if missing:
            return undecided(
                Msg("not enough information: missing {inputs}"),
                inputs=_join_labels(
                    i for i, v in ((self.title, title), (self.grade, grade)) if v is None
                ),
                missing=missing,
            )
        assert grade is not None
        return finding(
            NOT_MET,
            Msg("{title}: no; rated '{grade}', below '{minimum}'"),
            title=self.title.label,
            grade=grade,
            minimum=self.minimum,
        )


def _join_labels(inputs: Iterable[Input[Any]]) -> Text:
    chosen = list(inputs)
    return Text(
        vi="; ".join(i.label.render("vi") for i in chosen),
        en="; ".join(i.label.render("en") for i in chosen),
    )


@attrs.frozen
class TopicsCovered:
    """The internal rules cover every required topic."""

    topics: Input[frozenset[InternalRulesTopic]]
    required: frozenset[InternalRulesTopic]

    def decide(self, context: Context) -> Outcome:
        return MET if self.required <= context[self.topics] else NOT_MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name, required = self.topics.name, self.required

        def topics_covered(values: Mapping[str, Any], period: Period) -> Outcome:
            return MET if required <= values[name] else NOT_MET

        return topics_covered

    def __call__(self, context: Context) -> Finding:
        lacking = [
            t for t in InternalRulesTopic if t in self.required and t not in context[self.topics]
        ]
        if self.decide(context) is MET:
            return finding(
                MET, Msg("all {count} required topics are covered"), count=len(self.required)
            )
        return finding(
            NOT_MET,
            Msg("{count} required topic(s) not covered: {topics}"),
            count=len(lacking),
            topics=Text(
                vi="; ".join(t.label_vi for t in lacking), en="; ".join(t.label_en for t in lacking)
            ),
        )


OFFENCE_COMPARISON: Parameter[str] = Parameter(
    name="offence_comparison",
    label=Msg("how 'reduced compared with the previous year' is read"),
    default="strict_decrease",
    choices=("strict_decrease", "not_increased"),
    confirmation=Confirmation.UNCONFIRMED,
)
OFFENCE_SCOPE: Parameter[str] = Parameter(
    name="offence_scope",
    label=Msg("whether the reduction is judged on the total or on each category"),
    default="total",
    choices=("total", "per_category"),
    confirmation=Confirmation.UNCONFIRMED,
)
#: Rule Z of the addendum 2026-12 (§3.1): no offences in this period nor in the previous
#: one. The text compares with the previous year and does not address the case; the
#: default reads a crime-free area as contained (a decision of the project, not the law).
PREV_YEAR_BOTH_ZERO: Parameter[str] = Parameter(
    name="prev_year_both_zero",
    label=Msg(
        "how 'reduced compared with the previous year' is decided when both periods have no offences (0/0)"
    ),
    default="met",
    choices=("met", "not_met"),
    confirmation=Confirmation.UNCONFIRMED,
    citation=cite("124/2021/TT-BCA", 4, 4, "a"),
)

_CATEGORY_NAMES = {
    "crimes": Text(vi="tội phạm", en="crime"),
    "social_evils": Text(vi="tệ nạn xã hội", en="social evils"),
    "other_violations": Text(vi="vi phạm pháp luật khác", en="other violations"),
}


_BOTH_ZERO_MET = Msg(
    "no offences in this period or the previous one (0/0): treated as met by default"
    " (parameter prev_year_both_zero); not confirmed by the legal text"
)
_BOTH_ZERO_NOT_MET = Msg(
    "no offences in this period or the previous one (0/0): treated as not met, as chosen"
    " (parameter prev_year_both_zero); not confirmed by the legal text"
)
_ZERO_CATEGORIES_MET = Msg(
    "{current} this period against {previous} before (read as: {reading}); {categories}:"
    " no offences in either period (0/0), treated as met by default (parameter"
    " prev_year_both_zero; not confirmed by the legal text)"
)
_CATEGORY_ZERO_NOT_MET = Msg(
    "{what}: no offences in this period or the previous one (0/0), treated as not met, as chosen"
    " (parameter prev_year_both_zero; not confirmed by the legal text) (read as: {reading})"
)


@attrs.frozen
class OffencesReduced:
    """Crime, social evils and other violations reduced against the previous period.

    The law says "contained and reduced"; whether that means a strict decrease
    or no increase, on the total or per category, is not settled, so both are
    parameters (default: strict decrease of the total) and the reason names
    the reading used. A series with no offences in either period (0/0) is
    decided by the parameter ``prev_year_both_zero`` (rule Z of the addendum
    2026-12: default met, a crime-free area is contained; not confirmed by the
    text), for the total or for each category; the reason says so.
    """

    def _failing(self, context: Context) -> list[tuple[str, int, int]]:
        """The (category, now, before) pairs that were not reduced under the reading in force."""
        values, parameters = context.values, context.parameters
        current: OffenceCounts = values[OFFENCES_CURRENT.name]
        previous: OffenceCounts = values[OFFENCES_PREVIOUS.name]
        zero_fails = parameters[PREV_YEAR_BOTH_ZERO.name] == "not_met"
        if current.total == 0 and previous.total == 0:
            return [("total", 0, 0)] if zero_fails else []
        strict = parameters[OFFENCE_COMPARISON.name] == "strict_decrease"
        pairs = (
            [("total", current.total, previous.total)]
            if parameters[OFFENCE_SCOPE.name] == "total"
            else [
                (name, getattr(current, name), getattr(previous, name)) for name in _CATEGORY_NAMES
            ]
        )
        return [
            (name, now, before)
            for name, now, before in pairs
            if (zero_fails if now == 0 == before else (now >= before if strict else now > before))
        ]

    def decide(self, context: Context) -> Outcome:
        return NOT_MET if self._failing(context) else MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        current_name, previous_name = OFFENCES_CURRENT.name, OFFENCES_PREVIOUS.name
        strict = parameters.get(OFFENCE_COMPARISON.name) == "strict_decrease"
        zero_fails = parameters.get(PREV_YEAR_BOTH_ZERO.name) == "not_met"
        names = (
            ("total",) if parameters.get(OFFENCE_SCOPE.name) == "total" else tuple(_CATEGORY_NAMES)
        )

        def offences_reduced(values: Mapping[str, Any], period: Period) -> Outcome:
            current, previous = values[current_name], values[previous_name]
            if current.total == 0 and previous.total == 0:
                return NOT_MET if zero_fails else MET
            for name in names:
                now, before = getattr(current, name), getattr(previous, name)
                failed = (
                    zero_fails
                    if now == 0 == before
                    else (now >= before if strict else now > before)
                )
                if failed:
                    return NOT_MET
            return MET

        return offences_reduced

    def __call__(self, context: Context) -> Finding:
        current, previous = context[OFFENCES_CURRENT], context[OFFENCES_PREVIOUS]
        comparison = context.param(OFFENCE_COMPARISON)
        scope = context.param(OFFENCE_SCOPE)
        reading = Text(
            vi=("giảm thực sự" if comparison == "strict_decrease" else "không tăng")
            + (", tính trên tổng số" if scope == "total" else ", tính theo từng loại"),
            en=("a strict decrease" if comparison == "strict_decrease" else "no increase")
            + (" of the total" if scope == "total" else " in each category"),
        )
        failing = self._failing(context)
        if current.total == 0 and previous.total == 0:
            if failing:
                return finding(NOT_MET, _BOTH_ZERO_NOT_MET)
            return finding(MET, _BOTH_ZERO_MET)
        zero = [
            _CATEGORY_NAMES[name]
            for name in _CATEGORY_NAMES
            if scope == "per_category" and getattr(current, name) == 0 == getattr(previous, name)
        ]
        if not failing and zero:
            return finding(
                MET,
                _ZERO_CATEGORIES_MET,
                current=current.total,
                previous=previous.total,
                reading=reading,
                categories=Text(vi=", ".join(t.vi for t in zero), en=", ".join(t.en for t in zero)),
            )
        if not failing:
            return finding(
                MET,
                Msg("{current} this period against {previous} before (read as: {reading})"),
                current=current.total,
                previous=previous.total,
                reading=reading,
            )
        name, now, before = failing[0]
        what = _CATEGORY_NAMES.get(name, Text(vi="tổng số", en="total"))
        if now == 0 == before:
            return finding(NOT_MET, _CATEGORY_ZERO_NOT_MET, what=what, reading=reading)
        return finding(
            NOT_MET,
            Msg("{what}: {current} this period against {previous} before (read as: {reading})"),
            what=what,
            current=now,
            previous=before,
            reading=reading,
        )
