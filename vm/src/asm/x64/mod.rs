//! x86-64 assembler: `py/asmx64.c` and the `GENERIC_ASM_API` block of `py/asmx64.h` (1.29).
//!
//! Calling convention (System V): arguments in `rdi rsi rdx rcx r8 r9`, result in `rax`; `rbx rbp
//! r12..r15` are callee-saved, so the native emitter keeps `&mp_fun_table` in `rbp` and locals / the
//! qstr table in `rbx r12 r13`.
//!
//! Stack frame built by [`AsmX64::entry`]: push `rbp rbx r12 r13`, then `sub rsp, 8*n` where `n` is the
//! requested number of locals made odd, so that with the return address and four pushes (40 bytes) the
//! stack stays 16-byte aligned at calls. Local `i` lives at `[rsp + 8*i]`.

pub mod encode;
pub mod imms;
pub mod inst;
pub mod regs;

#[cfg(test)]
mod asm_tests;
#[cfg(test)]
mod emit_tests;
#[cfg(test)]
#[rustfmt::skip]
mod encode_table;

use crate::asm::{Asm, AsmError, CodeBuffer, Comparison, FunKind, Label};
use imms::signed_fit8;
use inst::Inst;
use regs::{Cc, Low, R64};

/// `asm_x64_t`: the code buffer plus the frame size chosen by `entry`.
#[derive(Debug)]
pub struct AsmX64 {
    base: CodeBuffer,
    num_locals: i32,
}

const WORD_SIZE: i32 = 8;

impl AsmX64 {
    /// Encodes one instruction into the buffer, with its text for the listing.
    pub fn emit(&mut self, inst: Inst) {
        let bytes = inst.bytes();
        self.base.emit(bytes.as_slice(), || inst.to_string());
    }

    /// The register as a [`Low`] if it is one, else records why `op` cannot encode it.
    fn low(&mut self, op: &'static str, r: R64) -> Option<Low> {
        let low = Low::new(r);
        if low.is_none() {
            self.base.fail(AsmError::RegisterNotEncodable {
                op,
                reg: r.name64(),
            });
        }
        low
    }

    /// `n * scale` as the C `int` would hold it, or an error.
    fn scaled(&mut self, op: &'static str, n: i64, scale: i64) -> Option<i32> {
        let v = n.checked_mul(scale).and_then(|v| i32::try_from(v).ok());
        if v.is_none() {
            self.base.fail(AsmError::ValueOutOfRange { op, value: n });
        }
        v
    }

    /// `asm_x64_push_r64`.
    pub fn push_r64(&mut self, src: R64) {
        self.emit(Inst::PushR64(src));
    }

    /// `asm_x64_pop_r64`.
    pub fn pop_r64(&mut self, dest: R64) {
        self.emit(Inst::PopR64(dest));
    }

    /// `asm_x64_mov_r64_r64`.
    pub fn mov_r64_r64(&mut self, dest: R64, src: R64) {
        self.emit(Inst::MovR64R64 { dest, src });
    }

    /// `asm_x64_mov_i32_to_r64`: returns the offset of the 32-bit immediate (for patching).
    pub fn mov_i32_to_r64(&mut self, imm: u32, dest: R64) -> usize {
        let before = self.base.code_pos();
        self.emit(Inst::MovI32ToR64 { imm, dest });
        let len = self.base.code_pos() - before;
        before + len.saturating_sub(4)
    }

    /// `asm_x64_mov_i64_to_r64`: always the 10-byte `movabs`.
    pub fn mov_i64_to_r64(&mut self, imm: i64, dest: R64) {
        self.emit(Inst::MovI64ToR64 { imm, dest });
    }

    /// `asm_x64_mov_i64_to_r64_optimised`: a 32-bit move when the value is an *unsigned* 32-bit number
    /// (it zero-extends), else `movabs` (so -1 takes 10 bytes).
    pub fn mov_i64_to_r64_optimised(&mut self, imm: i64, dest: R64) {
        if (imm as u64) >> 32 == 0 {
            self.mov_i32_to_r64(imm as u32, dest);
        } else {
            self.mov_i64_to_r64(imm, dest);
        }
    }

    /// `asm_x64_sub_r64_i32` (C asserts `dest < 8`).
    fn sub_r64_i32(&mut self, dest: R64, imm: i32) {
        if let Some(dest) = self.low("asm_x64_sub_r64_i32", dest) {
            self.emit(Inst::SubR64I32 { dest, imm });
        }
    }

    /// `asm_x64_cmp_r64_with_r64`: flags of `b - a`.
    pub fn cmp_r64_with_r64(&mut self, a: R64, b: R64) {
        self.emit(Inst::CmpR64WithR64 { a, b });
    }

    /// `asm_x64_test_r8_with_r8` (C asserts both `< 8`).
    pub fn test_r8_with_r8(&mut self, a: R64, b: R64) {
        let (Some(a), Some(b)) = (
            self.low("asm_x64_test_r8_with_r8", a),
            self.low("asm_x64_test_r8_with_r8", b),
        ) else {
            return;
        };
        self.emit(Inst::TestR8WithR8 { a, b });
    }

    /// `asm_x64_test_r64_with_r64`.
    pub fn test_r64_with_r64(&mut self, a: R64, b: R64) {
        self.emit(Inst::TestR64WithR64 { a, b });
    }

    /// `asm_x64_setcc_r8` (C asserts `dest < 8`).
    pub fn setcc_r8(&mut self, cc: Cc, dest: R64) {
        if let Some(dest) = self.low("asm_x64_setcc_r8", dest) {
            self.emit(Inst::SetccR8 { cc, dest });
        }
    }

    /// `asm_x64_jmp_reg` (C asserts `src < 8`).
    pub fn jmp_reg(&mut self, src: R64) {
        if let Some(src) = self.low("asm_x64_jmp_reg", src) {
            self.emit(Inst::JmpReg(src));
        }
    }

    /// `rel = dest - here` for a label, and whether the label is known and behind us.
    fn label_rel(&mut self, label: Label) -> (i64, bool) {
        let here = self.base.code_pos() as i64;
        match self.base.label_offset(label) {
            Some(dest) => (dest as i64 - here, (dest as i64) < here),
            None => (0, false),
        }
    }

    /// `asm_x64_jmp_label`: a 2-byte `jmp rel8` if the label is behind us and close enough, else a
    /// 5-byte `jmp rel32` (always for forward labels, whose distance the compute pass does not know).
    pub fn jmp_label(&mut self, label: Label) {
        let (rel, backward) = self.label_rel(label);
        if backward && signed_fit8(rel - 2) {
            self.emit(Inst::JmpRel8((rel - 2) as i8));
        } else {
            self.emit(Inst::JmpRel32((rel - 5) as i32));
        }
    }

    /// `asm_x64_jcc_label`: like [`AsmX64::jmp_label`], 2 or 6 bytes.
    pub fn jcc_label(&mut self, cc: Cc, label: Label) {
        let (rel, backward) = self.label_rel(label);
        if backward && signed_fit8(rel - 2) {
            self.emit(Inst::JccRel8 {
                cc,
                rel: (rel - 2) as i8,
            });
        } else {
            self.emit(Inst::JccRel32 {
                cc,
                rel: (rel - 6) as i32,
            });
        }
    }

    /// `asm_x64_mov_r64_to_mem64` and friends take the C argument order (source, base, displacement).
    pub fn mov_r64_to_mem64(&mut self, src: R64, base: R64, disp: i32) {
        self.emit(Inst::MovR64ToMem64 { src, base, disp });
    }

    /// `asm_x64_mov_mem64_to_r64`: (base, displacement, destination) as in C.
    pub fn mov_mem64_to_r64(&mut self, base: R64, disp: i32, dest: R64) {
        self.emit(Inst::MovMem64ToR64 { base, disp, dest });
    }

    /// `asm_x64_mov_local_to_r64`.
    pub fn mov_local_to_r64(&mut self, local_num: usize, dest: R64) {
        if let Some(off) = self.scaled(
            "asm_x64_mov_local_to_r64",
            local_num as i64,
            WORD_SIZE as i64,
        ) {
            self.mov_mem64_to_r64(R64::Rsp, off, dest);
        }
    }

    /// `asm_x64_mov_r64_to_local`.
    pub fn mov_r64_to_local(&mut self, src: R64, local_num: usize) {
        if let Some(off) = self.scaled(
            "asm_x64_mov_r64_to_local",
            local_num as i64,
            WORD_SIZE as i64,
        ) {
            self.mov_r64_to_mem64(src, R64::Rsp, off);
        }
    }

    /// `asm_x64_mov_local_addr_to_r64`: `mov dest, rsp` for local 0, else `lea`.
    pub fn mov_local_addr_to_r64(&mut self, local_num: usize, dest: R64) {
        let Some(off) = self.scaled(
            "asm_x64_mov_local_addr_to_r64",
            local_num as i64,
            WORD_SIZE as i64,
        ) else {
            return;
        };
        if off == 0 {
            self.mov_r64_r64(dest, R64::Rsp);
        } else {
            self.emit(Inst::LeaDispToR64 {
                base: R64::Rsp,
                disp: off,
                dest,
            });
        }
    }

    /// `asm_x64_call_ind`: load the slot into `temp` (C asserts `temp < 8`) and call it.
    pub fn call_ind_via(&mut self, fun_id: usize, temp: R64) {
        let Some(low) = self.low("asm_x64_call_ind", temp) else {
            return;
        };
        let Some(off) = self.scaled("asm_x64_call_ind", fun_id as i64, WORD_SIZE as i64) else {
            return;
        };
        self.mov_mem64_to_r64(R64::Rbp, off, temp);
        self.emit(Inst::CallReg(low));
    }
}

impl Asm for AsmX64 {
    const ARCH: &'static str = "x64";
    const WORD_SIZE: usize = 8;
    type Reg = R64;

    const REG_RET: R64 = R64::Rax;
    const REG_ARG_1: R64 = R64::Rdi;
    const REG_ARG_2: R64 = R64::Rsi;
    const REG_ARG_3: R64 = R64::Rdx;
    const REG_ARG_4: R64 = R64::Rcx;
    const REG_TEMP0: R64 = R64::Rax;
    const REG_TEMP1: R64 = R64::Rdi;
    const REG_TEMP2: R64 = R64::Rsi;
    const REG_LOCAL_1: R64 = R64::Rbx;
    const REG_LOCAL_2: R64 = R64::R12;
    const REG_LOCAL_3: R64 = R64::R13;
    const REG_FUN_TABLE: R64 = R64::Rbp;
    const NLR_BUF_IDX_LOCAL_1: usize = 5;

    const REG_SHIFT_COUNT: Option<R64> = Some(R64::Rcx);
    const HAS_NOT_REG: bool = true;
    const HAS_LOAD8_REG_REG_OFFSET: bool = true;
    const HAS_LOAD16_REG_REG_OFFSET: bool = true;
    const HAS_LOAD32_REG_REG_OFFSET: bool = true;
    const HAS_STORE8_REG_REG_OFFSET: bool = true;
    const HAS_STORE16_REG_REG_OFFSET: bool = true;
    const HAS_STORE32_REG_REG_OFFSET: bool = true;

    fn new(max_num_labels: usize) -> Self {
        AsmX64 {
            base: CodeBuffer::new(max_num_labels),
            num_locals: 0,
        }
    }
    fn base(&self) -> &CodeBuffer {
        &self.base
    }
    fn base_mut(&mut self) -> &mut CodeBuffer {
        &mut self.base
    }

    /// `asm_x64_entry`.
    fn entry(&mut self, num_locals: usize, _name: &str) {
        self.push_r64(R64::Rbp);
        self.push_r64(R64::Rbx);
        self.push_r64(R64::R12);
        self.push_r64(R64::R13);
        let n = num_locals as i64 | 1;
        if let Some(bytes) = self.scaled("asm_x64_entry", n, WORD_SIZE as i64) {
            self.sub_r64_i32(R64::Rsp, bytes);
            self.num_locals = n as i32;
        }
    }

    /// `asm_x64_exit`: the frame is released with `sub rsp, -8n`, not `add`.
    fn exit(&mut self) {
        self.sub_r64_i32(R64::Rsp, -self.num_locals * WORD_SIZE);
        self.pop_r64(R64::R13);
        self.pop_r64(R64::R12);
        self.pop_r64(R64::Rbx);
        self.pop_r64(R64::Rbp);
        self.emit(Inst::Ret);
    }

    fn jump(&mut self, label: Label) {
        self.jmp_label(label);
    }
    fn jump_if_reg_zero(&mut self, reg: R64, label: Label, bool_test: bool) {
        if bool_test {
            self.test_r8_with_r8(reg, reg);
        } else {
            self.test_r64_with_r64(reg, reg);
        }
        self.jcc_label(Cc::E, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: R64, label: Label, bool_test: bool) {
        if bool_test {
            self.test_r8_with_r8(reg, reg);
        } else {
            self.test_r64_with_r64(reg, reg);
        }
        self.jcc_label(Cc::Ne, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: R64, reg2: R64, label: Label) {
        self.cmp_r64_with_r64(reg1, reg2);
        self.jcc_label(Cc::E, label);
    }
    fn jump_reg(&mut self, reg: R64) {
        self.jmp_reg(reg);
    }
    fn call_ind(&mut self, fun: FunKind) {
        self.call_ind_via(fun.index(), R64::Rax);
    }

    fn mov_local_reg(&mut self, local_num: usize, reg_src: R64) {
        self.mov_r64_to_local(reg_src, local_num);
    }
    fn mov_reg_imm(&mut self, reg_dest: R64, imm: i64) {
        self.mov_i64_to_r64_optimised(imm, reg_dest);
    }
    fn mov_reg_local(&mut self, reg_dest: R64, local_num: usize) {
        self.mov_local_to_r64(local_num, reg_dest);
    }
    fn mov_reg_reg(&mut self, reg_dest: R64, reg_src: R64) {
        self.mov_r64_r64(reg_dest, reg_src);
    }
    fn mov_reg_local_addr(&mut self, reg_dest: R64, local_num: usize) {
        self.mov_local_addr_to_r64(local_num, reg_dest);
    }
    /// `asm_x64_mov_reg_pcrel`: always the 7-byte `lea rel32(%rip)`.
    fn mov_reg_pcrel(&mut self, reg_dest: R64, label: Label) {
        let here = self.base.code_pos() as i64;
        let rel = match self.base.label_offset(label) {
            Some(dest) => dest as i64 - (here + 7),
            None => 0,
        };
        self.emit(Inst::LeaRip {
            dest: reg_dest,
            rel: rel as i32,
        });
    }

    fn not_reg(&mut self, reg: R64) {
        self.emit(Inst::NotR64(reg));
    }
    fn neg_reg(&mut self, reg: R64) {
        self.emit(Inst::NegR64(reg));
    }
    fn clr_reg(&mut self, reg: R64) {
        self.emit(Inst::XorR64R64 {
            dest: reg,
            src: reg,
        });
    }
    fn lsl_reg(&mut self, reg: R64) {
        self.emit(Inst::ShlR64Cl(reg));
    }
    fn lsr_reg(&mut self, reg: R64) {
        self.emit(Inst::ShrR64Cl(reg));
    }
    fn asr_reg(&mut self, reg: R64) {
        self.emit(Inst::SarR64Cl(reg));
    }
    fn or_reg_reg(&mut self, dest: R64, src: R64) {
        self.emit(Inst::OrR64R64 { dest, src });
    }
    fn xor_reg_reg(&mut self, dest: R64, src: R64) {
        self.emit(Inst::XorR64R64 { dest, src });
    }
    fn and_reg_reg(&mut self, dest: R64, src: R64) {
        self.emit(Inst::AndR64R64 { dest, src });
    }
    fn add_reg_reg(&mut self, dest: R64, src: R64) {
        self.emit(Inst::AddR64R64 { dest, src });
    }
    fn sub_reg_reg(&mut self, dest: R64, src: R64) {
        self.emit(Inst::SubR64R64 { dest, src });
    }
    fn mul_reg_reg(&mut self, dest: R64, src: R64) {
        self.emit(Inst::MulR64R64 { dest, src });
    }

    fn load_reg_reg_offset(&mut self, dest: R64, base: R64, word_offset: i32) {
        if let Some(disp) = self.scaled("ASM_LOAD_REG_REG_OFFSET", word_offset as i64, 8) {
            self.mov_mem64_to_r64(base, disp, dest);
        }
    }
    fn load8_reg_reg(&mut self, dest: R64, base: R64) {
        self.load8_reg_reg_offset(dest, base, 0);
    }
    fn load8_reg_reg_offset(&mut self, dest: R64, base: R64, byte_offset: i32) {
        self.emit(Inst::MovMem8ToR64zx {
            base,
            disp: byte_offset,
            dest,
        });
    }
    fn load16_reg_reg(&mut self, dest: R64, base: R64) {
        self.load16_reg_reg_offset(dest, base, 0);
    }
    fn load16_reg_reg_offset(&mut self, dest: R64, base: R64, uint16_offset: i32) {
        let disp = pointer_disp(uint16_offset, 2);
        self.emit(Inst::MovMem16ToR64zx { base, disp, dest });
    }
    fn load32_reg_reg(&mut self, dest: R64, base: R64) {
        self.load32_reg_reg_offset(dest, base, 0);
    }
    fn load32_reg_reg_offset(&mut self, dest: R64, base: R64, uint32_offset: i32) {
        let disp = pointer_disp(uint32_offset, 4);
        self.emit(Inst::MovMem32ToR64zx { base, disp, dest });
    }

    fn store_reg_reg_offset(&mut self, src: R64, base: R64, word_offset: i32) {
        if let Some(disp) = self.scaled("ASM_STORE_REG_REG_OFFSET", word_offset as i64, 8) {
            self.mov_r64_to_mem64(src, base, disp);
        }
    }
    fn store8_reg_reg(&mut self, src: R64, base: R64) {
        self.store8_reg_reg_offset(src, base, 0);
    }
    fn store8_reg_reg_offset(&mut self, src: R64, base: R64, byte_offset: i32) {
        self.emit(Inst::MovR8ToMem8 {
            src,
            base,
            disp: byte_offset,
        });
    }
    fn store16_reg_reg(&mut self, src: R64, base: R64) {
        self.store16_reg_reg_offset(src, base, 0);
    }
    fn store16_reg_reg_offset(&mut self, src: R64, base: R64, uint16_offset: i32) {
        let disp = pointer_disp(uint16_offset, 2);
        self.emit(Inst::MovR16ToMem16 { src, base, disp });
    }
    fn store32_reg_reg(&mut self, src: R64, base: R64) {
        self.store32_reg_reg_offset(src, base, 0);
    }
    fn store32_reg_reg_offset(&mut self, src: R64, base: R64, uint32_offset: i32) {
        let disp = pointer_disp(uint32_offset, 4);
        self.emit(Inst::MovR32ToMem32 { src, base, disp });
    }

    /// `#if N_X64` in `emit_native_binary_op`: `xor dest,dest; cmp rhs,lhs; set<cc> dest`.
    fn setcc_reg_reg_reg(&mut self, cmp: Comparison, dest: R64, lhs: R64, rhs: R64) {
        self.emit(Inst::XorR64R64 { dest, src: dest });
        self.cmp_r64_with_r64(rhs, lhs);
        self.setcc_r8(Cc::for_comparison(cmp), dest);
    }
}

/// The displacement of `ASM_{LOAD,STORE}{16,32}_REG_REG_OFFSET` (viper pointer accesses): the C
/// macros multiply the index by the access size and pass it as an `int`, so it wraps at 32 bits
/// (`w[0x3fffffff]` accesses `[base - 4]`, `w[-0x40000000]` accesses `[base]`) instead of being refused.
fn pointer_disp(index: i32, scale: i32) -> i32 {
    index.wrapping_mul(scale)
}
