"""Types of the legal-instruments registry: kinds, issuers, article shapes, instruments.

An :class:`Instrument` is one legal or administrative document (văn bản) that antq
cites. Its ``number`` is the official number (số ký hiệu) and the registry key. What
antq does not know is recorded, never guessed: a missing date is ``None`` and its
field name is listed in ``unconfirmed``; an unknown article structure is ``None``.

Confirmation of an instrument (:class:`~antq.law.confirmation.Confirmation`):

- ``CONFIRMED``: number, kind, issuer and both dates rest on a cited source;
  ``unconfirmed`` is empty.
- ``PARTIAL``: the instrument is confirmed to exist, but some recorded facts are
  missing or unconfirmed; ``unconfirmed`` names them.
- ``UNCONFIRMED``: the instrument itself, or its number, rests on background
  knowledge or a weak source; ``unconfirmed`` or ``note`` says what is doubtful.

>>> from datetime import date
>>> from antq.law.confirmation import Confirmation
>>> tt = Instrument(
...     number="124/2021/TT-BCA",
...     kind=InstrumentKind.CIRCULAR,
...     issuer=Issuer.MINISTRY_OF_PUBLIC_SECURITY,
...     title_vi="Khu dân cư, xã, cơ quan đạt tiêu chuẩn an toàn về an ninh, trật tự",
...     title_en="Units meeting the safe-for-security-and-order standard",
...     signed=date(2021, 12, 28),
...     effective=date(2022, 2, 10),
...     confirmation=Confirmation.CONFIRMED,
... )
>>> tt.name("vi"), tt.name("en")
('Thông tư 124/2021/TT-BCA', 'Circular 124/2021/TT-BCA')
>>> InstrumentKind.GUIDANCE.title("en")
'Guidance'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

import attrs

from antq._serialise import JsonForm, json_view
from antq.errors import DefinitionError
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum, Lang

#: The letters that label points (điểm) in Vietnamese legal texts, in order.
#: There is no f, j, w or z, and đ comes right after d.
POINT_LETTERS: Final[tuple[str, ...]] = tuple("abcdđeghiklmnopqrstuvxy")


class InstrumentKind(CodedEnum):
    """The kind (loại văn bản) of a legal or administrative instrument."""

    LAW = ("law", "luật", "law")
    RESOLUTION = ("resolution", "nghị quyết", "resolution")
    ORDINANCE = ("ordinance", "pháp lệnh", "ordinance")
    DECREE = ("decree", "nghị định", "decree")
    DECISION = ("decision", "quyết định", "decision")
    CIRCULAR = ("circular", "thông tư", "circular")
    JOINT_CIRCULAR = ("joint_circular", "thông tư liên tịch", "joint circular")
    CONSOLIDATED_TEXT = ("consolidated_text", "văn bản hợp nhất", "consolidated text")
    GUIDANCE = ("guidance", "hướng dẫn", "guidance")
    OFFICIAL_LETTER = ("official_letter", "công văn", "official letter")
    DIRECTIVE = ("directive", "chỉ thị", "directive")
    CONCLUSION = ("conclusion", "kết luận", "conclusion")
    #: A submission (tờ trình) proposing an instrument; it has no legal effect of its own.
    SUBMISSION = ("submission", "tờ trình", "submission")

    @property
    def title_vi(self) -> str:
        """The Vietnamese title used before a number, e.g. ``"Thông tư"``."""
        return self.label_vi[:1].upper() + self.label_vi[1:]

    @property
    def title_en(self) -> str:
        """The English title used before a number, e.g. ``"Circular"``."""
        return " ".join(word[:1].upper() + word[1:] for word in self.label_en.split())

    def title(self, lang: Lang) -> str:
        """The title in ``lang``."""
        return self.title_vi if lang == "vi" else self.title_en


class Issuer(CodedEnum):
    """The body that issued (ban hành) an instrument."""

    NATIONAL_ASSEMBLY = ("national_assembly", "Quốc hội", "National Assembly")
    NA_STANDING_COMMITTEE = (
        "na_standing_committee",
        "Ủy ban Thường vụ Quốc hội",
        "Standing Committee of the National Assembly",
    )
    GOVERNMENT = ("government", "Chính phủ", "Government")
    PRIME_MINISTER = ("prime_minister", "Thủ tướng Chính phủ", "Prime Minister")
    MINISTRY_OF_PUBLIC_SECURITY = (
        "ministry_of_public_security",
        "Bộ Công an",
        "Ministry of Public Security",
    )
    #: Numbers ending in "-BCA-V05": issued by the Ministry, drafted by its V05 department.
    MPS_V05 = (
        "mps_v05",
        "Bộ Công an (Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc, V05)",
        "Ministry of Public Security (Department for Building the Movement, V05)",
    )
    MINISTRY_OF_HOME_AFFAIRS = ("ministry_of_home_affairs", "Bộ Nội vụ", "Ministry of Home Affairs")
    MINISTRY_OF_CULTURE = (
        "ministry_of_culture",
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Ministry of Culture, Sports and Tourism",
    )
    MINISTRY_OF_AGRICULTURE = (
        "ministry_of_agriculture",
        "Bộ Nông nghiệp và Phát triển nông thôn",
        "Ministry of Agriculture and Rural Development",
    )
    SUPREME_PROCURACY = (
        "supreme_procuracy",
        "Viện kiểm sát nhân dân tối cao",
        "Supreme People's Procuracy",
    )
    JOINT = ("joint", "liên tịch nhiều cơ quan", "several bodies jointly")
    PARTY_SECRETARIAT = ("party_secretariat", "Ban Bí thư", "Party Secretariat")
    POLITBURO = ("politburo", "Bộ Chính trị", "Politburo")
    PARTY_CENTRAL = (
        "party_central",
        "cơ quan Trung ương Đảng (chưa xác định)",
        "central Party body (not identified)",
    )
    # Local bodies: their numbers repeat from place to place, so an instrument of one
    # of them names its locality (see Instrument.locality).
    PROVINCIAL_PEOPLES_COMMITTEE = (
        "provincial_peoples_committee",
        "Ủy ban nhân dân cấp tỉnh",
        "provincial People's Committee",
    )
    DISTRICT_PEOPLES_COMMITTEE = (
        "district_peoples_committee",
        "Ủy ban nhân dân cấp huyện",
        "district People's Committee",
    )
    LOCAL_STEERING_COMMITTEE = (
        "local_steering_committee",
        "Ban Chỉ đạo phong trào toàn dân bảo vệ an ninh Tổ quốc ở địa phương",
        "local steering committee of the all-people movement",
    )

    @property
    def local(self) -> bool:
        """Whether the body is a local one, whose instruments need a locality."""
        return self in _LOCAL_ISSUERS


_LOCAL_ISSUERS: Final[frozenset[Issuer]] = frozenset(
    {
        Issuer.PROVINCIAL_PEOPLES_COMMITTEE,
        Issuer.DISTRICT_PEOPLES_COMMITTEE,
        Issuer.LOCAL_STEERING_COMMITTEE,
    }
)

# The type marker that the official number of each kind carries, where it has one.
_KIND_MARKERS: Final[Mapping[InstrumentKind, re.Pattern[str]]] = MappingProxyType(
    {
        InstrumentKind.LAW: re.compile(r"/QH\d+$"),
        InstrumentKind.RESOLUTION: re.compile(r"/QH\d+$|/NQ-"),
        InstrumentKind.DECREE: re.compile(r"/NĐ-"),
        InstrumentKind.DECISION: re.compile(r"/QĐ-"),
        InstrumentKind.CIRCULAR: re.compile(r"/TT-"),
        InstrumentKind.JOINT_CIRCULAR: re.compile(r"/TTLT-"),
        InstrumentKind.CONSOLIDATED_TEXT: re.compile(r"/VBHN-"),
        InstrumentKind.GUIDANCE: re.compile(r"/HD-"),
        InstrumentKind.DIRECTIVE: re.compile(r"[/-]CT[-/]"),
        InstrumentKind.CONCLUSION: re.compile(r"-KL/"),
        InstrumentKind.SUBMISSION: re.compile(r"/TTr-"),
    }
)

_NUMBER_SHAPE: Final = re.compile(r"\d+[-/]\S+")


def _freeze_points(points: Mapping[int, Iterable[str]]) -> Mapping[int, tuple[str, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in points.items()})


@attrs.frozen(kw_only=True)
class ArticleShape:
    """What is known of one article (Điều): its clauses (khoản) and their points (điểm).

    ``clauses`` is the number of clauses, or ``None`` if unknown. ``points`` maps a
    clause to all its point letters, for the clauses whose points are known; a clause
    missing from ``points`` has unknown points (any letter is accepted, unverified).

    >>> ArticleShape(clauses=2, points={1: ("a", "b")}).points[1]
    ('a', 'b')
    """

    clauses: int | None = None
    points: Mapping[int, tuple[str, ...]] = attrs.field(factory=dict, converter=_freeze_points)

    def __attrs_post_init__(self) -> None:
        if self.clauses is not None and (
            not isinstance(self.clauses, int) or isinstance(self.clauses, bool) or self.clauses < 1
        ):
            raise DefinitionError(f"clause count must be an integer >= 1, got {self.clauses!r}")
        for clause, letters in self.points.items():
            if not isinstance(clause, int) or isinstance(clause, bool) or clause < 1:
                raise DefinitionError(f"points: clause must be an integer >= 1, got {clause!r}")
            if self.clauses is not None and clause > self.clauses:
                raise DefinitionError(
                    f"points: khoản {clause} is beyond the {self.clauses} clauses of the article"
                )
            expected = POINT_LETTERS[: len(letters)]
            if not letters or letters != expected:
                raise DefinitionError(
                    f"points of khoản {clause} must be the letters {', '.join(expected) or 'a, ...'}"
                    f" in order (Vietnamese order, no f/j/w/z), got {', '.join(letters) or 'none'}"
                )


def _freeze_articles(
    articles: Mapping[int, ArticleShape] | None,
) -> Mapping[int, ArticleShape] | None:
    return None if articles is None else MappingProxyType(dict(articles))


def _tuple_of_str(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


#: Field names that ``Instrument.unconfirmed`` may list.
UNCONFIRMABLE_FIELDS: Final[frozenset[str]] = frozenset(
    {
        "number",
        "kind",
        "issuer",
        "title_vi",
        "title_en",
        "signed",
        "effective",
        "amends",
        "repeals",
        "articles",
        "article_count",
    }
)


@attrs.frozen(kw_only=True)
class Instrument(JsonForm):
    """One legal or administrative instrument (văn bản) that antq can cite.

    ``signed`` is the date the instrument bears (for a law or National Assembly
    resolution, the day it was passed). ``amends`` and ``repeals`` hold the registry
    keys (:attr:`key`: the number, plus the locality of a local instrument) of
    instruments it amends or repeals/replaces. ``articles`` maps an article to its
    known :class:`ArticleShape` (``None``: nothing known); ``article_count`` is the
    number of articles if known. With ``article_count`` set, articles beyond it do not
    exist; articles not in ``articles`` are accepted but unverified.
    """

    number: str
    kind: InstrumentKind
    issuer: Issuer
    title_vi: str
    title_en: str
    signed: date | None
    effective: date | None
    amends: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    repeals: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    articles: Mapping[int, ArticleShape] | None = attrs.field(
        default=None, converter=_freeze_articles
    )
    article_count: int | None = None
    confirmation: Confirmation
    unconfirmed: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    note: str = ""
    #: The place of a local issuer ("Bắc Ninh"; "Mường Chà, Điện Biên"), None for a
    #: national one. Local numbers such as 514/QĐ-UBND repeat from province to province,
    #: so the locality is part of the registry key: "514/QĐ-UBND (Bắc Ninh)".
    locality: str | None = None

    def __attrs_post_init__(self) -> None:
        where = f"instrument {self.number!r}"
        for field_name, expected in (
            ("kind", InstrumentKind),
            ("issuer", Issuer),
            ("confirmation", Confirmation),
        ):
            if not isinstance(getattr(self, field_name), expected):
                raise DefinitionError(f"{where}: {field_name} must be of type {expected.__name__}")
        if not isinstance(self.number, str) or not _NUMBER_SHAPE.fullmatch(self.number):
            raise DefinitionError(
                f"{where}: number must look like '124/2021/TT-BCA' (digits, then / or -)"
            )
        marker = _KIND_MARKERS.get(self.kind)
        if marker is not None and not marker.search(self.number):
            raise DefinitionError(
                f"{where}: the number does not carry the marker of a {self.kind.label_en}"
                f" ({self.kind.title_vi})"
            )
        if not self.title_vi.strip() or not self.title_en.strip():
            raise DefinitionError(f"{where}: title_vi and title_en must not be empty")
        self._check_locality(where)
        if self.signed is not None and self.effective is not None and self.effective < self.signed:
            raise DefinitionError(
                f"{where}: effective date {self.effective.isoformat()} is before the signing"
                f" date {self.signed.isoformat()}"
            )
        for field_name in ("amends", "repeals"):
            targets: tuple[str, ...] = getattr(self, field_name)
            if self.key in targets:
                raise DefinitionError(f"{where}: {field_name} names the instrument itself")
            if len(set(targets)) != len(targets):
                raise DefinitionError(f"{where}: {field_name} lists a number twice")
        self._check_structure(where)
        self._check_confirmation(where)

    def _check_locality(self, where: str) -> None:
        locality = self.locality
        if locality is not None and (
            not isinstance(locality, str)
            or not locality.strip()
            or locality != locality.strip()
            or any(ch in locality for ch in "()")
        ):
            raise DefinitionError(
                f"{where}: locality must be a place name without brackets or outer spaces,"
                f" got {locality!r}"
            )
        if self.issuer.local and locality is None:
            raise DefinitionError(
                f"{where}: an instrument of a {self.issuer.label_en} needs its locality,"
                " because local numbers repeat from place to place"
            )
        if not self.issuer.local and locality is not None:
            raise DefinitionError(
                f"{where}: only an instrument of a local body has a locality"
                f" ({self.issuer.label_en} is national)"
            )

    def _check_structure(self, where: str) -> None:
        count = self.article_count
        if count is not None and (
            not isinstance(count, int) or isinstance(count, bool) or count < 1
        ):
            raise DefinitionError(f"{where}: article_count must be an integer >= 1, got {count!r}")
        for article, shape in (self.articles or {}).items():
            if not isinstance(article, int) or isinstance(article, bool) or article < 1:
                raise DefinitionError(f"{where}: article numbers must be integers >= 1")
            if count is not None and article > count:
                raise DefinitionError(f"{where}: Điều {article} is beyond article_count {count}")
            if not isinstance(shape, ArticleShape):
                raise DefinitionError(f"{where}: Điều {article} must map to an ArticleShape")

    def _check_confirmation(self, where: str) -> None:
        unknown = [name for name in self.unconfirmed if name not in UNCONFIRMABLE_FIELDS]
        if unknown:
            allowed = ", ".join(sorted(UNCONFIRMABLE_FIELDS))
            raise DefinitionError(
                f"{where}: unconfirmed lists unknown field(s) {', '.join(unknown)};"
                f" expected some of: {allowed}"
            )
        if len(set(self.unconfirmed)) != len(self.unconfirmed):
            raise DefinitionError(f"{where}: unconfirmed lists a field twice")
        for date_field in ("signed", "effective"):
            if getattr(self, date_field) is None and date_field not in self.unconfirmed:
                raise DefinitionError(
                    f"{where}: {date_field} is missing, so it must be listed in unconfirmed"
                )
        if self.confirmation is Confirmation.CONFIRMED and self.unconfirmed:
            raise DefinitionError(
                f"{where}: CONFIRMED but lists unconfirmed fields {', '.join(self.unconfirmed)};"
                " use PARTIAL"
            )
        if (
            self.confirmation is Confirmation.UNCONFIRMED
            and not self.unconfirmed
            and not self.note.strip()
        ):
            raise DefinitionError(
                f"{where}: UNCONFIRMED must list its unconfirmed fields or explain in note"
            )

    @property
    def key(self) -> str:
        """The registry key: the number, followed by the locality of a local instrument.

        >>> Instrument(
        ...     number="514/QĐ-UBND",
        ...     kind=InstrumentKind.DECISION,
        ...     issuer=Issuer.PROVINCIAL_PEOPLES_COMMITTEE,
        ...     locality="Bắc Ninh",
        ...     title_vi="Quy định về phong trào",
        ...     title_en="Provincial rules on the movement",
        ...     signed=date(2023, 4, 26),
        ...     effective=None,
        ...     unconfirmed=("effective",),
        ...     confirmation=Confirmation.PARTIAL,
        ... ).key
        '514/QĐ-UBND (Bắc Ninh)'
        """
        return self.number if self.locality is None else f"{self.number} ({self.locality})"

    def name(self, lang: Lang = "vi") -> str:
        """The short name: ``"Thông tư 124/2021/TT-BCA"`` / ``"Circular 124/2021/TT-BCA"``.

        A local instrument adds its locality: ``"Quyết định 514/QĐ-UBND (Bắc Ninh)"``.
        """
        return f"{self.kind.title(lang)} {self.key}"

    def title(self, lang: Lang = "vi") -> str:
        """The (paraphrased) subject title in ``lang``."""
        return self.title_vi if lang == "vi" else self.title_en

    @property
    def structure_known(self) -> bool:
        """True when every article is known, so a citation can be fully checked."""
        return (
            self.article_count is not None
            and self.articles is not None
            and set(self.articles) == set(range(1, self.article_count + 1))
        )

    def is_unconfirmed(self, field_name: str) -> bool:
        """True if ``field_name`` is listed as unconfirmed or missing."""
        return field_name in self.unconfirmed


def _instrument_json(instrument: Instrument) -> dict[str, object]:
    """The instrument as JSON data (``GET /instruments`` of ``antq serve``).

    >>> from antq.law.registry import get_instrument
    >>> data = get_instrument("124/2021/TT-BCA").to_json()
    >>> data["key"], data["kind"], data["effective"]
    ('124/2021/TT-BCA', 'circular', '2022-02-10')
    """
    return {
        "key": instrument.key,
        "number": instrument.number,
        "locality": instrument.locality,
        "kind": instrument.kind.code,
        "issuer": instrument.issuer.code,
        "name": {"vi": instrument.name("vi"), "en": instrument.name("en")},
        "title": {"vi": instrument.title_vi, "en": instrument.title_en},
        "signed": instrument.signed.isoformat() if instrument.signed else None,
        "effective": instrument.effective.isoformat() if instrument.effective else None,
        "amends": list(instrument.amends),
        "repeals": list(instrument.repeals),
        "article_count": instrument.article_count,
        "confirmation": instrument.confirmation.code,
        "unconfirmed": list(instrument.unconfirmed),
        "note": instrument.note,
    }


json_view(Instrument, _instrument_json)
