"""Deprecated: ``antq.safety.tt23.inputs`` is :mod:`antq.safety.tt23_2012.inputs`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "CIVIL_DEFENCE_TITLES": "antq.safety.tt23_2012.inputs",
        "COMMUNE_FORCES_DISCIPLINED": "antq.safety.tt23_2012.inputs",
        "COMMUNE_POLICE_TITLES": "antq.safety.tt23_2012.inputs",
        "COMMUNE_RESIDENTIAL_REMAINDER_MET": "antq.safety.tt23_2012.inputs",
        "COORDINATION_PLAN": "antq.safety.tt23_2012.inputs",
        "HAS_CIVIL_DEFENCE_FORCE": "antq.safety.tt23_2012.inputs",
        "HIGH_VALUE_THEFTS": "antq.safety.tt23_2012.inputs",
        "HOUSEHOLDS_IN_AREA": "antq.safety.tt23_2012.inputs",
        "HOUSEHOLDS_PLEDGED": "antq.safety.tt23_2012.inputs",
        "INTERNAL_RULES_TOPICS_ANNUAL": "antq.safety.tt23_2012.inputs",
        "MASS_COMPLAINTS": "antq.safety.tt23_2012.inputs",
        "OVER_LEVEL_COMPLAINTS": "antq.safety.tt23_2012.inputs",
        "PARTY_RESOLUTION_ANNUAL": "antq.safety.tt23_2012.inputs",
        "REGISTERED_ANNUALLY": "antq.safety.tt23_2012.inputs",
        "RESIDENTIAL_AREAS_RECOGNISED": "antq.safety.tt23_2012.inputs",
        "RESIDENTIAL_AREAS_TOTAL": "antq.safety.tt23_2012.inputs",
        "RESIDENTIAL_REMAINDER_MET": "antq.safety.tt23_2012.inputs",
        "SCHOOL_FAMILY_COORDINATION": "antq.safety.tt23_2012.inputs",
        "SCHOOL_PLEDGE_REQUIRED": "antq.safety.tt23_2012.inputs",
        "SCHOOL_PLEDGE_SIGNED": "antq.safety.tt23_2012.inputs",
        "SCHOOL_REMAINDER_MET": "antq.safety.tt23_2012.inputs",
        "SECRET_LEAKS": "antq.safety.tt23_2012.inputs",
        "SECURITY_FORCE_ITEM_MET": "antq.safety.tt23_2012.inputs",
        "SECURITY_PLAN_ANNUAL": "antq.safety.tt23_2012.inputs",
        "SECURITY_WORK_EFFECTIVE": "antq.safety.tt23_2012.inputs",
        "SELF_PROTECTION_MODEL": "antq.safety.tt23_2012.inputs",
        "SERIOUS_LABOUR_ACCIDENTS": "antq.safety.tt23_2012.inputs",
        "STAFF_CRIME_OR_SOCIAL_EVIL": "antq.safety.tt23_2012.inputs",
        "STAFF_PLEDGED": "antq.safety.tt23_2012.inputs",
        "SUBUNITS_ADVANCED": "antq.safety.tt23_2012.inputs",
    },
)
