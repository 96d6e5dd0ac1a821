"""Catalogue entries: one type for every rule antq ships, whatever decides it.

A safe-standard criterion, an award condition, a scoring-sheet item, a veto, a
sheet's classification bands and a team-rating rule are each listed as a
:class:`RuleEntry`: its id, the rule set (or award rules, sheet, team rules) it
belongs to, the instrument and citation, its :class:`RuleFamily`, what it
applies to, the dates it is in force, its inputs, its parameters with their
confirmation status, and its points where it has any. ``antq rules``, ``GET
/rules`` and the documentation's catalogue page all list these.

Each family builds its entries (``entry()`` on the family's own catalogue
items); nothing here knows about any instrument.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import Any, Final

import attrs

from antq._serialise import JsonForm, json_form, rendered, unstructure
from antq.core.criterion import Parameter
from antq.core.frozen import FrozenMap
from antq.core.ruleset import RoundNotice
from antq.i18n.catalog import Label, Msg
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "DESCRIPTION_KEYS",
    "EntryInput",
    "EntryParameter",
    "RuleEntry",
    "RuleFamily",
    "Setting",
    "notice_span",
]

#: The keys that describe a rule in every catalogue JSON, in this order: its role in its rule
#: set, how it decides, its status and its texts.
DESCRIPTION_KEYS: Final = ("role", "kind", "confirmation", "citation", "title", "note")

_INPUTS = Msg("inputs")
_NOTE = Msg("note")


class RuleFamily(CodedEnum):
    """What kind of rule a catalogue entry is."""

    SAFE_STANDARD = (
        "safe_standard",
        "tiêu chí an toàn về an ninh, trật tự",
        "safe-standard criterion",
    )
    AWARD_CONDITION = ("award_condition", "điều kiện khen thưởng", "award condition")
    SHEET_ITEM = ("sheet_item", "mục của bảng chấm điểm", "scoring-sheet item")
    VETO = ("veto", "điều kiện giới hạn mức phân loại", "veto (caps the class)")
    CLASSIFICATION = ("classification", "ngưỡng phân loại", "classification bands")
    TEAM_RULE = (
        "team_rule",
        "quy định xếp loại Tổ bảo vệ an ninh, trật tự",
        "team-rating rule",
    )


@attrs.frozen(kw_only=True)
class EntryInput:
    """An input a rule reads: its name, whether it is an assessor judgement, and what it is.

    ``role`` is ``"gate"`` for an input that decides whether the rule applies,
    ``"optional"`` for one the rule can decide without, or ``"required"``.
    """

    name: str
    judgement: bool = False
    kind: CodedEnum | None = None
    label: Label | None = None
    role: str = "required"


@attrs.frozen(kw_only=True)
class EntryParameter:
    """A value the rule depends on that is not about the unit, with the value in force.

    ``value`` None: antq has no value (the law as known to it leaves the value
    open), so the user must supply one when ``required``.
    """

    name: str
    value: object
    default: object
    confirmation: Confirmation
    choices: tuple[object, ...] = ()
    required: bool = True
    label: Label | None = None

    @classmethod
    def of(cls, parameter: Parameter[Any], value: object) -> EntryParameter:
        """``parameter`` as an entry lists it, with ``value`` in force."""
        return cls(
            name=parameter.name,
            value=value,
            default=parameter.default,
            confirmation=parameter.confirmation,
            choices=tuple(parameter.choices),
            required=parameter.required,
            label=parameter.label,
        )

    def json_data(self) -> dict[str, Any]:
        """The parameter as JSON-ready data (its label is not written)."""
        return unstructure(self)  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True)
class Setting:
    """A choice antq makes where the text is silent, its default and the other choices.

    Not a parameter of the law: antq's stated, configurable reading.
    """

    name: str
    default: str
    choices: tuple[str, ...]


def _frozen(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return FrozenMap(values)


def _opt_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


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


@attrs.frozen(kw_only=True)
class RuleEntry(JsonForm):
    """One rule of any family, as the catalogue lists it (see the module docstring).

    ``confirmation`` is the status the entry is listed with: the weakest of the
    rule's own (``own_confirmation``), of the parameters it needs and, for a
    round asked about, of the rule set's hold on that round. ``badges`` are
    what the first line of its text shows before that status (the unit kind and
    how it decides, an award, the points). ``details`` are the family's own
    keys of its JSON (an award's ``date_role``, a sheet's ``nature``...).
    """

    id: str
    family: RuleFamily
    #: The rule set, award rules, sheet or team rules the entry belongs to.
    rule_set: str
    role: str
    instrument: str
    citation: Citation
    title: Label
    confirmation: Confirmation
    own_confirmation: Confirmation
    #: How the rule decides: a :class:`~antq.CriterionKind` or a sheet's rule type.
    kind: CodedEnum | None = None
    #: The unit kinds, or the subject and award form, the rule applies to.
    applies_to: tuple[CodedEnum, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    inputs: tuple[EntryInput, ...] = ()
    parameters: tuple[EntryParameter, ...] = ()
    settings: tuple[Setting, ...] = ()
    #: The most points the rule gives (a sheet item), when it has points and they are known.
    points: Fraction | None = None
    note: Label | None = None
    notices: tuple[RoundNotice, ...] = ()
    #: Nesting in its group (a sheet's sub-items), for the text.
    depth: int = 0
    badges: tuple[Label | CodedEnum, ...] = ()
    # Not hashed: its values are JSON lists; the fields above identify the entry.
    details: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen, hash=False)

    def in_force(self, on: date) -> bool:
        """Whether the rule is in force for a round (or question) dated ``on``."""
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )

    def json_keys(self, keys: Sequence[str]) -> dict[str, Any]:
        """:meth:`to_json` with only ``keys``, in that order: a family's view of its entries."""
        data = self.to_json()
        return {key: data[key] for key in keys}

    def render(self, lang: Lang) -> str:
        """A few lines of text: id and status, title, citation, inputs, note, parameters."""
        indent = "  " * self.depth
        badges = [
            b.label(lang) if isinstance(b, CodedEnum) else b.render(lang) for b in self.badges
        ]
        head = " · ".join([*badges, self.confirmation.label(lang)])
        lines = [
            f"{indent}{self.id}  [{head}]",
            f"{indent}    {self.title.render(lang)}",
            f"{indent}    {self.citation.render(lang)}",
        ]
        if self.inputs:
            names = ", ".join(i.name + (" (QUAL)" if i.judgement else "") for i in self.inputs)
            lines.append(f"{indent}    {_INPUTS.render(lang)}: {names}")
        if self.note is not None:
            lines.append(f"{indent}    {_NOTE.render(lang)}: {self.note.render(lang)}")
        for n in self.notices:
            lines.append(
                f"{indent}    {notice_span(n, lang)}: {n.text.render(lang)}"
                f" [{n.confirmation.label(lang)}]"
            )
        for p in self.parameters:
            shown = p.value if p.value is not None else "(must be supplied)"
            lines.append(f"{indent}    parameter {p.name} = {shown} [{p.confirmation.label(lang)}]")
        for s in self.settings:
            lines.append(f"{indent}    setting {s.name} = {s.default} ({', '.join(s.choices)})")
        return "\n".join(lines)

    def explain(self, lang: Lang = "vi") -> str:
        """The entry as text, with its family and dates in force (see :func:`antq.explain`)."""
        lines = [self.render(lang)]
        indent = "  " * self.depth
        lines.append(f"{indent}    {self.family.label(lang)} · {self._span(lang)}")
        return "\n".join(lines)

    def _span(self, lang: Lang) -> str:
        start, end = _opt_date(self.valid_from), _opt_date(self.valid_to)
        if start is None and end is None:
            return _ALWAYS.render(lang)
        if end is None:
            return _FROM.render(lang).format(start=start)
        if start is None:
            return _UNTIL.render(lang).format(end=end)
        return _BETWEEN.render(lang).format(start=start, end=end)


_ALWAYS = Msg("in force with no date bound")
_FROM = Msg("in force from {start}")
_UNTIL = Msg("in force until {end}")
_BETWEEN = Msg("in force from {start} to {end}")


def _rendered_or_none(label: Label | None) -> dict[str, str] | None:
    return None if label is None else rendered(label)


def _details_json(details: Mapping[str, Any]) -> dict[str, Any]:
    # A copy: the caller may change the data without changing the entry.
    return copy.deepcopy(dict(details))


# Written only: the catalogue is built from the rule sets, never read back.
json_form(
    EntryParameter,
    written=("name", "value", "default", "choices", "confirmation", "required"),
    readable=False,
)
# The keys every family has, then the family's own (``details``, in place).
json_form(
    RuleEntry,
    written=(
        "family",
        "id",
        "rule_set",
        "instrument",
        *DESCRIPTION_KEYS,
        "valid_from",
        "valid_to",
        "parameters",
        "details",
    ),
    codecs={
        "citation": (rendered, None),
        "title": (rendered, None),
        "note": (_rendered_or_none, None),
        "details": (_details_json, None),
    },
    flatten={"details": dict},
    readable=False,
)
