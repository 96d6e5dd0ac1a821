"""The legal tables' loader: each reader returns a typed value or names file, key path and value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from antq.core.unit_kinds import UnitKind
from antq.errors import DataFileError
from antq.i18n.catalog import Msg, Text
from antq.i18n.extract import toml_msgids
from antq.law.citation import cite
from antq.law.confirmation import Confirmation
from antq.law.tables import Node, load

SOURCE = "antq/x/data/t.toml"


def node(value: object) -> Node:
    """The value at ``rows[2].v`` of a table file."""
    return Node(SOURCE, "", {"rows": [{}, {}, {"v": value}]})["rows"].items()[2]["v"]


def test_readers_return_typed_values() -> None:
    assert node("text").text() == "text"
    assert node(["a", "b"]).texts() == ("a", "b")
    assert node(3).integer(low=1, high=3) == 3
    assert node(False).boolean() is False
    assert node(date(2022, 2, 10)).day() == date(2022, 2, 10)
    assert node("commune").code(UnitKind) is UnitKind.COMMUNE
    assert node(["commune", "agency"]).codes(UnitKind) == {UnitKind.COMMUNE, UnitKind.AGENCY}
    assert node({"vi": "xã", "en": "commune"}).bilingual() == Text(vi="xã", en="commune")
    assert node({"msgid": "required"}).message() == Msg("required")
    assert node({"msgid": "required"}).label() == Msg("required")
    assert node({"vi": "xã", "en": "commune"}).label() == Text(vi="xã", en="commune")
    assert node("partial").confirmation() is Confirmation.PARTIAL
    citation = {"instrument": "124/2021/tt-bca", "article": 9, "clause": 2, "point": "a"}
    assert node(citation).citation() == cite("124/2021/TT-BCA", 9, 2, "a")


def test_tables_keys_and_arrays() -> None:
    root = Node(SOURCE, "", {"a": 1, "b": [{"c": 2}]})
    assert root["a"].path == "a"
    assert root.get("z") is None
    assert root.optional("a", Node.integer) == 1
    assert root.optional("z", Node.integer) is None
    assert [n.path for n in root["b"].items()] == ["b[0]"]
    assert [(k, n.path) for k, n in root["b"].items()[0].entries()] == [("c", "b[0].c")]
    assert root.keys(("a", "b")) is root
    assert root.mapping() == {"a": 1, "b": [{"c": 2}]}


BAD: list[tuple[Callable[[Node], object], object, str]] = [
    (Node.text, 7, "expected non-empty text"),
    (Node.text, "  ", "expected non-empty text"),
    (Node.texts, "a", "expected a list"),
    (Node.integer, True, "expected a whole number"),
    (Node.integer, 1.5, "expected a whole number"),
    (lambda n: n.integer(low=1, high=3), 4, "must be between 1 and 3"),
    (lambda n: n.integer(low=1), 0, "must be 1 or more"),
    (lambda n: n.integer(high=3), 4, "must be 3 or less"),
    (Node.boolean, "yes", "expected true or false"),
    (Node.day, "2022-02-10", "expected a date"),
    (Node.day, datetime(2022, 2, 10, 8), "expected a date"),
    (lambda n: n.code(UnitKind), "village", "unknown UnitKind code"),
    (lambda n: n.codes(UnitKind), ["commune", "commune"], "lists a code twice"),
    (Node.bilingual, "xã", "expected {vi, en}"),
    (Node.message, {"msgid": ""}, "expected non-empty text"),
    (Node.confirmation, "sure", "unknown Confirmation code"),
    (Node.citation, "124/2021/TT-BCA", "expected a citation table"),
    (Node.citation, {"instrument": "124/2021/TT-BCA", "article": 0}, "must be 1 or more"),
    (Node.citation, {"instrument": "124/2021/TT-BCA", "article": 5, "clause": 5}, "does not exist"),
    (Node.citation, {"instrument": "1/2099/TT-BCA"}, "unknown instrument"),
    (Node.mapping, [], "expected a table"),
]


@pytest.mark.parametrize(("read", "value", "message"), BAD)
def test_each_error_names_file_key_path_and_value(
    read: Callable[[Node], object], value: object, message: str
) -> None:
    with pytest.raises(DataFileError, match=message) as caught:
        read(node(value))
    error = caught.value
    assert error.source == SOURCE
    assert error.path.startswith("rows[2].v")
    assert str(error).startswith(f"{SOURCE}: rows[2].v")
    assert repr(error.value) in str(error)


def test_a_missing_and_an_unknown_key_are_named() -> None:
    row = node({"vi": "xã", "fr": "commune"})
    with pytest.raises(DataFileError) as caught:
        row.bilingual()
    assert str(caught.value) == (
        f"{SOURCE}: rows[2].v.fr: unknown key; allowed: en, vi (got 'commune')"
    )
    with pytest.raises(DataFileError) as caught:
        node({"vi": "xã"}).bilingual()
    assert str(caught.value) == f"{SOURCE}: rows[2].v.en: required (got None)"
    assert caught.value.render("vi") == f"{SOURCE}: rows[2].v.en: bắt buộc (giá trị: None)"


def test_the_citation_reader_names_the_part_at_fault() -> None:
    with pytest.raises(DataFileError) as caught:
        node({"instrument": "124/2021/TT-BCA", "clause": 1, "article": "9"}).citation()
    assert caught.value.path == "rows[2].v.article"


def test_load_reads_a_shipped_file_and_names_it() -> None:
    root = load("antq.emulation", "qd510_procedure.toml")
    assert root.source == "antq/emulation/qd510_procedure.toml"
    assert root["antq_procedure"].integer() == 1


def test_a_file_that_is_not_toml_is_a_data_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    loads = tomllib.loads

    def broken(text: str) -> object:
        return loads("a = ")

    monkeypatch.setattr(tomllib, "loads", broken)
    with pytest.raises(DataFileError, match=r"antq/emulation/qd510_procedure.toml: \(top\)"):
        load("antq.emulation", "qd510_procedure.toml")


def test_catalogue_messages_are_found_in_toml_files() -> None:
    text = 'a = { msgid = "one" }\n[[rows]]\nnote = { msgid = "two" }\nother = { vi = "x", en = "y" }\n'
    assert list(toml_msgids(text)) == [(1, "one"), (3, "two")]


def test_building_names_the_row_of_an_object_that_refuses_its_values() -> None:
    from antq.errors import DefinitionError

    row = Node(SOURCE, "", {"rows": [{"n": 1}]})["rows"].items()[0]
    with pytest.raises(DataFileError) as caught, row.building():
        raise DefinitionError("ends before it starts")
    assert str(caught.value) == f"{SOURCE}: rows[0]: ends before it starts (got {{'n': 1}})"
    with pytest.raises(DataFileError) as caught, row.building("X1"):
        raise DefinitionError("bad")
    assert caught.value.value == "X1"
    with pytest.raises(DataFileError) as caught, row.building():
        row["n"].text()
    assert caught.value.path == "rows[0].n"


def test_dates_are_inclusive_bounds_in_order() -> None:
    row = node({"valid_from": date(2022, 2, 10), "valid_to": date(2022, 2, 10)})
    assert row.dates() == (date(2022, 2, 10), date(2022, 2, 10))
    assert node({}).dates() == (None, None)
    with pytest.raises(DataFileError, match="ends before it starts") as caught:
        node({"from": date(2022, 2, 10), "to": date(2022, 2, 9)}).dates("from", "to")
    assert caught.value.path == "rows[2].v.to"
