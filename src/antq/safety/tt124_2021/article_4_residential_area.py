"""Thông tư 124/2021/TT-BCA, Điều 4: a residential area (khu dân cư).

A residential area (thôn, tổ dân phố and their local equivalents) is
recognised as safe when it meets every criterion of Điều 4, over its period
01/11 of the previous year - 31/10 (Điều 8 khoản 2).
"""

from __future__ import annotations

from antq.core.criterion import Criterion, CriterionKind
from antq.core.ruleset import RuleSet
from antq.core.unit_kinds import UnitKind
from antq.entities.grades import TaskGrade
from antq.i18n.catalog import Msg
from antq.safety import inputs as i
from antq.safety._items import fact_item
from antq.safety.checks import AllOf, GradeAtLeast, IsTrue, NoneCounted
from antq.safety.tt124_2021._common import (
    INSTRUMENT,
    NOTICES,
    SIGNED,
    VALID_FROM,
    c124,
)
from antq.safety.tt124_2021.article_8_assessment_windows import window
from antq.safety.tt124_2021.territory import CiteFor, territory_criteria

P = "tt124.residential-area"

CRITERIA: tuple[Criterion, ...] = (
    # Khoản 1: Quarter I resolution, registration, and every resident household registered.
    fact_item(
        f"{P}.party-resolution",
        Msg(
            "The Party cell passed a resolution on security and order (stated as done in Quarter I; antq does not check the date)"
        ),
        c124(4, 1),
        IsTrue(i.PARTY_RESOLUTION_Q1),
    ),
    fact_item(
        f"{P}.registration",
        Msg(
            "The residential area registered to strive for the standard (stated as done in Quarter I; antq does not check the date)"
        ),
        c124(4, 1),
        IsTrue(i.REGISTERED_Q1),
    ),
    Criterion(
        id=f"{P}.households-registered",
        title=Msg("All households currently residing (100%) registered to take part"),
        citation=c124(4, 1),
        kind=CriterionKind.THRESHOLD,
        inputs=(i.HOUSEHOLDS_REGISTERED, i.HOUSEHOLDS_RESIDENT),
        check=AllOf(i.HOUSEHOLDS_REGISTERED, i.HOUSEHOLDS_RESIDENT),
    ),
    # Khoản 2-4.
    *territory_criteria(P, CiteFor(article=4)),
    # Khoản 5: the grassroots security force.
    Criterion(
        id=f"{P}.force-rating",
        title=Msg("The grassroots security-and-order force is rated 'completed tasks' or higher"),
        citation=c124(4, 5),
        kind=CriterionKind.JUDGEMENT,
        inputs=(i.FORCE_GRADE,),
        check=GradeAtLeast(i.FORCE_GRADE, TaskGrade.HOAN_THANH),
        note=Msg(
            "which instrument rates the force is not confirmed; antq takes the rating as given"
        ),
    ),
    fact_item(
        f"{P}.force-discipline",
        Msg("No member of the grassroots force was disciplined for a violation"),
        c124(4, 5),
        NoneCounted(i.FORCE_MEMBERS_DISCIPLINED),
    ),
)

RULE_SET = RuleSet(
    id=P,
    kind=UnitKind.RESIDENTIAL_AREA,
    instrument=INSTRUMENT,
    title=Msg("Safe residential area (Circular 124/2021, Article 4)"),
    window=window(UnitKind.RESIDENTIAL_AREA),
    criteria=CRITERIA,
    valid_from=VALID_FROM,
    signed=SIGNED,
    notices=NOTICES,
)
