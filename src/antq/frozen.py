"""An immutable, picklable mapping for the values held by antq's frozen classes.

``types.MappingProxyType`` is read-only but cannot be pickled, and rule sets,
facts and results must travel to worker processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only copy of a mapping.

    >>> m = FrozenMap({"a": 1})
    >>> m["a"], dict(m) == {"a": 1}
    (1, True)
    >>> import pickle; pickle.loads(pickle.dumps(m)) == m
    True
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._data: dict[K, V] = dict(data)

    @classmethod
    def adopt(cls, data: dict[K, V]) -> FrozenMap[K, V]:
        """Wrap ``data`` without copying it; the caller must not change it afterwards."""
        frozen: FrozenMap[K, V] = cls.__new__(cls)
        frozen._data = data
        return frozen

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))
