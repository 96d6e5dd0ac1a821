"""Deprecated: ``antq score`` is :mod:`antq.cli.score`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "EXIT_INPUT": "antq.cli",
        "EXIT_OK": "antq.cli",
        "main": "antq.cli.score",
        "register": "antq.cli.score",
        "run": "antq.cli.score",
        "score_document": "antq.cli.score",
        "scores_json": "antq.cli.score",
    },
)
