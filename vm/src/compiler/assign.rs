//! Assignment and deletion targets (`c_assign`, `c_assign_tuple`, `c_assign_atom_expr`, `c_del_stmt`).

use super::call::Trailer;
use super::Compiler;
use crate::emit::AccessKind;
use crate::syntax::ast::{Expr, ExprKind};

/// `assign_kind_t`: a plain store, or the load and store halves of an augmented assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AssignKind {
    Store,
    AugLoad,
    AugStore,
}

impl<'a> Compiler<'a> {
    /// `c_assign`: stores the value on top of the stack into `target`.
    pub(super) fn c_assign(&mut self, target: &'a Expr, kind: AssignKind) {
        if !self.enter() {
            return;
        }
        match &target.kind {
            ExprKind::Name(name) => match kind {
                AssignKind::Store | AssignKind::AugStore => self.compile_store_id(name),
                AssignKind::AugLoad => self.compile_load_id(name),
            },
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } | ExprKind::Call { .. } => {
                self.c_assign_atom_expr(target, kind)
            }
            ExprKind::Tuple { elts, parenthesized } => {
                if (*parenthesized && elts.is_empty()) || kind != AssignKind::Store {
                    self.cannot_assign(target);
                } else {
                    self.c_assign_tuple(elts);
                }
            }
            ExprKind::List(elts) => {
                if kind != AssignKind::Store {
                    self.cannot_assign(target);
                } else {
                    self.c_assign_tuple(elts);
                }
            }
            _ => self.cannot_assign(target),
        }
        self.leave();
    }

    fn cannot_assign(&mut self, target: &'a Expr) {
        self.syntax_error(self.node_line(target), "can't assign to expression");
    }

    /// `c_assign_tuple`: unpacks into several targets, at most one of them starred.
    fn c_assign_tuple(&mut self, elts: &'a [Expr]) {
        let n = elts.len() as u32;
        let mut star_index: Option<usize> = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred(_)) {
                if star_index.is_none() {
                    self.emit().unpack_ex(i as u32, n - i as u32 - 1);
                    star_index = Some(i);
                } else {
                    self.syntax_error(e.line, "multiple *x in assignment");
                    return;
                }
            }
        }
        if star_index.is_none() {
            self.emit().unpack_sequence(n);
        }
        for (i, e) in elts.iter().enumerate() {
            match (&e.kind, star_index == Some(i)) {
                (ExprKind::Starred(inner), true) => self.c_assign(inner, AssignKind::Store),
                _ => self.c_assign(e, AssignKind::Store),
            }
        }
    }

    /// Compiles the atom and all trailers but the last one, as `c_assign_atom_expr` and `c_del_stmt` do:
    /// every trailer goes through `compile_node` (so `a.b().c = 1` calls `b` without a method call).
    fn compile_target_prefix(&mut self, target: &'a Expr) -> Option<Trailer<'a>> {
        let (atom, trailers) = self.unroll_chain(target);
        self.compile_node(atom);
        let (last, rest) = trailers.split_last()?;
        for t in rest {
            self.compile_trailer(*t);
        }
        Some(*last)
    }

    /// `c_assign_atom_expr`: `a.b = v`, `a[i] = v` and their augmented forms.
    fn c_assign_atom_expr(&mut self, target: &'a Expr, kind: AssignKind) {
        let last = if kind != AssignKind::AugStore {
            self.compile_target_prefix(target)
        } else {
            let (_, trailers) = self.unroll_chain(target);
            trailers.last().copied()
        };
        match last {
            Some(Trailer::Bracket { index, .. }) => {
                if kind == AssignKind::AugStore {
                    self.emit().rot_three();
                    self.emit().subscr(AccessKind::Store);
                } else {
                    self.compile_node(index);
                    if kind == AssignKind::AugLoad {
                        self.emit().dup_top_two();
                        self.emit().subscr(AccessKind::Load);
                    } else {
                        self.emit().subscr(AccessKind::Store);
                    }
                }
            }
            Some(Trailer::Period { attr, .. }) => {
                if kind == AssignKind::AugLoad {
                    self.emit().dup_top();
                    self.emit().attr(attr, AccessKind::Load);
                } else {
                    if kind == AssignKind::AugStore {
                        self.emit().rot_two();
                    }
                    self.emit().attr(attr, AccessKind::Store);
                }
            }
            _ => self.syntax_error(target.line, "can't assign to expression"),
        }
    }

    /// `compile_del_stmt`.
    pub(super) fn compile_del_stmt(&mut self, targets: &'a [Expr]) {
        for t in targets {
            self.c_del_stmt(t);
        }
    }

    /// `c_del_stmt`.
    fn c_del_stmt(&mut self, target: &'a Expr) {
        if !self.enter() {
            return;
        }
        match &target.kind {
            ExprKind::Name(name) => self.compile_delete_id(name),
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } | ExprKind::Call { .. } => {
                match self.compile_target_prefix(target) {
                    Some(Trailer::Bracket { index, .. }) => {
                        self.compile_node(index);
                        self.emit().subscr(AccessKind::Delete);
                    }
                    Some(Trailer::Period { attr, .. }) => self.emit().attr(attr, AccessKind::Delete),
                    _ => self.syntax_error(self.node_line(target), "can't delete expression"),
                }
            }
            ExprKind::Tuple { elts, parenthesized: true } if !elts.is_empty() => {
                for e in elts {
                    self.c_del_stmt(e);
                }
            }
            _ => self.syntax_error(self.node_line(target), "can't delete expression"),
        }
        self.leave();
    }
}
