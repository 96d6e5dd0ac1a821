"""The recognition procedure of Thông tư 124/2021/TT-BCA: deadlines, dossiers and who recognises.

The rules live with their articles: deadlines and dossiers in
``antq.safety.tt124_2021.article_9_procedure`` (with an example), who recognises in
``antq.safety.tt124_2021.article_10_competence``. This module gathers them under
the name users import, and the name the vocabularies keep in JSON.

>>> from datetime import date
>>> from antq.core.unit_kinds import UnitKind
>>> recognising_authority(UnitKind.COMMUNE, date(2025, 7, 1)).known
False
"""

from __future__ import annotations

from antq.entities.admin_units import LAST_DISTRICT_DAY
from antq.safety.tt124_2021 import article_9_procedure, article_10_competence

# The public names of each article module, as its __all__ lists them (kept in one place).
from antq.safety.tt124_2021.article_9_procedure import *  # noqa: F403
from antq.safety.tt124_2021.article_9_procedure import ORGANISATIONS, TT124_FROM
from antq.safety.tt124_2021.article_10_competence import *  # noqa: F403

__all__ = ["LAST_DISTRICT_DAY", "ORGANISATIONS", "TT124_FROM"]
__all__ += article_9_procedure.__all__
__all__ += article_10_competence.__all__
__all__.sort()  # one list in name order, as the reference shows it
