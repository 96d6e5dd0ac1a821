"""The kinds of unit that are assessed against the safe standard."""

from __future__ import annotations

from antq.vocabulary import CodedEnum


class UnitKind(CodedEnum):
    """A kind of unit assessed for the "An toàn về an ninh, trật tự" standard.

    The same kinds are used by Thông tư 23/2012/TT-BCA (which says *nhà trường*,
    school) and Thông tư 124/2021/TT-BCA (which says *cơ sở giáo dục*,
    educational institution).
    """

    RESIDENTIAL_AREA = ("residential_area", "khu dân cư", "residential area")
    COMMUNE = (
        "commune",
        "xã, phường, thị trấn, đặc khu",
        "commune, ward, township or special zone",
    )
    AGENCY = ("agency", "cơ quan", "agency")
    ENTERPRISE = ("enterprise", "doanh nghiệp", "enterprise")
    EDUCATIONAL_INSTITUTION = (
        "educational_institution",
        "cơ sở giáo dục",
        "educational institution",
    )
