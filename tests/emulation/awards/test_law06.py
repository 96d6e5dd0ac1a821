"""Luật Thi đua, khen thưởng 06/2022: Điều 27, Điều 74 khoản 1 điểm d, Điều 80, and NĐ 152/2025."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import attrs
import pytest

from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.emulation.awards import (
    LAW06_ART74,
    AwardForm,
    CollectiveFacts,
    Eligibility,
    IndividualRecord,
    Initiative,
    InitiativeKind,
    PendingMatter,
    YearRecord,
    award_catalogue,
    awarding_authorities,
    excellent_collective_eligibility,
    ministry_bang_khen_eligibility,
)
from antq.emulation.awards.law06 import read_bang_khen_request, read_collective_request
from antq.entities import TaskGrade
from antq.errors import InputError, RuleSetNotFound

MET, NOT_MET, UNKNOWN, NA = (
    Outcome.MET,
    Outcome.NOT_MET,
    Outcome.UNKNOWN,
    Outcome.NOT_APPLICABLE,
)
ON = date(2025, 11, 30)
BEFORE_REFORM, REFORM = date(2025, 6, 30), date(2025, 7, 1)
XS = TaskGrade.HOAN_THANH_XUAT_SAC


def collective(**changes: Any) -> CollectiveFacts:
    base: dict[str, Any] = {
        "id": "T",
        "tasks_excellent": True,
        "emulation_active": True,
        "members": 10,
        "members_completed_tasks": 10,
        "members_advanced": 7,
        "members_grassroots_fighters": 1,
        "solidarity_exemplary": True,
        "pending": frozenset(),
    }
    base.update(changes)
    return CollectiveFacts(**base)


def art27(facts: CollectiveFacts, condition: str, on: date = ON) -> Outcome:
    return excellent_collective_eligibility(facts, on).result(condition).outcome


# --- Điều 27 ---------------------------------------------------------------------------------


def test_a_collective_meeting_every_point_is_met() -> None:
    answer = excellent_collective_eligibility(collective(), ON)
    assert answer.outcome is MET
    assert answer.award is AwardForm.TAP_THE_LAO_DONG_XUAT_SAC
    assert answer.result("law06.dvqt.other").outcome is NA
    assert answer.result("law06.art27.a").citation.render("en") == "Article 27, Law 06/2022/QH15"


def test_seventy_percent_of_members_at_the_boundary() -> None:
    assert art27(collective(members_advanced=7), "law06.art27.c-advanced") is MET
    facts = collective(members=100, members_completed_tasks=100, members_advanced=69)
    assert art27(facts, "law06.art27.c-advanced") is NOT_MET
    text = excellent_collective_eligibility(facts, ON).result("law06.art27.c-advanced").reason
    assert text.render("en").endswith("the minimum is 70%: 1 more needed")
    assert (
        art27(
            collective(members=3, members_completed_tasks=3, members_advanced=2),
            "law06.art27.c-advanced",
        )
        is NOT_MET
    )
    missing = excellent_collective_eligibility(collective(members_advanced=None), ON)
    assert missing.result("law06.art27.c-advanced").missing == ("members_advanced",)


def test_every_member_must_complete_their_tasks() -> None:
    assert art27(collective(members_completed_tasks=9), "law06.art27.c-tasks") is NOT_MET
    assert art27(collective(members=None), "law06.art27.c-tasks") is UNKNOWN


def test_at_least_one_grassroots_emulation_fighter() -> None:
    assert art27(collective(members_grassroots_fighters=0), "law06.art27.d") is NOT_MET
    assert art27(collective(members_grassroots_fighters=None), "law06.art27.d") is UNKNOWN


@pytest.mark.parametrize(
    ("field", "condition"),
    [
        ("tasks_excellent", "law06.art27.a"),
        ("emulation_active", "law06.art27.b"),
        ("solidarity_exemplary", "law06.art27.dd"),
    ],
)
def test_assessor_judgements(field: str, condition: str) -> None:
    assert art27(collective(**{field: False}), condition) is NOT_MET
    assert art27(collective(**{field: None}), condition) is UNKNOWN
    assert excellent_collective_eligibility(collective(**{field: None}), ON).outcome is UNKNOWN


def test_don_vi_quyet_thang_uses_points_a_b_d_and_one_unknown_point() -> None:
    unit = collective(
        title=AwardForm.DON_VI_QUYET_THANG, members_advanced=0, solidarity_exemplary=None
    )
    answer = excellent_collective_eligibility(unit, ON)
    assert answer.award is AwardForm.DON_VI_QUYET_THANG
    assert [
        answer.result(c).outcome
        for c in ("law06.art27.c-tasks", "law06.art27.c-advanced", "law06.art27.dd")
    ] == [NA] * 3
    assert answer.result("law06.dvqt.other").outcome is UNKNOWN
    assert answer.outcome is UNKNOWN
    found = excellent_collective_eligibility(attrs.evolve(unit, dvqt_other_standard=True), ON)
    assert found.outcome is MET
    assert found.result("law06.dvqt.other").confirmation.code == "partial"


def test_collective_facts_are_validated() -> None:
    with pytest.raises(InputError, match=r"CollectiveFacts\.members"):
        collective(members=0)
    with pytest.raises(InputError, match=r"CollectiveFacts\.members_advanced"):
        collective(members_advanced=11)
    with pytest.raises(InputError, match=r"CollectiveFacts\.title"):
        collective(title=AwardForm.GIAY_KHEN)


def test_nd152_deferral_applies_from_1_july_2025() -> None:
    pending = collective(pending=frozenset({PendingMatter.INSPECTION_OR_EXAMINATION}))
    assert art27(pending, "nd152.deferral", BEFORE_REFORM) is NA
    assert excellent_collective_eligibility(pending, BEFORE_REFORM).outcome is MET
    assert art27(pending, "nd152.deferral", REFORM) is NOT_MET
    assert art27(collective(pending=None), "nd152.deferral", REFORM) is UNKNOWN
    assert (
        art27(
            collective(pending=frozenset({PendingMatter.PUBLIC_OPINION})), "nd152.deferral", REFORM
        )
        is MET
    )


def test_the_law_applies_from_2024() -> None:
    with pytest.raises(RuleSetNotFound, match="2023-12-31"):
        excellent_collective_eligibility(collective(), date(2023, 12, 31))
    assert excellent_collective_eligibility(collective(), date(2024, 1, 1)).outcome is MET


def test_reading_a_collective_entry() -> None:
    facts, on = read_collective_request(
        {"id": "T", "considered_on": "2025-11-30", "members": 5, "title": "don_vi_quyet_thang"},
        "excellent_collective[0]",
    )
    assert on == ON and facts.members == 5 and facts.title is AwardForm.DON_VI_QUYET_THANG
    with pytest.raises(InputError) as caught:
        read_collective_request({"id": "T", "considered_on": "2025-11-30", "members": 0}, "x[1]")
    assert caught.value.path == "x[1].members"
    with pytest.raises(InputError) as caught:
        read_collective_request({"id": "T", "considered_on": "2025-11-30", "members": -1}, "x[1]")
    assert caught.value.path == "x[1].members"


# --- Điều 74 khoản 1 điểm d --------------------------------------------------------------------


def record(
    *years: YearRecord, initiatives: tuple[Initiative, ...] = (), **changes: Any
) -> IndividualRecord:
    base: dict[str, Any] = {
        "id": "P",
        "years": years,
        "initiatives": initiatives,
        "pending": frozenset(),
        "discipline": (),
    }
    base.update(changes)
    return IndividualRecord(**base)


def year(
    y: int, fighter: bool | None = False, grade: TaskGrade | None = TaskGrade.HOAN_THANH_TOT
) -> YearRecord:
    return YearRecord(year=y, grassroots_fighter=fighter, grade=grade)


def idea(
    y: int, kind: InitiativeKind = InitiativeKind.INITIATIVE, applied: bool | None = True
) -> Initiative:
    return Initiative(year=y, kind=kind, applied_at_grassroots=applied)


def art74(rec: IndividualRecord, condition: str, on: date = ON, **kw: Any) -> Outcome:
    return ministry_bang_khen_eligibility(rec, on, **kw).result(condition).outcome


def test_two_consecutive_grassroots_fighter_titles() -> None:
    assert art74(record(year(2023, True), year(2024, True)), "law06.art74.d-fighter") is MET
    assert (
        art74(record(year(2022, True), year(2023), year(2024, True)), "law06.art74.d-fighter")
        is NOT_MET
    )
    assert art74(record(year(2022, True), year(2024, True)), "law06.art74.d-fighter") is NOT_MET
    unsure = record(year(2023, True), year(2024, None))
    result = ministry_bang_khen_eligibility(unsure, ON).result("law06.art74.d-fighter")
    assert result.outcome is UNKNOWN and result.missing == ("years[1].grassroots_fighter",)
    assert art74(record(years=None), "law06.art74.d-fighter") is UNKNOWN


def test_excellent_years_with_two_initiatives() -> None:
    good = record(year(2023, grade=XS), year(2024, grade=XS), initiatives=(idea(2023), idea(2024)))
    answer = ministry_bang_khen_eligibility(good, ON)
    assert answer.route("excellent-years").outcome is MET and answer.outcome is MET
    one_year = record(year(2023, grade=XS), year(2024), initiatives=(idea(2023), idea(2023)))
    assert art74(one_year, "law06.art74.d-excellent-years") is NOT_MET
    assert art74(one_year, "law06.art74.d-initiatives") is NA
    outside = record(
        year(2023, grade=XS), year(2024, grade=XS), initiatives=(idea(2022), idea(2024))
    )
    assert art74(outside, "law06.art74.d-initiatives") is NOT_MET
    not_applied = record(
        year(2023, grade=XS),
        year(2024, grade=XS),
        initiatives=(idea(2023), idea(2024, applied=False)),
    )
    assert art74(not_applied, "law06.art74.d-initiatives") is NOT_MET
    unsure = record(
        year(2023, grade=XS),
        year(2024, grade=XS),
        initiatives=(idea(2023), idea(2024, applied=None)),
    )
    result = ministry_bang_khen_eligibility(unsure, ON).result("law06.art74.d-initiatives")
    assert result.outcome is UNKNOWN and result.missing == ("initiatives[1].applied_at_grassroots",)
    grade_unknown = record(
        year(2023, grade=XS), year(2024, grade=None), initiatives=(idea(2023), idea(2024))
    )
    assert art74(grade_unknown, "law06.art74.d-excellent-years") is UNKNOWN


def test_one_initiative_and_one_science_work_is_a_parameter() -> None:
    mixed = record(
        year(2023, grade=XS),
        year(2024, grade=XS),
        initiatives=(idea(2023), idea(2024, InitiativeKind.SCIENCE_WORK)),
    )
    result = ministry_bang_khen_eligibility(mixed, ON).result("law06.art74.d-initiatives")
    assert result.outcome is UNKNOWN and result.missing == ("parameter:law06_mixed_initiatives",)
    counted = LAW06_ART74.with_parameters(law06_mixed_initiatives="counted")
    assert art74(mixed, "law06.art74.d-initiatives", rules=counted) is MET
    apart = LAW06_ART74.with_parameters(law06_mixed_initiatives="not_counted")
    assert art74(mixed, "law06.art74.d-initiatives", rules=apart) is NOT_MET
    works = record(
        year(2023, grade=XS),
        year(2024, grade=XS),
        initiatives=(
            idea(2023, InitiativeKind.SCIENCE_WORK),
            idea(2024, InitiativeKind.SCIENCE_WORK),
        ),
    )
    assert art74(works, "law06.art74.d-initiatives") is MET


def test_after_the_reform_achievements_count_from_the_end_of_discipline() -> None:
    disciplined = record(
        year(2023, True),
        year(2024, True),
        discipline=(Period(start=date(2023, 4, 1), end=date(2024, 3, 31)),),
    )
    assert art74(disciplined, "law06.art74.d-fighter", BEFORE_REFORM) is MET
    answer = ministry_bang_khen_eligibility(disciplined, REFORM)
    assert answer.result("nd152.discipline").outcome is MET
    assert answer.result("law06.art74.d-fighter").outcome is NOT_MET
    ended_in_december = attrs.evolve(
        disciplined, discipline=(Period(start=date(2022, 1, 1), end=date(2022, 12, 31)),)
    )
    assert art74(ended_in_december, "law06.art74.d-fighter", REFORM) is MET
    running = attrs.evolve(
        disciplined, discipline=(Period(start=date(2025, 5, 1), end=date(2026, 4, 30)),)
    )
    assert art74(running, "nd152.discipline", REFORM) is NOT_MET
    assert art74(running, "nd152.discipline", BEFORE_REFORM) is NA
    unknown = attrs.evolve(disciplined, discipline=None)
    assert art74(unknown, "nd152.discipline", REFORM) is UNKNOWN
    assert art74(unknown, "law06.art74.d-fighter", REFORM) is UNKNOWN


def test_deferral_of_an_individual() -> None:
    pending = record(
        year(2023, True), year(2024, True), pending=frozenset({PendingMatter.INVESTIGATION})
    )
    assert ministry_bang_khen_eligibility(pending, REFORM).outcome is NOT_MET
    assert ministry_bang_khen_eligibility(pending, BEFORE_REFORM).outcome is MET


def test_years_after_the_consideration_date_are_refused() -> None:
    with pytest.raises(InputError, match=r"years\[0\].year"):
        ministry_bang_khen_eligibility(record(year(2026, True)), ON)
    with pytest.raises(InputError, match="listed twice"):
        record(year(2024), year(2024))


def test_reading_a_bang_khen_entry() -> None:
    rec, on = read_bang_khen_request(
        {
            "id": "P",
            "considered_on": "2025-11-30",
            "years": [{"year": 2024, "grassroots_fighter": True, "grade": "hoan_thanh_xuat_sac"}],
            "initiatives": [{"year": 2024, "kind": "science_work"}],
        },
        "b[0]",
    )
    assert on == ON and rec.years == (YearRecord(year=2024, grassroots_fighter=True, grade=XS),)
    assert rec.initiatives is not None and rec.initiatives[0].applied_at_grassroots is None
    with pytest.raises(InputError) as caught:
        read_bang_khen_request(
            {"id": "P", "considered_on": "2025-11-30", "years": [{"year": 1999}]}, "b[0]"
        )
    assert caught.value.path == "b[0].years[0].year"


def test_the_answer_says_only_point_d_is_encoded() -> None:
    answer = ministry_bang_khen_eligibility(record(year(2024)), ON)
    assert answer.outcome is NOT_MET
    assert "Only point d of Article 74(1) is encoded" in answer.explain("en")
    assert answer.result("law06.art74.d-fighter").citation.render("vi") == (
        "Điều 74 khoản 1 điểm d Luật 06/2022/QH15"
    )


# --- Điều 80: who may award --------------------------------------------------------------------


def test_cultural_villages_before_and_after_the_district_level_ended() -> None:
    before = awarding_authorities(AwardForm.THON_TO_DAN_PHO_VAN_HOA, BEFORE_REFORM)
    assert before.outcome is MET and before.met_routes() == ("district-chairman",)
    assert before.route("district-successor").outcome is NA
    after = awarding_authorities(AwardForm.THON_TO_DAN_PHO_VAN_HOA, REFORM)
    assert after.outcome is UNKNOWN and after.met_routes() == ()
    assert after.route("district-chairman").outcome is NOT_MET
    assert after.route("district-successor").outcome is UNKNOWN
    assert "30/06/2025" in after.route("district-chairman").results[0].reason.render("en")


def test_giay_khen_survives_the_reform_through_the_commune_chairman() -> None:
    before = awarding_authorities(AwardForm.GIAY_KHEN, BEFORE_REFORM).met_routes()
    after = awarding_authorities(AwardForm.GIAY_KHEN, REFORM).met_routes()
    assert "district-chairman" in before and "district-chairman" not in after
    assert "commune-chairman" in before and "commune-chairman" in after


def test_commune_chairman_powers() -> None:
    assert "commune-chairman" in awarding_authorities(AwardForm.GIA_DINH_VAN_HOA, ON).met_routes()
    cstdcs = awarding_authorities(AwardForm.CHIEN_SI_THI_DUA_CO_SO, ON)
    assert cstdcs.route("commune-chairman").outcome is NOT_MET
    assert (
        cstdcs.route("commune-chairman").results[0].citation.render("en")
        == "Article 80(3), Law 06/2022/QH15"
    )


def test_the_medal_authority_follows_the_circular() -> None:
    assert awarding_authorities(
        AwardForm.KY_NIEM_CHUONG_BVANTQ, date(2025, 4, 27)
    ).met_routes() == ("minister-of-public-security.tt11",)
    assert awarding_authorities(
        AwardForm.KY_NIEM_CHUONG_BVANTQ, date(2025, 4, 28)
    ).met_routes() == ("minister-of-public-security.tt20",)


def test_authority_before_the_law_and_after_2026() -> None:
    with pytest.raises(RuleSetNotFound):
        awarding_authorities(AwardForm.GIAY_KHEN, date(2023, 12, 31))
    assert not awarding_authorities(AwardForm.GIAY_KHEN, date(2025, 12, 31)).notes
    late = awarding_authorities(AwardForm.GIAY_KHEN, date(2026, 1, 1))
    assert "Luật 06/2026/QH16" in late.explain("en")


def test_authority_answers_round_trip_through_json() -> None:
    answer = awarding_authorities(AwardForm.THON_TO_DAN_PHO_VAN_HOA, REFORM)
    data = json.loads(json.dumps(answer.to_json()))
    assert Eligibility.from_json(data) == answer
    assert data["routes"][1]["outcome"] == "not_met"


# --- catalogue ---------------------------------------------------------------------------------


def test_catalogue_entries_are_complete() -> None:
    entries = award_catalogue()
    keys = [(e.rules.id, e.condition.id) for e in entries]
    assert len(keys) == len(set(keys))
    for entry in entries:
        data = entry.to_json()
        json.dumps(data)
        assert data["citation"]["vi"] and data["citation"]["en"]
        assert data["title"]["vi"] and data["title"]["en"]
        assert data["confirmation"] in ("confirmed", "partial", "unconfirmed")
        assert entry.render("en").startswith(entry.condition.id)
    statuses = {e.condition.id: e.confirmation.code for e in entries}
    assert statuses["law06.art74.d-initiatives"] == "unconfirmed"  # its parameter
    assert statuses["award-power.district-successor"] == "unconfirmed"
    assert statuses["law06.art27.a"] == "confirmed"
    in_force = {e.rules.id for e in award_catalogue(as_of=date(2025, 4, 27))}
    assert "knc.tt11-2021" in in_force and "knc.tt20-2025" not in in_force


# --- the shared result types -------------------------------------------------------------------


def test_three_valued_alternatives_and_bounds() -> None:
    from antq.emulation.awards.eligibility import any_of, bounded
    from antq.errors import DefinitionError

    assert any_of([NOT_MET, NA]) is NOT_MET
    assert any_of([NA, NA]) is NA
    assert any_of([NOT_MET, UNKNOWN, NOT_MET]) is UNKNOWN
    with pytest.raises(DefinitionError):
        any_of([])
    assert bounded(low=180, high=180, threshold=180) is MET
    assert bounded(low=100, high=179, threshold=180) is NOT_MET
    with pytest.raises(DefinitionError):
        bounded(low=2, high=1, threshold=1)


def test_award_rules_are_checked_when_defined() -> None:
    from antq.errors import DefinitionError

    rules = LAW06_ART74
    with pytest.raises(DefinitionError, match="repeat condition ids"):
        attrs.evolve(rules, conditions=(*rules.conditions, rules.conditions[0]))
    with pytest.raises(DefinitionError, match="lowercase"):
        attrs.evolve(rules, id="Law06 74")
    with pytest.raises(DefinitionError, match="end before they start"):
        attrs.evolve(rules, valid_to=date(2023, 1, 1))
    with pytest.raises(DefinitionError, match="no parameters named"):
        attrs.evolve(rules, parameter_values={"nonsense": 1})
    with pytest.raises(InputError, match="no such parameter"):
        rules.with_parameters(nonsense=1)
    with pytest.raises(InputError, match="expected one of"):
        rules.with_parameters(law06_mixed_initiatives="maybe")


def test_reading_answers_back_checks_every_field() -> None:
    data = ministry_bang_khen_eligibility(record(year(2024)), ON).to_json()
    for key, value, path in [
        ("antq_eligibility", 2, "eligibility.antq_eligibility"),
        ("date", {"role": "proposal", "value": "30/11/2025"}, "eligibility.date.value"),
        ("date", {"role": "someday", "value": "2025-11-30"}, "eligibility.date.role"),
        ("routes", {}, "eligibility.routes"),
        ("award", "medal", "eligibility.award"),
        ("name", 3, "eligibility.name"),
    ]:
        with pytest.raises(InputError) as caught:
            Eligibility.from_json({**data, key: value})
        assert caught.value.path == path
    broken = json.loads(json.dumps(data))
    broken["routes"][0]["outcome"] = "met"
    with pytest.raises(InputError) as caught:
        Eligibility.from_json(broken)
    assert caught.value.path == "eligibility.routes[0].outcome"
    with pytest.raises(InputError):
        attrs.evolve(Eligibility.from_json(data), conditions=(), routes=())
