"""No code from data, and the documented limits on input.

antq reads facts and verdicts as data only: nothing it reads is executed,
unpickled or imported, except the allow-listed, justified cases. The scan is
of the syntax tree of every module under ``src/antq``, so comments and
docstrings (``frozen.py`` shows ``pickle`` in a doctest) do not count.
"""

from __future__ import annotations

import ast
import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import antq
from antq.core.engine import evaluate
from antq.core.facts import MAX_YEAR, MIN_YEAR
from antq.core.verdict import Verdict
from antq.errors import InputError
from antq.io import facts as facts_io
from antq.io.facts import read_facts
from antq.io.schema import facts_schema
from antq.vocabulary import vocabulary_member
from tests.safety.builders import facts_of, raw_unit

from .strategies import BOOK, RA

SRC = Path(antq.__file__).resolve().parent

#: Built-in functions that run or compile code.
FORBIDDEN_BUILTINS = frozenset({"eval", "exec", "compile", "__import__", "breakpoint"})
#: Modules that turn data into objects or code, or run other programs.
FORBIDDEN_MODULES = frozenset(
    {
        "pickle",
        "_pickle",
        "marshal",
        "shelve",
        "dill",
        "cloudpickle",
        "jsonpickle",
        "yaml",
        "subprocess",
        "ctypes",
        "runpy",
        "code",
        "codeop",
        "pty",
    }
)
#: Functions of allowed modules that load code or run programs.
FORBIDDEN_FUNCTIONS = frozenset(
    {
        "importlib.import_module",
        "importlib.__import__",
        "importlib.reload",
        "os.system",
        "os.popen",
        "os.execv",
        "os.execve",
        "os.execl",
        "os.execlp",
        "os.execvp",
        "os.spawnv",
        "os.spawnl",
        "os.startfile",
    }
)

#: (module relative to src/antq, forbidden name) -> why it is safe there.
ALLOWED = {
    ("vocabulary.py", "importlib.import_module"): (
        "vocabulary_member() reads a reason parameter's vocabulary name from verdict JSON and, "
        "only when the name starts with 'antq.', imports that antq module so that its "
        "vocabularies register; nothing outside the antq package can be named, and importing "
        "antq's own modules runs no user code"
    ),
    ("report/_annex_store.py", "pickle"): (
        "the report's annex store unpickles only the verdicts it pickled itself, in the same "
        "process, from its own anonymous temporary SQLite database (sqlite3.connect(''), never "
        "a path from input); its unpickler finds antq's classes and a few standard ones only"
    ),
    ("report/_annex_store.py", "pickle.Pickler"): (
        "the report's annex store pickles the verdicts of the annex to its own temporary "
        "database (see the entry above); writing a pickle runs no code from data"
    ),
    ("_moved.py", "importlib.import_module"): (
        "moved() finds a deprecated name in its new module; the module names are constants of "
        "the tables in antq's own alias modules (antq.report.commands...), never read from data"
    ),
}


def _findings(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imported: dict[str, str] = {}  # local name -> dotted name it stands for
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                imported[alias.asname or alias.name.split(".")[0]] = alias.name
                if alias.name.split(".")[0] in FORBIDDEN_MODULES:
                    found.add(alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module.split(".")[0] in FORBIDDEN_MODULES:
                found.add(node.module)
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}"
                imported[alias.asname or alias.name] = dotted
                if dotted in FORBIDDEN_FUNCTIONS:
                    found.add(dotted)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name):
            if func.id in FORBIDDEN_BUILTINS and func.id not in imported:
                found.add(func.id)
            elif imported.get(func.id) in FORBIDDEN_FUNCTIONS:
                found.add(imported[func.id])
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            module = imported.get(func.value.id, func.value.id)
            dotted = f"{module}.{func.attr}"
            if dotted in FORBIDDEN_FUNCTIONS or module.split(".")[0] in FORBIDDEN_MODULES:
                found.add(dotted)
    return found


def _scan() -> dict[tuple[str, str], None]:
    hits: dict[tuple[str, str], None] = {}
    for path in sorted(SRC.rglob("*.py")):
        for name in sorted(_findings(path)):
            hits[(path.relative_to(SRC).as_posix(), name)] = None
    return hits


def test_no_module_of_antq_runs_unpickles_or_imports_data() -> None:
    unexpected = sorted(set(_scan()) - set(ALLOWED))
    assert unexpected == [], "code from data? justify it in ALLOWED or remove it"


def test_every_allow_list_entry_is_still_needed() -> None:
    assert sorted(set(ALLOWED) - set(_scan())) == []


@pytest.mark.parametrize(
    "source",
    [
        "eval(text)",
        "exec(text)",
        "import pickle\npickle.loads(data)",
        "from pickle import loads",
        "import yaml",
        "import importlib\nimportlib.import_module(name)",
        "from importlib import import_module as im\nim(name)",
        "__import__(name)",
        "import os\nos.system(cmd)",
        "import marshal",
        "import subprocess as sp",
    ],
)
def test_the_scanner_finds_each_forbidden_form(tmp_path: Path, source: str) -> None:
    path = tmp_path / "module.py"
    path.write_text(source + "\n", encoding="utf-8")
    assert _findings(path)


def test_the_scanner_ignores_docstrings_and_lookalikes(tmp_path: Path) -> None:
    path = tmp_path / "module.py"
    path.write_text(
        '"""Doctest: >>> import pickle; pickle.loads(b"")"""\n'
        "import re\nre.compile('x')\nliteral_eval = 1\n",
        encoding="utf-8",
    )
    assert _findings(path) == set()


# -- the allow-listed import, from the data side ---------------------------------------------------


@pytest.mark.parametrize(
    "vocabulary",
    ["os.path.Foo", "subprocess.Popen", "antqx.evil.Thing", "builtins.Eval", "__main__.X", ""],
)
def test_a_vocabulary_outside_antq_is_never_imported(
    monkeypatch: pytest.MonkeyPatch, vocabulary: str
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(importlib, "import_module", lambda name, *a: calls.append(name))
    with pytest.raises(InputError) as raised:
        vocabulary_member(vocabulary, "x", path="p")
    assert calls == []
    assert (raised.value.path, raised.value.message) == ("p", "unknown vocabulary")


def test_an_unknown_antq_vocabulary_is_an_input_error() -> None:
    with pytest.raises(InputError) as raised:
        vocabulary_member("antq.no_such_module.Thing", "x", path="p")
    assert raised.value.message == "unknown vocabulary"


def test_a_verdict_naming_a_foreign_vocabulary_is_refused_without_importing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = evaluate(facts_of(RA, grassroots_force_grade="khong_hoan_thanh"), BOOK).to_json()
    params = [r["reason"]["params"] for r in data["results"] if "grade" in r["reason"]["params"]]
    assert params and params[0]["grade"]["vocabulary"] == "antq.entities.grades.TaskGrade"
    # Read once as written: the message catalogues load (through importlib) before the patch,
    # so the test does not depend on an earlier test having loaded them.
    Verdict.from_json(json.loads(json.dumps(data)))
    params[0]["grade"]["vocabulary"] = "os.system"
    calls: list[str] = []
    monkeypatch.setattr(importlib, "import_module", lambda name, *a: calls.append(name))
    with pytest.raises(InputError) as raised:
        Verdict.from_json(data)
    assert calls == [] and raised.value.message == "unknown vocabulary"


def test_reading_and_evaluating_hostile_text_loads_no_module() -> None:
    hostile = "__import__('os').system('false'); {0.__class__} ${HOME} `id` \\x00"
    document: dict[str, Any] = {
        "units": [
            {**raw_unit(RA), "id": hostile, "name": hostile, "commune": hostile},
            {**raw_unit(RA), "kind": hostile},
            {**raw_unit(RA, grassroots_force_grade=hostile)},
        ]
    }
    first = read_facts(document, BOOK)  # warm up lazy imports (Babel, catalogues)
    for unit in first.units:
        evaluate(unit, BOOK).explain("vi")
    before = set(sys.modules)
    read = read_facts(json.loads(json.dumps(document)), BOOK)
    verdicts = [evaluate(unit, BOOK) for unit in read.units]
    for verdict in verdicts:
        verdict.explain("vi")
        verdict.explain("en")
        Verdict.from_json(json.loads(json.dumps(verdict.to_json())))
    assert set(sys.modules) == before
    assert [v.unit_id for v in verdicts] == [hostile]
    assert len(read.errors) == 2


# -- documented limits -------------------------------------------------------------------------------


def test_the_size_limit_is_checked_before_the_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "facts.json"
    path.write_text('{"units": []}', encoding="utf-8")
    monkeypatch.setattr(facts_io, "MAX_DOCUMENT_BYTES", 4)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    with pytest.raises(InputError, match="file larger than 4 bytes"):
        facts_io.load_document(path)


def test_recognition_years_are_limited_to_2000_2100() -> None:
    assert (MIN_YEAR, MAX_YEAR) == (2000, 2100)
    for year, ok in ((1999, False), (2000, True), (2100, True), (2101, False)):
        errors = read_facts({"units": [raw_unit(RA, year=year)]}, BOOK).errors
        assert (errors == ()) is ok, year
        if not ok:
            assert (errors[0].path, errors[0].message) == (
                "units[0].year",
                "must be a year from 2000 to 2100",
            )
    year = facts_schema()["properties"]["units"]["items"]["properties"]["year"]
    assert (year["minimum"], year["maximum"]) == (MIN_YEAR, MAX_YEAR)


def test_a_period_override_must_end_in_the_round_year() -> None:
    raw = {**raw_unit(RA), "period": "9998-01-01/9998-12-31"}
    read = read_facts({"units": [raw]}, BOOK)
    assert read.units == ()
    assert [e.path for e in read.errors] == ["units[0].period"]
