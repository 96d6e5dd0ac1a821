"""A round decided as the law decides it, the same through every entry point (issue 11)."""

from __future__ import annotations

import copy
import csv
import importlib.util
import io
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import antq
from antq.cli import main
from antq.core.outcome import Outcome
from antq.io.batch import read_jsonl
from antq.io.facts import read_facts
from antq.safety import default_rulebook
from antq.safety.inputs import INCIDENTS
from antq.safety.round import Round, evaluate_round, id_skeleton

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "commune-2025.json"
BOOK = default_rulebook()
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def _generate(outdir: Path, communes: int = 6) -> Path:
    spec = importlib.util.spec_from_file_location(
        "generate_province", ROOT / "examples" / "generate_province.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_province"] = module
    spec.loader.exec_module(module)
    assert module.main([str(outdir), "--communes", str(communes)]) == 0
    return outdir / "units"


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("province"))


# -- every entry point gives the same outcome for every unit and every commune ----------------


def _cli(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    assert code in (0, 3), err.getvalue()
    return out.getvalue()


def _from_json(path: Path) -> dict[str, str]:
    data = json.loads(_cli("evaluate", str(path), "--format", "json"))
    return {f"{v['kind']}:{v['unit']}": v["outcome"] for v in data["verdicts"]}


def _from_jsonl(path: Path) -> dict[str, str]:
    rows = [
        json.loads(line) for line in _cli("evaluate", str(path), "--format", "jsonl").splitlines()
    ]
    return {f"{r['kind']}:{r['id']}": r["outcome"] for r in rows}


def _from_csv(path: Path) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(_cli("evaluate", str(path), "--format", "csv")))
    return {f"{r['kind']}:{r['id']}": r["outcome"] for r in rows}


def _from_text(path: Path) -> dict[str, str]:
    # The text output's first line of each verdict is "<id> (<kind>, <round>): <outcome>".
    verdicts: dict[str, str] = {}
    result = evaluate_round(path)
    text = _cli("evaluate", str(path), "--lang", "en")
    for unit in result.units:
        v = unit.verdict
        if unit.unreadable:
            continue
        head = v.explain("en").splitlines()[0]
        assert head in text
        verdicts[f"{v.kind.code}:{v.unit_id}"] = v.outcome.code
    return verdicts


def _from_report(path: Path) -> dict[str, str]:
    data = json.loads(_cli("report", str(path), "--format", "json"))
    return {
        f"commune:{c['id']}": c["outcome"]
        for p in data["provinces"]
        for c in p["communes"]
        if c.get("outcome") is not None
    }


def _from_python(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    antq.evaluate_round(
        path, on_verdict=lambda v: found.update({f"{v.kind.code}:{v.unit_id}": v.outcome.code})
    )
    return found


def _from_pinned(path: Path) -> dict[str, str]:
    data = json.loads(
        _cli("evaluate", str(path), "--format", "json", "--rule-set", "tt124.commune")
    )
    return {f"{v['kind']}:{v['unit']}": v["outcome"] for v in data["verdicts"]}


def _from_readme_tour(path: Path) -> dict[str, str]:
    # The README's tour: read a file, evaluate it as a round.
    result = antq.evaluate_round(antq.Round.from_path(path))
    return {
        f"{u.verdict.kind.code}:{u.verdict.unit_id}": u.verdict.outcome.code
        for u in result.units
        if not u.unreadable
    }


PATHS: dict[str, Callable[[Path], dict[str, str]]] = {
    "json": _from_json,
    "jsonl": _from_jsonl,
    "csv": _from_csv,
    "text": _from_text,
    "python": _from_python,
    "readme": _from_readme_tour,
}


@pytest.mark.parametrize("name", sorted(PATHS))
@pytest.mark.parametrize("which", ["example", "province"])
def test_every_entry_point_gives_the_same_outcomes(name: str, which: str, province: Path) -> None:
    path = EXAMPLE if which == "example" else province
    reference = _from_python(path)
    assert reference, "nothing was evaluated"
    assert PATHS[name](path) == reference
    communes = {k: v for k, v in reference.items() if k.startswith("commune:")}
    assert communes and _from_report(path) == communes


def test_the_example_commune_is_decided_from_its_units_everywhere() -> None:
    outcomes = _from_python(EXAMPLE)
    assert outcomes["commune:XA-DH"] == "not_met"
    assert _from_pinned(EXAMPLE) == outcomes
    assert _from_jsonl(EXAMPLE)["commune:XA-DH"] == "not_met"


def test_the_generated_province_has_communes_of_every_outcome(province: Path) -> None:
    communes = [v for k, v in _from_python(province).items() if k.startswith("commune:")]
    assert len(communes) == 6


def test_keep_units_false_keeps_no_unit_verdict_but_the_same_communes() -> None:
    kept = evaluate_round(EXAMPLE)
    lean = evaluate_round(EXAMPLE, keep_units=False)
    assert lean.units == () and len(kept.units) == 10
    assert [c.verdict for c in lean.communes] == [c.verdict for c in kept.communes]
    assert lean.tally == kept.tally


def test_a_commune_alone_is_decided_on_the_counts_it_states_and_says_so() -> None:
    document = read_facts(json.loads(EXAMPLE.read_text(encoding="utf-8")), BOOK)
    commune = [u for u in document.units if u.kind.code == "commune"]
    result = evaluate_round(commune)
    (only,) = result.communes
    assert only.counts is None and only.verdict is not None
    (share,) = [r for r in only.verdict.results if r.criterion_id.endswith("units-recognised")]
    assert share.outcome is MET
    assert "as the commune states them" in share.reason.render("en")
    assert "theo số liệu xã tự nêu" in share.reason.render("vi")
    assert any("none of its units is in the input" in n.render("en") for n in result.notices)


# -- reasons with units of unknown outcome, in both languages -------------------------------------


def _round_of(outcomes: list[str], *, stated: tuple[int, int] | None = None) -> antq.RoundResult:
    return evaluate_round(read_facts({"units": _raw_round(outcomes, stated=stated)}, BOOK).units)


def _raw_round(outcomes: list[str], *, stated: tuple[int, int] | None = None) -> list[Any]:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    commune = next(u for u in raw["units"] if u["kind"] == "commune")
    commune["facts"].pop("incidents")
    commune["facts"]["incidents"] = []
    for name in ("units_total", "units_registered", "units_recognised"):
        commune["facts"].pop(name)
    if stated is not None:
        commune["facts"].update(
            units_total=stated[0], units_registered=stated[0], units_recognised=stated[1]
        )
    template = next(u for u in raw["units"] if u["id"] == "KDC-DONG")
    units = [commune]
    for n, outcome in enumerate(outcomes):
        unit = copy.deepcopy(template)
        unit["id"] = f"KDC-{n:02d}"
        unit["facts"]["incidents"] = []
        if outcome == "unknown":
            unit["facts"].pop("households_registered")
        elif outcome == "not_met":
            unit["facts"]["households_registered"] = 0
        units.append(unit)
    return units


def _share_reason(result: antq.RoundResult, lang: str) -> tuple[Outcome, str]:
    (commune,) = result.communes
    assert commune.verdict is not None
    (share,) = [r for r in commune.verdict.results if r.criterion_id.endswith("units-recognised")]
    return share.outcome, share.reason.render(lang)  # type: ignore[arg-type]


def test_with_unknown_units_the_reason_gives_the_known_counts_and_the_range() -> None:
    result = _round_of(["met"] * 5 + ["unknown"] + ["not_met"] * 4)
    assert _share_reason(result, "en") == (
        NOT_MET,
        "5 recognised, 1 unknown, 4 not of 10: at most 60% < 70%: at least 2 more needed",
    )
    assert _share_reason(result, "vi") == (
        NOT_MET,
        "5 được công nhận, 1 chưa xác định, 4 không được công nhận trên tổng số 10:"
        " nhiều nhất 60% < 70%: cần thêm ít nhất 2",
    )


def test_undecided_share_names_the_range_and_what_would_settle_it() -> None:
    result = _round_of(["met"] * 6 + ["unknown"] * 2 + ["not_met"] * 2)
    outcome, reason = _share_reason(result, "en")
    assert outcome is UNKNOWN
    assert reason == (
        "6 recognised, 2 unknown, 2 not of 10: between 60% and 80%, 70% needed:"
        " 1 more of the unknown must be recognised"
    )
    (commune,) = result.communes
    assert commune.verdict is not None
    assert {"unit:KDC-06", "unit:KDC-07"} <= set(commune.verdict.missing_inputs)


def test_a_lower_bound_of_exactly_70_percent_passes() -> None:
    outcome, reason = _share_reason(_round_of(["met"] * 7 + ["unknown"] * 2 + ["not_met"]), "en")
    assert outcome is MET
    assert reason == "7 recognised, 2 unknown, 1 not of 10: at least 70% ≥ 70%"


def test_a_rolled_up_share_is_written_as_every_other_output_writes_it() -> None:
    # Rule P (issue 12): the roll-up's 25/26 reads 96,2% as in the report's tables.
    from antq.i18n.formatting import format_percent

    result = _round_of(["met"] * 25 + ["not_met"])
    for lang, expected in (("vi", "96,2%"), ("en", "96.2%")):
        assert format_percent(25, 26, lang) == expected
        _, reason = _share_reason(result, lang)
        assert f" {expected} " in reason


def test_stated_counts_that_differ_from_the_units_are_named() -> None:
    result = _round_of(["met"] * 7 + ["not_met"] * 3, stated=(8, 8))
    outcome, reason = _share_reason(result, "en")
    assert outcome is MET
    assert reason == (
        "7 recognised, 3 not of 10: 70% ≥ 70%; the commune states 8 of 8, its units give these"
    )


# -- integrity: nothing lost decides a commune --------------------------------------------------


def _commune_outcome(units: list[Any]) -> Outcome | None:
    result = evaluate_round(units)
    (commune,) = [c for c in result.communes if c.verdict is not None]
    return commune.verdict.outcome if commune.verdict else None


@given(st.data())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_losing_corrupting_or_misplacing_a_unit_never_makes_a_commune_met(
    data: st.DataObject,
) -> None:
    # Communes just short of 70% (or undecided): dropping one failing unit silently
    # would make them pass, so a lost unit must not be dropped.
    outcomes = data.draw(
        st.lists(st.sampled_from(["met", "not_met", "unknown"]), min_size=3, max_size=12)
    )
    raw = _raw_round(outcomes)
    baseline = _commune_outcome(read_facts({"units": raw}, BOOK).units)
    if baseline is MET:
        return
    index = data.draw(st.integers(1, len(raw) - 1))
    how = data.draw(
        st.sampled_from(["truncate", "corrupt", "misplace", "commune not text", "province"])
    )
    changed = copy.deepcopy(raw)
    lines = [json.dumps(u, ensure_ascii=False) for u in changed]
    if how == "truncate":
        lines[index] = lines[index][: len(lines[index]) // 2]
    else:
        if how == "corrupt":
            changed[index]["facts"]["households_resident"] = -5
        elif how == "misplace":
            changed[index]["commune"] = "XA-KHONG-CO"
        elif how == "commune not text":
            changed[index]["commune"] = 17
        else:
            changed[index]["province"] = "Tỉnh Khác"
        lines[index] = json.dumps(changed[index], ensure_ascii=False)
    result = evaluate_round(Round.of(read_jsonl(_jsonl("\n".join(lines)), BOOK)))
    assert result.errors, how
    (commune,) = [c for c in result.communes if c.verdict is not None]
    assert commune.verdict is not None and commune.verdict.outcome is not MET, (how, outcomes)


def _jsonl(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8"))


@given(st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_unexcused_serious_crime_in_any_unit_fails_its_commune(data: st.DataObject) -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    commune = next(u for u in raw["units"] if u["kind"] == "commune")
    units = [u for u in raw["units"] if u["kind"] != "commune"]
    index = data.draw(st.integers(0, len(units) - 1))
    day = data.draw(st.dates(min_value=date(2024, 11, 16), max_value=date(2025, 11, 15)))
    crime = {
        "id": "VV-NEW",
        "date": day.isoformat(),
        "category": "crime",
        "gravity": data.draw(
            st.sampled_from(["nghiem_trong", "rat_nghiem_trong", "dac_biet_nghiem_trong"])
        ),
        "force_majeure": False,
        "timely_detected": False,
    }
    units[index]["facts"].setdefault("incidents", []).append(crime)
    result = evaluate_round(read_facts({"units": [commune, *units]}, BOOK).units)
    (found,) = result.communes
    assert found.verdict is not None and found.verdict.outcome is NOT_MET
    (crimes,) = [r for r in found.verdict.results if r.criterion_id.endswith("no-serious-crime")]
    assert crimes.outcome is NOT_MET
    assert f"({units[index]['id']})" in crimes.reason.render("en")


def test_an_incident_is_counted_once_by_its_id() -> None:
    result = evaluate_round(EXAMPLE)
    (commune,) = result.communes
    assert commune.verdict is not None
    incidents = commune.verdict._explanation.context.facts.get(INCIDENTS)  # type: ignore[union-attr]
    ids = [i.id for i in incidents if i.id is not None]
    assert len(ids) == len(set(ids))


def test_ids_that_look_the_same_are_suspected_duplicates_and_never_counted_twice() -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    twin = copy.deepcopy(next(u for u in raw["units"] if u["id"] == "KDC-DONG"))
    twin["id"] = "KDС-DONG"  # a Cyrillic С
    raw["units"].append(twin)
    result = evaluate_round(read_facts(raw, BOOK).units)
    assert any("suspected duplicate" in e.message for e in result.errors)
    (commune,) = result.communes
    assert commune.counts is not None and commune.counts.total == 6
    assert commune.verdict is not None and commune.verdict.outcome is not MET
    assert id_skeleton("KDC\u200b-DONG") == id_skeleton("KDC-DONG")


def test_a_lost_row_exits_with_3_and_leaves_its_commune_unknown() -> None:
    lines = EXAMPLE.read_text(encoding="utf-8")
    raw = json.loads(lines)
    text = "\n".join(json.dumps(u, ensure_ascii=False) for u in raw["units"]) + "\n{not json"
    result = evaluate_round(Round.of(read_jsonl(_jsonl(text), BOOK)))
    (commune,) = result.communes
    assert result.lost and commune.counts is not None and commune.counts.lost is not None


# -- what a round keeps of each unit (issue 11, bounded memory) ------------------------------


def test_a_look_alike_names_the_id_it_looks_like_whichever_comes_first() -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    original = next(u for u in raw["units"] if u["id"] == "KDC-DONG")
    twin = copy.deepcopy(original)
    twin["id"] = "KDС-DONG"  # a Cyrillic С
    for first, second in ((original, twin), (twin, original)):
        units = [u for u in raw["units"] if u["id"] != "KDC-DONG"]
        result = evaluate_round(read_facts({"units": [*units, first, second]}, BOOK).units)
        (error,) = [e for e in result.errors if "suspected duplicate" in e.message]
        assert error.value == second["id"]
        assert f"({first['id']!r})" in error.message


def test_an_exact_repeat_given_in_python_is_a_suspected_duplicate_without_a_name() -> None:
    units = list(read_facts(json.loads(EXAMPLE.read_text(encoding="utf-8")), BOOK).units)
    repeat = next(u for u in units if u.unit_id == "KDC-DONG")
    result = evaluate_round([*units, repeat])
    (error,) = [e for e in result.errors if "suspected duplicate" in e.message]
    assert error.path == "KDC-DONG.id" and "('" not in error.message
    (commune,) = result.communes
    assert commune.counts is not None and commune.counts.total == 6


def test_a_reference_to_a_unit_that_is_not_a_commune_is_named_by_its_kind() -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    stray = copy.deepcopy(next(u for u in raw["units"] if u["id"] == "KDC-DONG"))
    stray["id"], stray["commune"] = "KDC-NEW", "KDC-DONG"
    units = [u for u in raw["units"] if u["kind"] != "commune"] + [stray]
    result = evaluate_round(read_facts({"units": units}, BOOK).units)
    assert any(
        e.path == "KDC-NEW.commune" and "names a residential_area, not a commune" in e.message
        for e in result.errors
    )
    stray["commune"] = "KDС-DONG"  # a look-alike of the id is taken for it too
    result = evaluate_round(read_facts({"units": units}, BOOK).units)
    assert any("names a residential_area, not a commune" in e.message for e in result.errors)


def test_incidents_no_territory_criterion_reads_are_not_kept_and_change_nothing() -> None:
    from antq.safety.round import _territory_filter

    keeps = _territory_filter(BOOK)
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    commune = next(u for u in raw["units"] if u["kind"] == "commune")
    units = [u for u in raw["units"] if u["kind"] != "commune"]
    minor = {
        "id": "VV-MINOR",
        "date": "2025-03-01",
        "category": "crime",
        "gravity": "it_nghiem_trong",
    }
    hotspot = {"id": "VV-HOT", "date": "2025-03-01", "category": "new_order_hotspot"}
    fire = {"id": "VV-FIRE", "date": "2025-03-02", "category": "serious_fire_explosion"}
    serious = {"id": "VV-SER", "date": "2025-03-03", "category": "crime", "gravity": "nghiem_trong"}
    other = {"id": "VV-OTHER", "date": "2025-03-04", "category": "other_violation"}
    extra = [minor, hotspot, fire, serious, other]
    incidents = (
        read_facts({"units": [{**units[0], "facts": {"incidents": extra}}]}, BOOK)
        .units[0]
        .get(INCIDENTS)
    )
    assert incidents is not None
    kept = {i.id: keeps(i) for i in incidents}
    assert kept == {
        "VV-MINOR": False,
        "VV-HOT": True,
        "VV-FIRE": True,
        "VV-SER": True,
        "VV-OTHER": False,
    }
    units[0]["facts"].setdefault("incidents", []).extend([minor, hotspot])
    result = evaluate_round(read_facts({"units": [commune, *units]}, BOOK).units)
    (found,) = result.communes
    assert found.verdict is not None
    counted = found.verdict._explanation.context.facts.get(INCIDENTS)  # type: ignore[union-attr]
    ids = {i.id for i in counted}
    assert "VV-HOT" in ids and "VV-MINOR" not in ids
    (hot,) = [r for r in found.verdict.results if r.criterion_id.endswith("no-new-hotspot")]
    assert hot.outcome is NOT_MET and f"({units[0]['id']})" in hot.reason.render("en")


def test_keep_communes_false_hands_on_every_verdict_and_keeps_only_the_counts() -> None:
    kept = evaluate_round(EXAMPLE)
    seen: list[antq.Verdict] = []
    lean = evaluate_round(EXAMPLE, on_verdict=seen.append, keep_units=False, keep_communes=False)
    assert lean.units == () and lean.communes == ()
    assert lean.tally == kept.tally and lean.errors == kept.errors
    assert [c.verdict for c in kept.communes] == [v for v in seen if v.kind.code == "commune"]


def test_a_duplicate_across_files_names_the_file_and_line_it_was_first_read(
    tmp_path: Path,
) -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    lines = [json.dumps(u, ensure_ascii=False) for u in raw["units"]]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n" + lines[3] + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["evaluate", str(tmp_path), "--format", "jsonl"], out=out, err=err) == 3
    assert "b.jsonl:line 2.id" in err.getvalue()
    assert "(first at a.jsonl:line 4)" in err.getvalue()


def test_the_digest_set_finds_only_whole_entries() -> None:
    from antq._digests import DigestSet, digest

    seen = DigestSet(value_size=8)
    keys = [digest(f"unit-{n}") for n in range(20_000)]  # past several doublings
    for n, key in enumerate(keys):
        assert seen.add(key, n) is None
    assert len(seen) == 20_000
    assert all(seen.get(key) == n for n, key in enumerate(keys))
    assert seen.get(digest("unit-20000")) is None
    # Eight bytes straddling two entries are not an entry.
    straddle = keys[0][4:] + keys[1][:4]
    assert straddle not in seen


def test_outcomes_without_reasons_are_those_of_the_results(province: Path) -> None:
    verdicts: list[antq.Verdict] = []
    evaluate_round(province, on_verdict=verdicts.append, keep_units=False)
    quick = [v.outcomes() for v in verdicts]  # before any reason is built
    assert [
        tuple((r.criterion_id, r.outcome, r.missing) for r in v.all_results()) for v in verdicts
    ] == quick
    assert any(o is UNKNOWN and m for q in quick for _, o, m in q)
    assert any(o is NOT_MET for q in quick for _, o, _ in q)


def test_a_verdicts_json_text_is_its_json_written_by_json_dumps(province: Path) -> None:
    verdicts: list[antq.Verdict] = []
    evaluate_round(province, on_verdict=verdicts.append, keep_units=False)
    assert any(v.notices for v in verdicts) and any(v.eligibility for v in verdicts)
    for texts in ((), ("vi",), ("en", "vi")):
        for verdict in verdicts:
            expected = json.dumps(verdict.to_json(texts=texts), ensure_ascii=False)
            assert verdict.json_text(texts=texts) == expected
