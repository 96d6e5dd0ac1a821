"""The results of ``antq evaluate``: one evaluation path and one JSON layout for every caller.

``antq evaluate --format json`` and the web API (``antq serve``) both call
:func:`evaluate_input` and :func:`results_json`, so that the same input gives
the same bytes from either.

>>> from antq import UnitFacts, UnitKind
>>> unit = UnitFacts(unit_id="KDC-1", kind=UnitKind.RESIDENTIAL_AREA, year=2025, values={})
>>> results = evaluate_input([unit])
>>> [v.unit_id for v in results.verdicts], results.errors
(['KDC-1'], ())
>>> results_json(results, "en").startswith('{\\n  "antq_results": 1,')
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from antq.core.facts import UnitFacts
from antq.core.ruleset import RuleBook, RuleSet
from antq.core.verdict import Verdict
from antq.errors import AntqError, InputError
from antq.vocabulary import Lang

__all__ = [
    "RESULTS_FORMAT_VERSION",
    "Results",
    "error_rows",
    "evaluate_each",
    "evaluate_input",
    "json_text",
    "parse_parameters",
    "results_json",
    "results_payload",
    "rules_with_parameters",
]

#: Version of the layout of ``antq evaluate --format json`` (its key ``antq_results``).
RESULTS_FORMAT_VERSION = 1


@attrs.frozen(kw_only=True)
class Results:
    """The verdicts, notices and input errors of one evaluation, in output order."""

    verdicts: tuple[Verdict, ...]
    #: Things a reader should know that are not errors; each has ``render(lang)``.
    notices: tuple[Any, ...] = ()
    errors: tuple[InputError, ...] = ()


def evaluate_input(
    items: Iterable[UnitFacts | InputError], rules: RuleSet | RuleBook | None = None
) -> Results:
    """Evaluate units as read by :mod:`antq.io.batch` (input errors are kept, in order).

    With a :class:`~antq.core.ruleset.RuleBook` (antq's when None) the input is
    one round: units first, then each commune from the verdicts of its units,
    as ``antq report`` does. With one pinned :class:`~antq.core.ruleset.RuleSet`
    every unit is evaluated on its own.
    """
    if rules is None:
        from antq.safety import default_rulebook

        rules = default_rulebook()
    if isinstance(rules, RuleBook):
        from antq.hierarchy import evaluate_province

        evaluation = evaluate_province(items, rules)
        return Results(
            verdicts=tuple(u.verdict for u in evaluation.units if not u.unreadable),
            notices=tuple(evaluation.notices),
            errors=tuple(evaluation.errors),
        )
    return evaluate_each(items, rules)


def evaluate_each(items: Iterable[UnitFacts | InputError], rules: RuleSet | RuleBook) -> Results:
    """Evaluate every unit on its own, with no roll-up of communes from their units."""
    from antq.core.engine import evaluate

    errors: list[InputError] = []
    verdicts: list[Verdict] = []
    for unit in items:
        if isinstance(unit, InputError):
            errors.append(unit)
            continue
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


def results_payload(results: Results, lang: Lang) -> dict[str, Any]:
    """The JSON object of ``antq evaluate --format json``."""
    return {
        "antq_results": RESULTS_FORMAT_VERSION,
        "verdicts": [v.to_json(texts=(lang,)) for v in results.verdicts],
        "notes": [n.render(lang) for n in results.notices],
        "errors": error_rows(results.errors),
    }


def json_text(payload: object) -> str:
    """``payload`` as antq writes JSON: UTF-8 text, indented by two spaces, a final newline."""
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def results_json(results: Results, lang: Lang) -> str:
    """The text of ``antq evaluate --format json``."""
    return json_text(results_payload(results, lang))


def parse_parameters(pairs: Sequence[str]) -> dict[str, object]:
    """``NAME=VALUE`` pairs; a value of digits only is read as a whole number."""
    values: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise InputError("--param", pair, "expected NAME=VALUE")
        values[name] = int(value) if value.isdecimal() else value
    return values


def rules_with_parameters(
    book: RuleBook, rule_set: str | None, params: Mapping[str, object]
) -> RuleSet | RuleBook:
    """The rules ``antq evaluate`` uses: ``book``, or its rule set ``rule_set``, given ``params``.

    A parameter that no rule set has is an :class:`~antq.errors.InputError`.
    """
    rules: RuleSet | RuleBook = book.get(rule_set) if rule_set else book
    if not params:
        return rules
    if isinstance(rules, RuleSet):
        return rules.with_parameters(**params)
    known = {p.name for r in rules for p in r.parameters()}
    unknown = sorted(set(params) - known)
    if unknown:
        raise InputError(
            f"--param {unknown[0]}", params[unknown[0]], "no rule set has this parameter"
        )
    return RuleBook(tuple(_with_known(r, params) for r in rules))


def _with_known(rule_set: RuleSet, params: Mapping[str, object]) -> RuleSet:
    known = {p.name for p in rule_set.parameters()}
    chosen = {k: v for k, v in params.items() if k in known}
    return rule_set.with_parameters(**chosen) if chosen else rule_set
