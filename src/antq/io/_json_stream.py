"""A JSON facts document, read one unit at a time."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO, Unpack

from antq.core.ruleset import RuleBook
from antq.errors import InputError, Message
from antq.i18n.catalog import Msg
from antq.io._json_values import _DECODER, _nfc, malformed_reason
from antq.io._layout import TopLevelKeys
from antq.io._lines import MAX_ITEM_CHARS, _first_bytes, read_source
from antq.io._units import (
    Item,
    ReadOptions,
    ReadProgress,
    Source,
    SourceReadError,
    _Reading,
    _Units,
)

#: Bytes read at a time by the JSON reader.
_CHUNK = 64 * 1024


class _MalformedJson(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class _JsonScanner:
    """Reads a JSON document piece by piece: the units array one element at a time."""

    _WS = " \t\n\r"

    def __init__(self, chunks: Iterator[str]) -> None:
        self.chunks = chunks
        self.buffer = ""
        self.pos = 0
        self.eof = False
        self.lines_before = 0  # newlines in the text dropped from the buffer
        self.columns_before = 0  # characters dropped since the last of them
        self.decoder = _DECODER

    def _fill(self) -> bool:
        if self.eof:
            return False
        if self.pos:
            newlines = self.buffer.count("\n", 0, self.pos)
            if newlines:
                self.lines_before += newlines
                self.columns_before = self.pos - self.buffer.rfind("\n", 0, self.pos) - 1
            else:
                self.columns_before += self.pos
            self.buffer = self.buffer[self.pos :]
            self.pos = 0
        for chunk in self.chunks:
            if chunk:
                self.buffer += chunk
                return True
        self.eof = True
        return False

    def _where(self, pos: int) -> tuple[int, int]:
        line = self.lines_before + self.buffer.count("\n", 0, pos) + 1
        start = self.buffer.rfind("\n", 0, pos) + 1
        # On the first line of the buffer, text dropped from it comes before.
        before = self.columns_before if start == 0 else 0
        return line, before + pos - start + 1

    def fail(self, message: str, pos: int | None = None) -> _MalformedJson:
        line, column = self._where(self.pos if pos is None else pos)
        return _MalformedJson(message, line, column)

    def peek(self) -> str | None:
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in self._WS:
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._fill():
                return None

    def expect(self, chars: str) -> str:
        found = self.peek()
        if found is None or found not in chars:
            wanted = " or ".join(repr(c) for c in chars)
            raise self.fail(f"expected {wanted}" + ("" if found else " before the end"))
        self.pos += 1
        return found

    def value(self) -> object:
        if self.peek() is None:
            raise self.fail("unexpected end of the document")
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as error:
                offset = error.pos - self.pos  # _fill moves the buffer
                if len(self.buffer) - self.pos >= MAX_ITEM_CHARS:
                    raise self.fail(f"a value longer than {MAX_ITEM_CHARS} characters") from None
                if self._fill():
                    continue
                raise self.fail(error.msg, self.pos + offset) from None
            except ValueError as error:  # an integer too long to convert
                raise self.fail(malformed_reason(error)) from None
            if end == len(self.buffer) and self._fill():
                continue  # a number or literal may go on in the next chunk
            self.pos = end
            return value


def _json_chunks(
    stream: IO[bytes], name: str, progress: ReadProgress | None
) -> Iterator[str | InputError]:
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset = 0
    while True:
        data = stream.read(_CHUNK)
        if progress is not None:
            progress.done += len(data)
        if not offset:
            _first_bytes(data)
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            # The decoder may hold back up to 3 bytes of the previous chunk.
            at = max(offset + error.start - len(error.object) + len(data), 0) + 1
            bad = bytes(error.object[error.start : error.end])
            good = bytes(error.object[: error.start]).decode("utf-8-sig" if not offset else "utf-8")
            if good:
                yield good  # the units before the bad byte are still read
            yield InputError(name, bad, Msg("not UTF-8 at about byte {byte}"), params={"byte": at})
            return
        offset += len(data)
        if text:
            yield text
        if not data:
            return


def read_json(
    source: Source,
    book: RuleBook | None = None,
    *,
    notices: list[Message] | None = None,
    **options: Unpack[ReadOptions],
) -> Iterator[Item]:
    """Units of a JSON facts document, read one unit at a time.

    Errors have the paths of :func:`antq.io.facts.read_facts`
    (``units[3].facts.households_resident``). Malformed JSON stops the file
    at that point, with its line and column; the units before it are kept.
    The document's other sections (``scores``, ``awards``) are skipped;
    ``notices``, when given, is told of a deprecated layout (``antq_facts``); ``options``
    are those of every reader (:class:`ReadOptions`).
    """
    return _read_json(source, _Reading.of("read_json", book, options, notices))


def _read_json(source: Source, reading: _Reading) -> Iterator[Item]:
    units, name, progress = reading.units, reading.name, reading.progress
    # A chunk that cannot be read ends the document; its error comes after the file is closed.
    failure: list[InputError] = []

    def read(stream: IO[bytes], label: str) -> Iterator[Item]:
        def chunks() -> Iterator[str]:
            for chunk in _json_chunks(stream, label, progress):
                if isinstance(chunk, InputError):
                    failure.append(SourceReadError(chunk.path, chunk.value, chunk.message))
                    return
                yield chunk

        try:
            yield from _json_document(_JsonScanner(chunks()), units)
        except _MalformedJson as error:
            if not failure:
                where = f"line {error.line} column {error.column}"
                yield SourceReadError(
                    label, where, Msg("malformed JSON: {reason}"), params={"reason": error.message}
                )

    yield from read_source(source, name, read)
    yield from failure


def _json_document(scanner: _JsonScanner, units: _Units) -> Iterator[Item]:
    if scanner.peek() != "{":
        document = scanner.value()
        yield InputError(
            units.where("$"),
            type(document).__name__,
            Msg("expected a document object with 'units'"),
        )
        return
    scanner.expect("{")
    keys = TopLevelKeys(units.source)
    if scanner.peek() == "}":
        scanner.expect("}")
        yield keys.missing("units")
        return
    while True:
        key = scanner.value()
        if not isinstance(key, str):
            raise scanner.fail("expected a key")
        scanner.expect(":")
        if any(key == k for k, _ in keys.seen):
            yield InputError(units.where(key), key, Msg("the key appears twice in the document"))
            return
        if key == "units" and scanner.peek() == "[":
            problems = keys.add(key, [])
            if problems or keys.lacks("units"):
                yield problems[0] if problems else keys.missing("units")
                return
            scanner.expect("[")
            index = 0
            if scanner.peek() == "]":
                scanner.expect("]")
            else:
                while True:
                    raw = scanner.value()
                    yield units.read(_nfc(raw), f"units[{index}]", None)
                    index += 1
                    if scanner.expect(",]") == "]":
                        break
        else:
            value = scanner.value()  # another section is read whole, and skipped
            problems = keys.add(key, value)
            if problems or keys.lacks("units"):
                yield problems[0] if problems else keys.missing("units")
                return
            if key == "units":
                yield InputError(units.where("units"), value, Msg("expected a list of units"))
                return
        if scanner.expect(",}") == "}":
            break
    units.notices += keys.notices
    if not any(k == "units" for k, _ in keys.seen):
        yield keys.missing("units")
    if scanner.peek() is not None:
        raise scanner.fail("extra data after the document")
