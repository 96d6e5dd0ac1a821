"""What a wrong sheet or override raises: :class:`SheetError`, naming the sheet, item and field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from antq.errors import DefinitionError, InputError, Message, render_text
from antq.i18n.catalog import Msg
from antq.vocabulary import Lang

#: The module the errors here name as theirs (in JSON, tracebacks and pickles): the
#: package face, as before it was split.
_PUBLIC = "antq.emulation.sheets"

_UNSET: Final = object()


class SheetError(DefinitionError, InputError):
    """A sheet or override is wrong: names the sheet, the item and the field.

    It is a :class:`~antq.errors.DefinitionError` (a sheet defines rules) and an
    :class:`~antq.errors.InputError` (it usually comes from a file), so either
    can catch it; ``path`` is ``"sheet ID, item ITEM, field FIELD"``. Like an
    input error's, the message is English text or a :class:`~antq.i18n.catalog.Msg`
    template with named ``params``: ``str(error)`` and ``error.message`` are
    English, and :meth:`render` writes the whole line in Vietnamese or English.

    >>> from antq.i18n.catalog import Msg
    >>> error = SheetError("qd510.agency", Msg("must be > 0"), item="2", field="max_points", value=0)
    >>> str(error)
    'sheet qd510.agency, item 2, field max_points: must be > 0 (got 0)'
    >>> error.render("vi")
    'bảng chấm điểm qd510.agency, mục 2, trường max_points: phải > 0 (giá trị: 0)'
    """

    __module__ = _PUBLIC

    def __init__(
        self,
        sheet: str,
        message: str | Msg,
        *,
        params: Mapping[str, str | int] | None = None,
        item: str | None = None,
        field: str | None = None,
        value: object = _UNSET,
    ) -> None:
        parts = [f"sheet {sheet}"]
        if item is not None:
            parts.append(f"item {item}")
        if field is not None:
            parts.append(f"field {field}")
        self.sheet, self.item, self.field = sheet, item, field
        self.path = ", ".join(parts)
        self.has_value = value is not _UNSET
        self.value = value if self.has_value else None
        self.message = message if isinstance(message, str) else Message(message, params)
        got = f" (got {value!r})" if self.has_value else ""
        Exception.__init__(self, f"{self.path}: {self.message}{got}")

    def where(self, lang: Lang) -> str:
        """The path in ``lang``: ``sheet``, ``item`` and ``field`` are translated."""
        if lang == "en":
            return self.path
        parts = [_SHEET_WHERE.render(lang).format(sheet=self.sheet)]
        if self.item is not None:
            parts.append(_ITEM_WHERE.render(lang).format(item=self.item))
        if self.field is not None:
            parts.append(_FIELD_WHERE.render(lang).format(field=self.field))
        return ", ".join(parts)

    def render(self, lang: Lang) -> str:
        """``str(self)`` in ``lang``: where, what is wrong, and the value given (if any)."""
        if lang == "en":
            return str(self)
        text = f"{self.where(lang)}: {render_text(self.message, lang)}"
        if self.has_value:
            text += " " + _GOT.render(lang).format(value=repr(self.value))
        return text


_SHEET_WHERE: Final = Msg("sheet {sheet}")
_ITEM_WHERE: Final = Msg("item {item}")
_FIELD_WHERE: Final = Msg("field {field}")
_GOT: Final = Msg("(got {value})")


def _message(message: str | Msg, params: Mapping[str, str | int] | None = None) -> str:
    """``message`` as text: English text as it is, a template as a :class:`Message`."""
    return message if isinstance(message, str) else Message(message, params)


class _Bad(Exception):
    """A problem found without context; wrapped into a :class:`SheetError` by the caller."""

    def __init__(
        self,
        message: str | Msg,
        value: object = _UNSET,
        *,
        params: Mapping[str, str | int] | None = None,
    ) -> None:
        text = _message(message, params)
        super().__init__(text)
        self.message, self.value = text, value


@attrs.define
class _Problems:
    """The errors of one sheet, for its validator and its reader: each names the sheet."""

    sheet: str

    def fail(
        self,
        message: str | Msg,
        *,
        params: Mapping[str, str | int] | None = None,
        item: str | None = None,
        field: str | None = None,
        value: object = _UNSET,
    ) -> SheetError:
        return SheetError(self.sheet, message, params=params, item=item, field=field, value=value)
