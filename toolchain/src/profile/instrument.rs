//! Compiling a project for profiling: every `.py` unit (entry scripts too) compiled by our compiler with
//! timing instrumentation (`mpy_vm::profile`), plus the profiler runtime (`_mpprof`) and its calibration
//! module, with the table that names each id the board will report.

use std::path::Path;

use mpy_vm::profile::{compile_profiled, ProfilePlan, ScopeKind};
use mpy_vm::CompileOptions;
use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, FileError, Result};
use crate::project::{module_name, Project};

/// The profiler runtime's source (compiled plainly, never instrumented).
pub const RUNTIME_SOURCE: &str = include_str!("runtime.py");
/// The calibration module: one empty instrumented function, timed against an identical plain one.
pub const CALIBRATION_SOURCE: &str = "def f():\n    pass\n";
/// Ids the calibration module takes (its `<module>` and `f`); the program's ids follow.
pub const CALIBRATION_IDS: u32 = 2;

/// One instrumented function (or module body, or lambda) of the program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FunctionInfo {
    pub id: u32,
    /// `module.qualified_name`, lambdas with their line: `main.Sensor.read`, `main.<lambda@12>`.
    pub name: String,
    /// The module (`main`, `lib.sensor`).
    pub module: String,
    /// The source file, relative to the project root.
    pub file: String,
    /// Dotted path inside the module (`Sensor.read`, `<module>`, `outer.<lambda>`).
    pub qualified_name: String,
    pub line: u32,
    /// `function`, `generator` (calls count resumes), `lambda` or `module`.
    pub kind: &'static str,
}

/// A file to place next to the program's modules.
#[derive(Clone, Debug)]
pub struct BuiltFile {
    /// Path relative to the profile directory (`lib/sensor.mpy`).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The instrumented program.
#[derive(Clone, Debug)]
pub struct Instrumented {
    pub files: Vec<BuiltFile>,
    /// Index = id; the calibration ids come first.
    pub functions: Vec<FunctionInfo>,
    /// The entry's module name (imported by the runtime).
    pub entry_module: String,
    /// Every module of the program (dropped from `sys.modules` before and after the run).
    pub modules: Vec<String>,
    /// The source of each file, for hints (relative path, text).
    pub sources: Vec<(String, String)>,
}

impl Instrumented {
    /// The number the runtime multiplies path indices by (one more than the largest id).
    pub fn id_count(&self) -> u32 {
        self.functions.len() as u32
    }
}

fn display_name(module: &str, qualified: &str, line: u32) -> String {
    let q = qualified.replace("<lambda>", &format!("<lambda@{line}>"));
    format!("{module}.{q}")
}

fn compile_failure(path: &str, e: &mpy_vm::CompileError, opts: &CompileOptions) -> FileError {
    FileError { path: path.to_string(), line: e.line, kind: e.kind.name().to_string(), message: e.message.clone(), rendered: e.render(&opts.source_name) }
}

/// Compiles `project` for profiling with `entry` (a path relative to the project root) as the program.
pub fn instrument(project: &Project, entry: &str) -> Result<Instrumented> {
    let units = project.units()?;
    let mut py: Vec<_> = units.iter().filter(|u| u.rel.ends_with(".py")).cloned().collect();
    if !py.iter().any(|u| u.rel == entry) {
        let abs = project.path(entry);
        if !abs.is_file() {
            return Err(Error::Missing { path: abs, origin: "the command line".to_string() });
        }
        py.push(crate::project::Unit {
            rel: entry.to_string(),
            abs,
            out: entry.trim_end_matches(".py").to_string() + ".mpy",
            action: crate::project::Action::Compile,
            emit: mpy_vm::EmitOpt::Bytecode,
            opt: 0,
            version: None,
        });
    }
    let sources: Vec<std::result::Result<(String, Vec<u8>), FileError>> = py
        .par_iter()
        .map(|u| {
            std::fs::read(&u.abs).map(|b| (u.rel.clone(), b)).map_err(|e| FileError {
                path: u.rel.clone(),
                line: None,
                kind: "io".to_string(),
                message: format!("cannot read {}: {e}", u.abs.display()),
                rendered: String::new(),
            })
        })
        .collect();
    let mut texts = Vec::new();
    let mut errors = Vec::new();
    for s in sources {
        match s {
            Ok(t) => texts.push(t),
            Err(e) => errors.push(e),
        }
    }
    // Ids run on from module to module, so modules compile one after the other (each is fast).
    let mut next = CALIBRATION_IDS;
    let mut functions = vec![
        FunctionInfo { id: 0, name: "_mpprof_cal.<module>".into(), module: "_mpprof_cal".into(), file: String::new(), qualified_name: "<module>".into(), line: 1, kind: "module" },
        FunctionInfo { id: 1, name: "_mpprof_cal.f".into(), module: "_mpprof_cal".into(), file: String::new(), qualified_name: "f".into(), line: 1, kind: "function" },
    ];
    let mut files = Vec::new();
    let mut modules = Vec::new();
    for (u, (rel, source)) in py.iter().zip(&texts) {
        let Some(module) = module_name(rel) else { continue };
        let mut opts = project.compile_options(u, "");
        opts.emit = u.emit;
        let plan = ProfilePlan { first_id: next, entry: rel == entry };
        let r = compile_profiled(source, &opts, &plan);
        if let Some(e) = &r.compiled.error {
            errors.push(compile_failure(rel, e, &opts));
            continue;
        }
        let Some(m) = &r.compiled.module else { continue };
        next = r.next_id(&plan);
        for s in &r.scopes {
            functions.push(FunctionInfo {
                id: s.id,
                name: display_name(&module, &s.qualified_name, s.line),
                module: module.clone(),
                file: rel.clone(),
                qualified_name: s.qualified_name.clone(),
                line: s.line,
                kind: kind_name(s.kind),
            });
        }
        let out = if u.out.ends_with(".mpy") { u.out.clone() } else { rel.trim_end_matches(".py").to_string() + ".mpy" };
        files.push(BuiltFile { path: out, bytes: mpy_vm::mpy::write(m) });
        modules.push(module);
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        return Err(Error::Compile { errors });
    }
    functions.sort_by_key(|f| f.id);
    // Ids are dense: each module's scopes are numbered consecutively from where the previous one stopped.
    debug_assert!(functions.iter().enumerate().all(|(i, f)| f.id as usize == i));
    for (name, src, plan) in [
        ("_mpprof", RUNTIME_SOURCE, None),
        ("_mpprof_cal", CALIBRATION_SOURCE, Some(ProfilePlan { first_id: 0, entry: false })),
    ] {
        let opts = CompileOptions {
            source_name: format!("{name}.py"),
            small_int_bits: project.target.small_int_bits,
            ..CompileOptions::default()
        };
        let bytes = match plan {
            Some(p) => {
                let r = compile_profiled(src.as_bytes(), &opts, &p);
                r.compiled.module.as_ref().map(mpy_vm::mpy::write).ok_or_else(|| internal(name, r.compiled.error.as_ref(), &opts))?
            }
            None => mpy_vm::compile_to_mpy(src.as_bytes(), &opts).map_err(|e| internal(name, Some(&e), &opts))?,
        };
        files.push(BuiltFile { path: format!("{name}.mpy"), bytes });
    }
    let entry_module = module_name(entry).ok_or_else(|| Error::Missing { path: Path::new(entry).to_path_buf(), origin: "the entry (a .py file)".to_string() })?;
    let sources = texts.into_iter().map(|(rel, b)| (rel, String::from_utf8_lossy(&b).into_owned())).collect();
    Ok(Instrumented { files, functions, entry_module, modules, sources })
}

fn internal(name: &str, e: Option<&mpy_vm::CompileError>, opts: &CompileOptions) -> Error {
    let f = match e {
        Some(e) => compile_failure(&format!("{name}.py"), e, opts),
        None => FileError { path: format!("{name}.py"), line: None, kind: "InternalError".into(), message: "the profiler runtime did not compile".into(), rendered: String::new() },
    };
    Error::Compile { errors: vec![f] }
}

fn kind_name(k: ScopeKind) -> &'static str {
    k.name()
}
