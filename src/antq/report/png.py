"""Charts as PNG images for the Word report, drawn with Pillow (part of ``antq[docx]``).

The picture is the chart's :class:`~antq.report.chart.Scene`, the same one
the HTML report writes as SVG, drawn at ``scale`` times its size so that it
prints sharply. Text is set in a sans-serif font with Vietnamese letters:
DejaVu Sans or Liberation Sans when the system has one, else the font that
ships with Pillow.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

from antq.report.chart import FONT_SIZE, ChartLine, ChartRect, ChartText, Fill, Scene

__all__ = ["scene_png"]

#: Fonts tried in turn (the first one found is used).
FONT_FILES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)


@cache
def _font(size: int) -> Any:
    # Pillow is part of the optional extra antq[docx]: imported only when a chart is drawn.
    from PIL import ImageFont

    for name in FONT_FILES:
        if Path(name).is_file():
            return ImageFont.truetype(name, size)
    return ImageFont.load_default(size)


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _fill(draw: Any, box: tuple[int, int, int, int], fill: Fill, scale: int) -> None:
    left, top, right, bottom = box
    draw.rectangle(box, fill=_rgb(fill.colour), outline=(0, 0, 0), width=1)
    ink = _rgb(fill.ink)
    step = 8 * scale
    if fill.pattern in ("hatch", "cross"):
        # Diagonal lines, clipped to the box: x + y = c (and x - y = c for a cross).
        for c in range(left + top, right + bottom + 1, step):
            x1, y1 = max(left, c - bottom), min(bottom, c - left)
            x2, y2 = min(right, c - top), max(top, c - right)
            if x1 <= x2:
                draw.line((x1, y1, x2, y2), fill=ink, width=scale)
        if fill.pattern == "cross":
            for c in range(left - bottom, right - top + 1, step):
                x1, y1 = max(left, top + c), max(top, left - c)
                x2, y2 = min(right, bottom + c), min(bottom, right - c)
                if x1 <= x2:
                    draw.line((x1, y1, x2, y2), fill=ink, width=scale)
    elif fill.pattern == "dots":
        r = scale
        for y in range(top + 2 * scale, bottom - r, 4 * scale):
            shift = 2 * scale if (y - top) // (4 * scale) % 2 else 0
            for x in range(left + 2 * scale + shift, right - r, 4 * scale):
                draw.ellipse((x - r, y - r, x + r, y + r), fill=ink)


def scene_png(scene: Scene, *, scale: int = 2) -> bytes:
    """A scene as the bytes of a PNG image, ``scale`` pixels to a unit of the scene."""
    # Pillow is part of the optional extra antq[docx]: imported only when a chart is drawn.
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (scene.width * scale, scene.height * scale), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = _font(FONT_SIZE * scale)
    for shape in scene.shapes:
        if isinstance(shape, ChartRect):
            box = (
                shape.x * scale,
                shape.y * scale,
                (shape.x + shape.width) * scale - 1,
                (shape.y + shape.height) * scale - 1,
            )
            _fill(draw, box, shape.fill, scale)
        elif isinstance(shape, ChartLine):
            start, end = (shape.x1 * scale, shape.y1 * scale), (shape.x2 * scale, shape.y2 * scale)
            width = shape.width * scale
            if not shape.dashed:
                draw.line((*start, *end), fill=_rgb(shape.colour), width=width)
                continue
            # A dashed line, 6 on and 4 off, along a horizontal or vertical line.
            length = max(abs(end[0] - start[0]), abs(end[1] - start[1]))
            dx = (end[0] > start[0]) - (end[0] < start[0])
            dy = (end[1] > start[1]) - (end[1] < start[1])
            for at in range(0, length, 10 * scale):
                stop = min(at + 6 * scale, length)
                draw.line(
                    (
                        start[0] + dx * at,
                        start[1] + dy * at,
                        start[0] + dx * stop,
                        start[1] + dy * stop,
                    ),
                    fill=_rgb(shape.colour),
                    width=width,
                )
        elif isinstance(shape, ChartText):
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            draw.text(
                (shape.x * scale, shape.y * scale),
                shape.text,
                font=font,
                fill=(0, 0, 0),
                anchor=anchor,
            )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
