"""The criteria catalogue is complete in Vietnamese and English."""

from __future__ import annotations

from datetime import date

import pytest

from antq import Confirmation, criteria_catalogue, default_rulebook
from antq.catalogue import CatalogueEntry
from antq.i18n.catalog import Label

ENTRIES = list(criteria_catalogue())


def _labels(entry: CatalogueEntry) -> list[tuple[str, Label]]:
    criterion = entry.criterion
    labels: list[tuple[str, Label]] = [("title", criterion.title)]
    if criterion.note is not None:
        labels.append(("note", criterion.note))
    labels += [(f"input {i.name}", i.label) for i in criterion.all_inputs]
    labels += [(f"parameter {p.name}", p.label) for p in criterion.parameters]
    return labels


def test_catalogue_lists_every_criterion_of_every_rule_set() -> None:
    expected = {
        (rules.id, criterion.id)
        for rules in default_rulebook().rule_sets
        for criterion in rules.all_criteria()
    }
    assert {(e.rule_set.id, e.criterion.id) for e in ENTRIES} == expected


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.rule_set.id}:{e.criterion.id}")
def test_every_entry_reads_in_vietnamese_and_english(entry: CatalogueEntry) -> None:
    for what, label in _labels(entry):
        vi, en = label.render("vi"), label.render("en")
        assert vi.strip() and en.strip(), what
        # An untranslated message falls back to its English msgid.
        assert vi != en, f"{what} is not translated: {en!r}"
    citation = entry.criterion.citation
    if citation.article is not None:
        assert citation.render("vi").startswith(f"Điều {citation.article}")
        assert citation.render("en").startswith(f"Article {citation.article}")
    data = entry.to_json()
    for key in ("title", "citation"):
        assert set(data[key]) == {"vi", "en"}
    assert data["confirmation"] in Confirmation.codes()
    assert [i["name"] for i in data["inputs"]] == [i.name for i in entry.criterion.all_inputs]


def test_as_of_keeps_only_the_rules_of_that_round() -> None:
    tt23 = {e.rule_set.instrument for e in criteria_catalogue(as_of=date(2021, 11, 30))}
    tt124 = {e.rule_set.instrument for e in criteria_catalogue(as_of=date(2025, 11, 15))}
    assert tt23 == {"23/2012/TT-BCA"}
    assert tt124 == {"124/2021/TT-BCA"}
