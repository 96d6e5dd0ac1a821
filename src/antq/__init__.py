"""antq: the rules of Vietnam's "Toàn dân bảo vệ an ninh Tổ quốc" movement as typed Python.

Start with :func:`evaluate` on :class:`UnitFacts`; every :class:`Verdict` says
which criteria were met, which were not and why, with the law's citation.
"""

from antq._moved import moved
from antq.api import decide, evaluate, evaluate_many
from antq.catalogue import CatalogueEntry, criteria_catalogue, rule_catalogue
from antq.core import (
    Check,
    Context,
    Criterion,
    CriterionInfo,
    CriterionKind,
    CriterionResult,
    Finding,
    Gate,
    Input,
    InputKind,
    Outcome,
    Parameter,
    Percent,
    Reason,
    Result,
    Rule,
    RuleBook,
    RuleEntry,
    RuleFamily,
    RuleResult,
    RuleSet,
    UnitFacts,
    Verdict,
    combine,
    explain,
    finding,
    needed_inputs,
)
from antq.core.periods import (
    AnnualWindow,
    MonthEndPolicy,
    Period,
    add_months,
    add_years,
    quarter_one,
)
from antq.core.unit_kinds import UnitKind

# The face shows the entities (but OrdinalEnum and the records no rule reads, below):
# entities.__all__ names them once.
from antq.entities import *  # noqa: F403
from antq.entities import __all__ as _entities
from antq.errors import (
    AmbiguousDateError,
    AntqError,
    CitationError,
    DefinitionError,
    InputError,
    InputErrors,
    RuleSetNotFound,
    UsageError,
)
from antq.i18n import Msg, Text
from antq.io import FactsDocument, facts_schema, read_facts, read_facts_file
from antq.law import INSTRUMENTS, Citation, Instrument, InstrumentKind, cite, get_instrument
from antq.law.confirmation import Confirmation
from antq.safety import default_rulebook
from antq.safety.hierarchy import CommuneResult, RoundResult
from antq.safety.inputs import InternalRulesTopic, OffenceCounts
from antq.safety.round import Round, evaluate_round
from antq.safety.tt23_2012.article_9_assessment_windows import school_year_period
from antq.safety.typed_facts import (
    AgencyFacts,
    CommuneFacts,
    EducationalInstitutionFacts,
    EnterpriseFacts,
    ResidentialAreaFacts,
)
from antq.safety.unit_counts import UnitCounts
from antq.safety.windows import ASSESSMENT_WINDOWS, assessment_period
from antq.vocabulary import LANGS, CodedEnum, Lang

#: The version of antq.
__version__ = "0.1.0.dev0"

__all__ = [
    "ASSESSMENT_WINDOWS",
    "INSTRUMENTS",
    "LANGS",
    "AgencyFacts",
    "AmbiguousDateError",
    "AnnualWindow",
    "AntqError",
    "CatalogueEntry",
    "Check",
    "Citation",
    "CitationError",
    "CodedEnum",
    "CommuneFacts",
    "CommuneResult",
    "Confirmation",
    "Context",
    "Criterion",
    "CriterionInfo",
    "CriterionKind",
    "CriterionResult",
    "DefinitionError",
    "EducationalInstitutionFacts",
    "EnterpriseFacts",
    "FactsDocument",
    "Finding",
    "Gate",
    "Input",
    "InputError",
    "InputErrors",
    "InputKind",
    "Instrument",
    "InstrumentKind",
    "InternalRulesTopic",
    "Lang",
    "MonthEndPolicy",
    "Msg",
    "OffenceCounts",
    "Outcome",
    "Parameter",
    "Percent",
    "Period",
    "Reason",
    "ResidentialAreaFacts",
    "Result",
    "Round",
    "RoundResult",
    "Rule",
    "RuleBook",
    "RuleEntry",
    "RuleFamily",
    "RuleResult",
    "RuleSet",
    "RuleSetNotFound",
    "Text",
    "UnitCounts",
    "UnitFacts",
    "UnitKind",
    "UsageError",
    "Verdict",
    "__version__",
    "add_months",
    "add_years",
    "assessment_period",
    "cite",
    "combine",
    "criteria_catalogue",
    "decide",
    "default_rulebook",
    "evaluate",
    "evaluate_many",
    "evaluate_round",
    "explain",
    "facts_schema",
    "finding",
    "get_instrument",
    "needed_inputs",
    "quarter_one",
    "read_facts",
    "read_facts_file",
    "rule_catalogue",
    "school_year_period",
]
#: Records of the domain that no rule of antq reads (facts are given with the typed facts
#: classes, ``ResidentialAreaFacts``...): they stay in antq.entities and leave the top level
#: after one release; until then ``antq.ResidentialArea`` warns and gives the same class.
_NOT_READ_BY_RULES = (
    "AdministrativeUnit",
    "Agency",
    "EducationalInstitution",
    "Enterprise",
    "MassModel",
    "ModelSite",
    "Person",
    "ResidentialArea",
    "StreetGuardTeam",
)
for _name in _NOT_READ_BY_RULES:
    del globals()[_name]  # so that the module's __getattr__ warns
__getattr__ = moved(__name__, dict.fromkeys(_NOT_READ_BY_RULES, "antq.entities"))
# OrdinalEnum, the base of the ranked enums, is left to antq.entities.
__all__ += [name for name in _entities if name != "OrdinalEnum" and name not in _NOT_READ_BY_RULES]
