//! Xtensa assembler: `py/asmxtensa.c` and the `GENERIC_ASM_API` block of `py/asmxtensa.h` (1.29), for
//! `-march=xtensa` (call0 ABI: ESP8266) and `-march=xtensawin` (windowed ABI: ESP32, ESP32-S2/S3).
//!
//! # Constant table
//!
//! 32-bit constants are loaded with `l32r`, which reads a literal at a negative pc-relative offset, so
//! each function starts with a table of them: `j` over the table, one padding byte, then the words
//! (omitted when there are none). The table's size is the number of constants
//! the *previous* pass used (`asm_xtensa_end_pass` saves it), which is why the native emitter runs two
//! compute passes before the emit pass. C writes each constant into the table when the emit pass
//! reaches it; here the table is written at entry from the values the previous pass collected (the
//! emitter asks for the same constants in every pass), and the emit pass checks that they agree.
//!
//! # ABIs
//!
//! - call0 (`xtensa`): arguments and result in `a2..a7`; the frame saves `a0` and `a12..a15` below the
//!   locals; locals / qstr table in `a12 a13 a14`, `&mp_fun_table` in `a15`; calls are `callx0 a0`.
//! - windowed (`xtensawin`): `entry a1, N` rotates the register window; the function's own arguments
//!   and result are `a2..a5` (`REG_PARENT_*`), while the arguments of the calls it makes are placed in
//!   `a10..a13` (`callx8` rotates by 8); locals / qstr table in `a4 a5 a6`, `&mp_fun_table` in `a7`.
//!
//! # Branches
//!
//! A backward branch in range is one `b<cc>`/`b<cc>z`; otherwise the inverse condition skips over a
//! `j` (18 bits). `j` itself always fits.
//!
//! # Unchecked fields
//!
//! Where `py/asmxtensa.c` puts a value into an instruction field without checking that it fits (the
//! `movi` of `mov_reg_pcrel`, of a large frame or of a local's address, the frame word of
//! `l32i`/`s32i` for locals, the `entry` frame size), the encoders keep its low bits, so a function
//! too big for them gets the same (wrong) code as from mpy-cross 1.29.

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
use imms::{MoviN, I12, I16, I18, I8, U12, U4, U8};
use inst::{AluOp, Inst, LdSt};
use regs::{Cc, Ccz, Reg};
use std::fmt;
use std::marker::PhantomData;

/// One of the two Xtensa ABIs.
pub trait Abi: fmt::Debug {
    /// The `-march=` name.
    const ARCH: &'static str;
    /// Windowed (`xtensawin`) rather than call0.
    const WINDOWED: bool;
}

/// `-march=xtensa`: the call0 ABI.
#[derive(Debug)]
pub struct Call0;
impl Abi for Call0 {
    const ARCH: &'static str = "xtensa";
    const WINDOWED: bool = false;
}

/// `-march=xtensawin`: the windowed ABI.
#[derive(Debug)]
pub struct Windowed;
impl Abi for Windowed {
    const ARCH: &'static str = "xtensawin";
    const WINDOWED: bool = true;
}

/// The xtensa (call0) assembler.
pub type AsmXtensa = AsmXtensaAbi<Call0>;
/// The xtensawin (windowed) assembler.
pub type AsmXtensaWin = AsmXtensaAbi<Windowed>;

/// `asm_xtensa_t`: the code buffer, the constant table and the frame size.
#[derive(Debug)]
pub struct AsmXtensaAbi<V: Abi> {
    base: CodeBuffer,
    /// Constants used so far in this pass (`cur_const`), in order.
    consts: Vec<u32>,
    /// The constants of the previous pass (`num_const` is their count).
    prev_consts: Vec<u32>,
    /// Offset of the constant table in the emit pass (0 before, as C's `const_table - code_base`).
    const_table_offset: usize,
    stack_adjust: u32,
    abi: PhantomData<V>,
}

/// `REG_TEMP` of `py/asmxtensa.c` (`ASM_XTENSA_REG_TEMPORARY`, also in the windowed build).
pub const REG_TEMP: Reg = Reg::A6;
/// `ASM_XTENSA_NUM_REGS_SAVED`: `a0 a12 a13 a14 a15`.
const NUM_REGS_SAVED: u32 = 5;
/// `ASM_XTENSA_NUM_REGS_SAVED_WIN`: `a0`.
const NUM_REGS_SAVED_WIN: u32 = 1;

impl<V: Abi> AsmXtensaAbi<V> {
    /// Encodes one instruction into the buffer, with its text for the listing.
    pub fn emit(&mut self, inst: Inst) {
        let bytes = inst.bytes();
        self.base.emit(bytes.as_slice(), || inst.to_string());
    }

    /// A value checked into an immediate newtype, else an error.
    fn imm<T>(&mut self, op: &'static str, v: i64, make: fn(i64) -> Option<T>) -> Option<T> {
        let t = make(v);
        if t.is_none() {
            self.base.fail(AsmError::ValueOutOfRange { op, value: v });
        }
        t
    }

    /// Like [`Self::imm`], but only the emit pass has the real value (labels are unknown before):
    /// compute passes encode a placeholder of the same size.
    fn emit_imm<T>(
        &mut self,
        op: &'static str,
        v: i64,
        make: fn(i64) -> Option<T>,
        placeholder: T,
    ) -> Option<T> {
        if self.base.pass() == Pass::Emit {
            self.imm(op, v, make)
        } else {
            Some(make(v).unwrap_or(placeholder))
        }
    }

    /// `REG_LOCAL_*`, `REG_FUN_TABLE` etc. depend on the ABI; this is `ASM_XTENSA_REG_FUN_TABLE[_WIN]`.
    const fn fun_table() -> Reg {
        if V::WINDOWED {
            Reg::A7
        } else {
            Reg::A15
        }
    }

    /// Words of the frame below the locals (`ASM_XTENSA_NUM_REGS_SAVED[_WIN]`): local `i` is word
    /// `saved + i` of the stack frame.
    const fn saved_words() -> u32 {
        if V::WINDOWED {
            NUM_REGS_SAVED_WIN
        } else {
            NUM_REGS_SAVED
        }
    }

    /// The `j` over the constant table, the padding byte and the table itself.
    fn const_table(&mut self) {
        let n = self.prev_consts.len();
        self.emit(Inst::J(I18::clamped(n as i64 * 4)));
        self.emit(Inst::Pad);
        self.const_table_offset = if self.base.pass() == Pass::Emit {
            self.base.code_pos()
        } else {
            0
        };
        for i in 0..n {
            let w = self.prev_consts[i];
            self.emit(Inst::Word(w));
        }
    }

    /// `asm_xtensa_mov_reg_i32` (`ASM_MOV_REG_IMM_FIX_WORD`): `l32r` from the constant table. Returns
    /// the offset of the constant.
    pub fn mov_reg_i32(&mut self, dest: Reg, v: u32) -> usize {
        let loc = self.const_table_offset + self.consts.len() * 4;
        let here = self.base.code_pos();
        let words = (loc as i64 - ((here as i64 + 3) & !3)) >> 2;
        if let Some(imm) = self.emit_imm("asm_xtensa_op_l32r", words, I16::new, I16::clamped(0)) {
            self.emit(Inst::L32r { t: dest, imm });
        }
        if self.base.pass() == Pass::Emit && self.prev_consts.get(self.consts.len()) != Some(&v) {
            self.base.fail(AsmError::ValueOutOfRange {
                op: "asm_xtensa_mov_reg_i32: constant differs from the previous pass",
                value: v as i64,
            });
        }
        self.consts.push(v);
        loc
    }

    /// `asm_xtensa_mov_reg_i32_optimised` (`ASM_MOV_REG_IMM`): `movi.n` for -32..=95, `movi` for 12
    /// bits, else the constant table.
    pub fn mov_reg_i32_optimised(&mut self, dest: Reg, v: u32) {
        let i = v as i32 as i64;
        if let Some(imm) = MoviN::new(i) {
            self.emit(Inst::MoviN { s: dest, imm });
        } else if let Some(imm) = I12::new(i) {
            self.emit(Inst::Movi { t: dest, imm });
        } else {
            self.mov_reg_i32(dest, v);
        }
    }

    /// `rel = dest - here - 4` and whether the label is known and behind us
    /// (`calculate_branch_displacement`).
    fn branch_rel(&mut self, label: Label) -> (i64, bool) {
        let here = self.base.code_pos() as i64;
        match self.base.label_offset(label) {
            Some(dest) => {
                let rel = dest as i64 - here - 4;
                (rel, rel < 0)
            }
            None => (0, false),
        }
    }

    /// `asm_xtensa_j_label`.
    pub fn j_label(&mut self, label: Label) {
        let (rel, _) = self.branch_rel(label);
        if let Some(off) = self.emit_imm("asm_xtensa_j_label", rel, I18::new, I18::clamped(0)) {
            self.emit(Inst::J(off));
        }
    }

    /// The long form of a conditional branch: the caller's inverse branch skips 6 bytes, then `j`.
    fn long_j(&mut self, op: &'static str, rel: i64) {
        if let Some(off) = self.emit_imm(op, rel - 3, I18::new, I18::clamped(0)) {
            self.emit(Inst::J(off));
        }
    }

    /// `asm_xtensa_bccz_reg_label`.
    pub fn bccz_reg_label(&mut self, cc: Ccz, reg: Reg, label: Label) {
        let (rel, backward) = self.branch_rel(label);
        if let (true, Some(r)) = (backward, I12::new(rel)) {
            self.emit(Inst::Bccz { cc, s: reg, rel: r });
            return;
        }
        self.emit(Inst::Bccz {
            cc: cc.invert(),
            s: reg,
            rel: I12::clamped(2),
        });
        self.long_j("asm_xtensa_bccz_reg_label", rel);
    }

    /// `asm_xtensa_bcc_reg_reg_label`.
    pub fn bcc_reg_reg_label(&mut self, cc: Cc, reg1: Reg, reg2: Reg, label: Label) {
        let (rel, backward) = self.branch_rel(label);
        if let (true, Some(r)) = (backward, I8::new(rel)) {
            self.emit(Inst::Bcc {
                cc,
                s: reg1,
                t: reg2,
                rel: r,
            });
            return;
        }
        self.emit(Inst::Bcc {
            cc: cc.invert(),
            s: reg1,
            t: reg2,
            rel: I8::clamped(2),
        });
        self.long_j("asm_xtensa_bcc_reg_reg_label", rel);
    }

    /// `asm_xtensa_l32i_optimised`: `l32i.n`, `l32i`, or the address computed in `dest` first.
    pub fn l32i_optimised(&mut self, dest: Reg, base: Reg, word_offset: u32) {
        self.load_reg_reg_offset(dest, base, word_offset, 2);
    }

    /// `asm_xtensa_load_reg_reg_offset`: load `1 << size` bytes from `base + (offset << size)`.
    pub fn load_reg_reg_offset(&mut self, dest: Reg, base: Reg, offset: u32, size: u32) {
        if size == 2 {
            if let Some(imm) = U4::new(offset as i64) {
                self.emit(Inst::L32iN {
                    t: dest,
                    s: base,
                    imm,
                });
                return;
            }
        }
        if let Some(imm) = U8::new(offset as i64) {
            self.emit(Inst::LdSt {
                op: LdSt::load(size),
                t: dest,
                s: base,
                imm,
            });
            return;
        }
        self.mov_reg_i32_optimised(dest, offset << size);
        self.emit(Inst::AddN {
            r: dest,
            s: base,
            t: dest,
        });
        self.ldst0(LdSt::load(size), dest, dest);
    }

    /// `asm_xtensa_store_reg_reg_offset`: store `1 << size` bytes at `base + (offset << size)`,
    /// through [`REG_TEMP`] when the offset does not fit.
    pub fn store_reg_reg_offset(&mut self, src: Reg, base: Reg, offset: u32, size: u32) {
        if size == 2 {
            if let Some(imm) = U4::new(offset as i64) {
                self.emit(Inst::S32iN {
                    t: src,
                    s: base,
                    imm,
                });
                return;
            }
        }
        if let Some(imm) = U8::new(offset as i64) {
            self.emit(Inst::LdSt {
                op: LdSt::store(size),
                t: src,
                s: base,
                imm,
            });
            return;
        }
        self.mov_reg_i32_optimised(REG_TEMP, offset << size);
        self.emit(Inst::AddN {
            r: REG_TEMP,
            s: base,
            t: REG_TEMP,
        });
        self.ldst0(LdSt::store(size), src, REG_TEMP);
    }

    /// An access with offset 0: `l32i.n`/`s32i.n` for words, else the RRI8 form.
    fn ldst0(&mut self, op: LdSt, t: Reg, s: Reg) {
        let zero = U4::clamped(0);
        self.emit(match op {
            LdSt::L32i => Inst::L32iN { t, s, imm: zero },
            LdSt::S32i => Inst::S32iN { t, s, imm: zero },
            _ => Inst::LdSt {
                op,
                t,
                s,
                imm: U8::clamped(0),
            },
        });
    }

    /// `ASM_{LOAD,STORE}{8,16,32}_REG_REG_REG`: access `base + (index << size)`. The address is formed
    /// in `base` itself (`add.n base, index, base`, `addx2`, `addx4`), then accessed at offset 0.
    pub fn ldst_reg_reg_reg(&mut self, load: bool, size: u32, reg: Reg, base: Reg, index: Reg) {
        match size {
            0 => self.emit(Inst::AddN {
                r: base,
                s: index,
                t: base,
            }),
            1 | 2 => self.emit(Inst::Alu {
                op: if size == 1 {
                    AluOp::Addx2
                } else {
                    AluOp::Addx4
                },
                r: base,
                s: index,
                t: base,
            }),
            _ => {
                self.base.fail(AsmError::ValueOutOfRange {
                    op: "ASM_LOADn_REG_REG_REG",
                    value: size as i64,
                });
                return;
            }
        }
        let op = if load {
            LdSt::load(size)
        } else {
            LdSt::store(size)
        };
        self.ldst0(op, reg, base);
    }

    /// `asm_xtensa_call_ind` / `asm_xtensa_call_ind_win`: `callx0 a0` or `callx8 a8`.
    pub fn call_ind_fun(&mut self, fun: FunKind) {
        if V::WINDOWED {
            self.l32i_optimised(Reg::A8, Self::fun_table(), fun.index() as u32);
            self.emit(Inst::Callx8(Reg::A8));
        } else {
            self.l32i_optimised(Reg::A0, Self::fun_table(), fun.index() as u32);
            self.emit(Inst::Callx0(Reg::A0));
        }
    }

    /// A frame word `saved + local` for `l32i`/`s32i`.
    fn local_word(&mut self, local_num: usize) -> U8 {
        U8::wrapped(Self::saved_words() as i64 + local_num as i64)
    }

    /// `op ar, ar, at`.
    fn alu(&mut self, op: AluOp, dest: Reg, src: Reg) {
        self.emit(Inst::Alu {
            op,
            r: dest,
            s: dest,
            t: src,
        });
    }
}

impl<V: Abi> Asm for AsmXtensaAbi<V> {
    const ARCH: &'static str = V::ARCH;
    const WORD_SIZE: usize = 4;
    type Reg = Reg;

    const REG_RET: Reg = if V::WINDOWED { Reg::A10 } else { Reg::A2 };
    const REG_ARG_1: Reg = if V::WINDOWED { Reg::A10 } else { Reg::A2 };
    const REG_ARG_2: Reg = if V::WINDOWED { Reg::A11 } else { Reg::A3 };
    const REG_ARG_3: Reg = if V::WINDOWED { Reg::A12 } else { Reg::A4 };
    const REG_ARG_4: Reg = if V::WINDOWED { Reg::A13 } else { Reg::A5 };
    const REG_TEMP0: Reg = if V::WINDOWED { Reg::A10 } else { Reg::A2 };
    const REG_TEMP1: Reg = if V::WINDOWED { Reg::A11 } else { Reg::A3 };
    const REG_TEMP2: Reg = if V::WINDOWED { Reg::A12 } else { Reg::A4 };
    const REG_LOCAL_1: Reg = if V::WINDOWED { Reg::A4 } else { Reg::A12 };
    const REG_LOCAL_2: Reg = if V::WINDOWED { Reg::A5 } else { Reg::A13 };
    const REG_LOCAL_3: Reg = if V::WINDOWED { Reg::A6 } else { Reg::A14 };
    const REG_FUN_TABLE: Reg = Self::fun_table();
    const REG_PARENT_RET: Reg = Reg::A2;
    const REG_PARENT_ARG_1: Reg = Reg::A2;
    const REG_PARENT_ARG_2: Reg = Reg::A3;
    const REG_PARENT_ARG_3: Reg = Reg::A4;
    const REG_PARENT_ARG_4: Reg = Reg::A5;
    /// `emitnxtensa.c`: `a12` is word 8 of `nlr_buf_t`; `emitnxtensawin.c`: `a4` is word 2 + 4.
    const NLR_BUF_IDX_LOCAL_1: usize = if V::WINDOWED { 6 } else { 8 };

    const HAS_LOAD8_REG_REG_OFFSET: bool = true;
    const HAS_LOAD16_REG_REG_OFFSET: bool = true;
    const HAS_LOAD32_REG_REG_OFFSET: bool = true;
    const HAS_STORE8_REG_REG_OFFSET: bool = true;
    const HAS_STORE16_REG_REG_OFFSET: bool = true;
    const HAS_STORE32_REG_REG_OFFSET: bool = true;
    const HAS_LOAD_REG_REG_REG: [bool; 3] = [true; 3];
    const HAS_STORE_REG_REG_REG: [bool; 3] = [true; 3];

    fn new(max_num_labels: usize) -> Self {
        AsmXtensaAbi {
            base: CodeBuffer::new(max_num_labels),
            consts: Vec::new(),
            prev_consts: Vec::new(),
            const_table_offset: 0,
            stack_adjust: 0,
            abi: PhantomData,
        }
    }
    fn base(&self) -> &CodeBuffer {
        &self.base
    }
    fn base_mut(&mut self) -> &mut CodeBuffer {
        &mut self.base
    }

    /// `asm_xtensa_end_pass`: the constants of this pass size the next pass's table.
    fn end_pass(&mut self) {
        self.prev_consts = std::mem::take(&mut self.consts);
        self.const_table_offset = 0;
    }

    /// `asm_xtensa_entry` / `asm_xtensa_entry_win`.
    fn entry(&mut self, num_locals: usize, _name: &str) {
        if !self.prev_consts.is_empty() {
            self.const_table();
        }
        if V::WINDOWED {
            self.stack_adjust = 32 + (((NUM_REGS_SAVED_WIN + num_locals as u32) * 4 + 15) & !15);
            // Unchecked in C (see the module doc).
            self.emit(Inst::Entry {
                s: Reg::A1,
                imm: U12::wrapped(self.stack_adjust as i64 / 8),
            });
            self.emit(Inst::S32iN {
                t: Reg::A0,
                s: Reg::A1,
                imm: U4::clamped(0),
            });
            return;
        }
        self.stack_adjust = ((NUM_REGS_SAVED + num_locals as u32) * 4 + 15) & !15;
        if let Some(imm) = I8::new(-(self.stack_adjust as i64)) {
            self.emit(Inst::Addi {
                t: Reg::A1,
                s: Reg::A1,
                imm,
            });
        } else {
            self.emit(Inst::Movi {
                t: Reg::A9,
                imm: I12::wrapped(self.stack_adjust as i64),
            });
            self.emit(Inst::Alu {
                op: AluOp::Sub,
                r: Reg::A1,
                s: Reg::A1,
                t: Reg::A9,
            });
        }
        for i in 0..NUM_REGS_SAVED {
            let t = if i == 0 {
                Reg::A0
            } else {
                Reg::ALL[11 + i as usize]
            };
            self.emit(Inst::S32iN {
                t,
                s: Reg::A1,
                imm: U4::clamped(i as i64),
            });
        }
    }

    /// `asm_xtensa_exit` / `asm_xtensa_exit_win`.
    fn exit(&mut self) {
        if V::WINDOWED {
            self.emit(Inst::L32iN {
                t: Reg::A0,
                s: Reg::A1,
                imm: U4::clamped(0),
            });
            self.emit(Inst::RetwN);
            return;
        }
        for i in (0..NUM_REGS_SAVED).rev() {
            let t = if i == 0 {
                Reg::A0
            } else {
                Reg::ALL[11 + i as usize]
            };
            self.emit(Inst::L32iN {
                t,
                s: Reg::A1,
                imm: U4::clamped(i as i64),
            });
        }
        if let Some(imm) = I8::new(self.stack_adjust as i64) {
            self.emit(Inst::Addi {
                t: Reg::A1,
                s: Reg::A1,
                imm,
            });
        } else {
            self.emit(Inst::Movi {
                t: Reg::A9,
                imm: I12::wrapped(self.stack_adjust as i64),
            });
            self.emit(Inst::AddN {
                r: Reg::A1,
                s: Reg::A1,
                t: Reg::A9,
            });
        }
        self.emit(Inst::RetN);
    }

    fn jump(&mut self, label: Label) {
        self.j_label(label);
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.bccz_reg_label(Ccz::Eq, reg, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.bccz_reg_label(Ccz::Ne, reg, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.bcc_reg_reg_label(Cc::Eq, reg1, reg2, label);
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.emit(Inst::Jx(reg));
    }
    fn call_ind(&mut self, fun: FunKind) {
        self.call_ind_fun(fun);
    }

    /// `asm_xtensa_mov_local_reg`: `s32i src, a1, 4*(saved + local)`.
    fn mov_local_reg(&mut self, local_num: usize, reg_src: Reg) {
        let imm = self.local_word(local_num);
        self.emit(Inst::LdSt {
            op: LdSt::S32i,
            t: reg_src,
            s: Reg::A1,
            imm,
        });
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        self.mov_reg_i32_optimised(reg_dest, imm as u32);
    }
    /// `asm_xtensa_mov_reg_local`: `l32i dest, a1, 4*(saved + local)`.
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: usize) {
        let imm = self.local_word(local_num);
        self.emit(Inst::LdSt {
            op: LdSt::L32i,
            t: reg_dest,
            s: Reg::A1,
            imm,
        });
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.emit(Inst::MovN {
            t: reg_dest,
            s: reg_src,
        });
    }
    /// `asm_xtensa_mov_reg_local_addr`: `addi dest, a1, off`, or `movi` then `add.n`.
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: usize) {
        let off = (Self::saved_words() as i64 + local_num as i64) * 4;
        if let Some(imm) = I8::new(off) {
            self.emit(Inst::Addi {
                t: reg_dest,
                s: Reg::A1,
                imm,
            });
        } else {
            self.emit(Inst::Movi {
                t: reg_dest,
                imm: I12::wrapped(off),
            });
            self.emit(Inst::AddN {
                r: reg_dest,
                s: reg_dest,
                t: Reg::A1,
            });
        }
    }
    /// `asm_xtensa_mov_reg_pcrel`: `movi dest, rel`, then `call0` to the next word-aligned address
    /// (putting it in `a0`), padding, and `add.n dest, dest, a0`.
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        let here = self.base.code_pos() as i64;
        let dest = self.base.label_offset(label).map_or(0, |d| d as i64);
        let rel = dest - here - (3 + 3);
        // `asm_xtensa_op_movi` masks the offset to 12 bits without a check: a handler more than 2 KiB
        // away gets a wrong address, and mpy-cross 1.29 writes exactly that.
        self.emit(Inst::Movi {
            t: reg_dest,
            imm: I12::wrapped(rel),
        });
        let pos = self.base.code_pos();
        let off = (pos >> 1) & 1;
        let pad = (5usize.wrapping_sub(pos)) & 3;
        self.emit(Inst::Call0(I18::clamped(off as i64)));
        for _ in 0..pad {
            self.emit(Inst::Pad);
        }
        self.emit(Inst::AddN {
            r: reg_dest,
            s: reg_dest,
            t: Reg::A0,
        });
    }

    fn neg_reg(&mut self, reg: Reg) {
        self.emit(Inst::Neg { r: reg, t: reg });
    }
    fn clr_reg(&mut self, reg: Reg) {
        self.emit(Inst::MoviN {
            s: reg,
            imm: MoviN::clamped(0),
        });
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.emit(Inst::Ssl(reg_shift));
        self.emit(Inst::Sll {
            r: reg_dest,
            s: reg_dest,
        });
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.emit(Inst::Ssr(reg_shift));
        self.emit(Inst::Srl {
            r: reg_dest,
            t: reg_dest,
        });
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.emit(Inst::Ssr(reg_shift));
        self.emit(Inst::Sra {
            r: reg_dest,
            t: reg_dest,
        });
    }
    fn or_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::Or, dest, src);
    }
    fn xor_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::Xor, dest, src);
    }
    fn and_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::And, dest, src);
    }
    fn add_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.emit(Inst::AddN {
            r: dest,
            s: dest,
            t: src,
        });
    }
    fn sub_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::Sub, dest, src);
    }
    fn mul_reg_reg(&mut self, dest: Reg, src: Reg) {
        self.alu(AluOp::Mull, dest, src);
    }

    fn load_reg_reg_offset(&mut self, dest: Reg, base: Reg, word_offset: i32) {
        self.load32_reg_reg_offset(dest, base, word_offset);
    }
    fn load8_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.ldst0(LdSt::L8ui, dest, base);
    }
    fn load8_reg_reg_offset(&mut self, dest: Reg, base: Reg, byte_offset: i32) {
        // A negative index is passed on as the C `uint` it becomes.
        AsmXtensaAbi::load_reg_reg_offset(self, dest, base, byte_offset as u32, 0);
    }
    fn load16_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.ldst0(LdSt::L16ui, dest, base);
    }
    fn load16_reg_reg_offset(&mut self, dest: Reg, base: Reg, uint16_offset: i32) {
        // A negative index is passed on as the C `uint` it becomes.
        AsmXtensaAbi::load_reg_reg_offset(self, dest, base, uint16_offset as u32, 1);
    }
    fn load32_reg_reg(&mut self, dest: Reg, base: Reg) {
        self.ldst0(LdSt::L32i, dest, base);
    }
    fn load32_reg_reg_offset(&mut self, dest: Reg, base: Reg, uint32_offset: i32) {
        // A negative index is passed on as the C `uint` it becomes.
        AsmXtensaAbi::load_reg_reg_offset(self, dest, base, uint32_offset as u32, 2);
    }

    fn store_reg_reg_offset(&mut self, src: Reg, base: Reg, word_offset: i32) {
        self.store32_reg_reg_offset(src, base, word_offset);
    }
    fn store8_reg_reg(&mut self, src: Reg, base: Reg) {
        self.ldst0(LdSt::S8i, src, base);
    }
    fn store8_reg_reg_offset(&mut self, src: Reg, base: Reg, byte_offset: i32) {
        // A negative index is passed on as the C `uint` it becomes.
        AsmXtensaAbi::store_reg_reg_offset(self, src, base, byte_offset as u32, 0);
    }
    fn store16_reg_reg(&mut self, src: Reg, base: Reg) {
        self.ldst0(LdSt::S16i, src, base);
    }
    fn store16_reg_reg_offset(&mut self, src: Reg, base: Reg, uint16_offset: i32) {
        // A negative index is passed on as the C `uint` it becomes.
        AsmXtensaAbi::store_reg_reg_offset(self, src, base, uint16_offset as u32, 1);
    }
    fn store32_reg_reg(&mut self, src: Reg, base: Reg) {
        self.ldst0(LdSt::S32i, src, base);
    }
    fn store32_reg_reg_offset(&mut self, src: Reg, base: Reg, uint32_offset: i32) {
        // A negative index is passed on as the C `uint` it becomes.
        AsmXtensaAbi::store_reg_reg_offset(self, src, base, uint32_offset as u32, 2);
    }

    fn load_reg_reg_reg(&mut self, size: u32, dest: Reg, base: Reg, index: Reg) {
        self.ldst_reg_reg_reg(true, size, dest, base, index);
    }
    fn store_reg_reg_reg(&mut self, size: u32, src: Reg, base: Reg, index: Reg) {
        self.ldst_reg_reg_reg(false, size, src, base, index);
    }

    /// `#elif N_XTENSA || N_XTENSAWIN` in `emit_native_binary_op`: `movi.n dest, 1; b<cc> lhs, rhs,
    /// +1; movi.n dest, 0`, with the operands swapped for `>` and `<=`.
    fn setcc_reg_reg_reg(&mut self, cmp: Comparison, dest: Reg, lhs: Reg, rhs: Reg) {
        let (cc, swap) = Cc::for_comparison(cmp);
        let (s, t) = if swap { (rhs, lhs) } else { (lhs, rhs) };
        self.emit(Inst::MoviN {
            s: dest,
            imm: MoviN::clamped(1),
        });
        self.emit(Inst::Bcc {
            cc,
            s,
            t,
            rel: I8::clamped(1),
        });
        self.emit(Inst::MoviN {
            s: dest,
            imm: MoviN::clamped(0),
        });
    }
}

