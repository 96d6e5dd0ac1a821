"""Opening a source and reading it line by line, with the line limit and the UTF-8 checks."""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Callable, Iterator
from typing import IO

import attrs

from antq.errors import InputError, Message, UsageError
from antq.i18n.catalog import Msg
from antq.io._units import Item, ReadProgress, RowError, Source, SourceReadError
from antq.io.files import encoding_problem, open_input, os_reason

#: A single JSON value (one unit) larger than this is refused, so a broken
#: file cannot make the reader hold all of it in memory.
MAX_ITEM_CHARS = 16 * 1024 * 1024
#: A line of a CSV or JSON Lines file longer than this many bytes is an error
#: and the rest of it is skipped unread, for the same reason.
MAX_LINE_BYTES = MAX_ITEM_CHARS
#: Bytes read at a time from a file whose lines end in CR alone.
_CHUNK = 64 * 1024


def _label(source: Source, name: str | None) -> str:
    """How file-level errors name the file (a stream by its ``name``, when it has one)."""
    if name:
        return name
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    named = getattr(source, "name", None)
    return named if isinstance(named, str) else "<stream>"


def _open(source: Source, label: str) -> tuple[IO[bytes], bool]:
    """The stream to read, and whether the reader opened it (and so closes it).

    Raises :class:`InputError` when a path cannot be opened and
    :class:`~antq.errors.UsageError` for a stream of text.
    """
    if isinstance(source, str | os.PathLike):
        return open_input(source, label), True  # closed by the caller
    if isinstance(source, io.TextIOBase) or not hasattr(source, "read"):
        raise UsageError(
            f"a batch reader needs a path or a binary stream (open(path, 'rb')), "
            f"not {type(source).__name__}"
        )
    return source, False


class _Unreadable(Exception):
    """The file cannot be read on: ``value`` and ``message`` say why."""

    def __init__(self, value: object, message: str) -> None:
        super().__init__(message)
        self.value, self.message = value, message


def read_source(
    source: Source, name: str | None, read: Callable[[IO[bytes], str], Iterator[Item]]
) -> Iterator[Item]:
    """What ``read(stream, label)`` yields from ``source``, opened here and closed after.

    The file-level problems of every streamed reader are reported here, once: a
    source that cannot be opened, a file that is not text, and an OS error while
    reading; each as one :class:`SourceReadError` naming the file.
    """
    label = _label(source, name)
    try:
        stream, owned = _open(source, label)
    except InputError as error:
        yield SourceReadError(label, error.value, error.message)
        return
    try:
        yield from read(stream, label)
    except _Unreadable as stop:
        yield SourceReadError(label, stop.value, stop.message)
    except OSError as error:
        yield SourceReadError(label, None, os_reason(error))
    finally:
        if owned:
            stream.close()


def _first_bytes(raw: bytes | str) -> None:
    """Refuse a file whose first line shows it is not UTF-8 text (UTF-16, NUL bytes, ZIP)."""
    if not isinstance(raw, bytes):
        raise UsageError(
            "a batch reader needs a binary stream (open(path, 'rb')) or a path, "
            "not a stream of text"
        )
    if raw[:1] in _ODD_START or b"\x00" in raw:
        found = encoding_problem(raw[:4096])
        if found is not None:
            raise _Unreadable(*found)


_ODD_START = (b"\xff", b"\xfe", b"\x00", b"P")
_LINE_END = re.compile(rb"\r\n?|\n")


@attrs.frozen
class _LongLine:
    """A line over :data:`MAX_LINE_BYTES`, skipped: its length in bytes."""

    size: int

    def error(self, line: int, source: str | None) -> RowError:
        message = Msg("the line is longer than {limit} bytes; it is skipped")
        return RowError(
            line, "", self.size, message, params={"limit": MAX_LINE_BYTES}, source=source
        )


def _lines(stream: IO[bytes], progress: ReadProgress | None) -> Iterator[bytes | _LongLine]:
    """Physical lines as bytes, without a leading byte-order mark; over-long lines skipped.

    A file whose lines end with a carriage return alone (as old Mac
    spreadsheets save) is read line by line too. Raises :class:`_Unreadable`
    when the first line shows the file is not UTF-8 text.
    """
    first = True
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        if progress is not None:
            progress.done += len(raw)
        if first:
            first = False
            _first_bytes(raw)
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if b"\r" in raw.rstrip(b"\r\n"):
                yield from _cr_lines(raw, stream, progress)
                return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            size = len(raw)
            while rest := stream.readline(_CHUNK):
                size += len(rest)
                if progress is not None:
                    progress.done += len(rest)
                if rest.endswith(b"\n"):
                    break
            yield _LongLine(size)
            continue
        yield raw


def _cr_lines(
    buffer: bytes, stream: IO[bytes], progress: ReadProgress | None
) -> Iterator[bytes | _LongLine]:
    """The lines of a file with carriage returns as line ends, each ending with ``\\n``.

    ``buffer`` is what was read of the file already. Lines are bounded as in
    :func:`_lines`: one over :data:`MAX_LINE_BYTES` is skipped.
    """
    skipped = 0  # bytes of an over-long line skipped so far
    while True:
        parts = _LINE_END.split(buffer)
        buffer = parts.pop()
        for part in parts:
            if skipped:
                yield _LongLine(skipped + len(part))
                skipped = 0
            else:
                yield part + b"\n"
        if skipped or len(buffer) > MAX_LINE_BYTES:
            skipped += len(buffer)
            buffer = b""
        data = stream.read(_CHUNK)
        if progress is not None:
            progress.done += len(data)
        if not data:
            if skipped:
                yield _LongLine(skipped)
            elif buffer:
                yield buffer
            return
        buffer += data


def _decode(raw: bytes) -> str | UnicodeDecodeError:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return error


def _not_utf8(error: UnicodeDecodeError) -> tuple[bytes, str]:
    bad = error.object[error.start : error.end]
    message = Message(Msg("not UTF-8 at byte {byte} of the line"), {"byte": error.start + 1})
    return bytes(bad), message
