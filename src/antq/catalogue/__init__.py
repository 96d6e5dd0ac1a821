"""The criteria catalogue: every criterion antq ships, as data.

``antq rules`` prints it and the documentation's catalogue page is generated
from it, so neither can drift from the code.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import attrs

from antq.catalogue.rule_form import criterion_rule
from antq.core.criterion import Criterion, Parameter
from antq.core.ruleset import RoundNotice, RuleBook, RuleSet, weakest
from antq.law.confirmation import Confirmation
from antq.safety import default_rulebook
from antq.vocabulary import LANGS, Lang


@attrs.frozen(kw_only=True)
class CatalogueEntry:
    """One criterion of one rule set, with what a reader needs to check it."""

    rule_set: RuleSet
    criterion: Criterion
    role: str  # "eligibility" or "criterion"
    #: The round end asked about (``antq rules --as-of``): the notices of that round count.
    as_of: date | None = None

    @property
    def notices(self) -> tuple[RoundNotice, ...]:
        """The rule set's round notices: those of ``as_of``'s round, or all when not given."""
        notices = self.rule_set.notices
        if self.as_of is None:
            return notices
        return tuple(n for n in notices if n.applies(self.as_of))

    @property
    def confirmation(self) -> Confirmation:
        """The weakest of the criterion's own status, its parameters' statuses and,
        with ``as_of``, the status of the rule set's hold on that round."""
        statuses = [
            self.criterion.confirmation,
            *(p.confirmation for p in self.criterion.parameters),
        ]
        if self.as_of is not None:
            statuses += [n.confirmation for n in self.notices]
        return weakest(*statuses)

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
            "notices": [_notice_json(n) for n in self.notices],
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
        for n in self.notices:
            lines.append(
                f"    {notice_span(n, lang)}: {n.text.render(lang)} [{n.confirmation.label(lang)}]"
            )
        for p in c.parameters:
            value = self.rule_set.parameter_value(p)
            lines.append(
                f"    parameter {p.name} = {value if value is not None else '(must be supplied)'} [{p.confirmation.label(lang)}]"
            )
        return "\n".join(lines)


def notice_span(notice: RoundNotice, lang: Lang) -> str:
    """The rounds a notice covers, e.g. "rounds ending from 2025-01-01"."""
    start = None if notice.applies_from is None else notice.applies_from.isoformat()
    end = None if notice.applies_to is None else notice.applies_to.isoformat()
    if lang == "vi":
        if start and end:
            return f"các kỳ kết thúc từ {start} đến {end}"
        return f"các kỳ kết thúc từ {start}" if start else f"các kỳ kết thúc đến {end}"
    if start and end:
        return f"rounds ending from {start} to {end}"
    return f"rounds ending from {start}" if start else f"rounds ending by {end}"


def _notice_json(notice: RoundNotice) -> dict[str, Any]:
    return {
        "id": notice.id,
        "confirmation": notice.confirmation.code,
        "applies_from": None if notice.applies_from is None else notice.applies_from.isoformat(),
        "applies_to": None if notice.applies_to is None else notice.applies_to.isoformat(),
        "text": {lang: notice.text.render(lang) for lang in LANGS},
    }


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
        book = default_rulebook()
    for rule_set in book:
        if as_of is not None and not in_force(rule_set, as_of):
            continue
        for criterion in rule_set.eligibility:
            yield CatalogueEntry(
                rule_set=rule_set, criterion=criterion, role="eligibility", as_of=as_of
            )
        for criterion in rule_set.criteria:
            yield CatalogueEntry(
                rule_set=rule_set, criterion=criterion, role="criterion", as_of=as_of
            )
