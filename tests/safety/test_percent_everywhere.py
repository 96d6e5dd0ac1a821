"""Rule P (addendum 2026-12 §7): one share is written the same way by every output.

The same shares go through the formatter, a reason's ``Percent``, the safe-standard
checks, the report table, a report figure, and the CLI progress bar (the emulation
sheet's reasons: tests/emulation/test_scoring.py); each output must write exactly what ``format_percent`` writes.
"""

from __future__ import annotations

import io

import pytest

from antq.cli.progress import ProgressBar
from antq.core.periods import Period
from antq.core.reasons import Percent, Reason
from antq.core.unit_kinds import UnitKind
from antq.i18n.catalog import Text
from antq.i18n.formatting import Threshold, format_percent, format_ratio
from antq.io.batch import ReadProgress
from antq.report import met_text
from antq.report.indicators import Comparison as TargetComparison
from antq.report.indicators import Indicator, Observation, Target
from antq.safety.hierarchy import OutcomeCounts
from antq.vocabulary import LANGS, Lang

from .builders import result_of, verdict_of

COMMUNE = UnitKind.COMMUNE

#: (part, whole): the report's 25/26, the addendum's examples, and shares that sit
#: just under a threshold.
SHARES = [
    (25, 26),
    (94, 104),
    (17, 17),
    (4, 6),
    (18, 25),
    (1999, 2000),
    (6995, 10000),
    (6996, 10000),
    (9504, 10000),
    (1, 3000),
    (0, 7),
    (1749, 2500),
]


def _in_brackets(text: str) -> str:
    return text[text.rindex("(") + 1 : text.rindex(")")]


@pytest.mark.parametrize(("part", "whole"), SHARES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_output_writes_a_share_the_same_way(part: int, whole: int, lang: Lang) -> None:
    plain = format_percent(part, whole, lang)
    at_70 = format_percent(part, whole, lang, thresholds=[Threshold.at_least(70)])
    # The formatter's ratio and a reason's Percent.
    assert _in_brackets(format_ratio(part, whole, lang)) == plain
    reason = Reason(
        template=Text(vi="{p}", en="{p}"), params={"p": Percent(numerator=part, denominator=whole)}
    )
    assert reason.render(lang) == plain
    # The report's table of units met.
    assert _in_brackets(met_text(OutcomeCounts(met=part, not_met=whole - part), lang)) == plain
    # A report figure, with and without a target read beside it.
    seen = Observation(
        indicator=Indicator.CRIME_CLEARANCE,
        unit="Tỉnh Mẫu",
        period=Period.year(2024),
        numerator=part,
        denominator=whole,
    )
    assert _in_brackets(seen.render(lang)) == plain
    target = Target(
        indicator=Indicator.CRIME_CLEARANCE, percent=70, comparison=TargetComparison.AT_LEAST
    )
    assert _in_brackets(seen.render(lang, thresholds=[target.threshold])) == at_70
    # The CLI's progress bar.
    bar = ProgressBar(io.StringIO(), ReadProgress(total=whole), lang=lang, enabled=True)
    bar.progress.done = part  # type: ignore[union-attr]
    assert f" {plain} " in bar.line()
    # A safe-standard verdict read against 70% (Điều 5 khoản 4).
    if whole <= 10000 and part <= whole:
        verdict = verdict_of(
            COMMUNE, units_total=whole, units_registered=whole, units_recognised=part
        )
        text = result_of(verdict, "units-recognised").reason.render(lang)
        assert text.startswith(f"{part:,}/{whole:,} = ".replace(",", "." if lang == "vi" else ","))
        assert f" = {at_70} " in text


def test_the_report_and_the_reasons_agree_on_25_of_26() -> None:
    # The bug of issue 12: one report printed 25/26 as 96,1% (a reason, truncated)
    # and 96,2% (a table, rounded).
    verdict = verdict_of(COMMUNE, units_total=26, units_registered=26, units_recognised=25)
    reason = result_of(verdict, "units-recognised").reason.render("vi")
    table = met_text(OutcomeCounts(met=25, not_met=1), "vi")
    assert reason.startswith("25/26 = 96,2% ≥ 70%")
    assert table == "25/26 (96,2%)"
