"""Make the pictures of the reports page: the first page of each report format, as PNG.

    .venv/bin/python scripts/report_images.py [OUT_DIR]

The bundled example (examples/commune-2025.json) is reported in Vietnamese in
every format, with a sample letterhead. The HTML report is printed to PDF by
headless Chromium, the Word report converted by LibreOffice; the text,
Markdown and JSON reports are set in a monospaced page (A4 landscape, for their wide tables) and
printed by Chromium. Each PDF's first page (the annex's first page for the Word report
too) is turned into a PNG by pdftoppm. Needs chromium, soffice and
poppler-utils; the images are committed under docs/_static/reports/.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from antq.io.batch import read_any
from antq.report import build_report, render_report_bytes
from antq.report.letterhead import Letterhead
from antq.safety.hierarchy import evaluate_province

ROOT = Path(__file__).resolve().parent.parent
LETTERHEAD = Letterhead(
    authority="UBND TỈNH MẪU",
    issuer="CÔNG AN TỈNH MẪU",
    number="125/BC-CAT",
    place="Mẫu Sơn",
    signer_capacity="KT. GIÁM ĐỐC",
    signer_title="PHÓ GIÁM ĐỐC",
    signer_name="Nguyễn Văn A",
    recipients=("Bộ Công an (V05)", "UBND tỉnh"),
)
_CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit(f"needs one of: {', '.join(names)}")


def _print_html(page: Path, pdf: Path, work: Path) -> None:
    chromium = _tool("chromium", "chromium-browser", "google-chrome")
    profile = work / "chromium-profile"
    subprocess.run(
        [
            chromium,
            *_CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


def _monospaced(text: str, title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>@page {{ size: A4 landscape; margin: 12mm; }}"
        " pre { font: 6.5pt 'Liberation Mono', 'DejaVu Sans Mono', monospace;"
        " white-space: pre-wrap; }</style>"
        f"</head><body><pre>{html.escape(text)}</pre></body></html>\n"
    )


def _png(pdf: Path, page: int, out: Path) -> None:
    pdftoppm = _tool("pdftoppm")
    stem = out.with_suffix("")
    subprocess.run(
        [
            pdftoppm,
            "-f",
            str(page),
            "-l",
            str(page),
            "-r",
            "60",
            "-png",
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
        timeout=60,
    )


def _annex_page(pdf: Path) -> int:
    text = subprocess.run(
        [_tool("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    return next(i for i, p in enumerate(pages, 1) if "PHỤ LỤC" in p or "Phụ lục" in p)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "_static" / "reports"
    out.mkdir(parents=True, exist_ok=True)
    evaluation = evaluate_province(read_any(ROOT / "examples" / "commune-2025.json"))
    report = build_report(evaluation, generated=date(2025, 12, 1), letterhead=LETTERHEAD)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for fmt in ("text", "markdown", "json"):
            text = render_report_bytes(report, fmt, "vi").decode("utf-8")
            page = work / f"{fmt}.html"
            page.write_text(_monospaced(text, fmt), encoding="utf-8")
            _print_html(page, work / f"{fmt}.pdf", work)
            _png(work / f"{fmt}.pdf", 1, out / f"report-{fmt}.png")
        page = work / "report.html"
        page.write_bytes(render_report_bytes(report, "html", "vi"))
        _print_html(page, work / "html.pdf", work)
        _png(work / "html.pdf", 1, out / "report-html.png")
        document = work / "report.docx"
        document.write_bytes(render_report_bytes(report, "docx", "vi"))
        soffice = _tool("soffice", "libreoffice")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(document),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        _png(work / "report.pdf", 1, out / "report-docx.png")
        _png(work / "report.pdf", _annex_page(work / "report.pdf"), out / "report-docx-annex.png")
    for image in sorted(out.glob("report-*.png")):
        print(image.relative_to(ROOT) if image.is_relative_to(ROOT) else image)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
