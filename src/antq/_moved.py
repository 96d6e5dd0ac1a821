"""Old module paths kept for one release: each name warns, then is found where it moved."""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping

__all__ = ["moved"]


def moved(old: str, names: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``old``: each of ``names`` warns, then comes from its new home.

    ``names`` maps a name to ``"module"`` (same name there) or ``"module:new_name"``.
    """

    def __getattr__(name: str) -> object:
        target = names.get(name)
        if target is None:
            raise AttributeError(f"module {old!r} has no attribute {name!r}")
        module, _, attribute = target.partition(":")
        warnings.warn(
            f"{old}.{name} is deprecated; use {module}.{attribute or name}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(module), attribute or name)

    return __getattr__
