"""antq: the rules of Vietnam's "Toàn dân bảo vệ an ninh Tổ quốc" movement as typed Python."""

from antq.confirmation import Confirmation
from antq.errors import (
    AntqError,
    CitationError,
    DefinitionError,
    InputError,
    InputErrors,
    RuleSetNotFound,
)
from antq.unit_kinds import UnitKind
from antq.vocabulary import LANGS, CodedEnum, Lang

__version__ = "0.1.0.dev0"

__all__ = [
    "LANGS",
    "AntqError",
    "CitationError",
    "CodedEnum",
    "Confirmation",
    "DefinitionError",
    "InputError",
    "InputErrors",
    "Lang",
    "RuleSetNotFound",
    "UnitKind",
    "__version__",
]
