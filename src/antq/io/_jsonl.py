"""JSON Lines (``.jsonl``, ``.ndjson``): one unit object per line."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from typing import IO, Unpack

from antq.core.ruleset import RuleBook
from antq.i18n.catalog import Msg
from antq.io._json_values import _DECODER, _REPEATS, _nfc, malformed_reason
from antq.io._lines import _decode, _lines, _LongLine, _not_utf8, read_source
from antq.io._units import Item, ReadOptions, RowError, Source, _Reading


def read_jsonl(
    source: Source, book: RuleBook | None = None, **options: Unpack[ReadOptions]
) -> Iterator[Item]:
    """Units from JSON Lines: one unit object per line; blank lines are skipped.

    ``options`` are those of every reader (:class:`ReadOptions`): ``name``,
    ``check_duplicates``, ``seen`` and ``progress``.
    """
    return _read_jsonl(source, _Reading.of("read_jsonl", book, options))


def _read_jsonl(source: Source, reading: _Reading) -> Iterator[Item]:
    units, name, progress = reading.units, reading.name, reading.progress

    def read(stream: IO[bytes], label: str) -> Iterator[Item]:
        for number, raw in enumerate(_lines(stream, progress), start=1):
            if isinstance(raw, _LongLine):
                yield raw.error(number, name)
                continue
            text = _decode(raw)
            if isinstance(text, UnicodeDecodeError):
                value, message = _not_utf8(text)
                yield RowError(number, "", value, message, source=name)
                continue
            if not text.strip():
                continue
            # NFC of the whole line is NFC of each string in it (JSON's syntax
            # characters never combine), except strings written with \u escapes.
            if not text.isascii():
                text = unicodedata.normalize("NFC", text)
            repeats = _REPEATS[0]
            try:
                data = _DECODER.decode(text)
            except ValueError as error:  # JSONDecodeError, or an integer too long to convert
                shown = text.strip()
                shown = shown if len(shown) <= 80 else shown[:77] + "..."
                params: dict[str, str | int] = {"reason": malformed_reason(error)}
                if isinstance(error, json.JSONDecodeError):
                    malformed = Msg("malformed JSON at column {column}: {reason}")
                    params["column"] = error.colno
                else:
                    malformed = Msg("malformed JSON: {reason}")
                yield RowError(number, "", shown, malformed, params=params, source=name)
                continue
            escaped = "\\u" in text
            if escaped:
                data = _nfc(data)
            may_repeat = escaped or _REPEATS[0] != repeats
            yield units.read(data, f"line {number}", number, may_repeat=may_repeat)

    yield from read_source(source, name, read)
