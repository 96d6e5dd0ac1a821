"""``antq report`` keeps counters, not verdicts: the same report, byte for byte (issue 16).

The reference is the report built from every unit's verdict
(``build_report(evaluate_round(...))``); the collected one is what
``antq report`` builds while the round streams (:class:`antq.report.ReportCollector`).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import pickle
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from antq.cli import main
from antq.core.outcome import Outcome
from antq.io.batch import read_any
from antq.report import (
    FORMATS,
    CollectedRound,
    Report,
    ReportCollector,
    _annex_store,
    blocks,
    build_report,
    iter_report,
    render_report_bytes,
)
from antq.report._annex_store import AnnexStore
from antq.report.annex import ANNEX_OUTCOMES, Annex
from antq.report.json_report import report_data
from antq.report.markdown import _block as markdown_block
from antq.report.text import render_block
from antq.safety import default_rulebook
from antq.safety.round import Round, evaluate_round
from antq.vocabulary import Lang

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "commune-2025.json"
BOOK = default_rulebook()
DAY = date(2026, 1, 15)


def _generate(outdir: Path, *options: str) -> Path:
    spec = importlib.util.spec_from_file_location(
        "generate_province", ROOT / "examples" / "generate_province.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_province"] = module
    spec.loader.exec_module(module)
    assert module.main([str(outdir), *options]) == 0
    return outdir / "units"


def _damage(units: Path) -> None:
    """Units the round must place: another province's spelling, a lost commune, a bad row, 2024."""
    path = units / "residential-areas.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    rows[1]["province"] = rows[1]["province"].upper()  # the same province, spelt otherwise
    rows[2]["commune"] = "Xã Không Có"  # a commune not in the input
    rows[3]["commune"] = "Xã Không Có"
    rows[4]["households_registered"] = "many"  # a bad row: counted as unknown
    rows[5]["year"] = "2024"  # a unit of another round: counted, left out of the report
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("province"), "--communes", "12")


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    units = _generate(tmp_path_factory.mktemp("damaged"), "--communes", "6", "--bad-rows", "3")
    _damage(units)
    return units


def _reports(path: Path, top: int = 10) -> tuple[Report, Report, CollectedRound]:
    full = evaluate_round(Round.of(read_any(path, BOOK), BOOK))
    collected = ReportCollector(top=top).evaluate(Round.of(read_any(path, BOOK), BOOK))
    old = build_report(full, generated=DAY, book=BOOK, top=top)
    new = build_report(collected, generated=DAY, book=BOOK, top=top)
    return old, new, collected


def _parts(data: bytes, fmt: str) -> dict[str, bytes]:
    if fmt != "docx":
        return {"": data}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("which", ["example", "province", "damaged"])
def test_the_collected_report_is_the_report_of_every_verdict(
    which: str, province: Path, damaged: Path
) -> None:
    path = {"example": EXAMPLE, "province": province, "damaged": damaged}[which]
    old, new, collected = _reports(path)
    assert old.annex  # units not met or unknown are listed
    assert any(s.summary.closest for s in old.sections)
    assert collected.result.units == ()  # no unit's verdict was kept
    if which == "damaged":
        assert dict(new.other_rounds) == {2024: 1}
    for fmt in FORMATS:
        for lang in ("vi", "en"):
            assert _parts(render_report_bytes(new, fmt, lang), fmt) == _parts(
                render_report_bytes(old, fmt, lang), fmt
            ), (fmt, lang)


@pytest.mark.parametrize("which", ["province", "damaged"])
def test_an_annex_kept_on_disk_gives_the_same_report(
    which: str, province: Path, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = {"province": province, "damaged": damaged}[which]
    spills: list[int] = []
    spill = AnnexStore.spill

    def counting_spill(self: AnnexStore) -> None:
        spills.append(1)
        spill(self)

    # A budget of one byte: every verdict of the annex goes to disk as it comes.
    monkeypatch.setattr(_annex_store, "MEMORY_BUDGET", 1)
    monkeypatch.setattr(AnnexStore, "spill", counting_spill)
    old, new, collected = _reports(path)
    assert isinstance(new.annex, Annex)
    # The collector keeps a unit's failing results only: they are what the annex reads.
    assert [(u.verdict.unit_id, u.failing) for g in new.annex for u in g.units] == [
        (u.verdict.unit_id, u.failing) for g in old.annex for u in g.units
    ]
    assert len(spills) == sum(p.part.annexed for p in collected.parts) > 0
    listed = [v.unit_id for _, v in collected.annex_units(2025)]
    assert listed == [u.verdict.unit_id for g in old.annex for u in g.units]
    for fmt in FORMATS:
        for lang in ("vi", "en"):
            assert _parts(render_report_bytes(new, fmt, lang), fmt) == _parts(
                render_report_bytes(old, fmt, lang), fmt
            ), (fmt, lang)


def test_past_its_table_of_shared_objects_a_verdict_is_pickled_whole(
    damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_annex_store, "MEMORY_BUDGET", 1)
    monkeypatch.setattr(_annex_store, "_SHARED_MAX", 3)
    old, new, collected = _reports(damaged)
    assert len(collected.stored._shared.objects) == 3
    for fmt in ("text", "json"):
        assert render_report_bytes(new, fmt, "en") == render_report_bytes(old, fmt, "en")


def test_the_annex_store_unpickles_nothing_but_what_a_verdict_is_made_of() -> None:
    shared = _annex_store._Shared()
    with pytest.raises(ValueError, match=r"not part of a verdict: (posix|nt)\.system"):
        shared.loads(pickle.dumps(_Os()))
    assert shared.loads(shared.dumps([date(2025, 1, 2)])) == [date(2025, 1, 2)]


class _Os:
    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, ("true",))


def test_an_annex_read_back_reads_as_a_tuple(province: Path) -> None:
    old, new, _ = _reports(province)
    assert isinstance(new.annex, Annex)
    whole = tuple(new.annex)
    assert len(new.annex) == len(whole) == len(old.annex) > 1
    assert new.annex[0] == whole[0] and new.annex[1:3] == whole[1:3]
    assert new.annex == whole and hash(new.annex) == hash(whole)
    assert new.annex.unit_count == sum(len(g.units) for g in old.annex)
    assert new.annex != [] and new.annex == new.annex


def test_short_lists_are_cut_the_same_way(province: Path) -> None:
    old, new, _ = _reports(province, top=2)
    assert render_report_bytes(new, "json", "en") == render_report_bytes(old, "json", "en")


def test_a_collector_keeps_only_the_units_a_report_lists(province: Path) -> None:
    full = evaluate_round(Round.of(read_any(province, BOOK), BOOK))
    collected = ReportCollector(top=1).evaluate(Round.of(read_any(province, BOOK), BOOK))
    listed = [v for _, v in collected.annex_units(2025)]
    expected = [u.verdict for u in full.units if u.verdict.outcome in ANNEX_OUTCOMES]
    assert sorted(v.unit_id for v in listed) == sorted(v.unit_id for v in expected)
    assert collected.units == len(full.units)
    # Not every unit not met is kept as a near miss: only the top of each part.
    kept = sum(len(p.part.near) for p in collected.parts)
    not_met = sum(1 for u in full.units if u.verdict.outcome is Outcome.NOT_MET)
    assert 0 < kept <= len(collected.parts)
    assert kept < not_met


def test_the_collector_cannot_be_read_before_the_round_ends() -> None:
    with pytest.raises(RuntimeError, match="has not finished"):
        ReportCollector().collected(evaluate_round(EXAMPLE))


def test_a_collector_gives_no_list_longer_than_it_kept(province: Path) -> None:
    collected = ReportCollector(top=3).evaluate(Round.of(read_any(province, BOOK), BOOK))
    with pytest.raises(ValueError, match="top 3"):
        collected.province_summary(2025, collected.provinces(2025)[0], top=4)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_command_writes_the_report_of_every_verdict(fmt: str, damaged: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["report", str(damaged), "--format", fmt, "--date", DAY.isoformat(), "--no-progress"],
        out=out,
        err=err,
    )
    assert code == 3  # the bad rows
    old = build_report(
        evaluate_round(Round.of(read_any(damaged, BOOK), BOOK)), generated=DAY, book=BOOK
    )
    assert out.getvalue().encode("utf-8") == render_report_bytes(old, fmt, "vi")


def _whole(report: Report, fmt: str, lang: Lang) -> str:
    """The report as one text, made the way the writers made it before they wrote in pieces."""
    if fmt == "json":
        return json.dumps(report_data(report, lang), ensure_ascii=False, indent=2) + "\n"
    block = render_block if fmt == "text" else markdown_block
    return "\n\n".join(t for b in blocks(report, lang) if (t := block(b)) is not None) + "\n"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_a_report_written_in_pieces_is_the_report(fmt: str, damaged: Path) -> None:
    old, new, _ = _reports(damaged)
    for lang in ("vi", "en"):
        pieces = list(iter_report(new, fmt, lang))
        # The annex comes a commune at a time, never as one text.
        assert len(pieces) > len(new.annex)
        assert "".join(pieces).encode("utf-8") == render_report_bytes(old, fmt, lang)
        if fmt != "html":
            assert "".join(pieces) == _whole(old, fmt, lang)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_report_with_no_annex_written_in_pieces_is_the_report(fmt: str) -> None:
    report = build_report(
        evaluate_round(Round.of(read_any(EXAMPLE, BOOK), BOOK)), generated=DAY, book=BOOK
    )
    report = attrs.evolve(report, annex=())
    assert "".join(iter_report(report, fmt, "en")) == _whole(report, fmt, "en")
