"""Writing output files whole or not at all, and never over an input.

Every file antq writes goes through :func:`write_whole` (text) or
:func:`write_path_whole` (a writer that takes a file name): it is written
to a temporary file beside the target (same directory, so the same file
system), flushed to disk, and renamed over the target only when complete. A
failure at any point, an interruption (Ctrl-C) included, removes the
temporary file and leaves any previous file at the target untouched.

:func:`refuse_overwriting_inputs` is called by a command before it reads
anything: an output path that is one of its inputs (the same file, by any
name, or a file of an input directory that would be read as input) is an
:class:`~antq.errors.InputError`.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from antq.errors import InputError
from antq.i18n.catalog import Msg

__all__ = ["refuse_overwriting_inputs", "write_path_whole", "write_whole"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_whole(
    path: str | os.PathLike[str],
    write: Callable[[TextIO], object],
    *,
    encoding: str = "utf-8",
    newline: str = "\n",
    option: str = "--output",
) -> None:
    """Write a file by calling ``write(handle)``, replacing ``path`` only when it returns.

    A link at ``path`` is followed (the file it names is replaced). A path
    that names something other than a regular file (``/dev/stdout``, a named
    pipe) cannot be replaced: it is written to directly. An operating-system
    failure is an :class:`InputError` naming ``option`` and the path.
    """

    def fill(target: str) -> None:
        with open(target, "w", encoding=encoding, newline=newline) as handle:
            write(handle)

    write_path_whole(path, fill, option=option)


def write_path_whole(
    path: str | os.PathLike[str], fill: Callable[[str], object], *, option: str = "--output"
) -> None:
    """Like :func:`write_whole`, for a writer that takes a file name (openpyxl, python-docx).

    ``fill`` is called with the name of a temporary file beside ``path`` (or
    with ``path`` itself when it names something other than a regular file),
    and the file is renamed to ``path`` only when ``fill`` returns.
    """
    try:
        current: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        current = None
    except OSError as error:
        raise _cannot_write(option, path, error.strerror) from None
    if current is not None and not stat.S_ISREG(current.st_mode):
        if stat.S_ISDIR(current.st_mode):
            raise InputError(option, str(path), Msg("is a directory; expected a file to write"))
        try:
            fill(os.fspath(path))
        except OSError as error:
            raise _cannot_write(
                option, path, error.strerror, Msg("cannot write: {reason}")
            ) from None
        return
    target = Path(os.path.realpath(path))
    try:
        fd, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as error:
        raise _cannot_write(option, path, error.strerror) from None
    try:
        os.close(fd)
        fill(temporary)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        mode = stat.S_IMODE(current.st_mode) if current is not None else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise _cannot_write(option, path, error.strerror or error) from None
        raise


_CANNOT_WRITE_FILE = Msg("cannot write the file: {reason}")


def _cannot_write(
    option: str,
    path: str | os.PathLike[str],
    reason: object,
    message: Msg = _CANNOT_WRITE_FILE,
) -> InputError:
    """The error of a write that the operating system refused, naming ``option`` and the path."""
    return InputError(option, str(path), message, params={"reason": str(reason)})


def _same(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.realpath(one) == os.path.realpath(other)


def _feeds(output: Path, directory: Path, suffixes: Iterable[str]) -> bool:
    """Whether ``output`` would be read as a file of the input ``directory``."""
    return (
        Path(os.path.realpath(output.parent)) == Path(os.path.realpath(directory))
        and not output.name.startswith(".")
        and output.suffix.lower() in suffixes
    )


def refuse_overwriting_inputs(
    outputs: Iterable[tuple[str, Path | None]],
    inputs: Iterable[Path | None],
    *,
    directory_suffixes: Iterable[str] = (),
) -> None:
    """Raise :class:`InputError` if an output would overwrite an input or another output.

    ``outputs`` are (option, path) pairs (a None or ``-`` path writes to
    standard output and is skipped). An input that is a directory is
    overwritten by an output inside it with one of ``directory_suffixes``
    (it would be read as input the next time).
    """
    given = [(option, path) for option, path in outputs if path is not None and str(path) != "-"]
    sources = [path for path in inputs if path is not None]
    suffixes = tuple(directory_suffixes)
    for option, path in given:
        for source in sources:
            clash = _feeds(path, source, suffixes) if source.is_dir() else _same(path, source)
            if clash:
                message = Msg("is an input ({source}); antq does not write over its input")
                raise InputError(option, str(path), message, params={"source": str(source)})
    for index, (option, path) in enumerate(given):
        for other_option, other in given[index + 1 :]:
            if _same(path, other):
                raise InputError(
                    option,
                    str(path),
                    Msg("is also given to {option}"),
                    params={"option": other_option},
                )
