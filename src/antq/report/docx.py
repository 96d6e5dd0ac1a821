"""The Word report, in the administrative format of Nghị định 30/2020/NĐ-CP (needs ``antq[docx]``).

The document is A4 with the decree's margins (top and bottom 20 mm, left
30 mm, right 15 mm) and Times New Roman, 14 pt in the body. It opens with the
header block: the parent and issuing bodies with the number and symbol on the
left, the national motto with the place and date on the right; then the title
("BÁO CÁO" and what it is about), the body (the same blocks as the other
formats, charts as PNG images), the recipients ("Nơi nhận:") and the
signature block, and, from a new page, the annex of units not met. Pages
are numbered at the top, from the second page on.

Officials edit the report before they sign it, so every paragraph has a
named style (``Normal``, ``Heading 1``, ``ANTQ Issuer``, ``ANTQ Motto`` …)
and no text carries direct formatting: changing a style changes every
paragraph that has it. The parts of the letterhead that were not given are
dotted blanks to fill in.

python-docx and Pillow are imported only when a Word report is asked for; without
them :func:`render_docx` raises :class:`MissingDependencyError`, which says
what to install.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, time
from typing import Any

import attrs

from antq.errors import AntqError
from antq.i18n.catalog import Msg
from antq.report import Report, annex_blocks, body_blocks, footer_text, title_text
from antq.report._writer import BlockWriter
from antq.report.admin import DocumentParts, document_parts
from antq.report.chart import bar_scene, pages, stacked_scene
from antq.report.model import BarChart, Block, Heading, Items, Paragraph, StackedChart, Table
from antq.report.png import scene_png
from antq.vocabulary import Lang

__all__ = ["MARGINS_MM", "STYLES", "MissingDependencyError", "render_docx"]

#: Page margins in millimetres: top, bottom, left, right (Nghị định 30/2020/NĐ-CP, Phụ lục I).
MARGINS_MM: tuple[int, int, int, int] = (20, 20, 30, 15)
_PAGE_MM = (210, 297)
_TEXT_WIDTH_MM = _PAGE_MM[0] - MARGINS_MM[2] - MARGINS_MM[3]
_FONT = "Times New Roman"

_FIGURE = Msg("Chart {number}: {title}")


class MissingDependencyError(AntqError, ImportError):
    """A Word report was asked for, but python-docx or Pillow is not installed."""


# name: (based on, size in pt, bold, italic, alignment, space before, space after, extra)
# alignment: "left", "center", "right", "justify". Sizes follow the decree: 12-13 pt for
# the bodies and the number, 13-14 pt for the motto, title, body and signature.
_Style = tuple[str | None, float, bool, bool, str, float, float, dict[str, Any]]
STYLES: dict[str, _Style] = {
    "ANTQ Authority": ("Normal", 13, False, False, "center", 0, 0, {}),
    "ANTQ Issuer": ("Normal", 13, True, False, "center", 0, 0, {}),
    "ANTQ Number": ("Normal", 13, False, False, "center", 6, 0, {}),
    "ANTQ Motto": ("Normal", 12, True, False, "center", 0, 0, {}),
    "ANTQ Motto Line": ("Normal", 14, True, False, "center", 0, 0, {}),
    "ANTQ Rule": ("Normal", 2, False, False, "center", 0, 6, {"rule": 18}),
    "ANTQ Rule Motto": ("Normal", 2, False, False, "center", 0, 6, {"rule": 16}),
    "ANTQ Date Line": ("Normal", 14, False, True, "center", 6, 0, {}),
    "ANTQ Kind": ("Normal", 14, True, False, "center", 18, 0, {"keep": True}),
    "ANTQ Title": ("Normal", 14, True, False, "center", 0, 12, {"keep": True}),
    "ANTQ Table Text": ("Normal", 12, False, False, "left", 0, 0, {}),
    "ANTQ Table Number": ("Normal", 12, False, False, "right", 0, 0, {}),
    "ANTQ Table Heading": ("Normal", 12, True, False, "center", 0, 0, {}),
    "ANTQ Figure": ("Normal", 14, False, False, "center", 6, 0, {"keep": True}),
    "ANTQ Note": ("Normal", 11, False, True, "justify", 12, 0, {}),
    "ANTQ Recipients Heading": ("Normal", 12, True, True, "left", 12, 0, {}),
    "ANTQ Recipients": ("Normal", 11, False, False, "left", 0, 0, {}),
    "ANTQ Signer": ("Normal", 14, True, False, "center", 12, 0, {}),
    "ANTQ Signer Name": ("Normal", 14, True, False, "center", 60, 0, {}),
    "ANTQ Annex Title": ("Normal", 14, True, False, "center", 0, 0, {"page": True, "keep": True}),
    "ANTQ Annex Note": ("Normal", 14, False, True, "center", 0, 12, {"keep": True}),
}
#: Built-in styles antq sets: size in pt and bold.
_BUILT_IN: dict[str, tuple[float, bool]] = {
    "Heading 1": (14, True),
    "Heading 2": (14, True),
    "Heading 3": (13, True),
    "Caption": (12, False),
    "List Bullet": (14, False),
    "Header": (13, False),
}


def _modules() -> tuple[Any, Any]:
    # python-docx and Pillow are the optional extra antq[docx]: imported only when used.
    try:
        import docx
        import docx.shared
        import PIL  # noqa: F401  (charts are drawn with it)
    except ImportError as error:
        raise MissingDependencyError(
            "the Word report needs python-docx and Pillow: pip install 'antq[docx]'"
            f" ({error.name} is missing)"
        ) from None
    return docx, docx.shared


def _qn(tag: str) -> str:
    """The qualified XML name of ``tag`` ("w:rFonts"), as python-docx writes it."""
    # python-docx is the optional extra antq[docx]: imported only when a report is written.
    from docx.oxml.ns import qn

    return str(qn(tag))


def _fonts(element: Any) -> None:
    """Times New Roman for every script of a style's run properties (Vietnamese is "cs" too)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(_qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for name in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(_qn(name), _FONT)
    # Theme fonts (the headings' "major" font) would win over the names.
    for name in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(_qn(name), None)


def _all_fonts(root: Any) -> None:
    """Times New Roman in every font setting of the styles part, theme fonts dropped."""
    for fonts in root.iter(_qn("w:rFonts")):
        for name in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(_qn(name), None)
        for name in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(_qn(name), _FONT)


def _lang(element: Any, lang: Lang) -> None:
    rpr = element.get_or_add_rPr()
    tag = rpr.find(_qn("w:lang"))
    if tag is None:
        tag = rpr.makeelement(_qn("w:lang"), {})
        rpr.append(tag)
    tag.set(_qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")


def _rule(style: Any, indent_mm: int, shared: Any) -> None:
    """A short centred line: a bottom border on a paragraph indented from both sides."""
    style.paragraph_format.left_indent = shared.Mm(indent_mm)
    style.paragraph_format.right_indent = shared.Mm(indent_mm)
    ppr = style.element.get_or_add_pPr()
    borders = ppr.makeelement(_qn("w:pBdr"), {})
    bottom = borders.makeelement(
        _qn("w:bottom"), {_qn("w:val"): "single", _qn("w:sz"): "6", _qn("w:space"): "1"}
    )
    bottom.set(_qn("w:color"), "000000")
    borders.append(bottom)
    ppr.append(borders)


def _setup(document: Any, lang: Lang, shared: Any) -> None:
    # python-docx and Pillow are the optional extra antq[docx]: imported only when used.
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    align = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    section = document.sections[0]
    section.page_width, section.page_height = (shared.Mm(v) for v in _PAGE_MM)
    top, bottom, left, right = (shared.Mm(v) for v in MARGINS_MM)
    section.top_margin, section.bottom_margin = top, bottom
    section.left_margin, section.right_margin = left, right
    section.header_distance = shared.Mm(10)
    section.footer_distance = shared.Mm(10)

    styles = document.styles
    _all_fonts(styles.element)
    normal = styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = shared.Pt(14)
    _fonts(normal.element)
    _lang(normal.element, lang)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.first_line_indent = shared.Mm(10)
    normal.paragraph_format.space_before = shared.Pt(0)
    normal.paragraph_format.space_after = shared.Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, (size, bold) in _BUILT_IN.items():
        style = styles[name]
        style.font.name = _FONT
        style.font.size = shared.Pt(size)
        style.font.bold = bold
        style.font.italic = name == "Caption"
        style.font.color.rgb = shared.RGBColor(0, 0, 0)
        _fonts(style.element)
        style.paragraph_format.first_line_indent = shared.Mm(0) if name != "Header" else None
        if name.startswith("Heading"):
            style.paragraph_format.space_before = shared.Pt(12)
            style.paragraph_format.space_after = shared.Pt(6)
            style.paragraph_format.keep_with_next = True
        if name == "Caption":
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            style.paragraph_format.space_after = shared.Pt(12)
        if name == "Header":
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name, (base, size, bold, italic, where, before, after, extra) in STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base] if base else None
        style.quick_style = True
        style.font.size = shared.Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        form = style.paragraph_format
        form.alignment = align[where]
        form.first_line_indent = shared.Mm(0)
        form.space_before = shared.Pt(before)
        form.space_after = shared.Pt(after)
        form.line_spacing = 1.0
        form.keep_with_next = bool(extra.get("keep"))
        form.page_break_before = bool(extra.get("page"))
        if "rule" in extra:
            _rule(style, extra["rule"], shared)
    _STYLE_IDS.update({style.name: style.style_id for style in styles})


def _no_borders(table: Any) -> None:
    tblpr = table._tbl.tblPr
    borders = tblpr.makeelement(_qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(_qn(f"w:{edge}"), {_qn("w:val"): "nil"}))
    tblpr.append(borders)


def _widths(table: Any, widths_mm: list[float], shared: Any) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = shared.Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = shared.Mm(width)


#: Characters XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF, lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """``text`` with each character a Word document cannot hold shown as U+FFFD.

    >>> _xml_text("Thôn\x0bĐông")
    'Thôn�Đông'
    """
    return _NOT_XML.sub("\ufffd", text)


#: Style ids by style name, of the document being written (python-docx looks a style
#: name up by scanning every style, which is slow for thousands of table cells).
_STYLE_IDS: dict[str, str] = {}


def _styled(paragraph: Any, style: str) -> Any:
    """Give ``paragraph`` the named style; returns the paragraph."""
    paragraph._p.style = _STYLE_IDS[style]
    return paragraph


def _add(container: Any, text: str, style: str) -> Any:
    """A new paragraph of ``text`` in ``style`` at the end of ``container``."""
    paragraph = _styled(container.add_paragraph(), style)
    if text:
        paragraph.add_run(_xml_text(text))
    return paragraph


def _cell(cell: Any, lines: list[tuple[str, str]]) -> None:
    """Fill a cell with (style, text) paragraphs (the cell's first paragraph is reused)."""
    first = True
    for style, text in lines:
        if first:
            _styled(cell.paragraphs[0], style).add_run(_xml_text(text))
        else:
            _add(cell, text, style)
        first = False


def _header_block(document: Any, parts: DocumentParts, shared: Any) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [60, _TEXT_WIDTH_MM - 60], shared)
    left, right = table.rows[0].cells
    _cell(
        left,
        [
            *([("ANTQ Authority", parts.authority)] if parts.authority else []),
            ("ANTQ Issuer", parts.issuer),
            ("ANTQ Rule", ""),
            ("ANTQ Number", parts.number),
        ],
    )
    _cell(
        right,
        [
            ("ANTQ Motto", parts.motto),
            ("ANTQ Motto Line", parts.motto_line),
            ("ANTQ Rule Motto", ""),
            ("ANTQ Date Line", parts.date_line),
        ],
    )
    _add(document, parts.kind, "ANTQ Kind")
    _add(document, parts.title, "ANTQ Title")


def _table(document: Any, table: Table, shared: Any) -> None:
    numeric = table.numeric or (False,) * len(table.headers)
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.headers))
    grid.style = document.styles["Table Grid"]
    # Widths by the length of the text, numbers narrow, within the page.
    weights = []
    for i, header in enumerate(table.headers):
        word = max(len(w) for w in header.split()) + 1 if header.split() else 1
        sizes = [len(r[i]) for r in table.rows if r[i]] or [len(header) // 2]
        typical = (sum(sizes) // len(sizes) + max(sizes)) // 2
        weights.append(max(word, min(max(typical, 5), 16 if numeric[i] else 100)))
    total = sum(weights)
    _widths(grid, [_TEXT_WIDTH_MM * w / total for w in weights], shared)
    head = grid.rows[0]
    _repeat_header(head)
    for cell, text in zip(head.cells, table.headers, strict=True):
        _cell(cell, [("ANTQ Table Heading", text)])
    for row, cells in zip(grid.rows[1:], table.rows, strict=True):
        for i, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
            _cell(cell, [("ANTQ Table Number" if numeric[i] else "ANTQ Table Text", text)])
    _add(document, "", "ANTQ Table Text")


def _repeat_header(row: Any) -> None:
    """The row is repeated at the top of each page the table runs onto."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(_qn("w:tblHeader"), {_qn("w:val"): "true"}))


def _chart(
    document: Any, chart: StackedChart | BarChart, number: int, lang: Lang, shared: Any
) -> None:
    # python-docx and Pillow are the optional extra antq[docx]: imported only when used.

    scenes = (
        [stacked_scene(part) for part in pages(chart)]
        if isinstance(chart, StackedChart)
        else [bar_scene(chart)]
    )
    for scene in scenes:
        paragraph = _add(document, "", "ANTQ Figure")
        width = min(_TEXT_WIDTH_MM, scene.width * 25.4 / 110)
        paragraph.add_run().add_picture(io.BytesIO(scene_png(scene)), width=shared.Mm(width))
    caption = _FIGURE.render(lang).format(number=number, title=chart.title)
    _add(document, caption, "Caption")


@attrs.define
class _Docx(BlockWriter[None]):
    """Adds each block to ``document``; ``charts`` numbers the figures."""

    document: Any
    lang: Lang
    shared: Any
    charts: list[int]

    def heading(self, block: Heading) -> None:
        level = min(max(block.level - 1, 1), 3)
        _add(self.document, block.text, f"Heading {level}")

    def paragraph(self, block: Paragraph) -> None:
        _add(self.document, block.text, "Normal")

    def items(self, block: Items) -> None:
        for item in block.items:
            _add(self.document, item, "List Bullet")

    def table(self, block: Table) -> None:
        _table(self.document, block, self.shared)

    def chart(self, block: StackedChart | BarChart) -> None:
        self.charts.append(len(self.charts) + 1)
        _chart(self.document, block, len(self.charts), self.lang, self.shared)


def _blocks(
    document: Any, found: tuple[Block, ...], lang: Lang, shared: Any, charts: list[int]
) -> None:
    writer = _Docx(document, lang, shared, charts)
    for block in found:
        writer.write(block)


def _signature(document: Any, parts: DocumentParts, shared: Any) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [80, _TEXT_WIDTH_MM - 80], shared)
    left, right = table.rows[0].cells
    _cell(
        left,
        [("ANTQ Recipients Heading", parts.recipients_heading)]
        + [("ANTQ Recipients", line) for line in parts.recipients],
    )
    _cell(
        right,
        [("ANTQ Signer", line) for line in parts.signer]
        + [("ANTQ Signer Name", parts.signer_name)],
    )


def _page_numbers(document: Any, shared: Any) -> None:
    """The page number at the top, centred, from the second page on."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.style = document.styles["Header"]
    field = paragraph._p.makeelement(_qn("w:fldSimple"), {_qn("w:instr"): "PAGE"})
    run = field.makeelement(_qn("w:r"), {})
    text = run.makeelement(_qn("w:t"), {})
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def render_docx(report: Report, lang: Lang) -> bytes:
    """The report as the bytes of a Word (.docx) file in ``lang``."""
    docx, shared = _modules()
    document = docx.Document()
    _setup(document, lang, shared)
    _page_numbers(document, shared)
    properties = document.core_properties
    # Word's document properties hold at most 255 characters.
    properties.title = _xml_text(title_text(report, lang))[:255]
    properties.author = _xml_text(report.letterhead.issuer or "antq")[:255]
    properties.language = "vi-VN" if lang == "vi" else "en-GB"
    moment = datetime.combine(report.generated, time(0, 0))
    properties.created = properties.modified = moment
    properties.last_modified_by = "antq"
    properties.revision = 1

    parts = document_parts(report, lang)
    _header_block(document, parts, shared)
    body = body_blocks(report, lang)
    # The title and the date are in the header block.
    assert isinstance(body[0], Heading) and isinstance(body[1], Paragraph)
    charts: list[int] = []
    _blocks(document, body[2:], lang, shared, charts)
    _add(document, footer_text(lang), "ANTQ Note")
    _signature(document, parts, shared)

    annex = annex_blocks(report, lang)
    assert isinstance(annex[0], Heading)
    _add(document, annex[0].text.upper(), "ANTQ Annex Title")
    _add(document, parts.annex_note, "ANTQ Annex Note")
    _blocks(document, annex[1:], lang, shared, charts)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
