//! The corpus check of one program: mpyc against mpy-cross byte for byte, and the result run on the real VM.
//!
//! For a program `tests/corpus/<category>/<stem>.py` the check:
//! 1. compiles it with mpy-cross in the four [`COMBOS`] (`-O0`/`-O3`, with and without `-s`); a refusal
//!    here is a broken corpus program, not a compiler failure;
//! 2. compiles it with `mpy_vm::compile_to_mpy` in the same four combos and compares the bytes;
//! 3. compiles it once with the `mpyc` binary (`-s m_<stem>.py`, the `-O0` named combo) and compares;
//! 4. on the VM, imports the source `m_<stem>.py` and mpy-cross's `m_<stem>.mpy` from temporary directories
//!    and compares stdout, stderr and exit status (a difference means the program is not a stable test);
//! 5. imports mpyc's `.mpy` the same way when its bytes differ from mpy-cross's (identical bytes behave
//!    identically), and compares it with the source run.
//!
//! Both runs import the module (rather than running it as `__main__`) so that `__name__` and the traceback
//! frames are the same for the source and the `.mpy`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use mpy_vm::CompileOptions;

use crate::diff::{mpy_diff, text_diff};
use crate::oracles::oracles;
use crate::process::run;
use crate::vm::{import_in, Behaviour};
use crate::{catch_panic, rel_path, repo_root};

/// How long one mpy-cross or mpyc compile may take.
pub const COMPILE_TIMEOUT: Duration = Duration::from_secs(30);

/// Diff lines shown per mismatch.
pub const DIFF_LINES: usize = 80;

/// One compiler configuration the corpus is checked in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Combo {
    pub opt: u8,
    /// `-s <module>.py` when true; otherwise the source name is the repo-relative path as passed.
    pub named: bool,
}

pub const COMBOS: [Combo; 4] = [
    Combo { opt: 0, named: false },
    Combo { opt: 0, named: true },
    Combo { opt: 3, named: false },
    Combo { opt: 3, named: true },
];

/// The combo whose output is run on the VM and compiled through the `mpyc` binary.
pub const RUN_COMBO: usize = 1;

impl Combo {
    pub fn label(&self) -> String {
        if self.named {
            format!("-O{} -s", self.opt)
        } else {
            format!("-O{}", self.opt)
        }
    }
}

/// A corpus program and the names it is compiled and run under.
#[derive(Clone, Debug)]
pub struct Program {
    pub path: PathBuf,
    /// Repo-relative path, as reported and as listed in EXPECTED_FAILURES.
    pub rel: String,
    /// The folder under the corpus root (`basics`, ...), or `.` for files at the top.
    pub category: String,
    /// The module name it is imported as on the VM: `m_` + its stem, so it can't shadow a built-in module.
    pub module: String,
}

impl Program {
    pub fn new(path: &Path, root: &Path) -> Self {
        let rel = rel_path(path);
        let under = path.strip_prefix(root).unwrap_or(path);
        let category = match under.parent() {
            Some(p) if !p.as_os_str().is_empty() => {
                p.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
            }
            _ => ".".to_string(),
        };
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let module = format!("m_{}", stem.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect::<String>());
        Program { path: path.to_path_buf(), rel, category, module }
    }

    /// The source name compiled into the `.mpy` for `combo`.
    pub fn source_name(&self, combo: Combo) -> String {
        if combo.named {
            format!("{}.py", self.module)
        } else {
            self.rel.clone()
        }
    }

    /// mpy-cross's / mpyc's command-line arguments for `combo`, writing to `out`.
    pub fn args(&self, combo: Combo, out: &Path) -> Vec<std::ffi::OsString> {
        let mut args: Vec<std::ffi::OsString> = vec![format!("-O{}", combo.opt).into()];
        if combo.named {
            args.push("-s".into());
            args.push(self.source_name(combo).into());
        }
        args.push(self.rel.clone().into());
        args.push("-o".into());
        args.push(out.as_os_str().to_owned());
        args
    }
}

/// The corpus programs under `root`, optionally only those whose path contains `filter`.
pub fn discover(root: &Path, filter: Option<&str>) -> Vec<Program> {
    crate::files_with_ext(root, ".py")
        .iter()
        .map(|p| Program::new(p, root))
        .filter(|p| filter.is_none_or(|f| p.rel.contains(f)))
        .collect()
}

/// One way mpyc got a program wrong.
#[derive(Clone, Debug)]
pub struct Failure {
    /// One line (it becomes the reason in EXPECTED_FAILURES).
    pub summary: String,
    /// The readable evidence: a diff, stderr.
    pub detail: String,
}

/// Everything the corpus check found for one program.
#[derive(Clone, Debug)]
pub struct ProgramResult {
    pub program: Program,
    /// Set when the program itself is unusable as a test (mpy-cross refuses it, or its mpy-cross `.mpy`
    /// behaves differently from its source): always a failure, whatever EXPECTED_FAILURES says.
    pub corpus_error: Option<String>,
    pub failures: Vec<Failure>,
    /// mpy-cross's outputs, one per combo (for opcode coverage).
    pub reference: Vec<Vec<u8>>,
}

impl ProgramResult {
    /// The one-line reason this program fails, or `None` when it passes.
    pub fn reason(&self) -> Option<String> {
        let first = self.failures.first()?;
        let more = self.failures.len() - 1;
        Some(if more > 0 { format!("{} (+{more} more)", first.summary) } else { first.summary.clone() })
    }

    /// The whole report of this program's failures, for the test's failure message.
    pub fn details(&self) -> String {
        let mut s = String::new();
        for f in &self.failures {
            s.push_str(&format!("== {}: {}\n{}\n", self.program.rel, f.summary, f.detail.trim_end()));
        }
        s
    }
}

fn first_line(s: &str) -> String {
    s.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string()
}

/// The last non-empty line of a compiler's stderr (the `Type: message` line of a traceback).
pub fn error_line(stderr: &str) -> String {
    stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string()
}

/// Compiles `source` with the library for `combo` (catching panics).
pub fn compile_lib(source: &[u8], source_name: &str, opt: u8) -> Result<Result<Vec<u8>, mpy_vm::CompileError>, String> {
    let opts = CompileOptions { source_name: source_name.to_string(), opt_level: opt, ..CompileOptions::default() };
    catch_panic(|| mpy_vm::compile_to_mpy(source, &opts))
}

/// Runs mpy-cross with `args` from the repository root.
pub fn run_mpy_cross(args: &[std::ffi::OsString]) -> std::io::Result<crate::process::Outcome> {
    let mut cmd = std::process::Command::new(&oracles().mpy_cross);
    cmd.args(args).current_dir(repo_root());
    run(cmd, COMPILE_TIMEOUT)
}

/// Checks one program end to end (see the module doc). `mpyc` is the binary under test.
pub fn check_program(program: &Program, mpyc: &Path) -> ProgramResult {
    let mut result = ProgramResult { program: program.clone(), corpus_error: None, failures: Vec::new(), reference: Vec::new() };
    let tmp = match tempfile::tempdir() {
        Ok(t) => t,
        Err(e) => {
            result.corpus_error = Some(format!("can't make a temporary directory: {e}"));
            return result;
        }
    };
    let source = match std::fs::read(&program.path) {
        Ok(s) => s,
        Err(e) => {
            result.corpus_error = Some(format!("can't read: {e}"));
            return result;
        }
    };

    // 1. The reference bytes.
    for (i, combo) in COMBOS.iter().enumerate() {
        let out = tmp.path().join(format!("ref{i}.mpy"));
        let outcome = run_mpy_cross(&program.args(*combo, &out));
        match outcome {
            Ok(o) if o.code == Some(0) => match std::fs::read(&out) {
                Ok(bytes) => result.reference.push(bytes),
                Err(e) => {
                    result.corpus_error = Some(format!("mpy-cross {} wrote no output: {e}", combo.label()));
                    return result;
                }
            },
            Ok(o) => {
                result.corpus_error = Some(format!(
                    "mpy-cross {} refuses this corpus program ({}): {}\n(a program mpy-cross refuses belongs in tests/refusals/)",
                    combo.label(),
                    o.status_text(),
                    o.stderr_str().trim_end()
                ));
                return result;
            }
            Err(e) => {
                result.corpus_error = Some(format!("can't run mpy-cross: {e}"));
                return result;
            }
        }
    }

    // 2. The library, in every combo.
    for (combo, reference) in COMBOS.iter().zip(&result.reference) {
        match compile_lib(&source, &program.source_name(*combo), combo.opt) {
            Err(panic) => result.failures.push(Failure {
                summary: format!("{}: mpy_vm panicked: {}", combo.label(), first_line(&panic)),
                detail: panic,
            }),
            Ok(Err(e)) => result.failures.push(Failure {
                summary: format!("{}: mpyc refuses it: {e}", combo.label()),
                detail: e.render(&program.source_name(*combo)),
            }),
            Ok(Ok(bytes)) if &bytes != reference => result.failures.push(Failure {
                summary: format!("{}: bytes differ from mpy-cross", combo.label()),
                detail: mpy_diff(reference, &bytes, DIFF_LINES),
            }),
            Ok(Ok(_)) => {}
        }
    }

    // 3. The command line, in the combo that is run.
    let run_combo = COMBOS[RUN_COMBO];
    let reference = result.reference[RUN_COMBO].clone();
    let cli_out = tmp.path().join("cli.mpy");
    let mut cli_bytes = None;
    let mut cmd = std::process::Command::new(mpyc);
    cmd.args(program.args(run_combo, &cli_out)).current_dir(repo_root());
    match run(cmd, COMPILE_TIMEOUT) {
        Ok(o) if o.code == Some(0) => match std::fs::read(&cli_out) {
            Ok(bytes) => {
                if bytes != reference {
                    result.failures.push(Failure {
                        summary: format!("mpyc binary {}: bytes differ from mpy-cross", run_combo.label()),
                        detail: mpy_diff(&reference, &bytes, DIFF_LINES),
                    });
                }
                cli_bytes = Some(bytes);
            }
            Err(e) => result.failures.push(Failure {
                summary: format!("mpyc binary {}: exit 0 but no output file", run_combo.label()),
                detail: e.to_string(),
            }),
        },
        Ok(o) => result.failures.push(Failure {
            summary: format!("mpyc binary {}: {}: {}", run_combo.label(), o.status_text(), error_line(&o.stderr_str())),
            detail: o.stderr_str(),
        }),
        Err(e) => result.failures.push(Failure { summary: format!("can't run mpyc: {e}"), detail: String::new() }),
    }

    // 4. The source and mpy-cross's .mpy on the VM.
    let module = &program.module;
    let stage = |dir: &str, file: String, bytes: &[u8]| -> std::io::Result<PathBuf> {
        let d = tmp.path().join(dir);
        std::fs::create_dir_all(&d)?;
        std::fs::write(d.join(file), bytes)?;
        Ok(d)
    };
    let behave = |dir: std::io::Result<PathBuf>| -> Result<Behaviour, String> {
        let dir = dir.map_err(|e| e.to_string())?;
        let o = import_in(&dir, module).map_err(|e| format!("can't run the VM: {e}"))?;
        if o.timed_out {
            return Err(format!("the VM {}", o.status_text()));
        }
        Ok(Behaviour::from_outcome(&o))
    };
    let from_source = behave(stage("src", format!("{module}.py"), &source));
    let from_ref = behave(stage("ref", format!("{module}.mpy"), &reference));
    let source_behaviour = match (from_source, from_ref) {
        (Ok(s), Ok(r)) if s == r => s,
        (Ok(s), Ok(r)) => {
            result.corpus_error = Some(format!(
                "the program behaves differently from its source when mpy-cross's .mpy is imported: it is not a \
                 stable test (nondeterministic output, __file__, ...); fix the program\n{}",
                text_diff(&s.render(), &r.render(), "source", "mpy-cross .mpy", DIFF_LINES)
            ));
            return result;
        }
        (Err(e), _) | (_, Err(e)) => {
            result.corpus_error = Some(format!("running the program on the VM failed: {e}"));
            return result;
        }
    };

    // 5. mpyc's .mpy on the VM, when its bytes are not mpy-cross's.
    if let Some(bytes) = cli_bytes.filter(|b| *b != reference) {
        match behave(stage("mpyc", format!("{module}.mpy"), &bytes)) {
            Ok(b) if b == source_behaviour => {}
            Ok(b) => result.failures.push(Failure {
                summary: "mpyc's .mpy behaves differently from the source on the VM".into(),
                detail: text_diff(&source_behaviour.render(), &b.render(), "source", "mpyc .mpy", DIFF_LINES),
            }),
            Err(e) => result.failures.push(Failure { summary: format!("mpyc's .mpy on the VM: {e}"), detail: String::new() }),
        }
    }
    result
}
