"""Thông tư 124/2021/TT-BCA, Điều 6: agencies (cơ quan) and enterprises (doanh nghiệp).

Điều 1 khoản 2 keeps armed-forces agencies and units, and small and micro
enterprises, outside the circular: for them the verdict is NOT_APPLICABLE.
Period: 16/11 of the previous year - 15/11 (Điều 8 khoản 2).
"""

from __future__ import annotations

from antq.core.criterion import Criterion, CriterionKind
from antq.core.ruleset import RuleSet
from antq.core.unit_kinds import UnitKind
from antq.i18n.catalog import Msg
from antq.safety import inputs as i
from antq.safety._items import fact_item
from antq.safety.checks import AllOf, NoneCounted, TopicsCovered
from antq.safety.inputs import InternalRulesTopic as Topic
from antq.safety.tt124_2021._common import INSTRUMENT, NOTICES, SIGNED, VALID_FROM, c124
from antq.safety.tt124_2021._shared_items import incident_items, planning, security_force, subunits
from antq.safety.tt124_2021.article_1_scope import (
    AGENCY_SCOPE,
    ENTERPRISE_SCOPE,
)
from antq.safety.tt124_2021.article_8_assessment_windows import window

#: Điều 6 khoản 1: the six topics of an agency's or enterprise's internal rules.
AGENCY_TOPICS = frozenset(
    {
        Topic.UNIT_PROTECTION,
        Topic.STATE_SECRETS,
        Topic.INTERNAL_POLITICS,
        Topic.LABOUR_SAFETY,
        Topic.FIRE_PREVENTION,
        Topic.ENVIRONMENT,
    }
)


def _criteria(prefix: str) -> tuple[Criterion, ...]:
    planning_items = planning(prefix, 6)
    return (
        *planning_items[:3],
        Criterion(
            id=f"{prefix}.internal-rules",
            title=Msg(
                "Internal rules (stated as made in Quarter I; antq does not check the date) cover the six required topics"
            ),
            citation=c124(6, 1),
            kind=CriterionKind.BOOLEAN,
            inputs=(i.INTERNAL_RULES_TOPICS,),
            check=TopicsCovered(i.INTERNAL_RULES_TOPICS, AGENCY_TOPICS),
        ),
        Criterion(
            id=f"{prefix}.staff-informed",
            title=Msg(
                "All officials, civil servants, public employees and workers (100%) were informed of the rules and criteria"
            ),
            citation=c124(6, 1),
            kind=CriterionKind.THRESHOLD,
            inputs=(i.STAFF_INFORMED, i.STAFF_TOTAL),
            check=AllOf(i.STAFF_INFORMED, i.STAFF_TOTAL),
        ),
        *planning_items[3:],
        *incident_items(prefix, None, "abcdđeg"),
        fact_item(
            f"{prefix}.no-staff-admin-penalty",
            Msg(
                "No official or worker was given an administrative penalty in the security-and-order field"
            ),
            c124(6, 3, "h"),
            NoneCounted(i.STAFF_ADMIN_SANCTIONED),
            note=Msg("point h is read as two counts because its wording is ambiguous"),
        ),
        fact_item(
            f"{prefix}.no-staff-social-evil",
            Msg(
                "No official or worker with a social evil was disciplined with a warning or heavier"
            ),
            c124(6, 3, "h"),
            NoneCounted(i.STAFF_SOCIAL_EVIL_DISCIPLINED),
            note=Msg("point h is read as two counts because its wording is ambiguous"),
        ),
        *security_force(prefix, c124(6, 4), if_any=False),
        *subunits(prefix, c124(6, 5)),
    )


AGENCY = RuleSet(
    id="tt124.agency",
    kind=UnitKind.AGENCY,
    instrument=INSTRUMENT,
    title=Msg("Safe agency (Circular 124/2021, Article 6)"),
    window=window(UnitKind.AGENCY),
    eligibility=(AGENCY_SCOPE,),
    criteria=_criteria("tt124.agency"),
    valid_from=VALID_FROM,
    signed=SIGNED,
    notices=NOTICES,
)
ENTERPRISE = RuleSet(
    id="tt124.enterprise",
    kind=UnitKind.ENTERPRISE,
    instrument=INSTRUMENT,
    title=Msg("Safe enterprise (Circular 124/2021, Article 6)"),
    window=window(UnitKind.ENTERPRISE),
    eligibility=(ENTERPRISE_SCOPE,),
    criteria=_criteria("tt124.enterprise"),
    valid_from=VALID_FROM,
    signed=SIGNED,
    notices=NOTICES,
)
