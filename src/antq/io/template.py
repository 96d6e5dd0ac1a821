"""Templates to fill in: a workbook or a CSV file with the right columns, and facts written into them.

:func:`write_facts_xlsx` writes a workbook in the layout :func:`antq.io.xlsx.read_xlsx`
reads: a sheet per unit kind (headers in Vietnamese, or English), a notes row
under the header saying what each column means, how to fill it in and the
articles that use it, data validation lists for every closed vocabulary
(yes/no, unit kinds, grades, incident categories and gravity) taken from a
hidden sheet, dates formatted ``dd/mm/yyyy``, and the incidents sheet. With
no units it is the blank template that ``antq template`` writes; with units
it is those units' facts, ready to be read back.

:func:`write_facts_csv` does the same as CSV in the Vietnamese dialect
(:mod:`antq.io.dialect`): ``;`` between cells, ``có``/``không``, ``1.064``,
``dd/mm/yyyy``, a notes row starting with ``#``. CSV has no second sheet, so
a unit's incidents are written as JSON in its ``incidents`` cell.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from antq.core.facts import UnitFacts
from antq.core.ruleset import RuleBook
from antq.core.unit_kinds import UnitKind
from antq.io.columns import (
    INCIDENT_SHEET,
    INCIDENTS,
    Column,
    ColumnKind,
    incident_columns,
    kind_sheet_title,
    unit_columns,
)
from antq.io.xlsx import LISTS_SHEET, replace_atomically, require_openpyxl
from antq.safety import default_rulebook
from antq.safety.inputs import incident_record
from antq.vocabulary import CodedEnum, Lang

__all__ = ["TEMPLATE_ROWS", "sheet_columns", "write_facts_csv", "write_facts_xlsx"]

#: How many rows of a blank template carry the data validation and formats.
TEMPLATE_ROWS = 1000
_YES_NO: dict[Lang, tuple[str, str]] = {"vi": ("có", "không"), "en": ("yes", "no")}


def _book(book: RuleBook | None) -> RuleBook:
    if book is not None:
        return book

    return default_rulebook()


def sheet_columns(kind: UnitKind, book: RuleBook, year: int | None) -> tuple[Column, ...]:
    """The columns of a kind's sheet: its unit columns but ``kind`` (the sheet says it), then facts."""
    return tuple(c for c in unit_columns(kind, book, year=year) if c.key != "kind")


def _label(member: CodedEnum, lang: Lang) -> str:
    return member.label(lang)


def _number(value: int, text: bool) -> object:
    return f"{value:,}".replace(",", ".") if text else value


def _cell(column: Column, unit: UnitFacts, lang: Lang, *, text: bool) -> object:
    """The cell of ``column`` for ``unit``: a value a workbook stores, or CSV text."""
    key = column.key
    if key == "id":
        return unit.unit_id
    if key == "kind":
        return unit.kind.label(lang)
    if key == "year":
        return str(unit.year) if text else unit.year
    if key in ("name", "commune", "province"):
        return getattr(unit, key)
    if key == "period":
        return str(unit.period) if unit.period is not None else None
    value: Any = unit.values.get(column.fact)
    if value is None:
        return None
    if column.part is not None:
        value = getattr(value, column.part)
    kind = column.kind
    if kind is ColumnKind.BOOLEAN:
        return _YES_NO[lang][0 if value else 1]
    if kind is ColumnKind.COUNT:
        return _number(value, text)
    if kind is ColumnKind.DATE:
        return value.strftime("%d/%m/%Y") if text else value
    if kind is ColumnKind.CHOICE:
        return _label(value, lang)
    if kind is ColumnKind.CHOICES:
        return "; ".join(_label(m, lang) for m in sorted(value, key=lambda m: m.code))
    if kind is ColumnKind.INCIDENT_COUNT:
        if text:
            return json.dumps([incident_record(i) for i in value], ensure_ascii=False)
        return len(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def _incident_cells(unit: UnitFacts, incident: Any, lang: Lang) -> list[object]:
    cells: list[object] = []
    for column in incident_columns():
        if column.key == "unit":
            cells.append(unit.unit_id)
        elif column.key == "kind":
            cells.append(unit.kind.label(lang))
        else:
            value = getattr(incident, column.key)
            if isinstance(value, bool):
                value = _YES_NO[lang][0 if value else 1]
            elif isinstance(value, CodedEnum):
                value = value.label(lang)
            elif value == "":
                value = None
            cells.append(value)
    return cells


def _incidents_of(unit: UnitFacts) -> tuple[Any, ...]:
    found: Any = unit.values.get(INCIDENTS)
    return tuple(found or ())


# --------------------------------------------------------------------------- workbook


class _Lists:
    """The hidden sheet of validation lists: one column per vocabulary."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.columns: list[list[str]] = []
        self.where: dict[object, str] = {}

    def range_of(self, key: object, items: Sequence[str]) -> str:
        # openpyxl is the optional extra antq[excel]: imported only when a workbook is written.
        from openpyxl.utils import get_column_letter, quote_sheetname

        found = self.where.get(key)
        if found is None:
            self.columns.append(list(items))
            letter = get_column_letter(len(self.columns))
            found = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(items)}"
            self.where[key] = found
        return found

    def formula(self, column: Column) -> str | None:
        lang = self.lang
        if column.kind is ColumnKind.BOOLEAN:
            return self.range_of("yes/no", _YES_NO[lang])
        if column.kind in (ColumnKind.CHOICE, ColumnKind.KIND) and column.vocabulary:
            vocabulary = type(column.vocabulary[0])
            return self.range_of(vocabulary, [m.label(lang) for m in column.vocabulary])
        return None

    def write(self, workbook: Any) -> None:
        sheet = workbook.create_sheet(title=LISTS_SHEET)
        sheet.sheet_state = "hidden"
        longest = max((len(c) for c in self.columns), default=0)
        for index in range(longest):
            sheet.append([c[index] if index < len(c) else None for c in self.columns])


def _validation(column: Column, lists: _Lists, year: int | None) -> Any:
    # openpyxl is the optional extra antq[excel]: imported only when a workbook is written.
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = lists.lang
    formula = lists.formula(column)
    if formula is not None:
        check = DataValidation(type="list", formula1=formula, allow_blank=True)
        check.error = "Chọn trong danh sách" if lang == "vi" else "Choose from the list"
    elif column.kind is ColumnKind.COUNT or column.kind is ColumnKind.INCIDENT_COUNT:
        check = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        check.error = "Số nguyên ≥ 0" if lang == "vi" else "A whole number ≥ 0"
    elif column.kind is ColumnKind.YEAR:
        low, high = (year, year) if year is not None else (2000, 2100)
        check = DataValidation(
            type="whole", operator="between", formula1=str(low), formula2=str(high)
        )
        check.error = f"Năm xét {low}" if lang == "vi" else f"Round {low}"
    elif column.kind is ColumnKind.DATE:
        check = DataValidation(type="date", operator="greaterThan", formula1="36526")
        check.error = "Ngày dd/mm/yyyy" if lang == "vi" else "A date, dd/mm/yyyy"
    else:
        return None
    check.allow_blank = True
    check.showErrorMessage = True
    check.errorTitle = "antq"
    return check


def _sheet(
    workbook: Any,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    lists: _Lists,
    year: int | None,
) -> None:
    # openpyxl is the optional extra antq[excel]: imported only when a workbook is written.
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    lang = lists.lang
    sheet = workbook.create_sheet(title=title)
    sheet.freeze_panes = "B3"
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    header = []
    notes = []
    for index, column in enumerate(columns):
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = 16 if column.kind is ColumnKind.BOOLEAN else 24
        cell = WriteOnlyCell(sheet, value=column.header(lang))
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = wrap
        header.append(cell)
        prefix = "# " if index == 0 else ""
        note = WriteOnlyCell(sheet, value=prefix + column.describe(lang))
        note.font = Font(italic=True, color="595959", size=9)
        note.alignment = wrap
        notes.append(note)
    materialised = [list(r) for r in rows]
    last = 2 + max(len(materialised), TEMPLATE_ROWS)
    for index, column in enumerate(columns):
        check = _validation(column, lists, year)
        if check is not None:
            letter = get_column_letter(index + 1)
            sheet.data_validations.append(check)
            check.add(f"{letter}3:{letter}{last}")
    # Tall enough for the wrapped header and notes (Excel does not fit them itself).
    sheet.row_dimensions[1].height = 64
    sheet.row_dimensions[2].height = 120
    sheet.append(header)
    sheet.append(notes)
    dates = [i for i, c in enumerate(columns) if c.kind is ColumnKind.DATE]
    for values in materialised:
        if dates:
            row: list[Any] = list(values)
            for i in dates:
                if isinstance(row[i], date):
                    cell = WriteOnlyCell(sheet, value=row[i])
                    cell.number_format = "dd/mm/yyyy"
                    row[i] = cell
            sheet.append(row)
        else:
            sheet.append(list(values))


def write_facts_xlsx(
    path: str | os.PathLike[str],
    units: Iterable[UnitFacts] = (),
    *,
    kinds: Sequence[UnitKind] | None = None,
    year: int | None = None,
    lang: Lang = "vi",
    book: RuleBook | None = None,
) -> None:
    """Write a workbook of facts (a blank template when there are no units) to ``path``.

    ``kinds``: the sheets to write (default: every kind, or the kinds of
    ``units``); ``year``: the round whose rule set gives the columns. The
    file is complete, or ``path`` is left untouched.
    """
    openpyxl = require_openpyxl()
    rule_book = _book(book)
    chosen = list(units)
    if kinds is None:
        present = {u.kind for u in chosen}
        kinds = [k for k in UnitKind if k in present] if chosen else list(UnitKind)
    if year is None and chosen:
        year = chosen[0].year

    def write(target: Path) -> None:
        workbook = openpyxl.Workbook(write_only=True)
        lists = _Lists(lang)
        for kind in kinds:
            columns = sheet_columns(kind, rule_book, year)
            rows = (
                [_cell(c, u, lang, text=False) for c in columns] for u in chosen if u.kind is kind
            )
            _sheet(workbook, kind_sheet_title(kind, lang), columns, rows, lists, year)
        incident_rows = [
            _incident_cells(u, i, lang) for u in chosen if u.kind in kinds for i in _incidents_of(u)
        ]
        _sheet(
            workbook, INCIDENT_SHEET.render(lang), incident_columns(), incident_rows, lists, year
        )
        lists.write(workbook)
        workbook.save(target)

    replace_atomically(Path(path), write)


# --------------------------------------------------------------------------- CSV


def write_facts_csv(
    out: TextIO,
    units: Iterable[UnitFacts] = (),
    *,
    kinds: Sequence[UnitKind] | None = None,
    year: int | None = None,
    lang: Lang = "vi",
    book: RuleBook | None = None,
) -> int:
    """Write facts as CSV in the Vietnamese dialect (a blank template when there are no units).

    The columns are those of every kind in ``kinds`` (default: all), with a
    ``kind`` column; a notes row starting with ``#`` follows the header.
    Returns the number of units written.
    """
    rule_book = _book(book)
    chosen = kinds or list(UnitKind)
    columns: dict[str, Column] = {}
    for kind in chosen:
        for column in unit_columns(kind, rule_book, year=year):
            columns.setdefault(column.key, column)
    ordered = list(columns.values())
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.header(lang) for c in ordered])
    notes = [c.describe(lang) for c in ordered]
    notes[0] = "# " + notes[0]
    writer.writerow(notes)
    written = 0
    for unit in units:
        if unit.kind not in chosen:
            continue
        cells = [_cell(c, unit, lang, text=True) for c in ordered]
        writer.writerow(["" if c is None else _csv_safe(str(c)) for c in cells])
        written += 1
    return written


def _csv_safe(text: str) -> str:
    # A spreadsheet runs a cell starting with "=" as a formula: keep it text.
    return "'" + text if text.startswith(("=", "+", "@")) else text
