"""Tests of batch input/output, name matching, province roll-ups, indicators and reports.

Shared builders: units as facts-document objects (the same dicts a JSON file
holds), made to come out MET, NOT_MET, UNKNOWN or NOT_APPLICABLE.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from antq.core.facts import UnitFacts
from antq.io.facts import unit_facts_from_dict
from antq.safety import default_rulebook

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "commune-2025.json"
GENERATOR = ROOT / "examples" / "generate_province.py"

_DOCUMENT: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
_BY_ID = {u["id"]: u for u in _DOCUMENT["units"]}


def example_units() -> list[dict[str, Any]]:
    """The raw units of the bundled example (a fresh copy)."""
    return copy.deepcopy(_DOCUMENT["units"])


def area(unit_id: str, commune: str | None, outcome: str = "met", **extra: Any) -> dict[str, Any]:
    """A residential area of round 2025 whose verdict is ``outcome``.

    not_met: not registered in Quarter I; unknown: the grassroots force grade
    is missing.
    """
    raw = copy.deepcopy(_BY_ID["KDC-DONG"])
    raw.update({"id": unit_id, "name": f"Thôn {unit_id}", **extra})
    raw.pop("commune", None)
    if commune is not None:
        raw["commune"] = commune
    if outcome == "not_met":
        raw["facts"]["registered_q1"] = False
    elif outcome == "unknown":
        del raw["facts"]["grassroots_force_grade"]
    elif outcome == "short":
        raw["facts"]["households_registered"] = raw["facts"]["households_resident"] - 2
    elif outcome != "met":
        raise ValueError(outcome)
    return raw


def agency(unit_id: str, commune: str | None, outcome: str = "met") -> dict[str, Any]:
    """An agency: met, or not_applicable (armed forces)."""
    if outcome == "not_applicable":
        raw = copy.deepcopy(_BY_ID["CQ-QS"])
    else:
        raw = copy.deepcopy(_BY_ID["CQ-UBND"])
    raw.update(id=unit_id, name=f"Cơ quan {unit_id}")
    raw.pop("commune", None)
    if commune is not None:
        raw["commune"] = commune
    return raw


def commune(
    unit_id: str, name: str, province: str | None = "Tỉnh Mẫu", **facts: Any
) -> dict[str, Any]:
    """A commune whose own criteria are all met; the roll-up counts are left to the roll-up."""
    raw = copy.deepcopy(_BY_ID["XA-DH"])
    raw.update(id=unit_id, name=name)
    if province is None:
        raw.pop("province", None)
    else:
        raw["province"] = province
    for key in ("units_total", "units_registered", "units_recognised"):
        raw["facts"].pop(key)
    raw["facts"].update(facts)
    return raw


def facts(*raws: dict[str, Any]) -> list[UnitFacts]:
    """Read raw units as a facts document would."""
    book = default_rulebook()
    found = []
    for index, raw in enumerate(raws):
        from antq.unit_kinds import UnitKind

        kind = UnitKind.from_code(raw["kind"])
        found.append(unit_facts_from_dict(raw, f"units[{index}]", book.inputs(kind)))
    return found


def generator() -> ModuleType:
    """examples/generate_province.py as a module."""
    spec = importlib.util.spec_from_file_location("generate_province", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: A Chromium or Chrome found on PATH, or None (tests that need one are skipped).
CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
        if (found := shutil.which(name)) is not None
    ),
    None,
)


def load_in_chromium(page: Path) -> tuple[str, list[str]]:
    """Load ``page`` in headless Chromium: the DOM it built and its console messages.

    Console messages include Content-Security-Policy violations (a blocked
    script, image or style sheet) and script errors, so a self-contained page
    that loads cleanly has none. Chromium runs offline-minded, with a fresh
    profile, so that nothing of the machine's own profile can interfere.
    """
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console
