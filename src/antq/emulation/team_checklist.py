"""The seven criteria of an "excellent" team (Hướng dẫn 01/HD-BCA-V05, Mục IV tiểu mục 1).

A team may be proposed as "hoàn thành xuất sắc nhiệm vụ" only when all seven
hold (addendum-2026-12.md §4.4; content CONFIRMED, numbering PARTIAL: it
combines the Japanese and English editions of the report). The checklist gives a
three-valued answer like a safe-standard verdict: every item MET, NOT_MET or
UNKNOWN with its reason, and the whole MET only when every item is. A missing
fact is UNKNOWN, never met.

1. carries out every task the commune police assigns, shares them out among the
   members and checks them (assessor input);
2. holds its periodic meetings, attends the commune police's briefings, reports
   fully and on time (assessor input);
3. no member committed an act Law 30/2023/QH15 Điều 6 khoản 1, 2 or 5 prohibits,
   none was removed under Điều 17 khoản 3 điểm c or d, and none was rated "did
   not complete the tasks" (three counts, each 0);
4. discipline, solidarity, full attendance at training (assessor input);
5. **more than 95 percent** of the tasks assigned in the six task groups of
   Chương II of Law 30/2023 were done: ``100 * done > 95 * assigned`` in
   integers (strict, from "more than" in the translation: PARTIAL);
6. close coordination with the head of the village or residential group, the
   Front work committee and the mass organisations (assessor input);
7. the area assigned to the team meets Thông tư 124/2021/TT-BCA Điều 4 khoản 4
   (the outcome of those criteria, given by the caller; over which window is
   not confirmed).

>>> facts = ExcellentTeamFacts(
...     tasks_carried_out=True, meetings_and_reports=True, members_prohibited_acts=0,
...     members_removed=0, members_not_completed=0, discipline_and_training=True,
...     tasks_assigned=200, tasks_done=191, coordination=True, area_article_4_4=Outcome.MET)
>>> excellent_team_checklist(facts).outcome
<Outcome.MET: 'met'>
>>> excellent_team_checklist(attrs.evolve(facts, tasks_done=190)).failing()
(5,)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Final

import attrs

from antq._serialise import JsonRoundTrip, json_form, rendered
from antq.core.frozen import FrozenMap
from antq.core.outcome import Outcome, combine
from antq.core.reasons import Param, Percent, Reason
from antq.core.rule import CriterionKind, Rule
from antq.errors import InputError
from antq.i18n.catalog import Label, Msg
from antq.law.confirmation import Confirmation
from antq.law.tables import Node, load
from antq.vocabulary import Lang

__all__ = [
    "CHECKLIST",
    "ChecklistItem",
    "ChecklistResult",
    "ExcellentTeamChecklist",
    "ExcellentTeamFacts",
    "excellent_team_checklist",
]

#: An item's id is this and its number: the items are rules of the team rating.
_ITEM_ID_PREFIX: Final = "hd01.excellent."
_MISSING = Msg("not enough information: missing {inputs}")


def _opt_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise InputError(
            f"excellent_criteria.{attribute.name}", value, Msg("expected true, false or null")
        )


def _opt_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(
            f"excellent_criteria.{attribute.name}",
            value,
            Msg("expected a whole number >= 0 or null"),
        )


def _opt_outcome(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in (Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN):
        raise InputError(
            f"excellent_criteria.{attribute.name}",
            value,
            Msg("expected met, not_met, unknown or null"),
        )


def _to_outcome(value: object) -> Any:
    if isinstance(value, str):
        return Outcome.from_code(value, path="excellent_criteria.area_article_4_4")
    return value


@attrs.frozen(kw_only=True)
class ExcellentTeamFacts:
    """What the seven criteria read; None is unknown. Items 1, 2, 4 and 6 are assessor findings."""

    tasks_carried_out: bool | None = attrs.field(default=None, validator=_opt_bool)
    meetings_and_reports: bool | None = attrs.field(default=None, validator=_opt_bool)
    members_prohibited_acts: int | None = attrs.field(default=None, validator=_opt_count)
    members_removed: int | None = attrs.field(default=None, validator=_opt_count)
    members_not_completed: int | None = attrs.field(default=None, validator=_opt_count)
    discipline_and_training: bool | None = attrs.field(default=None, validator=_opt_bool)
    tasks_assigned: int | None = attrs.field(default=None, validator=_opt_count)
    tasks_done: int | None = attrs.field(default=None, validator=_opt_count)
    coordination: bool | None = attrs.field(default=None, validator=_opt_bool)
    area_article_4_4: Outcome | None = attrs.field(
        default=None, converter=_to_outcome, validator=_opt_outcome
    )

    def __attrs_post_init__(self) -> None:
        done, assigned = self.tasks_done, self.tasks_assigned
        if done is not None and assigned is not None and done > assigned:
            raise InputError(
                "excellent_criteria.tasks_done",
                done,
                Msg("more than the {assigned} tasks assigned"),
                params={"assigned": assigned},
            )


@attrs.frozen(kw_only=True)
class ChecklistItem(Rule):
    """One of the seven criteria: a :class:`~antq.core.rule.Rule` (id ``hd01.excellent.<n>``)
    with its number, what it reads and its check."""

    noun: ClassVar[str] = "checklist item"

    number: int
    inputs: tuple[str, ...]
    judgement: bool
    check: Callable[[ExcellentTeamFacts], tuple[Outcome, Reason]] = attrs.field(
        eq=False, repr=False
    )


@attrs.frozen(kw_only=True)
class ChecklistResult(JsonRoundTrip):
    """One item's outcome and reason."""

    json_path: ClassVar[str] = "item"

    item: ChecklistItem
    outcome: Outcome
    reason: Reason
    #: The inputs an UNKNOWN item lacks.
    missing: tuple[str, ...] = ()

    @property
    def confirmation(self) -> Confirmation:
        """The item's confirmation status."""
        return self.item.confirmation

    @property
    def title(self) -> Label:
        """The item's title."""
        return self.item.title

    def explain(self, lang: Lang) -> str:
        return (
            f"({self.item.number}) [{self.outcome.label(lang)}] {self.item.title.render(lang)}:"
            f" {self.reason.render(lang)}"
        )


@attrs.frozen(kw_only=True)
class ExcellentTeamChecklist(JsonRoundTrip):
    """The seven results, all required: MET only when every item is MET."""

    json_path: ClassVar[str] = "checklist"

    results: tuple[ChecklistResult, ...]

    @property
    def outcome(self) -> Outcome:
        return combine(r.outcome for r in self.results)

    def failing(self) -> tuple[int, ...]:
        """The numbers of the items NOT_MET."""
        return tuple(r.item.number for r in self.results if r.outcome is Outcome.NOT_MET)

    def undecided(self) -> tuple[int, ...]:
        """The numbers of the items UNKNOWN."""
        return tuple(r.item.number for r in self.results if r.outcome is Outcome.UNKNOWN)

    def missing(self) -> tuple[str, ...]:
        """The inputs of the UNKNOWN items that were not given."""
        return tuple(f"excellent_criteria.{name}" for r in self.results for name in r.missing)

    def explain(self, lang: Lang = "vi") -> str:
        return "\n".join(r.explain(lang) for r in self.results)


def _item_number(item: ChecklistItem) -> int:
    return item.number


def _item_of_number(raw: object) -> ChecklistItem:
    if not isinstance(raw, bool) and isinstance(raw, int):
        for item in CHECKLIST:
            if item.number == raw:
                return item
    raise InputError("", raw, Msg("expected the number of one of the seven criteria, 1 to 7"))


# An item is written as its number, status and title (in both languages), and read back
# from its number; ``missing`` is written only when the item lacks inputs.
json_form(
    ChecklistResult,
    written=("item", "outcome", "confirmation", "title", "reason", "missing"),
    read=("item", "outcome", "reason", "missing"),
    codecs={"item": (_item_number, _item_of_number), "title": (rendered, None)},
    omit_empty=("missing",),
)
json_form(
    ExcellentTeamChecklist,
    written=("outcome", "results"),
    rename={"results": "items"},
)


def _reason(template: Msg, **params: Param) -> Reason:
    return Reason(template=template, params=FrozenMap(params))


def _unknown(*names: str) -> tuple[Outcome, Reason]:
    return Outcome.UNKNOWN, _reason(_MISSING, inputs=", ".join(names))


def _finding(
    name: str, yes: Msg, no: Msg
) -> Callable[[ExcellentTeamFacts], tuple[Outcome, Reason]]:
    def check(facts: ExcellentTeamFacts) -> tuple[Outcome, Reason]:
        value = getattr(facts, name)
        if value is None:
            return _unknown(name)
        return (Outcome.MET, _reason(yes)) if value else (Outcome.NOT_MET, _reason(no))

    return check


def _shown(count: int | None) -> str:
    return "?" if count is None else str(count)


def _no_member_breach(facts: ExcellentTeamFacts) -> tuple[Outcome, Reason]:
    counts = {
        "members_prohibited_acts": facts.members_prohibited_acts,
        "members_removed": facts.members_removed,
        "members_not_completed": facts.members_not_completed,
    }
    if any(v for v in counts.values()):
        return Outcome.NOT_MET, _reason(
            Msg(
                "{acts} member(s) committed a prohibited act, {removed} were removed,"
                " {failed} were rated as not completing their tasks; all must be 0"
            ),
            acts=_shown(counts["members_prohibited_acts"]),
            removed=_shown(counts["members_removed"]),
            failed=_shown(counts["members_not_completed"]),
        )
    unknown = [name for name, value in counts.items() if value is None]
    if unknown:
        return _unknown(*unknown)
    return Outcome.MET, _reason(
        Msg("no member committed a prohibited act, was removed or failed their tasks")
    )


def _tasks_share(facts: ExcellentTeamFacts) -> tuple[Outcome, Reason]:
    done, assigned = facts.tasks_done, facts.tasks_assigned
    if done is None or assigned is None:
        return _unknown(
            *(n for n, v in (("tasks_assigned", assigned), ("tasks_done", done)) if v is None)
        )
    if assigned == 0:
        return Outcome.UNKNOWN, _reason(
            Msg("no task was assigned: the share of tasks done is not defined (0/0)")
        )
    share = Percent(numerator=done, denominator=assigned)
    if 100 * done > 95 * assigned:
        return Outcome.MET, _reason(
            Msg("{done}/{assigned} tasks done ({share}), more than 95 percent"),
            done=done,
            assigned=assigned,
            share=share,
        )
    return Outcome.NOT_MET, _reason(
        Msg("{done}/{assigned} tasks done ({share}); more than 95 percent is required"),
        done=done,
        assigned=assigned,
        share=share,
    )


def _area(facts: ExcellentTeamFacts) -> tuple[Outcome, Reason]:
    outcome = facts.area_article_4_4
    if outcome is None:
        return _unknown("area_article_4_4")
    if outcome is Outcome.UNKNOWN:
        return Outcome.UNKNOWN, _reason(
            Msg("whether the team's area meets Article 4(4) of Circular 124/2021 is not known")
        )
    if outcome is Outcome.MET:
        return Outcome.MET, _reason(Msg("the team's area meets Article 4(4) of Circular 124/2021"))
    return Outcome.NOT_MET, _reason(
        Msg("the team's area does not meet Article 4(4) of Circular 124/2021")
    )


_Check = Callable[[ExcellentTeamFacts], tuple[Outcome, Reason]]
#: The checks the data file names, for the items that are not one finding.
_CHECKS: Final[dict[str, _Check]] = {
    "no_member_breach": _no_member_breach,
    "tasks_share": _tasks_share,
    "area": _area,
}
_ITEM_KEYS = (
    "number",
    "title",
    "citation",
    "confirmation",
    "inputs",
    "judgement",
    "met",
    "not_met",
    "check",
)


def _item(row: Node) -> ChecklistItem:
    row.keys(_ITEM_KEYS)
    inputs = row["inputs"].texts()
    facts = attrs.fields_dict(ExcellentTeamFacts)
    for node, name in zip(row["inputs"].items(), inputs, strict=True):
        if name not in facts:
            raise node.fail(Msg("not a field of ExcellentTeamFacts"))
    judgement = row["judgement"].boolean()
    check: _Check
    if judgement:
        # A judgement is one finding of the assessor: true is met, false is not.
        if len(inputs) != 1:
            raise row["inputs"].fail(Msg("a judgement reads one finding"))
        check = _finding(inputs[0], row["met"].message(), row["not_met"].message())
    else:
        name = row["check"].text()
        if name not in _CHECKS:
            raise row["check"].fail(Msg("unknown check; known: {known}"), known=", ".join(_CHECKS))
        check = _CHECKS[name]
    number = row["number"].integer(low=1)
    return ChecklistItem(
        id=f"{_ITEM_ID_PREFIX}{number}",
        kind=CriterionKind.JUDGEMENT if judgement else CriterionKind.THRESHOLD,
        number=number,
        title=row["title"].message(),
        citation=row["citation"].citation(),
        confirmation=row["confirmation"].confirmation(),
        inputs=inputs,
        judgement=judgement,
        check=check,
    )


#: The seven criteria, in the order of the guidance, from ``team_checklist.toml`` beside this module.
CHECKLIST: Final[tuple[ChecklistItem, ...]] = tuple(
    _item(row) for row in load("antq.emulation", "team_checklist.toml")["items"].items()
)


def excellent_team_checklist(facts: ExcellentTeamFacts) -> ExcellentTeamChecklist:
    """The seven criteria of an excellent team for ``facts``, each with its reason."""
    if not isinstance(facts, ExcellentTeamFacts):
        raise InputError("excellent_criteria", facts, Msg("expected ExcellentTeamFacts"))
    results = []
    for item in CHECKLIST:
        outcome, reason = item.check(facts)
        absent = (
            tuple(n for n in item.inputs if getattr(facts, n) is None)
            if outcome is Outcome.UNKNOWN
            else ()
        )
        results.append(ChecklistResult(item=item, outcome=outcome, reason=reason, missing=absent))
    return ExcellentTeamChecklist(results=tuple(results))
