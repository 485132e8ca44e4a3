//! A real client: headless Neovim (Debian's `neovim`, installed by this test with apt-get when missing)
//! opens a file, receives mpls diagnostics, applies a code action, and the buffer is checked.

use std::path::PathBuf;
use std::process::Command;

fn nvim() -> PathBuf {
    if let Some(p) = std::env::var_os("NVIM") {
        return PathBuf::from(p);
    }
    let found = Command::new("sh").arg("-c").arg("command -v nvim").output().ok().filter(|o| o.status.success());
    if let Some(o) = found {
        return PathBuf::from(String::from_utf8_lossy(&o.stdout).trim());
    }
    // Install Debian's package (the machine's own package manager; root there).
    let status = Command::new("sh")
        .arg("-c")
        .arg("(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim")
        .status()
        .expect("cannot run apt-get");
    assert!(status.success(), "installing neovim with apt-get failed");
    PathBuf::from("/usr/bin/nvim")
}

#[test]
fn neovim_receives_diagnostics_and_applies_a_code_action() {
    let nvim = nvim();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("main.py");
    std::fs::write(
        &file,
        "import time\n\n\ndef total(xs):\n    t = 0\n    for x in xs:\n        t += abs(x)\n        time.sleep_ms(0)\n    return t\n",
    )
    .unwrap();
    let result = dir.path().join("result.txt");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/neovim/e2e.lua");
    let out = Command::new(&nvim)
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("MPLS_BIN", env!("CARGO_BIN_EXE_mpls"))
        .env("MPLS_FILE", &file)
        .env("MPLS_RESULT", &result)
        .env("HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .expect("cannot run nvim");
    let verdict = std::fs::read_to_string(&result)
        .unwrap_or_else(|_| format!("no result; nvim stderr:\n{}", String::from_utf8_lossy(&out.stderr)));
    assert!(verdict.starts_with("OK"), "{verdict}");
    assert!(verdict.contains("diagnostics: MP103,MP104"), "{verdict}");
    assert!(verdict.contains("action: Alias `abs` to local `_abs` before the loop"), "{verdict}");
    assert!(verdict.contains("    _abs = abs\n    for x in xs:\n        t += _abs(x)\n"), "{verdict}");
}
