"""Thông tư 124/2021/TT-BCA (in force from 10/02/2022): the safe standard by unit kind."""

from antq.core.ruleset import RuleSet
from antq.safety.tt124 import commune, education, organisations, residential_area

RULE_SETS: tuple[RuleSet, ...] = (
    residential_area.RULE_SET,
    commune.RULE_SET,
    organisations.AGENCY,
    organisations.ENTERPRISE,
    education.RULE_SET,
)

__all__ = ["RULE_SETS"]
