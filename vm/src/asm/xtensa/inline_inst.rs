//! The Xtensa instructions only `@micropython.asm_xtensa` writes (`py/emitinlinextensa.c`): the
//! rest of the LX106 core ALU (`addx8`, `subx<n>`, `src`, `abs`, `nsa`/`nsau`), immediate shifts
//! and shift-amount setup (`slli`/`srai`/`srli`, `ssai`, `ssa8l`/`ssa8b`), `l16si`, `addmi`,
//! `addi.n`, the wide and narrow `nop`, and the bit-test branches `bbci`/`bbsi`. Each encodes itself
//! exactly as mpy-cross 1.29 does and prints itself in GNU `as` syntax (checked against
//! `xtensa-lx106-elf-as` in `inline_encode_table`). Instructions the native emitter also uses stay
//! in [`super::inst::Inst`].

use super::encode::{rri8, rrr, rrrn};
use super::imms::{dot_rel, I8, U4, U8};
use super::regs::Reg;
use crate::asm::enc::Enc;
use std::fmt;

/// A three-register RRR operation `op ar, as, at` not in [`super::inst::AluOp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RrrOp {
    /// `ar = (as << 3) + at`.
    Addx8,
    /// `ar = (as << 1) - at`.
    Subx2,
    /// `ar = (as << 2) - at`.
    Subx4,
    /// `ar = (as << 3) - at`.
    Subx8,
    /// Funnel shift right of `as:at` by SAR.
    Src,
}

impl RrrOp {
    /// `(op1, op2)`.
    pub const fn ops(self) -> (u32, u32) {
        match self {
            RrrOp::Addx8 => (0, 11),
            RrrOp::Subx2 => (0, 13),
            RrrOp::Subx4 => (0, 14),
            RrrOp::Subx8 => (0, 15),
            RrrOp::Src => (1, 8),
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            RrrOp::Addx8 => "addx8",
            RrrOp::Subx2 => "subx2",
            RrrOp::Subx4 => "subx4",
            RrrOp::Subx8 => "subx8",
            RrrOp::Src => "src",
        }
    }
}

/// A 5-bit shift amount or bit number (0..=31).
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

/// The shift of `slli`: 1..=31 (encoded as `32 - sa`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SlliAmount(u8);

impl SlliAmount {
    /// `Some` for 1..=31.
    pub const fn new(v: i64) -> Option<SlliAmount> {
        if v >= 1 && v < 32 {
            Some(SlliAmount(v as u8))
        } else {
            None
        }
    }

    /// The shift.
    pub const fn get(self) -> u32 {
        self.0 as u32
    }
}

/// The immediate of `addi.n`: -1 or 1..=15 (0 is accepted by MicroPython too, see
/// [`InlineInst::AddiN`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AddiNImm(i8);

impl AddiNImm {
    /// `Some` for -1..=15.
    pub const fn new(v: i64) -> Option<AddiNImm> {
        if v >= -1 && v <= 15 {
            Some(AddiNImm(v as i8))
        } else {
            None
        }
    }

    /// The value.
    pub const fn get(self) -> i32 {
        self.0 as i32
    }
}

/// One instruction only the inline assembler writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InlineInst {
    /// `op ar, as, at`.
    Rrr { op: RrrOp, r: Reg, s: Reg, t: Reg },
    /// `abs ar, at`.
    Abs { r: Reg, t: Reg },
    /// `nsa at, as` / `nsau at, as` (`unsigned`).
    Nsa { unsigned: bool, t: Reg, s: Reg },
    /// `ssa8l as` / `ssa8b as` (`big`).
    Ssa8 { big: bool, s: Reg },
    /// `ssai sa`.
    Ssai(U5),
    /// `slli ar, as, sa`.
    Slli { r: Reg, s: Reg, sa: SlliAmount },
    /// `srai ar, at, sa`.
    Srai { r: Reg, t: Reg, sa: U5 },
    /// `srli ar, at, sa` (0..=15).
    Srli { r: Reg, t: Reg, sa: U4 },
    /// `l16si at, as, 2*imm`.
    L16si { t: Reg, s: Reg, imm: U8 },
    /// `addmi at, as, 256*imm`.
    Addmi { t: Reg, s: Reg, imm: I8 },
    /// `addi.n ar, as, imm`. MicroPython writes the immediate field unmasked, so -1 sets every bit
    /// of the halfword above the opcode, and 0 comes out the same way: `0xfffb` for both.
    AddiN { r: Reg, s: Reg, imm: AddiNImm },
    /// The wide `nop`.
    Nop,
    /// `nop.n`.
    NopN,
    /// `bbci` / `bbsi as, bit, offset` (`set`).
    BitBranch { set: bool, s: Reg, bit: U5, rel: I8 },
}

impl InlineInst {
    /// `(bits, length in bytes)`.
    fn word(&self) -> (u32, usize) {
        match *self {
            InlineInst::Rrr { op, r, s, t } => {
                let (op1, op2) = op.ops();
                (rrr(0, op1, op2, r.num(), s.num(), t.num()), 3)
            }
            InlineInst::Abs { r, t } => (rrr(0, 0, 6, r.num(), 1, t.num()), 3),
            InlineInst::Nsa { unsigned, t, s } => {
                (rrr(0, 0, 4, 14 + unsigned as u32, s.num(), t.num()), 3)
            }
            InlineInst::Ssa8 { big, s } => (rrr(0, 0, 4, 2 + big as u32, s.num(), 0), 3),
            InlineInst::Ssai(sa) => (rrr(0, 0, 4, 4, sa.get() & 15, sa.get() >> 4), 3),
            InlineInst::Slli { r, s, sa } => {
                let enc = 32 - sa.get();
                (rrr(0, 1, enc >> 4, r.num(), s.num(), enc & 15), 3)
            }
            InlineInst::Srai { r, t, sa } => (
                rrr(0, 1, 2 | sa.get() >> 4, r.num(), sa.get() & 15, t.num()),
                3,
            ),
            InlineInst::Srli { r, t, sa } => (rrr(0, 1, 4, r.num(), sa.get(), t.num()), 3),
            InlineInst::L16si { t, s, imm } => (rri8(2, 9, s.num(), t.num(), imm.get()), 3),
            InlineInst::Addmi { t, s, imm } => {
                (rri8(2, 13, s.num(), t.num(), imm.get() as u32 & 0xff), 3)
            }
            InlineInst::AddiN { r, s, imm } => match imm.get() {
                -1 | 0 => (0xfffb, 2),
                i => (rrrn(0xb, r.num(), s.num(), i as u32), 2),
            },
            InlineInst::Nop => (0x0020f0, 3),
            InlineInst::NopN => (0xf03d, 2),
            InlineInst::BitBranch { set, s, bit, rel } => {
                let r = if set { 14 } else { 6 } | bit.get() >> 4;
                (
                    rri8(7, r, s.num(), bit.get() & 15, rel.get() as u32 & 0xff),
                    3,
                )
            }
        }
    }

    /// Encodes the instruction (little endian, 2 or 3 bytes).
    pub fn encode(&self, e: &mut Enc) {
        let (w, n) = self.word();
        e.bytes(&w.to_le_bytes()[..n]);
    }

    /// The encoded bytes.
    pub fn bytes(&self) -> Enc {
        let mut e = Enc::new();
        self.encode(&mut e);
        e
    }
}

impl fmt::Display for InlineInst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            InlineInst::Rrr { op, r, s, t } => write!(f, "{} {r}, {s}, {t}", op.mnemonic()),
            InlineInst::Abs { r, t } => write!(f, "abs {r}, {t}"),
            InlineInst::Nsa { unsigned, t, s } => {
                write!(f, "{} {t}, {s}", if unsigned { "nsau" } else { "nsa" })
            }
            InlineInst::Ssa8 { big, s } => write!(f, "{} {s}", if big { "ssa8b" } else { "ssa8l" }),
            InlineInst::Ssai(sa) => write!(f, "ssai {}", sa.get()),
            InlineInst::Slli { r, s, sa } => write!(f, "slli {r}, {s}, {}", sa.get()),
            InlineInst::Srai { r, t, sa } => write!(f, "srai {r}, {t}, {}", sa.get()),
            InlineInst::Srli { r, t, sa } => write!(f, "srli {r}, {t}, {}", sa.get()),
            InlineInst::L16si { t, s, imm } => write!(f, "l16si {t}, {s}, {}", 2 * imm.get()),
            InlineInst::Addmi { t, s, imm } => write!(f, "addmi {t}, {s}, {}", 256 * imm.get()),
            InlineInst::AddiN { r, s, imm } => write!(f, "addi.n {r}, {s}, {}", imm.get()),
            InlineInst::Nop => write!(f, "nop"),
            InlineInst::NopN => write!(f, "nop.n"),
            InlineInst::BitBranch { set, s, bit, rel } => write!(
                f,
                "{} {s}, {}, {}",
                if set { "bbsi" } else { "bbci" },
                bit.get(),
                dot_rel(rel.get() as i64 + 4)
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
