# Helpers the bench scripts share; sourced, not run. Each exits 2 with a message on bad input.

# The repository root (the folder above bench/).
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# bench_positive NAME VALUE: exits unless VALUE is a positive integer.
bench_positive() {
    if ! [[ "$2" =~ ^[0-9]+$ ]] || [ "$2" -eq 0 ]; then
        echo "bench: $1 must be a positive integer (got '$2')" >&2
        exit 2
    fi
}

# bench_binary: prints the binary to measure: $MORGUE_BIN, else target/release/morgue, built
# first unless BENCH_NO_BUILD=1.
bench_binary() {
    if [ -n "${MORGUE_BIN:-}" ]; then
        echo "$MORGUE_BIN"
        return
    fi
    if [ "${BENCH_NO_BUILD:-0}" != "1" ]; then
        (cd "$BENCH_ROOT" && cargo build --release --quiet) >&2
    fi
    echo "$BENCH_ROOT/target/release/morgue"
}

# bench_needs_time: exits unless GNU time is at /usr/bin/time.
bench_needs_time() {
    if [ ! -x /usr/bin/time ]; then
        echo "bench: needs GNU time at /usr/bin/time" >&2
        exit 2
    fi
}
