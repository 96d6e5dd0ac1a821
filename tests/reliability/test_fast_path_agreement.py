"""The fast paths give exactly what the explained paths give.

The engine decides verdicts with each check's ``decide`` method and builds the
reasons with ``__call__`` only when asked; the CSV reader reads cells straight
into facts while JSON goes through the general reader; JSON Lines and CSV are
normalised to NFC a line at a time. Each pair must agree on every generated
unit, and a disagreement of the engine's two paths is an error, never a verdict.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.core.criterion import Context
from antq.core.engine import decide, decide_criterion, evaluate, evaluate_criterion
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome, combine
from antq.errors import InputError
from antq.io.batch import read_csv, read_jsonl, verdict_row

from .strategies import BOOK, bounded, read_unit, units


def _context(facts: UnitFacts) -> tuple[Any, Context]:
    rule_set = BOOK.select(facts.kind, facts.year, period=facts.period)
    period = rule_set.period_for(facts.year, facts.period)
    return rule_set, Context(facts=facts, period=period, parameters=rule_set.resolved_parameters())


@bounded(300)
@given(units(max_changes=6))
def test_each_criterion_decides_as_its_check_explains(unit: Any) -> None:
    facts = read_unit(unit.raw)
    rule_set, context = _context(facts)
    for criterion in rule_set.all_criteria():
        try:
            explained = evaluate_criterion(criterion, context).outcome
        except InputError as error:
            message = str(error)
        else:
            assert decide_criterion(criterion, context) is explained, criterion.id
            continue
        # The same bad input must stop the fast path, with the same message.
        with pytest.raises(InputError) as raised:
            decide_criterion(criterion, context)
        assert str(raised.value) == message


@bounded(300)
@given(units(max_changes=6))
def test_decide_is_the_outcome_of_the_explained_verdict(unit: Any) -> None:
    facts = read_unit(unit.raw)
    try:
        verdict = evaluate(facts, BOOK)
    except InputError:
        with pytest.raises(InputError):
            decide(facts, BOOK)
        return
    assert decide(facts, BOOK) is verdict.outcome
    # Building the results re-checks every criterion; their combination is the outcome.
    if verdict.results:
        scope = [r.outcome for r in verdict.eligibility]
        expected = combine([r.outcome for r in verdict.results])
        if scope and combine(scope).code == "unknown":
            expected = combine(scope)
        assert verdict.outcome is expected


def _csv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@bounded(200)
@given(st.lists(units(max_changes=6), min_size=1, max_size=4))
def test_csv_rows_read_as_json_lines_do(generated: list[Any]) -> None:
    raws = [dict(u.raw, id=f"{u.raw['id']}-{i}") for i, u in enumerate(generated)]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in raws)
    from_json = list(read_jsonl(io.BytesIO(lines.encode("utf-8")), BOOK))

    facts = sorted({name for r in raws for name in r["facts"]})
    unit_columns = ["id", "kind", "year", "period"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(unit_columns + facts)
    for raw in raws:
        writer.writerow(
            [_csv_cell(raw[c]) if c in raw else "" for c in unit_columns]
            + [_csv_cell(raw["facts"][f]) if f in raw["facts"] else "" for f in facts]
        )
    from_csv = list(read_csv(io.BytesIO(out.getvalue().encode("utf-8")), BOOK))

    assert len(from_csv) == len(from_json)
    for got, expected in zip(from_csv, from_json, strict=True):
        if isinstance(expected, InputError):
            assert isinstance(got, InputError), got
            assert got.value == expected.value or got.message == expected.message
        else:
            assert isinstance(got, UnitFacts), got
            assert got == expected
            assert dict(got.values) == dict(expected.values)


VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ "
)
# No space at either end: CSV cells are stripped and JSON strings are not.
words = st.text(alphabet=VIETNAMESE, min_size=1, max_size=12).filter(lambda t: t == t.strip())


@bounded(200)
@given(name=words, commune=words, escape=st.booleans())
def test_decomposed_text_reads_as_composed_in_every_batch_format(
    name: str, commune: str, escape: bool
) -> None:
    nfd_name, nfd_commune = (unicodedata.normalize("NFD", t) for t in (name, commune))
    raw = {"id": "KDC-1", "kind": "residential_area", "year": 2025, "name": nfd_name}
    raw["commune"] = nfd_commune
    line = json.dumps(raw, ensure_ascii=escape) + "\n"  # escaped: \u0301 and the like
    row = f"id,kind,year,name,commune\nKDC-1,residential_area,2025,{nfd_name},{nfd_commune}\n"
    for items in (
        read_jsonl(io.BytesIO(line.encode("utf-8")), BOOK),
        read_csv(io.BytesIO(row.encode("utf-8")), BOOK),
    ):
        (unit,) = list(items)
        assert isinstance(unit, UnitFacts), unit
        assert unit.name == unicodedata.normalize("NFC", name)
        assert unit.commune == unicodedata.normalize("NFC", commune)


@bounded(300)
@given(units(max_changes=6))
def test_a_verdicts_row_is_what_its_results_say(unit: Any) -> None:
    # The one-line row skips the criteria of a MET verdict: none of them failed or is unknown.
    facts = read_unit(unit.raw)
    try:
        verdict = evaluate(facts, BOOK)
    except InputError:
        return
    results = tuple(verdict.all_results())
    row = verdict_row(evaluate(facts, BOOK))
    assert row["outcome"] == verdict.outcome.code
    assert row["failed"] == [r.criterion_id for r in results if r.outcome is Outcome.NOT_MET]
    assert row["unknown"] == [r.criterion_id for r in results if r.outcome is Outcome.UNKNOWN]
    assert row["missing"] == list(dict.fromkeys(m for r in results for m in r.missing))


@bounded(300)
@given(units(max_changes=6), st.sets(st.sampled_from(list(Outcome)), max_size=4))
def test_the_results_with_some_outcomes_are_those_of_the_whole_verdict(
    unit: Any, outcomes: set[Outcome]
) -> None:
    # Built alone (the others only decided), they are the ones the whole verdict holds.
    facts = read_unit(unit.raw)
    try:
        verdict = evaluate(facts, BOOK)
    except InputError:
        return
    eligibility, results = evaluate(facts, BOOK).results_with(outcomes)
    assert eligibility == tuple(r for r in verdict.eligibility if r.outcome in outcomes)
    assert results == tuple(r for r in verdict.results if r.outcome in outcomes)
    # A verdict already explained gives them from its results.
    assert verdict.results_with(outcomes) == (eligibility, results)
