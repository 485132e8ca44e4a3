//! ARM (A32) instruction formats, one function per format, as `py/asmarm.c` builds its opcodes. Every
//! instruction is one little-endian word whose top four bits are the condition.

use super::imms::{Rel24, U12, U5, U8};
use super::regs::{Cond, Reg};

/// Data processing with a register operand, no shift (`add rd, rn, rm`, `mov rd, rm`, `cmp rn, rm`).
///
/// ```text
/// 31--28 27-26 25 24----21 20 19-16 15-12 11------4 3--0
/// | cond | 00 | 0 | opcode | S |  rn |  rd | 00000000 | rm |
/// ```
pub const fn dp_reg(cond: Cond, opcode: u32, s: bool, rn: Reg, rd: Reg, rm: Reg) -> u32 {
    cond.bits() | opcode << 21 | (s as u32) << 20 | rn.num() << 16 | rd.num() << 12 | rm.num()
}

/// Data processing with an 8-bit immediate, rotation 0 (`add rd, rn, #imm`, `mov rd, #imm`).
///
/// ```text
/// 31--28 27-26 25 24----21 20 19-16 15-12 11-8 7----0
/// | cond | 00 | 1 | opcode | S |  rn |  rd | 0000 | imm8 |
/// ```
pub const fn dp_imm(cond: Cond, opcode: u32, s: bool, rn: Reg, rd: Reg, imm: U8) -> u32 {
    cond.bits()
        | 1 << 25
        | opcode << 21
        | (s as u32) << 20
        | rn.num() << 16
        | rd.num() << 12
        | imm.get()
}

/// `mov rd, rm, <shift> rs`: a register shifted by a register (`lsl rd, rm, rs`).
///
/// ```text
/// 31--28 27------21 20 19-16 15-12 11-8 7 6-5  4 3--0
/// | cond | 0001101 | 0 | 0000 |  rd |  rs | 0 | sh | 1 | rm |
/// ```
pub const fn mov_shift_reg(cond: Cond, rd: Reg, rm: Reg, shift: u32, rs: Reg) -> u32 {
    cond.bits() | 0x1a0_0010 | rd.num() << 12 | rs.num() << 8 | (shift & 3) << 5 | rm.num()
}

/// `mov rd, rm, <shift> #imm5` (`lsl rd, rm, #n`).
///
/// ```text
/// 31--28 27------21 20 19-16 15-12 11---7 6-5  4 3--0
/// | cond | 0001101 | 0 | 0000 |  rd | imm5 | sh | 0 | rm |
/// ```
pub const fn mov_shift_imm(cond: Cond, rd: Reg, rm: Reg, shift: u32, imm: U5) -> u32 {
    cond.bits() | 0x1a0_0000 | rd.num() << 12 | imm.get() << 7 | (shift & 3) << 5 | rm.num()
}

/// `mul rd, rm, rs`.
///
/// ```text
/// 31--28 27-----21 20 19-16 15-12 11-8 7--4 3--0
/// | cond | 0000000 | S |  rd | 0000 |  rs | 1001 | rm |
/// ```
pub const fn mul(cond: Cond, rd: Reg, rm: Reg, rs: Reg) -> u32 {
    cond.bits() | 0x90 | rd.num() << 16 | rs.num() << 8 | rm.num()
}

/// Word/byte load or store with a 12-bit immediate offset (pre-indexed, added, no write-back).
///
/// ```text
/// 31--28 27-26 25 24 23 22 21 20 19-16 15-12 11------0
/// | cond | 01  | 0 | 1 | 1 | B | 0 | L |  rn |  rt |  imm12  |
/// ```
pub const fn ldst_imm(cond: Cond, load: bool, byte: bool, rt: Reg, rn: Reg, imm: U12) -> u32 {
    cond.bits()
        | 0x580_0000
        | (byte as u32) << 22
        | (load as u32) << 20
        | rn.num() << 16
        | rt.num() << 12
        | imm.get()
}

/// Word/byte load or store with a register offset, optionally shifted left (`[rn, rm, lsl #2]`).
///
/// ```text
/// 31--28 27-26 25 24 23 22 21 20 19-16 15-12 11---7 6-5 4 3--0
/// | cond | 01  | 1 | 1 | 1 | B | 0 | L |  rn |  rt | imm5 | 00 | 0 | rm |
/// ```
pub const fn ldst_reg(
    cond: Cond,
    load: bool,
    byte: bool,
    rt: Reg,
    rn: Reg,
    rm: Reg,
    lsl: U5,
) -> u32 {
    cond.bits()
        | 0x780_0000
        | (byte as u32) << 22
        | (load as u32) << 20
        | rn.num() << 16
        | rt.num() << 12
        | lsl.get() << 7
        | rm.num()
}

/// Halfword load or store with an 8-bit immediate offset split in two nibbles.
///
/// ```text
/// 31--28 27-25 24 23 22 21 20 19-16 15-12 11--8 7-4  3--0
/// | cond | 000 | 1 | 1 | 1 | 0 | L |  rn |  rt | immH | 1011 | immL |
/// ```
pub const fn ldsth_imm(cond: Cond, load: bool, rt: Reg, rn: Reg, imm: U8) -> u32 {
    let i = imm.get();
    cond.bits()
        | 0x1c0_00b0
        | (load as u32) << 20
        | rn.num() << 16
        | rt.num() << 12
        | (i & 0xf0) << 4
        | (i & 0xf)
}

/// Halfword load or store with a register offset.
///
/// ```text
/// 31--28 27-25 24 23 22 21 20 19-16 15-12 11--8 7-4  3--0
/// | cond | 000 | 1 | 1 | 0 | 0 | L |  rn |  rt | 0000 | 1011 |  rm |
/// ```
pub const fn ldsth_reg(cond: Cond, load: bool, rt: Reg, rn: Reg, rm: Reg) -> u32 {
    cond.bits() | 0x180_00b0 | (load as u32) << 20 | rn.num() << 16 | rt.num() << 12 | rm.num()
}

/// `stmfd sp!, {list}` (push) / `ldmfd sp!, {list}` (pop).
///
/// ```text
/// 31--28 27-25 24 23 22 21 20 19-16 15------------0
/// | cond | 100 | P | U | 0 | 1 | L | 1101 | register list |
/// ```
pub const fn block(cond: Cond, pop: bool, list: u16) -> u32 {
    cond.bits() | if pop { 0x8bd_0000 } else { 0x92d_0000 } | list as u32
}

/// `b<cond> label`: target = address + 8 + 4 × offset.
///
/// ```text
/// 31--28 27-25 24 23---------------0
/// | cond | 101 | 0 |  offset (words) |
/// ```
pub const fn branch(cond: Cond, rel: Rel24) -> u32 {
    cond.bits() | 0xa00_0000 | (rel.get() as u32 & 0x00ff_ffff)
}

/// `bx rm`.
///
/// ```text
/// 31--28 27-------------------4 3--0
/// | cond | 0001 0010 1111 1111 1111 0001 | rm |
/// ```
pub const fn bx(cond: Cond, rm: Reg) -> u32 {
    cond.bits() | 0x012f_ff10 | rm.num()
}
