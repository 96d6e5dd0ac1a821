"""Counting a person's service and tenure for the medal, the same way under both circulars.

A person's service is a list of dated periods, both bounds inclusive; a period
without an end runs to the proposal date, and days after the proposal date are
not counted. Overlapping periods never count a day twice: the periods are merged
into their union, and a day covered by several periods counts once, with the
highest weight among them (TT 20/2025 gives weight 2 to a day served in an area
with especially difficult socio-economic conditions, a border area or an island).
The union is cut into runs of consecutive days of equal weight; each run counts
its whole calendar months (run start + n months, with the month-end policy,
default :attr:`~antq.core.periods.MonthEndPolicy.CLAMP`, must not pass the day after
the run), times its weight; the days left over in every run, times its weight,
are pooled and every 31 pooled days (the longest month) count as one more
month; what remains is dropped (rounded down, never up), so pooling never credits
a month that a calendar count would not. Thresholds compare whole months: 15 years =
180 months. A single continuous period therefore counts exactly its calendar
years: 01/03/2010 – 28/02/2025 is 15 years, 01/03/2010 – 27/02/2025 is not.

When a fact or a parameter is missing, the count is made twice, once with every
unknown against the person (the low count) and once in their favour (the high
count): the condition is MET when the low count reaches the threshold, NOT_MET
when the high count does not, UNKNOWN in between (:func:`decide`). Each circular
says what it counts (:func:`service_bounds`, :func:`tenure_bounds`) and where
qualifying time restarts after discipline.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, timedelta
from itertools import pairwise
from typing import Final

import attrs

from antq.core.criterion import Finding, Parameter
from antq.core.outcome import Outcome
from antq.core.periods import MonthEndPolicy, Period, add_months
from antq.core.reasons import Param, Reason
from antq.emulation.awards.eligibility import discipline_restart, months_text
from antq.emulation.awards.findings import unknown
from antq.emulation.awards.knc.candidate import LeadershipPeriod, ServicePeriod
from antq.emulation.awards.knc.context import KncContext
from antq.emulation.awards.knc.vocabulary import LeaderPosition, ServiceRole
from antq.entities.persons import Sex
from antq.errors import InputError
from antq.i18n.catalog import Label, Msg, Text

__all__ = [
    "DAYS_PER_POOLED_MONTH",
    "Bounds",
    "ServiceCheck",
    "ServiceCount",
    "TenureCheck",
    "count_service",
    "decide",
    "service_bounds",
    "service_by_sex",
    "tenure_bounds",
]

#: Pooled left-over days that make one month of service: 31, the longest month, so that
#: pooling never credits a month that a calendar count would not.
DAYS_PER_POOLED_MONTH: Final = 31

_ONE_DAY = timedelta(days=1)
_NEVER = date.max  # a counting start after every date: nothing counts


@attrs.frozen(kw_only=True)
class ServiceCount:
    """Counted service: weighted whole months, and what went into them."""

    #: Weighted months, including the pooled left-over days (see the module docstring).
    months: int
    #: Distinct calendar days counted (each once, whatever its weight).
    days: int
    #: Of those, the days counted twice.
    doubled_days: int


def _whole_months(start: date, end: date, policy: MonthEndPolicy) -> tuple[int, int]:
    # (n, rest): the largest n with start + n months <= end + 1 day, and the days after it.
    # Days are compared as ordinals: the day after 9999-12-31 has no date.
    after = end.toordinal() + 1
    if end == date.max:
        year, month = date.max.year + 1, 1
    else:
        following = end + _ONE_DAY
        year, month = following.year, following.month
    months = (year - start.year) * 12 + month - start.month

    def shifted(count: int) -> int:
        try:
            return add_months(start, count, policy=policy).toordinal()
        except InputError:  # past 9999-12-31: later than any day
            return after + 1

    while months > 0 and shifted(months) > after:
        months -= 1
    return months, after - shifted(months)


def count_service(
    spans: Iterable[tuple[Period, int]], *, policy: MonthEndPolicy = MonthEndPolicy.CLAMP
) -> ServiceCount:
    """Count weighted service in whole months (the rules: ``antq.emulation.awards.knc.service``).

    ``spans`` are (period, weight) pairs; weight 0 spans are ignored. Overlaps
    count once, with the highest weight.

    >>> from datetime import date
    >>> p = Period(start=date(2010, 3, 1), end=date(2025, 2, 28))
    >>> count_service([(p, 1)]).months
    180
    >>> border = Period(start=date(2020, 1, 1), end=date(2020, 1, 16))
    >>> count_service([(border, 2)]).months  # 16 days x 2 = 32 pooled days
    1
    >>> count_service([(p, 1), (p, 1)]).months  # an overlap counts once
    180
    """
    live = [(p, w) for p, w in spans if w > 0]
    if not live:
        return ServiceCount(months=0, days=0, doubled_days=0)
    # Days as ordinals: the day after a span ending on 9999-12-31 has no date.
    spans_by_day = [(p.start.toordinal(), p.end.toordinal(), w) for p, w in live]
    cuts = sorted({s for s, _, _ in spans_by_day} | {e + 1 for _, e, _ in spans_by_day})
    runs: list[tuple[date, date, int]] = []
    for left, right in pairwise(cuts):
        weight = max((w for s, e, w in spans_by_day if s <= left <= e), default=0)
        if not weight:
            continue
        last = date.fromordinal(right - 1)
        if runs and runs[-1][2] == weight and runs[-1][1].toordinal() + 1 == left:
            runs[-1] = (runs[-1][0], last, weight)
        else:
            runs.append((date.fromordinal(left), last, weight))
    months = pooled = days = doubled = 0
    for start, end, weight in runs:
        whole, rest = _whole_months(start, end, policy)
        months += weight * whole
        pooled += weight * rest
        length = (end - start).days + 1
        days += length
        if weight > 1:
            doubled += length
    return ServiceCount(
        months=months + pooled // DAYS_PER_POOLED_MONTH, days=days, doubled_days=doubled
    )


# --- counting with bounds -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Bounds:
    """The spans of the low and the high count, and what is missing to know which holds."""

    low: list[tuple[Period, int]]
    high: list[tuple[Period, int]]
    missing: list[str]


def _clip(period: Period, start: date | None) -> Period | None:
    if start is None or start <= period.start:
        return period
    if start > period.end:
        return None
    return Period(start=start, end=period.end)


def _restart_bounds(
    ctx: KncContext, restart: Parameter[str] | None
) -> tuple[date | None, date | None, list[str]]:
    """(start for the low count, start for the high count, what is missing).

    ``restart`` is the parameter saying whether qualifying time counts only from
    the end of discipline, or None when the circular says it does.
    """
    periods = ctx.candidate.discipline
    mode = "from_end" if restart is None else ctx.params.get(restart.name)
    if mode == "not_restarted":
        return None, None, []
    missing = [] if restart is None or mode == "from_end" else [f"parameter:{restart.name}"]
    if periods is None:
        return _NEVER, None, ["discipline", *missing]
    start = discipline_restart(periods, ctx.on)
    if start is None:
        return None, None, []
    return start, (start if mode == "from_end" else None), missing


def _add(
    bounds: Bounds, period: Period, low: int, high: int, starts: tuple[date | None, ...]
) -> None:
    low_span = _clip(period, starts[0])
    high_span = _clip(period, starts[1])
    if low_span is not None and low:
        bounds.low.append((low_span, low))
    if high_span is not None and high:
        bounds.high.append((high_span, high))


def _choice(value: object) -> bool | None:
    return None if value is None else value == "counted"


def service_bounds(
    ctx: KncContext,
    service: tuple[ServicePeriod, ...],
    *,
    restart: Parameter[str] | None,
    optional_role: ServiceRole,
    optional: Parameter[str],
    weighted: bool,
) -> Bounds:
    """The low and high spans of ``service``.

    Service in ``optional_role`` counts only when the parameter ``optional`` is
    ``"counted"``; ``weighted`` counts days by their area's weight.
    """
    low_start, high_start, missing = _restart_bounds(ctx, restart)
    bounds = Bounds(low=[], high=[], missing=[])
    used_restart = False
    for i, period in enumerate(service):
        served = period.served(ctx.on)
        if served is None:
            continue
        counted: bool | None = True
        if period.role is optional_role:
            counted = _choice(ctx.params.get(optional.name))
            if counted is None:
                bounds.missing.append(f"parameter:{optional.name}")
        if counted is False:
            continue
        low_w = high_w = 1
        if weighted:
            if period.area is None:
                low_w, high_w = 1, 2
                bounds.missing.append(f"service[{i}].area")
            else:
                low_w = high_w = period.area.weight
        _add(bounds, served, low_w if counted else 0, high_w, (low_start, high_start))
        used_restart = True
    if used_restart:
        bounds.missing.extend(missing)
    return bounds


def tenure_bounds(
    ctx: KncContext,
    periods: tuple[LeadershipPeriod, ...],
    *,
    restart: Parameter[str] | None,
    positions: Collection[LeaderPosition],
    phong_ban_or_above: bool,
) -> Bounds:
    """The low and high spans of the time in ``positions``.

    With ``phong_ban_or_above`` a position marked as below Phòng/Ban level does
    not count, and one not marked counts only in the high count.
    """
    low_start, high_start, missing = _restart_bounds(ctx, restart)
    bounds = Bounds(low=[], high=[], missing=[])
    used = False
    for i, period in enumerate(periods):
        served = period.served(ctx.on)
        if served is None or period.position not in positions:
            continue
        low = 1
        if phong_ban_or_above:
            if period.phong_ban_or_above is False:
                continue
            if period.phong_ban_or_above is None:
                low = 0
                bounds.missing.append(f"leadership[{i}].phong_ban_or_above")
        _add(bounds, served, low, 1, (low_start, high_start))
        used = True
    if used:
        bounds.missing.extend(missing)
    return bounds


_COUNTED_MET = Msg("{counted} counted up to {date}; at least {required} required")
_COUNTED_NOT_MET = Msg("only {counted} counted up to {date}; {required} required")
_AT_MOST = Msg(
    "at most {counted} counted up to {date}, even with every unknown in favour; {required} required"
)
_DOUBLED_MET = Msg(
    "{counted} counted up to {date}, with {doubled} day(s) in especially difficult,"
    " border or island areas counted twice; at least {required} required"
)
_DOUBLED_NOT_MET = Msg(
    "only {counted} counted up to {date}, with {doubled} day(s) in especially difficult,"
    " border or island areas counted twice; {required} required"
)
_BETWEEN = Msg(
    "between {low} and {high} counted up to {date}; {required} required;"
    " cannot decide without {inputs}"
)


def decide(
    ctx: KncContext,
    bounds: Bounds,
    *,
    low_threshold: int,
    high_threshold: int,
    required: Text,
    extra_missing: tuple[str, ...] = (),
    doubled: bool = False,
) -> Finding:
    """MET when the low count reaches ``high_threshold``, NOT_MET when the high count is
    below ``low_threshold``, UNKNOWN otherwise, naming what is missing."""
    low = count_service(bounds.low, policy=ctx.policy)
    high = count_service(bounds.high, policy=ctx.policy)
    if low.months >= high_threshold:
        template: Label = _DOUBLED_MET if doubled else _COUNTED_MET
        params: dict[str, Param] = {"counted": months_text(low.months), "date": ctx.on}
        if doubled:
            params["doubled"] = low.doubled_days
        return Finding(
            outcome=Outcome.MET,
            reason=Reason(template=template, params={**params, "required": required}),
        )
    if high.months < low_threshold:
        params = {"counted": months_text(high.months), "date": ctx.on}
        if low.months != high.months or high_threshold != low_threshold:
            template = _AT_MOST
        elif doubled:
            template = _DOUBLED_NOT_MET
            params["doubled"] = high.doubled_days
        else:
            template = _COUNTED_NOT_MET
        return Finding(
            outcome=Outcome.NOT_MET,
            reason=Reason(template=template, params={**params, "required": required}),
        )
    missing = tuple(dict.fromkeys((*extra_missing, *bounds.missing)))
    return Finding(
        outcome=Outcome.UNKNOWN,
        reason=Reason(
            template=_BETWEEN,
            params={
                "low": months_text(low.months),
                "high": months_text(high.months),
                "date": ctx.on,
                "required": required,
                "inputs": ", ".join(missing) or "-",
            },
        ),
        missing=missing,
    )


def _years(months: int, sex: Sex | None = None) -> Text:
    text = months_text(months)
    if sex is None:
        return text
    return Text(vi=f"{text.vi} ({sex.label_vi})", en=f"{text.en} ({sex.label_en})")


def service_by_sex(
    ctx: KncContext, bounds: Bounds, *, men: int, women: int, doubled: bool
) -> Finding:
    """Compare counted service with ``men`` or ``women`` months, by the candidate's sex.

    With the sex unknown the count is MET only if it reaches both, NOT_MET only
    if it reaches neither. ``doubled`` reports the days counted twice.
    """
    sex = ctx.candidate.sex
    if sex is None:
        low, high = months_text(women), months_text(men)
        return decide(
            ctx,
            bounds,
            low_threshold=women,
            high_threshold=men,
            required=Text(
                vi=f"{high.vi} (nam), {low.vi} (nữ)", en=f"{high.en} (men), {low.en} (women)"
            ),
            extra_missing=("sex",),
            doubled=doubled,
        )
    threshold = men if sex is Sex.MALE else women
    return decide(
        ctx,
        bounds,
        low_threshold=threshold,
        high_threshold=threshold,
        required=_years(threshold, sex),
        doubled=doubled,
    )


@attrs.frozen(kw_only=True)
class TenureCheck:
    """The check of a circular's leaders' tenure: at least ``months`` in ``positions``.

    The other attributes are the arguments of :func:`tenure_bounds`.
    """

    months: int
    restart: Parameter[str] | None
    positions: Collection[LeaderPosition]
    phong_ban_or_above: bool

    def __call__(self, ctx: KncContext) -> Finding:
        held = ctx.candidate.leadership
        if held is None:
            return unknown("leadership")
        bounds = tenure_bounds(
            ctx,
            held,
            restart=self.restart,
            positions=self.positions,
            phong_ban_or_above=self.phong_ban_or_above,
        )
        months = self.months
        required = months_text(months)
        return decide(ctx, bounds, low_threshold=months, high_threshold=months, required=required)


@attrs.frozen
class ServiceCheck:
    """The check of a circular's service: at least ``men`` or ``women`` months by sex.

    With ``doubled`` a day in an especially difficult, border or island area counts
    twice; the other attributes are the arguments of :func:`service_bounds`.
    """

    men: int
    women: int
    restart: Parameter[str] | None = attrs.field(kw_only=True)
    optional_role: ServiceRole = attrs.field(kw_only=True)
    optional: Parameter[str] = attrs.field(kw_only=True)
    doubled: bool = attrs.field(kw_only=True)

    def __call__(self, ctx: KncContext) -> Finding:
        service = ctx.candidate.service
        if service is None:
            return unknown("service")
        bounds = service_bounds(
            ctx,
            service,
            restart=self.restart,
            optional_role=self.optional_role,
            optional=self.optional,
            weighted=self.doubled,
        )
        return service_by_sex(ctx, bounds, men=self.men, women=self.women, doubled=self.doubled)
