"""Whole documents: a TOML file, or a facts document already parsed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from antq.core.ruleset import RuleBook
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.io._json_values import _nfc
from antq.io._units import (
    Item,
    ReadProgress,
    SeenUnits,
    SourceReadError,
    _book,
    _Units,
    unsupported_format,
)
from antq.io.facts import FACTS_FORMAT_VERSION, parse_text, read_text_file


def read_toml(
    path: str | os.PathLike[str],
    book: RuleBook | None = None,
    *,
    name: str | None = None,
    check_duplicates: bool = True,
    seen: SeenUnits | None = None,
    progress: ReadProgress | None = None,
) -> Iterator[Item]:
    """Units of a TOML facts document (read whole: TOML cannot be read piece by piece)."""
    units = _Units(_book(book), check_duplicates=check_duplicates, source=name, seen=seen)
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
    unknown = sorted(set(document) - {"antq_facts", "units"})
    if unknown:
        yield InputError(
            units.where(unknown[0]),
            document[unknown[0]],
            Msg("unknown top-level key; allowed: antq_facts, units"),
        )
        return
    version = document.get("antq_facts", FACTS_FORMAT_VERSION)
    if version != FACTS_FORMAT_VERSION:
        yield unsupported_format(units, version)
        return
    raw_units = document.get("units")
    if not isinstance(raw_units, list):
        yield InputError(units.where("units"), raw_units, Msg("expected a list of units"))
        return
    for index, raw in enumerate(raw_units):
        yield units.read(raw, f"units[{index}]", None)
