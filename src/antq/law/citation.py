"""Typed citations: an instrument, optionally narrowed to an article, clause and point.

A :class:`Citation` is checked against the registry when it is created, so a rule
that cites a non-existent provision fails at definition time with a
:class:`~antq.errors.CitationError`.

>>> c = cite("124/2021/TT-BCA", 6, 3, "đ")
>>> str(c)
'Điều 6 khoản 3 điểm đ Thông tư 124/2021/TT-BCA'
>>> c.render("en")
'Article 6(3)(đ), Circular 124/2021/TT-BCA'
>>> c.to_dict()
{'instrument': '124/2021/TT-BCA', 'article': 6, 'clause': 3, 'point': 'đ'}
>>> Citation.parse("124/2021/TT-BCA 6(3)(đ)") == c
True
>>> cite("124/2021/TT-BCA", 5, 5)
Traceback (most recent call last):
...
antq.errors.CitationError: khoản 5 of Điều 5 Thông tư 124/2021/TT-BCA does not exist (the article has 4 clauses)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import partial
from typing import Any, Final

import attrs

from antq._serialise import json_codec
from antq.errors import CitationError, InputError
from antq.i18n.catalog import Msg
from antq.law.confirmation import Confirmation
from antq.law.instruments import POINT_LETTERS, ArticleShape, Instrument, InstrumentKind
from antq.law.registry import canonical_number, get_instrument
from antq.vocabulary import Lang


def _canonical_instrument(value: str) -> str:
    if isinstance(value, str):
        return canonical_number(value.strip()) or value
    return value  # not a string: rejected by __attrs_post_init__


def _normalise_point(value: str | None) -> str | None:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value.strip()).lower()
    return value


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@attrs.frozen(kw_only=True)
class Citation:
    """A reference to an instrument, or to an article (Điều), clause (khoản) or point (điểm).

    ``article=None`` cites the instrument as a whole. ``instrument`` is stored as the
    registry key (case and diacritics are corrected on creation): the number, plus the
    locality of a local instrument, ``"514/QĐ-UBND (Bắc Ninh)"``.
    """

    instrument: str = attrs.field(converter=_canonical_instrument)
    article: int | None = None
    clause: int | None = None
    point: str | None = attrs.field(default=None, converter=_normalise_point)
    # Rendered text by language, made on first use (a citation is printed for every unit).
    _rendered: dict[str, str] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.instrument, str):
            raise CitationError(f"instrument must be a string number, got {self.instrument!r}")
        inst = get_instrument(self.instrument)
        for part, value in (("article", self.article), ("clause", self.clause)):
            if value is not None and not _is_int(value):
                raise CitationError(f"{part} must be an integer, got {value!r}")
        if self.point is not None and not isinstance(self.point, str):
            raise CitationError(f"point must be a letter, got {self.point!r}")
        if self.clause is not None and self.article is None:
            raise CitationError(f"khoản {self.clause} cited without an article (Điều)")
        if self.point is not None and self.clause is None:
            raise CitationError(f"điểm {self.point} cited without a clause (khoản)")
        if self.article is not None:
            self._check_article(inst, self.article)

    def _check_article(self, inst: Instrument, article: int) -> None:
        name = inst.name("vi")
        if article < 1:
            raise CitationError(f"Điều {article} of {name}: article numbers start at 1")
        if inst.article_count is not None and article > inst.article_count:
            raise CitationError(
                f"Điều {article} does not exist in {name} (it has {inst.article_count} articles)"
            )
        shape = (inst.articles or {}).get(article, ArticleShape())
        clause = self.clause
        if clause is None:
            return
        where = f"Điều {article} {name}"
        if clause < 1:
            raise CitationError(f"khoản {clause} of {where}: clause numbers start at 1")
        if shape.clauses is not None and clause > shape.clauses:
            raise CitationError(
                f"khoản {clause} of {where} does not exist (the article has {shape.clauses} clauses)"
            )
        point = self.point
        if point is None:
            return
        if point not in POINT_LETTERS:
            raise CitationError(
                f"điểm {point!r} of khoản {clause} {where} is not a Vietnamese point letter"
                f" (one of {' '.join(POINT_LETTERS)})"
            )
        known = shape.points.get(clause)
        if known is not None and point not in known:
            raise CitationError(
                f"điểm {point} of khoản {clause} {where} does not exist"
                f" (the clause has points {', '.join(known)})"
            )

    # --- reading ---------------------------------------------------------------------------

    @property
    def law(self) -> Instrument:
        """The cited instrument's registry entry."""
        return get_instrument(self.instrument)

    @property
    def confirmation(self) -> Confirmation:
        """How sure antq is of the cited instrument."""
        return self.law.confirmation

    @property
    def verified(self) -> bool:
        """True if every cited level was checked against a known structure.

        An article is checked when the article count is known or the article is listed;
        a clause when the article's clause count is known; a point when the clause's
        points are known. A citation of the whole instrument is verified.
        """
        if self.article is None:
            return True
        inst = self.law
        articles = inst.articles or {}
        if inst.article_count is None and self.article not in articles:
            return False
        if self.clause is None:
            return True
        shape = articles.get(self.article)
        if shape is None or shape.clauses is None:
            return False
        return self.point is None or self.clause in shape.points

    # --- writing ---------------------------------------------------------------------------

    def render(self, lang: Lang = "vi") -> str:
        """The citation as text: ``"Điều 5 khoản 4 Thông tư 124/2021/TT-BCA"`` or
        ``"Article 5(4), Circular 124/2021/TT-BCA"``."""
        text = self._rendered.get(lang)
        if text is None:
            text = self._rendered[lang] = self._render(lang)
        return text

    def _render(self, lang: Lang) -> str:
        name = self.law.name(lang)
        if self.article is None:
            return name
        if lang == "vi":
            parts = [f"Điều {self.article}"]
            if self.clause is not None:
                parts.append(f"khoản {self.clause}")
            if self.point is not None:
                parts.append(f"điểm {self.point}")
            return f"{' '.join(parts)} {name}"
        ref = f"Article {self.article}"
        if self.clause is not None:
            ref += f"({self.clause})"
        if self.point is not None:
            ref += f"({self.point})"
        return f"{ref}, {name}"

    def __str__(self) -> str:
        return self.render("vi")

    def to_dict(self) -> dict[str, str | int]:
        """A JSON-ready dict; keys whose value is None are left out."""
        out: dict[str, str | int] = {"instrument": self.instrument}
        if self.article is not None:
            out["article"] = self.article
        if self.clause is not None:
            out["clause"] = self.clause
        if self.point is not None:
            out["point"] = self.point
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "citation") -> Citation:
        """Build a citation from :meth:`to_dict` output.

        Wrong types or unknown keys raise :class:`~antq.errors.InputError` naming the
        key; a well-typed but non-existent provision raises
        :class:`~antq.errors.CitationError`.
        """
        if not isinstance(data, Mapping):
            raise InputError(path, data, Msg("must be an object"))
        for key in data:
            if key not in _DICT_KEYS:
                raise InputError(
                    f"{path}.{key}",
                    data[key],
                    Msg("unknown key; expected instrument, article, clause, point"),
                )
        if "instrument" not in data:
            raise InputError(f"{path}.instrument", None, Msg("is required"))
        number = data["instrument"]
        if not isinstance(number, str):
            raise InputError(f"{path}.instrument", number, Msg("must be a string"))
        ints: dict[str, int | None] = {}
        for key in ("article", "clause"):
            value = data.get(key)
            if value is not None and not _is_int(value):
                raise InputError(f"{path}.{key}", value, Msg("must be an integer or null"))
            ints[key] = value
        point = data.get("point")
        if point is not None and not isinstance(point, str):
            raise InputError(f"{path}.point", point, Msg("must be a string or null"))
        return cls(instrument=number, article=ints["article"], clause=ints["clause"], point=point)

    @classmethod
    def parse(cls, text: str) -> Citation:
        """Parse a citation written as :meth:`render` writes it, or in a short form.

        Accepted: ``"Điều 6 khoản 3 điểm đ Thông tư 124/2021/TT-BCA"``, the legal
        order ``"điểm đ khoản 3 Điều 6 Thông tư 124/2021/TT-BCA"``, the English
        ``"Article 6(3)(đ), Circular 124/2021/TT-BCA"``, and the short
        ``"124/2021/TT-BCA 6(3)(đ)"``; the kind word is optional. Unreadable text
        raises :class:`~antq.errors.InputError`.

        >>> Citation.parse("điểm a khoản 1 Điều 9 Thông tư 124/2021/TT-BCA").render("en")
        'Article 9(1)(a), Circular 124/2021/TT-BCA'
        """
        if not isinstance(text, str):
            raise InputError("citation", text, Msg("must be a string"))
        clean = " ".join(unicodedata.normalize("NFC", text).split())
        for pattern in _PATTERNS:
            match = pattern.fullmatch(clean)
            if match is None:
                continue
            groups = match.groupdict()
            number, kind = _split_name(groups["rest"] or "", text)
            if kind is not None:
                inst = get_instrument(number)
                if inst.kind is not kind:
                    raise CitationError(
                        f"{text!r} calls {inst.key} a {kind.title_vi} ({kind.label_en}),"
                        f" but it is a {inst.kind.title_vi} ({inst.kind.label_en})"
                    )
            return cls(
                instrument=number,
                article=_opt_int(groups.get("article")),
                clause=_opt_int(groups.get("clause")),
                point=groups.get("point"),
            )
        raise InputError("citation", text, Msg("cannot read this citation"))


def cite(
    instrument: str,
    article: int | None = None,
    clause: int | None = None,
    point: str | None = None,
) -> Citation:
    """Shorthand for :class:`Citation`: ``cite("124/2021/TT-BCA", 5, 4)``."""
    return Citation(instrument=instrument, article=article, clause=clause, point=point)


_DICT_KEYS: Final = frozenset({"instrument", "article", "clause", "point"})

_KIND_WORDS: Final[Mapping[str, InstrumentKind]] = {
    word.casefold(): kind for kind in InstrumentKind for word in (kind.title_vi, kind.title_en)
}
_KIND_ALT: Final = "|".join(re.escape(word) for word in sorted(_KIND_WORDS, key=len, reverse=True))
_NAME: Final = re.compile(
    rf"(?:(?P<kind>{_KIND_ALT})\s+)?(?:(?:số|no\.?)\s*)?(?P<number>\d+[-/][^\s,()]+)"
    r"(?:\s*\((?P<locality>[^()]+)\))?",
    re.IGNORECASE,
)
_POINT: Final = r"[^\s,()]+"
_PATTERNS: Final[tuple[re.Pattern[str], ...]] = (
    # Điều 6 khoản 3 điểm đ Thông tư 124/2021/TT-BCA
    re.compile(
        rf"điều\s+(?P<article>\d+)(?:,?\s+khoản\s+(?P<clause>\d+)"
        rf"(?:,?\s+điểm\s+(?P<point>{_POINT}))?)?,?\s+(?P<rest>.+)",
        re.IGNORECASE,
    ),
    # điểm đ khoản 3 Điều 6 Thông tư 124/2021/TT-BCA
    re.compile(
        rf"(?:điểm\s+(?P<point>{_POINT}),?\s+)?khoản\s+(?P<clause>\d+),?\s+"
        rf"điều\s+(?P<article>\d+),?\s+(?P<rest>.+)",
        re.IGNORECASE,
    ),
    # Article 6(3)(đ), Circular 124/2021/TT-BCA
    re.compile(
        rf"article\s+(?P<article>\d+)(?:\((?P<clause>\d+)\)(?:\((?P<point>{_POINT})\))?)?"
        rf",?\s+(?P<rest>.+)",
        re.IGNORECASE,
    ),
    # 124/2021/TT-BCA 6(3)(đ)  /  Thông tư 124/2021/TT-BCA
    re.compile(
        rf"(?P<rest>.+?)(?:\s+(?P<article>\d+)(?:\((?P<clause>\d+)\)"
        rf"(?:\((?P<point>{_POINT})\))?)?)?",
        re.IGNORECASE,
    ),
)


def _split_name(rest: str, text: str) -> tuple[str, InstrumentKind | None]:
    match = _NAME.fullmatch(rest)
    if match is None:
        raise InputError(
            "citation",
            text,
            Msg("cannot read the instrument name {rest}"),
            params={"rest": repr(rest)},
        )
    kind_word = match.group("kind")
    kind = _KIND_WORDS[kind_word.casefold()] if kind_word else None
    number, locality = match.group("number"), match.group("locality")
    return (number if locality is None else f"{number} ({locality.strip()})"), kind


def _opt_int(value: str | None) -> int | None:
    return None if value is None else int(value)


# Written and read as :meth:`Citation.to_dict` and :meth:`Citation.from_dict` do.
json_codec(Citation, (Citation.to_dict, partial(Citation.from_dict, path="")))
