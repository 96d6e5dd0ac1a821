#!/usr/bin/env bash
# Refresh the gettext catalogues: extract Msg("...") strings, merge them into the
# vi and en catalogues, and compile the .mo files shipped in the package.
# Run after adding or changing a message; then translate the new vi entries.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
pybabel=${PYBABEL:-.venv/bin/pybabel}
locale=src/antq/i18n/locale
"$pybabel" -q extract -F babel.cfg -k Msg --no-location --sort-output \
  --project antq --copyright-holder "antq developers" -o "$locale/antq.pot" src/antq
for lang in vi en; do
  po="$locale/$lang/LC_MESSAGES/antq.po"
  if [ -f "$po" ]; then
    "$pybabel" -q update -D antq -i "$locale/antq.pot" -d "$locale" -l "$lang" --no-fuzzy-matching --ignore-obsolete
  else
    "$pybabel" -q init -D antq -i "$locale/antq.pot" -d "$locale" -l "$lang"
  fi
done
"$py" scripts/fill_english.py "$locale/en/LC_MESSAGES/antq.po"
"$pybabel" -q compile -D antq -d "$locale" --statistics
