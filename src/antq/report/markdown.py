"""The Markdown report (CommonMark with pipe tables, as GitHub and GitLab show it).

Every piece of text from the input (unit names, ids, reasons) is escaped, so
a name cannot open a link, an HTML tag or a new table cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from antq.report import (
    BarChart,
    Block,
    Heading,
    Items,
    Paragraph,
    Report,
    StackedChart,
    Table,
    iter_blocks,
)
from antq.report.text import joined
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


def _block(block: Block) -> str | None:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape(block.text)}"
    if isinstance(block, Paragraph):
        return escape(block.text)
    if isinstance(block, Items):
        return "\n".join(f"- {escape(item)}" for item in block.items)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, StackedChart | BarChart):
        return None
    raise TypeError(f"not a report block: {block!r}")


def render_markdown(report: Report, lang: Lang) -> str:
    """The report as Markdown in ``lang`` (charts are left out: their figures are in tables)."""
    return "".join(iter_markdown(report, lang))


def iter_markdown(report: Report, lang: Lang) -> Iterator[str]:
    """:func:`render_markdown` in pieces, a block at a time."""
    return joined((_block(block) for block in iter_blocks(report, lang)), "\n\n", "\n")
