"""Deprecated: ``antq.coverage`` is :mod:`antq.catalogue.coverage`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "bounds": "antq.catalogue.coverage",
        "coverage": "antq.catalogue.coverage",
    },
)
