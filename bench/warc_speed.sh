#!/usr/bin/env bash
# Speed of `morgue parse` on a web archive (not part of CI): packs every saved page under DIR
# (*.html, *.htm, *.html.gz) into one WARC of `response` records and a `.warc.gz` with one gzip
# member per record (bench/pack_warc.py, not timed), then times `morgue parse --format jsonl` on
# each as one whole process, REPS times (default 3). Prints pages per wall second and CPU
# milliseconds per page, median and best, and the peak memory (max RSS) of the last run.
#
#   bench/warc_speed.sh DIR [REPS]
#
# Environment: BENCH_NO_BUILD=1 skips `cargo build --release`; MORGUE_BIN=PATH measures another
# binary. Requires: bash, python3, GNU time (/usr/bin/time).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
    echo "usage: bench/warc_speed.sh DIR [REPS]" >&2
    exit 2
fi
DIR="$1"
REPS="${2:-3}"
bench_positive REPS "$REPS"
bench_needs_time
ROOT="$BENCH_ROOT"
BIN="$(bench_binary)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mapfile -d '' PAGES < <(find "$DIR" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.html.gz' \) -print0 | sort -z)
N="$(python3 "$ROOT/bench/pack_warc.py" "$WORK/pages.warc" "${PAGES[@]}")"
echo "pages: $N ($(du -h "$WORK/pages.warc" | cut -f1) as .warc, $(du -h "$WORK/pages.warc.gz" | cut -f1) as .warc.gz)"

for f in pages.warc pages.warc.gz; do
    : > "$WORK/times"
    for _ in $(seq "$REPS"); do
        /usr/bin/time -f '%e %U %S %M' -o "$WORK/t" "$BIN" parse --format jsonl "$WORK/$f" > "$WORK/out.jsonl" 2> /dev/null || true
        cat "$WORK/t" >> "$WORK/times"
    done
    got="$(wc -l < "$WORK/out.jsonl")"
    python3 - "$WORK/times" "$N" "$f" "$got" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
n, name, got = int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
rate = [n / r[0] for r in rows]
cpu = [1000 * (r[1] + r[2]) / n for r in rows]
print(f"{name:15s} articles {got:5d}  pages/s median {statistics.median(rate):6.1f} best {max(rate):6.1f}"
      f"  CPU ms/page median {statistics.median(cpu):5.2f}  max RSS {rows[-1][3] / 1024:.0f} MiB")
PY
done
