"""The catalogue: every rule antq ships, as data.

:func:`~antq.rule_catalogue` lists the safe-standard criteria, the award
conditions, the scoring-sheet items (with their vetoes and classification
bands) and the team-rating rules as entries of one type,
:class:`~antq.core.entry.RuleEntry`. ``antq rules`` prints it and the
documentation's catalogue page is generated from it, so neither can drift from
the code. :func:`criteria_catalogue` gives the safe-standard criteria with
their rule sets and :class:`~antq.Criterion` objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, Final

import attrs

from antq._serialise import JsonForm, json_view, rendered
from antq.catalogue.rule_form import criterion_rule
from antq.core.criterion import Criterion, Parameter
from antq.core.entry import (
    DESCRIPTION_KEYS,
    EntryInput,
    EntryParameter,
    RuleEntry,
    RuleFamily,
    notice_span,
)
from antq.core.ruleset import RoundNotice, RuleBook, RuleSet, weakest
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.law.confirmation import Confirmation
from antq.safety import default_rulebook
from antq.vocabulary import Lang

__all__ = [
    "SECTIONS",
    "CatalogueEntry",
    "criteria_catalogue",
    "in_force",
    "notice_span",
    "rule_catalogue",
]

#: The parts of the catalogue :func:`~antq.rule_catalogue` (and ``antq rules --section``) chooses from.
SECTIONS: Final = ("all", "safety", "awards", "sheets", "teams")
_SECTION_MESSAGE = Msg("expected one of {allowed}")


@attrs.frozen(kw_only=True)
class CatalogueEntry(JsonForm):
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

    def entry(self) -> RuleEntry:
        """The criterion as an entry of the one catalogue (:func:`antq.rule_catalogue`)."""
        c = self.criterion
        gates = {i.name for i in c.gate_inputs}
        optional = {i.name for i in c.optional_inputs}
        return RuleEntry(
            id=c.id,
            family=RuleFamily.SAFE_STANDARD,
            rule_set=self.rule_set.id,
            role=self.role,
            instrument=self.rule_set.instrument,
            citation=c.citation,
            title=c.title,
            confirmation=self.confirmation,
            own_confirmation=c.confirmation,
            kind=c.kind,
            applies_to=(self.rule_set.kind,),
            valid_from=self.rule_set.valid_from,
            valid_to=self.rule_set.valid_to,
            inputs=tuple(
                EntryInput(
                    name=i.name,
                    judgement=i.judgement,
                    kind=i.kind,
                    label=i.label,
                    role="gate"
                    if i.name in gates
                    else "optional"
                    if i.name in optional
                    else "required",
                )
                for i in c.all_inputs
            ),
            parameters=tuple(_parameter_entry(p, self.rule_set) for p in c.parameters),
            note=c.note,
            notices=self.notices,
            badges=(self.rule_set.kind, c.kind),
            details={
                "unit_kind": self.rule_set.kind.code,
                "inputs": [
                    {"name": i.name, "kind": i.kind.code, "judgement": i.judgement}
                    for i in c.all_inputs
                ],
                "notices": [_notice_json(n) for n in self.notices],
                "rule_form": criterion_rule(c),
            },
        )

    def render(self, lang: Lang) -> str:
        """The entry as ``antq rules`` prints it (see :meth:`RuleEntry.render`)."""
        return self.entry().render(lang)


def _parameter_entry(parameter: Parameter[Any], rule_set: RuleSet) -> EntryParameter:
    return EntryParameter.of(parameter, rule_set.parameter_value(parameter))


#: The keys of :meth:`CatalogueEntry.to_json`, taken from the entry's own JSON.
_VIEW_KEYS: Final = (
    "id",
    "rule_set",
    "unit_kind",
    "instrument",
    *DESCRIPTION_KEYS,
    "inputs",
    "parameters",
    "notices",
    "rule_form",
)


def _entry_json(entry: CatalogueEntry) -> dict[str, Any]:
    """The entry for readers: its criterion's id, status, texts, inputs and parameters."""
    return entry.entry().json_keys(_VIEW_KEYS)


def _notice_json(notice: RoundNotice) -> dict[str, Any]:
    return {
        "id": notice.id,
        "confirmation": notice.confirmation.code,
        "applies_from": None if notice.applies_from is None else notice.applies_from.isoformat(),
        "applies_to": None if notice.applies_to is None else notice.applies_to.isoformat(),
        "text": rendered(notice.text),
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


def rule_catalogue(
    *, as_of: date | None = None, kind: UnitKind | None = None, section: str = "all"
) -> tuple[RuleEntry, ...]:
    """Every rule antq ships as a :class:`~antq.core.entry.RuleEntry`, in one list.

    ``section`` chooses the safe-standard criteria (``"safety"``), the award
    conditions (``"awards"``), the scoring-sheet items, bands and vetoes
    (``"sheets"``), the team-rating rules (``"teams"``) or all of them, in that
    order. ``as_of`` keeps the rules in force for a round (or question) dated
    that day; ``kind`` keeps the safe-standard criteria of one unit kind, and
    only them (the other families are not per unit kind).

    >>> sorted({e.family.code for e in rule_catalogue()})  # the shipped sheets have no veto
    ['award_condition', 'classification', 'safe_standard', 'sheet_item', 'team_rule']
    >>> [e.id for e in rule_catalogue(section="teams", as_of=date(2026, 1, 1))][:2]
    ['hd01.in-force', 'hd01.period']
    """
    if section not in SECTIONS:
        raise InputError(
            "section", section, _SECTION_MESSAGE, params={"allowed": ", ".join(SECTIONS)}
        )
    entries: list[RuleEntry] = []
    if section in ("all", "safety"):
        entries += (
            e.entry()
            for e in criteria_catalogue(as_of=as_of)
            if kind is None or e.rule_set.kind is kind
        )
    if kind is not None:
        return tuple(entries)
    if section in ("all", "awards"):
        # Imported when asked for: ``import antq`` does not load the emulation package.
        from antq.emulation.awards import award_catalogue

        entries += (e.entry() for e in award_catalogue(as_of=as_of))
    if section in ("all", "sheets"):
        # Imported when asked for, as above.
        from antq.emulation.sheets import sheet_catalogue

        entries += (e.entry() for e in sheet_catalogue(as_of=as_of))
    if section in ("all", "teams"):
        # Imported when asked for, as above.
        from antq.emulation.teams import team_catalogue

        entries += (e.entry() for e in team_catalogue(as_of=as_of))
    return tuple(entries)


json_view(CatalogueEntry, _entry_json)
