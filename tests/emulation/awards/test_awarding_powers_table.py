"""Article 80's powers are a data file; a malformed row is refused, naming file, key path and value."""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from importlib import resources
from typing import Any

import pytest

from antq.emulation.awards import instruments
from antq.emulation.awards.law06 import article_80
from antq.errors import DataFileError
from antq.law.tables import Node

_SOURCE = "antq/emulation/awards/law06/data/awarding_powers.toml"


def _table() -> dict[str, Any]:
    package = resources.files("antq.emulation.awards.law06")
    return tomllib.loads(package.joinpath("data", "awarding_powers.toml").read_text("utf-8"))


def _read(data: dict[str, Any]) -> tuple[article_80.AwardingPower, ...]:
    return article_80.read_powers(Node(_SOURCE, "", data))


def test_the_shipped_table_is_the_one_in_use() -> None:
    assert _read(_table()) == article_80.AWARDING_POWERS


def test_named_dates_are_the_ones_defined_once() -> None:
    powers = {p.id: p for p in article_80.AWARDING_POWERS}
    assert (
        powers["district-chairman"].valid_to == instruments.LAST_DISTRICT_DAY == date(2025, 6, 30)
    )
    assert powers["district-successor"].valid_from == instruments.ND152_FROM
    assert powers["minister-of-public-security.tt11"].valid_to == instruments.TT11_TO
    assert powers["minister-of-public-security.tt20"].valid_from == instruments.TT20_FROM
    # The successor takes over exactly the district chairman's forms.
    assert powers["district-successor"].forms == powers["district-chairman"].forms


def _row(index: int, **changes: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["powers"][index].update(changes)

    return change


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda d: d.update(antq_awarding_powers=2), "antq_awarding_powers", "expected 1"),
        (_row(0, extra=1), "powers[0].extra", "unknown key"),
        (_row(1, valid_to="the end"), "powers[1].valid_to", "unknown date name"),
        (_row(1, valid_to="2025-06-30"), "powers[1].valid_to", "unknown date name"),
        (_row(1, valid_to=7), "powers[1].valid_to", "expected a date"),
        (_row(1, valid_from=date(2026, 1, 1)), "powers[1]", "ends before it starts"),
        (_row(0, forms=[]), "powers[0].forms", "at least one form"),
        (_row(0, forms=["crown"]), "powers[0].forms[0]", "crown"),
        (_row(0, forms_of="police"), "powers[0]", "either forms or forms_of"),
        (_row(9, forms_of="nobody"), "powers[9].forms_of", "no earlier power"),
        (_row(1, id="ministry-unit-head"), "powers[1].id", "already listed"),
        (_row(0, authority="king"), "powers[0].authority", "king"),
        (_row(0, citation="06/2022/QH15"), "powers[0].citation", "expected a citation table"),
        (_row(0, confirmation="sure"), "powers[0].confirmation", "sure"),
        (_row(1, note={"msgid": ""}), "powers[1].note.msgid", "expected non-empty text"),
    ],
)
def test_a_malformed_row_is_refused(change: Any, path: str, message: str) -> None:
    data = copy.deepcopy(_table())
    change(data)
    with pytest.raises(DataFileError, match=message) as caught:
        _read(data)
    assert caught.value.source == _SOURCE
    assert caught.value.path == path
