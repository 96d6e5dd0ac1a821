"""The recognition procedure as dated data: deadlines, dossiers and who recognises.

Thông tư 124/2021/TT-BCA Điều 9 sets the sequence, deadlines and dossiers, and
Điều 10 the competence to recognise. Thông tư 48/2025/TT-BCA amended the
residential-area routing of Điều 9 khoản 1 điểm a, and from 01/07/2025 the
district level no longer exists. Its other changes, its dates and who now
recognises a commune, ward or special zone are not confirmed (safe-standard.md
§4), so antq keeps all of this as tables with dates and a confirmation status,
not as code, and asks the user for what it does not know.

**Deadlines** (validations of the procedure, not criteria of the standard):

* registration "trong Quý I hằng năm" (Điều 4-7 khoản 1): antq reads Quarter I
  as 01/01-31/03 of the round's year (:func:`~antq.periods.quarter_one`), so a
  registration on 31/03 is in time, one on 01/04 is late, and one dated before
  01/01 is not in Quarter I either;
* recognition decision "trước ngày 15/11" for a residential area (Điều 9 khoản 1
  điểm a) and "trước ngày 20/11" for the others (điểm b, c, d): "before" is
  read strictly, so the last allowed day is 14/11 and 19/11.

A step with a deadline but no recorded date is reported as *not recorded*,
never as on time.

>>> from datetime import date
>>> from antq.unit_kinds import UnitKind
>>> late = missed_deadlines(
...     UnitKind.RESIDENTIAL_AREA, 2024,
...     {Step.REGISTRATION: date(2024, 4, 1), Step.DECISION: date(2024, 11, 14)},
... )
>>> [(m.step.code, m.status.code, m.days_late) for m in late]
[('registration', 'late', 1)]
>>> recognising_authority(UnitKind.COMMUNE, date(2025, 6, 30)).body
<Authority.DISTRICT_PEOPLES_COMMITTEE: 'district_peoples_committee'>
>>> recognising_authority(UnitKind.COMMUNE, date(2025, 7, 1)).known
False
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any, TypeAlias

import attrs

from antq.confirmation import Confirmation
from antq.core.criterion import Parameter
from antq.core.reasons import Param, Reason
from antq.entities.admin_units import TWO_TIER_REFORM_DATE
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import Citation, cite
from antq.law.tables import Node, load
from antq.periods import Period, quarter_one
from antq.unit_kinds import UnitKind
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "COMMUNE_AUTHORITY_AFTER_REFORM",
    "COMPETENCE",
    "DEADLINES",
    "DOSSIER_ITEMS",
    "Authority",
    "Competence",
    "DayBefore",
    "Deadline",
    "DeadlineStatus",
    "Dossier",
    "DossierDocument",
    "DossierItem",
    "EndOfQuarterOne",
    "ManagingLevel",
    "MissedDeadline",
    "RecognisingAuthority",
    "Step",
    "dossier_items",
    "missed_deadlines",
    "recognising_authority",
]

TT124 = "124/2021/TT-BCA"
#: TT 124 Điều 11: in force from 10/02/2022; earlier dates fall under TT 23/2012,
#: whose deadlines and competence are not confirmed (safe-standard.md §5.2).
TT124_FROM = date(2022, 2, 10)
#: Last day of the three-level local government (the district level).
LAST_DISTRICT_DAY = TWO_TIER_REFORM_DATE - timedelta(days=1)

RA = UnitKind.RESIDENTIAL_AREA
COMMUNE = UnitKind.COMMUNE
ORGANISATIONS = frozenset({UnitKind.AGENCY, UnitKind.ENTERPRISE, UnitKind.EDUCATIONAL_INSTITUTION})


def c124(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    return cite(TT124, article, clause, point)


# --- vocabularies -------------------------------------------------------------------------


class Step(CodedEnum):
    """A dated step of the yearly recognition procedure."""

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

    COMMUNE = ("commune", "cấp xã", "commune level")
    DISTRICT = ("district", "cấp huyện (đến 30/06/2025)", "district level (until 30/06/2025)")
    PROVINCE = ("province", "cấp tỉnh", "province level")
    MINISTRY = (
        "ministry",
        "Bộ Công an (đơn vị nghiệp vụ theo dõi)",
        "Ministry of Public Security (followed by its professional units)",
    )


class Authority(CodedEnum):
    """Who recognises: a body (Điều 10 names the People's Committee) or the person who
    signs (Điều 9 names its Chairman, or the Minister)."""

    COMMUNE_CHAIRMAN = (
        "commune_chairman",
        "Chủ tịch Ủy ban nhân dân cấp xã",
        "Chairman of the commune People's Committee",
    )
    COMMUNE_PEOPLES_COMMITTEE = (
        "commune_peoples_committee",
        "Ủy ban nhân dân cấp xã",
        "commune People's Committee",
    )
    DISTRICT_CHAIRMAN = (
        "district_chairman",
        "Chủ tịch Ủy ban nhân dân cấp huyện",
        "Chairman of the district People's Committee",
    )
    DISTRICT_PEOPLES_COMMITTEE = (
        "district_peoples_committee",
        "Ủy ban nhân dân cấp huyện",
        "district People's Committee",
    )
    PROVINCIAL_CHAIRMAN = (
        "provincial_chairman",
        "Chủ tịch Ủy ban nhân dân cấp tỉnh",
        "Chairman of the provincial People's Committee",
    )
    PROVINCIAL_PEOPLES_COMMITTEE = (
        "provincial_peoples_committee",
        "Ủy ban nhân dân cấp tỉnh",
        "provincial People's Committee",
    )
    MINISTER_OF_PUBLIC_SECURITY = (
        "minister_of_public_security",
        "Bộ trưởng Bộ Công an",
        "Minister of Public Security",
    )
    MINISTRY_OF_PUBLIC_SECURITY = (
        "ministry_of_public_security",
        "Bộ Công an",
        "Ministry of Public Security",
    )

    @property
    def body(self) -> Authority:
        """The body: the People's Committee of a Chairman, the Ministry of the Minister."""
        return _BODY_OF.get(self, self)

    @property
    def is_signer(self) -> bool:
        """Whether this is a person who signs (a Chairman or the Minister), not a body."""
        return self in _BODY_OF

    @property
    def legacy(self) -> bool:
        """Whether it existed only up to 30/06/2025 (the district level)."""
        return self.body is Authority.DISTRICT_PEOPLES_COMMITTEE


_BODY_OF = {
    Authority.COMMUNE_CHAIRMAN: Authority.COMMUNE_PEOPLES_COMMITTEE,
    Authority.DISTRICT_CHAIRMAN: Authority.DISTRICT_PEOPLES_COMMITTEE,
    Authority.PROVINCIAL_CHAIRMAN: Authority.PROVINCIAL_PEOPLES_COMMITTEE,
    Authority.MINISTER_OF_PUBLIC_SECURITY: Authority.MINISTRY_OF_PUBLIC_SECURITY,
}


class DeadlineStatus(CodedEnum):
    """Why a step is reported: late, before its window, or with no date recorded."""

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

    REGISTRATION = ("registration", "hồ sơ đăng ký", "registration dossier")
    RECOGNITION = (
        "recognition",
        "hồ sơ đề nghị xét duyệt, công nhận",
        "dossier requesting approval and recognition",
    )


class DossierDocument(CodedEnum):
    """A document of a dossier. The circular gives no form templates: whether official
    ones exist, or each province makes its own, is not confirmed."""

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
    _dossier_item(row) for row in load("antq.safety", "data/dossiers.toml")["items"].items()
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


# --- competence (Điều 10) -------------------------------------------------------------------

#: Who recognises a commune, ward or special zone from 01/07/2025. Not confirmed
#: (safe-standard.md §4, §8 item 1: probably the provincial level), so antq has no
#: value: the user supplies one, and until then the answer is unknown.
COMMUNE_AUTHORITY_AFTER_REFORM: Parameter[Authority] = Parameter(
    name="commune_authority_after_reform",
    label=Msg("who recognises a commune, ward or special zone from 01/07/2025"),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=tuple(a for a in Authority if not a.legacy),
    citation=c124(10, 2),
)


@attrs.frozen(kw_only=True)
class Competence:
    """One row of the dated competence table.

    ``body`` is the body Điều 10 names and ``signer`` the person Điều 9 names
    (None where the text names none). A row whose ``parameter`` is set has no
    body in antq: the user supplies it.
    """

    kinds: frozenset[UnitKind]
    level: ManagingLevel | None
    body: Authority | None
    signer: Authority | None
    citations: tuple[Citation, ...]
    valid_from: date | None
    valid_to: date | None
    confirmation: Confirmation = Confirmation.CONFIRMED
    parameter: Parameter[Authority] | None = None
    note: Label | None = None

    def __attrs_post_init__(self) -> None:
        _check_range(self.valid_from, self.valid_to, "competence row")
        if (self.body is None) == (self.parameter is None):
            raise DefinitionError("a competence row needs a body or a user-supplied parameter")
        if self.body is not None and self.body.is_signer:
            raise DefinitionError(f"{self.body.code} is a signer, not a body")
        if self.signer is not None and not self.signer.is_signer:
            raise DefinitionError(f"{self.signer.code} is a body, not a signer")

    def in_force(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )

    def applies(self, kind: UnitKind, level: ManagingLevel | None, on: date) -> bool:
        return kind in self.kinds and self.level is level and self.in_force(on)


_COMPETENCE_KEYS = (
    "kinds",
    "level",
    "body",
    "signer",
    "citations",
    "valid_from",
    "valid_to",
    "confirmation",
    "parameter",
    "note",
)
#: The values a competence row may leave to the user, by the name the data file gives.
_PARAMETERS: Mapping[str, Parameter[Authority]] = {
    COMMUNE_AUTHORITY_AFTER_REFORM.name: COMMUNE_AUTHORITY_AFTER_REFORM
}


def _parameter(node: Node) -> Parameter[Authority]:
    name = node.text()
    if name not in _PARAMETERS:
        raise node.fail(Msg("unknown parameter; known: {known}"), known=", ".join(_PARAMETERS))
    return _PARAMETERS[name]


def _competence(row: Node) -> Competence:
    row.keys(_COMPETENCE_KEYS)
    with row.building():
        return Competence(
            kinds=row["kinds"].codes(UnitKind),
            level=row.optional("level", lambda node: node.code(ManagingLevel)),
            body=row.optional("body", lambda node: node.code(Authority)),
            signer=row.optional("signer", lambda node: node.code(Authority)),
            citations=tuple(node.citation() for node in row["citations"].items()),
            valid_from=row.optional("valid_from", Node.day),
            valid_to=row.optional("valid_to", Node.day),
            confirmation=row["confirmation"].confirmation(),
            parameter=row.optional("parameter", _parameter),
            note=row.optional("note", Node.label),
        )


#: Who recognises which unit, by date (TT 124 Điều 9 khoản 1, Điều 10), from
#: ``data/competence.toml`` beside this module. Before 01/07/2025 the 2021 text;
#: from then the district level is gone, the commune row is a user-supplied
#: parameter, and the other rows are the 2021 text, marked PARTIAL because
#: Circular 48/2025 is not fully known.
COMPETENCE: tuple[Competence, ...] = tuple(
    _competence(row) for row in load("antq.safety", "data/competence.toml")["rows"].items()
)


@attrs.frozen(kw_only=True)
class RecognisingAuthority:
    """Who recognises a unit of ``kind`` on ``on``, and how sure antq is.

    ``body`` is None when antq cannot say: the answer is not confirmed and was
    not supplied, it depends on the level that manages the unit (then
    ``candidates`` lists the possible bodies), or the date is before
    Circular 124/2021. ``supplied`` is True when the body is the user's value.
    """

    kind: UnitKind
    on: date
    managed_by: ManagingLevel | None
    body: Authority | None
    signer: Authority | None
    citations: tuple[Citation, ...]
    confirmation: Confirmation
    reason: Reason
    candidates: tuple[Authority, ...] = ()
    supplied: bool = False
    note: Label | None = None

    @property
    def known(self) -> bool:
        """Whether antq (or the user) names a body."""
        return self.body is not None

    def explain(self, lang: Lang = "vi") -> str:
        parts = [self.reason.render(lang)]
        if self.citations:
            parts.append("; ".join(c.render(lang) for c in self.citations))
        parts.append(self.confirmation.label(lang))
        if self.note is not None:
            parts.append(self.note.render(lang))
        return " · ".join(parts)


def _signer_label(signer: Authority | None) -> Param:
    return signer if signer is not None else Msg("not named in the text")


def recognising_authority(
    kind: UnitKind,
    on: date,
    *,
    managed_by: ManagingLevel | None = None,
    commune_authority_after_reform: Authority | None = None,
    competence: Iterable[Competence] | None = None,
) -> RecognisingAuthority:
    """Who recognises a unit of ``kind`` on the date ``on``.

    For an agency, enterprise or institution the answer depends on
    ``managed_by``, the level that manages it or to which its recognition was
    delegated; without it the result lists the candidates. From 01/07/2025 who
    recognises a commune is not confirmed: ``commune_authority_after_reform``
    supplies it (a body, or a Chairman who signs for it), and the answer then
    stays marked UNCONFIRMED. Without it the body is None and the reason says
    why. The value is not used for other kinds or earlier dates.
    ``competence`` replaces the table (default: :data:`COMPETENCE`).
    """
    if not isinstance(kind, UnitKind):
        raise InputError("kind", kind, Msg("expected a UnitKind"))
    _check_day(on, "on")
    if managed_by is not None and not isinstance(managed_by, ManagingLevel):
        raise InputError("managed_by", managed_by, Msg("expected a ManagingLevel"))
    supplied = commune_authority_after_reform
    if supplied is not None:
        if not isinstance(supplied, Authority):
            raise InputError(
                "commune_authority_after_reform", supplied, Msg("expected an Authority")
            )
        if supplied.legacy:
            raise InputError(
                "commune_authority_after_reform",
                supplied.code,
                Msg("the district level ended on 30/06/2025"),
            )
    if kind in ORGANISATIONS:
        if managed_by is ManagingLevel.DISTRICT and on >= TWO_TIER_REFORM_DATE:
            raise InputError(
                "managed_by", managed_by.code, Msg("the district level ended on 30/06/2025")
            )
    elif managed_by is not None:
        raise InputError(
            "managed_by",
            managed_by.code,
            Msg("only agencies, enterprises and institutions have one"),
        )
    table = COMPETENCE if competence is None else tuple(competence)

    def answer(
        reason: Reason,
        confirmation: Confirmation,
        citations: tuple[Citation, ...] = (),
        body: Authority | None = None,
        signer: Authority | None = None,
        **extra: Any,
    ) -> RecognisingAuthority:
        return RecognisingAuthority(
            kind=kind,
            on=on,
            managed_by=managed_by,
            body=body,
            signer=signer,
            citations=citations,
            confirmation=confirmation,
            reason=reason,
            **extra,
        )

    if kind in ORGANISATIONS and managed_by is None:
        options = [r for r in table if kind in r.kinds and r.level is not None and r.in_force(on)]
        if options:
            candidates = tuple(dict.fromkeys(r.body for r in options if r.body is not None))
            template = Msg(
                "depends on the level that manages the unit or to which its recognition was delegated: one of {candidates}"
            )
            return answer(
                Reason(template=template, params={"candidates": _join(candidates)}),
                _weakest(r.confirmation for r in options),
                tuple(dict.fromkeys(c for r in options for c in r.citations)),
                candidates=candidates,
            )
    rows = [row for row in table if row.applies(kind, managed_by, on)]
    if len(rows) > 1:
        raise DefinitionError(f"several competence rows apply to {kind.code} on {on.isoformat()}")
    if not rows:
        template = Msg(
            "not known to antq for {kind} on {on}: Circular 124/2021 applies from 10/02/2022, and competence under Circular 23/2012 is not confirmed"
        )
        return answer(
            Reason(template=template, params={"kind": kind, "on": on}), Confirmation.UNCONFIRMED
        )
    row = rows[0]
    if row.parameter is None:
        template = Msg("{body}; the decision is signed by: {signer}")
        params: dict[str, Param] = {"signer": _signer_label(row.signer)}
        if row.body is not None:
            params["body"] = row.body
        return answer(
            Reason(template=template, params=params),
            row.confirmation,
            row.citations,
            row.body,
            row.signer,
            note=row.note,
        )
    if supplied is None:
        template = Msg(
            "unknown: the law as known to antq does not say who recognises it on {on}; supply {parameter}"
        )
        params = {"on": on, "parameter": row.parameter.name}
        return answer(
            Reason(template=template, params=params),
            row.confirmation,
            row.citations,
            note=row.note,
        )
    signer = supplied if supplied.is_signer else None
    template = Msg(
        "{body}, as supplied by the user ({parameter}); the decision is signed by: {signer}"
    )
    params = {
        "body": supplied.body,
        "parameter": row.parameter.name,
        "signer": _signer_label(signer),
    }
    # A user's stand-in for an unconfirmed rule stays unconfirmed.
    return answer(
        Reason(template=template, params=params),
        Confirmation.UNCONFIRMED,
        row.citations,
        supplied.body,
        signer,
        supplied=True,
        note=row.note,
    )


_RANK = {Confirmation.CONFIRMED: 0, Confirmation.PARTIAL: 1, Confirmation.UNCONFIRMED: 2}


def _weakest(values: Iterable[Confirmation]) -> Confirmation:
    """The weakest confirmation among ``values`` (CONFIRMED when there are none)."""
    return max(values, key=_RANK.__getitem__, default=Confirmation.CONFIRMED)


def _join(authorities: Iterable[Authority]) -> Text:
    chosen = list(authorities)
    return Text(vi=", ".join(a.label_vi for a in chosen), en=", ".join(a.label_en for a in chosen))
