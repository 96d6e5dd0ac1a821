"""The public API: everything in ``antq.__all__`` exists and is exercised by the typing check."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

import antq

ROOT = Path(__file__).resolve().parent.parent
TYPING_CHECK = ROOT / "tests" / "typing" / "check_api.py"


def _typing_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_api", TYPING_CHECK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_public_name_exists_once() -> None:
    assert len(set(antq.__all__)) == len(antq.__all__)
    missing = [name for name in antq.__all__ if not hasattr(antq, name)]
    assert missing == []


def test_the_typing_check_uses_every_public_name() -> None:
    used = set(re.findall(r"\bantq\.(\w+)", TYPING_CHECK.read_text(encoding="utf-8")))
    assert sorted(set(antq.__all__) - used) == []


def test_the_typing_check_is_given_to_mypy_in_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"mypy --strict .*tests/typing", ci)


@pytest.mark.parametrize(
    "name", sorted(n for n in vars(_typing_check()) if n.startswith("_check_"))
)
def test_the_typing_check_runs(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # it reads examples/commune-2025.json
    getattr(_typing_check(), name)()


# The records of the domain that no rule reads (antq.entities keeps them).
RECORDS_NOT_READ = sorted(
    [
        "Agency",
        "Enterprise",
        "EducationalInstitution",
        "ResidentialArea",
        "AdministrativeUnit",
        "MassModel",
        "ModelSite",
        "Person",
        "StreetGuardTeam",
    ]
)


@pytest.mark.parametrize("name", RECORDS_NOT_READ)
def test_records_no_rule_reads_leave_the_top_level_with_a_warning(name: str) -> None:
    from antq import entities

    assert name not in antq.__all__
    assert name in entities.__all__
    with pytest.warns(
        DeprecationWarning, match=rf"antq\.{name} is deprecated; use antq\.entities\.{name}"
    ):
        found = getattr(antq, name)
    assert found is getattr(entities, name)


def test_the_entities_that_rules_read_stay_at_the_top_level() -> None:
    for name in ("Incident", "IncidentCategory", "TaskGrade", "SecurityOrderTeam", "Sex"):
        assert name in antq.__all__
    with pytest.raises(AttributeError):
        antq.NoSuchThing  # noqa: B018
