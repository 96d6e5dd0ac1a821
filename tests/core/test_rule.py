"""One model of rule: every rule antq ships is an :class:`antq.Rule`, listed from its own fields.

A safe-standard criterion, an award condition, a sheet's item, veto and bands, a team-rating
rule and an item of the excellent-team checklist are each a ``Rule``; their catalogue entries and their results say
what the rule itself says (id, title, citation, kind, confirmation, note).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

import antq
from antq.core.rule import CriterionInfo, CriterionKind, Rule
from antq.emulation import shipped_sheets, team_catalogue
from antq.emulation.awards import all_award_rules
from antq.emulation.awards.eligibility import Condition, conditions_catalogue
from antq.emulation.team_checklist import CHECKLIST
from antq.emulation.team_reader import rate_section, read_teams_file
from antq.emulation.teams import TeamRule
from antq.errors import DefinitionError
from antq.i18n.catalog import Msg
from antq.law.citation import cite

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _criteria() -> list[antq.Criterion]:
    return [c for rs in antq.default_rulebook().rule_sets for c in rs.all_criteria()]


def _conditions() -> list[Condition[Any]]:
    return [c for rules in all_award_rules() for _, c in rules.all_conditions()]


def _sheet_rules() -> list[Rule]:
    found: list[Rule] = []
    for sheet in shipped_sheets():
        found += (item for top in sheet.items for item, _ in top.walk())
        found += sheet.vetoes
        if sheet.classification is not None:
            found.append(sheet.classification)
    return found


FAMILIES = {
    "criteria": _criteria,
    "award conditions": _conditions,
    "sheet items, vetoes and bands": _sheet_rules,
    "team rules": lambda: list(team_catalogue()),
    "checklist items": lambda: list(CHECKLIST),
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_rule_of_the_family_is_a_rule(family: str) -> None:
    rules = FAMILIES[family]()
    assert rules, family
    for rule in rules:
        assert isinstance(rule, Rule), rule
        assert isinstance(rule.kind, CriterionKind), rule.id
        # What each of its results says about it is the rule's own fields.
        assert rule.info == CriterionInfo.of(rule)
        assert (rule.info.id, rule.info.title, rule.info.citation) == (
            rule.id,
            rule.title,
            rule.citation,
        )


def _entry_fields(entry: antq.RuleEntry) -> tuple[object, ...]:
    return (entry.id, entry.title, entry.citation, entry.kind, entry.own_confirmation, entry.note)


def _rule_fields(rule: Rule) -> tuple[object, ...]:
    return (rule.id, rule.title, rule.citation, rule.kind, rule.confirmation, rule.note)


def test_a_criterions_catalogue_entry_is_the_criterion() -> None:
    for item in antq.criteria_catalogue():
        assert _entry_fields(item.entry()) == _rule_fields(item.criterion)


def test_an_award_conditions_catalogue_entry_is_the_condition() -> None:
    for item in conditions_catalogue(all_award_rules()):
        assert _entry_fields(item.entry()) == _rule_fields(item.condition)


def test_a_team_rules_catalogue_entry_is_the_rule() -> None:
    rules = team_catalogue()
    assert [_entry_fields(r.entry()) for r in rules] == [_rule_fields(r) for r in rules]
    # The checklist's items are listed as team rules with their own ids, titles and kinds.
    listed = {r.id: r for r in rules}
    for item in CHECKLIST:
        assert _rule_fields(listed[item.id])[:-1] == _rule_fields(item)[:-1]
        assert item.kind is (CriterionKind.JUDGEMENT if item.judgement else CriterionKind.THRESHOLD)


def test_a_team_ratings_results_carry_their_rules_info() -> None:
    section = read_teams_file(EXAMPLES / "teams-2026.json")
    rules = {r.id: r for r in team_catalogue()}
    seen = 0
    for rating in rate_section(section).ratings:
        for team in rating.teams:
            for result in team.all_results():
                if result.criterion_id in rules:
                    assert result.about == rules[result.criterion_id].info
                    seen += 1
    assert seen


@pytest.mark.parametrize(
    ("make", "noun"),
    [
        (
            lambda: attrs.evolve(_criteria()[0], id="Not An Id"),
            "criterion id 'Not An Id'",
        ),
        (lambda: attrs.evolve(_conditions()[0], id="Not An Id"), "condition id 'Not An Id'"),
        (
            lambda: TeamRule(
                id="Not An Id",
                title=Msg("x"),
                citation=cite("01/HD-BCA-V05"),
                kind=CriterionKind.BOOLEAN,
            ),
            "team rule id 'Not An Id'",
        ),
    ],
)
def test_a_bad_id_names_the_kind_of_rule(make: Any, noun: str) -> None:
    with pytest.raises(DefinitionError, match=noun):
        make()
