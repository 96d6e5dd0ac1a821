"""What every batch reader shares: units and their errors, the duplicate check, progress."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Final, TypedDict

import attrs

from antq._digests import DigestSet, digest
from antq._spill import MEMORY_BUDGET
from antq.core.facts import UnitFacts
from antq.core.ruleset import RuleBook
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError, Message
from antq.i18n.catalog import Msg
from antq.io._json_values import _repeated_key
from antq.io.facts import unit_facts_from_dict
from antq.safety import default_rulebook
from antq.vocabulary import Lang

#: The module the errors here name as theirs (in JSON, tracebacks and pickles): the
#: package face, as before it was split.
_PUBLIC = "antq.io.batch"

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

    __module__ = _PUBLIC

    def __init__(
        self,
        *error: *tuple[str, object, str | Msg],
        params: Mapping[str, str | int] | None = None,
        unit: UnitRef | None = None,
    ) -> None:
        """``error`` is the path, value and message of :class:`~antq.errors.InputError`."""
        self.unit = unit
        super().__init__(*error, params=params)


class SourceReadError(UnitReadError):
    """A file of the input that could not be read, or not to its end.

    ``path`` and ``source`` name the file and ``message`` says why (a dangling
    or looping link, permission denied, a pipe or device in a directory, text
    that is not UTF-8, malformed JSON that stops the file...). It names no
    unit (``unit`` is None): an unknown number of units were lost from the
    file, which :attr:`lost_units_unknown` says. The roll-up
    (:func:`antq.safety.hierarchy.evaluate_province`) therefore leaves the counts of
    every commune unknown, since the file could have fed any of them.

    >>> error = SourceReadError("data/b.csv", None, "cannot be read: permission denied")
    >>> str(error), error.unit, error.lost_units_unknown
    ('data/b.csv: cannot be read: permission denied (got None)', None, True)
    """

    __module__ = _PUBLIC

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

    __module__ = _PUBLIC

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

    >>> from antq.errors import InputError
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


def _book(book: RuleBook | None) -> RuleBook:
    if book is not None:
        return book

    return default_rulebook()


class ReadOptions(TypedDict, total=False):
    """The keywords every batch reader takes (:func:`read_csv`, :func:`read_json`,
    :func:`read_jsonl`, :func:`read_toml`), each optional."""

    #: Put before every error path (``units.jsonl:line 3.kind``); None by default.
    name: str | None
    #: False turns off the check that each (kind, id, year) appears once, the only state
    #: that grows with the number of units; True by default.
    check_duplicates: bool
    #: Shares that check between files: each unit's key, and where it was first read.
    seen: SeenUnits | None
    #: Counts the bytes read, for a progress bar.
    progress: ReadProgress | None


ReadOptions.__module__ = _PUBLIC  # a TypedDict's body holds its keys only


@attrs.frozen
class _Reading:
    """A reader's options, checked, and the unit validator they make."""

    units: _Units
    name: str | None
    progress: ReadProgress | None

    @classmethod
    def of(
        cls,
        reader: str,
        book: RuleBook | None,
        options: ReadOptions,
        notices: list[Message] | None = None,
    ) -> _Reading:
        """Checked when the reader is called, as its keywords would be, not when first read."""
        for key in options:
            if key not in ReadOptions.__optional_keys__:
                raise TypeError(f"{reader}() got an unexpected keyword argument {key!r}")
        name = options.get("name")
        units = _Units(
            _book(book),
            check_duplicates=options.get("check_duplicates", True),
            source=name,
            seen=options.get("seen"),
            notices=notices,
        )
        return cls(units, name, options.get("progress"))


class SeenUnits:
    """The units read so far, across the files of one read, and where each was first read.

    Each unit is kept as the 8-byte digest of its (kind, id, year) and the
    number of its file and line (see ``antq._digests``), in memory up to
    ``antq._spill.MEMORY_BUDGET`` (about 65,000 units), then on disk. Units of a
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
        notices: list[Message] | None = None,
    ) -> None:
        self.book = book
        self.inputs = {kind: book.inputs(kind) for kind in UnitKind}
        # Told of a deprecated layout; a list nobody reads when the caller gave none.
        self.notices: list[Message] = [] if notices is None else notices
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
