"""Deprecated: the awards document is :mod:`antq.emulation.awards.questions`, the command
:mod:`antq.cli.awards`."""

from antq._moved import moved

_QUESTIONS = "antq.emulation.awards.questions"

__getattr__ = moved(
    __name__,
    {
        "AWARDS_FORMAT_VERSION": _QUESTIONS,
        "SECTIONS": _QUESTIONS,
        "AwardsDocument": _QUESTIONS,
        "Question": _QUESTIONS,
        "answer_questions": _QUESTIONS,
        "award_parameters": _QUESTIONS,
        "read_awards": _QUESTIONS,
        "read_awards_file": _QUESTIONS,
        "RESULTS_FORMAT_VERSION": "antq.cli.awards",
        "awards_json": "antq.cli.awards",
        "main": "antq.cli.awards",
        "register": "antq.cli.awards",
        "run": "antq.cli.awards",
        "EXIT_OK": "antq.cli",
        "EXIT_INTERNAL": "antq.cli",
        "EXIT_USAGE": "antq.cli",
        "EXIT_INPUT": "antq.cli",
    },
)
