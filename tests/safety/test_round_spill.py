"""A round whose state outgrows its memory budget decides exactly as one that fits (issue 11).

Past ``antq._spill.MEMORY_BUDGET`` bytes, a round moves the digests of its duplicate
checks and the ids and incidents of its communes' units to a temporary SQLite
database. Here the budget is set to one byte, so that every unit goes to disk, and
the round's results are compared with the same round kept in memory. Some tests of
``test_round.py`` are collected again in this module, so they run under the budget too.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import antq
import antq.safety.round as round_module
from antq import _digests, _spill
from antq._digests import DigestSet, digest
from antq.cli import main
from antq.core.outcome import Outcome
from antq.io import _units
from antq.io.facts import read_facts
from antq.safety import default_rulebook
from antq.safety.round import evaluate_round

from .test_round import (  # collected again here, with everything on disk
    EXAMPLE,
    province,  # noqa: F401 (a fixture of the tests collected again)
    test_a_duplicate_across_files_names_the_file_and_line_it_was_first_read,  # noqa: F401
    test_a_look_alike_names_the_id_it_looks_like_whichever_comes_first,  # noqa: F401
    test_a_reference_to_a_unit_that_is_not_a_commune_is_named_by_its_kind,  # noqa: F401
    test_an_exact_repeat_given_in_python_is_a_suspected_duplicate_without_a_name,  # noqa: F401
    test_an_incident_is_counted_once_by_its_id,  # noqa: F401
    test_an_unexcused_serious_crime_in_any_unit_fails_its_commune,  # noqa: F401
    test_every_entry_point_gives_the_same_outcomes,  # noqa: F401
    test_ids_that_look_the_same_are_suspected_duplicates_and_never_counted_twice,  # noqa: F401
    test_stated_counts_that_differ_from_the_units_are_named,  # noqa: F401
    test_with_unknown_units_the_reason_gives_the_known_counts_and_the_range,  # noqa: F401
)

BOOK = default_rulebook()


class _DiskUse:
    """How often the round and the readers wrote to disk."""

    def __init__(self) -> None:
        self.digests = 0
        self.groups = 0


@pytest.fixture(autouse=True)
def on_disk(monkeypatch: pytest.MonkeyPatch) -> _DiskUse:
    """A budget of one byte: every digest, id and incident goes to disk at once."""
    use = _DiskUse()
    spill_digests = DigestSet._spill
    write_groups = round_module._Spilled.write

    def counting_spill(self: DigestSet) -> None:
        use.digests += 1
        spill_digests(self)

    def counting_write(self: Any, groups: Any) -> None:
        use.groups += 1
        write_groups(self, groups)

    monkeypatch.setattr(DigestSet, "_spill", counting_spill)
    monkeypatch.setattr(round_module._Spilled, "write", counting_write)
    monkeypatch.setattr(round_module, "MEMORY_BUDGET", 1)
    monkeypatch.setattr(_units, "MEMORY_BUDGET", 1)
    return use


def _snapshot(result: antq.RoundResult) -> dict[str, Any]:
    """Everything a round found, as JSON-like data (verdicts with their reasons)."""
    return {
        "units": [
            (u.verdict.to_json(texts=("vi", "en")), u.province, u.unreadable) for u in result.units
        ],
        "communes": [
            (
                c.commune_id,
                c.province,
                c.verdict.to_json(texts=("vi", "en")) if c.verdict else None,
                c.counts,
                [v.unit_id for v in c.units],
                c.unreadable,
            )
            for c in result.communes
        ],
        "errors": [(e.path, str(e)) for e in result.errors],
        "notices": [n.render("en") for n in result.notices],
        "tally": result.tally,
    }


def _in_memory(monkeypatch: pytest.MonkeyPatch, evaluate: Any) -> Any:
    with monkeypatch.context() as inside:
        inside.setattr(round_module, "MEMORY_BUDGET", _spill.MEMORY_BUDGET)
        inside.setattr(_units, "MEMORY_BUDGET", _spill.MEMORY_BUDGET)
        return evaluate()


def _spelt_both_ways() -> list[Any]:
    """The example round, half its units naming the commune by code and half by name,
    with an incident in a unit and a look-alike id: groups that merge, on disk."""
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    units = raw["units"]
    for n, unit in enumerate(units):
        if unit["kind"] != "commune" and n % 2:
            unit["commune"] = "Xã Đông Hòa"
    twin = copy.deepcopy(next(u for u in units if u["id"] == "KDC-TAY"))
    twin["id"] = "KDC-TAY\u200b"
    units.append(twin)
    return units


def test_a_round_on_disk_finds_what_the_round_in_memory_finds(
    monkeypatch: pytest.MonkeyPatch, on_disk: _DiskUse
) -> None:
    units = _spelt_both_ways()

    def evaluate() -> antq.RoundResult:
        return evaluate_round(read_facts({"units": copy.deepcopy(units)}, BOOK).units)

    expected = _in_memory(monkeypatch, evaluate)
    assert on_disk.digests == on_disk.groups == 0
    found = evaluate()
    assert on_disk.digests > 0 and on_disk.groups > 0
    assert _snapshot(found) == _snapshot(expected)
    (commune,) = [c for c in found.communes if c.verdict is not None]
    assert commune.counts is not None and commune.counts.total == 6  # as in the example
    assert len(found.communes) == 1  # both spellings under one commune
    assert any("suspected duplicate" in e.message for e in found.errors)


def test_a_generated_province_on_disk_is_decided_as_in_memory(
    monkeypatch: pytest.MonkeyPatch,
    on_disk: _DiskUse,
    province: Path,  # noqa: F811
) -> None:
    expected = _in_memory(monkeypatch, lambda: evaluate_round(province))
    found = evaluate_round(province)
    assert on_disk.digests > 0 and on_disk.groups > 0
    assert _snapshot(found) == _snapshot(expected)
    assert {c.verdict.outcome for c in found.communes if c.verdict} >= {
        Outcome.MET,
        Outcome.NOT_MET,
    }


def test_a_duplicate_read_back_from_disk_names_where_it_was_first_read(tmp_path: Path) -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    lines = [json.dumps(u, ensure_ascii=False) for u in raw["units"]]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(lines[1] + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["evaluate", str(tmp_path), "--format", "csv"], out=out, err=err) == 3
    assert "b.jsonl:line 1.id" in err.getvalue()
    assert "(first at a.jsonl:line 2)" in err.getvalue()


def test_nothing_is_left_on_disk_after_a_round(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[bool] = []
    close = _spill.SpillDatabase.close

    def counting_close(self: _spill.SpillDatabase) -> None:
        closed.append(self.opened)
        close(self)

    runs_closed: list[bool] = []
    close_runs = _digests._Runs.close

    def counting_close_runs(self: _digests._Runs) -> None:
        runs_closed.append(True)
        close_runs(self)

    monkeypatch.setattr(_spill.SpillDatabase, "close", counting_close)
    monkeypatch.setattr(_digests._Runs, "close", counting_close_runs)
    evaluate_round(read_facts({"units": _spelt_both_ways()}, BOOK).units)
    # The round's groups (a database) and its digests (a file of runs) were on
    # disk and are closed, which deletes them.
    assert closed.count(True) == 1
    assert runs_closed == [True]


# -- the digest set against a dict -----------------------------------------------------------

_KEYS = st.integers(min_value=0, max_value=40).map(lambda n: digest(f"unit-{n}"))


@given(
    budget=st.sampled_from([None, 1, 9, 40, 1000]),
    steps=st.lists(
        st.tuples(st.sampled_from(["add", "bits", "get"]), _KEYS, st.integers(0, 255)),
        max_size=120,
    ),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_digest_set_behaves_as_a_dict_in_memory_or_on_disk(
    budget: int | None, steps: list[tuple[str, bytes, int]]
) -> None:
    seen = DigestSet(value_size=1, budget=budget)
    model: dict[bytes, int] = {}
    try:
        for action, key, value in steps:
            if action == "add":
                assert seen.add(key, value) == model.get(key)
                model.setdefault(key, value)
            elif action == "bits":
                assert seen.add_bits(key, value) == model.get(key, 0)
                model[key] = model.get(key, 0) | value
            else:
                assert seen.get(key) == model.get(key)
            assert len(seen) == len(model)
        assert all(seen.get(key) == value for key, value in model.items())
        assert all((key in seen) == (key in model) for _, key, _ in steps)
        if budget is not None and len(model) * (_digests.DIGEST_SIZE + 1) > budget:
            assert seen.spilled
        if budget is None:
            assert not seen.spilled
    finally:
        seen.close()
    assert len(seen) == 0 and not seen.spilled


def test_an_incident_written_to_disk_reads_back_equal() -> None:
    from datetime import date

    from antq.entities.incidents import CrimeGravity, Incident, IncidentCategory

    units = read_facts(json.loads(EXAMPLE.read_text(encoding="utf-8")), BOOK).units
    incidents = [i for u in units for i in (u.get(round_module.INCIDENTS) or ())]
    incidents.append(
        Incident(
            date=date(2025, 12, 31),
            category=IncidentCategory.CRIME,
            gravity=CrimeGravity.RAT_NGHIEM_TRONG,
            id="VV-1",
            unit_id="KDC-TAY",
            description="Cướp tài sản \u200b",
            force_majeure=False,
            timely_detected=True,
            mitigated=None,
            reported_immediately=True,
        )
    )
    assert len(incidents) >= 4
    for incident in incidents:
        text = json.dumps(round_module._incident_fields(incident))
        assert round_module._incident_of(json.loads(text)) == incident


def test_runs_of_many_pages_find_every_key_and_the_newest_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Pages of 3 entries, and a spill every 50 entries: lookups cross pages and runs.
    monkeypatch.setattr(_digests, "_PAGE", 3)
    seen = DigestSet(value_size=2, budget=50 * (_digests.DIGEST_SIZE + 2))
    keys = [digest(f"unit-{n}") for n in range(700)]
    try:
        for n, key in enumerate(keys):
            assert seen.add(key, n) is None
        assert seen.spilled and len(seen) == 700
        assert all(seen.get(key) == n for n, key in enumerate(keys))
        assert all(seen.add(key, 0) == n for n, key in enumerate(keys))
        # A newer value of a key on disk is written to a later run and wins.
        assert seen.add_bits(keys[5], 0x100) == 5
        for n in range(700, 800):
            seen.add(digest(f"unit-{n}"), n)
        assert seen.get(keys[5]) == 5 | 0x100
        assert all(seen.get(digest(f"absent-{n}")) is None for n in range(300))
        assert len(seen) == 800
    finally:
        seen.close()


def test_the_filter_stays_between_8_and_16_bits_a_key_on_disk() -> None:
    seen = DigestSet(value_size=1, budget=1000 * (_digests.DIGEST_SIZE + 1))
    try:
        for n in range(20_000):
            seen.add(digest(f"unit-{n}"), 1)
        on_disk = len(seen) - seen._front
        bits = seen._filter.size if seen._filter is not None else 0
        assert 8 * on_disk <= bits <= 16 * on_disk + 64
    finally:
        seen.close()
