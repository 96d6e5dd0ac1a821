"""Thông tư 124/2021/TT-BCA, Điều 7: educational institutions (cơ sở giáo dục).

Điều 1 khoản 2 keeps primary schools, pre-schools and crèches outside the
circular. Điều 7 khoản 3 applies Điều 6 khoản 3 points a, b, c, đ, e and g
(not d, strikes, nor h, staff penalties). Period: 16/11 - 15/11.
"""

from __future__ import annotations

from antq.core.criterion import Criterion, CriterionKind
from antq.core.ruleset import RuleSet
from antq.core.unit_kinds import UnitKind
from antq.entities.incidents import IncidentCategory as Cat
from antq.i18n.catalog import Msg
from antq.safety import inputs as i
from antq.safety._items import fact_item
from antq.safety.checks import AllOf, IsTrue, NoIncidents, NoneCounted, TopicsCovered
from antq.safety.gates import WhenGeneralEducation
from antq.safety.inputs import InternalRulesTopic as Topic
from antq.safety.tt124_2021._common import INSTRUMENT, NOTICES, SIGNED, VALID_FROM, c124
from antq.safety.tt124_2021._shared_items import incident_items, planning, security_force, subunits
from antq.safety.tt124_2021.article_1_scope import INSTITUTION_SCOPE
from antq.safety.tt124_2021.article_8_assessment_windows import window

P = "tt124.educational-institution"

#: Điều 7 khoản 1: the four topics of an institution's internal rules.
SCHOOL_TOPICS = frozenset(
    {Topic.UNIT_PROTECTION, Topic.INTERNAL_POLITICS, Topic.LEARNERS, Topic.FIRE_PREVENTION}
)


_planning = planning(P, 7)

CRITERIA: tuple[Criterion, ...] = (
    *_planning[:3],
    Criterion(
        id=f"{P}.internal-rules",
        title=Msg(
            "Internal rules (stated as made in Quarter I; antq does not check the date) cover the four required topics"
        ),
        citation=c124(7, 1),
        kind=CriterionKind.BOOLEAN,
        inputs=(i.INTERNAL_RULES_TOPICS,),
        check=TopicsCovered(i.INTERNAL_RULES_TOPICS, SCHOOL_TOPICS),
    ),
    Criterion(
        id=f"{P}.members-informed",
        title=Msg(
            "All staff, teachers and learners (100%) were informed of the rules and criteria"
        ),
        citation=c124(7, 1),
        kind=CriterionKind.THRESHOLD,
        inputs=(i.SCHOOL_MEMBERS_INFORMED, i.SCHOOL_MEMBERS_TOTAL),
        check=AllOf(i.SCHOOL_MEMBERS_INFORMED, i.SCHOOL_MEMBERS_TOTAL),
    ),
    *_planning[3:],
    fact_item(
        f"{P}.parent-board",
        Msg("Students are managed jointly with the parents' representative board"),
        c124(7, 2),
        IsTrue(i.PARENT_BOARD_COORDINATION),
        gate_inputs=(i.EDUCATION_LEVEL,),
        applies_when=WhenGeneralEducation(
            i.EDUCATION_LEVEL, Msg("only general-education institutions must do this")
        ),
    ),
    *incident_items(P, c124(7, 3), "abcđeg"),
    Criterion(
        id=f"{P}.no-school-violence",
        title=Msg("No school violence"),
        citation=c124(7, 4),
        kind=CriterionKind.BOOLEAN,
        inputs=(i.INCIDENTS,),
        check=NoIncidents(frozenset({Cat.SCHOOL_VIOLENCE})),
    ),
    fact_item(
        f"{P}.no-offending-members",
        Msg(
            "No staff member, teacher or learner who committed a crime or has a social evil was disciplined with a warning or heavier"
        ),
        c124(7, 4),
        NoneCounted(i.MEMBERS_OFFENDING_DISCIPLINED),
        note=Msg(
            "the clause joins its two parts with a comma; antq reads them as separate requirements"
        ),
    ),
    *security_force(P, c124(7, 5), if_any=True),
    *subunits(P, c124(7, 6)),
)

RULE_SET = RuleSet(
    id=P,
    kind=UnitKind.EDUCATIONAL_INSTITUTION,
    instrument=INSTRUMENT,
    title=Msg("Safe educational institution (Circular 124/2021, Article 7)"),
    window=window(UnitKind.EDUCATIONAL_INSTITUTION),
    eligibility=(INSTITUTION_SCOPE,),
    criteria=CRITERIA,
    valid_from=VALID_FROM,
    signed=SIGNED,
    notices=NOTICES,
)
