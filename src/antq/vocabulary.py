"""Closed vocabularies: enums with a stable code and Vietnamese and English labels.

Every closed list of the domain (unit kinds, incident categories, grades...) is a
:class:`CodedEnum`. The member *value* is its stable code, the one written in input
files and JSON output; the labels are for people.

>>> from antq.vocabulary import CodedEnum
>>> class Colour(CodedEnum):
...     RED = ("red", "đỏ", "red")
>>> Colour.from_code("red") is Colour.RED
True
>>> Colour.RED.label("vi")
'đỏ'
"""

from __future__ import annotations

import contextlib
import importlib
from enum import Enum
from typing import Literal, Self

from antq.errors import InputError

#: The languages antq renders: Vietnamese and English.
Lang = Literal["vi", "en"]
#: Every language antq renders, Vietnamese first.
LANGS: tuple[Lang, ...] = ("vi", "en")


#: Every vocabulary by its dotted name, so a member can be read back from JSON.
_VOCABULARIES: dict[str, type[CodedEnum]] = {}

#: The names JSON gave vocabularies before they moved (issue 14), each with the name
#: of the vocabulary now: what antq wrote before the move still reads back. Names,
#: not classes, so that reading an old name imports only the module it names now.
_FORMER_NAMES: dict[str, str] = {
    "antq.confirmation.Confirmation": "antq.law.confirmation.Confirmation",
    "antq.hierarchy.Scope": "antq.safety.hierarchy.Scope",
    "antq.indicators.Comparison": "antq.report.indicators.Comparison",
    "antq.indicators.Indicator": "antq.report.indicators.Indicator",
    "antq.periods.MonthEndPolicy": "antq.core.periods.MonthEndPolicy",
    "antq.safety.routing.DossierReceiver": (
        "antq.safety.tt124_2021.article_9_routing.DossierReceiver"
    ),
    "antq.unit_kinds.UnitKind": "antq.core.unit_kinds.UnitKind",
}


class CodedEnum(Enum):
    """Base class of antq's closed vocabularies.

    Members are declared as ``NAME = (code, vietnamese_label, english_label)``.
    """

    label_vi: str
    label_en: str

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        _VOCABULARIES[f"{cls.__module__}.{cls.__qualname__}"] = cls

    def __new__(cls, code: str, label_vi: str, label_en: str) -> Self:
        member = object.__new__(cls)
        member._value_ = code
        member.label_vi = label_vi
        member.label_en = label_en
        return member

    @property
    def code(self) -> str:
        """The stable code used in files and JSON."""
        return str(self._value_)

    def label(self, lang: Lang) -> str:
        """The human label in ``lang``."""
        return self.label_vi if lang == "vi" else self.label_en

    @classmethod
    def from_code(cls, code: object, *, path: str = "") -> Self:
        """Look a member up by its code; raise :class:`~antq.errors.InputError` if unknown."""
        member = cls._value2member_map_.get(code) if isinstance(code, str) else None
        if member is not None:
            return member  # type: ignore[return-value]  # the map holds members of cls
        from antq.i18n.catalog import Msg  # not at the top: the catalogue imports this module

        allowed = ", ".join(m.code for m in cls)
        raise InputError(
            path or cls.__name__,
            code,
            Msg("unknown {vocabulary} code; expected one of: {allowed}"),
            params={"vocabulary": cls.__name__, "allowed": allowed},
        )

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        """All codes, in declaration order."""
        return tuple(m.code for m in cls)

    def __str__(self) -> str:
        return self.code

    # Members are singletons compared by identity, so identity is a correct hash,
    # and a much cheaper one than Enum's (sets of members are probed on every unit).
    __hash__ = object.__hash__

    @property
    def vocabulary(self) -> str:
        """The dotted name of the member's vocabulary, as written in JSON."""
        return f"{type(self).__module__}.{type(self).__qualname__}"


def vocabulary_member(vocabulary: object, code: object, *, path: str) -> CodedEnum:
    """The member ``code`` of the vocabulary named ``vocabulary`` (as JSON writes it, or wrote
    it before the vocabulary moved).

    Only antq's own modules are imported to find a vocabulary: a name read
    from data never causes other code to be loaded.
    """
    from antq.i18n.catalog import Msg  # not at the top: the catalogue imports this module

    if not isinstance(vocabulary, str):
        raise InputError(path, vocabulary, Msg("expected a vocabulary name"))
    name = _FORMER_NAMES.get(vocabulary, vocabulary)
    cls = _VOCABULARIES.get(name)
    if cls is None and name.startswith("antq."):
        with contextlib.suppress(ImportError):
            importlib.import_module(name.rsplit(".", 1)[0])
        cls = _VOCABULARIES.get(name)
    if cls is None:
        raise InputError(path, vocabulary, Msg("unknown vocabulary"))
    return cls.from_code(code, path=path)
