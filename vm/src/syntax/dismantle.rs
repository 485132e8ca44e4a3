//! Dropping a tree without recursion: `Drop` for [`Module`] takes it apart node by node with a work list,
//! so a 100,000-deep expression (a long `a + b + ...` chain, `-` prefixes, nested brackets) cannot overflow
//! the stack the way the derived, recursive drop would.

use super::ast::*;

impl Drop for Module {
    fn drop(&mut self) {
        dismantle(std::mem::take(&mut self.body));
    }
}

#[derive(Default)]
struct Work {
    stmts: Vec<Stmt>,
    exprs: Vec<Expr>,
    consts: Vec<Constant>,
}

/// Drops statements and everything below them, one node at a time.
pub fn dismantle(body: Vec<Stmt>) {
    let mut w = Work { stmts: body, ..Work::default() };
    loop {
        if let Some(s) = w.stmts.pop() {
            w.stmt(s);
        } else if let Some(e) = w.exprs.pop() {
            w.expr(e);
        } else if let Some(c) = w.consts.pop() {
            if let Constant::Tuple(items) = c {
                w.consts.extend(items);
            }
        } else {
            break;
        }
    }
}

impl Work {
    fn opt(&mut self, e: Option<Expr>) {
        self.exprs.extend(e);
    }

    /// Takes a child out of its box (the box itself is freed here, with no recursion).
    #[allow(clippy::boxed_local)]
    fn boxed(&mut self, e: Box<Expr>) {
        self.exprs.push(*e);
    }

    fn args(&mut self, a: Arguments) {
        for arg in a.posonly.into_iter().chain(a.args).chain(a.vararg).chain(a.kwonly).chain(a.kwarg) {
            self.opt(arg.annotation);
            self.opt(arg.default);
        }
    }

    fn keywords(&mut self, ks: Vec<Keyword>) {
        self.exprs.extend(ks.into_iter().map(|k| k.value));
    }

    fn generators(&mut self, gs: Vec<Comprehension>) {
        for g in gs {
            self.exprs.push(g.target);
            self.exprs.push(g.iter);
            self.exprs.extend(g.ifs);
        }
    }

    fn stmt(&mut self, s: Stmt) {
        match s.kind {
            StmtKind::FunctionDef(f) => {
                let f = *f;
                self.args(f.args);
                self.stmts.extend(f.body);
                self.exprs.extend(f.decorators);
                self.opt(f.returns);
            }
            StmtKind::ClassDef(c) => {
                let c = *c;
                self.exprs.extend(c.bases);
                self.keywords(c.keywords);
                self.stmts.extend(c.body);
                self.exprs.extend(c.decorators);
            }
            StmtKind::Return(v) => self.opt(v),
            StmtKind::Delete(ts) => self.exprs.extend(ts),
            StmtKind::Assign { targets, value } => {
                self.exprs.extend(targets);
                self.exprs.push(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.exprs.push(target);
                self.exprs.push(value);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.exprs.push(target);
                self.exprs.push(annotation);
                self.opt(value);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.exprs.push(target);
                self.exprs.push(iter);
                self.stmts.extend(body);
                self.stmts.extend(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse, .. } => {
                self.exprs.push(test);
                self.stmts.extend(body);
                self.stmts.extend(orelse);
            }
            StmtKind::With { items, body, .. } => {
                for i in items {
                    self.exprs.push(i.context);
                    self.opt(i.vars);
                }
                self.stmts.extend(body);
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc);
                self.opt(cause);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts.extend(body);
                for h in handlers {
                    self.opt(h.typ);
                    self.stmts.extend(h.body);
                }
                self.stmts.extend(orelse);
                self.stmts.extend(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.exprs.push(test);
                self.opt(msg);
            }
            StmtKind::Expr(e) => self.exprs.push(e),
            StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }

    fn expr(&mut self, e: Expr) {
        match e.kind {
            ExprKind::Name(_) => {}
            ExprKind::Const(c) | ExprKind::ConstObj(c) => {
                if matches!(c, Constant::Tuple(_)) {
                    self.consts.push(c);
                }
            }
            ExprKind::BoolOp { values, .. } => self.exprs.extend(values),
            ExprKind::NamedExpr { target, value } => {
                self.boxed(target);
                self.boxed(value);
            }
            ExprKind::BinOp { left, right, .. } => {
                self.boxed(left);
                self.boxed(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.boxed(operand),
            ExprKind::Lambda { args, body } => {
                self.args(*args);
                self.boxed(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.boxed(test);
                self.boxed(body);
                self.boxed(orelse);
            }
            ExprKind::Dict { keys, values } => {
                self.exprs.extend(keys.into_iter().flatten());
                self.exprs.extend(values);
            }
            ExprKind::Set(es) | ExprKind::List(es) | ExprKind::Tuple { elts: es, .. } => self.exprs.extend(es),
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.boxed(elt);
                self.generators(generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.boxed(key);
                self.boxed(value);
                self.generators(generators);
            }
            ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => self.boxed(v),
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.boxed(v);
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.boxed(left);
                self.exprs.extend(comparators);
            }
            ExprKind::Call { func, args, keywords } => {
                self.boxed(func);
                self.exprs.extend(args);
                self.keywords(keywords);
            }
            ExprKind::Attribute { value, .. } => self.boxed(value),
            ExprKind::Subscript { value, slice } => {
                self.boxed(value);
                self.boxed(slice);
            }
            ExprKind::Slice { lower, upper, step } => {
                for b in [lower, upper, step].into_iter().flatten() {
                    self.boxed(b);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_a_very_deep_tree_on_a_small_stack() {
        let t = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(|| {
                let leaf = |k| Expr { kind: k, range: TextRange::default(), line: 1 };
                let mut e = leaf(ExprKind::Name("x".into()));
                for _ in 0..200_000 {
                    e = leaf(ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(e) });
                }
                let mut c = Constant::None;
                for _ in 0..200_000 {
                    c = Constant::Tuple(vec![c]);
                }
                let body = vec![
                    Stmt { kind: StmtKind::Expr(e), range: TextRange::default(), line: 1 },
                    Stmt { kind: StmtKind::Expr(leaf(ExprKind::Const(c))), range: TextRange::default(), line: 1 },
                ];
                drop(Module { body });
            })
            .expect("spawn");
        t.join().expect("dropping overflowed");
    }
}
