"""Deprecated: ``antq.safety.tt124.education`` is :mod:`antq.safety.tt124_2021.article_7_education`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "CRITERIA": "antq.safety.tt124_2021.article_7_education",
        "INSTRUMENT": "antq.safety.tt124_2021.article_7_education",
        "InstitutionInScope": "antq.safety.tt124_2021.article_1_scope",
        "NOTICES": "antq.safety.tt124_2021.article_7_education",
        "P": "antq.safety.tt124_2021.article_7_education",
        "RULE_SET": "antq.safety.tt124_2021.article_7_education",
        "SCHOOL_TOPICS": "antq.safety.tt124_2021.article_7_education",
        "SCOPE": "antq.safety.tt124_2021.article_1_scope:INSTITUTION_SCOPE",
        "SIGNED": "antq.safety.tt124_2021.article_7_education",
        "VALID_FROM": "antq.safety.tt124_2021.article_7_education",
    },
)
