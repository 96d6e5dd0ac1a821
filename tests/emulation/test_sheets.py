"""Scoring sheets: the shipped QĐ 510 sheet, the example, validation, overrides, catalogue."""

from __future__ import annotations

import copy
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from antq import Confirmation, DefinitionError, InputError, UnitKind
from antq.emulation import (
    MovementClass,
    RuleType,
    ScoringSheet,
    SheetError,
    SheetNature,
    Threshold,
    apply_override,
    apply_override_file,
    load_sheet,
    parse_points,
    sheet_catalogue,
    sheet_from_dict,
    shipped_sheet,
    shipped_sheets,
)
from antq.emulation.sheets import MAX_DEPTH, MAX_SHEET_BYTES, Otherwise, format_points

from . import EXAMPLE_SHEET, SMALL, small


def _error(data: dict[str, Any]) -> SheetError:
    with pytest.raises(SheetError) as caught:
        sheet_from_dict(data)
    return caught.value


def _item(data: dict[str, Any], *path: int) -> dict[str, Any]:
    node: dict[str, Any] = {"items": data["items"]}
    for index in path:
        node = node["items"][index]
    return node


# --- the shipped QĐ 510 sheet -----------------------------------------------------------


def test_qd510_sheet_encodes_only_what_is_confirmed() -> None:
    sheet = shipped_sheet("qd510.agency")
    assert sheet.nature is SheetNature.LAW
    assert sheet.total == 100
    assert sheet.unit_kinds == (
        UnitKind.AGENCY,
        UnitKind.ENTERPRISE,
        UnitKind.EDUCATIONAL_INSTITUTION,
    )
    assert sheet.citation.render("en") == "Article 7, Decision 510/QĐ-BCA-V05"
    assert sheet.confirmation is Confirmation.PARTIAL
    points = {item.id: item.max_points for item, _ in sheet.walk()}
    assert points == {
        "1": 3,
        "2": 3,
        "3": 5,
        "4": None,
        "4.a": 1,
        "4.b": None,
        "4.rest": None,
        "rest": None,
    }
    assert sheet.item("1").confirmation is Confirmation.CONFIRMED
    assert sheet.item("3").confirmation is Confirmation.CONFIRMED
    assert sheet.item("4.a").confirmation is Confirmation.CONFIRMED
    rule = sheet.item("2").rule
    assert isinstance(rule, Threshold)
    assert rule.percent == 90 and rule.otherwise is Otherwise.ASSESSOR
    assert [i.id for i in sheet.unfilled()] == ["4.b", "4.rest", "rest"]
    assert all(i.confirmation is Confirmation.UNCONFIRMED for i in sheet.unfilled())
    # The classification thresholds and vetoes are UNCONFIRMED: not in the shipped sheet.
    assert sheet.classification is None
    assert sheet.vetoes == ()


def test_shipped_sheets_are_listed_by_id() -> None:
    assert [s.id for s in shipped_sheets()] == ["qd510.agency"]
    with pytest.raises(InputError, match="no shipped sheet"):
        shipped_sheet("qd510.commune")


def test_example_sheet_is_complete_and_labelled_as_an_example() -> None:
    sheet = load_sheet(EXAMPLE_SHEET)
    assert sheet.nature is SheetNature.EXAMPLE
    assert sheet.nature.label("en") == "illustrative example, not law"
    assert "not law" in sheet.title.en
    assert sheet.unfilled() == ()
    tops = [item.known_max for item in sheet.items]
    assert tops == [20, 20, 20, 20, 20]
    assert sheet.classification is not None
    assert [(b.movement_class, b.min_points) for b in sheet.classification.bands] == [
        (MovementClass.XUAT_SAC, 90),
        (MovementClass.KHA, 75),
        (MovementClass.TRUNG_BINH, 50),
        (MovementClass.YEU, 0),
    ]
    assert [v.id for v in sheet.vetoes] == ["not-safe", "serious-incident"]
    used = {rule.type for item, _ in sheet.walk() if (rule := item.rule) is not None}
    assert used == set(RuleType) - {RuleType.UNCONFIRMED}


def test_sheets_are_immutable_and_hashable() -> None:
    sheet = sheet_from_dict(small())
    assert hash(sheet) == hash(sheet_from_dict(small()))
    with pytest.raises(AttributeError):
        sheet.total = Fraction(5)  # type: ignore[misc]


# --- points --------------------------------------------------------------------------------


def test_points_are_exact_and_floats_are_refused() -> None:
    assert parse_points("0.25") == Fraction(1, 4)
    assert parse_points(7) == 7
    for bad in (0.5, True, "1/2", "-1", "1.23456", -2, 10**5000, "9" * 5000, 10**9 + 1):
        with pytest.raises(InputError):
            parse_points(bad)
    assert parse_points(10**9) == 10**9
    assert format_points(Fraction(5, 2), "vi") == "2,5"
    assert format_points(Fraction(5, 2), "en") == "2.5"


# --- validation: every error names the sheet, the item and the field ------------------------


def test_maxima_must_add_up_to_the_total() -> None:
    error = _error(small(total=21))
    assert error.path == "sheet t.small, field total"
    assert "add up to 20, not 21" in str(error)
    data = small()
    _item(data, 0)["max_points"] = 9
    error = _error(data)
    assert (error.item, error.field) == ("1", "max_points")
    assert "add up to 8, not 9" in error.message


def test_known_maxima_must_leave_room_for_unfilled_items() -> None:
    data = small()
    data["items"].append(
        {"id": "9", "text": {"vi": "x", "en": "x"}, "rule": {"type": "unconfirmed"}}
    )
    error = _error(data)
    assert error.field == "total" and "leaving nothing" in error.message
    data["total"] = 25  # 20 known, the placeholder may take the rest
    sheet = sheet_from_dict(data)
    assert [i.id for i in sheet.unfilled()] == ["9"]


def test_duplicate_item_ids() -> None:
    data = small()
    _item(data, 3)["id"] = "2"
    error = _error(data)
    assert (error.item, error.field, error.message) == ("2", "id", "duplicate item id")


def test_sub_item_ids_start_with_the_parent_id() -> None:
    data = small()
    _item(data, 0, 1)["id"] = "2.2"
    error = _error(data)
    assert error.item == "2.2" and "parent's id" in error.message


def test_bad_citations_are_refused_when_the_sheet_is_loaded() -> None:
    data = small(citation={"instrument": "999/2099/TT-XYZ"})
    error = _error(data)
    assert error.field == "citation"
    data = small()
    _item(data, 2)["citation"] = {"instrument": "124/2021/TT-BCA", "article": 5, "clause": 9}
    error = _error(data)
    assert (error.item, error.field) == ("3", "citation")
    assert "does not exist" in error.message
    assert isinstance(error, DefinitionError) and isinstance(error, InputError)


def test_unknown_rule_type_is_refused_never_executed() -> None:
    data = small()
    _item(data, 3)["rule"] = {"type": "python", "input": "__import__('os').system('x')"}
    error = _error(data)
    assert (error.item, error.field) == ("4", "rule.type")
    assert "unknown RuleType code" in error.message


def test_rule_fields_are_checked() -> None:
    cases: list[tuple[int, dict[str, Any], str, str]] = [
        (2, {"type": "assessor", "input": "nope"}, "rule.input", "does not declare"),
        (2, {"type": "assessor", "input": "flag"}, "rule.input", "must be a points input"),
        (2, {"type": "assessor"}, "rule.input", "required"),
        (2, {"type": "assessor", "input": "given", "extra": 1}, "rule.extra", "unknown key"),
        (
            1,
            {"type": "proportional", "part": "part", "whole": "whole", "step": 5},
            "rule.step",
            "must not exceed",
        ),
        (
            1,
            {"type": "proportional", "part": "part", "whole": "whole", "step": 3},
            "rule.step",
            "must divide the item's maximum 4",
        ),
        (
            1,
            {"type": "proportional", "part": "part", "whole": "whole", "step": "1.5"},
            "rule.step",
            "or a full share could not get the full points",
        ),
        (
            1,
            {"type": "proportional", "part": "part", "whole": "part", "step": 1},
            "rule.whole",
            "different inputs",
        ),
        (
            2,
            {"type": "per_occurrence", "input": "events", "per": 1, "floor": 4},
            "rule.floor",
            "below the item's maximum",
        ),
        (2, {"type": "per_occurrence", "input": "events", "per": 0}, "rule.per", "> 0"),
    ]
    for index, rule, field, fragment in cases:
        data = small()
        _item(data, index)["rule"] = rule
        if rule.get("type") != "assessor":
            # keep every declared input used
            data["items"].append(
                {
                    "id": "8",
                    "text": {"vi": "x", "en": "x"},
                    "max_points": 1,
                    "rule": {"type": "assessor", "input": "given"},
                }
            )
            data["total"] = 21
        error = _error(data)
        assert error.field == field, (rule, error)
        assert fragment in error.message, (rule, error)


def test_threshold_rule_checks() -> None:
    data = small()
    rule = _item(data, 0, 1)["rule"]
    rule["percent"] = 101
    assert _error(data).field == "rule.percent"
    rule["percent"] = 90
    rule["otherwise"] = "assessor"
    error = _error(data)
    assert error.field == "rule.assessor_input" and "needs an assessor_input" in error.message
    rule["otherwise"] = "zero"
    rule["assessor_input"] = "given"
    assert "only read when otherwise = assessor" in _error(data).message


def test_floats_are_refused_in_sheets() -> None:
    data = small()
    _item(data, 3)["max_points"] = 4.0
    error = _error(data)
    assert (error.item, error.field) == ("4", "max_points")
    assert "floats are not exact" in error.message


def test_unknown_keys_are_errors_not_ignored() -> None:
    error = _error(small(titel={"vi": "x", "en": "y"}))
    assert error.field == "titel" and "unknown key" in error.message
    data = small()
    _item(data, 2)["max_point"] = 4
    assert _error(data).field == "max_point"


def test_every_declared_input_must_be_read() -> None:
    data = small()
    data["inputs"]["spare"] = {"type": "count", "vi": "x", "en": "x"}
    error = _error(data)
    assert error.field == "inputs.spare" and "never read" in error.message


def test_bands_must_be_ordered_and_not_overlap() -> None:
    data = small()
    data["classification"]["bands"][1]["class"] = "xuat_sac"
    error = _error(data)
    assert error.field == "classification.bands[1].class"
    data = small()
    data["classification"]["bands"] = [
        {"class": "kha", "min_points": 14},
        {"class": "xuat_sac", "min_points": 18},
    ]
    assert "from the highest class down" in _error(data).message
    data = small()
    data["classification"]["bands"][1]["min_points"] = 18
    error = _error(data)
    assert error.field == "classification.bands[1].min_points" and "overlap" in error.message
    data = small()
    data["classification"]["bands"][0]["min_points"] = 21
    assert "from 0 to the total 20" in _error(data).message


def test_veto_checks() -> None:
    data = small()
    data["vetoes"][0]["cap"] = "yeu"
    assert "band classes" in _error(data).message
    data = small()
    data["vetoes"][0]["cap"] = "xuat_sac"
    assert "caps nothing" in _error(data).message
    data = small()
    data["vetoes"][0]["applies_if"] = ["unknown"]
    assert _error(data).field == "vetoes.not-safe.applies_if"
    data = small()
    data["vetoes"][0]["input"] = "events"
    data["items"][2]["rule"]["input"] = "events"
    error = _error(data)
    assert error.field == "vetoes.not-safe.input" and "boolean or outcome" in error.message


def test_confirmation_cannot_be_overclaimed() -> None:
    data = small(confirmation="confirmed")
    assert sheet_from_dict(data).item("1.1").confirmation is Confirmation.CONFIRMED  # inherited
    _item(data, 3)["confirmation"] = "partial"
    error = _error(data)
    assert (error.item, error.field) == (None, "confirmation") and "use partial" in error.message
    data = small(confirmation="partial")
    _item(data, 0)["confirmation"] = "confirmed"
    _item(data, 0, 1)["confirmation"] = "unconfirmed"
    error = _error(data)
    assert (error.item, error.field) == ("1", "confirmation")
    data = small(total=25)
    data["items"].append(
        {
            "id": "9",
            "text": {"vi": "x", "en": "x"},
            "confirmation": "confirmed",
            "rule": {"type": "unconfirmed"},
        }
    )
    error = _error(data)
    assert (error.item, error.field) == ("9", "confirmation")


def test_leaf_needs_a_rule_and_a_maximum() -> None:
    data = small()
    del _item(data, 3)["max_points"]
    error = _error(data)
    assert (error.item, error.field) == ("4", "max_points")
    data = small()
    del _item(data, 3)["rule"]
    assert "either a rule or sub-items" in _error(data).message


def _chain(depth: int) -> dict[str, Any]:
    """A one-point sheet whose only leaf is ``depth`` levels deep."""
    data = small(total=1)
    data["inputs"] = {"flag": {"type": "boolean", "vi": "x", "en": "x"}}
    del data["classification"], data["vetoes"]
    ids = [".".join(["1"] * (level + 1)) for level in range(depth)]
    node: dict[str, Any] = {
        "id": ids[-1],
        "text": {"vi": "x", "en": "x"},
        "max_points": 1,
        "rule": {"type": "all_or_nothing", "input": "flag"},
    }
    for item_id in reversed(ids[:-1]):
        node = {"id": item_id, "text": {"vi": "x", "en": "x"}, "items": [node]}
    data["items"] = [node]
    return data


def test_nesting_depth_is_limited() -> None:
    assert sheet_from_dict(_chain(MAX_DEPTH)).total == 1
    assert "nest at most" in _error(_chain(MAX_DEPTH + 1)).message


def test_format_version_is_required() -> None:
    data = small()
    del data["antq_sheet"]
    assert _error(data).field == "antq_sheet"


def test_python_made_sheets_are_validated_too() -> None:
    sheet = sheet_from_dict(small())
    with pytest.raises(SheetError, match="field total"):
        ScoringSheet(
            id=sheet.id,
            title=sheet.title,
            nature=sheet.nature,
            unit_kinds=sheet.unit_kinds,
            total=Fraction(30),
            citation=sheet.citation,
            confirmation=sheet.confirmation,
            inputs=sheet.inputs,
            items=sheet.items,
        )


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_SHEET_BYTES + 1))
    with pytest.raises(SheetError, match="at most 1048576 bytes"):
        load_sheet(big)
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(SheetError, match="nested too deeply"):
        load_sheet(deep)
    broken = tmp_path / "broken.toml"
    broken.write_text("id = ", encoding="utf-8")
    with pytest.raises(SheetError, match="malformed TOML"):
        load_sheet(broken)


def test_values_schema_lists_inputs_with_types() -> None:
    schema = sheet_from_dict(small()).values_schema()
    props = schema["properties"]
    assert props["flag"]["type"] == "boolean"
    assert props["given"]["x-judgement"] is True
    assert props["safe"]["enum"] == ["met", "not_met", "unknown", "not_applicable"]
    assert schema["additionalProperties"] is False


# --- province overrides ------------------------------------------------------------------

FILL: dict[str, Any] = {
    "antq_sheet_override": 1,
    "base": "qd510.agency",
    "id": "qd510.agency+test",
    "source": {"vi": "Quyết định thử của tỉnh", "en": "A test provincial decision"},
    "inputs": {
        "coordination_implemented": {"type": "boolean", "vi": "Thực hiện", "en": "Implemented"},
        "other_points": {"type": "points", "vi": "Điểm khác", "en": "Other points"},
    },
    "fill": [
        {
            "item": "4.b",
            "items": [
                {
                    "id": "4.b",
                    "max_points": 2,
                    "rule": {"type": "all_or_nothing", "input": "coordination_implemented"},
                }
            ],
        },
        {"item": "4.rest", "items": []},
        {
            "item": "rest",
            "items": [
                {
                    "id": "5",
                    "text": {"vi": "Các mục khác", "en": "The other items"},
                    "max_points": 86,
                    "rule": {"type": "assessor", "input": "other_points"},
                }
            ],
        },
    ],
    "classification": {
        "bands": [
            {"class": "xuat_sac", "min_points": 90},
            {"class": "kha", "min_points": 70},
            {"class": "trung_binh", "min_points": 50},
        ]
    },
}


def test_override_fills_placeholders_and_sets_bands() -> None:
    base = shipped_sheet("qd510.agency")
    filled = apply_override(base, copy.deepcopy(FILL))
    assert filled.id == "qd510.agency+test"
    assert filled.unfilled() == ()
    assert [i.id for i, _ in filled.walk()] == ["1", "2", "3", "4", "4.a", "4.b", "5"]
    item = filled.item("4.b")
    assert item.title == base.item("4.b").title  # inherited from the placeholder
    assert item.max_points == 2 and item.confirmation is Confirmation.UNCONFIRMED
    assert item.source is not None and item.source.en == "A test provincial decision"
    assert filled.item("1").source is None  # what the sheet encodes is untouched
    assert filled.sources[0].vi == "Quyết định thử của tỉnh"
    assert filled.classification is not None
    assert filled.classification.confirmation is Confirmation.UNCONFIRMED
    assert filled.confirmation is Confirmation.PARTIAL
    assert base.unfilled()  # the base sheet is unchanged


def test_override_can_only_fill_placeholders() -> None:
    base = shipped_sheet("qd510.agency")
    data = copy.deepcopy(FILL)
    data["fill"] = [{"item": "2", "items": []}]
    with pytest.raises(SheetError, match="only an unconfirmed placeholder") as caught:
        apply_override(base, data)
    assert caught.value.item == "2"
    data["fill"] = [{"item": "9", "items": []}]
    with pytest.raises(SheetError, match="no such item"):
        apply_override(base, data)


def test_override_is_validated_like_a_sheet() -> None:
    base = shipped_sheet("qd510.agency")
    data = copy.deepcopy(FILL)
    data["fill"][2]["items"][0]["max_points"] = 85
    with pytest.raises(SheetError) as caught:
        apply_override(base, data)
    assert caught.value.sheet == "qd510.agency+test"
    assert "add up to 99, not 100" in caught.value.message
    data = copy.deepcopy(FILL)
    data["base"] = "qd510.commune"
    with pytest.raises(SheetError, match=r"for sheet qd510\.commune"):
        apply_override(base, data)
    data = copy.deepcopy(FILL)
    data["id"] = "qd510.agency"
    with pytest.raises(SheetError, match="id of its own"):
        apply_override(base, data)
    data = copy.deepcopy(FILL)
    data["inputs"]["festival_points"] = {"type": "points", "vi": "x", "en": "x"}
    with pytest.raises(SheetError, match="already declares"):
        apply_override(base, data)


def test_override_cannot_replace_existing_bands(tmp_path: Path) -> None:
    example = load_sheet(EXAMPLE_SHEET)
    path = tmp_path / "override.toml"
    path.write_text(
        'antq_sheet_override = 1\nbase = "example.commune"\nid = "example.commune+x"\n'
        'source = { vi = "x", en = "x" }\n'
        '[classification]\nbands = [{ class = "kha", min_points = 10 }]\n',
        encoding="utf-8",
    )
    with pytest.raises(SheetError, match="already has bands"):
        apply_override_file(example, path)


def test_override_may_add_a_veto(tmp_path: Path) -> None:
    base = apply_override(shipped_sheet("qd510.agency"), copy.deepcopy(FILL))
    path = tmp_path / "veto.toml"
    path.write_text(
        'antq_sheet_override = 1\nbase = "qd510.agency+test"\nid = "qd510.agency+test+veto"\n'
        'source = { vi = "Tỉnh", en = "Province" }\n'
        '[inputs.safe_status]\ntype = "outcome"\nvi = "An toàn"\nen = "Safe"\n'
        '[[vetoes]]\nid = "not-safe"\ninput = "safe_status"\napplies_if = ["not_met"]\n'
        'cap = "kha"\ntext = { vi = "Chưa an toàn", en = "Not safe" }\n',
        encoding="utf-8",
    )
    sheet = apply_override_file(base, path)
    assert [v.id for v in sheet.vetoes] == ["not-safe"]
    assert sheet.vetoes[0].source is not None and sheet.vetoes[0].source.en == "Province"
    assert len(sheet.sources) == 2


def test_filled_in_python() -> None:
    base = sheet_from_dict(
        small(
            total=25,
            items=[
                *SMALL["items"],
                {"id": "9", "text": {"vi": "x", "en": "x"}, "rule": {"type": "unconfirmed"}},
            ],
        )
    )
    assert [i.id for i in base.unfilled()] == ["9"]
    with pytest.raises(SheetError, match="add up to 20, not 25"):
        base.filled("9", [])
    leaf = base.item("4")
    filler = type(leaf)(
        id="9",
        title=leaf.title,
        max_points=Fraction(5),
        citation=leaf.citation,
        confirmation=Confirmation.UNCONFIRMED,
        rule=leaf.rule,
    )
    assert base.filled("9", [filler]).unfilled() == ()


# --- catalogue ------------------------------------------------------------------------------


def test_catalogue_lists_items_classification_and_vetoes() -> None:
    entries = list(sheet_catalogue())
    ids = [e.id for e in entries]
    assert ids[:5] == [
        "qd510.agency/1",
        "qd510.agency/2",
        "qd510.agency/3",
        "qd510.agency/4",
        "qd510.agency/4.a",
    ]
    assert "qd510.agency/classification" in ids
    by_id = {e.id: e for e in entries}
    unfilled = by_id["qd510.agency/4.b"].to_json()
    assert unfilled["confirmation"] == "unconfirmed"
    assert unfilled["max_points"] is None and unfilled["rule"] == "unconfirmed"
    two = by_id["qd510.agency/2"].to_json()
    assert two["max_points"] == "3" and two["inputs"] == [
        "members_taking_part",
        "members_total",
        "participation_points_below",
    ]
    assert two["citation"]["vi"] == "Điều 7 Quyết định 510/QĐ-BCA-V05"
    bands = by_id["qd510.agency/classification"]
    assert bands.confirmation is Confirmation.UNCONFIRMED
    assert "must be supplied" in bands.render("en")
    assert "[?" in by_id["qd510.agency/rest"].render("en")
    example = list(sheet_catalogue([load_sheet(EXAMPLE_SHEET)]))
    assert example[-1].role == "veto" and example[-1].to_json()["cap"] == "trung_binh"
    assert "excellent from 90" in next(e for e in example if e.role == "classification").render(
        "en"
    )


def test_sheet_input_reads_verdict_outcomes() -> None:
    import antq

    verdict = antq.evaluate(antq.UnitFacts(unit_id="X", kind=UnitKind.COMMUNE, year=2025))
    safe = sheet_from_dict(small()).input("safe")
    assert safe.read(verdict, path="x") is verdict.outcome
    assert safe.read("not_met", path="x").code == "not_met"
    with pytest.raises(InputError, match="x: unknown Outcome code"):
        safe.read("passed", path="x")
