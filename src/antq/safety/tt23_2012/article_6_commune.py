"""Thông tư 23/2012/TT-BCA, Điều 6: a commune, ward or township (xã, phường, thị trấn).

Confirmed (safe-standard.md S11), all required:

1. each year ("hằng năm", no Quarter I deadline): a Party-committee resolution,
   a People's Committee plan and a registration;
2. the residential-area criteria of Điều 5 khoản 2, 3 and 4, over the commune.
   The cross-reference is confirmed, but Điều 5 itself is known only in part
   (see :mod:`antq.safety.tt23_2012.article_5_residential_area`): the items a secondary source
   reports are applied, and the assessor's finding stands in for the rest;
3. the commune police and the civil-defence force (Bảo vệ dân phố) earned
   "Đơn vị tiên tiến" or higher, and nobody was disciplined with a warning or
   heavier;
4. at least 70% of the commune's **residential areas** were recognised.
   Agencies, enterprises and schools are not counted and, unlike TT 124, there
   is no rule that 100% registered: 18 of 25 (72%) passes, 17 of 25 (68%) fails.

No movement model is required (TT 124 added that). Period (Điều 9 khoản 2):
"30/11 of the previous year - 30/11", read as 01/12 - 30/11.
"""

from __future__ import annotations

from antq.core.criterion import Criterion, CriterionKind
from antq.core.ruleset import RuleSet
from antq.core.unit_kinds import UnitKind
from antq.entities.grades import EmulationTitle
from antq.i18n.catalog import Msg
from antq.law.confirmation import Confirmation
from antq.law.tables import load
from antq.safety._items import fact_item
from antq.safety.checks import IsTrue, NoneCounted
from antq.safety.gates import WhenTrue
from antq.safety.tt23_2012 import inputs as i
from antq.safety.tt23_2012._common import (
    COMMUNE_S8_NOTE,
    INSTRUMENT,
    NOTICES,
    VALID_FROM,
    VALID_TO,
    TitleAtLeast,
    c23,
    territory_criteria,
)
from antq.safety.tt23_2012.article_9_assessment_windows import window
from antq.safety.unit_counts import UNIT_OUTCOMES, RollupRule, UnitsRecognised, read_rollup_rule

P = "tt23.commune"

#: Điều 6 khoản 4: how the units under the commune count for it (``data/rollup.toml``).
ROLLUP_RULE: RollupRule = read_rollup_rule(
    load("antq.safety.tt23_2012", "data/rollup.toml")["rule"],
    (i.RESIDENTIAL_AREAS_TOTAL, i.RESIDENTIAL_AREAS_RECOGNISED),
)
#: Điều 6 khoản 4: the share of those units that must be recognised, as the criterion reads it.
RECOGNISED_SHARE_PERCENT = ROLLUP_RULE.share_percent

_TITLE_NOTE = Msg(
    "'Tập thể lao động tiên tiến', the civilian counterpart of 'Đơn vị tiên tiến', is ranked equal to it"
)

CRITERIA: tuple[Criterion, ...] = (
    # Khoản 1: each year, resolution, plan and registration.
    fact_item(
        f"{P}.party-resolution",
        Msg("The Party committee passed its resolution on security and order for the year"),
        c23(6, 1),
        IsTrue(i.PARTY_RESOLUTION_ANNUAL),
    ),
    fact_item(
        f"{P}.security-plan",
        Msg("The People's Committee made a security-and-order plan for the year"),
        c23(6, 1),
        IsTrue(i.SECURITY_PLAN_ANNUAL),
    ),
    fact_item(
        f"{P}.registration",
        Msg("The commune registered for the year to strive for the standard"),
        c23(6, 1),
        IsTrue(i.REGISTERED_ANNUALLY),
    ),
    # Khoản 2: Điều 5 khoản 2-4 over the commune (known only in part).
    *territory_criteria(P, c23(6, 2), COMMUNE_S8_NOTE),
    fact_item(
        f"{P}.residential-criteria-remainder",
        Msg(
            "The rest of Article 5(2)-(4) is met over the commune, as the assessor finds from the official text"
        ),
        c23(6, 2),
        IsTrue(i.COMMUNE_RESIDENTIAL_REMAINDER_MET),
        kind=CriterionKind.JUDGEMENT,
        confirmation=Confirmation.UNCONFIRMED,
        note=Msg(
            "the commune must meet Article 5(2)-(4), whose text is not available to antq: it asks for the assessor's finding instead of assuming the commune passes"
        ),
    ),
    # Khoản 3: the commune police and the civil-defence force.
    Criterion(
        id=f"{P}.police-title",
        title=Msg("The commune police earned the title 'Đơn vị tiên tiến' or higher"),
        citation=c23(6, 3),
        kind=CriterionKind.JUDGEMENT,
        inputs=(i.COMMUNE_POLICE_TITLES,),
        check=TitleAtLeast(i.COMMUNE_POLICE_TITLES, EmulationTitle.DON_VI_TIEN_TIEN),
        note=_TITLE_NOTE,
    ),
    Criterion(
        id=f"{P}.civil-defence-title",
        title=Msg("The civil-defence force earned the title 'Đơn vị tiên tiến' or higher"),
        citation=c23(6, 3),
        kind=CriterionKind.JUDGEMENT,
        inputs=(i.CIVIL_DEFENCE_TITLES,),
        check=TitleAtLeast(i.CIVIL_DEFENCE_TITLES, EmulationTitle.DON_VI_TIEN_TIEN),
        gate_inputs=(i.HAS_CIVIL_DEFENCE_FORCE,),
        applies_when=WhenTrue(
            i.HAS_CIVIL_DEFENCE_FORCE,
            Msg("the commune has no civil-defence force, so this item does not apply"),
        ),
        confirmation=Confirmation.PARTIAL,
        note=Msg(
            "not applicable where there is no civil-defence force (it existed only in wards and townships): antq's reading, not confirmed in the text"
        ),
    ),
    fact_item(
        f"{P}.forces-discipline",
        Msg(
            "No member of the commune police or the civil-defence force was disciplined with a warning or heavier"
        ),
        c23(6, 3),
        NoneCounted(i.COMMUNE_FORCES_DISCIPLINED),
        note=Msg(
            "the text does not say whose discipline counts; antq reads it as members of the two forces named in the same clause"
        ),
    ),
    # Khoản 4: the residential areas (only they) recognised.
    Criterion(
        id=f"{P}.residential-areas-recognised",
        title=Msg("Residential areas of the commune recognised as safe: at least 70 percent"),
        citation=c23(6, 4),
        kind=CriterionKind.THRESHOLD,
        inputs=(),
        optional_inputs=(UNIT_OUTCOMES, i.RESIDENTIAL_AREAS_RECOGNISED, i.RESIDENTIAL_AREAS_TOTAL),
        check=UnitsRecognised(
            i.RESIDENTIAL_AREAS_RECOGNISED, i.RESIDENTIAL_AREAS_TOTAL, RECOGNISED_SHARE_PERCENT
        ),
        note=Msg(
            "counted from the residential areas' own verdicts in the round; the counts the commune states are used only when none of them is in the input"
        ),
    ),
)

RULE_SET = RuleSet(
    id=P,
    kind=UnitKind.COMMUNE,
    instrument=INSTRUMENT,
    title=Msg("Safe commune, ward or township (Circular 23/2012, Article 6)"),
    window=window(UnitKind.COMMUNE),
    criteria=CRITERIA,
    valid_from=VALID_FROM,
    signed=VALID_FROM,
    notices=NOTICES,
    valid_to=VALID_TO,
)
