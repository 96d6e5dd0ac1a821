"""A round's results as files for people: a workbook, or CSV, with labels and reasons.

These are ``antq evaluate --format xlsx|results-csv``; the rows are those of
:func:`antq.io.flat.unit_records`.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from antq.core.verdict import Verdict
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.io.flat import UNIT_RECORD_COLUMNS, unit_records
from antq.io.xlsx import replace_atomically, write_results_xlsx
from antq.vocabulary import Lang

__all__ = ["RESULT_FORMATS", "write_results", "write_results_csv"]

#: The results formats of ``antq evaluate`` that this module writes.
RESULT_FORMATS: tuple[str, ...] = ("xlsx", "results-csv")


def write_results_csv(verdicts: Iterable[Verdict], out: TextIO, *, lang: Lang = "vi") -> int:
    """Write one row per unit (:data:`~antq.io.flat.UNIT_RECORD_COLUMNS`), labels and reasons in ``lang``.

    Text that a spreadsheet would run as a formula is written after a ``'``.
    Returns the number of rows.
    """

    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(UNIT_RECORD_COLUMNS)
    count = 0
    for record in unit_records(verdicts, lang=lang):
        writer.writerow([_csv_text(record[c]) for c in UNIT_RECORD_COLUMNS])
        count += 1
    return count


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text


def write_results(
    fmt: str,
    output: Path | None,
    verdicts: Sequence[Verdict],
    *,
    communes: Iterable[Any] = (),
    lang: Lang = "vi",
    out: TextIO = sys.stdout,
) -> None:
    """Write results as ``fmt`` (:data:`RESULT_FORMATS`) to ``output``, or ``out`` for CSV.

    The CSV file starts with a byte-order mark, so that spreadsheets on
    Windows read its Vietnamese text as UTF-8; on standard output it does not.
    """

    if fmt == "xlsx":
        if output is None or str(output) == "-":
            raise InputError(
                "--output", output, Msg("a workbook needs a file: give --output NAME.xlsx")
            )
        write_results_xlsx(output, verdicts, communes=communes, lang=lang)
        return
    if output is None or str(output) == "-":
        write_results_csv(verdicts, out, lang=lang)
        return
    buffer = io.StringIO()
    write_results_csv(verdicts, buffer, lang=lang)

    def write(target: Path) -> None:
        target.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")

    replace_atomically(Path(output), write)
