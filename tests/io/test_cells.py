"""Cells one by one: what each kind of column accepts from a workbook or from text."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest

from antq.core.inputs import Input, InputKind, day
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.i18n.catalog import Text
from antq.io.batch import read_csv
from antq.io.columns import Column, ColumnKind, HeaderIndex, _fact_columns, unit_columns
from antq.io.dialect import ANTQ, VIETNAMESE
from antq.io.tabular import IncidentRow, Table, cell_value, incident_header, read_incident_row
from antq.safety import default_rulebook

BOOK = default_rulebook()


def _column(kind: ColumnKind, vocabulary: tuple = ()) -> Column:  # type: ignore[type-arg]
    return Column(
        key="x",
        label=Text(vi="x", en="x"),
        note=Text(vi="", en=""),
        kind=kind,
        vocabulary=vocabulary,
    )


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (ColumnKind.COUNT, 12, 12),
        (ColumnKind.COUNT, 12.0, 12),
        (ColumnKind.COUNT, "1.064", 1064),
        (ColumnKind.BOOLEAN, True, True),
        (ColumnKind.BOOLEAN, "Không", False),
        (ColumnKind.DATE, datetime(2025, 3, 14), "2025-03-14"),
        (ColumnKind.DATE, date(2025, 3, 14), "2025-03-14"),
        (ColumnKind.DATE, "14/03/2025", "2025-03-14"),
        (ColumnKind.TEXT, 123, "123"),
        (ColumnKind.TEXT, 123.0, "123"),
        (ColumnKind.TEXT, " Thôn Đông ", "Thôn Đông"),
        (ColumnKind.INCIDENT_COUNT, "[]", []),
        (ColumnKind.INCIDENT_COUNT, 3, 3),
        (ColumnKind.JSON, '{"a": 1}', {"a": 1}),
        (ColumnKind.CHOICES, '["a"]', ["a"]),
    ],
)
def test_cell_values(kind: ColumnKind, value: object, expected: object) -> None:
    assert cell_value(_column(kind), value, VIETNAMESE, "p") == expected


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (ColumnKind.COUNT, True, "whole number"),
        (ColumnKind.COUNT, 2.5, "not a fraction"),
        (ColumnKind.COUNT, -1, ">= 0"),
        (ColumnKind.COUNT, date(2025, 1, 1), "whole number"),
        (ColumnKind.BOOLEAN, 1, "yes or no"),
        (ColumnKind.DATE, datetime(2025, 3, 14, 8, 30), "without a time"),
        (ColumnKind.DATE, 45000, "expected a date"),
        (ColumnKind.TEXT, 1.5, "expected text"),
        (ColumnKind.TEXT, datetime(2025, 1, 1), "expected text"),
        (ColumnKind.JSON, "{", "malformed JSON"),
        (ColumnKind.CHOICE, "đỏ", "expected one of"),
    ],
)
def test_bad_cell_values(kind: ColumnKind, value: object, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        cell_value(_column(kind), value, VIETNAMESE, "facts.x")
    assert caught.value.path == "facts.x"


def test_choices_name_each_bad_item() -> None:
    column = unit_columns(UnitKind.AGENCY, BOOK)
    topics = next(c for c in column if c.key == "internal_rules_topics")
    assert cell_value(topics, "state_secrets\nlearners", VIETNAMESE, "p") == [
        "state_secrets",
        "learners",
    ]
    with pytest.raises(InputError) as caught:
        cell_value(topics, "state_secrets; ăn uống", VIETNAMESE, "p")
    assert caught.value.path == "p[1]"


def test_columns_of_every_schema_type() -> None:
    label = Text(vi="ngày khánh thành", en="opening day")
    (opening,) = _fact_columns(day("opened", label), ("Điều 1",))
    assert opening.kind is ColumnKind.DATE and opening.citations == ("Điều 1",)
    text = Input(
        name="note",
        label=label,
        kind=InputKind.CHOICE,
        parse=lambda r, p: r,
        schema={"type": "string"},
    )
    assert _fact_columns(text, ())[0].kind is ColumnKind.TEXT
    other = Input(
        name="n",
        label=label,
        kind=InputKind.RECORDS,
        parse=lambda r, p: r,
        schema={"type": "array", "items": {"type": "object"}},
    )
    assert _fact_columns(other, ())[0].kind is ColumnKind.JSON
    odd = Input(
        name="o",
        label=label,
        kind=InputKind.RECORDS,
        parse=lambda r, p: r,
        schema={"type": "object", "properties": {"extra": {"type": "string"}}},
    )
    (part,) = _fact_columns(odd, ())
    assert part.key == "o.extra" and part.kind is ColumnKind.JSON
    assert "bắt buộc" not in part.describe("vi")


def test_columns_of_a_round_without_rules_are_those_of_every_rule_set() -> None:
    every = {c.key for c in unit_columns(UnitKind.RESIDENTIAL_AREA, BOOK)}
    old = {c.key for c in unit_columns(UnitKind.RESIDENTIAL_AREA, BOOK, year=2018)}
    new = {c.key for c in unit_columns(UnitKind.RESIDENTIAL_AREA, BOOK, year=2025)}
    assert old | new == every and old != new
    from antq.core.ruleset import RuleBook

    only_tt23 = RuleBook((BOOK.get("tt23.residential-area"),))
    assert {c.key for c in unit_columns(UnitKind.RESIDENTIAL_AREA, only_tt23, year=2025)} == old


def test_header_index() -> None:
    index = HeaderIndex(unit_columns(UnitKind.COMMUNE, BOOK))
    assert index.find("  MÃ ĐƠN VỊ * ").key == "id"  # type: ignore[union-attr]
    assert not index.names_a_label(["id", "kind", "", "househlds"])
    assert index.names_a_label(["id", "Năm xét"])


def _table(header: list[object], kind: UnitKind | None = None) -> Table:
    return Table(header, BOOK, VIETNAMESE, kind=kind)


def test_table_rows() -> None:
    table = _table(["id", "kind", "year", "period", "registered_q1", "registered_q1"])
    assert [p.message for p in table.problems] == ["the column appears twice"]
    unit, errors = table.read(["K", "khu dân cư", 2025, "2024-11-01/2025-10-31", "có"])
    assert unit is not None and unit.period is not None and not errors
    _, errors = table.read(["K", None, 2025])
    assert [e.message for e in errors] == ["the unit's kind is missing"]
    _, errors = table.read([None, "khu dân cư", None])
    assert [e.field for e in errors] == ["id", "year"]
    _, errors = table.read(["K", "khu dân cư", 2025, "2025"])
    assert errors[0].field == "period" and errors[0].column == 3
    _, errors = table.read(["  ", "khu dân cư", 2025])
    assert errors and errors[0].field == "id"


def test_a_sheet_of_one_kind() -> None:
    table = _table(["Mã đơn vị", "Loại đơn vị", "Năm xét"], kind=UnitKind.AGENCY)
    unit, _ = table.read(["CQ", None, 2025])
    assert unit is not None and unit.kind is UnitKind.AGENCY
    _, errors = table.read(["CQ", "doanh nghiệp", 2025])
    assert errors[0].message == "this sheet holds units of kind agency" and errors[0].column == 1
    assert table.identification(["CQ", "xyz", 2025]) == {"kind": "agency", "id": "CQ", "year": 2025}


def test_incidents_without_a_count_column_are_the_units() -> None:
    header, problems = incident_header(
        ["Mã đơn vị báo cáo", "Năm xét", "Ngày xảy ra", "Loại vụ việc", "Lạ"]
    )
    assert [p.message for p in problems] == ["unknown column of an incident"]
    owner, incident, errors = read_incident_row(
        header, ["KDC", 2025, "01/02/2025", "vi phạm pháp luật khác"], VIETNAMESE, ("Vụ việc", 3)
    )
    assert owner == ("KDC", None, 2025) and incident is not None and not errors
    assert read_incident_row(header, [None, None, None, None], VIETNAMESE, ("Vụ việc", 4)) == (
        None,
        None,
        [],
    )
    _, _, errors = read_incident_row(
        header, [None, None, "01/02/2025", "vi phạm pháp luật khác"], VIETNAMESE, ("Vụ việc", 5)
    )
    assert errors[0].column == 0 and "no reporting unit" in errors[0].message
    table = _table(["id", "kind", "year"])
    unit, errors = table.read(["KDC", "residential_area", 2025], [incident])
    assert unit is not None and len(unit.values["incidents"]) == 1
    bad = IncidentRow(raw={"date": "2025-02-01"}, at=("Vụ việc", 6), columns={"date": 2})
    _, errors = table.read(["KDC", "residential_area", 2025], [bad])
    assert errors[0].at == ("Vụ việc", 6) and errors[0].field == "incidents[0].category"


def test_dialect_csv_edges() -> None:
    def read(data: bytes, **kwargs: object) -> list[object]:
        return list(read_csv(io.BytesIO(data), **kwargs))  # type: ignore[arg-type]

    # An explicit dialect takes the header's separator.
    (unit,) = read(b"id;kind;year\nK;khu d\xc3\xa2n c\xc6\xb0;2025\n", dialect=VIETNAMESE)
    assert not isinstance(unit, InputError)
    (unit,) = read(b"id,kind,year\nK,residential_area,2025\n", dialect=VIETNAMESE)
    assert not isinstance(unit, InputError)
    # A header that is not UTF-8 is antq's to report.
    assert "not UTF-8" in str(read(b"id;\xff\n")[0])
    # Broken lines in the Vietnamese dialect are reported by line and skipped.
    header = "Mã đơn vị;Loại đơn vị;Năm xét\n".encode()
    items = read(header + b"K;\xff;2025\n" + b'"a"b;1;2\n' + "K2;khu dân cư;2025\n".encode())
    assert any("line 2" in str(i) for i in items)
    assert [i.unit_id for i in items if not isinstance(i, InputError)] == ["K2"]
    assert read(b"", dialect=ANTQ) != []
