//! Control flow: labels and jumps, loops, exception blocks (`try`, `with`, `finally`), `return`,
//! `raise` and `yield`.
//!
//! # Exception handling
//!
//! There is one `nlr_buf_t` per function (see [`super::entry`]). Each active `try`/`with` block is an
//! entry on `exc_stack`; the word `LOCAL_IDX_EXC_HANDLER_PC` always holds the address of the innermost
//! *active* handler (or 0), and an exception lands in the global handler, which re-pushes the buffer and
//! jumps there. `break`/`continue`/`return` through `finally` blocks go through the chain of those
//! blocks: each `finally` ends by jumping to its `unwind_label` if `LOCAL_IDX_EXC_HANDLER_UNWIND` is set.

use super::{
    ExcStackEntry, NativeArch, NativeEmitter, VType, OBJ_ITER_BUF_NSLOTS, OFFSETOF_CODE_STATE_SP,
    SCOPE_FLAG_GENERATOR, SCOPE_FLAG_VIPERRET_POS, UNWIND_LABEL_DO_FINAL_UNWIND, UNWIND_LABEL_UNUSED,
    VM_RETURN_NORMAL, VM_RETURN_YIELD,
};
use crate::asm::FunKind;
use crate::emit::{BlockKind, YieldKind};

impl<A: NativeArch> NativeEmitter<A> {
    /// `emit_native_push_exc_stack`: the handler becomes the active one.
    fn emit_native_push_exc_stack(&mut self, label: usize, is_finally: bool) {
        self.exc_stack.push(ExcStackEntry {
            label,
            is_finally,
            unwind_label: UNWIND_LABEL_UNUSED,
            is_active: true,
        });
        self.as_.mov_reg_pcrel(A::REG_RET, Self::label(label));
        self.as_.mov_local_reg(self.local_idx_exc_handler_pc(), A::REG_RET);
    }

    /// `emit_native_leave_exc_stack`: deactivates the innermost handler and makes the next active one
    /// (or none) current.
    fn emit_native_leave_exc_stack(&mut self, start_of_handler: bool) {
        let Some(last) = self.exc_stack.len().checked_sub(1) else {
            self.mpy_cross_assert("leaving an exception block that was never entered");
            return;
        };
        self.exc_stack[last].is_active = false;
        let outer = self.exc_stack[..last].iter().rev().find(|e| e.is_active).map(|e| e.label);
        match outer {
            None => {
                if start_of_handler {
                    // The global handler already cleared the handler pc.
                    return;
                }
                self.as_.clr_reg(A::REG_RET);
            }
            Some(label) => self.as_.mov_reg_pcrel(A::REG_RET, Self::label(label)),
        }
        self.as_.mov_local_reg(self.local_idx_exc_handler_pc(), A::REG_RET);
    }

    /// `emit_native_pop_exc_stack`.
    fn emit_native_pop_exc_stack(&mut self) -> Option<ExcStackEntry> {
        let e = self.exc_stack.pop();
        if e.is_none_or(|e| e.is_active) {
            self.mpy_cross_assert("exception block still active at its end");
        }
        e
    }

    /// `emit_native_label_assign`. At the start of a `finally` block TOS is stored as the exception
    /// value (and stays on the stack until `end_finally`).
    pub(super) fn emit_native_label_assign(&mut self, l: usize) {
        let is_finally = self.exc_stack.last().is_some_and(|e| e.is_finally && e.label == l);
        if is_finally {
            self.emit_access_stack(1, A::REG_TEMP0);
            self.as_.mov_local_reg(self.local_idx_exc_val(), A::REG_TEMP0);
        }
        self.need_stack_settled();
        self.as_.label_assign(Self::label(l));
        if is_finally {
            self.emit_native_leave_exc_stack(false);
        }
    }

    /// `emit_native_jump`.
    pub(super) fn emit_native_jump(&mut self, label: usize) {
        self.need_stack_settled();
        self.as_.jump(Self::label(label));
        self.as_.suppress_code();
    }

    /// `emit_native_jump_helper`: objects are tested with `mp_obj_is_true`, viper values directly.
    pub(super) fn emit_native_jump_helper(&mut self, cond: bool, label: usize, pop: bool) {
        let vtype = self.peek_vtype(0);
        let vtype = if vtype == VType::PyObj {
            let vtype = self.emit_pre_pop_reg(A::REG_ARG_1);
            if !pop {
                self.adjust_stack(1);
            }
            self.emit_call(FunKind::ObjIsTrue);
            vtype
        } else {
            let vtype = self.emit_pre_pop_reg(A::REG_RET);
            if !pop {
                self.adjust_stack(1);
            }
            if !matches!(vtype, VType::Bool | VType::Int | VType::Uint) {
                self.viper_type_error(format!("can't implicitly convert '{}' to 'bool'", vtype.name()));
            }
            vtype
        };
        // The value kept on the stack for `jump_if_or_pop` is retyped at the join point.
        if !pop {
            self.saved_stack_vtype = vtype;
        }
        self.need_stack_settled();
        if cond {
            self.as_.jump_if_reg_nonzero(A::REG_RET, Self::label(label), vtype == VType::PyObj);
        } else {
            self.as_.jump_if_reg_zero(A::REG_RET, Self::label(label), vtype == VType::PyObj);
        }
        if !pop {
            self.adjust_stack(-1);
        }
    }

    /// `emit_native_unwind_jump`: `break`/`continue`/`return` out of `except_depth` exception blocks.
    pub(super) fn emit_native_unwind_jump(&mut self, label: usize, except_depth: usize) {
        let mut label = label;
        if except_depth > 0 {
            let n = self.exc_stack.len();
            let mut first_finally: Option<usize> = None;
            let mut prev_finally: Option<usize> = None;
            let mut idx = n as isize - 1;
            for _ in 0..except_depth {
                if idx < 0 {
                    break;
                }
                let e = self.exc_stack[idx as usize];
                if e.is_finally && e.is_active {
                    if first_finally.is_none() {
                        first_finally = Some(idx as usize);
                    }
                    if let Some(p) = prev_finally {
                        self.exc_stack[p].unwind_label = e.label;
                    }
                    prev_finally = Some(idx as usize);
                }
                idx -= 1;
            }
            match prev_finally {
                None => {
                    // No finally: the handler becomes the one outside the blocks left.
                    if idx < 0 {
                        self.as_.clr_reg(A::REG_RET);
                    } else {
                        let l = self.exc_stack[idx as usize].label;
                        self.as_.mov_reg_pcrel(A::REG_RET, Self::label(l));
                    }
                    self.as_.mov_local_reg(self.local_idx_exc_handler_pc(), A::REG_RET);
                }
                Some(p) => {
                    // The last finally unwinds to the real target; no exception is pending.
                    self.exc_stack[p].unwind_label = UNWIND_LABEL_DO_FINAL_UNWIND;
                    self.as_.mov_reg_pcrel(A::REG_RET, Self::label(label));
                    self.as_.mov_local_reg(self.local_idx_exc_handler_unwind(), A::REG_RET);
                    self.as_.mov_reg_imm(A::REG_RET, 0);
                    self.as_.mov_local_reg(self.local_idx_exc_val(), A::REG_RET);
                    if let Some(f) = first_finally {
                        label = self.exc_stack[f].label;
                    }
                }
            }
        }
        self.emit_native_jump(label);
    }

    /// `emit_native_setup_with`: `__exit__` and the manager stay on the stack, `__enter__()`'s result is
    /// pushed, and the handler for the block is entered.
    fn emit_native_setup_with(&mut self, label: usize) {
        let vtype = self.emit_access_stack(1, A::REG_ARG_1);
        if vtype != VType::PyObj {
            self.mpy_cross_assert("`with` on a viper value");
            return;
        }
        self.emit_get_stack_pointer_to_reg_for_push(A::REG_ARG_3, 2);
        self.emit_call_with_qstr_arg(FunKind::LoadMethod, "__exit__", A::REG_ARG_2);

        // Stack: mgr, __exit__, self. Rearrange to __exit__, self.
        self.emit_pre_pop_reg(A::REG_ARG_3);
        self.emit_pre_pop_reg(A::REG_ARG_2);
        let vtype = self.emit_pre_pop_reg(A::REG_ARG_1);
        self.emit_post_push_reg(vtype, A::REG_ARG_2);
        self.emit_post_push_reg(vtype, A::REG_ARG_3);

        // Call __enter__.
        self.emit_get_stack_pointer_to_reg_for_push(A::REG_ARG_3, 2);
        self.emit_call_with_qstr_arg(FunKind::LoadMethod, "__enter__", A::REG_ARG_2);
        self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 2);
        self.emit_call_with_2_imm_args(FunKind::CallMethodNKw, 0, A::REG_ARG_1, 0, A::REG_ARG_2);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);

        self.need_stack_settled();
        self.emit_native_push_exc_stack(label, true);

        self.emit_native_dup_top();
    }

    /// `emit_native_setup_block`.
    pub(super) fn emit_native_setup_block(&mut self, label: usize, kind: BlockKind) {
        if kind == BlockKind::With {
            self.emit_native_setup_with(label);
        } else {
            self.need_stack_settled();
            self.emit_native_push_exc_stack(label, kind == BlockKind::Finally);
        }
    }

    /// `emit_native_with_cleanup`: call `__exit__(None, None, None)` on normal exit, or
    /// `__exit__(type, value, None)` on an exception, which it may swallow.
    pub(super) fn emit_native_with_cleanup(&mut self, label: usize) {
        // The body finished normally: leave the handler.
        self.emit_native_leave_exc_stack(false);
        self.adjust_stack(-1);

        let l0 = self.label_slot(0);
        let l1 = self.label_slot(1);
        let l2 = self.label_slot(2);

        // Call __exit__(None, None, None).
        self.emit_native_label_assign(l2);
        self.emit_post_push_imm(VType::PtrNone, 0);
        self.emit_post_push_imm(VType::PtrNone, 0);
        self.emit_post_push_imm(VType::PtrNone, 0);
        self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 5);
        self.emit_call_with_2_imm_args(FunKind::CallMethodNKw, 3, A::REG_ARG_1, 0, A::REG_ARG_2);

        self.emit_native_jump(l0);

        // The exception handler (entered with the exception in the exception-value word).
        self.as_.label_assign(Self::label(label));
        self.emit_native_leave_exc_stack(true);

        // __exit__ and self are back on the stack.
        self.emit_native_adjust_stack_size(2);

        self.as_.mov_reg_local(A::REG_ARG_1, self.local_idx_exc_val());

        // No exception (an unwinding jump passes through): call __exit__(None, None, None).
        self.as_.jump_if_reg_zero(A::REG_ARG_1, Self::label(l2), false);

        self.as_.load_reg_reg_offset(A::REG_ARG_2, A::REG_ARG_1, 0); // type(exc)
        self.emit_post_push_reg(VType::PyObj, A::REG_ARG_2);
        self.emit_post_push_reg(VType::PyObj, A::REG_ARG_1);
        self.emit_post_push_imm(VType::PtrNone, 0);

        self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 5);
        self.emit_call_with_2_imm_args(FunKind::CallMethodNKw, 3, A::REG_ARG_1, 0, A::REG_ARG_2);

        // Swallow the exception if __exit__ returned true.
        if A::REG_ARG_1 != A::REG_RET {
            self.as_.mov_reg_reg(A::REG_ARG_1, A::REG_RET);
        }
        self.emit_call(FunKind::ObjIsTrue);
        self.as_.jump_if_reg_zero(A::REG_RET, Self::label(l1), true);

        // Swallowed: clear the exception.
        self.emit_native_label_assign(l0);
        self.clear_local(self.local_idx_exc_val(), A::REG_TEMP0);

        self.emit_native_label_assign(l1);

        // As in bytecode, a value (None or the exception) stays for `end_finally` to pop.
        self.adjust_stack(1);
    }

    /// `emit_native_async_with_setup_finally`: leave the body with `None` under the manager, and in the
    /// `finally` handler test the exception-value word (rather than `isinstance(v, BaseException)`): no
    /// exception means an unwinding jump or return is passing through.
    pub(super) fn emit_native_async_with_setup_finally(
        &mut self,
        label_aexit_no_exc: usize,
        label_finally_block: usize,
        label_ret_unwind_jump: usize,
    ) {
        self.adjust_stack(1);
        self.emit_native_rot_two();
        self.emit_native_load_const_tok(crate::emit::ConstTok::None);
        self.emit_native_rot_two();
        self.emit_native_jump(label_aexit_no_exc);
        self.adjust_stack(-1);

        self.emit_native_label_assign(label_finally_block);
        self.as_.mov_reg_local(A::REG_ARG_1, self.local_idx_exc_val());
        self.as_.jump_if_reg_zero(A::REG_ARG_1, Self::label(label_ret_unwind_jump), false);
        self.emit_pre_pop_discard();
        self.emit_post_push_reg(VType::PyObj, A::REG_ARG_1);
    }

    /// `emit_native_end_finally`: re-raise a pending exception, else continue any unwinding jump.
    pub(super) fn emit_native_end_finally(&mut self) {
        self.emit_pre_pop_discard();
        self.as_.mov_reg_local(A::REG_ARG_1, self.local_idx_exc_val());
        self.emit_call(FunKind::NativeRaise);

        let Some(e) = self.emit_native_pop_exc_stack() else {
            return;
        };
        if e.unwind_label != UNWIND_LABEL_UNUSED {
            let l0 = self.label_slot(0);
            self.as_.mov_reg_local(A::REG_RET, self.local_idx_exc_handler_unwind());
            self.as_.jump_if_reg_zero(A::REG_RET, Self::label(l0), false);
            if e.unwind_label == UNWIND_LABEL_DO_FINAL_UNWIND {
                self.as_.jump_reg(A::REG_RET);
            } else {
                self.emit_native_jump(e.unwind_label);
            }
            self.emit_native_label_assign(l0);
        }
    }

    /// `emit_native_get_iter`: into stack words (`for`) or as one object (`yield from`, genexpr).
    pub(super) fn emit_native_get_iter(&mut self, use_stack: bool) {
        let vtype = self.emit_pre_pop_reg(A::REG_ARG_1);
        if vtype != VType::PyObj {
            self.mpy_cross_assert(&format!("iterating over a viper '{}' value", vtype.name()));
            return;
        }
        if use_stack {
            self.emit_get_stack_pointer_to_reg_for_push(A::REG_ARG_2, OBJ_ITER_BUF_NSLOTS);
            self.emit_call(FunKind::NativeGetiter);
        } else {
            self.as_.mov_reg_imm(A::REG_ARG_2, 0);
            self.emit_call(FunKind::NativeGetiter);
            self.emit_post_push_reg(VType::PyObj, A::REG_RET);
        }
    }

    /// `emit_native_for_iter`: `MP_OBJ_STOP_ITERATION` is NULL.
    pub(super) fn emit_native_for_iter(&mut self, label: usize) {
        self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_1, OBJ_ITER_BUF_NSLOTS);
        self.adjust_stack(OBJ_ITER_BUF_NSLOTS as i64);
        self.emit_call(FunKind::NativeIternext);
        self.as_.jump_if_reg_zero(A::REG_RET, Self::label(label), false);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_pop_except_jump`.
    pub(super) fn emit_native_pop_except_jump(&mut self, label: usize, within_exc_handler: bool) {
        if within_exc_handler {
            // Cancel the exception.
            self.clear_local(self.local_idx_exc_val(), A::REG_TEMP0);
        } else {
            self.emit_native_leave_exc_stack(false);
        }
        self.emit_native_jump(label);
    }

    /// `emit_native_start_except_handler`: the exception is pushed as an object.
    pub(super) fn emit_native_start_except_handler(&mut self) {
        self.emit_native_leave_exc_stack(true);
        self.as_.mov_reg_local(A::REG_TEMP0, self.local_idx_exc_val());
        self.emit_post_push_reg(VType::PyObj, A::REG_TEMP0);
    }

    /// `emit_native_return_value`.
    pub(super) fn emit_native_return_value(&mut self) {
        if self.is_generator() {
            // Save the value on the generator's stack and return MP_VM_RETURN_NORMAL.
            self.emit_get_stack_pointer_to_reg_for_pop(A::REG_TEMP0, 1);
            self.mov_state_reg(OFFSETOF_CODE_STATE_SP, A::REG_TEMP0);
            self.as_.mov_reg_imm(A::REG_TEMP0, VM_RETURN_NORMAL);
            self.as_.mov_local_reg(self.local_idx_ret_val(), A::REG_TEMP0);
            let (exit, depth) = (self.exit_label, self.exc_stack.len());
            self.emit_native_unwind_jump(exit, depth);
            return;
        }

        if self.do_viper_types {
            let return_vtype = VType::from_native_type(self.scope.scope_flags >> SCOPE_FLAG_VIPERRET_POS & 7);
            if self.peek_vtype(0) == VType::PtrNone {
                self.emit_pre_pop_discard();
                if return_vtype == VType::PyObj {
                    self.mov_reg_const(A::REG_PARENT_RET, FunKind::ConstNoneObj as i32);
                } else {
                    self.as_.mov_reg_imm(A::REG_ARG_1, 0);
                }
            } else {
                let reg = if return_vtype == VType::PyObj { A::REG_PARENT_RET } else { A::REG_ARG_1 };
                let vtype = self.emit_pre_pop_reg(reg);
                if vtype != return_vtype {
                    self.viper_type_error(format!(
                        "return expected '{}' but got '{}'",
                        return_vtype.name(),
                        vtype.name()
                    ));
                }
            }
            if return_vtype != VType::PyObj {
                self.emit_call_with_imm_arg(FunKind::ConvertNativeToObj, return_vtype.code(), A::REG_ARG_2);
                if Self::cpp_regs_differ(A::REG_RET, A::REG_PARENT_RET) {
                    self.as_.mov_reg_reg(A::REG_PARENT_RET, A::REG_RET);
                }
            }
        } else {
            let vtype = self.emit_pre_pop_reg(A::REG_PARENT_RET);
            if vtype != VType::PyObj {
                self.mpy_cross_assert("native return of a non-object");
                return;
            }
        }
        if self.need_global_exc_handler() {
            // Save the return value for the exit code.
            self.as_.mov_local_reg(self.local_idx_ret_val(), A::REG_PARENT_RET);
        }
        let (exit, depth) = (self.exit_label, self.exc_stack.len());
        self.emit_native_unwind_jump(exit, depth);
    }

    /// `emit_native_raise_varargs`: only `raise X` compiles to native code.
    pub(super) fn emit_native_raise_varargs(&mut self, n_args: u32) {
        if n_args != 1 {
            self.not_implemented("native raise");
            return;
        }
        let vtype_exc = self.emit_pre_pop_reg(A::REG_ARG_1);
        if vtype_exc != VType::PyObj {
            self.viper_type_error("must raise an object".to_string());
        }
        self.emit_call(FunKind::NativeRaise);
        self.as_.suppress_code();
    }

    /// `emit_native_yield`: save the stack pointer and the resume address in the generator's code state
    /// and return `MP_VM_RETURN_YIELD`; on resumption raise any thrown value. `yield from` loops through
    /// `mp_native_yield_from` until the inner iterator is done.
    pub(super) fn emit_native_yield(&mut self, kind: YieldKind) {
        if self.do_viper_types {
            self.not_implemented("native yield");
            return;
        }
        self.scope.scope_flags |= SCOPE_FLAG_GENERATOR;

        self.need_stack_settled();

        let l0 = self.label_slot(0);
        let l1 = self.label_slot(1);
        let l2 = self.label_slot(2);

        if kind == YieldKind::From {
            // Top of the yield-from loop.
            self.emit_native_jump(l2);
            self.emit_native_label_assign(l1);
        }

        // Save the stack pointer (the yielded value is TOS).
        self.emit_get_stack_pointer_to_reg_for_pop(A::REG_TEMP0, 1);
        self.mov_state_reg(OFFSETOF_CODE_STATE_SP, A::REG_TEMP0);

        self.as_.mov_reg_imm(A::REG_TEMP0, VM_RETURN_YIELD);
        self.as_.mov_local_reg(self.local_idx_ret_val(), A::REG_TEMP0);

        // The resume address.
        self.as_.mov_reg_pcrel(A::REG_TEMP0, Self::label(l0));
        self.mov_state_reg(self.local_idx_gen_pc(), A::REG_TEMP0);

        self.as_.jump(Self::label(self.exit_label));

        // Resumed here.
        self.as_.label_assign(Self::label(l0));

        // Re-activate the innermost active handler.
        if let Some(e) = self.exc_stack.iter().rev().find(|e| e.is_active).copied() {
            self.as_.mov_reg_pcrel(A::REG_RET, Self::label(e.label));
            self.as_.mov_local_reg(self.local_idx_exc_handler_pc(), A::REG_RET);
        }

        // The sent value.
        self.emit_native_adjust_stack_size(1);

        if kind == YieldKind::Value {
            self.emit_native_raise_thrown();
        } else {
            self.emit_native_label_assign(l2);

            // The thrown value (taken and cleared), send_value, iterator.
            self.as_.mov_reg_local(A::REG_ARG_3, self.local_idx_throw_val());
            self.as_.mov_reg_imm(A::REG_ARG_2, 0);
            self.as_.mov_local_reg(self.local_idx_throw_val(), A::REG_ARG_2);
            self.emit_pre_pop_reg(A::REG_ARG_2);
            self.emit_access_stack(1, A::REG_ARG_1);
            self.emit_post_push_reg(VType::PyObj, A::REG_ARG_3);
            self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 1);
            self.emit_call(FunKind::NativeYieldFrom);

            // Not finished: yield the value.
            self.as_.jump_if_reg_nonzero(A::REG_RET, Self::label(l1), true);

            // Finished: the return value replaces the iterator.
            self.emit_native_adjust_stack_size(1);
            self.emit_fold_stack_top(A::REG_ARG_1);
        }
    }

}
