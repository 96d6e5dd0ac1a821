"""The instruments the award rules cite: each number and each date written once.

The dates come from the instrument registry (``antq.law.registry``), where
each has its source; the rule sets, the awarding powers and the documentation
read them from here.

>>> TT20_FROM, TT11_TO
(datetime.date(2025, 4, 28), datetime.date(2025, 4, 27))
>>> LAW06_FROM, ND152_FROM, LAST_DISTRICT_DAY
(datetime.date(2024, 1, 1), datetime.date(2025, 7, 1), datetime.date(2025, 6, 30))
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final, Literal

from antq.entities.admin_units import LAST_DISTRICT_DAY, TWO_TIER_REFORM_DATE
from antq.errors import DefinitionError
from antq.law.registry import get_instrument

__all__ = [
    "LAST_DISTRICT_DAY",
    "LAW06",
    "LAW06_FROM",
    "ND152",
    "ND152_FROM",
    "TT11",
    "TT11_FROM",
    "TT11_TO",
    "TT20",
    "TT20_FROM",
]


def _registered(number: str, which: Literal["signed", "effective"]) -> date:
    day = getattr(get_instrument(number), which)
    if day is None:
        raise DefinitionError(f"the registry has no {which} date for {number}")
    assert isinstance(day, date)
    return day


#: Thông tư 11/2021/TT-BCA, the Kỷ niệm chương "Bảo vệ an ninh Tổ quốc" until 2025.
TT11: Final = "11/2021/TT-BCA"
#: Thông tư 20/2025/TT-BCA, the same medal from 2025.
TT20: Final = "20/2025/TT-BCA"
#: Luật Thi đua, khen thưởng 06/2022/QH15.
LAW06: Final = "06/2022/QH15"
#: Nghị định 152/2025/NĐ-CP: decentralisation and details of the Law.
ND152: Final = "152/2025/NĐ-CP"

#: First proposal date antq applies TT 11/2021 to: its signing date (its effective date is unconfirmed).
TT11_FROM: Final = _registered(TT11, "signed")
#: TT 20/2025 takes effect: proposals dated from this day use it.
TT20_FROM: Final = _registered(TT20, "effective")
#: The last proposal date of TT 11/2021.
TT11_TO: Final = TT20_FROM - timedelta(days=1)
#: The Law takes effect.
LAW06_FROM: Final = _registered(LAW06, "effective")
#: Nghị định 152/2025/NĐ-CP takes effect, with the two-tier local government.
ND152_FROM: Final = _registered(ND152, "effective")

if ND152_FROM != TWO_TIER_REFORM_DATE:  # the decree was written for the two-tier government
    raise DefinitionError(
        "Nghị định 152/2025/NĐ-CP and the two-tier reform start on different days"
    )
