"""How a report format writes each kind of block: :class:`BlockWriter`, the one dispatch.

Every writer (text, Markdown, HTML, Word) says how it writes a heading, a
paragraph, a list, a table and a chart; :meth:`BlockWriter.write` picks the
method a block needs. :class:`TextWriter` is the text formats' (plain text,
Markdown): blocks joined by a blank line, charts left out (their figures are
in tables).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

from antq.report.blocks import iter_blocks
from antq.report.model import (
    BarChart,
    Block,
    Heading,
    Items,
    Paragraph,
    Report,
    StackedChart,
    Table,
)
from antq.vocabulary import Lang

__all__ = ["BlockWriter", "TextWriter", "joined"]

T = TypeVar("T")


class BlockWriter(Generic[T]):
    """Writes one block of a report (what each method gives is the format's)."""

    def heading(self, block: Heading) -> T:
        raise NotImplementedError

    def paragraph(self, block: Paragraph) -> T:
        raise NotImplementedError

    def items(self, block: Items) -> T:
        raise NotImplementedError

    def table(self, block: Table) -> T:
        raise NotImplementedError

    def chart(self, block: StackedChart | BarChart) -> T:
        raise NotImplementedError

    def write(self, block: Block) -> T:
        """``block`` written by the method of its kind."""
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        if isinstance(block, Items):
            return self.items(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, StackedChart | BarChart):
            return self.chart(block)
        raise TypeError(f"not a report block: {block!r}")


def joined(parts: Iterable[str | None], separator: str, end: str) -> Iterator[str]:
    """``separator.join(parts) + end`` in pieces, leaving out the parts that are None."""
    first = True
    for part in parts:
        if part is None:
            continue
        yield part if first else separator + part
        first = False
    yield end


class TextWriter(BlockWriter[str | None]):
    """A text format's writer: each block a text (None for a chart, left out)."""

    def chart(self, block: StackedChart | BarChart) -> None:
        return None

    def pieces(self, report: Report, lang: Lang) -> Iterator[str]:
        """The report in pieces, a block at a time (a long annex is never whole in memory)."""
        return joined((self.write(block) for block in iter_blocks(report, lang)), "\n\n", "\n")
