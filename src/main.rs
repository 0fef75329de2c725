//! The `morgue` binary: everything lives in the library; this maps its result to an exit code.

/// Many short-lived allocations per page: mimalloc serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    morgue::cli::main()
}
