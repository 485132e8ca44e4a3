//! The CLI's stdout when the reader goes away (`mpbuild boards | head -1`): a closed pipe ends the command
//! quietly with success, never a panic, on every path that prints (text lines, JSON, completion scripts,
//! verbose listings, and a verb that prints with `println!`, caught by the safety net).

mod common;

use std::process::{Command, Stdio};

/// Runs `mpbuild args` with stdout a pipe whose reading end is already closed, so its first write fails
/// with EPIPE. Returns (exit code, stderr).
fn with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("create a pipe");
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_mpbuild"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run mpbuild");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn closed_stdout_pipe_exits_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tree(tmp.path(), &[("a.py", "x = 1\n"), ("b/c.py", "y = 2\n"), ("main.py", "def f():\n    return sum(range(100))\nprint(f())\n")]);
    let project = tmp.path().to_str().unwrap();
    let entry = tmp.path().join("main.py");
    let vm = common::micropython();
    let cases: [&[&str]; 7] = [
        &["boards"],
        &["boards", "RPI_PICO"],
        &["--json", "boards"],
        &["completions", "bash"],
        &["-v", "--no-cache", "build", project],
        &["--json", "--no-cache", "build", project],
        &["profile", "--local", "--no-store", "--micropython", vm.to_str().unwrap(), entry.to_str().unwrap()],
    ];
    for args in cases {
        let (code, stderr) = with_closed_stdout(args);
        assert!(!stderr.contains("panicked"), "mpbuild {args:?} panicked on a closed pipe:\n{stderr}");
        assert_eq!(code, Some(0), "mpbuild {args:?} on a closed pipe: exit {code:?}\n{stderr}");
        assert!(stderr.is_empty(), "mpbuild {args:?} printed on stderr:\n{stderr}");
    }
    // The same commands with a reader print what the pipe would have carried.
    let out = Command::new(env!("CARGO_BIN_EXE_mpbuild")).arg("boards").output().unwrap();
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("RPI_PICO"));

    // The shell form of the issue: only the first line arrives, and the pipeline succeeds.
    let sh = format!("set -o pipefail; '{}' boards | head -1", env!("CARGO_BIN_EXE_mpbuild"));
    let out = Command::new("bash").arg("-c").arg(sh).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn a_failing_command_stays_a_failure_on_a_closed_pipe() {
    let (code, stderr) = with_closed_stdout(&["--json", "boards", "NOPE"]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(1));
}
