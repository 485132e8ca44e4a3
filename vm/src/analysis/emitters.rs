//! The seam between the analyses and the code generators: "does this function compile under this emitter,
//! how big is it, and if not, which error at which range?"
//!
//! Quick fixes that add `@micropython.native` or `@micropython.viper` are offered only when this answers
//! [`Verdict::Accepted`]. Until the native and viper emitters exist it answers [`Verdict::Unknown`] for
//! them, and those fixes are not offered: we never claim a decorator compiles without having compiled it.

use crate::error::CompileError;
use crate::mpy::RawCode;
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
    /// We cannot tell yet: the emitter is not implemented, or the module does not compile for another reason.
    Unknown(&'static str),
}

/// Compiles `source` (a whole module, in which the function at `def_range` may carry a decorator already)
/// with `opts` and answers for the function whose definition statement has range `def_range`.
///
/// `emit` names the emitter the caller is asking about. For [`EmitOpt::Native`] and [`EmitOpt::Viper`]
/// the caller passes a source in which the function carries the decorator (see `assists`), so the answer
/// is about exactly the code that a quick fix would produce.
pub fn check_function(source: &str, module: &Module, def_range: TextRange, emit: EmitOpt, opts: &CompileOptions) -> Verdict {
    if emit != EmitOpt::Bytecode {
        return Verdict::Unknown("the native and viper emitters are not implemented yet");
    }
    let compiled = crate::compile(source.as_bytes(), opts);
    if let Some(e) = compiled.error {
        if e.range.start >= def_range.start && e.range.end <= def_range.end && e.range != TextRange::default() {
            return Verdict::Rejected(e);
        }
        return Verdict::Unknown("the module does not compile");
    }
    let Some(m) = compiled.module else {
        return Verdict::Unknown("the bytecode compiler is not implemented yet");
    };
    match raw_code_for(module, &m.root, def_range) {
        Some(rc) => Verdict::Accepted { size: rc.fun_data.len() },
        None => Verdict::Unknown("the function's code was not found in the compiled module"),
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
