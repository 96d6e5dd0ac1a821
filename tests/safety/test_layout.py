"""The safe standard reads like the law: each criterion lives in the module of its article.

A circular's folder (``tt124_2021``) holds the rule sets of that circular; an article's
module (``article_5_commune.py``) defines the criteria citing that article. The old import
paths (``antq.safety.tt124.commune`` and the like) keep working for one release, with a
warning.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import warnings
from collections.abc import Iterator
from types import ModuleType

import pytest

from antq.core.criterion import Criterion
from antq.core.ruleset import RuleSet
from antq.law.tables import load
from antq.safety import default_rulebook, tt23_2012, tt124_2021
from antq.safety.windows import ASSESSMENT_WINDOWS

PACKAGES = (tt124_2021, tt23_2012)


def _modules(package: ModuleType) -> Iterator[ModuleType]:
    for info in pkgutil.iter_modules(package.__path__):
        yield importlib.import_module(f"{package.__name__}.{info.name}")


def _assigned(module: ModuleType) -> Iterator[object]:
    """The values of the names a module assigns itself (not those it imports)."""
    tree = ast.parse(inspect.getsource(module))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if not isinstance(node, ast.Assign | ast.AnnAssign):
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                yield getattr(module, target.id)


def _homes() -> dict[int, ModuleType]:
    """The module that defines each criterion, by the criterion's identity.

    A criterion is defined where it is assigned (alone or in a tuple such as
    ``CRITERIA``); one built inside a rule set's own expression belongs to the module
    of that rule set.
    """
    homes: dict[int, ModuleType] = {}
    rule_sets: list[tuple[ModuleType, RuleSet]] = []
    for package in PACKAGES:
        for module in _modules(package):
            for value in _assigned(module):
                if isinstance(value, RuleSet):
                    rule_sets.append((module, value))
                    continue
                items = value if isinstance(value, tuple | list) else (value,)
                for item in items:
                    if isinstance(item, Criterion):
                        home = homes.setdefault(id(item), module)
                        assert home is module, f"{item.id} is assigned in two modules"
    for module, rule_set in rule_sets:
        for criterion in rule_set.all_criteria():
            homes.setdefault(id(criterion), module)
    return homes


def _named(module: ModuleType) -> tuple[str, int]:
    """The instrument and the article a module's folder and name say it encodes."""
    package, name = module.__name__.split(".")[-2:]
    folder = re.fullmatch(r"tt(\d+)_(\d{4})", package)
    article = re.fullmatch(r"article_(\d+)_[a-z_]+", name)
    assert folder is not None, f"{module.__name__}: folder does not name an instrument"
    assert article is not None, f"{module.__name__}: module does not name an article"
    return f"{folder[1]}/{folder[2]}/TT-BCA", int(article[1])


SHIPPED = [r for r in default_rulebook() if r.id.startswith(("tt124.", "tt23."))]
HOMES = _homes()


def test_every_shipped_safety_rule_set_is_covered() -> None:
    ids = {r.id for r in SHIPPED}
    assert ids == {r.id for package in PACKAGES for r in package.RULE_SETS}
    assert len(ids) == 10


@pytest.mark.parametrize("rule_set", SHIPPED, ids=lambda r: r.id)
def test_each_criterion_cites_the_instrument_and_article_of_its_module(rule_set: RuleSet) -> None:
    for criterion in rule_set.all_criteria():
        home = HOMES.get(id(criterion))
        assert home is not None, f"{criterion.id} is defined outside the instrument's articles"
        instrument, article = _named(home)
        assert criterion.citation.instrument == instrument, criterion.id
        assert criterion.citation.article == article, (criterion.id, home.__name__)


@pytest.mark.parametrize("rule_set", SHIPPED, ids=lambda r: r.id)
def test_each_rule_set_lives_in_the_folder_of_its_instrument(rule_set: RuleSet) -> None:
    module = next(m for p in PACKAGES for m in _modules(p) if rule_set in _assigned(m))
    assert _named(module)[0] == rule_set.instrument


def _window_modules() -> dict[str, ModuleType]:
    """The module that holds each instrument's assessment windows (``WINDOWS``)."""
    found: dict[str, ModuleType] = {}
    for package in PACKAGES:
        for module in _modules(package):
            if hasattr(module, "WINDOWS"):
                assert _named(module)[0] not in found, module.__name__
                found[_named(module)[0]] = module
    return found


def test_every_assessment_window_lives_in_an_article_of_its_instrument() -> None:
    homes = _window_modules()
    assert {i: m.__name__.rpartition(".")[2] for i, m in homes.items()} == {
        "124/2021/TT-BCA": "article_8_assessment_windows",
        "23/2012/TT-BCA": "article_9_assessment_windows",
    }
    assert {i: m.WINDOWS for i, m in homes.items()} == dict(ASSESSMENT_WINDOWS)
    for rule_set in SHIPPED:
        assert (
            rule_set.window is None
            or rule_set.window in homes[rule_set.instrument].WINDOWS.values()
        )


@pytest.mark.parametrize("module", _window_modules().values(), ids=lambda m: m.__name__)
def test_each_window_in_the_data_cites_the_article_of_its_module(module: ModuleType) -> None:
    instrument, article = _named(module)
    rows = load(module.__name__.rpartition(".")[0], module.DATA)["windows"].items()
    assert rows
    for row in rows:
        citation = row["citation"].citation()
        assert (citation.instrument, citation.article, citation.clause) == (instrument, article, 2)


def test_the_scope_criteria_live_in_article_1() -> None:
    # Điều 1 khoản 2 (who is outside TT 124) is the eligibility of Điều 6 and Điều 7.
    from antq.safety.tt124_2021 import article_1_scope

    scope = [c for r in tt124_2021.RULE_SETS for c in r.eligibility]
    assert {c.id for c in scope} == {
        "tt124.agency.scope",
        "tt124.enterprise.scope",
        "tt124.educational-institution.scope",
    }
    assert {HOMES[id(c)] for c in scope} == {article_1_scope}


def test_each_rollup_rule_lives_in_its_commune_article() -> None:
    # TT 124 Điều 5 khoản 4 and TT 23 Điều 6 khoản 4: the share is written once, in the data
    # file beside the article, and read by both the roll-up and the commune criterion.
    from antq.safety.rollup import ROLLUP_RULES

    communes = (tt124_2021.article_5_commune, tt23_2012.article_6_commune)
    assert [m.ROLLUP_RULE for m in communes] == list(ROLLUP_RULES.values())
    for module in communes:
        instrument, article = _named(module)
        rule = module.ROLLUP_RULE
        assert rule.instrument == rule.citation.instrument == instrument
        assert (rule.citation.article, rule.citation.clause) == (article, 4)
        assert module.RECOGNISED_SHARE_PERCENT == rule.share_percent == 70


# --- the old import paths -----------------------------------------------------------------------

OLD = [
    ("antq.safety.tt124", "RULE_SETS", "antq.safety.tt124_2021:RULE_SETS"),
    ("antq.safety.tt124.commune", "RULE_SET", "antq.safety.tt124_2021.article_5_commune:RULE_SET"),
    (
        "antq.safety.tt124.commune",
        "RECOGNISED_SHARE_PERCENT",
        "antq.safety.tt124_2021.article_5_commune:RECOGNISED_SHARE_PERCENT",
    ),
    (
        "antq.safety.tt124.residential_area",
        "CRITERIA",
        "antq.safety.tt124_2021.article_4_residential_area:CRITERIA",
    ),
    (
        "antq.safety.tt124.organisations",
        "AGENCY",
        "antq.safety.tt124_2021.article_6_organisations:AGENCY",
    ),
    (
        "antq.safety.tt124.organisations",
        "EnterpriseInScope",
        "antq.safety.tt124_2021.article_1_scope:EnterpriseInScope",
    ),
    (
        "antq.safety.tt124.education",
        "SCOPE",
        "antq.safety.tt124_2021.article_1_scope:INSTITUTION_SCOPE",
    ),
    (
        "antq.safety.tt124.education",
        "RULE_SET",
        "antq.safety.tt124_2021.article_7_education:RULE_SET",
    ),
    ("antq.safety.tt23", "RULE_SETS", "antq.safety.tt23_2012:RULE_SETS"),
    ("antq.safety.tt23.commune", "RULE_SET", "antq.safety.tt23_2012.article_6_commune:RULE_SET"),
    (
        "antq.safety.tt23.residential_area",
        "RULE_SET",
        "antq.safety.tt23_2012.article_5_residential_area:RULE_SET",
    ),
    (
        "antq.safety.tt23.organisations",
        "SUBUNIT_SHARE",
        "antq.safety.tt23_2012.article_7_organisations:SUBUNIT_SHARE",
    ),
    ("antq.safety.tt23.school", "CRITERIA", "antq.safety.tt23_2012.article_8_school:CRITERIA"),
    (
        "antq.safety.tt23.inputs",
        "RESIDENTIAL_AREAS_TOTAL",
        "antq.safety.tt23_2012.inputs:RESIDENTIAL_AREAS_TOTAL",
    ),
]


@pytest.mark.parametrize(("old", "name", "new"), OLD)
def test_old_paths_warn_and_forward(old: str, name: str, new: str) -> None:
    module, _, attribute = new.partition(":")
    with pytest.warns(DeprecationWarning, match=rf"{re.escape(old)}\.{name} is deprecated"):
        found = getattr(importlib.import_module(old), name)
    assert found is getattr(importlib.import_module(module), attribute)


def test_old_packages_still_hold_their_modules() -> None:
    import antq.safety.tt23.school
    import antq.safety.tt124.commune
    from antq.safety import tt23, tt124

    assert tt124.commune is antq.safety.tt124.commune
    assert tt23.school is antq.safety.tt23.school
    with pytest.warns(DeprecationWarning, match="tt124.commune.RULE_SET is deprecated"):
        assert tt124.commune.RULE_SET is tt124_2021.article_5_commune.RULE_SET


def test_old_paths_know_no_other_name() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(AttributeError):
            _ = importlib.import_module("antq.safety.tt124.commune").NOT_A_NAME
