//! Thumb registers and condition codes, numbered as in `py/asmthumb.h` (`ASM_THUMB_REG_*`,
//! `ASM_THUMB_CC_*`).

use std::fmt;

/// A core register `r0`..`r15`. The number is the hardware encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Reg {
    R0 = 0,
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    R7,
    R8,
    R9,
    R10,
    R11,
    R12,
    /// `sp`.
    R13,
    /// `lr`.
    R14,
    /// `pc`.
    R15,
}

impl Reg {
    /// All sixteen, in encoding order.
    pub const ALL: [Reg; 16] = [
        Reg::R0,
        Reg::R1,
        Reg::R2,
        Reg::R3,
        Reg::R4,
        Reg::R5,
        Reg::R6,
        Reg::R7,
        Reg::R8,
        Reg::R9,
        Reg::R10,
        Reg::R11,
        Reg::R12,
        Reg::R13,
        Reg::R14,
        Reg::R15,
    ];
    /// `ASM_THUMB_REG_SP`.
    pub const SP: Reg = Reg::R13;
    /// The link register.
    pub const LR: Reg = Reg::R14;
    /// The program counter.
    pub const PC: Reg = Reg::R15;

    /// The 4-bit encoding.
    pub const fn num(self) -> u8 {
        self as u8
    }

    /// The name GNU `as` and `objdump` use (`sp lr pc` for 13..15).
    pub const fn name(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "sp",
            "lr", "pc",
        ];
        NAMES[self as usize]
    }
}

impl fmt::Display for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A low register `r0`..`r7`, the only ones most 16-bit Thumb formats can name (MicroPython asserts
/// `rlo < ASM_THUMB_REG_R8` there).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Lo {
    R0 = 0,
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    R7,
}

impl Lo {
    /// All eight, in encoding order.
    pub const ALL: [Lo; 8] = [
        Lo::R0,
        Lo::R1,
        Lo::R2,
        Lo::R3,
        Lo::R4,
        Lo::R5,
        Lo::R6,
        Lo::R7,
    ];

    /// `Some` if `r` is below `r8`.
    pub const fn new(r: Reg) -> Option<Lo> {
        let n = r as usize;
        if n < 8 {
            Some(Lo::ALL[n])
        } else {
            None
        }
    }

    /// The same register as a [`Reg`].
    pub const fn reg(self) -> Reg {
        Reg::ALL[self as usize]
    }

    /// The 3-bit encoding.
    pub const fn num(self) -> u16 {
        self as u16
    }

    /// `reg ^ 7`: the scratch register `asm_thumb_add_reg_reg_offset` borrows (pushing it first) when
    /// the destination is also the base.
    pub const fn other(self) -> Lo {
        Lo::ALL[(self as usize) ^ 7]
    }
}

impl fmt::Display for Lo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.reg().name())
    }
}

/// A condition code (`ASM_THUMB_CC_*`), the 4-bit field of `b<cc>` and `it`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cc {
    Eq = 0x0,
    Ne = 0x1,
    /// Carry set: unsigned `>=` (`hs`).
    Cs = 0x2,
    /// Carry clear: unsigned `<` (`lo`).
    Cc = 0x3,
    Mi = 0x4,
    Pl = 0x5,
    Vs = 0x6,
    Vc = 0x7,
    /// Unsigned `>`.
    Hi = 0x8,
    /// Unsigned `<=`.
    Ls = 0x9,
    Ge = 0xa,
    Lt = 0xb,
    Gt = 0xc,
    Le = 0xd,
}

impl Cc {
    /// Every condition, in encoding order.
    pub const ALL: [Cc; 14] = [
        Cc::Eq,
        Cc::Ne,
        Cc::Cs,
        Cc::Cc,
        Cc::Mi,
        Cc::Pl,
        Cc::Vs,
        Cc::Vc,
        Cc::Hi,
        Cc::Ls,
        Cc::Ge,
        Cc::Lt,
        Cc::Gt,
        Cc::Le,
    ];

    /// The 4-bit encoding.
    pub const fn num(self) -> u16 {
        self as u16
    }

    /// The opposite condition (`cond ^ 1`).
    pub const fn invert(self) -> Cc {
        Cc::ALL[(self as usize) ^ 1]
    }

    /// The suffix `objdump` prints (`cs`/`cc`, not `hs`/`lo`).
    pub const fn suffix(self) -> &'static str {
        const S: [&str; 14] = [
            "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le",
        ];
        S[self as usize]
    }

    /// The `ops[op_idx]` table of the `#elif N_THUMB` block of `emit_native_binary_op`: unsigned
    /// `CC HI EQ LS CS NE`, then signed `LT GT EQ LE GE NE`.
    pub const fn for_comparison(cmp: crate::asm::Comparison) -> Cc {
        const OPS: [Cc; 12] = [
            Cc::Cc,
            Cc::Hi,
            Cc::Eq,
            Cc::Ls,
            Cc::Cs,
            Cc::Ne,
            Cc::Lt,
            Cc::Gt,
            Cc::Eq,
            Cc::Le,
            Cc::Ge,
            Cc::Ne,
        ];
        OPS[cmp.index()]
    }
}
