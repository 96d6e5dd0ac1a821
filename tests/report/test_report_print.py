"""Reports an official can sign: the Word report, the HTML report printed to A4, the letterhead."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from antq.cli import EXIT_INPUT, EXIT_OK
from antq.cli.report import main as run_report
from antq.cli.report import write_atomically
from antq.core.periods import Period
from antq.errors import InputError
from antq.io.batch import read_any
from antq.report import (
    Heading,
    Report,
    annex_title,
    blocks,
    build_report,
    render_report_bytes,
)
from antq.report.indicators import Indicator, Observation
from antq.report.letterhead import Letterhead, letterhead_from_data, read_letterhead
from antq.safety.hierarchy import evaluate_province

from . import (
    CHROMIUM,
    EXAMPLE,
    POPPLER,
    SOFFICE,
    convert_with_libreoffice,
    is_a4,
    pdf_page_sizes,
    pdf_page_texts,
    print_in_chromium,
)

GENERATED = date(2025, 12, 1)
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


def _figures() -> list[Observation]:
    period = Period.parse("2024-10-01/2025-09-30")
    return [
        Observation(
            indicator=Indicator.CRIME_CLEARANCE,
            unit="Tỉnh Mẫu",
            period=period,
            numerator=1042,
            denominator=1165,
        )
    ]


@pytest.fixture(scope="module")
def report() -> Report:
    evaluation = evaluate_province(read_any(EXAMPLE))
    return build_report(
        evaluation, generated=GENERATED, observations=_figures(), letterhead=LETTERHEAD
    )


def _docx() -> Any:
    return pytest.importorskip("docx")


def _all_paragraphs(document: Any) -> list[Any]:
    """Every paragraph of the body, the ones in table cells included, in order."""
    found = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            found.append(("p", child))
        elif tag == "tbl":
            found.append(("tbl", child))
    paragraphs = []
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for kind, element in found:
        if kind == "p":
            paragraphs.append(Paragraph(element, document))
        else:
            for row in Table(element, document).rows:
                for cell in row.cells:
                    paragraphs.extend(cell.paragraphs)
    return paragraphs


# --------------------------------------------------------------------------- the Word report


def test_word_report_has_the_decree_format_styles_tables_and_annex(report: Report) -> None:
    docx = _docx()
    from docx.shared import Pt

    data = render_report_bytes(report, "docx", "vi")
    assert zipfile.is_zipfile(io.BytesIO(data))
    document = docx.Document(io.BytesIO(data))

    section = document.sections[0]

    def mm(*lengths: Any) -> tuple[int, ...]:  # lengths are stored in twentieths of a point
        return tuple(round(length.mm) for length in lengths)

    assert mm(section.page_width, section.page_height) == (210, 297)  # A4
    assert mm(section.top_margin, section.bottom_margin) == (20, 20)
    assert mm(section.left_margin, section.right_margin) == (30, 15)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)

    # The header block: a borderless table of two columns.
    head = document.tables[0]
    left, right = (cell.paragraphs for cell in head.rows[0].cells)
    assert [(p.style.name, p.text) for p in left] == [
        ("ANTQ Authority", "UBND TỈNH MẪU"),
        ("ANTQ Issuer", "CÔNG AN TỈNH MẪU"),
        ("ANTQ Rule", ""),
        ("ANTQ Number", "Số: 125/BC-CAT"),
    ]
    assert [(p.style.name, p.text) for p in right] == [
        ("ANTQ Motto", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("ANTQ Motto Line", "Độc lập - Tự do - Hạnh phúc"),
        ("ANTQ Rule Motto", ""),
        ("ANTQ Date Line", "Mẫu Sơn, ngày 01 tháng 12 năm 2025"),
    ]
    body = document.paragraphs
    assert (body[0].style.name, body[0].text) == ("ANTQ Kind", "BÁO CÁO")
    assert body[1].style.name == "ANTQ Title"
    assert body[1].text == "Tiêu chuẩn “An toàn về an ninh, trật tự”, kỳ xét năm 2025"

    paragraphs = _all_paragraphs(document)
    text = "\n".join(p.text for p in paragraphs)
    assert "Thông tư 124/2021/TT-BCA" in text and "tt124." not in text
    # Styles, not direct formatting: no run sets a font, a size, bold or italic,
    # and no paragraph sets its own alignment or spacing.
    for paragraph in paragraphs:
        assert paragraph.style is not None and paragraph.style.name != "Default Paragraph Font"
        assert paragraph.paragraph_format.alignment is None, paragraph.text
        assert paragraph.paragraph_format.space_after is None, paragraph.text
        for run in paragraph.runs:
            font = run.font
            assert (font.name, font.size, font.bold, font.italic) == (None,) * 4, run.text
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Tỉnh Mẫu", "Đơn vị theo loại"]

    # Tables: the units by kind, numbers in their own style, the header row repeated.
    kinds = next(t for t in document.tables if t.rows[0].cells[0].text == "Loại đơn vị")
    assert [c.text for c in kinds.rows[-1].cells][:2] == ["Tất cả các loại", "10"]
    assert kinds.rows[1].cells[1].paragraphs[0].style.name == "ANTQ Table Number"
    assert kinds.rows[0].cells[0].paragraphs[0].style.name == "ANTQ Table Heading"
    assert kinds.rows[0]._tr.trPr.xml.count("tblHeader") == 1

    # The charts are PNG images.
    assert len(document.inline_shapes) == 2
    images = [p for p in document.part.package.parts if p.content_type == "image/png"]
    assert len(images) == 2 and all(p.blob.startswith(b"\x89PNG") for p in images)
    assert next(p.text for p in paragraphs if p.style.name == "Caption").startswith("Biểu đồ 1: ")

    # Recipients and signature, then the annex from a new page.
    names = [p.style.name for p in paragraphs]
    signature = [p.text for p in paragraphs if p.style.name.startswith("ANTQ Recipients")]
    assert signature == ["Nơi nhận:", "- Bộ Công an (V05);", "- UBND tỉnh;", "- Lưu: VT."]
    signer = [p.text for p in paragraphs if p.style.name.startswith("ANTQ Signer")]
    assert signer == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]
    annex_at = names.index("ANTQ Annex Title")
    assert names.index("ANTQ Signer Name") < annex_at
    assert document.styles["ANTQ Annex Title"].paragraph_format.page_break_before is True
    assert paragraphs[annex_at].text == annex_title("vi").upper()
    assert paragraphs[annex_at + 1].text == "(Kèm theo Báo cáo số 125/BC-CAT ngày 01/12/2025)"
    annex = "\n".join(p.text for p in paragraphs[annex_at:])
    assert "Xã Đông Hòa" in annex and "Thôn Tây" in annex and "Tổ dân phố 3" in annex
    assert "grassroots_force_grade" in annex and "Điều 4 khoản 1 Thông tư 124/2021/TT-BCA" in annex
    assert "Thôn Đông" not in annex  # met: not in the annex


def test_word_report_in_english_and_with_blanks_to_fill_in() -> None:
    docx = _docx()
    evaluation = evaluate_province(read_any(EXAMPLE))
    bare = build_report(evaluation, generated=GENERATED)
    document = docx.Document(io.BytesIO(render_report_bytes(bare, "docx", "en")))
    cells = [p.text for row in document.tables[0].rows for c in row.cells for p in c.paragraphs]
    assert cells[0] == "……" and cells[2] == "No.: ……/BC-……"  # no parent body line
    assert "SOCIALIST REPUBLIC OF VIET NAM" in cells
    assert "……, 1 December 2025" in cells
    text = "\n".join(p.text for p in _all_paragraphs(document))
    assert "Recipients:" in text and "- ……;" in text and "- Filed: Office." in text
    assert "Circular 124/2021/TT-BCA" in text


def test_word_report_holds_any_text_of_the_input() -> None:
    docx = _docx()
    from antq.i18n.catalog import Text

    from . import area, commune, facts

    name = "Thôn\x0bĐông <b>&amp;\ufffe"
    units = facts(commune("X1", "Xã\x01Một"), area("A1", "X1", "not_met", name=name))
    title = "Báo cáo " * 60  # longer than a Word document property can be
    report = build_report(
        evaluate_province(units),
        generated=GENERATED,
        title=Text(vi=title, en=title),
        letterhead=Letterhead(issuer="CÔNG AN\x07TỈNH"),
    )
    document = docx.Document(io.BytesIO(render_report_bytes(report, "docx", "vi")))
    text = "\n".join(p.text for p in _all_paragraphs(document))
    assert "Thôn\ufffdĐông <b>&amp;\ufffd" in text and "Xã\ufffdMột" in text
    assert "CÔNG AN\ufffdTỈNH" in text
    assert document.core_properties.title == title[:255]


def test_word_report_without_python_docx_says_what_to_install(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    from antq.report.docx import MissingDependencyError

    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'antq\[docx\]'"):
        render_report_bytes(report, "docx", "vi")


@pytest.mark.skipif(SOFFICE is None or not POPPLER, reason="LibreOffice or poppler is missing")
def test_word_report_converts_to_an_a4_pdf(report: Report, tmp_path: Path) -> None:
    document = tmp_path / "report.docx"
    document.write_bytes(render_report_bytes(report, "docx", "vi"))
    pdf = convert_with_libreoffice(document, tmp_path)
    sizes = pdf_page_sizes(pdf)
    pages = pdf_page_texts(pdf)
    assert len(sizes) == len(pages)
    assert 3 <= len(pages) <= 12, len(pages)
    assert all(is_a4(size) for size in sizes), sizes
    first = " ".join(pages[0].split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Số: 125/BC-CAT" in first
    _annex_starts_a_page(pages, "PHỤ LỤC")
    assert "Nguyễn Văn A" in "".join(pages[:-1])  # the signature comes before the annex


def _annex_starts_a_page(pages: list[str], heading: str) -> None:
    starts = [i for i, page in enumerate(pages) if heading in page]
    assert len(starts) == 1, starts
    page = pages[starts[0]]
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    # The first line is the page number (Word) or the heading itself (HTML).
    assert any(line.startswith(heading) for line in lines[:2]), lines[:3]


# --------------------------------------------------------------------------- HTML printed to A4


@pytest.mark.skipif(CHROMIUM is None or not POPPLER, reason="chromium or poppler is missing")
def test_html_report_prints_to_a4_with_no_heading_alone_at_a_page_end(
    report: Report, tmp_path: Path
) -> None:
    page = tmp_path / "report.html"
    page.write_bytes(render_report_bytes(report, "html", "vi"))
    pdf = tmp_path / "report.pdf"
    print_in_chromium(page, pdf)
    sizes = pdf_page_sizes(pdf)
    pages = pdf_page_texts(pdf)
    assert len(sizes) == len(pages) and 3 <= len(pages) <= 12, len(pages)
    assert all(is_a4(size) for size in sizes), sizes  # the page's @page, not US Letter
    first = " ".join(pages[0].split())
    for part in (
        "CÔNG AN TỈNH MẪU",
        "Số: 125/BC-CAT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Mẫu Sơn, ngày 01 tháng 12 năm 2025",
        "BÁO CÁO",
        "Thông tư 124/2021/TT-BCA",
    ):
        assert part in first, part
    headings = {b.text for b in blocks(report, "vi") if isinstance(b, Heading)}
    for number, text in enumerate(pages[:-1], 1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines and lines[-1] not in headings, (number, lines[-3:])
    _annex_starts_a_page(pages, "Phụ lục")
    assert "Nơi nhận:" in "".join(pages[:-1]) and "Nguyễn Văn A" in "".join(pages[:-1])


def test_html_report_has_the_header_block_and_print_rules(report: Report) -> None:
    page = render_report_bytes(report, "html", "vi").decode("utf-8")
    assert "@page { size: A4;" in page and "break-after: avoid" in page
    assert '<header class="letterhead">' in page and "Số: 125/BC-CAT" in page
    assert page.index("Nơi nhận:") < page.index('<section class="annex">')
    assert "tt124." not in page and "Thông tư 124/2021/TT-BCA" in page


# --------------------------------------------------------------------------- the letterhead


def test_letterhead_from_a_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "letterhead.toml"
    path.write_text(  # as Notepad saves it: with a byte-order mark
        'issuer = "CÔNG AN   TỈNH MẪU"\nnumber = "125/BC-CAT"\n'
        'recipients = ["Bộ Công an (V05)", "UBND tỉnh"]\n',
        encoding="utf-8-sig",
    )
    head = read_letterhead(path)
    assert head == Letterhead(
        issuer="CÔNG AN TỈNH MẪU", number="125/BC-CAT", recipients=("Bộ Công an (V05)", "UBND tỉnh")
    )
    assert head.merged(number="7/BC-CAT", issuer=None).number == "7/BC-CAT"
    assert head.merged(recipients=()).recipients == head.recipients


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"issuer": "A", "sender": "B"}, "letterhead.sender"),
        ({"issuer": 3}, "letterhead.issuer"),
        ({"issuer": "  "}, "letterhead.issuer"),
        ({"recipients": "Bộ Công an"}, "letterhead.recipients"),
        ({"recipients": ["", "x"]}, "letterhead.recipients"),
        (["issuer"], "letterhead"),
    ],
)
def test_a_wrong_letterhead_is_an_input_error(data: object, path: str) -> None:
    with pytest.raises(InputError) as caught:
        letterhead_from_data(data)
    assert caught.value.path == path


def test_a_letterhead_file_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        read_letterhead(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("issuer = ", encoding="utf-8")
    with pytest.raises(InputError, match="not a TOML file"):
        read_letterhead(bad)
    bad.write_bytes(b'issuer = "C\xd4NG AN"\n')  # Windows-1258, not UTF-8
    with pytest.raises(InputError, match="not UTF-8"):
        read_letterhead(bad)


# --------------------------------------------------------------------------- the command line


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_report(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_word_report_from_the_command_line(tmp_path: Path) -> None:
    docx = _docx()
    letterhead = tmp_path / "letterhead.toml"
    letterhead.write_text(
        'issuer = "CÔNG AN TỈNH MẪU"\nnumber = "1/BC-CAT"\nsigner_name = "Trần Văn B"\n',
        encoding="utf-8",
    )
    code, out, err = _run(str(EXAMPLE), "--format", "docx")
    assert code == EXIT_INPUT and out == "" and "--output" in err  # not to a terminal
    target = tmp_path / "report.docx"
    code, out, err = _run(
        str(EXAMPLE),
        "--format",
        "docx",
        "--output",
        str(target),
        "--letterhead",
        str(letterhead),
        "--number",
        "125/BC-CAT",
        "--recipient",
        "Bộ Công an (V05)",
        "--date",
        "2025-12-01",
    )
    assert (code, out, err) == (EXIT_OK, "", "")
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in _all_paragraphs(document))
    assert "Số: 125/BC-CAT" in text  # the option wins over the file
    assert "CÔNG AN TỈNH MẪU" in text and "Trần Văn B" in text and "- Bộ Công an (V05);" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file


def test_a_report_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("the old report", encoding="utf-8")

    def fail(handle: Any) -> None:
        handle.write(b"half a rep")
        raise OSError("disk full")

    with pytest.raises(InputError, match="cannot write the file: disk full"):
        write_atomically(target, fail)
    assert target.read_text(encoding="utf-8") == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    target.chmod(0o640)
    code, _, err = _run(str(EXAMPLE), "--format", "html", "--output", str(target))
    assert code == EXIT_OK, err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert target.stat().st_mode & 0o777 == 0o640  # the old file's permissions are kept
    fresh = tmp_path / "new.html"
    write_atomically(fresh, lambda handle: None)
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # as any new file, not 0600
