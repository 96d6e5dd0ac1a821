"""Thông tư 124/2021/TT-BCA, Điều 9: the recognition procedure as dated data (deadlines, dossiers).

Điều 9 sets the sequence, deadlines and dossiers (who recognises, Điều 10, is in
``article_10_competence``). Thông tư 48/2025/TT-BCA amended the
residential-area routing of Điều 9 khoản 1 điểm a, and from 01/07/2025 the
district level no longer exists. Its other changes, its dates and who now
recognises a commune, ward or special zone are not confirmed (safe-standard.md
§4), so antq keeps all of this as tables with dates and a confirmation status,
not as code, and asks the user for what it does not know.

**Deadlines** (validations of the procedure, not criteria of the standard):

* registration "trong Quý I hằng năm" (Điều 4-7 khoản 1): antq reads Quarter I
  as 01/01-31/03 of the round's year (:func:`~antq.core.periods.quarter_one`), so a
  registration on 31/03 is in time, one on 01/04 is late, and one dated before
  01/01 is not in Quarter I either;
* recognition decision "trước ngày 15/11" for a residential area (Điều 9 khoản 1
  điểm a) and "trước ngày 20/11" for the others (điểm b, c, d): "before" is
  read strictly, so the last allowed day is 14/11 and 19/11.

A step with a deadline but no recorded date is reported as *not recorded*,
never as on time.

>>> from datetime import date
>>> from antq.core.unit_kinds import UnitKind
>>> late = missed_deadlines(
...     UnitKind.RESIDENTIAL_AREA, 2024,
...     {Step.REGISTRATION: date(2024, 4, 1), Step.DECISION: date(2024, 11, 14)},
... )
>>> [(m.step.code, m.status.code, m.days_late) for m in late]
[('registration', 'late', 1)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TypeAlias

import attrs

from antq.core.periods import Period, quarter_one
from antq.core.reasons import Param, Reason
from antq.core.unit_kinds import UnitKind
from antq.entities.admin_units import LAST_DISTRICT_DAY, TWO_TIER_REFORM_DATE
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import Citation, cite
from antq.law.confirmation import Confirmation
from antq.law.tables import Node, load
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "DEADLINES",
    "DOSSIER_ITEMS",
    "DayBefore",
    "Deadline",
    "DeadlineStatus",
    "Dossier",
    "DossierDocument",
    "DossierItem",
    "EndOfQuarterOne",
    "ManagingLevel",
    "MissedDeadline",
    "Step",
    "dossier_items",
    "missed_deadlines",
]

TT124 = "124/2021/TT-BCA"
#: The module users import these from (``antq.safety.procedure``): the vocabularies' JSON
#: names stay what they were before the article modules.
PUBLIC_MODULE = "antq.safety.procedure"
#: TT 124 Điều 11: in force from 10/02/2022; earlier dates fall under TT 23/2012,
#: whose deadlines and competence are not confirmed (safe-standard.md §5.2).
TT124_FROM = date(2022, 2, 10)

RA = UnitKind.RESIDENTIAL_AREA
COMMUNE = UnitKind.COMMUNE
ORGANISATIONS = frozenset({UnitKind.AGENCY, UnitKind.ENTERPRISE, UnitKind.EDUCATIONAL_INSTITUTION})


def c124(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    return cite(TT124, article, clause, point)


# --- vocabularies -------------------------------------------------------------------------


class Step(CodedEnum):
    """A dated step of the yearly recognition procedure."""

    __module__ = PUBLIC_MODULE

    REGISTRATION = ("registration", "đăng ký phấn đấu", "registration")
    DOSSIER_SUBMITTED = (
        "dossier_submitted",
        "gửi hồ sơ đề nghị xét duyệt, công nhận",
        "recognition dossier submitted",
    )
    DECISION = ("decision", "quyết định công nhận", "recognition decision")


class ManagingLevel(CodedEnum):
    """The level that manages an agency, enterprise or institution, or to which its
    recognition was delegated (Điều 10 khoản 1-5)."""

    __module__ = PUBLIC_MODULE

    COMMUNE = ("commune", "cấp xã", "commune level")
    DISTRICT = ("district", "cấp huyện (đến 30/06/2025)", "district level (until 30/06/2025)")
    PROVINCE = ("province", "cấp tỉnh", "province level")
    MINISTRY = (
        "ministry",
        "Bộ Công an (đơn vị nghiệp vụ theo dõi)",
        "Ministry of Public Security (followed by its professional units)",
    )


class DeadlineStatus(CodedEnum):
    """Why a step is reported: late, before its window, or with no date recorded."""

    __module__ = PUBLIC_MODULE

    LATE = ("late", "quá hạn", "late")
    EARLY = ("early", "trước khi thời hạn bắt đầu", "before the period allowed")
    NOT_RECORDED = ("not_recorded", "chưa ghi nhận ngày", "no date recorded")


# --- deadlines ------------------------------------------------------------------------------


@attrs.frozen
class EndOfQuarterOne:
    """ "Trong Quý I hằng năm": within Quarter I (01/01-31/03) of the round's year."""

    def window(self, year: int) -> Period | None:
        return quarter_one(year)

    def last_day(self, year: int) -> date:
        return quarter_one(year).end


@attrs.frozen
class DayBefore:
    """ "Trước ngày dd/mm": strictly before that day, so the last allowed day is the day before."""

    month: int
    day: int

    def __attrs_post_init__(self) -> None:
        try:
            date(2001, self.month, self.day)  # a common year: no 29/02
        except (TypeError, ValueError):
            raise DefinitionError(f"{self.day}/{self.month} is not a day of every year") from None

    def window(self, year: int) -> Period | None:
        return None

    def last_day(self, year: int) -> date:
        return date(year, self.month, self.day) - timedelta(days=1)


DeadlineRule: TypeAlias = EndOfQuarterOne | DayBefore


def _check_range(start: date | None, end: date | None, what: str) -> None:
    if start is not None and end is not None and end < start:
        raise DefinitionError(f"{what} ends before it starts")


@attrs.frozen(kw_only=True)
class Deadline:
    """One deadline of one step for some unit kinds, as the law writes it.

    A row applies to a round when its last allowed day falls in
    ``[applies_from, applies_to]`` (inclusive, None open). ``levels`` narrows
    an agency's, enterprise's or institution's row by the level that manages
    it; ``None`` inside it stands for "not given".
    """

    step: Step
    kinds: frozenset[UnitKind]
    rule: DeadlineRule
    citation: Citation
    written: Label
    reading: Label
    confirmation: Confirmation = Confirmation.CONFIRMED
    applies_from: date | None = None
    applies_to: date | None = None
    levels: frozenset[ManagingLevel | None] | None = None
    note: Label | None = None

    def __attrs_post_init__(self) -> None:
        if not self.kinds:
            raise DefinitionError(f"deadline of {self.step.code} names no unit kind")
        _check_range(self.applies_from, self.applies_to, f"deadline of {self.step.code}")

    def last_day(self, year: int) -> date:
        """The last day on which the step is in time, for round ``year``."""
        return self.rule.last_day(year)

    def applies(self, kind: UnitKind, year: int, managed_by: ManagingLevel | None) -> bool:
        if kind not in self.kinds:
            return False
        if self.levels is not None and managed_by not in self.levels:
            return False
        last = self.last_day(year)
        return (self.applies_from is None or self.applies_from <= last) and (
            self.applies_to is None or last <= self.applies_to
        )


_QUARTER_ONE = EndOfQuarterOne()
_WRITTEN_Q1 = Text(vi="trong Quý I hằng năm", en="in Quarter I of each year")
_READING_Q1 = Msg(
    "Quarter I is read as 1 January to 31 March of the round's year (antq's interpretation; the circular does not define it)"
)
_WRITTEN_15 = Text(vi="trước ngày 15/11 hằng năm", en="before 15 November each year")
_WRITTEN_20 = Text(vi="trước ngày 20/11 hằng năm", en="before 20 November each year")
_READING_BEFORE = Msg(
    "'before' is read strictly: the decision must be dated on or before the day before (antq's reading)"
)
_AFTER_REFORM_PARTIAL = Msg(
    "the 2021 text, not reported as changed by Circular 48/2025, whose full text is not available to antq"
)
_AFTER_REFORM_COMMUNE = Msg(
    "the 2021 text names the district Chairman, whose level ended on 30/06/2025; whether Circular 48/2025 rewrote this deadline is not confirmed"
)
_ORG_LEVELS: frozenset[ManagingLevel | None] = frozenset(
    {None, ManagingLevel.COMMUNE, ManagingLevel.DISTRICT, ManagingLevel.PROVINCE}
)
_MINISTRY: frozenset[ManagingLevel | None] = frozenset({ManagingLevel.MINISTRY})


def _registration(kind: frozenset[UnitKind], article: int) -> Deadline:
    return Deadline(
        step=Step.REGISTRATION,
        kinds=kind,
        rule=_QUARTER_ONE,
        citation=c124(article, 1),
        written=_WRITTEN_Q1,
        reading=_READING_Q1,
        applies_from=TT124_FROM,
    )


def _decision(
    kinds: frozenset[UnitKind],
    rule: DayBefore,
    point: str,
    levels: frozenset[ManagingLevel | None] | None = None,
    *,
    commune_unconfirmed: bool = False,
) -> tuple[Deadline, Deadline]:
    written = _WRITTEN_15 if rule.day == 15 else _WRITTEN_20
    before = Deadline(
        step=Step.DECISION,
        kinds=kinds,
        rule=rule,
        citation=c124(9, 1, point),
        written=written,
        reading=_READING_BEFORE,
        applies_from=TT124_FROM,
        applies_to=LAST_DISTRICT_DAY,
        levels=levels,
    )
    after = attrs.evolve(
        before,
        applies_from=TWO_TIER_REFORM_DATE,
        applies_to=None,
        confirmation=Confirmation.UNCONFIRMED if commune_unconfirmed else Confirmation.PARTIAL,
        note=_AFTER_REFORM_COMMUNE if commune_unconfirmed else _AFTER_REFORM_PARTIAL,
    )
    return before, after


#: Every deadline antq knows, by step, unit kind and date (TT 124 Điều 4-7 khoản 1, Điều 9).
DEADLINES: tuple[Deadline, ...] = (
    _registration(frozenset({RA}), 4),
    _registration(frozenset({COMMUNE}), 5),
    _registration(frozenset({UnitKind.AGENCY, UnitKind.ENTERPRISE}), 6),
    _registration(frozenset({UnitKind.EDUCATIONAL_INSTITUTION}), 7),
    *_decision(frozenset({RA}), DayBefore(11, 15), "a"),
    *_decision(frozenset({COMMUNE}), DayBefore(11, 20), "b", commune_unconfirmed=True),
    *_decision(ORGANISATIONS, DayBefore(11, 20), "c", _ORG_LEVELS),
    *_decision(ORGANISATIONS, DayBefore(11, 20), "d", _MINISTRY),
)


@attrs.frozen(kw_only=True)
class MissedDeadline:
    """A step that was late, early, or has no recorded date, with the rule it misses.

    ``step`` is a :class:`Step` of the recognition procedure, or another procedure's
    step (the movement rating of QĐ 510/QĐ-BCA-V05: ``RatingStep``).
    """

    step: CodedEnum
    status: DeadlineStatus
    deadline: date
    recorded_on: date | None
    days_late: int | None
    days_early: int | None
    citation: Citation
    written: Label
    reading: Label
    confirmation: Confirmation
    note: Label | None = None

    @property
    def reason(self) -> Reason:
        params: dict[str, Param] = {
            "step": self.step,
            "deadline": self.deadline,
            "written": self.written,
        }
        if self.status is DeadlineStatus.NOT_RECORDED:
            template = Msg(
                "{step}: no date recorded, so it cannot be shown to be in time (due {written}, last day {deadline})"
            )
        elif self.status is DeadlineStatus.LATE:
            assert self.recorded_on is not None and self.days_late is not None
            template = Msg(
                "{step} on {recorded}: {days} day(s) late (due {written}, last day {deadline})"
            )
            params.update(recorded=self.recorded_on, days=self.days_late)
        else:
            assert self.recorded_on is not None and self.days_early is not None
            template = Msg(
                "{step} on {recorded}: {days} day(s) before the period allowed ({written})"
            )
            params.update(recorded=self.recorded_on, days=self.days_early)
        return Reason(template=template, params=params)

    def explain(self, lang: Lang = "vi") -> str:
        """One line: the finding, the citation, and the reading antq applied."""
        line = f"{self.reason.render(lang)} ({self.citation.render(lang)}; {self.reading.render(lang)})"
        if self.confirmation is not Confirmation.CONFIRMED:
            line += f" [{self.confirmation.label(lang)}]"
        if self.note is not None:
            line += f" {self.note.render(lang)}"
        return line


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise InputError("year", year, Msg("must be a year from 2000 to 2100"))
    return year


def _check_day(value: object, path: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InputError(path, value, Msg("expected a datetime.date (not a datetime)"))
    return value


def _applicable(
    deadlines: Iterable[Deadline],
    kind: UnitKind,
    year: int,
    managed_by: ManagingLevel | None,
) -> dict[Step, Deadline]:
    found: dict[Step, Deadline] = {}
    for row in deadlines:
        if not row.applies(kind, year, managed_by):
            continue
        if row.step in found:
            raise DefinitionError(
                f"two deadlines of {row.step.code} apply to {kind.code} in round {year}:"
                f" {found[row.step].citation} and {row.citation}"
            )
        found[row.step] = row
    return found


def missed_deadlines(
    kind: UnitKind,
    year: int,
    steps: Mapping[Step, date],
    *,
    managed_by: ManagingLevel | None = None,
    deadlines: Iterable[Deadline] | None = None,
) -> tuple[MissedDeadline, ...]:
    """Every deadline of round ``year`` that the recorded ``steps`` miss, in step order.

    A step with a deadline and no date in ``steps`` is reported as
    NOT_RECORDED. A step without a deadline (the submission of the dossier:
    the circular sets none) is not checked. ``managed_by`` tells an agency,
    enterprise or institution followed by the Ministry of Public Security
    (Điều 9 khoản 1 điểm d) from the others (điểm c); the deadline is the same.
    ``deadlines`` lets a user supply their own table, e.g. once the text of
    Circular 48/2025 is known (default: :data:`DEADLINES`).
    """
    if not isinstance(kind, UnitKind):
        raise InputError("kind", kind, Msg("expected a UnitKind"))
    _check_year(year)
    if managed_by is not None and kind not in ORGANISATIONS:
        raise InputError(
            "managed_by",
            managed_by.code,
            Msg("only agencies, enterprises and institutions have one"),
        )
    if not isinstance(steps, Mapping):
        raise InputError("steps", steps, Msg("expected a mapping of Step to date"))
    recorded: dict[Step, date] = {}
    for step, value in steps.items():
        if not isinstance(step, Step):
            raise InputError(
                "steps",
                step,
                Msg("expected a Step ({listed})"),
                params={"listed": ", ".join(Step.codes())},
            )
        recorded[step] = _check_day(value, f"steps.{step.code}")
    rows = _applicable(DEADLINES if deadlines is None else deadlines, kind, year, managed_by)
    if not rows:
        raise InputError(
            "year",
            year,
            Msg(
                "antq knows no deadline for {code} in this round: Circular 124/2021 applies from the 2022 round, and the deadlines of Circular 23/2012 are not confirmed"
            ),
            params={"code": kind.code},
        )
    out = []
    for step in Step:
        row = rows.get(step)
        if row is None:
            continue
        last = row.last_day(year)
        window = row.rule.window(year)
        on = recorded.get(step)
        late = early = None
        if on is None:
            status = DeadlineStatus.NOT_RECORDED
        elif on > last:
            status, late = DeadlineStatus.LATE, (on - last).days
        elif window is not None and on < window.start:
            status, early = DeadlineStatus.EARLY, (window.start - on).days
        else:
            continue
        out.append(
            MissedDeadline(
                step=step,
                status=status,
                deadline=last,
                recorded_on=on,
                days_late=late,
                days_early=early,
                citation=row.citation,
                written=row.written,
                reading=row.reading,
                confirmation=row.confirmation,
                note=row.note,
            )
        )
    return tuple(out)


# --- dossiers (Điều 9 khoản 2) --------------------------------------------------------------


class Dossier(CodedEnum):
    """The two dossiers of Điều 9 khoản 2."""

    __module__ = PUBLIC_MODULE

    REGISTRATION = ("registration", "hồ sơ đăng ký", "registration dossier")
    RECOGNITION = (
        "recognition",
        "hồ sơ đề nghị xét duyệt, công nhận",
        "dossier requesting approval and recognition",
    )


class DossierDocument(CodedEnum):
    """A document of a dossier. The circular gives no form templates: whether official
    ones exist, or each province makes its own, is not confirmed."""

    __module__ = PUBLIC_MODULE

    PARTY_RESOLUTION = (
        "party_resolution",
        "Nghị quyết của cấp ủy Đảng",
        "Party committee resolution",
    )
    SECURITY_PLAN = (
        "security_plan",
        "Kế hoạch bảo đảm an ninh, trật tự",
        "security-and-order plan",
    )
    REGISTRATION_FORM = ("registration_form", "Bản đăng ký phấn đấu", "registration form")
    SUBMISSION = ("submission", "Tờ trình", "submission")
    RESULTS_REPORT = ("results_report", "Báo cáo kết quả", "report on results")
    MEETING_MINUTES = ("meeting_minutes", "Biên bản cuộc họp", "minutes of the evaluation meeting")
    OTHER_DOCUMENTS = (
        "other_documents",
        "Các tài liệu khác có liên quan",
        "other relevant documents",
    )


@attrs.frozen(kw_only=True)
class DossierItem:
    """One document of one dossier, with the condition under which it is needed."""

    dossier: Dossier
    document: DossierDocument
    citation: Citation
    condition: Label | None = None
    note: Label | None = None
    #: The unit kinds that must supply it; None: every kind.
    kinds: frozenset[UnitKind] | None = None

    def asked_of(self, kind: UnitKind) -> bool:
        """Whether a unit of ``kind`` must supply this document."""
        return self.kinds is None or kind in self.kinds


def _dossier_item(row: Node) -> DossierItem:
    row.keys(("dossier", "document", "citation", "condition", "note", "kinds"))
    return DossierItem(
        dossier=row["dossier"].code(Dossier),
        document=row["document"].code(DossierDocument),
        citation=row["citation"].citation(),
        condition=row.optional("condition", Node.label),
        note=row.optional("note", Node.label),
        kinds=row.optional("kinds", lambda node: node.codes(UnitKind)),
    )


#: Điều 9 khoản 2: the registration dossier (điểm a) and the recognition dossier (điểm b),
#: from ``data/dossiers.toml`` beside this module.
DOSSIER_ITEMS: tuple[DossierItem, ...] = tuple(
    _dossier_item(row)
    for row in load("antq.safety.tt124_2021", "data/dossiers.toml")["items"].items()
)


def dossier_items(dossier: Dossier, kind: UnitKind | None = None) -> tuple[DossierItem, ...]:
    """The documents of ``dossier``, in the order of the circular; with ``kind``, only
    those Điều 9 khoản 2 asks of that unit kind (a residential area has no plan)."""
    if not isinstance(dossier, Dossier):
        raise InputError(
            "dossier",
            dossier,
            Msg("expected a Dossier ({listed})"),
            params={"listed": ", ".join(Dossier.codes())},
        )
    if kind is not None and not isinstance(kind, UnitKind):
        raise InputError("kind", kind, Msg("expected a UnitKind"))
    return tuple(
        item
        for item in DOSSIER_ITEMS
        if item.dossier is dossier and (kind is None or item.asked_of(kind))
    )
