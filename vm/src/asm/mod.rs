//! Native-code assemblers: MicroPython's `py/asmbase` plus its `GENERIC_ASM_API`, as the trait [`Asm`].
//!
//! MicroPython writes its native emitter (`py/emitnative.c`) once, over a small vocabulary of macros
//! (`REG_RET`, `REG_ARG_1`, `ASM_MOV_REG_IMM`, `ASM_JUMP_IF_REG_ZERO`, ...) that every `py/asm<arch>.h`
//! maps onto its own encoders inside a `#if GENERIC_ASM_API` block; `emitn<arch>.c` then `#include`s the
//! emitter once per architecture. Here the vocabulary is the trait [`Asm`]: one associated constant per
//! register macro and one method per `ASM_*` macro, named after the macro so every line can be compared
//! with the C. The native emitter is generic over `A: Asm` and monomorphised per architecture.
//!
//! Byte-identity with `mpy-cross -march=<arch>` depends on the *choices* each C assembler makes (REX
//! prefixes, imm8 versus imm32, short jumps only backwards, the stack frame of the prologue), so each
//! implementation ports those choices exactly, including the odd ones: `test_r8_with_r8` on `rsi` encodes
//! `test %dh,%dh` because MicroPython never emits a REX prefix there.
//!
//! Layout:
//! - [`buffer`]: `mp_asm_base_t` (passes, labels, dead-code suppression, data, listing);
//! - [`x64`], [`x86`], [`thumb`], [`arm`], [`xtensa`], [`rv32`]: one directory per ISA with the same files (`regs`, `imms`, `encode`, `inst`, `mod`);
//! - [`debug`]: `-march=debug`, the pretend ISA of `py/emitndebug.c` that prints each generic op;
//! - [`fun_kind`]: the `mp_fun_table` slots that `ASM_CALL_IND` calls.
//!
//! Errors: where C asserts, these assemblers record an [`AsmError`] in the buffer (first one wins) and drop
//! the instruction; nothing here panics.

pub mod arm;
pub mod buffer;
pub mod debug;
mod enc;
mod error;
pub mod fun_kind;
#[cfg(test)]
mod replay_tests;
pub mod rv32;
#[cfg(test)]
mod testutil;
pub mod thumb;
pub mod x64;
pub mod x86;
pub mod xtensa;

pub use buffer::{CodeBuffer, Label, ListingLine, Pass};
pub use enc::Enc;
pub use error::AsmError;
pub use fun_kind::FunKind;

use std::fmt;

/// The viper comparison operators in `MP_BINARY_OP_LESS..=MP_BINARY_OP_NOT_EQUAL` order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Less = 0,
    More,
    Equal,
    LessEqual,
    MoreEqual,
    NotEqual,
}

/// A viper comparison of two machine words: the operator and whether the operands are signed (`int`)
/// or unsigned (`uint`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Comparison {
    /// The operator.
    pub op: CmpOp,
    /// `int` (signed) rather than `uint`.
    pub signed: bool,
}

impl Comparison {
    /// `op_idx` of `emit_native_binary_op`: 0..=5 unsigned, 6..=11 signed, operators in [`CmpOp`] order.
    /// This is the number `-march=debug` prints in `setcc(...)`.
    pub const fn index(self) -> usize {
        self.op as usize + if self.signed { 6 } else { 0 }
    }
}

/// Every `GENERIC_ASM_API` a register type must offer: copyable, comparable and printable.
pub trait AsmReg: Copy + Eq + fmt::Debug + fmt::Display {}

impl<T: Copy + Eq + fmt::Debug + fmt::Display> AsmReg for T {}

/// `GENERIC_ASM_API` (the `#if GENERIC_ASM_API` blocks of `py/asm<arch>.h`) plus the `mp_asm_base_*`
/// functions the emitter calls directly, and the per-arch hooks behind `emitnative.c`'s `#if N_X64`
/// blocks. Constants are the register macros; methods are the `ASM_*` macros.
///
/// Register constants that `py/emitnative.c` derives for mpy-cross (`MICROPY_PERSISTENT_CODE_SAVE`) have
/// default values here: `REG_QSTR_TABLE` is `REG_LOCAL_3`, generators keep their state pointer in
/// `REG_LOCAL_2`, and only two registers (`REG_LOCAL_1`, `REG_LOCAL_2`) ever hold local variables.
pub trait Asm: Sized {
    /// The `-march=` name.
    const ARCH: &'static str;
    /// `ASM_WORD_SIZE`, in bytes.
    const WORD_SIZE: usize;

    /// This architecture's registers.
    type Reg: AsmReg;

    /// `REG_RET`: return value of runtime calls.
    const REG_RET: Self::Reg;
    /// `REG_ARG_1`: first argument of runtime calls.
    const REG_ARG_1: Self::Reg;
    /// `REG_ARG_2`.
    const REG_ARG_2: Self::Reg;
    /// `REG_ARG_3`.
    const REG_ARG_3: Self::Reg;
    /// `REG_ARG_4`.
    const REG_ARG_4: Self::Reg;
    /// `REG_TEMP0` (caller-saved).
    const REG_TEMP0: Self::Reg;
    /// `REG_TEMP1` (caller-saved).
    const REG_TEMP1: Self::Reg;
    /// `REG_TEMP2` (caller-saved).
    const REG_TEMP2: Self::Reg;
    /// `REG_LOCAL_1` (callee-saved).
    const REG_LOCAL_1: Self::Reg;
    /// `REG_LOCAL_2` (callee-saved).
    const REG_LOCAL_2: Self::Reg;
    /// `REG_LOCAL_3` (callee-saved).
    const REG_LOCAL_3: Self::Reg;
    /// `REG_LOCAL_NUM`.
    const REG_LOCAL_NUM: usize = 3;
    /// `REG_FUN_TABLE`: holds `&mp_fun_table` for the whole function.
    const REG_FUN_TABLE: Self::Reg;

    /// `REG_PARENT_RET`: where this function returns its own result (differs only on xtensawin).
    const REG_PARENT_RET: Self::Reg = Self::REG_RET;
    /// `REG_PARENT_ARG_1`: this function's own first argument.
    const REG_PARENT_ARG_1: Self::Reg = Self::REG_ARG_1;
    /// `REG_PARENT_ARG_2`.
    const REG_PARENT_ARG_2: Self::Reg = Self::REG_ARG_2;
    /// `REG_PARENT_ARG_3`.
    const REG_PARENT_ARG_3: Self::Reg = Self::REG_ARG_3;
    /// `REG_PARENT_ARG_4`.
    const REG_PARENT_ARG_4: Self::Reg = Self::REG_ARG_4;

    /// `REG_QSTR_TABLE` (mpy-cross build): points at `context->constants.qstr_table`.
    const REG_QSTR_TABLE: Self::Reg = Self::REG_LOCAL_3;
    /// `REG_GENERATOR_STATE` (mpy-cross build): points at a generator's code state.
    const REG_GENERATOR_STATE: Self::Reg = Self::REG_LOCAL_2;
    /// `MAX_REGS_FOR_LOCAL_VARS` (mpy-cross build).
    const MAX_REGS_FOR_LOCAL_VARS: usize = 2;
    /// `reg_local_table` (mpy-cross build): registers that may hold locals 0 and 1.
    const REG_LOCAL_TABLE: [Self::Reg; 2] = [Self::REG_LOCAL_1, Self::REG_LOCAL_2];
    /// `NLR_BUF_IDX_LOCAL_1`: word index of `REG_LOCAL_1` inside `nlr_buf_t` (from `emitn<arch>.c`).
    const NLR_BUF_IDX_LOCAL_1: usize;

    /// The register a shift count must be in, for ISAs that shift only by a fixed register
    /// (`#if N_X64 || N_X86` in `emit_native_binary_op`): then the emitter uses [`Asm::lsl_reg`] and
    /// friends; `None` means it uses [`Asm::lsl_reg_reg`] and friends.
    const REG_SHIFT_COUNT: Option<Self::Reg> = None;
    /// Whether the header defines `ASM_NOT_REG` (else the emitter xors with -1).
    const HAS_NOT_REG: bool = false;
    /// Whether the header defines `ASM_LOAD8_REG_REG_OFFSET`.
    const HAS_LOAD8_REG_REG_OFFSET: bool = false;
    /// Whether the header defines `ASM_LOAD16_REG_REG_OFFSET`.
    const HAS_LOAD16_REG_REG_OFFSET: bool = false;
    /// Whether the header defines `ASM_LOAD32_REG_REG_OFFSET`.
    const HAS_LOAD32_REG_REG_OFFSET: bool = false;
    /// Whether the header defines `ASM_STORE8_REG_REG_OFFSET`.
    const HAS_STORE8_REG_REG_OFFSET: bool = false;
    /// Whether the header defines `ASM_STORE16_REG_REG_OFFSET`.
    const HAS_STORE16_REG_REG_OFFSET: bool = false;
    /// Whether the header defines `ASM_STORE32_REG_REG_OFFSET`.
    const HAS_STORE32_REG_REG_OFFSET: bool = false;
    /// `REG_ZERO`: a register that always reads 0 (RV32's `zero`). Where the emitter clears a register
    /// only to store it in a frame word, it stores this register instead.
    const REG_ZERO: Option<Self::Reg> = None;
    /// Whether a function's own arguments arrive on the stack (x86, `#if N_X86`): the emitter then
    /// fetches them with [`Asm::mov_arg_to_reg`] instead of copying `REG_PARENT_ARG_n`.
    const ARGS_ON_STACK: bool = false;

    /// `mp_asm_base_init` plus `m_new0(ASM_T, 1)`.
    fn new(max_num_labels: usize) -> Self;
    /// The shared `mp_asm_base_t`.
    fn base(&self) -> &CodeBuffer;
    /// The shared `mp_asm_base_t`, mutably.
    fn base_mut(&mut self) -> &mut CodeBuffer;

    /// `mp_asm_base_start_pass`.
    fn start_pass(&mut self, pass: Pass) {
        self.base_mut().start_pass(pass);
    }
    /// `ASM_END_PASS`.
    fn end_pass(&mut self) {}
    /// `mp_asm_base_label_assign`.
    fn label_assign(&mut self, label: Label) {
        self.base_mut().label_assign(label);
    }
    /// `mp_asm_base_suppress_code`.
    fn suppress_code(&mut self) {
        self.base_mut().suppress_code();
    }
    /// `mp_asm_base_get_code_pos`.
    fn code_pos(&self) -> usize {
        self.base().code_pos()
    }
    /// `mp_asm_base_data`.
    fn data(&mut self, bytesize: usize, val: u64) {
        self.base_mut().data(bytesize, val);
    }
    /// `mp_asm_base_align`.
    fn align(&mut self, align: usize) {
        self.base_mut().align(align);
    }
    /// Raw bytes through `mp_asm_base_get_cur_to_write_bytes` (e.g. `mp_encode_uint` in the prelude).
    fn write_bytes(&mut self, bytes: &[u8]) {
        self.base_mut().write_bytes(bytes);
    }
    /// Records an error (first one wins).
    fn fail(&mut self, error: AsmError) {
        self.base_mut().fail(error);
    }

    /// `ASM_ENTRY(as, num_locals, name)`: prologue reserving `num_locals` words of C stack.
    fn entry(&mut self, num_locals: usize, name: &str);
    /// `ASM_EXIT`: epilogue and return.
    fn exit(&mut self);

    /// `ASM_JUMP`.
    fn jump(&mut self, label: Label);
    /// `ASM_JUMP_IF_REG_ZERO`: `bool_test` tests only the low byte (a C `bool` from a runtime call).
    fn jump_if_reg_zero(&mut self, reg: Self::Reg, label: Label, bool_test: bool);
    /// `ASM_JUMP_IF_REG_NONZERO`.
    fn jump_if_reg_nonzero(&mut self, reg: Self::Reg, label: Label, bool_test: bool);
    /// `ASM_JUMP_IF_REG_EQ`.
    fn jump_if_reg_eq(&mut self, reg1: Self::Reg, reg2: Self::Reg, label: Label);
    /// `ASM_JUMP_REG`: jump to the address in `reg`.
    fn jump_reg(&mut self, reg: Self::Reg);
    /// `ASM_CALL_IND`: call `mp_fun_table[fun]`.
    fn call_ind(&mut self, fun: FunKind);

    /// The `mp_setup_code_state_native` call of the native prologue, made while all four argument
    /// registers hold its arguments: `#if N_THUMB` / `#elif N_ARM` call through `r4`
    /// (`asm_*_bl_ind(..., REG_R4)`), everyone else uses `ASM_CALL_IND`.
    fn call_ind_args_in_use(&mut self, fun: FunKind) {
        self.call_ind(fun);
    }

    /// `ASM_MOV_LOCAL_REG`: C-stack word `local_num` = `reg_src`.
    fn mov_local_reg(&mut self, local_num: usize, reg_src: Self::Reg);
    /// `ASM_MOV_REG_IMM`.
    fn mov_reg_imm(&mut self, reg_dest: Self::Reg, imm: i64);
    /// `ASM_MOV_REG_LOCAL`.
    fn mov_reg_local(&mut self, reg_dest: Self::Reg, local_num: usize);
    /// `ASM_MOV_REG_REG`.
    fn mov_reg_reg(&mut self, reg_dest: Self::Reg, reg_src: Self::Reg);
    /// `ASM_MOV_REG_LOCAL_ADDR`: `reg_dest` = address of C-stack word `local_num`.
    fn mov_reg_local_addr(&mut self, reg_dest: Self::Reg, local_num: usize);
    /// `ASM_MOV_REG_PCREL`: `reg_dest` = address of `label`.
    fn mov_reg_pcrel(&mut self, reg_dest: Self::Reg, label: Label);

    /// `ASM_NOT_REG` (only if [`Asm::HAS_NOT_REG`]).
    fn not_reg(&mut self, reg: Self::Reg) {
        let _ = reg;
        self.fail(AsmError::Unsupported {
            op: "ASM_NOT_REG",
            arch: Self::ARCH,
        });
    }
    /// `ASM_NEG_REG`.
    fn neg_reg(&mut self, reg: Self::Reg);
    /// `ASM_CLR_REG`: `reg` = 0.
    fn clr_reg(&mut self, reg: Self::Reg);
    /// `ASM_LSL_REG`: shift left by [`Asm::REG_SHIFT_COUNT`] (x86 family only).
    fn lsl_reg(&mut self, reg: Self::Reg) {
        let _ = reg;
        self.fail(AsmError::Unsupported {
            op: "ASM_LSL_REG",
            arch: Self::ARCH,
        });
    }
    /// `ASM_LSR_REG`: logical shift right by [`Asm::REG_SHIFT_COUNT`].
    fn lsr_reg(&mut self, reg: Self::Reg) {
        let _ = reg;
        self.fail(AsmError::Unsupported {
            op: "ASM_LSR_REG",
            arch: Self::ARCH,
        });
    }
    /// `ASM_ASR_REG`: arithmetic shift right by [`Asm::REG_SHIFT_COUNT`].
    fn asr_reg(&mut self, reg: Self::Reg) {
        let _ = reg;
        self.fail(AsmError::Unsupported {
            op: "ASM_ASR_REG",
            arch: Self::ARCH,
        });
    }
    /// `ASM_LSL_REG_REG`: `reg_dest <<= reg_shift` (ISAs without [`Asm::REG_SHIFT_COUNT`]).
    fn lsl_reg_reg(&mut self, reg_dest: Self::Reg, reg_shift: Self::Reg) {
        let _ = (reg_dest, reg_shift);
        self.fail(AsmError::Unsupported {
            op: "ASM_LSL_REG_REG",
            arch: Self::ARCH,
        });
    }
    /// `ASM_LSR_REG_REG`.
    fn lsr_reg_reg(&mut self, reg_dest: Self::Reg, reg_shift: Self::Reg) {
        let _ = (reg_dest, reg_shift);
        self.fail(AsmError::Unsupported {
            op: "ASM_LSR_REG_REG",
            arch: Self::ARCH,
        });
    }
    /// `ASM_ASR_REG_REG`.
    fn asr_reg_reg(&mut self, reg_dest: Self::Reg, reg_shift: Self::Reg) {
        let _ = (reg_dest, reg_shift);
        self.fail(AsmError::Unsupported {
            op: "ASM_ASR_REG_REG",
            arch: Self::ARCH,
        });
    }
    /// `ASM_OR_REG_REG`: `reg_dest |= reg_src`.
    fn or_reg_reg(&mut self, reg_dest: Self::Reg, reg_src: Self::Reg);
    /// `ASM_XOR_REG_REG`.
    fn xor_reg_reg(&mut self, reg_dest: Self::Reg, reg_src: Self::Reg);
    /// `ASM_AND_REG_REG`.
    fn and_reg_reg(&mut self, reg_dest: Self::Reg, reg_src: Self::Reg);
    /// `ASM_ADD_REG_REG`.
    fn add_reg_reg(&mut self, reg_dest: Self::Reg, reg_src: Self::Reg);
    /// `ASM_SUB_REG_REG`.
    fn sub_reg_reg(&mut self, reg_dest: Self::Reg, reg_src: Self::Reg);
    /// `ASM_MUL_REG_REG`.
    fn mul_reg_reg(&mut self, reg_dest: Self::Reg, reg_src: Self::Reg);

    /// `ASM_LOAD_REG_REG_OFFSET`: `reg_dest` = word at `reg_base + word_offset * WORD_SIZE`.
    fn load_reg_reg_offset(&mut self, reg_dest: Self::Reg, reg_base: Self::Reg, word_offset: i32);
    /// `ASM_LOAD8_REG_REG`: zero-extending byte load from `[reg_base]`.
    fn load8_reg_reg(&mut self, reg_dest: Self::Reg, reg_base: Self::Reg);
    /// `ASM_LOAD8_REG_REG_OFFSET` (if [`Asm::HAS_LOAD8_REG_REG_OFFSET`]): from `reg_base + byte_offset`.
    fn load8_reg_reg_offset(&mut self, reg_dest: Self::Reg, reg_base: Self::Reg, byte_offset: i32) {
        let _ = (reg_dest, reg_base, byte_offset);
        self.fail(AsmError::Unsupported {
            op: "ASM_LOAD8_REG_REG_OFFSET",
            arch: Self::ARCH,
        });
    }
    /// `ASM_LOAD16_REG_REG`: zero-extending 16-bit load from `[reg_base]`.
    fn load16_reg_reg(&mut self, reg_dest: Self::Reg, reg_base: Self::Reg);
    /// `ASM_LOAD16_REG_REG_OFFSET` (if [`Asm::HAS_LOAD16_REG_REG_OFFSET`]): from `reg_base + 2 * offset`.
    fn load16_reg_reg_offset(
        &mut self,
        reg_dest: Self::Reg,
        reg_base: Self::Reg,
        uint16_offset: i32,
    ) {
        let _ = (reg_dest, reg_base, uint16_offset);
        self.fail(AsmError::Unsupported {
            op: "ASM_LOAD16_REG_REG_OFFSET",
            arch: Self::ARCH,
        });
    }
    /// `ASM_LOAD32_REG_REG`: zero-extending 32-bit load from `[reg_base]`.
    fn load32_reg_reg(&mut self, reg_dest: Self::Reg, reg_base: Self::Reg);
    /// `ASM_LOAD32_REG_REG_OFFSET` (if [`Asm::HAS_LOAD32_REG_REG_OFFSET`]): from `reg_base + 4 * offset`.
    fn load32_reg_reg_offset(
        &mut self,
        reg_dest: Self::Reg,
        reg_base: Self::Reg,
        uint32_offset: i32,
    ) {
        let _ = (reg_dest, reg_base, uint32_offset);
        self.fail(AsmError::Unsupported {
            op: "ASM_LOAD32_REG_REG_OFFSET",
            arch: Self::ARCH,
        });
    }

    /// `ASM_STORE_REG_REG_OFFSET`: word at `reg_base + word_offset * WORD_SIZE` = `reg_src`.
    fn store_reg_reg_offset(&mut self, reg_src: Self::Reg, reg_base: Self::Reg, word_offset: i32);
    /// `ASM_STORE8_REG_REG`: byte at `[reg_base]` = low byte of `reg_src`.
    fn store8_reg_reg(&mut self, reg_src: Self::Reg, reg_base: Self::Reg);
    /// `ASM_STORE8_REG_REG_OFFSET` (if [`Asm::HAS_STORE8_REG_REG_OFFSET`]).
    fn store8_reg_reg_offset(&mut self, reg_src: Self::Reg, reg_base: Self::Reg, byte_offset: i32) {
        let _ = (reg_src, reg_base, byte_offset);
        self.fail(AsmError::Unsupported {
            op: "ASM_STORE8_REG_REG_OFFSET",
            arch: Self::ARCH,
        });
    }
    /// `ASM_STORE16_REG_REG`.
    fn store16_reg_reg(&mut self, reg_src: Self::Reg, reg_base: Self::Reg);
    /// `ASM_STORE16_REG_REG_OFFSET` (if [`Asm::HAS_STORE16_REG_REG_OFFSET`]): at `reg_base + 2 * offset`.
    fn store16_reg_reg_offset(
        &mut self,
        reg_src: Self::Reg,
        reg_base: Self::Reg,
        uint16_offset: i32,
    ) {
        let _ = (reg_src, reg_base, uint16_offset);
        self.fail(AsmError::Unsupported {
            op: "ASM_STORE16_REG_REG_OFFSET",
            arch: Self::ARCH,
        });
    }
    /// `ASM_STORE32_REG_REG`.
    fn store32_reg_reg(&mut self, reg_src: Self::Reg, reg_base: Self::Reg);
    /// `ASM_STORE32_REG_REG_OFFSET` (if [`Asm::HAS_STORE32_REG_REG_OFFSET`]): at `reg_base + 4 * offset`.
    fn store32_reg_reg_offset(
        &mut self,
        reg_src: Self::Reg,
        reg_base: Self::Reg,
        uint32_offset: i32,
    ) {
        let _ = (reg_src, reg_base, uint32_offset);
        self.fail(AsmError::Unsupported {
            op: "ASM_STORE32_REG_REG_OFFSET",
            arch: Self::ARCH,
        });
    }

    /// Which of `ASM_LOAD8_REG_REG_REG`, `ASM_LOAD16_REG_REG_REG`, `ASM_LOAD32_REG_REG_REG` the header
    /// defines (indexed by log2 of the access size): viper `p[i]` then loads in one op instead of adding
    /// the index to the base 1, 2 or 4 times.
    const HAS_LOAD_REG_REG_REG: [bool; 3] = [false; 3];
    /// Which of `ASM_STORE{8,16,32}_REG_REG_REG` the header defines (as [`Asm::HAS_LOAD_REG_REG_REG`]).
    const HAS_STORE_REG_REG_REG: [bool; 3] = [false; 3];

    /// `ASM_LOAD{8,16,32}_REG_REG_REG` (where [`Asm::HAS_LOAD_REG_REG_REG`]): `reg_dest` = the
    /// zero-extended `1 << size_log2`-byte value at `reg_base + (reg_index << size_log2)`.
    fn load_reg_reg_reg(&mut self, size_log2: u32, reg_dest: Self::Reg, reg_base: Self::Reg, reg_index: Self::Reg) {
        let _ = (size_log2, reg_dest, reg_base, reg_index);
        self.fail(AsmError::Unsupported {
            op: "ASM_LOADn_REG_REG_REG",
            arch: Self::ARCH,
        });
    }
    /// `ASM_STORE{8,16,32}_REG_REG_REG` (where [`Asm::HAS_STORE_REG_REG_REG`]): the low
    /// `1 << size_log2` bytes of `reg_src` to `reg_base + (reg_index << size_log2)`.
    fn store_reg_reg_reg(&mut self, size_log2: u32, reg_src: Self::Reg, reg_base: Self::Reg, reg_index: Self::Reg) {
        let _ = (size_log2, reg_src, reg_base, reg_index);
        self.fail(AsmError::Unsupported {
            op: "ASM_STOREn_REG_REG_REG",
            arch: Self::ARCH,
        });
    }

    /// The per-arch comparison block of `emit_native_binary_op` (the `#if N_X64 ... #elif N_DEBUG`
    /// chain): `reg_dest` = 1 if `reg_lhs <op> reg_rhs` else 0. `-march=debug` prints it as
    /// `setcc(op_idx, dest, lhs, rhs)`.
    fn setcc_reg_reg_reg(
        &mut self,
        cmp: Comparison,
        reg_dest: Self::Reg,
        reg_lhs: Self::Reg,
        reg_rhs: Self::Reg,
    );

    /// `asm_x86_mov_arg_to_r32` (only if [`Asm::ARGS_ON_STACK`]): `reg_dest` = this function's argument
    /// `arg_num`, read from the caller's stack.
    fn mov_arg_to_reg(&mut self, arg_num: usize, reg_dest: Self::Reg) {
        let _ = (arg_num, reg_dest);
        self.fail(AsmError::Unsupported {
            op: "asm_x86_mov_arg_to_r32",
            arch: Self::ARCH,
        });
    }
}
