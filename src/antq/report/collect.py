"""What a report reads of a round, collected while the round streams: :class:`ReportCollector`.

A report needs, for each province and commune, the outcomes by unit kind and
their periods, the criteria most often not met, the inputs most often missing
and the few units closest to passing; and, for its annex, every unit not met
or unknown with its failing criteria. :func:`antq.report.build_report` can
read all that from every verdict of a round (a :class:`antq.RoundResult`
kept with ``keep_units=True``); a :class:`ReportCollector` keeps it while the
round streams instead:

* counters for each (round, province as written, commune named) of the input,
  a few thousand for a national round, whatever its number of units;
* the ``top`` units closest to passing of each of those;
* the verdicts of the units not met or unknown, the annex's rows, with their
  failing results built (their reasons are what the annex prints): in memory
  up to ``antq._spill.MEMORY_BUDGET``, then on disk (``antq.report._annex_store``),
  so that the memory of a report does not grow with its round;
* nothing of a unit that met the standard but its outcome, kind and period,
  and no reason of it is ever built.

:meth:`ReportCollector.evaluate` evaluates a round with it and returns a
:class:`CollectedRound`, which :func:`~antq.report.build_report` takes in place
of a :class:`~antq.RoundResult` and makes the same report from.
"""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date

import attrs

from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import Verdict
from antq.errors import InputError
from antq.i18n.catalog import Label
from antq.report._annex_store import AnnexStore
from antq.report.annex import Annex, AnnexCommune, annex_commune, annex_order
from antq.safety.hierarchy import (
    KIND_ORDER,
    CommuneResult,
    NearMiss,
    Notice,
    OutcomeCounts,
    RoundResult,
    Scope,
    Summary,
    Tallies,
    summary_of,
)
from antq.safety.round import Decider, OnVerdict, Placement, Round

__all__ = ["CollectedRound", "ReportCollector"]

_KIND_RANK = {kind: rank for rank, kind in enumerate(KIND_ORDER)}
_MET, _NOT_MET, _UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
_ANNEX = (Outcome.NOT_MET, Outcome.UNKNOWN)

# A unit's place in its part: its kind's rank and its id (the order of every listing).
_Rank = tuple[int, str]


class _Part:
    """The units of one (round, province as written, commune named) of the input, counted."""

    __slots__ = (
        "annexed",
        "failed",
        "missing",
        "near",
        "number",
        "outcomes",
        "periods",
        "province",
        "rules",
        "sample",
        "titles",
    )

    def __init__(self, number: int, sample: Verdict, province: str | None) -> None:
        # Its verdicts in the annex's store are kept under this number.
        self.number = number
        # Any unit of the part places them all (see antq.safety.round.UnitCollector).
        self.sample = sample
        self.province = province
        self.outcomes: dict[UnitKind, Counter[Outcome]] = {}
        self.periods: dict[UnitKind, tuple[date, date]] = {}
        self.failed: Counter[str] = Counter()
        # The title of each failed criterion as the first unit in listing order gives it.
        self.titles: dict[str, tuple[_Rank, Label, UnitKind]] = {}
        self.missing: Counter[str] = Counter()
        self.near: list[NearMiss] = []
        # How many of its units the annex lists.
        self.annexed = 0
        # (rule set, instrument) of its units.
        self.rules: set[tuple[str, str]] = set()


@attrs.define
class _Placed:
    """A part once the round has placed it: its province and the commune it counts under."""

    part: _Part
    year: int
    province: str | None
    # The commune whose summary it joins (None: a commune's own verdict, or no commune).
    group: tuple[int, str] | None
    # Where its units sort in a province's listing: their commune (a commune: its id).
    commune_key: str
    commune_code: str | None


class ReportCollector:
    """Collects what a report reads of a round while the round streams (see the module).

    ``top`` is the length of the report's lists (``build_report``'s ``top``).
    Give it to :meth:`antq.Round.evaluate` as ``collector``, or call
    :meth:`evaluate`.
    """

    def __init__(self, *, top: int = 10) -> None:
        self.top = top
        self._parts: dict[tuple[int, str | None, str | None, bool], _Part] = {}
        self._place: Placement | None = None
        self._annex = AnnexStore()
        self.units = 0

    def evaluate(
        self,
        round_: Round,
        *,
        on_verdict: OnVerdict | None = None,
        decider: Decider | None = None,
    ) -> CollectedRound:
        """Evaluate ``round_`` keeping no unit's verdict but what a report reads.

        ``decider`` is passed on to :meth:`antq.Round.evaluate`.
        """
        result = round_.evaluate(
            on_verdict=on_verdict,
            keep_units=False,
            keep_communes=True,
            collector=self,
            decider=decider,
        )
        return self.collected(result)

    def unit(self, verdict: Verdict, province: str | None, unreadable: bool) -> None:
        """Count one unit's verdict (see :class:`antq.safety.round.UnitCollector`)."""
        self.units += 1
        commune = verdict.kind is UnitKind.COMMUNE
        key = (verdict.year, province, verdict.unit_id if commune else verdict.commune, commune)
        part = self._parts.get(key)
        if part is None:
            # What places a part is the verdict's identity: none of its results, none of its facts.
            sample = attrs.evolve(verdict, eligibility=(), results=(), notices=())
            part = self._parts[key] = _Part(len(self._parts), sample, province)
        kind = verdict.kind
        outcome = verdict.outcome
        counts = part.outcomes.get(kind)
        if counts is None:
            counts = part.outcomes[kind] = Counter()
        counts[outcome] += 1
        rules = (verdict.rule_set, verdict.instrument)
        if rules not in part.rules:
            part.rules.add(rules)
        period = verdict.period
        seen = part.periods.get(kind)
        if seen is None:
            part.periods[kind] = (period.start, period.end)
        elif period.start < seen[0] or period.end > seen[1]:
            part.periods[kind] = (min(seen[0], period.start), max(seen[1], period.end))
        if outcome is _MET:
            return  # no criterion of a unit that met the standard failed or lacked anything
        rank = (_KIND_RANK[kind], verdict.unit_id)
        titles = part.titles
        # Only the results that failed or lack something are read (counted, the annex, a
        # near miss): only they are built, and the verdict keeps only them.
        eligibility, results = verdict.results_with(_ANNEX)
        for result in (*eligibility, *results):
            if result.outcome is _NOT_MET:
                criterion = result.criterion_id
                part.failed[criterion] += 1
                known = titles.get(criterion)
                if known is None or rank < known[0]:
                    titles[criterion] = (rank, result.title, kind)
        verdict = attrs.evolve(verdict, eligibility=eligibility, results=results)
        if outcome is _UNKNOWN and not unreadable:
            # Only an UNKNOWN result misses inputs.
            part.missing.update(verdict.missing_inputs)
        if outcome not in _ANNEX:
            return
        part.annexed += 1
        self._annex.add(part.number, verdict)
        if outcome is _NOT_MET:
            # The part's ``top`` closest so far, in order: no other is ever read.
            near, miss = part.near, NearMiss.of(verdict)
            full = len(near) >= self.top
            if not full or miss.sort_key() < near[-1].sort_key():
                if full:
                    near.pop()
                # A near miss reads its unit's identity and failed criteria only.
                slim = attrs.evolve(verdict, eligibility=(), results=miss.failed, notices=())
                insort(near, attrs.evolve(miss, verdict=slim), key=NearMiss.sort_key)

    def placed(self, place: Placement) -> None:
        """Keep the round's placement of units (see :class:`antq.safety.round.UnitCollector`)."""
        self._place = place

    def collected(self, result: RoundResult) -> CollectedRound:
        """What was collected, placed as the round placed its units; ``result`` is the round's."""
        place = self._place
        if place is None:
            raise RuntimeError("the round has not finished: collect with ReportCollector.evaluate")
        placed = []
        for part in self._parts.values():
            verdict, province, group = place(part.sample, part.province)
            commune = verdict.kind is UnitKind.COMMUNE
            code = verdict.unit_id if commune else verdict.commune
            placed.append(
                _Placed(
                    part=part,
                    year=verdict.year,
                    province=province,
                    group=group,
                    commune_key=code or "",
                    commune_code=code,
                )
            )
        return CollectedRound(
            result=result,
            parts=tuple(placed),
            place=place,
            top=self.top,
            units=self.units,
            stored=self._annex,
        )


def _placed_verdict(verdict: Verdict, code: str | None) -> Verdict:
    """The verdict naming its commune by the code the round placed it under."""
    if verdict.kind is UnitKind.COMMUNE or verdict.commune == code:
        return verdict
    return attrs.evolve(verdict, commune=code)


@attrs.frozen(kw_only=True)
class CollectedRound:
    """A round evaluated with a :class:`ReportCollector`: what a report reads of it.

    ``result`` is the round's own result (communes, errors, notices; no unit
    verdicts). The methods give what :class:`antq.RoundResult` gives a report.
    """

    result: RoundResult
    parts: tuple[_Placed, ...] = attrs.field(repr=False)
    place: Placement = attrs.field(repr=False)
    top: int = 10
    #: How many units and communes were evaluated (unreadable ones included).
    units: int = 0
    # The verdicts of the annex, by part.
    stored: AnnexStore = attrs.field(factory=AnnexStore, repr=False)

    @property
    def errors(self) -> tuple[InputError, ...]:
        return self.result.errors

    @property
    def notices(self) -> tuple[Notice, ...]:
        return self.result.notices

    def years(self) -> tuple[int, ...]:
        """The rounds in the results, oldest first."""
        return tuple(sorted({p.year for p in self.parts}))

    def provinces(self, year: int) -> tuple[str | None, ...]:
        """The provinces of round ``year`` (None for units with no province), in order."""
        found = {p.province for p in self.parts if p.year == year}
        return tuple(sorted(found, key=lambda p: p or ""))

    def communes_of(self, year: int, province: str | None) -> tuple[CommuneResult, ...]:
        return self.result.communes_of(year, province)

    def _of_year(self, year: int) -> Iterator[_Placed]:
        return (p for p in self.parts if p.year == year)

    def province_summary(self, year: int, province: str | None, *, top: int = 10) -> Summary:
        """The summary of every unit of a province in round ``year``, communes included."""
        chosen = [p for p in self._of_year(year) if p.province == province]
        return self._summary(chosen, Scope.PROVINCE, year, None, province, top, by_commune=True)

    def commune_summary(self, commune: CommuneResult, *, top: int = 10) -> Summary:
        """The summary of the units under ``commune`` (not the commune itself)."""
        key = (commune.year, commune.commune_id)
        chosen = [p for p in self.parts if p.group == key]
        return self._summary(
            chosen,
            Scope.COMMUNE,
            commune.year,
            commune.commune_id,
            commune.name,
            top,
            by_commune=False,
        )

    def _summary(
        self,
        chosen: list[_Placed],
        scope: Scope,
        year: int,
        code: str | None,
        name: str | None,
        top: int,
        *,
        by_commune: bool,
    ) -> Summary:
        if top > self.top:
            raise ValueError(f"collected the top {self.top} units only, not {top}")
        outcomes: dict[UnitKind, Counter[Outcome]] = {}
        periods: dict[UnitKind, tuple[date, date]] = {}
        failed: Counter[str] = Counter()
        titles: dict[str, tuple[tuple[str, int, str], Label, UnitKind]] = {}
        missing: Counter[str] = Counter()
        near: list[NearMiss] = []
        for placed in chosen:
            part = placed.part
            for kind, counts in part.outcomes.items():
                outcomes.setdefault(kind, Counter()).update(counts)
            for kind, (start, end) in part.periods.items():
                seen = periods.get(kind)
                periods[kind] = (
                    (start, end) if seen is None else (min(seen[0], start), max(seen[1], end))
                )
            failed.update(part.failed)
            # A province lists its units by commune first, a commune by kind and id.
            prefix = placed.commune_key if by_commune else ""
            for criterion, (rank, title, kind) in part.titles.items():
                ordered = (prefix, *rank)
                known = titles.get(criterion)
                if known is None or ordered < known[0]:
                    titles[criterion] = (ordered, title, kind)
            missing.update(part.missing)
            near += (
                attrs.evolve(m, verdict=_placed_verdict(m.verdict, placed.commune_code))
                for m in part.near
            )
        tallies = Tallies(
            by_kind={k: OutcomeCounts.of_counter(v) for k, v in outcomes.items()},
            periods={k: Period(start=start, end=end) for k, (start, end) in periods.items()},
            failed=failed,
            titles={cid: (title, kind) for cid, (_, title, kind) in titles.items()},
            missing=missing,
            near=near,
        )
        return summary_of(tallies, scope=scope, year=year, code=code, name=name, top=top)

    def other_rounds(self, year: int) -> dict[int, int]:
        """How many units of each other round are in the input."""
        found: dict[int, int] = {}
        for placed in self.parts:
            if placed.year != year:
                count = sum(sum(c.values()) for c in placed.part.outcomes.values())
                found[placed.year] = found.get(placed.year, 0) + count
        return found

    def rule_sets(self, year: int) -> tuple[set[str], set[str]]:
        """The rule sets and instruments applied to the units of round ``year``."""
        rule_sets: set[str] = set()
        instruments: set[str] = set()
        for placed in self._of_year(year):
            for rule_set, instrument in placed.part.rules:
                rule_sets.add(rule_set)
                instruments.add(instrument)
        return rule_sets, instruments

    def _placed_annex(self, placed: _Placed) -> Iterator[Verdict]:
        code = placed.commune_code
        return (_placed_verdict(v, code) for v in self.stored.verdicts(placed.part.number))

    def annex_units(self, year: int) -> Iterable[tuple[str | None, Verdict]]:
        """The units of round ``year`` not met or unknown, with their provinces, in listing order."""
        found = [
            (placed.province, verdict, placed.commune_key)
            for placed in self._of_year(year)
            for verdict in self._placed_annex(placed)
        ]
        found.sort(key=lambda u: (u[0] or "", u[2], _KIND_RANK[u[1].kind], u[1].unit_id))
        return [(province, verdict) for province, verdict, _ in found]

    def annex(
        self, year: int, *, names: Mapping[str, str], provinces: Iterable[str | None]
    ) -> Annex:
        """The annex of round ``year``, as :func:`~antq.report.annex.build_annex` makes it
        from :meth:`annex_units`, read from where the units were kept a commune at a time."""
        groups: dict[tuple[str | None, str | None], list[_Placed]] = {}
        order: dict[str | None, int] = {p: i for i, p in enumerate(provinces)}
        listed = sorted(
            (p for p in self._of_year(year) if p.part.annexed),
            key=lambda p: (p.province or "", p.commune_key),
        )
        for placed in listed:
            order.setdefault(placed.province, len(order))
        # A group's parts in the order they were collected, as annex_units gives them.
        for placed in self._of_year(year):
            if placed.part.annexed:
                groups.setdefault((placed.province, placed.commune_code), []).append(placed)
        keys = annex_order(groups, order)

        def communes() -> Iterator[AnnexCommune]:
            for province, commune in keys:
                verdicts = [
                    v for placed in groups[(province, commune)] for v in self._placed_annex(placed)
                ]
                yield annex_commune(province, commune, verdicts, names)

        return Annex(
            unit_count=sum(p.part.annexed for p in listed),
            provinces=frozenset(province for province, _ in keys),
            commune_count=len(keys),
            make=communes,
        )
