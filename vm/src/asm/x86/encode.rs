//! i386 instruction formats, one function per format, as `py/asmx86.c` lays them out. They are the x64
//! formats without a REX prefix:
//!
//! ```text
//! [66] opcode(1-2) ModRM [SIB] [disp8|disp32] [imm]      register/memory forms
//! opcode+reg [imm32]                                     push, pop, mov imm
//! opcode rel8 | opcode(1-2) rel32                        jmp, jcc, call
//! ```

use super::imms::Disp;
use super::regs::R32;
use crate::asm::enc::Enc;

pub use crate::asm::x64::encode::{modrm, op_rel32, op_rel8};

/// Register-register form: `opcode ModRM(11, reg, rm)`.
///
/// ```text
/// opcode... | 11 | reg | rm |
/// ```
/// `reg` is a register or an opcode extension (`/2` for `not`, `/5` for `sub imm`, ...).
pub fn op_reg_reg(e: &mut Enc, opcode: &[u8], reg: u8, rm: u8) {
    e.bytes(opcode);
    e.byte(modrm(3, reg, rm));
}

/// Memory operand tail, `asm_x86_write_r32_disp`: `ModRM [SIB] [disp]` for `[base + disp]`.
///
/// ```text
/// | mod | reg | base |  [00 100 100 = 0x24 if base = esp]  [disp8 | disp32]
/// ```
pub fn mem(e: &mut Enc, reg: u8, base: R32, disp: Disp) {
    e.byte(disp.mod_bits() | (reg & 7) << 3 | base.num());
    if base == R32::Esp {
        e.byte(0x24);
    }
    match disp {
        Disp::Zero => {}
        Disp::D8(d) => e.byte(d as u8),
        Disp::D32(d) => e.word32(d as u32),
    }
}

/// Register-memory form: `[66] opcode ModRM [SIB] [disp]`.
///
/// ```text
/// [66] opcode... | mod | reg | rm | [SIB] [disp]
/// ```
pub fn op_mem(e: &mut Enc, prefixes: &[u8], opcode: &[u8], reg: u8, base: R32, disp: Disp) {
    e.bytes(prefixes);
    e.bytes(opcode);
    mem(e, reg, base, disp);
}

/// Register-in-opcode form: `opcode | reg`.
///
/// ```text
/// | opcode[7:3] | reg |
/// ```
pub fn op_plus_reg(e: &mut Enc, opcode: u8, reg: R32) {
    e.byte(opcode | reg.num());
}
