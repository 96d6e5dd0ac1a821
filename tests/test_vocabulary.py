"""Every closed vocabulary in antq has stable snake_case codes and Vietnamese and English labels."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import antq
from antq.errors import InputError
from antq.vocabulary import CodedEnum

CODE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _all_vocabularies() -> list[type[CodedEnum]]:
    for module in pkgutil.walk_packages(antq.__path__, "antq."):
        importlib.import_module(module.name)
    found: list[type[CodedEnum]] = []
    pending = list(CodedEnum.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if len(cls) > 0:
            found.append(cls)
    return sorted(set(found), key=lambda c: f"{c.__module__}.{c.__qualname__}")


VOCABULARIES = _all_vocabularies()


def test_the_vocabularies_are_found() -> None:
    names = {cls.__name__ for cls in VOCABULARIES}
    assert {"Outcome", "UnitKind", "InstrumentKind", "Issuer", "IncidentCategory"} <= names


@pytest.mark.parametrize("cls", VOCABULARIES, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_codes_are_stable_snake_case_and_labels_bilingual(cls: type[CodedEnum]) -> None:
    codes = cls.codes()
    assert len(set(codes)) == len(codes) == len(cls.__members__)
    for member in cls:
        assert CODE.match(member.code), member.code
        assert member.label("vi").strip() and member.label("en").strip(), member
        assert cls.from_code(member.code) is member
    with pytest.raises(InputError):
        cls.from_code("no_such_code")
