"""Thông tư 124/2021/TT-BCA (in force from 10/02/2022): the safe standard by unit kind.

One module per article: ``article_1_scope`` (who is outside the circular),
``article_4_residential_area``, ``article_5_commune`` (with the roll-up of khoản 4),
``article_6_organisations``, ``article_7_education``, ``article_8_assessment_windows``
(the windows of khoản 2), ``article_9_procedure`` (deadlines and dossiers),
``article_9_routing`` (where a dossier goes, khoản 1), ``article_10_competence``;
``territory`` holds Điều 4 khoản 2-4, which a commune applies under Điều 5 khoản 2.
"""

from antq.core.ruleset import RuleSet
from antq.safety.tt124_2021 import (
    article_4_residential_area,
    article_5_commune,
    article_6_organisations,
    article_7_education,
)
from antq.safety.tt124_2021._common import INSTRUMENT, SIGNED, VALID_FROM

RULE_SETS: tuple[RuleSet, ...] = (
    article_4_residential_area.RULE_SET,
    article_5_commune.RULE_SET,
    article_6_organisations.AGENCY,
    article_6_organisations.ENTERPRISE,
    article_7_education.RULE_SET,
)

__all__ = ["INSTRUMENT", "RULE_SETS", "SIGNED", "VALID_FROM"]
