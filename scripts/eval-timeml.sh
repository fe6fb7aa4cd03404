#!/usr/bin/env bash
# Cross-checks `chronicle eval` against the Python port of the TempEval-3 scorer on TimeML
# data: extracts every document's text and DCT with tml_extract.py, tags each text with
# `chronicle tag --format json`, scores the JSON with score.py, and compares its figures with
# `chronicle eval`, for the official token-level matching (te3) and for character matching;
# they must be identical.
#
#   scripts/eval-timeml.sh [TIMEML_DIR ...]     (default: ../shared/timeml/TBAQ-cleaned/{TimeBank,AQUAINT})
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
TOOLS="$SHARED/timeml/tools"
if [ $# -eq 0 ]; then
  set -- "$SHARED/timeml/TBAQ-cleaned/TimeBank" "$SHARED/timeml/TBAQ-cleaned/AQUAINT"
fi
swift build -c release --product chronicle >&2
BIN=$(swift build -c release --product chronicle --show-bin-path)/chronicle
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 "$TOOLS/tml_extract.py" "$@" --txt-dir "$WORK/txt" 2>/dev/null
mkdir -p "$WORK/json"
for txt in "$WORK"/txt/*.txt; do
  id=$(basename "$txt" .txt)
  "$BIN" tag --dct "$(cat "$WORK/txt/$id.dct")" --format json "$txt" > "$WORK/json/$id.json"
done
status=0
for match in te3 char; do
  echo "== score.py --match $match"
  python3 "$TOOLS/score.py" "$@" "$WORK/json" --quiet-warnings --match $match | tail -6 | tee "$WORK/py-$match.txt"
  echo "== chronicle eval --match $match"
  "$BIN" eval "$@" --match $match | tail -6 | tee "$WORK/sw-$match.txt"
  if diff -q <(tail -1 "$WORK/py-$match.txt") <(tail -1 "$WORK/sw-$match.txt") >/dev/null; then
    echo "AGREE ($match): chronicle eval and score.py give identical figures"
  else
    echo "DISAGREE ($match):"; diff <(tail -1 "$WORK/py-$match.txt") <(tail -1 "$WORK/sw-$match.txt") || true
    status=1
  fi
done
exit $status
