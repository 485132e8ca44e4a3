//! Deploy benchmark: mpbuild against PyPI mpremote on the same pseudo-terminal link to the real MicroPython
//! VM, with the same files (see `tests/common/bench_deploy.rs`). Prints full-upload throughput and
//! unchanged-project sync time, and their ratios. Exits with status 1 when a target is missed.
//!
//!     cargo build --release -p mpbuild --no-default-features --features cli
//!     cargo run --release -p mpbuild --no-default-features --features cli --example deploy_bench [-- --runs N]
//!
//! (`scripts/bench-mpbuild` runs it.) Environment: `MPREMOTE_PYTHON` (the venv's python), `MICROPYTHON`,
//! `MPY_VENV`.

#[path = "../tests/common/board.rs"]
mod board;
#[path = "../tests/common/bench_deploy.rs"]
mod bench;

use std::path::{Path, PathBuf};

fn mpbuild_exe() -> PathBuf {
    let me = std::env::current_exe().unwrap();
    // target/<profile>/examples/deploy_bench → target/<profile>/mpbuild
    let p = me.parent().and_then(Path::parent).map(|d| d.join("mpbuild")).unwrap();
    assert!(p.exists(), "build the mpbuild binary first (cargo build --release -p mpbuild): {}", p.display());
    p
}

fn main() -> std::process::ExitCode {
    let runs: usize = std::env::args().skip_while(|a| a != "--runs").nth(1).and_then(|s| s.parse().ok()).unwrap_or(5);
    let r = bench::run(&mpbuild_exe(), runs);
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    print!("{}", r.table(profile));
    if r.targets_met() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
