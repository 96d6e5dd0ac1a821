"""Scoring: each rule type (met, not met, boundary, missing), vetoes, bands, gaps, JSON."""

from __future__ import annotations

import copy
import json
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antq import InputError, Outcome, UnitKind
from antq.emulation import (
    ClassStatus,
    ItemStatus,
    MovementClass,
    ScoreResult,
    ScoreStatus,
    ScoringFacts,
    ScoringSheet,
    VetoOutcome,
    apply_override,
    load_sheet,
    read_scores,
    read_scores_file,
    score,
    sheet_from_dict,
    shipped_sheet,
)

from . import EXAMPLE_SCORES, EXAMPLE_SHEET, FULL, small
from .test_sheets import FILL

SMALL_SHEET = sheet_from_dict(small())
EXAMPLE = load_sheet(EXAMPLE_SHEET)


def run(values: dict[str, object], sheet: ScoringSheet = SMALL_SHEET, **kw: Any) -> ScoreResult:
    facts = ScoringFacts(
        unit_id="X", kind=kw.get("kind", UnitKind.COMMUNE), year=2025, values=values
    )
    return score(sheet, facts)


def with_(**changes: object) -> dict[str, object]:
    values = dict(FULL)
    for name, value in changes.items():
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value
    return values


def test_full_marks() -> None:
    result = run(FULL)
    assert result.status is ScoreStatus.COMPLETE
    assert result.total == 20 and result.low == result.high == 20
    assert result.movement_class is MovementClass.XUAT_SAC
    assert [r.points for r in result.items] == [8, 4, 4, 4, 4, 4]
    assert all(r.status is ItemStatus.SCORED for r in result.items)


# --- all_or_nothing -----------------------------------------------------------------------


def test_all_or_nothing() -> None:
    assert run(with_(flag=True)).item("1.1").points == 4
    no = run(with_(flag=False)).item("1.1")
    assert no.points == 0 and no.reason.render("en") == "Flag: no, so 0 of 4 points"
    missing = run(with_(flag=None)).item("1.1")
    assert missing.status is ItemStatus.UNKNOWN and missing.points is None
    assert (missing.low, missing.high, missing.missing) == (0, 4, ("flag",))
    assert missing.reason.render("en") == "not enough information: missing Flag"


# --- threshold ----------------------------------------------------------------------------


def test_threshold_at_and_around_the_boundary() -> None:
    at = run(with_(part=90, whole=100)).item("1.2")
    assert at.points == 4
    assert at.reason.render("en") == "90/100 = 90%, at least 90%: the full 4 points"
    assert at.reason.render("vi").startswith("90/100 = 90%")
    below = run(with_(part=899, whole=1000)).item("1.2")
    assert below.points == 0
    assert below.reason.render("en") == "899/1,000 = 89.9%, below 90%: 0 of 4 points"
    assert run(with_(part=9, whole=10)).item("1.2").points == 4


def test_threshold_share_is_never_written_across_the_threshold() -> None:
    # Rule P4: 89,99% is not written "90%" beside "at least 90%".
    below = run(with_(part=8999, whole=10000)).item("1.2")
    assert below.points == 0
    assert below.reason.render("vi").startswith("8.999/10.000 = 89,99%")
    at = run(with_(part=9000, whole=10000)).item("1.2")
    assert at.reason.render("en").startswith("9,000/10,000 = 90%,")
    assert run(with_(part=8, whole=10)).item("1.2").points == 0


def test_threshold_more_than_is_strict() -> None:
    data = small()
    data["items"][0]["items"][1]["rule"].update(percent=95, comparison="more_than")
    sheet = sheet_from_dict(data)
    assert run(with_(part=95, whole=100), sheet).item("1.2").points == 0
    assert run(with_(part=96, whole=100), sheet).item("1.2").points == 4
    assert "not more than 95%" in run(with_(part=95, whole=100), sheet).item("1.2").reason.render(
        "en"
    )


def test_threshold_missing_and_undefined() -> None:
    missing = run(with_(part=None)).item("1.2")
    assert missing.status is ItemStatus.UNKNOWN and missing.missing == ("part",)
    zero = run(with_(part=0, whole=0)).item("1.2")
    assert zero.status is ItemStatus.UNKNOWN and zero.missing == ()
    assert "Whole is 0" in zero.reason.render("en")
    with pytest.raises(InputError) as caught:
        run(with_(part=11, whole=10))
    assert caught.value.path == "X.values.part" and "more than whole = 10" in caught.value.message


def test_threshold_with_assessor_below() -> None:
    sheet = shipped_sheet("qd510.agency")
    base = {
        "leadership_points": 3,
        "festival_points": "4.5",
        "coordination_regulation": True,
    }

    def item2(**values: object) -> Any:
        return run({**base, **values}, sheet, kind=UnitKind.AGENCY).item("2")

    assert item2(members_total=50, members_taking_part=45).points == 3
    below = item2(members_total=50, members_taking_part=44, participation_points_below=2)
    assert below.points == 2
    assert below.reason.render("en") == "44/50 = 88%, below 90%: the assessor gave 2 of 3 points"
    open_ = item2(members_total=50, members_taking_part=44)
    assert open_.status is ItemStatus.UNKNOWN and open_.missing == ("participation_points_below",)
    assert (open_.low, open_.high) == (0, 3)
    # Above the threshold the assessor's points are not needed.
    assert item2(members_total=50, members_taking_part=50).status is ItemStatus.SCORED
    with pytest.raises(InputError, match="must be less than the maximum 3"):
        item2(members_total=50, members_taking_part=44, participation_points_below=3)


# --- proportional -------------------------------------------------------------------------


def test_proportional_rounds_down_to_the_step() -> None:
    # 4 x 7/9 = 3.11 -> 3 with a step of 0.5
    item = run(with_(part=7, whole=9)).item("2")
    assert item.points == 3
    assert item.reason.render("en") == "4 × 7/9 points, rounded down to a multiple of 0.5: 3 of 4"
    assert run(with_(part=8, whole=9)).item("2").points == Fraction(7, 2)  # 3.55 -> 3.5
    assert run(with_(part=9, whole=9)).item("2").points == 4
    assert run(with_(part=0, whole=9)).item("2").points == 0
    assert run(with_(whole=None)).item("2").status is ItemStatus.UNKNOWN
    assert run(with_(part=0, whole=0)).item("2").status is ItemStatus.UNKNOWN


def test_proportional_on_the_example_sheet() -> None:
    values = {"areas_total": 9, "areas_with_model": 7}
    item = run(values, EXAMPLE).item("2.2")
    assert item.points == Fraction(15, 2)  # 10 x 7/9 = 7.77... -> 7.5
    assert item.reason.render("vi").endswith("7,5/10 điểm")


# --- per_occurrence -----------------------------------------------------------------------


def test_per_occurrence_with_floor() -> None:
    assert run(with_(events=0)).item("3").points == 4
    one = run(with_(events=1)).item("3")
    assert one.points == Fraction(5, 2)
    assert one.reason.render("en") == "1 occurrence(s), minus 1.5 each: 2.5 of 4 points"
    two = run(with_(events=2)).item("3")
    assert two.points == 1
    three = run(with_(events=3)).item("3")
    assert three.points == Fraction(1, 2)  # 4 - 4.5 < 0.5: the floor
    assert "but not below 0.5" in three.reason.render("en")
    missing = run(with_(events=None)).item("3")
    assert (missing.status, missing.low, missing.high) == (ItemStatus.UNKNOWN, Fraction(1, 2), 4)


# --- assessor -----------------------------------------------------------------------------


def test_assessor_points() -> None:
    assert run(with_(given="2.5")).item("4").points == Fraction(5, 2)
    assert run(with_(given=0)).item("4").points == 0
    assert run(with_(given=4)).item("4").points == 4
    with pytest.raises(InputError, match="exceeds the maximum 4 of item 4"):
        run(with_(given="4.5"))
    with pytest.raises(InputError, match="floats are not exact"):
        run(with_(given=2.5))
    assert run(with_(given=None)).item("4").status is ItemStatus.UNKNOWN


# --- unfilled items block scoring -----------------------------------------------------------


def test_unfilled_items_block_the_total() -> None:
    sheet = shipped_sheet("qd510.agency")
    values = {
        "leadership_points": 3,
        "members_total": 40,
        "members_taking_part": 40,
        "festival_points": 5,
        "coordination_regulation": True,
    }
    result = run(values, sheet, kind=UnitKind.ENTERPRISE)
    assert result.status is ScoreStatus.BLOCKED
    assert result.total is None and result.low is None and result.high is None
    assert result.blocking == ("4.b", "4.rest", "rest")
    assert result.classification.status is ClassStatus.BLOCKED
    assert result.movement_class is None
    assert "items 4.b, 4.rest, rest are not confirmed" in result.classification.reason.render("en")
    # What is known is still scored and explained.
    assert result.item("1").points == 3 and result.item("4.a").points == 1
    assert result.item("4").status is ItemStatus.BLOCKED
    assert "total: none until the unconfirmed items are filled" in result.explain("en")
    assert result.to_json()["total"] is None


def test_filled_sheet_scores() -> None:
    sheet = apply_override(shipped_sheet("qd510.agency"), copy.deepcopy(FILL))
    values = {
        "leadership_points": 3,
        "members_total": 40,
        "members_taking_part": 37,
        "festival_points": 5,
        "coordination_regulation": True,
        "coordination_implemented": True,
        "other_points": 70,
    }
    result = run(values, sheet, kind=UnitKind.AGENCY)
    assert result.status is ScoreStatus.COMPLETE
    assert result.total == 3 + 3 + 5 + 1 + 2 + 70
    assert result.movement_class is MovementClass.KHA  # the override's bands: 70 <= 84 < 90
    assert result.classification.next is not None
    assert result.classification.next.points_needed == 6
    assert result.item("4.b").source is not None
    assert "A test provincial decision" in result.explain("en")


def test_sheet_without_bands_gives_no_class() -> None:
    data = small()
    del data["classification"], data["vetoes"]
    data["inputs"].pop("safe")
    result = run(with_(safe=None), sheet_from_dict(data))
    assert result.total == 20
    assert result.classification.status is ClassStatus.NO_BANDS
    assert result.movement_class is None


# --- bands, vetoes, next class ----------------------------------------------------------------


def test_band_boundaries() -> None:
    assert run(with_(given=2)).total == 18
    assert run(with_(given=2)).movement_class is MovementClass.XUAT_SAC  # exactly 18
    r = run(with_(given="1.5"))
    assert r.total == Fraction(35, 2) and r.movement_class is MovementClass.KHA
    assert r.classification.next is not None
    assert r.classification.next.points_needed == Fraction(1, 2)
    assert (
        r.classification.next.reason.render("en")
        == "0.5 more points needed for excellent (at least 18)"
    )
    low = run(with_(flag=False, given=0, events=3))  # 0 + 4 + 4 + 0.5 + 0 = 8.5
    assert low.total == Fraction(17, 2)
    assert low.classification.status is ClassStatus.BELOW_BANDS and low.movement_class is None
    assert (
        low.classification.next is not None
        and low.classification.next.target is MovementClass.TRUNG_BINH
    )
    assert low.classification.next.points_needed == Fraction(3, 2)
    top = run(FULL).classification.next
    assert top is not None and top.target is None
    assert top.reason.render("en") == "already in the highest class"


@pytest.mark.parametrize(
    ("changes", "total", "expected"),
    [
        ({"given": 2}, 18, MovementClass.XUAT_SAC),  # at the xuất sắc minimum
        ({"given": "1.5"}, Fraction(35, 2), MovementClass.KHA),
        ({"flag": False, "given": 2}, 14, MovementClass.KHA),  # at the khá minimum
        ({"flag": False, "given": "1.5"}, Fraction(27, 2), MovementClass.TRUNG_BINH),
        ({"flag": False, "events": 2, "given": 1}, 10, MovementClass.TRUNG_BINH),  # lowest band
        ({"flag": False, "events": 2, "given": "0.5"}, Fraction(19, 2), None),  # below every band
    ],
)
def test_every_band_boundary_is_inclusive(
    changes: dict[str, object], total: Fraction, expected: MovementClass | None
) -> None:
    result = run(with_(**changes))
    assert result.total == total
    assert result.movement_class is expected
    status = ClassStatus.CLASSIFIED if expected is not None else ClassStatus.BELOW_BANDS
    assert result.classification.status is status


def test_veto_caps_the_class_and_the_next_class() -> None:
    capped = run(with_(safe="not_met"))
    assert capped.total == 20
    assert capped.classification.banded is MovementClass.XUAT_SAC
    assert capped.movement_class is MovementClass.KHA
    veto = capped.classification.vetoes[0]
    assert veto.outcome is VetoOutcome.APPLIES
    assert veto.reason.render("en") == "Safe: not met, so the class is at most good"
    assert "at most good because of: not-safe" in capped.classification.reason.render("en")
    nxt = capped.classification.next
    assert nxt is not None and nxt.points_needed is None
    assert (
        nxt.reason.render("en")
        == "at most good because of not-safe: more points cannot raise the class"
    )
    assert run(with_(safe="not_applicable")).movement_class is MovementClass.KHA


def test_veto_below_its_cap_does_not_matter() -> None:
    # 14.5 points is khá anyway: the veto changes nothing, and the next class is reachable.
    result = run(with_(safe="not_met", flag=False, given="2.5"))
    assert result.total == Fraction(29, 2) and result.movement_class is MovementClass.KHA
    assert "at least 14 points for good" in result.classification.reason.render("en")
    nxt = result.classification.next
    assert nxt is not None and nxt.points_needed is None  # xuất sắc is above the cap


def test_unknown_veto() -> None:
    open_ = run(with_(safe=None))
    assert open_.classification.status is ClassStatus.UNKNOWN
    assert open_.classification.banded is MovementClass.XUAT_SAC
    assert open_.classification.vetoes[0].outcome is VetoOutcome.UNKNOWN
    assert "safe" in open_.missing
    unknown_verdict = run(with_(safe="unknown"))
    assert unknown_verdict.movement_class is None
    assert "Safe: unknown" in unknown_verdict.classification.vetoes[0].reason.render("en")
    # Below the cap an undecided veto cannot change the class.
    assert run(with_(safe=None, flag=False, given="2.5")).movement_class is MovementClass.KHA


def test_the_next_class_names_an_undecided_veto_that_could_cap_it() -> None:
    # 14.5 points: khá whatever the veto; 3.5 more reach xuất sắc only if not-safe does not apply.
    open_ = run(with_(safe=None, flag=False, given="2.5")).classification.next
    assert open_ is not None
    assert (open_.target, open_.points_needed) == (MovementClass.XUAT_SAC, Fraction(7, 2))
    assert open_.reason.render("en") == (
        "3.5 more points needed for excellent (at least 18), provided that not-safe,"
        " not yet decided, does not cap the class"
    )
    # Decided either way, the caveat goes.
    clear = run(with_(safe="met", flag=False, given="2.5")).classification.next
    assert clear is not None and clear.points_needed == Fraction(7, 2)
    assert clear.reason.render("en") == "3.5 more points needed for excellent (at least 18)"
    capped = run(with_(safe="not_met", flag=False, given="2.5")).classification.next
    assert capped is not None and capped.points_needed is None
    # An undecided veto whose cap is above the next class does not matter to it.
    low = run(with_(safe=None, flag=False, given=0, events=3)).classification.next
    assert low is not None and low.target is MovementClass.TRUNG_BINH
    assert "provided" not in low.reason.render("en")


def test_bounded_total_can_still_give_a_class() -> None:
    open_ = run(with_(given=None))  # 16 known, 0-4 missing: 16-20 straddles 18
    assert open_.status is ScoreStatus.INCOMPLETE
    assert (open_.total, open_.low, open_.high) == (None, 16, 20)
    assert open_.classification.status is ClassStatus.UNKNOWN
    assert open_.classification.next is None
    capped = run(with_(given=None, safe="not_met"))  # khá either way
    assert capped.movement_class is MovementClass.KHA
    assert "total between 16 and 20, at most good" in capped.classification.reason.render("en")
    straddles = run(with_(flag=None, given=0))  # 12 known + 0..4: 12-16 straddles 14
    assert straddles.classification.status is ClassStatus.UNKNOWN
    # 13.5 known + 0.5..4 for the deduction item: 14-17.5, khá at both ends.
    within = run(with_(events=None, given="1.5"))
    assert (within.low, within.high) == (14, Fraction(35, 2))
    assert within.movement_class is MovementClass.KHA
    assert (
        within.classification.reason.render("en")
        == "total between 14 and 17.5: good in either case"
    )


def test_example_scores() -> None:
    document = read_scores_file(EXAMPLE_SCORES, EXAMPLE)
    assert document.errors == ()
    results = {r.unit_id: r for r in (score(EXAMPLE, u) for u in document.units)}
    dong, tay, nam, bac, trung = (
        results[k] for k in ("X-DONG", "X-TAY", "X-NAM", "X-BAC", "X-TRUNG")
    )
    assert (dong.total, dong.movement_class) == (Fraction(197, 2), MovementClass.XUAT_SAC)
    assert (tay.total, tay.movement_class) == (Fraction(191, 2), MovementClass.KHA)
    assert tay.classification.banded is MovementClass.XUAT_SAC
    assert (nam.total, nam.movement_class) == (81, MovementClass.KHA)
    assert nam.classification.next is not None and nam.classification.next.points_needed == 9
    assert (bac.total, bac.low, bac.high) == (None, 82, 97)
    assert bac.movement_class is MovementClass.KHA  # the veto decides within the bounds
    assert bac.missing == ("crimes_solved", "models_points")
    assert trung.total == Fraction(195, 2) and trung.classification.status is ClassStatus.UNKNOWN


def test_explain_in_both_languages() -> None:
    result = run(with_(given="2.5"))
    en, vi = result.explain("en"), result.explain("vi")
    assert "total: 18.5 of 20 points" in en
    assert "18,5" in vi and "Điều 5 Thông tư 124/2021/TT-BCA" in vi
    assert "- 1.2 [4/4] Threshold (Article 5, Circular 124/2021/TT-BCA)" in en


# --- errors -------------------------------------------------------------------------------


def test_bad_facts() -> None:
    with pytest.raises(InputError, match=r"sheet t\.small scores commune"):
        run(FULL, kind=UnitKind.AGENCY)
    with pytest.raises(InputError) as caught:
        run(with_(flgg=True))
    assert caught.value.path == "X.values.flgg"
    with pytest.raises(InputError) as caught:
        run(with_(flag="yes"))
    assert caught.value.path == "X.values.flag"


def test_read_scores_reports_each_bad_unit() -> None:
    unit = {"id": "A", "kind": "commune", "year": 2025, "values": dict(FULL)}
    doc = {
        "antq_scores": 1,
        "units": [
            unit,
            {**unit, "id": "B", "values": {**FULL, "given": 9}},
            {**unit, "id": "C", "kind": "agency"},
            {**unit, "id": "D", "year": 1999},
            {**unit, "extra": 1},
            unit,
            {**unit, "id": "E", "values": {**FULL, "safe": None}},
        ],
    }
    read = read_scores(doc, SMALL_SHEET)
    assert [u.unit_id for u in read.units] == ["A", "E"]
    assert "safe" not in read.units[1].values
    paths = [e.path for e in read.errors]
    assert paths == [
        "units[1].values.given",
        "units[2].kind",
        "units[3].year",
        "units[4].extra",
        "units[5].id",
    ]
    for bad in (
        {"antq_scores": 2, "units": []},
        {"antq_scores": 1, "units": {}},
        [],
        {"antq_scores": 1, "sheet": "other", "units": []},
    ):
        assert read_scores(bad, SMALL_SHEET).errors


# --- JSON ---------------------------------------------------------------------------------


def test_results_round_trip_through_json() -> None:
    document = read_scores_file(EXAMPLE_SCORES, EXAMPLE)
    results = [score(EXAMPLE, unit) for unit in document.units]
    results.append(
        run({"leadership_points": 1}, shipped_sheet("qd510.agency"), kind=UnitKind.AGENCY)
    )
    results.append(run(with_(safe="not_met", given=None)))
    for result in results:
        data = json.loads(json.dumps(result.to_json(texts=("vi", "en")), ensure_ascii=False))
        back = ScoreResult.from_json(data)
        assert back == result
        assert back.explain("en") == result.explain("en")
    with pytest.raises(InputError, match="schema"):
        ScoreResult.from_json({"schema": 99})


# --- properties ---------------------------------------------------------------------------

VALUES = st.fixed_dictionaries(
    {
        "flag": st.booleans(),
        "part": st.integers(0, 50),
        "extra": st.integers(0, 50),
        "events": st.integers(0, 5),
        "given": st.integers(0, 16).map(lambda q: Fraction(q, 4)),
        "safe": st.sampled_from([Outcome.MET, Outcome.NOT_MET, Outcome.NOT_APPLICABLE]),
    }
)


@settings(max_examples=150, deadline=None)
@given(VALUES, st.sets(st.sampled_from(["flag", "part", "events", "given", "safe"])))
def test_missing_values_never_contradict_the_full_score(
    raw: dict[str, Any], dropped: set[str]
) -> None:
    values = dict(raw)
    values["whole"] = values["part"] + values.pop("extra")
    if values["whole"] == 0:
        values["whole"] = 1
    full = run(values)
    assert full.total is not None
    assert 0 <= full.total <= 20
    assert full.total == sum(r.points or 0 for r in full.items if r.depth == 0)
    partial = run({k: v for k, v in values.items() if k not in dropped})
    assert partial.low is not None and partial.high is not None
    assert partial.low <= full.total <= partial.high
    if (
        partial.movement_class is not None
        or partial.classification.status is ClassStatus.BELOW_BANDS
    ):
        assert partial.movement_class is full.movement_class
    if not dropped & {"flag", "part", "events", "given"}:
        assert partial.total == full.total
