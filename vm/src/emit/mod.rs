//! The emitter interface (`py/emit.h`): one method per stack-machine operation, one implementation per code kind.
//!
//! The compiler (`crate::compiler`) never names an emitter: it calls [`Emit`] methods, and the pass driver
//! picks the implementation per scope (bytecode now; the native and viper emitters later implement the same
//! trait). The operation kinds are small enums, as `MP_EMIT_*` are in MicroPython.
//!
//! # Passes
//!
//! Every scope is compiled several times over the same tree (`pass_kind_t` in `py/emit.h`):
//!
//! 1. [`Pass::Scope`] runs over *all* scopes first. It discovers identifiers, parameters and child scopes;
//!    the kind of a variable (local, cell, free, global) is only known once every scope has been seen, and
//!    the opcodes depend on it (`LOAD_FAST` vs `LOAD_DEREF` vs `LOAD_GLOBAL`, `MAKE_CLOSURE`).
//! 2. [`Pass::StackSize`] computes the maximum stack depth, which sizes the prelude.
//! 3. [`Pass::CodeSize`] computes code size and label offsets.
//! 4. [`Pass::Emit`] writes the code, and is repeated until the size stops changing (jump encodings can
//!    only shrink from one pass to the next).
//!
//! The module-wide qstr and constant tables ([`EmitCommon`]) are shared by all scopes and all passes: an
//! entry is added the first time any pass of any scope uses it, which fixes the table order.

pub mod bytecode;
pub mod common;
pub mod inline;
pub mod native;

pub use common::EmitCommon;

/// `pass_kind_t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pass {
    Scope = 1,
    StackSize = 2,
    CodeSize = 3,
    Emit = 4,
}

/// A jump target, numbered per scope and per pass in the order the compiler allocates them.
pub type Label = u32;

/// Index of a scope in the compiler's scope list (the order MicroPython links scopes in).
pub type ScopeId = usize;

/// `MP_EMIT_STAR_FLAG_*`: which star forms a call uses.
pub const STAR_FLAG_SINGLE: u32 = 0x01;
pub const STAR_FLAG_DOUBLE: u32 = 0x02;

/// `MP_EMIT_IDOP_LOCAL_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalKind {
    Fast = 0,
    Deref = 1,
}

/// `MP_EMIT_IDOP_GLOBAL_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlobalKind {
    Name = 0,
    Global = 1,
}

/// `MP_EMIT_IMPORT_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    Name = 0,
    From = 1,
    Star = 2,
}

/// `MP_EMIT_SUBSCR_*` and `MP_EMIT_ATTR_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessKind {
    Load = 0,
    Store = 1,
    Delete = 2,
}

/// `MP_EMIT_SETUP_BLOCK_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    With = 0,
    Except = 1,
    Finally = 2,
}

/// `MP_EMIT_BUILD_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuildKind {
    Tuple = 0,
    List = 1,
    Map = 2,
    Set = 3,
    Slice = 4,
}

/// `MP_EMIT_YIELD_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YieldKind {
    Value = 0,
    From = 1,
}

/// The constant tokens `load_const_tok` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstTok {
    False,
    None,
    True,
    Ellipsis,
}

/// The collection a comprehension stores into (`store_comp`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Dict,
    Set,
}

/// `mp_unary_op_t`, the part that can appear in bytecode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Positive = 0,
    Negative = 1,
    Invert = 2,
    Not = 3,
}

/// `mp_binary_op_t`, numbered as in `py/runtime0.h` (the bytecode stores the number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Less = 0,
    More = 1,
    Equal = 2,
    LessEqual = 3,
    MoreEqual = 4,
    NotEqual = 5,
    In = 6,
    Is = 7,
    ExceptionMatch = 8,
    InplaceOr = 9,
    InplaceXor = 10,
    InplaceAnd = 11,
    InplaceLshift = 12,
    InplaceRshift = 13,
    InplaceAdd = 14,
    InplaceSubtract = 15,
    InplaceMultiply = 16,
    InplaceMatMultiply = 17,
    InplaceFloorDivide = 18,
    InplaceTrueDivide = 19,
    InplaceModulo = 20,
    InplacePower = 21,
    Or = 22,
    Xor = 23,
    And = 24,
    Lshift = 25,
    Rshift = 26,
    Add = 27,
    Subtract = 28,
    Multiply = 29,
    MatMultiply = 30,
    FloorDivide = 31,
    TrueDivide = 32,
    Modulo = 33,
    Power = 34,
    /// Not an opcode: emitted as `IN` followed by `UNARY_OP not`.
    NotIn = 35,
    /// Not an opcode: emitted as `IS` followed by `UNARY_OP not`.
    IsNot = 36,
}

impl BinaryOp {
    /// The in-place form of an arithmetic operator (`a += b`).
    pub fn inplace(self) -> BinaryOp {
        use BinaryOp::*;
        match self {
            Or => InplaceOr,
            Xor => InplaceXor,
            And => InplaceAnd,
            Lshift => InplaceLshift,
            Rshift => InplaceRshift,
            Add => InplaceAdd,
            Subtract => InplaceSubtract,
            Multiply => InplaceMultiply,
            MatMultiply => InplaceMatMultiply,
            FloorDivide => InplaceFloorDivide,
            TrueDivide => InplaceTrueDivide,
            Modulo => InplaceModulo,
            Power => InplacePower,
            other => other,
        }
    }
}

/// What a scope's emitter needs to know about the scope at the start of a pass (`scope_t` as `emitbc.c`
/// reads it). The driver builds it from the compiler's scope before each pass.
#[derive(Clone, Debug, Default)]
pub struct ScopeInfo {
    pub simple_name: String,
    /// `MP_SCOPE_FLAG_*`.
    pub scope_flags: u32,
    pub num_pos_args: u32,
    pub num_kwonly_args: u32,
    pub num_def_pos_args: u32,
    pub num_locals: u32,
    /// Maximum stack depth found so far (it only grows from pass to pass).
    pub stack_size: u32,
    pub exc_stack_size: u32,
    /// One name per positional and keyword-only argument slot (`*` when no parameter has that slot).
    pub arg_names: Vec<String>,
    /// Local numbers of the variables that must be turned into cells, in identifier order.
    pub cells: Vec<u32>,
    /// The dotted path of simple names from the module down (`V.m.<lambda>`), for `-march=debug`'s
    /// `ENTRY(...)` line; empty for bytecode scopes.
    pub qualified_name: String,
    /// The scope is compiled by the viper emitter (`MP_EMIT_OPT_VIPER`).
    pub viper: bool,
    /// Viper: `(local_num, MP_NATIVE_TYPE_*)` of every parameter, from its annotation.
    pub param_types: Vec<(u32, u32)>,
}

/// The result of finishing a pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PassEnd {
    /// False when the emit pass must be run again because the code changed size.
    pub complete: bool,
    /// The scope's maximum stack depth after this pass.
    pub stack_size: u32,
}

/// The emitter method table (`emit_method_table_t` in `py/emit.h`, MicroPython 1.29).
///
/// Names and arguments follow the C. Identifiers are passed as strings (qstrs); the emitter registers
/// them in the module's qstr table. Methods never fail: an emitter that meets something it cannot encode
/// records the problem and reports it from [`Emit::take_error`].
pub trait Emit {
    fn start_pass(&mut self, pass: Pass, scope: &ScopeInfo);
    fn end_pass(&mut self) -> PassEnd;
    fn adjust_stack_size(&mut self, delta: i32);
    fn set_source_line(&mut self, line: u32);

    fn load_local(&mut self, qst: &str, local_num: u32, kind: LocalKind);
    fn load_global(&mut self, qst: &str, kind: GlobalKind);
    fn store_local(&mut self, qst: &str, local_num: u32, kind: LocalKind);
    fn store_global(&mut self, qst: &str, kind: GlobalKind);
    fn delete_local(&mut self, qst: &str, local_num: u32, kind: LocalKind);
    fn delete_global(&mut self, qst: &str, kind: GlobalKind);

    fn label_assign(&mut self, label: Label);
    fn import(&mut self, qst: &str, kind: ImportKind);
    fn load_const_tok(&mut self, tok: ConstTok);
    fn load_const_small_int(&mut self, value: i64);
    fn load_const_str(&mut self, qst: &str);
    fn load_const_obj(&mut self, obj: crate::mpy::ConstObj);
    fn load_null(&mut self);
    fn load_method(&mut self, qst: &str, is_super: bool);
    fn load_build_class(&mut self);
    fn subscr(&mut self, kind: AccessKind);
    fn attr(&mut self, qst: &str, kind: AccessKind);
    fn dup_top(&mut self);
    fn dup_top_two(&mut self);
    fn pop_top(&mut self);
    fn rot_two(&mut self);
    fn rot_three(&mut self);
    fn jump(&mut self, label: Label);
    fn pop_jump_if(&mut self, cond: bool, label: Label);
    fn jump_if_or_pop(&mut self, cond: bool, label: Label);
    /// `break`/`continue` through `except_depth` exception blocks; `from_for` pops a `for` iterator.
    fn unwind_jump(&mut self, label: Label, except_depth: u32, from_for: bool);
    fn setup_block(&mut self, label: Label, kind: BlockKind);
    fn with_cleanup(&mut self, label: Label);
    fn end_finally(&mut self);
    fn get_iter(&mut self, use_stack: bool);
    fn for_iter(&mut self, label: Label);
    fn for_iter_end(&mut self);
    fn pop_except_jump(&mut self, label: Label, within_exc_handler: bool);
    fn unary_op(&mut self, op: UnaryOp);
    fn binary_op(&mut self, op: BinaryOp);
    fn build(&mut self, n_args: u32, kind: BuildKind);
    fn store_map(&mut self);
    fn store_comp(&mut self, kind: CompKind, collection_stack_index: u32);
    fn unpack_sequence(&mut self, n_args: u32);
    fn unpack_ex(&mut self, n_left: u32, n_right: u32);
    fn make_function(&mut self, child: ScopeId, n_pos_defaults: u32, n_kw_defaults: u32);
    fn make_closure(&mut self, child: ScopeId, n_closed_over: u32, n_pos_defaults: u32, n_kw_defaults: u32);
    fn call_function(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32);
    fn call_method(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32);
    fn return_value(&mut self);
    fn raise_varargs(&mut self, n_args: u32);
    fn yield_(&mut self, kind: YieldKind);
    fn start_except_handler(&mut self);
    fn end_except_handler(&mut self);

    /// `async_with_setup_finally`: the end of an `async with` body and the start of its `finally`
    /// handler, up to the test whether an exception is being handled (jump to `label_ret_unwind_jump` if
    /// not). Bytecode tests the value with `isinstance(v, BaseException)`; the native emitter overrides
    /// this with a test of its exception-value word.
    fn async_with_setup_finally(
        &mut self,
        label_aexit_no_exc: Label,
        label_finally_block: Label,
        label_ret_unwind_jump: Label,
    ) {
        self.load_const_tok(ConstTok::None);
        self.rot_two();
        self.jump(label_aexit_no_exc);
        self.label_assign(label_finally_block);
        self.dup_top();
        self.load_global("BaseException", GlobalKind::Global);
        self.binary_op(BinaryOp::ExceptionMatch);
        self.pop_jump_if(false, label_ret_unwind_jump);
    }

    /// An error the emitter found (for example `RuntimeError: bytecode overflow`), if any.
    fn take_error(&mut self) -> Option<crate::CompileError>;

    /// The scope flags as the emitter leaves them after a pass (the native emitter sets
    /// `MP_SCOPE_FLAG_HASCONSTS` and `MP_SCOPE_FLAG_GENERATOR` on the scope, as C does); `None` if the
    /// emitter never changes them.
    fn scope_flags(&self) -> Option<u32> {
        None
    }
}
