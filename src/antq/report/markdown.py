"""The Markdown report (CommonMark with pipe tables, as GitHub and GitLab show it).

Every piece of text from the input (unit names, ids, reasons) is escaped, so
a name cannot open a link, an HTML tag or a new table cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from antq.report._writer import TextWriter
from antq.report.model import Block, Heading, Items, Paragraph, Report, Table
from antq.vocabulary import Lang

__all__ = ["escape", "iter_markdown", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


def escape(text: str) -> str:
    """``text`` on one line with Markdown's special characters escaped.

    >>> escape("a|b *c* <script>")
    'a\\\\|b \\\\*c\\\\* \\\\<script\\\\>'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _table(table: Table) -> str:
    numeric = table.numeric or (False,) * len(table.headers)
    head = "| " + " | ".join(escape(h) for h in table.headers) + " |"
    rule = "|" + "|".join("---:" if n else "---" for n in numeric) + "|"
    rows = ["| " + " | ".join(escape(c) for c in row) + " |" for row in table.rows]
    return "\n".join([head, rule, *rows])


class _Markdown(TextWriter):
    def heading(self, block: Heading) -> str:
        return f"{'#' * block.level} {escape(block.text)}"

    def paragraph(self, block: Paragraph) -> str:
        return escape(block.text)

    def items(self, block: Items) -> str:
        return "\n".join(f"- {escape(item)}" for item in block.items)

    def table(self, block: Table) -> str:
        return _table(block)


_MARKDOWN = _Markdown()


def _block(block: Block) -> str | None:
    return _MARKDOWN.write(block)


def render_markdown(report: Report, lang: Lang) -> str:
    """The report as Markdown in ``lang`` (charts are left out: their figures are in tables)."""
    return "".join(_MARKDOWN.pieces(report, lang))


def iter_markdown(report: Report, lang: Lang) -> Iterator[str]:
    """:func:`render_markdown` in pieces, a block at a time."""
    return _MARKDOWN.pieces(report, lang)
