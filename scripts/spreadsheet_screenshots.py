"""Make the screenshots of docs/spreadsheets.rst: the template and the results workbook.

    .venv/bin/python scripts/spreadsheet_screenshots.py

Needs openpyxl, LibreOffice (``soffice``) and poppler (``pdftoppm``). The
workbooks are the ones antq writes (the template filled with the bundled
example's facts, and the results of evaluating it); a copy of each is given a
print area (the first columns and rows of one sheet), gridlines and row and
column headings, LibreOffice prints it to PDF and pdftoppm renders the first
page as PNG into docs/_static/. Nothing else is changed in the pictures.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "commune-2025.json"
STATIC = ROOT / "docs" / "_static"

#: (picture, sheet, print area, columns hidden in the picture) for each screenshot.
SHOTS = (
    ("template", "Khu dân cư", "A1:I5", "EF"),
    ("template-incidents", "Vụ việc", "A1:G7", "B"),
    ("results", "Khu dân cư", "A1:T4", "BDFGHIJMNOPQRS"),
)


def _print_copy(source: Path, sheet: str, area: str, hidden: str, target: Path) -> None:
    book = openpyxl.load_workbook(source)
    for other in book.sheetnames:
        if other != sheet:
            del book[other]
    chosen = book[sheet]
    chosen.print_area = area
    for letter in hidden:
        chosen.column_dimensions[letter].hidden = True
    if "T" in area:  # the results: rows tall enough for their reasons
        for number in range(2, chosen.max_row + 1):
            chosen.row_dimensions[number].height = 75
    chosen.page_setup.orientation = "landscape"
    chosen.page_setup.paperSize = chosen.PAPERSIZE_A4
    chosen.sheet_properties.pageSetUpPr.fitToPage = True
    chosen.page_setup.fitToWidth = 1
    chosen.page_setup.fitToHeight = 1
    chosen.print_options.gridLines = True
    chosen.print_options.headings = True
    book.save(target)


RESOLUTION = 120
MARGIN = 12


def _content_box(pdf: Path, stem: Path) -> tuple[int, int, int, int]:
    """The box (x, y, width, height, in pixels) around what is printed on the first page."""
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(RESOLUTION),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    data = stem.with_suffix(".ppm").read_bytes()
    # A binary PPM: "P6\n<width> <height>\n<max>\n" then three bytes a pixel.
    magic, width, height, _, pixels = data.split(maxsplit=4)
    assert magic == b"P6"
    width, height = int(width), int(height)
    stride = 3 * width
    left, right, top, bottom = width, 0, None, 0
    for y in range(height):
        row = pixels[y * stride : (y + 1) * stride]
        inked = row.lstrip(b"\xff")
        if not inked:
            continue
        top = y if top is None else top
        bottom = y
        left = min(left, (stride - len(inked)) // 3)
        right = max(right, (len(row.rstrip(b"\xff")) - 1) // 3)
    assert top is not None, "the page is blank"
    x, y = max(left - MARGIN, 0), max(top - MARGIN, 0)
    return x, y, min(right + MARGIN, width) - x, min(bottom + MARGIN, height) - y


def main() -> int:
    from antq import evaluate_round
    from antq.io.batch import read_any
    from antq.io.facts import read_facts_file
    from antq.io.template import write_facts_xlsx
    from antq.io.xlsx import write_results_xlsx

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("needs LibreOffice (soffice) and poppler (pdftoppm)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        template = work / "mau.xlsx"
        write_facts_xlsx(template, read_facts_file(EXAMPLE).units, year=2025)
        evaluation = evaluate_round(read_any(template))
        results = work / "ket-qua.xlsx"
        write_results_xlsx(results, evaluation.verdicts, communes=evaluation.communes)
        for name, sheet, area, hidden in SHOTS:
            source = results if name == "results" else template
            copy = work / f"{name}.xlsx"
            _print_copy(source, sheet, area, hidden, copy)
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(copy)],
                check=True,
                capture_output=True,
                env={"HOME": str(work), "PATH": "/usr/bin:/bin"},
            )
            pdf = work / f"{name}.pdf"
            box = _content_box(pdf, work / name)
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    str(RESOLUTION),
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    "-x",
                    str(box[0]),
                    "-y",
                    str(box[1]),
                    "-W",
                    str(box[2]),
                    "-H",
                    str(box[3]),
                    str(pdf),
                    str(STATIC / f"spreadsheet-{name}"),
                ],
                check=True,
            )
            print(STATIC / f"spreadsheet-{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
