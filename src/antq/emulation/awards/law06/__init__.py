"""Luật Thi đua, khen thưởng 06/2022/QH15: three standards and who may award what.

* :func:`excellent_collective_eligibility`: the title "Tập thể lao động xuất
  sắc" (Điều 27), or its armed-forces counterpart "Đơn vị quyết thắng", whose
  standards are known only in part (points a, b, d and one more).
* :func:`ministry_bang_khen_eligibility`: the individual standard of Điều 74
  khoản 1 điểm d for a Bằng khen of a ministry, sector or province: two
  consecutive "Chiến sĩ thi đua cơ sở" titles, or at least two consecutive
  years rated "hoàn thành xuất sắc nhiệm vụ" with two initiatives (or two
  science works) recognised and applied at grassroots scope in that time. The
  other points of Điều 74 khoản 1 are not available to antq, so NOT_MET means
  "does not meet point d", not "cannot receive a Bằng khen".
* :func:`awarding_authorities`: who may award a form on a date (Điều 80). The
  district level ends on 30/06/2025; who took over the district chairman's
  powers is not confirmed, so for the forms only he could award the answer is
  UNKNOWN from 01/07/2025.

The Law applies from 01/01/2024; earlier dates raise
:class:`~antq.errors.RuleSetNotFound`. From 01/07/2025 Nghị định 152/2025/NĐ-CP
Điều 4 adds two principles, applied here from that date: no award while a
disciplinary review, investigation, inspection, complaint or press verification
is pending, and after discipline, achievements count only from the end of the
discipline period.

The package holds one module per article (:mod:`~antq.emulation.awards.law06.article_27`,
:mod:`~antq.emulation.awards.law06.article_74`,
:mod:`~antq.emulation.awards.law06.article_80`, whose powers are the data file
``data/awarding_powers.toml``), the decree's two principles
(:mod:`~antq.emulation.awards.law06.nd152_2025`) and the reader of the
sections of an awards document (:mod:`~antq.emulation.awards.law06.reader`).
"""

from __future__ import annotations

from typing import Final

from antq.emulation.awards.instruments import LAST_DISTRICT_DAY as LAST_DISTRICT_DAY
from antq.emulation.awards.instruments import LAW06, LAW06_FROM, ND152, ND152_FROM
from antq.emulation.awards.law06._in_force import LAW_2026_WATCH as LAW_2026_WATCH
from antq.emulation.awards.law06.article_27 import (
    LAW06_ART27,
    CollectiveContext,
    CollectiveFacts,
    excellent_collective_eligibility,
)
from antq.emulation.awards.law06.article_74 import (
    LAW06_ART74,
    IndividualContext,
    IndividualRecord,
    Initiative,
    InitiativeKind,
    YearRecord,
    ministry_bang_khen_eligibility,
)
from antq.emulation.awards.law06.article_74 import P_MIXED as P_MIXED
from antq.emulation.awards.law06.article_80 import (
    AWARDING_POWERS,
    LAW06_ART80,
    AuthorityContext,
    AwardingAuthority,
    AwardingPower,
    awarding_authorities,
)
from antq.emulation.awards.law06.reader import AUTHORITY_KEYS as AUTHORITY_KEYS
from antq.emulation.awards.law06.reader import BANG_KHEN_KEYS as BANG_KHEN_KEYS
from antq.emulation.awards.law06.reader import COLLECTIVE_KEYS as COLLECTIVE_KEYS
from antq.emulation.awards.law06.reader import (
    read_authority_request,
    read_bang_khen_request,
    read_collective_request,
)

__all__ = [
    "AWARDING_POWERS",
    "LAW06",
    "LAW06_ART27",
    "LAW06_ART74",
    "LAW06_ART80",
    "LAW06_FROM",
    "LAW06_RULES",
    "ND152",
    "ND152_FROM",
    "AuthorityContext",
    "AwardingAuthority",
    "AwardingPower",
    "CollectiveContext",
    "CollectiveFacts",
    "IndividualContext",
    "IndividualRecord",
    "Initiative",
    "InitiativeKind",
    "YearRecord",
    "awarding_authorities",
    "excellent_collective_eligibility",
    "ministry_bang_khen_eligibility",
    "read_authority_request",
    "read_bang_khen_request",
    "read_collective_request",
]

#: The Law 06/2022 rule sets.
LAW06_RULES: Final = (LAW06_ART27, LAW06_ART74, LAW06_ART80)
