"""The declared runtime dependencies are exactly the third-party packages antq imports."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "antq"

#: Import name of each distribution whose name differs from it.
IMPORT_NAMES = {"python-dateutil": "dateutil"}


def _names(dependencies: list[str]) -> set[str]:
    return {re.split(r"[<>=!~ \[;]", dep, maxsplit=1)[0].lower() for dep in dependencies}


def _project() -> dict[str, object]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project: dict[str, object] = data["project"]
    return project


def _declared() -> set[str]:
    return _names(_project()["dependencies"])  # type: ignore[arg-type]


def _optional(extra: str) -> set[str]:
    return _names(_project()["optional-dependencies"][extra])  # type: ignore[index]


def _imported_top_level() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name != "antq"}


def test_runtime_dependencies_are_the_imported_packages() -> None:
    declared = _declared()
    assert declared == {"attrs", "python-dateutil", "babel"}
    # openpyxl is the one optional dependency (the excel extra), imported only when used.
    assert _optional("excel") == {"openpyxl"}
    assert _imported_top_level() == {IMPORT_NAMES.get(name, name) for name in declared} | {
        "openpyxl"
    }


def test_the_excel_extra_is_installed_for_development() -> None:
    assert {"openpyxl", "types-openpyxl"} <= _optional("dev")


def test_the_package_is_typed_and_ships_its_catalogues() -> None:
    assert (SRC / "py.typed").is_file()
    for lang in ("vi", "en"):
        assert (SRC / "i18n" / "locale" / lang / "LC_MESSAGES" / "antq.mo").is_file()
