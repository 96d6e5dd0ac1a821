"""The Vietnamese CSV dialect: strict cells, the separator and dialect chosen from the header."""

from __future__ import annotations

import io

import pytest

from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.io.batch import UnitReadError, read_csv
from antq.io.dialect import ANTQ, FALSE_WORDS, TRUE_WORDS, VIETNAMESE, separator_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.064", 1064), ("1064", 1064), ("1.064,0", 1064), ("1.234.567", 1234567), ("0", 0)],
)
def test_vietnamese_counts(text: str, expected: int) -> None:
    assert VIETNAMESE.count(text, "f") == expected


@pytest.mark.parametrize("text", ["1064.0", "1,064", "2,5", "1.06", "10.64.000", "-3", "x", ""])
def test_vietnamese_counts_refuse_what_is_not_written_its_way(text: str) -> None:
    with pytest.raises(InputError) as caught:
        VIETNAMESE.count(text, "facts.households_resident")
    assert caught.value.path == "facts.households_resident"
    assert caught.value.value in (text, -3)


def test_antq_dialect_reads_digits_only() -> None:
    assert ANTQ.count("1064", "f") == 1064
    for text in ("1.064", "1064,0"):
        with pytest.raises(InputError, match="digits only"):
            ANTQ.count(text, "f")


def test_counts_have_the_limits_of_a_count() -> None:
    with pytest.raises(InputError, match="larger than any real count"):
        VIETNAMESE.count("1.000.000.000.001", "f")


@pytest.mark.parametrize("word", [*TRUE_WORDS, "CÓ", "Có", " x ", "Đ"])
def test_true_words(word: str) -> None:
    assert VIETNAMESE.boolean(word, "f") is True


@pytest.mark.parametrize("word", [*FALSE_WORDS, "KHÔNG", "K", "Không  đạt"])
def test_false_words(word: str) -> None:
    assert VIETNAMESE.boolean(word, "f") is False


def test_other_words_are_refused_with_the_list() -> None:
    with pytest.raises(InputError, match="có, x, đ") as caught:
        VIETNAMESE.boolean("1", "facts.registered_q1")
    assert caught.value.value == "1"
    with pytest.raises(InputError):
        ANTQ.boolean("có", "f")


@pytest.mark.parametrize(
    ("text", "iso"),
    [("14/03/2025", "2025-03-14"), ("4/3/2025", "2025-03-04"), ("2025-03-14", "2025-03-14")],
)
def test_dates(text: str, iso: str) -> None:
    assert VIETNAMESE.date(text, "d").isoformat() == iso


@pytest.mark.parametrize(
    "text", ["31/02/2025", "03/14/2025", "14-03-2025", "14/03/25", "2025/03/14"]
)
def test_bad_dates(text: str) -> None:
    with pytest.raises(InputError):
        VIETNAMESE.date(text, "d")


def test_antq_dates_are_iso_only() -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        ANTQ.date("14/03/2025", "d")


def test_separator_of() -> None:
    assert separator_of("a;b") == ";"
    assert separator_of('"Xã, phường";Năm xét') == ";"
    assert separator_of('id,"a;b"') == ","
    assert separator_of("id") is None


AREA_VI = (
    "Mã đơn vị;Loại đơn vị;Năm xét;Xã, phường;"
    "Hộ gia đình đang cư trú tại khu dân cư;Hộ gia đình đăng ký tham gia phong trào;"
    "Đơn vị đăng ký phấn đấu đạt tiêu chuẩn trong Quý I\n"
)


def _read(text: str, **kwargs: object) -> list[object]:
    return list(read_csv(io.BytesIO(text.encode("utf-8")), name="vi.csv", **kwargs))  # type: ignore[arg-type]


def test_semicolon_header_is_read_in_the_vietnamese_dialect() -> None:
    text = AREA_VI + "# ghi chú: bỏ qua;;;;;;\nKDC-1;khu dân cư;2025;X1;1.064;1.064;có\n"
    (unit,) = _read(text)
    assert not isinstance(unit, InputError)
    assert unit.kind is UnitKind.RESIDENTIAL_AREA
    assert unit.values["households_resident"] == 1064
    assert unit.values["registered_q1"] is True


def test_labels_with_commas_choose_the_vietnamese_dialect() -> None:
    text = 'id,kind,year,"Đơn vị đăng ký phấn đấu đạt tiêu chuẩn trong Quý I"\nK,residential_area,2025,không\n'
    (unit,) = _read(text)
    assert not isinstance(unit, InputError)
    assert unit.values["registered_q1"] is False


def test_antq_header_keeps_antq_dialect() -> None:
    text = "id,kind,year,registered_q1\nK,residential_area,2025,có\n"
    (error,) = _read(text)
    assert isinstance(error, InputError)
    assert "expected true or false" in str(error)


def test_an_explicit_dialect_wins_over_the_header() -> None:
    text = "id,kind,year,registered_q1,households_resident\nK,residential_area,2025,có,1.064\n"
    (unit,) = _read(text, dialect=VIETNAMESE)
    assert not isinstance(unit, InputError)
    assert unit.values["households_resident"] == 1064


def test_every_bad_cell_of_a_row_is_reported_and_the_row_is_counted_once() -> None:
    text = (
        AREA_VI + "KDC-1;khu dân cư;2025;X1;1064.0;nhiều;có lẽ\nKDC-2;khu dân cư;2025;X1;10;10;x\n"
    )
    items = _read(text)
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.path for e in errors] == [
        "vi.csv:line 2.facts.households_resident",
        "vi.csv:line 2.facts.households_registered",
        "vi.csv:line 2.facts.registered_q1",
    ]
    assert [e.value for e in errors] == ["1064.0", "nhiều", "có lẽ"]
    assert isinstance(errors[0], UnitReadError) and errors[0].unit is not None
    assert errors[0].unit.unit_id == "KDC-1" and errors[0].unit.commune == "X1"
    assert all(isinstance(e, UnitReadError) and e.unit is None for e in errors[1:])
    assert [i.unit_id for i in items if not isinstance(i, InputError)] == ["KDC-2"]


def test_header_problems_are_reported() -> None:
    text = "Mã đơn vị;Năm xét;Cột lạ\nK;2025;1\n"
    items = _read(text)
    assert any("unknown column" in str(i) for i in items)
    assert "missing: kind" in str(items[-1])


def test_a_unit_of_a_kind_without_the_fact() -> None:
    text = "Mã đơn vị;Loại đơn vị;Năm xét;Quy mô doanh nghiệp\nK;khu dân cư;2025;vừa\n"
    (error,) = _read(text)
    assert "unknown fact for a unit of kind residential_area" in str(error)


def test_kind_and_choices_by_label_or_code() -> None:
    text = (
        "Mã đơn vị;Loại đơn vị;Năm xét;Quy mô doanh nghiệp;"
        "Các nội dung của nội quy, quy định của đơn vị (ban hành trong Quý I, phù hợp với quy định của pháp luật)\n"
        'DN;enterprise;2025;vừa;"unit_protection; Bảo vệ bí mật nhà nước"\n'
    )
    (unit,) = _read(text)
    assert not isinstance(unit, InputError)
    assert unit.values["enterprise_size"].code == "medium"
    assert {t.code for t in unit.values["internal_rules_topics"]} == {
        "unit_protection",
        "state_secrets",
    }


def test_empty_file_and_bad_bytes() -> None:
    assert "empty" in str(_read("\n\n", dialect=VIETNAMESE)[-1])
    items = list(read_csv(io.BytesIO(AREA_VI.encode() + b"K;\xff\n"), dialect=VIETNAMESE))
    assert "not UTF-8" in str(items[0])


def test_a_malformed_header_is_reported_not_raised() -> None:
    # A NUL byte is named as such at once (issue 13): the file is not text.
    (error,) = _read("\r\x00")
    assert isinstance(error, InputError) and "the file holds NUL bytes" in str(error)
    (error,) = _read("\r,\r")
    assert isinstance(error, InputError) and "no header row" in str(error)
    items = _read('"a\x00b\r"x,id\n')
    assert all(isinstance(i, InputError) for i in items)


def test_a_row_longer_than_the_header() -> None:
    text = "Mã đơn vị;Loại đơn vị;Năm xét\nK;khu dân cư;2025;thừa\n"
    (error,) = _read(text)
    assert "more cells than the header" in str(error)
