"""Where a report's collector keeps the verdicts of its annex: :class:`AnnexStore`.

The annex lists every unit not met or unknown of a round, a fixed share of
its units, so keeping their verdicts until the report is written would make
the report's memory grow with the round. Past ``antq._spill.MEMORY_BUDGET``
they go to disk instead, as the round does with its own state: pickled, a
list for each part of the round that had some, to a private temporary SQLite
database, read back a part at a time when the annex is written.

Only bytes the store pickled itself, in this process, are unpickled: its
database is an anonymous temporary file (``antq._spill``), never a path from
the input, and its unpickler finds antq's classes and a few of the standard
library's only.

Most of a verdict is the rule book's: its criteria's descriptions, its period,
the templates of its reasons. Those are pickled as their number in a table
the store keeps (bounded: a rule book has a few hundred), so a verdict on disk
is its own data only, and is written and read back about a quarter faster.
"""

from __future__ import annotations

import copyreg
import io
import pickle
from collections.abc import Callable, Iterator
from typing import Any

from antq._spill import MEMORY_BUDGET, SpillDatabase
from antq.core.criterion import CriterionInfo
from antq.core.periods import Period
from antq.core.verdict import Verdict
from antq.i18n.catalog import Msg

__all__ = ["AnnexStore"]

# About what a kept verdict (its failing results built) costs in memory.
_VERDICT_BYTES = 1400
# Shared objects a store numbers at most: past that, they are pickled whole.
_SHARED_MAX = 1 << 16


# The standard library's classes a verdict's reasons may hold.
_STANDARD = frozenset(
    {
        ("builtins", "object"),
        ("copyreg", "_reconstructor"),
        ("datetime", "date"),
        ("datetime", "datetime"),
        ("datetime", "timedelta"),
        ("decimal", "Decimal"),
        ("fractions", "Fraction"),
    }
)


def _shared(number: int) -> Any:
    """Stands, in a pickle, for the shared object ``number`` (see ``_Shared``)."""
    raise AssertionError("read only by AnnexStore, which gives the object itself")


class _Shared:
    """The objects verdicts share, by number; a reason's template by its text."""

    __slots__ = ("dispatch", "numbers", "objects")

    def __init__(self) -> None:
        self.objects: list[object] = []
        # By identity (the rule book's own objects), or by value (templates, made per reason).
        self.numbers: dict[object, int] = {}
        by_identity, by_value = self._reducer(id), self._reducer(lambda obj: obj)
        self.dispatch: dict[type, Callable[[Any], Any]] = {
            **copyreg.dispatch_table,
            CriterionInfo: by_identity,
            Period: by_identity,
            Msg: by_value,
        }

    def _reducer(self, key_of: Callable[[Any], object]) -> Callable[[Any], Any]:
        numbers, objects = self.numbers, self.objects

        def reduce(obj: Any) -> Any:
            key = key_of(obj)
            number = numbers.get(key)
            if number is None:
                if len(objects) >= _SHARED_MAX:
                    return obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
                number = numbers[key] = len(objects)
                objects.append(obj)  # kept, so that its id is never another object's
            return (_shared, (number,))

        return reduce

    def dumps(self, value: object) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = self.dispatch
        pickler.dump(value)
        return buffer.getvalue()

    def loads(self, data: bytes) -> Any:
        return _Unpickler(data, self.objects).load()


class _Unpickler(pickle.Unpickler):
    """Reads a pickle of :class:`_Shared`, its numbers standing for the shared objects."""

    def __init__(self, data: bytes, objects: list[object]) -> None:
        super().__init__(io.BytesIO(data))
        self.objects = objects

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == "_shared":
            return self.objects.__getitem__
        # Only what a verdict is made of: antq's own classes and a few of the standard library's.
        if module.partition(".")[0] != "antq" and (module, name) not in _STANDARD:
            raise ValueError(f"not part of a verdict: {module}.{name}")
        return super().find_class(module, name)


class AnnexStore:
    """The verdicts of the annex by part number, in memory up to the budget, then on disk."""

    __slots__ = ("_buffered", "_bytes", "_disk", "_indexed", "_shared")

    def __init__(self) -> None:
        self._buffered: dict[int, list[Verdict]] = {}
        self._bytes = 0
        self._disk = SpillDatabase()
        self._indexed = False
        self._shared = _Shared()

    def add(self, part: int, verdict: Verdict) -> None:
        """Keep ``verdict`` of part ``part`` (after the ones kept before)."""
        kept = self._buffered.get(part)
        if kept is None:
            kept = self._buffered[part] = []
        kept.append(verdict)
        self._bytes += _VERDICT_BYTES
        if self._bytes > MEMORY_BUDGET:
            self.spill()

    def spill(self) -> None:
        """Move the verdicts in memory to disk."""
        connection = self._disk.connection
        if not self._indexed:
            connection.execute("CREATE TABLE IF NOT EXISTS annex (part INTEGER, verdicts BLOB)")
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO annex VALUES (?, ?)",
            ((part, self._shared.dumps(verdicts)) for part, verdicts in self._buffered.items()),
        )
        connection.execute("COMMIT")
        self._buffered = {}
        self._bytes = 0

    def verdicts(self, part: int) -> Iterator[Verdict]:
        """The verdicts of part ``part``, in the order they were kept."""
        if self._disk.opened:
            connection = self._disk.connection
            if not self._indexed:
                # Written once, read by part: the index is made when the first part is read.
                connection.execute("CREATE INDEX IF NOT EXISTS annex_part ON annex (part)")
                self._indexed = True
            rows = connection.execute(
                "SELECT verdicts FROM annex WHERE part = ? ORDER BY rowid", (part,)
            )
            for (data,) in rows.fetchall():
                yield from self._shared.loads(data)
        yield from self._buffered.get(part, ())
