"""Every target of the performance issue in one table: measured, target, met or missed.

    python benchmarks/targets.py                 # the national round (several minutes)
    python benchmarks/targets.py --scale 0.2     # quicker; the time targets scale with it

It runs the three benchmarks that measure the rows and prints one line per row:

* ``national_round.py``: the read + decide path in a fresh process, the ratios
  of ``antq.decide`` and of every reason rendered against the plain-Python
  baseline, and one unit's JSON object read, evaluated and explained;
* ``real_paths.py``: ``antq evaluate DIR --format jsonl`` and ``antq report DIR``
  (text), whole processes: their CPU time (the targets are "on one core", and
  CPU time says more than wall time on a shared machine) and peak memory;
* ``openfisca_comparison.py``: OpenFisca's case API against antq on the same
  rule set, where openfisca-core is installed (else the row says "not measured").

Each benchmark is run as its own process, one after the other, so that they do
not share a core. The time targets are for the national round on one core: at
``--scale`` below 1 they are scaled down (start-up does not scale, so a small
round is judged harshly); the ratio and memory targets are not scaled.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import openfisca_comparison  # noqa: E402  (benchmarks/openfisca_comparison.py)

#: (the row of the issue, its target as text, the limit, unit, "<" or ">=")
ROWS: tuple[tuple[str, str, float, str, str], ...] = (
    ("antq report on the round's CSV files: time", "< 5 s", 5.0, "s", "<"),
    ("antq report on the round's CSV files: peak memory", "< 150 MB", 150.0, "MB", "<"),
    ("antq evaluate DIR --format jsonl", "< 3 s", 3.0, "s", "<"),
    ("the benchmark's read + decide path", "< 2.5 s", 2.5, "s", "<"),
    ("verdicts only (antq.decide) / baseline", "<= 1.5x", 1.5, "x", "<="),
    ("every reason rendered / baseline", "<= 4x", 4.0, "x", "<="),
    ("one unit from a dict, with its explanation", "< 50 µs", 50.0, "µs", "<"),
    ("OpenFisca case API / antq, same rule set", ">= 25x", 25.0, "x", ">="),
)


def _national(scale: float, folder: Path) -> dict[str, float]:
    out = folder / "national.json"
    subprocess.run(
        [
            sys.executable,
            str(HERE / "national_round.py"),
            "--scale",
            str(scale),
            "--targets-json",
            str(out),
        ],
        check=True,
        stdout=sys.stderr,
    )
    rows = {row["name"]: row["value"] for row in json.loads(out.read_text(encoding="utf-8"))}
    found = {}
    for name, value in rows.items():
        if name.startswith("whole round incl. loading"):
            found["the benchmark's read + decide path"] = value
    found["verdicts only (antq.decide) / baseline"] = rows[
        "antq/baseline, verdicts only (antq.decide)"
    ]
    found["every reason rendered / baseline"] = rows["antq/baseline, full results"]
    found["one unit from a dict, with its explanation"] = rows[
        "one unit from a dict, explained (slowest kind)"
    ]
    return found


def _commands(scale: float, repeat: int) -> dict[str, float]:
    found: dict[str, float] = {}
    for only in ("evaluate --format jsonl", "report --format text"):
        done = subprocess.run(
            [
                sys.executable,
                str(HERE / "real_paths.py"),
                "--scale",
                str(scale),
                "--repeat",
                str(repeat),
                "--only",
                only,
                "--json",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        sys.stderr.write(done.stdout)
        rows = json.loads(done.stdout.strip().splitlines()[-1])
        row = next(r for r in rows if only in r["path"])
        if only.startswith("evaluate"):
            found["antq evaluate DIR --format jsonl"] = row["cpu"]
        else:
            found["antq report on the round's CSV files: time"] = row["cpu"]
            found["antq report on the round's CSV files: peak memory"] = row["peak_mb"]
    return found


def _met(value: float, limit: float, how: str) -> bool:
    return {"<": value < limit, "<=": value <= limit, ">=": value >= limit}[how]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the national round")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (the median)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="antq-targets-") as tmp:
        found: dict[str, Any] = _national(args.scale, Path(tmp))
    found.update(_commands(args.scale, args.repeat))
    openfisca = openfisca_comparison.measure(300, 5)
    if openfisca is not None:
        found["OpenFisca case API / antq, same rule set"] = openfisca["ratio"]
    print(f"\nTargets of the performance issue, round scaled by {args.scale:g}")
    print(f"  {'':<52} {'target':<10} {'measured':>10}")
    for name, target, limit, unit, how in ROWS:
        if unit == "s":
            limit *= args.scale
            target = f"{how} {limit:g} s"
        value = found.get(name)
        if value is None:
            print(f"  {name:<52} {target:<10} {'-':>10}   not measured")
            continue
        shown = f"{value:.1f} {unit}" if unit != "x" else f"{value:.2f}x"
        verdict = "MET" if _met(value, limit, how) else "MISSED"
        print(f"  {name:<52} {target:<10} {shown:>10}   {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
