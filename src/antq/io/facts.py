"""Reading unit facts from JSON or TOML documents.

The input format (documented in the docs, and as JSON Schema by ``antq schema``)::

    {
      "antq_facts": 1,
      "units": [
        {"id": "KDC-01", "kind": "residential_area", "year": 2024,
         "name": "Thôn Đông", "commune": "X-001",
         "facts": {"registered_q1": true, "households_resident": 120, ...}}
      ]
    }

TOML uses the same keys, with ``[[units]]`` tables. Every problem is reported
with its path (``units[2].facts.households_resident``) and value; unknown keys
are errors, never ignored, so a misspelt fact cannot silently become "missing".
"""

from __future__ import annotations

import codecs
import json
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from antq.core.facts import MAX_YEAR, MIN_YEAR, UnitFacts, check_id, check_text, nfc
from antq.core.inputs import Input
from antq.core.periods import Period, parse_iso_date
from antq.core.ruleset import RuleBook
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError, InputErrors, Message
from antq.i18n.catalog import Msg
from antq.io._json_values import _REPEATS, _object, _Repeated, malformed_reason
from antq.io._layout import TopLevelKeys
from antq.io.files import encoding_problem, lone_cr_to_lf, read_limited
from antq.safety import default_rulebook

#: Version of antq 1's facts document layout (``"antq_facts": 1``, deprecated:
#: see :mod:`antq.io.document`).
FACTS_FORMAT_VERSION = 1
UNIT_KEYS = ("id", "kind", "year", "name", "commune", "province", "period", "established", "facts")
_UNIT_KEY_SET = frozenset(UNIT_KEYS)
#: Files larger than this are refused rather than read into memory.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024


@attrs.frozen(kw_only=True)
class FactsDocument:
    """The units read from one document, and the problems found in it."""

    units: tuple[UnitFacts, ...]
    errors: tuple[InputError, ...] = ()
    #: Notices about the document itself: its layout is deprecated (``antq_facts``).
    notices: tuple[Message, ...] = ()

    def raise_errors(self) -> None:
        if self.errors:
            raise InputErrors(self.errors)


def _optional_str(raw: Mapping[str, Any], key: str, path: str) -> str | None:
    value = raw.get(key)
    if value is not None:
        check_text(value, f"{path}.{key}")
    return value


def unit_facts_from_dict(raw: object, path: str, inputs: Mapping[str, Input[Any]]) -> UnitFacts:
    """Read one unit; ``inputs`` are the declared inputs that its facts may use."""
    if not isinstance(raw, dict):
        raise InputError(path, raw, Msg("expected an object describing a unit"))
    unknown = [] if raw.keys() <= _UNIT_KEY_SET else sorted(set(raw) - _UNIT_KEY_SET)
    if unknown:
        raise InputError(
            f"{path}.{unknown[0]}",
            raw[unknown[0]],
            Msg("unknown key; allowed: {allowed}"),
            params={"allowed": ", ".join(UNIT_KEYS)},
        )
    unit_id = raw.get("id")
    check_id(unit_id, f"{path}.id")
    assert isinstance(unit_id, str)
    kind = UnitKind.from_code(raw.get("kind"), path=f"{path}.kind")
    year = raw.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise InputError(
            f"{path}.year", year, Msg("expected the recognition year as a whole number")
        )
    period = None
    if raw.get("period") is not None:
        text = raw["period"]
        if not isinstance(text, str):
            raise InputError(f"{path}.period", text, Msg('expected "YYYY-MM-DD/YYYY-MM-DD"'))
        period = Period.parse(text, path=f"{path}.period")
    established = raw.get("established")
    if established is not None:
        established = parse_iso_date(established, f"{path}.established")
    facts = raw.get("facts", {})
    if not isinstance(facts, dict):
        raise InputError(f"{path}.facts", facts, Msg("expected an object of facts"))
    values: dict[str, object] = {}
    try:
        for name, value in facts.items():
            inp = inputs.get(name)
            if inp is None:
                raise InputError(
                    name,
                    value,
                    Msg("unknown fact for a unit of kind {code}; see 'antq schema'"),
                    params={"code": kind.code},
                )
            if value is None:
                continue  # an explicit null means "not known", like an absent key
            # Named by the fact alone; the handler puts the unit's path before it.
            values[name] = inp.parse(value, name)
    except InputError as error:
        raise InputError(f"{path}.facts.{error.path}", error.value, error.message) from None
    try:
        name = _optional_str(raw, "name", path)
        commune = _optional_str(raw, "commune", path)
        province = _optional_str(raw, "province", path)
        if MIN_YEAR <= year <= MAX_YEAR and (period is None or period.end.year == year):
            # Every text is checked above and each value parsed by its input: what
            # the constructor would check holds, and only NFC is left to apply.
            return UnitFacts.trusted(
                unit_id=nfc(unit_id),
                kind=kind,
                year=year,
                name=None if name is None else nfc(name),
                commune=None if commune is None else nfc(commune),
                province=None if province is None else nfc(province),
                period=period,
                established=established,
                values=values,
            )
        return UnitFacts(
            unit_id=unit_id,
            kind=kind,
            year=year,
            name=name,
            commune=commune,
            province=province,
            period=period,
            established=established,
            values=values,
            checked=True,
        )
    except InputError as error:
        field = error.path.rsplit(".", 1)[-1]
        raise InputError(f"{path}.{field}", error.value, error.message) from None


def iter_units(
    document: object, book: RuleBook, notices: list[Message] | None = None
) -> Iterator[UnitFacts | InputError]:
    """Each unit of a parsed document, or the error that prevented reading it.

    ``notices``, when given, is told of a deprecated layout (``antq_facts``).
    """
    if not isinstance(document, dict):
        yield InputError(
            "$", type(document).__name__, Msg("expected a document object with 'units'")
        )
        return
    keys = TopLevelKeys()
    for key, value in document.items():
        problems = keys.add(key, value)
        if problems or keys.lacks("units"):
            yield problems[0] if problems else keys.missing("units")
            return
    if notices is not None:
        notices += keys.notices
    if "units" not in document:
        yield keys.missing("units")
        return
    units = document["units"]
    if not isinstance(units, list):
        yield InputError("units", units, Msg("expected a list of units"))
        return
    inputs_by_kind: dict[UnitKind, Mapping[str, Input[Any]]] = {}  # the kinds present only
    seen: dict[str, str] = {}
    for index, raw in enumerate(units):
        path = f"units[{index}]"
        kind_code = raw.get("kind") if isinstance(raw, dict) else None
        kind = UnitKind._value2member_map_.get(kind_code) if isinstance(kind_code, str) else None
        inputs: Mapping[str, Input[Any]] = {}
        if isinstance(kind, UnitKind):
            inputs = inputs_by_kind.get(kind) or inputs_by_kind.setdefault(kind, book.inputs(kind))
        try:
            unit = unit_facts_from_dict(raw, path, inputs)
        except InputError as error:
            yield error
            continue
        key = f"{unit.kind.code}:{unit.unit_id}:{unit.year}"
        if key in seen:
            yield InputError(
                f"{path}.id",
                unit.unit_id,
                Msg("duplicate unit for this kind and year (first at {first})"),
                params={"first": seen[key]},
            )
            continue
        seen[key] = path
        yield unit


def read_facts(document: object, book: RuleBook | None = None) -> FactsDocument:
    """Read an already-parsed JSON/TOML document; keeps every good unit."""
    if book is None:
        book = default_rulebook()
    units: list[UnitFacts] = []
    errors: list[InputError] = []
    notices: list[Message] = []
    for item in iter_units(document, book, notices):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            units.append(item)
    return FactsDocument(units=tuple(units), errors=tuple(errors), notices=tuple(notices))


def _repeated(value: object, path: str) -> tuple[str, object] | None:
    """The path and value of the first key given twice in one object of ``value``, if any."""
    if isinstance(value, _Repeated):
        key = value.repeated
        return (f"{path}.{key}" if path else key), value[key]
    items: Iterator[tuple[str, object]]
    if isinstance(value, dict):
        items = ((f"{path}.{k}" if path else k, v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return None
    for where, item in items:
        found = _repeated(item, where)
        if found is not None:
            return found
    return None


def read_text_file(path: Path, *, limit: int | None = None) -> str:
    """The UTF-8 text of a file (a byte-order mark is skipped), refusing what cannot be read.

    A file over ``limit`` bytes (:data:`MAX_DOCUMENT_BYTES` by default) is
    refused: a regular file before it is read, anything else (a pipe, a
    device) when the limit is reached while reading. A path that is missing,
    a directory or unreadable, and text that is not UTF-8, are
    :class:`~antq.errors.InputError` naming the file and the cause.
    """
    name = str(path)
    limit = MAX_DOCUMENT_BYTES if limit is None else limit
    return decode_utf8(read_limited(path, limit, name), name)


def decode_utf8(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text without its byte-order mark, if any.

    Text that is not UTF-8 is an :class:`~antq.errors.InputError` naming
    ``name``, the first bad byte and where it is: byte 1 is the first of the
    file (the mark counted), as the batch readers count. UTF-16 and UTF-32
    (by their byte-order mark), NUL bytes and ZIP files (``.xlsx``) are named
    as such.
    """
    if data[:1] in _ODD or b"\x00" in data[:4096]:
        found = encoding_problem(data[:4096])
        if found is not None:
            raise InputError(name, found[0], found[1])
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return str(memoryview(data)[skip:], "utf-8")
    except UnicodeDecodeError as error:
        start, end = skip + error.start, skip + error.end
        raise InputError(
            name, data[start:end], Msg("not UTF-8 at byte {byte}"), params={"byte": start + 1}
        ) from None


#: First bytes of a file that may start a byte-order mark of UTF-16 or UTF-32 or a ZIP file.
_ODD = (b"\xff", b"\xfe", b"\x00", b"P")


def parse_text(text: str, name: str, suffix: str) -> object:
    """Parse JSON (``suffix`` ``.json``) or TOML (``.toml``) text read from the file ``name``.

    A key given twice in one JSON object, malformed text, integers too long to
    convert and nesting too deep to parse are :class:`~antq.errors.InputError`
    naming the file.
    """
    what = suffix[1:].upper()
    try:
        if suffix == ".toml":
            return tomllib.loads(lone_cr_to_lf(text))
        if suffix == ".json":
            # json.loads would silently keep the last of two equal keys: they are marked.
            before = _REPEATS[0]
            document = json.loads(text, object_pairs_hook=_object)
            found = _repeated(document, "") if _REPEATS[0] != before else None
            if found is None:
                return document
    except RecursionError:
        raise InputError(
            name, suffix, Msg("malformed {what}: nested too deeply"), params={"what": what}
        ) from None
    # Malformed text (JSONDecodeError and TOMLDecodeError are ValueErrors), or an
    # integer too long to convert to a number.
    except ValueError as error:
        raise InputError(
            name,
            suffix,
            Msg("malformed {what}: {error}"),
            params={
                "what": what,
                "error": str(error)
                if isinstance(error, json.JSONDecodeError | tomllib.TOMLDecodeError)
                else malformed_reason(error),
            },
        ) from None
    if suffix != ".json" or found is None:
        raise InputError(name, suffix, Msg("expected a .json or .toml file"))
    where, value = found
    raise InputError(f"{name}: {where}", value, Msg("key given twice in one JSON object"))


def load_document(path: Path) -> object:
    """Parse a .json or .toml file (by extension), refusing what cannot be read exactly.

    Files over :data:`MAX_DOCUMENT_BYTES`, text that is not UTF-8, a key given
    twice in one JSON object, integers too long to convert and nesting too deep
    to parse are :class:`~antq.errors.InputError` naming the file.
    """
    path = Path(path)
    text = read_text_file(path)
    return parse_text(text, str(path), path.suffix.lower())


def read_facts_file(path: str | Path, book: RuleBook | None = None) -> FactsDocument:
    """Read units from a JSON or TOML file."""
    return read_facts(load_document(Path(path)), book)
