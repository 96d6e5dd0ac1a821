"""How sure antq is that a rule or value is the law as written."""

from __future__ import annotations

from antq.vocabulary import CodedEnum


class Confirmation(CodedEnum):
    """Confirmation status of a legal fact, criterion or parameter.

    ``UNCONFIRMED`` values are never built into antq as law: they are parameters
    that the user must supply, and the criteria catalogue shows them as such.
    """

    CONFIRMED = ("confirmed", "đã xác nhận", "confirmed")
    PARTIAL = ("partial", "xác nhận một phần", "partially confirmed")
    UNCONFIRMED = ("unconfirmed", "chưa xác nhận", "unconfirmed")
