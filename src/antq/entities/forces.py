"""Grassroots security forces: the Tổ bảo vệ an ninh, trật tự and its predecessor.

From 01/07/2024 the force taking part in protecting security and order at the
grassroots (lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở, Luật 30/2023/QH15)
is organised in teams placed at thôn / tổ dân phố. It absorbed, among others, the
Bảo vệ dân phố of Nghị định 38/2006/NĐ-CP, which ended on 30/06/2024.
"""

from __future__ import annotations

import datetime as dt

import attrs

from antq.entities import validators
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.vocabulary import CodedEnum

__all__ = [
    "FORCE_LAW_EFFECTIVE",
    "SecurityOrderTeam",
    "StreetGuardTeam",
    "TeamMembership",
    "TeamRole",
]

#: Luật 30/2023/QH15 takes effect and the force is launched (entities.md §1.2).
FORCE_LAW_EFFECTIVE = dt.date(2024, 7, 1)

#: Last day of the Bảo vệ dân phố under Nghị định 38/2006/NĐ-CP.
_STREET_GUARD_LAST_DAY = FORCE_LAW_EFFECTIVE - dt.timedelta(days=1)


class TeamRole(CodedEnum):
    """Role in a Tổ bảo vệ an ninh, trật tự (Luật 30/2023/QH15 Art. 16)."""

    TO_TRUONG = ("to_truong", "Tổ trưởng", "team leader")
    TO_PHO = ("to_pho", "Tổ phó", "deputy team leader")
    TO_VIEN = ("to_vien", "Tổ viên", "team member")


@attrs.frozen(kw_only=True)
class SecurityOrderTeam:
    """A security-and-order team (Tổ bảo vệ an ninh, trật tự), Luật 30/2023/QH15 Art. 14, 16.

    Its area (địa bàn phụ trách) is one or several thôn / tổ dân phố of one
    commune-level unit (Art. 14 cl. 2), given as residential-area ids. The
    Chairman of the commune People's Committee sets it up by decision (Art. 14
    cl. 5). Teams exist only from 01/07/2024.
    """

    id: str = attrs.field(validator=validators.non_empty_str)
    commune_code: str = attrs.field(validator=validators.non_empty_str)
    area_ids: tuple[str, ...] = attrs.field(validator=validators.id_tuple(non_empty=True))
    established_on: dt.date = attrs.field(validator=validators.date_field)
    decision_no: str | None = attrs.field(default=None, validator=validators.optional_non_empty_str)

    def __attrs_post_init__(self) -> None:
        if self.established_on < FORCE_LAW_EFFECTIVE:
            raise InputError(
                validators.field_path(self, "established_on"),
                self.established_on,
                Msg("teams exist only from {date} (Luật 30/2023/QH15)"),
                params={"date": validators.fmt_date(FORCE_LAW_EFFECTIVE)},
            )


@attrs.frozen(kw_only=True)
class TeamMembership:
    """A person's role in a team over a period (Tổ trưởng / Tổ phó / Tổ viên).

    Luật 30/2023/QH15 Art. 15–17. ``start`` and ``end`` are inclusive; ``end`` is
    ``None`` while the membership lasts. One person may hold roles in several
    organisations at once (e.g. a Tổ trưởng who also leads the dân phòng team).
    """

    person_id: str = attrs.field(validator=validators.non_empty_str)
    team_id: str = attrs.field(validator=validators.non_empty_str)
    role: TeamRole = attrs.field(validator=validators.member_of(TeamRole))
    start: dt.date = attrs.field(validator=validators.date_field)
    end: dt.date | None = attrs.field(default=None, validator=validators.optional_date)

    def __attrs_post_init__(self) -> None:
        if self.start < FORCE_LAW_EFFECTIVE:
            raise InputError(
                validators.field_path(self, "start"),
                self.start,
                Msg("teams exist only from {date} (Luật 30/2023/QH15)"),
                params={"date": validators.fmt_date(FORCE_LAW_EFFECTIVE)},
            )
        validators.check_period(self, self.start, self.end, start_name="start", end_name="end")

    def is_active_on(self, d: dt.date) -> bool:
        """Whether the membership covers ``d`` (bounds inclusive)."""
        validators.check_date(d, "TeamMembership.is_active_on(d)")
        return validators.within(self.start, self.end, d)


@attrs.frozen(kw_only=True)
class StreetGuardTeam:
    """A legacy street-guard team (tổ Bảo vệ dân phố), Nghị định 38/2006/NĐ-CP Art. 2, 7.

    Set up in wards and townships (phường, thị trấn) with regular police, one
    per residential cluster; folded into the new force on 01/07/2024. ``valid_to``
    is required and must be on or before 30/06/2024.
    """

    id: str = attrs.field(validator=validators.non_empty_str)
    commune_code: str = attrs.field(validator=validators.non_empty_str)
    valid_to: dt.date = attrs.field(validator=validators.date_field)
    valid_from: dt.date | None = attrs.field(default=None, validator=validators.optional_date)

    def __attrs_post_init__(self) -> None:
        validators.check_period(self, self.valid_from, self.valid_to)
        if self.valid_to > _STREET_GUARD_LAST_DAY:
            raise InputError(
                validators.field_path(self, "valid_to"),
                self.valid_to,
                Msg("Bảo vệ dân phố ended on {date}; valid_to must be on or before it"),
                params={"date": validators.fmt_date(_STREET_GUARD_LAST_DAY)},
            )

    def is_valid_on(self, d: dt.date) -> bool:
        """Whether the team exists on ``d`` (bounds inclusive)."""
        validators.check_date(d, "StreetGuardTeam.is_valid_on(d)")
        return validators.within(self.valid_from, self.valid_to, d)
