"""Thông tư 124/2021/TT-BCA, Điều 5: a commune, ward or special zone.

After 1 July 2025 the commune level is xã, phường and đặc khu (thị trấn no
longer exists); the criteria themselves are unchanged. The period is
16/11 of the previous year - 15/11 (Điều 8 khoản 2).
"""

from __future__ import annotations

from antq.core.criterion import Criterion, CriterionKind
from antq.core.ruleset import RuleSet
from antq.core.unit_kinds import UnitKind
from antq.i18n.catalog import Msg
from antq.law.tables import load
from antq.safety import inputs as i
from antq.safety._items import fact_item
from antq.safety.checks import IsTrue, NoneCounted
from antq.safety.tt124_2021._common import (
    INSTRUMENT,
    NOTICES,
    SIGNED,
    SPECIAL_ZONES,
    VALID_FROM,
    c124,
)
from antq.safety.tt124_2021._shared_items import effective_models
from antq.safety.tt124_2021.article_8_assessment_windows import window
from antq.safety.tt124_2021.territory import CiteFor, territory_criteria
from antq.safety.unit_counts import (
    UNIT_OUTCOMES,
    RollupRule,
    UnitsRecognised,
    UnitsRegistered,
    read_rollup_rule,
)

P = "tt124.commune"

#: Điều 5 khoản 4: how the units under the commune count for it (``data/rollup.toml``).
ROLLUP_RULE: RollupRule = read_rollup_rule(
    load("antq.safety.tt124_2021", "data/rollup.toml")["rule"],
    (i.UNITS_TOTAL, i.UNITS_RECOGNISED, i.UNITS_REGISTERED),
)
#: Điều 5 khoản 4: the share of those units that must be recognised, as the criterion reads it.
RECOGNISED_SHARE_PERCENT = ROLLUP_RULE.share_percent

CRITERIA: tuple[Criterion, ...] = (
    fact_item(
        f"{P}.party-resolution",
        Msg(
            "The Party committee passed a resolution on security and order (stated as done in Quarter I; antq does not check the date)"
        ),
        c124(5, 1),
        IsTrue(i.PARTY_RESOLUTION_Q1),
    ),
    fact_item(
        f"{P}.security-plan",
        Msg(
            "The People's Committee made a security-and-order plan (stated as done in Quarter I; antq does not check the date)"
        ),
        c124(5, 1),
        IsTrue(i.SECURITY_PLAN_Q1),
    ),
    fact_item(
        f"{P}.registration",
        Msg(
            "The commune registered to strive for the standard (stated as done in Quarter I; antq does not check the date)"
        ),
        c124(5, 1),
        IsTrue(i.REGISTERED_Q1),
    ),
    effective_models(P, c124(5, 1)),
    # Khoản 2: Điều 4 khoản 2-4 over the commune's territory and period.
    *territory_criteria(P, CiteFor(article=5, clause=2)),
    # Khoản 3: the commune police.
    fact_item(
        f"{P}.police-effective",
        Msg(
            "The commune police grasped the situation, advised in time and carried out their work effectively"
        ),
        c124(5, 3),
        IsTrue(i.COMMUNE_POLICE_EFFECTIVE),
        kind=CriterionKind.JUDGEMENT,
    ),
    fact_item(
        f"{P}.police-discipline",
        Msg("No commune police officer was disciplined for a violation"),
        c124(5, 3),
        NoneCounted(i.COMMUNE_POLICE_DISCIPLINED),
        note=Msg(
            "the text does not say whose discipline counts; antq reads it as the commune police staff"
        ),
    ),
    # Khoản 4: the units under the commune.
    Criterion(
        id=f"{P}.units-registered",
        title=Msg(
            "All residential areas, agencies, enterprises and institutions under the commune (100%) registered"
        ),
        citation=c124(5, 4),
        kind=CriterionKind.THRESHOLD,
        inputs=(),
        optional_inputs=(UNIT_OUTCOMES, i.UNITS_REGISTERED, i.UNITS_TOTAL),
        check=UnitsRegistered(i.UNITS_REGISTERED, i.UNITS_TOTAL),
        note=Msg(
            "counted from the units' own verdicts in the round; the counts the commune states are used only when none of its units is in the input"
        ),
    ),
    Criterion(
        id=f"{P}.units-recognised",
        title=Msg("Units under the commune recognised as safe: at least 70 percent"),
        citation=c124(5, 4),
        kind=CriterionKind.THRESHOLD,
        inputs=(),
        optional_inputs=(UNIT_OUTCOMES, i.UNITS_RECOGNISED, i.UNITS_TOTAL),
        check=UnitsRecognised(i.UNITS_RECOGNISED, i.UNITS_TOTAL, RECOGNISED_SHARE_PERCENT),
        note=Msg(
            "counted from the units' own verdicts in the round; the counts the commune states are used only when none of its units is in the input"
        ),
    ),
)

RULE_SET = RuleSet(
    id=P,
    kind=UnitKind.COMMUNE,
    instrument=INSTRUMENT,
    title=Msg("Safe commune, ward or special zone (Circular 124/2021, Article 5)"),
    window=window(UnitKind.COMMUNE),
    criteria=CRITERIA,
    valid_from=VALID_FROM,
    signed=SIGNED,
    notices=(*NOTICES, SPECIAL_ZONES),
)
