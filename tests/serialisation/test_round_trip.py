"""Every result type read back from its JSON is the result it was written from."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq import Verdict
from antq.core.reasons import Percent, Reason
from antq.core.verdict import CriterionResult
from antq.emulation.awards.eligibility import Eligibility, Route
from antq.emulation.scoring import Classification, ItemResult, NextClass, ScoreResult, VetoResult
from antq.entities import TaskGrade
from antq.i18n.catalog import Msg, Text
from antq.i18n.formatting import Threshold, ThresholdTest
from antq.serve.settings import ServeSettings

from . import golden
from .golden import BOTH


def _through_text(data: object) -> Any:
    return json.loads(json.dumps(data, ensure_ascii=False))


def _both_ways(kind: Any, value: Any, **options: Any) -> None:
    for texts in ((), BOTH) if options.get("texts", True) else ((),):
        written = value.to_json(texts=texts) if texts else value.to_json()
        again = kind.from_json(_through_text(written))
        assert again == value
        assert again.to_json() == value.to_json()


def _verdicts() -> list[Verdict]:
    return golden.verdicts()


def _criterion_results() -> Iterator[CriterionResult]:
    for verdict in _verdicts():
        yield from verdict.all_results()


def test_verdicts() -> None:
    for verdict in _verdicts():
        _both_ways(Verdict, verdict)


def test_criterion_results_and_their_reasons() -> None:
    for result in _criterion_results():
        _both_ways(CriterionResult, result)
        assert Reason.from_json(_through_text(result.reason.to_json())) == result.reason
    for verdict in _verdicts():
        for notice in verdict.notices:
            assert Reason.from_json(_through_text(notice.to_json())) == notice


def test_reasons_with_every_kind_of_parameter() -> None:
    for reason in golden.reasons():
        assert Reason.from_json(_through_text(reason.to_json())) == reason


def test_award_answers_and_routes() -> None:
    for answer in golden.eligibilities():
        assert isinstance(answer, Eligibility)
        _both_ways(Eligibility, answer)
        for route in answer.routes:
            _both_ways(Route, route)


def test_score_results_and_their_parts() -> None:
    for result in golden.scores():
        assert isinstance(result, ScoreResult)
        _both_ways(ScoreResult, result)
        for item in result.items:
            _both_ways(ItemResult, item)
        _both_ways(Classification, result.classification)
        for veto in result.classification.vetoes:
            _both_ways(VetoResult, veto)
        if result.classification.next is not None:
            _both_ways(NextClass, result.classification.next, texts=False)


# --- generated values ------------------------------------------------------------------------

PERCENTS = st.one_of(
    st.integers(0, 100).map(Fraction),
    st.tuples(st.integers(0, 20000), st.integers(1, 200)).map(
        lambda nd: Fraction(min(nd[0], 100 * nd[1]), nd[1])
    ),
)
THRESHOLDS = st.builds(
    Threshold, percent=PERCENTS, test=st.sampled_from(list(ThresholdTest))
).filter(lambda t: t.percent.denominator < 10**6 and t.percent.numerator < 10**6)

LABELS = st.one_of(
    st.text(min_size=1).map(Msg),
    st.builds(Text, vi=st.text(), en=st.text()),
)
PARAMS = st.one_of(
    st.integers(-(10**12), 10**12),
    st.booleans(),
    st.text(),
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.sampled_from(list(TaskGrade)),
    st.builds(
        Percent,
        numerator=st.integers(0, 10**6),
        denominator=st.integers(1, 10**6),
        thresholds=st.lists(THRESHOLDS, max_size=2).map(tuple),
    ),
    LABELS,
)


@given(THRESHOLDS)
def test_any_threshold(limit: Threshold) -> None:
    assert Threshold.from_json(_through_text(limit.to_json())) == limit


@given(st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True), PARAMS, max_size=4))
def test_any_reason(params: dict[str, Any]) -> None:
    template = Text(
        vi=" ".join(f"{{{k}}}" for k in params), en="-".join(f"{{{k}}}" for k in params)
    )
    reason = Reason(template=template, params=params)
    again = Reason.from_json(_through_text(reason.to_json()))
    assert again == reason
    # Booleans and whole numbers are equal in Python; the JSON keeps them apart.
    assert [type(v) for v in again.params.values()] == [type(v) for v in reason.params.values()]


@given(
    st.builds(
        ServeSettings,
        host=st.sampled_from(["127.0.0.1", "0.0.0.0", "::1"]),
        port=st.integers(1, 65535),
        workers=st.integers(1, 64),
        time_limit=st.floats(0.5, 600),
        access_log=st.booleans(),
        allow_origins=st.lists(st.sampled_from(["https://a.vn", "http://b.vn"])).map(tuple),
    )
)
def test_any_serve_settings(settings: ServeSettings) -> None:
    assert ServeSettings.from_environment_text(settings.environment_text()) == settings


@pytest.mark.parametrize("kind", [Verdict, CriterionResult, ScoreResult, Eligibility])
def test_what_is_not_an_object_is_refused(kind: Any) -> None:
    from antq.errors import InputError

    with pytest.raises(InputError, match="expected an object"):
        kind.from_json([])
