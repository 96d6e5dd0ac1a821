"""``antq score SHEET FACTS``: text and JSON output, overrides, exit codes."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

import antq.cli
from antq.cli import EXIT_INPUT, EXIT_OK
from antq.cli.score import main
from antq.emulation import ScoreResult
from tests.emulation import EXAMPLE_DOCUMENT, EXAMPLE_SCORES, EXAMPLE_SHEET, ROOT
from tests.emulation.test_sheets import FILL


def score(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_old_module_is_a_deprecated_alias() -> None:
    from antq.emulation import commands

    with pytest.warns(DeprecationWarning, match="use antq.cli.score.scores_json"):
        assert commands.scores_json is antq.cli.score.scores_json
    with pytest.warns(DeprecationWarning, match="use antq.cli.EXIT_"):
        assert (commands.EXIT_OK, commands.EXIT_INPUT) == (antq.cli.EXIT_OK, antq.cli.EXIT_INPUT)


def test_text_output_in_english() -> None:
    code, out, err = score(str(EXAMPLE_SHEET), str(EXAMPLE_DOCUMENT), "--lang", "en")
    assert code == EXIT_OK, err
    assert err == ""
    assert (
        "Xã Tây Sơn (commune, ward, township or special zone), 2025, sheet example.commune" in out
    )
    assert "total: 95.5 of 100 points" in out
    assert (
        "class: GOOD — total 95.5: excellent by the points, but at most good because of: not-safe"
        in out
    )
    assert "next class: 9 more points needed for excellent (at least 90)" in out
    assert "total: not yet known, between 82 and 97 of 100 points" in out
    assert "illustrative example, not law" in out
    assert out.rstrip().endswith("5 unit(s) scored: 1 excellent, 3 good, 1 unknown")


def test_text_output_in_vietnamese_formats_numbers() -> None:
    code, out, _ = score(str(EXAMPLE_SHEET), str(EXAMPLE_SCORES))
    assert code == EXIT_OK
    assert "95,5" in out and "1.150/1.200 = 95,8%" in out
    assert "Điều 5 khoản 1 Thông tư 124/2021/TT-BCA" in out
    assert "ví dụ minh họa, không phải quy định pháp luật" in out


def test_json_output_round_trips() -> None:
    code, out, _ = score(
        str(EXAMPLE_SHEET), str(EXAMPLE_SCORES), "--format", "json", "--lang", "en"
    )
    assert code == EXIT_OK
    payload = json.loads(out)
    assert payload["antq_scores_results"] == 1
    assert payload["sheet"]["id"] == "example.commune" and payload["sheet"]["nature"] == "example"
    assert payload["errors"] == []
    by_unit = {r["unit"]: r for r in payload["results"]}
    assert by_unit["X-TAY"]["classification"]["class"] == "kha"
    assert by_unit["X-TAY"]["classification"]["banded"] == "xuat_sac"
    assert by_unit["X-DONG"]["total"] == "98.5"
    assert by_unit["X-BAC"]["total"] is None and by_unit["X-BAC"]["low"] == "82"
    assert by_unit["X-NAM"]["classification"]["next"]["points_needed"] == "9"
    item = by_unit["X-TAY"]["items"][5]
    assert item["item"] == "2.2" and item["points"] == "8.5"
    assert (
        item["text_reason"]["en"] == "10 × 8/9 points, rounded down to a multiple of 0.5: 8.5 of 10"
    )
    for result in payload["results"]:
        assert ScoreResult.from_json(result).to_json(texts=("en",)) == result


def test_bad_units_are_reported_and_good_ones_scored(tmp_path: Path) -> None:
    doc = json.loads(EXAMPLE_SCORES.read_text(encoding="utf-8"))
    doc["units"][1]["values"]["crimes_solved"] = 11  # more than the 10 reported
    doc["units"][2]["values"]["crime_solved"] = 1  # misspelt
    doc["units"][3]["values"]["policy_points"] = 2.5  # a float
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = score(str(EXAMPLE_SHEET), str(path), "--lang", "en")
    assert code == EXIT_INPUT
    assert (
        "antq: units[1].values.crimes_solved: is more than crimes_reported = 10 (item 4.1) (got 11)"
        in err
    )
    assert "units[2].values.crime_solved: not an input of sheet example.commune" in err
    assert "units[3].values.policy_points: expected points" in err
    assert out.rstrip().endswith("2 unit(s) scored: 1 excellent, 1 unknown")


def test_shipped_sheet_with_an_override(tmp_path: Path) -> None:
    facts = {
        "antq_scores": 1,
        "units": [
            {
                "id": "CQ-1",
                "kind": "agency",
                "year": 2025,
                "values": {
                    "leadership_points": 3,
                    "members_total": 40,
                    "members_taking_part": 38,
                    "festival_points": 4,
                    "coordination_regulation": True,
                },
            }
        ],
    }
    facts_path = tmp_path / "scores.json"
    facts_path.write_text(json.dumps(facts), encoding="utf-8")
    code, out, _ = score("qd510.agency", str(facts_path), "--lang", "en")
    assert code == EXIT_OK
    assert "total: none until the unconfirmed items are filled" in out
    assert "1 unit(s) scored: 1 blocked" in out
    override = tmp_path / "province.toml"
    override.write_text(_toml_override(), encoding="utf-8")
    facts["units"][0]["values"].update(coordination_implemented=True, other_points=80)  # type: ignore[index]
    facts_path.write_text(json.dumps(facts), encoding="utf-8")
    code, out, err = score(
        "qd510.agency", str(facts_path), "--override", str(override), "--lang", "en"
    )
    assert code == EXIT_OK, err
    assert "total: 93 of 100 points" in out
    assert "class: EXCELLENT" in out
    assert "filled from: A test provincial decision" in out


def _toml_override() -> str:
    data: dict[str, Any] = copy.deepcopy(FILL)
    lines = [
        "antq_sheet_override = 1",
        'base = "qd510.agency"',
        'id = "qd510.agency+test"',
        'source = { vi = "Quyết định thử của tỉnh", en = "A test provincial decision" }',
        "[inputs.coordination_implemented]",
        'type = "boolean"\nvi = "Thực hiện"\nen = "Implemented"',
        "[inputs.other_points]",
        'type = "points"\nvi = "Điểm khác"\nen = "Other points"',
        "[[fill]]",
        'item = "4.b"',
        "[[fill.items]]",
        'id = "4.b"\nmax_points = 2',
        'rule = { type = "all_or_nothing", input = "coordination_implemented" }',
        "[[fill]]",
        'item = "4.rest"',
        "items = []",
        "[[fill]]",
        'item = "rest"',
        "[[fill.items]]",
        'id = "5"\nmax_points = 86\ntext = { vi = "Các mục khác", en = "The other items" }',
        'rule = { type = "assessor", input = "other_points" }',
        "[classification]",
    ]
    lines += [
        f'[[classification.bands]]\nclass = "{b["class"]}"\nmin_points = {b["min_points"]}'
        for b in data["classification"]["bands"]
    ]
    return "\n".join(lines) + "\n"


def test_input_problems_exit_3(tmp_path: Path) -> None:
    code, _, err = score("qd510.nothing", str(EXAMPLE_SCORES))
    assert code == EXIT_INPUT and "no shipped sheet" in err
    code, _, err = score(str(EXAMPLE_SHEET), str(tmp_path / "missing.json"))
    assert code == EXIT_INPUT and "missing.json" in err
    code, _, err = score("qd510.agency", str(EXAMPLE_SCORES))
    assert code == EXIT_INPUT and "the document is for another sheet than qd510.agency" in err
    bad = tmp_path / "bad-sheet.toml"
    text = EXAMPLE_SHEET.read_text(encoding="utf-8").replace(
        "max_points = 10", "max_points = 11", 1
    )
    bad.write_text(text, encoding="utf-8")
    code, _, err = score(str(bad), str(EXAMPLE_SCORES))
    assert code == EXIT_INPUT
    assert (
        "antq: sheet example.commune, field total: the maxima of 1, 2, 3, 4, 5 add up to 101,"
        " not 100 (got '100')"
    ) in err


def test_toml_scores_document(tmp_path: Path) -> None:
    path = tmp_path / "scores.toml"
    path.write_text(
        'antq_scores = 1\nsheet = "example.commune"\n[[units]]\nid = "X"\nkind = "commune"\n'
        'year = 2025\n[units.values]\nregistered_q1 = true\nmodels_points = "2.5"\n',
        encoding="utf-8",
    )
    code, out, err = score(str(EXAMPLE_SHEET), str(path), "--lang", "en")
    assert code == EXIT_OK, err
    assert "1.2 [10/10]" in out and "5.3 [2.5/5]" in out
    assert "total: not yet known, between 12.5 and 97.5 of 100 points" in out


def test_example_files_are_where_the_docs_say() -> None:
    assert (ROOT / "examples" / "example-sheet.toml").is_file()
    assert (ROOT / "examples" / "scores-2025.json").is_file()


def test_unreadable_values_are_reported_never_crash(tmp_path: Path) -> None:
    doc = json.loads(EXAMPLE_SCORES.read_text(encoding="utf-8"))
    doc["units"][0]["values"]["crimes_reported"] = "HUGE"
    doc["units"][1]["id"] = "X-\ud800"  # a lone surrogate
    path = tmp_path / "odd.json"
    text = json.dumps(doc).replace('"HUGE"', "1" + "0" * 4000)
    path.write_text(text, encoding="utf-8")  # json writes the surrogate as an escape
    code, out, err = score(str(EXAMPLE_SHEET), str(path), "--lang", "en")
    assert code == EXIT_INPUT
    assert (
        "units[0].values.crimes_reported: must be at most 1000000000000 (got '<a whole number of"
        in err
    )
    assert "units[1].id: expected a non-empty string of characters" in err
    assert "3 unit(s) scored" in out
    dup = tmp_path / "dup.json"
    dup.write_text('{"antq_scores": 1, "units": [], "units": []}', encoding="utf-8")
    code, _, err = score(str(EXAMPLE_SHEET), str(dup))
    assert code == EXIT_INPUT and "dup.json: units: key given twice in one JSON object" in err
    # The one loader names the whole path of a key given twice deep in the document.
    dup.write_text(
        '{"antq": 2, "scores": {"units": [{"id": "X", "values": {"a": 1, "a": 2}}]}}',
        encoding="utf-8",
    )
    code, _, err = score(str(EXAMPLE_SHEET), str(dup))
    assert code == EXIT_INPUT
    assert "dup.json: scores.units[0].values.a: key given twice in one JSON object (got 2)" in err
    long = tmp_path / "long.json"
    long.write_text('{"antq_scores": 1, "units": [' + "1" * 5000 + "]}", encoding="utf-8")
    code, _, err = score(str(EXAMPLE_SHEET), str(long))
    assert code == EXIT_INPUT and "malformed JSON: a whole number with too many digits" in err
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = score(str(EXAMPLE_SHEET), str(deep))
    assert code == EXIT_INPUT and "nested too deeply" in err
    weird = tmp_path / "weird.json"
    weird.write_text(
        json.dumps(
            {
                "antq_scores": 1,
                "units": [
                    {"id": "A", "kind": "commune", "year": 2025, "values": {"bad\udc00name": 1}}
                ],
            }
        ),
        encoding="utf-8",
    )
    code, _, err = score(str(EXAMPLE_SHEET), str(weird))
    assert code == EXIT_INPUT and "units[0].values.bad\\udc00name: not an input" in err


def test_a_bad_override_is_reported_in_the_language_of_lang(tmp_path: Path) -> None:
    # The same sheet, item, field and value in both languages; the words are translated.
    override = tmp_path / "bad.toml"
    override.write_text(
        _toml_override().replace("max_points = 2\n", "max_points = 2.5\n", 1), encoding="utf-8"
    )
    argv = ["score", "qd510.agency", str(EXAMPLE_SCORES), "--override", str(override)]

    def errors(lang: str) -> str:
        err = io.StringIO()
        assert antq.cli.main([*argv, "--lang", lang], out=io.StringIO(), err=err) == EXIT_INPUT
        return err.getvalue()

    en = errors("en")
    assert en == (
        "antq: sheet qd510.agency+test, item 4.b, field max_points: expected points as a whole"
        ' number or a decimal string such as "0.5"; floats are not exact (got 2.5)\n'
    )
    assert errors("vi") == (
        "antq: bảng chấm điểm qd510.agency+test, mục 4.b, trường max_points: cần số điểm dưới"
        ' dạng số nguyên hoặc chuỗi số thập phân như "0.5"; số thực dấu phẩy động (float)'
        " không chính xác (giá trị: 2.5)\n"
    )
