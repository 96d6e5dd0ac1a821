"""The parts of an administrative document, in words, for the Word and HTML reports.

Nghị định 30/2020/NĐ-CP (Phụ lục I) lays an administrative document out as:
the parent and issuing bodies over the number and symbol (top left); the
national motto over the place and date (top right); the kind of document
("BÁO CÁO") and what it is about; the body; the recipients ("Nơi nhận:",
bottom left) and the signature block (bottom right). :func:`document_parts`
gives each part's text in a language, from the report and its
:class:`~antq.report.letterhead.Letterhead`; a part not given is a dotted
blank (:data:`~antq.report.letterhead.BLANK`).
"""

from __future__ import annotations

import attrs

from antq.i18n import formatting
from antq.i18n.catalog import Msg
from antq.report import Report, title_text
from antq.report.letterhead import BLANK
from antq.vocabulary import Lang

__all__ = ["DocumentParts", "document_parts"]

_MOTTO = Msg("SOCIALIST REPUBLIC OF VIET NAM")
_MOTTO_LINE = Msg("Independence - Freedom - Happiness")
_NUMBER = Msg("No.: {number}")
_KIND = Msg("REPORT")
_RECIPIENTS = Msg("Recipients:")
_FILED = Msg("Filed: Office")
_ANNEX_OF = Msg("(Attached to report No. {number} of {date})")


@attrs.frozen(kw_only=True)
class DocumentParts:
    """The text of each part of the document, in one language."""

    authority: str | None
    issuer: str
    number: str
    motto: str
    motto_line: str
    date_line: str
    kind: str
    title: str
    recipients_heading: str
    #: One line each, "- Bộ Công an;" … "- Lưu: VT."
    recipients: tuple[str, ...]
    #: The signer's capacity (if any) and title, in capitals as the decree writes them.
    signer: tuple[str, ...]
    signer_name: str
    annex_note: str


def subject(report: Report, lang: Lang) -> str:
    """What the report is about, written under "BÁO CÁO": antq's title without "Report on"."""
    title = title_text(report, lang)
    if report.title is not None:
        return title
    for lead in ("Báo cáo về ", "Report on the ", "Report on "):
        if title.startswith(lead):
            rest = title[len(lead) :]
            return rest[:1].upper() + rest[1:]
    return title  # pragma: no cover - antq's title starts with one of them


def document_parts(report: Report, lang: Lang) -> DocumentParts:
    """The parts of the report as an administrative document, in ``lang``."""
    head = report.letterhead
    number = head.number or f"{BLANK}/BC-{BLANK}"
    recipients = [*head.recipients] or [BLANK]
    filed = _FILED.render(lang)
    word = filed.split(":")[0].lower()
    if not any(r.lower().startswith(word) for r in recipients):
        recipients.append(filed)
    date_long = formatting.format_date(report.generated, lang, "long")
    date_short = formatting.format_date(report.generated, lang, "numeric")
    signer = [head.signer_capacity] if head.signer_capacity else []
    signer.append(head.signer_title or BLANK)
    return DocumentParts(
        authority=head.authority,
        issuer=head.issuer or BLANK,
        number=_NUMBER.render(lang).format(number=number),
        motto=_MOTTO.render(lang),
        motto_line=_MOTTO_LINE.render(lang),
        date_line=f"{head.place or BLANK}, {date_long}",
        kind=_KIND.render(lang),
        title=subject(report, lang),
        recipients_heading=_RECIPIENTS.render(lang),
        recipients=tuple(
            f"- {r}{'.' if i == len(recipients) - 1 else ';'}" for i, r in enumerate(recipients)
        ),
        signer=tuple(signer),
        signer_name=head.signer_name or BLANK,
        annex_note=_ANNEX_OF.render(lang).format(number=head.number or BLANK, date=date_short),
    )
