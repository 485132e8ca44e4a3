//! ARM registers and condition codes, numbered as in `py/asmarm.h` (`ASM_ARM_REG_*`, `ASM_ARM_CC_*`).

use std::fmt;

/// A core register `r0`..`r15`; the number is the 4-bit encoding.
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
    /// `ASM_ARM_REG_SP`.
    pub const SP: Reg = Reg::R13;
    /// `ASM_ARM_REG_LR`.
    pub const LR: Reg = Reg::R14;
    /// `ASM_ARM_REG_PC`.
    pub const PC: Reg = Reg::R15;

    /// The 4-bit encoding.
    pub const fn num(self) -> u32 {
        self as u32
    }

    /// The name GNU `as` and `objdump` use.
    pub const fn name(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "sl", "fp", "ip", "sp",
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

/// A condition (`ASM_ARM_CC_*` is this value shifted to bits 28..31).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cond {
    Eq = 0x0,
    Ne = 0x1,
    Cs = 0x2,
    Cc = 0x3,
    Mi = 0x4,
    Pl = 0x5,
    Vs = 0x6,
    Vc = 0x7,
    Hi = 0x8,
    Ls = 0x9,
    Ge = 0xa,
    Lt = 0xb,
    Gt = 0xc,
    Le = 0xd,
    /// Always (`ASM_ARM_CC_AL`), printed as no suffix.
    Al = 0xe,
}

impl Cond {
    /// Every condition, in encoding order.
    pub const ALL: [Cond; 15] = [
        Cond::Eq,
        Cond::Ne,
        Cond::Cs,
        Cond::Cc,
        Cond::Mi,
        Cond::Pl,
        Cond::Vs,
        Cond::Vc,
        Cond::Hi,
        Cond::Ls,
        Cond::Ge,
        Cond::Lt,
        Cond::Gt,
        Cond::Le,
        Cond::Al,
    ];

    /// The condition field, bits 28..31.
    pub const fn bits(self) -> u32 {
        (self as u32) << 28
    }

    /// `cond ^ (1 << 28)`: the opposite condition (not meaningful for `Al`).
    pub const fn invert(self) -> Cond {
        Cond::ALL[(self as usize) ^ 1]
    }

    /// The mnemonic suffix (`""` for always).
    pub const fn suffix(self) -> &'static str {
        const S: [&str; 15] = [
            "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "",
        ];
        S[self as usize]
    }

    /// The `ccs[op_idx]` table of the `#elif N_ARM` block of `emit_native_binary_op`: unsigned
    /// `CC HI EQ LS CS NE`, then signed `LT GT EQ LE GE NE`.
    pub const fn for_comparison(cmp: crate::asm::Comparison) -> Cond {
        const OPS: [Cond; 12] = [
            Cond::Cc,
            Cond::Hi,
            Cond::Eq,
            Cond::Ls,
            Cond::Cs,
            Cond::Ne,
            Cond::Lt,
            Cond::Gt,
            Cond::Eq,
            Cond::Le,
            Cond::Ge,
            Cond::Ne,
        ];
        OPS[cmp.index()]
    }
}
