"""End to end: a generated province, CSV -> evaluation -> HTML report."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from antq.cli import EXIT_INPUT, EXIT_OK
from antq.cli.report import main as run_report
from antq.core.unit_kinds import UnitKind
from antq.io.batch import read_any
from antq.safety.hierarchy import evaluate_province

from . import CHROMIUM, generator, load_in_chromium
from .test_reports import parse_html

gen = generator()


def _generate(directory: Path, *argv: str) -> Path:
    assert gen.main([str(directory), *argv]) == 0
    return directory


def _digest(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def test_generator_is_deterministic_and_seeded(tmp_path: Path) -> None:
    one = _generate(tmp_path / "one", "--communes", "4")
    two = _generate(tmp_path / "two", "--communes", "4")
    other = _generate(tmp_path / "other", "--communes", "4", "--seed", "7")
    assert _digest(one) == _digest(two) != _digest(other)
    names = sorted(p.name for p in (one / "units").iterdir())
    assert names == [
        "agencies.csv",
        "communes.csv",
        "enterprises.csv",
        "residential-areas.csv",
        "schools.csv",
    ]
    assert (one / "units" / "residential-areas.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_more_communes_than_name_pairs(tmp_path: Path) -> None:
    # 12 x 12 first and second words make 144 names; more communes are numbered.
    units = _generate(tmp_path / "p", "--communes", "150", "--areas", "6", "--agencies", "0")
    units /= "units"
    names = [row["name"] for row in csv.DictReader(io.StringIO(_text(units / "communes.csv")))]
    assert len(names) == len(set(names)) == 150
    assert sum(name.endswith(" 2") for name in names) == 6


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def test_small_province_from_csv_to_html(tmp_path: Path) -> None:
    source = _generate(tmp_path / "p", "--communes", "6", "--bad-rows", "1")
    report = tmp_path / "report.html"
    out, err = io.StringIO(), io.StringIO()
    code = run_report(
        [
            str(source / "units"),
            "--indicators",
            str(source / "indicators.csv"),
            "--format",
            "html",
            "--output",
            str(report),
            "--date",
            "2025-12-01",
        ],
        out=out,
        err=err,
    )
    # One spoilt row: reported, and every other unit evaluated.
    assert code == EXIT_INPUT
    assert err.getvalue().count("antq: ") == 1
    assert "residential-areas.csv:line 2.facts.households_resident" in err.getvalue()
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    assert "Tỉnh Thái Hòa" in page and "<svg" in page and "ngày 01 tháng 12 năm 2025" in page
    assert "vụ (" in page  # the clearance figures, with their targets
    # Self-contained and well formed: nothing to load, both charts inline.
    parsed = parse_html(page)
    assert parsed.problems == [] and parsed.stack == [] and parsed.loads == []
    assert {"script", "link", "img", "iframe"}.isdisjoint(parsed.tags)
    assert parsed.tags.count("svg") == 2
    assert "http" not in page.replace("http-equiv", "")
    assert "url(" not in page.replace("url(#", "")  # only the charts' own patterns


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_small_province_html_report_loads_in_headless_chromium(tmp_path: Path) -> None:
    source = _generate(tmp_path / "p", "--communes", "6")
    report = tmp_path / "report.html"
    argv = [str(source / "units"), "--indicators", str(source / "indicators.csv")]
    argv += ["--format", "html", "--lang", "en", "--output", str(report)]
    assert run_report(argv, out=io.StringIO(), err=io.StringIO()) == EXIT_OK
    dom, console = load_in_chromium(report)
    assert console == []  # no error, no blocked load
    assert dom.count("<svg") == 2 and "Tỉnh Thái Hòa" in dom


def test_names_in_the_generated_files_resolve_to_their_communes(tmp_path: Path) -> None:
    source = _generate(tmp_path / "p", "--communes", "12", "--seed", "3")
    evaluation = evaluate_province(read_any(source / "units"))
    assert evaluation.errors == ()
    codes = {c.commune_id for c in evaluation.communes}
    assert codes == {f"X{n:03d}" for n in range(1, 13)}  # no group under a name
    for result in evaluation.communes:
        assert result.verdict is not None and result.counts is not None
        assert all(v.unit_id.startswith(result.commune_id) for v in result.units)
    areas = evaluation.province_summary(2025, "Tỉnh Thái Hòa").counts(UnitKind.RESIDENTIAL_AREA)
    assert areas.met and areas.not_met and areas.unknown


def test_province_sized_example_end_to_end(tmp_path: Path) -> None:
    # The default size: 100 communes, about 1,500 residential areas, 2,600 units.
    source = _generate(tmp_path / "p")
    out, err = io.StringIO(), io.StringIO()
    code = run_report(
        [str(source / "units"), "--format", "json", "--lang", "en", "--date", "2025-12-01"],
        out=out,
        err=err,
    )
    assert code == EXIT_OK, err.getvalue()
    data = json.loads(out.getvalue())
    (province,) = data["provinces"]
    assert len(province["communes"]) == 100
    areas = province["summary"]["by_kind"]["residential_area"]
    assert 1300 <= areas["total"] <= 1700
    assert (
        areas["met"] + areas["not_met"] + areas["unknown"] + areas["not_applicable"]
        == areas["total"]
    )
    assert province["summary"]["total"]["total"] > 2500
    # Every commune verdict comes from its units' roll-up.
    assert all(c["rollup"] is not None for c in province["communes"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_report_of_a_small_province(tmp_path: Path, lang: str) -> None:
    source = _generate(tmp_path / "p", "--communes", "3")
    out, err = io.StringIO(), io.StringIO()
    code = run_report(
        [str(source / "units"), "--lang", lang, "--date", "2025-12-01"], out=out, err=err
    )
    assert code == EXIT_OK, err.getvalue()
    text = out.getvalue()
    assert ("khu dân cư" if lang == "vi" else "residential area") in text
    assert ("ngày 01 tháng 12 năm 2025" if lang == "vi" else "1 December 2025") in text
