"""Residential areas (khu dân cư): thôn and tổ dân phố, below the commune.

They are self-managed communities, not administrative units (TT 04/2012/TT-BNV).
Luật 30/2023/QH15 Art. 2 calls every village-type unit "thôn" and every
urban-group-type unit "tổ dân phố"; TT 124/2021/TT-BCA Art. 2 cl. 1 uses "khu dân
cư" as the umbrella term. Local names (ấp, bản, khóm, ...) are kept as aliases.
"""

from __future__ import annotations

import datetime as dt

import attrs

from antq.entities.validators import (
    check_date,
    check_period,
    field_path,
    member_of,
    non_empty_str,
    optional_count,
    optional_date,
    within,
)
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.vocabulary import CodedEnum

__all__ = ["LocalName", "ResidentialArea", "ResidentialKind"]


class ResidentialKind(CodedEnum):
    """Canonical kind of residential area (Luật 30/2023/QH15 Art. 2)."""

    THON = ("thon", "thôn", "village")
    TO_DAN_PHO = ("to_dan_pho", "tổ dân phố", "residential group")


class LocalName(CodedEnum):
    """Local name of a residential area (tên gọi địa phương).

    Luật 30/2023/QH15 Art. 2 groups làng, ấp, bản, buôn, bon, phum, sóc under
    "thôn" and khu phố, khối phố, khóm, tiểu khu under "tổ dân phố"; entities.md
    §4.3 and TT 23/2012/TT-BCA Art. 3 cl. 1 also list xóm as a village-type name.
    Tiểu khu appears in both
    groups in entities.md §4.3, so its :attr:`canonical_kind` is ``None`` and the
    caller must give the kind.
    """

    THON = ("thon", "thôn", "village (thôn)")
    LANG = ("lang", "làng", "village (làng)")
    AP = ("ap", "ấp", "hamlet (ấp)")
    BAN = ("ban", "bản", "village (bản)")
    BUON = ("buon", "buôn", "village (buôn)")
    BON = ("bon", "bon", "village (bon)")
    PHUM = ("phum", "phum", "village (phum)")
    SOC = ("soc", "sóc", "village (sóc)")
    XOM = ("xom", "xóm", "hamlet (xóm)")
    TO_DAN_PHO = ("to_dan_pho", "tổ dân phố", "residential group (tổ dân phố)")
    KHU_PHO = ("khu_pho", "khu phố", "quarter (khu phố)")
    KHOI_PHO = ("khoi_pho", "khối phố", "block (khối phố)")
    KHOM = ("khom", "khóm", "urban hamlet (khóm)")
    TIEU_KHU = ("tieu_khu", "tiểu khu", "sub-area (tiểu khu)")

    @property
    def canonical_kind(self) -> ResidentialKind | None:
        """The canonical kind, or ``None`` when the name is used for both (tiểu khu)."""
        return _CANONICAL_KIND[self]


_CANONICAL_KIND: dict[LocalName, ResidentialKind | None] = {
    LocalName.THON: ResidentialKind.THON,
    LocalName.LANG: ResidentialKind.THON,
    LocalName.AP: ResidentialKind.THON,
    LocalName.BAN: ResidentialKind.THON,
    LocalName.BUON: ResidentialKind.THON,
    LocalName.BON: ResidentialKind.THON,
    LocalName.PHUM: ResidentialKind.THON,
    LocalName.SOC: ResidentialKind.THON,
    LocalName.XOM: ResidentialKind.THON,
    LocalName.TO_DAN_PHO: ResidentialKind.TO_DAN_PHO,
    LocalName.KHU_PHO: ResidentialKind.TO_DAN_PHO,
    LocalName.KHOI_PHO: ResidentialKind.TO_DAN_PHO,
    LocalName.KHOM: ResidentialKind.TO_DAN_PHO,
    LocalName.TIEU_KHU: None,
}


@attrs.frozen(kw_only=True)
class ResidentialArea:
    """A residential area (khu dân cư: thôn or tổ dân phố) of a commune.

    Luật 30/2023/QH15 Art. 2; TT 124/2021/TT-BCA Art. 2 cl. 1; TT 04/2012/TT-BNV.
    ``households`` (hộ gia đình) and ``residents`` (nhân khẩu) are optional counts
    >= 0; they feed team sizing. ``local_name`` must agree with ``kind`` when the
    name has a canonical kind.
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str = attrs.field(validator=non_empty_str)
    kind: ResidentialKind = attrs.field(validator=member_of(ResidentialKind))
    commune_code: str = attrs.field(validator=non_empty_str)
    local_name: LocalName | None = attrs.field(
        default=None, validator=member_of(LocalName, optional=True)
    )
    households: int | None = attrs.field(default=None, validator=optional_count)
    residents: int | None = attrs.field(default=None, validator=optional_count)
    valid_from: dt.date | None = attrs.field(default=None, validator=optional_date)
    valid_to: dt.date | None = attrs.field(default=None, validator=optional_date)

    def __attrs_post_init__(self) -> None:
        check_period(self, self.valid_from, self.valid_to)
        if self.local_name is not None:
            canonical = self.local_name.canonical_kind
            if canonical is not None and canonical is not self.kind:
                raise InputError(
                    field_path(self, "local_name"),
                    self.local_name.code,
                    Msg("'{name}' is a {actual}, but kind is {kind}"),
                    params={
                        "name": self.local_name.label_vi,
                        "actual": canonical.label_vi,
                        "kind": self.kind.label_vi,
                    },
                )

    def is_valid_on(self, d: dt.date) -> bool:
        """Whether the area exists on ``d`` (bounds inclusive)."""
        check_date(d, "ResidentialArea.is_valid_on(d)")
        return within(self.valid_from, self.valid_to, d)
