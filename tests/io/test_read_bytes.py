"""Units from bytes held in memory (a request's body), in each batch format."""

from __future__ import annotations

import pytest

from antq.errors import InputError
from antq.io.batch import read_bytes

TOML = b'antq_facts = 1\n[[units]]\nid = "KDC-1"\nkind = "residential_area"\nyear = 2025\n'


def test_each_format_and_its_label() -> None:
    assert [u.unit_id for u in read_bytes(TOML, "toml")] == ["KDC-1"]  # type: ignore[union-attr]
    csv = b"id,kind,year\nKDC-1,residential_area,2025\nKDC-2,residential_area,soon\n"
    items = list(read_bytes(csv, "csv"))
    assert items[0].unit_id == "KDC-1"  # type: ignore[union-attr]
    assert isinstance(items[1], InputError)
    assert items[1].path == "line 3.year"
    jsonl = b'{"id": "A", "kind": "commune", "year": 2025}\n'
    assert [u.unit_id for u in read_bytes(jsonl, "jsonl")] == ["A"]  # type: ignore[union-attr]
    (error,) = read_bytes(b"{", "json", label="upload")
    assert isinstance(error, InputError)
    assert error.path == "upload"


def test_a_bad_toml_body_and_an_unknown_format() -> None:
    (malformed,) = read_bytes(b"units = [", "toml")
    assert isinstance(malformed, InputError)
    assert malformed.path == "body"
    assert malformed.message.startswith("malformed TOML")
    (not_utf8,) = read_bytes(b"id = '\xff'", "toml")
    assert isinstance(not_utf8, InputError)
    assert "not UTF-8" in not_utf8.message
    (wrong,) = read_bytes(b"units = 3", "toml")
    assert isinstance(wrong, InputError)
    assert wrong.path == "units"
    with pytest.raises(InputError, match="expected one of: csv, jsonl, json, toml"):
        list(read_bytes(b"", "xml"))
