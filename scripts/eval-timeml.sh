#!/usr/bin/env bash
# Cross-checks `chronicle eval` against the Python port of the TempEval-3 scorer on TimeML
# data: extracts every document's text and DCT with tml_extract.py, tags each text with
# `chronicle tag --format json`, scores the JSON with score.py, and compares its char-matching
# figures with `chronicle eval` (they must be identical). Also prints score.py's official
# token-level (te3) figures.
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
echo "== score.py (official TE3 token matching)"
python3 "$TOOLS/score.py" "$@" "$WORK/json" --quiet-warnings | tail -6
echo "== score.py --match char"
python3 "$TOOLS/score.py" "$@" "$WORK/json" --quiet-warnings --match char | tail -1 | tee "$WORK/py.txt"
echo "== chronicle eval"
"$BIN" eval "$@" | tail -6 | tee "$WORK/chronicle-full.txt"
tail -1 "$WORK/chronicle-full.txt" > "$WORK/sw.txt"
if diff -q "$WORK/py.txt" "$WORK/sw.txt" >/dev/null; then
  echo "AGREE: chronicle eval and score.py --match char give identical figures"
else
  echo "DISAGREE:"; diff "$WORK/py.txt" "$WORK/sw.txt"; exit 1
fi
