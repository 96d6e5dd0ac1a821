"""The dates antq covers, by part: for errors that name them when a question falls outside.

Each part's rules are bounded by their instruments' dates (rule R1 of
addendum-2026-12.md §2.2: nothing governs a round or an award that closed before
its instrument was signed). :func:`coverage` says, in one sentence, from and to
which dates a part has rules, so a question outside every bound gets an error
naming them, never an empty answer.
"""

from __future__ import annotations

from datetime import date

from antq.emulation.awards import all_award_rules
from antq.emulation.sheets import shipped_sheets
from antq.emulation.teams import IN_FORCE_FROM
from antq.safety import default_rulebook

__all__ = ["bounds", "coverage"]

_PARTS = ("safety", "awards", "sheets", "teams")


def bounds(part: str, kind: str | None = None) -> list[tuple[date | None, date | None]]:
    """The ``(first, last)`` dates of every rule set of ``part`` (None: open)."""
    if part == "safety":
        return [
            (r.valid_from, r.valid_to)
            for r in default_rulebook()
            if kind is None or r.kind.code == kind
        ]
    if part == "awards":
        return [(r.valid_from, r.valid_to) for r in all_award_rules()]
    if part == "sheets":
        return [(s.valid_from, None) for s in shipped_sheets()]
    if part == "teams":
        return [(IN_FORCE_FROM, None)]
    raise ValueError(f"unknown part {part!r}")


def _span(found: list[tuple[date | None, date | None]]) -> str:
    starts = [s for s, _ in found]
    ends = [e for _, e in found]
    first = "any date" if None in starts else min(d for d in starts if d).isoformat()
    last = "no end date" if None in ends else max(d for d in ends if d).isoformat()
    return f"from {first} to {last}"


def coverage(section: str = "all", kind: str | None = None) -> str:
    """A sentence naming the earliest and latest dates antq covers in ``section``.

    >>> coverage("teams")
    'antq has no rule in force on this date; it covers: teams from 2026-01-01 to no end date'
    """
    parts = _PARTS if section == "all" else (section,)
    if kind is not None:
        parts = ("safety",)
    spans = [f"{part} {_span(bounds(part, kind))}" for part in parts if bounds(part, kind)]
    return "antq has no rule in force on this date; it covers: " + "; ".join(spans)
