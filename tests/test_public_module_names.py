"""Packages split into private modules keep the names JSON, tracebacks and pickles give.

A vocabulary's name is written in JSON (``"antq.emulation.sheets.MovementClass"``), an
error's class is printed by a traceback and named by a pickle: each stays the package's.
"""

from __future__ import annotations

import importlib
import inspect
import pickle

import pytest

from antq.emulation.scoring import ItemStatus
from antq.emulation.sheets import MovementClass
from antq.io.batch import RowError
from antq.vocabulary import CodedEnum

FACES = ("antq.emulation.sheets", "antq.emulation.scoring", "antq.io.batch")


@pytest.mark.parametrize("face", FACES)
def test_the_vocabularies_and_errors_of_a_split_package_name_the_package(face: str) -> None:
    module = importlib.import_module(face)
    classes = [getattr(module, n) for n in dir(module) if not n.startswith("_")]
    classes = [
        c
        for c in classes
        if inspect.isclass(c)
        and issubclass(c, CodedEnum | Exception)
        and c.__module__.startswith(face)
    ]
    assert classes
    assert [c.__name__ for c in classes if c.__module__ != face] == []


def test_vocabularies_and_errors_keep_their_names() -> None:
    assert MovementClass.XUAT_SAC.vocabulary == "antq.emulation.sheets.MovementClass"
    assert ItemStatus.SCORED.vocabulary == "antq.emulation.scoring.ItemStatus"
    error = RowError(3, "kind", "x", "bad")
    assert b"antq.io.batch\nRowError" in pickle.dumps(error, protocol=0)
