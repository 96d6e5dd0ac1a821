"""Thông tư 23/2012/TT-BCA, Điều 7: agencies (cơ quan) and enterprises (doanh nghiệp).

Items 1-3 are confirmed (safe-standard.md S12):

1. each year: a plan of the Party committee and the head of the unit, a
   registration, internal rules (protection of the unit, State secrets,
   internal political protection, fire prevention) and an emulation pledge
   signed by 100% of the staff;
2. effective implementation, a coordination plan with the local government
   and the police, and a self-prevention / self-management / self-protection
   model;
3. none of: mass complaints, unlawful strikes, thefts of high-value assets,
   leaks of technology or State secrets, serious fires, explosions or labour
   accidents; and no staff member committed a crime or has a social evil.
   TT 23 as known to antq gives no force-majeure exception for these.

Item 4, on the unit's security force, is not available to antq. A 2018 report
(S14) indicates that nobody was disciplined with a warning or heavier and that
a share of the sub-units (70% in that report) earned "Tập thể lao động tiên
tiến". Both are encoded as UNCONFIRMED, the share as a parameter with no value
(UNKNOWN until the user supplies it), and the assessor's finding stands in for
the rest of the item. Both are cited to the article: the clause is not known.

TT 23 excludes nobody: armed-forces agencies and small or micro enterprises
are assessed like any other (TT 124 Điều 1 excludes them). Period (Điều 9
khoản 2): 01/12 of the previous year - 30/11.
"""

from __future__ import annotations

from typing import Any

from antq.core.criterion import Check, Criterion, CriterionKind, Parameter
from antq.core.inputs import Input
from antq.core.ruleset import RuleSet
from antq.core.unit_kinds import UnitKind
from antq.entities.incidents import IncidentCategory as Cat
from antq.i18n.catalog import Msg
from antq.law.confirmation import Confirmation
from antq.safety import inputs as shared
from antq.safety._items import fact_item
from antq.safety.checks import AllOf, IsTrue, NoIncidents, NoneCounted, TopicsCovered
from antq.safety.inputs import EMPTY_SUBUNITS
from antq.safety.inputs import InternalRulesTopic as Topic
from antq.safety.tt23_2012 import inputs as i
from antq.safety.tt23_2012._common import (
    INSTRUMENT,
    NOTICES,
    VALID_FROM,
    VALID_TO,
    ShareAtLeastParameter,
    c23,
)
from antq.safety.tt23_2012.article_9_assessment_windows import window

#: Điều 7 item 1: the four topics of the internal rules.
AGENCY_TOPICS = frozenset(
    {Topic.UNIT_PROTECTION, Topic.STATE_SECRETS, Topic.INTERNAL_POLITICS, Topic.FIRE_PREVENTION}
)

SUBUNIT_SHARE: Parameter[int] = Parameter(
    name="tt23_subunit_share_percent",
    label=Msg(
        "minimum share (%) of sub-units with 'Tập thể lao động tiên tiến' under Circular 23/2012"
    ),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    citation=c23(7),
)

_ITEM4_NOTE = Msg(
    "the security-force item of Article 7 is not available to antq; this part is indicated only by a 2018 report on its application"
)


def _criteria(prefix: str) -> tuple[Criterion, ...]:
    def event(slug: str, title: Msg, check: Check, inputs: tuple[Input[Any], ...]) -> Criterion:
        return Criterion(
            id=f"{prefix}.{slug}",
            title=title,
            citation=c23(7, 3),
            kind=CriterionKind.BOOLEAN,
            inputs=inputs,
            check=check,
        )

    return (
        # Item 1: each year.
        fact_item(
            f"{prefix}.security-plan",
            Msg(
                "The Party committee and the head of the unit made a security-and-order plan for the year"
            ),
            c23(7, 1),
            IsTrue(i.SECURITY_PLAN_ANNUAL),
        ),
        fact_item(
            f"{prefix}.registration",
            Msg("The unit registered for the year to strive for the standard"),
            c23(7, 1),
            IsTrue(i.REGISTERED_ANNUALLY),
        ),
        Criterion(
            id=f"{prefix}.internal-rules",
            title=Msg(
                "Internal rules cover protection of the unit, State secrets, internal political protection and fire prevention"
            ),
            citation=c23(7, 1),
            kind=CriterionKind.BOOLEAN,
            inputs=(i.INTERNAL_RULES_TOPICS_ANNUAL,),
            check=TopicsCovered(i.INTERNAL_RULES_TOPICS_ANNUAL, AGENCY_TOPICS),
        ),
        Criterion(
            id=f"{prefix}.staff-pledged",
            title=Msg("All staff (100%) signed the emulation pledge"),
            citation=c23(7, 1),
            kind=CriterionKind.THRESHOLD,
            inputs=(i.STAFF_PLEDGED, shared.STAFF_TOTAL),
            check=AllOf(i.STAFF_PLEDGED, shared.STAFF_TOTAL),
        ),
        # Item 2.
        fact_item(
            f"{prefix}.work-effective",
            Msg("The security-and-order plan and rules were carried out effectively"),
            c23(7, 2),
            IsTrue(i.SECURITY_WORK_EFFECTIVE),
            kind=CriterionKind.JUDGEMENT,
        ),
        fact_item(
            f"{prefix}.coordination-plan",
            Msg("There is a coordination plan with the local government and the police"),
            c23(7, 2),
            IsTrue(i.COORDINATION_PLAN),
        ),
        fact_item(
            f"{prefix}.self-protection-model",
            Msg("There is a self-prevention, self-management and self-protection model"),
            c23(7, 2),
            IsTrue(i.SELF_PROTECTION_MODEL),
        ),
        # Item 3: none of these events.
        event(
            "no-mass-complaints",
            Msg("No mass complaints"),
            NoneCounted(i.MASS_COMPLAINTS),
            (i.MASS_COMPLAINTS,),
        ),
        event(
            "no-unlawful-strike",
            Msg("No unlawful strike"),
            NoIncidents(frozenset({Cat.UNLAWFUL_STRIKE})),
            (shared.INCIDENTS,),
        ),
        event(
            "no-high-value-theft",
            Msg("No theft of high-value assets"),
            NoneCounted(i.HIGH_VALUE_THEFTS),
            (i.HIGH_VALUE_THEFTS,),
        ),
        event(
            "no-secret-leak",
            Msg("No leak of technology secrets or State secrets"),
            NoneCounted(i.SECRET_LEAKS),
            (i.SECRET_LEAKS,),
        ),
        event(
            "no-serious-fire-explosion",
            Msg("No serious fire or explosion"),
            NoIncidents(frozenset({Cat.SERIOUS_FIRE_EXPLOSION})),
            (shared.INCIDENTS,),
        ),
        event(
            "no-serious-labour-accident",
            Msg("No serious labour accident"),
            NoneCounted(i.SERIOUS_LABOUR_ACCIDENTS),
            (i.SERIOUS_LABOUR_ACCIDENTS,),
        ),
        event(
            "no-staff-offending",
            Msg("No staff member committed a crime or has a social evil"),
            NoneCounted(i.STAFF_CRIME_OR_SOCIAL_EVIL),
            (i.STAFF_CRIME_OR_SOCIAL_EVIL,),
        ),
        # Item 4: known only from a report on its application.
        fact_item(
            f"{prefix}.individual-discipline",
            Msg("No individual of the unit was disciplined with a warning or heavier"),
            c23(7),
            NoneCounted(shared.INDIVIDUALS_DISCIPLINED),
            confirmation=Confirmation.UNCONFIRMED,
            note=_ITEM4_NOTE,
        ),
        Criterion(
            id=f"{prefix}.subunits",
            title=Msg(
                "A required share of the sub-units earned 'Tập thể lao động tiên tiến' (the share must be supplied)"
            ),
            citation=c23(7),
            kind=CriterionKind.THRESHOLD,
            inputs=(i.SUBUNITS_ADVANCED, shared.SUBUNITS_ELIGIBLE),
            check=ShareAtLeastParameter(
                i.SUBUNITS_ADVANCED, shared.SUBUNITS_ELIGIBLE, SUBUNIT_SHARE, EMPTY_SUBUNITS
            ),
            parameters=(SUBUNIT_SHARE, EMPTY_SUBUNITS),
            confirmation=Confirmation.UNCONFIRMED,
            note=Msg(
                "a 2018 report on the application of Article 7 gives 70%, not confirmed in the text, so antq has no value for the share; the denominator is read as the sub-units eligible for rating"
            ),
        ),
        fact_item(
            f"{prefix}.security-force-remainder",
            Msg(
                "The rest of the security-force item of Article 7 is met, as the assessor finds from the official text"
            ),
            c23(7),
            IsTrue(i.SECURITY_FORCE_ITEM_MET),
            kind=CriterionKind.JUDGEMENT,
            confirmation=Confirmation.UNCONFIRMED,
            note=_ITEM4_NOTE,
        ),
    )


AGENCY = RuleSet(
    id="tt23.agency",
    kind=UnitKind.AGENCY,
    instrument=INSTRUMENT,
    title=Msg("Safe agency (Circular 23/2012, Article 7)"),
    window=window(UnitKind.AGENCY),
    criteria=_criteria("tt23.agency"),
    valid_from=VALID_FROM,
    signed=VALID_FROM,
    notices=NOTICES,
    valid_to=VALID_TO,
)
ENTERPRISE = RuleSet(
    id="tt23.enterprise",
    kind=UnitKind.ENTERPRISE,
    instrument=INSTRUMENT,
    title=Msg("Safe enterprise (Circular 23/2012, Article 7)"),
    window=window(UnitKind.ENTERPRISE),
    criteria=_criteria("tt23.enterprise"),
    valid_from=VALID_FROM,
    signed=VALID_FROM,
    notices=NOTICES,
    valid_to=VALID_TO,
)
