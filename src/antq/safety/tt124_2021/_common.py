"""The instrument itself: Thông tư 124/2021/TT-BCA's number, dates and notices, shared by
its articles' modules."""

from __future__ import annotations

from datetime import date

from antq.core.ruleset import RoundNotice
from antq.i18n.catalog import Msg, Text
from antq.law.citation import Citation, cite
from antq.law.confirmation import Confirmation

INSTRUMENT = "124/2021/TT-BCA"
#: Điều 11: in force from 10/02/2022. Rounds whose period ends on or after this date use it.
VALID_FROM = date(2022, 2, 10)
#: Signed on 28/12/2021 (CONFIRMED): even pinned, TT 124 never governs a round that
#: ended earlier, such as the 2021 round (rule R1, addendum-2026-12.md §2.2).
SIGNED = date(2021, 12, 28)

#: Thông tư 48/2025/TT-BCA amended TT 124 in 2025 (date unknown); only its change of
#: Điều 9 k1 a is known. For rounds ending from 2025 on, the 2021 criteria are applied
#: as "unchanged", which is UNCONFIRMED (addendum-2026-12.md §3.5, a DECISION).
AMENDED_2025 = RoundNotice(
    id="tt124.tt48-2025",
    text=Msg(
        "Circular 48/2025 amended Circular 124/2021 in 2025; antq applies the 2021 criteria"
        " as unchanged, which is not confirmed (the amending text is not available)"
    ),
    confirmation=Confirmation.UNCONFIRMED,
    applies_from=date(2025, 1, 1),
)
#: From 01/07/2025 the commune level is xã, phường and đặc khu; whether Điều 5 covers a
#: đặc khu is UNCONFIRMED (addendum-2026-12.md §3.5).
SPECIAL_ZONES = RoundNotice(
    id="tt124.dac-khu",
    text=Msg(
        "From 01/07/2025 the commune level includes special zones (đặc khu); whether"
        " Article 5 covers a special zone is not confirmed"
    ),
    confirmation=Confirmation.UNCONFIRMED,
    applies_from=date(2025, 7, 1),
)
NOTICES: tuple[RoundNotice, ...] = (AMENDED_2025,)


def c124(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    return cite(INSTRUMENT, article, clause, point)


def applies(article_citation: Citation) -> Text:
    """A note saying which provision a cross-referencing criterion applies."""
    return Text(
        vi=f"áp dụng {article_citation.render('vi')}",
        en=f"applies {article_citation.render('en')}",
    )
