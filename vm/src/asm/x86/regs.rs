//! i386 registers, numbered as in `py/asmx86.h` (`ASM_X86_REG_*`); condition codes are x64's.

use std::fmt;

pub use crate::asm::x64::regs::Cc;

/// A 32-bit general register; the number is its 3-bit hardware encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum R32 {
    Eax = 0,
    Ecx,
    Edx,
    Ebx,
    Esp,
    Ebp,
    Esi,
    Edi,
}

impl R32 {
    /// All eight, in encoding order.
    pub const ALL: [R32; 8] = [
        R32::Eax,
        R32::Ecx,
        R32::Edx,
        R32::Ebx,
        R32::Esp,
        R32::Ebp,
        R32::Esi,
        R32::Edi,
    ];

    /// The 3-bit encoding.
    pub const fn num(self) -> u8 {
        self as u8
    }

    /// AT&T name.
    pub const fn name32(self) -> &'static str {
        const NAMES: [&str; 8] = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"];
        NAMES[self as usize]
    }

    /// Name of the low 16 bits.
    pub const fn name16(self) -> &'static str {
        const NAMES: [&str; 8] = ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di"];
        NAMES[self as usize]
    }

    /// The byte register this number selects: `al cl dl bl ah ch dh bh`. Numbers 4..7 are the high
    /// bytes of eax..ebx, which is why the emitter keeps byte stores in `REG_ARG_3` = `edx`.
    pub const fn name8(self) -> &'static str {
        const NAMES: [&str; 8] = ["al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"];
        NAMES[self as usize]
    }
}

impl fmt::Display for R32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name32())
    }
}
