"""The results of a round and their summaries: counts by kind, criteria most failed, near misses.

:func:`antq.evaluate_round` (:mod:`antq.safety.round`) evaluates a round,
units first and then each commune from its units, and returns a
:class:`RoundResult` of the types here. :func:`summarize` counts the outcomes
by unit kind, the criteria most often not met, the inputs most often missing
and the units closest to passing, always in the same order for the same
verdicts.

``evaluate_province`` and ``ProvinceEvaluation`` are the former names of
:func:`antq.evaluate_round` and :class:`RoundResult` (deprecated).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from fractions import Fraction

import attrs

from antq.core.facts import UnitFacts
from antq.core.frozen import FrozenMap
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.reasons import Reason
from antq.core.ruleset import RuleBook
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import CriterionResult, Verdict
from antq.errors import InputError
from antq.i18n.catalog import Label
from antq.safety.rollup import UnitCounts
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
    "Tallies",
    "evaluate_province",
    "summarize",
    "summary_of",
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

    @classmethod
    def of_counter(cls, tally: Mapping[Outcome, int]) -> OutcomeCounts:
        return cls(
            met=tally.get(Outcome.MET, 0),
            not_met=tally.get(Outcome.NOT_MET, 0),
            unknown=tally.get(Outcome.UNKNOWN, 0),
            not_applicable=tally.get(Outcome.NOT_APPLICABLE, 0),
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
    tallies = Tallies(
        by_kind={k: OutcomeCounts.of(v) for k, v in outcomes.items()},
        periods={k: _cover(v) for k, v in periods.items()},
        failed=failed,
        titles=titles,
        missing=missing,
        near=near,
    )
    return summary_of(tallies, scope=scope, year=year, code=code, name=name, top=top)


@attrs.frozen(kw_only=True)
class Tallies:
    """What a summary counts of its units, before it is ranked and cut.

    ``failed`` counts the units that failed each criterion (``titles`` names it,
    and the kind of its first unit), ``missing`` those that missed each input,
    and ``near`` are the units not met.
    """

    by_kind: Mapping[UnitKind, OutcomeCounts]
    periods: Mapping[UnitKind, Period]
    failed: Mapping[str, int]
    titles: Mapping[str, tuple[Label, UnitKind]]
    missing: Mapping[str, int]
    near: Iterable[NearMiss]


def summary_of(
    tallies: Tallies, *, scope: Scope, year: int, code: str | None, name: str | None, top: int
) -> Summary:
    """The summary of ``tallies``, ranked and cut to ``top`` as :func:`summarize` says."""
    kinds = sorted(tallies.by_kind, key=_KIND_RANK.__getitem__)
    titles = tallies.titles
    return Summary(
        scope=scope,
        code=code,
        name=name,
        year=year,
        by_kind=FrozenMap({k: tallies.by_kind[k] for k in kinds}),
        periods=FrozenMap({k: tallies.periods[k] for k in kinds}),
        most_failed=tuple(
            CriterionTally(criterion_id=cid, title=titles[cid][0], kind=titles[cid][1], count=count)
            for cid, count in _ranked(tallies.failed, top)
        ),
        most_missing=tuple(InputTally(name=n, count=c) for n, c in _ranked(tallies.missing, top)),
        closest=tuple(sorted(tallies.near, key=NearMiss.sort_key)[:top]),
    )


def _ranked(counts: Mapping[str, int], top: int) -> list[tuple[str, int]]:
    """The ``top`` most counted, ties by name."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]


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
class RoundResult:
    """Everything :func:`antq.evaluate_round` found, in a fixed order.

    ``units`` are sorted by round, province, commune, kind and id (empty when
    the round was evaluated with ``keep_units=False``); ``communes`` by round,
    province and code. ``tally`` counts the outcomes of every verdict, units
    and communes, however the round was evaluated.
    """

    units: tuple[EvaluatedUnit, ...]
    communes: tuple[CommuneResult, ...]
    errors: tuple[InputError, ...]
    notices: tuple[Notice, ...]
    tally: OutcomeCounts = OutcomeCounts()

    @property
    def lost(self) -> bool:
        """Whether some unit could not be read, placed or evaluated (an input error)."""
        return bool(self.errors)

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


#: The former name of :class:`RoundResult` (deprecated; kept for one release).
ProvinceEvaluation = RoundResult


def evaluate_province(
    items: Iterable[UnitFacts | InputError], book: RuleBook | None = None
) -> RoundResult:
    """Deprecated: use :func:`antq.evaluate_round`, which this calls."""
    # Imported here: the round module builds on this module's result types.
    from antq.safety.round import evaluate_round

    return evaluate_round(items, book)
