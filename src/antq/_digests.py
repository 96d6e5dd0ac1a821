"""A compact set of keys seen, for the duplicate checks of a round that streams.

A round must notice a unit it has already read, so it has to remember every
unit; a Python ``set`` of the ids costs about 100 bytes a unit. :class:`DigestSet`
keeps an 8-byte BLAKE2b digest of each key (and, when asked, a small value
with it) in byte arrays: about 10 bytes a key, or 18 with an 8-byte value.

Two different keys share a digest with a probability of about n²/2⁶⁵ (one in
37 million for a million units); the digest does not depend on the process,
so the same input always gives the same answer.

Given a ``budget`` in bytes, a set that outgrows it moves its entries to a
private temporary SQLite database (``antq._spill``) and goes on from an empty
memory. A Bloom filter of the keys on disk (about one byte a key) answers
most lookups of a new key without reading the disk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from antq._spill import SpillDatabase

__all__ = ["DigestSet", "digest"]

DIGEST_SIZE = 8
# Entries per bucket (on average) before the buckets double: a bucket is searched
# with bytearray.find, whose time grows with the bucket.
_LOAD = 32


def digest(key: str) -> bytes:
    """The 8-byte digest of ``key``."""
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=DIGEST_SIZE).digest()


# The Bloom filter's bits per key on disk, at the least (at most twice that), and
# its probes per key: 2 probes at 12 bits a key let about 1 new key in 40 through.
_BITS_PER_KEY = 12


class _Filter:
    """A Bloom filter over digests: "not there" is sure, "there" must be checked.

    Its two probes are the low and high halves of the digest itself, already a hash.
    """

    __slots__ = ("bits", "count", "mask")

    def __init__(self, capacity: int) -> None:
        size = 1 << max(6, (capacity * _BITS_PER_KEY - 1).bit_length())
        self.bits = bytearray(size // 8)
        self.mask = size - 1
        self.count = 0

    @property
    def capacity(self) -> int:
        return (self.mask + 1) // _BITS_PER_KEY

    def add(self, key: int) -> None:
        mask, bits = self.mask, self.bits
        low, high = key & mask, key >> 32 & mask
        bits[low >> 3] |= 1 << (low & 7)
        bits[high >> 3] |= 1 << (high & 7)
        self.count += 1

    def __contains__(self, key: int) -> bool:
        mask, bits = self.mask, self.bits
        low, high = key & mask, key >> 32 & mask
        return bool(bits[low >> 3] & 1 << (low & 7) and bits[high >> 3] & 1 << (high & 7))


class DigestSet:
    """Digests of keys, each with a value of ``value_size`` bytes (0 for none).

    >>> seen = DigestSet(value_size=4)
    >>> seen.add(digest("KDC-01"), 7) is None
    True
    >>> seen.add(digest("KDC-01"), 9)
    7
    >>> seen.get(digest("KDC-02")) is None
    True
    >>> len(seen)
    1
    """

    __slots__ = (
        "_digests",
        "_disk",
        "_filter",
        "_front",
        "_limit",
        "_mask",
        "_size",
        "_value_size",
        "_values",
    )

    def __init__(self, *, value_size: int = 0, budget: int | None = None) -> None:
        self._value_size = value_size
        self._size = 0
        # Entries in memory before they go to disk (None: never).
        self._limit = None if budget is None else max(1, budget // (DIGEST_SIZE + value_size))
        self._disk: SpillDatabase | None = None
        self._filter: _Filter | None = None
        self._empty()

    def _empty(self) -> None:
        self._mask = 255
        self._digests = [bytearray() for _ in range(256)]
        self._values = [bytearray() for _ in range(256)] if self._value_size else []
        self._front = 0

    def __len__(self) -> int:
        return self._size

    def __contains__(self, key: bytes) -> bool:
        return self.get(key) is not None

    @property
    def spilled(self) -> bool:
        """Whether entries were moved to disk."""
        return self._disk is not None

    def close(self) -> None:
        """Delete what went to disk (the set is then empty)."""
        if self._disk is not None:
            self._disk.close()
            self._disk = None
        self._filter = None
        self._empty()
        self._size = 0

    def _slot(self, key: bytes) -> int:
        return (key[0] | key[1] << 8 | key[2] << 16) & self._mask

    @staticmethod
    def _find(bucket: bytearray, key: bytes) -> int:
        """The entry number of ``key`` in ``bucket``, or -1 (a match must start an entry)."""
        at = bucket.find(key)
        while at > 0 and at % DIGEST_SIZE:
            at = bucket.find(key, at + 1)
        return at // DIGEST_SIZE if at >= 0 else -1

    def get(self, key: bytes) -> int | None:
        """The value kept with ``key`` (0 without values), or None if it was never added."""
        slot = self._slot(key)
        entry = self._find(self._digests[slot], key)
        if entry >= 0:
            return self._value(slot, entry)
        return self._on_disk(key)

    def _on_disk(self, key: bytes) -> int | None:
        if self._disk is None:
            return None
        number = int.from_bytes(key, "little")
        if self._filter is not None and number not in self._filter:
            return None
        row = self._disk.connection.execute(
            "SELECT v FROM digests WHERE k = ?", (int.from_bytes(key, "little", signed=True),)
        ).fetchone()
        return None if row is None else int(row[0])

    def _value(self, slot: int, entry: int) -> int:
        size = self._value_size
        if not size:
            return 0
        return int.from_bytes(self._values[slot][entry * size : (entry + 1) * size], "little")

    def add(self, key: bytes, value: int = 0) -> int | None:
        """Add ``key`` with ``value``; if it was already there, its value instead (nothing added)."""
        slot = self._slot(key)
        bucket = self._digests[slot]
        entry = self._find(bucket, key)
        if entry >= 0:
            return self._value(slot, entry)
        # Checked here, not only in _on_disk: this is every new unit of a round.
        found = None if self._disk is None else self._on_disk(key)
        if found is not None:
            return found
        self._size += 1
        self._remember(slot, key, value)
        return None

    def _remember(self, slot: int, key: bytes, value: int) -> None:
        """Keep ``key`` in memory (in ``slot``), moving everything to disk past the budget."""
        self._digests[slot] += key
        if self._value_size:
            self._values[slot] += value.to_bytes(self._value_size, "little")
        self._front += 1
        if self._limit is not None and self._front >= self._limit:
            self._spill()
        elif self._front > _LOAD * (self._mask + 1):
            self._grow()

    def _entries(self, into: _Filter) -> Iterator[tuple[int, int]]:
        """The entries in memory as (signed key, value) rows, each key added to ``into``."""
        size, step = self._value_size, DIGEST_SIZE
        for slot, bucket in enumerate(self._digests):
            values = self._values[slot] if size else b""
            for entry in range(len(bucket) // step):
                number = int.from_bytes(bucket[entry * step : (entry + 1) * step], "little")
                into.add(number)
                value = int.from_bytes(values[entry * size : (entry + 1) * size], "little")
                yield number - (number >> 63 << 64), value

    def _spill(self) -> None:
        if self._disk is None:
            self._disk = SpillDatabase()
            self._disk.connection.execute(
                "CREATE TABLE digests (k INTEGER PRIMARY KEY, v INTEGER NOT NULL)"
            )
        connection = self._disk.connection
        into = self._filter
        if into is None or into.count + self._front > into.capacity:
            # A filter twice as large, made again from the keys on disk: over a
            # round, each key is read back about once.
            into = _Filter(2 * ((into.count if into else 0) + self._front))
            for (signed,) in connection.execute("SELECT k FROM digests"):
                into.add(signed & 0xFFFFFFFFFFFFFFFF)
        connection.execute("BEGIN")
        # An entry in memory holds the latest value of its key (add_bits merges first).
        # It may be on disk already; the filter then counts it twice, which only
        # makes it grow a little sooner.
        connection.executemany("INSERT OR REPLACE INTO digests VALUES (?, ?)", self._entries(into))
        connection.execute("COMMIT")
        self._filter = into
        self._empty()

    def add_bits(self, key: bytes, bits: int) -> int:
        """OR ``bits`` into the value of ``key`` (added with 0 if absent); the value before.

        >>> kinds = DigestSet(value_size=1)
        >>> kinds.add_bits(digest("2025 KDC-01"), 0b01), kinds.add_bits(digest("2025 KDC-01"), 0b10)
        (0, 1)
        >>> kinds.get(digest("2025 KDC-01"))
        3
        """
        size = self._value_size
        slot = self._slot(key)
        entry = self._find(self._digests[slot], key)
        if entry < 0:
            found = None if self._disk is None else self._on_disk(key)
            if found is None:
                self._size += 1
            elif found | bits == found:
                return found
            self._remember(slot, key, (found or 0) | bits)
            return found or 0
        before = self._value(slot, entry)
        self._values[slot][entry * size : (entry + 1) * size] = (before | bits).to_bytes(
            size, "little"
        )
        return before

    def _grow(self) -> None:
        mask = self._mask * 2 + 1
        size, step = self._value_size, DIGEST_SIZE
        digests = [bytearray() for _ in range(mask + 1)]
        values = [bytearray() for _ in range(mask + 1)] if size else []
        for slot, bucket in enumerate(self._digests):
            old_values = self._values[slot] if size else b""
            for entry in range(len(bucket) // step):
                key = bytes(bucket[entry * step : (entry + 1) * step])
                new = (key[0] | key[1] << 8 | key[2] << 16) & mask
                digests[new] += key
                if size:
                    values[new] += old_values[entry * size : (entry + 1) * size]
        self._digests, self._values, self._mask = digests, values, mask
