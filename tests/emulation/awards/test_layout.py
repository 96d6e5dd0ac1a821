"""The awards code reads like the law: each condition cites the instrument of its module.

A circular's module (``knc/tt20_2025.py``) declares conditions citing that circular; an
article's module (``law06/article_74.py``) conditions citing that article; the decree's
module (``law06/nd152_2025.py``) builds the conditions citing the decree that the articles
share. The old import paths of the split modules keep working.
"""

from __future__ import annotations

import re
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest

from antq.emulation.awards import AwardRules, instruments
from antq.emulation.awards.knc import tt11_2021, tt20_2025
from antq.emulation.awards.law06 import article_27, article_74, article_80, nd152_2025
from antq.law.confirmation import Confirmation

_PACKAGE_INSTRUMENT = {"law06": instruments.LAW06}


def _cited_by(module: ModuleType) -> tuple[str, int | None]:
    """The instrument (and article) a module's name says it encodes."""
    package, name = module.__name__.split(".")[-2:]
    if match := re.fullmatch(r"tt(\d+)_(\d{4})", name):
        return f"{match[1]}/{match[2]}/TT-BCA", None
    if match := re.fullmatch(r"nd(\d+)_(\d{4})", name):
        return f"{match[1]}/{match[2]}/NĐ-CP", 4
    if match := re.fullmatch(r"article_(\d+)", name):
        return _PACKAGE_INSTRUMENT[package], int(match[1])
    raise AssertionError(f"{module.__name__} does not name an instrument")


RULE_SETS: list[tuple[ModuleType, AwardRules[Any]]] = [
    (tt11_2021, tt11_2021.KNC_TT11),
    (tt20_2025, tt20_2025.KNC_TT20),
    (article_27, article_27.LAW06_ART27),
    (article_74, article_74.LAW06_ART74),
]


@pytest.mark.parametrize(("module", "rules"), RULE_SETS, ids=lambda v: getattr(v, "id", None))
def test_each_condition_cites_the_instrument_and_article_of_its_module(
    module: ModuleType, rules: AwardRules[Any]
) -> None:
    assert rules.citation.instrument == _cited_by(module)[0]
    seen = set()
    for _, condition in rules.all_conditions():
        # The decree's conditions are built, check and all, in the decree's module.
        built_by_decree = condition.check.__module__ == nd152_2025.__name__
        home = nd152_2025 if built_by_decree else module
        instrument, article = _cited_by(home)
        assert condition.citation.instrument == instrument, condition.id
        if article is not None:
            assert condition.citation.article == article, condition.id
        seen.add(home)
    assert module in seen


@pytest.mark.parametrize("module", [tt11_2021, tt20_2025])
def test_each_parameter_of_a_circular_cites_that_circular(module: ModuleType) -> None:
    for parameter in module.PARAMETERS:
        assert parameter.citation is not None
        assert parameter.citation.instrument == _cited_by(module)[0], parameter.name


def test_the_decree_conditions_cite_its_article_4() -> None:
    decree = [
        c for _, rules in RULE_SETS for _, c in rules.all_conditions() if c.id.startswith("nd152.")
    ]
    assert {c.id for c in decree} == {"nd152.deferral", "nd152.discipline"}
    for condition in decree:
        assert condition.check.__module__ == nd152_2025.__name__
        assert (condition.citation.instrument, condition.citation.article) == (
            instruments.ND152,
            4,
        )


def test_each_power_of_article_80_cites_article_80_or_names_its_own_instrument() -> None:
    for power in article_80.AWARDING_POWERS:
        citation = power.citation
        if citation.instrument == instruments.LAW06:
            # A row whose article is not known is not confirmed.
            assert citation.article == 80 or (
                citation.article is None and power.confirmation is not Confirmation.CONFIRMED
            ), power.id
        elif power.unsettled:
            assert citation.instrument == instruments.ND152, power.id
        else:
            assert power.qualifier is not None and citation.instrument in power.qualifier


# --- the old import paths -----------------------------------------------------------------------

#: Every public name of the single modules the packages replaced, as they were.
OLD_KNC = [
    "KNC_RULES",
    "KNC_TT11",
    "KNC_TT20",
    "PARAMETERS",
    "TT11_FROM",
    "TT20_FROM",
    "AreaType",
    "CandServiceAward",
    "Commendation",
    "CommendationLevel",
    "Disqualification",
    "KncCandidate",
    "KncContext",
    "LeaderPosition",
    "LeadershipPeriod",
    "ServiceCount",
    "ServicePeriod",
    "ServiceRole",
    "count_service",
    "knc_eligibility",
    "read_knc_request",
    "select_knc_rules",
    "TT11",
    "TT20",
    "TT11_TO",
    "STREET_GUARD_LAST_DAY",
    "DAYS_PER_POOLED_MONTH",
    "KNC_KEYS",
    "P_TEAM_SERVICE_21",
    "P_RESTART_21",
    "P_COMMENDATION_25",
    "P_AGENCY_GUARD_25",
]
OLD_LAW06 = [
    "AWARDING_POWERS",
    "LAW06",
    "LAW06_ART27",
    "LAW06_ART74",
    "LAW06_ART80",
    "LAW06_FROM",
    "LAW06_RULES",
    "ND152",
    "ND152_FROM",
    "AuthorityContext",
    "AwardingAuthority",
    "AwardingPower",
    "CollectiveContext",
    "CollectiveFacts",
    "IndividualContext",
    "IndividualRecord",
    "Initiative",
    "InitiativeKind",
    "YearRecord",
    "awarding_authorities",
    "excellent_collective_eligibility",
    "ministry_bang_khen_eligibility",
    "read_authority_request",
    "read_bang_khen_request",
    "read_collective_request",
    "LAST_DISTRICT_DAY",
    "LAW_2026_WATCH",
    "P_MIXED",
    "COLLECTIVE_KEYS",
    "BANG_KHEN_KEYS",
]


@pytest.mark.parametrize(
    ("module", "names"),
    [("antq.emulation.awards.knc", OLD_KNC), ("antq.emulation.awards.law06", OLD_LAW06)],
)
def test_the_old_import_paths_work_without_warning(module: str, names: list[str]) -> None:
    # A fresh interpreter, so the import itself runs, with every DeprecationWarning an error.
    code = f"from {module} import {', '.join(names)}"
    done = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_the_public_lists_are_unchanged() -> None:
    from antq.emulation.awards import knc, law06

    assert set(knc.__all__) <= set(OLD_KNC) and set(law06.__all__) <= set(OLD_LAW06)
    assert len(knc.__all__) == 22 and len(law06.__all__) == 25


def test_the_context_flag_of_the_circular_is_deprecated_and_ignored() -> None:
    from datetime import date

    from antq.core.periods import MonthEndPolicy
    from antq.emulation.awards.knc import KncCandidate, KncContext

    person = KncCandidate(id="P")
    with pytest.warns(DeprecationWarning, match="tt20"):
        KncContext(
            candidate=person, on=date(2025, 5, 1), params={}, policy=MonthEndPolicy.CLAMP, tt20=True
        )
    plain = KncContext(
        candidate=person, on=date(2025, 5, 1), params={}, policy=MonthEndPolicy.CLAMP
    )
    assert plain.tt20 is None


def test_json_answers_name_the_vocabularies_as_before() -> None:
    from antq.emulation.awards.knc import CommendationLevel, ServiceRole
    from antq.emulation.awards.law06 import AwardingAuthority, InitiativeKind
    from antq.vocabulary import vocabulary_member

    for member, module in [
        (CommendationLevel.STATE, "knc"),
        (ServiceRole.TEAM_MEMBER, "knc"),
        (AwardingAuthority.POLICE, "law06"),
        (InitiativeKind.INITIATIVE, "law06"),
    ]:
        name = f"antq.emulation.awards.{module}.{type(member).__name__}"
        assert member.vocabulary == name
        assert vocabulary_member(name, member.code, path="x") is member
