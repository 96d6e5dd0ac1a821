"""Batch input and output: the readers of every format, the checks they share and the writers."""

from __future__ import annotations

import codecs
import csv
import functools
import io
import itertools
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Final, TextIO

import attrs

from antq._digests import DigestSet, digest
from antq._spill import MEMORY_BUDGET
from antq.core.facts import MAX_YEAR, MIN_YEAR, UnitFacts, check_id
from antq.core.inputs import Input, parse_bool, parse_count
from antq.core.outcome import Outcome
from antq.core.ruleset import RuleBook
from antq.core.verdict import Verdict
from antq.errors import InputError, Message, UsageError
from antq.i18n.catalog import Msg
from antq.io._files import encoding_problem, entry_problem, open_input, os_reason
from antq.io.dialect import Dialect
from antq.io.facts import (
    FACTS_FORMAT_VERSION,
    UNIT_KEYS,
    parse_text,
    read_text_file,
    unit_facts_from_dict,
)
from antq.periods import Period, parse_iso_date
from antq.unit_kinds import UnitKind
from antq.vocabulary import Lang

__all__ = [
    "BATCH_SUFFIXES",
    "CSV_UNIT_COLUMNS",
    "INPUT_FORMATS",
    "VERDICT_COLUMNS",
    "BatchSummary",
    "ReadProgress",
    "RowError",
    "SeenUnits",
    "SourceReadError",
    "UnitReadError",
    "UnitRef",
    "directory_entries",
    "line_location",
    "read_any",
    "read_bytes",
    "read_csv",
    "read_json",
    "read_jsonl",
    "read_toml",
    "verdict_row",
    "write_verdicts_csv",
    "write_verdicts_jsonl",
]

#: The file name suffixes :func:`read_any` reads, and the format of each.
BATCH_SUFFIXES: Mapping[str, str] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".toml": "toml",
    ".xlsx": "xlsx",
}
#: The formats ``--input-format`` names: those of :data:`BATCH_SUFFIXES`, and
#: ``csv-vi``, CSV in the Vietnamese dialect (:mod:`antq.io.dialect`).
INPUT_FORMATS: tuple[str, ...] = ("csv", "csv-vi", "jsonl", "json", "toml", "xlsx")
#: The CSV columns that describe the unit rather than a fact.
CSV_UNIT_COLUMNS: tuple[str, ...] = tuple(k for k in UNIT_KEYS if k != "facts")
_REQUIRED_COLUMNS = ("id", "kind", "year")
#: A single JSON value (one unit) larger than this is refused, so a broken
#: file cannot make the reader hold all of it in memory.
MAX_ITEM_CHARS = 16 * 1024 * 1024
#: A line of a CSV or JSON Lines file longer than this many bytes is an error
#: and the rest of it is skipped unread, for the same reason.
MAX_LINE_BYTES = MAX_ITEM_CHARS
_CHUNK = 64 * 1024
_INTEGER = re.compile(r"[+-]?[0-9]+")

Item = UnitFacts | InputError
Source = str | os.PathLike[str] | IO[bytes]


@attrs.frozen(kw_only=True)
class UnitRef:
    """What could be read of a unit that has an error: enough to place it, if anything.

    A field is None when it was absent or unreadable.
    """

    unit_id: str | None = None
    kind: UnitKind | None = None
    year: int | None = None
    commune: str | None = None
    province: str | None = None
    #: True when the unit names a commune that cannot be read (not text, empty):
    #: it may belong to any commune of its round.
    unplaceable: bool = False

    @classmethod
    def of(cls, raw: object) -> UnitRef | None:
        """The readable identification of a raw unit object (None if it is not an object)."""
        if not isinstance(raw, Mapping):
            return None

        def text(key: str) -> str | None:
            value = raw.get(key)
            return value.strip() if isinstance(value, str) and value.strip() else None

        code = raw.get("kind")
        kind = UnitKind._value2member_map_.get(code) if isinstance(code, str) else None
        year = raw.get("year")
        return cls(
            unit_id=text("id"),
            kind=kind if isinstance(kind, UnitKind) else None,
            year=year if isinstance(year, int) and not isinstance(year, bool) else None,
            commune=text("commune"),
            province=text("province"),
            unplaceable="commune" in raw and text("commune") is None,
        )

    @property
    def complete(self) -> bool:
        """Whether the unit's id, kind and round are known."""
        return self.unit_id is not None and self.kind is not None and self.year is not None


class UnitReadError(InputError):
    """An error that kept a unit from being read; ``unit`` is what could be read of it.

    :func:`antq.evaluate_round` uses ``unit`` to count such a unit
    in its commune's roll-up as a unit whose verdict is unknown, so that a bad
    row can never make a commune look better than it is.
    """

    def __init__(
        self,
        path: str,
        value: object,
        message: str | Msg,
        *,
        params: Mapping[str, str | int] | None = None,
        unit: UnitRef | None = None,
    ) -> None:
        self.unit = unit
        super().__init__(path, value, message, params=params)


class SourceReadError(UnitReadError):
    """A file of the input that could not be read, or not to its end.

    ``path`` and ``source`` name the file and ``message`` says why (a dangling
    or looping link, permission denied, a pipe or device in a directory, text
    that is not UTF-8, malformed JSON that stops the file...). It names no
    unit (``unit`` is None): an unknown number of units were lost from the
    file, which :attr:`lost_units_unknown` says. The roll-up
    (:func:`antq.hierarchy.evaluate_province`) therefore leaves the counts of
    every commune unknown, since the file could have fed any of them.

    >>> error = SourceReadError("data/b.csv", None, "cannot be read: permission denied")
    >>> str(error), error.unit, error.lost_units_unknown
    ('data/b.csv: cannot be read: permission denied (got None)', None, True)
    """

    #: Always True: the file may have held any number of units, now lost.
    lost_units_unknown: Final = True

    def __init__(
        self,
        source: str,
        value: object,
        message: str | Msg,
        *,
        params: Mapping[str, str | int] | None = None,
    ) -> None:
        self.source = source
        super().__init__(source, value, message, params=params, unit=None)


class RowError(UnitReadError):
    """A problem in one row or line: ``line`` (1-based) and ``field`` (its path in the unit).

    The path is ``line N`` followed by the unit path, as in a facts document,
    with the file name first when given:

    >>> str(RowError(7, "facts.households_resident", -3, "must be >= 0"))
    'line 7.facts.households_resident: must be >= 0 (got -3)'
    >>> RowError(7, "", "x", "malformed", source="a.csv").path
    'a.csv:line 7'

    In Vietnamese the line is a *dòng*:

    >>> RowError(7, "facts.households_resident", -3, "must be >= 0").where("vi")
    'dòng 7.facts.households_resident'
    """

    def __init__(
        self,
        line: int,
        field: str,
        value: object,
        message: str | Msg,
        *,
        params: Mapping[str, str | int] | None = None,
        source: str | None = None,
        unit: UnitRef | None = None,
    ) -> None:
        self.line = line
        self.field = field
        self.source = source
        where = f"line {line}" + (f".{field}" if field else "")
        super().__init__(
            f"{source}:{where}" if source else where, value, message, params=params, unit=unit
        )

    def where(self, lang: Lang) -> str:
        where = line_location(self.source, self.line).render(lang)
        return where + (f".{self.field}" if self.field else "")


def line_location(source: str | None, line: int) -> Message:
    """``line N`` of a file, or ``SOURCE:line N``, as text that translates.

    >>> line_location("a.csv", 7), line_location("a.csv", 7).render("vi")
    ('a.csv:line 7', 'a.csv:dòng 7')
    """
    if source:
        return Message(Msg("{source}:line {line}"), {"source": source, "line": line})
    return Message(Msg("line {line}"), {"line": line})


@attrs.define
class ReadProgress:
    """Bytes read so far out of ``total`` (None when unknown), for a progress bar."""

    done: int = 0
    total: int | None = None


@attrs.define
class BatchSummary:
    """Counts of what went through :meth:`track`: units read and errors.

    ``failed`` tells whether any row failed; the command line exits with
    status 3 when it did.

    >>> summary = BatchSummary()
    >>> items = list(summary.track([InputError("line 2.year", "x", "bad")]))
    >>> summary.units, summary.errors, summary.failed
    (0, 1, True)
    """

    units: int = 0
    errors: int = 0

    @property
    def failed(self) -> bool:
        return self.errors > 0

    def track(self, items: Iterable[Item]) -> Iterator[Item]:
        """Pass ``items`` through, counting them."""
        for item in items:
            if isinstance(item, InputError):
                self.errors += 1
            else:
                self.units += 1
            yield item


# --------------------------------------------------------------------------- shared


class _Repeated(dict[str, Any]):
    """A JSON object in which a key appears more than once (``repeated`` is the first such)."""

    repeated: str = ""


#: How many objects with a repeated key the decoder has met: a reader compares it
#: before and after decoding and looks for the repeated key only when it moved.
_REPEATS = [0]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) == len(pairs):
        return data
    _REPEATS[0] += 1
    marked = _Repeated(data)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            marked.repeated = key
            break
        seen.add(key)
    return marked


#: Parses JSON keeping track of repeated keys, which ``json.loads`` silently drops.
_DECODER = json.JSONDecoder(object_pairs_hook=_object)


def _nfc(value: object) -> object:
    """``value`` with every string (keys too) normalised to NFC.

    Two keys that differ only in their Unicode form become the same key: the
    object is then marked as repeating it.
    """
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        pairs = [(unicodedata.normalize("NFC", str(k)), _nfc(v)) for k, v in value.items()]
        result = _object(pairs)
        if isinstance(value, _Repeated) and not isinstance(result, _Repeated):
            result = _Repeated(result)
            result.repeated = unicodedata.normalize("NFC", value.repeated)
        return result
    return value


def _repeated_key(value: object, path: str) -> tuple[str, str] | None:
    """The path and name of the first key repeated in an object, if any."""
    if isinstance(value, _Repeated):
        return f"{path}.{value.repeated}", value.repeated
    if isinstance(value, dict):
        items: Iterable[tuple[str, object]] = ((f"{path}.{k}", v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return None
    for where, item in items:
        found = _repeated_key(item, where)
        if found is not None:
            return found
    return None


def _book(book: RuleBook | None) -> RuleBook:
    if book is not None:
        return book
    from antq.safety import default_rulebook

    return default_rulebook()


class SeenUnits:
    """The units read so far, across the files of one read, and where each was first read.

    Each unit is kept as the 8-byte digest of its (kind, id, year) and the
    number of its file and line (see ``antq._digests``), in memory up to
    ``antq._spill.MEMORY_BUDGET`` (about 260,000 units), then on disk. Units of a
    document read whole (JSON, TOML, a workbook) keep their path as text.
    """

    __slots__ = ("_digests", "_paths", "_sources")

    def __init__(self) -> None:
        self._digests = DigestSet(value_size=8, budget=MEMORY_BUDGET)
        self._sources: dict[str | None, int] = {}
        self._paths: dict[bytes, str] = {}

    def first(self, unit: UnitFacts, source: str | None, path: str, line: int | None) -> str | None:
        """Where ``unit`` was read before; None (and it is noted as read here) if it was not."""
        key = digest(f"{unit.kind.code}\0{unit.unit_id}\0{unit.year}")
        number = self._sources.setdefault(source, len(self._sources))
        value = 0 if line is None else (number + 1) << 32 | line
        found = self._digests.add(key, value)
        if found is None:
            if line is None:
                self._paths[key] = f"{source}:{path}" if source else path
            return None
        if found == 0:
            return self._paths[key]
        names = list(self._sources)
        first_source = names[(found >> 32) - 1]
        return line_location(first_source, found & 0xFFFFFFFF)


class _Units:
    """Validates raw unit objects and checks for duplicates, for every reader."""

    def __init__(
        self,
        book: RuleBook,
        *,
        check_duplicates: bool,
        source: str | None,
        seen: SeenUnits | None = None,
    ) -> None:
        self.inputs = {kind: book.inputs(kind) for kind in UnitKind}
        self.seen: SeenUnits | None = None
        if check_duplicates:
            self.seen = SeenUnits() if seen is None else seen
        self.source = source

    def where(self, path: str) -> str:
        return f"{self.source}:{path}" if self.source else path

    def read(self, raw: object, path: str, line: int | None, *, may_repeat: bool = True) -> Item:
        """Validate a raw unit object; ``may_repeat=False`` when it is known to repeat no key."""
        repeated = _repeated_key(raw, path) if may_repeat else None
        if repeated is not None:
            where, key = repeated
            message = Msg("the key appears more than once, so which value is meant is not known")
            return self.error(InputError(where, key, message), path, line, UnitRef.of(raw))
        kind_code = raw.get("kind") if isinstance(raw, dict) else None
        kind = UnitKind._value2member_map_.get(kind_code) if isinstance(kind_code, str) else None
        inputs = self.inputs[kind] if isinstance(kind, UnitKind) else {}
        try:
            unit = unit_facts_from_dict(raw, path, inputs)
        except InputError as error:
            return self.error(error, path, line, UnitRef.of(raw))
        return self.admit(unit, path, line)

    def admit(self, unit: UnitFacts, path: str, line: int | None) -> Item:
        """``unit``, or an error if the same (kind, id, year) was read before."""
        if self.seen is not None:
            first = self.seen.first(unit, self.source, path, line)
            if first is not None:
                # No UnitRef: the unit itself was read once already.
                message = Msg("duplicate unit for this kind and year (first at {first})")
                duplicate = InputError(f"{path}.id", unit.unit_id, message, params={"first": first})
                return self.error(duplicate, path, line)
        return unit

    def error(
        self, error: InputError, path: str, line: int | None, unit: UnitRef | None = None
    ) -> UnitReadError:
        if line is None:
            return UnitReadError(self.where(error.path), error.value, error.message, unit=unit)
        field = error.path[len(path) + 1 :] if error.path.startswith(path + ".") else ""
        return RowError(line, field, error.value, error.message, source=self.source, unit=unit)


def _label(source: Source, name: str | None) -> str:
    """How file-level errors name the file (a stream by its ``name``, when it has one)."""
    if name:
        return name
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    named = getattr(source, "name", None)
    return named if isinstance(named, str) else "<stream>"


def _open(source: Source, label: str) -> tuple[IO[bytes], bool]:
    """The stream to read, and whether the reader opened it (and so closes it).

    Raises :class:`InputError` when a path cannot be opened and
    :class:`~antq.errors.UsageError` for a stream of text.
    """
    if isinstance(source, str | os.PathLike):
        return open_input(source, label), True  # closed by the caller
    if isinstance(source, io.TextIOBase) or not hasattr(source, "read"):
        raise UsageError(
            f"a batch reader needs a path or a binary stream (open(path, 'rb')), "
            f"not {type(source).__name__}"
        )
    return source, False


class _Unreadable(Exception):
    """The file cannot be read on: ``value`` and ``message`` say why."""

    def __init__(self, value: object, message: str) -> None:
        super().__init__(message)
        self.value, self.message = value, message


def _first_bytes(raw: bytes | str) -> None:
    """Refuse a file whose first line shows it is not UTF-8 text (UTF-16, NUL bytes, ZIP)."""
    if not isinstance(raw, bytes):
        raise UsageError(
            "a batch reader needs a binary stream (open(path, 'rb')) or a path, "
            "not a stream of text"
        )
    if raw[:1] in _ODD_START or b"\x00" in raw:
        found = encoding_problem(raw[:4096])
        if found is not None:
            raise _Unreadable(*found)


_ODD_START = (b"\xff", b"\xfe", b"\x00", b"P")
_LINE_END = re.compile(rb"\r\n?|\n")


@attrs.frozen
class _LongLine:
    """A line over :data:`MAX_LINE_BYTES`, skipped: its length in bytes."""

    size: int

    def error(self, line: int, source: str | None) -> RowError:
        message = Msg("the line is longer than {limit} bytes; it is skipped")
        return RowError(
            line, "", self.size, message, params={"limit": MAX_LINE_BYTES}, source=source
        )


def _lines(stream: IO[bytes], progress: ReadProgress | None) -> Iterator[bytes | _LongLine]:
    """Physical lines as bytes, without a leading byte-order mark; over-long lines skipped.

    A file whose lines end with a carriage return alone (as old Mac
    spreadsheets save) is read line by line too. Raises :class:`_Unreadable`
    when the first line shows the file is not UTF-8 text.
    """
    first = True
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        if progress is not None:
            progress.done += len(raw)
        if first:
            first = False
            _first_bytes(raw)
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if b"\r" in raw.rstrip(b"\r\n"):
                yield from _cr_lines(raw, stream, progress)
                return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            size = len(raw)
            while rest := stream.readline(_CHUNK):
                size += len(rest)
                if progress is not None:
                    progress.done += len(rest)
                if rest.endswith(b"\n"):
                    break
            yield _LongLine(size)
            continue
        yield raw


def _cr_lines(
    buffer: bytes, stream: IO[bytes], progress: ReadProgress | None
) -> Iterator[bytes | _LongLine]:
    """The lines of a file with carriage returns as line ends, each ending with ``\\n``.

    ``buffer`` is what was read of the file already. Lines are bounded as in
    :func:`_lines`: one over :data:`MAX_LINE_BYTES` is skipped.
    """
    skipped = 0  # bytes of an over-long line skipped so far
    while True:
        parts = _LINE_END.split(buffer)
        buffer = parts.pop()
        for part in parts:
            if skipped:
                yield _LongLine(skipped + len(part))
                skipped = 0
            else:
                yield part + b"\n"
        if skipped or len(buffer) > MAX_LINE_BYTES:
            skipped += len(buffer)
            buffer = b""
        data = stream.read(_CHUNK)
        if progress is not None:
            progress.done += len(data)
        if not data:
            if skipped:
                yield _LongLine(skipped)
            elif buffer:
                yield buffer
            return
        buffer += data


def _decode(raw: bytes) -> str | UnicodeDecodeError:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return error


def _not_utf8(error: UnicodeDecodeError) -> tuple[bytes, str]:
    bad = error.object[error.start : error.end]
    message = Message(Msg("not UTF-8 at byte {byte} of the line"), {"byte": error.start + 1})
    return bytes(bad), message


# --------------------------------------------------------------------------- JSON Lines


def read_jsonl(
    source: Source,
    book: RuleBook | None = None,
    *,
    name: str | None = None,
    check_duplicates: bool = True,
    seen: SeenUnits | None = None,
    progress: ReadProgress | None = None,
) -> Iterator[Item]:
    """Units from JSON Lines: one unit object per line; blank lines are skipped.

    Keywords, for every reader: ``name`` is put before every error path
    (``units.jsonl:line 3.kind``); ``check_duplicates=False`` turns off the
    check that each (kind, id, year) appears once, the only state that grows
    with the number of units; ``seen`` shares that check between files (it
    maps each unit's key to where it was first read); ``progress`` counts the
    bytes read.
    """
    units = _Units(_book(book), check_duplicates=check_duplicates, source=name, seen=seen)
    label = _label(source, name)
    try:
        stream, owned = _open(source, label)
    except InputError as error:
        yield SourceReadError(label, error.value, error.message)
        return
    try:
        for number, raw in enumerate(_lines(stream, progress), start=1):
            if isinstance(raw, _LongLine):
                yield raw.error(number, name)
                continue
            text = _decode(raw)
            if isinstance(text, UnicodeDecodeError):
                value, message = _not_utf8(text)
                yield RowError(number, "", value, message, source=name)
                continue
            if not text.strip():
                continue
            # NFC of the whole line is NFC of each string in it (JSON's syntax
            # characters never combine), except strings written with \u escapes.
            if not text.isascii():
                text = unicodedata.normalize("NFC", text)
            repeats = _REPEATS[0]
            try:
                data = _DECODER.decode(text)
            except json.JSONDecodeError as error:
                shown = text.strip()
                shown = shown if len(shown) <= 80 else shown[:77] + "..."
                malformed = Msg("malformed JSON at column {column}: {reason}")
                params: dict[str, str | int] = {"column": error.colno, "reason": error.msg}
                yield RowError(number, "", shown, malformed, params=params, source=name)
                continue
            escaped = "\\u" in text
            if escaped:
                data = _nfc(data)
            may_repeat = escaped or _REPEATS[0] != repeats
            yield units.read(data, f"line {number}", number, may_repeat=may_repeat)
    except _Unreadable as stop:
        yield SourceReadError(label, stop.value, stop.message)
    except OSError as error:
        yield SourceReadError(label, None, os_reason(error))
    finally:
        if owned:
            stream.close()


# --------------------------------------------------------------------------- CSV


def _json_cell(text: str, path: str) -> object:
    repeats = _REPEATS[0]
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise InputError(
            path, text, Msg("malformed JSON in the cell: {reason}"), params={"reason": error.msg}
        ) from None
    repeated = _repeated_key(value, path) if _REPEATS[0] != repeats else None
    if repeated is not None:
        raise InputError(
            repeated[0], repeated[1], Msg("the key appears more than once in the cell")
        )
    return value


def _cell(text: str, schema: Mapping[str, Any], path: str) -> object:
    """The JSON value a CSV cell stands for, read by the fact's JSON Schema type."""
    kind = schema.get("type")
    if kind == "boolean":
        folded = text.casefold()
        return {"true": True, "false": False}.get(folded, text)
    if kind == "integer":
        return int(text) if _INTEGER.fullmatch(text) else text
    if kind == "array":
        if text == "[]":
            return []
        if text.startswith("["):
            return _json_cell(text, path)
        items = schema.get("items", {})
        if isinstance(items, Mapping) and items.get("type") == "string":
            return [part.strip() for part in text.split(";") if part.strip()]
        return _json_cell(text, path)
    if kind == "object":
        return _json_cell(text, path)
    return text


def _separator_hint(header: list[str]) -> Message | None:
    """A hint when the header is one cell holding the columns split by another separator.

    Spreadsheets set to Vietnamese (decimal comma) save CSV with ';' between cells.
    """
    if len(header) == 1:
        for separator in (";", "\t", "|"):
            if separator in header[0]:
                return Message(
                    Msg("the cells are separated by {separator}; antq reads ',' only"),
                    {"separator": repr(separator)},
                )
    return None


@attrs.frozen
class _Column:
    index: int
    name: str
    #: For ``fact.key`` columns: the fact and the key.
    parent: str | None = None
    key: str | None = None


class _CsvLayout:
    """What each column of a header means, and the problems with the header."""

    def __init__(self, header: list[str], book: RuleBook) -> None:
        self.columns: list[_Column] = []
        self.problems: list[tuple[str, str, str]] = []  # (column, value, message)
        self._row_facts: dict[UnitKind, _RowFacts] = {}
        known = book.inputs()
        seen: set[str] = set()
        for index, raw in enumerate(header):
            name = unicodedata.normalize("NFC", raw.strip())
            if not name:
                if raw:
                    self.problems.append(("", raw, Message(Msg("a column has a blank name"))))
                self.columns.append(_Column(index, ""))
                continue
            if name in seen:
                self.problems.append((name, name, Message(Msg("the column appears twice"))))
                continue
            seen.add(name)
            parent, dot, key = name.partition(".")
            if dot and parent in known and known[parent].schema.get("type") == "object":
                properties = known[parent].schema.get("properties", {})
                if key not in properties:
                    allowed = ", ".join(properties)
                    message = Message(
                        Msg("unknown key of {fact}; allowed: {allowed}"),
                        {"fact": parent, "allowed": allowed},
                    )
                    self.problems.append((name, name, message))
                self.columns.append(_Column(index, name, parent, key))
                continue
            if name not in CSV_UNIT_COLUMNS and name not in known:
                unknown = Message(Msg("unknown column: not a unit key or a fact"))
                self.problems.append((name, name, unknown))
            self.columns.append(_Column(index, name))
        self._unit_columns = [(c.index, c.name) for c in self.columns if c.name in CSV_UNIT_COLUMNS]
        missing = [c for c in _REQUIRED_COLUMNS if c not in seen]
        self.fatal: Message | None = None
        if missing:
            columns = {"columns": ", ".join(_REQUIRED_COLUMNS), "missing": ", ".join(missing)}
            hint = _separator_hint(header)
            self.fatal = (
                Message(
                    Msg("the header must name the columns {columns}; missing: {missing}"), columns
                )
                if hint is None
                else Message(
                    Msg("the header must name the columns {columns}; missing: {missing} ({hint})"),
                    {**columns, "hint": hint},
                )
            )

    def facts_of(self, kind: UnitKind, inputs: Mapping[str, Input[Any]]) -> _RowFacts:
        """How the fact columns of a row of ``kind`` are read (worked out once per kind)."""
        plan = self._row_facts.get(kind)
        if plan is None:
            plan = self._row_facts[kind] = _RowFacts(self.columns, kind, inputs)
        return plan

    def read_unit(self, cells: list[str], units: _Units) -> UnitFacts:
        """The unit of a row; raises :class:`InputError` with a path in the unit.

        Checks what :func:`~antq.io.facts.unit_facts_from_dict` checks, in the
        same order, reading each cell straight into its fact.
        """
        if len(cells) > len(self.columns) and any(c.strip() for c in cells[len(self.columns) :]):
            raise InputError(
                "",
                len(cells),
                Msg("the row has more cells than the header ({count})"),
                params={"count": len(self.columns)},
            )
        found = self._unit_cells(cells)
        unit_id = found.get("id")
        check_id(unit_id, "id")
        kind = UnitKind.from_code(found.get("kind"), path="kind")
        year_text = found.get("year")
        if year_text is None or not _INTEGER.fullmatch(year_text):
            raise InputError(
                "year", year_text, Msg("expected the recognition year as a whole number")
            )
        year = int(year_text)
        period_text = found.get("period")
        period = None if period_text is None else Period.parse(period_text, path="period")
        established_text = found.get("established")
        established = (
            None if established_text is None else parse_iso_date(established_text, "established")
        )
        values = self.facts_of(kind, units.inputs[kind]).read(cells)
        fields: dict[str, Any] = {
            "unit_id": str(unit_id),
            "kind": kind,
            "year": year,
            "name": found.get("name"),
            "commune": found.get("commune"),
            "province": found.get("province"),
            "period": period,
            "established": established,
            "values": values,
        }
        if MIN_YEAR <= year <= MAX_YEAR and (period is None or period.end.year == year):
            # Cells are decoded, NFC and stripped, and each value parsed by its input:
            # the checks of UnitFacts hold already (its constructor reports the rest).
            return UnitFacts.trusted(**fields)
        try:
            return UnitFacts(**fields, checked=True)
        except InputError as error:
            raise InputError(error.path.rsplit(".", 1)[-1], error.value, error.message) from None

    def _unit_cells(self, cells: list[str]) -> dict[str, str]:
        """The unit columns of a row that are not empty, as text."""
        found: dict[str, str] = {}
        size = len(cells)
        for index, name in self._unit_columns:
            if index < size:
                text = cells[index].strip()
                if text:
                    found[name] = text
        return found

    def identification(self, cells: list[str]) -> dict[str, object]:
        """The unit columns of a row that are not empty (the year as a number, if it is one)."""
        found: dict[str, object] = dict(self._unit_cells(cells))
        year = found.pop("year", None)
        if isinstance(year, str) and _INTEGER.fullmatch(year):
            found["year"] = int(year)
        return found


_BOOLEANS = {"true": True, "false": False}


def _cell_reader(inp: Input[Any], schema: Mapping[str, Any]) -> Callable[[str, str], object]:
    """Reads one non-empty cell of ``inp`` (text as in :func:`_cell`) into its parsed value."""
    kind = schema.get("type")
    parse = inp.parse
    if kind == "boolean" and parse is parse_bool:

        def read_boolean(text: str, path: str) -> object:
            value = _BOOLEANS.get(text)
            if value is not None:
                return value
            return parse_bool(_BOOLEANS.get(text.casefold(), text), path)

        return read_boolean
    if kind == "integer" and parse is parse_count:
        return _read_count
    if kind == "string":
        return parse

    def read_other(text: str, path: str) -> object:
        return parse(_cell(text, schema, path), path)

    return read_other


def _read_count(text: str, path: str) -> object:
    # Up to 12 plain digits is a whole number from 0 to MAX_COUNT: nothing to check.
    if len(text) <= 12 and text.isascii() and text.isdigit():
        return int(text)
    return parse_count(int(text) if _INTEGER.fullmatch(text) else text, path)


class _RowFacts:
    """The fact columns of a CSV layout as one kind of unit reads them."""

    def __init__(
        self, columns: list[_Column], kind: UnitKind, inputs: Mapping[str, Input[Any]]
    ) -> None:
        self.kind = kind
        # (index, path, reader) for one-cell facts, in column order.
        self.cells: list[tuple[int, str, str, Callable[[str, str], object]]] = []
        # Facts given one key per column: fact -> [(index, key, path, reader)].
        self.keyed: dict[str, list[tuple[int, str, str, Callable[[str, str], object]]]] = {}
        # Columns of facts that this kind does not have: a value there is an error.
        self.foreign: list[tuple[int, str]] = []
        for column in columns:
            path = f"facts.{column.name}"
            if column.parent is not None and column.key is not None:
                inp = inputs.get(column.parent)
                schema = inp.schema.get("properties", {}).get(column.key, {}) if inp else {}
                reader = _keyed_part(schema)
                self.keyed.setdefault(column.parent, []).append(
                    (column.index, column.key, path, reader)
                )
            elif column.name and column.name not in CSV_UNIT_COLUMNS:
                inp = inputs.get(column.name)
                if inp is None:
                    self.foreign.append((column.index, column.name))
                else:
                    self.cells.append(
                        (column.index, column.name, path, _cell_reader(inp, inp.schema))
                    )
        self.inputs = inputs
        # Facts given both as one column and by key columns: a row may fill only one way.
        self.both = [
            (index, path, inputs[name].schema, self.keyed[name])
            for index, name, path, _ in self.cells
            if name in self.keyed
        ]

    def read(self, cells: list[str]) -> dict[str, object]:
        """The parsed facts of a row; raises :class:`InputError` naming the fact."""
        size = len(cells)
        for index, path, schema, parts in self.both:
            whole = cells[index].strip() if index < size else ""
            if whole and any(i < size and cells[i].strip() for i, *_ in parts):
                raise InputError(
                    path,
                    _cell(whole, schema, path),
                    Msg("given both as one cell and by key columns"),
                )
        values: dict[str, object] = {}
        for index, name, path, reader in self.cells:
            if index < size:
                text = cells[index].strip()
                if text:
                    values[name] = reader(text, path)
        for index, name in self.foreign:
            if index < size and cells[index].strip():
                raise InputError(
                    f"facts.{name}",
                    cells[index].strip(),
                    Msg("unknown fact for a unit of kind {code}; see 'antq schema'"),
                    params={"code": self.kind.code},
                )
        for parent, parts in self.keyed.items():
            raw: dict[str, object] = {}
            for index, key, path, reader in parts:
                if index < size:
                    text = cells[index].strip()
                    if text:
                        raw[key] = reader(text, path)
            if not raw:
                continue
            inp = self.inputs.get(parent)
            if inp is None:
                raise InputError(
                    f"facts.{parent}",
                    raw,
                    Msg("unknown fact for a unit of kind {code}; see 'antq schema'"),
                    params={"code": self.kind.code},
                )
            values[parent] = inp.parse(raw, f"facts.{parent}")
        return values


def _keyed_part(schema: Mapping[str, Any]) -> Callable[[str, str], object]:
    """Reads the cell of one key of an object fact as the JSON value it stands for."""
    if schema.get("type") == "integer":
        return _read_count

    def read(text: str, path: str) -> object:
        return _cell(text, schema, path)

    return read


def _csv_records(
    lines: Iterator[bytes | _LongLine], delimiter: str = ","
) -> Iterator[tuple[int, list[str] | UnicodeDecodeError | _LongLine | csv.Error]]:
    """CSV records with the number of their first line; decoding errors per record."""
    bad: dict[int, UnicodeDecodeError | _LongLine] = {}
    counter = {"line": 0}

    def texts() -> Iterator[str]:
        for raw in lines:
            counter["line"] += 1
            if isinstance(raw, _LongLine):
                bad[counter["line"]] = raw
                yield "\n"
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                bad[counter["line"]] = error
                text = raw.decode("utf-8", errors="replace")
            # NFC of a whole line is NFC of each cell: CSV's separators never combine.
            yield text if text.isascii() else unicodedata.normalize("NFC", text)

    reader = csv.reader(texts(), strict=True, delimiter=delimiter)
    while True:
        start = counter["line"] + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield start, error
            continue
        if bad:
            errors = [bad.pop(n) for n in range(start, counter["line"] + 1) if n in bad]
            if errors:
                yield start, errors[0]
                continue
        yield start, record


def _peek_header(
    lines: Iterator[bytes | _LongLine],
) -> tuple[bytes | None, Iterator[bytes | _LongLine]]:
    """The first line that is not blank (None if there is none), and all the lines again."""
    seen: list[bytes | _LongLine] = []
    header: bytes | None = None
    for raw in lines:
        seen.append(raw)
        if not isinstance(raw, bytes):
            break
        if raw.strip():
            header = raw
            break
    return header, itertools.chain(seen, lines)


def _antq_header(raw: bytes | None, book: RuleBook) -> bool:
    """Whether a header line is antq's own: ``,`` between input names and unit keys only."""
    if raw is None:
        return True
    text = _decode(raw)
    if isinstance(text, UnicodeDecodeError) or ";" in text:
        return not isinstance(text, str)
    try:
        cells = next(csv.reader([text]), [])
    except csv.Error:
        return True  # malformed: antq's own reader reports it
    known = book.inputs()
    for cell in cells:
        name = unicodedata.normalize("NFC", cell.strip())
        if name and name not in CSV_UNIT_COLUMNS and name.partition(".")[0] not in known:
            return False
    return True


def read_csv(
    source: Source,
    book: RuleBook | None = None,
    *,
    name: str | None = None,
    check_duplicates: bool = True,
    seen: SeenUnits | None = None,
    progress: ReadProgress | None = None,
    dialect: Dialect | None = None,
) -> Iterator[Item]:
    """Units from CSV, one row per unit (see the module docstring for the columns).

    Problems with the header (an unknown or repeated column) are reported
    once, as ``line 1``; a header without ``id``, ``kind`` and ``year`` stops
    the file. Rows whose cells are all empty are skipped.

    ``dialect`` (:mod:`antq.io.dialect`) says how the cells are written; by
    default the header decides: one separated by ``;``, or naming a column by
    its label rather than its input name, is read in the Vietnamese dialect.
    """
    rule_book = _book(book)
    units = _Units(rule_book, check_duplicates=check_duplicates, source=name, seen=seen)
    label = _label(source, name)
    try:
        stream, owned = _open(source, label)
    except InputError as error:
        yield SourceReadError(label, error.value, error.message)
        return
    try:
        lines = _lines(stream, progress)
        if dialect is None or dialect.name != "antq":
            header, lines = _peek_header(lines)
            if dialect is not None or not _antq_header(header, rule_book):
                # Not antq's own header: the dialect module decides (imported only then).
                from antq.io.dialect_csv import choose_dialect, read_dialect_rows

                lines, chosen = choose_dialect(lines, dialect, rule_book)
                if chosen.name != "antq":
                    yield from read_dialect_rows(lines, chosen, rule_book, units, source, name)
                    return
        records = _csv_records(lines)
        layout: _CsvLayout | None = None
        for line, record in records:
            if isinstance(record, UnicodeDecodeError):
                value, message = _not_utf8(record)
                yield RowError(line, "", value, message, source=name)
                continue
            if isinstance(record, _LongLine):
                yield record.error(line, name)
                continue
            if isinstance(record, csv.Error):
                yield RowError(
                    line,
                    "",
                    None,
                    Msg("malformed CSV: {error}"),
                    params={"error": str(record)},
                    source=name,
                )
                continue
            if layout is None:
                if not any(cell.strip() for cell in record):
                    continue
                layout = _CsvLayout(record, rule_book)
                for column, shown, problem in layout.problems:
                    yield RowError(line, column, shown, problem, source=name)
                if layout.fatal is not None:
                    # The whole file is lost: no row of it can be read.
                    yield SourceReadError(line_location(name, line), record, layout.fatal)
                    return
                continue
            if not "".join(record).strip():
                continue
            try:
                unit = layout.read_unit(record, units)
            except InputError as error:
                ref = UnitRef.of(layout.identification(record))
                yield RowError(line, error.path, error.value, error.message, source=name, unit=ref)
                continue
            yield units.admit(unit, f"line {line}", line)
        if layout is None:
            yield InputError(label, "", Msg("no header row: the file is empty"))
    except _Unreadable as stop:
        yield SourceReadError(label, stop.value, stop.message)
    except OSError as error:
        yield SourceReadError(label, None, os_reason(error))
    finally:
        if owned:
            stream.close()


# --------------------------------------------------------------------------- JSON document


class _MalformedJson(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class _JsonScanner:
    """Reads a JSON document piece by piece: the units array one element at a time."""

    _WS = " \t\n\r"

    def __init__(self, chunks: Iterator[str]) -> None:
        self.chunks = chunks
        self.buffer = ""
        self.pos = 0
        self.eof = False
        self.lines_before = 0  # newlines in the text dropped from the buffer
        self.columns_before = 0  # characters dropped since the last of them
        self.decoder = _DECODER

    def _fill(self) -> bool:
        if self.eof:
            return False
        if self.pos:
            newlines = self.buffer.count("\n", 0, self.pos)
            if newlines:
                self.lines_before += newlines
                self.columns_before = self.pos - self.buffer.rfind("\n", 0, self.pos) - 1
            else:
                self.columns_before += self.pos
            self.buffer = self.buffer[self.pos :]
            self.pos = 0
        for chunk in self.chunks:
            if chunk:
                self.buffer += chunk
                return True
        self.eof = True
        return False

    def _where(self, pos: int) -> tuple[int, int]:
        line = self.lines_before + self.buffer.count("\n", 0, pos) + 1
        start = self.buffer.rfind("\n", 0, pos) + 1
        # On the first line of the buffer, text dropped from it comes before.
        before = self.columns_before if start == 0 else 0
        return line, before + pos - start + 1

    def fail(self, message: str, pos: int | None = None) -> _MalformedJson:
        line, column = self._where(self.pos if pos is None else pos)
        return _MalformedJson(message, line, column)

    def peek(self) -> str | None:
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in self._WS:
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._fill():
                return None

    def expect(self, chars: str) -> str:
        found = self.peek()
        if found is None or found not in chars:
            wanted = " or ".join(repr(c) for c in chars)
            raise self.fail(f"expected {wanted}" + ("" if found else " before the end"))
        self.pos += 1
        return found

    def value(self) -> object:
        if self.peek() is None:
            raise self.fail("unexpected end of the document")
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as error:
                offset = error.pos - self.pos  # _fill moves the buffer
                if len(self.buffer) - self.pos >= MAX_ITEM_CHARS:
                    raise self.fail(f"a value longer than {MAX_ITEM_CHARS} characters") from None
                if self._fill():
                    continue
                raise self.fail(error.msg, self.pos + offset) from None
            if end == len(self.buffer) and self._fill():
                continue  # a number or literal may go on in the next chunk
            self.pos = end
            return value


def _json_chunks(
    stream: IO[bytes], name: str, progress: ReadProgress | None
) -> Iterator[str | InputError]:
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset = 0
    while True:
        data = stream.read(_CHUNK)
        if progress is not None:
            progress.done += len(data)
        if not offset:
            _first_bytes(data)
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            # The decoder may hold back up to 3 bytes of the previous chunk.
            at = max(offset + error.start - len(error.object) + len(data), 0) + 1
            bad = bytes(error.object[error.start : error.end])
            good = bytes(error.object[: error.start]).decode("utf-8-sig" if not offset else "utf-8")
            if good:
                yield good  # the units before the bad byte are still read
            yield InputError(name, bad, Msg("not UTF-8 at about byte {byte}"), params={"byte": at})
            return
        offset += len(data)
        if text:
            yield text
        if not data:
            return


def read_json(
    source: Source,
    book: RuleBook | None = None,
    *,
    name: str | None = None,
    check_duplicates: bool = True,
    seen: SeenUnits | None = None,
    progress: ReadProgress | None = None,
) -> Iterator[Item]:
    """Units of a JSON facts document, read one unit at a time.

    Errors have the paths of :func:`antq.io.facts.read_facts`
    (``units[3].facts.households_resident``). Malformed JSON stops the file
    at that point, with its line and column; the units before it are kept.
    """
    units = _Units(_book(book), check_duplicates=check_duplicates, source=name, seen=seen)
    label = _label(source, name)
    try:
        stream, owned = _open(source, label)
    except InputError as error:
        yield SourceReadError(label, error.value, error.message)
        return
    failure: list[InputError] = []

    def chunks() -> Iterator[str]:
        for chunk in _json_chunks(stream, label, progress):
            if isinstance(chunk, InputError):
                failure.append(SourceReadError(chunk.path, chunk.value, chunk.message))
                return
            yield chunk

    try:
        yield from _json_document(_JsonScanner(chunks()), units)
    except _MalformedJson as error:
        if not failure:
            where = f"line {error.line} column {error.column}"
            yield SourceReadError(
                label, where, Msg("malformed JSON: {reason}"), params={"reason": error.message}
            )
    except _Unreadable as stop:
        yield SourceReadError(label, stop.value, stop.message)
    except OSError as error:
        yield SourceReadError(label, None, os_reason(error))
    finally:
        if owned:
            stream.close()
    yield from failure


def _json_document(scanner: _JsonScanner, units: _Units) -> Iterator[Item]:
    if scanner.peek() != "{":
        document = scanner.value()
        yield InputError(
            units.where("$"),
            type(document).__name__,
            Msg("expected a document object with 'units'"),
        )
        return
    scanner.expect("{")
    seen_keys: set[str] = set()
    if scanner.peek() == "}":
        scanner.expect("}")
        yield InputError(units.where("units"), None, Msg("expected a list of units"))
        return
    while True:
        key = scanner.value()
        if not isinstance(key, str):
            raise scanner.fail("expected a key")
        scanner.expect(":")
        if key in seen_keys:
            yield InputError(units.where(key), key, Msg("the key appears twice in the document"))
            return
        seen_keys.add(key)
        if key == "units" and scanner.peek() == "[":
            scanner.expect("[")
            index = 0
            if scanner.peek() == "]":
                scanner.expect("]")
            else:
                while True:
                    raw = scanner.value()
                    yield units.read(_nfc(raw), f"units[{index}]", None)
                    index += 1
                    if scanner.expect(",]") == "]":
                        break
        else:
            value = scanner.value()
            if key == "antq_facts":
                if value != FACTS_FORMAT_VERSION:
                    yield InputError(
                        units.where("antq_facts"),
                        value,
                        Msg("unsupported facts format; expected {version}"),
                        params={"version": FACTS_FORMAT_VERSION},
                    )
                    return
            elif key == "units":
                yield InputError(units.where("units"), value, Msg("expected a list of units"))
                return
            else:
                yield InputError(
                    units.where(key),
                    value,
                    Msg("unknown top-level key; allowed: antq_facts, units"),
                )
                return
        if scanner.expect(",}") == "}":
            break
    if "units" not in seen_keys:
        yield InputError(units.where("units"), None, Msg("expected a list of units"))
    if scanner.peek() is not None:
        raise scanner.fail("extra data after the document")


# --------------------------------------------------------------------------- TOML, any


def read_toml(
    path: str | os.PathLike[str],
    book: RuleBook | None = None,
    *,
    name: str | None = None,
    check_duplicates: bool = True,
    seen: SeenUnits | None = None,
    progress: ReadProgress | None = None,
) -> Iterator[Item]:
    """Units of a TOML facts document (read whole: TOML cannot be read piece by piece)."""
    units = _Units(_book(book), check_duplicates=check_duplicates, source=name, seen=seen)
    file = Path(path)
    try:
        text = read_text_file(file)
        document = parse_text(text, str(file), ".toml")
    except InputError as error:
        yield SourceReadError(error.path, error.value, error.message)
        return
    if progress is not None:
        progress.done += len(text.encode("utf-8"))
    yield from _parsed_document(_nfc(document), units)


def _parsed_document(document: object, units: _Units) -> Iterator[Item]:
    """The units of an already-parsed document, checked as :func:`~antq.io.facts.iter_units` does."""
    if not isinstance(document, dict):
        yield InputError(
            units.where("$"),
            type(document).__name__,
            Msg("expected a document object with 'units'"),
        )
        return
    unknown = sorted(set(document) - {"antq_facts", "units"})
    if unknown:
        yield InputError(
            units.where(unknown[0]),
            document[unknown[0]],
            Msg("unknown top-level key; allowed: antq_facts, units"),
        )
        return
    version = document.get("antq_facts", FACTS_FORMAT_VERSION)
    if version != FACTS_FORMAT_VERSION:
        yield InputError(
            units.where("antq_facts"),
            version,
            Msg("unsupported facts format; expected {version}"),
            params={"version": FACTS_FORMAT_VERSION},
        )
        return
    raw_units = document.get("units")
    if not isinstance(raw_units, list):
        yield InputError(units.where("units"), raw_units, Msg("expected a list of units"))
        return
    for index, raw in enumerate(raw_units):
        yield units.read(raw, f"units[{index}]", None)


def _read_xlsx(*args: Any, **kwargs: Any) -> Iterator[Item]:
    """:func:`antq.io.xlsx.read_xlsx`, imported only when a workbook is read."""
    from antq.io.xlsx import read_xlsx

    return read_xlsx(*args, **kwargs)


_READERS: Mapping[str, Callable[..., Iterator[Item]]] = {
    "csv": read_csv,
    "jsonl": read_jsonl,
    "json": read_json,
    "toml": read_toml,
    "xlsx": _read_xlsx,
}


def directory_entries(directory: Path) -> list[Path | SourceReadError]:
    """Every entry of ``directory`` that :func:`read_any` reads or reports, in name order.

    An entry is considered when its name does not start with ``.`` and ends
    with a suffix of :data:`BATCH_SUFFIXES` (in any case); other entries are
    not input and are left alone. A regular file, or a symbolic link to one,
    is returned as its path, to be read. Any other considered entry is a
    :class:`SourceReadError` naming it and saying why it cannot be read: a
    link to a file that does not exist, a loop of links, a subdirectory, a
    named pipe, a device or a socket.
    """
    found: list[Path | SourceReadError] = []
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith((".", "~$")) or entry.suffix.lower() not in BATCH_SUFFIXES:
            continue
        problem = entry_problem(entry)
        found.append(entry if problem is None else SourceReadError(str(entry), None, problem))
    return found


def batch_files(directory: Path) -> list[Path]:
    """The files of ``directory`` that :func:`read_any` reads, sorted by name.

    Hidden files and the ``~$...`` files that Excel and LibreOffice keep beside
    an open workbook are not considered; entries that cannot be read (see
    :func:`directory_entries`) are left out.
    """
    return [entry for entry in directory_entries(directory) if isinstance(entry, Path)]


def read_any(
    path: str | os.PathLike[str],
    book: RuleBook | None = None,
    *,
    progress: ReadProgress | None = None,
    input_format: str | None = None,
) -> Iterator[Item]:
    """Units from a file of any batch format (by suffix) or from every such file of a directory.

    ``input_format`` (one of :data:`INPUT_FORMATS`) wins over the suffix; a
    ``path`` of ``-`` is standard input, read in ``input_format``.

    A directory's files (``.csv``, ``.jsonl``, ``.ndjson``, ``.json``,
    ``.toml``, ``.xlsx``, and links to such files; not its subdirectories) are
    read in name order, and every error path starts with the file's name. An
    entry with such a suffix that cannot be read (see
    :func:`directory_entries`), or a file that cannot be opened or read to its
    end, is a :class:`SourceReadError` in its place, and the other files are
    read. A unit repeated across the files of a directory is an error too.
    ``progress``, when given, is updated with the bytes read (its ``total``
    is set here).
    """
    if isinstance(path, str | os.PathLike):
        target = Path(path)
    else:
        raise UsageError(
            f"read_any needs the path of a file or directory, not {type(path).__name__}"
        )
    rule_book = _book(book)
    if input_format is not None and input_format not in INPUT_FORMATS:
        allowed = ", ".join(INPUT_FORMATS)
        yield InputError(
            "--input-format",
            input_format,
            Msg("expected one of: {allowed}"),
            params={"allowed": allowed},
        )
        return
    if os.fspath(path) == "-":
        yield from _read_stdin(rule_book, input_format)
        return
    named: list[tuple[Path, str | None] | SourceReadError]
    if target.is_dir():
        entries = directory_entries(target)
        if not entries:
            suffixes = ", ".join(BATCH_SUFFIXES)
            yield InputError(
                str(target),
                None,
                Msg("no file with a suffix {suffixes} to read"),
                params={"suffixes": suffixes},
            )
            return
        named = [(e, e.name) if isinstance(e, Path) else e for e in entries]
    elif not target.exists() and not target.is_symlink():
        yield SourceReadError(str(target), None, Msg("no such file or directory"))
        return
    else:
        named = [(target, None)]
    if progress is not None:
        progress.total = sum(_size(item[0]) for item in named if isinstance(item, tuple))
    seen = SeenUnits()
    for item in named:
        if isinstance(item, SourceReadError):
            yield item
            continue
        file, name = item
        fmt = (
            input_format
            if input_format and name is None
            else BATCH_SUFFIXES.get(file.suffix.lower())
        )
        if fmt is None:
            suffixes = ", ".join(BATCH_SUFFIXES)
            message = Msg("expected a file ending in {suffixes}")
            yield SourceReadError(str(file), file.suffix, message, params={"suffixes": suffixes})
            continue
        reader = _reader(fmt)
        if fmt in ("toml", "xlsx") or name is None:
            yield from reader(file, rule_book, name=name, seen=seen, progress=progress)
            continue
        try:  # opened here, so that an error names the file by its whole path
            stream = open_input(file)
        except InputError as error:
            yield SourceReadError(error.path, error.value, error.message)
            continue
        with stream:
            yield from reader(stream, rule_book, name=name, seen=seen, progress=progress)


def _size(file: Path) -> int:
    """The size of a regular file (0 for anything else: its size says nothing)."""
    try:
        status = file.stat()
    except OSError:
        return 0
    return status.st_size if stat.S_ISREG(status.st_mode) else 0


def _reader(fmt: str) -> Callable[..., Iterator[Item]]:
    if fmt == "csv-vi":
        from antq.io.dialect import VIETNAMESE

        return functools.partial(read_csv, dialect=VIETNAMESE)
    return _READERS[fmt]


def _read_stdin(book: RuleBook, input_format: str | None) -> Iterator[Item]:
    """Units from standard input, in ``input_format`` (which must be given)."""
    if input_format is None:
        allowed = ", ".join(INPUT_FORMATS)
        yield InputError(
            "-",
            None,
            Msg("reading standard input needs --input-format ({allowed})"),
            params={"allowed": allowed},
        )
        return
    stream = sys.stdin.buffer
    if input_format in ("xlsx", "toml"):
        # A workbook (a zip file, read from its end) or a TOML document is read whole,
        # as from a file, and never past the limit of a document.
        from antq.io.facts import MAX_DOCUMENT_BYTES, decode_utf8, parse_text

        data = stream.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            yield SourceReadError(
                "<stdin>",
                f"more than {MAX_DOCUMENT_BYTES} bytes",
                Msg("file larger than {limit} bytes; split it"),
                params={"limit": MAX_DOCUMENT_BYTES},
            )
            return
        if input_format == "xlsx":
            yield from _reader("xlsx")(io.BytesIO(data), book, name="<stdin>")
            return
        units = _Units(book, check_duplicates=True, source=None)
        try:
            document = parse_text(decode_utf8(data, "<stdin>"), "<stdin>", ".toml")
        except InputError as error:
            yield error
            return
        yield from _parsed_document(_nfc(document), units)
        return
    yield from _reader(input_format)(stream, book, name="<stdin>")


class _NamedBytes(io.BytesIO):
    """Bytes held in memory that errors name as ``name`` (a request's body, say)."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name


def read_bytes(
    data: bytes, fmt: str, book: RuleBook | None = None, *, label: str = "body"
) -> Iterator[Item]:
    """Units from ``data`` held in memory, in the batch format ``fmt`` (``csv``, ``jsonl``, ...).

    Paths are those of a single file (``units[3].facts.households_resident``,
    ``line 7.year``); errors about the whole of ``data`` name it ``label``.

    >>> [u.unit_id for u in read_bytes(b'{"units": [{"id": "A", "kind": "commune", "year": 2025}]}', "json")]
    ['A']
    >>> next(read_bytes(b"{", "json")).path
    'body'
    """
    if fmt == "toml":
        from antq.io.facts import decode_utf8, parse_text

        units = _Units(_book(book), check_duplicates=True, source=None)
        try:
            document = parse_text(decode_utf8(data, label), label, ".toml")
        except InputError as error:
            yield error
            return
        yield from _parsed_document(_nfc(document), units)
        return
    if fmt not in _READERS:
        raise InputError(
            "format",
            fmt,
            Msg("expected one of: {allowed}"),
            params={"allowed": ", ".join(_READERS)},
        )
    yield from _READERS[fmt](_NamedBytes(data, label), book)


# --------------------------------------------------------------------------- writers

#: Columns of the verdicts CSV, in order.
VERDICT_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "year",
    "name",
    "commune",
    "rule_set",
    "outcome",
    "failed",
    "unknown",
    "missing",
)


def verdict_row(verdict: Verdict) -> dict[str, object]:
    """The one-row summary of a verdict: ids of the failed and unknown criteria, missing inputs.

    >>> from antq import UnitFacts, UnitKind, evaluate
    >>> v = evaluate(UnitFacts(unit_id="KDC-1", kind=UnitKind.RESIDENTIAL_AREA, year=2025,
    ...                        values={"registered_q1": False}))
    >>> row = verdict_row(v)
    >>> row["outcome"], row["failed"]
    ('not_met', ['tt124.residential-area.registration'])
    """
    outcomes = verdict.outcomes()
    NOT_MET, UNKNOWN = Outcome.NOT_MET, Outcome.UNKNOWN
    return {
        "id": verdict.unit_id,
        "kind": verdict.kind.code,
        "year": verdict.year,
        "name": verdict.name,
        "commune": verdict.commune,
        "rule_set": verdict.rule_set,
        "outcome": verdict.outcome.code,
        "failed": [c for c, outcome, _ in outcomes if outcome is NOT_MET],
        "unknown": [c for c, outcome, _ in outcomes if outcome is UNKNOWN],
        "missing": list(dict.fromkeys(m for _, _, missing in outcomes for m in missing)),
    }


def write_verdicts_jsonl(verdicts: Iterable[Verdict], out: TextIO, *, full: bool = False) -> int:
    """Write one JSON object per line and return how many were written.

    Each line is :func:`verdict_row`; with ``full`` it is the whole verdict
    (:meth:`~antq.core.verdict.Verdict.to_json`), which reads back with
    :meth:`antq.Verdict.from_json`.
    """
    written = 0
    for verdict in verdicts:
        data = verdict.to_json() if full else verdict_row(verdict)
        out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        written += 1
    return written


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A value as a verdicts-CSV cell (lists joined with ``;``, formulas defused)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    text = str(value)
    # A spreadsheet would run a cell starting with "=" as a formula; quote it.
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_verdicts_csv(verdicts: Iterable[Verdict], out: TextIO) -> int:
    """Write a header and one row per verdict (:data:`VERDICT_COLUMNS`); return the row count.

    Lists are joined with ``;``. Text starting with ``=``, ``+``, ``-`` or
    ``@`` is written after a ``'`` so that spreadsheets do not run it.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(VERDICT_COLUMNS)
    written = 0
    for verdict in verdicts:
        row = verdict_row(verdict)
        writer.writerow([csv_cell(row[c]) for c in VERDICT_COLUMNS])
        written += 1
    return written
