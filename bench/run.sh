#!/usr/bin/env bash
# Benchmark of morgue on a synthetic corpus (not part of CI).
#
#   bench/run.sh [N]          N articles (default 100000)
#
# Steps: generate N synthetic articles (bench/gen_corpus.py, deterministic) into a temp folder,
# build the release binary, time `morgue ingest` (articles/s), measure the index size, then time
# 20 different `morgue search` and 20 `morgue timeline` invocations as whole processes and report
# median and 95th percentile wall times.
#
# Environment:
#   BENCH_KEEP=1        keep the temp folder (corpus + index) and print its path
#   BENCH_DIR=DIR       use DIR (created if missing, must be empty) instead of a new temp folder
#   BENCH_SEED=S        generator seed (default 42)
#   BENCH_NO_BUILD=1    skip `cargo build --release` (use the existing target/release/morgue)
#   MORGUE_BIN=PATH     benchmark this binary instead of target/release/morgue (implies no build)
#
# Requires: bash, python3, cargo, GNU date (for nanosecond timestamps), du.
set -euo pipefail

N="${1:-100000}"
if ! [[ "$N" =~ ^[0-9]+$ ]] || [ "$N" -eq 0 ]; then
    echo "usage: bench/run.sh [N]   (N = number of articles, a positive integer; default 100000)" >&2
    exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SEED="${BENCH_SEED:-42}"

if [ -n "${BENCH_DIR:-}" ]; then
    mkdir -p "$BENCH_DIR"
    TMP="$(cd "$BENCH_DIR" && pwd)"
else
    TMP="$(mktemp -d "${TMPDIR:-/tmp}/morgue-bench.XXXXXX")"
fi
CORPUS="$TMP/corpus"
IDX="$TMP/idx"
LOG="$TMP/log"
mkdir -p "$LOG"

cleanup() {
    if [ "${BENCH_KEEP:-0}" = "1" ]; then
        echo "bench: kept $TMP (corpus in $CORPUS, index in $IDX, logs in $LOG)" >&2
    elif [ -z "${BENCH_DIR:-}" ]; then
        rm -rf -- "$TMP"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }

# Prints "median p95 min max" (ms) of the numbers given as arguments; p95 is the nearest-rank
# 95th percentile (the 19th of 20 values).
stats() {
    python3 - "$@" <<'PY'
import math, sys
v = sorted(float(x) for x in sys.argv[1:])
n = len(v)
med = v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
p95 = v[max(0, math.ceil(0.95 * n) - 1)]
print(f"{med:.0f} {p95:.0f} {v[0]:.0f} {v[-1]:.0f}")
PY
}

# --- 1. generate ---------------------------------------------------------------------------
echo "bench: generating $N articles (seed $SEED) into $CORPUS" >&2
t0=$(now_ns)
python3 "$ROOT/bench/gen_corpus.py" --n "$N" --out "$CORPUS" --seed "$SEED" \
    --manifest "$TMP/manifest.json" >/dev/null
GEN_MS=$(ms_since "$t0")
CORPUS_BYTES=$(du -sb "$CORPUS" | cut -f1)
CORPUS_FILES=$(find "$CORPUS" -type f | wc -l)

# --- 2. build --------------------------------------------------------------------------------
if [ -n "${MORGUE_BIN:-}" ]; then
    BIN="$MORGUE_BIN"
else
    BIN="$ROOT/target/release/morgue"
    if [ "${BENCH_NO_BUILD:-0}" != "1" ]; then
        echo "bench: cargo build --release" >&2
        (cd "$ROOT" && cargo build --release --quiet)
    fi
fi
if [ ! -x "$BIN" ]; then
    echo "bench: no morgue binary at $BIN" >&2
    exit 2
fi

# --- 3. ingest -------------------------------------------------------------------------------
echo "bench: ingesting" >&2
t0=$(now_ns)
INGEST_RC=0
"$BIN" --index "$IDX" ingest "$CORPUS" --format json >"$LOG/ingest.json" 2>"$LOG/ingest.err" || INGEST_RC=$?
INGEST_MS=$(ms_since "$t0")
# 0: all files read; 3: some files failed (the rest indexed). Anything else is a real failure.
if [ "$INGEST_RC" -ne 0 ] && [ "$INGEST_RC" -ne 3 ]; then
    echo "bench: ingest failed (exit $INGEST_RC); last lines of stderr:" >&2
    tail -n 20 "$LOG/ingest.err" >&2
    exit 1
fi
read -r ADDED FAILED < <(python3 - "$LOG/ingest.json" "$N" <<'PY'
import json, sys
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        s = json.load(f)
    print(s.get("added", sys.argv[2]), len(s.get("failed", [])))
except (OSError, ValueError):
    print(sys.argv[2], "?")
PY
)
RATE=$(python3 -c "import sys; a, ms = int(sys.argv[1]), int(sys.argv[2]); print(f'{a / max(ms, 1) * 1000:.0f}')" "$ADDED" "$INGEST_MS")
INDEX_BYTES=$(du -sb "$IDX" | cut -f1)
INDEX_HUMAN=$(du -sh "$IDX" | cut -f1)

# --- 4. search -------------------------------------------------------------------------------
# One query per line: QUERY|EXTRA FLAGS. The query is passed as one argument; the flags are split
# on spaces. Words, phrases, OR, NOT, field:value, date ranges and date sorting.
SEARCHES=(
    'cartels|'
    'fentanyl border|'
    '"heat wave"|'
    '"light rail"|'
    'election OR referendum|'
    'inflation -tariffs|'
    'climate resilience adaptation|'
    'headline:stadium|'
    'outlet:"Harbor Ledger"|'
    'byline:Natarajan|'
    'person:"Marisol Ortega"|'
    'place:Nogales|'
    'org:"Hemisphere Security Institute"|'
    'section:Sports|'
    'language:es|'
    'cooling centers|--since 2015-01-01'
    'vaccine|--since 2020-01-01 --until 2021-12-31'
    'tariffs|--sort newest'
    '"power grid"|--sort oldest'
    'drug cartels|--since 2019-01-01 --until 2024-12-31 --sort newest'
)

# Prints the number of matches in a JSON answer: its "total", else the length of its "hits" or
# "buckets" list, else "?" (the output shape is the command's business, not the benchmark's).
hits() {
    python3 - "$1" <<'PY'
import json, sys
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        d = json.load(f)
except (OSError, ValueError):
    print("?")
    sys.exit(0)
if isinstance(d, dict) and isinstance(d.get("total"), int):
    print(d["total"])
elif isinstance(d, dict) and isinstance(d.get("buckets"), list):
    print(sum(b.get("count", 0) for b in d["buckets"] if isinstance(b, dict)))
elif isinstance(d, list):
    print(len(d))
else:
    print("?")
PY
}

run_timed() {
    # run_timed LOGNAME ARGS... : runs the binary, prints elapsed ms and exit code.
    local name="$1"
    shift
    local t rc=0
    t=$(now_ns)
    "$BIN" --index "$IDX" "$@" >"$LOG/$name.out" 2>"$LOG/$name.err" || rc=$?
    echo "$(ms_since "$t") $rc"
}

echo "bench: ${#SEARCHES[@]} searches" >&2
run_timed search-warmup search cartels --format json --limit 10 >/dev/null # warm the page cache
SEARCH_MS=()
SEARCH_ERRORS=0
SEARCH_NOHIT=0
i=0
for spec in "${SEARCHES[@]}"; do
    q="${spec%%|*}"
    flags="${spec#*|}"
    extra=()
    if [ -n "$flags" ]; then read -r -a extra <<<"$flags"; fi
    read -r ms rc < <(run_timed "search-$i" search "$q" "${extra[@]}" --format json --limit 10)
    # Exit 1 means "no match" (as grep): a valid, timed answer. Other non-zero codes are errors.
    case "$rc" in
        0) ;;
        1) SEARCH_NOHIT=$((SEARCH_NOHIT + 1)) ;;
        *) SEARCH_ERRORS=$((SEARCH_ERRORS + 1))
           echo "bench: search [$q ${flags}] exited $rc: $(head -c 300 "$LOG/search-$i.err")" >&2 ;;
    esac
    printf '  %6s ms  rc=%s  hits=%-6s search %s %s\n' "$ms" "$rc" "$(hits "$LOG/search-$i.out")" "$q" "$flags" >>"$LOG/search-times.txt"
    SEARCH_MS+=("$ms")
    i=$((i + 1))
done
read -r S_MED S_P95 S_MIN S_MAX < <(stats "${SEARCH_MS[@]}")

# --- 5. timeline -----------------------------------------------------------------------------
TIMELINES=(
    'cartels|'
    'cartels|--by year'
    'cartels|--by month'
    '"drug cartels"|--by week'
    'heat|'
    '"heat wave"|--by month'
    '"light rail"|--by year'
    'election|'
    'election OR referendum|--by month'
    'inflation|--by year'
    'vaccine|--by month'
    'fentanyl|--by day'
    'stadium|'
    'tariffs -exports|--by year'
    'climate|--by month'
    'place:Nogales|'
    'section:Sports|--by year'
    'mayor|--by month'
    'ballots recount|--by year'
    'cooling centers|--by week'
)
TIMELINE_AVAILABLE=1
run_timed timeline-probe timeline cartels --format json >"$LOG/timeline-probe.rc"
read -r _ probe_rc <"$LOG/timeline-probe.rc"
if [ "$probe_rc" = "2" ] && grep -qiE "unrecognized subcommand|unknown subcommand|invalid subcommand|no such (sub)?command" "$LOG/timeline-probe.err"; then
    TIMELINE_AVAILABLE=0
fi
T_MED="" T_P95="" T_MIN="" T_MAX=""
TIMELINE_ERRORS=0
if [ "$TIMELINE_AVAILABLE" = "1" ]; then
    echo "bench: ${#TIMELINES[@]} timelines" >&2
    TIMELINE_MS=()
    i=0
    for spec in "${TIMELINES[@]}"; do
        q="${spec%%|*}"
        flags="${spec#*|}"
        extra=()
        if [ -n "$flags" ]; then read -r -a extra <<<"$flags"; fi
        read -r ms rc < <(run_timed "timeline-$i" timeline "$q" "${extra[@]}" --format json)
        if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
            TIMELINE_ERRORS=$((TIMELINE_ERRORS + 1))
            echo "bench: timeline [$q ${flags}] exited $rc: $(head -c 300 "$LOG/timeline-$i.err")" >&2
        fi
        printf '  %6s ms  rc=%s  dated=%-5s timeline %s %s\n' "$ms" "$rc" "$(hits "$LOG/timeline-$i.out")" "$q" "$flags" >>"$LOG/timeline-times.txt"
        TIMELINE_MS+=("$ms")
        i=$((i + 1))
    done
    read -r T_MED T_P95 T_MIN T_MAX < <(stats "${TIMELINE_MS[@]}")
fi

# --- 6. report -------------------------------------------------------------------------------
echo
echo "== morgue benchmark =========================================="
echo "articles generated : $N (seed $SEED) in $CORPUS_FILES files, $(( CORPUS_BYTES / 1048576 )) MiB, generated in ${GEN_MS} ms"
echo "machine            : $(nproc) cores, $(uname -sm)"
echo "binary             : $BIN"
echo "ingest             : ${INGEST_MS} ms wall, $ADDED articles added, $FAILED failed (exit $INGEST_RC)"
echo "ingest rate        : $RATE articles/s"
echo "index size         : $INDEX_HUMAN ($INDEX_BYTES bytes)"
echo "search (${#SEARCHES[@]} queries) : median ${S_MED} ms, p95 ${S_P95} ms (min ${S_MIN}, max ${S_MAX}); $SEARCH_NOHIT without hits, $SEARCH_ERRORS errors"
if [ "$TIMELINE_AVAILABLE" = "1" ]; then
    echo "timeline (${#TIMELINES[@]} queries): median ${T_MED} ms, p95 ${T_P95} ms (min ${T_MIN}, max ${T_MAX}); $TIMELINE_ERRORS errors"
else
    echo "timeline           : not available"
fi
echo "per-query times    :"
cat "$LOG/search-times.txt"
if [ -f "$LOG/timeline-times.txt" ]; then cat "$LOG/timeline-times.txt"; fi
echo "=============================================================="
