"""Honest charts (sorted, in percent, with the 70% line, grayscale-safe) and the previous round."""

from __future__ import annotations

import io
import itertools
import json
from datetime import date
from pathlib import Path

import pytest

from antq.cli import EXIT_OK
from antq.cli.report import main as run_report
from antq.core.periods import Period
from antq.errors import InputError
from antq.io.batch import read_any
from antq.report import (
    BarChart,
    Report,
    StackedChart,
    Table,
    blocks,
    build_report,
    render_report,
)
from antq.report.chart import (
    BAR,
    FILLS,
    LABEL,
    ChartLine,
    ChartRect,
    ChartText,
    bar_scene,
    stacked_scene,
    wrap,
)
from antq.report.indicators import Indicator, Observation
from antq.report.previous import met_change, previous_from_data, rate_change, read_previous
from antq.report.svg import stacked_chart
from antq.safety.hierarchy import OutcomeCounts, evaluate_province

from . import EXAMPLE, area, commune, facts

GENERATED = date(2025, 12, 1)


@pytest.fixture(scope="module")
def two_communes() -> Report:
    units = facts(
        commune("X1", "Xã Một"),
        area("A1", "X1"),
        area("A2", "X1", "not_met"),
        area("A3", "X1", "not_met"),
        commune("X2", "Xã Hai"),
        area("B1", "X2"),
        area("B2", "X2"),
        area("B3", "X2", "unknown"),
    )
    return build_report(evaluate_province(units), generated=GENERATED)


def _charts(report: Report) -> tuple[StackedChart, BarChart]:
    found = blocks(report, "vi")
    stacked = next(b for b in found if isinstance(b, StackedChart))
    bars = next(b for b in found if isinstance(b, BarChart))
    return stacked, bars


def test_communes_are_sorted_by_share_met_in_percent_with_the_70_line(
    two_communes: Report,
) -> None:
    stacked, _ = _charts(two_communes)
    assert stacked.percent and stacked.threshold == 70
    # Xã Hai: 2 of 3 met (the commune itself is not counted among its units); Xã Một: 1 of 3.
    assert [label for label, _ in stacked.rows] == ["Xã Hai", "Xã Một"]
    assert stacked.rows[0][1] == (2, 0, 1)  # met, not met, unknown
    assert stacked.legend == ("đạt", "chưa đạt", "chưa xác định")
    # The table lists the communes in the same order, with the same figures.
    table = next(
        b
        for b in blocks(two_communes, "vi")
        if isinstance(b, Table) and b.headers[0] == "Đơn vị cấp xã"
    )
    assert [(row[0], row[3]) for row in table.rows] == [
        ("Xã Hai", "2/3 (66,7%)"),
        ("Xã Một", "1/3 (33,3%)"),
    ]
    scene = stacked_scene(stacked)
    lines = [s for s in scene.shapes if isinstance(s, ChartLine) and s.dashed]
    at = LABEL + 70 * BAR // 100
    assert any(line.x1 == line.x2 == at for line in lines)  # the threshold across the bars
    texts = [s.text for s in scene.shapes if isinstance(s, ChartText)]
    assert [t for t in texts if t.endswith("0%")] == ["0%", "20%", "40%", "60%", "80%", "100%"]
    assert "66,7%" in texts and "33,3%" in texts  # as the table writes them
    # Every bar is 100% long: the parts of a row add up to the bar's width.
    rects = [s for s in scene.shapes if isinstance(s, ChartRect) and s.y > 40]
    first = [r for r in rects if r.y == rects[0].y]
    assert sum(r.width for r in first) == BAR
    svg = stacked_chart(stacked)
    assert 'stroke-dasharray="6 4"' in svg and "<pattern" in svg


def test_criteria_are_labelled_with_their_unit_kind_and_never_cut(two_communes: Report) -> None:
    _, bars = _charts(two_communes)
    assert all(
        label.endswith(("(khu dân cư)", "(xã, phường, thị trấn, đặc khu)"))
        for label, _ in bars.rows
    )
    scene = bar_scene(bars)
    shown = " ".join(s.text for s in scene.shapes if isinstance(s, ChartText) and s.anchor == "end")
    for label, _ in bars.rows:
        assert " ".join(label.split()) in shown or all(w in shown for w in label.split())
    assert wrap("a " * 200, 10, 3)[-1].endswith("…")  # only an absurdly long label is cut


def _luma(colour: str) -> int:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return (299 * r + 587 * g + 114 * b) // 1000


def test_chart_fills_stay_apart_in_grayscale() -> None:
    lightness = sorted(_luma(f.colour) for f in FILLS[:3])
    assert all(b - a >= 40 for a, b in itertools.pairwise(lightness)), lightness
    assert [f.pattern for f in FILLS[:3]] == ["", "hatch", "dots"]  # patterns too


def test_png_chart_is_the_same_picture(two_communes: Report) -> None:
    pytest.importorskip("PIL")
    from PIL import Image

    from antq.report.png import scene_png

    stacked, bars = _charts(two_communes)
    for scene in (stacked_scene(stacked), bar_scene(bars)):
        image = Image.open(io.BytesIO(scene_png(scene)))
        assert image.format == "PNG" and image.size == (2 * scene.width, 2 * scene.height)
    scene = stacked_scene(stacked)
    image = Image.open(io.BytesIO(scene_png(scene))).convert("L")
    met = next(s for s in scene.shapes if isinstance(s, ChartRect) and s.y > 40)
    assert image.getpixel((2 * met.x + 6, 2 * met.y + 6)) < 100  # the met part is dark
    line = next(s for s in scene.shapes if isinstance(s, ChartLine) and s.dashed and s.x1 == s.x2)
    column = [image.getpixel((2 * line.x1, y)) for y in range(2 * line.y1, 2 * line.y2)]
    assert min(column) < 50 and max(column) > 200  # dashed: black and gaps


# --------------------------------------------------------------------------- the previous round


def test_changes_are_written_as_the_movement_writes_them() -> None:
    now = OutcomeCounts(met=5, not_met=1)
    assert met_change(now, OutcomeCounts(met=3, not_met=3), "vi") == (
        "tăng 2 (tăng 33,3 điểm phần trăm)"
    )
    assert met_change(OutcomeCounts(met=1, not_met=2), OutcomeCounts(met=2, not_met=1), "en") == (
        "down 1 (down 33.3 percentage points)"
    )
    assert met_change(now, now, "vi") == "không thay đổi"
    assert met_change(now, None, "vi") == "-" and met_change(now, OutcomeCounts(), "vi") == "-"
    assert met_change(OutcomeCounts(not_applicable=1), OutcomeCounts(met=1), "en") == "down 1"
    assert rate_change(90, 100, (80, 100), "vi") == "tăng 10,0 điểm phần trăm"
    assert rate_change(90, 100, None, "vi") == "-" and rate_change(9, None, (8, 10), "vi") == "-"


def _previous_data() -> dict[str, object]:
    return {
        "year": 2024,
        "provinces": [
            {
                "name": "Tỉnh Mẫu",
                "by_kind": {"residential_area": {"met": 3}, "agency": {"met": 1, "not_met": 1}},
                "communes": [{"id": "XA-DH", "units": {"residential_area": {"met": 3}}}],
            }
        ],
        "indicators": [
            {
                "indicator": "crime_clearance_public_order",
                "unit": "Tỉnh Mẫu",
                "numerator": 80,
                "denominator": 100,
            },
            {"indicator": "crime_reports_handled", "unit": "Tỉnh Mẫu", "numerator": 5},
        ],
    }


def test_every_table_and_indicator_is_compared_with_the_previous_round() -> None:
    previous = previous_from_data(_previous_data())
    assert previous.year == 2024 and previous.communes["XA-DH"] == OutcomeCounts(met=3)
    figures = [
        Observation(
            indicator=Indicator.CRIME_CLEARANCE,
            unit="Tỉnh Mẫu",
            period=Period.parse("2024-10-01/2025-09-30"),
            numerator=1042,
            denominator=1165,
        )
    ]
    report = build_report(
        evaluate_province(read_any(EXAMPLE)),
        generated=GENERATED,
        observations=figures,
        previous=previous,
    )
    tables = [b for b in blocks(report, "vi") if isinstance(b, Table)]
    compared = [t for t in tables if t.headers[-1] == "So với cùng kỳ năm 2024"]
    assert len(compared) == 3  # units by kind, communes, indicators
    kinds, communes, indicators = compared
    by_kind = {row[0]: row[-1] for row in kinds.rows}
    assert by_kind["khu dân cư"] == "giảm 2 (giảm 66,7 điểm phần trăm)"  # 1/3 now, 3/3 before
    assert by_kind["cơ quan"] == "không thay đổi (tăng 50,0 điểm phần trăm)"
    assert by_kind["doanh nghiệp"] == "-"  # none in the previous round
    # Xã Đông Hòa: 3 of its 6 units in scope met, as in the previous round (3 of 3).
    assert communes.rows[0][-1] == "không thay đổi (giảm 50,0 điểm phần trăm)"
    assert indicators.rows[0][-1] == "tăng 9,4 điểm phần trăm"  # 89.4% against 80.0%
    text = render_report(report, "text", "vi")
    assert "so sánh với cùng kỳ năm 2024" in text
    # The safe-standard figures too, as the movement's reports write them.
    assert (
        "Khu dân cư đạt chuẩn “An toàn về an ninh, trật tự”: 1/3 khu dân cư (33,3%), 1 chưa xác"
        " định; so với cùng kỳ năm 2024: giảm 2 (giảm 66,7 điểm phần trăm)"
    ) in " ".join(text.split())
    assert "Doanh nghiệp đạt chuẩn" in text and "năm 2024: -" in text  # none before
    data = json.loads(render_report(report, "json", "en"))
    assert data["previous_year"] == 2024
    areas = data["provinces"][0]["summary"]["by_kind"]["residential_area"]
    assert areas["change"] == "down 2 (down 66.7 percentage points)"
    assert data["indicators"][0]["change"] == "up 9.4 percentage points"
    plain = build_report(evaluate_province(read_any(EXAMPLE)), generated=GENERATED)
    data = json.loads(render_report(plain, "json", "en"))
    assert data["previous_year"] is None
    assert "change" not in data["provinces"][0]["summary"]["by_kind"]["residential_area"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"year": "2024"}, "previous.year"),
        ({"provinces": {}}, "previous.provinces"),
        ({"provinces": [3]}, "previous.provinces[0]"),
        ({"provinces": [{"name": 3}]}, "previous.provinces[0].name"),
        ({"provinces": [{"by_kind": {"house": {}}}]}, "previous.provinces[0].by_kind.house"),
        ({"provinces": [{"by_kind": []}]}, "previous.provinces[0].by_kind"),
        (
            {"provinces": [{"by_kind": {"agency": {"met": -1}}}]},
            "previous.provinces[0].by_kind.agency.met",
        ),
        ({"provinces": [{"by_kind": {"agency": 3}}]}, "previous.provinces[0].by_kind.agency"),
        ({"provinces": [{"communes": [{"id": 3}]}]}, "previous.provinces[0].communes[0].id"),
        ({"indicators": [3]}, "previous.indicators[0]"),
        ({"indicators": [{"indicator": "x"}]}, "previous.indicators[0]"),
        (
            {"indicators": [{"indicator": "x", "unit": "u", "numerator": 1.5, "denominator": 2}]},
            "previous.indicators[0]",
        ),
    ],
)
def test_a_wrong_previous_round_is_an_input_error(change: dict[str, object], path: str) -> None:
    data = {"year": 2024, **change}
    with pytest.raises(InputError) as caught:
        previous_from_data(data)
    assert caught.value.path == path
    with pytest.raises(InputError):
        previous_from_data([data])


def test_previous_round_from_the_previous_json_report(tmp_path: Path) -> None:
    before = tmp_path / "2024.json"
    code = run_report(
        [str(EXAMPLE), "--format", "json", "--output", str(before)],
        out=io.StringIO(),
        err=io.StringIO(),
    )
    assert code == EXIT_OK
    data = json.loads(before.read_text(encoding="utf-8"))
    data["year"] = 2024
    areas = data["provinces"][0]["summary"]["by_kind"]["residential_area"]
    areas.update(met=3, not_met=0, unknown=0)
    before.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert read_previous(before).provinces["Tỉnh Mẫu"] != {}
    out = io.StringIO()
    code = run_report(
        [str(EXAMPLE), "--previous", str(before), "--lang", "en"], out=out, err=io.StringIO()
    )
    assert code == EXIT_OK
    text = out.getvalue()
    assert "Compared with the same period of 2024" in text
    assert "down 2 (down 66.7 percentage points)" in text  # residential areas: 1 of 3, were 3
    assert "unchanged" in text


def test_png_chart_with_every_pattern_and_pillows_own_font(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("PIL")
    from PIL import Image

    from antq.report import png

    chart = StackedChart(title="t", legend=("a", "b", "c", "d"), rows=(("x", (1, 1, 1, 1)),))
    scene = stacked_scene(chart)
    monkeypatch.setattr(png, "FONT_FILES", ())
    png._font.cache_clear()
    try:
        image = Image.open(io.BytesIO(png.scene_png(scene))).convert("L")
    finally:
        png._font.cache_clear()
    rects = [s for s in scene.shapes if isinstance(s, ChartRect) and s.y > 20]
    assert len(rects) == 4
    for rect in rects[1:]:  # hatched, dotted, crossed: ink over the colour
        pixels = [
            image.getpixel((x, y))
            for x in range(2 * rect.x + 2, 2 * (rect.x + rect.width) - 2)
            for y in range(2 * rect.y + 2, 2 * (rect.y + rect.height) - 2)
        ]
        assert max(pixels) - min(pixels) > 60  # the pattern shows in grayscale


def test_a_long_chart_is_cut_into_pictures_that_fit_a_page() -> None:
    from antq.report import html
    from antq.report.chart import ROWS_PER_PICTURE, pages

    rows = tuple((f"Xã {i}", (i % 5, 1, 0)) for i in range(2 * ROWS_PER_PICTURE + 5))
    chart = StackedChart(title="t", legend=("a", "b", "c"), rows=rows, percent=True, threshold=70)
    parts = pages(chart)
    assert [len(p.rows) for p in parts] == [ROWS_PER_PICTURE, ROWS_PER_PICTURE, 5]
    assert tuple(row for p in parts for row in p.rows) == rows  # every row, in order, once
    figure = html._block(chart)
    assert figure.count("<svg") == 3 and figure.count("<figcaption>") == 1
    docx = pytest.importorskip("docx")
    from docx import shared

    from antq.report.docx import _chart, _setup

    document = docx.Document()
    _setup(document, "vi", shared)
    _chart(document, chart, 1, "vi", shared)
    assert len(document.inline_shapes) == 3
    for shape in document.inline_shapes:  # each fits the page's text area (257 mm high)
        assert shape.height.mm < 257 - 20 and shape.width.mm <= 165.5
