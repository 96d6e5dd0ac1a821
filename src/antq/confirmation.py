"""Deprecated: ``antq.confirmation`` is :mod:`antq.law.confirmation`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "Confirmation": "antq.law.confirmation",
    },
)
