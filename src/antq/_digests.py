"""A compact set of keys seen, for the duplicate checks of a round that streams.

A round must notice a unit it has already read, so it has to remember every
unit; a Python ``set`` of the ids costs about 100 bytes a unit. :class:`DigestSet`
keeps an 8-byte BLAKE2b digest of each key (and, when asked, a small value
with it) in byte arrays: about 10 bytes a key, or 18 with an 8-byte value.

Two different keys share a digest with a probability of about n²/2⁶⁵ (one in
37 million for a million units); the digest does not depend on the process,
so the same input always gives the same answer.

Given a ``budget`` in bytes, a set that outgrows it sorts its entries and
appends them as one *run* to a private temporary file, then goes on from an
empty memory. Only a little of each key stays in memory: a Bloom filter of the
keys on disk (1 to 2 bytes a key) answers almost every lookup of a new key
without reading the file, and one key in every 512 of each run says which
page of the run to read when the filter cannot.
"""

from __future__ import annotations

import hashlib
import tempfile
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import IO

__all__ = ["DigestSet", "digest"]

DIGEST_SIZE = 8
# Entries per bucket (on average) before the buckets double: a bucket is searched
# with bytearray.find, whose time grows with the bucket.
_LOAD = 32


def digest(key: str) -> bytes:
    """The 8-byte digest of ``key``."""
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=DIGEST_SIZE).digest()


# The Bloom filter's bits per key on disk, at the least (twice that just after it
# grows). Two probes at 8 to 16 bits a key let 1 new key in 20 to 1 in 70 through.
_BITS_PER_KEY = 8


class _Filter:
    """A Bloom filter over digests: "not there" is sure, "there" must be checked.

    Its two probes are the low and high halves of the digest itself, already a hash.
    """

    __slots__ = ("bits", "count", "size")

    def __init__(self, capacity: int) -> None:
        self.size = max(64, capacity * _BITS_PER_KEY)
        self.bits = bytearray((self.size + 7) // 8)
        self.count = 0

    @property
    def capacity(self) -> int:
        return self.size // _BITS_PER_KEY

    def add(self, key: int) -> None:
        size, bits = self.size, self.bits
        low, high = (key & 0xFFFFFFFF) % size, (key >> 32) % size
        bits[low >> 3] |= 1 << (low & 7)
        bits[high >> 3] |= 1 << (high & 7)
        self.count += 1

    def __contains__(self, key: int) -> bool:
        size, bits = self.size, self.bits
        low, high = (key & 0xFFFFFFFF) % size, (key >> 32) % size
        return bool(bits[low >> 3] & 1 << (low & 7) and bits[high >> 3] & 1 << (high & 7))


# Entries of a run between two keys kept in memory: a lookup the filter lets
# through reads one such page (512 entries of at most 16 bytes) of each run.
_PAGE = 512


class _Runs:
    """Sorted runs of entries (a digest, then its value) in a private temporary file.

    A later run may hold a key again, with its newer value, so runs are searched
    from the last. The file is deleted when it is closed, or when the process ends.
    """

    __slots__ = ("_end", "_entry", "_file", "_runs")

    def __init__(self, entry_size: int) -> None:
        # Open for the set's whole life; close() closes (and so deletes) it.
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="antq-digests-")  # noqa: SIM115
        self._entry = entry_size
        # Each run: its offset in the file, its entries, and the first key of each page.
        self._runs: list[tuple[int, int, list[bytes]]] = []
        self._end = 0

    def append(self, entries: Iterable[bytearray], into: _Filter | None) -> None:
        """Write ``entries`` (in order) as a new run, adding their keys to ``into`` if given."""
        write, firsts, count = self._file.write, [], 0
        self._file.seek(self._end)
        for entry in entries:
            if not count % _PAGE:
                firsts.append(bytes(entry[:DIGEST_SIZE]))
            if into is not None:
                into.add(int.from_bytes(entry[:DIGEST_SIZE], "little"))
            write(entry)
            count += 1
        self._runs.append((self._end, count, firsts))
        self._end += count * self._entry

    def find(self, key: bytes) -> bytes | None:
        """The newest entry of ``key``, or None."""
        size = self._entry
        for offset, count, firsts in reversed(self._runs):
            page = bisect_right(firsts, key) - 1
            if page < 0:
                continue
            first = page * _PAGE
            self._file.seek(offset + first * size)
            data = self._file.read(min(_PAGE, count - first) * size)
            low, high = 0, len(data) // size
            while low < high:
                middle = (low + high) // 2
                at = middle * size
                found = data[at : at + DIGEST_SIZE]
                if found == key:
                    return data[at : at + size]
                if found < key:
                    low = middle + 1
                else:
                    high = middle
        return None

    def numbers(self) -> Iterator[int]:
        """Every key written, as an integer (a key written twice comes twice)."""
        size = self._entry
        self._file.seek(0)
        chunk = _PAGE * 64 * size
        while data := self._file.read(chunk):
            for at in range(0, len(data), size):
                yield int.from_bytes(data[at : at + DIGEST_SIZE], "little")

    def close(self) -> None:
        self._file.close()


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
        "_shift",
        "_size",
        "_value_size",
        "_values",
    )

    def __init__(self, *, value_size: int = 0, budget: int | None = None) -> None:
        self._value_size = value_size
        self._size = 0
        # Entries in memory before they go to disk (None: never).
        self._limit = None if budget is None else max(1, budget // (DIGEST_SIZE + value_size))
        self._disk: _Runs | None = None
        self._filter: _Filter | None = None
        self._empty()

    def _empty(self) -> None:
        # 2**(24 - shift) buckets, by the leading bits of the digest: buckets in
        # order hold keys in order, so a run is written one sorted bucket at a time.
        self._shift = 16
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
        return (key[0] << 16 | key[1] << 8 | key[2]) >> self._shift

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
        if self._filter is not None and int.from_bytes(key, "little") not in self._filter:
            return None
        found = self._disk.find(key)
        return None if found is None else int.from_bytes(found[DIGEST_SIZE:], "little")

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
        elif self._front > _LOAD * len(self._digests) and self._shift:
            self._grow()

    def _entries(self) -> Iterator[bytearray]:
        """The entries in memory, each its digest then its value, in order of digest."""
        size, step = self._value_size, DIGEST_SIZE
        for slot, bucket in enumerate(self._digests):
            if size:
                values = self._values[slot]
                entries = [
                    bucket[n * step : (n + 1) * step] + values[n * size : (n + 1) * size]
                    for n in range(len(bucket) // step)
                ]
            else:
                entries = [bucket[n : n + step] for n in range(0, len(bucket), step)]
            entries.sort()
            yield from entries

    def _spill(self) -> None:
        if self._disk is None:
            self._disk = _Runs(DIGEST_SIZE + self._value_size)
        # An entry in memory holds the latest value of its key (add_bits merges first);
        # its key may be on disk already, and the newer run wins.
        into = self._filter
        grow = into is None or into.count + self._front > into.capacity
        self._disk.append(self._entries(), None if grow else into)
        if grow:
            # A filter twice as large, made again from the keys on disk: over a
            # round, each key is read back about twice. A key written twice
            # counts twice, which only makes it grow a little sooner.
            into = _Filter(2 * ((into.count if into else 0) + self._front))
            for number in self._disk.numbers():
                into.add(number)
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
        shift = self._shift - 1
        size, step = self._value_size, DIGEST_SIZE
        digests = [bytearray() for _ in range(2 * len(self._digests))]
        values = [bytearray() for _ in range(len(digests))] if size else []
        for slot, bucket in enumerate(self._digests):
            old_values = self._values[slot] if size else b""
            for entry in range(len(bucket) // step):
                key = bucket[entry * step : (entry + 1) * step]
                new = (key[0] << 16 | key[1] << 8 | key[2]) >> shift
                digests[new] += key
                if size:
                    values[new] += old_values[entry * size : (entry + 1) * size]
        self._digests, self._values, self._shift = digests, values, shift
