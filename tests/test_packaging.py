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
IMPORT_NAMES = {"python-dateutil": "dateutil", "python-docx": "docx", "pillow": "PIL"}


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {re.split(r"[<>=!~ \[;]", dep, maxsplit=1)[0].lower() for dep in project["dependencies"]}


def _extra(name: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    return {re.split(r"[<>=!~ \[;]", dep, maxsplit=1)[0].lower() for dep in extras[name]}


def _names(nodes: list[ast.stmt] | list[ast.AST]) -> set[str]:
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name != "antq"}


#: The web API (the serve extra): its application module imports Starlette at
#: module level, and is itself imported only by ``antq serve`` and ``create_app``.
SERVE = SRC / "serve"


def _imported_top_level(under: Path = SRC) -> set[str]:
    found: set[str] = set()
    for path in under.rglob("*.py"):
        found |= _names(list(ast.walk(ast.parse(path.read_text(encoding="utf-8")))))
    return found


def _imported_at_module_level(*, skip: tuple[Path, ...] = ()) -> set[str]:
    """Packages imported when a module is imported (not inside a function)."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        if path in skip:
            continue
        found |= _names(ast.parse(path.read_text(encoding="utf-8")).body)
    return found


def test_runtime_dependencies_are_the_imported_packages() -> None:
    declared = _declared()
    assert declared == {"attrs", "cattrs", "python-dateutil", "babel"}
    # The optional extras: each is also in dev, so that CI tests what it serves.
    excel, docx, serve = _extra("excel"), _extra("docx"), _extra("serve")
    assert excel == {"openpyxl"}
    assert docx == {"python-docx", "pillow"}
    assert serve == {"starlette", "uvicorn"}
    assert excel | docx | serve | {"types-openpyxl"} <= _extra("dev")
    optional = excel | docx | serve
    expected = {IMPORT_NAMES.get(name, name) for name in declared | optional}
    # pytest is imported only by the pytest plugin, which only pytest loads.
    plugin = SRC / "pytest_plugin.py"
    assert "pytest" in _names(list(ast.walk(ast.parse(plugin.read_text(encoding="utf-8")))))
    others = set()
    for path in SRC.rglob("*.py"):
        if path != plugin:
            others |= _names(list(ast.walk(ast.parse(path.read_text(encoding="utf-8")))))
    assert others == expected
    # The extras' packages are imported only when their feature is used.
    lazy = _imported_at_module_level(skip=(SERVE / "app.py",))
    assert not lazy & {IMPORT_NAMES.get(name, name) for name in optional}


def test_the_serve_extra_is_what_antq_serve_imports() -> None:
    command = SRC / "cli" / "serve.py"  # the command that starts the server
    imported = _imported_top_level(SERVE) | _names(
        list(ast.walk(ast.parse(command.read_text(encoding="utf-8"))))
    )
    assert imported == _extra("serve") | {"attrs"}


def test_the_package_is_typed_and_ships_its_catalogues() -> None:
    assert (SRC / "py.typed").is_file()
    for lang in ("vi", "en"):
        assert (SRC / "i18n" / "locale" / lang / "LC_MESSAGES" / "antq.mo").is_file()
