"""The vocabularies of the medal: roles, areas, positions, commendation levels, exclusions.

Each class keeps the module name :mod:`antq.emulation.awards.knc`, where it was
defined before the package was split: answers written as JSON name a
vocabulary by it, so files written before still read back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from antq.entities.grades import OrdinalEnum
from antq.vocabulary import CodedEnum

_PUBLIC = "antq.emulation.awards.knc"

__all__ = [
    "TOP_RANK",
    "AreaType",
    "CandServiceAward",
    "CommendationLevel",
    "Disqualification",
    "LeaderPosition",
    "ServiceRole",
]


class ServiceRole(CodedEnum):
    """A grassroots role whose years of service may count for the medal."""

    __module__ = _PUBLIC

    TEAM_MEMBER = (
        "team_member",
        "thành viên Tổ bảo vệ an ninh, trật tự",
        "member of a grassroots security-and-order team",
    )
    STREET_GUARD = ("street_guard", "Bảo vệ dân phố", "ward civil-defence force (Bảo vệ dân phố)")
    PART_TIME_COMMUNE_POLICE = (
        "part_time_commune_police",
        "Công an xã bán chuyên trách, Công an viên",
        "part-time commune police",
    )
    AGENCY_GUARD = (
        "agency_guard",
        "bảo vệ cơ quan, doanh nghiệp nhà nước",
        "guard of an agency or state enterprise",
    )


class AreaType(CodedEnum):
    """Where a period of service was served; the last three count twice under TT 20/2025."""

    __module__ = _PUBLIC

    ORDINARY = ("ordinary", "địa bàn khác", "other area")
    ESPECIALLY_DIFFICULT = (
        "especially_difficult",
        "vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn",
        "area with especially difficult socio-economic conditions",
    )
    BORDER = ("border", "khu vực biên giới", "border area")
    ISLAND = ("island", "hải đảo", "island")

    @property
    def weight(self) -> int:
        """2 for the areas TT 20/2025 counts twice, 1 otherwise."""
        return 1 if self is AreaType.ORDINARY else 2


class LeaderPosition(CodedEnum):
    """A leadership position of the kinds the circulars list."""

    __module__ = _PUBLIC

    PARTY_COMMITTEE = ("party_committee", "lãnh đạo cấp ủy Đảng", "leader of a Party committee")
    GOVERNMENT = ("government", "lãnh đạo chính quyền", "leader in government")
    MASS_ORGANISATION = (
        "mass_organisation",
        "lãnh đạo đoàn thể, tổ chức chính trị - xã hội",
        "leader of a mass or socio-political organisation",
    )
    EDUCATION_HEAD_PUBLIC = (
        "education_head_public",
        "người đứng đầu cơ sở giáo dục công lập có tư cách pháp nhân",
        "head of a public educational institution with legal personality",
    )
    EDUCATION_HEAD_NON_PUBLIC = (
        "education_head_non_public",
        "người đứng đầu cơ sở giáo dục ngoài công lập có tư cách pháp nhân",
        "head of a non-public educational institution with legal personality",
    )
    ENTERPRISE_LEADER = (
        "enterprise_leader",
        "lãnh đạo doanh nghiệp, tập đoàn kinh tế, tổng công ty nhà nước",
        "leader of an enterprise, economic group or state corporation",
    )


class CommendationLevel(OrdinalEnum):
    """The level of a prior commendation for protecting national security.

    The rank is antq's reading of the administrative hierarchy; TT 11/2021 asks
    for "the district People's Committee or the provincial police, or higher",
    which is rank 3 here.
    """

    __module__ = _PUBLIC

    COMMUNE = ("commune", "cấp xã", "commune level")
    DISTRICT_POLICE = ("district_police", "Công an cấp huyện", "district police")
    DISTRICT_PEOPLES_COMMITTEE = (
        "district_peoples_committee",
        "Ủy ban nhân dân cấp huyện",
        "district People's Committee",
    )
    PROVINCIAL_POLICE = ("provincial_police", "Công an cấp tỉnh", "provincial police")
    PROVINCIAL_PEOPLES_COMMITTEE = (
        "provincial_peoples_committee",
        "Ủy ban nhân dân cấp tỉnh",
        "provincial People's Committee",
    )
    MINISTRY = ("ministry", "Bộ, ban, ngành trung ương", "ministry or central body")
    PRIME_MINISTER = ("prime_minister", "Thủ tướng Chính phủ", "Prime Minister")
    STATE = ("state", "Chủ tịch nước", "State (President)")

    @property
    def rank(self) -> int:
        """1 = commune ... 6 = State."""
        return _COMMENDATION_RANK[self]


_COMMENDATION_RANK: Final[Mapping[CommendationLevel, int]] = {
    CommendationLevel.COMMUNE: 1,
    CommendationLevel.DISTRICT_POLICE: 2,
    CommendationLevel.DISTRICT_PEOPLES_COMMITTEE: 3,
    CommendationLevel.PROVINCIAL_POLICE: 3,
    CommendationLevel.PROVINCIAL_PEOPLES_COMMITTEE: 4,
    CommendationLevel.MINISTRY: 4,
    CommendationLevel.PRIME_MINISTER: 5,
    CommendationLevel.STATE: 6,
}
#: The rank of the highest level.
TOP_RANK: Final = max(_COMMENDATION_RANK.values())


class CandServiceAward(CodedEnum):
    """Awards for service in the police whose holders TT 20/2025 excludes."""

    __module__ = _PUBLIC

    HC_CHIEN_SI_VE_VANG = (
        "hc_chien_si_ve_vang",
        "Huy chương “Chiến sĩ vẻ vang”",
        "'Glorious Fighter' medal",
    )
    HC_VI_AN_NINH_TO_QUOC = (
        "hc_vi_an_ninh_to_quoc",
        "Huy chương “Vì an ninh Tổ quốc”",
        "'For National Security' medal",
    )
    HUAN_CHUONG_CONG_HIEN_CAND = (
        "huan_chuong_cong_hien_cand",
        "Huân chương cho quá trình cống hiến trong Công an nhân dân",
        "order for long service in the People's Public Security",
    )


class Disqualification(CodedEnum):
    """A ground on which a person is not proposed at all."""

    __module__ = _PUBLIC

    STRIPPED_CAND_TITLE = (
        "stripped_cand_title",
        "bị tước danh hiệu Công an nhân dân",
        "stripped of the People's Public Security title",
    )
    CRIMINALLY_PROSECUTED = ("criminally_prosecuted", "bị khởi tố hình sự", "criminally prosecuted")
    COMPULSORY_EDUCATION = (
        "compulsory_education",
        "bị đưa vào cơ sở giáo dục bắt buộc",
        "sent to a compulsory education facility",
    )
    COLLABORATOR_DISMISSED = (
        "collaborator_dismissed",
        "cộng tác viên bị đưa ra khỏi mạng lưới do phản bội hoặc vi phạm quy định",
        "collaborator dismissed for betrayal or for breaking the rules",
    )
