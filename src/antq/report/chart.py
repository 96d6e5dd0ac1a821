"""The geometry of the report's charts, drawn once and written as SVG or PNG.

A chart is laid out as a :class:`Scene` of rectangles, lines and labels in
whole pixels (no floating point), so the same figures always give the same
drawing, and the SVG of the HTML report and the PNG of the Word report are the
same picture.

Charts are made to be printed in black and white: the parts of a bar differ
in lightness (dark, middle, light) and the lighter ones carry a pattern
(diagonal hatching, dots), and every bar has its figure written beside it.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from antq.i18n.formatting import format_number, format_percent
from antq.report import BarChart, StackedChart

__all__ = [
    "FILLS",
    "ChartLine",
    "ChartRect",
    "ChartText",
    "Fill",
    "Scene",
    "bar_scene",
    "pages",
    "stacked_scene",
    "wrap",
]

Pattern: TypeAlias = Literal["", "hatch", "dots", "cross"]


@attrs.frozen
class Fill:
    """A fill: a colour and a pattern drawn over it in ``ink``."""

    colour: str
    pattern: Pattern = ""
    ink: str = "#000000"


#: The fills of the parts of a bar, in legend order (met, not met, unknown, not applicable):
#: dark, middle, light, lighter, so that they stay apart in grayscale.
FILLS: tuple[Fill, ...] = (
    Fill("#1b5e20"),
    Fill("#ef9a9a", "hatch", "#8e0000"),
    Fill("#fff59d", "dots", "#5d4b00"),
    Fill("#eeeeee", "cross", "#616161"),
)
_BAR_FILL = Fill("#ef9a9a", "hatch", "#8e0000")


@attrs.frozen(kw_only=True)
class ChartRect:
    x: int
    y: int
    width: int
    height: int
    fill: Fill
    #: A tooltip (SVG only).
    tip: str = ""


@attrs.frozen(kw_only=True)
class ChartLine:
    x1: int
    y1: int
    x2: int
    y2: int
    colour: str = "#000000"
    width: int = 1
    dashed: bool = False


@attrs.frozen(kw_only=True)
class ChartText:
    """Text whose baseline starts (or ends, or is centred) at x, y."""

    x: int
    y: int
    text: str
    anchor: Literal["start", "middle", "end"] = "start"
    bold: bool = False
    #: The full text when ``text`` is one line of it (SVG only).
    tip: str = ""


Shape: TypeAlias = ChartRect | ChartLine | ChartText


@attrs.frozen(kw_only=True)
class Scene:
    title: str
    width: int
    height: int
    shapes: tuple[Shape, ...]


WIDTH = 760
LABEL = 250  # width of the label column
BAR = 400  # width of the longest bar (100% in a percent chart)
LINE = 15  # height of a line of text
FONT_SIZE = 12
_MAX_LINES = 5
_CHARS = 38  # characters of a label line


def wrap(text: str, size: int = _CHARS, lines: int = _MAX_LINES) -> tuple[str, ...]:
    """``text`` in at most ``lines`` lines of about ``size`` characters, broken between words.

    >>> wrap("Tiêu chí về phòng cháy và chữa cháy tại khu dân cư (khu dân cư)", 30)
    ('Tiêu chí về phòng cháy và chữa', 'cháy tại khu dân cư (khu dân', 'cư)')
    """
    found: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > size:
            found.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    found.append(current)
    if len(found) > lines:
        found = [*found[: lines - 1], " ".join(found[lines - 1 :])]
        last = found[-1]
        if len(last) > size:
            found[-1] = last[: size - 1] + "…"
    return tuple(found)


def _row_label(y: int, text: str, height: int) -> list[Shape]:
    lines = wrap(" ".join(text.split()))
    top = y + (height - LINE * len(lines)) // 2
    full = " ".join(text.split())
    return [
        ChartText(x=LABEL - 8, y=top + LINE * (i + 1) - 3, text=line, anchor="end", tip=full)
        for i, line in enumerate(lines)
    ]


def _row_height(text: str) -> int:
    return max(22, LINE * len(wrap(text)) + 6)


def _legend(names: tuple[str, ...], y: int) -> list[Shape]:
    shapes: list[Shape] = []
    x = 0
    for index, name in enumerate(names):
        fill = FILLS[index % len(FILLS)]
        shapes.append(ChartRect(x=x, y=y, width=14, height=14, fill=fill))
        shapes.append(ChartText(x=x + 20, y=y + 12, text=name))
        x += 34 + 7 * len(name)
    return shapes


def stacked_scene(chart: StackedChart) -> Scene:
    """Horizontal bars split into the parts of ``chart.legend``, with the figure beside each.

    Counts are scaled to the largest row; with ``chart.percent``, each row to
    its own total, on an axis from 0 to 100% with a dashed line at
    ``chart.threshold``.
    """
    shapes: list[Shape] = _legend(chart.legend, 4)
    top = 30
    if chart.percent and chart.threshold is not None and chart.threshold_label:
        shapes.append(ChartLine(x1=0, y1=top + 6, x2=24, y2=top + 6, width=2, dashed=True))
        shapes.append(ChartText(x=30, y=top + 10, text=chart.threshold_label))
        top += 20
    largest = max((sum(counts) for _, counts in chart.rows), default=0) or 1
    y = top
    for label, counts in chart.rows:
        height = _row_height(label)
        shapes += _row_label(y, label, height)
        total = sum(counts)
        scale = (total or 1) if chart.percent else largest
        done = 0
        for index, count in enumerate(counts):
            if not count:
                continue
            left = LABEL + done * BAR // scale
            done += count
            right = LABEL + done * BAR // scale
            name = chart.legend[index] if index < len(chart.legend) else ""
            shapes.append(
                ChartRect(
                    x=left,
                    y=y + 3,
                    width=max(right - left, 1),
                    height=height - 6,
                    fill=FILLS[index % len(FILLS)],
                    tip=f"{name}: {format_number(count, chart.lang)}",
                )
            )
        end = LABEL + (BAR if chart.percent and total else total * BAR // largest)
        if chart.percent:
            met = counts[0] if counts else 0
            shown = format_percent(met, total, chart.lang) if total else "-"
        else:
            shown = format_number(total, chart.lang)
        shapes.append(ChartText(x=end + 6, y=y + height // 2 + 4, text=shown))
        y += height
    bottom = y
    if chart.percent:
        shapes.append(ChartLine(x1=LABEL, y1=top, x2=LABEL, y2=bottom))
        shapes.append(ChartLine(x1=LABEL, y1=bottom, x2=LABEL + BAR, y2=bottom))
        for tick in range(0, 101, 10):
            x = LABEL + tick * BAR // 100
            shapes.append(ChartLine(x1=x, y1=bottom, x2=x, y2=bottom + 4))
            if tick % 20 == 0:
                shapes.append(ChartText(x=x, y=bottom + 17, text=f"{tick}%", anchor="middle"))
        if chart.threshold is not None:
            x = LABEL + chart.threshold * BAR // 100
            shapes.append(ChartLine(x1=x, y1=top, x2=x, y2=bottom + 4, width=2, dashed=True))
        bottom += 24
    return Scene(title=chart.title, width=WIDTH, height=bottom + 6, shapes=tuple(shapes))


#: Rows of a chart drawn as one picture: a longer chart is cut into pictures that fit a page.
ROWS_PER_PICTURE = 30


def pages(chart: StackedChart, size: int = ROWS_PER_PICTURE) -> tuple[StackedChart, ...]:
    """``chart`` cut into charts of at most ``size`` rows each, in order, to fit printed pages.

    >>> chart = StackedChart(title="t", legend=("a",), rows=tuple((str(i), (i,)) for i in range(70)))
    >>> [len(part.rows) for part in pages(chart)]
    [30, 30, 10]
    """
    if len(chart.rows) <= size:
        return (chart,)
    return tuple(
        attrs.evolve(chart, rows=chart.rows[start : start + size])
        for start in range(0, len(chart.rows), size)
    )


def bar_scene(chart: BarChart) -> Scene:
    """Horizontal bars, one per row, scaled to the largest count, with the count beside each."""
    shapes: list[Shape] = []
    largest = max((count for _, count in chart.rows), default=0) or 1
    y = 6
    for label, count in chart.rows:
        height = _row_height(label)
        shapes += _row_label(y, label, height)
        size = count * BAR // largest
        shown = format_number(count, chart.lang)
        shapes.append(
            ChartRect(
                x=LABEL, y=y + 3, width=max(size, 1), height=height - 6, fill=_BAR_FILL, tip=shown
            )
        )
        shapes.append(ChartText(x=LABEL + size + 6, y=y + height // 2 + 4, text=shown))
        y += height
    return Scene(title=chart.title, width=WIDTH, height=y + 6, shapes=tuple(shapes))
