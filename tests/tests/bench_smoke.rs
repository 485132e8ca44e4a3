//! Keeps `bench-compile` working without timing anything: one run over a 5-file sample, debug build.

const BENCH: &str = env!("CARGO_BIN_EXE_bench-compile");
const MPYC: &str = env!("CARGO_BIN_EXE_mpyc-under-test");

#[test]
fn bench_compile_runs_on_a_sample() {
    mpy_tests::oracles::oracles();
    let o = std::process::Command::new(BENCH)
        .args(["--mpyc", MPYC, "--runs", "1", "--sample", "5"])
        .output()
        .expect("run bench-compile");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.contains("one process per file") && stdout.contains("corpus: 5 files"), "{stdout}");
}
