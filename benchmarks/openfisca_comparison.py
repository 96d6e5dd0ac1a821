"""antq against OpenFisca on the same rule set, one case at a time.

    python -m venv /tmp/of && /tmp/of/bin/pip install -e . openfisca-core
    /tmp/of/bin/python benchmarks/openfisca_comparison.py            # 300 cases, best of 5
    /tmp/of/bin/python benchmarks/openfisca_comparison.py --cases 1000 --repeat 3

OpenFisca (openfisca-core) is the best-known rules-as-code engine in Python, so
it is the yardstick the performance issue names: antq should stay at least 25
times faster per case on the same rule set. openfisca-core is not a dependency
of antq (it brings NumPy), so the script runs where both are installed and
says so, without failing, where OpenFisca is missing.

The rule set is Thông tư 124/2021/TT-BCA Điều 4 (a residential area): 19
criteria, encoded here a second time as OpenFisca variables, with antq's
three-valued logic (met, not met, unknown) as integer codes and a missing fact
as -1 (OpenFisca has no missing values). OpenFisca has no list-valued
variables, so each case's incidents are first filtered by the assessment
window and counted by category in plain Python; that work is part of
OpenFisca's time per case, as it would be for its users. Before timing, every
case's outcome from OpenFisca is checked against antq's; the script stops if
one differs, so the two encode the same rules.

Per case, in one process, best of ``--repeat`` passes over every case:

* antq: the unit's JSON object read with :func:`antq.read_facts`, evaluated,
  its outcome taken (and, in a second row, its explanation in Vietnamese); the
  target is set on the first, since OpenFisca gives the outcome only;
* OpenFisca's case API: the situation built with ``SimulationBuilder
  .build_from_entities`` and the outcome calculated;
* for reference, OpenFisca's strength: every case in one vectorised
  simulation, its time divided by the number of cases.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import antq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import national_round  # noqa: E402  (benchmarks/national_round.py)

TARGET_RATIO = 25.0
MET, NOT_MET, UNKNOWN = 0, 1, 2
CODES = {MET: "met", NOT_MET: "not_met", UNKNOWN: "unknown"}
GRADE_RANK = {"khong_hoan_thanh": 1, "hoan_thanh": 2, "hoan_thanh_tot": 3, "hoan_thanh_xuat_sac": 4}
SECURITY_EVENTS = (
    "anti_state_activity",
    "sabotage_of_key_targets",
    "unlawful_religion",
    "exploiting_religion_ethnicity",
    "separatism",
    "prolonged_dispute",
    "complaint_incitement",
)
SERIOUS = frozenset({"nghiem_trong", "rat_nghiem_trong", "dac_biet_nghiem_trong"})
ACCIDENTS = frozenset({"serious_fire_explosion", "fatal_labour_accident", "serious_incident"})
FLAGS = ("party_resolution_q1", "registered_q1", "policy_implemented", "supervised_persons_managed")
COUNTS = ("households_registered", "households_resident", "grassroots_force_members_disciplined")
OFFENCES = ("crimes", "social_evils", "other_violations")


# ------------------------------------------------------------------ the case, flattened


def _excused(incident: dict[str, Any]) -> bool | None:
    """Force majeure, or detected in time, mitigated and reported at once (Điều 4 khoản 4 điểm b)."""
    force = incident.get("force_majeure")
    if force is True:
        return True
    steps = [incident.get(k) for k in ("timely_detected", "mitigated", "reported_immediately")]
    if all(step is True for step in steps):
        return True
    if force is False and any(step is False for step in steps):
        return False
    return None


def flatten(facts: dict[str, Any], start: str, end: str) -> dict[str, int]:
    """The OpenFisca inputs of one residential area: every fact a number, -1 when missing."""
    flat: dict[str, int] = {}
    for name in FLAGS:
        value = facts.get(name)
        flat[name] = -1 if value is None else int(value)
    for name in COUNTS:
        value = facts.get(name)
        flat[name] = -1 if value is None else value
    flat["grade_rank"] = GRADE_RANK.get(facts.get("grassroots_force_grade") or "", 0)
    for when in ("current", "previous"):
        counts = facts.get(f"offences_{when}")
        for key in OFFENCES:
            flat[f"{key}_{when}"] = -1 if counts is None else counts[key]
    incidents = facts.get("incidents")
    flat["incidents_known"] = int(incidents is not None)
    found = [i for i in incidents or () if start <= i["date"] <= end]
    for category in (*SECURITY_EVENTS, "new_order_hotspot", "new_social_evil_case"):
        flat[category] = sum(1 for i in found if i["category"] == category)
    serious = [i for i in found if i["category"] == "crime" and i.get("gravity") in SERIOUS]
    flat["serious_not_excused"] = sum(1 for i in serious if _excused(i) is False)
    flat["serious_unassessed"] = sum(1 for i in serious if _excused(i) is None)
    accidents = [i for i in found if i["category"] in ACCIDENTS]
    flat["accidents_not_force_majeure"] = sum(
        1 for i in accidents if i.get("force_majeure") is False
    )
    flat["accidents_unassessed"] = sum(1 for i in accidents if i.get("force_majeure") is None)
    return flat


# ------------------------------------------------------------------ the rules, in OpenFisca


def openfisca_system() -> Any:
    """Điều 4 of Thông tư 124/2021/TT-BCA as an OpenFisca tax-benefit system."""
    # Imported here: openfisca-core (and NumPy) are optional, checked for in main().
    import numpy as np
    from openfisca_core.entities import build_entity
    from openfisca_core.periods import DateUnit
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem
    from openfisca_core.variables import Variable

    unit = build_entity(key="unit", plural="units", label="A residential area", is_person=True)
    system = TaxBenefitSystem([unit])

    def variable(name: str, formula: Callable[[Any, Any], Any] | None = None) -> None:
        fields: dict[str, Any] = {
            "value_type": int,
            "entity": unit,
            "definition_period": DateUnit.YEAR,
            "label": name,
            "default_value": -1,
        }
        if formula is not None:
            fields["formula"] = formula
        system.add_variable(type(name, (Variable,), fields))

    def flag(name: str) -> Callable[[Any, Any], Any]:
        return lambda u, p: np.select([u(name, p) < 0, u(name, p) == 1], [UNKNOWN, MET], NOT_MET)

    def none_of(name: str) -> Callable[[Any, Any], Any]:
        return lambda u, p: np.select(
            [u("incidents_known", p) == 0, u(name, p) > 0], [UNKNOWN, NOT_MET], MET
        )

    def excused_only(bad: str, unassessed: str) -> Callable[[Any, Any], Any]:
        return lambda u, p: np.select(
            [u("incidents_known", p) == 0, u(bad, p) > 0, u(unassessed, p) > 0],
            [UNKNOWN, NOT_MET, UNKNOWN],
            MET,
        )

    def households(u: Any, p: Any) -> Any:
        part, whole = u("households_registered", p), u("households_resident", p)
        return np.select([(part < 0) | (whole < 0), part == whole], [UNKNOWN, MET], NOT_MET)

    def offences_reduced(u: Any, p: Any) -> Any:
        now = [u(f"{k}_current", p) for k in OFFENCES]
        before = [u(f"{k}_previous", p) for k in OFFENCES]
        missing = np.any([c < 0 for c in now + before], axis=0)
        total_now, total_before = sum(now), sum(before)
        reduced = ((total_now == 0) & (total_before == 0)) | (total_now < total_before)
        return np.select([missing, reduced], [UNKNOWN, MET], NOT_MET)

    def grade(u: Any, p: Any) -> Any:
        rank = u("grade_rank", p)
        return np.select([rank == 0, rank >= GRADE_RANK["hoan_thanh"]], [UNKNOWN, MET], NOT_MET)

    def disciplined(u: Any, p: Any) -> Any:
        count = u("grassroots_force_members_disciplined", p)
        return np.select([count < 0, count == 0], [UNKNOWN, MET], NOT_MET)

    for name in (*FLAGS, *COUNTS, "grade_rank", "incidents_known"):
        variable(name)
    for key in OFFENCES:
        variable(f"{key}_current")
        variable(f"{key}_previous")
    for name in (*SECURITY_EVENTS, "new_order_hotspot", "new_social_evil_case"):
        variable(name)
    for name in (
        "serious_not_excused",
        "serious_unassessed",
        "accidents_not_force_majeure",
        "accidents_unassessed",
    ):
        variable(name)

    criteria: dict[str, Callable[[Any, Any], Any]] = {
        "c_party_resolution": flag("party_resolution_q1"),
        "c_registered": flag("registered_q1"),
        "c_households": households,
        "c_policy": flag("policy_implemented"),
        **{f"c_{name}": none_of(name) for name in SECURITY_EVENTS},
        "c_offences_reduced": offences_reduced,
        "c_serious_crimes": excused_only("serious_not_excused", "serious_unassessed"),
        "c_hotspot": none_of("new_order_hotspot"),
        "c_social_evil": none_of("new_social_evil_case"),
        "c_supervised": flag("supervised_persons_managed"),
        "c_accidents": excused_only("accidents_not_force_majeure", "accidents_unassessed"),
        "c_grade": grade,
        "c_disciplined": disciplined,
    }
    assert len(criteria) == 19
    for name, formula in criteria.items():
        variable(name, formula)

    def outcome(u: Any, p: Any) -> Any:
        results = np.array([u(name, p) for name in criteria])
        return np.select(
            [np.any(results == NOT_MET, axis=0), np.any(results == UNKNOWN, axis=0)],
            [NOT_MET, UNKNOWN],
            MET,
        )

    variable("outcome", outcome)
    return system


# ------------------------------------------------------------------ the measurement


def best_per_case(run: Callable[[], object], cases: int, repeat: int) -> float:
    """Best of ``repeat`` passes, in µs per case."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best / cases * 1e6


def measure(cases: int, repeat: int) -> dict[str, Any] | None:
    """The figures of one comparison (µs per case), or None where openfisca-core is missing.

    Raises :exc:`SystemExit` when OpenFisca and antq disagree on an outcome.
    """
    try:
        from openfisca_core.simulations import SimulationBuilder
    except ImportError:
        return None
    scale = cases / national_round.COUNTS["residential_areas"]
    rows = national_round.generate(scale=scale)["residential_area"][:cases]
    year = national_round.YEAR
    start, end = f"{year - 1}-11-01", f"{year}-10-31"  # Điều 8 khoản 2, residential areas
    documents = [{"antq": 2, "units": [row]} for row in rows]
    system = openfisca_system()
    builder = SimulationBuilder()
    period = str(year)

    def antq_outcomes() -> list[str]:
        return [antq.evaluate(antq.read_facts(d).units[0]).outcome.value for d in documents]

    def antq_explained() -> list[str]:
        return [antq.evaluate(antq.read_facts(d).units[0]).explain("vi") for d in documents]

    def openfisca_outcomes() -> list[str]:
        out = []
        for row in rows:
            flat = flatten(row["facts"], start, end)
            situation = {"units": {row["id"]: {k: {period: v} for k, v in flat.items()}}}
            simulation = builder.build_from_entities(system, situation)
            out.append(CODES[int(simulation.calculate("outcome", period)[0])])
        return out

    def openfisca_vectorised() -> list[str]:
        situation = {
            "units": {
                row["id"]: {k: {period: v} for k, v in flatten(row["facts"], start, end).items()}
                for row in rows
            }
        }
        simulation = SimulationBuilder().build_from_entities(system, situation)
        return [CODES[int(code)] for code in simulation.calculate("outcome", period)]

    ours, theirs, vectorised = antq_outcomes(), openfisca_outcomes(), openfisca_vectorised()
    differ = [(r["id"], a, b) for r, a, b in zip(rows, ours, theirs, strict=True) if a != b]
    if differ or theirs != vectorised:
        raise SystemExit(f"OpenFisca and antq disagree on {len(differ)} cases, e.g. {differ[:3]}")
    antq_us = best_per_case(antq_outcomes, len(rows), repeat)
    openfisca_us = best_per_case(openfisca_outcomes, len(rows), repeat)
    return {
        "cases": len(rows),
        "outcomes": {code: ours.count(code) for code in sorted(set(ours))},
        "openfisca_version": version("openfisca-core"),
        "antq_us": antq_us,
        "explained_us": best_per_case(antq_explained, len(rows), repeat),
        "openfisca_us": openfisca_us,
        "vectorised_us": best_per_case(openfisca_vectorised, len(rows), repeat),
        # Like for like: OpenFisca gives the outcome, not an explanation.
        "ratio": openfisca_us / antq_us,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    found = measure(args.cases, args.repeat)
    if found is None:
        print("openfisca-core is not installed here: not measured (see this script's docstring)")
        return 0
    print(
        f"antq {antq.__version__} against openfisca-core {found['openfisca_version']}, "
        f"Python {sys.version.split()[0]}: {found['cases']} residential areas of Thông tư "
        f"124/2021/TT-BCA Điều 4 (19 criteria), outcomes {found['outcomes']}, every outcome the same"
    )
    print(f"\n  {'per case (best of ' + str(args.repeat) + ')':<52} {'µs':>9}")
    print(f"  {'antq: read the JSON object, evaluate':<52} {found['antq_us']:9.1f}")
    print(f"  {'antq: the same, and explain in Vietnamese':<52} {found['explained_us']:9.1f}")
    print(
        f"  {'OpenFisca case API: build the situation, calculate':<52} {found['openfisca_us']:9.1f}"
    )
    print(
        f"  {'OpenFisca, every case in one vectorised simulation':<52} {found['vectorised_us']:9.1f}"
    )
    ratio = found["ratio"]
    print(
        f"\n  {'OpenFisca case API / antq, outcome only':<52} {ratio:8.1f}x"
        f"   target >= {TARGET_RATIO:g}x   {'MET' if ratio >= TARGET_RATIO else 'MISSED'}"
    )
    explained = found["openfisca_us"] / found["explained_us"]
    print(f"  {'OpenFisca case API / antq with its explanation':<52} {explained:8.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
