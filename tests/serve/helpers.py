"""What the web API's tests share: the command line's answers and rounds of any size."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

from antq.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
COMMUNE = EXAMPLES / "commune-2025.json"


def cli(*argv: str) -> tuple[int, bytes]:
    """The exit code and the standard output (as UTF-8 bytes) of ``antq ARGV...``."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue().encode("utf-8")


def example_units() -> list[dict[str, Any]]:
    units: list[dict[str, Any]] = json.loads(COMMUNE.read_text(encoding="utf-8"))["units"]
    return units


def round_document(copies: int) -> dict[str, Any]:
    """A round of ``copies`` communes like the example's, each with its ten units."""
    units = []
    for k in range(copies):
        for unit in example_units():
            unit = copy.deepcopy(unit)
            unit["id"] = f"{unit['id']}-{k}"
            if unit["kind"] == "commune":
                unit["name"] = f"{unit['name']} {k}"
            else:
                unit["commune"] = f"{unit['commune']}-{k}"
            for incident in unit.get("facts", {}).get("incidents", []):
                if "unit_id" in incident:
                    incident["unit_id"] = f"{incident['unit_id']}-{k}"
            units.append(unit)
    return {"antq_facts": 1, "units": units}
