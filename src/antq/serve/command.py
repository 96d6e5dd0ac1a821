"""Deprecated: ``antq serve`` is :mod:`antq.cli.serve`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {"register": "antq.cli.serve", "run": "antq.cli.serve", "settings_from_args": "antq.cli.serve"},
)
