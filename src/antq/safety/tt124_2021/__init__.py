"""Thông tư 124/2021/TT-BCA (in force from 10/02/2022): the safe standard by unit kind."""

from antq.core.ruleset import RuleSet
from antq.safety.tt124_2021 import (
    article_4_residential_area,
    article_5_commune,
    article_6_organisations,
    article_7_education,
)

RULE_SETS: tuple[RuleSet, ...] = (
    article_4_residential_area.RULE_SET,
    article_5_commune.RULE_SET,
    article_6_organisations.AGENCY,
    article_6_organisations.ENTERPRISE,
    article_7_education.RULE_SET,
)

__all__ = ["RULE_SETS"]
