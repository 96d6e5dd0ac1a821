"""Opening and reading input files: every failure named, every read bounded.

One place for what can go wrong around a file rather than inside it:

* :func:`open_input` opens a path for reading and turns the operating
  system's refusal (no such file, a directory, a loop of symbolic links,
  permission denied...) into an :class:`~antq.errors.InputError` naming the
  path and the cause;
* :func:`read_limited` reads a file whole, but never more than its limit,
  whatever the path points to (a regular file, a named pipe, a device,
  standard input): it stops at the limit while reading, not by the size the
  file claims;
* :func:`entry_problem` says why an entry of a directory is not a regular
  file that can be read (a dangling link, a loop, a pipe, a device...);
* :func:`encoding_problem` recognises text that is not UTF-8 by its first
  bytes (UTF-16 or UTF-32 byte-order marks, NUL bytes, a ZIP file such as an
  ``.xlsx`` workbook), so that the error says what the file is.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from antq.errors import InputError, Message
from antq.i18n.catalog import Msg

__all__ = [
    "encoding_problem",
    "entry_problem",
    "lone_cr_to_lf",
    "open_input",
    "os_reason",
    "read_limited",
]

_REASONS = {
    errno.ENOENT: Message(Msg("no such file or directory")),
    errno.EACCES: Message(Msg("cannot be read: permission denied")),
    errno.EPERM: Message(Msg("cannot be read: operation not permitted")),
    errno.ELOOP: Message(Msg("a loop of symbolic links: the file it should name cannot be found")),
    errno.EISDIR: Message(Msg("is a directory; expected a file")),
    errno.ENOTDIR: Message(Msg("a part of the path is not a directory")),
    errno.ENAMETOOLONG: Message(Msg("the file name is too long")),
}

#: Byte-order marks of the encodings antq does not read, longest first.
_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32 (little-endian)"),
    (codecs.BOM_UTF32_BE, "UTF-32 (big-endian)"),
    (codecs.BOM_UTF16_LE, "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"),
)
_SAVE_AS = Message(Msg("antq reads UTF-8 only: save it as UTF-8 (in a spreadsheet: CSV UTF-8)"))


def os_reason(error: OSError) -> str:
    """What an :class:`OSError` means for a file antq tried to read, in words.

    The words are a :class:`~antq.errors.Message`: English text that translates.
    """
    known = _REASONS.get(error.errno or 0)
    if known is not None:
        return known
    return Message(Msg("cannot be read: {reason}"), {"reason": str(error.strerror or error)})


def open_input(path: str | os.PathLike[str], name: str | None = None) -> BinaryIO:
    """``path`` opened for reading bytes; a failure is an :class:`InputError` naming it.

    ``name`` is how the error names the file (the path by default).
    """
    label = os.fspath(path) if name is None else name
    try:
        stream = open(path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as error:
        raise InputError(label, None, os_reason(error)) from None
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except OSError:  # pragma: no cover - fstat of an open file does not fail on Linux
        return stream
    if stat.S_ISDIR(mode):  # pragma: no cover - open() refuses a directory on POSIX
        stream.close()
        raise InputError(label, None, _REASONS[errno.EISDIR])
    return stream


def read_limited(path: str | os.PathLike[str], limit: int, name: str | None = None) -> bytes:
    """The bytes of ``path``, refusing a file over ``limit`` bytes.

    A regular file over the limit is refused before it is read, by its size;
    anything else (a pipe, a device, standard input) is read up to one byte
    past the limit and refused there, so nothing can make antq read without
    bound. Errors are :class:`InputError` naming the file.
    """
    label = os.fspath(path) if name is None else name
    with open_input(path, label) as stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            regular = stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
            if regular and size > limit:
                raise InputError(
                    label,
                    size,
                    Msg("file larger than {limit} bytes; split it"),
                    params={"limit": limit},
                )
            data = stream.read(limit + 1)
        except OSError as error:
            raise InputError(label, None, os_reason(error)) from None
    if len(data) > limit:
        shown: object = size if regular else f"more than {limit} bytes"
        raise InputError(
            label, shown, Msg("file larger than {limit} bytes; split it"), params={"limit": limit}
        )
    return data


def entry_problem(path: Path) -> str | None:
    """Why the directory entry ``path`` cannot be read as a file (None if it can).

    Links are followed: a link to a regular file is read like the file.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ENOENT and os.path.islink(path):
            return Message(
                Msg("a symbolic link to a file that does not exist ({target})"),
                {"target": os.readlink(path)},
            )
        return os_reason(error)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return Message(Msg("a directory, not a file (subdirectories are not read)"))
    if stat.S_ISFIFO(mode):
        return Message(Msg("a named pipe, not a regular file"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message(Msg("a device, not a regular file"))
    return Message(Msg("not a regular file"))  # a socket


def encoding_problem(head: bytes) -> tuple[bytes, str] | None:
    """What the first bytes of a file say it is, when that is not UTF-8 text.

    Returns the telling bytes and the message, or None when nothing is wrong:

    >>> encoding_problem("id".encode("utf-16"))[1]
    'the file is UTF-16 (little-endian) text (by its byte-order mark); antq reads UTF-8 only: save it as UTF-8 (in a spreadsheet: CSV UTF-8)'
    >>> encoding_problem(b"id,kind") is None
    True
    """
    for mark, encoding in _MARKS:
        if head.startswith(mark):
            message = Message(
                Msg("the file is {encoding} text (by its byte-order mark); {save_as}"),
                {"encoding": encoding, "save_as": _SAVE_AS},
            )
            return mark, message
    if head.startswith(b"PK\x03\x04"):
        message = Message(
            Msg("the file is a ZIP archive, such as an .xlsx workbook, not text; {save_as}"),
            {"save_as": _SAVE_AS},
        )
        return head[:4], message
    nul = head.find(b"\x00")
    if nul < 0:
        return None
    sample = head[:64]
    even, odd = sample[0::2], sample[1::2]
    # Latin text in UTF-16 has a NUL in most of every other byte, and none in the others.
    little = even.count(0) == 0 and odd.count(0) * 2 >= len(odd)
    big = odd.count(0) == 0 and even.count(0) * 2 >= len(even)
    if len(sample) >= 4 and (little or big):
        message = Message(
            Msg(
                "the file holds NUL bytes as UTF-16 text without a byte-order mark does; {save_as}"
            ),
            {"save_as": _SAVE_AS},
        )
    else:
        message = Message(
            Msg("the file holds NUL bytes at byte {byte}: it is not text; {save_as}"),
            {"byte": nul + 1, "save_as": _SAVE_AS},
        )
    return b"\x00", message


def lone_cr_to_lf(text: str) -> str:
    """``text`` with line ends made of a carriage return alone (old Mac files) made ``\\n``.

    >>> lone_cr_to_lf("a = 1\\rb = 2\\r\\nc = 3")
    'a = 1\\nb = 2\\r\\nc = 3'
    """
    if "\r" not in text:
        return text
    return _LONE_CR.sub("\n", text)


_LONE_CR = re.compile(r"\r(?!\n)")
