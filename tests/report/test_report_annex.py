"""The annex of units not met or unknown, and rule sets named by their instrument, in every format."""

from __future__ import annotations

import json
from datetime import date

import pytest

from antq.core.outcome import Outcome
from antq.report import TEXT_FORMATS, Report, annex_blocks, build_report, render_report
from antq.report.annex import ANNEX_OUTCOMES, build_annex
from antq.safety.hierarchy import evaluate_province

from . import agency, area, commune, facts

GENERATED = date(2025, 12, 1)


@pytest.fixture(scope="module")
def report() -> Report:
    units = facts(
        commune("X1", "Xã Một"),
        area("A1", "X1"),
        area("A2", "X1", "not_met"),
        area("A3", "X1", "unknown"),
        agency("C1", "X1", "not_applicable"),
        commune("X2", "Xã Hai"),
        area("B1", "X2", "short"),
        area("B2", "X2"),
    )
    return build_report(evaluate_province(units), generated=GENERATED)


def test_the_annex_lists_every_unit_not_met_or_unknown_by_commune(report: Report) -> None:
    groups = {g.commune_id: g for g in report.annex}
    assert list(groups) == ["X1", "X2"]
    one = groups["X1"]
    assert one.name == "Xã Một" and one.province == "Tỉnh Mẫu"
    listed = [(u.verdict.unit_id, u.verdict.outcome) for u in one.units]
    # The commune itself (not met: too few of its units are recognised) comes first.
    assert listed == [("X1", Outcome.NOT_MET), ("A2", Outcome.NOT_MET), ("A3", Outcome.UNKNOWN)]
    assert [u.verdict.unit_id for u in groups["X2"].units] == ["X2", "B1"]
    for group in report.annex:
        for unit in group.units:
            assert unit.failing and all(r.outcome in ANNEX_OUTCOMES for r in unit.failing)
    unknown = one.units[2]
    assert [m for r in unknown.failing for m in r.missing] == ["grassroots_force_grade"]


def test_the_annex_needs_only_the_verdicts_not_met_or_unknown() -> None:
    units = facts(commune("X1", "Xã Một"), area("A1", "X1"), area("A2", "X1", "not_met"))
    evaluation = evaluate_province(units)
    every = build_annex(((u.province, u.verdict) for u in evaluation.units), names={"X1": "Xã Một"})
    failing = build_annex(
        ((u.province, u.verdict) for u in evaluation.units if u.verdict.outcome in ANNEX_OUTCOMES),
        names={"X1": "Xã Một"},
    )
    assert every == failing and len(every[0].units) == 2


def test_units_with_no_commune_come_last_and_an_empty_annex_says_so() -> None:
    units = facts(area("A1", None, "not_met"), area("A2", None))
    report = build_report(evaluate_province(units), generated=GENERATED)
    assert [g.commune_id for g in report.annex] == [None]
    text = render_report(report, "text", "en")
    annex = text[text.index("Annex:") :]
    assert "Units with no commune" in annex and "Thôn A1" in annex and "Thôn A2" not in annex
    clean = build_report(evaluate_province(facts(area("A1", None))), generated=GENERATED)
    assert clean.annex == ()
    assert "Every unit met the standard" in render_report(clean, "text", "en")
    assert len(annex_blocks(clean, "en")) == 2


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_format_has_the_annex_and_names_instruments(
    report: Report, fmt: str, lang: str
) -> None:
    text = render_report(report, fmt, lang)  # type: ignore[arg-type]
    heading = {
        "vi": "Phụ lục: Các đơn vị chưa đạt",
        "en": "Annex: units not met or whose verdict is unknown",
    }[lang]
    instrument = {"vi": "Thông tư 124/2021/TT-BCA", "en": "Circular 124/2021/TT-BCA"}[lang]
    if fmt == "json":
        data = json.loads(text)
        assert data["instruments"] == [{"key": "124/2021/TT-BCA", "name": instrument}]
        units = [u["unit"] for g in data["annex"] for u in g["units"]]
        assert units == ["X1", "A2", "A3", "X2", "B1"]
        a3 = data["annex"][0]["units"][2]
        assert a3["outcome"] == "unknown"
        assert a3["criteria"][0]["missing"][0]["input"] == "grassroots_force_grade"
        assert instrument in a3["criteria"][0]["citation"]
        return
    assert heading in text
    assert instrument in text
    assert "tt124." not in text  # no internal rule-set id in a report people read
    annex = text[text.index(heading) :].replace("\\_", "_")  # Markdown escapes "_"
    assert "Thôn A2" in annex and "Thôn A3" in annex and "Thôn B1" in annex
    assert "Thôn A1" not in annex and "Thôn B2" not in annex  # met: not listed
    assert "Cơ quan C1" not in annex  # not applicable: not listed
    assert annex.index("Xã Một") < annex.index("Thôn A2") < annex.index("Xã Hai")
    assert "grassroots_force_grade" in annex  # what is missing, named
    assert "Điều 4 khoản 1" in annex or "Article 4(1)" in annex  # the provision cited


def test_an_instrument_antq_does_not_know_is_named_by_its_key(report: Report) -> None:
    import attrs

    from antq.report import instrument_names

    other = attrs.evolve(report, instruments=("124/2021/TT-BCA", "7/2026/QĐ-UBND"))
    assert instrument_names(other, "vi") == ("Thông tư 124/2021/TT-BCA", "7/2026/QĐ-UBND")


def test_annex_names_the_province_when_there_are_several() -> None:
    units = facts(
        commune("X1", "Xã Một", province="Tỉnh Một"),
        area("A1", "X1", "not_met"),
        commune("Y1", "Xã Hai", province="Tỉnh Hai"),
        area("B1", "Y1", "not_met"),
    )
    report = build_report(evaluate_province(units), generated=GENERATED)
    text = render_report(report, "markdown", "vi")
    annex = text[text.index("Phụ lục") :]
    assert "Xã Một (Tỉnh Một)" in annex and "Xã Hai (Tỉnh Hai)" in annex


def test_a_word_report_is_not_text(report: Report) -> None:
    from antq.errors import InputError

    with pytest.raises(InputError, match="render_report_bytes"):
        render_report(report, "docx", "vi")
