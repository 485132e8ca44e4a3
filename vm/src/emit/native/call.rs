//! Calls, collection builders and function objects: `emit_native_call_function` (including viper casts),
//! `emit_native_call_method`, `emit_native_build`, `store_map`, `store_comp`, unpacking, and
//! `make_function` / `make_closure`.
//!
//! Arguments are passed to the runtime as a pointer to their stack words, so every native value among
//! them is converted to an object first (`emit_get_stack_pointer_to_reg_for_pop`).

use super::{NativeArch, NativeEmitter, VType, OFFSETOF_OBJ_FUN_BC_CONTEXT};
use crate::asm::FunKind;
use crate::emit::{BuildKind, CompKind, ScopeId};

impl<A: NativeArch> NativeEmitter<A> {
    /// `emit_native_build`.
    pub(super) fn emit_native_build(&mut self, n_args: usize, kind: BuildKind) {
        let fun = match kind {
            BuildKind::Slice => {
                self.emit_native_build_slice(n_args);
                return;
            }
            BuildKind::Tuple => FunKind::BuildTuple,
            BuildKind::List => FunKind::BuildList,
            BuildKind::Map => FunKind::BuildMap,
            BuildKind::Set => FunKind::BuildSet,
        };
        if kind != BuildKind::Map {
            self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_2, n_args);
        }
        self.emit_call_with_imm_arg(fun, n_args as i64, A::REG_ARG_1);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_store_map`.
    pub(super) fn emit_native_store_map(&mut self) {
        let (k, v, m) = self.emit_pre_pop_reg_reg_reg(A::REG_ARG_2, A::REG_ARG_3, A::REG_ARG_1);
        if k != VType::PyObj || v != VType::PyObj || m != VType::PyObj {
            self.mpy_cross_assert("dict display with viper values");
            return;
        }
        self.emit_call(FunKind::StoreMap);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_build_slice`.
    fn emit_native_build_slice(&mut self, n_args: usize) {
        if n_args == 2 {
            let (stop, start) = self.emit_pre_pop_reg_reg(A::REG_ARG_2, A::REG_ARG_1);
            if start != VType::PyObj || stop != VType::PyObj {
                self.mpy_cross_assert("slice with viper bounds");
                return;
            }
            self.mov_reg_const(A::REG_ARG_3, FunKind::ConstNoneObj as i32);
        } else {
            let (step, stop, start) = self.emit_pre_pop_reg_reg_reg(A::REG_ARG_3, A::REG_ARG_2, A::REG_ARG_1);
            if start != VType::PyObj || stop != VType::PyObj || step != VType::PyObj {
                self.mpy_cross_assert("slice with viper bounds");
                return;
            }
        }
        self.emit_call(FunKind::NewSlice);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_store_comp`: append/add/store into the collection `collection_index` deep.
    pub(super) fn emit_native_store_comp(&mut self, kind: CompKind, collection_index: usize) {
        let fun = match kind {
            CompKind::List | CompKind::Set => {
                let vtype_item = self.emit_pre_pop_reg(A::REG_ARG_2);
                if vtype_item != VType::PyObj {
                    self.mpy_cross_assert("comprehension of a viper value");
                    return;
                }
                if kind == CompKind::List {
                    FunKind::ListAppend
                } else {
                    FunKind::StoreSet
                }
            }
            CompKind::Dict => {
                let (k, v) = self.emit_pre_pop_reg_reg(A::REG_ARG_2, A::REG_ARG_3);
                if k != VType::PyObj || v != VType::PyObj {
                    self.mpy_cross_assert("comprehension of a viper value");
                    return;
                }
                FunKind::StoreMap
            }
        };
        let vtype_collection = self.emit_access_stack(collection_index, A::REG_ARG_1);
        if vtype_collection != VType::PyObj {
            self.mpy_cross_assert("comprehension into a viper value");
            return;
        }
        self.emit_call(fun);
    }

    /// `emit_native_unpack_sequence`.
    pub(super) fn emit_native_unpack_sequence(&mut self, n_args: usize) {
        let vtype_base = self.emit_pre_pop_reg(A::REG_ARG_1);
        if vtype_base != VType::PyObj {
            self.mpy_cross_assert("unpacking a viper value");
            return;
        }
        self.emit_get_stack_pointer_to_reg_for_push(A::REG_ARG_3, n_args);
        self.emit_call_with_imm_arg(FunKind::UnpackSequence, n_args as i64, A::REG_ARG_2);
    }

    /// `emit_native_unpack_ex`.
    pub(super) fn emit_native_unpack_ex(&mut self, n_left: usize, n_right: usize) {
        let vtype_base = self.emit_pre_pop_reg(A::REG_ARG_1);
        if vtype_base != VType::PyObj {
            self.mpy_cross_assert("unpacking a viper value");
            return;
        }
        self.emit_get_stack_pointer_to_reg_for_push(A::REG_ARG_3, n_left + n_right + 1);
        self.emit_call_with_imm_arg(FunKind::UnpackEx, (n_left | (n_right << 8)) as i64, A::REG_ARG_2);
    }

    /// `emit_native_make_function`: `mp_make_function_from_proto_fun(child, context, defaults)`.
    pub(super) fn emit_native_make_function(&mut self, child: ScopeId, n_pos_defaults: u32, n_kw_defaults: u32) {
        self.mov_reg_state(A::REG_ARG_2, self.local_idx_fun_obj());
        self.as_.load_reg_reg_offset(A::REG_ARG_2, A::REG_ARG_2, OFFSETOF_OBJ_FUN_BC_CONTEXT);
        if n_pos_defaults == 0 && n_kw_defaults == 0 {
            self.need_reg_all();
            self.as_.mov_reg_imm(A::REG_ARG_3, 0);
        } else {
            self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 2);
            self.need_reg_all();
        }
        self.load_reg_with_child(A::REG_ARG_1, child);
        self.as_.call_ind(FunKind::MakeFunctionFromProtoFun);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_make_closure`: make the function, then `mp_make_closure_from_raw_code`'s
    /// `new_closure(fun, n_closed_over, closed)`.
    pub(super) fn emit_native_make_closure(
        &mut self,
        child: ScopeId,
        n_closed_over: usize,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    ) {
        let has_defaults = n_pos_defaults != 0 || n_kw_defaults != 0;
        self.mov_reg_state(A::REG_ARG_2, self.local_idx_fun_obj());
        self.as_.load_reg_reg_offset(A::REG_ARG_2, A::REG_ARG_2, OFFSETOF_OBJ_FUN_BC_CONTEXT);
        if !has_defaults {
            self.need_reg_all();
            self.as_.mov_reg_imm(A::REG_ARG_3, 0);
        } else {
            self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 2 + n_closed_over);
            self.adjust_stack((2 + n_closed_over) as i64);
            self.need_reg_all();
        }
        self.load_reg_with_child(A::REG_ARG_1, child);
        self.as_.call_ind(FunKind::MakeFunctionFromProtoFun);

        if Self::cpp_regs_differ(A::REG_ARG_1, A::REG_RET) {
            self.as_.mov_reg_reg(A::REG_ARG_1, A::REG_RET);
        }
        self.as_.mov_reg_imm(A::REG_ARG_2, n_closed_over as i64);
        self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, n_closed_over);
        if has_defaults {
            self.adjust_stack(-2);
        }
        self.as_.call_ind(FunKind::NewClosure);
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_call_function`; in viper a call of a cast builtin is a conversion.
    pub(super) fn emit_native_call_function(&mut self, n_positional: usize, n_keyword: usize, star_flags: u32) {
        let vtype_fun = self.peek_vtype(n_positional + 2 * n_keyword);
        if vtype_fun == VType::BuiltinCast {
            if n_positional != 1 || n_keyword != 0 || star_flags != 0 {
                self.mpy_cross_assert("a viper cast takes exactly one positional argument");
                return;
            }
            let vtype_cast = VType::from_native_type(self.peek_stack(1).imm as u32);
            match self.peek_vtype(0) {
                VType::PyObj => {
                    self.emit_pre_pop_reg(A::REG_ARG_1);
                    self.emit_pre_pop_discard();
                    self.emit_call_with_imm_arg(FunKind::ConvertObjToNative, vtype_cast.code(), A::REG_ARG_2);
                    self.emit_post_push_reg(vtype_cast, A::REG_RET);
                }
                VType::Bool
                | VType::Int
                | VType::Uint
                | VType::Ptr
                | VType::Ptr8
                | VType::Ptr16
                | VType::Ptr32
                | VType::PtrNone => {
                    self.emit_fold_stack_top(A::REG_ARG_1);
                    self.emit_post_top_set_vtype(vtype_cast);
                }
                VType::Unbound | VType::BuiltinCast => self.not_implemented("casting"),
            }
            return;
        }
        if vtype_fun != VType::PyObj {
            self.mpy_cross_assert(&format!("call of a viper '{}' value", vtype_fun.name()));
            return;
        }
        if star_flags != 0 {
            self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, n_positional + 2 * n_keyword + 2);
            self.emit_call_with_2_imm_args(
                FunKind::CallMethodNKwVar,
                0,
                A::REG_ARG_1,
                (n_positional | (n_keyword << 8)) as i64,
                A::REG_ARG_2,
            );
        } else {
            if n_positional != 0 || n_keyword != 0 {
                self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, n_positional + 2 * n_keyword);
            }
            self.emit_pre_pop_reg(A::REG_ARG_1);
            self.emit_call_with_imm_arg(
                FunKind::NativeCallFunctionNKw,
                (n_positional | (n_keyword << 8)) as i64,
                A::REG_ARG_2,
            );
        }
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_call_method`.
    pub(super) fn emit_native_call_method(&mut self, n_positional: usize, n_keyword: usize, star_flags: u32) {
        if star_flags != 0 {
            self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, n_positional + 2 * n_keyword + 3);
            self.emit_call_with_2_imm_args(
                FunKind::CallMethodNKwVar,
                1,
                A::REG_ARG_1,
                (n_positional | (n_keyword << 8)) as i64,
                A::REG_ARG_2,
            );
        } else {
            self.emit_get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 2 + n_positional + 2 * n_keyword);
            self.emit_call_with_2_imm_args(
                FunKind::CallMethodNKw,
                n_positional as i64,
                A::REG_ARG_1,
                n_keyword as i64,
                A::REG_ARG_2,
            );
        }
        self.emit_post_push_reg(VType::PyObj, A::REG_RET);
    }

}
