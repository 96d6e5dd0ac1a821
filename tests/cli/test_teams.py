"""The ``antq teams FILE`` command: text and JSON, errors and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from antq.cli import COMMANDS, EXIT_INPUT, EXIT_OK
from antq.cli.teams import main
from antq.emulation.team_reader import rate_section, read_teams
from antq.emulation.teams import CommuneTeamRating
from tests.emulation.test_team_reader import section

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "teams-2026.json"


def teams(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, document: object) -> str:
    path = tmp_path / "teams.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_it_is_a_command_of_antq() -> None:
    assert "teams" in COMMANDS


def test_the_example_in_english() -> None:
    code, out, err = teams(str(EXAMPLE), "--lang", "en")
    assert (code, err) == (EXIT_OK, "")
    assert "commune X0001, rating year 15/11/2025 – 14/11/2026 (Guidance 01/HD-BCA-V05)" in out
    assert "1 excellent, 5 good; at most 1 excellent allowed" in out
    assert out.rstrip().endswith(
        "2 commune(s) rated, 8 team(s): 1 completed tasks excellently, 6 completed tasks well,"
        " 1 not rated"
    )


def test_the_example_in_vietnamese() -> None:
    code, out, _ = teams(str(EXAMPLE))
    assert code == EXIT_OK
    assert out.startswith(
        "đơn vị cấp xã X0001, năm xếp loại 15/11/2025 – 14/11/2026 (Hướng dẫn 01/HD-BCA-V05)"
    )
    assert out.rstrip().endswith(
        "2 đơn vị cấp xã được xếp loại, 8 Tổ: 1 Hoàn thành xuất sắc nhiệm vụ,"
        " 6 Hoàn thành tốt nhiệm vụ, 1 không xếp loại"
    )


def test_json_is_the_ratings_of_the_python_api(tmp_path: Path) -> None:
    code, out, err = teams(write(tmp_path, {"antq": 2, "teams": section()}), "--format", "json")
    assert (code, err) == (EXIT_OK, "")
    payload: dict[str, Any] = json.loads(out)
    assert payload["antq_teams_results"] == 2
    expected = rate_section(read_teams(section())).ratings
    assert payload["ratings"] == [
        json.loads(json.dumps(r.to_json(texts=("vi",)))) for r in expected
    ]
    # Read back, the ratings are those of the Python API (the rendered texts are ignored).
    assert [CommuneTeamRating.from_json(r) for r in payload["ratings"]] == list(expected)
    assert payload["errors"] == []
    assert payload["ratings"][0]["teams"][0]["grade"] == "hoan_thanh_xuat_sac"


def test_errors_name_their_path_and_exit_3(tmp_path: Path) -> None:
    data = section()
    data["teams"][6]["proposed"] = "gioi"
    code, out, err = teams(write(tmp_path, {"antq": 2, "teams": data}), "--lang", "en")
    assert code == EXIT_INPUT
    assert "teams.teams[6].proposed" in err
    assert "commune X0002 is not rated" in err
    assert "X0001" in out and "X0002" not in out


def test_json_lists_the_errors(tmp_path: Path) -> None:
    data = section()
    data["teams"][6]["proposed"] = "gioi"
    code, out, _ = teams(write(tmp_path, {"antq": 2, "teams": data}), "--format", "json")
    assert code == EXIT_INPUT
    payload = json.loads(out)
    assert [r["commune"] for r in payload["ratings"]] == ["X0001"]
    assert [e["path"] for e in payload["errors"]] == ["teams.teams[6].proposed", "teams"]


def test_a_document_without_the_section(tmp_path: Path) -> None:
    code, out, err = teams(write(tmp_path, {"antq": 2, "units": []}), "--lang", "en")
    assert code == EXIT_INPUT
    assert "the document has no 'teams' section" in err
    assert out.rstrip().endswith("0 commune(s) rated, 0 team(s): -")


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "teams.json"
    path.write_text("{", encoding="utf-8")
    code, out, err = teams(str(path))
    assert code == EXIT_INPUT
    assert out == ""
    assert "teams.json" in err
