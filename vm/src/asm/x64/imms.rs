//! Immediates and displacements of the x86 family, with MicroPython's rules for their size
//! (shared by `x64` and `x86`: both C assemblers use the same `SIGNED_FIT8` and ModRM logic).

/// `SIGNED_FIT8` of `py/asmx64.c`: whether `x` survives a round trip through a sign-extended byte.
pub const fn signed_fit8(x: i64) -> bool {
    x >= -128 && x <= 127
}

/// The ModRM `mod` field and displacement of a `[base + disp]` operand, as `asm_x64_write_r64_disp`
/// (and `asm_x86_write_r32_disp`) choose them:
/// - no displacement when `disp == 0`, unless the base's low 3 bits are 5 (`rbp`/`r13`), because
///   `mod=00 rm=101` means RIP-relative (x64) or absolute (x86);
/// - otherwise a byte if it fits `SIGNED_FIT8`, else 32 bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disp {
    /// `mod = 00`, no displacement bytes.
    Zero,
    /// `mod = 01`, one signed byte.
    D8(i8),
    /// `mod = 10`, four bytes.
    D32(i32),
}

impl Disp {
    /// The encoding MicroPython picks for `disp` off a base whose low 3 bits are `base_low3`.
    pub const fn choose(base_low3: u8, disp: i32) -> Disp {
        if disp == 0 && base_low3 != 5 {
            Disp::Zero
        } else if signed_fit8(disp as i64) {
            Disp::D8(disp as i8)
        } else {
            Disp::D32(disp)
        }
    }

    /// The ModRM `mod` bits (already shifted into place).
    pub const fn mod_bits(self) -> u8 {
        match self {
            Disp::Zero => 0x00,
            Disp::D8(_) => 0x40,
            Disp::D32(_) => 0x80,
        }
    }
}

/// An `add`/`sub` immediate as `asm_x64_sub_r64_i32` / `asm_x86_add_i32_to_r32` choose it: opcode
/// `0x83` with a sign-extended byte when it fits, else `0x81` with 32 bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithImm {
    /// `0x83 /n ib`.
    I8(i8),
    /// `0x81 /n id`.
    I32(i32),
}

impl ArithImm {
    /// MicroPython's choice for `imm`.
    pub const fn choose(imm: i32) -> ArithImm {
        if signed_fit8(imm as i64) {
            ArithImm::I8(imm as i8)
        } else {
            ArithImm::I32(imm)
        }
    }
}

/// A value in AT&T hex as objdump prints it: `0x10`, `-0x10`.
pub fn hex(v: i64) -> String {
    if v < 0 {
        format!("-{:#x}", v.unsigned_abs())
    } else {
        format!("{v:#x}")
    }
}

/// An AT&T memory operand `disp(%base)`: no displacement printed when the encoding has none.
pub fn mem_text(base: &str, disp: Disp) -> String {
    match disp {
        Disp::Zero => format!("(%{base})"),
        Disp::D8(d) => format!("{}(%{base})", hex(d as i64)),
        Disp::D32(d) => format!("{}(%{base})", hex(d as i64)),
    }
}

/// A jump target relative to the start of the instruction (`.+0x10`), which `as` accepts back.
pub fn dot_rel(v: i64) -> String {
    if v < 0 {
        format!(".-{:#x}", v.unsigned_abs())
    } else {
        format!(".+{v:#x}")
    }
}

#[cfg(test)]
mod tests {
    use super::{ArithImm, Disp};

    #[test]
    fn displacement_rules() {
        assert_eq!(Disp::choose(0, 0), Disp::Zero);
        assert_eq!(Disp::choose(5, 0), Disp::D8(0));
        assert_eq!(Disp::choose(4, 0), Disp::Zero);
        assert_eq!(Disp::choose(0, 127), Disp::D8(127));
        assert_eq!(Disp::choose(0, -128), Disp::D8(-128));
        assert_eq!(Disp::choose(0, 128), Disp::D32(128));
        assert_eq!(Disp::choose(0, -129), Disp::D32(-129));
        assert_eq!(ArithImm::choose(-128), ArithImm::I8(-128));
        assert_eq!(ArithImm::choose(-129), ArithImm::I32(-129));
    }
}
