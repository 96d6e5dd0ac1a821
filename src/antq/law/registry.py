"""The registry: every legal instrument the antq specification names, with what is known.

The instruments are data: ``data/instruments/*.toml`` beside this module (the
safe standard, emulation and commendation, entities, local instruments), one
``[[instruments]]`` table each, read into :class:`~antq.law.Instrument` objects
and checked when antq is imported; an error names the file, the key path and the
value (:class:`~antq.errors.DataFileError`).

Sources are the specification files (safe-standard.md, emulation-awards.md,
entities.md), which cite the primary or secondary source of each fact. Titles are
paraphrased. A date the specification does not give, or marks UNCONFIRMED without a
value, is ``None`` and listed in ``unconfirmed``; a date given from a single or
secondary source with an UNCONFIRMED mark is kept and also listed there.

Local instruments (a province's decision, a district's guidance) are registered with
their locality, because their numbers repeat from place to place: the key of Bắc
Ninh's 514/QĐ-UBND is ``"514/QĐ-UBND (Bắc Ninh)"``.

An instrument whose number the specification marks UNCONFIRMED (the 2024 law on fire
prevention, 55/2024/QH15?) is registered under that number with ``"number"`` in
``unconfirmed`` and the confirmation UNCONFIRMED, so a citation of it says how sure
it is. Instruments the specification names without any number (the 2008 Ordinance
on commune police) cannot be registered: the number is the registry key.

>>> get_instrument("124/2021/TT-BCA").effective
datetime.date(2022, 2, 10)
>>> repealed_by("23/2012/TT-BCA").number
'124/2021/TT-BCA'
>>> in_force_on("23/2012/TT-BCA", date(2022, 2, 10))
False
>>> in_force_on("48/2025/TT-BCA", date(2026, 1, 1)) is None
True
"""

from __future__ import annotations

import difflib
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

import attrs

from antq.errors import CitationError, DefinitionError
from antq.i18n.catalog import Msg
from antq.law.confirmation import Confirmation
from antq.law.instruments import ArticleShape, Instrument, InstrumentKind, Issuer
from antq.law.tables import Node, load

#: Short names the registry's Python literals used, kept for one release.
_DEPRECATED: Final = {
    "CONFIRMED": Confirmation.CONFIRMED,
    "PARTIAL": Confirmation.PARTIAL,
    "UNCONFIRMED": Confirmation.UNCONFIRMED,
}


def __getattr__(name: str) -> Confirmation:
    if name in _DEPRECATED:
        warnings.warn(
            f"antq.law.registry.{name} is deprecated; use antq.Confirmation.{name}",
            DeprecationWarning,
            stacklevel=2,
        )
        return _DEPRECATED[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: The data files of the registry, in registration order (grouped by topic).
_GROUPS: Final = ("safe_standard", "emulation", "entities", "local")

#: The keys of a registry row: the fields of :class:`~antq.law.Instrument`.
_FIELDS: Final = frozenset(field.name for field in attrs.fields(Instrument))


def _article(node: Node) -> ArticleShape:
    node.keys(("clauses", "points"))
    points = node.get("points")
    letters = {} if points is None else dict(_points(points))
    with node.building():
        return ArticleShape(clauses=node.optional("clauses", Node.integer), points=letters)


def _points(node: Node) -> Iterable[tuple[int, tuple[str, ...]]]:
    for key, letters in node.entries():
        yield _number(key, letters), tuple(letters.text())


def _number(key: str, node: Node) -> int:
    if not key.isdigit() or key.startswith("0"):
        raise node.fail(Msg("expected a number from 1 as the key"))
    return int(key)


def _instrument(row: Node) -> Instrument:
    row.keys(_FIELDS)
    articles = row.get("articles")
    shapes = (
        None if articles is None else {_number(k, a): _article(a) for k, a in articles.entries()}
    )
    number = row["number"].text()
    with row.building(number):
        return Instrument(
            number=number,
            locality=row.optional("locality", Node.text),
            kind=row["kind"].code(InstrumentKind),
            issuer=row["issuer"].code(Issuer),
            title_vi=row["title_vi"].text(),
            title_en=row["title_en"].text(),
            signed=row.optional("signed", Node.day),
            effective=row.optional("effective", Node.day),
            amends=row.optional("amends", Node.texts) or (),
            repeals=row.optional("repeals", Node.texts) or (),
            article_count=row.optional("article_count", Node.integer),
            articles=shapes,
            confirmation=row["confirmation"].confirmation(),
            unconfirmed=row.optional("unconfirmed", Node.texts) or (),
            note=row.optional("note", Node.text) or "",
        )


def _read(group: str) -> tuple[Instrument, ...]:
    root = load("antq.law", f"data/instruments/{group}.toml").keys(("instruments",))
    return tuple(_instrument(row) for row in root["instruments"].items())


def _fold(number: str) -> str:
    """A lookup form of a number: no diacritics, no case, no spaces (đ -> d)."""
    text = unicodedata.normalize("NFKD", number.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(text.split()).casefold()


def build_registry(instruments: Iterable[Instrument]) -> Mapping[str, Instrument]:
    """Index ``instruments`` by number after checking that they are consistent.

    Raises :class:`~antq.errors.DefinitionError` on a duplicate number (also after
    folding case and diacritics), an ``amends``/``repeals`` target that is not in the
    set, an instrument repealed by two others, or a repeal taking effect before the
    repealed instrument.
    """
    index: dict[str, Instrument] = {}
    folded: dict[str, str] = {}
    for inst in instruments:
        key = _fold(inst.key)
        if inst.key in index or key in folded:
            other = folded.get(key, inst.key)
            raise DefinitionError(f"instrument {inst.key!r} registered twice (as {other!r})")
        index[inst.key] = inst
        folded[key] = inst.key
    repealers: dict[str, str] = {}
    for inst in index.values():
        for field_name, targets in (("amends", inst.amends), ("repeals", inst.repeals)):
            for target in targets:
                if target not in index:
                    hint = _suggest(target, index)
                    raise DefinitionError(
                        f"instrument {inst.key!r}: {field_name} target {target!r} is not"
                        f" registered{hint}"
                    )
        for target in inst.repeals:
            if target in repealers:
                raise DefinitionError(
                    f"instrument {target!r} is repealed by both {repealers[target]!r} and"
                    f" {inst.key!r}"
                )
            repealers[target] = inst.key
            old = index[target].effective
            if old is not None and inst.effective is not None and inst.effective <= old:
                raise DefinitionError(
                    f"instrument {inst.key!r} takes effect on {inst.effective.isoformat()},"
                    f" not after {target!r} ({old.isoformat()}) which it repeals"
                )
    return MappingProxyType(index)


def _suggest(number: str, index: Mapping[str, Instrument]) -> str:
    # A local number given without its locality: offer every place that has it.
    bare = _fold(number)
    close = [key for key, inst in index.items() if _fold(inst.number) == bare and key != number]
    if not close:
        folded = {_fold(key): key for key in index}
        matches = difflib.get_close_matches(bare, list(folded), n=3, cutoff=0.6)
        close = [folded[match] for match in matches]
    if not close:
        return ""
    return "; did you mean " + " or ".join(repr(key) for key in close) + "?"


#: Every registered instrument, by official number (read-only); a local instrument
#: is keyed by its number and locality, "514/QĐ-UBND (Bắc Ninh)".
INSTRUMENTS: Final[Mapping[str, Instrument]] = build_registry(
    instrument for group in _GROUPS for instrument in _read(group)
)

_FOLDED: Final[Mapping[str, str]] = MappingProxyType({_fold(key): key for key in INSTRUMENTS})


def canonical_number(number: str) -> str | None:
    """The registry key matching ``number`` (ignoring case, spaces, diacritics), or None.

    >>> canonical_number("40/2024/nd-cp")
    '40/2024/NĐ-CP'
    """
    if number in INSTRUMENTS:
        return number
    return _FOLDED.get(_fold(number))


def get_instrument(number: str) -> Instrument:
    """The instrument numbered ``number``; :class:`~antq.errors.CitationError` if unknown.

    A local instrument is found by its number and locality, ``"514/QĐ-UBND (Bắc Ninh)"``.

    The error message suggests close matches:

    >>> get_instrument("124/2012/TT-BCA")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    antq.errors.CitationError: unknown instrument '124/2012/TT-BCA'; did you mean '124/2021/TT-BCA' or ...?
    """
    if not isinstance(number, str):
        raise CitationError(f"instrument number must be a string, got {number!r}")
    key = canonical_number(number)
    if key is None:
        raise CitationError(f"unknown instrument {number!r}{_suggest(number, INSTRUMENTS)}")
    return INSTRUMENTS[key]


def all_instruments() -> tuple[Instrument, ...]:
    """All registered instruments, in registration order (grouped by topic)."""
    return tuple(INSTRUMENTS.values())


def repealed_by(number: str) -> Instrument | None:
    """The instrument that repeals or replaces ``number``, or None if none is registered."""
    target = get_instrument(number).key
    for inst in INSTRUMENTS.values():
        if target in inst.repeals:
            return inst
    return None


def amended_by(number: str) -> tuple[Instrument, ...]:
    """The registered instruments that amend ``number``."""
    target = get_instrument(number).key
    return tuple(inst for inst in INSTRUMENTS.values() if target in inst.amends)


def in_force_on(number: str, day: date, *, strict: bool = False) -> bool | None:
    """Whether ``number`` was in force on ``day``, or None when a needed date is unknown.

    In force means: on or after its effective date and before the effective date of
    the instrument that repeals it (if one is registered). A missing date that the
    answer depends on gives None. Dates and links listed in ``unconfirmed`` are used as
    recorded; with ``strict=True`` relying on one of them also gives None.

    >>> in_force_on("124/2021/TT-BCA", date(2022, 2, 9)), in_force_on("124/2021/TT-BCA", date(2022, 2, 10))
    (False, True)
    """
    inst = get_instrument(number)
    start = inst.effective
    if start is None:
        if inst.signed is not None and day < inst.signed:
            return False
        return None
    if strict and inst.is_unconfirmed("effective"):
        return None
    if day < start:
        return False
    repealer = repealed_by(inst.key)
    if repealer is None:
        return True
    if repealer.signed is not None and day < repealer.signed:
        return True  # a repeal cannot take effect before it is signed
    end = repealer.effective
    if end is None or (strict and repealer.is_unconfirmed("effective")):
        return None
    if day < end:
        return True
    return None if strict and repealer.is_unconfirmed("repeals") else False
