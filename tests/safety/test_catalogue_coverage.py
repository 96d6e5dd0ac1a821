"""Every safe-standard criterion is listed by ``antq rules`` and on the generated catalogue page,
in Vietnamese and English, with its citation and confirmation status.

The page test builds a one-page Sphinx project with antq's own directive
(``docs/_ext/antq_catalogue.py``) and reads the HTML back; it needs Sphinx
(the ``docs`` extra), and ``.ci/run`` runs it again once that is installed.
"""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from antq.catalogue import CatalogueEntry, criteria_catalogue
from antq.cli import main
from antq.safety import default_rulebook
from antq.vocabulary import LANGS, Lang

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _entries() -> list[CatalogueEntry]:
    entries = list(criteria_catalogue())
    every = {c.id for r in default_rulebook() for c in r.all_criteria()}
    assert {e.criterion.id for e in entries} == every
    return entries


def _run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(list(argv), out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


@pytest.mark.parametrize("lang", LANGS)
def test_antq_rules_lists_every_criterion_with_its_citation_and_status(lang: Lang) -> None:
    blocks = {
        block.split("  [", 1)[0]: block
        for block in _run("rules", "--section", "safety", "--lang", lang).split("\n\n")
    }
    for entry in _entries():
        criterion = entry.criterion
        block = blocks[criterion.id]
        assert f"    {criterion.title.render(lang)}\n" in block
        assert f"    {criterion.citation.render(lang)}\n" in block
        assert f" · {entry.confirmation.label(lang)}]" in block.splitlines()[0]


def test_antq_rules_json_gives_both_languages_and_the_status() -> None:
    listed = {
        e["id"]: e for e in json.loads(_run("rules", "--section", "safety", "--format", "json"))
    }
    for entry in _entries():
        criterion = entry.criterion
        item = listed[criterion.id]
        for lang in LANGS:
            assert item["citation"][lang] == criterion.citation.render(lang)
            assert item["title"][lang] == criterion.title.render(lang)
        assert item["confirmation"] == entry.confirmation.code


_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


class _Sections(HTMLParser):
    """The text of every <section id=...> of a page (nested sections included)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, list[str]] = {}
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            section_id = dict(attrs).get("id")
            self._open.append(section_id)
            if section_id:
                self.text.setdefault(section_id, [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for section_id in self._open:
            if section_id:
                self.text[section_id].append(data)


def test_generated_catalogue_page_shows_every_criterion_in_both_languages(
    tmp_path: Path,
) -> None:
    pytest.importorskip("sphinx")
    from docutils.nodes import make_id
    from sphinx.cmd.build import build_main

    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        "extensions = ['antq_catalogue']\n",
        encoding="utf-8",
    )
    (source / "index.rst").write_text(
        "Catalogue\n=========\n\n.. antq-catalogue::\n", encoding="utf-8"
    )
    out = tmp_path / "html"
    assert build_main(["-q", "-b", "html", str(source), str(out)]) == 0
    parser = _Sections()
    parser.feed((out / "index.html").read_text(encoding="utf-8"))
    status_text = {"confirmed": "CONFIRMED", "partial": "PARTIAL", "unconfirmed": "UNCONFIRMED"}
    for entry in _entries():
        criterion = entry.criterion
        text = " ".join("".join(parser.text[make_id(criterion.id)]).split())
        # Sphinx typesets straight quotes as curly ones (smartquotes, as in antq's docs).
        text = text.translate(_STRAIGHT)
        assert criterion.id in text
        for lang in LANGS:
            title = " ".join(criterion.title.render(lang).split()).translate(_STRAIGHT)
            assert title in text, (criterion.id, lang)
            assert criterion.citation.render(lang) in text, (criterion.id, lang)
        assert f"Status {status_text[entry.confirmation.code]}" in text, criterion.id
