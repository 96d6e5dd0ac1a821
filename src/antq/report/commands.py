"""Deprecated: ``antq report`` is :mod:`antq.cli.report` (and the bar :mod:`antq.cli.progress`)."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "EXIT_INPUT": "antq.cli",
        "EXIT_OK": "antq.cli",
        "REPORT_FORMATS": "antq.cli.report",
        "ProgressBar": "antq.cli.progress",
        "add_report_parser": "antq.cli.report:register",
        "book_with_parameters": "antq.cli.evaluate",
        "cmd_report": "antq.cli.report:run",
        "read_units": "antq.cli.evaluate",
        "run_report": "antq.cli.report:main",
        "write_atomically": "antq.cli.report",
    },
)
