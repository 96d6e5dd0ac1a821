"""When the Law's rule sets apply, and the note about the 2026 amending law."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from antq.emulation.awards.eligibility import AwardRules
from antq.emulation.awards.instruments import LAW06, LAW06_FROM
from antq.errors import InputError, RuleSetNotFound
from antq.i18n.catalog import Label, Msg

#: From this date the 2026 amending law (Luật 06/2026/QH16, content and date unconfirmed) may apply.
LAW_2026_WATCH: Final = date(2026, 1, 1)
_NOTE_2026 = Msg(
    "Luật 06/2026/QH16 amends the Law on Emulation and Commendation; its content and"
    " effective date are not confirmed, so this answer may not reflect it"
)


def notes(on: date) -> tuple[Label, ...]:
    """The notes an answer dated ``on`` carries."""
    return (_NOTE_2026,) if on >= LAW_2026_WATCH else ()


def check_covered(day: date, rules: AwardRules[Any]) -> None:
    """Raise unless ``rules`` apply on ``day`` (antq has no rules of the earlier law for them)."""
    if not isinstance(day, date):
        raise InputError("date", day, Msg("expected a date"))
    if not rules.covers(day):
        raise RuleSetNotFound(
            f"{rules.id}: antq covers these rules from {LAW06_FROM.isoformat()} (Luật"
            f" {LAW06}) with no end date; it has no rules of the earlier law for them"
            f" (got {day.isoformat()})"
        )
