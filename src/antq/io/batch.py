"""Batch input and output: many units from CSV, JSON Lines or JSON, verdicts as JSONL or CSV.

Readers are generators: they read the file as they go and yield each unit
(:class:`~antq.core.facts.UnitFacts`) or the error that prevented reading it,
so memory does not grow with the number of units (apart from one short key per
unit for the duplicate check, which ``check_duplicates=False`` turns off).
Every unit is validated by :func:`antq.io.facts.unit_facts_from_dict`, so
errors have the same paths as in a facts document, prefixed with the line:
``line 7.facts.households_resident``. A bad row never stops the others.

* **CSV** (``.csv``): one row per unit, a header row naming the columns
  ``id``, ``kind``, ``year``, ``name``, ``commune``, ``province``, ``period``,
  ``established`` and one column per fact. An empty cell is an unknown fact. Scalars are
  written as they are (``true``/``false``, ``214``, ``2025-03-14``, a code);
  lists of codes as a JSON list or codes separated by ``;``; records
  (incidents) as JSON; an object such as ``offences_current`` as JSON or as
  one column per key (``offences_current.crimes``).
* **JSON Lines** (``.jsonl``, ``.ndjson``): one unit object per line, with the
  keys of a facts document unit.
* **JSON** (``.json``): a facts document (see ``antq.io.facts``), read one
  unit at a time. **TOML** (``.toml``) is read whole.
* **Excel workbooks** (``.xlsx``, with the ``excel`` extra): a sheet per unit
  kind and an incidents sheet, read by :func:`antq.io.xlsx.read_xlsx`.

A CSV file whose header is separated by ``;`` or names columns by their labels
is read in the Vietnamese dialect (:mod:`antq.io.dialect`).

Text is UTF-8, with or without a byte-order mark, and is normalised to NFC,
so names typed in decomposed Unicode (NFD) compare equal to composed ones.
"""

from __future__ import annotations

from antq.io._csv_units import CSV_UNIT_COLUMNS, read_csv
from antq.io._json_stream import read_json
from antq.io._jsonl import read_jsonl
from antq.io._lines import MAX_ITEM_CHARS as MAX_ITEM_CHARS
from antq.io._lines import MAX_LINE_BYTES as MAX_LINE_BYTES
from antq.io._sources import BATCH_SUFFIXES, INPUT_FORMATS, directory_entries, read_any, read_bytes
from antq.io._sources import batch_files as batch_files
from antq.io._toml import read_toml
from antq.io._units import (
    BatchSummary,
    ReadOptions,
    ReadProgress,
    RowError,
    SeenUnits,
    SourceReadError,
    UnitReadError,
    UnitRef,
    line_location,
)
from antq.io._units import Item as Item
from antq.io._units import Source as Source
from antq.io._writers import VERDICT_COLUMNS, verdict_row, write_verdicts_csv, write_verdicts_jsonl
from antq.io._writers import csv_cell as csv_cell

__all__ = [
    "BATCH_SUFFIXES",
    "CSV_UNIT_COLUMNS",
    "INPUT_FORMATS",
    "VERDICT_COLUMNS",
    "BatchSummary",
    "ReadOptions",
    "ReadProgress",
    "RowError",
    "SeenUnits",
    "SourceReadError",
    "UnitReadError",
    "UnitRef",
    "directory_entries",
    "line_location",
    "read_any",
    "read_bytes",
    "read_csv",
    "read_json",
    "read_jsonl",
    "read_toml",
    "verdict_row",
    "write_verdicts_csv",
    "write_verdicts_jsonl",
]
