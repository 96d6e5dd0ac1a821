"""JSON values as the readers see them: repeated keys kept, text in NFC."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from typing import Any


class _Repeated(dict[str, Any]):
    """A JSON object in which a key appears more than once (``repeated`` is the first such)."""

    repeated: str = ""


#: How many objects with a repeated key the decoder has met: a reader compares it
#: before and after decoding and looks for the repeated key only when it moved.
_REPEATS = [0]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) == len(pairs):
        return data
    _REPEATS[0] += 1
    marked = _Repeated(data)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            marked.repeated = key
            break
        seen.add(key)
    return marked


#: Parses JSON keeping track of repeated keys, which ``json.loads`` silently drops.
_DECODER = json.JSONDecoder(object_pairs_hook=_object)


def malformed_reason(error: ValueError) -> str:
    """Why JSON text could not be decoded: the decoder's message, or, for the ``ValueError``
    Python raises on an integer of more digits than it converts (4,300), that reason."""
    if isinstance(error, json.JSONDecodeError):
        return error.msg
    return "a whole number with too many digits"


def _nfc(value: object) -> object:
    """``value`` with every string (keys too) normalised to NFC.

    Two keys that differ only in their Unicode form become the same key: the
    object is then marked as repeating it.
    """
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        pairs = [(unicodedata.normalize("NFC", str(k)), _nfc(v)) for k, v in value.items()]
        result = _object(pairs)
        if isinstance(value, _Repeated) and not isinstance(result, _Repeated):
            result = _Repeated(result)
            result.repeated = unicodedata.normalize("NFC", value.repeated)
        return result
    return value


def _repeated_key(value: object, path: str) -> tuple[str, str] | None:
    """The path and name of the first key repeated in an object, if any."""
    if isinstance(value, _Repeated):
        return f"{path}.{value.repeated}", value.repeated
    if isinstance(value, dict):
        items: Iterable[tuple[str, object]] = ((f"{path}.{k}", v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return None
    for where, item in items:
        found = _repeated_key(item, where)
        if found is not None:
            return found
    return None
