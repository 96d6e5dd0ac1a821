"""Who could award what before 2014 (addendum-2026-12.md §8), from the dated table."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from antq.cli import EXIT_OK, main
from antq.core.outcome import Outcome
from antq.emulation.awards import AwardForm, award_catalogue, awarding_authorities
from antq.emulation.awards.law15 import LAW15_RULES, PRE_2014_POWERS, authority_before_2024
from antq.errors import InputError, RuleSetNotFound
from antq.law.confirmation import Confirmation

A = AwardForm
MET, NOT_MET, UNKNOWN, NA = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE


def route(award: AwardForm, on: date, route_id: str) -> Outcome:
    return awarding_authorities(award, on).route(route_id).outcome


def test_the_table_starts_on_1_july_2004() -> None:
    with pytest.raises(RuleSetNotFound, match="from 2004-07-01 to 2014-11-09"):
        awarding_authorities(A.GIAY_KHEN, date(2004, 6, 30))
    assert awarding_authorities(A.BANG_KHEN_BO_TINH, date(2004, 7, 1)).outcome is MET


def test_the_gap_from_tt40_to_law06_is_an_error_naming_the_dates() -> None:
    assert awarding_authorities(A.GIAY_KHEN, date(2014, 11, 9)).rule_set == "law15-2013.authority"
    for day in (date(2014, 11, 10), date(2023, 12, 31)):
        with pytest.raises(RuleSetNotFound, match="from 2024-01-01 with no end date"):
            awarding_authorities(A.GIAY_KHEN, day)
    assert awarding_authorities(A.GIAY_KHEN, date(2024, 1, 1)).rule_set == "law06.art80"


def test_bang_khen_before_2014_is_a_minister_or_provincial_chairman() -> None:
    on = date(2011, 8, 19)  # a 2011 Ngày hội
    answer = awarding_authorities(A.BANG_KHEN_BO_TINH, on)
    assert answer.outcome is MET
    assert "minister-or-provincial-chairman" in answer.met_routes()
    # The district level had no Bằng khen of its own (PARTIAL in the addendum).
    district = answer.route("district-chairman.giay-khen")
    assert district.outcome is NOT_MET
    assert district.results[0].confirmation is Confirmation.PARTIAL
    assert route(A.BANG_KHEN_THU_TUONG, on, "prime-minister") is MET
    assert route(A.HUAN_CHUONG_HUY_CHUONG, on, "president") is MET


def test_giay_khen_before_2014() -> None:
    on = date(2010, 8, 19)
    answer = awarding_authorities(A.GIAY_KHEN, on)
    assert answer.outcome is MET
    director = answer.route("provincial-police-director")
    assert director.outcome is MET
    assert director.results[0].confirmation is Confirmation.PARTIAL
    # Rows the addendum leaves unconfirmed: not supported, never invalid.
    for unconfirmed in ("district-police-chief", "commune-chairman"):
        result = answer.route(unconfirmed).results[0]
        assert result.outcome is UNKNOWN
        assert "not supported by any available source" in result.reason.render("en")
        assert result.confirmation is Confirmation.UNCONFIRMED
    assert answer.route("no-source").outcome is NA


def test_the_government_flag_across_the_2005_amendment() -> None:
    before = awarding_authorities(A.CO_THI_DUA_CHINH_PHU, date(2005, 6, 26))
    assert before.outcome is MET and before.route("government").outcome is MET
    assert before.notes == ()
    after = awarding_authorities(A.CO_THI_DUA_CHINH_PHU, date(2005, 6, 27))
    assert after.route("government").outcome is NOT_MET
    assert after.route("government.after-2005").outcome is UNKNOWN
    assert after.route("no-source").outcome is UNKNOWN
    assert after.outcome is UNKNOWN  # never "invalid"
    assert any("47/2005" in n.render("en") for n in after.notes)


def test_the_2013_amendment_and_decree_65() -> None:
    # 01/06/2014: Law 39/2013 revised the authority rules; the revised text is not available.
    june = awarding_authorities(A.GIAY_KHEN, date(2014, 6, 1))
    assert june.rule_set == "law15-2013.authority"
    assert june.outcome is UNKNOWN
    assert june.route("nd65.commune-chairman.family").outcome is NOT_MET
    assert awarding_authorities(A.BANG_KHEN_BO_TINH, date(2014, 8, 19)).outcome is UNKNOWN
    # Decree 65/2014 from 20/08/2014.
    assert (
        route(A.LAO_DONG_TIEN_TIEN, date(2014, 8, 19), "nd65.commune-chairman.advanced-worker")
        is NOT_MET
    )
    august = awarding_authorities(A.LAO_DONG_TIEN_TIEN, date(2014, 8, 20))
    assert august.outcome is MET
    assert (
        august.route("nd65.commune-chairman.advanced-worker").results[0].citation.render("vi")
        == "Điều 26 khoản 2 điểm a Nghị định 65/2014/NĐ-CP"
    )


def test_law06_refuses_a_form_its_table_does_not_name() -> None:
    with pytest.raises(InputError, match="does not name who awards this form"):
        awarding_authorities(A.BANG_KHEN_THU_TUONG, date(2025, 1, 1))
    with pytest.raises(InputError):
        authority_before_2024("giay_khen", date(2010, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InputError):
        authority_before_2024(A.GIAY_KHEN, "2010-01-01")  # type: ignore[arg-type]


def test_every_row_is_dated_cited_and_in_the_catalogue() -> None:
    ids = {e.condition.id for e in award_catalogue(as_of=date(2011, 1, 1))}
    assert {
        f"award-power.{p.id}" for p in PRE_2014_POWERS if p.citation.instrument == "15/2003/QH11"
    } <= ids
    assert {r.id for r in LAW15_RULES} == {"law15.authority", "law15-2013.authority"}
    assert all(r.valid_from and r.valid_to for r in LAW15_RULES)


def test_the_awards_command_checks_a_2010_giay_khen(tmp_path: Path) -> None:
    path = tmp_path / "awards.json"
    document = {"antq_awards": 1, "authority": [{"award": "giay_khen", "on": "2010-08-19"}]}
    path.write_text(json.dumps(document), encoding="utf-8")
    out = io.StringIO()
    assert main(["awards", str(path), "--format", "json"], out=out) == EXIT_OK
    assert "law15.authority" in out.getvalue()
