"""pytest collects antq case files: ``test_*.toml`` files that are marked ``antq_cases = 1``.

A project turns it on in its ``conftest.py`` (``pytest_plugins = ["antq.pytest_plugin"]``)
or on the command line (``pytest -p antq.pytest_plugin``); it is not loaded by merely
installing antq, so that pytest runs that do not want it (and coverage measurements of
antq itself) do not import antq before they start. Each case is one test item; a failing
case prints what differed, with the reason antq gave. Other TOML files are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from antq.testing import Case, CaseResult, load_cases, run_case

__all__ = ["CaseFailed", "CaseFile", "CaseItem", "pytest_collect_file"]

_MARK = "antq_cases"


class CaseFailed(Exception):
    """A case whose verdicts differ from what it expects."""

    def __init__(self, result: CaseResult) -> None:
        super().__init__(result.report())
        self.result = result


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix != ".toml" or not file_path.name.startswith("test_"):
        return None
    with file_path.open("rb") as stream:
        if _MARK.encode() not in stream.read(4096):
            return None
    return CaseFile.from_parent(parent, path=file_path)


class CaseFile(pytest.File):
    """A case file: one test item per ``[[case]]``."""

    def collect(self) -> Iterator[CaseItem]:
        for case in load_cases(self.path):
            yield CaseItem.from_parent(self, name=case.name, case=case)


class CaseItem(pytest.Item):
    """One case, run as :func:`antq.testing.run_case` runs it."""

    def __init__(self, *, case: Case, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        result = run_case(self.case)
        if not result.passed:
            raise CaseFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseFailed):
            return excinfo.value.result.report()
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"case: {self.case.name}"
