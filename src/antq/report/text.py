"""The plain-text report, for the terminal.

Headings are underlined, tables are aligned in columns (numbers to the
right, long text wrapped), and charts are left out: their figures are in the
tables.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator

from antq.report._writer import TextWriter, joined
from antq.report.model import Block, Heading, Items, Paragraph, Report, Table
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
    # Every ASCII character takes one column; a report's long tables are mostly not ASCII.
    return len(text) if text.isascii() else sum(map(_char_width, text))


@functools.cache  # a report uses a few hundred characters: measured once each
def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _pad(text: str, size: int, right: bool) -> str:
    fill = " " * max(size - width(text), 0)
    return fill + text if right else text + fill


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _wrap(text: str, size: int) -> list[str]:
    """``text`` in lines of at most ``size`` columns, broken between words."""
    lines: list[str] = []
    current = ""
    used = 0  # width(current), kept as words are added
    for word in text.split():
        taken = width(word)
        if current and used + 1 + taken > size:
            lines.append(current)
            current, used = word, taken
        elif current:
            current, used = f"{current} {word}", used + 1 + taken
        else:
            current, used = word, taken
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


class _Text(TextWriter):
    def heading(self, block: Heading) -> str:
        text = _one_line(block.text)
        if block.level == 1:
            return f"{text}\n{'=' * width(text)}"
        if block.level == 2:
            return f"{text}\n{'-' * width(text)}"
        return f"{text}:"

    def paragraph(self, block: Paragraph) -> str:
        return _one_line(block.text)

    def items(self, block: Items) -> str:
        return "\n".join(f"  - {_one_line(item)}" for item in block.items)

    def table(self, block: Table) -> str:
        return _table(block)


_TEXT = _Text()


def render_block(block: Block) -> str | None:
    """One block as text (None for a chart)."""
    return _TEXT.write(block)


def render_text(report: Report, lang: Lang) -> str:
    """The report as plain text in ``lang``."""
    return "".join(_TEXT.pieces(report, lang))


def iter_text(report: Report, lang: Lang) -> Iterator[str]:
    """:func:`render_text` in pieces, a block at a time (a long annex is never whole in memory)."""
    return _TEXT.pieces(report, lang)
