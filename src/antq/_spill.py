"""Where a round puts what it must remember once that outgrows its memory budget.

A round keeps a little of every unit until the end (a digest for the duplicate
checks, the ids of units that did not pass, the incidents a commune's territory
criterion can count). Past a fixed budget for each kind, that state goes to
disk, so a round's peak memory stops growing with its units: the digests to
sorted runs in a temporary file (``antq._digests``), the communes' ids and
incidents to a private temporary SQLite database, this module.

SQLite ships with Python, and ``sqlite3.connect("")`` opens a private on-disk
database that SQLite deletes when it is closed (or the process ends).

>>> store = SpillDatabase()
>>> store.connection.execute("SELECT 1").fetchone()
(1,)
>>> store.close()
"""

from __future__ import annotations

import sqlite3
from typing import Final

__all__ = ["CACHE_KIB", "MEMORY_BUDGET", "SpillDatabase"]

# Bytes of per-unit state a round keeps in memory, for each of its three kinds
# (the readers' digests, the round's digests, the ids and incidents of its
# communes), before it writes them to disk. Small enough that a round of
# 100,000 units writes too, so a larger one adds little more than its filters.
MEMORY_BUDGET: Final = 1 << 20
# SQLite's page cache per database: the file's pages stay in the operating
# system's cache, outside the process.
CACHE_KIB: Final = 1024


class SpillDatabase:
    """A private temporary SQLite database, opened when first used."""

    __slots__ = ("_connection",)

    def __init__(self) -> None:
        self._connection: sqlite3.Connection | None = None

    @property
    def connection(self) -> sqlite3.Connection:
        if self._connection is None:
            # Autocommit (isolation_level=None); writers open their own transactions.
            connection = sqlite3.connect("", isolation_level=None, check_same_thread=False)
            # Nothing here must survive a crash: the file is deleted with the connection.
            connection.execute("PRAGMA journal_mode=OFF")
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self._connection = connection
        return self._connection

    @property
    def opened(self) -> bool:
        """Whether anything was written to disk."""
        return self._connection is not None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
