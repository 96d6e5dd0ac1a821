"""Deprecated: ``antq.safety.tt124.residential_area`` is :mod:`antq.safety.tt124_2021.article_4_residential_area`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "CRITERIA": "antq.safety.tt124_2021.article_4_residential_area",
        "INSTRUMENT": "antq.safety.tt124_2021.article_4_residential_area",
        "NOTICES": "antq.safety.tt124_2021.article_4_residential_area",
        "P": "antq.safety.tt124_2021.article_4_residential_area",
        "RULE_SET": "antq.safety.tt124_2021.article_4_residential_area",
        "SIGNED": "antq.safety.tt124_2021.article_4_residential_area",
        "VALID_FROM": "antq.safety.tt124_2021.article_4_residential_area",
    },
)
