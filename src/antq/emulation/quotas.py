"""Quotas: picking recipients under a cap, deterministically, and saying who missed out and why.

A :class:`Cap` is a count or a percentage of a base number, with an explicit
:class:`Rounding`. The percentage is computed exactly in integers, never with
floats: with ``FLOOR`` a cap of 20 percent of 12 is the largest whole ``n``
with ``100 * n <= 20 * 12``, that is 2.

:func:`select` ranks the candidates and gives the places to the first ones.
The order is **documented and total**, so the result does not depend on the
order of the input:

1. higher score first;
2. then higher ``priority`` (a number the caller supplies, default 0: a
   province's own rule, seniority, anything the law leaves open);
3. then the candidate ``id``, in ascending code-point order.

Each candidate gets a :class:`Placement` saying whether it is SELECTED,
NOT_SELECTED or UNDECIDED, its rank, and for those left out how many points
they are behind the candidate ranked last within the cap (0 when they lost on
a tie-break, which the placement names).

A candidate whose score is unknown (None) is never ranked as if it had a
score. With :attr:`MissingScore.UNKNOWN` (the default), it might belong
anywhere, so it and the ranked candidates it could displace are UNDECIDED; a
ranked candidate is SELECTED only if it stays within the cap even with every
unknown candidate ahead of it. With :attr:`MissingScore.LOWEST`, a missing score
ranks below every known score (use it when the score is only a tie-break).

>>> cap = Cap(percent=20, base=12)
>>> cap.resolve(candidates=5)
2
>>> result = select([Candidate(id="A", score=90), Candidate(id="B", score=95),
...                  Candidate(id="C", score=90, priority=1)], Cap(count=2))
>>> [p.candidate.id for p in result.recipients]
['B', 'C']
>>> result.placement("A").behind, result.placement("A").lost_on
(Fraction(0, 1), 'priority')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar

import attrs

from antq._serialise import JsonRoundTrip, json_form
from antq.core.frozen import FrozenMap
from antq.core.reasons import Param, Reason
from antq.emulation.sheets import points_text, points_to_json, shown
from antq.errors import InputError
from antq.i18n import formatting
from antq.i18n.catalog import Msg, Text
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "Candidate",
    "Cap",
    "MissingScore",
    "Placement",
    "PlacementStatus",
    "Rounding",
    "Selection",
    "apply_percent",
    "candidates_from_scores",
    "select",
]

_SELECTED = Msg("rank {rank}: within the {cap} place(s)")
_NOT_SELECTED = Msg("rank {rank}: outside the {cap} place(s), {behind} points behind rank {cap}")
_TIED_PRIORITY = Msg(
    "rank {rank}: outside the {cap} place(s), tied on points with rank {cap} but lower in priority"
)
_TIED_ID = Msg(
    "rank {rank}: outside the {cap} place(s), tied on points and priority with rank {cap}; the order of ids decided"
)
_NO_PLACES = Msg("no place: the cap is 0")
_UNKNOWN_LAST = Msg(
    "rank {rank}: score unknown, so ranked after every known score; outside the {cap} place(s)"
)
_UNDECIDED_KNOWN = Msg(
    "rank {rank} among the known scores: within the {cap} place(s) only if the unknown scores do not overtake it"
)
_UNDECIDED_UNKNOWN = Msg("score unknown: it may or may not be within the {cap} place(s)")
_ALL_FIT = Msg("every candidate fits within the {cap} place(s)")
_SUMMARY = Msg("{selected} of {count} selected (cap {cap})")


class Rounding(CodedEnum):
    """How a percentage of a base becomes a whole number of places."""

    FLOOR = ("floor", "làm tròn xuống", "round down")
    CEIL = ("ceil", "làm tròn lên", "round up")
    HALF_UP = ("half_up", "làm tròn, 0,5 lên", "round half up")


class MissingScore(CodedEnum):
    """What an unknown score means when ranking."""

    UNKNOWN = ("unknown", "chưa xác định", "unknown: it may rank anywhere")
    LOWEST = ("lowest", "xếp sau cùng", "lowest: it ranks after every known score")


class PlacementStatus(CodedEnum):
    """Whether a candidate is among the recipients."""

    SELECTED = ("selected", "được chọn", "selected")
    NOT_SELECTED = ("not_selected", "không được chọn", "not selected")
    UNDECIDED = ("undecided", "chưa xác định", "undecided")


def _exact_percent(value: object, path: str) -> Fraction:
    value = shown(value)
    if isinstance(value, bool | float):
        raise InputError(
            path,
            value,
            Msg("expected a whole number, a Decimal or a Fraction (floats are not exact)"),
        )
    if isinstance(value, int | Fraction) or (isinstance(value, Decimal) and value.is_finite()):
        result = Fraction(value)
    else:
        raise InputError(path, value, Msg("expected a whole number, a Decimal or a Fraction"))
    if not 0 <= result <= 100:
        raise InputError(path, value, Msg("must be a percentage from 0 to 100"))
    return result


def _whole(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(path, shown(value), Msg("expected a whole number >= 0"))
    return value


def apply_percent(
    percent: int | Decimal | Fraction, base: int, rounding: Rounding = Rounding.FLOOR
) -> int:
    """``percent`` of ``base`` as a whole number, rounded as stated; exact, in integers.

    >>> apply_percent(20, 10), apply_percent(20, 4), apply_percent(20, 4, Rounding.CEIL)
    (2, 0, 1)
    >>> apply_percent(20, 13, Rounding.HALF_UP)  # 2.6 -> 3
    3
    """
    p = _exact_percent(percent, "percent")
    base = _whole(base, "base")
    if not isinstance(rounding, Rounding):
        raise InputError("rounding", rounding, Msg("expected a Rounding"))
    numerator, denominator = p.numerator * base, p.denominator * 100
    if rounding is Rounding.FLOOR:
        return numerator // denominator
    if rounding is Rounding.CEIL:
        return -(-numerator // denominator)
    return (2 * numerator + denominator) // (2 * denominator)


@attrs.frozen(kw_only=True)
class Cap(JsonRoundTrip):
    """At most ``count`` places, or ``percent`` of ``base`` (default: of the candidates).

    ``minimum`` guarantees that many places whatever the rounding gives (some
    rules say "at most 20 percent, at least one"); the number of places is never
    more than the number of candidates.
    """

    json_path: ClassVar[str] = "cap"

    count: int | None = None
    percent: int | Decimal | Fraction | None = None
    base: int | None = None
    rounding: Rounding = Rounding.FLOOR
    minimum: int = 0

    def __attrs_post_init__(self) -> None:
        if (self.count is None) == (self.percent is None):
            raise InputError("Cap", (self.count, self.percent), Msg("give either count or percent"))
        if self.count is not None:
            _whole(self.count, "Cap.count")
            if self.base is not None:
                raise InputError("Cap.base", self.base, Msg("a base applies only to a percentage"))
        if self.percent is not None:
            _exact_percent(self.percent, "Cap.percent")
        if self.base is not None:
            _whole(self.base, "Cap.base")
        _whole(self.minimum, "Cap.minimum")
        if not isinstance(self.rounding, Rounding):
            raise InputError("Cap.rounding", self.rounding, Msg("expected a Rounding"))

    def resolve(self, candidates: int) -> int:
        """The number of places for ``candidates`` candidates."""
        if self.count is not None:
            places = self.count
        else:
            assert self.percent is not None
            base = candidates if self.base is None else self.base
            places = apply_percent(self.percent, base, self.rounding)
        return min(max(places, self.minimum), candidates)


#: Scores are exact numbers of at most this magnitude.
MAX_SCORE = 10**12


def _score(value: object, path: str) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal):
        raise InputError(
            path, shown(value), Msg("expected an exact number (int, Decimal or Fraction)")
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise InputError(path, value, Msg("expected a finite number"))
    if value > MAX_SCORE or value < -MAX_SCORE:
        raise InputError(
            path,
            shown(value),
            Msg("must be from -{limit} to {limit}"),
            params={"limit": MAX_SCORE},
        )
    return Fraction(value)


def _amount(value: Fraction) -> Text:
    """Points as text: exact when the decimals end, else rounded to 2 decimals after "≈"."""
    if (value * 10**4).denominator == 1:
        return points_text(value)
    return Text(
        vi="≈" + formatting.format_number(value, "vi", decimals=2),
        en="≈" + formatting.format_number(value, "en", decimals=2),
    )


def _candidate_score(value: object) -> Fraction | None:
    return _score(value, "Candidate.score")


@attrs.frozen(kw_only=True)
class Candidate(JsonRoundTrip):
    """A candidate for a place: an id, a score (None = unknown) and a tie-break priority."""

    json_path: ClassVar[str] = "candidate"

    id: str
    score: Fraction | None = attrs.field(converter=_candidate_score)
    priority: int = 0
    name: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise InputError("Candidate.id", self.id, Msg("expected a non-empty string"))
        if isinstance(self.priority, bool) or not isinstance(self.priority, int):
            raise InputError(f"{self.id}.priority", self.priority, Msg("expected a whole number"))


@attrs.frozen(kw_only=True)
class Placement(JsonRoundTrip):
    """Where one candidate stands: status, rank, points behind the last place, and why."""

    json_path: ClassVar[str] = "placement"

    candidate: Candidate
    status: PlacementStatus
    rank: int | None
    reason: Reason
    behind: Fraction | None = None
    lost_on: str | None = None  # "priority" or "id" when tied on points


@attrs.frozen(kw_only=True)
class Selection(JsonRoundTrip):
    """The outcome of :func:`select`: the places and every candidate's placement, in rank order."""

    json_path: ClassVar[str] = "selection"

    cap: Cap
    places: int
    placements: tuple[Placement, ...]

    @property
    def recipients(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.status is PlacementStatus.SELECTED)

    @property
    def left_out(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.status is PlacementStatus.NOT_SELECTED)

    @property
    def undecided(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.status is PlacementStatus.UNDECIDED)

    def placement(self, candidate_id: str) -> Placement:
        for placement in self.placements:
            if placement.candidate.id == candidate_id:
                return placement
        raise KeyError(candidate_id)

    def explain(self, lang: Lang = "vi") -> str:
        head = _SUMMARY.render(lang).format(
            selected=len(self.recipients), count=len(self.placements), cap=self.places
        )
        lines = [head]
        for p in self.placements:
            score = "?" if p.candidate.score is None else _amount(p.candidate.score).render(lang)
            lines.append(
                f"  - {p.candidate.name or p.candidate.id} ({score}) [{p.status.label(lang)}]: {p.reason.render(lang)}"
            )
        return "\n".join(lines)


def _fraction_json(value: Fraction) -> str:
    """An exact decimal string when the decimals end, else "numerator/denominator"."""
    if (value * 10**4).denominator == 1:
        sign = "-" if value < 0 else ""
        return sign + points_to_json(abs(value))
    return f"{value.numerator}/{value.denominator}"


def _optional_fraction_json(value: Fraction | None) -> str | None:
    return None if value is None else _fraction_json(value)


def _percent_json(value: int | Decimal | Fraction | None) -> str | None:
    if value is None:
        return None
    exact = Fraction(value)
    if not _terminates(exact):
        return f"{exact.numerator}/{exact.denominator}"
    return points_to_json(exact)


def _terminates(value: Fraction) -> bool:
    """Whether ``value`` has a finite decimal expansion (its denominator is 2^a 5^b)."""
    rest = value.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    return rest == 1


#: An exact number as written above: a decimal ("2.5", "-1") or "numerator/denominator".
_EXACT = re.compile(r"-?[0-9]{1,40}(?:\.[0-9]{1,40}|/[1-9][0-9]{0,39})?")


def _fraction_from_json(raw: object) -> Fraction:
    if not isinstance(raw, str) or not _EXACT.fullmatch(raw):
        raise InputError("", raw, Msg('expected an exact number as a string: "2.5", "-1" or "2/3"'))
    return Fraction(raw)


def _optional_fraction_from_json(raw: object) -> Fraction | None:
    return None if raw is None else _fraction_from_json(raw)


def _placement_texts(placement: Placement, texts: tuple[Lang, ...]) -> dict[str, Any]:
    return {"text": {lang: placement.reason.render(lang) for lang in texts}}


json_form(Cap, codecs={"percent": (_percent_json, _optional_fraction_from_json)})
json_form(
    Candidate,
    written=("id", "name", "score", "priority"),
    codecs={"score": (_optional_fraction_json, _optional_fraction_from_json)},
)
json_form(
    Placement,
    written=("candidate", "status", "rank", "behind", "lost_on", "reason"),
    flatten={"candidate": Candidate},
    codecs={"behind": (_optional_fraction_json, _optional_fraction_from_json)},
    texts=_placement_texts,
)
json_form(Selection)


def _reason(template: Msg, **params: Param) -> Reason:
    return Reason(template=template, params=FrozenMap(params))


def _key(candidate: Candidate) -> tuple[Any, ...]:
    # Higher score, then higher priority, then id ascending.
    score = candidate.score if candidate.score is not None else Fraction(0)
    return (-score, -candidate.priority, candidate.id)


def select(
    candidates: Iterable[Candidate], cap: Cap, *, missing: MissingScore = MissingScore.UNKNOWN
) -> Selection:
    """Pick the recipients under ``cap`` (see the module docstring for the order)."""
    pool = tuple(candidates)
    seen: set[str] = set()
    for candidate in pool:
        if not isinstance(candidate, Candidate):
            raise InputError("candidates", candidate, Msg("expected a Candidate"))
        if candidate.id in seen:
            raise InputError("candidates", candidate.id, Msg("duplicate candidate id"))
        seen.add(candidate.id)
    places = cap.resolve(len(pool))
    if missing is MissingScore.LOWEST:
        known = sorted(pool, key=lambda c: (c.score is None, *_key(c)))
        unknown: list[Candidate] = []
    else:
        known = sorted((c for c in pool if c.score is not None), key=_key)
        unknown = sorted((c for c in pool if c.score is None), key=lambda c: c.id)
    u = len(unknown)
    everyone_fits = len(pool) <= places
    last = known[places - 1] if 0 < places <= len(known) else None
    placements: list[Placement] = []
    for index, candidate in enumerate(known):
        rank = index + 1
        if everyone_fits or index + u < places:
            reason = _reason(_ALL_FIT if everyone_fits else _SELECTED, rank=rank, cap=places)
            placements.append(
                Placement(
                    candidate=candidate, status=PlacementStatus.SELECTED, rank=rank, reason=reason
                )
            )
        elif index >= places:
            placements.append(_left_out(candidate, rank, places, last))
        else:
            reason = _reason(_UNDECIDED_KNOWN, rank=rank, cap=places)
            placements.append(
                Placement(
                    candidate=candidate, status=PlacementStatus.UNDECIDED, rank=rank, reason=reason
                )
            )
    for candidate in unknown:
        if everyone_fits:
            status, reason = PlacementStatus.SELECTED, _reason(_ALL_FIT, cap=places)
        elif places == 0:
            status, reason = PlacementStatus.NOT_SELECTED, _reason(_NO_PLACES)
        else:
            status, reason = PlacementStatus.UNDECIDED, _reason(_UNDECIDED_UNKNOWN, cap=places)
        placements.append(Placement(candidate=candidate, status=status, rank=None, reason=reason))
    return Selection(cap=cap, places=places, placements=tuple(placements))


def _left_out(candidate: Candidate, rank: int, places: int, last: Candidate | None) -> Placement:
    if last is None:
        return Placement(
            candidate=candidate,
            status=PlacementStatus.NOT_SELECTED,
            rank=rank,
            reason=_reason(_NO_PLACES),
        )
    if candidate.score is None:
        # MissingScore.LOWEST: no number to be behind by; it lost on the missing score.
        return Placement(
            candidate=candidate,
            status=PlacementStatus.NOT_SELECTED,
            rank=rank,
            reason=_reason(_UNKNOWN_LAST, rank=rank, cap=places),
        )
    # ``last`` has a known score: with LOWEST, unknown scores rank after every known one.
    assert last.score is not None
    behind = last.score - candidate.score
    lost_on = None
    if behind == 0:
        lost_on = "priority" if candidate.priority < last.priority else "id"
        template = _TIED_PRIORITY if lost_on == "priority" else _TIED_ID
        reason = _reason(template, rank=rank, cap=places)
    else:
        reason = _reason(_NOT_SELECTED, rank=rank, cap=places, behind=_amount(behind))
    return Placement(
        candidate=candidate,
        status=PlacementStatus.NOT_SELECTED,
        rank=rank,
        reason=reason,
        behind=behind,
        lost_on=lost_on,
    )


def candidates_from_scores(
    results: Iterable[Any], *, priorities: Mapping[str, int] | None = None
) -> tuple[Candidate, ...]:
    """Candidates from :class:`~antq.emulation.scoring.ScoreResult` objects (unknown total = None)."""
    priorities = priorities or {}
    return tuple(
        Candidate(id=r.unit_id, score=r.total, priority=priorities.get(r.unit_id, 0), name=r.name)
        for r in results
    )
