"""The columns of a spreadsheet of facts: what each one holds, its header and its note.

Workbooks (:mod:`antq.io.xlsx`), Vietnamese CSV (:mod:`antq.io.dialect`) and
templates (:mod:`antq.io.template`) share these columns, so a header written by
one is read by the others. A column is known by its input name
(``households_resident``), by its Vietnamese label or by its English label;
case, spacing and Unicode form do not matter.

* the unit's own columns: ``id``, ``kind``, ``year``, ``name``, ``commune``,
  ``province``, ``period``;
* one column per fact of the unit kind; an object fact (``offences_current``)
  one column per key (``offences_current.crimes``);
* ``incidents``: how many incidents the unit has, listed one per row on the
  incidents sheet (0 = none; empty = not known);
* the incidents sheet: ``unit`` (the unit whose facts list the incident) and
  the fields of an incident.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from antq.core.inputs import Input
from antq.core.ruleset import RuleBook, RuleSet
from antq.core.unit_kinds import UnitKind
from antq.entities.incidents import CrimeGravity, IncidentCategory
from antq.errors import AntqError
from antq.i18n.catalog import Text
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "INCIDENTS",
    "INCIDENT_SHEET",
    "UNIT_COLUMNS",
    "Column",
    "ColumnKind",
    "HeaderIndex",
    "incident_columns",
    "kind_sheet_title",
    "normalise_header",
    "unit_columns",
]

#: The fact that is listed on its own sheet, one row per incident.
INCIDENTS = "incidents"
#: The title of the incidents sheet, by language.
INCIDENT_SHEET = Text(vi="Vụ việc", en="Incidents")


class ColumnKind(CodedEnum):
    """What a column's cells hold."""

    TEXT = ("text", "chữ", "text")
    YEAR = ("year", "năm", "year")
    BOOLEAN = ("boolean", "có/không", "yes/no")
    COUNT = ("count", "số lượng", "count")
    DATE = ("date", "ngày (dd/mm/yyyy)", "date (dd/mm/yyyy)")
    CHOICE = ("choice", "một lựa chọn trong danh sách", "one choice from the list")
    CHOICES = ("choices", "nhiều lựa chọn, cách nhau bởi ;", "several choices separated by ;")
    KIND = ("kind", "loại đơn vị", "unit kind")
    PERIOD = ("period", "kỳ đánh giá", "assessment period")
    INCIDENT_COUNT = ("incident_count", "số vụ việc", "number of incidents")
    JSON = ("json", "JSON", "JSON")


@attrs.frozen(kw_only=True)
class Column:
    """One column: its key (an input name, ``fact.key`` or a unit key), header and note."""

    key: str
    label: Text
    note: Text
    kind: ColumnKind
    #: The members a CHOICE or CHOICES cell may name (by code or label).
    vocabulary: tuple[CodedEnum, ...] = ()
    #: The citations of the criteria that read the column, e.g. ``TT 124/2021 Đ4 k1``.
    citations: tuple[str, ...] = ()
    required: bool = False

    @property
    def fact(self) -> str:
        """The fact the column fills (the part before a dot)."""
        return self.key.partition(".")[0]

    @property
    def part(self) -> str | None:
        """For a ``fact.key`` column, the key."""
        return self.key.partition(".")[2] or None

    def header(self, lang: Lang) -> str:
        return self.label.render(lang)

    def describe(self, lang: Lang) -> str:
        """The note written under the header: meaning, how to fill in, citation."""
        parts = [self.note.render(lang), self.kind.label(lang)]
        if self.vocabulary and self.kind is ColumnKind.CHOICES:
            parts.append(", ".join(m.label(lang) for m in self.vocabulary))
        if self.required:
            parts.append("bắt buộc" if lang == "vi" else "required")
        if self.citations:
            parts.append("; ".join(self.citations))
        return " — ".join(p for p in parts if p)


def _text(vi: str, en: str) -> Text:
    return Text(vi=vi, en=en)


#: The columns that describe the unit rather than a fact, in order.
UNIT_COLUMNS: tuple[Column, ...] = (
    Column(
        key="id",
        label=_text("Mã đơn vị", "Unit id"),
        note=_text("mã riêng của đơn vị, không trùng", "the unit's own code, unique"),
        kind=ColumnKind.TEXT,
        required=True,
    ),
    Column(
        key="kind",
        label=_text("Loại đơn vị", "Unit kind"),
        note=_text(
            "mã hoặc tên loại đơn vị (trên trang của một loại: để trống)",
            "code or name of the kind (on a sheet of one kind: leave empty)",
        ),
        kind=ColumnKind.KIND,
        vocabulary=tuple(UnitKind),
        required=True,
    ),
    Column(
        key="year",
        label=_text("Năm xét", "Round"),
        note=_text("năm xét công nhận", "the recognition year"),
        kind=ColumnKind.YEAR,
        required=True,
    ),
    Column(
        key="name",
        label=_text("Tên đơn vị", "Unit name"),
        note=_text("tên gọi của đơn vị", "the unit's name"),
        kind=ColumnKind.TEXT,
    ),
    Column(
        key="commune",
        label=_text("Xã, phường", "Commune"),
        note=_text(
            "mã hoặc tên xã, phường, thị trấn, đặc khu quản lý đơn vị",
            "code or name of the commune the unit belongs to",
        ),
        kind=ColumnKind.TEXT,
    ),
    Column(
        key="province",
        label=_text("Tỉnh, thành phố", "Province"),
        note=_text("tỉnh, thành phố trực thuộc trung ương", "the province or city"),
        kind=ColumnKind.TEXT,
    ),
    Column(
        key="period",
        label=_text("Kỳ đánh giá", "Assessment period"),
        note=_text(
            "để trống: kỳ theo thông tư; hoặc YYYY-MM-DD/YYYY-MM-DD",
            "empty: the circular's period; or YYYY-MM-DD/YYYY-MM-DD",
        ),
        kind=ColumnKind.PERIOD,
    ),
)

_OBJECT_PARTS: Mapping[str, Text] = {
    "crimes": _text("tội phạm", "crimes"),
    "social_evils": _text("tệ nạn xã hội", "social evils"),
    "other_violations": _text("vi phạm pháp luật khác", "other violations"),
}

_INCIDENT_COUNT_LABEL = _text("Số vụ việc", "Number of incidents")


def _vocabulary(inp: Input[Any]) -> tuple[CodedEnum, ...]:
    for candidate in (inp.value_type, inp.item_type):
        if isinstance(candidate, type) and issubclass(candidate, CodedEnum):
            return tuple(candidate)
    return ()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fact_columns(inp: Input[Any], citations: tuple[str, ...]) -> list[Column]:
    schema = inp.schema
    kind = schema.get("type")
    note = Text(vi=_cap(inp.label.render("vi")), en=_cap(inp.label.render("en")))
    if inp.name == INCIDENTS:
        return [
            Column(
                key=INCIDENTS,
                label=_INCIDENT_COUNT_LABEL,
                note=Text(
                    vi=note.vi + "; liệt kê từng vụ ở trang Vụ việc, 0 nếu không có",
                    en=note.en + "; list each on the Incidents sheet, 0 if none",
                ),
                kind=ColumnKind.INCIDENT_COUNT,
                citations=citations,
            )
        ]
    if kind == "object":
        columns = []
        for part, part_schema in schema.get("properties", {}).items():
            named = _OBJECT_PARTS.get(part, _text(part, part))
            columns.append(
                Column(
                    key=f"{inp.name}.{part}",
                    label=Text(vi=f"{note.vi}: {named.vi}", en=f"{note.en}: {named.en}"),
                    note=note,
                    kind=ColumnKind.COUNT
                    if part_schema.get("type") == "integer"
                    else ColumnKind.JSON,
                    citations=citations,
                )
            )
        return columns
    if kind == "boolean":
        column_kind = ColumnKind.BOOLEAN
    elif kind == "integer":
        column_kind = ColumnKind.COUNT
    elif kind == "string" and schema.get("format") == "date":
        column_kind = ColumnKind.DATE
    elif kind == "string" and "enum" in schema:
        column_kind = ColumnKind.CHOICE
    elif kind == "array" and schema.get("items", {}).get("type") == "string":
        column_kind = ColumnKind.CHOICES
    elif kind == "string":
        column_kind = ColumnKind.TEXT
    else:
        column_kind = ColumnKind.JSON
    return [
        Column(
            key=inp.name,
            label=note,
            note=note,
            kind=column_kind,
            vocabulary=_vocabulary(inp),
            citations=citations,
        )
    ]


def _citations(rule_sets: Iterable[RuleSet]) -> dict[str, tuple[str, ...]]:
    found: dict[str, dict[str, None]] = {}
    for rule_set in rule_sets:
        for criterion in rule_set.all_criteria():
            cited = criterion.citation.render("vi")
            for inp in criterion.all_inputs:
                found.setdefault(inp.name, {})[cited] = None
    return {name: tuple(cited) for name, cited in found.items()}


def _rule_sets(book: RuleBook, kind: UnitKind, year: int | None) -> list[RuleSet]:
    if year is not None:
        try:
            return [book.select(kind, year)]
        except AntqError:
            pass
    return [r for r in book if r.kind is kind]


def unit_columns(kind: UnitKind, book: RuleBook, *, year: int | None = None) -> tuple[Column, ...]:
    """The columns of a sheet of units of ``kind``: the unit's own, then its facts.

    With ``year``, the facts of the rule set in force for that round, in the
    order its criteria read them; otherwise those of every rule set of the kind.
    """
    rule_sets = _rule_sets(book, kind, year)
    citations = _citations(rule_sets)
    inputs: dict[str, Input[Any]] = {}
    for rule_set in rule_sets:
        for inp in rule_set.inputs():
            inputs.setdefault(inp.name, inp)
    columns = [c for c in UNIT_COLUMNS if not (kind is UnitKind.COMMUNE and c.key == "commune")]
    for inp in inputs.values():
        columns += _fact_columns(inp, citations.get(inp.name, ()))
    return tuple(columns)


def incident_columns() -> tuple[Column, ...]:
    """The columns of the incidents sheet: the unit that lists it, then the incident's fields."""
    flag = ColumnKind.BOOLEAN
    return (
        Column(
            key="unit",
            label=_text("Mã đơn vị báo cáo", "Reporting unit id"),
            note=_text(
                "mã của đơn vị có vụ việc này trong hồ sơ (như ở trang của đơn vị)",
                "the id of the unit whose facts list this incident (as on its sheet)",
            ),
            kind=ColumnKind.TEXT,
            required=True,
        ),
        Column(
            key="kind",
            label=_text("Loại đơn vị báo cáo", "Reporting unit kind"),
            note=_text(
                "chỉ cần khi hai đơn vị khác loại có cùng mã",
                "needed only when units of two kinds share an id",
            ),
            kind=ColumnKind.KIND,
            vocabulary=tuple(UnitKind),
        ),
        Column(
            key="id",
            label=_text("Mã vụ việc", "Incident id"),
            note=_text("số hoặc mã của vụ việc", "the incident's number or code"),
            kind=ColumnKind.TEXT,
        ),
        Column(
            key="date",
            label=_text("Ngày xảy ra", "Date"),
            note=_text("ngày xảy ra vụ việc", "the day it happened"),
            kind=ColumnKind.DATE,
            required=True,
        ),
        Column(
            key="category",
            label=_text("Loại vụ việc", "Category"),
            note=_text(
                "phân loại do cơ quan xét duyệt xác định", "classified by the reviewing body"
            ),
            kind=ColumnKind.CHOICE,
            vocabulary=tuple(IncidentCategory),
            required=True,
        ),
        Column(
            key="gravity",
            label=_text("Tính chất tội phạm", "Gravity"),
            note=_text("chỉ với tội phạm", "for a crime only"),
            kind=ColumnKind.CHOICE,
            vocabulary=tuple(CrimeGravity),
        ),
        Column(
            key="unit_id",
            label=_text("Nơi xảy ra", "Where"),
            note=_text("mã đơn vị nơi xảy ra (nếu khác)", "id of the unit where it happened"),
            kind=ColumnKind.TEXT,
        ),
        Column(
            key="description",
            label=_text("Mô tả", "Description"),
            note=_text("tóm tắt vụ việc", "a short description"),
            kind=ColumnKind.TEXT,
        ),
        Column(
            key="force_majeure",
            label=_text("Bất khả kháng", "Force majeure"),
            note=_text("đánh giá của cơ quan xét duyệt", "the reviewing body's judgement"),
            kind=flag,
        ),
        Column(
            key="timely_detected",
            label=_text("Phát hiện kịp thời", "Detected in time"),
            note=_text("đánh giá của cơ quan xét duyệt", "the reviewing body's judgement"),
            kind=flag,
        ),
        Column(
            key="mitigated",
            label=_text("Ngăn chặn, hạn chế thiệt hại", "Harm limited"),
            note=_text("đánh giá của cơ quan xét duyệt", "the reviewing body's judgement"),
            kind=flag,
        ),
        Column(
            key="reported_immediately",
            label=_text("Báo cáo ngay", "Reported at once"),
            note=_text("đánh giá của cơ quan xét duyệt", "the reviewing body's judgement"),
            kind=flag,
        ),
    )


_SPACES = re.compile(r"\s+")


def normalise_header(text: str) -> str:
    """A header as it is compared: NFC, case-folded, spaces collapsed, no trailing ``*``."""
    folded = unicodedata.normalize("NFC", text).casefold().strip().rstrip("*").strip()
    return _SPACES.sub(" ", folded)


class HeaderIndex:
    """Finds the column a header names: by key, Vietnamese label or English label."""

    def __init__(self, columns: Iterable[Column]) -> None:
        self.by_name: dict[str, Column] = {}
        for column in columns:
            for name in (column.key, column.label.vi, column.label.en):
                self.by_name.setdefault(normalise_header(name), column)

    def find(self, header: str) -> Column | None:
        return self.by_name.get(normalise_header(header))

    def names_a_label(self, headers: Sequence[str]) -> bool:
        """Whether a header names a column by its label rather than its key."""
        return any(
            (c := self.find(h)) is not None and normalise_header(c.key) != normalise_header(h)
            for h in headers
            if h.strip()
        )


def kind_sheet_title(kind: UnitKind, lang: Lang) -> str:
    """The title of the sheet of units of ``kind`` (at most 31 characters, as Excel allows)."""
    return _cap(kind.label(lang))[:31]
