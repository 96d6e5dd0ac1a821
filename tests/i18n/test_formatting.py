"""Tests of antq.i18n.formatting: Vietnamese official-report numbers, percentages and dates."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.errors import InputError
from antq.i18n.formatting import (
    VI_WEEKDAYS,
    VIETNAM_TIME,
    DateStyle,
    Threshold,
    ThresholdTest,
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_percent_value,
    format_ratio,
    format_threshold,
    parse_date,
    parse_datetime,
    parse_number,
    parse_percent,
)
from antq.vocabulary import LANGS, Lang

# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1064, "vi", "1.064"),
        (6_500_000, "vi", "6.500.000"),
        (Decimal("83.48"), "vi", "83,48"),
        (1064, "en", "1,064"),
        (6_500_000, "en", "6,500,000"),
        (Decimal("83.48"), "en", "83.48"),
        (0, "vi", "0"),
        (999, "vi", "999"),
        (1000, "vi", "1.000"),
        (-1_234_567, "vi", "-1.234.567"),
        (Decimal("83.480"), "vi", "83,480"),
        (Decimal("1E+3"), "vi", "1.000"),
        (Decimal("-0.5"), "vi", "-0,5"),
        (Fraction(1, 4), "vi", "0,25"),
        (Fraction(5, 2), "en", "2.5"),
    ],
)
def test_format_number_examples(value: int | Decimal | Fraction, lang: Lang, expected: str) -> None:
    assert format_number(value, lang) == expected


def test_format_number_defaults_to_vietnamese() -> None:
    assert format_number(1064) == "1.064"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1064, 2, "1.064,00"),
        (Decimal("2.675"), 2, "2,68"),  # half-up, not banker's rounding (2,67 / float 2,67)
        (Decimal("2.665"), 2, "2,67"),
        (Decimal("-2.675"), 2, "-2,68"),  # ties go away from zero
        (Fraction(2, 3), 2, "0,67"),
        (Fraction(1, 3), 0, "0"),
        (Decimal("-0.04"), 1, "0,0"),  # no "-0,0"
        (Decimal("999.95"), 1, "1.000,0"),  # rounding carries into a new group
        (Decimal("83.48"), 0, "83"),
    ],
)
def test_format_number_rounds_half_up(
    value: int | Decimal | Fraction, decimals: int, expected: str
) -> None:
    assert format_number(value, "vi", decimals=decimals) == expected


def test_format_number_refuses_floats_and_bools() -> None:
    with pytest.raises(TypeError, match="float"):
        format_number(0.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_number(True)


def test_format_number_non_terminating_fraction_needs_decimals() -> None:
    with pytest.raises(InputError, match="decimals"):
        format_number(Fraction(1, 3))


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity")])
def test_format_number_non_finite(bad: Decimal) -> None:
    with pytest.raises(InputError):
        format_number(bad)


def test_negative_decimals_rejected() -> None:
    with pytest.raises(InputError):
        format_number(1, decimals=-1)


def test_unknown_lang_rejected() -> None:
    with pytest.raises(InputError, match="lang"):
        format_number(1, "fr")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- percentages and ratios


@pytest.mark.parametrize(
    ("num", "den", "lang", "decimals", "expected"),
    [
        (68, 100, "vi", 1, "68%"),
        (68, 100, "en", 1, "68%"),
        (681, 1000, "en", 1, "68.1%"),
        (1, 8, "vi", 0, "13%"),  # 12,5% -> 13% (ROUND_HALF_UP)
        (1, 8, "vi", 1, "12,5%"),
        (3, 8, "en", 0, "38%"),  # 37.5% -> 38%
        (-1, 8, "vi", 0, "-13%"),
        (644, 707, "vi", 2, "91,09%"),
        (2, 3, "vi", 1, "66,7%"),
        (0, 5, "vi", 1, "0%"),
        (1500, 1, "vi", 0, "150.000%"),
    ],
)
def test_format_percent(num: int, den: int, lang: Lang, decimals: int, expected: str) -> None:
    assert format_percent(num, den, lang, decimals=decimals) == expected


def test_format_percent_default_is_vi_one_decimal() -> None:
    assert format_percent(681, 1000) == "68,1%"
    assert format_percent(68, 100) == "68%"  # rule P2: no ",0"


# Addendum 2026-12 §7: every example of rule P, in both languages.
@pytest.mark.parametrize(
    ("num", "den", "thresholds", "vi", "en"),
    [
        (94, 104, [Threshold.at_least(90)], "90,4%", "90.4%"),
        (17, 17, [], "100%", "100%"),
        (4, 6, [Threshold.at_least(70)], "66,7%", "66.7%"),
        (18, 25, [Threshold.at_least(70)], "72%", "72%"),
        (1999, 2000, [], "99,95%", "99.95%"),
        (6995, 10000, [Threshold.at_least(70)], "69,95%", "69.95%"),
        (9504, 10000, [Threshold.more_than(95)], "95,04%", "95.04%"),
        (1, 3000, [], "0,03%", "0.03%"),
        (25, 26, [], "96,2%", "96.2%"),  # half up: 96,153... (never 96,1%)
        (6996, 10000, [Threshold.at_least(70)], "69,96%", "69.96%"),
        (7, 10, [Threshold.at_least(70)], "70%", "70%"),
        (6_999_999, 10_000_000, [Threshold.at_least(70)], "< 70%", "< 70%"),
        (9_500_001, 10_000_000, [Threshold.more_than(95)], "> 95%", "> 95%"),
        (99_999_999, 100_000_000, [], "< 100%", "< 100%"),
        (701, 1000, [Threshold.equal(70)], "70,1%", "70.1%"),
    ],
)
def test_rule_p_examples(num: int, den: int, thresholds: list[Threshold], vi: str, en: str) -> None:
    assert format_percent(num, den, "vi", thresholds=thresholds) == vi
    assert format_percent(num, den, "en", thresholds=thresholds) == en


_LIMITS = st.builds(
    Threshold,
    percent=st.integers(min_value=0, max_value=100) | st.fractions(min_value=0, max_value=100),
    test=st.sampled_from(list(ThresholdTest)),
)


def _holds(value: Fraction, limit: Threshold) -> bool:
    if limit.test is ThresholdTest.AT_LEAST:
        return value >= limit.percent
    if limit.test is ThresholdTest.MORE_THAN:
        return value > limit.percent
    return value == limit.percent


@given(
    num=st.integers(min_value=0, max_value=10**7),
    extra=st.integers(min_value=0, max_value=10**7),
    limits=st.lists(_LIMITS, max_size=3),
    lang=st.sampled_from(LANGS),
)
def test_percent_never_crosses_a_threshold(
    num: int, extra: int, limits: list[Threshold], lang: Lang
) -> None:
    den = num + extra or 1
    text = format_percent(num, den, lang, thresholds=limits)
    exact = Fraction(100 * num, den)
    if text[0] in "<>":
        bound = Fraction(parse_percent(text[2:], lang))
        assert (exact < bound) if text[0] == "<" else (exact > bound)
        return
    shown = Fraction(parse_percent(text, lang))
    for limit in [*limits, Threshold.equal(100), Threshold.equal(0)]:
        assert _holds(shown, limit) == _holds(exact, limit), (text, limit)
    # Half up to one decimal unless a threshold asked for more; never ",0".
    tenths = (2000 * num + den) // (2 * den)
    mark = "," if lang == "vi" else "."
    digits = text.rstrip("%").partition(mark)[2]
    if len(digits) <= 1:
        assert shown == Fraction(tenths, 10)
    assert not digits.endswith("0")


def test_thresholds_are_checked() -> None:
    with pytest.raises(TypeError):
        format_percent(1, 2, thresholds=[70])  # type: ignore[list-item]
    with pytest.raises(InputError, match=r"Threshold\.percent"):
        Threshold.at_least(101)
    limit = Threshold.more_than(Fraction(151, 2))
    assert Threshold.from_json(limit.to_json()) == limit
    with pytest.raises(InputError, match=r"t\.percent"):
        Threshold.from_json({"test": "at_least", "percent": "7.5"}, path="t")
    with pytest.raises(InputError):
        Threshold.from_json([], path="t")


def test_percent_edge_cases() -> None:
    assert format_percent(1, -4) == format_percent(-1, 4) == "-25%"
    with pytest.raises(InputError, match="expected a whole number or a Fraction"):
        Threshold(percent="70")  # type: ignore[arg-type]
    # A threshold with more than four decimals is written with four in the bound form.
    third = Threshold.at_least(Fraction(200, 3))  # 66,666...%
    assert format_percent(2, 3, thresholds=[third]) == "66,7%"
    assert format_percent(666_666_666, 10**9, thresholds=[third]) == "< 66,6667%"


def test_format_threshold() -> None:
    assert format_threshold(70) == "70%"
    assert format_threshold(Fraction(151, 2), "en") == "75.5%"
    assert format_threshold(Fraction(3001, 40)) == "75,025%"


def test_format_percent_zero_denominator() -> None:
    with pytest.raises(InputError) as info:
        format_percent(1, 0)
    assert info.value.path == "denominator"
    assert info.value.value == 0


def test_format_percent_refuses_non_ints() -> None:
    with pytest.raises(TypeError):
        format_percent(0.5, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (Decimal("0.68"), "vi", 1, "68%"),
        (Fraction(171, 250), "en", 1, "68.4%"),
        (Decimal("0.8348"), "vi", 2, "83,48%"),
        (Fraction(1, 8), "vi", 0, "13%"),
        (Decimal("0.125"), "en", 0, "13%"),
        (1, "vi", 0, "100%"),
    ],
)
def test_format_percent_value(
    value: Decimal | Fraction, lang: Lang, decimals: int, expected: str
) -> None:
    assert format_percent_value(value, lang, decimals=decimals) == expected


def test_format_percent_value_refuses_float() -> None:
    with pytest.raises(TypeError):
        format_percent_value(0.68)  # type: ignore[arg-type]


def test_format_ratio_examples() -> None:
    assert format_ratio(94, 104, "vi", unit=("vụ", "cases")) == "94/104 vụ (90,4%)"
    assert format_ratio(94, 104, "en", unit=("vụ", "cases")) == "94/104 cases (90.4%)"
    assert format_ratio(94, 104, unit="vụ") == "94/104 vụ (90,4%)"
    assert format_ratio(94, 104) == "94/104 (90,4%)"
    assert format_ratio(644, 707, unit=("vụ", "cases"), decimals=2) == "644/707 vụ (91,09%)"
    assert format_ratio(1064, 1200, "en") == "1,064/1,200 (88.7%)"


def test_format_ratio_zero_denominator() -> None:
    with pytest.raises(InputError):
        format_ratio(0, 0, unit=("vụ", "cases"))


# --------------------------------------------------------------------------- parsing numbers


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1.064", "vi", 1064),
        ("83,48", "vi", Decimal("83.48")),
        ("6.500.000", "vi", 6_500_000),
        ("1,5", "vi", Decimal("1.5")),
        ("6500000", "vi", 6_500_000),
        ("-1.064,50", "vi", Decimal("-1064.50")),
        ("\u22121.064", "vi", -1064),
        (" 2.639 ", "vi", 2639),
        ("1,064", "en", 1064),
        ("83.48", "en", Decimal("83.48")),
        ("1.5", "en", Decimal("1.5")),
        ("0", "vi", 0),
    ],
)
def test_parse_number(text: str, lang: Lang, expected: int | Decimal) -> None:
    result = parse_number(text, lang)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("1.5", "vi"),  # "." groups thousands in vi: groups must be three digits
        ("1.50", "vi"),
        ("1.0640", "vi"),
        ("0.500", "vi"),  # a grouped number does not start with 0
        ("1,5", "en"),
        (",5", "vi"),
        ("1,", "vi"),
        ("", "vi"),
        ("abc", "vi"),
        ("1 064", "vi"),
        ("1.064.5", "vi"),
        ("١٢", "vi"),  # non-ASCII digits
        ("12%", "vi"),
    ],
)
def test_parse_number_rejects(text: str, lang: Lang) -> None:
    with pytest.raises(InputError) as info:
        parse_number(text, lang, path="report.total")
    assert info.value.path == "report.total"
    assert info.value.value == text
    assert repr(text) in str(info.value)


def test_parse_number_rejects_non_text() -> None:
    with pytest.raises(InputError):
        parse_number(1064)  # type: ignore[arg-type]


@given(n=st.integers(min_value=-(10**30), max_value=10**30), lang=st.sampled_from(LANGS))
def test_number_round_trip_int(n: int, lang: Lang) -> None:
    result = parse_number(format_number(n, lang), lang)
    assert result == n
    assert type(result) is int


@given(
    d=st.decimals(
        allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9
    ),
    lang=st.sampled_from(LANGS),
)
def test_number_round_trip_decimal(d: Decimal, lang: Lang) -> None:
    assert parse_number(format_number(d, lang), lang) == d


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("68,0%", "vi", Decimal("68.0")),
        ("83,48%", "vi", Decimal("83.48")),
        ("13%", "vi", Decimal(13)),
        ("68,0 %", "vi", Decimal("68.0")),
        ("1.064%", "vi", Decimal(1064)),
        ("90.4%", "en", Decimal("90.4")),
    ],
)
def test_parse_percent(text: str, lang: Lang, expected: Decimal) -> None:
    result = parse_percent(text, lang)
    assert result == expected
    assert isinstance(result, Decimal)


@pytest.mark.parametrize("text", ["68,0", "68.0%", "%", "abc%"])
def test_parse_percent_rejects(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_percent(text, path="p")
    assert info.value.value == text


@given(
    num=st.integers(min_value=0, max_value=10**6),
    den=st.integers(min_value=1, max_value=10**6),
    lang=st.sampled_from(LANGS),
)
def test_percent_round_trip(num: int, den: int, lang: Lang) -> None:
    shown = parse_percent(format_percent(num, den, lang, decimals=2), lang)
    assert abs(Fraction(shown) - Fraction(100 * num, den)) <= Fraction(1, 200)


# --------------------------------------------------------------------------- formatting dates


@pytest.mark.parametrize(
    ("d", "lang", "style", "expected"),
    [
        (date(2019, 9, 3), "vi", "numeric", "03/09/2019"),
        (date(2019, 9, 3), "en", "numeric", "03/09/2019"),
        (date(2019, 9, 3), "vi", "weekday", "Thứ Ba, 03/09/2019"),
        (date(2019, 9, 3), "en", "weekday", "Tuesday, 03/09/2019"),
        (date(2023, 7, 5), "vi", "long", "ngày 05 tháng 7 năm 2023"),
        (date(2023, 2, 1), "vi", "long", "ngày 01 tháng 02 năm 2023"),
        (date(2023, 1, 15), "vi", "long", "ngày 15 tháng 01 năm 2023"),
        (date(2023, 3, 9), "vi", "long", "ngày 09 tháng 3 năm 2023"),
        (date(2024, 4, 22), "vi", "long", "ngày 22 tháng 4 năm 2024"),
        (date(2024, 12, 31), "vi", "long", "ngày 31 tháng 12 năm 2024"),
        (date(2023, 7, 5), "en", "long", "5 July 2023"),
        (date(2024, 4, 28), "vi", "weekday", "Chủ nhật, 28/04/2024"),
        (date(2024, 4, 28), "en", "weekday", "Sunday, 28/04/2024"),
        (date(2024, 7, 1), "vi", DateStyle.NUMERIC, "01/07/2024"),
    ],
)
def test_format_date(d: date, lang: Lang, style: DateStyle | str, expected: str) -> None:
    assert format_date(d, lang, style) == expected  # type: ignore[arg-type]


def test_format_date_default_style_is_numeric_vi() -> None:
    assert format_date(date(2019, 9, 3)) == "03/09/2019"


def test_vi_weekday_names_in_official_style() -> None:
    # 2024-04-22 is a Monday.
    names = [format_date(date(2024, 4, 22 + i), "vi", "weekday").split(",")[0] for i in range(7)]
    assert names == [
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
        "Chủ nhật",
    ]
    assert list(VI_WEEKDAYS) == names


def test_format_date_unknown_style() -> None:
    with pytest.raises(InputError, match="DateStyle"):
        format_date(date(2019, 9, 3), "vi", "short")  # type: ignore[arg-type]


def test_format_datetime() -> None:
    assert format_datetime(datetime(2011, 3, 3, 16, 46)) == "16:46 03/03/2011"
    assert format_datetime(datetime(2011, 3, 3, 16, 46), "en") == "16:46 03/03/2011"
    assert format_datetime(datetime(2024, 7, 1, 6, 0, 59)) == "06:00 01/07/2024"


# --------------------------------------------------------------------------- parsing dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/09/2019", date(2019, 9, 3)),
        ("3/9/2019", date(2019, 9, 3)),
        ("1/7/2024", date(2024, 7, 1)),
        ("14-3-2026", date(2026, 3, 14)),
        ("Thứ Ba, 03/09/2019", date(2019, 9, 3)),
        ("ngày 05 tháng 7 năm 2023", date(2023, 7, 5)),
        ("Hà Nội, ngày 22 tháng 4 năm 2024", date(2024, 4, 22)),
        ("05/7/2023", date(2023, 7, 5)),
        ("Hà Nội, ngày 01 tháng 02 năm 2023", date(2023, 2, 1)),
        ("Tiền Giang, ngày 05 tháng 7 năm 2023", date(2023, 7, 5)),
        ("Ngày 5 tháng 07 năm 2023", date(2023, 7, 5)),
        ("ngày 1/7/2024", date(2024, 7, 1)),
        ("Chủ Nhật, 28/04/2024", date(2024, 4, 28)),
        ("Chủ nhật, 28/04/2024", date(2024, 4, 28)),
        ("chủ nhật, 28/04/2024", date(2024, 4, 28)),
        ("Thứ 3, 03/09/2019", date(2019, 9, 3)),
        ("CN, 28/04/2024", date(2024, 4, 28)),
        ("Thứ Bẩy, 27/04/2024", date(2024, 4, 27)),
        ("Thứ Ba, ngày 05 tháng 2 năm 2008", date(2008, 2, 5)),
        ("Hà Nội, Thứ Ba, ngày 05 tháng 2 năm 2008", date(2008, 2, 5)),
        ("  Hà Nội,\u00a0ngày  22 tháng 4 năm 2024 ", date(2024, 4, 22)),
        ("29/02/2024", date(2024, 2, 29)),
    ],
)
def test_parse_date_vi(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_parse_date_accepts_decomposed_unicode() -> None:
    import unicodedata

    assert parse_date(unicodedata.normalize("NFD", "Thứ Ba, 03/09/2019")) == date(2019, 9, 3)
    nfd = unicodedata.normalize("NFD", "Hà Nội, ngày 22 tháng 4 năm 2024")
    assert parse_date(nfd) == date(2024, 4, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/09/2019", date(2019, 9, 3)),
        ("Tuesday, 03/09/2019", date(2019, 9, 3)),
        ("5 July 2023", date(2023, 7, 5)),
        ("05 july 2023", date(2023, 7, 5)),
        ("Hanoi, 22 April 2024", date(2024, 4, 22)),
        ("Wednesday, 5 July 2023", date(2023, 7, 5)),
    ],
)
def test_parse_date_en(text: str, expected: date) -> None:
    assert parse_date(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2024",
        "29/02/2023",
        "00/01/2024",
        "32/01/2024",
        "15/13/2024",
        "15/00/2024",
        "ngày 31 tháng 4 năm 2024",
        "Thứ Hai, 03/09/2019",  # 03/09/2019 is a Tuesday
        "Chủ nhật, 03/09/2019",
        "Thứ Tám, 03/09/2019",
        "03/09/19",  # two-digit year
        "03/09-2019",  # mixed separators
        "2019-09-03",  # ISO is not a report format
        "Hà Nội, 03/09/2019",  # a place name belongs to the long date line only
        "ngày 05 tháng 7 2023",
        "",
        "hôm qua",
    ],
)
def test_parse_date_rejects_with_value_in_message(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_date(text, path="report.date")
    assert info.value.path == "report.date"
    assert info.value.value == text
    assert repr(text) in str(info.value)


def test_parse_date_invalid_day_names_the_problem() -> None:
    with pytest.raises(InputError, match=r"'31/02/2024' is not a valid date: day 31"):
        parse_date("31/02/2024")


def test_parse_date_weekday_mismatch_names_the_real_weekday() -> None:
    with pytest.raises(InputError, match="Thứ Ba"):
        parse_date("Thứ Hai, 03/09/2019")
    with pytest.raises(InputError, match="Tuesday"):
        parse_date("Monday, 03/09/2019", "en")


@pytest.mark.parametrize("text", ["5 Julember 2023", "Hà Nội, ngày 05 tháng 7 năm 2023"])
def test_parse_date_en_rejects(text: str) -> None:
    with pytest.raises(InputError):
        parse_date(text, "en")


@pytest.mark.parametrize("text", ["5 July 2023", "Tuesday, 03/09/2019"])
def test_parse_date_vi_rejects_english(text: str) -> None:
    with pytest.raises(InputError):
        parse_date(text, "vi")


@given(d=st.dates(), style=st.sampled_from(list(DateStyle)), lang=st.sampled_from(LANGS))
def test_date_round_trip(d: date, style: DateStyle, lang: Lang) -> None:
    assert parse_date(format_date(d, lang, style), lang) == d


@given(d=st.dates(), style=st.sampled_from(list(DateStyle)))
def test_date_round_trip_vi_by_code(d: date, style: DateStyle) -> None:
    assert parse_date(format_date(d, "vi", style)) == d


def test_parse_datetime() -> None:
    assert parse_datetime("16:46 03/03/2011") == datetime(2011, 3, 3, 16, 46)
    assert parse_datetime("06:00 ngày 1/7/2024") == datetime(2024, 7, 1, 6, 0)
    assert parse_datetime("6:00:30 01/07/2024", "en") == datetime(2024, 7, 1, 6, 0, 30)


ICT = timezone(timedelta(hours=7))


# The forms of the movement's news reports (addendum 2026-12; issue 12 item 8).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thứ Ba, 03/09/2019, 08:13", datetime(2019, 9, 3, 8, 13)),
        ("Thứ Ba, 03/09/2019, 08:13 (GMT+7)", datetime(2019, 9, 3, 8, 13, tzinfo=ICT)),
        ("Thứ Ba, 03/09/2019 - 08:13 [GMT+7]", datetime(2019, 9, 3, 8, 13, tzinfo=ICT)),
        ("16:46 03/03/2011", datetime(2011, 3, 3, 16, 46)),
        ("03/03/2011 16:46", datetime(2011, 3, 3, 16, 46)),
        ("03/03/2011, 16h46", datetime(2011, 3, 3, 16, 46)),
        ("Cập nhật: 16:46 03/03/2011 [GMT+7]", datetime(2011, 3, 3, 16, 46, tzinfo=ICT)),
        ("Cập nhật lúc 08:13, Thứ Ba, 03/09/2019", datetime(2019, 9, 3, 8, 13)),
        ("cập nhật: 03/09/2019 08:13 GMT+07:00", datetime(2019, 9, 3, 8, 13, tzinfo=ICT)),
        ("03/09/2019 08:13 UTC", datetime(2019, 9, 3, 8, 13, tzinfo=UTC)),
        (
            "03/09/2019 08:13 (GMT-5:30)",
            datetime(2019, 9, 3, 8, 13, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
        ),
    ],
)
def test_parse_news_datetimes(text: str, expected: datetime) -> None:
    parsed = parse_datetime(text)
    assert parsed == expected
    assert parsed.tzinfo == expected.tzinfo  # aware exactly when an offset is written


def test_parse_datetime_default_zone() -> None:
    parsed = parse_datetime("Thứ Ba, 03/09/2019, 08:13", tz=VIETNAM_TIME)
    assert parsed.isoformat() == "2019-09-03T08:13:00+07:00"
    # A written offset wins over the default zone.
    written = parse_datetime("03/09/2019 08:13 GMT", tz=VIETNAM_TIME)
    assert written.utcoffset() == timedelta(0)
    assert parse_datetime("Updated: Tuesday, 03/09/2019, 08:13 (GMT+7)", "en") == datetime(
        2019, 9, 3, 8, 13, tzinfo=ICT
    )
    with pytest.raises(TypeError):
        parse_datetime("16:46 03/03/2011", tz="+07:00")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "24:00 03/03/2011",
        "16:60 03/03/2011",
        "16:46 31/02/2011",
        "16:46",
        "03/03/2011",
        "Thứ Tư, 03/09/2019, 08:13",  # 03/09/2019 was a Tuesday
        "03/09/2019 08:13 GMT+15",
        "03/09/2019 08:13 GMT+7:60",
        "03/09/2019 08:13 [GMT+7)",
        "Cập nhật 03/09/2019",
    ],
)
def test_parse_datetime_rejects(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_datetime(text, path="t")
    assert info.value.value == text
    assert repr(text) in str(info.value)


@given(
    dt=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)),
    weekday=st.booleans(),
    time_first=st.booleans(),
    separator=st.sampled_from([" ", ", ", " - "]),
    updated=st.sampled_from(["", "Cập nhật: ", "Cập nhật lúc ", "CẬP NHẬT: "]),
    offset=st.none() | st.tuples(st.integers(-12, 14), st.sampled_from([0, 30, 45])),
    brackets=st.sampled_from(["{}", "[{}]", "({})"]),
)
def test_news_datetime_round_trip(
    dt: datetime,
    weekday: bool,
    time_first: bool,
    separator: str,
    updated: str,
    offset: tuple[int, int] | None,
    brackets: str,
) -> None:
    day = format_date(dt.date(), "vi", "weekday" if weekday else "numeric")
    clock = f"{dt.hour:02d}:{dt.minute:02d}"
    text = updated + (f"{clock}{separator}{day}" if time_first else f"{day}{separator}{clock}")
    zone = None
    if offset is not None:
        hours, minutes = offset
        sign = "-" if hours < 0 else "+"
        text += " " + brackets.format(f"GMT{sign}{abs(hours)}:{minutes:02d}")
        delta = timedelta(hours=abs(hours), minutes=minutes)
        zone = timezone(-delta if hours < 0 else delta)
    parsed = parse_datetime(text)
    assert parsed == dt.replace(second=0, microsecond=0, tzinfo=zone)
    assert parsed.utcoffset() == (None if zone is None else zone.utcoffset(None))


@given(
    dt=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)),
    lang=st.sampled_from(LANGS),
)
def test_datetime_round_trip_to_the_minute(dt: datetime, lang: Lang) -> None:
    assert parse_datetime(format_datetime(dt, lang), lang) == dt.replace(second=0, microsecond=0)


# --------------------------------------------------------------------------- import cost


def test_babel_is_not_imported_at_module_import() -> None:
    code = (
        "import sys, antq.i18n.formatting as f\n"
        "assert not any(m == 'babel' or m.startswith('babel.') for m in sys.modules), 'early'\n"
        "f.format_number(1)\n"
        "assert 'babel' in sys.modules, 'not used'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
