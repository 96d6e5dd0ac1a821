"""Numbers, percentages, ratios and dates as Vietnamese official reports write them.

Every function takes ``lang`` (``"vi"``, the default, or ``"en"``). Vietnamese uses a
decimal comma and a thousands dot; English the reverse:

>>> format_number(1064)
'1.064'
>>> format_number(6_500_000)
'6.500.000'
>>> format_number(Decimal("83.48"))
'83,48'
>>> format_number(1064, "en")
'1,064'
>>> format_percent(68, 100)
'68%'
>>> format_percent(681, 1000, "en")
'68.1%'
>>> format_ratio(94, 104, unit=("vụ", "cases"))
'94/104 vụ (90,4%)'
>>> format_ratio(94, 104, "en", unit=("vụ", "cases"))
'94/104 cases (90.4%)'

Exactness: counts are ints, and ratios and percentages are computed from integers,
:class:`~decimal.Decimal` or :class:`~fractions.Fraction`, never floats (a float is a
:class:`TypeError`). Rounding for display is ROUND_HALF_UP as in :mod:`decimal`: a tie
goes away from zero, so 1/8 = 12,5% shown with no decimals is 13%. Babel never
rounds: its default decimal context is half-even. Every percentage antq writes
comes from :func:`format_percent` (rule P of the specification: one decimal, no
",0", never rounded across a threshold it is read against):

>>> format_percent(1, 8, decimals=0)
'13%'

Dates are day-first in both languages. The long style is the date line of
administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): days below 10 and
months 1 and 2 take a leading zero, months 3-12 do not:

>>> from datetime import date, datetime, timedelta, timezone, tzinfo
>>> format_date(date(2019, 9, 3))
'03/09/2019'
>>> format_date(date(2019, 9, 3), "vi", "weekday")
'Thứ Ba, 03/09/2019'
>>> format_date(date(2019, 9, 3), "en", "weekday")
'Tuesday, 03/09/2019'
>>> format_date(date(2023, 7, 5), "vi", "long")
'ngày 05 tháng 7 năm 2023'
>>> format_date(date(2023, 2, 1), "vi", "long")
'ngày 01 tháng 02 năm 2023'
>>> format_date(date(2023, 7, 5), "en", "long")
'5 July 2023'
>>> format_datetime(datetime(2011, 3, 3, 16, 46))
'16:46 03/03/2011'

Parsing is strict and raises :class:`~antq.errors.InputError` naming the text:

>>> parse_number("1.064")
1064
>>> parse_number("83,48")
Decimal('83.48')
>>> parse_percent("68,0%")
Decimal('68.0')
>>> parse_date("Hà Nội, ngày 22 tháng 4 năm 2024")
datetime.date(2024, 4, 22)
>>> parse_date("Thứ Ba, 03/09/2019")
datetime.date(2019, 9, 3)
>>> parse_datetime("16:46 03/03/2011")
datetime.datetime(2011, 3, 3, 16, 46)
>>> parse_date("31/02/2024")
Traceback (most recent call last):
    ...
antq.errors.InputError: '31/02/2024' is not a valid date: day 31 does not exist in 02/2024 (got '31/02/2024')
>>> parse_number("1.5")
Traceback (most recent call last):
    ...
antq.errors.InputError: not a number in Vietnamese style: '.' separates groups of exactly three digits and ',' is the decimal mark (one and a half is '1,5') (got '1.5')

Babel (CLDR) supplies the decimal, group and minus symbols and the English weekday
and month names. It is imported lazily, on first use, so ``import antq`` stays
light. Where CLDR differs from Vietnamese official style the official style is
written out here explicitly (see the comments).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, ClassVar, Literal

import attrs

from antq._serialise import JsonRoundTrip, json_form
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.vocabulary import CodedEnum, Lang

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "MAX_PERCENT_DECIMALS",
    "VIETNAM_TIME",
    "VI_WEEKDAYS",
    "DateStyle",
    "DateStyleCode",
    "Threshold",
    "ThresholdTest",
    "format_date",
    "format_datetime",
    "format_number",
    "format_percent",
    "format_percent_value",
    "format_ratio",
    "format_scaled",
    "format_threshold",
    "parse_date",
    "parse_datetime",
    "parse_number",
    "parse_percent",
]


# --------------------------------------------------------------------------- locale data


def _check_lang(lang: object) -> Lang:
    if lang == "vi":
        return "vi"
    if lang == "en":
        return "en"
    raise InputError("lang", lang, Msg("unknown language; expected 'vi' or 'en'"))


@functools.cache  # = lru_cache(maxsize=None)
def _locale(lang: Lang) -> Locale:
    from babel import Locale  # lazy: Babel's import and CLDR load are not free

    return Locale.parse(lang)


@functools.cache  # = lru_cache(maxsize=None)
def _symbols(lang: Lang) -> tuple[str, str, str]:
    """(decimal mark, group separator, minus sign) from CLDR via Babel."""
    # Lazy: Babel's import and its CLDR data are not free (start-up time).
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    loc = _locale(lang)
    return get_decimal_symbol(loc), get_group_symbol(loc), get_minus_sign_symbol(loc)


#: Vietnamese weekday names, Monday first, in official style. CLDR (Babel) writes
#: "Chủ Nhật"; Vietnamese official and press usage writes "Chủ nhật". Parsing accepts both.
VI_WEEKDAYS: tuple[str, ...] = (
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ nhật",
)


@functools.cache  # = lru_cache(maxsize=None)
def _en_weekdays() -> tuple[str, ...]:
    """English weekday names from CLDR, Monday first."""
    wide = _locale("en").days["format"]["wide"]
    return tuple(str(wide[i]) for i in range(7))


@functools.cache  # = lru_cache(maxsize=None)
def _en_months() -> tuple[str, ...]:
    """English month names from CLDR, January first."""
    wide = _locale("en").months["format"]["wide"]
    return tuple(str(wide[i]) for i in range(1, 13))


def _weekday_name(weekday: int, lang: Lang) -> str:
    return VI_WEEKDAYS[weekday] if lang == "vi" else _en_weekdays()[weekday]


@functools.cache  # = lru_cache(maxsize=None)
def _weekday_lookup(lang: Lang) -> dict[str, int]:
    """Casefolded weekday spellings accepted when parsing -> weekday (Monday = 0)."""
    if lang == "en":
        return {name.casefold(): i for i, name in enumerate(_en_weekdays())}
    table = {name.casefold(): i for i, name in enumerate(VI_WEEKDAYS)}
    # Common variants: "Chủ Nhật" (CLDR; same casefold as "Chủ nhật"), "Thứ Bẩy",
    # numbered "Thứ 2" ... "Thứ 7", and the abbreviations "T2" ... "T7", "CN".
    table["thứ bẩy"] = 5
    for number in range(2, 8):
        table[f"thứ {number}"] = number - 2
        table[f"t{number}"] = number - 2
    table["cn"] = 6
    return table


# --------------------------------------------------------------------------- numbers


def _to_fraction(value: object, name: str) -> Fraction:
    """Exact rational value of an int, Decimal or Fraction; floats are refused."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        raise TypeError(
            f"{name} must be an int, Decimal or Fraction (floats are not exact), "
            f"not {type(value).__name__}"
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise InputError(name, value, Msg("must be a finite number"))
    return Fraction(value)


def _check_decimals(decimals: int) -> None:
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise TypeError(f"decimals must be an int, not {type(decimals).__name__}")
    if decimals < 0:
        raise InputError("decimals", decimals, Msg("must be >= 0"))


def _round_half_up(value: Fraction, decimals: int) -> int:
    """``value * 10**decimals`` rounded to an integer, ties away from zero (ROUND_HALF_UP)."""
    factor: int = 10**decimals  # decimals >= 0, so an int
    scaled = value * factor
    # floor(|x| + 1/2), in integers: floor((2a + b) / 2b) for |x| = a/b.
    magnitude = (2 * abs(scaled.numerator) + scaled.denominator) // (2 * scaled.denominator)
    return -magnitude if scaled < 0 else magnitude


def _terminating_decimals(value: Fraction) -> int | None:
    """Digits after the decimal mark needed to write ``value`` exactly, or None if infinite."""
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    return max(twos, fives) if denominator == 1 else None


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


def _render(scaled: int, decimals: int, lang: Lang) -> str:
    """Write ``scaled / 10**decimals`` with the locale's symbols (grouping by three)."""
    decimal_mark, group_separator, minus = _symbols(lang)
    digits = str(abs(scaled)).rjust(decimals + 1, "0")
    split = len(digits) - decimals
    text = _group(digits[:split], group_separator)
    if decimals:
        text += decimal_mark + digits[split:]
    # A value that rounds to zero is written without a sign ("0,0", not "-0,0").
    return minus + text if scaled < 0 else text


def format_number(
    n: int | Decimal | Fraction, lang: Lang = "vi", *, decimals: int | None = None
) -> str:
    """Write a number with the locale's group and decimal symbols.

    With ``decimals=None`` the value is written exactly: an int with no decimals, a
    Decimal with its own digits (``Decimal("83.480")`` keeps three), a Fraction only if
    it has a finite decimal expansion (``Fraction(1, 3)`` needs ``decimals``). Otherwise
    the value is rounded to ``decimals`` places, ROUND_HALF_UP.

    >>> format_number(Fraction(2, 3), decimals=2)
    '0,67'
    >>> format_number(-1234567, "en")
    '-1,234,567'
    """
    lang = _check_lang(lang)
    if type(n) is int and not decimals:
        return _render(n, 0, lang)  # the common case, exact without fractions
    value = _to_fraction(n, "n")
    if decimals is None:
        if isinstance(n, Decimal):
            exponent = n.as_tuple().exponent
            assert isinstance(exponent, int)  # finite, checked by _to_fraction
            decimals = max(0, -exponent)
        else:
            exact = _terminating_decimals(value)
            if exact is None:
                raise InputError(
                    "n", n, Msg("has no finite decimal expansion; pass decimals= to round it")
                )
            decimals = exact
    else:
        _check_decimals(decimals)
    return _render(_round_half_up(value, decimals), decimals, lang)


def format_scaled(scaled: int, decimals: int, lang: Lang = "vi") -> str:
    """Write ``scaled / 10**decimals`` exactly, e.g. tenths of a percent.

    >>> format_scaled(689, 1), format_scaled(-5, 2, "en")
    ('68,9', '-0.05')
    """
    if isinstance(scaled, bool) or not isinstance(scaled, int):
        raise TypeError(f"scaled must be an int, not {type(scaled).__name__}")
    _check_decimals(decimals)
    return _render(scaled, decimals, _check_lang(lang))


def _ratio(numerator: int, denominator: int) -> Fraction:
    for name, value in (("numerator", numerator), ("denominator", denominator)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if denominator == 0:
        raise InputError("denominator", denominator, Msg("must not be zero"))
    return Fraction(numerator, denominator)


class ThresholdTest(CodedEnum):
    """How a displayed percentage is read against a threshold (addendum §7, rule P4)."""

    AT_LEAST = ("at_least", "từ … trở lên (≥)", "at least (≥)")
    MORE_THAN = ("more_than", "trên (>)", "more than (>)")
    EQUAL = ("equal", "bằng (=)", "equal to (=)")

    @property
    def symbol(self) -> str:
        return _TEST_SYMBOLS[self.code]


_TEST_SYMBOLS = {"at_least": "≥", "more_than": ">", "equal": "="}


def _threshold_percent(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise InputError("Threshold.percent", value, Msg("expected a whole number or a Fraction"))
    if not 0 <= value <= 100:
        raise InputError("Threshold.percent", value, Msg("must be from 0 to 100"))
    return Fraction(value)


@attrs.frozen(kw_only=True, cache_hash=True)  # a key of the percentage cache
class Threshold(JsonRoundTrip):
    """A threshold a percentage is read against in the same output, with its test.

    >>> limit = Threshold.more_than(95)
    >>> limit.percent, limit.test.symbol
    (Fraction(95, 1), '>')
    """

    json_path: ClassVar[str] = "threshold"

    percent: Fraction = attrs.field(converter=_threshold_percent)
    test: ThresholdTest = ThresholdTest.AT_LEAST

    @classmethod
    def at_least(cls, percent: int | Fraction) -> Threshold:
        return cls(percent=Fraction(percent), test=ThresholdTest.AT_LEAST)

    @classmethod
    def more_than(cls, percent: int | Fraction) -> Threshold:
        return cls(percent=Fraction(percent), test=ThresholdTest.MORE_THAN)

    @classmethod
    def equal(cls, percent: int | Fraction) -> Threshold:
        return cls(percent=Fraction(percent), test=ThresholdTest.EQUAL)


_FRACTION_TEXT = re.compile(r"[0-9]{1,6}(?:/[1-9][0-9]{0,5})?")


def _percent_json(p: Fraction) -> str:
    return str(p.numerator) if p.denominator == 1 else f"{p.numerator}/{p.denominator}"


def _percent_from_json(text: object) -> Fraction:
    if not isinstance(text, str) or not _FRACTION_TEXT.fullmatch(text):
        raise InputError("", text, Msg("expected a percentage such as '70' or '151/2'"))
    return Fraction(text)


json_form(
    Threshold,
    written=("test", "percent"),
    codecs={"percent": (_percent_json, _percent_from_json)},
    strict=True,
)

#: The two thresholds every percentage is read against (rule P4): "100%" is written
#: only for a whole, and "0%" only for nothing.
_IMPLICIT = (Threshold.equal(100), Threshold.equal(0))

#: Most decimals rule P4 adds before it writes the bound form ("< 70%").
MAX_PERCENT_DECIMALS = 4


def _side(left: int, right: int, test: ThresholdTest) -> bool:
    if test is ThresholdTest.AT_LEAST:
        return left >= right
    if test is ThresholdTest.MORE_THAN:
        return left > right
    return left == right


def _percent_text(
    numerator: int, denominator: int, lang: Lang, decimals: int, thresholds: tuple[Threshold, ...]
) -> str:
    if numerator < 0:
        # Not a share of anything; no threshold is read against it. Half up, away from 0.
        scaled = _round_half_up(Fraction(100 * numerator, denominator), decimals)
        return _strip_render(scaled, decimals, lang)
    tests = thresholds + _IMPLICIT
    # The exact value 100*num/den against each threshold p/q: 100*num*q against p*den.
    exact = [
        _side(100 * numerator * t.percent.denominator, t.percent.numerator * denominator, t.test)
        for t in tests
    ]
    places = decimals
    while True:
        factor = 10**places
        # Rule P2: half up, in integers: floor((2 * 100 * factor * num + den) / (2 * den)).
        scaled = (200 * factor * numerator + denominator) // (2 * denominator)
        shown = [
            _side(scaled * t.percent.denominator, t.percent.numerator * factor, t.test)
            for t in tests
        ]
        if shown == exact:
            return _strip_render(scaled, places, lang)
        if places >= MAX_PERCENT_DECIMALS:
            break
        places += 1
    # Rule P4: no figure with 4 decimals tells the truth; write the bound instead.
    value = Fraction(100 * numerator, denominator)
    failing = [t for t, a, b in zip(tests, shown, exact, strict=True) if a != b]
    nearest = min(failing, key=lambda t: abs(t.percent - value))
    sign = "<" if value < nearest.percent else ">"
    return f"{sign} {_exact_percent_number(nearest.percent, lang)}%"


def _strip_render(scaled: int, places: int, lang: Lang) -> str:
    while places and scaled % 10 == 0:  # rule P2: "70%", not "70,0%"
        scaled //= 10
        places -= 1
    return _render(scaled, places, lang) + "%"


def _exact_percent_number(value: Fraction, lang: Lang) -> str:
    places = _terminating_decimals(value)
    if places is None or places > MAX_PERCENT_DECIMALS:
        places = MAX_PERCENT_DECIMALS
    return _render(_round_half_up(value, places), places, lang)


def format_percent(
    numerator: int,
    denominator: int,
    lang: Lang = "vi",
    *,
    thresholds: Iterable[Threshold] = (),
    decimals: int = 1,
) -> str:
    """Write ``numerator / denominator`` as a percentage: the one way antq writes a share.

    Rule P of the specification (addendum 2026-12, §7): the exact value is rounded
    half up, in integers, to one decimal, and a whole number is written without
    ",0" ("100%", "70%"). The figure must tell the truth about every threshold it is
    read against (``thresholds``), and about "= 100%" and "= 0%", which always apply:
    if one decimal would cross one, decimals are added (up to 4), and if even 4 do
    not separate them the bound is written ("< 70%"). ``decimals`` raises the number
    of decimals to start from (reports that write "91,09%"). A zero denominator
    raises :class:`~antq.errors.InputError`: an empty set has no percentage.

    >>> format_percent(94, 104), format_percent(94, 104, "en"), format_percent(17, 17)
    ('90,4%', '90.4%', '100%')
    >>> format_percent(1999, 2000), format_percent(1, 3000)
    ('99,95%', '0,03%')
    >>> format_percent(6995, 10000, thresholds=[Threshold.at_least(70)])
    '69,95%'
    >>> format_percent(9504, 10000, "en", thresholds=[Threshold.more_than(95)])
    '95.04%'
    >>> format_percent(6_999_999, 10_000_000, thresholds=[Threshold.at_least(70)])
    '< 70%'
    >>> format_percent(644, 707, decimals=2)
    '91,09%'
    """
    limits = thresholds if type(thresholds) is tuple else tuple(thresholds)
    return _checked_percent(numerator, denominator, lang, decimals, limits)


# Reasons and reports write the same shares again and again: the arguments are checked
# and the text computed once per distinct call (typed, so True is not taken for 1).
@functools.lru_cache(maxsize=8192, typed=True)
def _checked_percent(
    numerator: int, denominator: int, lang: Lang, decimals: int, limits: tuple[Threshold, ...]
) -> str:
    _ratio(numerator, denominator)  # type checks and the zero denominator
    _check_decimals(decimals)
    for limit in limits:
        if not isinstance(limit, Threshold):
            raise TypeError(f"thresholds must be Threshold values, not {type(limit).__name__}")
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    return _percent_text(numerator, denominator, _check_lang(lang), decimals, limits)


def format_percent_value(
    value: int | Decimal | Fraction,
    lang: Lang = "vi",
    *,
    thresholds: Iterable[Threshold] = (),
    decimals: int = 1,
) -> str:
    """Write a ratio (``Fraction(17, 25)``, ``Decimal("0.68")``) as a percentage.

    The value is a ratio, not percentage points: 0.68 is written "68%". It is written
    by :func:`format_percent` (rule P), with no space before "%".

    >>> format_percent_value(Decimal("0.8348"), decimals=2)
    '83,48%'
    >>> format_percent_value(Fraction(17, 25), "en")
    '68%'
    """
    ratio = _to_fraction(value, "value")
    return format_percent(
        ratio.numerator, ratio.denominator, lang, thresholds=thresholds, decimals=decimals
    )


def format_threshold(percent: int | Fraction, lang: Lang = "vi") -> str:
    """Write a threshold given in percentage points ("70%", "75,5%") as a percentage.

    Written by :func:`format_percent` read against itself, so a threshold with up to
    four decimals is written exactly.

    >>> format_threshold(70), format_threshold(Fraction(151, 2), "en")
    ('70%', '75.5%')
    """
    value = _threshold_percent(percent)
    return format_percent(
        value.numerator, 100 * value.denominator, lang, thresholds=(Threshold.equal(value),)
    )


def format_ratio(
    numerator: int,
    denominator: int,
    lang: Lang = "vi",
    *,
    unit: str | tuple[str, str] | None = None,
    thresholds: Iterable[Threshold] = (),
    decimals: int = 1,
) -> str:
    """Write "part/whole unit (percent%)" as reports do, e.g. "94/104 vụ (90,4%)".

    ``unit`` is a ``(vietnamese, english)`` pair, chosen by ``lang``, or one string
    used as is for both languages; without it the unit is left out. The percentage
    is :func:`format_percent`'s, with the same ``thresholds`` and ``decimals``.

    >>> format_ratio(1064, 1200)
    '1.064/1.200 (88,7%)'
    >>> format_ratio(3, 4, "en", unit="households", decimals=0)
    '3/4 households (75%)'
    """
    lang = _check_lang(lang)
    percent = format_percent(numerator, denominator, lang, thresholds=thresholds, decimals=decimals)
    label = unit if isinstance(unit, str) or unit is None else unit[0 if lang == "vi" else 1]
    counts = f"{format_number(numerator, lang)}/{format_number(denominator, lang)}"
    return f"{counts} {label} ({percent})" if label else f"{counts} ({percent})"


@functools.cache  # = lru_cache(maxsize=None)
def _number_pattern(lang: Lang) -> re.Pattern[str]:
    decimal_mark, group_separator, minus = _symbols(lang)
    signs = re.escape("".join(sorted({"-", "\u2212", minus})))
    group = re.escape(group_separator)
    return re.compile(
        rf"(?P<sign>[{signs}]?)"
        rf"(?P<int>[0-9]+|[1-9][0-9]{{0,2}}(?:{group}[0-9]{{3}})+)"
        rf"(?:{re.escape(decimal_mark)}(?P<frac>[0-9]+))?"
    )


def _clean(text: object, path: str, what: str) -> str:
    """NFC-normalised text with whitespace runs (incl. no-break spaces) made one space."""
    if not isinstance(text, str):
        raise InputError(path, text, Msg("expected text for {what}"), params={"what": what})
    # NFC: Vietnamese text often arrives decomposed (NFD) from some keyboards and PDFs.
    return " ".join(unicodedata.normalize("NFC", text).split())


#: Longest number text :func:`parse_number` reads (real report figures are far shorter).
MAX_NUMBER_LENGTH = 64


def parse_number(text: str, lang: Lang = "vi", *, path: str = "") -> int | Decimal:
    """Read a number written in ``lang`` style; an int if it has no decimal part.

    In Vietnamese "." only separates groups of exactly three digits and "," is the
    decimal mark, so "1.064" is 1064, "1,5" is 1.5 and "1.5" is an error (English
    the reverse). Ungrouped digits ("2024", "6500000") are accepted. A number with
    a decimal part is returned as a :class:`~decimal.Decimal` keeping its digits.

    >>> parse_number("6.500.000")
    6500000
    >>> parse_number("1,064", "en")
    1064
    >>> parse_number("-1.064,50")
    Decimal('-1064.50')
    """
    lang = _check_lang(lang)
    cleaned = _clean(text, path, "a number")
    if len(cleaned) > MAX_NUMBER_LENGTH:
        raise InputError(
            path,
            cleaned,
            Msg("a number may be at most {limit} characters long"),
            params={"limit": MAX_NUMBER_LENGTH},
        )
    match = _number_pattern(lang).fullmatch(cleaned)
    if match is None:
        decimal_mark, group_separator, _ = _symbols(lang)
        style = (
            Msg(
                "not a number in Vietnamese style: {separator} separates groups of exactly"
                " three digits and {decimal} is the decimal mark (one and a half is '1{mark}5')"
            )
            if lang == "vi"
            else Msg(
                "not a number in English style: {separator} separates groups of exactly"
                " three digits and {decimal} is the decimal mark (one and a half is '1{mark}5')"
            )
        )
        raise InputError(
            path,
            text,
            style,
            params={
                "separator": repr(group_separator),
                "decimal": repr(decimal_mark),
                "mark": decimal_mark,
            },
        )
    negative = bool(match["sign"])
    digits = match["int"].replace(_symbols(lang)[1], "")
    if match["frac"] is None:
        return -int(digits) if negative else int(digits)
    return Decimal(f"{'-' if negative else ''}{digits}.{match['frac']}")


def parse_percent(text: str, lang: Lang = "vi", *, path: str = "") -> Decimal:
    """Read a percentage such as "68,0%" as its number of percentage points.

    The result is the number written, as a :class:`~decimal.Decimal` (``Decimal("68.0")``
    for "68,0%"), not the ratio 0.68: divide by 100 for that. A space before "%" is
    tolerated; the "%" itself is required.

    >>> parse_percent("83,48%")
    Decimal('83.48')
    >>> parse_percent("90.4%", "en")
    Decimal('90.4')
    """
    lang = _check_lang(lang)
    cleaned = _clean(text, path, "a percentage")
    if not cleaned.endswith("%"):
        raise InputError(path, text, Msg("a percentage must end with '%'"))
    try:
        number = parse_number(cleaned[:-1].rstrip(), lang, path=path)
    except InputError as error:
        raise InputError(
            path, text, Msg("not a percentage: {reason}"), params={"reason": error.message}
        ) from None
    return Decimal(number)


# --------------------------------------------------------------------------- dates


class DateStyle(CodedEnum):
    """How :func:`format_date` writes a date."""

    NUMERIC = ("numeric", "dạng số (03/09/2019)", "numeric, day first (03/09/2019)")
    WEEKDAY = ("weekday", "có thứ (Thứ Ba, 03/09/2019)", "with weekday (Tuesday, 03/09/2019)")
    LONG = (
        "long",
        "dòng ngày tháng văn bản hành chính (ngày 05 tháng 7 năm 2023)",
        "long (5 July 2023)",
    )


#: The codes of :class:`DateStyle`, accepted wherever a style is.
DateStyleCode = Literal["numeric", "weekday", "long"]


@functools.lru_cache(maxsize=4096)  # reports write the same period bounds again and again
def _numeric(d: date) -> str:
    # Explicit dd/mm/yyyy rather than a CLDR pattern: CLDR's vi short date changes
    # between versions (Babel 2.18 gives "3/9/19"), the official order does not.
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_date(
    d: date, lang: Lang = "vi", style: DateStyle | DateStyleCode = DateStyle.NUMERIC
) -> str:
    """Write a date in one of three styles (:class:`DateStyle`).

    * ``"numeric"``: "03/09/2019", day first and zero-padded in both languages.
    * ``"weekday"``: "Thứ Ba, 03/09/2019" / "Tuesday, 03/09/2019".
    * ``"long"``: the official date line "ngày 05 tháng 7 năm 2023" / "5 July 2023".

    Years are written with four digits. A datetime is written by its date.

    >>> format_date(date(2024, 4, 22), "vi", DateStyle.LONG)
    'ngày 22 tháng 4 năm 2024'
    >>> format_date(date(2024, 4, 28), "vi", "weekday")
    'Chủ nhật, 28/04/2024'
    """
    lang = _check_lang(lang)
    if not isinstance(d, date):
        raise TypeError(f"d must be a date, not {type(d).__name__}")
    kind = style if isinstance(style, DateStyle) else DateStyle.from_code(style, path="style")
    if kind is DateStyle.NUMERIC:
        return _numeric(d)
    if kind is DateStyle.WEEKDAY:
        return f"{_weekday_name(d.weekday(), lang)}, {_numeric(d)}"
    if lang == "en":
        return f"{d.day} {_en_months()[d.month - 1]} {d.year:04d}"
    # Nghị định 30/2020/NĐ-CP, Phụ lục I: days below 10 and months 1 and 2 take a
    # leading zero, months 3-12 do not. CLDR's vi long date pads neither.
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year:04d}"


def format_datetime(dt: datetime, lang: Lang = "vi") -> str:
    """Write "HH:MM dd/mm/yyyy" (24 h), the same in both languages.

    Seconds are not written (dropped, not rounded); a time zone is not written (the
    wall-clock time of ``dt`` is).

    >>> format_datetime(datetime(2024, 7, 1, 6, 0, 59), "en")
    '06:00 01/07/2024'
    """
    lang = _check_lang(lang)
    if not isinstance(dt, datetime):
        raise TypeError(f"dt must be a datetime, not {type(dt).__name__}")
    return f"{dt.hour:02d}:{dt.minute:02d} {_numeric(dt)}"


# Date and time patterns; compiled on first use (see _regex) to keep import light.
_NUMERIC_CORE = r"(?P<d>[0-9]{1,2})(?P<sep>[/-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})"
# Vietnamese body text writes "ngày 1/7/2024"; the "ngày" is allowed before a numeric date.
_VI_NUMERIC = rf"(?:(?P<prefix>.+?), )?(?:ngày )?{_NUMERIC_CORE}"
_EN_NUMERIC = rf"(?:(?P<prefix>.+?), )?{_NUMERIC_CORE}"
_VI_LONG = (
    r"(?:(?P<prefix>.+?), )?ngày (?P<d>[0-9]{1,2}) tháng (?P<m>[0-9]{1,2}) năm (?P<y>[0-9]{4})"
)
_EN_LONG = r"(?:(?P<prefix>.+?), )?(?P<d>[0-9]{1,2}) (?P<month>[A-Za-z]+),? (?P<y>[0-9]{4})"
_CLOCK = r"(?P<h>[0-9]{1,2})(?::|h)(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?"
_TIME_FIRST = rf"{_CLOCK}(?:,| -| –)? (?P<date>.+)"
_TIME_LAST = rf"(?P<date>.+?)(?:,| -| –)? {_CLOCK}"
# News pages: "Cập nhật: ...", "Cập nhật lúc 08:13 ..."; "Updated: ..." in English.
_VI_UPDATED = r"cập nhật(?: lúc)?:? "
_EN_UPDATED = r"(?:last )?updated(?: at| on)?:? "
# A trailing UTC offset, bare or in brackets: "GMT+7", "[GMT+7]", "(UTC+07:00)", "GMT".
_OFFSET = (
    r",? (?P<offset>(?P<open>[\[(])?(?:GMT|UTC) ?(?:(?P<sign>[+\-\u2212]) ?(?P<oh>[0-9]{1,2})"
    r"(?::?(?P<om>[0-9]{2}))?)?(?P<close>[\])])?)$"
)
_BRACKETS = frozenset({"", "[]", "()"})


@functools.cache  # = lru_cache(maxsize=None)
def _regex(pattern: str) -> re.Pattern[str]:
    # Case-insensitive so that "Ngày", "NGÀY" and "july" are read too.
    return re.compile(pattern, re.IGNORECASE)


def _is_vi_weekday_like(part: str) -> bool:
    folded = part.casefold()
    return folded.startswith(("thứ", "chủ nhật")) or folded in _weekday_lookup("vi")


def _check_prefix(
    prefix: str | None, value: date, lang: Lang, text: str, path: str, *, place_allowed: bool
) -> None:
    """Check the text before the date: an optional place (long style) and weekday."""
    if not prefix:
        return
    parts = [part.strip() for part in prefix.split(",")]
    weekday_text = parts[-1]
    lookup = _weekday_lookup(lang)
    weekday_like = (
        _is_vi_weekday_like(weekday_text) if lang == "vi" else weekday_text.casefold() in lookup
    )
    if weekday_like:
        weekday = lookup.get(weekday_text.casefold())
        if weekday is None:
            raise InputError(
                path,
                text,
                Msg("{weekday} is not a weekday name"),
                params={"weekday": repr(weekday_text)},
            )
        if weekday != value.weekday():
            actual = _weekday_name(value.weekday(), lang)
            raise InputError(
                path,
                text,
                Msg("{weekday} does not match the date: {numeric} is {actual}"),
                params={
                    "weekday": repr(weekday_text),
                    "numeric": _numeric(value),
                    "actual": actual,
                },
            )
        parts.pop()
    if parts and not place_allowed:
        raise InputError(
            path,
            text,
            Msg("unexpected text {parts} before the date (only the long style takes a place name)"),
            params={"parts": repr(", ".join(parts))},
        )


def _make_date(day: int, month: int, year: int, text: str, path: str) -> date:
    if not 1 <= month <= 12:
        raise InputError(
            path,
            text,
            Msg("{text} is not a valid date: month {month} is not 1-12"),
            params={"text": repr(text), "month": month},
        )
    try:
        return date(year, month, day)
    except ValueError:
        if year < 1:
            reason = f"year {year:04d} is out of range"
        else:
            reason = f"day {day} does not exist in {month:02d}/{year:04d}"
        raise InputError(
            path,
            text,
            Msg("{text} is not a valid date: {reason}"),
            params={"text": repr(text), "reason": reason},
        ) from None


def parse_date(text: str, lang: Lang = "vi", *, path: str = "") -> date:
    """Read a date as reports write it; strict about the calendar and the weekday.

    Accepted (``lang="vi"``): "03/09/2019", "3/9/2019", "14-3-2026", "ngày 1/7/2024",
    "Thứ Ba, 03/09/2019" (also "Chủ Nhật", "Thứ 3", "T3", "CN"), "ngày 05 tháng 7 năm
    2023", "Hà Nội, ngày 22 tháng 4 năm 2024" (the place is ignored) and
    "Thứ Ba, ngày 05 tháng 2 năm 2008". Accepted (``lang="en"``): the same numeric
    forms, "Tuesday, 03/09/2019", "5 July 2023", "Hanoi, 5 July 2023". Numeric dates
    are always day first; years need four digits. Leading zeros are optional.

    A weekday that does not match the date, a day or month that does not exist
    ("31/02/2024") or text in no recognised form raises
    :class:`~antq.errors.InputError` naming the text.

    >>> parse_date("14-3-2026")
    datetime.date(2026, 3, 14)
    >>> parse_date("ngày 01 tháng 02 năm 2023")
    datetime.date(2023, 2, 1)
    >>> parse_date("Tuesday, 03/09/2019", "en")
    datetime.date(2019, 9, 3)
    """
    lang = _check_lang(lang)
    cleaned = _clean(text, path, "a date")
    numeric = _regex(_VI_NUMERIC if lang == "vi" else _EN_NUMERIC).fullmatch(cleaned)
    if numeric is not None:
        day, month, year = int(numeric["d"]), int(numeric["m"]), int(numeric["y"])
        value = _make_date(day, month, year, text, path)
        _check_prefix(numeric["prefix"], value, lang, text, path, place_allowed=False)
        return value
    if lang == "vi":
        long = _regex(_VI_LONG).fullmatch(cleaned)
        if long is not None:
            day, month, year = int(long["d"]), int(long["m"]), int(long["y"])
            value = _make_date(day, month, year, text, path)
            _check_prefix(long["prefix"], value, lang, text, path, place_allowed=True)
            return value
        example = "'03/09/2019', 'Thứ Ba, 03/09/2019' or 'ngày 05 tháng 7 năm 2023'"
    else:
        long = _regex(_EN_LONG).fullmatch(cleaned)
        if long is not None:
            months = [name.casefold() for name in _en_months()]
            month_name = long["month"].casefold()
            if month_name not in months:
                raise InputError(
                    path,
                    text,
                    Msg("{month} is not an English month name"),
                    params={"month": repr(long["month"])},
                )
            day, year = int(long["d"]), int(long["y"])
            value = _make_date(day, months.index(month_name) + 1, year, text, path)
            _check_prefix(long["prefix"], value, lang, text, path, place_allowed=True)
            return value
        example = "'03/09/2019', 'Tuesday, 03/09/2019' or '5 July 2023'"
    raise InputError(
        path,
        text,
        Msg("not a date in a recognised form; expected e.g. {example}"),
        params={"example": example},
    )


#: Vietnam's time zone, UTC+7 all year (no daylight saving): the zone of the times
#: that Vietnamese pages print, for ``parse_datetime(..., tz=VIETNAM_TIME)``.
VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")

#: Most hours an offset may have (UTC-12 to UTC+14 are the zones in use).
_MAX_OFFSET_HOURS = 14


def _offset(match: re.Match[str], text: str, path: str) -> tzinfo:
    if match["sign"] is None:
        return UTC
    hours, minutes = int(match["oh"]), int(match["om"] or 0)
    if hours > _MAX_OFFSET_HOURS or minutes > 59:
        raise InputError(
            path,
            text,
            Msg("{offset} is not a valid UTC offset"),
            params={"offset": repr(match["offset"])},
        )
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if match["sign"] != "+" else delta)


def parse_datetime(
    text: str, lang: Lang = "vi", *, path: str = "", tz: tzinfo | None = None
) -> datetime:
    """Read a date and a 24-hour time as reports and news pages print them.

    Accepted: the time before the date ("16:46 03/03/2011", "06:00 ngày 1/7/2024",
    "08:13, Thứ Ba, 03/09/2019") or after it ("Thứ Ba, 03/09/2019, 08:13",
    "03/09/2019 - 08:13"), with "HH:MM", "HH:MM:SS" or "08h13"; the date part is
    anything :func:`parse_date` accepts, and a weekday must match it. A leading
    "Cập nhật:" or "Cập nhật lúc" ("Updated:" in English) is skipped. A trailing
    offset, "GMT+7", "[GMT+7]", "(GMT+7)", "UTC+07:00" or "GMT", makes the value
    timezone-aware with that offset; without one the value is in ``tz``
    (:data:`VIETNAM_TIME` for Vietnamese pages), or naive when ``tz`` is None.

    >>> parse_datetime("06:00 ngày 1/7/2024")
    datetime.datetime(2024, 7, 1, 6, 0)
    >>> parse_datetime("Thứ Ba, 03/09/2019, 08:13 (GMT+7)")
    datetime.datetime(2019, 9, 3, 8, 13, tzinfo=datetime.timezone(datetime.timedelta(seconds=25200)))
    >>> parse_datetime("Cập nhật: 16:46 03/03/2011 [GMT+7]").isoformat()
    '2011-03-03T16:46:00+07:00'
    >>> parse_datetime("03/03/2011 16:46", tz=VIETNAM_TIME).isoformat()
    '2011-03-03T16:46:00+07:00'
    """
    lang = _check_lang(lang)
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tz must be a tzinfo or None, not {type(tz).__name__}")
    cleaned = _clean(text, path, "a date and time")
    prefix = _regex(_VI_UPDATED if lang == "vi" else _EN_UPDATED).match(cleaned)
    if prefix is not None:
        cleaned = cleaned[prefix.end() :]
    zone = tz
    offset = _regex(_OFFSET).search(cleaned)
    if offset is not None and (offset["open"] or "") + (offset["close"] or "") in _BRACKETS:
        zone = _offset(offset, text, path)
        cleaned = cleaned[: offset.start()]
    match = _regex(_TIME_FIRST).fullmatch(cleaned) or _regex(_TIME_LAST).fullmatch(cleaned)
    if match is None:
        raise InputError(
            path,
            text,
            Msg(
                "not a date and time; expected e.g. '16:46 03/03/2011' or"
                " 'Thứ Ba, 03/09/2019, 08:13 (GMT+7)'"
            ),
        )
    hour, minute, second = int(match["h"]), int(match["mi"]), int(match["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise InputError(
            path, text, Msg("{text} is not a valid 24-hour time"), params={"text": repr(text)}
        )
    try:
        day = parse_date(match["date"], lang, path=path)
    except InputError as error:
        raise InputError(path, text, error.message) from None
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)
