"""Deprecated: ``antq.safety.tt124.organisations`` is :mod:`antq.safety.tt124_2021.article_6_organisations`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "AGENCY": "antq.safety.tt124_2021.article_6_organisations",
        "AGENCY_SCOPE": "antq.safety.tt124_2021.article_1_scope",
        "AGENCY_TOPICS": "antq.safety.tt124_2021.article_6_organisations",
        "AgencyInScope": "antq.safety.tt124_2021.article_1_scope",
        "ENTERPRISE": "antq.safety.tt124_2021.article_6_organisations",
        "ENTERPRISE_SCOPE": "antq.safety.tt124_2021.article_1_scope",
        "EnterpriseInScope": "antq.safety.tt124_2021.article_1_scope",
        "INSTRUMENT": "antq.safety.tt124_2021.article_6_organisations",
        "NOTICES": "antq.safety.tt124_2021.article_6_organisations",
        "SIGNED": "antq.safety.tt124_2021.article_6_organisations",
        "VALID_FROM": "antq.safety.tt124_2021.article_6_organisations",
    },
)
