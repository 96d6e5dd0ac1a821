"""The one input document: its sections, the old documents still read with a notice, its schema."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from antq.cli import EXIT_INPUT, EXIT_OK, main
from antq.emulation.awards.questions import QUESTION_KEYS, read_awards, read_awards_file
from antq.emulation.scoring import read_scores_file
from antq.emulation.sheets import load_sheet
from antq.errors import InputError
from antq.io.batch import read_any, read_bytes
from antq.io.document import AWARD_SECTIONS, SECTIONS, open_document, read_document
from antq.io.facts import load_document, read_facts, read_facts_file
from antq.io.schema import facts_schema

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DOCUMENT = EXAMPLES / "movement-2025.json"
COMMUNE = EXAMPLES / "commune-2025.json"
OLD_SCORES = EXAMPLES / "scores-2025.json"
OLD_AWARDS = EXAMPLES / "awards-2025.json"
SHEET = EXAMPLES / "example-sheet.toml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def json_of(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def old_facts(tmp_path: Path) -> Path:
    """The commune example in antq 1's facts layout."""
    document = json_of(COMMUNE)
    del document["antq"]
    path = tmp_path / "old-facts.json"
    path.write_text(json.dumps({"antq_facts": 1, **document}, ensure_ascii=False), "utf-8")
    return path


# -- one document, every section -----------------------------------------------------------------


def test_the_one_example_holds_every_section_of_the_old_examples() -> None:
    document = json_of(DOCUMENT)
    # The teams section has an example of its own: team ratings begin with the 2026 year.
    assert list(document) == ["antq", *(s for s in SECTIONS if s != "teams")]
    assert list(json_of(DOCUMENT.with_name("teams-2026.json"))) == ["antq", "teams"]
    assert document["antq"] == 2
    assert document["units"] == json_of(COMMUNE)["units"]
    old_scores = json_of(OLD_SCORES)
    assert document["scores"] == {k: v for k, v in old_scores.items() if k != "antq_scores"}
    old_awards = json_of(OLD_AWARDS)
    assert document["awards"] == {k: v for k, v in old_awards.items() if k != "antq_awards"}


def test_each_reader_reads_its_section_of_the_one_document_as_it_read_the_old_one() -> None:
    sheet = load_sheet(SHEET)
    facts = read_facts_file(DOCUMENT)
    assert facts.units == read_facts_file(COMMUNE).units and facts.units
    assert facts.errors == () and facts.notices == ()
    scores, old = read_scores_file(DOCUMENT, sheet), read_scores_file(OLD_SCORES, sheet)
    assert scores.units == old.units and len(scores.units) == 5
    assert scores.errors == () and scores.notices == ()
    awards, old_a = read_awards_file(DOCUMENT), read_awards_file(OLD_AWARDS)
    assert [q.key for q in awards.questions] == [q.key for q in old_a.questions]
    assert len(awards.questions) == 16 and awards.notices == ()
    units = list(read_any(DOCUMENT))  # the streaming reader skips the other sections
    assert [u.unit_id for u in units] == [u.unit_id for u in facts.units]


def test_the_one_document_as_toml(tmp_path: Path) -> None:
    text = """antq = 2

[[units]]
id = "KDC-1"
kind = "residential_area"
year = 2025

[scores]
sheet = "example.commune"

[[scores.units]]
id = "X-1"
kind = "commune"
year = 2025
values = { registered_q1 = true }

[[awards.authority]]
award = "giay_khen"
on = 2025-07-01
"""
    path = tmp_path / "all.toml"
    path.write_text(text, "utf-8")
    assert [u.unit_id for u in read_facts_file(path).units] == ["KDC-1"]
    assert [u.unit_id for u in read_any(path)] == ["KDC-1"]  # type: ignore[union-attr]
    assert [u.unit_id for u in read_scores_file(path, load_sheet(SHEET)).units] == ["X-1"]
    assert [q.key for q in read_awards_file(path).questions] == ["authority:giay_khen:2025-07-01"]


def test_errors_inside_a_section_name_the_section() -> None:
    document = json_of(DOCUMENT)
    document["scores"]["units"][1]["values"]["crimes_reported"] = -1
    document["awards"]["knc"][0]["servce"] = []
    document["scores"]["extra"] = 1
    sheet = load_sheet(SHEET)
    from antq.emulation.scoring import read_scores

    (error,) = read_scores(document, sheet).errors
    assert error.path == "scores.extra"
    del document["scores"]["extra"]
    (error,) = read_scores(document, sheet).errors
    assert error.path == "scores.units[1].values.crimes_reported"
    (error,) = read_awards(document).errors
    assert error.path == "awards.knc[0].servce"


# -- a command given a document without its section ----------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("score", str(SHEET), str(COMMUNE)), "scores: the document has no 'scores' section"),
        (("awards", str(COMMUNE)), "awards: the document has no 'awards' section"),
        (("evaluate", str(OLD_SCORES)), "units: the document has no 'units' section"),
        (("evaluate", str(OLD_AWARDS)), "units: the document has no 'units' section"),
    ],
)
def test_a_command_says_which_section_is_missing(argv: tuple[str, ...], expected: str) -> None:
    code, _, err = run(*argv, "--lang", "en")
    assert code == EXIT_INPUT
    assert expected in err
    assert "which this command reads; it has: " in err


def test_the_missing_section_in_vietnamese() -> None:
    code, _, err = run("awards", str(COMMUNE), "--lang", "vi")
    assert code == EXIT_INPUT
    assert "awards: " in err and "'awards'" in err and "units" in err
    assert "the document has no" not in err


# -- the old documents: still read, with a notice ------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_old_documents_are_read_with_a_notice(tmp_path: Path, lang: str) -> None:
    cases = [
        (("evaluate", str(old_facts(tmp_path))), "antq_facts", ("evaluate", str(COMMUNE))),
        (("score", str(SHEET), str(OLD_SCORES)), "antq_scores", ("score", str(SHEET), str(DOCUMENT))),
        (("awards", str(OLD_AWARDS)), "antq_awards", ("awards", str(DOCUMENT))),
    ]  # fmt: skip
    for old, key, new in cases:
        code, out, err = run(*old, "--lang", lang)
        assert code == EXIT_OK, err
        (line,) = err.splitlines()
        assert line.startswith("antq: ") and f"'{key}'" in line and '"antq": 2' in line
        if lang == "en":
            assert "deprecated" in line
        else:
            assert "deprecated" not in line and "lưu ý" in line
        new_code, new_out, new_err = run(*new, "--lang", lang)
        assert (new_code, new_out, new_err) == (EXIT_OK, out, "")


def test_the_notice_is_in_the_json_output_too() -> None:
    _, out, _ = run("awards", str(OLD_AWARDS), "--format", "json", "--lang", "en")
    (notice,) = json.loads(out)["notices"]
    assert "'antq_awards' document is deprecated" in notice
    _, out, _ = run("awards", str(DOCUMENT), "--format", "json", "--lang", "en")
    assert "notices" not in json.loads(out)


def test_the_library_readers_tell_the_notice() -> None:
    (notice,) = read_facts({"antq_facts": 1, "units": []}).notices
    assert "antq_facts" in notice.render("en") and "antq_facts" in notice.render("vi")
    assert notice.render("en") != notice.render("vi")
    notices: list[Any] = []
    assert list(read_bytes(b'{"antq_facts": 1, "units": []}', "json", notices=notices)) == []
    assert len(notices) == 1
    assert read_facts({"antq": 2, "units": []}).notices == ()
    assert read_facts({"units": []}).notices == ()  # no version: the current layout


def test_a_directory_names_the_file_of_the_notice(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    old_facts(tmp_path).rename(folder / "a.json")
    notices: list[Any] = []
    units = list(read_any(folder, notices=notices))
    assert len(units) == 10
    (notice,) = notices
    assert notice.startswith("a.json: the 'antq_facts' document is deprecated")


@pytest.mark.parametrize(
    ("document", "path", "message"),
    [
        ({"antq": 3}, "antq", "unsupported document format; expected 2"),
        ({"antq": True}, "antq", "unsupported document format; expected 2"),
        ({"antq": 2, "antq_facts": 1}, "antq_facts", "unknown top-level key; allowed: antq, units, scores, awards, teams"),
        ({"antq_scores": 2}, "antq_scores", "expected 1"),
        ({"antq_awards": 1, "scores": {}}, "scores", "unknown top-level key; allowed: antq_awards, knc, ministry_bang_khen, excellent_collective, authority"),
        ({"sheet": "x"}, "sheet", "unknown top-level key; allowed: antq, units, scores, awards, teams"),
    ],
)  # fmt: skip
def test_top_level_errors(document: dict[str, Any], path: str, message: str) -> None:
    opened = open_document(document)
    assert [(e.path, e.message) for e in opened.errors] == [(path, message)]


def test_old_awards_without_version_are_the_old_layout() -> None:
    opened = open_document({"knc": []})
    assert opened.layout is not None and opened.layout.key == "antq_awards"
    assert opened.has("awards") and not opened.has("units")
    assert len(opened.notices) == 1


# -- the one safe loader -------------------------------------------------------------------------


def test_a_key_given_twice_is_named_by_its_whole_path(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"antq": 2, "awards": {"knc": [{"id": "A", "id": "B"}]}}', "utf-8")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.path == f"{path}: awards.knc[0].id"
    assert caught.value.value == "B"
    assert "key given twice in one JSON object" in caught.value.message
    code, _, err = run("awards", str(path), "--lang", "en")
    assert code == EXIT_INPUT and "awards.knc[0].id: key given twice" in err


@pytest.mark.parametrize("command", ["score", "awards", "evaluate"])
def test_every_command_refuses_utf16_and_nul_alike(tmp_path: Path, command: str) -> None:
    utf16 = tmp_path / "u16.json"
    utf16.write_bytes(DOCUMENT.read_text("utf-8").encode("utf-16"))
    nul = tmp_path / "nul.json"
    nul.write_bytes(b'{"antq": 2,\x00 "units": []}')
    before = [str(SHEET)] if command == "score" else []
    for path, expected in ((utf16, "UTF-16 (little-endian)"), (nul, "NUL bytes")):
        code, _, err = run(command, *before, str(path), "--lang", "en")
        assert code == EXIT_INPUT
        assert str(path) in err and expected in err


def test_the_size_limit_is_one_for_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import antq.io.facts as facts

    monkeypatch.setattr(facts, "MAX_DOCUMENT_BYTES", 100)
    for argv in (("score", str(SHEET), str(DOCUMENT)), ("awards", str(DOCUMENT))):
        code, _, err = run(*argv, "--lang", "en")
        assert code == EXIT_INPUT and "file larger than 100 bytes; split it" in err
    with pytest.raises(InputError, match="larger than 100 bytes"):
        load_document(COMMUNE)


# -- one schema ------------------------------------------------------------------------------------


def _validator(definition: str | None = None) -> jsonschema.protocols.Validator:
    schema = facts_schema()
    if definition is not None:
        schema = {**schema["$defs"][definition], "$defs": schema["$defs"]}
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    ("example", "definition"),
    [
        ("movement-2025.json", None),
        ("commune-2025.json", None),
        ("scores-2025.json", "antq_scores_v1"),
        ("awards-2025.json", "antq_awards_v1"),
    ],
)
def test_every_bundled_example_fits_the_schema(example: str, definition: str | None) -> None:
    document = json_of(EXAMPLES / example)
    assert list(_validator(definition).iter_errors(document)) == []


def test_the_schema_refuses_what_antq_refuses() -> None:
    validator = _validator()
    document = json_of(DOCUMENT)
    document["awards"]["knc"][0]["servce"] = []
    document["scores"]["units"][0]["colour"] = "red"
    document["units"][0]["facts"]["househlds"] = 1
    document["antq_facts"] = 1  # not with "antq": one version key
    found = {tuple(e.absolute_path) for e in validator.iter_errors(document)}
    assert {
        ("awards", "knc", 0),
        ("scores", "units", 0),
        ("units", 0, "facts"),
        (),
    } <= found
    assert not validator.is_valid({"antq": 3})
    assert not validator.is_valid({"antq": 2, "teams": []})
    assert validator.is_valid({"antq_facts": 1, "units": []})  # the old facts document


def test_the_schema_has_the_keys_the_award_readers_declare() -> None:
    awards = facts_schema()["properties"]["awards"]["properties"]
    assert list(awards) == list(AWARD_SECTIONS)
    for section, keys in QUESTION_KEYS.items():
        assert tuple(awards[section]["items"]["properties"]) == keys


def test_antq_schema_prints_the_whole_document_schema() -> None:
    code, out, _ = run("schema")
    assert code == EXIT_OK
    assert json.loads(out) == json.loads(json.dumps(facts_schema()))
    assert sorted(json.loads(out)["properties"]) == [
        "antq",
        "antq_facts",
        "awards",
        "scores",
        "teams",
        "units",
    ]
