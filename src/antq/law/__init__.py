"""Legal instruments antq cites, and typed citations of their articles, clauses and points.

>>> from antq.law import cite, get_instrument
>>> get_instrument("23/2012/TT-BCA").name("en")
'Circular 23/2012/TT-BCA'
>>> cite("124/2021/TT-BCA", 8).render("en")
'Article 8, Circular 124/2021/TT-BCA'
"""

from antq.law.citation import Citation, cite
from antq.law.instruments import (
    POINT_LETTERS,
    ArticleShape,
    Instrument,
    InstrumentKind,
    Issuer,
)
from antq.law.registry import (
    INSTRUMENTS,
    all_instruments,
    amended_by,
    build_registry,
    canonical_number,
    get_instrument,
    in_force_on,
    repealed_by,
)

__all__ = [
    "INSTRUMENTS",
    "POINT_LETTERS",
    "ArticleShape",
    "Citation",
    "Instrument",
    "InstrumentKind",
    "Issuer",
    "all_instruments",
    "amended_by",
    "build_registry",
    "canonical_number",
    "cite",
    "get_instrument",
    "in_force_on",
    "repealed_by",
]
