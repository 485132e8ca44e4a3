//! `try`/`except`/`else`/`finally`, `with` and `raise` (`compile_try_except`, `compile_try_finally`,
//! `compile_with_stmt_helper`, `compile_raise_stmt`).

use super::assign::AssignKind;
use super::Compiler;
use crate::emit::{BinaryOp, BlockKind, ConstTok};
use crate::syntax::ast::{ExceptHandler, Expr, Stmt, WithItem};

impl<'a> Compiler<'a> {
    /// `compile_raise_stmt`.
    pub(super) fn compile_raise_stmt(&mut self, exc: Option<&'a Expr>, cause: Option<&'a Expr>) {
        match (exc, cause) {
            (None, _) => self.emit().raise_varargs(0),
            (Some(e), Some(c)) => {
                self.compile_node(e);
                self.compile_node(c);
                self.emit().raise_varargs(2);
            }
            (Some(e), None) => {
                self.compile_node(e);
                self.emit().raise_varargs(1);
            }
        }
    }

    /// `compile_try_stmt`.
    pub(super) fn compile_try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) {
        if finalbody.is_empty() {
            self.compile_try_except(body, handlers, orelse);
        } else {
            self.compile_try_finally(body, handlers, orelse, finalbody);
        }
    }

    /// `compile_try_except`.
    fn compile_try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) {
        let l1 = self.next_label();
        let success_label = self.next_label();

        self.compile_increase_except_level(l1, BlockKind::Except);
        self.compile_suite(body);
        self.emit().pop_except_jump(success_label, false);

        self.emit().label_assign(l1);
        self.emit().start_except_handler();

        let l2 = self.next_label();
        for (i, h) in handlers.iter().enumerate() {
            let end_finally_label = self.next_label();
            match &h.typ {
                None => {
                    if i + 1 != handlers.len() {
                        self.syntax_error(h.line, "default 'except' must be last");
                        self.compile_decrease_except_level();
                        return;
                    }
                }
                Some(typ) => {
                    self.emit().dup_top();
                    self.compile_node(typ);
                    self.emit().binary_op(BinaryOp::ExceptionMatch);
                    self.emit().pop_jump_if(false, end_finally_label);
                }
            }
            // Without `as`, the name of the exception is dropped; with it, the handler body is wrapped in a
            // finally that deletes the name again.
            let name = if h.typ.is_some() { h.name.as_deref() } else { None };
            match name {
                None => self.emit().pop_top(),
                Some(n) => self.compile_store_id(n),
            }
            let mut l3 = 0;
            if name.is_some() {
                l3 = self.next_label();
                self.compile_increase_except_level(l3, BlockKind::Finally);
            }
            self.compile_suite(&h.body);
            if let Some(n) = name {
                self.emit().load_const_tok(ConstTok::None);
                self.emit().label_assign(l3);
                self.emit().adjust_stack_size(1);
                self.emit().load_const_tok(ConstTok::None);
                self.compile_store_id(n);
                self.compile_delete_id(n);
                self.emit().adjust_stack_size(-1);
                self.compile_decrease_except_level();
            }
            self.emit().pop_except_jump(l2, true);
            self.emit().label_assign(end_finally_label);
            self.emit().adjust_stack_size(1);
        }

        self.compile_decrease_except_level();
        self.emit().end_except_handler();

        self.emit().label_assign(success_label);
        self.compile_suite(orelse);
        self.emit().label_assign(l2);
    }

    /// `compile_try_finally`.
    fn compile_try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) {
        let l_finally_block = self.next_label();
        self.compile_increase_except_level(l_finally_block, BlockKind::Finally);
        if handlers.is_empty() {
            self.emit().adjust_stack_size(3);
            self.compile_suite(body);
            self.emit().adjust_stack_size(-3);
        } else {
            self.compile_try_except(body, handlers, orelse);
        }
        self.emit().load_const_tok(ConstTok::None);
        self.emit().label_assign(l_finally_block);
        self.emit().adjust_stack_size(1);
        self.compile_suite(finalbody);
        self.emit().adjust_stack_size(-1);
        self.compile_decrease_except_level();
    }

    /// `compile_with_stmt`.
    pub(super) fn compile_with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt]) {
        self.compile_with_stmt_helper(items, body);
    }

    /// `compile_with_stmt_helper`: one context manager, nesting the rest inside it.
    fn compile_with_stmt_helper(&mut self, items: &'a [WithItem], body: &'a [Stmt]) {
        let Some((item, rest)) = items.split_first() else {
            self.compile_suite(body);
            return;
        };
        if !self.enter() {
            return;
        }
        let l_end = self.next_label();
        self.compile_node(&item.context);
        self.compile_increase_except_level(l_end, BlockKind::With);
        match &item.vars {
            Some(v) => self.c_assign(v, AssignKind::Store),
            None => self.emit().pop_top(),
        }
        self.compile_with_stmt_helper(rest, body);
        self.emit().with_cleanup(l_end);
        self.compile_decrease_except_level();
        self.leave();
    }
}
