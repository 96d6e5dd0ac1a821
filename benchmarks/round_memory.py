"""Peak memory of ``antq evaluate`` and ``antq report`` on a generated round, by format and size.

    python benchmarks/round_memory.py                       # 100,000 and 1,000,000 units
    python benchmarks/round_memory.py --sizes 20000 200000  # quicker
    python benchmarks/round_memory.py --command report      # antq report, every text format

For each size it generates a synthetic round with ``national_round.generate``
(the national mix of communes, residential areas, agencies, enterprises and
schools, scaled), writes it as CSV, then runs ``antq evaluate DIR --format F``
for F in text, json, jsonl and csv (with ``--command report``: ``antq report
DIR --format F`` for F in text, markdown, json and html), each in a fresh
process with its output sent to ``/dev/null``, and prints the process's wall time and peak resident
memory, the ratio of each peak to the smallest size's peak in the same
format, and the memory added per unit between the two.

The number of communes stays the national one (3,321; ``--communes`` changes
it), so a larger round has more units in each commune: what grows is what a
round must keep of each unit until its commune is decided (an 8-byte digest
for the duplicate checks of the readers and of the round, the ids of units
that did not pass, and the incidents that can fail a commune's territory
criterion).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import national_round  # noqa: E402  (benchmarks/national_round.py)

FORMATS = ("text", "json", "jsonl", "csv")
REPORT_FORMATS = ("text", "markdown", "json", "html")
NATIONAL = sum(national_round.COUNTS.values())

_CHILD = (
    national_round.CHILD_PEAK_KB
    + """
import resource, sys, time
from antq.cli import main
start = time.perf_counter()
with open("/dev/null", "w", encoding="utf-8") as sink:
    code = main([sys.argv[3], sys.argv[1], "--format", sys.argv[2]], out=sink, err=sink)
elapsed = time.perf_counter() - start
print(code, elapsed, peak_kb())
"""
)


def measure(directory: Path, fmt: str, command: str = "evaluate") -> tuple[float, float]:
    """(seconds, peak MB) of one ``antq evaluate`` (or ``report``) run in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(directory), fmt, command],
        check=True,
        capture_output=True,
        text=True,
    )
    code, seconds, peak_kb = done.stdout.split()
    if code not in ("0", "3"):
        raise SystemExit(f"antq {command} exited with {code}")
    return float(seconds), int(peak_kb) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=national_round.SEED)
    parser.add_argument(
        "--communes",
        type=int,
        default=national_round.COUNTS["communes"],
        help="communes in every round (default: the national number)",
    )
    parser.add_argument("--command", choices=("evaluate", "report"), default="evaluate")
    parser.add_argument(
        "--formats",
        nargs="+",
        choices=sorted({*FORMATS, *REPORT_FORMATS}),
        help="default: every format of the command",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    formats = args.formats or (FORMATS if args.command == "evaluate" else REPORT_FORMATS)
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="antq-round-memory-") as tmp:
        for size in sorted(args.sizes):
            scale = size / NATIONAL
            started = time.perf_counter()
            units = national_round.generate(args.seed, scale=scale, communes=args.communes)
            csv_dir, _ = national_round.write_round(units, Path(tmp) / str(size))
            count = sum(len(v) for v in units.values())
            del units
            print(f"{count:>9,} units generated in {time.perf_counter() - started:.1f} s")
            for fmt in formats:
                seconds, peak = measure(csv_dir, fmt, args.command)
                rows.append({"units": count, "format": fmt, "seconds": seconds, "peak_mb": peak})
    smallest = {r["format"]: r for r in rows if r["units"] == rows[0]["units"]}
    print(
        f"\nantq {args.command}\n{'units':>9}  {'format':8}  {'wall s':>7}  {'peak MB':>8}  {'vs smallest':>11}"
        f"  {'bytes/unit added':>16}"
    )
    for row in rows:
        first = smallest[str(row["format"])]
        ratio = float(row["peak_mb"]) / float(first["peak_mb"])  # type: ignore[arg-type]
        more = int(row["units"]) - int(first["units"])  # type: ignore[call-overload]
        added = (float(row["peak_mb"]) - float(first["peak_mb"])) * 2**20 / more if more else 0.0  # type: ignore[arg-type]
        row["ratio"], row["bytes_per_unit"] = round(ratio, 2), round(added)
        print(
            f"{row['units']:>9,}  {row['format']:8}  {row['seconds']:>7.1f}"
            f"  {row['peak_mb']:>8.1f}  {ratio:>10.2f}x  {added:>16.0f}"
        )
    if args.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
