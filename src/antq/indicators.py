"""The movement's report figures: observations, rates written as reports write them, targets.

Reports of the movement pair a count with its whole: "644/707 vụ (91,09%)".
An :class:`Observation` stores the two numbers (never a rate), for one
indicator, reporting unit and period; the rate is computed exactly when it is
written:

>>> from antq.periods import Period
>>> seen = Observation(indicator=Indicator.CRIME_CLEARANCE, unit="Tỉnh Mẫu",
...                    period=Period.year(2024), numerator=94, denominator=104)
>>> seen.render("vi"), seen.render("en")
('94/104 vụ (90,4%)', '94/104 cases (90.4%)')

Targets are dated data (:class:`Target`), never constants. The National
Assembly's crime-prevention targets of Nghị quyết 96/2019/QH14 are **inferred
from reports** (the resolution's text is not available to antq), so
:data:`DEFAULT_TARGETS` marks them UNCONFIRMED; a caller replaces or adds
targets with :meth:`TargetTable.with_targets`, and the last applicable target
wins:

>>> check = DEFAULT_TARGETS.check(seen)
>>> check.outcome.code, check.target.describe("en"), check.target.confirmation.code
('met', '> 75%', 'unconfirmed')

The safe-standard figures ("1.042/1.165 khu dân cư đạt chuẩn") come from
summaries of verdicts: :func:`safe_standard_observations`. Units whose
verdict is unknown are in the whole and counted apart, never as met.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from fractions import Fraction
from pathlib import Path

import attrs

from antq.confirmation import Confirmation
from antq.core.outcome import Outcome
from antq.core.reasons import Reason
from antq.errors import InputError
from antq.frozen import FrozenMap
from antq.hierarchy import Summary
from antq.i18n import formatting
from antq.i18n.catalog import Label, Msg, Text
from antq.periods import Period
from antq.unit_kinds import UnitKind
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "DEFAULT_TARGETS",
    "SAFE_INDICATORS",
    "UNIT_WORDS",
    "Comparison",
    "Indicator",
    "Observation",
    "Target",
    "TargetCheck",
    "TargetTable",
    "observations_from_rows",
    "read_observations",
    "safe_standard_observations",
    "targets_from_data",
]


class Indicator(CodedEnum):
    """An indicator of movement and crime-prevention reports (entities.md §3)."""

    CRIME_CLEARANCE = (
        "crime_clearance_public_order",
        "Tỷ lệ điều tra, khám phá án về trật tự xã hội",
        "Clearance rate of public-order crimes",
    )
    SERIOUS_CRIME_CLEARANCE = (
        "crime_clearance_very_serious",
        "Tỷ lệ điều tra, khám phá án rất nghiêm trọng, đặc biệt nghiêm trọng",
        "Clearance rate of very serious and especially serious crimes",
    )
    CRIME_REPORTS_HANDLED = (
        "crime_reports_handled",
        "Tỷ lệ giải quyết tố giác, tin báo về tội phạm và kiến nghị khởi tố",
        "Rate of crime reports, tips and prosecution requests handled",
    )
    PUBLIC_TIPS_VALUABLE = (
        "public_tips_valuable",
        "Tin báo do quần chúng cung cấp có giá trị",
        "Tips from the public that were of value",
    )
    DRUG_FREE_COMMUNES = (
        "drug_free_communes",
        "Đơn vị cấp xã không ma túy",
        "Drug-free commune-level units",
    )
    RESIDENTIAL_AREAS_SAFE = (
        "residential_areas_safe",
        "Khu dân cư đạt chuẩn “An toàn về an ninh, trật tự”",
        "Residential areas meeting the safe standard",
    )
    COMMUNES_SAFE = (
        "communes_safe",
        "Xã, phường, đặc khu đạt chuẩn “An toàn về an ninh, trật tự”",
        "Communes, wards and special zones meeting the safe standard",
    )
    AGENCIES_SAFE = (
        "agencies_safe",
        "Cơ quan đạt chuẩn “An toàn về an ninh, trật tự”",
        "Agencies meeting the safe standard",
    )
    ENTERPRISES_SAFE = (
        "enterprises_safe",
        "Doanh nghiệp đạt chuẩn “An toàn về an ninh, trật tự”",
        "Enterprises meeting the safe standard",
    )
    EDUCATIONAL_INSTITUTIONS_SAFE = (
        "educational_institutions_safe",
        "Cơ sở giáo dục đạt chuẩn “An toàn về an ninh, trật tự”",
        "Educational institutions meeting the safe standard",
    )


#: What each indicator counts, in Vietnamese and English ("94/104 vụ").
UNIT_WORDS: Mapping[Indicator, tuple[str, str]] = FrozenMap(
    {
        Indicator.CRIME_CLEARANCE: ("vụ", "cases"),
        Indicator.SERIOUS_CRIME_CLEARANCE: ("vụ", "cases"),
        Indicator.CRIME_REPORTS_HANDLED: ("tin", "reports"),
        Indicator.PUBLIC_TIPS_VALUABLE: ("tin", "tips"),
        Indicator.DRUG_FREE_COMMUNES: ("đơn vị", "units"),
        Indicator.RESIDENTIAL_AREAS_SAFE: ("khu dân cư", "residential areas"),
        Indicator.COMMUNES_SAFE: ("đơn vị", "units"),
        Indicator.AGENCIES_SAFE: ("cơ quan", "agencies"),
        Indicator.ENTERPRISES_SAFE: ("doanh nghiệp", "enterprises"),
        Indicator.EDUCATIONAL_INSTITUTIONS_SAFE: ("cơ sở", "institutions"),
    }
)

#: The safe-standard indicator of each unit kind.
SAFE_INDICATORS: Mapping[UnitKind, Indicator] = FrozenMap(
    {
        UnitKind.RESIDENTIAL_AREA: Indicator.RESIDENTIAL_AREAS_SAFE,
        UnitKind.COMMUNE: Indicator.COMMUNES_SAFE,
        UnitKind.AGENCY: Indicator.AGENCIES_SAFE,
        UnitKind.ENTERPRISE: Indicator.ENTERPRISES_SAFE,
        UnitKind.EDUCATIONAL_INSTITUTION: Indicator.EDUCATIONAL_INSTITUTIONS_SAFE,
    }
)

_UNDETERMINED = Msg("{count} undetermined")


def _count(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(path, value, "expected a whole number >= 0")
    return value


def _check_observation(instance: Observation) -> None:
    _count(instance.numerator, "Observation.numerator")
    _count(instance.unknown, "Observation.unknown")
    if not isinstance(instance.unit, str) or not instance.unit.strip():
        raise InputError("Observation.unit", instance.unit, "must be a non-empty string")
    if instance.denominator is None:
        if instance.unknown:
            raise InputError("Observation.unknown", instance.unknown, "needs a denominator")
        return
    _count(instance.denominator, "Observation.denominator")
    if instance.numerator + instance.unknown > instance.denominator:
        raise InputError(
            "Observation.numerator",
            instance.numerator,
            f"the part (with {instance.unknown} undetermined) exceeds the whole"
            f" ({instance.denominator})",
        )


@attrs.frozen(kw_only=True)
class Observation:
    """One figure of a report: ``numerator`` out of ``denominator`` for a unit and period.

    ``denominator`` is None for a plain count ("4.000 tin"). ``unknown`` is how
    many of the whole are undetermined (units whose verdict is unknown): they
    are neither in the part nor left out of the whole.
    """

    indicator: Indicator
    unit: str
    period: Period
    numerator: int
    denominator: int | None = None
    unknown: int = 0
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_observation(self)

    @property
    def rate(self) -> Fraction | None:
        """``numerator / denominator``, exactly; None for a count or an empty whole."""
        if not self.denominator:
            return None
        return Fraction(self.numerator, self.denominator)

    def render(self, lang: Lang) -> str:
        """The figure as reports write it: "94/104 vụ (90,4%)", "4.000 tin", "0/0 vụ"."""
        words = UNIT_WORDS[self.indicator][0 if lang == "vi" else 1]
        if self.denominator is None:
            return f"{formatting.format_number(self.numerator, lang)} {words}"
        if self.denominator == 0:
            return f"0/0 {words}"
        text = formatting.format_ratio(self.numerator, self.denominator, lang, unit=words)
        if self.unknown:
            more = Reason(template=_UNDETERMINED, params={"count": self.unknown}).render(lang)
            text = f"{text}, {more}"
        return text


class Comparison(CodedEnum):
    """How a rate is compared with a target percentage."""

    ABOVE = ("above", "trên", "above")
    AT_LEAST = ("at_least", "từ … trở lên", "at least")

    @property
    def symbol(self) -> str:
        return ">" if self is Comparison.ABOVE else "≥"


def _percent(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise InputError("Target.percent", value, "expected a whole number or a Fraction")
    if not 0 <= value <= 100:
        raise InputError("Target.percent", value, "must be from 0 to 100")
    return Fraction(value)


@attrs.frozen(kw_only=True)
class Target:
    """A target for an indicator, in force for periods ending from ``valid_from`` to ``valid_to``.

    ``instrument`` is the number of the instrument that sets it
    (``"96/2019/QH14"``); ``confirmation`` says how sure antq is of the value.
    """

    indicator: Indicator
    percent: Fraction = attrs.field(converter=_percent)
    comparison: Comparison = Comparison.ABOVE
    valid_from: date | None = None
    valid_to: date | None = None
    instrument: str | None = None
    confirmation: Confirmation = Confirmation.UNCONFIRMED
    note: Label | None = None

    def __attrs_post_init__(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise InputError("Target.valid_to", self.valid_to, "is before valid_from")

    def applies_to(self, period: Period) -> bool:
        """Whether the target is in force for a figure over ``period`` (by its last day)."""
        end = period.end
        return (self.valid_from is None or self.valid_from <= end) and (
            self.valid_to is None or end <= self.valid_to
        )

    def passes(self, numerator: int, denominator: int) -> bool:
        """Whether ``numerator/denominator`` reaches the target (in integers)."""
        left, right = (
            100 * numerator * self.percent.denominator,
            self.percent.numerator * (denominator),
        )
        return left > right if self.comparison is Comparison.ABOVE else left >= right

    def check(self, observation: Observation) -> Outcome:
        """MET, NOT_MET or UNKNOWN (no whole, or undetermined units that could decide it)."""
        whole = observation.denominator
        if not whole:
            return Outcome.UNKNOWN
        low, high = observation.numerator, observation.numerator + observation.unknown
        if self.passes(low, whole):
            return Outcome.MET
        if not self.passes(high, whole):
            return Outcome.NOT_MET
        return Outcome.UNKNOWN

    def describe(self, lang: Lang) -> str:
        """The target as reports write it: "> 75%"."""
        value = self.percent
        decimals = 0 if value.denominator == 1 else 1
        text = formatting.format_number(value, lang, decimals=decimals)
        return f"{self.comparison.symbol} {text}%"


@attrs.frozen(kw_only=True)
class TargetCheck:
    """An observation set against the target in force for it."""

    observation: Observation
    target: Target | None
    outcome: Outcome


@attrs.frozen
class TargetTable:
    """Targets, searched from the last: a later target in force wins over an earlier one."""

    targets: tuple[Target, ...] = ()

    def with_targets(self, *targets: Target) -> TargetTable:
        """A table where ``targets`` win over these ones."""
        return TargetTable((*self.targets, *targets))

    def select(self, indicator: Indicator, period: Period) -> Target | None:
        """The target in force for ``indicator`` over ``period``, or None."""
        for target in reversed(self.targets):
            if target.indicator is indicator and target.applies_to(period):
                return target
        return None

    def check(self, observation: Observation) -> TargetCheck:
        """The observation with its target and outcome (UNKNOWN without a target)."""
        target = self.select(observation.indicator, observation.period)
        outcome = Outcome.UNKNOWN if target is None else target.check(observation)
        return TargetCheck(observation=observation, target=target, outcome=outcome)


_NQ96 = "96/2019/QH14"
_INFERRED = Msg(
    "inferred from reports: the text of Resolution 96/2019/QH14 is not available to antq"
)

#: The targets antq knows, as dated data (entities.md §3.1, §3.4).
DEFAULT_TARGETS = TargetTable(
    (
        Target(
            indicator=Indicator.CRIME_CLEARANCE,
            percent=70,
            valid_to=date(2019, 11, 26),
            instrument="37/2012/QH13",
            confirmation=Confirmation.UNCONFIRMED,
            note=Msg(
                "probably an older target of the Resolution 37/2012/QH13 era; neither its value nor its dates are confirmed"
            ),
        ),
        Target(
            indicator=Indicator.CRIME_CLEARANCE,
            percent=75,
            valid_from=date(2019, 11, 27),
            instrument=_NQ96,
            note=_INFERRED,
        ),
        Target(
            indicator=Indicator.SERIOUS_CRIME_CLEARANCE,
            percent=90,
            valid_from=date(2019, 11, 27),
            instrument=_NQ96,
            note=_INFERRED,
        ),
        Target(
            indicator=Indicator.CRIME_REPORTS_HANDLED,
            percent=90,
            valid_from=date(2019, 11, 27),
            instrument=_NQ96,
            note=_INFERRED,
        ),
        Target(
            indicator=Indicator.DRUG_FREE_COMMUNES,
            percent=50,
            comparison=Comparison.AT_LEAST,
            valid_from=date(2030, 12, 31),
            instrument="132-KL/TW",
            confirmation=Confirmation.PARTIAL,
            note=Msg(
                "to be reached by the end of 2030; provinces register their own yearly targets"
            ),
        ),
    )
)


# --------------------------------------------------------------------------- from summaries


def safe_standard_observations(summary: Summary) -> tuple[Observation, ...]:
    """The "x/y đạt chuẩn" figure of each unit kind of a summary.

    The whole is the units in scope (NOT_APPLICABLE ones are left out), the
    part the MET ones; UNKNOWN ones are in the whole and counted in
    ``unknown``, so the figure reads "at least x of y".
    """
    found = []
    for kind, counts in summary.by_kind.items():
        if not counts.in_scope:
            continue
        found.append(
            Observation(
                indicator=SAFE_INDICATORS[kind],
                unit=summary.label,
                period=summary.periods[kind],
                numerator=counts.met,
                denominator=counts.in_scope,
                unknown=counts.unknown,
                source="antq",
            )
        )
    return tuple(found)


# --------------------------------------------------------------------------- reading

_OBSERVATION_KEYS = ("indicator", "unit", "period", "numerator", "denominator", "unknown", "source")
_DIGITS = re.compile(r"[0-9]+")


def _observation(raw: Mapping[str, object], path: str) -> Observation:
    unknown_keys = sorted(set(raw) - set(_OBSERVATION_KEYS))
    if unknown_keys:
        key = unknown_keys[0]
        allowed = ", ".join(_OBSERVATION_KEYS)
        raise InputError(f"{path}.{key}", raw[key], f"unknown key; allowed: {allowed}")
    indicator = Indicator.from_code(raw.get("indicator"), path=f"{path}.indicator")
    unit = raw.get("unit")
    if not isinstance(unit, str) or not unit.strip():
        raise InputError(f"{path}.unit", unit, "expected a non-empty string")
    period_text = raw.get("period")
    if not isinstance(period_text, str):
        raise InputError(f"{path}.period", period_text, 'expected "YYYY-MM-DD/YYYY-MM-DD"')
    period = Period.parse(period_text, path=f"{path}.period")
    values: dict[str, int | None] = {}
    for key in ("numerator", "denominator", "unknown"):
        value = raw.get(key)
        if isinstance(value, str):
            value = int(value) if _DIGITS.fullmatch(value.strip()) else value
        if value is None and key != "numerator":
            values[key] = None
            continue
        values[key] = _count(value, f"{path}.{key}")
    source = raw.get("source")
    if source is not None and not isinstance(source, str):
        raise InputError(f"{path}.source", source, "expected a string")
    try:
        return Observation(
            indicator=indicator,
            unit=unit,
            period=period,
            numerator=values["numerator"] or 0,
            denominator=values["denominator"],
            unknown=values["unknown"] or 0,
            source=source or None,
        )
    except InputError as error:
        field = error.path.rsplit(".", 1)[-1]
        raise InputError(f"{path}.{field}", error.value, error.message) from None


def observations_from_rows(
    rows: Iterable[Mapping[str, object]], *, first_line: int = 1
) -> Iterator[Observation | InputError]:
    """Observations from rows with the keys of :func:`read_observations`; errors name the line.

    Empty strings are absent values.
    """
    for number, row in enumerate(rows, start=first_line):
        raw = {k: v for k, v in row.items() if v not in ("", None)}
        try:
            yield _observation(raw, f"line {number}")
        except InputError as error:
            yield error


def read_observations(path: str | os.PathLike[str]) -> Iterator[Observation | InputError]:
    """Observations from a CSV file (a header naming the keys) or a JSON list of objects.

    Columns / keys: ``indicator`` (a code of :class:`Indicator`), ``unit``,
    ``period`` (``YYYY-MM-DD/YYYY-MM-DD``), ``numerator``, and optionally
    ``denominator``, ``unknown`` and ``source``.
    """
    from antq.io.facts import parse_text, read_text_file

    file = Path(path)
    try:
        text = read_text_file(file)
        data = parse_text(text, str(file), ".json") if file.suffix.lower() == ".json" else None
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield InputError(str(file), None, f"cannot read the file: {error}")
        return
    if file.suffix.lower() == ".json":
        if not isinstance(data, list):
            yield InputError(str(file), type(data).__name__, "expected a list of observations")
            return
        for index, raw in enumerate(data):
            if not isinstance(raw, dict):
                yield InputError(f"[{index}]", raw, "expected an object")
                continue
            try:
                yield _observation(raw, f"[{index}]")
            except InputError as error:
                yield error
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as error:
        yield InputError(f"{file}:line 1", None, f"malformed CSV: {error}")
        return
    missing = [
        k for k in ("indicator", "unit", "period", "numerator") if k not in (fieldnames or ())
    ]
    if missing:
        yield InputError(f"{file}:line 1", fieldnames, f"missing columns: {', '.join(missing)}")
        return
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # One malformed row (a cell over the csv module's size limit, say): the rest go on.
            yield InputError(f"line {first_line}", None, f"malformed CSV: {error}")
            continue
        yield from observations_from_rows(
            [{k: v for k, v in row.items() if k is not None}], first_line=first_line
        )


_PERCENT_TEXT = re.compile(r"[0-9]{1,3}(\.[0-9]{1,6})?")


def targets_from_data(data: object, *, path: str = "targets") -> tuple[Target, ...]:
    """Targets from JSON-like data: a list of objects with the fields of :class:`Target`.

    ``percent`` is a whole number or a string such as ``"75.5"``; dates are
    ``YYYY-MM-DD``; ``comparison`` is ``above`` (default) or ``at_least``;
    ``confirmation`` defaults to ``unconfirmed``; ``note`` is free text, used
    in both languages.
    """
    if not isinstance(data, list):
        raise InputError(path, data, "expected a list of targets")
    found = []
    for index, raw in enumerate(data):
        where = f"{path}[{index}]"
        if not isinstance(raw, dict):
            raise InputError(where, raw, "expected an object")
        allowed = {
            "indicator",
            "percent",
            "comparison",
            "valid_from",
            "valid_to",
            "instrument",
            "confirmation",
            "note",
        }
        extra = sorted(set(raw) - allowed)
        if extra:
            raise InputError(f"{where}.{extra[0]}", raw[extra[0]], "unknown key")
        percent = raw.get("percent")
        if isinstance(percent, str):
            # A plain decimal only: Fraction("1e999999999") would build a huge number.
            if not _PERCENT_TEXT.fullmatch(percent):
                raise InputError(
                    f"{where}.percent", percent, 'expected a number such as "75" or "75.5"'
                )
            percent = Fraction(percent)
        dates: dict[str, date | None] = {}
        for key in ("valid_from", "valid_to"):
            value = raw.get(key)
            if value is None:
                dates[key] = None
                continue
            try:
                dates[key] = date.fromisoformat(str(value))
            except ValueError:
                raise InputError(f"{where}.{key}", value, "expected YYYY-MM-DD") from None
        note = raw.get("note")
        if note is not None and not isinstance(note, str):
            raise InputError(f"{where}.note", note, "expected a string")
        instrument = raw.get("instrument")
        if instrument is not None and not isinstance(instrument, str):
            raise InputError(f"{where}.instrument", instrument, "expected a string")
        try:
            found.append(
                Target(
                    indicator=Indicator.from_code(raw.get("indicator"), path=f"{where}.indicator"),
                    percent=percent,  # checked by the converter
                    comparison=Comparison.from_code(
                        raw.get("comparison", "above"), path=f"{where}.comparison"
                    ),
                    valid_from=dates["valid_from"],
                    valid_to=dates["valid_to"],
                    instrument=instrument,
                    confirmation=Confirmation.from_code(
                        raw.get("confirmation", "unconfirmed"), path=f"{where}.confirmation"
                    ),
                    note=Text(vi=note, en=note) if note else None,
                )
            )
        except InputError as error:
            if error.path.startswith(where):
                raise
            field = error.path.rsplit(".", 1)[-1]
            raise InputError(f"{where}.{field}", error.value, error.message) from None
    return tuple(found)
