"""Deprecated: the results files are :mod:`antq.io.results_files`, ``antq template`` is
:mod:`antq.cli.template`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    {
        "RESULT_FORMATS": "antq.io.results_files",
        "write_results": "antq.io.results_files",
        "write_results_csv": "antq.io.results_files",
        "register_template": "antq.cli.template:register",
        "run_template": "antq.cli.template:run",
        "write_output": "antq.cli._options",
    },
)
