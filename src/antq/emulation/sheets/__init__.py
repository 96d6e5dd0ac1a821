"""Scoring sheets (bảng chấm điểm) as data: items, rules, bands and vetoes, read from TOML.

A :class:`ScoringSheet` is the 100-point table a unit is scored against in the
movement (Quyết định 510/QĐ-BCA-V05 for agencies, enterprises and educational
institutions, or a province's own table). Everything in it is **data**: a
closed set of rule types (:class:`RuleType`), never code, and nothing read from
a file is executed.

A sheet holds:

* its id, title (vi/en), the unit kinds it scores, the total (100), the legal
  citation and a :class:`~antq.Confirmation` status, and its
  :class:`SheetNature` (the law, a province's own sheet, or an illustrative
  example that is not law);
* the **inputs** its rules read, each with a name, an :class:`InputType` and a
  label, so a caller can list what to collect without scoring anything;
* the **items**, each with a stable dotted id (``"4.a"`` is a sub-item of
  ``"4"``), text, maximum points, citation, status and either a rule or
  sub-items. An item whose points or rule the law as known to antq does not
  confirm is an ``unconfirmed`` placeholder: a sheet with one cannot give a
  total until a province override fills it;
* optionally the **classification bands** (xuất sắc / khá / trung bình /
  yếu, each from a minimum number of points) and **vetoes** that cap the class
  (a unit not recognised as safe cannot be rated xuất sắc, say).

Points are exact: whole numbers or decimals written as strings (``"0.5"``),
read as :class:`~fractions.Fraction`. A TOML float is refused, since it is not
exact. Percentages are compared in integers.

Validation happens when a sheet is made, from a file or in Python: item maxima
add up to their group's and to the sheet's total, ids are unique, citations
resolve, bands are ordered and do not overlap, every input a rule reads is
declared with the right type, and every declared input is read. Problems raise
:class:`SheetError`, naming the sheet, the item and the field::

    sheet qd510.agency, item 2, field max_points: ...

Limits: a sheet or override file may be at most ``MAX_SHEET_BYTES`` bytes,
with at most :data:`MAX_ITEMS` items nested at most :data:`MAX_DEPTH` deep, and
numbers up to ``MAX_NUMBER`` with at most ``MAX_DECIMALS`` decimals;
counts are at most :data:`MAX_COUNT`.

>>> sheet = shipped_sheet("qd510.agency")
>>> sheet.total, sheet.nature.code
(Fraction(100, 1), 'law')
>>> [item.id for item in sheet.unfilled()]
['4.b', '4.rest', 'rest']
"""

from __future__ import annotations

from antq.emulation.sheets import _model
from antq.emulation.sheets._catalogue import SheetCatalogueEntry, sheet_catalogue
from antq.emulation.sheets._errors import SheetError
from antq.emulation.sheets._limits import (
    MAX_COUNT,
    MAX_DECIMALS,
    MAX_DEPTH,
    MAX_ITEMS,
    MAX_NUMBER,
    MAX_SHEET_BYTES,
)
from antq.emulation.sheets._limits import OVERRIDE_FORMAT_VERSION as OVERRIDE_FORMAT_VERSION
from antq.emulation.sheets._limits import SHEET_FORMAT_VERSION as SHEET_FORMAT_VERSION

# The model's names, listed once: in its __all__, which this face's __all__ takes in.
from antq.emulation.sheets._model import *  # noqa: F403
from antq.emulation.sheets._model import Problem as Problem
from antq.emulation.sheets._overrides import apply_override, apply_override_file
from antq.emulation.sheets._points import format_points, parse_points, points_to_json
from antq.emulation.sheets._points import parse_exact as parse_exact
from antq.emulation.sheets._points import points_from_json as points_from_json
from antq.emulation.sheets._points import points_text as points_text
from antq.emulation.sheets._points import shown as shown
from antq.emulation.sheets._reader import load_sheet, sheet_from_dict, shipped_sheet, shipped_sheets

__all__ = [
    "MAX_COUNT",
    "MAX_DECIMALS",
    "MAX_DEPTH",
    "MAX_ITEMS",
    "MAX_NUMBER",
    "MAX_SHEET_BYTES",
    "SheetCatalogueEntry",
    "SheetError",
    "apply_override",
    "apply_override_file",
    "format_points",
    "load_sheet",
    "parse_points",
    "points_to_json",
    "sheet_catalogue",
    "sheet_from_dict",
    "shipped_sheet",
    "shipped_sheets",
]
__all__ += _model.__all__
