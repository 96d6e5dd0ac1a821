"""Rules: what every rule antq encodes has in common, whatever decides it.

A safe-standard :class:`~antq.core.Criterion`, an award condition, a
scoring-sheet item, a veto, a sheet's classification bands and a team-rating
rule are each a :class:`Rule`: an id, a title, its citation, how it decides
(:class:`CriterionKind`), the :class:`Parameter` values it reads, its
confirmation status and a note. What a rule decides is a :class:`Finding` (an
outcome, a reason, the missing inputs), and each of its results says what it is
about with the rule's :class:`CriterionInfo`. A family adds what it needs on
top: a criterion its inputs, gate and check over a unit's facts; an award
condition its check over the award question; a sheet item its points.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar

import attrs

from antq.core.frozen import FrozenMap
from antq.core.outcome import Outcome
from antq.core.reasons import Param, Reason
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Label, Msg
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum

__all__ = [
    "AboutRule",
    "CriterionInfo",
    "CriterionKind",
    "Finding",
    "Parameter",
    "Rule",
    "check_rule_id",
    "check_supplied",
    "finding",
    "undecided",
]

T = TypeVar("T")

_ID = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*$")


class CriterionKind(CodedEnum):
    """How a criterion decides."""

    BOOLEAN = ("boolean", "có/không", "yes/no")
    THRESHOLD = ("threshold", "so sánh với ngưỡng", "numeric threshold")
    JUDGEMENT = ("judgement", "đánh giá của cơ quan xét duyệt", "assessor judgement")


# Hashed once: the rendered reason lines are memoised by it (see ``CriterionResult.explain``).
@attrs.frozen(kw_only=True, cache_hash=True)
class CriterionInfo:
    """What a result says about its criterion; one object shared by all its results."""

    id: str
    title: Label
    citation: Citation
    kind: CriterionKind
    confirmation: Confirmation
    #: The criterion's note, e.g. which article a cross-reference applies.
    note: Label | None = None

    @classmethod
    def of(cls, rule: Rule) -> CriterionInfo:
        """What ``rule`` says about itself: its attributes
        of the same names as these."""
        return cls(**{field.name: getattr(rule, field.name) for field in attrs.fields(cls)})


@attrs.frozen(kw_only=True)
class Parameter(Generic[T]):
    """A value a rule depends on that is not an input about the unit.

    A parameter whose ``default`` is None has no value in antq: the spec leaves
    it UNCONFIRMED, so the user must supply it (``RuleSet.with_parameters``);
    until then the criteria that read it are UNKNOWN.
    """

    name: str
    label: Label
    default: T | None
    confirmation: Confirmation
    choices: tuple[T, ...] = ()
    citation: Citation | None = None
    #: When False the engine does not block on a missing value: the check
    #: reads it with ``Context.parameters.get`` and decides what an absent value means.
    required: bool = True

    def __attrs_post_init__(self) -> None:
        if self.default is None and self.confirmation is Confirmation.CONFIRMED:
            raise DefinitionError(f"parameter {self.name!r} is confirmed but has no value")
        if self.choices and self.default is not None and self.default not in self.choices:
            raise DefinitionError(f"parameter {self.name!r}: default not among its choices")


def check_supplied(
    owner: str, parameters: Iterable[Parameter[Any]], values: Mapping[str, object]
) -> None:
    """Refuse a value supplied for no parameter of ``parameters``, or outside its choices.

    ``owner`` is the id of the rule set (or award rules) the values are for: the
    path of the error is ``<owner>.parameters.<name>``.
    """
    by_name = {p.name: p for p in parameters}
    for name, value in values.items():
        parameter = by_name.get(name)
        if parameter is None:
            raise InputError(f"{owner}.parameters.{name}", value, Msg("no such parameter"))
        if parameter.choices and value not in parameter.choices:
            allowed = ", ".join(map(str, parameter.choices))
            raise InputError(
                f"{owner}.parameters.{name}",
                value,
                Msg("expected one of {allowed}"),
                params={"allowed": allowed},
            )


class Finding(NamedTuple):
    """What a check decided, and why.

    A named tuple rather than an attrs class: one is made for every criterion of
    every unit, so it is kept as light as Python allows.
    """

    outcome: Outcome
    reason: Reason
    #: Names of optional inputs whose absence made the outcome UNKNOWN.
    missing: tuple[str, ...] = ()


def finding(outcome: Outcome, template: Label, **params: Param) -> Finding:
    """Shorthand for ``Finding(outcome=..., reason=Reason(template=..., params=...))``."""
    # ``params`` is a fresh dict owned by this call, so it can be frozen without a copy.
    return Finding(outcome, Reason(template=template, params=FrozenMap(params)))


def undecided(template: Label, missing: tuple[str, ...], **params: Param) -> Finding:
    """An UNKNOWN finding that names what is missing."""
    return Finding(
        outcome=Outcome.UNKNOWN, reason=Reason(template=template, params=params), missing=missing
    )


def check_rule_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """An attrs validator: an id is lowercase words joined by ``.``, ``_`` or ``-``.

    The error names the kind of rule by the class's ``noun``: ``criterion id 'Bad Id' must be
    ...``.
    """
    if not isinstance(value, str) or not _ID.match(value):
        what = getattr(instance, "noun", type(instance).__name__)
        raise DefinitionError(
            f"{what} {attribute.name} {value!r} must be lowercase words joined by . _ or -"
        )


@attrs.frozen(kw_only=True)
class Rule:
    """One rule of the law as antq encodes it: what every family's rule has.

    Subclasses (:class:`~antq.core.Criterion`, an award's ``Condition``, a
    sheet's ``SheetItem``...) add how the rule is decided. ``info`` is what
    every result of the rule says about it, made once.
    """

    #: What the rule is called in errors ("criterion", "condition"...).
    noun: ClassVar[str] = "rule"
    #: Whether making the rule checks its id (a sheet's items are checked by their sheet,
    #: which reports every problem of a sheet file at once).
    checks_id: ClassVar[bool] = True

    id: str
    title: Label
    citation: Citation
    kind: CriterionKind
    parameters: tuple[Parameter[Any], ...] = ()
    confirmation: Confirmation = Confirmation.CONFIRMED
    note: Label | None = None
    #: What every result of this rule says about it (made once).
    info: CriterionInfo = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.checks_id:
            check_rule_id(self, attrs.fields(Rule).id, self.id)
        object.__setattr__(self, "info", CriterionInfo.of(self))


class AboutRule:
    """What a rule's result tells of its rule, read from its ``about`` (the rule's
    :attr:`Rule.info`): its title, citation, kind, confirmation status and note."""

    __slots__ = ()

    about: CriterionInfo

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The same properties, held by each class too: its documentation lists them as its
        # own (autodoc leaves inherited members out).
        for name in ("title", "citation", "kind", "confirmation", "note"):
            if not any(name in c.__dict__ for c in cls.__mro__[: cls.__mro__.index(AboutRule)]):
                setattr(cls, name, AboutRule.__dict__[name])

    @property
    def title(self) -> Label:
        return self.about.title

    @property
    def citation(self) -> Citation:
        return self.about.citation

    @property
    def kind(self) -> CriterionKind:
        return self.about.kind

    @property
    def confirmation(self) -> Confirmation:
        return self.about.confirmation

    @property
    def note(self) -> Label | None:
        return self.about.note
