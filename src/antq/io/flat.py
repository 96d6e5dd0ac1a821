"""A round's results as flat records, for analysis (pandas, a database, a spreadsheet).

Three kinds of record, each a plain ``dict`` with the same keys every time, in
the order of its ``*_COLUMNS`` tuple; the keys are stable (they do not change
with the language, only the labels and reasons do):

* :func:`unit_records`: one per unit (:data:`UNIT_RECORD_COLUMNS`);
* :func:`criterion_records`: one per unit and criterion (:data:`CRITERION_RECORD_COLUMNS`);
* :func:`commune_records`: one per commune of a round (:data:`COMMUNE_RECORD_COLUMNS`).

Values are ``str``, ``int`` or None; lists are joined with a semicolon and several
reasons with a new line, so that every record fits one row. antq does not
depend on pandas; with it::

    import pandas as pd
    from antq.io.flat import criterion_records
    frame = pd.DataFrame.from_records(criterion_records(verdicts, lang="vi"))

>>> from antq import UnitFacts, UnitKind, evaluate
>>> verdict = evaluate(UnitFacts(unit_id="KDC-1", kind=UnitKind.RESIDENTIAL_AREA, year=2025,
...                              values={"registered_q1": False}))
>>> record = next(unit_records([verdict], lang="en"))
>>> record["outcome"], record["outcome_label"], record["not_met"]
('not_met', 'not met', 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from antq.core.outcome import Outcome
from antq.core.verdict import Verdict
from antq.vocabulary import Lang

__all__ = [
    "COMMUNE_RECORD_COLUMNS",
    "CRITERION_RECORD_COLUMNS",
    "UNIT_RECORD_COLUMNS",
    "Record",
    "commune_records",
    "criterion_records",
    "unit_records",
]

#: A flat record: column name to a value.
Record = dict[str, str | int | None]

#: The keys of :func:`unit_records`, in order.
UNIT_RECORD_COLUMNS: tuple[str, ...] = (
    "unit_id",
    "kind",
    "kind_label",
    "year",
    "name",
    "commune",
    "rule_set",
    "instrument",
    "period_start",
    "period_end",
    "outcome",
    "outcome_label",
    "met",
    "not_met",
    "unknown",
    "not_applicable",
    "not_met_criteria",
    "unknown_criteria",
    "missing_inputs",
    "not_met_reasons",
    "unknown_reasons",
)
#: The keys of :func:`criterion_records`, in order.
CRITERION_RECORD_COLUMNS: tuple[str, ...] = (
    "unit_id",
    "kind",
    "year",
    "name",
    "commune",
    "rule_set",
    "criterion_id",
    "criterion",
    "citation",
    "outcome",
    "outcome_label",
    "reason",
    "missing_inputs",
)
#: The keys of :func:`commune_records`, in order.
COMMUNE_RECORD_COLUMNS: tuple[str, ...] = (
    "commune_id",
    "name",
    "province",
    "year",
    "outcome",
    "outcome_label",
    "units",
    "units_met",
    "units_not_met",
    "units_unknown",
    "units_not_applicable",
    "units_unreadable",
)


def _joined(items: Iterable[str]) -> str:
    return "; ".join(items)


def unit_records(verdicts: Iterable[Verdict], *, lang: Lang = "vi") -> Iterator[Record]:
    """One record per verdict (:data:`UNIT_RECORD_COLUMNS`), labels and reasons in ``lang``."""
    for verdict in verdicts:
        counts = dict.fromkeys(Outcome, 0)
        for result in verdict.all_results():
            counts[result.outcome] += 1

        def reasons(outcome: Outcome, verdict: Verdict = verdict) -> str:
            return "\n".join(
                f"{r.title.render(lang)}: {r.reason.render(lang)}"
                for r in verdict.with_outcome(outcome)
            )

        yield {
            "unit_id": verdict.unit_id,
            "kind": verdict.kind.code,
            "kind_label": verdict.kind.label(lang),
            "year": verdict.year,
            "name": verdict.name,
            "commune": verdict.commune,
            "rule_set": verdict.rule_set,
            "instrument": verdict.instrument,
            "period_start": verdict.period.start.isoformat(),
            "period_end": verdict.period.end.isoformat(),
            "outcome": verdict.outcome.code,
            "outcome_label": verdict.outcome.label(lang),
            "met": counts[Outcome.MET],
            "not_met": counts[Outcome.NOT_MET],
            "unknown": counts[Outcome.UNKNOWN],
            "not_applicable": counts[Outcome.NOT_APPLICABLE],
            "not_met_criteria": _joined(
                r.criterion_id for r in verdict.with_outcome(Outcome.NOT_MET)
            ),
            "unknown_criteria": _joined(
                r.criterion_id for r in verdict.with_outcome(Outcome.UNKNOWN)
            ),
            "missing_inputs": _joined(verdict.missing_inputs),
            "not_met_reasons": reasons(Outcome.NOT_MET),
            "unknown_reasons": reasons(Outcome.UNKNOWN),
        }


def criterion_records(verdicts: Iterable[Verdict], *, lang: Lang = "vi") -> Iterator[Record]:
    """One record per unit and criterion (:data:`CRITERION_RECORD_COLUMNS`), eligibility first."""
    for verdict in verdicts:
        for result in verdict.all_results():
            yield {
                "unit_id": verdict.unit_id,
                "kind": verdict.kind.code,
                "year": verdict.year,
                "name": verdict.name,
                "commune": verdict.commune,
                "rule_set": verdict.rule_set,
                "criterion_id": result.criterion_id,
                "criterion": result.title.render(lang),
                "citation": result.citation.render(lang),
                "outcome": result.outcome.code,
                "outcome_label": result.outcome.label(lang),
                "reason": result.reason.render(lang),
                "missing_inputs": _joined(result.missing),
            }


def commune_records(communes: Iterable[Any], *, lang: Lang = "vi") -> Iterator[Record]:
    """One record per commune (:data:`COMMUNE_RECORD_COLUMNS`).

    ``communes`` are :class:`antq.safety.hierarchy.CommuneResult` (any object with
    their attributes): the commune's own outcome, and its units counted by outcome.
    """
    for commune in communes:
        verdict = commune.verdict
        units: tuple[Verdict, ...] = tuple(commune.units)
        tally = dict.fromkeys(Outcome, 0)
        for unit in units:
            tally[unit.outcome] += 1
        yield {
            "commune_id": commune.commune_id,
            "name": commune.name,
            "province": commune.province,
            "year": commune.year,
            "outcome": verdict.outcome.code if verdict is not None else None,
            "outcome_label": verdict.outcome.label(lang) if verdict is not None else None,
            "units": len(units),
            "units_met": tally[Outcome.MET],
            "units_not_met": tally[Outcome.NOT_MET],
            "units_unknown": tally[Outcome.UNKNOWN],
            "units_not_applicable": tally[Outcome.NOT_APPLICABLE],
            "units_unreadable": len(commune.unreadable),
        }
