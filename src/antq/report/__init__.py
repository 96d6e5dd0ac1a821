"""Reports of a province evaluation, in Vietnamese or English: text, Markdown, JSON, HTML.

:func:`build_report` gathers what a report says from a
:class:`~antq.RoundResult` (one round), or from a round evaluated with a
:class:`ReportCollector`, which keeps only what a report reads while the round
streams (what ``antq report`` does); :func:`render_report`
writes it in a format and a language. Numbers, percentages and dates follow the
language (:mod:`antq.i18n.formatting`): "1.042/1.165 khu dân cư (89,4%)" in
Vietnamese, "1,042/1,165 residential areas (89.4%)" in English.

The text, Markdown and HTML reports are made from the same blocks
(:func:`blocks`: headings, paragraphs, tables, lists and charts), so they say
the same thing; the JSON report holds the same figures as data.

>>> from datetime import date
>>> from antq import evaluate_round
>>> evaluation = evaluate_round("examples/commune-2025.json")
>>> report = build_report(evaluation, generated=date(2025, 12, 1))
>>> print(render_report(report, "text", "en").splitlines()[0])
Report on the "safe for security and order" standard, round 2025
"""

from __future__ import annotations

from antq.report import model
from antq.report.annex import AnnexCommune
from antq.report.blocks import COMMUNE_THRESHOLD as COMMUNE_THRESHOLD
from antq.report.blocks import IN_SCOPE as IN_SCOPE
from antq.report.blocks import MAX_ERRORS_LISTED as MAX_ERRORS_LISTED
from antq.report.blocks import TITLE as TITLE
from antq.report.blocks import annex_blocks, annex_title, blocks, body_blocks, instrument_names
from antq.report.blocks import footer_text as footer_text
from antq.report.blocks import input_label as input_label
from antq.report.blocks import iter_annex_blocks as iter_annex_blocks
from antq.report.blocks import iter_blocks as iter_blocks
from antq.report.blocks import met_text as met_text
from antq.report.blocks import number as number
from antq.report.blocks import period_text as period_text
from antq.report.blocks import ranked_communes as ranked_communes
from antq.report.blocks import title_text as title_text
from antq.report.build import build_report
from antq.report.collect import CollectedRound, ReportCollector
from antq.report.letterhead import Letterhead
from antq.report.model import *  # noqa: F403  (every name of the model, listed once there)
from antq.report.render import (
    FORMATS,
    TEXT_FORMATS,
    iter_report,
    render_report,
    render_report_bytes,
)

__all__ = [
    "FORMATS",
    "TEXT_FORMATS",
    "AnnexCommune",
    "CollectedRound",
    "Letterhead",
    "ReportCollector",
    "annex_blocks",
    "annex_title",
    "blocks",
    "body_blocks",
    "build_report",
    "instrument_names",
    "iter_report",
    "render_report",
    "render_report_bytes",
]
__all__ += model.__all__
