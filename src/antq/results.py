"""What every JSON output of antq shares, and units evaluated each on its own.

``antq evaluate``, ``antq score``, ``antq awards``, ``antq rules`` and the web
API (``antq serve``) write JSON with :func:`json_text` and their error rows
with :func:`error_rows`, so that the same input gives the same bytes from any
of them. :func:`evaluate_each` is the evaluation of ``POST /units/evaluate``:
every unit on its own, with no roll-up of communes from their units (a round
is :func:`antq.evaluate_round`).

>>> from antq import UnitFacts, UnitKind
>>> unit = UnitFacts(unit_id="KDC-1", kind=UnitKind.RESIDENTIAL_AREA, year=2025, values={})
>>> results = evaluate_each([unit])
>>> [v.unit_id for v in results.verdicts], results.errors
(['KDC-1'], ())
>>> print(json_text(error_rows([InputError("units[0].year", "x", "expected a year")])), end="")
[
  {
    "path": "units[0].year",
    "value": "'x'",
    "message": "expected a year"
  }
]
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import attrs

from antq.core.engine import evaluate
from antq.core.facts import UnitFacts
from antq.core.ruleset import RuleBook, RuleSet
from antq.core.verdict import Verdict
from antq.errors import AntqError, InputError
from antq.safety import default_rulebook

__all__ = ["Results", "error_rows", "evaluate_each", "json_text"]


@attrs.frozen(kw_only=True)
class Results:
    """The verdicts and input errors of an evaluation, in input order."""

    verdicts: tuple[Verdict, ...]
    errors: tuple[InputError, ...] = ()


def evaluate_each(
    items: Iterable[UnitFacts | InputError],
    book: RuleBook | None = None,
    *,
    pinned: RuleSet | None = None,
) -> Results:
    """Evaluate every unit on its own (input errors are kept, in order).

    Each unit gets the rule set of ``book`` (antq's when None) for its kind and
    round, or ``pinned`` when it is of the pinned rule set's kind, as in
    ``antq evaluate --rule-set``. A commune is evaluated with the counts of its
    own facts: nothing is rolled up from its units.
    """

    if book is None:
        book = default_rulebook()
    errors: list[InputError] = []
    verdicts: list[Verdict] = []
    for unit in items:
        if isinstance(unit, InputError):
            errors.append(unit)
            continue
        rules = pinned if pinned is not None and pinned.kind is unit.kind else book
        try:
            verdicts.append(evaluate(unit, rules))
        except AntqError as error:
            errors.append(
                error
                if isinstance(error, InputError)
                else InputError(unit.unit_id, None, str(error))
            )
    return Results(verdicts=tuple(verdicts), errors=tuple(errors))


def error_rows(errors: Iterable[InputError]) -> list[dict[str, str]]:
    """The error rows of every JSON output: the field path, the value as Python shows it, why."""
    return [{"path": e.path, "value": repr(e.value), "message": e.message} for e in errors]


def json_text(payload: object) -> str:
    """``payload`` as antq writes JSON: UTF-8 text, indented by two spaces, a final newline."""
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
