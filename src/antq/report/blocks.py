"""A report as blocks in a language: headings, paragraphs, tables, lists and charts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from antq import __version__
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.reasons import Reason
from antq.core.unit_kinds import UnitKind
from antq.errors import CitationError
from antq.i18n import formatting
from antq.i18n.catalog import Msg
from antq.law.registry import get_instrument
from antq.report.annex import annex_figures
from antq.report.indicators import SAFE_INDICATORS
from antq.report.model import (
    BarChart,
    Block,
    CommuneSection,
    Heading,
    Items,
    Paragraph,
    ProvinceSection,
    Report,
    StackedChart,
    Table,
)
from antq.report.previous import met_change, rate_change
from antq.safety.hierarchy import KIND_ORDER, OutcomeCounts
from antq.vocabulary import Lang

if TYPE_CHECKING:  # imported when used, so that the command line starts fast
    from antq.report.indicators import Observation
    from antq.safety.hierarchy import OutcomeCounts, Summary


#: Input errors listed in a report; the rest are counted.
MAX_ERRORS_LISTED = 50


def instrument_names(report: Report, lang: Lang) -> tuple[str, ...]:
    """The instruments of the rule sets applied, by name: "Thông tư 124/2021/TT-BCA"."""

    names = []
    for key in report.instruments:
        try:
            names.append(get_instrument(key).name(lang))
        except CitationError:  # an instrument of a rule set defined outside antq
            names.append(key)
    return tuple(names)


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
_CHART_COMMUNES = Msg("Share of the units in scope met, by commune (%)")
_THRESHOLD = Msg("{percent}%: the share of units recognised a commune must reach")
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
    """MET out of the units in scope, "17/25 (68%)", or "-" when none is in scope."""
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


_COMPARED = Msg("Compared with the same period of {year}")
_COMPARED_NOTE = Msg(
    'Figures are compared with the same period of {year} (the previous round); "-" marks a figure the previous round does not have.'
)


def _compared(report: Report, lang: Lang) -> tuple[str, ...]:
    """The header of the comparison column, if the report has a previous round."""
    if report.previous is None:
        return ()
    return (_m(_COMPARED, lang, year=str(report.previous.year)),)


def _kind_table(summary: Summary, report: Report, lang: Lang) -> Table:

    outcomes = tuple(Outcome)
    previous = report.previous
    before: Mapping[UnitKind, OutcomeCounts] | None = None
    if previous is not None:
        before = previous.provinces.get(summary.name)

    def change(counts: OutcomeCounts, was: OutcomeCounts | None) -> tuple[str, ...]:

        if previous is None:
            return ()
        return (met_change(counts, was, lang),)

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
                *change(counts, None if before is None else before.get(kind)),
            )
        )
    total = summary.total
    was_total = None
    if before is not None:
        was_total = OutcomeCounts()
        for counts in before.values():
            was_total = was_total + counts
    rows.append(
        (
            _ALL_KINDS.render(lang),
            number(total.total, lang),
            *(number(total.count(o), lang) for o in outcomes),
            met_text(total, lang),
            *change(total, was_total),
        )
    )
    headers = (
        _UNIT_KIND.render(lang),
        _TOTAL.render(lang),
        *(o.label(lang) for o in outcomes),
        _MET_IN_SCOPE.render(lang),
        *_compared(report, lang),
    )
    return Table(headers=headers, rows=tuple(rows), numeric=(False, *([True] * (len(headers) - 1))))


#: The outcomes of the units in scope, in the order charts stack them.
IN_SCOPE: tuple[Outcome, ...] = (Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN)
#: The share of units recognised a commune must reach (Thông tư 124/2021/TT-BCA), in percent.
COMMUNE_THRESHOLD = 70


def ranked_communes(section: ProvinceSection) -> tuple[CommuneSection, ...]:
    """The communes by the share of their units met, highest first (none in scope: last)."""

    def key(c: CommuneSection) -> tuple[bool, Fraction, str]:
        share = c.summary.total.met_share()
        return (share is None, -(share or Fraction(0)), c.result.label)

    return tuple(sorted(section.communes, key=key))


def _commune_blocks(section: ProvinceSection, report: Report, lang: Lang) -> list[Block]:
    if not section.communes:
        return []
    found: list[Block] = [Heading(3, _COMMUNES.render(lang))]
    communes = ranked_communes(section)
    # Summary.total adds its kinds up each time it is read: once a commune here.
    totals = [c.summary.total for c in communes]
    found.append(
        StackedChart(
            title=_CHART_COMMUNES.render(lang),
            legend=tuple(o.label(lang) for o in IN_SCOPE),
            rows=tuple(
                (c.result.label, tuple(map(total.count, IN_SCOPE)))
                for c, total in zip(communes, totals, strict=True)
            ),
            lang=lang,
            percent=True,
            threshold=COMMUNE_THRESHOLD,
            threshold_label=_m(_THRESHOLD, lang, percent=COMMUNE_THRESHOLD),
        )
    )
    rows = []
    for c, total in zip(communes, totals, strict=True):
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
                met_text(total, lang),
                "-"
                if counts is None
                else _range(counts.registered_min, counts.registered_max, counts.total, lang),
                "-"
                if counts is None
                else _range(counts.recognised_min, counts.recognised_max, counts.total, lang),
                *_commune_change(c, report, lang),
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
                *_compared(report, lang),
            ),
            rows=tuple(rows),
            numeric=(
                False,
                False,
                True,
                True,
                True,
                True,
                *(True for _ in _compared(report, lang)),
            ),
        )
    )
    return found


_COMPARED_ITEM = Msg("compared with the same period of {year}: {change}")


def _figure_change(
    figure: Observation, section: ProvinceSection, report: Report, lang: Lang
) -> str:
    """ ", so với cùng kỳ năm 2024: tăng 2 …" after a safe-standard figure (empty: no previous)."""

    previous = report.previous
    if previous is None:
        return ""
    kinds = {indicator: kind for kind, indicator in SAFE_INDICATORS.items()}
    before = previous.provinces.get(section.name, {}).get(kinds[figure.indicator])
    change = met_change(section.summary.counts(kinds[figure.indicator]), before, lang)
    return "; " + _m(_COMPARED_ITEM, lang, year=str(previous.year), change=change)


def _commune_change(c: CommuneSection, report: Report, lang: Lang) -> tuple[str, ...]:

    if report.previous is None:
        return ()
    return (met_change(c.summary.total, report.previous.communes.get(c.result.commune_id), lang),)


def _summary_lists(
    summary: Summary, report: Report, lang: Lang, communes: Mapping[str, str]
) -> list[Block]:
    found: list[Block] = [Heading(3, _MOST_FAILED.render(lang))]
    if summary.most_failed:
        found.append(
            BarChart(
                title=_CHART_FAILED.render(lang),
                rows=tuple(
                    (f"{t.title.render(lang)} ({t.kind.label(lang)})", t.count)
                    for t in summary.most_failed
                ),
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
    previous = report.previous
    for check in report.indicators:
        seen = check.observation
        target = check.target
        change: tuple[str, ...] = ()
        if previous is not None:
            was = previous.indicators.get((seen.indicator.code, seen.unit))
            change = (rate_change(seen.numerator, seen.denominator, was, lang),)
        rows.append(
            (
                seen.indicator.label(lang),
                seen.unit,
                period_text(seen.period, lang),
                seen.render(lang, thresholds=() if target is None else (target.threshold,)),
                _NO_TARGET.render(lang) if target is None else target.describe(lang),
                check.outcome.label(lang),
                *change,
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
                *_compared(report, lang),
            ),
            rows=tuple(rows),
            numeric=(
                False,
                False,
                False,
                True,
                False,
                False,
                *(True for _ in _compared(report, lang)),
            ),
        ),
    ]
    if notes:
        found.append(Items(tuple(notes)))
    return found


def body_blocks(report: Report, lang: Lang) -> tuple[Block, ...]:
    """The body of the report in ``lang``: title, figures, lists, indicators, notes, errors."""
    found: list[Block] = [
        Heading(1, title_text(report, lang)),
        Paragraph(
            _m(_DATE_LINE, lang, date=formatting.format_date(report.generated, lang, "long"))
        ),
        Paragraph(_m(_RULE_SETS, lang, rule_sets=", ".join(instrument_names(report, lang)) or "-")),
    ]
    if report.other_rounds:
        rounds = "; ".join(
            _m(_ROUND_COUNT, lang, count=count, year=str(year))
            for year, count in report.other_rounds.items()
        )
        found.append(Paragraph(_m(_OTHER_ROUNDS, lang, rounds=rounds)))
    if report.previous is not None:
        found.append(Paragraph(_m(_COMPARED_NOTE, lang, year=str(report.previous.year))))
    for section in report.sections:
        found.append(Heading(2, section.name or _NO_PROVINCE.render(lang)))
        found.append(Heading(3, _BY_KIND.render(lang)))
        found.append(_kind_table(section.summary, report, lang))
        if section.safe_figures:
            found.append(Heading(3, _FIGURES.render(lang)))
            found.append(
                Items(
                    tuple(
                        f"{o.indicator.label(lang)}: {o.render(lang)}"
                        + _figure_change(o, section, report, lang)
                        for o in section.safe_figures
                    )
                )
            )
        found += _commune_blocks(section, report, lang)
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
    return tuple(found)


_ANNEX = Msg("Annex: units not met or whose verdict is unknown")
_ANNEX_INTRO = Msg(
    "{count} unit(s) not met or unknown, by commune, with each criterion not met or not decided: the reason, the provision and the information missing."
)
_ANNEX_NONE = Msg("Every unit met the standard or is outside its scope.")
_NO_COMMUNE = Msg("Units with no commune")
_PROVISION = Msg("Provision")
_REASON = Msg("Reason")
_MISSING_INFO = Msg("Information missing")


def annex_title(lang: Lang) -> str:
    """The heading of the annex."""
    return _ANNEX.render(lang)


def annex_blocks(report: Report, lang: Lang) -> tuple[Block, ...]:
    """The annex: every unit not met or unknown, a table per commune, a row per criterion."""
    return tuple(iter_annex_blocks(report, lang))


def iter_annex_blocks(report: Report, lang: Lang) -> Iterator[Block]:
    """The blocks of :func:`annex_blocks`, made one commune at a time (a long annex streams)."""
    yield Heading(2, annex_title(lang))
    count, provinces = annex_figures(report.annex)
    if not count:
        yield Paragraph(_ANNEX_NONE.render(lang))
        return
    yield Paragraph(_m(_ANNEX_INTRO, lang, count=count))
    for group in report.annex:
        label = group.label if group.commune_id is not None else _NO_COMMUNE.render(lang)
        if len(provinces) > 1 and group.province is not None:
            label = f"{label} ({group.province})"
        rows = []
        for unit in group.units:
            v = unit.verdict
            first = f"{v.name or v.unit_id} ({v.kind.label(lang)}): {v.outcome.label(lang)}"
            for index, result in enumerate(unit.failing):
                where = result.citation.render(lang)
                if result.note is not None:
                    where = f"{where}; {result.note.render(lang)}"
                missing = "; ".join(input_label(m, report, lang) for m in result.missing)
                rows.append(
                    (
                        first if index == 0 else "",
                        f"{result.title.render(lang)} ({result.outcome.label(lang)})",
                        where,
                        result.reason.render(lang),
                        missing or "-",
                    )
                )
        yield Heading(3, label)
        yield Table(
            headers=(
                _UNIT.render(lang),
                _CRITERION.render(lang),
                _PROVISION.render(lang),
                _REASON.render(lang),
                _MISSING_INFO.render(lang),
            ),
            rows=tuple(rows),
            numeric=(False,) * 5,
        )


def footer_text(lang: Lang) -> str:
    """The last line of every report: antq's version and how unknowns are counted."""

    return _m(_FOOTER, lang, version=__version__)


def blocks(report: Report, lang: Lang) -> tuple[Block, ...]:
    """The report as a sequence of blocks in ``lang``, for the text, Markdown and HTML writers.

    The body (:func:`body_blocks`), the annex (:func:`annex_blocks`) and, last,
    the footer paragraph.
    """
    return tuple(iter_blocks(report, lang))


def iter_blocks(report: Report, lang: Lang) -> Iterator[Block]:
    """The blocks of :func:`blocks`, the annex made one commune at a time."""
    yield from body_blocks(report, lang)
    yield from iter_annex_blocks(report, lang)
    yield Paragraph(footer_text(lang))
