"""Bounded fuzzing of every loader: anything but antq's own errors is a failure.

Targets: facts documents (:func:`antq.io.facts.read_facts` on parsed trees and
:func:`antq.io.facts.load_document` on bytes), :meth:`antq.Verdict.from_json`,
:meth:`antq.Citation.parse` and :meth:`antq.Citation.from_dict`,
:meth:`antq.Period.parse` and the ``parse_*`` functions of
:mod:`antq.i18n.formatting`. Inputs are arbitrary JSON- and TOML-like trees,
valid documents with a few random edits, and random text and bytes. Where a
loader accepts its input, what it returns must be usable: evaluated,
explained, serialised and read back.

The batch readers, scores, awards, scoring sheets and the report's side files
are fuzzed in ``test_fuzz_more_loaders.py``. Inputs these generators cannot
reach by chance (integers of more than 4300 digits, deep nesting, lone
surrogates, format fields in verdict templates, over-long lines) are rows of
the bad-input catalogue in ``test_bad_input.py``.
"""

from __future__ import annotations

import json
import string
import tomllib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.core.engine import evaluate
from antq.core.periods import Period
from antq.core.verdict import Verdict
from antq.errors import AntqError, InputError
from antq.i18n import formatting
from antq.io.facts import FactsDocument, load_document, read_facts
from antq.law import INSTRUMENTS, POINT_LETTERS, Citation

from .strategies import (
    BOOK,
    bounded,
    documents,
    mutated,
    to_toml,
    toml_scalars,
    trees,
    units,
    verdict_of,
)

T = TypeVar("T")


def attempt(load: Callable[[], T]) -> T | AntqError:
    """Run a loader; antq's own errors are an answer, anything else fails the test."""
    try:
        return load()
    except AntqError as error:
        str(error)  # the message itself must be printable
        return error


def check_document(document: FactsDocument) -> None:
    """Every error names a path; every unit read can be evaluated, explained and saved."""
    for error in document.errors:
        assert isinstance(error, InputError)
        assert isinstance(error.path, str)  # empty for a top-level key "": see test_bad_input
        assert str(error).startswith(f"{error.path}: " if error.path else error.message)
    for unit in document.units:
        verdict = attempt(partial(evaluate, unit, BOOK))
        if isinstance(verdict, AntqError):
            continue
        for lang in ("vi", "en"):
            verdict.explain(lang)
        text = json.dumps(verdict.to_json(texts=("vi", "en")), ensure_ascii=False)
        text.encode("utf-8")
        assert Verdict.from_json(json.loads(json.dumps(verdict.to_json()))) == verdict


# -- facts documents, parsed -------------------------------------------------------------------


@bounded(150)
@given(trees())
def test_read_facts_on_arbitrary_json_trees(tree: Any) -> None:
    # read_facts collects problems; it never raises, whatever it is given.
    check_document(read_facts(tree, BOOK))
    check_document(read_facts({"units": [tree]}, BOOK))


@bounded(100)
@given(trees(toml_scalars))
def test_read_facts_on_arbitrary_toml_trees(tree: Any) -> None:
    check_document(read_facts({"units": [tree]}, BOOK))
    unit = {"id": "U", "kind": "residential_area", "year": 2024, "facts": tree}
    check_document(read_facts({"units": [unit]}, BOOK))


@bounded(300)
@given(documents(min_units=1, max_units=3).flatmap(mutated))
def test_read_facts_on_mutated_valid_documents(document: Any) -> None:
    check_document(read_facts(document, BOOK))


@bounded(150)
@given(documents(min_units=1, max_units=2).flatmap(lambda d: mutated(d, toml_scalars)))
def test_read_facts_on_mutated_documents_with_toml_values(document: Any) -> None:
    check_document(read_facts(document, BOOK))


# -- facts documents, as files -------------------------------------------------------------------


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def load_bytes(workdir: Path, data: bytes, suffix: str) -> None:
    path = workdir / f"document{suffix}"
    path.write_bytes(data)
    parsed = attempt(lambda: load_document(path))
    if isinstance(parsed, AntqError):
        assert isinstance(parsed, InputError)
        assert parsed.path == str(path)
        return
    check_document(read_facts(parsed, BOOK))


@bounded(150)
@given(st.binary(max_size=200), st.sampled_from((".json", ".toml", ".JSON", ".txt", "")))
def test_load_document_on_random_bytes(workdir: Path, data: bytes, suffix: str) -> None:
    load_bytes(workdir, data, suffix)


@bounded(150)
@given(st.text(max_size=200), st.sampled_from((".json", ".toml")))
def test_load_document_on_random_text(workdir: Path, text: str, suffix: str) -> None:
    load_bytes(workdir, text.encode("utf-8"), suffix)


@st.composite
def damaged(draw: st.DrawFn, text: str) -> bytes:
    """UTF-8 ``text`` with a few bytes inserted, deleted or overwritten."""
    data = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(("insert", "delete", "overwrite")))
        byte = draw(st.sampled_from(b'{}[]",:=\n\\0-1. \xc3\xef\xbb\xbf\x00') | st.integers(0, 255))
        if operation == "insert":
            data.insert(position, byte)
        elif position < len(data):
            if operation == "delete":
                del data[position]
            else:
                data[position] = byte
    return bytes(data)


@bounded(150)
@given(documents(min_units=1, max_units=2).map(json.dumps).flatmap(damaged))
def test_load_document_on_damaged_json(workdir: Path, data: bytes) -> None:
    load_bytes(workdir, data, ".json")


@bounded(150)
@given(documents(min_units=1, max_units=2).map(to_toml).flatmap(damaged))
def test_load_document_on_damaged_toml(workdir: Path, data: bytes) -> None:
    load_bytes(workdir, data, ".toml")


# -- verdicts ------------------------------------------------------------------------------------


def check_verdict_json(data: Any) -> None:
    loaded = attempt(lambda: Verdict.from_json(data))
    if isinstance(loaded, AntqError):
        return
    # What was accepted is written back unchanged and reads back equal.
    text = json.dumps(loaded.to_json(), ensure_ascii=False)
    assert Verdict.from_json(json.loads(text)) == loaded


@bounded(100)
@given(trees())
def test_verdict_from_json_on_arbitrary_trees(tree: Any) -> None:
    check_verdict_json(tree)


@bounded(300)
@given(units().map(lambda u: verdict_of(u).to_json()).flatmap(mutated))
def test_verdict_from_json_on_mutated_verdicts(data: Any) -> None:
    check_verdict_json(data)


# -- citations ---------------------------------------------------------------------------------------

NUMBERS = tuple(sorted(INSTRUMENTS))
small_ints = st.integers(-2, 30) | st.integers(-(10**30), 10**30)
points = st.sampled_from(POINT_LETTERS) | st.text(max_size=3)


@st.composite
def citation_texts(draw: st.DrawFn) -> str:
    """Citation-shaped text: real instruments and structure, random pieces."""
    number = draw(st.sampled_from(NUMBERS) | st.text(max_size=15))
    article, clause, point = draw(small_ints), draw(small_ints), draw(points)
    kind = draw(st.sampled_from(("", "Thông tư ", "Luật ", "Circular ", "Nghị định ", "số ")))
    forms = (
        f"Điều {article} khoản {clause} điểm {point} {kind}{number}",
        f"điểm {point} khoản {clause} Điều {article} {kind}{number}",
        f"Article {article}({clause})({point}), {kind}{number}",
        f"{number} {article}({clause})({point})",
        f"{kind}{number} {article}",
        f"{kind}{number}",
    )
    return draw(st.sampled_from(forms))


def check_citation(citation: Citation | AntqError) -> None:
    if isinstance(citation, AntqError):
        return
    for lang in ("vi", "en"):
        assert Citation.parse(citation.render(lang)) == citation
    assert Citation.from_dict(citation.to_dict()) == citation


@bounded(150)
@given(st.text(max_size=60) | citation_texts())
def test_citation_parse(text: str) -> None:
    check_citation(attempt(lambda: Citation.parse(text)))


@bounded(150)
@given(
    trees()
    | st.fixed_dictionaries(
        {"instrument": st.sampled_from(NUMBERS) | st.text(max_size=8)},
        optional={
            "article": small_ints | st.none() | st.booleans(),
            "clause": small_ints | st.none(),
            "point": points | st.none() | st.integers(),
            "extra": st.none(),
        },
    )
)
def test_citation_from_dict(data: Any) -> None:
    check_citation(attempt(lambda: Citation.from_dict(data)))


# -- periods ---------------------------------------------------------------------------------------------

digits = st.text(alphabet=string.digits, min_size=1, max_size=5)


@st.composite
def period_texts(draw: st.DrawFn) -> str:
    parts = [draw(digits) for _ in range(6)]
    separator = draw(st.sampled_from(("/", "/", "-", " / ", "–")))
    return f"{parts[0]}-{parts[1]}-{parts[2]}{separator}{parts[3]}-{parts[4]}-{parts[5]}"


@bounded(200)
@given(st.text(max_size=30) | period_texts() | trees())
def test_period_parse(text: Any) -> None:
    period = attempt(lambda: Period.parse(text))
    if isinstance(period, Period):
        assert str(period) == text
        assert period.start <= period.end


# -- numbers and dates as reports write them ---------------------------------------------------------

number_texts = st.text(alphabet="0123456789.,-−% \u00a0", max_size=25)
date_texts = st.builds(
    lambda prefix, d, sep, m, y: f"{prefix}{d}{sep}{m}{sep}{y}",
    st.sampled_from(("", "ngày ", "Thứ Ba, ", "CN, ", "Hà Nội, ", "Tuesday, ")),
    digits,
    st.sampled_from(("/", "-", ".")),
    digits,
    digits,
)
long_date_texts = st.builds(
    lambda d, m, y, month: st.sampled_from(
        (f"ngày {d} tháng {m} năm {y}", f"Hà Nội, ngày {d} tháng {m} năm {y}", f"{d} {month} {y}")
    ),
    digits,
    digits,
    digits,
    st.sampled_from(("July", "july", "Juli", "")) | st.text(max_size=8),
).flatmap(lambda s: s)
time_texts = st.builds(
    lambda h, mi, rest: f"{h}:{mi} {rest}", digits, digits, date_texts | long_date_texts
)
PARSERS = {
    "parse_number": formatting.parse_number,
    "parse_percent": formatting.parse_percent,
    "parse_date": formatting.parse_date,
    "parse_datetime": formatting.parse_datetime,
}


@pytest.mark.parametrize("name", sorted(PARSERS))
@bounded(100)
@given(
    text=st.text(max_size=30) | number_texts | date_texts | long_date_texts | time_texts,
    lang=st.sampled_from(("vi", "en")),
)
def test_formatting_parsers(name: str, text: str, lang: Any) -> None:
    attempt(lambda: PARSERS[name](text, lang))


@bounded(100)
@given(st.integers(-(10**30), 10**30), st.sampled_from(("vi", "en")))
def test_numbers_read_back_as_written(value: int, lang: Any) -> None:
    assert formatting.parse_number(formatting.format_number(value, lang), lang) == value


@bounded(100)
@given(
    st.dates(),
    st.sampled_from(("vi", "en")),
    st.sampled_from(("numeric", "weekday", "long")),
)
def test_dates_read_back_as_written(day: Any, lang: Any, style: Any) -> None:
    assert formatting.parse_date(formatting.format_date(day, lang, style), lang) == day


def test_the_toml_writer_used_by_the_fuzzers_is_valid_toml() -> None:
    # A guard on the helper: if it wrote invalid TOML, the TOML fuzzing would only ever
    # test the parser's error path.
    # (A control character is in the name: an id may not hold one.)
    unit = {"id": 'A "b"', "name": 'A "b" \x7f', "kind": "commune", "year": 2024, "facts": {}}
    document = {"units": [unit]}
    assert tomllib.loads(to_toml(document))["units"][0]["name"] == 'A "b" \x7f'
    assert read_facts(tomllib.loads(to_toml(document)), BOOK).errors == ()
