"""The pre-2014 authority table and the QĐ 510 procedure table refuse malformed data."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from typing import Any

import pytest

from antq.emulation import qd510_procedure
from antq.emulation.awards import law15
from antq.errors import DefinitionError


def _authority() -> dict[str, Any]:
    text = resources.files("antq.emulation.awards").joinpath(law15._DATA).read_text("utf-8")
    return tomllib.loads(text)


def _procedure() -> dict[str, Any]:
    text = resources.files("antq.emulation").joinpath(qd510_procedure._DATA).read_text("utf-8")
    return tomllib.loads(text)


def test_the_shipped_tables_read() -> None:
    specs, rows = law15._parse(_authority())
    assert len(specs) == 2 and len(rows) == len(law15.PRE_2014_POWERS)
    assert qd510_procedure._read(_procedure()).deadlines == qd510_procedure.rating_deadlines()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(antq_authority=2), "antq_authority"),
        (lambda d: d["rule_sets"][0].update(valid_from="2004-07-01"), "expected a date"),
        (lambda d: d["rule_sets"][0].update(title={"vi": "x"}), "expected {vi, en}"),
        (lambda d: d["powers"][0].update(citation="15/2003/QH11"), "expected a citation table"),
        (lambda d: d["powers"][0].update(extra=1), "unknown keys"),
        (lambda d: d["powers"][0].update(rule_set="nope"), "no such rule set"),
        (lambda d: d["powers"][0].pop("authority"), "bad row"),
        (lambda d: d["powers"][0].update(authority="king"), "bad row"),
        (lambda d: d["powers"][0].update(forms=[]), "at least one form"),
        (lambda d: d["powers"][0].update(confirmation="unconfirmed"), "cannot be supported"),
    ],
)
def test_a_malformed_authority_table_is_refused(change: Any, message: str) -> None:
    data = copy.deepcopy(_authority())
    change(data)
    with pytest.raises(DefinitionError, match=message):
        law15._parse(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(antq_procedure=0), "antq_procedure"),
        (lambda d: d["steps"][0].update(text="x"), "expected {vi, en}"),
        (lambda d: d["dossier"][0].update(citation="510"), "expected a citation table"),
        (lambda d: d["dossier"][0].update(confirmation="sure"), "confirmation"),
        (lambda d: d["deadlines"][0].update(applies_from="2022-01-20"), "expected a date"),
        (lambda d: d["deadlines"][0].pop("applies_from"), "required"),
        (
            lambda d: d["deadlines"][1].update(applies_from=d["deadlines"][2]["applies_from"]),
            "ends before",
        ),
    ],
)
def test_a_malformed_procedure_table_is_refused(change: Any, message: str) -> None:
    data = copy.deepcopy(_procedure())
    change(data)
    with pytest.raises(DefinitionError, match=message):
        qd510_procedure._read(data)
