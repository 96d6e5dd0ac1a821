"""Luật Thi đua, khen thưởng 06/2022/QH15: three standards and who may award what.

* :func:`excellent_collective_eligibility`: the title "Tập thể lao động xuất
  sắc" (Điều 27), or its armed-forces counterpart "Đơn vị quyết thắng", whose
  standards are known only in part (points a, b, d and one more).
* :func:`ministry_bang_khen_eligibility`: the individual standard of Điều 74
  khoản 1 điểm d for a Bằng khen of a ministry, sector or province: two
  consecutive "Chiến sĩ thi đua cơ sở" titles, or at least two consecutive
  years rated "hoàn thành xuất sắc nhiệm vụ" with two initiatives (or two
  science works) recognised and applied at grassroots scope in that time. The
  other points of Điều 74 khoản 1 are not available to antq, so NOT_MET means
  "does not meet point d", not "cannot receive a Bằng khen".
* :func:`awarding_authorities`: who may award a form on a date (Điều 80). The
  district level ends on 30/06/2025; who took over the district chairman's
  powers is not confirmed, so for the forms only he could award the answer is
  UNKNOWN from 01/07/2025.

The Law applies from 01/01/2024; earlier dates raise
:class:`~antq.errors.RuleSetNotFound`. From 01/07/2025 Nghị định 152/2025/NĐ-CP
Điều 4 adds two principles, applied here from that date: no award while a
disciplinary review, investigation, inspection, complaint or press verification
is pending, and after discipline, achievements count only from the end of the
discipline period.

>>> from datetime import date
>>> answer = awarding_authorities(AwardForm.THON_TO_DAN_PHO_VAN_HOA, date(2025, 6, 30))
>>> answer.outcome, answer.met_routes()
(<Outcome.MET: 'met'>, ('district-chairman',))
>>> awarding_authorities(AwardForm.THON_TO_DAN_PHO_VAN_HOA, date(2025, 7, 1)).outcome
<Outcome.UNKNOWN: 'unknown'>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any, Final

import attrs

from antq.confirmation import Confirmation
from antq.core.criterion import CriterionKind, Finding, Parameter
from antq.core.outcome import Outcome
from antq.core.reasons import Param, Percent, Reason
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
    rooted,
    running_discipline,
)
from antq.emulation.awards.knc import TT11, TT11_FROM, TT11_TO, TT20, TT20_FROM
from antq.entities._validate import field_path, member_of, non_empty_str
from antq.entities.admin_units import TWO_TIER_REFORM_DATE
from antq.entities.grades import TaskGrade
from antq.errors import InputError, RuleSetNotFound
from antq.i18n.catalog import Label, Msg, Text
from antq.i18n.formatting import Threshold
from antq.law.citation import Citation, cite
from antq.periods import Period
from antq.vocabulary import CodedEnum

__all__ = [
    "AWARDING_POWERS",
    "LAW06",
    "LAW06_ART27",
    "LAW06_ART74",
    "LAW06_ART80",
    "LAW06_FROM",
    "LAW06_RULES",
    "ND152",
    "ND152_FROM",
    "AuthorityContext",
    "AwardingAuthority",
    "AwardingPower",
    "CollectiveContext",
    "CollectiveFacts",
    "IndividualContext",
    "IndividualRecord",
    "Initiative",
    "InitiativeKind",
    "YearRecord",
    "awarding_authorities",
    "excellent_collective_eligibility",
    "ministry_bang_khen_eligibility",
    "read_authority_request",
    "read_bang_khen_request",
    "read_collective_request",
]

LAW06: Final = "06/2022/QH15"
#: The Law takes effect.
LAW06_FROM: Final = date(2024, 1, 1)
ND152: Final = "152/2025/NĐ-CP"
#: Nghị định 152/2025/NĐ-CP takes effect, with the two-tier local government.
ND152_FROM: Final = TWO_TIER_REFORM_DATE
LAST_DISTRICT_DAY: Final = TWO_TIER_REFORM_DATE - timedelta(days=1)
#: From this date the 2026 amending law (Luật 06/2026/QH16, content and date unconfirmed) may apply.
LAW_2026_WATCH: Final = date(2026, 1, 1)

_ONE_DAY = timedelta(days=1)
_B, _T, _J = CriterionKind.BOOLEAN, CriterionKind.THRESHOLD, CriterionKind.JUDGEMENT
_MISSING = Msg("not enough information: missing {inputs}")
_NOTE_2026 = Msg(
    "Luật 06/2026/QH16 amends the Law on Emulation and Commendation; its content and"
    " effective date are not confirmed, so this answer may not reflect it"
)


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


def _notes(on: date) -> tuple[Label, ...]:
    return (_NOTE_2026,) if on >= LAW_2026_WATCH else ()


def _law_rules(day: date, rules: AwardRules[Any]) -> None:
    if not isinstance(day, date):
        raise InputError("date", day, Msg("expected a date"))
    if not rules.covers(day):
        raise RuleSetNotFound(
            f"{rules.id}: antq covers these rules from {LAW06_FROM.isoformat()} (Luật"
            f" 06/2022/QH15) with no end date; it has no rules of the earlier law for them"
            f" (got {day.isoformat()})"
        )


def _optional_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise InputError(
            field_path(instance, attribute.name), value, Msg("must be True, False or None")
        )


def _optional_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(
            field_path(instance, attribute.name), value, Msg("must be an int >= 0 or None")
        )


def _pending_set(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, frozenset) or not all(isinstance(v, PendingMatter) for v in value):
        raise InputError(
            field_path(instance, attribute.name), value, Msg("must be a frozenset of PendingMatter")
        )


# --- Nghị định 152/2025 Điều 4 (from 01/07/2025) ---------------------------------------------

_C_ND152 = cite(ND152, 4)
_DEFERRING_152: Final = frozenset(
    {
        PendingMatter.DISCIPLINARY_REVIEW,
        PendingMatter.INVESTIGATION,
        PendingMatter.INSPECTION_OR_EXAMINATION,
        PendingMatter.COMPLAINT_OR_DENUNCIATION,
        PendingMatter.PRESS_VERIFICATION,
    }
)
_BEFORE_152 = Msg(
    "Nghị định 152/2025/NĐ-CP applies from {date}; antq does not know the rule before that date"
)


def _deferral(on: date, pending: frozenset[PendingMatter] | None) -> Finding:
    if on < ND152_FROM:
        return _found(Outcome.NOT_APPLICABLE, _BEFORE_152, date=ND152_FROM)
    if pending is None:
        return _unknown("pending")
    blocking = pending & _DEFERRING_152
    if blocking:
        return _found(
            Outcome.NOT_MET,
            Msg("no award while {matters}; it may be considered after the conclusion"),
            matters=_labels(blocking),
        )
    return _found(Outcome.MET, Msg("nothing pending that defers the award"))


def _discipline(on: date, periods: tuple[Period, ...] | None) -> Finding:
    if on < ND152_FROM:
        return _found(Outcome.NOT_APPLICABLE, _BEFORE_152, date=ND152_FROM)
    if periods is None:
        return _unknown("discipline")
    running = running_discipline(periods, on)
    if running is not None and running.end == date.max:  # no day after it can be written
        return _found(
            Outcome.NOT_MET,
            Msg("a discipline period runs until {end}: no achievement counts while it runs"),
            end=running.end,
        )
    if running is not None:
        return _found(
            Outcome.NOT_MET,
            Msg("a discipline period runs until {end}: achievements count only from {start}"),
            end=running.end,
            start=running.end + _ONE_DAY,
        )
    restart = discipline_restart(periods, on)
    if restart is None:
        return _found(Outcome.MET, Msg("no discipline period recorded"))
    return _found(
        Outcome.MET,
        Msg("the last discipline period ended on {end}: achievements count from {start}"),
        end=restart - _ONE_DAY,
        start=restart,
    )


# --- Điều 27: Tập thể lao động xuất sắc / Đơn vị quyết thắng -----------------------------------


def _collective_title(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in (AwardForm.TAP_THE_LAO_DONG_XUAT_SAC, AwardForm.DON_VI_QUYET_THANG):
        raise InputError(
            field_path(instance, attribute.name),
            value,
            Msg("must be AwardForm.TAP_THE_LAO_DONG_XUAT_SAC or AwardForm.DON_VI_QUYET_THANG"),
        )


@attrs.frozen(kw_only=True)
class CollectiveFacts:
    """A collective considered for "Tập thể lao động xuất sắc" or "Đơn vị quyết thắng".

    Member counts are whole numbers; ``members_advanced`` counts every member
    holding "Lao động tiên tiến" (or "Chiến sĩ tiên tiến"), including those who
    also became "Chiến sĩ thi đua cơ sở". None = not known.
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str | None = None
    title: AwardForm = attrs.field(
        default=AwardForm.TAP_THE_LAO_DONG_XUAT_SAC, validator=_collective_title
    )
    tasks_excellent: bool | None = attrs.field(default=None, validator=_optional_bool)
    emulation_active: bool | None = attrs.field(default=None, validator=_optional_bool)
    members: int | None = attrs.field(default=None, validator=_optional_count)
    members_completed_tasks: int | None = attrs.field(default=None, validator=_optional_count)
    members_advanced: int | None = attrs.field(default=None, validator=_optional_count)
    members_grassroots_fighters: int | None = attrs.field(default=None, validator=_optional_count)
    solidarity_exemplary: bool | None = attrs.field(default=None, validator=_optional_bool)
    dvqt_other_standard: bool | None = attrs.field(default=None, validator=_optional_bool)
    pending: frozenset[PendingMatter] | None = attrs.field(default=None, validator=_pending_set)

    def __attrs_post_init__(self) -> None:
        if self.members == 0:
            raise InputError(
                field_path(self, "members"), 0, Msg("a collective has at least one member")
            )
        for name in ("members_completed_tasks", "members_advanced", "members_grassroots_fighters"):
            value = getattr(self, name)
            if value is not None and self.members is not None and value > self.members:
                raise InputError(
                    field_path(self, name),
                    value,
                    Msg("more than the {members} members"),
                    params={"members": self.members},
                )


@attrs.frozen(kw_only=True)
class CollectiveContext:
    facts: CollectiveFacts
    on: date
    params: Mapping[str, object]


_ONLY_DVQT = Msg("this point belongs to the standard of Đơn vị quyết thắng only")
_NOT_DVQT = Msg("the standard of Đơn vị quyết thắng does not include this point")


def _collective_judgement(name: str, yes: Label, no: Label, *, dvqt: bool | None) -> Any:
    # dvqt: True = this point is only for Đơn vị quyết thắng, False = not for it, None = both.
    def check(ctx: CollectiveContext) -> Finding:
        is_dvqt = ctx.facts.title is AwardForm.DON_VI_QUYET_THANG
        if dvqt is True and not is_dvqt:
            return _found(Outcome.NOT_APPLICABLE, _ONLY_DVQT)
        if dvqt is False and is_dvqt:
            return _found(Outcome.NOT_APPLICABLE, _NOT_DVQT)
        value = getattr(ctx.facts, name)
        if value is None:
            return _unknown(name)
        return _found(Outcome.MET if value else Outcome.NOT_MET, yes if value else no)

    return check


def _check_all_completed(ctx: CollectiveContext) -> Finding:
    f = ctx.facts
    if f.title is AwardForm.DON_VI_QUYET_THANG:
        return _found(Outcome.NOT_APPLICABLE, _NOT_DVQT)
    missing = [n for n in ("members", "members_completed_tasks") if getattr(f, n) is None]
    if missing:
        return _unknown(*missing)
    assert f.members is not None and f.members_completed_tasks is not None
    params: dict[str, Param] = {"done": f.members_completed_tasks, "members": f.members}
    if f.members_completed_tasks == f.members:
        return _found(
            Outcome.MET, Msg("{done} of {members} members completed their tasks"), **params
        )
    return _found(
        Outcome.NOT_MET,
        Msg("only {done} of {members} members completed their tasks; all are required"),
        **params,
    )


_AT_LEAST_70 = (Threshold.at_least(70),)


def _check_advanced_share(ctx: CollectiveContext) -> Finding:
    f = ctx.facts
    if f.title is AwardForm.DON_VI_QUYET_THANG:
        return _found(Outcome.NOT_APPLICABLE, _NOT_DVQT)
    missing = [n for n in ("members", "members_advanced") if getattr(f, n) is None]
    if missing:
        return _unknown(*missing)
    assert f.members is not None and f.members_advanced is not None
    share = Percent(numerator=f.members_advanced, denominator=f.members, thresholds=_AT_LEAST_70)
    params: dict[str, Param] = {
        "advanced": f.members_advanced,
        "members": f.members,
        "share": share,
    }
    if 100 * f.members_advanced >= 70 * f.members:
        return _found(
            Outcome.MET,
            Msg(
                "{advanced} of {members} members hold Lao động tiên tiến ({share}); the minimum is 70%"
            ),
            **params,
        )
    needed = -(-70 * f.members // 100) - f.members_advanced
    return _found(
        Outcome.NOT_MET,
        Msg(
            "{advanced} of {members} members hold Lao động tiên tiến ({share}); the minimum"
            " is 70%: {needed} more needed"
        ),
        needed=needed,
        **params,
    )


def _check_fighter(ctx: CollectiveContext) -> Finding:
    count = ctx.facts.members_grassroots_fighters
    if count is None:
        return _unknown("members_grassroots_fighters")
    if count >= 1:
        return _found(
            Outcome.MET, Msg("{count} member(s) hold Chiến sĩ thi đua cơ sở"), count=count
        )
    return _found(Outcome.NOT_MET, Msg("no member holds Chiến sĩ thi đua cơ sở"))


def _check_collective_deferral(ctx: CollectiveContext) -> Finding:
    return _deferral(ctx.on, ctx.facts.pending)


_C27 = cite(LAW06, 27)


def _c27(
    id: str,
    title: Label,
    kind: CriterionKind,
    check: Any,
    inputs: tuple[str, ...],
    *,
    judgement: bool = False,
    confirmation: Confirmation = Confirmation.CONFIRMED,
    note: Label | None = None,
    citation: Citation = _C27,
) -> Condition[CollectiveContext]:
    return Condition(
        id=id,
        title=title,
        citation=citation,
        kind=kind,
        check=check,
        inputs=inputs,
        judgements=inputs if judgement else (),
        confirmation=confirmation,
        note=note,
    )


LAW06_ART27: Final[AwardRules[CollectiveContext]] = AwardRules(
    id="law06.art27",
    award=AwardForm.TAP_THE_LAO_DONG_XUAT_SAC,
    subject=Subject.COLLECTIVE,
    title=Msg("Tập thể lao động xuất sắc (Law on Emulation and Commendation, Article 27)"),
    instrument=LAW06,
    citation=_C27,
    date_role=DateRole.CONSIDERATION,
    valid_from=LAW06_FROM,
    conditions=(
        _c27(
            "law06.art27.a",
            Msg("(a) Completed the assigned tasks excellently"),
            _J,
            _collective_judgement(
                "tasks_excellent",
                Msg("the collective completed its tasks excellently"),
                Msg("the collective did not complete its tasks excellently"),
                dvqt=None,
            ),
            ("tasks_excellent",),
            judgement=True,
        ),
        _c27(
            "law06.art27.b",
            Msg("(b) Took an active part in regular, practical and effective emulation movements"),
            _J,
            _collective_judgement(
                "emulation_active",
                Msg("the collective took an active part in emulation"),
                Msg("the collective did not take an active part in emulation"),
                dvqt=None,
            ),
            ("emulation_active",),
            judgement=True,
        ),
        _c27(
            "law06.art27.c-tasks",
            Msg("(c) Every member completed the assigned tasks"),
            _T,
            _check_all_completed,
            ("members", "members_completed_tasks"),
        ),
        _c27(
            "law06.art27.c-advanced",
            Msg("(c) At least 70 percent of members hold Lao động tiên tiến"),
            _T,
            _check_advanced_share,
            ("members", "members_advanced"),
        ),
        _c27(
            "law06.art27.d",
            Msg("(d) At least one member holds Chiến sĩ thi đua cơ sở"),
            _T,
            _check_fighter,
            ("members_grassroots_fighters",),
        ),
        _c27(
            "law06.art27.dd",
            Msg(
                "(đ) Internal solidarity; exemplary compliance with Party guidelines and State law"
            ),
            _J,
            _collective_judgement(
                "solidarity_exemplary",
                Msg("the collective is united and complies in an exemplary way"),
                Msg("the collective is not united or does not comply in an exemplary way"),
                dvqt=False,
            ),
            ("solidarity_exemplary",),
            judgement=True,
        ),
        _c27(
            "law06.dvqt.other",
            Msg("Đơn vị quyết thắng: the further standard whose text is not available to antq"),
            _J,
            _collective_judgement(
                "dvqt_other_standard",
                Msg("the assessor found the further standard met"),
                Msg("the assessor found the further standard not met"),
                dvqt=True,
            ),
            ("dvqt_other_standard",),
            judgement=True,
            confirmation=Confirmation.PARTIAL,
            note=Msg(
                "Đơn vị quyết thắng uses points a, b and d of Article 27 and one more point,"
                " whose text is not available to antq: the assessor's finding is required"
            ),
        ),
        _c27(
            "nd152.deferral",
            Msg(
                "No award while a disciplinary review, investigation, inspection, complaint or press verification is pending"
            ),
            _B,
            _check_collective_deferral,
            ("pending",),
            citation=_C_ND152,
        ),
    ),
    notes=(
        Msg(
            "The Law sets no cap on this title; sectors may (the cap inside the police is not"
            " confirmed), and a cap is not checked here"
        ),
    ),
)


def excellent_collective_eligibility(
    facts: CollectiveFacts,
    considered_on: date,
    *,
    rules: AwardRules[CollectiveContext] | None = None,
) -> Eligibility:
    """Whether ``facts`` meets Điều 27 (or the known part of Đơn vị quyết thắng) on ``considered_on``."""
    if not isinstance(facts, CollectiveFacts):
        raise InputError("facts", facts, Msg("expected CollectiveFacts"))
    chosen = rules if rules is not None else LAW06_ART27
    _law_rules(considered_on, chosen)
    context = CollectiveContext(facts=facts, on=considered_on, params=chosen.resolved_parameters())
    answer = chosen.answer(
        context,
        subject_id=facts.id,
        name=facts.name,
        on=considered_on,
        notes=_notes(considered_on),
    )
    return attrs.evolve(answer, award=facts.title)


# --- Điều 74 khoản 1 điểm d: the individual baseline for a ministry-level Bằng khen -------------


class InitiativeKind(CodedEnum):
    """What was recognised: an initiative, or a science work."""

    INITIATIVE = ("initiative", "sáng kiến", "initiative")
    SCIENCE_WORK = (
        "science_work",
        "đề tài, đề án, công trình khoa học",
        "science work (project, scheme or scientific work)",
    )


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        raise InputError(
            field_path(instance, attribute.name), value, Msg("must be a year from 2000 to 2100")
        )


@attrs.frozen(kw_only=True)
class YearRecord:
    """One emulation year of a person: the CSTĐCS title and the task grade (None = not known)."""

    year: int = attrs.field(validator=_year)
    grassroots_fighter: bool | None = attrs.field(default=None, validator=_optional_bool)
    grade: TaskGrade | None = attrs.field(
        default=None, validator=member_of(TaskGrade, optional=True)
    )


@attrs.frozen(kw_only=True)
class Initiative:
    """An initiative or science work recognised in ``year``; applied at grassroots scope or not."""

    year: int = attrs.field(validator=_year)
    kind: InitiativeKind = attrs.field(validator=member_of(InitiativeKind))
    applied_at_grassroots: bool | None = attrs.field(default=None, validator=_optional_bool)


def _records(kind: type) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        path = field_path(instance, attribute.name)
        if not isinstance(value, tuple):
            raise InputError(
                path,
                value,
                Msg("must be a tuple of {type} or None"),
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


@attrs.frozen(kw_only=True)
class IndividualRecord:
    """A person's record for Điều 74 khoản 1 điểm d.

    ``years`` is the person's whole record: a year left out counts as a year
    without the title and without the grade (list it with None values when it is
    not known). ``discipline`` lists discipline periods, both bounds inclusive.
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str | None = None
    years: tuple[YearRecord, ...] | None = attrs.field(default=None, validator=_records(YearRecord))
    initiatives: tuple[Initiative, ...] | None = attrs.field(
        default=None, validator=_records(Initiative)
    )
    pending: frozenset[PendingMatter] | None = attrs.field(default=None, validator=_pending_set)
    discipline: tuple[Period, ...] | None = attrs.field(default=None, validator=_records(Period))

    def __attrs_post_init__(self) -> None:
        seen: set[int] = set()
        for i, record in enumerate(self.years or ()):
            if record.year in seen:
                raise InputError(
                    f"IndividualRecord.years[{i}].year", record.year, Msg("year listed twice")
                )
            seen.add(record.year)


@attrs.frozen(kw_only=True)
class IndividualContext:
    record: IndividualRecord
    on: date
    params: Mapping[str, object]

    def counted_years(self) -> tuple[set[int], set[int], list[str]]:
        """Years whose achievements count (low, high), and what is missing to know.

        From 01/07/2025 a year counts only if it starts after the last discipline
        period ended (NĐ 152/2025 Điều 4; calendar years are antq's reading).
        """
        years = {r.year for r in self.record.years or ()}
        if self.on < ND152_FROM:
            return years, years, []
        periods = self.record.discipline
        if periods is None:
            return set(), years, ["discipline"]
        restart = discipline_restart(periods, self.on)
        if restart is None:
            return years, years, []
        kept = {y for y in years if date(y, 1, 1) >= restart}
        return kept, kept, []


def _year_text(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _runs(years: set[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for year in sorted(years):
        if runs and runs[-1][1] + 1 == year:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def _check_fighter_twice(ctx: IndividualContext) -> Finding:
    records = ctx.record.years
    if records is None:
        return _unknown("years")
    low_years, high_years, missing = ctx.counted_years()
    low = {r.year for r in records if r.grassroots_fighter is True and r.year in low_years}
    high = {r.year for r in records if r.grassroots_fighter is not False and r.year in high_years}
    pairs = [run for run in _runs(low) if run[1] > run[0]]
    if pairs:
        first = pairs[-1][1] - 1
        return _found(
            Outcome.MET,
            Msg("Chiến sĩ thi đua cơ sở in {first} and {second}"),
            first=str(first),
            second=str(first + 1),
        )
    if not any(run[1] > run[0] for run in _runs(high)):
        return _found(Outcome.NOT_MET, Msg("not Chiến sĩ thi đua cơ sở in two consecutive years"))
    unknown = [
        f"years[{i}].grassroots_fighter"
        for i, r in enumerate(records)
        if r.grassroots_fighter is None and r.year in high_years
    ]
    return _unknown(*unknown, *missing)


_EXCELLENT = TaskGrade.HOAN_THANH_XUAT_SAC


def _excellent_runs(
    ctx: IndividualContext,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[str]]:
    records = ctx.record.years or ()
    low_years, high_years, missing = ctx.counted_years()
    low = {r.year for r in records if r.grade is _EXCELLENT and r.year in low_years}
    high = {r.year for r in records if r.grade in (None, _EXCELLENT) and r.year in high_years}
    unknown = [f"years[{i}].grade" for i, r in enumerate(records) if r.grade is None]
    return (
        [run for run in _runs(low) if run[1] > run[0]],
        [run for run in _runs(high) if run[1] > run[0]],
        unknown + missing,
    )


def _check_excellent_years(ctx: IndividualContext) -> Finding:
    if ctx.record.years is None:
        return _unknown("years")
    low, high, missing = _excellent_runs(ctx)
    if low:
        first, last = low[-1]
        return _found(
            Outcome.MET,
            Msg("rated hoàn thành xuất sắc nhiệm vụ in {years}"),
            years=_year_text(first, last),
        )
    if not high:
        return _found(
            Outcome.NOT_MET,
            Msg("not rated hoàn thành xuất sắc nhiệm vụ in two consecutive years"),
        )
    return _unknown(*missing)


P_MIXED: Final[Parameter[str]] = Parameter(
    name="law06_mixed_initiatives",
    label=Msg(
        "Whether one initiative and one science work together meet Article 74(1)(d)"
        " of the Law on Emulation and Commendation"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=("counted", "not_counted"),
    citation=cite(LAW06, 74, 1, "d"),
)


def _enough(initiatives: int, works: int, mixed: object) -> bool | None:
    if initiatives >= 2 or works >= 2:
        return True
    if initiatives + works < 2:
        return False
    return None if mixed is None else mixed == "counted"


def _check_initiatives(ctx: IndividualContext) -> Finding:
    given = ctx.record.initiatives
    if given is None:
        return _unknown("initiatives")
    low_runs, high_runs, missing = _excellent_runs(ctx)
    mixed = ctx.params.get(P_MIXED.name)

    def tally(run: tuple[int, int], *, optimistic: bool) -> tuple[int, int]:
        chosen = [
            i
            for i in given
            if run[0] <= i.year <= run[1]
            and (
                i.applied_at_grassroots is True or (optimistic and i.applied_at_grassroots is None)
            )
        ]
        return (
            sum(i.kind is InitiativeKind.INITIATIVE for i in chosen),
            sum(i.kind is InitiativeKind.SCIENCE_WORK for i in chosen),
        )

    for run in low_runs:
        initiatives, works = tally(run, optimistic=False)
        if _enough(initiatives, works, mixed):
            return _found(
                Outcome.MET,
                Msg("{initiatives} initiative(s) and {works} science work(s) applied in {years}"),
                initiatives=initiatives,
                works=works,
                years=_year_text(*run),
            )
    possible = [_enough(*tally(run, optimistic=True), mixed) for run in high_runs]
    if all(p is False for p in possible):
        return _found(
            Outcome.NOT_MET,
            Msg(
                "fewer than two initiatives, or two science works, recognised and applied in those years"
            ),
        )
    unknown = [
        f"initiatives[{i}].applied_at_grassroots"
        for i, item in enumerate(given)
        if item.applied_at_grassroots is None
    ]
    if None in possible:
        unknown.append(f"parameter:{P_MIXED.name}")
    return _unknown(*dict.fromkeys([*unknown, *missing]))


def _check_individual_deferral(ctx: IndividualContext) -> Finding:
    return _deferral(ctx.on, ctx.record.pending)


def _check_individual_discipline(ctx: IndividualContext) -> Finding:
    return _discipline(ctx.on, ctx.record.discipline)


_C74 = cite(LAW06, 74, 1, "d")


def _c74(
    id: str,
    title: Label,
    kind: CriterionKind,
    check: Any,
    inputs: tuple[str, ...],
    *,
    citation: Citation = _C74,
    parameters: tuple[Parameter[Any], ...] = (),
    note: Label | None = None,
) -> Condition[IndividualContext]:
    return Condition(
        id=id,
        title=title,
        citation=citation,
        kind=kind,
        check=check,
        inputs=inputs,
        parameters=parameters,
        note=note,
    )


LAW06_ART74: Final[AwardRules[IndividualContext]] = AwardRules(
    id="law06.art74-1-d",
    award=AwardForm.BANG_KHEN_BO_TINH,
    subject=Subject.PERSON,
    title=Msg(
        "Bằng khen of a ministry, sector or province: the individual standard of Article 74(1)(d)"
    ),
    instrument=LAW06,
    citation=_C74,
    date_role=DateRole.CONSIDERATION,
    valid_from=LAW06_FROM,
    conditions=(
        _c74(
            "nd152.deferral",
            Msg(
                "No award while a disciplinary review, investigation, inspection, complaint or press verification is pending"
            ),
            _B,
            _check_individual_deferral,
            ("pending",),
            citation=_C_ND152,
        ),
        _c74(
            "nd152.discipline",
            Msg("After discipline, achievements count from the end of the discipline period"),
            _B,
            _check_individual_discipline,
            ("discipline",),
            citation=_C_ND152,
            note=Msg(
                "antq counts an emulation year only if it starts after the discipline period ended"
            ),
        ),
    ),
    routes=(
        RouteDefinition(
            id="fighter-twice",
            title=Msg("Two consecutive Chiến sĩ thi đua cơ sở titles"),
            conditions=(
                _c74(
                    "law06.art74.d-fighter",
                    Msg("Chiến sĩ thi đua cơ sở in two consecutive years"),
                    _T,
                    _check_fighter_twice,
                    ("years", "discipline"),
                ),
            ),
        ),
        RouteDefinition(
            id="excellent-years",
            title=Msg(
                "Two consecutive years rated hoàn thành xuất sắc nhiệm vụ with two initiatives"
            ),
            conditions=(
                _c74(
                    "law06.art74.d-excellent-years",
                    Msg("At least two consecutive years rated hoàn thành xuất sắc nhiệm vụ"),
                    _T,
                    _check_excellent_years,
                    ("years", "discipline"),
                ),
                _c74(
                    "law06.art74.d-initiatives",
                    Msg(
                        "Two initiatives, or two science works, recognised and applied at grassroots scope in those years"
                    ),
                    _T,
                    _check_initiatives,
                    ("initiatives", "years"),
                    parameters=(P_MIXED,),
                ),
            ),
        ),
    ),
    notes=(
        Msg(
            "Only point d of Article 74(1) is encoded: the other points, and whether the"
            " Minister of Public Security's Bằng khen for the movement uses this standard,"
            " are not confirmed; not met here means not met under point d"
        ),
    ),
)


def ministry_bang_khen_eligibility(
    record: IndividualRecord,
    considered_on: date,
    *,
    rules: AwardRules[IndividualContext] | None = None,
) -> Eligibility:
    """Whether ``record`` meets Điều 74 khoản 1 điểm d on ``considered_on``."""
    if not isinstance(record, IndividualRecord):
        raise InputError("record", record, Msg("expected an IndividualRecord"))
    chosen = rules if rules is not None else LAW06_ART74
    _law_rules(considered_on, chosen)
    for i, year in enumerate(record.years or ()):
        if year.year > considered_on.year:
            raise InputError(
                f"IndividualRecord.years[{i}].year", year.year, Msg("after the consideration date")
            )
    context = IndividualContext(
        record=record, on=considered_on, params=chosen.resolved_parameters()
    )
    return chosen.answer(
        context,
        subject_id=record.id,
        name=record.name,
        on=considered_on,
        notes=_notes(considered_on),
    )


# --- Điều 80: who may award what ----------------------------------------------------------------


class AwardingAuthority(CodedEnum):
    """Who decides an award."""

    MINISTRY_UNIT_HEAD = (
        "ministry_unit_head",
        "Thủ trưởng đơn vị có tư cách pháp nhân thuộc bộ; thủ trưởng cơ quan chuyên môn cấp tỉnh",
        "head of a unit with legal personality under a ministry, or of a provincial department",
    )
    DISTRICT_CHAIRMAN = (
        "district_chairman",
        "Chủ tịch Ủy ban nhân dân cấp huyện",
        "chairman of the district People's Committee",
    )
    COMMUNE_CHAIRMAN = (
        "commune_chairman",
        "Chủ tịch Ủy ban nhân dân cấp xã",
        "chairman of the commune People's Committee",
    )
    ENTERPRISE_DIRECTOR = (
        "enterprise_director",
        "Giám đốc doanh nghiệp, hợp tác xã",
        "director of an enterprise or cooperative",
    )
    BOARD_CHAIR = (
        "board_chair",
        "Chủ tịch Hội đồng quản trị, Hội đồng thành viên",
        "chair of a board of directors or members' council",
    )
    POLICE = (
        "police",
        "cấp có thẩm quyền trong Công an nhân dân",
        "the competent level in the People's Public Security",
    )
    MINISTER_OR_PROVINCIAL_CHAIRMAN = (
        "minister_or_provincial_chairman",
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân cấp tỉnh",
        "minister, head of a central body, or provincial chairman",
    )
    MINISTER_OF_PUBLIC_SECURITY = (
        "minister_of_public_security",
        "Bộ trưởng Bộ Công an",
        "Minister of Public Security",
    )
    DISTRICT_SUCCESSOR = (
        "district_successor",
        "cơ quan tiếp nhận thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện",
        "whoever took over the district chairman's powers",
    )
    # The higher tiers and the police heads of the ladder before 2014 (addendum §8.2-8.3).
    PRESIDENT = ("president", "Chủ tịch nước", "President")
    GOVERNMENT = ("government", "Chính phủ", "the Government")
    PRIME_MINISTER = ("prime_minister", "Thủ tướng Chính phủ", "Prime Minister")
    PROVINCIAL_POLICE_DIRECTOR = (
        "provincial_police_director",
        "Giám đốc Công an tỉnh, thành phố trực thuộc Trung ương",
        "director of a provincial or centrally-run city police",
    )
    DISTRICT_POLICE_CHIEF = (
        "district_police_chief",
        "Trưởng Công an quận, huyện",
        "head of a district police",
    )


@attrs.frozen(kw_only=True)
class AwardingPower:
    """One row of who may award what, with its dates (inclusive) and citation.

    ``unsettled`` marks a power that exists but whose holder is not confirmed:
    its forms get UNKNOWN, never MET.
    """

    id: str
    authority: AwardingAuthority
    forms: frozenset[AwardForm]
    citation: Citation
    confirmation: Confirmation = Confirmation.CONFIRMED
    valid_from: date | None = None
    valid_to: date | None = None
    unsettled: bool = False
    note: Label | None = None
    #: Shown after the authority's name, e.g. the circular of the power.
    qualifier: str | None = None

    @property
    def title(self) -> Text:
        """The authority's name, with the qualifier if any."""
        extra = f" ({self.qualifier})" if self.qualifier else ""
        return Text(vi=self.authority.label_vi + extra, en=self.authority.label_en + extra)


_A = AwardForm
_DISTRICT_FORMS = frozenset(
    {
        _A.THON_TO_DAN_PHO_VAN_HOA,
        _A.TAP_THE_LAO_DONG_TIEN_TIEN,
        _A.CHIEN_SI_THI_DUA_CO_SO,
        _A.LAO_DONG_TIEN_TIEN,
        _A.GIAY_KHEN,
    }
)

#: Who may award what: Luật 06/2022/QH15 Điều 80 (and the circulars for the medal).
AWARDING_POWERS: Final[tuple[AwardingPower, ...]] = (
    AwardingPower(
        id="ministry-unit-head",
        authority=AwardingAuthority.MINISTRY_UNIT_HEAD,
        forms=frozenset(
            {
                _A.TAP_THE_LAO_DONG_TIEN_TIEN,
                _A.CHIEN_SI_THI_DUA_CO_SO,
                _A.LAO_DONG_TIEN_TIEN,
                _A.GIAY_KHEN,
            }
        ),
        citation=cite(LAW06, 80),
    ),
    AwardingPower(
        id="district-chairman",
        authority=AwardingAuthority.DISTRICT_CHAIRMAN,
        forms=_DISTRICT_FORMS,
        citation=cite(LAW06, 80, 2),
        valid_to=LAST_DISTRICT_DAY,
        note=Msg("the district level ended on 30/06/2025 with the two-tier local government"),
    ),
    AwardingPower(
        id="commune-chairman",
        authority=AwardingAuthority.COMMUNE_CHAIRMAN,
        forms=frozenset({_A.LAO_DONG_TIEN_TIEN, _A.GIAY_KHEN, _A.GIA_DINH_VAN_HOA}),
        citation=cite(LAW06, 80, 3),
    ),
    AwardingPower(
        id="enterprise-director",
        authority=AwardingAuthority.ENTERPRISE_DIRECTOR,
        forms=frozenset(
            {
                _A.TAP_THE_LAO_DONG_TIEN_TIEN,
                _A.CHIEN_SI_THI_DUA_CO_SO,
                _A.LAO_DONG_TIEN_TIEN,
                _A.GIAY_KHEN,
            }
        ),
        citation=cite(LAW06, 80),
    ),
    AwardingPower(
        id="board-chair",
        authority=AwardingAuthority.BOARD_CHAIR,
        forms=frozenset({_A.GIAY_KHEN}),
        citation=cite(LAW06, 80),
    ),
    AwardingPower(
        id="police",
        authority=AwardingAuthority.POLICE,
        forms=frozenset(
            {
                _A.DON_VI_TIEN_TIEN,
                _A.TAP_THE_LAO_DONG_TIEN_TIEN,
                _A.CHIEN_SI_THI_DUA_CO_SO,
                _A.LAO_DONG_TIEN_TIEN,
                _A.CHIEN_SI_TIEN_TIEN,
            }
        ),
        citation=cite(LAW06, 80, 5),
        confirmation=Confirmation.PARTIAL,
        note=Msg("which police commanders exercise this power is not confirmed"),
    ),
    AwardingPower(
        id="minister-or-provincial-chairman",
        authority=AwardingAuthority.MINISTER_OR_PROVINCIAL_CHAIRMAN,
        forms=frozenset(
            {_A.TAP_THE_LAO_DONG_XUAT_SAC, _A.DON_VI_QUYET_THANG, _A.BANG_KHEN_BO_TINH}
        ),
        citation=cite(LAW06),
        confirmation=Confirmation.PARTIAL,
        note=Msg("the article giving this power is not confirmed"),
    ),
    AwardingPower(
        id="minister-of-public-security.tt11",
        authority=AwardingAuthority.MINISTER_OF_PUBLIC_SECURITY,
        forms=frozenset({_A.KY_NIEM_CHUONG_BVANTQ}),
        citation=cite(TT11),
        valid_from=TT11_FROM,
        valid_to=TT11_TO,
        qualifier="Thông tư 11/2021/TT-BCA",
    ),
    AwardingPower(
        id="minister-of-public-security.tt20",
        authority=AwardingAuthority.MINISTER_OF_PUBLIC_SECURITY,
        forms=frozenset({_A.KY_NIEM_CHUONG_BVANTQ}),
        citation=cite(TT20),
        valid_from=TT20_FROM,
        qualifier="Thông tư 20/2025/TT-BCA",
    ),
    AwardingPower(
        id="district-successor",
        authority=AwardingAuthority.DISTRICT_SUCCESSOR,
        forms=_DISTRICT_FORMS,
        citation=cite(ND152),
        confirmation=Confirmation.UNCONFIRMED,
        valid_from=ND152_FROM,
        unsettled=True,
        note=Msg(
            "Nghị định 152/2025/NĐ-CP decentralises emulation and commendation from 01/07/2025;"
            " who now holds the district chairman's powers is not confirmed"
        ),
    ),
)


@attrs.frozen(kw_only=True)
class AuthorityContext:
    award: AwardForm
    on: date


def _power_check(power: AwardingPower) -> Any:
    def check(ctx: AuthorityContext) -> Finding:
        if power.valid_from is not None and ctx.on < power.valid_from:
            if power.unsettled:
                return _found(
                    Outcome.NOT_APPLICABLE,
                    Msg("the district level still exists on this date"),
                )
            return _found(
                Outcome.NOT_MET, Msg("this power applies only from {date}"), date=power.valid_from
            )
        if power.valid_to is not None and ctx.on > power.valid_to:
            return _found(Outcome.NOT_MET, Msg("this power ended on {date}"), date=power.valid_to)
        if ctx.award not in power.forms:
            if power.unsettled:
                return _found(
                    Outcome.NOT_APPLICABLE,
                    Msg("the district chairman could not award this form either"),
                )
            return _found(
                Outcome.NOT_MET,
                Msg("{authority} may award only: {forms}"),
                authority=power.authority,
                forms=_labels(power.forms),
            )
        if power.unsettled:
            return _found(
                Outcome.UNKNOWN,
                Msg(
                    "who took over the district chairman's power to award {award} is not confirmed"
                ),
                award=ctx.award,
            )
        return _found(
            Outcome.MET,
            Msg("{authority} may award {award}"),
            authority=power.authority,
            award=ctx.award,
        )

    return check


_POWER_TITLE = Msg("Power to award this form on the decision date")


def _power_route(power: AwardingPower) -> RouteDefinition[AuthorityContext]:
    return RouteDefinition(
        id=power.id,
        title=power.title,
        conditions=(
            Condition(
                id=f"award-power.{power.id}",
                title=_POWER_TITLE,
                citation=power.citation,
                kind=_B,
                check=_power_check(power),
                confirmation=power.confirmation,
                note=power.note,
            ),
        ),
    )


LAW06_ART80: Final[AwardRules[AuthorityContext]] = AwardRules(
    id="law06.art80",
    award=AwardForm.GIAY_KHEN,
    subject=Subject.AWARD,
    title=Msg("Who may award a form (Law on Emulation and Commendation, Article 80)"),
    instrument=LAW06,
    citation=cite(LAW06, 80),
    date_role=DateRole.DECISION,
    valid_from=LAW06_FROM,
    routes=tuple(_power_route(p) for p in AWARDING_POWERS),
)

#: The Law 06/2022 rule sets.
LAW06_RULES: Final = (LAW06_ART27, LAW06_ART74, LAW06_ART80)


def awarding_authorities(
    award: AwardForm, decided_on: date, *, rules: AwardRules[AuthorityContext] | None = None
) -> Eligibility:
    """Who may award ``award`` on ``decided_on``: one route per authority, MET where it may.

    :meth:`Eligibility.met_routes` lists the powers that apply; the answer is
    UNKNOWN when only an unconfirmed successor could.
    """
    if not isinstance(award, AwardForm):
        raise InputError("award", award, Msg("expected an AwardForm"))
    if rules is None and isinstance(decided_on, date) and decided_on < LAW06_FROM:
        # Before Law 06/2022: the dated table of the law then in force.
        from antq.emulation.awards.law15 import authority_before_2024

        return authority_before_2024(award, decided_on)
    chosen = rules if rules is not None else LAW06_ART80
    _law_rules(decided_on, chosen)
    if not any(award in p.forms for p in AWARDING_POWERS):
        raise InputError(
            "award",
            award.code,
            Msg("Luật 06/2022/QH15 Điều 80, as antq holds it, does not name who awards this form"),
        )
    answer = chosen.answer(
        AuthorityContext(award=award, on=decided_on),
        subject_id=award.code,
        on=decided_on,
        notes=_notes(decided_on),
    )
    return attrs.evolve(answer, award=award)


# --- reading a facts document ---------------------------------------------------------------------

COLLECTIVE_KEYS: Final = (
    "id",
    "name",
    "considered_on",
    "title",
    "tasks_excellent",
    "emulation_active",
    "members",
    "members_completed_tasks",
    "members_advanced",
    "members_grassroots_fighters",
    "solidarity_exemplary",
    "dvqt_other_standard",
    "pending",
)
BANG_KHEN_KEYS: Final = (
    "id",
    "name",
    "considered_on",
    "years",
    "initiatives",
    "pending",
    "discipline",
)


def read_collective_request(raw: object, path: str) -> tuple[CollectiveFacts, date]:
    """One entry of the ``excellent_collective`` section: the facts and consideration date."""
    f = Fields(raw, path, COLLECTIVE_KEYS)
    on = f.must_day("considered_on")
    facts = rooted(
        path,
        lambda: CollectiveFacts(
            id=f.must_text("id"),
            name=f.text("name"),
            title=f.code("title", AwardForm, default=AwardForm.TAP_THE_LAO_DONG_XUAT_SAC)
            or AwardForm.TAP_THE_LAO_DONG_XUAT_SAC,
            tasks_excellent=f.flag("tasks_excellent"),
            emulation_active=f.flag("emulation_active"),
            members=f.count("members"),
            members_completed_tasks=f.count("members_completed_tasks"),
            members_advanced=f.count("members_advanced"),
            members_grassroots_fighters=f.count("members_grassroots_fighters"),
            solidarity_exemplary=f.flag("solidarity_exemplary"),
            dvqt_other_standard=f.flag("dvqt_other_standard"),
            pending=f.codes("pending", PendingMatter),
        ),
    )
    return facts, on


def _year_record(path: str, raw: object) -> YearRecord:
    f = Fields(raw, path, ("year", "grassroots_fighter", "grade"))
    return rooted(
        path,
        lambda: YearRecord(
            year=f.count("year", required=True) or 0,
            grassroots_fighter=f.flag("grassroots_fighter"),
            grade=f.code("grade", TaskGrade),
        ),
    )


def _initiative(path: str, raw: object) -> Initiative:
    f = Fields(raw, path, ("year", "kind", "applied_at_grassroots"))
    return rooted(
        path,
        lambda: Initiative(
            year=f.count("year", required=True) or 0,
            kind=f.must_code("kind", InitiativeKind),
            applied_at_grassroots=f.flag("applied_at_grassroots"),
        ),
    )


def read_bang_khen_request(raw: object, path: str) -> tuple[IndividualRecord, date]:
    """One entry of the ``ministry_bang_khen`` section: the record and consideration date."""
    f = Fields(raw, path, BANG_KHEN_KEYS)
    on = f.must_day("considered_on")
    years = f.items("years")
    initiatives = f.items("initiatives")
    record = rooted(
        path,
        lambda: IndividualRecord(
            id=f.must_text("id"),
            name=f.text("name"),
            years=None if years is None else tuple(_year_record(p, r) for p, r in years),
            initiatives=None
            if initiatives is None
            else tuple(_initiative(p, r) for p, r in initiatives),
            pending=f.codes("pending", PendingMatter),
            discipline=f.periods("discipline"),
        ),
    )
    return record, on


def read_authority_request(raw: object, path: str) -> tuple[AwardForm, date]:
    """One entry of the ``authority`` section: ``{"award": CODE, "on": DATE}``."""
    f = Fields(raw, path, ("award", "on"))
    return f.must_code("award", AwardForm), f.must_day("on")
