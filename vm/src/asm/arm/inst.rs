//! The ARM instructions `py/asmarm.c` can emit, as values that encode themselves exactly as the C
//! functions do and print themselves in GNU `as` unified syntax (what the table tests feed back to
//! `arm-none-eabi-as`).

use super::encode::{
    block, branch, bx, dp_imm, dp_reg, ldst_imm, ldst_reg, ldsth_imm, ldsth_reg, mov_shift_imm,
    mov_shift_reg, mul,
};
use super::imms::{dot_rel, Rel24, U12, U5, U8};
use super::regs::{Cond, Reg};
use crate::asm::enc::Enc;
use std::fmt;

/// A three-register data-processing operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DpOp {
    And,
    Eor,
    Sub,
    Add,
    Orr,
}

impl DpOp {
    /// Every operation MicroPython emits.
    pub const ALL: [DpOp; 5] = [DpOp::And, DpOp::Eor, DpOp::Sub, DpOp::Add, DpOp::Orr];

    /// The 4-bit opcode.
    pub const fn opcode(self) -> u32 {
        match self {
            DpOp::And => 0,
            DpOp::Eor => 1,
            DpOp::Sub => 2,
            DpOp::Add => 4,
            DpOp::Orr => 12,
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            DpOp::And => "and",
            DpOp::Eor => "eor",
            DpOp::Sub => "sub",
            DpOp::Add => "add",
            DpOp::Orr => "orr",
        }
    }
}

/// A data-processing operation with an immediate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImmOp {
    Add,
    Sub,
    /// Reverse subtract: `rd = imm - rn`.
    Rsb,
}

impl ImmOp {
    /// Every operation MicroPython emits.
    pub const ALL: [ImmOp; 3] = [ImmOp::Add, ImmOp::Sub, ImmOp::Rsb];

    const fn opcode(self) -> u32 {
        match self {
            ImmOp::Add => 4,
            ImmOp::Sub => 2,
            ImmOp::Rsb => 3,
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            ImmOp::Add => "add",
            ImmOp::Sub => "sub",
            ImmOp::Rsb => "rsb",
        }
    }
}

/// A shift kind (the `sh` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shift {
    Lsl = 0,
    Lsr = 1,
    Asr = 2,
}

impl Shift {
    /// All three.
    pub const ALL: [Shift; 3] = [Shift::Lsl, Shift::Lsr, Shift::Asr];

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            Shift::Lsl => "lsl",
            Shift::Lsr => "lsr",
            Shift::Asr => "asr",
        }
    }
}

/// A word or byte load/store.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LdSt {
    Ldr,
    Str,
    Ldrb,
    Strb,
}

impl LdSt {
    /// All four.
    pub const ALL: [LdSt; 4] = [LdSt::Ldr, LdSt::Str, LdSt::Ldrb, LdSt::Strb];

    const fn load(self) -> bool {
        matches!(self, LdSt::Ldr | LdSt::Ldrb)
    }

    const fn byte(self) -> bool {
        matches!(self, LdSt::Ldrb | LdSt::Strb)
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            LdSt::Ldr => "ldr",
            LdSt::Str => "str",
            LdSt::Ldrb => "ldrb",
            LdSt::Strb => "strb",
        }
    }
}

/// One instruction or data word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inst {
    /// `asm_arm_op_{and,eor,sub,add,orr}_reg`: `op rd, rn, rm`.
    Dp { op: DpOp, rd: Reg, rn: Reg, rm: Reg },
    /// `asm_arm_op_mov_reg`.
    MovReg { rd: Reg, rm: Reg },
    /// `asm_arm_op_mvn_reg`.
    MvnReg { rd: Reg, rm: Reg },
    /// `asm_arm_cmp_reg_reg`: flags of `rn - rm`.
    CmpReg { rn: Reg, rm: Reg },
    /// `asm_arm_op_mov_imm`, possibly conditional (`asm_arm_setcc_reg`).
    MovImm { cond: Cond, rd: Reg, imm: U8 },
    /// `asm_arm_op_mvn_imm`: `rd = ~imm`.
    MvnImm { rd: Reg, imm: U8 },
    /// `asm_arm_cmp_reg_i8`.
    CmpImm { rn: Reg, imm: U8 },
    /// `asm_arm_op_{add,sub,rsb}_imm`.
    Imm {
        op: ImmOp,
        rd: Reg,
        rn: Reg,
        imm: U8,
    },
    /// `asm_arm_{lsl,lsr,asr}_reg_reg`: `mov rd, rm, <shift> rs`.
    ShiftReg {
        shift: Shift,
        rd: Reg,
        rm: Reg,
        rs: Reg,
    },
    /// `mov rd, rm, <shift> #imm` (the index scaling of `asm_arm_{ldrh,strh}_reg_reg_reg`).
    ShiftImm {
        shift: Shift,
        rd: Reg,
        rm: Reg,
        imm: U5,
    },
    /// `asm_arm_op_mul_reg`: `mul rd, rm, rs`.
    Mul { rd: Reg, rm: Reg, rs: Reg },
    /// Word/byte access `[rn, #imm12]`.
    LdStImm {
        op: LdSt,
        rt: Reg,
        rn: Reg,
        imm: U12,
    },
    /// Word/byte access `[rn, rm]` or `[rn, rm, lsl #2]`.
    LdStReg {
        op: LdSt,
        rt: Reg,
        rn: Reg,
        rm: Reg,
        lsl2: bool,
    },
    /// Halfword access `[rn, #imm8]`.
    LdStHImm {
        load: bool,
        rt: Reg,
        rn: Reg,
        imm: U8,
    },
    /// Halfword access `[rn, rm]`.
    LdStHReg {
        load: bool,
        rt: Reg,
        rn: Reg,
        rm: Reg,
    },
    /// `asm_arm_op_push`.
    Push(u16),
    /// `asm_arm_op_pop`.
    Pop(u16),
    /// `b<cond>`, offset in words from the address plus 8.
    B { cond: Cond, rel: Rel24 },
    /// `asm_arm_bx_reg`.
    Bx(Reg),
    /// A literal word in the code (`emit(as, imm)`).
    Word(u32),
}

impl Inst {
    /// The instruction word.
    pub fn word(&self) -> u32 {
        let al = Cond::Al;
        match *self {
            Inst::Dp { op, rd, rn, rm } => dp_reg(al, op.opcode(), false, rn, rd, rm),
            Inst::MovReg { rd, rm } => dp_reg(al, 13, false, Reg::R0, rd, rm),
            Inst::MvnReg { rd, rm } => dp_reg(al, 15, false, Reg::R0, rd, rm),
            Inst::CmpReg { rn, rm } => dp_reg(al, 10, true, rn, Reg::R0, rm),
            Inst::MovImm { cond, rd, imm } => dp_imm(cond, 13, false, Reg::R0, rd, imm),
            Inst::MvnImm { rd, imm } => dp_imm(al, 15, false, Reg::R0, rd, imm),
            Inst::CmpImm { rn, imm } => dp_imm(al, 10, true, rn, Reg::R0, imm),
            Inst::Imm { op, rd, rn, imm } => dp_imm(al, op.opcode(), false, rn, rd, imm),
            Inst::ShiftReg { shift, rd, rm, rs } => mov_shift_reg(al, rd, rm, shift as u32, rs),
            Inst::ShiftImm { shift, rd, rm, imm } => mov_shift_imm(al, rd, rm, shift as u32, imm),
            Inst::Mul { rd, rm, rs } => mul(al, rd, rm, rs),
            Inst::LdStImm { op, rt, rn, imm } => ldst_imm(al, op.load(), op.byte(), rt, rn, imm),
            Inst::LdStReg {
                op,
                rt,
                rn,
                rm,
                lsl2,
            } => ldst_reg(
                al,
                op.load(),
                op.byte(),
                rt,
                rn,
                rm,
                U5::clamped(if lsl2 { 2 } else { 0 }),
            ),
            Inst::LdStHImm { load, rt, rn, imm } => ldsth_imm(al, load, rt, rn, imm),
            Inst::LdStHReg { load, rt, rn, rm } => ldsth_reg(al, load, rt, rn, rm),
            Inst::Push(list) => block(al, false, list),
            Inst::Pop(list) => block(al, true, list),
            Inst::B { cond, rel } => branch(cond, rel),
            Inst::Bx(rm) => bx(al, rm),
            Inst::Word(w) => w,
        }
    }

    /// Encodes the instruction (little endian).
    pub fn encode(&self, e: &mut Enc) {
        e.bytes(&self.word().to_le_bytes());
    }

    /// The encoded bytes.
    pub fn bytes(&self) -> Enc {
        let mut e = Enc::new();
        self.encode(&mut e);
        e
    }
}

/// `{r1, r2, lr}`.
fn list_text(list: u16) -> String {
    let regs: Vec<&str> = (0..16)
        .filter(|i| list & (1 << i) != 0)
        .map(|i| Reg::ALL[i].name())
        .collect();
    format!("{{{}}}", regs.join(", "))
}

impl fmt::Display for Inst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Inst::Dp { op, rd, rn, rm } => write!(f, "{} {rd}, {rn}, {rm}", op.mnemonic()),
            Inst::MovReg { rd, rm } => write!(f, "mov {rd}, {rm}"),
            Inst::MvnReg { rd, rm } => write!(f, "mvn {rd}, {rm}"),
            Inst::CmpReg { rn, rm } => write!(f, "cmp {rn}, {rm}"),
            Inst::MovImm { cond, rd, imm } => {
                write!(f, "mov{} {rd}, #{}", cond.suffix(), imm.get())
            }
            Inst::MvnImm { rd, imm } => write!(f, "mvn {rd}, #{}", imm.get()),
            Inst::CmpImm { rn, imm } => write!(f, "cmp {rn}, #{}", imm.get()),
            Inst::Imm { op, rd, rn, imm } => {
                write!(f, "{} {rd}, {rn}, #{}", op.mnemonic(), imm.get())
            }
            Inst::ShiftReg { shift, rd, rm, rs } => {
                write!(f, "{} {rd}, {rm}, {rs}", shift.mnemonic())
            }
            Inst::ShiftImm { shift, rd, rm, imm } => {
                write!(f, "{} {rd}, {rm}, #{}", shift.mnemonic(), imm.get())
            }
            Inst::Mul { rd, rm, rs } => write!(f, "mul {rd}, {rm}, {rs}"),
            Inst::LdStImm { op, rt, rn, imm } => {
                write!(f, "{} {rt}, [{rn}, #{}]", op.mnemonic(), imm.get())
            }
            Inst::LdStReg {
                op,
                rt,
                rn,
                rm,
                lsl2,
            } => {
                let sh = if lsl2 { ", lsl #2" } else { "" };
                write!(f, "{} {rt}, [{rn}, {rm}{sh}]", op.mnemonic())
            }
            Inst::LdStHImm { load, rt, rn, imm } => {
                let m = if load { "ldrh" } else { "strh" };
                write!(f, "{m} {rt}, [{rn}, #{}]", imm.get())
            }
            Inst::LdStHReg { load, rt, rn, rm } => {
                let m = if load { "ldrh" } else { "strh" };
                write!(f, "{m} {rt}, [{rn}, {rm}]")
            }
            Inst::Push(list) => write!(f, "push {}", list_text(list)),
            Inst::Pop(list) => write!(f, "pop {}", list_text(list)),
            Inst::B { cond, rel } => write!(
                f,
                "b{} {}",
                cond.suffix(),
                dot_rel(rel.get() as i64 * 4 + 8)
            ),
            Inst::Bx(rm) => write!(f, "bx {rm}"),
            Inst::Word(w) => write!(f, ".word {w:#010x}"),
        }
    }
}
