"""One catalogue entry type for every family of rules, and one explain function."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest

import antq
from antq import RuleEntry, RuleFamily, UnitKind, explain, rule_catalogue
from antq.catalogue import criteria_catalogue
from antq.cli import main
from antq.emulation.awards import award_catalogue
from antq.emulation.sheets import load_sheet, sheet_catalogue
from antq.emulation.teams import team_catalogue
from antq.errors import InputError, UsageError
from antq.vocabulary import LANGS

ENTRIES = rule_catalogue()

#: Every family's own catalogue items, each with the entry it gives.
LEGACY: list[Any] = [
    *criteria_catalogue(),
    *award_catalogue(),
    *sheet_catalogue(),
    *sheet_catalogue([load_sheet("examples/example-sheet.toml")]),
    *team_catalogue(),
]


def test_the_catalogue_lists_every_family_as_one_type() -> None:
    assert all(type(e) is RuleEntry for e in ENTRIES)
    assert {e.family for e in ENTRIES} == set(RuleFamily) - {RuleFamily.VETO}
    # The shipped sheets have no veto; a province's sheet does.
    example = [e.entry() for e in sheet_catalogue([load_sheet("examples/example-sheet.toml")])]
    assert RuleFamily.VETO in {e.family for e in example}
    sections = {
        "safety": {RuleFamily.SAFE_STANDARD},
        "awards": {RuleFamily.AWARD_CONDITION},
        "sheets": {RuleFamily.SHEET_ITEM, RuleFamily.CLASSIFICATION},
        "teams": {RuleFamily.TEAM_RULE},
    }
    for section, families in sections.items():
        assert {e.family for e in rule_catalogue(section=section)} == families
    assert len(ENTRIES) == sum(len(rule_catalogue(section=s)) for s in sections)
    keys = [(e.rule_set, e.id) for e in ENTRIES]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("item", LEGACY, ids=lambda e: f"{type(e).__name__}:{e.entry().id}")
def test_each_family_keeps_its_json_and_gains_the_common_keys(item: Any) -> None:
    entry = item.entry()
    data = entry.to_json()
    before = item.to_json()
    # Every key the family's entry had, with the same value.
    assert {k: data[k] for k in before} == before
    common = {
        "family",
        "id",
        "rule_set",
        "instrument",
        "role",
        "kind",
        "confirmation",
        "citation",
        "title",
        "note",
        "valid_from",
        "valid_to",
        "parameters",
    }
    assert common <= set(data)
    assert data["family"] == entry.family.code
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    # One layout: id and status first, then the title and the citation.
    for lang in LANGS:
        head, title, cited, *_ = item.render(lang).splitlines()
        assert head.strip().startswith(f"{entry.id}  [")
        assert head.endswith(f"{entry.confirmation.label(lang)}]")
        assert title.strip() == entry.title.render(lang).strip()
        assert cited.strip() == entry.citation.render(lang)


def test_a_safe_standard_entry_only_gains_the_family_and_its_dates() -> None:
    item = next(iter(criteria_catalogue()))
    assert set(item.entry().to_json()) - set(item.to_json()) == {
        "family",
        "valid_from",
        "valid_to",
    }


def test_the_entries_carry_points_parameters_and_dates() -> None:
    by_id = {(e.rule_set, e.id): e for e in ENTRIES}
    two = by_id[("qd510.agency", "qd510.agency/2")]
    assert two.points == 3 and two.family is RuleFamily.SHEET_ITEM
    assert two.applies_to == (
        UnitKind.AGENCY,
        UnitKind.ENTERPRISE,
        UnitKind.EDUCATIONAL_INSTITUTION,
    )
    assert by_id[("qd510.agency", "qd510.agency/4.b")].points is None
    initiatives = by_id[("law06.art74-1-d", "law06.art74.d-initiatives")]
    assert initiatives.confirmation is antq.Confirmation.UNCONFIRMED
    assert initiatives.parameters and initiatives.parameters[0].value is None
    knc = by_id[("knc.tt11-2021", "knc21.once")]
    assert (knc.valid_from, knc.valid_to) == (date(2021, 1, 26), date(2025, 4, 27))
    assert knc.in_force(date(2025, 4, 27)) and not knc.in_force(date(2025, 4, 28))
    cap = by_id[("hd01.teams", "hd01.cap")]
    assert [s.name for s in cap.settings] == ["rounding", "base", "at_least_one"]
    assert cap.valid_from == date(2026, 1, 1)


@pytest.mark.parametrize("day", [date(2011, 1, 1), date(2021, 11, 30), date(2025, 11, 15)])
def test_as_of_keeps_the_entries_in_force(day: date) -> None:
    kept = rule_catalogue(as_of=day)
    assert kept
    assert {(e.rule_set, e.id) for e in kept} < {(e.rule_set, e.id) for e in ENTRIES}
    assert all(e.in_force(day) for e in kept if e.family is not RuleFamily.SAFE_STANDARD)


def test_a_unit_kind_keeps_its_safe_standard_criteria_only() -> None:
    kept = rule_catalogue(kind=UnitKind.COMMUNE)
    assert kept and all(e.applies_to == (UnitKind.COMMUNE,) for e in kept)
    assert {e.family for e in kept} == {RuleFamily.SAFE_STANDARD}


def test_an_unknown_section_is_named() -> None:
    with pytest.raises(InputError) as caught:
        rule_catalogue(section="prizes")
    assert caught.value.path == "section" and caught.value.value == "prizes"


def test_antq_rules_lists_the_entries() -> None:
    out = io.StringIO()
    assert main(["rules", "--format", "json"], out=out) == 0
    listed = json.loads(out.getvalue())
    assert listed == [e.to_json() for e in ENTRIES]
    assert {e["family"] for e in listed} == {f.code for f in RuleFamily} - {"veto"}
    text = io.StringIO()
    assert main(["rules", "--lang", "en"], out=text) == 0
    assert text.getvalue() == "\n\n".join(e.render("en") for e in ENTRIES) + "\n"


@pytest.mark.parametrize("family", [f for f in RuleFamily if f is not RuleFamily.VETO])
def test_explain_renders_an_entry_of_every_family_in_both_languages(family: RuleFamily) -> None:
    entry = next(e for e in ENTRIES if e.family is family)
    vi, en = explain(entry, "vi"), explain(entry, "en")
    assert vi != en
    for lang, text in (("vi", vi), ("en", en)):
        assert text.startswith(entry.id)
        assert entry.citation.render(lang) in text
        assert entry.title.render(lang) in text
        assert family.label(lang) in text.splitlines()[-1]


def test_explain_takes_a_family_item_as_its_entry() -> None:
    item = next(iter(award_catalogue()))
    assert explain(item, "en") == explain(item.entry(), "en")
    assert "in force from 2021-01-26 to 2025-04-27" in explain(item, "en")
    assert "có hiệu lực từ 2021-01-26 đến 2025-04-27" in explain(item, "vi")


def test_explain_refuses_what_it_cannot_explain() -> None:
    with pytest.raises(UsageError, match="not dict"):
        explain({"id": "x"}, "en")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="'fr'"):
        explain(ENTRIES[0], "fr")  # type: ignore[arg-type]


def test_an_entry_is_immutable_and_hashable() -> None:
    assert len({hash(e) for e in ENTRIES}) == len(ENTRIES)
    entry = next(e for e in ENTRIES if e.family is RuleFamily.SHEET_ITEM)
    data = entry.to_json()
    data["inputs"].append("changed")
    assert "changed" not in entry.to_json()["inputs"]
