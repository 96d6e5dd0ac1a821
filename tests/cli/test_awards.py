"""The ``antq awards FACTS`` command: formats, parameters, errors and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from antq.cli import EXIT_INPUT, EXIT_OK
from antq.cli.awards import main, run
from antq.emulation.awards import Eligibility
from antq.emulation.awards.questions import read_awards

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "awards-2025.json"
#: The one document of the examples: units, scores and award questions.
DOCUMENT = EXAMPLE.with_name("movement-2025.json")


def awards(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, document: object, name: str = "awards.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def outcomes(out: str) -> dict[str, str]:
    payload = json.loads(out)
    return {f"{a['subject_id']}@{a['date']['value']}": a["outcome"] for a in payload["answers"]}


def test_the_example_in_english() -> None:
    code, out, err = awards(str(DOCUMENT), "--lang", "en")
    assert code == EXIT_OK, err
    assert err == ""
    assert "Trần Thị Hoa — Commemorative Medal 'Protecting National Security': MET" in out
    assert "knc.tt11-2021 · Circular 11/2021/TT-BCA · proposal date 01/03/2024" in out
    assert "with 3,135 day(s) in especially difficult, border or island areas counted twice" in out
    assert out.rstrip().endswith("16 award question(s) answered: 8 met, 4 not met, 4 unknown")


def test_the_example_covers_every_outcome() -> None:
    code, out, _ = awards(str(EXAMPLE), "--format", "json")
    assert code == EXIT_OK
    found = outcomes(out)
    assert found == {
        "KNC-01@2025-08-01": "met",
        "KNC-02@2025-08-01": "met",
        "KNC-03@2025-08-01": "not_met",
        "KNC-04@2025-08-01": "unknown",
        "KNC-05@2024-03-01": "met",
        "KNC-06@2025-08-01": "not_met",
        "BK-01@2025-11-30": "met",
        "BK-02@2025-11-30": "unknown",
        "BK-03@2025-11-30": "not_met",
        "TT-01@2025-11-30": "met",
        "TT-02@2025-11-30": "not_met",
        "DV-01@2025-11-30": "unknown",
        "giay_khen@2025-07-01": "met",
        "thon_to_dan_pho_van_hoa@2025-06-30": "met",
        "thon_to_dan_pho_van_hoa@2025-07-01": "unknown",
        "ky_niem_chuong_bvantq@2025-04-27": "met",
    }


def test_json_answers_round_trip_and_carry_rendered_reasons() -> None:
    _, out, _ = awards(str(EXAMPLE), "--format", "json", "--lang", "vi")
    payload = json.loads(out)
    assert payload["antq_awards_results"] == 1 and payload["errors"] == []
    for data in payload["answers"]:
        answer = Eligibility.from_json(data)
        assert answer.outcome.code == data["outcome"]
    first = payload["answers"][0]["conditions"][0]
    assert set(first["text"]) == {"vi"}


def test_vietnamese_text_output() -> None:
    code, out, _ = awards(str(EXAMPLE), "--lang", "vi")
    assert code == EXIT_OK
    assert "Trần Thị Hoa — Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”: ĐẠT" in out
    assert "ngày đề nghị 01/08/2025" in out
    assert "Điều 80 khoản 3 Luật 06/2022/QH15" in out


def test_parameters_change_the_answer() -> None:
    _, out, _ = awards(str(EXAMPLE), "--format", "json")
    assert outcomes(out)["KNC-04@2025-08-01"] == "unknown"
    code, out, _ = awards(
        str(EXAMPLE), "--format", "json", "--param", "knc25_commendation_level=any"
    )
    assert code == EXIT_OK
    assert outcomes(out)["KNC-04@2025-08-01"] == "met"
    _, out, _ = awards(
        str(EXAMPLE), "--format", "json", "--param", "knc25_commendation_level=ministry"
    )
    assert outcomes(out)["KNC-04@2025-08-01"] == "not_met"


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("nonsense=1", "--param nonsense: no award rule has this parameter"),
        ("knc25_commendation_level=village", "expected one of any, commune"),
        ("no_equals_sign", "--param: expected NAME=VALUE"),
    ],
)
def test_bad_parameters_are_input_errors(argument: str, message: str) -> None:
    code, _, err = awards(str(EXAMPLE), "--param", argument)
    assert code == EXIT_INPUT
    assert message in err


def test_bad_questions_are_reported_and_good_ones_answered(tmp_path: Path) -> None:
    document = example()
    document["knc"][0]["proposed_on"] = "01/08/2025"
    document["knc"][5]["service"][0]["end"] = "2024-07-15"
    document["knc"][2]["servce"] = []
    document["authority"].append({"award": "giay_khen", "on": "2025-07-01"})
    document["excellent_collective"][0]["considered_on"] = "2023-06-30"
    code, out, err = awards(write(tmp_path, document), "--lang", "en")
    assert code == EXIT_INPUT
    assert "knc[0].proposed_on: expected a calendar date written YYYY-MM-DD" in err
    assert "knc[5].service[0].end: Bảo vệ dân phố ended on 30/06/2024" in err
    assert "knc[2].servce: unknown key" in err
    assert "authority[4]: the same question as authority[0]" in err
    assert "excellent_collective[0]: law06.art27: antq covers these rules from 2024-01-01" in err
    assert "12 award question(s) answered" in out


def test_document_level_errors(tmp_path: Path) -> None:
    code, _, err = awards(write(tmp_path, {"antq_awards": 2}))
    assert code == EXIT_INPUT and "unsupported format" in err
    code, _, err = awards(write(tmp_path, {"knc": {}, "prizes": []}))
    assert code == EXIT_INPUT
    assert "prizes: unknown top-level key" in err and "knc: expected a list" in err
    code, _, err = awards(write(tmp_path, [1, 2]))
    assert code == EXIT_INPUT and "expected an object" in err


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    code, _, err = awards(str(tmp_path / "missing.json"))
    assert code == EXIT_INPUT and "missing.json" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = awards(str(broken))
    assert code == EXIT_INPUT and "malformed JSON" in err


def test_toml_input(tmp_path: Path) -> None:
    path = tmp_path / "awards.toml"
    path.write_text(
        """
antq_awards = 1

[[knc]]
id = "T-1"
sex = "female"
proposed_on = 2025-05-01
already_awarded = false
cand_service_awards = []
disqualifications = []
pending = []
discipline = []
rated_well_throughout = true
leadership = []
service = [
  { role = "street_guard", start = 2014-01-01, end = 2024-06-30, area = "ordinary" },
  { role = "team_member", start = 2024-07-01, area = "ordinary" },
]

[[authority]]
award = "gia_dinh_van_hoa"
on = 2025-07-01
""",
        encoding="utf-8",
    )
    code, out, err = awards(str(path), "--format", "json")
    assert code == EXIT_OK, err
    assert outcomes(out) == {"T-1@2025-05-01": "met", "gia_dinh_van_hoa@2025-07-01": "met"}


def test_an_empty_document_answers_nothing(tmp_path: Path) -> None:
    code, out, _ = awards(write(tmp_path, {"antq_awards": 1}), "--lang", "en")
    assert code == EXIT_OK and out.strip() == "0 award question(s) answered: -"
    assert read_awards({}).questions == ()


def test_the_one_parser_runs_the_awards_module() -> None:
    from antq import cli

    parser = cli._parser()
    args = parser.parse_args(["awards", str(EXAMPLE), "--format", "json"])
    assert args.command == "awards" and args.run is run
    out, err = io.StringIO(), io.StringIO()
    assert args.run(args, out, err) == EXIT_OK
    assert len(json.loads(out.getvalue())["answers"]) == 16
    with pytest.raises(SystemExit) as usage:
        parser.parse_args(["awards", str(EXAMPLE), "--format", "xml"])
    assert usage.value.code == 2


def test_the_old_module_is_a_deprecated_alias_of_the_new_ones() -> None:
    from antq import cli
    from antq.emulation.awards import commands, questions

    with pytest.warns(DeprecationWarning, match="antq.emulation.awards.commands.read_awards"):
        assert commands.read_awards is questions.read_awards
    with pytest.warns(DeprecationWarning, match="use antq.cli.EXIT_"):
        codes = (commands.EXIT_OK, commands.EXIT_INTERNAL, commands.EXIT_USAGE, commands.EXIT_INPUT)
    assert codes == (cli.EXIT_OK, cli.EXIT_INTERNAL, cli.EXIT_USAGE, cli.EXIT_INPUT)
    with pytest.warns(DeprecationWarning, match="use antq.cli.awards.main"):
        assert commands.main is cli.awards.main
