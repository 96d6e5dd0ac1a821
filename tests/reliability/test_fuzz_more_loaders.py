"""Bounded fuzzing of the loaders not covered by ``test_fuzz_loaders.py``.

Targets: the batch readers (:func:`antq.io.batch.read_csv`, ``read_jsonl``,
the streaming ``read_json``, ``read_toml`` and ``read_any`` on a directory),
scores documents (:func:`antq.emulation.scoring.read_scores` and
``read_scores_file``), award documents (:func:`antq.emulation.awards.questions.read_awards`
and ``read_awards_file``), scoring sheets and province overrides
(:func:`antq.emulation.sheets.sheet_from_dict`, ``load_sheet``,
``apply_override``, ``apply_override_file``) and the report's side files
(:func:`antq.report.indicators.read_observations`, ``targets_from_data``).

Inputs are valid documents (the bundled examples, generated facts) with a few
random edits, damaged bytes, and arbitrary trees and bytes. A loader may only
answer with antq's own errors (:class:`antq.errors.AntqError`); anything else
fails the test. What it accepts must be usable: evaluated, scored or
answered, explained in both languages and written back as JSON.
"""

from __future__ import annotations

import copy
import io
import json
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.core.facts import UnitFacts
from antq.emulation.awards.eligibility import Eligibility
from antq.emulation.awards.questions import AwardsDocument, read_awards, read_awards_file
from antq.emulation.scoring import (
    ScoreResult,
    ScoresDocument,
    read_scores,
    read_scores_file,
    score,
)
from antq.emulation.sheets import (
    ScoringSheet,
    apply_override,
    apply_override_file,
    load_sheet,
    sheet_catalogue,
    sheet_from_dict,
    shipped_sheet,
)
from antq.errors import AntqError, InputError
from antq.io import _json_stream, batch
from antq.report.indicators import Observation, read_observations, targets_from_data
from tests.emulation.test_sheets import FILL

from .strategies import (
    BOOK,
    bounded,
    documents,
    mutated,
    to_csv,
    to_toml,
    toml_scalars,
    toml_value,
    trees,
)
from .test_fuzz_loaders import attempt, check_document, damaged

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SCORES: dict[str, Any] = json.loads((EXAMPLES / "scores-2025.json").read_text(encoding="utf-8"))
AWARDS: dict[str, Any] = json.loads((EXAMPLES / "awards-2025.json").read_text(encoding="utf-8"))
SHEET_TOML = (EXAMPLES / "example-sheet.toml").read_text(encoding="utf-8")
SHEET_DATA: dict[str, Any] = tomllib.loads(SHEET_TOML)
SHEET = load_sheet(EXAMPLES / "example-sheet.toml")
BASE_SHEET = shipped_sheet("qd510.agency")
TARGETS = [
    {"indicator": "crime_clearance_public_order", "percent": 78, "valid_from": "2025-01-01"},
    {"indicator": "crime_clearance_public_order", "percent": "75.5", "comparison": "at_least"},
]
OBSERVATIONS = (
    "indicator,unit,period,numerator,denominator\n"
    "crime_clearance_public_order,Tỉnh Mẫu,2024-10-01/2025-09-30,77,100\n"
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-more")


def write(workdir: Path, name: str, data: bytes) -> Path:
    path = workdir / name
    path.write_bytes(data)
    return path


def check_items(items: Iterable[object]) -> None:
    """A batch reader's items: units that evaluate, or errors that name where they are."""
    units, errors = [], []
    for item in items:
        if isinstance(item, InputError):
            str(item)
            errors.append(item)
        else:
            assert isinstance(item, UnitFacts), item
            units.append(item)
    check_document(batch_document(units, errors))


def batch_document(units: list[UnitFacts], errors: list[InputError]) -> Any:
    from antq.io.facts import FactsDocument

    return FactsDocument(units=tuple(units), errors=tuple(errors))


# -- CSV and JSON Lines --------------------------------------------------------------------------


def test_the_csv_writer_used_by_the_fuzzers_writes_readable_rows() -> None:
    # A guard on the helper: if its rows were unreadable, the CSV fuzzing would only
    # ever test the error paths.
    document = {"units": [{"id": "U1", "kind": "commune", "year": 2024, "facts": {}}]}
    items = list(batch.read_csv(io.BytesIO(to_csv(document).encode()), BOOK))
    assert [getattr(i, "unit_id", None) for i in items] == ["U1"]


@bounded(100)
@given(documents(min_units=1, max_units=3).map(to_csv).flatmap(damaged))
def test_read_csv_on_damaged_csv(data: bytes) -> None:
    check_items(batch.read_csv(io.BytesIO(data), BOOK, name="fuzz.csv"))


@bounded(100)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_read_csv_and_jsonl_on_random_bytes(data: bytes) -> None:
    check_items(batch.read_csv(io.BytesIO(data), BOOK))
    check_items(batch.read_jsonl(io.BytesIO(data), BOOK))


@bounded(100)
@given(
    st.lists(
        documents(min_units=1, max_units=1).map(lambda d: d["units"][0]).flatmap(mutated),
        min_size=1,
        max_size=4,
    )
)
def test_read_jsonl_on_mutated_units(units: list[Any]) -> None:
    lines = []
    for unit in units:
        try:
            lines.append(json.dumps(unit))
        except ValueError:  # a huge int cannot be written: leave that line out
            continue
    data = "\n".join(lines).encode("utf-8")
    check_items(batch.read_jsonl(io.BytesIO(data), BOOK))


@bounded(100)
@given(
    documents(min_units=1, max_units=3)
    .map(lambda d: "\n".join(json.dumps(u) for u in d["units"]))
    .flatmap(damaged)
)
def test_read_jsonl_on_damaged_lines(data: bytes) -> None:
    check_items(batch.read_jsonl(io.BytesIO(data), BOOK, name="fuzz.jsonl"))


# -- JSON streamed a chunk at a time, TOML, a directory ----------------------------------------------------


@bounded(100)
@given(documents(min_units=1, max_units=3).map(json.dumps).flatmap(damaged), st.integers(1, 64))
def test_read_json_streamed_in_small_chunks_on_damaged_json(data: bytes, chunk: int) -> None:
    # Small chunks put every boundary inside a token somewhere; a tiny item limit makes
    # the "value too long" path reachable.
    with (
        mock.patch.object(_json_stream, "_CHUNK", chunk),
        mock.patch.object(_json_stream, "MAX_ITEM_CHARS", 400),
    ):
        check_items(batch.read_json(io.BytesIO(data), BOOK, name="fuzz.json"))


@bounded(60)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(batch.BATCH_SUFFIXES)),
            st.one_of(
                documents(min_units=1, max_units=2).map(json.dumps).flatmap(damaged),
                documents(min_units=1, max_units=2).map(to_toml).flatmap(damaged),
                documents(min_units=1, max_units=2).map(to_csv).flatmap(damaged),
                st.binary(max_size=100),
            ),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_read_any_on_a_directory_of_damaged_files(
    workdir: Path, files: list[tuple[str, bytes]]
) -> None:
    folder = workdir / "directory"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for index, (suffix, data) in enumerate(files):
        write(folder, f"part{index}{suffix}", data)
    check_items(batch.read_any(folder, BOOK))


# -- scores documents -------------------------------------------------------------------------------


def check_scores(document: ScoresDocument, sheet: ScoringSheet) -> None:
    for error in document.errors:
        assert isinstance(error, InputError)
        str(error)
    for unit in document.units:
        result = attempt(lambda unit=unit: score(sheet, unit))
        if isinstance(result, AntqError):
            continue
        for lang in ("vi", "en"):
            result.explain(lang)
        data = json.loads(json.dumps(result.to_json(texts=("vi", "en")), ensure_ascii=False))
        data.pop("text", None)
        again = ScoreResult.from_json(json.loads(json.dumps(result.to_json())))
        assert again.to_json() == result.to_json()


@bounded(50)
@given(st.just(SCORES).flatmap(mutated))
def test_read_scores_on_mutated_documents(document: Any) -> None:
    check_scores(read_scores(document, SHEET), SHEET)


@bounded(150)
@given(st.sampled_from(SCORES["units"]).flatmap(mutated))
def test_read_scores_on_one_mutated_unit(unit: Any) -> None:
    # One unit edited at a time: each edit lands on a field the scorer reads more often.
    check_scores(read_scores({**SCORES, "units": [unit]}, SHEET), SHEET)


@bounded(100)
@given(trees(toml_scalars))
def test_read_scores_on_arbitrary_trees(tree: Any) -> None:
    check_scores(read_scores(tree, SHEET), SHEET)
    check_scores(read_scores({"antq_scores": 1, "units": [tree]}, SHEET), SHEET)


@bounded(80)
@given(st.just(json.dumps(SCORES)).flatmap(damaged), st.sampled_from((".json", ".toml", ".txt")))
def test_read_scores_file_on_damaged_bytes(workdir: Path, data: bytes, suffix: str) -> None:
    path = write(workdir, f"scores{suffix}", data)
    document = attempt(lambda: read_scores_file(path, SHEET))
    if isinstance(document, AntqError):
        assert isinstance(document, InputError) and document.path.startswith(str(path))
        return
    check_scores(document, SHEET)


# -- award documents -----------------------------------------------------------------------------


def check_awards(document: AwardsDocument) -> None:
    for error in document.errors:
        assert isinstance(error, InputError)
        str(error)
    for question in document.questions:
        answer = attempt(lambda question=question: question.answer({}))
        if isinstance(answer, AntqError):
            continue
        for lang in ("vi", "en"):
            answer.explain(lang)
        again = Eligibility.from_json(json.loads(json.dumps(answer.to_json())))
        assert again.to_json() == answer.to_json()


AWARD_ENTRIES = [
    (section, entry) for section, entries in AWARDS.items() if isinstance(entries, list)
    for entry in entries
]  # fmt: skip


@bounded(50)
@given(st.just(AWARDS).flatmap(mutated))
def test_read_awards_on_mutated_documents(document: Any) -> None:
    check_awards(read_awards(document))


@bounded(200)
@given(st.sampled_from(AWARD_ENTRIES).flatmap(lambda e: st.tuples(st.just(e[0]), mutated(e[1]))))
def test_read_awards_on_one_mutated_question(question: tuple[str, Any]) -> None:
    section, entry = question
    check_awards(read_awards({"antq_awards": 1, section: [entry]}))


@bounded(80)
@given(trees(toml_scalars))
def test_read_awards_on_arbitrary_trees(tree: Any) -> None:
    check_awards(read_awards(tree))
    check_awards(read_awards({"knc": [tree], "ministry_bang_khen": [tree]}))


@bounded(60)
@given(st.just(json.dumps(AWARDS)).flatmap(damaged))
def test_read_awards_file_on_damaged_bytes(workdir: Path, data: bytes) -> None:
    path = write(workdir, "awards.json", data)
    document = attempt(lambda: read_awards_file(path))
    if isinstance(document, AntqError):
        assert isinstance(document, InputError) and document.path.startswith(str(path))
        return
    check_awards(document)


# -- scoring sheets and overrides ------------------------------------------------------------------


def toml_table(data: dict[str, Any]) -> str:
    """Any table as TOML text, one ``key = inline value`` line per top-level key."""
    return "".join(f"{key} = {toml_value(value, key=key)}\n" for key, value in data.items())


def check_sheet(sheet: ScoringSheet | AntqError) -> None:
    if isinstance(sheet, AntqError):
        str(sheet)
        return
    for entry in sheet_catalogue([sheet]):
        entry.render("vi")
        entry.render("en")
        json.dumps(entry.to_json(), ensure_ascii=False)
    document = read_scores({"antq_scores": 1, "units": []}, sheet)
    assert document.errors == ()


@bounded(150)
@given(st.just(SHEET_DATA).flatmap(lambda d: mutated(d, toml_scalars)))
def test_sheet_from_dict_on_mutated_sheets(data: Any) -> None:
    check_sheet(attempt(lambda: sheet_from_dict(data)))


@bounded(80)
@given(trees(toml_scalars))
def test_sheet_from_dict_on_arbitrary_trees(tree: Any) -> None:
    check_sheet(attempt(lambda: sheet_from_dict(tree)))


@bounded(80)
@given(st.just(SHEET_TOML).flatmap(damaged))
def test_load_sheet_on_damaged_toml(workdir: Path, data: bytes) -> None:
    path = write(workdir, "sheet.toml", data)
    check_sheet(attempt(lambda: load_sheet(path)))


@bounded(150)
@given(st.just(FILL).flatmap(lambda d: mutated(d, toml_scalars)))
def test_apply_override_on_mutated_overrides(data: Any) -> None:
    check_sheet(attempt(lambda: apply_override(BASE_SHEET, copy.deepcopy(data))))


@bounded(60)
@given(st.just(FILL).map(lambda d: toml_table(d)).flatmap(damaged))
def test_apply_override_file_on_damaged_toml(workdir: Path, data: bytes) -> None:
    path = write(workdir, "override.toml", data)
    check_sheet(attempt(lambda: apply_override_file(BASE_SHEET, path)))


def test_the_override_written_as_toml_applies() -> None:
    # A guard on the helper, as for the CSV writer above.
    data = tomllib.loads(toml_table(FILL))
    assert apply_override(BASE_SHEET, data).id == "qd510.agency+test"


# -- the report's side files ------------------------------------------------------------------------


def check_observations(items: Iterable[Observation | InputError]) -> None:
    for item in items:
        if isinstance(item, InputError):
            str(item)
        else:
            assert isinstance(item, Observation)


@bounded(100)
@given(
    st.one_of(
        st.just(OBSERVATIONS).flatmap(damaged).map(lambda d: (".csv", d)),
        st.just(json.dumps([{"indicator": "x", "unit": "y", "period": "z", "numerator": 1}]))
        .flatmap(damaged)
        .map(lambda d: (".json", d)),
        st.tuples(st.sampled_from((".csv", ".json")), st.binary(max_size=200)),
    )
)
def test_read_observations_on_damaged_files(workdir: Path, file: tuple[str, bytes]) -> None:
    suffix, data = file
    path = write(workdir, f"figures{suffix}", data)
    check_observations(read_observations(path))


@bounded(150)
@given(st.just(TARGETS).flatmap(mutated) | trees())
def test_targets_from_data_on_mutated_targets(data: Any) -> None:
    targets = attempt(lambda: targets_from_data(data))
    if isinstance(targets, AntqError):
        return
    for target in targets:
        target.describe("vi")
        target.passes(77, 100)


def test_a_huge_exponent_in_a_target_percent_is_refused_at_once() -> None:
    # Fraction("1e999999999") would take minutes and gigabytes (found while writing these fuzzers).
    with pytest.raises(InputError, match="expected a number such as"):
        targets_from_data([{"indicator": "crime_clearance_public_order", "percent": "1e999999999"}])
