//! The seam between the analyses and the code generators: "does this function compile under this emitter,
//! how big is it, and if not, which error at which range?"
//!
//! Quick fixes and assists that add `@micropython.native` or `@micropython.viper` are offered only when this
//! answers [`Verdict::Accepted`] for the rewritten source. The machinery is [`crate::check_emitters`]'s
//! (the compiler's `force_emit` hook and its per-function summaries), applied to one function only: a
//! whole-module `check_emitters` compiles the module twice per `def`, too slow to run on a code action.

use crate::compiler::{compile_module_with, CompileExtras};
use crate::error::CompileError;
use crate::mpy::RawCode;
use crate::mpy::Arch;
use crate::options::{CompileOptions, EmitOpt};
use crate::syntax::ast::*;

/// What the compiler says about one function under one emitter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The function compiles; `size` is the byte length of its code (`fun_data`: bytecode with prelude, or
    /// machine code).
    Accepted { size: usize },
    /// The emitter rejects the function with this error (message and range as mpy-cross reports them).
    Rejected(CompileError),
    /// We cannot tell: the module does not compile for another reason, or the function was not found.
    Unknown(&'static str),
}

/// Finds the `def` statement with range `range` anywhere in `body`.
fn find_def(body: &[Stmt], range: TextRange) -> Option<&FunctionDef> {
    let mut found = None;
    super::visit::for_each_stmt(body, |s| {
        if let StmtKind::FunctionDef(f) = &s.kind {
            if s.range == range && found.is_none() {
                found = Some(&**f);
            }
        }
    });
    found
}

fn has_emitter_decorator(f: &FunctionDef, emit: EmitOpt) -> bool {
    let want = match emit {
        EmitOpt::Native => "native",
        EmitOpt::Viper => "viper",
        EmitOpt::Bytecode => return false,
    };
    f.decorators.iter().any(|d| {
        matches!(&d.kind, ExprKind::Attribute { value, attr } if attr == want && matches!(&value.kind, ExprKind::Name(n) if n == "micropython"))
    })
}

/// Compiles `source` (a whole module) with `opts` and answers for the function whose definition statement
/// has range `def_range`, under emitter `emit`: as written for [`EmitOpt::Bytecode`] (or when the function
/// already carries the matching decorator), else forced to native or viper as the decorator would (nested
/// scopes inherit it). Native code is checked for `opts.arch`, x64 when none is configured (the errors do
/// not depend on the architecture). The source is parsed as the compiler parses it (folded), so that the
/// function's node is the one the compiler sees.
pub fn check_function(source: &str, def_range: TextRange, emit: EmitOpt, opts: &CompileOptions) -> Verdict {
    let parse_opts = crate::syntax::ParseOptions { opt_level: opts.opt_level, known_qstrs: vec![opts.source_name.clone()] };
    let (tree, errors) = crate::syntax::parse_with(source.as_bytes(), &parse_opts);
    if let Some(e) = errors.into_iter().next() {
        return if e.range != TextRange::default() && e.range.start >= def_range.start && e.range.end <= def_range.end {
            Verdict::Rejected(e)
        } else {
            Verdict::Unknown("the module does not compile")
        };
    }
    let Some(def) = find_def(&tree.body, def_range) else {
        return Verdict::Unknown("the function was not found in the module");
    };
    let node = def as *const FunctionDef as usize;
    let mut opts = opts.clone();
    if emit != EmitOpt::Bytecode && opts.arch.is_none() {
        opts.arch = Some(Arch::X64);
    }
    let force = (emit != EmitOpt::Bytecode && !has_emitter_decorator(def, emit)).then_some((node, emit));
    let mut extras = CompileExtras { force_emit: force, ..CompileExtras::default() };
    let mut result = compile_module_with(&tree, source.as_bytes(), &opts, &mut extras);
    if result.as_ref().is_err_and(super::is_missing_backend) {
        // No code generator of ours for this architecture yet: whether the emitter accepts the function
        // does not depend on it, so answer for x64 (the size is then x64's).
        opts.arch = Some(Arch::X64);
        opts.arch_flags = 0;
        extras = CompileExtras { force_emit: force, ..CompileExtras::default() };
        result = compile_module_with(&tree, source.as_bytes(), &opts, &mut extras);
    }
    match result {
        Ok(_) => match extras.functions.iter().find(|f| f.node == node) {
            Some(f) => Verdict::Accepted { size: f.size },
            None => Verdict::Unknown("the function's code was not found in the compiled module"),
        },
        Err(e) => {
            let in_def = |r: TextRange| r != TextRange::default() && r.start >= def_range.start && r.end <= def_range.end;
            let line_in_def = e.line.is_some_and(|l| {
                let idx = crate::syntax::source::LineIndex::new(source.as_bytes());
                idx.line_start(l).is_some_and(|o| o >= def_range.start && o <= def_range.end)
            });
            if in_def(e.range) || (e.range.start == e.range.end && line_in_def) {
                Verdict::Rejected(e)
            } else {
                Verdict::Unknown("the module does not compile")
            }
        }
    }
}

/// Finds the raw code of the function defined by the statement with range `def_range`.
///
/// A scope's children are its nested scopes in the order its code creates them (`MAKE_FUNCTION` order):
/// decorators and default values are evaluated before the function they belong to, and a comprehension's
/// code object is made before its outermost iterable is evaluated.
pub fn raw_code_for<'r>(module: &Module, root: &'r RawCode, def_range: TextRange) -> Option<&'r RawCode> {
    let tree = ScopeNode { range: TextRange::default(), children: scopes_in_body(&module.body) };
    find(&tree, root, def_range)
}

/// A nested scope of the source, with its own nested scopes in creation order.
#[derive(Debug)]
struct ScopeNode {
    range: TextRange,
    children: Vec<ScopeNode>,
}

fn find<'r>(node: &ScopeNode, rc: &'r RawCode, target: TextRange) -> Option<&'r RawCode> {
    if node.range == target {
        return Some(rc);
    }
    node.children.iter().zip(&rc.children).find_map(|(n, c)| find(n, c, target))
}

fn scopes_in_body(body: &[Stmt]) -> Vec<ScopeNode> {
    let mut out = Vec::new();
    for s in body {
        scopes_in_stmt(s, &mut out);
    }
    out
}

fn scopes_in_args(a: &Arguments, out: &mut Vec<ScopeNode>) {
    for arg in a.posonly.iter().chain(&a.args).chain(&a.kwonly) {
        if let Some(d) = &arg.default {
            scopes_in_expr(d, out);
        }
    }
}

fn scopes_in_stmt(s: &Stmt, out: &mut Vec<ScopeNode>) {
    use super::visit::{walk_stmt, Visitor};
    struct V<'o>(&'o mut Vec<ScopeNode>);
    impl<'a> Visitor<'a> for V<'_> {
        fn visit_stmt(&mut self, s: &'a Stmt) {
            match &s.kind {
                StmtKind::FunctionDef(f) => {
                    for d in &f.decorators {
                        scopes_in_expr(d, self.0);
                    }
                    scopes_in_args(&f.args, self.0);
                    self.0.push(ScopeNode { range: s.range, children: scopes_in_body(&f.body) });
                }
                StmtKind::ClassDef(c) => {
                    for d in &c.decorators {
                        scopes_in_expr(d, self.0);
                    }
                    self.0.push(ScopeNode { range: s.range, children: scopes_in_body(&c.body) });
                    for b in &c.bases {
                        scopes_in_expr(b, self.0);
                    }
                }
                _ => walk_stmt(self, s),
            }
        }
        fn visit_expr(&mut self, e: &'a Expr) {
            scopes_in_expr(e, self.0);
        }
    }
    V(out).visit_stmt(s);
}

fn scopes_in_expr(e: &Expr, out: &mut Vec<ScopeNode>) {
    use super::visit::{walk_expr, Visitor};
    struct V<'o>(&'o mut Vec<ScopeNode>);
    impl<'a> Visitor<'a> for V<'_> {
        fn visit_expr(&mut self, e: &'a Expr) {
            match &e.kind {
                ExprKind::Lambda { args, body } => {
                    scopes_in_args(args, self.0);
                    let mut children = Vec::new();
                    scopes_in_expr(body, &mut children);
                    self.0.push(ScopeNode { range: e.range, children });
                }
                ExprKind::ListComp { generators, .. }
                | ExprKind::SetComp { generators, .. }
                | ExprKind::DictComp { generators, .. }
                | ExprKind::GeneratorExp { generators, .. } => {
                    let mut children = Vec::new();
                    let mut inner = V(&mut children);
                    for (i, g) in generators.iter().enumerate() {
                        if i > 0 {
                            inner.visit_expr(&g.iter);
                        }
                        g.ifs.iter().for_each(|x| inner.visit_expr(x));
                    }
                    match &e.kind {
                        ExprKind::DictComp { key, value, .. } => {
                            inner.visit_expr(key);
                            inner.visit_expr(value);
                        }
                        ExprKind::ListComp { elt, .. }
                        | ExprKind::SetComp { elt, .. }
                        | ExprKind::GeneratorExp { elt, .. } => inner.visit_expr(elt),
                        _ => {}
                    }
                    self.0.push(ScopeNode { range: e.range, children });
                    if let Some(g) = generators.first() {
                        self.visit_expr(&g.iter);
                    }
                }
                _ => walk_expr(self, e),
            }
        }
    }
    V(out).visit_expr(e);
}
