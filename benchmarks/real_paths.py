"""Wall time and peak memory of the commands people run, on a generated national round.

    python benchmarks/real_paths.py                  # the national round, 3 runs each
    python benchmarks/real_paths.py --scale 0.2 --repeat 1   # quicker
    python benchmarks/real_paths.py --only report --jobs 2   # the reports, with and without --jobs 2

It generates the round with ``national_round.generate`` (the national mix of
communes, residential areas, agencies, enterprises and schools), writes it as
CSV files, then runs each path in a fresh process, ``--repeat`` times, and
prints the median wall time and the peak resident memory of the process:

* ``antq evaluate DIR --format F`` for every streaming format (text, JSON,
  JSON Lines, CSV), the output sent to ``/dev/null``;
* ``antq report DIR --format F`` for the text, Markdown, JSON and HTML reports;
* the Python round API, ``antq.evaluate_round(DIR, keep_units=False,
  keep_communes=False)`` with an ``on_verdict`` that drops each verdict;
* the plain-Python baseline (``benchmarks/baseline.py``: one function a
  unit, no validation) over the same units as JSON Lines, read line by line.

``--only WORD`` keeps the paths whose label has WORD (the baseline is always
run); ``--jobs N`` adds, after each command, the same command with ``--jobs N``.
Each process's CPU time (its own and its workers') is printed too: on a shared
machine it says more than the wall time.

Each row is set against the baseline's time (the ratio) and, for the national
round (``--scale 1``), against the targets of the performance issue where it
has one (met or missed). The figures are
of the whole process, start-up and reading included, as a user sees them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import national_round  # noqa: E402  (benchmarks/national_round.py)

# (label, argv after "antq", target seconds at national scale or None, target peak MB or None)
PATHS: tuple[tuple[str, tuple[str, ...], float | None, float | None], ...] = (
    ("antq evaluate --format text", ("evaluate", "{dir}", "--format", "text"), None, None),
    ("antq evaluate --format json", ("evaluate", "{dir}", "--format", "json"), None, None),
    ("antq evaluate --format jsonl", ("evaluate", "{dir}", "--format", "jsonl"), 3.0, None),
    ("antq evaluate --format csv", ("evaluate", "{dir}", "--format", "csv"), None, None),
    ("antq report --format text", ("report", "{dir}", "--format", "text"), 5.0, 150.0),
    ("antq report --format markdown", ("report", "{dir}", "--format", "markdown"), 5.0, 150.0),
    ("antq report --format json", ("report", "{dir}", "--format", "json"), 5.0, 150.0),
    ("antq report --format html", ("report", "{dir}", "--format", "html"), 5.0, 150.0),
)

_CLI = (
    national_round.CHILD_PEAK_KB
    + """
import resource, sys, time
start = time.perf_counter()
from antq.cli import main
with open("/dev/null", "w", encoding="utf-8") as sink:
    code = main(sys.argv[1:], out=sink, err=sink)
elapsed = time.perf_counter() - start
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
print(code, elapsed, cpu, peak_kb())
"""
)

_ROUND_API = (
    national_round.CHILD_PEAK_KB
    + """
import resource, sys, time
start = time.perf_counter()
import antq
result = antq.evaluate_round(
    sys.argv[1], on_verdict=lambda verdict: None, keep_units=False, keep_communes=False
)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(3 if result.errors else 0, time.perf_counter() - start,
      usage.ru_utime + usage.ru_stime, peak_kb())
"""
)

_BASELINE = (
    national_round.CHILD_PEAK_KB
    + """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
sys.path.insert(0, sys.argv[2])
import baseline
for file in sorted(Path(sys.argv[1]).glob("*.jsonl")):
    with file.open(encoding="utf-8") as lines:
        for line in lines:
            baseline.outcome(json.loads(line))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(0, time.perf_counter() - start, usage.ru_utime + usage.ru_stime, peak_kb())
"""
)


def run(code: str, args: list[str]) -> tuple[float, float, float]:
    """(seconds, CPU seconds, peak MB) of one fresh process running ``code`` with ``args``."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    )
    status, seconds, cpu, peak_kb = done.stdout.split()[-4:]
    if status not in ("0", "3"):
        raise SystemExit(f"exit {status}: {args}\n{done.stderr}")
    return float(seconds), float(cpu), int(peak_kb) / 1024


def median_of(repeat: int, code: str, args: list[str]) -> tuple[float, float, float]:
    runs = [run(code, args) for _ in range(repeat)]
    return (
        statistics.median(s for s, _, _ in runs),
        statistics.median(c for _, c, _ in runs),
        max(m for _, _, m in runs),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the national round")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each path (the median)")
    parser.add_argument("--seed", type=int, default=national_round.SEED)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--only", metavar="WORD", help="only the paths whose label has WORD")
    parser.add_argument(
        "--jobs", type=int, metavar="N", help="also run each command with --jobs N, after it"
    )
    args = parser.parse_args(argv)
    paths: list[tuple[str, tuple[str, ...], float | None, float | None]] = []
    for label, argv_template, target_s, target_mb in PATHS:
        if args.only and args.only not in label:
            continue
        paths.append((label, argv_template, target_s, target_mb))
        if args.jobs:
            jobs = ("--jobs", str(args.jobs))
            paths.append((f"{label} --jobs {args.jobs}", argv_template + jobs, target_s, target_mb))
    with tempfile.TemporaryDirectory(prefix="antq-real-paths-") as tmp:
        started = time.perf_counter()
        units = national_round.generate(args.seed, scale=args.scale)
        count = sum(len(v) for v in units.values())
        csv_dir, jsonl_dir = national_round.write_round(units, Path(tmp))
        del units
        print(f"{count:,} units generated in {time.perf_counter() - started:.1f} s", flush=True)
        base_s, base_cpu, base_mb = median_of(args.repeat, _BASELINE, [str(jsonl_dir), str(HERE)])
        rows: list[dict[str, object]] = [
            {
                "path": "plain-Python baseline",
                "seconds": base_s,
                "cpu": base_cpu,
                "peak_mb": base_mb,
            }
        ]
        for label, argv_template, target_s, target_mb in paths:
            cli_args = [a.replace("{dir}", str(csv_dir)) for a in argv_template]
            seconds, cpu, peak = median_of(args.repeat, _CLI, cli_args)
            rows.append(
                {
                    "path": label,
                    "seconds": seconds,
                    "cpu": cpu,
                    "peak_mb": peak,
                    # The targets are for the national round (start-up does not scale).
                    "target_s": target_s if args.scale == 1 else None,
                    "target_mb": target_mb if args.scale == 1 else None,
                }
            )
            print(f"  {label}: {seconds:.1f} s, CPU {cpu:.1f} s, {peak:.0f} MB", flush=True)
        if not args.only or args.only in "antq.evaluate_round (Python)":
            seconds, cpu, peak = median_of(args.repeat, _ROUND_API, [str(csv_dir)])
            rows.append(
                {
                    "path": "antq.evaluate_round (Python)",
                    "seconds": seconds,
                    "cpu": cpu,
                    "peak_mb": peak,
                }
            )
    print(f"\n{count:,} units, median of {args.repeat} run(s), whole process\n")
    print(f"{'path':44} {'wall s':>7} {'CPU s':>7} {'peak MB':>8} {'× baseline':>10}  target")
    for row in rows:
        seconds, peak = float(row["seconds"]), float(row["peak_mb"])  # type: ignore[arg-type]
        cpu = float(row["cpu"])  # type: ignore[arg-type]
        wanted = []
        if row.get("target_s") is not None:
            target = float(row["target_s"])  # type: ignore[arg-type]
            wanted.append(f"< {target:g} s: {'met' if seconds < target else 'missed'}")
        if row.get("target_mb") is not None:
            target = float(row["target_mb"])  # type: ignore[arg-type]
            wanted.append(f"< {target:g} MB: {'met' if peak < target else 'missed'}")
        print(
            f"{row['path']:44} {seconds:>7.1f} {cpu:>7.1f} {peak:>8.0f} {seconds / base_s:>9.1f}×  "
            + ("; ".join(wanted) or "-")
        )
    if args.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
