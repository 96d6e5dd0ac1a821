"""The yearly rating of grassroots security teams (Tổ bảo vệ an ninh, trật tự).

Hướng dẫn 01/HD-BCA-V05 (emulation-awards.md §6.2, entities.md §1.2, as amended
by addendum-2026-12.md §4.4):

* it is dated 2026 (the day is unknown), so it governs the **2026 rating year
  on** (rule R1: the 2025 year closed on 14/11/2025, before any 2026 date);
  :func:`rate_teams` refuses an earlier year, and the 2026 results carry a
  notice that the guidance governs that year only if it was signed by
  14/11/2026 (:data:`FIRST_YEAR`);
* the rating year runs from 15/11 of the previous year to 14/11
  (:data:`antq.core.periods.TEAM_RATING_WINDOW`);
* teams and members get one of four grades (:class:`~antq.TaskGrade`):
  hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ; the
  chairman of the commune People's Committee decides;
* not rated: teams operating less than 9 months in the year, members with less
  than 9 months of service in it, and teams or members under a complaint or
  denunciation that is still pending;
* a team leader's grade (or that of the deputy in charge) cannot be above the
  team's, unless the leader is newly transferred and not responsible;
* an "excellent" team meets **all seven criteria** of Mục IV tiểu mục 1
  (:func:`excellent_team_checklist`): a proposal that fails one is lowered to
  "good", one whose criteria are not all known is undecided;
* the number rated "excellent" may not exceed **20 percent of those rated
  good**, for teams and, by default, for members too (each kind against its
  own count): in integers, ``5 * excellent <= good``, so 4 good allow none and
  5 allow one. No rounding is needed; the default ``FLOOR`` is exactly this.

What the text does not settle is antq's **stated, configurable choice**
(:class:`TeamCap`), never presented as the law:

* **rounding up, or allowing at least one** excellent (local practices, not
  from the text): ``Rounding.CEIL`` and ``at_least_one``, both off by default;
* **which "good" count**: by default the teams graded good in the *final*
  result (a team lowered from excellent counts as good), since the rule
  constrains the decided grades; ``PROPOSED_GOOD`` counts the proposals.
  ``ALL_RATED`` (20 percent of every rated team) is **not from the text**:
  the addendum withdrew that reading; it stays only as an explicit choice;
* **who is lowered** when the proposals exceed the cap: the proposals are
  ranked by ``merit`` (an exact number the caller supplies, such as the share of
  assigned tasks completed; a missing merit ranks last), then ``priority``
  (higher first), then team id; the first ones keep "excellent" and the others
  are lowered to "good" (one grade down: a team proposed as excellent meets the
  "good" level);
* **counting 9 months**: the service inside the rating year, from
  ``active_from`` (or the year's first day) to ``active_to`` (or its last day),
  both inclusive, lasts 9 months when the first day plus 9 calendar months is
  at most the day after the last day; 31/05 + 9 months uses the month-end
  policy (``CLAMP`` by default: 28 or 29/02);
* whether the member cap counts members against members (antq's default) or
  teams and members together is not stated: ``member_cap_scope=CapScope.POOLED``
  counts them together (the teams decided first, then as many excellent
  members as the pooled count allows); ``member_cap=None`` switches the member
  cap off.

A missing fact makes a team UNKNOWN, never rated. While a team of the commune is
UNKNOWN, its "excellent" proposals cannot be checked against the cap and stay
undecided.

:func:`team_catalogue` lists these rules with their citation and confirmation
status, for ``antq rules --section teams`` and the criteria catalogue page:

>>> [(e.id, e.confirmation.code) for e in team_catalogue()][-2:]
[('hd01.cap', 'confirmed'), ('hd01.member-cap', 'confirmed')]
>>> team_catalogue(as_of=date(2025, 11, 14))
()
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any, ClassVar, Final, NamedTuple

import attrs

from antq._serialise import JsonForm, JsonRoundTrip, json_form, json_view, rendered, unstructure
from antq.core.criterion import CriterionInfo, CriterionKind
from antq.core.entry import RuleEntry, RuleFamily, Setting
from antq.core.frozen import FrozenMap
from antq.core.outcome import Outcome
from antq.core.periods import TEAM_RATING_WINDOW, MonthEndPolicy, Period, add_months
from antq.core.reasons import Param, Reason
from antq.core.rule import Rule
from antq.core.ruleset import weakest
from antq.core.verdict import CriterionResult
from antq.emulation.quotas import (
    Candidate,
    Cap,
    MissingScore,
    PlacementStatus,
    Rounding,
    apply_percent,
    select,
)
from antq.emulation.sheets import format_points, parse_exact
from antq.emulation.team_checklist import (
    CHECKLIST,
    ExcellentTeamChecklist,
    ExcellentTeamFacts,
    excellent_team_checklist,
)
from antq.entities.forces import SecurityOrderTeam, TeamMembership, TeamRole
from antq.entities.grades import TaskGrade
from antq.errors import InputError, RuleSetNotFound
from antq.i18n import formatting
from antq.i18n.catalog import Msg, Text
from antq.law.citation import Citation, cite
from antq.law.tables import Node, load
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "FIRST_YEAR",
    "GUIDANCE",
    "MIN_MONTHS",
    "CapBase",
    "CapScope",
    "CommuneTeamRating",
    "ExcellentTeamChecklist",
    "ExcellentTeamFacts",
    "MemberProposal",
    "MemberResult",
    "RatingStatus",
    "TeamCap",
    "TeamProposal",
    "TeamResult",
    "TeamRule",
    "TeamSetting",
    "excellent_team_checklist",
    "rate_teams",
    "team_catalogue",
]

#: Hướng dẫn 01/HD-BCA-V05: criteria for rating grassroots security teams and members.
GUIDANCE: Final[Citation] = cite("01/HD-BCA-V05")
#: Teams and members with less service than this in the rating year are not rated.
MIN_MONTHS: Final = 9
#: The cap on "excellent": 20 percent of those rated good (addendum §4.4, CONFIRMED).
CAP_PERCENT: Final = 20
#: The first rating year the guidance governs: it is dated 2026 (CONFIRMED), so by rule
#: R1 it cannot govern the 2025 year, which closed on 14/11/2025 (addendum §2.2).
FIRST_YEAR: Final = 2026
_FIRST_YEAR_NOTE = Msg(
    "Guidance 01/HD-BCA-V05 is dated 2026, day unknown: it governs the 2026 rating year"
    " only if it was signed by 14/11/2026, which is not confirmed"
)

_EXCELLENT, _GOOD = TaskGrade.HOAN_THANH_XUAT_SAC, TaskGrade.HOAN_THANH_TOT
_NA = Outcome.NOT_APPLICABLE

_PROPOSED = Msg("proposed: {grade}")
_COMPLAINT = Msg("not rated: a complaint or denunciation about it is still pending")
_NOT_ACTIVE = Msg("not rated: not active in the rating year {start} – {end}")
_SHORT = Msg("not rated: active from {start} to {end}, less than 9 months in the rating year")
_SERVED = Msg("active from {start} to {end}: at least 9 months in the rating year")
_MISSING = Msg("not enough information: missing {inputs}")
_CAP_KEPT = Msg(
    "excellent kept: {allowed} excellent allowed ({percent} of {base} {base_kind}, {rounding}), and it ranks {rank}"
)
_CAP_LOWERED = Msg(
    "lowered to {grade}: only {allowed} excellent allowed ({percent} of {base} {base_kind}, {rounding}), and it ranks {rank}"
)
_CAP_OPEN = Msg("excellent not yet decided: the cap depends on {teams}, whose rating is not known")
_LEADER_LOWERED = Msg(
    "lowered to {grade}: a team leader's grade cannot be above the team's ({team_grade})"
)
_LEADER_EXEMPT = Msg(
    "newly transferred and not responsible: the leader's grade may be above the team's"
)
_LEADER_NO_TEAM = Msg("the team is not rated, so the leader's grade is not compared with it")
_LEADER_OPEN = Msg(
    "not yet decided: the team's grade is not known, and the leader's cannot be above it"
)
_HEAD = Msg("commune {commune}, rating year {start} – {end}")
_CRITERIA_MET = Msg("the seven criteria of an excellent team all hold")
_CRITERIA_FAILED = Msg("lowered to {grade}: criteria {items} of an excellent team are not met")
_CRITERIA_OPEN = Msg(
    "excellent not yet decided: criteria {items} of an excellent team are not known"
)
_CRITERIA_ABSENT = Msg(
    "excellent not yet decided: the facts of the seven criteria of an excellent team were not given"
)
_SUMMARY = Msg("{excellent} excellent, {good} good; at most {allowed} excellent allowed")
_SUMMARY_OPEN = Msg("{excellent} excellent, {good} good; the cap cannot be checked yet")


class RatingStatus(CodedEnum):
    """Whether a team or member is rated."""

    RATED = ("rated", "được xếp loại", "rated")
    EXCLUDED = ("excluded", "không xếp loại", "not rated")
    UNKNOWN = ("unknown", "chưa xác định", "unknown")


class CapBase(CodedEnum):
    """What the 20 percent is taken of (the text says "of those rated good")."""

    FINAL_GOOD = (
        "final_good",
        "số được xếp loại tốt (kết quả cuối)",
        "rated good in the final result",
    )
    PROPOSED_GOOD = ("proposed_good", "số đề nghị xếp loại tốt", "proposed as good")
    #: Not from the text: the addendum withdrew the "of the total" reading (§4.4).
    ALL_RATED = (
        "all_rated",
        "tổng số được xếp loại (không theo văn bản)",
        "rated in all (not from the text)",
    )


class CapScope(CodedEnum):
    """Whether members are capped against members, or with the teams in one count.

    The guidance caps "teams and team members"; which count it means is not
    stated (addendum-2026-12.md §4.4): per kind is antq's default.
    """

    PER_KIND = (
        "per_kind",
        "tính riêng: Tổ với Tổ, thành viên với thành viên",
        "each kind against its own count",
    )
    POOLED = (
        "pooled",
        "tính chung Tổ và thành viên (Tổ được xét trước)",
        "teams and members counted together (teams decided first)",
    )


def _percent(value: int | Decimal | Fraction) -> Fraction:
    apply_percent(value, 0)  # validates: exact, 0-100
    return Fraction(value)


@attrs.frozen(kw_only=True)
class TeamCap(JsonRoundTrip):
    """The cap on "excellent": ``percent`` of the ``base`` count, rounded as stated.

    ``percent`` = 20 of the teams rated good is the guidance's rule, and the
    default ``FLOOR`` makes it the exact integer test ``5 * excellent <=
    good``. ``at_least_one`` (allow one excellent even when 20 percent is
    below one) and ``Rounding.CEIL`` are local practices, not from the text,
    off by default (see the module docstring).
    """

    json_path: ClassVar[str] = "cap"

    percent: Fraction = attrs.field(default=Fraction(CAP_PERCENT), converter=_percent)
    rounding: Rounding = Rounding.FLOOR
    base: CapBase = CapBase.FINAL_GOOD
    at_least_one: bool = attrs.field(default=False)

    @at_least_one.validator
    def _check_at_least_one(self, attribute: attrs.Attribute[bool], value: object) -> None:
        if not isinstance(value, bool):
            raise InputError("TeamCap.at_least_one", value, Msg("expected true or false"))

    def base_count(
        self, excellent: int, proposed_excellent: int, proposed_good: int, rated: int
    ) -> int:
        """The base when ``excellent`` of the ``proposed_excellent`` keep the grade."""
        if self.base is CapBase.FINAL_GOOD:
            return proposed_good + (proposed_excellent - excellent)
        if self.base is CapBase.PROPOSED_GOOD:
            return proposed_good
        return rated

    def allowed(
        self,
        proposed_excellent: int,
        proposed_good: int,
        rated: int,
        *,
        fixed: tuple[int, int, int] = (0, 0, 0),
    ) -> int:
        """The most proposals that may keep "excellent" (the largest count that satisfies the cap).

        ``fixed`` is (excellent, good, rated) of subjects already decided that share
        the count (the teams, when members are capped with them).
        """
        for excellent in range(proposed_excellent, -1, -1):
            base = self.pooled_base(excellent, proposed_excellent, proposed_good, rated, fixed)
            limit = apply_percent(self.percent, base, self.rounding)
            if self.at_least_one:
                limit = max(limit, 1)
            if excellent + fixed[0] <= limit:
                return excellent
        return 0

    def pooled_base(
        self,
        excellent: int,
        proposed_excellent: int,
        proposed_good: int,
        rated: int,
        fixed: tuple[int, int, int],
    ) -> int:
        """:meth:`base_count` plus the good (or rated) count of the ``fixed`` subjects."""
        extra = fixed[2] if self.base is CapBase.ALL_RATED else fixed[1]
        return self.base_count(excellent, proposed_excellent, proposed_good, rated) + extra


def _opt_grade(value: object, path: str) -> TaskGrade | None:
    if value is None or isinstance(value, TaskGrade):
        return value
    return TaskGrade.from_code(value, path=path)


def _opt_flag(value: object, path: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise InputError(path, value, Msg("expected true, false or None (unknown)"))


def _opt_day(value: object, path: str) -> date | None:
    if value is None or (isinstance(value, date) and type(value) is date):
        return value
    raise InputError(path, value, Msg("expected a date or None"))


def _proposed_grade(value: object) -> TaskGrade | None:
    return _opt_grade(value, "proposed")


def _complaint_flag(value: object) -> bool | None:
    return _opt_flag(value, "under_complaint")


def _merit(value: object) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, bool | float) or not isinstance(value, int | Fraction | Decimal):
        raise InputError("merit", value, Msg("expected an exact number (int, Decimal or Fraction)"))
    return Fraction(value)


@attrs.frozen(kw_only=True)
class TeamProposal:
    """A team to rate: the proposed grade and the facts the exclusions need.

    ``active_from`` is the first day the team operated (its founding decision's
    date, say), ``active_to`` the last if it was dissolved. ``under_complaint``
    is True while a complaint or denunciation about the team is pending; None
    means not known. ``merit`` and ``priority`` only break ties under the cap.
    """

    team_id: str
    commune: str
    proposed: TaskGrade | None = attrs.field(converter=_proposed_grade)
    active_from: date | None
    under_complaint: bool | None = attrs.field(converter=_complaint_flag)
    active_to: date | None = None
    merit: Fraction | None = attrs.field(default=None, converter=_merit)
    priority: int = 0
    name: str | None = None
    excellent_criteria: ExcellentTeamFacts | None = None

    def __attrs_post_init__(self) -> None:
        if self.excellent_criteria is not None and not isinstance(
            self.excellent_criteria, ExcellentTeamFacts
        ):
            raise InputError(
                f"{self.team_id}.excellent_criteria",
                self.excellent_criteria,
                Msg("expected ExcellentTeamFacts or None"),
            )
        for field in ("team_id", "commune"):
            value = getattr(self, field)
            if not isinstance(value, str) or not value.strip():
                raise InputError(f"TeamProposal.{field}", value, Msg("expected a non-empty string"))
        _opt_day(self.active_from, f"{self.team_id}.active_from")
        _opt_day(self.active_to, f"{self.team_id}.active_to")
        if isinstance(self.priority, bool) or not isinstance(self.priority, int):
            raise InputError(
                f"{self.team_id}.priority", self.priority, Msg("expected a whole number")
            )

    @classmethod
    def from_team(
        cls,
        team: SecurityOrderTeam,
        *,
        proposed: TaskGrade | None,
        under_complaint: bool | None,
        active_to: date | None = None,
        merit: int | Decimal | Fraction | None = None,
        priority: int = 0,
    ) -> TeamProposal:
        """A proposal for a :class:`~antq.SecurityOrderTeam`, active from its founding date."""
        return cls(
            team_id=team.id,
            commune=team.commune_code,
            proposed=proposed,
            active_from=team.established_on,
            active_to=active_to,
            under_complaint=under_complaint,
            merit=merit,
            priority=priority,
        )


@attrs.frozen(kw_only=True)
class MemberProposal:
    """A member to rate; ``in_charge`` marks a deputy acting as leader.

    The leader rule applies to the Tổ trưởng and to a Tổ phó ``in_charge``,
    unless ``newly_transferred`` (newly transferred and not responsible).
    """

    person_id: str
    team_id: str
    role: TeamRole
    proposed: TaskGrade | None = attrs.field(converter=_proposed_grade)
    active_from: date | None
    under_complaint: bool | None = attrs.field(converter=_complaint_flag)
    active_to: date | None = None
    in_charge: bool = False
    newly_transferred: bool = False
    merit: Fraction | None = attrs.field(default=None, converter=_merit)
    priority: int = 0

    def __attrs_post_init__(self) -> None:
        for field in ("person_id", "team_id"):
            value = getattr(self, field)
            if not isinstance(value, str) or not value.strip():
                raise InputError(
                    f"MemberProposal.{field}", value, Msg("expected a non-empty string")
                )
        if not isinstance(self.role, TeamRole):
            raise InputError(f"{self.person_id}.role", self.role, Msg("expected a TeamRole"))
        _opt_day(self.active_from, f"{self.person_id}.active_from")
        _opt_day(self.active_to, f"{self.person_id}.active_to")

    @property
    def leads(self) -> bool:
        """Whether the leader rule applies to this member."""
        if self.newly_transferred:
            return False
        return self.role is TeamRole.TO_TRUONG or (self.role is TeamRole.TO_PHO and self.in_charge)

    @classmethod
    def from_membership(
        cls,
        membership: TeamMembership,
        *,
        proposed: TaskGrade | None,
        under_complaint: bool | None,
        in_charge: bool = False,
        newly_transferred: bool = False,
    ) -> MemberProposal:
        """A proposal for a :class:`~antq.TeamMembership`, over its start and end."""
        return cls(
            person_id=membership.person_id,
            team_id=membership.team_id,
            role=membership.role,
            proposed=proposed,
            active_from=membership.start,
            active_to=membership.end,
            under_complaint=under_complaint,
            in_charge=in_charge,
            newly_transferred=newly_transferred,
        )


def _reason(template: Msg, **params: Param) -> Reason:
    return Reason(template=template, params=FrozenMap(params))


@attrs.frozen(kw_only=True)
class _Rating(JsonRoundTrip):
    """What a team's and a member's rating have alike: the status, the proposed and final
    grade, the reasons, and each reason as the result of the team rule that gave it."""

    status: RatingStatus
    proposed: TaskGrade | None
    grade: TaskGrade | None
    reasons: tuple[Reason, ...]
    lowered: bool = False
    missing: tuple[str, ...] = ()
    #: Each reason as the result of the team rule that gave it, in the same order.
    results: tuple[CriterionResult, ...] = ()

    @property
    def outcome(self) -> Outcome:
        """MET when the proposed grade holds, NOT_MET when lowered, NOT_APPLICABLE when not
        rated, UNKNOWN while undecided."""
        if self.status is RatingStatus.EXCLUDED:
            return Outcome.NOT_APPLICABLE
        if self.status is RatingStatus.UNKNOWN or self.grade is None:
            return Outcome.UNKNOWN
        return Outcome.NOT_MET if self.lowered else Outcome.MET

    def all_results(self) -> Iterator[CriterionResult]:
        """The result of each team rule that gave a reason, in order."""
        return iter(self.results)

    @property
    def missing_inputs(self) -> tuple[str, ...]:
        return self.missing

    def shortfall(self) -> tuple[CriterionResult, ...]:
        """The gap to pass: the rules that lowered the proposal (for a member, the leader rule
        and the cap), each with its reason."""
        return tuple(r for r in self.results if r.outcome is Outcome.NOT_MET)

    def _grade_text(self, lang: Lang) -> str:
        return self.grade.label(lang) if self.grade else self.status.label(lang)

    def _reasons_text(self, lang: Lang) -> str:
        return "; ".join(r.render(lang) for r in self.reasons)


@attrs.frozen(kw_only=True)
class TeamResult(_Rating):
    """A team's rating: status, proposed and final grade, and every reason."""

    json_path: ClassVar[str] = "team"

    team_id: str
    commune: str
    name: str | None = None

    def explain(self, lang: Lang = "vi") -> str:
        grade, why = self._grade_text(lang), self._reasons_text(lang)
        return f"{self.name or self.team_id} [{grade}]: {why}"


@attrs.frozen(kw_only=True)
class MemberResult(_Rating):
    """A member's rating, after the exclusions, the leader rule and the optional cap."""

    json_path: ClassVar[str] = "member"

    person_id: str
    team_id: str
    role: TeamRole

    def explain(self, lang: Lang) -> str:
        grade, why = self._grade_text(lang), self._reasons_text(lang)
        return f"{self.person_id} ({self.role.label(lang)}, {self.team_id}) [{grade}]: {why}"


@attrs.frozen(kw_only=True)
class CommuneTeamRating(JsonRoundTrip):
    """One commune's ratings for one year, with the cap that was applied."""

    json_path: ClassVar[str] = "rating"

    commune: str
    year: int
    period: Period
    cap: TeamCap
    allowed: int | None
    teams: tuple[TeamResult, ...]
    members: tuple[MemberResult, ...] = ()
    citation: Citation = GUIDANCE
    #: The cap applied to members (None: switched off by the caller).
    member_cap: TeamCap | None = None
    #: Whether members were capped against members or together with the teams.
    member_cap_scope: CapScope = CapScope.PER_KIND
    #: What is not settled about this rating year (the 2026 one: the guidance's day).
    notices: tuple[Reason, ...] = ()

    def count(self, grade: TaskGrade) -> int:
        """How many teams have this final grade."""
        return sum(1 for t in self.teams if t.grade is grade)

    def team(self, team_id: str) -> TeamResult:
        for result in self.teams:
            if result.team_id == team_id:
                return result
        raise KeyError(team_id)

    def member(self, person_id: str) -> MemberResult:
        for result in self.members:
            if result.person_id == person_id:
                return result
        raise KeyError(person_id)

    def explain(self, lang: Lang = "vi") -> str:
        lines = [
            _HEAD.render(lang).format(
                commune=self.commune,
                start=formatting.format_date(self.period.start, lang),
                end=formatting.format_date(self.period.end, lang),
            )
            + f" ({self.citation.render(lang)})"
        ]
        lines += [f"  ! {n.render(lang)}" for n in self.notices]
        counts = {"excellent": self.count(_EXCELLENT), "good": self.count(_GOOD)}
        if self.allowed is None:
            lines.append("  " + _SUMMARY_OPEN.render(lang).format(**counts))
        else:
            lines.append("  " + _SUMMARY.render(lang).format(allowed=self.allowed, **counts))
        lines += [f"  - {t.explain(lang)}" for t in self.teams]
        lines += [f"    · {m.explain(lang)}" for m in self.members]
        return "\n".join(lines)


# --- the rules ----------------------------------------------------------------------------


class _Found(NamedTuple):
    """One reason of a rating, with the rule that gave it and that rule's outcome."""

    rule: str
    outcome: Outcome
    reason: Reason
    missing: tuple[str, ...] = ()


_COMPLAINT_RULE, _MONTHS_RULE, _GRADES_RULE = (
    "hd01.exclusion.complaint",
    "hd01.exclusion.nine-months",
    "hd01.grades",
)
_EXCELLENT_RULE, _LEADER_RULE = "hd01.excellent", "hd01.leader"
_TEAM_CAP_RULE, _MEMBER_CAP_RULE = "hd01.cap", "hd01.member-cap"


@attrs.frozen
class _Eligibility:
    status: RatingStatus | None  # None: eligible
    found: tuple[_Found, ...]
    missing: tuple[str, ...] = ()


def _eligibility(
    active_from: date | None,
    active_to: date | None,
    under_complaint: bool | None,
    period: Period,
    policy: MonthEndPolicy,
) -> _Eligibility:
    if under_complaint is True:
        return _Eligibility(
            RatingStatus.EXCLUDED, (_Found(_COMPLAINT_RULE, _NA, _reason(_COMPLAINT)),)
        )
    found: list[_Found] = []
    missing: list[str] = []
    if active_from is None:
        missing.append("active_from")
    else:
        start = max(active_from, period.start)
        end = period.end if active_to is None else min(active_to, period.end)
        if end < start:
            outside = _reason(_NOT_ACTIVE, start=period.start, end=period.end)
            return _Eligibility(RatingStatus.EXCLUDED, (_Found(_MONTHS_RULE, _NA, outside),))
        served = add_months(start, MIN_MONTHS, policy=policy) <= end + timedelta(days=1)
        if not served:
            short = _reason(_SHORT, start=start, end=end)
            return _Eligibility(RatingStatus.EXCLUDED, (_Found(_MONTHS_RULE, _NA, short),))
        found.append(_Found(_MONTHS_RULE, Outcome.MET, _reason(_SERVED, start=start, end=end)))
    if under_complaint is None:
        missing.append("under_complaint")
    if missing:
        # One reason names both: the rule of the first fact missing gives it.
        rule = _MONTHS_RULE if missing[0] == "active_from" else _COMPLAINT_RULE
        why = _reason(_MISSING, inputs=", ".join(missing))
        found.append(_Found(rule, Outcome.UNKNOWN, why, tuple(missing)))
        return _Eligibility(RatingStatus.UNKNOWN, tuple(found), tuple(missing))
    return _Eligibility(None, tuple(found))


@attrs.define
class _Subject:
    """A team or member being rated, mutable while the rules run."""

    id: str
    proposed: TaskGrade | None
    status: RatingStatus
    grade: TaskGrade | None
    found: list[_Found]
    missing: tuple[str, ...]
    merit: Fraction | None
    priority: int
    lowered: bool = False

    def add(
        self, rule: str, outcome: Outcome, reason: Reason, missing: tuple[str, ...] = ()
    ) -> None:
        self.found.append(_Found(rule, outcome, reason, missing))

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return tuple(f.reason for f in self.found)

    def results(self) -> tuple[CriterionResult, ...]:
        """Each reason as the result of the rule that gave it."""
        return tuple(
            CriterionResult(
                about=_rule_info(f.rule), outcome=f.outcome, reason=f.reason, missing=f.missing
            )
            for f in self.found
        )


def _subject(
    sid: str,
    proposed: TaskGrade | None,
    active_from: date | None,
    active_to: date | None,
    under_complaint: bool | None,
    merit: Fraction | None,
    priority: int,
    period: Period,
    policy: MonthEndPolicy,
) -> _Subject:
    eligible = _eligibility(active_from, active_to, under_complaint, period, policy)
    found = list(eligible.found)
    missing = eligible.missing
    status = eligible.status
    if status is None:
        if proposed is None:
            status, missing = RatingStatus.UNKNOWN, ("proposed",)
            why = _reason(_MISSING, inputs="proposed")
            found.append(_Found(_GRADES_RULE, Outcome.UNKNOWN, why, missing))
        else:
            status = RatingStatus.RATED
    if proposed is not None and status is not RatingStatus.EXCLUDED:
        found.insert(0, _Found(_GRADES_RULE, Outcome.MET, _reason(_PROPOSED, grade=proposed)))
    grade = proposed if status is RatingStatus.RATED else None
    return _Subject(sid, proposed, status, grade, found, missing, merit, priority)


def _check_excellent(subject: _Subject, facts: ExcellentTeamFacts | None) -> None:
    """The seven criteria of an excellent team, for a team proposed and rated excellent."""
    if subject.status is not RatingStatus.RATED or subject.grade is not _EXCELLENT:
        return
    if facts is None:
        subject.status, subject.grade = RatingStatus.UNKNOWN, None
        subject.missing = ("excellent_criteria",)
        subject.add(_EXCELLENT_RULE, Outcome.UNKNOWN, _reason(_CRITERIA_ABSENT), subject.missing)
        return
    checklist: ExcellentTeamChecklist = excellent_team_checklist(facts)
    outcome = checklist.outcome
    if outcome is Outcome.MET:
        subject.add(_EXCELLENT_RULE, Outcome.MET, _reason(_CRITERIA_MET))
    elif outcome is Outcome.NOT_MET:
        subject.grade, subject.lowered = _GOOD, True
        failing = ", ".join(f"({n})" for n in checklist.failing())
        lowered = _reason(_CRITERIA_FAILED, grade=_GOOD, items=failing)
        subject.add(_EXCELLENT_RULE, Outcome.NOT_MET, lowered)
        for r in checklist.results:
            if r.outcome is Outcome.NOT_MET:
                subject.add(r.item.id, Outcome.NOT_MET, r.reason)
    else:
        subject.status, subject.grade = RatingStatus.UNKNOWN, None
        subject.missing = checklist.missing()
        open_items = ", ".join(f"({n})" for n in checklist.undecided())
        why = _reason(_CRITERIA_OPEN, items=open_items)
        subject.add(_EXCELLENT_RULE, Outcome.UNKNOWN, why, subject.missing)


def _apply_cap(
    subjects: Sequence[_Subject], cap: TeamCap, shared: Sequence[_Subject] = (), *, rule: str
) -> int | None:
    """Lower the excellent proposals beyond the cap; the number allowed, or None if undecidable.

    ``shared`` are subjects already decided that count with these (the teams,
    when members are capped with them); they are never lowered here.
    """
    rated = [s for s in subjects if s.status is RatingStatus.RATED]
    excellent = [s for s in rated if s.grade is _EXCELLENT]
    shared_rated = [s for s in shared if s.status is RatingStatus.RATED]
    fixed = (
        sum(1 for s in shared_rated if s.grade is _EXCELLENT),
        sum(1 for s in shared_rated if s.grade is _GOOD),
        len(shared_rated),
    )
    if not excellent:
        good = sum(1 for s in rated if s.grade is _GOOD)
        return cap.allowed(0, good, len(rated), fixed=fixed)
    unknown = [s for s in subjects if s.status is RatingStatus.UNKNOWN]
    unknown += [
        s
        for s in shared
        if s.status is RatingStatus.UNKNOWN or (s.status is RatingStatus.RATED and s.grade is None)
    ]
    if unknown:
        names = ", ".join(s.id for s in unknown)
        for s in excellent:
            s.grade = None
            s.add(rule, Outcome.UNKNOWN, _reason(_CAP_OPEN, teams=names))
        return None
    good = sum(1 for s in rated if s.grade is _GOOD)
    allowed = cap.allowed(len(excellent), good, len(rated), fixed=fixed)
    base = cap.pooled_base(allowed, len(excellent), good, len(rated), fixed)
    selection = select(
        [Candidate(id=s.id, score=s.merit, priority=s.priority) for s in excellent],
        Cap(count=allowed),
        missing=MissingScore.LOWEST,
    )
    params: dict[str, Param] = {
        "allowed": allowed,
        "percent": Text(
            vi=format_points(cap.percent, "vi") + "%", en=format_points(cap.percent, "en") + "%"
        ),
        "base": base,
        "base_kind": cap.base,
        "rounding": cap.rounding,
    }
    by_id = {s.id: s for s in excellent}
    for placement in selection.placements:
        subject = by_id[placement.candidate.id]
        rank = placement.rank or 0
        if placement.status is PlacementStatus.SELECTED:
            subject.add(rule, Outcome.MET, _reason(_CAP_KEPT, rank=rank, **params))
        else:
            subject.grade, subject.lowered = _GOOD, True
            lowered = _reason(_CAP_LOWERED, grade=_GOOD, rank=rank, **params)
            subject.add(rule, Outcome.NOT_MET, lowered)
    return allowed


def _leader_rule(member: _Subject, proposal: MemberProposal, team: _Subject) -> None:
    if member.status is not RatingStatus.RATED or member.grade is None:
        return
    leader_role = proposal.role is TeamRole.TO_TRUONG or (
        proposal.role is TeamRole.TO_PHO and proposal.in_charge
    )
    if not leader_role:
        return
    if proposal.newly_transferred:
        member.add(_LEADER_RULE, _NA, _reason(_LEADER_EXEMPT))
        return
    if team.status is RatingStatus.EXCLUDED:
        member.add(_LEADER_RULE, _NA, _reason(_LEADER_NO_TEAM))
        return
    if team.grade is None:
        # The team's grade is unknown: excellent or good while the cap is open, anything otherwise.
        floor_grade = _GOOD if team.status is RatingStatus.RATED else TaskGrade.KHONG_HOAN_THANH
        if member.grade.rank > floor_grade.rank:
            member.grade = None
            member.add(_LEADER_RULE, Outcome.UNKNOWN, _reason(_LEADER_OPEN))
        return
    if member.grade.rank > team.grade.rank:
        member.grade, member.lowered = team.grade, True
        lowered = _reason(_LEADER_LOWERED, grade=team.grade, team_grade=team.grade)
        member.add(_LEADER_RULE, Outcome.NOT_MET, lowered)


_MEMBER_CAP: Final = TeamCap()


def rate_teams(
    teams: Iterable[TeamProposal],
    members: Iterable[MemberProposal] = (),
    *,
    year: int,
    cap: TeamCap | None = None,
    member_cap: TeamCap | None = _MEMBER_CAP,
    month_end: MonthEndPolicy = MonthEndPolicy.CLAMP,
    member_cap_scope: CapScope = CapScope.PER_KIND,
) -> tuple[CommuneTeamRating, ...]:
    """Rate teams (and their members) for ``year``, one result per commune, sorted by commune.

    Order of the rules: exclusions, the seven criteria of an excellent team,
    the cap on teams, the leader rule, then the cap on members (applied by
    default, as the guidance caps "teams and team members"; ``member_cap=None``
    switches it off). The result does not depend on the order of ``teams`` or
    ``members``. ``member_cap_scope=CapScope.POOLED`` counts the members'
    excellent and good together with the teams' (the teams decided first). A
    year before ``FIRST_YEAR`` (2026) raises
    :class:`~antq.errors.RuleSetNotFound`: no team rating rule existed.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InputError("year", year, Msg("expected a rating year"))
    if not isinstance(member_cap_scope, CapScope):
        raise InputError("member_cap_scope", member_cap_scope, Msg("expected a CapScope"))
    if year < FIRST_YEAR:
        raise RuleSetNotFound(
            f"year: no team-rating rule existed for the {year} rating year; Hướng dẫn"
            f" 01/HD-BCA-V05 (2026) applies from the {FIRST_YEAR} rating year"
            f" ({FIRST_YEAR - 1}-11-15 on) with no end date, and antq knows no earlier one"
        )
    cap = cap or TeamCap()
    period = TEAM_RATING_WINDOW.period_for(year)
    notices = (_reason(_FIRST_YEAR_NOTE),) if year == FIRST_YEAR else ()
    given_teams, given_members = list(teams), list(members)
    # Checked before sorting: sorting reads the ids, which a wrong object lacks.
    for proposal in given_teams:
        if not isinstance(proposal, TeamProposal):
            raise InputError("teams", proposal, Msg("expected a TeamProposal"))
    for person in given_members:
        if not isinstance(person, MemberProposal):
            raise InputError("members", person, Msg("expected a MemberProposal"))
    proposals = sorted(given_teams, key=lambda t: t.team_id)
    by_team: dict[str, TeamProposal] = {}
    for proposal in proposals:
        if proposal.team_id in by_team:
            raise InputError("teams", proposal.team_id, Msg("duplicate team id"))
        by_team[proposal.team_id] = proposal
    people = sorted(given_members, key=lambda m: (m.team_id, m.person_id))
    seen: set[str] = set()
    for person in people:
        if person.team_id not in by_team:
            raise InputError(
                f"{person.person_id}.team_id",
                person.team_id,
                Msg("no such team among the teams rated"),
            )
        if person.person_id in seen:
            raise InputError("members", person.person_id, Msg("duplicate member"))
        seen.add(person.person_id)
    results = []
    for commune in sorted({t.commune for t in proposals}):
        local = [t for t in proposals if t.commune == commune]
        subjects = {
            t.team_id: _subject(
                t.team_id,
                t.proposed,
                t.active_from,
                t.active_to,
                t.under_complaint,
                t.merit,
                t.priority,
                period,
                month_end,
            )
            for t in local
        }
        for t in local:
            _check_excellent(subjects[t.team_id], t.excellent_criteria)
        allowed = _apply_cap(list(subjects.values()), cap, rule=_TEAM_CAP_RULE)
        crew = [m for m in people if m.team_id in subjects]
        member_subjects = {
            m.person_id: _subject(
                m.person_id,
                m.proposed,
                m.active_from,
                m.active_to,
                m.under_complaint,
                m.merit,
                m.priority,
                period,
                month_end,
            )
            for m in crew
        }
        for m in crew:
            _leader_rule(member_subjects[m.person_id], m, subjects[m.team_id])
        if member_cap is not None:
            shared = list(subjects.values()) if member_cap_scope is CapScope.POOLED else []
            _apply_cap(list(member_subjects.values()), member_cap, shared, rule=_MEMBER_CAP_RULE)
        results.append(
            CommuneTeamRating(
                commune=commune,
                year=year,
                period=period,
                cap=cap,
                member_cap=member_cap,
                member_cap_scope=member_cap_scope,
                allowed=allowed,
                notices=notices,
                teams=tuple(
                    TeamResult(
                        team_id=t.team_id,
                        name=t.name,
                        commune=commune,
                        status=subjects[t.team_id].status,
                        proposed=t.proposed,
                        grade=subjects[t.team_id].grade,
                        reasons=subjects[t.team_id].reasons,
                        results=subjects[t.team_id].results(),
                        lowered=subjects[t.team_id].lowered,
                        missing=subjects[t.team_id].missing,
                    )
                    for t in local
                ),
                members=tuple(
                    MemberResult(
                        person_id=m.person_id,
                        team_id=m.team_id,
                        role=m.role,
                        status=member_subjects[m.person_id].status,
                        proposed=m.proposed,
                        grade=member_subjects[m.person_id].grade,
                        reasons=member_subjects[m.person_id].reasons,
                        results=member_subjects[m.person_id].results(),
                        lowered=member_subjects[m.person_id].lowered,
                        missing=member_subjects[m.person_id].missing,
                    )
                    for m in crew
                ),
            )
        )
    return tuple(results)


# --- the catalogue ------------------------------------------------------------------------

#: The id of the team-rating rules in the catalogue.
TEAM_RULES_ID: Final = "hd01.teams"


@attrs.frozen(kw_only=True)
class TeamSetting(Setting, JsonForm):
    """A choice antq makes where the guidance is silent, and how to change it."""


@attrs.frozen(kw_only=True)
class TeamRule(Rule, JsonForm):
    """One rule of the team rating: a :class:`~antq.core.rule.Rule` with the settings a user
    may change where the guidance is silent."""

    noun: ClassVar[str] = "team rule"

    settings: tuple[TeamSetting, ...] = ()

    def entry(self) -> RuleEntry:
        """The rule as an entry of the one catalogue (:func:`antq.rule_catalogue`)."""
        return RuleEntry(
            id=self.id,
            family=RuleFamily.TEAM_RULE,
            rule_set=TEAM_RULES_ID,
            role="rule",
            instrument=self.citation.instrument,
            citation=self.citation,
            title=self.title,
            confirmation=self.confirmation,
            own_confirmation=self.confirmation,
            kind=self.kind,
            valid_from=IN_FORCE_FROM,
            settings=self.settings,
            note=self.note,
            details={"settings": [s.to_json() for s in self.settings]},
        )

    def render(self, lang: Lang) -> str:
        """A few lines of text, like the other entries of ``antq rules``."""
        return self.entry().render(lang)


#: The settings a team rule may name, by name: antq's choices where the guidance is silent.
_SETTINGS: Final[Mapping[str, TeamSetting]] = {
    setting.name: setting
    for setting in (
        TeamSetting(
            name="month_end", default=MonthEndPolicy.CLAMP.code, choices=MonthEndPolicy.codes()
        ),
        TeamSetting(name="rounding", default=Rounding.FLOOR.code, choices=Rounding.codes()),
        TeamSetting(name="base", default=CapBase.FINAL_GOOD.code, choices=CapBase.codes()),
        TeamSetting(name="at_least_one", default="false", choices=("false", "true")),
        TeamSetting(
            name="member_cap_scope", default=CapScope.PER_KIND.code, choices=CapScope.codes()
        ),
    )
}


def _setting(node: Node) -> TeamSetting:
    name = node.text()
    if name not in _SETTINGS:
        raise node.fail(Msg("unknown setting; known: {known}"), known=", ".join(_SETTINGS))
    return _SETTINGS[name]


def _team_rules(root: Node) -> Iterator[TeamRule]:
    for row in root["rules"].items():
        if row.get("checklist") is not None:
            # One entry per criterion of an excellent team, from the checklist's own table.
            row.keys(("checklist", "note"))
            if not row["checklist"].boolean():
                raise row["checklist"].fail(Msg("expected true"))
            note = row.optional("note", Node.message)
            for item in CHECKLIST:
                yield TeamRule(
                    id=item.id,
                    title=item.title,
                    citation=item.citation,
                    kind=item.kind,
                    confirmation=item.confirmation,
                    note=note,
                )
            continue
        row.keys(("id", "title", "citation", "confirmation", "note", "settings"))
        settings = row.get("settings")
        rule_id = row["id"].text()
        yield TeamRule(
            id=rule_id,
            kind=_kind(rule_id),
            title=row["title"].message(),
            citation=row["citation"].citation(),
            confirmation=row["confirmation"].confirmation(),
            note=row.optional("note", Node.message),
            settings=() if settings is None else tuple(map(_setting, settings.items())),
        )


def _kind(rule_id: str) -> CriterionKind:
    """How a team rule decides: the caps compare counts, the grades are the chairman's."""
    if rule_id in (_TEAM_CAP_RULE, _MEMBER_CAP_RULE):
        return CriterionKind.THRESHOLD
    if rule_id == _GRADES_RULE:
        return CriterionKind.JUDGEMENT
    return CriterionKind.BOOLEAN


#: The rules of the team rating, from ``team_rules.toml`` beside this module.
_TEAM_RULES: Final = tuple(_team_rules(load("antq.emulation", "team_rules.toml")))

#: The seven criteria of an excellent team taken together: the rule that lowers a proposal.
_EXCELLENT_CRITERIA: Final = TeamRule(
    id=_EXCELLENT_RULE,
    title=_CRITERIA_MET,
    citation=GUIDANCE,
    kind=CriterionKind.JUDGEMENT,
    confirmation=weakest(*(item.confirmation for item in CHECKLIST)),
)

#: What each team rule's results say about it, by rule id.
_RULE_INFO: Final[Mapping[str, CriterionInfo]] = {
    rule.id: rule.info for rule in (_EXCELLENT_CRITERIA, *_TEAM_RULES)
}


def _rule_info(rule_id: str) -> CriterionInfo:
    return _RULE_INFO[rule_id]


#: Rule R1 with only the signing year known uses 01/01 of that year (addendum §2.2): the
#: rules are listed as in force for rating years ending from this day.
IN_FORCE_FROM: Final = date(FIRST_YEAR, 1, 1)


def team_catalogue(*, as_of: date | None = None) -> tuple[TeamRule, ...]:
    """The rules of the team rating (Hướng dẫn 01/HD-BCA-V05) that :func:`rate_teams` applies.

    With ``as_of``, only if they are in force for a rating year ending on that
    day: none before 01/01/2026 (the guidance is dated 2026).
    """
    if as_of is not None and as_of < IN_FORCE_FROM:
        return ()
    return _TEAM_RULES


# --- JSON -------------------------------------------------------------------------------


def _reason_lines(result: TeamResult | MemberResult, texts: tuple[Lang, ...]) -> dict[str, Any]:
    return {"text": {lang: [r.render(lang) for r in result.reasons] for lang in texts}}


def _rule_entry(entry: TeamRule) -> dict[str, Any]:
    """The entry in the shape of the other catalogue entries (``antq rules --format json``)."""
    return {
        "id": entry.id,
        "rule_set": TEAM_RULES_ID,
        "instrument": entry.citation.instrument,
        "role": "rule",
        "confirmation": entry.confirmation.code,
        "citation": rendered(entry.citation),
        "title": rendered(entry.title),
        "note": None if entry.note is None else rendered(entry.note),
        "settings": unstructure(entry.settings),
    }


# Read from the teams section of a document (antq.emulation.team_reader).
json_form(
    TeamCap,
    codecs={
        "percent": (
            partial(format_points, lang="en"),
            partial(parse_exact, path="", what=Msg("a percentage")),
        )
    },
    strict=True,
)
#: The keys of a rating, after those that say whose it is; ``results`` holds each reason
#: again as the result of the team rule that gave it (``antq_teams_results`` 2 on).
_RATING_KEYS = ("status", "proposed", "grade", "lowered", "missing", "reasons", "results")
json_form(
    TeamResult,
    written=("team_id", "name", "commune", *_RATING_KEYS),
    rename={"team_id": "team"},
    texts=_reason_lines,
)
json_form(
    MemberResult,
    written=("person_id", "team_id", "role", *_RATING_KEYS),
    rename={"person_id": "person", "team_id": "team"},
    texts=_reason_lines,
)
json_form(
    CommuneTeamRating,
    written=(
        "commune",
        "year",
        "period",
        "citation",
        "cap",
        "member_cap",
        "member_cap_scope",
        "notices",
        "allowed",
        "teams",
        "members",
    ),
)
# Written only: a setting is part of the catalogue, built from the code, never read back.
json_form(TeamSetting, readable=False)
json_view(TeamRule, _rule_entry)
