"""A criterion's remembered result is shared by units whose records it does not read."""

from __future__ import annotations

from datetime import date

import antq
from antq.testing import residential_area

SEPARATISM = "tt124.residential-area.no-separatism"


def _result(unit_id: str, *incidents: antq.Incident) -> antq.CriterionResult:
    facts = residential_area(households_resident=10, incidents=incidents)
    verdict = antq.evaluate(facts.unit(unit_id, 2024))
    return next(r for r in verdict.results if r.criterion_id == SEPARATISM)


def test_incidents_of_other_categories_give_the_result_of_no_incident() -> None:
    theft = antq.Incident(
        date=date(2024, 3, 2),
        category=antq.IncidentCategory.CRIME,
        gravity=antq.CrimeGravity.IT_NGHIEM_TRONG,
    )
    none = _result("KDC-1")
    other = _result("KDC-2", theft)
    assert other.outcome is antq.Outcome.MET
    # The same remembered object: the memo took the theft for "no incident of its kind".
    assert other is none


def test_an_incident_the_check_reads_is_decided_for_its_unit() -> None:
    separatism = antq.Incident(date=date(2024, 3, 2), category=antq.IncidentCategory.SEPARATISM)
    found = _result("KDC-3", separatism)
    assert found.outcome is antq.Outcome.NOT_MET
    assert found is not _result("KDC-4")
    assert "02/03/2024" in found.reason.render("vi")
