#!/usr/bin/env bash
# Chronicle against Hugo on the same N synthetic articles (../shared/bench/gen_corpus.py):
# a clean build, then a rebuild after adding one article; wall time and peak memory of each
# (/usr/bin/time), median of RUNS runs. Hugo is measured when `hugo` is installed
# (Debian package `hugo`), with a minimal site: a list page plus one page per article.
#
#   scripts/bench.sh [N]          N articles (default 10000)
#   RUNS=1 scripts/bench.sh 10000 one run of each instead of three
#
# Environment: RUNS (3), TOOLS ("chronicle hugo": which to measure), BENCH_DIR (a tmpfs: /dev/shm when present, else /tmp),
# CHRONICLE (a built binary; default: build .build/release/chronicle), SHARED (../shared),
# KEEP=1 keeps the generated sites.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

N=${1:-10000}
RUNS=${RUNS:-3}
TOOLS=${TOOLS:-chronicle hugo}
SHARED=${SHARED:-$ROOT/../shared}
GEN=$SHARED/bench/gen_corpus.py
[[ -f $GEN ]] || { echo "error: $GEN not found (set SHARED)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
if [[ -z ${CHRONICLE:-} && $TOOLS == *chronicle* ]]; then
    swift build -c release --product chronicle >&2
    CHRONICLE=$ROOT/.build/release/chronicle
fi
HUGO=
[[ $TOOLS == *hugo* ]] && HUGO=$(command -v hugo || true)

TMPFS=/tmp
[[ -d /dev/shm && -w /dev/shm ]] && TMPFS=/dev/shm
WORK=$(mktemp -d "${BENCH_DIR:-$TMPFS}/chronicle-bench-$N.XXXXXX")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$WORK"' EXIT

# --- the corpus, and the one article added afterwards -----------------------------------
SITE=$WORK/chronicle
mkdir -p "$SITE" "$WORK/extra"
printf 'title: "Benchmark: %s articles"\n' "$N" > "$SITE/chronicle.yml"
python3 "$GEN" --n "$N" --out "$SITE/content" --seed 42 >&2
python3 "$GEN" --start "$N" --n 1 --out "$WORK/extra" --seed 42 >&2
EXTRA=$(ls "$WORK/extra")
CORPUS_MB=$(find "$SITE/content" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')

# --- measuring ---------------------------------------------------------------------------
# measure LOG CMD...: runs CMD, fails loudly when it fails, prints "SECONDS KIB".
measure() {
    local log=$1; shift
    if ! /usr/bin/time -f '%e %M' -o "$log.time" "$@" > "$log" 2>&1; then
        echo "error: '$*' failed; its output:" >&2
        tail -20 "$log" >&2
        exit 1
    fi
    cat "$log.time"
}

# median FILE COLUMN: the median of one column of numbers.
median() {
    cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench NAME CONTENT_DIR EXTRA_FILE CLEAN_CMD BUILD_CMD: clean builds, then +1 rebuilds.
# CLEAN_CMD removes the output and caches; the +1 article is removed again (and the site
# rebuilt, untimed) between runs, so each timed rebuild starts from the N-article site.
bench() {
    local name=$1 content=$2 extra=$3 clean=$4 build=$5
    : > "$WORK/$name.clean"
    : > "$WORK/$name.add"
    for ((r = 1; r <= RUNS; r++)); do
        eval "$clean"
        measure "$WORK/$name.log" bash -c "$build" >> "$WORK/$name.clean"
        echo "$name: clean build $r/$RUNS: $(tail -1 "$WORK/$name.clean")" >&2
    done
    for ((r = 1; r <= RUNS; r++)); do
        cp "$extra" "$content/"
        measure "$WORK/$name.log" bash -c "$build" >> "$WORK/$name.add"
        echo "$name: +1 rebuild $r/$RUNS: $(tail -1 "$WORK/$name.add")" >&2
        rm "$content/$(basename "$extra")"
        if ((r < RUNS)); then measure "$WORK/$name.log" bash -c "$build" > /dev/null; fi
    done
}

row() {
    local name=$1
    printf '| %-9s | %9.2f s | %7.0f MiB | %8.2f s | %7.0f MiB |\n' "$name" \
        "$(median "$WORK/$name.clean" 1)" "$(awk "BEGIN { print $(median "$WORK/$name.clean" 2) / 1024 }")" \
        "$(median "$WORK/$name.add" 1)" "$(awk "BEGIN { print $(median "$WORK/$name.add" 2) / 1024 }")"
}

if [[ $TOOLS == *chronicle* ]]; then
    bench chronicle "$SITE/content" "$WORK/extra/$EXTRA" \
        "rm -rf '$SITE/public' '$SITE/.chronicle'" \
        "'$CHRONICLE' build --site '$SITE' --quiet"
fi

if [[ -n $HUGO ]]; then
    # Hugo reads `url:` as the page's own path and refuses full URLs: its copy of the articles
    # calls the field `source_url:`; the texts are the same bytes otherwise.
    HSITE=$WORK/hugo
    mkdir -p "$HSITE/layouts/_default" "$WORK/hugo-extra"
    cp -r "$SITE/content" "$HSITE/content"
    find "$HSITE/content" -name '*.md' -exec sed -i 's/^url: /source_url: /' {} +
    sed 's/^url: /source_url: /' "$WORK/extra/$EXTRA" > "$WORK/hugo-extra/$EXTRA"
    cat > "$HSITE/config.toml" <<'EOF'
baseURL = "https://example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
EOF
    cat > "$HSITE/layouts/_default/single.html" <<'EOF'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }} · {{ .Params.source }}</p>
{{ .Content }}</body></html>
EOF
    cat > "$HSITE/layouts/index.html" <<'EOF'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><h1>{{ .Site.Title }}</h1><ul>
{{ range .Site.RegularPages.ByDate }}<li>{{ .Date.Format "2006-01-02" }} <a href="{{ .RelPermalink }}">{{ .Title }}</a> · {{ .Params.source }}</li>
{{ end }}</ul></body></html>
EOF
    cp "$HSITE/layouts/index.html" "$HSITE/layouts/_default/list.html"
    bench hugo "$HSITE/content" "$WORK/hugo-extra/$EXTRA" \
        "rm -rf '$HSITE/public' '$HSITE/resources'" \
        "'$HUGO' --source '$HSITE' --quiet"
fi

echo
echo "$N articles ($CORPUS_MB MB) on $(df --output=fstype "$WORK" | tail -1) ($WORK), $(nproc) cores, median of $RUNS"
[[ -n ${CHRONICLE:-} ]] && echo "chronicle $("$CHRONICLE" --version)"
[[ -n $HUGO ]] && echo "hugo $("$HUGO" version | cut -d' ' -f2)"
echo
echo "| generator | clean build | peak memory | +1 article | peak memory |"
echo "|-----------|-------------|-------------|------------|-------------|"
[[ $TOOLS == *chronicle* ]] && row chronicle
if [[ -n $HUGO ]]; then
    row hugo
elif [[ $TOOLS == *hugo* ]]; then
    echo "| hugo      | (not installed: apt-get install hugo) |"
fi
