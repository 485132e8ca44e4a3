//! The RV32 instructions only `@micropython.asm_rv32` writes (`py/emitinlinerv32.c`): the rest of
//! RV32IM (all R-type operations, I-type ALU and loads, stores, all branches, `jal`, CSR access,
//! `ecall`/`ebreak`), the rest of the C extension (`c.and`..`c.sub`, `c.andi`, shifts, `c.jal`,
//! `c.nop`, `c.ebreak`), Zba's `sh3add`, and Zcmp's `cm.pop`/`cm.popretz`/`cm.mva01s`/`cm.mvsa01`.
//! Each encodes itself exactly as the C does and prints itself in GNU `as` syntax (checked against
//! `riscv64-unknown-elf-as` in `inline_encode_table`).

use super::encode::{b_type, ci, cj, cmpp, i_type, r_type, s_type};
use super::imms::{dot_rel, Rel13, Shamt, I12, I6};
use super::regs::{CReg, Reg};
use crate::asm::enc::Enc;
use std::fmt;

/// An R-type operation (`op rd, rs1, rs2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ROp {
    Add,
    Sub,
    And,
    Or,
    Xor,
    Sll,
    Srl,
    Sra,
    Slt,
    Sltu,
    Mul,
    Mulh,
    Mulhsu,
    Mulhu,
    Div,
    Divu,
    Rem,
    Remu,
    Sh1add,
    Sh2add,
    Sh3add,
}

impl ROp {
    /// Every operation.
    pub const ALL: [ROp; 21] = [
        ROp::Add,
        ROp::Sub,
        ROp::And,
        ROp::Or,
        ROp::Xor,
        ROp::Sll,
        ROp::Srl,
        ROp::Sra,
        ROp::Slt,
        ROp::Sltu,
        ROp::Mul,
        ROp::Mulh,
        ROp::Mulhsu,
        ROp::Mulhu,
        ROp::Div,
        ROp::Divu,
        ROp::Rem,
        ROp::Remu,
        ROp::Sh1add,
        ROp::Sh2add,
        ROp::Sh3add,
    ];

    /// `(funct3, funct7)`.
    pub const fn fields(self) -> (u32, u32) {
        match self {
            ROp::Add => (0, 0x00),
            ROp::Sub => (0, 0x20),
            ROp::And => (7, 0x00),
            ROp::Or => (6, 0x00),
            ROp::Xor => (4, 0x00),
            ROp::Sll => (1, 0x00),
            ROp::Srl => (5, 0x00),
            ROp::Sra => (5, 0x20),
            ROp::Slt => (2, 0x00),
            ROp::Sltu => (3, 0x00),
            ROp::Mul => (0, 0x01),
            ROp::Mulh => (1, 0x01),
            ROp::Mulhsu => (2, 0x01),
            ROp::Mulhu => (3, 0x01),
            ROp::Div => (4, 0x01),
            ROp::Divu => (5, 0x01),
            ROp::Rem => (6, 0x01),
            ROp::Remu => (7, 0x01),
            ROp::Sh1add => (2, 0x10),
            ROp::Sh2add => (4, 0x10),
            ROp::Sh3add => (6, 0x10),
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            ROp::Add => "add",
            ROp::Sub => "sub",
            ROp::And => "and",
            ROp::Or => "or",
            ROp::Xor => "xor",
            ROp::Sll => "sll",
            ROp::Srl => "srl",
            ROp::Sra => "sra",
            ROp::Slt => "slt",
            ROp::Sltu => "sltu",
            ROp::Mul => "mul",
            ROp::Mulh => "mulh",
            ROp::Mulhsu => "mulhsu",
            ROp::Mulhu => "mulhu",
            ROp::Div => "div",
            ROp::Divu => "divu",
            ROp::Rem => "rem",
            ROp::Remu => "remu",
            ROp::Sh1add => "sh1add",
            ROp::Sh2add => "sh2add",
            ROp::Sh3add => "sh3add",
        }
    }
}

/// An I-type operation with a 12-bit signed immediate (`op rd, rs1, imm` / `op rd, imm(rs1)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IOp {
    Addi,
    Slti,
    Sltiu,
    Xori,
    Ori,
    Andi,
    Jalr,
    Lb,
    Lh,
    Lw,
    Lbu,
    Lhu,
}

impl IOp {
    /// `(opcode, funct3)`.
    pub const fn fields(self) -> (u32, u32) {
        match self {
            IOp::Addi => (0x13, 0),
            IOp::Slti => (0x13, 2),
            IOp::Sltiu => (0x13, 3),
            IOp::Xori => (0x13, 4),
            IOp::Ori => (0x13, 6),
            IOp::Andi => (0x13, 7),
            IOp::Jalr => (0x67, 0),
            IOp::Lb => (0x03, 0),
            IOp::Lh => (0x03, 1),
            IOp::Lw => (0x03, 2),
            IOp::Lbu => (0x03, 4),
            IOp::Lhu => (0x03, 5),
        }
    }

    /// Loads and `jalr` are written `rd, imm(rs1)`.
    pub const fn is_offset_form(self) -> bool {
        matches!(
            self,
            IOp::Jalr | IOp::Lb | IOp::Lh | IOp::Lw | IOp::Lbu | IOp::Lhu
        )
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            IOp::Addi => "addi",
            IOp::Slti => "slti",
            IOp::Sltiu => "sltiu",
            IOp::Xori => "xori",
            IOp::Ori => "ori",
            IOp::Andi => "andi",
            IOp::Jalr => "jalr",
            IOp::Lb => "lb",
            IOp::Lh => "lh",
            IOp::Lw => "lw",
            IOp::Lbu => "lbu",
            IOp::Lhu => "lhu",
        }
    }
}

/// A shift by an immediate (`slli`/`srli`/`srai`, funct7 in the immediate's top bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShiftOp {
    Slli,
    Srli,
    Srai,
}

impl ShiftOp {
    /// `(funct3, imm[11:5])`.
    pub const fn fields(self) -> (u32, u32) {
        match self {
            ShiftOp::Slli => (1, 0x00),
            ShiftOp::Srli => (5, 0x00),
            ShiftOp::Srai => (5, 0x20),
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            ShiftOp::Slli => "slli",
            ShiftOp::Srli => "srli",
            ShiftOp::Srai => "srai",
        }
    }
}

/// A store width (`sb`/`sh`/`sw`: funct3 0, 1, 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StoreOp {
    Sb,
    Sh,
    Sw,
}

impl StoreOp {
    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            StoreOp::Sb => "sb",
            StoreOp::Sh => "sh",
            StoreOp::Sw => "sw",
        }
    }
}

/// A conditional branch (funct3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BranchOp {
    Beq = 0,
    Bne = 1,
    Blt = 4,
    Bge = 5,
    Bltu = 6,
    Bgeu = 7,
}

impl BranchOp {
    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            BranchOp::Beq => "beq",
            BranchOp::Bne => "bne",
            BranchOp::Blt => "blt",
            BranchOp::Bge => "bge",
            BranchOp::Bltu => "bltu",
            BranchOp::Bgeu => "bgeu",
        }
    }
}

/// A CSR operation (funct3 1..=3 with a register, 5..=7 with a 5-bit immediate).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CsrOp {
    /// Read and write.
    Rw = 1,
    /// Read and set bits.
    Rs = 2,
    /// Read and clear bits.
    Rc = 3,
}

impl CsrOp {
    /// The mnemonic (`imm` for the `i` form).
    pub fn mnemonic(self, imm: bool) -> String {
        let base = match self {
            CsrOp::Rw => "csrrw",
            CsrOp::Rs => "csrrs",
            CsrOp::Rc => "csrrc",
        };
        if imm {
            format!("{base}i")
        } else {
            base.to_string()
        }
    }
}

/// A two-register compressed ALU operation (CA format).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaOp {
    Sub = 0,
    Xor = 1,
    Or = 2,
    And = 3,
}

impl CaOp {
    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            CaOp::Sub => "c.sub",
            CaOp::Xor => "c.xor",
            CaOp::Or => "c.or",
            CaOp::And => "c.and",
        }
    }
}

/// A Zcmp push/pop (`cm.push` / `cm.pop` / `cm.popretz` / `cm.popret`), by its funct bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ZcmpOp {
    Push,
    Pop,
    Popretz,
    Popret,
}

impl ZcmpOp {
    /// `(funct6, funct2)` of the CMPP format.
    pub const fn fields(self) -> (u32, u32) {
        match self {
            ZcmpOp::Push => (0x2e, 0),
            ZcmpOp::Pop => (0x2e, 2),
            ZcmpOp::Popretz => (0x2f, 0),
            ZcmpOp::Popret => (0x2f, 2),
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            ZcmpOp::Push => "cm.push",
            ZcmpOp::Pop => "cm.pop",
            ZcmpOp::Popretz => "cm.popretz",
            ZcmpOp::Popret => "cm.popret",
        }
    }
}

/// A 12-bit unsigned field (a CSR number).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Csr(u16);

impl Csr {
    /// `Some` for 0..=4095.
    pub const fn new(v: i64) -> Option<Csr> {
        if v >= 0 && v < 4096 {
            Some(Csr(v as u16))
        } else {
            None
        }
    }

    /// The number.
    pub const fn get(self) -> u32 {
        self.0 as u32
    }
}

/// A 5-bit unsigned field (CSR immediates, compressed shift amounts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct U5(u8);

impl U5 {
    /// `Some` for 0..=31.
    pub const fn new(v: i64) -> Option<U5> {
        if v >= 0 && v < 32 {
            Some(U5(v as u8))
        } else {
            None
        }
    }

    /// The value.
    pub const fn get(self) -> u32 {
        self.0 as u32
    }
}

/// A `jal` offset: even, 21 bits (±1 MiB).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rel21(i32);

impl Rel21 {
    /// `Some` if even and in range.
    pub const fn new(v: i64) -> Option<Rel21> {
        if v >= -(1 << 20) && v < (1 << 20) && v % 2 == 0 {
            Some(Rel21(v as i32))
        } else {
            None
        }
    }

    /// The offset.
    pub const fn get(self) -> i32 {
        self.0
    }
}

/// An `s`-register of `cm.mva01s`/`cm.mvsa01` (`s0`..`s7`, 3 bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SReg(Reg);

impl SReg {
    /// `Some` for `s0`, `s1`, `s2`..`s7`.
    pub const fn new(r: Reg) -> Option<SReg> {
        match r as u8 {
            8 | 9 | 18..=23 => Some(SReg(r)),
            _ => None,
        }
    }

    /// The 3-bit `sreg` number.
    pub const fn num(self) -> u32 {
        match self.0 as u32 {
            n @ 8..=9 => n - 8,
            n => n - 16,
        }
    }
}

/// J-type: `jal rd, offset`.
///
/// ```text
/// 31 30------21 20 19------12 11---7 6-----0
/// |20| imm[10:1] |11| imm[19:12] |  rd  | opcode |
/// ```
pub const fn j_type(opcode: u32, rd: Reg, imm: i32) -> u32 {
    let i = imm as u32;
    (i & 0x10_0000) << 11
        | (i & 0x7fe) << 20
        | (i & 0x800) << 9
        | (i & 0xf_f000)
        | rd.num() << 7
        | opcode
}

/// CA: `c.sub`/`c.xor`/`c.or`/`c.and rd', rs2'`, as mpy-cross 1.29 writes it: its
/// `RV32_ENCODE_TYPE_CA` keeps only the low two bits of each register field, so `a2`..`a5` come out
/// as `s0`..`a1` (the real encoding has three bits; GNU `as` agrees for `s0 s1 a0 a1` only).
///
/// ```text
/// 15----10  9  8-7 6-5  4  3-2 1-0
/// | 100011 | 0 | rd'| f2 | 0 |rs2'| 01 |
/// ```
pub const fn ca(f2: u32, rd: CReg, rs2: CReg) -> u16 {
    (0x8c01 | (rd.num() & 3) << 7 | f2 << 5 | (rs2.num() & 3) << 2) as u16
}

/// CB with an immediate: `c.srli`/`c.srai` (`f2` 0/1) and `c.andi` (`f2` 2).
///
/// ```text
/// 15-13  12  11-10 9---7 6------2 1-0
/// | 100 |i[5]| f2 | rd' | i[4:0] | 01 |
/// ```
pub const fn cb_imm(f2: u32, rd: CReg, imm6: u32) -> u16 {
    (0x8001 | (imm6 & 0x20) << 7 | f2 << 10 | rd.num() << 7 | (imm6 & 0x1f) << 2) as u16
}

/// CMMV: `cm.mvsa01` (`f2` 1) / `cm.mva01s` (`f2` 3) `r1s', r2s'`.
///
/// ```text
/// 15----10 9---7 6-5 4---2 1-0
/// | 101011 | r1s'| f2 | r2s'| 10 |
/// ```
pub const fn cmmv(f2: u32, r1: SReg, r2: SReg) -> u16 {
    (0xac02 | r1.num() << 7 | f2 << 5 | r2.num() << 2) as u16
}

/// One instruction only the inline assembler writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InlineInst {
    /// `op rd, rs1, rs2`.
    R {
        op: ROp,
        rd: Reg,
        rs1: Reg,
        rs2: Reg,
    },
    /// `op rd, rs1, imm` or `op rd, imm(rs1)`.
    I {
        op: IOp,
        rd: Reg,
        rs1: Reg,
        imm: I12,
    },
    /// `slli`/`srli`/`srai rd, rs1, shamt`.
    Shift {
        op: ShiftOp,
        rd: Reg,
        rs1: Reg,
        shamt: Shamt,
    },
    /// `sb`/`sh`/`sw rs2, imm(rs1)`.
    Store {
        op: StoreOp,
        rs2: Reg,
        rs1: Reg,
        imm: I12,
    },
    /// `b<cc> rs1, rs2, offset`.
    Branch {
        op: BranchOp,
        rs1: Reg,
        rs2: Reg,
        rel: Rel13,
    },
    /// `jal rd, offset`.
    Jal { rd: Reg, rel: Rel21 },
    /// `csrr<op> rd, csr, rs1`.
    Csr {
        op: CsrOp,
        rd: Reg,
        csr: Csr,
        rs1: Reg,
    },
    /// `csrr<op>i rd, csr, uimm`.
    CsrI {
        op: CsrOp,
        rd: Reg,
        csr: Csr,
        uimm: U5,
    },
    /// `ecall`.
    Ecall,
    /// `ebreak`.
    Ebreak,
    /// `c.sub`/`c.xor`/`c.or`/`c.and rd', rs2'`.
    Ca { op: CaOp, rd: CReg, rs2: CReg },
    /// `c.andi rd', imm`.
    CAndi { rd: CReg, imm: I6 },
    /// `c.srli rd', shamt` (`arith`: `c.srai`).
    CShiftRight { arith: bool, rd: CReg, shamt: U5 },
    /// `c.slli rd, shamt`.
    CSlli { rd: Reg, shamt: U5 },
    /// `c.jal offset` (RV32 only).
    CJal(super::imms::Rel12),
    /// `c.nop`.
    CNop,
    /// `c.ebreak`.
    CEbreak,
    /// `cm.push`/`cm.pop`/`cm.popretz`/`cm.popret {rlist}, spimm` (MicroPython always writes 0).
    Zcmp { op: ZcmpOp, rlist: u8, spimm: u8 },
    /// `cm.mva01s r1s', r2s'` (`to_a`) or `cm.mvsa01`.
    CmMv { to_a: bool, r1: SReg, r2: SReg },
}

/// How an instruction is written.
enum Word {
    Half(u16),
    Full(u32),
}

impl InlineInst {
    fn word(&self) -> Word {
        use Word::{Full, Half};
        match *self {
            InlineInst::R { op, rd, rs1, rs2 } => {
                let (f3, f7) = op.fields();
                Full(r_type(0x33, f3, f7, rd, rs1, rs2))
            }
            InlineInst::I { op, rd, rs1, imm } => {
                let (opcode, f3) = op.fields();
                Full(i_type(opcode, f3, rd, rs1, imm.get()))
            }
            InlineInst::Shift { op, rd, rs1, shamt } => {
                let (f3, f7) = op.fields();
                Full(i_type(0x13, f3, rd, rs1, (f7 << 5 | shamt.get()) as i32))
            }
            InlineInst::Store { op, rs2, rs1, imm } => {
                Full(s_type(0x23, op as u32, rs1, rs2, imm.get()))
            }
            InlineInst::Branch { op, rs1, rs2, rel } => {
                Full(b_type(0x63, op as u32, rs1, rs2, rel.get()))
            }
            InlineInst::Jal { rd, rel } => Full(j_type(0x6f, rd, rel.get())),
            InlineInst::Csr { op, rd, csr, rs1 } => {
                Full(i_type(0x73, op as u32, rd, rs1, csr.get() as i32))
            }
            InlineInst::CsrI { op, rd, csr, uimm } => Full(
                (csr.get() << 20) | uimm.get() << 15 | (op as u32 + 4) << 12 | rd.num() << 7 | 0x73,
            ),
            InlineInst::Ecall => Full(0x0000_0073),
            InlineInst::Ebreak => Full(0x0010_0073),
            InlineInst::Ca { op, rd, rs2 } => Half(ca(op as u32, rd, rs2)),
            InlineInst::CAndi { rd, imm } => Half(cb_imm(2, rd, imm.get() as u32)),
            InlineInst::CShiftRight { arith, rd, shamt } => {
                Half(cb_imm(arith as u32, rd, shamt.get()))
            }
            InlineInst::CSlli { rd, shamt } => Half(ci(2, 0, rd, shamt.get())),
            InlineInst::CJal(rel) => Half(cj(1, 1, rel.get())),
            InlineInst::CNop => Half(0x0001),
            InlineInst::CEbreak => Half(0x9002),
            InlineInst::Zcmp { op, rlist, spimm } => {
                let (f6, f2) = op.fields();
                Half(cmpp(2, f6, f2, rlist as u32, spimm as u32))
            }
            InlineInst::CmMv { to_a, r1, r2 } => Half(cmmv(if to_a { 3 } else { 1 }, r1, r2)),
        }
    }

    /// Encodes the instruction (little endian, 2 or 4 bytes).
    pub fn encode(&self, e: &mut Enc) {
        match self.word() {
            Word::Half(h) => e.bytes(&h.to_le_bytes()),
            Word::Full(w) => e.bytes(&w.to_le_bytes()),
        }
    }

    /// The encoded bytes.
    pub fn bytes(&self) -> Enc {
        let mut e = Enc::new();
        self.encode(&mut e);
        e
    }
}

/// `{ra, s0-s4}` for a Zcmp `rlist` (4..=15).
fn rlist_text(rlist: u8) -> String {
    match rlist {
        0..=4 => "{ra}".to_string(),
        5 => "{ra, s0}".to_string(),
        15 => "{ra, s0-s11}".to_string(),
        r => format!("{{ra, s0-s{}}}", r - 5),
    }
}

/// The stack adjustment written for `spimm` (the register area rounded up to 16 bytes).
fn zcmp_adj(rlist: u8, spimm: u8) -> u32 {
    let regs = match rlist {
        15 => 13,
        r if r >= 4 => r as u32 - 3,
        _ => 0,
    };
    ((regs * 4 + 15) & !15) + 16 * spimm as u32
}

impl fmt::Display for InlineInst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            InlineInst::R { op, rd, rs1, rs2 } => write!(f, "{} {rd}, {rs1}, {rs2}", op.mnemonic()),
            InlineInst::I { op, rd, rs1, imm } if op.is_offset_form() => {
                write!(f, "{} {rd}, {}({rs1})", op.mnemonic(), imm.get())
            }
            InlineInst::I { op, rd, rs1, imm } => {
                write!(f, "{} {rd}, {rs1}, {}", op.mnemonic(), imm.get())
            }
            InlineInst::Shift { op, rd, rs1, shamt } => {
                write!(f, "{} {rd}, {rs1}, {}", op.mnemonic(), shamt.get())
            }
            InlineInst::Store { op, rs2, rs1, imm } => {
                write!(f, "{} {rs2}, {}({rs1})", op.mnemonic(), imm.get())
            }
            InlineInst::Branch { op, rs1, rs2, rel } => write!(
                f,
                "{} {rs1}, {rs2}, {}",
                op.mnemonic(),
                dot_rel(rel.get() as i64)
            ),
            InlineInst::Jal { rd, rel } => write!(f, "jal {rd}, {}", dot_rel(rel.get() as i64)),
            InlineInst::Csr { op, rd, csr, rs1 } => {
                write!(f, "{} {rd}, {:#x}, {rs1}", op.mnemonic(false), csr.get())
            }
            InlineInst::CsrI { op, rd, csr, uimm } => write!(
                f,
                "{} {rd}, {:#x}, {}",
                op.mnemonic(true),
                csr.get(),
                uimm.get()
            ),
            InlineInst::Ecall => write!(f, "ecall"),
            InlineInst::Ebreak => write!(f, "ebreak"),
            InlineInst::Ca { op, rd, rs2 } => write!(f, "{} {rd}, {rs2}", op.mnemonic()),
            InlineInst::CAndi { rd, imm } => write!(f, "c.andi {rd}, {}", imm.get()),
            InlineInst::CShiftRight { arith, rd, shamt } => write!(
                f,
                "{} {rd}, {}",
                if arith { "c.srai" } else { "c.srli" },
                shamt.get()
            ),
            InlineInst::CSlli { rd, shamt } => write!(f, "c.slli {rd}, {}", shamt.get()),
            InlineInst::CJal(rel) => write!(f, "c.jal {}", dot_rel(rel.get() as i64)),
            InlineInst::CNop => write!(f, "c.nop"),
            InlineInst::CEbreak => write!(f, "c.ebreak"),
            InlineInst::Zcmp { op, rlist, spimm } => {
                let adj = zcmp_adj(rlist, spimm);
                if op == ZcmpOp::Push {
                    write!(f, "{} {}, -{adj}", op.mnemonic(), rlist_text(rlist))
                } else {
                    write!(f, "{} {}, {adj}", op.mnemonic(), rlist_text(rlist))
                }
            }
            InlineInst::CmMv { to_a, r1, r2 } => write!(
                f,
                "{} {}, {}",
                if to_a { "cm.mva01s" } else { "cm.mvsa01" },
                r1.0,
                r2.0
            ),
        }
    }
}

#[cfg(test)]
#[path = "inline_encode_table.rs"]
#[rustfmt::skip]
mod inline_encode_table;

#[cfg(test)]
mod tests {
    use super::inline_encode_table::ROWS;

    /// Every row of `inline_encode_table.rs` (bytes from a real assembler) encodes to the same bytes
    /// and prints as the same text.
    #[test]
    fn encoder_matches_assembler() {
        let mut bad = Vec::new();
        for (inst, text, bytes) in ROWS {
            let got = inst.bytes();
            let got_text = inst.to_string();
            if got.as_slice() != *bytes || got_text != *text {
                bad.push(format!(
                    "{inst:?}\n  as:  {text:<40} {bytes:02x?}\n  us:  {got_text:<40} {:02x?}",
                    got.as_slice()
                ));
            }
        }
        assert!(
            bad.is_empty(),
            "{} of {} rows differ:\n{}",
            bad.len(),
            ROWS.len(),
            bad.join("\n")
        );
    }
}
