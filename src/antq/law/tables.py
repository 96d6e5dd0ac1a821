"""Legal tables shipped as TOML data files: one typed reader for all of them.

Every legal table antq encodes (the instrument registry, who recognises which
unit, the dossiers, the windows, the team rules...) lives in a TOML file beside
the module that reads it, each value with its citation and confirmation status,
so that a lawyer can review it without reading Python. This module reads such a
file and checks each value as it is taken: a :class:`Node` is one value of the
file with the key path that leads to it, and each reader (:meth:`Node.text`,
:meth:`Node.day`, :meth:`Node.citation`, ...) either returns a typed value or
raises :class:`~antq.errors.DataFileError` naming the file, the key path and the
value.

>>> node = Node("example.toml", "", {"rows": [{"from": "2022-02-10", "n": 3}]})
>>> row = node["rows"].items()[0]
>>> row["n"].integer(low=1)
3
>>> row["from"].day()
Traceback (most recent call last):
...
antq.errors.DataFileError: example.toml: rows[0].from: expected a date (got '2022-02-10')
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from importlib import resources
from typing import TYPE_CHECKING, Protocol, TypeVar

from antq.errors import AntqError, DataFileError, DefinitionError, InputError
from antq.i18n.catalog import Label, Msg, Text
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum

if TYPE_CHECKING:
    from antq.law.citation import Citation

__all__ = ["Node", "Vocabulary", "load"]

E = TypeVar("E", bound=CodedEnum)
E_co = TypeVar("E_co", bound=CodedEnum, covariant=True)
T = TypeVar("T")


class Vocabulary(Protocol[E_co]):
    """A vocabulary of stable codes: a :class:`~antq.vocabulary.CodedEnum` class."""

    def from_code(self, code: object, *, path: str = "") -> E_co:
        """The member whose code is ``code``."""
        ...


_CITATION_KEYS = frozenset({"instrument", "article", "clause", "point"})


def load(package: str, name: str) -> Node:
    """The root of the TOML file ``name`` shipped in ``package`` (``"data/x.toml"``).

    The file is named in errors by its place in the package,
    ``antq/law/data/instruments/local.toml``. A file that is not valid TOML is a
    :class:`~antq.errors.DataFileError` too, naming the line TOML gives.
    """
    source = f"{package.replace('.', '/')}/{name}"
    text = resources.files(package).joinpath(*name.split("/")).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise Node(source, "", None).fail(str(error)) from None
    return Node(source, "", data)


class Node:
    """One value of a data file, with the key path that leads to it.

    ``node["key"]`` is a required key of a table, ``node.get("key")`` an
    optional one (None when absent); ``node.items()`` are the elements of an
    array, ``node.entries()`` the keys and values of a table. The readers
    return typed values and raise :class:`~antq.errors.DataFileError` otherwise.
    """

    __slots__ = ("path", "source", "value")

    def __init__(self, source: str, path: str, value: object) -> None:
        self.source, self.path, self.value = source, path, value

    def __repr__(self) -> str:
        return f"Node({self.source!r}, {self.path!r}, {self.value!r})"

    def fail(self, message: str | Msg, **params: str | int) -> DataFileError:
        """An error naming this value's file, key path and value."""
        return DataFileError(self.source, self.path or "(top)", self.value, message, params=params)

    @contextmanager
    def building(self, value: object = None) -> Iterator[None]:
        """Name this row in the error of an object built from it.

        A :class:`~antq.errors.DefinitionError` that the object's own checks raise
        (dates out of order, a signer given as a body...) becomes a
        :class:`~antq.errors.DataFileError` at this row's path, showing ``value``
        (by default the row); an error already naming a key passes unchanged.
        """
        try:
            yield
        except DataFileError:
            raise
        except DefinitionError as error:
            shown = self if value is None else Node(self.source, self.path, value)
            raise shown.fail(str(error)) from None

    def _child(self, path: str, value: object) -> Node:
        return Node(self.source, path, value)

    # --- structure ---------------------------------------------------------------------------

    def mapping(self) -> dict[str, object]:
        """The value as a table (a dict), or an error if it is not one."""
        if not isinstance(self.value, dict):
            raise self.fail(Msg("expected a table"))
        return self.value

    def _key_path(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def __getitem__(self, key: str) -> Node:
        table = self.mapping()
        if key not in table:
            raise self._child(self._key_path(key), None).fail(Msg("required"))
        return self._child(self._key_path(key), table[key])

    def get(self, key: str) -> Node | None:
        """The value of an optional ``key``, or None when the table has no such key."""
        table = self.mapping()
        return self._child(self._key_path(key), table[key]) if key in table else None

    def optional(self, key: str, read: Callable[[Node], T]) -> T | None:
        """``read`` applied to the optional ``key``, or None when it is absent."""
        node = self.get(key)
        return None if node is None else read(node)

    def keys(self, allowed: Collection[str]) -> Node:
        """This table, after checking that it has no key outside ``allowed``."""
        unknown = sorted(set(self.mapping()) - set(allowed))
        if unknown:
            raise self._child(self._key_path(unknown[0]), self.mapping()[unknown[0]]).fail(
                Msg("unknown key; allowed: {allowed}"), allowed=", ".join(sorted(allowed))
            )
        return self

    def items(self) -> list[Node]:
        """The elements of an array, each with its index in the path (``rows[3]``)."""
        if not isinstance(self.value, list):
            raise self.fail(Msg("expected a list"))
        return [self._child(f"{self.path}[{i}]", v) for i, v in enumerate(self.value)]

    def entries(self) -> Iterator[tuple[str, Node]]:
        """The keys and values of a table, in the order of the file."""
        for key, value in self.mapping().items():
            yield key, self._child(self._key_path(key), value)

    # --- scalars -----------------------------------------------------------------------------

    def text(self) -> str:
        """Non-empty text."""
        if not isinstance(self.value, str) or not self.value.strip():
            raise self.fail(Msg("expected non-empty text"))
        return self.value

    def texts(self) -> tuple[str, ...]:
        """A list of non-empty text."""
        return tuple(node.text() for node in self.items())

    def integer(self, *, low: int | None = None, high: int | None = None) -> int:
        """A whole number, within ``low`` and ``high`` when they are given."""
        value = self.value
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(Msg("expected a whole number"))
        if low is not None and high is not None and not low <= value <= high:
            raise self.fail(Msg("must be between {low} and {high}"), low=low, high=high)
        if low is not None and value < low:
            raise self.fail(Msg("must be {low} or more"), low=low)
        if high is not None and value > high:
            raise self.fail(Msg("must be {high} or less"), high=high)
        return value

    def boolean(self) -> bool:
        """``true`` or ``false``."""
        if not isinstance(self.value, bool):
            raise self.fail(Msg("expected true or false"))
        return self.value

    def day(self) -> date:
        """A calendar date written as a TOML date (``2022-02-10``), not a date-time."""
        if isinstance(self.value, datetime) or not isinstance(self.value, date):
            raise self.fail(Msg("expected a date"))
        return self.value

    def dates(
        self, start: str = "valid_from", end: str = "valid_to"
    ) -> tuple[date | None, date | None]:
        """The first and last day of a row's dates, both inclusive (None: no bound).

        A last day before the first is an error naming the last.
        """
        first = self.optional(start, Node.day)
        last = self.optional(end, Node.day)
        if first is not None and last is not None and last < first:
            raise self[end].fail(Msg("ends before it starts"))
        return first, last

    def code(self, vocabulary: Vocabulary[E]) -> E:
        """A member of ``vocabulary`` given by its stable code."""
        try:
            return vocabulary.from_code(self.value, path=self.path)
        except InputError as error:
            raise self.fail(error.message) from None

    def codes(self, vocabulary: Vocabulary[E]) -> frozenset[E]:
        """A list of codes of ``vocabulary``, each at most once."""
        members = [node.code(vocabulary) for node in self.items()]
        if len(set(members)) != len(members):
            raise self.fail(Msg("lists a code twice"))
        return frozenset(members)

    def bilingual(self) -> Text:
        """Text in both languages: ``{ vi = "...", en = "..." }``."""
        if not isinstance(self.value, dict):
            raise self.fail(Msg("expected {vi, en}"))
        self.keys(("vi", "en"))
        return Text(vi=self["vi"].text(), en=self["en"].text())

    def message(self) -> Msg:
        """A message of antq's catalogue, by its English msgid: ``{ msgid = "..." }``.

        ``scripts/update_catalogs.sh`` extracts these msgids from the data files,
        so they are translated like the messages written in Python.
        """
        self.keys(("msgid",))
        return Msg(self["msgid"].text())

    def label(self) -> Label:
        """A catalogue message (``{ msgid = ... }``) or text in both languages."""
        if isinstance(self.value, dict) and "msgid" in self.value:
            return self.message()
        return self.bilingual()

    def confirmation(self) -> Confirmation:
        """A confirmation status: ``"confirmed"``, ``"partial"`` or ``"unconfirmed"``."""
        return self.code(Confirmation)

    def citation(self) -> Citation:
        """A citation checked against the registry: ``{ instrument, article, clause, point }``."""
        from antq.law.citation import Citation  # the registry is itself read by this module

        if not isinstance(self.value, dict):
            raise self.fail(Msg("expected a citation table"))
        self.keys(_CITATION_KEYS)
        article, clause = (
            self.optional(key, lambda node: node.integer(low=1)) for key in ("article", "clause")
        )
        try:
            return Citation(
                instrument=self["instrument"].text(),
                article=article,
                clause=clause,
                point=self.optional("point", Node.text),
            )
        except AntqError as error:
            raise self.fail(str(error)) from None
