//! One compile checked against mpy-cross: same bytes when mpy-cross succeeds, same stderr and exit code
//! when it refuses. Used by the refusal, PyPI and command-line tests.

use std::ffi::OsString;
use std::path::Path;

use crate::corpus::{compile_lib, error_line, Failure, COMPILE_TIMEOUT, DIFF_LINES};
use crate::diff::{mpy_diff, text_diff};
use crate::oracles::oracles;
use crate::process::{run, Outcome};

/// What a compiler did with one input: exit code, stderr, and the output file's bytes when it wrote one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compiled {
    pub status: String,
    pub code: Option<i32>,
    pub stderr: String,
    pub bytes: Option<Vec<u8>>,
}

impl Compiled {
    fn from(o: &Outcome, out: &Path) -> Self {
        Compiled {
            status: o.status_text(),
            code: o.code,
            stderr: o.stderr_str(),
            bytes: if o.code == Some(0) { std::fs::read(out).ok() } else { None },
        }
    }

    pub fn refused(&self) -> bool {
        self.code != Some(0)
    }
}

/// Runs `program args..` in `cwd`; `out` is the file the arguments name with `-o` (deleted first).
pub fn run_compiler(program: &Path, args: &[OsString], cwd: &Path, out: &Path) -> std::io::Result<Compiled> {
    let _ = std::fs::remove_file(out);
    let mut cmd = std::process::Command::new(program);
    cmd.args(args).current_dir(cwd);
    let o = run(cmd, COMPILE_TIMEOUT)?;
    Ok(Compiled::from(&o, out))
}

/// Runs the real mpy-cross.
pub fn run_mpy_cross(args: &[OsString], cwd: &Path, out: &Path) -> std::io::Result<Compiled> {
    run_compiler(&oracles().mpy_cross, args, cwd, out)
}

/// Compares what mpyc's binary did with what mpy-cross did: the exit code, stderr and output bytes.
pub fn cli_failure(label: &str, reference: &Compiled, actual: &Compiled) -> Option<Failure> {
    if reference.code != actual.code {
        return Some(Failure {
            summary: format!(
                "{label}: mpy-cross {}, mpyc {}: {}",
                reference.status,
                actual.status,
                error_line(&actual.stderr)
            ),
            detail: text_diff(&reference.stderr, &actual.stderr, "mpy-cross stderr", "mpyc stderr", DIFF_LINES),
        });
    }
    if reference.stderr != actual.stderr {
        return Some(Failure {
            summary: format!("{label}: stderr differs: {}", error_line(&actual.stderr)),
            detail: text_diff(&reference.stderr, &actual.stderr, "mpy-cross stderr", "mpyc stderr", DIFF_LINES),
        });
    }
    match (&reference.bytes, &actual.bytes) {
        (Some(r), Some(a)) if r != a => Some(Failure {
            summary: format!("{label}: bytes differ from mpy-cross"),
            detail: mpy_diff(r, a, DIFF_LINES),
        }),
        (Some(_), None) => Some(Failure { summary: format!("{label}: mpyc wrote no output file"), detail: String::new() }),
        _ => None,
    }
}

/// Compiles with the library and compares with mpy-cross's result for the same source name and `-O` level:
/// the same bytes, or an error whose rendering is mpy-cross's stderr.
pub fn lib_failure(label: &str, reference: &Compiled, source: &[u8], source_name: &str, opt: u8) -> Option<Failure> {
    match (compile_lib(source, source_name, source_name, opt), &reference.bytes) {
        (Err(panic), _) => Some(Failure {
            summary: format!("{label}: mpy_vm panicked: {}", panic.lines().next().unwrap_or("")),
            detail: panic,
        }),
        (Ok(Ok(bytes)), Some(r)) if &bytes != r => Some(Failure {
            summary: format!("{label}: bytes differ from mpy-cross"),
            detail: mpy_diff(r, &bytes, DIFF_LINES),
        }),
        (Ok(Ok(_)), Some(_)) => None,
        (Ok(Ok(_)), None) => Some(Failure {
            summary: format!("{label}: mpyc compiles what mpy-cross refuses: {}", error_line(&reference.stderr)),
            detail: reference.stderr.clone(),
        }),
        (Ok(Err(e)), Some(_)) => Some(Failure {
            summary: format!("{label}: mpyc refuses what mpy-cross compiles: {e}"),
            detail: e.render(source_name),
        }),
        (Ok(Err(e)), None) => {
            let text = e.render(source_name);
            (text != reference.stderr).then(|| Failure {
                summary: format!("{label}: error differs: mpyc says {}", error_line(&text)),
                detail: text_diff(&reference.stderr, &text, "mpy-cross stderr", "mpyc error", DIFF_LINES),
            })
        }
    }
}
