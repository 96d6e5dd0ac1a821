"""The loose top-level modules moved to the part they belong to (issue 14).

Each old path keeps working for one release: every name it had warns, then is the
very object of the new home.
"""

from __future__ import annotations

import importlib
import re
import warnings

import pytest

#: Old module -> new module.
MOVED = {
    "antq.periods": "antq.core.periods",
    "antq.frozen": "antq.core.frozen",
    "antq.unit_kinds": "antq.core.unit_kinds",
    "antq.confirmation": "antq.law.confirmation",
    "antq.indicators": "antq.report.indicators",
    "antq.names": "antq.io.names",
    "antq.hierarchy": "antq.safety.hierarchy",
    "antq.coverage": "antq.catalogue.coverage",
    "antq.rule_form": "antq.catalogue.rule_form",
}

#: Every public name each old module had.
NAMES = {
    "antq.periods": (
        "ASSESSMENT_WINDOWS",
        "AnnualWindow",
        "MonthEndPolicy",
        "Period",
        "TEAM_RATING_WINDOW",
        "add_months",
        "add_years",
        "assessment_period",
        "parse_iso_date",
        "quarter_one",
        "school_year_period",
    ),
    "antq.frozen": ("FrozenMap",),
    "antq.unit_kinds": ("UnitKind",),
    "antq.confirmation": ("Confirmation",),
    "antq.indicators": (
        "Comparison",
        "DEFAULT_TARGETS",
        "Indicator",
        "Observation",
        "SAFE_INDICATORS",
        "Target",
        "TargetCheck",
        "TargetTable",
        "UNIT_WORDS",
        "observations_from_rows",
        "read_observations",
        "safe_standard_observations",
        "targets_from_data",
    ),
    "antq.names": (
        "ABBREVIATIONS",
        "AmbiguousName",
        "NameIndex",
        "UNIT_TYPE_WORDS",
        "bare_key",
        "fold",
        "name_key",
        "names_match",
        "spelt_key",
    ),
    "antq.hierarchy": (
        "CommuneResult",
        "CriterionTally",
        "EvaluatedUnit",
        "InputTally",
        "KIND_ORDER",
        "NearMiss",
        "Notice",
        "OutcomeCounts",
        "ProvinceEvaluation",
        "RoundResult",
        "Scope",
        "Summary",
        "evaluate_province",
        "summarize",
    ),
    "antq.coverage": ("bounds", "coverage"),
    "antq.rule_form": (
        "RULE_FORM_SCHEMA_ID",
        "RULE_FORM_VERSION",
        "criterion_rule",
        "rule_form_schema",
    ),
}

#: Names that went somewhere other than their module's new home.
ELSEWHERE: dict[str, str] = {}

CASES = [(old, name) for old, names in NAMES.items() for name in names]


@pytest.mark.parametrize(("old", "name"), CASES, ids=[f"{o}.{n}" for o, n in CASES])
def test_an_old_path_warns_then_gives_the_same_object(old: str, name: str) -> None:
    home = ELSEWHERE.get(f"{old}.{name}", MOVED[old])
    module = importlib.import_module(old)
    said = rf"^{re.escape(old)}\.{name} is deprecated; use {re.escape(home)}\.{name}$"
    with pytest.warns(DeprecationWarning, match=said):
        value = getattr(module, name)
    assert value is getattr(importlib.import_module(home), name)


@pytest.mark.parametrize("old", sorted(MOVED))
def test_an_old_path_has_no_other_names(old: str) -> None:
    with pytest.raises(AttributeError, match=f"module '{old}' has no attribute 'nothing_here'"):
        _ = importlib.import_module(old).nothing_here


@pytest.mark.parametrize("old", sorted(MOVED))
def test_importing_an_old_path_alone_does_not_warn(old: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        importlib.reload(importlib.import_module(old))
