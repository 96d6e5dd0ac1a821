"""The units under a commune, counted from their verdicts: the input of the commune's roll-up.

A commune is decided from its units (Thông tư 124/2021/TT-BCA Điều 5 khoản 4;
Thông tư 23/2012/TT-BCA Điều 6 khoản 4). The round (:mod:`antq.safety.round`)
counts its units' outcomes once and hands them to the commune's rule set as
the typed input :data:`UNIT_OUTCOMES`, a :class:`UnitCounts`. The two count
criteria read it with :class:`UnitsRegistered` and :class:`UnitsRecognised`;
when it is absent (a commune evaluated alone) they read the counts the
commune states, and say so.

With units of unknown outcome the counts are ranges, and the reasons give
the known counts and the range::

    5 recognised, 1 unknown, 4 not recognised, of 10: at most 60% < 70%: at least 2 more needed
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from antq.core import inputs as declare
from antq.core.criterion import Context, Defer, FastCheck, Finding, finding, undecided
from antq.core.inputs import Input
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.reasons import Param, Percent, Reason
from antq.core.unit_kinds import UnitKind
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Label, Msg, Text
from antq.i18n.formatting import Threshold
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.law.tables import Node
from antq.safety.checks import AllOf, ShareAtLeast
from antq.vocabulary import Lang

__all__ = ["UNIT_OUTCOMES", "UnitCounts", "UnitsRecognised", "UnitsRegistered"]

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


@attrs.frozen(kw_only=True)
class RollupInputs:
    """The commune inputs a roll-up writes: the total, the recognised and the registered.

    ``registered`` is None for an instrument without a registration rule
    (Thông tư 23/2012 counts only the recognised share).
    """

    total: Input[int]
    recognised: Input[int]
    registered: Input[int] | None = None


@attrs.frozen(kw_only=True)
class RollupRule:
    """How one instrument counts the units under a commune, as data.

    ``inputs`` is None when antq does not yet know the commune input names of
    that instrument: :func:`commune_counts` still works, and
    :func:`apply_counts` needs ``inputs=`` from the caller.
    """

    instrument: str
    counted_kinds: frozenset[UnitKind]
    registration_required: bool
    share_percent: int
    citation: Citation
    inputs: RollupInputs | None
    confirmation: Confirmation = Confirmation.CONFIRMED
    note: Label | None = None

    def __attrs_post_init__(self) -> None:
        if UnitKind.COMMUNE in self.counted_kinds or not self.counted_kinds:
            raise DefinitionError(
                f"roll-up of {self.instrument}: counted kinds must be unit kinds under a commune"
            )
        if not 0 < self.share_percent <= 100:
            raise DefinitionError(f"roll-up of {self.instrument}: share must be 1-100%")
        if self.inputs is not None and self.registration_required != (
            self.inputs.registered is not None
        ):
            raise DefinitionError(
                f"roll-up of {self.instrument}: a registered-count input is needed exactly when "
                "registration is required"
            )


_RULE_KEYS = (
    "instrument",
    "counted_kinds",
    "registration_required",
    "share_percent",
    "citation",
    "confirmation",
    "inputs",
    "note",
)


def read_rollup_rule(row: Node, known: Iterable[Input[int]]) -> RollupRule:
    """The roll-up a data file's ``row`` declares; its inputs are named among ``known``."""
    inputs = {each.name: each for each in known}

    def one(node: Node) -> Input[int]:
        name = node.text()
        if name not in inputs:
            raise node.fail(Msg("unknown input; known: {known}"), known=", ".join(inputs))
        return inputs[name]

    def named(node: Node) -> RollupInputs:
        node.keys(("total", "recognised", "registered"))
        return RollupInputs(
            total=one(node["total"]),
            recognised=one(node["recognised"]),
            registered=node.optional("registered", one),
        )

    row.keys(_RULE_KEYS)
    with row.building():
        return RollupRule(
            instrument=row["instrument"].text(),
            counted_kinds=row["counted_kinds"].codes(UnitKind),
            registration_required=row["registration_required"].boolean(),
            share_percent=row["share_percent"].integer(low=1, high=100),
            citation=row["citation"].citation(),
            inputs=row.optional("inputs", named),
            confirmation=row["confirmation"].confirmation(),
            note=row.optional("note", Node.label),
        )


def _ids(values: Any) -> tuple[str, ...]:
    return tuple(sorted(values))


def _check_bounds(instance: UnitCounts) -> None:
    if instance.total <= 0:
        raise InputError(
            "UnitCounts.total",
            instance.total,
            # The shares are parameters: a "%" followed by a letter would read as a format.
            Msg("must be > 0: a commune with no unit in scope cannot meet a {all} or {most} rule"),
            params={"all": "100%", "most": "70%"},
        )
    pairs: list[tuple[str, int | None, int | None]] = [
        ("recognised", instance.recognised_min, instance.recognised_max)
    ]
    if instance.registered_min is not None or instance.registered_max is not None:
        pairs.append(("registered", instance.registered_min, instance.registered_max))
    for name, low, high in pairs:
        if low is None or high is None or not 0 <= low <= high <= instance.total:
            raise InputError(
                f"UnitCounts.{name}_min",
                (low, high),
                Msg("need 0 <= {name}_min <= {name}_max <= total ({total})"),
                params={"name": name, "total": instance.total},
            )


@attrs.frozen(kw_only=True)
class UnitCounts:
    """The units under one commune in one round, counted exactly or within bounds.

    The tuples list unit ids (sorted, so the counts do not depend on the order
    of the verdicts): ``counted`` are in the total (a round that streams its
    units leaves it empty, since it keeps no id of a unit that passed);
    ``not_recognised`` had a NOT_MET verdict; ``excluded`` a NOT_APPLICABLE
    one; ``not_counted`` are of a kind the instrument does not count (agencies
    and the like under TT 23); ``scope_unknown``, ``registration_unknown`` and
    ``recognition_unknown`` are the causes of the bounds; ``not_registered``
    failed their registration criterion.

    ``registered_min`` and ``registered_max`` are None when the instrument has
    no registration rule (Thông tư 23/2012). ``lost`` says why the counts are
    incomplete (a unit of the commune could not be read or placed): the share
    rule is then unknown, never met.
    """

    commune_id: str
    year: int
    instrument: str
    total: int
    recognised_min: int
    recognised_max: int
    registered_min: int | None = None
    registered_max: int | None = None
    counted: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    not_recognised: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    excluded: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    not_counted: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    scope_unknown: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    registration_unknown: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    recognition_unknown: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    not_registered: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    lost: Reason | None = None

    def __attrs_post_init__(self) -> None:
        rule = self.rule
        has_registration = self.registered_min is not None or self.registered_max is not None
        if has_registration != rule.registration_required:
            raise InputError(
                "UnitCounts.registered_min",
                self.registered_min,
                Msg("{instrument} requires registered counts")
                if rule.registration_required
                else Msg("{instrument} has no registered counts"),
                params={"instrument": self.instrument},
            )
        _check_bounds(self)

    @property
    def rule(self) -> Any:
        """The instrument's :class:`~antq.safety.rollup.RollupRule`."""
        # Imported here: the rule table reads the article modules, which read this module.
        from antq.safety.rollup import rollup_rule

        return rollup_rule(self.instrument)

    @property
    def exact(self) -> bool:
        """Whether every count is known exactly (and no unit was lost)."""
        return (
            self.lost is None
            and self.recognised_min == self.recognised_max
            and self.registered_min == self.registered_max
        )

    def recognised_value(self) -> int | None:
        """The recognised count that decides the share rule, or None if it is undecided.

        The exact count when known; else the lower bound if it already passes
        (``100*min >= share*total``); else the upper bound if even it fails;
        else None. None whenever a unit was lost.
        """
        if self.lost is not None:
            return None
        low, high, share = self.recognised_min, self.recognised_max, self.rule.share_percent
        if low == high or 100 * low >= share * self.total:
            return low
        if 100 * high < share * self.total:
            return high
        return None

    def registered_value(self) -> int | None:
        """The registered count that decides the 100% rule, or None if it is undecided.

        The exact count when known; else the upper bound if it is already short
        of the total; else None. None also when the instrument has no such rule.
        """
        low, high = self.registered_min, self.registered_max
        if low is None or high is None:
            return None
        if high < self.total:
            return high
        if low == high and self.lost is None:
            return low
        return None

    def explain(self, lang: Lang = "vi") -> str:
        """The counts, with what made them uncertain and the reading applied."""
        rule = self.rule
        lines = [
            Reason(
                template=Msg("{commune}, round {year}: {total} unit(s) counted under {citation}"),
                params={
                    "commune": self.commune_id,
                    "year": str(self.year),
                    "total": self.total,
                    "citation": rule.citation.render(lang),
                },
            ).render(lang)
        ]
        rows: list[tuple[Msg, Msg, int | None, int | None, int]] = [
            (
                Msg("recognised: {low}"),
                Msg("recognised: {low} to {high} ({unknown} unit(s) with an unknown verdict)"),
                self.recognised_min,
                self.recognised_max,
                len(self.recognition_unknown),
            )
        ]
        if self.registered_min is not None:
            rows.append(
                (
                    Msg("registered: {low}"),
                    Msg(
                        "registered: {low} to {high} ({unknown} unit(s) whose registration is unknown)"
                    ),
                    self.registered_min,
                    self.registered_max,
                    len(self.registration_unknown),
                )
            )
        for exact, ranged, low, high, unknown in rows:
            assert low is not None and high is not None
            template = exact if low == high else ranged
            params: dict[str, Param] = {"low": low, "high": high, "unknown": unknown}
            lines.append("  " + Reason(template=template, params=params).render(lang))
        for ids, template in (
            (self.not_recognised, Msg("not recognised: {units}")),
            (self.not_registered, Msg("not registered: {units}")),
            (self.excluded, Msg("left out, outside the circular's scope: {units}")),
            (self.not_counted, Msg("not counted by this circular: {units}")),
            (self.scope_unknown, Msg("in the total although their scope is unknown: {units}")),
        ):
            if ids:
                lines.append(
                    "  " + Reason(template=template, params={"units": ", ".join(ids)}).render(lang)
                )
        if self.lost is not None:
            lines.append("  " + self.lost.render(lang))
        if rule.note is not None:
            lines.append(f"  ({rule.note.render(lang)})")
        return "\n".join(lines)


def _computed(raw: object, path: str) -> UnitCounts:
    raise InputError(
        path, raw, Msg("is computed by antq from the commune's units in the round; do not give it")
    )


#: The roll-up of a commune's units, computed by the round (never read from a file).
UNIT_OUTCOMES: Input[UnitCounts] = Input(
    name="unit_outcomes",
    label=Msg("the outcomes of the units under the commune in this round (computed by antq)"),
    kind=declare.InputKind.RECORDS,
    parse=_computed,
    schema={},
    value_type=UnitCounts,
    computed=True,
)

_STATED = Msg("as the commune states them (no unit of the commune was evaluated with it)")
_DIFFERS = Msg("{reason}; the commune states {stated} of {stated_total}, its units give these")


def _units_text(
    counts: UnitCounts, done: int, done_word: Msg, unknown: int, failed: int, failed_word: Msg
) -> Text:
    # "5 recognised, 1 unknown, 4 not recognised, of 10"
    parts = {
        lang: [f"{Reason(template=done_word, params={'count': done}).render(lang)}"]
        for lang in ("vi", "en")
    }
    extra: list[tuple[int, Msg]] = [
        (unknown, Msg("{count} unknown")),
        (failed, failed_word),
    ]
    for count, template in extra:
        if count:
            for lang in ("vi", "en"):
                parts[lang].append(Reason(template=template, params={"count": count}).render(lang))
    of = Msg("of {total}")
    return Text(
        vi=", ".join(parts["vi"])
        + " "
        + Reason(template=of, params={"total": counts.total}).render("vi"),
        en=", ".join(parts["en"])
        + " "
        + Reason(template=of, params={"total": counts.total}).render("en"),
    )


def _with_stated(
    found: Finding,
    context: Context,
    counts: UnitCounts,
    stated_inputs: tuple[Input[int], Input[int]],
    bounds: tuple[int | None, int | None],
) -> Finding:
    """``found`` noting the counts the commune states when they differ from its units'."""
    stated, stated_total = (context.get(inp) for inp in stated_inputs)
    if stated is None and stated_total is None:
        return found
    low, high = bounds
    if stated_total == counts.total and low == high == stated and counts.lost is None:
        return found
    inner = found.reason
    text = Text(vi=inner.render("vi"), en=inner.render("en"))
    return found._replace(
        reason=Reason(
            template=_DIFFERS,
            params={
                **inner.params,  # the gap to pass stays readable by summaries
                "reason": text,
                "stated": "?" if stated is None else stated,
                "stated_total": "?" if stated_total is None else stated_total,
            },
        )
    )


def _stated_only(found: Finding) -> Finding:
    inner = found.reason
    text = Text(vi=inner.render("vi"), en=inner.render("en"))
    return found._replace(
        reason=Reason(
            template=Msg("{reason}, {source}"), params={"reason": text, "source": _STATED}
        )
    )


def _missing(*inputs: Input[Any]) -> Finding:
    return undecided(
        Msg("not enough information: missing {inputs}"),
        missing=tuple(i.name for i in inputs),
        inputs=Text(
            vi="; ".join(i.label.render("vi") for i in inputs),
            en="; ".join(i.label.render("en") for i in inputs),
        ),
    )


def units_share_form(
    counts: str, percent: int, part: Input[int], whole: Input[int]
) -> dict[str, object]:
    """A commune's share of its units as data (:mod:`antq.catalogue.rule_form`)."""
    return {
        "form": "units_share_at_least",
        "counts": counts,
        "percent": percent,
        "stated": {"part": part.name, "whole": whole.name},
    }


def _compiled(
    rolled: Callable[[UnitCounts], Outcome],
    names: tuple[str, str, str],
    passes: Callable[[int, int], bool],
) -> FastCheck:
    """The fast check of a count criterion: the roll-up when given, else the stated counts."""
    outcomes_name, part_name, total_name = names

    def units_counted(values: Mapping[str, Any], period: Period) -> Outcome:
        counts = values.get(outcomes_name)
        if counts is not None:
            return rolled(counts)
        part, whole = values.get(part_name), values.get(total_name)
        if part is None or whole is None:
            return UNKNOWN
        if whole == 0 or part > whole:
            raise Defer  # an input error, reported by the general path
        return MET if passes(part, whole) else NOT_MET

    return units_counted


class _UnitsCounted:
    """A share of the units under a commune: counted from the units' own verdicts in the
    round when it has them (``UNIT_OUTCOMES``), else from the counts the commune states."""

    __slots__ = ()

    def _rolled(self, counts: UnitCounts) -> Outcome:
        """The outcome from the units' own verdicts."""
        raise NotImplementedError

    def _stated_check(self) -> AllOf | ShareAtLeast:
        """The same share, of the counts the commune states."""
        raise NotImplementedError

    def decide(self, context: Context) -> Outcome:
        counts = context.values.get(UNIT_OUTCOMES.name)
        if counts is None:
            return self._stated(context).outcome
        return self._rolled(counts)

    def _stated(self, context: Context) -> Finding:
        check = self._stated_check()
        part, whole = context.get(check.part), context.get(check.whole)
        if part is None or whole is None:
            return _missing(
                *(i for i, v in ((check.part, part), (check.whole, whole)) if v is None)
            )
        return _stated_only(check(context))


def _lost(said: Text, lost: Reason) -> Finding:
    """Some units' verdicts were lost from the round (``lost`` says why): the count is unknown."""
    return undecided(
        Msg("{units}; {lost}"), missing=(UNIT_OUTCOMES.name,), units=said, lost=_rendered(lost)
    )


@attrs.frozen
class UnitsRegistered(_UnitsCounted):
    """100% of the units under the commune registered: from the roll-up, else as stated."""

    registered: Input[int]
    total: Input[int]

    def describe(self) -> dict[str, object]:
        """The rule as data (:mod:`antq.catalogue.rule_form`): every unit of the commune registered."""
        return units_share_form("registered", 100, self.registered, self.total)

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        return _compiled(
            self._rolled,
            (UNIT_OUTCOMES.name, self.registered.name, self.total.name),
            lambda part, whole: part == whole,
        )

    @staticmethod
    def _rolled(counts: UnitCounts) -> Outcome:
        assert counts.registered_min is not None and counts.registered_max is not None
        if counts.not_registered:
            return NOT_MET  # a unit known not to have registered: never 100%, whatever was lost
        if counts.lost is None and counts.registered_min == counts.total:
            return MET
        return UNKNOWN

    def _stated_check(self) -> AllOf:
        return AllOf(self.registered, self.total)

    def __call__(self, context: Context) -> Finding:
        counts: UnitCounts | None = context.get(UNIT_OUTCOMES)
        if counts is None:
            return self._stated(context)
        assert counts.registered_min is not None and counts.registered_max is not None
        outcome = self._rolled(counts)
        said = _units_text(
            counts,
            counts.registered_min,
            Msg("{count} registered"),
            len(counts.registration_unknown),
            len(counts.not_registered),
            Msg("{count} not registered"),
        )
        if outcome is MET:
            found = finding(MET, Msg("{units}: 100%"), units=said)
        elif outcome is NOT_MET:
            found = finding(
                NOT_MET,
                Msg("{units}: not 100%; not registered: {ids}"),
                units=said,
                ids=", ".join(counts.not_registered),
                gap=len(counts.not_registered),
            )
        elif counts.lost is not None:
            found = _lost(said, counts.lost)
        else:
            found = undecided(
                Msg("{units}: all registered only if every unknown one did: {ids}"),
                missing=_unit_paths(counts.registration_unknown),
                units=said,
                ids=", ".join(counts.registration_unknown),
            )
        return _with_stated(
            found,
            context,
            counts,
            (self.registered, self.total),
            (counts.registered_min, counts.registered_max),
        )


def _unit_paths(ids: tuple[str, ...]) -> tuple[str, ...]:
    # What would settle the count: the facts of each unit whose outcome is unknown.
    return tuple(f"unit:{unit}" for unit in ids)


def _rendered(reason: Reason) -> Text:
    return Text(vi=reason.render("vi"), en=reason.render("en"))


@attrs.frozen
class UnitsRecognised(_UnitsCounted):
    """At least ``threshold`` percent of the units under the commune recognised, in integers."""

    recognised: Input[int]
    total: Input[int]
    threshold: int
    #: The threshold the shares of its reasons are written against (rule P4).
    limits: tuple[Threshold, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "limits", (Threshold.at_least(self.threshold),))

    def describe(self) -> dict[str, object]:
        """The rule as data (:mod:`antq.catalogue.rule_form`): ``threshold`` percent of the units recognised."""
        return units_share_form("recognised", self.threshold, self.recognised, self.total)

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        threshold = self.threshold
        return _compiled(
            self._rolled,
            (UNIT_OUTCOMES.name, self.recognised.name, self.total.name),
            lambda part, whole: 100 * part >= threshold * whole,
        )

    def _rolled(self, counts: UnitCounts) -> Outcome:
        if counts.lost is not None:
            return UNKNOWN
        share, total = self.threshold, counts.total
        if 100 * counts.recognised_min >= share * total:
            return MET
        if 100 * counts.recognised_max < share * total:
            return NOT_MET
        return UNKNOWN

    def _stated_check(self) -> ShareAtLeast:
        return ShareAtLeast(self.recognised, self.total, self.threshold)

    def __call__(self, context: Context) -> Finding:
        counts: UnitCounts | None = context.get(UNIT_OUTCOMES)
        if counts is None:
            return self._stated(context)
        outcome = self._rolled(counts)
        low, high, total = counts.recognised_min, counts.recognised_max, counts.total
        said = _units_text(
            counts,
            low,
            Msg("{count} recognised"),
            len(counts.recognition_unknown),
            len(counts.not_recognised) or (total - high),
            Msg("{count} not"),
        )
        needed = -(-self.threshold * total // 100) - low
        params: dict[str, Param] = {
            "units": said,
            "low": Percent(numerator=low, denominator=total, thresholds=self.limits),
            "high": Percent(numerator=high, denominator=total, thresholds=self.limits),
            "threshold": self.threshold,
            "gap": needed,
        }
        if counts.lost is not None:
            found = _lost(said, counts.lost)
        elif low == high:
            found = (
                finding(MET, Msg("{units}: {low} ≥ {threshold}%"), **params)
                if outcome is MET
                else finding(
                    NOT_MET, Msg("{units}: {low} < {threshold}%: {gap} more needed"), **params
                )
            )
        elif outcome is MET:
            found = finding(MET, Msg("{units}: at least {low} ≥ {threshold}%"), **params)
        elif outcome is NOT_MET:
            found = finding(
                NOT_MET,
                Msg("{units}: at most {high} < {threshold}%: at least {gap} more needed"),
                **params,
            )
        else:
            found = Finding(
                outcome=UNKNOWN,
                reason=Reason(
                    template=Msg(
                        "{units}: between {low} and {high}, {threshold}% needed: {gap} more of the unknown must be recognised"
                    ),
                    params=params,
                ),
                missing=_unit_paths(counts.recognition_unknown),
            )
        return _with_stated(
            found,
            context,
            counts,
            (self.recognised, self.total),
            (counts.recognised_min, counts.recognised_max),
        )
