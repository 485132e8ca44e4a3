//! Statements: dispatch (`compile_node` on a statement), `if`, `while`, `return`, `assert`, `global` and
//! `nonlocal`, expression statements (`compile_expr_stmt`).

use super::scope::{IdKind, ScopeKind};
use super::{Compiler, INVALID_LABEL};
use crate::emit::{BinaryOp, ConstTok, GlobalKind, Pass};
use crate::syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};

impl<'a> Compiler<'a> {
    /// A statement list (`file_input_2`, `suite_block_stmts`, `simple_stmt_2`: `compile_generic_all_nodes`).
    ///
    /// A list of two or more statements is a struct node of its own, so an error raised on a leaf inside
    /// one of them takes that statement's line.
    pub(super) fn compile_suite(&mut self, body: &'a [Stmt]) {
        if let [first, _, ..] = body {
            // The list node's own line: its first token's, even when the first statement records none
            // (a `_NAME = const(...)` became a line-less `pass`).
            let line = if first.line != 0 { first.line } else { self.src.line_of(first.range.start) };
            self.set_source_line(line);
        }
        self.compile_stmt_list(body);
    }

    /// The statements of a module. The module's statement list records no line of its own (checked
    /// against mpy-cross: a leading line-less `pass` sets none).
    pub(super) fn compile_module_body(&mut self, body: &'a [Stmt]) {
        self.compile_stmt_list(body);
    }

    fn compile_stmt_list(&mut self, body: &'a [Stmt]) {
        for s in body {
            self.compile_stmt(s);
            if self.has_error() {
                if body.len() >= 2 {
                    self.error_set_line(s.line);
                }
                return;
            }
        }
    }

    /// `compile_node` on a statement: sets the line, then compiles the construct.
    pub(super) fn compile_stmt(&mut self, s: &'a Stmt) {
        if !self.enter() {
            return;
        }
        self.set_source_line(s.line);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.compile_funcdef_stmt(s, f),
            StmtKind::ClassDef(c) => self.compile_classdef_stmt(s, c),
            StmtKind::Return(value) => self.compile_return_stmt(s, value.as_ref()),
            StmtKind::Delete(targets) => self.compile_del_stmt(targets),
            StmtKind::Assign { targets, value } => self.compile_assign_stmt(targets, value),
            StmtKind::AugAssign { target, op, value } => self.compile_aug_assign_stmt(target, *op, value),
            StmtKind::AnnAssign { target, annotation: _, value, simple: _ } => {
                self.compile_ann_assign_stmt(target, value.as_ref())
            }
            StmtKind::For { is_async, target, iter, body, orelse } => {
                if *is_async {
                    self.compile_async_for_stmt(s, target, iter, body, orelse);
                } else {
                    self.compile_for_stmt(target, iter, body, orelse);
                }
            }
            StmtKind::While { test, body, orelse } => self.compile_while_stmt(test, body, orelse),
            StmtKind::If { test, body, orelse, is_elif: _ } => self.compile_if_stmt(test, body, orelse),
            StmtKind::With { is_async, items, body } => {
                if *is_async {
                    self.compile_async_with_stmt(s, items, body);
                } else {
                    self.compile_with_stmt(items, body);
                }
            }
            StmtKind::Raise { exc, cause } => self.compile_raise_stmt(exc.as_ref(), cause.as_ref()),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.compile_try_stmt(body, handlers, orelse, finalbody)
            }
            StmtKind::Assert { test, msg } => self.compile_assert_stmt(test, msg.as_ref()),
            StmtKind::Import(names) => self.compile_import_name(names),
            StmtKind::ImportFrom { module, names, level, star } => {
                self.compile_import_from(s, module.as_deref(), names, *level, *star)
            }
            StmtKind::Global(names) => self.compile_global_nonlocal_stmt(s, names, true),
            StmtKind::Nonlocal(names) => self.compile_global_nonlocal_stmt(s, names, false),
            StmtKind::Expr(e) => self.compile_expr_only_stmt(e),
            StmtKind::Pass => {}
            StmtKind::Break => self.compile_break_cont_stmt(s, true),
            StmtKind::Continue => self.compile_break_cont_stmt(s, false),
        }
        self.leave();
    }

    /// An expression statement without assignment. Constants (doc strings included) were turned into
    /// `pass` by MicroPython's parser, so they compile to nothing.
    fn compile_expr_only_stmt(&mut self, e: &'a Expr) {
        if matches!(e.kind, ExprKind::Const(_) | ExprKind::ConstObj(_)) {
            return;
        }
        self.compile_node(e);
        self.emit().pop_top();
    }

    /// `compile_return_stmt`.
    fn compile_return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) {
        if self.scope().kind != ScopeKind::Function {
            self.syntax_error(s.line, "'return' outside function");
            return;
        }
        match value {
            None => self.emit().load_const_tok(ConstTok::None),
            Some(Expr { kind: ExprKind::IfExp { test, body, orelse }, .. }) => {
                // MICROPY_COMP_RETURN_IF_EXPR: return from each branch.
                let l_fail = self.next_label();
                self.c_if_cond(test, false, l_fail);
                self.compile_node(body);
                self.emit().return_value();
                self.emit().label_assign(l_fail);
                self.compile_node(orelse);
            }
            Some(v) => self.compile_node(v),
        }
        self.emit().return_value();
    }

    /// `compile_assert_stmt`: dropped entirely from `-O1` on.
    fn compile_assert_stmt(&mut self, test: &'a Expr, msg: Option<&'a Expr>) {
        if self.opts.opt_level != 0 {
            return;
        }
        let l_end = self.next_label();
        self.c_if_cond(test, true, l_end);
        self.emit().load_global("AssertionError", GlobalKind::Global);
        if let Some(m) = msg {
            self.compile_node(m);
            self.emit().call_function(1, 0, 0);
        }
        self.emit().raise_varargs(1);
        self.emit().label_assign(l_end);
    }

    /// `compile_if_stmt`, with the `elif` chain flattened back as MicroPython's parse tree has it.
    fn compile_if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) {
        let mut elifs: Vec<(&'a Expr, &'a [Stmt])> = Vec::new();
        let mut else_body: &'a [Stmt] = orelse;
        while let [Stmt { kind: StmtKind::If { test, body, orelse, is_elif: true }, .. }] = else_body {
            elifs.push((test, body));
            else_body = orelse;
        }

        let l_end = self.next_label();
        'done: {
            if !self.is_const_false(test) {
                let l_fail = self.next_label();
                self.c_if_cond(test, false, l_fail);
                self.compile_suite(body);
                if self.is_const_true(test) {
                    break 'done;
                }
                if !(elifs.is_empty() && else_body.is_empty()) {
                    self.emit().jump(l_end);
                }
                self.emit().label_assign(l_fail);
            }
            for (etest, ebody) in &elifs {
                if !self.is_const_false(etest) {
                    let l_fail = self.next_label();
                    self.c_if_cond(etest, false, l_fail);
                    self.compile_suite(ebody);
                    if self.is_const_true(etest) {
                        break 'done;
                    }
                    self.emit().jump(l_end);
                    self.emit().label_assign(l_fail);
                }
            }
            self.compile_suite(else_body);
        }
        self.emit().label_assign(l_end);
    }

    /// `compile_while_stmt`.
    fn compile_while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) {
        let saved = self.start_break_continue_block(false);
        let (break_label, continue_label) = (self.break_label, self.continue_label);
        if !self.is_const_false(test) {
            let top_label = self.next_label();
            if !self.is_const_true(test) {
                self.emit().jump(continue_label);
            }
            self.emit().label_assign(top_label);
            self.compile_suite(body);
            self.emit().label_assign(continue_label);
            self.c_if_cond(test, true, top_label);
        }
        self.end_break_continue_block(saved);
        self.compile_suite(orelse);
        self.emit().label_assign(break_label);
    }

    /// `compile_global_nonlocal_stmt`: only acts in the scope pass.
    fn compile_global_nonlocal_stmt(&mut self, s: &'a Stmt, names: &'a [ast::Ident], is_global: bool) {
        if self.pass != Pass::Scope {
            return;
        }
        if !is_global && self.scope().kind == ScopeKind::Module {
            self.syntax_error(s.line, "can't declare nonlocal in outer code");
            return;
        }
        for name in names {
            let i = self.scope_mut().find_or_add(name, IdKind::Undecided);
            if is_global {
                self.compile_declare_global(s.line, i);
            } else {
                self.compile_declare_nonlocal(s.line, i);
            }
        }
    }

    fn compile_declare_global(&mut self, line: u32, i: usize) {
        let kind = self.scope().id_info[i].kind;
        if kind != IdKind::Undecided && kind != IdKind::GlobalExplicit {
            self.syntax_error(line, "identifier redefined as global");
            return;
        }
        self.scope_mut().id_info[i].kind = IdKind::GlobalExplicit;
        let qst = self.scope().id_info[i].qst.clone();
        if let Some((gs, gi)) = super::scope::find_global(&self.scopes, self.cur, &qst) {
            self.scopes[gs].id_info[gi].kind = IdKind::GlobalExplicit;
        }
    }

    fn compile_declare_nonlocal(&mut self, line: u32, i: usize) {
        let kind = self.scope().id_info[i].kind;
        if kind == IdKind::Undecided {
            self.scope_mut().id_info[i].kind = IdKind::GlobalImplicit;
            super::scope::check_to_close_over(&mut self.scopes, self.cur, i);
            if self.scope().id_info[i].kind == IdKind::GlobalImplicit {
                self.syntax_error(line, "no binding for nonlocal found");
            }
        } else if kind != IdKind::Free {
            self.syntax_error(line, "identifier redefined as nonlocal");
        }
    }

    /// `compile_declare_global_or_nonlocal`.
    pub(super) fn compile_declare_global_or_nonlocal(&mut self, line: u32, i: usize, is_global: bool) {
        if is_global {
            self.compile_declare_global(line, i);
        } else {
            self.compile_declare_nonlocal(line, i);
        }
    }

    /// `START_BREAK_CONTINUE_BLOCK`: new break/continue labels; returns the old state.
    pub(super) fn start_break_continue_block(&mut self, from_for: bool) -> BreakContinueState {
        let saved = BreakContinueState {
            break_label: self.break_label,
            break_from_for: self.break_from_for,
            continue_label: self.continue_label,
            except_level: self.break_continue_except_level,
        };
        self.break_label = self.next_label();
        self.continue_label = self.next_label();
        self.break_from_for = from_for;
        self.break_continue_except_level = self.cur_except_level;
        saved
    }

    /// `END_BREAK_CONTINUE_BLOCK`.
    pub(super) fn end_break_continue_block(&mut self, saved: BreakContinueState) {
        self.break_label = saved.break_label;
        self.break_from_for = saved.break_from_for;
        self.continue_label = saved.continue_label;
        self.break_continue_except_level = saved.except_level;
    }

    /// `compile_break_cont_stmt`.
    fn compile_break_cont_stmt(&mut self, s: &'a Stmt, is_break: bool) {
        let label = if is_break { self.break_label } else { self.continue_label };
        if label == INVALID_LABEL {
            self.syntax_error(s.line, "'break'/'continue' outside loop");
            return;
        }
        let depth = self.cur_except_level.saturating_sub(self.break_continue_except_level);
        let from_for = is_break && self.break_from_for;
        self.emit().unwind_jump(label, depth, from_for);
    }

    /// `compile_expr_stmt` for `a = b = value`.
    fn compile_assign_stmt(&mut self, targets: &'a [Expr], value: &'a Expr) {
        match targets {
            [] => self.internal_error("assignment without target"),
            [target] => self.compile_plain_assign(target, value),
            [first, rest @ ..] => {
                self.compile_node(value);
                self.emit().dup_top();
                self.c_assign(first, super::assign::AssignKind::Store);
                for (i, t) in rest.iter().enumerate() {
                    if i + 1 < rest.len() {
                        self.emit().dup_top();
                    }
                    self.c_assign(t, super::assign::AssignKind::Store);
                }
            }
        }
    }

    /// The `plain_assign` path of `compile_expr_stmt`, with `MICROPY_COMP_DOUBLE_TUPLE_ASSIGN` and
    /// `MICROPY_COMP_TRIPLE_TUPLE_ASSIGN`: `a, b = b, a` swaps through the stack without a tuple.
    fn compile_plain_assign(&mut self, target: &'a Expr, value: &'a Expr) {
        use super::assign::AssignKind::Store;
        if let (
            ExprKind::Tuple { elts: lhs, parenthesized: false },
            ExprKind::Tuple { elts: rhs, parenthesized: false },
        ) = (&target.kind, &value.kind)
        {
            let n = lhs.len();
            if n == rhs.len() && (n == 2 || n == 3) && !lhs.iter().any(|e| matches!(e.kind, ExprKind::Starred(_))) {
                self.compile_node(&rhs[0]);
                self.compile_node(&rhs[1]);
                if n == 3 {
                    self.compile_node(&rhs[2]);
                    self.emit().rot_three();
                }
                self.emit().rot_two();
                self.c_assign(&lhs[0], Store);
                self.c_assign(&lhs[1], Store);
                if n == 3 {
                    self.c_assign(&lhs[2], Store);
                }
                return;
            }
        }
        self.compile_node(value);
        self.c_assign(target, Store);
    }

    /// `target op= value`.
    fn compile_aug_assign_stmt(&mut self, target: &'a Expr, op: ast::BinOp, value: &'a Expr) {
        use super::assign::AssignKind::{AugLoad, AugStore};
        self.c_assign(target, AugLoad);
        self.compile_node(value);
        let bop: BinaryOp = super::expr::binary_op_of(op).inplace();
        self.emit().binary_op(bop);
        self.c_assign(target, AugStore);
    }

    /// `target: annotation [= value]`; the annotation is never compiled.
    fn compile_ann_assign_stmt(&mut self, target: &'a Expr, value: Option<&'a Expr>) {
        match value {
            Some(v) => self.compile_plain_assign(target, v),
            None => {
                if self.scope().kind == ScopeKind::Function {
                    if let ExprKind::Name(name) = &target.kind {
                        self.scope_mut().find_or_add(name, IdKind::Local);
                    }
                }
            }
        }
    }
}

/// Saved break/continue state of an enclosing loop.
#[derive(Clone, Copy, Debug)]
pub(super) struct BreakContinueState {
    break_label: u32,
    break_from_for: bool,
    continue_label: u32,
    except_level: u32,
}
