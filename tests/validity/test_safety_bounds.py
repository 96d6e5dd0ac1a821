"""Rule R1 and the round notices of the safe standard (addendum-2026-12.md §2.2, §3.5)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from antq.core.engine import evaluate
from antq.core.periods import Period
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import Verdict
from antq.errors import RuleSetNotFound
from antq.law.confirmation import Confirmation
from tests.reliability.strategies import BOOK, KINDS, TT23, TT124, baseline, read_unit

COMMUNE = UnitKind.COMMUNE


def _verdict(kind: UnitKind, instrument: str, end: date, *, year: int | None = None) -> Verdict:
    raw: dict[str, Any] = {
        "id": "U",
        "kind": kind.code,
        "year": year or end.year,
        "facts": baseline(kind, instrument),
    }
    if not _has_window(kind, instrument):
        # A school under TT 23 is assessed over its own school year; every other unit over
        # the rule set's window, which its own period may not shorten.
        raw["period"] = str(Period(start=end - timedelta(days=364), end=end))
    return evaluate(read_unit(raw), BOOK)


def _has_window(kind: UnitKind, instrument: str) -> bool:
    return any(r.window is not None for r in BOOK if r.kind is kind and r.instrument == instrument)


@pytest.mark.parametrize("kind", KINDS)
def test_no_rule_set_for_a_round_that_closed_before_tt23_was_signed(kind: UnitKind) -> None:
    # TT 23 was signed on 27/04/2012: a round ending on 26/04/2012 has no rule set at all,
    # and the error names the dates antq covers.
    # Units with a window are assessed over it: their 2011 round closed before, 2012 after.
    closing = (date(2012, 4, 26), date(2012, 4, 27))
    if _has_window(kind, TT23):
        closing = (date(2011, 12, 31), date(2012, 12, 31))
    with pytest.raises(RuleSetNotFound) as caught:
        _verdict(kind, TT23, closing[0])
    message = str(caught.value)
    assert "from 2012-04-27 to no end date" in message
    verdict = _verdict(kind, TT23, closing[1])
    assert verdict.instrument == TT23
    assert verdict.outcome.code == "met"


@pytest.mark.parametrize("year", [2005, 2011])
def test_rounds_of_2005_and_2011_get_no_verdict(year: int) -> None:
    for kind in (UnitKind.RESIDENTIAL_AREA, COMMUNE, UnitKind.AGENCY):
        with pytest.raises(RuleSetNotFound, match="2012-04-27"):
            BOOK.select(kind, year)
    assert BOOK.select(COMMUNE, 2012).instrument == TT23


def test_the_2012_round_carries_a_partial_notice_and_2013_does_not() -> None:
    first = _verdict(COMMUNE, TT23, date(2012, 12, 31))
    assert first.notices[0].render("en").startswith("Circular 23/2012 was signed")
    assert {r.confirmation for r in first.results} <= {
        Confirmation.PARTIAL,
        Confirmation.UNCONFIRMED,
    }
    assert "! Thông tư 23/2012 ký ngày 27/04/2012" in first.explain("vi")
    later = _verdict(COMMUNE, TT23, date(2013, 1, 1))
    assert later.notices == ()
    assert Confirmation.CONFIRMED in {r.confirmation for r in later.results}


def test_tt124_rounds_from_2025_are_shown_unconfirmed() -> None:
    before = _verdict(UnitKind.RESIDENTIAL_AREA, TT124, date(2024, 12, 31))
    assert before.notices == ()
    assert Confirmation.CONFIRMED in {r.confirmation for r in before.results}
    after = _verdict(UnitKind.RESIDENTIAL_AREA, TT124, date(2025, 1, 1))
    assert len(after.notices) == 1
    assert {r.confirmation for r in after.results} == {Confirmation.UNCONFIRMED}
    assert after.outcome.code == "met"  # the notice never changes the outcome


def test_special_zones_are_flagged_from_1_july_2025() -> None:
    # A commune's round is its window (16/11 to 15/11): the 2025 round runs past 1 July 2025.
    earlier = _verdict(COMMUNE, TT124, date(2024, 11, 15))
    july = _verdict(COMMUNE, TT124, date(2025, 11, 15))
    assert earlier.notices == ()
    assert len(july.notices) == 2
    assert "đặc khu" in july.notices[1].render("vi")


def test_notices_round_trip_through_json() -> None:
    verdict = _verdict(COMMUNE, TT124, date(2025, 11, 15))
    data = verdict.to_json(texts=("en",))
    assert len(data["notices"]) == 2
    assert Verdict.from_json(data).notices == verdict.notices
    quiet = _verdict(COMMUNE, TT124, date(2023, 11, 15)).to_json()
    assert "notices" not in quiet


def test_a_pinned_rule_set_still_refuses_a_round_before_its_signing() -> None:
    tt124_commune = BOOK.get("tt124.commune")
    raw: dict[str, Any] = {
        "id": "U",
        "kind": COMMUNE.code,
        "year": 2021,
        "facts": baseline(COMMUNE, TT124),
    }
    with pytest.raises(RuleSetNotFound, match=r"before the instrument was signed \(2021-12-28\)"):
        evaluate(read_unit(raw), tt124_commune)
    # The 2022 round, whose window closes after the signing, is allowed when pinned.
    raw["year"] = 2022
    assert evaluate(read_unit(raw), tt124_commune).rule_set == "tt124.commune"
