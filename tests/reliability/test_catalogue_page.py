"""The bad-input page (docs/bad-input.rst) and its tests cannot drift apart.

* every case that the reliability issue lists has a row, in the issue's order;
* every row names at least one test, and every test it names exists;
* every class of issue 13 has a row, in order, and every test of
  ``test_bad_sources.py`` is named on the page;
* every test of ``test_bad_input.py`` is named on the page.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "bad-input.rst"
TESTS = ROOT / "tests"

#: The cases of issue 7 ("Reliability: bad input, ..."), in its words and order.
ISSUE_CASES = (
    "Wrong types",
    "Negative counts",
    "Registered or recognised greater than the total",
    "A total of zero",
    "Dates outside the period or in the future",
    "An end before a start",
    "Unknown enum codes and unknown fields",
    "Duplicate unit ids",
    "A unit referring to a commune that does not exist",
    "A cycle in the hierarchy",
    "Malformed CSV rows",
    "Non-UTF-8 bytes",
    "A BOM",
    "Decomposed (NFD) Vietnamese text",
    "Very large numbers",
    "Very large files",
)
#: The classes of issue 13 ("Nothing lost, nothing forged"), in the page's order.
ISSUE_13_CASES = (
    "A directory entry that cannot be read",
    "A file that cannot be read to its end",
    "A file with no end",
    "An output over an input, or left half-written",
    "Control and bidirectional characters",
    "A closed pipe, Ctrl-C",
    "Dates at the ends of the calendar",
    "A console that is not UTF-8",
    "A missing path, or a directory where a file is expected",
    "UTF-16 and other encodings",
    "CR-only line ends",
    "Python API misuse",
)
_ROW = re.compile(r"^   \* - ", re.MULTILINE)
_CELL = re.compile(r"^     - ", re.MULTILINE)
_TEST_NAME = re.compile(r"``(test_\w+)``")
_DEFINED = re.compile(r"^(?:async )?def (test_\w+)\(", re.MULTILINE)


def catalogue_rows() -> list[list[str]]:
    """The cells of each row of the catalogue table (the header row left out)."""
    text = PAGE.read_text(encoding="utf-8")
    section = text.split("\nThe catalogue\n", 1)[1].split("\nNo code from data\n", 1)[0]
    rows = [_CELL.split(row) for row in _ROW.split(section)[1:]]
    assert rows[0][0].strip() == "Case", rows[0]
    return rows[1:]


def defined_tests() -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        for name in _DEFINED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, []).append(path)
    return found


def test_every_case_of_the_issue_has_a_row_in_order() -> None:
    labels = []
    for row in catalogue_rows():
        bold = re.match(r"\*\*(.+?)\*\*", row[0].strip())
        labels.append(" ".join(bold.group(1).split()) if bold else None)
    assert tuple(labels[: len(ISSUE_CASES)]) == ISSUE_CASES


def test_every_class_of_issue_13_has_a_row_in_order() -> None:
    labels = []
    for row in catalogue_rows():
        bold = re.match(r"\*\*(.+?)\*\*", row[0].strip())
        labels.append(" ".join(bold.group(1).split()) if bold else None)
    found = [label for label in labels if label in ISSUE_13_CASES]
    assert tuple(found) == ISSUE_13_CASES


def test_every_issue_13_test_is_on_the_page() -> None:
    on_page = {name for row in catalogue_rows() for name in _TEST_NAME.findall(row[3])}
    own = _DEFINED.findall((TESTS / "reliability" / "test_bad_sources.py").read_text("utf-8"))
    assert own and sorted(set(own) - on_page) == []


def test_every_row_has_four_cells_and_names_tests_that_exist() -> None:
    defined = defined_tests()
    for row in catalogue_rows():
        assert len(row) == 4, row[0][:60]
        named = _TEST_NAME.findall(row[3])
        assert named, f"no test named for: {row[0][:60]}"
        missing = [name for name in named if name not in defined]
        assert not missing, missing


def test_every_bad_input_test_is_on_the_page() -> None:
    on_page = {name for row in catalogue_rows() for name in _TEST_NAME.findall(row[3])}
    own = _DEFINED.findall((TESTS / "reliability" / "test_bad_input.py").read_text("utf-8"))
    assert sorted(set(own) - on_page) == []


def test_the_parser_sees_the_whole_table() -> None:
    # A guard on the parser: a table it cut short would pass the tests above vacuously.
    rows = catalogue_rows()
    assert len(rows) >= len(ISSUE_CASES) + 5
    assert "test_formatting_refuses_floats_and_impossible_years" in rows[-1][3]
