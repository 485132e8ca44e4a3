//! Shared by the loop rules: the loops of a function and the expressions each iteration evaluates, with
//! whether each name, attribute or subscript is read, written or deleted there.

use crate::syntax::ast::*;

/// How an expression is used where it appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    /// The target of an augmented assignment: read, then written.
    AugStore,
    Del,
}

/// The outermost loops in `body` (not inside another loop), not looking into nested functions or classes.
pub(crate) fn outermost_loops(body: &[Stmt]) -> Vec<&Stmt> {
    let mut out = Vec::new();
    for s in body {
        match &s.kind {
            StmtKind::For { .. } | StmtKind::While { .. } => out.push(s),
            StmtKind::If { body, orelse, .. } => {
                out.extend(outermost_loops(body));
                out.extend(outermost_loops(orelse));
            }
            StmtKind::With { body, .. } => out.extend(outermost_loops(body)),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                out.extend(outermost_loops(body));
                for h in handlers {
                    out.extend(outermost_loops(&h.body));
                }
                out.extend(outermost_loops(orelse));
                out.extend(outermost_loops(finalbody));
            }
            _ => {}
        }
    }
    out
}

/// Calls `f` on every expression node the loop `lp` evaluates on each iteration, in the enclosing scope:
/// the `while` test, the `for` target, the body (inner loops included, their iterables too), but not the
/// outermost `for` iterable (evaluated once), the `else` clause, nor anything inside nested functions,
/// classes, lambdas or comprehension bodies (a comprehension's first iterable is included).
pub(crate) fn each_expr_in_loop<'a>(lp: &'a Stmt, f: &mut dyn FnMut(&'a Expr, Ctx)) {
    match &lp.kind {
        StmtKind::For { target, body, .. } => {
            expr(target, Ctx::Store, f);
            stmts(body, f);
        }
        StmtKind::While { test, body, .. } => {
            expr(test, Ctx::Load, f);
            stmts(body, f);
        }
        _ => {}
    }
}

/// Calls `f` on every statement executed on each iteration of `lp` (not in nested scopes).
pub(crate) fn each_stmt_in_loop<'a>(lp: &'a Stmt, f: &mut dyn FnMut(&'a Stmt)) {
    fn walk<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt)) {
        for s in body {
            f(s);
            match &s.kind {
                StmtKind::For { body, orelse, .. }
                | StmtKind::While { body, orelse, .. }
                | StmtKind::If { body, orelse, .. } => {
                    walk(body, f);
                    walk(orelse, f);
                }
                StmtKind::With { body, .. } => walk(body, f),
                StmtKind::Try { body, handlers, orelse, finalbody } => {
                    walk(body, f);
                    for h in handlers {
                        walk(&h.body, f);
                    }
                    walk(orelse, f);
                    walk(finalbody, f);
                }
                _ => {}
            }
        }
    }
    match &lp.kind {
        StmtKind::For { body, .. } | StmtKind::While { body, .. } => walk(body, f),
        _ => {}
    }
}

pub(crate) fn stmts<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Expr, Ctx)) {
    for s in body {
        stmt(s, f);
    }
}

/// Expressions of one statement evaluated in the current scope (nested scopes skipped, except for
/// default values and decorators, which the enclosing scope evaluates).
pub(crate) fn stmt<'a>(s: &'a Stmt, f: &mut dyn FnMut(&'a Expr, Ctx)) {
    match &s.kind {
        StmtKind::FunctionDef(d) => {
            for x in &d.decorators {
                expr(x, Ctx::Load, f);
            }
            let a = &d.args;
            for arg in a.posonly.iter().chain(&a.args).chain(&a.kwonly) {
                if let Some(x) = &arg.default {
                    expr(x, Ctx::Load, f);
                }
            }
        }
        StmtKind::ClassDef(c) => {
            for x in c.decorators.iter().chain(&c.bases) {
                expr(x, Ctx::Load, f);
            }
        }
        StmtKind::Return(Some(x)) | StmtKind::Expr(x) => expr(x, Ctx::Load, f),
        StmtKind::Return(None) => {}
        StmtKind::Delete(ts) => ts.iter().for_each(|t| expr(t, Ctx::Del, f)),
        StmtKind::Assign { targets, value } => {
            expr(value, Ctx::Load, f);
            targets.iter().for_each(|t| expr(t, Ctx::Store, f));
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(value, Ctx::Load, f);
            expr(target, Ctx::AugStore, f);
        }
        StmtKind::AnnAssign { target, value, .. } => {
            if let Some(v) = value {
                expr(v, Ctx::Load, f);
                expr(target, Ctx::Store, f);
            }
        }
        StmtKind::For { target, iter, body, orelse, .. } => {
            expr(iter, Ctx::Load, f);
            expr(target, Ctx::Store, f);
            stmts(body, f);
            stmts(orelse, f);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse, .. } => {
            expr(test, Ctx::Load, f);
            stmts(body, f);
            stmts(orelse, f);
        }
        StmtKind::With { items, body, .. } => {
            for it in items {
                expr(&it.context, Ctx::Load, f);
                if let Some(v) = &it.vars {
                    expr(v, Ctx::Store, f);
                }
            }
            stmts(body, f);
        }
        StmtKind::Raise { exc, cause } => {
            for x in [exc, cause].into_iter().flatten() {
                expr(x, Ctx::Load, f);
            }
        }
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            stmts(body, f);
            for h in handlers {
                if let Some(t) = &h.typ {
                    expr(t, Ctx::Load, f);
                }
                stmts(&h.body, f);
            }
            stmts(orelse, f);
            stmts(finalbody, f);
        }
        StmtKind::Assert { test, msg } => {
            expr(test, Ctx::Load, f);
            if let Some(m) = msg {
                expr(m, Ctx::Load, f);
            }
        }
        StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}

/// Calls `f` on `e` and its sub-expressions evaluated in the current scope.
pub(crate) fn expr<'a>(e: &'a Expr, ctx: Ctx, f: &mut dyn FnMut(&'a Expr, Ctx)) {
    f(e, ctx);
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Const(_) | ExprKind::ConstObj(_) => {}
        ExprKind::Tuple { elts, .. } | ExprKind::List(elts) => {
            let inner = if ctx == Ctx::Load { Ctx::Load } else { ctx };
            elts.iter().for_each(|x| expr(x, inner, f));
        }
        ExprKind::Starred(x) => expr(x, ctx, f),
        ExprKind::Attribute { value, .. } => expr(value, Ctx::Load, f),
        ExprKind::Subscript { value, slice } => {
            expr(value, Ctx::Load, f);
            expr(slice, Ctx::Load, f);
        }
        ExprKind::BoolOp { values, .. } => values.iter().for_each(|x| expr(x, Ctx::Load, f)),
        ExprKind::NamedExpr { target, value } => {
            expr(value, Ctx::Load, f);
            expr(target, Ctx::Store, f);
        }
        ExprKind::BinOp { left, right, .. } => {
            expr(left, Ctx::Load, f);
            expr(right, Ctx::Load, f);
        }
        ExprKind::UnaryOp { operand, .. } => expr(operand, Ctx::Load, f),
        ExprKind::Lambda { args, .. } => {
            for arg in args.posonly.iter().chain(&args.args).chain(&args.kwonly) {
                if let Some(x) = &arg.default {
                    expr(x, Ctx::Load, f);
                }
            }
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, Ctx::Load, f);
            expr(body, Ctx::Load, f);
            expr(orelse, Ctx::Load, f);
        }
        ExprKind::Dict { keys, values } => {
            for (k, v) in keys.iter().zip(values) {
                if let Some(k) = k {
                    expr(k, Ctx::Load, f);
                }
                expr(v, Ctx::Load, f);
            }
        }
        ExprKind::Set(xs) => xs.iter().for_each(|x| expr(x, Ctx::Load, f)),
        ExprKind::ListComp { generators, .. }
        | ExprKind::SetComp { generators, .. }
        | ExprKind::DictComp { generators, .. }
        | ExprKind::GeneratorExp { generators, .. } => {
            if let Some(g) = generators.first() {
                expr(&g.iter, Ctx::Load, f);
            }
        }
        ExprKind::Await(x) | ExprKind::YieldFrom(x) => expr(x, Ctx::Load, f),
        ExprKind::Yield(x) => {
            if let Some(x) = x {
                expr(x, Ctx::Load, f);
            }
        }
        ExprKind::Compare { left, comparators, .. } => {
            expr(left, Ctx::Load, f);
            comparators.iter().for_each(|x| expr(x, Ctx::Load, f));
        }
        ExprKind::Call { func, args, keywords } => {
            expr(func, Ctx::Load, f);
            args.iter().for_each(|x| expr(x, Ctx::Load, f));
            keywords.iter().for_each(|k| expr(&k.value, Ctx::Load, f));
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                expr(x, Ctx::Load, f);
            }
        }
    }
}

/// The dotted form of a `Name` or of an attribute chain on a name (`self.a.b`), if it is one.
pub(crate) fn dotted(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.clone()),
        ExprKind::Attribute { value, attr } => Some(format!("{}.{attr}", dotted(value)?)),
        _ => None,
    }
}

/// The name at the base of an attribute chain (`self` for `self.a.b`).
pub(crate) fn base_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Attribute { value, .. } => base_name(value),
        _ => None,
    }
}
