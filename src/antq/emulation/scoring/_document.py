"""The ``scores`` section of a document: units and their values, read from JSON or TOML.

The section is ``{"sheet": "qd510.agency", "units": [...]}`` in a document of
:mod:`antq.io.document`; antq 1's ``antq_scores`` document, which is that
section with its version key, is still read, with a deprecation notice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

import attrs

from antq.core.facts import MAX_YEAR, MIN_YEAR, check_id
from antq.core.unit_kinds import UnitKind
from antq.emulation.scoring._engine import check_values
from antq.emulation.scoring._results import ScoringFacts
from antq.emulation.sheets import ScoringSheet, shown
from antq.errors import InputError, Message
from antq.i18n.catalog import Msg
from antq.io.document import open_document
from antq.io.facts import load_document

#: Version of antq 1's scores document layout (``"antq_scores": 1``, deprecated).
SCORES_FORMAT_VERSION: Final = 1
UNIT_KEYS: Final = ("id", "kind", "year", "name", "values")


@attrs.frozen(kw_only=True)
class ScoresDocument:
    """The units read from a scores document, and the problems found in it."""

    units: tuple[ScoringFacts, ...]
    errors: tuple[InputError, ...] = ()
    #: Notices about the document itself: its layout is deprecated (``antq_scores``).
    notices: tuple[Message, ...] = ()


def _printable(text: str) -> bool:
    """No lone surrogates (JSON can write them; no output can encode them)."""
    return not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def _unit(raw: object, path: str, sheet: ScoringSheet) -> ScoringFacts:
    if not isinstance(raw, dict):
        raise InputError(path, raw, Msg("expected an object describing a unit"))
    unknown = sorted(set(raw) - set(UNIT_KEYS))
    if unknown:
        raise InputError(
            f"{path}.{unknown[0]}",
            shown(raw[unknown[0]]),
            Msg("unknown key; allowed: {allowed}"),
            params={"allowed": ", ".join(UNIT_KEYS)},
        )
    unit_id = raw.get("id")
    if not isinstance(unit_id, str) or not unit_id.strip() or not _printable(unit_id):
        raise InputError(
            f"{path}.id", shown(unit_id), Msg("expected a non-empty string of characters")
        )
    check_id(unit_id, f"{path}.id")
    kind = UnitKind.from_code(raw.get("kind"), path=f"{path}.kind")
    if kind not in sheet.unit_kinds:
        kinds = ", ".join(k.code for k in sheet.unit_kinds)
        raise InputError(
            f"{path}.kind",
            kind.code,
            Msg("sheet {id} scores {kinds}"),
            params={"id": sheet.id, "kinds": kinds},
        )
    year = raw.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(
            f"{path}.year",
            year,
            Msg("expected a year from {low} to {high}"),
            params={"low": MIN_YEAR, "high": MAX_YEAR},
        )
    name = raw.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip() or not _printable(name)):
        raise InputError(
            f"{path}.name", shown(name), Msg("expected a non-empty string of characters")
        )
    values = raw.get("values", {})
    if not isinstance(values, dict):
        raise InputError(f"{path}.values", values, Msg("expected an object of values"))
    parsed = check_values(sheet, values, f"{path}.values")
    return ScoringFacts(unit_id=unit_id, kind=kind, year=year, name=name, values=parsed)


#: The keys of the ``scores`` section.
SECTION_KEYS: Final = ("sheet", "units")


def read_scores(document: object, sheet: ScoringSheet) -> ScoresDocument:
    """Read the ``scores`` section of an already-parsed document for ``sheet``.

    The document is one of :mod:`antq.io.document` (``"antq": 2``), or a
    deprecated ``antq_scores`` document (read with a notice). Every good unit
    is kept; every problem is an error naming its path.
    """
    opened = open_document(document)
    notices = opened.notices
    if not opened.readable or (opened.errors and opened.layout is not None):
        return ScoresDocument(units=(), errors=opened.errors, notices=notices)
    try:
        section = opened.section("scores")
    except InputError as error:
        return ScoresDocument(units=(), errors=(*opened.errors, error), notices=notices)
    errors = list(opened.errors)
    units, problems = _read_section(section, sheet, lambda path: opened.path("scores", path))
    return ScoresDocument(units=units, errors=(*errors, *problems), notices=notices)


def _read_section(
    section: object, sheet: ScoringSheet, where: Callable[[str], str]
) -> tuple[tuple[ScoringFacts, ...], tuple[InputError, ...]]:
    if not isinstance(section, dict):
        error = InputError(
            where(""), type(section).__name__, Msg("expected an object with 'units'")
        )
        return (), (error,)
    unknown = sorted(set(section) - set(SECTION_KEYS))
    if unknown:
        error = InputError(
            where(unknown[0]),
            section[unknown[0]],
            Msg("unknown key; allowed: {allowed}"),
            params={"allowed": ", ".join(SECTION_KEYS)},
        )
        return (), (error,)
    named = section.get("sheet")
    if named is not None and named != sheet.id:
        error = InputError(
            where("sheet"),
            named,
            Msg("the document is for another sheet than {id}"),
            params={"id": sheet.id},
        )
        return (), (error,)
    raw_units = section.get("units")
    if not isinstance(raw_units, list):
        return (), (InputError(where("units"), raw_units, Msg("expected a list of units")),)
    units: list[ScoringFacts] = []
    errors: list[InputError] = []
    seen: dict[tuple[str, int], str] = {}
    for index, raw in enumerate(raw_units):
        path = where(f"units[{index}]")
        try:
            unit = _unit(raw, path, sheet)
        except InputError as error:
            errors.append(error)
            continue
        key = (unit.unit_id, unit.year)
        if key in seen:
            errors.append(
                InputError(
                    f"{path}.id",
                    unit.unit_id,
                    Msg("duplicate unit for this year (first at {first})"),
                    params={"first": seen[key]},
                )
            )
            continue
        seen[key] = path
        units.append(unit)
    return tuple(units), tuple(errors)


def load_scores_document(path: str | Path) -> object:
    """Parse a ``.json`` or ``.toml`` document: ``antq.io.facts.load_document``, the one loader."""
    return load_document(Path(path))


def read_scores_file(path: str | Path, sheet: ScoringSheet) -> ScoresDocument:
    """Read the ``scores`` section of a ``.json`` or ``.toml`` file (see :func:`read_scores`)."""
    return read_scores(load_document(Path(path)), sheet)
