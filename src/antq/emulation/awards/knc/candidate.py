"""The person proposed for the medal: service, leadership, commendations and the rest.

Every fact may be None (not known); the conditions that read it are then UNKNOWN.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

import attrs

from antq.core.periods import Period
from antq.emulation.awards.eligibility import PendingMatter
from antq.emulation.awards.knc.vocabulary import (
    AreaType,
    CandServiceAward,
    CommendationLevel,
    Disqualification,
    LeaderPosition,
    ServiceRole,
)
from antq.emulation.awards.validators import optional_bool, set_of, tuple_of
from antq.entities.forces import FORCE_LAW_EFFECTIVE
from antq.entities.persons import Sex
from antq.entities.validators import (
    check_period,
    date_field,
    field_path,
    member_of,
    non_empty_str,
    optional_date,
)
from antq.errors import InputError
from antq.i18n.catalog import Msg

__all__ = [
    "STREET_GUARD_LAST_DAY",
    "Commendation",
    "KncCandidate",
    "LeadershipPeriod",
    "ServicePeriod",
]

#: Last day of the Bảo vệ dân phố (Nghị định 38/2006/NĐ-CP), folded into the new force.
STREET_GUARD_LAST_DAY: Final = FORCE_LAW_EFFECTIVE - timedelta(days=1)


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
    phong_ban_or_above: bool | None = attrs.field(default=None, validator=optional_bool)

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
        default=None, validator=tuple_of(ServicePeriod)
    )
    leadership: tuple[LeadershipPeriod, ...] | None = attrs.field(
        default=None, validator=tuple_of(LeadershipPeriod)
    )
    commendations: tuple[Commendation, ...] | None = attrs.field(
        default=None, validator=tuple_of(Commendation)
    )
    movement_achievements: bool | None = attrs.field(default=None, validator=optional_bool)
    unit_no_social_evil_hotspot: bool | None = attrs.field(default=None, validator=optional_bool)
    unit_no_serious_incident: bool | None = attrs.field(default=None, validator=optional_bool)
    rated_well_throughout: bool | None = attrs.field(default=None, validator=optional_bool)
    already_awarded: bool | None = attrs.field(default=None, validator=optional_bool)
    cand_service_awards: frozenset[CandServiceAward] | None = attrs.field(
        default=None, validator=set_of(CandServiceAward)
    )
    disqualifications: frozenset[Disqualification] | None = attrs.field(
        default=None, validator=set_of(Disqualification)
    )
    pending: frozenset[PendingMatter] | None = attrs.field(
        default=None, validator=set_of(PendingMatter)
    )
    discipline: tuple[Period, ...] | None = attrs.field(default=None, validator=tuple_of(Period))
