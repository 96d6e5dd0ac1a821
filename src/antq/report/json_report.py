"""The JSON report: the figures of the report as data, with text in the chosen language.

Codes (unit kinds, outcomes, criteria, indicators) are stable; ``label`` and
``text`` fields are written in the report's language. The layout version is
``antq_report``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from antq import __version__
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError, shown
from antq.i18n import formatting
from antq.io.batch import RowError
from antq.report import (
    ProvinceSection,
    Report,
    input_label,
    instrument_names,
    met_text,
    title_text,
)
from antq.report.annex import AnnexCommune
from antq.report.indicators import Observation, TargetCheck
from antq.report.previous import met_change, rate_change
from antq.safety.hierarchy import CommuneResult, NearMiss, OutcomeCounts, Summary
from antq.vocabulary import Lang

__all__ = ["REPORT_SCHEMA_VERSION", "iter_json", "render_json", "report_data"]

#: Version of the JSON report layout; bumped on any incompatible change.
REPORT_SCHEMA_VERSION = 1


def _period(period: Period) -> dict[str, str]:
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def _counts(counts: OutcomeCounts, lang: Lang) -> dict[str, Any]:
    data: dict[str, Any] = {o.code: counts.count(o) for o in Outcome}
    data.update(total=counts.total, in_scope=counts.in_scope, met_text=met_text(counts, lang))
    return data


def _observation(seen: Observation, lang: Lang) -> dict[str, Any]:
    return {
        "indicator": seen.indicator.code,
        "label": seen.indicator.label(lang),
        "unit": seen.unit,
        "period": _period(seen.period),
        "numerator": seen.numerator,
        "denominator": seen.denominator,
        "unknown": seen.unknown,
        "source": seen.source,
        "text": seen.render(lang),
    }


def _check(check: TargetCheck, lang: Lang) -> dict[str, Any]:
    data = _observation(check.observation, lang)
    target = check.target
    data["target"] = (
        None
        if target is None
        else {
            "percent": str(target.percent),
            "comparison": target.comparison.code,
            "text": target.describe(lang),
            "instrument": target.instrument,
            "confirmation": target.confirmation.code,
            "note": None if target.note is None else target.note.render(lang),
            "unit": target.unit,
        }
    )
    data["outcome"] = check.outcome.code
    data["outcome_label"] = check.outcome.label(lang)
    return data


def _indicator(check: TargetCheck, report: Report, lang: Lang) -> dict[str, Any]:

    data = _check(check, lang)
    if report.previous is not None:
        seen = check.observation
        was = report.previous.indicators.get((seen.indicator.code, seen.unit))
        data["change"] = rate_change(seen.numerator, seen.denominator, was, lang)
    return data


def _near(miss: NearMiss, lang: Lang) -> dict[str, Any]:
    v = miss.verdict
    return {
        "unit": v.unit_id,
        "name": v.name,
        "kind": v.kind.code,
        "commune": v.commune,
        "gap": miss.gap,
        "unknown_criteria": miss.unknown,
        "failed": [
            {
                "criterion": r.criterion_id,
                "title": r.title.render(lang),
                "reason": r.reason.render(lang),
            }
            for r in miss.failed
        ],
    }


def _summary(summary: Summary, report: Report, lang: Lang) -> dict[str, Any]:

    previous = report.previous
    before = None if previous is None else previous.provinces.get(summary.name, {})

    def change(kind: UnitKind, counts: OutcomeCounts) -> dict[str, str]:
        # The change since the previous round, as the text reports write it.
        if before is None:
            return {}
        return {"change": met_change(counts, before.get(kind), lang)}

    return {
        "by_kind": {
            kind.code: {
                "label": kind.label(lang),
                "period": _period(summary.periods[kind]),
                **_counts(counts, lang),
                **change(kind, counts),
            }
            for kind, counts in summary.by_kind.items()
        },
        "total": _counts(summary.total, lang),
        **_lists(summary, report, lang),
    }


def _lists(summary: Summary, report: Report, lang: Lang) -> dict[str, Any]:
    """The ranked lists of a summary: criteria most often not met, inputs, near misses."""
    return {
        "most_failed": [
            {
                "criterion": t.criterion_id,
                "title": t.title.render(lang),
                "kind": t.kind.code,
                "count": t.count,
            }
            for t in summary.most_failed
        ],
        "most_missing": [
            {"input": t.name, "label": input_label(t.name, report, lang), "count": t.count}
            for t in summary.most_missing
        ],
        "closest": [_near(m, lang) for m in summary.closest],
    }


def _commune(result: CommuneResult, summary: Summary, report: Report, lang: Lang) -> dict[str, Any]:
    counts = result.counts
    return {
        "id": result.commune_id,
        "name": result.name,
        "in_input": result.verdict is not None,
        "outcome": None if result.verdict is None else result.verdict.outcome.code,
        "outcome_label": None if result.verdict is None else result.verdict.outcome.label(lang),
        "rollup": None
        if counts is None
        else {
            "instrument": counts.instrument,
            "total": counts.total,
            "registered_min": counts.registered_min,
            "registered_max": counts.registered_max,
            "recognised_min": counts.recognised_min,
            "recognised_max": counts.recognised_max,
            "excluded": list(counts.excluded),
        },
        "units": {kind.code: _counts(c, lang) for kind, c in summary.by_kind.items()},
        **_lists(summary, report, lang),
    }


@attrs.frozen
class _Later:
    """A list of the report made an item at a time when it is written (never whole in memory)."""

    items: Callable[[], Iterable[Any]]


def _holds_later(value: Any) -> bool:
    return isinstance(value, dict) and any(isinstance(v, _Later) for v in value.values())


def _whole(value: Any) -> Any:
    """``value`` with every :class:`_Later` list made."""
    if isinstance(value, _Later):
        return [_whole(item) for item in value.items()]
    if _holds_later(value):
        return {key: _whole(item) for key, item in value.items()}
    return value


def _pieces(value: Any, depth: int) -> Iterator[str]:
    """``json.dumps(_whole(value), indent=2)`` in pieces, as written ``depth`` levels deep."""
    inside = "\n" + "  " * (depth + 1)
    if isinstance(value, _Later):
        opening = "["
        for item in value.items():
            yield opening + inside
            yield from _pieces(item, depth + 1)
            opening = ","
        yield "[]" if opening == "[" else "\n" + "  " * depth + "]"
    elif _holds_later(value):
        opening = "{"
        for key, item in value.items():
            yield opening + inside + json.dumps(key, ensure_ascii=False) + ": "
            yield from _pieces(item, depth + 1)
            opening = ","
        yield "\n" + "  " * depth + "}"
    else:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        # A JSON string holds no raw line feed, so every line is a line of the layout.
        yield text.replace("\n", "\n" + "  " * depth) if depth else text


def report_data(report: Report, lang: Lang) -> dict[str, Any]:
    """The report as JSON-ready data in ``lang``."""
    data: dict[str, Any] = _whole(_data(report, lang))
    return data


def _data(report: Report, lang: Lang) -> dict[str, Any]:
    """:func:`report_data` with its long lists (provinces, communes, annex) made when written."""

    def province(section: ProvinceSection) -> dict[str, Any]:
        return {
            "name": section.name,
            "summary": _summary(section.summary, report, lang),
            "safe_figures": [_observation(o, lang) for o in section.safe_figures],
            "communes": _Later(
                lambda: (_commune(c.result, c.summary, report, lang) for c in section.communes)
            ),
        }

    return {
        "antq_report": REPORT_SCHEMA_VERSION,
        "antq_version": __version__,
        "lang": lang,
        "title": title_text(report, lang),
        "year": report.year,
        "generated": report.generated.isoformat(),
        "generated_text": formatting.format_date(report.generated, lang, "long"),
        "rule_sets": list(report.rule_sets),
        "instruments": [
            {"key": key, "name": name}
            for key, name in zip(report.instruments, instrument_names(report, lang), strict=True)
        ],
        "labels": {
            "outcomes": {o.code: o.label(lang) for o in Outcome},
            "kinds": {k.code: k.label(lang) for k in UnitKind},
        },
        "other_rounds": {str(y): n for y, n in report.other_rounds.items()},
        "provinces": _Later(lambda: (province(section) for section in report.sections)),
        "previous_year": None if report.previous is None else report.previous.year,
        "indicators": [_indicator(c, report, lang) for c in report.indicators],
        "notices": [{"subject": n.subject, "text": n.reason.render(lang)} for n in report.notices],
        "errors": [_error(e) for e in report.errors],
        "annex": _Later(lambda: (_annex(group, report, lang) for group in report.annex)),
    }


def _annex(group: AnnexCommune, report: Report, lang: Lang) -> dict[str, Any]:
    """One commune of the annex: its units not met or unknown and their failing criteria."""
    return {
        "province": group.province,
        "commune": group.commune_id,
        "name": group.name,
        "units": [
            {
                "unit": u.verdict.unit_id,
                "name": u.verdict.name,
                "kind": u.verdict.kind.code,
                "outcome": u.verdict.outcome.code,
                "outcome_label": u.verdict.outcome.label(lang),
                "criteria": [
                    {
                        "criterion": r.criterion_id,
                        "title": r.title.render(lang),
                        "outcome": r.outcome.code,
                        "citation": r.citation.render(lang),
                        "reason": r.reason.render(lang),
                        "missing": [
                            {"input": m, "label": input_label(m, report, lang)} for m in r.missing
                        ],
                    }
                    for r in u.failing
                ],
            }
            for u in group.units
        ],
    }


def _error(error: InputError) -> dict[str, Any]:
    """An input error: its path, value (shown safely) and message; line and field of a row."""
    data: dict[str, Any] = {
        "path": error.path,
        "value": shown(error.value),
        "message": error.message,
    }
    if isinstance(error, RowError):
        data.update(source=error.source, line=error.line, field=error.field or None)
    return data


def render_json(report: Report, lang: Lang) -> str:
    """The report as indented JSON (UTF-8 text, not ASCII-escaped)."""
    return "".join(iter_json(report, lang))


def iter_json(report: Report, lang: Lang) -> Iterator[str]:
    """:func:`render_json` in pieces: the provinces, their communes and the annex an item at a time.

    The same text as ``json.dumps(report_data(...), indent=2)``: each item is
    written with the indentation it has inside the document.
    """
    yield from _pieces(_data(report, lang), 0)
    yield "\n"
