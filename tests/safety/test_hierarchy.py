"""Province evaluation: units first, commune roll-ups from their verdicts, summaries."""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antq.core.outcome import Outcome
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.io.batch import RowError, UnitRef, read_any
from antq.safety.hierarchy import (
    NearMiss,
    OutcomeCounts,
    ProvinceEvaluation,
    Scope,
    evaluate_province,
    summarize,
)
from tests.report import EXAMPLE, agency, area, commune, facts

MET, NOT_MET, UNKNOWN, NA = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE


def _commune_of(evaluation: ProvinceEvaluation, code: str) -> tuple[Outcome | None, object]:
    (result,) = [c for c in evaluation.communes if c.commune_id == code]
    return (result.verdict.outcome if result.verdict else None), result.counts


def _tt124_commune(recognised: int, *, registered_all: bool = True) -> ProvinceEvaluation:
    # TT 124 test vector: 20 residential areas and 5 agencies under the commune.
    units = [commune("X1", "Xã Một")]
    for i in range(20):
        units.append(area(f"A{i:02d}", "X1", "met" if i < recognised else "short"))
    units += [agency(f"C{i}", "X1") for i in range(5)]
    if recognised < 5:
        raise ValueError(recognised)
    # Agencies are all met: make the residential areas carry the rest.
    for i in range(20):
        units[1 + i] = area(f"A{i:02d}", "X1", "met" if i < recognised - 5 else "short")
    if not registered_all:
        units[-1 - 5] = area("A19", "X1", "not_met")
    return evaluate_province(facts(*units))


@pytest.mark.parametrize(
    ("recognised", "outcome"), [(17, NOT_MET), (18, MET), (25, MET), (16, NOT_MET)]
)
def test_tt124_commune_roll_up_70_percent(recognised: int, outcome: Outcome) -> None:
    evaluation = _tt124_commune(recognised)
    got, counts = _commune_of(evaluation, "X1")
    assert got is outcome
    assert counts.total == 25 and counts.recognised_min == counts.recognised_max == recognised  # type: ignore[attr-defined]
    assert evaluation.errors == ()


def test_tt124_one_unregistered_unit_fails_whatever_the_share() -> None:
    evaluation = _tt124_commune(24, registered_all=False)
    got, counts = _commune_of(evaluation, "X1")
    assert got is NOT_MET
    assert counts.registered_max == 24  # type: ignore[attr-defined]
    commune_verdict = next(u.verdict for u in evaluation.units if u.verdict.unit_id == "X1")
    failed = {r.criterion_id for r in commune_verdict.with_outcome(NOT_MET)}
    assert failed == {"tt124.commune.units-registered"}


def test_unknown_units_give_bounds_and_never_a_pass() -> None:
    # 17 met, 1 unknown of 25: 17/25 fails, 18/25 passes, so the commune is unknown.
    units = [commune("X1", "Xã Một")]
    units += [area(f"A{i:02d}", "X1", "met") for i in range(17)]
    units.append(area("A17", "X1", "unknown"))
    units += [area(f"A{i:02d}", "X1", "short") for i in range(18, 25)]
    evaluation = evaluate_province(facts(*units))
    got, counts = _commune_of(evaluation, "X1")
    assert (counts.recognised_min, counts.recognised_max) == (17, 18)  # type: ignore[attr-defined]
    assert got is UNKNOWN
    verdict = next(u.verdict for u in evaluation.units if u.verdict.unit_id == "X1")
    assert "unit:A17" in verdict.missing_inputs  # what would settle the count


def test_out_of_scope_units_are_left_out_of_the_total() -> None:
    units = [commune("X1", "Xã Một"), area("A1", "X1"), area("A2", "X1"), area("A3", "X1")]
    units += [agency("CQ-QS", "X1", "not_applicable")]
    evaluation = evaluate_province(facts(*units))
    got, counts = _commune_of(evaluation, "X1")
    assert got is MET and counts.total == 3 and counts.excluded == ("CQ-QS",)  # type: ignore[attr-defined]


def test_the_roll_up_wins_over_the_counts_the_commune_states_and_its_verdict_says_so() -> None:
    evaluation = evaluate_province(read_any(EXAMPLE))
    got, counts = _commune_of(evaluation, "XA-DH")
    # The example's own counts (8 units, 6 recognised) would pass; its units give 3-4 of 6.
    assert got is NOT_MET and counts.total == 6  # type: ignore[attr-defined]
    (commune,) = [c for c in evaluation.communes if c.commune_id == "XA-DH"]
    assert commune.verdict is not None
    (share,) = [r for r in commune.verdict.results if r.criterion_id.endswith("units-recognised")]
    assert share.reason.render("en") == (
        "3 recognised, 1 unknown, 2 not of 6: at most 66.7% < 70%: at least 2 more needed;"
        " the commune states 6 of 8, its units give these"
    )
    assert evaluation.errors == ()


def test_commune_without_units_in_the_input_uses_its_own_counts() -> None:
    raw = commune("X1", "Xã Một", units_total=10, units_registered=10, units_recognised=7)
    evaluation = evaluate_province(facts(raw))
    got, counts = _commune_of(evaluation, "X1")
    assert got is MET and counts is None
    assert [n.subject for n in evaluation.notices] == ["X1"]


def test_a_roll_up_that_cannot_be_made_is_an_error_and_leaves_the_counts_unknown() -> None:
    # Every unit outside the circular's scope: nothing to take 70% of.
    raw = commune("X1", "Xã Một", units_total=1, units_registered=1, units_recognised=1)
    evaluation = evaluate_province(facts(raw, agency("CQ-QS", "X1", "not_applicable")))
    got, counts = _commune_of(evaluation, "X1")
    assert got is UNKNOWN and counts is None
    assert evaluation.errors and evaluation.errors[0].path.startswith("X1.")
    assert evaluation.failed


def test_communes_referred_to_by_name_in_any_spelling() -> None:
    units = [
        commune("P-BN", "Phường Bến Nghé"),
        commune("X-DH", "Xã Đông Hòa"),
        area("A1", "P. Bến Nghé"),
        area("A2", "phuong ben nghe"),
        area("A3", unicodedata.normalize("NFD", "Phường Bến Nghé")),
        area("A4", "P-BN"),
        area("A5", "x. dong hoa"),
    ]
    evaluation = evaluate_province(facts(*units))
    by_commune = {c.commune_id: [v.unit_id for v in c.units] for c in evaluation.communes}
    assert by_commune == {"P-BN": ["A1", "A2", "A3", "A4"], "X-DH": ["A5"]}
    assert {u.verdict.unit_id: u.verdict.commune for u in evaluation.units}["A2"] == "P-BN"
    _, counts = _commune_of(evaluation, "P-BN")
    assert counts.total == 4  # type: ignore[attr-defined]


def test_ambiguous_commune_name_is_an_error_naming_the_candidates() -> None:
    units = [
        commune("X-01", "Xã Đông Hòa"),
        commune("P-02", "Phường Đông Hòa"),
        area("A0", "X-01"),
        area("A1", "Đông Hòa"),
    ]
    evaluation = evaluate_province(facts(*units))
    (error,) = evaluation.errors
    assert error.path == "A1.commune"
    assert "P-02 (Phường Đông Hòa)" in error.message and "X-01 (Xã Đông Hòa)" in error.message
    # The unit is still evaluated, under the reference it gave.
    assert any(u.verdict.unit_id == "A1" for u in evaluation.units)
    assert {c.commune_id for c in evaluation.communes} >= {"Đông Hòa"}


def test_units_of_a_commune_not_in_the_input_are_grouped_without_a_verdict() -> None:
    evaluation = evaluate_province(facts(area("A1", "X9"), area("A2", "X9", "not_met")))
    (result,) = evaluation.communes
    assert result.commune_id == "X9" and result.verdict is None and result.counts is None
    assert result.summary().counts(UnitKind.RESIDENTIAL_AREA) == OutcomeCounts(met=1, not_met=1)
    assert evaluation.errors == ()


def test_a_commune_not_in_the_input_is_one_group_however_its_name_is_spelt() -> None:
    spellings = ["Xã Tân Hòa", "X. Tân Hòa", "xa tan hoa", "Xã Tân Hòa"]
    units = [area(f"A{n}", name) for n, name in enumerate(spellings)]
    evaluation = evaluate_province(facts(*units, area("B1", "Xã Bình Minh")))
    groups = {c.commune_id: sorted(v.unit_id for v in c.units) for c in evaluation.communes}
    assert groups == {"Xã Tân Hòa": ["A0", "A1", "A2", "A3"], "Xã Bình Minh": ["B1"]}
    assert all(c.verdict is None for c in evaluation.communes)


def test_communes_differing_only_in_diacritics_get_their_own_units() -> None:
    units = [
        commune("X-HOA", "Xã Tân Hòa"),
        commune("X-HOA2", "Xã Tân Hóa"),
        area("A1", "X. Tân Hoà"),
        area("A2", "xã tân hóa"),
        area("A3", "Xa Tan Hoa"),  # fits both: an error naming them
    ]
    evaluation = evaluate_province(facts(*units))
    groups = {c.commune_id: [v.unit_id for v in c.units] for c in evaluation.communes}
    assert groups["X-HOA"] == ["A1"] and groups["X-HOA2"] == ["A2"]
    (error,) = evaluation.errors
    assert error.path == "A3.commune" and "X-HOA" in error.message and "X-HOA2" in error.message


def test_unreadable_row_counts_as_unknown_in_its_commune() -> None:
    # 18 of 25 readable units are met (72%, a pass); a 26th unit's row is bad. Counted
    # as unknown, it makes the commune 18-19 of 26, undecided: never a pass.
    units = [commune("X1", "Xã Một")]
    units += [area(f"A{i:02d}", "X1", "met" if i < 18 else "short") for i in range(25)]
    bad = RowError(
        30,
        "facts.households_resident",
        -1,
        "must be >= 0",
        unit=UnitRef(unit_id="A99", kind=UnitKind.RESIDENTIAL_AREA, year=2025, commune="X1"),
    )
    clean = evaluate_province(facts(*units))
    assert _commune_of(clean, "X1")[0] is MET
    evaluation = evaluate_province([*facts(*units), bad])
    got, counts = _commune_of(evaluation, "X1")
    assert got is UNKNOWN
    assert (counts.total, counts.recognised_min, counts.recognised_max) == (26, 18, 19)  # type: ignore[attr-defined]
    assert evaluation.errors == (bad,)
    (result,) = evaluation.communes
    assert result.unreadable == ((UnitKind.RESIDENTIAL_AREA, "A99"),)
    # Its inputs are wrong, not missing: they are not listed as missing information.
    assert result.summary().most_missing == ()
    assert any("could not be read" in n.render("en") for n in evaluation.notices)


def test_row_naming_its_commune_but_not_its_kind_leaves_the_counts_unknown() -> None:
    units = [commune("X1", "Xã Một")] + [area(f"A{i}", "X1") for i in range(5)]
    bad = RowError(9, "kind", "school", "unknown", unit=UnitRef(unit_id="Z", commune="xa mot"))
    evaluation = evaluate_province([*facts(*units), bad])
    got, counts = _commune_of(evaluation, "X1")
    assert got is UNKNOWN and counts.total == 5  # type: ignore[attr-defined]
    assert any("left unknown" in n.render("en") for n in evaluation.notices)


def test_summary_counts_ratios_and_rankings() -> None:
    units = [commune("X1", "Xã Một")]
    units += [area("A1", "X1"), area("A2", "X1", "not_met"), area("A3", "X1", "short")]
    units += [area("A4", "X1", "unknown"), agency("C1", "X1"), agency("C2", "X1", "not_applicable")]
    evaluation = evaluate_province(facts(*units))
    summary = evaluation.province_summary(2025, "Tỉnh Mẫu")
    assert summary.scope is Scope.PROVINCE and summary.year == 2025
    areas = summary.counts(UnitKind.RESIDENTIAL_AREA)
    assert areas == OutcomeCounts(met=1, not_met=2, unknown=1)
    assert areas.share(MET) == Fraction(1, 4) and areas.met_share() == Fraction(1, 4)
    agencies = summary.counts(UnitKind.AGENCY)
    assert (agencies.total, agencies.in_scope, agencies.met_share()) == (2, 1, Fraction(1))
    assert list(summary.by_kind) == [UnitKind.COMMUNE, UnitKind.RESIDENTIAL_AREA, UnitKind.AGENCY]
    assert summary.total.total == 7
    # Closest to passing: one failed criterion with a gap of 2 households, then one with
    # no number to reach, then the commune (not all registered, and 3 of 5 < 70%).
    assert [(m.verdict.unit_id, len(m.failed), m.gap) for m in summary.closest] == [
        ("A3", 1, 2),
        ("A2", 1, None),
        # 1 unregistered unit, and 4 of 5 recognised needed with 2 known: 2 more at least.
        ("X1", 2, 3),
    ]
    assert [t.name for t in summary.most_missing] == ["grassroots_force_grade"]
    assert all(t.count >= 1 for t in summary.most_failed)
    assert summary.most_failed == tuple(
        sorted(summary.most_failed, key=lambda t: (-t.count, t.criterion_id))
    )


def test_near_miss_ordering_is_fewest_failed_then_smallest_gap() -> None:
    far = area("C", None)
    far["facts"]["households_registered"] = 100  # 114 households short
    two = area("D", None, "short")
    two["facts"]["registered_q1"] = False  # two criteria failed
    units = facts(area("B", None, "short"), area("A", None, "not_met"), far, two)
    verdicts = [e.verdict for e in evaluate_province(units).units]
    summary = summarize(verdicts, scope=Scope.PROVINCE, year=2025)
    # One failed criterion first (measurable gaps, smallest first, then none), then two.
    assert [m.verdict.unit_id for m in summary.closest] == ["B", "C", "A", "D"]
    assert [m.gap for m in summary.closest] == [2, 114, None, None]
    assert isinstance(summary.closest[0], NearMiss)
    assert "2 more needed" in summary.closest[0].lacks("en")
    top = summarize(verdicts, scope=Scope.PROVINCE, year=2025, top=2)
    assert [m.verdict.unit_id for m in top.closest] == ["B", "C"]


def test_results_do_not_depend_on_the_input_order() -> None:
    units = [commune("X1", "Xã Một"), commune("X2", "Xã Hai", province="T. Khác")]
    units += [
        area(f"A{i}", "X1" if i % 2 else "X2", ("met", "not_met", "unknown")[i % 3])
        for i in range(12)
    ]
    units += [agency("C1", "X2"), agency("C2", "X1", "not_applicable")]
    first = evaluate_province(facts(*units))
    shuffled = list(units)
    random.Random(7).shuffle(shuffled)
    second = evaluate_province(facts(*shuffled))
    assert first == second
    # By province ("T. Khác" before "Tỉnh Mẫu"), then commune; a commune before its units.
    assert [c.commune_id for c in first.communes] == ["X2", "X1"]
    order = [u.verdict.unit_id for u in first.units]
    assert order[:8] == ["X2", "A0", "A10", "A2", "A4", "A6", "A8", "C1"]
    assert order[8] == "X1" and order[-1] == "C2"


def test_units_inherit_their_commune_province_and_spellings_are_merged() -> None:
    units = [
        commune("X1", "Xã Một", province="TP. Hồ Chí Minh"),
        commune("X2", "Xã Hai", province="Thành phố Hồ Chí Minh"),
        commune("X3", "Xã Ba", province="Thành phố Hồ Chí Minh"),
        area("A1", "X1"),
        area("A2", None, province="thanh pho ho chi minh"),
    ]
    evaluation = evaluate_province(facts(*units))
    assert evaluation.provinces(2025) == ("Thành phố Hồ Chí Minh",)
    assert {u.province for u in evaluation.units} == {"Thành phố Hồ Chí Minh"}


def test_a_province_named_without_its_type_or_abbreviated_is_one_province() -> None:
    units = [
        commune("X1", "Xã Một", province="Tỉnh Quảng Nam"),
        area("A1", "X1", province="Quảng Nam"),
        area("A2", "X1", province="tinh quang nam"),
        area("B1", None, province="TP.HCM"),
        area("B2", None, province="Hồ Chí Minh"),
        area("B3", None, province="Thành phố Hồ Chí Minh"),
    ]
    evaluation = evaluate_province(facts(*units))
    # Equal counts: the written-out spelling names the province.
    assert evaluation.provinces(2025) == ("Thành phố Hồ Chí Minh", "Tỉnh Quảng Nam")
    assert evaluation.province_summary(2025, "Tỉnh Quảng Nam").total.total == 3
    # A name without a type that fits two typed names is left apart, never guessed.
    units = [area("C1", None, province="Tỉnh Huế"), area("C2", None, province="Thành phố Huế")]
    units.append(area("C3", None, province="Huế"))
    assert len(evaluate_province(facts(*units)).provinces(2025)) == 3


def test_several_rounds_are_kept_apart() -> None:
    units = [commune("X1", "Xã Một"), area("A1", "X1"), area("A1", "X1", year=2024)]
    units.append(area("A2", "X1", year=2024))
    evaluation = evaluate_province(facts(*units))
    assert evaluation.years() == (2024, 2025)
    (result,) = [c for c in evaluation.communes if c.year == 2025]
    assert [v.unit_id for v in result.units] == ["A1"]
    (old,) = [c for c in evaluation.communes if c.year == 2024]
    assert old.verdict is None and len(old.units) == 2


def test_unit_errors_are_collected_and_other_units_kept() -> None:
    bad = InputError("line 3.kind", "x", "unknown")
    units = facts(area("A1", None))
    evaluation = evaluate_province([bad, *units])
    assert evaluation.errors == (bad,) and len(evaluation.units) == 1 and evaluation.failed


def test_outcome_counts_arithmetic() -> None:
    a = OutcomeCounts.of([MET, MET, NOT_MET, NA])
    b = OutcomeCounts(unknown=2)
    assert (a + b) == OutcomeCounts(met=2, not_met=1, unknown=2, not_applicable=1)
    assert (
        OutcomeCounts().share(MET) is None and OutcomeCounts(not_applicable=1).met_share() is None
    )
    assert [a.count(o) for o in Outcome] == [2, 1, 0, 1]


def test_evaluation_errors_of_one_unit_do_not_stop_the_others() -> None:
    # A school of the 2020 round (Thông tư 23) needs its school year as its period.
    school = {"id": "OLD", "kind": "educational_institution", "year": 2020, "facts": {}}
    evaluation = evaluate_province(facts(school, area("NEW", None)))
    assert [u.verdict.unit_id for u in evaluation.units] == ["NEW"]
    assert evaluation.errors[0].path == "OLD"
    assert "no rule set" in evaluation.errors[0].message


_OUTCOME_OF = {"met": MET, "not_met": NOT_MET, "short": NOT_MET, "unknown": UNKNOWN}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["X1", "X2", "X3"]),
            st.sampled_from(["met", "not_met", "short", "unknown", "agency", "armed"]),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_roll_up_and_summary_arithmetic(placed: list[tuple[str, str]]) -> None:
    units = [commune(code, f"Xã {code}") for code in ("X1", "X2", "X3")]
    expected: dict[str, list[Outcome]] = {"X1": [], "X2": [], "X3": []}
    for n, (code, kind) in enumerate(placed):
        if kind == "agency":
            units.append(agency(f"C{n}", code))
            expected[code].append(MET)
        elif kind == "armed":
            units.append(agency(f"C{n}", code, "not_applicable"))
            expected[code].append(NA)
        else:
            units.append(area(f"A{n}", code, kind))
            expected[code].append(_OUTCOME_OF[kind])
    evaluation = evaluate_province(facts(*units))
    # A commune whose units are all out of scope cannot be rolled up: an error, never a pass.
    hollow = sorted(c for c, found in expected.items() if set(found) == {NA})
    assert [e.path.split(".")[0] for e in evaluation.errors] == hollow
    province = evaluation.province_summary(2025, "Tỉnh Mẫu")
    summed = OutcomeCounts()
    for result in evaluation.communes:
        outcomes = expected[result.commune_id]
        summary = result.summary()
        assert summary.total == OutcomeCounts.of(outcomes)
        summed = summed + summary.total
        counts = result.counts
        if not outcomes or result.commune_id in hollow:  # no count to roll up
            assert counts is None
            assert result.verdict is not None and result.verdict.outcome is UNKNOWN
            continue
        assert counts is not None
        # In scope: every unit but the armed-forces agencies; recognised within the
        # bounds that the unknown ones leave open; registered: all but the not_met areas.
        in_scope = [o for o in outcomes if o is not NA]
        assert counts.total == len(in_scope)
        assert counts.recognised_min == in_scope.count(MET)
        assert counts.recognised_max == in_scope.count(MET) + in_scope.count(UNKNOWN)
        unregistered = sum(1 for c, k in placed if c == result.commune_id and k == "not_met")
        assert counts.registered_max == len(in_scope) - unregistered
        # A commune passes on its units only if none is unregistered and at least 70%
        # are recognised even if every unknown one is not (100 * met >= 70 * total).
        assert result.verdict is not None
        if unregistered or 100 * counts.recognised_max < 70 * counts.total:
            assert result.verdict.outcome is NOT_MET
        elif 100 * counts.recognised_min >= 70 * counts.total:
            assert result.verdict.outcome is MET
        else:
            assert result.verdict.outcome is UNKNOWN
    # The province is its communes' units plus the communes themselves.
    communes = OutcomeCounts.of(
        c.verdict.outcome for c in evaluation.communes if c.verdict is not None
    )
    assert province.total == summed + communes
    assert province.counts(UnitKind.COMMUNE) == communes
    # Most often not met: counts of units per criterion, largest first.
    failed = Counter(
        r.criterion_id for v in evaluation.verdicts for r in v.results if r.outcome is NOT_MET
    )
    assert [(t.criterion_id, t.count) for t in province.most_failed] == sorted(
        failed.items(), key=lambda item: (-item[1], item[0])
    )[:10]
