"""The yearly rating of the movement: Quyết định 510/QĐ-BCA-V05 Điều 11, as dated data.

Điều 11 (CONFIRMED, addendum-2026-12.md §4.2) sets the procedure: each unit
assesses and scores itself against its sheet and reports to the level directly
above, which reviews it and decides the classification (khoản 1); the dossier is
a submission and a summary list of the scores and the proposed classification
(khoản 2); and the rating is done before 20/11 for a residential area, 30/11 for
a commune, agency, enterprise or educational institution, and 15/12 for a
district while districts existed (khoản 3).

The table is ``qd510_procedure.toml`` beside this module, every value with its
citation and confirmation status. :func:`missed_rating_deadlines` checks a
rating decision against it as :func:`antq.safety.procedure.missed_deadlines`
checks the TT 124 Điều 9 deadlines: "before" is read strictly (the last valid day
is 19/11, 29/11 or 14/12), a late decision is reported, never a failed
criterion, and a decision with no recorded date is reported as not recorded,
never as on time. Rating years start with 2022 (rule R1: the decision was signed
on 20/01/2022); no district is rated from 2025.

>>> from datetime import date
>>> late = missed_rating_deadlines(RatingLevel.RESIDENTIAL_AREA, 2024,
...     {RatingStep.RATING_DECISION: date(2024, 11, 20)})
>>> [(m.status.code, m.days_late, m.deadline.isoformat()) for m in late]
[('late', 1, '2024-11-19')]
>>> missed_rating_deadlines(RatingLevel.DISTRICT, 2024, {RatingStep.RATING_DECISION: date(2024, 12, 14)})
()
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from typing import Any, Final

import attrs

from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.i18n.catalog import Msg, Text
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.law.tables import Node, load
from antq.safety.procedure import DayBefore, DeadlineStatus, MissedDeadline
from antq.vocabulary import CodedEnum

__all__ = [
    "RatingDeadline",
    "RatingDocument",
    "RatingDossierItem",
    "RatingLevel",
    "RatingStep",
    "RatingStepRule",
    "missed_rating_deadlines",
    "rating_deadlines",
    "rating_dossier",
    "rating_level",
    "rating_steps",
]

_DATA: Final = "qd510_procedure.toml"
_SOURCE: Final = f"antq/emulation/{_DATA}"
_READING = Msg(
    "'before' is read strictly: the rating must be decided on or before the day before"
    " (antq's reading, as for Circular 124/2021 Article 9; whether Decision 510 says"
    " 'trước ngày' is not confirmed)"
)


class RatingLevel(CodedEnum):
    """The level being rated, as Điều 11 khoản 3 groups them."""

    RESIDENTIAL_AREA = ("residential_area", "khu dân cư", "residential area")
    COMMUNE = ("commune", "xã, phường, thị trấn, đặc khu", "commune, ward or special zone")
    ORGANISATION = (
        "organisation",
        "cơ quan, doanh nghiệp, cơ sở giáo dục",
        "agency, enterprise or educational institution",
    )
    DISTRICT = (
        "district",
        "huyện, quận, thị xã, thành phố thuộc tỉnh (đến 30/06/2025)",
        "district (until 30/06/2025)",
    )


class RatingStep(CodedEnum):
    """A step of the yearly rating (Điều 11 khoản 1-2)."""

    SELF_ASSESSMENT = (
        "self_assessment",
        "tự đánh giá, chấm điểm",
        "self-assessment and scoring",
    )
    DOSSIER = ("dossier", "gửi hồ sơ đề nghị đánh giá, phân loại", "rating dossier sent")
    RATING_DECISION = (
        "rating_decision",
        "quyết định đánh giá, phân loại phong trào",
        "movement rating decided",
    )


class RatingDocument(CodedEnum):
    """A document of the rating dossier (Điều 11 khoản 2)."""

    SUBMISSION = ("submission", "Tờ trình", "submission")
    SCORE_SUMMARY = (
        "score_summary",
        "Thống kê danh sách chấm điểm, mức đề xuất đánh giá, phân loại",
        "summary list of the scores and the proposed classification",
    )


_LEVEL_OF: Final[Mapping[UnitKind, RatingLevel]] = {
    UnitKind.RESIDENTIAL_AREA: RatingLevel.RESIDENTIAL_AREA,
    UnitKind.COMMUNE: RatingLevel.COMMUNE,
    UnitKind.AGENCY: RatingLevel.ORGANISATION,
    UnitKind.ENTERPRISE: RatingLevel.ORGANISATION,
    UnitKind.EDUCATIONAL_INSTITUTION: RatingLevel.ORGANISATION,
}


def rating_level(kind: UnitKind) -> RatingLevel:
    """The level of Điều 11 khoản 3 that a unit of ``kind`` is rated at."""
    if not isinstance(kind, UnitKind):
        raise InputError("kind", kind, Msg("expected a UnitKind"))
    return _LEVEL_OF[kind]


@attrs.frozen(kw_only=True)
class RatingStepRule:
    """One step of the procedure, as the table gives it."""

    step: RatingStep
    text: Text
    citation: Citation
    confirmation: Confirmation
    note: Text | None = None


@attrs.frozen(kw_only=True)
class RatingDossierItem:
    """One document of the rating dossier."""

    document: RatingDocument
    citation: Citation
    confirmation: Confirmation


@attrs.frozen(kw_only=True)
class RatingDeadline:
    """The deadline of one level, for rating years whose last valid day is in the bounds."""

    level: RatingLevel
    rule: DayBefore
    citation: Citation
    confirmation: Confirmation
    written: Text
    applies_from: date
    applies_to: date | None = None
    note: Text | None = None

    def last_day(self, year: int) -> date:
        return self.rule.last_day(year)

    def applies(self, level: RatingLevel, year: int) -> bool:
        last = self.last_day(year)
        return (
            level is self.level
            and self.applies_from <= last
            and (self.applies_to is None or last <= self.applies_to)
        )


@attrs.frozen
class _Table:
    steps: tuple[RatingStepRule, ...]
    dossier: tuple[RatingDossierItem, ...]
    deadlines: tuple[RatingDeadline, ...]


def _step(row: Node) -> RatingStepRule:
    return RatingStepRule(
        step=row["id"].code(RatingStep),
        text=row["text"].bilingual(),
        citation=row["citation"].citation(),
        confirmation=row["confirmation"].confirmation(),
        note=row.optional("note", Node.bilingual),
    )


def _dossier_item(row: Node) -> RatingDossierItem:
    return RatingDossierItem(
        document=row["document"].code(RatingDocument),
        citation=row["citation"].citation(),
        confirmation=row["confirmation"].confirmation(),
    )


def _deadline(row: Node) -> RatingDeadline:
    start = row["applies_from"].day()
    _, end = row.dates("applies_from", "applies_to")
    return RatingDeadline(
        level=row["level"].code(RatingLevel),
        rule=DayBefore(row["month"].integer(), row["day"].integer()),
        citation=row["citation"].citation(),
        confirmation=row["confirmation"].confirmation(),
        written=row["written"].bilingual(),
        applies_from=start,
        applies_to=end,
        note=row.optional("note", Node.bilingual),
    )


def _read(data: Mapping[str, Any], source: str = _SOURCE) -> _Table:
    root = Node(source, "", data)
    if data.get("antq_procedure") != 1:
        raise root["antq_procedure"].fail(Msg("expected 1"))

    def rows(key: str) -> list[Node]:
        node = root.get(key)
        return [] if node is None else node.items()

    return _Table(
        steps=tuple(_step(row) for row in rows("steps")),
        dossier=tuple(_dossier_item(row) for row in rows("dossier")),
        deadlines=tuple(_deadline(row) for row in rows("deadlines")),
    )


@cache
def _table() -> _Table:
    root = load("antq.emulation", _DATA)
    return _read(root.mapping(), root.source)


def rating_steps() -> tuple[RatingStepRule, ...]:
    """The steps of Điều 11 khoản 1-2, in order."""
    return _table().steps


def rating_dossier() -> tuple[RatingDossierItem, ...]:
    """The documents of the rating dossier (Điều 11 khoản 2)."""
    return _table().dossier


def rating_deadlines() -> tuple[RatingDeadline, ...]:
    """Every dated deadline of Điều 11 khoản 3."""
    return _table().deadlines


def _year(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        raise InputError("year", value, Msg("must be a year from 2000 to 2100"))
    return value


def missed_rating_deadlines(
    level: RatingLevel, year: int, steps: Mapping[RatingStep, date]
) -> tuple[MissedDeadline, ...]:
    """The deadline of rating year ``year`` that the recorded ``steps`` miss (late, or no date).

    Only the rating decision has a deadline; the other steps are not checked.
    A year outside every row (before 2022; a district from 2025) is an input
    error naming the years the table covers.
    """
    if not isinstance(level, RatingLevel):
        raise InputError(
            "level",
            level,
            Msg("expected a RatingLevel ({listed})"),
            params={"listed": ", ".join(RatingLevel.codes())},
        )
    _year(year)
    if not isinstance(steps, Mapping):
        raise InputError("steps", steps, Msg("expected a mapping of RatingStep to date"))
    recorded: dict[RatingStep, date] = {}
    for step, value in steps.items():
        if not isinstance(step, RatingStep):
            raise InputError(
                "steps",
                step,
                Msg("expected a RatingStep ({listed})"),
                params={"listed": ", ".join(RatingStep.codes())},
            )
        if isinstance(value, datetime) or not isinstance(value, date):
            raise InputError(
                f"steps.{step.code}", value, Msg("expected a datetime.date (not a datetime)")
            )
        recorded[step] = value
    rows = [r for r in rating_deadlines() if r.applies(level, year)]
    if not rows:
        covered = [r for r in rating_deadlines() if r.level is level]
        first = min(r.applies_from for r in covered).year
        ends = [r.applies_to for r in covered]
        last = "no end" if None in ends else str(max(e for e in ends if e).year - 1)
        raise InputError(
            "year",
            year,
            Msg(
                "Decision 510/QĐ-BCA-V05 sets a rating deadline for {code} in rating years {first} to {last} only"
            ),
            params={"code": level.code, "first": first, "last": last},
        )
    (row,) = rows
    last_day = row.last_day(year)
    on = recorded.get(RatingStep.RATING_DECISION)
    if on is not None and on <= last_day:
        return ()
    return (
        MissedDeadline(
            step=RatingStep.RATING_DECISION,
            status=DeadlineStatus.NOT_RECORDED if on is None else DeadlineStatus.LATE,
            deadline=last_day,
            recorded_on=on,
            days_late=None if on is None else (on - last_day).days,
            days_early=None,
            citation=row.citation,
            written=row.written,
            reading=_READING,
            confirmation=row.confirmation,
            note=row.note,
        ),
    )
