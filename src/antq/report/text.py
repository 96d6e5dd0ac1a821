"""The plain-text report, for the terminal.

Headings are underlined, tables are aligned in columns (numbers to the
right, long text wrapped), and charts are left out: their figures are in the
tables.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

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
from antq.vocabulary import Lang

__all__ = ["MAX_COLUMN", "iter_text", "joined", "render_block", "render_text", "width"]

#: Text columns wider than this are wrapped.
MAX_COLUMN = 40
#: A table with many text columns wraps them narrower, to stay about this wide.
MAX_TABLE = 180


def width(text: str) -> int:
    """The number of terminal columns ``text`` takes (combining marks take none).

    >>> width("Thôn Đông"), width("Tho\\u0302n")
    (9, 4)
    """
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        for c in text
    )


def _pad(text: str, size: int, right: bool) -> str:
    fill = " " * max(size - width(text), 0)
    return fill + text if right else text + fill


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _wrap(text: str, size: int) -> list[str]:
    """``text`` in lines of at most ``size`` columns, broken between words."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and width(current) + 1 + width(word) > size:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _table(table: Table) -> str:
    headers = tuple(_one_line(h) for h in table.headers)
    rows = [tuple(_one_line(c) for c in row) for row in table.rows]
    numeric = table.numeric or (False,) * len(headers)
    texts = max(sum(1 for n in numeric if not n), 1)
    cap = max(20, min(MAX_COLUMN, (MAX_TABLE - 2 * (len(headers) - 1)) // texts))
    sizes = []
    for i, header in enumerate(headers):
        size = max([width(header), *(width(r[i]) for r in rows)])
        if not numeric[i]:
            # Long text is wrapped, but never a word of the header.
            size = max(min(size, cap), *(width(w) for w in header.split()))
        sizes.append(size)

    def lines(cells: tuple[str, ...]) -> list[str]:
        wrapped = [_wrap(c, sizes[i]) for i, c in enumerate(cells)]
        height = max(len(w) for w in wrapped)
        return [
            "  ".join(
                _pad(w[n] if n < len(w) else "", sizes[i], numeric[i])
                for i, w in enumerate(wrapped)
            ).rstrip()
            for n in range(height)
        ]

    out = [*lines(headers), "  ".join("-" * s for s in sizes)]
    for row in rows:
        out += lines(row)
    return "\n".join(out)


def render_block(block: Block) -> str | None:
    """One block as text (None for a chart)."""
    if isinstance(block, Heading):
        text = _one_line(block.text)
        if block.level == 1:
            return f"{text}\n{'=' * width(text)}"
        if block.level == 2:
            return f"{text}\n{'-' * width(text)}"
        return f"{text}:"
    if isinstance(block, Paragraph):
        return _one_line(block.text)
    if isinstance(block, Items):
        return "\n".join(f"  - {_one_line(item)}" for item in block.items)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, StackedChart | BarChart):
        return None
    raise TypeError(f"not a report block: {block!r}")


def render_text(report: Report, lang: Lang) -> str:
    """The report as plain text in ``lang``."""
    return "".join(iter_text(report, lang))


def iter_text(report: Report, lang: Lang) -> Iterator[str]:
    """:func:`render_text` in pieces, a block at a time (a long annex is never whole in memory)."""
    return joined((render_block(block) for block in iter_blocks(report, lang)), "\n\n", "\n")


def joined(parts: Iterable[str | None], separator: str, end: str) -> Iterator[str]:
    """``separator.join(parts) + end`` in pieces, leaving out the parts that are None."""
    first = True
    for part in parts:
        if part is None:
            continue
        yield part if first else separator + part
        first = False
    yield end
