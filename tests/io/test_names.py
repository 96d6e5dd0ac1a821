"""Vietnamese name matching: Unicode forms, case, diacritics, abbreviations, ambiguity."""

from __future__ import annotations

import pickle
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.errors import InputError
from antq.io.names import (
    AmbiguousName,
    NameIndex,
    bare_key,
    fold,
    name_key,
    names_match,
    spelt_key,
)

BEN_NGHE = "Phường Bến Nghé"


@pytest.mark.parametrize(
    "spelling",
    [
        "Phường Bến Nghé",
        "P. Bến Nghé",
        "P.Bến Nghé",
        "p. bến nghé",
        "phuong ben nghe",
        "PHƯỜNG BẾN NGHÉ",
        "  Phường   Bến\u00a0Nghé ",
        unicodedata.normalize("NFD", "Phường Bến Nghé"),
        unicodedata.normalize("NFD", "P. BẾN NGHÉ"),
    ],
)
def test_spellings_of_one_ward_have_one_key(spelling: str) -> None:
    assert name_key(spelling) == name_key(BEN_NGHE) == "phuong ben nghe"
    assert names_match(spelling, BEN_NGHE)


@pytest.mark.parametrize(
    ("abbreviated", "full"),
    [
        ("TP. Huế", "Thành phố Huế"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("X. Đông Hòa", "Xã Đông Hòa"),
        ("Q.1", "Quận 1"),
        ("Q. 01", "Quận 1"),
        ("TX. Sơn Tây", "Thị xã Sơn Tây"),
        ("TT. Đông Anh", "Thị trấn Đông Anh"),
        ("Phường 05", "P.5"),
    ],
)
def test_unit_type_abbreviations(abbreviated: str, full: str) -> None:
    assert name_key(abbreviated) == name_key(full)


def test_d_with_stroke_folds_to_d_and_tone_marks_go() -> None:
    assert fold("Đắk Lắk") == "dak lak"
    assert fold("ĐÀ NẴNG") == "da nang"
    assert fold("Ðà Nẵng") == "da nang"  # U+00D0, often typed for Đ
    # Old and new placement of the tone mark ("Hoà" / "Hòa") fold alike.
    assert fold("Thanh Hoà") == fold("Thanh Hòa") == "thanh hoa"


def test_abbreviation_only_at_the_start() -> None:
    # "P" inside a name is a word, not "phường".
    assert name_key("Xã P Lang") == "xa p lang"
    assert name_key("Bến Nghé") == "ben nghe"


def test_different_unit_types_never_match() -> None:
    assert not names_match("Xã Đông Hòa", "Phường Đông Hòa")
    assert not names_match("P. Đông Hòa", "X. Đông Hòa")
    assert names_match("Đông Hòa", "Phường Đông Hòa")
    assert bare_key("Thành phố Thủ Đức") == "thu duc"


def test_index_resolves_codes_and_names() -> None:
    index = NameIndex.of([("P-BN", BEN_NGHE), ("X-DH", "Xã Đông Hòa"), ("X-NN", None)])
    assert index.resolve("P-BN") == "P-BN"
    assert index.resolve("X-NN") == "X-NN"
    assert index.resolve("p. ben nghe") == "P-BN"
    assert index.resolve(unicodedata.normalize("NFD", "Bến Nghé")) == "P-BN"
    assert index.resolve("dong hoa") == "X-DH"
    assert index.find("Phường Đông Hòa") is None  # a given type is kept
    assert index.find("Xã Bến Nghé") is None


def test_no_match_is_an_input_error_naming_the_reference() -> None:
    index = NameIndex.of([("X-DH", "Xã Đông Hòa")])
    with pytest.raises(InputError) as caught:
        index.resolve("Xã Tây Hòa", path="units[3].commune")
    assert caught.value.path == "units[3].commune"
    assert caught.value.value == "Xã Tây Hòa"


def test_ambiguous_name_is_an_error_naming_every_candidate() -> None:
    index = NameIndex.of(
        [("X-01", "Xã Đông Hòa"), ("P-02", "Phường Đông Hòa"), ("X-03", "Xã Tây Hòa")]
    )
    with pytest.raises(AmbiguousName) as caught:
        index.find("dong hoa", path="line 4.commune")
    error = caught.value
    assert isinstance(error, InputError)
    assert error.candidates == (("P-02", "Phường Đông Hòa"), ("X-01", "Xã Đông Hòa"))
    assert "P-02 (Phường Đông Hòa)" in str(error) and "X-01 (Xã Đông Hòa)" in str(error)
    assert error.path == "line 4.commune"
    # With the type the name is no longer ambiguous.
    assert index.find("P. Đông Hòa") == "P-02"


def test_names_differing_only_in_diacritics_resolve_by_exact_spelling() -> None:
    index = NameIndex.of(
        [("X-HOA", "Xã Tân Hòa"), ("X-HOA2", "Xã Tân Hóa"), ("P-HOA", "Phường Tân Hòa")]
    )
    # Spelt exactly, in any form, case, tone placement or abbreviation: that unit.
    for spelling in (
        "Xã Tân Hòa",
        "X. TÂN HOÀ",
        unicodedata.normalize("NFD", "xã tân hòa"),
        "X.Tân Hòa",
    ):
        assert index.resolve(spelling) == "X-HOA", spelling
    assert index.resolve("Xã Tân Hóa") == "X-HOA2"
    assert index.resolve("P. Tân Hòa") == "P-HOA"
    # Without diacritics, or without the unit type, it still fits several: an error.
    with pytest.raises(AmbiguousName) as caught:
        index.resolve("Xa Tan Hoa")
    assert [code for code, _ in caught.value.candidates] == ["X-HOA", "X-HOA2"]
    with pytest.raises(AmbiguousName) as caught:
        index.resolve("Tân Hòa")
    assert [code for code, _ in caught.value.candidates] == ["P-HOA", "X-HOA"]
    # A spelling that is none of them exactly stays ambiguous rather than guessed.
    with pytest.raises(AmbiguousName):
        index.resolve("Xã Tấn Hoa")


def test_spelt_key_keeps_diacritics_but_not_form_case_tone_place_or_type() -> None:
    assert spelt_key("Xã Tân Hòa") == spelt_key("x. TÂN HOÀ") == spelt_key("Tân Hòa")
    assert spelt_key("Tân Hòa") != spelt_key("Tân Hóa") != spelt_key("Tan Hoa")
    assert spelt_key("Ðông Hà") == spelt_key("Đông Hà") != spelt_key("Dông Hà")
    assert spelt_key("Phường 05") == spelt_key("P.5") == "5"
    assert spelt_key("Xã 東") is None  # letters that fold to nothing: no spelt key


def test_two_units_with_the_same_full_name_are_ambiguous() -> None:
    index = NameIndex.of([("A", "Xã An Phú"), ("B", "Xã An Phú")])
    with pytest.raises(AmbiguousName):
        index.find("Xã An Phú")
    assert index.find("A") == "A"


def test_index_pickles_and_compares() -> None:
    index = NameIndex.of([("X-DH", "Xã Đông Hòa")])
    copy = pickle.loads(pickle.dumps(index))
    assert copy == index and hash(copy) == hash(index)
    assert copy.resolve("x. dong hoa") == "X-DH"


def test_fold_rejects_non_text() -> None:
    with pytest.raises(InputError):
        fold(12)  # type: ignore[arg-type]


_VI = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằắặẩậềếệồốộờớợừứựỳýỵĐÂ .")),
    max_size=30,
)


@given(_VI)
def test_key_ignores_unicode_form_and_case(name: str) -> None:
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        variant = unicodedata.normalize(form, name)
        assert name_key(variant) == name_key(name)
        assert name_key(variant.upper()) == name_key(name)
    assert name_key(name).isascii()
