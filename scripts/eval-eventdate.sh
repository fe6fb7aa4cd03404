#!/usr/bin/env bash
# Scores event dating on the development set in ../shared/eventdate (not needed by the tests).
# Usage: scripts/eval-eventdate.sh [--errors]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
swift build -c release --product chronicle >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
.build/release/chronicle build --content "$shared/eventdate/trial" --site "$out" --output "$out/site" --quiet
python3 "$shared/eventdate/score.py" "$shared/eventdate/trial" "$out/site/events.json" "$@"
