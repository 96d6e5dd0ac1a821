"""Mass models of the movement (mô hình) and their replication sites ("điểm" mô hình).

Hướng dẫn 22/HD-BCA-V05 (18/11/2022) counts each model by name, with its sites (the
areas where it has been replicated). Model names are open-ended and local, so a
model keeps its free-text name plus an optional category. Whether a site works
effectively (hoạt động hiệu quả) is an assessor's judgement; TT 124/2021/TT-BCA
Art. 5 cl. 1, Art. 6 cl. 1 and Art. 7 cl. 1 count effective models.
"""

from __future__ import annotations

import datetime as dt

import attrs

from antq.entities.validators import (
    member_of,
    non_empty_str,
    optional_bool,
    optional_date,
)
from antq.vocabulary import CodedEnum

__all__ = ["HostType", "MassModel", "ModelCategory", "ModelSite", "ModelStatus"]


class ModelCategory(CodedEnum):
    """Category of a movement model, as reported by provinces (entities.md §2.3).

    A reporting aid, not a legal classification; the model's own name stays free
    text.
    """

    RESIDENTIAL_SELF_MANAGEMENT = (
        "residential_self_management",
        "tự quản về an ninh, trật tự ở khu dân cư",
        "residential self-management of security and order",
    )
    INTER_FAMILY = (
        "inter_family",
        "liên gia, liên hộ tự quản",
        "inter-family and neighbourhood self-management",
    )
    CLAN = ("clan", "dòng họ tự quản", "clan or lineage")
    RELIGIOUS_COMMUNITY = ("religious_community", "cộng đồng tôn giáo", "religious community")
    ETHNIC_MINORITY = ("ethnic_minority", "vùng đồng bào dân tộc thiểu số", "ethnic minorities")
    MASS_ORGANISATION = ("mass_organisation", "tổ chức đoàn thể", "mass organisation")
    TECHNOLOGY_DEVICE = (
        "technology_device",
        "công nghệ, thiết bị an ninh",
        "technology and physical devices",
    )
    CRIME_DRUG_FREE = (
        "crime_drug_free",
        "địa bàn không tội phạm, ma túy, tệ nạn xã hội",
        "crime-, drug- and social-evil-free area",
    )
    REINTEGRATION = (
        "reintegration",
        "giúp đỡ người vi phạm pháp luật tái hòa nhập cộng đồng",
        "reintegration of people who offended",
    )
    PATROL = ("patrol", "tuần tra", "patrols")
    BORDER_INTER_COMMUNE = (
        "border_inter_commune",
        "biên giới, vùng giáp ranh",
        "border and inter-commune areas",
    )
    OCCUPATION_PREMISES = (
        "occupation_premises",
        "ngành nghề, cơ sở kinh doanh tự quản",
        "occupation and premises",
    )
    SCHOOL = ("school", "trường học", "schools")
    TRAFFIC = ("traffic", "an toàn giao thông", "traffic safety")
    FIRE_SAFETY = ("fire_safety", "an toàn phòng cháy, chữa cháy", "fire safety")
    MEDIATION = ("mediation", "hòa giải ở cơ sở", "grassroots mediation")
    FORUM = ("forum", "diễn đàn lắng nghe ý kiến Nhân dân", "public forums")


class HostType(CodedEnum):
    """What kind of community hosts a model (entities.md §2.3, modelling implications)."""

    RESIDENTIAL_AREA = ("residential_area", "khu dân cư", "residential area")
    AGENCY = ("agency", "cơ quan", "agency")
    ENTERPRISE = ("enterprise", "doanh nghiệp", "enterprise")
    SCHOOL = ("school", "cơ sở giáo dục", "school or educational institution")
    RELIGIOUS_COMMUNITY = ("religious_community", "cộng đồng tôn giáo", "religious community")
    CLAN = ("clan", "dòng họ", "clan")
    OTHER = ("other", "khác", "other")


class ModelStatus(CodedEnum):
    """Life-cycle status of a model; weak or unsuitable models are removed (thanh loại)."""

    ACTIVE = ("active", "đang hoạt động", "active")
    REMOVED = ("removed", "thanh loại", "removed")


@attrs.frozen(kw_only=True)
class MassModel:
    """A movement model (mô hình trong phong trào TDBVANTQ), HD 22/HD-BCA-V05.

    The template ("loại mô hình") that sites replicate. ``category`` is optional;
    ``built_on`` is the date it was first built, if known.
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str = attrs.field(validator=non_empty_str)
    host_type: HostType = attrs.field(validator=member_of(HostType))
    category: ModelCategory | None = attrs.field(
        default=None, validator=member_of(ModelCategory, optional=True)
    )
    built_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    status: ModelStatus = attrs.field(default=ModelStatus.ACTIVE, validator=member_of(ModelStatus))


@attrs.frozen(kw_only=True)
class ModelSite:
    """A site of a model (điểm mô hình, điểm nhân rộng), HD 22/HD-BCA-V05.

    ``host_id`` is the id of the hosting residential area, agency, enterprise,
    school or other community. ``effective`` is the assessor's judgement of
    whether the site works effectively; ``None`` means not assessed.
    """

    id: str = attrs.field(validator=non_empty_str)
    model_id: str = attrs.field(validator=non_empty_str)
    host_id: str = attrs.field(validator=non_empty_str)
    started_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    effective: bool | None = attrs.field(default=None, validator=optional_bool)
