//! The corpus check of one program: mpyc against mpy-cross byte for byte, and the result run on the real VM.
//!
//! For a program `tests/corpus/<category>/<stem>.py` the check:
//! 1. compiles it with mpy-cross in the four [`COMBOS`] (`-O0`/`-O3`, with and without `-s`); a refusal
//!    here is a broken corpus program, not a compiler failure;
//! 2. compiles it with `mpy_vm::compile_to_mpy` in the same four combos and compares the bytes;
//! 3. compiles it once with the `mpyc` binary (`-O0 -s m_<stem>.py`) and compares;
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

/// One source file of a program.
#[derive(Clone, Debug)]
pub struct Module {
    pub path: PathBuf,
    /// Repo-relative path: the source name when compiled without `-s`.
    pub rel: String,
    /// Its path inside the program as run on the VM (`m_<stem>.py`, or `pkg/util.py` in a multi-module
    /// program): the source name given with `-s`.
    pub name: String,
}

/// A corpus program: one file, or a directory holding `main.py` and the modules it imports.
#[derive(Clone, Debug)]
pub struct Program {
    /// Repo-relative path of the file or directory, as reported and as listed in EXPECTED_FAILURES.
    pub rel: String,
    /// The first folder under the corpus root (`basics`, ...), or `.` for files at the top.
    pub category: String,
    pub modules: Vec<Module>,
    /// The module imported on the VM: `m_` + the file's stem (so it can't shadow a built-in module), or
    /// `main` for a multi-module program.
    pub run_module: String,
}

fn category_of(path: &Path, root: &Path) -> String {
    let under = path.strip_prefix(root).unwrap_or(path);
    let mut comps = under.components();
    match (comps.next(), comps.next()) {
        (Some(first), Some(_)) => first.as_os_str().to_string_lossy().into_owned(),
        _ => ".".to_string(),
    }
}

impl Program {
    /// A single-file program.
    pub fn new(path: &Path, root: &Path) -> Self {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let run_module = format!(
            "m_{}",
            stem.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect::<String>()
        );
        let rel = rel_path(path);
        Program {
            category: category_of(path, root),
            modules: vec![Module { path: path.to_path_buf(), rel: rel.clone(), name: format!("{run_module}.py") }],
            rel,
            run_module,
        }
    }

    /// A multi-module program: every `.py` under `dir`, run by importing `main`.
    pub fn multi(dir: &Path, root: &Path) -> Self {
        let modules = crate::files_with_ext(dir, ".py")
            .into_iter()
            .map(|p| {
                let name = p.strip_prefix(dir).unwrap_or(&p).to_string_lossy().replace('\\', "/");
                Module { rel: rel_path(&p), path: p, name }
            })
            .collect();
        Program { rel: rel_path(dir), category: category_of(dir, root), modules, run_module: "main".into() }
    }
}

impl Module {
    /// The source name compiled into the `.mpy` for `combo`.
    pub fn source_name(&self, combo: Combo) -> String {
        if combo.named {
            self.name.clone()
        } else {
            self.rel.clone()
        }
    }

    /// mpy-cross's / mpyc's command-line arguments for `combo` (run from the repo root), writing to `out`.
    pub fn args(&self, combo: Combo, out: &Path) -> Vec<std::ffi::OsString> {
        let mut args: Vec<std::ffi::OsString> = vec![format!("-O{}", combo.opt).into()];
        if combo.named {
            args.push("-s".into());
            args.push(self.name.clone().into());
        }
        args.push(self.rel.clone().into());
        args.push("-o".into());
        args.push(out.as_os_str().to_owned());
        args
    }

    /// Where it goes inside a staged program directory, as source (`.py`) or compiled (`.mpy`).
    fn staged(&self, compiled: bool) -> String {
        if compiled {
            format!("{}.mpy", self.name.trim_end_matches(".py"))
        } else {
            self.name.clone()
        }
    }
}

/// The corpus programs under `root`, optionally only those whose path contains `filter`.
///
/// A directory below the root holding `main.py` is one multi-module program; every other `.py` is a
/// program of its own. `tools/` folders and files directly in the root are not programs.
pub fn discover(root: &Path, filter: Option<&str>) -> Vec<Program> {
    let mut programs = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if dir != root && dir.join("main.py").is_file() {
            programs.push(Program::multi(&dir, root));
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                // `native/` and `inline_asm/` hold programs with their own `-march` flags and tests
                // (vm/tests/native_corpus.rs, vm/tests/inline_asm_corpus.rs).
                if name != "tools" && name != "native" && name != "inline_asm" {
                    stack.push(path);
                }
            } else if dir != root && name.ends_with(".py") {
                programs.push(Program::new(&path, root));
            }
        }
    }
    programs.retain(|p| filter.is_none_or(|f| p.rel.contains(f)));
    programs.sort_by(|a, b| a.rel.cmp(&b.rel));
    programs
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
    /// mpy-cross's outputs, every module in every combo (for opcode coverage).
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

/// Compiles `source` with the library (catching panics), as mpy-cross given the file `input_name` and the
/// source name `source_name` (both are qstrs before parsing).
pub fn compile_lib(
    source: &[u8],
    source_name: &str,
    input_name: &str,
    opt: u8,
) -> Result<Result<Vec<u8>, mpy_vm::CompileError>, String> {
    let opts = CompileOptions {
        source_name: source_name.to_string(),
        input_name: Some(input_name.to_string()),
        opt_level: opt,
        ..CompileOptions::default()
    };
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
    match check_into(program, mpyc, &mut result) {
        Ok(()) => {}
        Err(e) => result.corpus_error = Some(e),
    }
    result
}

/// A label naming the module only in multi-module programs.
fn label(program: &Program, module: &Module, what: &str) -> String {
    if program.modules.len() > 1 {
        format!("{} {what}", module.name)
    } else {
        what.to_string()
    }
}

/// Writes each module's file (source, or `.mpy` bytes from `compiled`) into `dir`, as the VM will import them.
fn stage(dir: &Path, program: &Program, compiled: Option<&[Vec<u8>]>) -> std::io::Result<()> {
    for (i, m) in program.modules.iter().enumerate() {
        let target = dir.join(m.staged(compiled.is_some()));
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        match compiled {
            Some(bytes) => std::fs::write(target, &bytes[i])?,
            None => {
                std::fs::copy(&m.path, target)?;
            }
        }
    }
    Ok(())
}

/// Imports the program's run module from a staged directory.
fn behaviour(dir: &Path, program: &Program) -> Result<Behaviour, String> {
    let o = import_in(dir, &program.run_module).map_err(|e| format!("can't run the VM: {e}"))?;
    if o.timed_out {
        return Err(format!("the VM {}", o.status_text()));
    }
    Ok(Behaviour::from_outcome(&o))
}

/// The body of [`check_program`]: `Err` is a corpus error (the program is unusable as a test).
fn check_into(program: &Program, mpyc: &Path, result: &mut ProgramResult) -> Result<(), String> {
    let tmp = tempfile::tempdir().map_err(|e| format!("can't make a temporary directory: {e}"))?;
    let mut sources = Vec::new();
    for m in &program.modules {
        sources.push(std::fs::read(&m.path).map_err(|e| format!("can't read {}: {e}", m.rel))?);
    }

    // 1. The reference bytes, per module and combo.
    let mut reference: Vec<Vec<Vec<u8>>> = Vec::new();
    for m in &program.modules {
        let mut per_combo = Vec::new();
        for combo in COMBOS {
            let out = tmp.path().join("ref.mpy");
            let o = run_mpy_cross(&m.args(combo, &out)).map_err(|e| format!("can't run mpy-cross: {e}"))?;
            if o.code != Some(0) {
                return Err(format!(
                    "mpy-cross {} refuses {} ({}): {}\n(a program mpy-cross refuses belongs in tests/refusals/)",
                    combo.label(),
                    m.rel,
                    o.status_text(),
                    o.stderr_str().trim_end()
                ));
            }
            per_combo.push(std::fs::read(&out).map_err(|e| format!("mpy-cross wrote no output: {e}"))?);
        }
        result.reference.extend(per_combo.iter().cloned());
        reference.push(per_combo);
    }

    // 2. The library, in every combo.
    for ((m, source), refs) in program.modules.iter().zip(&sources).zip(&reference) {
        for (combo, expected) in COMBOS.iter().zip(refs) {
            let what = label(program, m, &combo.label());
            match compile_lib(source, &m.source_name(*combo), &m.rel, combo.opt) {
                Err(panic) => result.failures.push(Failure {
                    summary: format!("{what}: mpy_vm panicked: {}", first_line(&panic)),
                    detail: panic,
                }),
                Ok(Err(e)) => result.failures.push(Failure {
                    summary: format!("{what}: mpyc refuses it: {e}"),
                    detail: e.render(&m.source_name(*combo)),
                }),
                Ok(Ok(bytes)) if &bytes != expected => result.failures.push(Failure {
                    summary: format!("{what}: bytes differ from mpy-cross"),
                    detail: mpy_diff(expected, &bytes, DIFF_LINES),
                }),
                Ok(Ok(_)) => {}
            }
        }
    }

    // 3. The command line, in the combo that is run.
    let run_combo = COMBOS[RUN_COMBO];
    let run_refs: Vec<Vec<u8>> = reference.iter().map(|r| r[RUN_COMBO].clone()).collect();
    let mut cli_outputs = Vec::new();
    for (m, expected) in program.modules.iter().zip(&run_refs) {
        let what = label(program, m, &format!("mpyc binary {}", run_combo.label()));
        let out = tmp.path().join("cli.mpy");
        let _ = std::fs::remove_file(&out);
        let mut cmd = std::process::Command::new(mpyc);
        cmd.args(m.args(run_combo, &out)).current_dir(repo_root());
        match run(cmd, COMPILE_TIMEOUT) {
            Ok(o) if o.code == Some(0) => match std::fs::read(&out) {
                Ok(bytes) => {
                    if &bytes != expected {
                        result.failures.push(Failure {
                            summary: format!("{what}: bytes differ from mpy-cross"),
                            detail: mpy_diff(expected, &bytes, DIFF_LINES),
                        });
                    }
                    cli_outputs.push(bytes);
                }
                Err(e) => result.failures.push(Failure {
                    summary: format!("{what}: exit 0 but no output file"),
                    detail: e.to_string(),
                }),
            },
            Ok(o) => result.failures.push(Failure {
                summary: format!("{what}: {}: {}", o.status_text(), error_line(&o.stderr_str())),
                detail: o.stderr_str(),
            }),
            Err(e) => result.failures.push(Failure { summary: format!("can't run mpyc: {e}"), detail: String::new() }),
        }
    }

    // 4. The source and mpy-cross's .mpy on the VM.
    let io = |e: std::io::Error| format!("can't stage the program: {e}");
    let (src_dir, ref_dir) = (tmp.path().join("src"), tmp.path().join("ref"));
    stage(&src_dir, program, None).map_err(io)?;
    stage(&ref_dir, program, Some(&run_refs)).map_err(io)?;
    let from_source = behaviour(&src_dir, program).map_err(|e| format!("running the source on the VM: {e}"))?;
    let from_ref = behaviour(&ref_dir, program).map_err(|e| format!("running mpy-cross's .mpy on the VM: {e}"))?;
    if from_source != from_ref {
        return Err(format!(
            "the program behaves differently from its source when mpy-cross's .mpy is imported: it is not a \
             stable test (nondeterministic output, __file__, ...); fix the program\n{}",
            text_diff(&from_source.render(), &from_ref.render(), "source", "mpy-cross .mpy", DIFF_LINES)
        ));
    }

    // 5. mpyc's .mpy on the VM, when its bytes are not mpy-cross's (identical bytes behave identically).
    if cli_outputs.len() == program.modules.len() && cli_outputs != run_refs {
        let dir = tmp.path().join("mpyc");
        stage(&dir, program, Some(&cli_outputs)).map_err(io)?;
        match behaviour(&dir, program) {
            Ok(b) if b == from_source => {}
            Ok(b) => result.failures.push(Failure {
                summary: "mpyc's .mpy behaves differently from the source on the VM".into(),
                detail: text_diff(&from_source.render(), &b.render(), "source", "mpyc .mpy", DIFF_LINES),
            }),
            Err(e) => result.failures.push(Failure { summary: format!("mpyc's .mpy on the VM: {e}"), detail: String::new() }),
        }
    }
    Ok(())
}
