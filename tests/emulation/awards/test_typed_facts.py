"""The typed award candidates follow the keys their question readers declare, and answer alike."""

from __future__ import annotations

import json
import typing
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from antq.emulation.awards import typed_facts
from antq.emulation.awards.knc import KncCandidate, read_knc_request
from antq.emulation.awards.law06 import (
    CollectiveFacts,
    IndividualRecord,
    read_bang_khen_request,
    read_collective_request,
)
from antq.emulation.awards.questions import QUESTION_KEYS, read_awards

ROOT = Path(__file__).resolve().parents[3]
DOCUMENT = ROOT / "examples" / "movement-2025.json"

#: Each typed class, the entity it builds, the reader of its question and the date's key.
KINDS: dict[str, tuple[type, type, Any, str]] = {
    "knc": (typed_facts.KncCandidateFacts, KncCandidate, read_knc_request, "proposed_on"),
    "ministry_bang_khen": (
        typed_facts.BangKhenCandidateFacts,
        IndividualRecord,
        read_bang_khen_request,
        "considered_on",
    ),
    "excellent_collective": (
        typed_facts.CollectiveCandidateFacts,
        CollectiveFacts,
        read_collective_request,
        "considered_on",
    ),
}


def test_there_is_one_class_per_kind_of_candidate() -> None:
    # The authority questions ask who may award a form: they have no candidate.
    assert set(KINDS) == set(QUESTION_KEYS) - {"authority"}
    assert {cls.SECTION for cls, _, _, _ in KINDS.values()} == set(KINDS)
    assert sorted(typed_facts.__all__) == sorted(cls.__name__ for cls, _, _, _ in KINDS.values())


@pytest.mark.parametrize("section", list(KINDS))
def test_a_class_has_an_attribute_of_the_entity_type_for_every_declared_key(section: str) -> None:
    cls, entity, _, day = KINDS[section]
    # Run scripts/generate_award_facts.py when a key is added, renamed or retyped.
    assert tuple(field.name for field in attrs.fields(cls)) == QUESTION_KEYS[section]
    hints, entity_hints = typing.get_type_hints(cls), typing.get_type_hints(entity)
    assert hints[day] is date
    assert hints["id"] is str
    for key in QUESTION_KEYS[section]:
        if key in (day, "id"):
            continue
        expected = entity_hints[key]
        assert hints[key] in (expected, expected | None), key


@pytest.mark.parametrize("section", list(KINDS))
def test_typed_candidates_answer_as_the_questions_read_from_a_document(section: str) -> None:
    cls, entity, read, day = KINDS[section]
    questions = json.loads(DOCUMENT.read_text(encoding="utf-8"))["awards"][section]
    assert questions
    answered = read_awards({"antq": 2, "awards": {section: questions}})
    assert answered.errors == ()
    for index, raw in enumerate(questions):
        subject, on = read(raw, f"{section}[{index}]")
        given = {f.name: getattr(subject, f.name) for f in attrs.fields(entity)}
        typed = cls(**{k: v for k, v in given.items() if v is not None}, **{day: on})
        assert typed.subject() == subject
        expected = answered.questions[index].answer({})
        assert typed.eligibility().to_json() == expected.to_json()


def test_a_fact_left_out_is_unknown_never_met() -> None:
    known = typed_facts.CollectiveCandidateFacts(
        id="TT-01",
        considered_on=date(2025, 11, 30),
        tasks_excellent=True,
        emulation_active=True,
        members=40,
        members_completed_tasks=40,
        members_advanced=30,
        members_grassroots_fighters=2,
        solidarity_exemplary=True,
        pending=frozenset(),
    )
    assert known.eligibility().outcome.code == "met"
    unknown = attrs.evolve(known, solidarity_exemplary=None)
    assert unknown.eligibility().outcome.code == "unknown"


def test_a_misspelt_key_is_refused() -> None:
    with pytest.raises(TypeError, match="servce"):
        typed_facts.KncCandidateFacts(id="P", proposed_on=date(2025, 8, 1), servce=())  # type: ignore[call-arg]
