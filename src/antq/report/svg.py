"""Charts as inline SVG for the HTML report: no script, no external file, text escaped.

The drawing is the :class:`~antq.report.chart.Scene` of the chart, so it is
the same picture as the PNG of the Word report. Patterns (hatching, dots)
are SVG ``<pattern>`` fills defined in the chart itself. Each part of a bar
has a tooltip with its count; a label cut to fit has its full text as a
tooltip.
"""

from __future__ import annotations

from html import escape

from antq.report import BarChart, StackedChart
from antq.report.chart import (
    FILLS,
    FONT_SIZE,
    ChartLine,
    ChartRect,
    ChartText,
    Fill,
    Scene,
    bar_scene,
    stacked_scene,
)

__all__ = ["bar_chart", "scene_svg", "stacked_chart"]


def _pattern_id(fill: Fill) -> str:
    return f"p{fill.pattern}{fill.colour[1:]}{fill.ink[1:]}"


def _pattern(fill: Fill) -> str:
    pid = _pattern_id(fill)
    ink = fill.ink
    if fill.pattern == "hatch":
        marks = f'<path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="{ink}" stroke-width="1.5"/>'
    elif fill.pattern == "dots":
        marks = f'<circle cx="2" cy="2" r="1.2" fill="{ink}"/><circle cx="6" cy="6" r="1.2" fill="{ink}"/>'
    else:
        marks = f'<path d="M0,0 L8,8 M8,0 L0,8" stroke="{ink}" stroke-width="1"/>'
    return (
        f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{fill.colour}"/>{marks}</pattern>'
    )


def _paint(fill: Fill) -> str:
    return f"url(#{_pattern_id(fill)})" if fill.pattern else fill.colour


def scene_svg(scene: Scene) -> str:
    """A scene as one ``<svg>`` element."""
    t = escape(scene.title)
    out = [
        f'<svg role="img" aria-label="{t}" '
        f'width="{scene.width}" height="{scene.height}" viewBox="0 0 {scene.width} {scene.height}" '
        f'font-family="sans-serif" font-size="{FONT_SIZE}">',
        f"<title>{t}</title>",
    ]
    fills = {s.fill for s in scene.shapes if isinstance(s, ChartRect) and s.fill.pattern}
    if fills:
        ordered = sorted(fills, key=lambda f: FILLS.index(f) if f in FILLS else len(FILLS))
        out.append("<defs>" + "".join(_pattern(f) for f in ordered) + "</defs>")
    for shape in scene.shapes:
        if isinstance(shape, ChartRect):
            tip = f"<title>{escape(shape.tip)}</title>" if shape.tip else ""
            out.append(
                f'<rect x="{shape.x}" y="{shape.y}" width="{shape.width}" height="{shape.height}" '
                f'fill="{_paint(shape.fill)}" stroke="#000000" stroke-width="0.5">{tip}</rect>'
            )
        elif isinstance(shape, ChartLine):
            dash = ' stroke-dasharray="6 4"' if shape.dashed else ""
            out.append(
                f'<line x1="{shape.x1}" y1="{shape.y1}" x2="{shape.x2}" y2="{shape.y2}" '
                f'stroke="{shape.colour}" stroke-width="{shape.width}"{dash}/>'
            )
        elif isinstance(shape, ChartText):
            anchor = f' text-anchor="{shape.anchor}"' if shape.anchor != "start" else ""
            bold = ' font-weight="bold"' if shape.bold else ""
            tip = f"<title>{escape(shape.tip)}</title>" if shape.tip else ""
            out.append(
                f'<text x="{shape.x}" y="{shape.y}"{anchor}{bold}>{tip}{escape(shape.text)}</text>'
            )
    out.append("</svg>")
    return "\n".join(out)


def stacked_chart(chart: StackedChart) -> str:
    """Horizontal bars, one per row, split into the parts of ``chart.legend``."""
    return scene_svg(stacked_scene(chart))


def bar_chart(chart: BarChart) -> str:
    """Horizontal bars, one per row, scaled to the largest count."""
    return scene_svg(bar_scene(chart))
