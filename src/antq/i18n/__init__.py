"""Languages: gettext catalogues (vi, en) and Vietnamese number and date formats."""

from antq.i18n.catalog import Label, Msg, Text, translate

__all__ = ["Label", "Msg", "Text", "translate"]
