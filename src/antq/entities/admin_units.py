"""Administrative units (đơn vị hành chính) and the 2025 two-tier reform.

Up to 30/06/2025 Vietnam had three levels: province, district and commune. From
01/07/2025 it has two: the province level and the commune level (xã, phường,
đặc khu) directly under it (Luật Tổ chức chính quyền địa phương 72/2025/QH15
Art. 1; Nghị quyết 202/2025/QH15). The district level and the thị trấn ended with
the reform. Units are versioned with inclusive ``valid_from`` / ``valid_to``
dates, and a merged unit keeps the codes of its predecessors.
"""

from __future__ import annotations

import datetime as dt

import attrs

from antq.entities.validators import (
    check_date,
    check_period,
    field_path,
    fmt_date,
    id_tuple,
    member_of,
    non_empty_str,
    optional_date,
    optional_non_empty_str,
    within,
)
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.vocabulary import CodedEnum

__all__ = [
    "LAST_DISTRICT_DAY",
    "TWO_TIER_REFORM_DATE",
    "AdminLevel",
    "AdminUnitType",
    "AdministrativeUnit",
]

#: First day of the two-level local government (Luật 72/2025/QH15; entities.md §4.2).
TWO_TIER_REFORM_DATE = dt.date(2025, 7, 1)

#: Last day of the district level and of the thị trấn unit type (the day before the reform).
LAST_DISTRICT_DAY = TWO_TIER_REFORM_DATE - dt.timedelta(days=1)


class AdminLevel(CodedEnum):
    """Level of an administrative unit (cấp hành chính).

    The district level (cấp huyện) is legacy: it existed only up to 30/06/2025.
    """

    PROVINCE = ("province", "cấp tỉnh", "province level")
    DISTRICT = ("district", "cấp huyện", "district level")
    COMMUNE = ("commune", "cấp xã", "commune level")

    @property
    def legacy(self) -> bool:
        """Whether the level no longer exists (only the district level)."""
        return self is AdminLevel.DISTRICT


class AdminUnitType(CodedEnum):
    """Type of administrative unit (loại đơn vị hành chính).

    Current types: tỉnh, thành phố trực thuộc trung ương, xã, phường, đặc khu
    (Luật 72/2025/QH15 Art. 1). Legacy types, up to 30/06/2025: the five
    district-level types and thị trấn.
    """

    TINH = ("tinh", "tỉnh", "province")
    THANH_PHO_TRUC_THUOC_TW = (
        "thanh_pho_truc_thuoc_tw",
        "thành phố trực thuộc trung ương",
        "centrally governed city",
    )
    HUYEN = ("huyen", "huyện", "rural district")
    QUAN = ("quan", "quận", "urban district")
    THI_XA = ("thi_xa", "thị xã", "district-level town")
    THANH_PHO_THUOC_TINH = ("thanh_pho_thuoc_tinh", "thành phố thuộc tỉnh", "provincial city")
    THANH_PHO_THUOC_TP_TW = (
        "thanh_pho_thuoc_tp_tw",
        "thành phố thuộc thành phố trực thuộc trung ương",
        "city within a centrally governed city",
    )
    XA = ("xa", "xã", "commune")
    PHUONG = ("phuong", "phường", "ward")
    THI_TRAN = ("thi_tran", "thị trấn", "township")
    DAC_KHU = ("dac_khu", "đặc khu", "special zone")

    @property
    def level(self) -> AdminLevel:
        """The level this type of unit sits at."""
        return _TYPE_LEVEL[self]

    @property
    def legacy(self) -> bool:
        """Whether the type exists only up to 30/06/2025 (district types and thị trấn)."""
        return self.available_to is not None

    @property
    def available_from(self) -> dt.date | None:
        """First day the type exists; ``None`` = since before any date antq handles.

        Only đặc khu has one: it is a commune-level unit from 01/07/2025.
        """
        return TWO_TIER_REFORM_DATE if self is AdminUnitType.DAC_KHU else None

    @property
    def available_to(self) -> dt.date | None:
        """Last day the type exists; ``None`` = still exists.

        The district-level types and thị trấn end on 30/06/2025.
        """
        if self.level is AdminLevel.DISTRICT or self is AdminUnitType.THI_TRAN:
            return LAST_DISTRICT_DAY
        return None

    def available_on(self, d: dt.date) -> bool:
        """Whether a unit of this type can exist on ``d``."""
        check_date(d, "AdminUnitType.available_on(d)")
        return within(self.available_from, self.available_to, d)


_TYPE_LEVEL: dict[AdminUnitType, AdminLevel] = {
    AdminUnitType.TINH: AdminLevel.PROVINCE,
    AdminUnitType.THANH_PHO_TRUC_THUOC_TW: AdminLevel.PROVINCE,
    AdminUnitType.HUYEN: AdminLevel.DISTRICT,
    AdminUnitType.QUAN: AdminLevel.DISTRICT,
    AdminUnitType.THI_XA: AdminLevel.DISTRICT,
    AdminUnitType.THANH_PHO_THUOC_TINH: AdminLevel.DISTRICT,
    AdminUnitType.THANH_PHO_THUOC_TP_TW: AdminLevel.DISTRICT,
    AdminUnitType.XA: AdminLevel.COMMUNE,
    AdminUnitType.PHUONG: AdminLevel.COMMUNE,
    AdminUnitType.THI_TRAN: AdminLevel.COMMUNE,
    AdminUnitType.DAC_KHU: AdminLevel.COMMUNE,
}


@attrs.frozen(kw_only=True)
class AdministrativeUnit:
    """An administrative unit (đơn vị hành chính) over its period of validity.

    Luật 72/2025/QH15 Art. 1 (two levels from 01/07/2025); NQ 202/2025/QH15 (34
    province-level units); the UBTVQH resolutions on each province's communes.

    ``parent_code`` is ``None`` for a province and required otherwise (before the
    reform a commune's parent may be its district). ``predecessors`` holds the
    codes of the units merged into this one. The validity period must fit the
    type's availability: a thị trấn or a district-level unit cannot be valid after
    30/06/2025 (so it needs a ``valid_to``), and a đặc khu cannot be valid before
    01/07/2025 (so it needs a ``valid_from``).
    """

    code: str = attrs.field(validator=non_empty_str)
    name: str = attrs.field(validator=non_empty_str)
    unit_type: AdminUnitType = attrs.field(validator=member_of(AdminUnitType))
    parent_code: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    valid_from: dt.date | None = attrs.field(default=None, validator=optional_date)
    valid_to: dt.date | None = attrs.field(default=None, validator=optional_date)
    predecessors: tuple[str, ...] = attrs.field(default=(), validator=id_tuple(non_empty=False))
    legal_basis: str | None = attrs.field(default=None, validator=optional_non_empty_str)

    def __attrs_post_init__(self) -> None:
        check_period(self, self.valid_from, self.valid_to)
        kind = self.unit_type
        if kind.level is AdminLevel.PROVINCE and self.parent_code is not None:
            raise InputError(
                field_path(self, "parent_code"),
                self.parent_code,
                Msg("a {kind} is a province-level unit and has no parent"),
                params={"kind": kind.label_vi},
            )
        if kind.level is not AdminLevel.PROVINCE and self.parent_code is None:
            raise InputError(
                field_path(self, "parent_code"),
                None,
                Msg("a {kind} needs the code of the unit above it"),
                params={"kind": kind.label_vi},
            )
        if self.parent_code == self.code:
            raise InputError(
                field_path(self, "parent_code"), self.parent_code, Msg("is the unit itself")
            )
        if self.code in self.predecessors:
            raise InputError(
                field_path(self, "predecessors"), self.predecessors, Msg("lists the unit itself")
            )
        first = kind.available_from
        if first is not None and (self.valid_from is None or self.valid_from < first):
            raise InputError(
                field_path(self, "valid_from"),
                self.valid_from,
                Msg("a {kind} exists only from {date}; valid_from must be on or after it"),
                params={"kind": kind.label_vi, "date": fmt_date(first)},
            )
        last = kind.available_to
        if last is not None and (self.valid_to is None or self.valid_to > last):
            raise InputError(
                field_path(self, "valid_to"),
                self.valid_to,
                Msg("a {kind} exists only up to {date}; valid_to must be on or before it"),
                params={"kind": kind.label_vi, "date": fmt_date(last)},
            )

    @property
    def level(self) -> AdminLevel:
        """The unit's level, from its type."""
        return self.unit_type.level

    def is_valid_on(self, d: dt.date) -> bool:
        """Whether the unit exists on ``d`` (bounds inclusive)."""
        check_date(d, "AdministrativeUnit.is_valid_on(d)")
        return within(self.valid_from, self.valid_to, d)
