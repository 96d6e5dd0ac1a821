"""Deprecated: ``antq.safety.tt124`` is :mod:`antq.safety.tt124_2021`.

Its modules moved too, one per article; each old module, imported here as before,
warns and forwards.
"""

from antq._moved import moved
from antq.safety.tt124 import commune, education, organisations, residential_area

__getattr__ = moved(
    __name__,
    {
        "RULE_SETS": "antq.safety.tt124_2021",
    },
)

__all__ = ["commune", "education", "organisations", "residential_area"]
