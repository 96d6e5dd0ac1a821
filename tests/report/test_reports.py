"""Reports: text, Markdown, JSON and HTML, in Vietnamese and English."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from antq.core.periods import Period
from antq.i18n.catalog import Text
from antq.io.batch import RowError, read_any
from antq.report import TEXT_FORMATS, Report, blocks, build_report, render_report
from antq.report.indicators import Indicator, Observation
from antq.report.markdown import escape
from antq.report.svg import bar_chart, stacked_chart
from antq.report.text import width
from antq.safety.hierarchy import evaluate_province

from . import CHROMIUM, EXAMPLE, area, commune, facts, load_in_chromium

GENERATED = date(2025, 12, 1)
HOSTILE = '<script>alert("x")</script> & | *a* [l](http://e.example)'


def _figures() -> list[Observation]:
    period = Period.parse("2024-10-01/2025-09-30")
    return [
        Observation(
            indicator=Indicator.CRIME_CLEARANCE,
            unit="Tỉnh Mẫu",
            period=period,
            numerator=1042,
            denominator=1165,
        ),
        Observation(
            indicator=Indicator.CRIME_REPORTS_HANDLED,
            unit="Tỉnh Mẫu",
            period=period,
            numerator=880,
            denominator=1000,
        ),
    ]


@pytest.fixture(scope="module")
def report() -> Report:
    evaluation = evaluate_province(read_any(EXAMPLE))
    return build_report(evaluation, generated=GENERATED, observations=_figures())


@pytest.fixture(scope="module")
def hostile() -> Report:
    units = [commune("X1", HOSTILE), area("A1", "X1", name=HOSTILE), area("A2", "X1", "not_met")]
    bad = RowError(4, "facts.households_resident", HOSTILE, "must be >= 0")
    evaluation = evaluate_province([*facts(*units), bad])
    return build_report(evaluation, generated=GENERATED, title=Text(vi=HOSTILE, en=HOSTILE))


# Expected in every format: numbers, dates and labels in the report's language.
EXPECTED = {
    "vi": [
        "1.042/1.165 vụ (89,4%)",
        "ngày 01 tháng 12 năm 2025",
        "chưa đạt",
        "Tỉnh Mẫu",
        "Thôn Tây",
        "không áp dụng",
    ],
    "en": [
        "1,042/1,165 cases (89.4%)",
        "1 December 2025",
        "not met",
        "Tỉnh Mẫu",
        "Thôn Tây",
        "not applicable",
    ],
}


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_format_in_both_languages(report: Report, fmt: str, lang: str) -> None:
    text = render_report(report, fmt, lang)  # type: ignore[arg-type]
    for expected in EXPECTED[lang]:
        assert expected in text, (fmt, lang, expected)
    other = "en" if lang == "vi" else "vi"
    assert EXPECTED[other][0] not in text and EXPECTED[other][1] not in text
    assert render_report(report, fmt, lang) == text  # deterministic  # type: ignore[arg-type]


def test_text_report_layout(report: Report) -> None:
    text = render_report(report, "text", "en")
    lines = text.splitlines()
    assert lines[0] == 'Report on the "safe for security and order" standard, round 2025'
    assert set(lines[1]) == {"="} and len(lines[1]) == len(lines[0])
    assert "residential area" in text and "1/3 (33.3%)" in text
    assert "3 to 4 of 6" in text  # the commune's recognised units, bounded
    assert "Xã Đông Hòa" in text and "Thôn Tây" in text
    assert "6 more needed" in text  # what Thôn Tây lacks
    assert "> 75%" in text and "unconfirmed" in text  # the target and its status
    assert all(width(line) <= 200 for line in lines)


def test_markdown_tables_are_well_formed(report: Report) -> None:
    text = render_report(report, "markdown", "vi")
    assert text.startswith("# ")
    table_lines = [line for line in text.splitlines() if line.startswith("|")]
    assert table_lines
    for line in table_lines:
        assert line.endswith("|")
    # Each table's rows have as many cells as its header.
    blocks_of_table: list[list[str]] = []
    for chunk in text.split("\n\n"):
        rows = [r for r in chunk.splitlines() if r.startswith("|")]
        if rows:
            blocks_of_table.append(rows)
    for rows in blocks_of_table:
        counts = {len(r.replace("\\|", "").split("|")) for r in rows}
        assert len(counts) == 1, rows


def test_json_report_holds_the_figures(report: Report) -> None:
    data = json.loads(render_report(report, "json", "en"))
    assert data["antq_report"] == 1 and data["lang"] == "en" and data["year"] == 2025
    assert data["generated"] == "2025-12-01"
    (province,) = data["provinces"]
    assert province["name"] == "Tỉnh Mẫu"
    areas = province["summary"]["by_kind"]["residential_area"]
    assert (areas["met"], areas["not_met"], areas["unknown"], areas["total"]) == (1, 1, 1, 3)
    (commune_data,) = province["communes"]
    assert commune_data["id"] == "XA-DH" and commune_data["outcome"] == "not_met"
    assert commune_data["rollup"]["recognised_min"] == 3 and commune_data["rollup"]["total"] == 6
    # The commune's own summary: what its units fail most and which are closest to passing.
    assert [(t["criterion"], t["count"]) for t in commune_data["most_failed"]] == [
        ("tt124.enterprise.no-serious-accident", 1),
        ("tt124.residential-area.households-registered", 1),
        ("tt124.residential-area.offences-reduced", 1),
    ]
    assert [m["unit"] for m in commune_data["closest"]] == ["DN-MAY", "KDC-TAY"]
    assert [t["input"] for t in commune_data["most_missing"]] == ["grassroots_force_grade"]
    clearance = data["indicators"][0]
    assert clearance["numerator"] == 1042 and clearance["target"]["confirmation"] == "unconfirmed"
    assert clearance["outcome"] == "met"  # 89.4% > 75%
    handled = data["indicators"][1]
    assert handled["outcome"] == "not_met"  # 88% is not above 90%
    vi = json.loads(render_report(report, "json", "vi"))
    assert vi["provinces"][0]["summary"]["by_kind"]["residential_area"]["label"] == "khu dân cư"
    assert vi["indicators"][0]["text"] == "1.042/1.165 vụ (89,4%)"


class _Page(HTMLParser):
    """Checks that a page is well formed and records what it would load."""

    VOID: ClassVar[set[str]] = {
        "meta",
        "br",
        "hr",
        "img",
        "input",
        "link",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "wbr",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []
        self.loads: list[tuple[str, str, str]] = []
        self.lang: str | None = None
        self.title = ""
        self.text: list[str] = []
        self._in_title = False

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in {"src", "href", "xlink:href", "srcset", "action", "data", "poster"}:
                self.loads.append((tag, name, value or ""))
            # url(#id) names a pattern of the page itself; any other url( would load.
            if value and "url(" in value.replace("url(#", ""):
                self.loads.append((tag, name, value))
        if tag == "html":
            self.lang = dict(attrs).get("lang")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)
        if tag not in self.VOID:
            self.stack.append(tag)
        self._in_title = tag == "title" and self.stack[:2] == ["html", "head"]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.text.append(data)


def parse_html(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_is_self_contained_and_well_formed(report: Report, lang: str) -> None:
    page = render_report(report, "html", lang)  # type: ignore[arg-type]
    assert page.startswith("<!DOCTYPE html>")
    parsed = parse_html(page)
    assert parsed.problems == [] and parsed.stack == []
    assert parsed.lang == lang
    assert parsed.title == blocks(report, lang)[0].text  # type: ignore[arg-type, union-attr]
    assert parsed.loads == []
    assert "script" not in parsed.tags and "iframe" not in parsed.tags and "link" not in parsed.tags
    assert "svg" in parsed.tags and parsed.tags.count("svg") == 2  # by commune, most failed
    assert "style" in parsed.tags and "table" in parsed.tags
    assert "http" not in page.replace("http-equiv", "")
    assert (
        "url(" not in page.replace("url(#", "") and "@import" not in page
    )  # no style sheet or font from elsewhere
    assert "default-src 'none'" in page


def test_user_text_is_escaped_in_every_format(hostile: Report) -> None:
    page = render_report(hostile, "html", "en")
    parsed = parse_html(page)
    assert parsed.problems == [] and "script" not in parsed.tags and "a" not in parsed.tags
    assert parsed.loads == []
    assert parsed.title == HOSTILE
    assert HOSTILE in "".join(parsed.text)  # shown as text, not markup
    assert "<script>" not in page
    markdown = render_report(hostile, "markdown", "en")
    assert "<script>" not in markdown
    assert re.search(r"(?<!\\)\]\(http", markdown) is None  # no link can open
    assert escape(HOSTILE) in markdown
    data = json.loads(render_report(hostile, "json", "en"))
    assert data["title"] == HOSTILE
    assert data["errors"][0]["path"] == "line 4.facts.households_resident"
    assert (data["errors"][0]["line"], data["errors"][0]["field"]) == (
        4,
        "facts.households_resident",
    )
    assert data["errors"][0]["value"] == repr(HOSTILE)
    assert HOSTILE in render_report(hostile, "text", "en")


def test_svg_charts_escape_labels_and_scale_in_whole_pixels() -> None:
    from antq.report import BarChart, StackedChart

    svg = stacked_chart(
        StackedChart(
            title="<t>",
            legend=("a", "b", "c", "d"),
            rows=(("<x>", (3, 1, 0, 0)), ("y", (0, 0, 0, 0))),
        )
    )
    assert "<x>" not in svg and "&lt;x&gt;" in svg and "<title>&lt;t&gt;</title>" in svg
    assert 'width="300"' in svg and 'width="100"' in svg  # 3 and 1 of 4, 400 px for the largest
    bars = bar_chart(BarChart(title="f", rows=(("one", 4), ("two", 1))))
    assert 'width="400"' in bars and 'width="100"' in bars


@pytest.mark.parametrize(("lang", "written"), [("vi", "1.234"), ("en", "1,234")])
def test_svg_charts_write_counts_in_the_report_language(lang: str, written: str) -> None:
    from antq.report import BarChart, StackedChart

    stacked = stacked_chart(
        StackedChart(title="t", legend=("a", "b"), rows=(("x", (1000, 234)),), lang=lang)  # type: ignore[arg-type]
    )
    assert f">{written}</text>" in stacked and "1234" not in stacked
    assert ">a: 1" + written[1] + "000</title>" in stacked
    bars = bar_chart(BarChart(title="f", rows=(("one", 1234),), lang=lang))  # type: ignore[arg-type]
    assert f"<title>{written}</title>" in bars and f">{written}</text>" in bars
    assert "1234" not in bars


def test_report_of_another_round_and_unknown_format(report: Report) -> None:
    from antq.errors import InputError

    with pytest.raises(InputError):
        render_report(report, "pdf", "en")
    with pytest.raises(InputError):
        render_report(report, "text", "fr")  # type: ignore[arg-type]
    units = facts(area("A1", None), area("A2", None, year=2024))
    older = build_report(evaluate_province(units), generated=GENERATED)
    assert older.year == 2025 and dict(older.other_rounds) == {2024: 1}
    assert "round 2024" in render_report(older, "text", "en")


def test_many_errors_are_counted_not_all_listed() -> None:
    errors = [RowError(n, "kind", "x", "bad") for n in range(2, 80)]
    evaluation = evaluate_province([*facts(area("A1", None)), *errors])
    text = render_report(build_report(evaluation, generated=GENERATED), "text", "en")
    assert "line 51.kind" in text and "line 52.kind" not in text
    assert "28 more not shown" in text


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_loads_in_headless_chromium(report: Report, tmp_path: Path, lang: str) -> None:
    # The check itself can fail: a page that breaks its own policy is caught.
    broken = tmp_path / "broken.html"
    broken.write_text(
        render_report(report, "html", lang).replace(  # type: ignore[arg-type]
            "</main>", '<img src="https://example.invalid/x.png"></main>'
        ),
        encoding="utf-8",
    )
    _, console = load_in_chromium(broken)
    assert any("Content Security Policy" in line for line in console), console

    page = tmp_path / "report.html"
    page.write_text(render_report(report, "html", lang), encoding="utf-8")  # type: ignore[arg-type]
    dom, console = load_in_chromium(page)
    assert console == []  # no error, no blocked load, no script
    assert dom.count("<svg") == 2 and "<table>" in dom
    assert f'<html lang="{lang}">' in dom
    # The header block, the signature and the annex are in the page Chromium built
    # (printing it to A4 is tested in test_report_print.py).
    assert '<header class="letterhead">' in dom and '<section class="signature">' in dom
    assert '<section class="annex">' in dom
    title = blocks(report, lang)[0].text  # type: ignore[arg-type, union-attr]
    assert title in dom.replace("&quot;", '"')
