"""Incidents (sự việc, vụ việc) that the safe-standard criteria count.

The assessor classifies each event; antq only counts them and applies the
exceptions (safe-standard.md §7 item 4). The force-majeure and
detect / mitigate / report flags are assessor judgements (QUAL) and are
three-valued: ``True``, ``False`` or ``None`` (not assessed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from antq.entities.grades import OrdinalEnum
from antq.entities.validators import (
    check_date,
    date_field,
    field_path,
    fmt_date,
    member_of,
    optional_bool,
    optional_non_empty_str,
    plain_str,
)
from antq.errors import AntqError, InputError
from antq.i18n.catalog import Msg
from antq.law.citation import Citation
from antq.law.tables import Node, load
from antq.vocabulary import CodedEnum

__all__ = ["CrimeGravity", "Incident", "IncidentCategory", "incidents_in"]


class CrimeGravity(OrdinalEnum):
    """Gravity class of a crime (phân loại tội phạm).

    The four classes of Bộ luật Hình sự 2015 Art. 9; that article is general legal
    background, not verified against the specification's sources. TT 124 Art. 4
    cl. 4 pt. b and Art. 6 cl. 3 pt. đ concern crimes "nghiêm trọng trở lên".
    """

    IT_NGHIEM_TRONG = ("it_nghiem_trong", "ít nghiêm trọng", "less serious")
    NGHIEM_TRONG = ("nghiem_trong", "nghiêm trọng", "serious")
    RAT_NGHIEM_TRONG = ("rat_nghiem_trong", "rất nghiêm trọng", "very serious")
    DAC_BIET_NGHIEM_TRONG = (
        "dac_biet_nghiem_trong",
        "đặc biệt nghiêm trọng",
        "especially serious",
    )

    @property
    def rank(self) -> int:
        """1 = less serious ... 4 = especially serious."""
        return _GRAVITY_RANK[self]

    @property
    def serious_or_above(self) -> bool:
        """Whether the crime is "nghiêm trọng trở lên" (serious or graver)."""
        return self.at_least(CrimeGravity.NGHIEM_TRONG)


_GRAVITY_RANK: dict[CrimeGravity, int] = {
    CrimeGravity.IT_NGHIEM_TRONG: 1,
    CrimeGravity.NGHIEM_TRONG: 2,
    CrimeGravity.RAT_NGHIEM_TRONG: 3,
    CrimeGravity.DAC_BIET_NGHIEM_TRONG: 4,
}

_TT124 = "124/2021/TT-BCA"


class IncidentCategory(CodedEnum):
    """Category of an event counted by the TT 124/2021/TT-BCA criteria.

    :attr:`tt124_provisions` names the points that list the category. Art. 5
    cl. 2 applies Art. 4 cl. 2–4 to a commune, and Art. 7 cl. 3 applies Art. 6
    cl. 3 pts. a, b, c, đ, e, g to an educational institution, by reference.
    """

    ANTI_STATE_ACTIVITY = (
        "anti_state_activity",
        "hoạt động chống Đảng, chính quyền, phá hoại khối đại đoàn kết toàn dân tộc",
        "activity against the Party or the government, or undermining national unity",
    )
    SABOTAGE_OF_KEY_TARGETS = (
        "sabotage_of_key_targets",
        "phá hoại mục tiêu, công trình trọng điểm",
        "sabotage of key targets and works",
    )
    UNLAWFUL_RELIGION = (
        "unlawful_religion",
        "truyền đạo, phát triển tín ngưỡng, tôn giáo trái pháp luật",
        "propagation of unlawful beliefs or religions",
    )
    EXPLOITING_RELIGION_ETHNICITY = (
        "exploiting_religion_ethnicity",
        "lợi dụng tín ngưỡng, tôn giáo, dân tộc, tranh chấp, khiếu kiện gây phức tạp",
        "exploiting belief, religion, ethnicity, disputes or complaints",
    )
    SEPARATISM = ("separatism", "ly khai, đòi tự trị", "separatist or autonomy-demanding activity")
    PROLONGED_DISPUTE = (
        "prolonged_dispute",
        "mâu thuẫn, tranh chấp phức tạp, kéo dài trong nội bộ Nhân dân",
        "complex, prolonged dispute among the people",
    )
    COMPLAINT_INCITEMENT = (
        "complaint_incitement",
        "kích động, lôi kéo tụ tập đông người khiếu kiện, gây rối",
        "inciting crowds to complain or disturb order, or abusing complaints",
    )
    CRIME = ("crime", "tội phạm", "crime")
    OTHER_VIOLATION = ("other_violation", "vi phạm pháp luật khác", "other violation of law")
    NEW_SOCIAL_EVIL_CASE = (
        "new_social_evil_case",
        "phát sinh người mắc tệ nạn xã hội",
        "new person with a social evil",
    )
    NEW_ORDER_HOTSPOT = (
        "new_order_hotspot",
        "phát sinh tụ điểm phức tạp về trật tự xã hội",
        "new complex social-order hotspot",
    )
    SERIOUS_FIRE_EXPLOSION = (
        "serious_fire_explosion",
        "cháy, nổ nghiêm trọng",
        "serious fire or explosion",
    )
    FATAL_LABOUR_ACCIDENT = (
        "fatal_labour_accident",
        "tai nạn lao động chết người",
        "fatal labour accident",
    )
    SERIOUS_INCIDENT = ("serious_incident", "sự cố nghiêm trọng", "serious incident")
    ENVIRONMENT_FOOD_SAFETY_VIOLATION = (
        "environment_food_safety_violation",
        "vi phạm về môi trường, an toàn thực phẩm gây hậu quả nghiêm trọng",
        "environmental or food-safety violation with serious consequences",
    )
    UNLAWFUL_STRIKE = ("unlawful_strike", "đình công trái pháp luật", "unlawful strike")
    UNLAWFUL_GO_SLOW = ("unlawful_go_slow", "lãn công trái pháp luật", "unlawful go-slow")
    STATE_SECRET_VIOLATION = (
        "state_secret_violation",
        "vi phạm quy định về bảo vệ bí mật Nhà nước",
        "violation of the rules on protecting State secrets",
    )
    SCHOOL_VIOLENCE = ("school_violence", "bạo lực học đường", "school violence")

    @property
    def tt124_provisions(self) -> tuple[str, ...]:
        """The TT 124 points listing the category, e.g. ``"124/2021/TT-BCA 4(3)(a)"``."""
        return tuple(f"{_TT124} {p}" for p in _PROVISIONS[self])


def _provisions() -> dict[IncidentCategory, tuple[str, ...]]:
    root = load("antq.entities", "data/incident_provisions.toml")
    root.keys(("instrument", "confirmation", "provisions"))
    instrument = root["instrument"].text()
    if instrument != _TT124:
        raise root["instrument"].fail(Msg("expected {instrument}"), instrument=_TT124)
    root["confirmation"].confirmation()
    found: dict[IncidentCategory, tuple[str, ...]] = {}
    for code, row in root["provisions"].entries():
        category = Node(row.source, row.path, code).code(IncidentCategory)
        for node in row.items():
            try:
                Citation.parse(f"{_TT124} {node.text()}")
            except AntqError as error:
                raise node.fail(str(error)) from None
        found[category] = row.texts()
    missing = [c.code for c in IncidentCategory if not found.get(c)]
    if missing:
        raise root["provisions"].fail(Msg("no provision for {codes}"), codes=", ".join(missing))
    return found


#: Where TT 124 lists each category, from ``data/incident_provisions.toml``.
_PROVISIONS: dict[IncidentCategory, tuple[str, ...]] = _provisions()


@attrs.frozen(kw_only=True)
class Incident:
    """An event already classified by the assessor (safe-standard.md §7 item 4).

    ``gravity`` is required for a crime and must be ``None`` otherwise.
    ``unit_id`` is the unit (residential area, commune, agency, ...) where it
    happened. The QUAL flags are ``None`` until assessed:

    * ``force_majeure``: bất khả kháng;
    * ``timely_detected``: detected promptly (phát hiện kịp thời);
    * ``mitigated``: coordinated measures limited the harm;
    * ``reported_immediately``: reported at once to the competent level.
    """

    date: dt.date = attrs.field(validator=date_field)
    category: IncidentCategory = attrs.field(validator=member_of(IncidentCategory))
    gravity: CrimeGravity | None = attrs.field(
        default=None, validator=member_of(CrimeGravity, optional=True)
    )
    id: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    unit_id: str | None = attrs.field(default=None, validator=optional_non_empty_str)
    description: str = attrs.field(default="", validator=plain_str)
    force_majeure: bool | None = attrs.field(default=None, validator=optional_bool)
    timely_detected: bool | None = attrs.field(default=None, validator=optional_bool)
    mitigated: bool | None = attrs.field(default=None, validator=optional_bool)
    reported_immediately: bool | None = attrs.field(default=None, validator=optional_bool)

    def __attrs_post_init__(self) -> None:
        if self.category is IncidentCategory.CRIME and self.gravity is None:
            raise InputError(
                field_path(self, "gravity"), None, Msg("a crime needs its gravity class")
            )
        if self.category is not IncidentCategory.CRIME and self.gravity is not None:
            raise InputError(
                field_path(self, "gravity"),
                self.gravity.code,
                Msg("only a crime has a gravity class, not a {code}"),
                params={"code": self.category.code},
            )

    @classmethod
    def trusted(
        cls,
        *,
        date: dt.date,
        category: IncidentCategory,
        gravity: CrimeGravity | None,
        id: str | None,
        unit_id: str | None,
        description: str,
        force_majeure: bool | None,
        timely_detected: bool | None,
        mitigated: bool | None,
        reported_immediately: bool | None,
    ) -> Incident:
        """An incident whose every field a reader has already checked: nothing is checked again.

        For antq's readers (``antq.safety.inputs.parse_incident``), and
        only after they have checked what the validators check: a ``date``
        (not a datetime), members of the vocabularies, a gravity for a crime
        and for nothing else, ids None or non-empty, flags True, False or None.
        """
        incident = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(incident, "date", date)
        setattr_(incident, "category", category)
        setattr_(incident, "gravity", gravity)
        setattr_(incident, "id", id)
        setattr_(incident, "unit_id", unit_id)
        setattr_(incident, "description", description)
        setattr_(incident, "force_majeure", force_majeure)
        setattr_(incident, "timely_detected", timely_detected)
        setattr_(incident, "mitigated", mitigated)
        setattr_(incident, "reported_immediately", reported_immediately)
        return incident

    @property
    def is_serious_crime(self) -> bool:
        """Whether the event is a crime of "serious" gravity or above."""
        return self.gravity is not None and self.gravity.serious_or_above

    def excused(self) -> bool | None:
        """The serious-crime exception (TT 124 Art. 4 cl. 4 pt. b; Art. 6 cl. 3 pt. đ).

        Three-valued (Kleene) ``force_majeure OR (timely_detected AND mitigated
        AND reported_immediately)``:

        * ``True`` if force majeure is ``True``, or all three others are ``True``;
        * ``False`` if force majeure is ``False`` and at least one other is ``False``;
        * ``None`` (unknown) otherwise.
        """
        if self.force_majeure is True:
            return True
        steps = (self.timely_detected, self.mitigated, self.reported_immediately)
        if all(s is True for s in steps):
            return True
        if self.force_majeure is False and any(s is False for s in steps):
            return False
        return None

    def excused_by_force_majeure(self) -> bool | None:
        """Force majeure only: the exception for fires and explosions, fatal labour
        accidents, serious incidents and environment or food-safety violations
        (TT 124 Art. 4 cl. 4 pt. d; Art. 6 cl. 3 pt. g). ``None`` = not assessed.
        """
        return self.force_majeure


def incidents_in(
    incidents: Iterable[Incident], start: dt.date, end: dt.date
) -> tuple[Incident, ...]:
    """The incidents with ``start <= date <= end``, in their original order."""
    check_date(start, "incidents_in(start)")
    check_date(end, "incidents_in(end)")
    if end < start:
        raise InputError(
            "incidents_in(end)",
            end,
            Msg("must be on or after start ({date})"),
            params={"date": fmt_date(start)},
        )
    return tuple(i for i in incidents if start <= i.date <= end)
