"""Translatable text: gettext messages (vi, en) and inline bilingual text.

antq's own user-facing strings are English gettext msgids wrapped in :class:`Msg`
so that ``pybabel extract -k Msg`` finds them; the Vietnamese and English
catalogues live in ``antq/i18n/locale``. Text that comes from outside antq (a
province's extra criterion, say) is a :class:`Text` holding both languages.

Catalogues load on first use, not at import.

>>> Msg("No school violence").render("en")
'No school violence'
>>> Text(vi="Tiêu chí tỉnh", en="Provincial criterion").render("en")
'Provincial criterion'
"""

from __future__ import annotations

import gettext
from functools import cache
from importlib import resources
from typing import Protocol, runtime_checkable

import attrs

from antq.errors import InputError
from antq.vocabulary import LANGS, Lang

DOMAIN = "antq"


@runtime_checkable
class Label(Protocol):
    """Anything that renders to text in a language."""

    def render(self, lang: Lang) -> str: ...


@cache
def _catalogue(lang: Lang) -> gettext.NullTranslations:
    mo = resources.files("antq.i18n").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


#: Translations already looked up, by language then msgid: reports render the
#: same few hundred messages for every unit.
_TRANSLATED: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}


def translate(msgid: str, lang: Lang) -> str:
    """The translation of ``msgid`` in ``lang`` (the msgid itself if it has none)."""
    known = _TRANSLATED[lang]
    text = known.get(msgid)
    if text is None:
        text = known[msgid] = _catalogue(lang).gettext(msgid)
    return text


@attrs.frozen
class Msg:
    """A message of antq's own catalogue, identified by its English msgid."""

    msgid: str

    def render(self, lang: Lang) -> str:
        return translate(self.msgid, lang)


@attrs.frozen(kw_only=True)
class Text:
    """Text supplied in both languages, for rules defined outside antq."""

    vi: str
    en: str

    def render(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en


def label_from_json(data: object, *, path: str = "label") -> Label:
    """Rebuild a :class:`Msg` or :class:`Text` from its JSON form."""
    if isinstance(data, dict):
        if set(data) == {"msgid"} and isinstance(data["msgid"], str):
            msgid: str = data["msgid"]
            return Msg(msgid)
        if set(data) == {"vi", "en"} and all(isinstance(data[k], str) for k in LANGS):
            return Text(vi=data["vi"], en=data["en"])
    raise InputError(path, data, Msg('expected {"msgid": ...} or {"vi": ..., "en": ...}'))
