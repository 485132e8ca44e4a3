//! Profiling instrumentation: compile a module with timing calls around every function, lambda and module
//! body, for `mpbuild profile`.
//!
//! The compiler (see `compiler/profile.rs`) wraps each instrumented scope's body as
//!
//! ```text
//! __import__("_mpprof").enter(ID)        # IMPORT_NAME, nothing is bound
//! try:
//!     <body>
//! finally:
//!     __import__("_mpprof").exit()
//! ```
//!
//! and every `yield` / `yield from` / `await` of such a scope as `exit(); try: yield finally: enter(ID)`, so a
//! generator is timed per resume and is never "running" while suspended. The profiler module is reached
//! with `IMPORT_NAME` (a look-up in `sys.modules`) and the result is consumed on the stack: the program's
//! global namespace gets no new entry. Comprehensions and class bodies are not instrumented (their time is
//! their enclosing scope's). The numbering of scopes (`ID`) is returned so the host can name what the
//! board reports.
//!
//! The entry module can also get `__name__ = '__main__'` as its first statement ([`ProfilePlan::entry`]):
//! a `.mpy` is imported, not run as a script, and this keeps `if __name__ == '__main__':` working (the key
//! `__name__` exists in every module's globals, so no entry is added).

use crate::compiler::{compile_module_with, CompileExtras};
use crate::{CompileOptions, Compiled};

/// The module the instrumentation calls (`enter(id)`, `exit()`).
pub const PROFILER_MODULE: &str = "_mpprof";

/// What to instrument and how to number it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfilePlan {
    /// The first id given out in this module (ids are unique across a program when each module starts
    /// after the previous module's last id).
    pub first_id: u32,
    /// This module is the program's entry: it starts with `__name__ = '__main__'`.
    pub entry: bool,
}

/// What kind of code an id stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// A module's top-level code (run once, at import).
    Module,
    Function,
    /// A generator or coroutine function: calls count resumes.
    Generator,
    Lambda,
}

impl ScopeKind {
    pub fn name(self) -> &'static str {
        match self {
            ScopeKind::Module => "module",
            ScopeKind::Function => "function",
            ScopeKind::Generator => "generator",
            ScopeKind::Lambda => "lambda",
        }
    }
}

/// One instrumented scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfiledScope {
    pub id: u32,
    pub kind: ScopeKind,
    /// Dotted path of simple names from the module (`Sensor.read`, `outer.<lambda>`, `<module>`).
    pub qualified_name: String,
    /// Line of the `def` keyword (or the lambda, or 1 for a module).
    pub line: u32,
}

/// The result of an instrumented compilation.
#[derive(Debug)]
pub struct ProfiledCompile {
    pub compiled: Compiled,
    /// The instrumented scopes in id order (empty when compilation failed).
    pub scopes: Vec<ProfiledScope>,
}

impl ProfiledCompile {
    /// The id after this module's last one (where the next module starts).
    pub fn next_id(&self, plan: &ProfilePlan) -> u32 {
        self.scopes.iter().map(|s| s.id + 1).max().unwrap_or(plan.first_id).max(plan.first_id)
    }
}

/// Compiles `source` with profiling instrumentation (errors are exactly those of a plain compilation: the
/// instrumentation adds no construct a program could get wrong).
pub fn compile_profiled(source: &[u8], opts: &CompileOptions, plan: &ProfilePlan) -> ProfiledCompile {
    let parse_opts = crate::syntax::ParseOptions {
        opt_level: opts.opt_level,
        known_qstrs: std::iter::once(&opts.source_name).chain(&opts.input_name).cloned().collect(),
    };
    let (module, errors) = crate::syntax::parse_with(source, &parse_opts);
    if let Some(e) = errors.into_iter().next() {
        return ProfiledCompile {
            compiled: Compiled { module: None, error: Some(e), native_trace: String::new() },
            scopes: Vec::new(),
        };
    }
    let mut extras = CompileExtras { profile: Some(plan.clone()), ..CompileExtras::default() };
    let r = compile_module_with(&module, source, opts, &mut extras);
    let native_trace = std::mem::take(&mut extras.native_trace);
    match r {
        Ok(m) => ProfiledCompile {
            compiled: Compiled { module: Some(m), error: None, native_trace },
            scopes: std::mem::take(&mut extras.profiled),
        },
        Err(e) => ProfiledCompile { compiled: Compiled { module: None, error: Some(e), native_trace }, scopes: Vec::new() },
    }
}

#[cfg(test)]
mod tests;
