#!/usr/bin/env bash
# Line and branch coverage of src/antq over the whole test suite (doctests included).
#
#   bash scripts/coverage.sh            # fails below 95%
#   FLOOR=90 bash scripts/coverage.sh   # another floor
#   bash scripts/coverage.sh tests/reliability   # extra arguments go to pytest
#
# The report lists only the modules that are not fully covered, with the missing
# lines and branches ("12->15": the branch from line 12 to line 15 never taken).
set -euo pipefail
cd "$(dirname "$0")/.."
FLOOR="${FLOOR:-95}"
exec .venv/bin/python -m pytest -q -p no:cacheprovider \
  --cov=antq --cov-branch --cov-report=term-missing:skip-covered \
  --cov-fail-under="$FLOOR" "$@"
