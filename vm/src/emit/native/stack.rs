//! The compile-time value stack (`stack_info_t`) and the register discipline around it.
//!
//! A slot is [`Kind::Value`] (in its C-stack word `stack_start + i`), [`Kind::Reg`] (still in a register)
//! or [`Kind::Imm`] (a constant not yet loaded). Before a register is reused every slot that still lives
//! in it is written back ([`NativeEmitter::need_reg_single`]); before a call everything is written back
//! ([`NativeEmitter::need_reg_all`]); before a jump or label immediates are stored too
//! ([`NativeEmitter::need_stack_settled`]). Positions count from the top: `pos = 1` is TOS.

use super::{NativeArch, NativeEmitter, VType};
use crate::asm::FunKind;

/// `stack_info_kind_t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind<R> {
    Value,
    Reg(R),
    Imm,
}

/// `stack_info_t`. The immediate is kept when the slot is settled, as the C union's `u_imm` is (a
/// settled viper cast still knows its target type).
#[derive(Clone, Copy, Debug)]
pub(super) struct StackInfo<R> {
    pub vtype: VType,
    pub kind: Kind<R>,
    pub imm: i64,
}

impl<R> StackInfo<R> {
    pub fn unbound() -> Self {
        StackInfo { vtype: VType::Unbound, kind: Kind::Value, imm: 0 }
    }
}

impl<A: NativeArch> NativeEmitter<A> {
    /// `ensure_extra_stack`.
    pub(super) fn ensure_extra_stack(&mut self, delta: usize) {
        let need = self.stack_size + delta;
        if need > self.stack_info.len() {
            self.stack_info.resize(need, StackInfo::unbound());
        }
    }

    /// `adjust_stack`: also raises the scope's maximum stack depth.
    pub(super) fn adjust_stack(&mut self, delta: i64) {
        let new = self.stack_size as i64 + delta;
        if new < 0 {
            self.mpy_cross_assert("native emitter stack underflow");
            return;
        }
        self.stack_size = new as usize;
        self.ensure_extra_stack(0);
        if self.stack_size as u32 > self.scope.stack_size {
            self.scope.stack_size = self.stack_size as u32;
        }
    }

    /// `emit_native_adjust_stack_size`: new slots hold objects, except that a single new slot takes the
    /// type saved by the last conditional jump that kept its operand (`jump_if_or_pop`).
    pub(super) fn emit_native_adjust_stack_size(&mut self, delta: i64) {
        if delta > 0 {
            self.ensure_extra_stack(delta as usize);
        }
        for i in 0..delta.max(0) as usize {
            let vtype = if delta == 1 { self.saved_stack_vtype } else { VType::PyObj };
            let si = &mut self.stack_info[self.stack_size + i];
            si.kind = Kind::Value;
            si.vtype = vtype;
        }
        self.adjust_stack(delta);
    }

    /// `peek_stack`: `depth = 0` is TOS.
    pub(super) fn peek_stack(&self, depth: usize) -> StackInfo<A::Reg> {
        match self.stack_size.checked_sub(1 + depth) {
            Some(i) => self.stack_info[i],
            None => StackInfo::unbound(),
        }
    }

    /// `peek_vtype`: plain native code treats everything as an object.
    pub(super) fn peek_vtype(&self, depth: usize) -> VType {
        if self.do_viper_types {
            self.peek_stack(depth).vtype
        } else {
            VType::PyObj
        }
    }

    /// `need_reg_single`: spills every slot held in `reg_needed`, except the one at `skip_stack_pos`
    /// (0 skips nothing).
    pub(super) fn need_reg_single(&mut self, reg_needed: A::Reg, skip_stack_pos: usize) {
        let skip = self.stack_size.wrapping_sub(skip_stack_pos);
        for i in 0..self.stack_size {
            if i != skip {
                if let Kind::Reg(r) = self.stack_info[i].kind {
                    if r == reg_needed {
                        self.stack_info[i].kind = Kind::Value;
                        self.mov_state_reg(self.stack_start + i, r);
                    }
                }
            }
        }
    }

    /// `need_reg_all`: spills every register-held slot.
    pub(super) fn need_reg_all(&mut self) {
        for i in 0..self.stack_size {
            if let Kind::Reg(r) = self.stack_info[i].kind {
                self.stack_info[i].kind = Kind::Value;
                self.mov_state_reg(self.stack_start + i, r);
            }
        }
    }

    /// `load_reg_stack_imm`: loads an immediate, as a Python object unless viper may keep it native.
    pub(super) fn load_reg_stack_imm(&mut self, reg_dest: A::Reg, si: StackInfo<A::Reg>, convert_to_pyobj: bool) -> VType {
        if !convert_to_pyobj && self.do_viper_types {
            self.as_.mov_reg_imm(reg_dest, si.imm);
            return si.vtype;
        }
        match si.vtype {
            VType::PyObj => self.as_.mov_reg_imm(reg_dest, si.imm),
            VType::Bool => self.mov_reg_const(reg_dest, FunKind::ConstFalseObj as i32 + si.imm as i32),
            VType::Int | VType::Uint => self.as_.mov_reg_imm(reg_dest, super::new_small_int(si.imm)),
            VType::PtrNone => self.mov_reg_const(reg_dest, FunKind::ConstNoneObj as i32),
            _ => self.not_implemented("conversion to object"),
        }
        VType::PyObj
    }

    /// `need_stack_settled`: every slot in its stack word (immediates loaded through `REG_TEMP1`).
    pub(super) fn need_stack_settled(&mut self) {
        self.need_reg_all();
        for i in 0..self.stack_size {
            let si = self.stack_info[i];
            if si.kind == Kind::Imm {
                self.stack_info[i].kind = Kind::Value;
                let vtype = self.load_reg_stack_imm(A::REG_TEMP1, si, false);
                self.stack_info[i].vtype = vtype;
                self.mov_state_reg(self.stack_start + i, A::REG_TEMP1);
            }
        }
    }

    /// `emit_access_stack`: loads the slot at `pos` into `reg_dest` without popping it.
    pub(super) fn emit_access_stack(&mut self, pos: usize, reg_dest: A::Reg) -> VType {
        self.need_reg_single(reg_dest, pos);
        let Some(idx) = self.stack_size.checked_sub(pos) else {
            self.mpy_cross_assert("native emitter stack underflow");
            return VType::PyObj;
        };
        let si = self.stack_info[idx];
        match si.kind {
            Kind::Value => {
                self.mov_reg_state(reg_dest, self.stack_start + idx);
                si.vtype
            }
            Kind::Reg(r) => {
                if r != reg_dest {
                    self.as_.mov_reg_reg(reg_dest, r);
                }
                si.vtype
            }
            Kind::Imm => self.load_reg_stack_imm(reg_dest, si, false),
        }
    }

    /// `emit_fold_stack_top`: drops the second slot, keeping TOS (loaded into `reg_dest` if it was in
    /// its stack word, since that word is about to belong to another slot).
    pub(super) fn emit_fold_stack_top(&mut self, reg_dest: A::Reg) {
        if self.stack_size < 2 {
            self.mpy_cross_assert("native emitter stack underflow");
            return;
        }
        let i = self.stack_size - 2;
        self.stack_info[i] = self.stack_info[i + 1];
        if self.stack_info[i].kind == Kind::Value {
            self.mov_reg_state(reg_dest, self.stack_start + self.stack_size - 1);
            self.stack_info[i].kind = Kind::Reg(reg_dest);
        }
        self.adjust_stack(-1);
    }

    /// `emit_pre_pop_reg_flexible`: pops TOS, leaving it in its own register when it is in one other than
    /// `not_r1`/`not_r2`, else loading it into `reg_dest`. Returns the type and the register used.
    pub(super) fn emit_pre_pop_reg_flexible(
        &mut self,
        reg_dest: A::Reg,
        not_r1: Option<A::Reg>,
        not_r2: Option<A::Reg>,
    ) -> (VType, A::Reg) {
        let si = self.peek_stack(0);
        let result = match si.kind {
            Kind::Reg(r) if Some(r) != not_r1 && Some(r) != not_r2 && self.stack_size > 0 => {
                self.need_reg_single(r, 1);
                (si.vtype, r)
            }
            _ => (self.emit_access_stack(1, reg_dest), reg_dest),
        };
        self.adjust_stack(-1);
        result
    }

    /// `emit_pre_pop_discard`.
    pub(super) fn emit_pre_pop_discard(&mut self) {
        self.adjust_stack(-1);
    }

    /// `emit_pre_pop_reg`.
    pub(super) fn emit_pre_pop_reg(&mut self, reg_dest: A::Reg) -> VType {
        let vtype = self.emit_access_stack(1, reg_dest);
        self.adjust_stack(-1);
        vtype
    }

    /// `emit_pre_pop_reg_reg`.
    pub(super) fn emit_pre_pop_reg_reg(&mut self, rega: A::Reg, regb: A::Reg) -> (VType, VType) {
        let a = self.emit_pre_pop_reg(rega);
        let b = self.emit_pre_pop_reg(regb);
        (a, b)
    }

    /// `emit_pre_pop_reg_reg_reg`.
    pub(super) fn emit_pre_pop_reg_reg_reg(&mut self, rega: A::Reg, regb: A::Reg, regc: A::Reg) -> (VType, VType, VType) {
        let a = self.emit_pre_pop_reg(rega);
        let b = self.emit_pre_pop_reg(regb);
        let c = self.emit_pre_pop_reg(regc);
        (a, b, c)
    }

    /// `emit_post_top_set_vtype`.
    pub(super) fn emit_post_top_set_vtype(&mut self, vtype: VType) {
        if let Some(i) = self.stack_size.checked_sub(1) {
            self.stack_info[i].vtype = vtype;
        }
    }

    /// `emit_post_push_reg`.
    pub(super) fn emit_post_push_reg(&mut self, vtype: VType, reg: A::Reg) {
        self.ensure_extra_stack(1);
        let si = &mut self.stack_info[self.stack_size];
        si.vtype = vtype;
        si.kind = Kind::Reg(reg);
        self.adjust_stack(1);
    }

    /// `emit_post_push_imm`.
    pub(super) fn emit_post_push_imm(&mut self, vtype: VType, imm: i64) {
        self.ensure_extra_stack(1);
        let si = &mut self.stack_info[self.stack_size];
        si.vtype = vtype;
        si.kind = Kind::Imm;
        si.imm = imm;
        self.adjust_stack(1);
    }

    /// `emit_call`.
    pub(super) fn emit_call(&mut self, fun: FunKind) {
        self.need_reg_all();
        self.as_.call_ind(fun);
    }

    /// `emit_call_with_imm_arg`.
    pub(super) fn emit_call_with_imm_arg(&mut self, fun: FunKind, arg_val: i64, arg_reg: A::Reg) {
        self.need_reg_all();
        self.as_.mov_reg_imm(arg_reg, arg_val);
        self.as_.call_ind(fun);
    }

    /// `emit_call_with_2_imm_args`.
    pub(super) fn emit_call_with_2_imm_args(
        &mut self,
        fun: FunKind,
        arg_val1: i64,
        arg_reg1: A::Reg,
        arg_val2: i64,
        arg_reg2: A::Reg,
    ) {
        self.need_reg_all();
        self.as_.mov_reg_imm(arg_reg1, arg_val1);
        self.as_.mov_reg_imm(arg_reg2, arg_val2);
        self.as_.call_ind(fun);
    }

    /// `emit_call_with_qstr_arg`.
    pub(super) fn emit_call_with_qstr_arg(&mut self, fun: FunKind, qst: &str, arg_reg: A::Reg) {
        self.need_reg_all();
        self.mov_reg_qstr(arg_reg, qst);
        self.as_.call_ind(fun);
    }

    /// `emit_get_stack_pointer_to_reg_for_pop`: pops `n_pop` slots as objects (immediates stored, native
    /// values converted) and leaves the address of the lowest one in `reg_dest`.
    pub(super) fn emit_get_stack_pointer_to_reg_for_pop(&mut self, reg_dest: A::Reg, n_pop: usize) {
        self.need_reg_all();
        if n_pop > self.stack_size {
            self.mpy_cross_assert("native emitter stack underflow");
            return;
        }
        for i in 0..n_pop {
            let idx = self.stack_size - 1 - i;
            let si = self.stack_info[idx];
            if si.kind == Kind::Imm {
                self.stack_info[idx].kind = Kind::Value;
                let vtype = self.load_reg_stack_imm(reg_dest, si, true);
                self.stack_info[idx].vtype = vtype;
                self.mov_state_reg(self.stack_start + idx, reg_dest);
            }
            if self.stack_info[idx].kind != Kind::Value {
                self.mpy_cross_assert("a value to pass to the runtime is still in a register");
                return;
            }
        }
        for i in 0..n_pop {
            let idx = self.stack_size - 1 - i;
            let vtype = self.stack_info[idx].vtype;
            if vtype != VType::PyObj {
                let local_num = self.stack_start + idx;
                self.mov_reg_state(A::REG_ARG_1, local_num);
                self.emit_call_with_imm_arg(FunKind::ConvertNativeToObj, vtype.code(), A::REG_ARG_2);
                self.mov_state_reg(local_num, A::REG_RET);
                self.stack_info[idx].vtype = VType::PyObj;
            }
        }
        self.adjust_stack(-(n_pop as i64));
        self.mov_reg_state_addr(reg_dest, self.stack_start + self.stack_size);
    }

    /// `emit_get_stack_pointer_to_reg_for_push`: reserves `n_push` object slots written by a runtime
    /// call, leaving the address of the first in `reg_dest`.
    pub(super) fn emit_get_stack_pointer_to_reg_for_push(&mut self, reg_dest: A::Reg, n_push: usize) {
        self.need_reg_all();
        self.ensure_extra_stack(n_push);
        for i in 0..n_push {
            let si = &mut self.stack_info[self.stack_size + i];
            si.kind = Kind::Value;
            si.vtype = VType::PyObj;
        }
        self.mov_reg_state_addr(reg_dest, self.stack_start + self.stack_size);
        self.adjust_stack(n_push as i64);
    }

}
