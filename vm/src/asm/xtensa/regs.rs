//! Xtensa address registers and branch conditions, numbered as in `py/asmxtensa.h`
//! (`ASM_XTENSA_REG_A*`, `ASM_XTENSA_CC_*`, `ASM_XTENSA_CCZ_*`).

use std::fmt;

/// An address register `a0`..`a15`; the number is the 4-bit encoding. In the windowed ABI the
/// numbers are relative to the current window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Reg {
    A0 = 0,
    A1,
    A2,
    A3,
    A4,
    A5,
    A6,
    A7,
    A8,
    A9,
    A10,
    A11,
    A12,
    A13,
    A14,
    A15,
}

impl Reg {
    /// All sixteen, in encoding order.
    pub const ALL: [Reg; 16] = [
        Reg::A0,
        Reg::A1,
        Reg::A2,
        Reg::A3,
        Reg::A4,
        Reg::A5,
        Reg::A6,
        Reg::A7,
        Reg::A8,
        Reg::A9,
        Reg::A10,
        Reg::A11,
        Reg::A12,
        Reg::A13,
        Reg::A14,
        Reg::A15,
    ];

    /// The 4-bit encoding.
    pub const fn num(self) -> u32 {
        self as u32
    }

    /// `a0`..`a15`.
    pub const fn name(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12", "a13",
            "a14", "a15",
        ];
        NAMES[self as usize]
    }
}

impl fmt::Display for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A two-register branch condition (`ASM_XTENSA_CC_*`, the `r` field of `b<cc>`); `cc ^ 8` is the
/// opposite condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cc {
    /// Never (`bnone`: no bits in common).
    None = 0,
    Eq = 1,
    Lt = 2,
    Ltu = 3,
    All = 4,
    Bc = 5,
    Any = 8,
    Ne = 9,
    Ge = 10,
    Geu = 11,
    Nall = 12,
    Bs = 13,
}

impl Cc {
    /// Every condition.
    pub const ALL: [Cc; 12] = [
        Cc::None,
        Cc::Eq,
        Cc::Lt,
        Cc::Ltu,
        Cc::All,
        Cc::Bc,
        Cc::Any,
        Cc::Ne,
        Cc::Ge,
        Cc::Geu,
        Cc::Nall,
        Cc::Bs,
    ];

    /// The 4-bit encoding.
    pub const fn num(self) -> u32 {
        self as u32
    }

    /// `cond ^ 8`.
    pub const fn invert(self) -> Cc {
        match self {
            Cc::None => Cc::Any,
            Cc::Eq => Cc::Ne,
            Cc::Lt => Cc::Ge,
            Cc::Ltu => Cc::Geu,
            Cc::All => Cc::Nall,
            Cc::Bc => Cc::Bs,
            Cc::Any => Cc::None,
            Cc::Ne => Cc::Eq,
            Cc::Ge => Cc::Lt,
            Cc::Geu => Cc::Ltu,
            Cc::Nall => Cc::All,
            Cc::Bs => Cc::Bc,
        }
    }

    /// The mnemonic (`beq`, `bltu`, ...).
    pub const fn mnemonic(self) -> &'static str {
        match self {
            Cc::None => "bnone",
            Cc::Eq => "beq",
            Cc::Lt => "blt",
            Cc::Ltu => "bltu",
            Cc::All => "ball",
            Cc::Bc => "bbc",
            Cc::Any => "bany",
            Cc::Ne => "bne",
            Cc::Ge => "bge",
            Cc::Geu => "bgeu",
            Cc::Nall => "bnall",
            Cc::Bs => "bbs",
        }
    }

    /// The `ccs[op_idx]` table of the `#elif N_XTENSA || N_XTENSAWIN` block of
    /// `emit_native_binary_op`, and whether the operands are swapped: `a > b` is `b < a`, `a <= b` is
    /// `b >= a`.
    pub const fn for_comparison(cmp: crate::asm::Comparison) -> (Cc, bool) {
        const OPS: [(Cc, bool); 12] = [
            (Cc::Ltu, false),
            (Cc::Ltu, true),
            (Cc::Eq, false),
            (Cc::Geu, true),
            (Cc::Geu, false),
            (Cc::Ne, false),
            (Cc::Lt, false),
            (Cc::Lt, true),
            (Cc::Eq, false),
            (Cc::Ge, true),
            (Cc::Ge, false),
            (Cc::Ne, false),
        ];
        OPS[cmp.index()]
    }
}

/// A compare-with-zero branch condition (`ASM_XTENSA_CCZ_*`, the `m` field of `b<cc>z`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Ccz {
    Eq = 0,
    Ne = 1,
    Lt = 2,
    Ge = 3,
}

impl Ccz {
    /// All four.
    pub const ALL: [Ccz; 4] = [Ccz::Eq, Ccz::Ne, Ccz::Lt, Ccz::Ge];

    /// The 2-bit encoding.
    pub const fn num(self) -> u32 {
        self as u32
    }

    /// `cond ^ 1`.
    pub const fn invert(self) -> Ccz {
        Ccz::ALL[(self as usize) ^ 1]
    }

    /// The mnemonic (`beqz`, ...).
    pub const fn mnemonic(self) -> &'static str {
        match self {
            Ccz::Eq => "beqz",
            Ccz::Ne => "bnez",
            Ccz::Lt => "bltz",
            Ccz::Ge => "bgez",
        }
    }
}
