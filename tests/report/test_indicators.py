"""Indicators: observations, rates as reports write them, dated targets, safe-standard figures."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.errors import InputError
from antq.io.batch import read_any
from antq.law.confirmation import Confirmation
from antq.report.indicators import (
    DEFAULT_TARGETS,
    Comparison,
    Indicator,
    Observation,
    Target,
    TargetTable,
    read_observations,
    safe_standard_observations,
    targets_from_data,
)
from antq.safety.hierarchy import evaluate_province

from . import EXAMPLE

YEAR_2024 = Period.parse("2023-10-01/2024-09-30")


def observed(
    numerator: int,
    denominator: int | None,
    indicator: Indicator = Indicator.CRIME_CLEARANCE,
    period: Period = YEAR_2024,
    unknown: int = 0,
) -> Observation:
    return Observation(
        indicator=indicator,
        unit="Tỉnh Mẫu",
        period=period,
        numerator=numerator,
        denominator=denominator,
        unknown=unknown,
    )


def test_rates_are_written_as_reports_write_them() -> None:
    assert observed(94, 104).render("vi") == "94/104 vụ (90,4%)"
    assert observed(94, 104).render("en") == "94/104 cases (90.4%)"
    assert observed(644, 707).rate == Fraction(644, 707)
    areas = observed(1042, 1165, Indicator.RESIDENTIAL_AREAS_SAFE)
    assert areas.render("vi") == "1.042/1.165 khu dân cư (89,4%)"
    assert areas.render("en") == "1,042/1,165 residential areas (89.4%)"
    tips = observed(4000, None, Indicator.PUBLIC_TIPS_VALUABLE)
    assert tips.render("vi") == "4.000 tin" and tips.rate is None
    assert observed(0, 0).render("vi") == "0/0 vụ" and observed(0, 0).rate is None


def test_the_figures_movement_reports_print_are_indicators() -> None:
    # entities.md §3.3: counts and parts of a whole, as the reports cited there write them.
    assert observed(1064, None, Indicator.MODEL_MEMBERS).render("vi") == "1.064 thành viên"
    assert observed(1064, None, Indicator.MODEL_MEMBERS).render("en") == "1,064 members"
    assert observed(4000, None, Indicator.PUBLIC_TIPS).render("vi") == "4.000 tin"
    resolved = observed(219, 236, Indicator.PUBLIC_TIPS_RESOLVED)
    assert resolved.render("vi") == "219/236 tin (92,8%)"
    assert observed(8, 45, Indicator.DENUNCIATION_SLIPS_VALUABLE).render("en") == (
        "8/45 slips (17.8%)"
    )
    assert observed(1300, None, Indicator.PROPAGANDA_ATTENDANCE).render("vi") == (
        "1.300 lượt người"
    )
    # Two decimals, as in "644/707 vụ (91,09%)".
    assert observed(644, 707).render("vi", decimals=2) == "644/707 vụ (91,09%)"
    assert observed(644, 707).render("en", decimals=2) == "644/707 cases (91.09%)"


def test_every_indicator_has_words_and_labels_in_both_languages() -> None:
    from antq.report.indicators import UNIT_WORDS

    assert set(UNIT_WORDS) == set(Indicator)
    for indicator in Indicator:
        vi, en = UNIT_WORDS[indicator]
        assert vi and en and vi != en, indicator
        assert indicator.label("vi") != indicator.label("en"), indicator
    codes = [i.code for i in Indicator]
    assert len(set(codes)) == len(codes)


def test_undetermined_part_is_written_apart() -> None:
    seen = observed(17, 25, Indicator.RESIDENTIAL_AREAS_SAFE, unknown=3)
    assert seen.render("en").startswith("17/25 residential areas (68%), 3 ")


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"numerator": -1, "denominator": 4}, "Observation.numerator"),
        ({"numerator": 5, "denominator": 4}, "Observation.numerator"),
        ({"numerator": 3, "denominator": 4, "unknown": 2}, "Observation.numerator"),
        ({"numerator": 1, "denominator": None, "unknown": 1}, "Observation.unknown"),
        ({"numerator": True, "denominator": 4}, "Observation.numerator"),
    ],
)
def test_observation_checks_its_counts(kwargs: dict[str, object], path: str) -> None:
    with pytest.raises(InputError) as caught:
        Observation(indicator=Indicator.CRIME_CLEARANCE, unit="T", period=YEAR_2024, **kwargs)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_targets_are_dated_and_marked() -> None:
    before = Period.parse("2018-10-01/2019-09-30")
    old = DEFAULT_TARGETS.select(Indicator.CRIME_CLEARANCE, before)
    new = DEFAULT_TARGETS.select(Indicator.CRIME_CLEARANCE, YEAR_2024)
    assert old is not None and new is not None
    assert (old.percent, old.instrument, old.confirmation) == (
        70,
        "37/2012/QH13",
        Confirmation.UNCONFIRMED,
    )
    assert (new.percent, new.instrument, new.confirmation) == (
        75,
        "96/2019/QH14",
        Confirmation.UNCONFIRMED,
    )
    serious = DEFAULT_TARGETS.select(Indicator.SERIOUS_CRIME_CLEARANCE, YEAR_2024)
    handled = DEFAULT_TARGETS.select(Indicator.CRIME_REPORTS_HANDLED, YEAR_2024)
    assert serious is not None and serious.percent == 90
    assert handled is not None and handled.percent == 90
    assert new.note is not None and "inferred" in new.note.render("en")
    # The drug-free target applies to the end of 2030, not before.
    assert DEFAULT_TARGETS.select(Indicator.DRUG_FREE_COMMUNES, YEAR_2024) is None
    end_2030 = DEFAULT_TARGETS.select(Indicator.DRUG_FREE_COMMUNES, Period.year(2030))
    assert end_2030 is not None and end_2030.comparison is Comparison.AT_LEAST
    # Kết luận 132-KL/TW: stated with its sources in entities.md §3.4, so confirmed.
    assert (end_2030.percent, end_2030.instrument, end_2030.confirmation) == (
        50,
        "132-KL/TW",
        Confirmation.CONFIRMED,
    )
    # Every target the spec gives, and only those, each with its mark.
    assert sorted(
        (t.indicator.code, int(t.percent), t.comparison.code, t.confirmation.code)
        for t in DEFAULT_TARGETS.targets
    ) == [
        ("crime_clearance_public_order", 70, "above", "unconfirmed"),
        ("crime_clearance_public_order", 75, "above", "unconfirmed"),
        ("crime_clearance_very_serious", 90, "above", "unconfirmed"),
        ("crime_reports_handled", 90, "above", "unconfirmed"),
        ("drug_free_communes", 50, "at_least", "confirmed"),
    ]
    assert all(t.unit is None for t in DEFAULT_TARGETS.targets)  # national targets


def test_a_local_target_applies_to_its_own_unit_only() -> None:
    # A province's own pledge (entities.md §3.1: Quảng Nam 2019, clearance above 78%).
    pledge = Target(
        indicator=Indicator.CRIME_CLEARANCE,
        percent=78,
        valid_from=date(2019, 1, 1),
        valid_to=date(2019, 12, 31),
        confirmation=Confirmation.CONFIRMED,
        unit="Tỉnh Quảng Nam",
    )
    table = DEFAULT_TARGETS.with_targets(pledge)
    year_2019 = Period.year(2019)

    def seen(unit: str) -> Observation:
        return Observation(
            indicator=Indicator.CRIME_CLEARANCE,
            unit=unit,
            period=year_2019,
            numerator=77,
            denominator=100,
        )

    assert table.check(seen("tinh quang nam")).target is pledge  # any spelling of its unit
    assert table.check(seen("Tỉnh Quảng Nam")).outcome is Outcome.NOT_MET  # 77% is not > 78%
    other = table.check(seen("Tỉnh Quảng Ngãi"))
    assert other.target is not None and other.target.percent == 75
    assert other.outcome is Outcome.MET  # the national target
    assert table.select(Indicator.CRIME_CLEARANCE, year_2019) is not pledge  # no unit given
    with pytest.raises(InputError) as caught:
        Target(indicator=Indicator.CRIME_CLEARANCE, percent=78, unit=" ")
    assert caught.value.path == "Target.unit"


def test_target_comparison_is_exact_and_strict_for_above() -> None:
    assert DEFAULT_TARGETS.check(observed(75, 100)).outcome is Outcome.NOT_MET  # not above 75%
    assert DEFAULT_TARGETS.check(observed(751, 1000)).outcome is Outcome.MET
    assert DEFAULT_TARGETS.check(observed(3, 4)).outcome is Outcome.NOT_MET
    at_least = Target(
        indicator=Indicator.CRIME_CLEARANCE, percent=75, comparison=Comparison.AT_LEAST
    )
    assert at_least.check(observed(3, 4)) is Outcome.MET
    assert (
        Target(indicator=Indicator.CRIME_CLEARANCE, percent=Fraction(151, 2)).describe("vi")
        == "> 75,5%"
    )
    assert at_least.describe("en") == "≥ 75%"


def test_target_with_undetermined_part_is_three_valued() -> None:
    target = Target(
        indicator=Indicator.RESIDENTIAL_AREAS_SAFE, percent=70, comparison=Comparison.AT_LEAST
    )
    assert (
        target.check(observed(17, 25, Indicator.RESIDENTIAL_AREAS_SAFE, unknown=1))
        is Outcome.UNKNOWN
    )
    assert (
        target.check(observed(18, 25, Indicator.RESIDENTIAL_AREAS_SAFE, unknown=3)) is Outcome.MET
    )
    assert (
        target.check(observed(10, 25, Indicator.RESIDENTIAL_AREAS_SAFE, unknown=3))
        is Outcome.NOT_MET
    )
    assert target.check(observed(0, 0, Indicator.RESIDENTIAL_AREAS_SAFE)) is Outcome.UNKNOWN
    assert target.check(observed(5, None, Indicator.RESIDENTIAL_AREAS_SAFE)) is Outcome.UNKNOWN


def test_user_targets_win_over_antq_targets() -> None:
    mine = Target(
        indicator=Indicator.CRIME_CLEARANCE,
        percent=78,
        valid_from=date(2024, 1, 1),
        confirmation=Confirmation.CONFIRMED,
    )
    table = DEFAULT_TARGETS.with_targets(mine)
    assert table.select(Indicator.CRIME_CLEARANCE, YEAR_2024) is mine
    assert table.check(observed(77, 100)).outcome is Outcome.NOT_MET
    assert DEFAULT_TARGETS.check(observed(77, 100)).outcome is Outcome.MET
    earlier = Period.parse("2022-10-01/2023-09-30")
    assert table.select(Indicator.CRIME_CLEARANCE, earlier).percent == 75  # type: ignore[union-attr]
    no_target = TargetTable().check(observed(1, 2))
    assert no_target.target is None and no_target.outcome is Outcome.UNKNOWN


def test_targets_from_data_and_their_errors() -> None:
    (target,) = targets_from_data(
        [
            {
                "indicator": "crime_clearance_public_order",
                "percent": "78.5",
                "valid_from": "2024-01-01",
                "confirmation": "confirmed",
                "note": "Chỉ tiêu của tỉnh",
                "unit": "Tỉnh Quảng Nam",
            }
        ]
    )
    assert target.percent == Fraction(157, 2) and target.note is not None
    assert target.unit == "Tỉnh Quảng Nam"
    assert target.note.render("en") == "Chỉ tiêu của tỉnh"
    for bad, path in [
        ({"indicator": "nope", "percent": 1}, "targets[0].indicator"),
        ({"indicator": "crime_clearance_public_order", "percent": 120}, "targets[0].percent"),
        ({"indicator": "crime_clearance_public_order", "percent": "x"}, "targets[0].percent"),
        (
            {"indicator": "crime_clearance_public_order", "percent": 1, "valid_to": "2024-02-30"},
            "targets[0].valid_to",
        ),
        (
            {"indicator": "crime_clearance_public_order", "percent": 1, "extra": 1},
            "targets[0].extra",
        ),
        (
            {"indicator": "crime_clearance_public_order", "percent": 1, "unit": 7},
            "targets[0].unit",
        ),
        (
            {
                "indicator": "crime_clearance_public_order",
                "percent": 1,
                "valid_from": "2025-01-01",
                "valid_to": "2024-01-01",
            },
            "targets[0].valid_to",
        ),
    ]:
        with pytest.raises(InputError) as caught:
            targets_from_data([bad])
        assert caught.value.path == path, bad
    with pytest.raises(InputError):
        targets_from_data({"not": "a list"})


def test_read_observations_from_csv_reports_bad_rows_by_line(tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    path.write_text(
        "indicator,unit,period,numerator,denominator,source\n"
        "crime_clearance_public_order,Tỉnh Mẫu,2023-10-01/2024-09-30,94,104,Công an tỉnh\n"
        "crime_clearance_public_order,Tỉnh Mẫu,2023-10-01/2024-09-30,105,104,\n"
        "public_tips_valuable,Tỉnh Mẫu,2023-10-01/2024-09-30,4000,,\n"
        "bogus,Tỉnh Mẫu,2023-10-01/2024-09-30,1,2,\n",
        encoding="utf-8-sig",
    )
    items = list(read_observations(path))
    good = [i for i in items if isinstance(i, Observation)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [g.render("vi") for g in good] == ["94/104 vụ (90,4%)", "4.000 tin"]
    assert good[0].source == "Công an tỉnh"
    assert [b.path for b in bad] == ["line 3.numerator", "line 5.indicator"]


def test_read_observations_from_json(tmp_path: Path) -> None:
    path = tmp_path / "figures.json"
    path.write_text(
        json.dumps(
            [
                {
                    "indicator": "crime_reports_handled",
                    "unit": "T",
                    "period": "2024-01-01/2024-12-31",
                    "numerator": 956,
                    "denominator": 1000,
                },
                {
                    "indicator": "crime_reports_handled",
                    "unit": "T",
                    "period": "2024-12-31/2024-01-01",
                    "numerator": 1,
                },
            ]
        ),
        encoding="utf-8",
    )
    first, second = read_observations(path)
    assert isinstance(first, Observation) and first.render("en") == "956/1,000 reports (95.6%)"
    assert isinstance(second, InputError) and second.path == "[1].period"
    missing = tmp_path / "none.csv"
    (error,) = read_observations(missing)
    assert isinstance(error, InputError)


def test_safe_standard_figures_come_from_the_summary() -> None:
    evaluation = evaluate_province(read_any(EXAMPLE))
    summary = evaluation.province_summary(2025, "Tỉnh Mẫu")
    figures = {o.indicator: o for o in safe_standard_observations(summary)}
    areas = figures[Indicator.RESIDENTIAL_AREAS_SAFE]
    # Thôn Đông met, Thôn Tây not met, TDP-3 unknown: 1 of 3, the unknown counted apart.
    assert (areas.numerator, areas.denominator, areas.unknown) == (1, 3, 1)
    assert areas.render("vi").startswith("1/3 khu dân cư (33,3%)")
    # Not-applicable agencies are out of the whole.
    agencies = figures[Indicator.AGENCIES_SAFE]
    assert (agencies.numerator, agencies.denominator) == (1, 1)
    assert areas.period == Period.parse("2024-11-01/2025-10-31")
    assert areas.unit == "Tỉnh Mẫu"


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_target_check_is_exact(numerator: int, denominator: int) -> None:
    numerator = min(numerator, denominator)
    target = Target(indicator=Indicator.CRIME_CLEARANCE, percent=75)
    passes = target.check(observed(numerator, denominator)) is Outcome.MET
    assert passes == (Fraction(numerator, denominator) > Fraction(3, 4))
