//! x86-64 instruction formats, one function per format, as `py/asmx64.c` lays them out.
//!
//! Every instruction MicroPython emits is one of these shapes:
//!
//! ```text
//! [66] [REX] opcode(1-2) ModRM [SIB] [disp8|disp32] [imm]      register/memory forms
//! [REX] opcode+reg [imm32|imm64]                               push, pop, mov imm
//! opcode rel8 | opcode(1-2) rel32                              jmp, jcc
//! ```
//!
//! The REX prefix is written only where the C code writes it, which is not always where an assembler
//! would: see [`super::inst::Inst`] for which instruction takes which.

use super::imms::Disp;
use super::regs::R64;
use crate::asm::enc::Enc;

/// The REX prefix.
///
/// ```text
/// 7-------4---3---2---1---0
/// | 0100  | W | R | X | B |
/// ```
/// `W` selects 64-bit operands; `R` extends ModRM.reg, `X` SIB.index, `B` ModRM.rm / SIB.base / the
/// register in the opcode.
pub const fn rex(w: bool, r: bool, x: bool, b: bool) -> u8 {
    0x40 | (w as u8) << 3 | (r as u8) << 2 | (x as u8) << 1 | b as u8
}

/// The ModRM byte.
///
/// ```text
/// 7---6-5-----3-2----0
/// | mod |  reg  |  rm  |
/// ```
/// `mod = 11` means `rm` is a register; otherwise `rm` is a base register with no (00), 8-bit (01) or
/// 32-bit (10) displacement, `rm = 100` announcing a SIB byte.
pub const fn modrm(md: u8, reg: u8, rm: u8) -> u8 {
    (md & 3) << 6 | (reg & 7) << 3 | (rm & 7)
}

/// Register-register form: `[REX] opcode ModRM(11, reg, rm)`.
///
/// ```text
/// [0100WRXB] opcode... | 11 | reg | rm |
/// ```
/// `reg` is either a register or an opcode extension (`/2` for `not`, `/4` for `shl`, ...).
pub fn op_reg_reg(e: &mut Enc, rex: Option<u8>, opcode: &[u8], reg: u8, rm: u8) {
    if let Some(p) = rex {
        e.byte(p);
    }
    e.bytes(opcode);
    e.byte(modrm(3, reg, rm));
}

/// Memory operand tail, `asm_x64_write_r64_disp`: `ModRM [SIB] [disp]` for `[base + disp]`.
///
/// ```text
/// | mod | reg | base&7 |  [00 100 100 = 0x24]  [disp8 | disp32]
/// ```
/// A base with low bits 100 (`rsp`, `r12`) needs a SIB byte; MicroPython writes `0x24` (no index,
/// base = rm). The displacement size follows [`Disp::choose`].
pub fn mem(e: &mut Enc, reg: u8, base: R64, disp: Disp) {
    e.byte(disp.mod_bits() | (reg & 7) << 3 | base.low3());
    if base.low3() == 4 {
        e.byte(0x24);
    }
    match disp {
        Disp::Zero => {}
        Disp::D8(d) => e.byte(d as u8),
        Disp::D32(d) => e.word32(d as u32),
    }
}

/// Register-memory form: `prefixes opcode ModRM [SIB] [disp]`.
///
/// ```text
/// [66] [0100WRXB] opcode... | mod | reg | rm | [SIB] [disp]
/// ```
pub fn op_mem(e: &mut Enc, prefixes: &[u8], opcode: &[u8], reg: u8, base: R64, disp: Disp) {
    e.bytes(prefixes);
    e.bytes(opcode);
    mem(e, reg, base, disp);
}

/// Register-in-opcode form: `[REX] (opcode | reg&7)`.
///
/// ```text
/// [0100WRXB] | opcode[7:3] | reg |
/// ```
pub fn op_plus_reg(e: &mut Enc, rex: Option<u8>, opcode: u8, reg: R64) {
    if let Some(p) = rex {
        e.byte(p);
    }
    e.byte(opcode | reg.low3());
}

/// Short relative branch: `opcode rel8`, relative to the end of the 2-byte instruction.
///
/// ```text
/// | opcode | rel8 |
/// ```
pub fn op_rel8(e: &mut Enc, opcode: u8, rel: i8) {
    e.byte(opcode);
    e.byte(rel as u8);
}

/// Near relative branch: `opcode... rel32`, relative to the end of the instruction.
///
/// ```text
/// | opcode (1 or 2 bytes) | rel32 (little endian) |
/// ```
pub fn op_rel32(e: &mut Enc, opcode: &[u8], rel: i32) {
    e.bytes(opcode);
    e.word32(rel as u32);
}

/// RIP-relative address: `REX.W[R] 8d ModRM(00, reg, 101) disp32` (`asm_x64_mov_reg_pcrel`).
///
/// ```text
/// | 0100 1 R 0 0 | 10001101 | 00 | reg | 101 | disp32 |
/// ```
pub fn lea_rip(e: &mut Enc, dest: R64, disp: i32) {
    e.byte(rex(true, dest.is_extended(), false, false));
    e.byte(0x8d);
    e.byte(modrm(0, dest.low3(), 5));
    e.word32(disp as u32);
}
