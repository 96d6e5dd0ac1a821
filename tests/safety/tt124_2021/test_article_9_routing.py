"""The dossier routing of Thông tư 124/2021 Điều 9 khoản 1, with Thông tư 48/2025 as dated data."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.law.registry import get_instrument
from antq.safety.procedure import ManagingLevel
from antq.safety.tt124_2021.article_9_routing import (
    COMMUNE_ROUTE_AFTER_REFORM,
    RESIDENTIAL_ROUTE_AFTER_TT48,
    TT48,
    TT48_EFFECTIVE,
    TT48_NOT_BEFORE,
    DossierReceiver,
    dossier_route,
)

RA, COMMUNE = UnitKind.RESIDENTIAL_AREA, UnitKind.COMMUNE
ORGANISATIONS = (UnitKind.AGENCY, UnitKind.ENTERPRISE, UnitKind.EDUCATIONAL_INSTITUTION)
C, P, U = Confirmation.CONFIRMED, Confirmation.PARTIAL, Confirmation.UNCONFIRMED


def test_tt48_dates_are_not_in_antq_so_they_are_supplied_and_unconfirmed() -> None:
    law = get_instrument(TT48)
    assert law.effective is None and "effective" in law.unconfirmed
    assert "124/2021/TT-BCA" in law.amends
    for parameter in (TT48_EFFECTIVE, RESIDENTIAL_ROUTE_AFTER_TT48, COMMUNE_ROUTE_AFTER_REFORM):
        assert parameter.default is None
        assert parameter.confirmation is U
    assert DossierReceiver.DISTRICT_STEERING_OFFICE not in COMMUNE_ROUTE_AFTER_REFORM.choices


@pytest.mark.parametrize("on", [date(2022, 2, 10), date(2024, 12, 31)])
def test_residential_area_before_2025_goes_to_the_commune_steering_office(on: date) -> None:
    route = dossier_route(RA, on)
    assert route.receiver is DossierReceiver.COMMUNE_STEERING_OFFICE
    assert route.citation == Citation.parse("124/2021/TT-BCA 9(1)(a)")
    assert route.confirmation is C
    assert not route.supplied


def test_residential_area_from_2025_is_unknown_without_the_tt48_date() -> None:
    route = dossier_route(RA, TT48_NOT_BEFORE)
    assert route.receiver is None and not route.known
    assert route.confirmation is U
    assert "supply tt48_effective" in route.reason.render("en")


def test_residential_area_around_the_supplied_tt48_date() -> None:
    effective = date(2025, 7, 1)
    before = dossier_route(RA, date(2025, 6, 30), tt48_effective=effective)
    assert before.receiver is DossierReceiver.COMMUNE_STEERING_OFFICE
    assert before.confirmation is U and before.supplied  # it rests on the user's date
    assert "01/07/2025" in before.reason.render("en")
    after = dossier_route(RA, effective, tt48_effective=effective)
    assert after.receiver is None
    assert "supply residential_route_after_tt48" in after.reason.render("en")
    supplied = dossier_route(
        RA,
        effective,
        tt48_effective=effective,
        residential_route_after_tt48=DossierReceiver.COMMUNE_POLICE,
    )
    assert supplied.receiver is DossierReceiver.COMMUNE_POLICE
    assert supplied.confirmation is U and supplied.supplied
    assert supplied.reason.render("vi").startswith("Công an cấp xã")


def test_commune_goes_to_the_district_until_30_june_2025_then_unknown_unless_supplied() -> None:
    before = dossier_route(COMMUNE, date(2025, 6, 30))
    assert before.receiver is DossierReceiver.DISTRICT_STEERING_OFFICE
    assert (before.confirmation, before.citation) == (
        C,
        Citation.parse("124/2021/TT-BCA 9(1)(b)"),
    )
    after = dossier_route(COMMUNE, date(2025, 7, 1))
    assert after.receiver is None and after.confirmation is U
    assert "supply commune_route_after_reform" in after.reason.render("en")
    supplied = dossier_route(
        COMMUNE,
        date(2025, 7, 1),
        commune_route_after_reform=DossierReceiver.PROVINCIAL_STEERING_OFFICE,
    )
    assert supplied.receiver is DossierReceiver.PROVINCIAL_STEERING_OFFICE
    assert supplied.confirmation is U and supplied.supplied
    # The supplied value is not used before the reform.
    early = dossier_route(
        COMMUNE,
        date(2025, 6, 30),
        commune_route_after_reform=DossierReceiver.PROVINCIAL_STEERING_OFFICE,
    )
    assert early.receiver is DossierReceiver.DISTRICT_STEERING_OFFICE


@pytest.mark.parametrize("kind", ORGANISATIONS)
@pytest.mark.parametrize(
    ("managed_by", "receiver", "point"),
    [
        (None, DossierReceiver.STEERING_OFFICE_OF_COMPETENT_LEVEL, "c"),
        (ManagingLevel.PROVINCE, DossierReceiver.STEERING_OFFICE_OF_COMPETENT_LEVEL, "c"),
        (ManagingLevel.MINISTRY, DossierReceiver.MOVEMENT_DEPARTMENT, "d"),
    ],
)
def test_organisations_before_and_after_the_reform(
    kind: UnitKind, managed_by: ManagingLevel | None, receiver: DossierReceiver, point: str
) -> None:
    before = dossier_route(kind, date(2024, 11, 1), managed_by=managed_by)
    after = dossier_route(kind, date(2025, 11, 1), managed_by=managed_by)
    for route in (before, after):
        assert route.receiver is receiver
        assert route.citation == Citation.parse(f"124/2021/TT-BCA 9(1)({point})")
    assert before.confirmation is C
    assert after.confirmation is P and after.note is not None


def test_before_circular_124_the_route_is_not_known() -> None:
    route = dossier_route(RA, date(2022, 2, 9))
    assert route.receiver is None and route.citation is None
    assert "Circular 23/2012 is not confirmed" in route.reason.render("en")


def test_explain_in_both_languages() -> None:
    route = dossier_route(COMMUNE, date(2025, 8, 1))
    assert "Điều 9 khoản 1 điểm b" in route.explain("vi")
    assert "chưa xác nhận" in route.explain("vi")
    assert route.explain("en").endswith("unconfirmed")
    no_citation = dossier_route(RA, date(2021, 6, 1)).explain("en")
    assert "Article" not in no_citation
    with_note = dossier_route(UnitKind.AGENCY, date(2025, 8, 1)).explain("en")
    assert with_note.endswith("whose full text is not available to antq")


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: dossier_route("residential_area", date(2024, 1, 1)), "kind"),  # type: ignore[arg-type]
        (lambda: dossier_route(RA, datetime(2024, 1, 1)), "on"),
        (
            lambda: dossier_route(RA, date(2025, 3, 1), tt48_effective=date(2024, 12, 31)),
            "tt48_effective",
        ),
        (
            lambda: dossier_route(
                COMMUNE,
                date(2025, 8, 1),
                commune_route_after_reform=DossierReceiver.DISTRICT_STEERING_OFFICE,
            ),
            "commune_route_after_reform",
        ),
        (
            lambda: dossier_route(RA, date(2024, 1, 1), managed_by=ManagingLevel.COMMUNE),
            "managed_by",
        ),
    ],
)
def test_bad_input_names_the_field(call: object, path: str) -> None:
    with pytest.raises(InputError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.path == path
