"""Typed entities of the movement: units, residential areas, organisations,
models, people, grassroots forces, ratings and incidents.

All classes are frozen, keyword-only attrs classes. Invalid values raise
:class:`~antq.errors.InputError` with a ``"ClassName.field"`` path; validity
periods (``valid_from`` / ``valid_to``) are inclusive and ``None`` means
open-ended.
"""

from antq.entities.admin_units import (
    TWO_TIER_REFORM_DATE,
    AdministrativeUnit,
    AdminLevel,
    AdminUnitType,
)
from antq.entities.forces import (
    FORCE_LAW_EFFECTIVE,
    SecurityOrderTeam,
    StreetGuardTeam,
    TeamMembership,
    TeamRole,
)
from antq.entities.grades import DisciplineForm, EmulationTitle, OrdinalEnum, TaskGrade
from antq.entities.incidents import CrimeGravity, Incident, IncidentCategory, incidents_in
from antq.entities.mass_models import HostType, MassModel, ModelCategory, ModelSite, ModelStatus
from antq.entities.organisations import (
    Agency,
    EducationalInstitution,
    EducationLevel,
    Enterprise,
    EnterpriseSize,
)
from antq.entities.persons import Person, Sex
from antq.entities.residential_areas import LocalName, ResidentialArea, ResidentialKind

__all__ = [
    "FORCE_LAW_EFFECTIVE",
    "TWO_TIER_REFORM_DATE",
    "AdminLevel",
    "AdminUnitType",
    "AdministrativeUnit",
    "Agency",
    "CrimeGravity",
    "DisciplineForm",
    "EducationLevel",
    "EducationalInstitution",
    "EmulationTitle",
    "Enterprise",
    "EnterpriseSize",
    "HostType",
    "Incident",
    "IncidentCategory",
    "LocalName",
    "MassModel",
    "ModelCategory",
    "ModelSite",
    "ModelStatus",
    "OrdinalEnum",
    "Person",
    "ResidentialArea",
    "ResidentialKind",
    "SecurityOrderTeam",
    "Sex",
    "StreetGuardTeam",
    "TaskGrade",
    "TeamMembership",
    "TeamRole",
    "incidents_in",
]
