"""Tests of antq.law: the instruments registry and typed citations."""

from __future__ import annotations

import importlib
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.errors import CitationError, DefinitionError, InputError
from antq.law import (
    INSTRUMENTS,
    POINT_LETTERS,
    ArticleShape,
    Citation,
    Instrument,
    InstrumentKind,
    Issuer,
    all_instruments,
    amended_by,
    build_registry,
    canonical_number,
    cite,
    get_instrument,
    in_force_on,
    repealed_by,
)
from antq.law.confirmation import Confirmation

TT124 = "124/2021/TT-BCA"
TT23 = "23/2012/TT-BCA"
TT48 = "48/2025/TT-BCA"
ONE_DAY = timedelta(days=1)


def d(text: str) -> date:
    """Date from dd/mm/yyyy, the way the instruments write it."""
    day, month, year = (int(part) for part in text.split("/"))
    return date(year, month, day)


def make(**overrides: Any) -> Instrument:
    """A valid instrument, with some fields replaced."""
    fields: dict[str, Any] = {
        "number": "1/2020/TT-BCA",
        "kind": InstrumentKind.CIRCULAR,
        "issuer": Issuer.MINISTRY_OF_PUBLIC_SECURITY,
        "title_vi": "Thử",
        "title_en": "Test",
        "signed": d("01/01/2020"),
        "effective": d("15/02/2020"),
        "confirmation": Confirmation.CONFIRMED,
    }
    fields.update(overrides)
    return Instrument(**fields)


# --- citations fail at definition time ----------------------------------------------------


def test_unknown_instrument_fails_with_suggestion() -> None:
    with pytest.raises(
        CitationError, match=r"unknown instrument '124/2012/TT-BCA'.*124/2021/TT-BCA"
    ):
        cite("124/2012/TT-BCA")


def test_unknown_instrument_without_any_close_match() -> None:
    with pytest.raises(CitationError, match=r"unknown instrument 'nonsense'$"):
        cite("nonsense")


@pytest.mark.parametrize(
    ("article", "clause", "point", "message"),
    [
        (
            13,
            None,
            None,
            r"Điều 13 does not exist in Thông tư 124/2021/TT-BCA \(it has 12 articles\)",
        ),
        (0, None, None, r"Điều 0 .* start at 1"),
        (-1, None, None, r"start at 1"),
        (5, 5, None, r"khoản 5 of Điều 5 .* has 4 clauses"),
        (4, 6, None, r"khoản 6 of Điều 4 .* has 5 clauses"),
        (4, 0, None, r"khoản 0 .* start at 1"),
        (4, 3, "h", r"điểm h of khoản 3 Điều 4 .* points a, b, c, d, đ, e, g\)"),
        (6, 3, "i", r"điểm i of khoản 3 Điều 6 .* points a, b, c, d, đ, e, g, h\)"),
        (9, 2, "c", r"điểm c of khoản 2 Điều 9"),
        (4, 3, "f", r"'f' .* not a Vietnamese point letter"),
        (4, 3, "j", r"not a Vietnamese point letter"),
        (4, 3, "w", r"not a Vietnamese point letter"),
        (4, 3, "z", r"not a Vietnamese point letter"),
        (5, 1, "ab", r"not a Vietnamese point letter"),
        (None, 1, None, r"khoản 1 cited without an article"),
        (4, None, "a", r"điểm a cited without a clause"),
    ],
)
def test_bad_provisions_fail_at_definition(
    article: int | None, clause: int | None, point: str | None, message: str
) -> None:
    with pytest.raises(CitationError, match=message):
        Citation(instrument=TT124, article=article, clause=clause, point=point)


@pytest.mark.parametrize(
    ("field", "value"), [("article", True), ("article", "5"), ("clause", 1.0), ("point", 3)]
)
def test_wrong_types_fail_at_definition(field: str, value: Any) -> None:
    kwargs: dict[str, Any] = {"instrument": TT124, "article": 4, "clause": 3, "point": "a"}
    kwargs[field] = value
    with pytest.raises(CitationError, match=field):
        Citation(**kwargs)


@pytest.mark.parametrize(
    ("citation", "message"),
    [
        ('cite("124/2021/TT-BCA", 13)', "Điều 13 does not exist"),
        ('cite("999/2021/TT-BCA", 4)', "unknown instrument"),
    ],
)
def test_a_rule_module_citing_a_missing_provision_fails_to_import(
    citation: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Definition time" for antq's rules is when their module is imported.
    (tmp_path / "province_rules.py").write_text(
        "from antq import Criterion, CriterionKind, Text, cite\n"
        "from antq.core import finding\n"
        "from antq.core.outcome import Outcome\n"
        "RULE = Criterion(\n"
        '    id="province.rule",\n'
        '    title=Text(vi="Quy tắc", en="Rule"),\n'
        f"    citation={citation},\n"
        "    kind=CriterionKind.BOOLEAN,\n"
        "    inputs=(),\n"
        '    check=lambda context: finding(Outcome.MET, Text(vi="đạt", en="met")),\n'
        ")\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(CitationError, match=message):
        importlib.import_module("province_rules")


def test_citation_error_is_a_definition_error() -> None:
    with pytest.raises(DefinitionError):
        cite(TT124, 99)


def test_point_letters_are_vietnamese() -> None:
    assert len(POINT_LETTERS) == 23
    assert not {"f", "j", "w", "z"} & set(POINT_LETTERS)
    assert POINT_LETTERS.index("đ") == POINT_LETTERS.index("d") + 1
    assert POINT_LETTERS[:7] == ("a", "b", "c", "d", "đ", "e", "g")


# --- rendering -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("citation", "vi", "en"),
    [
        (
            cite(TT124, 5, 4),
            "Điều 5 khoản 4 Thông tư 124/2021/TT-BCA",
            "Article 5(4), Circular 124/2021/TT-BCA",
        ),
        (
            cite(TT124, 6, 3, "đ"),
            "Điều 6 khoản 3 điểm đ Thông tư 124/2021/TT-BCA",
            "Article 6(3)(đ), Circular 124/2021/TT-BCA",
        ),
        (cite(TT124, 8), "Điều 8 Thông tư 124/2021/TT-BCA", "Article 8, Circular 124/2021/TT-BCA"),
        (cite(TT124), "Thông tư 124/2021/TT-BCA", "Circular 124/2021/TT-BCA"),
        (
            cite("06/2022/QH15", 80, 3),
            "Điều 80 khoản 3 Luật 06/2022/QH15",
            "Article 80(3), Law 06/2022/QH15",
        ),
        (cite("01/HD-BCA-V05"), "Hướng dẫn 01/HD-BCA-V05", "Guidance 01/HD-BCA-V05"),
        (
            cite("40/2024/NĐ-CP", 3),
            "Điều 3 Nghị định 40/2024/NĐ-CP",
            "Article 3, Decree 40/2024/NĐ-CP",
        ),
        (cite("510/QĐ-BCA-V05"), "Quyết định 510/QĐ-BCA-V05", "Decision 510/QĐ-BCA-V05"),
        (cite("3371/BCA-V05"), "Công văn 3371/BCA-V05", "Official Letter 3371/BCA-V05"),
    ],
)
def test_render(citation: Citation, vi: str, en: str) -> None:
    assert citation.render("vi") == vi
    assert citation.render("en") == en
    assert str(citation) == vi


@pytest.mark.parametrize(
    ("number", "vi", "en"),
    [
        (TT124, "Thông tư 124/2021/TT-BCA", "Circular 124/2021/TT-BCA"),
        ("06/2022/QH15", "Luật 06/2022/QH15", "Law 06/2022/QH15"),
        ("01/HD-BCA-V05", "Hướng dẫn 01/HD-BCA-V05", "Guidance 01/HD-BCA-V05"),
        ("202/2025/QH15", "Nghị quyết 202/2025/QH15", "Resolution 202/2025/QH15"),
        ("09-CT/TW", "Chỉ thị 09-CT/TW", "Directive 09-CT/TW"),
        ("44-KL/TW", "Kết luận 44-KL/TW", "Conclusion 44-KL/TW"),
    ],
)
def test_instrument_name(number: str, vi: str, en: str) -> None:
    inst = get_instrument(number)
    assert inst.name("vi") == vi
    assert inst.name("en") == en


def test_kind_titles() -> None:
    assert InstrumentKind.CIRCULAR.title_vi == "Thông tư"
    assert InstrumentKind.CIRCULAR.title_en == "Circular"
    assert InstrumentKind.DECREE.title("vi") == "Nghị định"
    assert InstrumentKind.OFFICIAL_LETTER.title("en") == "Official Letter"


# --- dict round trip -----------------------------------------------------------------------


def test_to_dict_omits_none() -> None:
    assert cite(TT124, 8).to_dict() == {"instrument": TT124, "article": 8}
    assert cite(TT124).to_dict() == {"instrument": TT124}


@pytest.mark.parametrize(
    "citation", [cite(TT124), cite(TT124, 8), cite(TT124, 5, 4), cite(TT124, 6, 3, "đ")]
)
def test_dict_round_trip(citation: Citation) -> None:
    assert Citation.from_dict(citation.to_dict()) == citation


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"instrument": 124}, "citation.instrument"),
        ({"article": 1}, "citation.instrument"),
        ({"instrument": TT124, "article": "5"}, "citation.article"),
        ({"instrument": TT124, "article": True}, "citation.article"),
        ({"instrument": TT124, "article": 5, "clause": 4.0}, "citation.clause"),
        ({"instrument": TT124, "article": 6, "clause": 3, "point": 1}, "citation.point"),
        ({"instrument": TT124, "paragraph": 2}, "citation.paragraph"),
    ],
)
def test_from_dict_wrong_types_name_the_key(data: dict[str, Any], path: str) -> None:
    with pytest.raises(InputError) as info:
        Citation.from_dict(data)
    assert info.value.path == path


def test_from_dict_not_a_mapping() -> None:
    with pytest.raises(InputError, match="must be an object"):
        Citation.from_dict([TT124])  # type: ignore[arg-type]


def test_from_dict_well_typed_but_unknown_is_citation_error() -> None:
    with pytest.raises(CitationError):
        Citation.from_dict({"instrument": TT124, "article": 13})


def test_number_is_canonicalised() -> None:
    assert cite("40/2024/nd-cp").instrument == "40/2024/NĐ-CP"
    assert cite(" 124/2021/tt-bca ", 4, 3, "Đ").to_dict() == {
        "instrument": TT124,
        "article": 4,
        "clause": 3,
        "point": "đ",
    }
    assert canonical_number("no-such") is None


# --- properties ----------------------------------------------------------------------------


def test_confirmation_and_verified() -> None:
    assert cite(TT124, 4, 3, "a").confirmation is Confirmation.CONFIRMED
    assert cite(TT48).confirmation is Confirmation.PARTIAL
    assert cite(TT124, 4, 3, "a").verified
    assert cite(TT124, 12).verified
    assert not cite(TT124, 12, 3).verified  # Điều 12: clause count unknown
    assert not cite(TT124, 5, 1, "a").verified  # points of Điều 5 k1 unknown
    assert not cite(TT48, 1).verified  # structure unknown: accepted, unverified
    assert cite("06/2022/QH15", 80).verified  # mentioned in the spec
    assert not cite("06/2022/QH15", 81).verified


def test_unknown_structure_accepts_any_article() -> None:
    assert get_instrument(TT48).articles is None
    assert cite(TT48, 250, 7, "y").render("en") == "Article 250(7)(y), Circular 48/2025/TT-BCA"


def test_tt23_structure_is_conservative() -> None:
    tt23 = get_instrument(TT23)
    assert tt23.article_count is None
    assert set(tt23.articles or {}) == {1, 2, 3, 5, 6, 7, 8, 9}
    cite(TT23, 4)  # not mentioned, but not excluded
    cite(TT23, 9, 2)
    assert not cite(TT23, 9, 2).verified


# --- parsing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Điều 6 khoản 3 điểm đ Thông tư 124/2021/TT-BCA", cite(TT124, 6, 3, "đ")),
        ("điểm đ khoản 3 Điều 6 Thông tư 124/2021/TT-BCA", cite(TT124, 6, 3, "đ")),
        ("Điều 5, khoản 4, Thông tư 124/2021/TT-BCA", cite(TT124, 5, 4)),
        ("khoản 4 Điều 5 124/2021/TT-BCA", cite(TT124, 5, 4)),
        ("Điều 8 Thông tư 124/2021/TT-BCA", cite(TT124, 8)),
        ("Thông tư 124/2021/TT-BCA", cite(TT124)),
        ("Thông tư số 124/2021/TT-BCA", cite(TT124)),
        ("124/2021/TT-BCA 6(3)(đ)", cite(TT124, 6, 3, "đ")),
        ("124/2021/TT-BCA 5(4)", cite(TT124, 5, 4)),
        ("124/2021/TT-BCA 8", cite(TT124, 8)),
        ("124/2021/TT-BCA", cite(TT124)),
        ("Article 6(3)(đ), Circular 124/2021/TT-BCA", cite(TT124, 6, 3, "đ")),
        ("Article 80(3), Law 06/2022/QH15", cite("06/2022/QH15", 80, 3)),
        ("Hướng dẫn 01/HD-BCA-V05", cite("01/HD-BCA-V05")),
        ("  ĐIỀU 9 KHOẢN 1 ĐIỂM A thông tư 124/2021/tt-bca ", cite(TT124, 9, 1, "a")),
    ],
)
def test_parse(text: str, expected: Citation) -> None:
    assert Citation.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["", "Điều sáu Thông tư", "Article 5", "124/2021/TT-BCA 6(3)(", "see the circular"]
)
def test_parse_unreadable_is_input_error(text: str) -> None:
    with pytest.raises(InputError):
        Citation.parse(text)


def test_parse_checks_kind_and_provision() -> None:
    with pytest.raises(CitationError, match="Nghị định"):
        Citation.parse("Nghị định 124/2021/TT-BCA")
    with pytest.raises(CitationError, match="Điều 13"):
        Citation.parse("124/2021/TT-BCA 13")
    with pytest.raises(CitationError, match="did you mean"):
        Citation.parse("Thông tư 124/2012/TT-BCA")


# --- instruments: definition-time validation -----------------------------------------------


def test_valid_instrument() -> None:
    inst = make()
    assert inst.name("en") == "Circular 1/2020/TT-BCA"


def test_effective_before_signed_fails() -> None:
    with pytest.raises(DefinitionError, match="before the signing date"):
        make(signed=d("01/03/2020"), effective=d("01/02/2020"))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"signed": None}, "signed is missing"),
        ({"effective": None, "confirmation": Confirmation.PARTIAL}, "effective is missing"),
        ({"unconfirmed": ("effective",)}, "CONFIRMED but lists"),
        ({"unconfirmed": ("efective",), "confirmation": Confirmation.PARTIAL}, "unknown field"),
        ({"confirmation": Confirmation.UNCONFIRMED}, "UNCONFIRMED must list"),
        ({"number": "TT 1/2020"}, "number must look like"),
        ({"kind": "circular"}, "kind must be of type InstrumentKind"),
        ({"number": "1/2020/NĐ-CP"}, "marker of a circular"),
        ({"kind": InstrumentKind.LAW}, "marker of a law"),
        ({"title_en": " "}, "must not be empty"),
        ({"repeals": ("1/2020/TT-BCA",)}, "names the instrument itself"),
        ({"amends": ("2/2020/TT-BCA", "2/2020/TT-BCA")}, "twice"),
        ({"article_count": 0}, "article_count"),
        ({"article_count": 3, "articles": {4: ArticleShape()}}, "beyond article_count 3"),
        ({"articles": {0: ArticleShape()}}, "integers >= 1"),
    ],
)
def test_bad_instruments_fail(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        make(**overrides)


def test_unconfirmed_with_note_is_allowed() -> None:
    inst = make(confirmation=Confirmation.UNCONFIRMED, note="Known from background only.")
    assert inst.unconfirmed == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"clauses": 0}, "clause count"),
        ({"clauses": 2, "points": {3: ("a",)}}, "beyond the 2 clauses"),
        ({"points": {1: ("a", "c")}}, "in order"),
        ({"points": {1: ("a", "b", "c", "d", "e")}}, "in order"),  # đ skipped
        ({"points": {1: ("a", "b", "c", "d", "đ", "e", "f")}}, "in order"),
        ({"points": {1: ()}}, "in order"),
        ({"points": {0: ("a",)}}, "clause must be"),
    ],
)
def test_bad_article_shapes_fail(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        ArticleShape(**kwargs)


def test_instrument_mappings_are_read_only() -> None:
    tt124 = get_instrument(TT124)
    assert tt124.articles is not None
    with pytest.raises(TypeError):
        tt124.articles[13] = ArticleShape()  # type: ignore[index]
    with pytest.raises(TypeError):
        tt124.articles[4].points[3] = ("a",)  # type: ignore[index]
    with pytest.raises(TypeError):
        INSTRUMENTS["x"] = tt124  # type: ignore[index]


# --- registry integrity --------------------------------------------------------------------


def test_every_link_target_exists() -> None:
    for inst in all_instruments():
        for target in (*inst.amends, *inst.repeals):
            assert target in INSTRUMENTS, (inst.number, target)


def test_unconfirmed_instruments_say_what_is_unconfirmed() -> None:
    for inst in all_instruments():
        if inst.confirmation is Confirmation.UNCONFIRMED:
            assert inst.unconfirmed or inst.note.strip(), inst.number
        if inst.confirmation is Confirmation.CONFIRMED:
            assert inst.unconfirmed == (), inst.number
        for field in ("signed", "effective"):
            if getattr(inst, field) is None:
                assert field in inst.unconfirmed, (inst.number, field)


def test_registry_keys_are_numbers_plus_the_locality_of_local_instruments() -> None:
    for key, inst in INSTRUMENTS.items():
        assert key == inst.key
        if inst.locality is None:
            assert key == inst.number and not inst.issuer.local
        else:
            assert key == f"{inst.number} ({inst.locality})" and inst.issuer.local
    assert len(all_instruments()) == len(INSTRUMENTS)


#: Every numbered national instrument that the specification (safe-standard.md,
#: emulation-awards.md, entities.md, prior-art.md) names, by the number it gives.
SPEC_NATIONAL_NUMBERS = (
    # addendum-2026-12.md §8.1: the law on emulation before 2014 and its decrees
    "15/2003/QH11",
    "47/2005/QH11",
    "32/2009/QH12",
    "39/2013/QH13",
    "121/2005/NĐ-CP",
    "42/2010/NĐ-CP",
    "39/2012/NĐ-CP",
    "105/2025/NĐ-CP",
    "01/2005/TTLT-VKSTC-TATC-BCA-BQP",
    "01/2024/TT-BNV",
    "01/2026/QĐ-TTg",
    "01/HD-BCA-V05",
    "01/VBHN-BCA",
    "02/2024/TT-VKSTC",
    "02/2025/NĐ-CP",
    "04/2012/TT-BNV",
    "04/2022/QĐ-TTg",
    "04/2024/TT-BCA",
    "04/HD-BCA-V05",
    "05/2022/TT-BNV",
    "06/2014/NĐ-CP",
    "06/2022/QH15",
    "06/2026/QH16",
    "06/CT-BCA-V05",
    "09-CT/TW",
    "09/2017/TT-BNV",
    "09/2024/TT-BCA",
    "11/2021/TT-BCA",
    "12/2010/TT-BCA",
    "12/2019/TT-BCA",
    "12/HD-BCA-V05",
    "124/2021/TT-BCA",
    "132-KL/TW",
    "139/QĐ-VKSTC",
    "14/2018/TT-BNV",
    "14/2024/TT-BCA",
    "142/2020/TT-BCA",
    "15/2014/NĐ-CP",
    "15/2025/TT-BNV",
    "152/2025/NĐ-CP",
    "163-KL/TW",
    "163/2024/QH15",
    "1624/BVHTTDL-VHCS",
    "1656/NQ-UBTVQH15",
    "17/2015/TT-BCA",
    "186-KL/TW",
    "20/2025/TT-BCA",
    "202/2025/QH15",
    "203/2025/QH15",
    "210-KL/TW",
    "22/2025/TT-BCA",
    "22/HD-BCA-V05",
    "23/2012/TT-BCA",
    "268/NQ-CP",
    "27/2001/QH10",
    "28/2025/QĐ-TTg",
    "30/2020/NĐ-CP",
    "30/2023/QH15",
    "318/QĐ-TTg",
    "3371/BCA-V05",
    "35/2013/QH13",
    "35/2015/TT-BCA",
    "35/2016/TT-BNNPTNT",
    "37/2012/QH13",
    "38/2006/NĐ-CP",
    "40/2013/QH13",
    "40/2014/TT-BCA",
    "40/2024/NĐ-CP",
    "44-KL/TW",
    "47/TTr-V05-P2",
    "48/2019/QH14",
    "48/2025/TT-BCA",
    "510/QĐ-BCA-V05",
    "521/QĐ-TTg",
    "55/2024/QH15",
    "65/2014/NĐ-CP",
    "72/2025/QH15",
    "73/2009/NĐ-CP",
    "73/2021/QH14",
    "79/2014/NĐ-CP",
    "80/2021/NĐ-CP",
    "9033/QĐ-BCA",
    "91/2017/NĐ-CP",
    "926/QĐ-TTg",
    "96/2019/QH14",
    "9745/QĐ-BCA-V05",
    "98/2023/NĐ-CP",
)

#: Numbers the specification itself marks UNCONFIRMED (entities.md §1.5, §1.6, §2.4,
#: §4.2, §4.3 and its open questions).
SPEC_UNCONFIRMED_NUMBERS = (
    "05/2022/TT-BNV",
    "09/2017/TT-BNV",
    "14/2018/TT-BNV",
    "15/2014/NĐ-CP",
    "203/2025/QH15",
    "48/2019/QH14",
)


#: Local instruments the specification names, with their place.
SPEC_LOCAL_KEYS = (
    "1157/QĐ-BCĐ (Bắc Giang)",
    "2083/HD-BCĐ (Lạng Sơn)",
    "252/HD-UBND (Mường Chà, Điện Biên)",
    "362/QĐ-UBND (Thừa Thiên Huế)",
    "4611/QĐ-UBND (Hà Nội)",
    "514/QĐ-UBND (Bắc Ninh)",
    "5881/HD-BCĐ-CAT (Bình Thuận)",
    "732/QĐ-BCĐ (Yên Bái)",
)


def test_the_registry_is_what_the_spec_names() -> None:
    assert set(INSTRUMENTS) == {*SPEC_NATIONAL_NUMBERS, *SPEC_LOCAL_KEYS}


@pytest.mark.parametrize("key", SPEC_LOCAL_KEYS)
def test_local_instruments_are_keyed_with_their_place(key: str) -> None:
    inst = get_instrument(key)
    assert inst.key == key and inst.locality is not None and inst.issuer.local
    assert key.startswith(inst.number + " (")
    assert Citation.parse(cite(key, 2).render("vi")) == cite(key, 2)
    assert Citation.parse(cite(key, 2, 1).render("en")) == cite(key, 2, 1)
    with pytest.raises(CitationError, match=re.escape(repr(key))):
        get_instrument(inst.number)  # a local number alone is ambiguous


def test_local_instrument_renders_with_its_place() -> None:
    citation = cite("514/qd-ubnd (bac ninh)", 3)
    assert citation.instrument == "514/QĐ-UBND (Bắc Ninh)"
    assert citation.render("vi") == "Điều 3 Quyết định 514/QĐ-UBND (Bắc Ninh)"
    assert citation.render("en") == "Article 3, Decision 514/QĐ-UBND (Bắc Ninh)"
    assert citation.to_dict() == {"instrument": "514/QĐ-UBND (Bắc Ninh)", "article": 3}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"issuer": Issuer.PROVINCIAL_PEOPLES_COMMITTEE}, "needs its locality"),
        ({"locality": "Bắc Ninh"}, "only an instrument of a local body"),
        ({"issuer": Issuer.DISTRICT_PEOPLES_COMMITTEE, "locality": " "}, "locality must be"),
        ({"issuer": Issuer.LOCAL_STEERING_COMMITTEE, "locality": "A (B)"}, "locality must be"),
    ],
)
def test_locality_goes_with_a_local_issuer(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        make(**overrides)


def test_same_local_number_in_two_places_is_two_instruments() -> None:
    bac_ninh = make(
        number="514/QĐ-UBND",
        kind=InstrumentKind.DECISION,
        issuer=Issuer.PROVINCIAL_PEOPLES_COMMITTEE,
        locality="Bắc Ninh",
    )
    ha_noi = attrs.evolve(bac_ninh, locality="Hà Nội")
    registry = build_registry([bac_ninh, ha_noi])
    assert set(registry) == {"514/QĐ-UBND (Bắc Ninh)", "514/QĐ-UBND (Hà Nội)"}
    with pytest.raises(DefinitionError, match="registered twice"):
        build_registry([bac_ninh, attrs.evolve(ha_noi, locality="bac ninh")])


@pytest.mark.parametrize("number", SPEC_NATIONAL_NUMBERS)
def test_every_instrument_the_spec_names_is_registered(number: str) -> None:
    inst = get_instrument(number)
    assert inst.number == number
    assert cite(number).render("vi") == inst.name("vi")


@pytest.mark.parametrize("number", SPEC_UNCONFIRMED_NUMBERS)
def test_numbers_the_spec_doubts_are_registered_as_unconfirmed(number: str) -> None:
    inst = get_instrument(number)
    assert inst.confirmation is Confirmation.UNCONFIRMED
    assert inst.is_unconfirmed("number")


def test_alternative_number_does_not_double_the_amendment() -> None:
    # 09/2017 and 14/2018 are two reported numbers of one amendment: only one links to it.
    assert [i.number for i in amended_by("04/2012/TT-BNV")] == ["09/2017/TT-BNV", "05/2022/TT-BNV"]
    assert get_instrument("14/2018/TT-BNV").amends == ()


def test_submission_kind() -> None:
    submission = get_instrument("47/TTr-V05-P2")
    assert submission.kind is InstrumentKind.SUBMISSION
    assert cite("47/TTr-V05-P2").render("en") == "Submission 47/TTr-V05-P2"
    assert Citation.parse("Tờ trình 47/TTr-V05-P2") == cite("47/TTr-V05-P2")
    with pytest.raises(DefinitionError, match="marker"):
        make(number="1/TT-BCA", kind=InstrumentKind.SUBMISSION)


def test_tt124_dates_and_shape() -> None:
    tt124 = get_instrument(TT124)
    assert tt124.signed == d("28/12/2021")
    assert tt124.effective == d("10/02/2022")
    assert tt124.confirmation is Confirmation.CONFIRMED
    assert tt124.article_count == 12
    assert tt124.structure_known
    articles = tt124.articles
    assert articles is not None
    clauses = {n: shape.clauses for n, shape in articles.items()}
    assert clauses == {
        1: 2,
        2: 4,
        3: 3,
        4: 5,
        5: 4,
        6: 5,
        7: 6,
        8: 2,
        9: 2,
        10: 5,
        11: None,
        12: None,
    }
    assert articles[4].points[3] == ("a", "b", "c", "d", "đ", "e", "g")
    assert articles[6].points[3] == ("a", "b", "c", "d", "đ", "e", "g", "h")
    assert articles[9].points == {1: ("a", "b", "c", "d"), 2: ("a", "b")}


def test_tt48_dates_unconfirmed() -> None:
    tt48 = get_instrument(TT48)
    assert tt48.signed is None
    assert tt48.effective is None
    assert set(tt48.unconfirmed) >= {"signed", "effective"}
    assert set(tt48.amends) == {TT124, "09/2024/TT-BCA"}
    assert tt48 in amended_by(TT124)


def test_tt40_2014_real_title() -> None:
    title = get_instrument("40/2014/TT-BCA").title_vi
    assert "thi đua, khen thưởng" in title
    assert "phong trào toàn dân bảo vệ an ninh Tổ quốc" in title


def test_repeal_links() -> None:
    assert repealed_by(TT23) == get_instrument(TT124)
    assert repealed_by(TT124) is None
    replacement = repealed_by("11/2021/TT-BCA")
    assert replacement is not None
    assert replacement.number == "20/2025/TT-BCA"
    assert replacement.is_unconfirmed("repeals")


def test_lookups_raise_citation_error_with_suggestions() -> None:
    with pytest.raises(CitationError, match="did you mean '23/2012/TT-BCA'"):
        repealed_by("23/2021/TT-BCA")
    with pytest.raises(CitationError):
        in_force_on("nope", d("01/01/2022"))


# --- in force ------------------------------------------------------------------------------


def test_in_force_boundaries_tt23_tt124() -> None:
    assert in_force_on(TT23, d("09/02/2022")) is True
    assert in_force_on(TT23, d("10/02/2022")) is False
    assert in_force_on(TT124, d("09/02/2022")) is False
    assert in_force_on(TT124, d("10/02/2022")) is True
    assert in_force_on(TT23, d("18/06/2012")) is True
    assert in_force_on(TT23, d("17/06/2012")) is False


def test_in_force_strict_refuses_unconfirmed_dates() -> None:
    # TT 23's effective date comes from database metadata only (S15).
    assert in_force_on(TT23, d("01/01/2015"), strict=True) is None
    assert in_force_on(TT124, d("01/01/2023"), strict=True) is True
    # TT 20/2025 replacing TT 11/2021 is unconfirmed as a formal repeal.
    assert in_force_on("11/2021/TT-BCA", d("01/05/2025")) is None  # TT 11 effective unknown
    assert in_force_on("98/2023/NĐ-CP", d("01/07/2025")) is False
    assert in_force_on("98/2023/NĐ-CP", d("01/07/2025"), strict=True) is None
    assert in_force_on("98/2023/NĐ-CP", d("30/06/2025"), strict=True) is True


def test_in_force_missing_dates() -> None:
    assert in_force_on(TT48, d("01/01/2026")) is None
    assert in_force_on("521/QĐ-TTg", d("12/06/2005")) is False  # before it was signed
    assert in_force_on("521/QĐ-TTg", d("19/08/2005")) is None
    # TT 40/2014 is repealed by TT 12/2019, signed 29/05/2019, effective date unknown.
    assert in_force_on("40/2014/TT-BCA", d("09/11/2014")) is False
    assert in_force_on("40/2014/TT-BCA", d("10/11/2014")) is True
    assert in_force_on("40/2014/TT-BCA", d("29/05/2019")) is None


def test_dates_the_addendum_confirms() -> None:
    # addendum-2026-12.md §2.1, §5, §8.1
    for number, signed, effective in (
        ("09/2024/TT-BCA", "13/03/2024", "01/05/2024"),
        ("105/2025/NĐ-CP", "15/05/2025", "01/07/2025"),
        ("55/2024/QH15", "29/11/2024", "01/07/2025"),
        ("15/2003/QH11", "26/11/2003", "01/07/2004"),
        ("47/2005/QH11", "14/06/2005", "27/06/2005"),
        ("39/2013/QH13", "16/11/2013", "01/06/2014"),
        ("65/2014/NĐ-CP", "01/07/2014", "20/08/2014"),
    ):
        inst = get_instrument(number)
        assert (inst.signed, inst.effective) == (d(signed), d(effective)), number
        assert not inst.is_unconfirmed("number")
    assert get_instrument("09/2024/TT-BCA").confirmation is Confirmation.CONFIRMED
    assert get_instrument("105/2025/NĐ-CP").confirmation is Confirmation.CONFIRMED
    assert get_instrument("12/2019/TT-BCA").signed == d("29/05/2019")
    assert "2026" in get_instrument("01/HD-BCA-V05").note


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
def test_tt23_and_tt124_never_both_in_force(day: date) -> None:
    assert not (in_force_on(TT23, day) and in_force_on(TT124, day))
    if day >= d("18/06/2012"):
        assert in_force_on(TT23, day) is not in_force_on(TT124, day)


# --- build_registry ------------------------------------------------------------------------


def test_build_registry_rejects_dangling_links() -> None:
    with pytest.raises(DefinitionError, match="repeals target '9/2019/TT-BCA' is not registered"):
        build_registry([make(repeals=("9/2019/TT-BCA",))])


def test_build_registry_rejects_duplicates_and_double_repeal() -> None:
    with pytest.raises(DefinitionError, match="registered twice"):
        build_registry([make(), make(title_en="Other")])
    letter = InstrumentKind.OFFICIAL_LETTER  # no type marker in its number
    with pytest.raises(DefinitionError, match="registered twice"):
        build_registry(
            [make(number="1/BCA-V05", kind=letter), make(number="1/bca-v05", kind=letter)]
        )
    old = make(number="1/2010/TT-BCA", signed=d("01/01/2010"), effective=d("01/02/2010"))
    a = make(number="2/2020/TT-BCA", repeals=("1/2010/TT-BCA",))
    b = make(number="3/2020/TT-BCA", repeals=("1/2010/TT-BCA",))
    with pytest.raises(DefinitionError, match="repealed by both"):
        build_registry([old, a, b])


def test_build_registry_rejects_repeal_before_the_repealed() -> None:
    new = make(number="2/2020/TT-BCA", repeals=("1/2030/TT-BCA",))
    old = make(number="1/2030/TT-BCA", signed=d("01/01/2030"), effective=d("01/02/2030"))
    with pytest.raises(DefinitionError, match="not after"):
        build_registry([new, old])


# --- property-based: every provision of TT 124's shape constructs and round-trips ----------


@st.composite
def tt124_provisions(draw: st.DrawFn) -> tuple[int, int | None, str | None]:
    articles = get_instrument(TT124).articles
    assert articles is not None
    article = draw(st.sampled_from(sorted(articles)))
    shape = articles[article]
    upper = shape.clauses if shape.clauses is not None else 30
    clause = draw(st.none() | st.integers(min_value=1, max_value=upper))
    if clause is None:
        return article, None, None
    letters = shape.points.get(clause, POINT_LETTERS)
    point = draw(st.none() | st.sampled_from(letters))
    return article, clause, point


@given(tt124_provisions())
def test_valid_tt124_provisions_round_trip(provision: tuple[int, int | None, str | None]) -> None:
    article, clause, point = provision
    citation = cite(TT124, article, clause, point)
    assert Citation.from_dict(citation.to_dict()) == citation
    assert Citation.parse(citation.render("vi")) == citation
    assert Citation.parse(citation.render("en")) == citation
    assert citation.confirmation is Confirmation.CONFIRMED


@given(st.integers(min_value=13, max_value=10_000) | st.integers(max_value=0))
def test_articles_outside_tt124_fail(article: int) -> None:
    with pytest.raises(CitationError):
        cite(TT124, article)


@given(st.sampled_from(all_instruments()))
def test_every_instrument_renders_and_round_trips(inst: Instrument) -> None:
    citation = cite(inst.key)
    assert citation.render("vi") == inst.name("vi")
    assert Citation.parse(citation.render("vi")) == citation
    assert Citation.parse(citation.render("en")) == citation
    assert Citation.from_dict(citation.to_dict()) == citation
