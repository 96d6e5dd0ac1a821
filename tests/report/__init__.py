"""Tests of antq.report: reports, indicators, the province example and ``antq report``.

Shared builders (tests/io and tests/safety use them too): units as facts-document objects (the same dicts a JSON file
holds), made to come out MET, NOT_MET, UNKNOWN or NOT_APPLICABLE.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from antq.core.facts import UnitFacts
from antq.io.facts import unit_facts_from_dict
from antq.safety import default_rulebook

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "commune-2025.json"
GENERATOR = ROOT / "examples" / "generate_province.py"

_DOCUMENT: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
_BY_ID = {u["id"]: u for u in _DOCUMENT["units"]}


def example_units() -> list[dict[str, Any]]:
    """The raw units of the bundled example (a fresh copy)."""
    return copy.deepcopy(_DOCUMENT["units"])


def area(unit_id: str, commune: str | None, outcome: str = "met", **extra: Any) -> dict[str, Any]:
    """A residential area of round 2025 whose verdict is ``outcome``.

    not_met: not registered in Quarter I; unknown: the grassroots force grade
    is missing.
    """
    raw = copy.deepcopy(_BY_ID["KDC-DONG"])
    raw.update({"id": unit_id, "name": f"Thôn {unit_id}", **extra})
    raw.pop("commune", None)
    if commune is not None:
        raw["commune"] = commune
    if outcome == "not_met":
        raw["facts"]["registered_q1"] = False
    elif outcome == "unknown":
        del raw["facts"]["grassroots_force_grade"]
    elif outcome == "short":
        raw["facts"]["households_registered"] = raw["facts"]["households_resident"] - 2
    elif outcome != "met":
        raise ValueError(outcome)
    return raw


def agency(unit_id: str, commune: str | None, outcome: str = "met") -> dict[str, Any]:
    """An agency: met, or not_applicable (armed forces)."""
    if outcome == "not_applicable":
        raw = copy.deepcopy(_BY_ID["CQ-QS"])
    else:
        raw = copy.deepcopy(_BY_ID["CQ-UBND"])
    raw.update(id=unit_id, name=f"Cơ quan {unit_id}")
    raw.pop("commune", None)
    if commune is not None:
        raw["commune"] = commune
    return raw


def commune(
    unit_id: str, name: str, province: str | None = "Tỉnh Mẫu", **facts: Any
) -> dict[str, Any]:
    """A commune whose own criteria are all met; the roll-up counts are left to the roll-up."""
    raw = copy.deepcopy(_BY_ID["XA-DH"])
    raw.update(id=unit_id, name=name)
    if province is None:
        raw.pop("province", None)
    else:
        raw["province"] = province
    for key in ("units_total", "units_registered", "units_recognised"):
        raw["facts"].pop(key)
    raw["facts"].update(facts)
    return raw


def facts(*raws: dict[str, Any]) -> list[UnitFacts]:
    """Read raw units as a facts document would."""
    book = default_rulebook()
    found = []
    for index, raw in enumerate(raws):
        from antq.core.unit_kinds import UnitKind

        kind = UnitKind.from_code(raw["kind"])
        found.append(unit_facts_from_dict(raw, f"units[{index}]", book.inputs(kind)))
    return found


def generator() -> ModuleType:
    """examples/generate_province.py as a module."""
    spec = importlib.util.spec_from_file_location("generate_province", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: A Chromium or Chrome found on PATH, or None (tests that need one are skipped).
CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
        if (found := shutil.which(name)) is not None
    ),
    None,
)


def load_in_chromium(page: Path) -> tuple[str, list[str]]:
    """Load ``page`` in headless Chromium: the DOM it built and its console messages.

    Console messages include Content-Security-Policy violations (a blocked
    script, image or style sheet) and script errors, so a self-contained page
    that loads cleanly has none. Chromium runs offline-minded, with a fresh
    profile, so that nothing of the machine's own profile can interfere.
    """
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


#: LibreOffice, to convert a Word report to PDF (tests that need it are skipped without it).
SOFFICE = next(
    (found for name in ("soffice", "libreoffice") if (found := shutil.which(name)) is not None),
    None,
)
#: Poppler's tools, to read the pages of a PDF.
POPPLER = shutil.which("pdfinfo") is not None and shutil.which("pdftotext") is not None

#: A4 in PostScript points, and how far a PDF writer may round it.
A4_POINTS = (595.28, 841.89)


def _chromium_flags(profile: str) -> list[str]:
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]


def print_in_chromium(page: Path, pdf: Path) -> None:
    """Print ``page`` to ``pdf`` with headless Chromium, as a browser's "Save as PDF" does.

    The page's own ``@page`` rule sets the paper; Chromium adds no header or footer.
    """
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                CHROMIUM,
                *_chromium_flags(profile),
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    assert done.returncode == 0 and pdf.is_file(), done.stderr


def convert_with_libreoffice(document: Path, folder: Path) -> Path:
    """Convert a Word document to PDF with headless LibreOffice; returns the PDF's path."""
    assert SOFFICE is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(document),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    pdf = folder / (document.stem + ".pdf")
    assert done.returncode == 0 and pdf.is_file(), done.stdout + done.stderr
    return pdf


def pdf_page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """The width and height of each page of ``pdf``, in points (pdfinfo)."""
    done = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "10000", str(pdf)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    sizes = []
    for line in done.stdout.splitlines():
        if line.startswith("Page") and "size:" in line:
            numbers = line.split("size:")[1].split()
            sizes.append((float(numbers[0]), float(numbers[2])))
    return sizes


def pdf_page_texts(pdf: Path) -> list[str]:
    """The text of each page of ``pdf`` (pdftotext; pages are split at form feeds)."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    pages = done.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def is_a4(size: tuple[float, float]) -> bool:
    return abs(size[0] - A4_POINTS[0]) < 2 and abs(size[1] - A4_POINTS[1]) < 2
