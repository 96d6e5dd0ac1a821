"""Reading the entries of the Law 06/2022 sections of an awards document."""

from __future__ import annotations

from datetime import date
from typing import Final

from antq.emulation.awards.eligibility import AwardForm, Fields, PendingMatter, rooted
from antq.emulation.awards.law06.article_27 import CollectiveFacts
from antq.emulation.awards.law06.article_74 import (
    IndividualRecord,
    Initiative,
    InitiativeKind,
    YearRecord,
)
from antq.entities.grades import TaskGrade

__all__ = [
    "AUTHORITY_KEYS",
    "BANG_KHEN_KEYS",
    "COLLECTIVE_KEYS",
    "read_authority_request",
    "read_bang_khen_request",
    "read_collective_request",
]

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
#: The keys of an entry of the ``authority`` section.
AUTHORITY_KEYS: Final = ("award", "on")
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
    f = Fields(raw, path, AUTHORITY_KEYS)
    return f.must_code("award", AwardForm), f.must_day("on")
