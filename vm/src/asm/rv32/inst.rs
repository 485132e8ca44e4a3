//! The RV32 instructions `py/asmrv32.c` can emit, as values that encode themselves exactly as the C
//! functions do and print themselves in assembler syntax (what the table tests feed back to GNU
//! `riscv64-unknown-elf-as`, or to `llvm-mc` for Zcmp, which binutils 2.40 lacks).

use super::encode::{b_type, cb, ci, ciw, cj, cl, cmpp, cr, css, i_type, r_type, s_type, u_type};
use super::imms::{
    dot_rel, Addi4spn, COff, CUpper, Rel12, Rel13, Rel9, Shamt, SpOff, Upper, I12, I6,
};
use super::regs::{CReg, Reg};
use crate::asm::enc::Enc;
use std::fmt;

/// An R-type operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AluOp {
    Add,
    Sub,
    And,
    Or,
    Xor,
    Mul,
    Sll,
    Srl,
    Sra,
    Slt,
    Sltu,
    /// Zba: `rd = (rs1 << 1) + rs2`.
    Sh1add,
    /// Zba: `rd = (rs1 << 2) + rs2`.
    Sh2add,
}

impl AluOp {
    /// Every operation.
    pub const ALL: [AluOp; 13] = [
        AluOp::Add,
        AluOp::Sub,
        AluOp::And,
        AluOp::Or,
        AluOp::Xor,
        AluOp::Mul,
        AluOp::Sll,
        AluOp::Srl,
        AluOp::Sra,
        AluOp::Slt,
        AluOp::Sltu,
        AluOp::Sh1add,
        AluOp::Sh2add,
    ];

    /// `(funct3, funct7)`.
    const fn fields(self) -> (u32, u32) {
        match self {
            AluOp::Add => (0, 0x00),
            AluOp::Sub => (0, 0x20),
            AluOp::And => (7, 0x00),
            AluOp::Or => (6, 0x00),
            AluOp::Xor => (4, 0x00),
            AluOp::Mul => (0, 0x01),
            AluOp::Sll => (1, 0x00),
            AluOp::Srl => (5, 0x00),
            AluOp::Sra => (5, 0x20),
            AluOp::Slt => (2, 0x00),
            AluOp::Sltu => (3, 0x00),
            AluOp::Sh1add => (2, 0x10),
            AluOp::Sh2add => (4, 0x10),
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            AluOp::Add => "add",
            AluOp::Sub => "sub",
            AluOp::And => "and",
            AluOp::Or => "or",
            AluOp::Xor => "xor",
            AluOp::Mul => "mul",
            AluOp::Sll => "sll",
            AluOp::Srl => "srl",
            AluOp::Sra => "sra",
            AluOp::Slt => "slt",
            AluOp::Sltu => "sltu",
            AluOp::Sh1add => "sh1add",
            AluOp::Sh2add => "sh2add",
        }
    }
}

/// An I-type arithmetic operation with a 12-bit immediate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImmOp {
    Addi,
    Xori,
    Sltiu,
}

impl ImmOp {
    /// All three.
    pub const ALL: [ImmOp; 3] = [ImmOp::Addi, ImmOp::Xori, ImmOp::Sltiu];

    const fn f3(self) -> u32 {
        match self {
            ImmOp::Addi => 0,
            ImmOp::Xori => 4,
            ImmOp::Sltiu => 3,
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            ImmOp::Addi => "addi",
            ImmOp::Xori => "xori",
            ImmOp::Sltiu => "sltiu",
        }
    }
}

/// A load or store of 1, 2 or 4 bytes (`operation_size` 0, 1, 2); loads zero-extend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Width {
    Byte = 0,
    Half = 1,
    Word = 2,
}

impl Width {
    /// All three.
    pub const ALL: [Width; 3] = [Width::Byte, Width::Half, Width::Word];

    /// From `operation_size`.
    pub const fn from_size(size: u32) -> Width {
        match size {
            0 => Width::Byte,
            1 => Width::Half,
            _ => Width::Word,
        }
    }

    /// `RV32_LOAD_OPCODE_TABLE`: `lbu lhu lw`.
    const fn load_f3(self) -> u32 {
        match self {
            Width::Byte => 4,
            Width::Half => 5,
            Width::Word => 2,
        }
    }

    /// The load mnemonic.
    pub const fn load(self) -> &'static str {
        match self {
            Width::Byte => "lbu",
            Width::Half => "lhu",
            Width::Word => "lw",
        }
    }

    /// The store mnemonic.
    pub const fn store(self) -> &'static str {
        match self {
            Width::Byte => "sb",
            Width::Half => "sh",
            Width::Word => "sw",
        }
    }
}

/// One instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inst {
    /// R-type `op rd, rs1, rs2`.
    Alu {
        op: AluOp,
        rd: Reg,
        rs1: Reg,
        rs2: Reg,
    },
    /// I-type `op rd, rs1, imm`.
    Imm {
        op: ImmOp,
        rd: Reg,
        rs1: Reg,
        imm: I12,
    },
    /// `slli rd, rs1, shamt`.
    Slli { rd: Reg, rs1: Reg, shamt: Shamt },
    /// `lbu/lhu/lw rd, imm(rs1)`.
    Load {
        w: Width,
        rd: Reg,
        rs1: Reg,
        imm: I12,
    },
    /// `sb/sh/sw rs2, imm(rs1)`.
    Store {
        w: Width,
        rs2: Reg,
        rs1: Reg,
        imm: I12,
    },
    /// `beq rs1, rs2, offset`.
    Beq { rs1: Reg, rs2: Reg, rel: Rel13 },
    /// `bne rs1, rs2, offset`.
    Bne { rs1: Reg, rs2: Reg, rel: Rel13 },
    /// `lui rd, upper`.
    Lui { rd: Reg, imm: Upper },
    /// `auipc rd, upper`.
    Auipc { rd: Reg, imm: Upper },
    /// `jalr rd, imm(rs1)`.
    Jalr { rd: Reg, rs1: Reg, imm: I12 },
    /// `c.addi rd, imm`.
    CAddi { rd: Reg, imm: I6 },
    /// `c.li rd, imm`.
    CLi { rd: Reg, imm: I6 },
    /// `c.lui rd, upper`.
    CLui { rd: Reg, imm: CUpper },
    /// `c.mv rd, rs2`.
    CMv { rd: Reg, rs2: Reg },
    /// `c.add rd, rs2`.
    CAdd { rd: Reg, rs2: Reg },
    /// `c.jr rs1`.
    CJr(Reg),
    /// `c.jalr rs1`.
    CJalr(Reg),
    /// `c.lwsp rd, offset(sp)`.
    CLwsp { rd: Reg, off: SpOff },
    /// `c.swsp rs2, offset(sp)`.
    CSwsp { rs2: Reg, off: SpOff },
    /// `c.addi4spn rd', sp, imm`.
    CAddi4spn { rd: CReg, imm: Addi4spn },
    /// `c.lw rd', offset(rs1')`.
    CLw { rd: CReg, rs1: CReg, off: COff },
    /// `c.sw rs2', offset(rs1')`.
    CSw { rs2: CReg, rs1: CReg, off: COff },
    /// `c.beqz rs1', offset`.
    CBeqz { rs1: CReg, rel: Rel9 },
    /// `c.bnez rs1', offset`.
    CBnez { rs1: CReg, rel: Rel9 },
    /// `c.j offset`.
    CJ(Rel12),
    /// Zcmp `cm.push {ra, s0-sN}, -(frame)`: `rlist` 4..=15, `spimm` 0..=3 extra 16-byte units.
    CmPush { rlist: u8, spimm: u8 },
    /// Zcmp `cm.popret`: restore, release the frame and return.
    CmPopret { rlist: u8, spimm: u8 },
}

/// How an instruction is written.
enum Word {
    Half(u16),
    Full(u32),
}

/// Registers saved by a Zcmp `rlist` (4: `ra`; 5..=14: `ra, s0..`; 15: `ra, s0-s11`).
pub const fn rlist_regs(rlist: u8) -> u32 {
    match rlist {
        15 => 13,
        r if r >= 4 => r as u32 - 3,
        _ => 0,
    }
}

/// `{ra, s0-s4}`.
fn rlist_text(rlist: u8) -> String {
    match rlist_regs(rlist) {
        0 | 1 => "{ra}".to_string(),
        2 => "{ra, s0}".to_string(),
        n => format!("{{ra, s0-s{}}}", n - 2),
    }
}

/// The stack adjustment of `cm.push`/`cm.popret`: the registers' area rounded up to 16 bytes, plus
/// `spimm` × 16.
pub const fn zcmp_frame(rlist: u8, spimm: u8) -> u32 {
    ((rlist_regs(rlist) * 4 + 15) & !15) + 16 * spimm as u32
}

impl Inst {
    fn word(&self) -> Word {
        use Word::{Full, Half};
        match *self {
            Inst::Alu { op, rd, rs1, rs2 } => {
                let (f3, f7) = op.fields();
                Full(r_type(0x33, f3, f7, rd, rs1, rs2))
            }
            Inst::Imm { op, rd, rs1, imm } => Full(i_type(0x13, op.f3(), rd, rs1, imm.get())),
            Inst::Slli { rd, rs1, shamt } => Full(i_type(0x13, 1, rd, rs1, shamt.get() as i32)),
            Inst::Load { w, rd, rs1, imm } => Full(i_type(0x03, w.load_f3(), rd, rs1, imm.get())),
            Inst::Store { w, rs2, rs1, imm } => Full(s_type(0x23, w as u32, rs1, rs2, imm.get())),
            Inst::Beq { rs1, rs2, rel } => Full(b_type(0x63, 0, rs1, rs2, rel.get())),
            Inst::Bne { rs1, rs2, rel } => Full(b_type(0x63, 1, rs1, rs2, rel.get())),
            Inst::Lui { rd, imm } => Full(u_type(0x37, rd, imm.get())),
            Inst::Auipc { rd, imm } => Full(u_type(0x17, rd, imm.get())),
            Inst::Jalr { rd, rs1, imm } => Full(i_type(0x67, 0, rd, rs1, imm.get())),
            Inst::CAddi { rd, imm } => Half(ci(1, 0, rd, imm.get() as u32)),
            Inst::CLi { rd, imm } => Half(ci(1, 2, rd, imm.get() as u32)),
            Inst::CLui { rd, imm } => Half(ci(1, 3, rd, (imm.get() >> 12) as u32)),
            Inst::CMv { rd, rs2 } => Half(cr(2, 8, rd, rs2.num())),
            Inst::CAdd { rd, rs2 } => Half(cr(2, 9, rd, rs2.num())),
            Inst::CJr(rs1) => Half(cr(2, 8, rs1, 0)),
            Inst::CJalr(rs1) => Half(cr(2, 9, rs1, 0)),
            Inst::CLwsp { rd, off } => {
                let o = off.get();
                Half(ci(2, 2, rd, (o & 0xc0) >> 6 | (o & 0x3c)))
            }
            Inst::CSwsp { rs2, off } => Half(css(2, 6, rs2, off.get())),
            Inst::CAddi4spn { rd, imm } => Half(ciw(0, 0, rd, imm.get())),
            Inst::CLw { rd, rs1, off } => Half(cl(0, 2, rd, rs1, off.get())),
            Inst::CSw { rs2, rs1, off } => Half(cl(0, 6, rs2, rs1, off.get())),
            Inst::CBeqz { rs1, rel } => Half(cb(1, 6, rs1, rel.get())),
            Inst::CBnez { rs1, rel } => Half(cb(1, 7, rs1, rel.get())),
            Inst::CJ(rel) => Half(cj(1, 5, rel.get())),
            Inst::CmPush { rlist, spimm } => Half(cmpp(2, 0x2e, 0, rlist as u32, spimm as u32)),
            Inst::CmPopret { rlist, spimm } => Half(cmpp(2, 0x2f, 2, rlist as u32, spimm as u32)),
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

impl fmt::Display for Inst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Inst::Alu { op, rd, rs1, rs2 } => write!(f, "{} {rd}, {rs1}, {rs2}", op.mnemonic()),
            Inst::Imm { op, rd, rs1, imm } => {
                write!(f, "{} {rd}, {rs1}, {}", op.mnemonic(), imm.get())
            }
            Inst::Slli { rd, rs1, shamt } => write!(f, "slli {rd}, {rs1}, {}", shamt.get()),
            Inst::Load { w, rd, rs1, imm } => write!(f, "{} {rd}, {}({rs1})", w.load(), imm.get()),
            Inst::Store { w, rs2, rs1, imm } => {
                write!(f, "{} {rs2}, {}({rs1})", w.store(), imm.get())
            }
            Inst::Beq { rs1, rs2, rel } => {
                write!(f, "beq {rs1}, {rs2}, {}", dot_rel(rel.get() as i64))
            }
            Inst::Bne { rs1, rs2, rel } => {
                write!(f, "bne {rs1}, {rs2}, {}", dot_rel(rel.get() as i64))
            }
            Inst::Lui { rd, imm } => write!(f, "lui {rd}, {:#x}", imm.get() >> 12),
            Inst::Auipc { rd, imm } => write!(f, "auipc {rd}, {:#x}", imm.get() >> 12),
            Inst::Jalr { rd, rs1, imm } => write!(f, "jalr {rd}, {}({rs1})", imm.get()),
            Inst::CAddi { rd, imm } => write!(f, "c.addi {rd}, {}", imm.get()),
            Inst::CLi { rd, imm } => write!(f, "c.li {rd}, {}", imm.get()),
            Inst::CLui { rd, imm } => {
                write!(f, "c.lui {rd}, {:#x}", (imm.get() >> 12) as u32 & 0xfffff)
            }
            Inst::CMv { rd, rs2 } => write!(f, "c.mv {rd}, {rs2}"),
            Inst::CAdd { rd, rs2 } => write!(f, "c.add {rd}, {rs2}"),
            Inst::CJr(rs1) => write!(f, "c.jr {rs1}"),
            Inst::CJalr(rs1) => write!(f, "c.jalr {rs1}"),
            Inst::CLwsp { rd, off } => write!(f, "c.lwsp {rd}, {}(sp)", off.get()),
            Inst::CSwsp { rs2, off } => write!(f, "c.swsp {rs2}, {}(sp)", off.get()),
            Inst::CAddi4spn { rd, imm } => write!(f, "c.addi4spn {rd}, sp, {}", imm.get()),
            Inst::CLw { rd, rs1, off } => write!(f, "c.lw {rd}, {}({rs1})", off.get()),
            Inst::CSw { rs2, rs1, off } => write!(f, "c.sw {rs2}, {}({rs1})", off.get()),
            Inst::CBeqz { rs1, rel } => write!(f, "c.beqz {rs1}, {}", dot_rel(rel.get() as i64)),
            Inst::CBnez { rs1, rel } => write!(f, "c.bnez {rs1}, {}", dot_rel(rel.get() as i64)),
            Inst::CJ(rel) => write!(f, "c.j {}", dot_rel(rel.get() as i64)),
            Inst::CmPush { rlist, spimm } => {
                write!(
                    f,
                    "cm.push {}, -{}",
                    rlist_text(rlist),
                    zcmp_frame(rlist, spimm)
                )
            }
            Inst::CmPopret { rlist, spimm } => {
                write!(
                    f,
                    "cm.popret {}, {}",
                    rlist_text(rlist),
                    zcmp_frame(rlist, spimm)
                )
            }
        }
    }
}
