//! i386 assembler: `py/asmx86.c` and the `GENERIC_ASM_API` block of `py/asmx86.h` (1.29).
//!
//! Calling convention (cdecl): every argument on the stack, result in `eax`, `ebx esi edi ebp`
//! callee-saved. The native emitter still thinks in registers: `REG_ARG_1..4` are `eax ecx edx ebx`, and
//! [`Asm::call_ind`] pushes as many of them as the runtime function takes (`mp_f_n_args`, see
//! [`FunKind::x86_n_args`]) after padding the stack so the call happens 16-byte aligned. A function's own
//! arguments are read from above the frame with [`Asm::mov_arg_to_reg`].
//!
//! Frame: push `ebp ebx esi edi`, then `sub esp, 4*n` with `n` the requested locals rounded up to
//! 3 mod 4, so the 20 bytes of return address and pushes plus the locals are a multiple of 16.

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
use regs::{Cc, R32};

/// `asm_x86_t`: the code buffer plus the frame size chosen by `entry`.
#[derive(Debug)]
pub struct AsmX86 {
    base: CodeBuffer,
    num_locals: i32,
}

const WORD_SIZE: i64 = 4;

impl AsmX86 {
    /// Encodes one instruction into the buffer, with its text for the listing.
    pub fn emit(&mut self, inst: Inst) {
        let bytes = inst.bytes();
        self.base.emit(bytes.as_slice(), || inst.to_string());
    }

    /// `n * scale` as the C `int` would hold it, or an error.
    fn scaled(&mut self, op: &'static str, n: i64, scale: i64) -> Option<i32> {
        let v = n.checked_mul(scale).and_then(|v| i32::try_from(v).ok());
        if v.is_none() {
            self.base.fail(AsmError::ValueOutOfRange { op, value: n });
        }
        v
    }

    /// `asm_x86_mov_i32_to_r32`: returns the offset of the immediate (for patching).
    pub fn mov_i32_to_r32(&mut self, imm: i32, dest: R32) -> usize {
        let before = self.base.code_pos();
        self.emit(Inst::MovI32ToR32 {
            imm: imm as u32,
            dest,
        });
        let len = self.base.code_pos() - before;
        before + len.saturating_sub(4)
    }

    /// `asm_x86_cmp_r32_with_r32`: flags of `b - a`.
    pub fn cmp_r32_with_r32(&mut self, a: R32, b: R32) {
        self.emit(Inst::CmpR32WithR32 { a, b });
    }

    /// `rel = dest - here` for a label, and whether the label is known and behind us.
    fn label_rel(&mut self, label: Label) -> (i64, bool) {
        let here = self.base.code_pos() as i64;
        match self.base.label_offset(label) {
            Some(dest) => (dest as i64 - here, (dest as i64) < here),
            None => (0, false),
        }
    }

    /// `asm_x86_jmp_label`: `jmp rel8` only for a close backward label, else `jmp rel32`.
    pub fn jmp_label(&mut self, label: Label) {
        let (rel, backward) = self.label_rel(label);
        if backward && signed_fit8(rel - 2) {
            self.emit(Inst::JmpRel8((rel - 2) as i8));
        } else {
            self.emit(Inst::JmpRel32((rel - 5) as i32));
        }
    }

    /// `asm_x86_jcc_label`: 2 or 6 bytes, like [`AsmX86::jmp_label`].
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

    /// `asm_x86_mov_mem32_to_r32`: (base, displacement, destination) as in C.
    pub fn mov_mem32_to_r32(&mut self, base: R32, disp: i32, dest: R32) {
        self.emit(Inst::MovMem32ToR32 { base, disp, dest });
    }

    /// `asm_x86_mov_r32_to_mem32`: (source, base, displacement) as in C.
    pub fn mov_r32_to_mem32(&mut self, src: R32, base: R32, disp: i32) {
        self.emit(Inst::MovR32ToMem32 { src, base, disp });
    }

    /// `asm_x86_call_ind`: pad, push `n_args` argument registers (last first), load the slot into
    /// `temp`, call it, and pop the arguments and padding again.
    pub fn call_ind_n(&mut self, fun_id: usize, n_args: u8, temp: R32) {
        let n = n_args as i32;
        let align = ((n + 3) & !3) - n;
        if align != 0 {
            self.emit(Inst::SubR32I32 {
                dest: R32::Esp,
                imm: align * WORD_SIZE as i32,
            });
        }
        for (k, reg) in [(3, R32::Ebx), (2, R32::Edx), (1, R32::Ecx), (0, R32::Eax)] {
            if n > k {
                self.emit(Inst::PushR32(reg));
            }
        }
        let Some(off) = self.scaled("asm_x86_call_ind", fun_id as i64, WORD_SIZE) else {
            return;
        };
        self.mov_mem32_to_r32(R32::Ebp, off, temp);
        self.emit(Inst::CallReg(temp));
        if n > 0 {
            self.emit(Inst::AddI32ToR32 {
                imm: (n + align) * WORD_SIZE as i32,
                dest: R32::Esp,
            });
        }
    }

    /// The offset of C-stack word `local_num` from `esp`.
    fn local_offset(&mut self, op: &'static str, local_num: usize) -> Option<i32> {
        self.scaled(op, local_num as i64, WORD_SIZE)
    }
}

impl Asm for AsmX86 {
    const ARCH: &'static str = "x86";
    const WORD_SIZE: usize = 4;
    type Reg = R32;

    const REG_RET: R32 = R32::Eax;
    const REG_ARG_1: R32 = R32::Eax;
    const REG_ARG_2: R32 = R32::Ecx;
    const REG_ARG_3: R32 = R32::Edx;
    const REG_ARG_4: R32 = R32::Ebx;
    const REG_TEMP0: R32 = R32::Eax;
    const REG_TEMP1: R32 = R32::Ecx;
    const REG_TEMP2: R32 = R32::Edx;
    const REG_LOCAL_1: R32 = R32::Ebx;
    const REG_LOCAL_2: R32 = R32::Esi;
    const REG_LOCAL_3: R32 = R32::Edi;
    const REG_FUN_TABLE: R32 = R32::Ebp;
    const NLR_BUF_IDX_LOCAL_1: usize = 5;

    const REG_SHIFT_COUNT: Option<R32> = Some(R32::Ecx);
    const HAS_NOT_REG: bool = true;
    const HAS_LOAD8_REG_REG_OFFSET: bool = true;
    const HAS_LOAD16_REG_REG_OFFSET: bool = true;
    const HAS_LOAD32_REG_REG_OFFSET: bool = true;
    const HAS_STORE8_REG_REG_OFFSET: bool = true;
    const HAS_STORE16_REG_REG_OFFSET: bool = true;
    const HAS_STORE32_REG_REG_OFFSET: bool = true;
    const ARGS_ON_STACK: bool = true;

    fn new(max_num_labels: usize) -> Self {
        AsmX86 {
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

    /// `asm_x86_entry`.
    fn entry(&mut self, num_locals: usize, _name: &str) {
        for r in [R32::Ebp, R32::Ebx, R32::Esi, R32::Edi] {
            self.emit(Inst::PushR32(r));
        }
        let n = num_locals as i64 | 3;
        if let Some(bytes) = self.scaled("asm_x86_entry", n, WORD_SIZE) {
            self.emit(Inst::SubR32I32 {
                dest: R32::Esp,
                imm: bytes,
            });
            self.num_locals = n as i32;
        }
    }

    /// `asm_x86_exit`: releases the frame with `sub esp, -4n`.
    fn exit(&mut self) {
        self.emit(Inst::SubR32I32 {
            dest: R32::Esp,
            imm: -self.num_locals * WORD_SIZE as i32,
        });
        for r in [R32::Edi, R32::Esi, R32::Ebx, R32::Ebp] {
            self.emit(Inst::PopR32(r));
        }
        self.emit(Inst::Ret);
    }

    fn jump(&mut self, label: Label) {
        self.jmp_label(label);
    }
    fn jump_if_reg_zero(&mut self, reg: R32, label: Label, bool_test: bool) {
        if bool_test {
            self.emit(Inst::TestR8WithR8 { a: reg, b: reg });
        } else {
            self.emit(Inst::TestR32WithR32 { a: reg, b: reg });
        }
        self.jcc_label(Cc::E, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: R32, label: Label, bool_test: bool) {
        if bool_test {
            self.emit(Inst::TestR8WithR8 { a: reg, b: reg });
        } else {
            self.emit(Inst::TestR32WithR32 { a: reg, b: reg });
        }
        self.jcc_label(Cc::Ne, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: R32, reg2: R32, label: Label) {
        self.cmp_r32_with_r32(reg1, reg2);
        self.jcc_label(Cc::E, label);
    }
    fn jump_reg(&mut self, reg: R32) {
        self.emit(Inst::JmpReg(reg));
    }
    fn call_ind(&mut self, fun: FunKind) {
        self.call_ind_n(fun.index(), fun.x86_n_args(), R32::Eax);
    }

    fn mov_local_reg(&mut self, local_num: usize, reg_src: R32) {
        if let Some(off) = self.local_offset("asm_x86_mov_r32_to_local", local_num) {
            self.mov_r32_to_mem32(reg_src, R32::Esp, off);
        }
    }
    /// `asm_x86_mov_i32_to_r32`: the C `int32_t` parameter truncates the value.
    fn mov_reg_imm(&mut self, reg_dest: R32, imm: i64) {
        self.mov_i32_to_r32(imm as i32, reg_dest);
    }
    fn mov_reg_local(&mut self, reg_dest: R32, local_num: usize) {
        if let Some(off) = self.local_offset("asm_x86_mov_local_to_r32", local_num) {
            self.mov_mem32_to_r32(R32::Esp, off, reg_dest);
        }
    }
    fn mov_reg_reg(&mut self, reg_dest: R32, reg_src: R32) {
        self.emit(Inst::MovR32R32 {
            dest: reg_dest,
            src: reg_src,
        });
    }
    /// `asm_x86_mov_local_addr_to_r32`: `mov dest, esp` for local 0, else `lea`.
    fn mov_reg_local_addr(&mut self, reg_dest: R32, local_num: usize) {
        let Some(off) = self.local_offset("asm_x86_mov_local_addr_to_r32", local_num) else {
            return;
        };
        if off == 0 {
            self.emit(Inst::MovR32R32 {
                dest: reg_dest,
                src: R32::Esp,
            });
        } else {
            self.emit(Inst::LeaDispToR32 {
                base: R32::Esp,
                disp: off,
                dest: reg_dest,
            });
        }
    }
    /// `asm_x86_mov_reg_pcrel`: `call .+5; pop dest; add dest, imm32` (i386 has no PC-relative `lea`).
    fn mov_reg_pcrel(&mut self, reg_dest: R32, label: Label) {
        self.emit(Inst::CallRel32(0));
        let here = self.base.code_pos() as i64;
        let rel = match self.base.label_offset(label) {
            Some(dest) => dest as i64 - here,
            None => 0,
        };
        self.emit(Inst::PopR32(reg_dest));
        self.emit(Inst::AddImm32ToR32 {
            imm: rel as i32,
            dest: reg_dest,
        });
    }

    fn not_reg(&mut self, reg: R32) {
        self.emit(Inst::NotR32(reg));
    }
    fn neg_reg(&mut self, reg: R32) {
        self.emit(Inst::NegR32(reg));
    }
    fn clr_reg(&mut self, reg: R32) {
        self.emit(Inst::XorR32R32 {
            dest: reg,
            src: reg,
        });
    }
    fn lsl_reg(&mut self, reg: R32) {
        self.emit(Inst::ShlR32Cl(reg));
    }
    fn lsr_reg(&mut self, reg: R32) {
        self.emit(Inst::ShrR32Cl(reg));
    }
    fn asr_reg(&mut self, reg: R32) {
        self.emit(Inst::SarR32Cl(reg));
    }
    fn or_reg_reg(&mut self, dest: R32, src: R32) {
        self.emit(Inst::OrR32R32 { dest, src });
    }
    fn xor_reg_reg(&mut self, dest: R32, src: R32) {
        self.emit(Inst::XorR32R32 { dest, src });
    }
    fn and_reg_reg(&mut self, dest: R32, src: R32) {
        self.emit(Inst::AndR32R32 { dest, src });
    }
    fn add_reg_reg(&mut self, dest: R32, src: R32) {
        self.emit(Inst::AddR32R32 { dest, src });
    }
    fn sub_reg_reg(&mut self, dest: R32, src: R32) {
        self.emit(Inst::SubR32R32 { dest, src });
    }
    fn mul_reg_reg(&mut self, dest: R32, src: R32) {
        self.emit(Inst::MulR32R32 { dest, src });
    }

    fn load_reg_reg_offset(&mut self, dest: R32, base: R32, word_offset: i32) {
        if let Some(disp) = self.scaled("ASM_LOAD_REG_REG_OFFSET", word_offset as i64, 4) {
            self.mov_mem32_to_r32(base, disp, dest);
        }
    }
    fn load8_reg_reg(&mut self, dest: R32, base: R32) {
        self.load8_reg_reg_offset(dest, base, 0);
    }
    fn load8_reg_reg_offset(&mut self, dest: R32, base: R32, byte_offset: i32) {
        self.emit(Inst::MovMem8ToR32zx {
            base,
            disp: byte_offset,
            dest,
        });
    }
    fn load16_reg_reg(&mut self, dest: R32, base: R32) {
        self.load16_reg_reg_offset(dest, base, 0);
    }
    fn load16_reg_reg_offset(&mut self, dest: R32, base: R32, uint16_offset: i32) {
        let disp = pointer_disp(uint16_offset, 2);
        self.emit(Inst::MovMem16ToR32zx { base, disp, dest });
    }
    fn load32_reg_reg(&mut self, dest: R32, base: R32) {
        self.load32_reg_reg_offset(dest, base, 0);
    }
    fn load32_reg_reg_offset(&mut self, dest: R32, base: R32, uint32_offset: i32) {
        let disp = pointer_disp(uint32_offset, 4);
        self.mov_mem32_to_r32(base, disp, dest);
    }

    fn store_reg_reg_offset(&mut self, src: R32, base: R32, word_offset: i32) {
        if let Some(disp) = self.scaled("ASM_STORE_REG_REG_OFFSET", word_offset as i64, 4) {
            self.mov_r32_to_mem32(src, base, disp);
        }
    }
    fn store8_reg_reg(&mut self, src: R32, base: R32) {
        self.store8_reg_reg_offset(src, base, 0);
    }
    fn store8_reg_reg_offset(&mut self, src: R32, base: R32, byte_offset: i32) {
        self.emit(Inst::MovR8ToMem8 {
            src,
            base,
            disp: byte_offset,
        });
    }
    fn store16_reg_reg(&mut self, src: R32, base: R32) {
        self.store16_reg_reg_offset(src, base, 0);
    }
    fn store16_reg_reg_offset(&mut self, src: R32, base: R32, uint16_offset: i32) {
        let disp = pointer_disp(uint16_offset, 2);
        self.emit(Inst::MovR16ToMem16 { src, base, disp });
    }
    fn store32_reg_reg(&mut self, src: R32, base: R32) {
        self.store32_reg_reg_offset(src, base, 0);
    }
    fn store32_reg_reg_offset(&mut self, src: R32, base: R32, uint32_offset: i32) {
        let disp = pointer_disp(uint32_offset, 4);
        self.mov_r32_to_mem32(src, base, disp);
    }

    /// `#if N_X86` in `emit_native_binary_op`: `xor dest,dest; cmp rhs,lhs; set<cc> dest`.
    fn setcc_reg_reg_reg(&mut self, cmp: Comparison, dest: R32, lhs: R32, rhs: R32) {
        self.emit(Inst::XorR32R32 { dest, src: dest });
        self.cmp_r32_with_r32(rhs, lhs);
        self.emit(Inst::SetccR8 {
            cc: Cc::for_comparison(cmp),
            dest,
        });
    }

    /// `asm_x86_mov_arg_to_r32`: argument `n` sits above the locals, the 4 saved registers and the
    /// return address.
    fn mov_arg_to_reg(&mut self, arg_num: usize, reg_dest: R32) {
        let words = self.num_locals as i64 + 4 + 1 + arg_num as i64;
        if let Some(off) = self.scaled("asm_x86_mov_arg_to_r32", words, WORD_SIZE) {
            self.mov_mem32_to_r32(R32::Esp, off, reg_dest);
        }
    }
}

/// The displacement of `ASM_{LOAD,STORE}{16,32}_REG_REG_OFFSET` (viper pointer accesses): the C
/// macros multiply the index by the access size and pass it as an `int`, so it wraps at 32 bits
/// (`w[0x3fffffff]` accesses `[base - 4]`, `w[-0x40000000]` accesses `[base]`) instead of being refused.
fn pointer_disp(index: i32, scale: i32) -> i32 {
    index.wrapping_mul(scale)
}
