"""The worked examples and suggested test vectors of safe-standard.md §7 (Thông tư 124/2021).

(The Thông tư 23/2012 25-residential-area example is tested with the TT 23 rule sets.)
"""

from __future__ import annotations

from typing import Any

import pytest

from antq.core import evaluate
from antq.core.verdict import Verdict
from antq.law.citation import Citation
from antq.safety import default_rulebook

from .builders import (
    AGENCY,
    COMMUNE,
    ENTERPRISE,
    MET,
    NOT_MET,
    RA,
    SCHOOL,
    crime,
    facts_of,
    ids_with,
    incident,
    result_of,
    verdict_of,
)

# -- TT 124 commune: 20 residential areas + 5 agencies / enterprises / institutions ------------------

#: Ways a unit under the commune can miss recognition, one per unit that fails.
RA_FAILURES: list[dict[str, Any]] = [
    {"households_registered": 119},
    {"grassroots_force_members_disciplined": 1},
    {"incidents": [incident("prolonged_dispute", "2024-06-01")]},
    {"offences_current": {"crimes": 2, "social_evils": 1, "other_violations": 2}},
    {"grassroots_force_grade": "khong_hoan_thanh"},
    {"party_resolution_q1": False},
    {"incidents": [crime("nghiem_trong", "2024-09-09", force_majeure=False, mitigated=False)]},
    {"supervised_persons_managed": False},
]


def units_under_the_commune(failing_residential_areas: int) -> list[Verdict]:
    """Same-round verdicts of the 25 units a commune manages (Điều 5 khoản 4).

    20 residential areas, of which ``failing_residential_areas`` miss one criterion,
    and 5 other units, of which the small enterprise is out of scope and one
    agency fails; all 25 registered.
    """
    verdicts = []
    for n in range(20):
        overrides = RA_FAILURES[n] if n < failing_residential_areas else {}
        verdicts.append(evaluate(facts_of(RA, **overrides), default_rulebook()))
    verdicts += [
        verdict_of(AGENCY),
        verdict_of(AGENCY, incidents=[incident("state_secret_violation")]),
        verdict_of(ENTERPRISE),
        verdict_of(ENTERPRISE, enterprise_size="small"),
        verdict_of(SCHOOL),
    ]
    return verdicts


@pytest.mark.parametrize(
    ("failing_residential_areas", "recognised", "outcome", "reason"),
    [
        (6, 17, NOT_MET, "17/25 = 68.0% < 70%: 1 more needed"),
        (5, 18, MET, "18/25 = 72.0% ≥ 70%"),
        (0, 23, MET, "23/25 = 92.0% ≥ 70%"),
        (8, 15, NOT_MET, "15/25 = 60.0% < 70%: 3 more needed"),
    ],
)
def test_tt124_commune_of_25_units(
    failing_residential_areas: int, recognised: int, outcome: object, reason: str
) -> None:
    units = units_under_the_commune(failing_residential_areas)
    assert len(units) == 25
    met = sum(v.outcome is MET for v in units)
    assert met == recognised
    verdict = verdict_of(COMMUNE, units_total=25, units_registered=25, units_recognised=met)
    assert verdict.outcome is outcome
    result = result_of(verdict, "units-recognised")
    assert result.outcome is outcome
    assert result.reason.render("en") == reason
    assert result.citation == Citation.parse("124/2021/TT-BCA 5(4)")
    assert result_of(verdict, "units-registered").outcome is MET


@pytest.mark.parametrize("recognised", [17, 18, 20, 24])
def test_tt124_commune_one_unregistered_unit_fails_whatever_the_ratio(recognised: int) -> None:
    verdict = verdict_of(COMMUNE, units_total=25, units_registered=24, units_recognised=recognised)
    assert verdict.outcome is NOT_MET
    registered = result_of(verdict, "units-registered")
    assert registered.outcome is NOT_MET
    assert registered.reason.render("en") == "24/25 = 96.0% < 100%: 1 more needed"
    assert result_of(verdict, "units-recognised").outcome is (MET if recognised >= 18 else NOT_MET)


def test_tt124_commune_denominator_includes_agencies_enterprises_and_institutions() -> None:
    # 18 of the 20 residential areas alone would be 90%; against all 25 units, 17 is 68%.
    verdict = verdict_of(COMMUNE, units_total=25, units_registered=25, units_recognised=17)
    assert result_of(verdict, "units-recognised").outcome is NOT_MET
    assert verdict_of(
        COMMUNE, units_total=20, units_registered=20, units_recognised=17
    ).outcome is (MET)


# -- residential area with one serious crime, detected, mitigated, reported (4(4)(b)) ---------------


def test_residential_area_serious_crime_detected_mitigated_reported_passes() -> None:
    serious = crime(
        "nghiem_trong",
        "2024-05-14",
        id="VA-2024-031",
        description="cố ý gây thương tích",
        force_majeure=False,
        timely_detected=True,
        mitigated=True,
        reported_immediately=True,
    )
    verdict = verdict_of(RA, incidents=[serious])
    result = result_of(verdict, "no-serious-crime")
    assert result.outcome is MET
    assert result.citation == Citation.parse("124/2021/TT-BCA 4(4)(b)")
    assert result.reason.render("en").startswith(
        "1 crime(s) of serious gravity or above, each excused"
    )
    assert verdict.outcome is MET


def test_residential_area_serious_crime_not_reported_fails() -> None:
    serious = crime(
        "nghiem_trong",
        "2024-05-14",
        force_majeure=False,
        timely_detected=True,
        mitigated=True,
        reported_immediately=False,
    )
    verdict = verdict_of(RA, incidents=[serious])
    assert ids_with(verdict, NOT_MET) == {"no-serious-crime"}
    assert "on 14/05/2024" in result_of(verdict, "no-serious-crime").reason.render("en")


# -- school with a go-slow: Điều 7 khoản 3 passes because 6(3)(d) does not apply ----------------------


def test_school_with_go_slow_meets_article_7_clause_3() -> None:
    go_slow = incident("unlawful_go_slow", "2024-04-10")
    verdict = verdict_of(SCHOOL, incidents=[go_slow])
    clause_3 = Citation.parse("124/2021/TT-BCA 7(3)")
    items = [r for r in verdict.results if r.citation == clause_3]
    assert len(items) == 6
    assert all(r.outcome is MET for r in items)
    assert verdict.outcome is MET


def test_enterprise_with_the_same_go_slow_fails_article_6_clause_3_point_d() -> None:
    verdict = verdict_of(ENTERPRISE, incidents=[incident("unlawful_go_slow", "2024-04-10")])
    assert verdict.outcome is NOT_MET
    result = result_of(verdict, "no-unlawful-strike")
    assert result.outcome is NOT_MET
    assert result.citation == Citation.parse("124/2021/TT-BCA 6(3)(d)")
    assert result.reason.render("en") == "1 in the period 16/11/2023 – 15/11/2024, on 10/04/2024"
