"""Charts as inline SVG for the HTML report: no script, no external file, text escaped.

Geometry is computed in whole pixels from the counts (no floating point), so
the same figures always give the same drawing. Counts are written in the
chart's language ("1.234" in Vietnamese, "1,234" in English).
"""

from __future__ import annotations

from html import escape

from antq.i18n.formatting import format_number
from antq.report import BarChart, StackedChart

__all__ = ["OUTCOME_COLOURS", "bar_chart", "stacked_chart"]

#: Fill colours of the parts of a stacked bar: met, not met, unknown, not applicable.
OUTCOME_COLOURS: tuple[str, ...] = ("#2e7d32", "#c62828", "#f9a825", "#9e9e9e")
_BAR_COLOUR = "#c62828"
_WIDTH = 760
_LABEL = 250  # width of the label column
_BAR = 400  # width of the longest bar
_ROW = 22
_TOP = 36  # space for the legend
_MAX_LABEL = 34  # characters of a label shown; the full text is in the tooltip


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


def _open(title: str, height: int) -> list[str]:
    t = escape(title)
    return [
        f'<svg role="img" aria-label="{t}" '
        f'width="{_WIDTH}" height="{height}" viewBox="0 0 {_WIDTH} {height}" '
        'font-family="sans-serif" font-size="12">',
        f"<title>{t}</title>",
    ]


def _label(y: int, text: str) -> str:
    return (
        f'<text x="{_LABEL - 8}" y="{y + 15}" text-anchor="end">'
        f"<title>{escape(' '.join(text.split()))}</title>{escape(_short(text))}</text>"
    )


def stacked_chart(chart: StackedChart) -> str:
    """Horizontal bars, one per row, split into the parts of ``chart.legend``.

    Bars are scaled to the largest row total; each part has a tooltip with its count.
    """
    height = _TOP + _ROW * max(len(chart.rows), 1) + 8
    out = _open(chart.title, height)
    x = 0
    for index, name in enumerate(chart.legend):
        colour = OUTCOME_COLOURS[index % len(OUTCOME_COLOURS)]
        out.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{x + 16}" y="18">{escape(name)}</text>')
        x += 24 + 8 * len(name)
    largest = max((sum(counts) for _, counts in chart.rows), default=0) or 1
    for row, (label, counts) in enumerate(chart.rows):
        y = _TOP + row * _ROW
        out.append(_label(y, label))
        done = 0
        for index, count in enumerate(counts):
            if not count:
                continue
            left = _LABEL + done * _BAR // largest
            done += count
            right = _LABEL + done * _BAR // largest
            colour = OUTCOME_COLOURS[index % len(OUTCOME_COLOURS)]
            name = chart.legend[index] if index < len(chart.legend) else ""
            out.append(
                f'<rect x="{left}" y="{y + 3}" width="{max(right - left, 1)}" height="{_ROW - 6}" '
                f'fill="{colour}"><title>{escape(name)}: {format_number(count, chart.lang)}</title></rect>'
            )
        total = sum(counts)
        end = _LABEL + total * _BAR // largest
        shown = format_number(total, chart.lang)
        out.append(f'<text x="{end + 6}" y="{y + 15}">{shown}</text>')
    out.append("</svg>")
    return "\n".join(out)


def bar_chart(chart: BarChart) -> str:
    """Horizontal bars, one per row, scaled to the largest count."""
    height = 12 + _ROW * max(len(chart.rows), 1)
    out = _open(chart.title, height)
    largest = max((count for _, count in chart.rows), default=0) or 1
    for row, (label, count) in enumerate(chart.rows):
        y = 6 + row * _ROW
        out.append(_label(y, label))
        size = count * _BAR // largest
        shown = format_number(count, chart.lang)
        out.append(
            f'<rect x="{_LABEL}" y="{y + 3}" width="{max(size, 1)}" height="{_ROW - 6}" '
            f'fill="{_BAR_COLOUR}"><title>{shown}</title></rect>'
        )
        out.append(f'<text x="{_LABEL + size + 6}" y="{y + 15}">{shown}</text>')
    out.append("</svg>")
    return "\n".join(out)
