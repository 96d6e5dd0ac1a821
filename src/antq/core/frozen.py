"""An immutable, hashable, picklable mapping for the values held by antq's frozen classes.

``types.MappingProxyType`` is read-only but cannot be pickled, and rule sets,
facts and results must travel to worker processes. :class:`FrozenMap` is a
``dict`` whose mutating methods raise, so reading it costs what reading a
``dict`` costs: facts are read on every criterion of every unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(dict[K, V]):
    """A read-only dict.

    >>> m = FrozenMap({"a": 1})
    >>> m["a"], m == {"a": 1}
    (1, True)
    >>> m["b"] = 2
    Traceback (most recent call last):
    ...
    TypeError: FrozenMap is read-only
    >>> import pickle; pickle.loads(pickle.dumps(m)) == m
    True
    """

    __slots__ = ()

    def _read_only(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("FrozenMap is read-only")

    __setitem__ = __delitem__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only
    __ior__ = _read_only

    def __repr__(self) -> str:
        return f"FrozenMap({dict.__repr__(self)})"

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (dict(self),))


def frozen(values: Mapping[str, object]) -> Mapping[str, object]:
    """``values`` as a :class:`FrozenMap` (itself when it is one): the converter of
    the mappings held by antq's frozen classes.

    >>> frozen({"a": 1})
    FrozenMap({'a': 1})
    """
    return values if isinstance(values, FrozenMap) else FrozenMap(values)
