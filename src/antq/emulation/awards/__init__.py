"""Award eligibility in the movement: the Kỷ niệm chương and Law 06/2022 standards.

Each question is answered as an :class:`Eligibility` that lists every condition
with its outcome, reason, citation and confirmation status, combined in
three-valued logic (a missing fact is UNKNOWN, never met):

* :func:`knc_eligibility`: the Kỷ niệm chương "Bảo vệ an ninh Tổ quốc", under
  Thông tư 11/2021/TT-BCA for proposals dated up to 27/04/2025 and Thông tư
  20/2025/TT-BCA from 28/04/2025 (the proposal date chooses);
* :func:`excellent_collective_eligibility`: "Tập thể lao động xuất sắc" (Luật
  06/2022/QH15 Điều 27), or the known part of "Đơn vị quyết thắng";
* :func:`ministry_bang_khen_eligibility`: the individual standard of Điều 74
  khoản 1 điểm d for a Bằng khen of a ministry, sector or province;
* :func:`awarding_authorities`: who may award a form on a date (Điều 80),
  across the end of the district level on 30/06/2025; for a decision from
  01/07/2004 to 09/11/2014, who could under Law 15/2003 and its 2013 amendment
  (the dated table of :mod:`antq.emulation.awards.law15`).

The typed candidates :class:`KncCandidateFacts`, :class:`BangKhenCandidateFacts` and
:class:`CollectiveCandidateFacts` (:mod:`antq.emulation.awards.typed_facts`) have one
attribute per key of their question, the question's date included, and answer it with
``eligibility()``.

:func:`award_catalogue` lists every condition (id, citation, confirmation,
title in vi and en) for ``antq rules`` and the documentation.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from antq.emulation.awards.eligibility import (
    ELIGIBILITY_SCHEMA_VERSION,
    AwardForm,
    AwardRules,
    Condition,
    ConditionEntry,
    DateRole,
    Eligibility,
    PendingMatter,
    Route,
    RouteDefinition,
    Subject,
    any_of,
    conditions_catalogue,
)
from antq.emulation.awards.knc import (
    KNC_RULES,
    KNC_TT11,
    KNC_TT20,
    AreaType,
    CandServiceAward,
    Commendation,
    CommendationLevel,
    Disqualification,
    KncCandidate,
    LeaderPosition,
    LeadershipPeriod,
    ServiceCount,
    ServicePeriod,
    ServiceRole,
    count_service,
    knc_eligibility,
    select_knc_rules,
)
from antq.emulation.awards.law06 import (
    AWARDING_POWERS,
    LAW06_ART27,
    LAW06_ART74,
    LAW06_ART80,
    LAW06_RULES,
    AwardingAuthority,
    AwardingPower,
    CollectiveFacts,
    IndividualRecord,
    Initiative,
    InitiativeKind,
    YearRecord,
    awarding_authorities,
    excellent_collective_eligibility,
    ministry_bang_khen_eligibility,
)
from antq.emulation.awards.law15 import LAW15_RULES
from antq.emulation.awards.typed_facts import (
    BangKhenCandidateFacts,
    CollectiveCandidateFacts,
    KncCandidateFacts,
)

__all__ = [
    "AWARDING_POWERS",
    "ELIGIBILITY_SCHEMA_VERSION",
    "KNC_RULES",
    "KNC_TT11",
    "KNC_TT20",
    "LAW06_ART27",
    "LAW06_ART74",
    "LAW06_ART80",
    "LAW06_RULES",
    "AreaType",
    "AwardForm",
    "AwardRules",
    "AwardingAuthority",
    "AwardingPower",
    "BangKhenCandidateFacts",
    "CandServiceAward",
    "CollectiveCandidateFacts",
    "CollectiveFacts",
    "Commendation",
    "CommendationLevel",
    "Condition",
    "ConditionEntry",
    "DateRole",
    "Disqualification",
    "Eligibility",
    "IndividualRecord",
    "Initiative",
    "InitiativeKind",
    "KncCandidate",
    "KncCandidateFacts",
    "LeaderPosition",
    "LeadershipPeriod",
    "PendingMatter",
    "Route",
    "RouteDefinition",
    "ServiceCount",
    "ServicePeriod",
    "ServiceRole",
    "Subject",
    "YearRecord",
    "all_award_rules",
    "any_of",
    "award_catalogue",
    "awarding_authorities",
    "count_service",
    "excellent_collective_eligibility",
    "knc_eligibility",
    "ministry_bang_khen_eligibility",
    "select_knc_rules",
]


def all_award_rules() -> tuple[AwardRules[Any], ...]:
    """Every award rule set antq ships: the medal's two, Law 06/2022's three, then who
    could award what before 2014 (Law 15/2003, two periods)."""

    return (*KNC_RULES, *LAW06_RULES, *LAW15_RULES)


def award_catalogue(*, as_of: date | None = None) -> tuple[ConditionEntry, ...]:
    """Every award condition (optionally of the rules that apply on ``as_of``).

    >>> entries = award_catalogue()
    >>> entries[0].condition.id, entries[0].confirmation.code
    ('knc21.once', 'confirmed')
    >>> sorted({e.rules.id for e in award_catalogue(as_of=date(2025, 4, 28))})
    ['knc.tt20-2025', 'law06.art27', 'law06.art74-1-d', 'law06.art80']
    """
    return conditions_catalogue(all_award_rules(), as_of=as_of)
