//! Performance analyses of MicroPython source: ruff-style rules, one per file, each with a code, a doc and
//! (where one exists) a fix that states how safe it is.
//!
//! Entry point: [`analyze`] turns source text and [`Settings`] into [`Diagnostic`]s (what mpy-cross would
//! report for the file, then every enabled rule's findings, minus those silenced by `# noqa`). Assists
//! (code actions that are not tied to a problem, such as wrapping a function with a timing decorator)
//! come from [`assists`]. Everything here is pure: byte offsets in, plain data out, no LSP types.

pub mod assists;
pub mod chunks;
pub mod codes;
pub mod diagnostic;
pub mod emitters;
pub mod noqa;
pub mod recover;
pub mod render;
pub mod rule_cache;
pub mod rules;
pub mod semantic;
pub mod text;
pub mod verdict;
pub mod visit;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::Arc;

use crate::options::CompileOptions;
use crate::syntax::ast::{Module, TextRange};
use crate::syntax::source::LineIndex;

pub use codes::Rule;
pub use diagnostic::{apply_fixes, Applicability, Code, Diagnostic, Edit, Fix, Severity};
pub use semantic::ModuleFacts;

/// What to check and how: the rule selection and the target the compiler diagnostics are computed for.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Rules to run; `None` runs every rule.
    pub select: Option<Vec<Rule>>,
    /// Rules never to run (wins over `select`).
    pub ignore: Vec<Rule>,
    /// Severity overrides per rule.
    pub severity: HashMap<Rule, Severity>,
    /// Target compiler options (architecture, default emitter, small-int bits, optimisation level).
    pub compile: CompileOptions,
    /// Also report what the compiler (mpy-cross) would report.
    pub compile_diagnostics: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            select: None,
            ignore: Vec::new(),
            severity: HashMap::new(),
            compile: CompileOptions::default(),
            compile_diagnostics: true,
        }
    }
}

impl Settings {
    pub fn is_enabled(&self, rule: Rule) -> bool {
        !self.ignore.contains(&rule) && self.select.as_ref().is_none_or(|s| s.contains(&rule))
    }

    fn severity_of(&self, rule: Rule) -> Severity {
        self.severity.get(&rule).copied().unwrap_or(rule.default_severity())
    }
}

/// The state shared by the rules while they run over one module.
pub struct Checker<'a> {
    pub source: &'a str,
    pub module: &'a Module,
    pub facts: ModuleFacts<'a>,
    pub settings: &'a Settings,
    diagnostics: Vec<Diagnostic>,
    module_names: std::cell::OnceCell<rustc_hash::FxHashSet<&'a str>>,
    imports: std::cell::OnceCell<text::Imports<'a>>,
    fixes: Fixes,
    /// Only diagnostics starting in these ranges (sorted) are wanted (see [`Checker::checks`]).
    only: Option<Vec<TextRange>>,
}

/// Whether the rules build the fixes of their diagnostics. Building a fix (new names, edits, titles, import
/// insertion) costs more than finding the problem, and an editor needs fixes only when a code action is
/// asked for: the diagnostics published while the user types are computed with [`Fixes::Skip`]. Everything
/// else about a diagnostic (code, range, message, severity) is the same either way (checked by the tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixes {
    Build,
    Skip,
}

impl<'a> Checker<'a> {
    pub fn new(source: &'a str, module: &'a Module, settings: &'a Settings) -> Self {
        Checker {
            source,
            module,
            facts: ModuleFacts::new(module),
            settings,
            diagnostics: Vec::new(),
            module_names: std::cell::OnceCell::new(),
            imports: std::cell::OnceCell::new(),
            fixes: Fixes::Build,
            only: None,
        }
    }

    /// The checker, reporting only diagnostics that start in `ranges` (sorted, not overlapping): the
    /// top-level statements an edit may have changed the diagnostics of (see [`rule_cache`]).
    pub fn only(mut self, ranges: Vec<TextRange>) -> Self {
        self.only = Some(ranges);
        self
    }

    /// Whether code in `range` can have a diagnostic that is wanted: a rule may skip the work for a
    /// function or loop it is false for, provided every diagnostic that work finds lies inside `range`.
    pub fn checks(&self, range: TextRange) -> bool {
        let Some(only) = &self.only else { return true };
        // The first wanted range that ends after `range` starts; it overlaps `range` if it starts before its end.
        let i = only.partition_point(|r| r.end <= range.start);
        only.get(i).is_some_and(|r| r.start < range.end.max(range.start + 1))
    }

    /// The checker, building fixes or not (see [`Fixes`]).
    pub fn with_fixes(mut self, fixes: Fixes) -> Self {
        self.fixes = fixes;
        self
    }

    /// The rules build fixes: false while diagnostics are only being published (see [`Fixes`]).
    pub fn wants_fixes(&self) -> bool {
        self.fixes == Fixes::Build
    }

    /// Every name mentioned anywhere in the module (computed once): new local names avoid all of them.
    pub fn module_names(&self) -> &rustc_hash::FxHashSet<&'a str> {
        self.module_names.get_or_init(|| semantic::all_names(&self.module.body))
    }

    pub fn is_enabled(&self, rule: Rule) -> bool {
        self.settings.is_enabled(rule)
    }

    /// The module's unaliased top-level imports (computed once): what `text::has_import` and
    /// `text::has_from_import` answer, without a walk over the module per question.
    pub fn imports(&self) -> &text::Imports<'a> {
        self.imports.get_or_init(|| text::Imports::of(self.module))
    }

    pub fn report(&mut self, d: Diagnostic) {
        if self.checks(TextRange::new(d.range.start, d.range.start)) {
            self.diagnostics.push(d);
        }
    }

    /// Runs every enabled rule (the one dispatch site) and returns their diagnostics.
    pub fn run(mut self) -> Vec<Diagnostic> {
        if self.is_enabled(Rule::ModuleConstantWithoutConst) {
            rules::module_constant_without_const::check(&mut self);
        }
        if self.is_enabled(Rule::ListAsNumericBuffer) {
            rules::list_as_numeric_buffer::check(&mut self);
        }
        if self.is_enabled(Rule::GlobalLookupInLoop) {
            rules::global_lookup_in_loop::check(&mut self);
        }
        if self.is_enabled(Rule::AttributeLookupInLoop) {
            rules::attribute_lookup_in_loop::check(&mut self);
        }
        if self.is_enabled(Rule::AllocationInIrqHandler) {
            rules::allocation_in_irq_handler::check(&mut self);
        }
        if self.is_enabled(Rule::BytesSliceInLoop) {
            rules::bytes_slice_in_loop::check(&mut self);
        }
        if self.is_enabled(Rule::FloatArithmeticOnIntData) {
            rules::float_arithmetic_on_int_data::check(&mut self);
        }
        if self.is_enabled(Rule::AllocationInLoop) {
            rules::allocation_in_loop::check(&mut self);
        }
        if self.is_enabled(Rule::UnsupportedEmitterConstruct) {
            rules::unsupported_emitter_construct::check(&mut self);
        }
        self.diagnostics
    }
}

/// The result of analysing one file.
#[derive(Debug)]
pub struct Analysis {
    /// Compiler diagnostics first, then rule diagnostics sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The module as parsed with error recovery (for hover and assists); shared with the chunk cache of
    /// [`analyze_incremental`].
    pub module: Arc<Module>,
}

/// Analyses one file: the compiler's error (as mpy-cross would report it), then the enabled rules.
///
/// Never fails and never panics on any text: a syntax error is one diagnostic, and the statements around
/// it are still analysed.
pub fn analyze(source: &str, settings: &Settings) -> Analysis {
    let parsed = recover::parse_recovering(source);
    let mut out = Vec::new();
    if settings.compile_diagnostics {
        if parsed.errors.is_empty() {
            out.extend(compile_diagnostics(source, settings));
        } else {
            out.extend(parsed.errors.iter().map(|e| compile_diagnostic(source, e)));
        }
    }
    out.extend(rule_diagnostics(source, &parsed.module, settings));
    Analysis { diagnostics: out, module: Arc::new(parsed.module) }
}

/// The editor's fast path: the text is parsed chunk by chunk with `cache` (only edited top-level statements
/// are parsed again), the first syntax error is reported, and the rules run; the compiler does not. The
/// compiler's own diagnostics come from [`compile_diagnostics`], which the editor runs afterwards. With
/// [`Fixes::Skip`] the diagnostics carry no fixes (the editor builds them when a code action is asked for).
pub fn analyze_incremental(source: &Arc<str>, settings: &Settings, cache: &mut chunks::ChunkCache, fixes: Fixes) -> Analysis {
    let (module, errors) = chunks::parse_cached(source, cache);
    let mut out = Vec::new();
    if settings.compile_diagnostics {
        out.extend(errors.iter().map(|e| compile_diagnostic(source, e)));
    }
    match fixes {
        Fixes::Skip => out.extend(rule_diagnostics_cached(source, &module, settings, &mut cache.rules)),
        Fixes::Build => out.extend(rule_diagnostics_with(source, &module, settings, fixes)),
    }
    Analysis { diagnostics: out, module }
}

/// What the compiler reports for the file under the configured target (mpy-cross's first error), if
/// compile diagnostics are enabled.
pub fn compile_diagnostics(source: &str, settings: &Settings) -> Vec<Diagnostic> {
    if !settings.compile_diagnostics {
        return Vec::new();
    }
    compile_error(source, &settings.compile).map(|e| compile_diagnostic(source, &e)).into_iter().collect()
}

/// True for the error our compiler gives when it has no native code generator for the target yet: a gap of
/// ours, not a problem of the file.
pub fn is_missing_backend(e: &crate::error::CompileError) -> bool {
    e.kind == crate::error::ErrorKind::Internal && e.message.starts_with("mpyc cannot generate native code for -march=")
}

/// The compiler's first error for `source` under `opts`. When our compiler cannot generate native code for
/// the target's architecture yet, the file is compiled for x64 instead: what native and viper reject does
/// not depend on the architecture, so the diagnostics stay mpy-cross's.
pub fn compile_error(source: &str, opts: &crate::options::CompileOptions) -> Option<crate::error::CompileError> {
    let e = crate::compile(source.as_bytes(), opts).error?;
    if !is_missing_backend(&e) {
        return Some(e);
    }
    let x64 = crate::options::CompileOptions { arch: Some(crate::mpy::Arch::X64), arch_flags: 0, ..opts.clone() };
    crate::compile(source.as_bytes(), &x64).error
}

/// The enabled rules' diagnostics over a parsed module, minus `# noqa`, with configured severities, sorted.
pub fn rule_diagnostics(source: &str, module: &Module, settings: &Settings) -> Vec<Diagnostic> {
    rule_diagnostics_with(source, module, settings, Fixes::Build)
}

/// [`rule_diagnostics`], with or without their fixes (see [`Fixes`]).
pub fn rule_diagnostics_with(source: &str, module: &Module, settings: &Settings, fixes: Fixes) -> Vec<Diagnostic> {
    finish(source, settings, Checker::new(source, module, settings).with_fixes(fixes).run())
}

/// [`rule_diagnostics_with`] `Fixes::Skip`, computed again only for the top-level statements an edit can
/// have changed the diagnostics of; `cache` keeps the others from one call to the next (see [`rule_cache`]).
pub fn rule_diagnostics_cached(source: &Arc<str>, module: &Module, settings: &Settings, cache: &mut rule_cache::RuleCache) -> Vec<Diagnostic> {
    finish(source, settings, rule_cache::diagnostics(source, module, settings, cache))
}

/// The rules' diagnostics minus `# noqa`, with configured severities, sorted.
fn finish(source: &str, settings: &Settings, mut rule_diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let noqa = NoqaIndex::new(source);
    rule_diags.retain(|d| d.rule().is_none_or(|r| !noqa.suppresses(d.range.start, r)));
    for d in &mut rule_diags {
        if let Some(r) = d.rule() {
            d.severity = settings.severity_of(r);
        }
    }
    rule_diags.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code.as_str(), &a.message).cmp(&(b.range.start, b.range.end, b.code.as_str(), &b.message))
    });
    rule_diags
}

/// Turns a compile error into a diagnostic whose message is mpy-cross's last stderr line
/// (`SyntaxError: invalid syntax`). When the error carries only a line, the range is that line's text.
pub fn compile_diagnostic(source: &str, e: &crate::error::CompileError) -> Diagnostic {
    let mut range = e.range;
    if range == TextRange::default() || range.start == range.end {
        let at = if range == TextRange::default() {
            let idx = LineIndex::new(source.as_bytes());
            e.line.and_then(|l| idx.line_start(l)).unwrap_or(0)
        } else {
            range.start
        };
        let start = text::line_start(source, at);
        let end = text::line_end(source, at);
        let line = text::slice(source, TextRange::new(start, end));
        let lead = (line.len() - line.trim_start().len()) as u32;
        range = TextRange::new(start + lead, start + line.trim_end().len() as u32);
        if range.start > range.end {
            range = TextRange::new(start, start);
        }
    }
    let message = if e.message.is_empty() { e.kind.name().to_string() } else { format!("{}: {}", e.kind.name(), e.message) };
    Diagnostic { code: Code::Compile(e.kind), range, message, severity: Severity::Error, fixes: Vec::new() }
}

/// The `# noqa` comments of a file, by line (no line index is built for a file without any).
struct NoqaIndex {
    lines: Option<LineIndex>,
    by_line: HashMap<u32, noqa::Noqa>,
}

impl NoqaIndex {
    fn new(source: &str) -> Self {
        let mut by_line = HashMap::new();
        if source.contains("noqa") || source.contains("NOQA") {
            for (i, l) in source.lines().enumerate() {
                if let Some(n) = noqa::parse_line(l) {
                    by_line.insert(i as u32 + 1, n);
                }
            }
        }
        let lines = (!by_line.is_empty()).then(|| LineIndex::new(source.as_bytes()));
        NoqaIndex { lines, by_line }
    }

    fn suppresses(&self, offset: u32, rule: Rule) -> bool {
        let Some(lines) = &self.lines else { return false };
        self.by_line.get(&lines.line_of(offset)).is_some_and(|n| n.suppresses(rule))
    }
}

/// A code action that is not tied to a diagnostic (e.g. "wrap with a timing decorator").
#[derive(Clone, Debug, PartialEq)]
pub struct Assist {
    /// Stable identifier, e.g. `timed-function`.
    pub id: &'static str,
    pub fix: Fix,
}

/// The assists available at byte `offset` of `source`.
pub fn assists(source: &str, module: &Module, offset: u32, settings: &Settings) -> Vec<Assist> {
    assists::at(source, module, offset, settings)
}
