//! Native and viper code generation against mpy-cross 1.29 (the dev loop of the native emitter).
//!
//! - `tests/corpus/native/*.py`: programs written for this project. Each starts with a line
//!   `# mpy-cross <flags>` where `ARCH` stands for the architecture; every program is compiled for each
//!   of [`TARGETS`] (`debug`, `x64`, `x86`, the Thumb targets `armv6m armv7m armv7em armv7emsp
//!   armv7emdp`, ARM `armv6`, Xtensa `xtensawin` and `xtensa`, RISC-V `rv32imc` with and without
//!   `-march-flags=zba,zcmp`) by mpy-cross and by mpyc, and must give the same bytes (for `debug` also
//!   the same trace on stdout), or the same error text, or — where mpy-cross aborts on an internal
//!   assertion — a clean error from mpyc. Programs mpy-cross accepts for x64 are then run on the real
//!   MicroPython VM (x64), once from each compiler's `.mpy`, and must print the same thing; the other
//!   targets are compared byte for byte only (there is no VM for them here).
//! - The bytecode corpus (`tests/corpus/basics`, `tests/corpus/multi`) compiled whole-module with
//!   `-X emit=native` and `-X emit=viper` for every target, same comparisons (no VM run).
//!
//! Known mismatches are listed in `tests/corpus/native/EXPECTED_FAILURES` (`<program> <setting>` per
//! line, the setting naming the target). The test fails when an unlisted case fails *or a listed one
//! passes*, so the list only shrinks; `MPY_UPDATE_EXPECTED=1` rewrites it from what was observed.
//! `MPY_NATIVE_FILTER=<substring>` restricts the programs, `MPY_NATIVE_ARCHES=armv6m,rv32imc_zba_zcmp`
//! the targets (by name); `MPY_NATIVE_NO_VM=1` skips the VM runs.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use mpy_vm::{Arch, CompileOptions, EmitOpt};

/// One architecture setting the corpora are compiled for.
struct Target {
    /// The name in `EXPECTED_FAILURES` settings and `MPY_NATIVE_ARCHES`.
    name: &'static str,
    /// The `-march=` value (replaces `ARCH` in a program's flags line).
    march: &'static str,
    /// Further mpy-cross flags for this setting (e.g. `-march-flags=zba,zcmp`).
    extra: &'static [&'static str],
}

const fn target(name: &'static str) -> Target {
    Target { name, march: name, extra: &[] }
}

/// Every setting, in report order. A new architecture (or arch-flag variant) is one more line.
const TARGETS: &[Target] = &[
    target("debug"),
    target("x64"),
    target("x86"),
    target("armv6m"),
    target("armv7m"),
    target("armv7em"),
    target("armv7emsp"),
    target("armv7emdp"),
    target("armv6"),
    target("xtensawin"),
    target("rv32imc"),
    Target { name: "rv32imc_zba_zcmp", march: "rv32imc", extra: &["-march-flags=zba,zcmp"] },
    target("xtensa"),
];

/// The targets selected by `MPY_NATIVE_ARCHES` (all when unset).
fn targets() -> Vec<&'static Target> {
    match arch_filter() {
        Some(names) => TARGETS.iter().filter(|t| names.iter().any(|n| n == t.name)).collect(),
        None => TARGETS.iter().collect(),
    }
}

fn arch_filter() -> Option<Vec<String>> {
    std::env::var("MPY_NATIVE_ARCHES")
        .ok()
        .filter(|f| !f.is_empty())
        .map(|f| f.split(',').map(|s| s.trim().to_string()).collect())
}

/// A program's flags for `t`: `ARCH` replaced, the target's extra flags appended.
fn target_flags(flags: &[String], t: &Target) -> Vec<String> {
    let mut out: Vec<String> = flags.iter().map(|f| f.replace("ARCH", t.march)).collect();
    out.extend(t.extra.iter().map(|f| f.to_string()));
    out
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn filter() -> Option<String> {
    std::env::var("MPY_NATIVE_FILTER").ok().filter(|f| !f.is_empty())
}

fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "py")).collect())
        .unwrap_or_default();
    out.sort();
    out
}

/// The `# mpy-cross <flags>` line of a native corpus program.
fn header_flags(path: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let first = text.lines().next().unwrap_or("");
    first
        .strip_prefix("# mpy-cross ")
        .map(|f| f.split_whitespace().map(str::to_string).collect())
        .ok_or_else(|| format!("{}: first line must be `# mpy-cross <flags>`", path.display()))
}

/// mpy-cross flags as our options.
fn options(flags: &[String], source_name: &str) -> Result<CompileOptions, String> {
    let mut o = CompileOptions { source_name: source_name.to_string(), ..CompileOptions::default() };
    let mut it = flags.iter();
    while let Some(f) = it.next() {
        if let Some(a) = f.strip_prefix("-march=") {
            o.arch = Some(Arch::from_name(a).ok_or_else(|| format!("unknown arch {a}"))?);
        } else if let Some(list) = f.strip_prefix("-march-flags=") {
            // The RISC-V extension names (`RV32_EXT_*`: bit0 zba, bit1 zcmp).
            for name in list.split(',') {
                o.arch_flags |= match name {
                    "zba" => 1,
                    "zcmp" => 2,
                    other => return Err(format!("unsupported arch flag {other}")),
                };
            }
        } else if f == "-X" {
            match it.next().map(String::as_str) {
                Some("emit=native") => o.emit = EmitOpt::Native,
                Some("emit=viper") => o.emit = EmitOpt::Viper,
                Some("emit=bytecode") => o.emit = EmitOpt::Bytecode,
                other => return Err(format!("unsupported -X {other:?}")),
            }
        } else if let Some(n) = f.strip_prefix("-O") {
            o.opt_level = n.parse().map_err(|_| format!("bad {f}"))?;
        } else {
            return Err(format!("unsupported flag {f}"));
        }
    }
    Ok(o)
}

/// What comparing one compilation found.
enum Outcome {
    /// Identical bytes (and trace).
    Same { mpy: Vec<u8> },
    /// Same refusal text.
    SameError,
    /// mpy-cross aborted; we gave a clean error.
    OracleCrashed,
    Differs(String),
}

/// Compiles `file` (in `dir`) with `flags` by both compilers.
fn compare(dir: &Path, file: &str, flags: &[String]) -> Outcome {
    let scratch = common::Scratch::new("native");
    let out_path = scratch.path("out.mpy");
    let mut args: Vec<String> = flags.to_vec();
    args.extend([file.to_string(), "-o".into(), out_path.to_string_lossy().into()]);
    let oracle = match Command::new(common::mpy_cross()).current_dir(dir).args(&args).output() {
        Ok(o) => o,
        Err(e) => return Outcome::Differs(format!("cannot run mpy-cross: {e}")),
    };
    let opts = match options(flags, file) {
        Ok(o) => o,
        Err(e) => return Outcome::Differs(e),
    };
    let source = match std::fs::read(dir.join(file)) {
        Ok(s) => s,
        Err(e) => return Outcome::Differs(e.to_string()),
    };
    let ours = match std::panic::catch_unwind(|| mpy_vm::compile(&source, &opts)) {
        Ok(c) => c,
        Err(_) => return Outcome::Differs("mpyc panicked".into()),
    };
    let ours_result = match (ours.module, ours.error) {
        (_, Some(e)) => Err(e),
        (Some(m), None) => Ok(mpy_vm::mpy::write(&m)),
        (None, None) => Err(mpy_vm::CompileError::internal("no module and no error")),
    };
    match oracle.status.code() {
        Some(0) => match ours_result {
            Err(e) => Outcome::Differs(format!(
                "mpyc refuses what mpy-cross compiles: {}",
                e.render(file).lines().last().unwrap_or("")
            )),
            Ok(bytes) => {
                let expected = std::fs::read(&out_path).unwrap_or_default();
                if oracle.stdout != ours.native_trace.as_bytes() {
                    Outcome::Differs(format!(
                        "-march=debug trace differs{}",
                        first_diff(&String::from_utf8_lossy(&oracle.stdout), &ours.native_trace)
                    ))
                } else if expected != bytes {
                    Outcome::Differs(format!("bytes differ ({} vs {} bytes)", expected.len(), bytes.len()))
                } else {
                    Outcome::Same { mpy: bytes }
                }
            }
        },
        Some(1) => match ours_result {
            Ok(_) => Outcome::Differs(format!(
                "mpyc compiles what mpy-cross refuses: {}",
                String::from_utf8_lossy(&oracle.stderr).trim()
            )),
            Err(e) => {
                let expected = String::from_utf8_lossy(&oracle.stderr);
                let got = e.render(file);
                if expected == got {
                    Outcome::SameError
                } else {
                    Outcome::Differs(format!("error differs: mpy-cross {:?}, mpyc {:?}", expected.trim(), got.trim()))
                }
            }
        },
        _ => match ours_result {
            Err(_) => Outcome::OracleCrashed,
            Ok(_) => Outcome::Differs("mpy-cross aborts but mpyc compiles it".into()),
        },
    }
}

/// The first differing line of two texts.
fn first_diff(a: &str, b: &str) -> String {
    let (al, bl): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let i = al.iter().zip(&bl).position(|(x, y)| x != y).unwrap_or(al.len().min(bl.len()));
    format!(" at line {}: mpy-cross {:?}, mpyc {:?}", i + 1, al.get(i), bl.get(i))
}

/// Runs `import <module>` on the real VM with `dir` on the path: (exit code, stdout, stderr).
fn run_on_vm(dir: &Path, module: &str) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let vm = repo_root().join(".venv/bin/micropython");
    let vm = if vm.is_file() { vm } else { PathBuf::from("/work/main/.venv/bin/micropython") };
    match Command::new(vm).current_dir(dir).env("MICROPYPATH", dir).args(["-c", &format!("import {module}")]).output() {
        Ok(o) => (o.status.code(), o.stdout, o.stderr),
        Err(e) => (None, Vec::new(), e.to_string().into_bytes()),
    }
}

/// Runs both `.mpy` files on the VM; `None` when they behave the same.
fn vm_compare(module: &str, ours: &[u8], theirs: &[u8]) -> Option<String> {
    let run = |bytes: &[u8]| {
        let s = common::Scratch::new("vm");
        std::fs::write(s.path(&format!("{module}.mpy")), bytes).ok()?;
        Some(run_on_vm(&s.dir, module))
    };
    let (a, b) = (run(ours)?, run(theirs)?);
    if a.1.is_empty() {
        return Some("the program printed nothing on the VM".into());
    }
    (a != b).then(|| {
        format!(
            "VM output differs: mpyc {:?} / mpy-cross {:?}",
            String::from_utf8_lossy(&a.1),
            String::from_utf8_lossy(&b.1)
        )
    })
}

/// One case: a program under one setting.
struct Case {
    /// `<program> <setting>`, the key in EXPECTED_FAILURES.
    key: String,
    dir: PathBuf,
    file: String,
    flags: Vec<String>,
    run_vm: bool,
}

fn run_cases(cases: &[Case]) -> Vec<(String, Result<&'static str, String>)> {
    let n_threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    let chunks: Vec<Vec<&Case>> = (0..n_threads).map(|t| cases.iter().skip(t).step_by(n_threads).collect()).collect();
    let no_vm = std::env::var_os("MPY_NATIVE_NO_VM").is_some();
    std::thread::scope(|sc| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                sc.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|c| {
                            let r = match compare(&c.dir, &c.file, &c.flags) {
                                Outcome::Same { mpy } => {
                                    if c.run_vm && !no_vm {
                                        let module = c.file.trim_end_matches(".py");
                                        match vm_compare(module, &mpy, &mpy_cross_bytes(c)) {
                                            None => Ok("identical, same VM output"),
                                            Some(e) => Err(e),
                                        }
                                    } else {
                                        Ok("identical")
                                    }
                                }
                                Outcome::SameError => Ok("same error"),
                                Outcome::OracleCrashed => Ok("mpy-cross aborts, clean error"),
                                Outcome::Differs(e) => Err(e),
                            };
                            (c.key.clone(), r)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// mpy-cross's `.mpy` for a case (for the VM run).
fn mpy_cross_bytes(c: &Case) -> Vec<u8> {
    let s = common::Scratch::new("vmref");
    let out = s.path("ref.mpy");
    let mut args = c.flags.clone();
    args.extend([c.file.clone(), "-o".into(), out.to_string_lossy().into()]);
    let _ = Command::new(common::mpy_cross()).current_dir(&c.dir).args(&args).output();
    std::fs::read(out).unwrap_or_default()
}

/// Checks `cases` against the ratchet entries whose key starts with one of `prefixes`.
fn enforce(what: &str, cases: &[Case], prefixes: &[String]) {
    let list_path = repo_root().join("tests/corpus/native/EXPECTED_FAILURES");
    let text = std::fs::read_to_string(&list_path).unwrap_or_default();
    let mut expected: BTreeMap<String, String> = BTreeMap::new();
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let mut parts = t.splitn(3, ' ');
        let key = format!("{} {}", parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        if prefixes.iter().any(|p| key.starts_with(p.as_str())) {
            expected.insert(key, parts.next().unwrap_or("").to_string());
        }
    }
    let results = run_cases(cases);
    let mut problems = Vec::new();
    let mut observed: BTreeMap<String, String> = BTreeMap::new();
    let mut passed = 0;
    for (key, r) in &results {
        let listed = expected.contains_key(key);
        match r {
            Ok(_) => {
                passed += 1;
                if listed {
                    problems.push(format!("{key}: passes now, remove it from EXPECTED_FAILURES"));
                }
            }
            Err(e) => {
                let reason: String = e.lines().next().unwrap_or("").chars().take(160).collect();
                observed.insert(key.clone(), reason);
                if !listed {
                    problems.push(format!("{key}: {e}"));
                }
            }
        }
    }
    let filtered = filter().is_some() || arch_filter().is_some();
    if !filtered {
        for key in expected.keys() {
            if !results.iter().any(|(k, _)| k == key) {
                problems.push(format!("{key}: listed in EXPECTED_FAILURES but no longer checked"));
            }
        }
    }
    eprintln!("{what}: {passed} of {} cases match mpy-cross", results.len());
    if std::env::var_os("MPY_UPDATE_EXPECTED").is_some() && !filtered {
        let mut out = String::from(
            "# Native/viper cases known not to match mpy-cross 1.29 yet: `<program> <setting> <reason>`.\n\
             # vm/tests/native_corpus.rs fails when a listed case passes or an unlisted one fails.\n",
        );
        // Both tests of this file rewrite the list: re-read the other test's lines now, under a lock, so
        // that neither update loses the other's when they run in parallel.
        static UPDATE: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _guard = UPDATE.lock().unwrap_or_else(|e| e.into_inner());
        let mut lines: Vec<String> = std::fs::read_to_string(&list_path)
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|t| !t.is_empty() && !t.starts_with('#'))
            .filter(|t| !prefixes.iter().any(|p| t.starts_with(p.as_str())))
            .map(str::to_string)
            .collect();
        lines.extend(observed.iter().map(|(k, r)| format!("{k} {r}")));
        lines.sort();
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
        std::fs::write(&list_path, out).expect("write EXPECTED_FAILURES");
        return;
    }
    if !problems.is_empty() {
        panic!("{what}: {} problem(s):\n{}", problems.len(), problems.join("\n"));
    }
}

#[test]
fn native_corpus_matches_mpy_cross_and_runs() {
    let dir = repo_root().join("tests/corpus/native");
    let mut cases = Vec::new();
    for path in py_files(&dir) {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        if filter().is_some_and(|f| !file.contains(&f)) {
            continue;
        }
        let flags = header_flags(&path).unwrap_or_else(|e| panic!("{e}"));
        for t in targets() {
            cases.push(Case {
                key: format!("native/{file} {}", t.name),
                dir: dir.clone(),
                file: file.clone(),
                flags: target_flags(&flags, t),
                run_vm: t.name == "x64",
            });
        }
    }
    assert!(
        filter().is_some() || cases.len() >= targets().len() * 200,
        "the native corpus must hold at least 200 programs"
    );
    enforce("tests/corpus/native", &cases, &["native/".to_string()]);
}

#[test]
fn bytecode_corpus_under_emit_native_and_viper() {
    let root = repo_root().join("tests/corpus");
    let mut dirs = vec![root.join("basics")];
    if let Ok(rd) = std::fs::read_dir(root.join("multi")) {
        let mut m: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
        m.sort();
        dirs.extend(m);
    }
    let mut cases = Vec::new();
    for dir in dirs {
        for path in py_files(&dir) {
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            let rel = path.strip_prefix(&root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            if filter().is_some_and(|f| !rel.contains(&f)) {
                continue;
            }
            for emit in ["native", "viper"] {
                for t in targets() {
                    let flags = ["-march=ARCH".to_string(), "-X".into(), format!("emit={emit}")];
                    cases.push(Case {
                        key: format!("{rel} emit={emit},{}", t.name),
                        dir: dir.clone(),
                        file: file.clone(),
                        flags: target_flags(&flags, t),
                        run_vm: false,
                    });
                }
            }
        }
    }
    enforce("bytecode corpus under -X emit=native/viper", &cases, &["basics/".into(), "multi/".into()]);
}
