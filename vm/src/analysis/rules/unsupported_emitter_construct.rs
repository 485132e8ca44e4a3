//! MP109: code that `@micropython.native` or `@micropython.viper` cannot compile (viper generators, bare
//! `raise`), explained, with the decorator's removal or a portable rewrite as fixes.

use crate::analysis::codes::declare_rule;
use crate::analysis::diagnostic::{Diagnostic, Edit, Fix};
use crate::analysis::semantic::FunctionRef;
use crate::analysis::visit::{self, walk_expr, walk_stmt, Visitor};
use crate::analysis::{text, Checker, Rule};
use crate::syntax::ast::*;

declare_rule! {
    /// ## What it does
    /// Finds functions decorated with `@micropython.native` or `@micropython.viper` that contain code the
    /// emitter cannot compile:
    /// - a generator (`yield`) under viper: mpy-cross stops with `NotImplementedError: native yield`;
    /// - a bare `raise` (re-raise) under native or viper: `NotImplementedError: native raise`;
    /// - `except ... as name` under viper: `ViperTypeError: local 'name' has type 'object' but source is
    ///   'None'` (the handler's variable is cleared with `None` at its end, which viper's typing refuses).
    ///
    /// ## Why is this bad?
    /// The whole file fails to compile (mpy-cross exits with the error, and so does importing the `.py` on
    /// a board), although the same function runs fine as bytecode.
    ///
    /// ## Example
    /// ```python
    /// @micropython.native
    /// def parse(s):
    ///     try:
    ///         return int(s)
    ///     except ValueError:
    ///         raise
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// @micropython.native
    /// def parse(s):
    ///     try:
    ///         return int(s)
    ///     except ValueError as exc:
    ///         raise exc
    /// ```
    ///
    /// ## Fix safety
    /// Re-raising the caught exception by name (`raise exc`) raises the same exception object; it is unsafe
    /// only because the traceback gains a line. It is offered under native only: viper cannot bind the
    /// exception to a name. Dropping an `as name` whose name the handler never uses is safe. Using `@micropython.native` instead of viper for a
    /// generator, or removing the decorator, compiles the function with different integer semantics than
    /// viper's machine words (unsafe); removing `@micropython.native` is safe.
    pub struct UnsupportedEmitterConstruct;
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Emitter {
    Native,
    Viper,
}

fn emitter_decorator(f: &FunctionDef) -> Option<(Emitter, &Expr)> {
    f.decorators.iter().find_map(|d| match crate::analysis::rules::loops::dotted(d).as_deref() {
        Some("micropython.native") => Some((Emitter::Native, d)),
        Some("micropython.viper") => Some((Emitter::Viper, d)),
        _ => None,
    })
}

/// The body's own `yield`s and bare `raise`s (not those of nested functions), with the handler enclosing
/// each bare raise.
#[derive(Default)]
struct Found<'a> {
    yields: Vec<TextRange>,
    bare_raises: Vec<(TextRange, Option<&'a ExceptHandler>)>,
    named_handlers: Vec<&'a ExceptHandler>,
}

struct Finder<'a> {
    found: Found<'a>,
    handlers: Vec<&'a ExceptHandler>,
}

impl<'a> Visitor<'a> for Finder<'a> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) => {}
            StmtKind::Raise { exc: None, .. } => self.found.bare_raises.push((s.range, self.handlers.last().copied())),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                visit::walk_body(self, body);
                for h in handlers {
                    if h.name.is_some() {
                        self.found.named_handlers.push(h);
                    }
                    self.handlers.push(h);
                    visit::walk_body(self, &h.body);
                    self.handlers.pop();
                }
                visit::walk_body(self, orelse);
                visit::walk_body(self, finalbody);
            }
            _ => walk_stmt(self, s),
        }
    }
    fn visit_expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                self.found.yields.push(e.range);
                walk_expr(self, e);
            }
            ExprKind::Lambda { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => {}
            _ => walk_expr(self, e),
        }
    }
}

/// MP109
pub(crate) fn check(checker: &mut Checker) {
    let mut reports = Vec::new();
    for f in &checker.facts.functions {
        // Every diagnostic of a function lies inside it.
        if !checker.checks(f.stmt.range) {
            continue;
        }
        let Some((emitter, deco)) = emitter_decorator(f.def) else { continue };
        let mut finder = Finder { found: Found::default(), handlers: Vec::new() };
        visit::walk_body(&mut finder, &f.def.body);
        let found = finder.found;
        let deco_name = if emitter == Emitter::Viper { "viper" } else { "native" };
        let fixes = checker.wants_fixes();
        let remove = fixes.then(|| remove_decorator(checker.source, deco, deco_name, emitter));
        if emitter == Emitter::Viper {
            if let Some(y) = found.yields.first() {
                let message = "viper cannot compile generators: mpy-cross stops with `NotImplementedError: native yield`";
                let mut d = Diagnostic::new(Rule::UnsupportedEmitterConstruct, *y, message);
                if fixes && !uses_viper_types(f) {
                    let edit = Edit::replace(deco.range, "micropython.native");
                    d = d.with_fix(Fix::unsafe_edits("Use @micropython.native (it compiles generators)", [edit]));
                }
                reports.push(d.with_fixes(remove.clone()));
            }
        }
        if emitter == Emitter::Viper {
            for h in &found.named_handlers {
                let name = h.name.as_deref().unwrap_or("");
                let range = handler_header(checker.source, h).unwrap_or(h.range);
                let message = format!(
                    "viper cannot bind the exception to `{name}`: mpy-cross stops with `ViperTypeError: local \
                     '{name}' has type 'object' but source is 'None'`"
                );
                let mut d = Diagnostic::new(Rule::UnsupportedEmitterConstruct, range, message);
                if fixes && !mentions(&h.body, name) {
                    if let Some(fix) = drop_handler_name(checker.source, h) {
                        d = d.with_fix(fix);
                    }
                }
                reports.push(d.with_fixes(remove.clone()));
            }
        }
        for (r, handler) in &found.bare_raises {
            let message = format!(
                "a bare `raise` does not compile under @micropython.{deco_name}: mpy-cross stops with \
                 `NotImplementedError: native raise`"
            );
            let mut d = Diagnostic::new(Rule::UnsupportedEmitterConstruct, *r, message);
            let native = fixes && emitter == Emitter::Native;
            if let Some(fix) = handler.filter(|_| native).and_then(|h| reraise_by_name(checker, h, *r)) {
                d = d.with_fix(fix);
            }
            reports.push(d.with_fixes(remove.clone()));
        }
    }
    for d in reports {
        checker.report(d);
    }
}

/// True when the function names viper's own types or casts (then native cannot stand in for viper).
fn uses_viper_types(f: &FunctionRef) -> bool {
    let mut uses = false;
    let viper_names = ["ptr", "ptr8", "ptr16", "ptr32", "uint"];
    visit::for_each_expr(&f.def.body, |e| {
        if matches!(&e.kind, ExprKind::Name(n) if viper_names.contains(&n.as_str())) {
            uses = true;
        }
    });
    let a = &f.def.args;
    for arg in a.posonly.iter().chain(&a.args).chain(&a.kwonly) {
        if let Some(t) = &arg.annotation {
            if matches!(&t.kind, ExprKind::Name(n) if viper_names.contains(&n.as_str())) {
                uses = true;
            }
        }
    }
    uses
}

fn remove_decorator(src: &str, deco: &Expr, name: &str, emitter: Emitter) -> Fix {
    let start = text::line_start(src, deco.range.start);
    let end = text::next_line_start(src, deco.range.end);
    let edit = Edit::delete(TextRange::new(start, end));
    let title = format!("Remove @micropython.{name} (compile as bytecode)");
    match emitter {
        Emitter::Native => Fix::safe_edits(title, [edit]),
        Emitter::Viper => Fix::unsafe_edits(title, [edit]),
    }
}

/// `except E:` … `raise` → `except E as exc:` … `raise exc` (or the name the handler already binds).
fn reraise_by_name(checker: &Checker, h: &ExceptHandler, raise: TextRange) -> Option<Fix> {
    let src = checker.source;
    let mut edits = Vec::new();
    let name = match &h.name {
        Some(n) => n.clone(),
        None => {
            let taken = crate::analysis::semantic::Taken::new(checker.module_names());
            let n = crate::analysis::semantic::fresh_name("exc", &taken);
            let body_start = h.body.first()?.range.start;
            let header = text::slice(src, TextRange::new(h.range.start, body_start));
            let colon = header.rfind(':')? as u32 + h.range.start;
            match &h.typ {
                Some(_) => edits.push(Edit::insert(colon, format!(" as {n}"))),
                None => edits.push(Edit::insert(colon, format!(" BaseException as {n}"))),
            }
            n
        }
    };
    edits.push(Edit::replace(raise, format!("raise {name}")));
    Some(Fix::unsafe_edits(format!("Re-raise the caught exception by name (`raise {name}`)"), edits))
}

/// The range of a handler's header (`except E as name`), up to its colon.
fn handler_header(src: &str, h: &ExceptHandler) -> Option<TextRange> {
    let body_start = h.body.first()?.range.start;
    let header = text::slice(src, TextRange::new(h.range.start, body_start));
    let colon = header.rfind(':')? as u32;
    Some(TextRange::new(h.range.start, h.range.start + colon))
}

/// True when `name` appears anywhere in `body`.
fn mentions(body: &[Stmt], name: &str) -> bool {
    let mut found = false;
    visit::for_each_expr(body, |e| {
        if matches!(&e.kind, ExprKind::Name(n) if n == name) {
            found = true;
        }
    });
    found
}

/// `except E as name:` → `except E:` (for a name the handler never uses).
fn drop_handler_name(src: &str, h: &ExceptHandler) -> Option<Fix> {
    let name = h.name.as_deref()?;
    let header_range = handler_header(src, h)?;
    let header = text::slice(src, header_range);
    let typ_end = h.typ.as_ref()?.range.end;
    let as_at = header.rfind(" as ")? as u32 + header_range.start;
    if as_at < typ_end {
        return None;
    }
    let edit = Edit::delete(TextRange::new(typ_end, header_range.end));
    Some(Fix::safe_edits(format!("Drop the unused `as {name}`"), [edit]))
}
