"""How antq's modules depend on each other (issue 14): no import cycle, and no import hidden
inside a function without a comment that says why (an optional extra, start-up time, or a
cycle the comment names).
"""

from __future__ import annotations

import ast
from pathlib import Path

import antq

SRC = Path(antq.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def _imported(name: str, path: Path) -> set[str]:
    """The antq modules ``name`` imports when it is imported (type-checking imports aside)."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            # ``from package import submodule`` needs the submodule, not the package's names.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or not (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group: list[str] = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in graph:
        if module not in index:
            visit(module)
    return groups


def test_no_module_imports_itself_through_others() -> None:
    graph = {name: _imported(name, path) for name, path in MODULES.items()}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _explained(lines: list[str], node: ast.stmt) -> bool:
    """Whether a comment on the import's line, or just above its block, says why."""
    if "#" in lines[node.lineno - 1]:
        return True
    row = node.lineno - 2
    # Up through the imports (and a ``try:``) of the same block to the first other line.
    while row >= 0:
        text = lines[row].strip()
        if text.startswith(("from ", "import ", ")", "try:")) or (
            text and text[0].isidentifier() and text.endswith(",")
        ):
            row -= 1
            continue
        return text.startswith("#")
    return False


def test_every_import_inside_a_function_says_why() -> None:
    unexplained: list[str] = []
    for name, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, (ast.Import, ast.ImportFrom)) and not _explained(lines, inner):
                    unexplained.append(f"{name}:{inner.lineno}: {ast.unparse(inner)}")
    assert unexplained == []


def test_no_private_module_is_imported_from_another_package() -> None:
    """``antq.io._units`` is for ``antq.io``; ``antq._spill`` (private to antq) for any part."""
    crossing: list[str] = []
    for name, path in MODULES.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [node.module] + [
                    f"{node.module}.{alias.name}"
                    for alias in node.names
                    if f"{node.module}.{alias.name}" in MODULES
                ]
            else:
                continue
            for target in targets:
                parts = target.split(".")
                private = next(
                    (
                        i
                        for i, part in enumerate(parts)
                        if part.startswith("_") and part[1:2] != "_"
                    ),
                    None,
                )
                if target.startswith("antq") and private is not None:
                    owner = ".".join(parts[:private])
                    if package != owner and not package.startswith(owner + "."):
                        crossing.append(f"{name} imports {target}")
    assert crossing == []
