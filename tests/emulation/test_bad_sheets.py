"""Bad scoring sheets, as files read them and as Python builds them: each is a SheetError.

A sheet is declarative data; every way to get one wrong names the sheet, the
item and the field, and nothing is guessed. One row per check of the reader
(:func:`antq.emulation.sheets.sheet_from_dict`) and of the validator that
every :class:`antq.emulation.sheets.ScoringSheet` runs when it is made.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

from antq.emulation.sheets import ScoringSheet, SheetError, sheet_from_dict
from antq.i18n.catalog import Text

from . import small


def _item(data: dict[str, Any], *path: int) -> dict[str, Any]:
    node: dict[str, Any] = {"items": data["items"]}
    for index in path:
        node = node["items"][index]
    return node


Edit = Callable[[dict[str, Any]], object]

#: (case, edit of the small sheet's data, item, field, message)
READER_CASES: list[tuple[str, Edit, str | None, str, str]] = [
    ("judgement not a boolean", lambda d: d["inputs"]["given"].update(judgement="yes"), None, "inputs.given.judgement", "expected true or false"),
    ("items not a list", lambda d: d.update(items={}), None, "items", "expected a list of items ([[items]] tables)"),
    ("a group without sub-items", lambda d: _item(d, 0).update(items=[]), "1", "items", "a group needs at least one sub-item"),
    ("no bands", lambda d: d["classification"].update(bands=[]), None, "classification.bands", "expected a list of bands"),
    ("vetoes not a list", lambda d: d.update(vetoes={}), None, "vetoes", "expected a list of vetoes ([[vetoes]])"),
    ("a veto id with spaces", lambda d: d["vetoes"][0].update(id="Not Safe"), None, "vetoes[0].id", "a veto id is lowercase words"),
    ("a veto reading an undeclared input", lambda d: d["vetoes"][0].update(input="nope"), None, "vetoes.not-safe.input", "does not declare"),
    ("a veto applying to nothing", lambda d: d["vetoes"][0].update(applies_if=[]), None, "vetoes.not-safe.applies_if", "expected a non-empty list of values"),
    ("a veto applying to an unknown code", lambda d: d["vetoes"][0].update(applies_if=["maybe"]), None, "vetoes.not-safe.applies_if", "unknown Outcome code"),
    ("unit kinds not a list", lambda d: d.update(unit_kinds="commune"), None, "unit_kinds", "expected a list of unit kind codes"),
    ("no citation", lambda d: d.pop("citation"), None, "citation", "required"),
    ("no total", lambda d: d.pop("total"), None, "total", "required"),
    ("no items", lambda d: d.pop("items"), None, "items", "required"),
    ("points as a huge decimal string", lambda d: _item(d, 3).update(max_points="9999999999"), "4", "max_points", "points must be at most 1000000000"),
    ("points as a Decimal NaN", lambda d: _item(d, 3).update(max_points=Decimal("NaN")), "4", "max_points", "expected points, not NaN"),
    ("points as a huge Decimal", lambda d: _item(d, 3).update(max_points=Decimal("1e12")), "4", "max_points", "points must be at most 1000000000"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("edit", "item", "field", "message"),
    [case[1:] for case in READER_CASES],
    ids=[case[0] for case in READER_CASES],
)
def test_a_bad_sheet_file_is_a_sheet_error_naming_item_and_field(
    edit: Edit, item: str | None, field: str, message: str
) -> None:
    data = small()
    edit(data)
    with pytest.raises(SheetError) as raised:
        sheet_from_dict(data)
    assert (raised.value.item, raised.value.field) == (item, field)
    assert message in raised.value.message


SHEET = sheet_from_dict(small())


def _evolve(**changes: Any) -> ScoringSheet:
    return attrs.evolve(SHEET, **changes)


def _with_item(index: int, **changes: Any) -> ScoringSheet:
    items = list(SHEET.items)
    items[index] = attrs.evolve(items[index], **changes)
    return _evolve(items=tuple(items))


def _with_threshold(**changes: Any) -> ScoringSheet:
    group = SHEET.items[0]
    leaf = group.children[1]
    changed = attrs.evolve(leaf, rule=attrs.evolve(leaf.rule, **changes))
    return _evolve(
        items=(attrs.evolve(group, children=(group.children[0], changed)), *SHEET.items[1:])
    )


def _with_veto(**changes: Any) -> ScoringSheet:
    return _evolve(vetoes=(attrs.evolve(SHEET.vetoes[0], **changes),))


def _with_input(**changes: Any) -> ScoringSheet:
    return _evolve(inputs=(attrs.evolve(SHEET.inputs[0], **changes), *SHEET.inputs[1:]))


PYTHON_CASES: list[tuple[str, Callable[[], object], str | None, str | None, str]] = [
    ("an id with spaces", lambda: _evolve(id="Bad Id"), None, "id", "must be lowercase letters"),
    ("an unknown nature", lambda: _evolve(nature="x"), None, "nature", "unknown nature"),
    ("no unit kinds", lambda: _evolve(unit_kinds=()), None, "unit_kinds", "expected one or more unit kinds"),
    ("a unit kind twice", lambda: _evolve(unit_kinds=SHEET.unit_kinds * 2), None, "unit_kinds", "listed twice"),
    ("a total of zero", lambda: _evolve(total=Fraction(0)), None, "total", "must be a number of points > 0"),
    ("no items", lambda: _evolve(items=()), None, "items", "a sheet needs at least one item"),
    ("a blank title", lambda: _evolve(title=Text(vi=" ", en="x")), None, "title", "expected non-empty text in vi and en"),
    ("a confirmation as text", lambda: _evolve(confirmation="sure"), None, "confirmation", "expected confirmed, partial or unconfirmed"),
    ("a citation as text", lambda: _evolve(citation="Điều 5"), None, "citation", "expected a citation"),
    ("an input of the wrong type", lambda: _evolve(inputs=(*SHEET.inputs, "x")), None, "inputs", "expected a SheetInput"),
    ("an input name in capitals", lambda: _with_input(name="Bad"), None, "inputs.Bad", "an input name is lowercase"),
    ("an input twice", lambda: _evolve(inputs=(*SHEET.inputs, SHEET.inputs[0])), None, "inputs.flag", "input declared twice"),
    ("an unknown input type", lambda: _with_input(type="x"), None, "inputs.flag.type", "unknown input type"),
    ("an item of the wrong type", lambda: _evolve(items=(*SHEET.items, "x")), None, "items", "expected a SheetItem"),
    ("an item id with a space", lambda: _with_item(1, id="x y"), "x y", "id", "an item id is letters and digits"),
    ("a leaf without a rule", lambda: _with_item(1, rule=None), "2", "rule", "a leaf item needs a rule"),
    ("a leaf with an unknown rule", lambda: _with_item(1, rule="x"), "2", "rule", "unknown rule"),
    ("a threshold comparison as text", lambda: _with_threshold(comparison="x"), "1.2", "rule.comparison", "must be at_least or more_than"),
    ("a threshold of an input over itself", lambda: _with_threshold(whole="part"), "1.2", "rule.whole", "different inputs"),
    ("a negative floor", lambda: _with_item(2, rule=attrs.evolve(SHEET.items[2].rule, floor=Fraction(-1))), "3", "rule.floor", "must be a number >= 0"),
    ("a classification of the wrong type", lambda: _evolve(classification="x"), None, "classification", "expected a BandScheme"),
    ("no bands", lambda: _evolve(classification=attrs.evolve(SHEET.classification, bands=())), None, "classification.bands", "expected at least one band"),
    ("a band of the wrong type", lambda: _evolve(classification=attrs.evolve(SHEET.classification, bands=("x",))), None, "classification.bands[0]", "expected a band with a class"),
    ("a veto of the wrong type", lambda: _evolve(vetoes=("x",)), None, "vetoes", "expected a Veto"),
    ("a veto id with spaces", lambda: _with_veto(id="Bad Id"), None, "vetoes.id", "a veto id is lowercase words"),
    ("a veto twice", lambda: _evolve(vetoes=SHEET.vetoes * 2), None, "vetoes.not-safe", "duplicate veto id"),
    ("a veto reading an undeclared input", lambda: _with_veto(input="nope"), None, "vetoes.not-safe.input", "does not declare"),
    ("a veto reading a count", lambda: _with_veto(input="events"), None, "vetoes.not-safe.input", "a veto reads a boolean or outcome input"),
    ("a veto applying to nothing", lambda: _with_veto(applies_if=()), None, "vetoes.not-safe.applies_if", "expected the values"),
    ("a veto cap as text", lambda: _with_veto(cap="kha"), None, "vetoes.not-safe.cap", "expected a class"),
    ("asking for an item that is not there", lambda: SHEET.item("9"), "9", None, "no such item"),
    ("asking for an input that is not there", lambda: SHEET.input("nope"), None, "inputs.nope", "no such input"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "item", "field", "message"),
    [case[1:] for case in PYTHON_CASES],
    ids=[case[0] for case in PYTHON_CASES],
)
def test_a_bad_sheet_built_in_python_is_a_sheet_error_naming_item_and_field(
    make: Callable[[], object], item: str | None, field: str | None, message: str
) -> None:
    with pytest.raises(SheetError) as raised:
        make()
    assert (raised.value.item, raised.value.field) == (item, field)
    assert message in raised.value.message
