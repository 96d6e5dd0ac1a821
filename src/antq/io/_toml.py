"""Whole documents: a TOML file, or a facts document already parsed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Unpack

from antq.core.ruleset import RuleBook
from antq.errors import InputError, Message
from antq.i18n.catalog import Msg
from antq.io._json_values import _nfc
from antq.io._layout import TopLevelKeys
from antq.io._units import (
    Item,
    ReadOptions,
    SourceReadError,
    _Reading,
    _Units,
)
from antq.io.facts import parse_text, read_text_file


def read_toml(
    path: str | os.PathLike[str],
    book: RuleBook | None = None,
    *,
    notices: list[Message] | None = None,
    **options: Unpack[ReadOptions],
) -> Iterator[Item]:
    """Units of a TOML facts document (read whole: TOML cannot be read piece by piece).

    ``notices``, when given, is told of a deprecated layout (``antq_facts``); ``options``
    are those of every reader (:class:`ReadOptions`).
    """
    return _read_toml(path, _Reading.of("read_toml", book, options, notices))


def _read_toml(path: str | os.PathLike[str], reading: _Reading) -> Iterator[Item]:
    units, progress = reading.units, reading.progress
    file = Path(path)
    try:
        text = read_text_file(file)
        document = parse_text(text, str(file), ".toml")
    except InputError as error:
        yield SourceReadError(error.path, error.value, error.message)
        return
    if progress is not None:
        progress.done += len(text.encode("utf-8"))
    yield from _parsed_document(_nfc(document), units)


def _parsed_document(document: object, units: _Units) -> Iterator[Item]:
    """The units of an already-parsed document, checked as :func:`~antq.io.facts.iter_units` does."""
    if not isinstance(document, dict):
        yield InputError(
            units.where("$"),
            type(document).__name__,
            Msg("expected a document object with 'units'"),
        )
        return
    keys = TopLevelKeys(units.source)
    for key, value in document.items():
        problems = keys.add(key, value)
        if problems or keys.lacks("units"):
            yield problems[0] if problems else keys.missing("units")
            return
    units.notices += keys.notices
    if "units" not in document:
        yield keys.missing("units")
        return
    raw_units = document["units"]
    if not isinstance(raw_units, list):
        yield InputError(units.where("units"), raw_units, Msg("expected a list of units"))
        return
    for index, raw in enumerate(raw_units):
        yield units.read(raw, f"units[{index}]", None)
