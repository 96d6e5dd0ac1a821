"""The HTML report: one self-contained page, that prints as an administrative document.

The page has inline CSS and inline SVG charts; it loads nothing (no script,
no font, no image, no style sheet from elsewhere) and says so in its
Content-Security-Policy. Every piece of text is HTML-escaped. ``lang`` is set
on the ``<html>`` element so that browsers and screen readers use the right
language.

It opens with the header block of Nghị định 30/2020/NĐ-CP, as the Word
report does (issuing body and number, national motto, place and date, "BÁO
CÁO" and the subject), and ends with the recipients and the signature block,
then the annex. Printed, it is A4 with the decree's margins, in a serif
font; a heading never ends a page (``break-after: avoid``), table rows and
charts are not split, table headers repeat on each page, and the annex starts
on a new page.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from antq.report import Report, body_blocks, footer_text, iter_annex_blocks, title_text
from antq.report._writer import BlockWriter
from antq.report.admin import DocumentParts, document_parts
from antq.report.chart import pages
from antq.report.model import BarChart, Heading, Items, Paragraph, StackedChart, Table
from antq.report.svg import bar_chart, stacked_chart
from antq.vocabulary import Lang

__all__ = ["iter_html", "render_html"]

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #1b1b1b; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05rem; margin-top: 1.6rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #f1f1f1; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
figure { margin: .6rem 0 1rem; overflow-x: auto; }
figcaption { font-size: .9rem; color: #444; }
footer { margin-top: 2.5rem; font-size: .85rem; color: #555; }
.letterhead { display: grid; grid-template-columns: 38% 58%; gap: 1rem; text-align: center;
              margin-bottom: 1.2rem; }
.letterhead p, .signature p { margin: 0; }
.upper { text-transform: uppercase; }
.strong { font-weight: bold; }
.rule { width: 40%; margin: .15rem auto .4rem; border: 0; border-top: 1px solid #000; }
.motto-line + .rule { width: 60%; }
.motto { font-size: .92em; white-space: nowrap; }
.date-line { font-style: italic; margin-top: .4rem !important; }
.kind { text-align: center; font-weight: bold; margin: 1.2rem 0 0; }
h1.subject { text-align: center; border: 0; font-size: 1.2rem; margin-top: .2rem; }
.signature { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin-top: 1.5rem;
             break-inside: avoid; }
.recipients { font-size: .85rem; }
.recipients .heading { font-weight: bold; font-style: italic; font-size: .95rem; }
.signer { text-align: center; font-weight: bold; }
.signer .name { margin-top: 4.5rem; }
.annex-note { text-align: center; font-style: italic; }
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-family: "Times New Roman", Times,
         "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt; color: #000; }
  h1, h2, h3, .kind, caption, figcaption { break-after: avoid; page-break-after: avoid; }
  h1, h2, h3 { break-inside: avoid; }
  figure svg, tr, .letterhead, .signature { break-inside: avoid; page-break-inside: avoid; }
  figure svg { display: block; max-width: 100%; height: auto; }
  thead { display: table-header-group; }
  table { font-size: 10.5pt; }
  .annex { break-before: page; page-break-before: always; }
  footer { color: #000; }
}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _table(table: Table) -> str:
    numeric = table.numeric or (False,) * len(table.headers)
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.headers)
    rows = []
    for row in table.rows:
        cells = "".join(
            f'<td class="n">{escape(c)}</td>' if numeric[i] else f"<td>{escape(c)}</td>"
            for i, c in enumerate(row)
        )
        rows.append(f"<tr>{cells}</tr>")
    body = "\n".join(rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


class _Html(BlockWriter[str]):
    def heading(self, block: Heading) -> str:
        level = min(max(block.level, 1), 6)
        return f"<h{level}>{escape(block.text)}</h{level}>"

    def paragraph(self, block: Paragraph) -> str:
        return f"<p>{escape(block.text)}</p>"

    def items(self, block: Items) -> str:
        items = "\n".join(f"<li>{escape(item)}</li>" for item in block.items)
        return f"<ul>\n{items}\n</ul>"

    def table(self, block: Table) -> str:
        return _table(block)

    def chart(self, block: StackedChart | BarChart) -> str:
        if isinstance(block, StackedChart):
            # A long chart is cut into pictures that each fit a printed page.
            drawn = "\n".join(stacked_chart(part) for part in pages(block))
        else:
            drawn = bar_chart(block)
        return f"<figure>\n{drawn}\n<figcaption>{escape(block.title)}</figcaption>\n</figure>"


_block = _Html().write


def _letterhead(parts: DocumentParts) -> str:
    authority = (
        f'<p class="upper">{escape(parts.authority)}</p>\n' if parts.authority is not None else ""
    )
    return (
        '<header class="letterhead">\n<div>\n'
        f'{authority}<p class="upper strong">{escape(parts.issuer)}</p>\n<hr class="rule">\n'
        f"<p>{escape(parts.number)}</p>\n</div>\n<div>\n"
        f'<p class="strong motto">{escape(parts.motto)}</p>\n'
        f'<p class="strong motto-line">{escape(parts.motto_line)}</p>\n<hr class="rule">\n'
        f'<p class="date-line">{escape(parts.date_line)}</p>\n</div>\n</header>\n'
        f'<p class="kind">{escape(parts.kind)}</p>\n'
        f'<h1 class="subject">{escape(parts.title)}</h1>'
    )


def _signature(parts: DocumentParts) -> str:
    recipients = "\n".join(f"<p>{escape(line)}</p>" for line in parts.recipients)
    signer = "\n".join(f'<p class="upper">{escape(line)}</p>' for line in parts.signer)
    return (
        '<section class="signature">\n<div class="recipients">\n'
        f'<p class="heading">{escape(parts.recipients_heading)}</p>\n{recipients}\n</div>\n'
        f'<div class="signer">\n{signer}\n<p class="name">{escape(parts.signer_name)}</p>\n'
        "</div>\n</section>"
    )


def render_html(report: Report, lang: Lang) -> str:
    """The report as one HTML page in ``lang``."""
    return "".join(iter_html(report, lang))


def iter_html(report: Report, lang: Lang) -> Iterator[str]:
    """:func:`render_html` in pieces, the annex a commune at a time."""
    parts = document_parts(report, lang)
    body = body_blocks(report, lang)
    # The title and the date are in the header block.
    assert isinstance(body[0], Heading) and isinstance(body[1], Paragraph)
    annex = iter_annex_blocks(report, lang)
    yield (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title_text(report, lang))}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
    )
    # A block at a time: the body of a national report is tens of megabytes too.
    yield _letterhead(parts)
    for block in body[2:]:
        yield "\n" + _block(block)
    yield "\n" + _signature(parts) + '\n<section class="annex">\n' + _block(next(annex))
    yield f'\n<p class="annex-note">{escape(parts.annex_note)}</p>'
    for block in annex:
        yield "\n" + _block(block)
    yield (
        f"\n</section>\n</main>\n<footer>{escape(footer_text(lang))}</footer>\n</body>\n</html>\n"
    )
