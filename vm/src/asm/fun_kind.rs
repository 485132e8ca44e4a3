//! `mp_fun_kind_t` (`py/nativeglue.h`): the slots of `mp_fun_table` that native code calls through.
//!
//! Native code reaches the runtime only through `mp_fun_table`, whose address the prologue loads into
//! `REG_FUN_TABLE`; `ASM_CALL_IND(as, idx)` loads slot `idx` and calls it. The slot order is part of the
//! `.mpy` ABI (guarded by `MPY_SUB_VERSION`), so it must match 1.29 exactly: for example x64
//! `mov rax,[rbp+0x168]` is slot 45, `setup_code_state`.

use std::fmt;

/// One slot of `mp_fun_table`, numbered as in 1.29's `mp_fun_kind_t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum FunKind {
    ConstNoneObj = 0,
    ConstFalseObj,
    ConstTrueObj,
    ConvertObjToNative,
    ConvertNativeToObj,
    NativeSwapGlobals,
    LoadName,
    LoadGlobal,
    LoadBuildClass,
    LoadAttr,
    LoadMethod,
    LoadSuperMethod,
    StoreName,
    StoreGlobal,
    StoreAttr,
    ObjSubscr,
    ObjIsTrue,
    UnaryOp,
    BinaryOp,
    BuildTuple,
    BuildList,
    BuildMap,
    BuildSet,
    StoreSet,
    ListAppend,
    StoreMap,
    MakeFunctionFromProtoFun,
    NativeCallFunctionNKw,
    CallMethodNKw,
    CallMethodNKwVar,
    NativeGetiter,
    NativeIternext,
    NlrPush,
    NlrPop,
    NativeRaise,
    ImportName,
    ImportFrom,
    ImportAll,
    NewSlice,
    UnpackSequence,
    UnpackEx,
    DeleteName,
    DeleteGlobal,
    NewClosure,
    ArgCheckNumSig,
    SetupCodeState,
    SmallIntFloorDivide,
    SmallIntModulo,
    NativeYieldFrom,
    Setjmp,
}

impl FunKind {
    /// Every slot in table order (`MP_F_NUMBER_OF` entries).
    pub const ALL: [FunKind; 50] = [
        FunKind::ConstNoneObj,
        FunKind::ConstFalseObj,
        FunKind::ConstTrueObj,
        FunKind::ConvertObjToNative,
        FunKind::ConvertNativeToObj,
        FunKind::NativeSwapGlobals,
        FunKind::LoadName,
        FunKind::LoadGlobal,
        FunKind::LoadBuildClass,
        FunKind::LoadAttr,
        FunKind::LoadMethod,
        FunKind::LoadSuperMethod,
        FunKind::StoreName,
        FunKind::StoreGlobal,
        FunKind::StoreAttr,
        FunKind::ObjSubscr,
        FunKind::ObjIsTrue,
        FunKind::UnaryOp,
        FunKind::BinaryOp,
        FunKind::BuildTuple,
        FunKind::BuildList,
        FunKind::BuildMap,
        FunKind::BuildSet,
        FunKind::StoreSet,
        FunKind::ListAppend,
        FunKind::StoreMap,
        FunKind::MakeFunctionFromProtoFun,
        FunKind::NativeCallFunctionNKw,
        FunKind::CallMethodNKw,
        FunKind::CallMethodNKwVar,
        FunKind::NativeGetiter,
        FunKind::NativeIternext,
        FunKind::NlrPush,
        FunKind::NlrPop,
        FunKind::NativeRaise,
        FunKind::ImportName,
        FunKind::ImportFrom,
        FunKind::ImportAll,
        FunKind::NewSlice,
        FunKind::UnpackSequence,
        FunKind::UnpackEx,
        FunKind::DeleteName,
        FunKind::DeleteGlobal,
        FunKind::NewClosure,
        FunKind::ArgCheckNumSig,
        FunKind::SetupCodeState,
        FunKind::SmallIntFloorDivide,
        FunKind::SmallIntModulo,
        FunKind::NativeYieldFrom,
        FunKind::Setjmp,
    ];

    /// The slot index (`MP_F_...` value).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The name `-march=debug` prints for `call_ind` (`fun_name_table` in `py/emitndebug.c`). The three
    /// constant slots have no entry there; C's printf shows the NULL as `(null)`.
    pub const fn debug_name(self) -> &'static str {
        match self {
            FunKind::ConstNoneObj | FunKind::ConstFalseObj | FunKind::ConstTrueObj => "(null)",
            FunKind::ConvertObjToNative => "convert_obj_to_native",
            FunKind::ConvertNativeToObj => "convert_native_to_obj",
            FunKind::NativeSwapGlobals => "native_swap_globals",
            FunKind::LoadName => "load_name",
            FunKind::LoadGlobal => "load_global",
            FunKind::LoadBuildClass => "load_build_class",
            FunKind::LoadAttr => "load_attr",
            FunKind::LoadMethod => "load_method",
            FunKind::LoadSuperMethod => "load_super_method",
            FunKind::StoreName => "store_name",
            FunKind::StoreGlobal => "store_global",
            FunKind::StoreAttr => "store_attr",
            FunKind::ObjSubscr => "obj_subscr",
            FunKind::ObjIsTrue => "obj_is_true",
            FunKind::UnaryOp => "unary_op",
            FunKind::BinaryOp => "binary_op",
            FunKind::BuildTuple => "build_tuple",
            FunKind::BuildList => "build_list",
            FunKind::BuildMap => "build_map",
            FunKind::BuildSet => "build_set",
            FunKind::StoreSet => "store_set",
            FunKind::ListAppend => "list_append",
            FunKind::StoreMap => "store_map",
            FunKind::MakeFunctionFromProtoFun => "make_function_from_proto_fun",
            FunKind::NativeCallFunctionNKw => "native_call_function_n_kw",
            FunKind::CallMethodNKw => "call_method_n_kw",
            FunKind::CallMethodNKwVar => "call_method_n_kw_var",
            FunKind::NativeGetiter => "native_getiter",
            FunKind::NativeIternext => "native_iternext",
            FunKind::NlrPush => "nlr_push",
            FunKind::NlrPop => "nlr_pop",
            FunKind::NativeRaise => "native_raise",
            FunKind::ImportName => "import_name",
            FunKind::ImportFrom => "import_from",
            FunKind::ImportAll => "import_all",
            FunKind::NewSlice => "new_slice",
            FunKind::UnpackSequence => "unpack_sequence",
            FunKind::UnpackEx => "unpack_ex",
            FunKind::DeleteName => "delete_name",
            FunKind::DeleteGlobal => "delete_global",
            FunKind::NewClosure => "new_closure",
            FunKind::ArgCheckNumSig => "arg_check_num_sig",
            FunKind::SetupCodeState => "setup_code_state",
            FunKind::SmallIntFloorDivide => "small_int_floor_divide",
            FunKind::SmallIntModulo => "small_int_modulo",
            FunKind::NativeYieldFrom => "native_yield_from",
            FunKind::Setjmp => "setjmp",
        }
    }

    /// How many arguments the runtime function takes (`mp_f_n_args` in `py/emitnx86.c`). The x86 calling
    /// convention passes them on the stack, so `asm_x86_call_ind` must know how many to push. The constant
    /// slots are not functions and count 0, as the zero-initialised C table does.
    pub const fn x86_n_args(self) -> u8 {
        match self {
            FunKind::ConstNoneObj | FunKind::ConstFalseObj | FunKind::ConstTrueObj => 0,
            FunKind::LoadBuildClass | FunKind::NlrPop => 0,
            FunKind::NativeSwapGlobals
            | FunKind::LoadName
            | FunKind::LoadGlobal
            | FunKind::ObjIsTrue
            | FunKind::BuildMap
            | FunKind::NativeIternext
            | FunKind::NlrPush
            | FunKind::NativeRaise
            | FunKind::ImportAll
            | FunKind::DeleteName
            | FunKind::DeleteGlobal
            | FunKind::Setjmp => 1,
            FunKind::ConvertObjToNative
            | FunKind::ConvertNativeToObj
            | FunKind::LoadAttr
            | FunKind::LoadSuperMethod
            | FunKind::StoreName
            | FunKind::StoreGlobal
            | FunKind::UnaryOp
            | FunKind::BuildTuple
            | FunKind::BuildList
            | FunKind::BuildSet
            | FunKind::StoreSet
            | FunKind::ListAppend
            | FunKind::NativeGetiter
            | FunKind::ImportFrom
            | FunKind::SmallIntFloorDivide
            | FunKind::SmallIntModulo => 2,
            FunKind::LoadMethod
            | FunKind::StoreAttr
            | FunKind::ObjSubscr
            | FunKind::BinaryOp
            | FunKind::StoreMap
            | FunKind::MakeFunctionFromProtoFun
            | FunKind::NativeCallFunctionNKw
            | FunKind::CallMethodNKw
            | FunKind::CallMethodNKwVar
            | FunKind::ImportName
            | FunKind::NewSlice
            | FunKind::UnpackSequence
            | FunKind::UnpackEx
            | FunKind::NewClosure
            | FunKind::ArgCheckNumSig
            | FunKind::NativeYieldFrom => 3,
            FunKind::SetupCodeState => 4,
        }
    }
}

impl fmt::Display for FunKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.debug_name())
    }
}

#[cfg(test)]
mod tests {
    use super::FunKind;

    #[test]
    fn all_is_in_slot_order() {
        for (i, k) in FunKind::ALL.iter().enumerate() {
            assert_eq!(k.index(), i, "{k:?}");
        }
        // Anchors seen in mpy-cross 1.29 output: x64 `mov rax,[rbp+0x168]` = setup_code_state,
        // x86 `mov eax,[ebp+0x68]` = make_function_from_proto_fun.
        assert_eq!(FunKind::SetupCodeState.index() * 8, 0x168);
        assert_eq!(FunKind::MakeFunctionFromProtoFun.index() * 4, 0x68);
    }
}
