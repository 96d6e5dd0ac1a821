"""Deprecated: ``antq.safety.tt124.commune`` is :mod:`antq.safety.tt124_2021.article_5_commune`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "CRITERIA": "antq.safety.tt124_2021.article_5_commune",
        "INSTRUMENT": "antq.safety.tt124_2021.article_5_commune",
        "NOTICES": "antq.safety.tt124_2021.article_5_commune",
        "P": "antq.safety.tt124_2021.article_5_commune",
        "RECOGNISED_SHARE_PERCENT": "antq.safety.tt124_2021.article_5_commune",
        "RULE_SET": "antq.safety.tt124_2021.article_5_commune",
        "SIGNED": "antq.safety.tt124_2021.article_5_commune",
        "SPECIAL_ZONES": "antq.safety.tt124_2021.article_5_commune",
        "UNIT_OUTCOMES": "antq.safety.tt124_2021.article_5_commune",
        "VALID_FROM": "antq.safety.tt124_2021.article_5_commune",
    },
)
