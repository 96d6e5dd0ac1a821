"""The previous round's figures, to compare a report with ("so với cùng kỳ").

The movement's reports set each figure against the same period of the year
before: "tăng 2 đơn vị so với cùng kỳ". :func:`read_previous` reads the
previous round's JSON report (``antq report --format json``), or a small
counts file with the same keys, only those that are needed::

    {
      "year": 2024,
      "provinces": [
        {"name": "Tỉnh Mẫu",
         "by_kind": {"residential_area": {"met": 2, "not_met": 1}},
         "communes": [{"id": "XA-DH", "units": {"residential_area": {"met": 2}}}]}
      ],
      "indicators": [
        {"indicator": "crime_clearance_public_order", "unit": "Tỉnh Mẫu",
         "numerator": 900, "denominator": 1000}
      ]
    }

A province's counts are under ``by_kind`` (or ``summary.by_kind``, as the JSON
report writes them); an outcome left out counts 0. A figure with no
counterpart in the previous round is shown as "-", never as a change from 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from antq.core.frozen import FrozenMap
from antq.core.outcome import Outcome
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.i18n import formatting
from antq.i18n.catalog import Msg
from antq.io.facts import parse_text, read_text_file
from antq.safety.hierarchy import OutcomeCounts
from antq.vocabulary import Lang

__all__ = ["PreviousRound", "met_change", "previous_from_data", "rate_change", "read_previous"]


@attrs.frozen(kw_only=True)
class PreviousRound:
    """The counts of a previous round: by province and kind, by commune, and indicator figures."""

    year: int
    #: Counts by unit kind, by province name (None: units with no province).
    provinces: Mapping[str | None, Mapping[UnitKind, OutcomeCounts]]
    #: Counts of the units under each commune, by commune id.
    communes: Mapping[str, OutcomeCounts]
    #: (numerator, denominator) of each indicator, by (indicator code, reporting unit).
    indicators: Mapping[tuple[str, str], tuple[int, int]]


def _counts(data: object, path: str) -> OutcomeCounts:
    if not isinstance(data, Mapping):
        raise InputError(
            path, data, Msg('expected counts by outcome, e.g. {"met": 3, "not_met": 1}')
        )
    values = {}
    for outcome in Outcome:
        value = data.get(outcome.code, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InputError(f"{path}.{outcome.code}", value, Msg("expected a whole number >= 0"))
        values[outcome.code] = value
    return OutcomeCounts(**values)


def _by_kind(data: object, path: str) -> dict[UnitKind, OutcomeCounts]:
    if not isinstance(data, Mapping):
        raise InputError(path, data, Msg("expected counts by unit kind"))
    found = {}
    for code, counts in data.items():
        kind = UnitKind.from_code(code, path=f"{path}.{code}")
        found[kind] = _counts(counts, f"{path}.{code}")
    return found


def _list(data: Mapping[str, Any], key: str, path: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InputError(f"{path}.{key}", value, Msg("expected a list"))
    return value


def previous_from_data(data: object, *, path: str = "previous") -> PreviousRound:
    """The previous round of JSON data (see the module's documentation)."""
    if not isinstance(data, Mapping):
        raise InputError(
            path, data, Msg("expected a JSON object with the previous round's figures")
        )
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise InputError(f"{path}.year", year, Msg("expected the previous round's year"))
    provinces: dict[str | None, Mapping[UnitKind, OutcomeCounts]] = {}
    communes: dict[str, OutcomeCounts] = {}
    for i, province in enumerate(_list(data, "provinces", path)):
        where = f"{path}.provinces[{i}]"
        if not isinstance(province, Mapping):
            raise InputError(where, province, Msg("expected an object"))
        name = province.get("name")
        if name is not None and not isinstance(name, str):
            raise InputError(f"{where}.name", name, Msg("expected the province's name"))
        summary = province.get("summary")
        if isinstance(summary, Mapping) and "by_kind" in summary:
            kinds = _by_kind(summary["by_kind"], f"{where}.summary.by_kind")
        else:
            kinds = _by_kind(province.get("by_kind", {}), f"{where}.by_kind")
        provinces[name] = FrozenMap(kinds)
        for j, commune in enumerate(_list(province, "communes", where)):
            at = f"{where}.communes[{j}]"
            code = commune.get("id") if isinstance(commune, Mapping) else None
            if not isinstance(code, str):
                raise InputError(f"{at}.id", code, Msg("expected the commune's id"))
            total = OutcomeCounts()
            for counts in _by_kind(commune.get("units", {}), f"{at}.units").values():
                total = total + counts
            communes[code] = total
    indicators: dict[tuple[str, str], tuple[int, int]] = {}
    for i, figure in enumerate(_list(data, "indicators", path)):
        where = f"{path}.indicators[{i}]"
        if not isinstance(figure, Mapping):
            raise InputError(where, figure, Msg("expected an object"))
        code, unit = figure.get("indicator"), figure.get("unit")
        numerator, denominator = figure.get("numerator"), figure.get("denominator")
        if not isinstance(code, str) or not isinstance(unit, str):
            raise InputError(where, figure, Msg("expected 'indicator' and 'unit'"))
        if denominator is None:  # a count with no rate: nothing to compare a rate with
            continue
        if not all(
            isinstance(n, int) and not isinstance(n, bool) and n >= 0
            for n in (numerator, denominator)
        ):
            raise InputError(
                where, figure, Msg("expected whole numbers 'numerator' and 'denominator'")
            )
        assert isinstance(numerator, int) and isinstance(denominator, int)
        indicators[(code, unit)] = (numerator, denominator)
    return PreviousRound(
        year=year,
        provinces=FrozenMap(provinces),
        communes=FrozenMap(communes),
        indicators=FrozenMap(indicators),
    )


def read_previous(path: str | Path) -> PreviousRound:
    """The previous round of a JSON file (the previous ``antq report --format json``)."""

    data = parse_text(read_text_file(Path(path)), str(path), ".json")
    return previous_from_data(data, path=str(path))


_UP = Msg("up {count}")
_DOWN = Msg("down {count}")
_SAME = Msg("unchanged")
_POINTS_UP = Msg("up {points} percentage points")
_POINTS_DOWN = Msg("down {points} percentage points")


def _say(msg: Msg, lang: Lang, **params: str) -> str:
    return msg.render(lang).format(**params)


def _points(now: Fraction, before: Fraction, lang: Lang) -> str:
    """The change of a share, in percentage points with one decimal ("up 5.0 percentage points")."""
    scaled = (now - before) * 1000
    # Rounded half away from zero, in integers.
    tenths = (2 * abs(scaled.numerator) + scaled.denominator) // (2 * scaled.denominator)
    if tenths == 0:
        return _SAME.render(lang)
    shown = formatting.format_scaled(tenths, 1, lang)
    return _say(_POINTS_UP if scaled > 0 else _POINTS_DOWN, lang, points=shown)


def met_change(now: OutcomeCounts, before: OutcomeCounts | None, lang: Lang) -> str:
    """The change of the units met and of their share: "up 2 (up 5.0 percentage points)".

    "-" when there is nothing to compare with.
    """
    if before is None or before.total == 0:
        return "-"
    delta = now.met - before.met
    if delta == 0:
        text = _SAME.render(lang)
    else:
        count = formatting.format_number(abs(delta), lang)
        text = _say(_UP if delta > 0 else _DOWN, lang, count=count)
    share, was = now.met_share(), before.met_share()
    if share is None or was is None:
        return text
    points = _points(share, was, lang)
    return text if points == text else f"{text} ({points})"


def rate_change(
    numerator: int, denominator: int | None, before: tuple[int, int] | None, lang: Lang
) -> str:
    """The change of an indicator's rate in percentage points ("-": nothing to compare)."""
    if before is None or not denominator or not before[1]:
        return "-"
    return _points(Fraction(numerator, denominator), Fraction(*before), lang)
