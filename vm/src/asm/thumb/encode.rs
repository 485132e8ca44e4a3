//! Thumb instruction formats, one function per format, numbered as the classic Thumb formats that
//! `py/asmthumb.h` names (`ASM_THUMB_FORMAT_1` ...), plus the Thumb-2 32-bit forms it writes.
//!
//! A 16-bit instruction is one little-endian halfword; a 32-bit one is two halfwords, the first
//! (`hi`) written first (`asm_thumb_op32(as, op1, op2)`). Diagrams number bits 15..0 of a halfword.

use super::imms::{Rel12, Rel21, Rel23, Rel9, U11, U12, U5, U7, U8};
use super::regs::{Cc, Lo, Reg};

/// Format 1, move shifted register (`lsls/lsrs/asrs rd, rs, #imm5`).
///
/// ```text
/// 15-13 12-11 10----6 5---3 2---0
/// | 000 | op |  imm5 |  rs |  rd |
/// ```
pub const fn format_1(op: u16, rd: Lo, rs: Lo, imm5: U5) -> u16 {
    op | imm5.get() << 6 | rs.num() << 3 | rd.num()
}

/// Format 2, add/subtract with a register or a 3-bit immediate (`adds rd, rs, rn`).
///
/// ```text
/// 15-11  10  9  8----6 5---3 2---0
/// |00011| I |op| rn/i3 |  rs |  rd |
/// ```
pub const fn format_2(op: u16, rd: Lo, rs: Lo, rn: Lo) -> u16 {
    op | rn.num() << 6 | rs.num() << 3 | rd.num()
}

/// Format 3, move/compare/add/subtract an 8-bit immediate, and `ldr rd, [pc, #4*imm8]` (which
/// `py/asmthumb.h` files here too as `ASM_THUMB_FORMAT_3_LDR`).
///
/// ```text
/// 15-13 12-11 10--8 7-------0
/// | 001 | op |  rd |  imm8  |
/// ```
pub const fn format_3(op: u16, rd: Lo, imm8: U8) -> u16 {
    op | rd.num() << 8 | imm8.get()
}

/// Format 4, ALU operations on two low registers (`ands eors lsls lsrs asrs negs cmp orrs muls mvns`).
///
/// ```text
/// 15----10 9----6 5---3 2---0
/// | 010000 |  op  |  rs |  rd |
/// ```
pub const fn format_4(op: u16, rd: Lo, rs: Lo) -> u16 {
    op | rs.num() << 3 | rd.num()
}

/// Format 5, high-register operations (`add`, `mov`, `bx`, `blx`): the destination's bit 3 is `H1`.
///
/// ```text
/// 15----10 9-8  7   6---3 2---0
/// | 010001 |op | H1 |  rs | rd  |
/// ```
pub const fn format_5(op: u16, rd: Reg, rs: Reg) -> u16 {
    op | ((rd.num() as u16) << 4 & 0x0080) | (rs.num() as u16) << 3 | (rd.num() as u16 & 7)
}

/// Formats 9 and 10, load/store with a 5-bit immediate offset (scaled by the access size).
///
/// ```text
/// 15-13 12-11 10----6 5---3 2---0
/// | op  | B L |  imm5 |  rb |  rd |
/// ```
pub const fn format_9_10(op: u16, rd: Lo, rb: Lo, imm5: U5) -> u16 {
    op | (imm5.get() << 6 & 0x07c0) | rb.num() << 3 | rd.num()
}

/// Formats 7 and 8, load/store with a register offset (`ldr rd, [rb, ro]`).
///
/// ```text
/// 15--12 11-9 8---6 5---3 2---0
/// | 0101 | op |  ro |  rb |  rd |
/// ```
pub const fn format_7_8(op: u16, rd: Lo, rb: Lo, ro: Lo) -> u16 {
    op | ro.num() << 6 | rb.num() << 3 | rd.num()
}

/// Format 11 (SP-relative load/store) and format 12 (`add rd, sp, #4*imm8`): word offsets.
///
/// ```text
/// 15--12 11 10--8 7-------0
/// | op  | L |  rd |  imm8  |
/// ```
pub const fn format_11(op: u16, rd: Lo, imm8: U8) -> u16 {
    op | rd.num() << 8 | imm8.get()
}

/// Format 13, adjust the stack pointer by `4*imm7` (`add sp, #` / `sub sp, #`).
///
/// ```text
/// 15------8  7  6------0
/// |10110000| S |  imm7  |
/// ```
pub const fn format_13(sub: bool, imm7: U7) -> u16 {
    0xb000 | (sub as u16) << 7 | imm7.get()
}

/// Format 14, `push {rlist[, lr]}` / `pop {rlist[, pc]}`.
///
/// ```text
/// 15-12 11 10-9 8  7-------0
/// |1011| L | 10 |R |  rlist |
/// ```
pub const fn format_14(pop: bool, with_lr_pc: bool, rlist: u8) -> u16 {
    0xb400 | (pop as u16) << 11 | (with_lr_pc as u16) << 8 | rlist as u16
}

/// Sign/zero extend (`ASM_THUMB_FORMAT_11_*` of `py/asmthumb.h`; `sxth` is the one used).
///
/// ```text
/// 15------8 7-6 5---3 2---0
/// |10110010| op |  rs |  rd |
/// ```
pub const fn extend(op: u16, rd: Lo, rs: Lo) -> u16 {
    op | rs.num() << 3 | rd.num()
}

/// `it` / `ite`: `mask` says how many instructions follow and which take the inverse condition.
///
/// ```text
/// 15------8 7---4 3---0
/// |10111111| cond | mask |
/// ```
pub const fn it(cc: Cc, mask: u16) -> u16 {
    0xbf00 | cc.num() << 4 | (mask & 0xf)
}

/// Conditional branch, 16 bits: target = address + 4 + `rel`.
///
/// ```text
/// 15-12 11--8 7--------0
/// |1101| cond | rel[8:1] |
/// ```
pub const fn bcc_n(cc: Cc, rel: Rel9) -> u16 {
    0xd000 | cc.num() << 8 | ((rel.get() >> 1) as u16 & 0x00ff)
}

/// Unconditional branch, 16 bits (`OP_B_N`).
///
/// ```text
/// 15-11 10---------0
/// |11100| rel[11:1] |
/// ```
pub const fn b_n(rel: Rel12) -> u16 {
    0xe000 | ((rel.get() >> 1) as u16 & 0x07ff)
}

/// Conditional branch, 32 bits (encoding T3): `imm32 = S:J2:J1:imm6:imm11:0`.
///
/// ```text
/// hi: 15-11 10  9--6  5----0     lo: 15 14 13  12 11  10--------0
///     |11110| S | cond | imm6 |       | 1  0 | J1 | 0 | J2 | imm11 |
/// ```
pub const fn bcc_w(cc: Cc, rel: Rel21) -> [u16; 2] {
    let r = rel.get();
    let hi = 0xf000 | cc.num() << 6 | ((r >> 10) as u16 & 0x0400) | ((r >> 12) as u16 & 0x003f);
    let lo = 0x8000
        | ((r >> 18) as u16 & 1) << 13
        | ((r >> 19) as u16 & 1) << 11
        | ((r >> 1) as u16 & 0x07ff);
    [hi, lo]
}

/// Unconditional branch, 32 bits (encoding T4) as `OP_BW_HI/LO` write it: `J1 = J2 = 1`, so the
/// 11 bits of `hi` are `rel[22:12]` (its top bit being `S`).
///
/// ```text
/// hi: 15-11 10-----------0     lo: 15 14 13 12 11 10---------0
///     |11110| rel[22:12]  |        | 1  0  1  1  1 | rel[11:1] |
/// ```
pub const fn b_w(rel: Rel23) -> [u16; 2] {
    let r = rel.get();
    [
        0xf000 | ((r >> 12) as u16 & 0x07ff),
        0xb800 | ((r >> 1) as u16 & 0x07ff),
    ]
}

/// `movw` / `movt` (`asm_thumb_mov_reg_i16`): a 16-bit immediate split as `imm4:i:imm3:imm8`.
///
/// ```text
/// hi: 15-------11 10 9-----4 3---0    lo: 15 14-12 11-8 7----0
///     |   op      | i | op  | imm4 |       | 0 | imm3 | rd | imm8 |
/// ```
pub const fn mov_i16(op: u16, rd: Reg, imm: u16) -> [u16; 2] {
    [
        op | (imm >> 1 & 0x0400) | (imm >> 12 & 0xf),
        (imm << 4 & 0x7000) | (rd.num() as u16) << 8 | (imm & 0xff),
    ]
}

/// `addw` / `subw rd, rn, #imm` (`OP_ADD_W_RRI_*`, `OP_SUB_W_RRI_*`): only `imm3:imm8` are filled.
///
/// ```text
/// hi: 15------4 3---0    lo: 15 14-12 11-8 7----0
///     |   op    |  rn |       | 0 | imm3 | rd | imm8 |
/// ```
pub const fn addsub_w(op: u16, rd: Reg, rn: Reg, imm: U11) -> [u16; 2] {
    let i = imm.get();
    [
        op | rn.num() as u16,
        (i << 4 & 0x7000) | (rd.num() as u16) << 8 | (i & 0xff),
    ]
}

/// Wide load/store with a 12-bit unsigned byte offset (`ldr.w rt, [rn, #imm12]` and friends).
///
/// ```text
/// hi: 15------4 3---0    lo: 15--12 11---------0
///     |   op    |  rn |       |  rt  |   imm12   |
/// ```
pub const fn ldst_w(op: u16, rt: Reg, rn: Reg, imm12: U12) -> [u16; 2] {
    [op | rn.num() as u16, (rt.num() as u16) << 12 | imm12.get()]
}
