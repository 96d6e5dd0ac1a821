"""The vetoes, the class from the sheet's bands, and the points needed for the next class."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Final

import attrs

from antq.core.outcome import Outcome
from antq.core.reasons import Param, Reason
from antq.emulation.scoring._items import _MISSING, _reason
from antq.emulation.scoring._results import (
    Classification,
    ClassStatus,
    NextClass,
    ScoreStatus,
    VetoOutcome,
    VetoResult,
)
from antq.emulation.sheets import MovementClass, ScoringSheet, Veto, points_text
from antq.i18n.catalog import Msg

_CLASS = Msg("total {total} of {max}: at least {min} points for {class}")
_CLASS_BOUNDED = Msg("total between {low} and {high}: {class} in either case")
_CLASS_CAPPED = Msg(
    "total {total}: {banded} by the points, but at most {class} because of: {vetoes}"
)
_CLASS_BOUNDED_CAPPED = Msg("total between {low} and {high}, at most {class} because of: {vetoes}")
_BELOW_BANDS = Msg("total {total} is below {min}, the minimum for {class}: no class")
_BELOW_BANDS_BOUNDED = Msg(
    "total between {low} and {high}, below {min}, the minimum for {class}: no class"
)
_CLASS_OPEN = Msg("total between {low} and {high}: the class depends on the missing information")
_CLASS_VETO_OPEN = Msg("the class depends on {vetoes}, which cannot be decided yet")
_NO_BANDS = Msg(
    "the sheet has no classification bands: the thresholds are not confirmed in the law as known to antq and must be supplied by a province override"
)
_BLOCKED = Msg(
    "no total: items {items} are not confirmed and must be filled by a province override"
)
_VETO_APPLIES = Msg("{input}: {value}, so the class is at most {cap}")
_VETO_CLEAR = Msg("{input}: {value}, so this does not limit the class")
_VETO_OPEN = Msg("{input}: unknown, so it is not known whether this limits the class")
_NEXT = Msg("{points} more points needed for {class} (at least {min})")
_NEXT_OPEN = Msg(
    "{points} more points needed for {class} (at least {min}), provided that {vetoes}, not yet"
    " decided, does not cap the class"
)
_NEXT_TOP = Msg("already in the highest class")
_NEXT_CAPPED = Msg("at most {cap} because of {vetoes}: more points cannot raise the class")


def _veto(sheet: ScoringSheet, veto: Veto, values: Mapping[str, object]) -> VetoResult:
    value = values.get(veto.input)
    label = sheet.input(veto.input).label
    missing: tuple[str, ...] = ()
    if value is None:
        outcome, missing = VetoOutcome.UNKNOWN, (veto.input,)
        reason = _reason(_MISSING, inputs=label)
    elif value is Outcome.UNKNOWN:
        outcome, reason = VetoOutcome.UNKNOWN, _reason(_VETO_OPEN, input=label)
    else:
        assert isinstance(value, bool | Outcome)
        applies = value in veto.applies_if
        outcome = VetoOutcome.APPLIES if applies else VetoOutcome.CLEAR
        reason = _reason(
            _VETO_APPLIES if applies else _VETO_CLEAR, input=label, value=value, cap=veto.cap
        )
    # The veto's info without its note: a veto result's JSON has no note, and what the
    # result says about its veto is what it reads back.
    about = veto.info if veto.note is None else attrs.evolve(veto.info, note=None)
    return VetoResult(about=about, cap=veto.cap, outcome=outcome, reason=reason, missing=missing)


_NO_CAP: Final = 99


def _class_of(rank: int) -> MovementClass | None:
    for member in MovementClass:
        if member.rank == rank:
            return member
    return None


def _classify(
    sheet: ScoringSheet,
    status: ScoreStatus,
    total: Fraction | None,
    low: Fraction | None,
    high: Fraction | None,
    blocking: tuple[str, ...],
    vetoes: tuple[VetoResult, ...],
) -> Classification:
    scheme = sheet.classification

    def make(
        status: ClassStatus,
        reason: Reason,
        klass: MovementClass | None = None,
        banded: MovementClass | None = None,
        nxt: NextClass | None = None,
    ) -> Classification:
        return Classification(
            status=status,
            movement_class=klass,
            banded=banded,
            reason=reason,
            vetoes=vetoes,
            next=nxt,
            citation=None if scheme is None else scheme.citation,
            confirmation=None if scheme is None else scheme.confirmation,
        )

    if status is ScoreStatus.BLOCKED or low is None or high is None:
        return make(ClassStatus.BLOCKED, _reason(_BLOCKED, items=", ".join(blocking)))
    if scheme is None:
        return make(ClassStatus.NO_BANDS, _reason(_NO_BANDS))
    applied = [v for v in vetoes if v.outcome is VetoOutcome.APPLIES]
    cap = min((v.cap.rank for v in applied), default=_NO_CAP)
    band_low, band_high = scheme.band_for(low), scheme.band_for(high)

    def rank(band: Any) -> int:
        return 0 if band is None else int(band.movement_class.rank)

    r_low, r_high = min(rank(band_low), cap), min(rank(band_high), cap)
    lo, hi = points_text(low), points_text(high)
    if r_low != r_high:
        return make(ClassStatus.UNKNOWN, _reason(_CLASS_OPEN, low=lo, high=hi))
    current = r_low
    banded = band_low.movement_class if band_low is not None and band_low == band_high else None
    open_vetoes = [v for v in vetoes if v.outcome is VetoOutcome.UNKNOWN and v.cap.rank < current]
    if open_vetoes:
        names = ", ".join(v.veto_id for v in open_vetoes)
        return make(ClassStatus.UNKNOWN, _reason(_CLASS_VETO_OPEN, vetoes=names), banded=banded)
    exact = total is not None
    if current == 0:
        lowest = scheme.bands[-1]
        params: dict[str, Param] = {
            "min": points_text(lowest.min_points),
            "class": lowest.movement_class,
        }
        reason = (
            _reason(_BELOW_BANDS, total=lo, **params)
            if exact
            else _reason(_BELOW_BANDS_BOUNDED, low=lo, high=hi, **params)
        )
        klass = None
        status_out = ClassStatus.BELOW_BANDS
    else:
        klass = _class_of(current)
        assert klass is not None
        binding = [v.veto_id for v in applied if v.cap.rank == current]
        capped = binding and (banded is None or banded.rank > current)
        if capped:
            names = ", ".join(binding)
            reason = (
                _reason(
                    _CLASS_CAPPED,
                    total=lo,
                    banded=banded or klass,
                    **{"class": klass},
                    vetoes=names,
                )
                if exact
                else _reason(
                    _CLASS_BOUNDED_CAPPED, low=lo, high=hi, **{"class": klass}, vetoes=names
                )
            )
        else:
            band = next(b for b in scheme.bands if b.movement_class is klass)
            reason = (
                _reason(
                    _CLASS,
                    total=lo,
                    max=points_text(sheet.total),
                    min=points_text(band.min_points),
                    **{"class": klass},
                )
                if exact
                else _reason(_CLASS_BOUNDED, low=lo, high=hi, **{"class": klass})
            )
        status_out = ClassStatus.CLASSIFIED
    nxt = None
    if total is not None:
        undecided = [v for v in vetoes if v.outcome is VetoOutcome.UNKNOWN]
        nxt = _next_class(scheme.bands, current, cap, total, applied, undecided)
    return make(status_out, reason, klass, banded, nxt)


def _next_class(
    bands: tuple[Any, ...],
    current: int,
    cap: int,
    total: Fraction,
    applied: list[VetoResult],
    undecided: list[VetoResult],
) -> NextClass:
    higher = [b for b in bands if b.movement_class.rank > current]
    if not higher:
        return NextClass(target=None, points_needed=None, reason=_reason(_NEXT_TOP))
    target = higher[-1]
    if target.movement_class.rank > cap:
        binding = [v for v in applied if v.cap.rank == cap]
        reason = _reason(
            _NEXT_CAPPED, cap=binding[0].cap, vetoes=", ".join(v.veto_id for v in binding)
        )
        return NextClass(target=None, points_needed=None, reason=reason)
    need = target.min_points - total
    params: dict[str, Param] = {
        "points": points_text(need),
        "min": points_text(target.min_points),
        "class": target.movement_class,
    }
    # An undecided veto that would cap below the target: the points may not be enough.
    blocking = [v.veto_id for v in undecided if v.cap.rank < target.movement_class.rank]
    if blocking:
        reason = _reason(_NEXT_OPEN, vetoes=", ".join(blocking), **params)
    else:
        reason = _reason(_NEXT, **params)
    return NextClass(target=target.movement_class, points_needed=need, reason=reason)
