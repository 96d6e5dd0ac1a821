"""Any source: a file by its suffix, a folder, standard input or bytes."""

from __future__ import annotations

import functools
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from antq.core.ruleset import RuleBook
from antq.errors import InputError, Message, UsageError
from antq.i18n.catalog import Msg
from antq.io import facts as facts_io
from antq.io._csv_units import read_csv
from antq.io._json_stream import read_json
from antq.io._json_values import _nfc
from antq.io._jsonl import read_jsonl
from antq.io._toml import _parsed_document, read_toml
from antq.io._units import Item, ReadProgress, SeenUnits, SourceReadError, _book, _Units
from antq.io.dialect import VIETNAMESE
from antq.io.facts import decode_utf8, parse_text
from antq.io.files import entry_problem, open_input
from antq.io.xlsx import read_xlsx

#: The file name suffixes :func:`read_any` reads, and the format of each.
BATCH_SUFFIXES: Mapping[str, str] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".toml": "toml",
    ".xlsx": "xlsx",
}
#: The formats ``--input-format`` names: those of :data:`BATCH_SUFFIXES`, and
#: ``csv-vi``, CSV in the Vietnamese dialect (:mod:`antq.io.dialect`).
INPUT_FORMATS: tuple[str, ...] = ("csv", "csv-vi", "jsonl", "json", "toml", "xlsx")


def _read_xlsx(*args: Any, **kwargs: Any) -> Iterator[Item]:
    """:func:`antq.io.xlsx.read_xlsx`, imported only when a workbook is read."""

    return read_xlsx(*args, **kwargs)


_READERS: Mapping[str, Callable[..., Iterator[Item]]] = {
    "csv": read_csv,
    "jsonl": read_jsonl,
    "json": read_json,
    "toml": read_toml,
    "xlsx": _read_xlsx,
}


def directory_entries(directory: Path) -> list[Path | SourceReadError]:
    """Every entry of ``directory`` that :func:`read_any` reads or reports, in name order.

    An entry is considered when its name does not start with ``.`` and ends
    with a suffix of :data:`BATCH_SUFFIXES` (in any case); other entries are
    not input and are left alone. A regular file, or a symbolic link to one,
    is returned as its path, to be read. Any other considered entry is a
    :class:`SourceReadError` naming it and saying why it cannot be read: a
    link to a file that does not exist, a loop of links, a subdirectory, a
    named pipe, a device or a socket.
    """
    found: list[Path | SourceReadError] = []
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith((".", "~$")) or entry.suffix.lower() not in BATCH_SUFFIXES:
            continue
        problem = entry_problem(entry)
        found.append(entry if problem is None else SourceReadError(str(entry), None, problem))
    return found


def batch_files(directory: Path) -> list[Path]:
    """The files of ``directory`` that :func:`read_any` reads, sorted by name.

    Hidden files and the ``~$...`` files that Excel and LibreOffice keep beside
    an open workbook are not considered; entries that cannot be read (see
    :func:`directory_entries`) are left out.
    """
    return [entry for entry in directory_entries(directory) if isinstance(entry, Path)]


def read_any(
    path: str | os.PathLike[str],
    book: RuleBook | None = None,
    *,
    progress: ReadProgress | None = None,
    input_format: str | None = None,
    notices: list[Message] | None = None,
) -> Iterator[Item]:
    """Units from a file of any batch format (by suffix) or from every such file of a directory.

    ``input_format`` (one of :data:`INPUT_FORMATS`) wins over the suffix; a
    ``path`` of ``-`` is standard input, read in ``input_format``.

    A directory's files (``.csv``, ``.jsonl``, ``.ndjson``, ``.json``,
    ``.toml``, ``.xlsx``, and links to such files; not its subdirectories) are
    read in name order, and every error path starts with the file's name. An
    entry with such a suffix that cannot be read (see
    :func:`directory_entries`), or a file that cannot be opened or read to its
    end, is a :class:`SourceReadError` in its place, and the other files are
    read. A unit repeated across the files of a directory is an error too.
    ``progress``, when given, is updated with the bytes read (its ``total``
    is set here); ``notices``, when given, is told of each JSON or TOML
    document in a deprecated layout (``antq_facts``: see
    :mod:`antq.io.document`).
    """
    if isinstance(path, str | os.PathLike):
        target = Path(path)
    else:
        raise UsageError(
            f"read_any needs the path of a file or directory, not {type(path).__name__}"
        )
    rule_book = _book(book)
    if input_format is not None and input_format not in INPUT_FORMATS:
        allowed = ", ".join(INPUT_FORMATS)
        yield InputError(
            "--input-format",
            input_format,
            Msg("expected one of: {allowed}"),
            params={"allowed": allowed},
        )
        return
    if os.fspath(path) == "-":
        yield from _read_stdin(rule_book, input_format, notices)
        return
    named: list[tuple[Path, str | None] | SourceReadError]
    if target.is_dir():
        entries = directory_entries(target)
        if not entries:
            suffixes = ", ".join(BATCH_SUFFIXES)
            yield InputError(
                str(target),
                None,
                Msg("no file with a suffix {suffixes} to read"),
                params={"suffixes": suffixes},
            )
            return
        named = [(e, e.name) if isinstance(e, Path) else e for e in entries]
    elif not target.exists() and not target.is_symlink():
        yield SourceReadError(str(target), None, Msg("no such file or directory"))
        return
    else:
        named = [(target, None)]
    if progress is not None:
        progress.total = sum(_size(item[0]) for item in named if isinstance(item, tuple))
    seen = SeenUnits()
    for item in named:
        if isinstance(item, SourceReadError):
            yield item
            continue
        file, name = item
        fmt = (
            input_format
            if input_format and name is None
            else BATCH_SUFFIXES.get(file.suffix.lower())
        )
        if fmt is None:
            suffixes = ", ".join(BATCH_SUFFIXES)
            message = Msg("expected a file ending in {suffixes}")
            yield SourceReadError(str(file), file.suffix, message, params={"suffixes": suffixes})
            continue
        reader = _reader(fmt)
        if fmt in ("json", "toml"):
            reader = functools.partial(reader, notices=notices)
        if fmt in ("toml", "xlsx") or name is None:
            yield from reader(file, rule_book, name=name, seen=seen, progress=progress)
            continue
        try:  # opened here, so that an error names the file by its whole path
            stream = open_input(file)
        except InputError as error:
            yield SourceReadError(error.path, error.value, error.message)
            continue
        with stream:
            yield from reader(stream, rule_book, name=name, seen=seen, progress=progress)


def _size(file: Path) -> int:
    """The size of a regular file (0 for anything else: its size says nothing)."""
    try:
        status = file.stat()
    except OSError:
        return 0
    return status.st_size if stat.S_ISREG(status.st_mode) else 0


def _reader(fmt: str) -> Callable[..., Iterator[Item]]:
    if fmt == "csv-vi":
        return functools.partial(read_csv, dialect=VIETNAMESE)
    return _READERS[fmt]


def _read_stdin(
    book: RuleBook, input_format: str | None, notices: list[Message] | None = None
) -> Iterator[Item]:
    """Units from standard input, in ``input_format`` (which must be given)."""
    if input_format is None:
        allowed = ", ".join(INPUT_FORMATS)
        yield InputError(
            "-",
            None,
            Msg("reading standard input needs --input-format ({allowed})"),
            params={"allowed": allowed},
        )
        return
    stream = sys.stdin.buffer
    if input_format in ("xlsx", "toml"):
        # A workbook (a zip file, read from its end) or a TOML document is read whole,
        # as from a file, and never past the limit of a document.
        limit = facts_io.MAX_DOCUMENT_BYTES  # read when called, as the file readers do
        data = stream.read(limit + 1)
        if len(data) > limit:
            yield SourceReadError(
                "<stdin>",
                f"more than {limit} bytes",
                Msg("file larger than {limit} bytes; split it"),
                params={"limit": limit},
            )
            return
        if input_format == "xlsx":
            yield from _reader("xlsx")(io.BytesIO(data), book, name="<stdin>")
            return
        units = _Units(book, check_duplicates=True, source=None, notices=notices)
        try:
            document = parse_text(decode_utf8(data, "<stdin>"), "<stdin>", ".toml")
        except InputError as error:
            yield error
            return
        yield from _parsed_document(_nfc(document), units)
        return
    if input_format == "json":
        yield from read_json(stream, book, name="<stdin>", notices=notices)
        return
    yield from _reader(input_format)(stream, book, name="<stdin>")


class _NamedBytes(io.BytesIO):
    """Bytes held in memory that errors name as ``name`` (a request's body, say)."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name


def read_bytes(
    data: bytes,
    fmt: str,
    book: RuleBook | None = None,
    *,
    label: str = "body",
    notices: list[Message] | None = None,
) -> Iterator[Item]:
    """Units from ``data`` held in memory, in the batch format ``fmt`` (``csv``, ``jsonl``, ...).

    Paths are those of a single file (``units[3].facts.households_resident``,
    ``line 7.year``); errors about the whole of ``data`` name it ``label``.
    ``notices``, when given, is told of a deprecated layout (``antq_facts``).

    >>> [u.unit_id for u in read_bytes(b'{"units": [{"id": "A", "kind": "commune", "year": 2025}]}', "json")]
    ['A']
    >>> next(read_bytes(b"{", "json")).path
    'body'
    """
    if fmt == "toml":
        units = _Units(_book(book), check_duplicates=True, source=None, notices=notices)
        try:
            document = parse_text(decode_utf8(data, label), label, ".toml")
        except InputError as error:
            yield error
            return
        yield from _parsed_document(_nfc(document), units)
        return
    if fmt not in _READERS:
        raise InputError(
            "format",
            fmt,
            Msg("expected one of: {allowed}"),
            params={"allowed": ", ".join(_READERS)},
        )
    if fmt == "json":
        yield from read_json(_NamedBytes(data, label), book, notices=notices)
        return
    yield from _READERS[fmt](_NamedBytes(data, label), book)
