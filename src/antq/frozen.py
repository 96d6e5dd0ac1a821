"""Deprecated: ``antq.frozen`` is :mod:`antq.core.frozen`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "FrozenMap": "antq.core.frozen",
        "frozen": "antq.core.frozen",
    },
)
