"""Confirmation statuses that match the sources (issue 12 item 5, addendum-2026-12.md)."""

from __future__ import annotations

import pytest

from antq.catalogue import criteria_catalogue
from antq.core.unit_kinds import UnitKind
from antq.emulation.awards import award_catalogue
from antq.errors import InputError
from antq.safety.procedure import Dossier, DossierDocument, dossier_items


def test_knc_2021_leader_tenure_and_grassroots_category_are_confirmed() -> None:
    entries = {e.condition.id: e for e in award_catalogue()}
    for condition in (
        "knc21.leader.tenure",
        "knc21.grassroots.category",
        "knc21.grassroots.service",
    ):
        entry = entries[condition]
        assert entry.confirmation.code == "confirmed", condition
        # The optional parameter stays listed with its own status.
        assert all(p.confirmation.code == "unconfirmed" for p in entry.condition.parameters)
        assert "[chưa xác nhận]" in entry.render("vi")


def test_a_residential_area_is_not_asked_for_a_plan() -> None:
    area = [i.document for i in dossier_items(Dossier.REGISTRATION, UnitKind.RESIDENTIAL_AREA)]
    assert area == [DossierDocument.PARTY_RESOLUTION, DossierDocument.REGISTRATION_FORM]
    for kind in (
        UnitKind.COMMUNE,
        UnitKind.AGENCY,
        UnitKind.ENTERPRISE,
        UnitKind.EDUCATIONAL_INSTITUTION,
    ):
        asked = [i.document for i in dossier_items(Dossier.REGISTRATION, kind)]
        assert DossierDocument.SECURITY_PLAN in asked, kind
    assert len(dossier_items(Dossier.RECOGNITION, UnitKind.RESIDENTIAL_AREA)) == 4
    with pytest.raises(InputError, match="kind"):
        dossier_items(Dossier.REGISTRATION, "residential_area")  # type: ignore[arg-type]


def test_no_criterion_title_claims_a_quarter_i_date_it_does_not_check() -> None:
    for entry in criteria_catalogue():
        title = entry.criterion.title.render("en")
        if "Quarter I" in title:
            assert "antq does not check the date" in title, entry.criterion.id
            assert "antq không kiểm tra ngày" in entry.criterion.title.render("vi")
