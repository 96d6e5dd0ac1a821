"""The message extractors of ``scripts/update_catalogs.sh``: ``Msg("...")``, command-line help, data files.

``pybabel extract`` finds antq's messages by the keyword ``Msg``; the help of
the command line is written where argparse wants it (``help="..."`` of
``add_argument``, ``description=`` of a parser), not wrapped in ``Msg``. This
extractor gives both, so that every piece of help text is in the catalogues,
is translated, and is checked by the test that fails on a missing translation.
``babel.cfg`` names it in its ``[extractors]`` section, with :func:`extract_toml`,
which gives the ``{ msgid = "..." }`` messages of the legal tables' TOML files.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python

__all__ = ["HELP_CALLS", "HELP_KEYWORDS", "extract", "extract_toml", "help_texts", "toml_msgids"]

#: The argparse calls whose text arguments are help.
HELP_CALLS: frozenset[str] = frozenset(
    {"ArgumentParser", "add_argument", "add_argument_group", "add_parser", "add_subparsers"}
)
#: The keyword arguments of those calls that hold text for people.
HELP_KEYWORDS: frozenset[str] = frozenset({"help", "description", "epilog", "title"})


def help_texts(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each constant help text of an argparse call in ``source``.

    A text given by name is found too when the name ends in ``_HELP``
    (``EXIT_CODES_HELP = "..."``, then ``epilog=EXIT_CODES_HELP``).

    >>> list(help_texts('p.add_argument("--x", help="the x" " value")'))
    [(1, 'the x value')]
    """
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id.endswith("_HELP")
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            yield node.value.lineno, node.value.value
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name not in HELP_CALLS:
            continue
        for keyword in node.keywords:
            value = keyword.value
            if (
                keyword.arg in HELP_KEYWORDS
                and isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and value.value.strip()
            ):
                yield value.lineno, value.value


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, Any, Any, list[str]]]:
    """Babel's Python extraction (``Msg("...")``), then the help texts of argparse calls."""

    data = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, dict(options))  # type: ignore[arg-type, misc]
    for line, text in help_texts(data.decode(str(options.get("encoding", "utf-8")))):
        yield line, None, text, []


def toml_msgids(source: str) -> Iterator[tuple[int, str]]:
    """(line, msgid) of each ``{ msgid = "..." }`` table of a TOML document.

    >>> list(toml_msgids('note = { msgid = "not confirmed" }'))
    [(1, 'not confirmed')]
    """

    def walk(value: object) -> Iterator[str]:
        if isinstance(value, dict):
            if set(value) == {"msgid"} and isinstance(value["msgid"], str):
                yield value["msgid"]
                return
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    lines = source.splitlines()
    for msgid in walk(tomllib.loads(source)):
        # The line is only a hint for translators: the first line naming the msgid.
        line = next((n for n, text in enumerate(lines, 1) if msgid[:40] in text), 0)
        yield line, msgid


def extract_toml(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, Any, Any, list[str]]]:
    """The catalogue messages of a legal table's TOML file (``{ msgid = "..." }``)."""
    for line, msgid in toml_msgids(fileobj.read().decode("utf-8")):
        yield line, None, msgid, []
