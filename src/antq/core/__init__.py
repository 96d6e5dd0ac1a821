"""The evaluation core: rules and criteria, outcomes, verdicts and rule sets.

Nothing here knows about any particular circular; the rules themselves live in
:mod:`antq.safety`.
"""

from antq.core.criterion import (
    Check,
    Context,
    Criterion,
    CriterionInfo,
    CriterionKind,
    Decide,
    Defer,
    FastCheck,
    FastGate,
    Finding,
    Gate,
    Parameter,
    finding,
)
from antq.core.engine import (
    confirm_explanations,
    decide,
    decide_criterion,
    decide_generic,
    evaluate,
    evaluate_criterion,
    evaluate_many,
    needed_inputs,
)
from antq.core.entry import EntryInput, EntryParameter, RuleEntry, RuleFamily, Setting
from antq.core.explain import Explained, Listed, explain
from antq.core.facts import UnitFacts, UnitIdentity
from antq.core.inputs import Input, InputKind
from antq.core.outcome import Outcome, combine
from antq.core.plan import DecisionPlan, ResultMemo
from antq.core.reasons import Percent, Reason
from antq.core.result import Result, RuleResult
from antq.core.rule import AboutRule, Rule
from antq.core.ruleset import PeriodRule, RoundNotice, RuleBook, RuleSet, weakest
from antq.core.verdict import (
    RESULT_SCHEMA_VERSION,
    CriterionResult,
    ResultsFactory,
    Verdict,
)

__all__ = [
    "RESULT_SCHEMA_VERSION",
    "AboutRule",
    "Check",
    "Context",
    "Criterion",
    "CriterionInfo",
    "CriterionKind",
    "CriterionResult",
    "Decide",
    "DecisionPlan",
    "Defer",
    "EntryInput",
    "EntryParameter",
    "Explained",
    "FastCheck",
    "FastGate",
    "Finding",
    "Gate",
    "Input",
    "InputKind",
    "Listed",
    "Outcome",
    "Parameter",
    "Percent",
    "PeriodRule",
    "Reason",
    "Result",
    "ResultMemo",
    "ResultsFactory",
    "RoundNotice",
    "Rule",
    "RuleBook",
    "RuleEntry",
    "RuleFamily",
    "RuleResult",
    "RuleSet",
    "Setting",
    "UnitFacts",
    "UnitIdentity",
    "Verdict",
    "combine",
    "confirm_explanations",
    "decide",
    "decide_criterion",
    "decide_generic",
    "evaluate",
    "evaluate_criterion",
    "evaluate_many",
    "explain",
    "finding",
    "needed_inputs",
    "weakest",
]
