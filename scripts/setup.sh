#!/usr/bin/env bash
# Quick start, step 1: install libcmark-dev and libtcmalloc-minimal4 if they are missing, build Chronicle (release),
# and generate the example site from content/ into public/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-libs.sh
swift build -c release --product chronicle
.build/release/chronicle build
echo "The example site is in public/ (open public/index.html)."
