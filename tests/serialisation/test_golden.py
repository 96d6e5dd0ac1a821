"""Every result type's JSON text is the same as it was before the one converter."""

from __future__ import annotations

import json

import pytest

from . import golden
from .golden import BOTH, DATA


@pytest.mark.parametrize("name", sorted(golden.documents()))
def test_json_text_is_unchanged(name: str) -> None:
    expected = (DATA / name).read_text(encoding="utf-8")
    assert golden.documents()[name]() == expected


@pytest.mark.parametrize("texts", [(), ("vi",), BOTH])
def test_the_verdict_fast_path_writes_what_to_json_gives(texts: tuple[str, ...]) -> None:
    for verdict in golden.verdicts():
        slow = json.dumps(verdict.to_json(texts=texts), ensure_ascii=False)
        assert verdict.json_text(texts=texts) == slow
