"""Luật Thi đua, khen thưởng 06/2022/QH15 Điều 27: "Tập thể lao động xuất sắc".

Also its armed-forces counterpart "Đơn vị quyết thắng", whose standards are
known only in part (points a, b, d and one more). From 01/07/2025 Nghị định
152/2025/NĐ-CP Điều 4 defers the award while a matter is pending.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

import attrs

from antq.core.criterion import CriterionKind, Finding
from antq.core.outcome import Outcome
from antq.core.reasons import Param, Percent
from antq.emulation.awards.eligibility import (
    AwardForm,
    AwardRules,
    DateRole,
    Eligibility,
    PendingMatter,
    Subject,
    condition,
)
from antq.emulation.awards.findings import found, unknown
from antq.emulation.awards.instruments import LAW06, LAW06_FROM
from antq.emulation.awards.law06._in_force import check_covered, notes
from antq.emulation.awards.law06.nd152_2025 import deferral_condition
from antq.emulation.awards.validators import optional_bool, optional_count, set_of
from antq.entities.validators import field_path, non_empty_str
from antq.errors import InputError
from antq.i18n.catalog import Label, Msg
from antq.i18n.formatting import Threshold
from antq.law.citation import cite
from antq.law.confirmation import Confirmation

__all__ = [
    "LAW06_ART27",
    "CollectiveContext",
    "CollectiveFacts",
    "excellent_collective_eligibility",
]

_B, _T, _J = CriterionKind.BOOLEAN, CriterionKind.THRESHOLD, CriterionKind.JUDGEMENT
_C27 = cite(LAW06, 27)


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
    tasks_excellent: bool | None = attrs.field(default=None, validator=optional_bool)
    emulation_active: bool | None = attrs.field(default=None, validator=optional_bool)
    members: int | None = attrs.field(default=None, validator=optional_count)
    members_completed_tasks: int | None = attrs.field(default=None, validator=optional_count)
    members_advanced: int | None = attrs.field(default=None, validator=optional_count)
    members_grassroots_fighters: int | None = attrs.field(default=None, validator=optional_count)
    solidarity_exemplary: bool | None = attrs.field(default=None, validator=optional_bool)
    dvqt_other_standard: bool | None = attrs.field(default=None, validator=optional_bool)
    pending: frozenset[PendingMatter] | None = attrs.field(
        default=None, validator=set_of(PendingMatter)
    )

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
            return found(Outcome.NOT_APPLICABLE, _ONLY_DVQT)
        if dvqt is False and is_dvqt:
            return found(Outcome.NOT_APPLICABLE, _NOT_DVQT)
        value = getattr(ctx.facts, name)
        if value is None:
            return unknown(name)
        return found(Outcome.MET if value else Outcome.NOT_MET, yes if value else no)

    return check


# --- điểm a, b: tasks and emulation ----------------------------------------------------------

_A = condition(
    "law06.art27.a",
    Msg("(a) Completed the assigned tasks excellently"),
    _C27,
    _J,
    _collective_judgement(
        "tasks_excellent",
        Msg("the collective completed its tasks excellently"),
        Msg("the collective did not complete its tasks excellently"),
        dvqt=None,
    ),
    ("tasks_excellent",),
    judgement=True,
)
_B_ACTIVE = condition(
    "law06.art27.b",
    Msg("(b) Took an active part in regular, practical and effective emulation movements"),
    _C27,
    _J,
    _collective_judgement(
        "emulation_active",
        Msg("the collective took an active part in emulation"),
        Msg("the collective did not take an active part in emulation"),
        dvqt=None,
    ),
    ("emulation_active",),
    judgement=True,
)

# --- điểm c: every member completed the tasks, 70% hold Lao động tiên tiến ----------------------

#: The least share of members holding Lao động tiên tiến, in percent.
ADVANCED_SHARE: Final = 70
_AT_LEAST = (Threshold.at_least(ADVANCED_SHARE),)


def _check_all_completed(ctx: CollectiveContext) -> Finding:
    f = ctx.facts
    if f.title is AwardForm.DON_VI_QUYET_THANG:
        return found(Outcome.NOT_APPLICABLE, _NOT_DVQT)
    missing = [n for n in ("members", "members_completed_tasks") if getattr(f, n) is None]
    if missing:
        return unknown(*missing)
    assert f.members is not None and f.members_completed_tasks is not None
    params: dict[str, Param] = {"done": f.members_completed_tasks, "members": f.members}
    if f.members_completed_tasks == f.members:
        return found(
            Outcome.MET, Msg("{done} of {members} members completed their tasks"), **params
        )
    return found(
        Outcome.NOT_MET,
        Msg("only {done} of {members} members completed their tasks; all are required"),
        **params,
    )


def _check_advanced_share(ctx: CollectiveContext) -> Finding:
    f = ctx.facts
    if f.title is AwardForm.DON_VI_QUYET_THANG:
        return found(Outcome.NOT_APPLICABLE, _NOT_DVQT)
    missing = [n for n in ("members", "members_advanced") if getattr(f, n) is None]
    if missing:
        return unknown(*missing)
    assert f.members is not None and f.members_advanced is not None
    share = Percent(numerator=f.members_advanced, denominator=f.members, thresholds=_AT_LEAST)
    params: dict[str, Param] = {
        "advanced": f.members_advanced,
        "members": f.members,
        "share": share,
    }
    if 100 * f.members_advanced >= ADVANCED_SHARE * f.members:
        return found(
            Outcome.MET,
            Msg(
                "{advanced} of {members} members hold Lao động tiên tiến ({share}); the minimum is 70%"
            ),
            **params,
        )
    needed = -(-ADVANCED_SHARE * f.members // 100) - f.members_advanced
    return found(
        Outcome.NOT_MET,
        Msg(
            "{advanced} of {members} members hold Lao động tiên tiến ({share}); the minimum"
            " is 70%: {needed} more needed"
        ),
        needed=needed,
        **params,
    )


_C_TASKS = condition(
    "law06.art27.c-tasks",
    Msg("(c) Every member completed the assigned tasks"),
    _C27,
    _T,
    _check_all_completed,
    ("members", "members_completed_tasks"),
)
_C_ADVANCED = condition(
    "law06.art27.c-advanced",
    Msg("(c) At least 70 percent of members hold Lao động tiên tiến"),
    _C27,
    _T,
    _check_advanced_share,
    ("members", "members_advanced"),
)

# --- điểm d: a Chiến sĩ thi đua cơ sở --------------------------------------------------------------


def _check_fighter(ctx: CollectiveContext) -> Finding:
    count = ctx.facts.members_grassroots_fighters
    if count is None:
        return unknown("members_grassroots_fighters")
    if count >= 1:
        return found(Outcome.MET, Msg("{count} member(s) hold Chiến sĩ thi đua cơ sở"), count=count)
    return found(Outcome.NOT_MET, Msg("no member holds Chiến sĩ thi đua cơ sở"))


_D = condition(
    "law06.art27.d",
    Msg("(d) At least one member holds Chiến sĩ thi đua cơ sở"),
    _C27,
    _T,
    _check_fighter,
    ("members_grassroots_fighters",),
)

# --- điểm đ: solidarity (not a point of Đơn vị quyết thắng) ---------------------------------------

_DD = condition(
    "law06.art27.dd",
    Msg("(đ) Internal solidarity; exemplary compliance with Party guidelines and State law"),
    _C27,
    _J,
    _collective_judgement(
        "solidarity_exemplary",
        Msg("the collective is united and complies in an exemplary way"),
        Msg("the collective is not united or does not comply in an exemplary way"),
        dvqt=False,
    ),
    ("solidarity_exemplary",),
    judgement=True,
)

# --- Đơn vị quyết thắng: the point whose text antq lacks ------------------------------------------

_DVQT = condition(
    "law06.dvqt.other",
    Msg("Đơn vị quyết thắng: the further standard whose text is not available to antq"),
    _C27,
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
)


def _pending(ctx: CollectiveContext) -> frozenset[PendingMatter] | None:
    return ctx.facts.pending


LAW06_ART27: Final[AwardRules[CollectiveContext]] = AwardRules(
    id="law06.art27",
    award=AwardForm.TAP_THE_LAO_DONG_XUAT_SAC,
    subject=Subject.COLLECTIVE,
    title=Msg("Tập thể lao động xuất sắc (Law on Emulation and Commendation, Article 27)"),
    instrument=LAW06,
    citation=_C27,
    date_role=DateRole.CONSIDERATION,
    valid_from=LAW06_FROM,
    conditions=(_A, _B_ACTIVE, _C_TASKS, _C_ADVANCED, _D, _DD, _DVQT, deferral_condition(_pending)),
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
    check_covered(considered_on, chosen)
    context = CollectiveContext(facts=facts, on=considered_on, params=chosen.resolved_parameters())
    answer = chosen.answer(
        context,
        subject_id=facts.id,
        name=facts.name,
        on=considered_on,
        notes=notes(considered_on),
    )
    return attrs.evolve(answer, award=facts.title)
