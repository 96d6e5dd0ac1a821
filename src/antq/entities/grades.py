"""Ordinal ratings: task grades, collective emulation titles, disciplinary forms.

The safe-standard criteria compare these ratings against a minimum level (the
"c→ordinal" criteria of TT 124/2021/TT-BCA Art. 4 cl. 5, Art. 6 cl. 4–5 and
Art. 7 cl. 5–6). antq takes the rating as an input and never computes it.
"""

from __future__ import annotations

from typing import Self

from antq.vocabulary import CodedEnum

__all__ = ["DisciplineForm", "EmulationTitle", "OrdinalEnum", "TaskGrade"]


class OrdinalEnum(CodedEnum):
    """A :class:`~antq.vocabulary.CodedEnum` whose members are ranked.

    A higher :attr:`rank` is a higher level (better grade, higher title, heavier
    penalty, graver crime). Two members may share a rank when they are
    equivalents.
    """

    @property
    def rank(self) -> int:
        """The member's rank; higher = higher level."""
        raise NotImplementedError

    def at_least(self, other: Self) -> bool:
        """Whether this member is at ``other``'s level or above."""
        if type(other) is not type(self):
            raise TypeError(f"cannot compare {type(self).__name__} with {type(other).__name__}")
        return self.rank >= other.rank


class TaskGrade(OrdinalEnum):
    """Task-completion grade (xếp loại mức độ hoàn thành nhiệm vụ).

    The four levels that Hướng dẫn 01/HD-BCA-V05 uses to rate Tổ bảo vệ an ninh,
    trật tự and their members; TT 124 Art. 4 cl. 5 asks for "hoàn thành nhiệm vụ"
    or above and Art. 6 cl. 4–5 and Art. 7 cl. 5–6 for "hoàn thành tốt nhiệm vụ"
    or above.
    """

    HOAN_THANH_XUAT_SAC = (
        "hoan_thanh_xuat_sac",
        "Hoàn thành xuất sắc nhiệm vụ",
        "completed tasks excellently",
    )
    HOAN_THANH_TOT = ("hoan_thanh_tot", "Hoàn thành tốt nhiệm vụ", "completed tasks well")
    HOAN_THANH = ("hoan_thanh", "Hoàn thành nhiệm vụ", "completed tasks")
    KHONG_HOAN_THANH = ("khong_hoan_thanh", "Không hoàn thành nhiệm vụ", "did not complete tasks")

    @property
    def rank(self) -> int:
        """4 = excellent ... 1 = not completed."""
        return _TASK_GRADE_RANK[self]


_TASK_GRADE_RANK: dict[TaskGrade, int] = {
    TaskGrade.HOAN_THANH_XUAT_SAC: 4,
    TaskGrade.HOAN_THANH_TOT: 3,
    TaskGrade.HOAN_THANH: 2,
    TaskGrade.KHONG_HOAN_THANH: 1,
}


class EmulationTitle(OrdinalEnum):
    """Collective emulation title (danh hiệu thi đua tập thể) named by the criteria.

    TT 124/2021/TT-BCA Art. 6 cl. 4–5 and Art. 7 cl. 5–6 accept "Tập thể lao động
    tiên tiến" (or a task grade); TT 23/2012/TT-BCA Art. 6 asked for "Đơn vị tiên
    tiến" or higher. "Đơn vị tiên tiến" is the armed-forces counterpart of "Tập thể
    lao động tiên tiến", and "Đơn vị quyết thắng" that of "Tập thể lao động xuất
    sắc" (emulation-awards.md §7.2), so counterparts share a rank.
    """

    TAP_THE_LAO_DONG_TIEN_TIEN = (
        "tap_the_lao_dong_tien_tien",
        "Tập thể lao động tiên tiến",
        "advanced labour collective",
    )
    TAP_THE_LAO_DONG_XUAT_SAC = (
        "tap_the_lao_dong_xuat_sac",
        "Tập thể lao động xuất sắc",
        "excellent labour collective",
    )
    DON_VI_TIEN_TIEN = ("don_vi_tien_tien", "Đơn vị tiên tiến", "advanced unit")
    DON_VI_QUYET_THANG = ("don_vi_quyet_thang", "Đơn vị quyết thắng", "determined-to-win unit")

    @property
    def rank(self) -> int:
        """1 = advanced (tiên tiến), 2 = excellent (xuất sắc / quyết thắng)."""
        return _EMULATION_TITLE_RANK[self]


_EMULATION_TITLE_RANK: dict[EmulationTitle, int] = {
    EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN: 1,
    EmulationTitle.DON_VI_TIEN_TIEN: 1,
    EmulationTitle.TAP_THE_LAO_DONG_XUAT_SAC: 2,
    EmulationTitle.DON_VI_QUYET_THANG: 2,
}


class DisciplineForm(OrdinalEnum):
    """Disciplinary form (hình thức kỷ luật), from lightest to heaviest.

    The criteria need only "any form" (TT 124 Art. 4 cl. 5, Art. 5 cl. 3) and
    "warning or above" (từ hình thức cảnh cáo trở lên; Art. 6 cl. 3–5, Art. 7
    cl. 4–6); see :attr:`warning_or_above`.
    """

    KHIEN_TRACH = ("khien_trach", "khiển trách", "reprimand")
    CANH_CAO = ("canh_cao", "cảnh cáo", "warning")
    HA_BAC_LUONG = ("ha_bac_luong", "hạ bậc lương", "salary-grade reduction")
    GIANG_CHUC = ("giang_chuc", "giáng chức", "demotion")
    CACH_CHUC = ("cach_chuc", "cách chức", "dismissal from post")
    BUOC_THOI_VIEC = ("buoc_thoi_viec", "buộc thôi việc", "forced termination")

    @property
    def rank(self) -> int:
        """1 = reprimand ... 6 = forced termination."""
        return _DISCIPLINE_RANK[self]

    @property
    def warning_or_above(self) -> bool:
        """Whether the form is "cảnh cáo" (warning) or heavier."""
        return self.at_least(DisciplineForm.CANH_CAO)


# Reprimand < warning < every other form is what the criteria rely on. The order
# among the heavier forms follows the general civil-service list (background
# knowledge, not from the specification's sources); no criterion depends on it.
_DISCIPLINE_RANK: dict[DisciplineForm, int] = {
    DisciplineForm.KHIEN_TRACH: 1,
    DisciplineForm.CANH_CAO: 2,
    DisciplineForm.HA_BAC_LUONG: 3,
    DisciplineForm.GIANG_CHUC: 4,
    DisciplineForm.CACH_CHUC: 5,
    DisciplineForm.BUOC_THOI_VIEC: 6,
}
