"""Deprecated: ``antq.names`` is :mod:`antq.io.names`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "ABBREVIATIONS": "antq.io.names",
        "AmbiguousName": "antq.io.names",
        "NameIndex": "antq.io.names",
        "UNIT_TYPE_WORDS": "antq.io.names",
        "bare_key": "antq.io.names",
        "fold": "antq.io.names",
        "name_key": "antq.io.names",
        "names_match": "antq.io.names",
        "spelt_key": "antq.io.names",
    },
)
