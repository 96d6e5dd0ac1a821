"""Evaluating a province: its units first, then each commune from their verdicts; summaries.

A commune is safe only if enough of the units under it are (Thông tư
124/2021/TT-BCA Điều 5 khoản 4), so :func:`evaluate_province` evaluates the
residential areas, agencies, enterprises and educational institutions first,
then gives each commune's roll-up (``antq.safety.rollup.evaluate_commune``)
the verdicts of its own units for the same round, and evaluates the commune.

Units name their commune in ``commune``, by code or by name ("P. Bến Nghé";
see :mod:`antq.names`). A name that fits several communes is an error naming
them. When the input holds communes of the unit's round, a reference that
fits none of them is an error, and the roll-ups of those communes (of the
unit's province, when it has one) are left unknown, since the unit may belong
to any of them. When it holds none, the units are grouped under the
reference, with no commune verdict. The levels are fixed by kind (units under
a commune, a commune under nothing), so a commune naming another unit, or a
unit naming a unit that is not a commune, is an error: no cycle can be
written.

A unit whose evaluation fails (an input error found by a check) is counted in
its commune's roll-up as a unit whose verdict is unknown, as an unreadable row
is, never dropped. A file of the input that could not be read, or not to its
end (a :class:`~antq.io.batch.SourceReadError`), may have held units of any
commune: the roll-up counts of every commune are then left unknown, each with
a notice naming the file.

When a commune's units are in the input, the roll-up is the source of the
commune's counts: counts given in the commune's own facts are replaced, and a
:class:`Notice` says when they differed. When none are, the commune is
evaluated with the facts it was given. A roll-up that cannot be made (every
unit outside the circular's scope, say) is an error, and the commune's count
criteria are then UNKNOWN, never met.

:func:`summarize` counts the outcomes by unit kind, the criteria most often not
met, the inputs most often missing and the units closest to passing, always in
the same order for the same verdicts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from fractions import Fraction

import attrs

from antq.core.engine import evaluate
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome
from antq.core.reasons import Reason
from antq.core.ruleset import RuleBook
from antq.core.verdict import CriterionResult, Verdict
from antq.errors import AntqError, InputError
from antq.frozen import FrozenMap
from antq.i18n.catalog import Label, Msg
from antq.io.batch import SourceReadError, UnitReadError, UnitRef
from antq.names import NameIndex, bare_key, name_key
from antq.periods import Period
from antq.safety.rollup import UnitCounts, evaluate_commune, rollup_rule
from antq.unit_kinds import UnitKind
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "KIND_ORDER",
    "CommuneResult",
    "CriterionTally",
    "EvaluatedUnit",
    "InputTally",
    "NearMiss",
    "Notice",
    "OutcomeCounts",
    "ProvinceEvaluation",
    "Scope",
    "Summary",
    "evaluate_province",
    "summarize",
]

#: The order of unit kinds in every listing.
KIND_ORDER: tuple[UnitKind, ...] = (
    UnitKind.COMMUNE,
    UnitKind.RESIDENTIAL_AREA,
    UnitKind.AGENCY,
    UnitKind.ENTERPRISE,
    UnitKind.EDUCATIONAL_INSTITUTION,
)
_KIND_RANK = {kind: rank for rank, kind in enumerate(KIND_ORDER)}


class Scope(CodedEnum):
    """What a summary covers."""

    PROVINCE = ("province", "tỉnh, thành phố", "province")
    COMMUNE = ("commune", "xã, phường, đặc khu", "commune")


@attrs.frozen(kw_only=True)
class OutcomeCounts:
    """How many verdicts came out as each outcome.

    >>> counts = OutcomeCounts(met=17, not_met=5, unknown=3, not_applicable=2)
    >>> counts.total, counts.in_scope, counts.met_share()
    (27, 25, Fraction(17, 25))
    """

    met: int = 0
    not_met: int = 0
    unknown: int = 0
    not_applicable: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[Outcome]) -> OutcomeCounts:
        tally = Counter(outcomes)
        return cls(
            met=tally[Outcome.MET],
            not_met=tally[Outcome.NOT_MET],
            unknown=tally[Outcome.UNKNOWN],
            not_applicable=tally[Outcome.NOT_APPLICABLE],
        )

    def __add__(self, other: OutcomeCounts) -> OutcomeCounts:
        return OutcomeCounts(
            met=self.met + other.met,
            not_met=self.not_met + other.not_met,
            unknown=self.unknown + other.unknown,
            not_applicable=self.not_applicable + other.not_applicable,
        )

    def count(self, outcome: Outcome) -> int:
        """The number of verdicts with ``outcome``."""
        return {
            Outcome.MET: self.met,
            Outcome.NOT_MET: self.not_met,
            Outcome.UNKNOWN: self.unknown,
            Outcome.NOT_APPLICABLE: self.not_applicable,
        }[outcome]

    @property
    def total(self) -> int:
        return self.met + self.not_met + self.unknown + self.not_applicable

    @property
    def in_scope(self) -> int:
        """The units the standard applies to: all but the NOT_APPLICABLE ones."""
        return self.total - self.not_applicable

    def share(self, outcome: Outcome) -> Fraction | None:
        """The share of ``outcome`` among all verdicts (None when there are none)."""
        return Fraction(self.count(outcome), self.total) if self.total else None

    def met_share(self) -> Fraction | None:
        """The share of MET among the units in scope (None when none is in scope)."""
        return Fraction(self.met, self.in_scope) if self.in_scope else None


@attrs.frozen(kw_only=True)
class CriterionTally:
    """A criterion and the number of units that did not meet it."""

    criterion_id: str
    title: Label
    kind: UnitKind
    count: int


@attrs.frozen(kw_only=True)
class InputTally:
    """An input (or ``parameter:NAME``) and the number of units missing it."""

    name: str
    count: int


def _gap(result: CriterionResult) -> int | None:
    gap = result.reason.params.get("gap")
    return gap if isinstance(gap, int) and not isinstance(gap, bool) else None


@attrs.frozen(kw_only=True)
class NearMiss:
    """A unit that is not met, with what it lacks.

    ``gap`` adds up the shortfalls of the failed criteria that have one
    ("1 more needed"); it is None when a failed criterion has no number to
    reach (a plan that was not made, say).
    """

    verdict: Verdict
    failed: tuple[CriterionResult, ...]
    gap: int | None
    unknown: int

    @classmethod
    def of(cls, verdict: Verdict) -> NearMiss:
        failed = verdict.with_outcome(Outcome.NOT_MET)
        gaps = [_gap(r) for r in failed]
        total = None if any(g is None for g in gaps) else sum(g for g in gaps if g is not None)
        return cls(
            verdict=verdict,
            failed=failed,
            gap=total,
            unknown=len(verdict.with_outcome(Outcome.UNKNOWN)),
        )

    def sort_key(self) -> tuple[int, bool, int, int, int, str]:
        """Fewest failed criteria, then a measurable gap, the smallest first, then fewest unknowns."""
        v = self.verdict
        return (
            len(self.failed),
            self.gap is None,
            self.gap or 0,
            self.unknown,
            _KIND_RANK[v.kind],
            v.unit_id,
        )

    def lacks(self, lang: Lang) -> str:
        """What the unit lacks: each failed criterion's title and reason."""
        return "; ".join(f"{r.title.render(lang)}: {r.reason.render(lang)}" for r in self.failed)


@attrs.frozen(kw_only=True)
class Summary:
    """Outcomes by unit kind, most failed criteria, most missing inputs, units closest to passing.

    ``periods`` gives, for each kind, the first to the last day of the
    assessment periods of its verdicts.
    """

    scope: Scope
    code: str | None
    name: str | None
    year: int
    by_kind: Mapping[UnitKind, OutcomeCounts]
    periods: Mapping[UnitKind, Period]
    most_failed: tuple[CriterionTally, ...]
    most_missing: tuple[InputTally, ...]
    closest: tuple[NearMiss, ...]

    @property
    def total(self) -> OutcomeCounts:
        """The counts of every kind together."""
        total = OutcomeCounts()
        for counts in self.by_kind.values():
            total = total + counts
        return total

    def counts(self, kind: UnitKind) -> OutcomeCounts:
        """The counts of one kind (all zero when there is none)."""
        return self.by_kind.get(kind, OutcomeCounts())

    @property
    def label(self) -> str:
        return self.name or self.code or "-"


def _cover(periods: list[Period]) -> Period:
    # Not Period.span: periods of one kind may leave gaps (schools' own years).
    return Period(start=min(p.start for p in periods), end=max(p.end for p in periods))


def summarize(
    verdicts: Iterable[Verdict],
    *,
    scope: Scope,
    year: int,
    code: str | None = None,
    name: str | None = None,
    top: int = 10,
    unreadable: Collection[tuple[UnitKind, str]] = frozenset(),
) -> Summary:
    """Summarise verdicts of one round; lists are cut to ``top`` entries.

    Criteria are ranked by how many units failed them, inputs by how many
    units missed them (ties by id), and units by :meth:`NearMiss.sort_key`.
    ``unreadable`` lists (kind, id) of units whose row could not be read:
    they count as unknown, but their inputs are not "missing", they are wrong.
    """
    outcomes: dict[UnitKind, list[Outcome]] = {}
    periods: dict[UnitKind, list[Period]] = {}
    failed: Counter[str] = Counter()
    titles: dict[str, tuple[Label, UnitKind]] = {}
    missing: Counter[str] = Counter()
    near: list[NearMiss] = []
    for verdict in verdicts:
        outcomes.setdefault(verdict.kind, []).append(verdict.outcome)
        periods.setdefault(verdict.kind, []).append(verdict.period)
        for result in verdict.with_outcome(Outcome.NOT_MET):
            failed[result.criterion_id] += 1
            titles.setdefault(result.criterion_id, (result.title, verdict.kind))
        if verdict.outcome is Outcome.UNKNOWN and (verdict.kind, verdict.unit_id) not in unreadable:
            missing.update(verdict.missing_inputs)
        if verdict.outcome is Outcome.NOT_MET:
            near.append(NearMiss.of(verdict))
    kinds = sorted(outcomes, key=_KIND_RANK.__getitem__)
    ranked = sorted(failed.items(), key=lambda item: (-item[1], item[0]))[:top]
    return Summary(
        scope=scope,
        code=code,
        name=name,
        year=year,
        by_kind=FrozenMap({k: OutcomeCounts.of(outcomes[k]) for k in kinds}),
        periods=FrozenMap({k: _cover(periods[k]) for k in kinds}),
        most_failed=tuple(
            CriterionTally(criterion_id=cid, title=titles[cid][0], kind=titles[cid][1], count=count)
            for cid, count in ranked
        ),
        most_missing=tuple(
            InputTally(name=n, count=c)
            for n, c in sorted(missing.items(), key=lambda item: (-item[1], item[0]))[:top]
        ),
        closest=tuple(sorted(near, key=NearMiss.sort_key)[:top]),
    )


@attrs.frozen(kw_only=True)
class Notice:
    """Something a reader of the results should know that is not an input error."""

    subject: str
    reason: Reason

    def render(self, lang: Lang) -> str:
        return f"{self.subject}: {self.reason.render(lang)}"


@attrs.frozen(kw_only=True)
class EvaluatedUnit:
    """A verdict with where the unit belongs: its commune (resolved) and province.

    ``unreadable`` marks a unit whose row had an error: its verdict is the
    UNKNOWN one of a unit about which nothing is known.
    """

    verdict: Verdict
    province: str | None
    unreadable: bool = False

    @property
    def commune(self) -> str | None:
        return self.verdict.commune


@attrs.frozen(kw_only=True)
class CommuneResult:
    """A commune of one round: its verdict, the roll-up and the units under it.

    ``verdict`` is None for a commune that units refer to but that is not in
    the input; ``counts`` is None when no roll-up was made. ``unreadable``
    are the ids of units under it whose rows had errors (counted as unknown).
    """

    commune_id: str
    name: str | None
    province: str | None
    year: int
    verdict: Verdict | None
    counts: UnitCounts | None
    units: tuple[Verdict, ...]
    unreadable: tuple[tuple[UnitKind, str], ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.commune_id

    def summary(self, *, top: int = 10) -> Summary:
        """The summary of the units under the commune (not the commune itself)."""
        return summarize(
            self.units,
            scope=Scope.COMMUNE,
            year=self.year,
            code=self.commune_id,
            name=self.name,
            top=top,
            unreadable=frozenset(self.unreadable),
        )


@attrs.frozen(kw_only=True)
class ProvinceEvaluation:
    """Everything :func:`evaluate_province` found, in a fixed order.

    ``units`` are sorted by round, province, commune, kind and id; ``communes``
    by round, province and code.
    """

    units: tuple[EvaluatedUnit, ...]
    communes: tuple[CommuneResult, ...]
    errors: tuple[InputError, ...]
    notices: tuple[Notice, ...]

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        return tuple(u.verdict for u in self.units)

    @property
    def failed(self) -> bool:
        """Whether any input error was found (the command line then exits with 3)."""
        return bool(self.errors)

    def years(self) -> tuple[int, ...]:
        """The rounds in the results, oldest first."""
        return tuple(sorted({u.verdict.year for u in self.units}))

    def provinces(self, year: int) -> tuple[str | None, ...]:
        """The provinces of round ``year`` (None for units with no province), in order."""
        found: dict[str | None, None] = {}
        for unit in self.units:
            if unit.verdict.year == year:
                found.setdefault(unit.province, None)
        return tuple(found)

    def communes_of(self, year: int, province: str | None) -> tuple[CommuneResult, ...]:
        return tuple(c for c in self.communes if c.year == year and c.province == province)

    def province_summary(self, year: int, province: str | None, *, top: int = 10) -> Summary:
        """The summary of every unit of a province in round ``year``, communes included."""
        chosen = [u for u in self.units if u.verdict.year == year and u.province == province]
        return summarize(
            (u.verdict for u in chosen),
            scope=Scope.PROVINCE,
            year=year,
            name=province,
            top=top,
            unreadable=frozenset(
                (u.verdict.kind, u.verdict.unit_id) for u in chosen if u.unreadable
            ),
        )


# --------------------------------------------------------------------------- evaluation


def _province_names(units: Iterable[UnitFacts]) -> dict[str, str]:
    """For each province key, the spelling of its province used most often.

    A name without its type ("Quảng Nam") is the province of the one typed name
    it fits ("Tỉnh Quảng Nam"). Ties go to the longest spelling (written out
    rather than abbreviated), then the smallest.
    """
    spellings: dict[str, Counter[str]] = {}
    for unit in units:
        if unit.province:
            spellings.setdefault(name_key(unit.province), Counter())[unit.province] += 1
    typed: dict[str, list[str]] = {}
    for key in spellings:
        if bare_key(key) != key:
            typed.setdefault(bare_key(key), []).append(key)
    group = {
        key: typed[key][0] if len(typed.get(key, ())) == 1 else key
        for key in spellings
        if bare_key(key) == key
    }
    merged: dict[str, Counter[str]] = {}
    for key, tally in spellings.items():
        merged.setdefault(group.get(key, key), Counter()).update(tally)
    chosen = {
        key: min(tally, key=lambda s: (-tally[s], -len(s), s)) for key, tally in merged.items()
    }
    return {key: chosen[group.get(key, key)] for key in spellings}


def _unit_error(unit: UnitFacts, error: AntqError) -> InputError:
    if isinstance(error, InputError):
        return error
    return InputError(unit.unit_id, unit.kind.code, str(error))


def _sort_key(unit: EvaluatedUnit) -> tuple[int, str, str, int, str]:
    v = unit.verdict
    commune = v.unit_id if v.kind is UnitKind.COMMUNE else (v.commune or "")
    return (v.year, unit.province or "", commune, _KIND_RANK[v.kind], v.unit_id)


_COUNTS_REPLACED = Msg(
    "its facts give {input} = {given}, but the roll-up of its {count} unit(s) in the input gives {computed}; the roll-up is used"
)
_NO_UNITS = Msg(
    "none of its units is in the input, so it is evaluated with the counts given in its own facts"
)
_UNDECIDED = Msg("an undecided value")
_UNREADABLE = Msg(
    "{count} unit(s) under it could not be read because of input errors; the roll-up counts them as units whose verdict is unknown"
)
_TAINTED = Msg(
    "a row naming this commune could not be read well enough to count it, so the counts of the roll-up are left unknown"
)
_LOST_SOURCE = Msg(
    "the input file {source} could not be read to its end and may hold units of this commune, so the counts of the roll-up are left unknown"
)
_UNPLACED = Msg(
    "unit {unit} names a commune that is not in the input ({reference}) and may belong here, so the counts of the roll-up are left unknown"
)


def _replaced_counts(facts: UnitFacts, rolled: UnitFacts, units: int) -> list[Notice]:
    notices = []
    for name, given in facts.values.items():
        computed = rolled.values.get(name)
        if name in _ROLLUP_INPUTS and given != computed:
            notices.append(
                Notice(
                    subject=facts.unit_id,
                    reason=Reason(
                        template=_COUNTS_REPLACED,
                        params={
                            "input": name,
                            "given": given if isinstance(given, int) else str(given),
                            "count": units,
                            "computed": computed if isinstance(computed, int) else _UNDECIDED,
                        },
                    ),
                )
            )
    return notices


def _rollup_input_names() -> frozenset[str]:
    from antq.safety.rollup import ROLLUP_RULES

    names: set[str] = set()
    for rule in ROLLUP_RULES.values():
        if rule.inputs is not None:
            names.update({rule.inputs.total.name, rule.inputs.recognised.name})
            if rule.inputs.registered is not None:
                names.add(rule.inputs.registered.name)
    return frozenset(names)


_ROLLUP_INPUTS = _rollup_input_names()


def _blank(unit: UnitFacts | UnitRef) -> UnitFacts:
    """A unit about which nothing is known but where it belongs (its verdict is UNKNOWN)."""
    if isinstance(unit, UnitFacts):
        return UnitFacts(
            unit_id=unit.unit_id,
            kind=unit.kind,
            year=unit.year,
            commune=unit.commune,
            province=unit.province,
            period=unit.period,
        )
    assert unit.unit_id is not None and unit.kind is not None and unit.year is not None
    return UnitFacts(
        unit_id=unit.unit_id,
        kind=unit.kind,
        year=unit.year,
        commune=unit.commune,
        province=unit.province,
    )


def _placeholders(
    unread: Iterable[UnitRef], indexes: Mapping[int, NameIndex]
) -> tuple[list[UnitFacts], dict[tuple[int, str], Reason]]:
    """Blank facts for unreadable units under a commune, and communes whose counts are unsure.

    A unit whose id, kind and round could be read becomes a unit about which
    nothing is known (its verdict is UNKNOWN), so that its commune's roll-up
    still counts it. When less could be read, the communes it may belong to
    are returned, and their roll-up counts are left unknown.
    """
    placeholders: list[UnitFacts] = []
    tainted: dict[tuple[int, str], Reason] = {}
    for ref in unread:
        if ref.commune is None or ref.kind is UnitKind.COMMUNE:
            continue
        if ref.complete:
            try:
                placeholders.append(_blank(ref))
                continue
            except InputError:
                pass
        years: list[int] = list(indexes) if ref.year is None else [ref.year]
        for year in years:
            if year not in indexes:
                continue
            try:
                codes = indexes[year].candidates(ref.commune)
            except InputError:
                continue
            for code in codes:
                tainted.setdefault((year, code), Reason(template=_TAINTED))
    return placeholders, tainted


def _in_province(
    communes: Iterable[UnitFacts], year: int, province: str | None
) -> list[tuple[int, str]]:
    """The communes of round ``year`` a unit of ``province`` may belong to (all, if unknown)."""
    same_round = [c for c in communes if c.year == year]
    if province is not None:
        key = name_key(province)
        inside = [c for c in same_round if c.province is None or name_key(c.province) == key]
        if inside:
            same_round = inside
    return [(year, c.unit_id) for c in same_round]


def _without_rollup(facts: UnitFacts, book: RuleBook) -> UnitFacts:
    """The commune's facts without the counts a roll-up would write (so they are unknown)."""
    rule_set = book.select(facts.kind, facts.year, period=facts.period)
    rule = rollup_rule(rule_set.instrument)
    if rule.inputs is None:
        return facts
    names = [rule.inputs.total.name, rule.inputs.recognised.name]
    if rule.inputs.registered is not None:
        names.append(rule.inputs.registered.name)
    return facts.with_values(**dict.fromkeys(names))


def _missing_communes(
    under: Mapping[tuple[int, str], list[Verdict]],
) -> dict[tuple[int, str], list[Verdict]]:
    """Units of communes not in the input, one group per commune however its name was spelt.

    A group is named by the spelling most of its units use (ties: the smallest).
    """
    spellings: dict[tuple[int, str], list[tuple[str, list[Verdict]]]] = {}
    for (year, reference), units in under.items():
        spellings.setdefault((year, name_key(reference) or reference), []).append(
            (reference, units)
        )
    groups: dict[tuple[int, str], list[Verdict]] = {}
    for (year, _), found in spellings.items():
        reference = min(found, key=lambda pair: (-len(pair[1]), pair[0]))[0]
        groups[(year, reference)] = [v for _, units in found for v in units]
    return groups


def evaluate_province(
    items: Iterable[UnitFacts | InputError], book: RuleBook | None = None
) -> ProvinceEvaluation:
    """Evaluate units, then communes from their units' verdicts (see the module docstring).

    ``items`` may hold input errors (as the readers of :mod:`antq.io.batch`
    yield them); they are kept in the result with the errors found here. The
    verdicts are held in memory, about 10 kB each: a province of 2,600 units
    takes some 30 MB (measured: ``antq report`` peaks at 54 MB for the example
    province, 300 MB for 26,000 units).
    """
    if book is None:
        from antq.safety import default_rulebook

        book = default_rulebook()
    errors: list[InputError] = []
    notices: list[Notice] = []
    communes: list[UnitFacts] = []
    others: list[UnitFacts] = []
    unread: list[UnitRef] = []
    lost_sources: list[str] = []
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
            if isinstance(item, SourceReadError):
                lost_sources.append(item.source)
            elif isinstance(item, UnitReadError) and item.unit is not None:
                unread.append(item.unit)
        elif item.kind is UnitKind.COMMUNE:
            communes.append(item)
        else:
            others.append(item)
    provinces = _province_names([*communes, *others])
    # Communes are found by code or name among those of the same round.
    indexes = {
        year: NameIndex.of((c.unit_id, c.name) for c in communes if c.year == year)
        for year in sorted({c.year for c in communes})
    }
    commune_province = {
        (c.year, c.unit_id): provinces[name_key(c.province)] if c.province else None
        for c in communes
    }

    placeholders, tainted = _placeholders(unread, indexes)
    if lost_sources:
        # A file lost in whole or in part may have held units of any commune.
        lost_file = Reason(template=_LOST_SOURCE, params={"source": lost_sources[0]})
        for commune in communes:
            tainted.setdefault((commune.year, commune.unit_id), lost_file)
    unreadable_keys = {(p.kind, p.unit_id, p.year) for p in placeholders}
    # Ids of the units that are not communes: a reference to one of them is not to a commune.
    not_communes = {(u.year, u.unit_id): u.kind for u in others}
    for commune in communes:
        if commune.commune is not None and commune.commune != commune.unit_id:
            # Units sit under a commune and communes under nothing: levels are fixed by
            # kind, so no chain of references can loop back on itself.
            errors.append(
                InputError(
                    f"{commune.unit_id}.commune",
                    commune.commune,
                    "a commune is not under another unit; leave commune out or give its own id",
                )
            )
    evaluated: list[EvaluatedUnit] = []
    under: dict[tuple[int, str], list[Verdict]] = {}
    for unit in [*others, *placeholders]:
        facts = unit
        placeholder = (unit.kind, unit.unit_id, unit.year) in unreadable_keys
        if unit.commune is not None:
            path = f"{unit.unit_id}.commune"
            if (unit.year, unit.commune) in not_communes and unit.year not in indexes:
                kind = not_communes[(unit.year, unit.commune)]
                errors.append(InputError(path, unit.commune, f"names a {kind.code}, not a commune"))
            elif unit.year in indexes:
                try:
                    code = indexes[unit.year].find(unit.commune, path=path)
                except InputError as error:
                    errors.append(error)
                    code = None
                else:
                    if code is None:
                        # A misspelt commune would drop the unit from its real commune's
                        # counts: no roll-up of the round in its province can be trusted.
                        if not placeholder:
                            errors.append(
                                InputError(
                                    path,
                                    unit.commune,
                                    f"no commune of round {unit.year} in the input has this code or name",
                                )
                            )
                        reason = Reason(
                            template=_UNPLACED,
                            params={"unit": unit.unit_id, "reference": unit.commune},
                        )
                        for key in _in_province(communes, unit.year, unit.province):
                            tainted.setdefault(key, reason)
                if code is not None and code != unit.commune:
                    facts = attrs.evolve(unit, commune=code)
        try:
            verdict = evaluate(facts, book)
        except AntqError as error:
            errors.append(_unit_error(unit, error))
            # Counted as a unit whose verdict is unknown, so that the error cannot
            # make its commune look better than it is.
            try:
                verdict = evaluate(_blank(facts), book)
            except AntqError:
                if facts.commune is not None:
                    tainted.setdefault((unit.year, facts.commune), Reason(template=_TAINTED))
                continue
            unreadable_keys.add((unit.kind, unit.unit_id, unit.year))
        province = provinces[name_key(unit.province)] if unit.province else None
        if facts.commune is not None:
            under.setdefault((unit.year, facts.commune), []).append(verdict)
            province = province or commune_province.get((unit.year, facts.commune))
        unreadable = (unit.kind, unit.unit_id, unit.year) in unreadable_keys
        evaluated.append(EvaluatedUnit(verdict=verdict, province=province, unreadable=unreadable))

    results: list[CommuneResult] = []
    for commune in communes:
        key = (commune.year, commune.unit_id)
        units = under.pop(key, [])
        province = commune_province[key]
        counts: UnitCounts | None = None
        try:
            if units:
                try:
                    rollup = evaluate_commune(commune, units, book)
                except InputError as error:
                    errors.append(
                        InputError(f"{commune.unit_id}.{error.path}", error.value, error.message)
                    )
                    verdict = evaluate(_without_rollup(commune, book), book)
                else:
                    verdict, counts = rollup.verdict, rollup.counts
                    notices += _replaced_counts(commune, rollup.facts, len(units))
                    if key in tainted:
                        # A unit of this commune may be lost in a bad row: no count is sure.
                        notices.append(Notice(subject=commune.unit_id, reason=tainted[key]))
                        verdict = evaluate(_without_rollup(rollup.facts, book), book)
            elif lost_sources:
                # Its units may all be in the lost file: its own counts cannot stand for them.
                notices.append(Notice(subject=commune.unit_id, reason=tainted[key]))
                verdict = evaluate(_without_rollup(commune, book), book)
            else:
                notices.append(Notice(subject=commune.unit_id, reason=Reason(template=_NO_UNITS)))
                verdict = evaluate(commune, book)
        except AntqError as error:
            errors.append(_unit_error(commune, error))
            continue
        evaluated.append(EvaluatedUnit(verdict=verdict, province=province))
        lost = tuple(
            sorted(
                (v.kind, v.unit_id) for v in units if (v.kind, v.unit_id, v.year) in unreadable_keys
            )
        )
        if lost:
            notices.append(
                Notice(
                    subject=commune.unit_id,
                    reason=Reason(template=_UNREADABLE, params={"count": len(lost)}),
                )
            )
        results.append(
            CommuneResult(
                commune_id=commune.unit_id,
                name=commune.name,
                province=province,
                year=commune.year,
                verdict=verdict,
                counts=counts,
                units=tuple(sorted(units, key=lambda v: (_KIND_RANK[v.kind], v.unit_id))),
                unreadable=lost,
            )
        )
    by_unit = {(u.verdict.year, u.verdict.unit_id, u.verdict.kind): u for u in evaluated}
    for (year, code), units in _missing_communes(under).items():
        # Units of a commune that is not in the input: grouped, with no commune verdict.
        first = by_unit[(year, units[0].unit_id, units[0].kind)]
        results.append(
            CommuneResult(
                commune_id=code,
                name=None,
                province=first.province,
                year=year,
                verdict=None,
                counts=None,
                units=tuple(sorted(units, key=lambda v: (_KIND_RANK[v.kind], v.unit_id))),
            )
        )
    return ProvinceEvaluation(
        units=tuple(sorted(evaluated, key=_sort_key)),
        communes=tuple(sorted(results, key=lambda c: (c.year, c.province or "", c.commune_id))),
        errors=tuple(errors),
        notices=tuple(sorted(notices, key=lambda n: n.subject)),
    )
