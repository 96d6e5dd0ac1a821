"""The workbook path beside CSV: time and peak memory to read and evaluate a province.

    python benchmarks/spreadsheets.py                 # 300 communes (about 8,000 units)
    python benchmarks/spreadsheets.py --communes 50   # smaller

It generates a province with ``examples/generate_province.py`` (antq's own CSV,
one file per kind), writes the same units as an ``.xlsx`` workbook (the
template's layout, incidents on their own sheet) and as one ``;``-separated
CSV file in the Vietnamese dialect, then, for each input, in a fresh process:
reads every unit with ``read_any`` and evaluates it (verdicts dropped, as a
streamed round does), and reports the wall time, the CPU time and the
process's peak RSS. Needs openpyxl (``pip install 'antq[excel]'``).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATOR = HERE.parent / "examples" / "generate_province.py"

CHILD = """
import resource, sys, time
import antq
from antq.io.batch import read_any
start, cpu = time.perf_counter(), time.process_time()
after_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
units = errors = 0
for item in read_any(sys.argv[1]):
    if isinstance(item, antq.InputError):
        errors += 1
    else:
        antq.evaluate(item)
        units += 1
print(units, errors, time.perf_counter() - start, time.process_time() - cpu,
      after_import, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("generate_province", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _measure(path: Path) -> tuple[int, int, float, float, int, int]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
    )
    units, errors, wall, cpu, base, peak = done.stdout.split()
    return int(units), int(errors), float(wall), float(cpu), int(base), int(peak)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--communes", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = parser.parse_args(argv)

    from antq.core.facts import UnitFacts
    from antq.io.batch import read_any
    from antq.io.template import write_facts_csv, write_facts_xlsx

    with tempfile.TemporaryDirectory() as scratch:
        directory = args.keep or Path(scratch)
        _generator().main([str(directory), "--communes", str(args.communes)])
        units = [u for u in read_any(directory / "units") if isinstance(u, UnitFacts)]
        workbook = directory / "province.xlsx"
        write_facts_xlsx(workbook, units, year=2025)
        text = io.StringIO()
        write_facts_csv(text, units, year=2025)
        vi_csv = directory / "province-vi.csv"
        vi_csv.write_text(text.getvalue(), encoding="utf-8-sig", newline="")
        sizes = {
            "antq CSV (5 files)": sum(p.stat().st_size for p in (directory / "units").iterdir()),
            "Vietnamese CSV (;)": vi_csv.stat().st_size,
            "xlsx workbook": workbook.stat().st_size,
        }
        del units
        print(f"{args.communes} communes; read_any + antq.evaluate per unit, fresh process each")
        print(
            f"{'input':<22}{'size':>10}{'units':>8}{'wall':>9}{'CPU':>9}{'units/s':>10}"
            f"{'RSS import':>12}{'peak RSS':>10}"
        )
        rows = {}
        for label, path in (
            ("antq CSV (5 files)", directory / "units"),
            ("Vietnamese CSV (;)", vi_csv),
            ("xlsx workbook", workbook),
        ):
            units_read, errors, wall, cpu, base, peak = _measure(path)
            rows[label] = (wall, peak)
            assert errors == 0, (label, errors)
            print(
                f"{label:<22}{sizes[label] / 1e6:>8.1f}MB{units_read:>8}{wall:>8.2f}s{cpu:>8.2f}s"
                f"{units_read / wall:>10,.0f}{base / 1024:>10.0f}MB{peak / 1024:>8.0f}MB"
            )
        base_wall, base_peak = rows["antq CSV (5 files)"]
        for label in ("Vietnamese CSV (;)", "xlsx workbook"):
            wall, peak = rows[label]
            print(
                f"{label}: {wall / base_wall:.1f}x the time of antq CSV, peak RSS {peak / base_peak:.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
