//! A read-only walker over our AST: override `visit_stmt`/`visit_expr`, call `walk_*` to descend.

use crate::syntax::ast::*;

pub trait Visitor<'a> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        walk_stmt(self, s);
    }
    fn visit_expr(&mut self, e: &'a Expr) {
        walk_expr(self, e);
    }
}

pub fn walk_body<'a, V: Visitor<'a> + ?Sized>(v: &mut V, body: &'a [Stmt]) {
    for s in body {
        v.visit_stmt(s);
    }
}

fn walk_args<'a, V: Visitor<'a> + ?Sized>(v: &mut V, a: &'a Arguments) {
    let all = a.posonly.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonly).chain(&a.kwarg);
    for arg in all {
        if let Some(d) = &arg.default {
            v.visit_expr(d);
        }
        if let Some(t) = &arg.annotation {
            v.visit_expr(t);
        }
    }
}

pub fn walk_stmt<'a, V: Visitor<'a> + ?Sized>(v: &mut V, s: &'a Stmt) {
    match &s.kind {
        StmtKind::FunctionDef(f) => {
            for d in &f.decorators {
                v.visit_expr(d);
            }
            walk_args(v, &f.args);
            if let Some(r) = &f.returns {
                v.visit_expr(r);
            }
            walk_body(v, &f.body);
        }
        StmtKind::ClassDef(c) => {
            for d in &c.decorators {
                v.visit_expr(d);
            }
            for b in &c.bases {
                v.visit_expr(b);
            }
            for k in &c.keywords {
                v.visit_expr(&k.value);
            }
            walk_body(v, &c.body);
        }
        StmtKind::Return(e) => {
            if let Some(e) = e {
                v.visit_expr(e);
            }
        }
        StmtKind::Delete(ts) => ts.iter().for_each(|t| v.visit_expr(t)),
        StmtKind::Assign { targets, value } => {
            v.visit_expr(value);
            targets.iter().for_each(|t| v.visit_expr(t));
        }
        StmtKind::AugAssign { target, value, .. } => {
            v.visit_expr(target);
            v.visit_expr(value);
        }
        StmtKind::AnnAssign { target, annotation, value, .. } => {
            if let Some(x) = value {
                v.visit_expr(x);
            }
            v.visit_expr(annotation);
            v.visit_expr(target);
        }
        StmtKind::For { target, iter, body, orelse, .. } => {
            v.visit_expr(iter);
            v.visit_expr(target);
            walk_body(v, body);
            walk_body(v, orelse);
        }
        StmtKind::While { test, body, orelse } => {
            v.visit_expr(test);
            walk_body(v, body);
            walk_body(v, orelse);
        }
        StmtKind::If { test, body, orelse, .. } => {
            v.visit_expr(test);
            walk_body(v, body);
            walk_body(v, orelse);
        }
        StmtKind::With { items, body, .. } => {
            for it in items {
                v.visit_expr(&it.context);
                if let Some(x) = &it.vars {
                    v.visit_expr(x);
                }
            }
            walk_body(v, body);
        }
        StmtKind::Raise { exc, cause } => {
            if let Some(x) = exc {
                v.visit_expr(x);
            }
            if let Some(x) = cause {
                v.visit_expr(x);
            }
        }
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            walk_body(v, body);
            for h in handlers {
                if let Some(t) = &h.typ {
                    v.visit_expr(t);
                }
                walk_body(v, &h.body);
            }
            walk_body(v, orelse);
            walk_body(v, finalbody);
        }
        StmtKind::Assert { test, msg } => {
            v.visit_expr(test);
            if let Some(m) = msg {
                v.visit_expr(m);
            }
        }
        StmtKind::Expr(e) => v.visit_expr(e),
        StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}

fn walk_comprehensions<'a, V: Visitor<'a> + ?Sized>(v: &mut V, gens: &'a [Comprehension]) {
    for g in gens {
        v.visit_expr(&g.iter);
        v.visit_expr(&g.target);
        g.ifs.iter().for_each(|e| v.visit_expr(e));
    }
}

pub fn walk_expr<'a, V: Visitor<'a> + ?Sized>(v: &mut V, e: &'a Expr) {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Const(_) | ExprKind::ConstObj(_) => {}
        ExprKind::BoolOp { values, .. } => values.iter().for_each(|x| v.visit_expr(x)),
        ExprKind::NamedExpr { target, value } => {
            v.visit_expr(value);
            v.visit_expr(target);
        }
        ExprKind::BinOp { left, right, .. } => {
            v.visit_expr(left);
            v.visit_expr(right);
        }
        ExprKind::UnaryOp { operand, .. } => v.visit_expr(operand),
        ExprKind::Lambda { args, body } => {
            walk_args(v, args);
            v.visit_expr(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            v.visit_expr(test);
            v.visit_expr(body);
            v.visit_expr(orelse);
        }
        ExprKind::Dict { keys, values } => {
            for (k, x) in keys.iter().zip(values) {
                if let Some(k) = k {
                    v.visit_expr(k);
                }
                v.visit_expr(x);
            }
        }
        ExprKind::Set(xs) | ExprKind::List(xs) | ExprKind::Tuple { elts: xs, .. } => {
            xs.iter().for_each(|x| v.visit_expr(x))
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            walk_comprehensions(v, generators);
            v.visit_expr(elt);
        }
        ExprKind::DictComp { key, value, generators } => {
            walk_comprehensions(v, generators);
            v.visit_expr(key);
            v.visit_expr(value);
        }
        ExprKind::Await(x) | ExprKind::YieldFrom(x) | ExprKind::Starred(x) => v.visit_expr(x),
        ExprKind::Yield(x) => {
            if let Some(x) = x {
                v.visit_expr(x);
            }
        }
        ExprKind::Compare { left, comparators, .. } => {
            v.visit_expr(left);
            comparators.iter().for_each(|x| v.visit_expr(x));
        }
        ExprKind::Call { func, args, keywords } => {
            v.visit_expr(func);
            args.iter().for_each(|x| v.visit_expr(x));
            keywords.iter().for_each(|k| v.visit_expr(&k.value));
        }
        ExprKind::Attribute { value, .. } => v.visit_expr(value),
        ExprKind::Subscript { value, slice } => {
            v.visit_expr(value);
            v.visit_expr(slice);
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                v.visit_expr(x);
            }
        }
    }
}

/// Calls `f` on every expression under `stmts` (nested scopes included), outermost first.
pub fn for_each_expr<'a>(stmts: &'a [Stmt], f: impl FnMut(&'a Expr)) {
    struct Each<F>(F);
    impl<'a, F: FnMut(&'a Expr)> Visitor<'a> for Each<F> {
        fn visit_expr(&mut self, e: &'a Expr) {
            (self.0)(e);
            walk_expr(self, e);
        }
    }
    walk_body(&mut Each(f), stmts);
}

/// Calls `f` on every statement under `stmts` (nested scopes included), outermost first.
pub fn for_each_stmt<'a>(stmts: &'a [Stmt], f: impl FnMut(&'a Stmt)) {
    struct Each<F>(F);
    impl<'a, F: FnMut(&'a Stmt)> Visitor<'a> for Each<F> {
        fn visit_stmt(&mut self, s: &'a Stmt) {
            (self.0)(s);
            walk_stmt(self, s);
        }
    }
    walk_body(&mut Each(f), stmts);
}
