"""The criteria catalogue: every criterion antq ships, as data.

``antq rules`` prints it and the documentation's catalogue page is generated
from it, so neither can drift from the code.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import attrs

from antq.confirmation import Confirmation
from antq.core.criterion import Criterion, Parameter
from antq.core.ruleset import RuleBook, RuleSet
from antq.rule_form import criterion_rule
from antq.vocabulary import LANGS, Lang


@attrs.frozen(kw_only=True)
class CatalogueEntry:
    """One criterion of one rule set, with what a reader needs to check it."""

    rule_set: RuleSet
    criterion: Criterion
    role: str  # "eligibility" or "criterion"

    @property
    def confirmation(self) -> Confirmation:
        """The weakest of the criterion's own status and its parameters' statuses."""
        order = list(Confirmation)
        statuses = [
            self.criterion.confirmation,
            *(p.confirmation for p in self.criterion.parameters),
        ]
        return max(statuses, key=order.index)

    def to_json(self) -> dict[str, Any]:
        c = self.criterion
        return {
            "id": c.id,
            "rule_set": self.rule_set.id,
            "unit_kind": self.rule_set.kind.code,
            "instrument": self.rule_set.instrument,
            "role": self.role,
            "kind": c.kind.code,
            "confirmation": self.confirmation.code,
            "citation": {lang: c.citation.render(lang) for lang in LANGS},
            "title": {lang: c.title.render(lang) for lang in LANGS},
            "note": {lang: c.note.render(lang) for lang in LANGS} if c.note else None,
            "inputs": [
                {"name": i.name, "kind": i.kind.code, "judgement": i.judgement}
                for i in c.all_inputs
            ],
            "parameters": [_parameter_json(p, self.rule_set) for p in c.parameters],
            "rule_form": criterion_rule(c),
        }

    def render(self, lang: Lang) -> str:
        c = self.criterion
        inputs = ", ".join(i.name + (" (QUAL)" if i.judgement else "") for i in c.all_inputs) or "-"
        lines = [
            f"{c.id}  [{self.rule_set.kind.label(lang)} · {c.kind.label(lang)} · {self.confirmation.label(lang)}]",
            f"    {c.title.render(lang)}",
            f"    {c.citation.render(lang)}",
            f"    inputs: {inputs}",
        ]
        if c.note:
            lines.append(f"    note: {c.note.render(lang)}")
        for p in c.parameters:
            value = self.rule_set.parameter_value(p)
            lines.append(
                f"    parameter {p.name} = {value if value is not None else '(must be supplied)'} [{p.confirmation.label(lang)}]"
            )
        return "\n".join(lines)


def _parameter_json(parameter: Parameter[Any], rule_set: RuleSet) -> dict[str, Any]:
    value = rule_set.parameter_value(parameter)
    return {
        "name": parameter.name,
        "value": value,
        "default": parameter.default,
        "choices": list(parameter.choices),
        "confirmation": parameter.confirmation.code,
        "required": parameter.required,
    }


def in_force(rule_set: RuleSet, on: date) -> bool:
    """Whether ``rule_set`` applies to rounds whose period ends on ``on``."""
    return (rule_set.valid_from is None or rule_set.valid_from <= on) and (
        rule_set.valid_to is None or on <= rule_set.valid_to
    )


def criteria_catalogue(
    book: RuleBook | None = None, *, as_of: date | None = None
) -> Iterator[CatalogueEntry]:
    """Every criterion of ``book`` (default: antq's), optionally only rule sets in force on ``as_of``."""
    if book is None:
        from antq.safety import default_rulebook

        book = default_rulebook()
    for rule_set in book:
        if as_of is not None and not in_force(rule_set, as_of):
            continue
        for criterion in rule_set.eligibility:
            yield CatalogueEntry(rule_set=rule_set, criterion=criterion, role="eligibility")
        for criterion in rule_set.criteria:
            yield CatalogueEntry(rule_set=rule_set, criterion=criterion, role="criterion")
