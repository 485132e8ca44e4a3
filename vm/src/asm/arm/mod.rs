//! ARM (A32) assembler: `py/asmarm.c` and the `GENERIC_ASM_API` block of `py/asmarm.h` (1.29), for
//! `-march=armv6` (ARM mode, e.g. the Raspberry Pi 1 / Zero).
//!
//! Calling convention (AAPCS): arguments in `r0..r3`, result in `r0`. The native emitter keeps
//! `&mp_fun_table` in `r7`, locals / the qstr table in `r4 r5 r6`, and `r8` is the assembler's own
//! scratch register (`REG_TEMP`) for offsets and immediates that do not fit an instruction.
//!
//! Frame built by [`Asm::entry`]: `push {r1-r8, lr}`; with more than three locals, `sub sp` for all of
//! them (rounded to keep the stack 8-byte aligned). Local `i` lives at `[sp + 4*i]`.
//!
//! Every instruction is 4 bytes, branches included (±32 MiB), so no jump depends on the pass. Constants
//! beyond `mov`/`mvn #imm8` are inline literals: `ldr rd, [pc]; b +0; .word imm`.

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
use imms::{Rel24, U12, U5, U8};
use inst::{DpOp, ImmOp, Inst, LdSt, Shift};
use regs::{Cond, Reg};

/// `asm_arm_t`: the code buffer plus the frame chosen by `entry`.
#[derive(Debug)]
pub struct AsmArm {
    base: CodeBuffer,
    push_reglist: u16,
    stack_adjust: u32,
}

/// `REG_TEMP`: scratch register of the assembler (pushed by `entry`).
pub const REG_TEMP: Reg = Reg::R8;
/// `ASM_ARM_REG_FUN_TABLE`.
const REG_FUN_TABLE: Reg = Reg::R7;

impl AsmArm {
    /// Encodes one instruction into the buffer, with its text for the listing.
    pub fn emit(&mut self, inst: Inst) {
        let bytes = inst.bytes();
        self.base.emit(bytes.as_slice(), || inst.to_string());
    }

    /// A value checked into an immediate newtype, else an error.
    fn imm<T>(&mut self, op: &'static str, v: i64, make: fn(i64) -> Option<T>) -> Option<T> {
        let t = make(v);
        if t.is_none() {
            self.base.fail(AsmError::ValueOutOfRange { op, value: v });
        }
        t
    }

    /// `asm_arm_mov_reg_i32` (`ASM_MOV_REG_IMM_FIX_WORD`): `ldr rd, [pc]; b +0; .word imm`. Returns
    /// the offset of the literal word.
    pub fn mov_reg_i32(&mut self, rd: Reg, imm: u32) -> usize {
        self.emit(Inst::LdStImm {
            op: LdSt::Ldr,
            rt: rd,
            rn: Reg::PC,
            imm: U12::clamped(0),
        });
        self.emit(Inst::B {
            cond: Cond::Al,
            rel: REL0,
        });
        let loc = self.base.code_pos();
        self.emit(Inst::Word(imm));
        loc
    }

    /// `asm_arm_mov_reg_i32_optimised` (`ASM_MOV_REG_IMM`): `mov #0..255`, `mvn` for -256..-1, else
    /// an inline literal.
    pub fn mov_reg_i32_optimised(&mut self, rd: Reg, imm: i32) {
        if let Some(imm8) = U8::new(imm as i64) {
            self.emit(Inst::MovImm {
                cond: Cond::Al,
                rd,
                imm: imm8,
            });
        } else if (-256..0).contains(&imm) {
            self.emit(Inst::MvnImm {
                rd,
                imm: U8::clamped(!imm as i64),
            });
        } else {
            self.mov_reg_i32(rd, imm as u32);
        }
    }

    /// `ldr`/`str rt, [sp, #4*local]` (`asm_arm_mov_reg_local` / `asm_arm_mov_local_reg`).
    ///
    /// mpy-cross 1.29 ORs `local << 2` into the instruction word without a range check, so from local
    /// 1024 on (byte offset 4096) the offset's upper bits land in the `rt` field and beyond, making an
    /// access to a different register and offset (`str r0, [sp, #4096]` is written as
    /// `str r1, [sp, #0]`). That code is wrong at run time, but it is what mpy-cross writes for large
    /// module-level expressions (a set display of 3000 strings), so mpyc writes the same word to keep
    /// the files identical; the listing shows it as `.word`.
    fn sp_local_access(&mut self, op: LdSt, rt: Reg, local_num: usize) {
        let byte_offset = (local_num as u64) << 2;
        match U12::new(byte_offset as i64) {
            Some(imm) => self.emit(Inst::LdStImm {
                op,
                rt,
                rn: Reg::SP,
                imm,
            }),
            None => {
                let base = Inst::LdStImm {
                    op,
                    rt,
                    rn: Reg::SP,
                    imm: U12::clamped(0),
                }
                .word();
                self.emit(Inst::Word(base | byte_offset as u32));
            }
        }
    }

    /// Load or store of a word or byte at `rn + byte_offset`: `[rn, #imm12]` below 4096, else the
    /// offset goes into `r8` first (`asm_arm_{ldr,ldrb,str,strb}_reg_reg_offset`).
    pub fn ldst_offset(&mut self, op: LdSt, rt: Reg, rn: Reg, byte_offset: i64) {
        if let Some(imm) = U12::new(byte_offset) {
            self.emit(Inst::LdStImm { op, rt, rn, imm });
        } else if let Some(v) = self.imm("asm_arm_ldr_reg_reg_offset", byte_offset, |v| {
            i32::try_from(v).ok().filter(|v| *v > 0)
        }) {
            self.mov_reg_i32_optimised(REG_TEMP, v);
            self.emit(Inst::LdStReg {
                op,
                rt,
                rn,
                rm: REG_TEMP,
                lsl2: false,
            });
        }
    }

    /// Halfword load or store at `rn + byte_offset`: `[rn, #imm8]` below 256, else through `r8`
    /// (`asm_arm_{ldrh,strh}_reg_reg_offset`).
    pub fn ldsth_offset(&mut self, load: bool, rt: Reg, rn: Reg, byte_offset: i64) {
        if let Some(imm) = U8::new(byte_offset) {
            self.emit(Inst::LdStHImm { load, rt, rn, imm });
        } else if let Some(v) = self.imm("asm_arm_ldrh_reg_reg_offset", byte_offset, |v| {
            i32::try_from(v).ok().filter(|v| *v > 0)
        }) {
            self.mov_reg_i32_optimised(REG_TEMP, v);
            self.emit(Inst::LdStHReg {
                load,
                rt,
                rn,
                rm: REG_TEMP,
            });
        }
    }

    /// `ASM_{LOAD,STORE}{8,16,32}_REG_REG_REG`: access `base + (index << size)`, where `size` is
    /// log2 of the access. Bytes and words use the register-offset form (words `lsl #2`); halfwords
    /// scale the index into `r8` first (`lsl r8, index, #1`).
    pub fn ldst_reg_reg_reg(&mut self, load: bool, size: u32, rt: Reg, base: Reg, index: Reg) {
        match size {
            0 | 2 => {
                let op = match (load, size) {
                    (true, 0) => LdSt::Ldrb,
                    (false, 0) => LdSt::Strb,
                    (true, _) => LdSt::Ldr,
                    (false, _) => LdSt::Str,
                };
                self.emit(Inst::LdStReg {
                    op,
                    rt,
                    rn: base,
                    rm: index,
                    lsl2: size == 2,
                });
            }
            1 => {
                self.emit(Inst::ShiftImm {
                    shift: Shift::Lsl,
                    rd: REG_TEMP,
                    rm: index,
                    imm: U5::clamped(1),
                });
                self.emit(Inst::LdStHReg {
                    load,
                    rt,
                    rn: base,
                    rm: REG_TEMP,
                });
            }
            _ => self.base.fail(AsmError::ValueOutOfRange {
                op: "ASM_LOADn_REG_REG_REG",
                value: size as i64,
            }),
        }
    }

    /// `asm_arm_bcc_label`: always one `b<cond>` (the compute pass's unknown forward labels take the
    /// same 4 bytes). C prints "branch does not fit in 24 bits" and emits nothing beyond ±32 MiB; that
    /// is an error here.
    pub fn bcc_label(&mut self, cond: Cond, label: Label) {
        let here = self.base.code_pos() as i64;
        let words = match self.base.label_offset(label) {
            Some(dest) => (dest as i64 - here - 8) >> 2,
            None => 0,
        };
        if let Some(rel) = self.imm("asm_arm_bcc_label", words, Rel24::new) {
            self.emit(Inst::B { cond, rel });
        }
    }

    /// `asm_arm_bl_ind`: `mov lr, pc; ldr pc, [r7, #4*fun]` (no temporary needed).
    pub fn bl_ind(&mut self, fun: FunKind) {
        self.emit(Inst::MovReg {
            rd: Reg::LR,
            rm: Reg::PC,
        });
        if let Some(imm) = self.imm("asm_arm_bl_ind", fun.index() as i64 * 4, U12::new) {
            self.emit(Inst::LdStImm {
                op: LdSt::Ldr,
                rt: Reg::PC,
                rn: REG_FUN_TABLE,
                imm,
            });
        }
    }

    /// `sub/add sp, sp, #adj` below 256 bytes, else through `r8`.
    fn adjust_sp(&mut self, sub: bool, bytes: u32) {
        if bytes == 0 {
            return;
        }
        if let Some(imm) = U8::new(bytes as i64) {
            let op = if sub { ImmOp::Sub } else { ImmOp::Add };
            self.emit(Inst::Imm {
                op,
                rd: Reg::SP,
                rn: Reg::SP,
                imm,
            });
        } else {
            self.mov_reg_i32_optimised(REG_TEMP, bytes as i32);
            let op = if sub { DpOp::Sub } else { DpOp::Add };
            self.emit(Inst::Dp {
                op,
                rd: Reg::SP,
                rn: Reg::SP,
                rm: REG_TEMP,
            });
        }
    }

    /// `op dest, dest, src`.
    fn dp(&mut self, op: DpOp, dest: Reg, src: Reg) {
        self.emit(Inst::Dp {
            op,
            rd: dest,
            rn: dest,
            rm: src,
        });
    }
}

const REL0: Rel24 = Rel24::clamped(0);

impl Asm for AsmArm {
    const ARCH: &'static str = "armv6";
    const WORD_SIZE: usize = 4;
    type Reg = Reg;

    const REG_RET: Reg = Reg::R0;
    const REG_ARG_1: Reg = Reg::R0;
    const REG_ARG_2: Reg = Reg::R1;
    const REG_ARG_3: Reg = Reg::R2;
    const REG_ARG_4: Reg = Reg::R3;
    const REG_TEMP0: Reg = Reg::R0;
    const REG_TEMP1: Reg = Reg::R1;
    const REG_TEMP2: Reg = Reg::R2;
    const REG_LOCAL_1: Reg = Reg::R4;
    const REG_LOCAL_2: Reg = Reg::R5;
    const REG_LOCAL_3: Reg = Reg::R6;
    const REG_FUN_TABLE: Reg = REG_FUN_TABLE;
    /// `emitnarm.c`: `r4` is word 3 of `nlr_buf_t`.
    const NLR_BUF_IDX_LOCAL_1: usize = 3;

    const HAS_NOT_REG: bool = true;
    const HAS_LOAD8_REG_REG_OFFSET: bool = true;
    const HAS_LOAD16_REG_REG_OFFSET: bool = true;
    const HAS_LOAD32_REG_REG_OFFSET: bool = true;
    const HAS_STORE8_REG_REG_OFFSET: bool = true;
    const HAS_STORE16_REG_REG_OFFSET: bool = true;
    const HAS_STORE32_REG_REG_OFFSET: bool = true;
    const HAS_LOAD_REG_REG_REG: [bool; 3] = [true; 3];
    const HAS_STORE_REG_REG_REG: [bool; 3] = [true; 3];

    fn new(max_num_labels: usize) -> Self {
        AsmArm {
            base: CodeBuffer::new(max_num_labels),
            push_reglist: 0,
            stack_adjust: 0,
        }
    }
    fn base(&self) -> &CodeBuffer {
        &self.base
    }
    fn base_mut(&mut self) -> &mut CodeBuffer {
        &mut self.base
    }

    /// `asm_arm_entry`.
    fn entry(&mut self, num_locals: usize, _name: &str) {
        self.push_reglist = 0x01fe;
        self.stack_adjust = 0;
        if num_locals > 3 {
            self.stack_adjust = num_locals as u32 * 4 + if num_locals & 1 != 0 { 4 } else { 0 };
        }
        self.emit(Inst::Push(self.push_reglist | 1 << Reg::LR.num()));
        self.adjust_sp(true, self.stack_adjust);
    }

    /// `asm_arm_exit`.
    fn exit(&mut self) {
        self.adjust_sp(false, self.stack_adjust);
        self.emit(Inst::Pop(self.push_reglist | 1 << Reg::PC.num()));
    }

    fn jump(&mut self, label: Label) {
        self.bcc_label(Cond::Al, label);
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.emit(Inst::CmpImm {
            rn: reg,
            imm: U8::clamped(0),
        });
        self.bcc_label(Cond::Eq, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.emit(Inst::CmpImm {
            rn: reg,
            imm: U8::clamped(0),
        });
        self.bcc_label(Cond::Ne, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.emit(Inst::CmpReg { rn: reg1, rm: reg2 });
        self.bcc_label(Cond::Eq, label);
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.emit(Inst::Bx(reg));
    }
    fn call_ind(&mut self, fun: FunKind) {
        self.bl_ind(fun);
    }
    fn load_reg_reg_reg(&mut self, size_log2: u32, dest: Reg, base: Reg, index: Reg) {
        self.ldst_reg_reg_reg(true, size_log2, dest, base, index);
    }
    fn store_reg_reg_reg(&mut self, size_log2: u32, src: Reg, base: Reg, index: Reg) {
        self.ldst_reg_reg_reg(false, size_log2, src, base, index);
    }

    /// `asm_arm_mov_local_reg`: `str rd, [sp, #4*local]` (see [`AsmArm::sp_local_access`]).
    fn mov_local_reg(&mut self, local_num: usize, reg_src: Reg) {
        self.sp_local_access(LdSt::Str, reg_src, local_num);
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        self.mov_reg_i32_optimised(reg_dest, imm as i32);
    }
    /// `asm_arm_mov_reg_local`: `ldr rd, [sp, #4*local]` (see [`AsmArm::sp_local_access`]).
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: usize) {
        self.sp_local_access(LdSt::Ldr, reg_dest, local_num);
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.emit(Inst::MovReg {
            rd: reg_dest,
            rm: reg_src,
        });
    }
    /// `asm_arm_mov_reg_local_addr`: `add rd, sp, #4*local`, through `r8` from local 64 on.
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: usize) {
        if local_num >= 0x40 {
            let Some(v) = self.imm("asm_arm_mov_reg_local_addr", local_num as i64 * 4, |v| {
                i32::try_from(v).ok()
            }) else {
                return;
            };
            self.mov_reg_i32_optimised(REG_TEMP, v);
            self.emit(Inst::Dp {
                op: DpOp::Add,
                rd: reg_dest,
                rn: Reg::SP,
                rm: REG_TEMP,
            });
        } else {
            self.emit(Inst::Imm {
                op: ImmOp::Add,
                rd: reg_dest,
                rn: Reg::SP,
                imm: U8::clamped(local_num as i64 * 4),
            });
        }
    }
    /// `asm_arm_mov_reg_pcrel`: the offset as an inline literal, then `add rd, rd, pc`.
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        let here = self.base.code_pos() as i64;
        let dest = self.base.label_offset(label).map_or(0, |d| d as i64);
        let rel = dest - here - (12 + 8);
        self.mov_reg_i32(reg_dest, rel as u32);
        self.emit(Inst::Dp {
            op: DpOp::Add,
            rd: reg_dest,
            rn: reg_dest,
            rm: Reg::PC,
        });
    }

    fn not_reg(&mut self, reg: Reg) {
        self.emit(Inst::MvnReg { rd: reg, rm: reg });
    }
    fn neg_reg(&mut self, reg: Reg) {
        self.emit(Inst::Imm {
            op: ImmOp::Rsb,
            rd: reg,
            rn: reg,
            imm: U8::clamped(0),
        });
    }
    fn clr_reg(&mut self, reg: Reg) {
        self.dp(DpOp::Eor, reg, reg);
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.emit(Inst::ShiftReg {
            shift: Shift::Lsl,
            rd: reg_dest,
            rm: reg_dest,
            rs: reg_shift,
        });
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.emit(Inst::ShiftReg {
            shift: Shift::Lsr,
            rd: reg_dest,
            rm: reg_dest,
            rs: reg_shift,
        });
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.emit(Inst::ShiftReg {
            shift: Shift::Asr,
            rd: reg_dest,
            rm: reg_dest,
            rs: reg_shift,
        });
    }
    fn or_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.dp(DpOp::Orr, dest, src);
    }
    fn xor_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.dp(DpOp::Eor, dest, src);
    }
    fn and_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.dp(DpOp::And, dest, src);
    }
    fn add_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.dp(DpOp::Add, dest, src);
    }
    fn sub_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.dp(DpOp::Sub, dest, src);
    }
    /// `asm_arm_mul_reg_reg_reg(dest, dest, src)`, which swaps the operands because `mul` wants
    /// `rd != rm`: `mul dest, src, dest`.
    fn mul_reg_reg(&mut self, dest: Reg, src: Reg) {
        if dest == src {
            self.base.fail(AsmError::RegisterNotEncodable {
                op: "asm_arm_op_mul_reg (rd == rm)",
                reg: dest.name(),
            });
            return;
        }
        self.emit(Inst::Mul {
            rd: dest,
            rm: src,
            rs: dest,
        });
    }

    fn load_reg_reg_offset(&mut self, dest: Reg, base: Reg, word_offset: i32) {
        self.ldst_offset(LdSt::Ldr, dest, base, word_offset as i64 * 4);
    }
    fn load8_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.ldst_offset(LdSt::Ldrb, dest, base, 0);
    }
    fn load8_reg_reg_offset(&mut self, dest: Reg, base: Reg, byte_offset: i32) {
        self.ldst_offset(LdSt::Ldrb, dest, base, byte_offset as i64);
    }
    fn load16_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.ldsth_offset(true, dest, base, 0);
    }
    fn load16_reg_reg_offset(&mut self, dest: Reg, base: Reg, uint16_offset: i32) {
        self.ldsth_offset(true, dest, base, uint16_offset as i64 * 2);
    }
    fn load32_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.ldst_offset(LdSt::Ldr, dest, base, 0);
    }
    fn load32_reg_reg_offset(&mut self, dest: Reg, base: Reg, uint32_offset: i32) {
        self.ldst_offset(LdSt::Ldr, dest, base, uint32_offset as i64 * 4);
    }

    fn store_reg_reg_offset(&mut self, src: Reg, base: Reg, word_offset: i32) {
        self.ldst_offset(LdSt::Str, src, base, word_offset as i64 * 4);
    }
    fn store8_reg_reg(&mut self, src: Reg, base: Reg) {
        self.ldst_offset(LdSt::Strb, src, base, 0);
    }
    fn store8_reg_reg_offset(&mut self, src: Reg, base: Reg, byte_offset: i32) {
        self.ldst_offset(LdSt::Strb, src, base, byte_offset as i64);
    }
    fn store16_reg_reg(&mut self, src: Reg, base: Reg) {
        self.ldsth_offset(false, src, base, 0);
    }
    fn store16_reg_reg_offset(&mut self, src: Reg, base: Reg, uint16_offset: i32) {
        self.ldsth_offset(false, src, base, uint16_offset as i64 * 2);
    }
    fn store32_reg_reg(&mut self, src: Reg, base: Reg) {
        self.ldst_offset(LdSt::Str, src, base, 0);
    }
    fn store32_reg_reg_offset(&mut self, src: Reg, base: Reg, uint32_offset: i32) {
        self.ldst_offset(LdSt::Str, src, base, uint32_offset as i64 * 4);
    }

    /// `#elif N_ARM` in `emit_native_binary_op`: `cmp lhs, rhs; mov<cc> dest, #1; mov<!cc> dest, #0`.
    fn setcc_reg_reg_reg(&mut self, cmp: Comparison, dest: Reg, lhs: Reg, rhs: Reg) {
        self.emit(Inst::CmpReg { rn: lhs, rm: rhs });
        let cond = Cond::for_comparison(cmp);
        self.emit(Inst::MovImm {
            cond,
            rd: dest,
            imm: U8::clamped(1),
        });
        self.emit(Inst::MovImm {
            cond: cond.invert(),
            rd: dest,
            imm: U8::clamped(0),
        });
    }
}
