"""Thông tư 23/2012/TT-BCA, Điều 5: a residential area (khu dân cư). Known only in part.

The text of Điều 5 is not available to antq. A secondary source comparing the
two circulars (safe-standard.md S8) indicates that it asked, each year, for a
Party-cell resolution, a registration and a pledge signed by 100% of
households, and that it counted complex disputes among the people and mass or
over-level unlawful complaints. Those items are encoded here, each marked
UNCONFIRMED, and cited to the article only: which clause holds each item is
not known.

**The rest of Điều 5 is unknown**: its crime, accident and grassroots-force
clauses and their thresholds. antq cannot check them, so the rule set asks the
assessor for one finding on them (``tt23_residential_area_remainder_met``) and
the verdict stays UNKNOWN until it is given.

Period (Điều 9 khoản 2): "31/10 of the previous year - 31/10", read as
01/11 of the previous year - 31/10 (see :mod:`~antq.safety.tt23_2012.article_9_assessment_windows`).
"""

from __future__ import annotations

from antq.core.criterion import Criterion, CriterionKind
from antq.core.ruleset import RuleSet
from antq.core.unit_kinds import UnitKind
from antq.i18n.catalog import Msg
from antq.law.confirmation import Confirmation
from antq.safety._items import fact_item
from antq.safety.checks import AllOf, IsTrue
from antq.safety.tt23_2012 import inputs as i
from antq.safety.tt23_2012._common import (
    INSTRUMENT,
    NOTICES,
    S8_NOTE,
    VALID_FROM,
    VALID_TO,
    c23,
    territory_criteria,
)
from antq.safety.tt23_2012.article_9_assessment_windows import window

P = "tt23.residential-area"


CRITERIA: tuple[Criterion, ...] = (
    fact_item(
        f"{P}.party-resolution",
        Msg("The Party cell passed its resolution on security and order for the year"),
        c23(5),
        IsTrue(i.PARTY_RESOLUTION_ANNUAL),
        confirmation=Confirmation.UNCONFIRMED,
        note=S8_NOTE,
    ),
    fact_item(
        f"{P}.registration",
        Msg("The residential area registered for the year to strive for the standard"),
        c23(5),
        IsTrue(i.REGISTERED_ANNUALLY),
        confirmation=Confirmation.UNCONFIRMED,
        note=S8_NOTE,
    ),
    Criterion(
        id=f"{P}.households-pledged",
        title=Msg("All households (100%) signed the emulation pledge"),
        citation=c23(5),
        kind=CriterionKind.THRESHOLD,
        inputs=(i.HOUSEHOLDS_PLEDGED, i.HOUSEHOLDS_IN_AREA),
        check=AllOf(i.HOUSEHOLDS_PLEDGED, i.HOUSEHOLDS_IN_AREA),
        confirmation=Confirmation.UNCONFIRMED,
        note=S8_NOTE,
    ),
    *territory_criteria(P, c23(5), S8_NOTE),
    fact_item(
        f"{P}.remainder",
        Msg(
            "The rest of Article 5 (crime, accidents, the grassroots force) is met, as the assessor finds from the official text"
        ),
        c23(5),
        IsTrue(i.RESIDENTIAL_REMAINDER_MET),
        kind=CriterionKind.JUDGEMENT,
        confirmation=Confirmation.UNCONFIRMED,
        note=Msg(
            "the rest of Article 5 is not available to antq, which cannot check it: it asks for the assessor's finding instead of assuming the unit passes"
        ),
    ),
)

RULE_SET = RuleSet(
    id=P,
    kind=UnitKind.RESIDENTIAL_AREA,
    instrument=INSTRUMENT,
    title=Msg("Safe residential area (Circular 23/2012, Article 5; text known only in part)"),
    window=window(UnitKind.RESIDENTIAL_AREA),
    criteria=CRITERIA,
    valid_from=VALID_FROM,
    signed=VALID_FROM,
    notices=NOTICES,
    valid_to=VALID_TO,
)
