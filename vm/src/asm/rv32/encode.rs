//! RV32 instruction formats, one function per format, as the `RV32_ENCODE_TYPE_*` macros of
//! `py/asmrv32.h` build them: the 32-bit base formats (R, I, S, B, U) and the 16-bit compressed ones
//! (C extension, plus Zcmp's `cm.push`/`cm.popret`). Bit diagrams number bits from the most significant.

use super::regs::{CReg, Reg};

/// R-type: `op rd, rs1, rs2` (`add`, `sub`, `mul`, shifts, `slt`, Zba's `sh1add`...).
///
/// ```text
/// 31----25 24-20 19-15 14-12 11---7 6-----0
/// | funct7 | rs2 | rs1 | f3  |  rd  | opcode |
/// ```
pub const fn r_type(opcode: u32, f3: u32, f7: u32, rd: Reg, rs1: Reg, rs2: Reg) -> u32 {
    f7 << 25 | rs2.num() << 20 | rs1.num() << 15 | f3 << 12 | rd.num() << 7 | opcode
}

/// I-type: `op rd, rs1, imm12` (`addi`, loads, `jalr`, `slli`).
///
/// ```text
/// 31--------20 19-15 14-12 11---7 6-----0
/// |   imm12    | rs1 | f3  |  rd  | opcode |
/// ```
pub const fn i_type(opcode: u32, f3: u32, rd: Reg, rs1: Reg, imm: i32) -> u32 {
    (imm as u32 & 0xfff) << 20 | rs1.num() << 15 | f3 << 12 | rd.num() << 7 | opcode
}

/// S-type: `op rs2, imm12(rs1)` (stores).
///
/// ```text
/// 31-----25 24-20 19-15 14-12 11------7 6-----0
/// |imm[11:5]| rs2 | rs1 | f3  | imm[4:0] | opcode |
/// ```
pub const fn s_type(opcode: u32, f3: u32, rs1: Reg, rs2: Reg, imm: i32) -> u32 {
    let i = imm as u32;
    (i & 0xfe0) << 20 | rs2.num() << 20 | rs1.num() << 15 | f3 << 12 | (i & 0x1f) << 7 | opcode
}

/// B-type: `op rs1, rs2, offset` (conditional branches, offset even, ±4 KiB).
///
/// ```text
/// 31 30-----25 24-20 19-15 14-12 11----8  7  6-----0
/// |12|imm[10:5]| rs2 | rs1 | f3  |imm[4:1]|11| opcode |
/// ```
pub const fn b_type(opcode: u32, f3: u32, rs1: Reg, rs2: Reg, imm: i32) -> u32 {
    let i = imm as u32;
    (i & 0x1000) << 19
        | (i & 0x7e0) << 20
        | rs2.num() << 20
        | rs1.num() << 15
        | f3 << 12
        | (i & 0x1e) << 7
        | (i & 0x800) >> 4
        | opcode
}

/// U-type: `op rd, imm[31:12]` (`lui`, `auipc`).
///
/// ```text
/// 31--------------12 11---7 6-----0
/// |    imm[31:12]    |  rd  | opcode |
/// ```
pub const fn u_type(opcode: u32, rd: Reg, upper: u32) -> u32 {
    (upper & 0xffff_f000) | rd.num() << 7 | opcode
}

/// CR: `c.mv`, `c.add`, `c.jr`, `c.jalr`.
///
/// ```text
/// 15--12 11------7 6-----2 1-0
/// | f4  | rd/rs1  |  rs2  | op |
/// ```
pub const fn cr(op: u32, f4: u32, rd: Reg, rs2: u32) -> u16 {
    (f4 << 12 | rd.num() << 7 | rs2 << 2 | op) as u16
}

/// CI: `c.addi`, `c.li`, `c.lui`, `c.lwsp` (`imm6` already arranged as the instruction wants it).
///
/// ```text
/// 15-13  12  11---7 6------2 1-0
/// | f3 |i[5]|  rd  | i[4:0] | op |
/// ```
pub const fn ci(op: u32, f3: u32, rd: Reg, imm6: u32) -> u16 {
    (f3 << 13 | (imm6 & 0x20) << 7 | rd.num() << 7 | (imm6 & 0x1f) << 2 | op) as u16
}

/// CSS: `c.swsp rs2, offset(sp)`.
///
/// ```text
/// 15-13 12---------7 6---2 1-0
/// | f3 | off[5:2|7:6] | rs2 | op |
/// ```
pub const fn css(op: u32, f3: u32, rs2: Reg, offset: u32) -> u16 {
    let imm = (offset & 0xc0) >> 6 | (offset & 0x3c);
    (f3 << 13 | (imm & 0x3f) << 7 | rs2.num() << 2 | op) as u16
}

/// CIW: `c.addi4spn rd', sp, nzuimm`.
///
/// ```text
/// 15-13 12-----------5 4---2 1-0
/// | f3 | imm[5:4|9:6|2|3] | rd' | op |
/// ```
pub const fn ciw(op: u32, f3: u32, rd: CReg, imm: u32) -> u16 {
    (f3 << 13
        | (imm & 0x30) << 7
        | (imm & 0x3c0) << 1
        | (imm & 0x4) << 4
        | (imm & 0x8) << 2
        | rd.num() << 2
        | op) as u16
}

/// CL / CS: `c.lw rd', offset(rs1')` and `c.sw rs2', offset(rs1')`.
///
/// ```text
/// 15-13 12----10 9---7 6-----5 4---2 1-0
/// | f3 |off[5:3]| rs1'|off[2|6]| rd' | op |
/// ```
pub const fn cl(op: u32, f3: u32, rd: CReg, rs1: CReg, offset: u32) -> u16 {
    (f3 << 13
        | (offset & 0x38) << 7
        | rs1.num() << 7
        | (offset & 0x4) << 4
        | (offset & 0x40) >> 1
        | rd.num() << 2
        | op) as u16
}

/// CB: `c.beqz rs1', offset` / `c.bnez`.
///
/// ```text
/// 15-13 12------10 9---7 6-------------2 1-0
/// | f3 |off[8|4:3]| rs1'|off[7:6|2:1|5]| op |
/// ```
pub const fn cb(op: u32, f3: u32, rs1: CReg, offset: i32) -> u16 {
    let o = offset as u32;
    (f3 << 13
        | (o & 0x100) << 4
        | (o & 0x18) << 7
        | rs1.num() << 7
        | (o & 0xc0) >> 1
        | (o & 0x6) << 2
        | (o & 0x20) >> 3
        | op) as u16
}

/// CJ: `c.j offset`.
///
/// ```text
/// 15-13 12--------------------------2 1-0
/// | f3 | off[11|4|9:8|10|6|7|3:1|5]  | op |
/// ```
pub const fn cj(op: u32, f3: u32, offset: i32) -> u16 {
    let o = offset as u32;
    (f3 << 13
        | (o & 0x800) << 1
        | (o & 0x10) << 7
        | (o & 0x300) << 1
        | (o & 0x400) >> 2
        | (o & 0x40) << 1
        | (o & 0x80) >> 1
        | (o & 0xe) << 2
        | (o & 0x20) >> 3
        | op) as u16
}

/// CMPP (Zcmp): `cm.push` / `cm.popret {rlist}, stack_adj`.
///
/// ```text
/// 15------10 9-8 7----4 3------2 1-0
/// |   f6    | f2 | rlist | spimm | op |
/// ```
pub const fn cmpp(op: u32, f6: u32, f2: u32, rlist: u32, spimm: u32) -> u16 {
    (f6 << 10 | f2 << 8 | (rlist & 0xf) << 4 | (spimm & 0x3) << 2 | op) as u16
}
