"""Matching Vietnamese unit names as people type them.

Input often refers to a unit by name rather than by code ("P. Bến Nghé" for
"Phường Bến Nghé"), and the same name arrives in many spellings: composed
(NFC) or decomposed (NFD) Unicode, upper or lower case, with or without
diacritics, with the usual abbreviations of unit types (TP., P., X., Q., TX.,
TT.). :func:`name_key` folds all of these to one key:

>>> name_key("P. Bến Nghé") == name_key("Phường Bến Nghé") == name_key("phuong ben nghe")
True
>>> name_key("TP.HCM") == name_key("Thành phố Hồ Chí Minh")
True
>>> name_key("Q.01")
'quan 1'
>>> fold("Đắk Lắk")
'dak lak'

:class:`NameIndex` looks a code up by code or by name. Names that differ only
in their diacritics are different names ("Tân Hòa" and "Tân Hóa"), so when a
reference fits several units the one spelt exactly as given, diacritics and
all, wins; otherwise the reference is an error naming the candidates, never a
guess:

>>> index = NameIndex.of([("X-01", "Xã Đông Hòa"), ("P-02", "Phường Đông Hòa")])
>>> index.resolve("x. dong hoa")
'X-01'
>>> index.resolve("Đông Hòa")
Traceback (most recent call last):
    ...
antq.io.names.AmbiguousName: commune: 'Đông Hòa' fits several units: P-02 (Phường Đông Hòa), X-01 (Xã Đông Hòa); use the code (got 'Đông Hòa')
>>> index = NameIndex.of([("X-03", "Xã Tân Hòa"), ("X-04", "Xã Tân Hóa")])
>>> index.resolve("X. TÂN HOÀ"), index.resolve("xã tân hóa")
('X-03', 'X-04')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from antq.core.frozen import FrozenMap
from antq.errors import InputError
from antq.i18n.catalog import Msg

__all__ = [
    "ABBREVIATIONS",
    "UNIT_TYPE_WORDS",
    "AmbiguousName",
    "NameIndex",
    "bare_key",
    "fold",
    "name_key",
    "names_match",
    "spelt_key",
]

#: Abbreviations of unit types, folded (see :func:`fold`), expanded when they
#: begin a name: "TP. Huế", "P.Bến Nghé", "X. Đông Hòa", "Q.1", "TX. Sơn Tây",
#: "TT. Đông Anh".
ABBREVIATIONS: Mapping[str, str] = MappingProxyType(
    {
        "tp": "thanh pho",
        "p": "phuong",
        "x": "xa",
        "q": "quan",
        "tx": "thi xa",
        "tt": "thi tran",
    }
)

#: Well-known shortened names, folded, expanded wherever they stand as a word.
_ALIASES: Mapping[str, str] = MappingProxyType({"hcm": "ho chi minh"})

#: Words naming a type of administrative unit, folded, longest first. A name
#: given without its type ("Bến Nghé") may match a unit whose name has one.
UNIT_TYPE_WORDS: tuple[str, ...] = (
    "thanh pho truc thuoc trung uong",
    "thanh pho",
    "thi tran",
    "thi xa",
    "dac khu",
    "phuong",
    "huyen",
    "quan",
    "tinh",
    "xa",
)

# "đ"/"Đ" have no decomposition; U+00D0 (Ð, eth) is often typed for "Đ".
_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case ASCII words: diacritics removed, "đ" as "d", punctuation as spaces.

    Works the same on composed (NFC) and decomposed (NFD) text.

    >>> fold("Phường  Bến Nghé") == fold(unicodedata.normalize("NFD", "PHƯỜNG BẾN NGHÉ"))
    True
    """
    if not isinstance(text, str):
        raise InputError("name", text, Msg("expected text"))
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).split())


def _normalise_words(words: list[str], abbreviations: Mapping[str, str]) -> list[str]:
    if words and words[0] in abbreviations:
        words = abbreviations[words[0]].split() + words[1:]
    out: list[str] = []
    for word in words:
        if word.isdigit():
            word = str(int(word))  # "Phường 01" is "Phường 1"
        out.extend(_ALIASES.get(word, word).split())
    return out


def name_key(text: str, *, abbreviations: Mapping[str, str] = ABBREVIATIONS) -> str:
    """The matching key of a name: folded, with a leading type abbreviation expanded.

    >>> name_key("TX. Sơn Tây")
    'thi xa son tay'
    """
    return " ".join(_normalise_words(fold(text).split(), abbreviations))


def bare_key(text: str, *, abbreviations: Mapping[str, str] = ABBREVIATIONS) -> str:
    """:func:`name_key` without the leading unit type ("Phường Bến Nghé" -> "ben nghe").

    A name that is nothing but a type word keeps it.

    >>> bare_key("P. Bến Nghé"), bare_key("Bến Nghé"), bare_key("Phường")
    ('ben nghe', 'ben nghe', 'phuong')
    """
    key = name_key(text, abbreviations=abbreviations)
    for word in UNIT_TYPE_WORDS:
        if key.startswith(word + " "):
            return key[len(word) + 1 :]
    return key


#: The five tone marks of Vietnamese (grave, acute, hook above, tilde, dot below).
_TONES = frozenset("\u0300\u0301\u0309\u0303\u0323")
_WORD = re.compile(r"[^\W_]+")
_ETH = str.maketrans({"Ð": "Đ", "ð": "đ"})  # U+00D0 is often typed for "Đ"


def _spelt_word(word: str) -> str:
    """A word with its letters' shapes (â, ơ, đ) and its tone, wherever the tone was placed."""
    if word.isdigit():
        return str(int(word))
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONES]
    shape = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return shape + "".join(tones[:1])


def spelt_key(text: str, *, abbreviations: Mapping[str, str] = ABBREVIATIONS) -> str | None:
    """The name without its unit type, case-folded but with its diacritics.

    Unlike :func:`bare_key` it tells "Tân Hòa" from "Tân Hóa"; like it, it
    ignores the Unicode form, case, the place of the tone mark ("Hoà" / "Hòa")
    and the unit type, written out or abbreviated. None when the name's words
    cannot be lined up with its folded words (letters outside Vietnamese).

    >>> spelt_key("X. Tân Hoà") == spelt_key("Tân Hòa") != spelt_key("Tân Hóa")
    True
    """
    composed = unicodedata.normalize("NFC", text.translate(_ETH)).casefold()
    words = [_spelt_word(w) for w in _WORD.findall(composed)]
    folded = fold(text).split()
    if len(words) != len(folded):
        return None
    if folded and folded[0] in abbreviations:
        return " ".join(words[1:]) or None
    for type_word in UNIT_TYPE_WORDS:
        size = len(type_word.split())
        if folded[:size] == type_word.split() and len(folded) > size:
            return " ".join(words[size:])
    return " ".join(words)


def _has_type(key: str) -> bool:
    return any(key == w or key.startswith(w + " ") for w in UNIT_TYPE_WORDS)


def names_match(a: str, b: str) -> bool:
    """Whether two names are the same name written differently.

    A name without a unit type matches the same name with one; two different
    types never match.

    >>> names_match("phuong ben nghe", "Phường Bến Nghé"), names_match("Bến Nghé", "P. Bến Nghé")
    (True, True)
    >>> names_match("Xã Đông Hòa", "Phường Đông Hòa")
    False
    """
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    if _has_type(ka) and _has_type(kb):
        return False
    return bare_key(a) == bare_key(b)


class AmbiguousName(InputError):
    """A name that fits several units; ``candidates`` are their ``(code, name)``."""

    def __init__(self, path: str, value: str, candidates: Iterable[tuple[str, str]]) -> None:
        self.candidates = tuple(sorted(candidates))
        listed = ", ".join(f"{code} ({name})" for code, name in self.candidates)
        message = Msg("{name} fits several units: {listed}; use the code")
        super().__init__(path, value, message, params={"name": repr(value), "listed": listed})


def _frozen_names(names: Mapping[str, str | None]) -> Mapping[str, str | None]:
    return FrozenMap(names)


@attrs.frozen
class NameIndex:
    """Codes of units and their names, to resolve a reference given either way.

    Build it with :meth:`of` from ``(code, name)`` pairs; a unit without a name
    can still be found by its code.
    """

    names: Mapping[str, str | None] = attrs.field(converter=_frozen_names)
    _by_key: Mapping[str, tuple[str, ...]] = attrs.field(init=False, eq=False, repr=False)
    _by_bare: Mapping[str, tuple[str, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_key: dict[str, list[str]] = {}
        by_bare: dict[str, list[str]] = {}
        for code, name in self.names.items():
            if name:
                by_key.setdefault(name_key(name), []).append(code)
                by_bare.setdefault(bare_key(name), []).append(code)
        object.__setattr__(self, "_by_key", {k: tuple(sorted(v)) for k, v in by_key.items()})
        object.__setattr__(self, "_by_bare", {k: tuple(sorted(v)) for k, v in by_bare.items()})

    def __getstate__(self) -> dict[str, object]:
        return {"names": self.names}

    def __setstate__(self, state: dict[str, object]) -> None:
        object.__setattr__(self, "names", state["names"])
        self.__attrs_post_init__()

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str | None]]) -> NameIndex:
        """An index of ``(code, name)`` pairs (a later pair for a code replaces an earlier one)."""
        return cls(dict(pairs))

    def candidates(self, reference: str) -> tuple[str, ...]:
        """The codes that ``reference`` may mean, sorted: its own code, else names that match.

        Of several names that match, those spelt as ``reference`` is, with the
        same diacritics (:func:`spelt_key`), are kept when there are any.
        """
        if reference in self.names:
            return (reference,)
        key = name_key(reference)
        found = self._by_key.get(key, ())
        if not found and not _has_type(key):
            # "P. Bến Nghé" must not match "Xã Bến Nghé": a given type is kept.
            found = self._by_bare.get(bare_key(reference), ())
        if len(found) > 1:
            spelt = spelt_key(reference)
            exact = tuple(c for c in found if spelt_key(self.names[c] or "") == spelt)
            if spelt is not None and exact:
                return exact
        return found

    def find(self, reference: str, *, path: str = "commune") -> str | None:
        """The one code ``reference`` means, None when it means none.

        Raises :class:`AmbiguousName` when it fits several.
        """
        found = self.candidates(reference)
        if len(found) > 1:
            raise AmbiguousName(path, reference, ((c, self.names[c] or c) for c in found))
        return found[0] if found else None

    def resolve(self, reference: str, *, path: str = "commune") -> str:
        """Like :meth:`find`, but a reference that means no unit is an :class:`InputError`."""
        code = self.find(reference, path=path)
        if code is None:
            raise InputError(path, reference, Msg("no unit has this code or name"))
        return code
