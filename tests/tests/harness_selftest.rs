//! Tests of the test harness itself (not of the compiler): each check must catch what it exists to catch.
//! The programs are in `tests/harness-selftest/`; fake `mpyc` binaries are shell scripts around mpy-cross.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mpy_tests::corpus::{check_program, Program};
use mpy_tests::diff::mpy_diff;
use mpy_tests::expected::{check, ExpectedFailures, Verdict};
use mpy_tests::opcodes::{emittable, key_of, opcodes_of_fun_data};
use mpy_tests::oracles::oracles;
use mpy_tests::repo_root;

fn selftest(name: &str) -> Program {
    let dir = repo_root().join("tests/harness-selftest");
    Program::new(&dir.join(name), &dir)
}

/// Writes an executable shell script `name` holding `body` into `dir`.
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

#[test]
fn a_binary_that_is_mpy_cross_passes_the_cli_check() {
    let tmp = tempfile::tempdir().unwrap();
    let fake = script(tmp.path(), "mpyc", &format!("exec {} \"$@\"", quote(&oracles().mpy_cross)));
    let r = check_program(&selftest("hello.py"), &fake);
    assert!(r.corpus_error.is_none(), "{:?}", r.corpus_error);
    assert_eq!(r.reference.len(), 4);
    assert!(
        !r.failures.iter().any(|f| f.summary.starts_with("mpyc binary") || f.summary.contains("behaves")),
        "{}",
        r.details()
    );
}

#[test]
fn a_binary_writing_another_program_is_caught_by_bytes_and_by_the_vm() {
    let tmp = tempfile::tempdir().unwrap();
    let other = repo_root().join("tests/harness-selftest/other.py");
    // The corpus passes `-O0 -s NAME SOURCE -o OUT`; compile other.py in place of SOURCE.
    let fake = script(
        tmp.path(),
        "mpyc",
        &format!("exec {} \"$1\" \"$2\" \"$3\" {} \"$5\" \"$6\"", quote(&oracles().mpy_cross), quote(&other)),
    );
    let r = check_program(&selftest("hello.py"), &fake);
    assert!(r.corpus_error.is_none(), "{:?}", r.corpus_error);
    let summaries: Vec<&str> = r.failures.iter().map(|f| f.summary.as_str()).collect();
    assert!(summaries.contains(&"mpyc binary -O0 -s: bytes differ from mpy-cross"), "{summaries:?}");
    assert!(summaries.contains(&"mpyc's .mpy behaves differently from the source on the VM"), "{summaries:?}");
    let details = r.details();
    assert!(details.contains("tests/harness-selftest/hello.py"), "the report names the program:\n{details}");
    assert!(details.contains("-hello, world!") || details.contains("-hello, world"), "the VM diff shows the output:\n{details}");
}

#[test]
fn a_failing_binary_is_caught() {
    let tmp = tempfile::tempdir().unwrap();
    let fake = script(tmp.path(), "mpyc", "echo 'SyntaxError: nope' >&2; exit 1");
    let r = check_program(&selftest("hello.py"), &fake);
    assert!(r.failures.iter().any(|f| f.summary == "mpyc binary -O0 -s: exit 1: SyntaxError: nope"), "{}", r.details());
}

#[test]
fn unstable_and_refused_programs_are_corpus_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let fake = script(tmp.path(), "mpyc", &format!("exec {} \"$@\"", quote(&oracles().mpy_cross)));
    let unstable = check_program(&selftest("unstable.py"), &fake);
    let e = unstable.corpus_error.expect("printing __file__ differs between .py and .mpy");
    assert!(e.contains("not a stable test") && e.contains("m_unstable.py"), "{e}");
    let refused = check_program(&selftest("refused.py"), &fake);
    let e = refused.corpus_error.expect("mpy-cross refuses it");
    assert!(e.contains("IndentationError"), "{e}");
}

#[test]
fn mpy_diff_names_the_first_differing_byte() {
    let a = b"M\x06\x00\x1f\x05\x00abcdefghijklmnopqrstuvwxyz".to_vec();
    let mut b = a.clone();
    b[20] ^= 1;
    let d = mpy_diff(&a, &b, 40);
    assert!(d.contains("first difference at byte 0x14"), "{d}");
    assert!(d.contains("-000010:") && d.contains("+000010:"), "{d}");
}

#[test]
fn the_ratchet_rejects_new_failures_new_passes_and_stale_entries() {
    let list = ExpectedFailures::parse("# comment\ntests/corpus/a.py known\ntests/corpus/b.py known\ntests/corpus/gone.py x\n");
    let verdicts = vec![
        Verdict { path: "tests/corpus/a.py".into(), failure: Some("still broken".into()) },
        Verdict { path: "tests/corpus/b.py".into(), failure: None },
        Verdict { path: "tests/corpus/c.py".into(), failure: Some("new".into()) },
        Verdict { path: "tests/corpus/d.py".into(), failure: None },
    ];
    let out = check(&list, "tests/corpus/", &verdicts);
    assert_eq!((out.passed, out.expected_failures), (1, 1));
    let v = out.violations.join("\n");
    assert_eq!(out.violations.len(), 3, "{v}");
    assert!(v.contains("tests/corpus/b.py: passes now"), "{v}");
    assert!(v.contains("tests/corpus/c.py: FAILS and is not an expected failure: new"), "{v}");
    assert!(v.contains("tests/corpus/gone.py: listed"), "{v}");
    // Entries of other tests are not this test's business.
    let other = ExpectedFailures::parse("tests/refusals/x.py r\n");
    assert!(check(&other, "tests/corpus/", &verdicts[1..2]).violations.is_empty());
    assert_eq!(ExpectedFailures::parse(&list.render()), list);
}

#[test]
fn the_opcode_walker_decodes_the_fact_sheet_example() {
    // `x = 1 + 2; print("hi", x)` as mpy-cross 1.29 writes the module's fun_data.
    let fun_data = [0x10, 0x04, 0x01, 0x23, 0x83, 0x16, 0x03, 0x11, 0x04, 0x10, 0x02, 0x11, 0x03, 0x34, 0x02, 0x59, 0x51, 0x63];
    assert_eq!(opcodes_of_fun_data(&fun_data).unwrap(), vec![0x83, 0x16, 0x11, 0x10, 0x11, 0x34, 0x59, 0x51, 0x63]);
    // A two-byte jump and the extra byte of UNWIND_JUMP.
    let code = [0x00, 0x00, 0x42, 0x80, 0x01, 0x40, 0x10, 0x02, 0x63];
    assert_eq!(opcodes_of_fun_data(&code).unwrap(), vec![0x42, 0x40, 0x63]);
    assert!(opcodes_of_fun_data(&[0x00, 0x00, 0x01]).is_err(), "0x01 is reserved");
    assert!(opcodes_of_fun_data(&[0x00, 0x00, 0x23]).is_err(), "a truncated operand");
}

#[test]
fn the_emittable_list_is_bc0_h() {
    let keys = emittable();
    // 72 single opcodes + 3 multi-opcode families + 4 unary + 35 binary operators.
    assert_eq!(keys.len(), 114, "{keys:?}");
    let unique: std::collections::BTreeSet<_> = keys.iter().collect();
    assert_eq!(unique.len(), keys.len());
    assert_eq!(key_of(0xd7).as_deref(), Some("BINARY_OP LESS"));
    assert_eq!(key_of(0xf9).as_deref(), Some("BINARY_OP POWER"));
    assert_eq!(key_of(0xd3).as_deref(), Some("UNARY_OP NOT"));
    assert_eq!(key_of(0xd4), None);
    assert_eq!(key_of(0x69).as_deref(), Some("IMPORT_STAR"));
    let (missing, text) = mpy_tests::opcodes::coverage(&BTreeMap::from([("JUMP".to_string(), 3)]));
    assert_eq!(missing.len(), 113);
    assert!(text.contains("1/114"), "{text}");
}

#[test]
fn crashes_hangs_and_memory_hogs_are_caught() {
    use mpy_tests::process::{crash_problems, run_measured};
    use std::time::Duration;
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        ("clean", "echo 'SyntaxError: x' >&2; exit 1", None),
        ("panic", "echo 'thread main panicked at x' >&2; exit 101", Some("panicked")),
        ("segv", "kill -SEGV $$", Some("signal 11")),
        ("hang", "sleep 30", Some("timed out")),
        ("silent", "exit 1", Some("nothing on stderr")),
        ("hog", "exec python3 -c 'b = bytearray(300 * 1024 * 1024); b[::4096] = b\"x\" * len(b[::4096])'", Some("peak RSS")),
    ];
    for (name, body, expected) in cases {
        let s = script(tmp.path(), name, body);
        let o = run_measured(&s, &[], tmp.path(), Duration::from_secs(2), 4096).unwrap();
        let problems = crash_problems(&o, 200).join("\n");
        match expected {
            None => assert!(problems.is_empty(), "{name}: {problems}"),
            Some(e) => assert!(problems.contains(e), "{name}: expected {e:?} in {problems:?} ({o:?})"),
        }
    }
}
