//! The Xtensa instructions `py/asmxtensa.c` can emit, as values that encode themselves exactly as
//! the C functions do and print themselves in GNU `as` syntax (what the table tests feed back to
//! `xtensa-lx106-elf-as`). `call0` and `l32r` address relative to a word-aligned pc; their text assumes
//! the instruction itself is word-aligned.

use super::encode::{
    bcc, bccz, call, callx, entry, ldst, ldst_n, movi, ri16, ri7, rri8, rrr, rrrn,
};
use super::imms::{dot_rel, MoviN, I12, I16, I18, I8, U12, U4, U8};
use super::regs::{Cc, Ccz, Reg};
use crate::asm::enc::Enc;
use std::fmt;

/// A three-register RRR operation `op ar, as, at`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AluOp {
    Add,
    And,
    Or,
    Xor,
    Sub,
    Mull,
    /// `ar = (as << 1) + at`.
    Addx2,
    /// `ar = (as << 2) + at`.
    Addx4,
}

impl AluOp {
    /// Every operation.
    pub const ALL: [AluOp; 8] = [
        AluOp::Add,
        AluOp::And,
        AluOp::Or,
        AluOp::Xor,
        AluOp::Sub,
        AluOp::Mull,
        AluOp::Addx2,
        AluOp::Addx4,
    ];

    /// `(op1, op2)`.
    const fn ops(self) -> (u32, u32) {
        match self {
            AluOp::Add => (0, 8),
            AluOp::And => (0, 1),
            AluOp::Or => (0, 2),
            AluOp::Xor => (0, 3),
            AluOp::Sub => (0, 12),
            AluOp::Mull => (2, 8),
            AluOp::Addx2 => (0, 9),
            AluOp::Addx4 => (0, 10),
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            AluOp::Add => "add",
            AluOp::And => "and",
            AluOp::Or => "or",
            AluOp::Xor => "xor",
            AluOp::Sub => "sub",
            AluOp::Mull => "mull",
            AluOp::Addx2 => "addx2",
            AluOp::Addx4 => "addx4",
        }
    }
}

/// A load or store with a scaled 8-bit offset (the `r` field of RRI8 `op0 = 2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LdSt {
    L8ui = 0,
    L16ui = 1,
    L32i = 2,
    S8i = 4,
    S16i = 5,
    S32i = 6,
}

impl LdSt {
    /// All six.
    pub const ALL: [LdSt; 6] = [
        LdSt::L8ui,
        LdSt::L16ui,
        LdSt::L32i,
        LdSt::S8i,
        LdSt::S16i,
        LdSt::S32i,
    ];

    /// The load of `log2(size)` bytes (`operation_size` in C: 0, 1, 2).
    pub const fn load(size: u32) -> LdSt {
        match size {
            0 => LdSt::L8ui,
            1 => LdSt::L16ui,
            _ => LdSt::L32i,
        }
    }

    /// The store of `log2(size)` bytes.
    pub const fn store(size: u32) -> LdSt {
        match size {
            0 => LdSt::S8i,
            1 => LdSt::S16i,
            _ => LdSt::S32i,
        }
    }

    /// log2 of the access size: the scaling of the offset.
    pub const fn shift(self) -> u32 {
        (self as u32) & 3
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            LdSt::L8ui => "l8ui",
            LdSt::L16ui => "l16ui",
            LdSt::L32i => "l32i",
            LdSt::S8i => "s8i",
            LdSt::S16i => "s16i",
            LdSt::S32i => "s32i",
        }
    }
}

/// One instruction or data item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inst {
    /// `asm_xtensa_op_add_n`: `add.n ar, as, at`.
    AddN { r: Reg, s: Reg, t: Reg },
    /// `asm_xtensa_op_addi`: `addi at, as, imm8`.
    Addi { t: Reg, s: Reg, imm: I8 },
    /// RRR arithmetic: `op ar, as, at`.
    Alu { op: AluOp, r: Reg, s: Reg, t: Reg },
    /// `neg ar, at`.
    Neg { r: Reg, t: Reg },
    /// `ssl as`: shift amount for a left shift.
    Ssl(Reg),
    /// `ssr as`: shift amount for a right shift.
    Ssr(Reg),
    /// `sll ar, as`.
    Sll { r: Reg, s: Reg },
    /// `sra ar, at`.
    Sra { r: Reg, t: Reg },
    /// `srl ar, at`.
    Srl { r: Reg, t: Reg },
    /// `asm_xtensa_op_bcc`: `b<cc> as, at, label` (target = address + 4 + rel).
    Bcc { cc: Cc, s: Reg, t: Reg, rel: I8 },
    /// `asm_xtensa_op_bccz`: `b<cc>z as, label`.
    Bccz { cc: Ccz, s: Reg, rel: I12 },
    /// `asm_xtensa_op_j`: target = address + 4 + rel.
    J(I18),
    /// `asm_xtensa_op_call0`: target = (address & ~3) + 4 + 4 × offset.
    Call0(I18),
    /// `asm_xtensa_op_callx0`.
    Callx0(Reg),
    /// `asm_xtensa_op_callx8` (windowed ABI).
    Callx8(Reg),
    /// `asm_xtensa_op_jx`.
    Jx(Reg),
    /// Load or store `at` at `as + (imm8 << size)`.
    LdSt { op: LdSt, t: Reg, s: Reg, imm: U8 },
    /// `l32i.n at, as, 4*imm4`.
    L32iN { t: Reg, s: Reg, imm: U4 },
    /// `s32i.n at, as, 4*imm4`.
    S32iN { t: Reg, s: Reg, imm: U4 },
    /// `asm_xtensa_op_l32r`: load the word at `((address + 3) & ~3) + 4 × imm16`.
    L32r { t: Reg, imm: I16 },
    /// `mov.n at, as`.
    MovN { t: Reg, s: Reg },
    /// `movi at, imm12`.
    Movi { t: Reg, imm: I12 },
    /// `movi.n as, imm` (-32..=95).
    MoviN { s: Reg, imm: MoviN },
    /// `ret.n`.
    RetN,
    /// `retw.n` (windowed ABI).
    RetwN,
    /// `entry as, 8*imm12` (windowed ABI).
    Entry { s: Reg, imm: U12 },
    /// A literal word (the constant table).
    Word(u32),
    /// A byte that is only skipped (alignment padding; the buffer holds zero there).
    Pad,
}

/// How an instruction is written.
enum Word {
    Narrow(u32),
    Wide(u32),
}

impl Inst {
    fn word(&self) -> Word {
        use Word::{Narrow, Wide};
        match *self {
            Inst::AddN { r, s, t } => Narrow(rrrn(10, r.num(), s.num(), t.num())),
            Inst::Addi { t, s, imm } => Wide(rri8(2, 12, s.num(), t.num(), imm.get() as u32)),
            Inst::Alu { op, r, s, t } => {
                let (op1, op2) = op.ops();
                Wide(rrr(0, op1, op2, r.num(), s.num(), t.num()))
            }
            Inst::Neg { r, t } => Wide(rrr(0, 0, 6, r.num(), 0, t.num())),
            Inst::Ssl(s) => Wide(rrr(0, 0, 4, 1, s.num(), 0)),
            Inst::Ssr(s) => Wide(rrr(0, 0, 4, 0, s.num(), 0)),
            Inst::Sll { r, s } => Wide(rrr(0, 1, 10, r.num(), s.num(), 0)),
            Inst::Sra { r, t } => Wide(rrr(0, 1, 11, r.num(), 0, t.num())),
            Inst::Srl { r, t } => Wide(rrr(0, 1, 9, r.num(), 0, t.num())),
            Inst::Bcc { cc, s, t, rel } => Wide(bcc(cc, s, t, rel)),
            Inst::Bccz { cc, s, rel } => Wide(bccz(cc, s, rel)),
            Inst::J(off) => Wide(call(6, 0, off)),
            Inst::Call0(off) => Wide(call(5, 0, off)),
            Inst::Callx0(s) => Wide(callx(3, 0, s)),
            Inst::Callx8(s) => Wide(callx(3, 2, s)),
            Inst::Jx(s) => Wide(callx(2, 2, s)),
            Inst::LdSt { op, t, s, imm } => Wide(ldst(op as u32, t, s, imm)),
            Inst::L32iN { t, s, imm } => Narrow(ldst_n(8, t, s, imm)),
            Inst::S32iN { t, s, imm } => Narrow(ldst_n(9, t, s, imm)),
            Inst::L32r { t, imm } => Wide(ri16(1, t, imm)),
            Inst::MovN { t, s } => Narrow(rrrn(13, 0, s.num(), t.num())),
            Inst::Movi { t, imm } => Wide(movi(t, imm)),
            Inst::MoviN { s, imm } => Narrow(ri7(12, s, imm)),
            Inst::RetN => Narrow(rrrn(13, 15, 0, 0)),
            Inst::RetwN => Narrow(rrrn(13, 15, 0, 1)),
            Inst::Entry { s, imm } => Wide(entry(s, imm)),
            Inst::Word(_) | Inst::Pad => Narrow(0),
        }
    }

    /// Encodes the instruction: 2 or 3 bytes little endian (4 for a word, 1 for padding).
    pub fn encode(&self, e: &mut Enc) {
        match (*self, self.word()) {
            (Inst::Word(w), _) => e.bytes(&w.to_le_bytes()),
            (Inst::Pad, _) => e.byte(0),
            (_, Word::Narrow(w)) => e.bytes(&w.to_le_bytes()[..2]),
            (_, Word::Wide(w)) => e.bytes(&w.to_le_bytes()[..3]),
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
            Inst::AddN { r, s, t } => write!(f, "add.n {r}, {s}, {t}"),
            Inst::Addi { t, s, imm } => write!(f, "addi {t}, {s}, {}", imm.get()),
            Inst::Alu { op, r, s, t } => write!(f, "{} {r}, {s}, {t}", op.mnemonic()),
            Inst::Neg { r, t } => write!(f, "neg {r}, {t}"),
            Inst::Ssl(s) => write!(f, "ssl {s}"),
            Inst::Ssr(s) => write!(f, "ssr {s}"),
            Inst::Sll { r, s } => write!(f, "sll {r}, {s}"),
            Inst::Sra { r, t } => write!(f, "sra {r}, {t}"),
            Inst::Srl { r, t } => write!(f, "srl {r}, {t}"),
            Inst::Bcc { cc, s, t, rel } => write!(
                f,
                "{} {s}, {t}, {}",
                cc.mnemonic(),
                dot_rel(rel.get() as i64 + 4)
            ),
            Inst::Bccz { cc, s, rel } => {
                write!(
                    f,
                    "{} {s}, {}",
                    cc.mnemonic(),
                    dot_rel(rel.get() as i64 + 4)
                )
            }
            Inst::J(off) => write!(f, "j {}", dot_rel(off.get() as i64 + 4)),
            Inst::Call0(off) => write!(f, "call0 {}", dot_rel(off.get() as i64 * 4 + 4)),
            Inst::Callx0(s) => write!(f, "callx0 {s}"),
            Inst::Callx8(s) => write!(f, "callx8 {s}"),
            Inst::Jx(s) => write!(f, "jx {s}"),
            Inst::LdSt { op, t, s, imm } => {
                write!(f, "{} {t}, {s}, {}", op.mnemonic(), imm.get() << op.shift())
            }
            Inst::L32iN { t, s, imm } => write!(f, "l32i.n {t}, {s}, {}", imm.get() * 4),
            Inst::S32iN { t, s, imm } => write!(f, "s32i.n {t}, {s}, {}", imm.get() * 4),
            Inst::L32r { t, imm } => write!(f, "l32r {t}, {}", dot_rel(imm.get() as i64 * 4)),
            Inst::MovN { t, s } => write!(f, "mov.n {t}, {s}"),
            Inst::Movi { t, imm } => write!(f, "movi {t}, {}", imm.get()),
            Inst::MoviN { s, imm } => write!(f, "movi.n {s}, {}", imm.get()),
            Inst::RetN => write!(f, "ret.n"),
            Inst::RetwN => write!(f, "retw.n"),
            Inst::Entry { s, imm } => write!(f, "entry {s}, {}", imm.get() * 8),
            Inst::Word(w) => write!(f, ".word {w:#010x}"),
            Inst::Pad => write!(f, ".byte 0"),
        }
    }
}
