"""Deprecated: ``antq.safety.tt23.organisations`` is :mod:`antq.safety.tt23_2012.article_7_organisations`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "AGENCY": "antq.safety.tt23_2012.article_7_organisations",
        "AGENCY_TOPICS": "antq.safety.tt23_2012.article_7_organisations",
        "EMPTY_SUBUNITS": "antq.safety.tt23_2012.article_7_organisations",
        "ENTERPRISE": "antq.safety.tt23_2012.article_7_organisations",
        "INSTRUMENT": "antq.safety.tt23_2012.article_7_organisations",
        "NOTICES": "antq.safety.tt23_2012.article_7_organisations",
        "SUBUNIT_SHARE": "antq.safety.tt23_2012.article_7_organisations",
        "VALID_FROM": "antq.safety.tt23_2012.article_7_organisations",
        "VALID_TO": "antq.safety.tt23_2012.article_7_organisations",
    },
)
