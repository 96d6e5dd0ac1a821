"""The scores document (``antq_scores``): units and their values, read from JSON or TOML."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any, Final

import attrs

from antq.core.facts import MAX_YEAR, MIN_YEAR, check_id
from antq.core.unit_kinds import UnitKind
from antq.emulation.scoring._engine import check_values
from antq.emulation.scoring._results import ScoringFacts
from antq.emulation.sheets import ScoringSheet, shown
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.io.facts import read_text_file
from antq.io.files import lone_cr_to_lf

#: Version of the scores document layout (``"antq_scores": 1``).
SCORES_FORMAT_VERSION: Final = 1
UNIT_KEYS: Final = ("id", "kind", "year", "name", "values")


@attrs.frozen(kw_only=True)
class ScoresDocument:
    """The units read from a scores document, and the problems found in it."""

    units: tuple[ScoringFacts, ...]
    errors: tuple[InputError, ...] = ()


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


def read_scores(document: object, sheet: ScoringSheet) -> ScoresDocument:
    """Read an already-parsed scores document for ``sheet``; keeps every good unit."""
    if not isinstance(document, dict):
        return ScoresDocument(
            units=(),
            errors=(
                InputError("$", type(document).__name__, Msg("expected an object with 'units'")),
            ),
        )
    unknown = sorted(set(document) - {"antq_scores", "sheet", "units"})
    if unknown:
        error = InputError(
            unknown[0],
            document[unknown[0]],
            Msg("unknown top-level key; allowed: antq_scores, sheet, units"),
        )
        return ScoresDocument(units=(), errors=(error,))
    version = document.get("antq_scores")
    if version != SCORES_FORMAT_VERSION:
        error = InputError(
            "antq_scores",
            version,
            Msg("expected {version}"),
            params={"version": SCORES_FORMAT_VERSION},
        )
        return ScoresDocument(units=(), errors=(error,))
    named = document.get("sheet")
    if named is not None and named != sheet.id:
        error = InputError(
            "sheet",
            named,
            Msg("the document is for another sheet than {id}"),
            params={"id": sheet.id},
        )
        return ScoresDocument(units=(), errors=(error,))
    raw_units = document.get("units")
    if not isinstance(raw_units, list):
        return ScoresDocument(
            units=(), errors=(InputError("units", raw_units, Msg("expected a list of units")),)
        )
    units: list[ScoringFacts] = []
    errors: list[InputError] = []
    seen: dict[tuple[str, int], str] = {}
    for index, raw in enumerate(raw_units):
        path = f"units[{index}]"
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
    return ScoresDocument(units=tuple(units), errors=tuple(errors))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise InputError(key, shown(value), Msg("duplicate key in a JSON object"))
        found[key] = value
    return found


def load_scores_document(path: str | Path) -> object:
    """Parse a ``.json`` or ``.toml`` scores document, refusing what cannot be read exactly.

    Files over :data:`antq.io.facts.MAX_DOCUMENT_BYTES` bytes, text that is not
    UTF-8, duplicate JSON keys (JSON would silently keep the last) and nesting
    too deep to parse are :class:`~antq.errors.InputError` naming the file.
    """

    path = Path(path)
    name = str(path)
    text = read_text_file(path)  # the default limit, MAX_DOCUMENT_BYTES, read when called
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(text, object_pairs_hook=_no_duplicates)
        if suffix == ".toml":
            return tomllib.loads(lone_cr_to_lf(text))
    except InputError as error:
        raise InputError(f"{name}: {error.path}", error.value, error.message) from None
    except RecursionError:
        raise InputError(
            name,
            suffix,
            Msg("malformed {format}: nested too deeply"),
            params={"format": suffix[1:].upper()},
        ) from None
    except ValueError as error:  # malformed JSON or TOML, or an integer too long to convert
        raise InputError(
            name,
            suffix,
            Msg("malformed {format}: {error}"),
            params={"format": suffix[1:].upper(), "error": str(error)},
        ) from None
    raise InputError(name, suffix, Msg("expected a .json or .toml file"))


def read_scores_file(path: str | Path, sheet: ScoringSheet) -> ScoresDocument:
    """Read a scores document from a ``.json`` or ``.toml`` file (see ``load_scores_document``)."""
    return read_scores(load_scores_document(path), sheet)
