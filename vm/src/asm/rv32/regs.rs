//! RV32 integer registers, numbered as in `py/asmrv32.h` (`ASM_RV32_REG_*`), named by their ABI names.

use std::fmt;

/// An integer register `x0`..`x31`; the number is the 5-bit encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Reg {
    Zero = 0,
    Ra,
    Sp,
    Gp,
    Tp,
    T0,
    T1,
    T2,
    S0,
    S1,
    A0,
    A1,
    A2,
    A3,
    A4,
    A5,
    A6,
    A7,
    S2,
    S3,
    S4,
    S5,
    S6,
    S7,
    S8,
    S9,
    S10,
    S11,
    T3,
    T4,
    T5,
    T6,
}

impl Reg {
    /// All 32, in encoding order.
    pub const ALL: [Reg; 32] = [
        Reg::Zero,
        Reg::Ra,
        Reg::Sp,
        Reg::Gp,
        Reg::Tp,
        Reg::T0,
        Reg::T1,
        Reg::T2,
        Reg::S0,
        Reg::S1,
        Reg::A0,
        Reg::A1,
        Reg::A2,
        Reg::A3,
        Reg::A4,
        Reg::A5,
        Reg::A6,
        Reg::A7,
        Reg::S2,
        Reg::S3,
        Reg::S4,
        Reg::S5,
        Reg::S6,
        Reg::S7,
        Reg::S8,
        Reg::S9,
        Reg::S10,
        Reg::S11,
        Reg::T3,
        Reg::T4,
        Reg::T5,
        Reg::T6,
    ];

    /// The 5-bit encoding.
    pub const fn num(self) -> u32 {
        self as u32
    }

    /// The ABI name (as `objdump` prints it).
    pub const fn name(self) -> &'static str {
        const NAMES: [&str; 32] = [
            "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3",
            "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
            "t3", "t4", "t5", "t6",
        ];
        NAMES[self as usize]
    }
}

impl fmt::Display for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One of `x8..x15` (`s0 s1 a0..a5`), the registers most compressed instructions can name with 3 bits
/// (`RV32_IS_IN_C_REGISTER_WINDOW`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CReg(Reg);

impl CReg {
    /// `Some` if `r` is in the window.
    pub const fn new(r: Reg) -> Option<CReg> {
        if (r as u8) >= 8 && (r as u8) <= 15 {
            Some(CReg(r))
        } else {
            None
        }
    }

    /// The register.
    pub const fn reg(self) -> Reg {
        self.0
    }

    /// The 3-bit encoding (`RV32_MAP_IN_C_REGISTER_WINDOW`).
    pub const fn num(self) -> u32 {
        self.0 as u32 - 8
    }
}

impl fmt::Display for CReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name())
    }
}
