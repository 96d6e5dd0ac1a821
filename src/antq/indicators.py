"""Deprecated: ``antq.indicators`` is :mod:`antq.report.indicators`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "Comparison": "antq.report.indicators",
        "DEFAULT_TARGETS": "antq.report.indicators",
        "Indicator": "antq.report.indicators",
        "Observation": "antq.report.indicators",
        "SAFE_INDICATORS": "antq.report.indicators",
        "Target": "antq.report.indicators",
        "TargetCheck": "antq.report.indicators",
        "TargetTable": "antq.report.indicators",
        "UNIT_WORDS": "antq.report.indicators",
        "observations_from_rows": "antq.report.indicators",
        "read_observations": "antq.report.indicators",
        "safe_standard_observations": "antq.report.indicators",
        "targets_from_data": "antq.report.indicators",
    },
)
