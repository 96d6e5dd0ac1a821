"""Exceptions raised by antq.

All of antq's own errors derive from :class:`AntqError`, so a caller can catch
them in one place. Input problems raise :class:`InputError`, which names the
field path and the offending value; errors in the definition of rules or
citations raise :class:`DefinitionError` when the rule is created, not when it
is evaluated.

An input error's message is English text or a translatable template
(:class:`~antq.i18n.catalog.Msg` with named ``params``): ``str(error)`` and
``error.message`` are always English, and :meth:`InputError.render` writes the
whole line in Vietnamese or English. The JSON error rows of ``antq evaluate
--format json``, of ``antq report --format json`` and of the web API keep the
English ``message`` in every language, so that programs can read them; the
command line prints ``error.render(lang)`` in the language of ``--lang``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from antq.i18n.catalog import Msg
    from antq.vocabulary import Lang

#: Longest shown value in an error message; longer ones are cut in the middle.
MAX_SHOWN = 200


def shown(value: object) -> str:
    """``repr(value)`` for an error message, safe for huge or hostile values."""
    try:
        text = repr(value)
    except ValueError:  # an integer too long to write as text
        return (
            f"<a number of about {value.bit_length() * 3 // 10} digits>"
            if isinstance(value, int)
            else "<unprintable>"
        )
    if len(text) > MAX_SHOWN:
        half = MAX_SHOWN // 2
        text = f"{text[:half]}…{text[-half:]} ({len(text)} characters)"
    # Lone surrogates cannot be written out as UTF-8: show them escaped.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class Message(str):
    """The English text of an error message that remembers its template.

    It is the ``str`` the message always was (``error.message``), so code that
    compares, prints or passes it on sees English text; an error made again
    from it (``InputError(path, error.value, error.message)``) keeps the
    template, and :meth:`render` writes it in another language.

    >>> from antq.i18n.catalog import Msg
    >>> text = Message(Msg("must be between {low} and {high}"), {"low": 1, "high": 9})
    >>> text, text.render("vi")
    ('must be between 1 and 9', 'phải nằm trong khoảng từ 1 đến 9')
    """

    #: The template, whose msgid is the English text with ``{name}`` fields.
    template: Msg
    #: The values of the fields: text already formatted (values from the input
    #: through ``shown``), whole numbers, or messages (translated too).
    params: Mapping[str, str | int]

    def __new__(cls, template: Msg, params: Mapping[str, str | int] | None = None) -> Message:
        values = dict(params or {})
        english = template.msgid.format_map(values) if values else template.msgid
        self = super().__new__(cls, english)
        self.template = template
        self.params = values
        return self

    def __reduce__(self) -> tuple[type[Message], tuple[Msg, dict[str, str | int]]]:
        return (Message, (self.template, dict(self.params)))

    def render(self, lang: Lang) -> str:
        """The message in ``lang`` (its English text for ``en``)."""
        if lang == "en":
            return str(self)
        text = self.template.render(lang)
        if not self.params:
            return text
        return text.format_map({k: render_text(v, lang) for k, v in self.params.items()})


def render_text(text: object, lang: Lang) -> str:
    """``text`` in ``lang``: a :class:`Message` translated, anything else as it is."""
    return text.render(lang) if isinstance(text, Message) else str(text)


class AntqError(Exception):
    """Base class of every error antq raises on purpose."""

    def render(self, lang: Lang) -> str:
        """The error as one line of text in ``lang`` (English unless it is translatable)."""
        return str(self)


class InputError(AntqError, ValueError):
    """Bad input: names the field path, the value and what is wrong.

    ``message`` is English text, shown as it is in every language, or a
    :class:`~antq.i18n.catalog.Msg` template whose named fields ``params``
    fill; ``error.message`` is then a :class:`~antq.errors.Message`, English text that
    :meth:`render` translates.

    >>> str(InputError("units[0].facts.households_resident", -3, "must be >= 0"))
    'units[0].facts.households_resident: must be >= 0 (got -3)'
    >>> from antq.i18n.catalog import Msg
    >>> error = InputError("facts.x", -3, Msg("must be >= 0"))
    >>> str(error), error.render("vi")
    ('facts.x: must be >= 0 (got -3)', 'facts.x: phải >= 0 (giá trị: -3)')
    """

    def __init__(
        self,
        path: str,
        value: object,
        message: str | Msg,
        *,
        params: Mapping[str, str | int] | None = None,
    ) -> None:
        self.path = path
        self.value = value
        self.message: str = message if isinstance(message, str) else Message(message, params)
        where = f"{path}: " if path else ""
        super().__init__(f"{where}{self.message} (got {shown(value)})")

    def where(self, lang: Lang) -> str:
        """The path in ``lang``: the words of a location (``line 7``) are translated."""
        return render_text(self.path, lang)

    def render(self, lang: Lang) -> str:
        """``str(self)`` in ``lang``: the path, what is wrong, and the value given."""
        if lang == "en":
            return str(self)
        # Imported here: antq.i18n.catalog imports this module.
        from antq.i18n.catalog import Msg

        where = self.where(lang)
        got = Msg("(got {value})").render(lang).format(value=shown(self.value))
        text = f"{render_text(self.message, lang)} {got}"
        return f"{where}: {text}" if where else text


class InputErrors(AntqError, ValueError):
    """Several input problems found in one document, each an :class:`InputError`."""

    def __init__(self, errors: Sequence[InputError]) -> None:
        self.errors = tuple(errors)
        lines = "\n".join(f"  - {e}" for e in self.errors)
        super().__init__(f"{len(self.errors)} input error(s):\n{lines}")

    def render(self, lang: Lang) -> str:
        if lang == "en":
            return str(self)
        # Imported here: antq.i18n.catalog imports this module.
        from antq.i18n.catalog import Msg

        head = Msg("{count} input error(s):").render(lang).format(count=len(self.errors))
        return "\n".join([head, *(f"  - {e.render(lang)}" for e in self.errors)])


class DefinitionError(AntqError):
    """A rule, rule set, citation or instrument is defined inconsistently."""


class DataFileError(DefinitionError):
    """A data file shipped with antq is malformed: names the file, the path and the value.

    Like an :class:`InputError`'s, the message is English text or a
    :class:`~antq.i18n.catalog.Msg` template with named ``params``; ``str(error)``
    and ``error.message`` are English and :meth:`render` writes the line in ``lang``.

    >>> from antq.i18n.catalog import Msg
    >>> error = DataFileError("table.toml", "rows[0].valid_to", 7, Msg("expected a date"))
    >>> str(error)
    'table.toml: rows[0].valid_to: expected a date (got 7)'
    >>> error.render("vi")
    'table.toml: rows[0].valid_to: cần một ngày (giá trị: 7)'
    """

    def __init__(
        self,
        source: str,
        path: str,
        value: object,
        message: str | Msg,
        *,
        params: Mapping[str, str | int] | None = None,
    ) -> None:
        self.source, self.path, self.value = source, path, value
        self.message: str = message if isinstance(message, str) else Message(message, params)
        super().__init__(f"{source}: {path}: {self.message} (got {value!r})")

    def render(self, lang: Lang) -> str:
        """``str(self)`` in ``lang``: the file, the path, what is wrong, and the value."""
        if lang == "en":
            return str(self)
        # Imported here: antq.i18n.catalog imports this module.
        from antq.i18n.catalog import Msg

        got = Msg("(got {value})").render(lang).format(value=repr(self.value))
        return f"{self.source}: {self.path}: {render_text(self.message, lang)} {got}"


class CitationError(DefinitionError):
    """A citation names an unknown instrument, article, clause or point."""


class RuleSetNotFound(AntqError, LookupError):
    """No rule set is in force for the requested unit kind and period."""


class AmbiguousDateError(AntqError, ValueError):
    """Month or year arithmetic whose answer depends on a month-end policy.

    Raised under the strict policy, e.g. for 31/03 + 1 month or 29/02 + 1 year.
    """


class UsageError(AntqError, TypeError):
    """antq was called from Python with an argument of the wrong type.

    The message says what was given and what to pass instead, e.g. a ``dict``
    given to :func:`antq.evaluate`, which needs :class:`antq.UnitFacts`. It is
    a :class:`TypeError` too.
    """
