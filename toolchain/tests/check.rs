//! `mpbuild check`: the diagnostics of mpls in the terminal and as JSON, with the exit status CI needs. The
//! compile errors it reports are compared with what the real mpy-cross prints for the same file and flags;
//! the example projects of the repository must check clean of errors.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn mpbuild(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mpbuild")).current_dir(dir).env("NO_COLOR", "1").args(args).output().unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

/// mpy-cross's last stderr line for `file` in `dir` with `flags`, or `None` when it compiles the file.
fn mpy_cross_error(dir: &Path, file: &str, flags: &[&str]) -> Option<String> {
    let out = Command::new(common::mpy_cross()).current_dir(dir).args(flags).arg(file).arg("-o").arg("/dev/null").output().unwrap();
    if out.status.success() {
        return None;
    }
    String::from_utf8_lossy(&out.stderr).lines().last().map(str::to_string)
}

const HANDLER: &str = "import machine\n\n\ndef on_edge(pin):\n    log = []\n    log.append(pin.value())\n\n\nmachine.Pin(2).irq(handler=on_edge)\n";

const LOOP: &str = "import time\n\n\ndef total(xs):\n    t = 0\n    for x in xs:\n        t += abs(x)\n    return t\n\n\nprint(total([1, -2]))\n";

#[test]
fn rustc_style_text_and_exit_status() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    common::write_tree(d, &[("mpbuild.toml", "name = \"t\"\n"), ("main.py", LOOP), ("lib/irq.py", HANDLER)]);
    let o = mpbuild(d, &["check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    // MP105 (heap allocation in an interrupt handler) is an error by default: exit status 1.
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("MP105"), "{err}");
    // rustc-style: code, message, file:line:column, the source line and the fix as help.
    assert!(err.contains("MP103") && err.contains("builtin `abs` is looked up on every iteration"), "{err}");
    assert!(err.contains("[main.py:7:14]"), "{err}");
    assert!(err.contains("t += abs(x)"), "{err}");
    assert!(err.contains("help: Alias `abs` to local `_abs` before the loop (safe fix)"), "{err}");
    assert!(err.contains("2 files checked"), "{err}");

    // [lint.severity] lowers MP105 to a warning: the check passes.
    std::fs::write(d.join("mpbuild.toml"), "name = \"t\"\n[lint.severity]\nMP105 = \"warning\"\n").unwrap();
    let o = mpbuild(d, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    // [lint] ignore removes a rule; one file can be checked alone.
    std::fs::write(d.join("mpbuild.toml"), "name = \"t\"\n[lint]\nignore = [\"MP103\"]\n").unwrap();
    let o = mpbuild(d, &["check", "main.py"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("MP103") && err.contains("1 file checked"), "{err}");
}

#[test]
fn json_lists_every_diagnostic_and_the_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    common::write_tree(d, &[("mpbuild.toml", "name = \"t\"\n"), ("main.py", LOOP), ("lib/irq.py", HANDLER)]);
    for args in [&["check", "--json"][..], &["check", "--format", "json"][..]] {
        let o = mpbuild(d, args);
        assert_eq!(o.status.code(), Some(1));
        let v = json(&o);
        assert_eq!(v["ok"], false);
        let diags = v["check"]["diagnostics"].as_array().unwrap();
        let d103 = diags.iter().find(|x| x["code"] == "MP103").unwrap();
        assert_eq!((d103["path"].as_str(), d103["line"].as_u64(), d103["column"].as_u64()), (Some("main.py"), Some(7), Some(14)));
        assert_eq!(d103["rule"], "global-lookup-in-loop");
        assert_eq!(d103["fixes"][0]["applicability"], "safe");
        // The errors again in `error.files`, the shape of build errors (for editors).
        let files = v["error"]["files"].as_array().unwrap();
        assert!(files.iter().all(|f| f["path"] == "lib/irq.py" && f["kind"] == "MP105"), "{files:?}");
        assert_eq!(v["check"]["errors"].as_u64(), Some(files.len() as u64));
    }
}

/// Compile errors are mpy-cross's, for the file's own options: a syntax error, and a viper type error under
/// `[compile.overrides]` (the per-file emitter mpbuild builds with).
#[test]
fn compile_errors_are_mpy_cross_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let viper = "def f(a):\n    x = 1\n    x = a\n    return x\n\n\nprint(f(2))\n";
    common::write_tree(
        d,
        &[
            ("mpbuild.toml", "name = \"t\"\n[target]\narch = \"x64\"\n[compile.overrides]\n\"fast.py\" = \"viper\"\n"),
            ("broken.py", "x = (1,\nprint(x\n"),
            ("fast.py", viper),
            ("ok.py", "print(1)\n"),
        ],
    );
    let o = mpbuild(d, &["check", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let diags = v["check"]["diagnostics"].as_array().unwrap();
    let compile: Vec<(&str, &str)> = diags
        .iter()
        .filter(|x| x["rule"].is_null())
        .map(|x| (x["path"].as_str().unwrap(), x["message"].as_str().unwrap()))
        .collect();
    let expected_broken = mpy_cross_error(d, "broken.py", &[]).expect("mpy-cross rejects broken.py");
    let expected_fast = mpy_cross_error(d, "fast.py", &["-march=x64", "-X", "emit=viper"]).expect("mpy-cross rejects fast.py as viper");
    assert!(mpy_cross_error(d, "fast.py", &["-march=x64"]).is_none());
    assert_eq!(compile, [("broken.py", expected_broken.as_str()), ("fast.py", expected_fast.as_str())]);
    assert_eq!(v["check"]["files"].as_array().unwrap().len(), 3);
}

/// The repository's example projects have no errors (and mpy-cross compiles every file of them).
#[test]
fn the_examples_check_without_errors() {
    let root = common::repo_root();
    for ex in ["examples/sensor", "examples/sensor-app"] {
        let dir = root.join(ex);
        let o = mpbuild(&dir, &["check", "--json"]);
        let v = json(&o);
        assert_eq!(o.status.code(), Some(0), "{ex}: {v}");
        assert_eq!(v["ok"], true);
        let files = v["check"]["files"].as_array().unwrap();
        assert!(files.len() >= 3, "{ex}: {files:?}");
        for f in files {
            assert_eq!(mpy_cross_error(&dir, f.as_str().unwrap(), &[]), None, "{ex}/{f}");
        }
    }
}
