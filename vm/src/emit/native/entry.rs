//! Function entry and exit: `emit_native_start_pass`, `emit_native_end_pass` (with the prelude of
//! `@native` functions), and the global exception handler (`emit_native_global_exc_entry/exit`).
//!
//! Entry code differs by kind:
//! - **viper**: load `mp_fun_table` and the qstr table from the function object, check the argument
//!   count (`arg_check_num_sig` unless exactly `n_pos_args` positional arguments and no keywords),
//!   convert each argument to its annotated type and keep the first locals in registers;
//! - **native**: build an `mp_code_state_native_t` on the C stack and let `mp_setup_code_state_native`
//!   handle every argument form;
//! - **native generator**: the code state lives in the generator object; entry jumps to the address the
//!   last `yield` saved, after raising any value thrown into the generator.
//!
//! Functions that have exception handlers, are generators or reference globals run inside an
//! `nlr_buf_t` pushed at entry (the "global exception handler"), which also swaps in the module's
//! globals for non-generators.

use super::{
    NativeArch, NativeEmitter, NativeOutput, VType, OFFSETOF_CODE_STATE_N_STATE, OFFSETOF_CODE_STATE_STATE,
    OFFSETOF_MODULE_CONTEXT_GLOBALS, OFFSETOF_MODULE_CONTEXT_OBJ_TABLE, OFFSETOF_MODULE_CONTEXT_QSTR_TABLE,
    OFFSETOF_OBJ_FUN_BC_CONTEXT, SCOPE_FLAG_HASCONSTS, SCOPE_FLAG_VARARGS, SCOPE_FLAG_VARKEYWORDS,
    SIZEOF_CODE_STATE, VM_RETURN_EXCEPTION,
};
use crate::asm::{self, FunKind};
use crate::emit::bytecode::prelude::{encode_signature, encode_size, encode_uint, Signature};
use crate::emit::{Pass, ScopeInfo};
use crate::mpy::ConstObj;

impl<A: NativeArch> NativeEmitter<A> {
    /// `emit_native_start_pass`.
    pub(super) fn emit_native_start_pass(&mut self, pass: Pass, scope: &ScopeInfo) {
        self.pass = pass;
        self.do_viper_types = scope.viper;
        self.stack_size = 0;
        self.scope = scope.clone();
        self.children.clear();

        let num_locals = scope.num_locals as usize;
        if self.local_vtype.len() < num_locals {
            self.local_vtype.resize(num_locals, VType::Unbound);
        }

        // Arguments start as objects; viper arguments take their annotated types.
        let mut num_args = (scope.num_pos_args + scope.num_kwonly_args) as usize;
        if scope.scope_flags & SCOPE_FLAG_VARARGS != 0 {
            num_args += 1;
        }
        if scope.scope_flags & SCOPE_FLAG_VARKEYWORDS != 0 {
            num_args += 1;
        }
        for i in 0..num_args.min(self.local_vtype.len()) {
            self.local_vtype[i] = VType::PyObj;
        }
        if self.do_viper_types {
            for &(local_num, native_type) in &scope.param_types {
                if let Some(v) = self.local_vtype.get_mut(local_num as usize) {
                    *v = VType::from_native_type(native_type);
                }
            }
        }
        // Other locals begin unbound in viper (their type is fixed by the first store).
        let other = if self.do_viper_types { VType::Unbound } else { VType::PyObj };
        for i in num_args..self.local_vtype.len() {
            self.local_vtype[i] = other;
        }
        for si in self.stack_info.iter_mut() {
            *si = super::StackInfo::unbound();
        }

        self.as_.start_pass(if pass == Pass::Emit { asm::Pass::Emit } else { asm::Pass::Compute });

        // Where the code state (or viper's reduced version) starts.
        self.code_state_start = 0;
        if self.need_global_exc_handler() {
            self.code_state_start = Self::sizeof_nlr_buf() + 1; // nlr_buf_t, return value
            if self.need_throw_val() {
                self.code_state_start += 2; // unwind pc, thrown value
            } else if self.need_exc_handler_unwind() {
                self.code_state_start += 1; // unwind pc
            }
        }

        let fun_table_off = self.use_const_obj(ConstObj::FunTable) as i32;
        let name = scope.qualified_name.clone();

        if self.do_viper_types {
            self.start_pass_viper(&name, fun_table_off);
        } else {
            self.start_pass_native(&name, fun_table_off);
        }
    }

    fn start_pass_viper(&mut self, name: &str, fun_table_off: i32) {
        let scope = &self.scope;
        let num_pos_args = scope.num_pos_args as usize;
        let num_locals = scope.num_locals as usize;
        // n_state counts all stack and locals, even those in registers.
        self.n_state = num_locals + scope.stack_size as usize;
        let max_regs = A::MAX_REGS_FOR_LOCAL_VARS;
        let mut num_locals_in_regs = 0;
        if self.can_use_regs_for_locals() {
            num_locals_in_regs = num_locals.min(max_regs);
            // The last register is needed for the argument array if there are more arguments.
            if num_pos_args > max_regs {
                num_locals_in_regs -= 1;
            }
        }

        self.stack_start = if self.need_global_exc_handler() {
            self.code_state_start + 2 // fun_obj, old_globals
        } else if self.flags() & SCOPE_FLAG_HASCONSTS != 0 {
            self.code_state_start + 1 // fun_obj
        } else {
            self.code_state_start
        };

        self.as_.entry(self.stack_start + self.n_state - num_locals_in_regs, name);
        if A::ARGS_ON_STACK {
            self.as_.mov_arg_to_reg(0, A::REG_PARENT_ARG_1);
        }

        self.load_fun_table(A::REG_PARENT_ARG_1, fun_table_off);

        if self.need_fun_obj() {
            self.as_.mov_local_reg(self.local_idx_fun_obj(), A::REG_PARENT_ARG_1);
        }

        // n_args, n_kw, args.
        if A::ARGS_ON_STACK {
            self.as_.mov_arg_to_reg(1, A::REG_ARG_1);
            self.as_.mov_arg_to_reg(2, A::REG_ARG_2);
            self.as_.mov_arg_to_reg(3, Self::reg_local_last());
        } else {
            self.as_.mov_reg_reg(A::REG_ARG_1, A::REG_PARENT_ARG_2);
            self.as_.mov_reg_reg(A::REG_ARG_2, A::REG_PARENT_ARG_3);
            self.as_.mov_reg_reg(Self::reg_local_last(), A::REG_PARENT_ARG_4);
        }

        // Exactly num_pos_args positional arguments and no keywords, else let the runtime raise.
        let l4 = Self::label(self.label_slot(4));
        let l5 = Self::label(self.label_slot(5));
        self.as_.jump_if_reg_nonzero(A::REG_ARG_2, l4, true);
        self.as_.mov_reg_imm(A::REG_ARG_3, num_pos_args as i64);
        self.as_.jump_if_reg_eq(A::REG_ARG_1, A::REG_ARG_3, l5);
        self.as_.label_assign(l4);
        self.as_.mov_reg_imm(A::REG_ARG_3, super::fun_make_sig(num_pos_args as u32, num_pos_args as u32, false));
        self.as_.call_ind(FunKind::ArgCheckNumSig);
        self.as_.label_assign(l5);

        // Store the arguments into locals, converted to their native types.
        for i in 0..num_pos_args {
            let mut r = A::REG_ARG_1;
            self.as_.load_reg_reg_offset(A::REG_ARG_1, Self::reg_local_last(), i as i32);
            let vtype = self.local_vtype.get(i).copied().unwrap_or(VType::PyObj);
            if vtype != VType::PyObj {
                self.emit_call_with_imm_arg(FunKind::ConvertObjToNative, vtype.code(), A::REG_ARG_2);
                r = A::REG_RET;
            }
            if i < max_regs
                && self.can_use_regs_for_locals()
                && (i != max_regs - 1 || num_pos_args == max_regs)
            {
                self.as_.mov_reg_reg(Self::reg_local_table(i), r);
            } else {
                self.mov_state_reg(self.local_idx_local_var(i), r);
            }
        }
        // The last local register held the argument array: now load its local.
        if num_pos_args > max_regs && self.can_use_regs_for_locals() {
            self.as_.mov_reg_local(Self::reg_local_last(), self.local_idx_local_var(max_regs - 1));
        }

        self.emit_native_global_exc_entry();
    }

    /// `REG_FUN_TABLE = fun->context->constants.obj_table[mp_fun_table]`, and the qstr table.
    fn load_fun_table(&mut self, reg_fun: A::Reg, fun_table_off: i32) {
        self.as_.load_reg_reg_offset(A::REG_FUN_TABLE, reg_fun, OFFSETOF_OBJ_FUN_BC_CONTEXT);
        self.as_.load_reg_reg_offset(A::REG_QSTR_TABLE, A::REG_FUN_TABLE, OFFSETOF_MODULE_CONTEXT_QSTR_TABLE);
        self.as_.load_reg_reg_offset(A::REG_FUN_TABLE, A::REG_FUN_TABLE, OFFSETOF_MODULE_CONTEXT_OBJ_TABLE);
        self.as_.load_reg_reg_offset(A::REG_FUN_TABLE, A::REG_FUN_TABLE, fun_table_off);
    }

    fn start_pass_native(&mut self, name: &str, fun_table_off: i32) {
        let num_locals = self.scope.num_locals as usize;
        self.n_state = num_locals + self.scope.stack_size as usize;

        // The first word is the index of the prelude pointer in the child table.
        self.as_.data(A::WORD_SIZE, self.prelude_ptr_index as u64);

        if self.is_generator() {
            self.as_.data(A::WORD_SIZE, self.start_offset as u64);
            self.as_.entry(self.code_state_start, name);

            // The code state is the generator's, pointed to by REG_GENERATOR_STATE.
            self.code_state_start = 0;
            self.stack_start = SIZEOF_CODE_STATE;

            if A::ARGS_ON_STACK {
                self.as_.mov_arg_to_reg(0, A::REG_GENERATOR_STATE);
                self.as_.mov_arg_to_reg(1, A::REG_PARENT_ARG_2);
            } else {
                self.as_.mov_reg_reg(A::REG_GENERATOR_STATE, A::REG_PARENT_ARG_1);
            }
            // The value thrown in (or NULL), raised when execution resumes.
            self.as_.mov_local_reg(self.local_idx_throw_val(), A::REG_PARENT_ARG_2);

            self.as_.load_reg_reg_offset(A::REG_TEMP0, A::REG_GENERATOR_STATE, self.local_idx_fun_obj() as i32);
            self.as_.load_reg_reg_offset(A::REG_TEMP0, A::REG_TEMP0, OFFSETOF_OBJ_FUN_BC_CONTEXT);
            self.as_.load_reg_reg_offset(A::REG_QSTR_TABLE, A::REG_TEMP0, OFFSETOF_MODULE_CONTEXT_QSTR_TABLE);
            self.as_.load_reg_reg_offset(A::REG_TEMP0, A::REG_TEMP0, OFFSETOF_MODULE_CONTEXT_OBJ_TABLE);
            self.as_.load_reg_reg_offset(A::REG_FUN_TABLE, A::REG_TEMP0, fun_table_off);
        } else {
            self.stack_start = self.code_state_start + SIZEOF_CODE_STATE;
            self.as_.entry(self.stack_start + self.n_state, name);

            if A::ARGS_ON_STACK {
                self.as_.mov_arg_to_reg(0, A::REG_PARENT_ARG_1);
                self.as_.mov_arg_to_reg(1, A::REG_PARENT_ARG_2);
                self.as_.mov_arg_to_reg(2, A::REG_PARENT_ARG_3);
                self.as_.mov_arg_to_reg(3, A::REG_PARENT_ARG_4);
            }

            self.load_fun_table(A::REG_PARENT_ARG_1, fun_table_off);

            // code_state.fun_bc = fun; code_state.n_state = n_state; then let the runtime set it up.
            self.as_.mov_local_reg(self.local_idx_fun_obj(), A::REG_PARENT_ARG_1);
            self.mov_state_imm_via(self.code_state_start + OFFSETOF_CODE_STATE_N_STATE, self.n_state as i64, A::REG_ARG_1);
            self.as_.mov_reg_local_addr(A::REG_ARG_1, self.code_state_start);
            if Self::cpp_regs_differ(A::REG_ARG_2, A::REG_PARENT_ARG_2) {
                self.as_.mov_reg_reg(A::REG_ARG_2, A::REG_PARENT_ARG_2);
            }
            if Self::cpp_regs_differ(A::REG_ARG_3, A::REG_PARENT_ARG_3) {
                self.as_.mov_reg_reg(A::REG_ARG_3, A::REG_PARENT_ARG_3);
            }
            if Self::cpp_regs_differ(A::REG_ARG_4, A::REG_PARENT_ARG_4) {
                self.as_.mov_reg_reg(A::REG_ARG_4, A::REG_PARENT_ARG_4);
            }
            self.as_.call_ind_args_in_use(FunKind::SetupCodeState);
        }

        self.emit_native_global_exc_entry();

        // Cache the first locals in registers.
        if self.can_use_regs_for_locals() {
            for i in 0..A::MAX_REGS_FOR_LOCAL_VARS.min(num_locals) {
                self.as_.mov_reg_local(Self::reg_local_table(i), self.local_idx_local_var(i));
            }
        }

        // Cells are objects.
        let cells = self.scope.cells.clone();
        for c in cells {
            if let Some(v) = self.local_vtype.get_mut(c as usize) {
                *v = VType::PyObj;
            }
        }
    }

    /// `emit_native_end_pass`: exit code, then for `@native` the prelude (signature, size, names, cells).
    pub(super) fn emit_native_end_pass(&mut self) {
        self.emit_native_global_exc_exit();

        if !self.do_viper_types {
            self.prelude_offset = self.as_.code_pos();
            self.prelude_ptr_index = self.children.len();

            let mut sig = Vec::new();
            encode_signature(
                &mut sig,
                Signature {
                    n_state: self.n_state as u32,
                    n_exc_stack: 0,
                    scope_flags: self.scope.scope_flags,
                    n_pos_args: self.scope.num_pos_args,
                    n_kwonly_args: self.scope.num_kwonly_args,
                    n_def_pos_args: self.scope.num_def_pos_args,
                },
            );
            // n_info and n_cell are those of the previous pass (the size fields precede the data).
            encode_size(&mut sig, self.n_info as u32, self.n_cell as u32);
            for b in sig {
                self.as_.data(1, u64::from(b));
            }

            let info_start = self.as_.code_pos();
            let names: Vec<String> = std::iter::once(self.scope.simple_name.clone())
                .chain(self.scope.arg_names.iter().cloned())
                .collect();
            for name in names {
                let idx = self.use_qstr(&name);
                let mut bytes = Vec::new();
                encode_uint(&mut bytes, u64::from(idx));
                self.as_.write_bytes(&bytes);
            }
            self.n_info = self.as_.code_pos() - info_start;

            let cell_start = self.as_.code_pos();
            let cells = self.scope.cells.clone();
            for c in cells {
                if c > 255 {
                    self.mpy_cross_assert("cell local number above 255");
                }
                self.as_.data(1, u64::from(c));
            }
            self.n_cell = self.as_.code_pos() - cell_start;
        }

        self.as_.end_pass();

        if self.stack_size != 0 || !self.exc_stack.is_empty() {
            self.mpy_cross_assert("native emitter stack not empty at end of function");
        }

        if let Some(crate::asm::AsmError::NotImplemented { message }) = self.as_.base().error() {
            self.not_implemented(message);
            return;
        }
        if let Some(e) = self.as_.base().error() {
            let message = format!("native code generation failed: {e}");
            self.fatal(crate::error::CompileError::internal(message));
            return;
        }

        if self.pass == Pass::Emit {
            self.trace.push_str(&self.as_.take_asm_trace());
            let listing = if self.listing { self.as_.base().render_listing() } else { String::new() };
            self.output = Some(NativeOutput {
                fun_data: self.as_.base().code().to_vec(),
                // mp_raw_code_t keeps it in a uint16_t: mpy-cross writes it truncated.
                prelude_offset: u32::from(self.prelude_offset as u16),
                children: self.children.clone(),
                viper: self.do_viper_types,
                listing,
            });
        }
    }

    /// `emit_native_global_exc_entry`: set up the global `nlr_buf_t` (see the module doc).
    pub(super) fn emit_native_global_exc_entry(&mut self) {
        // Labels reserved by the compiler: exit, nlr, start, global except.
        self.exit_label = self.label_slot(0);
        if !self.need_global_exc_handler() {
            return;
        }
        let nlr_label = self.label_slot(1);
        let start_label = self.label_slot(2);
        let global_except_label = self.label_slot(3);
        let gen = self.is_generator();

        if !gen {
            // Swap in the module's globals; keep the caller's.
            self.mov_reg_state(A::REG_ARG_1, self.local_idx_fun_obj());
            self.as_.load_reg_reg_offset(A::REG_ARG_1, A::REG_ARG_1, OFFSETOF_OBJ_FUN_BC_CONTEXT);
            self.as_.load_reg_reg_offset(A::REG_ARG_1, A::REG_ARG_1, OFFSETOF_MODULE_CONTEXT_GLOBALS);
            self.emit_call(FunKind::NativeSwapGlobals);
            self.mov_state_reg(self.local_idx_old_globals(), A::REG_RET);
        }

        if self.scope.exc_stack_size == 0 {
            if !gen {
                // Same globals: nothing to restore, so no handler needed.
                self.as_.jump_if_reg_zero(A::REG_RET, Self::label(start_label), false);
            }
            self.emit_nlr_push();
            self.as_.jump_if_reg_zero(A::REG_RET, Self::label(start_label), true);
        } else {
            // No unwind in progress, no exception.
            match A::REG_ZERO {
                Some(zero) => {
                    self.as_.mov_local_reg(self.local_idx_exc_handler_unwind(), zero);
                    self.as_.mov_local_reg(self.local_idx_exc_val(), zero);
                }
                None => {
                    self.as_.clr_reg(A::REG_TEMP0);
                    self.as_.mov_local_reg(self.local_idx_exc_handler_unwind(), A::REG_TEMP0);
                    self.as_.mov_local_reg(self.local_idx_exc_val(), A::REG_TEMP0);
                }
            }

            // Where to go when nlr_push returns 0.
            self.as_.mov_reg_pcrel(A::REG_LOCAL_1, Self::label(start_label));

            // (Re-)push the nlr buffer.
            self.emit_native_label_assign(nlr_label);
            self.emit_nlr_push();
            self.as_.jump_if_reg_nonzero(A::REG_RET, Self::label(global_except_label), true);

            // Normal entry: no active handler, go to the saved target.
            self.clear_local(self.local_idx_exc_handler_pc(), A::REG_TEMP0);
            self.as_.jump_reg(A::REG_LOCAL_1);

            // An exception: jump to the active handler, if any, through a fresh nlr_push.
            self.emit_native_label_assign(global_except_label);
            self.as_.mov_reg_local(A::REG_LOCAL_1, self.local_idx_exc_handler_pc());
            self.as_.jump_if_reg_nonzero(A::REG_LOCAL_1, Self::label(nlr_label), false);
        }

        if !gen {
            self.mov_reg_state(A::REG_ARG_1, self.local_idx_old_globals());
            self.emit_call(FunKind::NativeSwapGlobals);
        }

        if gen {
            // Store the exception in the code state and return MP_VM_RETURN_EXCEPTION.
            self.as_.mov_reg_local(A::REG_TEMP0, self.local_idx_exc_val());
            self.as_.store_reg_reg_offset(A::REG_TEMP0, A::REG_GENERATOR_STATE, OFFSETOF_CODE_STATE_STATE);
            self.as_.mov_reg_imm(A::REG_PARENT_RET, VM_RETURN_EXCEPTION);
            self.as_.exit();
        } else {
            self.as_.mov_reg_local(A::REG_ARG_1, self.local_idx_exc_val());
            self.emit_call(FunKind::NativeRaise);
        }

        self.emit_native_label_assign(start_label);

        if gen {
            // Resume where the generator left off.
            self.mov_reg_state(A::REG_TEMP0, self.local_idx_gen_pc());
            self.as_.jump_reg(A::REG_TEMP0);
            self.start_offset = self.as_.code_pos();
            // First entry: a value thrown into a fresh generator is raised here.
            self.emit_native_raise_thrown();
        }
    }

    /// Raises the value thrown into a generator, if any, clearing it (`mp_native_raise` ignores NULL).
    pub(super) fn emit_native_raise_thrown(&mut self) {
        self.as_.mov_reg_local(A::REG_ARG_1, self.local_idx_throw_val());
        self.clear_local(self.local_idx_throw_val(), A::REG_ARG_2);
        self.emit_call(FunKind::NativeRaise);
    }

    /// C-stack word `local` = 0: stores `REG_ZERO` where the ISA has one (RV32), else clears `reg` and
    /// stores it.
    pub(super) fn clear_local(&mut self, local: usize, reg: A::Reg) {
        match A::REG_ZERO {
            Some(zero) => self.as_.mov_local_reg(local, zero),
            None => {
                self.as_.clr_reg(reg);
                self.as_.mov_local_reg(local, reg);
            }
        }
    }

    /// `nlr_push(&nlr_buf)` at C-stack word 0, then with `N_NLR_SETJMP` (xtensawin) `setjmp` on the
    /// buffer's `jmp_buf` (word 2), whose result is the one tested.
    fn emit_nlr_push(&mut self) {
        self.as_.mov_reg_local_addr(A::REG_ARG_1, 0);
        self.emit_call(FunKind::NlrPush);
        if A::NLR_SETJMP {
            self.as_.mov_reg_local_addr(A::REG_ARG_1, 2);
            self.emit_call(FunKind::Setjmp);
        }
    }

    /// `emit_native_global_exc_exit`.
    pub(super) fn emit_native_global_exc_exit(&mut self) {
        self.emit_native_label_assign(self.exit_label);

        if self.need_global_exc_handler() {
            let gen = self.is_generator();
            if !gen {
                // Restore the caller's globals.
                self.mov_reg_state(A::REG_ARG_1, self.local_idx_old_globals());
                if self.scope.exc_stack_size == 0 {
                    // Globals were not swapped, so no nlr_buf was pushed either.
                    self.as_.jump_if_reg_zero(A::REG_ARG_1, Self::label(self.exit_label + 1), false);
                }
                self.emit_call(FunKind::NativeSwapGlobals);
            }
            self.emit_call(FunKind::NlrPop);
            if !gen && self.scope.exc_stack_size == 0 {
                self.emit_native_label_assign(self.exit_label + 1);
            }
            self.as_.mov_reg_local(A::REG_PARENT_RET, self.local_idx_ret_val());
        }

        self.as_.exit();
    }
}
