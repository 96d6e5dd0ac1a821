"""The evaluation core: criteria, outcomes, verdicts and rule sets.

Nothing here knows about any particular circular; the rules themselves live in
:mod:`antq.safety`.
"""

from antq.core.criterion import (
    Check,
    Context,
    Criterion,
    CriterionKind,
    Decide,
    Finding,
    Gate,
    Parameter,
    finding,
)
from antq.core.engine import (
    decide,
    decide_criterion,
    evaluate,
    evaluate_criterion,
    evaluate_many,
    needed_inputs,
)
from antq.core.facts import UnitFacts
from antq.core.inputs import Input, InputKind
from antq.core.outcome import Outcome, combine
from antq.core.plan import DecisionPlan
from antq.core.reasons import Percent, Reason
from antq.core.ruleset import PeriodRule, RoundNotice, RuleBook, RuleSet, weakest
from antq.core.verdict import (
    RESULT_SCHEMA_VERSION,
    CriterionInfo,
    CriterionResult,
    ResultsFactory,
    Verdict,
)

__all__ = [
    "RESULT_SCHEMA_VERSION",
    "Check",
    "Context",
    "Criterion",
    "CriterionInfo",
    "CriterionKind",
    "CriterionResult",
    "Decide",
    "DecisionPlan",
    "Finding",
    "Gate",
    "Input",
    "InputKind",
    "Outcome",
    "Parameter",
    "Percent",
    "PeriodRule",
    "Reason",
    "ResultsFactory",
    "RoundNotice",
    "RuleBook",
    "RuleSet",
    "UnitFacts",
    "Verdict",
    "combine",
    "decide",
    "decide_criterion",
    "evaluate",
    "evaluate_criterion",
    "evaluate_many",
    "finding",
    "needed_inputs",
    "weakest",
]
