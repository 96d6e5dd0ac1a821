#!/bin/sh
# Evaluate the bundled example through antq's web API, as a program in any language would.
#
#   pip install 'antq[serve]'
#   antq serve &                        # listens on http://127.0.0.1:8000
#   sh examples/api-client.sh           # or: sh examples/api-client.sh http://127.0.0.1:9000
#
# Needs only a POSIX shell and curl. The answer of POST /rounds/evaluate is the
# JSON of `antq evaluate examples/commune-2025.json --format json --lang en`,
# byte for byte; it is saved to verdicts.json and each unit's outcome is shown.
set -eu

BASE="${1:-http://127.0.0.1:8000}"
HERE="$(dirname "$0")"
OUT="${ANTQ_CLIENT_OUTPUT:-verdicts.json}"

# Is the service up?
curl --silent --show-error --fail "$BASE/health" > /dev/null

# Evaluate the round: the communes' units first, then the commune from their verdicts.
status="$(curl --silent --show-error \
  --request POST \
  --header 'Content-Type: application/json' \
  --header 'Accept-Language: en' \
  --data-binary "@$HERE/commune-2025.json" \
  --output "$OUT" --write-out '%{http_code}' \
  "$BASE/rounds/evaluate")"
if [ "$status" != 200 ]; then
  echo "antq answered HTTP $status:" >&2
  cat "$OUT" >&2
  exit 1
fi

# Each verdict's unit and outcome (the answer holds one verdict a line).
sed -nE 's/^    \{"schema": [0-9]+, "unit": "([^"]*)"[^{]*"period": \{[^}]*\}, "outcome": "([^"]*)".*/\1\t\2/p' "$OUT"

# The rule behind "at least 70% of the units recognised", as data any program can apply.
curl --silent --show-error --fail "$BASE/rules?kind=commune&as_of=2025-11-15" \
  | grep -A 8 '"form": "units_share_at_least"' | grep -m 1 -A 5 '"counts": "recognised"'
