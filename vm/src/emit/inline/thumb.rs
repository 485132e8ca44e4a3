//! `@micropython.asm_thumb`: the port of `py/emitinlinethumb.c` (1.29).
//!
//! Instructions are looked up by argument count, then name, exactly in the C's order, because the
//! order decides which error a malformed instruction gets: `ldr(r0, 5)` first fails as "expects an
//! address" and is then reported as "unsupported Thumb instruction 'ldr' with 2 arguments". Thumb-2
//! instructions (`movw`, `it`, `b<cc>_w`, wide `push`, ...) exist from `armv7m` on; the VFP ones
//! (any name starting with `v`) only on `armv7emsp` and `armv7emdp`. On `armv6` the code is Thumb
//! behind a five-word ARM prelude that switches state (`asm_thumb_entry`).

use super::args::{self, Node};
use super::{Isa, Shared};
use crate::asm::thumb::imms::{Rel12, Rel21, Rel23, Rel9, U5, U8};
use crate::asm::thumb::inline_inst::{
    Alu4, Imm8Op, InlineInst, SReg, ShiftOp, SpecialReg, Vfp2Op, Vfp3Op, U3,
};
use crate::asm::thumb::inst::{Inst, LdSt};
use crate::asm::thumb::regs::{Cc, Lo, Reg};
use crate::asm::thumb::{AsmThumb, Variant};
use crate::asm::{Asm, AsmError, CodeBuffer, Label, Pass};

/// The ARM-state prelude `asm_thumb_entry` writes for `-march=armv6`: `push {r4, lr}`,
/// `add lr, pc, #9` (the Thumb body, odd for Thumb state), `blx lr`, `pop {r4, lr}`, `bx lr`.
const ARM_PRELUDE: [(u32, &str); 5] = [
    (0xe92d_4010, "push {r4, lr}"),
    (0xe28f_e009, "add lr, pc, #9"),
    (0xe12f_ff3e, "blx lr"),
    (0xe8bd_4010, "pop {r4, lr}"),
    (0xe12f_ff1e, "bx lr"),
];

/// `reg_name_table`: `r0`..`r15` and the aliases `sl fp sp lr pc`.
fn reg_number(s: &str) -> Option<u32> {
    const ALIASES: [(&str, u32); 5] = [("sl", 10), ("fp", 11), ("sp", 13), ("lr", 14), ("pc", 15)];
    if let Some(&(_, n)) = ALIASES.iter().find(|(a, _)| *a == s) {
        return Some(n);
    }
    let digits = s.strip_prefix('r')?;
    let n: u32 = match digits.len() {
        1 if digits.as_bytes()[0].is_ascii_digit() => digits.parse().ok()?,
        // Two digits only for r10..r15 (the table has no "r01").
        2 if digits.starts_with('1') => digits.parse().ok()?,
        _ => return None,
    };
    (n <= 15).then_some(n)
}

/// `cc_name_table`.
fn cc_from(s: &[u8]) -> Option<Cc> {
    const NAMES: [&[u8; 2]; 14] = [
        b"eq", b"ne", b"cs", b"cc", b"mi", b"pl", b"vs", b"vc", b"hi", b"ls", b"ge", b"lt", b"gt",
        b"le",
    ];
    NAMES.iter().position(|n| s == &n[..]).map(|i| Cc::ALL[i])
}

/// `SIGNED_FIT<n>`: the C compares only bits `n-1..31` (the mask is a 32-bit constant).
fn signed_fit(x: i64, bits: u32) -> bool {
    let mask = (0xffff_ffffu64 << (bits - 1)) & 0xffff_ffff;
    let m = (x as u64) & mask;
    m == 0 || m == mask
}

/// `x` with bit 0 cleared and sign-extended from `bits` bits: the bits the C writes into a branch
/// whatever the range (bit 0 is never encoded).
fn wrap(x: i64, bits: u32) -> i64 {
    let shift = 64 - bits;
    ((x & !1) << shift) >> shift
}

/// The argument parsers of `emitinlinethumb.c`, for one instruction.
struct Args<'s> {
    sh: &'s mut Shared,
    op: &'s str,
}

impl Args<'_> {
    /// `get_arg_reg`: a register number up to `max`, else 0 with an error.
    fn reg(&mut self, n: Node<'_>, max: u32) -> u32 {
        match reg_number(n.arg_str()) {
            Some(r) if r > max => {
                self.sh
                    .error(format!("'{}' expects at most r{max}", self.op));
                0
            }
            Some(r) => r,
            None => {
                self.sh.error(format!("'{}' expects a register", self.op));
                0
            }
        }
    }

    /// A low register (`get_arg_reg(..., 7)`).
    fn lo(&mut self, n: Node<'_>) -> Lo {
        Lo::ALL[self.reg(n, 7) as usize]
    }

    /// Any register (`get_arg_reg(..., 15)`).
    fn any(&mut self, n: Node<'_>) -> Reg {
        Reg::ALL[self.reg(n, 15) as usize]
    }

    /// `get_arg_special_reg`.
    fn special(&mut self, n: Node<'_>) -> SpecialReg {
        SpecialReg::from_name(n.arg_str()).unwrap_or_else(|| {
            self.sh
                .error(format!("'{}' expects a special register", self.op));
            // C returns 0 after the error; the instruction is dropped with it.
            SpecialReg::Ipsr
        })
    }

    /// `get_arg_vfpreg`: `s` and decimal digits, at most 31.
    fn vfp(&mut self, n: Node<'_>) -> SReg {
        let s = n.arg_str();
        if let Some(digits) = s.strip_prefix('s').filter(|d| !d.is_empty()) {
            if digits.bytes().all(|b| b.is_ascii_digit()) {
                // `regno = 10 * regno + v` in a 64-bit mp_uint_t, wrapping like the C.
                let regno = digits.bytes().fold(0u64, |r, b| {
                    r.wrapping_mul(10).wrapping_add(u64::from(b - b'0'))
                });
                if regno > 31 {
                    self.sh.error(format!("'{}' expects at most r31", self.op));
                    return SReg::clamped(0);
                }
                return SReg::clamped(regno as i64);
            }
        }
        self.sh
            .error(format!("'{}' expects an FPU register", self.op));
        SReg::clamped(0)
    }

    /// `get_arg_reglist`: the register bits of `{r0, r1, ...}`.
    fn reglist(&mut self, n: Node<'_>) -> u32 {
        match args::reglist(n, &self.sh.src) {
            Some(items) => items.iter().fold(0, |acc, &r| acc | 1 << self.reg(r, 15)),
            None => {
                self.sh
                    .error(format!("'{}' expects {{r0, r1, ...}}", self.op));
                0
            }
        }
    }

    /// `get_arg_i`: an integer (truncated to 32 bits) with no bits outside `mask`.
    fn int(&mut self, n: Node<'_>, mask: u32) -> u32 {
        let Some(v) = n.int() else {
            self.sh.error(format!("'{}' expects an integer", self.op));
            return 0;
        };
        let i = v as u32;
        if i & !mask != 0 {
            self.sh.error(format!(
                "'{}' integer 0x{i:x} doesn't fit in mask 0x{mask:x}",
                self.op
            ));
            return 0;
        }
        i
    }

    /// `get_arg_addr`: `[base, offset]`.
    fn addr<'a>(&mut self, n: Node<'a>) -> Option<(Node<'a>, Node<'a>)> {
        let a = args::address(n);
        if a.is_none() {
            self.sh.error(format!(
                "'{}' expects an address of the form [a, b]",
                self.op
            ));
        }
        a
    }

    /// `get_arg_label`.
    fn label(&mut self, n: Node<'_>) -> Label {
        self.sh.arg_label(self.op, n)
    }

    /// `goto unknown_op`.
    fn unknown(&mut self, n_args: usize) {
        self.sh.error(format!(
            "unsupported Thumb instruction '{}' with {n_args} arguments",
            self.op
        ));
    }
}

/// The Thumb inline assembler for variant `V`.
pub struct InlineThumb<V: Variant> {
    asm: AsmThumb<V>,
    /// `-march=armv6`: ARM code calls the function, so an ARM prelude switches to Thumb first.
    arm_prelude: bool,
}

impl<V: Variant> InlineThumb<V> {
    /// `emit_inline_thumb_new`.
    pub fn new(max_num_labels: usize, arm_prelude: bool) -> Self {
        InlineThumb {
            asm: AsmThumb::new(max_num_labels),
            arm_prelude,
        }
    }

    /// `MICROPY_EMIT_INLINE_THUMB_FLOAT` for this target.
    fn float() -> bool {
        matches!(V::ARCH, "armv7emsp" | "armv7emdp")
    }

    fn put(&mut self, i: InlineInst) {
        let bytes = i.bytes();
        self.asm.base_mut().emit(bytes.as_slice(), || i.to_string());
    }

    fn put_base(&mut self, i: Inst) {
        self.asm.emit(i);
    }

    /// `asm_thumb_mov_reg_i16` asserts `reg_dest < r15`: mpy-cross aborts, so this is recorded as a
    /// contract breach.
    fn check_mov_i16(&mut self, rd: Reg) {
        if rd == Reg::R15 {
            self.asm.base_mut().fail(AsmError::RegisterNotEncodable {
                op: "asm_thumb_mov_reg_i16",
                reg: rd.name(),
            });
        }
    }

    /// `dest - code_offset - 4` for a branch here.
    fn rel(&self, sh: &Shared, label: Label) -> i64 {
        sh.label_rel(label, self.asm.base().code_pos()) - 4
    }

    /// `asm_thumb_b_n_label`: false if out of range in the emit pass.
    fn b_n(&mut self, sh: &Shared, label: Label) -> bool {
        let rel = self.rel(sh, label);
        self.put_base(Inst::BN(Rel12::clamped(wrap(rel, 12))));
        sh.pass != Pass::Emit || signed_fit(rel, 12)
    }

    /// `asm_thumb_bcc_nw_label`.
    fn bcc_nw(&mut self, sh: &Shared, cc: Cc, label: Label, wide: bool) -> bool {
        let rel = self.rel(sh, label);
        if wide {
            self.put_base(Inst::BccW {
                cc,
                rel: Rel21::clamped(wrap(rel, 21)),
            });
            true
        } else {
            self.put_base(Inst::BccN {
                cc,
                rel: Rel9::clamped(wrap(rel, 9)),
            });
            sh.pass != Pass::Emit || signed_fit(rel, 9)
        }
    }

    /// `asm_thumb_bl_label`.
    fn bl(&mut self, sh: &Shared, label: Label) -> bool {
        let rel = self.rel(sh, label);
        self.put(InlineInst::Bl(Rel23::clamped(wrap(rel, 23))));
        sh.pass != Pass::Emit || signed_fit(rel, 23)
    }

    /// The floating-point instructions (`op_str[0] == 'v'` on a VFP target).
    fn op_float(&mut self, a: &mut Args<'_>, args: &[Node<'_>]) {
        let op = a.op;
        match args {
            [x, y] => {
                let two = match op {
                    "vcmp" => Some(Vfp2Op::Cmp),
                    "vsqrt" => Some(Vfp2Op::Sqrt),
                    "vneg" => Some(Vfp2Op::Neg),
                    "vcvt_f32_s32" => Some(Vfp2Op::CvtF32S32),
                    "vcvt_s32_f32" => Some(Vfp2Op::CvtS32F32),
                    _ => None,
                };
                if let Some(v) = two {
                    let vd = a.vfp(*x);
                    let vm = a.vfp(*y);
                    self.put(InlineInst::Vfp2 { op: v, vd, vm });
                    return;
                }
                match op {
                    "vmrs" => {
                        let rt = if x.arg_str() == "APSR_nzcv" {
                            Reg::R15
                        } else {
                            a.any(*x)
                        };
                        if y.arg_str() == "FPSCR" {
                            self.put(InlineInst::Vmrs(rt));
                        } else {
                            a.unknown(2);
                        }
                    }
                    "vmov" => {
                        let (to_core, rt, sn) = if x.arg_str().starts_with('r') {
                            let rt = a.any(*x);
                            (true, rt, a.vfp(*y))
                        } else {
                            let sn = a.vfp(*x);
                            (false, a.any(*y), sn)
                        };
                        self.put(InlineInst::Vmov { to_core, rt, sn });
                    }
                    "vldr" | "vstr" => {
                        let vd = a.vfp(*x);
                        if let Some((base, offset)) = a.addr(*y) {
                            let rn = a.lo(base);
                            let words = a.int(offset, 0x3fc) >> 2;
                            self.put(InlineInst::VldrVstr {
                                load: op == "vldr",
                                vd,
                                rn,
                                words: U8::clamped(words as i64),
                            });
                        }
                    }
                    _ => a.unknown(2),
                }
            }
            [x, y, z] => {
                let arith = (op.len() == 4)
                    .then(|| op.get(1..4))
                    .flatten()
                    .and_then(Vfp3Op::from_name);
                match arith {
                    Some(v) => {
                        let vd = a.vfp(*x);
                        let vn = a.vfp(*y);
                        let vm = a.vfp(*z);
                        self.put(InlineInst::Vfp3 { op: v, vd, vn, vm });
                    }
                    None => a.unknown(3),
                }
            }
            _ => a.unknown(args.len()),
        }
    }

    /// `it<x><y><z> cc` (ARMv7-M): `None` means "unsupported instruction".
    fn it(op: &str, arg: &str) -> Option<(Cc, u16)> {
        let a = arg.as_bytes();
        let cc = if a.len() == 2 {
            cc_from(a)?
        } else {
            return None;
        };
        let suffix = &op.as_bytes()[2..];
        if suffix.len() > 3 {
            return None;
        }
        let c0 = cc.num() & 1;
        let mut mask: u16 = 8;
        for &ch in suffix.iter().rev() {
            mask >>= 1;
            match ch {
                b't' => mask |= c0 << 3,
                b'e' => mask |= (!c0 & 1) << 3,
                _ => return None,
            }
        }
        Some((cc, mask))
    }

    /// One-argument instructions.
    fn op1(&mut self, a: &mut Args<'_>, x: Node<'_>) {
        let op = a.op;
        let ob = op.as_bytes();
        let v7 = V::ARMV7M;
        match op {
            "b" => {
                let l = a.label(x);
                if !self.b_n(a.sh, l) {
                    a.sh.error("branch not in range");
                }
            }
            "bl" => {
                let l = a.label(x);
                if !self.bl(a.sh, l) {
                    a.sh.error("branch not in range");
                }
            }
            "bx" => {
                let r = a.any(x);
                self.put_base(Inst::Bx(r));
            }
            _ if ob[0] == b'b'
                && (ob.len() == 3
                    || (ob.len() == 5
                        && ob[3] == b'_'
                        && (ob[4] == b'n' || (v7 && ob[4] == b'w')))) =>
            {
                let Some(cc) = cc_from(&ob[1..3]) else {
                    a.unknown(1);
                    return;
                };
                let l = a.label(x);
                if !self.bcc_nw(a.sh, cc, l, ob.len() == 5 && ob[4] == b'w') {
                    a.sh.error("branch not in range");
                }
            }
            _ if v7 && ob.len() >= 2 && &ob[..2] == b"it" => match Self::it(op, x.arg_str()) {
                Some((cc, mask)) => self.put(InlineInst::It { cc, mask }),
                None => a.unknown(1),
            },
            "cpsid" => self.put(InlineInst::CpsidI),
            "cpsie" => self.put(InlineInst::CpsieI),
            "push" | "pop" => {
                // 16 bits for r0..r7 plus `lr` (push) or `pc` (pop), else 32 bits on ARMv7-M.
                let pop = op == "pop";
                let extra = if pop { 15 } else { 14 };
                let rlist = a.reglist(x);
                if rlist & 0xff00 & !(1 << extra) == 0 {
                    let (low, with) = (rlist as u8, rlist & (1 << extra) != 0);
                    self.put_base(if pop {
                        Inst::Pop {
                            rlist: low,
                            pc: with,
                        }
                    } else {
                        Inst::Push {
                            rlist: low,
                            lr: with,
                        }
                    });
                } else if v7 {
                    self.put(InlineInst::PushPopW {
                        pop,
                        rlist: rlist as u16,
                    });
                } else {
                    a.unknown(1);
                }
            }
            _ => a.unknown(1),
        }
    }

    /// Two-argument instructions whose second argument is an identifier (a register).
    fn op2_reg(&mut self, a: &mut Args<'_>, x: Node<'_>, y: Node<'_>) {
        let op = a.op;
        let v7 = V::ARMV7M;
        match op {
            "mov" => {
                let rd = a.any(x);
                let rs = a.any(y);
                self.put_base(Inst::MovReg { rd, rs });
            }
            "clz" | "rbit" if v7 => {
                let rd = a.any(x);
                let rm = a.any(y);
                self.put(if op == "clz" {
                    InlineInst::Clz { rd, rm }
                } else {
                    InlineInst::Rbit { rd, rm }
                });
            }
            "mrs" if v7 => {
                let rd = Reg::ALL[a.reg(x, 12) as usize];
                let sysm = a.special(y);
                self.put(InlineInst::Mrs { rd, sysm });
            }
            _ => {
                let alu = if op == "and_" {
                    Some(Alu4::And)
                } else {
                    Alu4::from_name(op)
                };
                match alu {
                    Some(alu) => {
                        let rd = a.lo(x);
                        let rs = a.lo(y);
                        self.put(InlineInst::Alu { op: alu, rd, rs });
                    }
                    None => a.unknown(2),
                }
            }
        }
    }

    /// Two-argument instructions whose second argument is not an identifier.
    fn op2_other(&mut self, a: &mut Args<'_>, x: Node<'_>, y: Node<'_>) {
        let op = a.op;
        let v7 = V::ARMV7M;
        let imm8 = match op {
            "mov" => Some(Imm8Op::Mov),
            "cmp" => Some(Imm8Op::Cmp),
            "add" => Some(Imm8Op::Add),
            "sub" => Some(Imm8Op::Sub),
            _ => None,
        };
        if let Some(i8op) = imm8 {
            let rd = a.lo(x);
            let imm = a.int(y, 0xff);
            self.put(InlineInst::Imm8 {
                op: i8op,
                rd,
                imm: U8::clamped(imm as i64),
            });
            return;
        }
        match op {
            "movw" | "movt" if v7 => {
                let rd = a.any(x);
                self.check_mov_i16(rd);
                let imm = a.int(y, 0xffff) as u16;
                self.put_base(if op == "movw" {
                    Inst::Movw { rd, imm }
                } else {
                    Inst::Movt { rd, imm }
                });
            }
            "movwt" if v7 => {
                let rd = a.any(x);
                self.check_mov_i16(rd);
                let imm = a.int(y, 0xffff_ffff);
                self.put_base(Inst::Movw {
                    rd,
                    imm: imm as u16,
                });
                self.put_base(Inst::Movt {
                    rd,
                    imm: (imm >> 16) as u16,
                });
            }
            "ldrex" if v7 => {
                let rt = a.any(x);
                if let Some((base, offset)) = a.addr(y) {
                    let rn = a.any(base);
                    let words = a.int(offset, 0xff) >> 2;
                    self.put(InlineInst::Ldrex {
                        rt,
                        rn,
                        words: U8::clamped(words as i64),
                    });
                }
            }
            _ => {
                let ldst = match op {
                    "ldr" => Some(LdSt::Ldr),
                    "ldrb" => Some(LdSt::Ldrb),
                    "ldrh" => Some(LdSt::Ldrh),
                    "str" => Some(LdSt::Str),
                    "strb" => Some(LdSt::Strb),
                    "strh" => Some(LdSt::Strh),
                    _ => None,
                };
                if let Some(ldst) = ldst {
                    let rt = a.lo(x);
                    if let Some((base, offset)) = a.addr(y) {
                        let rn = a.lo(base);
                        let imm = match ldst.shift() {
                            0 => a.int(offset, 0x1f),
                            1 => a.int(offset, 0x3e) >> 1,
                            _ => a.int(offset, 0x7c) >> 2,
                        };
                        self.put_base(Inst::LdStImm {
                            op: ldst,
                            rt,
                            rn,
                            imm: U5::clamped(imm as i64),
                        });
                        return;
                    }
                }
                a.unknown(2);
            }
        }
    }

    /// Three-argument instructions.
    fn op3(&mut self, a: &mut Args<'_>, x: Node<'_>, y: Node<'_>, z: Node<'_>) {
        let op = a.op;
        let v7 = V::ARMV7M;
        let shift = match op {
            "lsl" => Some(ShiftOp::Lsl),
            "lsr" => Some(ShiftOp::Lsr),
            "asr" => Some(ShiftOp::Asr),
            _ => None,
        };
        if let Some(s) = shift {
            let rd = a.lo(x);
            let rs = a.lo(y);
            let imm = a.int(z, 0x1f);
            self.put(InlineInst::Shift {
                op: s,
                rd,
                rs,
                imm: U5::clamped(imm as i64),
            });
            return;
        }
        match op {
            "add" | "sub" => {
                let sub = op == "sub";
                let rd = a.lo(x);
                let rs = a.lo(y);
                if z.id().is_some() {
                    let rn = a.lo(z);
                    self.put(InlineInst::AddSubReg { sub, rd, rs, rn });
                } else {
                    let imm = a.int(z, 0x7);
                    self.put(InlineInst::AddSubImm {
                        sub,
                        rd,
                        rs,
                        imm: U3::clamped(imm as i64),
                    });
                }
            }
            "sdiv" | "udiv" if v7 => {
                let rd = a.any(x);
                let rn = a.any(y);
                let rm = a.any(z);
                self.put(InlineInst::Div {
                    signed: op == "sdiv",
                    rd,
                    rn,
                    rm,
                });
            }
            "strex" if v7 => {
                let rd = a.any(x);
                let rt = a.any(y);
                if let Some((base, offset)) = a.addr(z) {
                    let rn = a.any(base);
                    let words = a.int(offset, 0xff) >> 2;
                    self.put(InlineInst::Strex {
                        rd,
                        rt,
                        rn,
                        words: U8::clamped(words as i64),
                    });
                }
            }
            _ => a.unknown(3),
        }
    }
}

impl<V: Variant> Isa for InlineThumb<V> {
    fn base(&self) -> &CodeBuffer {
        self.asm.base()
    }

    fn base_mut(&mut self) -> &mut CodeBuffer {
        self.asm.base_mut()
    }

    /// `asm_thumb_entry(as, 0)`: the ARM prelude on `armv6`, then `push {r1, r4-r7, lr}`.
    fn entry(&mut self) {
        if self.arm_prelude {
            for (word, text) in ARM_PRELUDE {
                self.asm
                    .base_mut()
                    .emit(&word.to_le_bytes(), || text.to_string());
            }
        }
        self.asm.entry(0, "");
    }

    /// `asm_thumb_exit`: `pop {r1, r4-r7, pc}`.
    fn exit(&mut self) {
        self.asm.exit();
    }

    /// `emit_inline_thumb_count_params`: up to four parameters named `r0`, `r1`, ... in order.
    fn count_params(&mut self, sh: &mut Shared, params: &[Node<'_>]) -> u32 {
        if params.len() > 4 {
            sh.error("can only have up to 4 parameters to Thumb assembly");
            return 0;
        }
        for (i, p) in params.iter().enumerate() {
            let want = format!("r{i}");
            if p.id() != Some(want.as_str()) {
                sh.error("parameters must be registers in sequence r0 to r3");
                return 0;
            }
        }
        params.len() as u32
    }

    /// `emit_inline_thumb_op`.
    fn op(&mut self, sh: &mut Shared, op: &str, args: &[Node<'_>]) {
        let mut a = Args { sh, op };
        if Self::float() && op.starts_with('v') {
            self.op_float(&mut a, args);
            return;
        }
        match *args {
            [] => match op {
                "nop" => self.put_base(Inst::Nop),
                "wfi" => self.put(InlineInst::Wfi),
                _ => a.unknown(0),
            },
            [x] => self.op1(&mut a, x),
            [x, y] => {
                if y.id().is_some() {
                    self.op2_reg(&mut a, x, y);
                } else {
                    self.op2_other(&mut a, x, y);
                }
            }
            [x, y, z] => self.op3(&mut a, x, y, z),
            _ => a.unknown(args.len()),
        }
    }
}
