"""Deprecated: ``antq.safety.tt23.school`` is :mod:`antq.safety.tt23_2012.article_8_school`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "CRITERIA": "antq.safety.tt23_2012.article_8_school",
        "INSTRUMENT": "antq.safety.tt23_2012.article_8_school",
        "NOTICES": "antq.safety.tt23_2012.article_8_school",
        "P": "antq.safety.tt23_2012.article_8_school",
        "RULE_SET": "antq.safety.tt23_2012.article_8_school",
        "SCHOOL_TOPICS": "antq.safety.tt23_2012.article_8_school",
        "VALID_FROM": "antq.safety.tt23_2012.article_8_school",
        "VALID_TO": "antq.safety.tt23_2012.article_8_school",
    },
)
