"""Reports of a province evaluation, in Vietnamese or English: text, Markdown, JSON, HTML.

:func:`build_report` gathers what a report says from a
:class:`~antq.RoundResult` (one round); :func:`render_report`
writes it in a format and a language. Numbers, percentages and dates follow the
language (:mod:`antq.i18n.formatting`): "1.042/1.165 khu dân cư (89,4%)" in
Vietnamese, "1,042/1,165 residential areas (89.4%)" in English.

The text, Markdown and HTML reports are made from the same blocks
(:func:`blocks`: headings, paragraphs, tables, lists and charts), so they say
the same thing; the JSON report holds the same figures as data.

>>> from datetime import date
>>> from antq import evaluate_round
>>> evaluation = evaluate_round("examples/commune-2025.json")
>>> report = build_report(evaluation, generated=date(2025, 12, 1))
>>> print(render_report(report, "text", "en").splitlines()[0])
Report on the "safe for security and order" standard, round 2025
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from antq.core.outcome import Outcome
from antq.core.reasons import Reason
from antq.core.ruleset import RuleBook
from antq.errors import InputError
from antq.frozen import FrozenMap
from antq.i18n import formatting
from antq.i18n.catalog import Label, Msg
from antq.periods import Period
from antq.unit_kinds import UnitKind
from antq.vocabulary import LANGS, Lang

if TYPE_CHECKING:  # imported when used, so that the command line starts fast
    from antq.hierarchy import CommuneResult, Notice, OutcomeCounts, RoundResult, Summary
    from antq.indicators import Observation, TargetCheck, TargetTable

__all__ = [
    "FORMATS",
    "BarChart",
    "Block",
    "CommuneSection",
    "Heading",
    "Items",
    "Paragraph",
    "ProvinceSection",
    "Report",
    "StackedChart",
    "Table",
    "blocks",
    "build_report",
    "render_report",
]

#: The report formats, by the name ``antq report --format`` uses.
FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html")

#: Input errors listed in a report; the rest are counted.
MAX_ERRORS_LISTED = 50


@attrs.frozen(kw_only=True)
class CommuneSection:
    """One commune of a report: its result and the summary of its units."""

    result: CommuneResult
    summary: Summary


@attrs.frozen(kw_only=True)
class ProvinceSection:
    """One province of a report (``name`` is None for units with no province)."""

    name: str | None
    summary: Summary
    safe_figures: tuple[Observation, ...]
    communes: tuple[CommuneSection, ...]


@attrs.frozen(kw_only=True)
class Report:
    """What a report of one round says, in no language yet."""

    year: int
    generated: date
    title: Label | None
    sections: tuple[ProvinceSection, ...]
    indicators: tuple[TargetCheck, ...]
    errors: tuple[InputError, ...]
    notices: tuple[Notice, ...]
    rule_sets: tuple[str, ...]
    #: Units of other rounds in the input, by round: left out of this report.
    other_rounds: Mapping[int, int]
    #: Labels of the inputs named in the report, by input name.
    input_labels: Mapping[str, Label]
    top: int

    @property
    def failed(self) -> bool:
        """Whether the input had errors."""
        return bool(self.errors)


def build_report(
    evaluation: RoundResult,
    *,
    year: int | None = None,
    generated: date | None = None,
    title: Label | None = None,
    observations: Iterable[Observation] = (),
    targets: TargetTable | None = None,
    book: RuleBook | None = None,
    top: int = 10,
) -> Report:
    """The report of round ``year`` (default: the latest round in ``evaluation``).

    ``observations`` are report figures given by the user (clearance rates,
    say), set against ``targets`` (default: antq's, ``DEFAULT_TARGETS``).
    ``generated`` is the date written on the report (default: today). ``book``
    gives the labels of missing inputs.
    """
    from antq.indicators import DEFAULT_TARGETS, safe_standard_observations

    if targets is None:
        targets = DEFAULT_TARGETS
    years = evaluation.years()
    if year is None:
        if not years:
            raise InputError("year", None, "there is no evaluated unit to report on")
        year = years[-1]
    if book is None:
        from antq.safety import default_rulebook

        book = default_rulebook()
    sections = []
    for province in evaluation.provinces(year):
        summary = evaluation.province_summary(year, province, top=top)
        communes = tuple(
            CommuneSection(result=c, summary=c.summary(top=top))
            for c in evaluation.communes_of(year, province)
        )
        sections.append(
            ProvinceSection(
                name=province,
                summary=summary,
                safe_figures=safe_standard_observations(summary),
                communes=communes,
            )
        )
    rounds = Counter(u.verdict.year for u in evaluation.units if u.verdict.year != year)
    inputs = book.inputs(computed=True)
    return Report(
        year=year,
        generated=generated or date.today(),
        title=title,
        sections=tuple(sections),
        indicators=tuple(targets.check(o) for o in observations),
        errors=evaluation.errors,
        notices=evaluation.notices,
        rule_sets=tuple(
            sorted({u.verdict.rule_set for u in evaluation.units if u.verdict.year == year})
        ),
        other_rounds=FrozenMap(dict(sorted(rounds.items()))),
        input_labels=FrozenMap({name: inp.label for name, inp in inputs.items()}),
        top=top,
    )


# --------------------------------------------------------------------------- blocks


@attrs.frozen
class Heading:
    level: int
    text: str


@attrs.frozen
class Paragraph:
    text: str


@attrs.frozen
class Items:
    items: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Table:
    """A table of text; ``numeric`` marks the columns to align right."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()


@attrs.frozen(kw_only=True)
class StackedChart:
    """Bars split by outcome: ``legend`` names the parts, each row gives their counts."""

    title: str
    legend: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    #: The language the counts are written in ("1.234" or "1,234").
    lang: Lang = "vi"


@attrs.frozen(kw_only=True)
class BarChart:
    """One bar per row: a label and a count."""

    title: str
    rows: tuple[tuple[str, int], ...]
    #: The language the counts are written in ("1.234" or "1,234").
    lang: Lang = "vi"


Block: TypeAlias = Heading | Paragraph | Items | Table | StackedChart | BarChart

TITLE = Msg('Report on the "safe for security and order" standard, round {year}')
_DATE_LINE = Msg("Date of the report: {date}")
_RULE_SETS = Msg("Rule sets applied: {rule_sets}")
_OTHER_ROUNDS = Msg("Units of other rounds are left out of this report: {rounds}")
_ROUND_COUNT = Msg("{count} unit(s) of round {year}")
_NO_PROVINCE = Msg("Units with no province")
_BY_KIND = Msg("Units by kind")
_FIGURES = Msg("Safe-standard figures")
_COMMUNES = Msg("Communes")
_MOST_FAILED = Msg("Criteria most often not met")
_CLOSEST = Msg("Units closest to meeting the standard")
_MISSING = Msg("Information most often missing")
_INDICATORS = Msg("Indicators and targets")
_NOTICES = Msg("Notes")
_ERRORS = Msg("Input errors")
_ERROR_COUNT = Msg("{count} unit(s) or row(s) could not be read; every other unit was evaluated")
_MORE = Msg("{count} more not shown")
_NONE = Msg("None.")
_FOOTER = Msg(
    "Made by antq {version}. A missing fact is never counted as met: units whose verdict is unknown are counted apart, and figures with them read as at least."
)
_UNIT_KIND = Msg("Unit kind")
_TOTAL = Msg("Total")
_ALL_KINDS = Msg("All kinds")
_MET_IN_SCOPE = Msg("Met, of the units in scope")
_COMMUNE = Msg("Commune")
_VERDICT = Msg("Verdict")
_AREAS_MET = Msg("Residential areas met")
_UNITS_MET = Msg("Units under it met")
_REGISTERED = Msg("Registered (roll-up)")
_RECOGNISED = Msg("Recognised (roll-up)")
_NOT_IN_INPUT = Msg("not in the input")
_CRITERION = Msg("Criterion")
_UNITS_NOT_MEETING = Msg("Units not meeting it")
_UNIT = Msg("Unit")
_FAILED = Msg("Criteria not met")
_LACKS = Msg("What it lacks")
_INPUT = Msg("Information")
_UNITS_MISSING = Msg("Units missing it")
_INDICATOR = Msg("Indicator")
_REPORTING_UNIT = Msg("Reporting unit")
_PERIOD = Msg("Period")
_FIGURE = Msg("Figure")
_TARGET = Msg("Target")
_RESULT = Msg("Result")
_NO_TARGET = Msg("no target")
_CHART_COMMUNES = Msg("Units met and not met, by commune")
_CHART_FAILED = Msg("Criteria most often not met (units)")
_RANGE = Msg("{low} to {high} of {total}")
_TARGET_NOTE = Msg("Target {target} ({instrument}; {confirmation}): {note}")


def _m(msg: Msg, lang: Lang, **params: Any) -> str:
    if not params:
        return msg.render(lang)
    return Reason(template=msg, params=params).render(lang)


def period_text(period: Period, lang: Lang) -> str:
    """A period as reports write it: "16/11/2024 – 15/11/2025"."""
    start = formatting.format_date(period.start, lang)
    return f"{start} – {formatting.format_date(period.end, lang)}"


def met_text(counts: OutcomeCounts, lang: Lang) -> str:
    """MET out of the units in scope, "17/25 (68,0%)", or "-" when none is in scope."""
    if not counts.in_scope:
        return "-"
    return formatting.format_ratio(counts.met, counts.in_scope, lang)


def number(value: int, lang: Lang) -> str:
    return formatting.format_number(value, lang)


def title_text(report: Report, lang: Lang) -> str:
    """The report's title in ``lang``."""
    if report.title is not None:
        return report.title.render(lang)
    return TITLE.render(lang).format(year=report.year)


def _range(low: int | None, high: int | None, total: int, lang: Lang) -> str:
    if low is None or high is None:
        return "-"
    if low == high:
        return formatting.format_ratio(low, total, lang)
    return _m(_RANGE, lang, low=low, high=high, total=total)


def _kind_table(summary: Summary, lang: Lang) -> Table:
    from antq.hierarchy import KIND_ORDER

    outcomes = tuple(Outcome)
    rows = []
    for kind in KIND_ORDER:
        if kind not in summary.by_kind:
            continue
        counts = summary.by_kind[kind]
        rows.append(
            (
                kind.label(lang),
                number(counts.total, lang),
                *(number(counts.count(o), lang) for o in outcomes),
                met_text(counts, lang),
            )
        )
    total = summary.total
    rows.append(
        (
            _ALL_KINDS.render(lang),
            number(total.total, lang),
            *(number(total.count(o), lang) for o in outcomes),
            met_text(total, lang),
        )
    )
    headers = (
        _UNIT_KIND.render(lang),
        _TOTAL.render(lang),
        *(o.label(lang) for o in outcomes),
        _MET_IN_SCOPE.render(lang),
    )
    return Table(headers=headers, rows=tuple(rows), numeric=(False, *([True] * 6)))


def _commune_blocks(section: ProvinceSection, lang: Lang) -> list[Block]:
    if not section.communes:
        return []
    found: list[Block] = [Heading(3, _COMMUNES.render(lang))]
    legend = tuple(o.label(lang) for o in Outcome)
    found.append(
        StackedChart(
            title=_CHART_COMMUNES.render(lang),
            legend=legend,
            rows=tuple(
                (
                    c.result.label,
                    tuple(c.summary.total.count(o) for o in Outcome),
                )
                for c in section.communes
            ),
            lang=lang,
        )
    )
    rows = []
    for c in section.communes:
        result = c.result
        verdict = (
            result.verdict.outcome.label(lang)
            if result.verdict is not None
            else _NOT_IN_INPUT.render(lang)
        )
        counts = result.counts
        rows.append(
            (
                result.label,
                verdict,
                met_text(c.summary.counts(UnitKind.RESIDENTIAL_AREA), lang),
                met_text(c.summary.total, lang),
                "-"
                if counts is None
                else _range(counts.registered_min, counts.registered_max, counts.total, lang),
                "-"
                if counts is None
                else _range(counts.recognised_min, counts.recognised_max, counts.total, lang),
            )
        )
    found.append(
        Table(
            headers=(
                _COMMUNE.render(lang),
                _VERDICT.render(lang),
                _AREAS_MET.render(lang),
                _UNITS_MET.render(lang),
                _REGISTERED.render(lang),
                _RECOGNISED.render(lang),
            ),
            rows=tuple(rows),
            numeric=(False, False, True, True, True, True),
        )
    )
    return found


def _summary_lists(
    summary: Summary, report: Report, lang: Lang, communes: Mapping[str, str]
) -> list[Block]:
    found: list[Block] = [Heading(3, _MOST_FAILED.render(lang))]
    if summary.most_failed:
        found.append(
            BarChart(
                title=_CHART_FAILED.render(lang),
                rows=tuple((t.title.render(lang), t.count) for t in summary.most_failed),
                lang=lang,
            )
        )
        found.append(
            Table(
                headers=(
                    _CRITERION.render(lang),
                    _UNIT_KIND.render(lang),
                    _UNITS_NOT_MEETING.render(lang),
                ),
                rows=tuple(
                    (t.title.render(lang), t.kind.label(lang), number(t.count, lang))
                    for t in summary.most_failed
                ),
                numeric=(False, False, True),
            )
        )
    else:
        found.append(Paragraph(_NONE.render(lang)))
    found.append(Heading(3, _CLOSEST.render(lang)))
    if summary.closest:
        found.append(
            Table(
                headers=(
                    _UNIT.render(lang),
                    _UNIT_KIND.render(lang),
                    _COMMUNE.render(lang),
                    _FAILED.render(lang),
                    _LACKS.render(lang),
                ),
                rows=tuple(
                    (
                        m.verdict.name or m.verdict.unit_id,
                        m.verdict.kind.label(lang),
                        communes.get(m.verdict.commune or "", m.verdict.commune or "-"),
                        number(len(m.failed), lang),
                        m.lacks(lang),
                    )
                    for m in summary.closest
                ),
                numeric=(False, False, False, True, False),
            )
        )
    else:
        found.append(Paragraph(_NONE.render(lang)))
    found.append(Heading(3, _MISSING.render(lang)))
    if summary.most_missing:
        found.append(
            Table(
                headers=(_INPUT.render(lang), _UNITS_MISSING.render(lang)),
                rows=tuple(
                    (input_label(t.name, report, lang), number(t.count, lang))
                    for t in summary.most_missing
                ),
                numeric=(False, True),
            )
        )
    else:
        found.append(Paragraph(_NONE.render(lang)))
    return found


def input_label(name: str, report: Report, lang: Lang) -> str:
    """An input's label with its name: "households registered (households_registered)"."""
    label = report.input_labels.get(name)
    return f"{label.render(lang)} ({name})" if label is not None else name


def _indicator_blocks(report: Report, lang: Lang) -> list[Block]:
    if not report.indicators:
        return []
    rows = []
    notes: dict[str, None] = {}
    for check in report.indicators:
        seen = check.observation
        target = check.target
        rows.append(
            (
                seen.indicator.label(lang),
                seen.unit,
                period_text(seen.period, lang),
                seen.render(lang),
                _NO_TARGET.render(lang) if target is None else target.describe(lang),
                check.outcome.label(lang),
            )
        )
        if target is not None:
            note = target.note.render(lang) if target.note is not None else "-"
            notes.setdefault(
                _m(
                    _TARGET_NOTE,
                    lang,
                    target=target.describe(lang),
                    instrument=target.instrument or "-",
                    confirmation=target.confirmation.label(lang),
                    note=note,
                ),
                None,
            )
    found: list[Block] = [
        Heading(2, _INDICATORS.render(lang)),
        Table(
            headers=(
                _INDICATOR.render(lang),
                _REPORTING_UNIT.render(lang),
                _PERIOD.render(lang),
                _FIGURE.render(lang),
                _TARGET.render(lang),
                _RESULT.render(lang),
            ),
            rows=tuple(rows),
            numeric=(False, False, False, True, False, False),
        ),
    ]
    if notes:
        found.append(Items(tuple(notes)))
    return found


def blocks(report: Report, lang: Lang) -> tuple[Block, ...]:
    """The report as a sequence of blocks in ``lang``, for the text, Markdown and HTML writers."""
    from antq import __version__

    found: list[Block] = [
        Heading(1, title_text(report, lang)),
        Paragraph(
            _m(_DATE_LINE, lang, date=formatting.format_date(report.generated, lang, "long"))
        ),
        Paragraph(_m(_RULE_SETS, lang, rule_sets=", ".join(report.rule_sets) or "-")),
    ]
    if report.other_rounds:
        rounds = "; ".join(
            _m(_ROUND_COUNT, lang, count=count, year=str(year))
            for year, count in report.other_rounds.items()
        )
        found.append(Paragraph(_m(_OTHER_ROUNDS, lang, rounds=rounds)))
    for section in report.sections:
        found.append(Heading(2, section.name or _NO_PROVINCE.render(lang)))
        found.append(Heading(3, _BY_KIND.render(lang)))
        found.append(_kind_table(section.summary, lang))
        if section.safe_figures:
            found.append(Heading(3, _FIGURES.render(lang)))
            found.append(
                Items(
                    tuple(
                        f"{o.indicator.label(lang)}: {o.render(lang)}" for o in section.safe_figures
                    )
                )
            )
        found += _commune_blocks(section, lang)
        names = {c.result.commune_id: c.result.label for c in section.communes}
        found += _summary_lists(section.summary, report, lang, names)
    found += _indicator_blocks(report, lang)
    if report.notices:
        found.append(Heading(2, _NOTICES.render(lang)))
        found.append(Items(tuple(n.render(lang) for n in report.notices)))
    if report.errors:
        found.append(Heading(2, _ERRORS.render(lang)))
        found.append(Paragraph(_m(_ERROR_COUNT, lang, count=len(report.errors))))
        listed = tuple(str(e) for e in report.errors[:MAX_ERRORS_LISTED])
        more = len(report.errors) - len(listed)
        found.append(Items(listed + ((_m(_MORE, lang, count=more),) if more > 0 else ())))
    found.append(Paragraph(_m(_FOOTER, lang, version=__version__)))
    return tuple(found)


def render_report(report: Report, fmt: str, lang: Lang) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`) and language ``lang``."""
    if lang not in LANGS:
        raise InputError("lang", lang, "unknown language; expected 'vi' or 'en'")
    if fmt == "text":
        from antq.report.text import render_text

        return render_text(report, lang)
    if fmt == "markdown":
        from antq.report.markdown import render_markdown

        return render_markdown(report, lang)
    if fmt == "json":
        from antq.report.json_report import render_json

        return render_json(report, lang)
    if fmt == "html":
        from antq.report.html import render_html

        return render_html(report, lang)
    raise InputError("format", fmt, f"unknown report format; expected one of: {', '.join(FORMATS)}")
