"""The national round through ``antq evaluate``, this tree against an earlier commit, in one run.

    python benchmarks/against_commit.py 13640b9               # 3 runs each, alternating
    python benchmarks/against_commit.py v0.1.0 --repeat 5 --format csv

It generates the national round (``national_round.generate``, 148,321 units) once as CSV,
checks the earlier commit out into a temporary git worktree, then runs
``antq evaluate DIR --format F`` with its output sent to ``/dev/null`` in a fresh process
of each tree in turn, and prints each tree's median CPU time (user + system of the child,
steadier than wall time on a shared machine) and peak memory, and the ratio of this tree
to the earlier one. Both trees run with the same Python; each sees only its own ``src``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import national_round  # noqa: E402  (benchmarks/national_round.py)

_CHILD = (
    national_round.CHILD_PEAK_KB
    + """
import sys
from antq.cli import main
with open("/dev/null", "w", encoding="utf-8") as sink:
    code = main(["evaluate", sys.argv[1], "--format", sys.argv[2]], out=sink, err=sink)
print(code, peak_kb())
"""
)


def run_once(src: Path, directory: Path, fmt: str) -> tuple[float, float]:
    """(CPU seconds, peak MB) of one ``antq evaluate`` in a fresh process of the tree ``src``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(directory), fmt],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(src)},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    code, peak_kb = done.stdout.split()
    if code not in ("0", "3"):
        raise SystemExit(f"antq evaluate exited with {code}: {done.stderr[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, int(peak_kb) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("commit", help="the earlier commit (any git revision)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", default="jsonl", choices=("text", "json", "jsonl", "csv"))
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the national round")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="antq-against-") as tmp:
        earlier = Path(tmp) / "earlier"
        subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "worktree",
                "add",
                "-q",
                "--detach",
                str(earlier),
                args.commit,
            ],
            check=True,
        )
        try:
            units = national_round.generate(national_round.SEED, scale=args.scale)
            csv_dir, _ = national_round.write_round(units, Path(tmp) / "round")
            count = sum(len(v) for v in units.values())
            del units
            trees = {"this tree": ROOT / "src", args.commit: earlier / "src"}
            found: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
            for _ in range(args.repeat):
                for name, src in trees.items():
                    found[name].append(run_once(src, csv_dir, args.format))
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)], check=False
            )
    print(f"{count:,} units, antq evaluate --format {args.format}, median of {args.repeat}")
    medians = {
        name: (statistics.median(c for c, _ in runs), statistics.median(m for _, m in runs))
        for name, runs in found.items()
    }
    for name, (cpu, peak) in medians.items():
        print(f"  {name:>12}: {cpu:7.1f} s CPU  {peak:7.1f} MB peak")
    (now_cpu, now_peak), (then_cpu, then_peak) = medians["this tree"], medians[args.commit]
    print(
        f"  ratio (this tree / {args.commit}): CPU {now_cpu / then_cpu:.2f}, memory {now_peak / then_peak:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
