"""Text that is safe to show on a terminal, and standard streams that always write UTF-8.

Names, ids and titles come from the input. Shown raw, a control character
(an escape sequence, a carriage return, a backspace) or a bidirectional
formatting character (U+202E RIGHT-TO-LEFT OVERRIDE...) could move the cursor,
hide text or reorder a line, and so forge what a verdict line seems to say.
:func:`escape_controls` shows each such character as a visible escape
(``\\u202e``, ``\\x1b``); :class:`TerminalText` applies it to everything
written to a stream, keeping the line ends and tabs of the output itself.

The escapes are those of Python string literals (``\\x1b``, ``\\u202e``).

:func:`utf8_stream` makes a standard stream write UTF-8 whatever the console's
encoding (a Windows code page, ``LC_ALL=C``); characters that cannot be
written (lone surrogates from undecodable command-line arguments) are escaped
rather than crash.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
from typing import TextIO

__all__ = [
    "EncodableText",
    "TerminalText",
    "escape_controls",
    "escape_output",
    "has_controls",
    "starts_a_file",
    "utf8_stream",
]

#: C0 and C1 control characters, DEL, the bidirectional formatting characters
#: (embeddings, overrides, isolates, marks) and the line and paragraph separators.
_CONTROLS = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_ANY = re.compile(f"[{_CONTROLS}]")
#: The same, except the tab and line feed that the output itself writes.
_IN_OUTPUT = re.compile("[\x00-\x08\x0b-\x1f" + _CONTROLS[len("\x00-\x1f") :] + "]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character :func:`escape_controls` would escape."""
    return _ANY.search(text) is not None


def escape_controls(text: str) -> str:
    """``text`` with control and bidirectional formatting characters shown as escapes.

    >>> escape_controls("KDC-1\\u202e: TEM")
    'KDC-1\\\\u202e: TEM'
    >>> escape_controls("Thôn\\nĐông\\x1b[2J")
    'Thôn\\\\x0aĐông\\\\x1b[2J'
    """
    if _ANY.search(text) is None:
        return text
    return _ANY.sub(_escape, text)


def escape_output(text: str) -> str:
    """:func:`escape_controls`, keeping line feeds and tabs (the output's own layout)."""
    if _IN_OUTPUT.search(text) is None:
        return text
    return _IN_OUTPUT.sub(_escape, text)


class TerminalText:
    """A text stream that writes everything through :func:`escape_output`.

    For the text and Markdown outputs; JSON, JSON Lines and CSV are written
    as they are (their own quoting keeps them exact).
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(escape_output(text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


class EncodableText:
    """A text stream that any encoding can take: a lone surrogate is written as an escape.

    Lone surrogates come from undecodable bytes in a file name or an argument;
    a file opened as UTF-8, or a test's ``StringIO`` read back as UTF-8, would
    fail on them.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def starts_a_file(stream: TextIO) -> bool:
    """Whether ``stream`` writes at the start of a regular file (standard output redirected to one)."""
    try:
        status = os.fstat(stream.fileno())
        return stat.S_ISREG(status.st_mode) and stream.tell() == 0
    except (AttributeError, OSError, ValueError):
        return False


def utf8_stream(stream: TextIO) -> TextIO:
    """``stream`` set to write UTF-8 (escaping what cannot be encoded), when it can be.

    A stream that cannot be reconfigured (a test's ``StringIO``) is returned
    as it is.
    """
    if isinstance(stream, io.TextIOWrapper):
        with contextlib.suppress(ValueError, io.UnsupportedOperation):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    return stream
