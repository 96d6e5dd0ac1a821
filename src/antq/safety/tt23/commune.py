"""Deprecated: ``antq.safety.tt23.commune`` is :mod:`antq.safety.tt23_2012.article_6_commune`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "COMMUNE_S8_NOTE": "antq.safety.tt23_2012.article_6_commune",
        "CRITERIA": "antq.safety.tt23_2012.article_6_commune",
        "INSTRUMENT": "antq.safety.tt23_2012.article_6_commune",
        "NOTICES": "antq.safety.tt23_2012.article_6_commune",
        "P": "antq.safety.tt23_2012.article_6_commune",
        "RECOGNISED_SHARE_PERCENT": "antq.safety.tt23_2012.article_6_commune",
        "RULE_SET": "antq.safety.tt23_2012.article_6_commune",
        "UNIT_OUTCOMES": "antq.safety.tt23_2012.article_6_commune",
        "VALID_FROM": "antq.safety.tt23_2012.article_6_commune",
        "VALID_TO": "antq.safety.tt23_2012.article_6_commune",
    },
)
