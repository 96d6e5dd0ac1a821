"""Deprecated: ``antq.safety.tt23.residential_area`` is :mod:`antq.safety.tt23_2012.article_5_residential_area`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "CRITERIA": "antq.safety.tt23_2012.article_5_residential_area",
        "INSTRUMENT": "antq.safety.tt23_2012.article_5_residential_area",
        "NOTICES": "antq.safety.tt23_2012.article_5_residential_area",
        "P": "antq.safety.tt23_2012.article_5_residential_area",
        "RULE_SET": "antq.safety.tt23_2012.article_5_residential_area",
        "S8_NOTE": "antq.safety.tt23_2012.article_5_residential_area",
        "VALID_FROM": "antq.safety.tt23_2012.article_5_residential_area",
        "VALID_TO": "antq.safety.tt23_2012.article_5_residential_area",
    },
)
