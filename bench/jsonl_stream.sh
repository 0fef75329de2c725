#!/usr/bin/env bash
# Memory and speed of `morgue parse` and `morgue ingest` on one large JSONL file (not part of
# CI): generates N articles (default 200,000) with bench/gen_corpus.py (not timed), joins its
# JSONL files into one, then runs each command once as a whole process. Prints records per wall
# second, CPU time and peak memory (max RSS). A JSONL file of 16 MiB or more is streamed, so its
# peak memory should stay flat as N grows.
#
#   bench/jsonl_stream.sh [N]
#
# Environment: BENCH_NO_BUILD=1 skips `cargo build --release`; MORGUE_BIN=PATH measures another
# binary. Requires: bash, python3, GNU time (/usr/bin/time).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N="${1:-200000}"
bench_positive N "$N"
bench_needs_time
ROOT="$BENCH_ROOT"
BIN="$(bench_binary)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 "$ROOT/bench/gen_corpus.py" --n "$N" --out "$WORK/gen" > /dev/null
mkdir "$WORK/one"
find "$WORK/gen" -name '*.jsonl' -print0 | sort -z | xargs -0 cat > "$WORK/one/all.jsonl"
records="$(wc -l < "$WORK/one/all.jsonl")"
echo "one JSONL file: $records records, $(du -h "$WORK/one/all.jsonl" | cut -f1)"

report() {
    python3 - "$WORK/t" "$records" "$1" <<'PY'
import sys
wall, user, sys_, rss = map(float, open(sys.argv[1]).read().split())
n = int(sys.argv[2])
print(f"{sys.argv[3]:7s} {n / wall:8.0f} records/s  wall {wall:6.1f} s  CPU {user + sys_:6.1f} s  max RSS {rss / 1024:.0f} MiB")
PY
}
/usr/bin/time -f '%e %U %S %M' -o "$WORK/t" "$BIN" parse --format jsonl "$WORK/one/all.jsonl" > /dev/null 2>&1 || true
report parse
/usr/bin/time -f '%e %U %S %M' -o "$WORK/t" "$BIN" --index "$WORK/idx" ingest "$WORK/one" > /dev/null 2>&1 || true
report ingest
