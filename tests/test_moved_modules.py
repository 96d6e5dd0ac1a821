"""Modules moved to the part they belong to (issue 14).

Each old path keeps working for one release: every name it had warns, then is the
very object of the new home. A moved vocabulary is written in JSON under its new name
and still read under the old one.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import warnings

import pytest

from antq.core.reasons import Reason
from antq.core.unit_kinds import UnitKind
from antq.errors import InputError
from antq.law.confirmation import Confirmation
from antq.vocabulary import CodedEnum, vocabulary_member

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
    "antq.safety.routing": "antq.safety.tt124_2021.article_9_routing",
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
    "antq.frozen": ("FrozenMap", "frozen"),
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
    "antq.safety.routing": (
        "COMMUNE_ROUTE_AFTER_REFORM",
        "RESIDENTIAL_ROUTE_AFTER_TT48",
        "TT48",
        "TT48_EFFECTIVE",
        "TT48_NOT_BEFORE",
        "DossierReceiver",
        "DossierRoute",
        "dossier_route",
    ),
}

#: Names that went somewhere other than their module's new home.
ELSEWHERE = {
    "antq.periods.ASSESSMENT_WINDOWS": "antq.safety.windows",
    "antq.periods.assessment_period": "antq.safety.windows",
    "antq.periods.school_year_period": "antq.safety.tt23_2012.article_9_assessment_windows",
}

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


#: Each moved vocabulary, by the name JSON gave it before the move.
FORMER_VOCABULARIES = {
    "antq.confirmation.Confirmation": "antq.law.confirmation.Confirmation",
    "antq.hierarchy.Scope": "antq.safety.hierarchy.Scope",
    "antq.indicators.Comparison": "antq.report.indicators.Comparison",
    "antq.indicators.Indicator": "antq.report.indicators.Indicator",
    "antq.periods.MonthEndPolicy": "antq.core.periods.MonthEndPolicy",
    "antq.safety.routing.DossierReceiver": (
        "antq.safety.tt124_2021.article_9_routing.DossierReceiver"
    ),
    "antq.unit_kinds.UnitKind": "antq.core.unit_kinds.UnitKind",
}


def _vocabulary(dotted: str) -> type[CodedEnum]:
    module, _, name = dotted.rpartition(".")
    cls = getattr(importlib.import_module(module), name)
    assert isinstance(cls, type) and issubclass(cls, CodedEnum)
    return cls


@pytest.mark.parametrize(("former", "now"), sorted(FORMER_VOCABULARIES.items()))
def test_a_moved_vocabulary_writes_its_new_name_and_reads_its_old_one(
    former: str, now: str
) -> None:
    cls = _vocabulary(now)
    for member in cls:
        assert member.vocabulary == now
        assert vocabulary_member(former, member.code, path="p") is member
        assert vocabulary_member(now, member.code, path="p") is member


def test_a_reason_written_before_the_move_reads_back() -> None:
    written = {
        "template": {"vi": "{kind}: {status}", "en": "{kind}: {status}"},
        "params": {
            "kind": {"vocabulary": "antq.unit_kinds.UnitKind", "code": "commune"},
            "status": {"vocabulary": "antq.confirmation.Confirmation", "code": "partial"},
        },
    }
    reason = Reason.from_json(written)
    assert reason.params == {"kind": UnitKind.COMMUNE, "status": Confirmation.PARTIAL}
    # Written again, it names the vocabularies where they are now.
    assert reason.to_json()["params"] == {
        "kind": {"vocabulary": "antq.core.unit_kinds.UnitKind", "code": "commune"},
        "status": {"vocabulary": "antq.law.confirmation.Confirmation", "code": "partial"},
    }


def test_an_old_name_reads_in_a_fresh_interpreter() -> None:
    # The old name alone must find its vocabulary, whose module nothing imported yet.
    code = (
        "import sys; from antq.vocabulary import vocabulary_member as m; "
        "assert 'antq.report.indicators' not in sys.modules; "
        "print(m('antq.indicators.Indicator', 'residential_areas_safe', path='p').vocabulary)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout == "antq.report.indicators.Indicator\n"


def test_an_old_name_of_an_unknown_vocabulary_is_still_refused() -> None:
    with pytest.raises(InputError, match="unknown vocabulary"):
        vocabulary_member("antq.unit_kinds.Nothing", "commune", path="p")
