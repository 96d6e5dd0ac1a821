"""Deprecated: the command line's language is :mod:`antq.cli.language`."""

from antq._moved import moved_module

__getattr__ = moved_module(__name__, "antq.cli.language")
