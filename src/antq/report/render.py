"""A report written in a format and a language: the format names and the dispatch to their writers."""

from __future__ import annotations

from collections.abc import Iterator

from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.report.model import Report
from antq.vocabulary import LANGS, Lang

#: The report formats written as text, by the name ``antq report --format`` uses.
TEXT_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html")
#: Every report format: the text ones and ``docx`` (a Word file, with ``antq[docx]``).
FORMATS: tuple[str, ...] = (*TEXT_FORMATS, "docx")


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise InputError("lang", lang, Msg("unknown language; expected 'vi' or 'en'"))


def render_report_bytes(report: Report, fmt: str, lang: Lang) -> bytes:
    """The report in format ``fmt`` (one of :data:`FORMATS`) as the bytes of its file.

    ``docx`` is a Word document (it needs python-docx: ``pip install 'antq[docx]'``);
    the text formats are UTF-8.
    """
    _check_lang(lang)
    if fmt == "docx":
        # Imported here: python-docx is an extra (antq[docx]); the other formats work without it.
        from antq.report.docx import render_docx

        return render_docx(report, lang)
    return render_report(report, fmt, lang).encode("utf-8")


def iter_report(report: Report, fmt: str, lang: Lang) -> Iterator[str]:
    """:func:`render_report` in pieces whose concatenation is its text, the annex a commune at a time.

    A national report's annex lists tens of thousands of units: written piece by
    piece, it is never whole in memory.
    """
    _check_lang(lang)
    if fmt == "text":
        # Imported here: the writers import antq.report, and load only for their format.
        from antq.report.text import iter_text

        return iter_text(report, lang)
    if fmt == "markdown":
        # Imported here: the writers import antq.report, and load only for their format.
        from antq.report.markdown import iter_markdown

        return iter_markdown(report, lang)
    if fmt == "json":
        # Imported here: the writers import antq.report, and load only for their format.
        from antq.report.json_report import iter_json

        return iter_json(report, lang)
    if fmt == "html":
        # Imported here: the writers import antq.report, and load only for their format.
        from antq.report.html import iter_html

        return iter_html(report, lang)
    return iter((render_report(report, fmt, lang),))


def render_report(report: Report, fmt: str, lang: Lang) -> str:
    """The report in text format ``fmt`` (one of :data:`TEXT_FORMATS`) and language ``lang``."""
    _check_lang(lang)
    if fmt == "text":
        # Imported here: the writers import antq.report, and load only for their format.
        from antq.report.text import render_text

        return render_text(report, lang)
    if fmt == "markdown":
        # Imported here: the writers import antq.report, and load only for their format.
        from antq.report.markdown import render_markdown

        return render_markdown(report, lang)
    if fmt == "json":
        # Imported here: the writers import antq.report, and load only for their format.
        from antq.report.json_report import render_json

        return render_json(report, lang)
    if fmt == "html":
        # Imported here: the writers import antq.report, and load only for their format.
        from antq.report.html import render_html

        return render_html(report, lang)
    if fmt == "docx":
        raise InputError(
            "format", fmt, Msg("a Word report is a file, not text: use render_report_bytes")
        )
    raise InputError(
        "format",
        fmt,
        Msg("unknown report format; expected one of: {allowed}"),
        params={"allowed": ", ".join(FORMATS)},
    )
