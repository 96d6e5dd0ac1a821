"""The typed facts classes follow the declared inputs, and build the same facts as a document."""

from __future__ import annotations

import typing
from typing import Any

import attrs
import pytest

import antq
from antq.core.inputs import Input
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.io.facts import unit_facts_from_dict
from antq.safety import default_rulebook, typed_facts

from .builders import BASELINES, raw_unit

BOOK = default_rulebook()
CLASSES = {cls.KIND: cls for cls in typed_facts.UnitFactsBuilder.__subclasses__()}


def test_there_is_one_class_per_unit_kind() -> None:
    assert set(CLASSES) == set(UnitKind)


def _expected_type(declared: Input[Any]) -> Any:
    if declared.item_type is not None:
        collection = frozenset if declared.value_type is frozenset else tuple
        item = declared.item_type
        return frozenset[item] if collection is frozenset else tuple[item, ...]  # type: ignore[valid-type]
    return declared.value_type


@pytest.mark.parametrize("kind", list(UnitKind), ids=lambda kind: kind.code)
def test_a_class_has_an_attribute_of_the_declared_type_for_every_input(kind: UnitKind) -> None:
    cls = CLASSES[kind]
    declared = {name: i for name, i in BOOK.inputs(kind).items() if not i.computed}
    fields = {field.name for field in attrs.fields(cls)}
    # Run scripts/generate_typed_facts.py when an input is added, renamed or retyped.
    assert fields == set(declared)
    hints = typing.get_type_hints(cls)
    for name, each in declared.items():
        assert hints[name] == _expected_type(each) | None, name


@pytest.mark.parametrize("kind", list(UnitKind), ids=lambda kind: kind.code)
def test_typed_facts_decide_as_the_same_facts_read_from_a_document(kind: UnitKind) -> None:
    read = unit_facts_from_dict(raw_unit(kind), "units[0]", BOOK.inputs(kind))
    typed = CLASSES[kind](**dict(read.values)).unit(read.unit_id, read.year)
    assert typed.values == read.values
    assert antq.evaluate(typed).to_json() == antq.evaluate(read).to_json()
    assert set(BASELINES[kind]()) <= set(typed.values)


def test_a_fact_left_out_is_unknown_never_met() -> None:
    facts = unit_facts_from_dict(
        raw_unit(UnitKind.RESIDENTIAL_AREA), "u", BOOK.inputs(UnitKind.RESIDENTIAL_AREA)
    )
    values = dict(facts.values)
    del values["households_registered"]
    verdict = antq.evaluate(antq.ResidentialAreaFacts(**values).unit("KDC-1", 2024))
    assert verdict.outcome is antq.Outcome.UNKNOWN
    assert "households_registered" in verdict.missing_inputs


def test_a_value_of_the_wrong_type_is_refused_when_evaluated() -> None:
    unit = antq.ResidentialAreaFacts(households_registered="119").unit("KDC-1", 2024)  # type: ignore[arg-type]
    with pytest.raises(InputError) as raised:
        antq.evaluate(unit)
    assert "households_registered" in raised.value.path
