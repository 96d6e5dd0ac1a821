"""The facts about one unit for one recognition round.

:class:`UnitFacts` is what callers hand to the engine: which unit, of which
kind, for which round, and the values of the declared inputs that are known.
An input that is absent is unknown; antq never fills it in.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, TypedDict, TypeVar, cast

import attrs

from antq._terminal import escape_controls, has_controls
from antq.core.frozen import FrozenMap
from antq.core.inputs import Input
from antq.core.periods import Period
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError, UsageError, shown
from antq.i18n.catalog import Msg

T = TypeVar("T")

#: Recognition rounds antq accepts; outside this the input is almost surely a typo.
MIN_YEAR, MAX_YEAR = 2000, 2100


def nfc(text: str) -> str:
    """``text`` normalised to NFC.

    Ids and names compare equal whether typed composed (NFC) or decomposed (NFD).
    """
    return unicodedata.normalize("NFC", text)


def _nfc(value: str | None) -> str | None:
    return nfc(value) if isinstance(value, str) else value


def check_text(value: object, path: str) -> None:
    """A non-empty string that can be written as UTF-8 (no lone surrogates)."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, value, Msg("expected a non-empty string"))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            path, value, Msg("contains characters that are not valid Unicode text")
        ) from None


def check_id(value: object, path: str) -> None:
    """:func:`check_text`, and no control or bidirectional formatting character.

    An id is matched and printed as it is, so a character that moves the
    cursor or reorders a line (``\\u202e``) is refused rather than escaped.
    """
    check_text(value, path)
    assert isinstance(value, str)
    if not value.isprintable() and has_controls(value):
        raise InputError(
            path,
            value,
            Msg(
                "an id may not hold control or bidirectional formatting characters (here: {characters})"
            ),
            params={"characters": escape_controls(value)},
        )


def _check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    check_id(value, f"UnitFacts.{attribute.name}")


def _check_optional_text(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        check_text(value, f"UnitFacts.{attribute.name}")


def _check_kind(instance: object, attribute: attrs.Attribute[UnitKind], value: object) -> None:
    if not isinstance(value, UnitKind):
        hint = f"UnitKind.from_code({value!r})" if isinstance(value, str) else "UnitKind.COMMUNE"
        raise UsageError(
            f"UnitFacts.kind must be an antq.UnitKind, such as {hint}, "
            f"not {type(value).__name__} {shown(value)}"
        )


def _check_period(
    instance: object, attribute: attrs.Attribute[Period | None], value: object
) -> None:
    if value is not None and not isinstance(value, Period):
        raise UsageError(
            "UnitFacts.period must be an antq.Period or None, such as "
            f"Period.parse('2024-11-01/2025-10-31'), not {type(value).__name__} {shown(value)}"
        )


def _check_established(
    instance: object, attribute: attrs.Attribute[date | None], value: date | None
) -> None:
    if value is not None and (isinstance(value, datetime) or not isinstance(value, date)):
        raise InputError("UnitFacts.established", value, Msg("must be a date (not a datetime)"))


def _check_year(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_YEAR <= value <= MAX_YEAR:
        raise InputError(
            "UnitFacts.year",
            value,
            Msg("must be a year from {low} to {high}"),
            params={"low": MIN_YEAR, "high": MAX_YEAR},
        )


def _frozen_mapping(values: Mapping[str, object]) -> Mapping[str, object]:
    return FrozenMap(values)


class UnitIdentity(TypedDict, total=False):
    """Where a unit's facts place it, beside its id, kind and year; each may be left out.

    The keywords of the typed facts classes' ``unit()``
    (``antq.ResidentialAreaFacts(...).unit(...)``...), and the same fields of :class:`UnitFacts`.
    """

    #: The unit's name, as the report shows it.
    name: str | None
    #: The code of the commune the unit belongs to (for the commune's roll-up).
    commune: str | None
    #: The unit's province.
    province: str | None
    #: The unit's own period, where the law gives it one (see :class:`UnitFacts`).
    period: Period | None
    #: The day the unit was set up, when during the window (see :class:`UnitFacts`).
    established: date | None


@attrs.frozen(kw_only=True)
class UnitFacts:
    """Facts about one unit for the recognition round of ``year``.

    ``values`` maps input names to already-parsed values (see
    :func:`antq.io.facts.read_facts` to build them from JSON or TOML).
    ``period`` is the unit's own period where the law gives it one (a school
    under Thông tư 23/2012, whose window is its school year); where the rule set
    has a window, the period must cover it, so that no incident of the window is
    left out (:func:`antq.core.engine.evaluate` checks it). ``established`` states
    that the unit was set up during the window, on that day: its period then
    runs from that day to the end of the window.
    """

    unit_id: str = attrs.field(converter=_nfc, validator=_check_id)
    kind: UnitKind = attrs.field(validator=_check_kind)
    year: int = attrs.field(validator=_check_year)
    name: str | None = attrs.field(default=None, converter=_nfc, validator=_check_optional_text)
    commune: str | None = attrs.field(default=None, converter=_nfc, validator=_check_optional_text)
    province: str | None = attrs.field(default=None, converter=_nfc, validator=_check_optional_text)
    period: Period | None = attrs.field(default=None, validator=_check_period)
    established: date | None = attrs.field(default=None, validator=_check_established)
    values: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen_mapping)
    #: True when antq's readers built the values (and so already checked their
    #: types); facts built in Python are checked when they are evaluated.
    checked: bool = attrs.field(default=False, eq=False, repr=False)
    #: The names of the known values.
    names: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "names", frozenset(self.values))
        if self.period is not None and self.period.end.year != self.year:
            raise InputError(
                "UnitFacts.period",
                str(self.period),
                Msg("must end in the round's year {year}"),
                params={"year": self.year},
            )

    @classmethod
    def trusted(
        cls,
        *,
        unit_id: str,
        kind: UnitKind,
        year: int,
        name: str | None = None,
        commune: str | None = None,
        province: str | None = None,
        period: Period | None = None,
        established: date | None = None,
        values: Mapping[str, object],
    ) -> UnitFacts:
        """Facts whose every field a reader has already checked: nothing is checked again.

        For antq's readers, and only after they have checked what the
        constructor checks: every text NFC, non-empty and valid Unicode, the
        year within ``MIN_YEAR``-``MAX_YEAR``, a period ending in that
        year, and each value parsed by its input. The facts are marked
        ``checked``. Anything else must use the constructor, whose errors name
        the field.
        """
        facts = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(facts, "unit_id", unit_id)
        setattr_(facts, "kind", kind)
        setattr_(facts, "year", year)
        setattr_(facts, "name", name)
        setattr_(facts, "commune", commune)
        setattr_(facts, "province", province)
        setattr_(facts, "period", period)
        setattr_(facts, "established", established)
        frozen = values if isinstance(values, FrozenMap) else FrozenMap(values)
        setattr_(facts, "values", frozen)
        setattr_(facts, "checked", True)
        setattr_(facts, "names", frozenset(frozen))
        return facts

    def get(self, inp: Input[T]) -> T | None:
        """The value of ``inp``, or None when it is not known."""
        return cast("T | None", self.values.get(inp.name))

    def has(self, inp: Input[Any]) -> bool:
        return inp.name in self.values

    def with_values(self, **values: object) -> UnitFacts:
        """A copy with some values added or replaced (``None`` removes a value)."""
        merged = {**self.values, **values}
        kept = {k: v for k, v in merged.items() if v is not None}
        return attrs.evolve(self, values=kept, checked=False)
