"""The recognition procedure of Thông tư 124/2021/TT-BCA: deadlines, dossiers and who recognises.

The rules live with their articles: deadlines and dossiers in
``antq.safety.tt124_2021.article_9_procedure``, who recognises in
``antq.safety.tt124_2021.article_10_competence``. This module gathers them under
the name users import, and the name the vocabularies keep in JSON.

>>> from datetime import date
>>> from antq.core.unit_kinds import UnitKind
>>> late = missed_deadlines(
...     UnitKind.RESIDENTIAL_AREA, 2024,
...     {Step.REGISTRATION: date(2024, 4, 1), Step.DECISION: date(2024, 11, 14)},
... )
>>> [(m.step.code, m.status.code, m.days_late) for m in late]
[('registration', 'late', 1)]
>>> recognising_authority(UnitKind.COMMUNE, date(2025, 7, 1)).known
False
"""

from __future__ import annotations

from antq.entities.admin_units import LAST_DISTRICT_DAY
from antq.safety.tt124_2021.article_9_procedure import (
    DEADLINES,
    DOSSIER_ITEMS,
    ORGANISATIONS,
    TT124_FROM,
    DayBefore,
    Deadline,
    DeadlineStatus,
    Dossier,
    DossierDocument,
    DossierItem,
    EndOfQuarterOne,
    ManagingLevel,
    MissedDeadline,
    Step,
    dossier_items,
    missed_deadlines,
)
from antq.safety.tt124_2021.article_10_competence import (
    COMMUNE_AUTHORITY_AFTER_REFORM,
    COMPETENCE,
    Authority,
    Competence,
    RecognisingAuthority,
    recognising_authority,
)

__all__ = [
    "COMMUNE_AUTHORITY_AFTER_REFORM",
    "COMPETENCE",
    "DEADLINES",
    "DOSSIER_ITEMS",
    "LAST_DISTRICT_DAY",
    "ORGANISATIONS",
    "TT124_FROM",
    "Authority",
    "Competence",
    "DayBefore",
    "Deadline",
    "DeadlineStatus",
    "Dossier",
    "DossierDocument",
    "DossierItem",
    "EndOfQuarterOne",
    "ManagingLevel",
    "MissedDeadline",
    "RecognisingAuthority",
    "Step",
    "dossier_items",
    "missed_deadlines",
    "recognising_authority",
]
