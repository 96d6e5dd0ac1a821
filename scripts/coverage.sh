#!/usr/bin/env bash
# Line and branch coverage of src/antq over the whole test suite (doctests included).
#
#   bash scripts/coverage.sh            # fails below 95% of lines or below 95% of branches
#   FLOOR=90 bash scripts/coverage.sh   # another floor
#   bash scripts/coverage.sh tests/reliability   # extra arguments go to pytest
#
# The report lists only the modules that are not fully covered, with the missing
# lines and branches ("12->15": the branch from line 12 to line 15 never taken).
# coverage.py's own total mixes lines and branches; the floor applies to each
# separately, so plentiful lines cannot hide untested branches.
set -euo pipefail
cd "$(dirname "$0")/.."
FLOOR="${FLOOR:-95}"
.venv/bin/python -m pytest -q -p no:cacheprovider \
  --cov=antq --cov-branch --cov-report=term-missing:skip-covered \
  --cov-fail-under="$FLOOR" "$@"
.venv/bin/coverage json -q -o .coverage.json
.venv/bin/python - "$FLOOR" <<'PY'
import json
import sys

floor = float(sys.argv[1])
totals = json.load(open(".coverage.json", encoding="utf-8"))["totals"]
lines = 100 * totals["covered_lines"] / totals["num_statements"]
branches = 100 * totals["covered_branches"] / max(totals["num_branches"], 1)
print(f"Lines covered: {lines:.2f}%; branches covered: {branches:.2f}% (floor {floor:g}% each)")
failed = [name for name, value in (("lines", lines), ("branches", branches)) if value < floor]
if failed:
    print(f"FAIL: {' and '.join(failed)} below {floor:g}%")
    sys.exit(1)
PY
