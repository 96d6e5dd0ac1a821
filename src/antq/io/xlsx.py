"""Excel workbooks (``.xlsx``): facts in, results out. Needs the ``excel`` extra (openpyxl).

**Reading** (:func:`read_xlsx`): one sheet per unit kind, named by the kind's
code or its Vietnamese or English label (``Khu dân cư``, ``residential_area``),
and an incidents sheet (``Vụ việc`` or ``Incidents``), one row per incident,
keyed by the id of the unit whose facts list it. The first non-empty row of a
sheet is its header (see :mod:`antq.io.columns`); rows whose first cell starts
with ``#`` are notes. Cells may hold numbers, dates and text; text is read in
the Vietnamese dialect (:mod:`antq.io.dialect`). The workbook is read in
openpyxl's read-only streaming mode, one row at a time; only the incidents
sheet is held in memory, since every unit needs its incidents.

Every bad cell is reported with the file, ``sheet!cell``, the field and the
value, and the rest of the workbook is read: a unit with a bad cell is counted
as unknown in its commune, as a bad row of a CSV file is.

**Writing** (:func:`write_results_xlsx`): the results of a round, one sheet
per unit kind, a sheet of every unit × criterion, one of the communes; labels
and reasons in the chosen language; frozen header, filters, and the outcome
cells coloured.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome
from antq.core.ruleset import RuleBook
from antq.core.verdict import Verdict
from antq.errors import AntqError, InputError
from antq.i18n.catalog import Msg

if TYPE_CHECKING:
    from antq.io._units import SeenUnits

from antq.core.unit_kinds import UnitKind
from antq.io._units import UnitReadError, UnitRef, _book, _Units
from antq.io.columns import INCIDENT_SHEET, kind_sheet_title, normalise_header
from antq.io.dialect import VIETNAMESE, Dialect
from antq.io.flat import (
    COMMUNE_RECORD_COLUMNS,
    CRITERION_RECORD_COLUMNS,
    UNIT_RECORD_COLUMNS,
    Record,
    commune_records,
    criterion_records,
    unit_records,
)
from antq.io.safe_write import write_path_whole
from antq.io.tabular import (
    CellError,
    IncidentRow,
    Table,
    incident_header,
    is_blank,
    read_incident_row,
)
from antq.vocabulary import Lang

__all__ = [
    "LISTS_SHEET",
    "MissingDependency",
    "read_xlsx",
    "replace_atomically",
    "require_openpyxl",
    "write_results_xlsx",
]

#: The hidden sheet of the lists that the template's cells are validated against.
LISTS_SHEET = "Danh mục"


class MissingDependency(AntqError):
    """An optional dependency that a feature needs is not installed."""


def require_openpyxl() -> Any:
    """The openpyxl module, or :class:`MissingDependency` saying how to install it."""
    # openpyxl is the optional extra antq[excel]: imported only when a workbook is used.
    try:
        import openpyxl
    except ImportError:
        raise MissingDependency(
            "Excel workbooks need openpyxl: pip install 'antq[excel]'"
        ) from None
    return openpyxl


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then rename it to ``path``.

    ``path`` is either complete or untouched (see ``antq.io.safe_write.write_path_whole``).
    """
    write_path_whole(path, lambda name: write(Path(name)))


# --------------------------------------------------------------------------- reading


def _sheet_kinds() -> dict[str, UnitKind | str]:
    found: dict[str, UnitKind | str] = {}
    for kind in UnitKind:
        for name in (kind.code, kind.label("vi"), kind.label("en"), *_sheet_titles(kind)):
            found[normalise_header(name)] = kind
    for name in (INCIDENT_SHEET.vi, INCIDENT_SHEET.en, "incidents"):
        found[normalise_header(name)] = "incidents"
    found[normalise_header(LISTS_SHEET)] = "lists"
    found[normalise_header("Lists")] = "lists"
    return found


def _sheet_titles(kind: UnitKind) -> tuple[str, str]:
    return kind_sheet_title(kind, "vi"), kind_sheet_title(kind, "en")


def _cell(column: int | None, row: int) -> str:
    # openpyxl is the optional extra antq[excel]: imported only when a workbook is used.
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column + 1)}{row}" if column is not None else f"{row}:{row}"


def _field(path: str) -> str:
    return path.removeprefix("facts.")


def _error(label: str, sheet: str, row: int, error: CellError, unit: Any = None) -> InputError:

    if isinstance(error.at, tuple):
        sheet, row = error.at
    where = f"{label}:{sheet}!{_cell(error.column, row)}"
    if error.field:
        where += f" ({_field(error.field)})"
    return UnitReadError(where, error.value, error.message, unit=unit)


def _rows(sheet: Any) -> Iterator[tuple[int, Sequence[object]]]:
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if row and not all(is_blank(v) for v in row):
            first = row[0]
            if isinstance(first, str) and first.lstrip().startswith("#"):
                continue
            yield number, row


_Owner = tuple[str, str | None, int | None]


def _read_incidents(
    sheet: Any, title: str, dialect: Dialect, label: str
) -> tuple[dict[str, list[tuple[_Owner, IncidentRow]]], list[InputError]]:
    by_unit: dict[str, list[tuple[_Owner, IncidentRow]]] = {}
    errors: list[InputError] = []
    header = None
    for number, row in _rows(sheet):
        if header is None:
            header, problems = incident_header(row)
            errors += [_error(label, title, number, p) for p in problems]
            if any(p.column is None for p in problems):
                return by_unit, errors
            continue
        owner, incident, found = read_incident_row(header, row, dialect, (title, number))
        errors += [_error(label, title, number, e) for e in found]
        if owner is not None and incident is not None:
            by_unit.setdefault(owner[0], []).append((owner, incident))
    return by_unit, errors


def read_xlsx(
    source: str | os.PathLike[str] | IO[bytes],
    book: RuleBook | None = None,
    *,
    name: str | None = None,
    check_duplicates: bool = True,
    seen: SeenUnits | None = None,
    progress: Any = None,
    dialect: Dialect = VIETNAMESE,
) -> Iterator[UnitFacts | InputError]:
    """Units from a workbook (see the module docstring), as the other readers yield them."""

    openpyxl = require_openpyxl()
    rule_book = _book(book)
    label = name or (Path(source).name if isinstance(source, str | os.PathLike) else "<stream>")
    units = _Units(rule_book, check_duplicates=check_duplicates, source=None, seen=seen)
    try:
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        yield InputError(
            label,
            None,
            Msg("not a readable .xlsx workbook ({error})"),
            params={"error": type(error).__name__},
        )
        return
    try:
        kinds = _sheet_kinds()
        incidents: dict[str, list[tuple[_Owner, IncidentRow]]] | None = None
        unit_sheets: list[tuple[str, UnitKind]] = []
        for title in workbook.sheetnames:
            meaning = kinds.get(normalise_header(title))
            if meaning == "incidents":
                found, errors = _read_incidents(workbook[title], title, dialect, label)
                yield from errors
                incidents = incidents or {}
                for key, rows in found.items():
                    incidents.setdefault(key, []).extend(rows)
            elif isinstance(meaning, UnitKind):
                unit_sheets.append((title, meaning))
            elif meaning is None:
                known = ", ".join(kind_sheet_title(k, "vi") for k in UnitKind)
                message = Msg("unknown sheet; expected one per unit kind ({known}) and {incidents}")
                params = {"known": known, "incidents": INCIDENT_SHEET.vi}
                yield InputError(f"{label}:{title}", title, message, params=params)
        if not unit_sheets:
            yield InputError(label, workbook.sheetnames, Msg("the workbook has no sheet of units"))
        used: set[int] = set()
        for title, kind in unit_sheets:
            yield from _read_unit_sheet(
                workbook[title],
                title,
                kind,
                rule_book,
                dialect,
                label,
                units,
                incidents,
                used,
                UnitRef,
            )
        for rows in (incidents or {}).values():
            for owner, row in rows:
                if id(row) not in used:
                    where: tuple[str, int] = row.at  # type: ignore[assignment]
                    yield InputError(
                        f"{label}:{where[0]}!{_cell(None, where[1])} (unit)",
                        owner[0],
                        Msg("no unit with this id (and kind, round) is on the unit sheets"),
                    )
    finally:
        workbook.close()
    if progress is not None and isinstance(source, str | os.PathLike):
        progress.done += Path(source).stat().st_size


def _read_unit_sheet(
    sheet: Any,
    title: str,
    kind: UnitKind,
    book: RuleBook,
    dialect: Dialect,
    label: str,
    units: Any,
    incidents: Mapping[str, list[tuple[_Owner, IncidentRow]]] | None,
    used: set[int],
    unit_ref: Any,
) -> Iterator[UnitFacts | InputError]:
    table: Table | None = None
    for number, row in _rows(sheet):
        if table is None:
            table = Table(row, book, dialect, kind=kind)
            for problem in table.problems:
                yield _error(label, title, number, problem)
            if table.fatal is not None:
                yield InputError(f"{label}:{title}!{_cell(None, number)}", list(row), table.fatal)
                return
            continue
        mine: list[IncidentRow] | None = None
        if incidents is not None:
            known = table.identification(row)
            mine = []
            for owner, incident in incidents.get(str(known.get("id")), ()):
                if (owner[1] is None or owner[1] == kind.code) and (
                    owner[2] is None or owner[2] == known.get("year")
                ):
                    mine.append(incident)
                    used.add(id(incident))
        unit, errors = table.read(row, mine)
        if unit is not None:
            yield units.admit(unit, f"{label}:{title}!{_cell(None, number)}", None)
            continue
        ref = unit_ref.of(table.identification(row))
        for index, error in enumerate(errors):
            yield _error(label, title, number, error, ref if index == 0 else None)


# --------------------------------------------------------------------------- writing

_FILLS = {
    Outcome.MET.code: "C6EFCE",
    Outcome.NOT_MET.code: "FFC7CE",
    Outcome.UNKNOWN.code: "FFEB9C",
    Outcome.NOT_APPLICABLE.code: "EDEDED",
}
_RESULT_SHEETS = {
    "criteria": {"vi": "Tiêu chí", "en": "Criteria"},
    "communes": {"vi": "Tổng hợp xã", "en": "Communes"},
}
_HEADERS: Mapping[str, tuple[str, str]] = {
    "unit_id": ("Mã đơn vị", "Unit id"),
    "kind": ("Mã loại", "Kind code"),
    "kind_label": ("Loại đơn vị", "Unit kind"),
    "year": ("Năm xét", "Round"),
    "name": ("Tên", "Name"),
    "commune": ("Xã, phường", "Commune"),
    "rule_set": ("Bộ tiêu chí", "Rule set"),
    "instrument": ("Văn bản", "Instrument"),
    "period_start": ("Kỳ đánh giá từ", "Period from"),
    "period_end": ("Kỳ đánh giá đến", "Period to"),
    "outcome": ("Mã kết quả", "Outcome code"),
    "outcome_label": ("Kết quả", "Outcome"),
    "met": ("Tiêu chí đạt", "Criteria met"),
    "not_met": ("Tiêu chí chưa đạt", "Criteria not met"),
    "unknown": ("Tiêu chí chưa xác định", "Criteria unknown"),
    "not_applicable": ("Tiêu chí không áp dụng", "Criteria not applicable"),
    "not_met_criteria": ("Mã tiêu chí chưa đạt", "Criteria not met (ids)"),
    "unknown_criteria": ("Mã tiêu chí chưa xác định", "Criteria unknown (ids)"),
    "missing_inputs": ("Thông tin còn thiếu", "Missing facts"),
    "not_met_reasons": ("Lý do chưa đạt", "Why not met"),
    "unknown_reasons": ("Lý do chưa xác định", "Why unknown"),
    "criterion_id": ("Mã tiêu chí", "Criterion id"),
    "criterion": ("Tiêu chí", "Criterion"),
    "citation": ("Căn cứ", "Citation"),
    "reason": ("Lý do", "Reason"),
    "commune_id": ("Mã xã", "Commune id"),
    "province": ("Tỉnh, thành phố", "Province"),
    "units": ("Số đơn vị", "Units"),
    "units_met": ("Đơn vị đạt", "Units met"),
    "units_not_met": ("Đơn vị chưa đạt", "Units not met"),
    "units_unknown": ("Đơn vị chưa xác định", "Units unknown"),
    "units_not_applicable": ("Đơn vị không áp dụng", "Units not applicable"),
    "units_unreadable": ("Đơn vị không đọc được", "Units unreadable"),
}
_WIDE = frozenset(
    {"not_met_reasons", "unknown_reasons", "reason", "criterion", "missing_inputs", "name"}
)


def result_header(column: str, lang: Lang) -> str:
    """The header of a results column in ``lang`` (the record key stays the same)."""
    vi, en = _HEADERS[column]
    return vi if lang == "vi" else en


def _write_sheet(
    workbook: Any, title: str, columns: Sequence[str], records: Iterable[Record], lang: Lang
) -> int:
    # openpyxl is the optional extra antq[excel]: imported only when a workbook is used.
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title=title)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    fills = {code: PatternFill("solid", fgColor=colour) for code, colour in _FILLS.items()}
    for index, column in enumerate(columns, start=1):
        width = 60 if column in _WIDE else 18
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 32
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=result_header(column, lang))
        cell.font = bold
        cell.alignment = wrap
        header.append(cell)
    sheet.append(header)
    outcome_at = columns.index("outcome") if "outcome" in columns else None
    count = 0
    for record in records:
        fill = fills.get(str(record.get("outcome")))
        row = []
        for index, column in enumerate(columns):
            cell = WriteOnlyCell(sheet, value=record[column])
            cell.alignment = wrap if column in _WIDE else top
            if fill is not None and (index == outcome_at or column == "outcome_label"):
                cell.fill = fill
            row.append(cell)
        sheet.append(row)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return count


def write_results_xlsx(
    path: str | os.PathLike[str],
    verdicts: Iterable[Verdict],
    *,
    communes: Iterable[Any] = (),
    lang: Lang = "vi",
) -> None:
    """Write a round's results workbook to ``path`` (complete, or ``path`` is left untouched).

    One sheet per unit kind that has verdicts (:data:`~antq.io.flat.UNIT_RECORD_COLUMNS`),
    a sheet of every unit × criterion, and one of the communes
    (:func:`~antq.io.flat.commune_records`) when ``communes`` are given.
    """
    openpyxl = require_openpyxl()
    chosen = list(verdicts)
    communes = list(communes)

    def write(target: Path) -> None:
        workbook = openpyxl.Workbook(write_only=True)
        for kind in UnitKind:
            of_kind = [v for v in chosen if v.kind is kind]
            if of_kind:
                _write_sheet(
                    workbook,
                    kind_sheet_title(kind, lang),
                    UNIT_RECORD_COLUMNS,
                    unit_records(of_kind, lang=lang),
                    lang,
                )
        if communes:
            _write_sheet(
                workbook,
                _RESULT_SHEETS["communes"][lang],
                COMMUNE_RECORD_COLUMNS,
                commune_records(communes, lang=lang),
                lang,
            )
        _write_sheet(
            workbook,
            _RESULT_SHEETS["criteria"][lang],
            CRITERION_RECORD_COLUMNS,
            criterion_records(chosen, lang=lang),
            lang,
        )
        workbook.save(target)

    replace_atomically(Path(path), write)
