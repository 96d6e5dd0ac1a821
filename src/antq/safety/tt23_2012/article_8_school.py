"""Thông tư 23/2012/TT-BCA, Điều 8: a school (nhà trường). Known only in part.

Confirmed (safe-standard.md S13):

1. each year: a Party resolution where there is a Party organisation, a plan
   of the school board, a registration, internal rules (protection of the
   school, internal political protection, management and education of
   learners, fire prevention), and a pledge signed by 100% of the staff and
   teachers and of the learners from lower-secondary level up;
2. effective implementation, and a coordination plan of the school, the local
   government and the families where the learners are general-education pupils.

The rest of Điều 8 is not available to antq: the assessor's finding stands in
for it (``tt23_school_remainder_met``), so the verdict is UNKNOWN until given.

TT 23 excludes no school: primary schools and pre-schools are assessed too
(TT 124 Điều 1 excludes them). The period is the school year, from the
previous school-year review to the current one (Điều 9 khoản 2): it has no
fixed dates, so the rule set has no window and the facts must carry the
period (:func:`~antq.safety.tt23_2012.article_9_assessment_windows.school_year_period`).
"""

from __future__ import annotations

from antq.core.criterion import Criterion, CriterionKind
from antq.core.ruleset import RuleSet
from antq.core.unit_kinds import UnitKind
from antq.i18n.catalog import Msg
from antq.law.confirmation import Confirmation
from antq.safety import inputs as shared
from antq.safety._items import fact_item
from antq.safety.checks import AllOf, IsTrue, TopicsCovered
from antq.safety.gates import WhenTrue
from antq.safety.inputs import InternalRulesTopic as Topic
from antq.safety.tt23_2012 import inputs as i
from antq.safety.tt23_2012._common import (
    INSTRUMENT,
    NOTICES,
    VALID_FROM,
    VALID_TO,
    WhenGeneralEducation,
    c23,
)

P = "tt23.school"

#: Điều 8 item 1: the four topics of a school's internal rules.
SCHOOL_TOPICS = frozenset(
    {Topic.UNIT_PROTECTION, Topic.INTERNAL_POLITICS, Topic.LEARNERS, Topic.FIRE_PREVENTION}
)

CRITERIA: tuple[Criterion, ...] = (
    # Item 1: each year.
    fact_item(
        f"{P}.party-resolution",
        Msg(
            "Where there is a Party organisation, it passed its resolution on security and order for the year"
        ),
        c23(8, 1),
        IsTrue(i.PARTY_RESOLUTION_ANNUAL),
        gate_inputs=(shared.HAS_PARTY_ORGANISATION,),
        applies_when=WhenTrue(
            shared.HAS_PARTY_ORGANISATION,
            Msg("the unit has no Party organisation, so this item does not apply"),
        ),
    ),
    fact_item(
        f"{P}.security-plan",
        Msg("The school board made a security-and-order plan for the year"),
        c23(8, 1),
        IsTrue(i.SECURITY_PLAN_ANNUAL),
    ),
    fact_item(
        f"{P}.registration",
        Msg("The school registered for the year to strive for the standard"),
        c23(8, 1),
        IsTrue(i.REGISTERED_ANNUALLY),
    ),
    Criterion(
        id=f"{P}.internal-rules",
        title=Msg(
            "Internal rules cover protection of the school, internal political protection, management and education of learners, and fire prevention"
        ),
        citation=c23(8, 1),
        kind=CriterionKind.BOOLEAN,
        inputs=(i.INTERNAL_RULES_TOPICS_ANNUAL,),
        check=TopicsCovered(i.INTERNAL_RULES_TOPICS_ANNUAL, SCHOOL_TOPICS),
    ),
    Criterion(
        id=f"{P}.pledge",
        title=Msg(
            "All staff and teachers, and all learners from lower-secondary level up (100%), signed the pledge"
        ),
        citation=c23(8, 1),
        kind=CriterionKind.THRESHOLD,
        inputs=(i.SCHOOL_PLEDGE_SIGNED, i.SCHOOL_PLEDGE_REQUIRED),
        check=AllOf(i.SCHOOL_PLEDGE_SIGNED, i.SCHOOL_PLEDGE_REQUIRED),
    ),
    # Item 2, in part.
    fact_item(
        f"{P}.work-effective",
        Msg("The security-and-order plan and rules were carried out effectively"),
        c23(8, 2),
        IsTrue(i.SECURITY_WORK_EFFECTIVE),
        kind=CriterionKind.JUDGEMENT,
    ),
    fact_item(
        f"{P}.family-coordination",
        Msg(
            "There is a coordination plan of the school, the local government and the pupils' families"
        ),
        c23(8, 2),
        IsTrue(i.SCHOOL_FAMILY_COORDINATION),
        gate_inputs=(shared.EDUCATION_LEVEL,),
        applies_when=WhenGeneralEducation(),
    ),
    fact_item(
        f"{P}.remainder",
        Msg("The rest of Article 8 is met, as the assessor finds from the official text"),
        c23(8),
        IsTrue(i.SCHOOL_REMAINDER_MET),
        kind=CriterionKind.JUDGEMENT,
        confirmation=Confirmation.UNCONFIRMED,
        note=Msg(
            "the rest of Article 8 is not available to antq, which cannot check it: it asks for the assessor's finding instead of assuming the school passes"
        ),
    ),
)

RULE_SET = RuleSet(
    id=P,
    kind=UnitKind.EDUCATIONAL_INSTITUTION,
    instrument=INSTRUMENT,
    title=Msg("Safe school (Circular 23/2012, Article 8)"),
    window=None,
    criteria=CRITERIA,
    valid_from=VALID_FROM,
    signed=VALID_FROM,
    notices=NOTICES,
    valid_to=VALID_TO,
)
