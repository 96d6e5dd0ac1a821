"""Procedure as dated data: deadlines (Điều 9 khoản 1), dossiers (khoản 2), competence (Điều 10)."""

from __future__ import annotations

from datetime import date, datetime

import attrs
import pytest

from antq.core.periods import quarter_one
from antq.core.unit_kinds import UnitKind
from antq.errors import DefinitionError, InputError
from antq.law.citation import cite
from antq.law.confirmation import Confirmation
from antq.safety.procedure import (
    COMMUNE_AUTHORITY_AFTER_REFORM,
    COMPETENCE,
    DEADLINES,
    Authority,
    DayBefore,
    Deadline,
    DeadlineStatus,
    Dossier,
    DossierDocument,
    ManagingLevel,
    Step,
    dossier_items,
    missed_deadlines,
    recognising_authority,
)

TT124 = "124/2021/TT-BCA"
RA, COMMUNE, AGENCY, ENTERPRISE, SCHOOL = (
    UnitKind.RESIDENTIAL_AREA,
    UnitKind.COMMUNE,
    UnitKind.AGENCY,
    UnitKind.ENTERPRISE,
    UnitKind.EDUCATIONAL_INSTITUTION,
)
OTHERS = (COMMUNE, AGENCY, ENTERPRISE, SCHOOL)
REFORM = date(2025, 7, 1)


def on_time(kind: UnitKind, year: int = 2024) -> dict[Step, date]:
    return {
        Step.REGISTRATION: date(year, 2, 1),
        Step.DOSSIER_SUBMITTED: date(year, 11, 1),
        Step.DECISION: date(year, 11, 10),
    }


# --- registration in Quarter I ---------------------------------------------------------------


@pytest.mark.parametrize("kind", [RA, *OTHERS])
def test_registration_on_31_march_is_in_time_and_on_1_april_one_day_late(kind: UnitKind) -> None:
    steps = on_time(kind)
    assert missed_deadlines(kind, 2024, {**steps, Step.REGISTRATION: date(2024, 3, 31)}) == ()
    (late,) = missed_deadlines(kind, 2024, {**steps, Step.REGISTRATION: date(2024, 4, 1)})
    assert late.step is Step.REGISTRATION
    assert late.status is DeadlineStatus.LATE
    assert (late.recorded_on, late.deadline, late.days_late) == (
        date(2024, 4, 1),
        quarter_one(2024).end,
        1,
    )
    article = {RA: 4, COMMUNE: 5, AGENCY: 6, ENTERPRISE: 6, SCHOOL: 7}[kind]
    assert late.citation == cite(TT124, article, 1)
    assert late.confirmation is Confirmation.CONFIRMED
    assert "antq's interpretation" in late.reading.render("en")


def test_registration_before_quarter_one_is_not_in_quarter_one() -> None:
    (early,) = missed_deadlines(RA, 2024, {**on_time(RA), Step.REGISTRATION: date(2023, 12, 31)})
    assert early.status is DeadlineStatus.EARLY
    assert early.days_early == 1
    assert early.days_late is None
    assert "1 day(s) before the period allowed" in early.explain("en")
    assert missed_deadlines(RA, 2024, {**on_time(RA), Step.REGISTRATION: date(2024, 1, 1)}) == ()


# --- decisions before 15/11 and 20/11 --------------------------------------------------------------


def test_residential_area_decision_is_due_before_15_november() -> None:
    steps = on_time(RA)
    assert missed_deadlines(RA, 2024, {**steps, Step.DECISION: date(2024, 11, 14)}) == ()
    (late,) = missed_deadlines(RA, 2024, {**steps, Step.DECISION: date(2024, 11, 15)})
    assert (late.step, late.deadline, late.days_late) == (Step.DECISION, date(2024, 11, 14), 1)
    assert late.citation == cite(TT124, 9, 1, "a")
    assert "read strictly" in late.reading.render("en")


@pytest.mark.parametrize("kind", OTHERS)
def test_other_decisions_are_due_before_20_november(kind: UnitKind) -> None:
    steps = on_time(kind)
    assert missed_deadlines(kind, 2024, {**steps, Step.DECISION: date(2024, 11, 19)}) == ()
    (late,) = missed_deadlines(kind, 2024, {**steps, Step.DECISION: date(2024, 11, 20)})
    assert (late.deadline, late.days_late) == (date(2024, 11, 19), 1)
    point = "b" if kind is COMMUNE else "c"
    assert late.citation == cite(TT124, 9, 1, point)


def test_units_followed_by_the_ministry_cite_point_d() -> None:
    steps = {**on_time(AGENCY), Step.DECISION: date(2024, 12, 1)}
    (late,) = missed_deadlines(AGENCY, 2024, steps, managed_by=ManagingLevel.MINISTRY)
    assert late.citation == cite(TT124, 9, 1, "d")
    assert late.days_late == 12
    (late,) = missed_deadlines(AGENCY, 2024, steps, managed_by=ManagingLevel.PROVINCE)
    assert late.citation == cite(TT124, 9, 1, "c")


def test_a_step_without_a_date_is_not_recorded_never_on_time() -> None:
    found = missed_deadlines(COMMUNE, 2024, {Step.DOSSIER_SUBMITTED: date(2024, 11, 17)})
    assert [(m.step, m.status) for m in found] == [
        (Step.REGISTRATION, DeadlineStatus.NOT_RECORDED),
        (Step.DECISION, DeadlineStatus.NOT_RECORDED),
    ]
    assert all(m.recorded_on is None and m.days_late is None for m in found)
    assert "no date recorded" in found[0].explain("en")


def test_every_deadline_missed_is_listed_in_step_order() -> None:
    found = missed_deadlines(
        RA, 2024, {Step.REGISTRATION: date(2024, 4, 10), Step.DECISION: date(2024, 11, 30)}
    )
    assert [(m.step, m.days_late) for m in found] == [(Step.REGISTRATION, 10), (Step.DECISION, 16)]
    line = found[1].explain("en")
    assert "16 day(s) late" in line
    assert "Article 9(1)(a), Circular 124/2021/TT-BCA" in line


def test_the_commune_decision_after_the_reform_is_flagged_unconfirmed() -> None:
    (before,) = missed_deadlines(
        COMMUNE, 2024, {**on_time(COMMUNE), Step.DECISION: date(2024, 11, 25)}
    )
    assert before.confirmation is Confirmation.CONFIRMED
    (after,) = missed_deadlines(
        COMMUNE, 2025, {**on_time(COMMUNE, 2025), Step.DECISION: date(2025, 11, 25)}
    )
    assert after.confirmation is Confirmation.UNCONFIRMED
    assert after.note is not None and "not confirmed" in after.note.render("en")
    (ra,) = missed_deadlines(RA, 2025, {**on_time(RA, 2025), Step.DECISION: date(2025, 11, 25)})
    assert ra.confirmation is Confirmation.PARTIAL
    # Registration of the 2025 round (by 31/03/2025) is before the reform.
    (reg,) = missed_deadlines(
        COMMUNE, 2025, {**on_time(COMMUNE, 2025), Step.REGISTRATION: date(2025, 4, 2)}
    )
    assert reg.confirmation is Confirmation.CONFIRMED


def test_a_user_supplied_deadline_table_is_used() -> None:
    # E.g. once the text of Circular 48/2025 is known: communes decided before 25/11.
    table = [
        d
        if not (d.step is Step.DECISION and COMMUNE in d.kinds)
        else attrs.evolve(d, rule=DayBefore(11, 25))
        for d in DEADLINES
    ]
    steps = {**on_time(COMMUNE, 2025), Step.DECISION: date(2025, 11, 24)}
    assert missed_deadlines(COMMUNE, 2025, steps, deadlines=table) == ()
    assert len(missed_deadlines(COMMUNE, 2025, steps)) == 1


def test_bad_input_and_ambiguous_tables() -> None:
    with pytest.raises(InputError, match="Circular 23/2012 are not confirmed"):
        missed_deadlines(RA, 2021, on_time(RA, 2021))
    with pytest.raises(InputError, match="not a datetime"):
        missed_deadlines(RA, 2024, {Step.DECISION: datetime(2024, 11, 1, 9, 0)})
    with pytest.raises(InputError, match="expected a Step"):
        missed_deadlines(RA, 2024, {"decision": date(2024, 11, 1)})  # type: ignore[dict-item]
    with pytest.raises(InputError, match="only agencies"):
        missed_deadlines(RA, 2024, on_time(RA), managed_by=ManagingLevel.COMMUNE)
    with pytest.raises(InputError, match="year"):
        missed_deadlines(RA, 1990, on_time(RA))
    with pytest.raises(DefinitionError, match="two deadlines"):
        missed_deadlines(RA, 2024, on_time(RA), deadlines=[*DEADLINES, DEADLINES[0]])
    with pytest.raises(DefinitionError, match="not a day"):
        DayBefore(2, 30)
    with pytest.raises(DefinitionError, match="ends before it starts"):
        attrs.evolve(DEADLINES[0], applies_from=date(2025, 1, 1), applies_to=date(2024, 1, 1))
    with pytest.raises(DefinitionError, match="no unit kind"):
        attrs.evolve(DEADLINES[0], kinds=frozenset())
    assert isinstance(DEADLINES[0], Deadline)


# --- dossiers -------------------------------------------------------------------------------------


def test_dossiers_hold_the_documents_of_article_9_clause_2() -> None:
    registration = dossier_items(Dossier.REGISTRATION)
    assert [i.document for i in registration] == [
        DossierDocument.PARTY_RESOLUTION,
        DossierDocument.SECURITY_PLAN,
        DossierDocument.REGISTRATION_FORM,
    ]
    assert {i.citation for i in registration} == {cite(TT124, 9, 2, "a")}
    assert registration[0].condition is not None
    recognition = dossier_items(Dossier.RECOGNITION)
    assert [i.document.label("vi") for i in recognition] == [
        "Tờ trình",
        "Báo cáo kết quả",
        "Biên bản cuộc họp",
        "Các tài liệu khác có liên quan",
    ]
    assert {i.citation for i in recognition} == {cite(TT124, 9, 2, "b")}
    with pytest.raises(InputError):
        dossier_items("registration")  # type: ignore[arg-type]


# --- competence -----------------------------------------------------------------------------------


def test_commune_recognised_by_the_district_until_30_june_2025() -> None:
    found = recognising_authority(COMMUNE, date(2025, 6, 30))
    assert found.body is Authority.DISTRICT_PEOPLES_COMMITTEE
    assert found.signer is Authority.DISTRICT_CHAIRMAN
    assert found.confirmation is Confirmation.CONFIRMED
    assert found.citations == (cite(TT124, 10, 2), cite(TT124, 9, 1, "b"))
    assert found.known


def test_after_the_reform_the_commune_authority_is_unknown_until_supplied() -> None:
    found = recognising_authority(COMMUNE, REFORM)
    assert not found.known
    assert found.body is None and found.signer is None
    assert found.confirmation is Confirmation.UNCONFIRMED
    assert "commune_authority_after_reform" in found.explain("en")
    assert COMMUNE_AUTHORITY_AFTER_REFORM.default is None
    assert COMMUNE_AUTHORITY_AFTER_REFORM.confirmation is Confirmation.UNCONFIRMED

    supplied = recognising_authority(
        COMMUNE, REFORM, commune_authority_after_reform=Authority.PROVINCIAL_CHAIRMAN
    )
    assert supplied.known and supplied.supplied
    assert supplied.body is Authority.PROVINCIAL_PEOPLES_COMMITTEE
    assert supplied.signer is Authority.PROVINCIAL_CHAIRMAN
    assert supplied.confirmation is Confirmation.UNCONFIRMED  # still the user's stand-in
    assert "as supplied by the user" in supplied.explain("en")

    body_only = recognising_authority(
        COMMUNE, REFORM, commune_authority_after_reform=Authority.PROVINCIAL_PEOPLES_COMMITTEE
    )
    assert (body_only.body, body_only.signer) == (Authority.PROVINCIAL_PEOPLES_COMMITTEE, None)


def test_the_supplied_value_is_not_used_before_the_reform_or_for_other_kinds() -> None:
    before = recognising_authority(
        COMMUNE, date(2025, 6, 30), commune_authority_after_reform=Authority.PROVINCIAL_CHAIRMAN
    )
    assert before.body is Authority.DISTRICT_PEOPLES_COMMITTEE and not before.supplied
    ra = recognising_authority(
        RA, REFORM, commune_authority_after_reform=Authority.PROVINCIAL_CHAIRMAN
    )
    assert ra.body is Authority.COMMUNE_PEOPLES_COMMITTEE


def test_a_district_authority_cannot_be_supplied_after_the_reform() -> None:
    with pytest.raises(InputError, match="district level ended"):
        recognising_authority(
            COMMUNE, REFORM, commune_authority_after_reform=Authority.DISTRICT_CHAIRMAN
        )
    assert Authority.DISTRICT_CHAIRMAN not in COMMUNE_AUTHORITY_AFTER_REFORM.choices


def test_residential_area_recognised_by_the_commune_before_and_after() -> None:
    before = recognising_authority(RA, date(2024, 11, 10))
    assert (before.body, before.signer) == (
        Authority.COMMUNE_PEOPLES_COMMITTEE,
        Authority.COMMUNE_CHAIRMAN,
    )
    assert before.confirmation is Confirmation.CONFIRMED
    after = recognising_authority(RA, date(2025, 11, 10))
    assert after.body is Authority.COMMUNE_PEOPLES_COMMITTEE
    assert after.confirmation is Confirmation.PARTIAL


@pytest.mark.parametrize(
    ("level", "body", "signer", "article_clause"),
    [
        (ManagingLevel.COMMUNE, Authority.COMMUNE_PEOPLES_COMMITTEE, None, (10, 1)),
        (ManagingLevel.DISTRICT, Authority.DISTRICT_PEOPLES_COMMITTEE, None, (10, 2)),
        (ManagingLevel.PROVINCE, Authority.PROVINCIAL_PEOPLES_COMMITTEE, None, (10, 3)),
        (
            ManagingLevel.MINISTRY,
            Authority.MINISTRY_OF_PUBLIC_SECURITY,
            Authority.MINISTER_OF_PUBLIC_SECURITY,
            (10, 4),
        ),
    ],
)
def test_organisations_by_managing_level_before_the_reform(
    level: ManagingLevel, body: Authority, signer: Authority | None, article_clause: tuple[int, int]
) -> None:
    found = recognising_authority(ENTERPRISE, date(2024, 11, 1), managed_by=level)
    assert (found.body, found.signer) == (body, signer)
    assert found.citations[0] == cite(TT124, *article_clause)


def test_organisations_without_a_level_list_the_candidates() -> None:
    found = recognising_authority(SCHOOL, date(2024, 11, 1))
    assert not found.known
    assert found.candidates == (
        Authority.COMMUNE_PEOPLES_COMMITTEE,
        Authority.DISTRICT_PEOPLES_COMMITTEE,
        Authority.PROVINCIAL_PEOPLES_COMMITTEE,
        Authority.MINISTRY_OF_PUBLIC_SECURITY,
    )
    assert "depends on the level that manages the unit" in found.explain("en")
    assert "Ủy ban nhân dân cấp tỉnh" in found.explain("vi")
    after = recognising_authority(SCHOOL, REFORM)
    assert Authority.DISTRICT_PEOPLES_COMMITTEE not in after.candidates
    assert after.confirmation is Confirmation.PARTIAL
    with pytest.raises(InputError, match="district level ended"):
        recognising_authority(AGENCY, REFORM, managed_by=ManagingLevel.DISTRICT)
    with pytest.raises(InputError, match="only agencies"):
        recognising_authority(COMMUNE, REFORM, managed_by=ManagingLevel.PROVINCE)


def test_before_circular_124_the_authority_is_not_known() -> None:
    found = recognising_authority(COMMUNE, date(2021, 11, 25))
    assert not found.known
    assert found.confirmation is Confirmation.UNCONFIRMED
    assert "Circular 23/2012" in found.explain("en")


def test_the_competence_table_is_data_with_one_row_per_case() -> None:
    for kind in UnitKind:
        for level in (None, *ManagingLevel):
            for day in (date(2022, 2, 10), date(2025, 6, 30), REFORM, date(2030, 1, 1)):
                rows = [r for r in COMPETENCE if r.applies(kind, level, day)]
                assert len(rows) <= 1, (kind, level, day)
    with pytest.raises(DefinitionError, match="signer, not a body"):
        attrs.evolve(COMPETENCE[0], body=Authority.COMMUNE_CHAIRMAN)
    with pytest.raises(DefinitionError, match="needs a body or"):
        attrs.evolve(COMPETENCE[0], body=None)
