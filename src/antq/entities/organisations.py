"""Agencies, enterprises and educational institutions assessed under TT 124/2021/TT-BCA.

TT 124/2021/TT-BCA Art. 1 cl. 2 pt. b applies the standard to agencies, enterprises
and educational institutions, except armed-forces agencies and units, small and
micro enterprises, and primary schools, pre-schools and crèches. TT 23/2012/TT-BCA
had no such exclusions, so the ``excluded_from_tt124`` properties below speak only
of TT 124.
"""

from __future__ import annotations

import attrs

from antq.entities.validators import (
    bool_field,
    member_of,
    non_empty_str,
    optional_bool,
    optional_non_empty_str,
)
from antq.vocabulary import CodedEnum

__all__ = [
    "Agency",
    "EducationLevel",
    "EducationalInstitution",
    "Enterprise",
    "EnterpriseSize",
]


@attrs.frozen(kw_only=True)
class Agency:
    """An agency (cơ quan), TT 124/2021/TT-BCA Art. 2 cl. 2.

    ``is_armed_forces`` marks an armed-forces agency or unit (cơ quan, đơn vị lực
    lượng vũ trang), excluded by Art. 1 cl. 2 pt. b; it has no default, because a
    missing fact must not pass the eligibility gate. ``has_party_organisation``
    is ``None`` when unknown; ``commune_code`` is ``None`` when the agency is not
    managed at commune level.
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str = attrs.field(validator=non_empty_str)
    is_armed_forces: bool = attrs.field(validator=bool_field)
    commune_code: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    has_party_organisation: bool | None = attrs.field(default=None, validator=optional_bool)

    @property
    def excluded_from_tt124(self) -> bool:
        """Whether TT 124 Art. 1 cl. 2 pt. b excludes the agency (armed forces)."""
        return self.is_armed_forces


class EnterpriseSize(CodedEnum):
    """Size class of an enterprise (quy mô doanh nghiệp).

    The test itself (headcount, revenue, capital by sector) comes from the SME
    support law and its decree and is UNCONFIRMED in the specification, so antq
    takes the size as an input and never computes it.
    """

    MICRO = ("micro", "siêu nhỏ", "micro")
    SMALL = ("small", "nhỏ", "small")
    MEDIUM = ("medium", "vừa", "medium")
    LARGE = ("large", "lớn", "large")

    @property
    def small_or_micro(self) -> bool:
        """Whether the size is small or micro (excluded by TT 124 Art. 1 cl. 2 pt. b)."""
        return self in (EnterpriseSize.MICRO, EnterpriseSize.SMALL)


@attrs.frozen(kw_only=True)
class Enterprise:
    """An enterprise (doanh nghiệp), TT 124/2021/TT-BCA Art. 2 cl. 3.

    ``size`` is ``None`` when unknown.
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str = attrs.field(validator=non_empty_str)
    commune_code: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    size: EnterpriseSize | None = attrs.field(
        default=None, validator=member_of(EnterpriseSize, optional=True)
    )
    has_party_organisation: bool | None = attrs.field(default=None, validator=optional_bool)

    @property
    def excluded_from_tt124(self) -> bool | None:
        """Whether TT 124 excludes it as small or micro; ``None`` if the size is unknown."""
        return None if self.size is None else self.size.small_or_micro


class EducationLevel(CodedEnum):
    """Level or type of an educational institution (cấp học, loại cơ sở giáo dục)."""

    NHA_TRE = ("nha_tre", "nhà trẻ", "crèche")
    MAM_NON = ("mam_non", "mầm non", "pre-school")
    TIEU_HOC = ("tieu_hoc", "tiểu học", "primary school")
    TRUNG_HOC_CO_SO = ("trung_hoc_co_so", "trung học cơ sở", "lower secondary school")
    TRUNG_HOC_PHO_THONG = ("trung_hoc_pho_thong", "trung học phổ thông", "upper secondary school")
    LIEN_CAP = (
        "lien_cap",
        "trường phổ thông có nhiều cấp học (liên cấp)",
        "multi-level general school",
    )
    GIAO_DUC_THUONG_XUYEN = (
        "giao_duc_thuong_xuyen",
        "giáo dục thường xuyên",
        "continuing education",
    )
    GIAO_DUC_NGHE_NGHIEP = ("giao_duc_nghe_nghiep", "giáo dục nghề nghiệp", "vocational education")
    CAO_DANG = ("cao_dang", "cao đẳng", "college")
    DAI_HOC = ("dai_hoc", "đại học", "university")
    KHAC = ("khac", "khác", "other")

    @property
    def general_education(self) -> bool:
        """Whether the level is general education (phổ thông).

        TT 124 Art. 7 cl. 2 asks general-education institutions for student
        management with the parents' board.
        """
        return self in _GENERAL_EDUCATION

    @property
    def excluded_from_tt124(self) -> bool:
        """Whether TT 124 Art. 1 cl. 2 pt. b excludes it (crèche, pre-school, primary)."""
        return self in _EXCLUDED_FROM_TT124


_GENERAL_EDUCATION = frozenset(
    {
        EducationLevel.TIEU_HOC,
        EducationLevel.TRUNG_HOC_CO_SO,
        EducationLevel.TRUNG_HOC_PHO_THONG,
        EducationLevel.LIEN_CAP,
    }
)
_EXCLUDED_FROM_TT124 = frozenset(
    {EducationLevel.NHA_TRE, EducationLevel.MAM_NON, EducationLevel.TIEU_HOC}
)


@attrs.frozen(kw_only=True)
class EducationalInstitution:
    """An educational institution (cơ sở giáo dục), TT 124/2021/TT-BCA Art. 2 cl. 4.

    TT 23/2012/TT-BCA called it a school (nhà trường).
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str = attrs.field(validator=non_empty_str)
    level: EducationLevel = attrs.field(validator=member_of(EducationLevel))
    commune_code: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    has_party_organisation: bool | None = attrs.field(default=None, validator=optional_bool)

    @property
    def excluded_from_tt124(self) -> bool:
        """Whether TT 124 Art. 1 cl. 2 pt. b excludes it, by its level."""
        return self.level.excluded_from_tt124
