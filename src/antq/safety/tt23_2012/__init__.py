"""Thông tư 23/2012/TT-BCA (replaced by TT 124/2021 from 10/02/2022): the safe standard
by unit kind, for rounds whose assessment period ends on or before 09/02/2022.

What is confirmed (safe-standard.md §5): the commune (Điều 6), agency and
enterprise items 1-3 (Điều 7), school items 1-2 in part (Điều 8) and the
periods (Điều 9 khoản 2). The residential-area criteria (Điều 5), the
security-force item of Điều 7 and the rest of Điều 8 are not available to
antq: what secondary sources report is encoded as UNCONFIRMED, and an
assessor's finding stands in for the rest, so a verdict is never "met"
on the strength of text antq does not have.

TT 23 has no scope exclusions (no small-enterprise, armed-forces or
primary-school carve-out), so its rule sets have no eligibility checks.

One module per article (``article_5_residential_area`` to ``article_8_school``, and
``article_9_assessment_windows`` for the windows of Điều 9 khoản 2);
``article_6_commune`` holds the roll-up of Điều 6 khoản 4.
"""

from antq.core.ruleset import RuleSet
from antq.safety.tt23_2012 import (
    article_5_residential_area,
    article_6_commune,
    article_7_organisations,
    article_8_school,
)
from antq.safety.tt23_2012._common import INSTRUMENT, VALID_FROM, VALID_TO

RULE_SETS: tuple[RuleSet, ...] = (
    article_5_residential_area.RULE_SET,
    article_6_commune.RULE_SET,
    article_7_organisations.AGENCY,
    article_7_organisations.ENTERPRISE,
    article_8_school.RULE_SET,
)

__all__ = ["INSTRUMENT", "RULE_SETS", "VALID_FROM", "VALID_TO"]
