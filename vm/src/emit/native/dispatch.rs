//! The [`Emit`] method table of the native emitter (`EXPORT_FUN(method_table)` in `py/emitnative.c`):
//! each method forwards to its `emit_native_*` function, and does nothing once compilation was aborted
//! (a `NotImplementedError` or an mpy-cross assertion, which end compilation at once in C).

use super::{NativeArch, NativeEmitter, VType, OBJ_ITER_BUF_NSLOTS};
use crate::asm;
use crate::emit::{
    AccessKind, BinaryOp, BlockKind, BuildKind, CompKind, ConstTok, Emit, GlobalKind, ImportKind, Label,
    LocalKind, Pass, PassEnd, ScopeId, ScopeInfo, UnaryOp, YieldKind,
};
use crate::error::CompileError;
use crate::mpy::ConstObj;

impl<A: NativeArch> Emit for NativeEmitter<A> {
    fn start_pass(&mut self, pass: Pass, scope: &ScopeInfo) {
        if self.aborted() {
            return;
        }
        self.emit_native_start_pass(pass, scope);
    }

    fn end_pass(&mut self) -> PassEnd {
        if !self.aborted() {
            self.emit_native_end_pass();
        }
        PassEnd { complete: true, stack_size: self.scope.stack_size }
    }

    fn adjust_stack_size(&mut self, delta: i32) {
        if self.aborted() {
            return;
        }
        self.emit_native_adjust_stack_size(delta as i64);
    }

    fn set_source_line(&mut self, _line: u32) {}

    fn load_local(&mut self, qst: &str, local_num: u32, kind: LocalKind) {
        if self.aborted() {
            return;
        }
        match kind {
            LocalKind::Fast => self.emit_native_load_fast(qst, local_num as usize),
            LocalKind::Deref => self.emit_native_load_deref(qst, local_num as usize),
        }
    }

    fn load_global(&mut self, qst: &str, kind: GlobalKind) {
        if self.aborted() {
            return;
        }
        self.emit_native_load_global(qst, kind);
    }

    fn store_local(&mut self, qst: &str, local_num: u32, kind: LocalKind) {
        if self.aborted() {
            return;
        }
        match kind {
            LocalKind::Fast => self.emit_native_store_fast(qst, local_num as usize),
            LocalKind::Deref => self.emit_native_store_deref(qst, local_num as usize),
        }
    }

    fn store_global(&mut self, qst: &str, kind: GlobalKind) {
        if self.aborted() {
            return;
        }
        self.emit_native_store_global(qst, kind);
    }

    fn delete_local(&mut self, qst: &str, local_num: u32, kind: LocalKind) {
        if self.aborted() {
            return;
        }
        self.emit_native_delete_local(qst, local_num as usize, kind);
    }

    fn delete_global(&mut self, qst: &str, kind: GlobalKind) {
        if self.aborted() {
            return;
        }
        self.emit_native_delete_global(qst, kind);
    }

    fn label_assign(&mut self, label: Label) {
        if self.aborted() {
            return;
        }
        self.emit_native_label_assign(label as usize);
    }

    fn import(&mut self, qst: &str, kind: ImportKind) {
        if self.aborted() {
            return;
        }
        match kind {
            ImportKind::Name => self.emit_native_import_name(qst),
            ImportKind::From => self.emit_native_import_from(qst),
            ImportKind::Star => self.emit_native_import_star(),
        }
    }

    fn load_const_tok(&mut self, tok: ConstTok) {
        if self.aborted() {
            return;
        }
        self.emit_native_load_const_tok(tok);
    }

    fn load_const_small_int(&mut self, value: i64) {
        if self.aborted() {
            return;
        }
        self.emit_post_push_imm(VType::Int, value);
    }

    fn load_const_str(&mut self, qst: &str) {
        if self.aborted() {
            return;
        }
        self.emit_native_load_const_str(qst);
    }

    fn load_const_obj(&mut self, obj: ConstObj) {
        if self.aborted() {
            return;
        }
        self.emit_native_load_const_obj(obj);
    }

    fn load_null(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_post_push_imm(VType::PyObj, 0);
    }

    fn load_method(&mut self, qst: &str, is_super: bool) {
        if self.aborted() {
            return;
        }
        self.emit_native_load_method(qst, is_super);
    }

    fn load_build_class(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_call(asm::FunKind::LoadBuildClass);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    fn subscr(&mut self, kind: AccessKind) {
        if self.aborted() {
            return;
        }
        match kind {
            AccessKind::Load => self.emit_native_load_subscr(),
            AccessKind::Store => self.emit_native_store_subscr(),
            AccessKind::Delete => self.emit_native_delete_subscr(),
        }
    }

    fn attr(&mut self, qst: &str, kind: AccessKind) {
        if self.aborted() {
            return;
        }
        match kind {
            AccessKind::Load => self.emit_native_load_attr(qst),
            AccessKind::Store => self.emit_native_store_attr(qst),
            AccessKind::Delete => self.emit_native_delete_attr(qst),
        }
    }

    fn dup_top(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_native_dup_top();
    }

    fn dup_top_two(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_native_dup_top_two();
    }

    fn pop_top(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_pre_pop_discard();
    }

    fn rot_two(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_native_rot_two();
    }

    fn rot_three(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_native_rot_three();
    }

    fn jump(&mut self, label: Label) {
        if self.aborted() {
            return;
        }
        self.emit_native_jump(label as usize);
    }

    fn pop_jump_if(&mut self, cond: bool, label: Label) {
        if self.aborted() {
            return;
        }
        self.emit_native_jump_helper(cond, label as usize, true);
    }

    fn jump_if_or_pop(&mut self, cond: bool, label: Label) {
        if self.aborted() {
            return;
        }
        self.emit_native_jump_helper(cond, label as usize, false);
    }

    fn unwind_jump(&mut self, label: Label, except_depth: u32, _from_for: bool) {
        if self.aborted() {
            return;
        }
        self.emit_native_unwind_jump(label as usize, except_depth as usize);
    }

    fn setup_block(&mut self, label: Label, kind: BlockKind) {
        if self.aborted() {
            return;
        }
        self.emit_native_setup_block(label as usize, kind);
    }

    fn with_cleanup(&mut self, label: Label) {
        if self.aborted() {
            return;
        }
        self.emit_native_with_cleanup(label as usize);
    }

    fn end_finally(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_native_end_finally();
    }

    fn get_iter(&mut self, use_stack: bool) {
        if self.aborted() {
            return;
        }
        self.emit_native_get_iter(use_stack);
    }

    fn for_iter(&mut self, label: Label) {
        if self.aborted() {
            return;
        }
        self.emit_native_for_iter(label as usize);
    }

    fn for_iter_end(&mut self) {
        if self.aborted() {
            return;
        }
        self.adjust_stack(-(OBJ_ITER_BUF_NSLOTS as i64));
    }

    fn pop_except_jump(&mut self, label: Label, within_exc_handler: bool) {
        if self.aborted() {
            return;
        }
        self.emit_native_pop_except_jump(label as usize, within_exc_handler);
    }

    fn unary_op(&mut self, op: UnaryOp) {
        if self.aborted() {
            return;
        }
        self.emit_native_unary_op(op);
    }

    fn binary_op(&mut self, op: BinaryOp) {
        if self.aborted() {
            return;
        }
        self.emit_native_binary_op(op);
    }

    fn build(&mut self, n_args: u32, kind: BuildKind) {
        if self.aborted() {
            return;
        }
        self.emit_native_build(n_args as usize, kind);
    }

    fn store_map(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_native_store_map();
    }

    fn store_comp(&mut self, kind: CompKind, collection_stack_index: u32) {
        if self.aborted() {
            return;
        }
        self.emit_native_store_comp(kind, collection_stack_index as usize);
    }

    fn unpack_sequence(&mut self, n_args: u32) {
        if self.aborted() {
            return;
        }
        self.emit_native_unpack_sequence(n_args as usize);
    }

    fn unpack_ex(&mut self, n_left: u32, n_right: u32) {
        if self.aborted() {
            return;
        }
        self.emit_native_unpack_ex(n_left as usize, n_right as usize);
    }

    fn make_function(&mut self, child: ScopeId, n_pos_defaults: u32, n_kw_defaults: u32) {
        if self.aborted() {
            return;
        }
        self.emit_native_make_function(child, n_pos_defaults, n_kw_defaults);
    }

    fn make_closure(&mut self, child: ScopeId, n_closed_over: u32, n_pos_defaults: u32, n_kw_defaults: u32) {
        if self.aborted() {
            return;
        }
        self.emit_native_make_closure(child, n_closed_over as usize, n_pos_defaults, n_kw_defaults);
    }

    fn call_function(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32) {
        if self.aborted() {
            return;
        }
        self.emit_native_call_function(n_positional as usize, n_keyword as usize, star_flags);
    }

    fn call_method(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32) {
        if self.aborted() {
            return;
        }
        self.emit_native_call_method(n_positional as usize, n_keyword as usize, star_flags);
    }

    fn return_value(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_native_return_value();
    }

    fn raise_varargs(&mut self, n_args: u32) {
        if self.aborted() {
            return;
        }
        self.emit_native_raise_varargs(n_args);
    }

    fn yield_(&mut self, kind: YieldKind) {
        if self.aborted() {
            return;
        }
        self.emit_native_yield(kind);
    }

    fn start_except_handler(&mut self) {
        if self.aborted() {
            return;
        }
        self.emit_native_start_except_handler();
    }

    fn end_except_handler(&mut self) {
        // The exception was popped by `end_finally` (1.29 keeps the stack as bytecode does).
    }

    fn async_with_setup_finally(
        &mut self,
        label_aexit_no_exc: Label,
        label_finally_block: Label,
        label_ret_unwind_jump: Label,
    ) {
        if self.aborted() {
            return;
        }
        self.emit_native_async_with_setup_finally(
            label_aexit_no_exc as usize,
            label_finally_block as usize,
            label_ret_unwind_jump as usize,
        );
    }

    fn take_error(&mut self) -> Option<CompileError> {
        None
    }

    fn scope_flags(&self) -> Option<u32> {
        Some(self.scope.scope_flags)
    }
}
