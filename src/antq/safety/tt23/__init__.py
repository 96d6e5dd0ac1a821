"""Deprecated: ``antq.safety.tt23`` is :mod:`antq.safety.tt23_2012`.

Its modules moved too, one per article; each old module, imported here as before,
warns and forwards.
"""

from antq._moved import moved
from antq.safety.tt23 import commune, inputs, organisations, residential_area, school

__getattr__ = moved(
    __name__,
    {
        "RULE_SETS": "antq.safety.tt23_2012",
    },
)

__all__ = ["commune", "inputs", "organisations", "residential_area", "school"]
