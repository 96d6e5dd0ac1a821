"""Old module paths kept for one release: each name warns, then is found where it moved."""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping

__all__ = ["moved", "moved_module"]


def moved(old: str, names: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``old``: each of ``names`` warns, then comes from its new home.

    ``names`` maps a name to ``"module"`` (same name there) or ``"module:new_name"``.
    """

    def __getattr__(name: str) -> object:
        target = names.get(name)
        if target is None:
            raise AttributeError(f"module {old!r} has no attribute {name!r}")
        module, _, attribute = target.partition(":")
        return _found(old, name, module, attribute or name)

    return __getattr__


def moved_module(old: str, new: str) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``old``, moved whole to ``new``: each name of its ``__all__``."""

    def __getattr__(name: str) -> object:
        if name not in importlib.import_module(new).__all__:
            raise AttributeError(f"module {old!r} has no attribute {name!r}")
        return _found(old, name, new, name)

    return __getattr__


def _found(old: str, name: str, module: str, attribute: str) -> object:
    warnings.warn(
        f"{old}.{name} is deprecated; use {module}.{attribute}",
        DeprecationWarning,
        stacklevel=3,  # the code that named the old module's attribute
    )
    return getattr(importlib.import_module(module), attribute)
