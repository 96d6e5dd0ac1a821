#!/usr/bin/env python3
"""Mutation gate: plant small deliberate bugs in the rule and engine code and check the tests catch them.

A deterministic AST mutator makes one change at a time in a fixed list of target
functions (:data:`AREAS`): a comparison flipped or moved across its boundary
(``<`` to ``<=``, ``==`` to ``!=``, ``in`` to ``not in``), ``and`` swapped with
``or``, a whole number moved by one, ``True`` swapped with ``False``, a ``not``
dropped, ``+`` swapped with ``-``, and the value of a function returning ``bool``
negated. Each mutant is run in a fresh interpreter against only the test files of
its area (``pytest -x -q -p no:cacheprovider``) with a timeout. The mutated module
is served by an import hook from the mutated syntax tree: the working tree is never
written to.

A mutant is *killed* when the tests fail (or time out), or when the mutated module
cannot even be imported (a rule set that rejects its own definition), and *survives*
when they pass. Survivors that cannot be killed by any test (equivalent mutants) are listed
with a reason in ``scripts/mutation_survivors.toml`` and left out of the rate; the
gate fails when fewer than ``--floor`` percent (95) of the others are killed.
Survivors not in that file are printed, so a new gap is seen even when the rate
stays above the floor. A target that no longer exists (renamed or moved) is
reported, not a crash.

Usage::

    python scripts/mutation.py                 # every area, the gate
    python scripts/mutation.py --area scoring  # one area (repeatable)
    python scripts/mutation.py --list          # the mutants, not run
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, FunctionType, ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
SURVIVORS = Path(__file__).resolve().parent / "mutation_survivors.toml"

#: One area: the functions mutated (module -> qualified names; ``"*"`` is the whole
#: module, for declarative rule sets) and the test files run against each mutant.
AREAS: dict[str, tuple[dict[str, tuple[str, ...]], tuple[str, ...]]] = {
    "checks": (
        {
            "antq.safety.checks": (
                "in_period",
                "noting_outside",
                "_refuse_part_over_whole",
                "IsTrue",
                "AllOf",
                "ShareAtLeast",
                "AtLeast",
                "NoneCounted",
                "_no_incident",
                "_each_excused",
                "_IncidentsOf",
                "NoIncidents",
                "SeriousCrimesExcused",
                "ExcusedOnlyByForceMajeure",
                "_at_least",
                "GradeAtLeast",
                "TitleOrGrade",
                "TopicsCovered",
                "OffencesReduced",
            ),
            "antq.safety.tt23_2012._common": ("TitleAtLeast", "ShareAtLeastParameter"),
        },
        (
            "tests/safety/tt124_2021/test_shared.py",
            "tests/safety/test_criterion_states.py",
            "tests/safety/tt23_2012/test_rule_sets.py",
            "tests/test_mutation_gaps.py",
            "tests/test_generic_vs_compiled.py",
        ),
    ),
    "rule sets": (
        {
            "antq.safety.tt124_2021.article_1_scope": ("*",),
            "antq.safety.tt124_2021.article_5_commune": ("*",),
            "antq.safety.tt124_2021.article_7_education": ("*",),
            "antq.safety.tt124_2021.article_6_organisations": ("*",),
            "antq.safety.tt124_2021.article_4_residential_area": ("*",),
            "antq.safety.tt124_2021._shared_items": ("*",),
            "antq.safety.tt124_2021.article_8_assessment_windows": ("window",),
            "antq.safety.tt124_2021.territory": ("territory_criteria",),
            "antq.safety.tt23_2012.article_6_commune": ("*",),
            "antq.safety.tt23_2012.article_7_organisations": ("*",),
            "antq.safety.tt23_2012.article_5_residential_area": ("*",),
            "antq.safety.tt23_2012.article_8_school": ("*",),
            "antq.safety.tt23_2012._common": ("territory_criteria",),
            "antq.safety.tt23_2012.article_9_assessment_windows": ("window",),
        },
        (
            "tests/safety/tt124_2021/test_article_5_commune.py",
            "tests/safety/tt124_2021/test_article_7_education.py",
            "tests/safety/tt124_2021/test_article_6_organisations.py",
            "tests/safety/tt124_2021/test_article_4_residential_area.py",
            "tests/safety/tt124_2021/test_shared.py",
            "tests/safety/test_worked_examples.py",
            "tests/safety/tt23_2012/test_rule_sets.py",
            "tests/test_mutation_gaps.py",
        ),
    ),
    "roll-up": (
        {
            "antq.safety.rollup": (
                "_registration",
                "commune_counts",
                "apply_counts",
                "evaluate_commune",
            ),
            "antq.safety.unit_counts": (
                "RollupRule",
                "_check_bounds",
                "UnitCounts",
                "_UnitsCounted",
                "_lost",
                "UnitsRegistered",
                "UnitsRecognised",
            ),
        },
        (
            "tests/safety/test_rollup.py",
            "tests/safety/tt124_2021/test_article_5_commune.py",
            "tests/safety/tt23_2012/test_rule_sets.py",
            "tests/test_mutation_gaps.py",
            "tests/test_generic_vs_compiled.py",
        ),
    ),
    "combine": (
        {"antq.core.outcome": ("combine",)},
        ("tests/core/test_core.py", "tests/safety/test_criterion_states.py"),
    ),
    "periods": (
        {
            "antq.core.periods": (
                "_last_day",
                "_shift",
                "add_months",
                "add_years",
                "_check_order",
                "_check_int",
                "Period",
                "quarter_one",
                "AnnualWindow",
            ),
            "antq.safety.windows": ("assessment_period",),
            "antq.safety.tt23_2012.article_9_assessment_windows": ("school_year_period",),
        },
        ("tests/core/test_periods.py", "tests/test_mutation_gaps.py"),
    ),
    "formatting": (
        {
            "antq.i18n.formatting": (
                "_round_half_up",
                "_terminating_decimals",
                "_group",
                "_render",
                "format_number",
                "format_scaled",
                "_ratio",
                "format_percent_value",
                "format_percent",
                "format_ratio",
                "parse_number",
                "parse_percent",
                "_numeric",
                "format_date",
                "_make_date",
                "parse_date",
            ),
        },
        ("tests/i18n/test_formatting.py", "tests/test_mutation_gaps.py"),
    ),
    "KNC": (
        {
            "antq.emulation.awards.knc.candidate": ("ServicePeriod", "LeadershipPeriod"),
            "antq.emulation.awards.knc.service": (
                "_whole_months",
                "count_service",
                "_clip",
                "_restart_bounds",
                "service_bounds",
                "tenure_bounds",
                "decide",
                "service_by_sex",
                "TenureCheck",
                "ServiceCheck",
            ),
            "antq.emulation.awards.knc.context": (
                "check_once",
                "disqualified",
                "leader_category",
                "highest_commendation",
                "commended_at_least",
            ),
            # Each circular whole: its thresholds sit beside its conditions, at module level;
            # and the conditions and checks both declare alike.
            "antq.emulation.awards.knc.tt11_2021": ("*",),
            "antq.emulation.awards.knc.tt20_2025": ("*",),
            "antq.emulation.awards.knc._routes": ("*",),
            "antq.emulation.awards.knc.medal": ("select_knc_rules",),
        },
        (
            "tests/emulation/awards/test_knc.py",
            "tests/emulation/awards/test_knc_declarations.py",
            "tests/test_mutation_gaps.py",
        ),
    ),
    "scoring": (
        {
            "antq.emulation.scoring._engine": ("check_values", "score"),
            "antq.emulation.scoring._items": (
                "_share_leaf",
                "_threshold",
                "_proportional",
                "_per_occurrence",
                "_leaf",
                "_score_item",
            ),
            "antq.emulation.scoring._classify": ("_veto", "_class_of", "_classify", "_next_class"),
        },
        (
            "tests/emulation/test_scoring.py",
            "tests/emulation/test_sheet_rules.py",
            "tests/test_mutation_gaps.py",
        ),
    ),
}

_COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}

#: Calls whose arguments are not mutated: legal citations (article and clause numbers,
#: checked against the spec by the traceability tests, not by outcomes) and messages.
_NOT_MUTATED_CALLS = frozenset(
    {"c124", "c23", "cite", "cited", "Citation", "CiteFor", "Msg", "Label"}
)
#: Positional arguments that are article or clause numbers, for the same reason:
#: ``_crit(cited, clause, ...)`` and ``planning(prefix, article)`` of the TT 124 rule sets.
_CITATION_ARGUMENTS: dict[str, tuple[int, ...]] = {"_crit": (1,), "planning": (1,)}

_CALL_SWAPS = {"min": "max", "max": "min", "any": "all", "all": "any"}


# -- finding the targets and the mutation points -------------------------------------------


def _module_file(module: str) -> Path:
    return SRC.joinpath(*module.split(".")).with_suffix(".py")


def _target_node(tree: ast.Module, qualname: str) -> ast.AST | None:
    """The function or class called ``qualname`` (dotted for nesting); ``*``: the module."""
    if qualname == "*":
        return tree
    node: ast.AST = tree
    for part in qualname.split("."):
        found = None
        for child in ast.iter_child_nodes(node):
            if (
                isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
                and child.name == part
            ):
                found = child
                break
        if found is None:
            return None
        node = found
    return node


def _skipped(tree: ast.AST) -> set[int]:
    """Nodes never mutated: annotations, docstrings, ``if TYPE_CHECKING`` and ``__all__``."""
    skip: set[int] = set()

    def mark(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            # Decorators and defaults run once, when the module is imported.
            for extra in (*node.decorator_list, *node.args.defaults, *node.args.kw_defaults):
                mark(extra)
            mark(node.returns)
            for arg in (*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs):
                mark(arg.annotation)
        elif isinstance(node, ast.ClassDef):
            for extra in node.decorator_list:  # attrs options: how the class is built
                mark(extra)
        elif isinstance(node, ast.AnnAssign):
            mark(node.annotation)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("field", "ib")
        ):
            # attrs.field(init=False, eq=False, repr=False): how a class is built, not an
            # answer; a flipped option is either a crash at import or no change.
            for keyword in node.keywords:
                if keyword.arg in ("init", "eq", "repr", "hash", "order", "kw_only"):
                    mark(keyword.value)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _CITATION_ARGUMENTS
        ):
            for position in _CITATION_ARGUMENTS[node.func.id]:
                if position < len(node.args):
                    mark(node.args[position])
        elif (
            (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in _NOT_MUTATED_CALLS
            )
            or (isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test))
            or (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            )
        ):
            mark(node)
    return skip


def _returns_bool(func: ast.AST) -> bool:
    return (
        isinstance(func, ast.FunctionDef)
        and func.returns is not None
        and ast.unparse(func.returns) == "bool"
    )


@dataclass(frozen=True)
class Point:
    """One place a mutant can be made, in a deterministic walk of the target."""

    index: int  # position among the candidate nodes of the walk
    variant: int  # which change at that node
    line: int
    before: str
    after: str
    #: The qualified name of the function or method whose body holds the point (its
    #: code is swapped in place), or None for code run at import (the module is re-run).
    owner: str | None


def _variants(node: ast.AST, in_bool_function: bool) -> list[tuple[str, ast.AST]]:
    """The mutated copies of ``node`` (each a new node to put in its place)."""
    out: list[tuple[str, ast.AST]] = []
    if isinstance(node, ast.Compare):
        for k, op in enumerate(node.ops):
            swap = _COMPARE_SWAPS.get(type(op))
            if swap is not None:
                ops = list(node.ops)
                ops[k] = swap()
                out.append(("compare", ast.Compare(node.left, ops, node.comparators)))
    elif isinstance(node, ast.BoolOp):
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        out.append(("and/or", ast.BoolOp(other, node.values)))
    elif isinstance(node, ast.Constant) and type(node.value) is bool:
        out.append(("bool", ast.Constant(not node.value)))
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        out.append(("int+1", ast.Constant(node.value + 1)))
        out.append(("int-1", ast.Constant(node.value - 1)))
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _CALL_SWAPS
    ):
        func = ast.Name(_CALL_SWAPS[node.func.id], ast.Load())
        out.append(("call", ast.Call(func, node.args, node.keywords)))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        out.append(("not", node.operand))
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
        other_op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
        out.append(("+/-", ast.BinOp(node.left, other_op, node.right)))
    elif (
        in_bool_function
        and isinstance(node, ast.Return)
        and node.value is not None
        and not (isinstance(node.value, ast.Constant))
    ):
        out.append(("return not", ast.Return(ast.UnaryOp(ast.Not(), node.value))))
    return out


def _candidates(target: ast.AST, skip: set[int]) -> Iterator[tuple[ast.AST, ast.AST, str, int]]:
    """(parent, node, field name, position in a list or -1) for every node of ``target``, breadth first."""
    queue: list[ast.AST] = [target]
    while queue:
        parent = queue.pop(0)
        for name, value in ast.iter_fields(parent):
            items = value if isinstance(value, list) else [value]
            for pos, child in enumerate(items):
                if not isinstance(child, ast.AST) or id(child) in skip:
                    continue
                yield parent, child, name, pos if isinstance(value, list) else -1
                queue.append(child)


def _walk_points(
    tree: ast.Module, target: ast.AST
) -> Iterator[tuple[ast.AST, str, int, ast.AST, list[tuple[str, ast.AST]]]]:
    skip = _skipped(tree)
    bool_of: dict[int, bool] = {}

    def note(node: ast.AST, flag: bool) -> None:
        for child in ast.iter_child_nodes(node):
            own = (
                _returns_bool(child)
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
                else flag
            )
            bool_of[id(child)] = own
            note(child, own)

    note(target, _returns_bool(target))
    for parent, node, name, pos in _candidates(target, skip):
        if _is_docstring(parent, node):
            continue
        variants = _variants(node, bool_of.get(id(node), False))
        if variants:
            yield parent, name, pos, node, variants


def _is_docstring(parent: ast.AST, node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        and isinstance(parent, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    )


def _owners(tree: ast.Module) -> dict[int, str]:
    """For each node inside the body of a function or method: that function's qualified name.

    Nested functions, lambdas and comprehensions belong to the outermost function,
    whose code holds theirs.
    """
    owners: dict[int, str] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                for statement in child.body:
                    owners.update((id(n), name) for n in ast.walk(statement))

    visit(tree, "")
    return owners


def _points(tree: ast.Module, target: ast.AST) -> list[Point]:
    points: list[Point] = []
    owners = _owners(tree)
    for index, (_parent, _name, _pos, node, variants) in enumerate(_walk_points(tree, target)):
        before = _short(node)
        for variant, (_kind, new) in enumerate(variants):
            line = getattr(node, "lineno", 0)
            owner = owners.get(id(node))
            points.append(Point(index, variant, line, before, _short(new), owner))
    return points


def _short(node: ast.AST) -> str:
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= 90 else text[:87] + "..."


def mutate(module: str, qualname: str, index: int, variant: int) -> ast.Module:
    """The module's syntax tree with the one mutation ``(index, variant)`` of ``qualname``."""
    tree = ast.parse(_module_file(module).read_text(encoding="utf-8"))
    target = _target_node(tree, qualname)
    if target is None:
        raise LookupError(f"{module}:{qualname} not found")
    for k, (parent, name, pos, node, variants) in enumerate(_walk_points(tree, target)):
        if k == index:
            new = variants[variant][1]
            ast.copy_location(new, node)
            if pos < 0:
                setattr(parent, name, new)
            else:
                getattr(parent, name)[pos] = new
            return ast.fix_missing_locations(tree)
    raise LookupError(f"{module}:{qualname} has no mutation point {index}")


# -- the mutants ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutant:
    area: str
    module: str
    qualname: str
    point: Point
    occurrence: int  # among the mutants of this function with the same before -> after

    @property
    def key(self) -> str:
        """A name that survives edits elsewhere in the file (no line numbers)."""
        suffix = f" #{self.occurrence + 1}" if self.occurrence else ""
        return f"{self.module}:{self.qualname}: {self.point.before} -> {self.point.after}{suffix}"


@dataclass
class Plan:
    mutants: list[Mutant] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def plan(areas: Sequence[str]) -> Plan:
    result = Plan()
    for area in areas:
        targets, _tests = AREAS[area]
        for module, qualnames in targets.items():
            path = _module_file(module)
            if not path.exists():
                result.missing.append(f"{area}: module {module} not found")
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for qualname in qualnames:
                target = _target_node(tree, qualname)
                if target is None:
                    result.missing.append(f"{area}: {module}:{qualname} not found")
                    continue
                seen: dict[tuple[str, str], int] = {}
                for point in _points(tree, target):
                    pair = (point.before, point.after)
                    occurrence = seen.get(pair, 0)
                    seen[pair] = occurrence + 1
                    result.mutants.append(Mutant(area, module, qualname, point, occurrence))
    return result


# -- running the mutants -------------------------------------------------------------------
#
# One pytest session collects the test files of every area once. A first forked child
# runs every test with a call tracer: which target functions each test calls, and how
# long it takes. Then each mutant runs in its own forked child: the mutated function's
# code is put in place of the original (``function.__code__``), and only the tests that
# call that function run, the ones that killed earlier mutants of it first, stopping at
# the first failure. A point outside any function body (a rule set's table, a class
# attribute) is code run at import: that mutant runs in a fresh interpreter whose import
# hook serves the mutated module, against the area's test files.

KILLED, SURVIVED, TIMEOUT, ERROR = "killed", "survived", "timeout", "error"
#: A test function with at most this many cases is a table of boundary cases: all run.
_FEW_CASES = 16


class _MutatedFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves one module from a mutated syntax tree; every other import is untouched."""

    def __init__(self, module: str, tree: ast.Module) -> None:
        self.module = module
        self.tree = tree

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.module:
            return None
        spec = importlib.util.spec_from_loader(fullname, self, origin=str(_module_file(fullname)))
        if spec is not None:
            spec.has_location = True
        return spec

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        module.__file__ = str(_module_file(self.module))
        exec(compile(self.tree, module.__file__, "exec"), module.__dict__)


def _profile() -> None:
    """Hypothesis: the same examples every run, no database, no deadline, no tracing phase."""
    from hypothesis import Phase, settings

    settings.register_profile(
        "antq-mutation",
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    )
    settings.load_profile("antq-mutation")


def _module_child(argv: list[str]) -> int:
    """In a fresh interpreter: install the mutated module, then run pytest on ``tests``."""
    module, qualname, index, variant, *tests = argv
    sys.meta_path.insert(
        0, _MutatedFinder(module, mutate(module, qualname, int(index), int(variant)))
    )
    try:
        importlib.import_module(module)
    except Exception:
        # The mutated module refuses to load (a rule set rejecting its own definition, say):
        # the bug is caught before any test can run, so the mutant is killed. Left to pytest,
        # this would be an import error in conftest (exit 4), reported as "could not be run".
        return 1
    _profile()
    import pytest

    return int(pytest.main(["-x", "-q", "-p", "no:cacheprovider", "--no-header", "-s", *tests]))


def _mutated_code(mutant: Mutant) -> CodeType:
    """The code object of the mutant's owner function, compiled from the mutated module."""
    p = mutant.point
    tree = mutate(mutant.module, mutant.qualname, p.index, p.variant)
    module_code = compile(tree, str(_module_file(mutant.module)), "exec")
    found: list[CodeType] = []
    stack = [module_code]
    while stack:
        code = stack.pop()
        if code.co_qualname == p.owner:
            found.append(code)
        stack.extend(c for c in code.co_consts if isinstance(c, CodeType))
    if not found:
        raise LookupError(f"no code for {p.owner} in the mutated {mutant.module}")
    return min(found, key=lambda c: abs(c.co_firstlineno - p.line))


def _live_functions(module: ModuleType) -> dict[str, list[FunctionType]]:
    """The functions and methods defined in ``module``, by their code's qualified name."""
    out: dict[str, list[FunctionType]] = {}
    seen: set[int] = set()

    def add(obj: object) -> None:
        while True:
            if isinstance(obj, staticmethod | classmethod):
                obj = obj.__func__
            elif isinstance(obj, property):
                for part in (obj.fget, obj.fset, obj.fdel):
                    if part is not None:
                        add(part)
                return
            elif hasattr(obj, "__wrapped__") and not isinstance(obj, type):
                obj = obj.__wrapped__
            else:
                break
        if isinstance(obj, FunctionType) and id(obj) not in seen:
            seen.add(id(obj))
            if obj.__module__ == module.__name__:
                out.setdefault(obj.__code__.co_qualname, []).append(obj)
        elif isinstance(obj, type) and id(obj) not in seen:
            seen.add(id(obj))
            if obj.__module__ == module.__name__:
                for value in vars(obj).values():
                    add(value)

    for value in list(vars(module).values()):
        add(value)
    return out


def _clear_caches(module: ModuleType) -> None:
    for value in vars(module).values():
        clear = getattr(value, "cache_clear", None)
        if callable(clear):
            clear()


def _closest_first(module: str, files: Sequence[str]) -> list[str]:
    """The test files, those named after the module first (``tt124_2021.article_5_commune``: test_article_5_commune)."""
    parts = module.split(".")

    def distance(path: str) -> int:
        name = Path(path).stem
        package = parts[-2]
        if parts[-1].strip("_") in name and package in path:
            return 0
        return 1 if package in path else 2

    return sorted(files, key=distance)


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _quiet() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)


@dataclass
class Result:
    mutant: Mutant
    status: str  # killed, survived, timeout, error
    seconds: float
    tests: int  # the tests chosen for it (0: the module was re-imported, every test file run)


class Gate:
    """A pytest plugin: collect once, trace once, then run every mutant in a fork."""

    def __init__(self, mutants: list[Mutant], jobs: int, timeout: float, max_tests: int) -> None:
        self.mutants = mutants
        self.max_tests = max_tests
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.failed = False
        self.results: list[Result] = []
        self.baseline_failures: list[str] = []

    # -- hooks

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.failed:
            self.failed = True

    def pytest_runtestloop(self, session: Any) -> bool:
        if session.testsfailed:
            self.baseline_failures.append("collection failed")
            return True
        items = list(session.items)
        start = time.monotonic()
        trace = self._trace(items)
        if trace is None:
            return True
        seconds = time.monotonic() - start
        print(
            f"traced {len(items)} tests in {seconds:.0f} s; running {len(self.mutants)} mutants",
            file=sys.__stdout__,
            flush=True,
        )
        self._run_all(items, trace)
        return True

    # -- running tests in a child

    def _trace(self, items: list[Any]) -> list[tuple[set[tuple[str, str]], float]] | None:
        """Per test: the (file, function) pairs of the targets it calls, and its seconds."""
        files = {str(_module_file(m.module)) for m in self.mutants}
        fd, out_path = tempfile.mkstemp(suffix=".json")
        os.close(fd)
        pid = os.fork()
        if pid == 0:  # the child
            code = 3
            try:
                _quiet()
                rows: list[tuple[list[tuple[str, str]], float, str | None]] = []
                for k, item in enumerate(items):
                    calls: set[tuple[str, str]] = set()

                    def tracer(
                        frame: Any, event: str, arg: object, calls: set[tuple[str, str]] = calls
                    ) -> None:
                        code = frame.f_code
                        if event == "call" and code.co_filename in files:
                            calls.add((code.co_filename, code.co_qualname.split(".<locals>")[0]))

                    self.failed = False
                    start = time.perf_counter()
                    sys.settrace(tracer)
                    threading.settrace(tracer)
                    item.ihook.pytest_runtest_protocol(
                        item=item, nextitem=items[k + 1] if k + 1 < len(items) else None
                    )
                    sys.settrace(None)
                    threading.settrace(None)
                    failed = item.nodeid if self.failed else None
                    rows.append((sorted(calls), time.perf_counter() - start, failed))
                Path(out_path).write_text(json.dumps(rows), encoding="utf-8")
                code = 0
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        text = Path(out_path).read_text(encoding="utf-8")
        os.unlink(out_path)
        if status != 0 or not text:
            self.baseline_failures.append("the tracing run crashed")
            return None
        rows = json.loads(text)
        self.baseline_failures = [r[2] for r in rows if r[2]]
        if self.baseline_failures:
            return None
        return [({(f, q) for f, q in calls}, seconds) for calls, seconds, _ in rows]

    def _run_all(self, items: list[Any], trace: list[tuple[set[tuple[str, str]], float]]) -> None:
        killers: dict[tuple[str, str | None], list[int]] = {}
        queue = list(self.mutants)
        running: dict[
            int, tuple[Mutant, float, float, list[int], subprocess.Popen[bytes] | None]
        ] = {}
        total = len(queue)
        try:
            self._loop(queue, running, items, trace, killers, total)
        finally:
            # Interrupted (Ctrl-C, a signal): leave no mutant running.
            for pid in running:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def _loop(
        self,
        queue: list[Mutant],
        running: dict[int, tuple[Mutant, float, float, list[int], subprocess.Popen[bytes] | None]],
        items: list[Any],
        trace: list[tuple[set[tuple[str, str]], float]],
        killers: dict[tuple[str, str | None], list[int]],
        total: int,
    ) -> None:
        while queue or running:
            while queue and len(running) < self.jobs:
                mutant = queue.pop(0)
                started = self._start(mutant, items, trace, killers)
                if isinstance(started, Result):
                    self.results.append(started)
                else:
                    pid, limit, chosen, proc = started
                    running[pid] = (mutant, time.monotonic(), limit, chosen, proc)
            for pid, (mutant, start, limit, chosen, proc) in list(running.items()):
                if proc is not None:
                    code = proc.poll()
                else:
                    done, status = os.waitpid(pid, os.WNOHANG)
                    code = os.waitstatus_to_exitcode(status) if done else None
                elapsed = time.monotonic() - start
                if code is None and elapsed > limit:
                    os.kill(pid, signal.SIGKILL)
                    if proc is not None:
                        proc.wait()
                    else:
                        os.waitpid(pid, 0)
                    code = -1
                if code is None:
                    continue
                del running[pid]
                if code == -1:
                    status_text = TIMEOUT
                elif proc is not None:
                    # pytest: 0 passed, 1 failed, 2 interrupted (import failed), 3 internal.
                    status_text = {0: SURVIVED, 1: KILLED, 2: KILLED, 3: KILLED}.get(code, ERROR)
                else:
                    status_text = (
                        KILLED if code == 1 or code >= 10 else {0: SURVIVED}.get(code, ERROR)
                    )
                if code >= 10 and proc is None:
                    killer = chosen[code - 10]
                    found = killers.setdefault((mutant.module, mutant.point.owner), [])
                    if killer not in found:
                        found.append(killer)
                self.results.append(Result(mutant, status_text, elapsed, len(chosen)))
                if len(self.results) % 50 == 0:
                    print(
                        f"  {len(self.results)}/{total} mutants run",
                        file=sys.__stdout__,
                        flush=True,
                    )
            time.sleep(0.01)

    def _start(
        self,
        mutant: Mutant,
        items: list[Any],
        trace: list[tuple[set[tuple[str, str]], float]],
        killers: dict[tuple[str, str | None], list[int]],
    ) -> Result | tuple[int, float, list[int], subprocess.Popen[bytes] | None]:
        tests = {str(ROOT / t) for t in AREAS[mutant.area][1]}
        in_area = [k for k, item in enumerate(items) if str(item.path) in tests]
        p = mutant.point
        key = (str(_module_file(mutant.module)), p.owner)
        chosen = [k for k in in_area if key in trace[k][0]]
        if p.owner is None or not chosen:
            # Code run at import, or a function only called while importing (a rule set's
            # table builder): re-run the mutated module in a fresh interpreter.
            cmd = [sys.executable, __file__, "--child", mutant.module, mutant.qualname]
            cmd += [
                str(p.index),
                str(p.variant),
                *_closest_first(mutant.module, AREAS[mutant.area][1]),
            ]
            env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
            proc = subprocess.Popen(
                cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            limit = min(self.timeout * 4, 30 + 3 * sum(trace[k][1] for k in in_area))
            return proc.pid, limit, [], proc
        if len(chosen) > self.max_tests:
            # A fixed choice whatever order mutants finish in: one case of every test
            # function, then every case of the functions with few cases (boundary tables),
            # then the fastest of the rest (a parametrised test may have hundreds).
            by_speed = sorted(chosen, key=lambda k: (trace[k][1], k))
            cases: dict[str, list[int]] = {}
            for k in by_speed:
                cases.setdefault(items[k].nodeid.split("[")[0], []).append(k)
            firsts = [ks[0] for ks in cases.values()]
            few = [k for ks in cases.values() if len(ks) <= _FEW_CASES for k in ks[1:]]
            keep = list(dict.fromkeys([*firsts, *few, *by_speed]))[: self.max_tests]
            chosen = sorted(keep)
        first = [k for k in killers.get((mutant.module, p.owner), []) if k in chosen]
        order = list(dict.fromkeys([*first, *sorted(chosen, key=lambda k: trace[k][1])]))
        limit = min(self.timeout, 10 + 3 * sum(trace[k][1] for k in order))
        pid = os.fork()
        if pid == 0:  # the child
            code = 3
            try:
                _quiet()
                module = importlib.import_module(mutant.module)
                new = _mutated_code(mutant)
                live = [
                    f
                    for f in _live_functions(module).get(p.owner or "", [])
                    if f.__code__.co_firstlineno == new.co_firstlineno
                ]
                if live and all(f.__code__.co_freevars == new.co_freevars for f in live):
                    for f in live:
                        f.__code__ = new
                    _clear_caches(module)
                    code = 0
                    for k, position in enumerate(order):
                        nextitem = items[order[k + 1]] if k + 1 < len(order) else None
                        self.failed = False
                        items[position].ihook.pytest_runtest_protocol(
                            item=items[position], nextitem=nextitem
                        )
                        if self.failed:
                            # Killed: 10 + the killing test's place in the order, if it fits.
                            code = 10 + k if k < 200 else 1
                            break
            finally:
                os._exit(code)
        return pid, limit, order, None


# -- accepted survivors --------------------------------------------------------------------


def load_survivors(path: Path = SURVIVORS) -> dict[str, str]:
    """The accepted (equivalent) survivors: key -> reason. Every entry must give a reason."""
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    accepted: dict[str, str] = {}
    for k, entry in enumerate(data.get("survivor", [])):
        key, reason = entry.get("mutant"), entry.get("reason")
        if not isinstance(key, str) or not isinstance(reason, str) or not reason.strip():
            raise SystemExit(f"{path}: survivor {k + 1} needs a 'mutant' and a 'reason'")
        accepted[key] = reason
    return accepted


# -- the gate ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--child"]:
        return _module_child(args[1:])
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--area", action="append", choices=sorted(AREAS), help="repeatable")
    parser.add_argument("--list", action="store_true", help="list the mutants, do not run them")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (2)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per mutant, at most")
    parser.add_argument("--floor", type=float, default=95.0, help="percent killed, at least (95)")
    parser.add_argument(
        "--max-tests", type=int, default=400, help="tests run per mutant, at most (400)"
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        help="leave this test file out (repeatable): to show which mutants a file kills",
    )
    parser.add_argument(
        "--match",
        action="append",
        default=[],
        help="only the mutants whose name contains this (repeatable: any of them)",
    )
    opts = parser.parse_args(args)
    areas = opts.area or list(AREAS)
    the_plan = plan(areas)
    mutants = [m for m in the_plan.mutants if not opts.match or any(s in m.key for s in opts.match)]
    for line in the_plan.missing:
        print(f"missing target (renamed or moved?): {line}")
    if opts.list:
        for m in mutants:
            mode = "import" if m.point.owner is None else m.point.owner
            print(f"[{m.area}] L{m.point.line} ({mode}) {m.key}")
        print(f"{len(mutants)} mutants")
        return 0
    accepted = load_survivors()
    started = time.monotonic()
    os.chdir(ROOT)
    _profile()
    import pytest

    gate = Gate(mutants, opts.jobs, opts.timeout, opts.max_tests)
    signal.signal(signal.SIGTERM, _interrupted)  # kill: stop the mutants as Ctrl-C does
    for area in areas:
        targets, tests = AREAS[area]
        AREAS[area] = (targets, tuple(t for t in tests if t not in opts.without))
    files = sorted({t for a in areas for t in AREAS[a][1]})
    args = [
        "-q",
        "-s",
        "-p",
        "no:cacheprovider",
        "--no-header",
        "-W",
        "ignore::pytest.PytestAssertRewriteWarning",
    ]
    pytest.main([*args, *files], plugins=[gate])
    if gate.baseline_failures:
        print("the tests fail before any mutation:", *gate.baseline_failures, sep="\n  ")
        return 2
    code = _report(areas, gate.results, accepted, time.monotonic() - started, opts)
    return code if not the_plan.missing or code else 0


def _report(
    areas: Sequence[str],
    results: list[Result],
    accepted: dict[str, str],
    seconds: float,
    opts: argparse.Namespace,
) -> int:
    results.sort(key=lambda r: (areas.index(r.mutant.area), r.mutant.key))
    header = (
        f"{'area':<12} {'mutants':>7} {'killed':>7} {'equiv.':>7} {'survived':>8} {'killed %':>9}"
    )
    print("\n" + header)
    totals = [0, 0, 0, 0]

    def row(name: str, n: int, killed: int, equivalent: int, survived: int) -> None:
        counted = killed + survived
        rate = 100.0 * killed / counted if counted else 100.0
        print(f"{name:<12} {n:>7} {killed:>7} {equivalent:>7} {survived:>8} {rate:>8.1f}%")

    for area in areas:
        rows = [r for r in results if r.mutant.area == area]
        counts = [
            len(rows),
            sum(r.status in (KILLED, TIMEOUT) for r in rows),
            sum(r.status == SURVIVED and r.mutant.key in accepted for r in rows),
            sum(r.status == SURVIVED and r.mutant.key not in accepted for r in rows),
        ]
        row(area, *counts)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    row("all", *totals)
    killed, survived = totals[1], totals[3]
    rate = 100.0 * killed / (killed + survived) if killed + survived else 100.0
    print(f"({seconds:.0f} s; accepted equivalent survivors are left out of the rate)")
    new = [r for r in results if r.status == SURVIVED and r.mutant.key not in accepted]
    if new:
        print("\nsurvivors not in scripts/mutation_survivors.toml (a gap in the tests, or an")
        print("equivalent mutant to list there with its reason):")
        for r in new:
            where = "module re-imported" if r.tests == 0 else f"{r.tests} tests run"
            print(f"  [{r.mutant.area}] L{r.mutant.point.line} {r.mutant.key}  ({where})")
    if not opts.match and set(areas) == set(AREAS):
        survivors = {r.mutant.key for r in results if r.status == SURVIVED}
        for key in sorted(k for k in accepted if k not in survivors):
            print(f"note: listed survivor no longer survives (remove it): {key}")
    slow = sorted(results, key=lambda r: -r.seconds)[:5]
    print("slowest: " + "; ".join(f"{r.seconds:.1f} s {r.mutant.key[:70]}" for r in slow))
    errors = [r for r in results if r.status == ERROR]
    for r in errors:
        print(f"error: the mutant could not be run: {r.mutant.key}")
    if errors:
        return 2
    if rate < opts.floor:
        print(f"\nFAIL: {rate:.1f}% of the mutants killed, under the floor of {opts.floor:.0f}%")
        return 1
    print(f"\nok: {rate:.1f}% of the mutants killed (floor {opts.floor:.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
