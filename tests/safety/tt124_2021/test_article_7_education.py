"""Thông tư 124/2021/TT-BCA Điều 7: educational institutions (cơ sở giáo dục)."""

from __future__ import annotations

from typing import Any

import pytest

from antq.errors import InputError
from antq.law.citation import Citation
from antq.safety.tt124_2021 import article_7_education as education

from ..builders import (
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    SCHOOL,
    SCHOOL_TOPICS,
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

RULE_SET = education.RULE_SET
TT124 = "124/2021/TT-BCA"

CASES: dict[str, Case] = {
    **institution_cases(7),
    "internal-rules": Case(
        cite="7(1)",
        fail={"internal_rules_topics": [t for t in SCHOOL_TOPICS if t != "learners"]},
        reason="1 required topic(s) not covered: management and education of learners",
        remove=("internal_rules_topics",),
    ),
    "members-informed": Case(
        cite="7(1)",
        fail={"school_members_informed": 899},
        reason="899/900 = 99.9% < 100%: 1 more needed",
        remove=("school_members_informed", "school_members_total"),
    ),
    "parent-board": Case(
        cite="7(2)",
        fail={"parent_board_coordination": False},
        reason=": no",
        remove=("parent_board_coordination",),
    ),
    "no-school-violence": Case(
        cite="7(4)",
        fail={"incidents": [incident("school_violence")]},
        reason=("1 in the period 16/11/2023 – 15/11/2024", "on 02/03/2024"),
        remove=("incidents",),
    ),
    "no-offending-members": Case(
        cite="7(4)",
        fail={"members_offending_disciplined_warning_or_above": 1},
        reason="1 recorded where none is allowed",
        remove=("members_offending_disciplined_warning_or_above",),
    ),
}
SCOPE = "scope"
CASE_ITEMS = sorted(CASES.items())

#: Điều 7 khoản 3 applies these points of Điều 6 khoản 3 (not d, strikes; not h, staff).
APPLIED_POINTS = {
    "no-unlawful-religion": "a",
    "no-exploiting-religion": "b",
    "no-complaint-incitement": "c",
    "no-serious-crime": "đ",
    "no-state-secret-violation": "e",
    "no-serious-accident": "g",
}


def test_table_covers_every_criterion() -> None:
    assert short_ids(RULE_SET) == {*CASES, SCOPE}
    assert [c.id for c in RULE_SET.eligibility] == [f"{RULE_SET.id}.{SCOPE}"]
    assert len(RULE_SET.criteria) == 20


def test_baseline_is_met() -> None:
    verdict = verdict_of(SCHOOL)
    assert verdict.outcome is MET
    assert verdict.rule_set == "tt124.educational-institution"
    assert str(verdict.period) == "2023-11-16/2024-11-15"
    assert ids_with(verdict, MET) == {*CASES, SCOPE}


@pytest.mark.parametrize("criterion", sorted(CASES))
def test_met_in_baseline(criterion: str) -> None:
    assert_baseline_met(SCHOOL, criterion)


@pytest.mark.parametrize(("criterion", "case"), CASE_ITEMS)
def test_one_change_fails_only_that_criterion(criterion: str, case: Case) -> None:
    assert_fails_alone(SCHOOL, criterion, case)


@pytest.mark.parametrize(("criterion", "case"), CASE_ITEMS)
def test_missing_input_is_unknown(criterion: str, case: Case) -> None:
    assert_unknown_when_missing(SCHOOL, criterion, case)


@pytest.mark.parametrize(
    ("criterion", "case"),
    [*CASE_ITEMS, (SCOPE, Case(cite="1(2)(b)", fail={}, reason="", remove=()))],
)
def test_citation(criterion: str, case: Case) -> None:
    assert_cites(SCHOOL, criterion, case)


@pytest.mark.parametrize(("criterion", "point"), sorted(APPLIED_POINTS.items()))
def test_applied_article_6_points_are_noted(criterion: str, point: str) -> None:
    [definition] = [c for c in RULE_SET.criteria if c.id == f"{RULE_SET.id}.{criterion}"]
    applied = Citation.parse(f"{TT124} 6(3)({point})")
    assert definition.citation == Citation.parse(f"{TT124} 7(3)")
    assert definition.note is not None
    assert definition.note.render("vi") == f"áp dụng {applied.render('vi')}"


def test_points_d_and_h_of_article_6_are_not_applied() -> None:
    ids = short_ids(RULE_SET)
    assert "no-unlawful-strike" not in ids
    assert not {"no-staff-admin-penalty", "no-staff-social-evil"} & ids
    assert {n for n in ids if n.startswith("no-")} == {
        *APPLIED_POINTS,
        "no-school-violence",
        "no-offending-members",
    }


# -- scope (Điều 1 khoản 2 điểm b) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "label"),
    [("nha_tre", "crèche"), ("mam_non", "pre-school"), ("tieu_hoc", "primary school")],
)
def test_excluded_levels_are_not_applicable(level: str, label: str) -> None:
    verdict = verdict_of(SCHOOL, education_level=level, registered_q1=False, incidents=None)
    assert verdict.outcome is NOT_APPLICABLE
    assert verdict.results == ()
    [gate] = verdict.eligibility
    assert gate.outcome is NOT_APPLICABLE
    assert gate.reason.render("en") == f"a {label} is outside the circular"


@pytest.mark.parametrize(
    "level",
    [
        "trung_hoc_co_so",
        "trung_hoc_pho_thong",
        "lien_cap",
        "giao_duc_thuong_xuyen",
        "giao_duc_nghe_nghiep",
        "cao_dang",
        "dai_hoc",
        "khac",
    ],
)
def test_other_levels_are_in_scope(level: str) -> None:
    verdict = verdict_of(SCHOOL, education_level=level)
    assert result_of(verdict, SCOPE).outcome is MET
    assert verdict.outcome is MET
    assert len(verdict.results) == 20


@pytest.mark.parametrize("also_failing", [False, True])
def test_unknown_level_gives_unknown_verdict(also_failing: bool) -> None:
    extra = {"registered_q1": False} if also_failing else {}
    verdict = verdict_of(SCHOOL, education_level=None, **extra)
    assert verdict.outcome is UNKNOWN
    assert result_of(verdict, SCOPE).missing == ("education_level",)
    # The parents'-board gate reads the level too.
    assert result_of(verdict, "parent-board").outcome is UNKNOWN
    assert verdict.missing_inputs == ("education_level",)


# -- parents' representative board: general education only (Điều 7 khoản 2) ------------------------


@pytest.mark.parametrize(
    ("level", "applies"),
    [
        ("trung_hoc_co_so", True),
        ("trung_hoc_pho_thong", True),
        ("lien_cap", True),
        ("dai_hoc", False),
        ("cao_dang", False),
        ("giao_duc_nghe_nghiep", False),
    ],
)
def test_parent_board_only_for_general_education(level: str, applies: bool) -> None:
    verdict = verdict_of(SCHOOL, education_level=level, parent_board_coordination=False)
    result = result_of(verdict, "parent-board")
    if applies:
        assert result.outcome is NOT_MET
        assert verdict.outcome is NOT_MET
    else:
        assert result.outcome is NOT_APPLICABLE
        assert result.reason.render("en") == "only general-education institutions must do this"
        assert verdict.outcome is MET


def test_university_need_not_report_parent_board() -> None:
    verdict = verdict_of(SCHOOL, education_level="dai_hoc", parent_board_coordination=None)
    assert result_of(verdict, "parent-board").outcome is NOT_APPLICABLE
    assert verdict.outcome is MET


# -- other gates ------------------------------------------------------------------------------------


def test_no_party_organisation_makes_resolution_not_applicable() -> None:
    verdict = verdict_of(SCHOOL, has_party_organisation=False, party_resolution_q1=None)
    assert result_of(verdict, "party-resolution").outcome is NOT_APPLICABLE
    assert verdict.outcome is MET


@pytest.mark.parametrize(
    ("overrides", "not_applicable"),
    [
        (
            # Addendum 2026-12 §3.3: ineligibility switches off the title or grade only.
            {"emulation_eligible": False, "subunits_qualifying": 0},
            {"security-force-rating", "subunits"},
        ),
        (
            {"has_security_force": False, "security_force_disciplined_warning_or_above": 2},
            {"security-force-rating", "security-force-discipline"},
        ),
    ],
)
def test_security_force_if_any_and_where_eligible(
    overrides: dict[str, Any], not_applicable: set[str]
) -> None:
    verdict = verdict_of(SCHOOL, **overrides)
    assert ids_with(verdict, NOT_APPLICABLE) == not_applicable
    assert verdict.outcome is MET


def test_discipline_of_the_security_force_applies_to_an_ineligible_school() -> None:
    verdict = verdict_of(
        SCHOOL, emulation_eligible=False, security_force_disciplined_warning_or_above=1
    )
    assert ids_with(verdict, NOT_MET) == {"security-force-discipline"}
    assert verdict.outcome is NOT_MET
    # "(nếu có)": without a force of its own, neither sub-item applies (confirmed).
    without = verdict_of(
        SCHOOL,
        emulation_eligible=False,
        has_security_force=False,
        security_force_disciplined_warning_or_above=None,
    )
    assert result_of(without, "security-force-discipline").outcome is NOT_APPLICABLE
    assert without.outcome is MET


# -- boundaries and categories ------------------------------------------------------------------


@pytest.mark.parametrize("dropped", SCHOOL_TOPICS)
def test_each_of_the_four_topics_is_required(dropped: str) -> None:
    topics = [t for t in SCHOOL_TOPICS if t != dropped]
    assert result_of(
        verdict_of(SCHOOL, internal_rules_topics=topics), "internal-rules"
    ).outcome is (NOT_MET)


def test_agency_only_topics_are_not_required() -> None:
    result = result_of(verdict_of(SCHOOL), "internal-rules")
    assert result.reason.render("en") == "all 4 required topics are covered"


@pytest.mark.parametrize(
    ("informed", "total", "outcome"), [(900, 900, MET), (899, 900, NOT_MET), (1, 1, MET)]
)
def test_all_members_informed(informed: int, total: int, outcome: object) -> None:
    verdict = verdict_of(SCHOOL, school_members_informed=informed, school_members_total=total)
    assert result_of(verdict, "members-informed").outcome is outcome


@pytest.mark.parametrize(
    ("overrides", "path"),
    [
        ({"school_members_informed": 0, "school_members_total": 0}, "U1.school_members_total"),
        ({"school_members_informed": 901}, "U1.school_members_informed"),
    ],
)
def test_impossible_counts_raise(overrides: dict[str, int], path: str) -> None:
    with pytest.raises(InputError) as caught:
        verdict_of(SCHOOL, **overrides)
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("qualifying", "eligible", "outcome"), [(7, 10, MET), (6, 10, NOT_MET), (21, 30, MET)]
)
def test_subunit_share(qualifying: int, eligible: int, outcome: object) -> None:
    verdict = verdict_of(SCHOOL, subunits_qualifying=qualifying, subunits_eligible=eligible)
    assert result_of(verdict, "subunits").outcome is outcome


@pytest.mark.parametrize(
    "category", ["unlawful_strike", "unlawful_go_slow", "anti_state_activity", "separatism"]
)
def test_events_not_listed_for_schools_do_not_count(category: str) -> None:
    assert verdict_of(SCHOOL, incidents=[incident(category)]).outcome is MET


@pytest.mark.parametrize(
    ("day", "counts"),
    [("2023-11-15", False), ("2023-11-16", True), ("2024-11-15", True), ("2024-11-16", False)],
)
def test_school_violence_period_boundary(day: str, counts: bool) -> None:
    verdict = verdict_of(SCHOOL, incidents=[incident("school_violence", day)])
    assert result_of(verdict, "no-school-violence").outcome is (NOT_MET if counts else MET)
