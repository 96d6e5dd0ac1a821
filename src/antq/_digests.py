"""A compact set of keys seen, for the duplicate checks of a round that streams.

A round must notice a unit it has already read, so it has to remember every
unit; a Python ``set`` of the ids costs about 100 bytes a unit. :class:`DigestSet`
keeps an 8-byte BLAKE2b digest of each key (and, when asked, a small value
with it) in byte arrays: about 10 bytes a key, or 18 with an 8-byte value.

Two different keys share a digest with a probability of about n²/2⁶⁵ (one in
37 million for a million units); the digest does not depend on the process,
so the same input always gives the same answer.
"""

from __future__ import annotations

import hashlib

__all__ = ["DigestSet", "digest"]

DIGEST_SIZE = 8
# Entries per bucket (on average) before the buckets double: a bucket is searched
# with bytearray.find, whose time grows with the bucket.
_LOAD = 32


def digest(key: str) -> bytes:
    """The 8-byte digest of ``key``."""
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=DIGEST_SIZE).digest()


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

    __slots__ = ("_digests", "_mask", "_size", "_value_size", "_values")

    def __init__(self, *, value_size: int = 0) -> None:
        self._value_size = value_size
        self._mask = 255
        self._digests = [bytearray() for _ in range(256)]
        self._values = [bytearray() for _ in range(256)] if value_size else []
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def __contains__(self, key: bytes) -> bool:
        return self._find(self._digests[self._slot(key)], key) >= 0

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
        if entry < 0:
            return None
        return self._value(slot, entry)

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
        bucket += key
        if self._value_size:
            self._values[slot] += value.to_bytes(self._value_size, "little")
        self._size += 1
        if self._size > _LOAD * (self._mask + 1):
            self._grow()
        return None

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
            self.add(key, bits)
            return 0
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
