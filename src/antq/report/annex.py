"""The annex of a report: every unit not met or unknown, grouped by commune, with its reasons.

A province sends this list back to its communes: for each unit that did not
meet the standard, or whose verdict could not be decided, the criteria it
failed or could not be decided on, with the reason, the provision cited and
the information that was missing.

:func:`build_annex` is given the units of one round and keeps only those whose
verdict is NOT_MET or UNKNOWN, so a caller that holds only those (a round that
keeps counters for the rest) gives the same annex.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import overload

import attrs

from antq.core.outcome import Outcome
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import CriterionResult, Verdict
from antq.safety.hierarchy import KIND_ORDER

__all__ = [
    "ANNEX_OUTCOMES",
    "Annex",
    "AnnexCommune",
    "AnnexUnit",
    "annex_commune",
    "annex_figures",
    "annex_order",
    "build_annex",
]

#: The verdicts listed in the annex.
ANNEX_OUTCOMES: frozenset[Outcome] = frozenset({Outcome.NOT_MET, Outcome.UNKNOWN})


@attrs.frozen(kw_only=True)
class AnnexUnit:
    """A unit not met or unknown, with the criteria it failed or that could not be decided."""

    verdict: Verdict
    #: The NOT_MET and UNKNOWN criterion results (eligibility first), in criterion order.
    failing: tuple[CriterionResult, ...]

    @classmethod
    def of(cls, verdict: Verdict) -> AnnexUnit:
        return cls(
            verdict=verdict,
            failing=tuple(r for r in verdict.all_results() if r.outcome in ANNEX_OUTCOMES),
        )


@attrs.frozen(kw_only=True)
class AnnexCommune:
    """The units of one commune in the annex (``commune_id`` None: units with no commune).

    A commune's own verdict, when it is not met, is listed first among its units.
    """

    province: str | None
    commune_id: str | None
    name: str | None
    units: tuple[AnnexUnit, ...]

    @property
    def label(self) -> str:
        return self.name or self.commune_id or "-"


def _kind_rank(kind: UnitKind) -> int:

    return KIND_ORDER.index(kind)


def annex_commune(
    province: str | None,
    commune: str | None,
    verdicts: Iterable[Verdict],
    names: Mapping[str, str],
) -> AnnexCommune:
    """The annex's entry for ``commune`` of ``province``: its ``verdicts`` by kind and id."""
    listed = sorted(verdicts, key=lambda v: (_kind_rank(v.kind), v.unit_id))
    return AnnexCommune(
        province=province,
        commune_id=commune,
        name=None if commune is None else names.get(commune),
        units=tuple(AnnexUnit.of(v) for v in listed),
    )


def annex_order(
    keys: Iterable[tuple[str | None, str | None]], provinces: Mapping[str | None, int]
) -> list[tuple[str | None, str | None]]:
    """The (province, commune) keys of an annex in its order (``provinces``: their ranks)."""
    return sorted(keys, key=lambda key: (provinces[key[0]], key[1] is None, key[1] or ""))


def build_annex(
    units: Iterable[tuple[str | None, Verdict]],
    *,
    names: Mapping[str, str] | None = None,
    provinces: Iterable[str | None] = (),
) -> tuple[AnnexCommune, ...]:
    """The annex of the units ``(province, verdict)`` whose verdict is NOT_MET or UNKNOWN.

    Units are grouped by province, in the order of ``provinces`` (then the
    order first seen), and by commune (a commune's own verdict joins its
    units); communes are in the order of their ids, units by kind and id.
    ``names`` gives the communes' names by id.
    """
    names = names or {}
    groups: dict[tuple[str | None, str | None], list[Verdict]] = {}
    order: dict[str | None, int] = {p: i for i, p in enumerate(provinces)}
    for province, verdict in units:
        if verdict.outcome not in ANNEX_OUTCOMES:
            continue
        commune = verdict.unit_id if verdict.kind is UnitKind.COMMUNE else verdict.commune
        order.setdefault(province, len(order))
        groups.setdefault((province, commune), []).append(verdict)
    return tuple(
        annex_commune(province, commune, groups[(province, commune)], names)
        for province, commune in annex_order(groups, order)
    )


@attrs.frozen(eq=False)
class Annex(Sequence[AnnexCommune]):
    """An annex made again, a commune at a time, each time it is read (never whole in memory).

    What :meth:`antq.report.CollectedRound.annex` gives: the units stay where
    the collector kept them (on disk, past its memory budget). It reads as the
    tuple :func:`build_annex` gives, and equals it; ``unit_count`` and
    ``provinces`` are known without reading it.
    """

    #: How many units it lists.
    unit_count: int
    #: The provinces of its communes.
    provinces: frozenset[str | None]
    #: How many communes it lists.
    commune_count: int
    make: Callable[[], Iterator[AnnexCommune]] = attrs.field(repr=False)

    def __iter__(self) -> Iterator[AnnexCommune]:
        return self.make()

    def __len__(self) -> int:
        return self.commune_count

    @overload
    def __getitem__(self, index: int) -> AnnexCommune: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[AnnexCommune, ...]: ...

    def __getitem__(self, index: int | slice) -> AnnexCommune | tuple[AnnexCommune, ...]:
        return tuple(self)[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (Annex, tuple)):
            return NotImplemented
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))


def annex_figures(annex: Sequence[AnnexCommune]) -> tuple[int, frozenset[str | None]]:
    """How many units ``annex`` lists and the provinces of its communes."""
    if isinstance(annex, Annex):
        return annex.unit_count, annex.provinces
    return sum(len(group.units) for group in annex), frozenset(g.province for g in annex)
