"""CSV dialects: how the cells of a spreadsheet's text are read.

antq's own CSV (:data:`ANTQ`) writes ``true``/``false``, ``1064`` and
``2025-03-14``. A spreadsheet set to Vietnamese saves CSV its own way, which the
Vietnamese dialect (:data:`VIETNAMESE`) reads:

* cells separated by ``;`` or ``,``, whichever the header uses (a header that
  holds both is refused: say which with ``separator``);
* yes/no as the words of :data:`TRUE_WORDS` and :data:`FALSE_WORDS`
  (``có``/``không``, ``x``, ``đ``/``k``...), in any case;
* numbers with ``.`` grouping thousands and ``,`` before decimals: ``1.064``
  is one thousand and sixty-four, ``1.064,0`` too, ``2,5`` is two and a half
  (and so not a count). ``1064`` is read too; ``1064.0`` and ``1,064`` are
  refused, never guessed;
* dates as ``dd/mm/yyyy`` (``14/03/2025``, or ``14/3/2025``); an ISO date
  (``2025-03-14``) cannot be confused with it and is read too;
* headers as antq's input names or as their Vietnamese or English labels;
* a row whose first cell starts with ``#`` is a note and is skipped.

The dialect decides; nothing is guessed from the values. In both dialects an
empty cell is an unknown fact.

>>> VIETNAMESE.count("1.064", "households_resident")
1064
>>> VIETNAMESE.boolean("Có", "registered_q1")
True
>>> VIETNAMESE.date("14/03/2025", "date").isoformat()
'2025-03-14'
>>> VIETNAMESE.count("1064.0", "households_resident")
Traceback (most recent call last):
...
antq.errors.InputError: households_resident: expected a whole number written as 1.064 or 1064 ('.' groups thousands, ',' is the decimal comma) (got '1064.0')
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import attrs

from antq.core.inputs import MAX_COUNT
from antq.errors import InputError
from antq.i18n.catalog import Msg

__all__ = [
    "ANTQ",
    "DIALECTS",
    "FALSE_WORDS",
    "TRUE_WORDS",
    "VIETNAMESE",
    "Dialect",
    "separator_of",
]

#: The words the Vietnamese dialect reads as yes (compared case-insensitively).
TRUE_WORDS: tuple[str, ...] = ("có", "x", "đ", "đúng", "đạt", "yes", "true")
#: The words the Vietnamese dialect reads as no.
FALSE_WORDS: tuple[str, ...] = ("không", "k", "sai", "không đạt", "no", "false")

_PLAIN_INT = re.compile(r"[+-]?[0-9]+")
_VI_NUMBER = re.compile(r"([+-]?)([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?")
_DMY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@attrs.frozen(kw_only=True)
class Dialect:
    """How one kind of spreadsheet text writes cells (see the module docstring)."""

    #: ``vi`` or ``antq``: the name ``--input-format csv-vi`` uses.
    name: str
    #: The cell separator; None: ``;`` or ``,``, from the header.
    separator: str | None
    true_words: tuple[str, ...]
    false_words: tuple[str, ...]
    #: Numbers as Vietnamese writes them (``1.064,5``) rather than ``1064``.
    vietnamese_numbers: bool
    #: Dates as ``dd/mm/yyyy`` (ISO dates are read too) rather than ISO only.
    day_first: bool
    #: Skip rows whose first cell starts with ``#`` (notes under the header).
    notes: bool

    def boolean(self, text: str, path: str) -> bool:
        """A yes/no cell."""
        folded = _fold(text)
        if folded in self.true_words:
            return True
        if folded in self.false_words:
            return False
        words = "/".join(self.true_words[:1] + self.false_words[:1])
        listed = ", ".join((*self.true_words, *self.false_words))
        raise InputError(
            path,
            text,
            Msg("expected {words} (one of: {listed})"),
            params={"words": words, "listed": listed},
        )

    def number(self, text: str, path: str) -> tuple[int, str]:
        """A number: its whole part and its decimals (digits after the decimal sign)."""
        cleaned = text.strip()
        if self.vietnamese_numbers:
            match = _VI_NUMBER.fullmatch(cleaned)
            if match is None:
                raise InputError(
                    path,
                    text,
                    Msg(
                        "expected a whole number written as 1.064 or 1064"
                        " ('.' groups thousands, ',' is the decimal comma)"
                    ),
                )
            sign, whole, decimals = match.groups()
            value = int(whole.replace(".", ""))
            return (-value if sign == "-" else value), decimals or ""
        if not _PLAIN_INT.fullmatch(cleaned):
            raise InputError(path, text, Msg("expected a whole number written with digits only"))
        return int(cleaned), ""

    def count(self, text: str, path: str) -> int:
        """A whole number from 0 to ``MAX_COUNT``, the limits of every count antq reads."""
        value, decimals = self.number(text, path)
        if decimals.strip("0"):
            raise InputError(path, text, Msg("expected a whole number, not a fraction"))
        if value < 0:
            raise InputError(path, value, Msg("must be >= 0"))
        if value > MAX_COUNT:
            raise InputError(
                path,
                value,
                Msg("is larger than any real count (at most {limit})"),
                params={"limit": MAX_COUNT},
            )
        return value

    def date(self, text: str, path: str) -> date:
        """A date: ``dd/mm/yyyy`` in the Vietnamese dialect, ISO in both."""
        cleaned = text.strip()
        try:
            if _ISO.fullmatch(cleaned):
                return date.fromisoformat(cleaned)
            match = _DMY.fullmatch(cleaned) if self.day_first else None
            if match is not None:
                day, month, year = (int(part) for part in match.groups())
                return date(year, month, day)
        except ValueError as error:
            raise InputError(
                path, text, Msg("not a valid date ({error})"), params={"error": str(error)}
            ) from None
        shape = "dd/mm/yyyy" if self.day_first else "YYYY-MM-DD"
        raise InputError(path, text, Msg("expected a date as {shape}"), params={"shape": shape})


#: antq's own CSV: ``,``, ``true``/``false``, plain digits, ISO dates.
ANTQ = Dialect(
    name="antq",
    separator=",",
    true_words=("true",),
    false_words=("false",),
    vietnamese_numbers=False,
    day_first=False,
    notes=False,
)
#: CSV as a spreadsheet set to Vietnamese saves it (see the module docstring).
VIETNAMESE = Dialect(
    name="vi",
    separator=None,
    true_words=TRUE_WORDS,
    false_words=FALSE_WORDS,
    vietnamese_numbers=True,
    day_first=True,
    notes=True,
)
#: The dialects by name.
DIALECTS = {d.name: d for d in (ANTQ, VIETNAMESE)}


def separator_of(header: str) -> str | None:
    """The separator of a header line: ``;`` if one stands outside quotes, else ``,``.

    No header antq reads has a ``;`` in a column's name, while Vietnamese labels
    may hold commas (``Xã, phường``). None when the line has neither.

    >>> separator_of("Mã đơn vị;Xã, phường;Năm xét")
    ';'
    >>> separator_of('id,kind,year,"Xã, phường"')
    ','
    """
    outside = re.sub(r'"[^"]*"', "", header)
    if ";" in outside:
        return ";"
    if "," in outside:
        return ","
    return None
