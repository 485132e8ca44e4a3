//! The native and viper emitter (`py/emitnative.c`), written once over [`Asm`] and monomorphised per
//! architecture, as `py/emitnx64.c` / `py/emitnx86.c` / `py/emitndebug.c` do with `#include "emitnative.c"`.
//!
//! # What the emitter keeps track of
//!
//! The compiler drives this emitter through the same [`Emit`] trait as the bytecode emitter, but there
//! is no stack machine at run time: the emitter keeps a *compile-time* picture of the Python stack
//! (`stack_info`, see [`stack`]) where each slot is either in its C-stack word ([`Kind::Value`]), still
//! in a register ([`Kind::Reg`]) or a not-yet-materialised immediate ([`Kind::Imm`]), each with a viper
//! type ([`VType`]). Values are moved into their stack words only when something needs the register or
//! a jump needs the stack settled, exactly where MicroPython does it, so the instruction stream matches
//! mpy-cross's.
//!
//! # C stack layout (in machine words, from the stack pointer up)
//!
//! ```text
//! native function:               viper function:              native generator:
//!   0  nlr_buf_t [if handler]      0  nlr_buf_t [if handler]    0  nlr_buf_t
//!      return value, unwind pc        return value, unwind pc      return value, unwind, throw value
//!   code_state_start:               code_state_start:           (REG_GENERATOR_STATE points at the
//!      mp_code_state_native_t         fun_obj, old_globals         heap code state: fun_bc, ip, sp,
//!   stack_start:                    stack_start:                 n_state, state[] = stack, locals)
//!      Python stack, then locals      Python stack, then locals
//!      (reversed: L0 at the end)      (L0, L1 may be in registers)
//! ```
//!
//! The sizes are those of the *host* mpy-cross was built for (64-bit): `mp_code_state_native_t` is 5
//! words on every target, while `nlr_buf_t` follows the target's register count (see
//! [`NativeArch::NLR_BUF_NUM_REGS`]).
//!
//! # Errors
//!
//! Viper type errors do not stop the pass: each one *replaces* the previous one (MicroPython writes them
//! straight into `comp->compile_error`), so the last one of the pass is reported. `NotImplementedError`s
//! abort the whole compilation at once and print without a traceback. Places where mpy-cross 1.29 hits a
//! C `assert` (and aborts) become clean [`ErrorKind::Internal`] errors. All of them travel through the
//! shared [`ErrorSlot`], which the compiler reads.
//!
//! Files: [`dispatch`] (the [`Emit`] methods, forwarding to `emit_native_*`), [`vtype`] (types), [`stack`] (value stack and register spills), [`entry`] (prologue, prelude,
//! global exception handler), [`load_store`] (names, constants, attributes, subscripts), [`ops`] (unary
//! and binary operators), [`call`] (calls, builds, functions), [`flow`] (jumps, loops, exceptions,
//! `with`, `return`, `raise`, `yield`).

mod call;
mod dispatch;
mod entry;
mod flow;
mod load_store;
mod ops;
mod stack;
pub mod vtype;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::asm::arm::AsmArm;
use crate::asm::debug::AsmDebug;
use crate::asm::thumb::{self as thumb, AsmThumb};
use crate::asm::x64::AsmX64;
use crate::asm::x86::AsmX86;
use crate::asm::{self, Asm};
use crate::asm::{rv32::AsmRv32, xtensa::AsmXtensa, xtensa::AsmXtensaWin};
use crate::emit::{Emit, EmitCommon, Label, Pass, ScopeId, ScopeInfo};
use crate::error::{CompileError, ErrorKind};
use crate::mpy::{Arch, ConstObj};

use stack::StackInfo;
pub use vtype::VType;

/// What an architecture adds to [`Asm`] for the emitter: the `#if N_X64 || N_X86` choices and the
/// size of the target's `nlr_buf_t`.
pub trait NativeArch: Asm {
    /// `N_X64 || N_X86`: viper stores pop the value into its register unconditionally.
    const X86_FAMILY: bool;
    /// `mp_dynamic_compiler.nlr_buf_num_regs` (`SIZEOF_NLR_BUF` is this plus 3).
    const NLR_BUF_NUM_REGS: usize;

    /// Whether `#if REG_A != REG_B` is false for every pair of registers: the debug ISA's registers
    /// are enum constants, which the C preprocessor sees as 0, so code under such `#if`s is never emitted
    /// (`if (REG_A != REG_B)` at run time still compares them).
    const CPP_REGS_ALL_EQUAL: bool = false;

    /// `N_NLR_SETJMP` (`emitnxtensawin.c`): every `nlr_push` of the global exception handler is
    /// followed by a call to `setjmp` on the buffer's `jmp_buf` (word 2).
    const NLR_SETJMP: bool = false;

    /// The text `-march=debug` prints, taken (empty for real ISAs).
    fn take_asm_trace(&mut self) -> String {
        String::new()
    }
}

impl NativeArch for AsmX64 {
    const X86_FAMILY: bool = true;
    const NLR_BUF_NUM_REGS: usize = 10;
}

impl NativeArch for AsmX86 {
    const X86_FAMILY: bool = true;
    const NLR_BUF_NUM_REGS: usize = 6;
}

/// `MICROPY_NLR_NUM_REGS_ARM_THUMB_FP`: mpy-cross sizes `nlr_buf_t` for every ARM target as for the
/// largest (armv7emdp with its FPU registers), so the code runs on all of them.
const NLR_BUF_NUM_REGS_ARM_THUMB_FP: usize = 16;

impl<V: thumb::Variant> NativeArch for AsmThumb<V> {
    const X86_FAMILY: bool = false;
    const NLR_BUF_NUM_REGS: usize = NLR_BUF_NUM_REGS_ARM_THUMB_FP;
}

impl NativeArch for AsmArm {
    const X86_FAMILY: bool = false;
    const NLR_BUF_NUM_REGS: usize = NLR_BUF_NUM_REGS_ARM_THUMB_FP;
}

impl NativeArch for AsmDebug {
    const X86_FAMILY: bool = false;
    const NLR_BUF_NUM_REGS: usize = 0;
    const CPP_REGS_ALL_EQUAL: bool = true;

    fn take_asm_trace(&mut self) -> String {
        self.take_trace()
    }
}

impl NativeArch for AsmXtensa {
    const X86_FAMILY: bool = false;
    /// `MICROPY_NLR_NUM_REGS_XTENSA`.
    const NLR_BUF_NUM_REGS: usize = 10;
}

impl NativeArch for AsmXtensaWin {
    const X86_FAMILY: bool = false;
    /// `MICROPY_NLR_NUM_REGS_XTENSAWIN`.
    const NLR_BUF_NUM_REGS: usize = 17;
    const NLR_SETJMP: bool = true;
}

impl<const ZBA: bool, const ZCMP: bool> NativeArch for AsmRv32<ZBA, ZCMP> {
    const X86_FAMILY: bool = false;
    /// `MICROPY_NLR_NUM_REGS_RV32I`.
    const NLR_BUF_NUM_REGS: usize = 14;
}

/// An error the emitter reports to the compiler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NativeError {
    /// `ViperTypeError: <message>`; a later one replaces it.
    Viper(String),
    /// Ends compilation at once (`NotImplementedError`, or a case where mpy-cross would abort).
    Fatal(CompileError),
}

/// `emit->error_slot`: shared between the native emitter (writer) and the compiler (reader).
pub type ErrorSlot = Rc<RefCell<Option<NativeError>>>;

/// Everything the emitter shares with the compiler.
#[derive(Clone, Debug)]
pub struct NativeContext {
    /// The module's qstr and object tables.
    pub common: Rc<RefCell<EmitCommon>>,
    /// Where errors go.
    pub errors: ErrorSlot,
    /// `comp->next_label`: the emitter allocates its own labels just past the compiler's.
    pub label_slot: Rc<Cell<Label>>,
    /// The most labels any scope uses.
    pub max_num_labels: usize,
    /// Record a machine-code listing of each function (for `--listing` and the LSP).
    pub listing: bool,
    /// `-march-flags=` (RV32: bit 0 Zba, bit 1 Zcmp).
    pub arch_flags: u32,
}

/// The code of one function, produced by its emit pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NativeOutput {
    /// Machine code; for `@native` also the leading data words and the trailing prelude.
    pub fun_data: Vec<u8>,
    /// `@native` only: where the prelude starts in `fun_data`.
    pub prelude_offset: u32,
    /// The functions this one makes, in child-table order.
    pub children: Vec<ScopeId>,
    /// Viper (raw-code kind 2) rather than `@native` (kind 1).
    pub viper: bool,
    /// The listing of the code, when asked for.
    pub listing: String,
}

/// The native emitter as the compiler sees it: [`Emit`] plus its results.
pub trait NativeEmit: Emit {
    /// This emitter as an [`Emit`].
    fn as_emit(&mut self) -> &mut dyn Emit;
    /// The code of the scope whose emit pass just ended.
    fn take_output(&mut self) -> Option<NativeOutput>;
    /// `-march=debug`: what mpy-cross prints on stdout for the scopes emitted so far.
    fn take_trace(&mut self) -> String;
}

/// `EXPORT_FUN(new)` for the architecture, or `None` if mpyc has no backend for it.
pub fn new_emitter(arch: Arch, ctx: NativeContext) -> Option<Box<dyn NativeEmit>> {
    Some(match arch {
        Arch::Xtensa => Box::new(NativeEmitter::<AsmXtensa>::new(ctx)),
        Arch::Xtensawin => Box::new(NativeEmitter::<AsmXtensaWin>::new(ctx)),
        Arch::Rv32imc => match ctx.arch_flags & 3 {
            0 => Box::new(NativeEmitter::<AsmRv32<false, false>>::new(ctx)),
            1 => Box::new(NativeEmitter::<AsmRv32<true, false>>::new(ctx)),
            2 => Box::new(NativeEmitter::<AsmRv32<false, true>>::new(ctx)),
            _ => Box::new(NativeEmitter::<AsmRv32<true, true>>::new(ctx)),
        },
        Arch::X64 => Box::new(NativeEmitter::<AsmX64>::new(ctx)),
        Arch::X86 => Box::new(NativeEmitter::<AsmX86>::new(ctx)),
        Arch::Debug => Box::new(NativeEmitter::<AsmDebug>::new(ctx)),
        Arch::Armv6m => Box::new(NativeEmitter::<thumb::AsmArmv6m>::new(ctx)),
        Arch::Armv7m => Box::new(NativeEmitter::<thumb::AsmArmv7m>::new(ctx)),
        Arch::Armv7em => Box::new(NativeEmitter::<thumb::AsmArmv7em>::new(ctx)),
        Arch::Armv7emsp => Box::new(NativeEmitter::<thumb::AsmArmv7emsp>::new(ctx)),
        Arch::Armv7emdp => Box::new(NativeEmitter::<thumb::AsmArmv7emdp>::new(ctx)),
        Arch::Armv6 => Box::new(NativeEmitter::<AsmArm>::new(ctx)),
        _ => return None,
    })
}

// Sizes and offsets of C structs, in words (`py/emitnative.c`; mpy-cross's host is 64-bit).
const SIZEOF_CODE_STATE: usize = 5;
const OFFSETOF_CODE_STATE_STATE: i32 = 5;
const OFFSETOF_CODE_STATE_FUN_BC: usize = 0;
const OFFSETOF_CODE_STATE_IP: usize = 1;
const OFFSETOF_CODE_STATE_SP: usize = 2;
const OFFSETOF_CODE_STATE_N_STATE: usize = 3;
const OFFSETOF_OBJ_FUN_BC_CONTEXT: i32 = 1;
const OFFSETOF_OBJ_FUN_BC_CHILD_TABLE: i32 = 2;
const OFFSETOF_MODULE_CONTEXT_GLOBALS: i32 = 1;
const OFFSETOF_MODULE_CONTEXT_QSTR_TABLE: i32 = 2;
const OFFSETOF_MODULE_CONTEXT_OBJ_TABLE: i32 = 3;

/// Word index of `nlr_buf_t.ret_val`.
const NLR_BUF_IDX_RET_VAL: usize = 1;

// `MP_SCOPE_FLAG_*` the emitter reads or sets.
pub const SCOPE_FLAG_GENERATOR: u32 = 0x01;
pub const SCOPE_FLAG_VARKEYWORDS: u32 = 0x02;
pub const SCOPE_FLAG_VARARGS: u32 = 0x04;
pub const SCOPE_FLAG_REFGLOBALS: u32 = 0x10;
pub const SCOPE_FLAG_HASCONSTS: u32 = 0x20;
/// `MP_SCOPE_FLAG_VIPERRET_POS`: three bits of viper return type.
pub const SCOPE_FLAG_VIPERRET_POS: u32 = 6;

// `mp_vm_return_kind_t`.
const VM_RETURN_NORMAL: i64 = 0;
const VM_RETURN_YIELD: i64 = 1;
const VM_RETURN_EXCEPTION: i64 = 2;

/// `MP_OBJ_ITER_BUF_NSLOTS`.
const OBJ_ITER_BUF_NSLOTS: usize = 4;
/// `MP_OBJ_SENTINEL`.
const OBJ_SENTINEL: i64 = 4;

/// `MP_OBJ_NEW_SMALL_INT`.
fn new_small_int(v: i64) -> i64 {
    v.wrapping_shl(1) | 1
}

/// `MP_OBJ_FUN_MAKE_SIG(n_min, n_max, takes_kw)`.
fn fun_make_sig(n_min: u32, n_max: u32, takes_kw: bool) -> i64 {
    (i64::from(n_min) << 17) | (i64::from(n_max) << 1) | i64::from(takes_kw)
}

/// `exc_stack_entry_t.unwind_label` when nothing must be unwound.
const UNWIND_LABEL_UNUSED: usize = 0x7fff;
/// `exc_stack_entry_t.unwind_label` for the outermost `finally` of an unwinding jump.
const UNWIND_LABEL_DO_FINAL_UNWIND: usize = 0x7ffe;

/// `exc_stack_entry_t`: one active `try`/`with` block.
#[derive(Clone, Copy, Debug)]
struct ExcStackEntry {
    label: usize,
    is_finally: bool,
    unwind_label: usize,
    is_active: bool,
}

/// `emit_t` of `py/emitnative.c`.
pub struct NativeEmitter<A: NativeArch> {
    common: Rc<RefCell<EmitCommon>>,
    errors: ErrorSlot,
    label_slot: Rc<Cell<Label>>,
    exit_label: usize,
    pass: Pass,

    do_viper_types: bool,
    local_vtype: Vec<VType>,
    stack_info: Vec<StackInfo<A::Reg>>,
    saved_stack_vtype: VType,
    exc_stack: Vec<ExcStackEntry>,

    prelude_offset: usize,
    prelude_ptr_index: usize,
    start_offset: usize,
    n_state: usize,
    code_state_start: usize,
    stack_start: usize,
    stack_size: usize,
    n_info: usize,
    n_cell: usize,

    scope: ScopeInfo,
    /// `emit_common->children` for this pass: the child scopes made so far.
    children: Vec<ScopeId>,

    as_: A,
    output: Option<NativeOutput>,
    trace: String,
    listing: bool,
}

impl<A: NativeArch> std::fmt::Debug for NativeEmitter<A> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NativeEmitter").field("arch", &A::ARCH).field("scope", &self.scope.simple_name).finish()
    }
}

impl<A: NativeArch> NativeEmitter<A> {
    /// `EXPORT_FUN(new)`.
    pub fn new(ctx: NativeContext) -> Self {
        let mut as_ = A::new(ctx.max_num_labels);
        as_.base_mut().set_listing(ctx.listing);
        NativeEmitter {
            common: ctx.common,
            errors: ctx.errors,
            label_slot: ctx.label_slot,
            exit_label: 0,
            pass: Pass::StackSize,
            do_viper_types: false,
            local_vtype: Vec::new(),
            stack_info: Vec::new(),
            saved_stack_vtype: VType::PyObj,
            exc_stack: Vec::new(),
            prelude_offset: 0,
            prelude_ptr_index: 0,
            start_offset: 0,
            n_state: 0,
            code_state_start: 0,
            stack_start: 0,
            stack_size: 0,
            n_info: 0,
            n_cell: 0,
            scope: ScopeInfo::default(),
            children: Vec::new(),
            as_,
            output: None,
            trace: String::new(),
            listing: ctx.listing,
        }
    }

    // ---- shared helpers ----

    /// `*emit->label_slot + n`: one of the labels the compiler reserved for this emitter.
    fn label_slot(&self, n: usize) -> usize {
        self.label_slot.get() as usize + n
    }

    /// Whether compilation was aborted (`nlr_raise` in C): every later call does nothing.
    fn aborted(&self) -> bool {
        matches!(&*self.errors.borrow(), Some(NativeError::Fatal(_)))
    }

    /// `EMIT_NATIVE_VIPER_TYPE_ERROR`: replaces any previous error of the pass.
    fn viper_type_error(&mut self, message: String) {
        let mut slot = self.errors.borrow_mut();
        if !matches!(&*slot, Some(NativeError::Fatal(_))) {
            *slot = Some(NativeError::Viper(message));
        }
    }

    /// `mp_raise_NotImplementedError`: printed without a traceback, ends compilation.
    fn not_implemented(&mut self, message: &str) {
        self.fatal(CompileError::new(ErrorKind::NotImplementedError, message));
    }

    /// A C `assert` that fails in mpy-cross 1.29 (it aborts); here a clean error that ends compilation.
    fn mpy_cross_assert(&mut self, what: &str) {
        self.fatal(CompileError::internal(format!(
            "{what} (mpy-cross 1.29 aborts on an assertion here)"
        )));
    }

    fn fatal(&mut self, e: CompileError) {
        let mut slot = self.errors.borrow_mut();
        if !matches!(&*slot, Some(NativeError::Fatal(_))) {
            *slot = Some(NativeError::Fatal(e));
        }
    }

    fn flags(&self) -> u32 {
        self.scope.scope_flags
    }

    fn is_generator(&self) -> bool {
        self.flags() & SCOPE_FLAG_GENERATOR != 0
    }

    /// `SIZEOF_NLR_BUF`.
    const fn sizeof_nlr_buf() -> usize {
        2 + A::NLR_BUF_NUM_REGS + 1
    }

    /// `NEED_FUN_OBJ`.
    fn need_fun_obj(&self) -> bool {
        self.scope.exc_stack_size > 0 || self.flags() & (SCOPE_FLAG_REFGLOBALS | SCOPE_FLAG_HASCONSTS) != 0
    }

    /// `NEED_GLOBAL_EXC_HANDLER`.
    fn need_global_exc_handler(&self) -> bool {
        self.scope.exc_stack_size > 0 || self.flags() & (SCOPE_FLAG_GENERATOR | SCOPE_FLAG_REFGLOBALS) != 0
    }

    /// `NEED_EXC_HANDLER_UNWIND`.
    fn need_exc_handler_unwind(&self) -> bool {
        self.scope.exc_stack_size > 0
    }

    /// `NEED_THROW_VAL`: generators keep the value thrown into them in their own word.
    fn need_throw_val(&self) -> bool {
        self.is_generator()
    }

    /// `CAN_USE_REGS_FOR_LOCALS`.
    fn can_use_regs_for_locals(&self) -> bool {
        self.scope.exc_stack_size == 0 && !self.is_generator()
    }

    fn local_idx_exc_val(&self) -> usize {
        NLR_BUF_IDX_RET_VAL
    }
    fn local_idx_exc_handler_pc(&self) -> usize {
        A::NLR_BUF_IDX_LOCAL_1
    }
    fn local_idx_exc_handler_unwind(&self) -> usize {
        Self::sizeof_nlr_buf() + 1
    }
    fn local_idx_throw_val(&self) -> usize {
        Self::sizeof_nlr_buf() + 2
    }
    fn local_idx_ret_val(&self) -> usize {
        Self::sizeof_nlr_buf()
    }
    fn local_idx_fun_obj(&self) -> usize {
        self.code_state_start + OFFSETOF_CODE_STATE_FUN_BC
    }
    fn local_idx_old_globals(&self) -> usize {
        self.code_state_start + OFFSETOF_CODE_STATE_IP
    }
    fn local_idx_gen_pc(&self) -> usize {
        self.code_state_start + OFFSETOF_CODE_STATE_IP
    }
    /// `LOCAL_IDX_LOCAL_VAR`: locals are stored reversed after the stack.
    fn local_idx_local_var(&self, local_num: usize) -> usize {
        (self.stack_start + self.n_state).wrapping_sub(1 + local_num)
    }

    fn reg_local_table(i: usize) -> A::Reg {
        A::REG_LOCAL_TABLE[i]
    }

    /// `REG_LOCAL_LAST`.
    fn reg_local_last() -> A::Reg {
        A::REG_LOCAL_TABLE[A::MAX_REGS_FOR_LOCAL_VARS - 1]
    }

    fn use_qstr(&self, qst: &str) -> u32 {
        self.common.borrow_mut().use_qstr(qst)
    }

    fn use_const_obj(&self, obj: ConstObj) -> u32 {
        self.common.borrow_mut().use_const_obj(obj)
    }

    // ---- `emit_native_mov_*`: the state words, which generators keep in the heap ----

    /// `emit_native_mov_reg_const`: a `mp_fun_table` slot (`MP_F_CONST_*_OBJ`).
    fn mov_reg_const(&mut self, reg_dest: A::Reg, const_val: i32) {
        self.as_.load_reg_reg_offset(reg_dest, A::REG_FUN_TABLE, const_val);
    }

    /// `emit_native_mov_state_reg`.
    fn mov_state_reg(&mut self, local_num: usize, reg_src: A::Reg) {
        if self.is_generator() {
            self.as_.store_reg_reg_offset(reg_src, A::REG_GENERATOR_STATE, local_num as i32);
        } else {
            self.as_.mov_local_reg(local_num, reg_src);
        }
    }

    /// `emit_native_mov_reg_state`.
    fn mov_reg_state(&mut self, reg_dest: A::Reg, local_num: usize) {
        if self.is_generator() {
            self.as_.load_reg_reg_offset(reg_dest, A::REG_GENERATOR_STATE, local_num as i32);
        } else {
            self.as_.mov_reg_local(reg_dest, local_num);
        }
    }

    /// `emit_native_mov_reg_state_addr`.
    fn mov_reg_state_addr(&mut self, reg_dest: A::Reg, local_num: usize) {
        if self.is_generator() {
            self.as_.mov_reg_imm(reg_dest, (local_num * A::WORD_SIZE) as i64);
            self.as_.add_reg_reg(reg_dest, A::REG_GENERATOR_STATE);
        } else {
            self.as_.mov_reg_local_addr(reg_dest, local_num);
        }
    }

    /// `emit_native_mov_reg_qstr`: a 16-bit load from the module's qstr table.
    fn mov_reg_qstr(&mut self, arg_reg: A::Reg, qst: &str) {
        let idx = self.use_qstr(qst);
        self.as_.load16_reg_reg_offset(arg_reg, A::REG_QSTR_TABLE, idx as i32);
    }

    /// `emit_native_mov_reg_qstr_obj`: a string constant becomes a str object in the object table.
    fn mov_reg_qstr_obj(&mut self, reg_dest: A::Reg, qst: &str) {
        self.load_reg_with_object(reg_dest, ConstObj::Str(qst.to_string()));
    }

    /// `emit_native_mov_state_imm_via`.
    fn mov_state_imm_via(&mut self, local_num: usize, imm: i64, reg_temp: A::Reg) {
        self.as_.mov_reg_imm(reg_temp, imm);
        self.mov_state_reg(local_num, reg_temp);
    }

    /// `emit_load_reg_with_object`: `fun->context->constants.obj_table[i]`.
    fn load_reg_with_object(&mut self, reg: A::Reg, obj: ConstObj) {
        self.scope.scope_flags |= SCOPE_FLAG_HASCONSTS;
        let table_off = self.use_const_obj(obj);
        self.mov_reg_state(A::REG_TEMP0, self.local_idx_fun_obj());
        self.as_.load_reg_reg_offset(A::REG_TEMP0, A::REG_TEMP0, OFFSETOF_OBJ_FUN_BC_CONTEXT);
        self.as_.load_reg_reg_offset(A::REG_TEMP0, A::REG_TEMP0, OFFSETOF_MODULE_CONTEXT_OBJ_TABLE);
        self.as_.load_reg_reg_offset(reg, A::REG_TEMP0, table_off as i32);
    }

    /// `emit_load_reg_with_child`: `fun->child_table[i]`, allocating the next child slot.
    fn load_reg_with_child(&mut self, reg: A::Reg, child: ScopeId) {
        let table_off = self.children.len();
        self.children.push(child);
        self.mov_reg_state(A::REG_TEMP0, self.local_idx_fun_obj());
        self.as_.load_reg_reg_offset(A::REG_TEMP0, A::REG_TEMP0, OFFSETOF_OBJ_FUN_BC_CHILD_TABLE);
        self.as_.load_reg_reg_offset(reg, A::REG_TEMP0, table_off as i32);
    }

    fn label(l: usize) -> asm::Label {
        asm::Label(l)
    }

    /// `#if reg_a != reg_b` (see [`NativeArch::CPP_REGS_ALL_EQUAL`]).
    fn cpp_regs_differ(a: A::Reg, b: A::Reg) -> bool {
        !A::CPP_REGS_ALL_EQUAL && a != b
    }
}

impl<A: NativeArch> NativeEmit for NativeEmitter<A> {
    fn as_emit(&mut self) -> &mut dyn Emit {
        self
    }

    fn take_output(&mut self) -> Option<NativeOutput> {
        self.output.take()
    }

    fn take_trace(&mut self) -> String {
        std::mem::take(&mut self.trace)
    }
}
