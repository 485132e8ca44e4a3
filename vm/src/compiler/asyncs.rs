//! `await`, `async for` and `async with` (`compile_atom_expr_await`, `compile_async_for_stmt`,
//! `compile_async_with_stmt_helper`). `async def` is in [`super::function`].

use super::assign::AssignKind;
use super::scope::{ScopeKind, SCOPE_FLAG_GENERATOR};
use super::Compiler;
use crate::emit::{AccessKind, BinaryOp, BlockKind, ConstTok, GlobalKind};
use crate::syntax::ast::{Expr, Stmt, WithItem};

impl<'a> Compiler<'a> {
    /// `compile_atom_expr_await`.
    pub(super) fn compile_atom_expr_await(&mut self, e: &'a Expr, value: &'a Expr) {
        let kind = self.scope().kind;
        if kind != ScopeKind::Function && kind != ScopeKind::Lambda {
            self.syntax_error(e.line, "'await' outside function");
            return;
        }
        self.compile_atom_expr_normal(value);
        self.compile_yield_from();
    }

    /// `compile_await_object_method`: `await obj.method()` with the object on the stack.
    fn compile_await_object_method(&mut self, method: &str) {
        self.emit().load_method(method, false);
        self.emit().call_method(0, 0, 0);
        self.compile_yield_from();
    }

    /// The check `compile_async_stmt` makes before `async for` and `async with`.
    fn check_async_allowed(&mut self, s: &'a Stmt) -> bool {
        if self.scope().scope_flags & SCOPE_FLAG_GENERATOR == 0 {
            self.syntax_error(s.line, "async for/with outside async function");
            return false;
        }
        true
    }

    /// `compile_async_for_stmt`.
    pub(super) fn compile_async_for_stmt(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) {
        if !self.check_async_allowed(s) {
            return;
        }
        let while_else_label = self.next_label();
        let try_exception_label = self.next_label();
        let try_else_label = self.next_label();
        let try_finally_label = self.next_label();

        self.compile_node(iter);
        self.emit().load_method("__aiter__", false);
        self.emit().call_method(0, 0, 0);

        let saved = self.start_break_continue_block(false);
        let (break_label, continue_label) = (self.break_label, self.continue_label);

        self.emit().label_assign(continue_label);

        self.compile_increase_except_level(try_exception_label, BlockKind::Except);

        self.emit().dup_top();
        self.compile_await_object_method("__anext__");
        self.c_assign(target, AssignKind::Store);
        self.emit().pop_except_jump(try_else_label, false);

        self.emit().label_assign(try_exception_label);
        self.emit().start_except_handler();
        self.emit().dup_top();
        self.emit().load_global("StopAsyncIteration", GlobalKind::Global);
        self.emit().binary_op(BinaryOp::ExceptionMatch);
        self.emit().pop_jump_if(false, try_finally_label);
        self.emit().pop_top();
        self.emit().pop_except_jump(while_else_label, true);

        self.emit().label_assign(try_finally_label);
        self.emit().adjust_stack_size(1);
        self.compile_decrease_except_level();
        self.emit().end_except_handler();

        self.emit().label_assign(try_else_label);
        self.compile_suite(body);

        self.emit().jump(continue_label);

        self.end_break_continue_block(saved);

        self.emit().label_assign(while_else_label);
        self.compile_suite(orelse);

        self.emit().label_assign(break_label);

        self.emit().pop_top();
    }

    /// `compile_async_with_stmt`.
    pub(super) fn compile_async_with_stmt(&mut self, s: &'a Stmt, items: &'a [WithItem], body: &'a [Stmt]) {
        if !self.check_async_allowed(s) {
            return;
        }
        self.compile_async_with_stmt_helper(items, body);
    }

    /// `compile_async_with_stmt_helper`.
    fn compile_async_with_stmt_helper(&mut self, items: &'a [WithItem], body: &'a [Stmt]) {
        let Some((item, rest)) = items.split_first() else {
            self.compile_suite(body);
            return;
        };
        if !self.enter() {
            return;
        }
        let l_finally_block = self.next_label();
        let l_aexit_no_exc = self.next_label();
        let l_ret_unwind_jump = self.next_label();
        let l_end = self.next_label();

        self.compile_node(&item.context);
        self.emit().dup_top();
        self.compile_await_object_method("__aenter__");
        match &item.vars {
            Some(v) => self.c_assign(v, AssignKind::Store),
            None => self.emit().pop_top(),
        }

        self.compile_increase_except_level(l_finally_block, BlockKind::Finally);

        self.emit().adjust_stack_size(3);
        self.compile_async_with_stmt_helper(rest, body);
        self.emit().adjust_stack_size(-3);

        self.emit().load_const_tok(ConstTok::None);
        self.emit().rot_two();
        self.emit().jump(l_aexit_no_exc);

        self.emit().label_assign(l_finally_block);

        self.emit().dup_top();
        self.emit().load_global("BaseException", GlobalKind::Global);
        self.emit().binary_op(BinaryOp::ExceptionMatch);
        self.emit().pop_jump_if(false, l_ret_unwind_jump);

        self.emit().dup_top();
        self.emit().rot_three();
        self.emit().rot_two();
        self.emit().load_method("__aexit__", false);
        self.emit().rot_three();
        self.emit().rot_three();
        self.emit().dup_top();
        self.emit().attr("__class__", AccessKind::Load);
        self.emit().rot_two();
        self.emit().load_const_tok(ConstTok::None);
        self.emit().call_method(3, 0, 0);
        self.compile_yield_from();
        self.emit().pop_jump_if(false, l_end);
        self.emit().pop_top();
        self.emit().load_const_tok(ConstTok::None);
        self.emit().jump(l_end);
        self.emit().adjust_stack_size(2);

        self.emit().label_assign(l_ret_unwind_jump);
        self.emit().rot_three();
        self.emit().rot_three();
        self.emit().label_assign(l_aexit_no_exc);
        self.emit().load_method("__aexit__", false);
        self.emit().load_const_tok(ConstTok::None);
        self.emit().dup_top();
        self.emit().dup_top();
        self.emit().call_method(3, 0, 0);
        self.compile_yield_from();
        self.emit().pop_top();
        self.emit().adjust_stack_size(-1);

        self.emit().label_assign(l_end);
        self.compile_decrease_except_level();
        self.leave();
    }
}
