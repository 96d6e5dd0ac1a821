"""Deprecated: ``antq.hierarchy`` is :mod:`antq.safety.hierarchy`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "CommuneResult": "antq.safety.hierarchy",
        "CriterionTally": "antq.safety.hierarchy",
        "EvaluatedUnit": "antq.safety.hierarchy",
        "InputTally": "antq.safety.hierarchy",
        "KIND_ORDER": "antq.safety.hierarchy",
        "NearMiss": "antq.safety.hierarchy",
        "Notice": "antq.safety.hierarchy",
        "OutcomeCounts": "antq.safety.hierarchy",
        "ProvinceEvaluation": "antq.safety.hierarchy",
        "RoundResult": "antq.safety.hierarchy",
        "Scope": "antq.safety.hierarchy",
        "Summary": "antq.safety.hierarchy",
        "evaluate_province": "antq.safety.hierarchy",
        "summarize": "antq.safety.hierarchy",
    },
)
