//! Xtensa instruction formats, one function per format, as the `ASM_XTENSA_ENCODE_*` macros of
//! `py/asmxtensa.h` build them (little-endian bit order: `op0` in the lowest nibble). 24-bit formats
//! are written as 3 bytes, 16-bit (code density) formats as 2.

use super::imms::{MoviN, I12, I16, I18, I8, U12, U4, U8};
use super::regs::{Cc, Ccz, Reg};

/// RRR: three registers and two sub-opcodes (`add`, `and`, `sub`, `mull`, `neg`, shifts).
///
/// ```text
/// 23--20 19--16 15-12 11--8 7---4 3---0
/// | op2 |  op1 |  r  |  s  |  t  | op0 |
/// ```
pub const fn rrr(op0: u32, op1: u32, op2: u32, r: u32, s: u32, t: u32) -> u32 {
    op2 << 20 | op1 << 16 | r << 12 | s << 8 | t << 4 | op0
}

/// RRI8: two registers and an 8-bit immediate (`addi`, loads and stores, `movi`, `b<cc>`).
///
/// ```text
/// 23------16 15-12 11--8 7---4 3---0
/// |   imm8   |  r  |  s  |  t  | op0 |
/// ```
pub const fn rri8(op0: u32, r: u32, s: u32, t: u32, imm8: u32) -> u32 {
    (imm8 & 0xff) << 16 | r << 12 | s << 8 | t << 4 | op0
}

/// RI16: a register and a 16-bit immediate (`l32r`).
///
/// ```text
/// 23-------------8 7---4 3---0
/// |     imm16      |  t  | op0 |
/// ```
pub const fn ri16(op0: u32, t: Reg, imm: I16) -> u32 {
    (imm.get() as u32 & 0xffff) << 8 | t.num() << 4 | op0
}

/// CALL: an 18-bit offset (`j`, `call0`).
///
/// ```text
/// 23-------------6 5-4 3---0
/// |    offset      |  n | op0 |
/// ```
pub const fn call(op0: u32, n: u32, offset: I18) -> u32 {
    (offset.get() as u32 & 0x3ffff) << 6 | n << 4 | op0
}

/// CALLX: jump or call through a register (`jx`, `callx0`, `callx8`).
///
/// ```text
/// 23--20 19--16 15-12 11--8 7-6 5-4 3---0
/// | op2 |  op1 |  r  |  s  | m | n  | op0 |
/// ```
pub const fn callx(m: u32, n: u32, s: Reg) -> u32 {
    s.num() << 8 | m << 6 | n << 4
}

/// BRI12: a register and a 12-bit immediate (`b<cc>z`, `entry`).
///
/// ```text
/// 23---------12 11--8 7-6 5-4 3---0
/// |    imm12    |  s  | m | n  | op0 |
/// ```
pub const fn bri12(op0: u32, s: Reg, m: u32, n: u32, imm12: u32) -> u32 {
    (imm12 & 0xfff) << 12 | s.num() << 8 | m << 6 | n << 4 | op0
}

/// RRRN: the 16-bit code-density form (`add.n`, `l32i.n`, `s32i.n`, `mov.n`, `ret.n`).
///
/// ```text
/// 15-12 11--8 7---4 3---0
/// |  r  |  s  |  t  | op0 |
/// ```
pub const fn rrrn(op0: u32, r: u32, s: u32, t: u32) -> u32 {
    r << 12 | s << 8 | t << 4 | op0
}

/// RI7: `movi.n`, a 7-bit immediate split around the register.
///
/// ```text
/// 15------12 11--8  7  6--4  3---0
/// | imm[3:0] |  s  | 0 |imm[6:4]| op0 |
/// ```
pub const fn ri7(op0: u32, s: Reg, imm: MoviN) -> u32 {
    let i = imm.get() as u32 & 0x7f;
    (i & 0xf) << 12 | s.num() << 8 | (i & 0x70) | op0
}

/// `b<cc> as, at, label` (RRI8 with `op0 = 7`, `r` = condition).
pub const fn bcc(cc: Cc, s: Reg, t: Reg, rel: I8) -> u32 {
    rri8(7, cc.num(), s.num(), t.num(), rel.get() as u32)
}

/// `b<cc>z as, label` (BRI12 with `op0 = 6`, `n = 1`, `m` = condition).
pub const fn bccz(cc: Ccz, s: Reg, rel: I12) -> u32 {
    bri12(6, s, cc.num(), 1, rel.get() as u32)
}

/// `movi at, imm12` (RRI8 with `r = 10`, the top 4 bits of the immediate in `s`).
pub const fn movi(t: Reg, imm: I12) -> u32 {
    let i = imm.get() as u32;
    rri8(2, 10, (i >> 8) & 0xf, t.num(), i & 0xff)
}

/// Loads and stores with an 8-bit scaled offset (RRI8 with `op0 = 2`, `r` = kind).
pub const fn ldst(r: u32, t: Reg, s: Reg, imm: U8) -> u32 {
    rri8(2, r, s.num(), t.num(), imm.get())
}

/// `l32i.n` (`op0 = 8`) / `s32i.n` (`op0 = 9`).
pub const fn ldst_n(op0: u32, t: Reg, s: Reg, imm: U4) -> u32 {
    rrrn(op0, imm.get(), s.num(), t.num())
}

/// `entry as, imm` (BRI12 with `n = 3`, `m = 0`; the frame size in units of 8 bytes).
pub const fn entry(s: Reg, imm: U12) -> u32 {
    bri12(6, s, 0, 3, imm.get())
}
