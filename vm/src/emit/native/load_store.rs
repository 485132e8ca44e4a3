//! Loads, stores and deletes: constants, locals (registers or stack words), cells, globals, attributes,
//! subscripts (objects through the runtime, viper pointers as machine loads and stores), imports, and
//! the stack shuffles (`dup_top`, `rot_two`, ...).

use super::stack::Kind;
use super::{NativeArch, NativeEmitter, VType, OBJ_SENTINEL};
use crate::asm::FunKind;
use crate::emit::{ConstTok, GlobalKind, LocalKind};
use crate::mpy::ConstObj;

impl<A: NativeArch> NativeEmitter<A> {
    /// `emit_native_import_name`: `fromlist` and `level` are objects even in viper code.
    pub(super) fn emit_native_import_name(&mut self, qst: &str) {
        let orig = self.do_viper_types;
        self.do_viper_types = false;
        let (vtype_fromlist, vtype_level) = self.emit_pre_pop_reg_reg(A::REG_ARG_2, A::REG_ARG_3);
        self.do_viper_types = orig;
        if vtype_fromlist != VType::PyObj || vtype_level != VType::PyObj {
            self.mpy_cross_assert("import of a non-object");
            return;
        }
        self.emit_call_with_qstr_arg(FunKind::ImportName, qst, A::REG_ARG_1);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_import_from`.
    pub(super) fn emit_native_import_from(&mut self, qst: &str) {
        let vtype_module = self.emit_access_stack(1, A::REG_ARG_1);
        if vtype_module != VType::PyObj {
            self.mpy_cross_assert("import from a non-object");
            return;
        }
        self.emit_call_with_qstr_arg(FunKind::ImportFrom, qst, A::REG_ARG_2);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_import_star`.
    pub(super) fn emit_native_import_star(&mut self) {
        let vtype_module = self.emit_pre_pop_reg(A::REG_ARG_1);
        if vtype_module != VType::PyObj {
            self.mpy_cross_assert("import from a non-object");
            return;
        }
        self.emit_call(FunKind::ImportAll);
    }

    /// `emit_native_load_const_tok`: `None`, `True`, `False` stay immediates; `...` is an object.
    pub(super) fn emit_native_load_const_tok(&mut self, tok: ConstTok) {
        match tok {
            ConstTok::Ellipsis => self.emit_native_load_const_obj(ConstObj::Ellipsis),
            ConstTok::None => self.emit_post_push_imm(VType::PtrNone, 0),
            ConstTok::False => self.emit_post_push_imm(VType::Bool, 0),
            ConstTok::True => self.emit_post_push_imm(VType::Bool, 1),
        }
    }

    /// `emit_native_load_const_str`: a str object from the constant table.
    pub(super) fn emit_native_load_const_str(&mut self, qst: &str) {
        self.need_reg_single(A::REG_TEMP0, 0);
        self.mov_reg_qstr_obj(A::REG_TEMP0, qst);
        self.emit_post_push_reg(VType::PyObj, A::REG_TEMP0);
    }

    /// `emit_native_load_const_obj`.
    pub(super) fn emit_native_load_const_obj(&mut self, obj: ConstObj) {
        // Loading an object goes through REG_TEMP0, so the object ends up there.
        self.need_reg_single(A::REG_TEMP0, 0);
        self.load_reg_with_object(A::REG_TEMP0, obj);
        self.emit_post_push_reg(VType::PyObj, A::REG_TEMP0);
    }

    /// `emit_native_load_fast`.
    pub(super) fn emit_native_load_fast(&mut self, qst: &str, local_num: usize) {
        let vtype = self.local_vtype.get(local_num).copied().unwrap_or(VType::PyObj);
        if vtype == VType::Unbound {
            self.viper_type_error(format!("local '{qst}' used before type known"));
        }
        if local_num < A::MAX_REGS_FOR_LOCAL_VARS && self.can_use_regs_for_locals() {
            self.emit_post_push_reg(vtype, Self::reg_local_table(local_num));
        } else {
            self.need_reg_single(A::REG_TEMP0, 0);
            self.mov_reg_state(A::REG_TEMP0, self.local_idx_local_var(local_num));
            self.emit_post_push_reg(vtype, A::REG_TEMP0);
        }
    }

    /// `emit_native_load_deref`: the cell's contents.
    pub(super) fn emit_native_load_deref(&mut self, qst: &str, local_num: usize) {
        self.need_reg_single(A::REG_RET, 0);
        self.emit_native_load_fast(qst, local_num);
        let (_, reg_base) = self.emit_pre_pop_reg_flexible(A::REG_RET, None, None);
        self.as_.load_reg_reg_offset(A::REG_RET, reg_base, 1);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_load_global`: in viper, a global named like a viper type is a cast.
    pub(super) fn emit_native_load_global(&mut self, qst: &str, kind: GlobalKind) {
        if kind == GlobalKind::Global && self.do_viper_types {
            if let Some(t) = super::vtype::native_type_from_qstr(qst) {
                if t >= super::vtype::NATIVE_TYPE_BOOL {
                    self.emit_post_push_imm(VType::BuiltinCast, i64::from(t));
                    return;
                }
            }
        }
        let fun = match kind {
            GlobalKind::Name => FunKind::LoadName,
            GlobalKind::Global => FunKind::LoadGlobal,
        };
        self.emit_call_with_qstr_arg(fun, qst, A::REG_ARG_1);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_load_attr`.
    pub(super) fn emit_native_load_attr(&mut self, qst: &str) {
        let vtype_base = self.emit_pre_pop_reg(A::REG_ARG_1);
        if vtype_base != VType::PyObj {
            self.mpy_cross_assert(&format!("attribute '{qst}' of a viper '{}' value", vtype_base.name()));
            return;
        }
        self.emit_call_with_qstr_arg(FunKind::LoadAttr, qst, A::REG_ARG_2);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_load_method`.
    pub(super) fn emit_native_load_method(&mut self, qst: &str, is_super: bool) {
        if is_super {
            self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_2, 3);
            self.emit_get_stack_pointer_to_reg_for_push(A::REG_ARG_2, 2);
            self.emit_call_with_qstr_arg(FunKind::LoadSuperMethod, qst, A::REG_ARG_1);
        } else {
            let vtype_base = self.emit_pre_pop_reg(A::REG_ARG_1);
            if vtype_base != VType::PyObj {
                self.mpy_cross_assert(&format!("method '{qst}' of a viper '{}' value", vtype_base.name()));
                return;
            }
            self.emit_get_stack_pointer_to_reg_for_push(A::REG_ARG_3, 2);
            self.emit_call_with_qstr_arg(FunKind::LoadMethod, qst, A::REG_ARG_2);
        }
    }

    /// `emit_native_load_subscr`.
    pub(super) fn emit_native_load_subscr(&mut self) {
        let vtype_base = self.peek_vtype(1);
        if vtype_base == VType::PyObj {
            // Index converted to an object if needed, then `mp_obj_subscr(base, index, MP_OBJ_SENTINEL)`.
            let vtype_index = self.peek_vtype(0);
            if vtype_index == VType::PyObj {
                self.emit_pre_pop_reg(A::REG_ARG_2);
            } else {
                let vtype_index = self.emit_pre_pop_reg(A::REG_ARG_1);
                self.emit_call_with_imm_arg(FunKind::ConvertNativeToObj, vtype_index.code(), A::REG_ARG_2);
                self.as_.mov_reg_reg(A::REG_ARG_2, A::REG_RET);
            }
            self.emit_pre_pop_reg(A::REG_ARG_1);
            self.emit_call_with_imm_arg(FunKind::ObjSubscr, OBJ_SENTINEL, A::REG_ARG_3);
            self.emit_post_push_reg(VType::PyObj, A::REG_RET);
            return;
        }

        // Viper pointer load.
        let top = self.peek_stack(0);
        if top.vtype == VType::Int && top.kind == Kind::Imm {
            let index_value = top.imm;
            self.emit_pre_pop_discard();
            let reg_index = A::REG_ARG_2;
            let (vtype_base, mut reg_base) =
                self.emit_pre_pop_reg_flexible(A::REG_ARG_1, Some(reg_index), Some(reg_index));
            self.need_reg_single(A::REG_RET, 0);
            match vtype_base {
                VType::Ptr8 | VType::Ptr16 | VType::Ptr32 => {
                    let (shift, has_offset) = match vtype_base {
                        VType::Ptr8 => (0, A::HAS_LOAD8_REG_REG_OFFSET),
                        VType::Ptr16 => (1, A::HAS_LOAD16_REG_REG_OFFSET),
                        _ => (2, A::HAS_LOAD32_REG_REG_OFFSET),
                    };
                    if has_offset {
                        let off = index_value as i32;
                        match vtype_base {
                            VType::Ptr8 => self.as_.load8_reg_reg_offset(A::REG_RET, reg_base, off),
                            VType::Ptr16 => self.as_.load16_reg_reg_offset(A::REG_RET, reg_base, off),
                            _ => self.as_.load32_reg_reg_offset(A::REG_RET, reg_base, off),
                        }
                    } else {
                        if index_value != 0 {
                            self.need_reg_single(reg_index, 0);
                            self.as_.mov_reg_imm(reg_index, index_value.wrapping_shl(shift));
                            self.as_.add_reg_reg(reg_index, reg_base);
                            reg_base = reg_index;
                        }
                        match vtype_base {
                            VType::Ptr8 => self.as_.load8_reg_reg(A::REG_RET, reg_base),
                            VType::Ptr16 => self.as_.load16_reg_reg(A::REG_RET, reg_base),
                            _ => self.as_.load32_reg_reg(A::REG_RET, reg_base),
                        }
                    }
                }
                _ => self.viper_type_error(format!("can't load from '{}'", vtype_base.name())),
            }
        } else {
            let (vtype_index, reg_index) =
                self.emit_pre_pop_reg_flexible(A::REG_ARG_2, Some(A::REG_ARG_1), Some(A::REG_ARG_1));
            let vtype_base = self.emit_pre_pop_reg(A::REG_ARG_1);
            self.need_reg_single(A::REG_RET, 0);
            if !vtype_index.is_int() {
                self.viper_type_error(format!("can't load with '{}' index", vtype_index.name()));
            }
            let adds = match vtype_base {
                VType::Ptr8 => 1,
                VType::Ptr16 => 2,
                VType::Ptr32 => 4,
                _ => 0,
            };
            let size_log2 = (adds as u32).trailing_zeros() as usize;
            if adds == 0 {
                self.viper_type_error(format!("can't load from '{}'", vtype_base.name()));
            } else if A::HAS_LOAD_REG_REG_REG[size_log2] {
                self.as_.load_reg_reg_reg(size_log2 as u32, A::REG_RET, A::REG_ARG_1, reg_index);
            } else {
                for _ in 0..adds {
                    self.as_.add_reg_reg(A::REG_ARG_1, reg_index);
                }
                match vtype_base {
                    VType::Ptr8 => self.as_.load8_reg_reg(A::REG_RET, A::REG_ARG_1),
                    VType::Ptr16 => self.as_.load16_reg_reg(A::REG_RET, A::REG_ARG_1),
                    _ => self.as_.load32_reg_reg(A::REG_RET, A::REG_ARG_1),
                }
            }
        }
        self.emit_post_push_reg(VType::Int, A::REG_RET);
    }

    /// `emit_native_store_fast`: the first store fixes a viper local's type.
    pub(super) fn emit_native_store_fast(&mut self, qst: &str, local_num: usize) {
        let vtype = if local_num < A::MAX_REGS_FOR_LOCAL_VARS && self.can_use_regs_for_locals() {
            self.emit_pre_pop_reg(Self::reg_local_table(local_num))
        } else {
            let vtype = self.emit_pre_pop_reg(A::REG_TEMP0);
            self.mov_state_reg(self.local_idx_local_var(local_num), A::REG_TEMP0);
            vtype
        };
        let Some(local) = self.local_vtype.get_mut(local_num) else {
            return;
        };
        if *local == VType::Unbound {
            *local = vtype;
        } else if *local != vtype {
            let have = *local;
            self.viper_type_error(format!(
                "local '{qst}' has type '{}' but source is '{}'",
                have.name(),
                vtype.name()
            ));
        }
    }

    /// `emit_native_store_deref`: into the cell.
    pub(super) fn emit_native_store_deref(&mut self, qst: &str, local_num: usize) {
        self.need_reg_single(A::REG_TEMP0, 0);
        self.need_reg_single(A::REG_TEMP1, 0);
        self.emit_native_load_fast(qst, local_num);
        let (_, reg_base) = self.emit_pre_pop_reg_flexible(A::REG_TEMP0, None, None);
        let (_, reg_src) = self.emit_pre_pop_reg_flexible(A::REG_TEMP1, Some(reg_base), Some(reg_base));
        self.as_.store_reg_reg_offset(reg_src, reg_base, 1);
    }

    /// `emit_native_store_global`: viper values are converted to objects first.
    pub(super) fn emit_native_store_global(&mut self, qst: &str, kind: GlobalKind) {
        match kind {
            GlobalKind::Name => {
                let vtype = self.emit_pre_pop_reg(A::REG_ARG_2);
                if vtype != VType::PyObj {
                    self.mpy_cross_assert("store of a viper value to a name");
                    return;
                }
            }
            GlobalKind::Global => {
                let vtype = self.peek_vtype(0);
                if vtype == VType::PyObj {
                    self.emit_pre_pop_reg(A::REG_ARG_2);
                } else {
                    let vtype = self.emit_pre_pop_reg(A::REG_ARG_1);
                    self.emit_call_with_imm_arg(FunKind::ConvertNativeToObj, vtype.code(), A::REG_ARG_2);
                    self.as_.mov_reg_reg(A::REG_ARG_2, A::REG_RET);
                }
            }
        }
        let fun = match kind {
            GlobalKind::Name => FunKind::StoreName,
            GlobalKind::Global => FunKind::StoreGlobal,
        };
        self.emit_call_with_qstr_arg(fun, qst, A::REG_ARG_1);
    }

    /// `emit_native_store_attr`.
    pub(super) fn emit_native_store_attr(&mut self, qst: &str) {
        let vtype_val = self.peek_vtype(1);
        let vtype_base = if vtype_val == VType::PyObj {
            self.emit_pre_pop_reg_reg(A::REG_ARG_1, A::REG_ARG_3).0
        } else {
            let vtype_val = self.emit_access_stack(2, A::REG_ARG_1);
            self.emit_call_with_imm_arg(FunKind::ConvertNativeToObj, vtype_val.code(), A::REG_ARG_2);
            self.as_.mov_reg_reg(A::REG_ARG_3, A::REG_RET);
            let vtype_base = self.emit_pre_pop_reg(A::REG_ARG_1);
            self.adjust_stack(-1);
            vtype_base
        };
        if vtype_base != VType::PyObj {
            self.mpy_cross_assert(&format!("attribute '{qst}' of a viper '{}' value", vtype_base.name()));
            return;
        }
        self.emit_call_with_qstr_arg(FunKind::StoreAttr, qst, A::REG_ARG_2);
    }

    /// `emit_native_store_subscr`: stack is `value, base, index` (TOS last).
    pub(super) fn emit_native_store_subscr(&mut self) {
        let vtype_base = self.peek_vtype(1);
        if vtype_base == VType::PyObj {
            let vtype_index = self.peek_vtype(0);
            let vtype_value = self.peek_vtype(2);
            if vtype_index != VType::PyObj || vtype_value != VType::PyObj {
                // Convert the native values to objects in place.
                self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_1, 3);
                self.adjust_stack(3);
            }
            self.emit_pre_pop_reg_reg_reg(A::REG_ARG_2, A::REG_ARG_1, A::REG_ARG_3);
            self.emit_call(FunKind::ObjSubscr);
            return;
        }

        let top = self.peek_stack(0);
        if top.vtype == VType::Int && top.kind == Kind::Imm {
            let index_value = top.imm;
            self.emit_pre_pop_discard();
            let reg_index = A::REG_ARG_2;
            let reg_value = A::REG_ARG_3;
            let (vtype_base, mut reg_base) =
                self.emit_pre_pop_reg_flexible(A::REG_ARG_1, Some(reg_index), Some(reg_value));
            let (vtype_value, reg_value) = if A::X86_FAMILY {
                (self.emit_pre_pop_reg(reg_value), reg_value)
            } else {
                self.emit_pre_pop_reg_flexible(reg_value, Some(reg_base), Some(reg_index))
            };
            if !matches!(vtype_value, VType::Bool | VType::Int | VType::Uint) {
                self.viper_type_error(format!("can't store '{}'", vtype_value.name()));
            }
            match vtype_base {
                VType::Ptr8 | VType::Ptr16 | VType::Ptr32 => {
                    let (shift, has_offset) = match vtype_base {
                        VType::Ptr8 => (0, A::HAS_STORE8_REG_REG_OFFSET),
                        VType::Ptr16 => (1, A::HAS_STORE16_REG_REG_OFFSET),
                        _ => (2, A::HAS_STORE32_REG_REG_OFFSET),
                    };
                    if has_offset {
                        let off = index_value as i32;
                        match vtype_base {
                            VType::Ptr8 => self.as_.store8_reg_reg_offset(reg_value, reg_base, off),
                            VType::Ptr16 => self.as_.store16_reg_reg_offset(reg_value, reg_base, off),
                            _ => self.as_.store32_reg_reg_offset(reg_value, reg_base, off),
                        }
                    } else {
                        if index_value != 0 {
                            self.as_.mov_reg_imm(reg_index, index_value.wrapping_shl(shift));
                            self.as_.add_reg_reg(reg_index, reg_base);
                            reg_base = reg_index;
                        }
                        match vtype_base {
                            VType::Ptr8 => self.as_.store8_reg_reg(reg_value, reg_base),
                            VType::Ptr16 => self.as_.store16_reg_reg(reg_value, reg_base),
                            _ => self.as_.store32_reg_reg(reg_value, reg_base),
                        }
                    }
                }
                _ => self.viper_type_error(format!("can't store to '{}'", vtype_base.name())),
            }
        } else {
            let reg_value = A::REG_ARG_3;
            let (vtype_index, reg_index) =
                self.emit_pre_pop_reg_flexible(A::REG_ARG_2, Some(A::REG_ARG_1), Some(reg_value));
            let vtype_base = self.emit_pre_pop_reg(A::REG_ARG_1);
            if !vtype_index.is_int() {
                self.viper_type_error(format!("can't store with '{}' index", vtype_index.name()));
            }
            let (vtype_value, reg_value) = if A::X86_FAMILY {
                (self.emit_pre_pop_reg(reg_value), reg_value)
            } else {
                self.emit_pre_pop_reg_flexible(reg_value, Some(A::REG_ARG_1), Some(reg_index))
            };
            if !matches!(vtype_value, VType::Bool | VType::Int | VType::Uint) {
                self.viper_type_error(format!("can't store '{}'", vtype_value.name()));
            }
            let adds = match vtype_base {
                VType::Ptr8 => 1,
                VType::Ptr16 => 2,
                VType::Ptr32 => 4,
                _ => 0,
            };
            let size_log2 = (adds as u32).trailing_zeros() as usize;
            if adds == 0 {
                self.viper_type_error(format!("can't store to '{}'", vtype_base.name()));
            } else if A::HAS_STORE_REG_REG_REG[size_log2] {
                self.as_.store_reg_reg_reg(size_log2 as u32, reg_value, A::REG_ARG_1, reg_index);
            } else {
                for _ in 0..adds {
                    self.as_.add_reg_reg(A::REG_ARG_1, reg_index);
                }
                match vtype_base {
                    VType::Ptr8 => self.as_.store8_reg_reg(reg_value, A::REG_ARG_1),
                    VType::Ptr16 => self.as_.store16_reg_reg(reg_value, A::REG_ARG_1),
                    _ => self.as_.store32_reg_reg(reg_value, A::REG_ARG_1),
                }
            }
        }
    }

    /// `emit_native_delete_local`: `del x` stores `None` (so viper reports a type clash for typed
    /// locals); deleting a cell does nothing.
    pub(super) fn emit_native_delete_local(&mut self, qst: &str, local_num: usize, kind: LocalKind) {
        if kind == LocalKind::Fast {
            self.emit_native_load_const_tok(ConstTok::None);
            self.emit_native_store_fast(qst, local_num);
        }
    }

    /// `emit_native_delete_global`.
    pub(super) fn emit_native_delete_global(&mut self, qst: &str, kind: GlobalKind) {
        let fun = match kind {
            GlobalKind::Name => FunKind::DeleteName,
            GlobalKind::Global => FunKind::DeleteGlobal,
        };
        self.emit_call_with_qstr_arg(fun, qst, A::REG_ARG_1);
    }

    /// `emit_native_delete_attr`: `store_attr(base, name, NULL)`.
    pub(super) fn emit_native_delete_attr(&mut self, qst: &str) {
        let vtype_base = self.emit_pre_pop_reg(A::REG_ARG_1);
        if vtype_base != VType::PyObj {
            self.mpy_cross_assert(&format!("attribute '{qst}' of a viper '{}' value", vtype_base.name()));
            return;
        }
        self.as_.clr_reg(A::REG_ARG_3);
        self.emit_call_with_qstr_arg(FunKind::StoreAttr, qst, A::REG_ARG_2);
    }

    /// `emit_native_delete_subscr`: `mp_obj_subscr(base, index, MP_OBJ_NULL)`.
    pub(super) fn emit_native_delete_subscr(&mut self) {
        let (vtype_index, vtype_base) = self.emit_pre_pop_reg_reg(A::REG_ARG_2, A::REG_ARG_1);
        if vtype_index != VType::PyObj || vtype_base != VType::PyObj {
            self.mpy_cross_assert("del of a viper subscript");
            return;
        }
        self.emit_call_with_imm_arg(FunKind::ObjSubscr, 0, A::REG_ARG_3);
    }

    /// `emit_native_dup_top`.
    pub(super) fn emit_native_dup_top(&mut self) {
        let (vtype, reg) = self.emit_pre_pop_reg_flexible(A::REG_TEMP0, None, None);
        self.emit_post_push_reg(vtype, reg);
        self.emit_post_push_reg(vtype, reg);
    }

    /// `emit_native_dup_top_two`.
    pub(super) fn emit_native_dup_top_two(&mut self) {
        let (vtype0, vtype1) = self.emit_pre_pop_reg_reg(A::REG_TEMP0, A::REG_TEMP1);
        self.emit_post_push_reg(vtype1, A::REG_TEMP1);
        self.emit_post_push_reg(vtype0, A::REG_TEMP0);
        self.emit_post_push_reg(vtype1, A::REG_TEMP1);
        self.emit_post_push_reg(vtype0, A::REG_TEMP0);
    }

    /// `emit_native_rot_two`.
    pub(super) fn emit_native_rot_two(&mut self) {
        let (vtype0, vtype1) = self.emit_pre_pop_reg_reg(A::REG_TEMP0, A::REG_TEMP1);
        self.emit_post_push_reg(vtype0, A::REG_TEMP0);
        self.emit_post_push_reg(vtype1, A::REG_TEMP1);
    }

    /// `emit_native_rot_three`.
    pub(super) fn emit_native_rot_three(&mut self) {
        let (vtype0, vtype1, vtype2) = self.emit_pre_pop_reg_reg_reg(A::REG_TEMP0, A::REG_TEMP1, A::REG_TEMP2);
        self.emit_post_push_reg(vtype0, A::REG_TEMP0);
        self.emit_post_push_reg(vtype2, A::REG_TEMP2);
        self.emit_post_push_reg(vtype1, A::REG_TEMP1);
    }
}
