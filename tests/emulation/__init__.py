"""Tests of antq.emulation: sheets, scoring, quotas, team ratings and ``antq score``."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE_SHEET = ROOT / "examples" / "example-sheet.toml"
EXAMPLE_SCORES = ROOT / "examples" / "scores-2025.json"
#: The one document of the examples: units, scores and award questions.
EXAMPLE_DOCUMENT = ROOT / "examples" / "movement-2025.json"

_CITE = {"instrument": "124/2021/TT-BCA", "article": 5}

#: A small valid sheet (20 points) with one item of every rule type, bands and a veto.
SMALL: dict[str, Any] = {
    "antq_sheet": 1,
    "id": "t.small",
    "nature": "example",
    "title": {"vi": "Bảng thử", "en": "Test sheet"},
    "unit_kinds": ["commune"],
    "total": 20,
    "citation": _CITE,
    "confirmation": "unconfirmed",
    "inputs": {
        "flag": {"type": "boolean", "vi": "Cờ", "en": "Flag"},
        "part": {"type": "count", "vi": "Phần", "en": "Part"},
        "whole": {"type": "count", "vi": "Tổng", "en": "Whole"},
        "events": {"type": "count", "vi": "Số vụ", "en": "Events"},
        "given": {"type": "points", "vi": "Điểm cho", "en": "Points given", "judgement": True},
        "safe": {"type": "outcome", "vi": "An toàn", "en": "Safe"},
    },
    "items": [
        {
            "id": "1",
            "text": {"vi": "Nhóm 1", "en": "Group 1"},
            "max_points": 8,
            "items": [
                {
                    "id": "1.1",
                    "text": {"vi": "Có/không", "en": "Yes/no"},
                    "max_points": 4,
                    "rule": {"type": "all_or_nothing", "input": "flag"},
                },
                {
                    "id": "1.2",
                    "text": {"vi": "Ngưỡng", "en": "Threshold"},
                    "max_points": 4,
                    "rule": {"type": "threshold", "part": "part", "whole": "whole", "percent": 90},
                },
            ],
        },
        {
            "id": "2",
            "text": {"vi": "Tỷ lệ", "en": "Proportional"},
            "max_points": 4,
            "rule": {"type": "proportional", "part": "part", "whole": "whole", "step": "0.5"},
        },
        {
            "id": "3",
            "text": {"vi": "Trừ điểm", "en": "Deduction"},
            "max_points": 4,
            "rule": {"type": "per_occurrence", "input": "events", "per": "1.5", "floor": "0.5"},
        },
        {
            "id": "4",
            "text": {"vi": "Cơ quan cho điểm", "en": "Assessor"},
            "max_points": 4,
            "rule": {"type": "assessor", "input": "given"},
        },
    ],
    "classification": {
        "bands": [
            {"class": "xuat_sac", "min_points": 18},
            {"class": "kha", "min_points": 14},
            {"class": "trung_binh", "min_points": 10},
        ]
    },
    "vetoes": [
        {
            "id": "not-safe",
            "text": {"vi": "Chưa an toàn", "en": "Not safe"},
            "input": "safe",
            "applies_if": ["not_met", "not_applicable"],
            "cap": "kha",
        }
    ],
}


def small(**changes: Any) -> dict[str, Any]:
    """A deep copy of :data:`SMALL` with top-level keys replaced."""
    data = copy.deepcopy(SMALL)
    data.update(changes)
    return data


#: Values that give SMALL its full 20 points.
FULL: dict[str, object] = {
    "flag": True,
    "part": 9,
    "whole": 9,
    "events": 0,
    "given": 4,
    "safe": "met",
}
