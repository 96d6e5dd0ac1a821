"""Deprecated: ``antq.safety.routing`` is :mod:`antq.safety.tt124_2021.article_9_routing`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "COMMUNE_ROUTE_AFTER_REFORM": "antq.safety.tt124_2021.article_9_routing",
        "RESIDENTIAL_ROUTE_AFTER_TT48": "antq.safety.tt124_2021.article_9_routing",
        "TT48": "antq.safety.tt124_2021.article_9_routing",
        "TT48_EFFECTIVE": "antq.safety.tt124_2021.article_9_routing",
        "TT48_NOT_BEFORE": "antq.safety.tt124_2021.article_9_routing",
        "DossierReceiver": "antq.safety.tt124_2021.article_9_routing",
        "DossierRoute": "antq.safety.tt124_2021.article_9_routing",
        "dossier_route": "antq.safety.tt124_2021.article_9_routing",
    },
)
