"""Deprecated: ``antq.unit_kinds`` is :mod:`antq.core.unit_kinds`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "UnitKind": "antq.core.unit_kinds",
    },
)
