//! x86-64 registers and condition codes, numbered as in `py/asmx64.h` (`ASM_X64_REG_*`, `ASM_X64_CC_*`).

use std::fmt;

/// A 64-bit general register. The number is the hardware encoding: the low 3 bits go in ModRM/SIB or
/// the opcode, bit 3 in a REX prefix (`REX.R`, `REX.X` or `REX.B`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum R64 {
    Rax = 0,
    Rcx,
    Rdx,
    Rbx,
    Rsp,
    Rbp,
    Rsi,
    Rdi,
    R8,
    R9,
    R10,
    R11,
    R12,
    R13,
    R14,
    R15,
}

impl R64 {
    /// All sixteen, in encoding order.
    pub const ALL: [R64; 16] = [
        R64::Rax,
        R64::Rcx,
        R64::Rdx,
        R64::Rbx,
        R64::Rsp,
        R64::Rbp,
        R64::Rsi,
        R64::Rdi,
        R64::R8,
        R64::R9,
        R64::R10,
        R64::R11,
        R64::R12,
        R64::R13,
        R64::R14,
        R64::R15,
    ];

    /// The 4-bit encoding.
    pub const fn num(self) -> u8 {
        self as u8
    }

    /// The low 3 bits (ModRM `reg`/`rm`, or added to an opcode).
    pub const fn low3(self) -> u8 {
        self as u8 & 7
    }

    /// Bit 3, which needs a REX prefix (r8..r15).
    pub const fn is_extended(self) -> bool {
        self as u8 >= 8
    }

    /// AT&T name of the 64-bit register.
    pub const fn name64(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11",
            "r12", "r13", "r14", "r15",
        ];
        NAMES[self as usize]
    }

    /// Name of the low 32 bits.
    pub const fn name32(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d",
            "r12d", "r13d", "r14d", "r15d",
        ];
        NAMES[self as usize]
    }

    /// Name of the low 16 bits.
    pub const fn name16(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w",
            "r13w", "r14w", "r15w",
        ];
        NAMES[self as usize]
    }

    /// Name of the byte register this number selects. Without a REX prefix, numbers 4..7 select the
    /// legacy high bytes `ah ch dh bh`; with one they select `spl bpl sil dil`. MicroPython omits REX
    /// whenever both registers are below 8, so `mov_r8_to_mem8(rsi, ..)` really stores `dh`.
    pub const fn name8(self, rex: bool) -> &'static str {
        const LEGACY: [&str; 8] = ["al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"];
        const REX: [&str; 16] = [
            "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b",
            "r12b", "r13b", "r14b", "r15b",
        ];
        if rex {
            REX[self as usize]
        } else {
            LEGACY[self as usize & 7]
        }
    }
}

impl fmt::Display for R64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name64())
    }
}

/// One of the eight registers encodable without a REX prefix, for the instructions where MicroPython
/// asserts `reg < 8` (`test_r8_with_r8`, `setcc_r8`, `jmp_reg`, `call_ind`, `sub_r64_i32`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Low {
    Rax = 0,
    Rcx,
    Rdx,
    Rbx,
    Rsp,
    Rbp,
    Rsi,
    Rdi,
}

impl Low {
    /// All eight, in encoding order.
    pub const ALL: [Low; 8] = [
        Low::Rax,
        Low::Rcx,
        Low::Rdx,
        Low::Rbx,
        Low::Rsp,
        Low::Rbp,
        Low::Rsi,
        Low::Rdi,
    ];

    /// `Some` if `r` is below r8.
    pub const fn new(r: R64) -> Option<Low> {
        match r {
            R64::Rax => Some(Low::Rax),
            R64::Rcx => Some(Low::Rcx),
            R64::Rdx => Some(Low::Rdx),
            R64::Rbx => Some(Low::Rbx),
            R64::Rsp => Some(Low::Rsp),
            R64::Rbp => Some(Low::Rbp),
            R64::Rsi => Some(Low::Rsi),
            R64::Rdi => Some(Low::Rdi),
            _ => None,
        }
    }

    /// The same register as an [`R64`].
    pub const fn r64(self) -> R64 {
        R64::ALL[self as usize]
    }

    /// The 3-bit encoding.
    pub const fn num(self) -> u8 {
        self as u8
    }
}

/// A condition code, the low nibble of `jcc` (`0x70+cc`, `0x0f 0x80+cc`) and `setcc` (`0x0f 0x90+cc`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cc {
    /// Below (unsigned <), `ASM_X64_CC_JB`.
    B = 0x2,
    /// Above or equal (unsigned >=).
    Ae = 0x3,
    /// Equal / zero, `JE` = `JZ`.
    E = 0x4,
    /// Not equal / not zero.
    Ne = 0x5,
    /// Below or equal (unsigned <=).
    Be = 0x6,
    /// Above (unsigned >).
    A = 0x7,
    /// Less (signed <).
    L = 0xc,
    /// Greater or equal (signed >=).
    Ge = 0xd,
    /// Less or equal (signed <=).
    Le = 0xe,
    /// Greater (signed >).
    G = 0xf,
}

impl Cc {
    /// Every condition MicroPython uses.
    pub const ALL: [Cc; 10] = [
        Cc::B,
        Cc::Ae,
        Cc::E,
        Cc::Ne,
        Cc::Be,
        Cc::A,
        Cc::L,
        Cc::Ge,
        Cc::Le,
        Cc::G,
    ];

    /// The 4-bit encoding.
    pub const fn num(self) -> u8 {
        self as u8
    }

    /// The mnemonic suffix (`jne`, `setl`).
    pub const fn suffix(self) -> &'static str {
        match self {
            Cc::B => "b",
            Cc::Ae => "ae",
            Cc::E => "e",
            Cc::Ne => "ne",
            Cc::Be => "be",
            Cc::A => "a",
            Cc::L => "l",
            Cc::Ge => "ge",
            Cc::Le => "le",
            Cc::G => "g",
        }
    }

    /// The `ops[op_idx]` table of `emit_native_binary_op` (shared by x64 and x86): unsigned
    /// `JB JA JE JBE JAE JNE`, then signed `JL JG JE JLE JGE JNE`.
    pub const fn for_comparison(cmp: crate::asm::Comparison) -> Cc {
        const OPS: [Cc; 12] = [
            Cc::B,
            Cc::A,
            Cc::E,
            Cc::Be,
            Cc::Ae,
            Cc::Ne,
            Cc::L,
            Cc::G,
            Cc::E,
            Cc::Le,
            Cc::Ge,
            Cc::Ne,
        ];
        OPS[cmp.index()]
    }
}
