"""Kỷ niệm chương "Bảo vệ an ninh Tổ quốc": who may be proposed, by the proposal date.

**Which rules.** The *proposal date* (ngày đề nghị, the day the proposal is
made) chooses the circular, and service and tenure are counted up to and
including it:

* Thông tư 11/2021/TT-BCA for proposals dated up to 27/04/2025. Its effective
  date is not confirmed; antq applies it from its signing date, 26/01/2021.
* Thông tư 20/2025/TT-BCA for proposals dated from 28/04/2025, its effective
  date.

Earlier proposals raise :class:`~antq.errors.RuleSetNotFound`. Pass ``rules=``
to pin one circular whatever the date.

**Counting service** (:func:`count_service`). A person's service is a list of
dated periods, both bounds inclusive; a period without an end runs to the
proposal date, and days after the proposal date are not counted. Overlapping
periods never count a day twice: the periods are merged into their union, and
a day covered by several periods counts once, with the highest weight among
them. Under TT 20/2025 a day served in an area with especially difficult
socio-economic conditions, a border area or an island counts twice (weight 2).
The union is cut into runs of consecutive days of equal weight; each run counts
its whole calendar months (run start + n months, with the month-end policy,
default :attr:`~antq.periods.MonthEndPolicy.CLAMP`, must not pass the day after
the run), times its weight; the days left over in every run, times its weight,
are pooled and every 31 pooled days (the longest month) count as one more
month; what remains is dropped (rounded down, never up), so pooling never credits
a month that a calendar count would not. Thresholds compare whole months: 15 years =
180 months. A single continuous period therefore counts exactly its calendar
years: 01/03/2010 – 28/02/2025 is 15 years, 01/03/2010 – 27/02/2025 is not.

**Discipline.** Under TT 20/2025 qualifying time counts only from the day after
the last day of the latest discipline period that started by the proposal date,
so a period still running leaves nothing to count. Under TT 11/2021 that rule is
not confirmed: the parameter ``knc21_discipline_restart`` says whether it
applies, and until it is supplied a count that depends on it is UNKNOWN.

**What is left to the user.** Values the law as known to antq does not settle
are parameters without a value (see :data:`PARAMETERS`); a condition that needs
one is UNKNOWN until it is supplied, unless the answer is the same whatever the
value (a person with no commendation at all fails any minimum level). Missing
facts are UNKNOWN, never met.

>>> from datetime import date
>>> from antq.entities import Sex
>>> guard = KncCandidate(
...     id="P-1", sex=Sex.FEMALE, already_awarded=False, disqualifications=frozenset(),
...     cand_service_awards=frozenset(), pending=frozenset(), discipline=(),
...     rated_well_throughout=True, leadership=(),
...     service=(
...         ServicePeriod(role=ServiceRole.STREET_GUARD, start=date(2015, 5, 1),
...                       area=AreaType.ORDINARY),
...         ServicePeriod(role=ServiceRole.TEAM_MEMBER, start=date(2024, 7, 1),
...                       area=AreaType.ORDINARY),
...     ),
... )
>>> knc_eligibility(guard, date(2025, 4, 30)).outcome
<Outcome.MET: 'met'>
>>> knc_eligibility(guard, date(2025, 4, 30)).result("knc25.team.service").reason.render("en")
'10 years counted up to 30/04/2025, with 0 day(s) in especially difficult, border or island areas counted twice; at least 10 years (female) required'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from itertools import pairwise
from typing import Any, Final

import attrs

from antq.confirmation import Confirmation
from antq.core.criterion import CriterionKind, Finding, Parameter
from antq.core.outcome import Outcome
from antq.core.reasons import Param, Reason
from antq.emulation.awards.eligibility import (
    AwardForm,
    AwardRules,
    Condition,
    DateRole,
    Eligibility,
    Fields,
    PendingMatter,
    RouteDefinition,
    Subject,
    discipline_restart,
    months_text,
    rooted,
    running_discipline,
)
from antq.entities._validate import (
    check_period,
    date_field,
    field_path,
    member_of,
    non_empty_str,
    optional_date,
)
from antq.entities.forces import FORCE_LAW_EFFECTIVE
from antq.entities.grades import OrdinalEnum
from antq.entities.persons import Sex
from antq.errors import InputError, RuleSetNotFound
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import Citation, cite
from antq.law.registry import get_instrument
from antq.periods import MonthEndPolicy, Period, add_months
from antq.vocabulary import CodedEnum

__all__ = [
    "KNC_RULES",
    "KNC_TT11",
    "KNC_TT20",
    "PARAMETERS",
    "TT11_FROM",
    "TT20_FROM",
    "AreaType",
    "CandServiceAward",
    "Commendation",
    "CommendationLevel",
    "Disqualification",
    "KncCandidate",
    "KncContext",
    "LeaderPosition",
    "LeadershipPeriod",
    "ServiceCount",
    "ServicePeriod",
    "ServiceRole",
    "count_service",
    "knc_eligibility",
    "read_knc_request",
    "select_knc_rules",
]

TT11: Final = "11/2021/TT-BCA"
TT20: Final = "20/2025/TT-BCA"
#: First proposal date antq applies TT 11/2021 to: its signing date (its effective date is unconfirmed).
TT11_FROM: Final = date(2021, 1, 26)
#: TT 20/2025 takes effect: proposals dated from this day use it.
TT20_FROM: Final = date(2025, 4, 28)
TT11_TO: Final = TT20_FROM - timedelta(days=1)
#: Last day of the Bảo vệ dân phố (Nghị định 38/2006/NĐ-CP), folded into the new force.
STREET_GUARD_LAST_DAY: Final = FORCE_LAW_EFFECTIVE - timedelta(days=1)
#: Pooled left-over days that make one month of service: 31, the longest month, so that
#: pooling never credits a month that a calendar count would not.
DAYS_PER_POOLED_MONTH: Final = 31

_ONE_DAY = timedelta(days=1)
_NEVER = date.max  # a counting start after every date: nothing counts


# --- vocabularies ------------------------------------------------------------------------------


class ServiceRole(CodedEnum):
    """A grassroots role whose years of service may count for the medal."""

    TEAM_MEMBER = (
        "team_member",
        "thành viên Tổ bảo vệ an ninh, trật tự",
        "member of a grassroots security-and-order team",
    )
    STREET_GUARD = ("street_guard", "Bảo vệ dân phố", "ward civil-defence force (Bảo vệ dân phố)")
    PART_TIME_COMMUNE_POLICE = (
        "part_time_commune_police",
        "Công an xã bán chuyên trách, Công an viên",
        "part-time commune police",
    )
    AGENCY_GUARD = (
        "agency_guard",
        "bảo vệ cơ quan, doanh nghiệp nhà nước",
        "guard of an agency or state enterprise",
    )


class AreaType(CodedEnum):
    """Where a period of service was served; the last three count twice under TT 20/2025."""

    ORDINARY = ("ordinary", "địa bàn khác", "other area")
    ESPECIALLY_DIFFICULT = (
        "especially_difficult",
        "vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn",
        "area with especially difficult socio-economic conditions",
    )
    BORDER = ("border", "khu vực biên giới", "border area")
    ISLAND = ("island", "hải đảo", "island")

    @property
    def weight(self) -> int:
        """2 for the areas TT 20/2025 counts twice, 1 otherwise."""
        return 1 if self is AreaType.ORDINARY else 2


class LeaderPosition(CodedEnum):
    """A leadership position of the kinds the circulars list."""

    PARTY_COMMITTEE = ("party_committee", "lãnh đạo cấp ủy Đảng", "leader of a Party committee")
    GOVERNMENT = ("government", "lãnh đạo chính quyền", "leader in government")
    MASS_ORGANISATION = (
        "mass_organisation",
        "lãnh đạo đoàn thể, tổ chức chính trị - xã hội",
        "leader of a mass or socio-political organisation",
    )
    EDUCATION_HEAD_PUBLIC = (
        "education_head_public",
        "người đứng đầu cơ sở giáo dục công lập có tư cách pháp nhân",
        "head of a public educational institution with legal personality",
    )
    EDUCATION_HEAD_NON_PUBLIC = (
        "education_head_non_public",
        "người đứng đầu cơ sở giáo dục ngoài công lập có tư cách pháp nhân",
        "head of a non-public educational institution with legal personality",
    )
    ENTERPRISE_LEADER = (
        "enterprise_leader",
        "lãnh đạo doanh nghiệp, tập đoàn kinh tế, tổng công ty nhà nước",
        "leader of an enterprise, economic group or state corporation",
    )


class CommendationLevel(OrdinalEnum):
    """The level of a prior commendation for protecting national security.

    The rank is antq's reading of the administrative hierarchy; TT 11/2021 asks
    for "the district People's Committee or the provincial police, or higher",
    which is rank 3 here.
    """

    COMMUNE = ("commune", "cấp xã", "commune level")
    DISTRICT_POLICE = ("district_police", "Công an cấp huyện", "district police")
    DISTRICT_PEOPLES_COMMITTEE = (
        "district_peoples_committee",
        "Ủy ban nhân dân cấp huyện",
        "district People's Committee",
    )
    PROVINCIAL_POLICE = ("provincial_police", "Công an cấp tỉnh", "provincial police")
    PROVINCIAL_PEOPLES_COMMITTEE = (
        "provincial_peoples_committee",
        "Ủy ban nhân dân cấp tỉnh",
        "provincial People's Committee",
    )
    MINISTRY = ("ministry", "Bộ, ban, ngành trung ương", "ministry or central body")
    PRIME_MINISTER = ("prime_minister", "Thủ tướng Chính phủ", "Prime Minister")
    STATE = ("state", "Chủ tịch nước", "State (President)")

    @property
    def rank(self) -> int:
        """1 = commune ... 6 = State."""
        return _COMMENDATION_RANK[self]


_COMMENDATION_RANK: Final[Mapping[CommendationLevel, int]] = {
    CommendationLevel.COMMUNE: 1,
    CommendationLevel.DISTRICT_POLICE: 2,
    CommendationLevel.DISTRICT_PEOPLES_COMMITTEE: 3,
    CommendationLevel.PROVINCIAL_POLICE: 3,
    CommendationLevel.PROVINCIAL_PEOPLES_COMMITTEE: 4,
    CommendationLevel.MINISTRY: 4,
    CommendationLevel.PRIME_MINISTER: 5,
    CommendationLevel.STATE: 6,
}
_TOP_RANK: Final = max(_COMMENDATION_RANK.values())


class CandServiceAward(CodedEnum):
    """Awards for service in the police whose holders TT 20/2025 excludes."""

    HC_CHIEN_SI_VE_VANG = (
        "hc_chien_si_ve_vang",
        "Huy chương “Chiến sĩ vẻ vang”",
        "'Glorious Fighter' medal",
    )
    HC_VI_AN_NINH_TO_QUOC = (
        "hc_vi_an_ninh_to_quoc",
        "Huy chương “Vì an ninh Tổ quốc”",
        "'For National Security' medal",
    )
    HUAN_CHUONG_CONG_HIEN_CAND = (
        "huan_chuong_cong_hien_cand",
        "Huân chương cho quá trình cống hiến trong Công an nhân dân",
        "order for long service in the People's Public Security",
    )


class Disqualification(CodedEnum):
    """A ground on which a person is not proposed at all."""

    STRIPPED_CAND_TITLE = (
        "stripped_cand_title",
        "bị tước danh hiệu Công an nhân dân",
        "stripped of the People's Public Security title",
    )
    CRIMINALLY_PROSECUTED = ("criminally_prosecuted", "bị khởi tố hình sự", "criminally prosecuted")
    COMPULSORY_EDUCATION = (
        "compulsory_education",
        "bị đưa vào cơ sở giáo dục bắt buộc",
        "sent to a compulsory education facility",
    )
    COLLABORATOR_DISMISSED = (
        "collaborator_dismissed",
        "cộng tác viên bị đưa ra khỏi mạng lưới do phản bội hoặc vi phạm quy định",
        "collaborator dismissed for betrayal or for breaking the rules",
    )


# --- the candidate -------------------------------------------------------------------------------


def _tuple_of(kind: type, *, optional: bool = True) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        path = field_path(instance, attribute.name)
        if value is None and optional:
            return
        if not isinstance(value, tuple):
            raise InputError(
                path,
                value,
                Msg("must be a tuple of {type} or None (unknown)"),
                params={"type": kind.__name__},
            )
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise InputError(
                    f"{path}[{i}]",
                    item,
                    Msg("must be a {type}"),
                    params={"type": kind.__name__},
                )

    return validate


def _set_of(kind: type[CodedEnum]) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        path = field_path(instance, attribute.name)
        if not isinstance(value, frozenset) or not all(isinstance(v, kind) for v in value):
            raise InputError(
                path,
                value,
                Msg("must be a frozenset of {type} or None"),
                params={"type": kind.__name__},
            )

    return validate


def _optional_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise InputError(
            field_path(instance, attribute.name), value, Msg("must be True, False or None")
        )


@attrs.frozen(kw_only=True)
class ServicePeriod:
    """A period of grassroots service, both bounds inclusive; ``end=None`` while it lasts.

    ``area`` is where it was served (None = not known). A Tổ bảo vệ an ninh,
    trật tự exists only from 01/07/2024, and the Bảo vệ dân phố ended on
    30/06/2024: an open street-guard period is counted up to that day.
    """

    role: ServiceRole = attrs.field(validator=member_of(ServiceRole))
    start: date = attrs.field(validator=date_field)
    end: date | None = attrs.field(default=None, validator=optional_date)
    area: AreaType | None = attrs.field(default=None, validator=member_of(AreaType, optional=True))

    def __attrs_post_init__(self) -> None:
        check_period(self, self.start, self.end, start_name="start", end_name="end")
        if self.role is ServiceRole.TEAM_MEMBER and self.start < FORCE_LAW_EFFECTIVE:
            raise InputError(
                field_path(self, "start"),
                self.start,
                Msg("Tổ bảo vệ an ninh, trật tự exist only from 01/07/2024 (Luật 30/2023/QH15)"),
            )
        if self.role is ServiceRole.STREET_GUARD:
            last = self.end if self.end is not None else self.start
            if last > STREET_GUARD_LAST_DAY:
                raise InputError(
                    field_path(self, "end" if self.end is not None else "start"),
                    last,
                    Msg("Bảo vệ dân phố ended on 30/06/2024"),
                )

    def served(self, until: date) -> Period | None:
        """The days served up to and including ``until``, or None if none."""
        end = self.end if self.end is not None else until
        if self.role is ServiceRole.STREET_GUARD:
            end = min(end, STREET_GUARD_LAST_DAY)
        end = min(end, until)
        return Period(start=self.start, end=end) if self.start <= end else None


@attrs.frozen(kw_only=True)
class LeadershipPeriod:
    """A period in a leadership position, both bounds inclusive; ``end=None`` while it lasts.

    ``phong_ban_or_above`` says whether the position is "from the level of
    Phòng/Ban up", which TT 20/2025 is reported to require (its exact wording is
    not confirmed); None = not known. TT 11/2021 does not read it.
    """

    position: LeaderPosition = attrs.field(validator=member_of(LeaderPosition))
    start: date = attrs.field(validator=date_field)
    end: date | None = attrs.field(default=None, validator=optional_date)
    phong_ban_or_above: bool | None = attrs.field(default=None, validator=_optional_bool)

    def __attrs_post_init__(self) -> None:
        check_period(self, self.start, self.end, start_name="start", end_name="end")

    def served(self, until: date) -> Period | None:
        """The days in the position up to and including ``until``, or None if none."""
        end = min(self.end if self.end is not None else until, until)
        return Period(start=self.start, end=end) if self.start <= end else None


@attrs.frozen(kw_only=True)
class Commendation:
    """A prior commendation for achievements in protecting national security."""

    level: CommendationLevel = attrs.field(validator=member_of(CommendationLevel))
    on: date = attrs.field(validator=date_field)


@attrs.frozen(kw_only=True)
class KncCandidate:
    """What antq needs to know about a person proposed for the medal.

    Every fact may be None (not known): the conditions that read it are then
    UNKNOWN. An empty tuple or set is a known "none". ``discipline`` lists the
    discipline periods (thời hạn kỷ luật), both bounds inclusive.
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str | None = None
    sex: Sex | None = attrs.field(default=None, validator=member_of(Sex, optional=True))
    service: tuple[ServicePeriod, ...] | None = attrs.field(
        default=None, validator=_tuple_of(ServicePeriod)
    )
    leadership: tuple[LeadershipPeriod, ...] | None = attrs.field(
        default=None, validator=_tuple_of(LeadershipPeriod)
    )
    commendations: tuple[Commendation, ...] | None = attrs.field(
        default=None, validator=_tuple_of(Commendation)
    )
    movement_achievements: bool | None = attrs.field(default=None, validator=_optional_bool)
    unit_no_social_evil_hotspot: bool | None = attrs.field(default=None, validator=_optional_bool)
    unit_no_serious_incident: bool | None = attrs.field(default=None, validator=_optional_bool)
    rated_well_throughout: bool | None = attrs.field(default=None, validator=_optional_bool)
    already_awarded: bool | None = attrs.field(default=None, validator=_optional_bool)
    cand_service_awards: frozenset[CandServiceAward] | None = attrs.field(
        default=None, validator=_set_of(CandServiceAward)
    )
    disqualifications: frozenset[Disqualification] | None = attrs.field(
        default=None, validator=_set_of(Disqualification)
    )
    pending: frozenset[PendingMatter] | None = attrs.field(
        default=None, validator=_set_of(PendingMatter)
    )
    discipline: tuple[Period, ...] | None = attrs.field(default=None, validator=_tuple_of(Period))


# --- counting service ---------------------------------------------------------------------------


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
    """Count weighted service in whole months (the rules are in the module docstring).

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


# --- parameters --------------------------------------------------------------------------------

_COUNTED = ("counted", "not_counted")

P_TEAM_SERVICE_21: Final[Parameter[str]] = Parameter(
    name="knc21_team_service",
    label=Msg(
        "Whether service in a Tổ bảo vệ an ninh, trật tự (from 01/07/2024) counts"
        " for the grassroots category of Thông tư 11/2021"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=_COUNTED,
    citation=cite(TT11, 4, 1),
    # Read only for someone who served in a team: the grassroots rule itself is confirmed.
    required=False,
)
P_RESTART_21: Final[Parameter[str]] = Parameter(
    name="knc21_discipline_restart",
    label=Msg(
        "Whether, under Thông tư 11/2021, qualifying time counts only from the end"
        " of a discipline period"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=("from_end", "not_restarted"),
    citation=cite(TT11),
    # Read only for someone disciplined: the tenure and service rules themselves are confirmed.
    required=False,
)
P_COMMENDATION_25: Final[Parameter[str]] = Parameter(
    name="knc25_commendation_level",
    label=Msg(
        "The lowest level of prior commendation Thông tư 20/2025 accepts for leaders"
        " (any: every level)"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=("any", *CommendationLevel.codes()),
    citation=cite(TT20),
)
P_AGENCY_GUARD_25: Final[Parameter[str]] = Parameter(
    name="knc25_agency_guard_service",
    label=Msg(
        "Whether earlier service as a guard of an agency or state enterprise counts"
        " for team members under Thông tư 20/2025"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=_COUNTED,
    citation=cite(TT20),
)

#: Every parameter of the medal's rules; none has a value in antq.
PARAMETERS: Final = (P_TEAM_SERVICE_21, P_RESTART_21, P_COMMENDATION_25, P_AGENCY_GUARD_25)


# --- context and shared checks ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class KncContext:
    """What a condition sees: the candidate, the proposal date, the parameters, the policy."""

    candidate: KncCandidate
    on: date
    params: Mapping[str, object]
    policy: MonthEndPolicy
    tt20: bool


_MISSING = Msg("not enough information: missing {inputs}")


def _unknown(*missing: str) -> Finding:
    return Finding(
        outcome=Outcome.UNKNOWN,
        reason=Reason(template=_MISSING, params={"inputs": ", ".join(missing)}),
        missing=missing,
    )


def _found(outcome: Outcome, template: Label, **params: Param) -> Finding:
    return Finding(outcome=outcome, reason=Reason(template=template, params=params))


def _labels(items: Iterable[CodedEnum]) -> Text:
    ordered = sorted(items, key=lambda m: m.code)
    return Text(
        vi="; ".join(m.label_vi for m in ordered), en="; ".join(m.label_en for m in ordered)
    )


def _judgement(name: str, yes: Label, no: Label) -> Any:
    def check(ctx: KncContext) -> Finding:
        value = getattr(ctx.candidate, name)
        if value is None:
            return _unknown(name)
        return _found(Outcome.MET if value else Outcome.NOT_MET, yes if value else no)

    return check


def _check_once(ctx: KncContext) -> Finding:
    done = ctx.candidate.already_awarded
    if done is None:
        return _unknown("already_awarded")
    if done:
        return _found(Outcome.NOT_MET, Msg("the person has already received the medal"))
    return _found(Outcome.MET, Msg("the person has not received the medal before"))


def _check_cand_awards(ctx: KncContext) -> Finding:
    held = ctx.candidate.cand_service_awards
    if held is None:
        return _unknown("cand_service_awards")
    if held:
        return _found(Outcome.NOT_MET, Msg("the person holds {awards}"), awards=_labels(held))
    return _found(Outcome.MET, Msg("the person holds none of these awards"))


_GROUNDS_20: Final = frozenset(Disqualification)
_GROUNDS_11: Final = frozenset(
    {Disqualification.CRIMINALLY_PROSECUTED, Disqualification.COMPULSORY_EDUCATION}
)


def _check_disqualified(ctx: KncContext) -> Finding:
    found = ctx.candidate.disqualifications
    if found is None:
        return _unknown("disqualifications")
    grounds = _GROUNDS_20 if ctx.tt20 else _GROUNDS_11
    if found & grounds:
        return _found(
            Outcome.NOT_MET, Msg("not proposed: {grounds}"), grounds=_labels(found & grounds)
        )
    if found:
        return _found(
            Outcome.UNKNOWN,
            Msg(
                "the text of the circular available to antq does not say whether {grounds} excludes"
            ),
            grounds=_labels(found),
        )
    return _found(Outcome.MET, Msg("no ground for exclusion recorded"))


_DEFERRING_20: Final = frozenset(
    {
        PendingMatter.DISCIPLINARY_REVIEW,
        PendingMatter.COMPLAINT_OR_DENUNCIATION,
        PendingMatter.INSPECTION_OR_EXAMINATION,
        PendingMatter.PRESS_VERIFICATION,
        PendingMatter.PUBLIC_OPINION,
    }
)
_DEFERRED = Msg(
    "deferred while {matters}; the person may be proposed after a favourable conclusion"
)


def _check_deferral_20(ctx: KncContext) -> Finding:
    pending = ctx.candidate.pending
    if pending is None:
        return _unknown("pending")
    if pending & _DEFERRING_20:
        return _found(Outcome.NOT_MET, _DEFERRED, matters=_labels(pending & _DEFERRING_20))
    return _found(Outcome.MET, Msg("nothing pending that defers the proposal"))


def _check_discipline_20(ctx: KncContext) -> Finding:
    periods = ctx.candidate.discipline
    if periods is None:
        return _unknown("discipline")
    running = running_discipline(periods, ctx.on)
    if running is not None and running.end == date.max:  # no day after it can be written
        return _found(
            Outcome.NOT_MET,
            Msg("a discipline period runs until {end}: no qualifying time counts while it runs"),
            end=running.end,
        )
    if running is not None:
        return _found(
            Outcome.NOT_MET,
            Msg("a discipline period runs until {end}: qualifying time counts only from {start}"),
            end=running.end,
            start=running.end + _ONE_DAY,
        )
    restart = discipline_restart(periods, ctx.on)
    if restart is None:
        return _found(Outcome.MET, Msg("no discipline period recorded"))
    return _found(
        Outcome.MET,
        Msg("the last discipline period ended on {end}: qualifying time counts from {start}"),
        end=restart - _ONE_DAY,
        start=restart,
    )


def _check_discipline_11(ctx: KncContext) -> Finding:
    periods = ctx.candidate.discipline
    if periods is None:
        return _unknown("discipline")
    running = running_discipline(periods, ctx.on)
    if running is not None:
        return _found(
            Outcome.NOT_MET,
            Msg("deferred: the person is under discipline until {end}"),
            end=running.end,
        )
    return _found(Outcome.MET, Msg("the person is not under discipline on the proposal date"))


# --- counting with bounds -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Bounds:
    low: list[tuple[Period, int]]
    high: list[tuple[Period, int]]
    missing: list[str]


def _clip(period: Period, start: date | None) -> Period | None:
    if start is None or start <= period.start:
        return period
    if start > period.end:
        return None
    return Period(start=start, end=period.end)


def _restart_bounds(ctx: KncContext) -> tuple[date | None, date | None, list[str]]:
    """(start for the low count, start for the high count, what is missing)."""
    periods = ctx.candidate.discipline
    if ctx.tt20:
        mode: object = "from_end"
    else:
        mode = ctx.params.get(P_RESTART_21.name)
    if mode == "not_restarted":
        return None, None, []
    missing = [] if mode == "from_end" else [f"parameter:{P_RESTART_21.name}"]
    if periods is None:
        return _NEVER, None, ["discipline", *missing]
    restart = discipline_restart(periods, ctx.on)
    if restart is None:
        return None, None, []
    return restart, (restart if mode == "from_end" else None), missing


def _add(
    bounds: _Bounds, period: Period, low: int, high: int, starts: tuple[date | None, ...]
) -> None:
    low_span = _clip(period, starts[0])
    high_span = _clip(period, starts[1])
    if low_span is not None and low:
        bounds.low.append((low_span, low))
    if high_span is not None and high:
        bounds.high.append((high_span, high))


def _service_bounds(ctx: KncContext, service: tuple[ServicePeriod, ...]) -> _Bounds:
    low_start, high_start, missing = _restart_bounds(ctx)
    bounds = _Bounds(low=[], high=[], missing=[])
    used_restart = False
    for i, period in enumerate(service):
        served = period.served(ctx.on)
        if served is None:
            continue
        counted: bool | None = True
        if ctx.tt20 and period.role is ServiceRole.AGENCY_GUARD:
            counted = _choice(ctx.params.get(P_AGENCY_GUARD_25.name))
            if counted is None:
                bounds.missing.append(f"parameter:{P_AGENCY_GUARD_25.name}")
        if not ctx.tt20 and period.role is ServiceRole.TEAM_MEMBER:
            counted = _choice(ctx.params.get(P_TEAM_SERVICE_21.name))
            if counted is None:
                bounds.missing.append(f"parameter:{P_TEAM_SERVICE_21.name}")
        if counted is False:
            continue
        low_w = high_w = 1
        if ctx.tt20:
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


def _choice(value: object) -> bool | None:
    return None if value is None else value == "counted"


def _leader_positions(ctx: KncContext) -> tuple[LeaderPosition, ...]:
    if ctx.tt20:
        return tuple(p for p in LeaderPosition if p is not LeaderPosition.EDUCATION_HEAD_NON_PUBLIC)
    return tuple(LeaderPosition)


def _tenure_bounds(ctx: KncContext, periods: tuple[LeadershipPeriod, ...]) -> _Bounds:
    low_start, high_start, missing = _restart_bounds(ctx)
    bounds = _Bounds(low=[], high=[], missing=[])
    allowed = _leader_positions(ctx)
    used = False
    for i, period in enumerate(periods):
        served = period.served(ctx.on)
        if served is None or period.position not in allowed:
            continue
        low = 1
        if ctx.tt20:
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


def _decide(
    ctx: KncContext,
    bounds: _Bounds,
    *,
    low_threshold: int,
    high_threshold: int,
    required: Text,
    extra_missing: tuple[str, ...] = (),
    doubled: bool = False,
) -> Finding:
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


# --- the grassroots routes -------------------------------------------------------------------------

_MEN, _WOMEN = 15 * 12, 10 * 12
_BY_SEX = Text(vi="15 năm (nam), 10 năm (nữ)", en="15 years (men), 10 years (women)")


def _check_service(ctx: KncContext) -> Finding:
    service = ctx.candidate.service
    if service is None:
        return _unknown("service")
    bounds = _service_bounds(ctx, service)
    sex = ctx.candidate.sex
    if sex is None:
        return _decide(
            ctx,
            bounds,
            low_threshold=_WOMEN,
            high_threshold=_MEN,
            required=_BY_SEX,
            extra_missing=("sex",),
            doubled=ctx.tt20,
        )
    threshold = _MEN if sex is Sex.MALE else _WOMEN
    return _decide(
        ctx,
        bounds,
        low_threshold=threshold,
        high_threshold=threshold,
        required=_years(threshold, sex),
        doubled=ctx.tt20,
    )


def _check_team_category(ctx: KncContext) -> Finding:
    service = ctx.candidate.service
    if service is None:
        return _unknown("service")
    if any(p.role is ServiceRole.TEAM_MEMBER and p.start <= ctx.on for p in service):
        return _found(Outcome.MET, Msg("the person has served in a Tổ bảo vệ an ninh, trật tự"))
    return _found(
        Outcome.NOT_MET,
        Msg("the person has never served in a Tổ bảo vệ an ninh, trật tự by the proposal date"),
    )


_ROLES_11: Final = frozenset(
    {ServiceRole.PART_TIME_COMMUNE_POLICE, ServiceRole.STREET_GUARD, ServiceRole.AGENCY_GUARD}
)


def _check_grassroots_category(ctx: KncContext) -> Finding:
    service = ctx.candidate.service
    if service is None:
        return _unknown("service")
    started = [p for p in service if p.start <= ctx.on]
    roles = {p.role for p in started}
    if roles & _ROLES_11:
        return _found(
            Outcome.MET, Msg("the person has served as {roles}"), roles=_labels(roles & _ROLES_11)
        )
    if ServiceRole.TEAM_MEMBER in roles:
        counted = _choice(ctx.params.get(P_TEAM_SERVICE_21.name))
        if counted is None:
            return _unknown(f"parameter:{P_TEAM_SERVICE_21.name}")
        if counted:
            return _found(Outcome.MET, Msg("the person has served in a Tổ bảo vệ an ninh, trật tự"))
    return _found(
        Outcome.NOT_MET,
        Msg("no service as part-time commune police, Bảo vệ dân phố or agency guard"),
    )


# --- the leader routes -----------------------------------------------------------------------------


def _check_leader_category(ctx: KncContext) -> Finding:
    periods = ctx.candidate.leadership
    if periods is None:
        return _unknown("leadership")
    allowed = _leader_positions(ctx)
    held = {p.position for p in periods if p.position in allowed and p.start <= ctx.on}
    if held:
        return _found(Outcome.MET, Msg("the person has held: {positions}"), positions=_labels(held))
    return _found(Outcome.NOT_MET, Msg("no leadership position of the kinds the circular lists"))


def _check_tenure(ctx: KncContext) -> Finding:
    periods = ctx.candidate.leadership
    if periods is None:
        return _unknown("leadership")
    threshold = (10 if ctx.tt20 else 5) * 12
    return _decide(
        ctx,
        _tenure_bounds(ctx, periods),
        low_threshold=threshold,
        high_threshold=threshold,
        required=months_text(threshold),
    )


_MIN_RANK_11: Final = CommendationLevel.DISTRICT_PEOPLES_COMMITTEE.rank


def _check_commendation(ctx: KncContext) -> Finding:
    given = ctx.candidate.commendations
    if given is None:
        return _unknown("commendations")
    before = [c for c in given if c.on <= ctx.on]
    if not before:
        return _found(Outcome.NOT_MET, Msg("no commendation for protecting national security"))
    best = max(before, key=lambda c: c.level.rank)
    if ctx.tt20:
        wanted = ctx.params.get(P_COMMENDATION_25.name)
        if wanted == "any":
            return _found(Outcome.MET, Msg("commended at the level of {level}"), level=best.level)
        if wanted is None:
            if best.level.rank == _TOP_RANK:
                return _found(
                    Outcome.MET, Msg("commended at the level of {level}"), level=best.level
                )
            return _unknown(f"parameter:{P_COMMENDATION_25.name}")
        minimum = CommendationLevel.from_code(wanted).rank
    else:
        minimum = _MIN_RANK_11
    if best.level.rank >= minimum:
        return _found(Outcome.MET, Msg("commended at the level of {level}"), level=best.level)
    return _found(
        Outcome.NOT_MET,
        Msg("the highest commendation is at the level of {level}, below the level required"),
        level=best.level,
    )


# --- the rule sets ---------------------------------------------------------------------------------

_C11_CATEGORY = cite(TT11, 4, 1)
_C11 = cite(TT11)
_C20 = cite(TT20)
_NOTE_11_POINTS = Msg(
    "antq reads the movement branch as Điều 4 khoản 1 điểm b and c, an inference from a"
    " provincial guide; which point holds which category is not confirmed"
)
_NOTE_20_TEXT = Msg(
    "Thông tư 20/2025/TT-BCA is known to antq through press summaries; its article"
    " numbers are not confirmed, so this cites the circular as a whole"
)


def _cond(
    id: str,
    title: Label,
    citation: Citation,
    kind: CriterionKind,
    check: Any,
    inputs: tuple[str, ...],
    *,
    judgement: bool = False,
    parameters: tuple[Parameter[Any], ...] = (),
    confirmation: Confirmation = Confirmation.CONFIRMED,
    note: Label | None = None,
) -> Condition[KncContext]:
    return Condition(
        id=id,
        title=title,
        citation=citation,
        kind=kind,
        check=check,
        inputs=inputs,
        judgements=inputs if judgement else (),
        parameters=parameters,
        confirmation=confirmation,
        note=note,
    )


_B, _T, _J = CriterionKind.BOOLEAN, CriterionKind.THRESHOLD, CriterionKind.JUDGEMENT

_ACHIEVEMENTS = _judgement(
    "movement_achievements",
    Msg("the person has achievements in the movement"),
    Msg("no achievements in the movement found"),
)
_NO_HOTSPOT = _judgement(
    "unit_no_social_evil_hotspot",
    Msg("no complex social-evil hotspot in the unit or locality led"),
    Msg("the unit or locality led has a complex social-evil hotspot"),
)
_NO_INCIDENT = _judgement(
    "unit_no_serious_incident",
    Msg("no serious security or order incident in the unit or locality led"),
    Msg("the unit or locality led had a serious security or order incident"),
)
_RATED = _judgement(
    "rated_well_throughout",
    Msg("rated as completing tasks well throughout"),
    Msg("not rated as completing tasks well throughout"),
)


def _leader_route(prefix: str, citation: Citation, tt20: bool) -> RouteDefinition[KncContext]:
    note = _NOTE_20_TEXT if tt20 else _NOTE_11_POINTS
    return RouteDefinition(
        id="leader",
        title=Msg(
            "Leaders of Party committees, government, organisations, schools and enterprises"
        ),
        conditions=(
            _cond(
                f"{prefix}.leader.category",
                Msg("Holds or held a leadership position the circular lists")
                if not tt20
                else Msg(
                    "Holds or held a leadership position the circular lists, from commune level"
                    " up (public educational institutions only)"
                ),
                citation,
                _B,
                _check_leader_category,
                ("leadership",),
                note=note,
            ),
            _cond(
                f"{prefix}.leader.tenure",
                Msg(
                    "At least 10 years in such positions from Phòng/Ban level up, to the proposal date"
                )
                if tt20
                else Msg("At least 5 years in such positions, to the proposal date"),
                citation,
                _T,
                _check_tenure,
                ("leadership", "discipline"),
                parameters=() if tt20 else (P_RESTART_21,),
                confirmation=Confirmation.PARTIAL if tt20 else Confirmation.CONFIRMED,
                note=Msg(
                    "the Vietnamese wording of 'from Phòng/Ban level up' is not confirmed;"
                    " positions marked as below that level are not counted"
                )
                if tt20
                else None,
            ),
            _cond(
                f"{prefix}.leader.achievements",
                Msg("Has achievements in the movement"),
                citation,
                _J,
                _ACHIEVEMENTS,
                ("movement_achievements",),
                judgement=True,
            ),
            _cond(
                f"{prefix}.leader.commendation",
                Msg(
                    "Commended at least once for protecting national security (level not confirmed)"
                )
                if tt20
                else Msg(
                    "Commended at least once for protecting national security by a district"
                    " People's Committee or the provincial police, or higher"
                ),
                citation,
                _T,
                _check_commendation,
                ("commendations",),
                parameters=(P_COMMENDATION_25,) if tt20 else (),
            ),
            _cond(
                f"{prefix}.leader.no-hotspot",
                Msg("No complex social-evil hotspot in the unit or locality led"),
                citation,
                _J,
                _NO_HOTSPOT,
                ("unit_no_social_evil_hotspot",),
                judgement=True,
            ),
            _cond(
                f"{prefix}.leader.no-serious-incident",
                Msg("No serious security or order incident in the unit or locality led"),
                citation,
                _J,
                _NO_INCIDENT,
                ("unit_no_serious_incident",),
                judgement=True,
            ),
        ),
    )


KNC_TT11: Final[AwardRules[KncContext]] = AwardRules(
    id="knc.tt11-2021",
    award=AwardForm.KY_NIEM_CHUONG_BVANTQ,
    subject=Subject.PERSON,
    title=Msg("Kỷ niệm chương “Bảo vệ an ninh Tổ quốc” under Thông tư 11/2021/TT-BCA"),
    instrument=TT11,
    citation=_C11,
    date_role=DateRole.PROPOSAL,
    valid_from=TT11_FROM,
    valid_to=TT11_TO,
    conditions=(
        _cond(
            "knc21.once",
            Msg("Awarded only once in a lifetime"),
            _C11,
            _B,
            _check_once,
            ("already_awarded",),
        ),
        _cond(
            "knc21.exclusions",
            Msg("Not criminally prosecuted and not sent to compulsory education"),
            _C11,
            _B,
            _check_disqualified,
            ("disqualifications",),
            confirmation=Confirmation.PARTIAL,
            note=Msg("the rest of the exclusions of Thông tư 11/2021 is not available to antq"),
        ),
        _cond(
            "knc21.discipline",
            Msg("Not under discipline on the proposal date (deferred while it runs)"),
            _C11,
            _B,
            _check_discipline_11,
            ("discipline",),
            confirmation=Confirmation.PARTIAL,
            note=Msg("the rest of the deferral rules of Thông tư 11/2021 is not available to antq"),
        ),
    ),
    routes=(
        _leader_route("knc21", _C11_CATEGORY, tt20=False),
        RouteDefinition(
            id="grassroots",
            title=Msg(
                "Part-time commune police, Bảo vệ dân phố and guards of agencies and state enterprises"
            ),
            conditions=(
                _cond(
                    "knc21.grassroots.category",
                    Msg(
                        "Has served as part-time commune police, Bảo vệ dân phố or guard of an agency or state enterprise"
                    ),
                    _C11_CATEGORY,
                    _B,
                    _check_grassroots_category,
                    ("service",),
                    parameters=(P_TEAM_SERVICE_21,),
                    note=_NOTE_11_POINTS,
                ),
                _cond(
                    "knc21.grassroots.service",
                    Msg(
                        "At least 15 years of service for men, 10 years for women, to the proposal date"
                    ),
                    _C11_CATEGORY,
                    _T,
                    _check_service,
                    ("service", "sex", "discipline"),
                    parameters=(P_TEAM_SERVICE_21, P_RESTART_21),
                ),
            ),
        ),
    ),
    notes=(
        Msg(
            "The effective date of Thông tư 11/2021/TT-BCA is not confirmed: antq applies it"
            " to proposals dated from its signing, 26/01/2021, to 27/04/2025"
        ),
    ),
)

KNC_TT20: Final[AwardRules[KncContext]] = AwardRules(
    id="knc.tt20-2025",
    award=AwardForm.KY_NIEM_CHUONG_BVANTQ,
    subject=Subject.PERSON,
    title=Msg("Kỷ niệm chương “Bảo vệ an ninh Tổ quốc” under Thông tư 20/2025/TT-BCA"),
    instrument=TT20,
    citation=_C20,
    date_role=DateRole.PROPOSAL,
    valid_from=TT20_FROM,
    conditions=(
        _cond(
            "knc25.once",
            Msg("Awarded only once in a lifetime"),
            _C20,
            _B,
            _check_once,
            ("already_awarded",),
        ),
        _cond(
            "knc25.cand-awards",
            Msg(
                "Holds neither the 'Chiến sĩ vẻ vang' nor the 'Vì an ninh Tổ quốc' medal nor an order for long service in the police"
            ),
            _C20,
            _B,
            _check_cand_awards,
            ("cand_service_awards",),
        ),
        _cond(
            "knc25.exclusions",
            Msg(
                "Not stripped of the police title, criminally prosecuted, sent to compulsory education or dismissed as a collaborator"
            ),
            _C20,
            _B,
            _check_disqualified,
            ("disqualifications",),
        ),
        _cond(
            "knc25.deferral",
            Msg(
                "No disciplinary review, complaint, inspection, press report or public-opinion issue pending"
            ),
            _C20,
            _B,
            _check_deferral_20,
            ("pending",),
        ),
        _cond(
            "knc25.discipline",
            Msg("After a discipline period, qualifying time counts from its end"),
            _C20,
            _B,
            _check_discipline_20,
            ("discipline",),
        ),
    ),
    routes=(
        _leader_route("knc25", _C20, tt20=True),
        RouteDefinition(
            id="team",
            title=Msg("Members of Tổ bảo vệ an ninh, trật tự"),
            conditions=(
                _cond(
                    "knc25.team.category",
                    Msg("Is or was a member of a Tổ bảo vệ an ninh, trật tự"),
                    _C20,
                    _B,
                    _check_team_category,
                    ("service",),
                    note=Msg(
                        "antq does not require the membership to last until the proposal date;"
                        " the circular as known to antq does not say"
                    ),
                ),
                _cond(
                    "knc25.team.service",
                    Msg(
                        "At least 15 years of service for men, 10 years for women, to the proposal"
                        " date, counting earlier service as Bảo vệ dân phố or part-time commune"
                        " police and counting service in especially difficult, border or island"
                        " areas twice"
                    ),
                    _C20,
                    _T,
                    _check_service,
                    ("service", "sex", "discipline"),
                    parameters=(P_AGENCY_GUARD_25,),
                ),
                _cond(
                    "knc25.team.rating",
                    Msg("Rated as completing tasks well throughout"),
                    _C20,
                    _J,
                    _RATED,
                    ("rated_well_throughout",),
                    judgement=True,
                ),
            ),
        ),
    ),
    notes=(_NOTE_20_TEXT,),
)

#: The medal's rule sets, oldest first.
KNC_RULES: Final = (KNC_TT11, KNC_TT20)


def select_knc_rules(proposed_on: date) -> AwardRules[KncContext]:
    """The medal's rules for a proposal dated ``proposed_on`` (27/04/2025: TT 11; 28/04/2025: TT 20)."""
    if not isinstance(proposed_on, date):
        raise InputError("proposed_on", proposed_on, Msg("expected a date"))
    for rules in KNC_RULES:
        if rules.covers(proposed_on):
            return rules
    raise RuleSetNotFound(
        f"no rules for the Kỷ niệm chương for a proposal dated {proposed_on.isoformat()}:"
        f" antq covers proposals from {TT11_FROM.isoformat()} (Thông tư 11/2021) with no end"
        f" date (Thông tư 20/2025 from {TT20_FROM.isoformat()})"
    )


def knc_eligibility(
    candidate: KncCandidate,
    proposed_on: date,
    *,
    rules: AwardRules[KncContext] | None = None,
    policy: MonthEndPolicy = MonthEndPolicy.CLAMP,
) -> Eligibility:
    """Whether ``candidate`` may be proposed for the medal on ``proposed_on``.

    ``rules`` pins a rule set (:data:`KNC_TT11` or :data:`KNC_TT20`, possibly
    with parameters supplied by :meth:`AwardRules.with_parameters`); by default
    the proposal date chooses. ``policy`` is the month-end policy of the
    service count.
    """
    if not isinstance(candidate, KncCandidate):
        raise InputError("candidate", candidate, Msg("expected a KncCandidate"))
    if not isinstance(policy, MonthEndPolicy):
        raise InputError("policy", policy, Msg("expected a MonthEndPolicy"))
    chosen = rules if rules is not None else select_knc_rules(proposed_on)
    if chosen.instrument not in (TT11, TT20):
        raise InputError("rules", chosen.id, Msg("not rules of the Kỷ niệm chương"))
    signed = get_instrument(chosen.instrument).signed
    if isinstance(proposed_on, date) and signed is not None and proposed_on < signed:
        # Rule R1: even pinned, a circular never governs a proposal made before it was signed.
        raise RuleSetNotFound(
            f"proposed_on: {chosen.id} cannot govern a proposal dated {proposed_on.isoformat()},"
            f" before {chosen.instrument} was signed ({signed.isoformat()})"
        )
    context = KncContext(
        candidate=candidate,
        on=proposed_on,
        params=chosen.resolved_parameters(),
        policy=policy,
        tt20=chosen.instrument == TT20,
    )
    return chosen.answer(context, subject_id=candidate.id, name=candidate.name, on=proposed_on)


# --- reading a facts document ----------------------------------------------------------------------

KNC_KEYS: Final = (
    "id",
    "name",
    "sex",
    "proposed_on",
    "service",
    "leadership",
    "commendations",
    "movement_achievements",
    "unit_no_social_evil_hotspot",
    "unit_no_serious_incident",
    "rated_well_throughout",
    "already_awarded",
    "cand_service_awards",
    "disqualifications",
    "pending",
    "discipline",
)


def _service(path: str, raw: object) -> ServicePeriod:
    f = Fields(raw, path, ("role", "start", "end", "area"))
    return rooted(
        path,
        lambda: ServicePeriod(
            role=f.must_code("role", ServiceRole),
            start=f.must_day("start"),
            end=f.day("end"),
            area=f.code("area", AreaType),
        ),
    )


def _leadership(path: str, raw: object) -> LeadershipPeriod:
    f = Fields(raw, path, ("position", "start", "end", "phong_ban_or_above"))
    return rooted(
        path,
        lambda: LeadershipPeriod(
            position=f.must_code("position", LeaderPosition),
            start=f.must_day("start"),
            end=f.day("end"),
            phong_ban_or_above=f.flag("phong_ban_or_above"),
        ),
    )


def _commendation(path: str, raw: object) -> Commendation:
    f = Fields(raw, path, ("level", "on"))
    return Commendation(
        level=f.must_code("level", CommendationLevel),
        on=f.must_day("on"),
    )


def read_knc_request(raw: object, path: str) -> tuple[KncCandidate, date]:
    """One entry of the ``knc`` section of an awards document: the candidate and proposal date."""
    f = Fields(raw, path, KNC_KEYS)
    proposed_on = f.must_day("proposed_on")

    def records(key: str, item: Any) -> Any:
        entries = f.items(key)
        return None if entries is None else tuple(item(p, r) for p, r in entries)

    candidate = rooted(
        path,
        lambda: KncCandidate(
            id=f.must_text("id"),
            name=f.text("name"),
            sex=f.code("sex", Sex),
            service=records("service", _service),
            leadership=records("leadership", _leadership),
            commendations=records("commendations", _commendation),
            movement_achievements=f.flag("movement_achievements"),
            unit_no_social_evil_hotspot=f.flag("unit_no_social_evil_hotspot"),
            unit_no_serious_incident=f.flag("unit_no_serious_incident"),
            rated_well_throughout=f.flag("rated_well_throughout"),
            already_awarded=f.flag("already_awarded"),
            cand_service_awards=f.codes("cand_service_awards", CandServiceAward),
            disqualifications=f.codes("disqualifications", Disqualification),
            pending=f.codes("pending", PendingMatter),
            discipline=f.periods("discipline"),
        ),
    )
    return candidate, proposed_on
