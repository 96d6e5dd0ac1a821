"""The movement's report figures: observations, rates written as reports write them, targets.

Reports of the movement pair a count with its whole: "644/707 vụ (91,09%)".
An :class:`Observation` stores the two numbers (never a rate), for one
indicator, reporting unit and period; the rate is computed exactly when it is
written:

>>> from antq.core.periods import Period
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

from antq.core.frozen import FrozenMap
from antq.core.outcome import Outcome
from antq.core.periods import Period, parse_iso_date
from antq.core.reasons import Reason
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.i18n import formatting
from antq.i18n.catalog import Label, Msg, Text
from antq.io.facts import parse_text, read_text_file
from antq.io.names import names_match
from antq.law.confirmation import Confirmation
from antq.law.tables import Node, load
from antq.safety.hierarchy import Summary
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
    """An indicator of movement and crime-prevention reports (entities.md §3).

    The crime-prevention rates (clearance, handling of crime reports) are
    those the National Assembly sets targets for (§3.1, §3.2); the safe-standard
    figures come from verdicts; the others are the figures movement reports
    print (§3.3, §3.4), mostly without a formal definition, so antq only
    stores and writes them: a count ("1.064 thành viên"), or a part of a whole
    ("219/236 tin (92,8%)").
    """

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
    CRIME_REPORTS_OVERDUE = (
        "crime_reports_overdue",
        "Tố giác, tin báo về tội phạm và kiến nghị khởi tố giải quyết quá hạn",
        "Crime reports, tips and prosecution requests handled late",
    )
    CASES_PROSECUTED = (
        "cases_prosecuted",
        "Số vụ án đã khởi tố",
        "Criminal cases prosecuted",
    )
    DEFENDANTS_PROSECUTED = (
        "defendants_prosecuted",
        "Số bị can đã khởi tố",
        "Defendants prosecuted",
    )
    PUBLIC_TIPS = (
        "public_tips",
        "Nguồn tin, tin báo do quần chúng cung cấp",
        "Tips provided by the public",
    )
    PUBLIC_TIPS_VALUABLE = (
        "public_tips_valuable",
        "Tin báo do quần chúng cung cấp có giá trị",
        "Tips from the public that were of value",
    )
    PUBLIC_TIPS_RESOLVED = (
        "public_tips_resolved",
        "Tin báo của quần chúng đã được giải quyết",
        "Tips from the public that were resolved",
    )
    DENUNCIATION_SLIPS = (
        "denunciation_slips",
        "Phiếu tố giác thu được",
        "Denunciation slips collected",
    )
    DENUNCIATION_SLIPS_VALUABLE = (
        "denunciation_slips_valuable",
        "Phiếu tố giác có giá trị",
        "Denunciation slips that were of value",
    )
    CASES_SOLVED_FROM_TIPS = (
        "cases_solved_from_tips",
        "Vụ việc được phát hiện, giải quyết nhờ tin báo của quần chúng",
        "Cases solved thanks to tips from the public",
    )
    ARRESTS_FROM_TIPS = (
        "arrests_from_tips",
        "Đối tượng bị bắt giữ nhờ tin báo của quần chúng",
        "People arrested thanks to tips from the public",
    )
    WANTED_ARRESTED = (
        "wanted_arrested",
        "Đối tượng truy nã bị bắt",
        "Wanted persons arrested",
    )
    WANTED_SURRENDERED = (
        "wanted_surrendered",
        "Đối tượng truy nã được vận động đầu thú",
        "Wanted persons persuaded to surrender",
    )
    WANTED_REMOVED = (
        "wanted_removed",
        "Đối tượng truy nã được thanh loại",
        "Wanted persons removed from the list",
    )
    OFFENDERS_MANAGED = (
        "offenders_managed",
        "Người lầm lỗi được quản lý, giáo dục, giúp đỡ tại cộng đồng",
        "People who offended, managed, educated and helped in the community",
    )
    CRITICISED_BEFORE_COMMUNITY = (
        "criticised_before_community",
        "Đối tượng bị kiểm điểm trước dân",
        "People criticised before the community",
    )
    COMMUNE_EDUCATION = (
        "commune_education",
        "Đối tượng được giáo dục tại xã, phường",
        "People handed to education in the commune",
    )
    COMPULSORY_REHAB_FILES = (
        "compulsory_rehab_files",
        "Hồ sơ đưa vào cơ sở cai nghiện bắt buộc",
        "Files made for compulsory drug rehabilitation",
    )
    WEAPONS_HANDED_IN = (
        "weapons_handed_in",
        "Vũ khí, vật liệu nổ, công cụ hỗ trợ được giao nộp",
        "Weapons, explosives and support tools handed in",
    )
    PROPAGANDA_SESSIONS = (
        "propaganda_sessions",
        "Buổi tuyên truyền",
        "Awareness sessions",
    )
    PROPAGANDA_ATTENDANCE = (
        "propaganda_attendance",
        "Lượt người tham dự tuyên truyền",
        "Attendance at awareness sessions",
    )
    MASS_ORGANISATIONS = (
        "mass_organisations",
        "Tổ chức quần chúng được duy trì",
        "Mass organisations maintained",
    )
    MODELS = (
        "models",
        "Mô hình phong trào",
        "Movement models",
    )
    MODEL_SITES = (
        "model_sites",
        "Điểm mô hình",
        "Model sites",
    )
    MODEL_MEMBERS = (
        "model_members",
        "Thành viên tham gia mô hình",
        "Members of the models",
    )
    FIRE_SAFETY_GROUPS = (
        "fire_safety_groups",
        "Tổ liên gia an toàn phòng cháy, chữa cháy",
        "Neighbourhood fire-safety groups",
    )
    PUBLIC_FIRE_POINTS = (
        "public_fire_points",
        "Điểm chữa cháy công cộng",
        "Public fire-fighting points",
    )
    MEDIATION_SUCCEEDED = (
        "mediation_succeeded",
        "Vụ việc hòa giải thành",
        "Cases settled by mediation",
    )
    DRUG_FREE_COMMUNES = (
        "drug_free_communes",
        "Đơn vị cấp xã không ma túy",
        "Drug-free commune-level units",
    )
    REHAB_VOLUNTARY = (
        "rehab_voluntary",
        "Người cai nghiện ma túy tự nguyện",
        "People in voluntary drug rehabilitation",
    )
    REHAB_COMPULSORY = (
        "rehab_compulsory",
        "Người cai nghiện ma túy bắt buộc",
        "People in compulsory drug rehabilitation",
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
        Indicator.CRIME_REPORTS_OVERDUE: ("tin", "reports"),
        Indicator.CASES_PROSECUTED: ("vụ", "cases"),
        Indicator.DEFENDANTS_PROSECUTED: ("bị can", "defendants"),
        Indicator.PUBLIC_TIPS: ("tin", "tips"),
        Indicator.PUBLIC_TIPS_VALUABLE: ("tin", "tips"),
        Indicator.PUBLIC_TIPS_RESOLVED: ("tin", "tips"),
        Indicator.DENUNCIATION_SLIPS: ("phiếu", "slips"),
        Indicator.DENUNCIATION_SLIPS_VALUABLE: ("phiếu", "slips"),
        Indicator.CASES_SOLVED_FROM_TIPS: ("vụ", "cases"),
        Indicator.ARRESTS_FROM_TIPS: ("đối tượng", "people"),
        Indicator.WANTED_ARRESTED: ("đối tượng", "people"),
        Indicator.WANTED_SURRENDERED: ("đối tượng", "people"),
        Indicator.WANTED_REMOVED: ("đối tượng", "people"),
        Indicator.OFFENDERS_MANAGED: ("người", "people"),
        Indicator.CRITICISED_BEFORE_COMMUNITY: ("người", "people"),
        Indicator.COMMUNE_EDUCATION: ("người", "people"),
        Indicator.COMPULSORY_REHAB_FILES: ("hồ sơ", "files"),
        Indicator.WEAPONS_HANDED_IN: ("hiện vật", "items"),
        Indicator.PROPAGANDA_SESSIONS: ("buổi", "sessions"),
        Indicator.PROPAGANDA_ATTENDANCE: ("lượt người", "attendances"),
        Indicator.MASS_ORGANISATIONS: ("tổ chức", "organisations"),
        Indicator.MODELS: ("mô hình", "models"),
        Indicator.MODEL_SITES: ("điểm", "sites"),
        Indicator.MODEL_MEMBERS: ("thành viên", "members"),
        Indicator.FIRE_SAFETY_GROUPS: ("tổ", "groups"),
        Indicator.PUBLIC_FIRE_POINTS: ("điểm", "points"),
        Indicator.MEDIATION_SUCCEEDED: ("vụ việc", "cases"),
        Indicator.DRUG_FREE_COMMUNES: ("đơn vị", "units"),
        Indicator.REHAB_VOLUNTARY: ("người", "people"),
        Indicator.REHAB_COMPULSORY: ("người", "people"),
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
        raise InputError(path, value, Msg("expected a whole number >= 0"))
    return value


def _check_observation(instance: Observation) -> None:
    _count(instance.numerator, "Observation.numerator")
    _count(instance.unknown, "Observation.unknown")
    if not isinstance(instance.unit, str) or not instance.unit.strip():
        raise InputError("Observation.unit", instance.unit, Msg("must be a non-empty string"))
    if instance.denominator is None:
        if instance.unknown:
            raise InputError("Observation.unknown", instance.unknown, Msg("needs a denominator"))
        return
    _count(instance.denominator, "Observation.denominator")
    if instance.numerator + instance.unknown > instance.denominator:
        raise InputError(
            "Observation.numerator",
            instance.numerator,
            Msg("the part (with {unknown} undetermined) exceeds the whole ({denominator})"),
            params={"unknown": instance.unknown, "denominator": instance.denominator},
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

    def render(
        self,
        lang: Lang,
        *,
        decimals: int = 1,
        thresholds: Iterable[formatting.Threshold] = (),
    ) -> str:
        """The figure as reports write it: "94/104 vụ (90,4%)", "4.000 tin", "0/0 vụ".

        ``decimals`` is the number of decimals the percentage starts from ("644/707
        vụ (91,09%)" with 2); ``thresholds`` are those it is read against in the same
        output (its target), never crossed by the figure written (rule P).
        """
        words = UNIT_WORDS[self.indicator][0 if lang == "vi" else 1]
        if self.denominator is None:
            return f"{formatting.format_number(self.numerator, lang)} {words}"
        if self.denominator == 0:
            return f"0/0 {words}"
        text = formatting.format_ratio(
            self.numerator,
            self.denominator,
            lang,
            unit=words,
            thresholds=thresholds,
            decimals=decimals,
        )
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
        raise InputError("Target.percent", value, Msg("expected a whole number or a Fraction"))
    if not 0 <= value <= 100:
        raise InputError("Target.percent", value, Msg("must be from 0 to 100"))
    return Fraction(value)


@attrs.frozen(kw_only=True)
class Target:
    """A target for an indicator, in force for periods ending from ``valid_from`` to ``valid_to``.

    ``instrument`` is the number of the instrument that sets it
    (``"96/2019/QH14"``); ``confirmation`` says how sure antq is of the value.
    ``unit`` limits a local target (a province's own pledge) to the figures of
    that reporting unit, matched by name in any spelling (:func:`antq.io.names.names_match`:
    "Tỉnh Quảng Nam", "tinh quang nam"); None is a target for every unit.
    """

    indicator: Indicator
    percent: Fraction = attrs.field(converter=_percent)
    comparison: Comparison = Comparison.ABOVE
    valid_from: date | None = None
    valid_to: date | None = None
    instrument: str | None = None
    confirmation: Confirmation = Confirmation.UNCONFIRMED
    note: Label | None = None
    unit: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise InputError("Target.valid_to", self.valid_to, Msg("is before valid_from"))
        if self.unit is not None and (not isinstance(self.unit, str) or not self.unit.strip()):
            raise InputError("Target.unit", self.unit, Msg("must be a non-empty string or None"))

    def applies_to(self, period: Period, unit: str | None = None) -> bool:
        """Whether the target is in force for a figure over ``period`` (by its last day).

        A local target applies only to a figure of its own ``unit``.
        """
        end = period.end
        in_force = (self.valid_from is None or self.valid_from <= end) and (
            self.valid_to is None or end <= self.valid_to
        )
        if not in_force or self.unit is None:
            return in_force
        return unit is not None and names_match(self.unit, unit)

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
        return f"{self.comparison.symbol} {formatting.format_threshold(self.percent, lang)}"

    @property
    def threshold(self) -> formatting.Threshold:
        """The target as a threshold its figure is written against (rule P4)."""
        if self.comparison is Comparison.ABOVE:
            return formatting.Threshold.more_than(self.percent)
        return formatting.Threshold.at_least(self.percent)


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

    def select(
        self, indicator: Indicator, period: Period, unit: str | None = None
    ) -> Target | None:
        """The target in force for ``indicator`` over ``period`` (for ``unit``), or None."""
        for target in reversed(self.targets):
            if target.indicator is indicator and target.applies_to(period, unit):
                return target
        return None

    def check(self, observation: Observation) -> TargetCheck:
        """The observation with its target and outcome (UNKNOWN without a target)."""
        target = self.select(observation.indicator, observation.period, observation.unit)
        outcome = Outcome.UNKNOWN if target is None else target.check(observation)
        return TargetCheck(observation=observation, target=target, outcome=outcome)


_TARGET_KEYS = (
    "indicator",
    "percent",
    "comparison",
    "valid_from",
    "valid_to",
    "citation",
    "confirmation",
    "note",
)


def _default_target(row: Node) -> Target:
    row.keys(_TARGET_KEYS)
    valid_from, valid_to = row.dates()
    return Target(
        indicator=row["indicator"].code(Indicator),
        percent=row["percent"].integer(low=1, high=100),
        comparison=row["comparison"].code(Comparison),
        valid_from=valid_from,
        valid_to=valid_to,
        instrument=row["citation"].citation().instrument,
        confirmation=row["confirmation"].confirmation(),
        note=row.optional("note", Node.label),
    )


#: The targets antq knows, as dated data (entities.md §3.1, §3.4), from
#: ``data/targets.toml``.
DEFAULT_TARGETS = TargetTable(
    tuple(map(_default_target, load("antq.report", "data/targets.toml")["targets"].items()))
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
        raise InputError(
            f"{path}.{key}",
            raw[key],
            Msg("unknown key; allowed: {allowed}"),
            params={"allowed": allowed},
        )
    indicator = Indicator.from_code(raw.get("indicator"), path=f"{path}.indicator")
    unit = raw.get("unit")
    if not isinstance(unit, str) or not unit.strip():
        raise InputError(f"{path}.unit", unit, Msg("expected a non-empty string"))
    period_text = raw.get("period")
    if not isinstance(period_text, str):
        raise InputError(f"{path}.period", period_text, Msg('expected "YYYY-MM-DD/YYYY-MM-DD"'))
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
        raise InputError(f"{path}.source", source, Msg("expected a string"))
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

    file = Path(path)
    try:
        text = read_text_file(file)
        data = parse_text(text, str(file), ".json") if file.suffix.lower() == ".json" else None
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield InputError(
            str(file), None, Msg("cannot read the file: {error}"), params={"error": str(error)}
        )
        return
    if file.suffix.lower() == ".json":
        if not isinstance(data, list):
            yield InputError(str(file), type(data).__name__, Msg("expected a list of observations"))
            return
        for index, raw in enumerate(data):
            if not isinstance(raw, dict):
                yield InputError(f"[{index}]", raw, Msg("expected an object"))
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
        yield InputError(
            f"{file}:line 1", None, Msg("malformed CSV: {error}"), params={"error": str(error)}
        )
        return
    missing = [
        k for k in ("indicator", "unit", "period", "numerator") if k not in (fieldnames or ())
    ]
    if missing:
        yield InputError(
            f"{file}:line 1",
            fieldnames,
            Msg("missing columns: {missing}"),
            params={"missing": ", ".join(missing)},
        )
        return
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # One malformed row (a cell over the csv module's size limit, say): the rest go on.
            yield InputError(
                f"line {first_line}",
                None,
                Msg("malformed CSV: {error}"),
                params={"error": str(error)},
            )
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
    in both languages; ``unit`` makes it a local target of one reporting unit.
    """
    if not isinstance(data, list):
        raise InputError(path, data, Msg("expected a list of targets"))
    found = []
    for index, raw in enumerate(data):
        where = f"{path}[{index}]"
        if not isinstance(raw, dict):
            raise InputError(where, raw, Msg("expected an object"))
        allowed = {
            "indicator",
            "percent",
            "comparison",
            "valid_from",
            "valid_to",
            "instrument",
            "confirmation",
            "note",
            "unit",
        }
        extra = sorted(set(raw) - allowed)
        if extra:
            raise InputError(f"{where}.{extra[0]}", raw[extra[0]], Msg("unknown key"))
        percent = raw.get("percent")
        if isinstance(percent, str):
            # A plain decimal only: Fraction("1e999999999") would build a huge number.
            if not _PERCENT_TEXT.fullmatch(percent):
                raise InputError(
                    f"{where}.percent", percent, Msg('expected a number such as "75" or "75.5"')
                )
            percent = Fraction(percent)
        dates: dict[str, date | None] = {}
        for key in ("valid_from", "valid_to"):
            value = raw.get(key)
            if value is None:
                dates[key] = None
                continue
            dates[key] = parse_iso_date(value, f"{where}.{key}")
        note = raw.get("note")
        if note is not None and not isinstance(note, str):
            raise InputError(f"{where}.note", note, Msg("expected a string"))
        instrument = raw.get("instrument")
        if instrument is not None and not isinstance(instrument, str):
            raise InputError(f"{where}.instrument", instrument, Msg("expected a string"))
        unit = raw.get("unit")
        if unit is not None and (not isinstance(unit, str) or not unit.strip()):
            raise InputError(f"{where}.unit", unit, Msg("expected the name of a reporting unit"))
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
                    unit=unit,
                )
            )
        except InputError as error:
            if error.path.startswith(where):
                raise
            field = error.path.rsplit(".", 1)[-1]
            raise InputError(f"{where}.{field}", error.value, error.message) from None
    return tuple(found)
