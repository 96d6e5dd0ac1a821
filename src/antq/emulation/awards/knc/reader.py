"""Reading one entry of the ``knc`` section of an awards document."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from antq.emulation.awards.eligibility import Fields, PendingMatter, rooted
from antq.emulation.awards.knc import vocabulary
from antq.emulation.awards.knc.candidate import (
    Commendation,
    KncCandidate,
    LeadershipPeriod,
    ServicePeriod,
)
from antq.entities.persons import Sex

__all__ = ["KNC_KEYS", "read_knc_request"]

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
            role=f.must_code("role", vocabulary.ServiceRole),
            start=f.must_day("start"),
            end=f.day("end"),
            area=f.code("area", vocabulary.AreaType),
        ),
    )


def _leadership(path: str, raw: object) -> LeadershipPeriod:
    f = Fields(raw, path, ("position", "start", "end", "phong_ban_or_above"))
    return rooted(
        path,
        lambda: LeadershipPeriod(
            position=f.must_code("position", vocabulary.LeaderPosition),
            start=f.must_day("start"),
            end=f.day("end"),
            phong_ban_or_above=f.flag("phong_ban_or_above"),
        ),
    )


def _commendation(path: str, raw: object) -> Commendation:
    f = Fields(raw, path, ("level", "on"))
    return Commendation(
        level=f.must_code("level", vocabulary.CommendationLevel),
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
            cand_service_awards=f.codes("cand_service_awards", vocabulary.CandServiceAward),
            disqualifications=f.codes("disqualifications", vocabulary.Disqualification),
            pending=f.codes("pending", PendingMatter),
            discipline=f.periods("discipline"),
        ),
    )
    return candidate, proposed_on
