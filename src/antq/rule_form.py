"""Deprecated: ``antq.rule_form`` is :mod:`antq.catalogue.rule_form`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "RULE_FORM_SCHEMA_ID": "antq.catalogue.rule_form",
        "RULE_FORM_VERSION": "antq.catalogue.rule_form",
        "criterion_rule": "antq.catalogue.rule_form",
        "rule_form_schema": "antq.catalogue.rule_form",
    },
)
