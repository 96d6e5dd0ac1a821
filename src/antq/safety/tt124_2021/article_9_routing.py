"""Where a recognition dossier goes for appraisal, by date: the routing of Thông tư
124/2021/TT-BCA Điều 9 khoản 1, with the change of Thông tư 48/2025/TT-BCA as dated data.

Điều 9 khoản 1 (2021 text) sends the dossier of

* a residential area to the standing office of the commune Steering Committee
  (điểm a);
* a commune to the standing office of the district Steering Committee (điểm b);
* an agency, enterprise or institution through the standing office of the
  Steering Committee of the competent level (điểm c);
* a unit followed by the Ministry's professional units to the Department for
  Building the Movement, V05 (điểm d).

What changed, and what antq knows of it (safe-standard.md §4):

* Thông tư 48/2025/TT-BCA **replaced the routing phrase of điểm a**. Its
  replacement wording and its effective date are not available to antq. The
  circular is numbered /2025, so it cannot apply before 01/01/2025; from then
  on, antq gives the 2021 route only for dates before the effective date the
  user supplies (``tt48_effective``), and the new route only as the user
  supplies it (``residential_route_after_tt48``; most likely the commune
  police). Both answers stay UNCONFIRMED.
* The district level ended on 30/06/2025, so điểm b has no receiver in antq
  from 01/07/2025 unless the user supplies one (``commune_route_after_reform``).
* Điểm c and d are not reported as changed: after the reform antq gives the
  2021 text, marked PARTIAL.

>>> from datetime import date
>>> from antq.core.unit_kinds import UnitKind
>>> dossier_route(UnitKind.RESIDENTIAL_AREA, date(2024, 11, 1)).receiver.code
'commune_steering_office'
>>> dossier_route(UnitKind.RESIDENTIAL_AREA, date(2025, 11, 1)).receiver is None
True
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import attrs

from antq.core.criterion import Parameter
from antq.core.reasons import Param, Reason
from antq.core.unit_kinds import UnitKind
from antq.entities.admin_units import LAST_DISTRICT_DAY
from antq.errors import InputError
from antq.i18n.catalog import Label, Msg
from antq.law.citation import Citation, cite
from antq.law.confirmation import Confirmation
from antq.safety.tt124_2021.article_9_procedure import ORGANISATIONS, TT124_FROM, ManagingLevel
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "COMMUNE_ROUTE_AFTER_REFORM",
    "RESIDENTIAL_ROUTE_AFTER_TT48",
    "TT48",
    "TT48_EFFECTIVE",
    "TT48_NOT_BEFORE",
    "DossierReceiver",
    "DossierRoute",
    "dossier_route",
]

TT48 = "48/2025/TT-BCA"
#: A circular numbered /2025 is issued in 2025 and cannot apply earlier; its own
#: effective date is not confirmed (safe-standard.md §2, §4).
TT48_NOT_BEFORE = date(2025, 1, 1)


class DossierReceiver(CodedEnum):
    """Who receives and appraises a recognition dossier (Điều 9 khoản 1)."""

    COMMUNE_STEERING_OFFICE = (
        "commune_steering_office",
        "Thường trực Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc cấp xã",
        "standing office of the commune Steering Committee for crime and social-evil prevention and the movement",
    )
    DISTRICT_STEERING_OFFICE = (
        "district_steering_office",
        "Thường trực Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc cấp huyện",
        "standing office of the district Steering Committee for crime and social-evil prevention and the movement",
    )
    STEERING_OFFICE_OF_COMPETENT_LEVEL = (
        "steering_office_of_competent_level",
        "Thường trực Ban Chỉ đạo của cấp có thẩm quyền",
        "standing office of the Steering Committee of the competent level",
    )
    MOVEMENT_DEPARTMENT = (
        "movement_department",
        "Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc (V05), Bộ Công an",
        "Department for Building the Movement (V05), Ministry of Public Security",
    )
    COMMUNE_POLICE = ("commune_police", "Công an cấp xã", "commune police")
    PROVINCIAL_STEERING_OFFICE = (
        "provincial_steering_office",
        "Thường trực Ban Chỉ đạo cấp tỉnh",
        "standing office of the provincial Steering Committee",
    )

    @property
    def legacy(self) -> bool:
        """Whether it existed only up to 30/06/2025 (the district level)."""
        return self is DossierReceiver.DISTRICT_STEERING_OFFICE


TT48_EFFECTIVE: Parameter[date] = Parameter(
    name="tt48_effective",
    label=Msg("the date from which Circular 48/2025 applies"),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    citation=cite(TT48),
)
RESIDENTIAL_ROUTE_AFTER_TT48: Parameter[DossierReceiver] = Parameter(
    name="residential_route_after_tt48",
    label=Msg("who receives a residential area's dossier under Circular 48/2025"),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=tuple(r for r in DossierReceiver if not r.legacy),
    citation=cite("124/2021/TT-BCA", 9, 1, "a"),
)
COMMUNE_ROUTE_AFTER_REFORM: Parameter[DossierReceiver] = Parameter(
    name="commune_route_after_reform",
    label=Msg("who receives a commune's dossier from 01/07/2025"),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=tuple(r for r in DossierReceiver if not r.legacy),
    citation=cite("124/2021/TT-BCA", 9, 1, "b"),
)


@attrs.frozen(kw_only=True)
class DossierRoute:
    """Where the dossier of a unit of ``kind`` goes on ``on``, and how sure antq is.

    ``receiver`` is None when antq cannot say; ``reason`` then says what to
    supply. ``supplied`` is True when the answer rests on a value the user gave.
    """

    kind: UnitKind
    on: date
    receiver: DossierReceiver | None
    citation: Citation | None
    confirmation: Confirmation
    reason: Reason
    supplied: bool = False
    note: Label | None = None

    @property
    def known(self) -> bool:
        return self.receiver is not None

    def explain(self, lang: Lang = "vi") -> str:
        parts = [self.reason.render(lang)]
        if self.citation is not None:
            parts.append(self.citation.render(lang))
        parts.append(self.confirmation.label(lang))
        if self.note is not None:
            parts.append(self.note.render(lang))
        return " · ".join(parts)


_COMMUNE = DossierReceiver.COMMUNE_STEERING_OFFICE
_DISTRICT = DossierReceiver.DISTRICT_STEERING_OFFICE
_AFTER_REFORM = Msg(
    "the 2021 text, not reported as changed by Circular 48/2025, whose full text is not available to antq"
)


def _day(value: object, path: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InputError(path, value, Msg("expected a datetime.date (not a datetime)"))
    return value


def _receiver(value: object, parameter: Parameter[DossierReceiver]) -> DossierReceiver | None:
    if value is None:
        return None
    if not isinstance(value, DossierReceiver) or value not in parameter.choices:
        allowed = ", ".join(r.code for r in parameter.choices)
        raise InputError(
            parameter.name,
            getattr(value, "code", value),
            Msg("expected one of {allowed}"),
            params={"allowed": allowed},
        )
    return value


def dossier_route(
    kind: UnitKind,
    on: date,
    *,
    managed_by: ManagingLevel | None = None,
    tt48_effective: date | None = None,
    residential_route_after_tt48: DossierReceiver | None = None,
    commune_route_after_reform: DossierReceiver | None = None,
) -> DossierRoute:
    """Who receives the recognition dossier of a unit of ``kind`` sent on ``on``.

    ``managed_by`` tells a unit followed by the Ministry of Public Security
    (Điều 9 khoản 1 điểm d) from the other agencies, enterprises and
    institutions (điểm c). The three keyword values stand in for what is not
    confirmed (see the module docstring); an answer that uses one is UNCONFIRMED.
    """
    if not isinstance(kind, UnitKind):
        raise InputError("kind", kind, Msg("expected a UnitKind"))
    _day(on, "on")
    if tt48_effective is not None:
        _day(tt48_effective, TT48_EFFECTIVE.name)
        if tt48_effective < TT48_NOT_BEFORE:
            raise InputError(
                TT48_EFFECTIVE.name,
                tt48_effective.isoformat(),
                Msg("a 2025 circular applies from 2025"),
            )
    after_tt48 = _receiver(residential_route_after_tt48, RESIDENTIAL_ROUTE_AFTER_TT48)
    after_reform = _receiver(commune_route_after_reform, COMMUNE_ROUTE_AFTER_REFORM)
    if managed_by is not None and (
        kind not in ORGANISATIONS or not isinstance(managed_by, ManagingLevel)
    ):
        raise InputError(
            "managed_by",
            getattr(managed_by, "code", managed_by),
            Msg("only agencies, enterprises and institutions have one (a ManagingLevel)"),
        )

    def answer(
        template: Msg,
        confirmation: Confirmation,
        receiver: DossierReceiver | None = None,
        citation: Citation | None = None,
        *,
        supplied: bool = False,
        note: Label | None = None,
        **params: Param,
    ) -> DossierRoute:
        if receiver is not None:
            params["receiver"] = receiver
        return DossierRoute(
            kind=kind,
            on=on,
            receiver=receiver,
            citation=citation,
            confirmation=confirmation,
            reason=Reason(template=template, params=params),
            supplied=supplied,
            note=note,
        )

    if on < TT124_FROM:
        return answer(
            Msg(
                "not known to antq on {on}: Circular 124/2021 applies from 10/02/2022, and the routing under Circular 23/2012 is not confirmed"
            ),
            Confirmation.UNCONFIRMED,
            on=on,
        )
    if kind is UnitKind.RESIDENTIAL_AREA:
        return _residential_area(on, tt48_effective, after_tt48, answer)
    if kind is UnitKind.COMMUNE:
        point = cite("124/2021/TT-BCA", 9, 1, "b")
        if on <= LAST_DISTRICT_DAY:
            return answer(Msg("{receiver}"), Confirmation.CONFIRMED, _DISTRICT, point)
        if after_reform is None:
            return answer(
                Msg(
                    "unknown: the district level ended on 30/06/2025 and who receives a commune's dossier since then is not confirmed; supply {parameter}"
                ),
                Confirmation.UNCONFIRMED,
                citation=point,
                parameter=COMMUNE_ROUTE_AFTER_REFORM.name,
            )
        return answer(
            Msg("{receiver}, as supplied by the user ({parameter})"),
            Confirmation.UNCONFIRMED,
            after_reform,
            point,
            supplied=True,
            parameter=COMMUNE_ROUTE_AFTER_REFORM.name,
        )
    ministry = managed_by is ManagingLevel.MINISTRY
    receiver = (
        DossierReceiver.MOVEMENT_DEPARTMENT
        if ministry
        else DossierReceiver.STEERING_OFFICE_OF_COMPETENT_LEVEL
    )
    point = cite("124/2021/TT-BCA", 9, 1, "d" if ministry else "c")
    if on <= LAST_DISTRICT_DAY:
        return answer(Msg("{receiver}"), Confirmation.CONFIRMED, receiver, point)
    return answer(Msg("{receiver}"), Confirmation.PARTIAL, receiver, point, note=_AFTER_REFORM)


def _residential_area(
    on: date,
    tt48_effective: date | None,
    after_tt48: DossierReceiver | None,
    answer: Callable[..., DossierRoute],
) -> DossierRoute:
    point = cite("124/2021/TT-BCA", 9, 1, "a")
    if on < TT48_NOT_BEFORE:
        return answer(Msg("{receiver}"), Confirmation.CONFIRMED, _COMMUNE, point)
    if tt48_effective is None:
        return answer(
            Msg(
                "unknown: Circular 48/2025 replaced this route from a date antq does not know; supply {parameter}"
            ),
            Confirmation.UNCONFIRMED,
            citation=point,
            parameter=TT48_EFFECTIVE.name,
        )
    if on < tt48_effective:
        return answer(
            Msg("{receiver}: the 2021 text, before Circular 48/2025 applies ({effective})"),
            Confirmation.UNCONFIRMED,
            _COMMUNE,
            point,
            supplied=True,
            effective=tt48_effective,
        )
    if after_tt48 is None:
        return answer(
            Msg(
                "unknown: Circular 48/2025 replaced this route and its new wording is not available to antq; supply {parameter}"
            ),
            Confirmation.UNCONFIRMED,
            citation=point,
            parameter=RESIDENTIAL_ROUTE_AFTER_TT48.name,
        )
    return answer(
        Msg("{receiver}, as supplied by the user ({parameter})"),
        Confirmation.UNCONFIRMED,
        after_tt48,
        point,
        supplied=True,
        parameter=RESIDENTIAL_ROUTE_AFTER_TT48.name,
    )
