"""Points: exact numbers read from sheets, and written as text and JSON."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

from antq.emulation.sheets._errors import _Bad
from antq.emulation.sheets._limits import _DECIMAL, MAX_DECIMALS, MAX_NUMBER
from antq.errors import InputError, Message
from antq.i18n import formatting
from antq.i18n.catalog import Msg, Text
from antq.vocabulary import Lang


def shown(raw: object) -> object:
    """``raw``, or a short description when it is too large to print (a huge int cannot be)."""
    if isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) > 10**30:
        return f"<a whole number of {raw.bit_length()} bits>"
    if isinstance(raw, str) and len(raw) > 200:
        return raw[:200] + "…"
    return raw


def _exact(raw: object, what: Msg) -> Fraction:
    """An exact number from 0 to ``MAX_NUMBER``: an int, a Decimal, a Fraction or a decimal string.

    ``what`` names the number in the messages (``Msg("points")``).
    """
    named: dict[str, str | int] = {"what": Message(what)}
    if isinstance(raw, bool):
        raise _Bad(Msg("expected {what}, not true/false"), raw, params=named)
    if isinstance(raw, float):
        raise _Bad(
            Msg(
                'expected {what} as a whole number or a decimal string such as "0.5";'
                " floats are not exact"
            ),
            raw,
            params=named,
        )
    finite = not isinstance(raw, Decimal) or raw.is_finite()
    if isinstance(raw, int | Decimal | Fraction) and finite and raw > MAX_NUMBER:
        raise _Bad(
            Msg("{what} must be at most {limit}"), shown(raw), params={**named, "limit": MAX_NUMBER}
        )
    value: Fraction
    if isinstance(raw, int):
        value = Fraction(raw)
    elif isinstance(raw, Decimal):
        if not raw.is_finite():
            raise _Bad(Msg("expected {what}, not {raw}"), raw, params={**named, "raw": str(raw)})
        value = Fraction(raw)
    elif isinstance(raw, Fraction):
        value = raw
    elif isinstance(raw, str) and len(raw) <= 40 and _DECIMAL.match(raw.strip()):
        value = Fraction(raw.strip())
        if value > MAX_NUMBER:
            raise _Bad(
                Msg("{what} must be at most {limit}"), raw, params={**named, "limit": MAX_NUMBER}
            )
    else:
        raise _Bad(
            Msg('expected {what} as a whole number or a decimal string such as "2.5"'),
            shown(raw),
            params=named,
        )
    if value < 0:
        raise _Bad(Msg("{what} must be >= 0"), raw, params=named)
    if (value * 10**MAX_DECIMALS).denominator != 1:
        raise _Bad(
            Msg("{what} may have at most {decimals} decimals"),
            raw,
            params={**named, "decimals": MAX_DECIMALS},
        )
    return value


#: What :func:`_exact` reads, named in its messages.
_POINTS: Final = Msg("points")
_PERCENTAGE: Final = Msg("a percentage")
_STEP: Final = Msg("a step")


def parse_exact(raw: object, path: str, what: Msg) -> Fraction:
    """Read an exact number from 0 up, named ``what`` in the messages (``Msg("merit")``).

    The same rules as :func:`parse_points`: an int, a Decimal, a Fraction or a
    decimal string; floats, negative values and more than ``MAX_DECIMALS``
    decimals are refused.
    """
    try:
        return _exact(raw, what)
    except _Bad as bad:
        raise InputError(path, shown(raw), bad.message) from None


def parse_points(raw: object, path: str = "points") -> Fraction:
    """Read a number of points: an int, a Decimal, a Fraction or a decimal string.

    Floats are refused (they are not exact), as are negative values and more
    than ``MAX_DECIMALS`` decimals.

    >>> parse_points("2.5"), parse_points(3)
    (Fraction(5, 2), Fraction(3, 1))
    >>> parse_points(2.5)
    Traceback (most recent call last):
      ...
    antq.errors.InputError: points: expected points as a whole number or a decimal string such as "0.5"; floats are not exact (got 2.5)
    """
    return parse_exact(raw, path, _POINTS)


def format_points(points: Fraction, lang: Lang = "vi") -> str:
    """Points as text, exactly (``"2,5"`` in Vietnamese, ``"2.5"`` in English)."""
    return formatting.format_number(points, lang)


def points_text(points: Fraction) -> Text:
    """Points in both languages, for a reason parameter (it round-trips through JSON)."""
    return Text(vi=format_points(points, "vi"), en=format_points(points, "en"))


def points_to_json(points: Fraction) -> str:
    """Points as an exact decimal string (``"2.5"``, ``"100"``)."""
    return formatting.format_number(points, "en").replace(",", "")


def points_from_json(raw: object, path: str) -> Fraction:
    """Read points written by :func:`points_to_json`."""
    if not isinstance(raw, str):
        raise InputError(path, raw, Msg("expected points as a decimal string"))
    return parse_points(raw, path)
