"""Message catalogues: every message extracted, translated in vi and en, compiled."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from antq import LANGS, Msg, Outcome, UnitKind
from antq.i18n.catalog import translate

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "antq" / "i18n" / "locale"


def _source_msgids() -> set[str]:
    found = set()
    for _, _, message, _, _ in extract_from_dir(
        str(ROOT / "src" / "antq"),
        # Msg("...") calls, the help texts of the command line and the { msgid = "..." }
        # messages of the legal tables' TOML files (antq.i18n.extract).
        method_map=[
            ("**.py", "antq.i18n.extract:extract"),
            ("**.toml", "antq.i18n.extract:extract_toml"),
        ],
        keywords={"Msg": None},
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _template_msgids() -> set[str]:
    with (LOCALE / "antq.pot").open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


def test_template_is_up_to_date_with_the_source() -> None:
    source, template = _source_msgids(), _template_msgids()
    assert source - template == set(), "run scripts/update_catalogs.sh"
    assert template - source == set(), "stale messages: run scripts/update_catalogs.sh"


def test_every_message_is_translated_and_compiled_in_every_language() -> None:
    spec = importlib.util.spec_from_file_location(
        "check_catalogs", ROOT / "scripts" / "check_catalogs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.problems() == []


def test_vietnamese_differs_from_english_for_sentences() -> None:
    # A Vietnamese entry copied from English would pass the completeness check; catch it.
    copied = [
        m
        for m in _template_msgids()
        if re.search(r"[a-z]{4,} [a-z]{4,}", m) and translate(m, "vi") == m
    ]
    assert copied == []


def test_vocabulary_labels_exist_in_both_languages() -> None:
    for vocabulary in (Outcome, UnitKind):
        for member in vocabulary:
            assert all(member.label(lang).strip() for lang in LANGS)
    assert Outcome.NOT_MET.label("vi") == "chưa đạt"


def test_message_render_falls_back_to_msgid_only_for_unknown_ids() -> None:
    assert Msg("a message antq does not have").render("vi") == "a message antq does not have"
