"""Luật Thi đua, khen thưởng 06/2022/QH15 Điều 74 khoản 1 điểm d: a ministry's Bằng khen.

The individual standard for a Bằng khen of a ministry, sector or province: two
consecutive "Chiến sĩ thi đua cơ sở" titles, or at least two consecutive years
rated "hoàn thành xuất sắc nhiệm vụ" with two initiatives (or two science works)
recognised and applied at grassroots scope in that time. The other points of
Điều 74 khoản 1 are not available to antq, so NOT_MET means "does not meet
point d", not "cannot receive a Bằng khen". From 01/07/2025 Nghị định
152/2025/NĐ-CP Điều 4 defers the award while a matter is pending and counts
achievements only after discipline.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

import attrs

from antq.core.criterion import CriterionKind, Finding, Parameter
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.emulation.awards.eligibility import (
    AwardForm,
    AwardRules,
    DateRole,
    Eligibility,
    PendingMatter,
    RouteDefinition,
    Subject,
    condition,
    discipline_restart,
)
from antq.emulation.awards.findings import found, unknown
from antq.emulation.awards.instruments import LAW06, LAW06_FROM, ND152_FROM
from antq.emulation.awards.law06._in_force import check_covered, notes
from antq.emulation.awards.law06.nd152_2025 import deferral_condition, discipline_condition
from antq.emulation.awards.validators import optional_bool, set_of, tuple_of
from antq.entities.grades import TaskGrade
from antq.entities.validators import field_path, member_of, non_empty_str
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.law.citation import cite
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum

__all__ = [
    "LAW06_ART74",
    "P_MIXED",
    "IndividualContext",
    "IndividualRecord",
    "Initiative",
    "InitiativeKind",
    "YearRecord",
    "ministry_bang_khen_eligibility",
]

_T = CriterionKind.THRESHOLD
_C74 = cite(LAW06, 74, 1, "d")


class InitiativeKind(CodedEnum):
    """What was recognised: an initiative, or a science work."""

    # The name JSON answers give the vocabulary, from before the module was split.
    __module__ = "antq.emulation.awards.law06"

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
    grassroots_fighter: bool | None = attrs.field(default=None, validator=optional_bool)
    grade: TaskGrade | None = attrs.field(
        default=None, validator=member_of(TaskGrade, optional=True)
    )


@attrs.frozen(kw_only=True)
class Initiative:
    """An initiative or science work recognised in ``year``; applied at grassroots scope or not."""

    year: int = attrs.field(validator=_year)
    kind: InitiativeKind = attrs.field(validator=member_of(InitiativeKind))
    applied_at_grassroots: bool | None = attrs.field(default=None, validator=optional_bool)


@attrs.frozen(kw_only=True)
class IndividualRecord:
    """A person's record for Điều 74 khoản 1 điểm d.

    ``years`` is the person's whole record: a year left out counts as a year
    without the title and without the grade (list it with None values when it is
    not known). ``discipline`` lists discipline periods, both bounds inclusive.
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str | None = None
    years: tuple[YearRecord, ...] | None = attrs.field(default=None, validator=tuple_of(YearRecord))
    initiatives: tuple[Initiative, ...] | None = attrs.field(
        default=None, validator=tuple_of(Initiative)
    )
    pending: frozenset[PendingMatter] | None = attrs.field(
        default=None, validator=set_of(PendingMatter)
    )
    discipline: tuple[Period, ...] | None = attrs.field(default=None, validator=tuple_of(Period))

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
        return unknown("years")
    low_years, high_years, missing = ctx.counted_years()
    low = {r.year for r in records if r.grassroots_fighter is True and r.year in low_years}
    high = {r.year for r in records if r.grassroots_fighter is not False and r.year in high_years}
    pairs = [run for run in _runs(low) if run[1] > run[0]]
    if pairs:
        first = pairs[-1][1] - 1
        return found(
            Outcome.MET,
            Msg("Chiến sĩ thi đua cơ sở in {first} and {second}"),
            first=str(first),
            second=str(first + 1),
        )
    if not any(run[1] > run[0] for run in _runs(high)):
        return found(Outcome.NOT_MET, Msg("not Chiến sĩ thi đua cơ sở in two consecutive years"))
    undecided = [
        f"years[{i}].grassroots_fighter"
        for i, r in enumerate(records)
        if r.grassroots_fighter is None and r.year in high_years
    ]
    return unknown(*undecided, *missing)


_EXCELLENT = TaskGrade.HOAN_THANH_XUAT_SAC


def _excellent_runs(
    ctx: IndividualContext,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[str]]:
    records = ctx.record.years or ()
    low_years, high_years, missing = ctx.counted_years()
    low = {r.year for r in records if r.grade is _EXCELLENT and r.year in low_years}
    high = {r.year for r in records if r.grade in (None, _EXCELLENT) and r.year in high_years}
    undecided = [f"years[{i}].grade" for i, r in enumerate(records) if r.grade is None]
    return (
        [run for run in _runs(low) if run[1] > run[0]],
        [run for run in _runs(high) if run[1] > run[0]],
        undecided + missing,
    )


def _check_excellent_years(ctx: IndividualContext) -> Finding:
    if ctx.record.years is None:
        return unknown("years")
    low, high, missing = _excellent_runs(ctx)
    if low:
        first, last = low[-1]
        return found(
            Outcome.MET,
            Msg("rated hoàn thành xuất sắc nhiệm vụ in {years}"),
            years=_year_text(first, last),
        )
    if not high:
        return found(
            Outcome.NOT_MET,
            Msg("not rated hoàn thành xuất sắc nhiệm vụ in two consecutive years"),
        )
    return unknown(*missing)


P_MIXED: Final[Parameter[str]] = Parameter(
    name="law06_mixed_initiatives",
    label=Msg(
        "Whether one initiative and one science work together meet Article 74(1)(d)"
        " of the Law on Emulation and Commendation"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=("counted", "not_counted"),
    citation=_C74,
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
        return unknown("initiatives")
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
            return found(
                Outcome.MET,
                Msg("{initiatives} initiative(s) and {works} science work(s) applied in {years}"),
                initiatives=initiatives,
                works=works,
                years=_year_text(*run),
            )
    possible = [_enough(*tally(run, optimistic=True), mixed) for run in high_runs]
    if all(p is False for p in possible):
        return found(
            Outcome.NOT_MET,
            Msg(
                "fewer than two initiatives, or two science works, recognised and applied in those years"
            ),
        )
    undecided = [
        f"initiatives[{i}].applied_at_grassroots"
        for i, item in enumerate(given)
        if item.applied_at_grassroots is None
    ]
    if None in possible:
        undecided.append(f"parameter:{P_MIXED.name}")
    return unknown(*dict.fromkeys([*undecided, *missing]))


def _pending(ctx: IndividualContext) -> frozenset[PendingMatter] | None:
    return ctx.record.pending


def _discipline(ctx: IndividualContext) -> tuple[Period, ...] | None:
    return ctx.record.discipline


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
        deferral_condition(_pending),
        discipline_condition(
            _discipline,
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
                condition(
                    "law06.art74.d-fighter",
                    Msg("Chiến sĩ thi đua cơ sở in two consecutive years"),
                    _C74,
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
                condition(
                    "law06.art74.d-excellent-years",
                    Msg("At least two consecutive years rated hoàn thành xuất sắc nhiệm vụ"),
                    _C74,
                    _T,
                    _check_excellent_years,
                    ("years", "discipline"),
                ),
                condition(
                    "law06.art74.d-initiatives",
                    Msg(
                        "Two initiatives, or two science works, recognised and applied at grassroots scope in those years"
                    ),
                    _C74,
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
    check_covered(considered_on, chosen)
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
        notes=notes(considered_on),
    )
