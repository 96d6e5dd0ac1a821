"""Where a report's collector keeps the verdicts of its annex: :class:`AnnexStore`.

The annex lists every unit not met or unknown of a round, a fixed share of
its units, so keeping their verdicts until the report is written would make
the report's memory grow with the round. Past ``antq._spill.MEMORY_BUDGET``
they go to disk instead, as the round does with its own state: pickled, a
list for each part of the round that had some, to a private temporary SQLite
database, read back a part at a time when the annex is written.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator

from antq._spill import MEMORY_BUDGET, SpillDatabase
from antq.core.verdict import Verdict

__all__ = ["AnnexStore"]

# About what a kept verdict (its failing results built) costs in memory.
_VERDICT_BYTES = 1400


class AnnexStore:
    """The verdicts of the annex by part number, in memory up to the budget, then on disk."""

    __slots__ = ("_buffered", "_bytes", "_disk", "_indexed")

    def __init__(self) -> None:
        self._buffered: dict[int, list[Verdict]] = {}
        self._bytes = 0
        self._disk = SpillDatabase()
        self._indexed = False

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
            (
                (part, pickle.dumps(verdicts, pickle.HIGHEST_PROTOCOL))
                for part, verdicts in self._buffered.items()
            ),
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
                yield from pickle.loads(data)
        yield from self._buffered.get(part, ())
