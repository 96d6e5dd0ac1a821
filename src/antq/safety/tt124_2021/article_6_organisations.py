"""Thông tư 124/2021/TT-BCA, Điều 6: agencies (cơ quan) and enterprises (doanh nghiệp).

Điều 1 khoản 2 keeps armed-forces agencies and units, and small and micro
enterprises, outside the circular: for them the verdict is NOT_APPLICABLE.
Period: 16/11 of the previous year - 15/11 (Điều 8 khoản 2).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from antq.core.criterion import Context, Criterion, CriterionKind, FastCheck, Finding, finding
from antq.core.outcome import Outcome
from antq.core.ruleset import RuleSet
from antq.i18n.catalog import Msg
from antq.periods import Period
from antq.safety import inputs as i
from antq.safety.checks import AllOf, NoneCounted, TopicsCovered
from antq.safety.inputs import InternalRulesTopic as Topic
from antq.safety.tt124_2021._common import INSTRUMENT, NOTICES, SIGNED, VALID_FROM, c124, window
from antq.safety.tt124_2021._shared_items import incident_items, planning, security_force, subunits
from antq.unit_kinds import UnitKind

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


@attrs.frozen
class AgencyInScope:
    """Điều 1 khoản 2 điểm b: armed-forces agencies and units are excluded."""

    def decide(self, context: Context) -> Outcome:
        return Outcome.NOT_APPLICABLE if context[i.IS_ARMED_FORCES] else Outcome.MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name = i.IS_ARMED_FORCES.name
        met, excluded = Outcome.MET, Outcome.NOT_APPLICABLE

        def agency_in_scope(values: Mapping[str, Any], period: Period) -> Outcome:
            return excluded if values[name] else met

        return agency_in_scope

    def __call__(self, context: Context) -> Finding:
        if self.decide(context) is Outcome.NOT_APPLICABLE:
            return finding(
                Outcome.NOT_APPLICABLE,
                Msg("agencies and units of the armed forces are outside the circular"),
            )
        return finding(Outcome.MET, Msg("within the circular's scope"))


@attrs.frozen
class EnterpriseInScope:
    """Điều 1 khoản 2 điểm b: small and micro enterprises are excluded."""

    def decide(self, context: Context) -> Outcome:
        small = context[i.ENTERPRISE_SIZE].small_or_micro
        return Outcome.NOT_APPLICABLE if small else Outcome.MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name = i.ENTERPRISE_SIZE.name
        met, excluded = Outcome.MET, Outcome.NOT_APPLICABLE

        def enterprise_in_scope(values: Mapping[str, Any], period: Period) -> Outcome:
            return excluded if values[name].small_or_micro else met

        return enterprise_in_scope

    def __call__(self, context: Context) -> Finding:
        size = context[i.ENTERPRISE_SIZE]
        if self.decide(context) is Outcome.NOT_APPLICABLE:
            return finding(
                Outcome.NOT_APPLICABLE,
                Msg("a {size} enterprise is outside the circular"),
                size=size,
            )
        return finding(Outcome.MET, Msg("within the circular's scope"))


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
        Criterion(
            id=f"{prefix}.no-staff-admin-penalty",
            title=Msg(
                "No official or worker was given an administrative penalty in the security-and-order field"
            ),
            citation=c124(6, 3, "h"),
            kind=CriterionKind.BOOLEAN,
            inputs=(i.STAFF_ADMIN_SANCTIONED,),
            check=NoneCounted(i.STAFF_ADMIN_SANCTIONED),
            note=Msg("point h is read as two counts because its wording is ambiguous"),
        ),
        Criterion(
            id=f"{prefix}.no-staff-social-evil",
            title=Msg(
                "No official or worker with a social evil was disciplined with a warning or heavier"
            ),
            citation=c124(6, 3, "h"),
            kind=CriterionKind.BOOLEAN,
            inputs=(i.STAFF_SOCIAL_EVIL_DISCIPLINED,),
            check=NoneCounted(i.STAFF_SOCIAL_EVIL_DISCIPLINED),
            note=Msg("point h is read as two counts because its wording is ambiguous"),
        ),
        *security_force(prefix, c124(6, 4), if_any=False),
        *subunits(prefix, c124(6, 5)),
    )


AGENCY_SCOPE = Criterion(
    id="tt124.agency.scope",
    title=Msg("The agency is within the circular's scope (not an armed-forces agency or unit)"),
    citation=c124(1, 2, "b"),
    kind=CriterionKind.BOOLEAN,
    inputs=(i.IS_ARMED_FORCES,),
    check=AgencyInScope(),
)
ENTERPRISE_SCOPE = Criterion(
    id="tt124.enterprise.scope",
    title=Msg("The enterprise is within the circular's scope (not a small or micro enterprise)"),
    citation=c124(1, 2, "b"),
    kind=CriterionKind.BOOLEAN,
    inputs=(i.ENTERPRISE_SIZE,),
    check=EnterpriseInScope(),
    note=Msg(
        "the size class comes from the law on small and medium enterprises; antq takes it as given"
    ),
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
