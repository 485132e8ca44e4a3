//! RV32 assembler: `py/asmrv32.c` and the `GENERIC_ASM_API` block of `py/asmrv32.h` (1.29), for
//! `-march=rv32imc` (ESP32-C3/C6, RP2350's Hazard3), optionally with `-march-flags=zba,zcmp`.
//!
//! Registers: arguments and result in `a0..a3`, temporaries `a4 a5 a6`; the native emitter keeps
//! `&mp_fun_table` in `s1` and locals / the qstr table in `s3 s2 s4`. `s0` is the assembler's own
//! temporary for calls through the function table.
//!
//! Compressed (C) instructions are used wherever their operands fit; the choices follow the C code
//! exactly (for example `c.lw` only for offsets below 64 although it reaches 124).
//!
//! # Frame
//!
//! The registers saved are `s1 s2 s3 s4`, plus `ra` and `s0` once a call through the function table
//! has been emitted. That set grows during a pass and is only read by the next one's prologue, which
//! is why the emitter runs two compute passes; it also outlives the function, as mpy-cross reuses one
//! assembler for a whole file (see [`AsmRv32::inherit_saved_registers`]). Without Zcmp the prologue is `c.addi sp, -n` and one
//! `c.swsp` per register (locals above them); with Zcmp it is one `cm.push` whose frame also holds as
//! many locals as fit in its 16-byte rounding (locals from `sp + 0`), and the epilogue `cm.popret`.
//!
//! # Branches
//!
//! A backward branch in range is one instruction; otherwise the inverse condition skips an
//! `auipc a6; jalr zero, a6` pair (±2 GiB).
//!
//! # Extensions
//!
//! Zba (`sh1add`, `sh2add`) scales pointer indices in one instruction; Zcmp (`cm.push`, `cm.popret`)
//! shortens the prologue and epilogue. They are type parameters: [`AsmRv32imc`] and
//! [`AsmRv32imcZbaZcmp`].

pub mod encode;
pub mod imms;
pub mod inline_inst;
pub mod inst;
pub mod regs;

#[cfg(test)]
mod asm_tests;
#[cfg(test)]
mod emit_tests;
#[cfg(test)]
#[rustfmt::skip]
mod encode_table;

use crate::asm::{Asm, AsmError, CmpOp, CodeBuffer, Comparison, FunKind, Label, Pass};
use imms::{Addi4spn, COff, CUpper, Rel12, Rel13, Rel9, Shamt, SpOff, Upper, I12, I6};
use inst::{AluOp, ImmOp, Inst, Width};
use regs::{CReg, Reg};

/// `asm_rv32_t`: the code buffer and the frame.
#[derive(Debug)]
pub struct AsmRv32<const ZBA: bool, const ZCMP: bool> {
    base: CodeBuffer,
    saved_registers_mask: u32,
    locals_count: u32,
    stack_size: u32,
    locals_stack_offset: u32,
}

/// `-march=rv32imc`.
pub type AsmRv32imc = AsmRv32<false, false>;
/// `-march=rv32imc -march-flags=zba,zcmp`.
pub type AsmRv32imcZbaZcmp = AsmRv32<true, true>;

/// `INTERNAL_TEMPORARY`.
const INTERNAL_TEMPORARY: Reg = Reg::S0;
const REG_FUN_TABLE: Reg = Reg::S1;
const REG_TEMP0: Reg = Reg::A4;
const REG_TEMP2: Reg = Reg::A6;

/// `FIT_SIGNED(value, bits)`.
const fn fit_signed(v: i64, bits: u32) -> bool {
    let lim = 1i64 << (bits - 1);
    v >= -lim && v < lim
}

/// `split_immediate`: the `lui`/`auipc` part and the sign-compensated low 12 bits.
const fn split_immediate(v: i64) -> (u32, u32) {
    let u = v as u32;
    let mut upper = u & 0xffff_f000;
    let lower = u & 0xfff;
    if lower & 0x800 != 0 {
        upper = upper.wrapping_add(0x1000);
    }
    (upper, lower)
}

/// The low 12 bits as the signed immediate `addi`/`jalr` sign-extend.
const fn low12(lower: u32) -> I12 {
    I12::clamped(((lower << 20) as i32 >> 20) as i64)
}

impl<const ZBA: bool, const ZCMP: bool> AsmRv32<ZBA, ZCMP> {
    /// Encodes one instruction into the buffer, with its text for the listing.
    pub fn emit(&mut self, inst: Inst) {
        let bytes = inst.bytes();
        self.base.emit(bytes.as_slice(), || inst.to_string());
    }

    /// `load_upper_immediate`: `c.lui` when the upper part is small and nonzero, else `lui`.
    fn load_upper_immediate(&mut self, rd: Reg, upper: u32) {
        let v = upper as i32 as i64;
        match CUpper::new(v) {
            Some(imm) if fit_signed(v, 17) => self.emit(Inst::CLui { rd, imm }),
            _ => self.emit(Inst::Lui {
                rd,
                imm: Upper::new(upper & 0xffff_f000).unwrap_or(UPPER0),
            }),
        }
    }

    /// `load_lower_immediate`: nothing for 0, `c.addi` for 1..=31, else `addi`.
    fn load_lower_immediate(&mut self, rd: Reg, lower: u32) {
        if lower == 0 {
            return;
        }
        match I6::new(lower as i64) {
            Some(imm) => self.emit(Inst::CAddi { rd, imm }),
            None => self.emit(Inst::Imm {
                op: ImmOp::Addi,
                rd,
                rs1: rd,
                imm: low12(lower),
            }),
        }
    }

    /// `load_full_immediate`.
    fn load_full_immediate(&mut self, rd: Reg, v: i64) {
        let (upper, lower) = split_immediate(v);
        self.load_upper_immediate(rd, upper);
        self.load_lower_immediate(rd, lower);
    }

    /// `asm_rv32_emit_optimised_load_immediate` (`ASM_MOV_REG_IMM`): `c.li`, `addi rd, zero, imm`,
    /// or `lui` + `addi`.
    pub fn load_immediate(&mut self, rd: Reg, v: i32) {
        let v = v as i64;
        if let Some(imm) = I6::new(v) {
            self.emit(Inst::CLi { rd, imm });
        } else if let Some(imm) = I12::new(v) {
            self.emit(Inst::Imm {
                op: ImmOp::Addi,
                rd,
                rs1: Reg::Zero,
                imm,
            });
        } else {
            self.load_full_immediate(rd, v);
        }
    }

    /// `adjust_stack`.
    fn adjust_stack(&mut self, delta: i64) {
        if delta == 0 {
            return;
        }
        if let Some(imm) = I6::new(delta) {
            self.emit(Inst::CAddi { rd: Reg::Sp, imm });
        } else if let Some(imm) = I12::new(delta) {
            self.emit(Inst::Imm {
                op: ImmOp::Addi,
                rd: Reg::Sp,
                rs1: Reg::Sp,
                imm,
            });
        } else {
            self.load_full_immediate(REG_TEMP0, delta);
            self.emit(Inst::CAdd {
                rd: Reg::Sp,
                rs2: REG_TEMP0,
            });
        }
    }

    /// The saved registers in index order.
    fn saved(&self) -> impl Iterator<Item = Reg> + '_ {
        (0..32)
            .filter(|i| self.saved_registers_mask & (1 << i) != 0)
            .map(|i| Reg::ALL[i])
    }

    /// `compute_zcmp_sequence_length`: how many registers `cm.push` must save (`ra`, then `s0`, `s1`,
    /// `s2`.. up to the highest one in the mask; `{ra, s0-s10}` does not exist, so it becomes s11).
    fn zcmp_sequence_length(mask: u32) -> u32 {
        let packed = (mask & 0x2) >> 1 | (mask & 0x300) >> 7 | (mask & 0x0ffc_0000) >> 15;
        let len = 32 - packed.leading_zeros();
        if len == 12 {
            13
        } else {
            len
        }
    }

    /// `(rlist, spimm, extra)` of the Zcmp prologue for this mask and locals count.
    fn zcmp_frame(&self) -> (u8, u8, u32) {
        let len = Self::zcmp_sequence_length(self.saved_registers_mask);
        let allocated = (len + 3) & !3;
        let slack = allocated - len;
        let mut left = self.locals_count.saturating_sub(slack);
        let chunks = (left / 4).min(3);
        left -= chunks * 4;
        ((3 + len).min(15) as u8, chunks as u8, left * 4)
    }

    /// `calculate_displacement_for_label`: `dest - here`, and whether the label is known and behind.
    fn displacement(&mut self, label: Label) -> (i64, bool) {
        let here = self.base.code_pos() as i64;
        match self.base.label_offset(label) {
            Some(dest) => {
                let d = dest as i64 - here;
                (d, d < 0)
            }
            None => (0, false),
        }
    }

    /// `auipc a6, hi; jalr zero, lo(a6)`: the long jump by `disp` from the `auipc`.
    fn long_jump(&mut self, disp: i64) {
        let (upper, lower) = split_immediate(disp);
        if self.base.pass() == Pass::Emit && !fit_signed(disp, 32) {
            self.base.fail(AsmError::ValueOutOfRange {
                op: "asm_rv32 long jump",
                value: disp,
            });
        }
        self.emit(Inst::Auipc {
            rd: REG_TEMP2,
            imm: Upper::new(upper).unwrap_or(UPPER0),
        });
        self.emit(Inst::Jalr {
            rd: Reg::Zero,
            rs1: REG_TEMP2,
            imm: low12(lower),
        });
    }

    /// `asm_rv32_emit_jump`: `c.j` back if close, else `auipc`/`jalr`.
    pub fn emit_jump(&mut self, label: Label) {
        let (disp, backward) = self.displacement(label);
        if let (true, Some(rel)) = (backward, Rel12::new(disp)) {
            self.emit(Inst::CJ(rel));
            return;
        }
        self.long_jump(disp);
    }

    /// `asm_rv32_emit_jump_if_reg_eq`.
    pub fn jump_if_reg_eq_label(&mut self, rs1: Reg, rs2: Reg, label: Label) {
        let (disp, backward) = self.displacement(label);
        if let (true, Some(rel)) = (backward, Rel13::new(disp)) {
            self.emit(Inst::Beq { rs1, rs2, rel });
            return;
        }
        self.emit(Inst::Bne {
            rs1,
            rs2,
            rel: Rel13::clamped(12),
        });
        self.long_jump(disp - 4);
    }

    /// `asm_rv32_emit_jump_if_reg_nonzero`.
    pub fn jump_if_reg_nonzero_label(&mut self, rs: Reg, label: Label) {
        let (disp, backward) = self.displacement(label);
        let c = CReg::new(rs);
        if backward {
            // `FIT_SIGNED(displacement, 8)`: C checks 8 bits although `c.bnez` reaches 9.
            if let (Some(rs1), Some(rel), true) = (c, Rel9::new(disp), fit_signed(disp, 8)) {
                self.emit(Inst::CBnez { rs1, rel });
                return;
            }
            if let Some(rel) = Rel13::new(disp) {
                self.emit(Inst::Bne {
                    rs1: rs,
                    rs2: Reg::Zero,
                    rel,
                });
                return;
            }
        }
        match (backward, c) {
            (true, Some(rs1)) => {
                self.emit(Inst::CBeqz {
                    rs1,
                    rel: Rel9::clamped(10),
                });
                self.long_jump(disp - 2);
            }
            _ => {
                self.emit(Inst::Beq {
                    rs1: rs,
                    rs2: Reg::Zero,
                    rel: Rel13::clamped(12),
                });
                self.long_jump(disp - 4);
            }
        }
    }

    /// `asm_rv32_emit_call_ind`: `c.lw s0, off(s1); c.jalr s0` for the first 16 slots, else through
    /// `a6`. Marks `ra` (and `s0`) as saved for the next pass's prologue.
    pub fn call_ind_fun(&mut self, fun: FunKind) {
        let offset = fun.index() as u32 * 4;
        self.saved_registers_mask |= 1 << Reg::Ra.num();
        if let (Some(rd), Some(rs1), true) = (
            CReg::new(INTERNAL_TEMPORARY),
            CReg::new(REG_FUN_TABLE),
            offset < 64,
        ) {
            self.saved_registers_mask |= 1 << INTERNAL_TEMPORARY.num();
            self.emit(Inst::CLw {
                rd,
                rs1,
                off: COff::clamped(offset as i64),
            });
            self.emit(Inst::CJalr(INTERNAL_TEMPORARY));
            return;
        }
        if offset < 2048 {
            self.emit(Inst::Load {
                w: Width::Word,
                rd: REG_TEMP2,
                rs1: REG_FUN_TABLE,
                imm: I12::clamped(offset as i64),
            });
        } else {
            let (upper, lower) = split_immediate(offset as i64);
            self.load_upper_immediate(REG_TEMP2, upper);
            self.emit(Inst::CAdd {
                rd: REG_TEMP2,
                rs2: REG_FUN_TABLE,
            });
            self.emit(Inst::Load {
                w: Width::Word,
                rd: REG_TEMP2,
                rs1: REG_TEMP2,
                imm: low12(lower),
            });
        }
        self.emit(Inst::CJalr(REG_TEMP2));
    }

    /// `asm_rv32_emit_load_reg_reg_offset`: load `1 << size` bytes from `rs + (offset << size)`.
    pub fn load_reg_reg_offset_sized(&mut self, rd: Reg, rs: Reg, offset: i32, size: u32) {
        let scaled = (offset as i64) << size;
        let w = Width::from_size(size);
        if let (true, Some(crd), Some(crs)) = (
            size == 2 && (0..64).contains(&scaled),
            CReg::new(rd),
            CReg::new(rs),
        ) {
            self.emit(Inst::CLw {
                rd: crd,
                rs1: crs,
                off: COff::clamped(scaled),
            });
            return;
        }
        if let Some(imm) = I12::new(scaled) {
            self.emit(Inst::Load {
                w,
                rd,
                rs1: rs,
                imm,
            });
            return;
        }
        let (upper, lower) = split_immediate(scaled);
        self.load_upper_immediate(rd, upper);
        self.emit(Inst::CAdd { rd, rs2: rs });
        self.emit(Inst::Load {
            w,
            rd,
            rs1: rd,
            imm: low12(lower),
        });
    }

    /// `asm_rv32_emit_store_reg_reg_offset`: store `1 << size` bytes at `rs + (offset << size)`,
    /// through `a6` when the offset needs more than 12 bits.
    pub fn store_reg_reg_offset_sized(&mut self, value: Reg, base: Reg, offset: i32, size: u32) {
        let scaled = (offset as i64) << size;
        let w = Width::from_size(size);
        if let (true, Some(cv), Some(cb)) = (
            size == 2 && (0..64).contains(&scaled),
            CReg::new(value),
            CReg::new(base),
        ) {
            self.emit(Inst::CSw {
                rs2: cv,
                rs1: cb,
                off: COff::clamped(scaled),
            });
            return;
        }
        if let Some(imm) = I12::new(scaled) {
            self.emit(Inst::Store {
                w,
                rs2: value,
                rs1: base,
                imm,
            });
            return;
        }
        let (upper, lower) = split_immediate(scaled);
        self.load_upper_immediate(REG_TEMP2, upper);
        self.emit(Inst::CAdd {
            rd: REG_TEMP2,
            rs2: base,
        });
        self.emit(Inst::Store {
            w,
            rs2: value,
            rs1: REG_TEMP2,
            imm: low12(lower),
        });
    }

    /// `ASM_{LOAD,STORE}{8,16,32}_REG_REG_REG`: access `base + (index << size)` through `a6`
    /// (`sh1add`/`sh2add` with Zba, else `slli` + `c.add`; bytes `add`).
    pub fn ldst_reg_reg_reg(&mut self, load: bool, size: u32, reg: Reg, base: Reg, index: Reg) {
        if size > 2 {
            self.base.fail(AsmError::ValueOutOfRange {
                op: "ASM_LOADn_REG_REG_REG",
                value: size as i64,
            });
            return;
        }
        if size > 0 && ZBA {
            self.emit(Inst::Alu {
                op: if size == 1 {
                    AluOp::Sh1add
                } else {
                    AluOp::Sh2add
                },
                rd: REG_TEMP2,
                rs1: index,
                rs2: base,
            });
        } else if size > 0 {
            self.emit(Inst::Slli {
                rd: REG_TEMP2,
                rs1: index,
                shamt: Shamt::clamped(size as i64),
            });
            self.emit(Inst::CAdd {
                rd: REG_TEMP2,
                rs2: base,
            });
        } else {
            self.emit(Inst::Alu {
                op: AluOp::Add,
                rd: REG_TEMP2,
                rs1: base,
                rs2: index,
            });
        }
        if load {
            self.load_reg_reg_offset_sized(reg, REG_TEMP2, 0, size);
        } else {
            self.store_reg_reg_offset_sized(reg, REG_TEMP2, 0, size);
        }
    }

    /// The registers the prologue saves (`saved_registers_mask`).
    pub fn saved_registers_mask(&self) -> u32 {
        self.saved_registers_mask
    }

    /// Starts from the registers another function saved. mpy-cross allocates one `asm_rv32_t` per
    /// compilation and never clears `saved_registers_mask`, so once a function has called through the
    /// function table, every later function of the same file also saves `ra` and `s0`. A native
    /// emitter that makes a new assembler per function must carry the mask over to match it.
    pub fn inherit_saved_registers(&mut self, mask: u32) {
        self.saved_registers_mask |= mask;
    }

    /// The stack offset of local `local`.
    fn local_offset(&self, local: usize) -> i64 {
        self.locals_stack_offset as i64 + local as i64 * 4
    }

    /// `op rd, rd, rs`.
    fn alu(&mut self, op: AluOp, rd: Reg, rs: Reg) {
        self.emit(Inst::Alu {
            op,
            rd,
            rs1: rd,
            rs2: rs,
        });
    }

    /// `asm_rv32_meta_comparison_lt`: `slt`/`sltu rd, rs1, rs2`.
    fn lt(&mut self, rs1: Reg, rs2: Reg, rd: Reg, unsigned: bool) {
        self.emit(Inst::Alu {
            op: if unsigned { AluOp::Sltu } else { AluOp::Slt },
            rd,
            rs1,
            rs2,
        });
    }

    /// `asm_rv32_meta_comparison_le`: `rs2 < rs1`, inverted.
    fn le(&mut self, rs1: Reg, rs2: Reg, rd: Reg, unsigned: bool) {
        self.lt(rs2, rs1, rd, unsigned);
        self.emit(Inst::Imm {
            op: ImmOp::Xori,
            rd,
            rs1: rd,
            imm: I12::clamped(1),
        });
    }
}

const UPPER0: Upper = Upper::ZERO;

impl<const ZBA: bool, const ZCMP: bool> Asm for AsmRv32<ZBA, ZCMP> {
    const ARCH: &'static str = "rv32imc";
    const WORD_SIZE: usize = 4;
    type Reg = Reg;

    const REG_RET: Reg = Reg::A0;
    const REG_ARG_1: Reg = Reg::A0;
    const REG_ARG_2: Reg = Reg::A1;
    const REG_ARG_3: Reg = Reg::A2;
    const REG_ARG_4: Reg = Reg::A3;
    const REG_TEMP0: Reg = REG_TEMP0;
    const REG_TEMP1: Reg = Reg::A5;
    const REG_TEMP2: Reg = REG_TEMP2;
    const REG_LOCAL_1: Reg = Reg::S3;
    const REG_LOCAL_2: Reg = Reg::S2;
    const REG_LOCAL_3: Reg = Reg::S4;
    const REG_FUN_TABLE: Reg = REG_FUN_TABLE;
    /// `emitnrv32.c`: the word of `nlr_buf_t` holding `REG_LOCAL_1` (6, checked against mpy-cross).
    const NLR_BUF_IDX_LOCAL_1: usize = 6;

    const HAS_NOT_REG: bool = true;
    const HAS_LOAD8_REG_REG_OFFSET: bool = true;
    const HAS_LOAD16_REG_REG_OFFSET: bool = true;
    const HAS_LOAD32_REG_REG_OFFSET: bool = true;
    const HAS_STORE8_REG_REG_OFFSET: bool = true;
    const HAS_STORE16_REG_REG_OFFSET: bool = true;
    const HAS_STORE32_REG_REG_OFFSET: bool = true;
    const HAS_LOAD_REG_REG_REG: [bool; 3] = [true; 3];
    const HAS_STORE_REG_REG_REG: [bool; 3] = [true; 3];
    const REG_ZERO: Option<Reg> = Some(Reg::Zero);

    fn new(max_num_labels: usize) -> Self {
        AsmRv32 {
            base: CodeBuffer::new(max_num_labels),
            saved_registers_mask: 0,
            locals_count: 0,
            stack_size: 0,
            locals_stack_offset: 0,
        }
    }
    fn base(&self) -> &CodeBuffer {
        &self.base
    }
    fn base_mut(&mut self) -> &mut CodeBuffer {
        &mut self.base
    }

    /// `asm_rv32_entry`.
    fn entry(&mut self, num_locals: usize, _name: &str) {
        self.saved_registers_mask |= [REG_FUN_TABLE, Reg::S3, Reg::S2, Reg::S4]
            .iter()
            .fold(0, |m, r| m | 1 << r.num());
        self.locals_count = num_locals as u32;
        if ZCMP {
            let (rlist, spimm, extra) = self.zcmp_frame();
            self.emit(Inst::CmPush { rlist, spimm });
            self.adjust_stack(-(extra as i64));
            self.stack_size = extra | spimm as u32;
            return;
        }
        let count = self.saved_registers_mask.count_ones();
        self.stack_size = (count + self.locals_count) * 4;
        self.adjust_stack(-(self.stack_size as i64));
        let regs: Vec<Reg> = self.saved().collect();
        for (i, r) in regs.into_iter().enumerate() {
            self.emit(Inst::CSwsp {
                rs2: r,
                off: SpOff::clamped(i as i64 * 4),
            });
        }
        self.locals_stack_offset = count * 4;
    }

    /// `asm_rv32_exit`.
    fn exit(&mut self) {
        if ZCMP {
            let len = Self::zcmp_sequence_length(self.saved_registers_mask);
            self.adjust_stack((self.stack_size & !3) as i64);
            self.emit(Inst::CmPopret {
                rlist: (3 + len).min(15) as u8,
                spimm: (self.stack_size & 3) as u8,
            });
            return;
        }
        let regs: Vec<Reg> = self.saved().collect();
        for (i, r) in regs.into_iter().enumerate() {
            self.emit(Inst::CLwsp {
                rd: r,
                off: SpOff::clamped(i as i64 * 4),
            });
        }
        self.adjust_stack(self.stack_size as i64);
        self.emit(Inst::CJr(Reg::Ra));
    }

    fn jump(&mut self, label: Label) {
        self.emit_jump(label);
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.jump_if_reg_eq_label(reg, Reg::Zero, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.jump_if_reg_nonzero_label(reg, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.jump_if_reg_eq_label(reg1, reg2, label);
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.emit(Inst::CJr(reg));
    }
    fn call_ind(&mut self, fun: FunKind) {
        self.call_ind_fun(fun);
    }

    /// `asm_rv32_emit_mov_local_reg`: `c.swsp`, `sw`, or through `a6`.
    fn mov_local_reg(&mut self, local_num: usize, reg_src: Reg) {
        let off = self.local_offset(local_num);
        if let Some(off) = SpOff::new(off) {
            self.emit(Inst::CSwsp { rs2: reg_src, off });
        } else if (0..2048).contains(&off) {
            self.emit(Inst::Store {
                w: Width::Word,
                rs2: reg_src,
                rs1: Reg::Sp,
                imm: I12::clamped(off),
            });
        } else {
            let (upper, lower) = split_immediate(off);
            self.load_upper_immediate(REG_TEMP2, upper);
            self.emit(Inst::CAdd {
                rd: REG_TEMP2,
                rs2: Reg::Sp,
            });
            self.emit(Inst::Store {
                w: Width::Word,
                rs2: reg_src,
                rs1: REG_TEMP2,
                imm: low12(lower),
            });
        }
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        self.load_immediate(reg_dest, imm as i32);
    }
    /// `asm_rv32_emit_mov_reg_local`: `c.lwsp`, `lw`, or through the destination.
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: usize) {
        let off = self.local_offset(local_num);
        if let Some(off) = SpOff::new(off) {
            self.emit(Inst::CLwsp { rd: reg_dest, off });
        } else if (0..2048).contains(&off) {
            self.emit(Inst::Load {
                w: Width::Word,
                rd: reg_dest,
                rs1: Reg::Sp,
                imm: I12::clamped(off),
            });
        } else {
            let (upper, lower) = split_immediate(off);
            self.load_upper_immediate(reg_dest, upper);
            self.emit(Inst::CAdd {
                rd: reg_dest,
                rs2: Reg::Sp,
            });
            self.emit(Inst::Load {
                w: Width::Word,
                rd: reg_dest,
                rs1: reg_dest,
                imm: low12(lower),
            });
        }
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.emit(Inst::CMv {
            rd: reg_dest,
            rs2: reg_src,
        });
    }
    /// `asm_rv32_emit_mov_reg_local_addr`: `c.addi4spn`, `addi rd, sp, off`, or `li` + `c.add`.
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: usize) {
        let off = self.local_offset(local_num);
        if let (Some(rd), Some(imm)) =
            (CReg::new(reg_dest), Addi4spn::new(off).filter(|_| off != 0))
        {
            self.emit(Inst::CAddi4spn { rd, imm });
        } else if (0..2048).contains(&off) {
            self.emit(Inst::Imm {
                op: ImmOp::Addi,
                rd: reg_dest,
                rs1: Reg::Sp,
                imm: I12::clamped(off),
            });
        } else {
            self.load_full_immediate(reg_dest, off);
            self.emit(Inst::CAdd {
                rd: reg_dest,
                rs2: Reg::Sp,
            });
        }
    }
    /// `asm_rv32_emit_mov_reg_pcrel`: `auipc rd, hi; addi rd, rd, lo`.
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        let here = self.base.code_pos() as i64;
        let disp = self.base.label_offset(label).map_or(0, |d| d as i64 - here);
        let (upper, lower) = split_immediate(disp);
        self.emit(Inst::Auipc {
            rd: reg_dest,
            imm: Upper::new(upper).unwrap_or(UPPER0),
        });
        self.emit(Inst::Imm {
            op: ImmOp::Addi,
            rd: reg_dest,
            rs1: reg_dest,
            imm: low12(lower),
        });
    }

    fn not_reg(&mut self, reg: Reg) {
        self.emit(Inst::Imm {
            op: ImmOp::Xori,
            rd: reg,
            rs1: reg,
            imm: I12::clamped(-1),
        });
    }
    fn neg_reg(&mut self, reg: Reg) {
        self.emit(Inst::Alu {
            op: AluOp::Sub,
            rd: reg,
            rs1: Reg::Zero,
            rs2: reg,
        });
    }
    /// `ASM_CLR_REG`: `c.li rd, 0` (the emitter stores `zero` directly where it only clears a
    /// register to store it, since RV32 defines `REG_ZERO`).
    fn clr_reg(&mut self, reg: Reg) {
        self.xor_reg_reg(reg, reg);
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.alu(AluOp::Sll, reg_dest, reg_shift);
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.alu(AluOp::Srl, reg_dest, reg_shift);
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.alu(AluOp::Sra, reg_dest, reg_shift);
    }
    fn or_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::Or, dest, src);
    }
    /// `asm_rv32_emit_optimised_xor`: `c.li rd, 0` when both are the same register.
    fn xor_reg_reg(&mut self, dest: Reg, src: Reg) {
        if dest == src {
            self.emit(Inst::CLi {
                rd: dest,
                imm: I6::clamped(0),
            });
        } else {
            self.alu(AluOp::Xor, dest, src);
        }
    }
    /// `asm_rv32_opcode_and(rd, rs, rd)`: the operands are written swapped.
    fn and_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.emit(Inst::Alu {
            op: AluOp::And,
            rd: dest,
            rs1: src,
            rs2: dest,
        });
    }
    fn add_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.emit(Inst::CAdd { rd: dest, rs2: src });
    }
    fn sub_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::Sub, dest, src);
    }
    fn mul_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::Mul, dest, src);
    }

    fn load_reg_reg_offset(&mut self, dest: Reg, base: Reg, word_offset: i32) {
        self.load_reg_reg_offset_sized(dest, base, word_offset, 2);
    }
    fn load8_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.load_reg_reg_offset_sized(dest, base, 0, 0);
    }
    fn load8_reg_reg_offset(&mut self, dest: Reg, base: Reg, byte_offset: i32) {
        self.load_reg_reg_offset_sized(dest, base, byte_offset, 0);
    }
    fn load16_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.load_reg_reg_offset_sized(dest, base, 0, 1);
    }
    fn load16_reg_reg_offset(&mut self, dest: Reg, base: Reg, uint16_offset: i32) {
        self.load_reg_reg_offset_sized(dest, base, uint16_offset, 1);
    }
    fn load32_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.load_reg_reg_offset_sized(dest, base, 0, 2);
    }
    fn load32_reg_reg_offset(&mut self, dest: Reg, base: Reg, uint32_offset: i32) {
        self.load_reg_reg_offset_sized(dest, base, uint32_offset, 2);
    }

    fn store_reg_reg_offset(&mut self, src: Reg, base: Reg, word_offset: i32) {
        self.store_reg_reg_offset_sized(src, base, word_offset, 2);
    }
    fn store8_reg_reg(&mut self, src: Reg, base: Reg) {
        self.store_reg_reg_offset_sized(src, base, 0, 0);
    }
    fn store8_reg_reg_offset(&mut self, src: Reg, base: Reg, byte_offset: i32) {
        self.store_reg_reg_offset_sized(src, base, byte_offset, 0);
    }
    fn store16_reg_reg(&mut self, src: Reg, base: Reg) {
        self.store_reg_reg_offset_sized(src, base, 0, 1);
    }
    fn store16_reg_reg_offset(&mut self, src: Reg, base: Reg, uint16_offset: i32) {
        self.store_reg_reg_offset_sized(src, base, uint16_offset, 1);
    }
    fn store32_reg_reg(&mut self, src: Reg, base: Reg) {
        self.store_reg_reg_offset_sized(src, base, 0, 2);
    }
    fn store32_reg_reg_offset(&mut self, src: Reg, base: Reg, uint32_offset: i32) {
        self.store_reg_reg_offset_sized(src, base, uint32_offset, 2);
    }

    fn load_reg_reg_reg(&mut self, size: u32, dest: Reg, base: Reg, index: Reg) {
        self.ldst_reg_reg_reg(true, size, dest, base, index);
    }
    fn store_reg_reg_reg(&mut self, size: u32, src: Reg, base: Reg, index: Reg) {
        self.ldst_reg_reg_reg(false, size, src, base, index);
    }

    /// `#elif N_RV32` in `emit_native_binary_op`: `slt`/`sltu` (operands swapped for `>`), `<=` as
    /// an inverted swapped `<`, `==` as `sub; sltiu rd, rd, 1`, `!=` as `sub` (swapped); `sltu rd, zero, rd`.
    fn setcc_reg_reg_reg(&mut self, cmp: Comparison, dest: Reg, lhs: Reg, rhs: Reg) {
        let unsigned = !cmp.signed;
        match cmp.op {
            CmpOp::Less => self.lt(lhs, rhs, dest, unsigned),
            CmpOp::More => self.lt(rhs, lhs, dest, unsigned),
            CmpOp::LessEqual => self.le(lhs, rhs, dest, unsigned),
            CmpOp::MoreEqual => self.le(rhs, lhs, dest, unsigned),
            CmpOp::Equal | CmpOp::NotEqual => {
                // `!=` passes its operands the other way round.
                let (rs1, rs2) = if cmp.op == CmpOp::Equal {
                    (lhs, rhs)
                } else {
                    (rhs, lhs)
                };
                self.emit(Inst::Alu {
                    op: AluOp::Sub,
                    rd: dest,
                    rs1,
                    rs2,
                });
                self.emit(if cmp.op == CmpOp::Equal {
                    Inst::Imm {
                        op: ImmOp::Sltiu,
                        rd: dest,
                        rs1: dest,
                        imm: I12::clamped(1),
                    }
                } else {
                    Inst::Alu {
                        op: AluOp::Sltu,
                        rd: dest,
                        rs1: Reg::Zero,
                        rs2: dest,
                    }
                });
            }
        }
    }
}
