"""Verdicts written as JSON Lines or CSV, one unit a line."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from antq.core.outcome import Outcome
from antq.core.verdict import Verdict

#: Columns of the verdicts CSV, in order.
VERDICT_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "year",
    "name",
    "commune",
    "rule_set",
    "outcome",
    "failed",
    "unknown",
    "missing",
)


def verdict_row(verdict: Verdict) -> dict[str, object]:
    """The one-row summary of a verdict: ids of the failed and unknown criteria, missing inputs.

    >>> from antq import UnitFacts, UnitKind, evaluate
    >>> v = evaluate(UnitFacts(unit_id="KDC-1", kind=UnitKind.RESIDENTIAL_AREA, year=2025,
    ...                        values={"registered_q1": False}))
    >>> row = verdict_row(v)
    >>> row["outcome"], row["failed"]
    ('not_met', ['tt124.residential-area.registration'])
    """
    NOT_MET, UNKNOWN = Outcome.NOT_MET, Outcome.UNKNOWN
    # A verdict is MET only when no criterion is NOT_MET or UNKNOWN (and only an UNKNOWN one
    # misses inputs), so most rows need no criterion decided again.
    outcomes = () if verdict.outcome is Outcome.MET else verdict.outcomes()
    return {
        "id": verdict.unit_id,
        "kind": verdict.kind.code,
        "year": verdict.year,
        "name": verdict.name,
        "commune": verdict.commune,
        "rule_set": verdict.rule_set,
        "outcome": verdict.outcome.code,
        "failed": [c for c, outcome, _ in outcomes if outcome is NOT_MET],
        "unknown": [c for c, outcome, _ in outcomes if outcome is UNKNOWN],
        "missing": list(dict.fromkeys(m for _, _, missing in outcomes for m in missing)),
    }


def write_verdicts_jsonl(verdicts: Iterable[Verdict], out: TextIO, *, full: bool = False) -> int:
    """Write one JSON object per line and return how many were written.

    Each line is :func:`verdict_row`; with ``full`` it is the whole verdict
    (:meth:`~antq.core.verdict.Verdict.to_json`), which reads back with
    :meth:`antq.Verdict.from_json`.
    """
    written = 0
    for verdict in verdicts:
        data = verdict.to_json() if full else verdict_row(verdict)
        out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        written += 1
    return written


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A value as a verdicts-CSV cell (lists joined with ``;``, formulas defused)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    text = str(value)
    # A spreadsheet would run a cell starting with "=" as a formula; quote it.
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_verdicts_csv(verdicts: Iterable[Verdict], out: TextIO) -> int:
    """Write a header and one row per verdict (:data:`VERDICT_COLUMNS`); return the row count.

    Lists are joined with ``;``. Text starting with ``=``, ``+``, ``-`` or
    ``@`` is written after a ``'`` so that spreadsheets do not run it.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(VERDICT_COLUMNS)
    written = 0
    for verdict in verdicts:
        row = verdict_row(verdict)
        writer.writerow([csv_cell(row[c]) for c in VERDICT_COLUMNS])
        written += 1
    return written
