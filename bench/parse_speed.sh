#!/usr/bin/env bash
# Speed of `morgue parse` on a folder of saved web pages, measured as the HTML target is stated:
# whole processes, batches of 50 pages, all cores (not part of CI).
#
#   bench/parse_speed.sh DIR [REPS]             pages under DIR (*.html, *.htm, *.html.gz)
#   bench/parse_speed.sh DIR [REPS] BIN [BIN…]  paired runs of several binaries, alternating
#
# Each repetition parses every page once per binary; binaries alternate within a repetition, so
# a host whose speed drifts (a shared VM) slows them alike. Prints, per binary, pages per wall
# second and CPU milliseconds (user + system) per page: the median and the best of REPS
# (default 3). Gzipped pages are decompressed into a temp folder first (not timed).
#
# Environment: BATCH=N pages per process (default 50). MORGUE_BIN=PATH measures another binary
# when none is given; BENCH_NO_BUILD=1 skips
# `cargo build --release` when no binary is given.
# Requires: bash, python3, GNU time (/usr/bin/time), xargs, gzip.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
    echo "usage: bench/parse_speed.sh DIR [REPS] [BIN...]" >&2
    exit 2
fi
DIR="$1"
REPS="${2:-3}"
shift $(( $# >= 2 ? 2 : 1 ))
BATCH="${BATCH:-50}"
bench_positive REPS "$REPS"
bench_positive BATCH "$BATCH"
bench_needs_time
ROOT="$BENCH_ROOT"
if [ $# -eq 0 ]; then
    set -- "$(bench_binary)"
fi
for bin in "$@"; do
    [ -x "$bin" ] || { echo "bench: not an executable: $bin" >&2; exit 2; }
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/morgue-parse-speed.XXXXXX")"
trap 'rm -rf -- "$TMP"' EXIT
trap 'exit 130' INT TERM

# The page list: plain pages as they are, gzipped ones decompressed into the temp folder.
LIST="$TMP/pages.txt"
: > "$LIST"
while IFS= read -r -d '' f; do
    case "$f" in
        *.gz)
            out="$TMP/pages/$(basename "${f%.gz}")"
            mkdir -p "$TMP/pages"
            gzip -dc -- "$f" > "$out"
            printf '%s\n' "$out" >> "$LIST"
            ;;
        *) printf '%s\n' "$f" >> "$LIST" ;;
    esac
done < <(find "$DIR" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.html.gz' \) -print0 | sort -z)
PAGES=$(wc -l < "$LIST")
if [ "$PAGES" -eq 0 ]; then
    echo "bench: no pages (*.html, *.htm, *.html.gz) under $DIR" >&2
    exit 2
fi
echo "bench: $PAGES pages, batches of $BATCH, $REPS repetitions, $(nproc) cores"

RESULTS="$TMP/results.txt"
for rep in $(seq "$REPS"); do
    i=0
    for bin in "$@"; do
        i=$((i + 1))
        # Exit codes are not checked: a page that is no article is a valid answer.
        /usr/bin/time -f '%e %U %S' -o "$TMP/time.txt" \
            bash -c 'xargs -d "\n" -n "$1" "$2" parse --format jsonl < "$3" > /dev/null 2>&1 || true' \
            _ "$BATCH" "$bin" "$LIST"
        read -r wall user sys < "$TMP/time.txt"
        echo "$i $wall $user $sys" >> "$RESULTS"
    done
done

python3 - "$PAGES" "$RESULTS" "$@" <<'PY'
import statistics, sys
pages, results, bins = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
rows = {}
for line in open(results):
    i, wall, user, sys_ = line.split()
    rows.setdefault(int(i), []).append((float(wall), float(user) + float(sys_)))
for i, b in enumerate(bins, 1):
    runs = rows.get(i, [])
    speeds = [pages / w for w, _ in runs if w > 0]
    cpu = [c * 1000 / pages for _, c in runs]
    print(f"{b}\n  pages/s: median {statistics.median(speeds):.1f}, best {max(speeds):.1f}"
          f"   CPU ms/page: median {statistics.median(cpu):.2f}, best {min(cpu):.2f}")
PY
