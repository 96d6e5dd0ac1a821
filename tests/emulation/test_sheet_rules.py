"""A scoring sheet's items, vetoes and bands are :class:`antq.Rule` s, as criteria are.

Each has an id, a title (the item's or veto's ``text``, or its bands), a citation, a
kind, a status and a note; its catalogue entry and its results say what the rule says.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import antq
from antq.core.rule import CriterionKind, check_rule_id
from antq.core.unit_kinds import UnitKind
from antq.emulation import ScoringFacts, apply_override, score
from antq.emulation.sheets import (
    BandScheme,
    RuleType,
    ScoringSheet,
    SheetError,
    SheetItem,
    Veto,
    load_sheet,
    sheet_catalogue,
    sheet_from_dict,
    shipped_sheet,
    shipped_sheets,
)
from antq.errors import DefinitionError
from antq.vocabulary import LANGS

from . import EXAMPLE_SHEET, small

#: A province's override of QĐ 510 that fills its placeholders and adds bands and a veto
#: with a note (the shipped sheet has neither bands nor vetoes).
_OVERRIDE: dict[str, Any] = {
    "antq_sheet_override": 1,
    "base": "qd510.agency",
    "id": "qd510.agency+rules",
    "source": {"vi": "Quyết định thử", "en": "A test decision"},
    "inputs": {
        "done": {"type": "boolean", "vi": "Thực hiện", "en": "Done"},
        "other": {"type": "points", "vi": "Điểm khác", "en": "Other points"},
        "safe": {"type": "outcome", "vi": "An toàn", "en": "Safe"},
    },
    "fill": [
        {
            "item": "4.b",
            "items": [
                {
                    "id": "4.b",
                    "max_points": 2,
                    "rule": {"type": "all_or_nothing", "input": "done"},
                }
            ],
        },
        {"item": "4.rest", "items": []},
        {
            "item": "rest",
            "items": [
                {
                    "id": "5",
                    "max_points": 86,
                    "text": {"vi": "Các mục khác", "en": "The other items"},
                    "note": {"vi": "Ghi chú", "en": "A note"},
                    "rule": {"type": "assessor", "input": "other"},
                }
            ],
        },
    ],
    "classification": {
        "note": {"vi": "Ngưỡng thử", "en": "Test bands"},
        "bands": [{"class": "xuat_sac", "min_points": 90}, {"class": "kha", "min_points": 70}],
    },
    "vetoes": [
        {
            "id": "not-safe",
            "input": "safe",
            "applies_if": ["not_met"],
            "cap": "kha",
            "text": {"vi": "Không an toàn", "en": "Not safe"},
            "note": {"vi": "Ghi chú hạn chế", "en": "A veto note"},
        }
    ],
}


def _sheets() -> tuple[ScoringSheet, ...]:
    """The shipped sheets, the example sheet, the small test sheet and a filled QĐ 510."""
    filled = apply_override(shipped_sheet("qd510.agency"), _OVERRIDE)
    return (*shipped_sheets(), load_sheet(EXAMPLE_SHEET), sheet_from_dict(small()), filled)


def _rules(sheet: ScoringSheet) -> Iterator[SheetItem | Veto | BandScheme]:
    yield from (item for item, _ in sheet.walk())
    yield from sheet.vetoes
    if sheet.classification is not None:
        yield sheet.classification


def test_every_item_veto_and_band_scheme_is_a_rule() -> None:
    seen: dict[type, int] = {}
    for sheet in _sheets():
        for rule in _rules(sheet):
            assert isinstance(rule, antq.Rule), (sheet.id, rule)
            assert rule.info == antq.CriterionInfo.of(rule)
            assert rule.info.title is rule.title
            seen[type(rule)] = seen.get(type(rule), 0) + 1
    assert set(seen) == {SheetItem, Veto, BandScheme}  # every family was looked at
    # Each kind of rule says what it is in errors.
    assert (SheetItem.noun, Veto.noun, BandScheme.noun) == (
        "sheet item",
        "veto",
        "classification bands",
    )


def test_the_title_is_the_text_of_the_sheet_file() -> None:
    sheet = sheet_from_dict(small())
    item, veto = sheet.item("1.1"), sheet.vetoes[0]
    assert item.title.en == "Yes/no"
    assert veto.title.en == "Not safe"
    # The old name still reads, and is the same object.
    assert item.text is item.title
    assert veto.text is veto.title


def test_a_band_scheme_is_called_classification_and_titled_by_its_bands() -> None:
    scheme = sheet_from_dict(small()).classification
    assert scheme is not None
    assert (scheme.id, scheme.kind) == ("classification", CriterionKind.THRESHOLD)
    assert (
        scheme.title.render("en")
        == "Classification: excellent from 18; good from 14; average from 10"
    )
    # Made again from other bands, the title follows them.
    fewer = attrs.evolve(scheme, bands=scheme.bands[:1])
    assert fewer.title.render("en") == "Classification: excellent from 18"
    assert fewer.info.title == fewer.title


def test_a_catalogue_entry_says_what_its_rule_says() -> None:
    sheets = _sheets()
    roles: set[str] = set()
    for entry in sheet_catalogue(sheets):
        rule = entry.rule
        if rule is None:  # a sheet without bands: see the next test
            continue
        listed = entry.entry()
        roles.add(listed.role)
        prefix = "veto:" if isinstance(rule, Veto) else ""
        assert listed.id == f"{entry.sheet.id}/{prefix}{rule.id}"
        assert listed.citation == rule.citation
        assert listed.confirmation is rule.confirmation
        assert listed.note == rule.note
        for lang in LANGS:
            assert listed.title.render(lang) == rule.title.render(lang)
        data = entry.to_json()
        assert data["confirmation"] == rule.confirmation.code
        assert data["title"] == {lang: rule.title.render(lang) for lang in LANGS}
    assert roles == {"item", "veto", "classification"}


def test_a_sheet_without_bands_lists_them_as_to_be_supplied() -> None:
    sheet = shipped_sheet("qd510.agency")
    assert sheet.classification is None
    (entry,) = [e for e in sheet_catalogue([sheet]) if e.role == "classification"]
    assert entry.rule is None
    assert entry.id == "qd510.agency/classification"
    assert entry.confirmation is antq.Confirmation.UNCONFIRMED
    assert entry.title("en") == "Classification thresholds: unconfirmed, must be supplied"


#: How each rule type decides, as an item's kind.
KINDS = {
    RuleType.ALL_OR_NOTHING: CriterionKind.BOOLEAN,
    RuleType.THRESHOLD: CriterionKind.THRESHOLD,
    RuleType.PROPORTIONAL: CriterionKind.THRESHOLD,
    RuleType.PER_OCCURRENCE: CriterionKind.THRESHOLD,
    RuleType.ASSESSOR: CriterionKind.JUDGEMENT,
    RuleType.UNCONFIRMED: CriterionKind.JUDGEMENT,
}


def test_an_items_kind_comes_from_how_it_decides() -> None:
    assert {t: t.kind for t in RuleType} == KINDS
    sheet = sheet_from_dict(small())
    kinds = {item.id: item.kind for item, _ in sheet.walk()}
    assert kinds == {
        "1": CriterionKind.THRESHOLD,  # a group: the sum of its sub-items against its maximum
        "1.1": CriterionKind.BOOLEAN,
        "1.2": CriterionKind.THRESHOLD,
        "2": CriterionKind.THRESHOLD,
        "3": CriterionKind.THRESHOLD,
        "4": CriterionKind.JUDGEMENT,
    }
    assert shipped_sheet("qd510.agency").item("4.b").kind is CriterionKind.JUDGEMENT  # placeholder
    for sheet in _sheets():
        for rule in _rules(sheet):
            if isinstance(rule, Veto):
                assert rule.kind is CriterionKind.BOOLEAN
            elif isinstance(rule, BandScheme):
                assert rule.kind is CriterionKind.THRESHOLD
            elif rule.rule is not None:
                assert rule.kind is KINDS[rule.rule.type], rule.id
            assert rule.info.kind is rule.kind


def test_a_filled_placeholder_takes_the_kind_of_what_fills_it() -> None:
    filled = apply_override(shipped_sheet("qd510.agency"), _OVERRIDE)
    assert filled.item("4.b").kind is CriterionKind.BOOLEAN
    assert filled.item("5").kind is CriterionKind.JUDGEMENT
    assert filled.item("4").kind is CriterionKind.THRESHOLD


def test_item_ids_are_the_sheets_to_check() -> None:
    # Roman numerals and capitals are item ids a sheet accepts, though not criterion ids.
    data = small()
    group = data["items"][0]
    group["id"] = "I"
    group["items"][0]["id"] = "I.a"
    group["items"][1]["id"] = "I.B"
    sheet = sheet_from_dict(data)
    assert [item.id for item, _ in sheet.walk()][:3] == ["I", "I.a", "I.B"]
    with pytest.raises(DefinitionError):
        check_rule_id(sheet.item("I"), attrs.fields(antq.Rule).id, "I.a")


@pytest.mark.parametrize("bad", ["x y", "4..a", "", "ý"])
def test_a_bad_item_id_in_a_sheet_file_is_the_sheets_error(bad: str) -> None:
    data = small()
    data["items"][1]["id"] = bad
    with pytest.raises(SheetError) as raised:
        sheet_from_dict(data, source="province.toml")
    assert raised.value.field == "items[1].id"
    assert "an item id is letters and digits joined by dots" in raised.value.message


def test_a_bad_item_or_veto_id_made_in_python_is_the_sheets_error() -> None:
    sheet = sheet_from_dict(small())
    item = attrs.evolve(sheet.items[1], id="x y")  # no DefinitionError when made
    with pytest.raises(SheetError) as raised:
        attrs.evolve(sheet, items=(sheet.items[0], item, *sheet.items[2:]))
    assert (raised.value.item, raised.value.field) == ("x y", "id")
    veto = attrs.evolve(sheet.vetoes[0], id="Not Safe")
    with pytest.raises(SheetError) as raised:
        attrs.evolve(sheet, vetoes=(veto,))
    assert raised.value.field == "vetoes.id"


def test_a_veto_id_may_use_what_a_sheet_allows() -> None:
    # A "+" joins words in a sheet's ids (as in an override's "qd510.agency+province").
    data = small()
    data["vetoes"][0]["id"] = "not-safe+province"
    assert sheet_from_dict(data).vetoes[0].id == "not-safe+province"


def test_results_say_what_their_rule_says() -> None:
    sheet = apply_override(shipped_sheet("qd510.agency"), _OVERRIDE)
    facts = ScoringFacts(
        unit_id="CQ-1", kind=UnitKind.AGENCY, year=2025, values={"safe": "not_met", "other": 3}
    )
    result = score(sheet, facts)
    for item_result in result.items:
        item = sheet.item(item_result.item_id)
        assert item_result.about is item.info
        assert (item_result.title, item_result.kind, item_result.note) == (
            item.title,
            item.kind,
            item.note,
        )
    assert result.item("5").note is not None
    (veto_result,) = result.classification.vetoes
    veto = sheet.vetoes[0]
    assert veto_result.about == attrs.evolve(veto.info, note=None)  # the JSON has no note
    as_criterion = veto_result.as_result()
    assert as_criterion.criterion_id == "veto:not-safe"
    assert as_criterion.about == attrs.evolve(veto.info, id="veto:not-safe", note=None)
    assert as_criterion.outcome is antq.Outcome.NOT_MET


def test_results_read_back_from_json_have_the_same_info() -> None:
    sheet = sheet_from_dict(small())
    result = score(
        sheet,
        ScoringFacts(unit_id="X", kind=UnitKind.COMMUNE, year=2025, values={"flag": True}),
    )
    back = type(result).from_json(result.to_json())
    assert back == result
    assert [r.about for r in back.items] == [item.info for item, _ in sheet.walk()]
    assert back.item("1").kind is CriterionKind.THRESHOLD
    assert back.item("2").points is None
    assert back.classification.vetoes[0].about == sheet.vetoes[0].info
