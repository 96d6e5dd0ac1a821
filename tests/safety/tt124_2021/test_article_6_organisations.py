"""Thông tư 124/2021/TT-BCA Điều 6: agencies (cơ quan) and enterprises (doanh nghiệp)."""

from __future__ import annotations

from typing import Any

import pytest

from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.safety.tt124_2021 import article_6_organisations as organisations

from ..builders import (
    AGENCY,
    AGENCY_TOPICS,
    ENTERPRISE,
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    UNKNOWN,
    Case,
    assert_baseline_met,
    assert_cites,
    assert_fails_alone,
    assert_unknown_when_missing,
    ids_with,
    incident,
    institution_cases,
    result_of,
    short_ids,
    verdict_of,
)

KINDS = (AGENCY, ENTERPRISE)
RULE_SETS = {AGENCY: organisations.AGENCY, ENTERPRISE: organisations.ENTERPRISE}

CASES: dict[str, Case] = {
    **institution_cases(6),
    "internal-rules": Case(
        cite="6(1)",
        fail={"internal_rules_topics": [t for t in AGENCY_TOPICS if t != "environment"]},
        reason="1 required topic(s) not covered: environmental protection",
        remove=("internal_rules_topics",),
    ),
    "staff-informed": Case(
        cite="6(1)",
        fail={"staff_informed": 49},
        reason="49/50 = 98% < 100%: 1 more needed",
        remove=("staff_informed", "staff_total"),
    ),
    "no-unlawful-strike": Case(
        cite="6(3)(d)",
        fail={"incidents": [incident("unlawful_strike")]},
        reason=("1 in the period 16/11/2023 – 15/11/2024", "on 02/03/2024"),
        remove=("incidents",),
    ),
    "no-staff-admin-penalty": Case(
        cite="6(3)(h)",
        fail={"staff_admin_sanctioned_security_order": 1},
        reason="1 recorded where none is allowed",
        remove=("staff_admin_sanctioned_security_order",),
    ),
    "no-staff-social-evil": Case(
        cite="6(3)(h)",
        fail={"staff_social_evil_disciplined_warning_or_above": 3},
        reason="3 recorded where none is allowed",
        remove=("staff_social_evil_disciplined_warning_or_above",),
    ),
}
SCOPE = "scope"
CASE_ITEMS = sorted(CASES.items())
BOTH = pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)


@BOTH
def test_table_covers_every_criterion(kind: UnitKind) -> None:
    assert short_ids(RULE_SETS[kind]) == {*CASES, SCOPE}
    assert [c.id for c in RULE_SETS[kind].eligibility] == [f"tt124.{kind.code}.{SCOPE}"]
    assert len(RULE_SETS[kind].criteria) == 20


@BOTH
def test_baseline_is_met(kind: UnitKind) -> None:
    verdict = verdict_of(kind)
    assert verdict.outcome is MET
    assert verdict.rule_set == f"tt124.{kind.code}"
    assert str(verdict.period) == "2023-11-16/2024-11-15"
    assert ids_with(verdict, MET) == {*CASES, SCOPE}
    assert result_of(verdict, SCOPE).reason.render("en") == "within the circular's scope"


@BOTH
@pytest.mark.parametrize("criterion", sorted(CASES))
def test_met_in_baseline(kind: UnitKind, criterion: str) -> None:
    assert_baseline_met(kind, criterion)


@BOTH
@pytest.mark.parametrize(("criterion", "case"), CASE_ITEMS)
def test_one_change_fails_only_that_criterion(kind: UnitKind, criterion: str, case: Case) -> None:
    assert_fails_alone(kind, criterion, case)


@BOTH
@pytest.mark.parametrize(("criterion", "case"), CASE_ITEMS)
def test_missing_input_is_unknown(kind: UnitKind, criterion: str, case: Case) -> None:
    assert_unknown_when_missing(kind, criterion, case)


@BOTH
@pytest.mark.parametrize(
    ("criterion", "case"),
    [*CASE_ITEMS, (SCOPE, Case(cite="1(2)(b)", fail={}, reason="", remove=()))],
)
def test_citation(kind: UnitKind, criterion: str, case: Case) -> None:
    assert_cites(kind, criterion, case)


# -- scope (Điều 1 khoản 2 điểm b) ------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "overrides", "outcome", "reason"),
    [
        (
            AGENCY,
            {"is_armed_forces": True},
            NOT_APPLICABLE,
            "armed forces are outside the circular",
        ),
        (AGENCY, {"is_armed_forces": False}, MET, "within the circular's scope"),
        (ENTERPRISE, {"enterprise_size": "micro"}, NOT_APPLICABLE, "a micro enterprise is outside"),
        (ENTERPRISE, {"enterprise_size": "small"}, NOT_APPLICABLE, "a small enterprise is outside"),
        (ENTERPRISE, {"enterprise_size": "medium"}, MET, "within the circular's scope"),
        (ENTERPRISE, {"enterprise_size": "large"}, MET, "within the circular's scope"),
    ],
)
def test_scope_gate(
    kind: UnitKind, overrides: dict[str, Any], outcome: object, reason: str
) -> None:
    verdict = verdict_of(kind, **overrides)
    assert verdict.outcome is outcome
    [gate] = verdict.eligibility
    assert gate.outcome is outcome
    assert reason in gate.reason.render("en")
    if outcome is NOT_APPLICABLE:
        assert verdict.results == ()
    else:
        assert len(verdict.results) == 20


@pytest.mark.parametrize(
    ("kind", "overrides"),
    [
        (AGENCY, {"is_armed_forces": True, "registered_q1": False, "incidents": None}),
        (ENTERPRISE, {"enterprise_size": "small", "staff_informed": 1, "policy_implemented": None}),
    ],
)
def test_out_of_scope_ignores_failing_and_missing_facts(
    kind: UnitKind, overrides: dict[str, Any]
) -> None:
    verdict = verdict_of(kind, **overrides)
    assert verdict.outcome is NOT_APPLICABLE
    assert verdict.results == ()
    assert verdict.missing_inputs == ()


@pytest.mark.parametrize(
    ("kind", "scope_input"), [(AGENCY, "is_armed_forces"), (ENTERPRISE, "enterprise_size")]
)
@pytest.mark.parametrize("also_failing", [False, True])
def test_unknown_scope_gives_unknown_verdict(
    kind: UnitKind, scope_input: str, also_failing: bool
) -> None:
    # Even a failing criterion cannot make it NOT_MET: the unit may be outside the circular.
    extra = {"registered_q1": False} if also_failing else {}
    verdict = verdict_of(kind, **{scope_input: None}, **extra)
    assert verdict.outcome is UNKNOWN
    [gate] = verdict.eligibility
    assert gate.outcome is UNKNOWN
    assert gate.missing == (scope_input,)
    assert verdict.missing_inputs == (scope_input,)
    assert len(verdict.results) == 20
    assert ids_with(verdict, NOT_MET) == ({"registration"} if also_failing else set())


# -- gates inside the rule set -------------------------------------------------------------------


@BOTH
@pytest.mark.parametrize("resolution", [True, False, None])
def test_no_party_organisation_makes_resolution_not_applicable(
    kind: UnitKind, resolution: bool | None
) -> None:
    verdict = verdict_of(kind, has_party_organisation=False, party_resolution_q1=resolution)
    result = result_of(verdict, "party-resolution")
    assert result.outcome is NOT_APPLICABLE
    assert result.reason.render("en") == (
        "the unit has no Party organisation, so this item does not apply"
    )
    assert verdict.outcome is MET


@BOTH
def test_party_organisation_unknown_is_unknown(kind: UnitKind) -> None:
    result = result_of(verdict_of(kind, has_party_organisation=None), "party-resolution")
    assert result.outcome is UNKNOWN
    assert result.missing == ("has_party_organisation",)


FAILING_FORCE_AND_SUBUNITS = {
    "security_force_advanced_collective": False,
    "security_force_grade": "khong_hoan_thanh",
    "security_force_disciplined_warning_or_above": 4,
    "subunits_qualifying": 0,
}


@BOTH
def test_not_emulation_eligible_makes_only_the_title_and_subunits_not_applicable(
    kind: UnitKind,
) -> None:
    # Addendum 2026-12 §3.3: the parenthesis qualifies the title or grade only; the
    # no-discipline sub-item of the security force still applies.
    verdict = verdict_of(kind, emulation_eligible=False, **FAILING_FORCE_AND_SUBUNITS)
    assert ids_with(verdict, NOT_APPLICABLE) == {"security-force-rating", "subunits"}
    assert ids_with(verdict, NOT_MET) == {"security-force-discipline"}
    assert verdict.outcome is NOT_MET
    reason = result_of(verdict, "subunits").reason.render("en")
    assert reason == "the unit is not eligible for emulation ratings, so this item does not apply"
    clean = verdict_of(kind, emulation_eligible=False)
    assert result_of(clean, "security-force-discipline").outcome is MET
    assert clean.outcome is MET


@BOTH
def test_not_emulation_eligible_still_requires_no_individual_discipline(kind: UnitKind) -> None:
    verdict = verdict_of(kind, emulation_eligible=False, individuals_disciplined_warning_or_above=1)
    assert verdict.outcome is NOT_MET
    assert ids_with(verdict, NOT_MET) == {"individual-discipline"}


NO_FORCE: dict[str, Any] = {
    "has_security_force": False,
    "security_force_advanced_collective": None,
    "security_force_grade": None,
    "security_force_disciplined_warning_or_above": None,
}


@BOTH
def test_no_security_force_is_undetermined_until_a_reading_is_chosen(kind: UnitKind) -> None:
    # Điều 6 khoản 4 has no "(nếu có)", unlike Điều 7 khoản 5: no N/A by default.
    verdict = verdict_of(kind, **NO_FORCE)
    assert ids_with(verdict, UNKNOWN) == {"security-force-rating", "security-force-discipline"}
    assert verdict.outcome is UNKNOWN
    result = result_of(verdict, "security-force-discipline")
    assert result.missing == ("parameter:no_own_security_force",)
    reason = result.reason.render("en")
    assert "no security force of its own" in reason and "Article 7(5)" in reason
    assert "no_own_security_force" in result.reason.render("vi")
    # The sub-unit item is not about the security force and still applies.
    assert (
        result_of(verdict_of(kind, **NO_FORCE, subunits_qualifying=6), "subunits").outcome
        is NOT_MET
    )


@BOTH
@pytest.mark.parametrize(
    ("reading", "outcome", "overall"),
    [("not_applicable", NOT_APPLICABLE, MET), ("not_met", NOT_MET, NOT_MET)],
)
def test_no_security_force_follows_the_reading_chosen(
    kind: UnitKind, reading: str, outcome: object, overall: object
) -> None:
    rules = RULE_SETS[kind].with_parameters(no_own_security_force=reading)
    verdict = verdict_of(kind, rules=rules, **NO_FORCE)
    for item in ("security-force-rating", "security-force-discipline"):
        result = result_of(verdict, item)
        assert result.outcome is outcome
        assert "no_own_security_force" in result.reason.render("en")
        assert "Article 6(4), unlike Article 7(5)" in result.reason.render("en")
    assert verdict.outcome is overall
    # With a force of its own, the reading changes nothing.
    assert verdict_of(kind, rules=rules).outcome is MET
    # Not eligible for ratings: the title or grade is not assessed whatever the reading.
    ineligible = verdict_of(kind, rules=rules, emulation_eligible=False, **NO_FORCE)
    assert result_of(ineligible, "security-force-rating").outcome is NOT_APPLICABLE


@BOTH
def test_no_security_force_reading_is_a_documented_parameter(kind: UnitKind) -> None:
    (parameter,) = [p for p in RULE_SETS[kind].parameters() if p.name == "no_own_security_force"]
    assert parameter.default == "undetermined"
    assert parameter.choices == ("undetermined", "not_applicable", "not_met")
    assert parameter.confirmation.code == "unconfirmed"
    with pytest.raises(InputError, match="no_own_security_force"):
        RULE_SETS[kind].with_parameters(no_own_security_force="maybe")


@BOTH
def test_security_force_discipline_needs_its_count_when_there_is_a_force(kind: UnitKind) -> None:
    verdict = verdict_of(kind, security_force_disciplined_warning_or_above=None)
    result = result_of(verdict, "security-force-discipline")
    assert result.outcome is UNKNOWN
    assert result.missing == ("security_force_disciplined_warning_or_above",)
    assert verdict.missing_inputs == ("security_force_disciplined_warning_or_above",)


@BOTH
def test_emulation_eligibility_unknown_is_unknown(kind: UnitKind) -> None:
    verdict = verdict_of(kind, emulation_eligible=None)
    assert ids_with(verdict, UNKNOWN) == {"security-force-rating", "subunits"}
    assert result_of(verdict, "security-force-discipline").outcome is MET
    assert verdict.missing_inputs == ("emulation_eligible",)


@BOTH
def test_ineligible_unit_must_still_say_whether_it_has_a_security_force(kind: UnitKind) -> None:
    verdict = verdict_of(kind, emulation_eligible=False, has_security_force=None)
    assert result_of(verdict, "security-force-rating").outcome is NOT_APPLICABLE
    assert result_of(verdict, "security-force-discipline").outcome is UNKNOWN
    assert verdict.outcome is UNKNOWN
    assert verdict.missing_inputs == ("has_security_force",)


# -- security-force rating: title or grade (Điều 6 khoản 4) -------------------------------------------


@BOTH
@pytest.mark.parametrize(
    ("title", "grade", "outcome"),
    [
        (True, "khong_hoan_thanh", MET),
        (True, None, MET),
        (False, "hoan_thanh_xuat_sac", MET),
        (False, "hoan_thanh_tot", MET),
        (None, "hoan_thanh_tot", MET),
        (False, "hoan_thanh", NOT_MET),
        (False, "khong_hoan_thanh", NOT_MET),
        (None, "hoan_thanh", UNKNOWN),
        (False, None, UNKNOWN),
        (None, None, UNKNOWN),
    ],
)
def test_security_force_title_or_grade(
    kind: UnitKind, title: bool | None, grade: str | None, outcome: object
) -> None:
    verdict = verdict_of(kind, security_force_advanced_collective=title, security_force_grade=grade)
    result = result_of(verdict, "security-force-rating")
    assert result.outcome is outcome
    expected_missing = tuple(
        name
        for name, value in (
            ("security_force_advanced_collective", title),
            ("security_force_grade", grade),
        )
        if value is None
    )
    assert result.missing == (expected_missing if outcome is UNKNOWN else ())


# -- internal rules, staff informed, sub-units ------------------------------------------------------


@BOTH
@pytest.mark.parametrize("dropped", AGENCY_TOPICS)
def test_each_of_the_six_topics_is_required(kind: UnitKind, dropped: str) -> None:
    topics = [t for t in AGENCY_TOPICS if t != dropped]
    result = result_of(verdict_of(kind, internal_rules_topics=topics), "internal-rules")
    assert result.outcome is NOT_MET
    assert result.reason.render("en").startswith("1 required topic(s) not covered: ")


@BOTH
def test_extra_topics_do_not_hurt_and_the_reason_counts_six(kind: UnitKind) -> None:
    result = result_of(
        verdict_of(kind, internal_rules_topics=[*AGENCY_TOPICS, "learners"]), "internal-rules"
    )
    assert result.outcome is MET
    assert result.reason.render("en") == "all 6 required topics are covered"


@BOTH
def test_no_topics_lists_all_six(kind: UnitKind) -> None:
    result = result_of(verdict_of(kind, internal_rules_topics=[]), "internal-rules")
    assert result.reason.render("en").startswith("6 required topic(s) not covered: ")


@BOTH
@pytest.mark.parametrize(
    ("informed", "total", "outcome"), [(50, 50, MET), (49, 50, NOT_MET), (0, 1, NOT_MET)]
)
def test_all_staff_informed(kind: UnitKind, informed: int, total: int, outcome: object) -> None:
    verdict = verdict_of(kind, staff_informed=informed, staff_total=total)
    assert result_of(verdict, "staff-informed").outcome is outcome


@BOTH
@pytest.mark.parametrize(
    ("overrides", "path"),
    [
        ({"staff_informed": 0, "staff_total": 0}, "U1.staff_total"),
        ({"staff_informed": 51}, "U1.staff_informed"),
        ({"subunits_qualifying": 11}, "U1.subunits_qualifying"),
        ({"subunits_qualifying": 1, "subunits_eligible": 0}, "U1.subunits_qualifying"),
    ],
)
def test_impossible_counts_raise(kind: UnitKind, overrides: dict[str, int], path: str) -> None:
    with pytest.raises(InputError) as caught:
        verdict_of(kind, **overrides)
    assert caught.value.path == path


@BOTH
@pytest.mark.parametrize(
    ("qualifying", "eligible", "outcome", "reason"),
    [
        (7, 10, MET, "7/10 = 70% ≥ 70%"),
        (6, 10, NOT_MET, "6/10 = 60% < 70%: 1 more needed"),
        (10, 10, MET, "10/10 = 100% ≥ 70%"),
        (13, 19, NOT_MET, "13/19 = 68.4% < 70%: 1 more needed"),
        (14, 20, MET, "14/20 = 70% ≥ 70%"),
        (0, 1, NOT_MET, "0/1 = 0% < 70%: 1 more needed"),
    ],
)
def test_subunit_share(
    kind: UnitKind, qualifying: int, eligible: int, outcome: object, reason: str
) -> None:
    verdict = verdict_of(kind, subunits_qualifying=qualifying, subunits_eligible=eligible)
    result = result_of(verdict, "subunits")
    assert result.outcome is outcome
    assert result.reason.render("en") == reason


@BOTH
def test_strike_and_go_slow_both_fail_point_d(kind: UnitKind) -> None:
    for category in ("unlawful_strike", "unlawful_go_slow"):
        verdict = verdict_of(kind, incidents=[incident(category)])
        assert ids_with(verdict, NOT_MET) == {"no-unlawful-strike"}


@BOTH
@pytest.mark.parametrize(
    "category",
    [
        "serious_fire_explosion",
        "fatal_labour_accident",
        "serious_incident",
        "environment_food_safety_violation",
    ],
)
def test_point_g_lists_four_kinds_of_event(kind: UnitKind, category: str) -> None:
    verdict = verdict_of(kind, incidents=[incident(category, force_majeure=False)])
    assert ids_with(verdict, NOT_MET) == {"no-serious-accident"}


@BOTH
@pytest.mark.parametrize(
    ("day", "counts"),
    [("2023-11-15", False), ("2023-11-16", True), ("2024-11-15", True), ("2024-11-16", False)],
)
def test_incident_period_boundary(kind: UnitKind, day: str, counts: bool) -> None:
    verdict = verdict_of(kind, incidents=[incident("state_secret_violation", day)])
    assert result_of(verdict, "no-state-secret-violation").outcome is (NOT_MET if counts else MET)
