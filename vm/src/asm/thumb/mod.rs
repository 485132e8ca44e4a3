//! Thumb assembler: `py/asmthumb.c` and the `GENERIC_ASM_API` block of `py/asmthumb.h` (1.29), for
//! `-march=armv6m` (Thumb-1 only: RP2040, nRF51, SAMD21) and `armv7m armv7em armv7emsp armv7emdp`
//! (Thumb-2: RP2350, STM32, nRF52). The four ARMv7-M variants emit identical native code: the floating
//! point ones differ only for inline assembly and in the `.mpy` header.
//!
//! Calling convention (AAPCS): arguments in `r0..r3`, result in `r0`, `r4..r11` callee-saved. The
//! native emitter keeps `&mp_fun_table` in `r7` and locals / the qstr table in `r4 r5 r6`.
//!
//! Frame built by [`Asm::entry`]: `push {r1, r4-r7, lr}` for 0..=1 locals, `push {r1-r7, lr}` for
//! more, plus `sub sp` for the locals beyond the three pushed argument slots (rounded up to keep the
//! stack 8-byte aligned). Local `i` lives at `[sp + 4*i]`.
//!
//! The per-variant choices (`asm_thumb_allow_armv7m`):
//! - immediates: `movs` for 0..=255 to a low register, else `movw`(+`movt`) on ARMv7-M; ARMv6-M builds
//!   them from `movs`/`lsls`/`adds`/`negs` or loads them from an inline literal;
//! - branches: a backward branch in range is 16 bits; anything else is `b.w`/`b<cc>.w` on ARMv7-M,
//!   while ARMv6-M reserves 8 or 10 bytes for `ldr r1, [pc]; add pc, r1; .word` (a forward branch
//!   that turns out to be short is `b.n` padded with `nop`s, since the size was fixed in an earlier
//!   pass), and a conditional one skips over that with the inverse condition;
//! - loads and stores: `ldr rt, [rn, #i5]` for low registers and small offsets, `ldr.w` with a 12-bit
//!   byte offset on ARMv7-M, else the base plus offset is computed first (`asm_thumb_add_reg_reg_offset`).

pub mod encode;
pub mod imms;
pub mod inline_inst;
pub mod inst;
pub mod regs;

#[cfg(test)]
mod asm_tests;
#[cfg(test)]
mod emit_tests;
#[cfg(test)]
#[rustfmt::skip]
mod encode_table;

use crate::asm::{Asm, AsmError, CodeBuffer, Comparison, FunKind, Label, Pass};
use imms::{signed_fit, Rel12, Rel21, Rel23, Rel9, U11, U12, U5, U7, U8};
use inst::{AluOp, Inst, LdSt};
use regs::{Cc, Lo, Reg};
use std::fmt;
use std::marker::PhantomData;

/// One of the `-march=` Thumb targets.
pub trait Variant: fmt::Debug {
    /// The `-march=` name.
    const ARCH: &'static str;
    /// `asm_thumb_allow_armv7m`: whether Thumb-2 instructions may be used.
    const ARMV7M: bool;
}

macro_rules! variant {
    ($(#[$doc:meta])* $name:ident, $arch:expr, $v7m:expr) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name;
        impl Variant for $name {
            const ARCH: &'static str = $arch;
            const ARMV7M: bool = $v7m;
        }
    };
}

variant!(
    /// `-march=armv6m`: Cortex-M0/M0+.
    Armv6m,
    "armv6m",
    false
);
variant!(
    /// `-march=armv7m`: Cortex-M3.
    Armv7m,
    "armv7m",
    true
);
variant!(
    /// `-march=armv7em`: Cortex-M4/M7 without FPU.
    Armv7em,
    "armv7em",
    true
);
variant!(
    /// `-march=armv7emsp`: Cortex-M4F/M7 with single-precision FPU.
    Armv7emsp,
    "armv7emsp",
    true
);
variant!(
    /// `-march=armv7emdp`: Cortex-M7 with double-precision FPU.
    Armv7emdp,
    "armv7emdp",
    true
);

/// The armv6m assembler.
pub type AsmArmv6m = AsmThumb<Armv6m>;
/// The armv7m assembler.
pub type AsmArmv7m = AsmThumb<Armv7m>;
/// The armv7em assembler.
pub type AsmArmv7em = AsmThumb<Armv7em>;
/// The armv7emsp assembler.
pub type AsmArmv7emsp = AsmThumb<Armv7emsp>;
/// The armv7emdp assembler.
pub type AsmArmv7emdp = AsmThumb<Armv7emdp>;

/// `asm_thumb_t`: the code buffer plus the frame chosen by `entry`.
#[derive(Debug)]
pub struct AsmThumb<V: Variant> {
    base: CodeBuffer,
    push_reglist: u8,
    stack_adjust: u32,
    variant: PhantomData<V>,
}

/// `ASM_THUMB_REG_FUN_TABLE`.
const REG_FUN_TABLE: Reg = Reg::R7;

impl<V: Variant> AsmThumb<V> {
    /// Encodes one instruction into the buffer, with its text for the listing.
    pub fn emit(&mut self, inst: Inst) {
        let bytes = inst.bytes();
        self.base.emit(bytes.as_slice(), || inst.to_string());
    }

    /// The register as a [`Lo`], else records why `op` cannot encode it (C asserts `rlo < 8`).
    fn lo(&mut self, op: &'static str, r: Reg) -> Option<Lo> {
        let lo = Lo::new(r);
        if lo.is_none() {
            self.base
                .fail(AsmError::RegisterNotEncodable { op, reg: r.name() });
        }
        lo
    }

    /// A value checked into an immediate newtype, else an error.
    fn imm<T>(&mut self, op: &'static str, v: i64, make: fn(i64) -> Option<T>) -> Option<T> {
        let t = make(v);
        if t.is_none() {
            self.base.fail(AsmError::ValueOutOfRange { op, value: v });
        }
        t
    }

    /// `mov_rlo_i8`.
    fn mov_rlo_i8(&mut self, rd: Lo, v: u32) {
        if let Some(imm) = self.imm("asm_thumb_mov_rlo_i8", v as i64, U8::new) {
            self.emit(Inst::MovImm { rd, imm });
        }
    }

    /// `asm_thumb_lsl_rlo_rlo_i5`.
    fn lsl_rlo_rlo_i5(&mut self, rd: Lo, rs: Lo, shift: u32) {
        if let Some(imm) = self.imm("asm_thumb_lsl_rlo_rlo_i5", shift as i64, U5::new) {
            self.emit(Inst::LslImm { rd, rs, imm });
        }
    }

    /// `asm_thumb_add_rlo_i8`.
    fn add_rlo_i8(&mut self, rd: Lo, v: u32) {
        if let Some(imm) = self.imm("asm_thumb_add_rlo_i8", v as i64, U8::new) {
            self.emit(Inst::AddImm { rd, imm });
        }
    }

    /// `asm_thumb_mov_reg_reg`.
    pub fn mov_reg_reg(&mut self, rd: Reg, rs: Reg) {
        self.emit(Inst::MovReg { rd, rs });
    }

    /// `asm_thumb_mov_reg_i16(ASM_THUMB_OP_MOVW)`: the low 16 bits of `v`.
    fn movw(&mut self, rd: Reg, v: u32) {
        self.emit(Inst::Movw { rd, imm: v as u16 });
    }

    /// `asm_thumb_mov_rlo_i16`: `movs rd, #hi8; lsls rd, rd, #8; adds rd, #lo8`.
    fn mov_rlo_i16(&mut self, rd: Lo, v: u32) {
        self.mov_rlo_i8(rd, (v >> 8) & 0xff);
        self.lsl_rlo_rlo_i5(rd, rd, 8);
        self.add_rlo_i8(rd, v & 0xff);
    }

    /// `asm_thumb_mov_reg_i32` (`ASM_MOV_REG_IMM_FIX_WORD`): always the same size for a given offset.
    /// `movw; movt` on ARMv7-M; on ARMv6-M an inline literal, word-aligned with a `nop` if needed:
    /// `ldr rd, [pc, #0]; b.n +2; .short lo; .short hi`. Returns the offset where it starts.
    pub fn mov_reg_i32(&mut self, rd: Reg, v: u32) -> usize {
        let loc = self.base.code_pos();
        if V::ARMV7M {
            self.movw(rd, v);
            self.emit(Inst::Movt {
                rd,
                imm: (v >> 16) as u16,
            });
        } else if let Some(rd) = self.lo("asm_thumb_mov_reg_i32", rd) {
            if self.base.code_pos() & 2 != 0 {
                self.emit(Inst::Nop);
            }
            self.emit(Inst::LdrPc { rd, words: U8_ZERO });
            self.emit(Inst::BN(REL12_2));
            self.emit(Inst::Data16(v as u16));
            self.emit(Inst::Data16((v >> 16) as u16));
        }
        loc
    }

    /// `asm_thumb_mov_reg_i32_optimised` (`ASM_MOV_REG_IMM`).
    pub fn mov_reg_i32_optimised(&mut self, rd: Reg, v: i32) {
        let lo = Lo::new(rd);
        if let (Some(rd), true) = (lo, (0..=0xff).contains(&v)) {
            self.mov_rlo_i8(rd, v as u32);
            return;
        }
        if V::ARMV7M {
            if (0..=0xffff).contains(&v) {
                self.movw(rd, v as u32);
            } else {
                self.mov_reg_i32(rd, v as u32);
            }
            return;
        }
        let Some(rd) = self.lo("asm_thumb_mov_reg_i32_optimised", rd) else {
            return;
        };
        // Negative values are built positive and negated, except -2^31 which has no positive twin.
        let mut negate = v < 0 && v != i32::MIN;
        let mut u = if negate {
            v.wrapping_neg() as u32
        } else {
            v as u32
        };
        let clz = u.leading_zeros();
        let ctz = if u != 0 { u.trailing_zeros() } else { 0 };
        if clz + ctz >= 24 {
            self.mov_rlo_i8(rd, (u >> ctz) & 0xff);
            self.lsl_rlo_rlo_i5(rd, rd, ctz);
        } else if u <= 0xffff {
            self.mov_rlo_i16(rd, u);
        } else {
            if negate {
                // A literal holds the negative value as it is.
                negate = false;
                u = v as u32;
            }
            self.mov_reg_i32(rd.reg(), u);
        }
        if negate {
            self.emit(Inst::Alu {
                op: AluOp::Neg,
                rd,
                rs: rd,
            });
        }
    }

    /// A C-stack word offset, checked as `asm_thumb_mov_local_check` does: beyond 8 bits it raises
    /// `NotImplementedError: too many locals for native method`, in the emit pass only (the compute
    /// pass writes the instruction with a dummy offset).
    fn local_words(&mut self, _op: &'static str, local_num: usize) -> Option<U8> {
        match U8::new(local_num as i64) {
            Some(w) => Some(w),
            None if self.base.pass() == Pass::Emit => {
                self.base.fail(AsmError::NotImplemented {
                    message: "too many locals for native method",
                });
                None
            }
            None => Some(U8_ZERO),
        }
    }

    /// `asm_thumb_mov_local_reg`: `str rt, [sp, #4*local]`.
    pub fn mov_local_reg(&mut self, local_num: usize, src: Reg) {
        let (Some(rt), Some(words)) = (
            self.lo("asm_thumb_mov_local_reg", src),
            self.local_words("asm_thumb_mov_local_reg", local_num),
        ) else {
            return;
        };
        self.emit(Inst::StrSp { rt, words });
    }

    /// `asm_thumb_mov_reg_local`: `ldr rt, [sp, #4*local]`.
    pub fn mov_reg_local(&mut self, dest: Reg, local_num: usize) {
        let (Some(rt), Some(words)) = (
            self.lo("asm_thumb_mov_reg_local", dest),
            self.local_words("asm_thumb_mov_reg_local", local_num),
        ) else {
            return;
        };
        self.emit(Inst::LdrSp { rt, words });
    }

    /// `asm_thumb_mov_reg_local_addr`: `add rd, sp, #4*local`.
    pub fn mov_reg_local_addr(&mut self, dest: Reg, local_num: usize) {
        let (Some(rd), Some(words)) = (
            self.lo("asm_thumb_mov_reg_local_addr", dest),
            self.local_words("asm_thumb_mov_reg_local_addr", local_num),
        ) else {
            return;
        };
        self.emit(Inst::AddRegSp { rd, words });
    }

    /// `get_label_dest` minus the current offset minus 4 (the Thumb pc bias), if the label is known.
    fn label_rel(&mut self, label: Label, at: usize) -> Option<i64> {
        self.base
            .label_offset(label)
            .map(|dest| dest as i64 - at as i64 - 4)
    }

    /// Size of the jump [`AsmThumb::b_label`] would write at offset `at` (used to skip over it).
    fn b_label_size(&mut self, label: Label, at: usize) -> usize {
        match self.label_rel(label, at) {
            Some(rel) if rel <= -4 && signed_fit(rel, 12) => 2,
            _ if V::ARMV7M => 4,
            _ => 8 + (at & 2),
        }
    }

    /// `asm_thumb_b_label`: `b.n` if the label is behind us and close, else `b.w` (ARMv7-M) or the
    /// ARMv6-M long jump through `r1` (8 or 10 bytes, a short `b.n` padded with `nop`s if the emit
    /// pass finds the target close).
    pub fn b_label(&mut self, label: Label) {
        let here = self.base.code_pos();
        let rel = self.label_rel(label, here);
        if let Some(rel) = rel {
            if rel <= -4 {
                if let Some(r) = Rel12::new(rel) {
                    self.emit(Inst::BN(r));
                    return;
                }
            }
        }
        if V::ARMV7M {
            if let Some(r) = self.imm("asm_thumb_b_label", rel.unwrap_or(0), Rel23::new) {
                self.emit(Inst::BW(r));
            }
            return;
        }
        let size = 8 + (here & 2);
        if let Some(r) = rel.and_then(Rel12::new) {
            self.emit(Inst::BN(r));
            for _ in 0..(size - 2) / 2 {
                self.emit(Inst::Nop);
            }
            return;
        }
        if here & 2 != 0 {
            self.emit(Inst::Nop);
        }
        // `add pc, r1` reads pc as its own address plus 4, i.e. the word's address plus 2.
        let word_at = self.base.code_pos() as i64 + 4;
        let dest = rel.map_or(0, |r| r + here as i64 + 4);
        let Some(off) = self.imm("asm_thumb_b_label", dest - (word_at + 2), |v| {
            i32::try_from(v).ok()
        }) else {
            return;
        };
        self.emit(Inst::LdrPc {
            rd: Lo::R1,
            words: U8_ZERO,
        });
        self.emit(Inst::AddHi {
            rd: Reg::PC,
            rs: Reg::R1,
        });
        self.emit(Inst::Data32(off as u32));
    }

    /// `asm_thumb_bcc_label`: `b<cc>.n` if the label is behind us and close, else `b<cc>.w`
    /// (ARMv7-M), else (ARMv6-M) `b<!cc>.n` over an [`AsmThumb::b_label`].
    pub fn bcc_label(&mut self, cc: Cc, label: Label) {
        let here = self.base.code_pos();
        let rel = self.label_rel(label, here);
        if let Some(rel) = rel {
            if rel <= -4 {
                if let Some(r) = Rel9::new(rel) {
                    self.emit(Inst::BccN { cc, rel: r });
                    return;
                }
            }
        }
        if V::ARMV7M {
            if let Some(r) = self.imm("asm_thumb_bcc_label", rel.unwrap_or(0), Rel21::new) {
                self.emit(Inst::BccW { cc, rel: r });
            }
            return;
        }
        let skip = self.b_label_size(label, here + 2) as i64 - 2;
        if let Some(r) = self.imm("asm_thumb_bcc_label", skip, Rel9::new) {
            self.emit(Inst::BccN {
                cc: cc.invert(),
                rel: r,
            });
        }
        self.b_label(label);
    }

    /// `asm_thumb_add_reg_reg_offset`: `dest = base + (offset << shift)` with low registers only:
    /// `adds dest, #v` for a small sum; else the offset is built in `dest` (`movs; lsls` when it fits
    /// a byte, else like `ASM_MOV_REG_IMM`) and the base added; if `dest` is the base, `dest ^ 7` is
    /// borrowed for the offset and saved on the stack around it.
    fn add_reg_reg_offset(&mut self, dest: Lo, base: Lo, offset: u32, shift: u32) {
        let v = offset << shift;
        if v < 256 {
            if dest != base {
                self.emit(Inst::MovReg {
                    rd: dest.reg(),
                    rs: base.reg(),
                });
            }
            self.add_rlo_i8(dest, v);
        } else if dest != base {
            if offset <= 0xff {
                self.mov_rlo_i8(dest, offset);
                self.lsl_rlo_rlo_i5(dest, dest, shift);
            } else {
                self.mov_reg_i32_optimised(dest.reg(), v as i32);
            }
            self.emit(Inst::AddReg {
                rd: dest,
                rs: dest,
                rn: base,
            });
        } else {
            let other = dest.other();
            self.emit(Inst::Push {
                rlist: 1 << other.num(),
                lr: false,
            });
            self.mov_reg_i32_optimised(other.reg(), v as i32);
            self.emit(Inst::AddReg {
                rd: dest,
                rs: dest,
                rn: other,
            });
            self.emit(Inst::Pop {
                rlist: 1 << other.num(),
                pc: false,
            });
        }
    }

    /// Load or store `rt` at `rn + (offset << size)`: the `asm_thumb_*_reg_reg_i12_optimised` family
    /// behind `ASM_LOAD*_REG_REG_OFFSET` and `ASM_STORE*_REG_REG_OFFSET`.
    pub fn ldst_offset(&mut self, op: LdSt, rt: Reg, rn: Reg, offset: i32) {
        let name = "asm_thumb_ldst_reg_reg_offset";
        let Ok(offset) = u32::try_from(offset) else {
            self.base.fail(AsmError::ValueOutOfRange {
                op: name,
                value: offset as i64,
            });
            return;
        };
        let (lo_t, lo_n) = (Lo::new(rt), Lo::new(rn));
        if let (Some(rt), Some(rn), Some(imm)) = (lo_t, lo_n, U5::new(offset as i64)) {
            self.emit(Inst::LdStImm { op, rt, rn, imm });
            return;
        }
        let bytes = (offset as u64) << op.shift();
        if V::ARMV7M {
            if let Some(imm) = U12::new(bytes as i64) {
                self.emit(Inst::LdStWide { op, rt, rn, imm });
                return;
            }
        }
        let (Some(rt), Some(rn)) = (self.lo(name, rt), self.lo(name, rn)) else {
            return;
        };
        let Some(rest) = offset.checked_sub(31) else {
            self.base.fail(AsmError::ValueOutOfRange {
                op: name,
                value: offset as i64,
            });
            return;
        };
        let top = U5::clamped(31);
        if op.is_load() {
            self.add_reg_reg_offset(rt, rn, rest, op.shift());
            self.emit(Inst::LdStImm {
                op,
                rt,
                rn: rt,
                imm: top,
            });
        } else {
            self.emit(Inst::Push {
                rlist: 1 << rn.num(),
                lr: false,
            });
            self.add_reg_reg_offset(rn, rn, rest, op.shift());
            self.emit(Inst::LdStImm {
                op,
                rt,
                rn,
                imm: top,
            });
            self.emit(Inst::Pop {
                rlist: 1 << rn.num(),
                pc: false,
            });
        }
    }

    /// A load or store with no offset (`ASM_LOAD8_REG_REG` and friends).
    fn ldst0(&mut self, op: LdSt, rt: Reg, rn: Reg) {
        let (Some(rt), Some(rn)) = (self.lo(op.mnemonic(), rt), self.lo(op.mnemonic(), rn)) else {
            return;
        };
        self.emit(Inst::LdStImm {
            op,
            rt,
            rn,
            imm: U5_ZERO,
        });
    }

    /// `ASM_LOAD{8,16,32}_REG_REG_REG`: `dest = *(base + (index << size))`. Bytes use `ldrb rt, [rn, rm]`;
    /// halfwords and words first scale the index into `r2` (`lsls r2, index, #size`).
    pub fn load_reg_reg_reg(&mut self, op: LdSt, dest: Reg, base: Reg, index: Reg) {
        let name = "ASM_LOADn_REG_REG_REG";
        let (Some(rt), Some(rn), Some(rm)) = (
            self.lo(name, dest),
            self.lo(name, base),
            self.lo(name, index),
        ) else {
            return;
        };
        let rm = if op.shift() == 0 {
            rm
        } else {
            self.lsl_rlo_rlo_i5(Lo::R2, rm, op.shift());
            Lo::R2
        };
        self.emit(Inst::LdStReg { op, rt, rn, rm });
    }

    /// `ASM_STORE{8,16,32}_REG_REG_REG`: `*(base + (index << size)) = src`. Halfwords and words scale
    /// the index in place, saving it around the store (`push {index}; lsls; str; pop {index}`).
    pub fn store_reg_reg_reg(&mut self, op: LdSt, src: Reg, base: Reg, index: Reg) {
        let name = "ASM_STOREn_REG_REG_REG";
        let (Some(rt), Some(rn), Some(rm)) = (
            self.lo(name, src),
            self.lo(name, base),
            self.lo(name, index),
        ) else {
            return;
        };
        if op.shift() == 0 {
            self.emit(Inst::LdStReg { op, rt, rn, rm });
            return;
        }
        self.emit(Inst::Push {
            rlist: 1 << rm.num(),
            lr: false,
        });
        self.lsl_rlo_rlo_i5(rm, rm, op.shift());
        self.emit(Inst::LdStReg { op, rt, rn, rm });
        self.emit(Inst::Pop {
            rlist: 1 << rm.num(),
            pc: false,
        });
    }

    /// `asm_thumb_bl_ind`: load `mp_fun_table[fun_id]` into `reg_temp` and `blx` it. The emitter
    /// calls it directly with `r4` for `setup_code_state`, whose four arguments occupy `r0..r3`.
    pub fn bl_ind(&mut self, fun: FunKind, reg_temp: Reg) {
        self.ldst_offset(LdSt::Ldr, reg_temp, REG_FUN_TABLE, fun.index() as i32);
        self.emit(Inst::Blx(reg_temp));
    }

    /// A format 4 operation on two registers that must be low.
    fn alu(&mut self, op: AluOp, rd: Reg, rs: Reg) {
        let (Some(rd), Some(rs)) = (self.lo(op.mnemonic(), rd), self.lo(op.mnemonic(), rs)) else {
            return;
        };
        self.emit(Inst::Alu { op, rd, rs });
    }

    /// `asm_thumb_cmp_rlo_i8(reg, 0)` then `asm_thumb_bcc_label`.
    fn cmp_zero_bcc(&mut self, reg: Reg, cc: Cc, label: Label) {
        if let Some(rd) = self.lo("asm_thumb_cmp_rlo_i8", reg) {
            self.emit(Inst::CmpImm { rd, imm: U8_ZERO });
        }
        self.bcc_label(cc, label);
    }

    /// Stack adjustment of `entry`/`exit`: one `sub/add sp` (or `subw/addw` beyond 127 words) on
    /// ARMv7-M, repeated `sub/add sp, #508` steps on ARMv6-M.
    fn adjust_sp(&mut self, sub: bool, words: u32) {
        if words == 0 {
            return;
        }
        let one = |n: u32| {
            let n = U7::clamped(n as i64);
            if sub {
                Inst::SubSp(n)
            } else {
                Inst::AddSp(n)
            }
        };
        if V::ARMV7M {
            if words <= U7::MAX as u32 {
                self.emit(one(words));
            } else {
                // `OP_SUB_W_RRI_LO` keeps only 11 bits of the byte count (mpy-cross wraps larger
                // frames; such functions then stop at "too many locals" in the emit pass).
                let imm = U11::clamped(i64::from(words * 4) & 0x7ff);
                let (rd, rn) = (Reg::SP, Reg::SP);
                self.emit(if sub {
                    Inst::Subw { rd, rn, imm }
                } else {
                    Inst::Addw { rd, rn, imm }
                });
            }
        } else {
            let mut adj = words;
            while adj > U7::MAX as u32 {
                self.emit(one(U7::MAX as u32));
                adj -= U7::MAX as u32;
            }
            self.emit(one(adj));
        }
    }
}

const U8_ZERO: U8 = U8::clamped(0);
const U5_ZERO: U5 = U5::clamped(0);
const REL12_2: Rel12 = Rel12::clamped(2);

impl<V: Variant> Asm for AsmThumb<V> {
    const ARCH: &'static str = V::ARCH;
    const WORD_SIZE: usize = 4;
    type Reg = Reg;

    const REG_RET: Reg = Reg::R0;
    const REG_ARG_1: Reg = Reg::R0;
    const REG_ARG_2: Reg = Reg::R1;
    const REG_ARG_3: Reg = Reg::R2;
    const REG_ARG_4: Reg = Reg::R3;
    const REG_TEMP0: Reg = Reg::R0;
    const REG_TEMP1: Reg = Reg::R1;
    const REG_TEMP2: Reg = Reg::R2;
    const REG_LOCAL_1: Reg = Reg::R4;
    const REG_LOCAL_2: Reg = Reg::R5;
    const REG_LOCAL_3: Reg = Reg::R6;
    const REG_FUN_TABLE: Reg = REG_FUN_TABLE;
    /// `emitnthumb.c`: `r4` is word 3 of `nlr_buf_t` (after `prev`, `ret_val` and `r4`'s own slot).
    const NLR_BUF_IDX_LOCAL_1: usize = 3;

    const HAS_NOT_REG: bool = true;
    const HAS_LOAD8_REG_REG_OFFSET: bool = true;
    const HAS_LOAD16_REG_REG_OFFSET: bool = true;
    const HAS_LOAD32_REG_REG_OFFSET: bool = true;
    const HAS_STORE8_REG_REG_OFFSET: bool = true;
    const HAS_STORE16_REG_REG_OFFSET: bool = true;
    const HAS_STORE32_REG_REG_OFFSET: bool = true;
    const HAS_LOAD_REG_REG_REG: [bool; 3] = [true; 3];
    const HAS_STORE_REG_REG_REG: [bool; 3] = [true; 3];

    fn new(max_num_labels: usize) -> Self {
        AsmThumb {
            base: CodeBuffer::new(max_num_labels),
            push_reglist: 0,
            stack_adjust: 0,
            variant: PhantomData,
        }
    }
    fn base(&self) -> &CodeBuffer {
        &self.base
    }
    fn base_mut(&mut self) -> &mut CodeBuffer {
        &mut self.base
    }

    /// `asm_thumb_entry`.
    fn entry(&mut self, num_locals: usize, _name: &str) {
        let (reglist, stack_adjust) = match num_locals {
            0 | 1 => (0xf2, 0),
            2 | 3 => (0xfe, 0),
            n => (0xfe, ((n as u32 - 3) + 1) & !1),
        };
        self.emit(Inst::Push {
            rlist: reglist,
            lr: true,
        });
        self.adjust_sp(true, stack_adjust);
        self.push_reglist = reglist;
        self.stack_adjust = stack_adjust;
    }

    /// `asm_thumb_exit`.
    fn exit(&mut self) {
        self.adjust_sp(false, self.stack_adjust);
        self.emit(Inst::Pop {
            rlist: self.push_reglist,
            pc: true,
        });
    }

    fn jump(&mut self, label: Label) {
        self.b_label(label);
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.cmp_zero_bcc(reg, Cc::Eq, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.cmp_zero_bcc(reg, Cc::Ne, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.alu(AluOp::Cmp, reg1, reg2);
        self.bcc_label(Cc::Eq, label);
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.emit(Inst::Bx(reg));
    }
    fn call_ind(&mut self, fun: FunKind) {
        self.bl_ind(fun, Reg::R3);
    }
    fn call_ind_args_in_use(&mut self, fun: FunKind) {
        self.bl_ind(fun, Reg::R4);
    }

    fn mov_local_reg(&mut self, local_num: usize, reg_src: Reg) {
        AsmThumb::mov_local_reg(self, local_num, reg_src);
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        self.mov_reg_i32_optimised(reg_dest, imm as i32);
    }
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: usize) {
        AsmThumb::mov_reg_local(self, reg_dest, local_num);
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        AsmThumb::mov_reg_reg(self, reg_dest, reg_src);
    }
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: usize) {
        AsmThumb::mov_reg_local_addr(self, reg_dest, local_num);
    }
    /// `asm_thumb_mov_reg_pcrel`: `movw` (ARMv7-M) or `movs; lsls; adds` (ARMv6-M) of the offset,
    /// `sxth`, then `add rd, pc`. The offset has bit 0 set so the address is a Thumb code pointer.
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        let Some(rd) = self.lo("asm_thumb_mov_reg_pcrel", reg_dest) else {
            return;
        };
        let here = self.base.code_pos() as i64;
        let dest = self.base.label_offset(label).map_or(0, |d| d as i64);
        let rel = (dest - here) | 1;
        if V::ARMV7M {
            self.movw(reg_dest, (rel - (6 + 4)) as u32);
        } else {
            self.mov_rlo_i16(rd, ((rel - (8 + 4)) as u32) & 0xffff);
        }
        self.emit(Inst::Sxth { rd, rs: rd });
        self.emit(Inst::AddHi {
            rd: reg_dest,
            rs: Reg::PC,
        });
    }

    fn not_reg(&mut self, reg: Reg) {
        self.alu(AluOp::Mvn, reg, reg);
    }
    fn neg_reg(&mut self, reg: Reg) {
        self.alu(AluOp::Neg, reg, reg);
    }
    fn clr_reg(&mut self, reg: Reg) {
        if let Some(rd) = self.lo("ASM_CLR_REG", reg) {
            self.emit(Inst::MovImm { rd, imm: U8_ZERO });
        }
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.alu(AluOp::Lsl, reg_dest, reg_shift);
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.alu(AluOp::Lsr, reg_dest, reg_shift);
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.alu(AluOp::Asr, reg_dest, reg_shift);
    }
    fn or_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::Orr, dest, src);
    }
    fn xor_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::Eor, dest, src);
    }
    fn and_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::And, dest, src);
    }
    fn add_reg_reg(&mut self, dest: Reg, src: Reg) {
        if let (Some(rd), Some(rn)) = (self.lo("adds", dest), self.lo("adds", src)) {
            self.emit(Inst::AddReg { rd, rs: rd, rn });
        }
    }
    fn sub_reg_reg(&mut self, dest: Reg, src: Reg) {
        if let (Some(rd), Some(rn)) = (self.lo("subs", dest), self.lo("subs", src)) {
            self.emit(Inst::SubReg { rd, rs: rd, rn });
        }
    }
    fn mul_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::Mul, dest, src);
    }

    fn load_reg_reg_offset(&mut self, dest: Reg, base: Reg, word_offset: i32) {
        self.ldst_offset(LdSt::Ldr, dest, base, word_offset);
    }
    fn load8_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.ldst0(LdSt::Ldrb, dest, base);
    }
    fn load8_reg_reg_offset(&mut self, dest: Reg, base: Reg, byte_offset: i32) {
        self.ldst_offset(LdSt::Ldrb, dest, base, byte_offset);
    }
    fn load16_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.ldst0(LdSt::Ldrh, dest, base);
    }
    fn load16_reg_reg_offset(&mut self, dest: Reg, base: Reg, uint16_offset: i32) {
        self.ldst_offset(LdSt::Ldrh, dest, base, uint16_offset);
    }
    fn load32_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.ldst0(LdSt::Ldr, dest, base);
    }
    fn load32_reg_reg_offset(&mut self, dest: Reg, base: Reg, uint32_offset: i32) {
        self.ldst_offset(LdSt::Ldr, dest, base, uint32_offset);
    }

    fn store_reg_reg_offset(&mut self, src: Reg, base: Reg, word_offset: i32) {
        self.ldst_offset(LdSt::Str, src, base, word_offset);
    }
    fn store8_reg_reg(&mut self, src: Reg, base: Reg) {
        self.ldst0(LdSt::Strb, src, base);
    }
    fn store8_reg_reg_offset(&mut self, src: Reg, base: Reg, byte_offset: i32) {
        self.ldst_offset(LdSt::Strb, src, base, byte_offset);
    }
    fn store16_reg_reg(&mut self, src: Reg, base: Reg) {
        self.ldst0(LdSt::Strh, src, base);
    }
    fn store16_reg_reg_offset(&mut self, src: Reg, base: Reg, uint16_offset: i32) {
        self.ldst_offset(LdSt::Strh, src, base, uint16_offset);
    }
    fn store32_reg_reg(&mut self, src: Reg, base: Reg) {
        self.ldst0(LdSt::Str, src, base);
    }
    fn store32_reg_reg_offset(&mut self, src: Reg, base: Reg, uint32_offset: i32) {
        self.ldst_offset(LdSt::Str, src, base, uint32_offset);
    }

    fn load_reg_reg_reg(&mut self, size_log2: u32, dest: Reg, base: Reg, index: Reg) {
        AsmThumb::load_reg_reg_reg(self, LdSt::load_of_size(size_log2), dest, base, index);
    }
    fn store_reg_reg_reg(&mut self, size_log2: u32, src: Reg, base: Reg, index: Reg) {
        AsmThumb::store_reg_reg_reg(self, LdSt::store_of_size(size_log2), src, base, index);
    }

    /// `#elif N_THUMB` in `emit_native_binary_op`: `cmp lhs, rhs`, then `ite <cc>; movs dest, #1;
    /// movs dest, #0` on ARMv7-M, or `b<cc>.n +2; movs dest, #0; b.n +0; movs dest, #1` on ARMv6-M.
    fn setcc_reg_reg_reg(&mut self, cmp: Comparison, dest: Reg, lhs: Reg, rhs: Reg) {
        self.alu(AluOp::Cmp, lhs, rhs);
        let cc = Cc::for_comparison(cmp);
        let Some(rd) = self.lo("setcc", dest) else {
            return;
        };
        let one = U8::clamped(1);
        if V::ARMV7M {
            self.emit(Inst::Ite(cc));
            self.emit(Inst::MovImm { rd, imm: one });
            self.emit(Inst::MovImm { rd, imm: U8_ZERO });
        } else {
            self.emit(Inst::BccN {
                cc,
                rel: Rel9::clamped(2),
            });
            self.emit(Inst::MovImm { rd, imm: U8_ZERO });
            self.emit(Inst::BN(Rel12::clamped(0)));
            self.emit(Inst::MovImm { rd, imm: one });
        }
    }
}
