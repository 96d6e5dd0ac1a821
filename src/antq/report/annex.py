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

from collections.abc import Iterable, Mapping

import attrs

from antq.core.outcome import Outcome
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import CriterionResult, Verdict
from antq.safety.hierarchy import KIND_ORDER

__all__ = ["ANNEX_OUTCOMES", "AnnexCommune", "AnnexUnit", "build_annex"]

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
    groups: dict[tuple[str | None, str | None], list[AnnexUnit]] = {}
    order: dict[str | None, int] = {p: i for i, p in enumerate(provinces)}
    for province, verdict in units:
        if verdict.outcome not in ANNEX_OUTCOMES:
            continue
        commune = verdict.unit_id if verdict.kind is UnitKind.COMMUNE else verdict.commune
        order.setdefault(province, len(order))
        groups.setdefault((province, commune), []).append(AnnexUnit.of(verdict))
    found = []
    for province, commune in sorted(
        groups, key=lambda key: (order[key[0]], key[1] is None, key[1] or "")
    ):
        listed = sorted(
            groups[(province, commune)],
            key=lambda u: (_kind_rank(u.verdict.kind), u.verdict.unit_id),
        )
        found.append(
            AnnexCommune(
                province=province,
                commune_id=commune,
                name=None if commune is None else names.get(commune),
                units=tuple(listed),
            )
        )
    return tuple(found)
