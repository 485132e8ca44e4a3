//! The Thumb instructions only `@micropython.asm_thumb` writes (`py/emitinlinethumb.c`), as values:
//! the sixteen format 4 operations, immediate forms of formats 1 to 3, `bl`, `it<x><y><z>`, wide
//! `push`/`pop`, `clz`/`rbit`/`mrs`/`sdiv`/`udiv`/`ldrex`/`strex`, and the single-precision VFP
//! instructions of `armv7emsp`/`armv7emdp`. Each encodes itself exactly as the C does and prints
//! itself in GNU `as` unified syntax (what `inline_encode_table` feeds back to `arm-none-eabi-as`).
//! Instructions the native emitter also uses (`mov`, `bx`, `b.n`, `ldr rt, [rn, #i]`, ...) stay in
//! [`super::inst::Inst`].

use super::encode::{format_1, format_2, format_3, format_4, it};
use super::imms::{dot_rel, Rel23, U5, U8};
use super::regs::{Cc, Lo, Reg};
use crate::asm::enc::Enc;
use std::fmt;

/// A 3-bit unsigned immediate (`adds rd, rs, #imm3`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct U3(u16);

impl U3 {
    /// `Some` if `v` is 0..=7.
    pub const fn new(v: i64) -> Option<U3> {
        if v >= 0 && v <= 7 {
            Some(U3(v as u16))
        } else {
            None
        }
    }

    /// `v` forced into range: for constants known to fit.
    pub const fn clamped(v: i64) -> U3 {
        U3(if v < 0 {
            0
        } else if v > 7 {
            7
        } else {
            v as u16
        })
    }

    /// The value.
    pub const fn get(self) -> u16 {
        self.0
    }
}

/// A single-precision VFP register `s0`..`s31`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SReg(u8);

impl SReg {
    /// `Some` if `n` is 0..=31.
    pub const fn new(n: u32) -> Option<SReg> {
        if n < 32 {
            Some(SReg(n as u8))
        } else {
            None
        }
    }

    /// `n` forced into range: for values known to fit.
    pub const fn clamped(n: i64) -> SReg {
        SReg(if n < 0 {
            0
        } else if n > 31 {
            31
        } else {
            n as u8
        })
    }

    /// The register number.
    pub const fn num(self) -> u16 {
        self.0 as u16
    }

    /// `Vd`/`Vm`/`Vn` as the VFP encodings split it: the four top bits, then the low bit.
    const fn split(self) -> (u16, u16) {
        ((self.0 as u16) >> 1, (self.0 as u16) & 1)
    }
}

impl fmt::Display for SReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s{}", self.0)
    }
}

/// A special register `mrs` can read (`special_reg_name_table`: `SYSm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpecialReg {
    /// `IPSR` (5).
    Ipsr,
    /// `BASEPRI` (17).
    Basepri,
}

impl SpecialReg {
    /// The register for a name, as `get_arg_special_reg` matches it (exactly).
    pub fn from_name(s: &str) -> Option<SpecialReg> {
        match s {
            "IPSR" => Some(SpecialReg::Ipsr),
            "BASEPRI" => Some(SpecialReg::Basepri),
            _ => None,
        }
    }

    /// The `SYSm` field.
    pub const fn sysm(self) -> u16 {
        match self {
            SpecialReg::Ipsr => 5,
            SpecialReg::Basepri => 17,
        }
    }

    /// The name.
    pub const fn name(self) -> &'static str {
        match self {
            SpecialReg::Ipsr => "IPSR",
            SpecialReg::Basepri => "BASEPRI",
        }
    }
}

/// A format 1 shift (`ASM_THUMB_FORMAT_1_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShiftOp {
    Lsl,
    Lsr,
    Asr,
}

impl ShiftOp {
    /// `ASM_THUMB_FORMAT_1_*`.
    pub const fn opcode(self) -> u16 {
        match self {
            ShiftOp::Lsl => 0x0000,
            ShiftOp::Lsr => 0x0800,
            ShiftOp::Asr => 0x1000,
        }
    }

    /// The flag-setting mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            ShiftOp::Lsl => "lsls",
            ShiftOp::Lsr => "lsrs",
            ShiftOp::Asr => "asrs",
        }
    }
}

/// A format 3 operation with an 8-bit immediate (`ASM_THUMB_FORMAT_3_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Imm8Op {
    Mov,
    Cmp,
    Add,
    Sub,
}

impl Imm8Op {
    /// `ASM_THUMB_FORMAT_3_*`.
    pub const fn opcode(self) -> u16 {
        match self {
            Imm8Op::Mov => 0x2000,
            Imm8Op::Cmp => 0x2800,
            Imm8Op::Add => 0x3000,
            Imm8Op::Sub => 0x3800,
        }
    }

    /// The unified mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            Imm8Op::Mov => "movs",
            Imm8Op::Cmp => "cmp",
            Imm8Op::Add => "adds",
            Imm8Op::Sub => "subs",
        }
    }
}

/// All sixteen format 4 operations (`ASM_THUMB_FORMAT_4_*`), in opcode order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Alu4 {
    And,
    Eor,
    Lsl,
    Lsr,
    Asr,
    Adc,
    Sbc,
    Ror,
    Tst,
    Neg,
    Cmp,
    Cmn,
    Orr,
    Mul,
    Bic,
    Mvn,
}

impl Alu4 {
    /// Every operation, in opcode order.
    pub const ALL: [Alu4; 16] = [
        Alu4::And,
        Alu4::Eor,
        Alu4::Lsl,
        Alu4::Lsr,
        Alu4::Asr,
        Alu4::Adc,
        Alu4::Sbc,
        Alu4::Ror,
        Alu4::Tst,
        Alu4::Neg,
        Alu4::Cmp,
        Alu4::Cmn,
        Alu4::Orr,
        Alu4::Mul,
        Alu4::Bic,
        Alu4::Mvn,
    ];

    /// The three-letter names `format_4_op_table` matches (`and` is written `and_` in Python).
    pub fn from_name(s: &str) -> Option<Alu4> {
        const NAMES: [&str; 16] = [
            "and", "eor", "lsl", "lsr", "asr", "adc", "sbc", "ror", "tst", "neg", "cmp", "cmn",
            "orr", "mul", "bic", "mvn",
        ];
        // `and` itself is not in the C table: Python spells it `and_`.
        NAMES
            .iter()
            .position(|n| *n == s && s != "and")
            .map(|i| Alu4::ALL[i])
    }

    /// `ASM_THUMB_FORMAT_4_*`: `0x4000 | op << 6`.
    pub const fn opcode(self) -> u16 {
        0x4000 | (self as u16) << 6
    }

    /// The flag-setting unified mnemonic (`tst`, `cmp`, `cmn` set flags without an `s`).
    pub const fn mnemonic(self) -> &'static str {
        match self {
            Alu4::And => "ands",
            Alu4::Eor => "eors",
            Alu4::Lsl => "lsls",
            Alu4::Lsr => "lsrs",
            Alu4::Asr => "asrs",
            Alu4::Adc => "adcs",
            Alu4::Sbc => "sbcs",
            Alu4::Ror => "rors",
            Alu4::Tst => "tst",
            Alu4::Neg => "negs",
            Alu4::Cmp => "cmp",
            Alu4::Cmn => "cmn",
            Alu4::Orr => "orrs",
            Alu4::Mul => "muls",
            Alu4::Bic => "bics",
            Alu4::Mvn => "mvns",
        }
    }
}

/// A VFP operation on two registers (`op_vfp_twoargs`: `vcmp`, `vsqrt`, `vneg`, the conversions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Vfp2Op {
    Cmp,
    Sqrt,
    Neg,
    /// `vcvt.f32.s32`: int to float.
    CvtF32S32,
    /// `vcvt.s32.f32`: float to int (round towards zero).
    CvtS32F32,
}

impl Vfp2Op {
    /// `(op_code_hi, op_code)`.
    pub const fn opcodes(self) -> (u16, u16) {
        match self {
            Vfp2Op::Cmp => (0xeeb4, 0x0ac0),
            Vfp2Op::Sqrt => (0xeeb1, 0x0ac0),
            Vfp2Op::Neg => (0xeeb1, 0x0a40),
            Vfp2Op::CvtF32S32 => (0xeeb8, 0x0ac0),
            Vfp2Op::CvtS32F32 => (0xeebd, 0x0ac0),
        }
    }

    /// The mnemonic with its type suffixes.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            Vfp2Op::Cmp => "vcmpe.f32",
            Vfp2Op::Sqrt => "vsqrt.f32",
            Vfp2Op::Neg => "vneg.f32",
            Vfp2Op::CvtF32S32 => "vcvt.f32.s32",
            Vfp2Op::CvtS32F32 => "vcvt.s32.f32",
        }
    }
}

/// A VFP arithmetic operation on three registers (`format_vfp_op_table`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Vfp3Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Vfp3Op {
    /// The three letters after `v` in the table.
    pub fn from_name(s: &str) -> Option<Vfp3Op> {
        match s {
            "add" => Some(Vfp3Op::Add),
            "sub" => Some(Vfp3Op::Sub),
            "mul" => Some(Vfp3Op::Mul),
            "div" => Some(Vfp3Op::Div),
            _ => None,
        }
    }

    /// The table byte: high nibble into the first halfword, low nibble into the second.
    pub const fn code(self) -> u16 {
        match self {
            Vfp3Op::Add => 0x30,
            Vfp3Op::Sub => 0x34,
            Vfp3Op::Mul => 0x20,
            Vfp3Op::Div => 0x80,
        }
    }

    /// The mnemonic.
    pub const fn mnemonic(self) -> &'static str {
        match self {
            Vfp3Op::Add => "vadd.f32",
            Vfp3Op::Sub => "vsub.f32",
            Vfp3Op::Mul => "vmul.f32",
            Vfp3Op::Div => "vdiv.f32",
        }
    }
}

/// `push`/`pop` with any of `r0`..`r15` (32-bit, ARMv7-M: `stmdb sp!` / `ldmia sp!`).
///
/// ```text
/// hi: 1110100 P 0 0 W 1 0 1101   lo: 15------------0
///     push: 0xe92d   pop: 0xe8bd      |     rlist      |
/// ```
pub const fn push_pop_w(pop: bool, rlist: u16) -> [u16; 2] {
    [if pop { 0xe8bd } else { 0xe92d }, rlist]
}

/// `clz` / `rbit rd, rm`: `rm` is written in both halfwords.
///
/// ```text
/// hi: 15---------4 3---0    lo: 15--12 11-8 7---4 3---0
///     |    op      |  rm |       | 1111 |  rd |  op | rm  |
/// ```
pub const fn clz_rbit(op_hi: u16, op_lo: u16, rd: Reg, rm: Reg) -> [u16; 2] {
    [
        op_hi | rm.num() as u16,
        op_lo | (rd.num() as u16) << 8 | rm.num() as u16,
    ]
}

/// `mrs rd, <spec_reg>`.
///
/// ```text
/// hi: 0xf3ef    lo: 15-12 11-8 7------0
///                   | 1000 |  rd | SYSm  |
/// ```
pub const fn mrs(rd: Reg, sysm: SpecialReg) -> [u16; 2] {
    [0xf3ef, 0x8000 | (rd.num() as u16) << 8 | sysm.sysm()]
}

/// `sdiv` / `udiv rd, rn, rm`.
///
/// ```text
/// hi: 15---------4 3---0    lo: 15--12 11-8 7---4 3---0
///     |    op      |  rn |       | 1111 |  rd | 1111 |  rm |
/// ```
pub const fn div(op_hi: u16, rd: Reg, rn: Reg, rm: Reg) -> [u16; 2] {
    [
        op_hi | rn.num() as u16,
        0xf0f0 | (rd.num() as u16) << 8 | rm.num() as u16,
    ]
}

/// `ldrex rt, [rn, #4*imm8]`.
///
/// ```text
/// hi: 0xe85 rn    lo: 15--12 11-8 7-----0
///                     |  rt  | 1111 | imm8 |
/// ```
pub const fn ldrex(rt: Reg, rn: Reg, words: U8) -> [u16; 2] {
    [
        0xe850 | rn.num() as u16,
        0x0f00 | (rt.num() as u16) << 12 | words.get(),
    ]
}

/// `strex rd, rt, [rn, #4*imm8]`: `rd` receives the status.
///
/// ```text
/// hi: 0xe84 rn    lo: 15--12 11-8 7-----0
///                     |  rt  |  rd | imm8 |
/// ```
pub const fn strex(rd: Reg, rt: Reg, rn: Reg, words: U8) -> [u16; 2] {
    [
        0xe840 | rn.num() as u16,
        (rt.num() as u16) << 12 | (rd.num() as u16) << 8 | words.get(),
    ]
}

/// `bl` as `OP_BL_HI/LO` write it: `J1 = J2 = 1`, so 23 bits of offset (±4 MiB).
///
/// ```text
/// hi: 15-11 10-----------0     lo: 15 14 13 12 11 10---------0
///     |11110| rel[22:12]  |        | 1  1  1  1  1 | rel[11:1] |
/// ```
pub const fn bl(rel: Rel23) -> [u16; 2] {
    let r = rel.get();
    [
        0xf000 | ((r >> 12) as u16 & 0x07ff),
        0xf800 | ((r >> 1) as u16 & 0x07ff),
    ]
}

/// Two-register VFP operations (`op_vfp_twoargs`): `Vd = D:Vd`, `Vm = M:Vm` split over both halves.
///
/// ```text
/// hi: 15--------7 6 5----0    lo: 15-12 11----4 3---0 ... (M at bit 5)
///     |   op_hi   | D |      |       |  Vd  |   op   | M | Vm |
/// ```
pub const fn vfp2(op_hi: u16, op_lo: u16, vd: SReg, vm: SReg) -> [u16; 2] {
    let (d4, d1) = vd.split();
    let (m4, m1) = vm.split();
    [op_hi | d1 << 6, op_lo | d4 << 12 | m1 << 5 | m4]
}

/// Three-register VFP arithmetic: `Vd`, `Vn`, `Vm` each split into four bits and one.
///
/// ```text
/// hi: 15---8 7--4  6  3---0     lo: 15-12 11-8 7  6  5  4 3---0
///     | 0xee | op | D |  Vn |        |  Vd | 1010| N | op| M | op | Vm |
/// ```
pub const fn vfp3(code: u16, vd: SReg, vn: SReg, vm: SReg) -> [u16; 2] {
    let (d4, d1) = vd.split();
    let (n4, n1) = vn.split();
    let (m4, m1) = vm.split();
    [
        0xee00 | (code & 0xf0) | d1 << 6 | n4,
        0x0a00 | (code & 0x0f) << 4 | m4 | m1 << 5 | d4 << 12 | n1 << 7,
    ]
}

/// `vmov` between a core register and an S register.
///
/// ```text
/// hi: 15------5 4  3---0    lo: 15-12 11-----8 7  6----0
///     |  0xee0  |op|  Vn |       |  rt  | 1010  | N | 0010000 |
/// ```
pub const fn vmov(to_core: bool, rt: Reg, sn: SReg) -> [u16; 2] {
    let (n4, n1) = sn.split();
    [
        0xee00 | (to_core as u16) << 4 | n4,
        0x0a10 | (rt.num() as u16) << 12 | n1 << 7,
    ]
}

/// `vldr` / `vstr sd, [rn, #4*imm8]` (only `rn` in `r0`..`r7`, as MicroPython allows).
///
/// ```text
/// hi: 15-------7 6  5-4 3---0     lo: 15-12 11---8 7-----0
///     |  op_hi   | D | op |  rn |       |  Vd  | 1010 | imm8 |
/// ```
pub const fn vldr_vstr(op_hi: u16, vd: SReg, rn: Lo, words: U8) -> [u16; 2] {
    let (d4, d1) = vd.split();
    [op_hi | rn.num() | d1 << 6, 0x0a00 | d4 << 12 | words.get()]
}

/// `vmrs rt, fpscr` (`rt` = 15 means `APSR_nzcv`).
///
/// ```text
/// hi: 0xeef1    lo: 15-12 11-------0
///                   |  rt  | 0xa10   |
/// ```
pub const fn vmrs(rt: Reg) -> [u16; 2] {
    [0xeef1, 0x0a10 | (rt.num() as u16) << 12]
}

/// One instruction only the inline assembler writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InlineInst {
    /// `ASM_THUMB_OP_WFI`.
    Wfi,
    /// `ASM_THUMB_OP_CPSID_I`.
    CpsidI,
    /// `ASM_THUMB_OP_CPSIE_I`.
    CpsieI,
    /// Format 1: `lsls/lsrs/asrs rd, rs, #imm5` (0 means 32 for `lsr`/`asr`).
    Shift {
        op: ShiftOp,
        rd: Lo,
        rs: Lo,
        imm: U5,
    },
    /// Format 2: `adds/subs rd, rs, rn`.
    AddSubReg { sub: bool, rd: Lo, rs: Lo, rn: Lo },
    /// Format 2: `adds/subs rd, rs, #imm3`.
    AddSubImm { sub: bool, rd: Lo, rs: Lo, imm: U3 },
    /// Format 3: `movs/cmp/adds/subs rd, #imm8`.
    Imm8 { op: Imm8Op, rd: Lo, imm: U8 },
    /// Format 4.
    Alu { op: Alu4, rd: Lo, rs: Lo },
    /// `push.w` / `pop.w` on any registers.
    PushPopW { pop: bool, rlist: u16 },
    /// `it<x><y><z> cc`: `mask` as `asm_thumb_it_cc` takes it.
    It { cc: Cc, mask: u16 },
    /// `clz rd, rm`.
    Clz { rd: Reg, rm: Reg },
    /// `rbit rd, rm`.
    Rbit { rd: Reg, rm: Reg },
    /// `mrs rd, spec_reg`.
    Mrs { rd: Reg, sysm: SpecialReg },
    /// `sdiv` / `udiv rd, rn, rm`.
    Div {
        signed: bool,
        rd: Reg,
        rn: Reg,
        rm: Reg,
    },
    /// `ldrex rt, [rn, #4*words]`.
    Ldrex { rt: Reg, rn: Reg, words: U8 },
    /// `strex rd, rt, [rn, #4*words]`.
    Strex {
        rd: Reg,
        rt: Reg,
        rn: Reg,
        words: U8,
    },
    /// `bl label`.
    Bl(Rel23),
    /// `vcmp`/`vsqrt`/`vneg`/`vcvt` on two S registers.
    Vfp2 { op: Vfp2Op, vd: SReg, vm: SReg },
    /// `vadd`/`vsub`/`vmul`/`vdiv`.
    Vfp3 {
        op: Vfp3Op,
        vd: SReg,
        vn: SReg,
        vm: SReg,
    },
    /// `vmov rt, sn` (`to_core`) or `vmov sn, rt`.
    Vmov { to_core: bool, rt: Reg, sn: SReg },
    /// `vldr` (`load`) / `vstr sd, [rn, #4*words]`.
    VldrVstr {
        load: bool,
        vd: SReg,
        rn: Lo,
        words: U8,
    },
    /// `vmrs rt, fpscr`.
    Vmrs(Reg),
}

impl InlineInst {
    /// The halfwords, in the order they are written.
    pub fn halfwords(&self) -> ([u16; 2], usize) {
        let one = |h: u16| ([h, 0], 1);
        let two = |h: [u16; 2]| (h, 2);
        match *self {
            InlineInst::Wfi => one(0xbf30),
            InlineInst::CpsidI => one(0xb672),
            InlineInst::CpsieI => one(0xb662),
            InlineInst::Shift { op, rd, rs, imm } => one(format_1(op.opcode(), rd, rs, imm)),
            InlineInst::AddSubReg { sub, rd, rs, rn } => {
                one(format_2(if sub { 0x1a00 } else { 0x1800 }, rd, rs, rn))
            }
            InlineInst::AddSubImm { sub, rd, rs, imm } => one((if sub { 0x1a00 } else { 0x1800 })
                | 0x0400
                | imm.get() << 6
                | rs.num() << 3
                | rd.num()),
            InlineInst::Imm8 { op, rd, imm } => one(format_3(op.opcode(), rd, imm)),
            InlineInst::Alu { op, rd, rs } => one(format_4(op.opcode(), rd, rs)),
            InlineInst::PushPopW { pop, rlist } => two(push_pop_w(pop, rlist)),
            InlineInst::It { cc, mask } => one(it(cc, mask)),
            InlineInst::Clz { rd, rm } => two(clz_rbit(0xfab0, 0xf080, rd, rm)),
            InlineInst::Rbit { rd, rm } => two(clz_rbit(0xfa90, 0xf0a0, rd, rm)),
            InlineInst::Mrs { rd, sysm } => two(mrs(rd, sysm)),
            InlineInst::Div { signed, rd, rn, rm } => {
                two(div(if signed { 0xfb90 } else { 0xfbb0 }, rd, rn, rm))
            }
            InlineInst::Ldrex { rt, rn, words } => two(ldrex(rt, rn, words)),
            InlineInst::Strex { rd, rt, rn, words } => two(strex(rd, rt, rn, words)),
            InlineInst::Bl(rel) => two(bl(rel)),
            InlineInst::Vfp2 { op, vd, vm } => {
                let (hi, lo) = op.opcodes();
                two(vfp2(hi, lo, vd, vm))
            }
            InlineInst::Vfp3 { op, vd, vn, vm } => two(vfp3(op.code(), vd, vn, vm)),
            InlineInst::Vmov { to_core, rt, sn } => two(vmov(to_core, rt, sn)),
            InlineInst::VldrVstr {
                load,
                vd,
                rn,
                words,
            } => two(vldr_vstr(if load { 0xed90 } else { 0xed80 }, vd, rn, words)),
            InlineInst::Vmrs(rt) => two(vmrs(rt)),
        }
    }

    /// Encodes the instruction: each halfword little endian.
    pub fn encode(&self, e: &mut Enc) {
        let (hs, n) = self.halfwords();
        for h in &hs[..n] {
            e.bytes(&h.to_le_bytes());
        }
    }

    /// The encoded bytes.
    pub fn bytes(&self) -> Enc {
        let mut e = Enc::new();
        self.encode(&mut e);
        e
    }
}

/// `{r0, r2, lr}` for a 16-bit register mask.
fn reglist_text(rlist: u16) -> String {
    let regs: Vec<&str> = (0..16)
        .filter(|i| rlist & (1 << i) != 0)
        .map(|i| Reg::ALL[i].name())
        .collect();
    format!("{{{}}}", regs.join(", "))
}

/// The `x`/`y`/`z` letters of an `it` instruction from its mask (`t` where the bit equals `cc[0]`).
fn it_suffix(cc: Cc, mask: u16) -> String {
    let n = (mask & 0xf).trailing_zeros().min(4);
    let first = cc.num() & 1;
    (0..3usize.saturating_sub(n as usize))
        .map(|i| {
            if (mask >> (3 - i)) & 1 == first {
                't'
            } else {
                'e'
            }
        })
        .collect()
}

impl fmt::Display for InlineInst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            InlineInst::Wfi => write!(f, "wfi"),
            InlineInst::CpsidI => write!(f, "cpsid i"),
            InlineInst::CpsieI => write!(f, "cpsie i"),
            InlineInst::Shift { op, rd, rs, imm } => {
                write!(f, "{} {rd}, {rs}, #{}", op.mnemonic(), imm.get())
            }
            InlineInst::AddSubReg { sub, rd, rs, rn } => {
                write!(f, "{} {rd}, {rs}, {rn}", if sub { "subs" } else { "adds" })
            }
            InlineInst::AddSubImm { sub, rd, rs, imm } => write!(
                f,
                "{} {rd}, {rs}, #{}",
                if sub { "subs" } else { "adds" },
                imm.get()
            ),
            InlineInst::Imm8 { op, rd, imm } => write!(f, "{} {rd}, #{}", op.mnemonic(), imm.get()),
            InlineInst::Alu {
                op: Alu4::Mul,
                rd,
                rs,
            } => write!(f, "muls {rd}, {rs}, {rd}"),
            InlineInst::Alu { op, rd, rs } => write!(f, "{} {rd}, {rs}", op.mnemonic()),
            InlineInst::PushPopW { pop, rlist } => write!(
                f,
                "{} {}",
                if pop { "pop.w" } else { "push.w" },
                reglist_text(rlist)
            ),
            InlineInst::It { cc, mask } => write!(f, "it{} {}", it_suffix(cc, mask), cc.suffix()),
            InlineInst::Clz { rd, rm } => write!(f, "clz {rd}, {rm}"),
            InlineInst::Rbit { rd, rm } => write!(f, "rbit {rd}, {rm}"),
            InlineInst::Mrs { rd, sysm } => write!(f, "mrs {rd}, {}", sysm.name()),
            InlineInst::Div { signed, rd, rn, rm } => write!(
                f,
                "{} {rd}, {rn}, {rm}",
                if signed { "sdiv" } else { "udiv" }
            ),
            InlineInst::Ldrex { rt, rn, words } => {
                write!(f, "ldrex {rt}, [{rn}, #{}]", 4 * words.get())
            }
            InlineInst::Strex { rd, rt, rn, words } => {
                write!(f, "strex {rd}, {rt}, [{rn}, #{}]", 4 * words.get())
            }
            InlineInst::Bl(rel) => write!(f, "bl {}", dot_rel(rel.get() as i64 + 4)),
            InlineInst::Vfp2 { op, vd, vm } => write!(f, "{} {vd}, {vm}", op.mnemonic()),
            InlineInst::Vfp3 { op, vd, vn, vm } => write!(f, "{} {vd}, {vn}, {vm}", op.mnemonic()),
            InlineInst::Vmov {
                to_core: true,
                rt,
                sn,
            } => write!(f, "vmov {rt}, {sn}"),
            InlineInst::Vmov { rt, sn, .. } => write!(f, "vmov {sn}, {rt}"),
            InlineInst::VldrVstr {
                load,
                vd,
                rn,
                words,
            } => write!(
                f,
                "{} {vd}, [{rn}, #{}]",
                if load { "vldr" } else { "vstr" },
                4 * words.get()
            ),
            InlineInst::Vmrs(Reg::R15) => write!(f, "vmrs APSR_nzcv, fpscr"),
            InlineInst::Vmrs(rt) => write!(f, "vmrs {rt}, fpscr"),
        }
    }
}

#[cfg(test)]
#[path = "inline_encode_table.rs"]
#[rustfmt::skip]
mod inline_encode_table;

#[cfg(test)]
mod tests {
    use super::inline_encode_table::ROWS;

    /// Every row of `inline_encode_table.rs` (bytes from a real assembler) encodes to the same bytes
    /// and prints as the same text.
    #[test]
    fn encoder_matches_assembler() {
        let mut bad = Vec::new();
        for (inst, text, bytes) in ROWS {
            let got = inst.bytes();
            let got_text = inst.to_string();
            if got.as_slice() != *bytes || got_text != *text {
                bad.push(format!(
                    "{inst:?}\n  as:  {text:<40} {bytes:02x?}\n  us:  {got_text:<40} {:02x?}",
                    got.as_slice()
                ));
            }
        }
        assert!(
            bad.is_empty(),
            "{} of {} rows differ:\n{}",
            bad.len(),
            ROWS.len(),
            bad.join("\n")
        );
    }

    /// Re-runs `scripts/gen-inline-asm-tests.py --check` (all three inline tables) when the assemblers
    /// are installed.
    #[test]
    fn inline_tables_are_current() {
        crate::asm::testutil::check_generated_table(
            "gen-inline-asm-tests.py",
            &[
                "arm-none-eabi-as",
                "arm-none-eabi-objcopy",
                "arm-none-eabi-nm",
                "xtensa-lx106-elf-as",
                "xtensa-lx106-elf-objcopy",
                "xtensa-lx106-elf-nm",
                "riscv64-unknown-elf-as",
                "riscv64-unknown-elf-objcopy",
                "riscv64-unknown-elf-nm",
                "llvm-mc-19",
            ],
        );
    }
}
