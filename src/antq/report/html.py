"""The HTML report: one self-contained page.

The page has inline CSS and inline SVG charts; it loads nothing (no script,
no font, no image, no style sheet from elsewhere) and says so in its
Content-Security-Policy. Every piece of text is HTML-escaped. ``lang`` is set
on the ``<html>`` element so that browsers and screen readers use the right
language.
"""

from __future__ import annotations

from html import escape

from antq.report import (
    BarChart,
    Block,
    Heading,
    Items,
    Paragraph,
    Report,
    StackedChart,
    Table,
    blocks,
    title_text,
)
from antq.report.svg import bar_chart, stacked_chart
from antq.vocabulary import Lang

__all__ = ["render_html"]

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
@media print { body { margin: 0; max-width: none; } figure { break-inside: avoid; } }
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


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, Items):
        items = "\n".join(f"<li>{escape(item)}</li>" for item in block.items)
        return f"<ul>\n{items}\n</ul>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, StackedChart):
        return f"<figure>\n{stacked_chart(block)}\n<figcaption>{escape(block.title)}</figcaption>\n</figure>"
    if isinstance(block, BarChart):
        return f"<figure>\n{bar_chart(block)}\n<figcaption>{escape(block.title)}</figcaption>\n</figure>"
    raise TypeError(f"not a report block: {block!r}")


def render_html(report: Report, lang: Lang) -> str:
    """The report as one HTML page in ``lang``."""
    parts = [_block(b) for b in blocks(report, lang)]
    footer = parts.pop()  # the last block is the footer paragraph
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title_text(report, lang))}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n"
        f"<footer>{footer}</footer>\n</body>\n</html>\n"
    )
