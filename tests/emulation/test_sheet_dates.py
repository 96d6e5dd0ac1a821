"""QĐ 510/QĐ-BCA-V05 sheets from 20/01/2022 (rule R1), and a classification that cites no article."""

from __future__ import annotations

import io
from datetime import date

import pytest

from antq import InputError, UnitKind
from antq.cli import EXIT_INPUT, EXIT_OK, main
from antq.emulation import ScoringFacts, score, sheet_catalogue, sheet_from_dict, shipped_sheet
from antq.emulation.sheets import SheetError

SHEET = shipped_sheet("qd510.agency")


def test_the_qd510_sheet_starts_on_its_signing_date() -> None:
    assert SHEET.valid_from == date(2022, 1, 20)


@pytest.mark.parametrize(("year", "scored"), [(2021, False), (2022, True), (2026, True)])
def test_no_score_for_a_rating_year_before_2022(year: int, scored: bool) -> None:
    facts = ScoringFacts(unit_id="A1", kind=UnitKind.AGENCY, year=year, values={})
    if scored:
        assert score(SHEET, facts).unit_id == "A1"
        return
    with pytest.raises(InputError, match=r"from 2022 .* no end date") as caught:
        score(SHEET, facts)
    assert caught.value.path == "A1.year"


def test_the_catalogue_lists_the_sheet_from_its_date() -> None:
    assert list(sheet_catalogue(as_of=date(2022, 1, 19))) == []
    assert len(list(sheet_catalogue(as_of=date(2022, 1, 20)))) == len(list(sheet_catalogue()))
    out = io.StringIO()
    assert main(["rules", "--section", "sheets", "--as-of", "2022-01-20"], out=out) == EXIT_OK
    err = io.StringIO()
    code = main(
        ["rules", "--section", "sheets", "--as-of", "2022-01-19"], out=io.StringIO(), err=err
    )
    assert code == EXIT_INPUT and "sheets from 2022-01-20 to no end date" in err.getvalue()


def test_the_classification_cites_the_decision_not_article_7() -> None:
    (entry,) = [e for e in sheet_catalogue() if e.role == "classification"]
    assert entry.citation.article is None
    assert entry.citation.render("vi") == "Quyết định 510/QĐ-BCA-V05"
    assert "Điều 7" not in entry.render("vi")


def test_a_bad_valid_from_names_the_field() -> None:
    raw = {
        "antq_sheet": 1,
        "id": "x",
        "title": {"vi": "x", "en": "x"},
        "nature": "provincial",
        "unit_kinds": ["agency"],
        "total": 1,
        "citation": {"instrument": "510/QĐ-BCA-V05"},
        "confirmation": "unconfirmed",
        "valid_from": "20220120",
        "inputs": {"a": {"type": "boolean", "vi": "a", "en": "a"}},
        "items": [
            {
                "id": "1",
                "max_points": 1,
                "text": {"vi": "a", "en": "a"},
                "rule": {"type": "all_or_nothing", "input": "a"},
            }
        ],
    }
    with pytest.raises(SheetError, match="valid_from"):
        sheet_from_dict(raw)
    raw["valid_from"] = "2022-01-20"
    assert sheet_from_dict(raw).valid_from == date(2022, 1, 20)


def test_every_qd510_score_says_its_in_force_date_is_unknown() -> None:
    facts = ScoringFacts(unit_id="A1", kind=UnitKind.AGENCY, year=2022, values={})
    result = score(SHEET, facts)
    assert len(result.notices) == 1
    assert "signed on 20/01/2022" in result.notices[0].render("en")
    assert "! Quyết định 510/QĐ-BCA-V05 ký ngày 20/01/2022" in result.explain("vi")
    data = result.to_json()
    assert type(result).from_json(data).notices == result.notices
    with pytest.raises(InputError, match="notices"):
        type(result).from_json({**data, "notices": "x"})
